//! What the coder adds to events besides their codes: who asserts them (attribution),
//! when they happen (event dates), where (action locations), and the quantity claims of
//! each sentence with whose things they count and who claims them.
//!
//! Times, quantities and place names are found by `vigil-extract`; this module ties them
//! to the actors and speakers the coder recognised. Places are resolved once a record is
//! read whole, so that every place name in it can help choose between same-named places;
//! `locate` then gives each event its location and says how it was chosen.

mod locate;

use crate::attribution::{self, Found};
use crate::mentions::{Member, Mention, MentionKind};
use crate::quotes::Speech;
use crate::view::View;
use crate::{ArticleContext, SentenceResult};
use vigil_extract::places::{Gazetteer, PlaceMatch};
use vigil_extract::{quantity, time};
use vigil_model::{
    Article, Attribution, Claim, Event, PlaceMention, Quantity, Span, TimeExpr, TimeKind,
    actor_country,
};

/// Findings of a sentence that wait for the whole record before they are final.
#[derive(Clone, Debug, Default)]
pub struct Pending {
    /// Place names, resolved at the end of the record.
    places: Vec<PlaceMatch>,
    /// Start bytes of the tokens that open another clause: a place beyond one is not
    /// where the verb's act happened.
    boundaries: Vec<u32>,
    /// For each of `places`: it says where a statement was made ("said in Vienna").
    spoken: Vec<bool>,
    /// Quantity claims, whose places are filled in at the end of the record.
    claims: Vec<PendingClaim>,
    /// The sentence opens a quotation it does not close and names no speaker: the next
    /// sentence's speaker says it.
    open_quote: bool,
}

#[derive(Clone, Debug)]
struct PendingClaim {
    quantity: Quantity,
    /// Byte where the words locating the counted things may start (after the counted
    /// noun), and where they must end.
    window: (u32, u32),
    owner_code: String,
    owner_text: String,
    /// The counted noun as written ("troops").
    unit_words: String,
    sentence_text: String,
    claimant: Option<Attribution>,
}

/// A speaker found in the sentence, in the model's form, with the tokens it covers.
struct Said {
    attribution: Attribution,
    /// Tokens naming the speaker in this sentence (empty when from another sentence).
    start: usize,
    end: usize,
    covers: (usize, usize),
    quote: bool,
    according: bool,
}

