//! Unit tests of the verb reader on small inline dictionaries.

use crate::*;

fn load(text: &str, strict: bool) -> Result<(DictSet, LoadStats), DictError> {
    DictSet::load_with_stats(
        &[DictFile::new("t.verbs", text)],
        &[],
        &[],
        &[],
        LoadOptions { strict },
    )
}

fn ok(text: &str) -> (DictSet, LoadStats) {
    let (set, stats) = load(text, true).unwrap_or_else(|e| panic!("{e}"));
    assert!(set.warnings.is_empty());
    (set, stats)
}

/// The 1-based number of the first line of `text` starting with `start`.
fn line_of(text: &str, start: &str) -> u32 {
    text.lines()
        .position(|l| l.starts_with(start))
        .expect("line present") as u32
        + 1
}

fn block<'a>(set: &'a DictSet, name: &str) -> &'a VerbBlock {
    set.verbs
        .blocks
        .iter()
        .find(|b| b.name == name)
        .unwrap_or_else(|| panic!("no block {name}"))
}

/// The patterns of a block, rendered, with their codes.
fn patterns(set: &DictSet, name: &str) -> Vec<String> {
    block(set, name)
        .patterns
        .iter()
        .map(|p| {
            let code = |c: &Option<String>| c.clone().unwrap_or_default();
            let code = match &p.code.passive {
                Some(_) => format!("{}:{}", code(&p.code.active), code(&p.code.passive)),
                None => code(&p.code.active),
            };
            format!("{} [{}]", set.render_elems(&p.elems), code)
        })
        .collect()
}

/// (front, word, back, lemma, own code) of every form whose inflected word is `word`.
fn forms(set: &DictSet, word: &str) -> Vec<(String, String, String, String, Option<String>)> {
    set.verb_forms_of(word)
        .into_iter()
        .map(|f| {
            (
                set.lexicon.phrase(&f.front),
                set.lexicon.word(f.word).to_string(),
                set.lexicon.phrase(&f.back),
                f.lemma.clone(),
                f.code.as_ref().and_then(|c| c.active.clone()),
            )
        })
        .collect()
}

fn members(set: &DictSet, name: &str) -> Vec<String> {
    let (_, s) = set.synset(name).unwrap_or_else(|| panic!("no set {name}"));
    s.members.iter().map(|m| set.lexicon.phrase(m)).collect()
}

const PETRARCH2: &str = "\
# CAMEO-style test dictionary
####### SYNONYM SETS #######

&AUXVERB2_
+WILL
+IS_TO

&FOOD
# a comment inside a set
+FOOD
+RICE_
+BABY_FORMULA

&MILITARY
+TROOPS
+ARMY

&NEGOTIATOR
+MEDIATOR

&AIRCRAFT
+JET

&WEAPON
+GUN
+MORTAR_SHELL

&BIGSET
+&FOOD
+&MILITARY
+CANNON

####### VERB PATTERNS #######

---  ACCELERATE   [---]  ---
ACCELERATE
HURRY {HURRIES HURRYING HURRIED }
SPEED {SPEEDING SPEEDS SPED }
RUSH
- * (TO)                                              [042:043]     # RUSH
- * {RELIEF ASSISTANCE}                               [073]         # RUSH
- * &FOOD                                             [073]         # RUSH
- * POLICE (TO BORDER)                                [153]         # RUSH
- &MILITARY *                                         [154]         # RUSH
- * &LATESET                                          [155]

---  ASK   [---]  ---
+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]
ASK     [020]
KLM_NOP_+RST [002]
+IS_DETERMINED {+WAS_DETERMINED , +BE_DETERMINED} [030]
+CALL_OFF [160]
+ANGERED_BY {}
- $ * (AS &NEGOTIATOR) (IN TALK) (WITH +)             [045]
- + INSPECTOR * (INTO $)                              [0862]
- * OFF (FROM ^)                                      [042]
- % &AIRCRAFT *                                       [062:062]
- * (TO LIST) (OF {BANNED PARTIES})                   [1722]
- * (FROM (OF {WAR ZONE}))                            [:173]
- * (OVER {&WEAPON ATTACK})                           [151]
- * {JOINT &MILITARY OPERATION}                       [0312]
- * (BY/WITH SANCTIONS)                               [163]
- * &BIGSET                                           [---]
- &AUXVERB2 *                                         [030]

---  STOP   [191]  ---
STOP
PLAN
SNOW
DENY
AGREE
- SPY_*_DEAL                                          [---]
- *_LAWS                                              [---]
- * {BIG &WEAPON}                                     [190]

&LATESET
+LATE_WORD

######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
#~ a (b . ATTACK ) WANT = a b 021
~ a (_ b ASSASSINATE) ATTEMPT = a b 185
";

