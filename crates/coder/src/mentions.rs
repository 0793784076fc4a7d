//! Actor recognition: dictionary actors and agents by longest match, grouped into noun
//! phrases, composed into CAMEO actor codes, joined into compounds ("Japan and South
//! Korea"), appositions ("Ukraine's defence minister, Oleksii Reznikov,") and agent links
//! ("soldiers from Gondor").

use crate::grammar;
use crate::view::View;
use chrono::NaiveDate;
use vigil_dict::{AgentPlacement, DictSet};
use vigil_model::Pos;

/// One actor named in a sentence: a code and where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    /// The actor part of the code (`RUS`, `IGOWSTNAT`), empty for an agent with no actor.
    pub base: String,
    /// Agent codes placed before the base (`[NGO~]`).
    pub prefix: Vec<String>,
    /// Agent codes placed after the base (`[~GOV]`).
    pub suffix: Vec<String>,
    /// First token naming this member.
    pub start: usize,
    /// One past the last token naming this member.
    pub end: usize,
    /// Dictionary entries and rules that contributed, rendered only when an event is built.
    pub entries: Vec<Why>,
}

impl Member {
    /// The composed CAMEO code: prefixes, base (`---` when none), suffixes, with agent codes
    /// the base already carries left out (`RUSGOV` + `GOV` stays `RUSGOV`).
    pub fn code(&self) -> String {
        let mut code = String::new();
        for p in &self.prefix {
            code.push_str(p);
        }
        code.push_str(if self.base.is_empty() {
            "---"
        } else {
            &self.base
        });
        // "a NATO official", "UN officials": an international body's officials are the
        // body; GOV would make them a government.
        let body = ["IGO", "NGO", "IMG", "MNC", "UIS"]
            .iter()
            .any(|g| self.base.starts_with(g));
        for s in &self.suffix {
            if (body && s == "GOV") || ends_with_group(&code, s) {
                continue;
            }
            code.push_str(s);
        }
        code
    }

    /// True when the member names an actor (not only an agent).
    pub fn has_actor(&self) -> bool {
        !self.base.is_empty()
    }
}

/// True when `code` already ends with the three-letter groups of `agent`, or contains
/// them at a group boundary (so `HGWGOVMED` + `GOVMED` is not doubled).
fn ends_with_group(code: &str, agent: &str) -> bool {
    if agent.is_empty() {
        return true;
    }
    let mut i = 0;
    while i + agent.len() <= code.len() {
        if code.is_char_boundary(i) && code[i..].starts_with(agent) {
            return true;
        }
        i += 3;
    }
    false
}

/// One piece of an actor's provenance. Kept as ids, not text: actors are found far more
/// often than they end up in events, and formatting every one would cost more than coding.
#[derive(Clone, Debug, PartialEq)]
pub enum Why {
    /// An actor dictionary entry.
    Actor(u32),
    /// An agent dictionary entry.
    Agent(u32),
    /// A rule that supplied or changed the actor.
    Note(std::borrow::Cow<'static, str>),
}

impl Why {
    /// The text shown in provenance: `file:line PHRASE` for entries.
    pub fn render(&self, dicts: &DictSet) -> String {
        match self {
            Why::Actor(id) => {
                let e = &dicts.actors.entries[*id as usize];
                format!("{} {}", e.origin, e.phrase)
            }
            Why::Agent(id) => {
                let e = &dicts.agents.entries[*id as usize];
                format!("{} {}", e.origin, e.phrase)
            }
            Why::Note(n) => n.to_string(),
        }
    }
}

/// What a mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionKind {
    /// Names at least one dictionary actor.
    Named,
    /// Only agents ("a senior official").
    AgentOnly,
    /// A personal pronoun, to be resolved from context.
    Pronoun,
}

/// A noun phrase that refers to one or more actors.
#[derive(Clone, Debug)]
pub struct Mention {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The actors (several for a compound).
    pub members: Vec<Member>,
    /// What kind of mention this is.
    pub kind: MentionKind,
    /// How the mention was built (`compound`, `apposition`, `agent-of`), for provenance.
    pub how: &'static str,
    /// The actor's country was inferred from context ("officials" in an article about
    /// Russia), not named.
    pub anchored: bool,
}

