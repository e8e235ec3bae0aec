//! No input makes extraction panic or hand back a span that does not
//! describe the text.
//!
//! Every output of `numbers` and `extract` is checked against the contract
//! of `report.rs`: spans are half-open, on char boundaries, inside the text
//! and in order; `span_utf16` counts the UTF-16 code units of the same
//! prefixes; the text at a span is the surface it reports; values are
//! finite and `low <= value <= high`; claims lie inside their sentence and
//! never overlap.
//!
//! Inputs come from a seeded xorshift generator (same cases on every run):
//! random mixes of the shapes the scanners react to, random chars, random
//! bytes read lossily, and seed articles with random edits. A failing case
//! is shrunk before it is reported, so the message shows a small input.
//!
//! Large inputs are scaled down in debug builds, where extraction is an
//! order of magnitude slower; the `full_size_*` tests (ignored by default)
//! run them at full size: `cargo test --release --test robustness -- --ignored`
//! (scripts/bench.sh does). `ROBUSTNESS_MULTIPLIER=N` runs N times more
//! random cases, `ROBUSTNESS_SEED=N` other ones.

use std::cell::{Cell, RefCell};
use std::fmt::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::Once;

use recoupe::report::{Lang, Span};
use recoupe::Options;

/// xorshift64*: small, deterministic, good enough to pick test inputs.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// Pieces the scanners react to: digits, separators, number words,
/// qualifiers, units, dates, quotes, bullets, and text that stresses
/// offsets (multi-byte letters, emoji, combining marks, right-to-left).
#[rustfmt::skip]
const PIECES: &[&str] = &[
    "0", "1", "2", "7", "9", "11", "000", "300", "2 700", "2024", "1999", "24/12/2024", "2024-12-24", "14:30", "14h30", "1er", "2e", "3ème",
    "21st", " ", " ", " ", "\u{00A0}", "\u{202F}", "\u{2009}", "\u{2007}", "\u{200B}", "\t", ".", ",", "-", "/", ":", "%", "$", "€", "£",
    "'", "’", "–", "—", "−", "(", ")", "[", "]", "mille", "million", "millions", "milliard", "vingt", "et", "un", "une", "deux", "cent",
    "quatre-vingt", "soixante-dix-sept", "dixième", "demi", "tiers", "thousand", "hundred", "and", "a", "half", "dozen", "quarter", "one",
    "environ", "au moins", "plus de", "moins de", "près de", "jusqu'à", "jusqu’à", "up to", "at least", "more than", "about", "entre",
    "between", "de", "à", "to", "from", "k", "km", "km/h", "kg", "t", "mm", "°C", "ans", "years", "pour cent", "percent", "euros", "dollars",
    "US$", "soldats", "troops", "tués", "blessés", "missiles", "obus", "février", "January", "mai", "May", "Nov.", "M.", "Kyrylo Budanov",
    "Corée du Nord", "North Korea", "KN-23", "F-16", "A320", "selon", "a déclaré", "said", "aurait", "according to", "Il", "la RPDC", "é",
    "É", "e\u{0301}", "ç", "œ", "ß", "İ", "ﬁ", "😀", "🇫🇷", "👩\u{200D}🔬", "\u{0301}", "\u{0308}", "\u{200F}", "\u{202E}", "مرحبا", "שלום",
    "١٢٣", "٫", "漢字", "\n", "\r\n", "\n\n", "«", "»", "« ", " »", "“", "”", "\"", "•", "- ", "* ", "…", "!", "?", ";", "&", "#", "@", "_",
    "²", "½", "Ⅻ", "１２", "\u{FEFF}", "\u{0}", "\u{FFFD}",
];

/// Random chars from every plane and class, surrogates excepted.
fn random_char(rng: &mut Rng) -> char {
    let c = match rng.below(6) {
        0 => rng.below(0x80) as u32,
        1 => 0x80 + rng.below(0x780) as u32,
        2 => 0x2000 + rng.below(0x70) as u32,
        3 => rng.below(0x1_0000) as u32,
        4 => 0x1F300 + rng.below(0x400) as u32,
        _ => rng.below(0x11_0000) as u32,
    };
    char::from_u32(c).unwrap_or('\u{FFFD}')
}

