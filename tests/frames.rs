//! Verdicts that hold on real news: each figure is compared only with
//! figures of its own frame (what, whose, aspect, when, where, who gives
//! it), and when the frame is unclear the checker abstains.

use recoupe::reconcile::{CheckOptions, Checker, Source};
use recoupe::report::{CheckReport, Claim, Evidence, Relation, Verdict};

fn check(article: &str, date: Option<&str>, sources: &[(&str, Option<&str>, &str)]) -> CheckReport {
    let mut checker = Checker::new(CheckOptions::default());
    for (id, date, text) in sources {
        checker
            .add_source(Source { id: id.to_string(), text: text.to_string(), date: date.map(str::to_string), ..Source::default() })
            .unwrap();
    }
    checker.check_dated(article, date)
}

fn evidence_with(c: &Claim, relation: Relation) -> Vec<&Evidence> {
    c.evidence.iter().flatten().filter(|e| e.relation == relation).collect()
}

const ECONOMY_FR: &str =
    "Le chômage a reculé à 7,3 % au deuxième trimestre 2024, selon l'Insee. L'inflation a atteint 2,4 % sur un an en septembre. \
    Plus de deux millions de personnes ont manifesté mardi, d'après la CGT. La dette publique dépasse désormais 3 000 milliards d'euros. \
    Le PIB a progressé de 0,4 % au troisième trimestre.";

const ECONOMY_EN: &str =
    "France's unemployment rate was 7.3% in the second quarter of 2024. Consumer prices rose 2.2% year on year in September. \
    The interior ministry counted 1.28 million protesters on Tuesday, while the CGT union claimed more than 2 million. \
    Public debt stood at 3,160 billion euros. GDP grew 0.4% in the third quarter.";

#[test]
fn the_economy_story_meets_each_figure_of_its_own_concept() {
    let r = check(ECONOMY_FR, None, &[("wire", None, ECONOMY_EN)]);
    let verdicts: Vec<(&str, Option<Verdict>)> = r.claims.iter().map(|c| (c.quantities[0].surface.as_str(), c.verdict)).collect();
    assert_eq!(
        verdicts,
        [
            ("7,3 %", Some(Verdict::Corroborated)),
            ("2,4 %", Some(Verdict::Contradicted)),
            ("deux millions", Some(Verdict::Corroborated)),
            ("3 000 milliards d'euros", Some(Verdict::Corroborated)),
            ("0,4 %", Some(Verdict::Corroborated)),
        ]
    );
    // The protest figure is the CGT's: the CGT's count confirms it, the
    // ministry's is another count.
    let protest = &r.claims[2];
    let agree = evidence_with(protest, Relation::Corroborates);
    assert!(agree.iter().all(|e| e.sentence.contains("CGT")), "{agree:#?}");
    let other = protest.evidence.iter().flatten().find(|e| e.quantity.as_ref().is_some_and(|q| q.value == 1_280_000.0)).unwrap();
    assert_eq!(other.relation, Relation::Related, "{}", other.explanation);
    // No percentage is compared with another concept's.
    for c in &r.claims {
        let q = &c.quantities[0];
        for e in c.evidence.iter().flatten() {
            if let Some(sq) = &e.quantity {
                if e.relation != Relation::Related {
                    assert_eq!(sq.frame.what, q.frame.what, "{} compared with {}", q.surface, sq.surface);
                }
            }
        }
    }
    // Inflation: 2,4 % against 2.2 %, the same month, the frame named.
    let inflation = &r.claims[1];
    let e = evidence_with(inflation, Relation::Contradicts)[0];
    assert!(e.sentence.contains("2.2%"), "{}", e.sentence);
    assert_eq!(inflation.quantities[0].frame.period.as_ref().map(|p| p.label.as_str()), Some("sept."));
}

