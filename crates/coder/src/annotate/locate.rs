//! Where each event happened (GDELT's ActionGeo), and how that is known
//! (`location.basis`).
//!
//! In order of preference:
//! 1. `sentence`: a place the sentence names in the verb's clause (no comma, coordinator,
//!    subordinator or participle after a noun between them: in "…killed four, an
//!    official said in a statement issued in Vienna", Vienna is where the saying
//!    happened, not the deaths), as a place rather than a noun's modifier ("the Tigray
//!    conflict"); a locative one ("in", "near", "raided", "to" after a verb of movement)
//!    before a bare one, then the nearest to the verb.
//! 2. From the actors and the article:
//!    - a visit happens at its host's (`actor`: the target of 042, the source of 043);
//!    - an attack on another state's actors happens on their territory (`actor`: 18–20
//!      with source and target of different countries, "Eritrean troops shelled Ethiopian positions");
//!    - any other act done on the ground (material cooperation and conflict: aid,
//!      releases, protests, shows of force, arrests, fighting; and meetings, which have a
//!      venue) happens where the article's events happen, its scene (`dateline` when
//!      that is the dateline's country, else `article`; see
//!      `vigil_extract::places::scene`);
//!    - a statement or decision is made at the scene when its speaker is of the scene's
//!      country (a government speaking at home) or is not named ("witnesses said"), and
//!      at the dateline when its speaker is of the dateline's country; a foreign
//!      speaker's words are not placed from outside their sentence.
//! 3. `sentence`: any other place the sentence names, nearest first (another clause's),
//!    except, for anything but a statement, where someone spoke ("…, a official said in
//!    Vienna"): such a place does not count for the article's scene either.
//! 4. `actor`, for acts on the ground with nothing else to go on: attacks and aid happen
//!    on the target's territory, the rest (protests, arrests, shows of force) at the
//!    source's.
//!
//! A border ("near the border with Chad", "the Chadian border", "near Ukraine") says where
//! the event is not: the country named is never the event's place by any basis, which
//! lets the scene or the actors give the side the event is on. A place relative to a city
//! ("near Kharkiv") is in that city's country.
//!
//! An actor's country that the coder took from a neighbouring actor ("militants" after
//! "Malian troops", noted in its entries as `country from context`) is no evidence of
//! where an act happened; for a statement it still says whose words they are ("the
//! ministry said" after "Kenya's government").

use vigil_extract::places::{Dateline, Gazetteer, Scene};
use vigil_model::{ActorRef, Event, LocationBasis, Place, PlaceKind, PlaceMention, Span};

/// A place the sentence names, with what the words around it say.
#[derive(Clone, Debug)]
pub(crate) struct Named {
    pub mention: PlaceMention,
    /// After a locative preposition, a movement's "to", or in apposition to a place noun.
    pub locative: bool,
    /// Only a noun's modifier ("the Tigray conflict").
    pub modifier: bool,
    /// Where a public statement (CAMEO root 01) was made: "an official said in Vienna".
    pub spoken: bool,
}

impl Named {
    /// True for a border or a country named relationally ("near Ukraine"): the event is
    /// on the other side.
    fn border(&self) -> bool {
        self.mention.relational && self.mention.place.kind == PlaceKind::Country
    }
}

/// A sentence's places and clause boundaries.
pub(crate) struct Sentence<'a> {
    pub places: &'a [Named],
    /// Start bytes of the tokens that open another clause (see `super::boundary`).
    pub boundaries: &'a [u32],
    /// Places before this byte are the record's dateline, not the sentence's.
    pub after: u32,
}

/// What the article says about where its events happen.
pub(crate) struct Article<'a> {
    pub scene: Option<&'a Scene>,
    pub dateline: Option<&'a Dateline>,
}

/// How an act relates to a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Act {
    /// A visit: at the host's (042: the target visited; 043: the source hosts).
    Visit { host_is_target: bool },
    /// Done on the ground; `target_first` when it happens on the target's territory.
    Ground { target_first: bool },
    /// Said or decided: where the speaker is.
    Statement,
}

