//! Tests of input detection and streaming over real files.

use super::*;
use std::io::Write;

fn collect(path: &str, opts: &Options) -> (Vec<Article>, Vec<BadRecord>, Option<BadRecord>) {
    let (mut recs, mut bad) = (Vec::new(), Vec::new());
    let whole = read_input(path, opts, &mut |i| match i {
        Item::Record(a) => recs.push(a),
        Item::Bad(b) => bad.push(b),
        Item::Note(_) => {}
    })
    .err();
    (recs, bad, whole)
}

#[test]
fn formats_are_told_by_name_then_content() {
    assert_eq!(detect("a/b.jsonl.gz", b""), Some(Format::Jsonl));
    assert_eq!(detect("x.TXT", b""), Some(Format::Text));
    assert_eq!(detect("x.dat", b"WARC/1.1\r\n"), Some(Format::Warc));
    assert_eq!(
        detect("x.xml", b"<?xml version='1.0'?><rss>"),
        Some(Format::Feed)
    );
    assert_eq!(
        detect("x.xml", b"<?xml version='1.0'?><feed xmlns="),
        Some(Format::Feed)
    );
    assert_eq!(detect("page", b"<!DOCTYPE html><html>"), Some(Format::Html));
    assert_eq!(detect("x.bin", b"\x00\x01"), None);
}

#[test]
fn gzipped_jsonl_streams_and_a_truncated_stream_keeps_what_was_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut body = Vec::new();
    for i in 0..200 {
        writeln!(
            body,
            "{{\"id\":\"r{i}\",\"date\":\"2021-12-04\",\"text\":\"Russia massed troops near Ukraine. {}\"}}",
            "x".repeat(i)
        )
        .unwrap();
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&body).unwrap();
    let gz = gz.finish().unwrap();
    let full = dir.path().join("a.jsonl.gz");
    std::fs::write(&full, &gz).unwrap();
    let (recs, bad, whole) = collect(full.to_str().unwrap(), &Options::default());
    assert_eq!((recs.len(), bad.len(), whole), (200, 0, None));

    let cut = dir.path().join("b.jsonl.gz");
    std::fs::write(&cut, &gz[..gz.len() * 2 / 3]).unwrap();
    let (recs, _, whole) = collect(cut.to_str().unwrap(), &Options::default());
    assert!(recs.len() < 200);
    let whole = whole.expect("a truncated stream is reported");
    assert!(whole.message.contains("gzip"), "{whole}");
    assert!(whole.place.starts_with(cut.to_str().unwrap()));
}

#[test]
fn records_without_id_are_named_by_path_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("in.jsonl");
    std::fs::write(
        &p,
        "{\"date\":\"2021-12-04\",\"text\":\"a\"}\n\n{oops\n{\"date\":\"2021-12-04\",\"text\":\"b\"}\n",
    )
    .unwrap();
    let name = p.to_str().unwrap();
    let (recs, bad, _) = collect(name, &Options::default());
    assert_eq!(recs[0].id, format!("{name}#1"));
    assert_eq!(recs[1].id, format!("{name}#4"));
    assert_eq!(bad[0].place, format!("{name}:3"));
}

#[test]
fn binary_empty_and_unknown_inputs_are_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("x.txt");
    std::fs::write(&bin, [0u8, 159, 146, 150, 0, 0, 1, 2]).unwrap();
    let (_, _, whole) = collect(bin.to_str().unwrap(), &Options::default());
    assert!(whole.unwrap().message.contains("binary"));
    let empty = dir.path().join("e.jsonl");
    std::fs::write(&empty, "").unwrap();
    assert!(
        collect(empty.to_str().unwrap(), &Options::default())
            .2
            .is_some()
    );
    let (files, bad) = expand(&[dir.path().display().to_string(), "/no/such/thing".into()]);
    assert_eq!(files.len(), 2);
    assert_eq!(bad.len(), 1);
}

#[test]
fn a_text_file_needs_a_date() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    std::fs::write(&p, "Russia massed troops.").unwrap();
    let name = p.to_str().unwrap();
    assert!(collect(name, &Options::default()).2.is_some());
    let opts = Options {
        date: parse_date("2021-12-04"),
        ..Options::default()
    };
    let (recs, _, _) = collect(name, &opts);
    assert_eq!(recs[0].id, name);
}

