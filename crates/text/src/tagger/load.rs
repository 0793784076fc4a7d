//! Reading the model file (`{"classes", "tagdict", "vocabulary", "weights"}`) straight
//! into flat tables.
//!
//! The JSON is streamed through serde visitors rather than parsed into nested maps: the
//! weights are 66,000 features with 211,000 entries, and building a `HashMap<String,
//! HashMap<String, f64>>` first would triple the load time for nothing. Labels are
//! interned as they come (the file need not list `classes` first) and resolved to class
//! indices afterwards.

use super::features::{START, Template, str_hash};
use rustc_hash::FxHashMap;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

/// Why a model file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum TaggerError {
    /// The gzip stream is corrupt.
    #[error("tagger model is not valid gzip: {0}")]
    Gzip(#[from] std::io::Error),
    /// The JSON does not have the expected shape.
    #[error("tagger model is not valid JSON of the expected shape: {0}")]
    Json(#[from] serde_json::Error),
    /// The model is not UTF-8.
    #[error("tagger model is not UTF-8: {0}")]
    Utf8(#[from] std::str::Utf8Error),
    /// The JSON parses but the model is unusable.
    #[error("tagger model is inconsistent: {0}")]
    Model(String),
}

/// The model as read, with labels as interned ids (in order of first appearance).
pub(crate) struct RawModel {
    /// The `classes` list, if present.
    pub classes: Option<Vec<String>>,
    /// Every label name seen anywhere; `labels[0]` is the start tag `<s>`.
    pub labels: Vec<String>,
    label_ids: FxHashMap<String, u16>,
    /// Direct-mapped cache in front of `label_ids` (ids + 1; 0 is empty): 211,000 weight
    /// entries name one of twenty labels, so this saves most of the hashing.
    label_cache: [u16; 256],
    /// `tagdict`: word → interned label.
    pub tagdict: Vec<(u32, u16)>,
    /// One per feature in file order.
    pub features: Vec<RawFeature>,
    /// Weight entries of all features, `features[i].entries` indexing into it.
    pub entries: Vec<(u16, f64)>,
    /// The words named by word features and the tag dictionary.
    pub words: Words,
}

/// A feature string, parsed: template and parts, with tag parts still interned labels.
pub(crate) struct RawFeature {
    pub template: Template,
    pub a: Part,
    pub b: Part,
    pub entries: std::ops::Range<u32>,
}

/// One part of a feature.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    None,
    /// A word piece or shape, by hash.
    Str(u64),
    /// A whole word, by index into [`RawModel::words`].
    Word(u32),
    /// A tag, by interned label id.
    Label(u16),
}

/// Distinct words with their hashes, in one string.
#[derive(Default)]
pub(crate) struct Words {
    index: FxHashMap<u64, u32>,
    text: String,
    ends: Vec<u32>,
    hashes: Vec<u64>,
}

impl Words {
    /// The index of `word`, added if new.
    pub fn add(&mut self, word: &str) -> u32 {
        let h = str_hash(word);
        let next = self.ends.len() as u32;
        // Distinct words of the shipped model have distinct hashes (a test checks); the
        // tagger compares the text of every word it finds, so a collision in another
        // model could only make a word unknown, never mistake one word for another.
        let i = *self.index.entry(h).or_insert(next);
        if i == next {
            self.text.push_str(word);
            self.ends.push(self.text.len() as u32);
            self.hashes.push(h);
        }
        i
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The text of word `i`.
    pub fn get(&self, i: u32) -> &str {
        let start = if i == 0 {
            0
        } else {
            self.ends[i as usize - 1] as usize
        };
        &self.text[start..self.ends[i as usize] as usize]
    }

    /// The hash of word `i`.
    pub fn hash(&self, i: u32) -> u64 {
        self.hashes[i as usize]
    }

    /// Splits into the hash → index map, the text and the end offsets.
    pub fn into_parts(self) -> (FxHashMap<u64, u32>, String, Vec<u32>) {
        (self.index, self.text, self.ends)
    }
}

impl RawModel {
    fn new() -> RawModel {
        let mut m = RawModel {
            classes: None,
            labels: Vec::new(),
            label_ids: FxHashMap::default(),
            label_cache: [0; 256],
            tagdict: Vec::new(),
            features: Vec::with_capacity(1 << 16),
            entries: Vec::with_capacity(1 << 18),
            words: Words::default(),
        };
        m.words.index.reserve(1 << 15);
        m.intern(START);
        m
    }

    fn intern(&mut self, label: &str) -> u16 {
        let b = label.as_bytes();
        let slot = match b {
            [] => 0,
            [first, .., last] => {
                (usize::from(*first) * 7 + usize::from(*last) * 31 + b.len() * 131) & 255
            }
            [only] => usize::from(*only),
        };
        let cached = self.label_cache[slot];
        if cached != 0 && self.labels[usize::from(cached - 1)] == label {
            return cached - 1;
        }
        let id = match self.label_ids.get(label) {
            Some(&id) => id,
            None => {
                let id = self.labels.len() as u16;
                self.labels.push(label.to_owned());
                self.label_ids.insert(label.to_owned(), id);
                id
            }
        };
        self.label_cache[slot] = id + 1;
        id
    }

    /// Parses a feature string of the reference (`"t-1t-2 DET|- <s>"`).
    fn parse_feature(&mut self, feature: &str) -> Option<(Template, Part, Part)> {
        if feature == "bias" {
            return Some((Template::Bias, Part::None, Part::None));
        }
        let (name, rest) = feature.split_once(' ')?;
        Some(match name {
            // `t-1 TAG` and `t-1 w TAG word` share a prefix; tags contain no space, so
            // a rest of the form `w TAG word` is the second.
            "t-1" => match rest.strip_prefix("w ").and_then(|r| r.split_once(' ')) {
                Some((tag, word)) => (
                    Template::PrevTagWord,
                    Part::Label(self.intern(tag)),
                    Part::Word(self.words.add(word)),
                ),
                None => (
                    Template::PrevTag,
                    Part::Label(self.intern(rest)),
                    Part::None,
                ),
            },
            "t-2" => (
                Template::PrevPrevTag,
                Part::Label(self.intern(rest)),
                Part::None,
            ),
            "t-1t-2" => {
                let (t1, t2) = rest.split_once(' ')?;
                (
                    Template::PrevTags,
                    Part::Label(self.intern(t1)),
                    Part::Label(self.intern(t2)),
                )
            }
            _ => {
                let template = Template::of_word_feature(name)?;
                let part = if template.is_whole_word() {
                    Part::Word(self.words.add(rest))
                } else {
                    Part::Str(str_hash(rest))
                };
                (template, part, Part::None)
            }
        })
    }
}

/// Parses the model JSON.
pub(crate) fn parse(json: &[u8]) -> Result<RawModel, TaggerError> {
    // Validating UTF-8 once up front lets serde borrow every string without checking it.
    let json = std::str::from_utf8(json)?;
    let mut model = RawModel::new();
    let mut de = serde_json::Deserializer::from_str(json);
    de.deserialize_map(TopVisitor(&mut model))?;
    de.end()?;
    Ok(model)
}

/// A string, borrowed from the input when it has no escapes.
struct CowStr<'de>(Cow<'de, str>);

impl<'de> de::Deserialize<'de> for CowStr<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = CowStr<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(CowStr(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(CowStr(Cow::Owned(v.to_owned())))
            }
        }
        d.deserialize_str(V)
    }
}

