//! HTML pages: the article body, title, canonical URL and publication date.
//!
//! The page is tokenized by `html5gum` (a WHATWG tokenizer: entities, raw-text elements
//! and broken markup are handled as browsers do) and built into a small element tree here.
//! The tree builder knows only the few implied-end-tag rules that matter for text (a block
//! closes an open `<p>`, a new `<li>` closes the last one, ...), not the full HTML5 tree
//! construction algorithm: that would need `html5ever`, whose dependency tree costs about
//! fifteen times the build time, for no difference in the text a news page yields.
//!
//! The body is the paragraph text of the main content: `[itemprop=articleBody]`, else
//! `<article>`, else `<main>`, else the element holding the densest run of `<p>`s.
//! Boilerplate is dropped first: navigation, headers and footers, asides, scripts, forms,
//! and blocks whose class or id names them as menus, cookie banners, share buttons,
//! related links or comments. Paragraphs are joined by blank lines so that the sentence
//! splitter sees where one ends.

use chrono::NaiveDate;
use html5gum::{DefaultEmitter, Token, Tokenizer, naive_next_state};
use vigil_model::Article;

use crate::Options;
use crate::dates::parse_loose_date;

/// Deepest element nesting kept; deeper start tags (but for raw-text ones such as
/// `<script>`, which hold no elements) are read as if they were closed. Keeps the tree
/// walks' recursion bounded whatever the input.
const MAX_DEPTH: usize = 256;

/// What a page yields.
#[derive(Debug, Default)]
pub(crate) struct Page {
    /// The article body, paragraphs joined by `\n\n`; empty when none was found.
    pub text: String,
    /// Headline (`og:title`, `<title>`, first `<h1>`).
    pub title: Option<String>,
    /// Publication date from the page's metadata or an article `<time>`.
    pub date: Option<NaiveDate>,
    /// Absolute canonical URL (`<link rel=canonical>`, `og:url`).
    pub canonical: Option<String>,
    /// Publisher name (`og:site_name`).
    pub site_name: Option<String>,
}

/// Reads one HTML page named `name`. The id is the page's canonical URL, else `name`
/// (without a `.gz` suffix); the date is the page's own, else `opts.date`.
pub(crate) fn read_page(name: &str, bytes: &[u8], opts: &Options) -> Result<Article, String> {
    let page = parse_page(bytes, None);
    if page.text.is_empty() {
        return Err("no article text found".into());
    }
    let date = page
        .date
        .or(opts.date)
        .ok_or("no publication date in the page: pass --date")?;
    let id = page
        .canonical
        .clone()
        .unwrap_or_else(|| name.strip_suffix(".gz").unwrap_or(name).to_string());
    let outlet = page
        .site_name
        .clone()
        .or_else(|| page.canonical.as_deref().and_then(host_of));
    let mut a = Article::new(id, date, page.text);
    a.url = page.canonical;
    a.outlet = outlet;
    a.title = page.title;
    Ok(a)
}

/// Parses a whole page. `charset` is a transport-level hint (an HTTP `Content-Type`
/// charset); it outranks the page's own `<meta charset>`, as in browsers.
pub(crate) fn parse_page(bytes: &[u8], charset: Option<&str>) -> Page {
    let source = decode(bytes, charset);
    let dom = Dom::build(&source);
    let kept = dom.kept(true);
    let sizes = Sizes::of(&dom, &kept);
    let container = dom.container(&kept, &sizes);
    let mut text = dom.body_text(container, &kept, true);
    if text.is_empty() && container != 0 {
        text = dom.body_text(0, &kept, true);
    }
    let meta = dom.metas();
    Page {
        text,
        title: dom.title(&meta),
        date: dom.date(&meta, container),
        canonical: dom.canonical(&meta),
        site_name: meta_value(&meta, &["og:site_name"]).map(|s| collapse(&s)),
    }
}

/// The text of an HTML fragment (a feed item's content): its blocks joined by blank lines,
/// scripts, styles and share-button blocks left out. Unlike a page, all of it counts.
pub(crate) fn fragment_text(html: &str) -> String {
    let dom = Dom::build(html);
    let kept = dom.kept(false);
    dom.body_text(0, &kept, false)
}

