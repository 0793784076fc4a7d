//! Reader of actor dictionaries (`Phoenix.*.actors.txt`): root phrases, `+synonym` lines
//! and dated CAMEO actor codes.
//!
//! Entry boundaries. An entry is one or more root lines, their `+` synonyms, then code
//! lines. A root line that follows a root still waiting for its codes joins that entry
//! instead of starting a new one: the Phoenix files list name variants this way
//! (`LEONID_BREZHNEV_`, `LEONID_ILYICH_BREZHNEV`, …, then the codes), and reading each
//! line as its own codeless entry, as PETRARCH2 does, leaves those names without a code.
//! A root seen before (in this or an earlier file) reopens its entry, so later files can
//! add codes and synonyms to it.
//!
//! Precedence. [`ActorEntry::code_on`] takes the first dated code that matches, so the
//! order of codes decides. Within a file they stay in file order. Codes that a later file
//! gives for an entry of an earlier file go before the earlier ones: a later file refines
//! an earlier one (`Vigil.additions.actors.txt` can end the open-ended `[NORGOV >051017]`
//! of `JENS_STOLTENBERG_` by giving his later codes), and the earlier codes remain for the
//! dates the later file does not cover.

use crate::dates::parse_restriction;
use crate::error::DictError;
use crate::source::{
    FileName, Sink, Src, bracket_groups, bracket_groups_into, display_phrase, lines, strip_comment,
};
use crate::stats::{DictKind, FileStats};
use crate::types::{ActorDict, ActorEntry, ActorId, DatedCode, Origin, Validity};
use crate::vocab::Vocab;
use rustc_hash::FxHashMap;

/// State kept across the actor files of a set: which phrase is the root of which entry.
#[derive(Default)]
pub(crate) struct ActorReader {
    roots: FxHashMap<Vec<u32>, ActorId>,
    /// Number of the file being read (1 for the first).
    file_no: u32,
    /// Where the current file inserts its codes into each entry it touches:
    /// (file number, index in `codes`).
    insert_at: FxHashMap<ActorId, (u32, usize)>,
    /// The file number that created each entry.
    entry_file: Vec<u32>,
}

/// The entry being read.
struct Current {
    id: ActorId,
    /// True once a code (valid or not) has been written for the current group of roots.
    has_codes: bool,
    origin: Origin,
}

impl ActorReader {
    /// Reads one actor file into `dict`.
    pub fn read(
        &mut self,
        file: Src<'_>,
        vocab: &mut Vocab,
        dict: &mut ActorDict,
        sink: &mut Sink,
    ) -> Result<FileStats, DictError> {
        let name = FileName(file.name.into());
        let mut stats = FileStats::new(file.name, DictKind::Actors);
        let mut cur: Option<Current> = None;
        self.file_no += 1;
        // Most lines add a phrase of two or three words.
        let all = lines(file.text);
        dict.trie.reserve(all.len() * 2);
        dict.entries.reserve(all.len() / 3);
        vocab.lex.reserve(all.len() / 2);
        // Buffers reused across lines.
        let mut ids: Vec<u32> = Vec::new();
        let mut groups: Vec<&str> = Vec::new();
        for (no, line) in all {
            let body = strip_comment(line).trim();
            if body.is_empty() {
                continue;
            }
            let origin = name.at(no);
            if body.starts_with('[') {
                stats.add("code_lines", 1);
                let Some(c) = cur.as_mut() else {
                    sink.report(&origin, "code line before any actor root")?;
                    continue;
                };
                c.has_codes = true;
                let at = self.insert_pos(c.id, dict);
                add_codes(body, c.id, at, &mut groups, dict, &origin, sink, &mut stats)?;
                continue;
            }
            let (is_synonym, text) = match body.strip_prefix('+') {
                Some(rest) => (true, rest),
                None => (false, body),
            };
            // The phrase ends where the codes begin.
            let (phrase, codes) = text.split_at(text.find('[').unwrap_or(text.len()));
            if phrase.contains(']') {
                sink.report(
                    &origin,
                    format!("stray ']' in actor phrase \"{}\"", phrase.trim()),
                )?;
                continue;
            }
            ids.clear();
            vocab.phrase_into(phrase, &mut ids);
            if ids.is_empty() {
                sink.report(&origin, "actor line has no phrase")?;
                continue;
            }
            if is_synonym {
                stats.add("synonyms", 1);
                let Some(c) = cur.as_ref() else {
                    sink.report(
                        &origin,
                        format!("synonym \"{}\" before any actor root", phrase.trim()),
                    )?;
                    continue;
                };
                if !dict.trie.get(&ids).contains(&c.id) {
                    dict.trie.insert(&ids, c.id);
                }
            } else {
                stats.add("roots", 1);
                let id = match cur.as_ref() {
                    Some(c) if !c.has_codes => {
                        stats.add("grouped_roots", 1);
                        c.id
                    }
                    _ => match self.roots.get(&ids) {
                        Some(&id) => {
                            stats.add("merged_roots", 1);
                            id
                        }
                        None => {
                            stats.add("entries", 1);
                            let id = dict.entries.len() as ActorId;
                            self.entry_file.push(self.file_no);
                            dict.entries.push(ActorEntry {
                                phrase: display_phrase(phrase),
                                origin: origin.clone(),
                                codes: Vec::new(),
                            });
                            id
                        }
                    },
                };
                if !self.roots.contains_key(&ids) {
                    self.roots.insert(ids.clone(), id);
                }
                if !dict.trie.get(&ids).contains(&id) {
                    dict.trie.insert(&ids, id);
                }
                if cur.as_ref().is_none_or(|c| c.id != id || c.has_codes) {
                    cur = Some(Current {
                        id,
                        has_codes: false,
                        origin: origin.clone(),
                    });
                }
            }
            if !codes.trim().is_empty() {
                let c = cur.as_mut().expect("set above");
                c.has_codes = true;
                let at = self.insert_pos(c.id, dict);
                add_codes(
                    codes,
                    c.id,
                    at,
                    &mut groups,
                    dict,
                    &origin,
                    sink,
                    &mut stats,
                )?;
            }
        }
        if let Some(c) = cur
            && dict.entries[c.id as usize].codes.is_empty()
        {
            let phrase = dict.entries[c.id as usize].phrase.clone();
            sink.report(&c.origin, format!("actor \"{phrase}\" has no code"))?;
        }
        Ok(stats)
    }

