//! Text stage: normalisation, sentence splitting, tokenisation (every token keeps its byte
//! span in the original text) and part-of-speech tagging.

mod words;

pub use words::phrase_words;
