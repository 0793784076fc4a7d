//! Verb-pattern matching over the token sequence, in the manner of TABARI and PETRARCH:
//! the elements before `*` must occur, in order, before the verb; those after it, after
//! the verb. Elements joined by `_` in the dictionary must be adjacent; elements separated
//! by a space may have other words between them.

use crate::mentions::Mention;
use crate::verbs::VerbHit;
use crate::view::View;
use vigil_dict::{DictSet, Elem, PElem, Pattern, PhraseTrie, VerbLayout, WordId};
use vigil_model::Pos;

/// What a pattern needs before it is worth trying: the position of its verb and the
/// literal words that must occur in the sentence.
#[derive(Clone, Debug)]
pub struct PatternInfo {
    verb: usize,
    required: Box<[WordId]>,
    /// Synonym sets the pattern needs (sorted): one of each set's members must be present.
    sets: Box<[u32]>,
    layout: VerbLayout,
}

/// What a sentence contains, for ruling patterns out before trying them.
#[derive(Debug, Default)]
pub struct Present {
    /// Its distinct word ids, sorted.
    words: Vec<WordId>,
    /// The synonym sets whose members could start at one of its words, sorted.
    sets: Vec<u32>,
}

/// [`PatternInfo`] for every pattern of every verb block, built once per dictionary set.
#[derive(Clone, Debug, Default)]
pub struct PatternIndex {
    blocks: Vec<Vec<PatternInfo>>,
    /// Per block: a required word of each pattern → the patterns keyed on it, so that a
    /// sentence only looks at patterns whose key word it contains.
    keyed: Vec<rustc_hash::FxHashMap<WordId, Vec<u32>>>,
    /// Per block: patterns with no literal word (only markers and synonym sets).
    unkeyed: Vec<Vec<u32>>,
    /// Per synonym set: its member phrases as a trie, so a set is matched in one walk
    /// instead of one comparison per member.
    synsets: Vec<PhraseTrie<u32>>,
    /// First word of a member of a synonym set → the sets it may start.
    set_starts: rustc_hash::FxHashMap<WordId, Vec<u32>>,
}

fn required_words(elems: &[PElem], out: &mut Vec<WordId>, sets: &mut Vec<u32>) {
    for e in elems {
        match &e.elem {
            Elem::Word(w) => out.push(*w),
            Elem::NounPhrase(ws) => out.extend(ws.iter().copied()),
            Elem::Prep { prep, object } => {
                out.push(*prep);
                required_words(object, out, sets);
            }
            Elem::Synset(id) => sets.push(*id),
            _ => {}
        }
    }
}

impl PatternIndex {
    /// Indexes the patterns of `dicts`.
    pub fn new(dicts: &DictSet) -> PatternIndex {
        let blocks: Vec<Vec<PatternInfo>> = dicts
            .verbs
            .blocks
            .iter()
            .map(|b| {
                b.patterns
                    .iter()
                    .map(|p| {
                        let (mut required, mut sets) = (Vec::new(), Vec::new());
                        required_words(&p.elems, &mut required, &mut sets);
                        required.sort_unstable();
                        required.dedup();
                        sets.sort_unstable();
                        sets.dedup();
                        PatternInfo {
                            verb: p.verb_index(),
                            required: required.into(),
                            sets: sets.into(),
                            layout: b.layout,
                        }
                    })
                    .collect()
            })
            .collect();
        let mut keyed = Vec::with_capacity(blocks.len());
        let mut unkeyed = Vec::with_capacity(blocks.len());
        for infos in &blocks {
            let mut k: rustc_hash::FxHashMap<WordId, Vec<u32>> = rustc_hash::FxHashMap::default();
            let mut u = Vec::new();
            for (i, info) in infos.iter().enumerate() {
                match info.required.first() {
                    Some(&w) => k.entry(w).or_default().push(i as u32),
                    None => u.push(i as u32),
                }
            }
            keyed.push(k);
            unkeyed.push(u);
        }
        let mut set_starts: rustc_hash::FxHashMap<WordId, Vec<u32>> =
            rustc_hash::FxHashMap::default();
        for (id, set) in dicts.verbs.synsets.iter().enumerate() {
            for m in &set.members {
                if let Some(&w) = m.first() {
                    let ids = set_starts.entry(w).or_default();
                    if ids.last() != Some(&(id as u32)) {
                        ids.push(id as u32);
                    }
                }
            }
        }
        let synsets = dicts
            .verbs
            .synsets
            .iter()
            .map(|set| {
                let mut t = PhraseTrie::default();
                for (i, m) in set.members.iter().enumerate() {
                    t.insert(m, i as u32);
                }
                t
            })
            .collect();
        PatternIndex {
            blocks,
            keyed,
            unkeyed,
            synsets,
            set_starts,
        }
    }

