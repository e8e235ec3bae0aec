//! Figures written with digits, in French and English conventions.
//!
//! Grouping: thousands may be separated by a space of any kind (U+0020,
//! U+00A0, U+202F, U+2007, U+2009), a dot, a comma or an apostrophe; a
//! group separator is followed by exactly three digits and the first
//! group has at most three ("2024 300" is two numbers, "2 700" is one).
//! The decimal mark follows the language: a comma in French, a point in
//! English. The other mark is a thousands separator when three digits
//! follow ("11.000" in French, "12,000" in English); a mark followed by
//! any other count of digits is a decimal mark in either language ("2.5"
//! in French, "3,5" in English), and a mark that repeats ("1,000,000") is
//! always grouping. One group then the other mark is the other
//! convention ("1.111,11" in English, "1,234.5" in French), and Indian
//! grouping is read too ("12,34,567.89").
//!
//! Around the figure (see the functions below): an exponent ("1.3e6",
//! "12,32e+14"), a power ("1,1^23", "1.3x10^6") and a fraction ("3/4",
//! "2 1/4").
//!
//! Invariant: the returned span starts at `start` and ends on a digit.

use crate::report::Lang;
use crate::text::chars::is_group_space;

/// A figure read from digits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DigitNumber {
    pub end: usize,
    pub value: f64,
    /// Written as a bare run of digits: no separator, no decimals.
    pub bare: bool,
    /// Written with thousands groups ("11 000", "1,000,000").
    pub grouped: bool,
    pub int_digits: usize,
}

fn digit_run(b: &[u8], i: usize) -> usize {
    b[i..].iter().take_while(|c| c.is_ascii_digit()).count()
}

/// The separator at byte `i` of `text`: its class and its length.
fn separator(text: &str, i: usize) -> Option<(char, usize)> {
    let c = text[i..].chars().next()?;
    if is_group_space(c) {
        Some((' ', c.len_utf8()))
    } else if matches!(c, '.' | ',' | '\'' | '’') {
        Some((if c == '’' { '\'' } else { c }, c.len_utf8()))
    } else {
        None
    }
}

/// Reads the number starting at `start`, which must be an ASCII digit.
pub fn parse(text: &str, start: usize, lang: Lang) -> Option<DigitNumber> {
    let b = text.as_bytes();
    let first = digit_run(b, start);
    if first == 0 {
        return None;
    }
    let decimal_mark = if lang == Lang::Fr { ',' } else { '.' };
    let mut digits: String = text[start..start + first].to_string();
    let mut end = start + first;
    let mut grouped = false;
    let mut group_class = None;

    // Indian grouping: pairs, then a last group of three ("12,34,567").
    if first <= 2 {
        let mut probe = end;
        let mut pairs = Vec::new();
        while text[probe..].starts_with(',') && digit_run(b, probe + 1) == 2 {
            pairs.push(probe + 1);
            probe += 3;
        }
        if !pairs.is_empty() && text[probe..].starts_with(',') && digit_run(b, probe + 1) == 3 && !text[probe + 4..].starts_with(',') {
            for p in pairs {
                digits.push_str(&text[p..p + 2]);
            }
            digits.push_str(&text[probe + 1..probe + 4]);
            end = probe + 4;
            grouped = true;
            group_class = Some(',');
        }
    }

    // Thousands groups, all with one separator class.
    if first <= 3 && !grouped {
        let mut class = None;
        let mut groups = 0;
        let mut probe = end;
        let mut group_ends = Vec::new();
        while let Some((sep, len)) = separator(text, probe) {
            if class.is_some_and(|c| c != sep) {
                break;
            }
            let g = probe + len;
            if g >= b.len() || digit_run(b, g) != 3 {
                break;
            }
            class = Some(sep);
            groups += 1;
            probe = g + 3;
            group_ends.push(probe);
        }
        // A lone group after the decimal mark of the language is a decimal
        // part, not a thousands group ("2,500" in French is 2.5), unless the
        // other mark follows with decimals ("1.111,11" in English).
        let other_after =
            |ge: usize| separator(text, ge).is_some_and(|(s, l)| matches!(s, '.' | ',') && Some(s) != class && digit_run(b, ge + l) > 0);
        let lone_decimal = groups == 1 && class == Some(decimal_mark) && !group_ends.first().is_some_and(|&ge| other_after(ge));
        if groups > 0 && !lone_decimal {
            for &ge in &group_ends {
                digits.push_str(&text[ge - 3..ge]);
            }
            end = probe;
            grouped = true;
            group_class = class;
        }
    }

    // Decimal part: the language's mark, or the other mark when it cannot
    // be grouping (not three digits, or not the grouping class used).
    let mut has_decimals = false;
    if let Some((sep @ ('.' | ','), len)) = separator(text, end) {
        let d = end + len;
        let n = digit_run(b, d);
        let is_decimal = n > 0 && group_class != Some(sep) && (sep == decimal_mark || n != 3);
        // "1.2.3" or "1,2,3" is a list or a version, not a decimal.
        let repeats = separator(text, d + n).is_some_and(|(s, l)| s == sep && digit_run(b, d + n + l) > 0);
        if is_decimal && !repeats {
            digits.push('.');
            digits.push_str(&text[d..d + n]);
            end = d + n;
            has_decimals = true;
        }
    }

    let value: f64 = digits.parse().ok()?;
    if !value.is_finite() {
        return None;
    }
    Some(DigitNumber { end, value, bare: !grouped && !has_decimals, grouped, int_digits: digits.find('.').unwrap_or(digits.len()) })
}

