//! Numbers and quantities: every figure of a text with its value, the
//! interval its wording allows, its kind and its unit.
//!
//! A mention is built around a core figure (digits, `digits`; or words,
//! `words`), then extended: a multiplier after it ("8 millions", "10k"), a
//! second figure making a range ("entre 10 000 et 12 000", "10,000 to
//! 12,000", "10 000-12 000"), a unit or percent sign after it, a currency
//! sign before it, and a qualifier before it ("environ", "at least"), which
//! sets the interval (see [`interval`]).
//!
//! Kept apart from counts: dates ("24/12/2024", "11 février", "February
//! 11"), years ("en 2025"), clock times, and figures inside names and
//! designators ("KN-23", "F-16", "COVID-19", "A320"), which are skipped.
//!
//! Invariants: mentions are in text order and never overlap; spans are on
//! char boundaries; values are finite; `low <= value <= high` where set.

pub mod digits;
pub mod words;

use crate::lexicon::{self, PhraseTable, Unit};
use crate::report::{Kind, Lang, Qualifier};
use crate::text::chars::{fold, is_dash};
use crate::text::words::{eq_folded, match_after, match_before, next, prev, Tok, TokKind};

/// Tunables of the number layer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberOptions {
    /// Relative half-width of the interval of an approximate figure:
    /// "environ 11 000" with 0.1 is [9 900, 12 100].
    pub approx_tolerance: f64,
}

impl Default for NumberOptions {
    fn default() -> Self {
        NumberOptions { approx_tolerance: 0.1 }
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
    }
}

/// A figure before its extensions.
#[derive(Debug, Clone, Copy)]
struct Core {
    start: usize,
    end: usize,
    value: f64,
    bare: bool,
    int_digits: usize,
    ordinal: bool,
    digits: bool,
}

