//! `recoupe corpus` as a publisher runs it: a folder of saved pages and
//! text files in, a corpus out that `check --corpus` (and the widget) read,
//! with duplicates dropped and every file left out named with why.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn recoupe(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_recoupe")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().expect("run recoupe");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// A fresh folder for one test.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("recoupe-corpus-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

/// A saved page: the article among a menu, a share bar, a sidebar, a
/// footer, a script and a tracking pixel.
fn page(title: &str, date: &str, url: &str, body: &str) -> String {
    format!(
        r#"<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{title} | Le Quotidien</title>
<meta property="og:title" content="{title}"><meta property="article:published_time" content="{date}T08:00:00+01:00">
<link rel="canonical" href="{url}"><script>track("view")</script></head><body>
<nav><a href="/">Accueil</a> <a href="/eco">Économie</a></nav>
<article><h1>{title}</h1><div class="social-share"><a>Partager</a></div>{body}<img src="https://pixel.example/t.gif"></article>
<aside><h2>À lire aussi</h2><p>Le prix du gazole recule de 3 centimes.</p></aside><footer>© Le Quotidien</footer></body></html>"#
    )
}

const DISPATCH: &str =
    "Le taux de chômage s'est établi à 7,3 % de la population active au deuxième trimestre 2024 en France, selon l'Insee. \
    Le nombre de chômeurs au sens du BIT atteint 2,3 millions de personnes, un niveau proche de celui du trimestre précédent. \
    Le taux de chômage des 15-24 ans s'établit à 18,1 %, en hausse de 0,8 point sur le trimestre.";