/// The text of a short HTML fragment (a title) on one line.
pub(crate) fn inline_text(html: &str) -> String {
    if !html.contains(['<', '&']) {
        return collapse(html);
    }
    collapse(&fragment_text(html))
}

/// The host of an absolute URL, lowercased and without a leading `www.`.
pub(crate) fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    // Strip a port, but not the colons of a bracketed IPv6 address.
    let host = match host.rfind(':') {
        Some(i) if !host[i..].contains(']') => &host[..i],
        _ => host,
    };
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (!host.is_empty()).then(|| host.to_string())
}

/// Whitespace runs collapsed to single spaces, ends trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------------------
// Decoding

/// The page as text: a BOM, then the `charset` hint, then a `<meta charset>` (or XML
/// declaration) decide. Latin-1 / windows-1252 pages are mapped by that table; anything
/// else is read as UTF-8, invalid bytes replaced. A page labelled Latin-1 whose bytes are
/// valid UTF-8 with non-ASCII characters is read as UTF-8: that mislabel is common, and
/// real Latin-1 text is practically never valid UTF-8.
pub(crate) fn decode(bytes: &[u8], charset: Option<&str>) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8_lossy(rest).into_owned();
    }
    let label = charset
        .map(|c| c.trim().to_ascii_lowercase())
        .or_else(|| sniff_charset(bytes));
    if label.as_deref().is_some_and(is_latin1_label) {
        match std::str::from_utf8(bytes) {
            Ok(s) if !s.is_ascii() => s.to_string(),
            _ => bytes.iter().map(|&b| windows_1252(b)).collect(),
        }
    } else {
        String::from_utf8_lossy(bytes).into_owned()
    }
}

/// The charset a document declares in its first 4 KB: `charset=` in a `<meta>`, or
/// `encoding=` in an XML declaration.
fn sniff_charset(bytes: &[u8]) -> Option<String> {
    let head = bytes.get(..bytes.len().min(4096))?.to_ascii_lowercase();
    let find = |key: &[u8]| head.windows(key.len()).position(|w| w == key);
    let start = find(b"charset=")
        .map(|i| i + 8)
        .or_else(|| find(b"encoding=").map(|i| i + 9))?;
    let value: String = head
        .get(start..)?
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
        .map(|&b| char::from(b))
        .collect();
    (!value.is_empty()).then_some(value)
}

/// The WHATWG labels of windows-1252 (which every browser uses for "ISO-8859-1" too).
fn is_latin1_label(label: &str) -> bool {
    matches!(
        label,
        "iso-8859-1"
            | "iso8859-1"
            | "iso88591"
            | "iso_8859-1"
            | "iso_8859-1:1987"
            | "iso-ir-100"
            | "latin1"
            | "latin-1"
            | "l1"
            | "cp819"
            | "ibm819"
            | "csisolatin1"
            | "windows-1252"
            | "cp1252"
            | "x-cp1252"
    )
}

/// One windows-1252 byte as a character: Latin-1 except for 0x80–0x9F, where the
/// typographic characters (curly quotes, dashes, euro sign) sit.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}',
        '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}',
        '\u{2014}', '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}',
        '\u{178}',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

// ---------------------------------------------------------------------------------------
// The element tree

/// One element. Children are text runs or other elements (by index into [`Dom::elems`]).
#[derive(Debug)]
struct Elem {
    /// Tag name, lowercase (the tokenizer lowercases it).
    name: String,
    /// Attributes, names lowercase, values with entities decoded.
    attrs: Vec<(String, String)>,
    /// Index of the parent element (the root is its own parent).
    parent: usize,
    children: Vec<Child>,
}

#[derive(Debug)]
enum Child {
    /// An element, by index.
    Elem(usize),
    /// A run of text, entities decoded.
    Text(String),
}

/// A parsed page. Element 0 is a synthetic root; every element's parent has a smaller
/// index, so a reverse scan visits children before parents.
#[derive(Debug)]
struct Dom {
    elems: Vec<Elem>,
}

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Start tags that close an open `<p>` (HTML's "close a p element in button scope").
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dd",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
];

/// Elements that stop the search for an element to close implicitly.
const SCOPE: &[&str] = &[
    "#root", "html", "table", "td", "th", "caption", "template", "button", "object", "marquee",
    "applet",
];

