//! Measuring the coder.
//!
//! Everything here is a pure function of its inputs (text in, numbers out), so the
//! crate does not depend on the coder: the CLI runs the coder and hands its output to
//! these functions.
//!
//! - [`gold`]: score events against a gold JSONL file the way `score.py` does.
//! - [`suite`]: read the PETRARCH validation suite and score coded triples against it.
//! - [`corpus`]: build the fixed, reproducible benchmark corpus.

#![warn(missing_docs)]

pub mod corpus;
mod error;
pub mod gold;
pub mod suite;

pub use error::EvalError;
