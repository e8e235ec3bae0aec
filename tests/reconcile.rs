//! Reconciliation on the seed corpus: each seed checked against the other
//! four, plus English sources written for these tests. Every expectation
//! was written from reading the articles.
//!
//! The tolerance for approximate figures is the default 5 %: "environ
//! 11 000" stands for [10 450, 11 550].

use recoupe::reconcile::{CheckOptions, Checker, Source};
use recoupe::report::{CheckReport, Claim, Relation, Verdict};

const SEEDS: [&str; 5] =
    ["000_0dc4f03766a95fab", "001_125bc9ff60828318", "002_4ea4bb0a10ff803b", "003_209a75ba72bab8cf", "004_8e6147d9107f0c1b"];

fn fixture(path: &str) -> String {
    let path = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn seed(id: &str) -> String {
    fixture(&format!("seeds/{id}.txt"))
}

/// Checks seed `article` against the four others.
fn check_seed(article: &str) -> CheckReport {
    let mut checker = Checker::new(CheckOptions::default());
    for id in SEEDS.iter().filter(|&&id| id != article) {
        checker.add_source(Source { id: id.to_string(), text: seed(id), ..Source::default() }).unwrap();
    }
    checker.check(&seed(article))
}

/// The first claim whose figure and measure are these.
fn claim<'a>(r: &'a CheckReport, surface: &str, measure: &str) -> &'a Claim {
    r.claims
        .iter()
        .find(|c| c.quantities[0].surface.replace('\u{a0}', " ") == surface && c.quantities[0].measure.as_deref() == Some(measure))
        .unwrap_or_else(|| panic!("no claim {surface} ({measure})"))
}

fn sources_with(c: &Claim, relation: Relation) -> Vec<&str> {
    let mut v: Vec<&str> = c.evidence.iter().flatten().filter(|e| e.relation == relation).map(|e| &e.source_id[..3]).collect();
    v.sort();
    v.dedup();
    v
}

#[test]
fn twelve_thousand_troops_are_contradicted_by_about_eleven_thousand() {
    // 12 000 lies 9 % above "environ 11 000", outside its ±5 % band: both
    // 001 and 002 give the lower figure.
    let r = check_seed(SEEDS[0]);
    let c = claim(&r, "12 000", "soldier");
    assert_eq!(c.verdict, Some(Verdict::Contradicted), "{:#?}", c.evidence);
    assert_eq!(sources_with(c, Relation::Contradicts), vec!["001", "002"]);
    let e = c.evidence.as_ref().unwrap().iter().find(|e| e.relation == Relation::Contradicts).unwrap();
    assert!(e.explanation.contains("12 000") && e.explanation.contains("11 000") && e.explanation.contains("8 %"), "{}", e.explanation);
    // Budanov's "jusqu'à 8 000 ... à Koursk" is another scope, not a contradiction.
    let kursk = c.evidence.as_ref().unwrap().iter().find(|e| e.sentence.contains("8 000")).expect("the Kursk figure is shown");
    assert_eq!(kursk.relation, Relation::Related);
}

#[test]
fn about_eleven_thousand_is_disputed_between_the_sources() {
    // 001 states the figure itself: 002 gives the same, 000 gives 12 000.
    let r = check_seed(SEEDS[1]);
    let c = claim(&r, "11 000", "soldier");
    assert_eq!(c.verdict, Some(Verdict::Disputed), "{:#?}", c.evidence);
    assert_eq!(sources_with(c, Relation::Corroborates), vec!["002"]);
    assert_eq!(sources_with(c, Relation::Contradicts), vec!["000"]);
}

#[test]
fn an_attributed_figure_is_checked_as_that_counter_s_figure() {
    // 002 says South Korean intelligence estimates about 11 000: 001 gives
    // that agency's estimate, and 000's 12 000, which no one is said to
    // give, does not contradict what the agency said. It stays in view.
    let r = check_seed(SEEDS[2]);
    let c = claim(&r, "11 000", "soldier");
    assert_eq!(c.verdict, Some(Verdict::Corroborated), "{:#?}", c.evidence);
    assert_eq!(sources_with(c, Relation::Corroborates), vec!["001"]);
    assert!(sources_with(c, Relation::Contradicts).is_empty());
    assert!(c.evidence.iter().flatten().any(|e| e.source_id.starts_with("000") && e.relation == Relation::Related), "{:#?}", c.evidence);
}

#[test]
fn figures_no_other_source_gives_are_unverified() {
    let r = check_seed(SEEDS[1]);
    assert_eq!(claim(&r, "300", "killed").verdict, Some(Verdict::Unverified));
    assert_eq!(claim(&r, "2 700", "wounded").verdict, Some(Verdict::Unverified));
}

