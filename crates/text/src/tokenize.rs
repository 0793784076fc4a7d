//! Tokenisation of news English into words and punctuation, treebank style.
//!
//! Every token keeps the byte span of the characters it came from, so that anything the
//! coder reports can be traced back to the original text even though the token's own
//! text is normalised (straight quotes, `--` for dashes, `'` for apostrophes).

use crate::abbrev::{self, Abbrev};
use crate::normalize::{
    SOFT_HYPHEN, is_apostrophe, is_closer, is_dash, is_double_quote, is_hyphen, is_opener,
    is_space, is_word_char, normalize_punct, normalize_word, upper,
};
use vigil_model::{Pos, Span, Token};

/// Tokenizes the part of `text` covered by `span`; token spans are absolute byte offsets
/// into `text`.
///
/// `Token::text` is the normalised form, `Token::upper` its upper case, and `Token::pos`
/// is `Pos::Punct` for punctuation and `Pos::X` for words (until a tagger runs). Words
/// follow the Penn Treebank conventions dictionaries are written in: `Ukraine’s` →
/// `Ukraine` `'s`, `didn't` → `did` `n't`, `U.S.` and `Mr.` keep their period, and
/// hyphenated words and numbers (`Russia-annexed`, `94,300`) stay whole.
///
/// # Panics
/// When `span` is out of bounds or not on character boundaries of `text`.
///
/// # Example
/// ```
/// use vigil_model::Span;
/// let text = "Ukraine’s army didn't retreat.";
/// let words: Vec<String> = vigil_text::tokenize(text, Span::new(0, text.len()))
///     .into_iter()
///     .map(|t| t.text)
///     .collect();
/// assert_eq!(words, ["Ukraine", "'s", "army", "did", "n't", "retreat", "."]);
/// ```
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let mut out = Vec::with_capacity(span.len() / 5 + 1);
    for_each_token(text, span, |start, end, kind| {
        let raw = &text[start..end];
        let norm = match kind {
            Kind::Word => normalize_word(raw),
            Kind::Punct(Some(n)) | Kind::WordAs(n) => n.to_owned(),
            Kind::Punct(None) => raw.to_owned(),
        };
        let pos = if matches!(kind, Kind::Punct(_)) {
            Pos::Punct
        } else {
            Pos::X
        };
        let upper = upper(&norm);
        out.push(Token {
            span: Span::new(start, end),
            text: norm,
            upper,
            pos,
        });
    });
    out
}

/// What kind of token a range of text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A word; its text is the normalised characters.
    Word,
    /// A word with a fixed normalised text (the possessive `'` after a plural).
    WordAs(&'static str),
    /// Punctuation, with its normalised text when it differs from the original.
    Punct(Option<&'static str>),
}

/// Calls `emit(start, end, kind)` for every token of `text[span]`, in order, with
/// absolute byte offsets. The allocation-free core of [`tokenize`].
pub(crate) fn for_each_token(text: &str, span: Span, mut emit: impl FnMut(usize, usize, Kind)) {
    let base = span.start as usize;
    let s = span.slice(text);
    let mut cur = Cursor {
        s,
        open_single: false,
    };
    let mut i = 0;
    let bytes = s.as_bytes();
    let emit = &mut |a, b, k| emit(base + a, base + b, k);
    while i < bytes.len() {
        // ASCII fast paths first: spaces and the start of a plain word.
        let byte = bytes[i];
        if byte == b' ' {
            i += 1;
            continue;
        }
        if byte.is_ascii_alphanumeric() {
            i = cur.word(i, i + 1, emit);
            continue;
        }
        let c = cur.char_at(i);
        let n = c.len_utf8();
        let next = if is_space(c) {
            i + n
        } else if is_word_char(c) {
            cur.word(i, i + n, emit)
        } else {
            cur.punct(i, c, emit)
        };
        // Every step consumes at least one character, whatever a rule above does.
        debug_assert!(next > i, "tokenizer stuck at byte {i} of {s:?}");
        i = next.max(i + n);
    }
}

/// Scanning state over one span.
struct Cursor<'a> {
    s: &'a str,
    /// A single quote mark was opened (`‘peace` or ` 'peace`) and not yet closed, so an
    /// apostrophe after a plural (`powers’`) closes it rather than marking a possessive.
    open_single: bool,
}

type Emit<'e> = dyn FnMut(usize, usize, Kind) + 'e;

