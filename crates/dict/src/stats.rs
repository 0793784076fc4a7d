//! Counts of what was read from each file, for checking a reader against a file's
//! documentation and for telling users what their files contributed.

/// The kind of a dictionary file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictKind {
    /// A verb dictionary.
    Verbs,
    /// An actor dictionary.
    Actors,
    /// An agent dictionary.
    Agents,
    /// A discard list.
    Discards,
}

/// Counts for one file. Keys by kind:
///
/// * verbs: `synsets` (`&` lines), `synset_members` (`+` lines in sets), `blocks`,
///   `verb_lines`, `phrasal_verb_lines`, `verb_forms` (forms indexed), `pattern_lines`,
///   `patterns` (compiled; more than the lines when `{&SET …}` or `A/B` were expanded),
///   `transformations`.
/// * actors: `roots`, `synonyms`, `code_lines` (lines starting with `[`), `codes` (all
///   `[...]` groups read), `dated_codes`, `entries` (new entries), `merged_roots` (roots
///   seen before), `grouped_roots` (root lines joined to the codeless root before them).
/// * agents: `substitution_sets`, `agent_lines`, `prefix_codes`, `suffix_codes`,
///   `entries`, `plurals`.
/// * discards: `discards`, `story_discards`.
#[derive(Clone, Debug)]
pub struct FileStats {
    /// The file's name as loaded.
    pub name: String,
    /// What the file is.
    pub kind: DictKind,
    /// The counts, in the order they were first counted.
    pub counts: Vec<(&'static str, usize)>,
}

impl FileStats {
    /// Empty counts for a file.
    pub fn new(name: &str, kind: DictKind) -> FileStats {
        FileStats {
            name: name.to_string(),
            kind,
            counts: Vec::new(),
        }
    }

    /// The count under `key` (0 when never counted).
    pub fn get(&self, key: &str) -> usize {
        self.counts
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(0, |(_, n)| *n)
    }

    /// Adds `n` to `key`. Called for every line, so a short list scanned by address
    /// (keys are literals) beats a map.
    pub(crate) fn add(&mut self, key: &'static str, n: usize) {
        let slot = self
            .counts
            .iter_mut()
            .find(|(k, _)| std::ptr::eq(*k, key) || *k == key);
        match slot {
            Some((_, count)) => *count += n,
            None => self.counts.push((key, n)),
        }
    }
}

/// Counts for every file of a load, in load order.
#[derive(Clone, Debug, Default)]
pub struct LoadStats {
    /// One entry per file.
    pub files: Vec<FileStats>,
}

impl LoadStats {
    /// The counts of the file loaded under `name`.
    pub fn file(&self, name: &str) -> Option<&FileStats> {
        self.files.iter().find(|f| f.name == name)
    }
}