#[test]
fn unemployment_of_other_periods_populations_and_places_is_related() {
    let article = "PARIS, 14 novembre 2024 –\nLe taux de chômage s'établit à 7,4 % au troisième trimestre 2024, selon l'Insee.";
    let r = check(
        article,
        None,
        &[
            ("a", Some("2024-08-14"), "Le taux de chômage s'est établi à 7,3 % au deuxième trimestre 2024."),
            ("b", Some("2024-11-14"), "En France métropolitaine, le taux de chômage est de 7,2 % au troisième trimestre."),
            ("c", Some("2024-11-14"), "Le taux de chômage des 15-24 ans atteint 19,7 % au troisième trimestre."),
            ("d", Some("2024-02-14"), "Sur l'ensemble de 2023, le taux de chômage a été de 7,5 %."),
        ],
    );
    let c = &r.claims[0];
    assert_eq!(c.verdict, Some(Verdict::Related), "{:#?}", c.evidence);
    assert!(c.evidence.iter().flatten().all(|e| e.relation == Relation::Related));
    let why = |id: &str| c.evidence.iter().flatten().find(|e| e.source_id == id).map(|e| e.explanation.clone()).unwrap_or_default();
    assert!(why("a").contains("autre période"), "{}", why("a"));
    assert!(why("d").contains("autre période"), "{}", why("d"));
    assert!(why("b").contains("metropolitan") || why("b").contains("seulement"), "{}", why("b"));
}

#[test]
fn a_rate_of_one_decimal_is_compatible_with_its_rounding_only() {
    let r = check(
        "Le taux de chômage atteint 7,4 % au troisième trimestre 2024.",
        None,
        &[("a", None, "The unemployment rate was 7.35% in the third quarter of 2024.")],
    );
    assert_eq!(r.claims[0].verdict, Some(Verdict::Corroborated));
    let r = check(
        "Le taux de chômage atteint 7,4 % au troisième trimestre 2024.",
        None,
        &[("a", None, "The unemployment rate was 7.3% in the third quarter of 2024.")],
    );
    assert_eq!(r.claims[0].verdict, Some(Verdict::Contradicted));
}

#[test]
fn casualties_killed_or_wounded_are_not_deaths_and_civilians_are_not_soldiers() {
    let r = check(
        "Environ 300 soldats nord-coréens ont été tués.",
        None,
        &[
            ("a", None, "Missiles killed 24 civilians in Kharkiv."),
            ("b", None, "About 4,000 North Korean soldiers have been killed or wounded."),
            ("c", None, "Some 45 Russian soldiers were killed in action."),
        ],
    );
    let c = &r.claims[0];
    assert!(!matches!(c.verdict, Some(Verdict::Contradicted | Verdict::Disputed)), "{:#?}", c.evidence);
}

#[test]
fn one_type_among_many_and_a_single_sighting_do_not_contradict_a_total() {
    let r = check(
        "La Corée du Nord a fourni environ 200 pièces d'artillerie à la Russie.",
        None,
        &[
            ("a", None, "North Korea supplied Russia with 120 Koksan guns."),
            ("b", None, "Seven guns were spotted on a train heading to Russia."),
        ],
    );
    let c = &r.claims[0];
    assert!(!matches!(c.verdict, Some(Verdict::Contradicted | Verdict::Disputed)), "{:#?}", c.evidence);
}

#[test]
fn a_toll_that_grew_is_a_timeline_and_the_claim_names_the_newer_figure() {
    let r = check(
        "Le séisme a fait 2 012 morts, selon le ministère de l'Intérieur.",
        Some("2023-09-09"),
        &[
            ("a", Some("2023-09-09"), "Le ministère de l'Intérieur fait état de 2 012 morts."),
            ("b", Some("2023-09-13"), "Le ministère de l'Intérieur fait désormais état de 2 946 morts."),
        ],
    );
    let c = &r.claims[0];
    assert_eq!(c.verdict, Some(Verdict::Corroborated), "{:#?}", c.evidence);
    let newer = c.newer.as_ref().expect("the newer toll is named");
    assert_eq!((newer.source_id.as_str(), newer.value), ("b", 2946.0));
    assert!(newer.explanation.contains("chiffre dépassé"), "{}", newer.explanation);
}

