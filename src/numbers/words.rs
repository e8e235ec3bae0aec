//! Figures written in words, French and English, from `number_words.tsv`.
//!
//! Words join by spaces or hyphens (spaced hyphens too: "fifty - two"),
//! and by "et" / "and" where the language puts them ("vingt et un", "three
//! hundred and five"). A cardinal is built left to right: units and tens
//! add up inside a group below a thousand ("soixante-dix-sept" = 60 + 10 +
//! 7, with French "quatre-vingt" = 4 × 20), "cent"/"hundred" multiplies the
//! group, and each scale word ("mille", "million") closes a group and must
//! be smaller than the previous scale. A word that breaks these rules ends
//! the number, so "deux trois" is two numbers.
//!
//! Endings that change what the words mean:
//!
//! - an ordinal: the cardinal with its last word made ordinal ("vingt et
//!   unième", "one hundred twenty-fifth", "deux centième");
//! - a fraction: a numerator then a denominator, an ordinal or a fraction
//!   word ("trois cinquièmes", "un vingt-cinquième", "three quarters",
//!   "one hundred thirty-fifths"). A plural denominator, a numerator of one
//!   or a fraction word always make a fraction; a singular ordinal after a
//!   larger count makes an ordinal ("deux centième" is the 200th); in
//!   French a singular ordinal after a smaller count is a fraction ("trois
//!   cinquième"). English reads a tens word before a unit ordinal as part of
//!   the denominator ("one hundred thirty fifths" is 100/35);
//! - a mixed number: a cardinal, "et"/"and", then a fraction below one
//!   ("trois et un cinquième", "two and a half"). After a scale word the
//!   fraction is of that scale ("trois millions et demi" is 3.5 million);
//! - a decimal part after "virgule"/"point", read digit by digit when it
//!   starts with a digit word ("two hundred point zero three" = 200.03),
//!   else as one number ("deux cent virgule cinquante deux" = 200.52);
//! - a scale after a fraction ("half million", "un demi-million", "two
//!   thirds of a million"), and "douzaine"/"dozen" after anything.
//!
//! Not numbers: "un", "une", "one", "a" standing alone, which are articles
//! in running prose ("un cinquième mandat" is a fifth term, so an article
//! before a singular ordinal followed by a noun is no fraction either), and
//! a scale word with no count ("des millions").

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

/// Most words a number in words is read from; a longer run ends there.
const MAX_ITEMS: usize = 16;

#[derive(Debug, Clone, Copy)]
struct Item {
    value: f64,
    class: WordClass,
    /// Class of the word read as a cardinal ("cinquième" reads as "cinq").
    card: WordClass,
    end: usize,
    /// Joined to the previous word by a hyphen.
    hyphen: bool,
    plural: bool,
    /// "un", "une", "one", "a", "an".
    article: bool,
    /// An ordinal that may end a compound ("vingt et unième", "twenty-first");
    /// French "premier" and "second" only stand alone.
    compound: bool,
    /// May be the denominator of a fraction ("second" is a unit of time).
    denominator: bool,
    /// A scale word that is a figure on its own: French "mille" (but not
    /// "milliers": "des milliers" is no count).
    alone: bool,
}

fn class_of(v: f64) -> WordClass {
    if v >= 1000.0 {
        WordClass::Scale
    } else if v == 100.0 {
        WordClass::Hundred
    } else if v >= 20.0 && v % 10.0 == 0.0 {
        WordClass::Ten
    } else {
        WordClass::Unit
    }
}

