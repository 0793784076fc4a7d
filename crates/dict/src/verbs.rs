//! Reader of verb dictionaries, in both layouts the field uses: PETRARCH2
//! (`CAMEO.2.0.txt`) and TABARI / PETRARCH-1 (`PETR.Validate.verbs.txt`).
//!
//! Both layouts are read by one line-by-line state machine:
//!
//! * `&NAME` opens a synonym set; the `+` lines after it are its members, until any other
//!   line. Sets may be defined anywhere, before or after their use, in any verb file.
//! * `--- NAME [CODE] ---` opens a verb block.
//! * `- … [CODE]` is a pattern of the current block.
//! * `~ …` is a transformation (counted, not used), as is everything after the
//!   `TRANSFORMATIONS` section marker.
//! * Any other line is a verb line: `VERB {FORMS} [CODE]`, `+PHRASAL_VERB …`.
//!
//! A file is in the PETRARCH2 layout when it has a `VERB PATTERNS` section marker. In the
//! TABARI layout a verb line that follows patterns without a `---` header between starts a
//! block of its own, as in files written before headers were used.
//!
//! Patterns are kept as text until every file is read, because they may name synonym sets
//! defined later; [`crate::patterns`] compiles them.

use crate::codes::parse_code_pair;
use crate::error::DictError;
use crate::inflect::verb_forms;
use crate::patterns::{self, RawPattern, RawSynset};
use crate::source::{FileName, Sink, Src, bracket_groups, lines, strip_comment};
use crate::stats::{DictKind, FileStats};
use crate::types::{BlockId, CodePair, Origin, VerbBlock, VerbDict, VerbForm, VerbLayout, WordId};
use crate::vocab::Vocab;
use rustc_hash::{FxHashMap, FxHashSet};

/// State kept across the verb files of a set.
#[derive(Default)]
pub(crate) struct VerbReader {
    synsets: Vec<RawSynset>,
    synset_index: FxHashMap<String, usize>,
    patterns: Vec<RawPattern>,
    /// (block, front, word, back) of every form indexed, so a verb listed twice in a
    /// block is indexed once.
    seen_forms: FxHashSet<(BlockId, Vec<WordId>, WordId, Vec<WordId>)>,
}

/// Which part of a PETRARCH2 file the reader is in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Other,
    Transformations,
}

/// The block verb lines go to.
struct OpenBlock {
    id: BlockId,
    /// Opened by a verb line rather than a `---` header (TABARI layout).
    implicit: bool,
    has_patterns: bool,
}

impl VerbReader {
    /// Reads one verb file: blocks and verb forms go straight into `dict`; synonym sets and
    /// patterns wait for [`VerbReader::finish`].
    pub fn read(
        &mut self,
        file: Src<'_>,
        vocab: &mut Vocab,
        dict: &mut VerbDict,
        sink: &mut Sink,
    ) -> Result<FileStats, DictError> {
        let name = FileName(file.name.into());
        let mut stats = FileStats::new(file.name, DictKind::Verbs);
        let all = lines(file.text);
        let layout = if all.iter().any(|(_, l)| is_marker(l, "VERB PATTERNS")) {
            VerbLayout::Petrarch2
        } else {
            VerbLayout::Tabari
        };
        let mut section = Section::Other;
        let mut synset: Option<usize> = None;
        let mut block: Option<OpenBlock> = None;
        for (no, line) in all {
            let t = line.trim();
            if t.starts_with('#') {
                if is_marker(t, "TRANSFORMATIONS") {
                    section = Section::Transformations;
                    synset = None;
                } else if is_marker(t, "SYNONYM SETS") || is_marker(t, "VERB PATTERNS") {
                    section = Section::Other;
                    synset = None;
                }
                continue;
            }
            let body = strip_comment(t).trim();
            if body.is_empty() {
                continue;
            }
            let origin = name.at(no);
            if section == Section::Transformations || body.starts_with('~') {
                stats.add("transformations", 1);
                continue;
            }
            if let Some(rest) = body.strip_prefix('&') {
                stats.add("synsets", 1);
                synset = self.open_synset(rest, &origin, sink)?;
                continue;
            }
            if let (Some(set), Some(member)) = (synset, body.strip_prefix('+')) {
                stats.add("synset_members", 1);
                let member = member.trim();
                if member.is_empty() {
                    sink.report(&origin, "synonym-set member line has no phrase")?;
                } else {
                    self.synsets[set].members.push((member.to_string(), origin));
                }
                continue;
            }
            synset = None;
            if body.starts_with("---") {
                stats.add("blocks", 1);
                let (name, code) = match parse_header(body) {
                    Ok(h) => h,
                    Err(m) => {
                        sink.report(&origin, m)?;
                        block = None;
                        continue;
                    }
                };
                let default = match code.map(|c| parse_code_pair(&c)).transpose() {
                    Ok(c) => c.unwrap_or_default(),
                    Err(m) => {
                        sink.report(&origin, m)?;
                        CodePair::default()
                    }
                };
                let id = dict.blocks.len() as BlockId;
                dict.blocks.push(VerbBlock {
                    name,
                    default,
                    patterns: Vec::new(),
                    origin,
                    layout,
                });
                block = Some(OpenBlock {
                    id,
                    implicit: false,
                    has_patterns: false,
                });
                continue;
            }
            let pattern = if let Some(rest) = body.strip_prefix('-') {
                Some(rest)
            } else if body.starts_with('*') {
                sink.report(
                    &origin,
                    "pattern line does not start with '-'; read as a pattern",
                )?;
                Some(body)
            } else {
                None
            };
            if let Some(rest) = pattern {
                stats.add("pattern_lines", 1);
                let Some(b) = block.as_mut() else {
                    sink.report(&origin, "pattern outside a verb block")?;
                    continue;
                };
                b.has_patterns = true;
                match split_pattern_line(rest) {
                    Ok((body_text, code)) => self.patterns.push(RawPattern {
                        block: b.id,
                        body: body_text.to_string(),
                        code,
                        text: body.to_string(),
                        noted_verb: noted_verb(t),
                        origin,
                    }),
                    Err(m) => sink.report(&origin, m)?,
                }
                continue;
            }
            stats.add("verb_lines", 1);
            self.read_verb_line(
                body, layout, &mut block, vocab, dict, &origin, sink, &mut stats,
            )?;
        }
        Ok(stats)
    }

