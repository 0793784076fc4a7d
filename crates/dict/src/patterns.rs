//! Compilation of verb patterns (`- $ * (AS &NEGOTIATOR) (IN TALK) (WITH +) [045]`) into
//! [`PElem`] sequences, and of synonym sets into word lists.
//!
//! Steps for one pattern line:
//! 1. Tokenize: brackets, atoms, `_` joints; `&NAME` resolved to a set (the longest
//!    defined name wins, so `&FIGHT_GAMES` reads as `&FIGHT` joined to `GAMES` when only
//!    `&FIGHT` exists, the TABARI way of gluing a word to a set).
//! 2. Expand `A/B` alternatives (`(BY/WITH &WEAPON)`) into one pattern per word.
//! 3. Expand the sets the element model cannot hold by reference: a set inside `{...}`
//!    (a noun phrase is a word list) and a set whose members are themselves structured
//!    (`+(TO THE END)`). This is what PETRARCH2 does for every set; other sets stay
//!    [`Elem::Synset`] references.
//!    Before this step words are turned into ids, so copies are cheap.
//! 4. Parse into elements and check there is exactly one `*`.

use crate::error::DictError;
use crate::inflect::plural_phrase;
use crate::source::Sink;
use crate::stats::FileStats;
use crate::types::{BlockId, CodePair, Elem, Origin, PElem, Pattern, Synset, VerbDict, WordId};
use crate::vocab::Vocab;
use rustc_hash::{FxHashMap, FxHashSet};

/// At most this many patterns are made from one line by expansion.
const MAX_EXPANSION: usize = 20_000;

/// A synonym set as read: members are raw text until every file is read.
pub(crate) struct RawSynset {
    /// Normalised name (see [`synset_key`]).
    pub name: String,
    /// The name was written with a final `_`: no plurals for its members.
    pub no_plural: bool,
    /// Member texts after `+`, with their lines.
    pub members: Vec<(String, Origin)>,
    /// Where the set is first defined.
    pub origin: Origin,
}

/// A pattern line as read.
pub(crate) struct RawPattern {
    pub block: BlockId,
    /// The text between `-` and the code.
    pub body: String,
    pub code: CodePair,
    /// The line without its comment.
    pub text: String,
    /// The verb the line's comment names, if any (see [`Pattern::noted_verb`]).
    pub noted_verb: Option<String>,
    pub origin: Origin,
}

/// The key a set is known by: upper case, without `&` and without final `_`s, so that
/// `&PREPOSIT1_` (definition) and `&PREPOSIT1` (use) are the same set.
pub(crate) fn synset_key(written: &str) -> String {
    written
        .trim_start_matches('&')
        .trim_end_matches('_')
        .to_uppercase()
}

/// A token of a pattern. The `bool`s say "joined to the next token by `_`".
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Tok {
    Open(char),
    Close(char, bool),
    /// Text not yet turned into words (only before [`atoms_to_words`]).
    Atom(String, bool),
    Word(WordId, bool),
    Syn(u32, bool),
    /// One of the markers `* $ + ^ %`.
    Mark(char, bool),
}

impl Tok {
    fn glue_mut(&mut self) -> Option<&mut bool> {
        match self {
            Tok::Open(_) => None,
            Tok::Close(_, g)
            | Tok::Atom(_, g)
            | Tok::Word(_, g)
            | Tok::Syn(_, g)
            | Tok::Mark(_, g) => Some(g),
        }
    }
}

/// One member of a resolved set.
#[derive(Clone, Debug, PartialEq)]
enum Member {
    /// A phrase; `true` when it is a plural made by the reader.
    Words(Vec<WordId>, bool),
    /// A member with brackets (`(TO THE END)`), expanded into patterns where used.
    Tokens(Vec<Tok>),
}

/// The resolved sets.
struct SynsetTable {
    index: FxHashMap<String, u32>,
    members: Vec<Vec<Member>>,
    structured: Vec<bool>,
}

/// Splits pattern text into tokens. Problems that still allow a reading go to `notes`.
fn tokenize(
    text: &str,
    index: &FxHashMap<String, u32>,
    notes: &mut Vec<String>,
) -> Result<Vec<Tok>, String> {
    let mut out: Vec<Tok> = Vec::new();
    for chunk in text.split_whitespace() {
        let start = out.len();
        let mut cur = String::new();
        let mut glue_next = false;
        for c in chunk.chars() {
            // A set name runs to the next bracket: it may itself contain `_`.
            if cur.starts_with('&') && !matches!(c, '(' | ')' | '{' | '}') {
                cur.push(c);
                continue;
            }
            match c {
                '(' | '{' | ')' | '}' => {
                    flush(&mut cur, &mut out, start, &mut glue_next, index, notes)?;
                    let tok = if matches!(c, '(' | '{') {
                        Tok::Open(c)
                    } else {
                        Tok::Close(c, false)
                    };
                    push(&mut out, start, &mut glue_next, tok);
                }
                '_' => {
                    flush(&mut cur, &mut out, start, &mut glue_next, index, notes)?;
                    glue_next = true;
                }
                _ => cur.push(c),
            }
        }
        flush(&mut cur, &mut out, start, &mut glue_next, index, notes)?;
    }
    Ok(out)
}