impl Dom {
    /// Builds the tree from the token stream.
    fn build(source: &str) -> Dom {
        let mut dom = Dom {
            elems: vec![Elem {
                name: "#root".into(),
                attrs: Vec::new(),
                parent: 0,
                children: Vec::new(),
            }],
        };
        let mut stack = vec![0usize];
        let mut emitter = DefaultEmitter::default();
        // Script, style, title and textarea content is raw text, not markup.
        emitter.naively_switch_states(true);
        for token in Tokenizer::new_with_emitter(source, emitter) {
            let Ok(token) = token;
            match token {
                Token::StartTag(tag) => {
                    let name = String::from_utf8_lossy(&tag.name).into_owned();
                    dom.close_implied(&mut stack, &name);
                    let attrs = tag
                        .attributes
                        .into_iter()
                        .map(|(k, v)| {
                            (
                                String::from_utf8_lossy(&k).into_owned(),
                                String::from_utf8_lossy(&v.value).into_owned(),
                            )
                        })
                        .collect();
                    let parent = stack.last().copied().unwrap_or(0);
                    let index = dom.elems.len();
                    // The tokenizer reads a raw-text element's content as text even when
                    // the tag is written self-closing (as browsers do): it must be opened so
                    // that text lands inside it, not in the page, at any depth.
                    let raw = naive_next_state(name.as_bytes()).is_some();
                    let void = !raw && (VOID.contains(&name.as_str()) || tag.self_closing);
                    dom.elems.push(Elem {
                        name,
                        attrs,
                        parent,
                        children: Vec::new(),
                    });
                    dom.elems[parent].children.push(Child::Elem(index));
                    if !void && (stack.len() < MAX_DEPTH || raw) {
                        stack.push(index);
                    }
                }
                Token::EndTag(tag) => {
                    let name = String::from_utf8_lossy(&tag.name);
                    // Browsers keep content after `</body>` in the body; so do we.
                    if matches!(&*name, "body" | "html") {
                        continue;
                    }
                    // The root (index 0 in the stack) is never closed.
                    if let Some(at) = stack.iter().rposition(|&i| dom.elems[i].name == name)
                        && at > 0
                    {
                        stack.truncate(at);
                    }
                }
                Token::String(s) => {
                    let parent = stack.last().copied().unwrap_or(0);
                    let text = String::from_utf8_lossy(&s.value);
                    match dom.elems[parent].children.last_mut() {
                        Some(Child::Text(t)) => t.push_str(&text),
                        _ => dom.elems[parent]
                            .children
                            .push(Child::Text(text.into_owned())),
                    }
                }
                _ => {}
            }
        }
        dom
    }

    /// Closes what a start tag `name` closes implicitly.
    fn close_implied(&self, stack: &mut Vec<usize>, name: &str) {
        if CLOSES_P.contains(&name) {
            self.close_in_scope(stack, &["p"], &[]);
        }
        match name {
            "li" => self.close_in_scope(stack, &["li"], &["ul", "ol"]),
            "dd" | "dt" => self.close_in_scope(stack, &["dd", "dt"], &["dl"]),
            "tr" => self.close_in_scope(stack, &["tr", "td", "th"], &["tbody", "thead", "tfoot"]),
            "td" | "th" => self.close_in_scope(stack, &["td", "th"], &["tr"]),
            "option" => self.close_in_scope(stack, &["option"], &["select"]),
            _ => {}
        }
        if matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
            && stack.last().is_some_and(|&i| {
                matches!(
                    self.elems[i].name.as_str(),
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                )
            })
        {
            stack.pop();
        }
    }

    /// Pops the stack to (and including) the innermost element named in `targets`, unless
    /// a scope boundary (or one of `extra` boundaries) comes first.
    fn close_in_scope(&self, stack: &mut Vec<usize>, targets: &[&str], extra: &[&str]) {
        for at in (1..stack.len()).rev() {
            let name = self.elems[stack[at]].name.as_str();
            if targets.contains(&name) {
                stack.truncate(at);
                return;
            }
            if SCOPE.contains(&name) || extra.contains(&name) {
                return;
            }
        }
    }

