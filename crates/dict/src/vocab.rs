//! Turning dictionary phrases into word ids, fast.
//!
//! Every phrase goes through [`vigil_text::phrase_words`], the tokenizer's own rule. Running
//! the tokenizer on each of the ~60,000 phrases of the default set costs more than all the
//! parsing, and most phrases are made of a few plain words. So a phrase made only of plain
//! pieces (letters, digits, hyphens, separated by `_` or spaces) is read piece by piece,
//! since a plain piece tokenizes the same whatever surrounds it:
//!
//! * a piece of upper-case ASCII letters and digits (`PRESIDENT`, `1914`) is one word, as
//!   the tokenizer documents; the test `plain_pieces_are_single_words` checks this for
//!   every such piece of the built-in dictionaries;
//! * other plain pieces (`Karzai`, `BOSNIA-HERZEGOVINA`) are tokenized once and cached.
//!
//! Any other phrase (`U.S.`, `RUSSIA'S_PRESIDENT`) is tokenized whole.

use crate::types::{Lexicon, WordId};
use rustc_hash::FxHashMap;
use vigil_text::phrase_words;

/// The lexicon being filled, with the piece cache.
pub(crate) struct Vocab {
    /// The shared interner.
    pub lex: Lexicon,
    pieces: FxHashMap<Box<str>, Box<[WordId]>>,
}

/// True for a piece of upper-case ASCII letters and digits.
fn is_upper_alnum(piece: &str) -> bool {
    piece
        .bytes()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// True for a piece of ASCII letters, digits and hyphens.
fn is_plain(piece: &str) -> bool {
    piece
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

impl Vocab {
    /// Wraps a lexicon.
    pub fn new(lex: Lexicon) -> Vocab {
        Vocab {
            lex,
            pieces: FxHashMap::default(),
        }
    }

    /// Interns an upper-case word.
    pub fn intern(&mut self, upper: &str) -> WordId {
        self.lex.intern(upper)
    }

    /// The word ids of a phrase.
    pub fn phrase(&mut self, phrase: &str) -> Vec<WordId> {
        let mut out = Vec::with_capacity(4);
        self.phrase_into(phrase, &mut out);
        out
    }

    /// The words of a phrase as strings (for inflection).
    pub fn phrase_strings(&mut self, phrase: &str) -> Vec<String> {
        let ids = self.phrase(phrase);
        ids.into_iter()
            .map(|id| self.lex.word(id).to_string())
            .collect()
    }

    /// Appends the word ids of `phrase` to `out`.
    pub fn phrase_into(&mut self, phrase: &str, out: &mut Vec<WordId>) {
        let start = out.len();
        for piece in phrase.split(|c: char| c == '_' || c.is_whitespace()) {
            if piece.is_empty() {
                continue;
            }
            if is_upper_alnum(piece) {
                out.push(self.lex.intern(piece));
                continue;
            }
            if !is_plain(piece) {
                out.truncate(start);
                for w in phrase_words(phrase) {
                    out.push(self.lex.intern(&w));
                }
                return;
            }
            if let Some(ids) = self.pieces.get(piece) {
                out.extend_from_slice(ids);
                continue;
            }
            let words = phrase_words(piece);
            let ids: Box<[WordId]> = words.iter().map(|w| self.lex.intern(w)).collect();
            out.extend_from_slice(&ids);
            self.pieces.insert(piece.into(), ids);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path's premise, for every upper-case piece of the built-in dictionaries.
    #[test]
    fn plain_pieces_are_single_words() {
        let mut seen = rustc_hash::FxHashSet::default();
        let sources = crate::DictSources::embedded();
        let separator = |c: char| c == '_' || c.is_whitespace() || "[]{}()#+&!~<>".contains(c);
        for text in sources.all_texts() {
            for piece in text.split(separator) {
                if !piece.is_empty() && is_upper_alnum(piece) && seen.insert(piece) {
                    assert_eq!(phrase_words(piece), [piece], "{piece}");
                }
            }
        }
        assert!(seen.len() > 30_000, "{}", seen.len());
    }

    /// The cache gives what the tokenizer gives, for plain and other phrases.
    #[test]
    fn agrees_with_phrase_words() {
        let mut v = Vocab::new(Lexicon::default());
        for p in [
            "HAMID_KARZAI_",
            "hamid  karzai",
            "RUSSIA'S_PRESIDENT",
            "DID N'T",
            "U.S._MILITARY",
            "BOSNIA-HERZEGOVINA",
            "CANNOT",
            "1914",
            "F/A-18_FIGHTER",
            "PRESIDENT_OF_THE_RUSSIAN_FEDERATED_REPUBLIC,_BORIS_N._YELTSIN",
            "-",
            "ÉDOUARD_PHILIPPE",
        ] {
            for _ in 0..2 {
                let ids = v.phrase(p);
                let words: Vec<&str> = ids.iter().map(|&i| v.lex.word(i)).collect();
                assert_eq!(words, phrase_words(p), "{p}");
            }
        }
    }
}
