//! Whether a source statement is about the same thing as a claim.
//!
//! The measure must match first (the index only offers statements under
//! the claim's measure key, which is language-independent). Then the
//! subjects, by canonical entity after declared aliases:
//! - weapon systems named on both sides must share one ("KN-23" meets
//!   "Hwasong-11" once a document says they are one), else the statements
//!   are about different systems;
//! - places named on both sides must share one;
//! - if each side names a place the other does not ("déployés en Russie"
//!   against "engagés à Koursk"), the scopes differ: related, not the same
//!   figure.
//!
//! - a side naming a place inside a place the other names, which the
//!   other does not name itself ("Russia's Kursk region" against
//!   "Russia"), has a narrower scope: related.
//!
//! A side that names no entity of a kind agrees with anything on it: a
//! short sentence ("12 000 soldats") does not repeat its subject.
//!
//! Content-word similarity (an IDF-weighted share of the claim's stems
//! found in the source sentence) ranks evidence; it never decides alone,
//! since a French claim and an English source share few stems.

use std::collections::HashMap;

use super::index::{EntityKind, Index, Overlay};
use crate::report::{Aspect, Frame, Lang};

/// How the subjects of two statements relate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Same,
    /// Related statements about another scope: the names that differ.
    Different(Vec<u32>),
}

/// Compares the entity sets (already alias-merged ids) of a claim and a
/// source statement.
/// `within` maps a place to the place it lies in.
pub fn scope(claim: &[(u32, EntityKind)], source: &[(u32, EntityKind)], within: &HashMap<u32, u32>) -> Scope {
    // Entity lists are a handful of ids: walking them beats collecting them
    // (this runs for every candidate statement of every claim).
    fn of(v: &[(u32, EntityKind)], k: EntityKind) -> impl Iterator<Item = u32> + Clone + '_ {
        v.iter().filter(move |e| e.1 == k).map(|e| e.0)
    }
    let has = |v: &[(u32, EntityKind)], k: EntityKind, id: u32| v.iter().any(|e| e.1 == k && e.0 == id);
    // A narrower place on one side only.
    if !within.is_empty() {
        for (one, other) in [(claim, source), (source, claim)] {
            let narrower = |p: &u32| !has(other, EntityKind::Place, *p) && within.get(p).is_some_and(|w| has(other, EntityKind::Place, *w));
            if of(one, EntityKind::Place).any(|p| narrower(&p)) {
                return Scope::Different(of(one, EntityKind::Place).filter(narrower).collect());
            }
        }
    }
    for kind in [EntityKind::Weapon, EntityKind::Place] {
        let (mut c, mut s) = (of(claim, kind).peekable(), of(source, kind).peekable());
        if c.peek().is_none() || s.peek().is_none() {
            continue;
        }
        let shared = c.clone().any(|x| has(source, kind, x));
        let only_source = |x: &u32| !has(claim, kind, *x);
        let only_claim = c.any(|x| !has(source, kind, x));
        if !shared || kind == EntityKind::Place && only_claim && s.clone().any(|x| only_source(&x)) {
            let differ: Vec<u32> = s.clone().filter(only_source).collect();
            return Scope::Different(if differ.is_empty() { s.collect() } else { differ });
        }
    }
    Scope::Same
}

/// Alias-merged, sorted entity ids, into `out` (reused across candidates
/// to spare an allocation each).
pub fn merged_into(overlay: &Overlay<'_>, entities: &[(u32, EntityKind)], out: &mut Vec<(u32, EntityKind)>) {
    out.clear();
    let mut changed = false;
    out.extend(entities.iter().map(|&(id, k)| {
        let root = overlay.find(id);
        changed |= root != id;
        (root, k)
    }));
    // Index lists are sorted and unique; only a merge can unsort them.
    if changed {
        out.sort_unstable();
        out.dedup();
    }
}

/// Alias-merged, sorted entity ids.
pub fn merged(overlay: &Overlay<'_>, entities: &[(u32, EntityKind)]) -> Vec<(u32, EntityKind)> {
    let mut v = Vec::new();
    merged_into(overlay, entities, &mut v);
    v
}