    /// The value of attribute `key` (lowercase) of element `i`.
    fn attr(&self, i: usize, key: &str) -> Option<&str> {
        self.elems[i]
            .attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// All text under element `i` in document order, boilerplate included (for `<title>`,
    /// `<h1>`, JSON-LD scripts).
    fn all_text(&self, i: usize) -> String {
        let mut out = String::new();
        // Depth-first without recursion: children are pushed in reverse.
        let mut todo: Vec<&Child> = self.elems[i].children.iter().rev().collect();
        while let Some(c) = todo.pop() {
            match c {
                Child::Text(t) => out.push_str(t),
                Child::Elem(k) => todo.extend(self.elems[*k].children.iter().rev()),
            }
        }
        out
    }

    // -----------------------------------------------------------------------------------
    // Boilerplate

    /// Which elements count for text: `kept[i]` is false for boilerplate and everything
    /// inside it. On a page (`guard`), a block dropped only by its class or id is kept
    /// when it holds most of the page's paragraph text (most of its text, on a page without
    /// `<p>`s): a wrapper called `content has-sidebar` or an ASP.NET page-wide `<form>` is
    /// the article, not clutter.
    fn kept(&self, guard: bool) -> Vec<bool> {
        let n = self.elems.len();
        let mut kept = vec![true; n];
        for (i, k) in kept.iter_mut().enumerate().skip(1) {
            *k = !self.hard_boilerplate(i);
        }
        inherit(&self.elems, &mut kept);
        let sizes = Sizes::of(self, &kept);
        let measure = if sizes.ptext[0] > 0 {
            &sizes.ptext
        } else {
            &sizes.text
        };
        let total = measure[0];
        for (i, k) in kept.iter_mut().enumerate().skip(1) {
            if *k && self.soft_boilerplate(i) && !(guard && measure[i] * 2 > total) {
                *k = false;
            }
        }
        inherit(&self.elems, &mut kept);
        kept
    }

    /// Elements that are never article text, by tag, ARIA role or hiding.
    fn hard_boilerplate(&self, i: usize) -> bool {
        let e = &self.elems[i];
        if matches!(
            e.name.as_str(),
            "head"
                | "title"
                | "nav"
                | "header"
                | "footer"
                | "aside"
                | "script"
                | "style"
                | "noscript"
                | "template"
                | "svg"
                | "math"
                | "iframe"
                | "object"
                | "embed"
                | "canvas"
                | "video"
                | "audio"
                | "button"
                | "select"
                | "textarea"
                | "input"
                | "label"
                | "figure"
                | "figcaption"
                | "menu"
                | "dialog"
        ) {
            return true;
        }
        if self.attr(i, "hidden").is_some() {
            return true;
        }
        if self.attr(i, "style").is_some_and(|s| {
            s.to_ascii_lowercase()
                .replace(' ', "")
                .contains("display:none")
        }) {
            return true;
        }
        self.attr(i, "role").is_some_and(|r| {
            matches!(
                r.trim().to_ascii_lowercase().as_str(),
                "navigation"
                    | "banner"
                    | "contentinfo"
                    | "complementary"
                    | "menu"
                    | "menubar"
                    | "dialog"
                    | "alertdialog"
                    | "search"
                    | "toolbar"
                    | "tablist"
            )
        })
    }

    /// Elements that look like clutter: a `<form>` (a newsletter box, a search), or a
    /// class or id word naming menus, cookie banners, share and related blocks, comments,
    /// ads. The main content elements themselves are never dropped this way.
    fn soft_boilerplate(&self, i: usize) -> bool {
        let e = &self.elems[i];
        if e.name == "form" {
            return true;
        }
        if matches!(e.name.as_str(), "article" | "main" | "body" | "html")
            || self.is_article_body(i)
        {
            return false;
        }
        if self.attr(i, "aria-hidden") == Some("true") {
            return true;
        }
        ["class", "id"]
            .iter()
            .filter_map(|k| self.attr(i, k))
            .flat_map(str::split_whitespace)
            .any(clutter_word)
    }

    /// True for a schema.org `itemprop="articleBody"` element.
    fn is_article_body(&self, i: usize) -> bool {
        self.attr(i, "itemprop").is_some_and(|v| {
            v.split_whitespace()
                .any(|w| w.eq_ignore_ascii_case("articleBody"))
        })
    }

    // -----------------------------------------------------------------------------------
    // Main content

    /// The element holding the article: `[itemprop=articleBody]`, `<article>`, `<main>`
    /// (the one with most paragraph text of each), when it holds at least a third of the
    /// page's paragraph text; else the densest block of paragraphs; else the whole page.
    fn container(&self, kept: &[bool], sizes: &Sizes) -> usize {
        let total = sizes.ptext[0];
        let semantic: [&dyn Fn(usize) -> bool; 3] = [
            &|i| self.is_article_body(i),
            &|i| self.elems[i].name == "article",
            &|i| {
                self.elems[i].name == "main"
                    || self
                        .attr(i, "role")
                        .is_some_and(|r| r.eq_ignore_ascii_case("main"))
            },
        ];
        for pick in semantic {
            let best = (1..self.elems.len())
                .filter(|&i| kept[i] && pick(i))
                .max_by_key(|&i| (sizes.ptext[i], sizes.text[i]));
            if let Some(i) = best {
                let enough = if total > 0 {
                    sizes.ptext[i] * 3 >= total
                } else {
                    sizes.text[i] > 0
                };
                if enough {
                    return i;
                }
            }
        }
        self.densest(kept, sizes).unwrap_or(0)
    }

    /// The element whose child paragraphs (and, at half weight, grandchild paragraphs)
    /// hold the most text: where a page without markup for its article keeps it.
    fn densest(&self, kept: &[bool], sizes: &Sizes) -> Option<usize> {
        let mut score = vec![0usize; self.elems.len()];
        for (i, e) in self.elems.iter().enumerate().skip(1) {
            if kept[i] && e.name == "p" {
                let parent = e.parent;
                score[parent] += 2 * sizes.text[i];
                score[self.elems[parent].parent] += sizes.text[i];
            }
        }
        // The root is left out: it is the fallback anyway.
        (1..self.elems.len())
            .filter(|&i| score[i] > 0)
            .max_by_key(|&i| (score[i], std::cmp::Reverse(i)))
    }

    /// The paragraphs under `root`, joined by blank lines. On a page (`page`), headings,
    /// link lists, and stray non-sentence text beside real paragraphs (bylines,
    /// datelines, credits) are left out.
    fn body_text(&self, root: usize, kept: &[bool], page: bool) -> String {
        let mut c = Collector::default();
        self.collect(root, kept, &mut c, 0);
        c.flush();
        let has_paragraphs = c
            .paras
            .iter()
            .any(|p| matches!(p.block, Block::P | Block::Quote));
        let paras: Vec<&str> = c
            .paras
            .iter()
            .filter(|p| {
                !page
                    || (p.block != Block::Heading
                        && p.link_chars * 2 <= p.chars
                        && !(has_paragraphs && p.block == Block::Other && !is_sentence(&p.text)))
            })
            .filter(|p| !is_stock_line(&p.text))
            .map(|p| p.text.as_str())
            .collect();
        paras.join("\n\n")
    }

    /// Walks the kept elements under `i` in document order, into `c`.
    fn collect(&self, i: usize, kept: &[bool], c: &mut Collector, depth: usize) {
        let e = &self.elems[i];
        let block = block_kind(&e.name);
        if e.name == "br" {
            c.breaks += 1;
            return;
        }
        if let Some(b) = block {
            c.flush();
            c.blocks.push(b);
        }
        let link = e.name == "a";
        if link {
            c.links += 1;
        }
        for child in &e.children {
            match child {
                Child::Text(t) => c.push_text(t),
                Child::Elem(k) if kept[*k] && depth < MAX_DEPTH => {
                    self.collect(*k, kept, c, depth + 1)
                }
                Child::Elem(_) => {}
            }
        }
        if link {
            c.links -= 1;
        }
        if block.is_some() {
            c.flush();
            c.blocks.pop();
        }
    }

    // -----------------------------------------------------------------------------------
    // Metadata

    /// `(key, content)` of every `<meta>`: the key is its `property`, `name` or `itemprop`,
    /// lowercased.
    fn metas(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for i in 1..self.elems.len() {
            if self.elems[i].name != "meta" {
                continue;
            }
            let Some(content) = self.attr(i, "content") else {
                continue;
            };
            for key in ["property", "name", "itemprop"] {
                if let Some(k) = self.attr(i, key) {
                    out.push((k.trim().to_ascii_lowercase(), content.trim().to_string()));
                }
            }
        }
        out
    }

    /// The headline: `og:title` (or `twitter:title`), else `<title>`, else the first `<h1>`.
    fn title(&self, meta: &[(String, String)]) -> Option<String> {
        let first_text = |tag: &str| {
            (1..self.elems.len())
                .filter(|&i| self.elems[i].name == tag)
                .map(|i| collapse(&self.all_text(i)))
                .find(|t| !t.is_empty())
        };
        meta_value(meta, &["og:title", "twitter:title"])
            .map(|t| collapse(&t))
            .filter(|t| !t.is_empty())
            .or_else(|| first_text("title"))
            .or_else(|| first_text("h1"))
    }

    /// The page's own absolute URL: `<link rel=canonical>`, else `og:url`. A relative one
    /// is ignored, as the page's base is not known here.
    fn canonical(&self, meta: &[(String, String)]) -> Option<String> {
        let absolute = |u: &str| {
            let u = u.trim();
            let lower = u.to_ascii_lowercase();
            (lower.starts_with("http://") || lower.starts_with("https://")).then(|| u.to_string())
        };
        (1..self.elems.len())
            .filter(|&i| {
                self.elems[i].name == "link"
                    && self.attr(i, "rel").is_some_and(|r| {
                        r.split_whitespace()
                            .any(|w| w.eq_ignore_ascii_case("canonical"))
                    })
            })
            .find_map(|i| self.attr(i, "href").and_then(absolute))
            .or_else(|| meta_value(meta, &["og:url"]).and_then(|u| absolute(&u)))
    }

    /// The publication date: Open Graph article tags, JSON-LD `datePublished`, microdata,
    /// the common named `<meta>` dates, then a `<time datetime>` in the article.
    fn date(&self, meta: &[(String, String)], container: usize) -> Option<NaiveDate> {
        let from_meta = |keys: &[&str]| {
            meta.iter()
                .filter(|(k, _)| keys.contains(&k.as_str()))
                .find_map(|(_, v)| parse_loose_date(v))
        };
        from_meta(&[
            "article:published_time",
            "og:published_time",
            "og:article:published_time",
        ])
        .or_else(|| self.json_ld_date())
        .or_else(|| self.microdata_date())
        .or_else(|| {
            from_meta(&[
                "date",
                "pubdate",
                "publishdate",
                "publish-date",
                "publish_date",
                "dc.date",
                "dc.date.issued",
                "dcterms.date",
                "dcterms.issued",
                "sailthru.date",
                "parsely-pub-date",
                "article.published",
                "citation_publication_date",
            ])
        })
        .or_else(|| self.time_date(container))
    }

    /// `datePublished` from a JSON-LD `<script>`.
    fn json_ld_date(&self) -> Option<NaiveDate> {
        (1..self.elems.len())
            .filter(|&i| {
                self.elems[i].name == "script"
                    && self
                        .attr(i, "type")
                        .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
            })
            .find_map(|i| {
                let json: serde_json::Value = serde_json::from_str(self.all_text(i).trim()).ok()?;
                find_json_date(&json, 0)
            })
    }

    /// `itemprop="datePublished"` on a `<meta content>` or `<time datetime>`.
    fn microdata_date(&self) -> Option<NaiveDate> {
        (1..self.elems.len())
            .filter(|&i| {
                self.attr(i, "itemprop")
                    .is_some_and(|v| v.eq_ignore_ascii_case("datePublished"))
            })
            .find_map(|i| {
                self.attr(i, "content")
                    .or_else(|| self.attr(i, "datetime"))
                    .and_then(parse_loose_date)
            })
    }

    /// The first `<time datetime>` under the article (boilerplate included: the dateline
    /// often sits in the article's `<header>`). Without an article element, none: a
    /// `<time>` elsewhere on the page may date a teaser or a comment.
    fn time_date(&self, container: usize) -> Option<NaiveDate> {
        if container == 0 {
            return None;
        }
        let mut todo = vec![container];
        while let Some(i) = todo.pop() {
            if self.elems[i].name == "time"
                && let Some(d) = self.attr(i, "datetime").and_then(parse_loose_date)
            {
                return Some(d);
            }
            for c in self.elems[i].children.iter().rev() {
                if let Child::Elem(k) = c {
                    todo.push(*k);
                }
            }
        }
        None
    }
}

/// Marks the descendants of dropped elements as dropped (parents precede children).
fn inherit(elems: &[Elem], kept: &mut [bool]) {
    for i in 1..elems.len() {
        if !kept[elems[i].parent] {
            kept[i] = false;
        }
    }
}

/// The first value of any of `keys` among the page's `<meta>`s, by key order.
fn meta_value(meta: &[(String, String)], keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|key| {
        meta.iter()
            .find(|(k, v)| k == key && !v.is_empty())
            .map(|(_, v)| v.clone())
    })
}