fn act(code: &str) -> Act {
    if code.starts_with("042") {
        return Act::Visit {
            host_is_target: true,
        };
    }
    if code.starts_with("043") {
        return Act::Visit {
            host_is_target: false,
        };
    }
    match code.get(..2).unwrap_or("") {
        // Meetings and mediation have a venue.
        "04" if ["044", "045", "046"].iter().any(|c| code.starts_with(c)) => Act::Ground {
            target_first: false,
        },
        // Aid is delivered, and attacks happen, where the target is.
        "06" | "07" | "18" | "19" | "20" => Act::Ground { target_first: true },
        "08" | "14" | "15" | "17" => Act::Ground {
            target_first: false,
        },
        _ => Act::Statement,
    }
}

/// Places `ev`: sets its location (with the basis) and the words that placed it.
pub(crate) fn locate(ev: &mut Event, s: &Sentence, a: &Article) {
    ev.location = None;
    ev.provenance.location_text = None;
    let verb = ev.provenance.verb_span;
    let excluded: Vec<&str> = s
        .places
        .iter()
        .filter(|n| n.border())
        .filter_map(|n| n.mention.place.country.as_deref())
        .collect();
    let allowed = |p: &Place| p.country.as_deref().is_none_or(|c| !excluded.contains(&c));
    let mut named: Vec<(&Named, bool)> = s
        .places
        .iter()
        .filter(|n| !n.border() && !n.modifier && n.mention.span.start >= s.after)
        .filter(|n| allowed(&n.mention.place))
        .map(|n| (n, same_clause(s.boundaries, verb, n.mention.span)))
        .collect();
    named.sort_by_key(|&(n, same)| (!same, !n.locative, distance(n.mention.span, verb)));
    // 1. The verb's clause names the place.
    if let Some((n, _)) = named.first().filter(|(_, same)| *same) {
        return set(
            ev,
            n.mention.place.clone(),
            LocationBasis::Sentence,
            Some(&n.mention.text),
        );
    }
    // 2. What the actors or the article say.
    let kind = act(&ev.code);
    let found = match kind {
        Act::Visit { host_is_target } => {
            let host = if host_is_target {
                &ev.provenance.target
            } else {
                &ev.provenance.source
            };
            actor_place(host)
                .filter(|p| allowed(p))
                .map(|p| (p, LocationBasis::Actor, Some(host.text.as_str())))
                .or_else(|| scene(a, &allowed))
        }
        Act::Ground { .. } => attacked(ev)
            .filter(|(p, _)| allowed(p))
            .map(|(p, text)| (p, LocationBasis::Actor, Some(text)))
            .or_else(|| scene(a, &allowed)),
        Act::Statement => statement(ev, a, &allowed),
    };
    if let Some((p, basis, text)) = found {
        let text = text.map(str::to_owned);
        return set(ev, p, basis, text.as_deref());
    }
    // 3. Any place the sentence names (where someone spoke only for what they said).
    if let Some((n, _)) = named
        .iter()
        .find(|(n, _)| !n.spoken || kind == Act::Statement)
    {
        return set(
            ev,
            n.mention.place.clone(),
            LocationBasis::Sentence,
            Some(&n.mention.text),
        );
    }
    // 4. The actors, for an act on the ground.
    if let Act::Ground { target_first } = kind {
        let (first, second) = if target_first {
            (&ev.provenance.target, &ev.provenance.source)
        } else {
            (&ev.provenance.source, &ev.provenance.target)
        };
        let found = [first, second].into_iter().find_map(|r| {
            actor_place(r)
                .filter(|p| allowed(p))
                .map(|p| (p, r.text.clone()))
        });
        if let Some((p, text)) = found {
            set(ev, p, LocationBasis::Actor, Some(&text));
        }
    }
}

/// An attack on another country's actors happens on their territory ("Eritrean troops
/// shelled Ethiopian positions"): the target's country, when
/// both sides are states' actors of different countries.
fn attacked(ev: &Event) -> Option<(Place, &str)> {
    if !matches!(ev.root.as_str(), "18" | "19" | "20") {
        return None;
    }
    let target = actor_place(&ev.provenance.target)?;
    let source = actor_place(&ev.provenance.source)?;
    (target.country != source.country).then_some((target, ev.provenance.target.text.as_str()))
}

