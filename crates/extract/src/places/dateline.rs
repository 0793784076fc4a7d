//! The place of a story's dateline, resolved by the gazetteer.
//!
//! `vigil_text::find_dateline` finds the words ("LA PAZ, Bolivia (Reuters) -"); this
//! module says which place they name. A dateline names where the story was written,
//! almost always a city: a city of the name wins over a division or country of the same
//! name ("WASHINGTON" is the capital, not the state), and among cities the qualifier
//! ("Bolivia"), else the largest. Its words must be one gazetteer name as a whole.

use super::Gazetteer;
use super::data::Source;
use vigil_model::{PlaceMention, Span};

/// A story's dateline: the place it names and where the story begins.
#[derive(Clone, Debug, PartialEq)]
pub struct Dateline {
    /// The place, as a mention of the dateline's words (`why`: `dateline`).
    pub place: PlaceMention,
    /// The byte where the story begins, after the dateline's dash or colon.
    pub end: u32,
}

impl Gazetteer {
    /// The dateline that opens `text`, when it has one that names a known place.
    ///
    /// ```
    /// let g = vigil_extract::places::Gazetteer::embedded();
    /// let text = "LA PAZ, Bolivia (Reuters) - Police detained dozens of miners.";
    /// let d = g.dateline(text).unwrap();
    /// assert_eq!(d.place.place.country.as_deref(), Some("BO"));
    /// assert_eq!(&text[d.end as usize..], "Police detained dozens of miners.");
    /// ```
    pub fn dateline(&self, text: &str) -> Option<Dateline> {
        let found = vigil_text::find_dateline(text)?;
        let entry = self.dateline_entry(text, found.place, found.qualifier)?;
        let span = match found.qualifier {
            Some(q) => Span::new(found.place.start as usize, q.end as usize),
            None => found.place,
        };
        Some(Dateline {
            place: PlaceMention {
                text: span.slice(text).to_owned(),
                span,
                place: self.place(entry),
                relational: false,
                why: "dateline".to_owned(),
            },
            end: found.end,
        })
    }

    /// The gazetteer entry the dateline's place words (and qualifier) name.
    fn dateline_entry(&self, text: &str, place: Span, qualifier: Option<Span>) -> Option<u32> {
        let mut buf = String::new();
        let tokens = vigil_text::tokenize(text, place);
        let (end, cands) = self.lookup(&tokens, 0, &mut buf)?;
        if end != tokens.len() {
            return None;
        }
        // Only a qualifier that is a country or division, and holds one of the
        // candidates, narrows them ("GOMA, Congo" when the gazetteer's Congo is the other
        // one leaves Goma as it is).
        let quals: Vec<u32> = qualifier
            .and_then(|q| {
                let qt = vigil_text::tokenize(text, q);
                self.lookup(&qt, 0, &mut buf)
                    .filter(|(e, _)| *e == qt.len())
                    .map(|(_, c)| c)
            })
            .unwrap_or_default()
            .into_iter()
            .map(|c| c.0)
            .filter(|&q| matches!(self.entry(q).source, Source::Country | Source::Admin1))
            .collect();
        let inside: Vec<u32> = cands
            .iter()
            .map(|c| c.0)
            .filter(|&c| quals.iter().any(|&q| self.inside(c, q)))
            .collect();
        let pool: Vec<u32> = if inside.is_empty() {
            cands.iter().map(|c| c.0).collect()
        } else {
            inside
        };
        // Cities first (by population), then curated features, countries, divisions.
        let rank = |e: u32| {
            let x = self.entry(e);
            let kind = match x.source {
                Source::City => 3,
                Source::Feature => 2,
                Source::Country => 1,
                Source::Admin1 => 0,
            };
            (kind, x.pop)
        };
        pool.into_iter().max_by_key(|&e| rank(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(text: &str) -> Option<(vigil_model::PlaceKind, String)> {
        Gazetteer::embedded().dateline(text).map(|d| {
            (
                d.place.place.kind,
                d.place.place.country.unwrap_or_default(),
            )
        })
    }

    #[test]
    fn capitals_cities_and_qualifiers() {
        let p = place("WASHINGTON (AP) — Senators voted on the bill.").unwrap();
        assert_eq!(p.1, "US");
        assert_eq!(p.0, vigil_model::PlaceKind::City);
        assert_eq!(
            place("KYIV (Reuters) - Sirens sounded overnight.").map(|p| p.1),
            Some("UA".into())
        );
        assert_eq!(
            place("Tripoli, Lebanon (AP) — Crowds gathered.").map(|p| p.1),
            Some("LB".into())
        );
        assert_eq!(
            place("TRIPOLI (Reuters) - Crowds gathered.").map(|p| p.1),
            Some("LY".into())
        );
    }

    #[test]
    fn unknown_words_are_no_dateline() {
        assert_eq!(place("ZORBLAND (AP) — Nothing happened."), None);
        assert_eq!(place("Police said: nobody was hurt."), None);
    }

    #[test]
    fn the_mention_covers_place_and_qualifier() {
        let text = "GOMA, Congo (AP) — Rebels advanced.";
        let d = Gazetteer::embedded().dateline(text).unwrap();
        assert_eq!(d.place.text, "GOMA, Congo");
        assert_eq!(d.place.place.country.as_deref(), Some("CD"));
        assert_eq!(&text[d.end as usize..], "Rebels advanced.");
    }
}
