//! recoupe pulls the checkable claims out of a news article (figures,
//! quantities, dates, who said them) and reconciles them against other
//! sources.
//!
//! The pipeline runs one way, each stage a module that knows only the
//! stages below it:
//!
//! - [`text`]: character classes, sentences, language, UTF-16 offsets;
//! - [`lexicon`]: the data tables (number words, units, qualifiers, ...);
//! - [`numbers`]: figures with their value, interval, kind and unit;
//! - [`measure`], [`entities`], [`attribution`]: what a figure counts,
//!   the names around it, who says it;
//! - [`frame`]: each figure's frame (what, whose, aspect, when, where);
//! - [`claims`]: one checkable statement per figure;
//! - [`reconcile`]: claims against sources, with verdicts and evidence;
//! - [`report`]: the public data model, shared by the CLI and the JS API.
//!
//! ```
//! let report = recoupe::numbers("Environ 11 000 soldats et 2,5 milliards d’euros.", &recoupe::Options::default());
//! assert_eq!(report.quantities[0].value, 11000.0);
//! assert_eq!(report.quantities[0].low, Some(10450.0));
//! assert_eq!(report.quantities[1].unit.as_deref(), Some("EUR"));
//! ```

pub mod attribution;
pub mod claims;
pub mod entities;
pub mod frame;
pub mod lexicon;
pub mod measure;
pub mod numbers;
pub mod reconcile;
pub mod report;
#[cfg(all(feature = "html", not(target_arch = "wasm32")))]
pub mod sources;
pub mod text;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use numbers::NumberOptions;
use report::{Extraction, Lang, NumbersReport};

/// Options shared by every entry point.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Options {
    /// The document's language; `None` detects it.
    pub lang: Option<Lang>,
    pub numbers: NumberOptions,
    /// The document's date, which relative periods ("lundi", "l'an
    /// dernier") and "as of" dates are read against; `None` reads it from
    /// a dateline, else leaves it unknown.
    pub date: Option<frame::period::Ymd>,
}

/// Every number and quantity mention of `text`, with what it measures.
pub fn numbers(text: &str, opts: &Options) -> NumbersReport {
    let (lang, quantities) = claims::quantities(text, opts);
    NumbersReport { lang, quantities }
}

/// The checkable claims of `text`.
pub fn extract(text: &str, opts: &Options) -> Extraction {
    claims::extract(text, opts).extraction
}
