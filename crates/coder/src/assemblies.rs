//! Crowds that gather: "protesters gathered outside parliament", "thousands rallied in
//! the capital", "crowds took to the streets". No verb of protest names the act, so it
//! is found from a verb of gathering with a crowd as its subject, or a verb that moves
//! the crowd into the streets (`data/rules/assemblies.tsv`).

use crate::rules::word_set;
use crate::view::View;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../../data/rules/assemblies.tsv");

/// The code of the act: demonstrate or rally.
pub const CODE: &str = "141";

/// How many words after the verb the street may be ("took to the *streets*", "poured
/// into the city's main *square*").
const REACH: usize = 5;

/// How many words before the verb a crowd word may count its subject ("thousands of
/// angry young people marched").
const SUBJECT: usize = 6;

struct Words {
    gather: FxHashSet<String>,
    street: FxHashSet<String>,
    crowd: FxHashSet<String>,
    place: FxHashSet<String>,
}

fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| Words {
        gather: word_set(TABLE, "gather"),
        street: word_set(TABLE, "street"),
        crowd: word_set(TABLE, "crowd"),
        place: word_set(TABLE, "place"),
    })
}

/// True when verb `lemma` can tell of a crowd gathering at all (a cheap test before
/// [`gathering`] looks at the sentence).
pub fn gathering_verb(lemma: &str) -> bool {
    let w = words();
    w.gather.contains(lemma) || w.street.contains(lemma)
}

/// True when verb `lemma` at token `head` (its group starting at `group_start`) tells of a
/// crowd gathering: a gathering verb whose subject head `subject` (upper case, when
/// found) or the word before the verb names a crowd, or a gathering or street verb with
/// a street or square shortly after it, before the clause ends at `limit`.
pub fn gathering(
    view: &View,
    lemma: &str,
    head: usize,
    group_start: usize,
    subject: Option<&str>,
    limit: usize,
) -> bool {
    let w = words();
    let gather = w.gather.contains(lemma);
    if !gather && !w.street.contains(lemma) {
        return false;
    }
    let street = (head + 1..limit.min(head + 1 + REACH)).any(|k| w.place.contains(view.up(k)));
    // "Protesters gathered", "thousands of people rallied": the crowd word is the
    // subject's head or counts it, a few words before the verb within the clause.
    let crowd = || {
        subject.is_some_and(|s| w.crowd.contains(s))
            || (group_start.saturating_sub(SUBJECT)..group_start)
                .rev()
                .take_while(|&k| !matches!(view.up(k), "," | ";" | "WHO" | "THAT" | "WHICH"))
                .any(|k| w.crowd.contains(view.up(k)))
    };
    street || (gather && crowd())
}
