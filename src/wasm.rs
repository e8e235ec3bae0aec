//! The JavaScript boundary (wasm32 only).
//!
//! JS values in, plain objects out (camelCase fields, see `report`), a JS
//! `Error` on failure. Offsets come in both units: `span` in UTF-8 bytes,
//! `spanUtf16` in UTF-16 code units for indexing JS strings. Strings from
//! JS may hold lone surrogates; they arrive replaced by U+FFFD, which keeps
//! the UTF-16 length, so offsets still index the caller's string.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::report::Lang;
use crate::Options;

/// The message of the last panic. A panic aborts the wasm instance (the
/// build uses `panic = "abort"`, the only strategy wasm32 has without
/// exception handling); the JS wrapper reads this message from the dead
/// instance to throw a useful Error, then loads a fresh instance.
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        let msg = format!("recoupe: internal error: {info}");
        web_sys::console::error_1(&JsValue::from_str(&msg));
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some(msg);
        }
    }));
}

/// The message of the panic that stopped this instance, if any.
#[wasm_bindgen(js_name = lastPanic)]
pub fn last_panic() -> Option<String> {
    LAST_PANIC.lock().ok().and_then(|m| m.clone())
}

/// Set by `__panicForTests("check")`: the next `Checker.check` panics.
static PANIC_IN_CHECK: AtomicBool = AtomicBool::new(false);

/// Panics on purpose, so tests can prove a panic is reported and the
/// module recovers: now, or (`"check"`) in the next `Checker.check`. Not
/// part of the documented API.
#[wasm_bindgen(js_name = __panicForTests)]
pub fn panic_for_tests(when: &str) {
    if when == "check" {
        PANIC_IN_CHECK.store(true, Ordering::SeqCst);
        return;
    }
    panic!("deliberate panic for tests");
}

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

fn string_field(obj: &JsValue, key: &str) -> Result<Option<String>, JsError> {
    let v = js_sys::Reflect::get(obj, &key.into()).unwrap_or(JsValue::UNDEFINED);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_string().map(Some).ok_or_else(|| JsError::new(&format!("recoupe: source.{key} must be a string")))
}

/// Reads `{id, text, title?, url?, date?, lang?}`.
fn source(value: &JsValue) -> Result<crate::reconcile::Source, JsError> {
    if !value.is_object() {
        return Err(JsError::new("recoupe: a source must be an object {id, text, title?, url?, date?, lang?}"));
    }
    let text = string_field(value, "text")?.ok_or_else(|| JsError::new("recoupe: source.text must be a string"))?;
    let id = string_field(value, "id")?.ok_or_else(|| JsError::new("recoupe: source.id must be a non-empty string"))?;
    let lang = match string_field(value, "lang")?.as_deref() {
        None | Some("auto") => None,
        Some("fr") => Some(Lang::Fr),
        Some("en") => Some(Lang::En),
        Some(other) => return Err(JsError::new(&format!("recoupe: source.lang must be \"fr\", \"en\" or \"auto\", not {other:?}"))),
    };
    Ok(crate::reconcile::Source {
        id,
        text,
        title: string_field(value, "title")?,
        url: string_field(value, "url")?,
        date: string_field(value, "date")?,
        lang,
    })
}

/// Sources indexed once, checked against many articles. Call `free()`
/// (or rely on `using` / the finalizer) when done.
#[wasm_bindgen]
pub struct Checker {
    inner: crate::reconcile::Checker,
}

#[wasm_bindgen]
impl Checker {
    /// `options`: `{lang?, approxTolerance?, maxEvidence?}`.
    #[wasm_bindgen(constructor)]
    pub fn new(options_value: JsValue) -> Result<Checker, JsError> {
        let extract = options(&options_value)?;
        let mut opts = crate::reconcile::CheckOptions { extract, ..Default::default() };
        if options_value.is_object() {
            let max = js_sys::Reflect::get(&options_value, &"maxEvidence".into()).unwrap_or(JsValue::UNDEFINED);
            if !max.is_undefined() {
                match max.as_f64() {
                    Some(n) if n >= 0.0 && n.fract() == 0.0 => opts.max_evidence = n as usize,
                    _ => return Err(JsError::new("recoupe: options.maxEvidence must be a whole number")),
                }
            }
        }
        Ok(Checker { inner: crate::reconcile::Checker::new(opts) })
    }

    /// Extracts and indexes a source; returns its `SourceInfo`.
    #[wasm_bindgen(js_name = addSource)]
    pub fn add_source(&mut self, source_value: JsValue) -> Result<JsValue, JsError> {
        let info = self.inner.add_source(source(&source_value)?).map_err(|e| JsError::new(&format!("recoupe: {e}")))?;
        to_js(&info)
    }

    /// Removes a source by id; `false` when there was none.
    #[wasm_bindgen(js_name = removeSource)]
    pub fn remove_source(&mut self, id: &str) -> bool {
        self.inner.remove_source(id)
    }

    /// The loaded sources.
    pub fn sources(&self) -> Result<JsValue, JsError> {
        to_js(&self.inner.sources())
    }

    /// Checks an article published on `date` (ISO 8601, or none): its
    /// claims with verdicts and evidence.
    pub fn check(&self, article: &str, date: Option<String>) -> Result<JsValue, JsError> {
        if PANIC_IN_CHECK.swap(false, Ordering::SeqCst) {
            panic!("deliberate panic in check for tests");
        }
        to_js(&self.inner.check_dated(article, date.as_deref()))
    }
}