#[test]
fn hwasong_statements_meet_the_kn23_figure() {
    // Seed 004 declares that the Hwasong-11 missiles are "baptisés KN-23";
    // its missile statements have no figure, so they relate to 001's.
    let r = check_seed(SEEDS[1]);
    let c = claim(&r, "150", "missile");
    assert_eq!(c.verdict, Some(Verdict::Related));
    assert!(c.evidence.iter().flatten().any(|e| e.source_id.starts_with("004") && e.sentence.contains("Hwasong-11")), "{:#?}", c.evidence);
}

#[test]
fn koursk_figure_is_related_not_contradicted() {
    let r = check_seed(SEEDS[1]);
    let c = claim(&r, "8 000", "soldier");
    assert_eq!(c.verdict, Some(Verdict::Related), "{:#?}", c.evidence);
}

#[test]
fn shells_are_discussed_without_a_comparable_figure() {
    let r = check_seed(SEEDS[0]);
    let c = claim(&r, "8 millions", "shell");
    assert_eq!(c.verdict, Some(Verdict::Related));
    // Mentions of shells, and 003's calibre of shells: nothing to compare a count with.
    assert!(c.evidence.iter().flatten().all(|e| e.relation == Relation::Related), "{:#?}", c.evidence);
    assert!(c.evidence.iter().flatten().any(|e| e.source_id.starts_with("003")));
}

#[test]
fn calibres_of_different_weapons_do_not_meet() {
    // 122 mm shells (003) and 177 mm guns (002) are different measures.
    let r = check_seed(SEEDS[2]);
    let c = claim(&r, "177 mm", "artillery.calibre");
    assert!(!matches!(c.verdict, Some(Verdict::Contradicted | Verdict::Disputed)), "{:?}", c.verdict);
    assert!(!c.evidence.iter().flatten().any(|e| e.sentence.contains("122 mm")));
}

#[test]
fn english_sources_corroborate_french_claims() {
    let mut checker = Checker::new(CheckOptions::default());
    for id in ["spy_agency", "kursk", "unrelated"] {
        let info = checker.add_source(Source { id: id.into(), text: fixture(&format!("en/{id}.txt")), ..Source::default() }).unwrap();
        assert_eq!(info.lang.code(), "en");
    }
    let r = checker.check(&seed(SEEDS[1]));
    assert_eq!(claim(&r, "11 000", "soldier").verdict, Some(Verdict::Corroborated));
    assert_eq!(claim(&r, "300", "killed").verdict, Some(Verdict::Corroborated));
    assert_eq!(claim(&r, "2 700", "wounded").verdict, Some(Verdict::Corroborated));
    assert_eq!(claim(&r, "150", "missile").verdict, Some(Verdict::Corroborated));
    assert_eq!(claim(&r, "8 000", "soldier").verdict, Some(Verdict::Corroborated), "same scope (Kursk), same bound");
    assert_eq!(claim(&r, "120", "artillery").verdict, Some(Verdict::Corroborated));
    // The council story shares no subject with the article.
    assert!(r.claims.iter().flat_map(|c| c.evidence.iter().flatten()).all(|e| e.source_id != "unrelated"));
}

#[test]
fn a_copy_of_the_article_is_not_corroboration() {
    let mut checker = Checker::new(CheckOptions::default());
    let article = seed(SEEDS[1]);
    let copy = checker
        .add_source(Source { id: "copy".into(), text: article.replace("Principaux", "Les principaux"), ..Source::default() })
        .unwrap();
    assert_eq!(copy.copy_of, None);
    checker.add_source(Source { id: "002".into(), text: seed(SEEDS[2]), ..Source::default() }).unwrap();
    let r = checker.check(&article);
    let c = claim(&r, "300", "killed");
    assert_eq!(c.verdict, Some(Verdict::Unverified), "only the copy gives 300 killed: {:#?}", c.evidence);
    let c = claim(&r, "11 000", "soldier");
    assert_eq!(c.verdict, Some(Verdict::Corroborated));
    assert!(c.explanation.as_deref().unwrap().contains("1 source"), "{:?}", c.explanation);
}

#[test]
fn a_copied_source_counts_once() {
    let mut checker = Checker::new(CheckOptions::default());
    checker.add_source(Source { id: "a".into(), text: seed(SEEDS[2]), ..Source::default() }).unwrap();
    let b = checker.add_source(Source { id: "b".into(), text: seed(SEEDS[2]), ..Source::default() }).unwrap();
    assert_eq!(b.copy_of.as_deref(), Some("a"));
    let r = checker.check(&seed(SEEDS[1]));
    let c = claim(&r, "11 000", "soldier");
    assert_eq!(c.verdict, Some(Verdict::Corroborated));
    assert!(c.explanation.as_deref().unwrap().starts_with("Corroboré par 1 source"), "{:?}", c.explanation);
}

