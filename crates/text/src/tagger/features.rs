//! The tagger's feature templates and how a feature is named by a 64-bit key.
//!
//! The reference implementation names each feature by a string (`"suf3 ion"`,
//! `"t-1 w DET|- army"`) and looks it up in a dictionary. Building those strings for every
//! token would dominate tagging time, so a feature is named here by a key computed from
//! its template and the hashes of its parts. Loading parses each feature string of the
//! model into the same template and parts, so both sides compute identical keys without
//! any string being built at tagging time.

/// Feature templates, in the order the reference sums them. The order matters: scores
/// are sums of `f64` weights, and adding in the same order gives bit-identical scores and
/// therefore identical tie-breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Template {
    Bias,
    Suffix3,
    Suffix2,
    Suffix1,
    Prefix1,
    Shape,
    Word,
    PrevTag,
    PrevPrevTag,
    PrevTags,
    PrevWord,
    PrevPrevWord,
    NextWord,
    NextNextWord,
    PrevTagWord,
}

impl Template {
    /// True for templates whose part is a whole word (not a piece of one or a shape).
    pub(crate) fn is_whole_word(self) -> bool {
        matches!(
            self,
            Template::Word
                | Template::PrevWord
                | Template::PrevPrevWord
                | Template::NextWord
                | Template::NextNextWord
        )
    }

    /// The template a feature string's leading name denotes (`"suf3"`), for templates
    /// whose single part is a word or word piece.
    pub(crate) fn of_word_feature(name: &str) -> Option<Template> {
        Some(match name {
            "suf3" => Template::Suffix3,
            "suf2" => Template::Suffix2,
            "suf1" => Template::Suffix1,
            "pre1" => Template::Prefix1,
            "shape" => Template::Shape,
            "w" => Template::Word,
            "w-1" => Template::PrevWord,
            "w-2" => Template::PrevPrevWord,
            "w+1" => Template::NextWord,
            "w+2" => Template::NextNextWord,
            _ => return None,
        })
    }
}

/// Sentence-boundary words and tag, as the reference spells them.
pub(crate) const START: &str = "<s>";
pub(crate) const END: &str = "</s>";

/// The four word shapes: capitalised or not, with or without a digit.
pub(crate) const SHAPES: [&str; 4] = ["x", "xd", "X", "Xd"];

const K0: u64 = 0x9E37_79B9_7F4A_7C15;

/// The splitmix64 finaliser: a cheap bijective mixer with good avalanche.
#[inline]
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Hash of a string part (a word, suffix or shape), eight bytes at a time.
#[inline]
pub(crate) fn str_hash(s: &str) -> u64 {
    let bytes = s.as_bytes();
    let mut h = (bytes.len() as u64).wrapping_mul(K0);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut buf = [0u8; 8];
        buf.copy_from_slice(c);
        h = mix(h ^ u64::from_le_bytes(buf));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = mix(h ^ u64::from_le_bytes(buf));
    }
    h
}

/// The key of a feature: its template and up to two parts (a string part is its
/// [`str_hash`], a tag part its label index; an absent part is 0).
#[inline]
pub(crate) fn key(t: Template, a: u64, b: u64) -> u64 {
    mix(mix(a ^ (t as u64 + 1).wrapping_mul(K0)) ^ b)
}

