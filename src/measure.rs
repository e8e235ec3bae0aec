//! What a figure counts, as a language-independent key.
//!
//! The key is a concept of `concepts.tsv` (its French and English nouns,
//! subjects and verbs, by domain), read from the words around the figure:
//! - the noun after it ("12 000 soldats" and "12,000 troops" give
//!   `soldier`), past the words that sit between a figure and its noun ("le
//!   nombre de", "of the");
//! - a person noun followed in the same clause by a casualty word takes the
//!   casualty's key ("300 soldats ont été tués" gives `killed`), and
//!   generic people followed by a verb take the verb's ("deux millions de
//!   personnes ont manifesté" gives `protester`);
//! - a figure with no noun after it takes the subject named before it in
//!   its clause ("le taux de chômage s'établit à 7,3 %", "GDP grew 0.4%",
//!   "la dette publique dépasse 3 000 milliards"), with the subject's own
//!   aspect when the word names a change ("la croissance": `gdp`, change);
//!   an aside between commas is skipped ("Core CPI, which strips out food
//!   and energy, climbed 0.4%") and a word opening a new clause ends the
//!   search ("energy fell 0.9% as gasoline slid 3.3%"), per
//!   `clause_words.tsv`; in a headline or a list the subject stands before
//!   a colon ("Déficit public : 5,8 % du PIB"), and a subject pronoun
//!   opening the clause is found for the claims stage to resolve
//!   (`pronoun_subject`: "En valeur, il atteint 169,6 milliards");
//! - a share takes the noun it is "of" ("14 % des voix": `vote_share`),
//!   only when nothing but "des"/"of the" stands between;
//! - the kind of figure adds a suffix: a length in millimetres or
//!   centimetres is a calibre ("pièces d'artillerie de 177 mm" gives
//!   `artillery.calibre`), other units their dimension
//!   (`ammunition.mass`), a duration `duration`.
//!
//! A noun the lexicon lacks gives a stemmed key tied to its language
//! ("fr:zythologu"): it still meets the same noun in another text of that
//! language, but names no concept, so its figures are never judged.
//!
//! Invariant: the measure's span lies inside the sentence of the figure.

use crate::lexicon::{self, ClauseWord, MeasureClass};
use crate::numbers::Mention;
use crate::report::{Kind, Lang};
use crate::text::chars::fold;
use crate::text::stem::stem;
use crate::text::words::{match_after, match_before, next, prev, TokKind};

/// A measure and the words it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measure {
    pub key: String,
    pub start: usize,
    pub end: usize,
    /// The words name a change of the concept ("la croissance": `gdp`).
    pub change: bool,
}

/// How many tokens after a figure its noun may be.
const REACH: usize = 6;

/// Longest measure phrase starting at byte `pos`.
fn phrase_at(text: &str, pos: usize, lang: Lang) -> Option<(&'static str, MeasureClass, usize)> {
    let t = next(text, pos)?;
    for p in lexicon::measures().get(lang).starting_with(&fold(t.text)) {
        if let Some(end) = match_after(text, t.start, &p.tokens) {
            if p.case_sensitive && !text[t.start..end].starts_with(p.raw) {
                continue;
            }
            if text[end..].starts_with(char::is_alphanumeric) {
                continue;
            }
            return Some((p.value.0, p.value.1, end));
        }
    }
    None
}

/// Longest phrase of one of `classes` ending at byte `pos`: (key, change,
/// start).
fn phrase_ending(text: &str, pos: usize, lang: Lang, classes: &[MeasureClass]) -> Option<(&'static str, bool, usize)> {
    let t = prev(text, pos)?;
    for p in lexicon::measures().get(lang).ending_with(&fold(t.text)) {
        if !classes.contains(&p.value.1) {
            continue;
        }
        if let Some(start) = match_before(text, t.end, &p.tokens) {
            if p.case_sensitive && !text[start..].starts_with(p.raw) {
                continue;
            }
            return Some((p.value.0, p.value.2, start));
        }
    }
    None
}

