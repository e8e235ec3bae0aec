//! Sources indexed once: every statement a source makes about a measure,
//! findable by measure key, with its entities and content words.
//!
//! A statement is either a figure (a claim of the source, under its full
//! measure key, "artillery.calibre") or a mention of a measure without a
//! figure ("des obus d'artillerie"), under the base key ("shell"). Names
//! are interned; names declared as aliases in any document are merged
//! with a union-find, so a figure about "KN-23" meets one about
//! "Hwasong-11" once any document of the set says they are the same.
//!
//! Near-duplicate documents are found with sampled word 5-gram shingles:
//! two documents sharing most of their shingles are one report.
//!
//! Invariant: statements of a removed source are never returned.

use std::borrow::Cow;
use std::collections::HashMap;

use super::compare::Figure;
use crate::claims::Document;
use crate::entities::EntityMention;
use crate::lexicon::{self, MeasureClass};
use crate::report::{Claim, Lang, Quantity};
use crate::text::chars::{fnv1a, fold};
use crate::text::segment::Sentence;
use crate::text::stem::stem;
use crate::text::words::{match_after, next, TokKind};

/// Kinds of entity that decide whether two statements share a subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Place,
    Weapon,
    Other,
}

impl EntityKind {
    pub fn of(kind: &str) -> Self {
        match kind {
            "place" => EntityKind::Place,
            "weapon" => EntityKind::Weapon,
            _ => EntityKind::Other,
        }
    }
}

/// One statement about a measure.
#[derive(Debug, Clone)]
pub struct Statement {
    pub source: u32,
    pub measure: u32,
    pub sentence: [usize; 2],
    pub quantity: Option<Box<Quantity>>,
    /// The figure as comparison needs it, kept inline: checking weighs
    /// thousands of statements and should not chase a pointer for each.
    pub figure: Option<Figure>,
    /// Interned entity names (before alias merging) with their kind: a
    /// range of `Index::entity_pool`.
    entities: [u32; 2],
    /// Years the sentence names.
    pub years: Vec<u16>,
    /// Interned content-word stems, sorted and deduplicated: a range of
    /// `Index::term_pool`.
    terms: [u32; 2],
    pub attribution: Option<String>,
    pub hedged: bool,
    /// What narrows the measure ("self_propelled").
    pub refine: Vec<&'static str>,
}

/// Interns strings to small ids.
#[derive(Debug, Default, Clone)]
pub struct Interner {
    ids: HashMap<String, u32>,
}

impl Interner {
    pub fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(s.to_string(), id);
        id
    }

    pub fn get(&self, s: &str) -> Option<u32> {
        self.ids.get(s).copied()
    }
}

/// The index over all sources.
#[derive(Debug, Default, Clone)]
pub struct Index {
    pub statements: Vec<Statement>,
    /// Figure statements by stated value (`value_key`), whatever their
    /// measure: a specific figure given again ("85 044 décès") is found
    /// even where the words around it name the measure differently.
    pub by_value: HashMap<(u64, i64), Vec<u32>>,
    /// Figure statements by full measure key.
    pub figures: HashMap<u32, Vec<u32>>,
    /// Statements by base measure key: mentions without a figure, and every
    /// figure whose key has that base ("artillery.calibre" and "artillery"
    /// figures under "artillery"), so that a variant's claim meets its base.
    /// A figure of a measure that is its own base is thus in `figures` too;
    /// `verdict::judge` weighs it once.
    pub others: HashMap<u32, Vec<u32>>,
    pub measures: Interner,
    pub names: Interner,
    terms: Interner,
    /// Term id of each folded word seen, by language.
    stems: [HashMap<String, u32>; 2],
    /// Statements holding each term, for inverse document frequency.
    term_df: Vec<u32>,
    /// Entity and term lists of all statements, end to end, so that the
    /// lists of consecutive statements sit together in memory.
    entity_pool: Vec<(u32, EntityKind)>,
    term_pool: Vec<u32>,
    /// Union-find over name ids.
    parent: Vec<u32>,
    /// Sampled shingles of each source, and the sources holding each.
    shingles: Vec<Vec<u64>>,
    shingle_postings: HashMap<u64, Vec<u32>>,
    /// Removed sources, by source number.
    pub removed: Vec<bool>,
}