// ---------------------------------------------------------------------------------------
// HTML pages, feeds and WARC archives

/// A fixture under `tests/data/`.
fn fixture(name: &str) -> String {
    format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn day(s: &str) -> NaiveDate {
    parse_date(s).unwrap()
}

#[test]
fn a_page_yields_its_article_paragraphs_without_boilerplate() {
    let (recs, bad, whole) = collect(&fixture("page.html"), &Options::default());
    assert_eq!((bad, whole), (vec![], None));
    let a = &recs[0];
    assert_eq!(
        a.text,
        "MOSCOW \u{2014} Russia has massed tens of thousands of troops near its border with \
         Ukraine, officials said on Saturday.\n\n\
         The Ukrainian foreign minister accused Moscow of preparing an invasion and called \
         for sanctions.\n\n\
         NATO said it was watching the situation closely.\n\n\
         The Kremlin denied the accusation & said the troops were on exercises."
    );
    assert_eq!(a.id, "https://news.example.com/world/russia-troops");
    assert_eq!(a.url.as_deref(), Some(a.id.as_str()));
    // article:published_time wins over sailthru.date and the <time>, read as written.
    assert_eq!(a.date, day("2021-12-04"));
    assert_eq!(
        a.title.as_deref(),
        Some("Russia masses troops near Ukraine border")
    );
    assert_eq!(a.outlet.as_deref(), Some("The Daily Ledger"));
    assert_eq!(a.article, None);
}

#[test]
fn page_dates_come_from_each_kind_of_tag_then_the_option() {
    let page = |head: &str, body: &str| {
        format!(
            "<html><head>{head}</head><body><article>{body}<p>Troops crossed the river at dawn.</p></article></body></html>"
        )
    };
    let date_of = |html: String| html::parse_page(html.as_bytes(), None).date;
    let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2021-11-30T08:00:00+01:00"}]}</script>"#;
    assert_eq!(date_of(page(ld, "")), Some(day("2021-11-30")));
    assert_eq!(
        date_of(page(
            r#"<meta name="DC.date.issued" content="2021-11-29">"#,
            ""
        )),
        Some(day("2021-11-29"))
    );
    assert_eq!(
        date_of(page(
            r#"<meta name="parsely-pub-date" content="2021-11-28T10:00:00Z">"#,
            ""
        )),
        Some(day("2021-11-28"))
    );
    assert_eq!(
        date_of(page(
            "",
            r#"<header><time datetime="2021-11-27">Nov 27</time></header>"#
        )),
        Some(day("2021-11-27"))
    );
    assert_eq!(
        date_of(page(
            r#"<meta property="og:published_time" content="garbage">"#,
            ""
        )),
        None
    );

    // No date anywhere: the option, else a clear error naming --date.
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("undated.html.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(page("<title>Undated</title>", "").as_bytes())
        .unwrap();
    std::fs::write(&p, gz.finish().unwrap()).unwrap();
    let name = p.to_str().unwrap();
    let whole = collect(name, &Options::default()).2.unwrap();
    assert_eq!(whole.place, name);
    assert_eq!(
        whole.message,
        "no publication date in the page: pass --date"
    );
    let opts = Options {
        date: Some(day("2021-12-04")),
        ..Options::default()
    };
    let (recs, _, _) = collect(name, &opts);
    // Without a canonical URL the id is the path, less its .gz.
    assert_eq!(recs[0].id, name.strip_suffix(".gz").unwrap());
    assert_eq!(recs[0].date, day("2021-12-04"));
    assert_eq!(recs[0].title.as_deref(), Some("Undated"));
    assert_eq!(recs[0].url, None);
}

#[test]
fn a_page_without_article_markup_uses_its_densest_paragraphs() {
    let html = "<html><body><div id=menu><p><a href=/a>Home</a></p></div>\
        <div class=wrap><div class=col><p>First paragraph of the story, long enough to count.</p>\
        <p>Second paragraph of the story, also long enough.</p><h2>Subhead</h2>\
        <p>Third paragraph after a subhead.</p></div>\
        <div class=col2><p>Short</p></div></div>\
        <div class=copyright><p>Copyright notice.</p></div></body></html>";
    let page = html::parse_page(html.as_bytes(), None);
    assert_eq!(
        page.text,
        "First paragraph of the story, long enough to count.\n\n\
         Second paragraph of the story, also long enough.\n\n\
         Third paragraph after a subhead."
    );
    assert_eq!(page.title, None);

    // A page of nothing but chrome has no article text: an error, not an empty record.
    let opts = Options {
        date: Some(day("2021-12-04")),
        ..Options::default()
    };
    let empty = "<html><body><nav><a href=/>Home</a></nav><footer>(c) 2021</footer></body></html>";
    assert_eq!(
        html::read_page("e.html", empty.as_bytes(), &opts).unwrap_err(),
        "no article text found"
    );
}

#[test]
fn a_wrapper_named_like_clutter_that_holds_the_story_is_kept() {
    // ASP.NET wraps whole pages in a <form>; some themes name the content column after
    // the sidebar beside it.
    let html = "<html><body><form id=aspnetForm><div class=\"content has-sidebar\">\
        <p>Protesters gathered outside the parliament on Friday.</p>\
        <p>Police used tear gas to disperse them.</p>\
        <div class=sidebar><p>Sign up for our newsletter today.</p></div></div></form></body></html>";
    let page = html::parse_page(html.as_bytes(), None);
    assert_eq!(
        page.text,
        "Protesters gathered outside the parliament on Friday.\n\n\
         Police used tear gas to disperse them."
    );
}

#[test]
fn latin1_pages_are_decoded_by_their_meta_charset() {
    let mut html = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body><p>Le pr\xe9sident a d\xe9clar\xe9 \x93non\x94.</p></body></html>".to_vec();
    let page = html::parse_page(&html, None);
    assert_eq!(
        page.text,
        "Le pr\u{e9}sident a d\u{e9}clar\u{e9} \u{201c}non\u{201d}."
    );
    // Mislabelled UTF-8 stays UTF-8.
    html = "<html><head><meta charset=latin1></head><body><p>Le président a déclaré.</p></body></html>"
        .as_bytes()
        .to_vec();
    assert_eq!(
        html::parse_page(&html, None).text,
        "Le président a déclaré."
    );
}

#[test]
fn an_rss_feed_yields_one_record_per_item_and_reports_undated_ones() {
    let name = fixture("feed.rss");
    let (recs, bad, whole) = collect(&name, &Options::default());
    assert_eq!(whole, None);
    assert_eq!(recs.len(), 1);
    let a = &recs[0];
    assert_eq!(a.id, "https://news.example.com/world/russia-troops");
    assert_eq!(a.url.as_deref(), Some(a.id.as_str()));
    assert_eq!(a.date, day("2021-12-04"));
    assert_eq!(
        a.text,
        "Russia has massed troops near its border with Ukraine, officials said.\n\n\
         The Kremlin denied the accusation & said the troops were on exercises."
    );
    assert_eq!(
        a.title.as_deref(),
        Some("Russia masses troops near Ukraine border")
    );
    assert_eq!(a.outlet.as_deref(), Some("The Daily Ledger \u{2013} World"));
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].place, format!("{name}#2"));
    assert!(bad[0].message.contains("pass --date"), "{}", bad[0]);

    // With --date the undated item is read; without a link its id is its guid.
    let opts = Options {
        date: Some(day("2021-12-07")),
        ..Options::default()
    };
    let (recs, bad, _) = collect(&name, &opts);
    assert_eq!((recs.len(), bad.len()), (2, 0));
    assert_eq!(recs[0].date, day("2021-12-04"));
    assert_eq!(recs[1].id, "ledger-1002");
    assert_eq!(recs[1].date, day("2021-12-07"));
    assert_eq!(recs[1].text, "Negotiators failed to agree on a ceasefire.");
    assert_eq!(recs[1].url, None);
}

