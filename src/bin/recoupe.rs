//! The command-line interface: reads documents, prints JSON (or text).
//!
//! Exit status: 0 on success, 2 on bad usage or unreadable input, with one
//! line on stderr saying what is wrong.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use recoupe::reconcile::{CheckOptions, Checker, Source};
use recoupe::report::{CheckReport, Lang, Relation};
use recoupe::Options;

const USAGE: &str = "usage: recoupe numbers|extract [--lang auto|fr|en] FILE|-\n       \
recoupe check [--lang auto|fr|en] [--tolerance T] [--format json|text] [--date YYYY-MM-DD] ARTICLE [--source FILE]... [--sources DIR] [--corpus FILE.json]\n       \
recoupe corpus [-o OUT.json] FOLDER|FILE...   (.txt, .md, .html: a corpus for --corpus and the widget)";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("recoupe: {msg}");
            ExitCode::from(2)
        }
    }
}

#[derive(Default)]
struct Args {
    opts: Options,
    file: Option<String>,
    sources: Vec<PathBuf>,
    corpora: Vec<PathBuf>,
    text_format: bool,
}

fn parse(args: Vec<String>) -> Result<Args, String> {
    let mut out = Args::default();
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--lang" => {
                out.opts.lang = match value("--lang")?.as_str() {
                    "auto" => None,
                    "fr" => Some(Lang::Fr),
                    "en" => Some(Lang::En),
                    other => return Err(format!("--lang takes auto, fr or en, not {other:?}")),
                }
            }
            "--tolerance" => {
                let t: f64 = value("--tolerance")?.parse().map_err(|_| "--tolerance takes a number such as 0.05".to_string())?;
                if !(0.0..1.0).contains(&t) {
                    return Err("--tolerance must be in [0, 1)".into());
                }
                out.opts.numbers.approx_tolerance = t;
            }
            "--format" => {
                out.text_format = match value("--format")?.as_str() {
                    "json" => false,
                    "text" => true,
                    other => return Err(format!("--format takes json or text, not {other:?}")),
                }
            }
            "--date" => {
                let d = value("--date")?;
                if recoupe::frame::period::Ymd::parse(&d).is_none() {
                    return Err(format!("--date takes a day as YYYY-MM-DD, not {d:?}"));
                }
                out.opts.date = recoupe::frame::period::Ymd::parse(&d);
            }
            "--source" => out.sources.push(value("--source")?.into()),
            "--sources" => {
                let dir = value("--sources")?;
                let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
                    .map_err(|e| format!("cannot read directory {dir}: {e}"))?
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                    .collect();
                files.sort();
                out.sources.extend(files);
            }
            "--corpus" => out.corpora.push(value("--corpus")?.into()),
            "-h" | "--help" => return Err(USAGE.into()),
            _ if out.file.is_none() && (a == "-" || !a.starts_with('-')) => out.file = Some(a),
            _ => return Err(format!("unexpected argument {a:?}\n{USAGE}")),
        }
    }
    Ok(out)
}

fn run(args: Vec<String>) -> Result<String, String> {
    let (command, rest) = args.split_first().ok_or(USAGE)?;
    if command == "corpus" {
        return corpus_command(rest);
    }
    let args = parse(rest.to_vec())?;
    let file = args.file.clone().ok_or(USAGE)?;
    let text = read(&file)?;
    let json = match command.as_str() {
        "numbers" => serde_json::to_string_pretty(&recoupe::numbers(&text, &args.opts)),
        "extract" => serde_json::to_string_pretty(&recoupe::extract(&text, &args.opts)),
        "check" => {
            let report = check(&file, &text, &args)?;
            if args.text_format {
                return Ok(text_report(&report));
            }
            serde_json::to_string_pretty(&report)
        }
        other => return Err(format!("unknown command {other:?}\n{USAGE}")),
    };
    json.map_err(|e| format!("cannot write JSON: {e}"))
}

