//! Why the coder missed a gold event or coded a false one: `vigil eval --misses`.
//!
//! Events are matched at the triple level exactly as [`score_events`](super::score_events)
//! matches them (gold events in file order, each taking the first unused prediction of
//! its segment with the same base code, or an alternative, and actors matching at
//! country level), so the misses and false events listed are the triple level's.
//!
//! A missed gold event and a leftover prediction of the same segment are then paired,
//! in three greedy passes (gold events in file order, predictions in order): the same
//! base code (the actors are what is wrong: `wrong role`), the same actors (`wrong
//! code`), the same root (`wrong code` as well: the verb fired, code and actors are
//! both off). A gold event left unpaired is explained by what the coder's diagnostic
//! runs saw (see [`Diagnostics`]), in this order: a filter dropped an act of its root
//! (`filtered: negation`, `prediction`, `discard`); an act of its root lacked a party
//! (`no actor: source`, `no actor: target`); the segment has no dictionary verb or
//! event noun (`no verb`); else a verb was there but gave no act of that root (`no
//! pattern`). A leftover prediction is `false: wrong actors` or `false: wrong code`
//! when paired, else `false: no such event in gold`.

use super::matching::{actor_match, code_match, greedy_pairs, triple_match};
use super::score::{predictions_by_id, segments};
use super::{GoldEvent, GoldRecord, PredEvent};
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// What the coder's diagnostic runs saw in one gold segment.
#[derive(Clone, Debug, Default)]
pub struct Diagnostics {
    /// The events coded when an event may lack a party (`require_dyad` off).
    pub without_dyad: Vec<PredEvent>,
    /// The acts the coder's filters dropped, each with the filter's reason as the coder
    /// names it (`negation`, `prediction`, `discard PHRASE`).
    pub filtered: Vec<(PredEvent, String)>,
    /// Whether the segment holds a dictionary verb form or a noun naming an act.
    pub event_word: bool,
}

/// Why a gold event was missed, or why a predicted event is false.
///
/// The order of the variants is the order of the counts table.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    /// An act of the gold event's root was coded only without its source.
    NoActorSource,
    /// An act of the gold event's root was coded only without its target.
    NoActorTarget,
    /// The segment has no dictionary verb or event noun: nothing could fire.
    NoVerb,
    /// A verb was there but gave no event of the gold event's root.
    NoPattern,
    /// A prediction has the right code but not the right actors.
    WrongRole,
    /// A prediction has the right actors (or the right root) but another code.
    WrongCode,
    /// A filter of the coder dropped an act of the gold event's root; the filter's
    /// kind (`negation`, `prediction`, `discard`).
    Filtered(String),
    /// A prediction that answers no gold event of its segment.
    FalseNoSuchEvent,
    /// A prediction paired with a missed gold event of the same code: its actors are
    /// wrong.
    FalseWrongActors,
    /// A prediction paired with a missed gold event of the same actors or root: its
    /// code is wrong.
    FalseWrongCode,
}

impl Stage {
    /// True for the stages of false (unmatched predicted) events.
    pub fn is_false(&self) -> bool {
        matches!(
            self,
            Stage::FalseNoSuchEvent | Stage::FalseWrongActors | Stage::FalseWrongCode
        )
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stage::NoActorSource => f.write_str("no actor: source"),
            Stage::NoActorTarget => f.write_str("no actor: target"),
            Stage::NoVerb => f.write_str("no verb"),
            Stage::NoPattern => f.write_str("no pattern"),
            Stage::WrongRole => f.write_str("wrong role"),
            Stage::WrongCode => f.write_str("wrong code"),
            Stage::Filtered(kind) => write!(f, "filtered: {kind}"),
            Stage::FalseNoSuchEvent => f.write_str("false: no such event in gold"),
            Stage::FalseWrongActors => f.write_str("false: wrong actors"),
            Stage::FalseWrongCode => f.write_str("false: wrong code"),
        }
    }
}