#[test]
fn an_atom_feed_reads_xhtml_html_and_text_content() {
    let (recs, bad, whole) = collect(&fixture("feed.atom"), &Options::default());
    assert_eq!((bad, whole), (vec![], None));
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0].id, "https://wire.example.org/2021/12/05/sanctions");
    // published wins over updated.
    assert_eq!(recs[0].date, day("2021-12-05"));
    assert_eq!(
        recs[0].title.as_deref(),
        Some("Ukraine calls for sanctions")
    );
    assert_eq!(
        recs[0].text,
        "Ukraine called for new sanctions against Russia.\n\n\
         The European Union said it would consider them."
    );
    assert_eq!(recs[0].outlet.as_deref(), Some("Ledger Wire"));
    // No alternate link: the id is the entry's id; text paragraphs survive.
    assert_eq!(recs[1].id, "tag:wire.example.org,2021:summit");
    assert_eq!(recs[1].date, day("2021-12-06"));
    assert_eq!(
        recs[1].text,
        "Leaders will meet in Brussels next week.\n\nA date has not been set."
    );
}

#[test]
fn a_broken_feed_is_reported_and_its_intact_items_still_read() {
    let good = |n: u32| {
        format!(
            "<item><title>Item {n}</title><pubDate>Sat, 04 Dec 2021 10:00:00 GMT</pubDate>\
             <content:encoded><![CDATA[<p>Story number {n}.</p>]]></content:encoded></item>"
        )
    };
    let feed = format!(
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n\
         <channel><title>Wire</title>\n{}\n<item><title>AT&T</title><description>x</description></item>\n{}\n<item><title>cut",
        good(1),
        good(3)
    );
    let mut recs = Vec::new();
    let mut bad = Vec::new();
    feed::read_feed(
        "b.rss",
        feed.as_bytes(),
        &Options::default(),
        &mut |i| match i {
            Item::Record(a) => recs.push(a),
            Item::Bad(b) => bad.push(b),
            Item::Note(_) => {}
        },
    );
    let ids: Vec<_> = recs.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["b.rss#1", "b.rss#3"]);
    assert_eq!(recs[1].text, "Story number 3.");
    assert_eq!(recs[1].outlet.as_deref(), Some("Wire"));
    let places: Vec<_> = bad.iter().map(|b| b.place.as_str()).collect();
    assert_eq!(places, ["b.rss:5", "b.rss#2", "b.rss#4"]);
    assert!(bad[0].message.contains("not well-formed XML"), "{}", bad[0]);
    assert!(bad[2].message.contains("cut off"), "{}", bad[2]);

    // Not a feed at all, and a feed with no items, are each one bad record.
    let mut bad = Vec::new();
    feed::read_feed(
        "x.xml",
        b"<html><p>hi</p></html>",
        &Options::default(),
        &mut |i| {
            if let Item::Bad(b) = i {
                bad.push(b)
            }
        },
    );
    feed::read_feed(
        "y.rss",
        b"<rss><channel><title>t</title></channel></rss>",
        &Options::default(),
        &mut |i| {
            if let Item::Bad(b) = i {
                bad.push(b)
            }
        },
    );
    assert_eq!(bad.len(), 2);
    assert!(
        bad[0].message.contains("root element is <html>"),
        "{}",
        bad[0]
    );
    assert_eq!(bad[1].message, "the feed has no items");
}

