//! Times extraction and checking on the seed corpus (a quick look; the
//! criterion benches are the reference).
use std::time::Instant;

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");
    let mut seeds: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap()).collect();
    seeds.sort();
    let big: String = seeds.iter().cycle().take(5 * 70).cloned().collect::<Vec<_>>().join("\n\n");
    let t = Instant::now();
    let x = recoupe::extract(&big, &recoupe::Options::default());
    let s = t.elapsed().as_secs_f64();
    println!("extract {} bytes: {:.3}s, {:.1} MB/s, {} claims", big.len(), s, big.len() as f64 / s / 1e6, x.claims.len());
    let t = Instant::now();
    let n = recoupe::numbers(&big, &recoupe::Options::default());
    let s = t.elapsed().as_secs_f64();
    println!("numbers: {:.1} MB/s, {} quantities", big.len() as f64 / s / 1e6, n.quantities.len());
    let mut c = recoupe::reconcile::Checker::new(Default::default());
    let t = Instant::now();
    let mut bytes = 0;
    for i in 0..1000 {
        let text = seeds[i % 5].replace("11 000", &format!("{} 000", 9 + i % 5));
        bytes += text.len();
        c.add_source(recoupe::reconcile::Source { id: format!("s{i}"), text, ..Default::default() }).unwrap();
    }
    let s = t.elapsed().as_secs_f64();
    println!("index 1000 sources: {:.2}s, {:.1} MB/s", s, bytes as f64 / s / 1e6);
    let t = Instant::now();
    let r = c.check(&seeds[1]);
    println!("check vs 1000: {:.1} ms, {} claims", t.elapsed().as_secs_f64() * 1e3, r.claims.len());
}