    /// What the sentence of `view` contains, for [`PatternIndex::candidates`].
    pub fn present(&self, view: &View) -> Present {
        let mut words: Vec<WordId> = view.ids.iter().flatten().copied().collect();
        words.sort_unstable();
        words.dedup();
        let mut sets: Vec<u32> = words
            .iter()
            .filter_map(|w| self.set_starts.get(w))
            .flatten()
            .copied()
            .collect();
        sets.sort_unstable();
        sets.dedup();
        Present { words, sets }
    }

    /// The patterns of `block` worth trying on a sentence containing `present`, in file
    /// order.
    pub fn candidates(&self, block: usize, present: &Present) -> Vec<usize> {
        let infos = &self.blocks[block];
        let mut out: Vec<usize> = self.unkeyed[block]
            .iter()
            .map(|&i| i as usize)
            .filter(|&i| infos[i].possible(present))
            .collect();
        let keyed = &self.keyed[block];
        if !keyed.is_empty() {
            for w in &present.words {
                if let Some(ps) = keyed.get(w) {
                    out.extend(
                        ps.iter()
                            .map(|&i| i as usize)
                            .filter(|&i| infos[i].possible(present)),
                    );
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// The index entry of pattern `pattern` of block `block`.
    pub fn info(&self, block: usize, pattern: usize) -> &PatternInfo {
        &self.blocks[block][pattern]
    }
}

impl PatternInfo {
    /// True when every literal word of the pattern occurs in the sentence, and a member of
    /// every synonym set it needs may.
    pub fn possible(&self, present: &Present) -> bool {
        self.required
            .iter()
            .all(|w| present.words.binary_search(w).is_ok())
            && self
                .sets
                .iter()
                .all(|s| present.sets.binary_search(s).is_ok())
    }
}

/// A successful pattern match.
#[derive(Clone, Debug, Default)]
pub struct Match {
    /// Mention bound by `$`.
    pub source: Option<usize>,
    /// Mention bound by `+`.
    pub target: Option<usize>,
    /// Tokens the pattern's words covered (used to keep verbs it consumed from being coded
    /// again).
    pub covered: Vec<(usize, usize)>,
    /// How specific the match is: the number of pattern words and markers matched.
    pub weight: usize,
}

struct Ctx<'a> {
    view: &'a View<'a>,
    index: &'a PatternIndex,
    mentions: &'a [Mention],
    /// Element matches tried so far. Spaced elements may match at many positions, and
    /// backtracking over them is exponential in the worst case; a pattern that needs more
    /// than [`STEP_BUDGET`] tries is treated as not matching.
    steps: std::cell::Cell<u32>,
    /// PETRARCH2 layout: words after the verb name its object's head or its prepositional
    /// phrases, so a gap may only span noun-phrase words (and, before a prepositional
    /// phrase, other prepositional phrases). TABARI patterns are plain sequences: any gap.
    phrase_gaps: bool,
}

/// See [`Ctx::steps`].
const STEP_BUDGET: u32 = 20_000;

/// Tries `pattern` for the verb `hit`; returns the bindings when every element matches.
pub fn try_match(
    view: &View,
    index: &PatternIndex,
    mentions: &[Mention],
    hit: &VerbHit,
    pattern: &Pattern,
    info: &PatternInfo,
    limit: usize,
) -> Option<Match> {
    let ctx = Ctx {
        view,
        index,
        mentions,
        steps: std::cell::Cell::new(0),
        phrase_gaps: info.layout == VerbLayout::Petrarch2,
    };
    let v = info.verb;
    let before = &pattern.elems[..v];
    let after = &pattern.elems[v + 1..];
    let mut m = Match::default();
    // After the verb: the first element is adjacent when the verb was glued to it.
    let verb_glued = pattern.elems[v].glued;
    if !match_forward(&ctx, after, 0, hit.end, verb_glued, limit, &mut m) {
        return None;
    }
    // Before the verb, right to left: the last element must touch the verb when glued.
    let bound = hit.start;
    if !match_backward(&ctx, before, before.len(), bound, &mut m) {
        return None;
    }
    m.weight = weight(&pattern.elems) - 1;
    Some(m)
}

/// How specific a pattern is: its elements, each word of a noun phrase counting, so that
/// "cut {DIPLOMATIC TIES}" outranks "cut TIES" on "cut diplomatic ties". A prepositional
/// phrase counts once whatever its object: the dictionaries write "(FOR TALKS)" and
/// "(FOR)" as two readings of one construction, not as general and specific.
fn weight(elems: &[PElem]) -> usize {
    elems
        .iter()
        .map(|e| match &e.elem {
            Elem::NounPhrase(words) => words.len().max(1),
            _ => 1,
        })
        .sum()
}

fn match_forward(
    ctx: &Ctx,
    elems: &[PElem],
    k: usize,
    cursor: usize,
    adjacent: bool,
    limit: usize,
    m: &mut Match,
) -> bool {
    if k == elems.len() {
        return true;
    }
    let last = if adjacent { cursor + 1 } else { limit };
    for pos in cursor..last.min(limit) {
        let saved = (m.source, m.target, m.covered.len());
        // "struck a tanker *off the coast*": a particle after an object and before a
        // noun phrase of its own is a preposition, not the phrasal verb's particle
        // ("kick the talks off").
        let preposition = pos > cursor
            && k + 1 == elems.len()
            && matches!(elems[k].elem, Elem::Word(_))
            && matches!(
                ctx.view.up(pos),
                "OFF" | "UP" | "DOWN" | "OUT" | "AWAY" | "BACK"
            )
            && pos + 1 < ctx.view.len()
            && matches!(ctx.view.pos(pos + 1), Pos::Det | Pos::Propn | Pos::Num);
        if !preposition
            && let Some(end) = match_at(ctx, &elems[k].elem, pos, limit, m)
            && match_forward(ctx, elems, k + 1, end, elems[k].glued, limit, m)
        {
            return true;
        }
        (m.source, m.target) = (saved.0, saved.1);
        m.covered.truncate(saved.2);
        if ctx.phrase_gaps && !skippable(ctx.view, pos, &elems[k].elem) {
            break;
        }
    }
    false
}

/// In the PETRARCH2 layout, whether token `pos` may lie between the previous element and
/// `next`: words of a noun phrase ("sent *three armoured* brigades"), and before a
/// prepositional phrase also other prepositional phrases ("sent troops *on Monday* to").
fn skippable(view: &View, pos: usize, next: &Elem) -> bool {
    let up = view.up(pos);
    let np = matches!(
        view.pos(pos),
        Pos::Det | Pos::Adj | Pos::Noun | Pos::Propn | Pos::Num | Pos::Adv | Pos::CConj | Pos::Pron
    ) || matches!(up, "'S" | "'" | "OF" | "," | "-" | "THAT")
        // "about 70,000 troops": a quantity's modifier.
        || (pos + 1 < view.len() && view.pos(pos + 1) == Pos::Num)
        // "binding guarantees", "armoured brigades": a participle modifying a noun.
        || (view.pos(pos).is_verb()
            && (up.ends_with("ING") || up.ends_with("ED"))
            && pos + 1 < view.len()
            && matches!(view.pos(pos + 1), Pos::Noun | Pos::Adj | Pos::Propn));
    np || (matches!(next, Elem::Prep { .. }) && view.pos(pos) == Pos::Adp)
}

/// Matches `elems[..k]` right to left, the element `k - 1` ending at or before `bound`
/// (exactly at `bound` when it is glued to what follows).
fn match_backward(ctx: &Ctx, elems: &[PElem], k: usize, bound: usize, m: &mut Match) -> bool {
    if k == 0 {
        return true;
    }
    let glued = elems[k - 1].glued;
    for start in (0..bound).rev() {
        let saved = (m.source, m.target, m.covered.len());
        if let Some(end) = match_at(ctx, &elems[k - 1].elem, start, bound, m) {
            let fits = if glued { end == bound } else { end <= bound };
            if fits && match_backward(ctx, elems, k - 1, start, m) {
                return true;
            }
        }
        (m.source, m.target) = (saved.0, saved.1);
        m.covered.truncate(saved.2);
        if glued && start + 3 < bound {
            // A glued element is short; no need to look far.
            break;
        }
    }
    false
}

fn mention_at(ctx: &Ctx, pos: usize) -> Option<usize> {
    ctx.mentions.iter().position(|mm| {
        mm.start == pos || (mm.start == pos + 1 && crate::grammar::is_np_opener(ctx.view.up(pos)))
    })
}

/// Matches one element starting at token `pos`; returns one past its last token.
fn match_at(ctx: &Ctx, elem: &Elem, pos: usize, limit: usize, m: &mut Match) -> Option<usize> {
    let view = ctx.view;
    ctx.steps.set(ctx.steps.get() + 1);
    if ctx.steps.get() > STEP_BUDGET {
        return None;
    }
    if pos >= limit {
        return None;
    }
    match elem {
        Elem::Word(w) => {
            if view.ids[pos] == Some(*w) {
                m.covered.push((pos, pos + 1));
                Some(pos + 1)
            } else {
                None
            }
        }
        Elem::NounPhrase(words) => {
            let mut p = pos;
            for (i, &w) in words.iter().enumerate() {
                if i == 0 {
                    if view.ids[p] != Some(w) {
                        return None;
                    }
                } else {
                    // Modifiers may be separated by other noun-phrase words.
                    let mut q = p;
                    while q < limit && view.ids[q] != Some(w) && np_word(view, q) && q < p + 3 {
                        q += 1;
                    }
                    if q >= limit || view.ids[q] != Some(w) {
                        return None;
                    }
                    p = q;
                }
                p += 1;
            }
            m.covered.push((pos, p));
            Some(p)
        }
        Elem::Prep { prep, object } => {
            if view.ids[pos] != Some(*prep) {
                return None;
            }
            m.covered.push((pos, pos + 1));
            if object.is_empty() {
                return Some(pos + 1);
            }
            // The object lies within the phrase: up to the next preposition, verb or
            // punctuation.
            let mut end = pos + 1;
            while end < limit
                && !(view.pos(end) == Pos::Adp
                    || view.pos(end).is_verb()
                    || view.tokens[end].is_punct())
            {
                end += 1;
            }
            let mut sub = Match::default();
            if match_forward(ctx, object, 0, pos + 1, false, end, &mut sub) {
                m.source = m.source.or(sub.source);
                m.target = m.target.or(sub.target);
                m.covered.extend(sub.covered);
                // The phrase ends with its object's last matched word.
                let last = m.covered.iter().map(|c| c.1).max().unwrap_or(pos + 1);
                Some(last.max(pos + 1))
            } else {
                None
            }
        }
        Elem::Synset(id) => {
            let (len, _) = ctx.index.synsets[*id as usize].longest(&view.ids[pos..limit])?;
            m.covered.push((pos, pos + len));
            Some(pos + len)
        }
        Elem::Source | Elem::Target | Elem::Compound => {
            let i = mention_at(ctx, pos)?;
            let mm = &ctx.mentions[i];
            if *elem == Elem::Compound && mm.members.len() < 2 {
                return None;
            }
            match elem {
                Elem::Source => m.source = Some(i),
                Elem::Target => m.target = Some(i),
                _ => {}
            }
            Some(mm.end)
        }
        Elem::Skip => {
            let mut p = pos;
            while p < limit && np_word(view, p) {
                p += 1;
            }
            (p > pos).then_some(p)
        }
        Elem::Verb => None,
    }
}

fn np_word(view: &View, i: usize) -> bool {
    matches!(
        view.pos(i),
        Pos::Det | Pos::Adj | Pos::Noun | Pos::Propn | Pos::Num
    ) || view.up(i) == "'S"
}