#[derive(Clone, Debug)]
enum AtomKind {
    /// Alternative codes (several when the entry lists `A/B` or a hyphenated token names
    /// several actors), each with its provenance.
    Actor(Vec<(String, Why)>),
    Agent {
        code: String,
        placement: AgentPlacement,
        entry: Why,
    },
}

#[derive(Clone, Debug)]
struct Atom {
    start: usize,
    end: usize,
    kind: AtomKind,
}

/// Finds every actor mention of a sentence, left to right.
pub fn find(view: &View, dicts: &DictSet, date: NaiveDate, aliases: &mut Aliases) -> Vec<Mention> {
    let atoms = atoms(view, dicts, date, aliases);
    let headline = headline(view);
    let untagged =
        headline && !(0..view.len()).any(|k| view.pos(k).is_verb() || view.pos(k).is_aux());
    // A headline's verbs are often tagged as nouns ("police *fire* tear gas"): there a
    // noun phrase ends before a dictionary verb word.
    // Elsewhere a dictionary verb the tagger misread ("the US *imposed* sanctions") ends
    // one too.
    let verb_word = |k: usize| view.ids[k].is_some_and(|id| dicts.verbs.by_word.contains_key(&id));
    // In a headline, a plural noun before another verb word is the subject's head
    // ("Chadian *forces* bomb rebel camps"), not its verb.
    let plural_before_verb = |k: usize| {
        view.up(k).ends_with('S')
            && k + 1 < view.len()
            && verb_word(k + 1)
            && !view.up(k + 1).ends_with('S')
    };
    let stops: Vec<bool> = (0..view.len())
        .map(|k| {
            k > 0
                && verb_word(k)
                && ((untagged && !plural_before_verb(k)) || crate::verbs::mistagged(view, k))
        })
        .collect();
    let chunks = chunks(view, &atoms, &stops);
    let mut mentions = group(view, chunks, headline);
    link_agents(view, &mut mentions);
    if !headline {
        learn_names(view, &atoms, &mentions, aliases);
    }
    add_pronouns(view, &mut mentions);
    mentions.sort_by_key(|m| m.start);
    mentions
}

fn actor_alts(dicts: &DictSet, id: u32, date: NaiveDate) -> Vec<(String, Why)> {
    let entry = &dicts.actors.entries[id as usize];
    let Some(code) = entry.code_on(date) else {
        return Vec::new();
    };
    code.split('/')
        .filter(|c| !c.is_empty())
        .map(|c| (guideline_code(c), Why::Actor(id)))
        .collect()
}

/// A dictionary actor code as the annotation guideline writes it
/// (`data/rules/actor-codes.tsv`: the European Union is `IGOEEC`, not `IGOEUREEC`).
fn guideline_code(code: &str) -> String {
    static TABLE: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        crate::rules::rows(include_str!("../../../data/rules/actor-codes.tsv"))
            .filter(|r| r.len() >= 2)
            .map(|r| (r[0].to_string(), r[1].to_string()))
            .collect()
    });
    match table
        .iter()
        .find(|(from, _)| code.starts_with(from.as_str()))
    {
        Some((from, to)) => format!("{to}{}", &code[from.len()..]),
        None => code.to_string(),
    }
}

/// Short names an article has introduced: after "Rinat Akhmetov", "Akhmetov" alone names
/// the same actor. Keyed by the upper-case last word of a multi-word name.
pub type Aliases = rustc_hash::FxHashMap<String, Vec<(String, Why)>>;

/// The codes of `word` (upper case) when it is, alone, a whole actor name.
fn one_word_actor(dicts: &DictSet, word: &str, date: NaiveDate) -> Option<Vec<(String, Why)>> {
    let id = dicts.lexicon.id(word)?;
    let (1, ids) = dicts.actors.trie.longest(&[Some(id)])? else {
        return None;
    };
    let alts: Vec<_> = ids
        .iter()
        .flat_map(|&id| actor_alts(dicts, id, date))
        .collect();
    (!alts.is_empty()).then(|| dedup(alts))
}

/// "Russians" for "Russian": a capitalised plural whose singular is a one-word actor.
fn plural_actor(
    view: &View,
    dicts: &DictSet,
    date: NaiveDate,
    i: usize,
) -> Option<Vec<(String, Why)>> {
    let singular = view.up(i).strip_suffix('S').filter(|s| s.len() >= 3)?;
    one_word_actor(dicts, singular, date)
}

