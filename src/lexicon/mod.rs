//! The data the stages read: number words, multipliers, units, how
//! currency words behave around a figure, angle and age cues, clock cues,
//! qualifiers, months, language markers, abbreviations, measures, aliases.
//!
//! Each table is one file beside this module, compiled in with
//! `include_str!` and parsed once on first use. Files are tab-separated,
//! `#` starts a comment line, and the first column of most tables is the
//! language (`fr`, `en`, or `*` for both). Phrases are tokenized and
//! folded as `text::words` does, so "près de" matches "Près de" and
//! "pres\u{a0}de"; a phrase holding a capital letter ("M", "US$") is
//! matched with its case, to keep "M" (million) apart from "m" (metre).

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::report::{Kind, Lang, Qualifier};
use crate::text::chars::fold;
use crate::text::words::phrase_tokens;

/// A fast hash for the short keys of the tables (words): every word of a
/// text is looked up several times, and the default hasher's protection
/// against crafted keys is not needed for fixed tables.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map keyed by words.
pub type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// Non-comment, non-empty lines of a table, split on tabs.
fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| l.split('\t').map(str::trim).collect())
}

fn langs(code: &str) -> &'static [Lang] {
    match code {
        "fr" => &[Lang::Fr],
        "en" => &[Lang::En],
        "*" => &[Lang::Fr, Lang::En],
        other => panic!("lexicon: unknown language {other:?}"),
    }
}

/// A phrase of a table, ready to match against text.
#[derive(Debug, Clone)]
pub struct Phrase<T> {
    pub tokens: Vec<String>,
    /// The phrase as written, for case-sensitive entries.
    pub raw: &'static str,
    pub case_sensitive: bool,
    pub value: T,
}

/// Phrases of one language indexed by their first folded token, longest
/// first, so the longest match wins.
#[derive(Debug)]
pub struct PhraseTable<T> {
    by_first: HashMap<String, Vec<Phrase<T>>>,
    by_last: HashMap<String, Vec<Phrase<T>>>,
}

impl<T> PhraseTable<T> {
    /// Candidates whose first token is `token` (folded).
    pub fn starting_with(&self, token: &str) -> &[Phrase<T>] {
        self.by_first.get(token).map_or(&[], Vec::as_slice)
    }

    /// Candidates whose last token is `token` (folded).
    pub fn ending_with(&self, token: &str) -> &[Phrase<T>] {
        self.by_last.get(token).map_or(&[], Vec::as_slice)
    }
}

