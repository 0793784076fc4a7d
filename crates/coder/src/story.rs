//! Where a story is: the country of its dateline ("LA PAZ, Bolivia (Reuters) -"), the
//! country of the place the current sentence names ("in Belarus"), and the country the
//! article has named most. Acts whose other party the text leaves unnamed ("dozens were
//! detained", "gunmen killed four soldiers") and agents named without a country take it.

use crate::mentions::{Member, Mention, MentionKind, Why};
use crate::roles::country_of;
use crate::rules::Implied;
use crate::view::View;

/// What the article has said so far about the country it is in.
#[derive(Clone, Debug, Default)]
pub struct StoryPlace {
    /// The country of the dateline, when the first sentence opens with one.
    dateline: Option<String>,
    /// How often each country was named, in the order first named.
    named: Vec<(String, u32)>,
    /// The country of the place the current sentence names ("in Belarus", "in Minsk").
    here: Option<String>,
    /// Sentences seen.
    sentences: usize,
}

impl StoryPlace {
    /// Takes in one sentence's actor mentions (after pronouns are resolved) and those of
    /// its dateline, which the coder keeps out of the sentence's parties.
    pub fn observe(&mut self, view: &View, mentions: &[Mention], dateline: &[Mention]) {
        if self.sentences == 0 {
            self.dateline = dateline
                .iter()
                .filter(|m| m.kind == MentionKind::Named)
                .find_map(|m| m.members.iter().find_map(|x| country_of(&x.base)))
                .map(str::to_string);
            if let Some(c) = &self.dateline {
                self.named.push((c.clone(), 1));
            }
        }
        self.sentences += 1;
        self.here = None;
        for m in mentions {
            if m.kind != MentionKind::Named || m.anchored {
                continue;
            }
            for c in m.members.iter().filter_map(|x| country_of(&x.base)) {
                match self.named.iter_mut().find(|(k, _)| k == c) {
                    Some((_, n)) => *n += 1,
                    None => self.named.push((c.to_string(), 1)),
                }
            }
            // "in Belarus", "in the Belarusian capital": a place of the sentence. Only a bare
            // country code: "in Russia's parliament" is an actor, not a place.
            let after_in = m.start > 0
                && matches!(
                    view.up(m.start - 1),
                    "IN" | "INSIDE" | "ACROSS" | "THROUGHOUT"
                );
            if after_in
                && self.here.is_none()
                && let Some(x) = m.members.first()
                && x.base.len() == 3
                && x.suffix.is_empty()
                && let Some(c) = country_of(&x.base)
            {
                self.here = Some(c.to_string());
            }
        }
    }

    /// The country the story is in: the current sentence's place, else the one the
    /// article has named most, its dateline counting as one naming and winning a tie
    /// (else the first named). A dateline alone does not decide: a bureau's
    /// dateline often opens a story about another country it names throughout.
    pub fn country(&self) -> Option<&str> {
        if let Some(c) = self.here.as_deref() {
            return Some(c);
        }
        let mut best: Option<&(String, u32)> = None;
        for e in &self.named {
            let dateline = self.dateline.as_deref() == Some(e.0.as_str());
            if best.is_none_or(|b| e.1 > b.1 || (e.1 == b.1 && dateline)) {
                best = Some(e);
            }
        }
        best.map(|(c, _)| c.as_str())
    }

    /// The party `how` supplies from the story, with its provenance rule; `None` when the
    /// act needs it named or the story's country is unknown.
    pub fn implied(&self, how: &Implied) -> Option<(Vec<Member>, String)> {
        let country = self.country()?.to_string();
        let from = if self.here.is_some() {
            "the sentence's place"
        } else if self.dateline.as_deref() == Some(country.as_str()) {
            "the dateline"
        } else {
            "the article's most named country"
        };
        implied_in(&country, how, from)
    }
}

/// The party `how` implies in `country`, `from` saying how the country was chosen.
pub fn implied_in(country: &str, how: &Implied, from: &str) -> Option<(Vec<Member>, String)> {
    let role = match how {
        Implied::Never => return None,
        Implied::Country => None,
        Implied::Role(r) => Some(r.clone()),
    };
    let country = country.to_string();
    let why = format!(
        "implied by the act: {country}{} from {from}",
        role.as_deref().unwrap_or(""),
    );
    let member = Member {
        base: country,
        prefix: vec![],
        suffix: role.into_iter().collect(),
        start: 0,
        end: 0,
        entries: vec![Why::Note(why.clone().into())],
    };
    Some((vec![member], why))
}

/// The token where the record's dateline ends ("KYIV, Ukraine (AP) —"), when the sentence
/// is the one the dateline opens (`vigil_text::find_dateline`).
pub(crate) fn dateline_end(view: &View) -> Option<usize> {
    let first = view.tokens.first()?;
    let d = vigil_text::find_dateline(view.text)?;
    if first.span.start > d.place.start {
        return None;
    }
    view.tokens.iter().position(|t| t.span.start >= d.end)
}
