//! Acts named by a noun after a support verb ("launched *air strikes* on", "imposed
//! *sanctions* on", "signed a *truce*", "held *talks* with"): the verb carries tense,
//! negation and the parties, the noun decides the code (`data/rules/event-nouns.tsv`).
//! The noun may also be the subject: of a support verb in the passive ("*protests* were
//! held in …") or of a verb of impact ("Israeli *air strikes* hit …", "*the raid* killed
//! …"), whose object is then the target.

use crate::view::View;
use rustc_hash::FxHashMap;
use vigil_model::Pos;

const TABLE: &str = include_str!("../../../data/rules/event-nouns.tsv");

/// How many words before the noun its object may hold ("a series of fresh deadly air
/// strikes").
const MAX_MODIFIERS: usize = 6;

/// One noun of the table.
#[derive(Debug)]
struct Entry {
    words: Vec<String>,
    code: String,
    mutual: bool,
    verbs: Vec<String>,
}

/// The event-noun table, keyed by the noun's first word.
#[derive(Debug, Default)]
pub struct EventNouns {
    by_first: FxHashMap<String, Vec<Entry>>,
    /// Every support verb of the table, so other verbs are passed over at once.
    support: rustc_hash::FxHashSet<String>,
    /// Verbs of impact (row `>`): an act named by their subject noun is the act itself.
    impact: rustc_hash::FxHashSet<String>,
}

/// How many words may stand between a subject noun and its verb ("air strikes *late on
/// Monday* hit").
const MAX_GAP: usize = 5;

/// Roots of the acts a verb of impact can have as its subject: protests, force, coercion,
/// assaults, fighting, mass violence ("sanctions hit the economy" is a consequence).
const IMPACT_ROOTS: [&str; 6] = ["14", "15", "17", "18", "19", "20"];

/// A noun found as a support verb's object.
#[derive(Debug, Clone)]
pub struct Found {
    /// The act's code.
    pub code: String,
    /// Both parties do the act.
    pub mutual: bool,
    /// The noun's tokens `[start, end)`.
    pub start: usize,
    pub end: usize,
    /// The noun is the verb's subject ("air strikes hit"), not its object.
    pub subject: bool,
}

/// True when the noun ending before token `end` heads its phrase: no noun follows it
/// ("attack *helicopters*"), except a word of time ("expelled the diplomats *yesterday*").
fn heads(view: &View, end: usize) -> bool {
    end >= view.len()
        || !matches!(view.pos(end), Pos::Noun)
        || matches!(
            view.up(end),
            "YESTERDAY" | "TODAY" | "TONIGHT" | "OVERNIGHT"
        )
}

/// A verb lemma as the table writes it (`CARRY OUT` and `CARRY_OUT` alike).
fn lemma_key(l: &str) -> String {
    l.trim().replace(' ', "_")
}