fn is_clause_break(tok: &str) -> bool {
    matches!(tok, "," | ";" | ":" | "." | "!" | "?" | "(" | ")" | "«" | "»" | "\"" | "“" | "”" | "•" | "|")
}

/// Whether only skip words ("des", "of the") stand between `from` and `to`:
/// a share's noun follows it ("14 % des voix", "33.7% of the vote"), not a
/// noun further on ("5.25% in split vote").
fn only_skips_between(text: &str, mut from: usize, to: usize, lang: Lang) -> bool {
    while from < to {
        let Some(t) = next(text, from).filter(|t| t.start < to) else { return true };
        match phrase_at(text, t.start, lang) {
            Some((_, MeasureClass::Skip | MeasureClass::Refine, end)) => from = end,
            _ => return false,
        }
    }
    true
}

/// Whether a word saying what a sum is for ("pour", "for", "par", "per")
/// stands between the bytes `from` and `to`.
fn purpose_between(text: &str, mut from: usize, to: usize, lang: Lang) -> bool {
    let words: &[&str] = match lang {
        Lang::Fr => &["pour", "par"],
        Lang::En => &["for", "per"],
    };
    while let Some(t) = next(text, from).filter(|t| t.start < to) {
        if words.contains(&&*fold(t.text)) {
            return true;
        }
        from = t.end;
    }
    false
}

/// The start of the `n`th token before byte `pos`, not before `floor`.
fn prev_start(text: &str, mut pos: usize, n: usize, floor: usize) -> usize {
    for _ in 0..n {
        match prev(text, pos).filter(|t| t.start >= floor) {
            Some(t) => pos = t.start,
            None => break,
        }
    }
    pos
}

/// The noun after `pos`: (key, class, start, end).
fn noun_after(text: &str, mut pos: usize, limit: usize, lang: Lang) -> Option<(String, MeasureClass, usize, usize)> {
    let mut first_content: Option<(usize, usize)> = None;
    for _ in 0..REACH {
        let Some(t) = next(text, pos).filter(|t| t.start < limit && !t.newline_before) else { break };
        if t.kind == TokKind::Punct && is_clause_break(t.text) || t.kind == TokKind::Digits {
            break;
        }
        // "2,0 % et l'inflation": what follows a conjunction is another
        // thing, not the figure's noun.
        if t.kind == TokKind::Word && matches!(&*fold(t.text), "et" | "and" | "ou" | "or" | "mais" | "but" | "contre" | "versus") {
            break;
        }
        if let Some((key, class, end)) = phrase_at(text, t.start, lang) {
            if !matches!(class, MeasureClass::Skip | MeasureClass::Refine) {
                return Some((key.to_string(), class, t.start, end));
            }
            pos = end;
            continue;
        }
        // A name between the figure and its noun ("150 KN-23 missiles"):
        // step over it, designator digits included.
        if t.kind == TokKind::Word && t.text.starts_with(char::is_uppercase) {
            pos = t.end;
            if let Some(dash) = next(text, pos).filter(|d| d.start == pos && d.text == "-") {
                if let Some(d) = next(text, dash.end).filter(|d| d.start == dash.end && d.kind == TokKind::Digits) {
                    pos = d.end;
                }
            }
            continue;
        }
        if t.kind == TokKind::Word && first_content.is_none() {
            first_content = Some((t.start, t.end));
        }
        pos = t.end;
    }
    // A noun the lexicon lacks: the first content word, when it looks like
    // one (lower case, long enough, not a function word).
    let (s, e) = first_content?;
    let word = &text[s..e];
    let folded = fold(word);
    if word.chars().count() < 4 || !word.starts_with(char::is_lowercase) || lexicon::lang_markers().contains_key(&*folded) {
        return None;
    }
    Some((format!("{}:{}", lang.code(), stem(word, lang)), MeasureClass::Thing, s, e))
}

