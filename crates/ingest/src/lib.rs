//! Reading news into records: plain text, JSON Lines, HTML pages, RSS 2.0 and Atom feeds,
//! and WARC archives, each plain or gzip-compressed, from files, folders or standard input.
//!
//! Everything is streamed: a reader hands each record (or each bad record, with the file
//! and line or record number it came from) to a callback as soon as it has it, so input of
//! any size runs in bounded memory. A single record larger than [`MAX_RECORD`] is refused.
//! Record ids follow `DESIGN.md` ("Identifiers"): the JSONL `id`, a page's or feed item's
//! URL, a plain file's path, and `path#N` for the Nth record of a multi-record file.

mod dates;
mod feed;
mod follow;
mod html;
pub mod records;
mod warc;

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use chrono::NaiveDate;
pub use records::{BadRecord, group_articles, parse_date, read_jsonl, read_txt};
use vigil_model::Article;

/// The largest single record (a text file, an HTML page, a feed, a JSON line, a WARC
/// record) Vigil reads; a larger one is reported and skipped.
pub const MAX_RECORD: usize = 64 << 20;

/// How inputs are read.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Publication date for inputs that carry none (plain text; pages without a date).
    pub date: Option<NaiveDate>,
    /// Fetch each feed item's linked page instead of using the feed's own text. Not done:
    /// reading makes no network requests, so feeds always give their own text (see the
    /// `feed` module).
    pub follow: bool,
    /// When set, every byte read from input files (before decompression) is added here,
    /// so a progress display can tell how far the input is done.
    pub bytes_read: Option<std::sync::Arc<std::sync::atomic::AtomicU64>>,
}

/// Counts the bytes that pass through it into [`Options::bytes_read`].
struct Counting<R> {
    inner: R,
    count: Option<std::sync::Arc<std::sync::atomic::AtomicU64>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Some(c) = &self.count {
            c.fetch_add(n as u64, std::sync::atomic::Ordering::Relaxed);
        }
        Ok(n)
    }
}

/// What a reader hands on: a record, or a record that could not be read.
#[derive(Debug)]
pub enum Item {
    /// A record ready to code.
    Record(Article),
    /// A record (or a whole input) skipped, and why.
    Bad(BadRecord),
    /// Something worth telling that loses nothing (a feed item whose page could not be
    /// followed keeps the feed's text).
    Note(BadRecord),
}

/// The kinds of input Vigil reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One article per file (`.txt`).
    Text,
    /// JSON Lines records (`.jsonl`, `.ndjson`, standard input).
    Jsonl,
    /// One web page (`.html`, `.htm`).
    Html,
    /// An RSS 2.0 or Atom feed (`.rss`, `.atom`, `.xml` that is a feed).
    Feed,
    /// A WARC archive (`.warc`).
    Warc,
}

/// The files named by `paths`: files as given, folders walked recursively (in name order,
/// hidden entries skipped), `-` for standard input. A path that does not exist is reported.
pub fn expand(paths: &[String]) -> (Vec<String>, Vec<BadRecord>) {
    let mut files = Vec::new();
    let mut bad = Vec::new();
    for p in paths {
        if p == "-" {
            files.push(p.clone());
            continue;
        }
        let path = Path::new(p);
        if path.is_dir() {
            walk(path, &mut files, &mut bad);
        } else if path.exists() {
            files.push(p.clone());
        } else {
            bad.push(BadRecord {
                place: p.clone(),
                message: "no such file or folder".into(),
            });
        }
    }
    (files, bad)
}

fn walk(dir: &Path, files: &mut Vec<String>, bad: &mut Vec<BadRecord>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            bad.push(BadRecord {
                place: dir.display().to_string(),
                message: format!("cannot list folder: {e}"),
            });
            return;
        }
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'))
        {
            continue;
        }
        if p.is_dir() {
            walk(&p, files, bad);
        } else {
            files.push(p.display().to_string());
        }
    }
}

/// The format of an input from its name (a `.gz` suffix removed) and, when the name does
/// not tell, from its first bytes.
pub fn detect(name: &str, head: &[u8]) -> Option<Format> {
    let lower = name.to_ascii_lowercase();
    let base = lower.strip_suffix(".gz").unwrap_or(&lower);
    let ext = Path::new(base).extension().and_then(|e| e.to_str());
    match ext {
        Some("txt" | "text") => return Some(Format::Text),
        Some("jsonl" | "ndjson" | "json") => return Some(Format::Jsonl),
        Some("html" | "htm" | "xhtml") => return Some(Format::Html),
        Some("rss" | "atom") => return Some(Format::Feed),
        Some("warc") => return Some(Format::Warc),
        _ => {}
    }
    let text = String::from_utf8_lossy(&head[..head.len().min(2048)]).to_ascii_lowercase();
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with("warc/") {
        Some(Format::Warc)
    } else if t.starts_with('{') {
        Some(Format::Jsonl)
    } else if t.contains("<rss") || t.contains("<feed") || t.contains("<rdf:rdf") {
        Some(Format::Feed)
    } else if t.starts_with("<!doctype html") || t.contains("<html") {
        Some(Format::Html)
    } else if ext.is_none() && !t.starts_with('<') {
        // A file without an extension that is not markup: plain text.
        Some(Format::Text)
    } else {
        None
    }
}

