//! Character classes for scraped news text.
//!
//! News text mixes ordinary spaces with no-break spaces (U+00A0, U+202F,
//! U+2007), thin spaces, curly quotes and several dashes; the scanners ask
//! these predicates instead of comparing to ASCII.

use std::borrow::Cow;

/// Any horizontal or vertical white space, no-break spaces included.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\u{2009}' | '\u{200B}')
}

/// A space that may group thousands inside a number ("11 000").
pub fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\u{2009}')
}

/// Straight or typographic apostrophe.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

/// Hyphen or dash of any width.
pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}')
}

/// Letters of a word (any script), digits excluded.
pub fn is_word_char(c: char) -> bool {
    c.is_alphabetic()
}

/// Lower-cases and folds French accents so lexicon keys are written once
/// ("Environ" and "environ", "prés" and "pres" meet). Typographic
/// apostrophes and dashes become ASCII ones. Borrows when there is nothing
/// to fold (most words of a text), so lookups do not allocate.
pub fn fold(word: &str) -> Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let c = match c {
            'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' | 'Ä' | 'Á' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
            'î' | 'ï' | 'í' | 'Î' | 'Ï' | 'Í' => 'i',
            'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' | 'Ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => 'u',
            'ç' | 'Ç' => 'c',
            'ÿ' | 'Ÿ' => 'y',
            'œ' | 'Œ' => {
                out.push_str("oe");
                continue;
            }
            c if is_apostrophe(c) => '\'',
            c if is_dash(c) => '-',
            c => {
                out.extend(c.to_lowercase());
                continue;
            }
        };
        out.push(c);
    }
    Cow::Owned(out)
}

/// 64-bit FNV-1a hash of a string: a small, stable fingerprint where the
/// string itself need not be kept (shingles, dimensions of units).
pub fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_break_spaces_are_spaces() {
        for c in ['\u{00A0}', '\u{202F}', '\u{2009}', ' '] {
            assert!(is_space(c) && is_group_space(c), "{c:?}");
        }
        assert!(!is_group_space('\n'));
    }

    #[test]
    fn fold_removes_case_accents_and_curly_apostrophes() {
        assert_eq!(fold("Près"), "pres");
        assert_eq!(fold("jusqu’à"), "jusqu'a");
        assert_eq!(fold("Œuvre"), "oeuvre");
        assert_eq!(fold("Quatre‑vingt"), "quatre-vingt");
    }
}