impl EventNouns {
    /// The shipped table.
    pub fn embedded() -> EventNouns {
        let rows: Vec<Vec<&str>> = TABLE
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim_end())
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.split('\t').map(str::trim).collect())
            .filter(|r: &Vec<&str>| r.len() >= 4)
            .collect();
        let general: Vec<String> = rows
            .iter()
            .filter(|r| r[0] == "*")
            .flat_map(|r| r[3].split('|').map(lemma_key))
            .collect();
        let mut out = EventNouns {
            impact: rows
                .iter()
                .filter(|r| r[0] == ">")
                .flat_map(|r| r[3].split('|').map(lemma_key))
                .collect(),
            ..EventNouns::default()
        };
        for r in rows.iter().filter(|r| r[0] != "*" && r[0] != ">") {
            let verbs: Vec<String> = if r[3] == "*" {
                general.clone()
            } else {
                r[3].split('|').map(lemma_key).collect()
            };
            out.support.extend(verbs.iter().cloned());
            for noun in r[0].split('|') {
                let words: Vec<String> = noun.split_whitespace().map(str::to_string).collect();
                let Some(first) = words.first().cloned() else {
                    continue;
                };
                out.by_first.entry(first).or_default().push(Entry {
                    words,
                    code: r[1].to_string(),
                    mutual: r[2] == "mutual",
                    verbs: verbs.clone(),
                });
            }
        }
        // Longest nouns first, so "AIR STRIKE" wins over "STRIKE".
        for v in out.by_first.values_mut() {
            v.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
        }
        out
    }

    /// True when `lemma` is a support verb of some noun of the table.
    pub fn supports(&self, lemma: &str) -> bool {
        self.support.contains(&lemma_key(lemma))
    }

    /// True when `lemma` may take an event noun as its subject: a verb of impact, or a
    /// support verb in the passive.
    pub fn takes_subject(&self, lemma: &str, passive: bool) -> bool {
        let key = lemma_key(lemma);
        if passive {
            self.support.contains(&key)
        } else {
            self.impact.contains(&key)
        }
    }

    /// The act named by the subject of verb `lemma` whose group starts at token
    /// `group_start`: a listed noun heading the phrase that ends there (or a few words
    /// earlier: "air strikes late on Monday hit"). In the passive the noun must list
    /// the verb among its support verbs ("demonstrations were held"); in the active the
    /// verb is one of impact and the act one of force or protest ("air strikes hit").
    pub fn find_subject(
        &self,
        view: &View,
        lemma: &str,
        group_start: usize,
        passive: bool,
    ) -> Option<Found> {
        let lemma = lemma_key(lemma);
        let lowest = group_start.saturating_sub(MAX_GAP + 4);
        let mut best: Option<Found> = None;
        for k in (lowest..group_start).rev() {
            // Nothing but a short adverbial between the noun and the verb.
            let t = view.pos(k);
            if t.is_verb()
                || t.is_aux()
                || matches!(view.up(k), "," | ";" | ":" | "THAT" | "WHICH" | "WHO")
            {
                break;
            }
            let Some(entries) = self.by_first.get(view.up(k)) else {
                if best.is_some() {
                    break;
                }
                continue;
            };
            for e in entries {
                let end = k + e.words.len();
                let fits = end <= group_start
                    && group_start - end <= MAX_GAP
                    && e.words.iter().enumerate().all(|(j, w)| view.up(k + j) == w)
                    // The noun heads its phrase: "strike aircraft" are no strike.
                    && (end == group_start || heads(view, end))
                    // A longer noun ending where the one found ends ("air strikes" over
                    // "strikes").
                    && best.as_ref().is_none_or(|b| b.end == end);
                let allowed = if passive {
                    e.verbs.contains(&lemma)
                } else {
                    !e.mutual && IMPACT_ROOTS.iter().any(|r| e.code.starts_with(r))
                };
                if fits && allowed {
                    best = Some(Found {
                        code: e.code.clone(),
                        mutual: e.mutual,
                        start: k,
                        end,
                        subject: true,
                    });
                    break;
                }
            }
        }
        best
    }

    /// The act the object of support verb `lemma` names, when its object (starting at
    /// token `from`, before `limit`) is headed by a listed noun.
    pub fn find(&self, view: &View, lemma: &str, from: usize, limit: usize) -> Option<Found> {
        let lemma = lemma_key(lemma);
        let mut k = from;
        let mut skipped = 0;
        while k < limit && skipped <= MAX_MODIFIERS {
            if let Some(entries) = self.by_first.get(view.up(k)) {
                for e in entries {
                    let end = k + e.words.len();
                    if end <= limit
                        && e.words.iter().enumerate().all(|(j, w)| view.up(k + j) == w)
                        && e.verbs.contains(&lemma)
                        // The noun heads the phrase: "attack helicopters" is no attack.
                        && heads(view, end)
                    {
                        return Some(Found {
                            code: e.code.clone(),
                            mutual: e.mutual,
                            start: k,
                            end,
                            subject: false,
                        });
                    }
                }
            }
            // Only the words of one noun phrase before the noun.
            let up = view.up(k);
            let modifier = matches!(
                view.pos(k),
                Pos::Det | Pos::Num | Pos::Adj | Pos::Adv | Pos::Propn
            ) || matches!(
                up,
                "OF" | "SERIES"
                    | "WAVE"
                    | "ROUND"
                    | "NUMBER"
                    | "SPATE"
                    | "STRING"
                    | "FRESH"
                    | "NEW"
                    | "'S"
                    | "ITS"
                    | "THEIR"
                    | "HIS"
                    | "HER"
                    | "-"
                    | "%"
                    | "PERCENT"
                    | "PER"
                    | "CENT"
                    // "placed the president *under* house arrest".
                    | "UNDER"
            );
            // "a six-month truce", "a 72-hour ceasefire": a span of time.
            let span = ["HOUR", "DAY", "WEEK", "MONTH", "YEAR"].iter().any(|u| {
                up.strip_suffix(u)
                    .is_some_and(|p| p.is_empty() || p.ends_with('-'))
            });
            let modifier = modifier || span;
            // "agreed *to* a ceasefire", "agreed *on* a truce".
            let preposition = k == from && matches!(up, "TO" | "ON" | "UPON");
            if !modifier && !preposition {
                return None;
            }
            skipped += 1;
            k += 1;
        }
        None
    }
}