/// The first `datePublished` in a JSON-LD value (objects, `@graph` lists, nesting).
fn find_json_date(v: &serde_json::Value, depth: usize) -> Option<NaiveDate> {
    if depth > 32 {
        return None;
    }
    match v {
        serde_json::Value::Object(map) => map
            .get("datePublished")
            .and_then(|d| d.as_str())
            .and_then(parse_loose_date)
            .or_else(|| map.values().find_map(|x| find_json_date(x, depth + 1))),
        serde_json::Value::Array(list) => list.iter().find_map(|x| find_json_date(x, depth + 1)),
        _ => None,
    }
}

/// True for a class or id word naming page clutter. Words are matched by their
/// alphanumeric parts (`share-buttons` → `share`, `buttons`) and as a whole
/// (`sr-only` → `sronly`), by prefix for the long keywords and exactly for short ones.
fn clutter_word(word: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "related",
        "share",
        "sharing",
        "social",
        "comment",
        "cookie",
        "consent",
        "gdpr",
        "newsletter",
        "subscri",
        "sidebar",
        "breadcrumb",
        "promo",
        "advert",
        "sponsor",
        "recommend",
        "popular",
        "trending",
        "mostread",
        "signup",
        "popup",
        "modal",
        "outbrain",
        "taboola",
        "navbar",
        "navigation",
        "menu",
        "footer",
        "header",
        "masthead",
        "toolbar",
        "disqus",
        "tweet",
        "byline",
        "author",
        "caption",
        "sronly",
        "visuallyhidden",
        "screenreader",
        "paywall",
    ];
    // Not "hidden": Bootstrap's `hidden-xs` hides a block on phones only.
    const EXACT: &[&str] = &["ad", "ads", "nav", "tags", "print", "skip"];
    let lower = word.to_ascii_lowercase();
    let whole: String = lower.chars().filter(char::is_ascii_alphanumeric).collect();
    std::iter::once(whole.as_str())
        .chain(lower.split(|c: char| !c.is_ascii_alphanumeric()))
        .filter(|p| !p.is_empty())
        .any(|p| PREFIXES.iter().any(|k| p.starts_with(k)) || EXACT.contains(&p))
}

