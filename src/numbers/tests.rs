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
    assert_eq!((m.value, m.low, m.high, m.qualifier), (11000.0, Some(10450.0), Some(11550.0), Qualifier::Approx));
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

#[test]
fn fractions_with_digits_symbols_and_words() {
    assert_eq!(scan_en("3/4 of voters")[0].1, 0.75);
    assert_eq!(scan_en("10 1/2 miles")[0].1, 10.5);
    assert_eq!(scan_fr("les ⅔ des sondés")[0].1, 2.0 / 3.0);
    assert_eq!(scan_fr("un Français sur trois, 1 sur 4")[1], ("1 sur 4".into(), 0.25, Kind::Count, Qualifier::Exact));
    assert_eq!(scan_fr("un sur trois")[0].0, "un sur trois");
    assert_eq!(scan_en("one in five Americans")[0].1, 0.2);
    assert_eq!(scan_en("two out of five hundred")[0].1, 0.004);
    // Not fractions: a slash between unequal figures, a larger numerator,
    // a denominator that counts something or is a year.
    assert_eq!(scan_en("open 24/7")[0].1, 24.0);
    assert_eq!(scan_en("I count 12 in six boxes").len(), 2);
    assert_eq!(scan_en("$2000 over 3 years")[1].2, Kind::Duration);
    assert_eq!(scan_en("one in 2020").len(), 1);
}

#[test]
fn exponents_powers_and_lists() {
    assert_eq!(scan_en("1.3e6")[0].1, 1.3e6);
    assert_eq!(scan_fr("-12e-1")[0].1, -1.2);
    assert_eq!(scan_fr("le 12e jour")[0].2, Kind::Ordinal);
    assert!((scan_fr("1,1^23")[0].1 - 1.1f64.powi(23)).abs() < 1e-9);
    let v: Vec<f64> = scan_en("Exercises 22,24,26,31.").iter().map(|m| m.1).collect();
    assert_eq!(v, vec![22.0, 24.0, 26.0, 31.0]);
}

#[test]
fn web_addresses_hold_no_figures() {
    assert!(scan_en("see https://example.com/2024/05/10/story-123?q=30%25 now").is_empty());
    assert_eq!(scan_en("see www.example.com/10 and 5 others").len(), 1);
}

#[test]
fn multipliers_and_their_extensions() {
    assert_eq!(one("3 millions et demi", Lang::Fr).value, 3.5e6);
    assert_eq!(one("3 million and a quarter", Lang::En).value, 3.25e6);
    assert_eq!(one("13 lakh", Lang::En).value, 1.3e6);
    assert_eq!(one("three lakh crore", Lang::En).value, 3e12);
    assert_eq!(one("2,33 k", Lang::Fr).value, 2330.0);
    assert_eq!(one("une douzaine", Lang::Fr).value, 12.0);
    assert_eq!(one("half a dozen", Lang::En).value, 6.0);
    // A lowercase "b" is a billion after decimals only.
    assert_eq!(one("$1.2b", Lang::En).value, 1.2e9);
    assert!(scan_fr("l'article 5b").is_empty());
    let m = one("75 millions de $", Lang::Fr);
    assert_eq!((m.value, m.unit), (75e6, Some("USD")));
    let m = one("cinq millions de yens", Lang::Fr);
    assert_eq!((m.value, m.unit), (5e6, Some("JPY")));
}

#[test]
fn units_in_their_forms() {
    assert_eq!(one("98,6 degrés fahrenheit", Lang::Fr).unit, Some("°F"));
    assert_eq!(one("The weight is 20 (kg)", Lang::En).end, 21);
    // "m2" is written without a space: "12 m 2 dm" is two lengths.
    let v = scan(" 12 m 2 dm", Lang::En, &NumberOptions::default());
    assert_eq!(v.iter().map(|m| m.unit).collect::<Vec<_>>(), vec![Some("m"), Some("dm")]);
    // Pounds: money after a multiplier, a weight otherwise.
    assert_eq!(one("361 million pounds", Lang::En).unit, Some("GBP"));
    assert_eq!(one("25 pounds", Lang::En).unit, Some("lb"));
    assert_eq!(one("five years old", Lang::En).unit, Some("year"));
    assert_eq!(one("USD115", Lang::En).unit, Some("USD"));
    assert_eq!(one("3 points de pourcentage", Lang::Fr).unit, Some("pp"));
}

#[test]
fn signs_and_comparisons() {
    assert_eq!(one("The answer is minus five", Lang::En).value, -5.0);
    assert_eq!(one("négatif un", Lang::Fr).value, -1.0);
    let m = one("x <= 30", Lang::En);
    assert_eq!((m.qualifier, m.high), (Qualifier::AtMost, Some(30.0)));
    let m = one("y>10", Lang::En);
    assert_eq!(m.qualifier, Qualifier::MoreThan);
    assert_eq!(one("<>30", Lang::En).qualifier, Qualifier::Exact);
    let m = one("when <-30", Lang::En);
    assert_eq!((m.value, m.qualifier, m.low), (-30.0, Qualifier::LessThan, None));
    // A compared figure is a count, not a year.
    assert_eq!(one("supérieur à 1000", Lang::Fr).kind, Kind::Count);
}

#[test]
fn qualifiers_after_the_figure() {
    let t = "environ 500 ou plus dans ces produits";
    let m = one(t, Lang::Fr);
    assert_eq!((&t[m.start..m.end], m.qualifier, m.low, m.high), ("500", Qualifier::AtLeast, Some(500.0), None));
    assert_eq!(&t[m.end..m.qualifier_end.unwrap()], " ou plus");
    assert_eq!(one("five hundred or less", Lang::En).qualifier, Qualifier::AtMost);
    // "or greater than 190" qualifies the next figure.
    let v = scan_en("His score is 200 or greater than 190");
    assert_eq!(v.iter().map(|m| m.3).collect::<Vec<_>>(), vec![Qualifier::Exact, Qualifier::MoreThan]);
}

#[test]
fn two_bounds_make_one_interval() {
    let m = one("supérieur à 10 et inférieur ou égal à 20", Lang::Fr);
    assert_eq!((m.qualifier, m.low, m.high), (Qualifier::Range, Some(10.0), Some(20.0)));
    let m = one("at most 100 and at least 20 apples", Lang::En);
    assert_eq!((m.low, m.high), (Some(20.0), Some(100.0)));
    // Bounds leaving no room stay apart.
    assert_eq!(scan_en("More than 40 and less than 10").len(), 2);
}

#[test]
fn half_needs_a_qualifier() {
    let m = one("plus de la moitié des Français", Lang::Fr);
    assert_eq!((m.value, m.qualifier), (0.5, Qualifier::MoreThan));
    assert_eq!(one("more than half of voters", Lang::En).value, 0.5);
    assert!(scan_en("in the first half").iter().all(|m| m.2 == Kind::Ordinal));
}

#[test]
fn articles_before_ordinals_stay_articles() {
    assert_eq!(scan_fr("un cinquième mandat"), vec![("cinquième".into(), 5.0, Kind::Ordinal, Qualifier::Exact)]);
    assert_eq!(scan_en("a third of flights")[0].1, 1.0 / 3.0);
    assert_eq!(scan_en("a third term")[0].2, Kind::Ordinal);
    assert!(scan_fr("des milliers de victimes").is_empty());
}
