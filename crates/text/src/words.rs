//! Splitting of dictionary phrases into words, with the same rules the tokenizer applies to
//! running text, so that a phrase and the text it names always agree word for word.

use crate::tokenize;
use vigil_model::Span;

/// Splits a dictionary phrase (`RUSSIA'S_PRESIDENT`, `DID N'T`, `U.S.`) into upper-case
/// words exactly as [`tokenize`](crate::tokenize) splits text, with `_` read as a space:
/// possessive `'S` and the `N'T` of contractions become words of their own, `U.S.` and
/// `GEN.` keep their period, hyphenated words stay whole, punctuation is a word of its
/// own, and every word is normalised as tokens are (`’` → `'`, dashes → `--`).
///
/// # Example
/// ```
/// assert_eq!(vigil_text::phrase_words("RUSSIA'S_PRESIDENT"), ["RUSSIA", "'S", "PRESIDENT"]);
/// ```
pub fn phrase_words(phrase: &str) -> Vec<String> {
    // `_` and a space are both one byte, so the span offsets stay valid.
    let spaced;
    let text = if phrase.contains('_') {
        spaced = phrase.replace('_', " ");
        spaced.as_str()
    } else {
        phrase
    };
    tokenize(text, Span::new(0, text.len()))
        .into_iter()
        .map(|t| t.upper)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_underscore_space_and_clitics() {
        assert_eq!(phrase_words("HAMID_KARZAI_"), ["HAMID", "KARZAI"]);
        assert_eq!(phrase_words("DID N'T"), ["DID", "N'T"]);
        assert_eq!(phrase_words("didn't"), ["DID", "N'T"]);
        assert_eq!(
            phrase_words("Ukraine’s president"),
            ["UKRAINE", "'S", "PRESIDENT"]
        );
        assert_eq!(phrase_words("U.S."), ["U.S."]);
        assert_eq!(phrase_words("CAN'T"), ["CA", "N'T"]);
        assert_eq!(phrase_words("GEN._SMITH"), ["GEN.", "SMITH"]);
        assert_eq!(phrase_words("BOSNIA-HERZEGOVINA"), ["BOSNIA-HERZEGOVINA"]);
        assert_eq!(phrase_words("JOHN_F._KENNEDY"), ["JOHN", "F.", "KENNEDY"]);
        assert_eq!(
            phrase_words("COUNTRIES'_LEADERS"),
            ["COUNTRIES", "'", "LEADERS"]
        );
        assert_eq!(phrase_words("  "), Vec::<String>::new());
    }

    #[test]
    fn agrees_with_the_tokenizer() {
        for text in [
            "Ukraine’s president didn’t meet the U.S. envoy, Gen. Smith, on Jan. 5",
            "the countries' leaders — “anti-war” protesters — paid $5,000.50",
            "John F. Kennedy's O'Brien can't won't I'm we're",
        ] {
            let toks: Vec<String> = tokenize(text, Span::new(0, text.len()))
                .into_iter()
                .map(|t| t.upper)
                .collect();
            assert_eq!(phrase_words(text), toks, "{text}");
            assert_eq!(phrase_words(&text.replace(' ', "_")), toks, "{text}");
        }
    }
}
