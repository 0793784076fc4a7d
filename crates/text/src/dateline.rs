//! Datelines: the place, and often the date and the agency, that open a news story
//! ("LA PAZ, Bolivia (Reuters) -", "KYIV (AP) —", "Moscow, May 3 (Reuters) -").
//!
//! This module finds the words only; which place they name is the gazetteer's business
//! (`vigil_extract::places::Gazetteer::dateline`).
//!
//! A dateline is, at the start of the text (or of its second line, after a headline):
//! a place name (capitalised words, with lower-case connectors such as "de" or "es"
//! between them; "PARIS/BRUSSELS" names two, the first counts), optionally a comma and a
//! qualifier ("Bolivia"), optionally a date ("May 3", ", Oct 19, 2004"), optionally an
//! agency in brackets ("(AP)"), and then a dash or a colon. To tell it from a sentence
//! that merely starts with a name ("Moscow - the capital - said"), it needs one of: the
//! place in capitals, a date, an agency, or a colon; a title-case place before a dash
//! counts only when a qualifier, date or agency comes with it, or the dash has spaces
//! around it and what follows starts with a capital.

use vigil_model::Span;

/// A dateline found at the start of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// The place words ("LA PAZ"; of "PARIS/BRUSSELS", "PARIS").
    pub place: Span,
    /// The words after a comma that say where the place is ("Bolivia"), when given.
    pub qualifier: Option<Span>,
    /// The byte where the story begins: after the closing dash or colon and the spaces
    /// after it.
    pub end: u32,
}

/// Month names and abbreviations a dateline's date starts with.
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

/// Lower-case words allowed between the capitalised words of a place name
/// ("Rio de Janeiro", "Dar es Salaam").
const CONNECTORS: &[&str] = &[
    "de", "del", "da", "do", "dos", "das", "es", "el", "al", "la", "le", "of", "upon", "on", "sur",
    "am", "an", "der",
];

/// The most words a dateline's place name has.
const MAX_WORDS: usize = 5;

/// Finds the dateline that opens `text`, if there is one: at its start, or at the start
/// of its second line when the first is a headline.
///
/// ```
/// let text = "LA PAZ, Bolivia (Reuters) - Police detained dozens of miners.";
/// let d = vigil_text::find_dateline(text).unwrap();
/// assert_eq!(d.place.slice(text), "LA PAZ");
/// assert_eq!(d.qualifier.unwrap().slice(text), "Bolivia");
/// assert_eq!(&text[d.end as usize..], "Police detained dozens of miners.");
/// ```
pub fn find_dateline(text: &str) -> Option<Dateline> {
    if let Some(d) = at(text, 0) {
        return Some(d);
    }
    // A headline line first: the dateline opens the next non-blank line.
    let nl = text.find('\n')?;
    if nl > 300 {
        return None;
    }
    let next = nl + text[nl..].len() - text[nl..].trim_start().len();
    at(text, next)
}

/// A word: its byte range, and whether all its letters are capitals.
struct Word {
    start: usize,
    end: usize,
    caps: bool,
}

