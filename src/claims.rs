//! Claims: one checkable statement per figure, assembled from the stages
//! below (sentences, figures, measures, entities, attribution) and scored.
//!
//! A figure of a kind worth checking (count, percent, money, measure,
//! duration) makes a claim; dates, years and ordinals are the claims' time
//! references instead. A sentence holding several figures is split into
//! clauses, one per figure, at the last separator between two figures (a
//! comma, a semicolon, or "et"/"and"/"mais"/"but"), so "300 tués et 2 700
//! blessés" gives two claims with their own spans.
//!
//! Check-worthiness (`score`, in [0, 1]) starts from what the figure is (a
//! count of a known measure weighs more than a bare number) and rises when
//! the sentence names its source or the entities it is about.
//!
//! A small bare count that names nothing it counts ("PREUVE 1") is a
//! label, not a claim.
//!
//! A figure restated in the same document (summary bullets, then the body)
//! links to its first statement through `restates`: same measure, same
//! value and qualifier.
//!
//! Invariants: claims are in text order; claim spans lie inside their
//! sentence and never overlap; every claim holds exactly one figure.

use crate::attribution::{self, Attribution};
use crate::entities::{self, DocEntities, EntityMention};
use crate::measure::{self, Measure};
use crate::numbers::{self, Mention};
use crate::report::{Claim, Entity, Extraction, Kind, Lang, Qualifier, Quantity};
use crate::text::chars::fold;
use crate::text::offsets::Utf16Index;
use crate::text::segment::{self, Sentence};
use crate::text::words::{next, TokKind};
use crate::Options;

/// Everything extraction learns about a document, kept for
/// reconciliation (which needs the declared aliases too).
#[derive(Debug, Clone)]
pub struct Document {
    pub extraction: Extraction,
    pub entities: DocEntities,
}

fn worth_checking(kind: Kind) -> bool {
    matches!(kind, Kind::Count | Kind::Percent | Kind::Money | Kind::Measure | Kind::Duration)
}

/// Extracts the claims of `text`.
pub fn extract(text: &str, opts: &Options) -> Document {
    let lang = opts.lang.unwrap_or_else(|| crate::text::lang::detect(text));
    let sentences = segment::sentences(text);
    let mentions = numbers::scan(text, lang, &opts.numbers);
    let entities = entities::find(text, &sentences, lang);
    let attributions = attribution::attribute(text, &sentences, &entities.mentions, lang);
    let idx = Utf16Index::new(text);

    let mut claims: Vec<Claim> = Vec::new();
    let mut m = 0;
    for (si, s) in sentences.iter().enumerate() {
        while m < mentions.len() && mentions[m].start < s.start {
            m += 1;
        }
        let first = m;
        while m < mentions.len() && mentions[m].end <= s.end {
            m += 1;
        }
        let in_sentence = &mentions[first..m];
        let figures: Vec<(&Mention, Option<Measure>)> = in_sentence
            .iter()
            .filter(|x| worth_checking(x.kind) && !is_reference(text, x, lang))
            .map(|x| (x, measure::measure_of(text, x, s.start, s.end, lang)))
            // A small bare number that counts nothing named ("PREUVE 1") is
            // a label, not a claim.
            .filter(|(x, m)| !(x.kind == Kind::Count && m.is_none() && x.value.abs() < 10.0))
            .collect();
        if figures.is_empty() {
            continue;
        }
        let time: Vec<String> = in_sentence
            .iter()
            .filter_map(|x| match x.kind {
                Kind::Date => x.date.clone(),
                Kind::Year => Some(format!("{}", x.value)),
                _ => None,
            })
            .collect();
        let sentence_entities: Vec<&EntityMention> = entities::within(&entities.mentions, s.start, s.end).iter().collect();
        let bounds = clause_bounds(text, s, &figures, lang);
        for (k, (mention, measure)) in figures.iter().enumerate() {
            let (cs, ce) = bounds[k];
            let quantity = quantity(text, &idx, mention, measure.as_ref());
            let attribution = &attributions[si];
            claims.push(Claim {
                id: format!("c{}", claims.len() + 1),
                text: text[cs..ce].to_string(),
                span: [cs, ce],
                span_utf16: idx.span([cs, ce]),
                score: score(mention, measure.as_ref(), attribution, &sentence_entities),
                quantities: vec![quantity],
                entities: sentence_entities.iter().map(|e| entity(text, &idx, e)).collect(),
                attribution: attribution.source.clone(),
                hedged: attribution.hedges_figure(text, mention.start, mention.end, lang),
                restates: None,
                time: time.clone(),
                sentence_span: [s.start, s.end],
                sentence_span_utf16: idx.span([s.start, s.end]),
                verdict: None,
                evidence: None,
                explanation: None,
            });
        }
    }
    link_restatements(&mut claims);
    Document { extraction: Extraction { lang, claims }, entities }
}

