//! Statements that judge another party (`data/rules/evaluations.tsv`): "Chile called the
//! move *regrettable*" criticises (111), "described the visit as *historic*" praises
//! (051), and so does a quotation with such a word when its speaker does nothing else in
//! the sentence ("'This is absolutely *unacceptable*,' the chancellor said").

use crate::rules::word_set;
use crate::view::View;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../../data/rules/evaluations.tsv");

/// How many words after a verb of naming its judgement may come ("called the EU's new
/// sanctions on the country *regrettable*").
const WINDOW: usize = 14;

struct Words {
    verbs: FxHashSet<String>,
    negative: FxHashSet<String>,
    positive: FxHashSet<String>,
    threat: FxHashSet<String>,
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| Words {
        verbs: word_set(TABLE, "verb"),
        negative: word_set(TABLE, "negative"),
        positive: word_set(TABLE, "positive"),
        threat: word_set(TABLE, "threat"),
    })
}

/// A judgement found: the code it makes and the token of the judging word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Judgement {
    /// `111` (criticism), `051` (praise) or `130` (a threat).
    pub code: &'static str,
    /// The judging word.
    pub word: usize,
}

fn judge(view: &View, k: usize) -> Option<Judgement> {
    let w = words();
    let up = view.up(k);
    // "not unacceptable", "no provocation": a negated judgement says too little.
    let negated = k > 0 && matches!(view.up(k - 1), "NOT" | "NO" | "NEVER");
    if negated {
        return None;
    }
    if w.negative.contains(up) {
        Some(Judgement {
            code: "111",
            word: k,
        })
    } else if w.positive.contains(up) {
        Some(Judgement {
            code: "051",
            word: k,
        })
    } else {
        None
    }
}

/// True when `up` is a verb of naming ("called", "described").
pub fn naming_verb(up: &str) -> bool {
    words().verbs.contains(up)
}

/// The judgement after the verb of naming at token `verb` ("called the move *regrettable*",
/// "described it as a *provocation*"), within its sentence part.
pub fn after_naming(view: &View, verb: usize) -> Option<Judgement> {
    let end = (verb + 1 + WINDOW).min(view.len());
    for k in verb + 1..end {
        if matches!(view.up(k), ";" | "BUT" | "WHILE" | "AFTER" | "BEFORE") {
            return None;
        }
        // "called on", "called for": an appeal, not a judgement.
        if k == verb + 1 && matches!(view.up(k), "ON" | "FOR" | "UPON") {
            return None;
        }
        if let Some(j) = judge(view, k) {
            return Some(j);
        }
    }
    None
}

/// The first judgement inside the quotations `quotes` (token ranges): a response the
/// quotation announces ("Russia *will* definitely *react*") before a judging word.
pub fn in_quotes(view: &View, quotes: &[(usize, usize)]) -> Option<Judgement> {
    let w = words();
    let tokens = || quotes.iter().flat_map(|&(a, b)| a..b.min(view.len()));
    let future = tokens().any(|k| matches!(view.up(k), "WILL" | "WOULD" | "SHALL" | "'LL"));
    let threat = tokens().find(|&k| w.threat.contains(view.up(k)));
    if future && let Some(k) = threat {
        return Some(Judgement {
            code: "130",
            word: k,
        });
    }
    tokens().find_map(|k| judge(view, k))
}

/// "the rebels *are responsible for* the attack", "Hanoi was to blame for …": the token
/// where a party named right before a form of "be" is held responsible, and the end of
/// that party's words (`party_end`). Negated ("was not responsible") it is a denial, not
/// an accusation.
pub fn held_responsible(view: &View, party_end: usize) -> Option<usize> {
    let mut k = party_end;
    if k >= view.len() || !crate::grammar::is_be(view.up(k)) {
        return None;
    }
    k += 1;
    while k < view.len()
        && matches!(
            view.up(k),
            "HELD" | "DIRECTLY" | "FULLY" | "ALSO" | "SOLELY"
        )
    {
        k += 1;
    }
    let responsible = view.up(k) == "RESPONSIBLE" && view.up(k + 1) == "FOR";
    let to_blame = view.up(k) == "TO" && view.up(k + 1) == "BLAME";
    (k + 1 < view.len() && (responsible || to_blame)).then_some(k)
}