/// One WARC record with the given type, target, date, content type and block.
fn warc_record(kind: &str, uri: &str, date: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\n\
         WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// An HTTP response message.
fn http(status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\n{headers}\r\n").into_bytes();
    out.extend_from_slice(body);
    out
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

const RESPONSE: &str = "application/http; msgtype=response";
const STORY: &str = "<html><head><title>Border</title></head><body><article>\
    <p>Troops crossed the border on Friday.</p><p>Officials condemned the move.</p>\
    </article></body></html>";

/// The records of a small crawl: every kind of record a WARC holds, each kept or skipped.
fn crawl_records() -> Vec<Vec<u8>> {
    let page = std::fs::read(fixture("page.html")).unwrap();
    // Chunked and gzipped, in 3 chunks.
    let zipped = gzip(&page);
    let (a, rest) = zipped.split_at(10);
    let (b, c) = rest.split_at(rest.len() / 2);
    let mut chunked = Vec::new();
    for part in [a, b, c] {
        chunked.extend_from_slice(format!("{:x};ext=1\r\n", part.len()).as_bytes());
        chunked.extend_from_slice(part);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let d = "2021-12-05T07:08:09Z";
    vec![
        warc_record(
            "warcinfo",
            "",
            d,
            "application/warc-fields",
            b"software: test\r\n",
        ),
        warc_record(
            "request",
            "https://site.example/story",
            d,
            "application/http; msgtype=request",
            b"GET /story HTTP/1.1\r\nHost: site.example\r\n\r\n",
        ),
        warc_record(
            "response",
            "https://www.site.example/story",
            d,
            RESPONSE,
            &http(
                "200 OK",
                "Content-Type: text/html; charset=utf-8\r\n",
                STORY.as_bytes(),
            ),
        ),
        warc_record(
            "response",
            "https://news.example.com/world/russia-troops?page=1",
            "2021-12-06T00:00:00Z",
            RESPONSE,
            &http(
                "200 OK",
                "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
                &chunked,
            ),
        ),
        warc_record(
            "response",
            "https://site.example/missing",
            d,
            RESPONSE,
            &http(
                "404 Not Found",
                "Content-Type: text/html\r\n",
                STORY.as_bytes(),
            ),
        ),
        warc_record(
            "response",
            "https://site.example/photo.jpg",
            d,
            RESPONSE,
            &http(
                "200 OK",
                "Content-Type: image/jpeg\r\n",
                b"\xff\xd8\xff\xe0JFIF",
            ),
        ),
        warc_record(
            "response",
            "https://site.example/empty",
            d,
            RESPONSE,
            &http(
                "200 OK",
                "Content-Type: text/html\r\n",
                b"<html><body><nav>Home</nav></body></html>",
            ),
        ),
        warc_record(
            "resource",
            "file:///archive/note.html",
            "2021-12-07T01:00:00Z",
            "text/html",
            b"<p>Talks resumed in Geneva.</p>",
        ),
        warc_record(
            "metadata",
            "https://site.example/story",
            d,
            "application/warc-fields",
            b"via: x\r\n",
        ),
    ]
}

#[test]
fn a_warc_yields_its_html_captures_and_ends_at_a_truncated_record() {
    let mut warc: Vec<u8> = crawl_records().concat();
    let last = warc_record(
        "response",
        "https://site.example/late",
        "2021-12-05T07:08:09Z",
        RESPONSE,
        &http("200 OK", "Content-Type: text/html\r\n", STORY.as_bytes()),
    );
    warc.extend_from_slice(&last[..last.len() - 40]);
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("crawl.warc");
    std::fs::write(&p, &warc).unwrap();
    let name = p.to_str().unwrap();
    let (recs, bad, whole) = collect(name, &Options::default());

    let ids: Vec<_> = recs.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "https://www.site.example/story",
            "https://news.example.com/world/russia-troops?page=1",
            "file:///archive/note.html"
        ]
    );
    // No date in the page: the capture date.
    assert_eq!(recs[0].date, day("2021-12-05"));
    assert_eq!(
        recs[0].text,
        "Troops crossed the border on Friday.\n\nOfficials condemned the move."
    );
    assert_eq!(recs[0].outlet.as_deref(), Some("site.example"));
    assert_eq!(
        recs[0].url.as_deref(),
        Some("https://www.site.example/story")
    );
    assert_eq!(recs[0].title.as_deref(), Some("Border"));
    // The page's own date wins over the capture date; chunked gzip was undone.
    assert_eq!(recs[1].date, day("2021-12-04"));
    assert!(
        recs[1]
            .text
            .starts_with("MOSCOW \u{2014} Russia has massed")
    );
    assert_eq!(recs[1].outlet.as_deref(), Some("The Daily Ledger"));
    assert_eq!(recs[2].text, "Talks resumed in Geneva.");
    assert_eq!(recs[2].date, day("2021-12-07"));

    // The 404, the image, the request and the metadata count nothing; the empty page does.
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].place, format!("{name}#7"));
    assert_eq!(
        bad[0].message,
        "no article text found in https://site.example/empty"
    );
    let whole = whole.expect("truncated archive");
    assert_eq!(whole.place, format!("{name}#10"));
    assert!(whole.message.contains("ends inside this record"), "{whole}");
}

