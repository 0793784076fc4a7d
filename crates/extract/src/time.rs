//! Temporal expressions, resolved against the publication date.
use chrono::NaiveDate;
use vigil_model::{TimeExpr, Token};

/// Finds and resolves the temporal expressions of one sentence.
pub fn find(_text: &str, _tokens: &[Token], _published: NaiveDate) -> Vec<TimeExpr> {
    Vec::new()
}
