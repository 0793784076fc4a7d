//! Scoring coded events against a gold JSONL file, exactly as the reference script
//! `score.py` does, so that `vigil eval` and the script always print the same numbers.
//!
//! Only events are scored. Gold records keep their `claims`, `times` and `places`
//! annotations raw ([`GoldRecord::claims`] and friends): that is where scorers for
//! those annotations will plug in.

mod matching;
mod pred;
mod python;
mod record;
mod score;
#[cfg(test)]
mod tests;

pub use matching::actor_match;
pub use pred::{PredEvent, Predictions, read_predictions};
pub use record::{GoldEvent, GoldRecord, read_gold};
pub use score::{EventScores, Level, LevelScore, parse_threshold, score_events};