#[test]
fn a_gzipped_warc_with_one_member_per_record_streams() {
    let warc: Vec<u8> = crawl_records().iter().flat_map(|r| gzip(r)).collect();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("crawl.warc.gz");
    std::fs::write(&p, &warc).unwrap();
    let name = p.to_str().unwrap();
    let (recs, bad, whole) = collect(name, &Options::default());
    assert_eq!((recs.len(), bad.len(), whole), (3, 1, None));
    assert_eq!(bad[0].place, format!("{name}#7"));

    // A cut gzip stream ends with an error naming the record it was in.
    let cut = dir.path().join("cut.warc.gz");
    std::fs::write(&cut, &warc[..warc.len() - 30]).unwrap();
    let (recs, _, whole) = collect(cut.to_str().unwrap(), &Options::default());
    assert_eq!(recs.len(), 3);
    let whole = whole.unwrap();
    assert!(whole.place.ends_with("#9"), "{whole}");
}

#[test]
fn an_oversized_warc_record_is_read_past_not_into_memory() {
    let head = http("200 OK", "Content-Type: text/html\r\n", b"");
    let len = MAX_RECORD as u64 + 10;
    let header = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://big.example/\r\n\
         WARC-Date: 2021-12-05T00:00:00Z\r\nContent-Length: {len}\r\n\r\n"
    );
    let filler = std::io::repeat(b'x').take(len - head.len() as u64);
    let next = warc_record(
        "response",
        "https://site.example/after",
        "2021-12-05T00:00:00Z",
        RESPONSE,
        &http("200 OK", "Content-Type: text/html\r\n", STORY.as_bytes()),
    );
    let owned = |b: Vec<u8>| std::io::Cursor::new(b);
    let input = owned(header.into_bytes())
        .chain(owned(head))
        .chain(filler)
        .chain(owned(b"\r\n\r\n".to_vec()))
        .chain(owned(next));
    let (mut recs, mut bad) = (Vec::new(), Vec::new());
    warc::read_warc(
        "big.warc",
        Box::new(BufReader::new(input)),
        &Options::default(),
        &mut |i| match i {
            Item::Record(a) => recs.push(a),
            Item::Bad(b) => bad.push(b),
            Item::Note(_) => {}
        },
    )
    .unwrap();
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].place, "big.warc#1");
    assert!(bad[0].message.contains("larger than 64 MB"), "{}", bad[0]);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0].id, "https://site.example/after");
}

