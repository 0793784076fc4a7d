use crate::Span;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One side of an event (source or target) and how it was found.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ActorRef {
    /// CAMEO actor code (`RUSGOV`, `IGOWSTNAT`); empty when the side is unknown.
    pub code: String,
    /// The words in the sentence that name the actor (for a pronoun, the pronoun).
    pub text: String,
    /// Byte span of those words in the record text; `None` when the actor came from
    /// context outside the sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// The dictionary entries that produced the code (`file:line PHRASE`), actor first,
    /// then agents.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<String>,
    /// The rule that assigned this role (`subject`, `object`, `pp:with`, `passive-by`,
    /// `coref:he`, `compound`, …).
    pub rule: String,
}

/// Why an event was coded: everything a user needs to check or correct it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    /// The sentence text, as it appears in the record.
    pub sentence_text: String,
    /// Byte span of the sentence in the record text.
    pub sentence_span: Span,
    /// Source actor and how it was found.
    pub source: ActorRef,
    /// Target actor and how it was found.
    pub target: ActorRef,
    /// Byte span of the verb (or verb phrase) that triggered the event.
    pub verb_span: Span,
    /// The verb words as written.
    pub verb_text: String,
    /// The verb dictionary entry (`file:line VERB`) that matched.
    pub verb_entry: String,
    /// The pattern that fired (`file:line - * (TO) [042:043]`), or `default` when the verb's
    /// default code applied.
    pub pattern: String,
    /// Modifiers applied on top of the pattern (negation, modality, passive, reported
    /// speech …), in the order they were applied.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<String>,
    /// Who reported the event, when it was embedded in reported speech (`Kremlin`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_by: Option<ActorRef>,
}

/// A coded event, as `vigil code` prints it (one JSON object per event).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The record id, verbatim.
    pub id: String,
    /// 0-based index of the sentence within the record's text.
    pub sentence: usize,
    /// Source actor code, `""` when none.
    pub source: String,
    /// Target actor code, `""` when none.
    pub target: String,
    /// CAMEO event code as text (`036`, `1312`, or a suite's pre-CAMEO code such as `174K`).
    pub code: String,
    /// The two-digit CAMEO root (`03`).
    pub root: String,
    /// QuadClass 1–4, when the code is a CAMEO code.
    pub quad: Option<u8>,
    /// Goldstein score, when the code is a CAMEO code.
    pub goldstein: Option<f32>,
    /// Publication date.
    pub date: NaiveDate,
    /// Why the event was coded.
    pub provenance: Provenance,
}
