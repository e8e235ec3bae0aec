//! Frames read from the sentences of news writing.

use crate::report::{Aspect, Frame, Lang};
use crate::Options;

fn frames(text: &str, lang: Lang, date: Option<&str>) -> Vec<(String, Frame)> {
    let opts = Options { lang: Some(lang), date: date.and_then(super::period::Ymd::parse), ..Options::default() };
    crate::claims::extract(text, &opts)
        .extraction
        .claims
        .into_iter()
        .map(|c| {
            let q = c.quantities.into_iter().next().unwrap();
            (q.surface, q.frame)
        })
        .collect()
}

fn period(f: &Frame) -> String {
    f.period.as_ref().map(|p| p.label.clone()).unwrap_or_default()
}

#[test]
fn subjects_before_the_figure_name_the_measure() {
    let f = frames(
        "Le chômage a reculé à 7,3 % au deuxième trimestre 2024, selon l'Insee. Le PIB a progressé de 0,4 % au troisième trimestre. La dette publique dépasse désormais 3 000 milliards d'euros.",
        Lang::Fr,
        None,
    );
    let what: Vec<(&str, Aspect)> = f.iter().map(|(_, f)| (f.what.as_deref().unwrap_or(""), f.aspect)).collect();
    assert_eq!(what, [("unemployment", Aspect::Level), ("gdp", Aspect::Change), ("public_debt", Aspect::Level)]);
    assert_eq!(period(&f[0].1), "T2 2024");
    assert!(f[0].1.counter.as_deref().is_some_and(|c| c.contains("Insee")), "{:?}", f[0].1.counter);
    assert_eq!(f[1].1.domain.as_deref(), Some("economy"));
}

#[test]
fn english_subjects_and_changes() {
    let f =
        frames("GDP grew 0.4% in the third quarter. Consumer prices rose 2.2% year on year in September.", Lang::En, Some("2024-10-30"));
    assert_eq!(f[0].1.what.as_deref(), Some("gdp"));
    assert_eq!(f[0].1.aspect, Aspect::Change);
    assert_eq!(period(&f[0].1), "Q3 2024");
    assert_eq!(f[1].1.what.as_deref(), Some("consumer_prices"));
    assert_eq!((f[1].1.aspect, f[1].1.basis.as_deref()), (Aspect::Change, Some("year")));
    assert_eq!(period(&f[1].1), "Sept. 2024");
}

#[test]
fn a_concept_that_is_a_change_meets_the_change_of_its_measure() {
    // "L'inflation a atteint 2,4 %" is the change of consumer prices.
    let f = frames("L'inflation a atteint 2,4 % sur un an en septembre.", Lang::Fr, None);
    assert_eq!((f[0].1.what.as_deref(), f[0].1.aspect), (Some("consumer_prices"), Aspect::Change));
}

#[test]
fn verbs_name_what_people_did_and_each_clause_has_its_counter() {
    let f = frames(
        "The interior ministry counted 1.28 million protesters on Tuesday, while the CGT union claimed more than 2 million.",
        Lang::En,
        None,
    );
    assert_eq!(f.len(), 2);
    assert_eq!(f[0].1.what.as_deref(), Some("protester"));
    // The second figure names nothing: it counts what the first counts.
    assert_eq!(f[1].1.what.as_deref(), Some("protester"));
    assert!(f[0].1.counter.as_deref().unwrap().contains("interior ministry"), "{:?}", f[0].1.counter);
    assert!(f[1].1.counter.as_deref().unwrap().contains("CGT"), "{:?}", f[1].1.counter);
    let f = frames("Plus de deux millions de personnes ont manifesté mardi, d'après la CGT.", Lang::Fr, Some("2023-03-09"));
    assert_eq!(f[0].1.what.as_deref(), Some("protester"));
    assert_eq!(period(&f[0].1), "7 mars 2023");
}

#[test]
fn casualties_keep_their_population() {
    let f = frames("Environ 300 soldats nord-coréens ont été tués. Missiles killed 24 civilians in Kharkiv.", Lang::Fr, None);
    assert_eq!(f[0].1.what.as_deref(), Some("killed"));
    assert!(f[0].1.whose.contains(&"soldier".to_string()), "{:?}", f[0].1.whose);
    assert!(f[0].1.whose.contains(&"North Korea".to_string()), "{:?}", f[0].1.whose);
    let f = frames("Some 4,000 of them have been killed or wounded.", Lang::En, None);
    assert_eq!(f[0].1.what.as_deref(), Some("casualty"), "killed or wounded is not killed");
}

#[test]
fn rates_parts_and_restrictions() {
    let f = frames("La Russie tire 10 000 obus par jour.", Lang::Fr, None);
    assert_eq!((f[0].1.aspect, f[0].1.per.as_deref()), (Aspect::Rate, Some("day")));
    let f = frames("Pyongyang a livré 200 pièces d'artillerie, dont 120 obusiers Koksan.", Lang::Fr, None);
    assert_eq!(f[1].1.aspect, Aspect::Part);
    let f = frames("Le taux de chômage des 15-24 ans atteint 19,7 % en France métropolitaine.", Lang::Fr, None);
    let (_, rate) = f.iter().find(|(s, _)| s.starts_with("19,7")).unwrap();
    assert_eq!(rate.what.as_deref(), Some("unemployment"));
    assert!(rate.restrictions.contains(&"age_15_24".to_string()), "{:?}", rate.restrictions);
    assert!(rate.restrictions.contains(&"metropolitan".to_string()), "{:?}", rate.restrictions);
}

#[test]
fn dates_come_from_the_dateline_when_none_is_given() {
    let text = "RABAT, 10 septembre 2023 –\nLe bilan atteint 2 122 morts, selon le ministère de l'Intérieur.";
    let f = frames(text, Lang::Fr, None);
    let p = f[0].1.period.as_ref().unwrap();
    assert!(p.from_document);
    assert_eq!(p.start.as_deref(), Some("2023-09-10"));
}

#[test]
fn accents_nbsp_and_emoji_keep_offsets() {
    let text = "😀 Le chômage a reculé à 7,3\u{a0}% au 2e trimestre 2024.";
    let c = crate::claims::extract(text, &Options::default()).extraction.claims;
    let q = &c[0].quantities[0];
    assert_eq!(&text[q.span[0]..q.span[1]], q.surface);
    assert_eq!(q.frame.what.as_deref(), Some("unemployment"));
    assert_eq!(period(&q.frame), "T2 2024");
    // UTF-16: the emoji counts two units.
    assert_eq!(q.span_utf16[0], text[..q.span[0]].encode_utf16().count());
}