#[test]
fn a_broken_warc_header_names_its_record() {
    let run = |bytes: Vec<u8>| {
        let mut n = 0;
        let r = warc::read_warc(
            "w.warc",
            Box::new(std::io::Cursor::new(bytes)),
            &Options::default(),
            &mut |_| n += 1,
        );
        (n, r.err())
    };
    let mut two = crawl_records().concat();
    two.extend_from_slice(b"garbage line\r\n");
    let (n, err) = run(two);
    assert_eq!(n, 4);
    let err = err.unwrap();
    assert_eq!(err.place, "w.warc#10");
    assert!(err.message.contains("not a WARC record"), "{err}");

    let (_, err) = run(b"WARC/1.0\r\nWARC-Type: response\r\n\r\nbody".to_vec());
    assert_eq!(err.unwrap().message, "missing or unreadable Content-Length");
    let (_, err) = run(b"WARC/1.0\r\nWARC-Type: resp".to_vec());
    assert_eq!(
        err.unwrap().message,
        "the archive ends inside this record's header"
    );
}

// ---------------------------------------------------------------------------------------
// Robustness: no reader panics on mangled input.

/// A xorshift64 generator: deterministic, dependency-free pseudo-random numbers.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// `input` with a few random edits: byte flips, cuts, duplicated runs, inserted markup
/// and header fragments, truncation.
fn mutate(input: &[u8], rng: &mut XorShift) -> Vec<u8> {
    const SNIPPETS: &[&[u8]] = &[
        b"<",
        b">",
        b"&",
        b"&#x",
        b"]]>",
        b"<![CDATA[",
        b"<item>",
        b"</item>",
        b"<entry>",
        b"<p>",
        b"</div>",
        b"<script>",
        b"<!--",
        b"\r\n\r\n",
        b"\n",
        b"\x00",
        b"\xff\xfe",
        b"\xe2\x80",
        b"WARC/1.0\r\n",
        b"Content-Length: 99999999999999\r\n",
        b"Content-Length: -1\r\n",
        b"Transfer-Encoding: chunked\r\n",
        b"Content-Encoding: gzip\r\n",
        b"ffffffffffffffff\r\n",
        b"\x1f\x8b",
        b"<meta charset=latin1>",
        b"<!DOCTYPE x [<!ENTITY a \"&a;&a;\">]>",
    ];
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        if out.is_empty() {
            out.extend_from_slice(SNIPPETS[rng.below(SNIPPETS.len())]);
            continue;
        }
        let at = rng.below(out.len());
        match rng.below(5) {
            0 => out[at] ^= 1 << rng.below(8),
            1 => {
                let end = (at + rng.below(64)).min(out.len());
                out.drain(at..end);
            }
            2 => {
                let end = (at + rng.below(64)).min(out.len());
                let run = out[at..end].to_vec();
                out.splice(at..at, run);
            }
            3 => {
                let s = SNIPPETS[rng.below(SNIPPETS.len())];
                out.splice(at..at, s.iter().copied());
            }
            _ => out.truncate(at),
        }
    }
    out
}

