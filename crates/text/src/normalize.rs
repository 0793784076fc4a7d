//! Character classes and the normalised form of tokens.
//!
//! News text arrives with typographic quotes, several kinds of dash, non-breaking and
//! zero-width spaces and the odd soft hyphen. Dictionaries are written in plain ASCII, so
//! every token carries a normalised text; its span still points at the original bytes.

/// True for characters that separate tokens: Unicode `White_Space` (which covers NBSP,
/// the thin and ideographic spaces and the line/paragraph separators) plus the zero-width
/// space and the byte-order mark, which copy-pasted text leaves between words.
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0B' | '\x0C');
    }
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}')
}

/// True for characters that belong inside a word: letters, digits and combining marks.
///
/// Combining marks are not alphanumeric in Rust's sense, but splitting `é` written as
/// `e` + U+0301 into two tokens would break every name with a decomposed accent.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    (c.is_alphanumeric() && !is_apostrophe(c)) || is_mark(c)
}

/// Combining marks and joiners that continue a word (approximated by block, since `std`
/// exposes no general category; the danda of Indic scripts is punctuation, not a mark).
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05C7}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{0900}'..='\u{0963}'
        | '\u{0966}'..='\u{0DFF}'
        | '\u{0E31}'..='\u{0E3A}'
        | '\u{0E47}'..='\u{0E4E}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}'..='\u{200D}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Characters used as an apostrophe inside words (`don’t`, `Ukraineʼs`), and, outside
/// words, as single quote marks.
#[inline]
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`')
}

/// Hyphens that join the parts of a compound word (`seven-year`, with the Unicode hyphen
/// and non-breaking hyphen that word processors substitute).
#[inline]
pub(crate) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// The soft hyphen: an invisible hint where a word may break across lines. Inside a word
/// it is dropped from the normalised text (`Rus\u{AD}sia` → `Russia`).
pub(crate) const SOFT_HYPHEN: char = '\u{00AD}';

/// Dashes that separate clauses; a token of them is normalised to `--`.
#[inline]
pub(crate) fn is_dash(c: char) -> bool {
    matches!(
        c,
        '\u{2012}'..='\u{2015}' | '\u{2E3A}' | '\u{2E3B}' | '\u{FE58}' | '\u{FF0D}'
    )
}

/// Double quotation marks of every style; normalised to `"`.
#[inline]
pub(crate) fn is_double_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{201F}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{301D}'
            | '\u{301E}'
            | '\u{FF02}'
    )
}

/// Single guillemets, which only ever act as quotes; normalised to `'`.
#[inline]
pub(crate) fn is_single_guillemet(c: char) -> bool {
    matches!(c, '\u{2039}' | '\u{203A}')
}

/// Characters that may close a sentence after its final punctuation (`.”`, `?)`).
#[inline]
pub(crate) fn is_closer(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '\'' | '\u{2019}' | '\u{203A}')
        || is_double_quote(c) && !matches!(c, '\u{201C}' | '\u{201E}' | '\u{301D}')
}

/// Characters that may open a sentence before its first word (`“We`, `(Reporting`).
#[inline]
pub(crate) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '\'' | '\u{2018}' | '\u{2039}' | '\u{00BF}' | '\u{00A1}'
    ) || is_double_quote(c) && !matches!(c, '\u{201D}')
}

/// The normalised text of a word token: apostrophes become `'`, hyphens `-`, and soft
/// hyphens (invisible line-break hints) disappear.
pub(crate) fn normalize_word(raw: &str) -> String {
    // Almost every token is plain ASCII without a backtick: copy it as it is.
    if raw.is_ascii() && !raw.as_bytes().contains(&b'`') {
        return raw.to_owned();
    }
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            _ if is_apostrophe(c) => out.push('\''),
            _ if is_hyphen(c) || c == '\u{2212}' => out.push('-'),
            SOFT_HYPHEN => {}
            _ => out.push(c),
        }
    }
    out
}

/// The normalised text of a one-character punctuation token.
pub(crate) fn normalize_punct(c: char) -> Option<&'static str> {
    Some(match c {
        _ if is_double_quote(c) => "\"",
        _ if is_apostrophe(c) || is_single_guillemet(c) => "'",
        _ if is_dash(c) => "--",
        '\u{2026}' => "...",
        '\u{2212}' | '\u{2010}' | '\u{2011}' => "-",
        _ => return None,
    })
}

/// Upper-case form, with an ASCII fast path (the common case in English news).
pub(crate) fn upper(text: &str) -> String {
    if text.is_ascii() {
        text.to_ascii_uppercase()
    } else {
        text.to_uppercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_include_unicode_and_zero_width() {
        for c in [
            ' ', '\t', '\n', '\u{A0}', '\u{2009}', '\u{3000}', '\u{200B}', '\u{FEFF}',
        ] {
            assert!(is_space(c), "{c:?}");
        }
        assert!(!is_space('a'));
        assert!(!is_space('\u{200D}'));
    }

    #[test]
    fn words_keep_combining_marks() {
        assert!(is_word_char('e'));
        assert!(is_word_char('\u{0301}'));
        assert!(is_word_char('Ж'));
        assert!(!is_word_char('\u{02BC}'));
        assert!(!is_word_char('-'));
    }

    #[test]
    fn normalises_words_and_punctuation() {
        assert_eq!(normalize_word("Ukraine\u{2019}s"), "Ukraine's");
        assert_eq!(normalize_word("seven\u{2011}year"), "seven-year");
        assert_eq!(normalize_word("Rus\u{AD}sia"), "Russia");
        assert_eq!(normalize_word("don`t"), "don't");
        assert_eq!(normalize_punct('\u{201C}'), Some("\""));
        assert_eq!(normalize_punct('\u{00BB}'), Some("\""));
        assert_eq!(normalize_punct('\u{2018}'), Some("'"));
        assert_eq!(normalize_punct('\u{2014}'), Some("--"));
        assert_eq!(normalize_punct('\u{2013}'), Some("--"));
        assert_eq!(normalize_punct('\u{2026}'), Some("..."));
        assert_eq!(normalize_punct(','), None);
    }
}