impl<T: Clone> PhraseTable<T> {
    fn new(entries: Vec<(&'static str, T)>) -> Self {
        let mut by_first: HashMap<String, Vec<Phrase<T>>> = HashMap::default();
        let mut by_last: HashMap<String, Vec<Phrase<T>>> = HashMap::default();
        for (raw, value) in entries {
            let tokens = phrase_tokens(raw);
            let Some(first) = tokens.first().cloned() else { continue };
            let last = tokens.last().cloned().unwrap_or_default();
            let p = Phrase { tokens, raw, case_sensitive: raw.chars().any(char::is_uppercase), value };
            by_first.entry(first).or_default().push(p.clone());
            by_last.entry(last).or_default().push(p);
        }
        for v in by_first.values_mut().chain(by_last.values_mut()) {
            v.sort_by_key(|p| std::cmp::Reverse(p.tokens.len()));
        }
        PhraseTable { by_first, by_last }
    }
}

/// A table per language.
#[derive(Debug)]
pub struct PerLang<T> {
    fr: T,
    en: T,
}

impl<T> PerLang<T> {
    pub fn get(&self, lang: Lang) -> &T {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

fn phrase_tables<T: Clone>(table: &'static str, parse: impl Fn(&[&'static str]) -> (&'static str, T)) -> PerLang<PhraseTable<T>> {
    phrase_tables_of(rows(table), parse)
}

/// Like `phrase_tables`, over rows already chosen.
fn phrase_tables_of<T: Clone>(
    rows: impl Iterator<Item = Vec<&'static str>>,
    parse: impl Fn(&[&'static str]) -> (&'static str, T),
) -> PerLang<PhraseTable<T>> {
    let mut fr = Vec::new();
    let mut en = Vec::new();
    for row in rows {
        let entry = parse(&row[1..]);
        for lang in langs(row[0]) {
            match lang {
                Lang::Fr => fr.push(entry.clone()),
                Lang::En => en.push(entry.clone()),
            }
        }
    }
    PerLang { fr: PhraseTable::new(fr), en: PhraseTable::new(en) }
}

fn number(s: &str) -> f64 {
    s.parse().unwrap_or_else(|_| panic!("lexicon: bad number {s:?}"))
}

pub fn lang_markers() -> &'static HashMap<String, Lang> {
    static T: OnceLock<HashMap<String, Lang>> = OnceLock::new();
    T.get_or_init(|| rows(include_str!("lang_markers.txt")).map(|r| (fold(r[1]).into_owned(), langs(r[0])[0])).collect())
}

pub fn abbreviations() -> &'static HashSet<&'static str> {
    static T: OnceLock<HashSet<&'static str>> = OnceLock::new();
    T.get_or_init(|| rows(include_str!("abbreviations.txt")).map(|r| r[0]).collect())
}

pub fn multipliers() -> &'static PerLang<PhraseTable<f64>> {
    static T: OnceLock<PerLang<PhraseTable<f64>>> = OnceLock::new();
    T.get_or_init(|| phrase_tables(include_str!("multipliers.tsv"), |r| (r[0], number(r[1]))))
}

/// How currency words behave around a figure (`money_words.tsv`).
#[derive(Debug, Default)]
pub struct MoneyWords {
    /// Multipliers glued before a code in capitals ("M" in "MEUR").
    pub prefixes: Vec<(&'static str, f64)>,
    /// Lower-case codes that may stand before a figure ("usd 20").
    pub before: HashSet<&'static str>,
    /// Currency words that are also ordinary words: an article before
    /// them is no amount ("no one won").
    pub ordinary: HashSet<&'static str>,
    /// Words that may follow a currency counted by an article ("un euro
    /// de plus"); empty when any may (English "one").
    pub after: HashSet<String>,
}

pub fn money_words() -> &'static PerLang<MoneyWords> {
    static T: OnceLock<PerLang<MoneyWords>> = OnceLock::new();
    T.get_or_init(|| {
        let (mut fr, mut en) = (MoneyWords::default(), MoneyWords::default());
        for r in rows(include_str!("money_words.tsv")) {
            for lang in langs(r[0]) {
                let t = if *lang == Lang::Fr { &mut fr } else { &mut en };
                match r[1] {
                    "prefix" => t.prefixes.push((r[2], number(r[3]))),
                    "before" => {
                        t.before.insert(r[2]);
                    }
                    "ordinary" => {
                        t.ordinary.insert(r[2]);
                    }
                    "after" => {
                        t.after.insert(fold(r[2]).into_owned());
                    }
                    other => panic!("lexicon: unknown money word role {other:?}"),
                }
            }
        }
        PerLang { fr, en }
    })
}

/// An amount named by a round multiple (`approx_multiples.tsv`): its
/// qualifier (approx or vague), value and interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ApproxMultiple {
    pub qualifier: Qualifier,
    pub value: f64,
    pub low: f64,
    pub high: f64,
}

/// "une vingtaine", "des centaines", "tens of thousands".
pub fn approx_multiples() -> &'static PerLang<PhraseTable<ApproxMultiple>> {
    static T: OnceLock<PerLang<PhraseTable<ApproxMultiple>>> = OnceLock::new();
    T.get_or_init(|| {
        phrase_tables(include_str!("approx_multiples.tsv"), |r| {
            let qualifier = match r[1] {
                "approx" => Qualifier::Approx,
                "vague" => Qualifier::Vague,
                other => panic!("lexicon: unknown qualifier {other:?}"),
            };
            (r[0], ApproxMultiple { qualifier, value: number(r[2]), low: number(r[3]), high: number(r[4]) })
        })
    })
}

/// The first word of each `approx_multiples()` phrase ("une", "des",
/// "hundreds") with the second words that may follow it ("" when the word
/// stands alone), for a quick refusal of every other word: "des" and "une"
/// are everywhere in French, "des centaines" is rare.
pub fn approx_multiple_firsts() -> &'static PerLang<Vec<(&'static str, Vec<&'static str>)>> {
    type Firsts = Vec<(&'static str, Vec<&'static str>)>;
    static T: OnceLock<PerLang<Firsts>> = OnceLock::new();
    T.get_or_init(|| {
        let (mut fr, mut en): (Firsts, Firsts) = (Vec::new(), Vec::new());
        for r in rows(include_str!("approx_multiples.tsv")) {
            let mut words = r[1].split(' ');
            let first = words.next().unwrap_or("");
            let second = words.next().unwrap_or("");
            for lang in langs(r[0]) {
                let v = if *lang == Lang::Fr { &mut fr } else { &mut en };
                match v.iter_mut().find(|(f, _)| *f == first) {
                    Some((_, seconds)) if !seconds.contains(&second) => seconds.push(second),
                    Some(_) => {}
                    None => v.push((first, vec![second])),
                }
            }
        }
        PerLang { fr, en }
    })
}

