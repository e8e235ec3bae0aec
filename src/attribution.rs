//! Who says it, and whether it is reported with hedging.
//!
//! Per sentence, from `attribution.tsv`:
//! - a source phrase ("selon X", "d'après X", "according to X") names the
//!   source: the person or organisation named in X, else X itself up to
//!   the next comma;
//! - otherwise a reporting verb ("X a déclaré", "X said") names the
//!   speaker: the nearest person or organisation before the verb, else
//!   one right after it ("a dit aux journalistes John Kirby"), else the
//!   subject words before it; a pronoun subject ("Il a affirmé") refers
//!   to the last named speaker of the document;
//! - hedges ("selon certaines informations", "reportedly", "aurait") and
//!   any French conditional ("enverrait", "-raient") mark the sentence as
//!   hedged: reported without the writer standing behind it.
//!
//! Invariant: a source is never empty, and never a hedge phrase.

use crate::entities::EntityMention;
use crate::lexicon::{self, AttributionRole};
use crate::report::Lang;
use crate::text::chars::fold;
use crate::text::segment::Sentence;
use crate::text::words::{match_after, next, TokKind};

/// The attribution of one sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attribution {
    pub source: Option<String>,
    /// Byte spans of the hedges of the sentence.
    pub hedges: Vec<(usize, usize)>,
}

impl Attribution {
    /// Whether a figure spanning `[start, end)` is hedged: a hedge before
    /// it in the sentence, or after it within the same clause ("300
    /// soldats auraient été tués"), but not one past a clause boundary
    /// ("12 000 soldats se battent et, selon certaines informations, des
    /// renforts arrivent").
    pub fn hedges_figure(&self, text: &str, start: usize, end: usize, lang: Lang) -> bool {
        self.hedges.iter().any(|&(a, b)| b <= start || a >= end && !crate::text::words::has_clause_break(text, end, a, lang))
    }
}

/// Phrases of the attribution table found in a sentence: (role, start, end).
fn phrases(text: &str, s: &Sentence, lang: Lang) -> Vec<(AttributionRole, usize, usize)> {
    let table = lexicon::attribution().get(lang);
    let mut out = Vec::new();
    let mut pos = s.start;
    while let Some(t) = next(text, pos).filter(|t| t.start < s.end) {
        pos = t.end;
        if t.kind != TokKind::Word {
            continue;
        }
        let mut hit = None;
        for p in table.starting_with(&fold(t.text)) {
            if let Some(end) =
                match_after(text, t.start, &p.tokens).filter(|&e| e <= s.end && !text[e..].starts_with(char::is_alphanumeric))
            {
                hit = Some((p.value, end));
                break;
            }
        }
        match hit {
            Some((role, end)) => {
                out.push((role, t.start, end));
                pos = end;
            }
            None if lang == Lang::Fr && is_conditional(t.text) => out.push((AttributionRole::Hedge, t.start, t.end)),
            None => {}
        }
    }
    out
}

/// A French present conditional, third person ("enverrait", "auraient").
fn is_conditional(word: &str) -> bool {
    let w = fold(word);
    (w.ends_with("rait") || w.ends_with("raient")) && w.len() >= 7
}

fn is_speaker(e: &EntityMention) -> bool {
    matches!(e.kind, "person" | "organisation")
}

/// A subject phrase as it reads inside a sentence: "Les services de
/// renseignement" opening a sentence reads "les services de renseignement".
fn in_line(phrase: &str) -> String {
    const DETERMINERS: &[&str] =
        &["Le", "La", "Les", "L", "Ce", "Cet", "Cette", "Ces", "Un", "Une", "Des", "The", "These", "Those", "This", "A", "An"];
    let first = phrase.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    if DETERMINERS.contains(&first) {
        let mut c = phrase.chars();
        c.next().map_or(String::new(), |f| f.to_lowercase().chain(c).collect())
    } else {
        phrase.to_string()
    }
}