/// A figure's dimension and stated value, to four significant digits, when
/// the figure is specific enough to recognise by value alone: three
/// significant digits or more ("85 044", "7,35 %", "6,288"), not "5 %" or
/// "2 000".
pub fn value_key(q: &Quantity, f: &Figure) -> Option<(u64, i64)> {
    let v = f.value();
    if !v.is_finite() || v == 0.0 || q.qualifier == crate::report::Qualifier::Range {
        return None;
    }
    let digits: String = q.surface.chars().filter(char::is_ascii_digit).collect();
    let significant = digits.trim_start_matches('0').trim_end_matches('0').len();
    if significant < 3 {
        return None;
    }
    let magnitude = v.abs().log10().floor() as i32;
    let scale = 10f64.powi(3 - magnitude);
    Some((f.dimension(), (v * scale).round() as i64))
}

/// The base key of a measure ("artillery" for "artillery.calibre").
pub fn base_key(key: &str) -> &str {
    key.split('.').next().unwrap_or(key)
}

impl Index {
    /// A statement's entities, sorted and unique, before alias merging.
    pub fn entities(&self, st: &Statement) -> &[(u32, EntityKind)] {
        &self.entity_pool[st.entities[0] as usize..st.entities[1] as usize]
    }

    /// A statement's content-word stems, sorted and unique.
    pub fn terms(&self, st: &Statement) -> &[u32] {
        &self.term_pool[st.terms[0] as usize..st.terms[1] as usize]
    }

    pub fn is_removed(&self, source: u32) -> bool {
        self.removed.get(source as usize).copied().unwrap_or(false)
    }

    /// Canonical id of a name, after declared aliases.
    pub fn find(&self, mut id: u32) -> u32 {
        while let Some(&p) = self.parent.get(id as usize) {
            if p == id {
                break;
            }
            id = p;
        }
        id
    }

    fn ensure_parent(&mut self, id: u32) {
        while self.parent.len() <= id as usize {
            self.parent.push(self.parent.len() as u32);
        }
    }

