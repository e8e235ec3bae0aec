//! A word cursor over the original text, for matching lexicon phrases.
//!
//! Tokens are runs of letters (a word), runs of ASCII digits, or a single
//! other character (punctuation, symbol). White space separates tokens and
//! is not one; an apostrophe is its own token, so "d'obus" reads as `d`,
//! `'`, `obus` and "jusqu'à" as `jusqu`, `'`, `à`. Lexicon phrases are
//! tokenized the same way and compared after folding (case, accents,
//! typographic apostrophes and dashes), without allocating.
//!
//! Invariant: a token never spans a line break, and phrase matching never
//! crosses one (`Tok::newline_before`).

use crate::text::chars::{fold, is_space};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Digits,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub kind: TokKind,
    /// White space separates this token from the previous one.
    pub space_before: bool,
    /// A line break separates this token from the previous one.
    pub newline_before: bool,
}

fn is_letter(c: char) -> bool {
    // Latin-1 letters first: nearly every letter of French or English news.
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{00C0}'..='\u{00FF}' => c != '\u{00D7}' && c != '\u{00F7}',
        c if c.is_ascii() => false,
        c => c.is_alphabetic() || ('\u{0300}'..='\u{036F}').contains(&c),
    }
}

/// The token starting at or after byte `pos`.
pub fn next(text: &str, pos: usize) -> Option<Tok<'_>> {
    if !text.is_char_boundary(pos) {
        return None;
    }
    let b = text.as_bytes();
    let mut i = pos;
    let mut newline = false;
    // Skip white space; bytes below 0x80 are tested without decoding.
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            if c.is_ascii_whitespace() || c == 0x0B {
                newline |= c == b'\n' || c == b'\r';
                i += 1;
                continue;
            }
            break;
        }
        let ch = text[i..].chars().next()?;
        if !is_space(ch) {
            break;
        }
        newline |= matches!(ch, '\u{0085}' | '\u{2028}' | '\u{2029}');
        i += ch.len_utf8();
    }
    let start = i;
    let c = text[start..].chars().next()?;
    let (kind, end) = if c.is_ascii_digit() {
        (TokKind::Digits, start + b[start..].iter().take_while(|d| d.is_ascii_digit()).count())
    } else if is_letter(c) {
        let mut j = start;
        while j < b.len() {
            if b[j] < 0x80 {
                if b[j].is_ascii_alphabetic() {
                    j += 1;
                    continue;
                }
                break;
            }
            let ch = text[j..].chars().next()?;
            if !is_letter(ch) {
                break;
            }
            j += ch.len_utf8();
        }
        (TokKind::Word, j)
    } else {
        (TokKind::Punct, start + c.len_utf8())
    };
    Some(Tok { start, end, text: &text[start..end], kind, space_before: start > pos, newline_before: newline })
}

/// The token ending at or before byte `pos`.
pub fn prev(text: &str, pos: usize) -> Option<Tok<'_>> {
    let head = text.get(..pos)?;
    let mut end = None;
    for (i, c) in head.char_indices().rev() {
        if is_space(c) {
            continue;
        }
        end = Some((i + c.len_utf8(), c));
        break;
    }
    let (end, c) = end?;
    let body = &text[..end];
    let start = if is_letter(c) {
        body.rfind(|d: char| !is_letter(d)).map_or(0, |i| i + body[i..].chars().next().map_or(1, char::len_utf8))
    } else if c.is_ascii_digit() {
        // The char before the digits may be several bytes long.
        body.rfind(|d: char| !d.is_ascii_digit()).map_or(0, |i| i + body[i..].chars().next().map_or(1, char::len_utf8))
    } else {
        end - c.len_utf8()
    };
    let gap = &text[end..pos];
    let kind = if is_letter(c) {
        TokKind::Word
    } else if c.is_ascii_digit() {
        TokKind::Digits
    } else {
        TokKind::Punct
    };
    // `space_before`/`newline_before` describe the gap *after* this token
    // when walking backwards, which is what backward phrase matching needs.
    Some(Tok { start, end, text: &text[start..end], kind, space_before: !gap.is_empty(), newline_before: gap.contains(['\n', '\r']) })
}

