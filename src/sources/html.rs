//! A saved web page's article and what its markup says of it, for the
//! command line (the page uses Mozilla's Readability in the browser).
//!
//! Parsed by html5ever (through `scraper`), the parsing algorithm browsers
//! use, so broken markup reads as a browser would read it. Nothing runs:
//! scripts are text to skip.
//!
//! Invariants:
//! - The text is the article's: `<article>`, `<main>` or the element
//!   marked `articleBody` holding the most text, else the body without its
//!   menus, headers, footers, sidebars, forms and share or comment blocks.
//!   Scripts, styles, templates, frames and hidden elements never count.
//! - One paragraph per block element, separated by a blank line: a heading
//!   never runs into the first sentence after it. Spaces collapse; no-break
//!   spaces stay (French writes "1 000" with one).
//! - Linear time. The tree builder checks each new element against the
//!   elements still open, so a page nested thousands of levels deep would
//!   take quadratic time (a browser caps the depth for the same reason):
//!   such a page is read by a plain scan of its tags instead
//!   ([`MAX_DEPTH`]). The walk of the tree is iterative.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

use crate::report::Lang;

/// What a page holds, as read from its markup.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    pub text: String,
    pub title: Option<String>,
    /// ISO `YYYY-MM-DD`.
    pub date: Option<String>,
    pub url: Option<String>,
    pub lang: Option<Lang>,
}

/// Elements whose content is never text of the document.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "math", "button", "select", "option",
    "textarea", "input", "head", "title", "meta", "link",
];
/// Page furniture, left out of a body read as a whole.
const FURNITURE: &[&str] = &["nav", "footer", "aside", "header", "menu", "dialog", "form"];
/// Class or id words of blocks that are not the article, inside it or not
/// ("share-bar", "comments", "newsletter-signup"); whole words of the
/// attribute, split at `-`, `_` and spaces.
const FURNITURE_NAMES: &[&str] = &[
    "share",
    "sharing",
    "social",
    "comment",
    "comments",
    "newsletter",
    "related",
    "promo",
    "advert",
    "ad",
    "ads",
    "cookie",
    "cookies",
    "breadcrumb",
    "breadcrumbs",
    "subscribe",
    "paywall",
    "outbrain",
    "taboola",
];
/// Elements that end a paragraph.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "caption",
    "tr",
    "td",
    "th",
    "ul",
    "body",
    "html",
    "br",
];

/// Nesting past which a page is read by a scan of its tags, not parsed.
/// Real pages nest a few dozen levels.
pub const MAX_DEPTH: usize = 512;

/// Reads a page.
pub fn read(html: &str) -> Page {
    if depth(html) > MAX_DEPTH {
        return Page { text: scan_text(html), ..Page::default() };
    }
    let doc = Html::parse_document(html);
    let meta = metadata(&doc);
    let text = article_text(&doc);
    Page { text, ..meta }
}

/// Elements that hold no content and need no closing tag.
const VOID: &[&str] = &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param"];

/// The tag names of `html` in order, with whether each is a closing tag,
/// and the byte range of each tag; comments, doctypes and processing
/// instructions (no name) are left out. One pass.
fn tags(html: &str) -> impl Iterator<Item = (String, bool, std::ops::Range<usize>)> + '_ {
    let bytes = html.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let start = i + html[i..].find('<')?;
            let end = start + html[start..].find('>').map_or(html.len() - start, |e| e + 1);
            i = end;
            let inner = &html[start + 1..end.saturating_sub(1).max(start + 1)];
            let closing = inner.starts_with('/');
            let name: String =
                inner.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
            if !name.is_empty() {
                return Some((name, closing, start..end));
            }
        }
        None
    })
}

/// The deepest nesting of `html`'s elements, counted from its tags.
fn depth(html: &str) -> usize {
    let (mut d, mut max) = (0usize, 0usize);
    for (name, closing, range) in tags(html) {
        if closing {
            d = d.saturating_sub(1);
        } else if !VOID.contains(&name.as_str()) && !html[..range.end].ends_with("/>") {
            d += 1;
            max = max.max(d);
        }
    }
    max
}