/// Annotates one sentence (or piece of a long one): attribution of its events, event
/// dates, quantity claims, and the place names to resolve later.
#[allow(clippy::too_many_arguments)]
pub fn sentence(
    record: &Article,
    view: &View,
    mentions: &[Mention],
    speech: &Speech,
    quote_speaker: Option<(usize, usize, &Member)>,
    render: &dyn Fn(&Member) -> String,
    facts: bool,
    ctx: &mut ArticleContext,
    result: &mut SentenceResult,
) {
    let said: Vec<Said> = attribution::find(view, mentions, speech, quote_speaker)
        .into_iter()
        .map(|f| to_said(view, &f, render, ctx))
        .collect();
    if let Some(q) = said
        .iter()
        .find(|s| s.quote && s.attribution.span.is_some())
    {
        ctx.last_quote = Some(q.attribution.clone());
    }
    result.pending.open_quote |= speech.opens_with_quote()
        && speech.quotes.last().is_some_and(|q| q.1 == view.len())
        && !said.iter().any(|s| s.quote);
    // The dateline's words ("NAIROBI —") say where the story was written, not who acts.
    let dateline_end = ctx.geo.begin_record(&record.text).unwrap_or(0);
    for m in mentions.iter().filter(|m| {
        m.kind == MentionKind::Named
            && view
                .tokens
                .get(m.start)
                .is_none_or(|t| t.span.start >= dateline_end)
    }) {
        for x in &m.members {
            ctx.geo.add_actor(&x.base);
        }
    }
    // Events: who asserts them and when they happen.
    // Times date this sentence's events; without events they matter only as facts.
    let times = if facts || result.events.iter().any(|e| in_view(view, e)) {
        time::find(view.text, view.tokens, record.date)
    } else {
        Vec::new()
    };
    for ev in result.events.iter_mut().filter(|e| in_view(view, e)) {
        let head = token_at(view, ev.provenance.verb_span.start);
        ev.attribution = head
            .and_then(|h| pick(&said, h))
            .map(|s| s.attribution.clone());
        date_event(view, ev, &times);
    }
    // Quantity claims.
    let quantities = if facts {
        quantity::find(view.text, view.tokens)
    } else {
        Vec::new()
    };
    for (k, q) in quantities.iter().enumerate() {
        // "according to two officials": the number counts the speakers, not a claim.
        let in_speaker = said
            .iter()
            .any(|s| s.start < s.end && s.start <= q.tokens.0 && q.tokens.1 <= s.end);
        if q.unit.is_empty() || in_speaker {
            continue;
        }
        let speakers: Vec<(usize, usize)> = said
            .iter()
            .filter(|s| s.attribution.span.is_some())
            .map(|s| (s.start, s.end))
            .collect();
        let (owner_code, owner_text) = owner(view, mentions, q, &speakers).unwrap_or_default();
        let unit_end = q.unit_token.map_or(q.span.end, |u| view.tokens[u].span.end);
        let next = quantities
            .get(k + 1)
            .map_or(view.tokens[view.len() - 1].span.end, |n| n.span.start);
        // The words locating the counted things end where a speaker's words begin
        // ("…, Ukrainian officials in Kyiv said": Kyiv is where they speak).
        let next = said
            .iter()
            .filter(|s| s.start < s.end)
            .map(|s| view.tokens[s.start].span.start)
            .filter(|&b| b >= q.span.end)
            .fold(next, u32::min);
        let window = if unit_end <= q.span.start {
            (unit_end, q.span.start)
        } else {
            (unit_end, next)
        };
        result.pending.claims.push(PendingClaim {
            quantity: q.clone(),
            window,
            owner_code,
            owner_text,
            unit_words: q
                .unit_token
                .map_or(q.unit.clone(), |u| view.tokens[u].text.clone()),
            sentence_text: view.words(0, view.len()).to_string(),
            claimant: pick(&said, q.tokens.0).map(|s| s.attribution.clone()),
        });
    }
    result.times.extend(times);
    result
        .attributions
        .extend(said.into_iter().map(|s| s.attribution));
    let actors: Vec<(usize, usize)> = mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Named)
        .map(|m| (m.start, m.end))
        .collect();
    let places = Gazetteer::embedded().scan(view.text, view.tokens, &actors);
    result.pending.boundaries.extend(boundaries(view, &places));
    // Where someone spoke: after a statement's verb, or after a reporting verb, which is
    // never coded itself ("…, an official said in Vienna").
    let statements: Vec<usize> =
        if places.is_empty() {
            Vec::new()
        } else {
            result
                .events
                .iter()
                .filter(|e| e.root == "01" && in_view(view, e))
                .filter_map(|e| token_at(view, e.provenance.verb_span.start))
                .chain((0..view.len()).filter(|&k| {
                    view.pos(k).is_verb() && crate::attribution::is_reporting(view.up(k))
                }))
                .collect()
        };
    result.pending.spoken.extend(places.iter().map(|m| {
        statements
            .iter()
            .any(|&v| spoken(view, v, m.token_range().0))
    }));
    result.pending.places.extend(places);
}

/// The most tokens between a statement's verb and the place where it was made.
const SPOKEN_WINDOW: usize = 12;

/// True when the place starting at token `place` says where the statement whose verb is
/// at token `verb` was made: it comes soon after the verb with no other verb between
/// ("said in Vienna", "told reporters in Kyiv", "said in a statement issued in Vienna"),
/// unlike a place in the reported words ("said troops killed a man in Hebron").
fn spoken(view: &View, verb: usize, place: usize) -> bool {
    use vigil_model::Pos;
    place > verb
        && place - verb <= SPOKEN_WINDOW
        && (verb + 1..place).all(|k| {
            let t = &view.tokens[k];
            // A participle after a noun ("a statement issued") describes the statement.
            let describes =
                t.pos == Pos::VerbPart && matches!(view.tokens[k - 1].pos, Pos::Noun | Pos::Propn);
            (!t.pos.is_verb() || describes)
                && !matches!(t.upper.as_str(), "THAT" | ";" | ":" | "\"" | "“" | "”")
        })
}