/// Looks a word up. French ordinals are the cardinal + "ième(s)"
/// ("troisième", "millionièmes"); English plural ordinals add "s"
/// ("twenty-firsts").
fn lookup(word: &str, lang: Lang, end: usize, hyphen: bool) -> Option<Item> {
    let table = lexicon::number_words().get(lang);
    let w = fold(word);
    let item = |value: f64, class: WordClass, plural: bool| {
        let card = if matches!(class, WordClass::Ordinal | WordClass::Fraction) { class_of(value) } else { class };
        let standalone = lang == Lang::Fr
            && matches!(w.as_ref(), "premier" | "premiere" | "premiers" | "premieres" | "second" | "seconde" | "seconds" | "secondes");
        let second = w.starts_with("second");
        Item {
            value,
            class,
            card,
            end,
            hyphen,
            plural,
            article: class == WordClass::Article || matches!(w.as_ref(), "un" | "une" | "one"),
            compound: !standalone,
            denominator: !second && !standalone,
            alone: matches!(w.as_ref(), "mille" | "mil"),
        }
    };
    if let Some(&(v, c)) = table.get(&*w) {
        let plural = w.ends_with('s') && w.len() > 3 && !matches!(c, WordClass::Unit | WordClass::Ten);
        return Some(item(v, c, plural));
    }
    // Plural ordinals: "cinquièmes", "twenty-firsts".
    if let Some(&(v, c)) = w.strip_suffix('s').and_then(|sing| table.get(sing)) {
        if c == WordClass::Ordinal {
            return Some(item(v, WordClass::Ordinal, true));
        }
    }
    match lang {
        Lang::Fr => {
            let (stem, plural) = if let Some(s) = w.strip_suffix("iemes") { (s, true) } else { (w.strip_suffix("ieme")?, false) };
            for cand in [stem.to_string(), format!("{stem}e")] {
                if let Some(&(v, c)) = table.get(&cand) {
                    if matches!(c, WordClass::Unit | WordClass::Ten | WordClass::Hundred | WordClass::Scale) {
                        return Some(item(v, WordClass::Ordinal, plural));
                    }
                }
            }
            None
        }
        Lang::En => None,
    }
}

/// Collects the run of number words starting at `start`.
fn items(text: &str, start: usize, lang: Lang) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::new();
    let mut pos = start;
    let mut hyphen = false;
    while let Some(t) = next(text, pos) {
        if t.newline_before && !out.is_empty() {
            break;
        }
        match t.kind {
            TokKind::Word => {
                let Some(it) = lookup(t.text, lang, t.end, hyphen) else { break };
                out.push(it);
                hyphen = false;
                pos = t.end;
                if out.len() >= MAX_ITEMS {
                    break;
                }
            }
            // A hyphen touching both words, or spaced on both sides.
            TokKind::Punct if matches!(t.text, "-" | "‑" | "‐") && !out.is_empty() && !hyphen => match next(text, t.end) {
                Some(n) if n.kind == TokKind::Word && n.space_before == t.space_before && !n.newline_before => {
                    hyphen = true;
                    pos = t.end;
                }
                _ => break,
            },
            _ => break,
        }
    }
    // A trailing joiner or point belongs to what follows, not to the number.
    while out.last().is_some_and(|it| matches!(it.class, WordClass::Joiner | WordClass::Point)) {
        out.pop();
    }
    out
}

/// The running state of a cardinal.
#[derive(Debug, Clone, Copy)]
struct Acc {
    total: f64,
    group: f64,
    /// Last additive component of the group (for ordering checks).
    last_small: f64,
    last_scale: f64,
}

impl Acc {
    fn new() -> Self {
        Acc { total: 0.0, group: 0.0, last_small: f64::INFINITY, last_scale: f64::INFINITY }
    }

    fn value(&self) -> f64 {
        self.total + self.group
    }

    /// Adds one word's value; `None` when the word cannot continue the number.
    fn add(&mut self, v: f64, lang: Lang) -> Option<()> {
        if v >= 1000.0 {
            if v >= self.last_scale {
                return None;
            }
            let count = if self.group == 0.0 { 1.0 } else { self.group };
            self.total += count * v;
            self.group = 0.0;
            self.last_small = f64::INFINITY;
            self.last_scale = v;
        } else if v == 100.0 {
            if self.group >= 100.0 {
                return None;
            }
            self.group = if self.group == 0.0 { 100.0 } else { self.group * 100.0 };
            self.last_small = 100.0;
        } else if self.group == 0.0 && self.last_small.is_infinite() {
            self.group = v;
            self.last_small = v;
        } else if lang == Lang::Fr && self.last_small == 4.0 && v == 20.0 {
            // quatre-vingt(s)
            self.group += 76.0;
            self.last_small = 80.0;
        } else if v > 0.0
            && self.last_small % 10.0 == 0.0
            && self.last_small > v
            && !(self.last_small == 10.0 && lang == Lang::En)
            && (self.last_small >= 100.0 || v < 10.0 || self.last_small >= 20.0 && (v == 10.0 || v < 20.0 && lang == Lang::Fr))
        {
            self.group += v;
            self.last_small = if v < 10.0 { v } else { v - v % 10.0 };
            if v > 10.0 && v < 20.0 {
                self.last_small = 1.0;
            }
        } else {
            return None;
        }
        Some(())
    }
}

