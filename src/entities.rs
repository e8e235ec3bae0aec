//! Named things: people, places, organisations, weapon systems, with a
//! canonical name shared by their aliases.
//!
//! Three sources, in this order of trust:
//! 1. `aliases.tsv`: known names and their variants across languages
//!    ("Corée du Nord" = "Pyongyang" = "DPRK" = `North Korea`), nationality
//!    adjectives included ("nord-coréens").
//! 2. Designators: a capitalized word, a hyphen and digits ("KN-23",
//!    "Hwasong-11", "M-1989"); a weapon when a weapon noun stands near.
//! 3. Capitalized words inside a sentence ("John Kirby", "Koksan"); a
//!    capitalized word opening a sentence counts only as part of a longer
//!    name. A lone surname that ends a longer name of the same document is
//!    that person ("Kirby" after "John Kirby").
//!
//! An unknown name right after a preposition of place ("in Suzu", "à
//! Wajima") is a place.
//!
//! Declared aliases: a cue from `alias_cues.tsv` followed by a name
//! ("baptisés KN-23", "also known as") makes that name another name of the
//! nearest entity of the same kind named before it in the document. The
//! pairs are returned so that reconciliation can merge them across
//! documents.
//!
//! Invariant: entity mentions are in text order and never overlap.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::lexicon::{self, MeasureClass};
use crate::report::Lang;
use crate::text::chars::{fold, is_apostrophe};
use crate::text::segment::Sentence;
use crate::text::words::{match_after, next, prev, TokKind};

/// One entity mention (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityMention {
    pub start: usize,
    pub end: usize,
    pub canonical: String,
    pub kind: &'static str,
}

/// The entities of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocEntities {
    pub mentions: Vec<EntityMention>,
    /// Declared aliases: (alias, canonical name it stands for).
    pub declared: Vec<(String, String)>,
}

/// Designators: a capital, up to eleven more ASCII letters, a hyphen, one
/// to five digits and an optional capital ("KN-23", "Hwasong-11",
/// "M-1989", "Su-27"), standing as a whole word.
fn designators(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let word = |i: usize| i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_');
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_uppercase() || (i > 0 && word(i - 1)) {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i + 1;
        while j < b.len() && b[j].is_ascii_alphabetic() && j - start < 12 {
            j += 1;
        }
        if j < b.len() && b[j] == b'-' {
            let d0 = j + 1;
            let mut k = d0;
            while k < b.len() && b[k].is_ascii_digit() && k - d0 < 5 {
                k += 1;
            }
            if k > d0 {
                if k < b.len() && b[k].is_ascii_uppercase() {
                    k += 1;
                }
                if !word(k) {
                    out.push((start, k));
                    i = k;
                    continue;
                }
            }
        }
        i = j.max(i + 1);
    }
    out
}

struct Words {
    org: HashSet<&'static str>,
    not_name: HashSet<&'static str>,
    place_before: HashSet<&'static str>,
    relative: HashSet<&'static str>,
}

/// Whether a folded word is a relative pronoun ("which", "qui"), which
/// refers to the name before its comma.
pub fn is_relative_pronoun(folded: &str) -> bool {
    words().relative.contains(folded)
}

fn words() -> &'static Words {
    static T: OnceLock<Words> = OnceLock::new();
    T.get_or_init(|| {
        let mut w = Words { org: HashSet::new(), not_name: HashSet::new(), place_before: HashSet::new(), relative: HashSet::new() };
        for line in include_str!("lexicon/entity_words.tsv").lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let (role, word) = line.split_once('\t').expect("entity_words.tsv: role<TAB>word");
            match role {
                "org" => w.org.insert(word),
                "not_name" => w.not_name.insert(word),
                "place_before" => w.place_before.insert(word),
                "relative" => w.relative.insert(word),
                other => panic!("entity_words.tsv: unknown role {other:?}"),
            };
        }
        w
    })
}

fn alias_cues() -> &'static lexicon::PerLang<lexicon::PhraseTable<()>> {
    lexicon::alias_cues()
}

