//! Numbers and quantities: every figure of a text with its value, the
//! interval its wording allows, its kind and its unit.
//!
//! A mention is built around a core figure (digits, `digits`; or words,
//! `words`), then extended: a fraction written with words ("1 sur 3",
//! "one out of three"), a multiplier after it ("8 millions", "10k", "13
//! lakh", "3 millions et demi") and the figure filling the places below
//! a scale word ("4 thousand 3 hundred and 21", "1 million 200 000", "3
//! cent un"; see `scale_rest`), a unit or percent sign after it ("75
//! millions de $", "4 000 000 de degrés", "20 (kg)", "20 <kg>", "a
//! 240-millimeter rocket"), a second figure making a range ("entre 10 000
//! et 12 000", "10,000 to 12,000", "10 000-12 000", "20~100"; ranks after
//! "entre"/"between": "entre le dixième et le quinzième"), a currency
//! sign before it, an age word before it ("age 87", "aged 30": years), a
//! sign ("-3", "minus five"; a spaced "- 20" inside a sentence before a
//! temperature), and qualifiers, before it ("environ", "at least", "<=")
//! or after it ("500 ou plus", "or less"), which set the interval (see
//! [`interval`]). Two bounds joined by "et"/"and" make one interval
//! ("supérieur à 10 et inférieur à 20"); "more than half" and "plus de la
//! moitié" are 0.5. The article "one" is the number 1 before a unit of
//! measure or an age ("one mile", "one year old"), and "un" before a
//! plural unit ("un ans").
//!
//! A degree is a temperature unless the words around name a rotation or
//! an angle and none of the sentence a temperature ("tourner à 90
//! degrés", "Rotate 90°", "a 45 degrees angle" are angles in °; "il fera
//! 45 degrés", "set the thermostat to 85°" stay temperatures): news names
//! degrees mostly in weather. Turns are angles only so named or after a
//! fraction ("rotate 3 turns", "un demi-tour"; "3 tours de scrutin" are
//! rounds). The words are `angles.tsv`'s.
//!
//! Money: a currency code may carry a multiplier, glued before it ("120
//! MEUR", "MAUD 60") or after it ("75 USD million"); whole amounts take
//! their cents ("3 dollars 50 cents", "treize euros et quarante-cinq
//! cents", "one dollar and two and three points"), but not after
//! "entre"/"between", which opens a range; a currency written after a
//! figure that another figure follows belongs to that one when the first
//! has its own before it ("$ 20,000.00 $ 37,305.97"); and "un"/"une"/"one"
//! right before a currency counts one of it ("one penny", "one-yen bid",
//! "un euro de plus", not "un euro fort" nor "no one won"; see
//! `money_words.tsv`).
//!
//! Kept apart from counts: dates ("24/12/2024", "11 février", "February
//! 11"), years ("en 2025"), clock times, figures inside web addresses, and
//! figures inside names and designators ("KN-23", "F-16", "COVID-19",
//! "A320", "5G"), which are skipped.
//!
//! Scanning is linear: each token starts at most one bounded look-ahead
//! (a number in words reads at most `words::MAX_ITEMS` words), and a
//! mention's end moves the cursor forward.
//!
//! Invariants: mentions are in text order and never overlap; spans are on
//! char boundaries; values are finite; `low <= value <= high` where set.

pub mod digits;
pub mod words;

use crate::lexicon::{self, AngleCue, PhraseTable, Unit};
use crate::report::{Kind, Lang, Qualifier};
use crate::text::chars::{fold, is_dash, is_group_space};
use crate::text::words::{eq_folded, match_after, match_before, next, prev, Tok, TokKind};

/// Tunables of the number layer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberOptions {
    /// Relative half-width of the interval of an approximate figure:
    /// "environ 11 000" with the default 0.05 is [10 450, 11 550]: news
    /// rounds to two significant figures at most, and a figure 9 % off
    /// ("12 000" against "environ 11 000") is a different figure.
    pub approx_tolerance: f64,
}

impl Default for NumberOptions {
    fn default() -> Self {
        NumberOptions { approx_tolerance: 0.05 }
    }
}

/// One figure found in a text (byte offsets).
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Start of the figure (currency sign included, qualifier excluded).
    pub start: usize,
    /// End of the figure, unit included.
    pub end: usize,
    /// Start of the qualifier phrase, when there is one.
    pub qualifier_start: Option<usize>,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    pub kind: Kind,
    pub unit: Option<&'static str>,
    /// ISO 8601 form of a date: "2024-12-24", "--02-11" without a year.
    pub date: Option<String>,
    /// Written with digits rather than words.
    pub digits: bool,
    /// End of a qualifier phrase written after the figure ("500 ou plus",
    /// "five hundred or less"), which `end` leaves out as `start` leaves
    /// out "environ".
    pub qualifier_end: Option<usize>,
}

/// The interval a qualifier gives to a figure `v`.
///
/// exact: `[v, v]`; approx: `[v(1-t), v(1+t)]` (the stated tolerance);
/// at least / more than: `[v, ∞)`; at most / less than: `[0, v]` for
/// quantities that cannot be negative, `(-∞, v]` otherwise. "More than"
/// keeps `v` as its bound rather than an open one: news rounds ("plus de
/// 10 000" often means 10 000 and a few), so the bound stays inclusive.
pub fn interval(v: f64, qualifier: Qualifier, tolerance: f64, non_negative: bool) -> (Option<f64>, Option<f64>) {
    let floor = if non_negative && v >= 0.0 { Some(0.0) } else { None };
    match qualifier {
        Qualifier::Exact | Qualifier::Range => (Some(v), Some(v)),
        Qualifier::Approx => {
            let d = (v * tolerance).abs();
            (Some(v - d), Some(v + d))
        }
        Qualifier::AtLeast | Qualifier::MoreThan => (Some(v), None),
        Qualifier::AtMost | Qualifier::LessThan => (floor, Some(v)),
        // An order of magnitude: the value is its low end (see
        // `approx_multiples.tsv` for the interval each wording gives).
        Qualifier::Vague => (Some(v), None),
    }
}

/// A figure before its extensions.
#[derive(Debug, Clone, Copy)]
struct Core {
    start: usize,
    end: usize,
    value: f64,
    /// A bare run of digits: no separator, no decimals.
    bare: bool,
    /// Digits with thousands groups ("11 000").
    grouped: bool,
    int_digits: usize,
    ordinal: bool,
    digits: bool,
    /// A lone article read as one ("un", "one"), kept only when a fraction,
    /// a multiplier or a currency follows ("un sur trois", "un crore", "one
    /// penny").
    article: bool,
    /// Already a fraction ("3/4", "trois quarts").
    fraction: bool,
}

/// Finds every figure of `text`.
pub fn scan(text: &str, lang: Lang, opts: &NumberOptions) -> Vec<Mention> {
    let urls = url_spans(text);
    let mut url = 0;
    let mut out: Vec<Mention> = Vec::new();
    let mut pos = 0;
    while let Some(tok) = next(text, pos) {
        // Figures inside a web address belong to it.
        while urls.get(url).is_some_and(|&(_, e)| e <= tok.start) {
            url += 1;
        }
        if let Some(&(s, e)) = urls.get(url).filter(|&&(s, _)| s <= tok.start) {
            pos = e.max(s + 1).max(tok.end);
            continue;
        }
        if let Some(e) = clock_at(text, tok, lang) {
            pos = e;
            continue;
        }
        let floor = out.last().map_or(0, |m: &Mention| m.end.max(m.qualifier_end.unwrap_or(0)));
        let found = match tok.kind {
            TokKind::Digits => date_at(text, tok, lang).or_else(|| mention_at(text, tok, lang, opts, floor)),
            TokKind::Word => multiple_at(text, tok, lang, opts, floor)
                .or_else(|| month_date_at(text, tok, lang))
                .or_else(|| glued_month(tok).and_then(|t| month_date_at(text, t, lang)))
                .or_else(|| mention_at(text, tok, lang, opts, floor))
                .or_else(|| half_at(text, tok, lang, opts, floor)),
            TokKind::Punct => mention_at(text, tok, lang, opts, floor),
        };
        match found {
            Some(m) if m.start >= floor => {
                pos = m.end.max(m.qualifier_end.unwrap_or(0)).max(tok.end);
                out.push(m);
            }
            _ => pos = tok.end,
        }
    }
    join_compounds(text, join_bounds(text, out))
}

/// Byte spans of web addresses: runs without spaces holding "://" or
/// starting with "www.".
fn url_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                let chunk: &str = &text[s..i];
                if chunk.contains("://") || chunk.starts_with("www.") {
                    out.push((s, i));
                }
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    out
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn decimal_mark(lang: Lang) -> char {
    match lang {
        Lang::Fr => ',',
        Lang::En => '.',
    }
}

/// The core of a figure read from digits at `start`, with what may follow
/// the digits (fractions, exponents).
fn digit_core(text: &str, start: usize, d: &digits::DigitNumber) -> Core {
    let mut core = Core {
        start,
        end: d.end,
        value: d.value,
        bare: d.bare,
        grouped: d.grouped,
        int_digits: d.int_digits,
        ordinal: false,
        digits: true,
        article: false,
        fraction: false,
    };
    extend_digits(text, &mut core, d.bare);
    core
}

/// Reads the core figure at `tok`, refusing designators.
fn core_at(text: &str, tok: Tok<'_>, lang: Lang) -> Option<Core> {
    match tok.kind {
        TokKind::Digits => {
            let mut start = tok.start;
            let mut leading_decimal = false;
            match char_before(text, tok.start) {
                // "USD115": a currency code; "A320", "COVID19": part of a name.
                Some(c) if c.is_alphanumeric() => {
                    let code = phrase_before(text, tok.start, lexicon::units().get(lang)).is_some_and(|(u, s)| {
                        u.kind == Kind::Money && text[s..tok.start].len() >= 3 && text[s..tok.start].chars().all(|c| c.is_ascii_uppercase())
                    });
                    if !code {
                        return None;
                    }
                }
                // "KN-23", "F-16", "M-1989", "Hwasong-11": a designator.
                Some(c) if is_dash(c) => {
                    let b = char_before(text, tok.start - c.len_utf8());
                    if b.is_some_and(char::is_alphanumeric) {
                        return None;
                    }
                }
                // "3/4" or "14:30" read from the middle: the left part decided,
                // but figures listed with commas are each a figure ("22,24,26").
                Some(c @ ('/' | ':' | '_' | '#' | '@' | '.' | ',')) => {
                    let b = char_before(text, tok.start - 1);
                    if b.is_some_and(|b| b.is_ascii_digit() && c != ',' || b.is_alphabetic()) {
                        return None;
                    }
                    // A decimal with no integer part: ".25", ",08".
                    if (c == '.' || c == decimal_mark(lang)) && b.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[')) {
                        leading_decimal = true;
                        start = tok.start - 1;
                    }
                }
                _ => {}
            }
            if leading_decimal {
                let v: f64 = format!("0.{}", tok.text).parse().ok()?;
                return Some(Core {
                    start,
                    end: tok.end,
                    value: v,
                    bare: false,
                    grouped: false,
                    int_digits: 0,
                    ordinal: false,
                    digits: true,
                    article: false,
                    fraction: false,
                });
            }
            let mut d = digits::parse(text, tok.start, lang)?;
            // In a list ("22,24,26,31") the last comma separates figures too.
            let listed = char_before(text, tok.start) == Some(',') && char_before(text, tok.start - 1).is_some_and(|b| b.is_ascii_digit());
            if listed && text[tok.end..].starts_with(',') {
                d = digits::DigitNumber {
                    end: tok.end,
                    value: tok.text.parse().ok()?,
                    bare: true,
                    grouped: false,
                    int_digits: tok.text.len(),
                };
            }
            // Clock times ("14:30", "14h30") are not figures.
            let after = &text[d.end..];
            if d.bare
                && d.int_digits <= 2
                && (after.starts_with(':') || after.starts_with('h'))
                && after[1..].starts_with(|c: char| c.is_ascii_digit())
            {
                return None;
            }
            Some(digit_core(text, start, &d))
        }
        TokKind::Word => {
            let w = words::parse(text, tok.start, lang)?;
            Some(Core {
                start: tok.start,
                end: w.end,
                value: w.value,
                bare: false,
                grouped: false,
                int_digits: 0,
                ordinal: w.ordinal,
                digits: false,
                article: false,
                fraction: w.fraction,
            })
        }
        TokKind::Punct => {
            let v = vulgar_fraction(tok.text)?;
            if char_before(text, tok.start).is_some_and(char::is_alphanumeric) {
                return None;
            }
            Some(Core {
                start: tok.start,
                end: tok.end,
                value: v,
                bare: false,
                grouped: false,
                int_digits: 0,
                ordinal: false,
                digits: true,
                article: false,
                fraction: true,
            })
        }
    }
}

