//! Verb recognition: dictionary verb forms found in a sentence (with their phrasal words),
//! and the verb group around each (auxiliaries, modals, negation, voice).

use crate::grammar;
use crate::mentions::{Mention, MentionKind};
use crate::view::View;
use vigil_dict::DictSet;
use vigil_model::{Pos, Token};

/// A dictionary verb found in a sentence.
#[derive(Clone, Debug)]
pub struct VerbHit {
    /// Index of the form in `DictSet::verbs.forms`.
    pub form: u32,
    /// The same words listed in other verb blocks (a later dictionary file adding patterns
    /// to a verb an earlier one has): their patterns are tried too.
    pub alts: Vec<u32>,
    /// Token of the inflected word.
    pub head: usize,
    /// First token of the verb's words (front words of a phrasal verb included).
    pub start: usize,
    /// One past the last verb word (back words included).
    pub end: usize,
    /// Tokens of the back words (may be separated from the head by a short object).
    pub back: Vec<usize>,
    /// First token of the verb group (auxiliaries, modals, negators, adverbs before it).
    pub group_start: usize,
    /// The group holds a negator ("did not attack").
    pub negated: bool,
    /// The group marks future or intention ("will", "would", "about to", "going to").
    pub future: bool,
    /// The group marks possibility ("could", "may", "might").
    pub epistemic: bool,
    /// Passive voice ("was opposed by").
    pub passive: bool,
    /// When the verb is the `to`-infinitive complement of another verb ("plans to visit"),
    /// the token of that governing verb.
    pub governor: Option<usize>,
}

/// "Israeli air strikes *hit* Hamas positions", "the US *imposed* sanctions": a sentence's
/// first verb that the tagger read as a noun or adjective, between its subject's head and
/// the start of an object (an -ed form may take a bare noun; other forms need a
/// determiner, a name, a number, a pronoun or an adjective before a noun, so "US trade
/// deficit" stays a noun). After a plural subject ("forces *bomb* rebel bases", "air
/// strikes *target* rebel positions") a base form may take a bare noun too, when no finite
/// verb follows to claim the clause ("arms control talks *were* held"). Noun phrases end
/// before such a word when it is a dictionary verb.
pub fn mistagged(view: &View, i: usize) -> bool {
    if i == 0
        || i + 1 >= view.len()
        || !matches!(view.pos(i), Pos::Noun | Pos::Adj)
        || !matches!(view.pos(i - 1), Pos::Noun | Pos::Propn)
        || (0..i).any(|k| clause_verb(view, k))
    {
        return false;
    }
    let up = view.up(i);
    let next = view.pos(i + 1);
    let noun_after = |k: usize| k < view.len() && matches!(view.pos(k), Pos::Noun | Pos::Propn);
    matches!(next, Pos::Det | Pos::Propn | Pos::Num | Pos::Pron)
        || (next == Pos::Adj && noun_after(i + 2))
        || (up.ends_with("ED") && next == Pos::Noun)
        || (next == Pos::Noun
            && view.pos(i - 1) == Pos::Noun
            && view.up(i - 1).ends_with('S')
            && !up.ends_with('S')
            && !(i + 1..view.len()).any(|k| matches!(view.pos(k), Pos::VerbFin | Pos::AuxFin)))
}

/// A word that makes the words after it a clause's predicate: any verb or auxiliary,
/// except a hyphenated participle, which modifies a noun ("the *Saudi-led* coalition").
fn clause_verb(view: &View, k: usize) -> bool {
    let pos = view.pos(k);
    (pos.is_verb() || pos.is_aux()) && !(pos == Pos::VerbPart && view.tokens[k].text.contains('-'))
}

