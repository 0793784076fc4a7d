//! Checks on the real dictionary files against the counts documented for them
//! (`/work/shared/data/petrarch2/README.md`, "the README" below), and on the default set as
//! the coder uses it.

use crate::*;
use chrono::NaiveDate;
use std::path::PathBuf;
use std::sync::OnceLock;

fn data(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../data")
        .join(rel)
}

/// The default set and its counts, loaded once for all tests.
fn default_set() -> &'static (DictSet, LoadStats) {
    static SET: OnceLock<(DictSet, LoadStats)> = OnceLock::new();
    SET.get_or_init(|| {
        let s = DictSources::embedded();
        DictSet::load_with_stats(
            &s.verbs,
            &s.actors,
            &s.agents,
            &s.discards,
            LoadOptions::default(),
        )
        .unwrap()
    })
}

fn stats(name: &str) -> &'static FileStats {
    default_set()
        .1
        .file(name)
        .unwrap_or_else(|| panic!("no stats for {name}"))
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The one actor entry a phrase names.
fn actor<'a>(set: &'a DictSet, phrase: &str) -> &'a ActorEntry {
    let found = set.actors_named(phrase);
    assert_eq!(
        found.len(),
        1,
        "{phrase}: {:?}",
        found.iter().map(|e| &e.origin).collect::<Vec<_>>()
    );
    found[0]
}

#[test]
fn default_set_loads_without_warnings() {
    let (set, _) = default_set();
    assert!(set.warnings.is_empty(), "{:#?}", set.warnings);
    // Strict mode accepts it too.
    DictSet::default_set(LoadOptions { strict: true }).unwrap();
}

#[test]
fn default_set_from_dir_matches_embedded() {
    let from_dir = DictSet::from_dir(&data("dict"), LoadOptions { strict: true }).unwrap();
    let (set, _) = default_set();
    assert_eq!(from_dir.actors.entries.len(), set.actors.entries.len());
    assert_eq!(from_dir.verbs.forms.len(), set.verbs.forms.len());
    assert_eq!(from_dir.lexicon.len(), set.lexicon.len());
}

#[test]
fn verb_counts_match_the_readme() {
    let s = stats(default_names::VERBS[0]);
    // README: 40 synonym sets. Vigil defines two more, &WEATHER and &DEMONSTRATION, which
    // two patterns used without a definition (see data/dict/CORRECTIONS.md).
    assert_eq!(s.get("synsets"), 42);
    assert_eq!(s.get("blocks"), 397);
    assert_eq!(s.get("pattern_lines"), 4668);
    assert_eq!(s.get("transformations"), 8);
    // README: 130 phrasal lines. 129 verb lines start with '+'; the 130th match of a plain
    // search is `DETER {…} # +BK_ 23 Ju 2007`, whose '+' is in a comment.
    assert_eq!(s.get("phrasal_verb_lines"), 129);
    // Expanding `{&SET …}` and `A/B` makes more patterns than lines.
    assert!(s.get("patterns") > 4668);
    let (set, _) = default_set();
    let cameo: Vec<&VerbBlock> = set
        .verbs
        .blocks
        .iter()
        .filter(|b| &*b.origin.file == default_names::VERBS[0])
        .collect();
    assert_eq!(cameo.iter().filter(|b| b.default.is_null()).count(), 205);
    assert!(cameo.iter().all(|b| b.layout == VerbLayout::Petrarch2));
    // Special markers, counted once per pattern line: README gives `$` 17, `+` 71, `^` 29,
    // `%` 1 as token counts; a few lines hold two of a kind.
    let lines_with = |elem: Elem| {
        let mut seen = std::collections::BTreeSet::new();
        for b in &cameo {
            for p in &b.patterns {
                if has_elem(&p.elems, &elem) {
                    seen.insert(p.origin.line);
                }
            }
        }
        seen.len()
    };
    assert_eq!(lines_with(Elem::Compound), 1);
    assert!((15..=17).contains(&lines_with(Elem::Source)));
    assert!((60..=71).contains(&lines_with(Elem::Target)));
    assert!((25..=29).contains(&lines_with(Elem::Skip)));
}