/// The longest prefix of `items` that reads as a cardinal: (words used,
/// value), words used 0 when none. With `last_as_card`, an ordinal or a
/// fraction word in last position reads as its cardinal (to check that
/// "vingt et unième" is built like "vingt et un").
fn cardinal(items: &[Item], lang: Lang, last_as_card: bool) -> (usize, f64) {
    let mut acc = Acc::new();
    let mut best = (0, 0.0);
    let mut i = 0;
    while i < items.len() {
        let it = items[i];
        let as_card = last_as_card && i + 1 == items.len() && it.compound && matches!(it.class, WordClass::Ordinal | WordClass::Fraction);
        let class = if as_card { it.card } else { it.class };
        match class {
            WordClass::Article => {
                // "a hundred", "a million".
                if i != 0 || !items.get(i + 1).is_some_and(|n| matches!(n.card, WordClass::Hundred | WordClass::Scale)) {
                    break;
                }
                acc.group = 1.0;
                acc.last_small = 1.0;
            }
            WordClass::Joiner => {
                // "vingt et un", "soixante et onze", "three hundred and five".
                let Some(n) = items.get(i + 1) else { break };
                let n_last = last_as_card && i + 2 == items.len();
                let n_class = if n_last && matches!(n.class, WordClass::Ordinal | WordClass::Fraction) { n.card } else { n.class };
                let ok = i > 0
                    && match n_class {
                        WordClass::Unit => {
                            lang == Lang::En && acc.last_small >= 100.0
                                || lang == Lang::Fr
                                    && acc.last_small % 10.0 == 0.0
                                    && acc.last_small < 100.0
                                    && (n.value == 1.0 || n.value == 11.0)
                        }
                        WordClass::Ten => lang == Lang::En && acc.last_small >= 100.0,
                        _ => false,
                    };
                if !ok {
                    break;
                }
            }
            WordClass::Unit | WordClass::Ten | WordClass::Hundred | WordClass::Scale => {
                if acc.add(it.value, lang).is_none() {
                    break;
                }
                best = (i + 1, acc.value());
            }
            _ => break,
        }
        i += 1;
    }
    best
}

/// The value of `items` read whole as a cardinal.
fn exact(items: &[Item], lang: Lang, last_as_card: bool) -> Option<f64> {
    let (n, v) = cardinal(items, lang, last_as_card);
    (n == items.len() && n > 0).then_some(v)
}

/// A compound ordinal or fraction word ending `items`, read whole: its value.
fn compound(items: &[Item], lang: Lang) -> Option<f64> {
    let last = items.last()?;
    if !matches!(last.class, WordClass::Ordinal | WordClass::Fraction) || (items.len() > 1 && !last.compound) {
        return None;
    }
    exact(items, lang, true)
}

