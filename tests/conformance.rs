//! Conformance of the number layer against Microsoft Recognizers-Text's
//! French and English specs (data and licence in `tests/conformance/`).
//!
//! Every case runs through `recoupe::numbers` in the case's language. A
//! case passes when the mentions relevant to its model match its expected
//! list one to one (greedy, in text order):
//!
//! - values agree within a relative tolerance of 1e-6 (the specs round
//!   fractions: "un sur trois" is 0.333333333333333);
//! - places agree: same UTF-8 span or same surface. A mention that carries
//!   a unit or a currency may contain the expected figure ("€1000" holds
//!   the NumberModel's "1000"), and a range holds its two ends ("de zéro à
//!   dix" holds "zéro" and "dix");
//! - kinds map: number -> any figure but an ordinal or a date; ordinal ->
//!   `Kind::Ordinal`; percent -> `Kind::Percent` (value = the number before
//!   the sign); currency -> `Kind::Money`; dimension -> `Kind::Measure`
//!   (not a temperature); temperature -> `Kind::Measure` in °C, °F or K;
//!   age -> `Kind::Duration`. Microsoft's unit labels map to our units
//!   (`unit_ok`); a bare "degrés" / "degrees" may be read as °C or °F;
//! - ranges (NumberRangeModel): a mention whose qualifier is a bound or a
//!   range ("plus de 20", "entre 20 et 30", "500 ou plus") matches when its
//!   span, qualifier phrase included, overlaps the expected one and its
//!   `low`/`high` equal the expected min/max. Our bounds are closed ("more
//!   than 20" is stored [20, ∞)), so open/closed ends are not compared; a
//!   missing min accepts our floor of 0 for counts. "égal à 20" ([20, 20])
//!   matches an exact 20.
//!
//! Extra mentions fail a case only when they are of the model's kind: in
//! the NumberModel, a figure without a unit (a figure with its unit belongs
//! to the units models); in the others, any mention of the model's kind.
//! Expected items without a value (a unit named alone: "convertir en
//! fahrenheit") are not figures and are dropped.
//!
//! Cases left out of the rates, and listed:
//!
//! - `disagreement`: ids in `tests/conformance/disagreements.tsv`, where the
//!   expected answer is wrong or contradicts a product decision;
//! - `article-un`: Microsoft reads the article "un"/"une" (and English
//!   "one" standing alone) as the number 1 in running prose; the rest of
//!   such a case is still checked and shown;
//! - `relative-ordinal`: "last", "next", "avant-dernier" are positions in a
//!   list, not figures.
//!
//! Rates are printed per file × model × skip flag (`skip` marks cases
//! Microsoft's own implementation fails). `tests/conformance/ratchet.json`
//! holds the pass count each bucket reached: the test fails when a count
//! drops below it and notes when one rises. `RECOUPE_RATCHET_UPDATE=1`
//! rewrites the ratchet with the current counts; `RECOUPE_CONFORMANCE_VERBOSE=1`
//! lists every failing case with what was expected and what was found.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::PathBuf;

use recoupe::report::{Kind, Lang, Qualifier, Quantity};
use recoupe::Options;
use serde_json::Value;

const FILES: [(&str, &str); 4] = [
    ("fr", "recognizers_fr.jsonl"),
    ("en", "recognizers_en.jsonl"),
    ("units_fr", "recognizers_units_fr.jsonl"),
    ("units_en", "recognizers_units_en.jsonl"),
];

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/conformance")
}

#[derive(Debug, Clone)]
struct Expected {
    value: Option<f64>,
    kind: String,
    unit: Option<String>,
    span: [usize; 2],
    surface: String,
    /// (min, max) of a range; `None` is an open end.
    range: Option<(Option<f64>, Option<f64>)>,
}

#[derive(Debug)]
struct Case {
    id: String,
    file: &'static str,
    lang: Lang,
    text: String,
    model: String,
    skip: bool,
    expected: Vec<Expected>,
}