#[test]
fn police_and_union_counts_of_one_march_dispute_an_unattributed_figure() {
    let r = check(
        "Quelque 1,28 million de personnes ont manifesté jeudi.",
        Some("2023-01-20"),
        &[
            ("police", Some("2023-01-20"), "Le ministère de l'Intérieur a compté 1,28 million de manifestants jeudi."),
            ("union", Some("2023-01-20"), "La CGT a revendiqué plus de 2 millions de manifestants jeudi."),
        ],
    );
    assert_eq!(r.claims[0].verdict, Some(Verdict::Disputed), "{:#?}", r.claims[0].evidence);
}

#[test]
fn a_bare_percentage_is_never_judged() {
    let r = check("Le chiffre atteint 7 %.", None, &[("a", None, "Le chiffre atteint 9 %.")]);
    assert!(!matches!(r.claims[0].verdict, Some(Verdict::Contradicted | Verdict::Disputed | Verdict::Corroborated)));
}

#[test]
fn an_earlier_value_and_a_named_place_are_not_the_total_reported_now() {
    let article = "The earthquake has now killed 202 people in the prefecture, up from 180 earlier on Tuesday, with 91 deaths in Suzu.";
    let r = check(
        article,
        Some("2024-01-09"),
        &[("wire", Some("2024-01-09"), "The death toll in the prefecture reached 202 on Tuesday, officials said.")],
    );
    let verdict = |s: &str| r.claims.iter().find(|c| c.quantities[0].surface == s).and_then(|c| c.verdict);
    assert_eq!(verdict("202"), Some(Verdict::Corroborated));
    // 180 was the toll earlier that day, 91 the toll of one town: neither
    // contradicts the 202 of the whole prefecture.
    assert_eq!(verdict("180"), Some(Verdict::Related));
    assert_eq!(verdict("91"), Some(Verdict::Related));
    let c180 = r.claims.iter().find(|c| c.quantities[0].surface == "180").unwrap();
    assert!(c180.quantities[0].frame.earlier);
}

#[test]
fn seats_of_one_party_are_not_another_party_s() {
    let article = "Reform UK took 14.3% of the vote, and the party, which won five seats, now sits in the Commons.";
    let article = article.replace("the party", "Reform UK");
    let r = check(&article, None, &[("wire", None, "The Liberal Democrats, who won 72 seats, had their best result in a century.")]);
    let five = r.claims.iter().find(|c| c.quantities[0].surface.starts_with("five")).unwrap();
    assert!(five.quantities[0].frame.whose.iter().any(|w| w == "Reform UK"), "{:?}", five.quantities[0].frame);
    assert_ne!(five.verdict, Some(Verdict::Contradicted));
    assert_ne!(five.verdict, Some(Verdict::Disputed));
}

#[test]
fn a_candidate_s_share_of_the_registered_voters_is_not_the_abstention_rate() {
    // The 2022 French run-off: abstention 28.01 % of registered voters;
    // Marine Le Pen's 27.28 % of them is hers, not the abstention rate.
    let r = check(
        "L'abstention a atteint 28,01 % des inscrits, contre 25,44 % par rapport à 2017.",
        Some("2022-04-27"),
        &[
            (
                "scores",
                Some("2022-04-27"),
                "Rapportés aux inscrits, les scores tombent à 38,52 % pour Emmanuel Macron et 27,28 % pour Marine Le Pen.",
            ),
            ("abstention", Some("2022-04-27"), "L'abstention s'établit à 28,01 % des inscrits au second tour."),
        ],
    );
    let c = r.claims.iter().find(|c| c.quantities[0].surface.starts_with("28,01")).expect("the abstention claim");
    assert_eq!(c.verdict, Some(Verdict::Corroborated), "{:#?}", c.evidence);
    assert_eq!(c.quantities[0].frame.what.as_deref(), Some("abstention"));
    assert!(evidence_with(c, Relation::Contradicts).is_empty(), "{:#?}", c.evidence);
    // A year compared with is not the period of the figure before it.
    assert_ne!(c.quantities[0].frame.period.as_ref().map(|p| p.label.as_str()), Some("2017"));
}