/// The last `n` characters of `s` (all of it when shorter), as Python's `s[-n:]`.
#[inline]
pub(crate) fn suffix(s: &str, n: usize) -> &str {
    if s.is_ascii() {
        return &s[s.len().saturating_sub(n)..];
    }
    match s.char_indices().rev().nth(n - 1) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

/// The first character of `s` (empty when `s` is), as Python's `s[:1]`.
#[inline]
pub(crate) fn first_char(s: &str) -> &str {
    match s.chars().next() {
        Some(c) => &s[..c.len_utf8()],
        None => "",
    }
}

/// Index into [`SHAPES`] of `word`, as the reference computes it: `X` when the first
/// character is upper case (Python's `isupper`), plus `d` when any character is a digit
/// (Python's `isdigit`).
#[inline]
pub(crate) fn shape(word: &str) -> usize {
    let upper = word.chars().next().is_some_and(char::is_uppercase);
    let digit = word.bytes().any(|b| b.is_ascii_digit())
        || (!word.is_ascii() && word.chars().any(is_python_digit));
    usize::from(upper) * 2 + usize::from(digit)
}

/// Python's `str.isdigit` for one character: decimal digits plus the other characters
/// with a digit value (superscripts, circled digits). Rust's `is_numeric` is broader (it
/// also takes fractions and Roman numerals), so the table is spelled out.
fn is_python_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    PY_DIGITS
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Non-ASCII ranges where Python 3.11 (Unicode 14) `str.isdigit` is true.
const PY_DIGITS: &[(char, char)] = &[
    ('\u{B2}', '\u{B3}'),
    ('\u{B9}', '\u{B9}'),
    ('\u{660}', '\u{669}'),
    ('\u{6F0}', '\u{6F9}'),
    ('\u{7C0}', '\u{7C9}'),
    ('\u{966}', '\u{96F}'),
    ('\u{9E6}', '\u{9EF}'),
    ('\u{A66}', '\u{A6F}'),
    ('\u{AE6}', '\u{AEF}'),
    ('\u{B66}', '\u{B6F}'),
    ('\u{BE6}', '\u{BEF}'),
    ('\u{C66}', '\u{C6F}'),
    ('\u{CE6}', '\u{CEF}'),
    ('\u{D66}', '\u{D6F}'),
    ('\u{DE6}', '\u{DEF}'),
    ('\u{E50}', '\u{E59}'),
    ('\u{ED0}', '\u{ED9}'),
    ('\u{F20}', '\u{F29}'),
    ('\u{1040}', '\u{1049}'),
    ('\u{1090}', '\u{1099}'),
    ('\u{1369}', '\u{1371}'),
    ('\u{17E0}', '\u{17E9}'),
    ('\u{1810}', '\u{1819}'),
    ('\u{1946}', '\u{194F}'),
    ('\u{19D0}', '\u{19DA}'),
    ('\u{1A80}', '\u{1A89}'),
    ('\u{1A90}', '\u{1A99}'),
    ('\u{1B50}', '\u{1B59}'),
    ('\u{1BB0}', '\u{1BB9}'),
    ('\u{1C40}', '\u{1C49}'),
    ('\u{1C50}', '\u{1C59}'),
    ('\u{2070}', '\u{2070}'),
    ('\u{2074}', '\u{2079}'),
    ('\u{2080}', '\u{2089}'),
    ('\u{2460}', '\u{2468}'),
    ('\u{2474}', '\u{247C}'),
    ('\u{2488}', '\u{2490}'),
    ('\u{24EA}', '\u{24EA}'),
    ('\u{24F5}', '\u{24FD}'),
    ('\u{24FF}', '\u{24FF}'),
    ('\u{2776}', '\u{277E}'),
    ('\u{2780}', '\u{2788}'),
    ('\u{278A}', '\u{2792}'),
    ('\u{A620}', '\u{A629}'),
    ('\u{A8D0}', '\u{A8D9}'),
    ('\u{A900}', '\u{A909}'),
    ('\u{A9D0}', '\u{A9D9}'),
    ('\u{A9F0}', '\u{A9F9}'),
    ('\u{AA50}', '\u{AA59}'),
    ('\u{ABF0}', '\u{ABF9}'),
    ('\u{FF10}', '\u{FF19}'),
    ('\u{104A0}', '\u{104A9}'),
    ('\u{10A40}', '\u{10A43}'),
    ('\u{10D30}', '\u{10D39}'),
    ('\u{10E60}', '\u{10E68}'),
    ('\u{11052}', '\u{1105A}'),
    ('\u{11066}', '\u{1106F}'),
    ('\u{110F0}', '\u{110F9}'),
    ('\u{11136}', '\u{1113F}'),
    ('\u{111D0}', '\u{111D9}'),
    ('\u{112F0}', '\u{112F9}'),
    ('\u{11450}', '\u{11459}'),
    ('\u{114D0}', '\u{114D9}'),
    ('\u{11650}', '\u{11659}'),
    ('\u{116C0}', '\u{116C9}'),
    ('\u{11730}', '\u{11739}'),
    ('\u{118E0}', '\u{118E9}'),
    ('\u{11950}', '\u{11959}'),
    ('\u{11C50}', '\u{11C59}'),
    ('\u{11D50}', '\u{11D59}'),
    ('\u{11DA0}', '\u{11DA9}'),
    ('\u{16A60}', '\u{16A69}'),
    ('\u{16AC0}', '\u{16AC9}'),
    ('\u{16B50}', '\u{16B59}'),
    ('\u{1D7CE}', '\u{1D7FF}'),
    ('\u{1E140}', '\u{1E149}'),
    ('\u{1E2F0}', '\u{1E2F9}'),
    ('\u{1E950}', '\u{1E959}'),
    ('\u{1F100}', '\u{1F10A}'),
    ('\u{1FBF0}', '\u{1FBF9}'),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_slice_by_characters() {
        assert_eq!(suffix("invasion", 3), "ion");
        assert_eq!(suffix("is", 3), "is");
        assert_eq!(suffix("café", 2), "fé");
        assert_eq!(suffix("é", 3), "é");
        assert_eq!(first_char("éa"), "é");
        assert_eq!(first_char(""), "");
    }

    #[test]
    fn shapes_follow_python() {
        assert_eq!(SHAPES[shape("army")], "x");
        assert_eq!(SHAPES[shape("Army")], "X");
        assert_eq!(SHAPES[shape("F-16")], "Xd");
        assert_eq!(SHAPES[shape("1990s")], "xd");
        assert_eq!(SHAPES[shape("x²")], "xd");
        assert_eq!(SHAPES[shape("½")], "x");
        assert_eq!(SHAPES[shape("Ärger")], "X");
        assert!(PY_DIGITS.windows(2).all(|w| w[0].1 < w[1].0));
    }

    #[test]
    fn keys_separate_templates_and_parts() {
        let h = str_hash("army");
        assert_ne!(key(Template::Word, h, 0), key(Template::PrevWord, h, 0));
        assert_ne!(
            key(Template::PrevTagWord, 1, h),
            key(Template::PrevTagWord, 2, h)
        );
        assert_ne!(str_hash(""), str_hash("\0"));
        assert_ne!(str_hash("abcdefgh"), str_hash("abcdefgh\0"));
    }
}
