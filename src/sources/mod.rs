//! Files as people have them, turned into the sources the checker reads:
//! plain text, Markdown and saved web pages, each with the title, date,
//! address and language the document states. `recoupe corpus` is built on
//! this; so can any Rust program that feeds a [`crate::reconcile::Checker`].
//!
//! Invariants:
//! - Which file types are read, by which reader and up to which size, is
//!   data: `www/formats.json`, the same file the page reads ([`formats`]).
//! - A date is what the document states (its metadata, else a dateline or
//!   byline in its first lines), else `None`: never guessed.
//! - No input panics: an empty file, a binary file under a text name, a
//!   type that is not read or an unreadable file each give a [`Skip`] that
//!   says why.
//! - Building a corpus is linear in the files' total size: exact and near
//!   duplicates are found through hashes and MinHash buckets ([`dedup`]),
//!   never by comparing every pair.
//!
//! Native builds only (feature `html`): the browser reads files with its own
//! libraries (`www/documents.js`), so none of this ships in the wasm.

pub mod dedup;
pub mod formats;
pub mod html;

use std::path::{Path, PathBuf};

use crate::report::Lang;

/// One document read from a file, as a corpus entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The file it was read from, as given or found.
    pub path: PathBuf,
    pub text: String,
    pub title: Option<String>,
    pub url: Option<String>,
    /// ISO `YYYY-MM-DD`.
    pub date: Option<String>,
    pub lang: Lang,
    /// What had to be assumed to read it ("read as Windows-1252").
    pub note: Option<String>,
}

/// Why a file gives no source.
#[derive(Debug, Clone, PartialEq)]
pub enum Skip {
    Empty,
    /// Binary data under a text name (NUL bytes).
    Binary,
    /// A type that is not read; `name` and `hint` come from formats.json.
    Refused {
        ext: String,
        name: String,
        hint: String,
    },
    /// An extension formats.json does not know.
    Unknown {
        ext: String,
    },
    /// A JSON corpus: already what this builds.
    Corpus,
    TooLarge {
        size: u64,
        max: u64,
    },
    Unreadable(String),
    /// The same text as an earlier file.
    Duplicate {
        of: String,
    },
    /// Nearly the same text as an earlier file (`similarity` in [0, 1]).
    NearDuplicate {
        of: String,
        similarity: f64,
    },
}

impl std::fmt::Display for Skip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Skip::Empty => write!(f, "empty file"),
            Skip::Binary => write!(f, "binary data, not text"),
            Skip::Refused { ext, name, hint } => write!(f, ".{ext} ({name}) is not read: {hint}"),
            Skip::Unknown { ext } if ext.is_empty() => write!(f, "no extension: not read (accepted: {})", formats::accepted_list()),
            Skip::Unknown { ext } => write!(f, ".{ext} files are not read (accepted: {})", formats::accepted_list()),
            Skip::Corpus => write!(f, "already a corpus: give it to `recoupe check --corpus` or the widget's sources"),
            Skip::TooLarge { size, max } => write!(f, "{size} bytes, more than the {max} read"),
            Skip::Unreadable(e) => write!(f, "cannot be read: {e}"),
            Skip::Duplicate { of } => write!(f, "duplicate of {of}"),
            Skip::NearDuplicate { of, similarity } => write!(f, "near-duplicate of {of} ({:.0} % alike)", similarity * 100.0),
        }
    }
}

/// Reads one file by the reader formats.json names for its extension.
pub fn read_document(path: &Path) -> Result<Document, Skip> {
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    let format = match formats::for_extension(&ext, "cli") {
        formats::Lookup::Accepted(f) => f,
        formats::Lookup::Refused { name, hint } => return Err(Skip::Refused { ext, name, hint }),
        formats::Lookup::Unknown => return Err(Skip::Unknown { ext }),
    };
    if format.reader == "corpus" {
        return Err(Skip::Corpus);
    }
    let size = std::fs::metadata(path).map_err(|e| Skip::Unreadable(e.to_string()))?.len();
    if size == 0 {
        return Err(Skip::Empty);
    }
    if size > format.max_bytes {
        return Err(Skip::TooLarge { size, max: format.max_bytes });
    }
    let bytes = std::fs::read(path).map_err(|e| Skip::Unreadable(e.to_string()))?;
    let (raw, note) = decode(&bytes)?;
    // The language the markup declares; otherwise the detector's.
    let mut declared = None;
    let mut doc = match format.reader.as_str() {
        "html" => {
            let page = html::read(&raw);
            declared = page.lang;
            Document { path: path.to_path_buf(), text: page.text, title: page.title, url: page.url, date: page.date, lang: Lang::En, note }
        }
        "markdown" => {
            let (text, title) = markdown(&raw);
            Document { path: path.to_path_buf(), text, title, url: None, date: None, lang: Lang::En, note }
        }
        _ => Document { path: path.to_path_buf(), text: raw, title: None, url: None, date: None, lang: Lang::En, note },
    };
    if doc.text.trim().is_empty() {
        return Err(Skip::Empty);
    }
    doc.lang = declared.unwrap_or_else(|| crate::text::lang::detect(&doc.text));
    if doc.title.is_none() {
        doc.title = first_line(&doc.text);
    }
    if doc.date.is_none() {
        doc.date = dateline(&doc.text, doc.lang);
    }
    Ok(doc)
}

/// UTF-8 text, else Windows-1252 (what old archives and Word's "save as
/// text" write); NUL bytes mean binary data.
fn decode(bytes: &[u8]) -> Result<(String, Option<String>), Skip> {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    if head.contains(&0) {
        return Err(Skip::Binary);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), None)),
        Err(_) => {
            let text: String = bytes.iter().map(|&b| windows_1252(b)).collect();
            // Control characters other than layout mean binary data.
            let controls = text.chars().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')).count();
            if controls * 50 > text.chars().count() {
                return Err(Skip::Binary);
            }
            Ok((text, Some("not UTF-8: read as Windows-1252".into())))
        }
    }
}