    /// Where the current file's next code for entry `id` goes: after the codes this file
    /// already gave it, before those of earlier files.
    fn insert_pos(&mut self, id: ActorId, dict: &ActorDict) -> &mut usize {
        let file_no = self.file_no;
        let created_here = self.entry_file[id as usize] == file_no;
        let slot = self.insert_at.entry(id).or_insert((0, 0));
        if slot.0 != file_no {
            let at = if created_here {
                dict.entries[id as usize].codes.len()
            } else {
                0
            };
            *slot = (file_no, at);
        }
        &mut slot.1
    }
}

/// Reads the `[...]` groups of `text` into entry `id`, inserting at `*at`. A group that
/// cannot be read is reported and skipped; the others are kept.
#[allow(clippy::too_many_arguments)]
fn add_codes<'a>(
    text: &'a str,
    id: ActorId,
    at: &mut usize,
    groups: &mut Vec<&'a str>,
    dict: &mut ActorDict,
    origin: &Origin,
    sink: &mut Sink,
    stats: &mut FileStats,
) -> Result<(), DictError> {
    groups.clear();
    match bracket_groups_into(text, groups) {
        Ok(false) => {}
        Ok(true) => {
            let outside = bracket_groups(text).map(|(o, _)| o).unwrap_or_default();
            let outside = outside.split_whitespace().collect::<Vec<_>>().join(" ");
            sink.report(
                origin,
                format!(
                    "unexpected text \"{outside}\" next to actor codes (comments start with '#')"
                ),
            )?;
        }
        Err(m) => return sink.report(origin, m),
    }
    for &g in groups.iter() {
        match parse_code(g) {
            Ok(code) => {
                stats.add("codes", 1);
                if code.validity != Validity::Always {
                    stats.add("dated_codes", 1);
                }
                dict.entries[id as usize].codes.insert(*at, code);
                *at += 1;
            }
            Err(m) => sink.report(origin, format!("[{}]: {m}; code skipped", g.trim()))?,
        }
    }
    Ok(())
}

