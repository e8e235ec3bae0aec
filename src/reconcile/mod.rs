//! Reconciliation: an article's claims against a set of sources.
//!
//! A [`Checker`] indexes sources once (`index`) and checks any number of
//! articles against them. For each claim of an article it gathers the
//! statements under the claim's measure, decides which are about the
//! same thing (`matching`), compares their figures (`compare`), and
//! settles a verdict with its evidence (`verdict`); the report also holds
//! the per-measure discrepancy table (`discrepancies`).
//!
//! Copies are not corroboration: a source sharing most of its text with
//! the article is the same report, and a source sharing most of its text
//! with an earlier source counts as that source.
//!
//! Invariants: checking does not change the index; a removed source never
//! appears in a report; the verdict counts each independent source once.

pub mod compare;
pub mod discrepancies;
pub mod index;
pub mod matching;
pub mod verdict;

use std::collections::HashMap;
use std::fmt;

use crate::claims::{self, Document};
use crate::report::{CheckReport, Lang, SourceInfo};
use crate::text::offsets::Utf16Index;
use crate::text::segment;
use crate::Options;
use index::{base_key, shingles, Index, Overlay};
use verdict::{ClaimView, SourceView};

/// A source to check against.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Source {
    pub id: String,
    pub text: String,
    pub title: Option<String>,
    pub url: Option<String>,
    /// Publication date as given ("2024-12-24").
    pub date: Option<String>,
    /// `None` detects the language.
    pub lang: Option<Lang>,
}

/// Options of a checker.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CheckOptions {
    /// Extraction options; `lang` applies to articles (sources carry their
    /// own), and `numbers.approx_tolerance` sets how far an approximate
    /// figure reaches.
    pub extract: Options,
    /// Share of sampled 5-word shingles two documents must have in common
    /// to be the same report.
    pub copy_threshold: f64,
    /// Evidence items kept per claim (the verdict counts them all).
    pub max_evidence: usize,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions { extract: Options::default(), copy_threshold: 0.7, max_evidence: 12 }
    }
}

/// Why a source was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    EmptyId,
    DuplicateId(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::EmptyId => write!(f, "a source needs a non-empty id"),
            Error::DuplicateId(id) => write!(f, "a source with id {id:?} is already loaded (remove it first)"),
        }
    }
}

impl std::error::Error for Error {}

struct Stored {
    info: SourceInfo,
    text: String,
    utf16: Utf16Index,
    copy_of: Option<u32>,
    removed: bool,
}

/// Sources indexed once, checked against many articles.
pub struct Checker {
    opts: CheckOptions,
    index: Index,
    sources: Vec<Stored>,
    by_id: HashMap<String, u32>,
    /// Display name of each canonical entity id.
    names: HashMap<u32, String>,
}

impl Checker {
    pub fn new(opts: CheckOptions) -> Self {
        Checker { opts, index: Index::default(), sources: Vec::new(), by_id: HashMap::new(), names: HashMap::new() }
    }

    /// Number of sources loaded.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// Extracts and indexes a source.
    pub fn add_source(&mut self, source: Source) -> Result<SourceInfo, Error> {
        let id = source.id.trim().to_string();
        if id.is_empty() {
            return Err(Error::EmptyId);
        }
        if self.by_id.contains_key(&id) {
            return Err(Error::DuplicateId(id));
        }
        let number = self.sources.len() as u32;
        let mut opts = self.opts.extract;
        opts.lang = source.lang;
        opts.date = source.date.as_deref().and_then(crate::frame::period::Ymd::parse);
        let doc: Document = claims::extract(&source.text, &opts);
        let sentences = segment::sentences(&source.text);
        let copy_of = self.index.near_duplicates(&shingles(&source.text), self.opts.copy_threshold).first().map(|&(s, _)| s);
        self.index.add(number, &source.text, &doc, &sentences);
        for e in &doc.entities.mentions {
            if let Some(id) = self.index.names.get(&e.canonical) {
                self.names.entry(id).or_insert_with(|| e.canonical.clone());
            }
        }
        let info = SourceInfo {
            id: id.clone(),
            lang: doc.extraction.lang,
            title: source.title,
            url: source.url,
            // The date given, else the one its dateline states.
            date: source.date.or_else(|| doc.date.map(|d| d.iso())),
            copy_of: copy_of.map(|s| self.sources[s as usize].info.id.clone()),
        };
        self.sources.push(Stored { info: info.clone(), utf16: Utf16Index::new(&source.text), text: source.text, copy_of, removed: false });
        self.by_id.insert(id, number);
        Ok(info)
    }