/// "Rebels *fought* with soldiers", "drones *struck* positions": the tagger sometimes
/// reads an irregular past form after a noun as part of a compound noun. A word that
/// the verb dictionary knows only as the past of a verb ("fought", "struck", not
/// "attack", "hit" or "armed"), written in lower case right after a noun or name, is
/// a verb.
pub fn past_forms_are_verbs(
    tokens: &mut [Token],
    ids: &[Option<vigil_dict::WordId>],
    verbs: &vigil_dict::VerbDict,
) {
    for k in 1..tokens.len() {
        if !matches!(tokens[k].pos, Pos::Noun | Pos::Propn)
            || !matches!(tokens[k - 1].pos, Pos::Noun | Pos::Propn | Pos::Pron)
            || tokens[k]
                .text
                .chars()
                .next()
                .is_none_or(|c| !c.is_lowercase())
        {
            continue;
        }
        let up = tokens[k].upper.as_str();
        if up.ends_with('S') || up.ends_with("ING") || up.ends_with("ED") {
            continue;
        }
        let past = ids[k]
            .and_then(|id| verbs.by_word.get(&id))
            .is_some_and(|forms| {
                // Never a verb's base form, and the inflection of some single-word verb
                // ("shot" of SHOOT, though "SHOT AND" also opens a phrase).
                forms.iter().all(|&f| verbs.forms[f as usize].lemma != up)
                    && forms.iter().any(|&f| {
                        let lemma = &verbs.forms[f as usize].lemma;
                        !lemma.contains(' ') && lemma != up
                    })
            });
        if past {
            tokens[k].pos = Pos::VerbFin;
        }
    }
}

fn verb_like(view: &View, i: usize) -> bool {
    let pos = view.pos(i);
    if pos.is_verb() || pos.is_aux() {
        return true;
    }
    if mistagged(view, i) {
        return true;
    }
    // Taggers miss verbs after a modal or "to" ("will wire tap", "to restore"); trust the
    // auxiliary.
    if i > 0 && matches!(pos, Pos::Noun | Pos::Adj | Pos::X | Pos::Propn) {
        let prev = view.up(i - 1);
        return grammar::is_future_modal(prev)
            || grammar::is_epistemic_modal(prev)
            || prev == "TO"
            || grammar::is_negator(prev)
            || grammar::is_do(prev);
    }
    false
}

/// Finds the dictionary verbs of a sentence, left to right. Words inside a named actor
/// ("White House") are not verbs.
#[allow(clippy::needless_range_loop)] // `i` indexes tokens, ids and flags alike
pub fn find(view: &View, dicts: &DictSet, mentions: &[Mention]) -> Vec<VerbHit> {
    let mut in_actor = vec![false; view.len()];
    for m in mentions.iter().filter(|m| m.kind == MentionKind::Named) {
        for f in in_actor.iter_mut().take(m.end).skip(m.start) {
            *f = true;
        }
    }
    // In a headline a verb right after its subject may be tagged a noun ("Kenyan police
    // *fire* tear gas"): the word after a noun phrase counts as a verb there.
    // Only when the tagger found no verb at all: a headline it could read keeps its verbs.
    let headline = crate::mentions::headline(view)
        && !(0..view.len()).any(|k| view.pos(k).is_verb() || view.pos(k).is_aux());
    let after_np = |i: usize| {
        headline
            && mentions.iter().any(|m| m.end == i)
            && matches!(view.pos(i), Pos::Noun | Pos::Propn | Pos::Adj | Pos::X)
    };
    let verbs = &dicts.verbs;
    let mut hits = Vec::new();
    for i in 0..view.len() {
        let Some(id) = view.ids[i] else { continue };
        let Some(forms) = verbs.by_word.get(&id) else {
            continue;
        };
        if in_actor[i] {
            continue;
        }
        let mut best: Option<(usize, VerbHit)> = None;
        for &f in forms {
            let form = &verbs.forms[f as usize];
            let nf = form.front.len();
            if nf > i || (0..nf).any(|k| view.ids[i - nf + k] != Some(form.front[k])) {
                continue;
            }
            let Some(back) = match_back(view, i + 1, &form.back) else {
                continue;
            };
            let phrasal = nf + form.back.len() > 0;
            if !phrasal && !verb_like(view, i) && !after_np(i) {
                continue;
            }
            let words = 1 + nf + form.back.len();
            if let Some((w, b)) = best.as_mut()
                && *w == words
                && verbs.forms[b.form as usize].block != form.block
            {
                b.alts.push(f);
                continue;
            }
            if best.as_ref().is_none_or(|(w, _)| words > *w) {
                let end = back.last().map_or(i + 1, |&b| b + 1);
                best = Some((
                    words,
                    VerbHit {
                        form: f,
                        alts: Vec::new(),
                        head: i,
                        start: i - nf,
                        end,
                        back,
                        group_start: i - nf,
                        negated: false,
                        future: false,
                        epistemic: false,
                        passive: false,
                        governor: None,
                    },
                ));
            }
        }
        if let Some((_, mut hit)) = best {
            analyse_group(view, &mut hit);
            hits.push(hit);
        }
    }
    // A phrasal verb's back words are not verbs of their own.
    let taken: Vec<usize> = hits.iter().flat_map(|h| h.back.iter().copied()).collect();
    hits.retain(|h| !taken.contains(&h.head));
    hits
}