/// A page's text by a scan of its tags: script and style content left out,
/// block tags ending paragraphs. For pages too deep to parse.
fn scan_text(html: &str) -> String {
    let mut paragraphs = Vec::new();
    let mut line = String::new();
    let mut at = 0;
    let mut skip_until: Option<String> = None;
    for (name, closing, range) in tags(html) {
        if skip_until.is_none() {
            line.push_str(&html[at..range.start]);
        }
        at = range.end;
        match &skip_until {
            Some(n) if closing && *n == name => skip_until = None,
            Some(_) => {}
            None if !closing && SKIP.contains(&name.as_str()) && !VOID.contains(&name.as_str()) => skip_until = Some(name),
            None if BLOCK.contains(&name.as_str()) => {
                let p = collapse(&line);
                if !p.is_empty() {
                    paragraphs.push(p);
                }
                line.clear();
            }
            None => {}
        }
    }
    if skip_until.is_none() {
        line.push_str(&html[at.min(html.len())..]);
    }
    let p = collapse(&line);
    if !p.is_empty() {
        paragraphs.push(p);
    }
    paragraphs.join("\n\n")
}

fn lang_code(v: &str) -> Option<Lang> {
    let v = v.trim().to_lowercase();
    if v.starts_with("fr") {
        Some(Lang::Fr)
    } else if v.starts_with("en") {
        Some(Lang::En)
    } else {
        None
    }
}

fn selector(s: &str) -> Selector {
    Selector::parse(s).expect("a valid selector")
}

/// The article's text: the candidate container holding the most text,
/// else the body without its furniture.
fn article_text(doc: &Html) -> String {
    let candidates = selector(r#"article, main, [role="main"], [itemprop="articleBody"]"#);
    let best = doc.select(&candidates).map(|el| text_of(el, false)).max_by_key(|t| t.len()).unwrap_or_default();
    // A teaser card is an <article> too: a container counts when it holds
    // real text.
    if best.chars().count() >= 200 {
        return best;
    }
    let body = doc.select(&selector("body")).next().unwrap_or_else(|| doc.root_element());
    let whole = text_of(body, true);
    if whole.len() >= best.len() {
        whole
    } else {
        best
    }
}

/// Whether an element is furniture by its class or id words.
fn furniture_named(el: &scraper::node::Element) -> bool {
    ["class", "id"].iter().filter_map(|a| el.attr(a)).any(|v| {
        v.split(|c: char| c == '-' || c == '_' || c.is_whitespace()).any(|w| FURNITURE_NAMES.contains(&w.to_ascii_lowercase().as_str()))
    })
}

fn hidden(el: &scraper::node::Element) -> bool {
    el.attr("hidden").is_some()
        || el.attr("aria-hidden") == Some("true")
        || el.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// The text of an element, one paragraph per block. `furniture`: also
/// leave out nav, header, footer, aside and forms.
fn text_of(root: ElementRef<'_>, furniture: bool) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut line = String::new();
    let flush = |line: &mut String, paragraphs: &mut Vec<String>| {
        let p = collapse(line);
        if !p.is_empty() {
            paragraphs.push(p);
        }
        line.clear();
    };
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => line.push_str(t),
                    Node::Element(el) => {
                        let name = el.name();
                        let skip = SKIP.contains(&name)
                            || hidden(el)
                            || (node.id() != root.id() && (furniture_named(el) || furniture && FURNITURE.contains(&name)));
                        if skip {
                            skipping = Some(node.id());
                        } else if BLOCK.contains(&name) {
                            flush(&mut line, &mut paragraphs);
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                    continue;
                }
                if skipping.is_none() {
                    if let Node::Element(el) = node.value() {
                        if BLOCK.contains(&el.name()) {
                            flush(&mut line, &mut paragraphs);
                        }
                    }
                }
            }
        }
    }
    flush(&mut line, &mut paragraphs);
    paragraphs.join("\n\n")
}