pub fn qualifiers() -> &'static PerLang<PhraseTable<Qualifier>> {
    static T: OnceLock<PerLang<PhraseTable<Qualifier>>> = OnceLock::new();
    T.get_or_init(|| qualifier_tables(false))
}

/// Phrases after a figure that bound it ("500 ou plus", "or less"): the
/// rows of `qualifiers.tsv` whose qualifier ends in `_after`.
pub fn qualifiers_after() -> &'static PerLang<PhraseTable<Qualifier>> {
    static T: OnceLock<PerLang<PhraseTable<Qualifier>>> = OnceLock::new();
    T.get_or_init(|| qualifier_tables(true))
}

fn qualifier_tables(after: bool) -> PerLang<PhraseTable<Qualifier>> {
    let mut fr = Vec::new();
    let mut en = Vec::new();
    for r in rows(include_str!("qualifiers.tsv")).filter(|r| r[1] != "adverb") {
        let (name, is_after) = match r[1].strip_suffix("_after") {
            Some(n) => (n, true),
            None => (r[1], false),
        };
        if is_after != after {
            continue;
        }
        let q = match name {
            "approx" => Qualifier::Approx,
            "at_least" => Qualifier::AtLeast,
            "more_than" => Qualifier::MoreThan,
            "at_most" => Qualifier::AtMost,
            "less_than" => Qualifier::LessThan,
            other => panic!("lexicon: unknown qualifier {other:?}"),
        };
        for lang in langs(r[0]) {
            match lang {
                Lang::Fr => fr.push((r[2], q)),
                Lang::En => en.push((r[2], q)),
            }
        }
    }
    PerLang { fr: PhraseTable::new(fr), en: PhraseTable::new(en) }
}

/// Adverbs that may stand between a qualifying verb and its figure
/// (`qualifiers.tsv` rows of kind `adverb`): "dépasse désormais".
pub fn qualifier_adverbs() -> &'static PerLang<HashSet<String>> {
    static T: OnceLock<PerLang<HashSet<String>>> = OnceLock::new();
    T.get_or_init(|| {
        let (mut fr, mut en) = (HashSet::new(), HashSet::new());
        for r in rows(include_str!("qualifiers.tsv")).filter(|r| r[1] == "adverb") {
            for lang in langs(r[0]) {
                let t = if *lang == Lang::Fr { &mut fr } else { &mut en };
                t.insert(fold(r[2]).into_owned());
            }
        }
        PerLang { fr, en }
    })
}

/// A unit of `units.tsv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub unit: &'static str,
    pub kind: Kind,
    pub dimension: &'static str,
    /// Factor to the dimension's base unit.
    pub factor: f64,
}

pub fn units() -> &'static PerLang<PhraseTable<Unit>> {
    static T: OnceLock<PerLang<PhraseTable<Unit>>> = OnceLock::new();
    T.get_or_init(|| {
        phrase_tables(include_str!("units.tsv"), |r| {
            let kind = match r[2] {
                "percent" => Kind::Percent,
                "measure" => Kind::Measure,
                "money" => Kind::Money,
                "duration" => Kind::Duration,
                other => panic!("lexicon: unknown unit kind {other:?}"),
            };
            (r[0], Unit { unit: r[1], kind, dimension: r[3], factor: number(r[4]) })
        })
    })
}

/// Conversion factor of a normalized unit to its dimension's base.
pub fn unit_factor(unit: &str) -> Option<(&'static str, f64)> {
    static T: OnceLock<HashMap<&'static str, (&'static str, f64)>> = OnceLock::new();
    let t = T.get_or_init(|| {
        rows(include_str!("units.tsv"))
            .map(|r| (r[2], (r[4], number(r[5]))))
            .chain(angle_unit_rows().map(|r| (r[3], (ANGLE, number(r[4])))))
            .collect()
    });
    t.get(unit).copied()
}

