use thiserror::Error;

/// Everything that can go wrong while reading evaluation inputs.
///
/// Every variant names the file it came from (as the caller named it) and, where one
/// exists, the line, so a user can go straight to the offending record.
#[derive(Debug, Error)]
pub enum EvalError {
    /// A line of a JSONL file is not valid JSON.
    #[error("{file}:{line}: invalid JSON: {message}")]
    Json {
        /// File name as given by the caller.
        file: String,
        /// 1-based line number.
        line: usize,
        /// The parser's description of the problem.
        message: String,
    },

    /// A gold record is valid JSON but does not have the shape the scorer needs.
    #[error("{file}:{line}: {message}")]
    Gold {
        /// File name as given by the caller.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with the record.
        message: String,
    },

    /// An XML file could not be parsed at all.
    #[error("{file}: invalid XML: {message}")]
    Xml {
        /// File name as given by the caller.
        file: String,
        /// The XML parser's description (it includes the position).
        message: String,
    },

    /// A validation-suite element is malformed (bad date, unknown config option, …).
    #[error("{file}:{line}: {record}: {message}")]
    Suite {
        /// File name as given by the caller.
        file: String,
        /// 1-based line of the element at fault.
        line: u32,
        /// The record id, or the element name when the fault is outside a record.
        record: String,
        /// What is wrong.
        message: String,
    },

    /// A `LEVEL=F1` threshold could not be understood.
    #[error("bad threshold `{spec}`: {message}")]
    Threshold {
        /// The threshold as the user wrote it.
        spec: String,
        /// What is wrong with it.
        message: String,
    },
}
