use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into the original (un-normalised) text of a
/// record. Spans are what make every output traceable back to the words that produced it.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the range.
    pub start: u32,
    /// One past the last byte of the range.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end` (byte offsets).
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    /// The smallest span covering both `self` and `other`.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// True when the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The slice of `text` this span covers.
    ///
    /// # Panics
    /// When the span is out of bounds or not on character boundaries of `text`.
    pub fn slice(self, text: &str) -> &str {
        &text[self.start as usize..self.end as usize]
    }

    /// This span moved by `offset` bytes (to turn a sentence-relative span into a
    /// record-relative one).
    pub fn shift(self, offset: usize) -> Span {
        Span {
            start: self.start + offset as u32,
            end: self.end + offset as u32,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cover_and_slice() {
        let text = "Biden met Putin";
        let a = Span::new(0, 5);
        let b = Span::new(10, 15);
        assert_eq!(a.slice(text), "Biden");
        assert_eq!(a.cover(b).slice(text), text);
        assert_eq!(b.len(), 5);
        assert!(!b.is_empty());
        assert_eq!(Span::new(1, 2).shift(3), Span::new(4, 5));
    }
}
