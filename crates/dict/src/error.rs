//! The error type of loading.

use crate::types::Diagnostic;
use std::path::PathBuf;

/// Why a dictionary set could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum DictError {
    /// A malformed line, in strict mode (in the default mode the line is skipped and the
    /// diagnostic goes to [`crate::DictSet::warnings`]).
    #[error("malformed dictionary line: {0}")]
    Malformed(Diagnostic),
    /// A dictionary file could not be read.
    #[error("cannot read dictionary file {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}