/// The value of a one-character fraction ("½", "¾").
fn vulgar_fraction(s: &str) -> Option<f64> {
    Some(match s {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅖" => 0.4,
        "⅗" => 0.6,
        "⅘" => 0.8,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        _ => return None,
    })
}

/// Exponents, powers and fractions written around digits: "1.3e6",
/// "1,1^23", "6.23x10^-4", "3/4", "2 1/4".
fn extend_digits(text: &str, core: &mut Core, bare: bool) {
    let powered = digits::exponent(text, core.end)
        .or_else(|| digits::times_ten(text, core.end))
        // Through the decimal form, so that "12e-1" is exactly 1.2.
        .and_then(|(e, x)| Some((e, format!("{}e{x}", core.value).parse::<f64>().ok()?)))
        .or_else(|| digits::power(text, core.end).map(|(e, x)| (e, core.value.powi(x))));
    if let Some((e, v)) = powered.filter(|(_, v)| v.is_finite()) {
        core.end = e;
        core.value = v;
        core.bare = false;
        return;
    }
    if !bare {
        return;
    }
    // "2½".
    if let Some(f) = text[core.end..].chars().next().and_then(|c| vulgar_fraction(&text[core.end..core.end + c.len_utf8()])) {
        core.end += text[core.end..].chars().next().map_or(0, char::len_utf8);
        core.value += f;
        core.bare = false;
        core.fraction = true;
        return;
    }
    if let Some((e, a, b)) = digits::fraction(text, core.start) {
        core.end = e;
        core.value = a / b;
        core.bare = false;
        core.fraction = true;
        return;
    }
    // A whole number then a fraction: "2 1/4", "10 1/2 miles".
    let gap = text[core.end..].chars().take(3).take_while(|&c| is_group_space(c)).map(char::len_utf8).sum::<usize>();
    if gap > 0 && core.int_digits <= 3 {
        if let Some((e, a, b)) = digits::fraction(text, core.end + gap) {
            core.end = e;
            core.value += a / b;
            core.bare = false;
            core.fraction = true;
        }
    }
}

/// "un", "une", "one", "a", "an" read as one, for "un sur trois", "un
/// crore" and "one penny"; the caller drops it when nothing follows.
fn article_core(tok: Tok<'_>, lang: Lang) -> Option<Core> {
    if tok.kind != TokKind::Word {
        return None;
    }
    let w = fold(tok.text);
    let ok = match lang {
        Lang::Fr => w == "un" || w == "une",
        Lang::En => matches!(w.as_ref(), "one" | "a" | "an"),
    };
    ok.then_some(Core {
        start: tok.start,
        end: tok.end,
        value: 1.0,
        bare: false,
        grouped: false,
        int_digits: 0,
        ordinal: false,
        digits: false,
        article: true,
        fraction: false,
    })
}

/// Longest phrase of `table` starting right at `pos` (spaces allowed
/// before it when `gap` is set), with its end.
fn phrase_after<'t, T>(text: &str, pos: usize, table: &'t PhraseTable<T>, gap: bool) -> Option<(&'t T, usize)> {
    let t = next(text, pos)?;
    if t.newline_before || (!gap && t.start != pos) {
        return None;
    }
    for p in table.starting_with(&fold(t.text)) {
        let Some(end) = match_after(text, t.start, &p.tokens) else { continue };
        if p.case_sensitive && !text[t.start..end].chars().filter(|c| !c.is_whitespace()).eq(p.raw.chars().filter(|c| !c.is_whitespace())) {
            continue;
        }
        // A phrase written without spaces matches without spaces ("12 m 2 dm"
        // holds no "m2").
        if !p.raw.contains(' ') && text[t.start..end].contains(char::is_whitespace) {
            continue;
        }
        // A one-letter phrase keeps its case: "g" is a gram, "5G" a network.
        if p.raw.len() == 1 && p.raw.starts_with(char::is_alphabetic) && &text[t.start..end] != p.raw {
            continue;
        }
        // A phrase ends at a word boundary, and not before an elision
        // ("3 l'an" is no litre).
        let after = char_at(text, end);
        let last_is_word = text[..end].chars().next_back().is_some_and(char::is_alphanumeric);
        if last_is_word && after.is_some_and(|c| c.is_alphanumeric() || crate::text::chars::is_apostrophe(c)) {
            continue;
        }
        return Some((&p.value, end));
    }
    None
}

/// Longest phrase of `table` ending right before `pos`, with its start.
fn phrase_before<'t, T>(text: &str, pos: usize, table: &'t PhraseTable<T>) -> Option<(&'t T, usize)> {
    let t = prev(text, pos)?;
    if t.newline_before {
        return None;
    }
    // The token before the last one, read once: most candidates ("plus
    // de", "près de", "maximale de" all end in "de") fail on it.
    let mut before_last: Option<Option<Tok<'_>>> = None;
    for p in table.ending_with(&fold(t.text)) {
        if let Some(key) = p.tokens.len().checked_sub(2).map(|i| &p.tokens[i]) {
            let b = *before_last.get_or_insert_with(|| prev(text, t.start));
            if !b.is_some_and(|b| eq_folded(b.text, key)) {
                continue;
            }
        }
        let Some(start) = match_before(text, pos, &p.tokens) else { continue };
        if p.case_sensitive && !text[start..t.end].chars().filter(|c| !c.is_whitespace()).eq(p.raw.chars().filter(|c| !c.is_whitespace())) {
            continue;
        }
        let before = char_before(text, start);
        if p.raw.starts_with(char::is_alphanumeric) {
            // A word phrase starts at a word boundary ("moreover" holds no "over").
            if before.is_some_and(char::is_alphanumeric) {
                continue;
            }
        } else if before.is_some_and(|c| matches!(c, '<' | '>' | '=' | '!')) {
            // A sign may touch a letter ("x>10") but not another sign ("<>30").
            continue;
        }
        return Some((&p.value, start));
    }
    None
}

/// A qualifying verb separated from its figure by one adverb ("dépasse
/// désormais 3 000 milliards", "now tops 10,000").
fn past_adverb(text: &str, pos: usize, lang: Lang) -> Option<(&'static Qualifier, usize)> {
    let t = prev(text, pos)?;
    if t.newline_before || !lexicon::qualifier_adverbs().get(lang).contains(&*fold(t.text)) {
        return None;
    }
    phrase_before(text, t.start, lexicon::qualifiers().get(lang))
}

/// Ordinal suffixes written after digits ("1er", "2e", "3ème", "21st").
fn ordinal_suffix(text: &str, end: usize, lang: Lang) -> Option<usize> {
    let rest = &text[end..];
    let suffixes: &[&str] = match lang {
        Lang::Fr => &["èmes", "ièmes", "ième", "ème", "eme", "ères", "ère", "ers", "er", "re", "es", "ᵉʳ", "ᵉ", "è", "e"],
        Lang::En => &["st", "nd", "rd", "th"],
    };
    for s in suffixes {
        if let Some(after) = rest.strip_prefix(s) {
            if !after.starts_with(char::is_alphanumeric) {
                return Some(end + s.len());
            }
        }
    }
    None
}

/// A minus sign before the figure starting at `start`: a "-" touching it
/// after a space, an opening or a comparison sign ("<-30"), or a word
/// ("minus five", "négatif un"). A dash then a space is a list bullet.
fn sign_before(text: &str, start: usize, lang: Lang) -> Option<usize> {
    if let Some(c) = char_before(text, start).filter(|&c| c == '-' || c == '−') {
        let s = start - c.len_utf8();
        let ok = char_before(text, s).is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | '«' | '"' | ':' | '<' | '>' | '=' | '~'));
        return ok.then_some(s);
    }
    let t = prev(text, start)?;
    let words: &[&str] = match lang {
        Lang::Fr => &["negatif", "negative", "moins"],
        Lang::En => &["minus", "negative"],
    };
    if t.newline_before || t.kind != TokKind::Word || !words.iter().any(|w| eq_folded(t.text, w)) {
        return None;
    }
    // "moins 5 degrés", "de moins 5" are -5, but "au moins 5", "plus ou moins 5", "pas
    // moins 5" and "le moins 5" are not signs.
    if lang == Lang::Fr && eq_folded(t.text, "moins") {
        let b = prev(text, t.start).filter(|b| !b.newline_before);
        if b.is_some_and(|b| {
            b.kind == TokKind::Word && ["au", "ou", "pas", "le", "la", "les", "des", "en"].iter().any(|w| eq_folded(b.text, w))
        }) {
            return None;
        }
    }
    Some(t.start)
}