/// A claim's terms with their weights, computed once per claim.
pub struct WeightedTerms {
    terms: Vec<(u32, f64)>,
    total: f64,
}

impl WeightedTerms {
    pub fn new(index: &Index, terms: &[u32]) -> Self {
        let terms: Vec<(u32, f64)> = terms.iter().map(|&t| (t, index.idf(t))).collect();
        let total = terms.iter().map(|t| t.1).sum();
        WeightedTerms { terms, total }
    }

    /// IDF-weighted share of these terms found in `source` (sorted),
    /// walking both sorted lists once.
    pub fn similarity(&self, source: &[u32]) -> f64 {
        if self.total <= 0.0 {
            return 0.0;
        }
        let (mut i, mut shared) = (0, 0.0);
        for &(t, w) in &self.terms {
            while i < source.len() && source[i] < t {
                i += 1;
            }
            if i < source.len() && source[i] == t {
                shared += w;
            }
        }
        shared / self.total
    }
}

/// Why two figures of one measure are not the same fact, or may not be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrameWhy {
    /// Another period (the source's label).
    Period(String),
    /// Another "as of" date for a running total: a timeline, not a
    /// contradiction (the source's label).
    Timeline(String),
    /// Another aspect or modality: the message key naming it.
    Aspect(String),
    /// Another basis of change ("year" against "month").
    Basis(String),
    /// Another population ("civilian" against "soldier", "Russia").
    Population(String),
    /// A restriction one side has ("age_15_24").
    Restriction(String),
    /// The claim gives another counter's figure.
    Counter(String),
    /// One side's period is not stated.
    PeriodUnclear,
    /// One side is an earlier value of an undated moment.
    Earlier,
    /// One side names a type the other does not ("120 Koksan").
    Part,
    /// The figures are too far apart to be one fact.
    FarApart,
    /// One figure is about a name the other's sentence does not hold.
    Anchor(String),
    /// Only one side names whose figure it is ("27,28 % pour Marine Le
    /// Pen" against an abstention rate, "411 seats" of Labour against the
    /// 650 of the House).
    Owner(String),
    /// The same source gives another figure that agrees: this one is
    /// about something else.
    Sibling,
}

/// How two frames relate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrameMatch {
    /// Every part of the frame agrees: the figures compare.
    Same,
    /// They may be the same fact, but a part is unclear on one side: an
    /// agreement corroborates, a disagreement is only related.
    Open(FrameWhy),
    /// Different facts: related, never compared.
    Differ(FrameWhy),
}

/// A counter's name as it is compared: folded, without determiners or
/// punctuation ("the CGT union" and "CGT" meet by inclusion).
pub fn norm_counter(s: &str) -> String {
    let f = crate::text::chars::fold(s);
    let f = f.trim();
    let f = ["the ", "le ", "la ", "les ", "l'"].iter().find_map(|d| f.strip_prefix(d)).unwrap_or(f);
    f.chars().filter(|c| c.is_alphanumeric() || *c == ' ').collect::<String>().trim().to_string()
}

/// Whether a part ("431 décès, dont 121 en Ehpad") and a level are the
/// same figure: the level names everything that sets the part apart from
/// its whole ("121 deaths in care homes"). A part that names nothing of
/// its own ("dont 120"), or that the level does not name, is one part
/// among others.
fn same_part(claim: &Frame, source: &Frame) -> bool {
    let (part, level) = match (claim.aspect, source.aspect) {
        (Aspect::Part, Aspect::Level) => (claim, source),
        (Aspect::Level, Aspect::Part) => (source, claim),
        _ => return false,
    };
    let marks = || part.restrictions.iter().chain(part.whose.iter().filter(|w| crate::lexicon::measure_class(w).is_none()));
    marks().next().is_some() && marks().all(|m| level.restrictions.contains(m) || level.whose.contains(m))
}