/// Pushes a token, joining it to the previous one when a `_` came between them within the
/// same chunk (a final `_` before a space is the TABARI whole-word mark, not a joint).
fn push(out: &mut Vec<Tok>, chunk_start: usize, glue_next: &mut bool, tok: Tok) {
    if *glue_next
        && out.len() > chunk_start
        && let Some(g) = out.last_mut().and_then(Tok::glue_mut)
    {
        *g = true;
    }
    *glue_next = false;
    out.push(tok);
}

/// Turns the characters collected so far into tokens.
fn flush(
    cur: &mut String,
    out: &mut Vec<Tok>,
    chunk_start: usize,
    glue_next: &mut bool,
    index: &FxHashMap<String, u32>,
    notes: &mut Vec<String>,
) -> Result<(), String> {
    if cur.is_empty() {
        return Ok(());
    }
    let atom = std::mem::take(cur);
    if let Some(name) = atom.strip_prefix('&') {
        let pieces: Vec<&str> = name.split('_').collect();
        let found = (1..=pieces.len()).rev().find_map(|k| {
            let key = synset_key(&pieces[..k].join("_"));
            index.get(&key).map(|&id| (id, k))
        });
        let Some((id, k)) = found.filter(|(_, k)| !pieces[..*k].join("").is_empty()) else {
            return Err(format!("synonym set {atom} is not defined"));
        };
        push(out, chunk_start, glue_next, Tok::Syn(id, false));
        for piece in pieces[k..].iter().filter(|p| !p.is_empty()) {
            *glue_next = true;
            push(
                out,
                chunk_start,
                glue_next,
                Tok::Atom(piece.to_string(), false),
            );
        }
        // `&NAME_` followed by more text in the chunk joins as usual.
        *glue_next = pieces.last().is_some_and(|p| p.is_empty()) && pieces.len() > k;
        return Ok(());
    }
    if atom.len() > 1 && atom.starts_with('*') {
        notes.push(format!(
            "'*' written against \"{}\"; read as '* {}'",
            &atom[1..],
            &atom[1..]
        ));
        push(out, chunk_start, glue_next, Tok::Atom("*".into(), false));
        push(
            out,
            chunk_start,
            &mut false,
            Tok::Atom(atom[1..].to_string(), false),
        );
        return Ok(());
    }
    push(out, chunk_start, glue_next, Tok::Atom(atom, false));
    Ok(())
}