/// A fraction written with words between two figures: "1 sur 3", "un sur
/// vingt", "one out of three", "1 in 5", "2000 over 3". Returns (value,
/// end). "sur", "in" and "out of" need a numerator below the denominator
/// ("12 sur 20" is 0.6, "12 in six boxes" is two counts); none applies
/// when the second figure counts something ("over 3 years", "sur 3 ans")
/// or is a year ("one in 2020").
fn fraction_op(text: &str, core: &Core, lang: Lang) -> Option<(f64, usize)> {
    if core.ordinal || core.fraction || core.article && !matches!(fold(&text[core.start..core.end]).as_ref(), "un" | "une" | "one") {
        return None;
    }
    let mut op = next(text, core.end).filter(|t| t.kind == TokKind::Word && !t.newline_before)?;
    // "un Français sur trois", "1 TGV sur 10", "neuf électeurs sur dix":
    // French names the whole between the two figures.
    // Only as a proportion's idiom, small over a round base: "300 soldats
    // sur 12 000" stays two counts, the toll and the force it came from.
    let named = lang == Lang::Fr && !eq_folded(op.text, "sur");
    if named {
        if core.value > 10.0 {
            return None;
        }
        op = named_whole(text, core.end)?;
    }
    let (proper, after, year_ok) = match lang {
        Lang::Fr if eq_folded(op.text, "sur") => (true, op.end, true),
        Lang::En if eq_folded(op.text, "over") => (false, op.end, true),
        Lang::En if eq_folded(op.text, "in") => (true, op.end, false),
        Lang::En if eq_folded(op.text, "out") => (true, next(text, op.end).filter(|t| eq_folded(t.text, "of"))?.end, true),
        _ => return None,
    };
    let t = next(text, after).filter(|t| !t.newline_before)?;
    let (den, end, year) = match t.kind {
        TokKind::Digits => {
            let d = digits::parse(text, t.start, lang)?;
            if char_at(text, d.end).is_some_and(|c| c.is_alphanumeric() || c == '/') {
                return None;
            }
            (d.value, d.end, d.bare && d.int_digits == 4)
        }
        TokKind::Word => {
            let w = words::parse(text, t.start, lang)?;
            if w.ordinal || w.fraction {
                return None;
            }
            (w.value, w.end, false)
        }
        TokKind::Punct => return None,
    };
    if den <= 0.0 || proper && core.value >= den || year && !year_ok || named && den > 1000.0 {
        return None;
    }
    if phrase_after(text, end, lexicon::units().get(lang), true).is_some()
        || phrase_after(text, end, lexicon::multipliers().get(lang), true).is_some()
    {
        return None;
    }
    Some((core.value / den, end))
}

/// Most words a French share names between its two figures ("un
/// Français sur trois", "deux salariés agricoles sur dix").
const WHOLE_WORDS: usize = 2;

/// The "sur" after the noun naming a share's whole ("un Français sur
/// trois"): one or two words, none a unit ("un jour sur deux" is a time,
/// read by the units), a multiplier, a number word or a function word.
fn named_whole(text: &str, end: usize) -> Option<Tok<'_>> {
    const FUNCTION: [&str; 12] = ["de", "des", "du", "d", "le", "la", "les", "l", "et", "ou", "en", "a"];
    // Most figures have no "sur" among the next words: find it before
    // reading the words in between, as this runs after every French figure.
    let mut between = Vec::with_capacity(WHOLE_WORDS);
    let mut at = end;
    let sur = loop {
        let t = next(text, at).filter(|t| t.kind == TokKind::Word && !t.newline_before)?;
        if eq_folded(t.text, "sur") {
            break t;
        }
        if between.len() == WHOLE_WORDS {
            return None;
        }
        between.push((at, t));
        at = t.end;
    };
    let whole = !between.is_empty()
        && between.iter().all(|&(at, t)| {
            !(FUNCTION.iter().any(|w| eq_folded(t.text, w))
                || phrase_after(text, at, lexicon::units().get(Lang::Fr), true).is_some()
                || phrase_after(text, at, lexicon::multipliers().get(Lang::Fr), true).is_some()
                || words::parse(text, t.start, Lang::Fr).is_some())
        });
    whole.then_some(sur)
}

/// A multiplier after the figure: (factor, end). Below a million, none
/// after a figure already grouped ("11 000 mille"); "cent"/"hundred" only
/// after digits ("322 hundred"; words read their own); after an article,
/// only a word ("un crore", not "a k").
fn multiplier_after(text: &str, end: usize, core: &Core, lang: Lang) -> Option<(f64, usize)> {
    let t = next(text, end)?;
    let (&m, e) = phrase_after(text, end, lexicon::multipliers().get(lang), true)?;
    let word = &text[t.start..e];
    // A lowercase "b" is a billion after decimals ("1.2b"); after a whole
    // number it names a part ("article 5b").
    let decimals = core.digits && !core.bare && !core.grouped;
    if core.grouped && m < 1e6
        || m == 100.0 && !core.digits
        || core.article && !(word.len() >= 4 && word.chars().all(char::is_alphabetic))
        || word == "b" && !decimals
    {
        return None;
    }
    Some((m, e))
}

/// Whether the figure at `start` follows "entre"/"between", where "et" /
/// "and" joins the two ends of a range ("entre 1 million et 500 000";
/// "between 10 dollars and 20" is no 10.20).
fn after_between(text: &str, start: usize) -> bool {
    prev(text, start).is_some_and(|p| !p.newline_before && ["entre", "between"].iter().any(|w| eq_folded(p.text, w)))
}

/// The scale (a thousand or more) of the word ending a number in words at
/// `end` ("deux millions"), if it is one.
fn last_scale_word(text: &str, end: usize, lang: Lang) -> Option<f64> {
    let t = prev(text, end)?;
    let (&m, e) = phrase_after(text, t.start, lexicon::multipliers().get(lang), false)?;
    (e == end && m >= 1000.0).then_some(m)
}

/// Whether the figure ending at `end` ends on a scale written as a word
/// of four letters or more ("thousand", "cent", "lakh"), not an
/// abbreviation ("10k", "3 bn").
fn scale_in_full(text: &str, end: usize) -> bool {
    prev(text, end).is_some_and(|t| t.end == end && t.text.chars().count() >= 4 && t.text.chars().all(char::is_alphabetic))
}

/// A scale word after a figure in a remainder ("3 hundred", "300 mille"):
/// a word of four letters or more, not an abbreviation ("4 thousand 3k"
/// is no remainder).
fn scale_word_after(text: &str, end: usize, lang: Lang) -> Option<(f64, usize)> {
    let t = next(text, end).filter(|t| !t.newline_before && t.kind == TokKind::Word)?;
    let (&m, e) = phrase_after(text, end, lexicon::multipliers().get(lang), true)?;
    (m >= 100.0 && e == t.end && scale_in_full(text, e)).then_some((m, e))
}

/// The figure filling the places below the scale `last` that ends a figure
/// at `end`: (value, end). Written as news writes it, it makes one figure
/// with the scale:
///
/// - after "hundred", the tens and units: after "and" in English ("3
///   hundred and 21"), directly in French ("3 cent un");
/// - after a scale (a thousand or more), directly or after "et"/"and": a
///   figure with its own smaller scale ("4 thousand 3 hundred", "3
///   milliards 500 millions", "six crore et deux cents"), digits filling
///   the places the scale leaves ("1 million 200 000", "4 thousand 300";
///   "3 millions 2024" and "2 millions 20 ans" are two figures), or words
///   of a hundred or more ("2 millions trois cent mille").
///
/// A comma or a line break keeps figures apart ("3 hundred, 21 others"),
/// zero fills nothing ("4 thousand 3 hundred and 0" ends at "hundred"), and
/// after "entre"/"between" `between` leaves "et"/"and" to the range.
fn scale_rest(text: &str, end: usize, last: f64, lang: Lang, between: bool, depth: u8) -> Option<(f64, usize)> {
    if depth > 4 || last < 100.0 {
        return None;
    }
    let mut t = next(text, end).filter(|t| !t.newline_before)?;
    let joined = ["et", "and"].iter().any(|w| eq_folded(t.text, w));
    if joined {
        if between || last == 100.0 && lang == Lang::Fr {
            return None;
        }
        t = next(text, t.end).filter(|t| !t.newline_before)?;
    } else if last == 100.0 && (lang == Lang::En || t.kind == TokKind::Digits) {
        // English says "hundred and"; French "cent" takes its units in words.
        return None;
    }
    let (value, e) = match t.kind {
        TokKind::Digits => {
            let d = digits::parse(text, t.start, lang)?;
            if d.value.fract() != 0.0 || char_at(text, d.end).is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | ':')) {
                return None;
            }
            if let Some((m, me)) = scale_word_after(text, d.end, lang) {
                // "3 hundred": its own scale, and what fills it.
                let v = d.value * m;
                let (r, re) = scale_rest(text, me, m, lang, between, depth + 1).unwrap_or((0.0, me));
                (v + r, re)
            } else {
                let places = last.log10().round() as usize;
                let fills =
                    if last == 100.0 { d.int_digits <= 2 } else { d.int_digits == places || d.grouped && d.int_digits + 2 >= places };
                if !fills || !(d.bare || d.grouped) {
                    return None;
                }
                (d.value, d.end)
            }
        }
        TokKind::Word => {
            // "and one", "cent un": a lone "one"/"un" is a unit here.
            let w = words::parse(text, t.start, lang)
                .filter(|w| !w.ordinal && !w.fraction)
                .map(|w| (w.value, w.end))
                .or_else(|| (last == 100.0 && ["un", "une", "one"].iter().any(|a| eq_folded(t.text, a))).then_some((1.0, t.end)))?;
            if last > 100.0 && w.0 < 100.0 {
                return None;
            }
            w
        }
        TokKind::Punct => return None,
    };
    (value > 0.0 && value < last && value.fract() == 0.0).then_some((value, e))
}

/// A unit after the figure ending at `end`: right after it ("60 %", "75ml"),
/// after a hyphen ("240-millimeter", "six-mile"), after "de" or "d'" once
/// a multiplier was read ("75 millions de $", "8,8 millions d'hectares"),
/// or in brackets ("20 (kg)",
/// "20 <kg>").
fn unit_after(text: &str, end: usize, lang: Lang, multiplied: bool) -> Option<(&'static Unit, usize)> {
    let table = lexicon::units().get(lang);
    let direct = phrase_after(text, end, table, true);
    // "125 millions de dollars australiens": the longest of "de dollars" and
    // "de" + "dollars australiens".
    if multiplied && lang == Lang::Fr {
        if let Some(t) = next(text, end).filter(|t| !t.newline_before && (eq_folded(t.text, "de") || eq_folded(t.text, "d"))) {
            // "8,8 millions d'hectares": past the apostrophe of "d'".
            let from = next(text, t.end).filter(|a| t.text.len() == 1 && matches!(a.text, "'" | "’")).map_or(t.end, |a| a.end);
            if let Some(after_de) = phrase_after(text, from, table, true) {
                if direct.is_none_or(|(_, e)| after_de.1 > e) {
                    return Some(after_de);
                }
            }
        }
    }
    // A straight double quote is an inch mark only when it opens no
    // quotation ("a pen 10 \" long", not "the \"top 10\" list"); a unit
    // written as one capital then a dashed figure starts a designator
    // ("24703 L-202").
    let direct = direct.filter(|&(_, e)| {
        let quote = text[..e].ends_with('"') && !lone_quote(text, e - 1);
        let designator = text[..e].chars().next_back().is_some_and(|c| c.is_ascii_uppercase())
            && !text[..e - 1].ends_with(char::is_alphanumeric)
            && text[e..].strip_prefix(is_dash).is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
        !quote && !designator
    });
    if let Some(found) = direct {
        return Some(found);
    }
    let c = char_at(text, end)?;
    if is_dash(c) {
        return phrase_after(text, end + c.len_utf8(), table, false);
    }
    let t = next(text, end).filter(|t| !t.newline_before)?;
    let close = match t.text {
        "(" => ')',
        "[" => ']',
        "{" => '}',
        "<" => '>',
        _ => return None,
    };
    let (u, e) = phrase_after(text, t.end, table, true)?;
    let c = next(text, e).filter(|c| c.text.starts_with(close))?;
    Some((u, c.end))
}