#[test]
fn readers_survive_mangled_input() {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let opts = Options {
        date: Some(day("2021-12-04")),
        ..Options::default()
    };
    let page = std::fs::read(fixture("page.html")).unwrap();
    let rss = std::fs::read(fixture("feed.rss")).unwrap();
    let atom = std::fs::read(fixture("feed.atom")).unwrap();
    let warc = crawl_records().concat();
    let warc_gz: Vec<u8> = crawl_records().iter().flat_map(|r| gzip(r)).collect();
    let mut records = 0usize;
    let mut count = |i: Item| {
        if let Item::Record(a) = i {
            assert!(!a.text.is_empty());
            records += 1;
        }
    };
    // VIGIL_FUZZ_ROUNDS runs a longer hunt by hand; the suite's 300 rounds stay quick.
    let rounds = std::env::var("VIGIL_FUZZ_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(300);
    for round in 0..rounds {
        let m = mutate(&page, &mut rng);
        let _ = html::read_page("p.html", &m, &opts);
        for feed in [&rss, &atom] {
            let m = mutate(feed, &mut rng);
            feed::read_feed("f.rss", &m, &opts, &mut count);
        }
        let m = mutate(&warc, &mut rng);
        let _ = warc::read_warc(
            "w.warc",
            Box::new(std::io::Cursor::new(m)),
            &opts,
            &mut count,
        );
        if round % 3 == 0 {
            let m = mutate(&warc_gz, &mut rng);
            let reader = BufReader::new(flate2::bufread::MultiGzDecoder::new(
                std::io::Cursor::new(m),
            ));
            let _ = warc::read_warc("w.warc.gz", Box::new(reader), &opts, &mut count);
        }
    }
    // The mutations leave most inputs readable: the readers were exercised, not just
    // refusing everything.
    assert!(records > 300, "{records}");
}

#[test]
fn deeply_nested_markup_does_not_overflow_the_stack() {
    let deep = format!(
        "<html><body>{}<p>Deep text.</p><script>var leaked = 1;</script><style/>b{{}}</style></body></html>",
        "<div><span>".repeat(50_000)
    );
    let page = html::parse_page(deep.as_bytes(), None);
    assert_eq!(page.text, "Deep text.");
    let feed = format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><updated>2021-12-04</updated>\
         <content type=\"xhtml\">{}<p>Deep.</p>{}</content></entry></feed>",
        "<div>".repeat(5_000),
        "</div>".repeat(5_000)
    );
    let mut texts = Vec::new();
    feed::read_feed("d.atom", feed.as_bytes(), &Options::default(), &mut |i| {
        if let Item::Record(a) = i {
            texts.push(a.text)
        }
    });
    assert_eq!(texts, ["Deep."]);
}