/// Where a statement (or decision) was made, when the article says: at the dateline
/// when the speaker is of its country (a government speaking at home), or when the
/// speaker is unnamed ("witnesses said") in a story written where it happens; else at
/// the article's scene when the speaker is of its country.
fn statement<'a>(
    ev: &Event,
    a: &'a Article,
    allowed: &dyn Fn(&Place) -> bool,
) -> Option<(Place, LocationBasis, Option<&'a str>)> {
    // "The ministry said", the ministry being the article's country's (the coder took the
    // country from the actor named before): a speaker for that country, whose words
    // placed at home are placed where the article is.
    let speaker = state_country(&ev.provenance.source);
    let home = |c: &Option<String>| speaker.as_ref().is_some_and(|p| &p.country == c);
    let unnamed = ev.provenance.source.code.is_empty();
    if let Some(sc) = a.scene.filter(|s| allowed(&s.place)) {
        let dateline = sc.basis == LocationBasis::Dateline;
        if home(&sc.place.country) || unnamed {
            let text = a
                .dateline
                .filter(|_| dateline)
                .map(|d| d.place.text.as_str());
            return Some((sc.place.clone(), sc.basis, text));
        }
    }
    // A dateline that is not the article's scene still places its own government's
    // words.
    let d = a.dateline.filter(|d| allowed(&d.place.place))?;
    home(&d.place.place.country).then(|| {
        (
            d.place.place.clone(),
            LocationBasis::Dateline,
            Some(d.place.text.as_str()),
        )
    })
}

fn set(ev: &mut Event, mut place: Place, basis: LocationBasis, text: Option<&str>) {
    place.basis = Some(basis);
    ev.location = Some(place);
    ev.provenance.location_text = text.filter(|t| !t.is_empty()).map(str::to_owned);
}

/// The article's scene, unless it is a country the sentence says the event is not in.
fn scene<'a>(
    a: &'a Article,
    allowed: &dyn Fn(&Place) -> bool,
) -> Option<(Place, LocationBasis, Option<&'a str>)> {
    let s = a.scene.filter(|s| allowed(&s.place))?;
    let text = match s.basis {
        LocationBasis::Dateline => a.dateline.map(|d| d.place.text.as_str()),
        _ => None,
    };
    Some((s.place.clone(), s.basis, text))
}

/// The country of an actor, as a place, when the actor's own words name it.
fn actor_place(r: &ActorRef) -> Option<Place> {
    if r.entries
        .iter()
        .any(|e| e.starts_with("country from context"))
    {
        return None;
    }
    state_country(r)
}

/// The country of a state's actor: its code starts with the country ("RUSMIL"), unlike
/// an organisation's or a company's ("MNCNLD").
fn state_country(r: &ActorRef) -> Option<Place> {
    let c = r.country.as_deref().filter(|c| r.code.starts_with(c))?;
    Gazetteer::embedded().country(c)
}

/// Bytes between two spans (0 when they overlap).
fn distance(a: Span, b: Span) -> u32 {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// True when no clause boundary lies between the verb and the place.
fn same_clause(boundaries: &[u32], verb: Span, place: Span) -> bool {
    let (a, b) = if place.end <= verb.start {
        (place.end, verb.start)
    } else {
        (verb.end, place.start)
    };
    !boundaries.iter().any(|&x| a <= x && x < b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acts_by_code() {
        assert_eq!(
            act("042"),
            Act::Visit {
                host_is_target: true
            }
        );
        assert_eq!(
            act("043"),
            Act::Visit {
                host_is_target: false
            }
        );
        assert_eq!(act("190"), Act::Ground { target_first: true });
        assert_eq!(act("1831"), Act::Ground { target_first: true });
        assert_eq!(
            act("173"),
            Act::Ground {
                target_first: false
            }
        );
        assert_eq!(
            act("141"),
            Act::Ground {
                target_first: false
            }
        );
        assert_eq!(
            act("046"),
            Act::Ground {
                target_first: false
            }
        );
        assert_eq!(act("040"), Act::Statement);
        assert_eq!(act("010"), Act::Statement);
        assert_eq!(act("1312"), Act::Statement);
        assert_eq!(act("161"), Act::Statement);
    }

    #[test]
    fn clauses_by_boundaries() {
        let verb = Span::new(10, 15);
        assert!(same_clause(&[5], verb, Span::new(20, 25)));
        assert!(!same_clause(&[17], verb, Span::new(20, 25)));
        assert!(!same_clause(&[7], verb, Span::new(0, 5)));
        assert!(same_clause(&[30], verb, Span::new(0, 5)));
    }
}
