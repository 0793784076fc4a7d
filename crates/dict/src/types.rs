//! The public data model of the dictionaries. Parsers fill these; the coder reads them.

use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// Where an entry came from: a file name (as given, e.g. `CAMEO.2.0.txt`) and a 1-based line.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Origin {
    /// File name as loaded.
    pub file: Arc<str>,
    /// 1-based line number.
    pub line: u32,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// A problem found while reading a dictionary line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where.
    pub origin: Origin,
    /// What is wrong, in words a user can act on.
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

/// Interned upper-case word. Every dictionary word and, at coding time, every sentence
/// word that occurs in some dictionary maps to one of these.
pub type WordId = u32;

/// Word interner shared by all dictionaries of a [`DictSet`].
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    ids: FxHashMap<Box<str>, WordId>,
    words: Vec<Box<str>>,
}

impl Lexicon {
    /// The id of an upper-case word, if any dictionary uses it.
    pub fn id(&self, upper: &str) -> Option<WordId> {
        self.ids.get(upper).copied()
    }

    /// Interns `upper`, returning its id.
    pub fn intern(&mut self, upper: &str) -> WordId {
        if let Some(&id) = self.ids.get(upper) {
            return id;
        }
        let id = self.words.len() as WordId;
        self.words.push(upper.into());
        self.ids.insert(upper.into(), id);
        id
    }

    /// The word for an id.
    pub fn word(&self, id: WordId) -> &str {
        &self.words[id as usize]
    }

    /// Number of distinct words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when no word is interned.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The words of `ids` joined by single spaces (for messages and provenance).
    pub fn phrase(&self, ids: &[WordId]) -> String {
        let mut out = String::new();
        for (i, &id) in ids.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(self.word(id));
        }
        out
    }

    /// Makes room for `additional` more words.
    pub fn reserve(&mut self, additional: usize) {
        self.ids.reserve(additional);
        self.words.reserve(additional);
    }

    /// The ids of a phrase already split into upper-case words, or `None` when some word is
    /// in no dictionary (so the phrase cannot be in one either).
    pub fn ids_of<S: AsRef<str>>(&self, words: &[S]) -> Option<Vec<WordId>> {
        words.iter().map(|w| self.id(w.as_ref())).collect()
    }
}

/// A trie over word ids: maps phrases (sequences of words) to values.
#[derive(Clone, Debug)]
pub struct PhraseTrie<V> {
    /// (node, word) → child node. Node 0 is the root.
    edges: FxHashMap<(u32, WordId), u32>,
    /// Values stored at each node (empty for inner nodes).
    values: Vec<Vec<V>>,
}

impl<V> Default for PhraseTrie<V> {
    fn default() -> Self {
        PhraseTrie {
            edges: FxHashMap::default(),
            values: vec![Vec::new()],
        }
    }
}

impl<V> PhraseTrie<V> {
    /// Makes room for about `additional` more trie nodes (one per word of each new
    /// phrase, less shared prefixes).
    pub fn reserve(&mut self, additional: usize) {
        self.edges.reserve(additional);
        self.values.reserve(additional);
    }

    /// Adds `value` under the phrase `words`.
    pub fn insert(&mut self, words: &[WordId], value: V) {
        let mut node = 0u32;
        for &w in words {
            let next = self.values.len() as u32;
            let child = *self.edges.entry((node, w)).or_insert(next);
            if child == next {
                self.values.push(Vec::new());
            }
            node = child;
        }
        self.values[node as usize].push(value);
    }

