//! Who asserts what a sentence says: the speaker of a quotation, the party named after
//! "according to", or the subject of a reporting verb ("Peskov said", "said Peskov").
//!
//! The words are data (`data/rules/attribution.tsv`). Attribution is found per sentence;
//! the coder gives it to the sentence's claims and to the events the speaker reports.

use crate::mentions::{Member, Mention};
use crate::quotes::Speech;
use crate::rules::{rows, word_set};
use crate::view::View;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;
use vigil_model::Pos;

const TABLE: &str = include_str!("../../../data/rules/attribution.tsv");

/// The attribution word lists.
struct Words {
    cues: FxHashSet<String>,
    /// Phrases that introduce a speaker after them ("according to", "citing").
    phrases: Vec<Vec<String>>,
    anonymous: FxHashSet<String>,
    /// Verbs of witnessing and quoting, which attribute without naming a speaker's act.
    reporting: FxHashSet<String>,
    between: FxHashSet<String>,
    lead: FxHashSet<String>,
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| Words {
        cues: word_set(TABLE, "cue"),
        phrases: rows(TABLE)
            .filter(|r| r[0] == "phrase")
            .map(|r| r[1..].iter().map(|w| w.to_string()).collect())
            .collect(),
        anonymous: word_set(TABLE, "anonymous"),
        reporting: word_set(TABLE, "reporting"),
        between: word_set(TABLE, "between"),
        lead: word_set(TABLE, "lead"),
    })
}

/// True when `up` (an upper-case word form) is a reporting verb ("said", "told") or a
/// verb of witnessing or quoting ("saw", "cited"): words that attribute, never an act.
pub fn is_reporting(up: &str) -> bool {
    let w = words();
    w.cues.contains(up) || w.reporting.contains(up)
}

/// A speaker found in a sentence.
#[derive(Clone, Debug)]
pub struct Found {
    /// Token range of the words naming the speaker; `(0, 0)` when the speaker comes from
    /// another sentence (then `text` says who).
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The speaker as an actor, when the dictionaries know them.
    pub member: Option<Member>,
    /// The speaker as written, for a speaker from another sentence.
    pub text: Option<String>,
    /// The attributing words.
    pub cue: String,
    /// How the speaker was found.
    pub rule: &'static str,
    /// The words are quoted from the speaker.
    pub direct_quote: bool,
    /// Token range the attribution covers (the quotation, or the whole sentence).
    pub covers: (usize, usize),
}

/// True when the words `[start, end)` name a speaker without naming them: their last word
/// is a noun such as "officials" or "sources".
pub fn anonymous(view: &View, start: usize, end: usize) -> bool {
    end > start && words().anonymous.contains(view.up(end - 1))
}

/// Finds who asserts the sentence (or its quotation). `quote_speaker` is the speaker of
/// the sentence's quotation as the coder resolved it (this sentence or the previous one).
pub fn find(
    view: &View,
    mentions: &[Mention],
    speech: &Speech,
    quote_speaker: Option<(usize, usize, &Member)>,
) -> Vec<Found> {
    let w = words();
    let n = view.len();
    let mut out = Vec::new();
    // A quotation with its speaker.
    if let Some(&(qa, _)) = speech.quotes.first() {
        let qb = speech.quotes.last().map_or(n, |q| q.1);
        if let Some((a, b, m)) = quote_speaker {
            out.push(Found {
                start: a,
                end: b,
                member: Some(m.clone()),
                text: None,
                cue: String::new(),
                rule: if b > a {
                    "quotation"
                } else {
                    "quotation: previous speaker"
                },
                direct_quote: true,
                covers: (qa, qb),
            });
        }
    }
    // "according to X", "citing X": the party named right after.
    for i in 0..n {
        if speech.quoted(i) {
            continue;
        }
        for p in &w.phrases {
            if i + p.len() > n || (0..p.len()).any(|k| view.up(i + k) != p[k]) {
                continue;
            }
            let a = i + p.len();
            let b = phrase_end(view, a);
            if b > a {
                out.push(Found {
                    start: a,
                    end: b,
                    member: member_in(mentions, a, b),
                    text: None,
                    cue: view.words(i, a).to_string(),
                    rule: "according to",
                    direct_quote: false,
                    covers: (0, n),
                });
            }
        }
    }
    // A reporting verb and its subject.
    for i in 0..n {
        if speech.quoted(i) || !is_cue(view, i) {
            continue;
        }
        // Skip a participle used as an adjective ("the alleged plot") or a noun
        // ("the report"): a cue needs a speaker right before or right after it.
        let mut k = i;
        while k > 0 && w.between.contains(view.up(k - 1)) {
            k -= 1;
        }
        let found = speaker_before(view, mentions, k)
            .map(|(a, b, m)| (a, b, m.members.first().cloned()))
            .or_else(|| {
                // "…,” said Biden.
                (i + 1 < n && !matches!(view.up(i + 1), "THAT" | ","))
                    .then(|| {
                        mentions
                            .iter()
                            .find(|m| m.start == i + 1 && !m.members.is_empty())
                            .map(|m| (m.start, m.end, m.members.first().cloned()))
                    })
                    .flatten()
            })
            .or_else(|| unnamed_speaker(view, k).map(|(a, b)| (a, b, None)));
        let Some((start, end, member)) = found else {
            continue;
        };
        out.push(Found {
            start,
            end,
            member,
            text: None,
            cue: view.words(i, i + 1).to_string(),
            rule: "reporting verb",
            direct_quote: false,
            covers: reported_clause(view, i, start),
        });
    }
    out
}

