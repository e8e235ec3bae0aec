//! Verdicts on real news: the development corpus of `tests/fixtures/real/`.
//!
//! Each folder is one news event: `article.json` (the article checked),
//! `sources.json` (other outlets' reports, as the widget's corpus), and
//! `gold.tsv`, written before the checker ran, with the verdict a careful
//! journalist gives each of the article's figures and why. This test prints,
//! per verdict, precision and recall, and the figures wrongly called
//! contradicted or disputed, and holds them to `ratchet.json`: a change may
//! improve them, never make them worse.
//!
//! `cargo test --test real -- --nocapture` prints the table;
//! `RECOUPE_SHOW=1` adds every figure whose verdict differs from the gold.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use recoupe::reconcile::{CheckOptions, Checker, Source};
use recoupe::report::{CheckReport, Verdict};
use serde_json::Value;

const VERDICTS: [&str; 5] = ["corroborated", "contradicted", "disputed", "related", "unverified"];

fn name(v: Verdict) -> &'static str {
    match v {
        Verdict::Corroborated => "corroborated",
        Verdict::Contradicted => "contradicted",
        Verdict::Disputed => "disputed",
        Verdict::Related => "related",
        Verdict::Unverified => "unverified",
    }
}

fn source(v: &Value) -> Source {
    let s = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    Source {
        id: s("id").expect("a source has an id"),
        text: s("text").expect("a source has a text"),
        title: s("title"),
        url: s("url"),
        date: s("date"),
        lang: s("lang").and_then(|l| match l.as_str() {
            "fr" => Some(recoupe::report::Lang::Fr),
            "en" => Some(recoupe::report::Lang::En),
            _ => None,
        }),
    }
}

/// One gold figure and what the checker said of it.
struct Scored {
    event: String,
    figure: String,
    gold: String,
    got: String,
    why: String,
    explanation: String,
}

fn check_event(dir: &Path) -> (CheckReport, String) {
    let article: Value = serde_json::from_str(&fs::read_to_string(dir.join("article.json")).unwrap()).unwrap();
    let sources: Value = serde_json::from_str(&fs::read_to_string(dir.join("sources.json")).unwrap()).unwrap();
    let mut checker = Checker::new(CheckOptions::default());
    for s in sources.as_array().expect("sources.json is an array") {
        checker.add_source(source(s)).unwrap();
    }
    let text = article["text"].as_str().unwrap().to_string();
    let report = checker.check_dated(&text, article.get("date").and_then(Value::as_str));
    (report, text)
}

fn score_all() -> Vec<Scored> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    let mut dirs: Vec<_> =
        fs::read_dir(&root).unwrap().filter_map(Result::ok).map(|e| e.path()).filter(|p| p.join("gold.tsv").exists()).collect();
    dirs.sort();
    let mut out = Vec::new();
    for dir in dirs {
        let event = dir.file_name().unwrap().to_string_lossy().into_owned();
        let (report, text) = check_event(&dir);
        let gold = fs::read_to_string(dir.join("gold.tsv")).unwrap();
        for line in gold.lines().skip(1).filter(|l| !l.trim().is_empty()) {
            let cols: Vec<&str> = line.split('\t').collect();
            let (figure, nth, verdict) = (cols[0], cols[1].parse::<usize>().unwrap(), cols[2]);
            assert!(VERDICTS.contains(&verdict), "{event}: unknown gold verdict {verdict:?}");
            // The figure as a whole: "5%" is not the end of "5.25%".
            let whole = |at: &usize| {
                let before = text[..*at].chars().next_back();
                let after = text[at + figure.len()..].chars().next();
                let digitish = |c: char| c.is_ascii_digit() || (figure.starts_with(|f: char| f.is_ascii_digit()) && matches!(c, '.' | ','));
                !before.is_some_and(|c| {
                    c.is_ascii_digit() || digitish(c) && text[..*at].len() > 1 && text[..*at - 1].ends_with(|d: char| d.is_ascii_digit())
                }) && !after.is_some_and(|c| c.is_ascii_digit() && figure.ends_with(|f: char| f.is_ascii_digit()))
            };
            let start = text
                .match_indices(figure)
                .map(|(i, _)| i)
                .filter(whole)
                .nth(nth - 1)
                .unwrap_or_else(|| panic!("{event}: {figure:?} #{nth} not in the article"));
            let end = start + figure.len();
            let claim = report.claims.iter().find(|c| c.quantities[0].span[0] < end && start < c.quantities[0].span[1]);
            out.push(Scored {
                event: event.clone(),
                figure: figure.to_string(),
                gold: verdict.to_string(),
                got: claim.and_then(|c| c.verdict).map_or("missing", name).to_string(),
                why: cols.get(3).unwrap_or(&"").to_string(),
                explanation: claim
                    .and_then(|c| c.evidence.as_ref().and_then(|e| e.first()).map(|e| format!("{} ({})", e.explanation, e.source_id)))
                    .unwrap_or_default(),
            });
        }
    }
    out
}