fn atoms(view: &View, dicts: &DictSet, date: NaiveDate, aliases: &mut Aliases) -> Vec<Atom> {
    let n = view.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let actor = dicts
            .actors
            .trie
            .longest(&view.ids[i..])
            .filter(|(len, _)| {
                // Common words that happen to be actor names ("us", "chad") only count when
                // written as names.
                (i..i + len).any(|k| view.capitalised(k))
            });
        let agent = dicts.agents.trie.longest(&view.ids[i..]);
        let alen = actor.map_or(0, |a| a.0);
        let glen = agent.map_or(0, |g| g.0);
        // A one-word name the article has tied to someone (a ruler named in full before)
        // means them, not the dictionary's other bearer of the name.
        if alen == 1
            && view.capitalised(i)
            && let Some(alts) = aliases.get(view.up(i)).cloned()
        {
            out.push(Atom {
                start: i,
                end: i + 1,
                kind: AtomKind::Actor(alts),
            });
            i += 1;
            continue;
        }
        if alen > 0 && alen >= glen {
            let (len, ids) = actor.unwrap();
            let alts: Vec<_> = ids
                .iter()
                .flat_map(|&id| actor_alts(dicts, id, date))
                .collect();
            if !alts.is_empty() {
                let alts = dedup(alts);
                // A full name teaches the article its short form.
                if len >= 2 && (i..i + len).all(|k| view.capitalised(k)) {
                    // "King Abdullah II", "Mohammed VI": a regnal number is no name; the
                    // name before it is.
                    let regnal = |w: &str| {
                        !w.is_empty()
                            && w.len() <= 4
                            && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
                    };
                    let mut last = view.up(i + len - 1);
                    let ruler = len >= 3 && regnal(last);
                    if ruler {
                        last = view.up(i + len - 2);
                    }
                    // A ruler's name teaches the article whom it means even where the
                    // dictionary knows another of that name ("Abdullah" after "King
                    // Abdullah II of Jordan").
                    if ruler
                        || dicts
                            .lexicon
                            .id(last)
                            .is_none_or(|id| dicts.actors.trie.longest(&[Some(id)]).is_none())
                    {
                        aliases.insert(last.to_string(), alts.clone());
                    }
                }
                out.push(Atom {
                    start: i,
                    end: i + len,
                    kind: AtomKind::Actor(alts),
                });
                i += len;
                continue;
            }
        }
        if glen > 0 {
            let (len, ids) = agent.unwrap();
            let e = &dicts.agents.entries[ids[0] as usize];
            out.push(Atom {
                start: i,
                end: i + len,
                kind: AtomKind::Agent {
                    code: e.code.clone(),
                    placement: e.placement,
                    entry: Why::Agent(ids[0]),
                },
            });
            i += len;
            continue;
        }
        let single = if view.capitalised(i) {
            hyphenated_actors(view, dicts, date, i)
                .or_else(|| plural_actor(view, dicts, date, i))
                .or_else(|| aliases.get(view.up(i)).cloned())
        } else {
            None
        };
        if let Some(alts) = single {
            out.push(Atom {
                start: i,
                end: i + 1,
                kind: AtomKind::Actor(alts),
            });
        }
        i += 1;
    }
    out
}

/// "former Nigerian envoy Daniel Okafor": a person's name that no dictionary knows, at the end of
/// a phrase whose actor is known, teaches the article its surname, so a later "Mr Okafor"
/// or "Okafor said" names the same actor. Only names of two to four capitalised words
/// count (one capitalised word is as often a place or an organisation), not after a
/// preposition or article ("in Lusaka", "the Interior Ministry"), and a surname the
/// article already knows keeps its first meaning.
fn learn_names(view: &View, atoms: &[Atom], mentions: &[Mention], aliases: &mut Aliases) {
    let covered = |k: usize| atoms.iter().any(|a| a.start <= k && k < a.end);
    let name_word = |k: usize| {
        let text = &view.tokens[k].text;
        text.chars().next().is_some_and(char::is_uppercase)
            && text.chars().any(char::is_lowercase)
            && text
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            && !covered(k)
    };
    for m in mentions {
        if m.kind != MentionKind::Named {
            continue;
        }
        for member in m.members.iter().filter(|mb| mb.has_actor()) {
            let mut k = member.start;
            while k < member.end {
                if !name_word(k) {
                    k += 1;
                    continue;
                }
                let start = k;
                while k < member.end && name_word(k) {
                    k += 1;
                }
                // "in Lusaka", "of the Interior": a place or an institution, not a person.
                let after_preposition =
                    start > 0 && matches!(view.pos(start - 1), Pos::Adp | Pos::Det);
                if !(2..=4).contains(&(k - start)) || after_preposition {
                    continue;
                }
                let last = view.up(k - 1);
                if last.len() < 3 || aliases.contains_key(last) {
                    continue;
                }
                aliases.insert(
                    last.to_string(),
                    vec![(
                        member.code(),
                        Why::Note("a name the article gave earlier with its actor".into()),
                    )],
                );
            }
        }
    }
}

