use crate::{Attribution, Span};
use serde::{Deserialize, Serialize};

/// How sure a quantity claim is about its number.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// The number as stated ("94,300 troops" with no hedge).
    #[default]
    Exact,
    /// "about", "some", "nearly", "estimated at".
    Approx,
    /// "more than", "at least", "over".
    AtLeast,
    /// "up to", "fewer than", "at most".
    AtMost,
    /// "between 5,000 and 7,000", "5,000-7,000".
    Range,
    /// A vague amount ("tens of thousands"), given as a conventional range.
    Vague,
}

impl Qualifier {
    /// The snake-case name, as JSON writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approx => "approx",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
            Qualifier::Range => "range",
            Qualifier::Vague => "vague",
        }
    }
}

/// A number in a sentence with what it counts: the raw material of a claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The value; `None` for a vague amount or a range, which have `low` and `high`.
    pub value: Option<f64>,
    /// Lower bound of a range or vague amount.
    pub low: Option<f64>,
    /// Upper bound of a range or vague amount.
    pub high: Option<f64>,
    /// What is counted, as a singular noun (`troop`, `death`, `dollar`, `percent`); empty
    /// when the text does not say.
    pub unit: String,
    /// How sure the number is.
    pub qualifier: Qualifier,
    /// The words of the quantity as written (`about 70,000 troops`).
    pub text: String,
    /// Byte span in the record text.
    pub span: Span,
    /// Token index of the counted noun in the sentence (for finding whose things they
    /// are), when there is one.
    #[serde(skip)]
    pub unit_token: Option<usize>,
    /// Token range `[start, end)` of the quantity within its sentence.
    #[serde(skip)]
    pub tokens: (usize, usize),
}

/// A quantity claim: a number, what it counts, and who says so.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Record id of the sentence, as events print it.
    pub id: String,
    /// Article grouping key (the record id when the input gave none).
    pub article: String,
    /// 0-based index of the sentence within the record.
    pub sentence: usize,
    /// The value; `None` for vague amounts and ranges.
    pub value: Option<f64>,
    /// Lower bound of a range or vague amount.
    pub low: Option<f64>,
    /// Upper bound of a range or vague amount.
    pub high: Option<f64>,
    /// What is counted, singular (`troop`).
    pub unit: String,
    /// How sure the number is.
    pub qualifier: Qualifier,
    /// Whose things are counted and where, in words (`Russian troops near Ukraine`).
    pub subject: String,
    /// CAMEO code of the actor whose things are counted (`RUS`), empty when unknown.
    pub subject_code: String,
    /// ISO 3166 alpha-2 codes of the places that locate the counted things.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subject_places: Vec<String>,
    /// Who asserts it, as written; `unattributed` when the article narrates it.
    pub claimant: String,
    /// CAMEO actor code of the claimant; empty when unknown or unattributed.
    pub claimant_code: String,
    /// True when the claimant is unnamed ("a Biden administration official").
    pub anonymous: bool,
    /// The quantity as written (`about 70,000 troops`).
    pub text: String,
    /// Byte span of `text` in the record text.
    pub span: Span,
    /// The sentence text.
    pub sentence_text: String,
    /// Publication date of the record.
    pub date: chrono::NaiveDate,
    /// Full attribution of the claim, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<Attribution>,
}

impl Claim {
    /// Lowest and highest value the claim allows.
    pub fn bounds(&self) -> (f64, f64) {
        match (self.value, self.low, self.high) {
            (Some(v), _, _) => match self.qualifier {
                Qualifier::AtLeast => (v, f64::INFINITY),
                Qualifier::AtMost => (0.0, v),
                _ => (v, v),
            },
            (None, lo, hi) => (lo.unwrap_or(0.0), hi.unwrap_or(f64::INFINITY)),
        }
    }
}