    /// Every phrase that starts at `words[0]`, as (length in words, values), shortest first.
    /// `None` entries in `words` are words no dictionary knows; they end any match.
    pub fn prefixes<'a>(&'a self, words: &[Option<WordId>]) -> Vec<(usize, &'a [V])> {
        let mut out = Vec::new();
        let mut node = 0u32;
        for (i, w) in words.iter().enumerate() {
            let Some(w) = w else { break };
            match self.edges.get(&(node, *w)) {
                Some(&child) => node = child,
                None => break,
            }
            let vals = &self.values[node as usize];
            if !vals.is_empty() {
                out.push((i + 1, vals.as_slice()));
            }
        }
        out
    }

    /// The values stored under exactly the phrase `words` (empty when there are none).
    pub fn get(&self, words: &[WordId]) -> &[V] {
        let mut node = 0u32;
        for &w in words {
            match self.edges.get(&(node, w)) {
                Some(&child) => node = child,
                None => return &[],
            }
        }
        &self.values[node as usize]
    }

    /// Number of phrases stored (nodes holding at least one value).
    pub fn phrase_count(&self) -> usize {
        self.values.iter().filter(|v| !v.is_empty()).count()
    }

    /// True when some phrase begins with the word `w`.
    pub fn starts_with_word(&self, w: WordId) -> bool {
        self.edges.contains_key(&(0, w))
    }

    /// The longest phrase that starts at `words[0]`, as (length in words, values).
    pub fn longest<'a>(&'a self, words: &[Option<WordId>]) -> Option<(usize, &'a [V])> {
        let mut best = None;
        let mut node = 0u32;
        for (i, w) in words.iter().enumerate() {
            let Some(w) = w else { break };
            match self.edges.get(&(node, *w)) {
                Some(&child) => node = child,
                None => break,
            }
            let vals = &self.values[node as usize];
            if !vals.is_empty() {
                best = Some((i + 1, vals.as_slice()));
            }
        }
        best
    }
}

// ---------------------------------------------------------------------------------------
// Actors

/// When a dated actor code applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Validity {
    /// No restriction: the fallback code.
    Always,
    /// On or after the date (`[CODE >YYMMDD]`).
    From(NaiveDate),
    /// Strictly before the date (`[CODE <YYMMDD]`).
    Before(NaiveDate),
    /// Within the inclusive range (`[CODE YYMMDD-YYMMDD]`).
    Range(NaiveDate, NaiveDate),
}

impl Validity {
    /// True when a restricted code applies on `date` (always false for `Always`, which is
    /// only the fallback).
    pub fn contains(self, date: NaiveDate) -> bool {
        match self {
            Validity::Always => false,
            Validity::From(d) => date >= d,
            Validity::Before(d) => date < d,
            Validity::Range(a, b) => date >= a && date <= b,
        }
    }
}

/// One actor code with its date restriction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedCode {
    /// CAMEO actor code (`AFGGOV`).
    pub code: String,
    /// When it applies.
    pub validity: Validity,
}

/// An actor dictionary entry: a root phrase, its synonyms (in the trie) and its codes.
#[derive(Clone, Debug)]
pub struct ActorEntry {
    /// The root phrase as written, `_` turned into spaces (`HAMID KARZAI`).
    pub phrase: String,
    /// Where the root line is.
    pub origin: Origin,
    /// Codes in precedence order (an entry whose root occurs twice keeps the codes of
    /// both): file order within one file; the codes a later file gives for the same root
    /// come before those of earlier files, so a later file refines an earlier one.
    pub codes: Vec<DatedCode>,
}

impl ActorEntry {
    /// The code valid on `date`: the first dated code whose restriction contains the date,
    /// else the first undated code, else `None`.
    pub fn code_on(&self, date: NaiveDate) -> Option<&str> {
        self.codes
            .iter()
            .find(|c| c.validity.contains(date))
            .or_else(|| self.codes.iter().find(|c| c.validity == Validity::Always))
            .map(|c| c.code.as_str())
    }
}

/// Index of an [`ActorEntry`] in [`ActorDict::entries`].
pub type ActorId = u32;

/// All actor dictionaries of a set, merged.
#[derive(Clone, Debug, Default)]
pub struct ActorDict {
    /// Entries in load order.
    pub entries: Vec<ActorEntry>,
    /// Phrase (root or synonym) → entry ids.
    pub trie: PhraseTrie<ActorId>,
}

// ---------------------------------------------------------------------------------------
// Agents

/// Where an agent's code goes relative to the actor's code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgentPlacement {
    /// `[~AGR]`: appended (USA + AGR → USAAGR).
    Suffix,
    /// `[IGO~]`: prepended (IGO + USA → IGOUSA).
    Prefix,
}

/// One agent entry (a generic role such as "police" or "farmer").
#[derive(Clone, Debug)]
pub struct AgentEntry {
    /// The phrase as written (`ANTI RIOT POLICE`).
    pub phrase: String,
    /// The code without the `~` (`COP`).
    pub code: String,
    /// Where the code goes.
    pub placement: AgentPlacement,
    /// Where the line is.
    pub origin: Origin,
}

