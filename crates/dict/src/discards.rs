//! Reader of discard lists (`Phoenix.discards.txt`): one phrase per line, `+` in front
//! for "discard the whole story".

use crate::error::DictError;
use crate::source::{FileName, Sink, Src, lines, strip_comment};
use crate::stats::{DictKind, FileStats};
use crate::types::{Discard, Discards};
use crate::vocab::Vocab;

/// Reads one discard file into `dict`.
pub(crate) fn read_discards(
    file: Src<'_>,
    vocab: &mut Vocab,
    dict: &mut Discards,
    sink: &mut Sink,
) -> Result<FileStats, DictError> {
    let name = FileName(file.name.into());
    let mut stats = FileStats::new(file.name, DictKind::Discards);
    for (no, line) in lines(file.text) {
        let body = strip_comment(line).trim();
        if body.is_empty() {
            continue;
        }
        let origin = name.at(no);
        let (story, phrase) = match body.strip_prefix('+') {
            Some(rest) => (true, rest.trim()),
            None => (false, body),
        };
        let ids = vocab.phrase(phrase);
        if ids.is_empty() {
            sink.report(&origin, "discard line has a '+' but no phrase")?;
            continue;
        }
        let idx = dict.entries.len() as u32;
        dict.entries.push(Discard {
            phrase: phrase.to_string(),
            story,
            origin,
        });
        dict.trie.insert(&ids, idx);
        stats.add("discards", 1);
        if story {
            stats.add("story_discards", 1);
        }
    }
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::Lexicon;

    fn load(
        text: &str,
        strict: bool,
    ) -> Result<(Lexicon, Discards, Vec<crate::Diagnostic>), DictError> {
        let mut vocab = Vocab::new(Lexicon::default());
        let mut d = Discards::default();
        let mut sink = Sink::new(strict);
        read_discards(
            Src {
                name: "t.discards",
                text,
            },
            &mut vocab,
            &mut d,
            &mut sink,
        )?;
        Ok((vocab.lex, d, sink.warnings))
    }

    #[test]
    fn sentence_and_story_level() {
        let text = "# header\nMONTHS LATER\n+World Golf Championships   # pas 26-Feb-2014\n\
                    + TYPHOON\n1914\nGROUP A_\nACCIDENT KILLED\t\n";
        let (lex, d, w) = load(text, true).unwrap();
        assert!(w.is_empty());
        assert_eq!(d.entries.len(), 6);
        assert!(!d.entries[0].story);
        assert!(d.entries[1].story);
        assert_eq!(d.entries[1].phrase, "World Golf Championships");
        assert_eq!(d.entries[1].origin.line, 3);
        assert!(d.entries[2].story);
        let ids = lex.ids_of(&["WORLD", "GOLF", "CHAMPIONSHIPS"]).unwrap();
        assert_eq!(d.trie.get(&ids), &[1]);
        // The TABARI whole-word mark `_` is not a word.
        let ids = lex.ids_of(&["GROUP", "A"]).unwrap();
        assert_eq!(d.trie.get(&ids), &[4]);
        assert_eq!(d.trie.get(&[lex.id("1914").unwrap()]), &[3]);
    }

    #[test]
    fn empty_story_line_is_reported() {
        let (_, d, w) = load("+   # nothing\nOK\n", false).unwrap();
        assert_eq!(d.entries.len(), 1);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].origin.line, 1);
        assert!(matches!(load("+\n", true), Err(DictError::Malformed(_))));
    }
}
