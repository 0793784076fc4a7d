use crate::Span;
use serde::{Deserialize, Serialize};

/// What kind of place a gazetteer entry is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// A sovereign country or territory with an ISO 3166 code.
    #[default]
    Country,
    /// A first-level administrative division (a state, province, oblast).
    Admin1,
    /// A populated place.
    City,
    /// A named region that is not an administrative unit (Crimea, Donbas, eastern Ukraine).
    Region,
    /// A sea, lake, river or strait.
    Water,
    /// A landmark or site (Camp David, a base, a crossing).
    Landmark,
}

impl PlaceKind {
    /// The lower-case name, as JSON writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Admin1 => "admin1",
            PlaceKind::City => "city",
            PlaceKind::Region => "region",
            PlaceKind::Water => "water",
            PlaceKind::Landmark => "landmark",
        }
    }
}

/// How an event's location was chosen (`location.basis`).
///
/// Stored and exported beside the place so a user can weigh it: a place the sentence
/// names is evidence about the event itself; the others are inferences from the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LocationBasis {
    /// A place named in the event's own sentence ("clashed with police in Tbilisi").
    Sentence,
    /// The article's dateline ("TBILISI (Reuters) -"), for an act the sentence does not place.
    Dateline,
    /// The country where the article's places say its events happen.
    Article,
    /// The actors' countries: a visit's host, the country attacked, police acting at home.
    Actor,
}

impl LocationBasis {
    /// Every basis, in the order of preference (a sentence's own place first).
    pub const ALL: [LocationBasis; 4] = [
        LocationBasis::Sentence,
        LocationBasis::Dateline,
        LocationBasis::Article,
        LocationBasis::Actor,
    ];

    /// The lower-case name, as JSON, CSV and the store write it.
    pub fn as_str(self) -> &'static str {
        match self {
            LocationBasis::Sentence => "sentence",
            LocationBasis::Dateline => "dateline",
            LocationBasis::Article => "article",
            LocationBasis::Actor => "actor",
        }
    }

    /// The basis named `s` (as [`LocationBasis::as_str`] writes it).
    pub fn parse(s: &str) -> Option<LocationBasis> {
        LocationBasis::ALL.into_iter().find(|b| b.as_str() == s)
    }
}

/// A geocoded place: a gazetteer entry, as an event's action location or a place mention.
///
/// The fields follow GDELT's ActionGeo columns: type, full name, country, first-level
/// division, coordinates and a feature id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// The gazetteer's name (`Kharkiv`, `Black Sea`).
    pub name: String,
    /// The full name, most specific first (`Kharkiv, Kharkivska Oblast, Ukraine`).
    pub full_name: String,
    /// What kind of place it is.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 country code; `None` for seas and regions spanning countries.
    pub country: Option<String>,
    /// First-level division as `CC.CODE` (GeoNames' admin1 code, `UA.07`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adm1: Option<String>,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// Stable feature id: `geonames:703448` for GeoNames entries, `vigil:crimea` for the
    /// project's curated places.
    pub feature_id: String,
    /// For an event's location: how it was chosen. `None` for place mentions (and for
    /// events stored before Vigil recorded it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<LocationBasis>,
}

impl Place {
    /// GDELT's ActionGeo_Type: 1 country, 2 US state, 3 US city or landmark, 4 world city
    /// or landmark, 5 world first-level division (regions and seas count as 5).
    pub fn gdelt_type(&self) -> u8 {
        let us = self.country.as_deref() == Some("US");
        match (self.kind, us) {
            (PlaceKind::Country, _) => 1,
            (PlaceKind::Admin1, true) => 2,
            (PlaceKind::City | PlaceKind::Landmark, true) => 3,
            (PlaceKind::City | PlaceKind::Landmark, false) => 4,
            _ => 5,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basis_names_round_trip() {
        for b in LocationBasis::ALL {
            assert_eq!(LocationBasis::parse(b.as_str()), Some(b));
            let json = serde_json::to_string(&b).unwrap();
            assert_eq!(json, format!("\"{}\"", b.as_str()));
        }
        assert_eq!(LocationBasis::parse("guess"), None);
    }
}

/// A place named in a sentence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    /// The words as written (`the Black Sea`, `eastern Ukraine`).
    pub text: String,
    /// Byte span in the record text.
    pub span: Span,
    /// The place they were resolved to.
    pub place: Place,
    /// True when the words locate something relative to the place without naming it as
    /// a location ("near Ukraine", "the Ukrainian border"): such a phrase can place an
    /// event but is not listed as a place mention.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub relational: bool,
    /// How the place was chosen among same-named places (`only candidate`, `article
    /// context: GE`, `population`, `qualified by Georgia`…).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why: String,
}