fn random_pieces(rng: &mut Rng, max: usize) -> String {
    let mut s = String::new();
    for _ in 0..1 + rng.below(max) {
        match rng.below(10) {
            0 => s.push(random_char(rng)),
            1 => {
                // A random figure: digits with separators in between.
                for _ in 0..1 + rng.below(6) {
                    write!(s, "{}", rng.below(1000)).unwrap();
                    s.push_str(rng.pick(&[" ", "\u{00A0}", "\u{202F}", ".", ",", "'", "-", ""]));
                }
            }
            _ => s.push_str(rng.pick(PIECES)),
        }
        if rng.chance(60) {
            s.push(' ');
        }
    }
    s
}

fn random_bytes(rng: &mut Rng, max: usize) -> String {
    let bytes: Vec<u8> = (0..rng.below(max + 1))
        .map(|_| match rng.below(4) {
            // Lead and continuation bytes of multi-byte sequences, valid or not.
            0 => 0x80 + rng.below(0x80) as u8,
            1 => b"0123456789 ,.-/%\n"[rng.below(17)],
            _ => rng.below(256) as u8,
        })
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn seeds() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("seed entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no seed articles in {}", dir.display());
    files.iter().map(|p| std::fs::read_to_string(p).expect("seed article")).collect()
}

/// A seed article cut at random chars, with random pieces spliced in.
fn edited_seed(rng: &mut Rng, seed: &str) -> String {
    let bounds: Vec<usize> = seed.char_indices().map(|(i, _)| i).chain([seed.len()]).collect();
    let a = rng.pick(&bounds);
    let b = (a + 1 + rng.below(1500)).min(seed.len());
    let b = bounds[bounds.partition_point(|&x| x < b).min(bounds.len() - 1)];
    let mut s = seed[a..b].to_string();
    for _ in 0..rng.below(8) {
        let cuts: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
        let at = rng.pick(&cuts);
        let insert = random_pieces(rng, 4);
        s.insert_str(at, &insert);
    }
    s
}

/// UTF-16 offset of every char boundary of a text (`u32::MAX` inside a
/// char), so checking thousands of spans stays linear.
struct Utf16Table(Vec<u32>);

impl Utf16Table {
    fn new(text: &str) -> Self {
        let mut t = vec![u32::MAX; text.len() + 1];
        let mut units = 0u32;
        for (i, c) in text.char_indices() {
            t[i] = units;
            units += c.len_utf16() as u32;
        }
        t[text.len()] = units;
        Utf16Table(t)
    }
}

/// A broken invariant: `kind` names the rule (failures are grouped by
/// it), `detail` shows the case.
#[derive(Debug, Clone)]
struct Failure {
    kind: String,
    detail: String,
}

fn fail<T>(kind: &str, detail: String) -> Result<T, Failure> {
    Err(Failure { kind: kind.to_string(), detail })
}

/// Checks one span against the text; returns the slice it covers.
fn check_span<'t>(text: &'t str, u16: &Utf16Table, span: Span, span_utf16: Span, what: &str) -> Result<&'t str, Failure> {
    let [a, b] = span;
    if a > b || b > text.len() {
        return fail("span outside the text", format!("{what}: span {span:?} in a text of {} bytes", text.len()));
    }
    if !text.is_char_boundary(a) || !text.is_char_boundary(b) {
        return fail("span not on char boundaries", format!("{what}: span {span:?}"));
    }
    let want = [u16.0[a] as usize, u16.0[b] as usize];
    if span_utf16 != want {
        return fail("wrong UTF-16 span", format!("{what}: span_utf16 {span_utf16:?} for byte span {span:?}, expected {want:?}"));
    }
    Ok(&text[a..b])
}

fn check_quantity(text: &str, u16: &Utf16Table, q: &recoupe::report::Quantity, what: &str) -> Result<(), Failure> {
    let got = check_span(text, u16, q.span, q.span_utf16, what)?;
    if got != q.surface {
        return fail(
            "surface differs from the text at its span",
            format!("{what}: text at {:?} is {got:?}, surface {:?}", q.span, q.surface),
        );
    }
    if q.surface.is_empty() {
        return fail("empty quantity", format!("{what} at {:?}", q.span));
    }
    if !q.value.is_finite() || q.low.is_some_and(|l| !l.is_finite()) || q.high.is_some_and(|h| !h.is_finite()) {
        return fail("value not finite", format!("{what} {:?}: value {} low {:?} high {:?}", q.surface, q.value, q.low, q.high));
    }
    if q.low.is_some_and(|l| l > q.value) || q.high.is_some_and(|h| h < q.value) {
        return fail("not low <= value <= high", format!("{what} {:?}: {:?} <= {} <= {:?}", q.surface, q.low, q.value, q.high));
    }
    Ok(())
}