/// Builds the mention whose core figure starts at `tok`; nothing before
/// `floor` (the previous mention) may join it.
fn mention_at(text: &str, tok: Tok<'_>, lang: Lang, opts: &NumberOptions, floor: usize) -> Option<Mention> {
    let core = core_at(text, tok, lang).or_else(|| article_core(tok, lang))?;
    let ordinal_end = if core.ordinal {
        Some(core.end)
    } else if core.digits && core.value.fract() == 0.0 && !core.fraction {
        ordinal_suffix(text, core.end, lang)
    } else {
        None
    };
    if let Some(e) = ordinal_end {
        let mut m = finish(text, core.start, e, core.value, Kind::Ordinal, None, lang, opts, core.digits, floor);
        if let Some((s, hi, he)) = ordinal_range(text, core.start, e, lang).filter(|&(s, hi, _)| s >= floor && hi > core.value) {
            m.end = he;
            m.qualifier = Qualifier::Range;
            m.qualifier_start = Some(s);
            m.low = Some(core.value);
            m.high = Some(hi);
            m.value = (core.value + hi) / 2.0;
        }
        return Some(m);
    }
    // "les années 80": a decade, not a count.
    if core.digits
        && core.bare
        && core.int_digits == 2
        && core.value % 10.0 == 0.0
        && prev(text, core.start).is_some_and(|p| eq_folded(p.text, "annees"))
    {
        return None;
    }
    let mut end = core.end;
    let mut value = core.value;
    let mut kind = Kind::Count;
    let mut unit: Option<&'static Unit> = None;

    // A fraction in words, or multipliers ("lakh crore") and the fraction
    // of the last one ("3 millions et demi").
    let mut multiplied = false;
    let mut extended = false;
    if let Some((v, e)) = fraction_op(text, &core, lang) {
        value = v;
        end = e;
        extended = true;
    } else if let Some((m, e)) = multiplier_after(text, end, &core, lang) {
        value *= m;
        end = e;
        multiplied = true;
        let mut last = m;
        if let Some((&m2, e2)) = phrase_after(text, end, lexicon::multipliers().get(lang), true).filter(|(&m2, _)| m2 > m) {
            value *= m2;
            end = e2;
            last = m2;
        }
        let mut fraction = false;
        if let Some(j) = next(text, end).filter(|j| !j.newline_before && ["et", "and"].iter().any(|w| eq_folded(j.text, w))) {
            if let Some((e, f)) = words::fraction_tail(text, j.end, lang) {
                value += f * last;
                end = e;
                fraction = true;
            }
        }
        // "4 thousand 3 hundred and 21", "2 millions 300 000"; after a
        // scale written in full ("10k 500 runners" counts runners).
        if !fraction && value.fract() == 0.0 && scale_in_full(text, end) {
            if let Some((r, e)) = scale_rest(text, end, last, lang, after_between(text, core.start), 0) {
                value += r;
                end = e;
            }
        }
    } else if !core.digits && !core.ordinal && !core.fraction {
        // "deux millions et deux cents": words ending on a scale take a
        // remainder after "et"/"and" or in digits ("trois millions 200 000").
        if let Some(last) = last_scale_word(text, core.end, lang) {
            if let Some((r, e)) = scale_rest(text, end, last, lang, after_between(text, core.start), 0) {
                value += r;
                end = e;
                multiplied = true;
            }
        }
    }
    // The sign; a sign word makes a number of an article ("minus one"),
    // and so does a unit of measure or an age after it ("one mile", "one
    // year old", "un ans").
    let mut start = core.start;
    let sign = sign_before(text, core.start, lang).filter(|&s| s >= floor);
    if core.article
        && !extended
        && !multiplied
        && sign.is_none_or(|s| !text[s..].starts_with(char::is_alphabetic))
        && !article_counts_money(text, &core, lang)
        && !article_before_unit(text, &core, lang)
        && unit_after(text, end, lang, false).is_none_or(|(u, e)| half_after(text, e, u, lang).is_none())
    {
        return None;
    }
    if let Some(s) = sign {
        value = -value;
        start = s;
    }

    // After a currency sign, "m" is a million, not metres ("$700m",
    // "£ 120m", "$700 m"): no one writes a length after a currency.
    if !multiplied && !extended {
        let gap = usize::from(text[end..].starts_with(' '));
        let suffix = text[end + gap..].strip_prefix('m').filter(|r| !r.starts_with(char::is_alphanumeric)).map(|_| end + gap + 1);
        if let Some(e) = suffix.filter(|_| money_sign_before(text, start, floor, lang)) {
            value *= 1e6;
            end = e;
            multiplied = true;
        }
    }
    // Attached letters that are not a unit or multiplier make a designator
    // ("2S7", "5G"); a hyphen then a unit is an adjective ("240-millimeter").
    let attached = char_at(text, end).is_some_and(char::is_alphabetic);
    // "cinq millions de yens": words ending with a scale read like a multiplier.
    let scaled = multiplied
        || !core.digits && prev(text, end).is_some_and(|t| !lexicon::multipliers().get(lang).starting_with(&fold(t.text)).is_empty());
    // "4 000 000 de degrés": French reads a round number of millions as
    // "millions de", digits or not.
    let round_millions = lang == Lang::Fr && core.digits && !extended && value.abs() >= 1e6 && value % 1e6 == 0.0;
    // A currency after the figure that a figure follows belongs to that
    // figure when this one has its own before it ("$ 20,000.00 $ 37,305.97",
    // "rmb 10 usd 20").
    let after = unit_after(text, end, lang, scaled || round_millions).filter(|&(u, e)| {
        !(u.kind == Kind::Money
            && is_currency_sign(text[end..e].trim_start(), lang)
            && next(text, e).is_some_and(|t| t.kind == TokKind::Digits && !t.newline_before)
            && money_sign_before(text, start, floor, lang))
    });
    let code = if scaled || extended { None } else { code_after(text, end, lang) };
    if let Some((u, f, e)) = code {
        // "120 MEUR": a code with its multiplier.
        value *= f;
        unit = Some(u);
        end = e;
        multiplied = true;
    } else if let Some((u, e)) = after {
        // "361 million pounds" is money; "25 pounds" a weight.
        unit = Some(u);
        if scaled && u.unit == "lb" && lang == Lang::En {
            unit = phrase_after("£", 0, lexicon::units().get(lang), false).map(|(u, _)| u);
        }
        let written = text[end..e].trim_start();
        end = e;
        // "2 ans et demi", "une heure et demie", "a year and a half".
        if let Some((f, e)) = half_after(text, end, u, lang) {
            value += f;
            end = e;
        }
        if !scaled && u.kind == Kind::Money {
            // "75 USD million": a code in capitals, then the multiplier.
            let word = |w: &str| w.len() >= 2 && w.chars().all(char::is_lowercase);
            let mult = phrase_after(text, end, lexicon::multipliers().get(lang), true)
                .filter(|&(_, me)| is_code(written) && word(text[end..me].trim_start()));
            if let Some((&m, me)) = mult {
                value *= m;
                end = me;
                multiplied = true;
            } else if is_code(u.unit) && !after_between(text, start) {
                // "3 dollars 50 cents", "treize euros et quarante-cinq cents".
                if let Some((cents, e)) = cents_after(text, end, value, lang, true) {
                    value += cents / 100.0;
                    end = e;
                }
            }
        }
    } else if attached && !multiplied {
        return None;
    } else if let Some(e) = points_after(text, start, end, lang) {
        unit = phrase_after("percentage points", 0, lexicon::units().get(Lang::En), false).map(|(u, _)| u);
        end = e;
    }

    // A qualifier after the figure: "500 ou plus", "five hundred or less",
    // unless it qualifies the next figure ("200 or greater than 190").
    let mut post = None;
    if let Some((&q, e)) = phrase_after(text, end, lexicon::qualifiers_after().get(lang), true) {
        if !figure_follows(text, e, lang) {
            post = Some((q, e));
        }
    }

    // A range: "10 000-12 000", "10 000 à 12 000", "10,000 to 12,000",
    // "entre 10 et 12 millions".
    let mut range_high = None;
    if post.is_none() {
        // "les années 1980-1990", "between 2010 and 2020, prices...": years.
        let year_like = |v: f64| v.fract() == 0.0 && (1000.0..=2100.0).contains(&v);
        let years = |hi: f64, e: usize| {
            core.digits
                && core.bare
                && core.int_digits == 4
                && !multiplied
                && year_like(value)
                && year_like(hi)
                && is_year(text, core.start, e, lang)
        };
        if let Some((hi, e, hi_mult, hi_unit)) =
            range_tail(text, end, start, lang).filter(|&(hi, e, m, u)| !(m == 1.0 && u.is_none() && years(hi, e)))
        {
            // "entre 10 et 12 millions": the second figure's multiplier applies to both.
            let lo = if multiplied { value } else { value * hi_mult };
            if hi >= lo && unit.is_none_or(|u| hi_unit.is_none_or(|h| h.unit == u.unit)) {
                value = lo;
                range_high = Some(hi);
                end = e;
                unit = unit.or(hi_unit);
            }
        }
    }

    // "convertir - 20 degrés fahrenheit": inside a sentence, a spaced
    // minus before a quantity that may be negative is its sign (a dash
    // opening a line is a bullet, see `sign_before`).
    if sign.is_none() && range_high.is_none() && unit.is_some_and(|u| !non_negative(u.kind, Some(u.unit))) {
        if let Some(s) = spaced_minus(text, start, floor) {
            value = -value;
            start = s;
        }
    }
    // "a man of age 87", "aged 30": an age in years, the word included.
    if unit.is_none() && !core.fraction {
        if let Some(s) = age_word_before(text, start, floor, lang) {
            unit = phrase_after("years", 0, lexicon::units().get(Lang::En), false).map(|(u, _)| u);
            start = s;
        }
    }
    // "tourner à 90 degrés", "rotate 3 turns", "un demi-tour": angles.
    if let Some((u, e)) = angle_after(text, start, end, unit, &core, lang) {
        unit = Some(u);
        end = e;
    }

    // Currency written before the figure ("$5", "€3 million", "US$ 2",
    // "MAUD 60"), and the cents after it ("c $ 100 and fifty").
    if unit.is_none() {
        let code = if multiplied || extended { None } else { code_before(text, start, floor, lang) };
        if let Some((u, f, s)) = code {
            value *= f;
            range_high = range_high.map(|h| h * f);
            unit = Some(u);
            start = s;
        } else if let Some((u, s)) = phrase_before(text, start, lexicon::units().get(lang)) {
            if u.kind == Kind::Money && s >= floor && is_currency_sign(text[s..start].trim_end(), lang) {
                unit = Some(u);
                start = s;
                if !multiplied && !extended && range_high.is_none() && post.is_none() && is_code(u.unit) {
                    if let Some((cents, e)) = cents_after(text, end, value, lang, false) {
                        value += cents / 100.0;
                        end = e;
                    }
                }
            }
        }
    }
    if let Some(u) = unit {
        kind = u.kind;
    } else if (core.fraction || extended) && !multiplied && range_high.is_none() && value > 0.0 && value <= 1.0 {
        // "trois quarts des sondés", "un Français sur trois": a share of the
        // whole named after it, not a count of 0.75.
        kind = Kind::Fraction;
    } else if core.digits
        && core.bare
        && core.int_digits == 4
        && !multiplied
        && !extended
        && range_high.is_none()
        && (1000.0..=2100.0).contains(&value)
        && is_year(text, core.start, end, lang)
    {
        kind = Kind::Year;
    }

    let mut m = finish(text, start, end, value, kind, unit.map(|u| u.unit), lang, opts, core.digits, floor);
    if let Some((q, e)) = post {
        let (low, high) = interval(m.value, q, opts.approx_tolerance, non_negative(kind, m.unit));
        m.qualifier = q;
        m.qualifier_start = None;
        m.qualifier_end = Some(e);
        m.low = low;
        m.high = high;
    }
    if let Some(hi) = range_high {
        m.qualifier = Qualifier::Range;
        m.low = Some(value);
        m.high = Some(hi);
        m.value = (value + hi) / 2.0;
        m.qualifier_start = None;
        // "entre", "de", "from", "between" belong to the range.
        if let Some(t) = prev(text, start) {
            if ["entre", "de", "from", "between", "du", "d"].iter().any(|k| eq_folded(t.text, k)) && !t.newline_before && t.start >= floor {
                m.qualifier_start = Some(t.start);
            }
        }
    }
    Some(m)
}

