//! Where an article's events happen: its scene, from its dateline and the places its
//! sentences name.
//!
//! Many sentences of a story name no place ("Police fired tear gas at the crowd"): the
//! reader knows where from the dateline ("NAIROBI (Reuters) -") or from the places named
//! so far. The scene is the country with the most evidence: each place a sentence names
//! (not relationally, not as an actor) counts 1, the dateline [`DATELINE_WEIGHT`], and
//! the country's actors, demonyms and names [`NAMED_WEIGHT`] of what they count for
//! choosing between same-named places. A bureau's dateline for a story elsewhere
//! ("NAIROBI —" over events in Somalia) loses to the places and actors the story names.
//! The scene needs [`MIN_EVIDENCE`] and must lead every other country; a tie has none.
//! When it is the dateline's country, the scene is the dateline's place itself.

use super::dateline::Dateline;
use super::{Gazetteer, GeoContext};
use vigil_model::{LocationBasis, Place, PlaceMention};

/// What a dateline weighs, in places named.
pub const DATELINE_WEIGHT: f32 = 3.0;
/// What a dateline weighs when nothing else in the article names its country but
/// something names another ("VIENNA –" over a story about Serbia): a bureau's, not the scene
/// unless nothing else is.
pub const BUREAU_WEIGHT: f32 = 1.0;
/// What the article's other evidence for a country weighs: its actors (0.5 a mention),
/// demonyms and unambiguous place names (1 each), as `GeoContext` gathers them.
pub const NAMED_WEIGHT: f32 = 0.25;
/// The least evidence a scene needs: a place named, a dateline, two demonyms, four
/// mentions of a country's actors.
pub const MIN_EVIDENCE: f32 = 0.5;
/// How many records an article's dateline may wait for (a headline may come first).
const DATELINE_RECORDS: u32 = 2;

/// Where an article's events happen, and how that is known.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// The dateline's place when the scene is its country, else the country.
    pub place: Place,
    /// [`LocationBasis::Dateline`] or [`LocationBasis::Article`].
    pub basis: LocationBasis,
}

impl GeoContext {
    /// Starts a record of the article (the records in order; calling it again before
    /// [`GeoContext::end_record`] changes nothing): the dateline of the first record (or
    /// of the second, after a headline) becomes the article's. Returns the byte where
    /// this record's dateline ends, when it opens with the article's dateline: its words
    /// are the dateline, not places or actors of the story.
    pub fn begin_record(&mut self, text: &str) -> Option<u32> {
        if !self.open {
            self.open = true;
            self.record_dateline = None;
            let k = self.records;
            self.records += 1;
            if self.dateline.is_none() && k < DATELINE_RECORDS {
                self.dateline = Gazetteer::embedded().dateline(text);
                self.record_dateline = self.dateline.as_ref().map(|d| d.end);
            }
        }
        self.record_dateline
    }

    /// Ends the record [`GeoContext::begin_record`] started.
    pub fn end_record(&mut self) {
        self.open = false;
    }

    /// The article's dateline, when it had one.
    pub fn dateline(&self) -> Option<&Dateline> {
        self.dateline.as_ref()
    }

    /// A place a sentence names as a place (resolved; not relational): evidence that the
    /// article's events happen in its country.
    pub fn add_located(&mut self, p: &PlaceMention) {
        if p.relational {
            return;
        }
        if let Some(c) = p.place.country.as_deref().and_then(country_index) {
            *self.scene.entry(c).or_default() += 1.0;
        }
    }

    /// The article's scene so far, when one country clearly leads.
    pub fn scene(&self) -> Option<Scene> {
        let g = Gazetteer::embedded();
        let dateline = self
            .dateline
            .as_ref()
            .and_then(|d| Some((d, country_index(d.place.place.country.as_deref()?)?)));
        let mut weights = self.scene.clone();
        for (&c, &w) in &self.countries {
            *weights.entry(c).or_default() += NAMED_WEIGHT * w;
        }
        if let Some((_, c)) = dateline {
            // A bureau's dateline: nothing else names its country, something names
            // another.
            let bureau = !weights.contains_key(&c) && !weights.is_empty();
            let w = if bureau {
                BUREAU_WEIGHT
            } else {
                DATELINE_WEIGHT
            };
            *weights.entry(c).or_default() += w;
        }
        // Highest first; equal weights in code order, so the choice never depends on
        // the map's order.
        let mut ranked: Vec<(u16, f32)> = weights.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let &(best, w) = ranked.first()?;
        let second = ranked.get(1).map_or(0.0, |r| r.1);
        if w < MIN_EVIDENCE || w <= second {
            return None;
        }
        Some(match dateline {
            Some((d, c)) if c == best => Scene {
                place: d.place.place.clone(),
                basis: LocationBasis::Dateline,
            },
            _ => Scene {
                place: g.place(g.d.countries[best as usize].entry),
                basis: LocationBasis::Article,
            },
        })
    }
}

