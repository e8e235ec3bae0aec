//! Time per extraction stage on the seed corpus repeated to about 1 MB.
use recoupe::report::Lang;
use std::time::Instant;

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");
    let seeds: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap()).collect();
    let big: String = seeds
        .iter()
        .cycle()
        .take(std::env::var("N").ok().and_then(|n| n.parse().ok()).unwrap_or(350))
        .cloned()
        .collect::<Vec<_>>()
        .join("\n\n");
    let t = Instant::now();
    let s = recoupe::text::segment::sentences(&big);
    println!("segment {:?}", t.elapsed());
    let t = Instant::now();
    let m = recoupe::numbers::scan(&big, Lang::Fr, &Default::default());
    println!("numbers {:?} ({})", t.elapsed(), m.len());
    let t = Instant::now();
    let e = recoupe::entities::find(&big, &s, Lang::Fr);
    println!("entities {:?} ({})", t.elapsed(), e.mentions.len());
    let t = Instant::now();
    let a = recoupe::attribution::attribute(&big, &s, &e.mentions, Lang::Fr);
    println!("attribution {:?} ({})", t.elapsed(), a.len());
    let t = Instant::now();
    let x = recoupe::extract(&big, &Default::default());
    println!("extract total {:?} ({})", t.elapsed(), x.claims.len());
}