fn has_elem(elems: &[PElem], elem: &Elem) -> bool {
    elems.iter().any(|e| {
        &e.elem == elem || matches!(&e.elem, Elem::Prep { object, .. } if has_elem(object, elem))
    })
}

#[test]
fn actor_counts_match_the_readme() {
    let c = stats(default_names::ACTORS[0]);
    assert_eq!(c.get("roots"), 18_390);
    assert_eq!(c.get("synonyms"), 7_527);
    assert_eq!(c.get("code_lines"), 28_174);
    // README: 26,115 dated codes. That count includes five dated codes inside `#`
    // comments, which are not codes.
    assert_eq!(c.get("dated_codes"), 26_110);
    // 37 root lines follow a root that has no codes yet and join its entry.
    assert_eq!(c.get("grouped_roots"), 37);
    let i = stats(default_names::ACTORS[1]);
    // README: 7,841 roots. The line `Source: MNC.MLH.actors` was read as a root; it is a
    // note, now commented out. README: 454 dated codes, two of them in comments.
    assert_eq!(i.get("roots"), 7_840);
    assert_eq!(i.get("dated_codes"), 452);
    let m = stats(default_names::ACTORS[2]);
    assert_eq!(m.get("roots"), 1_021);
    assert_eq!(m.get("synonyms"), 772);
    // Every entry of Vigil's additions has its own codes: none joins the next.
    let v = stats(default_names::ACTORS[3]);
    assert_eq!(v.get("grouped_roots"), 0);
    assert!(v.get("merged_roots") > 40);
}

#[test]
fn agent_and_discard_counts_match_the_readme() {
    let a = stats(default_names::AGENTS[0]);
    assert_eq!(a.get("substitution_sets"), 2);
    // README: 2,258 lines use `[~…]`. 17 of them are commented out, and one live line
    // gained a code in the corrections (ISLAMIC_EXTREMIST): 2,258 - 17 + 1.
    assert_eq!(a.get("suffix_codes"), 2_242);
    assert_eq!(a.get("prefix_codes"), 3);
    let d = stats(default_names::DISCARDS);
    assert_eq!(d.get("discards"), 506);
    assert_eq!(d.get("story_discards"), 64);
}

#[test]
fn validation_files_load_with_their_known_errors() {
    let v = |p: &str| DictFile::read(data(p)).unwrap();
    let (set, stats) = DictSet::load_with_stats(
        &[v("validation/PETR.Validate.verbs.txt")],
        &[v("validation/PETR.Validate.actors.txt")],
        &[v("validation/PETR.Validate.agents.txt")],
        &[v("validation/PETR.Validate.discards.txt")],
        LoadOptions::default(),
    )
    .unwrap();
    let old = &stats.files[0];
    // README: 261 blocks ("verb lines" there) and 474 patterns.
    assert_eq!(old.get("blocks"), 261);
    assert_eq!(old.get("pattern_lines"), 474);
    assert!(
        set.verbs
            .blocks
            .iter()
            .all(|b| b.layout == VerbLayout::Tabari)
    );
    assert_eq!(stats.files[1].get("roots"), 128);
    assert_eq!(stats.files[3].get("story_discards"), 4);
    // The suite's deliberate errors: a header with two codes, codes with '?', and a pattern
    // whose code is cut off by a '#'.
    let lines: Vec<u32> = set.warnings.iter().map(|w| w.origin.line).collect();
    assert_eq!(lines, [447, 975, 992, 1051]);
    // Codes are kept as written.
    let bargain = set
        .verbs
        .blocks
        .iter()
        .find(|b| b.name == "BARGAIN")
        .unwrap();
    assert_eq!(bargain.patterns[0].code.active.as_deref(), Some("174K"));
    let accord = set
        .verbs
        .blocks
        .iter()
        .find(|b| b.name == "ACCORD")
        .unwrap();
    assert_eq!(set.render_elems(&accord.patterns[3].elems), "IN *");
    // Actors with dates in both forms and spaces around operators.
    let g = actor(&set, "SMEAGOL");
    assert_eq!(g.code_on(day("1997-01-01")), Some("HOBGOV"));
    assert_eq!(g.code_on(day("2000-01-01")), Some("HOBREB"));

    let two = DictFile::read(data("validation/PETR.Validate.verbs.2.0.txt")).unwrap();
    let (set, stats) =
        DictSet::load_with_stats(&[two], &[], &[], &[], LoadOptions::default()).unwrap();
    // README: 69 blocks and 452 patterns; one more line is a pattern written without its
    // leading '-' (`* (TO QUESTION) [110]`), reported and read.
    assert_eq!(stats.files[0].get("blocks"), 69);
    assert_eq!(stats.files[0].get("pattern_lines"), 453);
    assert!(
        set.verbs
            .blocks
            .iter()
            .all(|b| b.layout == VerbLayout::Petrarch2)
    );
    let lines: Vec<u32> = set.warnings.iter().map(|w| w.origin.line).collect();
    // 453: the pattern without '-'; 757: code cut off by '#'; 1108: &SECURITY undefined.
    assert_eq!(lines, [453, 757, 1108]);
}

