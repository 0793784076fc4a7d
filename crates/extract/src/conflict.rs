//! Conflicting claims: two sources giving different numbers for the same thing.
//!
//! Two claims conflict when they count the same unit of the same actor's things in the
//! same situation, come from different claimants, are both definite (not vague), and
//! their values cannot both be true:
//!
//! * **same thing**: equal `unit` and `subject_code` (country level), and places that
//!   locate the counted things overlap (or one of the claims names none, except for
//!   counts of mere "people", which must share a place);
//! * **same time**: published at most [`WINDOW_DAYS`] apart, since counts change;
//! * **different claimants**: claimants of different countries, or of one country with
//!   one speaking for the state and the other not (a ministry against a rights group);
//!   otherwise different names; an unattributed claim is its article's own, so two
//!   unattributed claims differ only across articles;
//! * **apart**: the ranges the claims allow do not overlap. An approximate value ("about
//!   70,000") allows [`APPROX_SLACK`] either side, so that "about 70,000" and "some
//!   71,000" are not called a conflict; and they are at most [`MAX_RATIO`] apart, since
//!   counts further apart count different things.

use rustc_hash::FxHashMap;
use vigil_model::{Claim, Qualifier};

/// Claims published further apart than this are not compared.
pub const WINDOW_DAYS: i64 = 7;

/// Relative slack around an approximate value.
pub const APPROX_SLACK: f64 = 0.05;

/// A pair of conflicting claims, as indices into the slice given to [`find`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The claim with the lower value.
    pub low: usize,
    /// The claim with the higher value.
    pub high: usize,
}

/// The range of values a claim allows.
fn allowed(c: &Claim) -> (f64, f64) {
    let (lo, hi) = c.bounds();
    if c.qualifier == Qualifier::Approx {
        (lo * (1.0 - APPROX_SLACK), hi * (1.0 + APPROX_SLACK))
    } else {
        (lo, hi)
    }
}

/// Roles of a state's own organs: a government and its military, police or courts speak
/// for one side.
const STATE_ROLES: &[&str] = &["GOV", "MIL", "COP", "SPY", "JUD", "LEG", "ELI"];

/// Who stands behind a claim: the claimant's country and whether they speak for its
/// state (a ministry and a rights group of one country are different claimants; a
/// ministry and the army are not), else the claimant's name, else the article.
fn claimant(c: &Claim) -> (&str, bool, &str) {
    let code = c.claimant_code.as_str();
    // An international or non-governmental organisation is told apart by its next group
    // (IGOUNO, the UN, is not IGOEEC, the EU).
    let side = if code.starts_with("IGO") || code.starts_with("NGO") {
        6
    } else {
        3
    };
    let country = code.get(..side).unwrap_or(code);
    let rest = code.get(side..).unwrap_or("");
    let state = rest.is_empty() || STATE_ROLES.iter().any(|r| rest.starts_with(r));
    match (country, c.claimant.as_str()) {
        ("", "unattributed") => ("", false, &c.article),
        ("", name) => ("", false, name),
        (country, _) => (country, state, ""),
    }
}

/// Counts more than this many times apart are taken to count different things (the
/// people displaced from one town against those displaced by the whole war), not to
/// disagree about one.
pub const MAX_RATIO: f64 = 10.0;

/// Finds the conflicting pairs among `claims`.
pub fn find(claims: &[Claim]) -> Vec<Conflict> {
    let mut groups: FxHashMap<(&str, &str), Vec<usize>> = FxHashMap::default();
    for (i, c) in claims.iter().enumerate() {
        if c.qualifier == Qualifier::Vague || c.unit.is_empty() || c.subject_code.is_empty() {
            continue;
        }
        groups
            .entry((&c.unit, &c.subject_code))
            .or_default()
            .push(i);
    }
    let mut out = Vec::new();
    let mut keys: Vec<_> = groups.keys().copied().collect();
    keys.sort_unstable();
    for key in keys {
        let members = &groups[&key];
        for (k, &i) in members.iter().enumerate() {
            for &j in &members[k + 1..] {
                let (a, b) = (&claims[i], &claims[j]);
                if (a.date - b.date).num_days().abs() > WINDOW_DAYS
                    || claimant(a) == claimant(b)
                    || !same_places(a, b)
                    // "people" says little about what is counted (detained? rallying?):
                    // such counts are paired only where they share a place.
                    || (GENERIC_UNITS.contains(&a.unit.as_str()) && !shared_place(a, b))
                {
                    continue;
                }
                let (alo, ahi) = allowed(a);
                let (blo, bhi) = allowed(b);
                if (ahi.is_finite() && blo > ahi * MAX_RATIO)
                    || (bhi.is_finite() && alo > bhi * MAX_RATIO)
                {
                    continue;
                }
                if ahi < blo {
                    out.push(Conflict { low: i, high: j });
                } else if bhi < alo {
                    out.push(Conflict { low: j, high: i });
                }
            }
        }
    }
    out
}