/// One missed gold event or one false prediction.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// The segment id.
    pub id: String,
    /// What lost it.
    pub stage: Stage,
    /// For a miss, the missed gold event; for a false event, the gold event it was
    /// paired with, else every gold event of the segment.
    pub gold: Vec<GoldEvent>,
    /// For a false event, the prediction; for a miss, the prediction it was paired
    /// with, else every prediction of the segment.
    pub pred: Vec<PredEvent>,
    /// What the diagnostic runs found (the filter's reason and the act it dropped, the
    /// act coded without a party), when they explain the miss.
    pub note: Option<String>,
}

impl Finding {
    /// One tab-separated line: `MISS` or `FALSE`, the segment id, the stage, the gold
    /// triples, the predicted triples (`source code target`, `-` for no actor, `none`
    /// for no event), and the note when there is one.
    pub fn line(&self) -> String {
        let kind = if self.stage.is_false() {
            "FALSE"
        } else {
            "MISS"
        };
        let list = |items: Vec<String>| {
            if items.is_empty() {
                "none".to_string()
            } else {
                items.join("; ")
            }
        };
        let gold = list(
            self.gold
                .iter()
                .map(|g| triple(&g.source, &g.code, &g.target))
                .collect(),
        );
        let pred = list(
            self.pred
                .iter()
                .map(|p| triple(&p.source, &p.code, &p.target))
                .collect(),
        );
        let mut line = format!(
            "{kind}\t{}\t{}\tgold {gold}\tpred {pred}",
            self.id, self.stage
        );
        if let Some(note) = &self.note {
            line.push('\t');
            line.push_str(note);
        }
        line
    }
}

/// `source code target`, with `-` for an empty actor.
fn triple(source: &str, code: &str, target: &str) -> String {
    let dash = |s: &str| if s.is_empty() { "-" } else { s }.to_string();
    format!("{} {} {}", dash(source), code.trim(), dash(target))
}

/// Which pass paired a missed gold event with a leftover prediction.
#[derive(Clone, Copy)]
enum Near {
    Code,
    Actors,
    Root,
}

/// Lists every missed gold event and every false prediction of `gold`, segment by
/// segment in file order (misses in gold order, then false events in prediction order),
/// each with the stage that lost it. `diagnostics` holds what the coder's diagnostic
/// runs saw, by segment id (a segment without an entry has no event word and nothing
/// coded). Predictions on ids the gold file lacks are not listed.
pub fn find_misses(
    gold: &[GoldRecord],
    pred: &[PredEvent],
    diagnostics: &HashMap<String, Diagnostics>,
) -> Vec<Finding> {
    let pred_by_id = predictions_by_id(pred);
    let none = Diagnostics::default();
    let mut out = Vec::new();
    for (id, gev) in segments(gold) {
        let pev: &[&PredEvent] = pred_by_id.get(id).map_or(&[], Vec::as_slice);
        let diag = diagnostics.get(id).unwrap_or(&none);
        segment_misses(id, gev, pev, diag, &mut out);
    }
    out
}