fn entity(text: &str, idx: &Utf16Index, e: &EntityMention) -> Entity {
    Entity {
        surface: text[e.start..e.end].to_string(),
        span: [e.start, e.end],
        span_utf16: idx.span([e.start, e.end]),
        canonical: e.canonical.clone(),
        kind: e.kind.to_string(),
    }
}

/// A small number in words after a definite determiner refers back to
/// things already named ("les deux pays", "the two allies"): no claim.
fn is_reference(text: &str, m: &Mention, lang: Lang) -> bool {
    if m.digits || m.value > 10.0 || m.kind != Kind::Count {
        return false;
    }
    let determiners: &[&str] = match lang {
        Lang::Fr => &["les", "ces", "leurs", "ses", "nos", "vos", "mes", "tes"],
        Lang::En => &["the", "these", "those", "its", "their", "our", "both"],
    };
    crate::text::words::prev(text, m.qualifier_start.unwrap_or(m.start)).is_some_and(|t| determiners.iter().any(|d| fold(t.text) == *d))
}

/// Where each figure's clause starts and ends inside sentence `s`.
fn clause_bounds(text: &str, s: &Sentence, figures: &[(&Mention, Option<Measure>)], lang: Lang) -> Vec<(usize, usize)> {
    let conjunctions: &[&str] = match lang {
        Lang::Fr => &["et", "mais", "tandis", "alors", "ainsi", "avec"],
        Lang::En => &["and", "but", "while", "whereas", "with"],
    };
    let mut cuts = vec![s.start];
    for pair in figures.windows(2) {
        let (a, ma) = &pair[0];
        let (b, _) = &pair[1];
        // The cut lies between the two figures, whatever the measures
        // reach: each clause keeps its own figure ("7 vingt 0t").
        let to = b.qualifier_start.unwrap_or(b.start).clamp(a.end, b.start);
        let from = ma.as_ref().map_or(a.end, |x| x.end.max(a.end)).min(to);
        // The last separator between the two figures.
        let mut cut = None;
        let mut pos = from;
        while let Some(t) = next(text, pos).filter(|t| t.end <= to) {
            match t.kind {
                TokKind::Punct if matches!(t.text, "," | ";" | ":" | "(" | "–" | "—") => cut = Some(t.end),
                TokKind::Word if conjunctions.iter().any(|c| fold(t.text) == *c) => cut = Some(t.start),
                _ => {}
            }
            pos = t.end;
        }
        cuts.push(cut.unwrap_or(to).clamp(a.end, b.start));
    }
    cuts.push(s.end);
    cuts.windows(2)
        .map(|w| {
            // Each piece holds a figure, so it is never blank.
            let piece = &text[w[0]..w[1]];
            let lead = piece.len() - piece.trim_start().len();
            (w[0] + lead, (w[0] + piece.trim_end().len()).max(w[0] + lead))
        })
        .collect()
}

/// Check-worthiness of one figure in its sentence.
fn score(m: &Mention, measure: Option<&Measure>, a: &Attribution, entities: &[&EntityMention]) -> f64 {
    let known = measure.is_some_and(|x| !x.key.contains(':'));
    let mut s: f64 = match m.kind {
        Kind::Count if known => 0.6,
        Kind::Count if measure.is_some() => 0.45,
        Kind::Count => 0.3,
        Kind::Percent | Kind::Money => 0.6,
        Kind::Measure => 0.5,
        _ => 0.25,
    };
    if a.source.is_some() {
        s += 0.15;
    }
    if entities.iter().any(|e| e.kind != "name") {
        s += 0.1;
    }
    if m.qualifier != Qualifier::Exact || m.value.abs() >= 100.0 {
        s += 0.1;
    }
    s.clamp(0.0, 1.0)
}

