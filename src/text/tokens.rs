//! One token table per document, read by index.
//!
//! The frame of a figure needs words on both sides of it and across
//! sentences (a subject two clauses back, a period at the end of the
//! sentence, the subject of the sentence before for "of them"). Walking the
//! raw string back and forth for each question re-tokenizes the same words
//! many times; the table tokenizes the text once (as `words::next` does)
//! and keeps, for each token, its byte span, kind, folded form and
//! sentence. Stages then ask by index: the token at a byte, the tokens of a
//! sentence, whether a lexicon phrase starts or ends at token `i`.
//!
//! Invariants: tokens are in text order and never overlap; `sentence` of a
//! token is the index of the sentence holding it, or `NONE` for a token
//! between sentences (a bullet marker); phrase matching never crosses a
//! line break.

use std::borrow::Cow;
use std::ops::Range;

use crate::text::chars::fold;
use crate::text::segment::Sentence;
use crate::text::words::{next, TokKind};

/// Marks a token outside every sentence.
pub const NONE: u32 = u32::MAX;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Folded form (lower case, accents and apostrophes folded), borrowed
    /// from the text when folding changes nothing (most words).
    pub folded: Cow<'a, str>,
    pub sentence: u32,
    /// A line break separates this token from the one before.
    pub newline_before: bool,
    /// White space separates this token from the one before.
    pub space_before: bool,
}

/// The tokens of one document.
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token<'a>>,
    /// Token range of each sentence.
    pub sentences: Vec<Range<usize>>,
}

impl<'a> Tokens<'a> {
    pub fn new(text: &'a str, sentences: &[Sentence]) -> Self {
        let mut tokens = Vec::new();
        let mut pos = 0;
        let mut s = 0;
        let mut ranges: Vec<Range<usize>> = sentences.iter().map(|_| 0..0).collect();
        while let Some(t) = next(text, pos) {
            pos = t.end;
            while s < sentences.len() && sentences[s].end <= t.start {
                s += 1;
            }
            let inside = s < sentences.len() && sentences[s].start <= t.start;
            let i = tokens.len();
            if inside {
                if ranges[s].is_empty() {
                    ranges[s] = i..i;
                }
                ranges[s].end = i + 1;
            }
            tokens.push(Token {
                start: t.start,
                end: t.end,
                kind: t.kind,
                folded: fold(t.text),
                sentence: if inside { s as u32 } else { NONE },
                newline_before: t.newline_before,
                space_before: t.space_before,
            });
        }
        Tokens { text, tokens, sentences: ranges }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The text of token `i`.
    pub fn text(&self, i: usize) -> &'a str {
        let t = &self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// Folded text of token `i`.
    pub fn folded(&self, i: usize) -> &str {
        &self.tokens[i].folded
    }

    /// Index of the first token starting at or after byte `pos`.
    pub fn at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start < pos)
    }

    /// Index one past the last token ending at or before byte `pos`.
    pub fn ending_by(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.end <= pos)
    }

    /// Token range covering the bytes `[start, end)`.
    pub fn range(&self, start: usize, end: usize) -> Range<usize> {
        self.at_or_after(start)..self.ending_by(end).max(self.at_or_after(start))
    }

    /// If the folded `phrase` starts at token `i`, the index one past its
    /// last token. Tokens of a phrase stay on one line.
    pub fn match_at(&self, i: usize, phrase: &[String]) -> Option<usize> {
        if i + phrase.len() > self.tokens.len() || phrase.is_empty() {
            return None;
        }
        for (k, key) in phrase.iter().enumerate() {
            let t = &self.tokens[i + k];
            if (k > 0 && t.newline_before) || *t.folded != **key {
                return None;
            }
        }
        Some(i + phrase.len())
    }

    /// If the folded `phrase` ends just before token `end`, the index of its
    /// first token.
    pub fn match_ending(&self, end: usize, phrase: &[String]) -> Option<usize> {
        let start = end.checked_sub(phrase.len())?;
        self.match_at(start, phrase).map(|_| start)
    }

    /// Whether token `i` is punctuation that ends a clause.
    pub fn is_clause_break(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        t.kind == TokKind::Punct && matches!(&*t.folded, "," | ";" | ":" | "." | "!" | "?" | "(" | ")" | "–" | "—" | "|" | "•")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment::sentences;

    #[test]
    fn tokens_carry_sentence_and_folded_form() {
        let text = "• Le chômage a reculé à 7,3 %.\nL’inflation 😀 a atteint 2,4\u{a0}%.";
        let t = Tokens::new(text, &sentences(text));
        assert_eq!(t.sentences.len(), 2);
        // The bullet lies outside every sentence.
        assert_eq!(t.tokens[0].sentence, NONE);
        let first: Vec<&str> = t.sentences[0].clone().map(|i| t.folded(i)).collect();
        assert_eq!(first, ["le", "chomage", "a", "recule", "a", "7", ",", "3", "%", "."]);
        let i = t.at_or_after(text.find("inflation").unwrap());
        assert_eq!(t.text(i), "inflation");
        assert_eq!(t.tokens[i].sentence, 1);
        // "L’" folds to the plain apostrophe.
        assert_eq!(t.folded(i - 1), "'");
        let phrase = vec!["a".to_string(), "atteint".to_string()];
        let at = t.at_or_after(text.find("a atteint").unwrap());
        assert_eq!(t.match_at(at, &phrase), Some(at + 2));
        assert_eq!(t.match_ending(at + 2, &phrase), Some(at));
        assert!(t.match_at(at + 1, &phrase).is_none());
    }

    #[test]
    fn phrases_do_not_cross_lines() {
        let text = "a\natteint";
        let t = Tokens::new(text, &sentences(text));
        assert!(t.match_at(0, &["a".to_string(), "atteint".to_string()]).is_none());
    }
}
