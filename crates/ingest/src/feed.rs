//! RSS 2.0 (and 0.9x / 1.0) and Atom feeds: each item (`<item>`, `<entry>`) one record.
//!
//! A feed is parsed whole with `roxmltree` (the workspace already builds it, and
//! [`crate::MAX_RECORD`] bounds a feed's size). When the XML is broken, the error is
//! reported and every item that parses on its own is still read: a feed cut off mid-download
//! or with one bad `&` keeps the rest of its news.
//!
//! With `Options::follow`, each item's linked page is fetched and its article text coded
//! instead of the feed's summary (the item's id, date and feed outlet stay); when the page
//! cannot be had, the item keeps the feed's own text and a note says why. Without it, no
//! network request is made, so a run is reproducible from its inputs alone.

use roxmltree::{Document, Node, ParsingOptions};
use vigil_model::Article;

use crate::dates::parse_loose_date;
use crate::html::{fragment_text, inline_text};
use crate::{BadRecord, Item, Options};

const ATOM: &str = "http://www.w3.org/2005/Atom";
const ATOM_03: &str = "http://purl.org/atom/ns#";
const RSS_10: &str = "http://purl.org/rss/1.0/";
const RSS_09: &str = "http://my.netscape.com/rdf/simple/0.9/";

/// Reads one feed named `name`, handing each item to `sink`: a record, or a bad record
/// `name#N` (N counting items from 1) for an item without text or date.
pub(crate) fn read_feed(name: &str, bytes: &[u8], opts: &Options, sink: &mut dyn FnMut(Item)) {
    let text = crate::html::decode(bytes, None);
    let ctx = Ctx {
        name,
        id_base: name.strip_suffix(".gz").unwrap_or(name),
        opts,
    };
    match Document::parse_with_options(&text, parsing_options()) {
        Ok(doc) => read_document(&doc, &ctx, sink),
        Err(e) => {
            sink(Item::Bad(BadRecord {
                place: format!("{name}:{}", e.pos().row),
                message: format!(
                    "not well-formed XML ({e}); reading the items that parse on their own"
                ),
            }));
            salvage(&text, &ctx, sink);
        }
    }
}

/// DTDs are allowed: old RSS 0.91 feeds declare one. roxmltree still refuses entity
/// expansion bombs.
fn parsing_options<'a>() -> ParsingOptions<'a> {
    ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    }
}

/// What every item needs to know about its feed.
struct Ctx<'a> {
    name: &'a str,
    /// `name` without `.gz`, for the ids of items without link or guid.
    id_base: &'a str,
    opts: &'a Options,
}

/// Reads a well-formed feed document.
fn read_document(doc: &Document, ctx: &Ctx, sink: &mut dyn FnMut(Item)) {
    let root = doc.root_element();
    let kind = root.tag_name().name();
    let channel = match kind {
        "feed" => Some(root),
        "rss" | "RDF" => root.children().find(|n| is_core(n, "channel")),
        _ => {
            sink(Item::Bad(BadRecord {
                place: ctx.name.to_string(),
                message: format!("not an RSS or Atom feed (the root element is <{kind}>)"),
            }));
            return;
        }
    };
    let outlet = channel
        .and_then(|c| c.children().find(|n| is_core(n, "title")))
        .map(|t| inline_text(&all_text(t)))
        .filter(|t| !t.is_empty());
    // RSS 2.0 items sit in the channel, RSS 0.9/1.0 items beside it.
    let items: Vec<Node> = if kind == "feed" {
        root.children().filter(|n| is_core(n, "entry")).collect()
    } else {
        root.children()
            .chain(channel.into_iter().flat_map(|c| c.children()))
            .filter(|n| is_core(n, "item"))
            .collect()
    };
    if items.is_empty() {
        sink(Item::Bad(BadRecord {
            place: ctx.name.to_string(),
            message: "the feed has no items".into(),
        }));
    }
    for (i, item) in items.into_iter().enumerate() {
        match read_item(item, i + 1, outlet.as_deref(), ctx) {
            Item::Record(a) if ctx.opts.follow && a.url.is_some() => {
                let place = format!("{}#{}", ctx.name, i + 1);
                let item = follow_link(a, &place, sink);
                sink(item);
            }
            other => sink(other),
        }
    }
}

/// The item with the text of the page it links to, or as it is (with a note) when the
/// page cannot be fetched or has no article text.
fn follow_link(item: Article, place: &str, sink: &mut dyn FnMut(Item)) -> Item {
    let url = item.url.clone().unwrap_or_default();
    let page = crate::follow::fetch(&url).and_then(|bytes| {
        let opts = Options {
            date: Some(item.date),
            ..Options::default()
        };
        crate::html::read_page(&url, &bytes, &opts)
    });
    match page {
        Ok(page) => {
            let mut a = item;
            a.text = page.text;
            if page.title.is_some() {
                a.title = page.title;
            }
            Item::Record(a)
        }
        Err(why) => {
            sink(Item::Note(BadRecord {
                place: place.to_string(),
                message: format!("cannot follow {url} ({why}); using the feed's text"),
            }));
            Item::Record(item)
        }
    }
}