/// One Windows-1252 byte as a character.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•',
        '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// A Markdown document's text without heading marks, and its first `#`
/// heading as its title.
fn markdown(raw: &str) -> (String, Option<String>) {
    let mut title = None;
    let mut out = String::with_capacity(raw.len());
    for line in raw.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with([' ', '\t']) {
            let heading = trimmed[hashes..].trim().trim_end_matches('#').trim();
            if title.is_none() && !heading.is_empty() {
                title = Some(heading.chars().take(300).collect());
            }
            // A heading is a paragraph of its own: it never runs into the
            // first sentence after it.
            out.push_str(heading);
            out.push_str("\n\n");
        } else {
            out.push_str(line);
        }
    }
    (out, title)
}

/// The first line that holds text, shortened to 120 characters.
fn first_line(text: &str) -> Option<String> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    if line.chars().count() <= 120 {
        return Some(line.to_string());
    }
    Some(format!("{}…", line.chars().take(117).collect::<String>().trim_end()))
}

/// The date a dateline or byline states in the first lines.
fn dateline(text: &str, lang: Lang) -> Option<String> {
    // The dateline reader looks at the first lines only: scan no more.
    let mut end = text.len().min(2048);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let mentions = crate::numbers::scan(head, lang, &crate::NumberOptions::default());
    crate::frame::dateline(head, &mentions).map(|d| d.iso())
}

/// A folder's files, recursively, or the files given, in a stable order:
/// sorted by name within each folder; dotfiles and symbolic links to folders are left out (a
/// link can make a walk endless).
pub fn walk(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<(PathBuf, Skip)>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut stack: Vec<PathBuf> = paths.iter().rev().cloned().collect();
    while let Some(p) = stack.pop() {
        let meta = match std::fs::symlink_metadata(&p) {
            Ok(m) => m,
            Err(e) => {
                problems.push((p, Skip::Unreadable(e.to_string())));
                continue;
            }
        };
        if meta.is_dir() {
            let mut entries: Vec<PathBuf> = match std::fs::read_dir(&p) {
                Ok(rd) => rd
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|e| !e.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
                    .collect(),
                Err(e) => {
                    problems.push((p, Skip::Unreadable(e.to_string())));
                    continue;
                }
            };
            // By name without its extension first: "b-001.html" before
            // "b-001-copie.html", the original before its copies.
            entries.sort_by(|a, b| (a.file_stem(), a.extension()).cmp(&(b.file_stem(), b.extension())));
            stack.extend(entries.into_iter().rev());
        } else if meta.file_type().is_symlink() {
            // A link to a file is read; a link to a folder is not followed.
            if std::fs::metadata(&p).is_ok_and(|m| m.is_file()) {
                files.push(p);
            }
        } else {
            files.push(p);
        }
    }
    (files, problems)
}

/// A corpus entry as the widget and `--corpus` read it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Entry {
    pub id: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    pub lang: &'static str,
    pub text: String,
}

/// The corpus of `paths` (files and folders): its entries, and each file
/// left out with why.
pub struct Corpus {
    pub entries: Vec<Entry>,
    pub skipped: Vec<(PathBuf, Skip)>,
    /// Files read with an assumption, and which.
    pub notes: Vec<(PathBuf, String)>,
}

/// Reads every file of `paths`, drops duplicates, and gives each source a
/// unique id from its file name.
pub fn build(paths: &[PathBuf]) -> Corpus {
    let (files, mut skipped) = walk(paths);
    let mut seen = dedup::Seen::new();
    let mut entries = Vec::new();
    let mut notes = Vec::new();
    let mut ids = std::collections::HashSet::new();
    for path in files {
        let doc = match read_document(&path) {
            Ok(d) => d,
            Err(why) => {
                skipped.push((path, why));
                continue;
            }
        };
        let id = unique_id(&path, &mut ids);
        match seen.check(&doc.text, entries.len()) {
            dedup::Verdict::New => {}
            dedup::Verdict::Duplicate(i) => {
                let of: &Entry = &entries[i];
                skipped.push((path, Skip::Duplicate { of: of.id.clone() }));
                ids.remove(&id);
                continue;
            }
            dedup::Verdict::Near(i, similarity) => {
                let of: &Entry = &entries[i];
                skipped.push((path, Skip::NearDuplicate { of: of.id.clone(), similarity }));
                ids.remove(&id);
                continue;
            }
        }
        if let Some(n) = doc.note {
            notes.push((path.clone(), n));
        }
        entries.push(Entry { id, title: doc.title, url: doc.url, date: doc.date, lang: doc.lang.code(), text: doc.text });
    }
    Corpus { entries, skipped, notes }
}

/// An id from the file's name ("Rapport Insee T2.pdf" → "rapport-insee-t2"),
/// made unique with "-2", "-3"… in the order files are read.
fn unique_id(path: &Path, taken: &mut std::collections::HashSet<String>) -> String {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let mut base = String::new();
    for c in crate::text::chars::fold(&stem).chars() {
        if c.is_alphanumeric() {
            base.push(c);
        } else if !base.ends_with('-') && !base.is_empty() {
            base.push('-');
        }
    }
    let base = base.trim_end_matches('-').chars().take(80).collect::<String>();
    let base = if base.is_empty() { "source".to_string() } else { base };
    let mut id = base.clone();
    let mut n = 2;
    while !taken.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}