/// A parse position over `text`.
struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// Skips spaces and tabs (not line breaks: a dateline is on one line); returns how
    /// many bytes it skipped.
    fn spaces(&mut self) -> usize {
        let n = self.rest().len() - self.rest().trim_start_matches([' ', '\t']).len();
        self.pos += n;
        n
    }

    fn eat(&mut self, s: &str) -> bool {
        if self.rest().starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    /// A run of word characters starting at the cursor.
    fn word(&mut self) -> Option<Word> {
        let start = self.pos;
        let len: usize = self
            .rest()
            .chars()
            .take_while(|&c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
            .map(char::len_utf8)
            .sum();
        // A hyphen that ends the run is the dateline's dash ("WASHINGTON- The").
        let len = self.rest()[..len].trim_end_matches('-').len();
        if len == 0 {
            return None;
        }
        self.pos += len;
        let w = &self.text[start..self.pos];
        let caps = w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !w.chars().any(char::is_lowercase);
        Some(Word {
            start,
            end: self.pos,
            caps,
        })
    }

    /// A place name: capitalised words, connectors between them. Stops before a month
    /// name after the first word ("ADDIS ABABA Sept 30"). Returns its span and whether
    /// it is written in capitals.
    fn name(&mut self) -> Option<(Span, bool)> {
        let start = self.pos;
        let mut end = self.pos;
        let mut caps = true;
        let mut words = 0;
        loop {
            let save = self.pos;
            if words > 0 && self.spaces() != 1 {
                self.pos = save;
                break;
            }
            let Some(w) = self.word() else {
                self.pos = save;
                break;
            };
            let s = &self.text[w.start..w.end];
            let upper = s.chars().next().is_some_and(char::is_uppercase);
            if words > 0 && is_month(s) {
                self.pos = save;
                break;
            }
            if !upper {
                // A connector counts only with a capitalised word after it.
                let after = self.rest().strip_prefix(' ');
                let capital_next =
                    after.is_some_and(|a| a.chars().next().is_some_and(char::is_uppercase));
                if words == 0 || !CONNECTORS.contains(&s) || !capital_next {
                    self.pos = save;
                    break;
                }
                continue;
            }
            caps &= w.caps;
            words += 1;
            end = w.end;
            if words > MAX_WORDS {
                return None;
            }
        }
        self.pos = end;
        (words > 0).then(|| (Span::new(start, end), caps))
    }

    /// A date after the place: "May 3", "Sept. 30", "Oct 19, 2004" (with or without a
    /// comma before it).
    fn date(&mut self) -> bool {
        let save = self.pos;
        self.eat(",");
        self.spaces();
        let ok = self
            .word()
            .is_some_and(|w| is_month(&self.text[w.start..w.end]))
            && self.spaces() > 0
            && self.digits(1..=2);
        if !ok {
            self.pos = save;
            return false;
        }
        let after_day = self.pos;
        if !(self.eat(",") && self.spaces() > 0 && self.digits(4..=4)) {
            self.pos = after_day;
        }
        true
    }

    fn digits(&mut self, n: std::ops::RangeInclusive<usize>) -> bool {
        let k = self.rest().bytes().take_while(u8::is_ascii_digit).count();
        if n.contains(&k) {
            self.pos += k;
            true
        } else {
            false
        }
    }

    /// An agency in brackets: "(AP)", "(Reuters)", "(Jiji Press)".
    fn agency(&mut self) -> bool {
        let save = self.pos;
        self.spaces();
        if self.eat("(")
            && self.peek().is_some_and(char::is_uppercase)
            && let Some(close) = self.rest().find(')')
            && close <= 40
            && !self.rest()[..close].contains(['\n', '('])
        {
            self.pos += close + 1;
            return true;
        }
        self.pos = save;
        false
    }

    /// The dash or colon that closes a dateline; returns it, after the spaces before it.
    fn separator(&mut self) -> Option<&'static str> {
        self.spaces();
        ["--", "—", "–", "―", "-", ":"]
            .into_iter()
            .find(|s| self.eat(s))
    }
}

fn is_month(w: &str) -> bool {
    MONTHS.contains(&w.trim_end_matches('.'))
}

