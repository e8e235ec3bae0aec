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
    let of = |v: &[(u32, EntityKind)], k: EntityKind| v.iter().filter(|e| e.1 == k).map(|e| e.0).collect::<Vec<_>>();
    let (c, s) = (of(claim, EntityKind::Place), of(source, EntityKind::Place));
    // A narrower place on one side only.
    for (one, other) in [(&c, &s), (&s, &c)] {
        let narrower: Vec<u32> =
            one.iter().copied().filter(|p| !other.contains(p) && within.get(p).is_some_and(|w| other.contains(w))).collect();
        if !narrower.is_empty() {
            return Scope::Different(narrower);
        }
    }
    for kind in [EntityKind::Weapon, EntityKind::Place] {
        let (c, s) = (of(claim, kind), of(source, kind));
        if c.is_empty() || s.is_empty() {
            continue;
        }
        let shared = c.iter().any(|x| s.contains(x));
        let only_source: Vec<u32> = s.iter().copied().filter(|x| !c.contains(x)).collect();
        let only_claim = c.iter().any(|x| !s.contains(x));
        if !shared || kind == EntityKind::Place && only_claim && !only_source.is_empty() {
            return Scope::Different(if only_source.is_empty() { s } else { only_source });
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
