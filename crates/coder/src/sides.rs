//! "Both sides", "the two leaders": the two countries the story's preceding sentences were
//! about, coded as a compound of them (`data/rules/both-sides.txt`).

use crate::mentions::{Member, Mention, MentionKind, Why};
use crate::view::View;

const PHRASES: &str = include_str!("../../../data/rules/both-sides.txt");

/// The phrases, as word lists keyed by their first word, longest first.
#[derive(Debug)]
pub struct Sides {
    by_first: rustc_hash::FxHashMap<String, Vec<Vec<String>>>,
}

impl Sides {
    /// The shipped list.
    pub fn embedded() -> Sides {
        let mut phrases: Vec<Vec<String>> = PHRASES
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .map(|l| l.split_whitespace().map(str::to_string).collect())
            .collect();
        phrases.sort_by_key(|p: &Vec<String>| std::cmp::Reverse(p.len()));
        let mut by_first: rustc_hash::FxHashMap<String, Vec<Vec<String>>> = Default::default();
        for p in phrases {
            by_first.entry(p[0].clone()).or_default().push(p);
        }
        Sides { by_first }
    }

    /// Replaces each phrase of the sentence (and any mention inside it) by a mention of the
    /// story's two parties, when the story has two.
    pub fn resolve(&self, view: &View, mentions: &mut Vec<Mention>, parties: &[Member]) {
        if parties.len() < 2 {
            return;
        }
        let mut k = 0;
        let mut found_any = false;
        while k < view.len() {
            let found = self.by_first.get(view.up(k)).and_then(|ps| {
                ps.iter().find(|p| {
                    k + p.len() <= view.len()
                        && p.iter().enumerate().all(|(j, w)| view.up(k + j) == w)
                })
            });
            let Some(p) = found else {
                k += 1;
                continue;
            };
            let (start, end) = (k, k + p.len());
            found_any = true;
            mentions.retain(|m| m.end <= start || m.start >= end);
            let members = parties
                .iter()
                .map(|m| Member {
                    start,
                    end,
                    entries: vec![Why::Note("the story's two parties (both-sides.txt)".into())],
                    ..m.clone()
                })
                .collect();
            mentions.push(Mention {
                start,
                end,
                members,
                kind: MentionKind::Named,
                how: "both sides",
                anchored: false,
            });
            k = end;
        }
        if found_any {
            mentions.sort_by_key(|m| m.start);
        }
    }
}

/// Updates the story's two latest parties with the actors of one sentence's events (each
/// `(source, target)`), most recent last; a country already there moves to the end.
pub fn remember(parties: &mut Vec<Member>, actors: impl IntoIterator<Item = Member>) {
    for m in actors {
        let Some(c) = crate::roles::country_of(&m.base) else {
            continue;
        };
        parties.retain(|p| p.base.get(..3) != Some(c));
        parties.push(Member {
            start: 0,
            end: 0,
            ..m
        });
    }
    let excess = parties.len().saturating_sub(2);
    parties.drain(..excess);
}