/// Whether a measure key is only a dimension of `units.tsv` ("area",
/// "length"): what a figure in that unit measures is not named.
pub fn is_dimension(key: &str) -> bool {
    static T: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    T.get_or_init(|| rows(include_str!("units.tsv")).map(|r| r[4]).chain([ANGLE, "calibre"]).collect()).contains(key)
}

/// The dimension of the angle units of `angles.tsv`.
const ANGLE: &str = "angle";

fn angle_unit_rows() -> impl Iterator<Item = Vec<&'static str>> {
    rows(include_str!("angles.tsv")).filter(|r| r[1] == "unit")
}

/// What a word near a degree says of it (`angles.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AngleCue {
    /// A rotation or an angle: "tourner", "rotate", "angle".
    Angle,
    /// Starts like a cue but names none: "tourne autour", "in turn".
    Other,
    /// A temperature: "température", "thermostat".
    Weather,
}

pub fn angle_cues() -> &'static PerLang<PhraseTable<AngleCue>> {
    static T: OnceLock<PerLang<PhraseTable<AngleCue>>> = OnceLock::new();
    T.get_or_init(|| {
        phrase_tables_of(rows(include_str!("angles.tsv")).filter(|r| r[1] != "unit"), |r| {
            let cue = match r[0] {
                "cue" => AngleCue::Angle,
                "other" => AngleCue::Other,
                "weather" => AngleCue::Weather,
                other => panic!("lexicon: unknown angle class {other:?}"),
            };
            (r[1], cue)
        })
    })
}

/// Angle units read only beside a cue: degrees, turns (`angles.tsv`).
pub fn angle_units() -> &'static PerLang<PhraseTable<Unit>> {
    static T: OnceLock<PerLang<PhraseTable<Unit>>> = OnceLock::new();
    T.get_or_init(|| {
        phrase_tables_of(angle_unit_rows(), |r| (r[1], Unit { unit: r[2], kind: Kind::Measure, dimension: ANGLE, factor: number(r[3]) }))
    })
}

/// Words before a figure that make it an age (`ages.tsv`: "aged 30").
pub fn age_words_before() -> &'static PerLang<PhraseTable<()>> {
    static T: OnceLock<PerLang<PhraseTable<()>>> = OnceLock::new();
    T.get_or_init(|| phrase_tables_of(rows(include_str!("ages.tsv")).filter(|r| r[1] == "before"), |r| (r[1], ())))
}

/// Words closing an age after its time unit (`ages.tsv`: "year old").
pub fn age_words_after() -> &'static PerLang<PhraseTable<()>> {
    static T: OnceLock<PerLang<PhraseTable<()>>> = OnceLock::new();
    T.get_or_init(|| phrase_tables_of(rows(include_str!("ages.tsv")).filter(|r| r[1] == "after"), |r| (r[1], ())))
}

/// Class of a number word (see `number_words.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordClass {
    Unit,
    Ten,
    Hundred,
    Scale,
    Ordinal,
    Fraction,
    Half,
    Joiner,
    Article,
    /// "point", "virgule": a decimal part follows.
    Point,
    /// "douzaine", "dozen": twelve times what precedes.
    Dozen,
}

pub fn number_words() -> &'static PerLang<HashMap<String, (f64, WordClass)>> {
    static T: OnceLock<PerLang<HashMap<String, (f64, WordClass)>>> = OnceLock::new();
    T.get_or_init(|| {
        let mut fr = HashMap::default();
        let mut en = HashMap::default();
        for r in rows(include_str!("number_words.tsv")) {
            let class = match r[3] {
                "unit" => WordClass::Unit,
                "ten" => WordClass::Ten,
                "hundred" => WordClass::Hundred,
                "scale" => WordClass::Scale,
                "ordinal" => WordClass::Ordinal,
                "fraction" => WordClass::Fraction,
                "half" => WordClass::Half,
                "joiner" => WordClass::Joiner,
                "article" => WordClass::Article,
                "point" => WordClass::Point,
                "dozen" => WordClass::Dozen,
                other => panic!("lexicon: unknown number-word class {other:?}"),
            };
            for lang in langs(r[0]) {
                let t = if *lang == Lang::Fr { &mut fr } else { &mut en };
                t.insert(fold(r[1]).into_owned(), (number(r[2]), class));
            }
        }
        PerLang { fr, en }
    })
}