    /// Declares that two names are one.
    pub fn union(&mut self, a: &str, b: &str) {
        let (a, b) = (self.names.id(a), self.names.id(b));
        self.ensure_parent(a.max(b));
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The lower id (the name seen first) stays canonical.
            let (keep, drop) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[drop as usize] = keep;
        }
    }

    fn entity_ids(&mut self, entities: &[&EntityMention]) -> [u32; 2] {
        let mut v: Vec<(u32, EntityKind)> = entities.iter().map(|e| (self.names.id(&e.canonical), EntityKind::of(e.kind))).collect();
        if let Some(max) = v.iter().map(|x| x.0).max() {
            self.ensure_parent(max);
        }
        v.sort();
        v.dedup();
        let start = self.entity_pool.len() as u32;
        self.entity_pool.extend(v);
        [start, self.entity_pool.len() as u32]
    }

    /// Content-word stems of a span, interned, counted for document
    /// frequency.
    fn term_ids(&mut self, text: &str, span: [usize; 2], lang: Lang) -> [u32; 2] {
        let mut out: Vec<u32> = Vec::new();
        for w in content_words(text, span) {
            // Stemming is the costly part: each distinct word once.
            let id = match self.stems[lang as usize].get(&*w) {
                Some(&id) => id,
                None => {
                    let id = self.terms.id(&stem(&w, lang));
                    self.stems[lang as usize].insert(w.into_owned(), id);
                    id
                }
            };
            if self.term_df.len() <= id as usize {
                self.term_df.push(0);
            }
            out.push(id);
        }
        out.sort_unstable();
        out.dedup();
        for &t in &out {
            self.term_df[t as usize] += 1;
        }
        let start = self.term_pool.len() as u32;
        self.term_pool.extend(out);
        [start, self.term_pool.len() as u32]
    }

    /// Inverse document frequency of a term over statements.
    pub fn idf(&self, term: u32) -> f64 {
        let n = self.statements.len().max(1) as f64;
        let df = f64::from(self.term_df.get(term as usize).copied().unwrap_or(0));
        ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
    }

    /// Indexes the statements of source number `source`.
    pub fn add(&mut self, source: u32, text: &str, doc: &Document, sentences: &[Sentence]) {
        let lang = doc.extraction.lang;
        for (alias, canonical) in &doc.entities.declared {
            self.union(canonical, alias);
        }
        // Words that name what a figure counts belong to the figure.
        let mut taken: Vec<[usize; 2]> = Vec::new();
        for c in &doc.extraction.claims {
            let q = &c.quantities[0];
            let Some(key) = q.measure.clone() else { continue };
            taken.push([q.span[0], q.measure_span.map_or(q.span[1], |m| m[1].max(q.span[1]))]);
            self.push_claim(source, text, doc, c, &key, lang);
        }
        // Measures named without a figure.
        for s in sentences {
            let keys = measure_nouns(text, [s.start, s.end], lang, &taken);
            for key in keys {
                let ents: Vec<&EntityMention> = crate::entities::within(&doc.entities.mentions, s.start, s.end).iter().collect();
                let entities = self.entity_ids(&ents);
                let terms = self.term_ids(text, [s.start, s.end], lang);
                let measure = self.measures.id(&key);
                let id = self.statements.len() as u32;
                self.statements.push(Statement {
                    source,
                    measure,
                    sentence: [s.start, s.end],
                    quantity: None,
                    figure: None,
                    entities,
                    years: Vec::new(),
                    terms,
                    attribution: None,
                    hedged: false,
                    refine: Vec::new(),
                });
                self.others.entry(measure).or_default().push(id);
            }
        }
        let sh = shingles(text);
        for &h in &sh {
            self.shingle_postings.entry(h).or_default().push(source);
        }
        while self.shingles.len() <= source as usize {
            self.shingles.push(Vec::new());
        }
        self.shingles[source as usize] = sh;
    }

    fn push_claim(&mut self, source: u32, text: &str, doc: &Document, c: &Claim, key: &str, lang: Lang) {
        let ents: Vec<&EntityMention> =
            crate::entities::within(&doc.entities.mentions, c.sentence_span[0], c.sentence_span[1]).iter().collect();
        let entities = self.entity_ids(&ents);
        let terms = self.term_ids(text, c.sentence_span, lang);
        let measure = self.measures.id(key);
        let base = self.measures.id(base_key(key));
        let id = self.statements.len() as u32;
        let figure = Figure::of(&c.quantities[0]);
        self.statements.push(Statement {
            source,
            measure,
            sentence: c.sentence_span,
            quantity: Some(Box::new(c.quantities[0].clone())),
            figure: Some(figure),
            entities,
            years: years_of(&c.time),
            terms,
            // Who gives this figure: its clause's counter, else the sentence's.
            attribution: c.quantities[0].frame.counter.clone().or_else(|| c.attribution.clone()),
            hedged: c.hedged,
            refine: refine_of(text, c, lang),
        });
        self.figures.entry(measure).or_default().push(id);
        if let Some(k) = value_key(&c.quantities[0], &figure) {
            self.by_value.entry(k).or_default().push(id);
        }
        // Under its base key for the claims of a variant, and the other way.
        self.others.entry(base).or_default().push(id);
    }

    /// Sources sharing most of their shingles with `sh`: (source, share of
    /// the smaller document's shingles in common).
    pub fn near_duplicates(&self, sh: &[u64], threshold: f64) -> Vec<(u32, f64)> {
        if sh.is_empty() {
            return Vec::new();
        }
        let mut shared: HashMap<u32, usize> = HashMap::new();
        for h in sh {
            if let Some(p) = self.shingle_postings.get(h) {
                // A shingle held by very many sources is boilerplate.
                if p.len() > 1000 {
                    continue;
                }
                for &s in p {
                    *shared.entry(s).or_default() += 1;
                }
            }
        }
        let mut out: Vec<(u32, f64)> = shared
            .into_iter()
            .filter(|&(s, _)| !self.is_removed(s))
            .map(|(s, n)| {
                let other = self.shingles.get(s as usize).map_or(0, Vec::len);
                (s, n as f64 / sh.len().min(other).max(1) as f64)
            })
            .filter(|&(_, r)| r >= threshold)
            .collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        out
    }
}

/// A check's view of the index: names and aliases the article adds, kept
/// apart so that checking leaves the index unchanged.
pub struct Overlay<'a> {
    pub index: &'a Index,
    names: HashMap<String, u32>,
    parent: HashMap<u32, u32>,
}

impl<'a> Overlay<'a> {
    pub fn new(index: &'a Index) -> Self {
        Overlay { index, names: HashMap::new(), parent: HashMap::new() }
    }

    pub fn name_id(&mut self, name: &str) -> u32 {
        if let Some(id) = self.index.names.get(name) {
            return id;
        }
        let next = (self.index.names.ids.len() + self.names.len()) as u32;
        *self.names.entry(name.to_string()).or_insert(next)
    }