/// Start bytes of the tokens of a sentence that open another clause: a comma (unless it
/// sets off a place name: "in the capital, Lusaka", "In Tbilisi, police…"), a semicolon,
/// a colon, a dash, a coordinator or a subordinator. "where" is not one: "Tbilisi, where
/// police arrested…" places the arrests.
fn boundaries(view: &View, places: &[PlaceMatch]) -> Vec<u32> {
    let starts = |k: usize| places.iter().any(|m| m.token_range().0 == k);
    let ends = |k: usize| places.iter().any(|m| m.token_range().1 == k);
    view.tokens
        .iter()
        .enumerate()
        .filter(|&(k, t)| match t.upper.as_str() {
            // "a statement issued in Vienna": a participle after a noun opens a reduced
            // relative clause.
            _ if t.pos == vigil_model::Pos::VerbPart
                && k > 0
                && matches!(
                    view.tokens[k - 1].pos,
                    vigil_model::Pos::Noun | vigil_model::Pos::Propn
                ) =>
            {
                true
            }
            "," => !starts(k + 1) && !ends(k),
            ";" | ":" | "--" | "—" | "–" | "AND" | "BUT" | "OR" | "THAT" | "WHICH" | "WHO"
            | "WHILE" | "AFTER" | "BEFORE" | "BECAUSE" | "IF" | "UNLESS" | "WHEN" | "ALTHOUGH"
            | "SINCE" | "AS" => true,
            _ => false,
        })
        .map(|(_, t)| t.span.start)
        .collect()
}

/// Finishes a record: resolves its place names with everything the article said so far,
/// places events and claims, and gives a quotation continued in the next sentence its
/// speaker.
pub fn finish(record: &Article, ctx: &mut ArticleContext, results: &mut [SentenceResult]) {
    let gaz = Gazetteer::embedded();
    // The dateline that opens the article, when this record holds it: its words are
    // counted as the dateline, not as places the story names.
    let after = ctx.geo.begin_record(&record.text).unwrap_or(0);
    ctx.geo.end_record();
    for r in results.iter() {
        for m in r.pending.places.iter().filter(|m| m.span().start >= after) {
            gaz.observe(m, &mut ctx.geo);
        }
    }
    for k in (0..results.len()).rev() {
        if results[k].pending.open_quote
            && let Some(next) = results.get(k + 1)
            && let Some(a) = next.attributions.iter().find(|a| a.direct_quote)
        {
            let mut a = a.clone();
            a.rule = "quotation: next sentence".into();
            let r = &mut results[k];
            for ev in r.events.iter_mut().filter(|e| e.attribution.is_none()) {
                ev.attribution = Some(a.clone());
            }
            for c in r.pending.claims.iter_mut().filter(|c| c.claimant.is_none()) {
                c.claimant = Some(a.clone());
            }
            r.attributions.push(a);
        }
    }
    let article = record.article.as_deref().unwrap_or(&record.id);
    // Every sentence's places first: the article's scene counts this record's too.
    let named: Vec<Vec<locate::Named>> = results
        .iter()
        .map(|r| {
            r.pending
                .places
                .iter()
                .zip(&r.pending.spoken)
                .filter_map(|(m, &spoken)| {
                    gaz.resolve(m, &ctx.geo).map(|mention| locate::Named {
                        spoken,
                        mention,
                        locative: m.locative(),
                        modifier: m.modifier(),
                    })
                })
                .collect()
        })
        .collect();
    for n in named.iter().flatten() {
        // The dateline counts as such, not as a place a sentence names; where someone
        // spoke ("said in Vienna") is not where the story happens.
        if n.mention.span.start >= after && !n.spoken {
            ctx.geo.add_located(&n.mention);
        }
    }
    // The scene is only needed to place events; most records of a long article have none.
    let scene = if results.iter().any(|r| !r.events.is_empty()) {
        ctx.geo.scene()
    } else {
        None
    };
    let geo = locate::Article {
        scene: scene.as_ref(),
        dateline: ctx.geo.dateline(),
    };
    for (index, (r, named)) in results.iter_mut().zip(named).enumerate() {
        let sentence = locate::Sentence {
            places: &named,
            boundaries: &r.pending.boundaries,
            after,
        };
        for ev in &mut r.events {
            locate::locate(ev, &sentence, &geo);
        }
        let places: Vec<PlaceMention> = named.into_iter().map(|n| n.mention).collect();
        for pc in std::mem::take(&mut r.pending.claims) {
            let here: Vec<&PlaceMention> = places
                .iter()
                .filter(|p| p.span.start >= pc.window.0 && p.span.end <= pc.window.1)
                .collect();
            r.claims.push(claim(record, article, index, pc, &here));
        }
        r.places = places;
        r.pending.places.clear();
        r.pending.boundaries.clear();
        r.pending.spoken.clear();
    }
}