/// True for text that reads like a sentence of prose (eight words or more, ending as a
/// sentence ends): a lead paragraph left outside `<p>`, unlike a byline or a caption.
fn is_sentence(text: &str) -> bool {
    text.split_whitespace().count() >= 8
        && text
            .trim_end()
            .ends_with(['.', '!', '?', '"', '\u{201d}', '\u{2019}'])
}

/// Lines that are page furniture even inside an article.
fn is_stock_line(text: &str) -> bool {
    let t = text
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    matches!(
        t.as_str(),
        "advertisement"
            | "advertising"
            | "ad"
            | "sponsored"
            | "read more"
            | "continue reading"
            | "share"
            | "share this"
            | "share this article"
            | "related"
            | "related articles"
            | "follow us"
            | "sign up"
            | "subscribe"
    )
}

// ---------------------------------------------------------------------------------------
// Text collection

/// The kind of block a paragraph came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Block {
    /// `<p>`
    P,
    /// `<blockquote>`
    Quote,
    /// `<li>`
    Item,
    /// `<pre>`
    Pre,
    /// `<h1>`…`<h6>`
    Heading,
    /// Any other block (`<div>`, `<td>`, ...).
    Other,
}

/// The block kind of an element, `None` for inline elements.
fn block_kind(name: &str) -> Option<Block> {
    Some(match name {
        "p" => Block::P,
        "blockquote" => Block::Quote,
        "li" => Block::Item,
        "pre" => Block::Pre,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Block::Heading,
        "div" | "section" | "article" | "main" | "header" | "footer" | "aside" | "nav" | "ul"
        | "ol" | "dl" | "dt" | "dd" | "table" | "thead" | "tbody" | "tfoot" | "tr" | "td"
        | "th" | "caption" | "figure" | "figcaption" | "form" | "fieldset" | "address"
        | "details" | "summary" | "hr" | "body" | "html" | "center" | "hgroup" | "option"
        | "title" => Block::Other,
        _ => return None,
    })
}

