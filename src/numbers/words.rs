//! Figures written in words, French and English, from `number_words.tsv`.
//!
//! Words join by spaces or hyphens, and by "et" / "and" where the language
//! puts them ("vingt et un", "three hundred and five"). The value is built
//! left to right: units and tens add up inside a group below a thousand
//! ("soixante-dix-sept" = 60 + 10 + 7, with French "quatre-vingt" = 4 × 20),
//! "cent"/"hundred" multiplies the group, and each scale word ("mille",
//! "million") closes a group and must be smaller than the previous scale.
//! A word that breaks these rules ends the number, so "deux trois" is two
//! numbers. A French ordinal is a cardinal plus "ième" ("vingt et unième");
//! a numerator followed by an ordinal or a fraction word is a fraction
//! ("un cinquième", "three quarters", "deux et demi").
//!
//! Not numbers: "un", "une", "one", "a" standing alone, which are articles
//! in running prose, and a scale word with no count ("des millions").

use crate::lexicon::{self, WordClass};
use crate::report::Lang;
use crate::text::chars::fold;
use crate::text::words::{next, TokKind};

/// A figure read from words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WordNumber {
    pub end: usize,
    pub value: f64,
    pub ordinal: bool,
    pub fraction: bool,
}

#[derive(Debug, Clone, Copy)]
struct Item {
    value: f64,
    class: WordClass,
    end: usize,
    /// Joined to the previous word by a hyphen.
    hyphen: bool,
    plural: bool,
}

/// Looks a word up, reading French ordinals ("troisième") as their
/// cardinal with the ordinal flag.
fn lookup(word: &str, lang: Lang) -> Option<(f64, WordClass, bool, bool)> {
    let table = lexicon::number_words().get(lang);
    let w = fold(word);
    if let Some(&(v, c)) = table.get(&w) {
        let ordinal = c == WordClass::Ordinal;
        let plural = w.ends_with('s') && w.len() > 3;
        return Some((v, c, ordinal, plural));
    }
    if lang == Lang::Fr {
        let (stem, plural) = if let Some(s) = w.strip_suffix("iemes") { (s, true) } else { (w.strip_suffix("ieme")?, false) };
        for cand in [stem.to_string(), format!("{stem}e")] {
            if let Some(&(v, c)) = table.get(&cand) {
                if matches!(c, WordClass::Unit | WordClass::Ten | WordClass::Hundred | WordClass::Scale) {
                    return Some((v, WordClass::Ordinal, true, plural));
                }
            }
        }
    }
    None
}

/// Collects the run of number words starting at `start`.
fn items(text: &str, start: usize, lang: Lang) -> Vec<Item> {
    let mut out = Vec::new();
    let mut pos = start;
    let mut hyphen = false;
    while let Some(t) = next(text, pos) {
        if t.newline_before && !out.is_empty() {
            break;
        }
        match t.kind {
            TokKind::Word => {
                let Some((value, class, ordinal, plural)) = lookup(t.text, lang) else { break };
                let _ = ordinal;
                out.push(Item { value, class, end: t.end, hyphen, plural });
                hyphen = false;
                pos = t.end;
                if out.len() > 40 {
                    break;
                }
            }
            TokKind::Punct if matches!(t.text, "-" | "‑" | "‐") && !t.space_before && !out.is_empty() && !hyphen => {
                match next(text, t.end) {
                    Some(n) if n.kind == TokKind::Word && !n.space_before => {
                        hyphen = true;
                        pos = t.end;
                    }
                    _ => break,
                }
            }
            _ => break,
        }
    }
    out
}