/// Collapses ASCII white space; no-break spaces are kept.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// `YYYY-MM-DD` from an ISO date or date-time, else None.
pub fn iso_date(value: &str) -> Option<String> {
    let v = value.trim();
    let digits: Vec<u8> = v.bytes().take(10).collect();
    let (y, m, d) = match digits.as_slice() {
        [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] => ([*y0, *y1, *y2, *y3], [*m0, *m1], [*d0, *d1]),
        _ => return None,
    };
    let s = format!("{}-{}-{}", std::str::from_utf8(&y).ok()?, std::str::from_utf8(&m).ok()?, std::str::from_utf8(&d).ok()?);
    let rest = &v[10..];
    if !(rest.is_empty() || rest.starts_with(['T', ' ', '+', 'Z', '-'])) {
        return None;
    }
    crate::frame::period::Ymd::parse(&s).map(|d| d.iso())
}

/// JSON-LD objects of a page, flattened (`@graph`, arrays). Parsed, never run.
fn json_ld(doc: &Html) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    for script in doc.select(&selector(r#"script[type="application/ld+json"]"#)) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&script.text().collect::<String>()) else { continue };
        let mut queue = vec![v];
        while let Some(item) = queue.pop() {
            if out.len() >= 200 {
                break;
            }
            match item {
                serde_json::Value::Array(a) => queue.extend(a.into_iter().rev()),
                serde_json::Value::Object(mut o) => {
                    if let Some(g) = o.remove("@graph") {
                        queue.push(g);
                    }
                    out.push(serde_json::Value::Object(o));
                }
                _ => {}
            }
        }
    }
    out
}

fn http_url(v: &str) -> Option<String> {
    let v = v.trim();
    (v.starts_with("https://") || v.starts_with("http://")).then(|| v.to_string())
}

