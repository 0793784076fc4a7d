//! When a predicted event counts as a gold event, at each level.

use super::python::prefix_chars;
use super::{GoldEvent, PredEvent};

/// Actor codes whose first three letters name a kind of group rather than a country;
/// for these, sharing the first three letters says little, so nine are compared.
const GROUP_PREFIXES: [&str; 7] = ["IGO", "NGO", "IMG", "MNC", "UIS", "REB", "---"];

/// The part of an actor code that decides a "same actor" match: the country (first
/// three letters), or the first nine letters for the group prefixes.
fn actor_key(code: &str) -> String {
    let code = code.trim().to_uppercase();
    let head = prefix_chars(&code, 3);
    let len = if GROUP_PREFIXES.contains(&head) { 9 } else { 3 };
    prefix_chars(&code, len).to_string()
}

/// True when a predicted actor code counts as the gold one: both empty, equal, one a
/// prefix of the other, or the same key (country, or first nine letters for
/// IGO/NGO/IMG/MNC/UIS/REB/---). Case is ignored.
pub fn actor_match(gold: &str, pred: &str) -> bool {
    let (g, p) = (gold.to_uppercase(), pred.to_uppercase());
    if g.is_empty() || p.is_empty() {
        return g.is_empty() && p.is_empty();
    }
    g == p || g.starts_with(&p) || p.starts_with(&g) || actor_key(&g) == actor_key(&p)
}

/// True when the predicted code agrees with the gold code, or one of its alternatives,
/// on the first `n` characters (2 = CAMEO root, 3 = base code).
pub(crate) fn code_match(gold: &GoldEvent, pred: &PredEvent, n: usize) -> bool {
    let want = prefix_chars(pred.code.trim(), n);
    // Empty entries are skipped before trimming, as the script does (`if c`).
    std::iter::once(&gold.code)
        .chain(&gold.alt_codes)
        .filter(|c| !c.is_empty())
        .any(|c| prefix_chars(c.trim(), n) == want)
}

/// True when code (three characters), source and target all match.
pub(crate) fn triple_match(gold: &GoldEvent, pred: &PredEvent) -> bool {
    code_match(gold, pred, 3)
        && actor_match(&gold.source, &pred.source)
        && actor_match(&gold.target, &pred.target)
}

/// Greedy one-to-one matching: each gold event, in order, takes the first unused
/// prediction that matches it. Returns the number of matched gold events. Greedy (not
/// maximal) matching is what the reference script does, so it is kept on purpose.
pub(crate) fn greedy_matches(
    gold: &[GoldEvent],
    pred: &[&PredEvent],
    same: impl Fn(&GoldEvent, &PredEvent) -> bool,
) -> usize {
    greedy_pairs(gold, pred, same).iter().flatten().count()
}

/// The matching of [`greedy_matches`] itself: for each gold event, the index of the
/// prediction it took, if any.
pub(crate) fn greedy_pairs(
    gold: &[GoldEvent],
    pred: &[&PredEvent],
    same: impl Fn(&GoldEvent, &PredEvent) -> bool,
) -> Vec<Option<usize>> {
    let mut used = vec![false; pred.len()];
    gold.iter()
        .map(|g| {
            let i = (0..pred.len()).find(|&i| !used[i] && same(g, pred[i]))?;
            used[i] = true;
            Some(i)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(code: &str, alts: &[&str]) -> GoldEvent {
        GoldEvent {
            code: code.into(),
            alt_codes: alts.iter().map(|s| s.to_string()).collect(),
            ..GoldEvent::default()
        }
    }

    fn pred(code: &str) -> PredEvent {
        PredEvent {
            code: code.into(),
            ..PredEvent::default()
        }
    }

    #[test]
    fn actors_equal_or_both_empty() {
        assert!(actor_match("", ""));
        assert!(actor_match("USAGOV", "USAGOV"));
        assert!(actor_match("usagov", "USAGOV"));
        assert!(!actor_match("USA", ""));
        assert!(!actor_match("", "USA"));
    }

    #[test]
    fn actors_by_prefix() {
        assert!(actor_match("USAGOV", "USA"));
        assert!(actor_match("IGO", "IGOUNO"));
        assert!(actor_match("IGOUNOKID", "IGOUNO"));
    }

    #[test]
    fn actors_by_country() {
        assert!(actor_match("RUSMIL", "RUSGOV"));
        assert!(!actor_match("RUSMIL", "UKRMIL"));
    }

    #[test]
    fn group_actors_compare_nine_letters() {
        assert!(!actor_match("IGOUNO", "IGOWSTNAT"));
        assert!(actor_match("IGOWSTNATMIL", "IGOWSTNATGOV"));
        assert!(!actor_match("IGOWSTNAMIL", "IGOWSTNAGOV"));
        assert!(!actor_match("---GOV", "---MIL"));
        assert!(actor_match("REBXXXYYYA", "REBXXXYYYB"));
        assert!(!actor_match("NGOAAABBB", "NGOAAACCC"));
    }

    #[test]
    fn codes_by_root_base_and_alternatives() {
        let g = gold("1042", &["100", ""]);
        assert!(code_match(&g, &pred("104"), 3));
        assert!(code_match(&g, &pred("1041"), 3));
        assert!(code_match(&g, &pred("102"), 2));
        assert!(!code_match(&g, &pred("102"), 3));
        assert!(code_match(&g, &pred("100"), 3));
        assert!(code_match(&g, &pred(" 104 "), 3));
        assert!(!code_match(&g, &pred("036"), 2));
    }

    #[test]
    fn empty_gold_codes_are_skipped_but_blank_ones_trim_to_empty() {
        // An empty code never matches, even an empty prediction.
        assert!(!code_match(&gold("", &[]), &pred(""), 3));
        // A whitespace-only code survives the script's `if c` and trims to "".
        assert!(code_match(&gold(" ", &[]), &pred(""), 3));
    }

    #[test]
    fn greedy_is_one_to_one_in_order() {
        let g = [gold("036", &[]), gold("036", &[])];
        let p1 = pred("036");
        assert_eq!(
            greedy_matches(&g, &[&p1, &p1, &p1], |g, p| code_match(g, p, 3)),
            2
        );
        assert_eq!(greedy_matches(&g, &[&p1], |g, p| code_match(g, p, 3)), 1);
        assert_eq!(greedy_matches(&g, &[], |g, p| code_match(g, p, 3)), 0);
    }

    #[test]
    fn greedy_is_not_maximal() {
        // The first gold event takes the prediction the second one needed.
        let g = [gold("036", &["040"]), gold("040", &[])];
        let (a, b) = (pred("040"), pred("036"));
        assert_eq!(greedy_matches(&g, &[&a, &b], |g, p| code_match(g, p, 3)), 1);
    }
}
