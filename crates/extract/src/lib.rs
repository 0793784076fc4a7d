//! What a news sentence says besides its events: when (`time`), how many (`quantity`)
//! and where (`places`).
//!
//! Each finder is a pure function of a tokenized sentence (and, for times, the
//! publication date); none needs the part-of-speech tags, so they run on every sentence
//! whether or not the coder tagged it. The coder crate combines their findings with the
//! actors and speakers it recognises into claims, event dates and event locations.

pub mod conflict;
pub mod places;
pub mod quantity;
pub mod time;
