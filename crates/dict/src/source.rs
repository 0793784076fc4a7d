//! Line-level rules shared by every dictionary format: line endings, the two comment
//! styles and diagnostics.

use crate::error::DictError;
use crate::types::{Diagnostic, DictFile, Origin};
use std::sync::Arc;

/// A dictionary text being read: its name and contents, borrowed (the built-in set is
/// read from static strings without copying them).
#[derive(Clone, Copy)]
pub(crate) struct Src<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

impl<'a> From<&'a DictFile> for Src<'a> {
    fn from(f: &'a DictFile) -> Src<'a> {
        Src {
            name: &f.name,
            text: &f.text,
        }
    }
}

/// The lines of a dictionary text that are not XML-style comments, as (1-based line
/// number, line without its trailing `\r`).
///
/// A line starting with `<!` is a comment (the older files also write `<! --`). When such a
/// line opens `<!--` without closing it and a later line holds `-->`, everything up to
/// that line is a comment too, as PETRARCH reads it; an unclosed opener comments out only
/// its own line, so a stray `<!--` cannot swallow the rest of a file.
pub(crate) fn lines(text: &str) -> Vec<(u32, &str)> {
    let all: Vec<&str> = text
        .lines()
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let mut out = Vec::with_capacity(all.len());
    let mut i = 0;
    while i < all.len() {
        let line = all[i];
        if line.trim_start().starts_with("<!") {
            if line.contains("<!--")
                && !line.contains("-->")
                && let Some(end) = all[i + 1..].iter().position(|l| l.contains("-->"))
            {
                i += end + 2;
                continue;
            }
            i += 1;
            continue;
        }
        out.push((i as u32 + 1, line));
        i += 1;
    }
    out
}

/// `line` without its `#` comment.
pub(crate) fn strip_comment(line: &str) -> &str {
    match line.find('#') {
        Some(i) => &line[..i],
        None => line,
    }
}

/// Collects diagnostics: in strict mode the first one becomes the error.
pub(crate) struct Sink {
    strict: bool,
    /// Diagnostics reported so far (default mode).
    pub warnings: Vec<Diagnostic>,
}

impl Sink {
    /// A sink for the given mode.
    pub fn new(strict: bool) -> Sink {
        Sink {
            strict,
            warnings: Vec::new(),
        }
    }

    /// Reports a malformed line. The caller skips what could not be read when this
    /// returns `Ok`.
    pub fn report(&mut self, origin: &Origin, message: impl Into<String>) -> Result<(), DictError> {
        let d = Diagnostic {
            origin: origin.clone(),
            message: message.into(),
        };
        if self.strict {
            return Err(DictError::Malformed(d));
        }
        self.warnings.push(d);
        Ok(())
    }
}

/// Makes origins for the lines of one file.
#[derive(Clone)]
pub(crate) struct FileName(pub Arc<str>);

impl FileName {
    /// The origin of line `line`.
    pub fn at(&self, line: u32) -> Origin {
        Origin {
            file: self.0.clone(),
            line,
        }
    }
}

/// Splits `text` into the text outside square brackets and the contents of each `[...]`
/// group, in order. Fails on a `[` without `]`, a `]` without `[` or a nested `[`.
pub(crate) fn bracket_groups(text: &str) -> Result<(String, Vec<&str>), String> {
    let mut outside = String::new();
    let mut groups = Vec::new();
    let mut rest = text;
    loop {
        match (rest.find('['), rest.find(']')) {
            (None, None) => {
                outside.push_str(rest);
                return Ok((outside, groups));
            }
            (Some(open), close) if close.is_none_or(|c| c > open) => {
                outside.push_str(&rest[..open]);
                outside.push(' ');
                let after = &rest[open + 1..];
                let Some(close) = after.find(']') else {
                    return Err(format!("'[' without a closing ']' in \"{}\"", text.trim()));
                };
                if after[..close].contains('[') {
                    return Err(format!("nested '[' in \"{}\"", text.trim()));
                }
                groups.push(&after[..close]);
                rest = &after[close + 1..];
            }
            _ => return Err(format!("']' without an opening '[' in \"{}\"", text.trim())),
        }
    }
}

/// Appends the contents of each `[...]` group of `text` to `groups`, without allocating
/// text; returns whether anything but white space lies outside the groups. Fails like
/// [`bracket_groups`].
pub(crate) fn bracket_groups_into<'a>(
    text: &'a str,
    groups: &mut Vec<&'a str>,
) -> Result<bool, String> {
    // One pass over the bytes: this runs for each of the ~37,000 code lines.
    let bytes = text.as_bytes();
    let mut outside = false;
    let mut open: Option<usize> = None;
    for (i, &b) in bytes.iter().enumerate() {
        match (b, open) {
            (b'[', None) => open = Some(i),
            (b'[', Some(_)) => return Err(format!("nested '[' in \"{}\"", text.trim())),
            (b']', Some(o)) => {
                groups.push(&text[o + 1..i]);
                open = None;
            }
            (b']', None) => {
                return Err(format!("']' without an opening '[' in \"{}\"", text.trim()));
            }
            (_, None) if !b.is_ascii_whitespace() => outside = true,
            _ => {}
        }
    }
    if open.is_some() {
        return Err(format!("'[' without a closing ']' in \"{}\"", text.trim()));
    }
    Ok(outside)
}

/// The words of a phrase as written, `_` and runs of spaces turned into single spaces
/// (`HAMID_KARZAI_` → `HAMID KARZAI`).
pub(crate) fn display_phrase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for piece in text
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|p| !p.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(piece);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_comments_single_and_multi_line() {
        let text = "A\r\n<!-- one -->\n<! -- two -->\n<!--\n# x\n-->\nB\n";
        let got: Vec<_> = lines(text)
            .into_iter()
            .map(|(n, l)| (n, l.to_string()))
            .collect();
        assert_eq!(got, [(1, "A".to_string()), (7, "B".to_string())]);
        // An opener that never closes comments out only its own line.
        let got: Vec<_> = lines("<!-- open\nC\n")
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(got, [2]);
    }

    #[test]
    fn brackets() {
        let (out, g) = bracket_groups("X [A 1-2][B] y").unwrap();
        assert_eq!(g, ["A 1-2", "B"]);
        assert_eq!(out.split_whitespace().collect::<Vec<_>>(), ["X", "y"]);
        assert!(bracket_groups("X [A").is_err());
        assert!(bracket_groups("X A]").is_err());
        assert!(bracket_groups("X [A [B]]").is_err());
        let mut g = Vec::new();
        assert!(!bracket_groups_into(" [A 1-2][B] ", &mut g).unwrap());
        assert_eq!(g, ["A 1-2", "B"]);
        assert!(bracket_groups_into("[A] x", &mut g).unwrap());
        assert!(bracket_groups_into("[A", &mut g).is_err());
    }

    #[test]
    fn phrase_display() {
        assert_eq!(display_phrase("HAMID_KARZAI_ "), "HAMID KARZAI");
        assert_eq!(display_phrase("JOHN_J MCCLOY_"), "JOHN J MCCLOY");
    }
}
