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
//! assert_eq!(report.quantities[0].low, Some(9900.0));
//! assert_eq!(report.quantities[1].unit.as_deref(), Some("EUR"));
//! ```

pub mod lexicon;
pub mod numbers;
pub mod report;
pub mod text;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use numbers::NumberOptions;
use report::{Lang, NumbersReport, Quantity};
use text::offsets::Utf16Index;

/// Options shared by every entry point.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Options {
    /// The document's language; `None` detects it.
    pub lang: Option<Lang>,
    pub numbers: NumberOptions,
}

/// Every number and quantity mention of `text`.
pub fn numbers(text: &str, opts: &Options) -> NumbersReport {
    let lang = opts.lang.unwrap_or_else(|| text::lang::detect(text));
    let idx = Utf16Index::new(text);
    let quantities = numbers::scan(text, lang, &opts.numbers).into_iter().map(|m| quantity(text, &idx, &m, None)).collect();
    NumbersReport { lang, quantities }
}

/// The public form of a mention.
fn quantity(text: &str, idx: &Utf16Index, m: &numbers::Mention, measure: Option<(&str, &str)>) -> Quantity {
    let span = [m.start, m.end];
    Quantity {
        surface: text[m.start..m.end].to_string(),
        span,
        span_utf16: idx.span(span),
        value: m.value,
        low: m.low,
        high: m.high,
        qualifier: m.qualifier,
        kind: m.kind,
        unit: m.unit.map(str::to_string),
        measure: measure.map(|(k, _)| k.to_string()),
        measure_surface: measure.map(|(_, s)| s.to_string()),
        qualifier_surface: m.qualifier_start.map(|s| text[s..m.start].trim_end().to_string()),
        date: m.date.clone(),
    }
}
