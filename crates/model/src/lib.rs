//! Vigil's shared vocabulary.
//!
//! Every stage of the pipeline (`text` → `dict` → `coder` → `store` → …) speaks in the
//! types defined here, so that a stage can be swapped or tested on its own. Nothing in
//! this crate does I/O beyond reading the embedded CAMEO code table.

mod actor_code;
mod article;
mod cameo;
mod claim;
mod event;
mod place;
mod span;
mod time;
mod token;

pub use actor_code::{ActorParts, actor_country, dyad_side, split_actor};
pub use article::Article;
pub use cameo::{CodeInfo, EventCodes, quad_class_of_root};
pub use claim::{Claim, Qualifier, Quantity};
pub use event::{ActorRef, Attribution, Event, Provenance};
pub use place::{LocationBasis, Place, PlaceKind, PlaceMention};
pub use span::Span;
pub use time::{DatePrecision, DateRange, Period, TimeExpr, TimeKind};
pub use token::{Pos, Token};