fn dedup(mut alts: Vec<(String, Why)>) -> Vec<(String, Why)> {
    let mut seen = Vec::new();
    alts.retain(|(c, _)| {
        if seen.contains(c) {
            false
        } else {
            seen.push(c.clone());
            true
        }
    });
    alts
}

/// "Biden-Zelenskyy": a hyphenated token whose parts are two or more actors names each;
/// "Chad-led": the actor that leads.
fn hyphenated_actors(
    view: &View,
    dicts: &DictSet,
    date: NaiveDate,
    i: usize,
) -> Option<Vec<(String, Why)>> {
    let up = view.up(i);
    if !up.contains('-') || !view.capitalised(i) {
        return None;
    }
    // "the Chad-led force", "a Saudi-led coalition": the force is the leader's. (Not
    // "Iran-backed rebels": those who back a party are not that party.)
    if let Some(leader) = up.strip_suffix("-LED") {
        return one_word_actor(dicts, leader, date);
    }
    // "a British-flagged tanker", "a U.S.-owned ship": the vessel or firm is that
    // country's.
    if let Some(owner) = ["-FLAGGED", "-OWNED", "-REGISTERED"]
        .iter()
        .find_map(|s| up.strip_suffix(s))
    {
        return one_word_actor(dicts, owner, date);
    }
    let alts: Vec<(String, Why)> = up
        .split('-')
        .filter(|p| !p.is_empty())
        .filter_map(|part| one_word_actor(dicts, part, date).map(|a| a[0].clone()))
        .collect();
    let named = alts.len();
    (named >= 2).then(|| dedup(alts))
}

/// A noun-phrase chunk holding at least one atom.
struct Chunk {
    start: usize,
    end: usize,
    members: Vec<Member>,
    named: bool,
    /// The chunk is a name and nothing else ("US" in "US and British activists").
    bare: bool,
}

fn np_token(view: &View, i: usize) -> bool {
    let up = view.up(i);
    if up == "'S" || up == "'" || grammar::is_np_opener(up) {
        return true;
    }
    matches!(
        view.pos(i),
        Pos::Det | Pos::Adj | Pos::Noun | Pos::Propn | Pos::Num
    )
}

fn chunks(view: &View, atoms: &[Atom], stops: &[bool]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut a = 0;
    while a < atoms.len() {
        // Extend left from the first atom over noun-phrase words.
        let mut start = atoms[a].start;
        let floor = if a > 0 { atoms[a - 1].end } else { 0 };
        while start > floor
            && np_token(view, start - 1)
            && !stops.get(start - 1).copied().unwrap_or(false)
        {
            start -= 1;
        }
        // Take following atoms while only noun-phrase words come between.
        let mut b = a;
        let mut end = atoms[a].end;
        loop {
            let mut k = end;
            while k < view.len()
                && (b + 1 >= atoms.len() || k < atoms[b + 1].start)
                && np_token(view, k)
                && !stops.get(k).copied().unwrap_or(false)
            {
                k += 1;
            }
            if b + 1 < atoms.len() && k == atoms[b + 1].start {
                b += 1;
                end = atoms[b].end;
            } else {
                end = k;
                break;
            }
        }
        out.push(compose(start, end, &atoms[a..=b]));
        a = b + 1;
    }
    out
}