#[test]
fn who_counts_a_figure_is_not_whose_it_is() {
    let r = check(
        "Plus de 2 millions de personnes ont manifesté jeudi, selon la CGT.",
        Some("2023-01-20"),
        &[("union", Some("2023-01-20"), "La CGT a revendiqué plus de 2 millions de manifestants jeudi.")],
    );
    let c = &r.claims[0];
    let ev = evidence_with(c, Relation::Corroborates);
    assert_eq!(ev.len(), 1, "{:#?}", c.evidence);
    let frame = &ev[0].quantity.as_ref().expect("a figure").frame;
    assert!(!frame.whose.iter().any(|w| w.contains("CGT")), "{:?}", frame.whose);
    assert_eq!(frame.counter.as_deref(), Some("CGT"));
}

/// After a verb of change, "by X to Y" gives the change X and the level Y
/// reached, and a fraction's measure is the whole it is a part of.
#[test]
fn a_change_and_the_level_it_reaches_are_two_figures() {
    use recoupe::report::{Aspect, Lang};
    let opts = recoupe::Options { lang: Some(Lang::En), ..recoupe::Options::default() };
    let text =
        "The average workweek increased by 0.1 hour to 34.4 hours in March. Average hourly earnings increased by six cents to $24.79.";
    let got: Vec<(String, f64, Aspect)> = recoupe::extract(text, &opts)
        .claims
        .iter()
        .flat_map(|c| c.quantities.iter().map(|q| (q.unit.clone().unwrap_or_default(), q.value, q.frame.aspect)))
        .collect();
    assert_eq!(
        got,
        [
            ("hour".to_string(), 0.1, Aspect::Change),
            ("hour".to_string(), 34.4, Aspect::Level),
            ("cent".to_string(), 6.0, Aspect::Change),
            ("USD".to_string(), 24.79, Aspect::Level),
        ]
    );
    let opts = recoupe::Options { lang: Some(Lang::Fr), ..recoupe::Options::default() };
    let r = recoupe::extract("La moitié des obus livrés par la Corée du Nord sont défectueux.", &opts);
    let q = &r.claims[0].quantities[0];
    // A fraction is a share of the whole it names, as a percentage is:
    // it meets "50 % des obus", not a count of shells.
    assert_eq!((q.value, q.kind, q.measure.as_deref()), (0.5, recoupe::report::Kind::Fraction, Some("shell.share")));
}

#[test]
fn a_party_s_seats_are_not_the_seats_of_the_house() {
    // UK general election 2024: 650 seats in all; Labour took 411 (412
    // with the Speaker); Tony Blair's 1997 majority was 179.
    let r = check(
        "Labour won 412 of the 650 seats in the House of Commons.",
        Some("2024-07-06"),
        &[
            ("a", Some("2024-07-08"), "Labour took 411 seats, a gain of 209."),
            ("b", Some("2024-07-08"), "That is just short of Tony Blair's 1997 majority, usually given as 179 seats."),
            ("c", Some("2024-07-06"), "The House of Commons has 650 seats."),
        ],
    );
    let c = r.claims.iter().find(|c| c.quantities[0].surface.starts_with("650")).expect("the 650 claim");
    assert!(evidence_with(c, Relation::Contradicts).is_empty(), "{:#?}", c.evidence);
    assert_ne!(c.verdict, Some(Verdict::Disputed));
}

#[test]
fn a_figure_hoped_for_is_a_target_not_the_outcome() {
    // France's 2023 deficit was 5.4 % of GDP; 4.4 % was the autumn-2023 hope.
    let r = check(
        "Le déficit public s'est établi à 5,8 % du PIB en 2024, après 5,4 % en 2023.",
        Some("2025-03-27"),
        &[("a", Some("2025-03-27"), "The deficit is still far from the 4.4% hoped for in autumn 2023.")],
    );
    let c = r.claims.iter().find(|c| c.quantities[0].surface.starts_with("5,4")).expect("the 2023 figure");
    assert!(evidence_with(c, Relation::Contradicts).is_empty(), "{:#?}", c.evidence);
    assert_ne!(c.verdict, Some(Verdict::Contradicted));
}