/// Words that narrow what a measure counts ("automotrices",
/// "long-range"), read just before and after its noun.
pub fn refinements(text: &str, noun: [usize; 2], limit: [usize; 2], lang: Lang) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    let mut add = |key: &'static str| {
        if !out.contains(&key) {
            out.push(key);
        }
    };
    // Before the noun (English adjectives): up to three tokens.
    let mut pos = noun[0];
    for _ in 0..3 {
        let Some(t) = prev(text, pos).filter(|t| t.start >= limit[0] && !t.newline_before) else { break };
        if t.kind == TokKind::Digits || t.kind == TokKind::Punct && is_clause_break(t.text) {
            break;
        }
        let table = lexicon::measures().get(lang);
        let mut start = t.start;
        for p in table.ending_with(&fold(t.text)).iter().filter(|p| p.value.1 == MeasureClass::Refine) {
            if let Some(s) = match_before(text, t.end, &p.tokens).filter(|&s| s >= limit[0]) {
                add(p.value.0);
                start = s;
                break;
            }
        }
        pos = start;
    }
    // After it (French adjectives and complements): up to five tokens.
    let mut pos = noun[1];
    for _ in 0..5 {
        let Some(t) = next(text, pos).filter(|t| t.end <= limit[1] && !t.newline_before) else { break };
        if t.kind == TokKind::Digits || t.kind == TokKind::Punct && is_clause_break(t.text) {
            break;
        }
        match phrase_at(text, t.start, lang) {
            Some((key, MeasureClass::Refine, end)) => {
                add(key);
                pos = end;
            }
            _ => pos = t.end,
        }
    }
    out
}

/// A phrase of `class` later in the clause: a casualty word after a person
/// noun ("300 soldats ont été tués"), or a verb saying what the counted
/// people did ("deux millions de personnes ont manifesté").
fn later_in_clause(text: &str, mut pos: usize, limit: usize, lang: Lang, class: MeasureClass) -> Option<(&'static str, usize)> {
    for _ in 0..REACH + 3 {
        let t = next(text, pos).filter(|t| t.start < limit && !t.newline_before)?;
        // "9,001 square kilometers (3,475 square miles) of rainforest were
        // cleared": a bracketed aside is stepped over.
        if t.text == "(" {
            if let Some(close) = text[t.end..limit]
                .find(')')
                .filter(|&c| !text[t.end..t.end + c].contains(['(', ';']) && !text[t.end..t.end + c].contains(". "))
            {
                pos = t.end + close + 1;
                continue;
            }
        }
        if t.kind == TokKind::Punct && is_clause_break(t.text) || t.kind == TokKind::Digits {
            return None;
        }
        if let Some((key, c, end)) = phrase_at(text, t.start, lang) {
            if c == class {
                return Some((key, end));
            }
        }
        pos = t.end;
    }
    None
}

/// The thing named just before a figure ("obus d'artillerie de 122 mm").
fn noun_before(text: &str, start: usize, floor: usize, lang: Lang) -> Option<Measure> {
    before(text, start, floor, lang, &[MeasureClass::Thing, MeasureClass::Person], 8)
}

