//! Sentence splitting.
//!
//! A sentence ends at `.`, `!`, `?` or an ellipsis (with any closing quotes and brackets
//! after it) when whitespace and a plausible sentence start follow, and always at a blank
//! line, so headlines and subheadings without final punctuation stand alone. The hard
//! case is a period that may belong to a word (`Mr.`, `Jan.`, `U.S.`, `F.`); the rules
//! for those live in [`crate::abbrev`], shared with the tokenizer.

use crate::abbrev::{self, Abbrev};
use crate::normalize::{is_apostrophe, is_closer, is_hyphen, is_opener, is_space, is_word_char};
use vigil_model::Span;

/// Splits a record's text into sentences; returns their byte spans into `text`, in order,
/// trimmed of surrounding whitespace. Never returns an empty span.
///
/// # Example
/// ```
/// let text = "“We know what he did,” Psaki said. “We see it.”\n\nMr. Biden left the U.S. on Jan. 5.";
/// let s: Vec<&str> = vigil_text::split_sentences(text).iter().map(|s| s.slice(text)).collect();
/// assert_eq!(s, ["“We know what he did,” Psaki said.", "“We see it.”", "Mr. Biden left the U.S. on Jan. 5."]);
/// ```
pub fn split_sentences(text: &str) -> Vec<Span> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // Only a few bytes can matter; everything else is skipped one byte at a time.
    while i < b.len() {
        i = match b[i] {
            b'\n' | b'\r' | 0x0B | 0x0C => line_break(text, i, &mut start, &mut out),
            b'.' | b'!' | b'?' => terminator(text, i, &mut start, &mut out),
            // U+2026 ellipsis; U+2028 and U+2029, the line and paragraph separators.
            0xE2 if b.get(i + 1) == Some(&0x80) => match b.get(i + 2) {
                Some(0xA6) => terminator(text, i, &mut start, &mut out),
                Some(0xA8 | 0xA9) => line_break(text, i, &mut start, &mut out),
                _ => i + 1,
            },
            // U+0085, next line.
            0xC2 if b.get(i + 1) == Some(&0x85) => line_break(text, i, &mut start, &mut out),
            _ => i + 1,
        };
    }
    push_trimmed(text, start, b.len(), &mut out);
    out
}

/// Handles the whitespace run with a line break at `i`: a blank line ends the sentence.
/// Returns the byte after the run.
fn line_break(text: &str, i: usize, start: &mut usize, out: &mut Vec<Span>) -> usize {
    let (end, breaks) = whitespace_run(text, i);
    if breaks >= 2 {
        push_trimmed(text, *start, i, out);
        *start = end;
    }
    end
}

/// Pushes `text[start..end]` trimmed of whitespace, unless nothing is left.
fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let slice = &text[start..end];
    let trimmed = slice.trim_start_matches(is_space);
    let s = start + (slice.len() - trimmed.len());
    let trimmed = trimmed.trim_end_matches(is_space);
    if !trimmed.is_empty() {
        out.push(Span::new(s, s + trimmed.len()));
    }
}

/// The whitespace run starting at `i`: the byte after it, and how many line breaks it
/// holds (`\r\n` is one; a paragraph separator counts as two, being a blank line itself).
fn whitespace_run(text: &str, i: usize) -> (usize, usize) {
    let mut breaks = 0;
    let mut end = i;
    let mut chars = text[i..].chars().peekable();
    while let Some(c) = chars.next() {
        if !is_space(c) {
            break;
        }
        end += c.len_utf8();
        breaks += match c {
            '\r' if chars.peek() == Some(&'\n') => 0,
            '\n' | '\r' | '\x0B' | '\x0C' | '\u{85}' | '\u{2028}' => 1,
            '\u{2029}' => 2,
            _ => 0,
        };
    }
    (end, breaks)
}

