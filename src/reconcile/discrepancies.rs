//! The discrepancy table: for each measure the article gives a figure
//! for, every figure given for it across the article and the sources, with
//! who gives it and when. The view a fact-checker builds by hand.
//!
//! Rows come in document order: the article first, then sources in the
//! order they were added; a figure restated inside one document is listed
//! once. Each table is capped (`MAX_ROWS`) so that a measure every source
//! discusses does not drown the report; the cap leaves room for a hundred
//! sources, so that a timeline of a growing count keeps its latest figures.
//! Each row names its series (whose and where, from the figure's frame) so
//! that figures of different frames are not drawn as one line.

use std::collections::HashSet;

use super::index::Index;
use crate::report::{Claim, Discrepancy, DiscrepancyRow, Quantity};

pub const MAX_ROWS: usize = 200;

fn row(document: &str, q: &Quantity, attribution: Option<&String>, hedged: bool, date: Option<String>, sentence: &str) -> DiscrepancyRow {
    DiscrepancyRow {
        document: document.to_string(),
        surface: super::verdict::figure(q),
        value: q.value,
        low: q.low,
        high: q.high,
        qualifier: q.qualifier,
        unit: q.unit.clone(),
        attribution: attribution.cloned(),
        hedged,
        date,
        sentence: sentence.to_string(),
        series: series(q),
    }
}

/// The figure's series: whose and where, as one label ("North Korea · Kursk");
/// `None` when the frame names neither. The measure itself is left out of
/// `whose`: every row of a table shares it.
fn series(q: &Quantity) -> Option<String> {
    let f = &q.frame;
    let bits: Vec<&str> = f
        .whose
        .iter()
        .filter(|w| Some(*w) != f.what.as_ref() && Some(*w) != q.measure.as_ref())
        .chain(f.place.iter())
        .map(String::as_str)
        .collect();
    (!bits.is_empty()).then(|| bits.join(" · "))
}

/// Builds the tables. `source` gives, for a source number, its id, its
/// text and its date (`None` for a removed source).
pub fn tables<'a>(claims: &[Claim], index: &Index, source: impl Fn(u32) -> Option<(&'a str, &'a str, Option<String>)>) -> Vec<Discrepancy> {
    let mut out: Vec<Discrepancy> = Vec::new();
    let mut done: HashSet<&str> = HashSet::new();
    for c in claims {
        let Some(measure) = c.quantities[0].measure.as_deref() else { continue };
        if !done.insert(measure) {
            continue;
        }
        let mut rows = Vec::new();
        let mut seen: HashSet<(String, u64)> = HashSet::new();
        for a in claims.iter().filter(|a| a.quantities[0].measure.as_deref() == Some(measure) && a.restates.is_none()) {
            let q = &a.quantities[0];
            let date = a.time.first().cloned();
            rows.push(row("article", q, a.attribution.as_ref(), a.hedged, date, &a.text));
        }
        let Some(id) = index.measures.get(measure) else { continue };
        for &sid in index.figures.get(&id).map_or(&[][..], Vec::as_slice) {
            if rows.len() >= MAX_ROWS {
                break;
            }
            let st = &index.statements[sid as usize];
            let (Some(q), Some((doc, text, date))) = (&st.quantity, source(st.source)) else { continue };
            // A figure restated inside one source is one row.
            if !seen.insert((doc.to_string(), q.value.to_bits())) {
                continue;
            }
            let date = date.or_else(|| st.years.first().map(u16::to_string));
            rows.push(row(doc, q, st.attribution.as_ref(), st.hedged, date, &text[st.sentence[0]..st.sentence[1]]));
        }
        out.push(Discrepancy { measure: measure.to_string(), rows });
    }
    out
}
