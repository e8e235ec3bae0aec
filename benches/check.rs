//! Reconciliation at scale: indexing throughput, and the time to check one
//! article of about 1,000 words against 10, 100, 1,000 and 10,000 sources
//! indexed beforehand. The sources are the seed articles with their figures
//! and names varied, so that matching does real work (same measures, some
//! agreeing figures, some not, other places and people).

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
use recoupe::reconcile::{CheckOptions, Checker, Source};

const SEEDS: [&str; 5] = [
    include_str!("../tests/fixtures/seeds/000_0dc4f03766a95fab.txt"),
    include_str!("../tests/fixtures/seeds/001_125bc9ff60828318.txt"),
    include_str!("../tests/fixtures/seeds/002_4ea4bb0a10ff803b.txt"),
    include_str!("../tests/fixtures/seeds/003_209a75ba72bab8cf.txt"),
    include_str!("../tests/fixtures/seeds/004_8e6147d9107f0c1b.txt"),
];

const PLACES: [&str; 6] = ["Koursk", "Russie", "Donetsk", "Belgorod", "Crimée", "Kharkiv"];
const PEOPLE: [&str; 4] = ["Kyrylo Budanov", "John Kirby", "Andriy Kovalenko", "Jack Watling"];

/// Source `i`: a seed whose figures are scaled by one of seven factors
/// (some within 5 %, some not) and whose places and people are swapped.
fn source(i: usize) -> String {
    let seed = SEEDS[i % SEEDS.len()];
    let factor = [1.0, 0.97, 1.04, 0.8, 1.25, 1.5, 0.5][i % 7];
    let mut out = String::with_capacity(seed.len());
    let mut digits = String::new();
    for c in seed.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if !digits.is_empty() {
            let n: f64 = digits.parse().unwrap_or(0.0);
            // Years and short numbers keep their shape; other figures vary.
            let v = if digits.len() == 4 || n < 10.0 { n } else { (n * factor).round() };
            out.push_str(&format!("{v}"));
            digits.clear();
        }
        out.push(c);
    }
    out.push_str(&digits);
    out.replace("Koursk", PLACES[i % PLACES.len()]).replace("Kyrylo Budanov", PEOPLE[i % PEOPLE.len()])
}

fn checker(n: usize) -> Checker {
    let mut c = Checker::new(CheckOptions::default());
    for i in 0..n {
        c.add_source(Source { id: format!("s{i}"), text: source(i), ..Source::default() }).unwrap();
    }
    c
}

/// About 1,000 words: three seeds, their figures untouched.
fn article() -> String {
    [SEEDS[1], SEEDS[2], SEEDS[4]].join("\n\n")
}

fn bench(c: &mut Criterion) {
    let art = article();
    eprintln!("article: {} words", art.split_whitespace().count());

    let mut g = c.benchmark_group("index");
    let corpus: Vec<String> = (0..200).map(source).collect();
    let bytes: usize = corpus.iter().map(String::len).sum();
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("200 sources", |b| {
        b.iter_batched(
            || corpus.clone(),
            |texts| {
                let mut c = Checker::new(CheckOptions::default());
                for (i, text) in texts.into_iter().enumerate() {
                    c.add_source(Source { id: format!("s{i}"), text, ..Source::default() }).unwrap();
                }
                c
            },
            BatchSize::LargeInput,
        )
    });
    g.finish();

    // Seed 001 against 100 real-news sources: every source of the
    // development corpus (tests/fixtures/real), then the other seeds, up to
    // 100, each with its frame read.
    let mut g = c.benchmark_group("seed 001");
    let mut real = Checker::new(CheckOptions::default());
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    let mut dirs: Vec<_> =
        std::fs::read_dir(&root).unwrap().filter_map(Result::ok).map(|e| e.path()).filter(|p| p.join("sources.json").exists()).collect();
    dirs.sort();
    let mut n = 0;
    'fill: for dir in dirs {
        let sources: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join("sources.json")).unwrap()).unwrap();
        for s in sources.as_array().unwrap() {
            if n == 100 {
                break 'fill;
            }
            let text = s["text"].as_str().unwrap().to_string();
            real.add_source(Source { id: format!("r{n}"), text, date: s["date"].as_str().map(str::to_string), ..Source::default() })
                .unwrap();
            n += 1;
        }
    }
    for (i, seed) in SEEDS.iter().enumerate().filter(|(i, _)| *i != 1) {
        if n < 100 {
            real.add_source(Source { id: format!("seed{i}"), text: seed.to_string(), ..Source::default() }).unwrap();
            n += 1;
        }
    }
    eprintln!("seed 001 against {} sources", real.len());
    g.sample_size(30);
    g.bench_function("against 100 sources", |b| b.iter(|| real.check(SEEDS[1])));
    g.finish();

    let mut g = c.benchmark_group("check");
    for n in [10, 100, 1_000, 10_000] {
        let ch = checker(n);
        g.sample_size(if n >= 1_000 { 10 } else { 30 });
        g.bench_with_input(BenchmarkId::new("sources", n), &n, |b, _| b.iter(|| ch.check(&art)));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
