//! Exact-phrase queries on a loaded set, for tools, tests and explanations (the coder
//! itself walks the tries over sentence words).

use crate::types::{ActorEntry, AgentEntry, DictSet, Elem, PElem, Synset, VerbBlock, VerbForm};
use vigil_text::phrase_words;

impl DictSet {
    /// The actor entries named by exactly `phrase` (a root or a synonym; written as in a
    /// dictionary or as in text: `RUSSIAN_PRESIDENT`, `Russian president`).
    pub fn actors_named(&self, phrase: &str) -> Vec<&ActorEntry> {
        match self.lexicon.ids_of(&phrase_words(phrase)) {
            Some(ids) => self
                .actors
                .trie
                .get(&ids)
                .iter()
                .map(|&i| &self.actors.entries[i as usize])
                .collect(),
            None => Vec::new(),
        }
    }

    /// The agent entries named by exactly `phrase` (singular or plural).
    pub fn agents_named(&self, phrase: &str) -> Vec<&AgentEntry> {
        match self.lexicon.ids_of(&phrase_words(phrase)) {
            Some(ids) => self
                .agents
                .trie
                .get(&ids)
                .iter()
                .map(|&i| &self.agents.entries[i as usize])
                .collect(),
            None => Vec::new(),
        }
    }

    /// The verb forms whose inflected word is `word` (`MASSED`).
    pub fn verb_forms_of(&self, word: &str) -> Vec<&VerbForm> {
        let up = word.to_uppercase();
        let Some(id) = self.lexicon.id(&up) else {
            return Vec::new();
        };
        self.verbs.by_word.get(&id).map_or_else(Vec::new, |v| {
            v.iter().map(|&i| &self.verbs.forms[i as usize]).collect()
        })
    }

    /// The block a verb form belongs to.
    pub fn block_of(&self, form: &VerbForm) -> &VerbBlock {
        &self.verbs.blocks[form.block as usize]
    }

    /// A synonym set by name (`CURRENCY` or `&CURRENCY_`), with its id.
    pub fn synset(&self, name: &str) -> Option<(u32, &Synset)> {
        let key = crate::patterns::synset_key(name);
        self.verbs
            .synsets
            .iter()
            .enumerate()
            .find(|(_, s)| s.name == key)
            .map(|(i, s)| (i as u32, s))
    }
}

impl DictSet {
    /// Writes compiled pattern elements back in dictionary notation, for explanations:
    /// `$ * (AS &NEGOTIATOR) (IN TALK)`, with `_` where elements are joined.
    pub fn render_elems(&self, elems: &[PElem]) -> String {
        let mut out = String::new();
        for (i, e) in elems.iter().enumerate() {
            match &e.elem {
                Elem::Word(w) => out.push_str(self.lexicon.word(*w)),
                Elem::NounPhrase(ws) => {
                    out.push('{');
                    out.push_str(&self.lexicon.phrase(ws));
                    out.push('}');
                }
                Elem::Prep { prep, object } => {
                    out.push('(');
                    out.push_str(self.lexicon.word(*prep));
                    if !object.is_empty() {
                        out.push(' ');
                        out.push_str(&self.render_elems(object));
                    }
                    out.push(')');
                }
                Elem::Synset(id) => {
                    out.push('&');
                    out.push_str(
                        self.verbs
                            .synsets
                            .get(*id as usize)
                            .map_or("?", |s| s.name.as_str()),
                    );
                }
                Elem::Verb => out.push('*'),
                Elem::Source => out.push('$'),
                Elem::Target => out.push('+'),
                Elem::Skip => out.push('^'),
                Elem::Compound => out.push('%'),
            }
            if i + 1 < elems.len() {
                out.push(if e.glued { '_' } else { ' ' });
            }
        }
        out
    }
}