/// Whether the straight double quote at `i` is the only one of its line.
fn lone_quote(text: &str, i: usize) -> bool {
    let line_start = text[..i].rfind('\n').map_or(0, |n| n + 1);
    let line_end = text[i + 1..].find('\n').map_or(text.len(), |n| i + 1 + n);
    text[line_start..i].find('"').is_none() && text[i + 1..line_end].find('"').is_none()
}

/// Whether an article ("one", "un") before a unit is the number one:
/// English "one" (not "a") before a unit of measure or an age ("one mile",
/// "one year old"; "one day" alone is a time, not a figure); French "un"
/// before a unit in the plural, which no article takes ("un ans").
fn article_before_unit(text: &str, core: &Core, lang: Lang) -> bool {
    let Some((u, e)) = unit_after(text, core.end, lang, false) else { return false };
    if u.kind == Kind::Money {
        return false;
    }
    match lang {
        Lang::En => {
            let ages = lexicon::age_words_after().get(lang);
            let age = u.kind == Kind::Duration
                && (phrase_before(text, e, ages).is_some_and(|(_, s)| s > core.end) || phrase_after(text, e, ages, true).is_some());
            eq_folded(&text[core.start..core.end], "one") && (u.kind == Kind::Measure || age)
        }
        Lang::Fr => {
            let written = text[core.end..e].trim_start();
            written.strip_suffix('s').is_some_and(|singular| {
                phrase_after(singular, 0, lexicon::units().get(lang), false).is_some_and(|(s, se)| se == singular.len() && s.unit == u.unit)
            })
        }
    }
}

/// The start of a minus written apart from the figure at `start` inside a
/// sentence ("convert - 20 degrees"): a "-" with spaces on both sides,
/// after a word of the same line.
fn spaced_minus(text: &str, start: usize, floor: usize) -> Option<usize> {
    let dash = prev(text, start).filter(|d| matches!(d.text, "-" | "−") && d.space_before && !d.newline_before && d.start >= floor)?;
    let word = prev(text, dash.start)?;
    (word.kind == TokKind::Word && word.space_before && !word.newline_before).then_some(dash.start)
}

/// The start of a word right before the figure at `start` that makes it an
/// age ("age 87", "aged 30"); not a name ending in one ("the Stone Age").
fn age_word_before(text: &str, start: usize, floor: usize, lang: Lang) -> Option<usize> {
    let (_, s) = phrase_before(text, start, lexicon::age_words_before().get(lang)).filter(|&(_, s)| s >= floor)?;
    let named = text[s..].starts_with(char::is_uppercase)
        && prev(text, s).is_some_and(|p| !p.newline_before && p.text.starts_with(char::is_uppercase));
    (!named).then_some(s)
}

/// The angle a figure measures, when its unit is a degree and the words
/// around name a rotation or an angle ("tourner à 90 degrés", "Rotation
/// 90°", "a 45 degrees angle"), or its unit a turn so named ("rotate 3
/// turns") or after a fraction ("un demi-tour", "a half turn"). A degree
/// with a scale ("45 degrees fahrenheit") stays a temperature. Returns the
/// angle unit and the mention's end.
fn angle_after(
    text: &str,
    start: usize,
    end: usize,
    unit: Option<&'static Unit>,
    core: &Core,
    lang: Lang,
) -> Option<(&'static Unit, usize)> {
    let table = lexicon::angle_units().get(lang);
    match unit {
        Some(u) if u.dimension == "temperature" => {
            let (a, s) = phrase_before(text, end, table)?;
            (s >= core.end && angle_named(text, start, end, lang)).then_some((a, end))
        }
        None => {
            let (a, e) = phrase_after(text, end, table, true).or_else(|| {
                let c = char_at(text, end).filter(|&c| is_dash(c))?;
                phrase_after(text, end + c.len_utf8(), table, false)
            })?;
            let turn_fraction = a.unit == "turn" && core.fraction && core.value < 1.0;
            (turn_fraction || angle_named(text, start, e, lang)).then_some((a, e))
        }
        _ => None,
    }
}

/// How far around a degree the words naming an angle are looked for, in
/// tokens: the verb or noun before it ("tourner à gauche à 45 degrés"),
/// the noun after it ("45 degrees angle", "45 degrés d'angle"), and a
/// temperature anywhere in a sentence of news length.
const ANGLE_BEFORE: usize = 6;
const ANGLE_AFTER: usize = 3;
const WEATHER_SPAN: usize = 20;

/// Whether the words around the mention `start..end` name a rotation or an
/// angle, and none of its sentence a temperature.
fn angle_named(text: &str, start: usize, end: usize, lang: Lang) -> bool {
    let cues = lexicon::angle_cues().get(lang);
    let ends_sentence = |t: &Tok<'_>| t.newline_before || matches!(t.text, "." | "!" | "?" | ";");
    // The sentence's tokens on one side of the mention, nearest first
    // (walking back, `newline_before` is the gap after the token).
    let side = |mut at: usize, forward: bool| {
        let mut out = Vec::new();
        while out.len() < WEATHER_SPAN {
            let Some(t) = (if forward { next(text, at) } else { prev(text, at) }).filter(|t| !ends_sentence(t)) else { break };
            at = if forward { t.end } else { t.start };
            out.push(t);
        }
        out
    };
    let mut before = side(start, false);
    before.reverse();
    let after = side(end, true);
    let near_before = before.len().saturating_sub(ANGLE_BEFORE);
    let mut angle = false;
    for (side, toks) in [(0, &before), (1, &after)] {
        let mut skip_to = 0;
        for (i, t) in toks.iter().enumerate() {
            if t.start < skip_to || t.kind != TokKind::Word {
                continue;
            }
            let Some((&cue, e)) = phrase_after(text, t.start, cues, false) else { continue };
            match cue {
                AngleCue::Weather => return false,
                AngleCue::Other => skip_to = e,
                AngleCue::Angle => angle |= if side == 0 { i >= near_before } else { i < ANGLE_AFTER },
            }
        }
    }
    angle
}

/// The fraction after a unit of time or measure, joined by "et"/"and":
/// "2 ans et demi", "une heure et quart", "a year and a half". Returns
/// (fraction, end).
fn half_after(text: &str, end: usize, unit: &Unit, lang: Lang) -> Option<(f64, usize)> {
    if !matches!(unit.kind, Kind::Duration | Kind::Measure) || unit.dimension.starts_with("temperature") {
        return None;
    }
    let j = next(text, end).filter(|j| !j.newline_before && ["et", "and"].iter().any(|w| eq_folded(j.text, w)))?;
    let (e, f) = words::fraction_tail(text, j.end, lang)?;
    (f > 0.0 && f < 1.0).then_some((f, e))
}

/// A clock time in hours, which is neither a duration nor a count: "à 7 h
/// 30", "vers 20 h", "dès 6 heures du matin", "samedi 14 h 30". The hour
/// follows a cue of `clock_cues.tsv` and is at most 24; "de" or "du" after
/// it makes a distance in time ("à 3 h de route", "à 24 heures du
/// scrutin"), except "du matin", "du soir". Returns the end of the time.
fn clock_at(text: &str, tok: Tok<'_>, lang: Lang) -> Option<usize> {
    if tok.text.len() > 2 || tok.text.parse::<u32>().ok()? > 24 {
        return None;
    }
    if char_before(text, tok.start).is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | '.' | ':')) {
        return None;
    }
    phrase_before(text, tok.start, lexicon::clock_cues().get(lang))?;
    let (_, mut end) = phrase_after(text, tok.end, lexicon::units().get(lang), true).filter(|(u, _)| u.unit == "hour")?;
    if let Some(m) = next(text, end).filter(|m| !m.newline_before && m.kind == TokKind::Digits && m.text.len() == 2) {
        let decimal = text[m.end..].strip_prefix([',', '.']).is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
        if m.text.parse::<u32>().is_ok_and(|v| v < 60) && !decimal && !char_at(text, m.end).is_some_and(char::is_alphanumeric) {
            end = m.end;
            if let Some((_, e)) = phrase_after(text, end, lexicon::units().get(lang), true).filter(|(u, _)| u.unit == "minute") {
                end = e;
            }
        }
    }
    if let Some(d) = next(text, end).filter(|d| !d.newline_before && ["de", "d", "du"].iter().any(|w| eq_folded(d.text, w))) {
        let part_of_day = next(text, d.end).is_some_and(|w| ["matin", "soir"].iter().any(|p| eq_folded(w.text, p)));
        if !part_of_day {
            return None;
        }
    }
    Some(end)
}

/// Joins a measure and the smaller units written after it into one figure:
/// "6 min 17 s", "2 h 30 min", "1 h 30", "5 feet 2 inches", "12 ft 2 in",
/// "8 lb 4 oz" (times and imperial units only: see `compound_part`). The parts share a dimension, each is smaller than one of the unit
/// before it, and only spaces or "et"/"and" stand between them; the figure
/// keeps the first part's unit. A bare two-digit figure after hours is
/// minutes ("1 h 30"); a bare figure closed by "s" after minutes is
/// seconds ("6 min 17 s"), and by "in" after feet, inches.
fn join_compounds(text: &str, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    let mut it = mentions.into_iter().peekable();
    while let Some(mut a) = it.next() {
        while let Some((add, end)) = it.peek().and_then(|b| compound_part(text, &a, b)) {
            it.next();
            a.value += add;
            a.low = a.low.map(|v| v + add);
            a.high = a.high.map(|v| v + add);
            a.end = end;
        }
        out.push(a);
    }
    out
}

