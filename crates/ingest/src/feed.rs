//! RSS 2.0 and Atom feeds: each item an article. (Being written.)

use crate::{BadRecord, Item, Options};

/// Reads one feed named `name`, handing each item to `sink`.
pub(crate) fn read_feed(name: &str, bytes: &[u8], opts: &Options, sink: &mut dyn FnMut(Item)) {
    let _ = (bytes, opts);
    sink(Item::Bad(BadRecord {
        place: name.to_string(),
        message: "feeds are not read yet".into(),
    }));
}