#[test]
fn petrarch2_counts_and_blocks() {
    let (set, stats) = ok(PETRARCH2);
    let s = &stats.files[0];
    assert_eq!(s.get("synsets"), 8);
    assert_eq!(s.get("blocks"), 3);
    assert_eq!(s.get("transformations"), 2);
    assert_eq!(s.get("pattern_lines"), 20);
    let b = block(&set, "ACCELERATE");
    assert!(b.default.is_null());
    assert_eq!(b.layout, VerbLayout::Petrarch2);
    assert_eq!(b.origin.line, line_of(PETRARCH2, "---  ACCELERATE"));
    assert_eq!(block(&set, "STOP").default.active.as_deref(), Some("191"));
}

#[test]
fn regular_and_irregular_forms() {
    let (set, _) = ok(PETRARCH2);
    for w in [
        "ACCELERATE",
        "ACCELERATES",
        "ACCELERATED",
        "ACCELERATING",
        "RUSHES",
        "RUSHED",
        "HURRIES",
        "SPED",
    ] {
        assert_eq!(forms(&set, w).len(), 1, "{w}");
    }
    // `{...}` lists every other form: no regular ones are made.
    assert!(set.verb_forms_of("SPEEDED").is_empty());
    assert!(set.verb_forms_of("HURRYED").is_empty());
    for w in [
        "STOPPED", "STOPPING", "STOPS", "PLANNED", "SNOWED", "DENIES", "DENIED", "DENYING",
        "AGREED", "AGREEING",
    ] {
        assert_eq!(forms(&set, w).len(), 1, "{w}");
    }
    let f = &forms(&set, "ASK");
    assert_eq!(
        f,
        &[
            (
                String::new(),
                "ASK".into(),
                "FOR".into(),
                "ASK FOR".into(),
                Some("020".into())
            ),
            (
                String::new(),
                "ASK".into(),
                String::new(),
                "ASK".into(),
                Some("020".into())
            ),
        ]
    );
    assert_eq!(forms(&set, "ASKED")[0].2, "FOR");
    assert_eq!(forms(&set, "ASKED").len(), 2, "ASKED FOR and ASKED");
    // Front words: `KLM_NOP_+RST`.
    let f = &forms(&set, "RSTED")[0];
    assert_eq!(
        (f.0.as_str(), f.2.as_str(), f.3.as_str()),
        ("KLM NOP", "", "KLM NOP RST")
    );
    assert_eq!(f.4.as_deref(), Some("002"));
    // Regular forms of the `+` word of a phrasal verb.
    for w in ["CALL", "CALLS", "CALLED", "CALLING"] {
        assert_eq!(forms(&set, w)[0].2, "OFF", "{w}");
    }
    // Listed forms separated by commas.
    assert_eq!(forms(&set, "WAS")[0].2, "DETERMINED");
    assert_eq!(forms(&set, "BE")[0].2, "DETERMINED");
    // `{}`: the base form only.
    assert_eq!(forms(&set, "ANGERED")[0].2, "BY");
    assert!(set.verb_forms_of("ANGEREDS").is_empty());
    // A form is indexed under its block.
    let rush = set.verb_forms_of("RUSH")[0];
    assert_eq!(set.block_of(rush).name, "ACCELERATE");
    assert!(rush.code.is_none());
}