/// What `b` adds to `a` in `a`'s unit when it continues it, and the end.
fn compound_part(text: &str, a: &Mention, b: &Mention) -> Option<(f64, usize)> {
    // Metric lengths are written with decimals ("1,80 m"): "12 m 2 dm" is
    // two lengths; feet and inches, pounds and ounces, and times combine.
    let combines = a.kind == Kind::Duration || a.kind == Kind::Measure && matches!(a.unit, Some("ft" | "lb"));
    if !combines
        || !matches!(a.qualifier, Qualifier::Exact | Qualifier::Approx)
        || a.qualifier_end.is_some()
        || b.qualifier != Qualifier::Exact
        || b.qualifier_start.is_some()
        || b.value < 0.0
        || b.start < a.end
    {
        return None;
    }
    let (dim, fa) = lexicon::unit_factor(a.unit?)?;
    if dim.starts_with("temperature") {
        return None;
    }
    let gap = text[a.end..b.start].trim_matches(|c: char| c == ' ' || is_group_space(c));
    let joined = ["et", "and"].iter().any(|w| eq_folded(gap, w));
    if !(gap.is_empty() || joined && b.unit.is_some()) {
        return None;
    }
    if let Some(ub) = b.unit {
        let (db, fb) = lexicon::unit_factor(ub)?;
        return (db == dim && fb < fa && b.value * fb < fa && b.kind == a.kind).then_some((b.value * fb / fa, b.end));
    }
    // A bare figure: two digits after hours, a figure closed by a unit
    // letter after minutes or feet.
    let bare = b.kind == Kind::Count && b.digits && b.value.fract() == 0.0 && gap.is_empty();
    if !bare {
        return None;
    }
    let closing = |unit: &str| -> Option<usize> {
        let t = next(text, b.end).filter(|t| !t.newline_before && t.text == unit)?;
        (!char_at(text, t.end).is_some_and(|c| c.is_alphanumeric() || crate::text::chars::is_apostrophe(c))).then_some(t.end)
    };
    match a.unit? {
        "hour" if text[b.start..b.end].len() == 2 && b.value < 60.0 => Some((b.value / 60.0, b.end)),
        "minute" if b.value < 60.0 => closing("s").map(|e| (b.value / 60.0, e)),
        "ft" if b.value < 12.0 => closing("in").map(|e| (b.value / 12.0, e)),
        _ => None,
    }
}

/// The cents after a whole `amount` in a currency: "50 cents", "and
/// forty-five cents", or a number below 100 without a unit closing the
/// clause ("15 dollars 50.", "c $ 100 and fifty.") or the amount ("one
/// dollar and two and three points"). `bare` is set after a currency
/// written after the amount: the number may follow it without "and" ("15
/// dollars 50"). After a sign before the amount, cents need "and" and, in
/// digits, their unit: "$10 and 15." lists two amounts.
/// Returns (cents, end).
fn cents_after(text: &str, end: usize, amount: f64, lang: Lang, bare: bool) -> Option<(f64, usize)> {
    if amount.fract() != 0.0 {
        return None;
    }
    let mut t = next(text, end).filter(|t| !t.newline_before)?;
    let joined = ["and", "et"].iter().any(|w| eq_folded(t.text, w));
    if joined {
        t = next(text, t.end).filter(|t| !t.newline_before)?;
    } else if !bare {
        return None;
    }
    let units = lexicon::units().get(lang);
    let (v, e) = match t.kind {
        TokKind::Digits => {
            let d = digits::parse(text, t.start, lang).filter(|d| d.bare && d.int_digits <= 2)?;
            (d.value, d.end)
        }
        TokKind::Word => match words::parse(text, t.start, lang).filter(|w| !w.ordinal && !w.fraction) {
            // "quarante-cinq cents": French reads "cents" after a number as
            // hundreds; after an amount in a currency it is the subunit.
            Some(w) if w.value >= 100.0 => {
                let last = prev(text, w.end)?;
                phrase_after(text, last.start, units, false).filter(|(u, _)| u.unit == "cent")?;
                let w = words::parse(&text[..last.start], t.start, lang).filter(|w| !w.ordinal && !w.fraction)?;
                (w.value, w.end)
            }
            Some(w) => (w.value, w.end),
            // "one dollar and one": after "and" the article is one.
            None if joined && ["one", "un", "une"].iter().any(|w| eq_folded(t.text, w)) => (1.0, t.end),
            None => return None,
        },
        TokKind::Punct => return None,
    };
    if !(1.0..100.0).contains(&v) || v.fract() != 0.0 {
        return None;
    }
    if let Some((u, ue)) = phrase_after(text, e, units, true) {
        return matches!(u.unit, "cent" | "GBX").then_some((v, ue));
    }
    if !bare && t.kind == TokKind::Digits {
        return None;
    }
    let closes = next(text, e).is_none_or(|n| {
        n.newline_before
            || matches!(n.text, "." | "," | ";" | ")" | "!" | "?")
            || joined && ["and", "et"].iter().any(|w| eq_folded(n.text, w))
    });
    closes.then_some((v, e))
}

/// A currency code: three capitals ("USD", "EUR").
fn is_code(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether the article of `core` ("un", "une", "one"; not "a") counts one
/// of the currency right after it ("one penny", "one-yen bid", "un
/// penny"), as `money_words.tsv` allows.
fn article_counts_money(text: &str, core: &Core, lang: Lang) -> bool {
    if !["un", "une", "one"].iter().any(|w| eq_folded(&text[core.start..core.end], w)) {
        return false;
    }
    let Some((u, e)) = unit_after(text, core.end, lang, false) else { return false };
    let words = lexicon::money_words().get(lang);
    let written = text[core.end..e].trim_start_matches(|c: char| c.is_whitespace() || is_dash(c));
    if u.kind != Kind::Money || words.ordinary.contains(&*fold(written)) {
        return false;
    }
    words.after.is_empty()
        || next(text, e).is_none_or(|t| t.newline_before || t.kind != TokKind::Word || words.after.contains(&*fold(t.text)))
}

/// A currency code in capitals with a multiplier glued before it, as the
/// word `w`: "MEUR", "MUSD" (`money_words.tsv`). Returns its unit and
/// factor.
fn prefixed_code(text: &str, w: Tok<'_>, lang: Lang) -> Option<(&'static Unit, f64)> {
    if w.kind != TokKind::Word {
        return None;
    }
    lexicon::money_words().get(lang).prefixes.iter().find_map(|&(p, f)| {
        let code = w.text.strip_prefix(p).filter(|c| is_code(c))?;
        let (u, e) = phrase_after(text, w.end - code.len(), lexicon::units().get(lang), false)?;
        (u.kind == Kind::Money && e == w.end).then_some((u, f))
    })
}

/// A prefixed code after the figure ending at `end` ("30 MUSD"): (unit,
/// factor, end).
fn code_after(text: &str, end: usize, lang: Lang) -> Option<(&'static Unit, f64, usize)> {
    let t = next(text, end).filter(|t| !t.newline_before)?;
    prefixed_code(text, t, lang).map(|(u, f)| (u, f, t.end))
}

/// A prefixed code before the figure at `start` ("MAUD 60"): (unit,
/// factor, start).
fn code_before(text: &str, start: usize, floor: usize, lang: Lang) -> Option<(&'static Unit, f64, usize)> {
    let t = prev(text, start).filter(|t| !t.newline_before && t.start >= floor)?;
    prefixed_code(text, t, lang).map(|(u, f)| (u, f, t.start))
}

/// "point"/"points" after a change ("+0,2 point", "en baisse de 3
/// points", "down 3 points", "by a quarter point") are percentage points;
/// elsewhere ("25 points" in a match) they are a score, and points of
/// something ("répartis sur 100 points de blocage") are counted. Returns
/// the end.
fn points_after(text: &str, start: usize, end: usize, lang: Lang) -> Option<usize> {
    if !text[end..].trim_start_matches(' ').starts_with("point") {
        return None;
    }
    let t = next(text, end)
        .filter(|t| !t.newline_before && t.kind == TokKind::Word && ["point", "points"].iter().any(|w| eq_folded(t.text, w)))?;
    // "100 points de blocage", "points of sale": points of something are
    // counted, not percentage points.
    if next(text, t.end).is_some_and(|n| !n.newline_before && ["de", "d", "of"].iter().any(|w| eq_folded(n.text, w))) {
        return None;
    }
    let signed = char_before(text, start) == Some('+');
    let change: &[&str] = match lang {
        Lang::Fr => &["de"],
        Lang::En => &["by", "down", "up"],
    };
    let after_change = prev(text, start).is_some_and(|p| !p.newline_before && change.iter().any(|w| eq_folded(p.text, w)));
    (signed || after_change).then_some(t.end)
}

/// Whether a currency sign stands right before the figure at `start`
/// ("$700m", "£ 120m").
fn money_sign_before(text: &str, start: usize, floor: usize, lang: Lang) -> bool {
    phrase_before(text, start, lexicon::units().get(lang))
        .is_some_and(|(u, s)| u.kind == Kind::Money && s >= floor && is_currency_sign(text[s..start].trim_end(), lang))
}

/// Whether a currency phrase may stand before a figure: a sign ("$",
/// "US$", "hk $"), a code in capitals ("USD") or a lower-case code that
/// is no word ("usd 20", `money_words.tsv`), not a word ("dollars 5 ans
/// plus tard" is no currency before 5).
fn is_currency_sign(phrase: &str, lang: Lang) -> bool {
    phrase.chars().any(|c| !c.is_alphabetic() && !c.is_whitespace())
        || phrase.len() >= 3 && phrase.chars().all(|c| c.is_ascii_uppercase())
        || lexicon::money_words().get(lang).before.contains(phrase)
}

/// Whether a figure follows `pos`, maybe after the end of a comparative
/// ("or less than 6000", "et plus de 40", "et plus petit que 20").
fn figure_follows(text: &str, pos: usize, lang: Lang) -> bool {
    const LINKS: &[&str] = &[
        "de", "d", "'", "que", "qu", "than", "of", "to", "a", "petit", "petite", "petits", "petites", "grand", "grande", "grands",
        "grandes", "eleve", "bas", "haut", "egal", "egale", "equal",
    ];
    let mut at = pos;
    for _ in 0..3 {
        let Some(t) = next(text, at).filter(|t| !t.newline_before) else { return false };
        if t.kind == TokKind::Digits || t.kind == TokKind::Word && words::parse(text, t.start, lang).is_some() {
            return true;
        }
        if !LINKS.iter().any(|w| eq_folded(t.text, w)) {
            return false;
        }
        at = t.end;
    }
    false
}

/// An amount named by a round multiple: "une vingtaine" (approx 20),
/// "un millier", "des dizaines de milliers", "hundreds" (vague), with the
/// interval `approx_multiples.tsv` gives it and a unit after it ("une
/// vingtaine d'euros" is money).
fn multiple_at(text: &str, tok: Tok<'_>, lang: Lang, opts: &NumberOptions, floor: usize) -> Option<Mention> {
    let table = lexicon::approx_multiples().get(lang);
    // Most words start no such phrase: a few comparisons of short words,
    // no hashing and no second tokenisation.
    let firsts = lexicon::approx_multiple_firsts().get(lang);
    let (_, seconds) = firsts.iter().find(|(f, _)| f.len() == tok.text.len() && eq_folded(tok.text, f))?;
    let rest = text[tok.end..].trim_start_matches(' ').as_bytes();
    let follows = |w: &str| w.is_empty() || rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w.as_bytes());
    if !seconds.iter().any(|w| follows(w)) {
        return None;
    }
    let (m, mut end) = phrase_after(text, tok.start, table, false)?;
    let mut kind = Kind::Count;
    let mut unit = None;
    let elided = next(text, end)
        .filter(|t| !t.newline_before && eq_folded(t.text, "d"))
        .and_then(|d| next(text, d.end).filter(|a| a.text == "'" || a.text == "’"));
    let found =
        unit_after(text, end, lang, true).or_else(|| elided.and_then(|a| phrase_after(text, a.end, lexicon::units().get(lang), false)));
    if let Some((u, e)) = found.filter(|(u, _)| u.kind != Kind::Percent) {
        kind = u.kind;
        unit = Some(u.unit);
        end = e;
    }
    // "moins d'un millier", "plus d'une centaine": the qualifier before a
    // round multiple bounds its value.
    let (mut qualifier, mut low, mut high, mut qualifier_start) = (m.qualifier, Some(m.low), Some(m.high), None);
    if m.qualifier == Qualifier::Approx {
        if let Some((&q, s)) = phrase_before(text, tok.start, lexicon::qualifiers().get(lang)).filter(|&(_, s)| s >= floor) {
            if q != Qualifier::Approx {
                (low, high) = interval(m.value, q, opts.approx_tolerance, true);
                qualifier = q;
            }
            qualifier_start = Some(s);
        }
    }
    Some(Mention {
        start: tok.start,
        end,
        qualifier_start,
        value: m.value,
        low,
        high,
        qualifier,
        kind,
        unit,
        date: None,
        digits: false,
        qualifier_end: None,
    })
}