impl Cursor<'_> {
    /// The character starting at byte `i` (which must be a character boundary).
    #[inline]
    fn char_at(&self, i: usize) -> char {
        let b = self.s.as_bytes()[i];
        if b < 0x80 {
            b as char
        } else {
            self.s[i..].chars().next().unwrap_or('\u{FFFD}')
        }
    }

    /// The character at byte `i`, or `None` past the end.
    #[inline]
    fn peek(&self, i: usize) -> Option<char> {
        (i < self.s.len()).then(|| self.char_at(i))
    }

    /// The character ending just before byte `i`, if any.
    #[inline]
    fn prev(&self, i: usize) -> Option<char> {
        self.s[..i].chars().next_back()
    }

    /// True when only spaces and closing punctuation follow byte `i`, i.e. a period at
    /// `i - 1` is the last word-level thing in the span.
    fn only_closers_after(&self, i: usize) -> bool {
        self.s[i..].chars().all(|c| is_space(c) || is_closer(c))
    }

    /// Scans a word starting at `start` whose first character ends at `i`; emits it (and
    /// any clitic or period split off it) and returns the byte after it.
    fn word(&mut self, start: usize, mut i: usize, emit: &mut Emit<'_>) -> usize {
        let s = self.s;
        // The last internal apostrophe, for clitic splitting (`Ukraine’s`, `don't`).
        let mut apostrophe: Option<usize> = None;
        let bytes = s.as_bytes();
        loop {
            // Plain ASCII letters and digits, the bulk of every word.
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let Some(c) = self.peek(i) else { break };
            let n = c.len_utf8();
            if is_word_char(c) {
                i += n;
                continue;
            }
            let prev = self.prev(i);
            let next = self.peek(i + n);
            let next_is_word = next.is_some_and(is_word_char);
            let prev_is_digit = prev.is_some_and(|p| p.is_ascii_digit());
            let next_is_digit = next.is_some_and(|p| p.is_ascii_digit());
            match c {
                _ if is_apostrophe(c) => {
                    if !next_is_word {
                        break;
                    }
                    apostrophe = Some(i);
                    i += n;
                }
                SOFT_HYPHEN if next_is_word => i += n,
                _ if is_hyphen(c) => {
                    if next_is_word {
                        i += n;
                    } else if next.is_none_or(is_space) {
                        // `anti- Gondor`: the prefix keeps its hyphen.
                        i += n;
                        break;
                    } else {
                        break;
                    }
                }
                '.' => {
                    // `11.8`, `U.S`, `U.S.-led`: a period between word characters.
                    let hyphen_word =
                        next.is_some_and(is_hyphen) && self.peek(i + 2).is_some_and(is_word_char);
                    if next_is_word || hyphen_word {
                        i += n;
                    } else {
                        break;
                    }
                }
                ',' if prev_is_digit && self.thousands_group(i + 1) => i += 1,
                ':' | '/' if prev_is_digit && next_is_digit => i += 1,
                _ => break,
            }
        }
        let word = &s[start..i];
        // A period that belongs to the word (`Mr.`, `U.S.`, `No. 5`).
        if s.as_bytes().get(i) == Some(&b'.') && s.as_bytes().get(i + 1) != Some(&b'.') {
            let keep = match abbrev::classify(word) {
                Some(Abbrev::Prefix) => true,
                Some(Abbrev::BeforeNumber) => self.next_non_space_is_digit(i + 1),
                // An initial that ends the span is more likely a sentence-final letter
                // (`Plan B.`) than an initial; an acronym keeps its period regardless, as
                // dictionaries list `U.S.`.
                Some(Abbrev::Ambiguous) => {
                    word.chars().nth(1).is_some() || !self.only_closers_after(i + 1)
                }
                None => false,
            };
            if keep {
                emit(start, i + 1, Kind::Word);
                return i + 1;
            }
        }
        // The possessive apostrophe of a plural (`countries'`), unless it closes a quote.
        if let Some(a) = self.peek(i)
            && is_apostrophe(a)
            && a != '`'
            && !self.open_single
            && word.ends_with(['s', 'S'])
            && !self
                .peek(i + a.len_utf8())
                .is_some_and(|c| is_word_char(c) || is_apostrophe(c))
        {
            self.emit_with_clitic(start, i, apostrophe, emit);
            emit(i, i + a.len_utf8(), Kind::WordAs("'"));
            return i + a.len_utf8();
        }
        self.emit_with_clitic(start, i, apostrophe, emit);
        i
    }

    /// Emits the word `start..end`, splitting off a treebank clitic after its last
    /// apostrophe: `'s 'm 're 've 'll 'd`, or `n't` (so `can't` → `ca` `n't`).
    fn emit_with_clitic(
        &self,
        start: usize,
        end: usize,
        apostrophe: Option<usize>,
        emit: &mut Emit<'_>,
    ) {
        if let Some(a) = apostrophe {
            let alen = self.char_at(a).len_utf8();
            let suffix = &self.s[a + alen..end];
            let cut = if is_clitic(suffix) && a > start {
                Some(a)
            } else if suffix.eq_ignore_ascii_case("t")
                && a > start + 1
                && matches!(self.s.as_bytes()[a - 1], b'n' | b'N')
            {
                Some(a - 1)
            } else {
                None
            };
            if let Some(cut) = cut {
                emit(start, cut, Kind::Word);
                emit(cut, end, Kind::Word);
                return;
            }
        }
        emit(start, end, Kind::Word);
    }

    /// True when `i` starts exactly three digits not followed by another digit (the
    /// group after a thousands comma: `94,300`, but not `5,6` or `1,2345`).
    fn thousands_group(&self, i: usize) -> bool {
        let b = self.s.as_bytes();
        b.len() >= i + 3
            && b[i..i + 3].iter().all(u8::is_ascii_digit)
            && !b.get(i + 3).is_some_and(u8::is_ascii_digit)
    }

    /// True when the first non-space character from `i` is an ASCII digit.
    fn next_non_space_is_digit(&self, i: usize) -> bool {
        self.s[i..]
            .chars()
            .find(|&c| !is_space(c))
            .is_some_and(|c| c.is_ascii_digit())
    }

    /// Scans punctuation starting at `i` (character `c`); returns the byte after it.
    fn punct(&mut self, i: usize, c: char, emit: &mut Emit<'_>) -> usize {
        let s = self.s;
        let n = c.len_utf8();
        let prev = self.prev(i);
        let next = self.peek(i + n);
        let after_space = prev.is_none_or(|p| is_space(p) || is_opener(p));
        if is_apostrophe(c) {
            // A clitic written apart (`Ukraine 's`, pre-tokenised text) or glued to a
            // word ending in punctuation.
            if c != '`' {
                let rest = &s[i + n..];
                let len = rest
                    .find(|ch: char| !ch.is_ascii_alphabetic())
                    .unwrap_or(rest.len());
                let glued = rest[len..]
                    .starts_with(|ch: char| is_word_char(ch) || is_hyphen(ch) || is_apostrophe(ch));
                if len > 0 && is_clitic(&rest[..len]) && !glued {
                    emit(i, i + n + len, Kind::Word);
                    return i + n + len;
                }
            }
            // Treebank double quotes written as two single marks: `` and ''.
            if (c == '`' || c == '\'') && next == Some(c) {
                emit(i, i + 2, Kind::Punct(Some("\"")));
                return i + 2;
            }
            self.open_single = match c {
                '\u{2018}' | '`' => true,
                '\u{2019}' => false,
                _ => after_space && next.is_some_and(|ch| !is_space(ch)),
            };
            emit(
                i,
                i + n,
                Kind::Punct(if c == '\'' { None } else { Some("'") }),
            );
            return i + n;
        }
        if c == '.' || c == '\u{2026}' {
            // An ellipsis, however written, is one token.
            let end = i + s[i..]
                .find(|ch: char| ch != '.' && ch != '\u{2026}')
                .unwrap_or(s.len() - i);
            if end - i == 1 && c == '.' {
                emit(i, end, Kind::Punct(None));
            } else {
                emit(i, end, Kind::Punct(Some("...")));
            }
            return end;
        }
        if is_hyphen(c) || c == '\u{2212}' {
            // A minus sign before a number (`-5`) belongs to it.
            if next.is_some_and(|ch| ch.is_ascii_digit()) && after_space {
                return self.word(i, i + n, emit);
            }
            if next.is_some_and(|ch| is_hyphen(ch) || is_dash(ch)) {
                return self.dash_run(i, emit);
            }
            // A lone hyphen between spaces is a dash; otherwise it stays a hyphen.
            let spaced = next.is_none_or(is_space) && prev.is_none_or(is_space);
            let norm = if spaced {
                Some("--")
            } else {
                normalize_punct(c)
            };
            emit(i, i + n, Kind::Punct(norm));
            return i + n;
        }
        if is_dash(c) {
            return self.dash_run(i, emit);
        }
        if is_double_quote(c) {
            emit(
                i,
                i + n,
                Kind::Punct(if c == '"' { None } else { Some("\"") }),
            );
            return i + n;
        }
        emit(i, i + n, Kind::Punct(normalize_punct(c)));
        i + n
    }

    /// A run of dashes and hyphens starting with the dash-like character at `i` (`--`,
    /// `—`, `---`, `−-`): one token `--`.
    fn dash_run(&self, i: usize, emit: &mut Emit<'_>) -> usize {
        let first = self.char_at(i).len_utf8();
        let rest = &self.s[i + first..];
        let len = rest
            .find(|ch: char| !is_hyphen(ch) && !is_dash(ch))
            .unwrap_or(rest.len());
        emit(i, i + first + len, Kind::Punct(Some("--")));
        i + first + len
    }
}