/// An exponent after a figure ending at `end`: "e13", "E+14", "e-1",
/// with at most three digits and nothing alphanumeric after ("2e" is a
/// French ordinal, "3e-4e" two ordinals). Returns (end, exponent).
pub fn exponent(text: &str, end: usize) -> Option<(usize, i32)> {
    let rest = text.get(end..)?;
    let after_e = rest.strip_prefix(['e', 'E'])?;
    signed_power(text, end + 1, after_e)
}

/// A power after a figure ending at `end`: "^23", "^+23", "^-1", "^--23"
/// (signs multiply). Returns (end, exponent).
pub fn power(text: &str, end: usize) -> Option<(usize, i32)> {
    let rest = text.get(end..)?.strip_prefix('^')?;
    signed_power(text, end + 1, rest)
}

/// "x10^6", "×10^-4" after a mantissa ending at `end`. Returns (end, exponent).
pub fn times_ten(text: &str, end: usize) -> Option<(usize, i32)> {
    let rest = text.get(end..)?;
    let (mark, after) = if let Some(a) = rest.strip_prefix(['x', 'X', '*']) { (1, a) } else { ('×'.len_utf8(), rest.strip_prefix('×')?) };
    let after = after.strip_prefix("10^")?;
    signed_power(text, end + mark + 3, after)
}