/// What `items[..=k]` means when `items[k]` is an ordinal or a fraction
/// word: `Some((value, is_fraction))`, or `None` when the words are a
/// count followed by an unrelated ordinal.
fn ordinal_or_fraction(text: &str, items: &[Item], k: usize, lang: Lang) -> Option<(f64, bool)> {
    let d_word = items[k];
    let whole = &items[..=k];
    if k == 0 {
        return (d_word.class == WordClass::Ordinal).then_some((d_word.value, false));
    }
    let fraction_word = d_word.class == WordClass::Fraction;
    let ordinal = if d_word.class == WordClass::Ordinal { compound(whole, lang) } else { None };
    // An article, then a singular ordinal and a noun, is an ordinal ("un
    // cinquième mandat", "a third term").
    let noun_after = || {
        next(text, d_word.end).is_some_and(|t| {
            t.kind == TokKind::Word && !t.newline_before && !["of", "de", "des", "du", "d"].iter().any(|w| fold(t.text) == *w)
        })
    };

    // "un vingt-cinquième", "one one hundred fifth": the article is the numerator.
    if items[0].article && (lang == Lang::Fr || k == 1 || !matches!(items[1].card, WordClass::Hundred | WordClass::Scale)) {
        if let Some(den) = compound(&items[1..=k], lang) {
            if den >= 3.0 && d_word.denominator && (fraction_word || d_word.plural || !noun_after()) {
                return Some((1.0 / den, true));
            }
        }
    }

    // Where the denominator starts: the ordinal, the words hyphenated to it
    // ("trente-cinquièmes"), and in English a tens word before a unit
    // ordinal ("thirty fifths").
    let mut d = k;
    while d > 0
        && items[d].hyphen
        && compound(&items[d - 1..=k], lang).is_some()
        && matches!(items[d - 1].card, WordClass::Unit | WordClass::Ten | WordClass::Joiner)
    {
        d -= 1;
    }
    if lang == Lang::En
        && d == k
        && d >= 2
        && d_word.value < 10.0
        && items[d - 1].class == WordClass::Ten
        && items[d - 2].class != WordClass::Joiner
    {
        d -= 1;
    }
    if d == 0 {
        return ordinal.map(|v| (v, false));
    }
    // The numerator must read whole; otherwise the denominator takes more words.
    let mut num = exact(&items[..d], lang, false);
    while num.is_none() && d > 1 {
        d -= 1;
        if compound(&items[d..=k], lang).is_some() {
            num = exact(&items[..d], lang, false);
        }
    }
    let den = compound(&items[d..=k], lang);
    if let (Some(n), Some(den)) = (num, den) {
        if den >= 3.0 && n > 0.0 && d_word.denominator {
            let one = n == 1.0 && d == 1;
            let fraction = if fraction_word || d_word.plural {
                true
            } else if one {
                !noun_after()
            } else if ordinal.is_some() {
                false
            } else {
                lang == Lang::Fr && n < den
            };
            if fraction {
                return Some((n / den, true));
            }
        }
    }
    ordinal.map(|v| (v, false))
}

/// A fraction below one (or a half) reading all of `items`, for the tail
/// of a mixed number: "un cinquième", "a half", "demi", "three quarters".
fn proper_fraction(text: &str, items: &[Item], lang: Lang) -> Option<f64> {
    let last = items.last()?;
    if last.class == WordClass::Half {
        return match items.len() {
            1 => Some(0.5),
            2 if items[0].article => Some(0.5),
            _ => None,
        };
    }
    let (v, fraction) = ordinal_or_fraction(text, items, items.len() - 1, lang)?;
    (fraction && v < 1.0).then_some(v)
}

/// One reading of the words: how many it uses and what they mean.
#[derive(Debug, Clone, Copy)]
struct Reading {
    used: usize,
    value: f64,
    ordinal: bool,
    fraction: bool,
    /// Where the reading ends when it goes past the number words ("of a million").
    end: Option<usize>,
}

/// Reads the number in words starting at `start` (the start of a word).
pub fn parse(text: &str, start: usize, lang: Lang) -> Option<WordNumber> {
    let items = items(text, start, lang);
    if items.is_empty() {
        return None;
    }
    // The longest reading wins.
    let mut best: Option<Reading> = None;
    let mut offer = |r: Reading| {
        if best.is_none_or(|b| r.used > b.used) {
            best = Some(r);
        }
    };

    // A cardinal, with a decimal part or dozens after it.
    let (n, v) = cardinal(&items, lang, false);
    let plain = |used, value| Reading { used, value, ordinal: false, fraction: false, end: None };
    if n > 0 {
        let first = items[0];
        let lone = n == 1
            && (first.article || first.class == WordClass::Scale && !first.alone || first.class == WordClass::Hundred && first.plural);
        if !lone {
            offer(plain(n, v));
        }
        if let Some((used, dec)) = decimals(&items[n..], lang) {
            let mut r = plain(n + used, v + dec);
            // "two point five million".
            if let Some(s) = items.get(r.used).filter(|it| it.class == WordClass::Scale) {
                r.value *= s.value;
                r.used += 1;
            }
            offer(r);
        }
    }
    // "une douzaine", "a dozen", "trois douzaines".
    let count = if n > 0 { Some(v) } else { items[0].article.then_some(1.0) };
    if let Some(c) = count {
        if items.get(n.max(1)).is_some_and(|it| it.class == WordClass::Dozen) {
            offer(plain(n.max(1) + 1, c * 12.0));
        }
    }

    // The first word that ends a number: an ordinal, a fraction word, a half.
    if let Some(k) = items.iter().position(|it| matches!(it.class, WordClass::Ordinal | WordClass::Fraction | WordClass::Half)) {
        if let Some(r) = mixed(text, &items, k, lang).or_else(|| ending(text, &items, k, lang)) {
            offer(r);
        }
    }

    let r = best?;
    let end = r.end.unwrap_or(items[r.used - 1].end);
    r.value.is_finite().then_some(WordNumber { end, value: r.value, ordinal: r.ordinal, fraction: r.fraction })
}