#[test]
fn sources_can_be_removed_and_ids_are_unique() {
    let mut checker = Checker::new(CheckOptions::default());
    checker.add_source(Source { id: "002".into(), text: seed(SEEDS[2]), ..Source::default() }).unwrap();
    assert!(checker.add_source(Source { id: "002".into(), text: "x".into(), ..Source::default() }).is_err());
    assert!(checker.add_source(Source { id: " ".into(), text: "x".into(), ..Source::default() }).is_err());
    assert_eq!(claim(&checker.check(&seed(SEEDS[1])), "11 000", "soldier").verdict, Some(Verdict::Corroborated));
    assert!(checker.remove_source("002"));
    assert!(!checker.remove_source("002"));
    let r = checker.check(&seed(SEEDS[1]));
    assert_eq!(claim(&r, "11 000", "soldier").verdict, Some(Verdict::Unverified));
    assert!(r.sources.is_empty());
}

#[test]
fn discrepancy_table_lists_every_troop_figure() {
    let r = check_seed(SEEDS[1]);
    let t = r.discrepancies.iter().find(|d| d.measure == "soldier").unwrap();
    let docs: Vec<(&str, f64)> = t.rows.iter().map(|r| (&r.document[..r.document.len().min(3)], r.value)).collect();
    assert!(docs.contains(&("art", 11000.0)) && docs.contains(&("art", 8000.0)), "{docs:?}");
    assert!(docs.contains(&("000", 12000.0)) && docs.contains(&("002", 11000.0)), "{docs:?}");
}

#[test]
fn discrepancy_rows_of_different_places_are_different_series() {
    // 11 000 troops in Russia and 8 000 in the Kursk region are two lines
    // of a timeline, not one.
    let r = check_seed(SEEDS[1]);
    let t = r.discrepancies.iter().find(|d| d.measure == "soldier").unwrap();
    let series = |v: f64| t.rows.iter().find(|r| r.document == "article" && r.value == v).map(|r| r.series.clone()).unwrap();
    assert_ne!(series(11000.0), series(8000.0), "{:?}", t.rows.iter().map(|r| (r.value, &r.series)).collect::<Vec<_>>());
}

#[test]
fn checking_leaves_the_checker_unchanged() {
    let mut checker = Checker::new(CheckOptions::default());
    for id in &SEEDS[1..] {
        checker.add_source(Source { id: id.to_string(), text: seed(id), ..Source::default() }).unwrap();
    }
    let first = checker.check(&seed(SEEDS[0]));
    let _ = checker.check("La Corée du Nord a livré 42 chars, baptisés KN-23.");
    assert_eq!(checker.check(&seed(SEEDS[0])), first);
}

#[test]
fn each_source_statement_is_shown_once() {
    // A figure sits in two index lists (its measure and its base measure):
    // the reader must still see it once, and it must vote once.
    for article in SEEDS {
        let r = check_seed(article);
        for c in &r.claims {
            let mut seen = Vec::new();
            for e in c.evidence.iter().flatten() {
                let key = (&e.source_id, e.span, e.quantity.as_ref().map(|q| q.span));
                assert!(!seen.contains(&key), "{article} {}: {} shown twice", c.text, e.sentence);
                seen.push(key);
            }
        }
    }
}

/// Checks `article`, dated `date`, against dated sources `(id, date, text)`.
fn check_dated(article: &str, date: &str, sources: &[(&str, &str, &str)]) -> CheckReport {
    let mut checker = Checker::new(CheckOptions::default());
    for (id, d, text) in sources {
        checker.add_source(Source { id: id.to_string(), text: text.to_string(), date: Some(d.to_string()), ..Source::default() }).unwrap();
    }
    checker.check_dated(article, Some(date))
}

#[test]
fn a_close_figure_of_the_next_day_disputes_a_figure_another_source_confirms() {
    // One agency's magnitude against another's, reported the next day
    // without a date of their own: the same quake told two ways.
    let article = "Le séisme de magnitude 6,8 a frappé le Haut Atlas dans la nuit du 8 au 9 septembre 2023.";
    let usgs = ("usgs", "2023-09-09", "The magnitude 6.8 earthquake struck the High Atlas late on Friday 8 September.");
    let other = ("cnrst", "2023-09-10", "Le tremblement de terre avait une magnitude de 7, a indiqué un institut marocain.");
    let r = check_dated(article, "2023-09-10", &[usgs, other]);
    let c = claim(&r, "6,8", "magnitude");
    assert_eq!(c.verdict, Some(Verdict::Disputed), "{:#?}", c.evidence);
    assert_eq!(sources_with(c, Relation::Contradicts), vec!["cnr"]);
    // Alone, the undated figure is no contradiction: its frame is unclear.
    let r = check_dated(article, "2023-09-10", &[other]);
    assert_eq!(claim(&r, "6,8", "magnitude").verdict, Some(Verdict::Related));
    // A year away, it is most likely another quake's or another year's.
    let old = ("old", "2022-09-10", "Le tremblement de terre avait une magnitude de 7, a indiqué un institut marocain.");
    let r = check_dated(article, "2023-09-10", &[usgs, old]);
    assert_eq!(claim(&r, "6,8", "magnitude").verdict, Some(Verdict::Corroborated));
}