/// Finds the entities of `text`, whose sentences are `sentences`.
pub fn find(text: &str, sentences: &[Sentence], lang: Lang) -> DocEntities {
    let mut found: Vec<EntityMention> = Vec::new();
    let sentence_starts: HashSet<usize> = sentences.iter().map(|s| s.start).collect();

    // 1. Known aliases.
    let table = lexicon::aliases();
    let mut pos = 0;
    while let Some(t) = next(text, pos) {
        pos = t.end;
        if t.kind != TokKind::Word && t.kind != TokKind::Punct {
            continue;
        }
        if text[..t.start].ends_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        for p in table.starting_with(&fold(t.text)) {
            let Some(end) = match_after(text, t.start, &p.tokens) else { continue };
            if p.case_sensitive && !same_letters(&text[t.start..end], p.raw) {
                continue;
            }
            if text[end..].starts_with(|c: char| c.is_alphanumeric())
                || text[end..].starts_with('-') && p.raw.ends_with(char::is_alphabetic) && text[end + 1..].starts_with(char::is_alphabetic)
            {
                continue;
            }
            found.push(EntityMention { start: t.start, end, canonical: p.value.0.to_string(), kind: p.value.1 });
            pos = end;
            break;
        }
    }

    // 2. Designators.
    let mut extra = Vec::new();
    for (a, b) in designators(text) {
        if overlaps(&found, a, b) {
            continue;
        }
        let kind = if near_weapon_noun(text, a, b, lang) { "weapon" } else { "name" };
        extra.push(EntityMention { start: a, end: b, canonical: text[a..b].to_string(), kind });
    }
    found.extend(extra);
    found.sort_by_key(|e| e.start);

    // 3. Capitalized names, checked against the known names found so far.
    let mut names = Vec::new();
    for s in sentences {
        capitalized_names(text, s, &sentence_starts, &found, &mut names);
    }
    // An unknown name right after a preposition of place is a place ("91
    // deaths in Suzu", "à Wajima"): what a figure is specifically about.
    // Not a month ("in September").
    let months = lexicon::months().get(lang);
    for e in names.iter_mut().filter(|e| matches!(e.kind, "name" | "person") && !months.contains_key(fold(&e.canonical).as_ref())) {
        let before = crate::text::words::prev(text, e.start).filter(|t| !t.newline_before);
        if before.is_some_and(|t| words().place_before.contains(fold(t.text).as_ref())) {
            e.kind = "place";
        }
    }
    found.extend(names);
    found.sort_by_key(|e| e.start);

    // A lone word ending a longer person name of the document is that person.
    let mut last_words: HashMap<String, String> = HashMap::new();
    for e in found.iter().filter(|e| e.kind == "person") {
        if let Some(last) = e.canonical.rsplit(' ').next() {
            if last != e.canonical {
                last_words.entry(last.to_string()).or_insert_with(|| e.canonical.clone());
            }
        }
    }
    for e in found.iter_mut().filter(|e| e.kind == "name" || e.kind == OPENER) {
        if let Some(full) = last_words.get(&e.canonical) {
            e.canonical = full.clone();
            e.kind = "person";
        }
    }
    found.retain(|e| e.kind != OPENER);

    let declared = declared_aliases(text, lang, &mut found);
    DocEntities { mentions: found, declared }
}

/// Case-sensitive comparison that ignores spacing and apostrophe style.
fn same_letters(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.chars().filter(|c| !c.is_whitespace()).map(|c| if is_apostrophe(c) { '\'' } else { c }).collect::<String>();
    norm(a) == norm(b)
}

/// The mentions lying inside `[start, end)`, from mentions sorted by start.
pub fn within(mentions: &[EntityMention], start: usize, end: usize) -> &[EntityMention] {
    let a = mentions.partition_point(|e| e.start < start);
    let b = a + mentions[a..].partition_point(|e| e.start < end);
    let mut b2 = b;
    while b2 > a && mentions[b2 - 1].end > end {
        b2 -= 1;
    }
    &mentions[a..b2]
}

/// Whether `[start, end)` overlaps a mention of `found`, which is sorted
/// by start and free of overlaps (so ends are sorted too).
fn overlaps(found: &[EntityMention], start: usize, end: usize) -> bool {
    let i = found.partition_point(|e| e.end <= start);
    found.get(i).is_some_and(|e| e.start < end)
}

