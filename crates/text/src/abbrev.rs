//! Words that keep their period: abbreviations, dotted acronyms and initials.
//!
//! The tokenizer asks whether a period belongs to the word before it; the sentence
//! splitter asks whether a period after such a word can still end a sentence. Both ask
//! here, so a period is never part of a word in one place and a sentence end in another
//! by accident.

/// How a word that keeps its period behaves at a possible sentence boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// Always followed by more of the sentence: titles before a name (`Mr.`, `Gen.`) and
    /// `vs.`. Never ends a sentence.
    Prefix,
    /// An abbreviation only before a number (`No. 5`, `Art. 51`, `p. 3`); elsewhere the
    /// word is an ordinary one (`He said no.`).
    BeforeNumber,
    /// Can end a sentence or sit inside one (`Jan.`, `Inc.`, `etc.`, `U.S.`, initials):
    /// the splitter looks at the next word to decide.
    Ambiguous,
}

/// Case forms an entry accepts: title case (`Gen`) and capitals (`GEN`, as dictionaries
/// write it) always; lower case only where it cannot be an ordinary English word.
#[derive(Clone, Copy)]
enum Case {
    Capitalised,
    Any,
}

use Abbrev::{Ambiguous, BeforeNumber, Prefix};
use Case::{Any, Capitalised};

