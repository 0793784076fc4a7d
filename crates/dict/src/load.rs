//! Loading a whole dictionary set: from texts, from files, or the production set built
//! into the binary.

use crate::actors::ActorReader;
use crate::agents::AgentReader;
use crate::discards::read_discards;
use crate::error::DictError;
use crate::source::{Sink, Src};
use crate::stats::LoadStats;
use crate::types::{DictFile, DictSet, LoadOptions};
use crate::verbs::VerbReader;
use crate::vocab::Vocab;
use std::path::{Path, PathBuf};

/// File names of the production set, as shipped in `data/dict/` and embedded in the binary.
pub mod default_names {
    /// The verb dictionaries, in load order: PETRARCH2's, then Vigil's own additions
    /// (verbs news uses that it lacks).
    pub const VERBS: [&str; 2] = ["CAMEO.2.0.txt", "Vigil.additions.verbs.txt"];
    /// The actor dictionaries, in load order: the three Phoenix files, then Vigil's own
    /// additions (recent leaders and institutions).
    pub const ACTORS: [&str; 4] = [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
        "Vigil.additions.actors.txt",
    ];
    /// The agent dictionaries, in load order: Phoenix's, then Vigil's own additions
    /// (group nouns news uses that it lacks).
    pub const AGENTS: [&str; 2] = ["Phoenix.agents.txt", "Vigil.additions.agents.txt"];
    /// The discard list.
    pub const DISCARDS: &str = "Phoenix.discards.txt";
}

/// The production texts, embedded at compile time.
const EMBEDDED_VERBS: [&str; 2] = [
    include_str!("../../../data/dict/CAMEO.2.0.txt"),
    include_str!("../../../data/dict/Vigil.additions.verbs.txt"),
];
const EMBEDDED_ACTORS: [&str; 4] = [
    include_str!("../../../data/dict/Phoenix.Countries.actors.txt"),
    include_str!("../../../data/dict/Phoenix.International.actors.txt"),
    include_str!("../../../data/dict/Phoenix.MilNonState.actors.txt"),
    include_str!("../../../data/dict/Vigil.additions.actors.txt"),
];
const EMBEDDED_AGENTS: [&str; 2] = [
    include_str!("../../../data/dict/Phoenix.agents.txt"),
    include_str!("../../../data/dict/Vigil.additions.agents.txt"),
];
const EMBEDDED_DISCARDS: &str = include_str!("../../../data/dict/Phoenix.discards.txt");

impl DictFile {
    /// A dictionary text under a name (used in diagnostics and provenance).
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> DictFile {
        DictFile {
            name: name.into(),
            text: text.into(),
        }
    }

    /// Reads a file; its name is the path as given. Invalid UTF-8 (a few old files are in
    /// Latin-1) is replaced rather than refused, since it only occurs in names and comments.
    pub fn read(path: impl AsRef<Path>) -> Result<DictFile, DictError> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| DictError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        };
        Ok(DictFile {
            name: path.display().to_string(),
            text,
        })
    }
}

/// The four lists of files that make a dictionary set.
#[derive(Clone, Debug, Default)]
pub struct DictSources {
    /// Verb dictionaries.
    pub verbs: Vec<DictFile>,
    /// Actor dictionaries, merged in order.
    pub actors: Vec<DictFile>,
    /// Agent dictionaries.
    pub agents: Vec<DictFile>,
    /// Discard lists.
    pub discards: Vec<DictFile>,
}

impl DictSources {
    /// The production set embedded in the binary, under its file names. Users who add
    /// their own files can start from this and push theirs.
    pub fn embedded() -> DictSources {
        use default_names as n;
        DictSources {
            verbs: n::VERBS
                .iter()
                .zip(EMBEDDED_VERBS)
                .map(|(name, text)| DictFile::new(*name, text))
                .collect(),
            actors: n::ACTORS
                .iter()
                .zip(EMBEDDED_ACTORS)
                .map(|(name, text)| DictFile::new(*name, text))
                .collect(),
            agents: n::AGENTS
                .iter()
                .zip(EMBEDDED_AGENTS)
                .map(|(name, text)| DictFile::new(*name, text))
                .collect(),
            discards: vec![DictFile::new(n::DISCARDS, EMBEDDED_DISCARDS)],
        }
    }

    /// The production file names read from `dir` (for example an edited copy of
    /// `data/dict/`). The Vigil additions file is optional, so a plain PETRARCH2
    /// dictionary directory loads too.
    pub fn from_dir(dir: &Path) -> Result<DictSources, DictError> {
        use default_names as n;
        let read = |name: &str| DictFile::read(dir.join(name));
        let mut actors = Vec::new();
        for name in n::ACTORS {
            let path: PathBuf = dir.join(name);
            if name == n::ACTORS[3] && !path.exists() {
                continue;
            }
            actors.push(DictFile::read(&path)?);
        }
        let mut verbs = vec![read(n::VERBS[0])?];
        if dir.join(n::VERBS[1]).exists() {
            verbs.push(read(n::VERBS[1])?);
        }
        let mut agents = vec![read(n::AGENTS[0])?];
        if dir.join(n::AGENTS[1]).exists() {
            agents.push(read(n::AGENTS[1])?);
        }
        Ok(DictSources {
            verbs,
            actors,
            agents,
            discards: vec![read(n::DISCARDS)?],
        })
    }