/// A thing noun of `concepts.tsv` within a few words of a designator.
fn near_weapon_noun(text: &str, start: usize, end: usize, lang: Lang) -> bool {
    let table = lexicon::measures().get(lang);
    let is_thing =
        |w: &str| table.starting_with(&fold(w)).iter().chain(table.ending_with(&fold(w))).any(|p| p.value.1 == MeasureClass::Thing);
    let mut pos = start;
    for _ in 0..6 {
        let Some(t) = prev(text, pos).filter(|t| !t.newline_before) else { break };
        if t.kind == TokKind::Word && is_thing(t.text) {
            return true;
        }
        pos = t.start;
    }
    let mut pos = end;
    for _ in 0..3 {
        let Some(t) = next(text, pos).filter(|t| !t.newline_before) else { break };
        if t.kind == TokKind::Word && is_thing(t.text) {
            return true;
        }
        pos = t.end;
    }
    false
}

/// Provisional kind of a lone capitalized sentence opener.
const OPENER: &str = "opener";

const PARTICLES: &[&str] = &["de", "du", "des", "van", "von", "der", "al", "bin", "ben", "da", "di", "la", "le"];

/// Runs of capitalized words in sentence `s` not already found.
fn capitalized_names(text: &str, s: &Sentence, sentence_starts: &HashSet<usize>, known: &[EntityMention], found: &mut Vec<EntityMention>) {
    let w = words();
    let mut pos = s.start;
    let mut run: Vec<(usize, usize)> = Vec::new();
    let flush = |run: &mut Vec<(usize, usize)>, found: &mut Vec<EntityMention>| {
        // Trailing particles are not part of the name.
        while run.last().is_some_and(|&(a, b)| PARTICLES.contains(&&text[a..b])) {
            run.pop();
        }
        if let (Some(&(a, _)), Some(&(_, b))) = (run.first(), run.last()) {
            let opens = sentence_starts.contains(&a) || text[..a].trim_end().ends_with(['«', '"', '“', '•', '-', ':']);
            let name = &text[a..b];
            let words_in = run.len();
            if !overlaps(known, a, b) && !w.not_name.contains(name) {
                let is_org = run.iter().any(|&(x, y)| w.org.contains(&text[x..y]))
                    || name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) && name.len() >= 2;
                // A lone capitalized word opening a sentence is kept only if
                // it turns out to be a known surname (resolved in `find`).
                let kind = if opens && words_in == 1 {
                    OPENER
                } else if is_org {
                    "organisation"
                } else if (2..=4).contains(&words_in) {
                    "person"
                } else {
                    "name"
                };
                found.push(EntityMention { start: a, end: b, canonical: name.split_whitespace().collect::<Vec<_>>().join(" "), kind });
            }
        }
        run.clear();
    };
    while let Some(t) = next(text, pos).filter(|t| t.start < s.end) {
        pos = t.end;
        let capital = t.kind == TokKind::Word && t.text.starts_with(char::is_uppercase);
        let particle = t.kind == TokKind::Word && !run.is_empty() && PARTICLES.contains(&t.text);
        let joins = run.is_empty() || !text[run.last().map_or(0, |r| r.1)..t.start].contains(|c: char| !c.is_whitespace() && c != '-');
        if (capital || particle) && joins && !overlaps(known, t.start, t.end) {
            // A function word opening a run ("Les Russes") is not part of it.
            if run.is_empty() && w.not_name.contains(t.text) {
                continue;
            }
            run.push((t.start, t.end));
        } else {
            flush(&mut run, found);
        }
    }
    flush(&mut run, found);
}

