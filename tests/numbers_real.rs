//! Figures as news writes them: `tests/fixtures/numbers/real.tsv`.
//!
//! Each row is a sentence in news register (French or English, written for
//! this set; the facts are plausible, not quoted), the figures a reader
//! takes from it and the look-alikes that must not be read as amounts.
//! Columns: `lang`, `sentence`, `figures`, `look-alikes`.
//! - figures: `value|unit|qualifier` separated by `;` (`-` for no unit;
//!   a range's value is written `low..high`;
//!   the qualifier as in the public model: exact, approx, at_least,
//!   more_than, at_most, less_than, range, vague). A figure is found when
//!   an amount (not a date, year or ordinal) has that value and unit; its
//!   qualifier is right when it matches too.
//! - look-alikes: surfaces separated by `;` (dates, years, decades,
//!   ordinals, designators, bullets): no amount may overlap their first
//!   occurrence in the sentence.
//!
//! The test prints figures found, qualifiers right and look-alikes
//! avoided (in %) and holds them to `tests/fixtures/numbers/ratchet.json`:
//! a change may raise them, never lower them.
//! `RECOUPE_SHOW=1 cargo test --test numbers_real -- --nocapture` lists
//! every miss.

use std::fs;

use recoupe::report::Lang;
use recoupe::Options;
use serde_json::Value;

const FIXTURE: &str = "tests/fixtures/numbers/real.tsv";
const RATCHET: &str = "tests/fixtures/numbers/ratchet.json";

/// An amount read from a sentence: (value, unit, qualifier, byte span,
/// low, high).
type Amount = (f64, String, String, (usize, usize), f64, f64);

fn amounts(text: &str, lang: Lang) -> Vec<Amount> {
    let opts = Options { lang: Some(lang), ..Options::default() };
    let report = serde_json::to_value(recoupe::numbers(text, &opts)).expect("the report serialises");
    let mut out = Vec::new();
    for q in report["quantities"].as_array().expect("quantities") {
        let kind = q["kind"].as_str().unwrap_or("");
        if matches!(kind, "date" | "year" | "ordinal") {
            continue;
        }
        let span = (q["span"][0].as_u64().unwrap_or(0) as usize, q["span"][1].as_u64().unwrap_or(0) as usize);
        out.push((
            q["value"].as_f64().unwrap_or(f64::NAN),
            q["unit"].as_str().unwrap_or("-").to_string(),
            q["qualifier"].as_str().unwrap_or("").to_string(),
            span,
            q["low"].as_f64().unwrap_or(f64::NEG_INFINITY),
            q["high"].as_f64().unwrap_or(f64::INFINITY),
        ));
    }
    out
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn figures_as_news_writes_them() {
    let show = std::env::var("RECOUPE_SHOW").is_ok_and(|v| v == "1");
    let table = fs::read_to_string(FIXTURE).expect("the fixture is readable");
    let (mut figures, mut found, mut qualified, mut looks, mut avoided, mut rows) = (0, 0, 0, 0, 0, 0);
    for (n, line) in table.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(cols.len() >= 3, "{FIXTURE}:{}: lang, sentence and figures at least", n + 1);
        let lang = match cols[0] {
            "fr" => Lang::Fr,
            "en" => Lang::En,
            other => panic!("{FIXTURE}:{}: unknown language {other:?}", n + 1),
        };
        let sentence = cols[1];
        rows += 1;
        let got = amounts(sentence, lang);
        for want in cols[2].split(';').map(str::trim).filter(|w| !w.is_empty() && *w != "-") {
            let parts: Vec<&str> = want.split('|').collect();
            assert_eq!(parts.len(), 3, "{FIXTURE}:{}: value|unit|qualifier, not {want:?}", n + 1);
            let num = |s: &str| -> f64 { s.parse().unwrap_or_else(|_| panic!("{FIXTURE}:{}: bad value {s:?}", n + 1)) };
            let matches: Box<dyn Fn(&Amount) -> bool> = match parts[0].split_once("..") {
                Some((lo, hi)) => {
                    let (lo, hi) = (num(lo), num(hi));
                    Box::new(move |g: &Amount| same(g.4, lo) && same(g.5, hi))
                }
                None => {
                    let v = num(parts[0]);
                    Box::new(move |g: &Amount| same(g.0, v))
                }
            };
            figures += 1;
            match got.iter().find(|g| matches(g) && g.1 == parts[1]) {
                Some(g) => {
                    found += 1;
                    if g.2 == parts[2] {
                        qualified += 1;
                    } else if show {
                        println!("qualifier {} not {}: {sentence}", g.2, parts[2]);
                    }
                }
                None if show => println!("missing {want}: {sentence}  (got {got:?})"),
                None => {}
            }
        }
        for look in cols.get(3).map_or("", |c| c).split(';').map(str::trim).filter(|w| !w.is_empty() && *w != "-") {
            looks += 1;
            let start = sentence.find(look).unwrap_or_else(|| panic!("{FIXTURE}:{}: look-alike {look:?} is not in the sentence", n + 1));
            let end = start + look.len();
            match got.iter().find(|g| g.3 .0 < end && start < g.3 .1) {
                None => avoided += 1,
                Some(g) if show => println!("look-alike {look:?} read as {g:?}: {sentence}"),
                Some(_) => {}
            }
        }
    }
    let pct = |a: usize, b: usize| if b == 0 { 100.0 } else { 100.0 * a as f64 / b as f64 };
    let now =
        [("figures_found", pct(found, figures)), ("qualifiers_right", pct(qualified, found)), ("lookalikes_avoided", pct(avoided, looks))];
    println!("{rows} sentences, {figures} figures, {looks} look-alikes");
    for (k, v) in now {
        println!("  {k:<20} {v:6.2} %");
    }
    assert!(rows >= 150, "the set holds at least 150 sentences");
    let ratchet: Value = serde_json::from_str(&fs::read_to_string(RATCHET).expect("the ratchet is readable")).expect("the ratchet is JSON");
    for (k, v) in now {
        let floor = ratchet[k].as_f64().unwrap_or_else(|| panic!("{RATCHET} has no {k}"));
        assert!(v + 1e-9 >= floor, "{k} fell below the ratchet: {v:.2} % < {floor:.2} %");
    }
}