fn load(file: &'static str, name: &str) -> Vec<Case> {
    let path = dir().join("recognizers-text").join(name);
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    data.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("bad JSON line");
            let expected = v["expected"]
                .as_array()
                .expect("expected list")
                .iter()
                .map(|e| Expected {
                    value: e["value"].as_f64(),
                    kind: e["kind"].as_str().unwrap_or_default().to_string(),
                    unit: e["unit"].as_str().map(str::to_string),
                    span: [e["span"][0].as_u64().unwrap() as usize, e["span"][1].as_u64().unwrap() as usize],
                    surface: e["surface"].as_str().unwrap_or_default().to_string(),
                    range: e.get("range").map(|r| (r["min"].as_f64(), r["max"].as_f64())),
                })
                .collect();
            Case {
                id: v["id"].as_str().unwrap().to_string(),
                file,
                lang: if v["lang"] == "fr" { Lang::Fr } else { Lang::En },
                text: v["text"].as_str().unwrap().to_string(),
                model: v["model"].as_str().unwrap().to_string(),
                skip: v["skip"].as_bool().unwrap_or(false),
                expected,
            }
        })
        .collect()
}

/// One of our mentions, with the start of its qualifier phrase.
struct Got<'a> {
    q: &'a Quantity,
    ext_start: usize,
}

impl Got<'_> {
    fn has_unit(&self) -> bool {
        self.q.unit.is_some()
    }
    fn is_range(&self) -> bool {
        self.q.qualifier == Qualifier::Range
    }
    fn is_temperature(&self) -> bool {
        matches!(self.q.unit.as_deref(), Some("°C" | "°F" | "K"))
    }
}

fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-6 * a.abs().max(b.abs())
}

fn close_opt(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => close(a, b),
        (None, None) => true,
        _ => false,
    }
}

fn same_place(g: &Got, e: &Expected) -> bool {
    g.q.span == e.span || g.q.surface == e.surface
}

fn contains(g: &Got, e: &Expected) -> bool {
    g.q.span[0] <= e.span[0] && e.span[1] <= g.q.span[1]
}

/// Our units for a Microsoft unit label, per model.
fn unit_ok(model: &str, label: &str, ours: Option<&str>) -> bool {
    let Some(ours) = ours else { return false };
    let label = label.to_lowercase();
    let accepted: &[&str] = match (model, label.as_str()) {
        ("Currency", "dollar" | "united states dollar" | "dollar états-unis") => &["USD"],
        ("Currency", "canadian dollar" | "dollar canadien") => &["CAD"],
        ("Currency", "australian dollar" | "dollar australien") => &["AUD"],
        ("Currency", "hong kong dollar" | "dollar de hong kong") => &["HKD"],
        ("Currency", "new zealand dollar" | "dollar néo-zélandais") => &["NZD"],
        ("Currency", "euro") => &["EUR"],
        ("Currency", "british pound" | "pound" | "livre") => &["GBP"],
        ("Currency", "pence" | "penny") => &["GBX"],
        ("Currency", "cent" | "centimes") => &["cent"],
        ("Currency", "japanese yen" | "yen japonais") => &["JPY"],
        ("Currency", "chinese yuan" | "yuan chinois") => &["CNY"],
        ("Currency", "swiss franc" | "franc suisse") => &["CHF"],
        ("Currency", "franc") => &["franc"],
        ("Currency", "mexican peso") => &["MXN"],
        ("Currency", "turkish lira") => &["TRY"],
        ("Currency", "rupee" | "roupie" | "roupie indienne") => &["INR"],
        ("Currency", "sri lankan rupee") => &["LKR"],
        ("Currency", "bitcoin") => &["BTC"],
        ("Currency", "finnish markka" | "mark finlandais") => &["FIM"],
        ("Currency", "netherlands guilder" | "florins néerlandais") => &["NLG"],
        ("Currency", "peseta") => &["ESP"],
        ("Currency", "costa rican colón") => &["CRC"],
        ("Currency", "georgian lari") => &["GEL"],
        ("Currency", "lao kip") => &["LAK"],
        ("Currency", "pesewa") => &["pesewa"],
        ("Currency", "satoshi") => &["satoshi"],
        ("Dimension", "foot" | "pied") => &["ft"],
        ("Dimension", "meter" | "mètres") => &["m"],
        ("Dimension", "kilometer" | "kilomètres") => &["km"],
        ("Dimension", "decimeter" | "décimètres") => &["dm"],
        ("Dimension", "centimeter" | "centimètres") => &["cm"],
        ("Dimension", "millimeter" | "millimètres") => &["mm"],
        ("Dimension", "hectomètre") => &["hm"],
        ("Dimension", "picometer") => &["pm"],
        ("Dimension", "mile") => &["mi"],
        ("Dimension", "inch" | "pouce") => &["in"],
        ("Dimension", "pound" | "livre") => &["lb"],
        ("Dimension", "ounce" | "onces") => &["oz"],
        ("Dimension", "kilogram") => &["kg"],
        ("Dimension", "gram") => &["g"],
        ("Dimension", "microgram" | "microgramme") => &["µg"],
        ("Dimension", "ton" | "tonne" | "metric ton" | "tonne métrique") => &["t"],
        ("Dimension", "gallon") => &["gal"],
        ("Dimension", "barrel" | "baril") => &["bbl"],
        ("Dimension", "litre") => &["l"],
        ("Dimension", "milliliter" | "millilitre") => &["ml"],
        ("Dimension", "square meter" | "mètre carré") => &["m2"],
        ("Dimension", "square kilometer" | "kilomètre carré") => &["km2"],
        ("Dimension", "acre") => &["acre"],
        ("Dimension", "cubic foot" | "pieds cube") => &["ft3"],
        ("Dimension", "kilometer per hour") => &["km/h"],
        ("Dimension", "mile per hour" | "miles par heure") => &["mph"],
        ("Dimension", "bit") => &["bit"],
        ("Dimension", "megabit") => &["Mbit"],
        ("Dimension", "megabyte") => &["MB"],
        ("Dimension", "degree" | "degré") => &["°"],
        ("Dimension", "radian") => &["rad"],
        ("Dimension", "turn") => &["turn"],
        ("Dimension", "tablespoon") => &["tbsp"],
        ("Dimension", "teaspoon") => &["tsp"],
        ("Dimension", "cup") => &["cup"],
        ("Temperature", "c") => &["°C"],
        ("Temperature", "f") => &["°F"],
        ("Temperature", "kelvin") => &["K"],
        ("Temperature", "degree" | "degré") => &["°C", "°F"],
        ("Age", "year" | "ans" | "age") => &["year"],
        ("Age", "month" | "mois") => &["month"],
        ("Age", "week" | "semaines") => &["week"],
        ("Age", "day" | "jour") => &["day"],
        _ => &[],
    };
    accepted.contains(&ours)
}

