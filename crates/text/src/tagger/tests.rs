use super::*;
use vigil_model::Span;

fn tagger() -> &'static Tagger {
    Tagger::embedded()
}

#[test]
fn embedded_model_loads_without_hash_collisions() {
    let t = tagger();
    assert_eq!(t.labels().len(), 20);
    assert_eq!(t.labels()[0], "ADJ|-");
    assert_eq!(t.labels()[19], "X|-");

    // Recount the model from its JSON, independently of the loader.
    let mut json = Vec::new();
    flate2::read::GzDecoder::new(EMBEDDED_MODEL)
        .read_to_end(&mut json)
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let weights = v["weights"].as_object().unwrap();
    let mut words = std::collections::BTreeSet::new();
    let mut affixes = 0;
    for f in weights.keys() {
        let (name, rest) = f.split_once(' ').unwrap_or((f, ""));
        match name {
            "suf3" | "suf2" | "suf1" | "pre1" => affixes += 1,
            "w" | "w-1" | "w-2" | "w+1" | "w+2" => {
                words.insert(rest.to_string());
            }
            "t-1" if rest.starts_with("w ") => {
                words.insert(rest[2..].split_once(' ').unwrap().1.to_string());
            }
            _ => {}
        }
    }
    words.extend(v["tagdict"].as_object().unwrap().keys().cloned());
    // Every distinct word and affix feature got an entry of its own.
    assert_eq!(t.words.len(), words.len());
    assert_eq!(t.word_index.len(), words.len());
    assert_eq!(t.affixes.len(), affixes);
    let hashes: std::collections::BTreeSet<u64> = words.iter().map(|w| str_hash(w)).collect();
    assert_eq!(hashes.len(), words.len());
    // Every weight is kept: in a sparse row, or in a dense one (where labels without a
    // weight are zeros).
    let stored = t.entries.len() + t.dense.iter().filter(|w| **w != 0.0).count();
    assert_eq!(
        stored,
        weights
            .values()
            .flat_map(|r| r.as_object().unwrap().values())
            .filter(|w| w.as_f64() != Some(0.0))
            .count()
            + t.entries.iter().filter(|e| e.weight == 0.0).count()
    );
}

/// Labels from the reference implementation (`perceptron.py`) on the same words.
#[test]
fn agrees_with_the_reference_on_seed_sentences() {
    let words = [
        "Kremlin",
        "says",
        "the",
        "presidents",
        "will",
        "hold",
        "talks",
        "after",
        "Russia",
        "massed",
        "tens",
        "of",
        "thousands",
        "of",
        "troops",
        "on",
        "the",
        "Ukrainian",
        "border",
    ];
    assert_eq!(
        tagger().tag_words(&words),
        [
            "PROPN|-", "VERB|Fin", "DET|-", "NOUN|-", "AUX|Fin", "VERB|Inf", "NOUN|-", "SCONJ|-",
            "PROPN|-", "VERB|Fin", "NOUN|-", "ADP|-", "NOUN|-", "ADP|-", "NOUN|-", "ADP|-",
            "DET|-", "ADJ|-", "NOUN|-",
        ]
    );
    let words = [
        "Kremlin",
        "spokesman",
        "Dmitry",
        "Peskov",
        "confirmed",
        "plans",
        "on",
        "Saturday",
        "to",
        "Russia",
        "'s",
        "state",
        "news",
        "agency",
        "RIA",
        "Novosti",
        "and",
        "said",
        "it",
        "will",
        "take",
        "place",
        "Tuesday",
        "evening",
    ];
    assert_eq!(
        tagger().tag_words(&words),
        [
            "PROPN|-", "NOUN|-", "PROPN|-", "PROPN|-", "VERB|Fin", "NOUN|-", "ADP|-", "PROPN|-",
            "ADP|-", "PROPN|-", "PART|-", "NOUN|-", "NOUN|-", "NOUN|-", "PROPN|-", "PROPN|-",
            "CCONJ|-", "VERB|Fin", "PRON|-", "AUX|Fin", "VERB|Inf", "NOUN|-", "PROPN|-", "NOUN|-",
        ]
    );
    assert_eq!(tagger().tag_words::<&str>(&[]), Vec::<&str>::new());
}

#[test]
fn tags_tokens_skipping_punctuation() {
    let text = "“I don’t accept anyone’s red line,” Biden said.";
    let mut tokens = crate::tokenize(text, Span::new(0, text.len()));
    tagger().tag(&mut tokens);
    let got: Vec<(&str, Pos)> = tokens.iter().map(|t| (t.text.as_str(), t.pos)).collect();
    assert_eq!(
        got,
        [
            ("\"", Pos::Punct),
            ("I", Pos::Pron),
            ("do", Pos::AuxFin),
            ("n't", Pos::Part),
            ("accept", Pos::VerbInf),
            ("anyone", Pos::Pron),
            ("'s", Pos::Part),
            ("red", Pos::Adj),
            ("line", Pos::Noun),
            (",", Pos::Punct),
            ("\"", Pos::Punct),
            ("Biden", Pos::Propn),
            ("said", Pos::VerbFin),
            (".", Pos::Punct),
        ]
    );
    // The words are one sequence: the same labels as tagging them without punctuation.
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| !t.is_punct())
        .map(|t| t.text.as_str())
        .collect();
    let labels = tagger().tag_words(&words);
    let poses: Vec<Pos> = tokens
        .iter()
        .filter(|t| !t.is_punct())
        .map(|t| t.pos)
        .collect();
    assert_eq!(
        poses,
        labels
            .iter()
            .map(|l| Pos::from_label(l))
            .collect::<Vec<_>>()
    );
}

#[test]
fn ties_go_to_the_later_label_and_unknown_words_to_the_last() {
    let json = br#"{"classes": ["B|-", "A|-"], "tagdict": {"the": "A|-"},
        "weights": {"w tie": {"A|-": 1.0, "B|-": 1.0}, "w a": {"A|-": 2.0},
                    "t-1 w A|- b": {"A|-": 5.0}, "t-1t-2 <s> <s>": {"B|-": 0.5}}}"#;
    let t = Tagger::from_json(json).unwrap();
    assert_eq!(t.labels(), ["A|-", "B|-"]);
    // `tie` scores A = B = 1 (plus B's 0.5 for the sentence start); later word `tie` ties.
    assert_eq!(t.tag_words(&["x", "tie"]), ["B|-", "B|-"]);
    assert_eq!(t.tag_words(&["The", "a", "b"]), ["A|-", "A|-", "A|-"]);
    let empty = Tagger::from_json(br#"{"classes": ["B|-", "A|-"], "weights": {}}"#).unwrap();
    assert_eq!(empty.tag_words(&["anything"]), ["B|-"]);
}

#[test]
fn rejects_broken_models() {
    assert!(Tagger::from_json(b"{").is_err());
    assert!(Tagger::from_json(br#"{"weights": {}}"#).is_err());
    assert!(Tagger::from_json(br#"{"classes": ["A"], "weights": {"w x": {"Z": 1.0}}}"#).is_err());
    assert!(Tagger::from_json(br#"{"classes": ["A"], "weights": {"zzz x": {"A": 1.0}}}"#).is_err());
    assert!(Tagger::from_gzip_json(b"not gzip").is_err());
}