/// "of a million" (English) or "de million" / "d'un million" (French)
/// after a fraction: (scale, end).
fn of_scale(text: &str, end: usize, lang: Lang) -> Option<(f64, usize)> {
    let words: &[&[&str]] = match lang {
        Lang::En => &[&["of", "a"], &["of"]],
        Lang::Fr => &[&["d", "'", "un"], &["de"]],
    };
    for seq in words {
        let mut pos = end;
        let mut ok = true;
        for w in *seq {
            match next(text, pos) {
                Some(t) if !t.newline_before && fold(t.text) == *w => pos = t.end,
                _ => {
                    ok = false;
                    break;
                }
            }
        }
        if !ok {
            continue;
        }
        let t = next(text, pos).filter(|t| !t.newline_before && t.kind == TokKind::Word)?;
        let it = lookup(t.text, lang, t.end, false)?;
        return (it.class == WordClass::Scale).then_some((it.value, t.end));
    }
    None
}

/// A fraction below one in words starting at `start`, alone ("demi", "a
/// quarter", "trois quarts"): the tail of "3 millions et demi". Returns
/// (end, value).
pub fn fraction_tail(text: &str, start: usize, lang: Lang) -> Option<(usize, f64)> {
    let items = items(text, start, lang);
    let k = items.iter().position(|it| matches!(it.class, WordClass::Ordinal | WordClass::Fraction | WordClass::Half))?;
    let v = proper_fraction(text, &items[..=k], lang)?;
    Some((items[k].end, v))
}

/// A mixed number ending at `items[k]`: a cardinal, a joiner, a fraction
/// below one ("trois et un cinquième", "three million and a half"), and a
/// scale after it ("five and a half million").
fn mixed(text: &str, items: &[Item], k: usize, lang: Lang) -> Option<Reading> {
    // The last joiner before the fraction ("one hundred and three and two thirds").
    if let Some(m) = (1..k).rev().find(|&m| items[m].class == WordClass::Joiner) {
        let (Some(whole), Some(frac)) = (exact(&items[..m], lang, false), proper_fraction(text, &items[m + 1..=k], lang)) else {
            return None;
        };
        let scale_after = items.get(k + 1).filter(|it| it.class == WordClass::Scale).map(|it| it.value);
        let before = items[m - 1];
        let (value, used) = match scale_after {
            // "un milliard et demi million": half of the later scale.
            Some(s) if whole >= s => (whole + frac * s, k + 2),
            Some(s) => ((whole + frac) * s, k + 2),
            // "trois millions et demi": half of the scale before.
            None if before.class == WordClass::Scale => (whole + frac * before.value, k + 1),
            None => (whole + frac, k + 1),
        };
        return Some(Reading { used, value, ordinal: false, fraction: value.fract() != 0.0, end: None });
    }
    None
}

/// An ordinal, a fraction or a half ending at `items[k]`, with a scale or
/// dozens after a fraction ("quarter million", "half a dozen").
fn ending(text: &str, items: &[Item], k: usize, lang: Lang) -> Option<Reading> {
    let d_word = items[k];
    // No count before the word: "half", "quart", "cinquième".
    let bare = k == 0;
    let mut value = if d_word.class == WordClass::Half {
        match &items[..k] {
            [] => 0.5,
            [a] if a.article => 0.5,
            before => exact(before, lang, false)? / 2.0,
        }
    } else if bare && d_word.class == WordClass::Fraction {
        1.0 / d_word.value
    } else {
        let (v, fraction) = ordinal_or_fraction(text, items, k, lang)?;
        if !fraction {
            return Some(Reading { used: k + 1, value: v, ordinal: true, fraction: false, end: None });
        }
        v
    };
    let mut used = k + 1;
    // "half a dozen", "half a million".
    if bare
        && items.get(used).is_some_and(|it| it.class == WordClass::Article)
        && items.get(used + 1).is_some_and(|it| matches!(it.class, WordClass::Scale | WordClass::Dozen))
    {
        used += 1;
    }
    let scaled = match items.get(used) {
        Some(it) if matches!(it.class, WordClass::Scale | WordClass::Dozen) => {
            value *= it.value;
            used += 1;
            true
        }
        _ => false,
    };
    // "two thirds of a million", "deux tiers de million".
    let mut end = None;
    if !scaled && used == items.len() {
        if let Some((scale, e)) = of_scale(text, items[used - 1].end, lang) {
            value *= scale;
            end = Some(e);
        }
    }
    // A bare "half" or "quart" is no figure ("quart de finale").
    if bare && !scaled && end.is_none() {
        return None;
    }
    Some(Reading { used, value, ordinal: false, fraction: !scaled && end.is_none(), end })
}

