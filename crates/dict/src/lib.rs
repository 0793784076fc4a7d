//! Readers for the event-coding dictionaries of the field (PETRARCH2 / TABARI formats),
//! compiled into fast word-level matchers.
//!
//! Users own their dictionaries: Vigil reads the published formats as they are, reports a
//! malformed line with its file and line number, and can say which entry matched. See
//! `data/dict/` for the shipped default set and its licence.
//!
//! The crate knows nothing of sentences: it turns text files into [`DictSet`], whose parts
//! the coder queries with upper-case words. Every dictionary phrase is split into words by
//! [`vigil_text::phrase_words`], the tokenizer's own rule, so dictionary words and text
//! words agree.
//!
//! Readers, one module each: `verbs` (lines of both verb layouts) with `patterns`
//! (pattern and synonym-set compilation), `actors`, `agents`, `discards`; with
//! [`inflect`] (regular verb forms and plurals) and [`dates`] (actor date restrictions).
//! Each module's documentation says how it reads the places where the formats are
//! ambiguous; `data/dict/CORRECTIONS.md` lists the corrections made to the shipped files.
//!
//! ```no_run
//! use vigil_dict::{DictSet, LoadOptions};
//! let dicts = DictSet::default_set(LoadOptions::default()).unwrap();
//! assert!(dicts.warnings.is_empty());
//! ```

mod actors;
mod agents;
mod codes;
pub mod dates;
mod discards;
mod error;
pub mod inflect;
mod load;
mod lookup;
mod patterns;
mod source;
mod stats;
mod types;
mod verbs;
mod vocab;

pub use error::DictError;
pub use load::{DictSources, default_names};
pub use stats::{DictKind, FileStats, LoadStats};
pub use types::*;

#[cfg(test)]
mod tests;