pub fn months() -> &'static PerLang<HashMap<String, u32>> {
    static T: OnceLock<PerLang<HashMap<String, u32>>> = OnceLock::new();
    T.get_or_init(|| {
        let mut fr = HashMap::default();
        let mut en = HashMap::default();
        for r in rows(include_str!("months.tsv")) {
            for lang in langs(r[0]) {
                let t = if *lang == Lang::Fr { &mut fr } else { &mut en };
                t.insert(fold(r[1]).into_owned(), number(r[2]) as u32);
            }
        }
        PerLang { fr, en }
    })
}

/// How surely a word before a four-digit figure makes it a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearCue {
    /// "en 2025", "since 2022".
    Strong,
    /// Also stands before counts ("de 2019 à 2023", "une foule de 2000
    /// personnes"): a year unless a noun of what figures count follows.
    Weak,
}

/// Words before a four-digit figure that make it a year (`year_cues.tsv`).
pub fn year_cues() -> &'static PerLang<PhraseTable<YearCue>> {
    static T: OnceLock<PerLang<PhraseTable<YearCue>>> = OnceLock::new();
    T.get_or_init(|| {
        phrase_tables_of(rows(include_str!("year_cues.tsv")), |r| {
            (r[0], if r.get(1).copied() == Some("weak") { YearCue::Weak } else { YearCue::Strong })
        })
    })
}

/// Words before a figure in hours that make it a clock time ("à 7 h 30").
pub fn clock_cues() -> &'static PerLang<PhraseTable<()>> {
    static T: OnceLock<PerLang<PhraseTable<()>>> = OnceLock::new();
    T.get_or_init(|| phrase_tables(include_str!("clock_cues.tsv"), |r| (r[0], ())))
}

/// How a word bounds the clause in which a figure's subject is looked for
/// (see `clause_words.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseWord {
    /// Opens an aside between commas ("Core CPI, which strips out food
    /// and energy, climbed"): skipped.
    Aside,
    /// Opens a new clause with its own subject ("as gasoline slid").
    Clause,
    /// Restates the figure before in another form ("soit 169,6 milliards").
    Restate,
    /// A subject pronoun standing for the measure of the sentence before
    /// ("En valeur, il atteint 169,6 milliards").
    Pronoun,
}

/// Words bounding the clause of a figure's subject.
pub fn clause_words() -> &'static PerLang<PhraseTable<ClauseWord>> {
    static T: OnceLock<PerLang<PhraseTable<ClauseWord>>> = OnceLock::new();
    T.get_or_init(|| {
        phrase_tables(include_str!("clause_words.tsv"), |r| {
            let kind = match r[0] {
                "aside" => ClauseWord::Aside,
                "clause" => ClauseWord::Clause,
                "restate" => ClauseWord::Restate,
                "pronoun" => ClauseWord::Pronoun,
                k => panic!("clause_words.tsv: unknown kind {k:?}"),
            };
            (r[1], kind)
        })
    })
}

/// Whether the folded `word` is, alone, a clause word of this kind ("it"
/// and "il" are pronouns, "while" opens a clause).
pub fn is_clause_word(lang: Lang, word: &str, kind: ClauseWord) -> bool {
    clause_words().get(lang).starting_with(word).iter().any(|p| p.value == kind && p.tokens.len() == 1)
}

/// The key of a share of what `key` counts: the concept of its own where
/// the lexicon has one ("vote" gives `vote_share`), else `key.share`.
pub fn share_key(key: &str) -> String {
    let own = format!("{key}_share");
    if concept(&own).is_some() {
        own
    } else {
        format!("{key}.share")
    }
}

/// Class of a concept phrase (see `concepts.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeasureClass {
    Person,
    Thing,
    Casualty,
    Money,
    /// A noun phrase naming the measure as the subject before the figure
    /// ("le taux de chômage", "GDP").
    Subject,
    /// A verb saying what the counted people did ("ont manifesté").
    Verb,
    Skip,
    Refine,
}

/// A concept of `concepts.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Concept {
    pub domain: &'static str,
    /// A running total that grows over time (`concept_traits.tsv`).
    pub cumulative: bool,
    pub class: MeasureClass,
}

fn class_named(name: &str) -> MeasureClass {
    match name {
        "person" => MeasureClass::Person,
        "thing" => MeasureClass::Thing,
        "casualty" => MeasureClass::Casualty,
        "money" => MeasureClass::Money,
        "subject" => MeasureClass::Subject,
        "verb" => MeasureClass::Verb,
        "skip" => MeasureClass::Skip,
        "refine" => MeasureClass::Refine,
        other => panic!("lexicon: unknown concept class {other:?}"),
    }
}