/// The short model name ("Number", "Ordinal", "Currency", ...).
fn short_model(model: &str) -> &str {
    let m = model.rsplit('/').next().unwrap_or(model);
    m.strip_suffix("Model").unwrap_or(m)
}

/// Whether `g` is of the kind the model extracts (so that an unmatched one
/// is a false positive).
fn relevant(model: &str, g: &Got) -> bool {
    match model {
        "Number" => !g.has_unit() && !matches!(g.q.kind, Kind::Ordinal | Kind::Date),
        "Ordinal" => g.q.kind == Kind::Ordinal,
        "Percent" => g.q.kind == Kind::Percent,
        "NumberRange" => {
            matches!(g.q.qualifier, Qualifier::Range | Qualifier::AtLeast | Qualifier::MoreThan | Qualifier::AtMost | Qualifier::LessThan)
        }
        "Currency" => g.q.kind == Kind::Money,
        "Dimension" => g.q.kind == Kind::Measure && !g.is_temperature(),
        "Temperature" => g.q.kind == Kind::Measure && g.is_temperature(),
        "Age" => g.q.kind == Kind::Duration,
        _ => false,
    }
}

/// How many expected items `g` may absorb: a range holds its two ends.
fn capacity(model: &str, g: &Got) -> usize {
    if model == "Number" && g.is_range() {
        2
    } else {
        1
    }
}

