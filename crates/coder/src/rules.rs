//! Coding rules kept as data (`data/rules/`): how future, intended, threatened and negated
//! acts are coded. Users may replace them; the defaults are embedded.

use rustc_hash::FxHashMap;

/// What a governing verb says about its infinitive complement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Governs {
    /// An intention, plan or schedule: the complement is coded as intended.
    Intent,
    /// A threat: the complement is coded as threatened.
    Threat,
    /// A decision taken ("Canada decided to impose sanctions"): the complement is the act
    /// itself, unless it is a meeting or visit, which is still to come.
    Decision,
}

/// The rule tables.
#[derive(Clone, Debug, Default)]
pub struct Rules {
    future: Vec<(String, String)>,
    negation: Vec<(String, String)>,
    /// Verbs (lemma) whose negation is a rejection, and its code.
    refusals: FxHashMap<String, String>,
    governors: FxHashMap<String, Governs>,
    reciprocal: FxHashMap<String, String>,
    meeting_nouns: rustc_hash::FxHashSet<String>,
    patient_acts: rustc_hash::FxHashSet<String>,
    state_roles: FxHashMap<String, String>,
    speech_nouns: FxHashMap<String, String>,
    not_states: rustc_hash::FxHashSet<String>,
    /// Verb lemma → code prefixes under which its act is mutual.
    mutual: Vec<(String, String)>,
    /// Code prefix → (source role, target role), longest prefix first.
    implicit: Vec<(String, (Implied, Implied))>,
    /// Verb lemmas that never name an act (`not-acts.tsv`).
    not_acts: rustc_hash::FxHashSet<String>,
    /// Verbs that code only through a pattern or an event noun (`bare` in `not-acts.tsv`).
    bare_no_act: rustc_hash::FxHashSet<String>,
    /// Subject nouns that make a verb tell a toll (`toll` in `not-acts.tsv`).
    toll_subjects: rustc_hash::FxHashSet<String>,
    /// Verbs whose commented patterns match them alone (`own-patterns.tsv`).
    own_patterns: rustc_hash::FxHashSet<String>,
    /// Word pairs whose first word is then no verb ("according to").
    not_act_phrases: Vec<(String, String)>,
    /// (code, source roles, target roles, new code): codes that depend on the parties.
    role_codes: Vec<(String, Vec<String>, Vec<String>, String)>,
}

/// How an act's unnamed party is supplied from the story (`implicit-parties.tsv`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Implied {
    /// Never: the party must be named.
    Never,
    /// The story's country, bare.
    Country,
    /// The story's country with this role (`COP`).
    Role(String),
}

impl Implied {
    fn parse(s: &str) -> Implied {
        match s {
            "-" | "" => Implied::Never,
            "=" => Implied::Country,
            r => Implied::Role(r.to_string()),
        }
    }
}

const FUTURE: &str = include_str!("../../../data/rules/future.tsv");
const NEGATION: &str = include_str!("../../../data/rules/negation.tsv");
const GOVERNORS: &str = include_str!("../../../data/rules/governors.tsv");
const RECIPROCAL: &str = include_str!("../../../data/rules/reciprocal.tsv");
const MEETING_NOUNS: &str = include_str!("../../../data/rules/meeting-nouns.txt");
const PATIENT_ACTS: &str = include_str!("../../../data/rules/patient-acts.txt");
const SPEECH_NOUNS: &str = include_str!("../../../data/rules/speech-nouns.tsv");
const STATE_ROLES: &str = include_str!("../../../data/rules/state-roles.tsv");
const MUTUAL: &str = include_str!("../../../data/rules/mutual-verbs.tsv");
const IMPLICIT: &str = include_str!("../../../data/rules/implicit-parties.tsv");
const ROLE_CODES: &str = include_str!("../../../data/rules/role-codes.tsv");
const NOT_ACTS: &str = include_str!("../../../data/rules/not-acts.tsv");
const OWN_PATTERNS: &str = include_str!("../../../data/rules/own-patterns.tsv");