/// Composes the atoms of one noun phrase: the first actor is the base, agents add roles.
fn compose(start: usize, end: usize, atoms: &[Atom]) -> Chunk {
    let mut prefix = Vec::new();
    let mut suffix = Vec::new();
    let mut agent_entries = Vec::new();
    let mut base: Option<&Vec<(String, Why)>> = None;
    for atom in atoms {
        match &atom.kind {
            AtomKind::Actor(alts) => match base {
                None => base = Some(alts),
                // "Kenyan President William Ruto": a later, more specific code of the same
                // country (KENGOV after KEN) refines the first.
                Some(b)
                    if alts.len() == 1
                        && b.len() == 1
                        && alts[0].0.len() > b[0].0.len()
                        && alts[0].0.starts_with(&b[0].0) =>
                {
                    base = Some(alts)
                }
                Some(_) => {}
            },
            AtomKind::Agent {
                code,
                placement,
                entry,
            } => {
                match placement {
                    AgentPlacement::Prefix => prefix.push(code.clone()),
                    AgentPlacement::Suffix => suffix.push(code.clone()),
                }
                agent_entries.push(entry.clone());
            }
        }
    }
    let members = match base {
        Some(alts) => alts
            .iter()
            .map(|(code, entry)| {
                let mut entries = vec![entry.clone()];
                entries.extend(agent_entries.iter().cloned());
                Member {
                    base: code.clone(),
                    prefix: prefix.clone(),
                    suffix: suffix.clone(),
                    start,
                    end,
                    entries,
                }
            })
            .collect(),
        None => vec![Member {
            base: String::new(),
            prefix,
            suffix,
            start,
            end,
            entries: agent_entries,
        }],
    };
    let bare = matches!(atoms, [a] if a.start == start && a.end == end && matches!(a.kind, AtomKind::Actor(_)));
    Chunk {
        start,
        end,
        members,
        named: base.is_some(),
        bare,
    }
}

/// What separates two chunks, when they can belong to one compound or apposition.
#[derive(PartialEq)]
enum Sep {
    Comma,
    Coord,
}

/// The longest headline: longer "sentences" without final punctuation are text cut
/// elsewhere (a table, a caption), not a title.
const MAX_HEADLINE_TOKENS: usize = 20;

/// True for a headline: no sentence punctuation at its end and short ("Bolivia, miners'
/// union sign deal to end blockade"). Headlines write "and" as a comma.
pub fn headline(view: &View) -> bool {
    let n = view.len();
    (3..=MAX_HEADLINE_TOKENS).contains(&n)
        && !matches!(
            view.up(n - 1),
            "." | "!" | "?" | "\"" | "”" | "'" | "’" | ":" | ";" | ")" | "..." | "…"
        )
}

fn separator(view: &View, from: usize, to: usize, headline: bool) -> Option<Sep> {
    let words: Vec<&str> = (from..to).map(|i| view.up(i)).collect();
    match words.as_slice() {
        [","] if headline => Some(Sep::Coord),
        [","] => Some(Sep::Comma),
        ["AND"] | ["OR"] | ["NOR"] | ["&"] | [",", "AND"] | [",", "OR"] | [",", "NOR"] => {
            Some(Sep::Coord)
        }
        ["AS", "WELL", "AS"] => Some(Sep::Coord),
        _ => None,
    }
}

fn group(view: &View, chunks: Vec<Chunk>, headline: bool) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chunks.len() {
        let mut j = i;
        let mut seps = Vec::new();
        while j + 1 < chunks.len() {
            match separator(view, chunks[j].end, chunks[j + 1].start, headline) {
                Some(s) => {
                    seps.push(s);
                    j += 1;
                }
                None => break,
            }
        }
        let run = &chunks[i..=j];
        if seps.contains(&Sep::Coord) {
            // A list ending in a coordinator: a compound. Members after the last
            // coordinator that is followed by more commas start a new list.
            let last = seps.iter().rposition(|s| *s == Sep::Coord).unwrap();
            let take = &run[..=last + 1];
            // "US and British activists": bare names before the last conjunct share its
            // head noun's role; a bare country only, never a person or body with a role
            // of its own ("Salva Kiir and rebel commander Riek Machar").
            let shared: Vec<String> = take
                .last()
                .filter(|c| c.named)
                .and_then(|c| c.members.first())
                .map(|m| m.suffix.clone())
                .unwrap_or_default();
            let mut members: Vec<Member> = Vec::new();
            for (k, c) in take.iter().enumerate() {
                let share = k + 1 < take.len() && c.bare;
                for m in &c.members {
                    let mut m = m.clone();
                    if share && m.suffix.is_empty() && m.base.len() == 3 {
                        m.suffix = shared.clone();
                    }
                    members.push(m);
                }
            }
            let named = take.iter().any(|c| c.named);
            out.push(Mention {
                start: take[0].start,
                end: take[take.len() - 1].end,
                members,
                kind: if named {
                    MentionKind::Named
                } else {
                    MentionKind::AgentOnly
                },
                how: "compound",
                anchored: false,
            });
            i += last + 2;
        } else if run.len() >= 2 && run[0].named && run[1].named && same_country(&run[0], &run[1]) {
            // "Ukraine's president, Volodymyr Zelenskyy": one actor named twice; keep the
            // more specific code.
            let best = if code_len(&run[1]) > code_len(&run[0]) {
                &run[1]
            } else {
                &run[0]
            };
            out.push(Mention {
                start: run[0].start,
                end: run[1].end,
                members: best.members.clone(),
                kind: MentionKind::Named,
                how: "apposition",
                anchored: false,
            });
            i += 2;
        } else {
            let c = &run[0];
            out.push(Mention {
                start: c.start,
                end: c.end,
                members: c.members.clone(),
                kind: if c.named {
                    MentionKind::Named
                } else {
                    MentionKind::AgentOnly
                },
                how: "phrase",
                anchored: false,
            });
            i += 1;
        }
    }
    out
}