fn claim(
    record: &Article,
    article: &str,
    sentence: usize,
    pc: PendingClaim,
    places: &[&PlaceMention],
) -> Claim {
    let q = pc.quantity;
    let mut subject_places: Vec<String> = Vec::new();
    for p in places {
        if let Some(c) = &p.place.country
            && !subject_places.contains(c)
        {
            subject_places.push(c.clone());
        }
    }
    // "troops of Russia near its border with Ukraine": what, whose, and where as written.
    let owner = Gazetteer::embedded()
        .country(&pc.owner_code)
        .map_or(pc.owner_text, |p| p.name);
    let mut subject = match owner.as_str() {
        "" => pc.unit_words,
        o => format!("{} of {o}", pc.unit_words),
    };
    if let (Some(first), Some(last)) = (places.first(), places.last()) {
        let from = pc.window.0.min(first.span.start) as usize;
        let words = record.text[from..last.span.end as usize].trim();
        if words.len() <= 120 {
            subject.push(' ');
            subject.push_str(words);
        }
    }
    let (claimant, claimant_code, anonymous) = match &pc.claimant {
        Some(a) => (a.speaker.clone(), a.code.clone(), a.anonymous),
        None => ("unattributed".to_string(), String::new(), false),
    };
    Claim {
        id: record.id.clone(),
        article: article.to_string(),
        sentence,
        value: q.value,
        low: q.low,
        high: q.high,
        unit: q.unit,
        qualifier: q.qualifier,
        subject,
        subject_code: pc.owner_code,
        subject_places,
        claimant,
        claimant_code,
        anonymous,
        text: q.text,
        span: q.span,
        sentence_text: pc.sentence_text,
        date: record.date,
        attribution: pc.claimant,
    }
}