/// True for `BY/WITH`, `ATTACK/BOMBING/RAID/STRIKE`: words of two or more letters
/// separated by `/` (so `F/A-18` stays a word).
fn is_alternatives(s: &str) -> bool {
    s.contains('/')
        && s.split('/')
            .all(|p| p.len() >= 2 && p.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// Expands `A/B` atoms into one token list per alternative.
fn expand_alternatives(toks: Vec<Tok>) -> Vec<Vec<Tok>> {
    let mut done = Vec::new();
    let mut todo = vec![toks];
    while let Some(t) = todo.pop() {
        let pos = t
            .iter()
            .position(|x| matches!(x, Tok::Atom(s, _) if is_alternatives(s)));
        let Some(pos) = pos else {
            done.push(t);
            continue;
        };
        let Tok::Atom(s, g) = t[pos].clone() else {
            unreachable!("matched above")
        };
        for alt in s.split('/').rev() {
            let mut copy = t.clone();
            copy[pos] = Tok::Atom(alt.to_string(), g);
            todo.push(copy);
        }
    }
    done
}

/// Turns atoms into markers and word ids (an atom may be several words: `DID` `N'T`).
fn atoms_to_words(toks: Vec<Tok>, vocab: &mut Vocab) -> Vec<Tok> {
    let mut out = Vec::with_capacity(toks.len());
    let mut ids = Vec::new();
    for t in toks {
        let Tok::Atom(s, glued) = t else {
            out.push(t);
            continue;
        };
        if let Some(c) = marker_char(&s) {
            out.push(Tok::Mark(c, glued));
            continue;
        }
        ids.clear();
        vocab.phrase_into(&s, &mut ids);
        let n = ids.len();
        out.extend(
            ids.iter()
                .enumerate()
                .map(|(i, &w)| Tok::Word(w, i + 1 < n || glued)),
        );
    }
    out
}

/// The marker character of an atom that is one of `* $ + ^ %`.
fn marker_char(s: &str) -> Option<char> {
    match s {
        "*" | "$" | "+" | "^" | "%" => s.chars().next(),
        _ => None,
    }
}

/// Expands set references inside `{...}` and references to structured sets.
///
/// A set in a modifier position of `{...}` (not the last word: `{&CAR &WEAPON}`) is
/// expanded without the plurals the reader made: modifiers of an English noun are
/// singular ("car bomb", not "cars bomb"), and the cross product of two sets with their
/// plurals is what makes a handful of lines into thousands of patterns.
fn expand_synsets(toks: Vec<Tok>, table: &SynsetTable) -> Result<Vec<Vec<Tok>>, String> {
    let mut done = Vec::new();
    let mut todo = vec![toks];
    while let Some(t) = todo.pop() {
        let mut depth = 0i32;
        let mut found = None;
        for (i, tok) in t.iter().enumerate() {
            match tok {
                Tok::Open('{') => depth += 1,
                Tok::Close('}', _) => depth -= 1,
                Tok::Syn(id, g) if depth > 0 || table.structured[*id as usize] => {
                    let modifier = depth > 0 && !matches!(t.get(i + 1), Some(Tok::Close('}', _)));
                    found = Some((i, *id, *g, modifier));
                    break;
                }
                _ => {}
            }
        }
        let Some((pos, id, glue, modifier)) = found else {
            done.push(t);
            continue;
        };
        for m in table.members[id as usize].iter().rev() {
            let mut repl = match m {
                Member::Words(_, true) if modifier => continue,
                Member::Words(ws, _) => ws.iter().map(|&w| Tok::Word(w, true)).collect::<Vec<_>>(),
                Member::Tokens(ts) => ts.clone(),
            };
            if let Some(g) = repl.last_mut().and_then(Tok::glue_mut) {
                *g = glue;
            }
            let mut copy = Vec::with_capacity(t.len() + repl.len());
            copy.extend_from_slice(&t[..pos]);
            copy.extend(repl);
            copy.extend_from_slice(&t[pos + 1..]);
            todo.push(copy);
        }
        if todo.len() + done.len() > MAX_EXPANSION {
            return Err(format!(
                "pattern expands into more than {MAX_EXPANSION} patterns"
            ));
        }
    }
    Ok(done)
}

/// The element of a marker character.
fn marker(c: char) -> Elem {
    match c {
        '*' => Elem::Verb,
        '$' => Elem::Source,
        '+' => Elem::Target,
        '^' => Elem::Skip,
        _ => Elem::Compound,
    }
}

/// Parses tokens up to the closing bracket `close` (or the end); returns the elements and
/// whether the closing bracket is joined to what follows.
fn parse_seq(
    toks: &[Tok],
    pos: &mut usize,
    close: Option<char>,
) -> Result<(Vec<PElem>, bool), String> {
    let mut out = Vec::new();
    while *pos < toks.len() {
        let tok = &toks[*pos];
        *pos += 1;
        match tok {
            Tok::Atom(..) => return Err("internal: unconverted atom".into()),
            Tok::Mark(c, g) => out.push(PElem {
                elem: marker(*c),
                glued: *g,
            }),
            Tok::Word(w, g) => out.push(PElem {
                elem: Elem::Word(*w),
                glued: *g,
            }),
            Tok::Syn(id, g) => out.push(PElem {
                elem: Elem::Synset(*id),
                glued: *g,
            }),
            Tok::Open('{') => {
                let (words, glued) = parse_noun_phrase(toks, pos)?;
                out.push(PElem {
                    elem: Elem::NounPhrase(words),
                    glued,
                });
            }
            Tok::Open(_) => {
                let prep = match toks.get(*pos) {
                    Some(Tok::Word(w, _)) => *w,
                    Some(Tok::Close(')', _)) => return Err("empty '()'".into()),
                    _ => return Err("'(' must be followed by a preposition".into()),
                };
                *pos += 1;
                let (object, glued) = parse_seq(toks, pos, Some(')'))?;
                if contains_verb(&object) {
                    return Err("'*' inside '(...)'".into());
                }
                out.push(PElem {
                    elem: Elem::Prep { prep, object },
                    glued,
                });
            }
            Tok::Close(c, g) => {
                if close == Some(*c) {
                    return Ok((out, *g));
                }
                return Err(format!("unbalanced '{c}'"));
            }
        }
    }
    match close {
        Some(c) => Err(format!("missing '{c}'")),
        None => Ok((out, false)),
    }
}

/// Parses the inside of `{...}` (after the `{`).
fn parse_noun_phrase(toks: &[Tok], pos: &mut usize) -> Result<(Vec<WordId>, bool), String> {
    let mut words = Vec::new();
    while *pos < toks.len() {
        let tok = &toks[*pos];
        *pos += 1;
        match tok {
            Tok::Atom(..) => return Err("internal: unconverted atom".into()),
            Tok::Mark(c, _) => return Err(format!("'{c}' inside '{{...}}'")),
            Tok::Word(w, _) => words.push(*w),
            Tok::Close('}', g) => {
                if words.is_empty() {
                    return Err("empty '{}'".into());
                }
                return Ok((words, *g));
            }
            Tok::Close(c, _) => return Err(format!("unbalanced '{c}' inside '{{...}}'")),
            Tok::Open(_) => return Err("brackets inside '{...}'".into()),
            Tok::Syn(..) => return Err("synonym set inside '{...}' was not expanded".into()),
        }
    }
    Err("missing '}'".into())
}

/// True when `elems` holds a verb marker at any depth.
fn contains_verb(elems: &[PElem]) -> bool {
    elems.iter().any(|e| match &e.elem {
        Elem::Verb => true,
        Elem::Prep { object, .. } => contains_verb(object),
        _ => false,
    })
}

/// Parses one expanded token list into the elements of a pattern.
fn parse_pattern(toks: &[Tok], notes: &mut Vec<String>) -> Result<Vec<PElem>, String> {
    let mut pos = 0;
    let (mut elems, _) = parse_seq(toks, &mut pos, None)?;
    match elems.iter().filter(|e| e.elem == Elem::Verb).count() {
        0 => {
            notes.push("pattern has no '*'; read as '* …'".into());
            elems.insert(
                0,
                PElem {
                    elem: Elem::Verb,
                    glued: false,
                },
            );
        }
        1 => {}
        n => return Err(format!("{n} '*' markers (one expected)")),
    }
    Ok(elems)
}

/// Resolves the sets' members: nested sets flattened, plurals added.
fn resolve_synsets(
    raw: &[RawSynset],
    vocab: &mut Vocab,
    sink: &mut Sink,
) -> Result<SynsetTable, DictError> {
    let index: FxHashMap<String, u32> = raw
        .iter()
        .enumerate()
        .map(|(i, s)| (s.name.clone(), i as u32))
        .collect();
    let mut table = SynsetTable {
        index,
        members: vec![Vec::new(); raw.len()],
        structured: vec![false; raw.len()],
    };
    // 0 = not started, 1 = in progress (a cycle when met again), 2 = done.
    let mut state = vec![0u8; raw.len()];
    for i in 0..raw.len() {
        resolve_one(i, raw, &mut table, &mut state, vocab, sink)?;
    }
    Ok(table)
}

/// Resolves set `i` (and the sets it contains) into `table`.
fn resolve_one(
    i: usize,
    raw: &[RawSynset],
    table: &mut SynsetTable,
    state: &mut [u8],
    vocab: &mut Vocab,
    sink: &mut Sink,
) -> Result<(), DictError> {
    if state[i] != 0 {
        return Ok(());
    }
    state[i] = 1;
    let set = &raw[i];
    if set.members.is_empty() {
        sink.report(
            &set.origin,
            format!("synonym set &{} has no members", set.name),
        )?;
    }
    let mut members: Vec<Member> = Vec::new();
    for (text, origin) in &set.members {
        if text.starts_with('&') {
            let key = synset_key(text.split_whitespace().next().unwrap_or(""));
            let Some(&j) = table.index.get(&key) else {
                sink.report(
                    origin,
                    format!(
                        "synonym set &{key} (member of &{}) is not defined",
                        set.name
                    ),
                )?;
                continue;
            };
            if state[j as usize] == 1 {
                sink.report(
                    origin,
                    format!("synonym set &{} contains itself through &{key}", set.name),
                )?;
                continue;
            }
            resolve_one(j as usize, raw, table, state, vocab, sink)?;
            members.extend(table.members[j as usize].iter().cloned());
        } else if text.contains(['(', ')', '{', '}']) {
            let mut notes = Vec::new();
            match tokenize(text, &table.index, &mut notes) {
                Ok(toks) => members.push(Member::Tokens(atoms_to_words(toks, vocab))),
                Err(m) => sink.report(origin, m)?,
            }
            for n in notes {
                sink.report(origin, n)?;
            }
        } else {
            let words = vocab.phrase_strings(text);
            if words.is_empty() {
                sink.report(origin, "synonym-set member has no words")?;
                continue;
            }
            members.push(Member::Words(
                words.iter().map(|w| vocab.intern(w)).collect(),
                false,
            ));
            if !set.no_plural
                && !text.ends_with('_')
                && let Some(p) = plural_phrase(&words)
            {
                members.push(Member::Words(
                    p.iter().map(|w| vocab.intern(w)).collect(),
                    true,
                ));
            }
        }
    }
    let mut seen = FxHashSet::default();
    members.retain(|m| match m {
        Member::Words(w, _) => seen.insert(w.clone()),
        Member::Tokens(_) => true,
    });
    table.structured[i] = members.iter().any(|m| matches!(m, Member::Tokens(_)));
    table.members[i] = members;
    state[i] = 2;
    Ok(())
}

/// The words of a structured member, for [`Synset::members`].
fn token_words(toks: &[Tok]) -> Vec<WordId> {
    toks.iter()
        .filter_map(|t| {
            if let Tok::Word(w, _) = t {
                Some(*w)
            } else {
                None
            }
        })
        .collect()
}

/// Resolves every set and compiles every pattern into `dict`.
pub(crate) fn compile(
    raw_sets: Vec<RawSynset>,
    raw_patterns: Vec<RawPattern>,
    vocab: &mut Vocab,
    dict: &mut VerbDict,
    sink: &mut Sink,
    stats: &mut [FileStats],
) -> Result<(), DictError> {
    let table = resolve_synsets(&raw_sets, vocab, sink)?;
    // Set ids index `dict.synsets`, which is filled here and only here.
    debug_assert!(dict.synsets.is_empty());
    for (set, members) in raw_sets.iter().zip(&table.members) {
        let members = members
            .iter()
            .map(|m| match m {
                Member::Words(w, _) => w.clone(),
                Member::Tokens(t) => token_words(t),
            })
            .collect();
        dict.synsets.push(Synset {
            name: set.name.clone(),
            members,
        });
    }
    let lemmas: FxHashSet<(BlockId, String)> = dict
        .forms
        .iter()
        .map(|f| (f.block, f.lemma.clone()))
        .collect();
    for raw in raw_patterns {
        let mut notes = Vec::new();
        let compiled = compile_one(&raw.body, &table, vocab, &mut notes);
        for n in notes {
            sink.report(&raw.origin, n)?;
        }
        let list = match compiled {
            Ok(list) => list,
            Err(m) => {
                sink.report(
                    &raw.origin,
                    format!("{m} in pattern \"{}\"; pattern skipped", raw.text),
                )?;
                continue;
            }
        };
        if let Some(s) = stats.iter_mut().find(|s| *s.name == *raw.origin.file) {
            s.add("patterns", list.len());
        }
        let noted_verb = noted_verb(&raw, &lemmas);
        let block = &mut dict.blocks[raw.block as usize];
        for elems in list {
            block.patterns.push(Pattern {
                elems,
                noted_verb: noted_verb.clone(),
                code: raw.code.clone(),
                text: raw.text.clone(),
                origin: raw.origin.clone(),
            });
        }
    }
    Ok(())
}

/// The verb of its block that a pattern's comment names, if any (a comment may also be a
/// date, initials or a note). `lemmas` holds every (block, lemma) of the dictionary.
fn noted_verb(raw: &RawPattern, lemmas: &FxHashSet<(BlockId, String)>) -> Option<String> {
    let verb = raw.noted_verb.as_ref()?;
    lemmas
        .contains(&(raw.block, verb.clone()))
        .then(|| verb.clone())
}

/// Compiles one pattern body into one or more element lists.
fn compile_one(
    body: &str,
    table: &SynsetTable,
    vocab: &mut Vocab,
    notes: &mut Vec<String>,
) -> Result<Vec<Vec<PElem>>, String> {
    let toks = tokenize(body, &table.index, notes)?;
    let mut out = Vec::new();
    for alt in expand_alternatives(toks) {
        for toks in expand_synsets(atoms_to_words(alt, vocab), table)? {
            let mut local = Vec::new();
            out.push(parse_pattern(&toks, &mut local)?);
            // A note about the line is the same for every expansion: keep one.
            for n in local {
                if !notes.contains(&n) {
                    notes.push(n);
                }
            }
            if out.len() > MAX_EXPANSION {
                return Err(format!(
                    "pattern expands into more than {MAX_EXPANSION} patterns"
                ));
            }
        }
    }
    Ok(out)
}