/// The clitics split off after an apostrophe (compared ignoring ASCII case).
fn is_clitic(suffix: &str) -> bool {
    ["s", "m", "d", "re", "ve", "ll"]
        .iter()
        .any(|c| suffix.eq_ignore_ascii_case(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<String> {
        tokenize(text, Span::new(0, text.len()))
            .into_iter()
            .map(|t| t.text)
            .collect()
    }

    fn check_spans(text: &str) {
        for t in tokenize(text, Span::new(0, text.len())) {
            let raw = t.span.slice(text);
            assert!(!raw.is_empty());
            assert!(raw.chars().all(|c| !is_space(c)), "{raw:?} in {text:?}");
        }
    }

    #[test]
    fn possessives_and_contractions() {
        assert_eq!(toks("Ukraine’s army"), ["Ukraine", "'s", "army"]);
        assert_eq!(toks("Ukraine's army"), ["Ukraine", "'s", "army"]);
        assert_eq!(
            toks("the countries' leaders"),
            ["the", "countries", "'", "leaders"]
        );
        assert_eq!(toks("don't"), ["do", "n't"]);
        assert_eq!(toks("didn’t"), ["did", "n't"]);
        assert_eq!(toks("can't"), ["ca", "n't"]);
        assert_eq!(toks("won't"), ["wo", "n't"]);
        assert_eq!(toks("DIDN'T"), ["DID", "N'T"]);
        assert_eq!(
            toks("I'm sure they're here"),
            ["I", "'m", "sure", "they", "'re", "here"]
        );
        assert_eq!(
            toks("we've we'll he'd"),
            ["we", "'ve", "we", "'ll", "he", "'d"]
        );
        assert_eq!(toks("O'Brien's plan"), ["O'Brien", "'s", "plan"]);
        assert_eq!(toks("Ukraine 's army"), ["Ukraine", "'s", "army"]);
        assert_eq!(toks("do n't"), ["do", "n't"]);
    }

    #[test]
    fn possessive_marks_are_words_not_punctuation() {
        let text = "Ukraine’s and the countries' leaders";
        let t = tokenize(text, Span::new(0, text.len()));
        assert_eq!(t[1].pos, Pos::X);
        assert_eq!(t[1].upper, "'S");
        assert_eq!(t[5].text, "'");
        assert_eq!(t[5].pos, Pos::X);
    }

    #[test]
    fn quotes() {
        assert_eq!(
            toks("“We know,” Psaki said."),
            ["\"", "We", "know", ",", "\"", "Psaki", "said", "."]
        );
        assert_eq!(
            toks("«non» ``yes'' 'maybe'"),
            ["\"", "non", "\"", "\"", "yes", "\"", "'", "maybe", "'"]
        );
        assert_eq!(
            toks("the ‘great powers’ summit"),
            ["the", "'", "great", "powers", "'", "summit"]
        );
        assert_eq!(
            toks("the 'great powers' summit"),
            ["the", "'", "great", "powers", "'", "summit"]
        );
        let text = "“Hi” ‘x’";
        let t = tokenize(text, Span::new(0, text.len()));
        assert!(
            t.iter()
                .filter(|t| t.text != "Hi" && t.text != "x")
                .all(|t| t.pos == Pos::Punct)
        );
    }

    #[test]
    fn hyphens_and_dashes() {
        assert_eq!(toks("Russia-annexed Crimea"), ["Russia-annexed", "Crimea"]);
        assert_eq!(
            toks("a Biden-Zelenskyy call"),
            ["a", "Biden-Zelenskyy", "call"]
        );
        assert_eq!(
            toks("a seven-year conflict"),
            ["a", "seven-year", "conflict"]
        );
        assert_eq!(toks("Bosnia-Herzegovina"), ["Bosnia-Herzegovina"]);
        assert_eq!(
            toks("an anti- Gondor parade"),
            ["an", "anti-", "Gondor", "parade"]
        );
        assert_eq!(toks("war—and peace"), ["war", "--", "and", "peace"]);
        assert_eq!(toks("war – and peace"), ["war", "--", "and", "peace"]);
        assert_eq!(toks("war--and peace"), ["war", "--", "and", "peace"]);
        assert_eq!(toks("war - and peace"), ["war", "--", "and", "peace"]);
        assert_eq!(toks("non\u{2011}aligned"), ["non-aligned"]);
        assert_eq!(toks("U.S.-led forces"), ["U.S.-led", "forces"]);
    }

    #[test]
    fn numbers_and_currency() {
        assert_eq!(toks("94,300 troops"), ["94,300", "troops"]);
        assert_eq!(toks("11.8 percent"), ["11.8", "percent"]);
        assert_eq!(toks("1,000.5 in 2014"), ["1,000.5", "in", "2014"]);
        assert_eq!(toks("a 50-pound bomb"), ["a", "50-pound", "bomb"]);
        assert_eq!(toks("$5 and €3.5bn"), ["$", "5", "and", "€", "3.5bn"]);
        assert_eq!(toks("£10, 5%"), ["£", "10", ",", "5", "%"]);
        assert_eq!(toks("1, 2,3"), ["1", ",", "2", ",", "3"]);
        assert_eq!(
            toks("at 10:30 on 12/25/2021"),
            ["at", "10:30", "on", "12/25/2021"]
        );
        assert_eq!(toks("fell to -5 degrees"), ["fell", "to", "-5", "degrees"]);
        let text = "$5";
        assert_eq!(tokenize(text, Span::new(0, 2))[0].pos, Pos::Punct);
    }

    #[test]
    fn periods_abbreviations_acronyms_initials() {
        assert_eq!(toks("Mr. Putin left."), ["Mr.", "Putin", "left", "."]);
        assert_eq!(
            toks("Gen. Smith met Lt. Col. Jones"),
            ["Gen.", "Smith", "met", "Lt.", "Col.", "Jones"]
        );
        assert_eq!(
            toks("the U.S. and the U.N."),
            ["the", "U.S.", "and", "the", "U.N."]
        );
        assert_eq!(
            toks("the U.S.A. and K.U. fans"),
            ["the", "U.S.A.", "and", "K.U.", "fans"]
        );
        assert_eq!(toks("John F. Kennedy"), ["John", "F.", "Kennedy"]);
        assert_eq!(toks("He chose Plan B."), ["He", "chose", "Plan", "B", "."]);
        assert_eq!(toks("on Jan. 5, 2022"), ["on", "Jan.", "5", ",", "2022"]);
        assert_eq!(toks("Resolution No. 5"), ["Resolution", "No.", "5"]);
        assert_eq!(toks("He said No."), ["He", "said", "No", "."]);
        assert_eq!(
            toks("Apple Inc. and Acme Corp."),
            ["Apple", "Inc.", "and", "Acme", "Corp."]
        );
        assert_eq!(
            toks("tanks, guns etc. were"),
            ["tanks", ",", "guns", "etc.", "were"]
        );
        assert_eq!(toks("Biden said Friday."), ["Biden", "said", "Friday", "."]);
        assert_eq!(toks("at 5 p.m. Tuesday"), ["at", "5", "p.m.", "Tuesday"]);
        assert_eq!(toks("He waited... then"), ["He", "waited", "...", "then"]);
        assert_eq!(toks("He waited… then"), ["He", "waited", "...", "then"]);
        assert_eq!(toks("rose 11.8."), ["rose", "11.8", "."]);
        assert_eq!(toks("visit Amazon.com."), ["visit", "Amazon.com", "."]);
    }

    #[test]
    fn other_punctuation_is_split() {
        assert_eq!(
            toks("(AP) — Yes; no: maybe!?"),
            [
                "(", "AP", ")", "--", "Yes", ";", "no", ":", "maybe", "!", "?"
            ]
        );
        assert_eq!(
            toks("AT&T @user #tag [1]"),
            ["AT", "&", "T", "@", "user", "#", "tag", "[", "1", "]"]
        );
    }

    #[test]
    fn unicode_spaces_and_marks() {
        assert_eq!(
            toks("Biden\u{A0}met\u{2009}Putin\u{200B}today"),
            ["Biden", "met", "Putin", "today"]
        );
        assert_eq!(
            toks("Jose\u{301} Mari\u{301}a"),
            ["Jose\u{301}", "Mari\u{301}a"]
        );
        assert_eq!(toks("Zelenskyy\u{2019}s"), ["Zelenskyy", "'s"]);
        assert_eq!(toks("Kyiv\u{02BC}s"), ["Kyiv", "'s"]);
    }

    #[test]
    fn spans_point_at_the_original_characters() {
        let text = "“I don’t accept anyone’s red line,” Biden said — in the U.S. on Jan. 5.";
        let t = tokenize(text, Span::new(0, text.len()));
        let raws: Vec<&str> = t.iter().map(|t| t.span.slice(text)).collect();
        assert_eq!(
            raws,
            [
                "“", "I", "do", "n’t", "accept", "anyone", "’s", "red", "line", ",", "”", "Biden",
                "said", "—", "in", "the", "U.S.", "on", "Jan.", "5", "."
            ]
        );
        for text in [
            text,
            "Ukraine’s countries' O'Brien's $5 «x» `y' -- … 94,300 U.S.-led Mr. E\u{301}",
            "weird ’’ ‘‘ '' `` ' ` - — – ‐ \u{2212}3 ... .. . a. B. c.d.",
        ] {
            check_spans(text);
            let t = tokenize(text, Span::new(0, text.len()));
            assert!(t.windows(2).all(|w| w[0].span.end <= w[1].span.start));
        }
    }

    #[test]
    fn spans_are_absolute_within_a_sub_span() {
        let text = "First one. Ukraine’s army left.";
        let t = tokenize(text, Span::new(11, text.len()));
        assert_eq!(t[0].span.slice(text), "Ukraine");
        assert_eq!(t[1].span.slice(text), "’s");
        assert_eq!(
            t.last().unwrap().span,
            Span::new(text.len() - 1, text.len())
        );
    }

    #[test]
    fn upper_case_form() {
        let text = "Zelenskyy’s straße";
        let t = tokenize(text, Span::new(0, text.len()));
        assert_eq!(
            t.iter().map(|t| t.upper.as_str()).collect::<Vec<_>>(),
            ["ZELENSKYY", "'S", "STRASSE"]
        );
    }
}

#[cfg(test)]
mod robustness {
    use super::*;
    use crate::split_sentences;

    /// A tiny deterministic generator (xorshift), to avoid a dependency for fuzzing.
    fn strings() -> impl Iterator<Item = String> {
        const PIECES: &[&str] = &[
            "a", "Z", "7", " ", "\n", "\n\n", "\r\n", ".", "..", "…", ",", "'", "’", "‘", "`",
            "\"", "“", "”", "«", "-", "--", "—", "–", "\u{2212}", "$", "%", "(", ")", "?", "!",
            ":", "/", "s", "n't", "'s", "U.S.", "Mr.", "No.", "Jan.", "é", "e\u{301}", "\u{A0}",
            "\u{200B}", "\u{AD}", "ʼ", "ß", "İ", "日本", "\u{2029}", "1,000", "F.", " The",
        ];
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        (0..20_000).map(move |_| {
            let mut s = String::new();
            let len = (state % 40) as usize;
            for _ in 0..len {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                s.push_str(PIECES[(state % PIECES.len() as u64) as usize]);
            }
            state = state.wrapping_add(0x9E37_79B9);
            s
        })
    }

    #[test]
    fn tokens_cover_every_visible_character_once() {
        for text in strings() {
            let spans = split_sentences(&text);
            // Sentences are in order and only whitespace lies between them.
            let mut at = 0;
            for span in &spans {
                assert!(
                    text[at..span.start as usize].chars().all(is_space),
                    "{text:?}"
                );
                at = span.end as usize;
            }
            assert!(text[at..].chars().all(is_space), "{text:?}");
            for span in spans {
                let tokens = tokenize(&text, span);
                let mut at = span.start as usize;
                for t in &tokens {
                    let gap = &text[at..t.span.start as usize];
                    assert!(gap.chars().all(is_space), "gap {gap:?} in {text:?}");
                    assert!(!t.span.is_empty() && !t.text.is_empty(), "{text:?}");
                    at = t.span.end as usize;
                }
                assert!(
                    text[at..span.end as usize].chars().all(is_space),
                    "{text:?}"
                );
                let sentence = span.slice(&text);
                assert_eq!(sentence.trim_matches(is_space), sentence);
            }
        }
    }
}
