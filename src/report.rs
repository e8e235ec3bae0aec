//! The public data model, shared by the CLI's JSON and the JS API.
//!
//! Field names are part of the public contract: the CLI prints them in
//! snake_case; the WebAssembly build renames them to camelCase
//! (`span_utf16` becomes `spanUtf16`) so JS code reads idiomatic objects.
//! Every span is half-open; `span` counts UTF-8 bytes of the input text and
//! `span_utf16` counts UTF-16 code units, the unit of JS string indices.
//! Unbounded interval ends (`high` of "at least 150") are `null`.

use serde::Serialize;

/// A half-open `[start, end)` range.
pub type Span = [usize; 2];

/// Language of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

/// How a figure relates to the true value it reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    Approx,
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    Range,
}

/// What kind of thing a number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Count,
    Percent,
    Measure,
    Money,
    Ordinal,
    Date,
    Year,
    Duration,
}

/// One number or quantity mention in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
pub struct Quantity {
    /// The text of the mention, qualifier and unit included.
    pub surface: String,
    /// UTF-8 byte offsets of `surface` in the input.
    pub span: Span,
    /// UTF-16 code-unit offsets of `surface` in the input.
    pub span_utf16: Span,
    /// The stated figure, in `unit` (a range gives its midpoint).
    pub value: f64,
    /// Lowest value compatible with the wording.
    pub low: Option<f64>,
    /// Highest value compatible with the wording.
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    pub kind: Kind,
    /// Normalized unit: "mm", "kg", "EUR", "USD", "year", ...; `None` for
    /// plain counts and percentages.
    pub unit: Option<String>,
    /// What the figure counts, as a language-independent key ("soldier").
    pub measure: Option<String>,
    /// The words the measure was read from ("soldats nord-coréens").
    pub measure_surface: Option<String>,
    /// The qualifier phrase before the figure ("environ", "at least").
    pub qualifier_surface: Option<String>,
    /// ISO 8601 form of a date ("2024-12-24", "--02-11" without a year).
    pub date: Option<String>,
}

/// A named thing mentioned in a claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
pub struct Entity {
    pub surface: String,
    pub span: Span,
    pub span_utf16: Span,
    /// Canonical name shared by all aliases ("North Korea").
    pub canonical: String,
    /// person, place, organisation, weapon.
    pub kind: String,
}

/// One checkable statement: the clause around one figure. A sentence with
/// figures about different things holds one claim per figure; their spans
/// split the sentence and never overlap.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
pub struct Claim {
    pub id: String,
    /// The clause of the claim.
    pub text: String,
    pub span: Span,
    pub span_utf16: Span,
    pub quantities: Vec<Quantity>,
    pub entities: Vec<Entity>,
    /// Who says it ("Kyrylo Budanov"), when the text says.
    pub attribution: Option<String>,
    /// Reported with hedging ("selon certaines informations", "aurait").
    pub hedged: bool,
    /// Check-worthiness in [0, 1].
    pub score: f64,
    /// Id of an earlier claim of the same document stating the same figure.
    pub restates: Option<String>,
    /// Dates and years of the sentence ("2025", "2024-12-24").
    pub time: Vec<String>,
    /// The whole sentence holding the claim.
    pub sentence_span: Span,
    pub sentence_span_utf16: Span,
}

/// Output of `recoupe numbers`: every number and quantity mention.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumbersReport {
    pub lang: Lang,
    pub quantities: Vec<Quantity>,
}

/// Output of `recoupe extract`: the claims of one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extraction {
    pub lang: Lang,
    pub claims: Vec<Claim>,
}