#[test]
fn a_percentage_is_never_a_share_of_a_time_span() {
    // "trois mois" is the base of the change, not what 0,0 % measures: the
    // figure names no concept, so a 0.0% about something else (here the
    // length of stays) cannot be taken as its confirmation.
    let article = "Au quatrième trimestre, l'activité a baissé de 0,3 % par rapport aux trois mois précédents, \
        le troisième trimestre étant désormais évalué à une stagnation (0,0 %).";
    let r = recoupe::extract(article, &recoupe::Options { lang: Some(recoupe::report::Lang::Fr), ..recoupe::Options::default() });
    let q = r.claims.iter().flat_map(|c| &c.quantities).find(|q| q.surface == "0,0 %").expect("0,0 % is a claim");
    assert_ne!(q.frame.what.as_deref(), Some("duration"), "{:?}", q.frame);
    let r = check(
        article,
        Some("2024-01-15"),
        &[("other", Some("2024-01-16"), "Les séjours ont duré en moyenne trois mois, un chiffre stable (0,0 %).")],
    );
    let c = r.claims.iter().find(|c| c.quantities[0].surface == "0,0 %").unwrap();
    assert!(!matches!(c.verdict, Some(Verdict::Corroborated | Verdict::Contradicted | Verdict::Disputed)), "{:?}", c.verdict);
}

#[test]
fn a_fall_written_with_a_sign_or_a_verb_is_one_change_and_adjusted_series_stay_apart() {
    let article = "Le produit intérieur brut allemand s'est contracté de 0,3 % en 2023 (-0,1 % après correction des effets de calendrier), a annoncé Destatis.";
    let r = check(
        article,
        Some("2024-01-15"),
        &[("wire", Some("2024-01-15"), "German GDP was 0.3% lower in 2023 than a year earlier, and 0.1% lower after calendar adjustment.")],
    );
    let verdicts: Vec<(&str, Option<Verdict>)> = r.claims.iter().map(|c| (c.quantities[0].surface.as_str(), c.verdict)).collect();
    assert_eq!(verdicts, [("0,3 %", Some(Verdict::Corroborated)), ("-0,1 %", Some(Verdict::Corroborated))]);
    // The raw series never meets the adjusted one.
    for c in &r.claims {
        for e in evidence_with(c, Relation::Corroborates) {
            let q = e.quantity.as_ref().unwrap();
            assert_eq!(q.frame.restrictions, c.quantities[0].frame.restrictions, "{} met {}", c.quantities[0].surface, q.surface);
        }
    }
    // A fall of another size is still a contradiction.
    let r = check(article, Some("2024-01-15"), &[("wire", Some("2024-01-15"), "Germany's economy shrank 0.5% in 2023, Destatis said.")]);
    assert_eq!(r.claims[0].verdict, Some(Verdict::Contradicted), "{:#?}", r.claims[0].evidence);
}

