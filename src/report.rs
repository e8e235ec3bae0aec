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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
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
    /// An order of magnitude, not a figure ("hundreds", "des dizaines de
    /// milliers"): `low`/`high` say what the wording allows, and it is
    /// never corroborated or contradicted.
    Vague,
}

/// What kind of thing a number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
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
    /// A share of a whole written as a fraction: "la moitié des obus", "un
    /// tiers des électeurs", "two-thirds of the seats", "1 sur 10", "3/4".
    /// `value` is the fraction (0.5); it compares with percentages of the
    /// same whole.
    Fraction,
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
    /// Offsets of `measure_surface`, UTF-8 bytes and UTF-16 units.
    pub measure_span: Option<Span>,
    pub measure_span_utf16: Option<Span>,
    /// The qualifier phrase before the figure ("environ", "at least").
    pub qualifier_surface: Option<String>,
    /// ISO 8601 form of a date ("2024-12-24", "--02-11" without a year).
    pub date: Option<String>,
    /// What the figure is about: measure, population, aspect, period,
    /// place, who gives it. Two figures are compared only when their frames
    /// agree.
    pub frame: Frame,
}

/// What a figure says of its measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Aspect {
    /// A level or a stock ("s'établit à 7,3 %", "stands at").
    #[default]
    Level,
    /// A change ("a progressé de 0,4 %", "rose 12%", "+0,2 point").
    Change,
    /// A rate per period ("10 000 obus par jour"): `Frame::per` says which.
    Rate,
    /// One part of a larger whole ("dont 120", "including").
    Part,
    /// A single sighting, not a total ("seven guns on one train").
    Sighting,
}

impl Aspect {
    /// The name the data model gives it ("level", "change", ...).
    pub fn name(self) -> &'static str {
        match self {
            Aspect::Level => "level",
            Aspect::Change => "change",
            Aspect::Rate => "rate",
            Aspect::Part => "part",
            Aspect::Sighting => "sighting",
        }
    }
}

/// The frame of a figure.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
pub struct Frame {
    /// The measure as a language-independent concept ("unemployment",
    /// "killed"), as in `Quantity::measure`.
    pub what: Option<String>,
    /// The concept's domain ("economy", "elections", "disaster").
    pub domain: Option<String>,
    /// The population counted ("soldier" in "300 soldats tués") and the
    /// names the figure belongs to ("North Korea", a party).
    pub whose: Vec<String>,
    pub aspect: Aspect,
    /// For a change, what it is measured against: "year", "quarter",
    /// "month" ("sur un an"), or "rate" for the change of a rate.
    pub basis: Option<String>,
    /// For a rate, its period: "day", "week", "month", "year".
    pub per: Option<String>,
    /// When the figure holds.
    pub period: Option<PeriodInfo>,
    /// Places named in the figure's clause (canonical names).
    pub place: Vec<String>,
    /// What narrows who or where ("age_15_24", "metropolitan").
    pub restrictions: Vec<String>,
    /// Who gives the figure, read in its own clause first ("CGT").
    pub counter: Option<String>,
    /// Not an outcome: "forecast" ("the exit poll projects", "prévoit"),
    /// "target" ("the 2% target"), "proposal" ("two members wanted 5.5%").
    pub modality: Option<String>,
    /// An earlier value the sentence measures against ("up from 180
    /// earlier on Tuesday", "contre 7,4 %"): not the figure the sentence
    /// reports now.
    pub earlier: bool,
    /// The period as the checker compares it.
    #[serde(skip)]
    pub period_key: Option<crate::frame::period::Period>,
    /// Names in the figure's clause and in its sentence (folded canonical
    /// forms), who gives it left out: what the figure is specifically about.
    #[serde(skip)]
    pub anchors: [Vec<String>; 2],
    /// Names between the figure and its noun: a type of the thing counted
    /// ("120 Koksan guns", "150 KN-23 missiles").
    #[serde(skip)]
    pub types: Vec<String>,
    /// `counter` folded, without determiners or punctuation, to compare.
    #[serde(skip)]
    pub counter_key: String,
}

