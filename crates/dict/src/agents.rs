//! Reader of agent dictionaries (`Phoenix.agents.txt`): generic roles with a code that is
//! put after (`[~GOV]`) or before (`[IGO~]`) the code of the actor they belong to.

use crate::error::DictError;
use crate::inflect::plural_phrase;
use crate::source::{FileName, Sink, Src, bracket_groups, display_phrase, lines, strip_comment};
use crate::stats::{DictKind, FileStats};
use crate::types::{AgentDict, AgentEntry, AgentPlacement, Origin, WordId};
use crate::vocab::Vocab;
use rustc_hash::FxHashMap;

/// State kept across the agent files of a set: the substitution sets (`!PERSON! = …`).
#[derive(Default)]
pub(crate) struct AgentReader {
    subs: FxHashMap<String, Vec<String>>,
}

/// An entry line taken apart.
struct AgentLine<'a> {
    phrase: &'a str,
    /// `None`: make the regular plural; `Some(empty)`: `{}`, no plural.
    plurals: Option<Vec<&'a str>>,
    code: String,
    placement: AgentPlacement,
}

impl AgentReader {
    /// Reads one agent file into `dict`.
    pub fn read(
        &mut self,
        file: Src<'_>,
        vocab: &mut Vocab,
        dict: &mut AgentDict,
        sink: &mut Sink,
    ) -> Result<FileStats, DictError> {
        let name = FileName(file.name.into());
        let mut stats = FileStats::new(file.name, DictKind::Agents);
        for (no, line) in lines(file.text) {
            let body = strip_comment(line).trim();
            if body.is_empty() {
                continue;
            }
            let origin = name.at(no);
            if body.starts_with('!') && body.contains('=') {
                match parse_substitution(body) {
                    Ok((key, items)) => {
                        self.subs.insert(key, items);
                        stats.add("substitution_sets", 1);
                    }
                    Err(m) => sink.report(&origin, m)?,
                }
                continue;
            }
            stats.add("agent_lines", 1);
            let entry = match parse_agent_line(body) {
                Ok(e) => e,
                Err(m) => {
                    sink.report(&origin, m)?;
                    continue;
                }
            };
            match entry.placement {
                AgentPlacement::Prefix => stats.add("prefix_codes", 1),
                AgentPlacement::Suffix => stats.add("suffix_codes", 1),
            }
            if entry.phrase.contains('!') {
                let phrases = match self.substitute(entry.phrase) {
                    Ok(p) => p,
                    Err(m) => {
                        sink.report(&origin, m)?;
                        continue;
                    }
                };
                // Each substituted phrase is its own entry; the list already holds the
                // plural forms (`MAN, MEN`), so none are made.
                for p in phrases {
                    add_entry(vocab, dict, &p, &[], &entry, &origin, &mut stats);
                }
                continue;
            }
            let words = vocab.phrase_strings(entry.phrase);
            if words.is_empty() {
                sink.report(&origin, "agent line has a code but no phrase")?;
                continue;
            }
            let plurals: Vec<Vec<WordId>> = match &entry.plurals {
                None => plural_phrase(&words)
                    .into_iter()
                    .map(|p| p.iter().map(|w| vocab.intern(w)).collect())
                    .collect(),
                Some(list) => list
                    .iter()
                    .map(|p| vocab.phrase(p))
                    .filter(|w| !w.is_empty())
                    .collect(),
            };
            add_entry(
                vocab,
                dict,
                entry.phrase,
                &plurals,
                &entry,
                &origin,
                &mut stats,
            );
        }
        Ok(stats)
    }

    /// Expands every `!NAME!` marker of `phrase` into each word of its set.
    fn substitute(&self, phrase: &str) -> Result<Vec<String>, String> {
        let mut done = Vec::new();
        let mut todo = vec![phrase.to_string()];
        while let Some(p) = todo.pop() {
            let Some(start) = p.find('!') else {
                done.push(p);
                continue;
            };
            let Some(len) = p[start + 1..].find('!') else {
                return Err(format!(
                    "substitution marker in \"{phrase}\" has no closing '!'"
                ));
            };
            let key = &p[start + 1..start + 1 + len];
            let Some(items) = self.subs.get(key) else {
                return Err(format!(
                    "substitution marker !{key}! is not defined (define it with '!{key}! = A, B')"
                ));
            };
            for item in items {
                todo.push(format!("{}{}{}", &p[..start], item, &p[start + len + 2..]));
            }
        }
        done.reverse();
        Ok(done)
    }
}