    /// Removes a source; `false` when no source has that id.
    pub fn remove_source(&mut self, id: &str) -> bool {
        let Some(n) = self.by_id.remove(id.trim()) else { return false };
        self.sources[n as usize].removed = true;
        self.sources[n as usize].text = String::new();
        self.sources[n as usize].utf16 = Utf16Index::new("");
        if self.index.removed.len() <= n as usize {
            self.index.removed.resize(n as usize + 1, false);
        }
        self.index.removed[n as usize] = true;
        true
    }

    /// The loaded sources, in the order they were added.
    pub fn sources(&self) -> Vec<SourceInfo> {
        self.sources.iter().filter(|s| !s.removed).map(|s| s.info.clone()).collect()
    }

    /// Checks an article against the sources.
    pub fn check(&self, article: &str) -> CheckReport {
        self.check_dated(article, None)
    }

    /// Checks an article published on `date` ("2024-09-10"; `None` reads
    /// its dateline, else leaves it unknown).
    pub fn check_dated<'a>(&'a self, article: &str, date: Option<&str>) -> CheckReport {
        let mut opts = self.opts.extract;
        if let Some(d) = date.and_then(crate::frame::period::Ymd::parse) {
            opts.date = Some(d);
        }
        let doc = claims::extract(article, &opts);
        let lang = doc.extraction.lang;
        // Aliases the article declares join those of the sources, on a copy
        // so that checking leaves the index as it was.
        let mut overlay = Overlay::new(&self.index);
        for (alias, canonical) in &doc.entities.declared {
            overlay.union(canonical, alias);
        }
        let index = &self.index;
        let copies_article: Vec<bool> = {
            let dup = self.index.near_duplicates(&shingles(article), self.opts.copy_threshold);
            let mut v = vec![false; self.sources.len()];
            for (s, _) in dup {
                v[s as usize] = true;
            }
            v
        };
        let views: Vec<SourceView<'_>> = self
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| SourceView {
                id: &s.info.id,
                text: &s.text,
                utf16: &s.utf16,
                copy_of: s.copy_of,
                copies_article: copies_article[i],
            })
            .collect();
        let mut names = verdict::Names { known: &self.names, local: HashMap::new() };
        // Places inside places, among the names the index and article know.
        let mut within: HashMap<u32, u32> = HashMap::new();
        for (place, parent) in crate::lexicon::places_within() {
            let (p, w) = (overlay.name_id(place), overlay.name_id(parent));
            within.insert(overlay.find(p), overlay.find(w));
        }
        let mut claims = doc.extraction.claims;
        for c in claims.iter_mut() {
            let q = &c.quantities[0];
            let Some(measure) = q.measure.clone() else {
                c.verdict = Some(crate::report::Verdict::Unverified);
                c.evidence = Some(Vec::new());
                c.explanation = Some(crate::lexicon::message(lang, "unverified").to_string());
                continue;
            };
            let ents: Vec<&crate::entities::EntityMention> =
                crate::entities::within(&doc.entities.mentions, c.sentence_span[0], c.sentence_span[1]).iter().collect();
            let entities = overlay.entity_ids(&ents);
            for e in &ents {
                let id = overlay.name_id(&e.canonical);
                names.local.entry(overlay.find(id)).or_insert_with(|| e.canonical.clone());
            }
            let terms = overlay.term_ids(article, c.sentence_span, lang);
            // The figures of this very measure, then the other statements under
            // its base key (mentions, and figures of its variants).
            let list = |key: &str, map: &'a HashMap<u32, Vec<u32>>| -> &'a [u32] {
                index.measures.get(key).and_then(|id| map.get(&id)).map_or(&[], Vec::as_slice)
            };
            let candidates = [list(&measure, &index.figures), list(base_key(&measure), &index.others)];
            let refine = index::refine_of(article, c, lang);
            let view = ClaimView { quantity: q, measure: &measure, entities, terms, refine };
            let tolerance = self.opts.extract.numbers.approx_tolerance;
            let (v, evidence, explanation, newer) =
                verdict::judge(&view, &overlay, &views, &candidates, tolerance, self.opts.max_evidence, lang, &names, &within);
            c.verdict = Some(v);
            c.evidence = Some(evidence);
            c.explanation = Some(explanation);
            c.newer = newer;
        }
        let discrepancies = discrepancies::tables(&claims, index, |s| {
            let st = self.sources.get(s as usize).filter(|x| !x.removed)?;
            Some((st.info.id.as_str(), st.text.as_str(), st.info.date.clone()))
        });
        CheckReport { lang, claims, sources: self.sources(), discrepancies }
    }
}