/// Title, date, canonical address and language as the markup states them.
fn metadata(doc: &Html) -> Page {
    let meta = |keys: &[&str]| -> Option<String> {
        for k in keys {
            let sel = selector(&format!(r#"meta[property="{k}"], meta[name="{k}"], meta[itemprop="{k}"]"#));
            if let Some(v) = doc.select(&sel).find_map(|m| m.value().attr("content").map(str::trim).filter(|v| !v.is_empty())) {
                return Some(v.to_string());
            }
        }
        None
    };
    let ld = json_ld(doc);
    let ld_value = |key: &str| {
        ld.iter().find_map(|o| o.get(key).and_then(|v| v.as_str()).map(str::trim).filter(|v| !v.is_empty()).map(str::to_string))
    };
    let date = meta(&[
        "article:published_time",
        "datePublished",
        "og:published_time",
        "pubdate",
        "publish-date",
        "date",
        "dc.date",
        "DC.date.issued",
    ])
    .and_then(|v| iso_date(&v))
    .or_else(|| ld_value("datePublished").and_then(|v| iso_date(&v)))
    .or_else(|| {
        doc.select(&selector("article time[datetime], main time[datetime], time[datetime]"))
            .find_map(|t| t.value().attr("datetime").and_then(iso_date))
    });
    let url = doc
        .select(&selector(r#"link[rel~="canonical"]"#))
        .find_map(|l| l.value().attr("href").and_then(http_url))
        .or_else(|| meta(&["og:url"]).and_then(|v| http_url(&v)))
        .or_else(|| ld_value("url").and_then(|v| http_url(&v)));
    let text_of_first =
        |s: &str| doc.select(&selector(s)).next().map(|e| collapse(&e.text().collect::<String>())).filter(|t| !t.is_empty());
    let title = meta(&["og:title", "twitter:title"])
        .or_else(|| ld_value("headline"))
        .or_else(|| text_of_first("title"))
        .or_else(|| text_of_first("h1"));
    let lang = doc
        .root_element()
        .value()
        .attr("lang")
        .and_then(lang_code)
        .or_else(|| meta(&["og:locale", "language"]).and_then(|v| lang_code(&v)))
        .or_else(|| ld_value("inLanguage").and_then(|v| lang_code(&v)));
    Page { text: String::new(), title: title.map(|t| collapse(&t).chars().take(300).collect()), date, url, lang }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html lang="fr-FR"><head>
<title>Chômage : le taux stable | Le Quotidien</title>
<meta property="og:title" content="Chômage : le taux reste stable à 7,3 %">
<link rel="canonical" href="https://quotidien.example/eco/chomage">
<script type="application/ld+json">{"@graph":[{"@type":"WebSite"},{"@type":"NewsArticle","datePublished":"2024-08-13T07:30:00+02:00"}]}</script>
<script>document.write("piège")</script></head>
<body><header><nav><a href="/">Accueil</a></nav></header>
<main><article><h1>Chômage stable</h1><div class="share-bar"><button>Partager</button> Suivez-nous</div>
<p>Selon l’Insee, le taux de chômage atteint 7,3&nbsp;% au deuxième trimestre 2024, un niveau stable sur un trimestre et proche de son plus bas niveau depuis 1982.</p>
<p hidden>Texte caché</p><p>Sur un an, il recule légèrement.</p><img src="https://tracker.example/p.gif"></article></main>
<aside>Les plus lus</aside><footer>Mentions légales</footer></body></html>"#;

    #[test]
    fn a_saved_news_page_gives_its_article_and_what_its_markup_states() {
        let p = read(PAGE);
        assert_eq!(p.title.as_deref(), Some("Chômage : le taux reste stable à 7,3 %"));
        assert_eq!(p.date.as_deref(), Some("2024-08-13"));
        assert_eq!(p.url.as_deref(), Some("https://quotidien.example/eco/chomage"));
        assert_eq!(p.lang, Some(Lang::Fr));
        assert!(p.text.starts_with("Chômage stable\n\nSelon l’Insee, le taux de chômage atteint 7,3\u{a0}%"), "{}", p.text);
        assert!(p.text.ends_with("depuis 1982.\n\nSur un an, il recule légèrement."), "{}", p.text);
        for furniture in ["Accueil", "Partager", "Suivez-nous", "caché", "plus lus", "Mentions", "piège"] {
            assert!(!p.text.contains(furniture), "{furniture} in {}", p.text);
        }
    }

    #[test]
    fn a_page_without_an_article_element_loses_its_furniture() {
        let p = read("<body><nav>Menu Sport Météo</nav><div><p>Le bilan atteint 2 946 morts.</p></div><footer>© 2023</footer></body>");
        assert_eq!(p.text, "Le bilan atteint 2 946 morts.");
        assert_eq!((p.title, p.date, p.url, p.lang), (None, None, None, None));
    }

    #[test]
    fn deep_nesting_and_broken_markup_read_without_a_crash() {
        // Past MAX_DEPTH the page is scanned, in linear time.
        let deep = format!("<script>x()</script>{}<p>Au fond : 12 000 soldats.{}", "<div>".repeat(1_000_000), "</div>".repeat(10));
        assert_eq!(read(&deep).text, "Au fond : 12 000 soldats.");
        let shallow = format!("{}<p>Au fond : 12 000 soldats.{}", "<div>".repeat(MAX_DEPTH - 1), "</div>".repeat(MAX_DEPTH - 1));
        assert_eq!(read(&shallow).text, "Au fond : 12 000 soldats.");
        assert_eq!(read("<p>Un <b>texte <i>mal</b> fermé</p").text, "Un texte mal fermé");
        assert_eq!(read("").text, "");
    }

    #[test]
    fn dates_are_iso_days_or_nothing() {
        assert_eq!(iso_date("2024-08-13T07:30:00+02:00").as_deref(), Some("2024-08-13"));
        assert_eq!(iso_date("2024-02-30"), None);
        assert_eq!(iso_date("13 août 2024"), None);
        assert_eq!(iso_date("2024-08-13junk"), None);
    }
}
