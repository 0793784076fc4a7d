//! Regular English inflection for dictionary entries: the verb forms made for a verb line
//! without `{...}`, and the noun plurals made for synonym-set members and agents.
//!
//! The rules are the simple spelling rules of the field's readers, with the common cases
//! they missed added (consonant + Y, doubling of a final consonant). A dictionary lists
//! anything irregular itself, so the rules only have to be right for regular words.

/// True for A, E, I, O, U.
fn is_vowel(c: u8) -> bool {
    matches!(c, b'A' | b'E' | b'I' | b'O' | b'U')
}

/// True for an ASCII letter that is not a vowel (Y counts as a consonant here).
fn is_consonant(c: u8) -> bool {
    c.is_ascii_alphabetic() && !is_vowel(c)
}

/// True when the word ends in a consonant followed by Y (`DENY`, not `PLAY`).
fn consonant_y(w: &[u8]) -> bool {
    w.len() >= 2 && w[w.len() - 1] == b'Y' && is_consonant(w[w.len() - 2])
}

/// True when a regular verb doubles its final consonant before -ED/-ING: a one-syllable
/// word ending consonant–vowel–consonant (`STOP`, `PLAN`, `QUIT`), but not one ending in
/// W, X or Y (`SNOW`, `FIX`, `STAY`). Longer words that double (`COMMIT`, `PATROL`) are
/// listed with their forms in the dictionaries.
pub fn doubles_final_consonant(word: &str) -> bool {
    let w = word.as_bytes();
    let n = w.len();
    if n < 3 || !w.iter().all(u8::is_ascii_uppercase) {
        return false;
    }
    let (last, mid, before) = (w[n - 1], w[n - 2], w[n - 3]);
    if !is_consonant(last) || matches!(last, b'W' | b'X' | b'Y') || !is_vowel(mid) {
        return false;
    }
    // The U of QU is a consonant sound: QUIT doubles like SIT.
    let before_is_consonant =
        is_consonant(before) || (before == b'U' && n >= 4 && w[n - 4] == b'Q');
    if !before_is_consonant {
        return false;
    }
    // One syllable: no other vowel group before the final one (Y inside counts: SKYP is not
    // a word, but STYMIE-like words are listed anyway).
    let head = &w[..n - 2];
    let vowels_before = head
        .iter()
        .enumerate()
        .filter(|&(i, &c)| is_vowel(c) && !(c == b'U' && i > 0 && head[i - 1] == b'Q'))
        .count();
    vowels_before == 0
}

/// The third person singular: `ASK` → `ASKS`, `PUSH` → `PUSHES`, `GO` → `GOES`,
/// `DENY` → `DENIES`.
pub fn third_person(base: &str) -> String {
    let w = base.as_bytes();
    if consonant_y(w) {
        return format!("{}IES", &base[..base.len() - 1]);
    }
    if ["S", "X", "Z", "CH", "SH", "O"]
        .iter()
        .any(|s| base.ends_with(s))
    {
        return format!("{base}ES");
    }
    format!("{base}S")
}

/// The past tense and participle: `ASK` → `ASKED`, `AGREE` → `AGREED`, `DENY` →
/// `DENIED`, `STOP` → `STOPPED`.
pub fn past(base: &str) -> String {
    let w = base.as_bytes();
    if base.ends_with('E') {
        return format!("{base}D");
    }
    if consonant_y(w) {
        return format!("{}IED", &base[..base.len() - 1]);
    }
    if doubles_final_consonant(base) {
        return format!("{base}{}ED", &base[base.len() - 1..]);
    }
    format!("{base}ED")
}

/// The gerund: `ASK` → `ASKING`, `MAKE` → `MAKING`, `FREE` → `FREEING`, `DIE` →
/// `DYING`, `STOP` → `STOPPING`.
pub fn gerund(base: &str) -> String {
    if base.len() > 2 && base.ends_with("IE") {
        return format!("{}YING", &base[..base.len() - 2]);
    }
    if base.len() > 1
        && base.ends_with('E')
        && !["EE", "YE", "OE"].iter().any(|s| base.ends_with(s))
    {
        return format!("{}ING", &base[..base.len() - 1]);
    }
    if doubles_final_consonant(base) {
        return format!("{base}{}ING", &base[base.len() - 1..]);
    }
    format!("{base}ING")
}

/// The regular forms of a verb: base, third person, past, gerund (no duplicates). A word
/// that is not plain letters (`RE-EXAMINE` is fine, `N'T` is not) only yields itself.
pub fn verb_forms(base: &str) -> Vec<String> {
    let mut out = vec![base.to_string()];
    if !is_inflectable(base) {
        return out;
    }
    for f in [third_person(base), past(base), gerund(base)] {
        if !out.contains(&f) {
            out.push(f);
        }
    }
    // British spelling doubles a final L after a single vowel in longer words too:
    // TRAVEL gives TRAVELLED as well as TRAVELED, CANCEL gives CANCELLING.
    if doubles_l_in_british(base) {
        out.push(format!("{base}LED"));
        out.push(format!("{base}LING"));
    }
    out
}

/// True when British spelling writes the past and gerund of `base` with LL where American
/// spelling has one L: a word of more than one syllable ending consonant–vowel–L
/// (`TRAVEL`, `CANCEL`, `LABEL`, `SIGNAL`; not `APPEAL` or `REVEAL`, nor one-syllable
/// `STOP`-like words, which double in both).
fn doubles_l_in_british(base: &str) -> bool {
    let w = base.as_bytes();
    let n = w.len();
    n >= 4
        && w[n - 1] == b'L'
        && is_vowel(w[n - 2])
        && is_consonant(w[n - 3])
        && !doubles_final_consonant(base)
        && w[..n - 2].iter().any(|&c| is_vowel(c))
}

