//! Part-of-speech tagging with an averaged perceptron.
//!
//! The model is the one shipped in `data/tagger/tagger.json.gz`: Honnibal's averaged
//! perceptron feature set (as in `textblob-aptagger`) trained by the denckring project on
//! the Universal Dependencies English Web Treebank, predicting joint `UPOS|VerbForm`
//! labels. The weights are licensed CC-BY-SA-4.0 (derived from UD English-EWT) and the
//! reference code Apache-2.0; see `data/tagger/NOTICE`, `LICENSE` and `LICENSE-UD`.
//!
//! This is a port of the reference inference (`denckring_en_pos/perceptron.py`) that
//! gives the same labels: same features, same order of summation in `f64`, same
//! tie-break. What differs is speed: features are named by 64-bit keys computed from
//! their parts (see [`features`]) instead of by strings built per token.

mod features;
mod load;

pub use load::TaggerError;

use features::{END, SHAPES, START, Template, first_char, key, shape, str_hash, suffix};
use load::Part;
use rustc_hash::FxHashMap;
use std::fmt;
use std::io::Read;
use std::sync::OnceLock;
use vigil_model::{Pos, Token};

/// The shipped model, gzip-compressed JSON.
static EMBEDDED_MODEL: &[u8] = include_bytes!("../../../../data/tagger/tagger.json.gz");

/// Most labels a model may have (scores live in a fixed array on the stack; label indices
/// are masked with `MAX_CLASSES - 1` to spare bounds checks).
const MAX_CLASSES: usize = 64;

/// A feature's weights: `entries[start..start + len]`. An unknown feature is an empty row,
/// which adds nothing, exactly as a feature missing from the reference's dictionary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Row {
    start: u32,
    len: u32,
    /// The weights are `dense[start * labels..][..labels]`, one per label, zero for labels
    /// the feature has no weight for (see [`Tagger::relayout`]).
    dense: bool,
}

/// Rows with at least this many weights are stored densely: adding a whole row of scores
/// at once is faster than scattering this many weights one by one.
const DENSE_MIN: u32 = 6;

/// One weight of a feature row.
#[derive(Clone, Copy, Debug)]
struct Entry {
    weight: f64,
    label: u32,
}

/// Slots of [`WordInfo::rows`]: the features that depend only on one word.
const SUFFIX3: usize = 0;
const SUFFIX2: usize = 1;
const SUFFIX1: usize = 2;
const PREFIX1: usize = 3;
const WORD: usize = 4;
const PREV_WORD: usize = 5;
const PREV_PREV_WORD: usize = 6;
const NEXT_WORD: usize = 7;
const NEXT_NEXT_WORD: usize = 8;
/// The templates of slots `WORD..=NEXT_NEXT_WORD`, in slot order.
const WORD_SLOTS: [Template; 5] = [
    Template::Word,
    Template::PrevWord,
    Template::PrevPrevWord,
    Template::NextWord,
    Template::NextNextWord,
];

/// Everything the model knows about one lower-cased word, resolved at load so that
/// tagging a known word costs one hash lookup instead of fifteen.
#[derive(Clone, Copy, Debug, Default)]
struct WordInfo {
    /// The word's fixed label, from the tag dictionary.
    tag: Option<u8>,
    /// Rows of the word's own features (suffixes, prefix, `w`) and of the features it
    /// gives its neighbours (`w-1` … `w+2`), indexed by the slot constants.
    rows: [Row; 9],
    /// Its `t-1 w` features: `prev_tag_words[start..start + len]`, as (tag, row).
    prev_tag_word: Row,
}

