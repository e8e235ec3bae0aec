//! Exact and near duplicates among a corpus's texts, in linear time.
//!
//! Exact: a hash of the text with its case and spacing normalised.
//! Near: a MinHash signature of each text's three-word shingles (one word changed in a
//! fifty-word dispatch leaves nine in ten of them) (64
//! hashes), cut into 16 bands of 4; two texts sharing a band are
//! candidates, and a candidate whose signatures agree on at least
//! [`NEAR`] of their hashes is a near duplicate (the same dispatch with a
//! changed headline, a byline, a corrected figure). Each text is compared
//! with at most one earlier text per band: no pair of the corpus is
//! compared unless it shares a band.

use std::collections::HashMap;

/// The share of MinHash values two texts must share to be near
/// duplicates (an estimate of their shingles' Jaccard similarity).
pub const NEAR: f64 = 0.8;
const HASHES: usize = 64;
const BANDS: usize = 16;
const ROWS: usize = HASHES / BANDS;
const SHINGLE: usize = 3;

/// What a text is, against those seen before it.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    New,
    /// The same text as entry `i`.
    Duplicate(usize),
    /// Nearly the same as entry `i`, with the estimated similarity.
    Near(usize, f64),
}

/// The texts seen so far.
#[derive(Default)]
pub struct Seen {
    exact: HashMap<u64, usize>,
    bands: HashMap<(usize, u64), usize>,
    signatures: Vec<Option<[u64; HASHES]>>,
    /// Entry index of each text kept (parallel to `signatures`).
    entries: Vec<usize>,
}

impl Seen {
    pub fn new() -> Self {
        Self::default()
    }

    /// Classifies `text`; a new one is remembered as entry `entry`.
    pub fn check(&mut self, text: &str, entry: usize) -> Verdict {
        let words: Vec<String> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
        let exact = fnv(words.iter().flat_map(|w| w.bytes().chain([b' '])));
        if let Some(&i) = self.exact.get(&exact) {
            return Verdict::Duplicate(i);
        }
        let signature = signature(&words);
        if let Some(sig) = &signature {
            let mut best: Option<(usize, f64)> = None;
            for b in 0..BANDS {
                let key = (b, fnv(sig[b * ROWS..(b + 1) * ROWS].iter().flat_map(|h| h.to_le_bytes())));
                if let Some(&k) = self.bands.get(&key) {
                    if let Some(other) = &self.signatures[k] {
                        let same = sig.iter().zip(other).filter(|(a, b)| a == b).count() as f64 / HASHES as f64;
                        if same >= NEAR && best.is_none_or(|(_, s)| same > s) {
                            best = Some((self.entries[k], same));
                        }
                    }
                }
            }
            if let Some((i, s)) = best {
                return Verdict::Near(i, s);
            }
        }
        let k = self.signatures.len();
        self.exact.insert(exact, entry);
        if let Some(sig) = &signature {
            for b in 0..BANDS {
                let key = (b, fnv(sig[b * ROWS..(b + 1) * ROWS].iter().flat_map(|h| h.to_le_bytes())));
                self.bands.entry(key).or_insert(k);
            }
        }
        self.signatures.push(signature);
        self.entries.push(entry);
        Verdict::New
    }
}

/// FNV-1a over bytes: stable across runs and platforms, unlike the
/// standard library's seeded hasher.
fn fnv(bytes: impl IntoIterator<Item = u8>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A 64-bit mix (splitmix64's finaliser): one hash into many.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The MinHash signature of a text's shingles; None when too short to
/// have any (a near duplicate of a few words says nothing).
fn signature(words: &[String]) -> Option<[u64; HASHES]> {
    if words.len() < SHINGLE * 2 {
        return None;
    }
    let mut sig = [u64::MAX; HASHES];
    for w in words.windows(SHINGLE) {
        let h = fnv(w.iter().flat_map(|x| x.bytes().chain([b' '])));
        for (i, slot) in sig.iter_mut().enumerate() {
            let v = mix(h ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
            if v < *slot {
                *slot = v;
            }
        }
    }
    Some(sig)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DISPATCH: &str = "Le séisme qui a frappé le Maroc vendredi soir a fait au moins 2 946 morts et 5 674 blessés, selon un nouveau bilan \
        du ministère de l'Intérieur publié mercredi. Les secours poursuivent leurs recherches dans les villages de l'Atlas, où de nombreuses \
        maisons en pisé se sont effondrées. Le roi Mohammed VI a décrété trois jours de deuil national.";

    #[test]
    fn copies_and_near_copies_are_found_and_others_kept() {
        let mut seen = Seen::new();
        assert_eq!(seen.check(DISPATCH, 0), Verdict::New);
        // The same text, spaced and cased differently.
        assert_eq!(seen.check(&DISPATCH.to_uppercase().replace(' ', "  "), 1), Verdict::Duplicate(0));
        // The same dispatch with one figure updated.
        match seen.check(&DISPATCH.replace("2 946", "2 960"), 2) {
            Verdict::Near(0, s) => assert!(s >= NEAR, "{s}"),
            other => panic!("{other:?}"),
        }
        // Another dispatch on the same story is a source of its own.
        let other = "Selon l'Organisation mondiale de la santé, plus de 300 000 personnes ont été affectées par le tremblement de terre \
            dans la région de Marrakech, et les hôpitaux de la ville manquent de sang pour les transfusions.";
        assert_eq!(seen.check(other, 3), Verdict::New);
        // A few words are never a near duplicate.
        assert_eq!(seen.check("Le bilan s'alourdit.", 4), Verdict::New);
        assert_eq!(seen.check("Le bilan s'alourdit encore.", 5), Verdict::New);
    }
}