/// Index of an [`AgentEntry`].
pub type AgentId = u32;

/// All agent dictionaries of a set, merged. Plural forms (given or made) are in the trie.
#[derive(Clone, Debug, Default)]
pub struct AgentDict {
    /// Entries in load order.
    pub entries: Vec<AgentEntry>,
    /// Phrase (singular or plural) → entry ids.
    pub trie: PhraseTrie<AgentId>,
}

// ---------------------------------------------------------------------------------------
// Verbs

/// An event code pair as written in a verb dictionary: `[042]`, `[042:043]`, `[:173]`,
/// `[---]`. Codes are kept as text (`174K` and other pre-CAMEO codes occur).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CodePair {
    /// Code for the active voice.
    pub active: Option<String>,
    /// Code for the passive voice; when absent the active code applies to both voices.
    pub passive: Option<String>,
}

impl CodePair {
    /// True for the null code (`[---]`): the match is recognised but yields no event.
    pub fn is_null(&self) -> bool {
        self.active.is_none() && self.passive.is_none()
    }

    /// The code for a verb in the active (`passive == false`) or passive voice: the
    /// passive code when given, else the active one.
    pub fn for_voice(&self, passive: bool) -> Option<&str> {
        if passive {
            self.passive.as_deref().or(self.active.as_deref())
        } else {
            self.active.as_deref()
        }
    }
}

/// Which dialect of the verb-dictionary format a block was written in. The two read the
/// same on the surface but mean different things in patterns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum VerbLayout {
    /// PETRARCH2 (`CAMEO.2.0.txt`, files with a `VERB PATTERNS` section marker): a bare
    /// word after `*` names the head of a noun phrase, `{}` and `()` carry syntax.
    #[default]
    Petrarch2,
    /// TABARI / PETRARCH-1 (`PETR.Validate.verbs.txt`): a pattern is a flat word
    /// sequence; space means "other words may come between", `_` means "next word".
    Tabari,
}

/// Index of a [`VerbBlock`].
pub type BlockId = u32;

/// A verb block: a group of verbs sharing patterns and a default code.
#[derive(Clone, Debug)]
pub struct VerbBlock {
    /// Block name from the `---  NAME  [CODE]  ---` header (`ACCELERATE`); for a block of
    /// a TABARI file without headers, the first verb of the block.
    pub name: String,
    /// Default code (both halves `None` for `[---]` or no code: the verb alone codes
    /// nothing).
    pub default: CodePair,
    /// The patterns, in file order.
    pub patterns: Vec<Pattern>,
    /// Where the block starts.
    pub origin: Origin,
    /// The format dialect of the file the block came from.
    pub layout: VerbLayout,
}

/// One surface form of a (possibly multi-word) verb.
#[derive(Clone, Debug)]
pub struct VerbForm {
    /// The block this verb belongs to.
    pub block: BlockId,
    /// The lemma line's verb as written (`ASK_FOR` → `ASK FOR`).
    pub lemma: String,
    /// Words that must come right before the inflected word (phrasal verbs written
    /// `KLM_NOP_+RST`).
    pub front: Vec<WordId>,
    /// The inflected word itself (`ASKED`).
    pub word: WordId,
    /// Words that must follow the inflected word (`+ASK_FOR` → `FOR`); they may be
    /// separated from it by a short object in the text (`call the strike off`).
    pub back: Vec<WordId>,
    /// The verb line's own code, which overrides the block default when present.
    pub code: Option<CodePair>,
    /// Where the verb line is.
    pub origin: Origin,
}

/// One element of a verb pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Elem {
    /// A plain word. In the PETRARCH2 layout a word after `*` is the head of a noun phrase;
    /// in the TABARI layout (see [`VerbBlock::layout`]) patterns are plain word sequences.
    Word(WordId),
    /// `{W1 W2 HEAD}`: a noun phrase whose last word is the head.
    NounPhrase(Vec<WordId>),
    /// `(PREP …)`: a prepositional phrase; `object` may be empty (`(TO)` = any PP with TO).
    Prep {
        /// The preposition.
        prep: WordId,
        /// Elements its object must contain.
        object: Vec<PElem>,
    },
    /// `&NAME`: any member of a synonym set.
    Synset(u32),
    /// `*`: the verb.
    Verb,
    /// `$`: the source actor.
    Source,
    /// `+`: the target actor.
    Target,
    /// `^`: skip the next noun phrase.
    Skip,
    /// `%`: a compound actor.
    Compound,
}

