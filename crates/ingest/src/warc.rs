//! WARC archives: each HTML response record an article. (Being written.)

use crate::{BadRecord, Item, Options};
use std::io::BufRead;

/// Reads one WARC archive named `name`, handing each HTML response to `sink`.
pub(crate) fn read_warc(
    name: &str,
    reader: Box<dyn BufRead>,
    opts: &Options,
    sink: &mut dyn FnMut(Item),
) -> Result<(), BadRecord> {
    let _ = (reader, opts, sink);
    Err(BadRecord {
        place: name.to_string(),
        message: "WARC archives are not read yet".into(),
    })
}
