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
    assert_eq!(scan_fr("un Français sur trois, 1 sur 4")[1], ("1 sur 4".into(), 0.25, Kind::Fraction, Qualifier::Exact));
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
    // Points after a change are percentage points; points of something
    // are counted.
    assert_eq!(one("en baisse de 3 points", Lang::Fr).unit, Some("pp"));
    assert_eq!(one("répartis sur 100 points de blocage", Lang::Fr).unit, None);
    assert_eq!(one("up 40 points of sale", Lang::En).unit, None);
}

#[test]
fn a_weak_cue_makes_a_year_unless_what_it_counts_follows() {
    assert_eq!(one("a crowd of 2000 people marched", Lang::En).kind, Kind::Count);
    assert_eq!(one("une foule de 2000 personnes", Lang::Fr).kind, Kind::Count);
    assert_eq!(one("the end of 2024 saw prices fall", Lang::En).kind, Kind::Year);
    assert_eq!(one("Inflation for 2023 was high", Lang::En).kind, Kind::Year);
    let v = scan("de 2019 à 2023", Lang::Fr, &NumberOptions::default());
    assert_eq!(v.iter().map(|m| m.kind).collect::<Vec<_>>(), vec![Kind::Year, Kind::Year]);
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
fn half_is_a_fraction_of_a_whole() {
    let m = one("plus de la moitié des Français", Lang::Fr);
    assert_eq!((m.value, m.qualifier), (0.5, Qualifier::MoreThan));
    assert_eq!(one("more than half of voters", Lang::En).value, 0.5);
    assert!(scan_en("in the first half").iter().all(|m| m.2 == Kind::Ordinal));
    assert!(scan_en("in the first half of the year").iter().all(|m| m.1 != 0.5));
    assert!(scan_fr("au premier semestre, la moitié de 2025").iter().all(|m| m.1 != 0.5));
    let m = one("la moitié des obus tirés", Lang::Fr);
    assert_eq!((m.value, m.qualifier), (0.5, Qualifier::Exact));
    assert_eq!(one("Half of North Korean missiles failed", Lang::En).value, 0.5);
    assert_eq!(one("half the population voted", Lang::En).value, 0.5);
}

/// A share written as a fraction is a fraction of the whole after it, never
/// a count of 0.33 voters; a fraction above one or with a unit is not.
#[test]
fn fractions_are_shares_of_a_whole() {
    for (text, lang, value) in [
        ("un tiers des électeurs", Lang::Fr, 1.0 / 3.0),
        ("deux tiers des sièges", Lang::Fr, 2.0 / 3.0),
        ("les trois quarts des obus", Lang::Fr, 0.75),
        ("la moitié des obus", Lang::Fr, 0.5),
        ("un TGV sur dix, 1 sur 10", Lang::Fr, 0.1),
        ("a third of voters", Lang::En, 1.0 / 3.0),
        ("two-thirds of the seats", Lang::En, 2.0 / 3.0),
        ("a quarter of the budget", Lang::En, 0.25),
        ("Half of North Korean missiles", Lang::En, 0.5),
        ("3/4 of voters", Lang::En, 0.75),
    ] {
        let m = scan(text, lang, &NumberOptions::default()).pop().unwrap();
        assert_eq!(m.kind, Kind::Fraction, "{text:?}");
        assert!((m.value - value).abs() < 1e-9, "{text:?}: {}", m.value);
    }
    assert_eq!(scan_en("10 1/2 miles")[0].2, Kind::Measure);
    assert_eq!(scan_en("three and three fifths")[0].2, Kind::Count);
    assert_eq!(scan_fr("un demi-litre")[0].2, Kind::Measure);
}

#[test]
fn articles_before_ordinals_stay_articles() {
    assert_eq!(scan_fr("un cinquième mandat"), vec![("cinquième".into(), 5.0, Kind::Ordinal, Qualifier::Exact)]);
    assert_eq!(scan_en("a third of flights")[0].1, 1.0 / 3.0);
    assert_eq!(scan_en("a third term")[0].2, Kind::Ordinal);
    assert_eq!(scan_fr("des milliers de victimes")[0].3, Qualifier::Vague);
}

/// (text, value, unit, qualifier) for the forms issue 11 lists; the value
/// is what the words mean, the unit the currency or measure they name.
fn check_table(lang: Lang, rows: &[(&str, f64, Option<&str>, Qualifier)]) {
    for &(text, value, unit, qualifier) in rows {
        let m = one(text, lang);
        assert!((m.value - value).abs() <= 1e-9 * value.abs().max(1.0), "{text:?}: value {} not {value}", m.value);
        assert_eq!((m.unit, m.qualifier), (unit, qualifier), "{text:?}");
    }
}

#[test]
fn money_suffixes_multiply_the_amount() {
    use Qualifier::Exact;
    check_table(
        Lang::En,
        &[
            ("a $700m deal", 700e6, Some("USD"), Exact),
            ("£120m in aid", 120e6, Some("GBP"), Exact),
            ("£ 120m in aid", 120e6, Some("GBP"), Exact),
            ("€1.5bn of loans", 1.5e9, Some("EUR"), Exact),
            ("a $5k bonus", 5e3, Some("USD"), Exact),
            ("a $700 m loan", 700e6, Some("USD"), Exact),
            // Sub-units keep their own unit: six cents, not 0.06 dollars.
            ("up 6 cents", 6.0, Some("cent"), Exact),
        ],
    );
    check_table(
        Lang::Fr,
        &[
            ("un budget de 700 M€", 700e6, Some("EUR"), Exact),
            ("une dette de 3 Md€", 3e9, Some("EUR"), Exact),
            ("2,5 Mds d'euros investis", 2.5e9, Some("EUR"), Exact),
            ("50 centimes le litre", 50.0, Some("cent"), Exact),
        ],
    );
    // Without a currency, "m" stays a metre.
    assert_eq!(one("a 700m race", Lang::En).unit, Some("m"));
}

#[test]
fn verbs_of_change_give_a_change_and_a_level() {
    for (text, lang, values) in [
        ("hours increased by 0.1 hour to 34.4 hours", Lang::En, vec![0.1, 34.4]),
        ("earnings increased by six cents to $24.79", Lang::En, vec![6.0, 24.79]),
        ("the rate rose by 2% to 5%", Lang::En, vec![2.0, 5.0]),
        ("le taux passe de 7,3 % à 7,4 %", Lang::Fr, vec![7.3, 7.4]),
    ] {
        let got: Vec<f64> = scan(text, lang, &NumberOptions::default()).iter().map(|m| m.value).collect();
        assert_eq!(got, values, "{text:?}");
    }
    // Without a verb of change, "de 10 à 20" is still a range.
    assert_eq!(one("de 10 à 20 soldats", Lang::Fr).qualifier, Qualifier::Range);
}

#[test]
fn round_multiples_are_approximate_or_vague() {
    use Qualifier::{Approx, LessThan, Vague};
    check_table(
        Lang::Fr,
        &[
            ("une dizaine de blessés", 10.0, None, Approx),
            ("une quinzaine de pays", 15.0, None, Approx),
            ("une vingtaine de morts", 20.0, None, Approx),
            ("une centaine de soldats", 100.0, None, Approx),
            ("un millier de soldats", 1000.0, None, Approx),
            ("une dizaine de milliers de soldats", 10000.0, None, Approx),
            ("moins d'un millier de soldats", 1000.0, None, LessThan),
            ("des dizaines de milliers de soldats", 20000.0, None, Vague),
            ("des centaines de soldats", 200.0, None, Vague),
        ],
    );
    check_table(
        Lang::En,
        &[
            ("a dozen soldiers", 12.0, None, Approx),
            ("dozens of soldiers", 24.0, None, Vague),
            ("scores of people", 40.0, None, Vague),
            ("several hundred troops", 200.0, None, Vague),
            ("hundreds of troops", 200.0, None, Vague),
            ("tens of thousands of people", 20000.0, None, Vague),
        ],
    );
    // "une vingtaine" allows 17 to 23, not 30; "hundreds" never means 100.
    let m = one("une vingtaine de morts", Lang::Fr);
    assert!(m.low.unwrap() > 15.0 && m.high.unwrap() < 25.0);
    let m = one("hundreds of troops", Lang::En);
    assert!(m.low.unwrap() > 100.0);
}

#[test]
fn units_people_use() {
    use Qualifier::Exact;
    check_table(
        Lang::Fr,
        &[
            ("25 cl de vin", 25.0, Some("cl"), Exact),
            ("3 hectolitres", 3.0, Some("hl"), Exact),
            ("un demi-litre", 0.5, Some("l"), Exact),
            ("37 degré C", 37.0, Some("°C"), Exact),
            ("37 ° celsius", 37.0, Some("°C"), Exact),
            ("il fera moins 5 degrés", -5.0, Some("°C"), Exact),
            ("à 41,817 km/h", 41.817, Some("km/h"), Exact),
            ("20 hectares", 20.0, Some("ha"), Exact),
            ("64 Go", 64.0, Some("GB"), Exact),
            ("un solde de moins 1200000", -1.2e6, None, Exact),
        ],
    );
    check_table(
        Lang::En,
        &[
            ("3 gal of water", 3.0, Some("gal"), Exact),
            ("20 barrels of oil", 20.0, Some("bbl"), Exact),
            ("-3 °C tonight", -3.0, Some("°C"), Exact),
            ("a 500 MW plant", 500.0, Some("MW"), Exact),
            ("12 TWh a year", 12.0, Some("TWh"), Exact),
            ("2,000 acres", 2000.0, Some("acre"), Exact),
            ("up 0.3 percentage points", 0.3, Some("pp"), Exact),
        ],
    );
    // "au moins 5 degrés" is at least +5, and a bullet dash is no sign.
    assert_eq!(one("au moins 5 degrés", Lang::Fr).value, 5.0);
    assert_eq!(one("- 12 000 soldats", Lang::Fr).value, 12000.0);
}

#[test]
fn date_and_year_look_alikes_are_not_counts() {
    for (text, lang) in [
        ("du 16 au 17 avril 2025", Lang::Fr),
        ("les 16 et 17 avril", Lang::Fr),
        ("on 16-17 April", Lang::En),
        ("on February 11 they met", Lang::En),
        ("on Feb. 6 they met", Lang::En),
        ("les années 1980-1990", Lang::Fr),
        ("les années 80", Lang::Fr),
        ("prices of the 1990s", Lang::En),
        ("en 2024 et 2026", Lang::Fr),
        ("le 111e régiment", Lang::Fr),
        ("the 4th brigade", Lang::En),
        ("WilsonSeptember 2, 2025Nearly", Lang::En),
    ] {
        let counts: Vec<_> = run(text, lang).into_iter().filter(|m| matches!(m.2, Kind::Count | Kind::Measure)).collect();
        assert!(counts.is_empty(), "{text:?} gave counts {counts:?}");
    }
    // The glued date leaves the count after it whole.
    let got = scan_en("WilsonSeptember 2, 2025Nearly 2,000 soldiers");
    assert_eq!(got.iter().filter(|m| m.2 == Kind::Count).map(|m| m.1).collect::<Vec<_>>(), vec![2000.0]);
    // Counts between years stay a range of counts.
    assert_eq!(one("entre 2000 et 3000 soldats", Lang::Fr).qualifier, Qualifier::Range);
}

#[test]
fn qualifiers_from_adjectives_and_verbs() {
    use Qualifier::{AtLeast, AtMost, MoreThan};
    check_table(
        Lang::Fr,
        &[
            ("une portée maximale de 67 km", 67.0, Some("km"), AtMost),
            ("une portée minimale de 20 km", 20.0, Some("km"), AtLeast),
            ("au plus 300 soldats", 300.0, None, AtMost),
            ("la dette dépasse 3 000 milliards", 3e12, None, MoreThan),
            ("le bilan franchit la barre de 1 000 morts", 1000.0, None, MoreThan),
            ("pas moins de 300 soldats", 300.0, None, AtLeast),
        ],
    );
    check_table(
        Lang::En,
        &[
            ("the 10,000-plus soldiers", 10000.0, None, AtLeast),
            ("the bill exceeds 300 dollars", 300.0, Some("USD"), MoreThan),
            ("the toll tops 2,000", 2000.0, None, MoreThan),
            ("no fewer than 300 people", 300.0, None, AtLeast),
            ("a maximum of 67 km", 67.0, Some("km"), AtMost),
        ],
    );
}

#[test]
fn durations_written_in_parts_make_one_figure() {
    use Qualifier::Exact;
    check_table(
        Lang::Fr,
        &[
            ("il a bouclé le parcours en 6 min 17 s", 6.0 + 17.0 / 60.0, Some("minute"), Exact),
            ("un débat de 1 h 30 hier soir", 1.5, Some("hour"), Exact),
            ("après 2 h 30 min de négociations", 2.5, Some("hour"), Exact),
            ("il y a 2 ans et demi", 2.5, Some("year"), Exact),
            ("un an et demi plus tard", 1.5, Some("year"), Exact),
            ("une heure et demie de retard", 1.5, Some("hour"), Exact),
            ("45 min de retard", 45.0, Some("minute"), Exact),
        ],
    );
    check_table(
        Lang::En,
        &[
            ("it took a year and a half", 1.5, Some("year"), Exact),
            ("an hour and a half later", 1.5, Some("hour"), Exact),
            ("after 3 hrs 20 mins of talks", 3.0 + 20.0 / 60.0, Some("hour"), Exact),
            ("he is 5 feet 2 inches tall", 5.0 + 2.0 / 12.0, Some("ft"), Exact),
            ("a 12 ft 2 in wall", 12.0 + 2.0 / 12.0, Some("ft"), Exact),
        ],
    );
    // Metric lengths combine only through decimals; a bare figure after
    // hours that is no two-digit minute stays apart.
    assert_eq!(scan_en(" 12 m 2 dm").len(), 2);
    assert_eq!(scan_fr("pendant 3 h 5 000 personnes ont défilé").len(), 2);
}

#[test]
fn clock_times_are_not_durations() {
    for (text, lang) in [
        ("rendez-vous à 7 h 30 devant la mairie", Lang::Fr),
        ("les bureaux ferment vers 20 h", Lang::Fr),
        ("dès 6 heures du matin", Lang::Fr),
        ("samedi 14 h 30, place de la République", Lang::Fr),
        ("jusqu'à 18 h", Lang::Fr),
        ("polls close at 10 h", Lang::En),
    ] {
        assert_eq!(run(text, lang), vec![], "{text:?}");
    }
    // A distance in time, or more than a day, is a duration.
    assert_eq!(one("à 3 h de route de Paris", Lang::Fr).unit, Some("hour"));
    assert_eq!(one("à 48 heures du scrutin", Lang::Fr).unit, Some("hour"));
    assert_eq!(one("à 24 heures du scrutin", Lang::Fr).unit, Some("hour"));
    assert_eq!(one("un discours de 2 h", Lang::Fr).value, 2.0);
}

/// (surface, value, unit) of every mention of `t`.
fn money(t: &str, lang: Lang) -> Vec<(String, f64, Option<&'static str>)> {
    scan(t, lang, &NumberOptions::default()).into_iter().map(|m| (t[m.start..m.end].to_string(), m.value, m.unit)).collect()
}

#[test]
fn currency_codes_words_and_cents() {
    let en = |t| money(t, Lang::En);
    let fr = |t| money(t, Lang::Fr);
    let m = |s: &str, v: f64, u: &'static str| (s.to_string(), v, Some(u));

    // A multiplier glued before a code in capitals, or written after it.
    assert_eq!(en("losses in excess of 30 MUSD were reported"), vec![m("30 MUSD", 30e6, "USD")]);
    assert_eq!(en("revenues of about MAUD 60"), vec![m("MAUD 60", 60e6, "AUD")]);
    assert_eq!(en("a budget of 500 kEUR"), vec![m("500 kEUR", 5e5, "EUR")]);
    assert_eq!(en("totalling twenty MUSD"), vec![m("twenty MUSD", 20e6, "USD")]);
    assert_eq!(en("They lost 75 USD million."), vec![m("75 USD million", 75e6, "USD")]);
    let r = one("un chiffre d'affaires de 10-20 MEUR", Lang::Fr);
    assert_eq!((r.low, r.high, r.unit, r.kind), (Some(10e6), Some(20e6), Some("EUR"), Kind::Money));
    // Not a code: "M" alone stays a million of nothing in particular, and a
    // word before "USD" is no prefix.
    assert_eq!(en("30 M people"), vec![("30 M".to_string(), 30e6, None)]);
    assert_eq!(en("30 MUSIC awards"), vec![("30".to_string(), 30.0, None)]);
    assert_eq!(en("75 USD, million"), vec![m("75 USD", 75.0, "USD")]);

    // Cents after a whole amount.
    assert_eq!(
        en("It costs one dollar and two and three points."),
        vec![m("one dollar and two", 1.02, "USD"), ("three".into(), 3.0, None)]
    );
    assert_eq!(en("It costs c $ 100 and fifty."), vec![m("c $ 100 and fifty", 100.5, "CAD")]);
    assert_eq!(en("It costs $5 and 20 cents."), vec![m("$5 and 20 cents", 5.2, "USD")]);
    assert_eq!(fr("ça ne coûte que treize euros et quarante-cinq cents."), vec![m("treize euros et quarante-cinq cents", 13.45, "EUR")]);
    // Not cents: a count after "and", two amounts listed, a range, decimals.
    assert_eq!(en("It cost 10 dollars and 20 people came."), vec![m("10 dollars", 10.0, "USD"), ("20".into(), 20.0, None)]);
    assert_eq!(en("Tickets cost $10 and 15."), vec![m("$10", 10.0, "USD"), ("15".into(), 15.0, None)]);
    let r = one("between 10 dollars and 20.", Lang::En);
    assert_eq!((r.qualifier, r.low, r.high, r.unit), (Qualifier::Range, Some(10.0), Some(20.0), Some("USD")));
    assert_eq!(en("It costs 2.5 dollars and 10."), vec![m("2.5 dollars", 2.5, "USD"), ("10".into(), 10.0, None)]);
    assert!(en("Article 5 and 20").iter().all(|(_, _, u)| u.is_none()));

    // A sign then a figure: the sign is that figure's.
    assert_eq!(en("$ 20,000.00 $ 37,305.97 february expenses"), vec![m("$ 20,000.00", 20000.0, "USD"), m("$ 37,305.97", 37305.97, "USD")]);
    assert_eq!(en("rmb 10 usd 20"), vec![m("rmb 10", 10.0, "CNY"), m("usd 20", 20.0, "USD")]);
    assert_eq!(en("£1 €1.15"), vec![m("£1", 1.0, "GBP"), m("€1.15", 1.15, "EUR")]);
    // French writes the sign after the figure, and "2 € 50" is 2.50 €.
    assert_eq!(fr("20 $ 30 $"), vec![m("20 $", 20.0, "USD"), m("30 $", 30.0, "USD")]);
    assert_eq!(fr("2 € 50."), vec![m("2 € 50", 2.5, "EUR")]);

    // Codes in lower case, subunits and signs from elsewhere.
    assert_eq!(en("10 rmb 20 usd"), vec![m("10 rmb", 10.0, "CNY"), m("20 usd", 20.0, "USD")]);
    assert_eq!(en("It costs half million usd."), vec![m("half million usd", 5e5, "USD")]);
    assert_eq!(en("2 satoshis one day"), vec![m("2 satoshis", 2.0, "satoshi")]);
    assert_eq!(en("lend me 100,000 ரூ for"), vec![m("100,000 ரூ", 1e5, "LKR")]);
    assert_eq!(fr("estimé à 6,65 milliards de pesewas"), vec![m("6,65 milliards de pesewas", 6.65e9, "pesewa")]);
    // Words that are no lower-case code do not stand before a figure.
    assert_eq!(en("try 3 times"), vec![("3".to_string(), 3.0, None)]);
    assert_eq!(fr("des dollars 5 ans plus tard"), vec![("5 ans".to_string(), 5.0, Some("year"))]);

    // The article before a currency counts one of it.
    assert_eq!(en("its shares slid to close one penny"), vec![m("one penny", 1.0, "GBX")]);
    assert_eq!(en("its controversial one-yen bid"), vec![m("one-yen", 1.0, "JPY")]);
    assert_eq!(fr("pour fermer un penny"), vec![m("un penny", 1.0, "GBX")]);
    assert_eq!(fr("pour un euro de plus"), vec![m("un euro", 1.0, "EUR")]);
    // Not an amount: "a" is no count, an ordinary word, the currency itself.
    assert!(en("a dollar store").is_empty());
    assert!(en("No one won the lottery").is_empty());
    assert!(fr("un franc succès").is_empty());
    assert!(fr("un euro fort pénalise les exportations").is_empty());
    assert!(fr("un dollar faible").is_empty());
}

/// The figure, value, unit and kind of the only mention of `t`.
fn measured(t: &str, lang: Lang) -> (String, f64, Option<&'static str>, Kind) {
    let m = one(t, lang);
    (t[m.start..m.end].to_string(), m.value, m.unit, m.kind)
}

#[test]
fn angles_ages_and_written_out_temperatures() {
    use Kind::{Duration, Measure};
    // Degrees named with a rotation or an angle are an angle.
    assert_eq!(measured("tourner à gauche à 45 degrés", Lang::Fr), ("45 degrés".into(), 45.0, Some("°"), Measure));
    assert_eq!(measured("Rotate 90°", Lang::En), ("90°".into(), 90.0, Some("°"), Measure));
    assert_eq!(measured("turn a 45 degrees angle", Lang::En).2, Some("°"));
    assert_eq!(measured("tourner à un angle de 45 degrés", Lang::Fr).2, Some("°"));
    assert_eq!(measured("L'angle est de 0,8 rad", Lang::Fr), ("0,8 rad".into(), 0.8, Some("rad"), Measure));
    assert_eq!(measured("The angle is 0.8rad", Lang::En).2, Some("rad"));
    // Turns: beside a rotation, or a fraction of one.
    assert_eq!(measured("rotate 3 turns", Lang::En), ("3 turns".into(), 3.0, Some("turn"), Measure));
    assert_eq!(measured("faire un demi-tour", Lang::Fr), ("un demi-tour".into(), 0.5, Some("turn"), Measure));
    assert_eq!(measured("make a half turn", Lang::En), ("a half turn".into(), 0.5, Some("turn"), Measure));
    // Degrees in weather stay temperatures, cue or not.
    assert_eq!(measured("Il a fait 45 degrés à l'ombre à Séville.", Lang::Fr).2, Some("°C"));
    assert_eq!(measured("Le thermomètre tourne autour de 30 degrés.", Lang::Fr).2, Some("°C"));
    assert_eq!(measured("Les températures ont tourné à 40 degrés.", Lang::Fr).2, Some("°C"));
    assert_eq!(measured("set the thermostat to 85°", Lang::En).2, Some("°C"));
    // A scale keeps a temperature whatever the verb.
    assert_eq!(measured("rotate the dial to 45 degrees fahrenheit", Lang::En).2, Some("°F"));
    // Rounds of a vote are no turns.
    assert_eq!(measured("Il y aura 3 tours de scrutin.", Lang::Fr), ("3".into(), 3.0, None, Kind::Count));

    // Ages: a word before the figure, "yo", the number "one" before "year old", "un ans".
    assert_eq!(measured("a man of age 87 with hypertension", Lang::En), ("age 87".into(), 87.0, Some("year"), Duration));
    let m = one("children aged 5 to 11", Lang::En);
    assert_eq!((m.low, m.high, m.unit, m.qualifier), (Some(5.0), Some(11.0), Some("year"), Qualifier::Range));
    assert_eq!(one("people over age 65", Lang::En).qualifier, Qualifier::MoreThan);
    assert_eq!(measured("a 87 yo man", Lang::En), ("87 yo".into(), 87.0, Some("year"), Duration));
    assert_eq!(measured("a promise that is one year old", Lang::En), ("one year old".into(), 1.0, Some("year"), Duration));
    assert_eq!(measured("une promesse qui est un ans", Lang::Fr), ("un ans".into(), 1.0, Some("year"), Duration));
    assert_eq!(measured("that one mile can provide", Lang::En), ("one mile".into(), 1.0, Some("mi"), Measure));
    // An article is no figure before a bare time or a singular unit.
    for (t, lang) in [("one day he will come", Lang::En), ("a year old", Lang::En), ("il y a un an", Lang::Fr), ("un mois", Lang::Fr)] {
        assert!(run(t, lang).is_empty(), "{t:?} gave {:?}", run(t, lang));
    }
    // A name ending in "Age" makes no age.
    assert_eq!(measured("the Stone Age 3 exhibit", Lang::En).2, None);

    // A spaced minus inside a sentence signs a temperature; a bullet dash never does.
    assert_eq!(
        measured("how to convert - 20 degrees fahrenheit to celsius", Lang::En),
        ("- 20 degrees fahrenheit".into(), -20.0, Some("°F"), Measure)
    );
    assert_eq!(measured("comment convertir - 20 degrés fahrenheit", Lang::Fr).1, -20.0);
    assert_eq!(measured("- 12 000 soldats ukrainiens", Lang::Fr), ("12 000".into(), 12000.0, None, Kind::Count));
    assert_eq!(measured("- 20 degrés au sommet", Lang::Fr).1, 20.0);
    assert_eq!(one("entre 10 - 20 °C", Lang::Fr).low, Some(10.0));

    // Written-out temperatures and units: misspelling, "de" after round millions, brackets, inches.
    assert_eq!(measured("34.9 centigrate to farenheit", Lang::En), ("34.9 centigrate".into(), 34.9, Some("°C"), Measure));
    assert_eq!(measured("La température est 4000000 de degrés", Lang::Fr), ("4000000 de degrés".into(), 4e6, Some("°C"), Measure));
    assert_eq!(measured("The weight is 20 <kg>", Lang::En), ("20 <kg>".into(), 20.0, Some("kg"), Measure));
    assert_eq!(measured("a pen that is 10 \" long", Lang::En), ("10 \"".into(), 10.0, Some("in"), Measure));
    // A quote that closes a quotation is no inch mark.
    assert_eq!(measured("the \"top 10\" list", Lang::En).2, None);
    // "Mb" is a megabit; a small "mb" is left unread (millibars, megabytes).
    assert_eq!(measured("a 100 Mb line", Lang::En).2, Some("Mbit"));
    assert_eq!(measured("a pressure of 940 mb", Lang::En).2, None);
    // Cooking measures.
    assert_eq!(measured("½ teaspoon baking powder", Lang::En), ("½ teaspoon".into(), 0.5, Some("tsp"), Measure));
    assert_eq!(measured("3 tablespoons butter", Lang::En).2, Some("tbsp"));
    // A one-letter unit before a dashed figure starts a designator.
    assert_eq!(measured("24703 L-202", Lang::En), ("24703".into(), 24703.0, None, Kind::Count));
}

#[test]
fn digits_with_scale_words_make_one_figure() {
    let figures = |t: &str, lang: Lang| run(t, lang).into_iter().map(|(s, v, _, _)| (s, v)).collect::<Vec<_>>();
    // Digits, a scale word, and what fills the places below it.
    assert_eq!(figures("3 hundred and 21 people", Lang::En), vec![("3 hundred and 21".into(), 321.0)]);
    assert_eq!(figures("3 hundred and one", Lang::En), vec![("3 hundred and one".into(), 301.0)]);
    assert_eq!(figures("4 thousand 3 hundred and 21 votes", Lang::En), vec![("4 thousand 3 hundred and 21".into(), 4321.0)]);
    assert_eq!(figures("3 cent un", Lang::Fr), vec![("3 cent un".into(), 301.0)]);
    assert_eq!(figures("2 millions 300 000 habitants", Lang::Fr), vec![("2 millions 300 000".into(), 2.3e6)]);
    assert_eq!(figures("1 million 200 000 personnes", Lang::Fr), vec![("1 million 200 000".into(), 1.2e6)]);
    assert_eq!(figures("3 milliards 500 millions de tonnes", Lang::Fr)[0].1, 3.5e9);
    assert_eq!(figures("deux millions 300 000 électeurs", Lang::Fr), vec![("deux millions 300 000".into(), 2.3e6)]);
    // Indian scales take a remainder too, and a crore of lakhs is 10^12.
    assert_eq!(figures("Je compte six crore et deux cents", Lang::Fr), vec![("six crore et deux cents".into(), 60_000_200.0)]);
    assert_eq!(figures("I count 6 crore and two hundred", Lang::En), vec![("6 crore and two hundred".into(), 60_000_200.0)]);
    assert_eq!(one("trois crore lakh", Lang::Fr).value, 3e12);
    // Both ends of a range take their remainder.
    let m = one("entre 1 million 200 000 et 1 million 500 000 personnes", Lang::Fr);
    assert_eq!((m.low, m.high, m.qualifier), (Some(1.2e6), Some(1.5e6), Qualifier::Range));

    // Zero fills nothing: "and 0" is a figure of its own.
    assert_eq!(
        figures("4 thousand 3 hundred and 0 are two numbers", Lang::En),
        vec![("4 thousand 3 hundred".into(), 4300.0), ("0".into(), 0.0), ("two".into(), 2.0)]
    );
    // A figure without a scale word takes no remainder.
    assert_eq!(figures("4000 3 hundred and 21", Lang::En), vec![("4000".into(), 4000.0), ("3 hundred and 21".into(), 321.0)]);
    // A comma lists figures; a scale word alone ends the figure.
    assert_eq!(figures("3 hundred, 21 others", Lang::En), vec![("3 hundred".into(), 300.0), ("21".into(), 21.0)]);
    assert_eq!(figures("3 hundred people", Lang::En), vec![("3 hundred".into(), 300.0)]);
    // Digits that do not fill the places below the scale count something else.
    let v = scan("2 millions 20 ans plus tard", Lang::Fr, &NumberOptions::default());
    assert_eq!(v.iter().map(|m| (m.value, m.kind)).collect::<Vec<_>>(), vec![(2e6, Kind::Count), (20.0, Kind::Duration)]);
    assert_eq!(figures("5 thousand 20 soldiers", Lang::En), vec![("5 thousand".into(), 5000.0), ("20".into(), 20.0)]);
    // An abbreviated scale takes no remainder: "10k" is also a race.
    assert_eq!(figures("the 10k 500 runners", Lang::En), vec![("10k".into(), 1e4), ("500".into(), 500.0)]);
    // Two scaled figures, or "et" between the ends of a range, stay apart.
    assert_eq!(figures("3 millions et 2 millions", Lang::Fr).len(), 2);
    assert_eq!(figures("entre 2 millions et 500 000", Lang::Fr), vec![("2 millions".into(), 2e6), ("500 000".into(), 5e5)]);
    // French "cent" takes no "et", and English "hundred" no bare digits.
    assert_eq!(figures("3 cent et 20", Lang::Fr).len(), 2);
    assert_eq!(figures("3 hundred 21", Lang::En).len(), 2);
}

#[test]
fn ranks_between_two_ordinals_make_a_range() {
    let m = one("Il se situe entre le dixième et le quinzième.", Lang::Fr);
    assert_eq!((m.kind, m.qualifier, m.low, m.high), (Kind::Ordinal, Qualifier::Range, Some(10.0), Some(15.0)));
    let m = one("between the 10th and 15th centuries", Lang::En);
    assert_eq!((m.kind, m.low, m.high), (Kind::Ordinal, Some(10.0), Some(15.0)));
    // Without "entre"/"between", "et" lists two ranks.
    let v = scan("le premier et le second tour", Lang::Fr, &NumberOptions::default());
    assert_eq!(v.iter().map(|m| (m.value, m.qualifier)).collect::<Vec<_>>(), vec![(1.0, Qualifier::Exact), (2.0, Qualifier::Exact)]);
    // A day of the month after an ordinal day is no rank.
    assert!(scan("entre le 1er et le 15 mars", Lang::Fr, &NumberOptions::default())
        .iter()
        .all(|m| m.qualifier != Qualifier::Range || m.kind != Kind::Ordinal));
}

#[test]
fn areas_with_square_abbreviated() {
    // "sq" for "square" is how English news writes areas.
    assert_eq!(
        measured("clearing dropped to 8,174 sq km in the Cerrado", Lang::En),
        ("8,174 sq km".into(), 8174.0, Some("km2"), Kind::Measure)
    );
    assert_eq!(measured("an area of 2,428 sq miles", Lang::En).2, Some("mi2"));
    assert_eq!(measured("13,038 sq. km of forest were cleared", Lang::En).2, Some("km2"));
    assert_eq!(measured("a 1,200 sq ft flat", Lang::En).2, Some("ft2"));
    // Square miles and kilometres convert into each other.
    let (mi, km) = (one("3,156 sq miles", Lang::En), one("8,174 sq km", Lang::En));
    let (fm, fk) = (crate::lexicon::unit_factor(mi.unit.unwrap()).unwrap().1, crate::lexicon::unit_factor(km.unit.unwrap()).unwrap().1);
    assert!((mi.value * fm / (km.value * fk) - 1.0).abs() < 0.01, "3,156 sq mi is about 8,174 km²");
}

#[test]
fn french_shares_name_their_whole_between_the_figures() {
    for (t, v) in [
        ("Un Français sur trois a renoncé", 1.0 / 3.0),
        ("seul 1 TGV sur 10 a circulé", 0.1),
        ("neuf électeurs sur dix", 0.9),
        ("un salarié agricole sur cinq", 0.2),
    ] {
        let m = one(t, Lang::Fr);
        assert_eq!((m.kind, m.value), (Kind::Fraction, v), "{t}");
    }
    assert_eq!(measured("Un Français sur trois a renoncé", Lang::Fr).0, "Un Français sur trois");
    // Two counts, not a share: a toll and the force it came from, or a
    // figure over a time span.
    let ms = run("300 soldats sur 12 000 ont été tués", Lang::Fr);
    assert_eq!(ms.iter().map(|m| (m.2, m.1)).collect::<Vec<_>>(), [(Kind::Count, 300.0), (Kind::Count, 12000.0)]);
    assert!(run("un milliard d'euros sur cinq ans", Lang::Fr).iter().all(|m| m.2 != Kind::Fraction));
    assert!(run("des manifestants sur la place", Lang::Fr).is_empty());
}