/// The gazetteer's index of the country with ISO code `iso2`.
fn country_index(iso2: &str) -> Option<u16> {
    Gazetteer::embedded().d.by_code.get(iso2).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(code: &str, relational: bool) -> PlaceMention {
        let place = Gazetteer::embedded().country(code).unwrap();
        PlaceMention {
            text: place.name.clone(),
            span: Default::default(),
            place,
            relational,
            why: String::new(),
        }
    }

    /// Begins and ends a record; returns where its dateline ends.
    fn read(ctx: &mut GeoContext, text: &str) -> Option<u32> {
        let end = ctx.begin_record(text);
        ctx.end_record();
        end
    }

    #[test]
    fn no_evidence_no_scene() {
        assert_eq!(GeoContext::default().scene(), None);
    }

    #[test]
    fn the_dateline_sets_the_scene() {
        let mut ctx = GeoContext::default();
        let text = "LUSAKA (Reuters) - Riot police fired tear gas.";
        assert_eq!(ctx.begin_record(text), Some(19));
        assert_eq!(ctx.begin_record(text), Some(19), "same record");
        ctx.add_actor("ZMBCOP");
        let s = ctx.scene().unwrap();
        assert_eq!(s.basis, LocationBasis::Dateline);
        assert_eq!(s.place.name, "Lusaka");
        // One place elsewhere does not outweigh it; the dateline's place stays the scene.
        ctx.add_located(&mention("ZA", false));
        assert_eq!(ctx.scene().unwrap().place.name, "Lusaka");
    }

    #[test]
    fn a_bureau_dateline_loses_to_the_places_named() {
        let mut ctx = GeoContext::default();
        read(
            &mut ctx,
            "NAIROBI (AP) — Fighting spread across the border.",
        );
        ctx.add_actor("KENGOV");
        for _ in 0..4 {
            ctx.add_located(&mention("SO", false));
        }
        let s = ctx.scene().unwrap();
        assert_eq!(s.basis, LocationBasis::Article);
        assert_eq!(s.place.country.as_deref(), Some("SO"));
        assert_eq!(s.place.kind, vigil_model::PlaceKind::Country);
    }

    #[test]
    fn a_dateline_nothing_else_confirms_is_a_bureaus() {
        let mut ctx = GeoContext::default();
        read(&mut ctx, "VIENNA (Reuters) - Police fired tear gas.");
        assert_eq!(ctx.scene().unwrap().basis, LocationBasis::Dateline);
        // The story's actors name another country and nothing names Austria: the
        // dateline weighs as one place named, still more than two actors' mentions…
        ctx.add_actor("SRBCOP");
        ctx.add_actor("SRBOPP");
        assert_eq!(ctx.scene().unwrap().basis, LocationBasis::Dateline);
        // …and less than a place named in their country with them.
        ctx.add_located(&mention("RS", false));
        assert_eq!(ctx.scene().unwrap().place.country.as_deref(), Some("RS"));
    }

    #[test]
    fn no_clear_lead_no_scene_and_relational_places_do_not_count() {
        let mut ctx = GeoContext::default();
        ctx.add_located(&mention("PE", false));
        ctx.add_located(&mention("BO", false));
        assert_eq!(ctx.scene(), None);
        ctx.add_located(&mention("CL", true));
        ctx.add_located(&mention("PE", false));
        assert_eq!(ctx.scene().unwrap().place.country.as_deref(), Some("PE"));
    }

    #[test]
    fn only_the_first_records_give_a_dateline() {
        let mut ctx = GeoContext::default();
        assert_eq!(read(&mut ctx, "Miners Strike Over Pay"), None);
        assert!(read(&mut ctx, "LIMA (Reuters) - Miners struck.").is_some());
        assert_eq!(read(&mut ctx, "QUITO (AP) — Another dateline."), None);
        assert_eq!(ctx.dateline().unwrap().place.place.name, "Lima");
        let mut late = GeoContext::default();
        for _ in 0..2 {
            read(&mut late, "Police fired tear gas.");
        }
        assert_eq!(read(&mut late, "LIMA (Reuters) - Miners struck."), None);
    }
}
