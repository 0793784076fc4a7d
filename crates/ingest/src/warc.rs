//! WARC archives (WARC/1.0 and 1.1): each successful HTML capture one record.
//!
//! The archive is streamed record by record and at most one record's content is held in
//! memory. The parser is written here rather than taken from the `warc` crate: the format
//! is a version line, `Name: value` header lines, a blank line, `Content-Length` bytes and
//! two line breaks, and doing it by hand lets an oversized or unwanted record be read past
//! without buffering it, and every error name the record it is in, with no dependencies.
//!
//! Kept: `response` records whose HTTP status is 200 with an HTML `Content-Type`, and
//! `resource` records with an HTML `Content-Type`. Every other record (requests, metadata,
//! redirects, images, revisits) is skipped without a word.

use std::io::{self, BufRead, Read};

use vigil_model::Article;

use crate::dates::parse_loose_date;
use crate::html::{host_of, parse_page};
use crate::{BadRecord, Item, MAX_RECORD, Options};

/// Longest header line read (WARC or HTTP); longer means this is not a header.
const MAX_LINE: usize = 64 << 10;
/// Largest WARC or HTTP header block read.
const MAX_HEADER: usize = 1 << 20;

/// Reads one WARC archive named `name`, handing each HTML capture to `sink`. A record
/// that cannot be used is a bad record `name#N` (N counting records from 1); an archive
/// that cannot be read on (a broken header, the end of the file inside a record) ends
/// with an error naming the record.
pub(crate) fn read_warc(
    name: &str,
    mut reader: Box<dyn BufRead + '_>,
    opts: &Options,
    sink: &mut dyn FnMut(Item),
) -> Result<(), BadRecord> {
    let id_base = name.strip_suffix(".gz").unwrap_or(name);
    let mut n = 0usize;
    loop {
        let at = |n: usize, message: String| BadRecord {
            place: format!("{name}#{n}"),
            message,
        };
        let Some(fields) = read_warc_header(&mut reader).map_err(|e| at(n + 1, e))? else {
            return Ok(());
        };
        n += 1;
        let len = fields
            .get("content-length")
            .and_then(|v| v.trim().parse::<u64>().ok())
            .ok_or_else(|| at(n, "missing or unreadable Content-Length".into()))?;
        let mut body = (&mut reader).take(len);
        let outcome =
            read_record(&fields, &mut body, len).map_err(|e| at(n, crate::read_error(&e, true)))?;
        // Whatever the record's fate, read past the rest of it without keeping it.
        io::copy(&mut body, &mut io::sink()).map_err(|e| at(n, crate::read_error(&e, true)))?;
        if body.limit() > 0 {
            return Err(at(
                n,
                format!(
                    "the archive ends inside this record ({} of {len} content bytes)",
                    len - body.limit()
                ),
            ));
        }
        match outcome {
            Outcome::Skip => {}
            Outcome::Page(payload, charset) => {
                sink(
                    make_article(&fields, &payload, charset.as_deref(), opts, || {
                        format!("{id_base}#{n}")
                    })
                    .map_or_else(|m| Item::Bad(at(n, m)), Item::Record),
                );
            }
            Outcome::Bad(m) => sink(Item::Bad(at(n, m))),
        }
    }
}

/// A record's header fields, names lowercased.
struct Fields(Vec<(String, String)>);