/// Folded comparison of a token with a lexicon key, without allocating.
pub fn eq_folded(token: &str, key: &str) -> bool {
    if token.is_ascii() {
        return token.len() == key.len() && token.bytes().zip(key.bytes()).all(|(a, b)| a.to_ascii_lowercase() == b);
    }
    fold(token) == key
}

/// Splits a lexicon phrase into folded tokens ("près de" -> ["pres", "de"]).
pub fn phrase_tokens(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(t) = next(phrase, pos) {
        out.push(fold(t.text).into_owned());
        pos = t.end;
    }
    out
}

/// If `phrase` (folded tokens) starts at byte `pos`, the byte where it ends.
/// Tokens must be adjacent or separated by spaces on the same line.
pub fn match_after(text: &str, pos: usize, phrase: &[String]) -> Option<usize> {
    let mut at = pos;
    for (i, key) in phrase.iter().enumerate() {
        let t = next(text, at)?;
        if (i == 0 && t.start != pos && t.newline_before) || (i > 0 && t.newline_before) || !eq_folded(t.text, key) {
            return None;
        }
        at = t.end;
    }
    Some(at)
}

/// If `phrase` ends at byte `pos` (spaces allowed before `pos`), the byte
/// where it starts.
pub fn match_before(text: &str, pos: usize, phrase: &[String]) -> Option<usize> {
    let mut at = pos;
    for key in phrase.iter().rev() {
        let t = prev(text, at)?;
        if t.newline_before || !eq_folded(t.text, key) {
            return None;
        }
        at = t.start;
    }
    Some(at)
}

/// Whether `[from, to)` holds a clause boundary: a comma, semicolon,
/// colon or dash, or a coordinating conjunction.
pub fn has_clause_break(text: &str, from: usize, to: usize, lang: crate::report::Lang) -> bool {
    let conjunctions: &[&str] = match lang {
        crate::report::Lang::Fr => &["et", "mais", "tandis", "or", "puis"],
        crate::report::Lang::En => &["and", "but", "while", "whereas", "then"],
    };
    let mut pos = from;
    while let Some(t) = next(text, pos).filter(|t| t.end <= to) {
        match t.kind {
            TokKind::Punct if matches!(t.text, "," | ";" | ":" | "–" | "—" | "(") => return true,
            TokKind::Word if conjunctions.iter().any(|c| eq_folded(t.text, c)) => return true,
            _ => {}
        }
        pos = t.end;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_split_elisions_and_keep_offsets() {
        let t = "d’obus, près\u{00A0}de 12";
        let mut pos = 0;
        let mut got = vec![];
        while let Some(tok) = next(t, pos) {
            got.push(tok.text);
            pos = tok.end;
        }
        assert_eq!(got, vec!["d", "’", "obus", ",", "près", "de", "12"]);
    }

    #[test]
    fn phrases_match_both_ways() {
        let t = "Il en reste jusqu’à 8 000 et Près de 3.";
        let p = phrase_tokens("jusqu'à");
        let at = t.find('8').unwrap();
        assert_eq!(match_before(t, at, &p), Some(t.find("jusqu").unwrap()));
        let p = phrase_tokens("près de");
        let start = t.find("Près").unwrap();
        assert_eq!(match_after(t, start, &p), Some(t.find(" 3").unwrap()));
        assert_eq!(match_after(t, 0, &p), None);
    }

    #[test]
    fn prev_handles_multibyte_words() {
        let t = "les blessés";
        let tok = prev(t, t.len()).unwrap();
        assert_eq!(tok.text, "blessés");
        // Digits after a multi-byte character.
        let t = "\u{202f}7 4";
        assert_eq!(prev(t, 4).unwrap().text, "7");
        assert_eq!(prev(t, t.len()).unwrap().text, "4");
    }
}
