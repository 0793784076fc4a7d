//! Diplomats sent home: "the envoys were told to quit the capital within a
//! week", "its consul must depart". The act is the host's, and no verb of expelling
//! names it, so it is found from its parts (`data/rules/expulsions.tsv`): a word of
//! departure after "to" or "must", a word of compulsion shortly before it, and a mention
//! of diplomats whose country is the target.

use crate::mentions::Mention;
use crate::rules::word_set;
use crate::view::View;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../../data/rules/expulsions.tsv");

/// The code of the act: reduce or break diplomatic relations.
pub const CODE: &str = "161";

/// How far before the word of departure the compulsion and the diplomats may be.
const WINDOW: usize = 12;

struct Words {
    depart: FxHashSet<String>,
    compel: FxHashSet<String>,
    envoy: FxHashSet<String>,
}

fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| Words {
        depart: word_set(TABLE, "depart"),
        compel: word_set(TABLE, "compel"),
        envoy: word_set(TABLE, "envoy"),
    })
}

/// One sending home found in a sentence.
#[derive(Debug)]
pub struct SentHome {
    /// The mention of the diplomats.
    pub envoy: usize,
    /// Mentions of the hosts: parties of another country named in the sentence (may be
    /// empty: the story then says who).
    pub hosts: Vec<usize>,
    /// The word of compulsion ("given", "ordered", "must").
    pub compel: usize,
    /// The word of departure ("leave").
    pub depart: usize,
}

/// The first three letters of a mention's first member: its country, when it has one.
fn country(m: &Mention) -> Option<&str> {
    m.members.first().and_then(|x| x.base.get(..3))
}

/// Every sending home in the sentence.
pub fn find(view: &View, mentions: &[Mention]) -> Vec<SentHome> {
    let w = words();
    let mut out = Vec::new();
    for k in 1..view.len() {
        if !matches!(view.up(k - 1), "TO" | "MUST") || !w.depart.contains(view.up(k)) {
            continue;
        }
        let from = k.saturating_sub(WINDOW);
        let Some(compel) = (from..k).rev().find(|&j| w.compel.contains(view.up(j))) else {
            continue;
        };
        // "were not asked to leave", "no longer has to return": nothing happened.
        if (from..k).any(|j| matches!(view.up(j), "NOT" | "N'T" | "NEVER" | "NO")) {
            continue;
        }
        let Some(envoy) = mentions.iter().position(|m| {
            m.start >= from
                && m.end <= k
                && country(m).is_some()
                && (m.start..m.end).any(|j| w.envoy.contains(view.up(j)))
        }) else {
            continue;
        };
        let own = country(&mentions[envoy]);
        let mut hosts: Vec<usize> = Vec::new();
        for (i, m) in mentions.iter().enumerate() {
            let c = country(m);
            if i != envoy
                && c.is_some()
                && c != own
                && !hosts.iter().any(|&h| country(&mentions[h]) == c)
            {
                hosts.push(i);
            }
        }
        out.push(SentHome {
            envoy,
            hosts,
            compel,
            depart: k,
        });
    }
    out
}