/// Applies declared aliases to the mentions; returns the pairs.
fn declared_aliases(text: &str, lang: Lang, found: &mut [EntityMention]) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    let mut renames: HashMap<String, String> = HashMap::new();
    let cues = alias_cues().get(lang);
    for i in 0..found.len() {
        let e = &found[i];
        // The cue must end right before the name (quotes allowed).
        let mut at = e.start;
        if let Some(q) = prev(text, at).filter(|q| matches!(q.text, "«" | "\"" | "“" | "'")) {
            at = q.start;
        }
        let Some(cue_tok) = prev(text, at) else { continue };
        let cue =
            cues.ending_with(&fold(cue_tok.text)).iter().any(|p| crate::text::words::match_before(text, cue_tok.end, &p.tokens).is_some());
        if !cue {
            continue;
        }
        let kind = e.kind;
        let alias = resolve(&renames, &e.canonical);
        // The nearest entity of the same kind before it (a bounded look
        // back keeps a text full of cues linear).
        let Some(target) = found[i.saturating_sub(200)..i]
            .iter()
            .rev()
            .map(|x| (x.kind, resolve(&renames, &x.canonical)))
            .find(|(k, c)| *k == kind && *c != alias)
            .map(|(_, c)| c)
        else {
            continue;
        };
        pairs.push((alias.clone(), target.clone()));
        renames.insert(alias, target);
    }
    // Renames applied once, at the end: linear in the entities.
    for x in found.iter_mut() {
        if renames.contains_key(&x.canonical) {
            x.canonical = resolve(&renames, &x.canonical);
        }
    }
    pairs
}

/// A name after the declared renames, following chains (bounded: a chain
/// never loops, as each rename points to a name already seen).
fn resolve(renames: &HashMap<String, String>, name: &str) -> String {
    let mut current = name;
    for _ in 0..16 {
        match renames.get(current) {
            Some(next) if next != current => current = next,
            _ => break,
        }
    }
    current.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment::sentences;

    fn ents(t: &str, lang: Lang) -> DocEntities {
        find(t, &sentences(t), lang)
    }
    fn canon(t: &str, lang: Lang) -> Vec<(String, &'static str)> {
        ents(t, lang).mentions.into_iter().map(|e| (e.canonical, e.kind)).collect()
    }

    #[test]
    fn aliases_share_a_canonical_name() {
        let c = canon("Pyongyang a aidé Moscou. La Corée du Nord et la RPDC aident le Kremlin.", Lang::Fr);
        let names: Vec<&str> = c.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, vec!["North Korea", "Russia", "North Korea", "North Korea", "Russia"]);
        let c = canon("North Korea sent 12,000 North Korean troops to Russia, the DPRK said.", Lang::En);
        assert!(c.iter().filter(|(n, _)| n == "North Korea").count() == 3, "{c:?}");
    }

    #[test]
    fn people_organisations_and_designators() {
        let c =
            canon("Le porte-parole John Kirby a parlé. Selon Andriy Kovalenko, les missiles KN-23 ont frappé. Kirby a ajouté.", Lang::Fr);
        assert!(c.contains(&("John Kirby".into(), "person")), "{c:?}");
        assert!(c.contains(&("Andriy Kovalenko".into(), "person")), "{c:?}");
        assert!(c.contains(&("KN-23".into(), "weapon")), "{c:?}");
        assert_eq!(c.iter().filter(|(n, _)| n == "John Kirby").count(), 2, "{c:?}");
        let c = canon("a rapporté le Wall Street Journal, selon le Royal United Services Institute.", Lang::Fr);
        assert!(c.contains(&("Royal United Services Institute".into(), "organisation")), "{c:?}");
    }

    #[test]
    fn sentence_openers_are_not_names() {
        let c = canon("Tensions croissantes\nCertains auraient combattu.", Lang::Fr);
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn declared_aliases_merge_names() {
        let t = "Le site produit les missiles balistiques Hwasong-11.\n\nAutre paragraphe.\n\nLes forces font face à ces missiles baptisés KN-23 par les services occidentaux.";
        let d = ents(t, Lang::Fr);
        assert_eq!(d.declared, vec![("KN-23".to_string(), "Hwasong-11".to_string())]);
        assert!(d.mentions.iter().filter(|e| e.canonical == "Hwasong-11").count() == 2);
        let d = ents("The Hwasong-11 missile, also known as KN-23, was fired.", Lang::En);
        assert_eq!(d.declared, vec![("KN-23".to_string(), "Hwasong-11".to_string())]);
    }
}
