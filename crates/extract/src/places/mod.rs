//! Place names, geocoded with an embedded gazetteer.
//!
//! The gazetteer (data/geo/, see its README) holds GeoNames countries, first-level
//! divisions and cities of 15,000 people or more (with Latin-script alternate names), plus
//! the project's curated seas, regions and landmarks. Place finding runs in two passes over
//! an article:
//!
//! 1. [`Gazetteer::scan`] finds candidate names in each sentence (longest match over
//!    capitalised words, accent-insensitive) and [`Gazetteer::observe`] adds what each says
//!    about the article's geography to a [`GeoContext`] (as does
//!    [`GeoContext::add_actor`] for every actor code the coder found);
//! 2. [`Gazetteer::resolve`] picks one place per match, by an explicit qualifier
//!    ("Paris, Texas"), else by prior plus article context.
//!
//! # What is (not) a place mention
//! - A name inside an actor range (`actors`) is the actor, not a place ("Russia said",
//!   "Moscow denied"), unless a locative preposition comes right before it (or before its
//!   "the"): in, into, inside, within, across, throughout, at, around, over, through, via
//!   ("toward X" is a direction, not a location). "from" and "to" are deliberately not locative here ("a delegation from
//!   Russia", "talks to Russia" name actors). Such matches resolve to `None` but still
//!   count as article context. Curated regions, seas and landmarks (`features.tsv`) are
//!   exempt: "the annexation of Crimea" names a place even though the actor dictionary
//!   lists Crimea; only a speech verb after one makes it an actor. So is a city right
//!   after a verb (tagged as one): "shelled Kharkiv" is where the shelling happened —
//!   but not a name that is only some place's alternate name ("Hamas", one of Hamm's),
//!   which inside an actor range is always the actor.
//! - Demonyms ("Russian") are context only, except in relational phrases. So are the
//!   country and demonym parts of a hyphenated word ("Russian-occupied"); before a border
//!   word each part gives a relational match ("the Russia-Ukraine border": RU and UA).
//! - Relational phrases locate something without naming it as the location: "near X",
//!   "outside X", "off X", "close to X", "(off) the coast of X", "border with X",
//!   "border of X", "X's border", "the X border" and "the Ukrainian border" (demonym +
//!   border/frontier/coast/waters). They resolve to the named place itself (for a demonym,
//!   the country) with `relational = true`.
//! - Directional regions ("eastern Ukraine", "northern Syria") are region mentions: a
//!   curated feature of that name when there is one, else a region in the country whose
//!   point is the country's point moved toward that side by 35% of the square root of
//!   the country's area (at most 800 km).
//! - Single-word names that are also common English words or personal names
//!   (data/geo/common-words.txt) are places only right after a locative preposition (the
//!   list above plus near, from, to, outside), mid-sentence and not followed by another
//!   capitalised word. A single-word city name right after a capitalised word that is
//!   not itself a place ("George Washington", "President Jackson"), or (below a million
//!   people) right before one that starts no gazetteer name ("Vladimir Putin"), is taken
//!   as part of a personal name. A single-word name of towns all under 50,000 people
//!   needs a preposition before it (the lists above, or "of") or a comma qualifier.
//!
//! # Choosing among same-named places
//! 1. Curated features win over GeoNames entries of the same name; "X region/province/
//!    oblast/governorate/state" selects first-level divisions; a bare name shared by a
//!    division and a city of the same country is the city ("Kharkiv", "New York").
//! 2. A qualifier after a comma ("Paris, Texas", "Kharkiv, Ukraine") keeps only the
//!    candidates inside it (`why`: `qualified by Texas`).
//! 3. Otherwise each candidate scores prior + context. Prior: country 3, curated feature
//!    3.5, division 1.5, city 0.6·(log10(population) − 3.5) clamped to [0, 2.1], −0.5 for a
//!    match on an alternate name only. Context: 0.5 per unit of country evidence (an
//!    unambiguous place in the article counts 1, an actor code 0.5, a neighbouring
//!    country's evidence a quarter), capped at 1.0, plus 1.0 per place in the same
//!    division, capped at 2.0. Equal scores go to the higher prior. `why` says `only candidate`, `prior` or
//!    `article context: GE` (when the context changed the choice).

mod data;
mod dateline;
mod fold;
mod scene;

pub use dateline::Dateline;
pub use scene::Scene;

use crate::time::lexicon::{MONTH_NAMES, WEEKDAY_NAMES};
use data::{Data, Entry, NO_COUNTRY, Source};
use fold::{fold, fold_name};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;
use vigil_model::{Place, PlaceKind, PlaceMention, Span, Token};

/// The embedded gazetteer and place finder.
#[derive(Debug)]
pub struct Gazetteer {
    d: Data,
}

/// What the article says about its own geography: evidence for countries and first-level
/// divisions, gathered in pass 1.
#[derive(Default, Clone, Debug)]
pub struct GeoContext {
    countries: FxHashMap<u16, f32>,
    admin1: FxHashMap<&'static str, f32>,
    /// Places named as places, per country: where the article's events happen (see
    /// [`scene`]).
    scene: FxHashMap<u16, f32>,
    /// The article's dateline, when its first records had one.
    dateline: Option<Dateline>,
    /// Records begun so far ([`GeoContext::begin_record`]).
    records: u32,
    /// A record is begun and not ended.
    open: bool,
    /// Where the open record's dateline ends, when it has the article's.
    record_dateline: Option<u32>,
}

impl GeoContext {
    /// An actor code seen in the article (first three letters = CAMEO country) is evidence
    /// for that country.
    pub fn add_actor(&mut self, cameo_code: &str) {
        let Some(code) = cameo_code.get(..3) else {
            return;
        };
        if let Some(&c) = Gazetteer::embedded().d.by_code.get(code) {
            *self.countries.entry(c).or_default() += 0.5;
        }
    }

    fn add_country(&mut self, c: u16, w: f32) {
        if c != NO_COUNTRY {
            *self.countries.entry(c).or_default() += w;
        }
    }

    /// Evidence for first-level division `adm1` (`ES.51`): places named in it, and the
    /// dateline when it is there.
    fn admin1_evidence(&self, adm1: &str) -> f32 {
        let named = self.admin1.get(adm1).copied().unwrap_or(0.0);
        let dateline = self
            .dateline
            .as_ref()
            .is_some_and(|d| d.place.place.adm1.as_deref() == Some(adm1));
        named + f32::from(u8::from(dateline))
    }

    /// Evidence for country `c`, its neighbours' counting a quarter.
    fn country_evidence(&self, g: &Data, c: u16) -> f32 {
        if c == NO_COUNTRY {
            return 0.0;
        }
        // The dateline says where the story is as much as a place named in it.
        let dateline = self
            .dateline
            .as_ref()
            .and_then(|d| g.by_code.get(d.place.place.country.as_deref()?))
            .is_some_and(|&d| d == c);
        let own = self.countries.get(&c).copied().unwrap_or(0.0) + f32::from(u8::from(dateline));
        let near: f32 = g.countries[c as usize]
            .neighbours
            .iter()
            .filter_map(|n| self.countries.get(n))
            .sum();
        own + 0.25 * near
    }
}