/// Bytes between two spans (0 when they overlap).
fn distance(a: Span, b: Span) -> u32 {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

fn in_view(view: &View, ev: &Event) -> bool {
    let v = ev.provenance.verb_span.start;
    view.tokens.first().is_some_and(|t| t.span.start <= v)
        && view.tokens.last().is_some_and(|t| v < t.span.end)
}

fn token_at(view: &View, byte: u32) -> Option<usize> {
    view.tokens.iter().position(|t| t.span.start == byte)
}

/// The attribution that covers token `i`: its quotation's speaker, else the party named
/// after "according to", else the subject of a reporting verb whose clause holds it.
fn pick(said: &[Said], i: usize) -> Option<&Said> {
    let covers = |s: &&Said| s.covers.0 <= i && i < s.covers.1;
    said.iter()
        .filter(covers)
        .find(|s| s.quote)
        .or_else(|| said.iter().filter(covers).find(|s| s.according))
        .or_else(|| said.iter().find(covers))
}

fn to_said(
    view: &View,
    f: &Found,
    render: &dyn Fn(&Member) -> String,
    ctx: &ArticleContext,
) -> Said {
    let from_context = f.end <= f.start;
    let previous = ctx.last_quote.as_ref().filter(|_| from_context);
    let code = f.member.as_ref().map(render).unwrap_or_default();
    let attribution = Attribution {
        speaker: match (&f.text, previous) {
            (Some(t), _) => t.clone(),
            (None, Some(p)) => p.speaker.clone(),
            (None, None) if from_context => code.clone(),
            (None, None) => view.words(f.start, f.end).to_string(),
        },
        code: match previous {
            Some(p) if code.is_empty() => p.code.clone(),
            _ => code,
        },
        span: (!from_context).then(|| {
            Span::new(
                view.tokens[f.start].span.start as usize,
                view.tokens[f.end - 1].span.end as usize,
            )
        }),
        anonymous: if from_context {
            previous.is_some_and(|p| p.anonymous)
        } else {
            attribution::anonymous(view, f.start, f.end)
        },
        direct_quote: f.direct_quote,
        cue: f.cue.clone(),
        rule: f.rule.to_string(),
    };
    Said {
        attribution,
        start: f.start,
        end: f.end,
        covers: f.covers,
        quote: f.direct_quote,
        according: f.rule == "according to",
    }
}

/// Dates an event by the time expression nearest its verb; without one, the event
/// happens on the publication date.
fn date_event(view: &View, ev: &mut Event, times: &[TimeExpr]) {
    let verb = ev.provenance.verb_span;
    let best = times
        .iter()
        .filter(|t| t.kind == TimeKind::Point && t.resolved.is_some())
        .filter(|t| same_clause(view, verb, t.span))
        .min_by_key(|t| distance(t.span, verb));
    match best.and_then(|t| t.resolved.map(|r| (t, r))) {
        Some((t, r)) => {
            ev.event_date = Some(r.first_day());
            ev.event_date_end = (r.last_day() != r.first_day()).then(|| r.last_day());
            ev.date_precision = r.precision();
            ev.provenance.time = Some(t.clone());
        }
        None => {
            ev.event_date = Some(ev.date);
            ev.event_date_end = None;
            ev.date_precision = Default::default();
        }
    }
}

/// True when nothing between a verb and a time expression starts another clause (a
/// comma, a conjunction, a subordinator or relative pronoun), so the time is the verb's:
/// in "X has massed troops and has begun planning an invasion as soon as early next
/// year", the time dates the planned invasion, not the massing. A sentence-initial time
/// set off by a comma ("On Friday, X attacked Y") still dates the verb.
fn same_clause(view: &View, verb: Span, time: Span) -> bool {
    let (a, b) = if time.end <= verb.start {
        (time.end, verb.start)
    } else {
        (verb.end, time.start)
    };
    let leading = time.end <= verb.start
        && view
            .tokens
            .iter()
            .take_while(|t| t.span.start < time.start)
            .count()
            <= 1;
    !view
        .tokens
        .iter()
        .filter(|t| t.span.start >= a && t.span.end <= b)
        .any(|t| match t.upper.as_str() {
            "," => !leading,
            ";" | ":" | "AND" | "BUT" | "OR" | "THAT" | "WHICH" | "WHO" | "WHILE" | "AFTER"
            | "BEFORE" | "BECAUSE" | "IF" | "UNLESS" | "WHEN" | "ALTHOUGH" => true,
            _ => false,
        })
}

/// Whose things a quantity counts: the actor named right before the counted noun
/// ("Russian troops", "Russia's troops"), else the nearest actor named before the number
/// in the sentence ("Russia has massed 70,000 troops").
fn owner(
    view: &View,
    mentions: &[Mention],
    q: &Quantity,
    speakers: &[(usize, usize)],
) -> Option<(String, String)> {
    // A speaker is who claims, not whose things are counted.
    let named = |m: &&Mention| {
        !m.members.is_empty() && !speakers.iter().any(|&(a, b)| a <= m.start && m.end <= b)
    };
    let found = q
        .unit_token
        .and_then(|u| {
            mentions.iter().filter(named).find(|m| {
                // "Russian troops" (the mention may hold the noun), "Russia's troops".
                (m.start <= u && u <= m.end)
                    || (m.end + 1 == u && matches!(view.up(m.end), "'S" | "'"))
            })
        })
        .or_else(|| {
            let start = q.unit_token.map_or(q.tokens.0, |u| u.min(q.tokens.0));
            mentions
                .iter()
                .filter(named)
                .filter(|m| m.end <= start)
                .max_by_key(|m| m.end)
        })?;
    let member = found.members.first()?;
    let code = member.code();
    let country = actor_country(&code).map_or(code.clone(), str::to_string);
    // The member's own words ("Russia"), not the whole phrase around it.
    let (a, b) = if member.end > member.start && member.end <= view.len() {
        (member.start, member.end)
    } else {
        (found.start, found.end)
    };
    Some((country, view.words(a, b).to_string()))
}

impl Pending {
    /// Adds the findings of another piece of the same sentence.
    pub fn absorb(&mut self, other: Pending) {
        self.places.extend(other.places);
        self.boundaries.extend(other.boundaries);
        self.spoken.extend(other.spoken);
        self.claims.extend(other.claims);
        self.open_quote |= other.open_quote;
    }
}
