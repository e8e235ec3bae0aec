//! Document language: French or English, by counting function words.
//!
//! The count uses the lexicon `lang_markers.txt`. Ties and texts without
//! any marker fall back to French, the language of the sample corpus; a
//! caller that knows better overrides the detection.

use crate::lexicon;
use crate::report::Lang;
use crate::text::chars::{fold, is_word_char};

/// Detects the language of `text` from its first 20,000 bytes (enough for
/// a verdict, and bounded on huge inputs).
pub fn detect(text: &str) -> Lang {
    let mut end = text.len().min(20_000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let markers = lexicon::lang_markers();
    let (mut fr, mut en) = (0usize, 0usize);
    for word in text[..end].split(|c: char| !is_word_char(c)) {
        if word.is_empty() || word.len() > 12 {
            continue;
        }
        match markers.get(fold(word).as_ref()) {
            Some(Lang::Fr) => fr += 1,
            Some(Lang::En) => en += 1,
            None => {}
        }
    }
    if en > fr {
        Lang::En
    } else {
        Lang::Fr
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_french_from_english() {
        assert_eq!(detect("Selon le ministère, les soldats sont arrivés."), Lang::Fr);
        assert_eq!(detect("According to the ministry, the troops were deployed."), Lang::En);
        assert_eq!(detect(""), Lang::Fr);
    }
}