/// "more than half", "plus de la moitié": one half, with its qualifier.
fn half_at(text: &str, tok: Tok<'_>, lang: Lang, opts: &NumberOptions, floor: usize) -> Option<Mention> {
    let word = match lang {
        Lang::Fr => "moitie",
        Lang::En => "half",
    };
    if !eq_folded(tok.text, word) {
        return None;
    }
    let mut at = tok.start;
    if lang == Lang::Fr {
        at = prev(text, tok.start).filter(|t| eq_folded(t.text, "la") && !t.newline_before)?.start;
    }
    let (q, s) = match phrase_before(text, at, lexicon::qualifiers().get(lang)) {
        Some((&q, s)) if s >= floor => (q, Some(s)),
        Some(_) => return None,
        // "la moitié des obus", "half of the missiles": a fraction of the
        // whole named after it; "the first half of 2025" is a period.
        None => {
            let of = next(text, tok.end)
                .filter(|t| !t.newline_before && ["of", "the", "des", "de", "du", "d"].iter().any(|w| eq_folded(t.text, w)))?;
            let before = prev(text, at).filter(|t| !t.newline_before);
            if before.is_some_and(|b| {
                words::parse(text, b.start, lang).is_some_and(|w| w.ordinal) || ["second", "seconde"].iter().any(|w| eq_folded(b.text, w))
            }) {
                return None;
            }
            // "half of 2025" is a period too.
            if next(text, of.end).is_some_and(|y| y.kind == TokKind::Digits) {
                return None;
            }
            (Qualifier::Exact, None)
        }
    };
    let (low, high) = interval(0.5, q, opts.approx_tolerance, true);
    Some(Mention {
        start: tok.start,
        end: tok.end,
        qualifier_start: s,
        value: 0.5,
        low,
        high,
        qualifier: q,
        kind: Kind::Fraction,
        unit: None,
        date: None,
        digits: false,
        qualifier_end: None,
    })
}

/// A range of ranks: "entre le dixième et le quinzième", "between the
/// 10th and the 15th", for the ordinal at `start..end`. Returns (start of
/// "entre"/"between", the second rank, its end). Only after "entre" /
/// "between": elsewhere "et"/"and" lists two ranks ("le premier et le
/// second tour").
fn ordinal_range(text: &str, start: usize, end: usize, lang: Lang) -> Option<(usize, f64, usize)> {
    const ARTICLES: &[&str] = &["le", "la", "les", "l", "the"];
    let skip_article_before = |pos: usize| -> Option<Tok<'_>> {
        let mut p = prev(text, pos).filter(|p| !p.newline_before)?;
        if matches!(p.text, "'" | "’") {
            p = prev(text, p.start).filter(|p| !p.newline_before)?;
        }
        if ARTICLES.iter().any(|a| eq_folded(p.text, a)) {
            p = prev(text, p.start).filter(|p| !p.newline_before)?;
        }
        Some(p)
    };
    let before = skip_article_before(start)?;
    if !["entre", "between"].iter().any(|w| eq_folded(before.text, w)) {
        return None;
    }
    let j = next(text, end).filter(|j| !j.newline_before && ["et", "and"].iter().any(|w| eq_folded(j.text, w)))?;
    let mut t = next(text, j.end).filter(|t| !t.newline_before)?;
    if ARTICLES.iter().any(|a| eq_folded(t.text, a)) {
        t = next(text, t.end).filter(|t| !t.newline_before)?;
        if matches!(t.text, "'" | "’") {
            t = next(text, t.end).filter(|t| !t.newline_before)?;
        }
    }
    let core = core_at(text, t, lang)?;
    let e = if core.ordinal {
        core.end
    } else if core.digits && core.value.fract() == 0.0 && !core.fraction {
        ordinal_suffix(text, core.end, lang)?
    } else {
        return None;
    };
    Some((before.start, core.value, e))
}

/// The second figure of a range after a first one ending at `end` and
/// starting at `start`: (value, end, multiplier of the second, unit).
fn range_tail(text: &str, end: usize, start: usize, lang: Lang) -> Option<(f64, usize, f64, Option<&'static Unit>)> {
    let sep = next(text, end)?;
    if sep.newline_before {
        return None;
    }
    let dash = sep.kind == TokKind::Punct && sep.text.chars().next().is_some_and(|c| is_dash(c) || c == '~');
    let word = ["à", "a", "to", "et", "and", "through", "thru"].iter().any(|w| eq_folded(sep.text, w)) && sep.kind == TokKind::Word;
    if !dash && !word {
        return None;
    }
    // After a verb of change, "by 0.1 hour to 34.4 hours" and "passe de
    // 7,3 % à 7,4 %" are a change and a level (or an earlier value and a
    // level), not a range.
    if let Some(before) = prev(text, start).filter(|b| !b.newline_before) {
        let by = ["by", "de", "d", "from"].iter().any(|w| eq_folded(before.text, w));
        let after_change = by
            && (eq_folded(before.text, "by") && eq_folded(sep.text, "to")
                || phrase_before(text, before.start, lexicon::aspects().get(lang)).is_some_and(|(a, _)| a.0 == "change_verb"));
        if after_change {
            return None;
        }
    }
    // "et"/"and" only after "entre"/"between": otherwise it lists two figures.
    if ["et", "and"].iter().any(|w| eq_folded(sep.text, w)) {
        let before = prev(text, start)?;
        if !["entre", "between"].iter().any(|w| eq_folded(before.text, w)) {
            return None;
        }
    }
    // A "-" range needs digits on both sides, touching or spaced alike.
    let t2 = next(text, sep.end)?;
    if t2.newline_before || t2.kind != TokKind::Digits && dash {
        return None;
    }
    let core = core_at_unchecked(text, t2, lang)?;
    if core.ordinal {
        return None;
    }
    // "1-222-2222": a chain of dashed figures is a code, not a range.
    if dash
        && text[core.end..].starts_with(|c: char| is_dash(c) || c == '/')
        && text[core.end..].chars().nth(1).is_some_and(|c| c.is_ascii_digit())
    {
        return None;
    }
    let mut v = core.value;
    let mut e = core.end;
    let mut mult = 1.0;
    if let Some((m, me)) = multiplier_after(text, e, &core, lang) {
        v *= m;
        mult = m;
        e = me;
        // "entre 1 million 200 000 et 1 million 500 000".
        if let Some((r, re)) = scale_rest(text, e, m, lang, true, 0).filter(|_| scale_in_full(text, e)) {
            v += r;
            e = re;
        }
    }
    let mut unit = None;
    if let Some((u, f, ce)) = code_after(text, e, lang).filter(|_| mult == 1.0) {
        // "10-20 MEUR": the code's multiplier applies to both, as "million" would.
        v *= f;
        mult = f;
        unit = Some(u);
        e = ce;
    } else if let Some((u, ue)) = unit_after(text, e, lang, mult != 1.0) {
        unit = Some(u);
        e = ue;
    }
    Some((v, e, mult, unit))
}

/// The core figure at `tok` without the designator check on its left (the
/// left is the range separator).
fn core_at_unchecked(text: &str, tok: Tok<'_>, lang: Lang) -> Option<Core> {
    match tok.kind {
        TokKind::Digits => {
            let d = digits::parse(text, tok.start, lang)?;
            if char_at(text, d.end).is_some_and(char::is_alphabetic)
                && unit_after(text, d.end, lang, false).is_none()
                && phrase_after(text, d.end, lexicon::multipliers().get(lang), false).is_none()
            {
                return None;
            }
            Some(digit_core(text, tok.start, &d))
        }
        _ => core_at(text, tok, lang),
    }
}

/// Whether a bare four-digit figure is a year: a cue before it ("en
/// 2025", "since 2022"), or no lower-case word after it (a count is
/// followed by what it counts).
fn is_year(text: &str, start: usize, end: usize, lang: Lang) -> bool {
    // "above 1500", "supérieur à 1000": a compared figure is a count.
    if phrase_before(text, start, lexicon::qualifiers().get(lang))
        .is_some_and(|(q, _)| matches!(q, Qualifier::MoreThan | Qualifier::LessThan | Qualifier::AtLeast))
    {
        return false;
    }
    let cue = phrase_before(text, start, lexicon::year_cues().get(lang)).map(|(c, _)| *c);
    if cue == Some(lexicon::YearCue::Strong) {
        return true;
    }
    // After "de", "of", "for": a year unless what it counts follows ("une
    // foule de 2000 personnes"; "de 2019 à 2023", "the end of 2024 saw").
    if cue == Some(lexicon::YearCue::Weak) {
        // The first year of a span ("2019 à 2023") says it as well.
        let recent = text[start..end].get(..4).and_then(|y| y.parse::<u32>().ok()).is_some_and(|y| (1900..=2100).contains(&y));
        return recent
            && !next(text, end).is_some_and(|t| {
                !t.newline_before
                    && t.kind == TokKind::Word
                    && lexicon::measures()
                        .get(lang)
                        .starting_with(&fold(t.text))
                        .iter()
                        .any(|p| matches!(p.value.1, lexicon::MeasureClass::Person | lexicon::MeasureClass::Thing))
            });
    }
    // "the 2020 census", "the 2024 election": a recent year before a
    // singular noun ("census", "campus" end in -us, not a plural -s);
    // "the 1500 soldiers" counts a plural.
    let recent = text[start..end].parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y));
    // So after a possessive: "Tony Blair's 1997 majority", "its 2019 result".
    let determiner = |p: &str| ["the", "its", "their", "his", "her", "s"].iter().any(|d| eq_folded(p, d));
    let possessive_s = |p: &Tok<'_>| p.text.eq_ignore_ascii_case("s") && text[..p.start].ends_with(['\'', '’']);
    if lang == Lang::En
        && recent
        && prev(text, start).is_some_and(|p| !p.newline_before && determiner(p.text) && (p.text.len() > 1 || possessive_s(&p)))
    {
        if let Some(t) = next(text, end).filter(|t| !t.newline_before && t.kind == TokKind::Word) {
            let plural = t.text.ends_with('s') && !t.text.ends_with("us") && !t.text.ends_with("ss");
            if !plural {
                return true;
            }
        }
    }
    match next(text, end) {
        Some(t) if !t.newline_before && t.kind == TokKind::Word => !(t.text.chars().count() >= 3 && t.text.starts_with(char::is_lowercase)),
        _ => true,
    }
}