/// What kind of phrase a match is.
#[derive(Clone, Debug, PartialEq)]
enum MatchKind {
    /// A place name.
    Name,
    /// "eastern Ukraine": a direction (unit vector north, east) and a country.
    Direction {
        word: &'static str,
        dn: f32,
        de: f32,
        country: u16,
    },
    /// A demonym: context only, or relational with a border word.
    Demonym(u16),
    /// "the Kenyan capital", "Kenya's capital": the country's capital city.
    Capital(u16),
}

/// A candidate place phrase in a sentence (pass 1).
#[derive(Clone, Debug)]
pub struct PlaceMatch {
    /// Token range `[start, end)` in the sentence: the name, with its qualifier
    /// ("Paris, Texas") or relational words ("near Ukraine", "the Ukrainian border").
    pub tokens: (usize, usize),
    /// True for relational phrases ("near Ukraine", "the Ukrainian border").
    pub relational: bool,
    kind: MatchKind,
    /// Candidate entries and whether each matched on its own name.
    cands: Vec<(u32, bool)>,
    /// Candidates of the qualifier after a comma, when there is one.
    qualifier: Vec<u32>,
    qualifier_text: String,
    /// The name was followed by "region", "province", "oblast"...
    admin_suffix: bool,
    /// A country or city named as an actor: context only.
    actor: bool,
    /// The country of a "X-administered", "X-held" prefix, for a place that has none
    /// of its own ("Indian-administered Kashmir").
    /// With the first byte of the prefix word and the words from there to the name.
    held_by: Option<(u16, u32, String)>,
    span: Span,
    text: String,
    /// Byte length of a leading "the " in `text`/`span`, kept only for non-city places.
    the_len: u32,
    /// Named as where something is or happens: after a locative preposition ("in",
    /// "near"), a movement's "to" or "from", "the city of", or in apposition to a place
    /// noun ("the capital, Lusaka").
    locative: bool,
    /// Named as a noun's modifier, without a preposition ("the Tigray conflict", "a Tbilisi
    /// market"): about the place, but not saying where something happens.
    modifier: bool,
}

impl PlaceMatch {
    /// True when the match is evidence for the article's geography but names no place:
    /// a country or city named as an actor ("Russia said") or a bare demonym
    /// ("Russian"). [`Gazetteer::resolve`] returns `None` for it.
    pub fn context_only(&self) -> bool {
        self.actor || (matches!(self.kind, MatchKind::Demonym(_)) && !self.relational)
    }

    /// The words of the match as written (with a leading "the" when there is one).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// True when the words name where something is or happens: a locative or
    /// relational preposition before them ("in", "at", "near", "border with"), a
    /// movement's "to" or "from", "the city of", or an apposition to a place noun ("the
    /// capital, Lusaka").
    pub fn locative(&self) -> bool {
        self.locative || self.relational
    }

    /// True when the name only modifies a noun after it, with no preposition before it
    /// ("the Tigray conflict", "a Tbilisi market"): the place a story is about, but weak
    /// evidence of where an event in the sentence happens.
    pub fn modifier(&self) -> bool {
        self.modifier
    }

    /// The match's token range `[start, end)`.
    pub fn token_range(&self) -> (usize, usize) {
        self.tokens
    }

    /// The match's byte span in the record text.
    pub fn span(&self) -> Span {
        self.span
    }
}

/// Nouns whose "of" phrase names a place ("the city of X", "the region of X").
const PLACE_NOUNS: &[&str] = &[
    "CITY",
    "TOWN",
    "VILLAGE",
    "PORT",
    "PROVINCE",
    "STATE",
    "REGION",
    "CAPITAL",
    "DISTRICT",
    "GOVERNORATE",
    "COUNTY",
    "ISLAND",
    "ISLANDS",
    "AREA",
    "OUTSKIRTS",
    "SUBURBS",
    "CENTRE",
    "CENTER",
    "STREETS",
    "PART",
    "PARTS",
];

/// Verbs of movement whose "to" or "from" phrase is a place ("flew to Paris").
const MOTION_VERBS: &[&str] = &[
    "TRAVEL",
    "TRAVELS",
    "TRAVELED",
    "TRAVELLED",
    "TRAVELING",
    "TRAVELLING",
    "FLY",
    "FLIES",
    "FLEW",
    "FLOWN",
    "FLYING",
    "ARRIVE",
    "ARRIVES",
    "ARRIVED",
    "ARRIVING",
    "RETURN",
    "RETURNS",
    "RETURNED",
    "RETURNING",
    "HEAD",
    "HEADS",
    "HEADED",
    "HEADING",
    "MOVE",
    "MOVES",
    "MOVED",
    "MOVING",
    "FLEE",
    "FLEES",
    "FLED",
    "FLEEING",
    "WITHDRAW",
    "WITHDRAWS",
    "WITHDREW",
    "WITHDRAWN",
    "WITHDRAWING",
    "DEPORTED",
    "EVACUATED",
    "RELOCATED",
    "TRANSFERRED",
    "SAILED",
    "DROVE",
    "MARCHED",
    "RETREATED",
    "DEPLOYED",
    "SENT",
    "VISIT",
    "VISITS",
    "BACK",
    // Nouns of travel: "a trip to Baghdad".
    "TRIP",
    "TRIPS",
    "JOURNEY",
    "FLIGHT",
    "FLIGHTS",
    "TOUR",
    "DEPLOYMENT",
    "DEPLOYMENTS",
];

