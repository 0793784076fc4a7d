//! What the coder dropped and why, for `vigil eval --misses`.
//!
//! With [`CoderConfig::keep_filtered`](crate::CoderConfig::keep_filtered) the coder still
//! emits the acts that negation, a prediction or a discard phrase would drop, each with a
//! rule starting with [`FILTERED`]. They come after the sentence's other events and are
//! kept out of the context carried to later sentences (a discarded sentence is coded on a
//! copy of it), so the other events are exactly those coded without the flag.

use crate::{ArticleContext, Coder, Draft, Skip, view};
use vigil_dict::CodePair;

/// How the provenance rule of an event that the coder would have dropped begins:
/// `filtered: negation`, `filtered: prediction`, `filtered: discard <phrase>`.
pub const FILTERED: &str = "filtered: ";

impl Coder {
    /// Whether `text` holds a word that could name an act: a dictionary verb form, or in
    /// the CAMEO profile a noun naming a speech act. Without one nothing can be coded.
    pub fn has_event_word(&self, text: &str) -> bool {
        vigil_text::split_sentences(text).into_iter().any(|span| {
            let tokens = vigil_text::tokenize(text, span);
            let ids = view::word_ids(&tokens, &self.dicts);
            self.event_word(&tokens, &ids)
        })
    }

    /// What `modal` gives for an act it drops: nothing, or with `keep_filtered` the act
    /// unchanged, with a rule naming `why`.
    pub(crate) fn dropped(
        &self,
        pair: CodePair,
        why: &str,
        applied: &mut Vec<String>,
    ) -> Option<CodePair> {
        self.config.keep_filtered.then(|| {
            applied.push(format!("{FILTERED}{why}"));
            pair
        })
    }

    /// With `keep_filtered`: the rule naming the discard phrase that drops this sentence,
    /// here or earlier in the story (marking the story as discarded as coding would), or
    /// `None` when nothing drops it.
    pub(crate) fn kept_discard(
        &self,
        view: &view::View,
        ctx: &mut ArticleContext,
    ) -> Option<String> {
        if !self.config.keep_filtered {
            return None;
        }
        match self.discard(view) {
            Some(Skip::Story(why)) => {
                ctx.discarded = true;
                Some(format!("{FILTERED}discard {why}"))
            }
            Some(Skip::Sentence(why)) => Some(format!("{FILTERED}discard {why}")),
            None => ctx
                .discarded
                .then(|| format!("{FILTERED}discard (story discarded earlier)")),
        }
    }
}

/// Splits a sentence's drafts into those coded and those kept only for diagnostics
/// (`discard` marks every draft of a discarded sentence as such).
pub(crate) fn split_filtered(
    mut drafts: Vec<Draft>,
    discard: Option<&str>,
) -> (Vec<Draft>, Vec<Draft>) {
    if let Some(why) = discard {
        // The discard drops a sentence before anything else is decided, so its rule is
        // the first filter named.
        for d in &mut drafts {
            d.rules.insert(0, why.to_string());
        }
    }
    drafts
        .into_iter()
        .partition(|d| !d.rules.iter().any(|r| r.starts_with(FILTERED)))
}