/// Parses the inside of one code group: `AFGGOV >011222`, `EGYGOV > 140608`, `USR`.
fn parse_code(group: &str) -> Result<DatedCode, String> {
    let mut toks = group.split_whitespace();
    let Some(code) = toks.next() else {
        return Err("empty code".into());
    };
    // Letters and digits; `---` (no code) and the `/`-joined codes of old TABARI files
    // (`[ELR/GAL]`) are kept as written.
    if !code
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'+' || b == b'/')
    {
        return Err(format!(
            "code '{code}' has characters other than letters and digits"
        ));
    }
    // Spaces may surround the operator (`> 140608`, `19950601 - 19990815`): join the rest.
    let validity = match (toks.next(), toks.clone().next()) {
        (None, _) => Validity::Always,
        (Some(one), None) => parse_restriction(one)?,
        (Some(first), Some(_)) => {
            parse_restriction(&std::iter::once(first).chain(toks).collect::<String>())?
        }
    };
    Ok(DatedCode {
        code: code.to_string(),
        validity,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::Lexicon;
    use chrono::NaiveDate;
    use vigil_text::phrase_words;

    fn load_files(
        files: &[(&str, &str)],
        strict: bool,
    ) -> Result<(Lexicon, ActorDict, Vec<crate::Diagnostic>), DictError> {
        let mut vocab = Vocab::new(Lexicon::default());
        let mut d = ActorDict::default();
        let mut sink = Sink::new(strict);
        let mut reader = ActorReader::default();
        for (name, text) in files {
            reader.read(Src { name, text }, &mut vocab, &mut d, &mut sink)?;
        }
        Ok((vocab.lex, d, sink.warnings))
    }

    fn load(
        text: &str,
        strict: bool,
    ) -> Result<(Lexicon, ActorDict, Vec<crate::Diagnostic>), DictError> {
        load_files(&[("t.actors", text)], strict)
    }

    fn entry<'a>(lex: &Lexicon, d: &'a ActorDict, phrase: &str) -> &'a ActorEntry {
        let ids = lex.ids_of(&phrase_words(phrase)).expect("words known");
        let found = d.trie.get(&ids);
        assert_eq!(found.len(), 1, "{phrase}: {found:?}");
        &d.entries[found[0] as usize]
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    const KARZAI: &str = "\
AFGHANISTAN_  [AFG]
+AFGHAN_
+HELMAND # Other provinces, since they're reported often

HAMID_KARZAI_  # CountryInfo.txt
+KARZAI_
+PRESIDENT_KARZAI_
\t[AFGELI 750101-000101]
\t[AFGGOV >011222]
\t[AFGELI]
JAVIER_SOLANA_\t[IGOEUREEC 950701-951231][IGOWSTNAT 951205-991006] # president of the CoEU
KIRIBATI_\t[KIR]
EGYPT [EGY]
  [EGYGOV > 140608]
GOLLUM
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
<!-- a comment -->
\t[HOBREB > 990816]
";

    #[test]
    fn roots_synonyms_and_dated_codes() {
        let (lex, d, w) = load(KARZAI, true).unwrap();
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(
            entry(&lex, &d, "AFGHAN").code_on(day("2020-01-01")),
            Some("AFG")
        );
        let k = entry(&lex, &d, "PRESIDENT KARZAI");
        assert_eq!(k.phrase, "HAMID KARZAI");
        assert_eq!(k.origin.line, 5);
        assert_eq!(k.code_on(day("1990-01-01")), Some("AFGELI"));
        assert_eq!(k.code_on(day("2005-01-01")), Some("AFGGOV"));
        assert_eq!(k.code_on(day("2001-06-01")), Some("AFGELI"));
        let s = entry(&lex, &d, "JAVIER SOLANA");
        assert_eq!(s.codes.len(), 2);
        assert_eq!(s.code_on(day("1995-12-01")), Some("IGOEUREEC"));
        assert_eq!(s.code_on(day("1997-01-01")), Some("IGOWSTNAT"));
        assert_eq!(s.code_on(day("2005-01-01")), None);
        assert_eq!(
            entry(&lex, &d, "KIRIBATI").code_on(day("2005-01-01")),
            Some("KIR")
        );
        assert_eq!(
            entry(&lex, &d, "EGYPT").code_on(day("2015-01-01")),
            Some("EGYGOV")
        );
        let g = entry(&lex, &d, "SMEAGOL");
        assert_eq!(g.code_on(day("1990-01-01")), Some("HOB"));
        assert_eq!(g.code_on(day("1995-06-01")), Some("HOBGOV"));
        assert_eq!(g.code_on(day("2001-01-01")), Some("HOBREB"));
    }

    #[test]
    fn duplicate_roots_merge_across_files() {
        let a = "CROATIA_ [HRV]\n+CROAT_\n";
        let b = "CROATIA_\n+HRVATSKA\n\t[HRVGOV >20200101]\n";
        let (lex, d, w) = load_files(&[("a", a), ("b", b)], true).unwrap();
        assert!(w.is_empty());
        assert_eq!(d.entries.len(), 1);
        let e = entry(&lex, &d, "HRVATSKA");
        assert_eq!(e.codes.len(), 2);
        assert_eq!(e.code_on(day("2021-01-01")), Some("HRVGOV"));
        assert_eq!(e.code_on(day("2019-01-01")), Some("HRV"));
        assert_eq!(entry(&lex, &d, "CROAT").codes.len(), 2);
    }

    #[test]
    fn a_later_file_refines_open_ended_codes() {
        let a = "JENS_STOLTENBERG_\n\t[NORGOV >051017]\n\t[NORELI]\n";
        let b = "JENS_STOLTENBERG_\n+STOLTENBERG\n\t[IGOWSTNAT 20141001-20241001]\n\t[NORGOV >20250204]\n";
        let (lex, d, w) = load_files(&[("a", a), ("b", b)], true).unwrap();
        assert!(w.is_empty());
        let e = entry(&lex, &d, "STOLTENBERG");
        let codes: Vec<&str> = e.codes.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(codes, ["IGOWSTNAT", "NORGOV", "NORGOV", "NORELI"]);
        assert_eq!(e.code_on(day("2020-01-01")), Some("IGOWSTNAT"));
        assert_eq!(e.code_on(day("2010-01-01")), Some("NORGOV"));
        assert_eq!(e.code_on(day("2000-01-01")), Some("NORELI"));
    }

    #[test]
    fn consecutive_roots_share_the_following_codes() {
        let text = "LEONID_BREZHNEV_  # CountryInfo.txt\nLEONID_ILYICH_BREZHNEV\n\
                    SECRETARY_BREZHNEV\n\t[RUSGOV 641014-821110]\nNEXT [X]\n";
        let (lex, d, w) = load(text, true).unwrap();
        assert!(w.is_empty());
        assert_eq!(d.entries.len(), 2);
        let e = entry(&lex, &d, "SECRETARY BREZHNEV");
        assert_eq!(e.phrase, "LEONID BREZHNEV");
        assert_eq!(e.code_on(day("1970-01-01")), Some("RUSGOV"));
    }

    /// The 7-digit date of `Phoenix.Countries.actors.txt` line 2039 as shipped by PETRARCH2.
    const BROKEN_ARMENIA: &str = "ARMENIA_ [ARM]\n+YEREVAN_\n\t[USRARM <900823]\n\
                                  \t[ARMUNR 9008223-911221]\n\t[ARM >911221]\n";

    #[test]
    fn bad_date_skips_only_that_code() {
        let (lex, d, w) = load(BROKEN_ARMENIA, false).unwrap();
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].origin.to_string(), "t.actors:4");
        assert!(w[0].message.contains("9008223"), "{}", w[0].message);
        let e = entry(&lex, &d, "YEREVAN");
        assert_eq!(e.codes.len(), 3);
        assert_eq!(e.code_on(day("1995-01-01")), Some("ARM"));
        assert_eq!(e.code_on(day("1991-01-01")), Some("ARM"));
        assert_eq!(e.code_on(day("1985-01-01")), Some("USRARM"));
    }

    #[test]
    fn bad_date_is_an_error_in_strict_mode() {
        match load(BROKEN_ARMENIA, true) {
            Err(DictError::Malformed(diag)) => {
                assert_eq!(diag.origin.line, 4);
                assert!(diag.message.contains("7 digits"));
            }
            other => panic!("expected a strict error, got {:?}", other.map(|r| r.2)),
        }
    }

    #[test]
    fn malformed_lines_are_reported() {
        let text =
            "\t[AAA]\n+ORPHAN\nX [ABC 20121204]\nY [ABC] junk\nZ [\n+FAEROYENE]_\nW [A!B]\nLAST\n";
        let (_, d, w) = load(text, false).unwrap();
        let lines: Vec<u32> = w.iter().map(|d| d.origin.line).collect();
        assert_eq!(lines, [1, 2, 3, 4, 5, 6, 7, 8], "{w:#?}");
        assert!(w[2].message.contains("needs"));
        assert!(w[7].message.contains("no code"));
        // Y keeps its code despite the junk after it.
        assert_eq!(d.entries[1].codes.len(), 1);
    }
}