/// True for a word made of upper-case letters and inner hyphens.
fn is_inflectable(word: &str) -> bool {
    word.len() >= 2
        && word.bytes().all(|c| c.is_ascii_uppercase() || c == b'-')
        && word.as_bytes()[word.len() - 1].is_ascii_uppercase()
}

/// The regular plural of a noun, or `None` when none should be made: `TREATY` →
/// `TREATIES`, `BOSS` → `BOSSES`, `CHURCH` → `CHURCHES`, `POLICEMAN` → `POLICEMANS`
/// (irregular plurals are the dictionary's business).
///
/// A word ending in a plain S (`TROOPS`, `ARMED FORCES`) is taken to be plural already and
/// gets none; SS and US endings (`BOSS`, `BUS`) are singular. Words that are not plain
/// letters (`N'T`, `F-16`, `1914`) get none either.
pub fn plural(noun: &str) -> Option<String> {
    if !is_inflectable(noun) {
        return None;
    }
    let w = noun.as_bytes();
    if consonant_y(w) {
        return Some(format!("{}IES", &noun[..noun.len() - 1]));
    }
    if noun.ends_with("SS") || noun.ends_with("US") {
        return Some(format!("{noun}ES"));
    }
    if noun.ends_with('S') {
        return None;
    }
    if ["X", "Z", "CH", "SH"].iter().any(|s| noun.ends_with(s)) {
        return Some(format!("{noun}ES"));
    }
    Some(format!("{noun}S"))
}

/// The plural of a phrase given as words: the last word made plural.
pub fn plural_phrase(words: &[String]) -> Option<Vec<String>> {
    let (last, head) = words.split_last()?;
    let p = plural(last)?;
    let mut out = head.to_vec();
    out.push(p);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn third_person_forms() {
        for (b, f) in [
            ("ASK", "ASKS"),
            ("PUSH", "PUSHES"),
            ("WATCH", "WATCHES"),
            ("MASS", "MASSES"),
            ("FIX", "FIXES"),
            ("GO", "GOES"),
            ("VETO", "VETOES"),
            ("DENY", "DENIES"),
            ("PLAY", "PLAYS"),
        ] {
            assert_eq!(third_person(b), f, "{b}");
        }
    }

    #[test]
    fn past_forms() {
        for (b, f) in [
            ("ASK", "ASKED"),
            ("MASS", "MASSED"),
            ("AGREE", "AGREED"),
            ("ACCELERATE", "ACCELERATED"),
            ("DENY", "DENIED"),
            ("PLAY", "PLAYED"),
            ("STOP", "STOPPED"),
            ("PLAN", "PLANNED"),
            ("QUIT", "QUITTED"),
            ("SNOW", "SNOWED"),
            ("FIX", "FIXED"),
            ("STAY", "STAYED"),
            ("VISIT", "VISITED"),
            ("LEAD", "LEADED"),
            ("RE-ARM", "RE-ARMED"),
        ] {
            assert_eq!(past(b), f, "{b}");
        }
    }

    #[test]
    fn gerund_forms() {
        for (b, f) in [
            ("ASK", "ASKING"),
            ("MAKE", "MAKING"),
            ("FREE", "FREEING"),
            ("DYE", "DYEING"),
            ("HOE", "HOEING"),
            ("DIE", "DYING"),
            ("STOP", "STOPPING"),
            ("SNOW", "SNOWING"),
            ("DENY", "DENYING"),
            ("VISIT", "VISITING"),
        ] {
            assert_eq!(gerund(b), f, "{b}");
        }
    }

    #[test]
    fn all_forms() {
        assert_eq!(verb_forms("MASS"), ["MASS", "MASSES", "MASSED", "MASSING"]);
        assert_eq!(verb_forms("N'T"), ["N'T"]);
        assert_eq!(verb_forms("X"), ["X"]);
        assert_eq!(
            verb_forms("TRAVEL"),
            [
                "TRAVEL",
                "TRAVELS",
                "TRAVELED",
                "TRAVELING",
                "TRAVELLED",
                "TRAVELLING"
            ]
        );
        assert_eq!(verb_forms("REVEAL").len(), 4);
        assert_eq!(verb_forms("EXPEL").len(), 6);
    }

    #[test]
    fn plurals() {
        assert_eq!(plural("TREATY").as_deref(), Some("TREATIES"));
        assert_eq!(plural("DAY").as_deref(), Some("DAYS"));
        assert_eq!(plural("BOSS").as_deref(), Some("BOSSES"));
        assert_eq!(plural("BUS").as_deref(), Some("BUSES"));
        assert_eq!(plural("CHURCH").as_deref(), Some("CHURCHES"));
        assert_eq!(plural("TROOPS"), None);
        assert_eq!(plural("N'T"), None);
        assert_eq!(plural("F-16"), None);
        assert_eq!(plural("1914"), None);
        let w = vec![
            "CHAMBER".to_string(),
            "OF".to_string(),
            "COMMERCE".to_string(),
        ];
        assert_eq!(plural_phrase(&w).unwrap(), ["CHAMBER", "OF", "COMMERCES"]);
    }
}
