//! Event codes as written in verb dictionaries: `[042]`, `[042:043]`, `[:173]`, `[---]`.

use crate::types::CodePair;

/// Parses the inside of a verb-dictionary code group. Codes are kept as text (`174K`,
/// `075A`, the KEDS codes of old files); `---` and an empty half mean "no code".
pub(crate) fn parse_code_pair(inner: &str) -> Result<CodePair, String> {
    let inner = inner.trim();
    let mut halves = inner.split(':');
    let active = halves.next().unwrap_or("");
    let passive = halves.next();
    if halves.next().is_some() {
        return Err(format!("code [{inner}] has more than one ':'"));
    }
    let one = |s: &str| -> Result<Option<String>, String> {
        let s = s.trim();
        if s.is_empty() || s == "---" {
            return Ok(None);
        }
        if !s
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'-')
        {
            return Err(format!(
                "code [{inner}] has characters other than letters and digits"
            ));
        }
        Ok(Some(s.to_string()))
    };
    Ok(CodePair {
        active: one(active)?,
        passive: passive.map(one).transpose()?.flatten(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cp(a: Option<&str>, p: Option<&str>) -> CodePair {
        CodePair {
            active: a.map(str::to_string),
            passive: p.map(str::to_string),
        }
    }

    #[test]
    fn forms() {
        assert_eq!(parse_code_pair("042").unwrap(), cp(Some("042"), None));
        assert_eq!(
            parse_code_pair(" 042:043 ").unwrap(),
            cp(Some("042"), Some("043"))
        );
        assert_eq!(parse_code_pair(":173").unwrap(), cp(None, Some("173")));
        assert_eq!(parse_code_pair("---").unwrap(), cp(None, None));
        assert_eq!(parse_code_pair("174K").unwrap(), cp(Some("174K"), None));
        assert_eq!(parse_code_pair("+++").unwrap(), cp(Some("+++"), None));
        assert!(parse_code_pair("080!").is_err());
        assert!(parse_code_pair("1:2:3").is_err());
    }
}
