//! Speech acts named by a noun: "Russia's warnings to Ukraine", "in their demands on NATO".
//!
//! A verbal act (a warning, a demand, an accusation) is often reported as a noun whose
//! possessor is the speaker and whose `to`/`against`/`on` phrase is the addressee. Such a
//! noun is the act itself, not a presupposed one (contrast "its invasion of Ukraine", which
//! only refers to an act told elsewhere), so it is coded when both parties are in the text:
//! the possessor (an actor's `'s`, or `his`/`her`/`its`/`their` standing for the clause's
//! actor) and the actor after the preposition. Which nouns count, and their codes, is data:
//! `data/rules/speech-nouns.tsv`.

use crate::ArticleContext;
use crate::grammar;
use crate::mentions::{Member, Mention, MentionKind, Why};
use crate::view::View;
use vigil_model::Pos;

/// A speech act named by a noun.
#[derive(Debug)]
pub struct Nominal {
    /// Token of the noun.
    pub noun: usize,
    /// Its code (from the rule table).
    pub code: String,
    /// Who made it, and how that was found.
    pub source: (Vec<Member>, &'static str),
    /// Mention of the addressee.
    pub target: usize,
}

/// Finds speech-act nouns with both a possessor and an addressee. `code_of` gives a noun's
/// code (upper case); `taken` says whether a token is already part of a coded verb's pattern.
pub fn find(
    view: &View,
    mentions: &[Mention],
    ctx: &ArticleContext,
    code_of: impl Fn(&str) -> Option<String>,
    taken: impl Fn(usize) -> bool,
) -> Vec<Nominal> {
    let mut out = Vec::new();
    for i in 1..view.len().saturating_sub(1) {
        let Some(code) = code_of(view.up(i)) else {
            continue;
        };
        if !matches!(view.pos(i), Pos::Noun | Pos::Propn) || taken(i) {
            continue;
        }
        // Capitalised, it is part of a name ("the Threat Reduction Agency"), not an act. (A
        // mention's span may take in the noun: "Russia's latest demands" is one phrase.)
        if view.capitalised(i) {
            continue;
        }
        let Some(target) = addressee(view, mentions, i) else {
            continue;
        };
        let Some(source) = possessor(view, mentions, ctx, i) else {
            continue;
        };
        out.push(Nominal {
            noun: i,
            code,
            source,
            target,
        });
    }
    out
}

/// The mention after "to", "against", "on" or "toward(s)" right after the noun.
fn addressee(view: &View, mentions: &[Mention], noun: usize) -> Option<usize> {
    if !matches!(
        view.up(noun + 1),
        "TO" | "AGAINST" | "ON" | "TOWARD" | "TOWARDS"
    ) {
        return None;
    }
    let at = noun + 2;
    let at_or_after_the = |k: usize| k == at || (view.up(at) == "THE" && k == at + 1);
    mentions.iter().position(|m| {
        m.kind == MentionKind::Named && !m.members.is_empty() && at_or_after_the(m.start)
    })
}

/// Who made the act: "Russia's (latest) warnings" or "their warnings" with `their` standing
/// for the nearest actor before it that is not the object of a preposition, else the actor
/// the previous sentence was about. Not when a negator comes just before ("not its
/// demands").
fn possessor(
    view: &View,
    mentions: &[Mention],
    ctx: &ArticleContext,
    noun: usize,
) -> Option<(Vec<Member>, &'static str)> {
    // Step back over the noun's modifiers ("first *state* visit", "fresh border demands").
    let mut k = noun;
    while k > 0 && matches!(view.pos(k - 1), Pos::Adj | Pos::Adv | Pos::Num | Pos::Noun) {
        k -= 1;
    }
    if k == 0 {
        return None;
    }
    let det = k - 1;
    if det > 0 && grammar::is_negator(view.up(det - 1)) {
        return None;
    }
    let with_place = |members: &[Member], why: &'static str| -> Vec<Member> {
        members
            .iter()
            .map(|m| Member {
                start: det,
                end: det + 1,
                entries: {
                    let mut e = m.entries.clone();
                    e.push(Why::Note(why.into()));
                    e
                },
                ..m.clone()
            })
            .collect()
    };
    match view.up(det) {
        "'S" | "'" => {
            let m = mentions
                .iter()
                .find(|m| m.start < det && det <= m.end && !m.members.is_empty())?;
            Some((m.members.clone(), "possessor"))
        }
        "HIS" | "HER" | "ITS" | "THEIR" => {
            let before = mentions[..]
                .iter()
                .rev()
                .filter(|m| m.end <= det && !m.members.is_empty())
                .find(|m| {
                    m.members.iter().any(|x| !x.base.is_empty())
                        && !(m.start > 0 && view.pos(m.start - 1) == Pos::Adp)
                });
            match before {
                Some(m) => Some((
                    with_place(&m.members, "possessive pronoun: the clause's actor"),
                    "possessive pronoun",
                )),
                None if !ctx.last_subject.is_empty() => Some((
                    with_place(
                        &ctx.last_subject,
                        "possessive pronoun: the previous sentence's actor",
                    ),
                    "possessive pronoun (context)",
                )),
                None => None,
            }
        }
        _ => None,
    }
}
