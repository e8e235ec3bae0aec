//! Claim extraction on the five seed articles. Each expectation was written
//! from reading the article: the figures a fact-checker would check, with
//! the value, interval and measure the wording gives, and nothing taken
//! from model names, designators or dates.

use recoupe::report::{Claim, Kind, Qualifier};
use recoupe::{extract, Options};

fn seed(name: &str) -> String {
    let path = format!("{}/tests/fixtures/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// (figure as written, value, qualifier, measure) of every claim.
fn figures(claims: &[Claim]) -> Vec<(String, f64, Qualifier, String)> {
    claims
        .iter()
        .map(|c| {
            let q = &c.quantities[0];
            (q.surface.replace(['\u{a0}', '\u{202f}'], " "), q.value, q.qualifier, q.measure.clone().unwrap_or_default())
        })
        .collect()
}

fn f(surface: &str, value: f64, qualifier: Qualifier, measure: &str) -> (String, f64, Qualifier, String) {
    (surface.to_string(), value, qualifier, measure.to_string())
}

fn no_designator_or_date(claims: &[Claim], text: &str) {
    for c in claims {
        let q = &c.quantities[0];
        assert!(!matches!(q.kind, Kind::Date | Kind::Year | Kind::Ordinal), "{q:?}");
        // The figure is never the number part of a name like "KN-23".
        let before = &text[..q.span[0]];
        assert!(!before.ends_with('-'), "figure inside a designator: {q:?}");
    }
}

#[test]
fn seed_000_shells_share_and_troops() {
    let text = seed("000_0dc4f03766a95fab.txt");
    let x = extract(&text, &Options::default());
    assert_eq!(x.lang.code(), "fr");
    assert_eq!(
        figures(&x.claims),
        vec![
            f("8 millions", 8e6, Qualifier::Approx, "shell"),
            f("trois ans", 3.0, Qualifier::Approx, "duration"),
            f("60 pour cent", 60.0, Qualifier::Exact, "shell.share"),
            f("12 000", 12000.0, Qualifier::Exact, "soldier"),
        ]
    );
    let share = &x.claims[2];
    assert_eq!(share.attribution.as_deref(), Some("Andriy Kovalenko"));
    assert_eq!(share.quantities[0].kind, Kind::Percent);
    // "selon certaines informations" hedges the reinforcements, after "et,",
    // not the 12 000 troops before it.
    assert!(!x.claims[3].hedged);
    assert!(x.claims[3].entities.iter().any(|e| e.canonical == "North Korea"));
    no_designator_or_date(&x.claims, &text);
}

#[test]
fn seed_001_troops_casualties_missiles_artillery() {
    let text = seed("001_125bc9ff60828318.txt");
    let x = extract(&text, &Options::default());
    assert_eq!(
        figures(&x.claims),
        vec![
            f("200", 200.0, Qualifier::Approx, "artillery"),
            f("11 000", 11000.0, Qualifier::Approx, "soldier"),
            f("300", 300.0, Qualifier::Exact, "killed"),
            f("2 700", 2700.0, Qualifier::Approx, "wounded"),
            f("150", 150.0, Qualifier::AtLeast, "missile"),
            f("200", 200.0, Qualifier::Approx, "artillery"),
            f("11 000", 11000.0, Qualifier::Approx, "soldier"),
            f("300", 300.0, Qualifier::Approx, "killed"),
            f("2 700", 2700.0, Qualifier::Approx, "wounded"),
            f("150", 150.0, Qualifier::AtLeast, "missile"),
            f("120", 120.0, Qualifier::AtMost, "artillery"),
            f("8 000", 8000.0, Qualifier::AtMost, "soldier"),
        ]
    );
    let c = &x.claims;
    // The summary bullets come first; the body restates them.
    let restates: Vec<Option<&str>> = c.iter().map(|c| c.restates.as_deref()).collect();
    assert_eq!(restates, vec![None, None, None, None, None, Some("c1"), Some("c2"), Some("c3"), Some("c4"), Some("c5"), None, None]);
    // "au moins 150": [150, ∞); "jusqu'à 8 000": [0, 8 000].
    assert_eq!((c[4].quantities[0].low, c[4].quantities[0].high), (Some(150.0), None));
    assert_eq!((c[11].quantities[0].low, c[11].quantities[0].high), (Some(0.0), Some(8000.0)));
    // Who says it, and hedging.
    assert!(c[5].hedged, "« Selon certaines informations, ... aurait fourni »");
    assert!(c[6].hedged && c[6].attribution.is_some(), "{:?}", c[6]);
    assert_eq!(c[9].attribution.as_deref(), Some("Kyrylo Budanov"));
    assert_eq!(c[11].attribution.as_deref(), Some("Kyrylo Budanov"), "« Il a affirmé » refers to Budanov");
    assert!(c[9].time.contains(&"2025".to_string()));
    assert!(c[4].entities.iter().any(|e| e.surface == "KN-23" && e.kind == "weapon"));
    assert!(c[10].entities.iter().any(|e| e.surface == "M-1989"));
    assert!(c[11].entities.iter().any(|e| e.canonical == "Kursk"));
    no_designator_or_date(c, &text);
}

#[test]
fn seed_002_calibres_and_troops() {
    let text = seed("002_4ea4bb0a10ff803b.txt");
    let x = extract(&text, &Options::default());
    assert_eq!(
        figures(&x.claims),
        vec![
            f("177 mm", 177.0, Qualifier::Exact, "artillery.calibre"),
            f("240 mm", 240.0, Qualifier::Exact, "rocket_launcher.calibre"),
            f("11 000", 11000.0, Qualifier::Approx, "soldier"),
        ]
    );
    // Two calibres in one sentence: two claims with their own clauses.
    assert!(x.claims[0].text.contains("177 mm") && !x.claims[0].text.contains("240 mm"));
    assert!(x.claims[1].text.contains("240 mm") && !x.claims[1].text.contains("177 mm"));
    assert_eq!(x.claims[0].quantities[0].unit.as_deref(), Some("mm"));
    no_designator_or_date(&x.claims, &text);
}

#[test]
fn seed_003_calibre_and_regions() {
    let text = seed("003_209a75ba72bab8cf.txt");
    let x = extract(&text, &Options::default());
    // "les deux pays" refers back to countries already named: no claim.
    assert_eq!(
        figures(&x.claims),
        vec![f("122 mm", 122.0, Qualifier::Exact, "shell.calibre"), f("quatre", 4.0, Qualifier::Exact, "region")]
    );
    no_designator_or_date(&x.claims, &text);
}

#[test]
fn seed_004_has_names_and_dates_but_no_figure() {
    let text = seed("004_8e6147d9107f0c1b.txt");
    let x = extract(&text, &Options::default());
    // "Hwasong-11", "KN-23", "l'usine du 11 février" and "l'été 2023" are
    // names and dates; "plusieurs milliers" gives no figure to check.
    assert!(x.claims.is_empty(), "{:?}", figures(&x.claims));
    let numbers = recoupe::numbers(&text, &Options::default());
    let kinds: Vec<(String, Kind)> = numbers.quantities.iter().map(|q| (q.surface.replace('\u{a0}', " "), q.kind)).collect();
    assert!(kinds.contains(&("2023".into(), Kind::Year)), "{kinds:?}");
    assert!(kinds.contains(&("11 février".into(), Kind::Date)), "{kinds:?}");
    assert!(!kinds.iter().any(|(s, _)| s == "11" || s == "23"), "{kinds:?}");
}