/// Rows of `concepts.tsv`: key, domain, lang, class, phrase, aspect.
fn concept_rows() -> impl Iterator<Item = Vec<&'static str>> {
    rows(include_str!("concepts.tsv"))
}

/// A phrase's meaning in `concepts.tsv`: key, class, and whether the
/// phrase itself names a change ("croissance" is a change of `gdp`).
pub type ConceptPhrase = (&'static str, MeasureClass, bool);

/// Phrases of `concepts.tsv` by language.
pub fn measures() -> &'static PerLang<PhraseTable<ConceptPhrase>> {
    static T: OnceLock<PerLang<PhraseTable<ConceptPhrase>>> = OnceLock::new();
    T.get_or_init(|| {
        let mut fr = Vec::new();
        let mut en = Vec::new();
        for r in concept_rows() {
            let class = class_named(r[3]);
            let change = r.get(5) == Some(&"change");
            for lang in langs(r[2]) {
                let t = if *lang == Lang::Fr { &mut fr } else { &mut en };
                t.push((r[4], (r[0], class, change)));
            }
        }
        PerLang { fr: PhraseTable::new(fr), en: PhraseTable::new(en) }
    })
}

/// What `concepts.tsv` and `concept_traits.tsv` say of a concept key.
/// Skip and refine rows are no concept.
pub fn concept(key: &str) -> Option<Concept> {
    static T: OnceLock<HashMap<&'static str, Concept>> = OnceLock::new();
    let t = T.get_or_init(|| {
        let cumulative: HashSet<&'static str> =
            rows(include_str!("concept_traits.tsv")).filter(|r| r.get(1) == Some(&"cumulative")).map(|r| r[0]).collect();
        let mut m: HashMap<&'static str, Concept> = HashMap::default();
        for r in concept_rows() {
            let class = class_named(r[3]);
            if matches!(class, MeasureClass::Skip | MeasureClass::Refine) {
                continue;
            }
            m.entry(r[0]).or_insert(Concept { domain: r[1], cumulative: cumulative.contains(r[0]), class });
        }
        m
    });
    t.get(key).copied()
}

/// What a sum of money counted under `key` is, when `concept_traits.tsv`
/// names another key for it (`sale` in euros is `revenue`).
pub fn money_key(key: &str) -> Option<&'static str> {
    static T: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    T.get_or_init(|| {
        rows(include_str!("concept_traits.tsv"))
            .filter(|r| r.get(1) == Some(&"money"))
            .map(|r| {
                let to = r.get(2).copied().unwrap_or_else(|| panic!("concept_traits.tsv: `money` of {} names no key", r[0]));
                assert!(concept(to).is_some(), "concept_traits.tsv: {to} is no concept");
                (r[0], to)
            })
            .collect()
    })
    .get(key)
    .copied()
}

/// Whether a folded word is a share noun of `lang` (`share_nouns.tsv`).
pub fn is_share_noun(lang: Lang, word: &str) -> bool {
    static T: OnceLock<HashSet<(&'static str, &'static str)>> = OnceLock::new();
    T.get_or_init(|| rows(include_str!("share_nouns.tsv")).map(|r| (r[0], r[1])).collect()).contains(&(lang.code(), word))
}

