//! Export formats of stored events. (Being written.)
