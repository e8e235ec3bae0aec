//! Any UTF-8 text: no panic, and claims are in order, inside their
//! sentence, never overlapping, with spans that describe the text.

#![no_main]

use libfuzzer_sys::fuzz_target;
use recoupe::report::Lang;
use recoupe::Options;

fuzz_target!(|text: &str| {
    for lang in [None, Some(Lang::Fr), Some(Lang::En)] {
        let extraction = recoupe::extract(text, &Options { lang, ..Options::default() });
        let mut prev_end = 0;
        for c in &extraction.claims {
            let [a, b] = c.span;
            let [sa, sb] = c.sentence_span;
            assert!(prev_end <= a && a <= b, "claims overlap or are reversed: {:?} after {prev_end}", c.span);
            prev_end = b;
            assert!(sa <= a && b <= sb, "claim {:?} outside its sentence {:?}", c.span, c.sentence_span);
            assert_eq!(text.get(a..b), Some(c.text.as_str()), "claim span {:?}", c.span);
            assert!(text.get(sa..sb).is_some(), "sentence span {:?}", c.sentence_span);
            assert_eq!(c.span_utf16, [utf16_len(&text[..a]), utf16_len(&text[..b])], "UTF-16 span of claim {:?}", c.text);
            assert_eq!(c.sentence_span_utf16, [utf16_len(&text[..sa]), utf16_len(&text[..sb])], "UTF-16 sentence span");
            for q in &c.quantities {
                let [qa, qb] = q.span;
                assert!(sa <= qa && qb <= sb, "figure {:?} outside the sentence {:?}", q.span, c.sentence_span);
                assert_eq!(text.get(qa..qb), Some(q.surface.as_str()), "figure span {:?}", q.span);
                assert!(q.value.is_finite(), "{:?}: value {}", q.surface, q.value);
                assert!(q.low.is_none_or(|l| l <= q.value) && q.high.is_none_or(|h| q.value <= h), "{:?}: interval", q.surface);
            }
            for e in &c.entities {
                assert_eq!(text.get(e.span[0]..e.span[1]), Some(e.surface.as_str()), "entity span {:?}", e.span);
            }
        }
    }
});

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}
