//! Scoring coded events against a gold JSONL file, exactly as the reference script
//! `score.py` does, so that `vigil eval` and the script always print the same numbers.
//!
//! Events are scored by `score`; the `claims`, `times` and `places` annotations by
//! `facts`, with the matching rules of the gold README; `misses` lists the events the
//! triple level missed or got wrong, with the stage of the coder that lost each.

mod facts;
mod matching;
mod misses;
mod pred;
mod python;
mod record;
mod score;
#[cfg(test)]
mod tests;

pub use facts::{FactScores, SegmentFacts, distance_km, score_facts};
pub use matching::actor_match;
pub use misses::{Diagnostics, Finding, Stage, find_misses, stage_counts};
pub use pred::{PredEvent, Predictions, read_predictions};
pub use record::{GoldEvent, GoldRecord, read_gold, select_split};
pub use score::{EventScores, Level, LevelScore, LocationScore, parse_threshold, score_events};