/// Every invariant of the numbers report of `text`.
fn check_numbers(text: &str, u16: &Utf16Table, opts: &Options) -> Result<(), Failure> {
    let r = recoupe::numbers(text, opts);
    let mut prev_end = 0;
    for (i, q) in r.quantities.iter().enumerate() {
        let what = format!("quantity {i}");
        check_quantity(text, u16, q, &what)?;
        if q.span[0] < prev_end {
            return fail(
                "quantities overlap or are out of order",
                format!("{what} {:?} at {:?}, previous ends at {prev_end}", q.surface, q.span),
            );
        }
        prev_end = q.span[1];
    }
    if text.trim().is_empty() && !r.quantities.is_empty() {
        return fail("blank text gives quantities", format!("{} quantities", r.quantities.len()));
    }
    Ok(())
}

/// Every invariant of the claims of `text`.
fn check_extract(text: &str, u16: &Utf16Table, opts: &Options) -> Result<(), Failure> {
    let r = recoupe::extract(text, opts);
    let mut prev_end = 0;
    for (i, c) in r.claims.iter().enumerate() {
        let what = format!("claim {i} ({})", c.id);
        let got = check_span(text, u16, c.span, c.span_utf16, &what)?;
        if got != c.text {
            return fail(
                "claim text differs from the text at its span",
                format!("{what}: text at {:?} is {got:?}, claim {:?}", c.span, c.text),
            );
        }
        check_span(text, u16, c.sentence_span, c.sentence_span_utf16, &format!("{what} sentence"))?;
        let [ss, se] = c.sentence_span;
        if c.span[0] < ss || c.span[1] > se {
            return fail("claim outside its sentence", format!("{what} at {:?}, sentence {:?}", c.span, c.sentence_span));
        }
        if c.span[0] < prev_end {
            return fail("claims overlap or are out of order", format!("{what} at {:?}, previous ends at {prev_end}", c.span));
        }
        prev_end = c.span[1];
        if c.quantities.len() != 1 {
            return fail("claim without exactly one figure", format!("{what} holds {}", c.quantities.len()));
        }
        for (k, q) in c.quantities.iter().enumerate() {
            let qw = format!("{what} quantity {k}");
            check_quantity(text, u16, q, &qw)?;
            if q.span[0] < ss || q.span[1] > se {
                return fail(
                    "claim figure outside the sentence",
                    format!("{qw} {:?} at {:?}, sentence {:?}", q.surface, q.span, c.sentence_span),
                );
            }
        }
        for (k, e) in c.entities.iter().enumerate() {
            let ew = format!("{what} entity {k}");
            let got = check_span(text, u16, e.span, e.span_utf16, &ew)?;
            if got != e.surface {
                return fail(
                    "entity surface differs from the text at its span",
                    format!("{ew}: text at {:?} is {got:?}, surface {:?}", e.span, e.surface),
                );
            }
            if e.span[0] < ss || e.span[1] > se {
                return fail(
                    "entity outside the sentence",
                    format!("{ew} {:?} at {:?}, sentence {:?}", e.surface, e.span, c.sentence_span),
                );
            }
        }
        if !(0.0..=1.0).contains(&c.score) {
            return fail("score outside [0, 1]", format!("{what}: {}", c.score));
        }
    }
    if text.trim().is_empty() && !r.claims.is_empty() {
        return fail("blank text gives claims", format!("{} claims", r.claims.len()));
    }
    Ok(())
}

const LANGS: [Option<Lang>; 3] = [None, Some(Lang::Fr), Some(Lang::En)];

thread_local! {
    /// Set while a case runs: its panics are caught and reported, not printed.
    static CATCHING: Cell<bool> = const { Cell::new(false) };
    /// Where the last caught panic happened.
    static PANIC_AT: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Records where caught panics happen (the location groups failures);
/// panics outside a case print as usual.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if CATCHING.with(Cell::get) {
                let at = info.location().map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column())).unwrap_or_default();
                PANIC_AT.with(|p| *p.borrow_mut() = at);
            } else {
                default(info);
            }
        }));
    });
}