/// The rows of a rule table: tab-separated columns, `#` comments and blank lines left out.
pub(crate) fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim_end())
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// The words (second column, space-separated) of every row of a rule table whose first
/// column is `kind`.
pub(crate) fn word_set(text: &str, kind: &str) -> rustc_hash::FxHashSet<String> {
    rows(text)
        .filter(|r| r[0] == kind && r.len() >= 2)
        .flat_map(|r| {
            r[1].split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

fn prefix_table(text: &str) -> Vec<(String, String)> {
    let mut t: Vec<(String, String)> = rows(text)
        .filter(|r| r.len() >= 2)
        .map(|r| (r[0].to_string(), r[1].to_string()))
        .collect();
    // Longest prefix first.
    t.sort_by_key(|row| std::cmp::Reverse(row.0.len()));
    t
}

fn lookup<'a>(table: &'a [(String, String)], code: &str) -> Option<&'a str> {
    table
        .iter()
        .find(|(p, _)| code.starts_with(p.as_str()))
        .map(|(_, c)| c.as_str())
}

impl Rules {
    /// The shipped rule tables.
    pub fn embedded() -> Rules {
        let governors = rows(GOVERNORS)
            .filter(|r| r.len() >= 2)
            .map(|r| {
                let kind = match r[1] {
                    "threat" => Governs::Threat,
                    "decision" => Governs::Decision,
                    _ => Governs::Intent,
                };
                (r[0].to_string(), kind)
            })
            .collect();
        let reciprocal = rows(RECIPROCAL)
            .filter(|r| r.len() >= 2)
            .map(|r| (r[0].to_string(), r[1].to_string()))
            .collect();
        Rules {
            future: prefix_table(FUTURE),
            negation: prefix_table(NEGATION)
                .into_iter()
                .filter(|(p, _)| p != "=")
                .collect(),
            refusals: rows(NEGATION)
                .filter(|r| r[0] == "=" && r.len() >= 3)
                .flat_map(|r| {
                    r[1].split_whitespace()
                        .map(|v| (v.to_string(), r[2].to_string()))
                        .collect::<Vec<_>>()
                })
                .collect(),
            governors,
            reciprocal,
            meeting_nouns: rows(MEETING_NOUNS).map(|r| r[0].to_string()).collect(),
            patient_acts: rows(PATIENT_ACTS).map(|r| r[0].to_string()).collect(),
            speech_nouns: rows(SPEECH_NOUNS)
                .filter(|r| r.len() >= 2)
                .flat_map(|r| {
                    r[0].split_whitespace()
                        .map(|w| (w.to_string(), r[1].to_string()))
                        .collect::<Vec<_>>()
                })
                .collect(),
            state_roles: rows(STATE_ROLES)
                .filter(|r| r[0] != "!" && r.len() >= 2)
                .map(|r| (r[0].to_string(), r[1].to_string()))
                .collect(),
            mutual: rows(MUTUAL)
                .filter(|r| r.len() >= 2)
                .map(|r| (r[0].to_string(), r[1].to_string()))
                .collect(),
            implicit: {
                let mut t: Vec<_> = rows(IMPLICIT)
                    .filter(|r| r.len() >= 3)
                    .map(|r| {
                        (
                            r[0].to_string(),
                            (Implied::parse(r[1]), Implied::parse(r[2])),
                        )
                    })
                    .collect();
                t.sort_by_key(|row| std::cmp::Reverse(row.0.len()));
                t
            },
            not_acts: word_set(NOT_ACTS, "lemma"),
            bare_no_act: word_set(NOT_ACTS, "bare"),
            toll_subjects: word_set(NOT_ACTS, "toll"),
            own_patterns: word_set(OWN_PATTERNS, "lemma")
                .into_iter()
                .map(|v| v.replace('_', " "))
                .collect(),
            not_act_phrases: rows(NOT_ACTS)
                .filter(|r| r[0] == "phrase" && r.len() >= 3)
                .map(|r| (r[1].to_string(), r[2].to_string()))
                .collect(),
            role_codes: rows(ROLE_CODES)
                .filter(|r| r.len() >= 4)
                .map(|r| {
                    let roles = |s: &str| s.split_whitespace().map(str::to_string).collect();
                    (r[0].to_string(), roles(r[1]), roles(r[2]), r[3].to_string())
                })
                .collect(),
            not_states: word_set(STATE_ROLES, "!"),
        }
    }

    /// The code of `code` as an announced or threatened act; `None` when unchanged.
    pub fn future(&self, code: &str) -> Option<&str> {
        lookup(&self.future, code)
    }

    /// The code of `code` negated; `None` when a negated `code` is not an event.
    pub fn negated(&self, code: &str) -> Option<&str> {
        lookup(&self.negation, code)
    }

    /// The code of a negated verb of acceptance (`ACCEPT` → `120`): a refusal is an act even
    /// where the verb's own code, negated, is not.
    pub fn refusal(&self, lemma: &str) -> Option<&str> {
        self.refusals.get(lemma).map(String::as_str)
    }

    /// The code of the mutual act of verb block `block`, when its act is mutual.
    pub fn reciprocal(&self, block: &str) -> Option<&str> {
        self.reciprocal.get(block).map(String::as_str)
    }

    /// The role a bare country source takes for an act with code `code` (`RUS` + `190` →
    /// `MIL`); `None` when `source` is not a bare country or the root has no role.
    pub fn state_role(&self, source: &str, code: &str) -> Option<&str> {
        let bare = source.len() == 3 && source.chars().all(|c| c.is_ascii_uppercase());
        if !bare || self.not_states.contains(source) {
            return None;
        }
        self.state_roles.get(code.get(..2)?).map(String::as_str)
    }

    /// True when verb `lemma` names no act by its dictionary default alone: it needs a
    /// pattern or an event noun ("ordered the expulsion"; not "the party that controls").
    pub fn bare_no_act(&self, lemma: &str) -> bool {
        self.bare_no_act.contains(lemma)
    }

    /// True when `noun` (upper case), heading a verb's subject, sums up a conflict or a
    /// disaster ("the *war* has killed 9,000 people"): the verb tells its toll, no act.
    pub fn toll_subject(&self, noun: &str) -> bool {
        self.toll_subjects.contains(noun)
    }

    /// True when a pattern written for verb `noted` (its comment names it) may not match
    /// verb `lemma` of the same block: `noted` has a sense of its own (`own-patterns.tsv`).
    pub fn foreign_pattern(&self, noted: &str, lemma: &str) -> bool {
        noted != lemma && self.own_patterns.contains(noted)
    }

    /// True when verb `lemma`, whose form `word` is followed by `next` (upper case), names
    /// no act ("ten people *died*", "*according* to").
    pub fn not_act(&self, lemma: &str, word: &str, next: &str) -> bool {
        self.not_acts.contains(lemma)
            || self
                .not_act_phrases
                .iter()
                .any(|(w, n)| w == word && n == next)
    }

    /// The code an act `code` between `source` and `target` takes because of who they are
    /// ("protesters clashed with police": 145 and 175, not 190); `None` when unchanged.
    pub fn role_code(&self, code: &str, source: &str, target: &str) -> Option<&str> {
        let has = |actor: &str, roles: &[String]| {
            roles.iter().any(|r| r == "*")
                || (actor.len() == 3 && roles.iter().any(|r| r == "-"))
                || (3..actor.len())
                    .step_by(3)
                    .filter_map(|i| actor.get(i..i + 3))
                    .any(|g| roles.iter().any(|r| r == g))
        };
        // A crowd and the police of one country: foreign troops firing on civilians
        // fight, they do not police a protest.
        if source.get(..3) != target.get(..3) {
            return None;
        }
        self.role_codes
            .iter()
            .find(|(c, s, t, _)| c == code && has(source, s) && has(target, t))
            .map(|(_, _, _, new)| new.as_str())
    }

    /// True when verb `lemma` coded `code` is an act both parties do ("clashed with").
    pub fn mutual(&self, lemma: &str, code: &str) -> bool {
        self.mutual
            .iter()
            .any(|(l, p)| l == lemma && code.starts_with(p.as_str()))
    }

    /// How the unnamed source and target of an act coded `code` are supplied from the
    /// story; `(Never, Never)` for acts whose parties must be named.
    pub fn implied(&self, code: &str) -> (&Implied, &Implied) {
        static NEVER: Implied = Implied::Never;
        self.implicit
            .iter()
            .find(|(p, _)| code.starts_with(p.as_str()))
            .map_or((&NEVER, &NEVER), |(_, (s, t))| (s, t))
    }

    /// The code of the speech act `noun` (upper case) names ("WARNINGS" → `130`).
    pub fn speech_noun(&self, noun: &str) -> Option<&str> {
        self.speech_nouns.get(noun).map(String::as_str)
    }

    /// True when `noun` (upper case) names an act whose "of" party suffered it ("the
    /// killing of", "the arrest of"; patient-acts.txt, and any noun in -ING).
    pub fn patient_act(&self, noun: &str) -> bool {
        noun.len() > 5 && noun.ends_with("ING") || self.patient_acts.contains(noun)
    }

    /// True when `noun` (upper case) names a meeting ("talks", "summit").
    pub fn meeting_noun(&self, noun: &str) -> bool {
        self.meeting_nouns.contains(noun)
    }

    /// What the governing word (upper case) makes of its infinitive.
    pub fn governs(&self, word: &str) -> Option<Governs> {
        self.governors.get(word).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_prefix_wins() {
        let r = Rules::embedded();
        assert_eq!(r.future("040"), Some("036"));
        assert_eq!(r.future("0431"), Some("036"));
        assert_eq!(r.future("163"), Some("1312"));
        assert_eq!(r.future("160"), Some("131"));
        assert_eq!(r.future("010"), None);
        assert_eq!(r.negated("0842"), Some("1243"));
        assert_eq!(r.negated("190"), None);
        assert_eq!(r.refusal("ACCEPT"), Some("120"));
        assert_eq!(r.refusal("ATTACK"), None);
        assert_eq!(r.governs("SCHEDULED"), Some(Governs::Intent));
        assert_eq!(r.governs("THREATENED"), Some(Governs::Threat));
        assert_eq!(r.governs("DECIDED"), Some(Governs::Decision));
    }
}