/// A decimal part after "virgule"/"point": (words used, value).
fn decimals(items: &[Item], lang: Lang) -> Option<(usize, f64)> {
    if items.first()?.class != WordClass::Point {
        return None;
    }
    let rest = &items[1..];
    let digit = |it: &&Item| it.class == WordClass::Unit && it.value < 10.0 && !it.hyphen;
    let mut digits = String::new();
    let mut used = 0;
    if rest.first().is_some_and(|it| digit(&it)) {
        // "point zero three": one digit per word.
        for it in rest.iter().take_while(digit) {
            digits.push(char::from(b'0' + it.value as u8));
            used += 1;
        }
    } else {
        let (n, v) = cardinal(rest, lang, false);
        if n == 0 || v >= 1000.0 {
            return None;
        }
        digits = format!("{v}");
        used = n;
    }
    let frac: f64 = format!("0.{digits}").parse().ok()?;
    Some((used + 1, frac))
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
        assert_eq!(fr("quart de finale"), None);
        assert_eq!(en("half of them"), None);
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
    fn ordinal_or_fraction_by_number_and_count() {
        // A larger count before a singular ordinal: one ordinal.
        let o = parse("deux centième", 0, Lang::Fr).unwrap();
        assert!(o.ordinal && o.value == 200.0);
        let o = parse("one hundred twenty-fifth", 0, Lang::En).unwrap();
        assert!(o.ordinal && o.value == 125.0);
        // Plural, or a numerator of one: a fraction.
        assert_eq!(fr("quatre centièmes de seconde"), Some((0.04, "quatre centièmes")));
        assert_eq!(fr("un vingt-cinquième"), Some((0.04, "un vingt-cinquième")));
        assert_eq!(en("one hundred thirty-fifths").map(|(v, _)| (v * 35.0).round()), Some(100.0));
        assert_eq!(en("one hundred and thirty fifths"), Some((26.0, "one hundred and thirty fifths")));
        // An article before an ordinal and a noun is "a fifth term", not 1/5.
        assert_eq!(fr("un cinquième mandat"), None);
        assert_eq!(en("a third of voters"), Some((1.0 / 3.0, "a third")));
    }

    #[test]
    fn mixed_numbers_and_decimals_in_words() {
        assert_eq!(fr("trois et un cinquième"), Some((3.2, "trois et un cinquième")));
        assert_eq!(en("one hundred and three quarters"), Some((100.75, "one hundred and three quarters")));
        assert_eq!(fr("trois millions et demi"), Some((3.5e6, "trois millions et demi")));
        assert_eq!(fr("un demi-million"), Some((5e5, "un demi-million")));
        assert_eq!(en("half a dozen"), Some((6.0, "half a dozen")));
        assert_eq!(fr("deux cent virgule cinquante deux"), Some((200.52, "deux cent virgule cinquante deux")));
        assert_eq!(en("two hundred point zero three"), Some((200.03, "two hundred point zero three")));
    }

    #[test]
    fn english_cardinals() {
        assert_eq!(en("twelve thousand troops"), Some((12000.0, "twelve thousand")));
        assert_eq!(en("three hundred and five"), Some((305.0, "three hundred and five")));
        assert_eq!(en("twenty-one"), Some((21.0, "twenty-one")));
        assert_eq!(en("fifty - two"), Some((52.0, "fifty - two")));
        assert_eq!(en("a hundred"), Some((100.0, "a hundred")));
        assert_eq!(en("one million"), Some((1e6, "one million")));
        assert_eq!(en("nineteen hundred"), Some((1900.0, "nineteen hundred")));
    }
}