/// Reads the number in words starting at `start` (the start of a word).
pub fn parse(text: &str, start: usize, lang: Lang) -> Option<WordNumber> {
    let items = items(text, start, lang);
    let mut total = 0.0f64;
    let mut group = 0.0f64;
    // Last additive component of the group (for ordering checks).
    let mut last_small = f64::INFINITY;
    let mut last_scale = f64::INFINITY;
    let mut best: Option<WordNumber> = None;
    let mut counted = 0; // words that carry a value
    let mut i = 0;
    while i < items.len() {
        let it = items[i];
        let next_item = items.get(i + 1);
        match it.class {
            WordClass::Article => {
                // "a hundred", "a million": only before a scale.
                if i != 0 || !next_item.is_some_and(|n| matches!(n.class, WordClass::Hundred | WordClass::Scale | WordClass::Half)) {
                    break;
                }
                group = 1.0;
                last_small = 1.0;
                i += 1;
                continue;
            }
            WordClass::Joiner => {
                // "vingt et un", "soixante et onze", "three hundred and five",
                // "deux et demi", "two and a half".
                let Some(n) = next_item else { break };
                let ok = match n.class {
                    WordClass::Unit | WordClass::Ordinal => {
                        counted > 0
                            && (lang == Lang::En && last_small >= 100.0
                                || lang == Lang::Fr
                                    && last_small % 10.0 == 0.0
                                    && last_small < 100.0
                                    && (n.value == 1.0 || n.value == 11.0))
                    }
                    WordClass::Ten => lang == Lang::En && counted > 0 && last_small >= 100.0,
                    WordClass::Half => counted > 0,
                    WordClass::Article => lang == Lang::En && counted > 0 && items.get(i + 2).is_some_and(|h| h.class == WordClass::Half),
                    _ => false,
                };
                if !ok {
                    break;
                }
                i += 1;
                if n.class == WordClass::Article {
                    i += 1;
                }
                continue;
            }
            WordClass::Half => {
                // "un demi" = 1/2; "deux et demi" = 2.5; "demi" alone is no figure.
                let joined = i > 0 && items[i - 1].class == WordClass::Joiner || i > 1 && items[i - 2].class == WordClass::Joiner;
                let value = if joined {
                    total + group + 0.5
                } else if counted > 0 || group > 0.0 {
                    (total + group) / 2.0
                } else {
                    break;
                };
                best = Some(WordNumber { end: it.end, value, ordinal: false, fraction: true });
                break;
            }
            WordClass::Fraction => {
                if counted == 0 && group == 0.0 {
                    break;
                }
                let num = total + group;
                best = Some(WordNumber { end: it.end, value: num / it.value, ordinal: false, fraction: true });
                break;
            }
            WordClass::Ordinal => {
                // A numerator before a plural ordinal, or a space-separated
                // ordinal of three or more, makes a fraction.
                let numerator = total + group;
                if numerator > 0.0
                    && !it.hyphen
                    && it.value >= 3.0
                    && (it.plural || numerator == 1.0 || lang == Lang::En)
                    && counted > 0
                    && !(i > 0 && items[i - 1].class == WordClass::Joiner)
                {
                    best = Some(WordNumber { end: it.end, value: numerator / it.value, ordinal: false, fraction: true });
                    break;
                }
                let Some(v) = add(&mut total, &mut group, &mut last_small, &mut last_scale, it.value, lang) else { break };
                best = Some(WordNumber { end: it.end, value: v, ordinal: true, fraction: false });
                break;
            }
            _ => {
                let Some(v) = add(&mut total, &mut group, &mut last_small, &mut last_scale, it.value, lang) else { break };
                counted += 1;
                // A scale word with no count before it ("millions") is no figure,
                // but French "mille" is a thousand on its own.
                let bare_scale =
                    it.class == WordClass::Scale && counted == 1 && group == 0.0 && !(lang == Lang::Fr && it.value == 1000.0) && i == 0;
                let lone_article = counted == 1 && i == 0 && it.value == 1.0 && is_article(&text[start..it.end], lang);
                if !bare_scale && !lone_article {
                    best = Some(WordNumber { end: it.end, value: v, ordinal: false, fraction: false });
                }
            }
        }
        i += 1;
    }
    best
}

fn is_article(word: &str, lang: Lang) -> bool {
    let w = fold(word);
    match lang {
        Lang::Fr => w == "un" || w == "une",
        Lang::En => w == "one",
    }
}

