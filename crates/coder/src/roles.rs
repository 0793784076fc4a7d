//! Who did it to whom: the source and target of a verb from the clause around it —
//! the subject before the verb group (through coordination and relative pronouns), the
//! first actor after the verb, the `by` phrase of a passive, pattern markers `$` and `+`,
//! and pronouns resolved from context.

use crate::ArticleContext;
use crate::grammar;
use crate::mentions::{Mention, MentionKind, Why};
use crate::patterns::Match;
use crate::verbs::VerbHit;
use crate::view::View;
use vigil_model::Pos;

/// The roles found for one verb: mention indices with the rule that chose each.
#[derive(Debug, Default)]
pub struct Roles {
    /// Source mention and rule.
    pub source: Option<(usize, &'static str)>,
    /// Target mention and rule.
    pub target: Option<(usize, &'static str)>,
    /// The target is the subject of a clause of its own ("said *Russia* could invade"):
    /// the verb reports that clause rather than acting on the actor.
    pub target_opens_clause: bool,
    /// The target is the verb's direct object or the object of a preposition right after
    /// it ("told *Reuters*", "said to *reporters*").
    pub target_adjacent: bool,
}

/// Gives each pronoun the actors it most likely stands for: the nearest named actor before
/// it in the sentence, else the actors the previous sentence was about.
pub fn resolve_pronouns(mentions: &mut [Mention], ctx: &ArticleContext) {
    for i in 0..mentions.len() {
        if mentions[i].kind != MentionKind::Pronoun {
            continue;
        }
        let before = mentions[..i]
            .iter()
            .rev()
            .find(|m| m.kind == MentionKind::Named);
        let mut members = match before {
            Some(m) => m.members.clone(),
            None => ctx.last_subject.clone(),
        };
        // The pronoun names them here: provenance points at the pronoun.
        let (start, end) = (mentions[i].start, mentions[i].end);
        for m in &mut members {
            m.start = start;
            m.end = end;
            m.entries
                .push(Why::Note("pronoun resolved from context".into()));
        }
        mentions[i].members = members;
    }
}

fn mention_ending_at(mentions: &[Mention], end: usize) -> Option<usize> {
    mentions
        .iter()
        .position(|m| m.end == end && !m.members.is_empty())
}

fn prepositional(view: &View, m: &Mention) -> bool {
    if m.start == 0 {
        return false;
    }
    let before = view.up(m.start - 1);
    // "after Calenardhon crowds burned …": a subordinator, not a preposition, when a verb
    // follows the noun phrase.
    let opens_clause = grammar::is_subordinator(before)
        && m.end < view.len()
        && (view.pos(m.end).is_verb() || view.pos(m.end).is_aux());
    // "dozens of activists were detained": the counted phrase is the subject.
    let counted = before == "OF"
        && m.start >= 2
        && (grammar::is_quantity_head(view.up(m.start - 2)) || view.pos(m.start - 2) == Pos::Num);
    // "*At least* six soldiers were killed": a quantity, not a preposition.
    let at_least = before == "AT" && matches!(view.up(m.start), "LEAST" | "MOST");
    // "a coalition *led by* Nigeria bombed …": the leader stands for the group it leads,
    // as in "the Nigeria-led coalition".
    let led_by = before == "BY" && m.start >= 2 && view.up(m.start - 2) == "LED";
    !opens_clause
        && !counted
        && !at_least
        && !led_by
        && (view.pos(m.start - 1) == Pos::Adp || before == "TO")
}

/// The subject of the clause whose verb group starts at `group_start`.
fn subject(
    view: &View,
    mentions: &[Mention],
    hits: &[VerbHit],
    hit: usize,
    depth: u8,
) -> Option<(usize, &'static str)> {
    let h = &hits[hit];
    // "a swap *involving* prisoners", "the convoy *carrying* aid": an -ing form right after
    // a noun modifies that noun, which is its subject (often no actor at all), never the
    // subject of the clause around it.
    if h.group_start == h.head
        && h.head > 0
        && h.governor.is_none()
        && (view.pos(h.head) == Pos::VerbGer || view.up(h.head).ends_with("ING"))
        && matches!(view.pos(h.head - 1), Pos::Noun | Pos::Propn)
    {
        return mention_ending_at(mentions, h.head).map(|m| (m, "subject-modified-noun"));
    }
    // "angered Cairo *by meeting* its rival", "*after talking* to Kigali, the president
    // …": an -ing clause after a preposition has the subject of the clause it hangs on,
    // not the nearest party before it.
    if h.group_start == h.head
        && h.head > 0
        && h.governor.is_none()
        && depth < 4
        && (view.pos(h.head) == Pos::VerbGer || view.up(h.head).ends_with("ING"))
        && grammar::is_gerund_preposition(view.up(h.head - 1))
    {
        return main_clause_subject(view, mentions, hits, h.head - 1, depth)
            .map(|m| (m, "subject-of-main-clause"));
    }
    // "the sides *began exchanging* fire": an -ing complement of a verb of aspect has
    // that verb's subject.
    if h.group_start == h.head
        && h.head > 0
        && depth < 4
        && (view.pos(h.head) == Pos::VerbGer || view.up(h.head).ends_with("ING"))
        && grammar::is_aspect_verb(view.up(h.head - 1))
    {
        let aspect = h.head - 1;
        if let Some(g) = hits.iter().position(|x| x.head == aspect) {
            return subject(view, mentions, hits, g, depth + 1);
        }
        let mut s = aspect;
        while s > 0 && (view.pos(s - 1).is_aux() || view.pos(s - 1) == Pos::Adv) {
            s -= 1;
        }
        return mention_ending_at(mentions, s)
            .filter(|&m| !prepositional(view, &mentions[m]))
            .map(|m| (m, "subject-of-aspect-verb"));
    }
    // An infinitive takes the subject of the verb that governs it.
    let start = match h
        .governor
        .and_then(|g| hits.iter().position(|x| x.head == g))
    {
        Some(g) if depth < 4 => return subject(view, mentions, hits, g, depth + 1),
        _ => h.group_start,
    };
    let start = match h.governor {
        Some(g) if depth < 4 => {
            // Governor not in the dictionary: walk back over it and its auxiliaries.
            let mut s = g;
            while s > 0
                && (view.pos(s - 1).is_aux()
                    || grammar::is_negator(view.up(s - 1))
                    || view.pos(s - 1) == Pos::Adv)
            {
                s -= 1;
            }
            s
        }
        _ => start,
    };
    // "condemned Sudland and attacked Westmark": a verb right after a coordinator shares
    // the subject of the verb before it.
    if start > 0 && depth < 4 && grammar::is_coordinator(view.up(start - 1)) {
        // The verb before the coordinator: the nearest verb-like word to its left (which
        // must be a dictionary verb for its subject to be known). A finite verb is not
        // coordinated with a gerund ("accused Oman *of backing* rebels and *cut* ties"):
        // the gerund is the other verb's complement.
        let finite = view.pos(h.head) == Pos::VerbFin;
        let nearest = (0..start - 1)
            .rev()
            .filter(|&k| {
                let participle = matches!(view.pos(k), Pos::VerbGer | Pos::VerbPart);
                // Nor is a participle that modifies a noun ("the release *of kidnapped*
                // soldiers and condemned …") a verb of the clause.
                let modifier = participle
                    && k > 0
                    && matches!(
                        view.pos(k - 1),
                        Pos::Det | Pos::Adp | Pos::Adj | Pos::Num | Pos::Part
                    );
                let gerund = finite && participle && view.up(k).ends_with("ING");
                !(modifier || gerund)
            })
            .find(|&k| {
                // An adjective before its noun ("kidnapped *Israeli* soldiers") is no
                // mistagged verb.
                view.pos(k).is_verb()
                    || (view.pos(k) == Pos::Adj
                        && !matches!(view.pos(k + 1), Pos::Noun | Pos::Propn | Pos::Adj))
            })
            .filter(|&k| view.pos(k).is_verb());
        let prev = nearest.and_then(|k| hits.iter().position(|x| x.head == k));
        if let Some(p) = prev {
            // Its subject, named or not: "four Gulf states accused Oman … and cut ties"
            // has no party for either verb, and none found further back.
            return subject(view, mentions, hits, p, depth + 1)
                .map(|(m, _)| (m, "subject-coordinated"));
        }
    }
    // "a missile *fired by Houthi rebels* struck a tanker": a weapon whose user is named
    // after its participle's "by" is the user's act; the walk back would stop at the
    // participle as another clause's verb.
    if start > 2
        && let Some(m) = mention_ending_at(mentions, start)
        && !mentions[m].members.is_empty()
        && mentions[m].start >= 3
    {
        let b = mentions[m].start;
        if view.up(b - 1) == "BY"
            && grammar::is_use_participle(view.up(b - 2))
            && view.pos(b - 3) == Pos::Noun
            && mention_ending_at(mentions, b - 2).is_none()
        {
            return Some((m, "subject-user-of-the-weapon"));
        }
    }
    // "the blast *wounded* three soldiers", "in Kabul, a bomb *killed* …": a common noun
    // heading the phrase right before the verb group is the subject, and names no actor;
    // the walk back would find some earlier party instead. Not when a possessor names its
    // party ("Eriador's death toll has risen"), nor when the noun ends a participle's
    // object that modifies the subject ("police *wearing riot gear* fired").
    if start > 0
        && view.pos(start - 1) == Pos::Noun
        && mention_ending_at(mentions, start).is_none()
        && !mentions.iter().any(|m| m.start < start && start <= m.end)
    {
        let mut j = start - 1;
        while j > 0
            && matches!(
                view.pos(j - 1),
                Pos::Noun | Pos::Adj | Pos::Num | Pos::CConj | Pos::Det
            )
        {
            j -= 1;
        }
        let possessed = j > 0 && (view.up(j - 1) == "'S" || view.pos(j - 1) == Pos::Part);
        let modifier = j > 1
            && matches!(view.pos(j - 1), Pos::VerbGer | Pos::VerbPart)
            && mention_ending_at(mentions, j - 1).is_some();
        if !possessed && !modifier {
            return None;
        }
    }
    let mut k = start;
    let mut crossed_comma = false;
    while k > 0 {
        if let Some(m) = mention_ending_at(mentions, k) {
            let mm = &mentions[m];
            if !prepositional(view, mm) {
                return Some((
                    m,
                    if crossed_comma {
                        "subject-apposition"
                    } else {
                        "subject"
                    },
                ));
            }
            k = mm.start;
            continue;
        }
        let up = view.up(k - 1);
        let pos = view.pos(k - 1);
        if pos == Pos::VerbFin || pos == Pos::AuxFin || hits.iter().any(|x| x.head == k - 1) {
            // Another clause's verb. If ours is coordinated with it ("condemned … and
            // promised …"), we share its subject.
            let coordinated = start > 0
                && (grammar::is_coordinator(view.up(start - 1)) || view.up(start - 1) == ",");
            if coordinated
                && depth < 4
                && let Some(prev) = hits.iter().position(|x| x.head == k - 1)
            {
                return subject(view, mentions, hits, prev, depth + 1)
                    .map(|(m, _)| (m, "subject-coordinated"));
            }
            return None;
        }
        if grammar::is_subordinator(up) && k - 1 > 0 {
            return None;
        }
        if up == "," {
            crossed_comma = true;
        }
        k -= 1;
    }
    None
}

/// The subject of the clause that an adverbial -ing clause opening at `prep` (the
/// preposition) hangs on: the clause before it ("Chad angered Cairo by …"), or, when the
/// -ing clause opens a clause of its own, the clause after its comma ("After meeting …,
/// the president flew …", "… and by expelling him, we show …").
fn main_clause_subject(
    view: &View,
    mentions: &[Mention],
    hits: &[VerbHit],
    prep: usize,
    depth: u8,
) -> Option<usize> {
    let opens = prep == 0 || matches!(view.up(prep - 1), "," | "AND" | "BUT" | "\"");
    if opens {
        let comma = (prep..view.len()).find(|&k| view.up(k) == ",")?;
        return mentions
            .iter()
            .position(|m| m.start == comma + 1 && !m.members.is_empty());
    }
    // The nearest finite verb before the preposition, within the sentence part.
    let before = (0..prep)
        .rev()
        .take_while(|&k| !matches!(view.up(k), ";" | "\""))
        .find(|&k| {
            matches!(view.pos(k), Pos::VerbFin | Pos::AuxFin) || hits.iter().any(|x| x.head == k)
        });
    if let Some(v) = before {
        if let Some(i) = hits.iter().position(|x| x.head == v) {
            return subject(view, mentions, hits, i, depth + 1).map(|(m, _)| m);
        }
        // A verb no dictionary knows: its subject is the party right before its group.
        let mut k = v;
        while k > 0 && (view.pos(k - 1).is_aux() || view.pos(k - 1) == Pos::Adv) {
            k -= 1;
        }
        return mention_ending_at(mentions, k).filter(|&m| !prepositional(view, &mentions[m]));
    }
    None
}

/// Where the verb's object region ends: a subordinate clause, a relative clause, a
/// semicolon or a quotation; with `participles`, also a participle after a noun (the
/// CAMEO profile; TABARI read on through them).
pub fn object_limit(view: &View, from: usize, participles: bool) -> usize {
    for k in from..view.len() {
        let up = view.up(k);
        if (grammar::is_subordinator(up) && view.pos(k) == Pos::SConj) || up == ";" || up == "\"" {
            return k;
        }
        if matches!(
            up,
            "AFTER" | "BEFORE" | "WHILE" | "WHEN" | "BECAUSE" | "BUT" | "IF" | "UNLESS"
        ) {
            return k;
        }
        // "guarantees *precluding* NATO's expansion": a participle after a noun opens a
        // reduced relative clause, whose actors are not the verb's.
        if participles
            && k > from
            && matches!(view.pos(k), Pos::VerbGer | Pos::VerbPart)
            && matches!(view.pos(k - 1), Pos::Noun | Pos::Propn)
        {
            return k;
        }
        // ", a senior official said": a comma, a noun phrase and a finite verb start a
        // clause of their own.
        if up == "," {
            let mut j = k + 1;
            while j < view.len()
                && matches!(
                    view.pos(j),
                    Pos::Det | Pos::Adj | Pos::Noun | Pos::Propn | Pos::Num | Pos::Adv
                )
            {
                j += 1;
            }
            if j > k + 1 && j < view.len() && matches!(view.pos(j), Pos::VerbFin | Pos::AuxFin) {
                return k;
            }
        }
    }
    view.len()
}

/// Assigns source and target to verb `hit`.
pub fn assign(
    view: &View,
    mentions: &[Mention],
    hits: &[VerbHit],
    hit: usize,
    matched: Option<&Match>,
    participles: bool,
) -> Roles {
    let h = &hits[hit];
    let mut roles = Roles::default();
    let subj = subject(view, mentions, hits, hit, 0);
    let after = h.back.last().map_or(h.end, |&b| b + 1).max(h.end);
    let limit = object_limit(view, after, participles);
    // An agent whose country was only inferred is a target ("police detained *activists*")
    // unless it is the subject's own force ("Russia massed *troops*", "the army deployed
    // *soldiers*"): the same country, in a role the subject commands.
    let subject_country = subj.and_then(|(m, _)| {
        mentions[m]
            .members
            .iter()
            .find_map(|x| country_of(&x.base))
            .map(str::to_string)
    });
    let own_force = |m: &Mention| {
        m.anchored
            && m.members.iter().all(|x| {
                subject_country.as_deref() == country_of(&x.base)
                    && x.suffix
                        .iter()
                        .any(|s| s.starts_with("MIL") || s.starts_with("COP"))
            })
    };
    let object = mentions.iter().enumerate().find(|(i, m)| {
        m.start >= after
            && m.start < limit
            && Some(*i) != subj.map(|s| s.0)
            && !m.members.is_empty()
            && !own_force(m)
    });
    if h.passive {
        // "Eriador was opposed by Osgiliath": the by-phrase acts on the subject.
        let by = mentions.iter().enumerate().find(|(_, m)| {
            m.start >= after && m.start < limit && m.start > 0 && view.up(m.start - 1) == "BY"
        });
        roles.source = by.map(|(i, _)| (i, "passive-by"));
        roles.target = subj.map(|(m, _)| (m, "passive-subject"));
    } else {
        roles.source = subj;
        if let Some((i, m)) = object {
            roles.target = Some((
                i,
                if prepositional(view, m) {
                    "object-pp"
                } else {
                    "object"
                },
            ));
            roles.target_adjacent = m.start == after
                || (m.start == after + 1 && view.pos(after) == Pos::Adp)
                || (m.start == after + 1 && view.up(after) == "TO");
            let next = m.end;
            roles.target_opens_clause = next < view.len()
                && (view.pos(next).is_aux() || view.pos(next) == Pos::VerbFin)
                && !prepositional(view, m);
        }
    }
    if let Some(m) = matched {
        if let Some(s) = m.source {
            roles.source = Some((s, "pattern-$"));
        }
        if let Some(t) = m.target {
            roles.target = Some((t, "pattern-+"));
            roles.target_opens_clause = false;
        }
    }
    roles
}

/// The mention of two parties or more right after token `at` (a "between"), an article
/// allowed between: "between *the army and the rebels*".
pub fn compound_after(view: &View, mentions: &[Mention], at: usize) -> Option<usize> {
    mentions.iter().position(|m| {
        (m.start == at + 1 || (m.start == at + 2 && view.pos(at + 1) == Pos::Det))
            && m.members.len() >= 2
    })
}

/// The compound mention after "between" right after verb `h`'s words ("clashes *between*
/// police and rebels"), or ending its subject noun phrase ("fighting between the army and
/// the rebels *erupted*", where `act_word` says the noun names an act: "tensions between
/// A and B escalated" do not), when it names two parties or more: both sides of the act.
pub fn between_parties(
    view: &View,
    mentions: &[Mention],
    h: &VerbHit,
    act_word: impl Fn(usize) -> bool,
) -> Option<usize> {
    let compound_at = |at: usize| compound_after(view, mentions, at);
    let at = h.back.last().map_or(h.end, |&b| b + 1).max(h.end);
    if at < view.len() && view.up(at) == "BETWEEN" {
        return compound_at(at);
    }
    // "fighting between A and B *erupted*": the subject noun's between-phrase, ending
    // where the verb group starts.
    let m = mention_ending_at(mentions, h.group_start)?;
    let at = mentions[m].start.checked_sub(1)?;
    let at = if view.pos(at) == Pos::Det {
        at.checked_sub(1)?
    } else {
        at
    };
    (at > 0 && view.up(at) == "BETWEEN" && act_word(at - 1) && mentions[m].members.len() >= 2)
        .then_some(m)
}

/// "fighting erupted *along the border between Armenia and Azerbaijan*": an act with no
/// subject of its own, placed at the border between two parties, is between them. The
/// phrase must follow the verb in its clause, within a few words.
pub fn border_parties(view: &View, mentions: &[Mention], h: &VerbHit) -> Option<usize> {
    let from = h.back.last().map_or(h.end, |&b| b + 1).max(h.end);
    let mut k = from;
    while k + 1 < view.len() && k < from + 6 {
        let up = view.up(k);
        if up == "," || view.pos(k).is_verb() || grammar::is_subordinator(up) {
            return None;
        }
        if matches!(up, "BORDER" | "FRONTIER" | "BOUNDARY") && view.up(k + 1) == "BETWEEN" {
            return compound_after(view, mentions, k + 1);
        }
        k += 1;
    }
    None
}

/// Gives agents named without an actor ("the administration", "officials") the country of
/// the nearest actor named before them, else of the previous sentence's actor: in news
/// prose an unnamed official belongs to the country under discussion.
pub fn anchor_agents(view: &View, mentions: &mut [Mention], ctx: &ArticleContext) {
    // "Bolivia, miners' union agree …": in a compound, a group named by its role alone
    // belongs to the country another member names, unless that member has the same role
    // (an army and "the paramilitaries" are two sides, not one).
    for m in mentions.iter_mut().filter(|m| m.members.len() >= 2) {
        let Some(country) = m
            .members
            .iter()
            .find_map(|x| country_of(&x.base))
            .map(str::to_string)
        else {
            continue;
        };
        let named_roles: Vec<Vec<String>> = m
            .members
            .iter()
            .filter(|x| country_of(&x.base).is_some())
            .map(|x| x.suffix.clone())
            .collect();
        for x in m.members.iter_mut().filter(|x| {
            x.base.is_empty() && !x.suffix.is_empty() && !named_roles.contains(&x.suffix)
        }) {
            x.base = country.clone();
            x.entries.push(Why::Note(
                format!("country of the compound: {country}").into(),
            ));
        }
    }
    for i in 0..mentions.len() {
        if mentions[i].kind != MentionKind::AgentOnly {
            continue;
        }
        // The nearest actor named before it in the sentence, else the previous sentence's,
        // else the nearest named after it ("police arrested protesters in Moscow").
        let named = |m: &&Mention| m.kind == MentionKind::Named && !m.anchored;
        let before = mentions[..i]
            .iter()
            .rev()
            .find(named)
            .map(|m| m.members.as_slice());
        let after = mentions[i + 1..]
            .iter()
            .find(named)
            .map(|m| m.members.as_slice());
        let context = (!ctx.last_subject.is_empty()).then_some(ctx.last_subject.as_slice());
        // A place named later in the sentence ("police arrested protesters in Nairobi")
        // says more than the previous sentence; a party named later does not.
        let place_after = mentions[i + 1..]
            .iter()
            .find(|m| named(m) && m.start > 0 && is_locative(view.up(m.start - 1)))
            .map(|m| m.members.as_slice());
        let near = before
            .or(place_after)
            .or(context)
            .or(after)
            .and_then(|near| near.iter().find_map(|m| country_of(&m.base)));
        // Else where the story is ("gunmen" in a story datelined in Bamako).
        let Some(country) = near.or_else(|| ctx.story.country()).map(str::to_string) else {
            continue;
        };
        for m in &mut mentions[i].members {
            m.base = country.clone();
            m.entries
                .push(Why::Note(format!("country from context: {country}").into()));
        }
        mentions[i].kind = MentionKind::Named;
        mentions[i].anchored = true;
    }
}

/// True for a preposition that puts what follows as the place of an act.
fn is_locative(up: &str) -> bool {
    matches!(
        up,
        "IN" | "NEAR" | "AT" | "OUTSIDE" | "INSIDE" | "ACROSS" | "THROUGHOUT"
    )
}

/// The country part of an actor code, when it starts with one (`USAGOV` → `USA`); group
/// codes (`IGO…`, `NGO…`) have none, nor has `MED`, the news outlets ("Reuters",
/// "Al Jazeera"), whose reporters are no country's.
pub(crate) fn country_of(code: &str) -> Option<&str> {
    let c = code.get(..3)?;
    let group = matches!(
        c,
        "IGO" | "NGO" | "IMG" | "MNC" | "UIS" | "REB" | "MED" | "---"
    );
    (!group && c.chars().all(|ch| ch.is_ascii_uppercase())).then_some(c)
}

/// True when the verb's clause is subordinate ("after crowds *burned* its embassy"): a
/// subordinator opens it between the previous comma or verb and the verb group.
pub fn subordinate(view: &View, hits: &[VerbHit], hit: usize) -> bool {
    let h = &hits[hit];
    let mut k = h.group_start;
    while k > 0 {
        k -= 1;
        let up = view.up(k);
        if up == "," || up == ";" || view.pos(k).is_verb() || hits.iter().any(|x| x.head == k) {
            return false;
        }
        if grammar::is_subordinator(up) {
            return true;
        }
    }
    false
}

/// The last word of the subject noun phrase of verb `hit` ("call" in "Biden-Zelenskyy call
/// expected"), upper case.
pub fn subject_head<'v>(
    view: &'v View,
    mentions: &[Mention],
    hits: &[VerbHit],
    hit: usize,
) -> Option<&'v str> {
    let (m, _) = subject(view, mentions, hits, hit, 0)?;
    let end = mentions[m].end;
    (end > 0).then(|| view.up(end - 1))
}