fn matches(model: &str, g: &Got, e: &Expected) -> bool {
    let q = g.q;
    match model {
        "Number" => {
            let Some(v) = e.value else { return false };
            if matches!(q.kind, Kind::Ordinal | Kind::Date) {
                return false;
            }
            (close(q.value, v) && (same_place(g, e) || g.has_unit() && contains(g, e)))
                || (g.is_range() && contains(g, e) && (close_opt(q.low, Some(v)) || close_opt(q.high, Some(v))))
        }
        "Ordinal" => q.kind == Kind::Ordinal && e.value.is_some_and(|v| close(q.value, v)) && same_place(g, e),
        "Percent" => q.kind == Kind::Percent && e.value.is_some_and(|v| close(q.value, v)) && same_place(g, e),
        "NumberRange" => {
            let Some((min, max)) = e.range else { return false };
            let overlaps = g.ext_start < e.span[1] && e.span[0] < q.span[1];
            let low_ok = match min {
                Some(m) => q.low.is_some_and(|l| close(l, m)),
                None => q.low.is_none() || q.low == Some(0.0),
            };
            let high_ok = match max {
                Some(m) => q.high.is_some_and(|h| close(h, m)),
                None => q.high.is_none(),
            };
            overlaps && low_ok && high_ok
        }
        _ => {
            relevant(model, g)
                && e.value.is_some_and(|v| close(q.value, v))
                && same_place(g, e)
                && e.unit.as_deref().is_some_and(|u| unit_ok(model, u, q.unit.as_deref()))
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Category {
    Scored,
    Disagreement,
    ArticleUn,
    RelativeOrdinal,
}

struct Outcome {
    pass: bool,
    category: Category,
    detail: String,
}

fn is_article_un(case: &Case, e: &Expected) -> bool {
    let s = e.surface.to_lowercase();
    e.kind == "number"
        && e.value == Some(1.0)
        && match case.lang {
            Lang::Fr => s == "un" || s == "une",
            Lang::En => s == "one",
        }
}

fn describe_expected(e: &Expected) -> String {
    let mut s = format!("{:?}@{}..{}", e.surface, e.span[0], e.span[1]);
    match e.range {
        Some((lo, hi)) => {
            let _ = write!(s, " [{}, {}]", lo.map_or("-inf".into(), |v| v.to_string()), hi.map_or("inf".into(), |v| v.to_string()));
        }
        None => {
            let _ = write!(s, " = {}", e.value.map_or("null".into(), |v| v.to_string()));
        }
    }
    if let Some(u) = &e.unit {
        let _ = write!(s, " {u}");
    }
    s
}

fn describe_got(g: &Got) -> String {
    let q = g.q;
    let mut s = format!("{:?}@{}..{} = {} {:?}", q.surface, q.span[0], q.span[1], q.value, q.kind);
    if let Some(u) = &q.unit {
        let _ = write!(s, " {u}");
    }
    if q.qualifier != Qualifier::Exact {
        let _ = write!(s, " {:?} [{:?}, {:?}]", q.qualifier, q.low, q.high);
    }
    if let Some(qs) = &q.qualifier_surface {
        let _ = write!(s, " (qualifier {qs:?})");
    }
    s
}

fn run_case(case: &Case, disagreements: &HashMap<String, String>) -> Outcome {
    let model = short_model(&case.model);
    let report = recoupe::numbers(&case.text, &Options { lang: Some(case.lang), ..Default::default() });
    let got: Vec<Got> = report
        .quantities
        .iter()
        .map(|q| {
            // The qualifier phrase sits right before the figure, spaces between.
            let ext_start = q.qualifier_surface.as_ref().map_or(q.span[0], |qs| {
                let head = case.text[..q.span[0]].trim_end();
                head.len().saturating_sub(qs.len())
            });
            Got { q, ext_start }
        })
        .collect();

    let mut category = Category::Scored;
    let mut expected = Vec::new();
    for e in &case.expected {
        if e.kind == "ordinal_relative" {
            category = category.max(Category::RelativeOrdinal);
        } else if is_article_un(case, e) {
            category = category.max(Category::ArticleUn);
        } else if e.value.is_some() || e.range.is_some() {
            expected.push(e);
        }
    }
    if disagreements.contains_key(&case.id) {
        category = Category::Disagreement;
    }

    let mut used = vec![0usize; got.len()];
    let mut missing = Vec::new();
    for e in &expected {
        let hit = got.iter().enumerate().find(|(i, g)| used[*i] < capacity(model, g) && matches(model, g, e));
        match hit {
            Some((i, _)) => used[i] += 1,
            None => missing.push(*e),
        }
    }
    let extra: Vec<&Got> = got.iter().enumerate().filter(|(i, g)| used[*i] == 0 && relevant(model, g)).map(|(_, g)| g).collect();
    let pass = missing.is_empty() && extra.is_empty();

    let mut detail = String::new();
    if !pass {
        let _ = writeln!(detail, "    text: {:?}", case.text);
        for e in &missing {
            let _ = writeln!(detail, "    missing: {}", describe_expected(e));
        }
        for g in &extra {
            let _ = writeln!(detail, "    extra:   {}", describe_got(g));
        }
        for g in &got {
            let _ = writeln!(detail, "    got:     {}", describe_got(g));
        }
    }
    Outcome { pass, category, detail }
}

fn load_disagreements() -> HashMap<String, String> {
    let path = dir().join("disagreements.tsv");
    let data = std::fs::read_to_string(&path).unwrap_or_default();
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (id, reason) = l.split_once('\t').unwrap_or_else(|| panic!("disagreements.tsv: no tab in {l:?}"));
            (id.trim().to_string(), reason.trim().to_string())
        })
        .collect()
}

#[derive(Default)]
struct Bucket {
    pass: usize,
    scored: usize,
    excluded: BTreeMap<&'static str, usize>,
}

#[test]
fn recognizers_text_conformance() {
    let verbose = std::env::var("RECOUPE_CONFORMANCE_VERBOSE").is_ok_and(|v| v == "1");
    let update = std::env::var("RECOUPE_RATCHET_UPDATE").is_ok_and(|v| v == "1");
    let disagreements = load_disagreements();

    let mut cases = Vec::new();
    for (file, name) in FILES {
        cases.extend(load(file, name));
    }
    let known: std::collections::HashSet<&str> = cases.iter().map(|c| c.id.as_str()).collect();
    let stale: Vec<&String> = disagreements.keys().filter(|id| !known.contains(id.as_str())).collect();
    assert!(stale.is_empty(), "disagreements.tsv names unknown cases: {stale:?}");

    let mut buckets: BTreeMap<String, Bucket> = BTreeMap::new();
    let mut failures = String::new();
    let mut listed: BTreeMap<Category, Vec<String>> = BTreeMap::new();
    for case in &cases {
        let out = run_case(case, &disagreements);
        let key = format!("{} {} {}", case.file, case.model, if case.skip { "skipped" } else { "non-skipped" });
        let b = buckets.entry(key).or_default();
        match out.category {
            Category::Scored => {
                b.scored += 1;
                if out.pass {
                    b.pass += 1;
                } else {
                    let _ = write!(failures, "  {}\n{}", case.id, out.detail);
                }
            }
            Category::Disagreement => *b.excluded.entry("disagreement").or_default() += 1,
            Category::ArticleUn | Category::RelativeOrdinal => {
                let name = if out.category == Category::ArticleUn { "article-un" } else { "relative-ordinal" };
                *b.excluded.entry(name).or_default() += 1;
                let rest = if out.pass { "rest ok" } else { "rest fails" };
                let text: String = case.text.chars().take(60).collect();
                listed.entry(out.category).or_default().push(format!("{} ({rest}): {text:?}", case.id));
            }
        }
    }

    println!("\nRecognizers-Text conformance (pass / scored; excluded cases in brackets)");
    let (mut total_pass, mut total_scored) = (0, 0);
    for (key, b) in &buckets {
        total_pass += b.pass;
        total_scored += b.scored;
        let pct = if b.scored == 0 { 100.0 } else { 100.0 * b.pass as f64 / b.scored as f64 };
        let excluded: Vec<String> = b.excluded.iter().map(|(k, n)| format!("{k} {n}")).collect();
        let excluded = if excluded.is_empty() { String::new() } else { format!("  [{}]", excluded.join(", ")) };
        println!("  {key:<58} {:>4}/{:<4} {pct:5.1}%{excluded}", b.pass, b.scored);
    }
    println!("  {:<58} {total_pass:>4}/{total_scored:<4}", "total");
    println!("  disagreements excluded: {}", disagreements.len());
    for (cat, ids) in &listed {
        println!(
            "\n{} cases ({}), not in the rates:",
            if *cat == Category::ArticleUn { "article-un" } else { "relative-ordinal" },
            ids.len()
        );
        for id in ids {
            println!("  {id}");
        }
    }
    if verbose {
        println!("\nFailing cases:\n{failures}");
    }

    // The ratchet.
    let ratchet_path = dir().join("ratchet.json");
    let ratchet: BTreeMap<String, usize> =
        std::fs::read_to_string(&ratchet_path).ok().map(|s| serde_json::from_str(&s).expect("ratchet.json")).unwrap_or_default();
    let current: BTreeMap<String, usize> = buckets.iter().map(|(k, b)| (k.clone(), b.pass)).collect();
    let mut dropped = Vec::new();
    for (key, &now) in &current {
        match ratchet.get(key) {
            Some(&was) if now < was => dropped.push(format!("{key}: {now} < {was}")),
            Some(&was) if now > was => println!("ratchet: {key} rose {was} -> {now} (RECOUPE_RATCHET_UPDATE=1 records it)"),
            None => println!("ratchet: new bucket {key} at {now}"),
            _ => {}
        }
    }
    if update {
        let json = serde_json::to_string_pretty(&current).unwrap() + "\n";
        std::fs::write(&ratchet_path, json).expect("write ratchet.json");
        println!("ratchet.json rewritten");
    } else {
        assert!(dropped.is_empty(), "conformance dropped below the ratchet:\n  {}", dropped.join("\n  "));
    }
}