/// A phrase of `classes` within `reach` tokens before byte `start`, in the
/// same clause.
fn before(text: &str, start: usize, floor: usize, lang: Lang, classes: &[MeasureClass], reach: usize) -> Option<Measure> {
    let mut pos = start;
    for _ in 0..reach {
        let t = prev(text, pos).filter(|t| t.start >= floor && !t.newline_before)?;
        // The point of "0.25" or the comma of "7,3" separates no clause.
        let in_number = matches!(t.text, "." | ",")
            && text[..t.start].ends_with(|c: char| c.is_ascii_digit())
            && text[t.end..].starts_with(|c: char| c.is_ascii_digit());
        if t.kind == TokKind::Punct && is_clause_break(t.text) && !in_number {
            // An aside between the subject and its verb is no clause of
            // its own ("Core CPI, which strips out food and energy, climbed").
            match (t.text, aside_start(text, t.start, floor, lang)) {
                (",", Some(s)) => {
                    pos = s;
                    continue;
                }
                // "La charge de la dette s'est alourdie, à 58 milliards": a
                // comma before the preposition of the level reached
                // belongs to the same clause.
                // "La charge d'intérêts (hors Sifim) grimpe à 58 milliards":
                // a bracketed aside inside the clause is stepped over.
                (")", _) if text[floor..t.start].rfind('(').is_some_and(|o| !text[floor + o..t.start].contains([')', '.', ';'])) => {
                    pos = floor + text[floor..t.start].rfind('(').unwrap_or(0);
                    continue;
                }
                (",", None) if matches!((lang, fold(text[t.end..start].trim()).as_ref()), (Lang::Fr, "a") | (Lang::En, "to" | "at")) => {
                    pos = t.start;
                    continue;
                }
                // A headline or a list names the measure before a colon
                // ("Déficit public : 5,8 % du PIB", "Inflation: 2.4%").
                (":", _) => {
                    return phrase_ending(text, t.start, lang, classes).filter(|&(_, _, s)| s >= floor).map(|(key, change, s)| Measure {
                        key: key.to_string(),
                        start: s,
                        end: t.start,
                        change,
                    });
                }
                _ => return None,
            }
        }
        if let Some((key, change, s)) = phrase_ending(text, t.end, lang, classes) {
            return Some(Measure { key: key.to_string(), start: s, end: t.end, change });
        }
        if t.kind == TokKind::Word && clause_word_at(text, t.start, lang) == Some(ClauseWord::Clause) {
            return None;
        }
        pos = t.start;
    }
    None
}

/// How many words may stand between a subject pronoun and its figure
/// ("il atteint", "elle a atteint", "it stood at").
const PRONOUN_VERB: usize = 3;

/// The span of a subject pronoun opening the clause of the figure at byte
/// `lead`, with only the words of its verb between ("En valeur, il atteint
/// 169,6 milliards"): the figure measures what the sentence before stated.
pub fn pronoun_subject(text: &str, lead: usize, floor: usize, lang: Lang) -> Option<(usize, usize)> {
    let mut pos = lead;
    for i in 0..=PRONOUN_VERB {
        let t = prev(text, pos).filter(|t| t.start >= floor && !t.newline_before && t.kind == TokKind::Word)?;
        if i > 0 && clause_word_at(text, t.start, lang) == Some(ClauseWord::Pronoun) {
            // The pronoun opens its clause: the sentence's start or a break.
            let opens = prev(text, t.start).is_none_or(|b| b.start < floor || b.newline_before || is_clause_break(b.text));
            return opens.then_some((t.start, t.end));
        }
        pos = t.start;
    }
    None
}

/// Whether a restating word of `clause_words.tsv` ends right before byte
/// `lead` ("5,8 % du PIB, soit 169,6 milliards", "that is 90 billion").
pub fn restated(text: &str, lead: usize, lang: Lang) -> bool {
    let Some(last) = prev(text, lead).filter(|t| !t.newline_before) else { return false };
    lexicon::clause_words()
        .get(lang)
        .ending_with(&fold(last.text))
        .iter()
        .any(|p| p.value == ClauseWord::Restate && match_before(text, last.end, &p.tokens).is_some())
}

/// The kind of the `clause_words.tsv` phrase starting at byte `pos`.
fn clause_word_at(text: &str, pos: usize, lang: Lang) -> Option<ClauseWord> {
    let w = next(text, pos)?;
    lexicon::clause_words()
        .get(lang)
        .starting_with(&fold(w.text))
        .iter()
        .find(|p| match_after(text, w.start, &p.tokens).is_some())
        .map(|p| p.value)
}

/// How many tokens an aside between commas may hold.
const ASIDE: usize = 12;

