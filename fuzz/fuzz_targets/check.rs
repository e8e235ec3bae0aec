//! An article and a few sources cut from the same bytes: no panic, and the
//! report is consistent (evidence points into its source, every claim has
//! a verdict, a removed source never shows up).

#![no_main]

use libfuzzer_sys::fuzz_target;
use recoupe::reconcile::{CheckOptions, Checker, Source};
use recoupe::report::{Relation, Verdict};

fuzz_target!(|data: &str| {
    // The first part is the article, the others are sources: "\u{1}"
    // separates them, so the fuzzer can shape each.
    let mut parts = data.split('\u{1}');
    let article = parts.next().unwrap_or_default();
    let sources: Vec<&str> = parts.take(6).collect();
    let mut checker = Checker::new(CheckOptions::default());
    for (i, text) in sources.iter().enumerate() {
        checker.add_source(Source { id: format!("s{i}"), text: text.to_string(), ..Source::default() }).unwrap();
    }
    // The same text twice is refused, not a crash.
    if !sources.is_empty() {
        assert!(checker.add_source(Source { id: "s0".into(), text: String::new(), ..Source::default() }).is_err());
        checker.remove_source("s0");
    }
    let report = checker.check(article);
    for c in &report.claims {
        let evidence = c.evidence.as_deref().unwrap_or_default();
        for e in evidence {
            assert_ne!(e.source_id, "s0", "a removed source gave evidence");
            let i: usize = e.source_id[1..].parse().unwrap();
            let text = sources[i];
            assert_eq!(text.get(e.span[0]..e.span[1]), Some(e.sentence.as_str()), "evidence span");
            assert!((0.0..=1.0).contains(&e.similarity));
        }
        // Copies of the article show evidence without counting, so only
        // a verdict that needs a vote is tied to the evidence.
        match c.verdict {
            Some(Verdict::Contradicted | Verdict::Disputed) => assert!(evidence.iter().any(|e| e.relation == Relation::Contradicts)),
            Some(_) => {}
            None => panic!("a checked claim without a verdict"),
        }
    }
});