#[test]
fn petrarch2_patterns() {
    let (set, _) = ok(PETRARCH2);
    assert_eq!(
        patterns(&set, "ACCELERATE"),
        [
            "* (TO) [042:043]",
            "* {RELIEF ASSISTANCE} [073]",
            "* &FOOD [073]",
            "* POLICE (TO BORDER) [153]",
            "&MILITARY * [154]",
            "* &LATESET [155]",
        ]
    );
    let ask = patterns(&set, "ASK");
    assert_eq!(
        &ask[..6],
        [
            "$ * (AS &NEGOTIATOR) (IN TALK) (WITH +) [045]",
            "+ INSPECTOR * (INTO $) [0862]",
            "* OFF (FROM ^) [042]",
            "% &AIRCRAFT * [062:062]",
            "* (TO LIST) (OF {BANNED PARTIES}) [1722]",
            "* (FROM (OF {WAR ZONE})) [:173]",
        ]
    );
    // A set inside `{}` is expanded, member by member; in a modifier position (not the
    // head, the last word) without plurals.
    assert_eq!(
        &ask[6..8],
        [
            "* (OVER {GUN ATTACK}) [151]",
            "* (OVER {MORTAR SHELL ATTACK}) [151]"
        ]
    );
    assert_eq!(
        &ask[8..10],
        [
            "* {JOINT TROOPS OPERATION} [0312]",
            "* {JOINT ARMY OPERATION} [0312]"
        ]
    );
    // `A/B` alternatives.
    assert_eq!(
        &ask[10..12],
        ["* (BY SANCTIONS) [163]", "* (WITH SANCTIONS) [163]"]
    );
    assert_eq!(&ask[12..], ["* &BIGSET []", "&AUXVERB2 * [030]"]);
    // `[---]` is the null code.
    assert!(block(&set, "ASK").patterns[12].code.is_null());
    // Words joined to `*` by `_` are glued to it.
    // As the head of `{}`, a set's plurals are kept.
    assert_eq!(
        patterns(&set, "STOP"),
        [
            "SPY_*_DEAL []",
            "*_LAWS []",
            "* {BIG GUN} [190]",
            "* {BIG GUNS} [190]",
            "* {BIG MORTAR SHELL} [190]",
            "* {BIG MORTAR SHELLS} [190]",
        ]
    );
    let p = &block(&set, "STOP").patterns[0];
    assert_eq!(p.verb_index(), 1);
    assert!(p.elems[0].glued && p.elems[1].glued && !p.elems[2].glued);
    assert_eq!(p.origin.line, line_of(PETRARCH2, "- SPY_*_DEAL"));
    assert_eq!(
        p.text,
        "- SPY_*_DEAL                                          [---]"
    );
}

#[test]
fn synsets_plurals_nesting_and_late_definition() {
    let (set, _) = ok(PETRARCH2);
    assert_eq!(
        members(&set, "FOOD"),
        ["FOOD", "FOODS", "RICE", "BABY FORMULA", "BABY FORMULAS"]
    );
    // A name ending in `_` means "no plurals" for all members (PETRARCH-1 rule).
    assert_eq!(members(&set, "AUXVERB2_"), ["WILL", "IS TO"]);
    assert_eq!(members(&set, "MILITARY"), ["TROOPS", "ARMY", "ARMIES"]);
    assert_eq!(
        members(&set, "BIGSET"),
        [
            "FOOD",
            "FOODS",
            "RICE",
            "BABY FORMULA",
            "BABY FORMULAS",
            "TROOPS",
            "ARMY",
            "ARMIES",
            "CANNON",
            "CANNONS"
        ]
    );
    // Defined after its use, near the end of the file.
    assert_eq!(members(&set, "LATESET"), ["LATE WORD", "LATE WORDS"]);
    let (id, _) = set.synset("&LATESET").unwrap();
    let p = &block(&set, "ACCELERATE").patterns[5];
    assert_eq!(p.elems[1].elem, Elem::Synset(id));
}

const TABARI: &str = "\
<!-- PETRARCH VALIDATION SUITE VERBS DICTIONARY -->
<!-- SYNSETS -->
&TIETYPES
+MILITARY
+ECONOMIC

&NEGATVAUXVRB  # \"negative auxiliary verb\"
+DID N'T   # a contraction as TreeBank writes it
+WILL NOT

&GENINT
+GENEVA

--- ABANDON  [345]  ---
ABANDON    # pas 15 Jul 2003
+ABC_DEF_GHI
KLM_NOP_+RST [002]
- * NEW_&TIETYPES_RELATIONS [903] #  -PAS 12.01.12
- * EFFORT  [987]  # pas 15 Jul 2003

&TESTSYN3
+(TO THE END)
+(UNTIL HELL FREEZES OVER)

--- ACCORD  [---] ---
ACCORD
- SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS  [111]
- IN_*  [075]
- IN_ *  [075A]
- *_OUT [074]
- SO IN_AND_*_OUT_AGAIN NOW [074]
- &NEGATVAUXVRB * OVER EFFORTS  [904]
- &NEGATVAUXVRB_WANT * [908]
- * FOR_ASYLUM  [174K]
- * RESIST &TESTSYN3 [113]

--- LASH OUT  [122] ---
LASH OUT
BREAK { BROKE BROKEN  }

WIRE_+TAP {WIRE_+TAPPED  WIRE_+TAPPING }
";