/// What generic people counted after a holder noun and "of"/"de" are
/// (`holders.tsv`): "a city of 100,000 people" -> `population`. `words`
/// are the folded words before the figure, nearest last; filler words may
/// stand between. Returns the key and the holder's index in `words`.
pub fn holder_key(lang: Lang, words: &[String]) -> Option<(&'static str, usize)> {
    type Table = (HashMap<(&'static str, String), &'static str>, HashSet<(&'static str, String)>);
    static T: OnceLock<Table> = OnceLock::new();
    let (holders, fillers) = T.get_or_init(|| {
        let mut h = HashMap::default();
        let mut f = HashSet::new();
        for r in rows(include_str!("holders.tsv")) {
            let word = crate::text::chars::fold(r[2]).into_owned();
            match r[1] {
                "holder" => {
                    assert!(concept(r[3]).is_some(), "holders.tsv: {} is no concept", r[3]);
                    h.insert((r[0], word), r[3]);
                }
                "filler" => {
                    f.insert((r[0], word));
                }
                k => panic!("holders.tsv: unknown kind {k:?}"),
            }
        }
        (h, f)
    });
    let code = lang.code();
    let mut of = false;
    for (i, w) in words.iter().enumerate().rev() {
        if let Some(key) = holders.get(&(code, w.clone())) {
            return of.then_some((*key, i));
        }
        if !fillers.contains(&(code, w.clone())) {
            return None;
        }
        of |= matches!(w.as_str(), "of" | "de" | "d");
    }
    None
}

/// The class of a concept key (the class of its first phrase).
pub fn measure_class(key: &str) -> Option<MeasureClass> {
    concept(key).map(|c| c.class)
}

/// Number of concepts per domain, for documentation and tests.
pub fn concepts_per_domain() -> Vec<(&'static str, usize)> {
    let mut seen: HashSet<(&'static str, &'static str)> = HashSet::new();
    for r in concept_rows() {
        if !matches!(r[3], "skip" | "refine") {
            seen.insert((r[1], r[0]));
        }
    }
    let mut counts: std::collections::BTreeMap<&'static str, usize> = Default::default();
    for (d, _) in seen {
        *counts.entry(d).or_default() += 1;
    }
    counts.into_iter().collect()
}

/// Period words (`periods.tsv`): (kind, value).
pub fn periods() -> &'static PerLang<PhraseTable<(&'static str, &'static str)>> {
    static T: OnceLock<PerLang<PhraseTable<(&'static str, &'static str)>>> = OnceLock::new();
    T.get_or_init(|| phrase_tables(include_str!("periods.tsv"), |r| (r[2], (r[0], r[1]))))
}

/// Aspect words (`aspects.tsv`): (aspect, value).
pub fn aspects() -> &'static PerLang<PhraseTable<(&'static str, &'static str)>> {
    static T: OnceLock<PerLang<PhraseTable<(&'static str, &'static str)>>> = OnceLock::new();
    T.get_or_init(|| phrase_tables(include_str!("aspects.tsv"), |r| (r[2], (r[0], r[1]))))
}

/// Restrictions of who or where (`populations.tsv`): key.
pub fn populations() -> &'static PerLang<PhraseTable<&'static str>> {
    static T: OnceLock<PerLang<PhraseTable<&'static str>>> = OnceLock::new();
    T.get_or_init(|| {
        let mut fr = Vec::new();
        let mut en = Vec::new();
        for r in rows(include_str!("populations.tsv")) {
            for lang in langs(r[1]) {
                let t = if *lang == Lang::Fr { &mut fr } else { &mut en };
                t.push((r[2], r[0]));
            }
        }
        PerLang { fr: PhraseTable::new(fr), en: PhraseTable::new(en) }
    })
}

/// An entry of `aliases.tsv`: canonical name and kind.
pub type Alias = (&'static str, &'static str);

/// Aliases of both languages (names cross languages: a French article
/// may say "Kyiv").
pub fn aliases() -> &'static PhraseTable<Alias> {
    static T: OnceLock<PhraseTable<Alias>> = OnceLock::new();
    T.get_or_init(|| PhraseTable::new(rows(include_str!("aliases.tsv")).map(|r| (r[2], (r[0], r[1]))).collect()))
}

/// Canonical names of `aliases.tsv`, for resolving a name already canonical.
pub fn canonical_names() -> &'static HashSet<&'static str> {
    static T: OnceLock<HashSet<&'static str>> = OnceLock::new();
    T.get_or_init(|| rows(include_str!("aliases.tsv")).map(|r| r[0]).collect())
}

/// Role of an attribution phrase (see `attribution.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttributionRole {
    SourceBefore,
    Verb,
    Hedge,
    Pronoun,
    NotHedge,
    Adverb,
    /// Words that make an attribution no counter ("une première
    /// estimation", "reports").
    NotCounter,
}

pub fn attribution() -> &'static PerLang<PhraseTable<AttributionRole>> {
    static T: OnceLock<PerLang<PhraseTable<AttributionRole>>> = OnceLock::new();
    T.get_or_init(|| {
        phrase_tables(include_str!("attribution.tsv"), |r| {
            let role = match r[0] {
                "source_before" => AttributionRole::SourceBefore,
                "verb" => AttributionRole::Verb,
                "hedge" => AttributionRole::Hedge,
                "pronoun" => AttributionRole::Pronoun,
                "not_hedge" => AttributionRole::NotHedge,
                "adverb" => AttributionRole::Adverb,
                "not_counter" => AttributionRole::NotCounter,
                other => panic!("lexicon: unknown attribution role {other:?}"),
            };
            (r[1], role)
        })
    })
}

