//! Vigil's shared vocabulary.
//!
//! Every stage of the pipeline (`text` → `dict` → `coder` → `store` → …) speaks in the
//! types defined here, so that a stage can be swapped or tested on its own. Nothing in
//! this crate does I/O beyond reading the embedded CAMEO code table.

mod article;
mod cameo;
mod event;
mod span;
mod token;

pub use article::Article;
pub use cameo::{CodeInfo, EventCodes, quad_class_of_root};
pub use event::{ActorRef, Event, Provenance};
pub use span::Span;
pub use token::{Pos, Token};
