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
pub mod lexicon;
pub mod measure;
pub mod numbers;
pub mod reconcile;
pub mod report;
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