/// Back words of a phrasal verb: in order, the first within three tokens of the head
/// ("call the strike off"), the rest adjacent.
fn match_back(view: &View, from: usize, back: &[u32]) -> Option<Vec<usize>> {
    let mut out = Vec::with_capacity(back.len());
    let mut pos = from;
    for (k, &w) in back.iter().enumerate() {
        let reach = if k == 0 { 4 } else { 1 };
        let found = (pos..(pos + reach).min(view.len()))
            .take_while(|&j| j == pos || !view.tokens[j].is_punct())
            .find(|&j| view.ids[j] == Some(w))?;
        out.push(found);
        pos = found + 1;
    }
    Some(out)
}

fn analyse_group(view: &View, hit: &mut VerbHit) {
    let mut s = hit.start;
    let mut be = false;
    while s > 0 {
        let up = view.up(s - 1);
        let pos = view.pos(s - 1);
        let part_of_group = pos.is_aux()
            || grammar::is_negator(up)
            || grammar::is_future_modal(up)
            || grammar::is_epistemic_modal(up)
            || up == "TO"
            || (up == "ABOUT" && s < view.len() && view.up(s) == "TO")
            || (up == "GOING" && view.up(s) == "TO")
            || (pos == Pos::Adv && s - 1 > 0);
        if !part_of_group {
            break;
        }
        s -= 1;
        if grammar::is_negator(up) {
            hit.negated = true;
        }
        if grammar::is_future_modal(up) || up == "ABOUT" || up == "GOING" {
            hit.future = true;
        }
        if grammar::is_epistemic_modal(up) {
            hit.epistemic = true;
        }
        if grammar::is_be(up) {
            be = true;
        }
    }
    // Adverbs at the left edge belong to the clause, not to the group.
    while s < hit.start && view.pos(s) == Pos::Adv && !grammar::is_negator(view.up(s)) {
        s += 1;
    }
    hit.group_start = s;
    let head_pos = view.pos(hit.head);
    // UD tags both participles `Part`: "is acting" is progressive, "was opposed" passive.
    let head = view.up(hit.head);
    hit.passive = be
        && !head.ends_with("ING")
        && (head_pos == Pos::VerbPart || (head_pos == Pos::Adj && head.ends_with("ED")));
    // "plans to visit": the infinitive's governor is the verb before `to`.
    if hit.start >= 2 && view.up(hit.start - 1) == "TO" {
        let mut g = hit.start - 2;
        while g > 0 && view.pos(g) == Pos::Adv {
            g -= 1;
        }
        if view.pos(g).is_verb() || view.pos(g) == Pos::Adj || view.up(g) == "ABOUT" {
            hit.governor = Some(g);
        }
    }
}