/// Links a claim to an earlier claim of the document with the same figure.
fn link_restatements(claims: &mut [Claim]) {
    for i in 0..claims.len() {
        let q = &claims[i].quantities[0];
        let Some(measure) = q.measure.clone() else { continue };
        let same = claims[..i].iter().find(|c| {
            let p = &c.quantities[0];
            c.restates.is_none()
                && p.measure.as_deref() == Some(measure.as_str())
                && p.value == q.value
                && p.unit == q.unit
                && p.kind == q.kind
        });
        if let Some(first) = same.map(|c| c.id.clone()) {
            claims[i].restates = Some(first);
        }
    }
}

/// The public form of every figure of a text, with its measure.
pub fn quantities(text: &str, opts: &Options) -> (Lang, Vec<Quantity>) {
    let lang = opts.lang.unwrap_or_else(|| crate::text::lang::detect(text));
    let idx = Utf16Index::new(text);
    let sentences = segment::sentences(text);
    let mut si = 0;
    let out = numbers::scan(text, lang, &opts.numbers)
        .iter()
        .map(|m| {
            while si < sentences.len() && sentences[si].end < m.end {
                si += 1;
            }
            let measure = sentences.get(si).filter(|s| s.start <= m.start).and_then(|s| measure::measure_of(text, m, s.start, s.end, lang));
            quantity(text, &idx, m, measure.as_ref())
        })
        .collect();
    (lang, out)
}

/// The public form of a mention.
fn quantity(text: &str, idx: &Utf16Index, m: &Mention, measure: Option<&Measure>) -> Quantity {
    let span = [m.start, m.end];
    Quantity {
        surface: text[m.start..m.end].to_string(),
        span,
        span_utf16: idx.span(span),
        value: m.value,
        low: m.low,
        high: m.high,
        qualifier: m.qualifier,
        kind: m.kind,
        unit: m.unit.map(str::to_string),
        measure: measure.map(|x| x.key.clone()),
        measure_surface: measure.map(|x| text[x.start..x.end].to_string()),
        measure_span: measure.map(|x| [x.start, x.end]),
        measure_span_utf16: measure.map(|x| idx.span([x.start, x.end])),
        qualifier_surface: m.qualifier_start.map(|s| text[s..m.start].trim_end().to_string()),
        date: m.date.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(t: &str) -> Vec<Claim> {
        extract(t, &Options::default()).extraction.claims
    }

    #[test]
    fn one_claim_per_figure_with_its_own_clause() {
        let c = claims("Environ 11 000 soldats ont été déployés, avec des estimations suggérant que 300 soldats ont été tués et environ 2 700 blessés.");
        let texts: Vec<&str> = c.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Environ 11 000 soldats ont été déployés,",
                "avec des estimations suggérant que 300 soldats ont été tués",
                "et environ 2 700 blessés."
            ]
        );
        let keys: Vec<&str> = c.iter().map(|c| c.quantities[0].measure.as_deref().unwrap_or("")).collect();
        assert_eq!(keys, vec!["soldier", "killed", "wounded"]);
        // "des estimations suggérant" hedges the figures after it, not the
        // deployment stated before the comma.
        assert_eq!(c.iter().map(|c| c.hedged).collect::<Vec<_>>(), vec![false, true, true]);
    }

    #[test]
    fn restated_figures_are_linked() {
        let c =
            claims("• Environ 11 000 soldats ont été déployés.\n\nSelon le renseignement, environ 11 000 soldats auraient été déployés.");
        assert_eq!(c.len(), 2);
        assert_eq!(c[1].restates.as_deref(), Some("c1"));
    }

    #[test]
    fn dates_are_time_references_not_claims() {
        let c = claims("En 2025, la Corée du Nord livrera au moins 150 missiles, a déclaré Kyrylo Budanov le 11 février.");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].time, vec!["2025".to_string(), "--02-11".to_string()]);
        assert_eq!(c[0].attribution.as_deref(), Some("Kyrylo Budanov"));
        assert!(c[0].entities.iter().any(|e| e.canonical == "North Korea"));
    }
}