    /// Canonical id after the index's aliases and the article's. Links
    /// always point to a smaller id, so the walk ends.
    pub fn find(&self, mut id: u32) -> u32 {
        // Most articles declare no alias: the index alone answers.
        if self.parent.is_empty() {
            return self.index.find(id);
        }
        loop {
            let next = match self.parent.get(&id) {
                Some(&p) => p,
                None => {
                    let r = self.index.find(id);
                    if r == id {
                        return id;
                    }
                    r
                }
            };
            id = next;
        }
    }

    pub fn union(&mut self, a: &str, b: &str) {
        let (a, b) = (self.name_id(a), self.name_id(b));
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (keep, drop) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent.insert(drop, keep);
        }
    }

    pub fn entity_ids(&mut self, entities: &[&EntityMention]) -> Vec<(u32, EntityKind)> {
        let mut v: Vec<(u32, EntityKind)> = entities.iter().map(|e| (self.name_id(&e.canonical), EntityKind::of(e.kind))).collect();
        v.sort();
        v.dedup();
        v
    }

    /// Known content-word stems of a span (unknown ones cannot match).
    pub fn term_ids(&self, text: &str, span: [usize; 2], lang: Lang) -> Vec<u32> {
        let mut out: Vec<u32> = content_words(text, span)
            .iter()
            .filter_map(|w| self.index.stems[lang as usize].get(&**w).copied().or_else(|| self.index.terms.get(&stem(w, lang))))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The years of a claim's time references ("2025", "2024-12-24"); dates
/// without a year ("--02-11") give none.
pub fn years_of(time: &[String]) -> Vec<u16> {
    let mut v: Vec<u16> = time.iter().filter_map(|t| t.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?.parse().ok()).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// What narrows the measure of a claim's figure.
pub fn refine_of(text: &str, c: &Claim, lang: Lang) -> Vec<&'static str> {
    match c.quantities[0].measure_span {
        Some(noun) => crate::measure::refinements(text, noun, c.sentence_span, lang),
        None => Vec::new(),
    }
}

/// Content words of a span, folded: words of four letters or more
/// that are not function words.
pub fn content_words(text: &str, span: [usize; 2]) -> Vec<Cow<'_, str>> {
    let markers = lexicon::lang_markers();
    let mut out = Vec::new();
    let mut pos = span[0];
    while let Some(t) = next(text, pos).filter(|t| t.end <= span[1]) {
        pos = t.end;
        if t.kind != TokKind::Word || t.text.chars().count() < 4 {
            continue;
        }
        let folded = fold(t.text);
        if markers.contains_key(&*folded) {
            continue;
        }
        out.push(folded);
    }
    out
}

/// Base measure keys named in a span, outside the `taken` spans.
pub fn measure_nouns(text: &str, span: [usize; 2], lang: Lang, taken: &[[usize; 2]]) -> Vec<String> {
    let table = lexicon::measures().get(lang);
    let mut keys: Vec<String> = Vec::new();
    let mut pos = span[0];
    while let Some(t) = next(text, pos).filter(|t| t.end <= span[1]) {
        pos = t.end;
        if t.kind != TokKind::Word {
            continue;
        }
        for p in table.starting_with(&fold(t.text)) {
            if !matches!(p.value.1, MeasureClass::Thing | MeasureClass::Person | MeasureClass::Casualty) {
                continue;
            }
            if let Some(end) = match_after(text, t.start, &p.tokens).filter(|&e| e <= span[1]) {
                let inside = taken.iter().any(|r| t.start < r[1] && r[0] < end);
                if !inside && !keys.iter().any(|k| k == p.value.0) {
                    keys.push(p.value.0.to_string());
                }
                pos = end;
                break;
            }
        }
    }
    keys
}

/// Sampled hashes of the word 5-grams of a text (one in four kept, by
/// hash value, so two copies keep the same samples).
pub fn shingles(text: &str) -> Vec<u64> {
    let words: Vec<u64> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| fnv1a(&fold(w))).collect();
    let mut out: Vec<u64> = words
        .windows(5)
        .map(|w| w.iter().fold(0u64, |h, &x| h.rotate_left(13) ^ x).wrapping_mul(0x9e37_79b9_7f4a_7c15))
        .filter(|h| h % 4 == 0)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}