/// A pattern element with its connection to the next element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PElem {
    /// What must match.
    pub elem: Elem,
    /// True when joined to the next element by `_` in the source (the two must be adjacent
    /// in the text); false when separated by a space (other words may come between).
    pub glued: bool,
}

/// One pattern line of a verb block.
#[derive(Clone, Debug)]
pub struct Pattern {
    /// All elements, including exactly one [`Elem::Verb`] (patterns without `*` are
    /// read as `* …` and reported as a warning).
    pub elems: Vec<PElem>,
    /// The verb of its block that the line's comment names (`# HEAD`), as
    /// [`VerbForm::lemma`]: the verb the pattern was written for. A coder may keep the
    /// pattern to that verb where the verb has a sense its block-mates lack.
    pub noted_verb: Option<String>,
    /// The code the pattern assigns (the null code `[---]` makes a pattern that matches
    /// but codes nothing, which blocks the verb's default).
    pub code: CodePair,
    /// The line as written (comment stripped), for provenance. A line that names a set
    /// inside `{...}` or `A/B` alternatives is compiled into several patterns that share
    /// this text and origin.
    pub text: String,
    /// Where the line is.
    pub origin: Origin,
}

impl Pattern {
    /// Position of the verb element in [`Pattern::elems`].
    pub fn verb_index(&self) -> usize {
        self.elems
            .iter()
            .position(|e| e.elem == Elem::Verb)
            .unwrap_or(0)
    }
}

/// A synonym set (`&CURRENCY`): each member is a phrase; plurals are included as members.
#[derive(Clone, Debug)]
pub struct Synset {
    /// Name without `&` and without a final `_` (`CURRENCY`, `AUXVERB1`).
    pub name: String,
    /// Member phrases, each a sequence of words (nested sets flattened).
    pub members: Vec<Vec<WordId>>,
}

/// A verb dictionary, merged over all verb files of a set.
#[derive(Clone, Debug, Default)]
pub struct VerbDict {
    /// Blocks in load order.
    pub blocks: Vec<VerbBlock>,
    /// Every surface form.
    pub forms: Vec<VerbForm>,
    /// Inflected word → indices into `forms`.
    pub by_word: FxHashMap<WordId, Vec<u32>>,
    /// Synonym sets, indexed by [`Elem::Synset`].
    pub synsets: Vec<Synset>,
}

// ---------------------------------------------------------------------------------------
// Discards

/// A discard phrase: when its words occur contiguously in a sentence, the sentence (or the
/// whole story, when `story`) is not coded.
#[derive(Clone, Debug)]
pub struct Discard {
    /// The phrase as written.
    pub phrase: String,
    /// True for `+PHRASE` lines: discard the whole story.
    pub story: bool,
    /// Where the line is.
    pub origin: Origin,
}

/// Discard phrases, with a trie for matching.
#[derive(Clone, Debug, Default)]
pub struct Discards {
    /// Entries in load order.
    pub entries: Vec<Discard>,
    /// Phrase → entry indices.
    pub trie: PhraseTrie<u32>,
}

// ---------------------------------------------------------------------------------------
// The whole set

/// A named dictionary text (a file's name and contents).
#[derive(Clone, Debug)]
pub struct DictFile {
    /// The name used in diagnostics and provenance (a file name or path as given).
    pub name: String,
    /// The file's contents.
    pub text: String,
}

/// Options for loading.
#[derive(Clone, Copy, Debug, Default)]
pub struct LoadOptions {
    /// When true, the first malformed line is an error instead of a warning.
    pub strict: bool,
}

/// Everything the coder needs, compiled.
#[derive(Clone, Debug, Default)]
pub struct DictSet {
    /// Shared word interner.
    pub lexicon: Lexicon,
    /// Actors.
    pub actors: ActorDict,
    /// Agents.
    pub agents: AgentDict,
    /// Verbs and patterns.
    pub verbs: VerbDict,
    /// Discards.
    pub discards: Discards,
    /// Lines that were skipped or corrected while loading, with the reason.
    pub warnings: Vec<Diagnostic>,
}
