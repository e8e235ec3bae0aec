//! Text plumbing every stage relies on: character classes, sentence and
//! paragraph segmentation, language detection and offset conversion.
//!
//! Invariant: nothing here rewrites the input. Stages work on the original
//! string and report byte offsets into it; "normalization" means classifying
//! characters (a no-break space is a space, a curly apostrophe is an
//! apostrophe), never copying text into another shape whose offsets differ.

pub mod chars;
pub mod lang;
pub mod offsets;
pub mod segment;
pub mod stem;
pub mod tokens;
pub mod words;