struct TopVisitor<'m>(&'m mut RawModel);

impl<'de> Visitor<'de> for TopVisitor<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a tagger model object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(k) = map.next_key::<CowStr<'de>>()? {
            match &*k.0 {
                "classes" => self.0.classes = Some(map.next_value()?),
                "tagdict" => map.next_value_seed(TagdictSeed(self.0))?,
                "weights" => map.next_value_seed(WeightsSeed(self.0))?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

struct TagdictSeed<'m>(&'m mut RawModel);

impl<'de> DeserializeSeed<'de> for TagdictSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for TagdictSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a map from word to label")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some((word, label)) = map.next_entry::<CowStr<'de>, CowStr<'de>>()? {
            let id = self.0.intern(&label.0);
            let w = self.0.words.add(&word.0);
            self.0.tagdict.push((w, id));
        }
        Ok(())
    }
}

struct WeightsSeed<'m>(&'m mut RawModel);

impl<'de> DeserializeSeed<'de> for WeightsSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for WeightsSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a map from feature to label weights")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(feature) = map.next_key::<CowStr<'de>>()? {
            let start = self.0.entries.len() as u32;
            map.next_value_seed(RowSeed(self.0))?;
            let end = self.0.entries.len() as u32;
            let Some((template, a, b)) = self.0.parse_feature(&feature.0) else {
                return Err(de::Error::custom(format!(
                    "unknown feature `{}`",
                    feature.0
                )));
            };
            self.0.features.push(RawFeature {
                template,
                a,
                b,
                entries: start..end,
            });
        }
        Ok(())
    }
}

struct RowSeed<'m>(&'m mut RawModel);

impl<'de> DeserializeSeed<'de> for RowSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RowSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a map from label to weight")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some((label, weight)) = map.next_entry::<CowStr<'de>, f64>()? {
            let id = self.0.intern(&label.0);
            self.0.entries.push((id, weight));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_feature_form() {
        let json = br#"{"weights": {"bias": {"A": 1}, "t-1 w A x": {}, "t-1 A": {}, "t-2 <s>": {},
            "t-1t-2 A <s>": {}, "w+2 x": {}, "suf3 abc": {}}, "classes": ["A"]}"#;
        let m = parse(json).unwrap();
        let parts: Vec<(Template, Part, Part)> =
            m.features.iter().map(|f| (f.template, f.a, f.b)).collect();
        let a = m.label_ids["A"];
        assert_eq!(
            parts,
            [
                (Template::Bias, Part::None, Part::None),
                (Template::PrevTagWord, Part::Label(a), Part::Word(0)),
                (Template::PrevTag, Part::Label(a), Part::None),
                (Template::PrevPrevTag, Part::Label(0), Part::None),
                (Template::PrevTags, Part::Label(a), Part::Label(0)),
                (Template::NextNextWord, Part::Word(0), Part::None),
                (Template::Suffix3, Part::Str(str_hash("abc")), Part::None),
            ]
        );
        assert_eq!(m.words.get(0), "x");
        assert_eq!(m.entries, [(a, 1.0)]);
    }

    #[test]
    fn interning_survives_cache_conflicts() {
        let mut m = RawModel::new();
        let labels: Vec<String> = (0..600).map(|i| format!("L{i}")).collect();
        let ids: Vec<u16> = labels.iter().map(|l| m.intern(l)).collect();
        for (l, id) in labels.iter().zip(&ids) {
            assert_eq!(m.intern(l), *id);
            assert_eq!(&m.labels[*id as usize], l);
        }
    }
}
