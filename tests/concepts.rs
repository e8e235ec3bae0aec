//! The concept lexicon against its examples, side by side with the data:
//! `tests/fixtures/concepts/{fr,en}.tsv` hold a news sentence, its figure,
//! the concept the figure measures and whether it is a level or a change.
//! Every row that the rules read right stays right (`ratchet.json`).

use std::fs;
use std::path::Path;

use recoupe::report::{Aspect, Lang};
use recoupe::{extract, Options};

fn run(lang: Lang, file: &str) -> (usize, usize, Vec<String>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/concepts").join(file);
    let data = fs::read_to_string(&path).unwrap();
    let (mut right, mut total, mut wrong) = (0, 0, Vec::new());
    for line in data.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (sentence, figure, key, aspect) = (cols[0], cols[1], cols[2], cols[3]);
        total += 1;
        let at = sentence.find(figure).unwrap_or_else(|| panic!("{file}: {figure:?} is not in {sentence:?}"));
        let claims = extract(sentence, &Options { lang: Some(lang), ..Options::default() }).claims;
        let q = claims.iter().map(|c| &c.quantities[0]).find(|q| q.span[0] < at + figure.len() && at < q.span[1]);
        let got = q.map(|q| (q.frame.what.clone().unwrap_or_default(), q.frame.aspect));
        let want_aspect = if aspect == "change" { Aspect::Change } else { Aspect::Level };
        let ok = got.as_ref().is_some_and(|(what, a)| {
            let base = what.split('.').next().unwrap_or(what);
            (what == key || base == key || what.replace('.', "_") == key)
                && (*a == want_aspect || want_aspect == Aspect::Level && *a != Aspect::Change)
        });
        if ok {
            right += 1;
        } else {
            wrong.push(format!("{sentence} [{figure}]: want {key}/{aspect}, got {got:?}"));
        }
    }
    (right, total, wrong)
}

#[test]
fn concept_examples_hold_the_ratchet() {
    let ratchet: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/concepts/ratchet.json")).unwrap(),
    )
    .unwrap();
    for (lang, file) in [(Lang::Fr, "fr.tsv"), (Lang::En, "en.tsv")] {
        let (right, total, wrong) = run(lang, file);
        println!("{file}: {right}/{total} examples read right");
        if std::env::var_os("RECOUPE_SHOW").is_some() {
            for w in &wrong {
                println!("  {w}");
            }
        }
        let floor = ratchet[file].as_u64().unwrap() as usize;
        assert!(right >= floor, "{file}: {right} examples right, the ratchet holds {floor}:\n{}", wrong.join("\n"));
    }
}
