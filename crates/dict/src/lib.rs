//! Readers for the event-coding dictionaries of the field (PETRARCH2 / TABARI formats),
//! compiled into fast word-level matchers.
//!
//! Users own their dictionaries: Vigil reads the published formats as they are, reports a
//! malformed line with its file and line number, and can say which entry matched. See
//! `data/dict/` for the shipped default set and its licence.
//!
//! The crate knows nothing of sentences: it turns text files into [`DictSet`], whose parts
//! the coder queries with upper-case words.

mod types;

pub use types::*;
