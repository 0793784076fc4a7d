use crate::Span;
use serde::{Deserialize, Serialize};

/// Universal part-of-speech tag, with verbs and auxiliaries split by verb form
/// (finite, infinitive, participle, gerund), as the shipped tagger predicts them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum Pos {
    Adj,
    Adp,
    Adv,
    AuxFin,
    AuxInf,
    AuxPart,
    CConj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    SConj,
    VerbFin,
    VerbGer,
    VerbInf,
    VerbPart,
    /// Punctuation (the tagger never sees it; the tokenizer assigns it).
    Punct,
    /// Anything else.
    X,
}

impl Pos {
    /// Parses the tagger's `UPOS|VerbForm` label.
    pub fn from_label(label: &str) -> Pos {
        match label {
            "ADJ|-" => Pos::Adj,
            "ADP|-" => Pos::Adp,
            "ADV|-" => Pos::Adv,
            "AUX|Fin" => Pos::AuxFin,
            "AUX|Inf" => Pos::AuxInf,
            "AUX|Part" => Pos::AuxPart,
            "CCONJ|-" => Pos::CConj,
            "DET|-" => Pos::Det,
            "INTJ|-" => Pos::Intj,
            "NOUN|-" => Pos::Noun,
            "NUM|-" => Pos::Num,
            "PART|-" => Pos::Part,
            "PRON|-" => Pos::Pron,
            "PROPN|-" => Pos::Propn,
            "SCONJ|-" => Pos::SConj,
            "VERB|Fin" => Pos::VerbFin,
            "VERB|Ger" => Pos::VerbGer,
            "VERB|Inf" => Pos::VerbInf,
            "VERB|Part" => Pos::VerbPart,
            _ => Pos::X,
        }
    }

    /// True for any verb form (not auxiliaries).
    pub fn is_verb(self) -> bool {
        matches!(
            self,
            Pos::VerbFin | Pos::VerbGer | Pos::VerbInf | Pos::VerbPart
        )
    }

    /// True for auxiliaries of any form.
    pub fn is_aux(self) -> bool {
        matches!(self, Pos::AuxFin | Pos::AuxInf | Pos::AuxPart)
    }

    /// True for nouns and proper nouns.
    pub fn is_nominal(self) -> bool {
        matches!(self, Pos::Noun | Pos::Propn)
    }
}

/// One token of a sentence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Token {
    /// Byte span in the original record text.
    pub span: Span,
    /// The token's normalised text (curly quotes straightened, `’s` → `'s`, dashes unified),
    /// in its original case.
    pub text: String,
    /// Upper-case form, which is what dictionaries match against.
    pub upper: String,
    /// Part of speech; `Pos::X` until a tagger has run.
    pub pos: Pos,
}

impl Token {
    /// A token whose upper-case form is derived from `text`; `pos` starts as `X`
    /// (or `Punct` for punctuation).
    pub fn new(span: Span, text: impl Into<String>) -> Token {
        let text = text.into();
        let upper = text.to_uppercase();
        let pos = if !text.is_empty() && text.chars().all(|c| !c.is_alphanumeric()) {
            Pos::Punct
        } else {
            Pos::X
        };
        Token {
            span,
            text,
            upper,
            pos,
        }
    }

    /// True when the token is punctuation only.
    pub fn is_punct(&self) -> bool {
        self.pos == Pos::Punct
    }
}