    /// Handles an `&NAME` line; returns the set its `+` lines go to.
    fn open_synset(
        &mut self,
        rest: &str,
        origin: &Origin,
        sink: &mut Sink,
    ) -> Result<Option<usize>, DictError> {
        let mut toks = rest.split_whitespace();
        let Some(written) = toks.next() else {
            sink.report(origin, "'&' without a synonym-set name")?;
            return Ok(None);
        };
        if toks.next().is_some() {
            sink.report(
                origin,
                format!("unexpected text after synonym-set name &{written}"),
            )?;
        }
        let key = patterns::synset_key(written);
        if key.is_empty() {
            sink.report(origin, "'&' without a synonym-set name")?;
            return Ok(None);
        }
        // A set defined twice (the validation files repeat some) gets the members of both.
        let idx = *self.synset_index.entry(key.clone()).or_insert_with(|| {
            self.synsets.push(RawSynset {
                name: key,
                no_plural: written.ends_with('_'),
                members: Vec::new(),
                origin: origin.clone(),
            });
            self.synsets.len() - 1
        });
        Ok(Some(idx))
    }

    /// Reads a verb line into forms of the current block.
    #[allow(clippy::too_many_arguments)]
    fn read_verb_line(
        &mut self,
        body: &str,
        layout: VerbLayout,
        block: &mut Option<OpenBlock>,
        vocab: &mut Vocab,
        dict: &mut VerbDict,
        origin: &Origin,
        sink: &mut Sink,
        stats: &mut FileStats,
    ) -> Result<(), DictError> {
        let line = match parse_verb_line(body) {
            Ok(l) => l,
            Err(m) => return sink.report(origin, m),
        };
        for junk in &line.junk {
            sink.report(
                origin,
                format!("unexpected text \"{junk}\" on verb line (comments start with '#')"),
            )?;
        }
        let base = match split_phrasal(line.head, None) {
            Ok(b) => b,
            Err(m) => return sink.report(origin, m),
        };
        let needs_block = match block.as_ref() {
            None => true,
            Some(b) => b.implicit && b.has_patterns,
        };
        if needs_block {
            if layout == VerbLayout::Petrarch2 {
                return sink.report(
                    origin,
                    "verb line outside a verb block (no '--- NAME [CODE] ---' header before it)",
                );
            }
            let id = dict.blocks.len() as BlockId;
            dict.blocks.push(VerbBlock {
                name: base.lemma(),
                default: CodePair::default(),
                patterns: Vec::new(),
                origin: origin.clone(),
                layout,
            });
            *block = Some(OpenBlock {
                id,
                implicit: true,
                has_patterns: false,
            });
        }
        let block_id = block.as_ref().expect("opened above").id;
        let code = match line.code.map(parse_code_pair).transpose() {
            Ok(c) => c,
            Err(m) => {
                sink.report(origin, m)?;
                None
            }
        };
        if base.front.len() + base.back.len() > 0 {
            stats.add("phrasal_verb_lines", 1);
        }
        let mut forms = vec![base.clone()];
        match line.forms {
            None => {
                for f in verb_forms(&base.word.to_uppercase()).into_iter().skip(1) {
                    forms.push(Phrasal {
                        word: f,
                        ..base.clone()
                    });
                }
            }
            Some(list) => {
                for tok in list
                    .split(|c: char| c == ',' || c.is_whitespace())
                    .filter(|s| !s.is_empty())
                {
                    match split_phrasal(tok, Some(&base)) {
                        Ok(p) => forms.push(p),
                        Err(m) => sink.report(origin, m)?,
                    }
                }
            }
        }
        let lemma = base.lemma();
        for f in forms {
            let Some((front, word, back)) = f.to_ids(vocab) else {
                sink.report(origin, format!("verb form \"{}\" has no word", f.lemma()))?;
                continue;
            };
            if !self
                .seen_forms
                .insert((block_id, front.clone(), word, back.clone()))
            {
                continue;
            }
            let idx = dict.forms.len() as u32;
            dict.forms.push(VerbForm {
                block: block_id,
                lemma: lemma.clone(),
                front,
                word,
                back,
                code: code.clone(),
                origin: origin.clone(),
            });
            dict.by_word.entry(word).or_default().push(idx);
            stats.add("verb_forms", 1);
        }
        Ok(())
    }