/// The parties a subject noun names itself: its modifier or possessor ("*Israeli* air
/// strikes", "*the army's* raid") and phrases after it up to the verb ("protests
/// *against the government*", "air strikes *by the coalition*", "clashes *between* A and
/// B", whose compound is both sides). Returns the source and
/// target mention indices found.
pub fn subject_parties(
    view: &View,
    mentions: &[crate::mentions::Mention],
    noun: &Found,
    group_start: usize,
) -> (Option<usize>, Option<usize>) {
    let mut source = None;
    let mut target = None;
    for (i, m) in mentions.iter().enumerate() {
        if m.members.is_empty() {
            continue;
        }
        // A modifier inside the noun's phrase, right before the noun or covering it.
        if m.start < noun.start && m.end >= noun.start && m.end <= noun.end.max(noun.start) + 1 {
            source = source.or(Some(i));
            continue;
        }
        if m.start > noun.end && m.end <= group_start {
            match view.up(m.start - 1) {
                "BY" | "FROM" => source = source.or(Some(i)),
                // "fighting *between* the army and the rebels erupted": both sides.
                "BETWEEN" if m.members.len() >= 2 => source = source.or(Some(i)),
                "AGAINST" | "ON" | "AT" | "TARGETING" | "INTO" => target = target.or(Some(i)),
                _ => {}
            }
        }
    }
    (source, target)
}

impl EventNouns {
    /// "Six soldiers were killed *in a clash with Sudanese troops*", "… *in the Hezbollah
    /// attack*": in a casualty passive, an act of force named after "in", "during" or
    /// "amid" (between tokens `from` and `limit`), with the party that phrase names — the
    /// noun's modifier or possessor, else an actor after "with", "by" or "from". Returns
    /// the act and that party's mention.
    pub fn casualty_phrase(
        &self,
        view: &View,
        mentions: &[crate::mentions::Mention],
        from: usize,
        limit: usize,
    ) -> Option<(Found, usize)> {
        let limit = limit.min(view.len());
        let open = (from..limit).find(|&k| matches!(view.up(k), "IN" | "DURING" | "AMID"))?;
        for k in open + 1..limit.min(open + 2 + MAX_MODIFIERS) {
            let Some(entries) = self.by_first.get(view.up(k)) else {
                continue;
            };
            let Some(e) = entries.iter().find(|e| {
                let end = k + e.words.len();
                end <= limit
                    && e.words.iter().enumerate().all(|(j, w)| view.up(k + j) == w)
                    && ["18", "19", "20"].iter().any(|r| e.code.starts_with(r))
            }) else {
                continue;
            };
            let end = k + e.words.len();
            let modifier = mentions.iter().position(|m| {
                !m.members.is_empty() && m.start > open && m.start < k && m.end <= end
            });
            let after = mentions.iter().position(|m| {
                !m.members.is_empty()
                    && m.start > end
                    && m.start < limit
                    && matches!(view.up(m.start - 1), "WITH" | "BY" | "FROM")
            });
            let party = modifier.or(after)?;
            return Some((
                Found {
                    code: e.code.clone(),
                    mutual: e.mutual,
                    start: k,
                    end,
                    subject: false,
                },
                party,
            ));
        }
        None
    }
}