/// The start of the comma opening an aside that the comma at `close`
/// closes: the previous comma of the clause, followed by a word of
/// `clause_words.tsv` ("which", "qui", "hors", "selon").
fn aside_start(text: &str, close: usize, floor: usize, lang: Lang) -> Option<usize> {
    let mut pos = close;
    for _ in 0..ASIDE {
        let t = prev(text, pos).filter(|t| t.start >= floor && !t.newline_before)?;
        if t.text == "," {
            return (clause_word_at(text, t.end, lang) == Some(ClauseWord::Aside)).then_some(t.start);
        }
        if t.kind == TokKind::Punct && is_clause_break(t.text) {
            return None;
        }
        pos = t.start;
    }
    None
}

/// The measure named as the subject before a figure ("le taux de chômage
/// s'établit à 7,3 %", "GDP grew 0.4%", "la dette publique dépasse 3 000
/// milliards"): a subject phrase within the clause before the figure.
/// The holder noun of `holders.tsv` standing before byte `lead` past "of"
/// and filler words, with where it starts.
fn holder_before(text: &str, lead: usize, floor: usize, lang: Lang) -> Option<(&'static str, usize)> {
    const REACH: usize = 6;
    let mut words = Vec::new();
    let mut starts = Vec::new();
    let mut pos = lead;
    for _ in 0..REACH {
        let Some(t) = prev(text, pos).filter(|t| t.start >= floor && !t.newline_before) else { break };
        words.push(fold(t.text).into_owned());
        starts.push(t.start);
        pos = t.start;
    }
    words.reverse();
    starts.reverse();
    lexicon::holder_key(lang, &words).map(|(key, i)| (key, starts[i]))
}

fn subject_before(text: &str, start: usize, floor: usize, lang: Lang) -> Option<Measure> {
    before(text, start, floor, lang, &[MeasureClass::Subject], 14)
}