/// Source named in the words after a source phrase ending at `from`.
fn source_after(text: &str, from: usize, s: &Sentence, entities: &[EntityMention]) -> Option<String> {
    let mut end = from;
    let mut pos = from;
    for _ in 0..14 {
        let Some(t) = next(text, pos).filter(|t| t.start < s.end) else { break };
        if t.kind == TokKind::Punct && matches!(t.text, "," | ";" | ":" | "." | "(" | "»" | "«") {
            break;
        }
        end = t.end;
        pos = t.end;
    }
    let in_span = |e: &&EntityMention| e.start >= from && e.end <= end;
    if let Some(e) =
        entities.iter().filter(in_span).find(|e| e.kind == "person").or_else(|| entities.iter().filter(in_span).find(|e| is_speaker(e)))
    {
        return Some(e.canonical.clone());
    }
    let words = text[from..end].trim();
    (!words.is_empty()).then(|| in_line(words))
}

/// Speaker of a reporting verb spanning `[vs, ve)`.
fn speaker_of_verb(
    text: &str,
    vs: usize,
    ve: usize,
    s: &Sentence,
    entities: &[EntityMention],
    last: Option<&str>,
    lang: Lang,
) -> Option<String> {
    // A pronoun opening the clause of the verb ("Il a en outre affirmé").
    let clause_start = text[s.start..vs].rfind([',', ';', ':']).map_or(s.start, |i| s.start + i + 1);
    // The speaker stands in the verb's clause, or before an apposition
    // ("Kyrylo Budanov, chef du renseignement, a déclaré"); a name with
    // figures between it and the verb belongs to what is said ("the
    // quake, as measured by the Meteorological Agency, has killed 202
    // people ..., the prefectural government said").
    let speaks = |e: &EntityMention| e.start >= clause_start || !text[e.end..vs].contains(|c: char| c.is_ascii_digit());
    if let Some(e) = entities.iter().rev().find(|e| e.end <= vs && e.start >= s.start && is_speaker(e)) {
        if speaks(e) {
            return Some(e.canonical.clone());
        }
    }
    if let Some(t) = next(text, clause_start).filter(|t| t.start < vs) {
        let is_pronoun = lexicon::attribution()
            .get(lang)
            .starting_with(&fold(t.text))
            .iter()
            .any(|p| p.value == AttributionRole::Pronoun && p.tokens.len() == 1);
        if is_pronoun {
            if let Some(e) = entities.iter().find(|e| e.start >= ve && e.start <= ve + 40 && is_speaker(e)) {
                return Some(e.canonical.clone());
            }
            return last.map(str::to_string);
        }
    }
    if let Some(e) = entities.iter().find(|e| e.start >= ve && e.start <= ve + 40 && is_speaker(e)) {
        return Some(e.canonical.clone());
    }
    // Subject words: from the sentence start (or the last comma) to the
    // verb, without the adverbs and auxiliaries before the verb.
    let head = &text[s.start..vs];
    let mut head = head.rsplit([',', ';', ':']).next().unwrap_or(head).trim();
    let table = lexicon::attribution().get(lang);
    while let Some((rest, last)) = head.rsplit_once(char::is_whitespace) {
        if !table.starting_with(&fold(last)).iter().any(|p| p.value == AttributionRole::Adverb && p.tokens.len() == 1) {
            break;
        }
        head = rest.trim_end();
    }
    let n = head.split_whitespace().count();
    // Words with a figure in them are what was said, not who said it
    // ("from 323 on Monday as families confirmed").
    ((1..=8).contains(&n) && !head.contains(|c: char| c.is_ascii_digit()))
        .then(|| head.to_string())
        .filter(|h| h.starts_with(char::is_uppercase) || h.contains(char::is_uppercase))
        .map(|h| in_line(&h))
}

/// Attributes every sentence of a document, in order; `entities` are the
/// document's entity mentions.
pub fn attribute(text: &str, sentences: &[Sentence], entities: &[EntityMention], lang: Lang) -> Vec<Attribution> {
    let mut last_speaker: Option<String> = None;
    let mut out = Vec::with_capacity(sentences.len());
    for s in sentences {
        let entities = crate::entities::within(entities, s.start, s.end);
        let found = phrases(text, s, lang);
        let hedges: Vec<(usize, usize)> = found.iter().filter(|(r, _, _)| *r == AttributionRole::Hedge).map(|&(_, a, b)| (a, b)).collect();
        let hedge_at = |pos: usize| found.iter().any(|&(r, a, _)| r == AttributionRole::Hedge && a == pos);
        let mut source = None;
        for &(role, a, b) in &found {
            if role == AttributionRole::SourceBefore && !hedge_at(a) {
                source = source_after(text, b, s, entities);
                if source.is_some() {
                    break;
                }
            }
        }
        if source.is_none() {
            for &(role, a, b) in &found {
                if role == AttributionRole::Verb {
                    source = speaker_of_verb(text, a, b, s, entities, last_speaker.as_deref(), lang);
                    if source.is_some() {
                        break;
                    }
                }
            }
        }
        if let Some(src) = &source {
            if entities.iter().any(|e| &e.canonical == src && e.kind == "person") {
                last_speaker = Some(src.clone());
            }
        }
        out.push(Attribution { source, hedges });
    }
    out
}