/// Reads one input (a file path or `-` for standard input), handing every record and every
/// bad record to `sink`, in input order. A gzip-compressed input (by its magic bytes) is
/// decompressed as it is read. Returns an error only for a problem with the input as a
/// whole (it cannot be opened, its format is unknown); records already handed on stay.
pub fn read_input(path: &str, opts: &Options, sink: &mut dyn FnMut(Item)) -> Result<(), BadRecord> {
    let raw: Box<dyn Read> = if path == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(path).map_err(|e| BadRecord {
            place: path.to_string(),
            message: format!("cannot open: {e}"),
        })?)
    };
    read_from(path, raw, opts, sink)
}

/// Reads an input held in memory, exactly as [`read_input`] reads a file named `name`
/// (its name still tells the format): for tests, fuzzing and embedding.
pub fn read_bytes(
    name: &str,
    bytes: &[u8],
    opts: &Options,
    sink: &mut dyn FnMut(Item),
) -> Result<(), BadRecord> {
    read_from(name, Box::new(bytes), opts, sink)
}

fn read_from(
    path: &str,
    raw: Box<dyn Read + '_>,
    opts: &Options,
    sink: &mut dyn FnMut(Item),
) -> Result<(), BadRecord> {
    let whole = |message: String| BadRecord {
        place: path.to_string(),
        message,
    };
    let raw = Counting {
        inner: raw,
        count: opts.bytes_read.clone(),
    };
    let mut raw = BufReader::with_capacity(1 << 16, raw);
    let gz = raw
        .fill_buf()
        .map_err(|e| whole(format!("cannot read: {e}")))?
        .starts_with(&[0x1f, 0x8b]);
    let mut reader: Box<dyn BufRead + '_> = if gz {
        Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::bufread::MultiGzDecoder::new(raw),
        ))
    } else {
        Box::new(raw)
    };
    let head = reader
        .fill_buf()
        .map_err(|e| whole(read_error(&e, gz)))?
        .to_vec();
    if head.is_empty() {
        return Err(whole("empty input".into()));
    }
    let format = if path == "-" {
        Some(Format::Jsonl)
    } else {
        detect(path, &head)
    };
    let Some(format) = format else {
        return Err(whole(
            "unknown input type (expected .txt, .jsonl, .html, .rss/.atom, .warc, optionally .gz)"
                .into(),
        ));
    };
    if format != Format::Warc && looks_binary(&head) {
        return Err(whole("binary data, not text".into()));
    }
    match format {
        Format::Jsonl => records::stream_jsonl(path, reader, gz, sink),
        Format::Warc => warc::read_warc(path, reader, opts, sink),
        Format::Text | Format::Html | Format::Feed => {
            let bytes = read_limited(&mut reader).map_err(|m| whole(read_message(m, gz)))?;
            match format {
                Format::Text => {
                    let text = String::from_utf8(bytes).map_err(|e| {
                        whole(format!(
                            "not UTF-8 text (byte {})",
                            e.utf8_error().valid_up_to()
                        ))
                    })?;
                    let id = path.strip_suffix(".gz").unwrap_or(path);
                    match read_txt(id, text, opts.date) {
                        Ok(a) => sink(Item::Record(a)),
                        Err(e) => return Err(whole(e.message)),
                    }
                }
                Format::Html => match html::read_page(path, &bytes, opts) {
                    Ok(a) => sink(Item::Record(a)),
                    Err(m) => return Err(whole(m)),
                },
                _ => feed::read_feed(path, &bytes, opts, sink),
            }
            Ok(())
        }
    }
}

/// Why reading failed, in words: a truncated gzip stream says so.
fn read_error(e: &std::io::Error, gz: bool) -> String {
    if gz
        && matches!(
            e.kind(),
            std::io::ErrorKind::UnexpectedEof
                | std::io::ErrorKind::InvalidInput
                | std::io::ErrorKind::InvalidData
        )
    {
        format!("truncated or corrupt gzip data: {e}")
    } else {
        format!("cannot read: {e}")
    }
}

/// A failure of [`read_limited`].
enum LimitError {
    TooLarge,
    Io(std::io::Error),
}

fn read_message(e: LimitError, gz: bool) -> String {
    match e {
        LimitError::TooLarge => format!(
            "larger than {} MB: refused (one record at most)",
            MAX_RECORD >> 20
        ),
        LimitError::Io(e) => read_error(&e, gz),
    }
}

/// Reads all of `r`, refusing more than [`MAX_RECORD`] bytes without reading further.
fn read_limited(r: &mut dyn BufRead) -> Result<Vec<u8>, LimitError> {
    let mut out = Vec::new();
    let n = r
        .take(MAX_RECORD as u64 + 1)
        .read_to_end(&mut out)
        .map_err(LimitError::Io)?;
    if n > MAX_RECORD {
        return Err(LimitError::TooLarge);
    }
    Ok(out)
}

/// True when the first bytes hold NUL bytes or are mostly control characters: not text.
fn looks_binary(head: &[u8]) -> bool {
    let sample = &head[..head.len().min(4096)];
    if sample.contains(&0) {
        return true;
    }
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    control * 10 > sample.len()
}

#[cfg(test)]
mod tests;