/// Units too generic to say what is counted.
const GENERIC_UNITS: &[&str] = &["person"];

fn shared_place(a: &Claim, b: &Claim) -> bool {
    a.subject_places
        .iter()
        .any(|p| b.subject_places.contains(p))
}

/// Places are compatible when they overlap, or when one claim does not say where (the
/// follow-up "12 civilians were killed" after "30 civilians were killed in X").
fn same_places(a: &Claim, b: &Claim) -> bool {
    a.subject_places.is_empty()
        || b.subject_places.is_empty()
        || a.subject_places
            .iter()
            .any(|p| b.subject_places.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use vigil_model::Span;

    fn claim(value: f64, q: Qualifier, code: &str, claimant: &str, places: &[&str]) -> Claim {
        Claim {
            id: "r".into(),
            article: "a".into(),
            sentence: 0,
            value: Some(value),
            low: None,
            high: None,
            unit: "troop".into(),
            qualifier: q,
            subject: String::new(),
            subject_code: "RUS".into(),
            subject_places: places.iter().map(|p| p.to_string()).collect(),
            claimant: claimant.into(),
            claimant_code: code.into(),
            anonymous: false,
            text: String::new(),
            span: Span::default(),
            sentence_text: String::new(),
            date: NaiveDate::from_ymd_opt(2022, 3, 1).unwrap(),
            attribution: None,
        }
    }

    #[test]
    fn different_claimants_with_numbers_apart_conflict() {
        let a = claim(50_000.0, Qualifier::Approx, "USAGOV", "officials", &["UA"]);
        let b = claim(
            80_000.0,
            Qualifier::Exact,
            "UKRGOV",
            "the minister",
            &["UA"],
        );
        assert_eq!(find(&[a, b]), vec![Conflict { low: 0, high: 1 }]);
    }

    #[test]
    fn close_approximate_values_do_not_conflict() {
        let a = claim(50_000.0, Qualifier::Approx, "USAGOV", "officials", &["UA"]);
        let b = claim(
            51_000.0,
            Qualifier::Approx,
            "UKRGOV",
            "the minister",
            &["UA"],
        );
        assert!(find(&[a, b]).is_empty());
    }

    #[test]
    fn the_same_claimant_or_another_place_is_no_conflict() {
        let a = claim(50_000.0, Qualifier::Exact, "USAGOV", "officials", &["UA"]);
        let b = claim(
            80_000.0,
            Qualifier::Exact,
            "USAMIL",
            "the Pentagon",
            &["UA"],
        );
        assert!(find(&[a.clone(), b]).is_empty(), "same country of claimant");
        let c = claim(
            80_000.0,
            Qualifier::Exact,
            "UKRGOV",
            "the minister",
            &["BY"],
        );
        assert!(find(&[a.clone(), c]).is_empty(), "elsewhere");
        let mut d = claim(
            80_000.0,
            Qualifier::Exact,
            "UKRGOV",
            "the minister",
            &["UA"],
        );
        d.date = NaiveDate::from_ymd_opt(2022, 5, 1).unwrap();
        assert!(find(&[a, d]).is_empty(), "months apart");
    }

    #[test]
    fn a_state_and_a_rights_group_of_one_country_differ_but_orders_of_magnitude_do_not_conflict() {
        let a = claim(
            30.0,
            Qualifier::AtLeast,
            "BFANGO",
            "a rights group",
            &["BF"],
        );
        let b = claim(12.0, Qualifier::Exact, "BFAGOV", "the government", &["BF"]);
        assert_eq!(find(&[a, b]), vec![Conflict { low: 1, high: 0 }]);
        let c = claim(55_000.0, Qualifier::Exact, "IGOUNO", "the agency", &["SD"]);
        let d = claim(
            10_000_000.0,
            Qualifier::Exact,
            "SDNGOV",
            "the ministry",
            &["SD"],
        );
        assert!(find(&[c, d]).is_empty());
    }

    #[test]
    fn at_least_overlapping_a_higher_value_is_no_conflict() {
        let a = claim(10_000.0, Qualifier::AtLeast, "USAGOV", "officials", &[]);
        let b = claim(14_000.0, Qualifier::Exact, "UKRGOV", "the minister", &[]);
        assert!(find(&[a, b]).is_empty());
    }
}