/// Finds every figure of `text`.
pub fn scan(text: &str, lang: Lang, opts: &NumberOptions) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(tok) = next(text, pos) {
        let found = match tok.kind {
            TokKind::Digits => date_at(text, tok, lang).or_else(|| mention_at(text, tok, lang, opts)),
            TokKind::Word => month_date_at(text, tok, lang).or_else(|| mention_at(text, tok, lang, opts)),
            TokKind::Punct => None,
        };
        match found {
            Some(m) => {
                pos = m.end.max(tok.end);
                out.push(m);
            }
            None => pos = tok.end,
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

/// Reads the core figure at `tok`, refusing designators.
fn core_at(text: &str, tok: Tok<'_>, lang: Lang) -> Option<Core> {
    match tok.kind {
        TokKind::Digits => {
            match char_before(text, tok.start) {
                // "A320", "COVID19": part of a name.
                Some(c) if c.is_alphanumeric() => return None,
                // "KN-23", "F-16", "M-1989", "Hwasong-11": a designator.
                Some(c) if is_dash(c) => {
                    let b = char_before(text, tok.start - c.len_utf8());
                    if b.is_some_and(char::is_alphanumeric) {
                        return None;
                    }
                }
                // "3/4" or "14:30" read from the middle: the left part decided.
                Some('/' | ':' | '_' | '#' | '@' | '.' | ',') => {
                    let b = char_before(text, tok.start - 1);
                    if b.is_some_and(|b| b.is_ascii_digit() || b.is_alphabetic()) {
                        return None;
                    }
                }
                _ => {}
            }
            let d = digits::parse(text, tok.start, lang)?;
            // Clock times ("14:30", "14h30") are not figures.
            let after = &text[d.end..];
            if d.bare
                && d.int_digits <= 2
                && (after.starts_with(':') || after.starts_with('h'))
                && after[1..].starts_with(|c: char| c.is_ascii_digit())
            {
                return None;
            }
            Some(Core {
                start: tok.start,
                end: d.end,
                value: d.value,
                bare: d.bare,
                int_digits: d.int_digits,
                ordinal: false,
                digits: true,
            })
        }
        TokKind::Word => {
            let w = words::parse(text, tok.start, lang)?;
            Some(Core { start: tok.start, end: w.end, value: w.value, bare: false, int_digits: 0, ordinal: w.ordinal, digits: false })
        }
        TokKind::Punct => None,
    }
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
    for p in table.ending_with(&fold(t.text)) {
        let Some(start) = match_before(text, pos, &p.tokens) else { continue };
        if p.case_sensitive && !text[start..t.end].chars().filter(|c| !c.is_whitespace()).eq(p.raw.chars().filter(|c| !c.is_whitespace())) {
            continue;
        }
        if char_before(text, start).is_some_and(char::is_alphanumeric) {
            continue;
        }
        return Some((&p.value, start));
    }
    None
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

/// Builds the mention whose core figure starts at `tok`.
fn mention_at(text: &str, tok: Tok<'_>, lang: Lang, opts: &NumberOptions) -> Option<Mention> {
    let core = core_at(text, tok, lang)?;
    let mut end = core.end;
    let mut value = core.value;
    let mut kind = Kind::Count;
    let mut unit: Option<&'static Unit> = None;

    if core.digits && !core.ordinal {
        if let Some(e) = ordinal_suffix(text, end, lang) {
            return Some(finish(text, core.start, e, value, Kind::Ordinal, None, lang, opts, true));
        }
    }
    if core.ordinal {
        return Some(finish(text, core.start, end, value, Kind::Ordinal, None, lang, opts, core.digits));
    }

    // A minus sign touching the figure, after a space or an opening.
    let mut sign_start = core.start;
    if core.digits {
        if let Some(c) = char_before(text, core.start).filter(|&c| c == '-' || c == '−') {
            let s = core.start - c.len_utf8();
            if char_before(text, s).is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | '«' | '"' | ':')) {
                value = -value;
                sign_start = s;
            }
        }
    }

    // Multiplier ("8 millions", "2,5 milliards", "10k").
    let mut multiplied = false;
    if let Some((&m, e)) = phrase_after(text, end, lexicon::multipliers().get(lang), true) {
        if !(core.digits && m == 1e3 && lang == Lang::Fr && !core.bare) {
            value *= m;
            end = e;
            multiplied = true;
        }
    }
    // Attached letters that are not a unit or multiplier make a designator
    // ("2S7", "5G"); a hyphen then a unit is an adjective ("240-millimeter").
    let unit_table = lexicon::units().get(lang);
    let attached = char_at(text, end).is_some_and(char::is_alphabetic);
    if let Some((u, e)) = phrase_after(text, end, unit_table, true).or_else(|| {
        let c = char_at(text, end).filter(|&c| is_dash(c))?;
        phrase_after(text, end + c.len_utf8(), unit_table, false)
    }) {
        unit = Some(u);
        end = e;
    } else if attached && !multiplied {
        return None;
    }

    // A range: "10 000-12 000", "10 000 à 12 000", "10,000 to 12,000",
    // "entre 10 et 12 millions".
    let mut range_high = None;
    if let Some((hi, e, hi_mult, hi_unit)) = range_tail(text, end, core.end, lang) {
        // "entre 10 et 12 millions": the second figure's multiplier applies to both.
        let lo = if multiplied { value } else { value * hi_mult };
        if hi >= lo && unit.is_none_or(|u| hi_unit.is_none_or(|h| h.unit == u.unit)) {
            value = lo;
            range_high = Some(hi);
            end = e;
            unit = unit.or(hi_unit);
        }
    }

    // Currency written before the figure ("$5", "€3 million", "US$ 2").
    let mut start = sign_start;
    if unit.is_none() {
        if let Some((u, s)) = phrase_before(text, core.start, unit_table) {
            if u.kind == Kind::Money && (s + 4 >= core.start || text[s..core.start].trim_end().len() <= 3) {
                unit = Some(u);
                start = s;
            }
        }
    }
    if let Some(u) = unit {
        kind = u.kind;
    } else if core.digits
        && core.bare
        && core.int_digits == 4
        && !multiplied
        && range_high.is_none()
        && (1000.0..=2100.0).contains(&value)
        && is_year(text, core.start, end, lang)
    {
        kind = Kind::Year;
    }

    let mut m = finish(text, start, end, value, kind, unit.map(|u| u.unit), lang, opts, core.digits);
    if let Some(hi) = range_high {
        m.qualifier = Qualifier::Range;
        m.low = Some(value);
        m.high = Some(hi);
        m.value = (value + hi) / 2.0;
        // "entre", "de", "from", "between" belong to the range.
        if let Some(t) = prev(text, core.start) {
            if ["entre", "de", "from", "between", "du", "d"].iter().any(|k| eq_folded(t.text, k)) && !t.newline_before {
                m.qualifier_start = Some(t.start);
            }
        }
    }
    Some(m)
}

/// The second figure of a range after a first one ending at `end`:
/// (value, end, multiplier of the second, unit).
fn range_tail(text: &str, end: usize, core_end: usize, lang: Lang) -> Option<(f64, usize, f64, Option<&'static Unit>)> {
    let sep = next(text, end)?;
    if sep.newline_before {
        return None;
    }
    let dash = sep.kind == TokKind::Punct && sep.text.chars().next().is_some_and(is_dash);
    let word = ["à", "a", "to", "et", "and"].iter().any(|w| eq_folded(sep.text, w)) && sep.kind == TokKind::Word;
    if !dash && !word {
        return None;
    }
    // "et"/"and" only after "entre"/"between": otherwise it lists two figures.
    if ["et", "and"].iter().any(|w| eq_folded(sep.text, w)) {
        let before = prev(text, start_of_figure(text, core_end))?;
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
    let mut v = core.value;
    let mut e = core.end;
    let mut mult = 1.0;
    if let Some((&m, me)) = phrase_after(text, e, lexicon::multipliers().get(lang), true) {
        v *= m;
        mult = m;
        e = me;
    }
    let mut unit = None;
    if let Some((u, ue)) = phrase_after(text, e, lexicon::units().get(lang), true) {
        unit = Some(u);
        e = ue;
    }
    Some((v, e, mult, unit))
}

/// Start of the digit figure ending at `end` (walks back over digits and
/// group separators).
fn start_of_figure(text: &str, end: usize) -> usize {
    let mut s = end;
    for (i, c) in text[..end].char_indices().rev() {
        if c.is_ascii_digit() || crate::text::chars::is_group_space(c) || c == ',' || c == '.' {
            s = i;
        } else {
            break;
        }
    }
    // Do not stop on a leading space.
    s + text[s..end].len() - text[s..end].trim_start().len()
}

/// The core figure at `tok` without the designator check on its left (the
/// left is the range separator).
fn core_at_unchecked(text: &str, tok: Tok<'_>, lang: Lang) -> Option<Core> {
    match tok.kind {
        TokKind::Digits => {
            let d = digits::parse(text, tok.start, lang)?;
            if char_at(text, d.end).is_some_and(char::is_alphabetic)
                && phrase_after(text, d.end, lexicon::units().get(lang), false).is_none()
                && phrase_after(text, d.end, lexicon::multipliers().get(lang), false).is_none()
            {
                return None;
            }
            Some(Core {
                start: tok.start,
                end: d.end,
                value: d.value,
                bare: d.bare,
                int_digits: d.int_digits,
                ordinal: false,
                digits: true,
            })
        }
        _ => core_at(text, tok, lang),
    }
}

/// Whether a bare four-digit figure is a year: a cue before it ("en
/// 2025", "since 2022"), or no lower-case word after it (a count is
/// followed by what it counts).
fn is_year(text: &str, start: usize, end: usize, lang: Lang) -> bool {
    if phrase_before(text, start, lexicon::year_cues().get(lang)).is_some() {
        return true;
    }
    match next(text, end) {
        Some(t) if !t.newline_before && t.kind == TokKind::Word => !(t.text.chars().count() >= 3 && t.text.starts_with(char::is_lowercase)),
        _ => true,
    }
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
) -> Mention {
    let (qualifier, qualifier_start) = match kind {
        Kind::Ordinal | Kind::Year | Kind::Date => (Qualifier::Exact, None),
        _ => match phrase_before(text, start, lexicon::qualifiers().get(lang)) {
            Some((&q, s)) => (q, Some(s)),
            None => (Qualifier::Exact, None),
        },
    };
    let non_negative = !matches!(kind, Kind::Measure) || unit != Some("°C");
    let (low, high) = interval(value, qualifier, opts.approx_tolerance, non_negative);
    Mention { start, end, qualifier_start, value, low, high, qualifier, kind, unit, date: None, digits }
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
        let t = next(text, e)?;
        if t.kind != TokKind::Word || t.newline_before || t.start == e {
            return None;
        }
        let mo = *lexicon::months().get(lang).get(&fold(t.text))?;
        let mut end = t.end;
        let mut year = None;
        if let Some(y) = next(text, end).filter(|y| y.kind == TokKind::Digits && y.text.len() == 4 && !y.newline_before) {
            year = y.text.parse().ok();
            end = y.end;
        }
        return Some(date_mention(tok.start, end, year, mo, v1));
    }
    None
}

/// "February 11, 2025", "janvier 2025", "Nov. 5".
fn month_date_at(text: &str, tok: Tok<'_>, lang: Lang) -> Option<Mention> {
    let mo = *lexicon::months().get(lang).get(&fold(tok.text))?;
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
    }
}

#[cfg(test)]
mod tests;
