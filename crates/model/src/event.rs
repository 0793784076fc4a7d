use crate::{DatePrecision, Place, Span, TimeExpr};
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
    /// The actor's country or region as a CAMEO three-letter code (`RUS`, `WST`), when
    /// the code names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// Who asserts an event or a claim: the speaker of a quotation or of reported speech.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// The speaker as written (`Peskov`, `a Biden administration official`).
    pub speaker: String,
    /// The speaker's CAMEO actor code, empty when unknown.
    pub code: String,
    /// Byte span of the speaker's words; `None` when the speaker came from an earlier
    /// sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// True for unnamed speakers ("officials", "a senior diplomat", "sources").
    pub anonymous: bool,
    /// True when the words are quoted from the speaker.
    pub direct_quote: bool,
    /// The attributing words (`said`, `according to`, `have said`).
    pub cue: String,
    /// How the attribution was found (`reporting verb`, `according to`, `quotation`,
    /// `quotation: previous speaker`, `quotation: next sentence`).
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
    /// The time expression that dated the event, when one did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeExpr>,
    /// The words that placed the event, when a place did (`Crimea`, `near Ukraine`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_text: Option<String>,
}

/// A coded event, as `vigil code` prints it (one JSON object per event).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
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
    /// When the event happens or happened: the first day of the time the sentence gives
    /// for it, else the publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_date: Option<NaiveDate>,
    /// The last day of the event's time, when it is longer than a day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_date_end: Option<NaiveDate>,
    /// How precisely `event_date` is known (`day`, `month`, `year`, `range`).
    #[serde(default)]
    pub date_precision: DatePrecision,
    /// Where the event takes place (GDELT's ActionGeo), when the sentence says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Place>,
    /// Who asserts the event, when the article attributes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<Attribution>,
    /// Why the event was coded.
    pub provenance: Provenance,
}

impl Event {
    /// The event's date: `event_date`, else the publication date.
    pub fn when(&self) -> NaiveDate {
        self.event_date.unwrap_or(self.date)
    }
}