#[test]
fn tabari_layout() {
    let (set, stats) = ok(TABARI);
    assert_eq!(stats.files[0].get("blocks"), 3);
    assert_eq!(block(&set, "ABANDON").layout, VerbLayout::Tabari);
    assert_eq!(
        patterns(&set, "ABANDON"),
        ["* NEW_&TIETYPES_RELATIONS [903]", "* EFFORT [987]"]
    );
    assert_eq!(
        patterns(&set, "ACCORD"),
        [
            "SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS [111]",
            "IN_* [075]",
            // A final `_` before a space is TABARI's whole-word mark, not a joint.
            "IN * [075A]",
            "*_OUT [074]",
            "SO IN_AND_*_OUT_AGAIN NOW [074]",
            "&NEGATVAUXVRB * OVER EFFORTS [904]",
            "&NEGATVAUXVRB_WANT * [908]",
            "* FOR_ASYLUM [174K]",
            // A set with bracketed members is expanded in place.
            "* RESIST (TO THE END) [113]",
            "* RESIST (UNTIL HELL FREEZES OVER) [113]",
        ]
    );
    let p = &block(&set, "ACCORD").patterns[4];
    let glued: Vec<bool> = p.elems.iter().map(|e| e.glued).collect();
    assert_eq!(glued, [false, true, true, true, true, false, false]);
    // `N'T` is a word of its own, after `DID`, as the tokenizer has it.
    assert_eq!(
        members(&set, "NEGATVAUXVRB"),
        ["DID N'T", "WILL NOT", "WILL NOTS"]
    );
    // Multi-word verb lines without `+`: the first word is the verb.
    assert_eq!(forms(&set, "LASHED")[0].2, "OUT");
    assert_eq!(forms(&set, "BROKEN").len(), 1);
    assert!(set.verb_forms_of("BREAKED").is_empty());
    assert_eq!(forms(&set, "TAPPED")[0].0, "WIRE");
    assert_eq!(forms(&set, "ABC")[0].2, "DEF GHI");
}

#[test]
fn tabari_blocks_without_headers() {
    let text = "ABANDON [345]\n- * EFFORT [987]\nACCEPT\nADMIT\n- * GUILT [013]\nAGREE\n";
    let (set, _) = ok(text);
    let names: Vec<&str> = set.verbs.blocks.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(names, ["ABANDON", "ACCEPT", "AGREE"]);
    assert_eq!(set.block_of(set.verb_forms_of("ADMITS")[0]).name, "ACCEPT");
    assert_eq!(
        set.verb_forms_of("ABANDON")[0]
            .code
            .as_ref()
            .unwrap()
            .active
            .as_deref(),
        Some("345")
    );
}

#[test]
fn malformed_lines_are_reported_with_their_lines() {
    let text = "\
####### VERB PATTERNS #######
ORPHAN
---  MAKE   [---]  ---
MAKE {MAKES MADE MAKING}
SCRAP {SCRAPS};shan   8/30/93
- * VENTURE (WITH VISIT)     VISIT)[042:043]
- * DOWN (FROM) [080!]
- * &NOSUCHSET [010]
- * {UNCLOSED [010]
- * NO CODE
- * DIPLXMATIC  [
- SCEPTICAL [012]
- *SCEPTICAL [012]
- * * [012]
* (TO QUESTION) [110]
&EMPTY
--- [010] ---
- * LAST [010]
";
    let (set, _) = load(text, false).unwrap();
    let got: Vec<u32> = set.warnings.iter().map(|w| w.origin.line).collect();
    assert_eq!(
        got,
        (2..=18).filter(|&l| l != 3 && l != 4).collect::<Vec<_>>(),
        "{:#?}",
        set.warnings
    );
    // Recoverable lines are kept: the verb with junk after it, the pattern without `*`, the
    // `*` written against a word and the pattern line without `-`.
    assert_eq!(set.verb_forms_of("SCRAPS").len(), 1);
    assert_eq!(
        patterns(&set, "MAKE"),
        [
            "* SCEPTICAL [012]",
            "* SCEPTICAL [012]",
            "* (TO QUESTION) [110]"
        ]
    );
    // The block after a broken header gets no patterns.
    assert!(set.verbs.blocks.iter().all(|b| b.name != "LAST"));
    // Strict mode stops at the first.
    match load(text, true) {
        Err(DictError::Malformed(d)) => assert_eq!(d.origin.to_string(), "t.verbs:2"),
        other => panic!("{:?}", other.map(|s| s.0.warnings)),
    }
}

#[test]
fn a_pattern_knows_the_verb_its_comment_names() {
    let text = "\
####### VERB PATTERNS #######
---  MANAGE   [060]  ---
STEER
HEAD
STEP_UP
- * (TO)                  [042:043]     # HEAD
- * ATTACKS               [190]         # STEP_UP
- * TALKS                 [046]         # 2/19/96 added
- * SUMMIT                [042]         # SUMMIT
";
    let (set, _) = ok(text);
    let noted: Vec<Option<&str>> = block(&set, "MANAGE")
        .patterns
        .iter()
        .map(|p| p.noted_verb.as_deref())
        .collect();
    // A date is no verb, and neither is a word that is not a verb of the block.
    assert_eq!(noted, [Some("HEAD"), Some("STEP UP"), None, None]);
}