fn segment_misses(
    id: &str,
    gev: &[GoldEvent],
    pev: &[&PredEvent],
    diag: &Diagnostics,
    out: &mut Vec<Finding>,
) {
    // The triple level's greedy one-to-one matching.
    let mut matched = vec![false; pev.len()];
    let mut missed = Vec::new();
    for (gi, took) in greedy_pairs(gev, pev, triple_match).into_iter().enumerate() {
        match took {
            Some(i) => matched[i] = true,
            None => missed.push(gi),
        }
    }
    // Pair what is left, the closest pairs first.
    let mut taken = matched.clone();
    let mut gold_pair: Vec<Option<(usize, Near)>> = vec![None; gev.len()];
    let mut pred_pair: Vec<Option<(usize, Near)>> = vec![None; pev.len()];
    for pass in [Near::Code, Near::Actors, Near::Root] {
        for &gi in &missed {
            if gold_pair[gi].is_some() {
                continue;
            }
            let g = &gev[gi];
            let near = |p: &PredEvent| match pass {
                Near::Code => code_match(g, p, 3),
                Near::Actors => {
                    actor_match(&g.source, &p.source) && actor_match(&g.target, &p.target)
                }
                Near::Root => code_match(g, p, 2),
            };
            if let Some(pi) = (0..pev.len()).find(|&i| !taken[i] && near(pev[i])) {
                taken[pi] = true;
                gold_pair[gi] = Some((pi, pass));
                pred_pair[pi] = Some((gi, pass));
            }
        }
    }
    for &gi in &missed {
        let g = &gev[gi];
        let (stage, pred, note) = match gold_pair[gi] {
            Some((pi, Near::Code)) => (Stage::WrongRole, vec![pev[pi].clone()], None),
            Some((pi, _)) => (Stage::WrongCode, vec![pev[pi].clone()], None),
            None => {
                let (stage, note) = unpaired_stage(g, diag);
                (stage, pev.iter().map(|&p| p.clone()).collect(), note)
            }
        };
        out.push(Finding {
            id: id.to_string(),
            stage,
            gold: vec![g.clone()],
            pred,
            note,
        });
    }
    for (pi, p) in pev.iter().enumerate() {
        if matched[pi] {
            continue;
        }
        let (stage, gold) = match pred_pair[pi] {
            Some((gi, Near::Code)) => (Stage::FalseWrongActors, vec![gev[gi].clone()]),
            Some((gi, _)) => (Stage::FalseWrongCode, vec![gev[gi].clone()]),
            None => (Stage::FalseNoSuchEvent, gev.to_vec()),
        };
        out.push(Finding {
            id: id.to_string(),
            stage,
            gold,
            pred: vec![(*p).clone()],
            note: None,
        });
    }
}

/// The first of `items` (as `event` sees them) whose act has the gold event's base code,
/// else the first with its root: the act that best witnesses what became of it.
fn witness<'a, T>(
    g: &GoldEvent,
    items: impl Iterator<Item = &'a T> + Clone,
    event: impl Fn(&T) -> &PredEvent,
) -> Option<&'a T> {
    let with = |n: usize| items.clone().find(|t| code_match(g, event(t), n));
    with(3).or_else(|| with(2))
}

/// The stage of a missed gold event that no leftover prediction resembles.
fn unpaired_stage(g: &GoldEvent, diag: &Diagnostics) -> (Stage, Option<String>) {
    if let Some((p, why)) = witness(g, diag.filtered.iter(), |(p, _)| p) {
        let kind = why.split_whitespace().next().unwrap_or("").to_string();
        let note = format!("dropped ({why}): {}", triple(&p.source, &p.code, &p.target));
        return (Stage::Filtered(kind), Some(note));
    }
    let lacking = diag
        .without_dyad
        .iter()
        .filter(|p| p.source.is_empty() || p.target.is_empty());
    if let Some(p) = witness(g, lacking, |p| p) {
        let stage = if p.source.is_empty() {
            Stage::NoActorSource
        } else {
            Stage::NoActorTarget
        };
        let note = format!("without a dyad: {}", triple(&p.source, &p.code, &p.target));
        return (stage, Some(note));
    }
    if diag.event_word {
        (Stage::NoPattern, None)
    } else {
        (Stage::NoVerb, None)
    }
}