/// Runs both entry points in every language; a panic is a failure too.
fn check_all(text: &str) -> Result<(), Failure> {
    install_panic_hook();
    let u16 = Utf16Table::new(text);
    for lang in LANGS {
        let opts = Options { lang, ..Options::default() };
        CATCHING.with(|c| c.set(true));
        let result =
            panic::catch_unwind(AssertUnwindSafe(|| check_numbers(text, &u16, &opts).and_then(|()| check_extract(text, &u16, &opts))));
        CATCHING.with(|c| c.set(false));
        match result {
            Ok(Ok(())) => {}
            Ok(Err(f)) => return Err(Failure { detail: format!("lang {lang:?}: {}", f.detail), ..f }),
            Err(p) => {
                let msg =
                    p.downcast_ref::<String>().cloned().or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default();
                let at = PANIC_AT.with(|p| p.borrow().clone());
                return fail(&format!("panic at {at}"), format!("lang {lang:?}: {msg}"));
            }
        }
    }
    Ok(())
}

/// A smaller input failing the same way: deletes ever smaller runs of
/// chars, then turns the chars left into spaces where it can.
fn shrink(text: &str, kind: &str) -> String {
    let fails = |s: &[char]| check_all(&s.iter().collect::<String>()).is_err_and(|f| f.kind == kind);
    let mut cur: Vec<char> = text.chars().collect();
    let mut chunk = cur.len().div_ceil(2).max(1);
    loop {
        let mut i = 0;
        while i < cur.len() {
            let mut cand = cur.clone();
            cand.drain(i..(i + chunk).min(cur.len()));
            if fails(&cand) {
                cur = cand;
            } else {
                i += chunk;
            }
        }
        if chunk == 1 {
            break;
        }
        chunk = chunk.div_ceil(2);
    }
    for i in 0..cur.len() {
        if cur[i] != ' ' {
            let mut cand = cur.clone();
            cand[i] = ' ';
            if fails(&cand) {
                cur = cand;
            }
        }
    }
    cur.into_iter().collect()
}

/// Checks every case; on failure, reports one shrunk input per kind of
/// failure (inputs over 4 KB are reported by size, not shrunk).
fn check_cases(name: &str, cases: impl IntoIterator<Item = String>) {
    let mut failures: Vec<(String, Failure)> = Vec::new();
    let mut count = 0;
    for text in cases {
        count += 1;
        if let Err(f) = check_all(&text) {
            failures.push((text, f));
        }
    }
    if failures.is_empty() {
        return;
    }
    let mut report = format!("{name}: {} of {count} inputs fail\n", failures.len());
    let mut kinds: Vec<&str> = Vec::new();
    for (text, f) in &failures {
        if kinds.contains(&f.kind.as_str()) {
            continue;
        }
        kinds.push(&f.kind);
        let n = failures.iter().filter(|(_, g)| g.kind == f.kind).count();
        if text.len() > 4096 {
            writeln!(report, "- {} ({n} inputs): input of {} bytes: {}", f.kind, text.len(), f.detail).unwrap();
            continue;
        }
        let small = shrink(text, &f.kind);
        let detail = check_all(&small).err().map_or(f.detail.clone(), |g| g.detail);
        writeln!(report, "- {} ({n} inputs): minimal input {small:?}: {detail}", f.kind).unwrap();
    }
    panic!("{report}");
}

/// Debug builds run extraction about ten times slower: smaller sizes there.
fn scaled(full: usize) -> usize {
    if cfg!(debug_assertions) {
        full / 16
    } else {
        full
    }
}

const MB: usize = 1_000_000;

fn repeat_to(piece: &str, size: usize) -> String {
    piece.repeat(size.div_ceil(piece.len()))
}

/// The seed articles on one line, repeated to `size` bytes.
fn one_line_corpus(size: usize) -> String {
    let line: String = seeds().join(" ").replace(['\n', '\r'], " ");
    repeat_to(&(line + " "), size)
}