/// True when token `i` reports speech: a cue word, or "put" with a figure ("put the
/// number at 60,000").
fn is_cue(view: &View, i: usize) -> bool {
    // A capitalised word inside the sentence is part of a name ("the State Department").
    if i > 0 && view.capitalised(i) && !view.all_caps {
        return false;
    }
    match view.up(i) {
        "PUT" | "PUTS" => (i + 2..view.len().min(i + 12)).any(|j| view.up(j) == "AT"),
        w => words().cues.contains(w),
    }
}

/// A speaker no dictionary knows, named by a short phrase right before the verb that
/// starts the sentence or follows a comma ("Aid groups warn that …", "…, organisers
/// said."): at most five words, with no verb, number or punctuation among them.
fn unnamed_speaker(view: &View, k: usize) -> Option<(usize, usize)> {
    let mut a = k;
    while a > 0 && k - a < 6 {
        let t = &view.tokens[a - 1];
        if t.is_punct() || t.pos.is_verb() || t.pos.is_aux() || t.pos == Pos::Num {
            break;
        }
        a -= 1;
    }
    let opens = a == 0 || matches!(view.up(a - 1), "," | ";" | ":");
    (opens && a < k && k - a <= 5 && !view.up(a).chars().all(|c| c.is_ascii_digit()))
        .then_some((a, k))
}

/// The speaker of a reporting verb whose group starts at token `k`: the mention right
/// before it, or the phrase before an apposition ("Ukraine's defence minister, Oleksii
/// Reznikov, said"), whose name the dictionaries may not know. Returns the token range
/// naming the speaker and the mention that gives their code.
fn speaker_before<'m>(
    view: &View,
    mentions: &'m [Mention],
    k: usize,
) -> Option<(usize, usize, &'m Mention)> {
    let ending = |e: usize| {
        mentions
            .iter()
            .find(|m| m.end == e && !m.members.is_empty())
    };
    if k == 0 {
        return None;
    }
    if let Some(m) = ending(k) {
        let mut start = lead_start(view, m.start);
        // "… near Lahore, the Pakistani defence ministry said": an apposition that does
        // not open its clause joins the clause's last noun (a place, an object) to the
        // speaker; the speaker is the phrase after the comma.
        if m.how == "apposition"
            && start > 0
            && !matches!(view.up(start - 1), "," | ";" | ":" | "\"" | "“" | "”")
            && let Some(comma) = (m.start..k).find(|&j| view.up(j) == ",")
        {
            start = lead_start(view, comma + 1);
        }
        return Some((start, k, m));
    }
    if view.up(k - 1) != "," {
        return None;
    }
    // A relative clause or participle phrase between the subject and the verb ("Maduro,
    // who has governed since 2013, said"; "An official, speaking on condition of
    // anonymity, put the number at …").
    // Only the comma before the one closing the phrase can open it.
    if let Some(open) = (1..k - 1).rev().find(|&j| view.up(j) == ",")
        && (matches!(view.up(open + 1), "WHO" | "WHICH" | "WHOSE")
            || (view.up(open + 1).len() > 4 && view.up(open + 1).ends_with("ING")))
        && let Some(m) = ending(open)
    {
        return Some((lead_start(view, m.start), open, m));
    }
    // An apposition: ", NAME ," right before the verb.
    let close = k - 1;
    if let Some(m) = ending(close) {
        // The sentence's subject with an apposition ("X, NAME, said"), or a name set off
        // by commas on both sides; not an object before the comma ("Norland condemned
        // Sudland, said X").
        let start = lead_start(view, m.start);
        if start == 0 || m.how == "apposition" {
            return Some((start, close, m));
        }
        if start < 2 || view.up(start - 1) != "," {
            return None;
        }
        let start = ending(start - 1).map_or(start, |head| lead_start(view, head.start));
        return Some((start, close, m));
    }
    let mut t = close;
    while t > 0 && view.capitalised(t - 1) && !view.tokens[t - 1].is_punct() {
        t -= 1;
    }
    if t == close || t < 2 || view.up(t - 1) != "," {
        return None;
    }
    // The phrase before the name: a mention, possibly with a possessive tail ("Ukraine's
    // defence minister, NAME, said").
    let head_end = t - 1;
    let m = mentions
        .iter()
        .filter(|m| !m.members.is_empty() && m.end <= head_end && m.end + 4 >= head_end)
        .max_by_key(|m| m.end)?;
    let tail_ok = (m.end..head_end).all(|j| {
        let w = view.up(j);
        w == "'S" || (!view.capitalised(j) && !view.tokens[j].is_punct())
    });
    tail_ok.then(|| (lead_start(view, m.start), close, m))
}