#[test]
fn a_latin1_feed_is_decoded_by_its_xml_declaration() {
    let feed = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Le Journal</title><item><title>Sanctions</title><link>https://j.example/1</link><pubDate>4 Dec 2021</pubDate><description>Le pr\xe9sident a d\xe9clar\xe9 la guerre.</description></item></channel></rss>";
    let mut recs = Vec::new();
    feed::read_feed("l.rss", feed, &Options::default(), &mut |i| {
        if let Item::Record(a) = i {
            recs.push(a)
        }
    });
    assert_eq!(recs.len(), 1);
    assert_eq!(
        recs[0].text,
        "Le pr\u{e9}sident a d\u{e9}clar\u{e9} la guerre."
    );
    assert_eq!(recs[0].date, day("2021-12-04"));
}

#[test]
fn a_page_wide_form_without_paragraphs_keeps_its_text() {
    let html = "<html><body><form id=aspnetForm><div class=nav-links><a href=/>Home</a></div>\
        <div class=story>Rebels seized the airport on Sunday, the army said.<br><br>\
        Flights were suspended.</div></form></body></html>";
    assert_eq!(
        html::parse_page(html.as_bytes(), None).text,
        "Rebels seized the airport on Sunday, the army said.\n\nFlights were suspended."
    );
}

/// Serves `page` as HTML to every request on a loopback port, for `--follow`.
fn serve(page: &'static str) -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { continue };
            let mut buf = [0u8; 4096];
            let _ = std::io::Read::read(&mut s, &mut buf);
            let _ = write!(
                s,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{page}",
                page.len()
            );
        }
    });
    port
}

#[test]
fn follow_codes_the_linked_page_and_keeps_the_feed_text_when_it_cannot() {
    let port = serve(
        "<html><head><title>Troops massed</title></head><body><nav>Home | World</nav>\
         <article><p>Russia massed troops near the border, officials said on Friday.</p>\
         <p>Ukraine called for talks.</p></article></body></html>",
    );
    // A closed port: connection refused at once.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let dead = closed.local_addr().unwrap().port();
    drop(closed);
    let feed = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>\
         <item><title>A</title><link>http://127.0.0.1:{port}/a</link>\
         <description>Short summary A.</description><pubDate>Sat, 04 Dec 2021 10:00:00 GMT</pubDate></item>\
         <item><title>B</title><link>http://127.0.0.1:{dead}/b</link>\
         <description>Short summary B.</description><pubDate>Sat, 04 Dec 2021 11:00:00 GMT</pubDate></item>\
         </channel></rss>"
    );
    let opts = Options {
        follow: true,
        ..Options::default()
    };
    let (mut recs, mut notes) = (Vec::new(), Vec::new());
    read_bytes("wire.rss", feed.as_bytes(), &opts, &mut |i| match i {
        Item::Record(a) => recs.push(a),
        Item::Note(n) => notes.push(n),
        Item::Bad(b) => panic!("{b}"),
    })
    .unwrap();
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0].id, format!("http://127.0.0.1:{port}/a"));
    assert!(
        recs[0]
            .text
            .starts_with("Russia massed troops near the border"),
        "{}",
        recs[0].text
    );
    assert!(!recs[0].text.contains("Home | World"));
    assert_eq!(recs[0].outlet.as_deref(), Some("Wire"));
    assert_eq!(recs[1].text, "Short summary B.");
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].place, "wire.rss#2");
    // Without --follow, nothing is fetched.
    let mut plain = Vec::new();
    read_bytes("wire.rss", feed.as_bytes(), &Options::default(), &mut |i| {
        if let Item::Record(a) = i {
            plain.push(a)
        }
    })
    .unwrap();
    assert_eq!(plain[0].text, "Short summary A.");
}