/// Locative prepositions that make a name inside an actor range a place.
const LOCATIVE: &[&str] = &[
    "IN",
    "INTO",
    "INSIDE",
    "WITHIN",
    "ACROSS",
    "THROUGHOUT",
    "AT",
    "AROUND",
    "OVER",
    "THROUGH",
    "VIA",
];
/// Prepositions that let a common-word name be a place.
const COMMON_OK: &[&str] = &["NEAR", "FROM", "TO", "OUTSIDE", "OFF"];
/// Words that make the following name relational.
const RELATIONAL_BEFORE: &[&str] = &["NEAR", "OUTSIDE", "OFF", "NEARBY"];
/// Verbs after a country or city name that make it a speaking actor ("Moscow said").
const SPEECH_VERBS: &[&str] = &[
    "SAID",
    "SAYS",
    "SAY",
    "WARNED",
    "WARNS",
    "DENIED",
    "DENIES",
    "ACCUSED",
    "ACCUSES",
    "ANNOUNCED",
    "ANNOUNCES",
    "URGED",
    "URGES",
    "REJECTED",
    "REJECTS",
    "INSISTED",
    "INSISTS",
    "CLAIMED",
    "CLAIMS",
    "CONDEMNED",
    "CONDEMNS",
    "DEMANDED",
    "DEMANDS",
    "THREATENED",
    "THREATENS",
    "AGREED",
    "AGREES",
    "REFUSED",
    "REFUSES",
    "RESPONDED",
    "RESPONDS",
    "VOWED",
    "VOWS",
    "INSISTED",
    "STRESSED",
    "STRESSES",
    "ARGUED",
    "ARGUES",
    "ACCEPTED",
    "ACCEPTS",
];
/// Words after a name or demonym that make the phrase relational.
const BORDER_WORDS: &[&str] = &[
    "BORDER",
    "BORDERS",
    "FRONTIER",
    "FRONTIERS",
    "COAST",
    "COASTLINE",
    "WATERS",
    "BORDERLANDS",
];
/// Words after a name that select a first-level division.
const ADMIN_WORDS: &[&str] = &[
    "REGION",
    "PROVINCE",
    "OBLAST",
    "GOVERNORATE",
    "STATE",
    "PREFECTURE",
    "DISTRICT",
    "COUNTY",
    "KRAI",
    "REPUBLIC",
];
/// A diagonal's component.
const D: f32 = std::f32::consts::FRAC_1_SQRT_2;
/// Direction adjectives: (word, north, east).
const DIRECTIONS: &[(&str, f32, f32)] = &[
    ("NORTHERN", 1.0, 0.0),
    ("SOUTHERN", -1.0, 0.0),
    ("EASTERN", 0.0, 1.0),
    ("WESTERN", 0.0, -1.0),
    ("CENTRAL", 0.0, 0.0),
    ("NORTHEASTERN", D, D),
    ("NORTH-EASTERN", D, D),
    ("NORTHWESTERN", D, -D),
    ("NORTH-WESTERN", D, -D),
    ("SOUTHEASTERN", -D, D),
    ("SOUTH-EASTERN", -D, D),
    ("SOUTHWESTERN", -D, -D),
    ("SOUTH-WESTERN", -D, -D),
];
/// Compass nouns and the direction adjective each stands for: "the east of Chad" and
/// "Chad's east" are "eastern Chad".
const COMPASS: &[(&str, &str)] = &[
    ("NORTH", "NORTHERN"),
    ("SOUTH", "SOUTHERN"),
    ("EAST", "EASTERN"),
    ("WEST", "WESTERN"),
    ("CENTRE", "CENTRAL"),
    ("CENTER", "CENTRAL"),
    ("NORTHEAST", "NORTHEASTERN"),
    ("NORTH-EAST", "NORTHEASTERN"),
    ("NORTHWEST", "NORTHWESTERN"),
    ("NORTH-WEST", "NORTHWESTERN"),
    ("SOUTHEAST", "SOUTHEASTERN"),
    ("SOUTH-EAST", "SOUTHEASTERN"),
    ("SOUTHWEST", "SOUTHWESTERN"),
    ("SOUTH-WEST", "SOUTHWESTERN"),
];
/// Verbs whose object is a place they act on ("raided Jenin", "entered Gao"): a town
/// right after one is a place even when small.
const SEIZE_VERBS: &[&str] = &[
    "RAIDED",
    "STORMED",
    "SHELLED",
    "BOMBED",
    "ENTERED",
    "CAPTURED",
    "SEIZED",
    "BESIEGED",
    "LIBERATED",
    "RETOOK",
    "RECAPTURED",
    "OCCUPIED",
    "INVADED",
    "STRUCK",
    "ATTACKED",
    "EVACUATED",
    "VISITED",
    "REACHED",
];
/// Capitalised words that do not make a following city name part of a personal name.
const FUNCTION_WORDS: &[&str] = &[
    "THE", "IN", "AT", "ON", "OF", "FROM", "TO", "NEAR", "AND", "OR", "BUT", "FOR", "WITH", "BY",
    "A", "AN", "AS", "IF", "WHEN", "WHILE", "AFTER", "BEFORE", "SINCE", "DURING", "ACROSS",
    "INSIDE", "OUTSIDE", "INTO", "OVER", "UNDER", "BETWEEN", "BOTH", "IN", "THIS", "THAT", "THESE",
    "THOSE", "WHERE", "VISITING", "LIKE", "UNTIL", "TOWARD", "TOWARDS", "AROUND", "THROUGH", "VIA",
    "WITHIN", "BEYOND", "AGAINST",
];

fn is_cap(t: &Token) -> bool {
    t.text.chars().next().is_some_and(|c| c.is_uppercase())
}

fn upper_in(t: &Token, list: &[&str]) -> bool {
    list.contains(&t.upper.as_str())
}

fn is_the(t: &Token) -> bool {
    t.upper == "THE"
}

/// True when a possessive "'s" follows within a few words of token `i`, with a word
/// after it that `noun` accepts ("Chad's east", "South Sudan's capital").
fn possessive_of(tokens: &[Token], i: usize, noun: impl Fn(&Token) -> bool) -> bool {
    (i + 1..tokens.len().min(i + 5))
        .any(|k| tokens[k].upper == "'S" && tokens.get(k + 1).is_some_and(&noun))
}

/// True when a locative preposition ("in", "near", "from"…) stands right before token
/// `i`, or before the "the" before it ("in eastern Chad", "in the north of Mali").
fn preposition_before(tokens: &[Token], i: usize) -> bool {
    let mut b = i;
    if b > 0 && is_the(&tokens[b - 1]) {
        b -= 1;
    }
    b > 0 && (upper_in(&tokens[b - 1], LOCATIVE) || upper_in(&tokens[b - 1], COMMON_OK))
}

/// True when the token at `i` is a lower-case common noun that a name before it would
/// modify ("the Tigray conflict"). Only tagged sentences say so.
fn modifies_noun(tokens: &[Token], i: usize) -> bool {
    tokens.get(i).is_some_and(|t| {
        t.pos == vigil_model::Pos::Noun && t.text.chars().next().is_some_and(char::is_lowercase)
    })
}