/// The corpus's figures: per-verdict precision and recall, wrong
/// contradicted or disputed, and recall of the decisive verdicts.
fn metrics(s: &[Scored]) -> BTreeMap<String, f64> {
    let mut m = BTreeMap::new();
    for v in VERDICTS {
        let tp = s.iter().filter(|x| x.gold == v && x.got == v).count() as f64;
        let predicted = s.iter().filter(|x| x.got == v).count() as f64;
        let gold = s.iter().filter(|x| x.gold == v).count() as f64;
        m.insert(format!("{v}.precision"), if predicted > 0.0 { tp / predicted } else { 1.0 });
        m.insert(format!("{v}.recall"), if gold > 0.0 { tp / gold } else { 1.0 });
        m.insert(format!("{v}.gold"), gold);
        m.insert(format!("{v}.predicted"), predicted);
    }
    let wrong = s.iter().filter(|x| matches!(x.got.as_str(), "contradicted" | "disputed") && x.got != x.gold).count() as f64;
    m.insert("figures".into(), s.len() as f64);
    m.insert("wrong_contradicted_or_disputed".into(), wrong);
    m.insert("wrong_contradicted_or_disputed.rate".into(), wrong / s.len() as f64);
    let decisive: Vec<&Scored> = s.iter().filter(|x| matches!(x.gold.as_str(), "corroborated" | "contradicted" | "disputed")).collect();
    let right = decisive.iter().filter(|x| x.gold == x.got).count() as f64;
    m.insert("decisive.recall".into(), right / decisive.len().max(1) as f64);
    m.insert("missing".into(), s.iter().filter(|x| x.got == "missing").count() as f64);
    m
}

#[test]
fn real_news_verdicts_hold_the_ratchet() {
    let scored = score_all();
    let m = metrics(&scored);
    println!("{} gold figures, {} events", scored.len(), scored.iter().map(|x| &x.event).collect::<std::collections::BTreeSet<_>>().len());
    println!("{:<13} {:>5} {:>5} {:>9} {:>7}", "verdict", "gold", "got", "precision", "recall");
    for v in VERDICTS {
        println!(
            "{v:<13} {:>5} {:>5} {:>9.3} {:>7.3}",
            m[&format!("{v}.gold")],
            m[&format!("{v}.predicted")],
            m[&format!("{v}.precision")],
            m[&format!("{v}.recall")]
        );
    }
    println!(
        "wrongly contradicted or disputed: {} of {} ({:.3}); decisive recall {:.3}; figures not found {}",
        m["wrong_contradicted_or_disputed"], m["figures"], m["wrong_contradicted_or_disputed.rate"], m["decisive.recall"], m["missing"]
    );
    if std::env::var_os("RECOUPE_SHOW").is_some() {
        for x in scored.iter().filter(|x| x.gold != x.got) {
            println!("  {} {:?}: gold {} ({}), got {} — {}", x.event, x.figure, x.gold, x.why, x.got, x.explanation);
        }
    }
    let ratchet: Value =
        serde_json::from_str(&fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real/ratchet.json")).unwrap())
            .unwrap();
    for (key, bound) in ratchet["at_least"].as_object().unwrap() {
        let got = m[key.as_str()];
        assert!(got + 1e-9 >= bound.as_f64().unwrap(), "{key} fell to {got:.3}, below the ratchet's {bound}");
    }
    for (key, bound) in ratchet["at_most"].as_object().unwrap() {
        let got = m[key.as_str()];
        assert!(got <= bound.as_f64().unwrap() + 1e-9, "{key} rose to {got:.3}, above the ratchet's {bound}");
    }
}

#[test]
fn every_gold_file_is_well_formed_and_large_enough() {
    let scored = score_all();
    let events: std::collections::BTreeSet<&str> = scored.iter().map(|x| x.event.as_str()).collect();
    assert!(events.len() >= 12, "{events:?}");
    assert!(scored.len() >= 120, "{} gold figures", scored.len());
}
