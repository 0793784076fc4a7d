//! Stable identities: a record's content hash and an event's id. Both are SHA-256 based,
//! so they are the same on every machine, in every run and in every Vigil version.

use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use vigil_model::Article;

/// A hash of everything stored about a record (date, text, title, url, outlet, article
/// key): equal hashes mean nothing to redo; a different hash under the same id means the
/// record changed and supersedes its old version.
pub fn content_hash(a: &Article) -> String {
    let mut h = Sha256::new();
    for part in [
        a.date.to_string().as_str(),
        a.text.as_str(),
        a.title.as_deref().unwrap_or(""),
        a.url.as_deref().unwrap_or(""),
        a.outlet.as_deref().unwrap_or(""),
        a.article.as_deref().unwrap_or(""),
    ] {
        // Length-prefixed, so that moving bytes between fields changes the hash.
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    let d = h.finalize();
    d[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// The id of the event (event date, source, code, target): a positive 63-bit integer, so
/// that it also fits GDELT's integer GlobalEventID column.
pub fn event_id(event_date: NaiveDate, source: &str, code: &str, target: &str) -> i64 {
    let mut h = Sha256::new();
    for part in [event_date.to_string().as_str(), source, code, target] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    let d = h.finalize();
    let mut b = [0u8; 8];
    b.copy_from_slice(&d[..8]);
    (u64::from_le_bytes(b) >> 1) as i64
}