/// One paragraph of collected text.
#[derive(Debug)]
struct Para {
    /// The text, whitespace collapsed.
    text: String,
    /// The innermost block it sat in.
    block: Block,
    /// Characters, spaces not counted.
    chars: usize,
    /// Characters inside links: a paragraph mostly of links is a link list.
    link_chars: usize,
}

/// Accumulates text into paragraphs, collapsing whitespace as it goes.
#[derive(Debug, Default)]
struct Collector {
    /// Finished paragraphs.
    paras: Vec<Para>,
    /// The paragraph being collected and its counts (see [`Para`]).
    cur: String,
    chars: usize,
    link_chars: usize,
    /// Whitespace seen since the last character.
    space: bool,
    /// `<br>`s seen since the last character: two in a row end a paragraph.
    breaks: usize,
    /// Open `<a>` elements.
    links: usize,
    /// Open block elements, innermost last.
    blocks: Vec<Block>,
}

impl Collector {
    /// Adds a text run to the current paragraph.
    fn push_text(&mut self, t: &str) {
        for ch in t.chars() {
            let ch = match ch {
                '\u{a0}' | '\u{2007}' | '\u{202f}' => ' ',
                // Soft hyphens, zero-width spaces and BOMs are invisible on the page.
                '\u{ad}' | '\u{200b}' | '\u{feff}' => continue,
                c => c,
            };
            if ch.is_whitespace() {
                self.space = true;
                continue;
            }
            if ch.is_control() {
                continue;
            }
            if self.breaks >= 2 {
                self.flush();
            } else if (self.space || self.breaks == 1) && !self.cur.is_empty() {
                self.cur.push(' ');
            }
            self.space = false;
            self.breaks = 0;
            self.cur.push(ch);
            self.chars += 1;
            if self.links > 0 {
                self.link_chars += 1;
            }
        }
    }