impl EventNouns {
    /// "several people were shot in *a clash between police and protesters*": a noun of
    /// mutual force followed by "between" and a compound names a fight between its members,
    /// whatever verb the sentence has. Returns each noun with the compound's mention.
    pub fn clashes_between(
        &self,
        view: &View,
        mentions: &[crate::mentions::Mention],
    ) -> Vec<(Found, usize)> {
        let mut out = Vec::new();
        // Only where "between" follows: most sentences have none, so the table is looked up
        // a few times a sentence at most (a noun is at most four words long).
        let betweens: Vec<usize> = (1..view.len())
            .filter(|&b| view.up(b) == "BETWEEN")
            .collect();
        let starts = betweens
            .iter()
            .flat_map(|&b| (b.saturating_sub(4)..b).rev());
        for k in starts {
            let Some(entries) = self.by_first.get(view.up(k)) else {
                continue;
            };
            // Talks and exchanges only as the setting of what the sentence reports
            // ("freed *in an exchange between* …", "*after talks between* …"): elsewhere
            // they are as often planned or long past.
            let setting = (k.saturating_sub(3)..k)
                .rev()
                .take_while(|&j| matches!(view.pos(j), Pos::Det | Pos::Adj | Pos::Num | Pos::Adp))
                .any(|j| matches!(view.up(j), "IN" | "DURING" | "AFTER" | "FOLLOWING" | "AT"));
            for e in entries.iter().filter(|e| {
                e.mutual
                    && (e.code.starts_with("19")
                        || (setting && matches!(e.code.as_str(), "040" | "046" | "0841")))
            }) {
                let end = k + e.words.len();
                if end + 1 >= view.len()
                    || !e.words.iter().enumerate().all(|(j, w)| view.up(k + j) == w)
                    || view.up(end) != "BETWEEN"
                {
                    continue;
                }
                if let Some(m) = crate::roles::compound_after(view, mentions, end) {
                    out.push((
                        Found {
                            code: e.code.clone(),
                            mutual: true,
                            start: k,
                            end,
                            subject: false,
                        },
                        m,
                    ));
                    break;
                }
            }
        }
        out
    }
}

/// One "came under fire" found: the act, where "came" is, the mentions of the party
/// under it and of the one named after "by" or "from".
#[derive(Debug)]
pub struct UnderFire {
    /// The act the noun names.
    pub noun: Found,
    /// The token of "came" / "come".
    pub verb: usize,
    /// The mention of the party attacked: the subject before the verb.
    pub target: Option<usize>,
    /// The mention named after "by" or "from", the attacker.
    pub source: Option<usize>,
}

impl EventNouns {
    /// "The convoy *came under fire from* rebels", "the border town *came under
    /// heavy shelling by* Eritrean troops": an act of force the subject suffers, named by
    /// the noun after "came under" (acts of roots 18–20 only).
    pub fn under_fire(&self, view: &View, mentions: &[crate::mentions::Mention]) -> Vec<UnderFire> {
        let mut out = Vec::new();
        for k in 0..view.len().saturating_sub(2) {
            if !matches!(view.up(k), "CAME" | "COME" | "COMES" | "COMING")
                || view.up(k + 1) != "UNDER"
            {
                continue;
            }
            let Some(noun) = (k + 2..view.len().min(k + 5)).find_map(|j| {
                self.by_first.get(view.up(j))?.iter().find_map(|e| {
                    let end = j + e.words.len();
                    (end <= view.len()
                        && e.words.iter().enumerate().all(|(i, w)| view.up(j + i) == w)
                        && ["18", "19", "20"].iter().any(|r| e.code.starts_with(r)))
                    .then(|| Found {
                        code: e.code.clone(),
                        mutual: false,
                        start: j,
                        end,
                        subject: false,
                    })
                })
            }) else {
                continue;
            };
            // The subject: the last mention before "came" with only the rest of its noun
            // phrase ("the northern city *of Gao*"), adverbs or auxiliaries between.
            let target = mentions.iter().rposition(|m| {
                !m.members.is_empty()
                    && m.end <= k
                    && (m.end..k).all(|j| {
                        view.pos(j).is_aux()
                            || matches!(
                                view.pos(j),
                                Pos::Adv | Pos::Noun | Pos::Propn | Pos::Adj | Pos::Det
                            )
                            || view.up(j) == "OF"
                    })
            });
            let source = mentions.iter().position(|m| {
                !m.members.is_empty()
                    && m.start > noun.end
                    && m.start <= noun.end + 3
                    && matches!(view.up(m.start - 1), "BY" | "FROM")
            });
            out.push(UnderFire {
                noun,
                verb: k,
                target,
                source,
            });
        }
        out
    }
}