/// Adds one word's value to the running number; `None` when the word
/// cannot continue it. Returns the number so far.
fn add(total: &mut f64, group: &mut f64, last_small: &mut f64, last_scale: &mut f64, v: f64, lang: Lang) -> Option<f64> {
    if v >= 1000.0 {
        if v >= *last_scale {
            return None;
        }
        let count = if *group == 0.0 { 1.0 } else { *group };
        *total += count * v;
        *group = 0.0;
        *last_small = f64::INFINITY;
        *last_scale = v;
    } else if v == 100.0 {
        if *group >= 100.0 {
            return None;
        }
        *group = if *group == 0.0 { 100.0 } else { *group * 100.0 };
        *last_small = 100.0;
    } else if *group == 0.0 && last_small.is_infinite() {
        *group = v;
        *last_small = v;
    } else if lang == Lang::Fr && *last_small == 4.0 && v == 20.0 {
        // quatre-vingt(s)
        *group += 76.0;
        *last_small = 80.0;
    } else if v > 0.0
        && *last_small % 10.0 == 0.0
        && *last_small > v
        && !(*last_small == 10.0 && lang == Lang::En)
        && (*last_small >= 100.0 || v < 10.0 || *last_small >= 20.0 && (v == 10.0 || v < 20.0 && lang == Lang::Fr))
    {
        *group += v;
        *last_small = if v < 10.0 { v } else { v - v % 10.0 };
        if v > 10.0 && v < 20.0 {
            *last_small = 1.0;
        }
    } else {
        return None;
    }
    Some(*total + *group)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr(t: &str) -> Option<(f64, &str)> {
        parse(t, 0, Lang::Fr).map(|n| (n.value, &t[..n.end]))
    }
    fn en(t: &str) -> Option<(f64, &str)> {
        parse(t, 0, Lang::En).map(|n| (n.value, &t[..n.end]))
    }

    #[test]
    fn french_cardinals() {
        assert_eq!(fr("onze mille soldats"), Some((11000.0, "onze mille")));
        assert_eq!(fr("deux cents"), Some((200.0, "deux cents")));
        assert_eq!(fr("quatre-vingt-dix-neuf ans"), Some((99.0, "quatre-vingt-dix-neuf")));
        assert_eq!(fr("vingt et un"), Some((21.0, "vingt et un")));
        assert_eq!(fr("soixante et onze"), Some((71.0, "soixante et onze")));
        assert_eq!(fr("soixante-dix-sept"), Some((77.0, "soixante-dix-sept")));
        assert_eq!(fr("un million"), Some((1e6, "un million")));
        assert_eq!(fr("deux mille deux cents"), Some((2200.0, "deux mille deux cents")));
        assert_eq!(fr("mille"), Some((1000.0, "mille")));
        assert_eq!(fr("trois cent vingt-cinq mille"), Some((325000.0, "trois cent vingt-cinq mille")));
    }

    #[test]
    fn articles_and_bare_scales_are_not_numbers() {
        assert_eq!(fr("un vent glacial"), None);
        assert_eq!(fr("une usine"), None);
        assert_eq!(fr("millions de personnes"), None);
        assert_eq!(en("one of them"), None);
        assert_eq!(fr("deux trois"), Some((2.0, "deux")));
    }

    #[test]
    fn ordinals_and_fractions() {
        let o = parse("vingt et unième", 0, Lang::Fr).unwrap();
        assert!(o.ordinal && o.value == 21.0);
        assert_eq!(fr("un cinquième"), Some((0.2, "un cinquième")));
        assert_eq!(fr("un tiers"), Some((1.0 / 3.0, "un tiers")));
        assert_eq!(fr("trois quarts"), Some((0.75, "trois quarts")));
        assert_eq!(fr("deux et demi"), Some((2.5, "deux et demi")));
        assert_eq!(en("three quarters"), Some((0.75, "three quarters")));
        assert_eq!(en("two and a half"), Some((2.5, "two and a half")));
    }

    #[test]
    fn english_cardinals() {
        assert_eq!(en("twelve thousand troops"), Some((12000.0, "twelve thousand")));
        assert_eq!(en("three hundred and five"), Some((305.0, "three hundred and five")));
        assert_eq!(en("twenty-one"), Some((21.0, "twenty-one")));
        assert_eq!(en("a hundred"), Some((100.0, "a hundred")));
        assert_eq!(en("one million"), Some((1e6, "one million")));
        assert_eq!(en("nineteen hundred"), Some((1900.0, "nineteen hundred")));
    }
}
