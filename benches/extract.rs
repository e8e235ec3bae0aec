//! Extraction throughput on the seed articles, repeated to 1 MB and 10 MB.
//!
//! Both sizes run the same text, so their MB/s compare directly: equal
//! throughput at both sizes means time grows linearly with input length.
//!
//! Criterion needs at least ten runs of a case. A case whose single run
//! takes longer than `MAX_RUN` is timed once and reported on its own line
//! instead, so a slow (or non-linear) build still finishes in minutes.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use recoupe::Options;

const MAX_RUN: Duration = Duration::from_secs(5);

/// (label, bytes, samples, measurement seconds).
const SIZES: [(&str, usize, usize, u64); 2] = [("1MB", 1_000_000, 20, 10), ("10MB", 10_000_000, 10, 15)];

type Entry = fn(&str, &Options) -> usize;

const ENTRIES: [(&str, Entry); 2] =
    [("extract", |t, o| recoupe::extract(t, o).claims.len()), ("numbers", |t, o| recoupe::numbers(t, o).quantities.len())];

/// The seed articles, joined by blank lines, in file-name order.
fn seeds() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("seed entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no seed articles in {}", dir.display());
    files.iter().map(|p| std::fs::read_to_string(p).expect("seed article")).collect::<Vec<_>>().join("\n\n")
}

/// Whole copies of `seed` until the text reaches `size` bytes.
fn corpus(seed: &str, size: usize) -> String {
    let mut text = String::with_capacity(size + seed.len() + 2);
    while text.len() < size {
        text.push_str(seed);
        text.push_str("\n\n");
    }
    text
}

/// Whether the command line's filters (criterion's positional arguments)
/// select `id`; saves timing a case criterion would skip anyway.
fn selected(id: &str) -> bool {
    let filters: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    filters.is_empty() || filters.iter().any(|f| id.contains(f.as_str()))
}

fn bench(c: &mut Criterion) {
    let seed = seeds();
    let opts = Options::default();
    for (label, size, samples, secs) in SIZES {
        let text = corpus(&seed, size);
        let mut group = c.benchmark_group(label);
        group.throughput(Throughput::BytesDecimal(text.len() as u64));
        group.sampling_mode(SamplingMode::Flat);
        group.sample_size(samples);
        group.measurement_time(Duration::from_secs(secs));
        group.warm_up_time(Duration::from_secs(1));
        for (name, run) in ENTRIES {
            let id = format!("{label}/{name}");
            if !selected(&id) {
                continue;
            }
            let start = Instant::now();
            black_box(run(black_box(&text), &opts));
            let once = start.elapsed();
            if once > MAX_RUN {
                let mbps = text.len() as f64 / 1e6 / once.as_secs_f64();
                println!(
                    "{id:<24}single run: {:.2} s, {mbps:.2} MB/s (over {} s a run: not sampled)",
                    once.as_secs_f64(),
                    MAX_RUN.as_secs()
                );
                continue;
            }
            group.bench_function(name, |b| b.iter(|| run(black_box(&text), &opts)));
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