#[test]
fn each_period_word_gives_the_period_a_reader_names() {
    use recoupe::report::Lang;
    let table = include_str!("fixtures/periods.tsv");
    let mut wrong = Vec::new();
    for line in table.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        let lang = if f[0] == "fr" { Lang::Fr } else { Lang::En };
        let opts = recoupe::Options { lang: Some(lang), date: recoupe::frame::period::Ymd::parse(f[1]), ..recoupe::Options::default() };
        let r = recoupe::extract(f[2], &opts);
        let got = r
            .claims
            .iter()
            .flat_map(|c| &c.quantities)
            .find(|q| q.surface == f[3])
            .map(|q| q.frame.period.as_ref().map(|p| p.label.clone()));
        if got != Some(Some(f[4].to_string())) {
            wrong.push(format!("{}: {} -> {got:?}, want {}", f[2], f[3], f[4]));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn sales_in_euros_are_revenue_and_organic_growth_is_not_reported_growth() {
    let article = "LVMH a réalisé en 2023 un chiffre d'affaires de 86,2 milliards d'euros, en hausse de 9 %, et de 13 % en organique.";
    let wire = "LVMH a dégagé en 2023 un résultat net de 15,2 milliards d'euros et un résultat opérationnel de 22,8 milliards, \
        pour des ventes de 86,2 milliards d'euros, en progression de 9 %.";
    let r = check(article, None, &[("wire", None, wire)]);
    let verdict = |s: &str| r.claims.iter().find(|c| c.quantities[0].surface == s).and_then(|c| c.verdict);
    // "des ventes de 86,2 milliards d'euros" is the revenue.
    assert_eq!(verdict("86,2 milliards d'euros"), Some(Verdict::Corroborated));
    assert_eq!(verdict("9 %"), Some(Verdict::Corroborated));
    // The wire gives only the reported growth: the organic 13 % is not
    // contradicted by it.
    assert!(matches!(verdict("13 %"), Some(Verdict::Related | Verdict::Unverified)), "{:?}", verdict("13 %"));
    // The operating profit, stated without its currency, is in euros.
    let x = recoupe::extract(wire, &recoupe::Options { lang: Some(recoupe::report::Lang::Fr), ..recoupe::Options::default() });
    let op = x.claims.iter().map(|c| &c.quantities[0]).find(|q| q.surface == "22,8 milliards").unwrap();
    assert_eq!((op.kind, op.unit.as_deref()), (recoupe::report::Kind::Money, Some("EUR")));
}

#[test]
fn a_part_named_the_same_way_as_a_source_figure_is_that_figure() {
    let article = "Le bilan fait état de 431 décès, dont 310 à l'hôpital et 121 en Ehpad.";
    let r = check(
        article,
        None,
        &[
            ("a", None, "On compte 310 décès à l'hôpital. Et 121 décès en Ehpad."),
            ("b", None, "Au total, 235 décès ont été recensés en Ehpad."),
        ],
    );
    let verdict = |s: &str| r.claims.iter().find(|c| c.quantities[0].surface == s).and_then(|c| c.verdict);
    // The hospital is the 310's, not the 121's: each part meets the
    // source figure of its own place, and the care homes' two counts
    // disagree.
    assert_eq!(verdict("310"), Some(Verdict::Corroborated));
    assert_eq!(verdict("121"), Some(Verdict::Disputed));
}

#[test]
fn a_pronoun_and_a_coordinated_figure_keep_the_subject_and_a_share_after_votes_is_the_vote_share() {
    let article = "LONDON – Labour took 33.7% of the vote on Thursday, up from 32.1% in 2019.";
    let blog = "Labour took 411 seats, a gain of 209, for a majority close to Tony Blair's 1997 landslide, \
        yet it won fewer than 10 million votes and a 33.8% share.";
    let x = recoupe::extract(blog, &recoupe::Options { lang: Some(recoupe::report::Lang::En), ..recoupe::Options::default() });
    let frame = |s: &str| &x.claims.iter().map(|c| &c.quantities[0]).find(|q| q.surface.contains(s)).unwrap().frame;
    // "a gain of 209" and the pronoun "it" stand for Labour.
    for s in ["209", "10 million", "33.8%"] {
        assert_eq!(frame(s).whose, ["Labour"], "{s}");
    }
    // A share after a count of votes is the vote share.
    assert_eq!(frame("33.8%").what.as_deref(), Some("vote_share"));
    // The year of Blair's landslide is not when the 2024 votes were cast.
    assert!(frame("10 million").period.is_none(), "{:?}", frame("10 million").period);
    // So the two shares of Labour's vote meet, and disagree.
    let r = check(
        article,
        None,
        &[
            ("blog", None, blog),
            ("library", None, "Reform UK won five seats, while across the UK Labour had 33.7% of the vote and the Conservatives 23.7%."),
        ],
    );
    assert_eq!(r.claims[0].verdict, Some(Verdict::Disputed));
    // A figure after "of the" is the whole, not the subject's own.
    let x = recoupe::extract(
        "Labour won 412 of the 650 seats.",
        &recoupe::Options { lang: Some(recoupe::report::Lang::En), ..recoupe::Options::default() },
    );
    assert!(x.claims[1].quantities[0].frame.whose.is_empty(), "{:?}", x.claims[1].quantities[0].frame.whose);
}