fn signed_power(text: &str, start: usize, rest: &str) -> Option<(usize, i32)> {
    let signs = rest.bytes().take_while(|&c| c == b'+' || c == b'-').count();
    if signs > 2 {
        return None;
    }
    let negative = rest[..signs].bytes().filter(|&c| c == b'-').count() % 2 == 1;
    let n = digit_run(text.as_bytes(), start + signs);
    let end = start + signs + n;
    if n == 0 || n > 3 || text[end..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let e: i32 = text[start + signs..end].parse().ok()?;
    Some((end, if negative { -e } else { e }))
}

/// A fraction "a/b" starting at `start` with a numerator smaller than its
/// denominator ("3/4"; "24/7" and "50/50" are no fractions), both of at
/// most three digits and nothing after that continues it ("1/2/2024").
/// Returns (end, numerator, denominator).
pub fn fraction(text: &str, start: usize) -> Option<(usize, f64, f64)> {
    let b = text.as_bytes();
    let n1 = digit_run(b, start);
    if n1 == 0 || n1 > 3 || b.get(start + n1) != Some(&b'/') {
        return None;
    }
    let n2 = digit_run(b, start + n1 + 1);
    let end = start + n1 + 1 + n2;
    if n2 == 0 || n2 > 3 || text[end..].starts_with(|c: char| c.is_alphanumeric() || c == '/') {
        return None;
    }
    let a: f64 = text[start..start + n1].parse().ok()?;
    let d: f64 = text[start + n1 + 1..end].parse().ok()?;
    (a < d && a > 0.0).then_some((end, a, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(t: &str, lang: Lang) -> (f64, &str) {
        let n = parse(t, 0, lang).unwrap();
        (n.value, &t[..n.end])
    }

    #[test]
    fn french_conventions() {
        assert_eq!(v("11 000 soldats", Lang::Fr), (11000.0, "11 000"));
        assert_eq!(v("11\u{00A0}000", Lang::Fr), (11000.0, "11\u{00A0}000"));
        assert_eq!(v("1\u{202F}234\u{202F}567,8", Lang::Fr), (1234567.8, "1\u{202F}234\u{202F}567,8"));
        assert_eq!(v("2,5 milliards", Lang::Fr), (2.5, "2,5"));
        assert_eq!(v("94.000 $", Lang::Fr), (94000.0, "94.000"));
        assert_eq!(v("2,500", Lang::Fr), (2.5, "2,500"));
        assert_eq!(v("1.5 million", Lang::Fr), (1.5, "1.5"));
        assert_eq!(v("1.234,5", Lang::Fr), (1234.5, "1.234,5"));
    }

    #[test]
    fn english_conventions() {
        assert_eq!(v("12,000 troops", Lang::En), (12000.0, "12,000"));
        assert_eq!(v("1,234,567.25", Lang::En), (1234567.25, "1,234,567.25"));
        assert_eq!(v("1.5 million", Lang::En), (1.5, "1.5"));
        assert_eq!(v("1,000,000", Lang::Fr), (1_000_000.0, "1,000,000"));
    }

    #[test]
    fn groups_need_three_digits_and_a_short_head() {
        assert_eq!(v("2024 300 soldats", Lang::Fr), (2024.0, "2024"));
        assert_eq!(v("12 34", Lang::Fr), (12.0, "12"));
        assert_eq!(v("300. Puis", Lang::Fr), (300.0, "300"));
        assert_eq!(v("1 000 1 000", Lang::Fr), (1000.0, "1 000"));
    }

    #[test]
    fn other_conventions() {
        assert_eq!(v("1.111,11", Lang::En), (1111.11, "1.111,11"));
        assert_eq!(v("1,234.5", Lang::Fr), (1234.5, "1,234.5"));
        assert_eq!(v("12,34,567.89", Lang::En), (1234567.89, "12,34,567.89"));
        assert_eq!(v("12,34 et", Lang::Fr), (12.34, "12,34"));
    }

    #[test]
    fn exponents_powers_and_fractions() {
        assert_eq!(exponent("1e10", 1), Some((4, 10)));
        assert_eq!(exponent("12,32e+14", 5), Some((9, 14)));
        assert_eq!(exponent("2e place", 1), None);
        assert_eq!(exponent("2e-3e", 1), None);
        assert_eq!(power("1,1^--23", 3), Some((8, 23)));
        assert_eq!(power("2,5^-1", 3), Some((6, -1)));
        assert_eq!(times_ten("1.3x10^6", 3), Some((8, 6)));
        assert_eq!(fraction("3/4", 0), Some((3, 3.0, 4.0)));
        assert_eq!(fraction("24/7", 0), None);
        assert_eq!(fraction("1/2/2024", 0), None);
    }

    #[test]
    fn huge_digit_runs_are_refused_not_infinite() {
        assert!(parse(&"9".repeat(400), 0, Lang::Fr).is_none());
    }
}
