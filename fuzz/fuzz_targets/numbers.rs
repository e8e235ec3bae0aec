//! Any UTF-8 text: no panic, and every figure's span describes the text.

#![no_main]

use libfuzzer_sys::fuzz_target;
use recoupe::report::Lang;
use recoupe::Options;

fuzz_target!(|text: &str| {
    for lang in [None, Some(Lang::Fr), Some(Lang::En)] {
        let report = recoupe::numbers(text, &Options { lang, ..Options::default() });
        let mut prev_end = 0;
        for q in &report.quantities {
            let [a, b] = q.span;
            assert!(prev_end <= a && a < b, "quantities overlap or are empty: {:?} after {prev_end}", q.span);
            prev_end = b;
            assert_eq!(text.get(a..b), Some(q.surface.as_str()), "span {:?}", q.span);
            assert_eq!(q.span_utf16, [utf16_len(&text[..a]), utf16_len(&text[..b])], "UTF-16 span of {:?}", q.surface);
            assert!(q.value.is_finite(), "{:?}: value {}", q.surface, q.value);
            assert!(q.low.is_none_or(|l| l.is_finite() && l <= q.value), "{:?}: low {:?} value {}", q.surface, q.low, q.value);
            assert!(q.high.is_none_or(|h| h.is_finite() && q.value <= h), "{:?}: high {:?} value {}", q.surface, q.high, q.value);
        }
    }
});

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}