#[test]
fn coder_queries_on_the_default_set() {
    let (set, _) = default_set();
    let putin = actor(set, "RUSSIAN PRESIDENT VLADIMIR PUTIN");
    assert_eq!(putin.phrase, "VLADIMIR PUTIN");
    assert_eq!(putin.code_on(day("2021-12-04")), Some("RUSGOV"));
    let z = actor(set, "ZELENSKYY");
    assert_eq!(z.code_on(day("2021-12-04")), Some("UKRGOV"));
    assert_ne!(z.code_on(day("2018-01-01")), Some("UKRGOV"));
    assert_eq!(actor(set, "Volodymyr Zelensky").phrase, z.phrase);
    let pk = set.agents_named("PEACEKEEPING TROOPS");
    assert_eq!(pk.len(), 1);
    assert_eq!(pk[0].placement, AgentPlacement::Prefix);
    assert_eq!(pk[0].code, "IGO");
    assert_eq!(set.agents_named("FARMERS")[0].code, "AGR");
    // AMASS is a verb of CAMEO.2.0.txt, and its regular past is made; MASS comes from
    // Vigil's verb additions.
    let amassed = set.verb_forms_of("AMASSED");
    assert_eq!(amassed.len(), 1);
    assert_eq!(set.block_of(amassed[0]).name, "ASSEMBLE");
    let massed = set.verb_forms_of("MASSED");
    assert_eq!(massed.len(), 1);
    assert_eq!(set.block_of(massed[0]).name, "MASS_FORCES");
    // SEEK is in CAMEO.2.0.txt's SEARCH block; the additions list it again in a block of
    // their own, whose patterns the coder tries as well.
    let sought = set.verb_forms_of("SOUGHT");
    assert_eq!(sought.len(), 2);
    assert_eq!(set.block_of(sought[0]).name, "SEARCH");
    assert_eq!(set.block_of(sought[1]).name, "DEMAND_ASSURANCES");
    // Phrasal verb: +ASK_FOR.
    assert!(
        set.verb_forms_of("ASKING")
            .iter()
            .any(|f| set.lexicon.phrase(&f.back) == "FOR")
    );
    // Discards are matched as word sequences.
    let ids = set.lexicon.ids_of(&["MONTHS", "LATER"]).unwrap();
    assert_eq!(set.discards.trie.get(&ids).len(), 1);
}

#[test]
fn corrected_phoenix_lines_read_as_intended() {
    let (set, _) = default_set();
    // Line 2039: [ARMUNR 9008223-911221] corrected to 900823.
    let yerevan = actor(set, "YEREVAN");
    assert_eq!(yerevan.code_on(day("1991-01-01")), Some("ARMUNR"));
    // Line 14190: Ganzouri's second term, 2011-12-07 to 2012-08-02.
    assert_eq!(
        actor(set, "KAMAL GANZOURI").code_on(day("2012-03-01")),
        Some("EGYGOV")
    );
    // Line 18010: David Cameron from 2010-05-11.
    assert_eq!(
        actor(set, "DAVID CAMERON").code_on(day("2012-01-01")),
        Some("GBRGOV")
    );
    // A codeless root joins the following codes (Brezhnev's name variants).
    assert_eq!(
        actor(set, "SECRETARY BREZHNEV").code_on(day("1970-01-01")),
        Some("RUSGOV")
    );
    assert_eq!(
        actor(set, "U.N.").code_on(day("2020-01-01")),
        Some("IGOUNO")
    );
}

