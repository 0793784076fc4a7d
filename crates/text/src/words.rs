//! Splitting of dictionary phrases into words, with the same rules the tokenizer applies to
//! running text, so that a phrase and the text it names always agree word for word.

/// Splits a dictionary phrase (`RUSSIA'S_PRESIDENT`, `DID N'T`, `U.S.`) into upper-case
/// words the way the tokenizer splits text: on `_` and whitespace, with possessive `'S`
/// and the `N'T` of contractions split off as words of their own.
pub fn phrase_words(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in phrase.split(|c: char| c == '_' || c.is_whitespace()) {
        if piece.is_empty() {
            continue;
        }
        let up = piece.to_uppercase().replace(['\u{2019}', '\u{2018}'], "'");
        if let Some(stem) = up.strip_suffix("N'T").filter(|s| !s.is_empty()) {
            out.push(stem.to_string());
            out.push("N'T".to_string());
        } else if let Some(stem) = up.strip_suffix("'S").filter(|s| !s.is_empty()) {
            out.push(stem.to_string());
            out.push("'S".to_string());
        } else {
            out.push(up);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_underscore_space_and_clitics() {
        assert_eq!(phrase_words("HAMID_KARZAI_"), ["HAMID", "KARZAI"]);
        assert_eq!(phrase_words("DID N'T"), ["DID", "N'T"]);
        assert_eq!(phrase_words("didn't"), ["DID", "N'T"]);
        assert_eq!(phrase_words("Ukraine’s president"), ["UKRAINE", "'S", "PRESIDENT"]);
        assert_eq!(phrase_words("U.S."), ["U.S."]);
    }
}
