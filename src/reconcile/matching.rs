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