/// Adds one entry with its singular phrase and plural phrases.
fn add_entry(
    vocab: &mut Vocab,
    dict: &mut AgentDict,
    phrase: &str,
    plurals: &[Vec<WordId>],
    line: &AgentLine<'_>,
    origin: &Origin,
    stats: &mut FileStats,
) {
    let id = dict.entries.len() as u32;
    dict.entries.push(AgentEntry {
        phrase: display_phrase(phrase),
        code: line.code.clone(),
        placement: line.placement,
        origin: origin.clone(),
    });
    stats.add("entries", 1);
    let singular = vocab.phrase(phrase);
    for (i, ids) in std::iter::once(&singular).chain(plurals).enumerate() {
        if !ids.is_empty() && !dict.trie.get(ids).contains(&id) {
            dict.trie.insert(ids, id);
            if i > 0 {
                stats.add("plurals", 1);
            }
        }
    }
}

/// Parses `!NAME! = A, B, C`.
fn parse_substitution(body: &str) -> Result<(String, Vec<String>), String> {
    let (lhs, rhs) = body.split_once('=').unwrap_or((body, ""));
    let key = lhs
        .trim()
        .strip_prefix('!')
        .and_then(|k| k.strip_suffix('!'));
    let Some(key) = key.filter(|k| !k.is_empty() && !k.contains('!')) else {
        return Err(format!(
            "substitution set \"{body}\" should read '!NAME! = A, B, C'"
        ));
    };
    let items: Vec<String> = rhs
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if items.is_empty() {
        return Err(format!("substitution set !{key}! lists no words"));
    }
    Ok((key.to_string(), items))
}