/// The measure of figure `m`, within the sentence `[floor, limit)`.
pub fn measure_of(text: &str, m: &Mention, floor: usize, limit: usize, lang: Lang) -> Option<Measure> {
    let found = |key: String, start: usize, end: usize| Some(Measure { key, start, end, change: false });
    let lead = m.qualifier_start.unwrap_or(m.start);
    match m.kind {
        Kind::Date | Kind::Year | Kind::Ordinal => None,
        Kind::Percent | Kind::Fraction => {
            let after = noun_after(text, m.end, limit, lang).filter(|(_, _, s, _)| only_skips_between(text, m.end, *s, lang));
            // A share of people whose measure the subject names: "l'abstention
            // a atteint 28,01 % des inscrits" is abstention, "le taux de
            // chômage atteint 7,3 % de la population active" unemployment.
            if let Some((_, MeasureClass::Person, _, _)) = after {
                if let Some(x) = subject_before(text, lead, floor, lang) {
                    return Some(x);
                }
            }
            match after {
                Some((key, class, s, e)) if !key.contains(':') && class != MeasureClass::Subject => {
                    // A share the lexicon names as a concept of its own ("des
                    // voix": `vote_share`), else the share of the thing.
                    found(lexicon::share_key(&key), s, e)
                }
                // "7,3 % de taux de chômage" is rare; "le taux de chômage ... 7,3 %" is the rule.
                Some((key, MeasureClass::Subject, s, e)) => found(key, s, e),
                // A verb naming what the share is of, just before it ("Marine
                // Le Pen a obtenu 41,45 %": a share of the votes).
                _ => match before(text, lead, floor, lang, &[MeasureClass::Verb], 2) {
                    Some(x) if lexicon::measure_class(&x.key) != Some(MeasureClass::Person) => {
                        found(format!("{}.share", x.key), x.start, x.end)
                    }
                    _ => subject_before(text, lead, floor, lang).or_else(|| found("share".into(), m.start, m.end)),
                },
            }
        }
        Kind::Measure => {
            let (dimension, _) = lexicon::unit_factor(m.unit.unwrap_or_default())?;
            let suffix = if dimension == "length" && matches!(m.unit, Some("mm" | "cm")) { "calibre" } else { dimension };
            // The noun of the unit's complement, past "of"/"de" alone ("160
            // millions de tonnes de carbone"), not a noun further on.
            let after = noun_after(text, m.end, limit, lang)
                .filter(|(_, c, s, _)| *c == MeasureClass::Thing && (*s <= m.end + 3 || only_skips_between(text, m.end, *s, lang)));
            if let Some((key, _, s, e)) = after {
                return found(format!("{key}.{suffix}"), s, e);
            }
            // "9,001 square kilometers of rainforest were cleared": a verb
            // later in the clause names what the area measures.
            if let Some((verb, ve)) = later_in_clause(text, m.end, limit, lang, MeasureClass::Verb) {
                return found(format!("{verb}.{suffix}"), m.end, ve);
            }
            match noun_before(text, lead, floor, lang).or_else(|| subject_before(text, lead, floor, lang)) {
                Some(x) => found(format!("{}.{suffix}", x.key), x.start, x.end),
                None => found(suffix.to_string(), m.start, m.end),
            }
        }
        Kind::Duration => found("duration".into(), m.start, m.end),
        // What a sum is follows it ("150 millions d'euros de soutien", "180
        // millions d'euros pour le transfert"); a thing past "pour" is what
        // it is for ("140 000 dirhams pour les logements effondrés" is aid,
        // not homes).
        Kind::Money => match noun_after(text, m.end, limit, lang)
            .filter(|(_, c, s, _)| *c != MeasureClass::Thing || !purpose_between(text, m.end, *s, lang))
        {
            Some((key, MeasureClass::Money | MeasureClass::Thing | MeasureClass::Subject, s, e)) if !key.contains(':') => found(key, s, e),
            _ => before(
                text,
                lead,
                floor,
                lang,
                &[MeasureClass::Thing, MeasureClass::Person, MeasureClass::Money, MeasureClass::Subject],
                14,
            )
            // "140 000 dirhams pour les logements effondrés et de 80 000
            // dirhams": the homes are what the sum before is for; "pour des
            // ventes de 86,2 milliards" names the sum itself.
            .filter(|x| {
                only_skips_between(text, x.end, lead, lang) || !purpose_between(text, prev_start(text, x.start, 3, floor), x.start, lang)
            })
            .or_else(|| found("money".into(), m.start, m.end)),
        },
        Kind::Count => {
            // No noun, but a casualty word in the clause ("300 d'entre eux
            // ont été tués"): the figure counts the casualty.
            let Some((key, class, s, e)) = noun_after(text, m.end, limit, lang) else {
                if let Some((casualty, ce)) = later_in_clause(text, m.end, limit, lang, MeasureClass::Casualty) {
                    return found(casualty.to_string(), m.end, ce);
                }
                if let Some((verb, ve)) = later_in_clause(text, m.end, limit, lang, MeasureClass::Verb) {
                    return found(verb.to_string(), m.end, ve);
                }
                // What is counted named before a change of it ("hospital
                // patients fell by 171"), or a casualty named as the
                // subject ("the number of people unaccounted for fell to
                // 102").
                return subject_before(text, lead, floor, lang)
                    .or_else(|| before(text, lead, floor, lang, &[MeasureClass::Person, MeasureClass::Thing], 4))
                    .or_else(|| before(text, lead, floor, lang, &[MeasureClass::Casualty], 8));
            };
            if class == MeasureClass::Person {
                if let Some((casualty, ce)) = later_in_clause(text, e, limit, lang, MeasureClass::Casualty) {
                    return found(casualty.to_string(), s, ce);
                }
                // A verb says what generic people did ("deux millions de
                // personnes ont manifesté"); "11 000 soldats ont été
                // évacués" still counts soldiers.
                if key == "person" {
                    if let Some((verb, ve)) = later_in_clause(text, e, limit, lang, MeasureClass::Verb) {
                        return found(verb.to_string(), s, ve);
                    }
                    // A casualty verb just before generic people ("has
                    // killed 202 people", "a blessé 565 personnes").
                    if let Some(x) = before(text, lead, floor, lang, &[MeasureClass::Casualty], 2) {
                        return found(x.key, x.start, e);
                    }
                    // People in the complement of a holder ("a city of about
                    // 100,000 people", "the evacuation of 100,000 people").
                    if let Some((key, hs)) = holder_before(text, lead, floor, lang) {
                        return found(key.to_string(), hs, e);
                    }
                }
            }
            // A stemmed noun names no concept; a singular noun after a figure
            // that would take the plural ("a magnitude 6.8 earthquake") is
            // what the figure describes, not what it counts: the subject
            // before names the measure.
            if key.contains(':') || class == MeasureClass::Thing && modifies(text, s, e, &key, m.value, lang) {
                if let Some(x) = subject_before(text, lead, floor, lang) {
                    return Some(x);
                }
            }
            found(key, s, e)
        }
    }
}