/// Averaged-perceptron POS tagger with the shipped weights.
///
/// # Example
/// ```
/// use vigil_model::{Pos, Span};
/// use vigil_text::{Tagger, tokenize};
/// let text = "Russia massed troops on the border.";
/// let mut tokens = tokenize(text, Span::new(0, text.len()));
/// Tagger::embedded().tag(&mut tokens);
/// assert_eq!(tokens[1].pos, Pos::VerbFin);
/// assert_eq!(tokens[6].pos, Pos::Punct);
/// ```
pub struct Tagger {
    /// Labels, sorted (the tie-break prefers the later one).
    labels: Vec<String>,
    /// `Pos` of each label.
    pos: Vec<Pos>,
    /// Suffix and prefix features by key, for words the model has never seen (those of
    /// known words are resolved in `words`).
    affixes: FxHashMap<u64, Row>,
    /// The weights of the sparse rows.
    entries: Vec<Entry>,
    /// The weights of the dense rows, `labels.len()` per row.
    dense: Vec<f64>,
    /// Hash of a lower-cased word → index into `words`.
    word_index: FxHashMap<u64, u32>,
    words: Vec<WordInfo>,
    /// The text of each of `words`, to rule out hash collisions: `word_text[word_ends[i -
    /// 1]..word_ends[i]]`.
    word_text: String,
    word_ends: Vec<u32>,
    prev_tag_words: Vec<(u8, Row)>,
    /// Rows of features that do not depend on the word, resolved once: `bias`, the
    /// shapes, the tag features indexed by tag id (`labels.len()` is the start tag
    /// `<s>`), and the context features at the sentence edges (`w-1 <s>` … `w+2 </s>`).
    bias: Row,
    shapes: [Row; 4],
    prev_tag: Vec<Row>,
    prev_prev_tag: Vec<Row>,
    prev_tags: Vec<Row>,
    edges: [Row; 4],
}

impl fmt::Debug for Tagger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Tagger")
            .field("labels", &self.labels)
            .field("affixes", &self.affixes.len())
            .field("words", &self.words.len())
            .field("weights", &self.entries.len())
            .finish()
    }
}

