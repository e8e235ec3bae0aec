//! The JavaScript boundary (wasm32 only).
//!
//! JS values in, plain objects out (camelCase fields, see `report`), a JS
//! `Error` on failure. Offsets come in both units: `span` in UTF-8 bytes,
//! `spanUtf16` in UTF-16 code units for indexing JS strings. Strings from
//! JS may hold lone surrogates; they arrive replaced by U+FFFD, which keeps
//! the UTF-16 length, so offsets still index the caller's string.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::report::Lang;
use crate::Options;

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&ser).map_err(|e| JsError::new(&format!("recoupe: cannot build the result: {e}")))
}

/// Reads `{lang?: "auto"|"fr"|"en", approxTolerance?: number}`.
fn options(value: &JsValue) -> Result<Options, JsError> {
    let mut opts = Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(opts);
    }
    if !value.is_object() {
        return Err(JsError::new("recoupe: options must be an object"));
    }
    let lang = js_sys::Reflect::get(value, &"lang".into()).unwrap_or(JsValue::UNDEFINED);
    opts.lang = match lang.as_string().as_deref() {
        None if lang.is_undefined() || lang.is_null() => None,
        Some("auto") => None,
        Some("fr") => Some(Lang::Fr),
        Some("en") => Some(Lang::En),
        _ => return Err(JsError::new("recoupe: options.lang must be \"auto\", \"fr\" or \"en\"")),
    };
    let tol = js_sys::Reflect::get(value, &"approxTolerance".into()).unwrap_or(JsValue::UNDEFINED);
    if !tol.is_undefined() {
        match tol.as_f64() {
            Some(t) if (0.0..1.0).contains(&t) => opts.numbers.approx_tolerance = t,
            _ => return Err(JsError::new("recoupe: options.approxTolerance must be a number in [0, 1)")),
        }
    }
    Ok(opts)
}

/// Every number and quantity mention of `text`.
#[wasm_bindgen]
pub fn numbers(text: &str, options_value: JsValue) -> Result<JsValue, JsError> {
    let opts = options(&options_value)?;
    to_js(&crate::numbers(text, &opts))
}

/// The checkable claims of `text`.
#[wasm_bindgen]
pub fn extract(text: &str, options_value: JsValue) -> Result<JsValue, JsError> {
    let opts = options(&options_value)?;
    to_js(&crate::extract(text, &opts))
}