impl Frame {
    /// One line naming the frame ("unemployment · level · T2 2024 · Insee"),
    /// for text reports.
    pub fn describe(&self) -> String {
        let mut bits: Vec<String> = Vec::new();
        bits.extend(self.what.clone());
        bits.extend(self.whose.iter().filter(|w| Some(*w) != self.what.as_ref()).cloned());
        let aspect = self.aspect.name();
        bits.push(match (&self.per, &self.basis) {
            (Some(p), _) => format!("{aspect}/{p}"),
            (None, Some(b)) => format!("{aspect} ({b})"),
            _ => aspect.to_string(),
        });
        bits.extend(self.modality.clone());
        bits.extend(self.period.as_ref().map(|p| p.label.clone()));
        bits.extend(self.place.iter().cloned());
        bits.extend(self.restrictions.iter().cloned());
        bits.extend(self.counter.as_ref().map(|c| format!("by {c}")));
        bits.join(" · ")
    }
}

/// When a figure holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
pub struct PeriodInfo {
    /// How a reader names it: "T2 2024", "Q3 2024", "sept. 2024".
    pub label: String,
    /// year | half | quarter | month | day | relative
    pub grain: String,
    /// First and last day (ISO 8601), when the year is known.
    pub start: Option<String>,
    pub end: Option<String>,
    /// Not stated: the document's date, read as "as of".
    pub from_document: bool,
    /// A running total up to that date ("depuis le début de la guerre").
    pub to_date: bool,
}

/// A newer figure for the same frame than the claim's.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
pub struct Newer {
    pub source_id: String,
    /// The figure as the source writes it, qualifier included.
    pub figure: String,
    pub value: f64,
    /// When it holds ("13 sept. 2023").
    pub period: Option<String>,
    pub attribution: Option<String>,
    /// One line for the reader ("chiffre dépassé : 2 946 au 13 sept. 2023, selon …").
    pub explanation: String,
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
    /// Dates and years of the sentence ("2025", "2024-12-24"), the first
    /// eight.
    pub time: Vec<String>,
    /// The whole sentence holding the claim.
    pub sentence_span: Span,
    pub sentence_span_utf16: Span,
    /// Set by a check: what the sources say of the claim.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// Set by a check: the source sentences behind the verdict.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Vec<Evidence>>,
    /// Set by a check: a one-line summary of the verdict for a reader.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    /// Set by a check: a newer figure for the same frame (a toll that grew).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub newer: Option<Newer>,
}

/// What the sources say of a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The matching sources agree with the figure.
    Corroborated,
    /// The matching sources disagree with the figure.
    Contradicted,
    /// Some matching sources agree, some disagree.
    Disputed,
    /// Sources discuss the measure without a comparable figure: another
    /// period, population, place or aspect, or a frame left unclear.
    Related,
    /// Nothing comparable.
    Unverified,
}

/// How one source sentence bears on a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Corroborates,
    Contradicts,
    Related,
}

/// One source sentence bearing on a claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
pub struct Evidence {
    pub source_id: String,
    /// The source's sentence.
    pub sentence: String,
    /// Offsets of the sentence in the source's text.
    pub span: Span,
    pub span_utf16: Span,
    /// The source's figure, when it gives one.
    pub quantity: Option<Quantity>,
    pub relation: Relation,
    /// One line a reader understands ("12 000 vs environ 11 000 (−8 %), selon NIS").
    pub explanation: String,
    /// Who the source says said it.
    pub attribution: Option<String>,
    pub hedged: bool,
    /// Content-word similarity of the two sentences, in [0, 1].
    pub similarity: f64,
}

/// A source as the checker sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
pub struct SourceInfo {
    pub id: String,
    pub lang: Lang,
    pub title: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    /// The source repeats another document (the article, or an earlier
    /// source): it is not independent corroboration.
    pub copy_of: Option<String>,
}

/// Every figure given for one measure across the article and the sources.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
pub struct Discrepancy {
    pub measure: String,
    pub rows: Vec<DiscrepancyRow>,
}

/// One figure of a discrepancy table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
pub struct DiscrepancyRow {
    /// "article", or a source id.
    pub document: String,
    pub surface: String,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    pub unit: Option<String>,
    pub attribution: Option<String>,
    pub hedged: bool,
    /// The source's publication date, else the sentence's dates.
    pub date: Option<String>,
    pub sentence: String,
    /// Whose and where the figure is ("North Korea · Kursk"), from its
    /// frame: figures of one series may be drawn as one line, figures of
    /// different series not. `None` when the frame names neither.
    pub series: Option<String>,
}

/// Output of a check: the article's claims with verdicts and evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckReport {
    pub lang: Lang,
    pub claims: Vec<Claim>,
    pub sources: Vec<SourceInfo>,
    pub discrepancies: Vec<Discrepancy>,
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
