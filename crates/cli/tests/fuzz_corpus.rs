//! Replays every fuzz corpus (`fuzz/corpus/<target>/`) through its fuzz target's entry
//! point, as an ordinary test: inputs the fuzzer once found interesting (and any crash it
//! found, once fixed) keep being checked on every run of `scripts/test`, without a fuzzer.

#[path = "../../../fuzz/entries.rs"]
mod entries;

use std::path::Path;

#[test]
fn every_fuzz_corpus_input_is_handled_without_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus");
    let mut replayed = 0;
    for (name, entry) in entries::TARGETS {
        let dir = root.join(name);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        assert!(!files.is_empty(), "{name}: empty corpus");
        for f in files {
            let data = std::fs::read(&f).unwrap();
            let run = std::panic::catch_unwind(|| entry(&data));
            assert!(run.is_ok(), "{name}: {} panics", f.display());
            replayed += 1;
        }
    }
    assert!(replayed >= entries::TARGETS.len());
}