impl Fields {
    /// The first value of field `name` (lowercase).
    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// What to do with a record.
enum Outcome {
    /// Not an HTML capture.
    Skip,
    /// An HTML payload (transfer and content encodings undone) and its charset, if named.
    Page(Vec<u8>, Option<String>),
    /// An HTML capture that cannot be read, and why.
    Bad(String),
}

/// Reads the next record's version line and header fields; `None` at a clean end of the
/// archive. Blank lines before the version line (the end of the previous record) are
/// skipped.
fn read_warc_header(r: &mut impl BufRead) -> Result<Option<Fields>, String> {
    let first = loop {
        match read_line(r, MAX_LINE) {
            Ok(None) => return Ok(None),
            Ok(Some(line)) if line.iter().all(u8::is_ascii_whitespace) => continue,
            Ok(Some(line)) => break line,
            Err(e) => return Err(e.message("record header")),
        }
    };
    if !first.starts_with(b"WARC/") {
        return Err(format!(
            "not a WARC record: expected a `WARC/1.x` version line, found `{}`",
            preview(&first)
        ));
    }
    match read_fields(r) {
        Ok(Some(f)) => Ok(Some(f)),
        Ok(None) => Err("the archive ends inside this record's header".into()),
        Err(e) => Err(e.message("record header")),
    }
}

/// Reads `Name: value` lines up to a blank line; `None` if the input ends first. Folded
/// continuation lines (starting with a space or tab) extend the previous value.
fn read_fields(r: &mut impl BufRead) -> Result<Option<Fields>, LineError> {
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut total = 0usize;
    loop {
        let Some(line) = read_line(r, MAX_LINE)? else {
            return Ok(None);
        };
        if line.iter().all(u8::is_ascii_whitespace) {
            return Ok(Some(Fields(fields)));
        }
        total += line.len();
        if total > MAX_HEADER {
            return Err(LineError::TooLong);
        }
        let line = String::from_utf8_lossy(&line);
        if line.starts_with([' ', '\t']) {
            if let Some((_, v)) = fields.last_mut() {
                v.push(' ');
                v.push_str(line.trim());
            }
        } else if let Some((k, v)) = line.split_once(':') {
            fields.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
        // A line without a colon is not a field; ignoring it loses nothing we use.
    }
}

/// Decides a record's fate from its headers, reading its content only when it is wanted.
fn read_record<'r>(
    fields: &Fields,
    body: &mut io::Take<&mut Box<dyn BufRead + 'r>>,
    len: u64,
) -> io::Result<Outcome> {
    let warc_type = fields.get("warc-type").unwrap_or("").to_ascii_lowercase();
    let (content_type, http) = match warc_type.as_str() {
        "response" => {
            let http = match read_fields_after_status(body)? {
                Some(h) => h,
                None => return Ok(Outcome::Skip),
            };
            (
                http.1.get("content-type").unwrap_or("").to_string(),
                Some(http),
            )
        }
        "resource" => (fields.get("content-type").unwrap_or("").to_string(), None),
        _ => return Ok(Outcome::Skip),
    };
    if http.as_ref().is_some_and(|(status, _)| *status != 200)
        || !content_type.to_ascii_lowercase().contains("html")
    {
        return Ok(Outcome::Skip);
    }
    if len > MAX_RECORD as u64 {
        return Ok(Outcome::Bad(format!(
            "HTML record larger than {} MB ({len} bytes): skipped",
            MAX_RECORD >> 20
        )));
    }
    // The length is bounded above, but allocate as the bytes arrive, not from the header.
    let mut payload = Vec::with_capacity(usize::try_from(body.limit().min(1 << 20)).unwrap_or(0));
    body.read_to_end(&mut payload)?;
    if body.limit() > 0 {
        // Cut off: the caller reports the truncated archive.
        return Ok(Outcome::Skip);
    }
    let charset = charset_of(&content_type);
    let Some((_, headers)) = http else {
        return Ok(Outcome::Page(payload, charset));
    };
    if headers
        .get("transfer-encoding")
        .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"))
    {
        // Some archivers keep the header but store the payload already de-chunked.
        if let Some(p) = dechunk(&payload) {
            payload = p;
        }
    }
    match headers
        .get("content-encoding")
        .map(|e| e.trim().to_ascii_lowercase())
    {
        None => {}
        Some(e) if e.is_empty() || e == "identity" => {}
        Some(e) => match decompress(&e, payload) {
            Ok(p) => payload = p,
            Err(m) => return Ok(Outcome::Bad(m)),
        },
    }
    Ok(Outcome::Page(payload, charset))
}

/// Reads an HTTP status line and header block: `(status, fields)`, or `None` if the
/// content does not start with one.
fn read_fields_after_status(r: &mut impl BufRead) -> io::Result<Option<(u16, Fields)>> {
    let line = match read_line(r, MAX_LINE) {
        Ok(Some(l)) => l,
        Ok(None) | Err(LineError::TooLong) => return Ok(None),
        Err(LineError::Io(e)) => return Err(e),
    };
    let line = String::from_utf8_lossy(&line);
    let mut parts = line.split_whitespace();
    if !parts.next().is_some_and(|p| p.starts_with("HTTP/")) {
        return Ok(None);
    }
    let Some(status) = parts.next().and_then(|s| s.parse::<u16>().ok()) else {
        return Ok(None);
    };
    match read_fields(r) {
        Ok(Some(f)) => Ok(Some((status, f))),
        Ok(None) | Err(LineError::TooLong) => Ok(None),
        Err(LineError::Io(e)) => Err(e),
    }
}

/// Turns an HTML payload into a record: id the target URI, date the page's own, else the
/// capture date, else `opts.date`.
fn make_article(
    fields: &Fields,
    payload: &[u8],
    charset: Option<&str>,
    opts: &Options,
    fallback_id: impl FnOnce() -> String,
) -> Result<Article, String> {
    let page = parse_page(payload, charset);
    let uri = fields
        .get("warc-target-uri")
        .map(|u| {
            u.trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_string()
        })
        .filter(|u| !u.is_empty());
    if page.text.is_empty() {
        return Err(format!(
            "no article text found in {}",
            uri.as_deref().unwrap_or("the page")
        ));
    }
    let date = page
        .date
        .or_else(|| fields.get("warc-date").and_then(parse_loose_date))
        .or(opts.date)
        .ok_or("no publication date: neither the page nor WARC-Date gives one")?;
    let mut a = Article::new(uri.clone().unwrap_or_else(fallback_id), date, page.text);
    a.outlet = page.site_name.or_else(|| uri.as_deref().and_then(host_of));
    a.url = uri;
    a.title = page.title;
    Ok(a)
}

/// The `charset` parameter of a content type.
fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_string())
    })
}

