//! A sentence prepared for coding: its tokens with dictionary word ids.

use vigil_dict::{DictSet, WordId};
use vigil_model::{Pos, Token};

/// The dictionary word id of every token.
pub fn word_ids(tokens: &[Token], dicts: &DictSet) -> Vec<Option<WordId>> {
    tokens.iter().map(|t| dicts.lexicon.id(&t.upper)).collect()
}

/// One sentence as the coder sees it.
pub struct View<'a> {
    /// The record text the token spans point into.
    pub text: &'a str,
    /// Tagged tokens.
    pub tokens: &'a [Token],
    /// Dictionary word id of each token (`None`: no dictionary uses the word).
    pub ids: Vec<Option<WordId>>,
    /// True when the sentence is written in capitals throughout (a headline), where
    /// capitalisation says nothing about proper nouns.
    pub all_caps: bool,
}

impl<'a> View<'a> {
    /// Prepares `tokens` whose word ids are already known.
    pub fn with_ids(text: &'a str, tokens: &'a [Token], ids: Vec<Option<WordId>>) -> View<'a> {
        let letters = tokens
            .iter()
            .filter(|t| t.text.chars().any(char::is_alphabetic));
        let all_caps = letters.clone().count() > 2
            && letters
                .clone()
                .all(|t| !t.text.chars().any(char::is_lowercase));
        View {
            text,
            tokens,
            ids,
            all_caps,
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Upper-case form of token `i`.
    pub fn up(&self, i: usize) -> &str {
        &self.tokens[i].upper
    }

    /// Part of speech of token `i`.
    pub fn pos(&self, i: usize) -> Pos {
        self.tokens[i].pos
    }

    /// True when token `i` starts with a capital letter (or the sentence is all capitals).
    pub fn capitalised(&self, i: usize) -> bool {
        self.all_caps
            || self.tokens[i]
                .text
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    /// The text from the start of token `a` to the end of token `b - 1`.
    pub fn words(&self, a: usize, b: usize) -> &'a str {
        if a >= b || b > self.tokens.len() {
            return "";
        }
        let s = self.tokens[a].span.start as usize;
        let e = self.tokens[b - 1].span.end as usize;
        &self.text[s..e]
    }
}