impl Gazetteer {
    /// Parsed once (std::sync::OnceLock) from data embedded with include_bytes!/include_str!.
    pub fn embedded() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer { d: Data::load() })
    }

    /// Longest gazetteer name starting at token `i`: (end, candidates).
    fn lookup(
        &self,
        tokens: &[Token],
        i: usize,
        buf: &mut String,
    ) -> Option<(usize, Vec<(u32, bool)>)> {
        let key = fold(&tokens[i].upper, buf);
        let head = self.d.heads[data::bucket(key)];
        let mut best = 0usize;
        let mut out: Vec<(u32, bool)> = Vec::new();
        let mut wbuf = String::new();
        let mut r = head;
        while r != u32::MAX {
            let rec = self.d.names[r as usize];
            r = rec.next;
            let words = rec.words as usize;
            if words < best || i + words > tokens.len() || rec.first != key {
                continue;
            }
            let ok = rec.rest.is_empty()
                || rec
                    .rest
                    .split(' ')
                    .zip(&tokens[i + 1..i + words])
                    .all(|(w, t)| fold(&t.upper, &mut wbuf) == w);
            if !ok {
                continue;
            }
            if words > best {
                best = words;
                out.clear();
            }
            if let Some(c) = out.iter_mut().find(|c| c.0 == rec.entry) {
                c.1 |= rec.primary;
            } else {
                out.push((rec.entry, rec.primary));
            }
        }
        (best > 0).then_some((i + best, out))
    }

    fn demonym(&self, tokens: &[Token], i: usize, buf: &mut String) -> Option<(usize, u16)> {
        // Two-word demonyms ("South Korean") are looked up only when the first word is
        // the first word of one, sparing a key built for every pair of capitals.
        if i + 1 < tokens.len()
            && is_cap(&tokens[i + 1])
            && self.d.demonym_firsts.contains(fold(&tokens[i].upper, buf))
        {
            let mut two = String::with_capacity(24);
            two.push_str(fold(&tokens[i].upper, buf));
            two.push(' ');
            two.push_str(fold(&tokens[i + 1].upper, buf));
            if let Some(&c) = self.d.demonyms.get(two.as_str()) {
                return Some((i + 2, c));
            }
        }
        let key = fold(&tokens[i].upper, buf);
        self.d.demonyms.get(key).map(|&c| (i + 1, c))
    }

    /// Pass 1, per sentence: candidate place names (cheap; no disambiguation yet).
    /// `actors`: token ranges [start,end) the actor dictionary recognised as actors in this sentence.
    pub fn scan(&self, text: &str, tokens: &[Token], actors: &[(usize, usize)]) -> Vec<PlaceMatch> {
        let mut out = Vec::new();
        let mut buf = String::new();
        let n = tokens.len();
        let mut i = 0;
        while i < n {
            let t = &tokens[i];
            let cap = is_cap(t);
            let next_cap = i + 1 < n && is_cap(&tokens[i + 1]);
            // "the east of Chad", "Chad's east": a direction region; "the Kenyan
            // capital", "Kenya's capital": a city.
            if let Some(m) = self
                .compass(text, tokens, i, &mut buf)
                .or_else(|| self.capital(text, tokens, i, &mut buf))
            {
                i = m.tokens.1;
                out.push(m);
                continue;
            }
            // "eastern Ukraine": a direction word before a country name.
            if next_cap
                && matches!(
                    t.upper.as_bytes().first(),
                    Some(b'N' | b'S' | b'E' | b'W' | b'C')
                )
                && let Some(&(word, dn, de)) = DIRECTIONS.iter().find(|d| d.0 == t.upper)
                && let Some(m) = self.direction(text, tokens, i, word, dn, de, &mut buf)
            {
                i = m.tokens.1;
                out.push(m);
                continue;
            }
            if !cap && (!is_the(t) || !next_cap) {
                i += 1;
                continue;
            }
            if let Some((end, cands)) = self.lookup(tokens, i, &mut buf)
                && let Some(m) = self.name_match(
                    text,
                    tokens,
                    actors,
                    i,
                    end,
                    cands,
                    out.last().map(|m: &PlaceMatch| m.tokens.1),
                    &mut buf,
                )
            {
                i = m.tokens.1;
                out.push(m);
                continue;
            }
            if cap && let Some((end, c)) = self.demonym(tokens, i, &mut buf) {
                out.push(self.demonym_match(text, tokens, i, end, c));
                i = end;
                continue;
            }
            // "Russian-occupied", "Russia-Ukraine border": each country or demonym part
            // of a hyphenated word is context, or relational before a border word.
            if cap && t.text.contains('-') {
                for part in t.upper.split('-') {
                    if let Some(c) = self.country_word(part, &mut buf) {
                        out.push(self.demonym_match(text, tokens, i, i + 1, c));
                    }
                }
            }
            i += 1;
        }
        out
    }

    /// The country a single word names or is the demonym of ("RUSSIA", "RUSSIAN").
    fn country_word(&self, word: &str, buf: &mut String) -> Option<u16> {
        let key = fold(word, buf);
        if key.is_empty() {
            return None;
        }
        if let Some(&c) = self.d.demonyms.get(key) {
            return Some(c);
        }
        let mut r = self.d.heads[data::bucket(key)];
        while r != u32::MAX {
            let rec = self.d.names[r as usize];
            r = rec.next;
            let e = self.entry(rec.entry);
            if rec.first == key && rec.rest.is_empty() && e.source == Source::Country {
                return Some(e.country);
            }
        }
        None
    }

    /// "the Kenyan capital" (at "the" or the demonym) or "Kenya's capital" (at the
    /// country): the capital city of the country.
    fn capital(
        &self,
        text: &str,
        tokens: &[Token],
        i: usize,
        buf: &mut String,
    ) -> Option<PlaceMatch> {
        let at = if is_the(&tokens[i]) { i + 1 } else { i };
        // Both shapes end in "capital" a few words on; without it there is nothing to look up.
        if !tokens.get(at).is_some_and(is_cap)
            || !tokens[at + 1..tokens.len().min(at + 6)]
                .iter()
                .any(|t| t.upper == "CAPITAL")
        {
            return None;
        }
        let (end, country) = if let Some((end, c)) = self.demonym(tokens, at, buf)
            && tokens.get(end).is_some_and(|t| t.upper == "CAPITAL")
        {
            (end + 1, c)
        } else {
            if at != i || !possessive_of(tokens, i, |t| t.upper == "CAPITAL") {
                return None;
            }
            let (end, cands) = self.lookup(tokens, at, buf)?;
            let &(c, _) = cands
                .iter()
                .find(|c| self.entry(c.0).source == Source::Country)?;
            if tokens.get(end).is_none_or(|t| t.upper != "'S")
                || tokens.get(end + 1).is_none_or(|t| t.upper != "CAPITAL")
            {
                return None;
            }
            (end + 2, self.entry(c).country)
        };
        self.capital_entry(country)?;
        let mut m = self.make(
            text,
            tokens,
            i,
            end,
            MatchKind::Capital(country),
            Vec::new(),
            false,
        );
        m.locative = preposition_before(tokens, i);
        Some(m)
    }

    /// The gazetteer entry of country `c`'s capital: the most populous city of the
    /// country with the capital's name.
    fn capital_entry(&self, c: u16) -> Option<u32> {
        let name = self.d.countries[c as usize].capital;
        let key = fold_name(name);
        let (first, rest) = key.split_once(' ').unwrap_or((key.as_str(), ""));
        let mut best: Option<u32> = None;
        let mut r = self.d.heads[data::bucket(first)];
        while r != u32::MAX {
            let rec = self.d.names[r as usize];
            r = rec.next;
            let e = self.entry(rec.entry);
            if rec.first == first
                && rec.rest == rest
                && e.source == Source::City
                && e.country == c
                && best.is_none_or(|b| self.entry(b).pop < e.pop)
            {
                best = Some(rec.entry);
            }
        }
        best
    }

    /// A direction region named with a compass noun: "the east of Chad" (at the noun, or
    /// at the "the" before it) or "Chad's east" (at the country).
    fn compass(
        &self,
        text: &str,
        tokens: &[Token],
        i: usize,
        buf: &mut String,
    ) -> Option<PlaceMatch> {
        let adjective = |t: &Token| {
            // Most words start with none of the compass letters: skip the table for them.
            if !matches!(
                t.upper.as_bytes().first(),
                Some(b'N' | b'S' | b'E' | b'W' | b'C')
            ) {
                return None;
            }
            let (_, adj) = COMPASS.iter().find(|c| c.0 == t.upper)?;
            DIRECTIONS.iter().find(|d| d.0 == *adj).copied()
        };
        let country_at = |j: usize, buf: &mut String| {
            let (end, cands) = self.lookup(tokens, j, buf)?;
            let &(c, _) = cands
                .iter()
                .find(|c| self.entry(c.0).source == Source::Country)?;
            Some((end, self.entry(c).country))
        };
        let noun = if is_the(&tokens[i]) { i + 1 } else { i };
        let (start, end, (word, dn, de), country) = if let Some(dir) =
            tokens.get(noun).and_then(adjective)
            && tokens.get(noun + 1).is_some_and(|t| t.upper == "OF")
        {
            let mut j = noun + 2;
            if tokens.get(j).is_some_and(is_the) {
                j += 1;
            }
            if j >= tokens.len() {
                return None;
            }
            let (end, country) = country_at(j, buf)?;
            (i, end, dir, country)
        } else {
            // Only a possessive soon after, followed by a compass noun, is worth a lookup.
            if !is_cap(&tokens[i]) || !possessive_of(tokens, i, |t| adjective(t).is_some()) {
                return None;
            }
            let (end, country) = country_at(i, buf)?;
            if tokens.get(end).is_none_or(|t| t.upper != "'S") {
                return None;
            }
            let dir = tokens.get(end + 1).and_then(adjective)?;
            (i, end + 2, dir, country)
        };
        let kind = MatchKind::Direction {
            word,
            dn,
            de,
            country,
        };
        let mut m = self.make(text, tokens, start, end, kind, Vec::new(), false);
        m.locative = preposition_before(tokens, start);
        Some(m)
    }

    #[allow(clippy::too_many_arguments)]
    fn direction(
        &self,
        text: &str,
        tokens: &[Token],
        i: usize,
        word: &'static str,
        dn: f32,
        de: f32,
        buf: &mut String,
    ) -> Option<PlaceMatch> {
        // A curated feature named with the direction ("eastern Ukraine") wins; another
        // name starting with the direction word ("Northern Ireland", "Western Sahara") is
        // left to the ordinary name rules.
        if let Some((end, cands)) = self.lookup(tokens, i, buf)
            && end > i + 1
        {
            if !cands
                .iter()
                .any(|c| self.entry(c.0).source == Source::Feature)
            {
                return None;
            }
            let cands = cands
                .into_iter()
                .filter(|c| self.entry(c.0).source == Source::Feature)
                .collect();
            let mut m = self.make(text, tokens, i, end, MatchKind::Name, cands, false);
            m.locative = preposition_before(tokens, i);
            m.modifier = !m.locative && modifies_noun(tokens, end);
            return Some(m);
        }
        let (end, cands) = self.lookup(tokens, i + 1, buf)?;
        let &(c, _) = cands
            .iter()
            .find(|c| self.entry(c.0).source == Source::Country)?;
        let country = self.entry(c).country;
        let kind = MatchKind::Direction {
            word,
            dn,
            de,
            country,
        };
        let mut m = self.make(text, tokens, i, end, kind, Vec::new(), false);
        m.locative = preposition_before(tokens, i);
        m.modifier = !m.locative && modifies_noun(tokens, end);
        Some(m)
    }

    fn entry(&self, e: u32) -> &Entry {
        &self.d.entries[e as usize]
    }

    #[allow(clippy::too_many_arguments)]
    fn make(
        &self,
        text: &str,
        tokens: &[Token],
        start: usize,
        end: usize,
        kind: MatchKind,
        cands: Vec<(u32, bool)>,
        relational: bool,
    ) -> PlaceMatch {
        let span = Span::new(
            tokens[start].span.start as usize,
            tokens[end - 1].span.end as usize,
        );
        PlaceMatch {
            tokens: (start, end),
            relational,
            kind,
            cands,
            qualifier: Vec::new(),
            qualifier_text: String::new(),
            admin_suffix: false,
            held_by: None,
            actor: false,
            span,
            text: text
                .get(span.start as usize..span.end as usize)
                .unwrap_or("")
                .to_owned(),
            the_len: 0,
            locative: false,
            modifier: false,
        }
    }

    fn demonym_match(
        &self,
        text: &str,
        tokens: &[Token],
        i: usize,
        end: usize,
        c: u16,
    ) -> PlaceMatch {
        let n = tokens.len();
        // "the Ukrainian border": relational.
        if end < n && upper_in(&tokens[end], BORDER_WORDS) {
            let start = if i > 0 && is_the(&tokens[i - 1]) {
                i - 1
            } else {
                i
            };
            return self.make(
                text,
                tokens,
                start,
                end + 1,
                MatchKind::Demonym(c),
                Vec::new(),
                true,
            );
        }
        self.make(
            text,
            tokens,
            i,
            end,
            MatchKind::Demonym(c),
            Vec::new(),
            false,
        )
    }

    /// Applies the not-a-place rules and the relational, qualifier and suffix patterns to
    /// a gazetteer name found at `[i, end)`.
    #[allow(clippy::too_many_arguments)]
    fn name_match(
        &self,
        text: &str,
        tokens: &[Token],
        actors: &[(usize, usize)],
        i: usize,
        end: usize,
        cands: Vec<(u32, bool)>,
        last_end: Option<usize>,
        buf: &mut String,
    ) -> Option<PlaceMatch> {
        let n = tokens.len();
        // A list of places ("Jerusalem, Tel Aviv and Ramallah"): the previous match ends
        // right before the "and" or comma before this name.
        let in_list = i >= 1 && last_end == Some(i - 1);
        let words = end - i;
        // The word before the name (skipping "the").
        let mut before = i;
        if before > 0 && is_the(&tokens[before - 1]) {
            before -= 1;
        }
        let prev = (before > 0).then(|| &tokens[before - 1]);
        // "in central Tbilisi": a direction word may stand between a preposition and the
        // name without changing what the preposition says.
        let mut lb = before;
        if lb > 0 && DIRECTIONS.iter().any(|d| d.0 == tokens[lb - 1].upper) {
            lb -= 1;
            if lb > 0 && is_the(&tokens[lb - 1]) {
                lb -= 1;
            }
        }
        let lprev = (lb > 0).then(|| &tokens[lb - 1]);
        // "in the capital, Lusaka", "the Zambian capital Lusaka": a name in
        // apposition to a place noun is that place.
        let appositive = {
            let j = if before > 0 && tokens[before - 1].text == "," {
                before - 1
            } else {
                before
            };
            j > 0
                && matches!(
                    tokens[j - 1].upper.as_str(),
                    "CAPITAL" | "CITY" | "TOWN" | "VILLAGE" | "PORT"
                )
        };
        // "the city of Kharkiv": the name is the place the noun before "of" names.
        let of_place = prev.is_some_and(|p| p.upper == "OF")
            && before >= 2
            && upper_in(&tokens[before - 2], PLACE_NOUNS);
        // "travel to Paris", "withdrew from Niger": a destination or origin of movement.
        // "pull out of Mali", "driven out of Gaza": where the movement leaves from.
        let moved = (prev.is_some_and(|p| matches!(p.upper.as_str(), "TO" | "FROM"))
            && before >= 2
            && upper_in(&tokens[before - 2], MOTION_VERBS))
            || (prev.is_some_and(|p| p.upper == "OF")
                && before >= 2
                && tokens[before - 2].upper == "OUT");
        // "in Burkina Faso, Mali and Niger": later members of a list after a locative
        // preposition are places too.
        let listed = {
            let mut j = before;
            while j > 0
                && (is_cap(&tokens[j - 1])
                    || matches!(tokens[j - 1].upper.as_str(), "," | "AND" | "OR" | "THE"))
            {
                j -= 1;
            }
            j < before && j > 0 && upper_in(&tokens[j - 1], LOCATIVE)
        };
        let locative = lprev.is_some_and(|p| upper_in(p, LOCATIVE) || upper_in(p, SEIZE_VERBS))
            || of_place
            || moved
            || listed
            || appositive;
        // "the US state of Georgia", "the southern Gaza city of Rafah": a name before a
        // place noun and "of" only says which country or area the named place is in.
        if end + 1 < n && upper_in(&tokens[end], PLACE_NOUNS) && tokens[end + 1].upper == "OF" {
            return None;
        }
        let sentence_start = i == 0 || (i == 1 && tokens[0].is_punct());
        let has = |s: Source| cands.iter().any(|c| self.entry(c.0).source == s);
        let strong = has(Source::Country) || has(Source::Feature);

        // A name matched only as another place's alternate name (translations such as
        // "White House" for Casablanca, given names such as "Volodymyr"): stricter.
        if !strong && cands.iter().all(|c| !c.1) {
            let next_cap = end < n && is_cap(&tokens[end]);
            let key = tokens[i..end]
                .iter()
                .map(|t| t.upper.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            // An actor the dictionary knows by the name ("Hamas", an alternate name of
            // Hamm) is that actor wherever it stands.
            let actor = actors.iter().any(|&(a, b)| a < end && i < b);
            if sentence_start
                || next_cap
                || actor
                || (words > 1 && self.d.common.contains(fold_name(&key).as_str()))
            {
                return None;
            }
        }
        // "in the South of the country": a part of a country, not a division named North.
        if words == 1
            && COMPASS.iter().any(|c| c.0 == tokens[i].upper)
            && tokens.get(end).is_some_and(|t| t.upper == "OF")
        {
            return None;
        }
        // Month and weekday names are times ("in March"), even where a town bears one.
        if words == 1
            && !strong
            && (upper_in(&tokens[i], &MONTH_NAMES) || upper_in(&tokens[i], &WEEKDAY_NAMES))
        {
            return None;
        }
        if words == 1 && !strong {
            let key = fold(&tokens[i].upper, buf);
            let common = self.d.common.contains(key)
                || (tokens[i].upper.len() <= 2 && !tokens[i].text.ends_with('.'));
            if common {
                let prep_ok = locative || of_place || prev.is_some_and(|p| upper_in(p, COMMON_OK));
                let next_cap = end < n && is_cap(&tokens[end]);
                if sentence_start || !prep_ok || next_cap {
                    return None;
                }
            }
            let city_countries: Vec<u16> = cands
                .iter()
                .map(|c| self.entry(c.0))
                .filter(|e| e.source == Source::City)
                .map(|e| e.country)
                .collect();
            // Only cities (or divisions named after their city, "Vladimir Oblast").
            let city_only = cands.iter().all(|c| {
                let e = self.entry(c.0);
                e.source == Source::City
                    || (e.source == Source::Admin1 && city_countries.contains(&e.country))
            });
            let max_pop = cands
                .iter()
                .map(|c| self.entry(c.0))
                .filter(|e| e.source == Source::City)
                .map(|e| e.pop)
                .max()
                .unwrap_or(0);
            let next = tokens.get(end);
            let qualified =
                next.is_some_and(|t| t.text == ",") && tokens.get(end + 1).is_some_and(is_cap);
            // A town under 50,000 people needs a preposition (or a qualifier) to be taken
            // for a place: such names are often surnames or words ("Bush").
            if city_only
                && max_pop < 50_000
                && !qualified
                && !prev.is_some_and(|p| {
                    upper_in(p, LOCATIVE)
                        || upper_in(p, COMMON_OK)
                        || upper_in(p, SEIZE_VERBS)
                        || p.upper == "OF"
                })
                && !(in_list
                    && prev.is_some_and(|p| matches!(p.upper.as_str(), "AND" | "OR" | ",")))
            {
                return None;
            }
            // "Vladimir Putin": a city name before a capitalised word that is not a place
            // or division word is part of a name.
            if city_only
                && max_pop < 1_000_000
                && let Some(t) = next
                && is_cap(t)
                && t.text.chars().all(char::is_alphabetic)
                && !upper_in(t, ADMIN_WORDS)
                && t.upper != "CITY"
                && self.lookup(tokens, end, buf).is_none()
            {
                return None;
            }
            // "George Washington", "President Jackson": part of a personal name.
            let big = cands.iter().any(|c| {
                let e = self.entry(c.0);
                match e.source {
                    Source::City => e.pop >= 1_000_000,
                    Source::Admin1 => !city_countries.contains(&e.country),
                    _ => true,
                }
            });
            if !big
                && let Some(p) = prev
                && before == i
                && is_cap(p)
                && p.text.chars().all(|c| c.is_alphabetic() || c == '.')
                && !upper_in(p, FUNCTION_WORDS)
                && !self.d.demonyms.contains_key(fold(&p.upper, buf))
                && (before >= 2 || cands.iter().all(|c| self.entry(c.0).pop < 100_000))
            {
                return None;
            }
        }

        // Relational patterns.
        let mut start = i;
        let mut stop = end;
        let mut relational = false;
        if let Some(p) = prev {
            if upper_in(p, RELATIONAL_BEFORE) {
                relational = true;
                start = before - 1;
            } else if before >= 2 {
                let pp = &tokens[before - 2];
                let pair = (pp.upper.as_str(), p.upper.as_str());
                if matches!(
                    pair,
                    ("CLOSE", "TO")
                        | ("BORDER", "WITH")
                        | ("BORDERS", "WITH")
                        | ("FRONTIER", "WITH")
                        | ("BORDER", "OF")
                        | ("COAST", "OF")
                        | ("BORDERING", _)
                ) || pp.upper == "BORDERING"
                {
                    relational = true;
                    start = before - 2;
                    // "off the coast of X".
                    if pair.0 == "COAST" && start >= 2 && is_the(&tokens[start - 1]) {
                        start -= 1;
                        if start >= 1 && tokens[start - 1].upper == "OFF" {
                            start -= 1;
                        }
                    }
                } else if p.upper == "BORDERING" {
                    relational = true;
                    start = before - 1;
                }
            }
        }
        {
            // "Ukraine's border", "the Ukraine border".
            if end + 1 < n && tokens[end].upper == "'S" && upper_in(&tokens[end + 1], BORDER_WORDS)
            {
                relational = true;
                stop = end + 2;
            } else if end < n && upper_in(&tokens[end], BORDER_WORDS) {
                relational = true;
                stop = end + 1;
                if start == i && start > 0 && is_the(&tokens[start - 1]) {
                    start -= 1;
                }
            }
        }

        let has_admin1 = has(Source::Admin1);
        let strong_feature = has(Source::Feature);
        let acted_on = !has(Source::Country)
            && has(Source::City)
            && start > 0
            && tokens[start - 1].pos.is_verb();
        let mut m = self.make(
            text,
            tokens,
            start,
            stop,
            MatchKind::Name,
            cands,
            relational,
        );

        // "the state of Georgia", "the province of Idlib": the division, not a city or
        // country of the name.
        if of_place
            && matches!(
                tokens[before - 2].upper.as_str(),
                "STATE" | "PROVINCE" | "REGION" | "GOVERNORATE" | "COUNTY"
            )
        {
            m.admin_suffix = true;
        }
        // "Indian-administered Kashmir": the prefix gives a disputed place its country.
        if start == i
            && i > 0
            && let Some((part, how)) = tokens[i - 1].upper.rsplit_once('-')
            && matches!(
                how,
                "ADMINISTERED" | "CONTROLLED" | "HELD" | "OCCUPIED" | "ANNEXED"
            )
            && let Some(c) = self.country_word(part, buf)
        {
            let from = tokens[i - 1].span.start;
            let lead = text
                .get(from as usize..m.span.start as usize)
                .unwrap_or_default();
            m.held_by = Some((c, from, lead.to_owned()));
        }
        // Actor ranges: "Russia said" names an actor. A curated region, sea or landmark
        // the actor dictionary also lists ("annexation of Crimea") is still a place: it is
        // named as an actor only with a speech verb after it (below).
        // A city right after a verb is the object of the act, and where it happens
        // ("shelled Kharkiv"), even when the actor dictionary names the city's country
        // by it: tags say so when the sentence was tagged.
        if !relational
            && !locative
            && !strong_feature
            && !acted_on
            && actors.iter().any(|&(a, b)| a < end && i < b)
        {
            m.actor = true;
        }
        // "Moscow denied", "Kyiv says": a country or city as the speaker is an actor,
        // whether or not the actor dictionary knew the name.
        if !relational
            && !locative
            && !strong_feature
            && tokens.get(end).is_some_and(|t| upper_in(t, SPEECH_VERBS))
        {
            m.actor = true;
        }

        if !relational {
            // "Kharkiv region", "Idlib province".
            if end < n && upper_in(&tokens[end], ADMIN_WORDS) && has_admin1 {
                m.admin_suffix = true;
                stop = end + 1;
            } else if end + 1 < n && tokens[end].text == "," && is_cap(&tokens[end + 1]) {
                // "Paris, Texas": a qualifier, when one of the name's candidates is in it.
                if let Some((qend, qc)) = self.lookup(tokens, end + 1, buf) {
                    let quals: Vec<u32> = qc
                        .iter()
                        .map(|c| c.0)
                        .filter(|&q| {
                            let qe = self.entry(q);
                            matches!(qe.source, Source::Country | Source::Admin1)
                                && m.cands.iter().any(|c| self.inside(c.0, q))
                        })
                        .collect();
                    if !quals.is_empty() {
                        m.qualifier = quals;
                        m.qualifier_text = tokens[end + 1..qend]
                            .iter()
                            .map(|t| t.text.as_str())
                            .collect::<Vec<_>>()
                            .join(" ");
                        stop = qend;
                    }
                }
            }
            if stop != m.tokens.1 {
                m.tokens.1 = stop;
                m.span.end = tokens[stop - 1].span.end;
                m.text = text
                    .get(m.span.start as usize..m.span.end as usize)
                    .unwrap_or("")
                    .to_owned();
            }
            // A leading "the" belongs to the mention of a sea or region ("the Black Sea").
            // (It is kept in `text` and `span` and dropped for cities when resolved.)
            if start == i && before < i {
                let s = tokens[before].span.start;
                if let Some(t) = text.get(s as usize..m.span.end as usize) {
                    m.the_len = m.span.start - s;
                    m.span.start = s;
                    m.text = t.to_owned();
                }
            }
        }
        m.locative = locative;
        m.modifier = !locative && !relational && modifies_noun(tokens, m.tokens.1);
        Some(m)
    }

    /// True when entry `e` lies inside place `q` (a country or division), or is `q`.
    fn inside(&self, e: u32, q: u32) -> bool {
        let (a, b) = (self.entry(e), self.entry(q));
        e != q
            && match b.source {
                Source::Country => a.country == b.country,
                Source::Admin1 => {
                    !a.adm1.is_empty() && a.adm1 == b.adm1 && a.source != Source::Admin1
                }
                _ => false,
            }
    }

    /// Adds what a match says about the article's geography (e.g. unambiguous countries) to ctx.
    pub fn observe(&self, m: &PlaceMatch, ctx: &mut GeoContext) {
        match &m.kind {
            MatchKind::Demonym(c) | MatchKind::Capital(c) => ctx.add_country(*c, 1.0),
            MatchKind::Direction { country, .. } => ctx.add_country(*country, 1.0),
            MatchKind::Name => {
                let cands = self.filtered(m);
                let Some(&(first, _)) = cands.first() else {
                    return;
                };
                let e0 = self.entry(first);
                if cands.iter().all(|c| self.entry(c.0).country == e0.country) {
                    ctx.add_country(e0.country, 1.0);
                    if !e0.adm1.is_empty() && cands.iter().all(|c| self.entry(c.0).adm1 == e0.adm1)
                    {
                        *ctx.admin1.entry(e0.adm1).or_default() += 1.0;
                    }
                }
            }
        }
    }

    /// The candidates left after the deterministic rules (curated first, qualifier,
    /// division suffix, city over same-country division).
    fn filtered(&self, m: &PlaceMatch) -> Vec<(u32, bool)> {
        let mut c = m.cands.clone();
        let src = |e: &(u32, bool)| self.entry(e.0).source;
        if c.iter().any(|e| src(e) == Source::Feature) {
            c.retain(|e| src(e) == Source::Feature);
        }
        if !m.qualifier.is_empty() {
            c.retain(|e| m.qualifier.iter().any(|&q| self.inside(e.0, q)));
        }
        if m.admin_suffix {
            if c.iter().any(|e| src(e) == Source::Admin1) {
                c.retain(|e| src(e) == Source::Admin1);
            }
        } else {
            let cities: Vec<u16> = c
                .iter()
                .filter(|e| src(e) == Source::City && e.1)
                .map(|e| self.entry(e.0).country)
                .collect();
            c.retain(|e| !(src(e) == Source::Admin1 && cities.contains(&self.entry(e.0).country)));
        }
        c
    }

    fn prior(&self, cand: (u32, bool)) -> f32 {
        let e = self.entry(cand.0);
        let p = match e.source {
            Source::Country => 3.0,
            Source::Feature => 3.5,
            Source::Admin1 => 1.5,
            Source::City => (0.6 * ((e.pop.max(1) as f32).log10() - 3.5)).clamp(0.0, 2.1),
        };
        if cand.1 { p } else { p - 0.5 }
    }

    /// Pass 2: chooses the place for a match given the article context.
    pub fn resolve(&self, m: &PlaceMatch, ctx: &GeoContext) -> Option<PlaceMention> {
        if m.actor {
            return None;
        }
        let (place, why) = match &m.kind {
            MatchKind::Demonym(c) => {
                if !m.relational {
                    return None;
                }
                (
                    self.place(self.d.countries[*c as usize].entry),
                    "demonym".to_owned(),
                )
            }
            MatchKind::Direction {
                word,
                dn,
                de,
                country,
            } => (
                self.direction_place(word, *dn, *de, *country),
                "direction".to_owned(),
            ),
            MatchKind::Capital(c) => (self.place(self.capital_entry(*c)?), "capital".to_owned()),
            MatchKind::Name => {
                let cands = self.filtered(m);
                if cands.is_empty() {
                    return None;
                }
                let (best, why) = if cands.len() == 1 {
                    let why = if m.qualifier.is_empty() {
                        "only candidate".to_owned()
                    } else {
                        format!("qualified by {}", m.qualifier_text)
                    };
                    (cands[0].0, why)
                } else {
                    self.choose(&cands, ctx, m)
                };
                (self.place(best), why)
            }
        };
        let mut place = place;
        let mut span = m.span;
        let mut text = m.text.clone();
        if let (Some((c, start, lead)), None) = (&m.held_by, &place.country) {
            let country = self.place(self.d.countries[*c as usize].entry);
            place.full_name = format!("{}, {}", place.name, country.name);
            place.country = country.country;
            // The mention includes the prefix that placed it.
            text = format!("{lead}{text}");
            span.start = *start;
        }
        if m.the_len > 0 && matches!(place.kind, PlaceKind::City | PlaceKind::Admin1) {
            span.start += m.the_len;
            text = text.get(m.the_len as usize..).unwrap_or("").to_owned();
        }
        Some(PlaceMention {
            text,
            span,
            place,
            relational: m.relational,
            why,
        })
    }

    fn choose(&self, cands: &[(u32, bool)], ctx: &GeoContext, m: &PlaceMatch) -> (u32, String) {
        let mut best_prior = (f32::MIN, 0u32);
        // (score, prior, entry): equal scores go to the higher prior.
        let mut best = (f32::MIN, f32::MIN, 0u32);
        for &c in cands {
            let e = self.entry(c.0);
            let prior = self.prior(c);
            let cty = 0.5 * ctx.country_evidence(&self.d, e.country).min(2.0);
            let adm = if e.adm1.is_empty() {
                0.0
            } else {
                ctx.admin1_evidence(e.adm1).min(2.0)
            };
            let score = prior + cty + adm;
            if prior > best_prior.0 {
                best_prior = (prior, c.0);
            }
            if score > best.0 || (score == best.0 && prior > best.1) {
                best = (score, prior, c.0);
            }
        }
        let why = if !m.qualifier.is_empty() {
            format!("qualified by {}", m.qualifier_text)
        } else if best.2 != best_prior.1 {
            let e = self.entry(best.2);
            let code = if !e.adm1.is_empty() && ctx.admin1_evidence(e.adm1) > 0.0 {
                e.adm1.to_owned()
            } else if e.country != NO_COUNTRY {
                self.d.countries[e.country as usize].iso2.to_owned()
            } else {
                String::new()
            };
            format!("article context: {code}")
        } else {
            let e = self.entry(best.2);
            match e.source {
                Source::Country => "prior: country".to_owned(),
                Source::Admin1 => "prior: first-level division".to_owned(),
                Source::Feature => "prior: curated feature".to_owned(),
                Source::City => "prior: population".to_owned(),
            }
        };
        (best.2, why)
    }

    fn direction_place(&self, word: &str, dn: f32, de: f32, country: u16) -> Place {
        let c = &self.d.countries[country as usize];
        let base = self.place(c.entry);
        let km = (0.35 * c.area.max(1.0).sqrt()).min(800.0) as f64;
        let lat = base.lat + dn as f64 * km / 111.0;
        let lon = base.lon + de as f64 * km / (111.0 * base.lat.to_radians().cos().max(0.2));
        let dir = word.to_ascii_lowercase();
        let name = format!("{dir} {}", base.name);
        Place {
            full_name: format!("{name}, {}", base.name),
            name,
            kind: PlaceKind::Region,
            country: base.country,
            adm1: None,
            lat: (lat * 1e4).round() / 1e4,
            lon: (lon * 1e4).round() / 1e4,
            feature_id: format!(
                "vigil:{}-{}",
                c.iso2.to_ascii_lowercase(),
                dir.trim_end_matches("ern")
            ),
            basis: None,
        }
    }

    fn place(&self, e: u32) -> Place {
        let x = self.entry(e);
        let country = (x.country != NO_COUNTRY).then(|| &self.d.countries[x.country as usize]);
        let cname = country.map(|c| self.entry(c.entry).name);
        let adm1_name = (!x.adm1.is_empty() && x.source == Source::City)
            .then(|| self.d.admin1.get(x.adm1).map(|&a| self.entry(a).name))
            .flatten();
        let mut full = String::from(x.name);
        for part in [adm1_name, cname].into_iter().flatten() {
            if x.source != Source::Country {
                full.push_str(", ");
                full.push_str(part);
            }
        }
        let feature_id = if !x.vigil_id.is_empty() {
            x.vigil_id.to_owned()
        } else if x.gid != 0 {
            format!("geonames:{}", x.gid)
        } else {
            format!("geonames-adm1:{}", x.adm1)
        };
        Place {
            name: x.name.to_owned(),
            full_name: full,
            kind: x.kind,
            country: country.map(|c| c.iso2.to_owned()),
            adm1: (!x.adm1.is_empty()).then(|| x.adm1.to_owned()),
            lat: (x.lat as f64 * 1e4).round() / 1e4,
            lon: (x.lon as f64 * 1e4).round() / 1e4,
            feature_id,
            basis: None,
        }
    }

    /// The country entry for an ISO alpha-2, alpha-3, or CAMEO three-letter country code
    /// (CAMEO mostly = ISO3; ROM, KSV, MTN, TMP, IMY differ, and WSB/GZS map to PS, BAG to IQ).
    pub fn country(&self, code: &str) -> Option<Place> {
        let up = code.trim().to_ascii_uppercase();
        let &c = self.d.by_code.get(up.as_str())?;
        Some(self.place(self.d.countries[c as usize].entry))
    }
}

#[cfg(test)]
mod tests;