/// Undoes HTTP chunked transfer coding. A capture cut off mid-chunk keeps what it has;
/// `None` when the payload does not start as chunked data at all.
fn dechunk(data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut rest = data;
    while let Some(nl) = rest.iter().position(|&b| b == b'\n') {
        let size = std::str::from_utf8(&rest[..nl])
            .ok()
            .and_then(|l| l.split(';').next())
            .and_then(|s| usize::from_str_radix(s.trim(), 16).ok());
        let Some(size) = size else {
            break;
        };
        rest = &rest[nl + 1..];
        if size == 0 {
            return Some(out);
        }
        let take = size.min(rest.len());
        out.extend_from_slice(&rest[..take]);
        rest = &rest[take..];
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
    }
    (!out.is_empty()).then_some(out)
}

/// Undoes an HTTP content coding (`gzip`, `deflate`), refusing output beyond
/// [`MAX_RECORD`]. A payload that is not compressed after all (some archivers store it
/// decoded but keep the header) is used as it is.
fn decompress(encoding: &str, payload: Vec<u8>) -> Result<Vec<u8>, String> {
    let limited = |r: &mut dyn Read| -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        r.take(MAX_RECORD as u64 + 1).read_to_end(&mut out)?;
        Ok(out)
    };
    let out = match encoding {
        "gzip" | "x-gzip" => {
            if !payload.starts_with(&[0x1f, 0x8b]) {
                return Ok(payload);
            }
            limited(&mut flate2::read::MultiGzDecoder::new(payload.as_slice()))
                .map_err(|e| format!("broken gzip content encoding: {e}"))?
        }
        "deflate" => limited(&mut flate2::read::ZlibDecoder::new(payload.as_slice()))
            .or_else(|_| limited(&mut flate2::read::DeflateDecoder::new(payload.as_slice())))
            .map_err(|e| format!("broken deflate content encoding: {e}"))?,
        other => return Err(format!("content encoding `{other}` not supported")),
    };
    if out.len() > MAX_RECORD {
        return Err(format!(
            "page larger than {} MB once decompressed: skipped",
            MAX_RECORD >> 20
        ));
    }
    Ok(out)
}

/// A failure of [`read_line`].
enum LineError {
    /// The line is longer than the limit.
    TooLong,
    /// Reading failed.
    Io(io::Error),
}

impl From<io::Error> for LineError {
    fn from(e: io::Error) -> Self {
        LineError::Io(e)
    }
}

impl LineError {
    /// The error in words; `what` names the kind of line.
    fn message(self, what: &str) -> String {
        match self {
            LineError::TooLong => format!("{what} line longer than {} KB", MAX_LINE >> 10),
            LineError::Io(e) => crate::read_error(&e, true),
        }
    }
}

/// Reads one line without its line break (LF or CRLF); `None` at the end of input. Stops
/// with [`LineError::TooLong`] rather than buffer a line longer than `limit`.
fn read_line(r: &mut impl BufRead, limit: usize) -> Result<Option<Vec<u8>>, LineError> {
    let mut out = Vec::new();
    let mut any = false;
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            break;
        }
        any = true;
        let (chunk, used, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..i], i + 1, true),
            None => (buf, buf.len(), false),
        };
        if out.len() + chunk.len() > limit {
            return Err(LineError::TooLong);
        }
        out.extend_from_slice(chunk);
        r.consume(used);
        if done {
            break;
        }
    }
    if out.last() == Some(&b'\r') {
        out.pop();
    }
    Ok(any.then_some(out))
}

/// The start of a line, printable, for a message.
fn preview(line: &[u8]) -> String {
    let s: String = String::from_utf8_lossy(line).chars().take(60).collect();
    s.escape_debug().to_string()
}
