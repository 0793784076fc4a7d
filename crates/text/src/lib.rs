//! Text stage: normalisation, sentence splitting, tokenisation (every token keeps its byte
//! span in the original text) and part-of-speech tagging.
//!
//! ```
//! use vigil_model::Pos;
//! let text = "Kremlin says the presidents will hold talks.\n\n“We know,” Psaki said.";
//! let sentences = vigil_text::analyse(text, Some(vigil_text::Tagger::embedded()));
//! assert_eq!(sentences.len(), 2);
//! assert_eq!(sentences[0].tokens[1].text, "says");
//! assert_eq!(sentences[0].tokens[1].pos, Pos::VerbFin);
//! assert_eq!(sentences[1].span.slice(text), "“We know,” Psaki said.");
//! ```
//!
//! The stages, each usable on its own:
//! - [`split_sentences`]: byte spans of the sentences of a record.
//! - [`tokenize`]: treebank-style tokens of a span, normalised (straight quotes, `--`
//!   dashes, `'` apostrophes) but pointing at the original bytes.
//! - [`Tagger`]: an averaged-perceptron tagger predicting `UPOS|VerbForm` labels.
//! - [`phrase_words`]: dictionary phrases split into words exactly as text is tokenised.
//! - [`find_dateline`]: the dateline that opens a story ("KYIV (AP) —"): its place words
//!   and where the story begins.
//!
//! The tagger's weights (`data/tagger/tagger.json.gz`, embedded in the binary) were trained
//! by the denckring project on the Universal Dependencies English Web Treebank and are
//! licensed CC-BY-SA-4.0; the reference code they come with is Apache-2.0. See
//! `data/tagger/NOTICE`.

mod abbrev;
mod dateline;
mod normalize;
mod sentences;
mod tagger;
mod tokenize;
mod words;

pub use dateline::{Dateline, find_dateline};
pub use sentences::split_sentences;
pub use tagger::{Tagger, TaggerError};
pub use tokenize::tokenize;
pub use words::phrase_words;

use vigil_model::{Span, Token};

/// One sentence of a record with its tokens.
#[derive(Clone, Debug, PartialEq)]
pub struct Sentence {
    /// Byte span of the sentence in the record text (trimmed of whitespace).
    pub span: Span,
    /// Its tokens, with spans into the record text; tagged when a tagger was given.
    pub tokens: Vec<Token>,
}

/// Splits `text` into sentences and tokenizes each; tags them when `tagger` is given.
pub fn analyse(text: &str, tagger: Option<&Tagger>) -> Vec<Sentence> {
    split_sentences(text)
        .into_iter()
        .map(|span| {
            let mut tokens = tokenize(text, span);
            if let Some(tagger) = tagger {
                tagger.tag(&mut tokens);
            }
            Sentence { span, tokens }
        })
        .collect()
}