/// True for an element named `local` in no namespace or in an RSS or Atom one (so that
/// `<media:title>` or `<media:content>` from Media RSS are not taken for the item's own).
fn is_core(n: &Node, local: &str) -> bool {
    n.is_element()
        && n.tag_name().name() == local
        && matches!(
            n.tag_name().namespace(),
            None | Some(ATOM | ATOM_03 | RSS_10 | RSS_09)
        )
}

/// True for `<dc:date>` (Dublin Core elements or terms).
fn is_dc_date(n: &Node) -> bool {
    n.is_element()
        && n.tag_name().name() == "date"
        && n.tag_name()
            .namespace()
            .is_some_and(|ns| ns.starts_with("http://purl.org/dc/"))
}

/// All the text under a node (text and CDATA), in document order.
fn all_text(n: Node) -> String {
    n.descendants()
        .filter(|d| d.is_text())
        .filter_map(|d| d.text())
        .collect()
}

/// One item as a record, or why it is not one.
fn read_item(item: Node, n: usize, outlet: Option<&str>, ctx: &Ctx) -> Item {
    let place = format!("{}#{n}", ctx.name);
    let child = |local: &str| item.children().find(|c| is_core(c, local));
    let title = child("title")
        .map(|t| inline_text(&all_text(t)))
        .filter(|t| !t.is_empty());
    let link = item_link(item);
    let guid = child("guid")
        .or_else(|| child("id"))
        .map(|g| all_text(g).trim().to_string())
        .filter(|g| !g.is_empty());
    // Full content first, then the summary.
    let text = item
        .children()
        .filter(|c| c.is_element() && c.tag_name().name() == "encoded")
        .chain(child("content"))
        .chain(child("description"))
        .chain(child("summary"))
        .map(content_text)
        .find(|t| !t.is_empty());
    let mut dated: Vec<(u8, Node)> = item
        .children()
        .filter_map(|c| Some((date_rank(&c)?, c)))
        .collect();
    dated.sort_by_key(|(rank, _)| *rank);
    let date = dated
        .iter()
        .find_map(|(_, c)| parse_loose_date(&all_text(*c)))
        .or(ctx.opts.date);
    let Some(text) = text else {
        return Item::Bad(BadRecord {
            place,
            message: "the item has no text (no content, description or summary)".into(),
        });
    };
    let Some(date) = date else {
        return Item::Bad(BadRecord {
            place,
            message: "no usable publication date in the item (pubDate, dc:date, published, updated): pass --date".into(),
        });
    };
    let id = link
        .clone()
        .or(guid)
        .unwrap_or_else(|| format!("{}#{n}", ctx.id_base));
    let mut a = Article::new(id, date, text);
    a.url = link;
    a.outlet = outlet.map(str::to_string);
    a.title = title;
    Item::Record(a)
}

/// The rank of a date element (lower wins: publication before update), or `None` for
/// any other element.
fn date_rank(n: &Node) -> Option<u8> {
    if is_dc_date(n) {
        return Some(1);
    }
    [
        ("pubDate", 0),
        ("published", 2),
        ("issued", 2),
        ("updated", 3),
        ("modified", 3),
    ]
    .iter()
    .find(|(local, _)| is_core(n, local))
    .map(|&(_, rank)| rank)
}

/// The item's link: RSS `<link>` text, or the Atom `<link href>` that is the alternate
/// (HTML) version of the entry.
fn item_link(item: Node) -> Option<String> {
    item.children()
        .filter(|c| is_core(c, "link"))
        .filter_map(|c| {
            let rel = c.attribute("rel").unwrap_or("alternate");
            let url = c
                .attribute("href")
                .map(str::to_string)
                .unwrap_or_else(|| all_text(c));
            let url = url.trim().to_string();
            (!url.is_empty() && rel.eq_ignore_ascii_case("alternate")).then_some(url)
        })
        .next()
}

/// The text of a content element. RSS descriptions and Atom `type="html"` hold escaped
/// HTML, Atom `type="xhtml"` holds XHTML elements, Atom `type="text"` plain text.
fn content_text(n: Node) -> String {
    match n.attribute("type").map(str::to_ascii_lowercase).as_deref() {
        Some("xhtml") => fragment_text(&serialize(n)),
        Some("text" | "text/plain") => plain_paragraphs(&all_text(n)),
        _ => fragment_text(&all_text(n)),
    }
}

/// Plain text with its blank-line paragraph breaks kept and other whitespace collapsed.
fn plain_paragraphs(s: &str) -> String {
    let mut paras = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for line in s.lines() {
        if line.trim().is_empty() {
            if !cur.is_empty() {
                paras.push(cur.join(" "));
                cur.clear();
            }
        } else {
            cur.extend(line.split_whitespace());
        }
    }
    if !cur.is_empty() {
        paras.push(cur.join(" "));
    }
    paras.join("\n\n")
}