/// Compares the frame of a source's figure with the claim's.
/// `cumulative`: the measure is a running total (tolls, deliveries).
pub fn frames(claim: &Frame, source: &Frame, cumulative: bool, lang: Lang) -> FrameMatch {
    use crate::frame::period::{relate, PeriodMatch};
    let mut open: Option<FrameWhy> = None;
    // Aspect.
    if claim.aspect != source.aspect && !same_part(claim, source) {
        // A part or a sighting against a total names the claim's aspect; a
        // level against a change, the source's.
        let named = if matches!(claim.aspect, Aspect::Part | Aspect::Sighting) { claim.aspect } else { source.aspect };
        return FrameMatch::Differ(FrameWhy::Aspect(format!("aspect_{}", named.name())));
    }
    if claim.aspect == Aspect::Rate && claim.per != source.per {
        return FrameMatch::Differ(FrameWhy::Aspect("aspect_rate".into()));
    }
    match (&claim.basis, &source.basis) {
        (Some(a), Some(b)) if a != b => return FrameMatch::Differ(FrameWhy::Basis(b.clone())),
        (Some(_), None) | (None, Some(_))
            if claim.aspect == Aspect::Change && (claim.basis.as_deref() == Some("rate") || source.basis.as_deref() == Some("rate")) =>
        {
            return FrameMatch::Differ(FrameWhy::Basis("rate".into()));
        }
        _ => {}
    }
    // Population and owners.
    let is_population = |w: &String| crate::lexicon::measure_class(w).is_some();
    // (Checked for every candidate of every claim: no allocation unless
    // the frames differ.)
    fn pop(f: &Frame) -> Option<&String> {
        f.whose.iter().find(|w| crate::lexicon::measure_class(w).is_some())
    }
    match (pop(claim), pop(source)) {
        (Some(a), Some(b)) if a != b && a != "person" && b != "person" => return FrameMatch::Differ(FrameWhy::Population(b.clone())),
        _ => {}
    }
    let mut co = claim.whose.iter().filter(|w| !is_population(w)).peekable();
    let mut so = source.whose.iter().filter(|w| !is_population(w)).peekable();
    match (co.peek().is_some(), so.peek().is_some()) {
        (true, true) if !co.any(|x| source.whose.contains(x)) => {
            let names: Vec<&str> = so.map(String::as_str).collect();
            return FrameMatch::Differ(FrameWhy::Population(names.join(", ")));
        }
        // A figure that belongs to someone against one said of no one:
        // perhaps the same, perhaps the whole or another's share.
        (true, false) | (false, true) => {
            let names: Vec<&str> = co.chain(so).map(String::as_str).collect();
            open = Some(FrameWhy::Owner(names.join(", ")));
        }
        _ => {}
    }
    // Restrictions of who or where: different ones on both sides are
    // different facts; one side's alone ("au sens du BIT", "15-24 ans")
    // leaves the frame open.
    if claim.restrictions != source.restrictions {
        let only = |a: &[String], b: &[String]| a.iter().filter(|r| !b.contains(r)).cloned().collect::<Vec<_>>();
        let (mine, theirs) = (only(&claim.restrictions, &source.restrictions), only(&source.restrictions, &claim.restrictions));
        if !mine.is_empty() && !theirs.is_empty() {
            return FrameMatch::Differ(FrameWhy::Restriction(theirs.join(", ")));
        }
        open = Some(FrameWhy::Restriction(if theirs.is_empty() { mine.join(", ") } else { theirs.join(", ") }));
    }
    // Period.
    match relate(claim.period_key.as_ref(), source.period_key.as_ref(), cumulative) {
        PeriodMatch::Same => {}
        PeriodMatch::Differ => {
            let label = source.period_key.map(|p| p.label(lang)).unwrap_or_default();
            let implied = |f: &Frame| f.period_key.is_some_and(|p| p.implicit || p.to_date);
            return FrameMatch::Differ(if cumulative && (implied(claim) || implied(source)) {
                FrameWhy::Timeline(label)
            } else {
                FrameWhy::Period(label)
            });
        }
        PeriodMatch::Open => open = Some(FrameWhy::PeriodUnclear),
    }
    // An earlier value ("up from 180 earlier on Tuesday") against a
    // figure reported now: within one day, or with no period of its own,
    // it is an earlier moment of the count, which one is unknown. A
    // month, quarter or year of its own dates it fully.
    if claim.earlier != source.earlier {
        use crate::frame::period::Grain;
        let side = if claim.earlier { claim } else { source };
        let dated = side.period_key.is_some_and(|p| !p.implicit && !p.loose && !matches!(p.grain, Grain::Day(..) | Grain::Unresolved));
        if !dated {
            open = Some(FrameWhy::Earlier);
        }
    }
    // A type named on one side ("120 Koksan guns" against 200 guns): one
    // type among others, or the same figure; two different types differ.
    if claim.types != source.types {
        if !claim.types.is_empty() && !source.types.is_empty() && !claim.types.iter().any(|t| source.types.contains(t)) {
            return FrameMatch::Differ(FrameWhy::Part);
        }
        open = Some(FrameWhy::Part);
    }
    // A forecast is not an outcome.
    if claim.modality != source.modality {
        let modality = source.modality.as_deref().or(claim.modality.as_deref()).unwrap_or("forecast");
        return FrameMatch::Differ(FrameWhy::Aspect(format!("aspect_{modality}")));
    }
    // What each figure is specifically about: a name in one figure's clause
    // that the other's sentence does not hold ("91 in Suzu" against the 202
    // of the whole prefecture) leaves the frame open.
    let missing = |mine: &[String], theirs: &[String]| mine.iter().find(|a| !theirs.contains(a)).cloned();
    if let Some(x) = missing(&source.anchors[0], &claim.anchors[1]).or_else(|| missing(&claim.anchors[0], &source.anchors[1])) {
        open.get_or_insert(FrameWhy::Anchor(x));
    }
    // Who gives it: an attributed claim ("2 millions, d'après la CGT") is
    // that counter's figure. Only the same counter's figure can contradict
    // it; another's, or a figure no one is said to give, leaves it open.
    match (&claim.counter, &source.counter) {
        (Some(_), Some(b)) => {
            let (na, nb) = (&claim.counter_key, &source.counter_key);
            if !na.is_empty() && !nb.is_empty() && na != nb && !na.contains(nb.as_str()) && !nb.contains(na.as_str()) {
                open.get_or_insert(FrameWhy::Counter(b.clone()));
            }
        }
        (Some(_), None) => {
            open.get_or_insert(FrameWhy::Counter(String::from("?")));
        }
        _ => {}
    }
    match open {
        Some(w) => FrameMatch::Open(w),
        None => FrameMatch::Same,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    #[test]
    fn scopes() {
        let (nk, ru, kursk, kn23, hw14) = (0, 1, 2, 3, 4);
        let none = HashMap::new();
        assert_eq!(scope(&[(nk, Place), (ru, Place)], &[(nk, Place), (ru, Place), (9, Other)], &none), Scope::Same);
        assert_eq!(scope(&[(nk, Place), (ru, Place)], &[(nk, Place), (kursk, Place)], &none), Scope::Different(vec![kursk]));
        assert_eq!(scope(&[(nk, Place)], &[], &none), Scope::Same);
        assert_eq!(scope(&[(kn23, Weapon)], &[(hw14, Weapon)], &none), Scope::Different(vec![hw14]));
        // A source naming more places than the claim, and all of the claim's, keeps the scope.
        assert_eq!(scope(&[(nk, Place)], &[(nk, Place), (ru, Place)], &none), Scope::Same);
        // ... unless the extra place lies inside one the claim names.
        let within = HashMap::from([(kursk, ru)]);
        assert_eq!(scope(&[(nk, Place), (ru, Place)], &[(nk, Place), (ru, Place), (kursk, Place)], &within), Scope::Different(vec![kursk]));
        assert_eq!(scope(&[(nk, Place), (kursk, Place)], &[(nk, Place), (ru, Place), (kursk, Place)], &within), Scope::Same);
    }
}