impl Tagger {
    /// The tagger with the weights embedded in the binary, loaded on first use.
    pub fn embedded() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(|| {
            Tagger::from_gzip_json(EMBEDDED_MODEL).expect("the embedded tagger model is valid")
        })
    }

    /// Loads a model in the reference's format from gzip-compressed JSON.
    pub fn from_gzip_json(gz: &[u8]) -> Result<Tagger, TaggerError> {
        // The gzip trailer holds the uncompressed size (mod 2^32): allocate once.
        let size_hint = gz.len().checked_sub(4).map_or(0, |i| {
            u32::from_le_bytes([gz[i], gz[i + 1], gz[i + 2], gz[i + 3]]) as usize
        });
        let mut json = Vec::with_capacity(size_hint.min(1 << 30));
        flate2::read::GzDecoder::new(gz).read_to_end(&mut json)?;
        Tagger::from_json(&json)
    }

    /// Loads a model in the reference's format (`classes`, `tagdict`, `weights`; other
    /// keys are ignored) from JSON.
    pub fn from_json(json: &[u8]) -> Result<Tagger, TaggerError> {
        let raw = load::parse(json)?;
        let bad = |m: String| TaggerError::Model(m);
        let mut labels = raw
            .classes
            .clone()
            .ok_or_else(|| bad("no `classes`".into()))?;
        labels.sort();
        labels.dedup();
        if labels.is_empty() || labels.len() > MAX_CLASSES {
            return Err(bad(format!(
                "{} classes (1 to {MAX_CLASSES} supported)",
                labels.len()
            )));
        }
        let n = labels.len();
        // Interned label id → tag id: a class index, `n` for `<s>`, `NO_TAG` otherwise.
        const NO_TAG: u8 = u8::MAX;
        let tag_of: Vec<u8> = raw
            .labels
            .iter()
            .map(|l| match labels.binary_search(l) {
                Ok(i) => i as u8,
                Err(_) if l == START => n as u8,
                Err(_) => NO_TAG,
            })
            .collect();
        let class_of = |id: u16| -> Result<u8, TaggerError> {
            let t = tag_of[id as usize];
            if (t as usize) < n {
                Ok(t)
            } else {
                Err(bad(format!(
                    "label `{}` is not a class",
                    raw.labels[id as usize]
                )))
            }
        };

        let tags = n + 1;
        let mut words = vec![WordInfo::default(); raw.words.len()];
        for &(w, label) in &raw.tagdict {
            words[w as usize].tag = Some(class_of(label)?);
        }
        let shape_hashes = SHAPES.map(str_hash);
        let (start_h, end_h) = (str_hash(START), str_hash(END));
        let mut tagger = Tagger {
            labels: Vec::new(),
            pos: labels.iter().map(|l| Pos::from_label(l)).collect(),
            affixes: FxHashMap::default(),
            entries: Vec::with_capacity(raw.entries.len()),
            dense: Vec::new(),
            word_index: FxHashMap::default(),
            words: Vec::new(),
            word_text: String::new(),
            word_ends: Vec::new(),
            prev_tag_words: Vec::new(),
            bias: Row::default(),
            shapes: [Row::default(); 4],
            prev_tag: vec![Row::default(); tags],
            prev_prev_tag: vec![Row::default(); tags],
            prev_tags: vec![Row::default(); tags * tags],
            edges: [Row::default(); 4],
        };
        // Each feature's row goes straight to where tagging will read it. Should a feature
        // repeat, the later one wins, as in a JSON object read by Python.
        let mut prev_tag_words: Vec<(u32, u8, Row)> = Vec::new();
        for f in &raw.features {
            let start = tagger.entries.len() as u32;
            for &(label, weight) in &raw.entries[f.entries.start as usize..f.entries.end as usize] {
                tagger.entries.push(Entry {
                    weight,
                    label: u32::from(class_of(label)?),
                });
            }
            let row = Row {
                start,
                len: tagger.entries.len() as u32 - start,
                dense: false,
            };
            let tag = |p: Part| match p {
                Part::Label(l) => Some(tag_of[l as usize]).filter(|&t| t != NO_TAG),
                _ => None,
            };
            match (f.template, f.a, f.b) {
                (Template::Bias, ..) => tagger.bias = row,
                (Template::Shape, Part::Str(h), _) => {
                    if let Some(i) = shape_hashes.iter().position(|&s| s == h) {
                        tagger.shapes[i] = row;
                    }
                }
                (
                    t @ (Template::Suffix3
                    | Template::Suffix2
                    | Template::Suffix1
                    | Template::Prefix1),
                    Part::Str(h),
                    _,
                ) => {
                    tagger.affixes.insert(key(t, h, 0), row);
                }
                (t, Part::Word(w), _) => {
                    let slot = WORD_SLOTS.iter().position(|&s| s == t);
                    if let Some(i) = slot {
                        words[w as usize].rows[WORD + i] = row;
                    }
                    // `<s>` and `</s>` are words to the reference: the sentence edges.
                    let h = raw.words.hash(w);
                    match t {
                        Template::PrevWord if h == start_h => tagger.edges[0] = row,
                        Template::PrevPrevWord if h == start_h => tagger.edges[1] = row,
                        Template::NextWord if h == end_h => tagger.edges[2] = row,
                        Template::NextNextWord if h == end_h => tagger.edges[3] = row,
                        _ => {}
                    }
                }
                (Template::PrevTag, a, _) => {
                    if let Some(t) = tag(a) {
                        tagger.prev_tag[t as usize] = row;
                    }
                }
                (Template::PrevPrevTag, a, _) => {
                    if let Some(t) = tag(a) {
                        tagger.prev_prev_tag[t as usize] = row;
                    }
                }
                (Template::PrevTags, a, b) => {
                    if let (Some(t1), Some(t2)) = (tag(a), tag(b)) {
                        tagger.prev_tags[t1 as usize * tags + t2 as usize] = row;
                    }
                }
                (Template::PrevTagWord, a, Part::Word(w)) => {
                    if let Some(t) = tag(a) {
                        prev_tag_words.push((w, t, row));
                    }
                }
                _ => {}
            }
        }
        // Group the `t-1 w` features by word; of a repeated (word, tag), keep the last.
        prev_tag_words.sort_by_key(|&(w, t, _)| (w, t));
        prev_tag_words.reverse();
        prev_tag_words.dedup_by_key(|&mut (w, t, _)| (w, t));
        prev_tag_words.reverse();
        tagger.prev_tag_words.reserve(prev_tag_words.len());
        for (w, t, row) in prev_tag_words {
            let info = &mut words[w as usize];
            if info.prev_tag_word.len == 0 {
                info.prev_tag_word.start = tagger.prev_tag_words.len() as u32;
            }
            info.prev_tag_word.len += 1;
            tagger.prev_tag_words.push((t, row));
        }
        for (i, info) in words.iter_mut().enumerate() {
            let word = raw.words.get(i as u32);
            info.rows[..4].copy_from_slice(&tagger.affix_rows(word));
        }
        let (word_index, word_text, word_ends) = raw.words.into_parts();
        tagger.words = words;
        tagger.word_index = word_index;
        tagger.word_text = word_text;
        tagger.word_ends = word_ends;
        tagger.labels = labels;
        tagger.relayout();
        Ok(tagger)
    }

    /// Moves the weights so that every row of one word (its `w`, `w±1`, `w±2` and `t-1 w`
    /// features) lies together. Tagging a token reads those rows of itself and its four
    /// neighbours, scattered over megabytes in the file's order; together they cost a cache
    /// miss or two per word instead of six. The entries of each row and their order are
    /// unchanged, so every score is summed exactly as before.
    ///
    /// Rows with many weights (the bias, tags, shapes, common suffixes) become dense: a
    /// label the row has no weight for gets `0.0`, and adding `0.0` leaves a score as it
    /// was, so the sums are still exact.
    fn relayout(&mut self) {
        let n = self.labels.len();
        let old = std::mem::take(&mut self.entries);
        let mut out: Vec<Entry> = Vec::with_capacity(old.len());
        let mut dense: Vec<f64> = Vec::new();
        let mut moved: FxHashMap<u32, (u32, bool)> = FxHashMap::default();
        let mut copy = |r: &mut Row| {
            if r.len == 0 {
                return;
            }
            let (start, is_dense) = *moved.entry(r.start).or_insert_with(|| {
                let weights = &old[r.start as usize..(r.start + r.len) as usize];
                if r.len >= DENSE_MIN {
                    let s = (dense.len() / n) as u32;
                    dense.resize(dense.len() + n, 0.0);
                    let row = &mut dense[s as usize * n..];
                    for e in weights {
                        row[e.label as usize] = e.weight;
                    }
                    (s, true)
                } else {
                    let s = out.len() as u32;
                    out.extend_from_slice(weights);
                    (s, false)
                }
            });
            r.start = start;
            r.dense = is_dense;
        };
        for info in &mut self.words {
            for r in &mut info.rows[WORD..] {
                copy(r);
            }
            let ptw = info.prev_tag_word;
            for (_, r) in
                &mut self.prev_tag_words[ptw.start as usize..(ptw.start + ptw.len) as usize]
            {
                copy(r);
            }
        }
        // Rows shared by many words: affixes (also cached in each word's first slots), bias,
        // shapes, tags and sentence edges.
        for r in self.affixes.values_mut() {
            copy(r);
        }
        for info in &mut self.words {
            for r in &mut info.rows[..WORD] {
                copy(r);
            }
        }
        copy(&mut self.bias);
        for r in self
            .shapes
            .iter_mut()
            .chain(&mut self.prev_tag)
            .chain(&mut self.prev_prev_tag)
            .chain(&mut self.prev_tags)
            .chain(&mut self.edges)
        {
            copy(r);
        }
        self.entries = out;
        self.dense = dense;
    }

    /// Rows of the suffix and prefix features of a lower-cased word, in slot order.
    fn affix_rows(&self, lower: &str) -> [Row; 4] {
        let row = |t: Template, part: &str| {
            self.affixes
                .get(&key(t, str_hash(part), 0))
                .copied()
                .unwrap_or_default()
        };
        [
            row(Template::Suffix3, suffix(lower, 3)),
            row(Template::Suffix2, suffix(lower, 2)),
            row(Template::Suffix1, suffix(lower, 1)),
            row(Template::Prefix1, first_char(lower)),
        ]
    }

    /// The model's labels (`"VERB|Fin"`), sorted.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Sets `pos` on every non-punctuation token (punctuation keeps `Pos::Punct`).
    ///
    /// The model was trained on text with punctuation removed, so the words of `tokens`
    /// are tagged as one sequence with the punctuation left out. Pass one sentence at a
    /// time: the features look two words to either side.
    pub fn tag(&self, tokens: &mut [Token]) {
        let idx: Vec<u32> = (0..tokens.len() as u32)
            .filter(|&i| tokens[i as usize].pos != Pos::Punct)
            .collect();
        let mut tags = Vec::with_capacity(idx.len());
        let word = |k: usize| tokens[idx[k] as usize].text.as_str();
        if title_case((0..idx.len()).map(word)) {
            // "Kenyan Police Arrest Opposition Activists": the model reads a capital as a
            // name, so every word is a proper noun. Words it knows are given to it as they
            // would be written in running text; the first keeps its capital as usual.
            let lowered: Vec<String> = (0..idx.len())
                .map(|k| {
                    let lower = word(k).to_lowercase();
                    if k > 0 && self.knows(&lower) {
                        lower
                    } else {
                        word(k).to_string()
                    }
                })
                .collect();
            self.tag_ids(lowered.len(), |k| lowered[k].as_str(), &mut tags);
        } else {
            self.tag_ids(idx.len(), word, &mut tags);
        }
        for (&i, t) in idx.iter().zip(tags) {
            tokens[i as usize].pos = self.pos[t as usize];
        }
    }

    /// Tags a sequence of words (no punctuation), returning the model's labels. This is
    /// the reference's `Tagger.tag`, useful to compare against it.
    pub fn tag_words<S: AsRef<str>>(&self, words: &[S]) -> Vec<&str> {
        let mut tags = Vec::with_capacity(words.len());
        self.tag_ids(words.len(), |k| words[k].as_ref(), &mut tags);
        tags.into_iter()
            .map(|t| self.labels[t as usize].as_str())
            .collect()
    }

    /// True when the model has seen the lower-cased word `lower`.
    fn knows(&self, lower: &str) -> bool {
        let Some(&i) = self.word_index.get(&str_hash(lower)) else {
            return false;
        };
        let start = if i == 0 {
            0
        } else {
            self.word_ends[i as usize - 1] as usize
        };
        &self.word_text[start..self.word_ends[i as usize] as usize] == lower
    }

    /// What the model knows about the lower-cased word `lower`.
    fn word_info(&self, lower: &str) -> WordInfo {
        if let Some(&i) = self.word_index.get(&str_hash(lower)) {
            let start = if i == 0 {
                0
            } else {
                self.word_ends[i as usize - 1] as usize
            };
            if &self.word_text[start..self.word_ends[i as usize] as usize] == lower {
                return self.words[i as usize];
            }
        }
        // A word the model never saw: only its suffixes and prefix may be known.
        let mut info = WordInfo::default();
        info.rows[..4].copy_from_slice(&self.affix_rows(lower));
        info
    }

    /// Tags `n` words given by `word(k)`, pushing one label index per word onto `out`.
    fn tag_ids<'w>(&self, n: usize, word: impl Fn(usize) -> &'w str, out: &mut Vec<u8>) {
        let mut lower = String::new();
        let mut infos = Vec::with_capacity(n);
        for k in 0..n {
            let w = word(k);
            lower.clear();
            if w.is_ascii() {
                lower.push_str(w);
                lower.make_ascii_lowercase();
            } else {
                lower.push_str(&w.to_lowercase());
            }
            infos.push(self.word_info(&lower));
        }
        let start_tag = self.labels.len() as u8;
        let (mut prev, mut prev2) = (start_tag, start_tag);
        for (k, info) in infos.iter().enumerate() {
            let guess = match info.tag {
                Some(t) => t,
                None => {
                    let before = |d: usize, slot: usize, edge: usize| match k.checked_sub(d) {
                        Some(j) => infos[j].rows[slot],
                        None => self.edges[edge],
                    };
                    let after = |d: usize, slot: usize, edge: usize| match infos.get(k + d) {
                        Some(i) => i.rows[slot],
                        None => self.edges[edge],
                    };
                    // The reference's feature order, which is also the order of summation.
                    let rows = [
                        self.bias,
                        info.rows[SUFFIX3],
                        info.rows[SUFFIX2],
                        info.rows[SUFFIX1],
                        info.rows[PREFIX1],
                        self.shapes[shape(word(k))],
                        info.rows[WORD],
                        self.prev_tag[prev as usize],
                        self.prev_prev_tag[prev2 as usize],
                        self.prev_tags[prev as usize * (self.labels.len() + 1) + prev2 as usize],
                        before(1, PREV_WORD, 0),
                        before(2, PREV_PREV_WORD, 1),
                        after(1, NEXT_WORD, 2),
                        after(2, NEXT_NEXT_WORD, 3),
                        self.prev_tag_word(info, prev),
                    ];
                    self.predict(&rows)
                }
            };
            out.push(guess);
            prev2 = prev;
            prev = guess;
        }
    }

    /// The row of the `t-1 w` feature for this word after tag `prev`.
    #[inline]
    fn prev_tag_word(&self, info: &WordInfo, prev: u8) -> Row {
        let r = info.prev_tag_word;
        self.prev_tag_words[r.start as usize..(r.start + r.len) as usize]
            .iter()
            .find(|&&(t, _)| t == prev)
            .map_or(Row::default(), |&(_, row)| row)
    }

    /// The best label for the given rows (in the reference's order): the highest score,
    /// ties going to the later label; the last label when no row has any weight.
    #[inline]
    fn predict(&self, rows: &[Row]) -> u8 {
        let n = self.labels.len();
        let mut scores = [0f64; MAX_CLASSES];
        let mut any = false;
        for r in rows {
            any |= r.len > 0;
            if r.dense {
                let row = &self.dense[r.start as usize * n..][..n];
                for (s, w) in scores[..n].iter_mut().zip(row) {
                    *s += *w;
                }
                continue;
            }
            for e in &self.entries[r.start as usize..(r.start + r.len) as usize] {
                scores[e.label as usize & (MAX_CLASSES - 1)] += e.weight;
            }
        }
        if !any {
            return (n - 1) as u8;
        }
        let mut best = 0;
        for c in 1..n {
            if scores[c] >= scores[best] {
                best = c;
            }
        }
        best as u8
    }
}

#[cfg(test)]
mod tests;

/// True for a title-case headline: no more than 20 words, and at least three words of four
/// or more letters, nearly all of them capitalised ("Kenyan Police Arrest Opposition
/// Activists"). Running text has lower-case verbs and nouns; a sentence of names alone is
/// rare and short.
fn title_case<'w>(words: impl Iterator<Item = &'w str>) -> bool {
    let (mut n, mut long, mut caps) = (0, 0, 0);
    for w in words {
        n += 1;
        if n > 20 {
            return false;
        }
        if w.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
            long += 1;
            caps += usize::from(
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().any(char::is_lowercase),
            );
        }
    }
    long >= 3 && caps * 5 >= long * 4
}