/// How many findings each stage has, in the order of [`Stage`].
pub fn stage_counts(findings: &[Finding]) -> BTreeMap<Stage, usize> {
    let mut counts = BTreeMap::new();
    for f in findings {
        *counts.entry(f.stage.clone()).or_insert(0) += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gold::{read_gold, read_predictions, score_events};

    /// One segment per stage, on invented countries (NOR, SUD, WSM).
    const GOLD: &str = r#"{"id":"ok","events":[{"source":"NORGOV","target":"SUD","code":"190"}]}
{"id":"role","events":[{"source":"NOR","target":"SUD","code":"190"}]}
{"id":"alt","events":[{"source":"NOR","target":"SUD","code":"1042","alt_codes":["100"]}]}
{"id":"code","events":[{"source":"NOR","target":"SUD","code":"042"}]}
{"id":"root","events":[{"source":"NOR","target":"SUD","code":"112"}]}
{"id":"dup","events":[{"source":"NOR","target":"SUD","code":"190"}]}
{"id":"neg","events":[{"source":"NOR","target":"SUD","code":"190"}]}
{"id":"disc","events":[{"source":"NOR","target":"SUD","code":"122"}]}
{"id":"src","events":[{"source":"NOR","target":"SUD","code":"122"}]}
{"id":"tgt","events":[{"source":"NOR","target":"SUD","code":"010"}]}
{"id":"noverb","events":[{"source":"NOR","target":"SUD","code":"190"}]}
{"id":"nopat","events":[{"source":"NOR","target":"SUD","code":"190"}]}
{"id":"fa","events":[]}
{"id":"two","events":[{"source":"NOR","target":"SUD","code":"190"},{"source":"SUD","target":"NOR","code":"190"}]}
"#;

    const PRED: &str = r#"{"id":"ok","source":"NOR","target":"SUDMIL","code":"190"}
{"id":"role","source":"SUD","target":"NOR","code":"190"}
{"id":"alt","source":"SUD","target":"NOR","code":"100"}
{"id":"code","source":"NORGOV","target":"SUD","code":"036"}
{"id":"root","source":"WSM","target":"NOR","code":"111"}
{"id":"dup","source":"NOR","target":"SUD","code":"190"}
{"id":"dup","source":"NORMIL","target":"SUD","code":"190"}
{"id":"fa","source":"NOR","target":"SUD","code":"190"}
{"id":"two","source":"WSM","target":"SUD","code":"190"}
{"id":"two","source":"SUD","target":"NOR","code":"190"}
"#;

    fn pred(source: &str, code: &str, target: &str) -> PredEvent {
        PredEvent {
            source: source.into(),
            code: code.into(),
            target: target.into(),
            ..PredEvent::default()
        }
    }

    fn diagnostics() -> HashMap<String, Diagnostics> {
        let verb = |d: Diagnostics| Diagnostics {
            event_word: true,
            ..d
        };
        let mut m: HashMap<String, Diagnostics> = GOLD
            .lines()
            .map(|l| {
                let id = l.split('"').nth(3).unwrap().to_string();
                (id, verb(Diagnostics::default()))
            })
            .collect();
        m.get_mut("neg").unwrap().filtered = vec![(pred("NOR", "190", "SUD"), "negation".into())];
        // A discarded sentence's act that was also negated: the discard decides.
        m.get_mut("disc").unwrap().filtered = vec![
            (pred("WSM", "042", "SUD"), "prediction".into()),
            (
                pred("NORGOV", "122", "SUD"),
                "discard t.txt +FOOTBALL".into(),
            ),
        ];
        m.get_mut("src").unwrap().without_dyad = vec![pred("", "122", "SUD")];
        // An act with both parties is coded with the dyad too: it explains nothing.
        m.get_mut("tgt").unwrap().without_dyad =
            vec![pred("WSM", "010", "SUD"), pred("NORGOV", "010", "")];
        m.get_mut("noverb").unwrap().event_word = false;
        m.get_mut("nopat").unwrap().without_dyad = vec![pred("", "042", "SUD")];
        m
    }

    fn findings() -> Vec<Finding> {
        let gold = read_gold(GOLD, "gold.jsonl").unwrap();
        let pred = read_predictions(PRED).events;
        find_misses(&gold, &pred, &diagnostics())
    }

    fn stages(f: &[Finding]) -> Vec<(String, String)> {
        f.iter()
            .map(|f| (f.id.clone(), f.stage.to_string()))
            .collect()
    }

    #[test]
    fn every_stage() {
        let s = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            stages(&findings()),
            vec![
                s("role", "wrong role"),
                s("role", "false: wrong actors"),
                // An alternative code is the right code.
                s("alt", "wrong role"),
                s("alt", "false: wrong actors"),
                s("code", "wrong code"),
                s("code", "false: wrong code"),
                // The same root, other actors: the verb fired, code and actors are off.
                s("root", "wrong code"),
                s("root", "false: wrong code"),
                // A second report of a matched event is false.
                s("dup", "false: no such event in gold"),
                s("neg", "filtered: negation"),
                s("disc", "filtered: discard"),
                s("src", "no actor: source"),
                s("tgt", "no actor: target"),
                s("noverb", "no verb"),
                s("nopat", "no pattern"),
                s("fa", "false: no such event in gold"),
                // The second gold event is matched, so WSM's attack is the first's.
                s("two", "wrong role"),
                s("two", "false: wrong actors"),
            ]
        );
    }

    #[test]
    fn misses_and_false_events_are_the_triple_levels() {
        let gold = read_gold(GOLD, "gold.jsonl").unwrap();
        let pred = read_predictions(PRED).events;
        let t = score_events(&gold, &pred).triple;
        let f = findings();
        let misses = f.iter().filter(|f| !f.stage.is_false()).count();
        let falses = f.iter().filter(|f| f.stage.is_false()).count();
        assert_eq!((misses, falses), (t.gold - t.tp, t.pred - t.tp));
    }

    #[test]
    fn lines_are_tab_separated_and_name_the_evidence() {
        let f = findings();
        let line = |id: &str, i: usize| {
            f.iter()
                .filter(|f| f.id == id)
                .nth(i)
                .map(Finding::line)
                .unwrap()
        };
        assert_eq!(
            line("role", 0),
            "MISS\trole\twrong role\tgold NOR 190 SUD\tpred SUD 190 NOR"
        );
        assert_eq!(
            line("role", 1),
            "FALSE\trole\tfalse: wrong actors\tgold NOR 190 SUD\tpred SUD 190 NOR"
        );
        assert_eq!(
            line("disc", 0),
            "MISS\tdisc\tfiltered: discard\tgold NOR 122 SUD\tpred none\t\
             dropped (discard t.txt +FOOTBALL): NORGOV 122 SUD"
        );
        assert_eq!(
            line("tgt", 0),
            "MISS\ttgt\tno actor: target\tgold NOR 010 SUD\tpred none\twithout a dyad: NORGOV 010 -"
        );
        // A false event unlike any gold event lists the segment's gold events.
        assert_eq!(
            line("dup", 0),
            "FALSE\tdup\tfalse: no such event in gold\tgold NOR 190 SUD\tpred NORMIL 190 SUD"
        );
        assert_eq!(
            line("fa", 0),
            "FALSE\tfa\tfalse: no such event in gold\tgold none\tpred NOR 190 SUD"
        );
    }

    #[test]
    fn a_leftover_prediction_comes_before_the_diagnostic_runs() {
        let gold = read_gold(GOLD, "gold.jsonl").unwrap();
        let preds = read_predictions(PRED).events;
        let mut d = diagnostics();
        d.get_mut("role").unwrap().filtered = vec![(pred("NOR", "190", "SUD"), "negation".into())];
        let f = find_misses(&gold, &preds, &d);
        assert_eq!(f[0].stage, Stage::WrongRole);
        // A filter comes before a missing party.
        d.get_mut("src").unwrap().filtered = vec![(pred("NOR", "120", "SUD"), "prediction".into())];
        let f = find_misses(&gold, &preds, &d);
        let src = f.iter().find(|f| f.id == "src").unwrap();
        assert_eq!(src.stage, Stage::Filtered("prediction".into()));
    }

    #[test]
    fn counts_follow_the_stage_order() {
        let counts = stage_counts(&findings());
        let order: Vec<String> = counts.keys().map(Stage::to_string).collect();
        assert_eq!(
            order,
            [
                "no actor: source",
                "no actor: target",
                "no verb",
                "no pattern",
                "wrong role",
                "wrong code",
                "filtered: discard",
                "filtered: negation",
                "false: no such event in gold",
                "false: wrong actors",
                "false: wrong code",
            ]
        );
        assert_eq!(counts[&Stage::WrongRole], 3);
        assert_eq!(counts[&Stage::FalseNoSuchEvent], 2);
    }

    #[test]
    fn a_repeated_id_is_one_segment_with_its_last_events() {
        let gold = read_gold(
            concat!(
                r#"{"id":"r","events":[{"source":"NOR","target":"SUD","code":"190"}]}"#,
                "\n",
                r#"{"id":"r","events":[]}"#,
            ),
            "g",
        )
        .unwrap();
        let f = find_misses(&gold, &[], &HashMap::new());
        assert!(f.is_empty());
    }
}