/// Handles the terminator character at `i`: when it ends a sentence, pushes the sentence
/// and moves `start`. Returns where scanning resumes.
fn terminator(text: &str, i: usize, start: &mut usize, out: &mut Vec<Span>) -> usize {
    let b = text.as_bytes();
    // A period between word characters is inside a word (`11.8`, `U.S`, `Amazon.com`).
    if b[i] == b'.'
        && text[..i].chars().next_back().is_some_and(is_word_char)
        && text[i + 1..].chars().next().is_some_and(is_word_char)
    {
        return i + 1;
    }
    // The whole run of terminators (`?!`, `...`, `…`), then closing quotes and brackets.
    let mut j = i;
    let mut dots = 0;
    let mut strong = false;
    for c in text[i..].chars() {
        match c {
            '.' => dots += 1,
            '\u{2026}' => dots += 3,
            '!' | '?' => strong = true,
            _ => break,
        }
        j += c.len_utf8();
    }
    let run_end = j;
    for c in text[j..].chars() {
        if !is_closer(c) {
            break;
        }
        j += c.len_utf8();
    }
    if j >= b.len() {
        return j;
    }
    let (next, breaks) = whitespace_run(text, j);
    if next == j {
        // No whitespace: `end.The`, `“Why?”,`, `...and`.
        return run_end;
    }
    let ends = if breaks >= 2 {
        true
    } else if let Some(c) = text[next..].chars().next() {
        let plausible_start =
            c.is_ascii_digit() || is_opener(c) || (c.is_alphabetic() && !c.is_lowercase());
        plausible_start
            && (strong
                || if dots > 1 {
                    // An ellipsis often marks an omission inside a quote.
                    starts_with_sentence_starter(&text[next..])
                } else {
                    full_stop(text, i, &text[next..])
                })
    } else {
        false
    };
    if ends {
        push_trimmed(text, *start, j, out);
        *start = j;
    }
    next
}

/// Decides whether the single period at `i`, followed (after whitespace) by `rest`,
/// ends the sentence, given the word before it.
fn full_stop(text: &str, i: usize, rest: &str) -> bool {
    let before = &text[..i];
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c) || c == '.' || is_hyphen(c) || is_apostrophe(c))
        .last()
        .map_or(i, |(k, _)| k);
    let word = before[word_start..].trim_start_matches(|c: char| !is_word_char(c));
    match abbrev::classify(word) {
        None => true,
        Some(Abbrev::Prefix) => false,
        Some(Abbrev::BeforeNumber) => !rest.starts_with(|c: char| c.is_ascii_digit()),
        Some(Abbrev::Ambiguous) => starts_with_sentence_starter(rest),
    }
}

