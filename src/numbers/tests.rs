//! Behaviour of the number layer on the forms news text uses.

use super::*;

fn scan_fr(t: &str) -> Vec<(String, f64, Kind, Qualifier)> {
    run(t, Lang::Fr)
}
fn scan_en(t: &str) -> Vec<(String, f64, Kind, Qualifier)> {
    run(t, Lang::En)
}
fn run(t: &str, lang: Lang) -> Vec<(String, f64, Kind, Qualifier)> {
    scan(t, lang, &NumberOptions::default()).into_iter().map(|m| (t[m.start..m.end].to_string(), m.value, m.kind, m.qualifier)).collect()
}
fn one(t: &str, lang: Lang) -> Mention {
    let v = scan(t, lang, &NumberOptions::default());
    assert_eq!(v.len(), 1, "{t:?} gave {v:?}");
    v.into_iter().next().unwrap()
}

#[test]
fn counts_with_multipliers() {
    assert_eq!(scan_fr("Environ 8 millions d'obus"), vec![("8 millions".into(), 8e6, Kind::Count, Qualifier::Approx)]);
    assert_eq!(scan_en("1.5 million people"), vec![("1.5 million".into(), 1.5e6, Kind::Count, Qualifier::Exact)]);
    assert_eq!(scan_en("10k views"), vec![("10k".into(), 1e4, Kind::Count, Qualifier::Exact)]);
    assert_eq!(scan_en("1.5 billion"), vec![("1.5 billion".into(), 1.5e9, Kind::Count, Qualifier::Exact)]);
    assert_eq!(scan_fr("1,5 billion")[0].1, 1.5e12);
}

#[test]
fn qualifiers_give_intervals() {
    let m = one("environ 11 000 soldats", Lang::Fr);
    assert_eq!((m.value, m.low, m.high, m.qualifier), (11000.0, Some(9900.0), Some(12100.0), Qualifier::Approx));
    let m = one("au moins 150 missiles", Lang::Fr);
    assert_eq!((m.low, m.high, m.qualifier), (Some(150.0), None, Qualifier::AtLeast));
    let m = one("jusqu’à 8 000 soldats", Lang::Fr);
    assert_eq!((m.low, m.high, m.qualifier), (Some(0.0), Some(8000.0), Qualifier::AtMost));
    let m = one("plus de 300 morts", Lang::Fr);
    assert_eq!(m.qualifier, Qualifier::MoreThan);
    let m = one("fewer than 20 troops", Lang::En);
    assert_eq!((m.qualifier, m.high), (Qualifier::LessThan, Some(20.0)));
    let m = one("qu’environ 300 soldats", Lang::Fr);
    assert_eq!(m.qualifier, Qualifier::Approx);
}

#[test]
fn percentages_money_and_units() {
    assert_eq!(scan_fr("60 pour cent des obus")[0], ("60 pour cent".into(), 60.0, Kind::Percent, Qualifier::Exact));
    assert_eq!(scan_fr("60 % des obus")[0], ("60 %".into(), 60.0, Kind::Percent, Qualifier::Exact));
    assert_eq!(scan_en("60 percent")[0].2, Kind::Percent);
    let m = one("1,45 milliard $", Lang::Fr);
    assert_eq!((m.value, m.kind, m.unit), (1.45e9, Kind::Money, Some("USD")));
    let m = one("€3 million", Lang::En);
    assert_eq!((m.value, m.kind, m.unit, m.start), (3e6, Kind::Money, Some("EUR"), 0));
    let m = one("2,5 milliards d’euros", Lang::Fr);
    assert_eq!((m.value, m.unit), (2.5e9, Some("EUR")));
    let m = one("des pièces de 177 mm", Lang::Fr);
    assert_eq!((m.value, m.kind, m.unit), (177.0, Kind::Measure, Some("mm")));
    let m = one("a 240-millimeter rocket", Lang::En);
    assert_eq!((m.value, m.unit), (240.0, Some("mm")));
    let m = one("près de trois ans de combats", Lang::Fr);
    assert_eq!((m.value, m.kind, m.unit, m.qualifier), (3.0, Kind::Duration, Some("year"), Qualifier::Approx));
}