/// A dateline starting at byte `from`.
fn at(text: &str, from: usize) -> Option<Dateline> {
    let mut c = Cursor { text, pos: from };
    let (place, caps) = c.name()?;
    // "PARIS/BRUSSELS": the first place is where the story was written.
    if c.eat("/") {
        c.name()?;
    }
    let mut qualifier = None;
    if c.rest().starts_with(", ") {
        let save = c.pos;
        c.eat(",");
        c.spaces();
        let word_start = c.pos;
        let month = c.word().is_some_and(|w| is_month(&text[w.start..w.end]));
        c.pos = word_start;
        match (month, c.name()) {
            (false, Some((q, _))) => qualifier = Some(q),
            _ => c.pos = save,
        }
    }
    let date = c.date();
    let agency = c.agency();
    let spaced = c.spaces() > 0;
    let sep = c.separator()?;
    let after = c.spaces() > 0;
    let end = c.pos;
    let story = text[end..].chars().next()?;
    // A hyphen-minus needs a space or a bracket before it: "NATO-led" is a word.
    if sep == "-" && !spaced && !agency {
        return None;
    }
    let title_case_dash = sep != ":"
        && spaced
        && after
        && story.is_uppercase()
        && !text[place.start as usize..place.end as usize].contains(' ');
    let marked = caps || date || agency || sep == ":" || qualifier.is_some() || title_case_dash;
    marked.then_some(Dateline {
        place,
        qualifier,
        end: end as u32,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (place, qualifier, story) of the dateline of `text`.
    fn parts(text: &str) -> Option<(&str, Option<&str>, &str)> {
        find_dateline(text).map(|d| {
            (
                d.place.slice(text),
                d.qualifier.map(|q| q.slice(text)),
                &text[d.end as usize..],
            )
        })
    }

    #[test]
    fn capitals_with_agency_and_dash() {
        assert_eq!(
            parts("TBILISI (AP) — Protesters marched on parliament."),
            Some(("TBILISI", None, "Protesters marched on parliament."))
        );
        assert_eq!(
            parts("QUITO, Ecuador (Reuters) -Soldiers patrolled the port."),
            Some(("QUITO", Some("Ecuador"), "Soldiers patrolled the port."))
        );
        assert_eq!(
            parts("SAO PAULO -- Truckers blocked roads."),
            Some(("SAO PAULO", None, "Truckers blocked roads."))
        );
    }

    #[test]
    fn dates_in_the_dateline() {
        assert_eq!(
            parts("Lisbon, May 3 (Reuters) - Dock workers struck."),
            Some(("Lisbon", None, "Dock workers struck."))
        );
        assert_eq!(
            parts("NAIROBI Sept 30 (Reuters) - Police fired tear gas."),
            Some(("NAIROBI", None, "Police fired tear gas."))
        );
        assert_eq!(
            parts("LIMA, Peru, Oct. 9, 2011 (AP) — Miners walked out."),
            Some(("LIMA", Some("Peru"), "Miners walked out."))
        );
        assert_eq!(
            parts("Oslo, Jan 16: The talks resumed."),
            Some(("Oslo", None, "The talks resumed."))
        );
    }

    #[test]
    fn colons_connectors_and_several_places() {
        assert_eq!(
            parts("Tunis : The president met the envoy."),
            Some(("Tunis", None, "The president met the envoy."))
        );
        assert_eq!(
            parts("Dar es Salaam, Tanzania: Voters queued."),
            Some(("Dar es Salaam", Some("Tanzania"), "Voters queued."))
        );
        assert_eq!(
            parts("ROME/MADRID — Ministers met."),
            Some(("ROME", None, "Ministers met."))
        );
        assert_eq!(
            parts("HANOI–Officials said."),
            Some(("HANOI", None, "Officials said."))
        );
    }

    #[test]
    fn after_a_headline() {
        let text = "Miners Strike Over Pay\nSANTIAGO (AP) — Copper miners struck.";
        assert_eq!(
            parts(text),
            Some(("SANTIAGO", None, "Copper miners struck."))
        );
    }

    #[test]
    fn ordinary_sentences_are_not_datelines() {
        for text in [
            "Police detained dozens of miners - the union said.",
            "NATO-led troops moved in on Monday.",
            "Quito, which hosted the talks, said nothing.",
            "Brazil’s Congress was stormed",
            "The Hague - the court said - will rule soon.",
            "Ministers of Defence met",
            "",
        ] {
            assert_eq!(parts(text), None, "{text}");
        }
    }
}
