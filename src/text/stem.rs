//! Stems of content words, for matching nouns across inflections.
//!
//! Snowball stemmers for French and English; the word is folded first
//! (case, accents), so "Soldats" and "soldat" share the stem `soldat`.

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use crate::report::Lang;
use crate::text::chars::fold;

fn stemmer(lang: Lang) -> &'static Stemmer {
    static FR: OnceLock<Stemmer> = OnceLock::new();
    static EN: OnceLock<Stemmer> = OnceLock::new();
    match lang {
        Lang::Fr => FR.get_or_init(|| Stemmer::create(Algorithm::French)),
        Lang::En => EN.get_or_init(|| Stemmer::create(Algorithm::English)),
    }
}

/// The stem of one word, folded.
pub fn stem(word: &str, lang: Lang) -> String {
    let folded = fold(word);
    stemmer(lang).stem(&folded).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_share_a_stem() {
        assert_eq!(stem("Soldats", Lang::Fr), stem("soldat", Lang::Fr));
        assert_eq!(stem("manifestants", Lang::Fr), stem("manifestant", Lang::Fr));
        assert_eq!(stem("troops", Lang::En), stem("troop", Lang::En));
    }
}