/// The phrases (roots and synonyms) written in an actor file.
fn phrases_of(text: &str) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let body = line.split('#').next().unwrap_or("").trim();
        if body.is_empty() || body.starts_with('[') {
            continue;
        }
        let phrase = body
            .trim_start_matches('+')
            .split('[')
            .next()
            .unwrap_or("")
            .trim();
        out.push((i as u32 + 1, phrase.to_string()));
    }
    out
}

#[test]
fn vigil_additions_add_no_ambiguity() {
    let (set, _) = default_set();
    // The same set without the additions: a phrase that already named several entries
    // there (Phoenix lists BASHAR_AL_ASSAD under two roots) may keep doing so.
    let mut phoenix = DictSources::embedded();
    phoenix.actors.pop();
    let phoenix = DictSet::from_sources(&phoenix, LoadOptions::default()).unwrap();
    let text = std::fs::read_to_string(data("dict/Vigil.additions.actors.txt")).unwrap();
    let phrases = phrases_of(&text);
    assert!(phrases.len() > 300, "{}", phrases.len());
    let mut bad = Vec::new();
    for (line, phrase) in phrases {
        let before = phoenix.actors_named(&phrase).len();
        let found = set.actors_named(&phrase);
        if found.len() != before.max(1) {
            let at: Vec<String> = found.iter().map(|e| e.origin.to_string()).collect();
            bad.push(format!("line {line}: {phrase} names {at:?}"));
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn vigil_additions_codes_by_date() {
    let (set, _) = default_set();
    let on = |phrase: &str, d: &str| actor(set, phrase).code_on(day(d)).map(str::to_string);
    let some = |s: &str| Some(s.to_string());
    // Joe Biden: vice president, between terms, president, after.
    assert_eq!(on("JOE BIDEN", "2012-06-01"), some("USAGOV"));
    assert_eq!(on("BIDEN", "2018-06-01"), some("USAELI"));
    assert_eq!(on("PRESIDENT BIDEN", "2022-06-01"), some("USAGOV"));
    assert_eq!(on("JOE BIDEN", "2025-06-01"), some("USAELI"));
    assert_eq!(on("VICE PRESIDENT JOE BIDEN", "1990-01-01"), some("USALEG"));
    // Donald Trump.
    assert_eq!(on("DONALD TRUMP", "2010-01-01"), some("USABUS"));
    assert_eq!(on("TRUMP", "2019-01-01"), some("USAGOV"));
    assert_eq!(on("TRUMP", "2023-01-01"), some("USAELI"));
    assert_eq!(on("PRESIDENT TRUMP", "2025-06-01"), some("USAGOV"));
    // Jens Stoltenberg: the additions end Phoenix's open-ended [NORGOV >051017].
    assert_eq!(on("JENS STOLTENBERG", "2020-01-01"), some("IGOWSTNAT"));
    assert_eq!(on("STOLTENBERG", "2010-01-01"), some("NORGOV"));
    assert_eq!(on("STOLTENBERG", "2025-06-01"), some("NORGOV"));
    assert_eq!(on("MARK RUTTE", "2025-01-01"), some("IGOWSTNAT"));
    assert_eq!(on("JEN PSAKI", "2021-06-01"), some("USAGOV"));
    assert_eq!(on("JEN PSAKI", "2023-06-01"), some("USAMED"));
    assert_eq!(on("OLEKSII REZNIKOV", "2022-03-01"), some("UKRGOV"));
    assert_eq!(on("OLEKSII REZNIKOV", "2024-03-01"), some("UKRELI"));
    assert_eq!(on("DMITRY PESKOV", "2022-03-01"), some("RUSGOV"));
    assert_eq!(on("SERGEI LAVROV", "2022-03-01"), some("RUSGOV"));
    assert_eq!(on("SERGEI SHOIGU", "2022-03-01"), some("RUSGOVMIL"));
    assert_eq!(on("RINAT AKHMETOV", "2022-03-01"), some("UKRBUS"));
    assert_eq!(on("URSULA VON DER LEYEN", "2022-03-01"), some("IGOEUREEC"));
    assert_eq!(on("BENJAMIN NETANYAHU", "2022-03-01"), some("ISROPP"));
    assert_eq!(on("NETANYAHU", "2024-03-01"), some("ISRGOV"));
    assert_eq!(on("ALEXANDER LUKASHENKO", "2022-03-01"), some("BLRGOV"));
    assert_eq!(on("XI JINPING", "2022-03-01"), some("CHNGOV"));
    assert_eq!(on("NARENDRA MODI", "2022-03-01"), some("INDGOV"));
    assert_eq!(on("RECEP TAYYIP ERDOGAN", "2022-03-01"), some("TURGOV"));
    assert_eq!(on("ANGELA MERKEL", "2023-01-01"), some("DEUELI"));
    assert_eq!(on("RIA NOVOSTI", "2022-03-01"), some("RUSMED"));
    assert_eq!(on("TASS", "2022-03-01"), some("RUSMED"));
    // Institutions that were already there.
    for name in [
        "KREMLIN",
        "WHITE HOUSE",
        "PENTAGON",
        "NATO",
        "EUROPEAN UNION",
    ] {
        assert!(
            actor(set, name).code_on(day("2022-03-01")).is_some(),
            "{name}"
        );
    }
}

/// The compiled forms of a CAMEO.2.0.txt pattern line, found by its text.
fn compiled(set: &DictSet, text_start: &str) -> Vec<String> {
    let mut out = Vec::new();
    for b in &set.verbs.blocks {
        for p in &b.patterns {
            if p.text.starts_with(text_start) {
                out.push(set.render_elems(&p.elems));
            }
        }
    }
    assert!(!out.is_empty(), "no pattern {text_start}");
    out
}

#[test]
fn real_cameo_patterns_read_as_written() {
    let (set, _) = default_set();
    assert_eq!(
        compiled(set, "- FIGHTER_&AIRCRAFT *"),
        ["FIGHTER_&AIRCRAFT *"]
    );
    // `&FIGHT_GAMES` is not a set: the set `&FIGHT` joined to `GAMES`.
    assert_eq!(
        compiled(set, "- * &FIGHT_GAMES IN +"),
        ["* &FIGHT_GAMES IN +"]
    );
    assert_eq!(compiled(set, "- * TANKS_AND INTO"), ["* TANKS_AND INTO"]);
    assert_eq!(compiled(set, "- * {U.N. MISSION}"), ["* {U.N. MISSION}"]);
    assert_eq!(compiled(set, "- SPY_*_DEAL"), ["SPY_*_DEAL"]);
    assert_eq!(
        compiled(set, "- $ * (AS &NEGOTIATOR) (IN TALK) (WITH +)"),
        ["$ * (AS &NEGOTIATOR) (IN TALK) (WITH +)"]
    );
    assert_eq!(
        compiled(set, "-  * (IN AIR ATTACK/BOMBING/RAID/STRIKE)"),
        [
            "* (IN AIR ATTACK)",
            "* (IN AIR BOMBING)",
            "* (IN AIR RAID)",
            "* (IN AIR STRIKE)"
        ]
    );
    // The two sets Vigil defined for the HURT block.
    let weather = compiled(set, "-  * (IN &WEATHER)");
    assert_eq!(weather, ["* (IN &WEATHER)"]);
    let (_, w) = set.synset("WEATHER").unwrap();
    assert!(
        w.members
            .iter()
            .any(|m| set.lexicon.phrase(m) == "HURRICANES")
    );
    // `{&CAR &WEAPON}`: the modifier set without plurals, the head set with them.
    let car_bombs = compiled(set, "- {&CAR &WEAPON} *");
    assert!(car_bombs.contains(&"{CAR BOMB} *".to_string()));
    assert!(car_bombs.contains(&"{CAR BOMBS} *".to_string()));
    assert!(!car_bombs.iter().any(|p| p.starts_with("{CARS ")));
}