/// True when `rest` (after any opening quotes) begins with a common sentence-initial word
/// that is not itself an initial (`A.` in `Gen. A. Smith`).
fn starts_with_sentence_starter(rest: &str) -> bool {
    let rest = rest.trim_start_matches(is_opener);
    let len = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    len > 0 && !rest[len..].starts_with('.') && abbrev::is_sentence_starter(&rest[..len])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text)
            .iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn reproduces_the_seed_gold_segments() {
        let text = include_str!("../../../data/eval/seed.txt");
        let gold = include_str!("../../../data/eval/seed-gold.jsonl");
        let expected: Vec<String> = gold
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("gold line is JSON");
                v["text"].as_str().expect("gold line has text").to_string()
            })
            .collect();
        assert_eq!(expected.len(), 24);
        assert_eq!(split(text), expected);
    }

    #[test]
    fn basic_terminators() {
        assert_eq!(
            split("He left. She stayed! Why? Nobody knows."),
            ["He left.", "She stayed!", "Why?", "Nobody knows."]
        );
        assert_eq!(split("  He left.   "), ["He left."]);
        assert_eq!(split(""), Vec::<&str>::new());
        assert_eq!(split(" \n\n "), Vec::<&str>::new());
        assert_eq!(
            split("It rose in 2014. 2015 was worse."),
            ["It rose in 2014.", "2015 was worse."]
        );
        assert_eq!(split("He said no. then left"), ["He said no. then left"]);
        assert_eq!(split("Really?! Yes."), ["Really?!", "Yes."]);
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        assert_eq!(
            split("“I don’t accept anyone’s red line,” Biden said."),
            ["“I don’t accept anyone’s red line,” Biden said."]
        );
        assert_eq!(
            split("“We know,” Psaki said. “We see.”"),
            ["“We know,” Psaki said.", "“We see.”"]
        );
        assert_eq!(
            split("He said \"Go.\" Then he left."),
            ["He said \"Go.\"", "Then he left."]
        );
        assert_eq!(split("“Why?” he asked."), ["“Why?” he asked."]);
        assert_eq!(
            split("It ended (finally.) Then"),
            ["It ended (finally.)", "Then"]
        );
        assert_eq!(
            split("He left. (Reporting by AP.)"),
            ["He left.", "(Reporting by AP.)"]
        );
    }

    #[test]
    fn titles_never_end_a_sentence() {
        assert_eq!(
            split("Mr. Putin met Gen. Smith and Dr. Jones."),
            ["Mr. Putin met Gen. Smith and Dr. Jones."]
        );
        assert_eq!(split("Sen. The Honourable X"), ["Sen. The Honourable X"]);
    }

    #[test]
    fn months_and_numbered_abbreviations() {
        assert_eq!(
            split("It began on Jan. 5 and ended in Feb. The talks failed."),
            ["It began on Jan. 5 and ended in Feb.", "The talks failed."]
        );
        assert_eq!(
            split("Due on Jan. Smith said."),
            ["Due on Jan. Smith said."]
        );
        assert_eq!(
            split("Resolution No. 5 passed. He said No. The vote failed."),
            [
                "Resolution No. 5 passed.",
                "He said No.",
                "The vote failed."
            ]
        );
    }

    #[test]
    fn acronyms_and_initials() {
        assert_eq!(
            split("The U.S. Army left. The U.N. mission stayed."),
            ["The U.S. Army left.", "The U.N. mission stayed."]
        );
        assert_eq!(
            split("He flew to the U.S. The next day he left."),
            ["He flew to the U.S.", "The next day he left."]
        );
        assert_eq!(
            split("He met U.S. President Biden."),
            ["He met U.S. President Biden."]
        );
        assert_eq!(
            split("John F. Kennedy and George W. Bush spoke."),
            ["John F. Kennedy and George W. Bush spoke."]
        );
        assert_eq!(
            split("Gen. J. A. Smith spoke."),
            ["Gen. J. A. Smith spoke."]
        );
        assert_eq!(
            split("They chose Plan B. It failed."),
            ["They chose Plan B.", "It failed."]
        );
        assert_eq!(
            split("Apple Inc. The company said."),
            ["Apple Inc.", "The company said."]
        );
        assert_eq!(
            split("Acme Inc. Chairman Jo spoke."),
            ["Acme Inc. Chairman Jo spoke."]
        );
        assert_eq!(split("at 5 p.m. The rally"), ["at 5 p.m.", "The rally"]);
    }

    #[test]
    fn numbers_are_never_split() {
        assert_eq!(
            split("It is estimated at 94,300. Growth was 11.8 percent."),
            ["It is estimated at 94,300.", "Growth was 11.8 percent."]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            split("We will fight... They will lose."),
            ["We will fight...", "They will lose."]
        );
        assert_eq!(
            split("the president … Vladimir Putin said"),
            ["the president … Vladimir Putin said"]
        );
        assert_eq!(
            split("We will fight… The end."),
            ["We will fight…", "The end."]
        );
    }

    #[test]
    fn blank_lines_and_line_ends() {
        assert_eq!(
            split("Biden-Zelenskyy call expected\n\nBiden is scheduled to speak."),
            [
                "Biden-Zelenskyy call expected",
                "Biden is scheduled to speak."
            ]
        );
        assert_eq!(
            split("A headline\r\n\r\nThe body goes on\r\nacross lines. Next one."),
            [
                "A headline",
                "The body goes on\r\nacross lines.",
                "Next one."
            ]
        );
        assert_eq!(
            split("One line.\nAnother line."),
            ["One line.", "Another line."]
        );
        assert_eq!(split("no stop\n  \t\nnext"), ["no stop", "next"]);
        assert_eq!(split("para one\u{2029}para two"), ["para one", "para two"]);
        assert_eq!(
            split("Ends with Mr.\n\nNew para"),
            ["Ends with Mr.", "New para"]
        );
    }

    #[test]
    fn spans_are_trimmed_and_in_order() {
        let text = "\u{A0} First one.\u{2003} Second one. \n";
        let spans = split_sentences(text);
        assert_eq!(split(text), ["First one.", "Second one."]);
        assert!(spans.windows(2).all(|w| w[0].end <= w[1].start));
    }
}
