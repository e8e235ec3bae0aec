//! Checks one article against many synthetic sources repeatedly, for
//! profiling (`perf record`); `cargo bench --bench check` is the reference.
use recoupe::reconcile::{CheckOptions, Checker, Source};
use std::time::Instant;

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    let seeds: Vec<String> = paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
    let n: usize = std::env::var("N").ok().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let mut c = Checker::new(CheckOptions::default());
    for i in 0..n {
        let text = seeds[i % 5].replace("11 000", &format!("{} 000", 9 + i % 5));
        c.add_source(Source { id: format!("s{i}"), text, ..Source::default() }).unwrap();
    }
    let article = [&seeds[1], &seeds[2], &seeds[4]].map(|s| s.as_str()).join("\n\n");
    let t = Instant::now();
    let reps: usize = std::env::var("REPS").ok().and_then(|n| n.parse().ok()).unwrap_or(20);
    eprintln!("indexed");
    for _ in 0..reps {
        std::hint::black_box(c.check(&article));
    }
    println!("check vs {n}: {:.1} ms", t.elapsed().as_secs_f64() * 1e3 / reps as f64);
}
