//! The command-line interface: reads a document, prints JSON.
//!
//! Exit status: 0 on success, 2 on bad usage or unreadable input, with one
//! line on stderr saying what is wrong.

use std::io::Read;
use std::process::ExitCode;

use recoupe::report::Lang;
use recoupe::Options;

const USAGE: &str = "usage: recoupe numbers|extract [--lang auto|fr|en] FILE|-";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("recoupe: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<String, String> {
    let mut args = args.into_iter();
    let command = args.next().ok_or(USAGE)?;
    let mut opts = Options::default();
    let mut file = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--lang" => {
                opts.lang = match args.next().as_deref() {
                    Some("auto") => None,
                    Some("fr") => Some(Lang::Fr),
                    Some("en") => Some(Lang::En),
                    other => return Err(format!("--lang takes auto, fr or en, not {}", other.unwrap_or("nothing"))),
                }
            }
            "-h" | "--help" => return Err(USAGE.into()),
            _ if file.is_none() => file = Some(a),
            _ => return Err(format!("unexpected argument {a:?}; {USAGE}")),
        }
    }
    let file = file.ok_or(USAGE)?;
    let text = read(&file)?;
    let json = match command.as_str() {
        "numbers" => serde_json::to_string_pretty(&recoupe::numbers(&text, &opts)),
        "extract" => serde_json::to_string_pretty(&recoupe::extract(&text, &opts)),
        other => return Err(format!("unknown command {other:?}; {USAGE}")),
    };
    json.map_err(|e| format!("cannot write JSON: {e}"))
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