/// Parses `PHRASE {PLURALS} [~CODE]`.
fn parse_agent_line(body: &str) -> Result<AgentLine<'_>, String> {
    let Some(open) = body.find('[') else {
        return Err(format!(
            "agent \"{body}\" has no code: write it as '[~XXX]' or '[XXX~]'"
        ));
    };
    let (head, tail) = body.split_at(open);
    let (outside, groups) = bracket_groups(tail)?;
    if groups.len() != 1 {
        return Err(format!(
            "agent \"{body}\" has {} codes; expected one",
            groups.len()
        ));
    }
    if !outside.trim().is_empty() {
        return Err(format!(
            "unexpected text \"{}\" after the code of agent \"{body}\"",
            outside.trim()
        ));
    }
    let raw = groups[0].trim();
    let (code, placement) = if let Some(c) = raw.strip_prefix('~') {
        (c.trim(), AgentPlacement::Suffix)
    } else if let Some(c) = raw.strip_suffix('~') {
        (c.trim(), AgentPlacement::Prefix)
    } else {
        return Err(format!("agent code [{raw}] must start or end with '~'"));
    };
    if code.is_empty() || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(format!(
            "agent code [{raw}] is not a code of letters and digits"
        ));
    }
    let (phrase, plurals) = match head.find(['{', '}']) {
        None => (head.trim(), None),
        Some(i) => {
            let (p, rest) = head.split_at(i);
            let inner = rest
                .strip_prefix('{')
                .and_then(|r| r.trim_end().strip_suffix('}'));
            let Some(inner) = inner.filter(|s| !s.contains(['{', '}'])) else {
                return Err(format!("unbalanced braces in agent \"{}\"", head.trim()));
            };
            let list = inner
                .split(|c: char| c == ',' || c.is_whitespace())
                .filter(|s| !s.is_empty())
                .collect();
            (p.trim(), Some(list))
        }
    };
    Ok(AgentLine {
        phrase,
        plurals,
        code: code.to_string(),
        placement,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::Lexicon;
    use vigil_text::phrase_words;

    fn load(
        text: &str,
        strict: bool,
    ) -> Result<(Lexicon, AgentDict, Vec<crate::Diagnostic>), DictError> {
        let mut vocab = Vocab::new(Lexicon::default());
        let mut d = AgentDict::default();
        let mut sink = Sink::new(strict);
        AgentReader::default().read(
            Src {
                name: "t.agents",
                text,
            },
            &mut vocab,
            &mut d,
            &mut sink,
        )?;
        Ok((vocab.lex, d, sink.warnings))
    }

    fn lookup(lex: &Lexicon, d: &AgentDict, phrase: &str) -> Vec<String> {
        let Some(ids) = lex.ids_of(&phrase_words(phrase)) else {
            return vec![];
        };
        d.trie
            .get(&ids)
            .iter()
            .map(|&i| d.entries[i as usize].phrase.clone())
            .collect()
    }

    #[test]
    fn entries_plurals_and_placement() {
        let text = "<!-- header -->\n\
            !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON\n\
            CATTLE!PERSON! [~AGR]\n\
            HUSBAND!PERSON![~AGR]\n\
            CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]\n\
            ANTI_RIOT_POLICE {} [~COP]   # comment\n\
            PEACEKEEPING_TROOPS {} [IGO~]\n\
            FARMER [~AGR]\n\
            SECRETARY [~GOV]\n\
            POLICE {} [ ~COP]\n\
            HUMAN_RIGHTS_ORGANIZATION  [  NGO~]\n";
        let (lex, d, w) = load(text, true).unwrap();
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(lookup(&lex, &d, "CATTLEMEN"), ["CATTLEMEN"]);
        assert_eq!(lookup(&lex, &d, "CATTLEPERSON"), ["CATTLEPERSON"]);
        assert!(lookup(&lex, &d, "CATTLEMANS").is_empty());
        assert_eq!(lookup(&lex, &d, "HUSBANDMAN"), ["HUSBANDMAN"]);
        assert_eq!(
            lookup(&lex, &d, "CHAMBERS OF COMMERCE"),
            ["CHAMBER OF COMMERCE"]
        );
        assert!(lookup(&lex, &d, "CHAMBER OF COMMERCES").is_empty());
        assert!(lookup(&lex, &d, "ANTI RIOT POLICES").is_empty());
        assert_eq!(lookup(&lex, &d, "FARMERS"), ["FARMER"]);
        assert_eq!(lookup(&lex, &d, "SECRETARIES"), ["SECRETARY"]);
        let ids = lex.ids_of(&["PEACEKEEPING", "TROOPS"]).unwrap();
        let e = &d.entries[d.trie.get(&ids)[0] as usize];
        assert_eq!(
            (e.code.as_str(), e.placement),
            ("IGO", AgentPlacement::Prefix)
        );
        let ids = lex.ids_of(&["POLICE"]).unwrap();
        let e = &d.entries[d.trie.get(&ids)[0] as usize];
        assert_eq!(
            (e.code.as_str(), e.placement),
            ("COP", AgentPlacement::Suffix)
        );
        let ids = lex.ids_of(&["HUMAN", "RIGHTS", "ORGANIZATIONS"]).unwrap();
        assert_eq!(d.entries[d.trie.get(&ids)[0] as usize].code, "NGO");
    }

    #[test]
    fn malformed_lines() {
        let text = "ISLAMIC_EXTREMIST\n\
            DEPARMENT_OF_ENVIRONMENT [~ENV}\n\
            X_!NOPE! [~GOV]\n\
            BROKEN {A [~GOV]\n\
            NOTILDE [GOV]\n\
            !BAD = A\n\
            GOOD [~GOV]\n";
        let (lex, d, w) = load(text, false).unwrap();
        let lines: Vec<u32> = w.iter().map(|d| d.origin.line).collect();
        assert_eq!(lines, [1, 2, 3, 4, 5, 6]);
        assert!(w[0].message.contains("no code"));
        assert_eq!(d.entries.len(), 1);
        assert_eq!(lookup(&lex, &d, "GOOD"), ["GOOD"]);
        let err = load(text, true).unwrap_err();
        match err {
            DictError::Malformed(diag) => assert_eq!(diag.origin.to_string(), "t.agents:1"),
            e => panic!("{e}"),
        }
    }
}