fn code_len(c: &Chunk) -> usize {
    c.members.first().map_or(0, |m| m.code().len())
}

fn same_country(a: &Chunk, b: &Chunk) -> bool {
    let ca = a
        .members
        .first()
        .map(|m| m.base.get(..3).unwrap_or("").to_string());
    let cb = b
        .members
        .first()
        .map(|m| m.base.get(..3).unwrap_or("").to_string());
    ca.is_some() && ca == cb
}

/// "Soldiers from Gondor", "the ambassadors of Arnor, Osgiliath and Gondor": an agent-only
/// mention followed by a linking preposition and a named mention becomes the named actors
/// with the agents' roles.
fn link_agents(view: &View, mentions: &mut Vec<Mention>) {
    let mut i = 0;
    while i + 1 < mentions.len() {
        let (a, b) = (&mentions[i], &mentions[i + 1]);
        // "a spokesman *for* the ministry" speaks as the ministry.
        let spokes = view.up(a.end) == "FOR" && view.up(a.end - 1).starts_with("SPOKES");
        let linked = a.kind == MentionKind::AgentOnly
            && b.kind == MentionKind::Named
            && b.start == a.end + 1
            && (grammar::is_agent_linker(view.up(a.end)) || spokes);
        if linked {
            let mut members = Vec::new();
            for ag in &a.members {
                for act in b.members.iter().filter(|m| m.has_actor()) {
                    let mut m = act.clone();
                    m.prefix = ag.prefix.iter().chain(act.prefix.iter()).cloned().collect();
                    m.suffix = act.suffix.iter().chain(ag.suffix.iter()).cloned().collect();
                    m.entries.extend(ag.entries.iter().cloned());
                    m.start = a.start;
                    members.push(m);
                }
            }
            let merged = Mention {
                start: a.start,
                end: b.end,
                members,
                kind: MentionKind::Named,
                how: "agent-of",
                anchored: false,
            };
            mentions.splice(i..i + 2, [merged]);
        }
        i += 1;
    }
}

fn add_pronouns(view: &View, mentions: &mut Vec<Mention>) {
    for i in 0..view.len() {
        if view.pos(i) == Pos::Pron && grammar::is_actor_pronoun(view.up(i)) {
            if mentions.iter().any(|m| m.start <= i && i < m.end) {
                continue;
            }
            mentions.push(Mention {
                start: i,
                end: i + 1,
                members: Vec::new(),
                kind: MentionKind::Pronoun,
                how: "pronoun",
                anchored: false,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agent_codes_are_not_doubled() {
        let m = Member {
            base: "HGWGOVMED".into(),
            prefix: vec![],
            suffix: vec!["GOVMED".into()],
            start: 0,
            end: 1,
            entries: vec![],
        };
        assert_eq!(m.code(), "HGWGOVMED");
        let m = Member {
            base: "ARN".into(),
            prefix: vec!["NGO".into()],
            suffix: vec!["GOV".into()],
            ..m
        };
        assert_eq!(m.code(), "NGOARNGOV");
        let m = Member {
            base: String::new(),
            prefix: vec![],
            suffix: vec!["GOV".into()],
            ..m
        };
        assert_eq!(m.code(), "---GOV");
    }
}