/// Whether a quantity of this kind and unit cannot be negative (its "at
/// most" interval starts at 0): everything but temperatures and angles.
fn non_negative(kind: Kind, unit: Option<&str>) -> bool {
    !(kind == Kind::Measure && matches!(unit, Some("°C" | "°F" | "°" | "rad" | "turn")))
}

#[allow(clippy::too_many_arguments)]
fn finish(
    text: &str,
    start: usize,
    end: usize,
    value: f64,
    kind: Kind,
    unit: Option<&'static str>,
    lang: Lang,
    opts: &NumberOptions,
    digits: bool,
    floor: usize,
) -> Mention {
    let (qualifier, qualifier_start) = match kind {
        Kind::Ordinal | Kind::Year | Kind::Date => (Qualifier::Exact, None),
        _ => match phrase_before(text, start, lexicon::qualifiers().get(lang)).or_else(|| past_adverb(text, start, lang)) {
            // "over three years", "sur trois ans": the span a figure is
            // spread over, not a bound on it ("over thirty years old" is).
            Some((_, s))
                if kind == Kind::Duration
                    && ["over", "sur"].iter().any(|w| eq_folded(text[s..start].trim_end(), w))
                    && !text[..end].ends_with("old")
                    && !next(text, end).is_some_and(|t| eq_folded(t.text, "old"))
                    // "over age 65" bounds an age.
                    && phrase_after(text, start, lexicon::age_words_before().get(lang), false).is_none() =>
            {
                (Qualifier::Exact, None)
            }
            Some((&q, s)) if s >= floor => (q, Some(s)),
            _ => (Qualifier::Exact, None),
        },
    };
    let (low, high) = interval(value, qualifier, opts.approx_tolerance, non_negative(kind, unit));
    Mention { start, end, qualifier_start, value, low, high, qualifier, kind, unit, date: None, digits, qualifier_end: None }
}

/// Joins a lower and an upper bound written one after the other into one
/// interval: "supérieur à 10 et inférieur à 20", "at most 100 and at least
/// 20", "higher or equal than one hundred, lower or equal than three
/// hundred". Bounds that leave no room ("more than 40 and less than 10")
/// stay apart.
fn join_bounds(text: &str, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    let mut it = mentions.into_iter().peekable();
    while let Some(a) = it.next() {
        if let Some(b) = it.peek() {
            if let Some(m) = bounds_pair(text, &a, b) {
                it.next();
                out.push(m);
                continue;
            }
        }
        out.push(a);
    }
    out
}

fn bounds_pair(text: &str, a: &Mention, b: &Mention) -> Option<Mention> {
    let lower = |m: &Mention| matches!(m.qualifier, Qualifier::MoreThan | Qualifier::AtLeast) && m.qualifier_end.is_none();
    let upper = |m: &Mention| matches!(m.qualifier, Qualifier::LessThan | Qualifier::AtMost) && m.qualifier_end.is_none();
    let (lo, hi) = if lower(a) && upper(b) {
        (a.low?, b.high?)
    } else if upper(a) && lower(b) {
        (b.low?, a.high?)
    } else {
        return None;
    };
    if lo >= hi || a.unit != b.unit || a.kind != b.kind {
        return None;
    }
    // Only "et", "and", "mais", "but" or a comma between them.
    let mut pos = a.end;
    let gap_end = b.qualifier_start?;
    let mut joiners = 0;
    while let Some(t) = next(text, pos).filter(|t| t.end <= gap_end) {
        if t.newline_before || !(t.text == "," || ["et", "and", "mais", "but"].iter().any(|w| eq_folded(t.text, w))) {
            return None;
        }
        joiners += 1;
        pos = t.end;
    }
    (joiners > 0 && joiners <= 2).then(|| Mention {
        start: a.start,
        end: b.end,
        qualifier_start: a.qualifier_start,
        value: (lo + hi) / 2.0,
        low: Some(lo),
        high: Some(hi),
        qualifier: Qualifier::Range,
        kind: a.kind,
        unit: a.unit,
        date: None,
        digits: a.digits,
        qualifier_end: None,
    })
}

/// "24/12/2024", "24.12.2024", "2024-12-24", "11 février [2025]",
/// "1er janvier".
fn date_at(text: &str, tok: Tok<'_>, lang: Lang) -> Option<Mention> {
    if char_before(text, tok.start).is_some_and(|c| c.is_alphanumeric() || is_dash(c)) {
        return None;
    }
    let b = text.as_bytes();
    let num = |i: usize| -> (usize, u32) {
        let n = b[i.min(b.len())..].iter().take_while(|c| c.is_ascii_digit()).count();
        (n, text[i..i + n].parse().unwrap_or(0))
    };
    let (n1, v1) = num(tok.start);
    let s1 = tok.start + n1;
    // Numeric dates.
    if let Some(sep @ ('/' | '.' | '-')) = char_at(text, s1) {
        let (n2, v2) = num(s1 + 1);
        let s2 = s1 + 1 + n2;
        if n2 > 0 && char_at(text, s2) == Some(sep) {
            let (n3, v3) = num(s2 + 1);
            let e = s2 + 1 + n3;
            if !char_at(text, e).is_some_and(|c| c.is_alphanumeric()) {
                let (y, mo, d) = if n1 == 4 {
                    (v1, v2, v3)
                } else if n3 == 4 || n3 == 2 {
                    (if n3 == 2 { 2000 + v3 } else { v3 }, v2, v1)
                } else {
                    return None;
                };
                // English numeric dates put the month first when the day cannot be.
                let (mo, d) = if lang == Lang::En && n1 != 4 && mo > 12 && d <= 12 { (d, mo) } else { (mo, d) };
                if (1..=12).contains(&mo) && (1..=31).contains(&d) && (n1 == 4 || n1 <= 2) && n2 <= 2 {
                    return Some(date_mention(tok.start, e, Some(y), mo, d));
                }
            }
        }
    }
    // Day and month name.
    if n1 <= 2 && (1..=31).contains(&v1) {
        let mut e = s1;
        if let Some(x) = ordinal_suffix(text, e, lang) {
            e = x;
        }
        let mut t = next(text, e)?;
        // The first day of a span of days ("du 16 au 17 avril 2025", "16-17
        // April") takes the month of the second: a date, not a count; with
        // a dash the span is one date mention.
        let mut span_end = None;
        if !t.newline_before
            && (t.kind == TokKind::Punct && t.text.starts_with(is_dash) || ["au", "et", "to", "and"].iter().any(|w| eq_folded(t.text, w)))
        {
            let d2 = next(text, t.end).filter(|d| d.kind == TokKind::Digits && !d.newline_before && d.text.len() <= 2)?;
            let dash = t.kind == TokKind::Punct;
            let mut e2 = d2.end;
            if let Some(x) = ordinal_suffix(text, e2, lang) {
                e2 = x;
            }
            let m = next(text, e2).filter(|m| m.kind == TokKind::Word && !m.newline_before && m.start > e2)?;
            lexicon::months().get(lang).get(&*fold(m.text))?;
            if !dash {
                span_end = Some(s1);
            }
            t = m;
        }
        if t.kind != TokKind::Word || t.newline_before || t.start == e {
            return None;
        }
        let mo = *lexicon::months().get(lang).get(&*fold(t.text))?;
        let mut end = t.end;
        let mut year = None;
        if let Some(y) = next(text, end).filter(|y| y.kind == TokKind::Digits && y.text.len() == 4 && !y.newline_before) {
            year = y.text.parse().ok();
            end = y.end;
        }
        return Some(date_mention(tok.start, span_end.unwrap_or(end), year, mo, v1));
    }
    None
}

/// The capitalised tail of a word glued to the one before it by copy and
/// paste ("WilsonSeptember" from "Wilson" + "September 2, 2025"), which
/// may be a month.
fn glued_month(tok: Tok<'_>) -> Option<Tok<'_>> {
    if !tok.text.bytes().skip(1).any(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let (i, _) = tok.text.char_indices().skip(1).filter(|&(_, c)| c.is_uppercase()).last()?;
    if !tok.text[..i].chars().next_back().is_some_and(char::is_lowercase) {
        return None;
    }
    Some(Tok { start: tok.start + i, text: &tok.text[i..], space_before: false, ..tok })
}

/// "February 11, 2025", "janvier 2025", "Nov. 5".
fn month_date_at(text: &str, tok: Tok<'_>, lang: Lang) -> Option<Mention> {
    // Most words are followed by no digit: that test is cheaper than
    // folding the word to look it up, and this runs on every word.
    let after = text[tok.end..].strip_prefix('.').unwrap_or(&text[tok.end..]);
    if !after.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mo = *lexicon::months().get(lang).get(&*fold(tok.text))?;
    // "mai" and "may" are also words: need a capital in English, a year after in French.
    let mut pos = tok.end;
    if char_at(text, pos) == Some('.') {
        pos += 1;
    }
    let t = next(text, pos).filter(|t| t.kind == TokKind::Digits && !t.newline_before && t.start > pos)?;
    if lang == Lang::En && tok.text.starts_with(char::is_uppercase) && t.text.len() <= 2 {
        let d: u32 = t.text.parse().ok()?;
        if !(1..=31).contains(&d) {
            return None;
        }
        let mut end = t.end;
        let mut year = None;
        let mut p = end;
        if char_at(text, p) == Some(',') {
            p += 1;
        }
        if let Some(y) = next(text, p).filter(|y| y.kind == TokKind::Digits && y.text.len() == 4 && !y.newline_before) {
            year = y.text.parse().ok();
            end = y.end;
        }
        return Some(date_mention(tok.start, end, year, mo, d));
    }
    if t.text.len() == 4 && !char_at(text, t.end).is_some_and(|c| c.is_alphanumeric()) {
        let y: u32 = t.text.parse().ok()?;
        let mut m = date_mention(tok.start, t.end, Some(y), mo, 0);
        m.date = Some(format!("{y:04}-{mo:02}"));
        return Some(m);
    }
    None
}

fn date_mention(start: usize, end: usize, year: Option<u32>, month: u32, day: u32) -> Mention {
    let iso = match year {
        Some(y) => format!("{y:04}-{month:02}-{day:02}"),
        None => format!("--{month:02}-{day:02}"),
    };
    let value = f64::from(year.unwrap_or(0) * 10000 + month * 100 + day);
    Mention {
        start,
        end,
        qualifier_start: None,
        value,
        low: Some(value),
        high: Some(value),
        qualifier: Qualifier::Exact,
        kind: Kind::Date,
        unit: None,
        date: Some(iso),
        digits: true,
        qualifier_end: None,
    }
}

#[cfg(test)]
mod tests;