/// The abbreviation table: lower-case word, behaviour, accepted case forms. Sorted, for
/// binary search. Titles and ranks are `Prefix`; `No.`, `Art.`, `p.` … `BeforeNumber`;
/// months, days, name and company suffixes, Latin and AP-style US states `Ambiguous`.
/// Words that are also ordinary English words (`Sat`, `Mass`, `Gen`) only count when
/// capitalised.
const TABLE: &[(&str, Abbrev, Case)] = &[
    ("adm", Prefix, Capitalised),
    ("al", Ambiguous, Any),
    ("ala", Ambiguous, Capitalised),
    ("amb", Prefix, Capitalised),
    ("approx", Ambiguous, Any),
    ("apr", Ambiguous, Capitalised),
    ("ariz", Ambiguous, Capitalised),
    ("ark", Ambiguous, Capitalised),
    ("art", BeforeNumber, Capitalised),
    ("arts", BeforeNumber, Capitalised),
    ("assn", Ambiguous, Capitalised),
    ("aug", Ambiguous, Capitalised),
    ("ave", Ambiguous, Capitalised),
    ("blvd", Ambiguous, Capitalised),
    ("brig", Prefix, Capitalised),
    ("bros", Ambiguous, Capitalised),
    ("calif", Ambiguous, Capitalised),
    ("capt", Prefix, Any),
    ("cdr", Prefix, Capitalised),
    ("cf", Prefix, Any),
    ("ch", BeforeNumber, Any),
    ("cmdr", Prefix, Capitalised),
    ("co", Ambiguous, Capitalised),
    ("col", Prefix, Capitalised),
    ("colo", Ambiguous, Capitalised),
    ("conn", Ambiguous, Capitalised),
    ("corp", Ambiguous, Any),
    ("cpl", Prefix, Any),
    ("dec", Ambiguous, Capitalised),
    ("del", Ambiguous, Capitalised),
    ("dept", Ambiguous, Any),
    ("dr", Prefix, Any),
    ("drs", Prefix, Capitalised),
    ("esq", Ambiguous, Capitalised),
    ("est", Ambiguous, Capitalised),
    ("etc", Ambiguous, Any),
    ("feb", Ambiguous, Capitalised),
    ("fig", BeforeNumber, Any),
    ("fla", Ambiguous, Capitalised),
    ("fr", Prefix, Capitalised),
    ("fri", Ambiguous, Capitalised),
    ("ft", Prefix, Capitalised),
    ("ga", Ambiguous, Capitalised),
    ("gen", Prefix, Capitalised),
    ("gov", Prefix, Capitalised),
    ("hon", Prefix, Capitalised),
    ("ill", Ambiguous, Capitalised),
    ("inc", Ambiguous, Any),
    ("ind", Ambiguous, Capitalised),
    ("insp", Prefix, Capitalised),
    ("jan", Ambiguous, Capitalised),
    ("jr", Ambiguous, Any),
    ("jul", Ambiguous, Capitalised),
    ("jun", Ambiguous, Capitalised),
    ("kan", Ambiguous, Capitalised),
    ("ky", Ambiguous, Capitalised),
    ("la", Ambiguous, Capitalised),
    ("lt", Prefix, Any),
    ("ltd", Ambiguous, Any),
    ("maj", Prefix, Capitalised),
    ("mar", Ambiguous, Capitalised),
    ("mass", Ambiguous, Capitalised),
    ("md", Ambiguous, Capitalised),
    ("messrs", Prefix, Any),
    ("mich", Ambiguous, Capitalised),
    ("minn", Ambiguous, Capitalised),
    ("mmes", Prefix, Any),
    ("mo", Ambiguous, Capitalised),
    ("mon", Ambiguous, Capitalised),
    ("mont", Ambiguous, Capitalised),
    ("mr", Prefix, Any),
    ("mrs", Prefix, Any),
    ("ms", Prefix, Any),
    ("msgr", Prefix, Capitalised),
    ("mt", Prefix, Capitalised),
    ("neb", Ambiguous, Capitalised),
    ("nev", Ambiguous, Capitalised),
    ("no", BeforeNumber, Capitalised),
    ("nos", BeforeNumber, Capitalised),
    ("nov", Ambiguous, Capitalised),
    ("oct", Ambiguous, Capitalised),
    ("okla", Ambiguous, Capitalised),
    ("ore", Ambiguous, Capitalised),
    ("p", BeforeNumber, Any),
    ("pa", Ambiguous, Capitalised),
    ("para", BeforeNumber, Capitalised),
    ("plc", Ambiguous, Capitalised),
    ("pp", BeforeNumber, Any),
    ("pres", Prefix, Capitalised),
    ("prof", Prefix, Any),
    ("pvt", Prefix, Capitalised),
    ("rd", Ambiguous, Capitalised),
    ("rep", Prefix, Capitalised),
    ("reps", Prefix, Capitalised),
    ("rev", Prefix, Capitalised),
    ("rs", BeforeNumber, Capitalised),
    ("sat", Ambiguous, Capitalised),
    ("sec", BeforeNumber, Capitalised),
    ("sen", Prefix, Capitalised),
    ("sens", Prefix, Capitalised),
    ("sep", Ambiguous, Capitalised),
    ("sept", Ambiguous, Capitalised),
    ("sgt", Prefix, Any),
    ("sr", Ambiguous, Any),
    ("st", Ambiguous, Capitalised),
    ("sun", Ambiguous, Capitalised),
    ("supt", Prefix, Capitalised),
    ("tenn", Ambiguous, Capitalised),
    ("thu", Ambiguous, Capitalised),
    ("thur", Ambiguous, Capitalised),
    ("thurs", Ambiguous, Capitalised),
    ("tue", Ambiguous, Capitalised),
    ("tues", Ambiguous, Capitalised),
    ("univ", Ambiguous, Capitalised),
    ("va", Ambiguous, Capitalised),
    ("vol", BeforeNumber, Any),
    ("vols", BeforeNumber, Any),
    ("vs", Prefix, Any),
    ("vt", Ambiguous, Capitalised),
    ("wash", Ambiguous, Capitalised),
    ("wed", Ambiguous, Capitalised),
    ("wis", Ambiguous, Capitalised),
    ("wyo", Ambiguous, Capitalised),
];