pub fn alias_cues() -> &'static PerLang<PhraseTable<()>> {
    static T: OnceLock<PerLang<PhraseTable<()>>> = OnceLock::new();
    T.get_or_init(|| phrase_tables(include_str!("alias_cues.tsv"), |r| (r[0], ())))
}

/// Places inside other places (`places_within.tsv`): (place, within).
pub fn places_within() -> &'static [(&'static str, &'static str)] {
    static T: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    T.get_or_init(|| rows(include_str!("places_within.tsv")).map(|r| (r[0], r[1])).collect())
}

/// A sentence template of `messages.tsv`, in the reader's language.
pub fn message(lang: Lang, key: &str) -> &'static str {
    static T: OnceLock<HashMap<(Lang, &'static str), &'static str>> = OnceLock::new();
    let t = T.get_or_init(|| {
        let mut m = HashMap::default();
        for r in rows(include_str!("messages.tsv")) {
            for lang in langs(r[0]) {
                m.insert((*lang, r[1]), r[2]);
            }
        }
        m
    });
    t.get(&(lang, key)).copied().unwrap_or_else(|| panic!("lexicon: no message {key:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every table parses (a typo in a data file fails here, not in use).
    #[test]
    fn all_tables_parse() {
        assert!(lang_markers().len() > 40);
        assert!(abbreviations().contains("M"));
        assert!(!multipliers().get(Lang::Fr).starting_with("milliards").is_empty());
        assert!(!qualifiers().get(Lang::Fr).starting_with("pres").is_empty());
        assert!(!units().get(Lang::En).starting_with("%").is_empty());
        assert_eq!(number_words().get(Lang::Fr).get("quatre"), Some(&(4.0, WordClass::Unit)));
        assert_eq!(months().get(Lang::Fr).get("fevrier"), Some(&2));
        assert_eq!(unit_factor("cm"), Some(("length", 0.01)));
        assert!(!measures().get(Lang::Fr).starting_with("soldats").is_empty());
        assert!(!aliases().starting_with("coree").is_empty());
        assert!(!attribution().get(Lang::Fr).starting_with("selon").is_empty());
        assert!(!periods().get(Lang::Fr).starting_with("troisieme").is_empty());
        assert!(!aspects().get(Lang::En).starting_with("rose").is_empty());
        assert!(!populations().get(Lang::Fr).starting_with("ehpad").is_empty());
    }

    /// The concept lexicon covers the domains news figures come from, in
    /// both languages.
    #[test]
    fn concepts_cover_the_domains_of_news_figures() {
        let per_domain: std::collections::HashMap<&str, usize> = concepts_per_domain().into_iter().collect();
        for domain in [
            "economy",
            "public_finance",
            "business",
            "elections",
            "demography",
            "health",
            "disaster",
            "conflict",
            "climate_energy",
            "migration",
            "justice",
            "education",
            "sport",
            "transport",
            "housing",
            "protest",
        ] {
            assert!(per_domain.get(domain).copied().unwrap_or(0) >= 8, "{domain}: {per_domain:?}");
        }
        for key in ["unemployment", "consumer_prices", "gdp", "public_debt", "protester", "seat", "turnout", "killed", "casualty"] {
            assert!(concept(key).is_some(), "{key}");
        }
        assert!(concept("killed").is_some_and(|c| c.cumulative));
        assert!(concept("unemployment").is_some_and(|c| !c.cumulative));
        assert_eq!(money_key("sale"), Some("revenue"));
        assert_eq!(money_key("revenue"), None);
        // Every concept has phrases in both languages.
        let mut langs: std::collections::HashMap<&str, (bool, bool)> = std::collections::HashMap::new();
        for r in concept_rows().filter(|r| !matches!(r[3], "skip" | "refine")) {
            let e = langs.entry(r[0]).or_default();
            e.0 |= r[2] == "fr";
            e.1 |= r[2] == "en";
        }
        let one_sided: Vec<&&str> = langs.iter().filter(|(_, (fr, en))| !(*fr && *en)).map(|(k, _)| k).collect();
        assert!(one_sided.is_empty(), "concepts named in one language only: {one_sided:?}");
    }
}
