//! Paragraphs and sentences of scraped news text.
//!
//! A line break always ends a sentence (scraped articles put headlines,
//! bullets and paragraphs on lines of their own, often without a final
//! period). Inside a line a sentence ends at `.`, `!`, `?` or `…`, with any
//! closing quotes, when white space follows and the next word does not
//! start in lower case; a period is not an end after an abbreviation from
//! `abbreviations.txt`, after a single capital (an initial), or between
//! digits ("2.5"). Bullet markers at the start of a line are left out of
//! the sentence.
//!
//! Invariant: sentence spans are non-empty, trimmed of white space, in
//! order, and never overlap.

use crate::lexicon;
use crate::text::chars::is_space;

/// A sentence, as byte offsets into the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Index of the paragraph (line block) holding it.
    pub paragraph: usize,
}

const BULLETS: &[char] = &['•', '◦', '▪', '‣', '·', '*', '-', '–', '—', '>'];

/// Splits `text` into sentences.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut line_start = 0;
    let mut seen_line = false;
    for line in text.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim_matches(is_space);
        if trimmed.is_empty() {
            continue;
        }
        paragraph += usize::from(seen_line);
        seen_line = true;
        let mut offset = start + (body.len() - body.trim_start_matches(is_space).len());
        // Leave a bullet marker out when a space follows it ("- 12 000").
        let rest = &text[offset..start + body.len()];
        if let Some(c) = rest.chars().next() {
            if BULLETS.contains(&c) && rest[c.len_utf8()..].starts_with(is_space) {
                offset += c.len_utf8();
            }
        }
        split_line(text, offset, start + body.len(), paragraph, &mut out);
    }
    out
}

fn split_line(text: &str, from: usize, to: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let line = &text[from..to];
    let mut sent_start = 0;
    let mut iter = line.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // Include closing quotes and repeated punctuation in the sentence.
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if matches!(d, '.' | '!' | '?' | '…' | '»' | '"' | '”' | '’' | ')') || d == '\u{00A0}' && line[j + 2..].starts_with('»')
            {
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let after = &line[end..];
        if !after.starts_with(is_space) {
            if c == '.' && glued_end(&line[sent_start..i], after) {
                push(text, from + sent_start, from + end, paragraph, out);
                sent_start = end;
            }
            continue;
        }
        let next = after.trim_start_matches(is_space).chars().next();
        if next.is_some_and(|n| n.is_lowercase()) {
            continue;
        }
        if c == '.' && is_abbreviation(&line[sent_start..i]) {
            continue;
        }
        push(text, from + sent_start, from + end, paragraph, out);
        sent_start = end;
    }
    push(text, from + sent_start, to, paragraph, out);
}

/// Whether a period with no space after it ends a sentence glued to the
/// next by copy and paste ("d'ici décembre.Cette information"): a lower
/// case word of two letters or more before it, a capitalised word after
/// it, and neither part of a web address. "U.S.", "1.5", "p.12" and
/// "Ph.D" keep their period.
fn glued_end(before: &str, after: &str) -> bool {
    let chunk = before.rsplit(is_space).next().unwrap_or("");
    let word = chunk.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let mut next = after.chars();
    let (Some(a), Some(b)) = (next.next(), next.next()) else { return false };
    word.chars().count() >= 2
        && word.chars().all(char::is_lowercase)
        && a.is_uppercase()
        && b.is_lowercase()
        && !chunk.contains("://")
        && !chunk.contains('@')
        && !chunk.starts_with("www")
        && !lexicon::abbreviations().contains(word)
}

/// Whether the word just before a period is an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| is_space(c) || c == '(' || c == '«' || c == '"').next().unwrap_or("");
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (None, _) => false,
        (Some(c), None) => c.is_uppercase(),
        _ => lexicon::abbreviations().contains(word),
    }
}

fn push(text: &str, start: usize, end: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let trimmed = s.trim_matches(is_space);
    if !trimmed.is_empty() {
        out.push(Sentence { start: start + lead, end: start + lead + trimmed.len(), paragraph });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        sentences(t).iter().map(|s| &t[s.start..s.end]).collect()
    }

    #[test]
    fn abbreviations_initials_and_decimals_do_not_split() {
        assert_eq!(
            texts("M. Budanov a parlé. Les U.S. forces ont 2.5 chars. J. Smith est venu en 52 av. J.-C. ici."),
            vec!["M. Budanov a parlé.", "Les U.S. forces ont 2.5 chars.", "J. Smith est venu en 52 av. J.-C. ici."]
        );
    }

    #[test]
    fn lines_headlines_and_bullets() {
        let t = "Un titre sans point\n\n  • Premier point. Second point.\n- 12 000 soldats\n";
        assert_eq!(texts(t), vec!["Un titre sans point", "Premier point.", "Second point.", "12 000 soldats"]);
        let paras: Vec<usize> = sentences(t).iter().map(|s| s.paragraph).collect();
        assert_eq!(paras, vec![0, 1, 1, 2]);
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        assert_eq!(
            texts("Il a dit « jusqu'au jour de la victoire ». Ensuite il est parti! “Yes.” Done?"),
            vec!["Il a dit « jusqu'au jour de la victoire ».", "Ensuite il est parti!", "“Yes.”", "Done?"]
        );
    }

    #[test]
    fn no_break_spaces_between_words_are_spaces() {
        let t = "\u{00A0}L’usine du 11\u{00A0}février. Elle\u{00A0}produit.";
        assert_eq!(texts(t), vec!["L’usine du 11\u{00A0}février.", "Elle\u{00A0}produit."]);
    }

    #[test]
    fn sentences_glued_at_the_full_stop_split() {
        assert_eq!(
            texts("Il partira d'ici décembre.Cette information est confirmée."),
            vec!["Il partira d'ici décembre.", "Cette information est confirmée."]
        );
        // Abbreviations, decimals, page numbers and addresses keep their period.
        for t in [
            "Les U.S. forces ont 1.5 chars, voir p.12 et www.exemple.Fr/Page ici.",
            "Voir https://site.org/Page.Html ici.",
            "Un Ph.D en poche.",
        ] {
            assert_eq!(texts(t), vec![t], "{t:?}");
        }
    }

    #[test]
    fn empty_and_blank() {
        assert!(sentences("").is_empty());
        assert!(sentences(" \n\u{00A0}\n\t").is_empty());
    }
}