#[test]
fn ranges() {
    let m = one("entre 10 000 et 12 000 soldats", Lang::Fr);
    assert_eq!((m.low, m.high, m.qualifier), (Some(10000.0), Some(12000.0), Qualifier::Range));
    let m = one("10,000 to 12,000 troops", Lang::En);
    assert_eq!((m.low, m.high), (Some(10000.0), Some(12000.0)));
    let m = one("10 000-12 000", Lang::Fr);
    assert_eq!((m.low, m.high), (Some(10000.0), Some(12000.0)));
    let m = one("entre 2 et 3 millions", Lang::Fr);
    assert_eq!((m.low, m.high), (Some(2e6), Some(3e6)));
    // Two figures listed with "et" are two figures.
    assert_eq!(scan_fr("300 tués et 2 700 blessés").len(), 2);
}

#[test]
fn designators_and_names_are_not_figures() {
    for t in ["missiles KN-23", "un F-16", "le COVID-19", "obusiers M-1989", "Hwasong-11", "un A320", "le 2S7 Pion"] {
        assert!(scan_fr(t).is_empty(), "{t:?}: {:?}", scan_fr(t));
    }
    assert!(scan_en("one of the reasons").is_empty());
    assert!(scan_fr("un vent glacial, une usine").is_empty());
}

#[test]
fn dates_and_years_are_kept_apart() {
    let m = one("[24/12/2024](#)", Lang::Fr);
    assert_eq!((m.kind, m.date.as_deref()), (Kind::Date, Some("2024-12-24")));
    let m = one("L’usine du 11 février", Lang::Fr);
    assert_eq!((m.kind, m.date.as_deref()), (Kind::Date, Some("--02-11")));
    assert_eq!(one("en 2025", Lang::Fr).kind, Kind::Year);
    assert_eq!(one("l’été 2023, avec", Lang::Fr).kind, Kind::Year);
    assert_eq!(one("2000 soldats", Lang::Fr).kind, Kind::Count);
    let m = one("On February 11, 2025 they", Lang::En);
    assert_eq!(m.date.as_deref(), Some("2025-02-11"));
    assert!(scan_fr("à 14:30 ou 9h15").is_empty());
}

#[test]
fn numbers_in_words() {
    assert_eq!(scan_fr("onze mille soldats")[0].1, 11000.0);
    assert_eq!(scan_en("twelve thousand troops")[0].1, 12000.0);
    assert_eq!(scan_fr("le deuxième jour")[0].2, Kind::Ordinal);
    assert_eq!(scan_fr("le 2e jour")[0], ("2e".into(), 2.0, Kind::Ordinal, Qualifier::Exact));
    assert_eq!(scan_en("the 21st century")[0].2, Kind::Ordinal);
    assert_eq!(scan_fr("un tiers des obus")[0].1, 1.0 / 3.0);
}

#[test]
fn negative_and_decimals() {
    assert_eq!(scan_fr("3,5 %")[0].1, 3.5);
    assert_eq!(scan_en("3.5%")[0].1, 3.5);
    assert_eq!(scan_fr("une baisse de -3,5 %")[0], ("-3,5 %".into(), -3.5, Kind::Percent, Qualifier::Exact));
    assert_eq!(scan_en("(−12 troops)")[0].1, -12.0);
    // A bullet dash is no minus sign.
    assert_eq!(scan_fr("- 12 000 soldats")[0].1, 12000.0);
}

#[test]
fn pathological_input_terminates() {
    let ones = "1 ".repeat(10_000);
    let v = scan(&ones, Lang::Fr, &NumberOptions::default());
    assert_eq!(v.len(), 10_000);
    let seps = "1,".repeat(10_000);
    assert!(!scan(&seps, Lang::Fr, &NumberOptions::default()).is_empty());
    let digits = "9".repeat(400);
    assert!(scan(&digits, Lang::Fr, &NumberOptions::default()).is_empty());
}