    /// Ends the current paragraph, if any.
    fn flush(&mut self) {
        if !self.cur.is_empty() {
            self.paras.push(Para {
                text: std::mem::take(&mut self.cur),
                block: self.blocks.last().copied().unwrap_or(Block::Other),
                chars: self.chars,
                link_chars: self.link_chars,
            });
        }
        self.chars = 0;
        self.link_chars = 0;
        self.space = false;
        self.breaks = 0;
    }
}

/// Text sizes (in characters) of the kept parts of every element.
struct Sizes {
    /// All kept text under the element.
    text: Vec<usize>,
    /// Kept text inside `<p>` elements under the element.
    ptext: Vec<usize>,
}

impl Sizes {
    /// Sizes for the elements marked in `kept`.
    fn of(dom: &Dom, kept: &[bool]) -> Sizes {
        let n = dom.elems.len();
        let mut text = vec![0usize; n];
        let mut ptext = vec![0usize; n];
        // Children have larger indices than their parents: one reverse pass sums up.
        for i in (0..n).rev() {
            if !kept[i] {
                continue;
            }
            let e = &dom.elems[i];
            text[i] += e
                .children
                .iter()
                .map(|c| match c {
                    Child::Text(t) => t.chars().filter(|c| !c.is_whitespace()).count(),
                    Child::Elem(_) => 0,
                })
                .sum::<usize>();
            if e.name == "p" {
                ptext[i] = text[i];
            }
            if i > 0 {
                text[e.parent] += text[i];
                ptext[e.parent] += ptext[i];
            }
        }
        Sizes { text, ptext }
    }
}