/// How `word` (the text before a period, without it) behaves with its period, or `None`
/// when the period is an ordinary full stop.
pub(crate) fn classify(word: &str) -> Option<Abbrev> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > 12 {
        return None;
    }
    // A single capital is an initial (`John F. Kennedy`), which can also end a sentence
    // (`Plan B.`).
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return Some(Ambiguous);
    }
    if bytes.contains(&b'.') {
        return is_dotted_acronym(word).then_some(Ambiguous);
    }
    if !bytes.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    let first_upper = bytes[0].is_ascii_uppercase();
    let rest_lower = bytes[1..].iter().all(u8::is_ascii_lowercase);
    let all_upper = bytes.iter().all(u8::is_ascii_uppercase);
    let all_lower = bytes.iter().all(u8::is_ascii_lowercase);
    let mut key = [0u8; 12];
    for (k, b) in key.iter_mut().zip(bytes) {
        *k = b.to_ascii_lowercase();
    }
    let key = &key[..bytes.len()];
    let i = TABLE
        .binary_search_by(|(w, _, _)| w.as_bytes().cmp(key))
        .ok()?;
    let (_, kind, case) = TABLE[i];
    let case_ok = match case {
        Capitalised => (first_upper && rest_lower) || all_upper,
        Any => (first_upper && rest_lower) || all_upper || all_lower,
    };
    case_ok.then_some(kind)
}

/// `U.S`, `U.S.A`, `e.g`, `a.m`, `Ph.D`: letters in groups of one or two, separated by
/// single periods (the final period is not part of `word`).
fn is_dotted_acronym(word: &str) -> bool {
    word.split('.').all(|part| {
        let n = part.chars().count();
        (1..=2).contains(&n) && part.chars().all(char::is_alphabetic)
    })
}

/// Sentence-initial words common enough in news that an ambiguous period (`the U.S.`,
/// `Jan.`, an initial) followed by one of them is taken as a sentence end.
const STARTERS: &[&str] = &[
    "A",
    "About",
    "According",
    "After",
    "Against",
    "Also",
    "Although",
    "Amid",
    "An",
    "And",
    "Another",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Despite",
    "During",
    "Each",
    "Earlier",
    "Either",
    "Even",
    "Every",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Last",
    "Later",
    "Many",
    "Meanwhile",
    "More",
    "Most",
    "My",
    "Neither",
    "No",
    "None",
    "Not",
    "Now",
    "On",
    "Once",
    "One",
    "Only",
    "Or",
    "Other",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Thus",
    "To",
    "Today",
    "Under",
    "Until",
    "We",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Without",
    "Yesterday",
    "Yet",
    "You",
    "Your",
];

/// True when `word` is a common sentence-initial word (compared exactly: `It`, not `IT`).
pub(crate) fn is_sentence_starter(word: &str) -> bool {
    STARTERS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_for_binary_search() {
        assert!(TABLE.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn starters_are_sorted_for_binary_search() {
        assert!(STARTERS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_sentence_starter("The"));
        assert!(!is_sentence_starter("THE"));
        assert!(!is_sentence_starter("Senate"));
    }

    #[test]
    fn titles_months_and_numbers() {
        assert_eq!(classify("Mr"), Some(Prefix));
        assert_eq!(classify("mr"), Some(Prefix));
        assert_eq!(classify("GEN"), Some(Prefix));
        assert_eq!(classify("gen"), None);
        assert_eq!(classify("Jan"), Some(Ambiguous));
        assert_eq!(classify("jan"), None);
        assert_eq!(classify("No"), Some(BeforeNumber));
        assert_eq!(classify("Inc"), Some(Ambiguous));
        assert_eq!(classify("etc"), Some(Ambiguous));
        assert_eq!(classify("sat"), None);
        assert_eq!(classify("Friday"), None);
    }

    #[test]
    fn acronyms_and_initials() {
        assert_eq!(classify("U.S"), Some(Ambiguous));
        assert_eq!(classify("U.S.A"), Some(Ambiguous));
        assert_eq!(classify("e.g"), Some(Ambiguous));
        assert_eq!(classify("Ph.D"), Some(Ambiguous));
        assert_eq!(classify("F"), Some(Ambiguous));
        assert_eq!(classify("f"), None);
        assert_eq!(classify("11.8"), None);
        assert_eq!(classify("Amazon.com"), None);
        assert_eq!(classify("U.S.-led"), None);
    }
}