/// The tokens a reporting verb at `cue` attributes to its speaker (who starts at
/// `speaker`): the clause after the verb ("X said [that …]") up to an adverbial clause
/// the narrator adds ("after …", "as …"); or, when the verb closes the sentence
/// ("…, X said."), everything before the speaker.
fn reported_clause(view: &View, cue: usize, speaker: usize) -> (usize, usize) {
    let n = view.len();
    let rest = (cue + 1..n).filter(|&j| !view.tokens[j].is_punct()).count();
    // "…, a spokesman said on Tuesday." and "…, said Biden, who …": the speaker closes
    // a sentence whose report comes before; "X said that …", "X said Y attacked Z" open
    // one.
    let after_comma = |j: usize| j > 0 && view.up(j - 1) == ",";
    // What follows the verb of a closing speaker is where or when they said it, not what.
    let circumstance = |j: usize| {
        j >= n
            || view.tokens[j].is_punct()
            || matches!(
                view.up(j),
                "ON" | "IN"
                    | "AT"
                    | "DURING"
                    | "TO"
                    | "LATER"
                    | "EARLIER"
                    | "LAST"
                    | "YESTERDAY"
                    | "TODAY"
                    | "WHILE"
                    | "AFTER"
                    | "BEFORE"
                    | "MONDAY"
                    | "TUESDAY"
                    | "WEDNESDAY"
                    | "THURSDAY"
                    | "FRIDAY"
                    | "SATURDAY"
                    | "SUNDAY"
            )
    };
    let closes = (speaker < cue && (rest <= 3 || (after_comma(speaker) && circumstance(cue + 1))))
        || (speaker > cue && (speaker + 4 >= n || after_comma(cue)));
    if closes {
        return (0, speaker.min(cue));
    }
    // "as tensions rose" opens an adverbial clause; "as many as", "such as" do not.
    let adverbial_as = |j: usize| {
        view.up(j) == "AS"
            && view.up(j - 1) != "SUCH"
            && !matches!(
                view.tokens.get(j + 1).map(|t| t.upper.as_str()),
                Some("MANY" | "MUCH" | "HIGH" | "LOW" | "FEW" | "LONG" | "SOON" | "WELL" | "PART")
            )
    };
    let end = (cue + 1..n)
        .find(|&j| {
            adverbial_as(j)
                || matches!(
                    view.up(j),
                    "AFTER"
                        | "BEFORE"
                        | "WHILE"
                        | "ALTHOUGH"
                        | "THOUGH"
                        | "WHEREAS"
                        | "BECAUSE"
                        | "MEANWHILE"
                        | "BUT"
                        | ";"
                )
        })
        .unwrap_or(n);
    (cue + 1, end)
}

/// Start of a speaker's phrase: the mention's first token, extended left over leading
/// words ("a senior", "the").
fn lead_start(view: &View, mut start: usize) -> usize {
    let w = words();
    while start > 0 && w.lead.contains(view.up(start - 1)) {
        start -= 1;
    }
    start
}

/// End of the phrase naming a speaker after "according to": up to punctuation or a
/// relative pronoun.
fn phrase_end(view: &View, a: usize) -> usize {
    let mut b = a;
    while b < view.len() && b - a < 10 {
        let t = &view.tokens[b];
        if t.is_punct() && t.text != "'s" && t.text != "-" {
            break;
        }
        if matches!(view.up(b), "WHO" | "WHICH" | "THAT" | "AND" | "ON" | "IN") {
            break;
        }
        b += 1;
    }
    b
}

/// The first actor member of a mention that starts within `[a, b)`.
fn member_in(mentions: &[Mention], a: usize, b: usize) -> Option<Member> {
    mentions
        .iter()
        .filter(|m| m.start >= a && m.start < b)
        .find_map(|m| m.members.first().cloned())
}