fn check(file: &str, text: &str, args: &Args) -> Result<CheckReport, String> {
    let mut checker = Checker::new(CheckOptions { extract: args.opts, ..CheckOptions::default() });
    let article = std::fs::canonicalize(file).ok();
    for path in &args.sources {
        // The article itself, found in a sources directory, is no source.
        if article.is_some() && std::fs::canonicalize(path).ok() == article {
            continue;
        }
        let id = path.file_stem().map_or_else(|| path.display().to_string(), |s| s.to_string_lossy().into_owned());
        let text = read(&path.display().to_string())?;
        checker.add_source(Source { id, text, ..Source::default() }).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    for path in &args.corpora {
        for source in corpus(path)? {
            checker.add_source(source).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(checker.check(text))
}

/// `recoupe corpus`: the files of folders and lists as one JSON corpus,
/// written to `-o FILE` (else printed); what was left out, and why, on
/// standard error.
fn corpus_command(args: &[String]) -> Result<String, String> {
    let mut out: Option<PathBuf> = None;
    let mut paths = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-o" | "--out" => out = Some(it.next().ok_or("-o needs a file name")?.into()),
            "-h" | "--help" => return Err(USAGE.into()),
            _ if a.starts_with('-') && a != "-" => return Err(format!("unexpected argument {a:?}\n{USAGE}")),
            _ => paths.push(PathBuf::from(a)),
        }
    }
    if paths.is_empty() {
        return Err(format!("corpus needs folders or files to read\n{USAGE}"));
    }
    let corpus = recoupe::sources::build(&paths);
    for (path, why) in &corpus.skipped {
        eprintln!("recoupe corpus: skipped {}: {why}", path.display());
    }
    for (path, note) in &corpus.notes {
        eprintln!("recoupe corpus: {}: {note}", path.display());
    }
    let json = serde_json::to_string_pretty(&corpus.entries).map_err(|e| format!("cannot write JSON: {e}"))?;
    eprintln!("recoupe corpus: {} sources, {} files skipped", corpus.entries.len(), corpus.skipped.len());
    match out {
        None => Ok(json),
        Some(path) => {
            // Written beside the target, then renamed: an interrupted run
            // never leaves half a corpus where the last one was.
            let tmp = path.with_extension("json.partial");
            std::fs::write(&tmp, format!("{json}\n")).map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
            std::fs::rename(&tmp, &path).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            Ok(format!("{} sources written to {}", corpus.entries.len(), path.display()))
        }
    }
}

/// Reads a corpus file: a JSON array of `{id, text, title?, url?, date?, lang?}`.
fn corpus(path: &Path) -> Result<Vec<Source>, String> {
    let raw = read(&path.display().to_string())?;
    let value: serde_json::Value = serde_json::from_str(&raw).map_err(|e| format!("{} is not valid JSON: {e}", path.display()))?;
    let items = value.as_array().ok_or(format!("{} must hold a JSON array of sources", path.display()))?;
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let field = |k: &str| item.get(k).and_then(|v| v.as_str()).map(str::to_string);
            let text = field("text").ok_or(format!("{}: source {i} has no \"text\" string", path.display()))?;
            let lang = match field("lang").as_deref() {
                Some("fr") => Some(Lang::Fr),
                Some("en") => Some(Lang::En),
                _ => None,
            };
            Ok(Source {
                id: field("id").unwrap_or_else(|| format!("source-{}", i + 1)),
                text,
                title: field("title"),
                url: field("url"),
                date: field("date"),
                lang,
            })
        })
        .collect()
}

fn text_report(r: &CheckReport) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "{} claims ({}), {} sources", r.claims.len(), r.lang.code(), r.sources.len());
    for c in &r.claims {
        let q = &c.quantities[0];
        let verdict = c.verdict.map_or("?".into(), |v| format!("{v:?}").to_lowercase());
        let _ = writeln!(out, "\n[{verdict}] {} {} ({})", c.id, q.surface, q.measure.as_deref().unwrap_or("-"));
        let _ = writeln!(out, "  « {} »", c.text);
        let _ = writeln!(out, "  frame: {}", q.frame.describe());
        if let Some(x) = &c.explanation {
            let _ = writeln!(out, "  {x}");
        }
        if let Some(n) = &c.newer {
            let _ = writeln!(out, "  ! {}: {}", n.source_id, n.explanation);
        }
        for e in c.evidence.iter().flatten() {
            let mark = match e.relation {
                Relation::Corroborates => "+",
                Relation::Contradicts => "x",
                Relation::Related => "~",
            };
            let _ = writeln!(out, "    {mark} {}: {}", e.source_id, e.explanation);
            let _ = writeln!(out, "      « {} »", e.sentence);
            if let Some(q) = &e.quantity {
                let _ = writeln!(out, "      frame: {}", q.frame.describe());
            }
        }
    }
    out
}

/// Reads a file (or stdin for `-`) that must be UTF-8.
fn read(path: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let res = if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes)).map(|_| ())
    };
    let name = if path == "-" { "standard input" } else { path };
    res.map_err(|e| format!("cannot read {name}: {e}"))?;
    String::from_utf8(bytes).map_err(|e| format!("{name} is not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()))
}
