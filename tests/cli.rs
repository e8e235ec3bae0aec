//! The command-line interface as a user runs it.

use std::process::Command;

fn recoupe(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_recoupe")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().expect("run recoupe");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not JSON ({e}): {s}"))
}

const SEED: &str = "tests/fixtures/seeds/001_125bc9ff60828318.txt";

#[test]
fn numbers_prints_the_data_model() {
    let (code, out, _) = recoupe(&["numbers", SEED]);
    assert_eq!(code, 0);
    let v = json(&out);
    assert_eq!(v["lang"], "fr");
    let q = v["quantities"].as_array().unwrap().iter().find(|q| q["value"] == 2700.0).expect("2 700");
    for field in ["surface", "span", "span_utf16", "value", "low", "high", "qualifier", "kind", "unit", "measure"] {
        assert!(q.get(field).is_some(), "missing {field}");
    }
    assert_eq!(q["measure"], "wounded");
}

#[test]
fn extract_reads_stdin_and_honours_lang() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_recoupe"))
        .args(["extract", "--lang", "en", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"About 12,000 North Korean troops were deployed.").unwrap();
    let out = child.wait_with_output().unwrap();
    let v = json(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(v["lang"], "en");
    assert_eq!(v["claims"][0]["quantities"][0]["value"], 12000.0);
    assert_eq!(v["claims"][0]["quantities"][0]["measure"], "soldier");
}

#[test]
fn check_against_a_directory_skips_the_article_itself() {
    let (code, out, err) = recoupe(&["check", SEED, "--sources", "tests/fixtures/seeds"]);
    assert_eq!(code, 0, "{err}");
    let v = json(&out);
    let ids: Vec<&str> = v["sources"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 4);
    assert!(!ids.contains(&"001_125bc9ff60828318"));
    assert!(v["claims"].as_array().unwrap().iter().all(|c| c["verdict"].is_string() && c["evidence"].is_array()));
    assert!(v["discrepancies"].is_array());
}

#[test]
fn check_text_format_is_readable() {
    let (code, out, _) = recoupe(&["check", SEED, "--source", "tests/fixtures/en/spy_agency.txt", "--format", "text"]);
    assert_eq!(code, 0);
    assert!(out.contains("[corroborated]"), "{out}");
    assert!(out.contains("spy_agency"), "{out}");
}

#[test]
fn bad_input_exits_2_with_one_line() {
    let dir = std::env::temp_dir().join(format!("recoupe-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("latin1.txt");
    std::fs::write(&bad, b"Caf\xe9 cr\xe8me: 12 000 soldats").unwrap();
    let (code, out, err) = recoupe(&["extract", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("latin1.txt") && err.contains("not UTF-8"), "{err}");

    let (code, _, err) = recoupe(&["extract", "does-not-exist.txt"]);
    assert_eq!((code, err.lines().count()), (2, 1));
    assert!(err.contains("does-not-exist.txt"));

    let (code, _, err) = recoupe(&["extract", "--lang", "de", SEED]);
    assert_eq!(code, 2);
    assert!(err.contains("--lang"));

    let (code, _, _) = recoupe(&["frobnicate", SEED]);
    assert_eq!(code, 2);

    let corpus = dir.join("corpus.json");
    std::fs::write(&corpus, "{\"not\": \"an array\"}").unwrap();
    let (code, _, err) = recoupe(&["check", SEED, "--corpus", corpus.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("JSON array"), "{err}");
}

#[test]
fn empty_and_blank_input_give_empty_results() {
    let dir = std::env::temp_dir().join(format!("recoupe-cli-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, body) in [("empty.txt", ""), ("blank.txt", " \n\u{a0}\t\n")] {
        let p = dir.join(name);
        std::fs::write(&p, body).unwrap();
        let (code, out, _) = recoupe(&["extract", p.to_str().unwrap()]);
        assert_eq!(code, 0);
        assert_eq!(json(&out)["claims"].as_array().unwrap().len(), 0);
    }
}