/// Who gives the figures of one clause (`[start, end)` inside a sentence):
/// "the interior ministry counted 1.28 million protesters while the CGT
/// claimed more than 2 million" names a counter per clause. `None` when
/// the clause names none; the sentence's attribution then applies.
pub fn of_clause(text: &str, start: usize, end: usize, paragraph: usize, entities: &[EntityMention], lang: Lang) -> Option<String> {
    let s = Sentence { start, end, paragraph };
    let entities = crate::entities::within(entities, start, end);
    let found = phrases(text, &s, lang);
    let hedge_at = |pos: usize| found.iter().any(|&(r, a, _)| r == AttributionRole::Hedge && a == pos);
    for &(role, a, b) in &found {
        if role == AttributionRole::SourceBefore && !hedge_at(a) {
            if let Some(src) = source_after(text, b, &s, entities) {
                return Some(src);
            }
        }
    }
    for &(role, a, b) in &found {
        if role == AttributionRole::Verb {
            if let Some(src) = speaker_of_verb(text, a, b, &s, entities, None, lang) {
                return Some(src);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities;
    use crate::text::segment::sentences;

    fn run(t: &str, lang: Lang) -> Vec<(Option<String>, bool)> {
        let s = sentences(t);
        let e = entities::find(t, &s, lang).mentions;
        attribute(t, &s, &e, lang).into_iter().map(|a| (a.source, !a.hedges.is_empty())).collect()
    }

    #[test]
    fn selon_and_according_to() {
        assert_eq!(
            run("Selon Andriy Kovalenko, officier de l'armée, 60 % des obus viennent de là.", Lang::Fr),
            vec![(Some("Andriy Kovalenko".into()), false)]
        );
        assert_eq!(run("According to the ministry, 300 were killed.", Lang::En), vec![(Some("the ministry".into()), false)]);
        assert_eq!(run("The agency also said 150 missiles left.", Lang::En), vec![(Some("the agency".into()), false)]);
    }

    #[test]
    fn hedges_are_not_sources() {
        assert_eq!(run("Selon certaines informations, la Corée du Nord aurait fourni 200 unités.", Lang::Fr), vec![(None, true)]);
        assert_eq!(run("Some 300 troops were reportedly killed.", Lang::En), vec![(None, true)]);
        assert_eq!(run("La Corée du Nord enverrait des systèmes.", Lang::Fr), vec![(None, true)]);
        assert_eq!(run("Le retrait est confirmé.", Lang::Fr), vec![(None, false)]);
    }

    #[test]
    fn a_hedge_past_a_clause_boundary_leaves_the_figure_alone() {
        let t = "12 000 soldats se battent et, selon certaines informations, des renforts arrivent.";
        let s = sentences(t);
        let a = &attribute(t, &s, &[], Lang::Fr)[0];
        assert!(!a.hedges_figure(t, 0, 6, Lang::Fr));
        let t = "300 soldats auraient été tués.";
        let a = &attribute(t, &sentences(t), &[], Lang::Fr)[0];
        assert!(a.hedges_figure(t, 0, 3, Lang::Fr));
    }

    #[test]
    fn reporting_verbs_and_pronouns() {
        let t = "Le chef du renseignement, Kyrylo Budanov, a déclaré que 150 missiles arriveront. Il a en outre affirmé que 120 unités sont livrées.";
        assert_eq!(run(t, Lang::Fr), vec![(Some("Kyrylo Budanov".into()), false), (Some("Kyrylo Budanov".into()), false)]);
        let t = "\"Nous avons des preuves\", il a dit aux journalistes John Kirby, porte-parole.";
        assert_eq!(run(t, Lang::Fr)[0].0.as_deref(), Some("John Kirby"));
    }
}