/// The children of an XML node written back as HTML source, for the HTML text reader.
/// Iterative (an open-element stack), so deep nesting cannot overflow the call stack.
fn serialize(n: Node) -> String {
    let mut out = String::new();
    let mut open: Vec<Node> = Vec::new();
    for d in n.descendants().skip(1) {
        while open.last().is_some_and(|o| Some(*o) != d.parent()) {
            if let Some(o) = open.pop() {
                out.push_str(&format!("</{}>", o.tag_name().name()));
            }
        }
        if d.is_element() {
            out.push('<');
            out.push_str(d.tag_name().name());
            for a in d.attributes() {
                out.push_str(&format!(" {}=\"{}\"", a.name(), escape(a.value())));
            }
            out.push('>');
            open.push(d);
        } else if let Some(t) = d.text() {
            out.push_str(&escape(t));
        }
    }
    while let Some(o) = open.pop() {
        out.push_str(&format!("</{}>", o.tag_name().name()));
    }
    out
}

/// Text escaped for HTML source.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

// ---------------------------------------------------------------------------------------
// Broken feeds

/// Reads what it can of a feed that is not well-formed: each `<item>…</item>` (or
/// `<entry>…</entry>`) chunk of the source is parsed on its own, inside a copy of the
/// root start tag so that its namespace prefixes resolve. Items that still fail are bad
/// records `name#N`; an item cut off by the end of the file is one too.
fn salvage(text: &str, ctx: &Ctx, sink: &mut dyn FnMut(Item)) {
    let Some((root_start, root_name)) = root_tag(text) else {
        return;
    };
    let local = root_name.rsplit(':').next().unwrap_or(root_name);
    let item_tag = if local == "feed" { "entry" } else { "item" };
    let wrap = |chunk: &str| format!("{root_start}{chunk}</{root_name}>");
    let chunks = item_chunks(text, item_tag);
    // The channel title: the first <title> before the first item.
    let head = &text[..chunks.first().map_or(text.len(), |c| c.0)];
    let outlet = head.find("<title").and_then(|s| {
        let end = head[s..].find("</title>")? + s + "</title>".len();
        let doc = wrap(&head[s..end]);
        let doc = Document::parse_with_options(&doc, parsing_options()).ok()?;
        let t = doc.root_element().first_element_child()?;
        Some(inline_text(&all_text(t))).filter(|t| !t.is_empty())
    });
    for (i, &(start, end)) in chunks.iter().enumerate() {
        let n = i + 1;
        let Some(end) = end else {
            sink(Item::Bad(BadRecord {
                place: format!("{}#{n}", ctx.name),
                message: format!("the item is cut off (no closing </{item_tag}>)"),
            }));
            continue;
        };
        let doc = wrap(&text[start..end]);
        match Document::parse_with_options(&doc, parsing_options()) {
            Ok(doc) => {
                if let Some(item) = doc.root_element().first_element_child() {
                    sink(read_item(item, n, outlet.as_deref(), ctx));
                }
            }
            Err(e) => sink(Item::Bad(BadRecord {
                place: format!("{}#{n}", ctx.name),
                message: format!("not well-formed XML: {e}"),
            })),
        }
    }
}

/// The root element's start tag and name: the first `<` followed by a name character
/// (declarations, comments and processing instructions skipped).
fn root_tag(text: &str) -> Option<(&str, &str)> {
    let mut from = 0;
    loop {
        let at = from + text.get(from..)?.find('<')?;
        let next = text[at + 1..].chars().next()?;
        if next.is_alphabetic() || next == '_' {
            let end = at + text[at..].find('>')? + 1;
            let tag = &text[at..end];
            if tag.ends_with("/>") {
                return None;
            }
            let name_end = tag[1..]
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .map_or(tag.len(), |i| i + 1);
            return Some((tag, &tag[1..name_end]));
        }
        from = at + 1;
    }
}

/// Byte ranges of `<tag …>…</tag>` chunks: (start, Some(end)) for a complete one,
/// (start, None) for one the text ends inside.
fn item_chunks(text: &str, tag: &str) -> Vec<(usize, Option<usize>)> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(rel) = text.get(from..).and_then(|t| t.find(&open)) {
        let start = from + rel;
        let after = text[start + open.len()..].chars().next();
        if !after.is_some_and(|c| c.is_whitespace() || c == '>' || c == '/') {
            // `<items>` or `<itemCount>`, not an item.
            from = start + open.len();
            continue;
        }
        match text[start..].find(&close) {
            Some(rel_end) => {
                let end = start + rel_end + close.len();
                out.push((start, Some(end)));
                from = end;
            }
            None => {
                out.push((start, None));
                break;
            }
        }
    }
    out
}