#[test]
fn a_folder_of_pages_and_texts_becomes_a_corpus_the_checker_reads() {
    let dir = folder("build");
    let src = dir.join("archive");
    write(
        &src,
        "2024/chomage-t2.html",
        page("Le chômage stable à 7,3 %", "2024-08-13", "https://quotidien.example/chomage-t2", &format!("<p>{DISPATCH}</p>")),
    );
    write(
        &src,
        "2024/depeche-afp.txt",
        "PARIS, 14 août 2024 (AFP) -\n\nLe chômage est resté stable en France au deuxième trimestre 2024 : le taux de chômage atteint 7,3 %, \
        a annoncé mercredi l'Insee, qui relève toutefois une nette dégradation chez les jeunes actifs.",
    );
    // The same dispatch saved twice, and once more with a word changed.
    let wire = "Le déficit public de la France a atteint 5,8 % du PIB en 2024, selon l'Insee, après 5,4 % en 2023. La dette publique \
        s'élève à 3 305 milliards d'euros fin 2024, soit 113 % du produit intérieur brut, a précisé l'institut mercredi dans sa publication annuelle.";
    write(&src, "wire/deficit.txt", wire);
    write(&src, "wire/deficit-copie.txt", wire.replace(". ", ".  "));
    write(&src, "wire/deficit-maj.txt", wire.replace("mercredi", "jeudi"));
    write(&src, "notes.md", "# Conjoncture : ce qu'il faut retenir\n\nL'inflation a atteint 2,2 % sur un an en septembre 2024.\n");
    // What cannot be a source, each for its own reason.
    write(&src, "vide.txt", "");
    write(&src, "image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01");
    write(&src, "lettre.docx", b"PK\x03\x04 word/document.xml");
    write(&src, "rapport.pdf", b"%PDF-1.4");
    write(&src, ".DS_Store", b"\x00\x00\x00\x01Bud1");
    // An old archive saved in Windows-1252: "Évolution de l'été".
    write(&src, "ancien.txt", b"\xc9volution de l'\xe9t\xe9 : le ch\xf4mage recule \xe0 7,1 % au troisi\xe8me trimestre 2022.");

    let out = dir.join("corpus.json");
    let (code, stdout, stderr) = recoupe(&["corpus", "-o", out.to_str().unwrap(), src.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("5 sources written to"), "{stdout}");
    let corpus: serde_json::Value = serde_json::from_str(&fs::read_to_string(&out).unwrap()).unwrap();
    let entries = corpus.as_array().unwrap();
    let ids: Vec<&str> = entries.iter().map(|e| e["id"].as_str().unwrap()).collect();
    // Sorted by name: 2024/, ancien, notes, wire/; "deficit.txt" before
    // "deficit-copie.txt", and the first read is kept.
    assert_eq!(ids, ["chomage-t2", "depeche-afp", "ancien", "notes", "deficit"]);
    let by = |id: &str| entries.iter().find(|e| e["id"] == id).unwrap();

    let html = by("chomage-t2");
    assert_eq!(html["title"], "Le chômage stable à 7,3 %");
    assert_eq!(html["date"], "2024-08-13");
    assert_eq!(html["url"], "https://quotidien.example/chomage-t2");
    assert_eq!(html["lang"], "fr");
    let text = html["text"].as_str().unwrap();
    assert!(text.starts_with("Le chômage stable à 7,3 %\n\nLe taux de chômage s'est établi à 7,3 %"), "{text}");
    for furniture in ["Accueil", "Partager", "À lire aussi", "gazole", "© Le Quotidien", "track("] {
        assert!(!text.contains(furniture), "{furniture:?} in {text}");
    }

    // A text file: its first line is its title, its dateline its date.
    let afp = by("depeche-afp");
    assert_eq!(afp["date"], "2024-08-14");
    assert_eq!(afp["title"], "PARIS, 14 août 2024 (AFP) -");
    assert_eq!(afp["url"], serde_json::Value::Null);
    assert_eq!(by("notes")["title"], "Conjoncture : ce qu'il faut retenir");
    assert_eq!(by("notes")["date"], serde_json::Value::Null, "no date is guessed");
    assert!(by("ancien")["text"].as_str().unwrap().starts_with("Évolution de l'été : le chômage recule à 7,1 %"));

    for (file, why) in [
        ("deficit-copie.txt", "duplicate of deficit"),
        ("deficit-maj.txt", "near-duplicate of deficit"),
        ("vide.txt", "empty file"),
        ("image.html", "binary data"),
        ("lettre.docx", ".docx (word-processor document) is not read"),
        ("rapport.pdf", ".pdf files are not read (accepted: .txt"),
    ] {
        assert!(stderr.lines().any(|l| l.contains(file) && l.contains(why)), "{file}: {why}\n{stderr}");
    }
    assert!(!stderr.contains(".DS_Store"), "dotfiles are not files of the archive: {stderr}");
    assert!(stderr.contains("ancien.txt: not UTF-8: read as Windows-1252"), "{stderr}");

    // The corpus checks an article: the Insee rate is corroborated by the
    // saved page and the dispatch.
    let article = dir.join("article.txt");
    fs::write(&article, "Le taux de chômage a atteint 7,3 % au deuxième trimestre 2024, selon l'Insee.").unwrap();
    let (code, stdout, stderr) = recoupe(&["check", "--date", "2024-08-15", article.to_str().unwrap(), "--corpus", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let claim = &report["claims"][0];
    assert_eq!(claim["verdict"], "corroborated", "{}", serde_json::to_string_pretty(claim).unwrap());
    let sources: Vec<&str> = claim["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["relation"] == "corroborates")
        .map(|e| e["source_id"].as_str().unwrap())
        .collect();
    assert!(sources.contains(&"chomage-t2") && sources.contains(&"depeche-afp"), "{sources:?}");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn bad_arguments_get_a_message() {
    let (code, _, stderr) = recoupe(&["corpus"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("corpus needs folders or files"), "{stderr}");
    let (code, _, stderr) = recoupe(&["corpus", "/no/such/folder"]);
    assert_eq!(code, 0, "a missing path is reported, not fatal: {stderr}");
    assert!(stderr.contains("skipped /no/such/folder: cannot be read"), "{stderr}");
    assert!(stderr.contains("0 sources"), "{stderr}");
    let dir = folder("args");
    let (code, _, stderr) = recoupe(&["corpus", "--frobnicate", dir.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("unexpected argument"), "{stderr}");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn file_names_give_unique_ids() {
    let dir = folder("ids");
    write(&dir, "a/Rapport Insee T2.txt", "Le PIB a progressé de 0,4 % au troisième trimestre 2024, selon la première estimation.");
    write(&dir, "b/Rapport Insee T2.txt", "Le chômage s'établit à 7,4 % au troisième trimestre 2024 en France, hors Mayotte.");
    write(&dir, "c/!!!.txt", "Les prix à la consommation ont augmenté de 1,1 % sur un an en octobre 2024.");
    let (code, stdout, stderr) = recoupe(&["corpus", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let corpus: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let ids: Vec<&str> = corpus.as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["rapport-insee-t2", "rapport-insee-t2-2", "source"]);
    let _ = fs::remove_dir_all(&dir);
}
