//! Which file types are read, by which reader, up to which size: the
//! command line's view of `www/formats.json`, the one list the page's file
//! inputs and drop zones also follow. A type the page reads but the command
//! line does not (PDF, read in the browser by pdf.js) is unknown here, and
//! says so.

use std::sync::OnceLock;

/// One accepted type.
#[derive(Debug, Clone, PartialEq)]
pub struct Format {
    pub reader: String,
    pub extensions: Vec<String>,
    pub max_bytes: u64,
}

/// What formats.json says of an extension.
#[derive(Debug, Clone, PartialEq)]
pub enum Lookup<'a> {
    Accepted(&'a Format),
    /// Not read, with the type's name and what to do instead (English).
    Refused {
        name: String,
        hint: String,
    },
    Unknown,
}

struct Table {
    accepted: Vec<(Format, Vec<String>)>,
    refused: Vec<(Vec<String>, String, String)>,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let v: serde_json::Value = serde_json::from_str(include_str!("../../www/formats.json")).expect("www/formats.json is valid JSON");
        let strings = |x: &serde_json::Value| -> Vec<String> {
            x.as_array().map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_lowercase)).collect()).unwrap_or_default()
        };
        let accepted = v["accepted"]
            .as_array()
            .expect("formats.json: accepted")
            .iter()
            .map(|f| {
                let format = Format {
                    reader: f["reader"].as_str().expect("formats.json: reader").to_string(),
                    extensions: strings(&f["extensions"]),
                    max_bytes: f["maxBytes"].as_u64().expect("formats.json: maxBytes"),
                };
                (format, strings(&f["where"]))
            })
            .collect();
        let refused = v["refused"]
            .as_array()
            .expect("formats.json: refused")
            .iter()
            .map(|f| {
                let en = |k: &str| f[k]["en"].as_str().unwrap_or_default().to_string();
                (strings(&f["extensions"]), en("name"), en("hint"))
            })
            .collect();
        Table { accepted, refused }
    })
}

/// The format of a lower-case extension (without its dot) for `who`
/// ("cli" or "page").
pub fn for_extension(ext: &str, who: &str) -> Lookup<'static> {
    let t = table();
    if let Some((f, _)) = t.accepted.iter().find(|(f, w)| w.iter().any(|x| x == who) && f.extensions.iter().any(|e| e == ext)) {
        return Lookup::Accepted(f);
    }
    if let Some((_, name, hint)) = t.refused.iter().find(|(e, _, _)| e.iter().any(|x| x == ext)) {
        return Lookup::Refused { name: name.clone(), hint: hint.clone() };
    }
    Lookup::Unknown
}

/// The extensions the command line reads, for messages: ".txt, .md, …".
pub fn accepted_list() -> String {
    table()
        .accepted
        .iter()
        .filter(|(_, w)| w.iter().any(|x| x == "cli"))
        .flat_map(|(f, _)| f.extensions.iter().map(|e| format!(".{e}")))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_reads_what_formats_json_says() {
        assert!(matches!(for_extension("html", "cli"), Lookup::Accepted(f) if f.reader == "html"));
        assert!(matches!(for_extension("md", "cli"), Lookup::Accepted(f) if f.reader == "markdown"));
        assert!(matches!(for_extension("docx", "cli"), Lookup::Refused { name, .. } if name == "word-processor document"));
        // The page reads PDFs; the command line does not.
        assert!(matches!(for_extension("pdf", "page"), Lookup::Accepted(_)));
        assert_eq!(for_extension("pdf", "cli"), Lookup::Unknown);
        assert_eq!(for_extension("xyz", "cli"), Lookup::Unknown);
        assert!(accepted_list().contains(".htm"));
    }
}