    /// Resolves synonym sets and compiles the patterns of every file read.
    pub fn finish(
        self,
        vocab: &mut Vocab,
        dict: &mut VerbDict,
        sink: &mut Sink,
        stats: &mut [FileStats],
    ) -> Result<(), DictError> {
        patterns::compile(self.synsets, self.patterns, vocab, dict, sink, stats)
    }
}

/// True for a `#` line that marks a section (`####### VERB PATTERNS #######`).
fn is_marker(line: &str, name: &str) -> bool {
    let t = line.trim();
    t.starts_with("##") && t.trim_matches(|c: char| c == '#' || c.is_whitespace()) == name
}

/// Parses `---  NAME   [CODE]  ---` into the name and the code text.
fn parse_header(body: &str) -> Result<(String, Option<String>), String> {
    let inner = body.trim_matches(|c: char| c == '-' || c.is_whitespace());
    let (outside, groups) = bracket_groups(inner)?;
    let name = outside.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err("verb block header has no name".into());
    }
    if groups.len() > 1 {
        return Err(format!(
            "verb block header of {name} has {} codes; expected one",
            groups.len()
        ));
    }
    Ok((name, groups.first().map(|g| g.to_string())))
}

/// Splits the text of a pattern line (after `-`) into the pattern and its code.
/// The verb a pattern line's comment names (`- * (TO)  [042:043]  # HEAD` → `HEAD`): the
/// word the dictionary's authors wrote the pattern for. `None` when the comment does not
/// start with a word in capitals (dates, initials and notes are not verbs).
fn noted_verb(line: &str) -> Option<String> {
    let comment = line.split_once('#')?.1;
    let word = comment.split_whitespace().next()?;
    (word.len() > 1 && word.bytes().all(|b| b.is_ascii_uppercase() || b == b'_'))
        .then(|| word.replace('_', " "))
}

fn split_pattern_line(rest: &str) -> Result<(&str, CodePair), String> {
    let rest = rest.trim();
    let Some(open) = rest.rfind('[') else {
        return Err(format!(
            "pattern \"{rest}\" has no code: end it with [CODE]"
        ));
    };
    let after = &rest[open + 1..];
    let Some(close) = after.find(']') else {
        return Err(format!("'[' without a closing ']' in pattern \"{rest}\""));
    };
    if !after[close + 1..].trim().is_empty() {
        return Err(format!(
            "unexpected text after the code of pattern \"{rest}\""
        ));
    }
    let body = &rest[..open];
    if body.contains(['[', ']']) {
        return Err(format!("pattern \"{rest}\" has more than one [...] group"));
    }
    Ok((body, parse_code_pair(&after[..close])?))
}

/// A verb line taken apart.
struct VerbLine<'a> {
    /// The verb as written (`+ASK_FOR`, `LASH OUT`).
    head: &'a str,
    /// The inside of `{...}`.
    forms: Option<&'a str>,
    /// The inside of `[...]`.
    code: Option<&'a str>,
    /// Text that is neither (reported, ignored).
    junk: Vec<&'a str>,
}