    /// The texts of every file, verbs first.
    pub fn all_texts(&self) -> impl Iterator<Item = &str> {
        let lists = [&self.verbs, &self.actors, &self.agents, &self.discards];
        lists.into_iter().flatten().map(|f| f.text.as_str())
    }

    /// Reads lists of paths.
    pub fn from_paths<P: AsRef<Path>>(
        verbs: &[P],
        actors: &[P],
        agents: &[P],
        discards: &[P],
    ) -> Result<DictSources, DictError> {
        let read = |ps: &[P]| ps.iter().map(DictFile::read).collect::<Result<Vec<_>, _>>();
        Ok(DictSources {
            verbs: read(verbs)?,
            actors: read(actors)?,
            agents: read(agents)?,
            discards: read(discards)?,
        })
    }
}

impl DictSet {
    /// Loads a dictionary set. Files of each kind are merged in the order given; all words
    /// go through one [`crate::Lexicon`]. A malformed line is skipped with a warning in
    /// [`DictSet::warnings`], or is an error when `opts.strict`.
    pub fn load(
        verbs: &[DictFile],
        actors: &[DictFile],
        agents: &[DictFile],
        discards: &[DictFile],
        opts: LoadOptions,
    ) -> Result<DictSet, DictError> {
        Self::load_with_stats(verbs, actors, agents, discards, opts).map(|(set, _)| set)
    }

    /// Like [`DictSet::load`], also returning what was counted in each file.
    pub fn load_with_stats(
        verbs: &[DictFile],
        actors: &[DictFile],
        agents: &[DictFile],
        discards: &[DictFile],
        opts: LoadOptions,
    ) -> Result<(DictSet, LoadStats), DictError> {
        load_srcs(
            &srcs(verbs),
            &srcs(actors),
            &srcs(agents),
            &srcs(discards),
            opts,
        )
    }

    /// Loads a set given as [`DictSources`].
    pub fn from_sources(sources: &DictSources, opts: LoadOptions) -> Result<DictSet, DictError> {
        Self::load(
            &sources.verbs,
            &sources.actors,
            &sources.agents,
            &sources.discards,
            opts,
        )
    }

    /// The production set built into the binary: verbs `CAMEO.2.0.txt`; actors
    /// Phoenix Countries, International, MilNonState and Vigil's additions; agents
    /// `Phoenix.agents.txt` and Vigil's additions; discards `Phoenix.discards.txt`. It
    /// loads without warnings.
    pub fn default_set(opts: LoadOptions) -> Result<DictSet, DictError> {
        use default_names as n;
        let one = |name, text| [Src { name, text }];
        let actors: Vec<Src<'_>> = n::ACTORS
            .iter()
            .zip(EMBEDDED_ACTORS)
            .map(|(name, text)| Src { name, text })
            .collect();
        let verbs: Vec<Src<'_>> = n::VERBS
            .iter()
            .zip(EMBEDDED_VERBS)
            .map(|(name, text)| Src { name, text })
            .collect();
        let agents: Vec<Src<'_>> = n::AGENTS
            .iter()
            .zip(EMBEDDED_AGENTS)
            .map(|(name, text)| Src { name, text })
            .collect();
        load_srcs(
            &verbs,
            &actors,
            &agents,
            &one(n::DISCARDS, EMBEDDED_DISCARDS),
            opts,
        )
        .map(|(set, _)| set)
    }

    /// The production file names read from `dir` (see [`DictSources::from_dir`]).
    pub fn from_dir(dir: &Path, opts: LoadOptions) -> Result<DictSet, DictError> {
        Self::from_sources(&DictSources::from_dir(dir)?, opts)
    }
}

/// Borrows files as sources.
fn srcs(files: &[DictFile]) -> Vec<Src<'_>> {
    files.iter().map(Src::from).collect()
}

/// Loads a set from borrowed texts.
fn load_srcs(
    verbs: &[Src<'_>],
    actors: &[Src<'_>],
    agents: &[Src<'_>],
    discards: &[Src<'_>],
    opts: LoadOptions,
) -> Result<(DictSet, LoadStats), DictError> {
    {
        let mut set = DictSet::default();
        let mut stats = LoadStats::default();
        let mut sink = Sink::new(opts.strict);
        let mut vocab = Vocab::new(std::mem::take(&mut set.lexicon));

        let mut verb_reader = VerbReader::default();
        for f in verbs {
            stats
                .files
                .push(verb_reader.read(*f, &mut vocab, &mut set.verbs, &mut sink)?);
        }
        verb_reader.finish(&mut vocab, &mut set.verbs, &mut sink, &mut stats.files)?;

        let mut actor_reader = ActorReader::default();
        for f in actors {
            stats
                .files
                .push(actor_reader.read(*f, &mut vocab, &mut set.actors, &mut sink)?);
        }
        let mut agent_reader = AgentReader::default();
        for f in agents {
            stats
                .files
                .push(agent_reader.read(*f, &mut vocab, &mut set.agents, &mut sink)?);
        }
        for f in discards {
            stats
                .files
                .push(read_discards(*f, &mut vocab, &mut set.discards, &mut sink)?);
        }
        set.lexicon = vocab.lex;
        // Report in file order, then line order (patterns are checked after all files).
        let order: Vec<&str> = stats.files.iter().map(|f| f.name.as_str()).collect();
        let rank = |file: &str| order.iter().position(|n| *n == file).unwrap_or(usize::MAX);
        sink.warnings
            .sort_by_key(|d| (rank(&d.origin.file), d.origin.line));
        set.warnings = sink.warnings;
        Ok((set, stats))
    }
}