/// Whether the one-word noun `text[s..e]` of concept `key` is singular
/// after a value that would take the plural: a figure other than one in
/// English ("1.5 kilometres"), two or more in French ("1,5 kilomètre"). A
/// noun is singular when the lexicon lists its plural ("earthquakes")
/// under the same concept.
fn modifies(text: &str, s: usize, e: usize, key: &str, value: f64, lang: Lang) -> bool {
    let plural_expected = match lang {
        Lang::En => value != 1.0,
        Lang::Fr => value >= 2.0,
    };
    let word = fold(&text[s..e]);
    if !plural_expected || word.contains(|c: char| !c.is_alphabetic()) {
        return false;
    }
    let table = lexicon::measures().get(lang);
    [format!("{word}s"), format!("{word}es"), format!("{word}x")]
        .iter()
        .any(|p| table.starting_with(p).iter().any(|x| x.tokens.len() == 1 && x.value.0 == key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::{scan, NumberOptions};

    /// The measure key of every figure of a sentence.
    fn keys(t: &str, lang: Lang) -> Vec<Option<String>> {
        scan(t, lang, &NumberOptions::default()).iter().map(|m| measure_of(t, m, 0, t.len(), lang).map(|x| x.key)).collect()
    }
    fn key(t: &str, lang: Lang) -> String {
        keys(t, lang)[0].clone().unwrap_or_default()
    }

    #[test]
    fn troops_in_both_languages() {
        assert_eq!(key("12 000 soldats nord-coréens", Lang::Fr), "soldier");
        assert_eq!(key("12,000 North Korean troops", Lang::En), "soldier");
        assert_eq!(key("estiment à environ 11 000 le nombre de soldats nord-coréens", Lang::Fr), "soldier");
    }

    #[test]
    fn a_singular_noun_after_a_plural_figure_describes_it() {
        // The quake's magnitude, not a count of quakes.
        assert_eq!(key("The magnitude 6.8 earthquake struck late on Friday", Lang::En), "magnitude");
        // Counts keep their noun, in the plural or after one.
        assert_eq!(key("The region recorded 12 earthquakes", Lang::En), "earthquake");
        assert_eq!(key("Only 1 earthquake was felt", Lang::En), "earthquake");
        assert_eq!(key("1,5 séisme par an en moyenne", Lang::Fr), "earthquake");
    }

    #[test]
    fn a_thing_a_sum_is_for_is_not_what_it_is() {
        let t = "une aide de 140 000 dirhams pour les logements effondrés et de 80 000 dirhams pour les travaux";
        // The second sum names nothing here: the claims stage gives it the
        // measure of the sum before ("et de 80 000 dirhams").
        assert_eq!(keys(t, Lang::Fr), vec![Some("aid".to_string()), Some("money".to_string())]);
        // What the sum itself is, after "pour", still names it.
        let t = "un résultat opérationnel de 22,8 milliards, pour des ventes de 86,2 milliards d'euros";
        assert_eq!(keys(t, Lang::Fr)[1].as_deref(), Some("sale"));
    }

    #[test]
    fn people_of_a_holder_are_what_it_names() {
        assert_eq!(key("Derna, a city of about 100,000 people", Lang::En), "population");
        assert_eq!(key("une ville de 100 000 habitants", Lang::Fr), "population");
        assert_eq!(key("forced the evacuation of a total of 100,000 people", Lang::En), "evacuated");
        // Soldiers stay soldiers; a holder far from the people is no holder.
        assert_eq!(key("a city of 3,000 soldiers", Lang::En), "soldier");
        assert_eq!(key("the city said 5,000 people", Lang::En), "person");
    }

    #[test]
    fn casualties_override_people() {
        assert_eq!(
            keys("300 soldats ont été tués et environ 2 700 blessés", Lang::Fr),
            vec![Some("killed".into()), Some("wounded".into())]
        );
        assert_eq!(keys("2,700 wounded and 300 killed", Lang::En), vec![Some("wounded".into()), Some("killed".into())]);
        assert_eq!(key("11 000 soldats ont été déployés", Lang::Fr), "soldier");
        assert_eq!(key("environ 300 d'entre eux ont été tués", Lang::Fr), "killed");
        assert_eq!(key("300 of them were killed", Lang::En), "killed");
        assert_eq!(key("the quake has now killed 202 people", Lang::En), "killed");
        assert_eq!(key("le séisme a blessé 565 personnes", Lang::Fr), "wounded");
        assert_eq!(key("The number of people unaccounted for fell to 102", Lang::En), "missing");
    }

    #[test]
    fn things_shares_and_calibres() {
        assert_eq!(key("L'abstention a atteint 28,01 % des inscrits", Lang::Fr), "abstention");
        assert_eq!(key("Le taux de chômage atteint 7,3 % de la population active", Lang::Fr), "unemployment");
        assert_eq!(key("Macron a obtenu 38,52 % des inscrits", Lang::Fr), "registered_voter.share");
        assert_eq!(key("8 millions d’obus d’artillerie", Lang::Fr), "shell");
        assert_eq!(key("60 pour cent des obus d'artillerie", Lang::Fr), "shell.share");
        assert_eq!(key("200 unités d’artillerie à longue portée", Lang::Fr), "artillery");
        assert_eq!(key("150 missiles balistiques à courte portée", Lang::Fr), "missile");
        assert_eq!(
            keys("des pièces d’artillerie automotrices de 177 mm et des lance-roquettes à longue portée de 240 mm", Lang::Fr),
            vec![Some("artillery.calibre".into()), Some("rocket_launcher.calibre".into())]
        );
        assert_eq!(key("240-millimeter rocket launchers", Lang::En), "rocket_launcher.calibre");
        assert_eq!(key("d'obus d'artillerie de 122 mm", Lang::Fr), "shell.calibre");
    }

    #[test]
    fn names_between_figure_and_noun_are_skipped() {
        assert_eq!(key("at least 150 KN-23 ballistic missiles", Lang::En), "missile");
    }

    #[test]
    fn refinements_narrow_a_measure() {
        let t = "200 unités d’artillerie à longue portée et 120 unités d’artillerie automotrices";
        let ms = scan(t, Lang::Fr, &NumberOptions::default());
        let r: Vec<Vec<&str>> = ms
            .iter()
            .map(|m| {
                let x = measure_of(t, m, 0, t.len(), Lang::Fr).unwrap();
                refinements(t, [x.start, x.end], [0, t.len()], Lang::Fr)
            })
            .collect();
        assert_eq!(r, vec![vec!["long_range"], vec!["self_propelled"]]);
        let t = "up to 120 self-propelled artillery units";
        let m = &scan(t, Lang::En, &NumberOptions::default())[0];
        let x = measure_of(t, m, 0, t.len(), Lang::En).unwrap();
        assert_eq!(refinements(t, [x.start, x.end], [0, t.len()], Lang::En), vec!["self_propelled"]);
    }

    #[test]
    fn unknown_nouns_fall_back_to_stems() {
        assert_eq!(key("5 000 zythologues", Lang::Fr), key("5 000 zythologue", Lang::Fr));
        assert!(key("5 000 zythologues", Lang::Fr).starts_with("fr:"));
        assert_eq!(keys("en 2025", Lang::Fr), vec![None]);
    }
}
