//! Small dictionaries written for the tests, so that no test depends on the shipped data.
#![allow(dead_code)]

use std::sync::Arc;
use vigil_dict::{DictFile, DictSet, LoadOptions};

pub const VERBS: &str = "\
####### SYNONYM SETS #######
&MILITARY
+TROOPS
+SOLDIERS

####### VERB PATTERNS #######
---  MEET_PEOPLE   [040]  ---
MEET {MEETS MET MEETING}

---  ATTACK   [190]  ---
ATTACK
- * &MILITARY  [193]

---  CONDEMN   [122]  ---
CONDEMN

---  EXPLAIN_VERBAL   [010]  ---
SAY  {SAYS SAID SAYING}

---  ACCEPT   [050]  ---
ACCEPT

---  VISIT   [042:043]  ---
VISIT

---  OPPOSE   [112]  ---
OPPOSE

---  BLAME   [112]  ---
ACCUSE

---  DENY   [016]  ---
DENY {DENIES DENIED DENYING}
";

pub const ACTORS: &str = "\
NORLAND_  [NOR]
+NORLANDIAN_
SUDLAND_  [SUD]
WESTMARK_ [WSM]
PORTVILLE_ [SUD]
ERIK_LUND_ [SUDBUS]
ANNA_BERG_
\t[NORGOV >20200101]
\t[NORBUS]
";

pub const AGENTS: &str = "\
PRESIDENT [~GOV]
SOLDIER [~MIL]
OFFICIAL [~GOV]
MINISTRY [~GOV]
";

pub const DISCARDS: &str = "\
FOOTBALL
+HOROSCOPE
";

/// The test dictionaries with `verbs` as the verb dictionary.
pub fn dicts(verbs: &str) -> Arc<DictSet> {
    let f = |name: &str, text: &str| {
        vec![DictFile {
            name: name.into(),
            text: text.into(),
        }]
    };
    let dicts = DictSet::load(
        &f("verbs.txt", verbs),
        &f("actors.txt", ACTORS),
        &f("agents.txt", AGENTS),
        &f("discards.txt", DISCARDS),
        LoadOptions { strict: true },
    )
    .expect("test dictionaries load");
    Arc::new(dicts)
}