/// Parses `VERB {FORMS} [CODE]`.
fn parse_verb_line(body: &str) -> Result<VerbLine<'_>, String> {
    let head_end = body.find(['{', '[']).unwrap_or(body.len());
    let head = body[..head_end].trim();
    if head.contains(['}', ']']) {
        return Err(format!("unbalanced brackets on verb line \"{body}\""));
    }
    if head.is_empty() {
        return Err(format!("verb line \"{body}\" names no verb"));
    }
    let mut line = VerbLine {
        head,
        forms: None,
        code: None,
        junk: Vec::new(),
    };
    let mut rest = &body[head_end..];
    loop {
        rest = rest.trim_start();
        let Some(first) = rest.chars().next() else {
            break;
        };
        let (close, slot) = match first {
            '{' => ('}', &mut line.forms),
            '[' => (']', &mut line.code),
            _ => {
                let end = rest.find(['{', '[']).unwrap_or(rest.len());
                line.junk.push(rest[..end].trim());
                rest = &rest[end..];
                continue;
            }
        };
        let Some(end) = rest.find(close) else {
            return Err(format!(
                "'{first}' without a closing '{close}' on verb line \"{body}\""
            ));
        };
        let inner = &rest[1..end];
        if inner.contains(['{', '[']) {
            return Err(format!("nested brackets on verb line \"{body}\""));
        }
        if slot.is_some() {
            return Err(format!(
                "verb line \"{body}\" has two {first}...{close} groups"
            ));
        }
        *slot = Some(inner);
        rest = &rest[end + 1..];
    }
    Ok(line)
}

/// A (possibly multi-word) verb form: the inflected word and the words around it.
#[derive(Clone, Debug)]
struct Phrasal {
    front: Vec<String>,
    word: String,
    back: Vec<String>,
}

impl Phrasal {
    /// The words joined by spaces, upper case (`ASK FOR`).
    fn lemma(&self) -> String {
        let mut all: Vec<&str> = self.front.iter().map(String::as_str).collect();
        all.push(&self.word);
        all.extend(self.back.iter().map(String::as_str));
        all.join(" ").to_uppercase()
    }

    /// Interns the words. A piece that the tokenizer splits (`DOESN'T` → `DOES N'T`) keeps
    /// its first word as the inflected one and the rest as back words.
    fn to_ids(&self, vocab: &mut Vocab) -> Option<(Vec<WordId>, WordId, Vec<WordId>)> {
        let mut intern = |pieces: &[String]| -> Vec<WordId> {
            let mut out = Vec::new();
            for p in pieces {
                vocab.phrase_into(p, &mut out);
            }
            out
        };
        let front = intern(&self.front);
        let mut word = intern(std::slice::from_ref(&self.word));
        let mut back = intern(&self.back);
        if word.is_empty() {
            return None;
        }
        let rest: Vec<WordId> = word.drain(1..).collect();
        back.splice(0..0, rest);
        Some((front, word[0], back))
    }
}

/// Splits a verb as written into front words, the inflected word (marked `+`, else the
/// first word) and back words: `+ASK_FOR`, `KLM_NOP_+RST`, `LASH OUT`.
///
/// For a listed form (`{+ASKED_FOR}`), `base` is the line's verb: a form without `+` that
/// has as many words as the base takes its inflected word from the same place, and a
/// one-word form of a multi-word verb keeps the base's other words.
fn split_phrasal(text: &str, base: Option<&Phrasal>) -> Result<Phrasal, String> {
    let pieces: Vec<&str> = text
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    if pieces.is_empty() {
        return Err(format!("verb \"{text}\" has no word"));
    }
    let marked: Vec<usize> = pieces
        .iter()
        .enumerate()
        .filter(|(_, p)| p.starts_with('+'))
        .map(|(i, _)| i)
        .collect();
    if marked.len() > 1 {
        return Err(format!("verb \"{text}\" marks more than one word with '+'"));
    }
    if pieces
        .iter()
        .any(|p| p.trim_start_matches('+').contains('+'))
    {
        return Err(format!("verb \"{text}\" has a '+' inside a word"));
    }
    let idx = match (marked.first(), base) {
        (Some(&i), _) => i,
        (None, Some(b)) if pieces.len() == 1 && b.front.len() + b.back.len() > 0 => {
            return Ok(Phrasal {
                front: b.front.clone(),
                word: pieces[0].to_string(),
                back: b.back.clone(),
            });
        }
        (None, Some(b)) if pieces.len() == b.front.len() + 1 + b.back.len() => b.front.len(),
        (None, _) => 0,
    };
    let word = pieces[idx].trim_start_matches('+');
    if word.is_empty() {
        return Err(format!("verb \"{text}\" has '+' but no word after it"));
    }
    Ok(Phrasal {
        front: pieces[..idx].iter().map(|s| s.to_string()).collect(),
        word: word.to_string(),
        back: pieces[idx + 1..].iter().map(|s| s.to_string()).collect(),
    })
}

#[cfg(test)]
mod tests;