/// The generator for one test. `ROBUSTNESS_SEED` explores other inputs
/// than the fixed default.
fn rng(test: u64) -> Rng {
    let base: u64 = std::env::var("ROBUSTNESS_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0);
    Rng::new(base.wrapping_mul(1000).wrapping_add(test))
}

/// `n` cases, times `ROBUSTNESS_MULTIPLIER` for longer runs.
fn cases(n: usize) -> usize {
    n * std::env::var("ROBUSTNESS_MULTIPLIER").ok().and_then(|s| s.parse().ok()).unwrap_or(1)
}

#[test]
fn blank_text_gives_nothing() {
    for text in ["", " ", "\n", "\t\r\n", "\u{00A0}\u{202F}\u{2009}", " \n \n\u{00A0}\n", &" ".repeat(10_000), &"\n".repeat(10_000)] {
        for lang in LANGS {
            let opts = Options { lang, ..Options::default() };
            assert!(recoupe::numbers(text, &opts).quantities.is_empty(), "numbers of {text:?}");
            assert!(recoupe::extract(text, &opts).claims.is_empty(), "claims of {text:?}");
        }
    }
}

#[test]
fn random_pieces_hold_the_invariants() {
    let mut rng = rng(1);
    check_cases("random pieces", (0..cases(3000)).map(|_| random_pieces(&mut rng, 24)));
}

#[test]
fn random_chars_hold_the_invariants() {
    let mut rng = rng(2);
    check_cases("random chars", (0..cases(1000)).map(|_| (0..rng.below(60)).map(|_| random_char(&mut rng)).collect::<String>()));
}

#[test]
fn random_bytes_read_lossily_hold_the_invariants() {
    let mut rng = rng(3);
    check_cases("random bytes", (0..cases(1000)).map(|_| random_bytes(&mut rng, 120)));
}

#[test]
fn edited_articles_hold_the_invariants() {
    let seeds = seeds();
    let mut rng = rng(4);
    check_cases(
        "edited articles",
        (0..cases(400)).map(|_| {
            let seed = &seeds[rng.below(seeds.len())];
            edited_seed(&mut rng, seed)
        }),
    );
}

/// Inputs that once broke an invariant, shrunk.
#[test]
fn known_edge_cases() {
    let cases = [
        // Digits right after a multi-byte char, read backwards.
        "\u{202f}7 4",
        "–6K",
        "\u{FFFD}3Z",
        // A currency sign between two figures, read after one and before the other.
        "0 $2",
        // A figure's measure running over the next figures (clause cuts).
        "7 vingt 0t",
        "cent ½$cent",
    ];
    check_cases("known edge cases", cases.map(String::from));
}

#[test]
fn whole_articles_hold_the_invariants() {
    check_cases("articles", seeds());
}

#[test]
fn huge_figures_are_refused_or_finite() {
    let cases = [
        "9".repeat(400),
        format!("Environ {} soldats.", "9".repeat(400)),
        format!("{},5 millions d'euros", "1".repeat(400)),
        format!("entre {} et {} morts", "9".repeat(308), "9".repeat(309)),
        format!("1{}", " 000".repeat(150)),
        format!("1{} milliards", ",000".repeat(120)),
        format!("0,{}", "1".repeat(400)),
        format!("{} %", "9".repeat(309)),
        "7".repeat(100_000),
        format!("plus de {} soldats", "4".repeat(100_000)),
    ];
    check_cases("huge figures", cases);
}

#[test]
fn long_runs_of_figures() {
    let size = scaled(MB);
    check_cases(
        "long runs",
        [
            repeat_to("1 ", size),
            repeat_to("1,", size),
            repeat_to("1.", size),
            repeat_to("1-", size),
            repeat_to("1 000 ", size),
            repeat_to("environ 3 soldats, ", size / 4),
            repeat_to("en 2020 1 soldat, ", size / 4),
            repeat_to("vingt et un ", size / 4),
        ],
    );
}

#[test]
fn long_lines_and_tokens() {
    let size = scaled(MB);
    check_cases(
        "long lines",
        [
            one_line_corpus(size),
            "a".repeat(size),
            "é".repeat(size / 2),
            format!("12 {} soldats", " ".repeat(size)),
            format!("Selon {} 12 soldats", "Budanov ".repeat(size / 64)),
            "Il a déclaré que 12 soldats. ".repeat(size / 256),
            ".".repeat(size / 4),
            "\u{00A0}".repeat(size / 8) + "12",
        ],
    );
}

#[test]
#[ignore = "full size: run in release (scripts/bench.sh)"]
fn full_size_ten_megabyte_line() {
    check_cases("10 MB line", [one_line_corpus(10 * MB)]);
}

#[test]
#[ignore = "full size: run in release (scripts/bench.sh)"]
fn full_size_runs_of_figures() {
    check_cases(
        "1 MB runs",
        [
            repeat_to("1 ", MB),
            repeat_to("1,", MB),
            repeat_to("1 000 ", MB),
            "7".repeat(100_000),
            repeat_to(&format!("{} ", "9".repeat(400)), MB),
            "a".repeat(MB),
        ],
    );
}
