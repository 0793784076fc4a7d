//! Tests of input detection and streaming over real files.

use super::*;
use std::io::Write;

fn collect(path: &str, opts: &Options) -> (Vec<Article>, Vec<BadRecord>, Option<BadRecord>) {
    let (mut recs, mut bad) = (Vec::new(), Vec::new());
    let whole = read_input(path, opts, &mut |i| match i {
        Item::Record(a) => recs.push(a),
        Item::Bad(b) => bad.push(b),
    })
    .err();
    (recs, bad, whole)
}

#[test]
fn formats_are_told_by_name_then_content() {
    assert_eq!(detect("a/b.jsonl.gz", b""), Some(Format::Jsonl));
    assert_eq!(detect("x.TXT", b""), Some(Format::Text));
    assert_eq!(detect("x.dat", b"WARC/1.1\r\n"), Some(Format::Warc));
    assert_eq!(
        detect("x.xml", b"<?xml version='1.0'?><rss>"),
        Some(Format::Feed)
    );
    assert_eq!(
        detect("x.xml", b"<?xml version='1.0'?><feed xmlns="),
        Some(Format::Feed)
    );
    assert_eq!(detect("page", b"<!DOCTYPE html><html>"), Some(Format::Html));
    assert_eq!(detect("x.bin", b"\x00\x01"), None);
}

#[test]
fn gzipped_jsonl_streams_and_a_truncated_stream_keeps_what_was_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut body = Vec::new();
    for i in 0..200 {
        writeln!(
            body,
            "{{\"id\":\"r{i}\",\"date\":\"2021-12-04\",\"text\":\"Russia massed troops near Ukraine. {}\"}}",
            "x".repeat(i)
        )
        .unwrap();
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&body).unwrap();
    let gz = gz.finish().unwrap();
    let full = dir.path().join("a.jsonl.gz");
    std::fs::write(&full, &gz).unwrap();
    let (recs, bad, whole) = collect(full.to_str().unwrap(), &Options::default());
    assert_eq!((recs.len(), bad.len(), whole), (200, 0, None));

    let cut = dir.path().join("b.jsonl.gz");
    std::fs::write(&cut, &gz[..gz.len() * 2 / 3]).unwrap();
    let (recs, _, whole) = collect(cut.to_str().unwrap(), &Options::default());
    assert!(recs.len() < 200);
    let whole = whole.expect("a truncated stream is reported");
    assert!(whole.message.contains("gzip"), "{whole}");
    assert!(whole.place.starts_with(cut.to_str().unwrap()));
}

#[test]
fn records_without_id_are_named_by_path_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("in.jsonl");
    std::fs::write(
        &p,
        "{\"date\":\"2021-12-04\",\"text\":\"a\"}\n\n{oops\n{\"date\":\"2021-12-04\",\"text\":\"b\"}\n",
    )
    .unwrap();
    let name = p.to_str().unwrap();
    let (recs, bad, _) = collect(name, &Options::default());
    assert_eq!(recs[0].id, format!("{name}#1"));
    assert_eq!(recs[1].id, format!("{name}#4"));
    assert_eq!(bad[0].place, format!("{name}:3"));
}

#[test]
fn binary_empty_and_unknown_inputs_are_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("x.txt");
    std::fs::write(&bin, [0u8, 159, 146, 150, 0, 0, 1, 2]).unwrap();
    let (_, _, whole) = collect(bin.to_str().unwrap(), &Options::default());
    assert!(whole.unwrap().message.contains("binary"));
    let empty = dir.path().join("e.jsonl");
    std::fs::write(&empty, "").unwrap();
    assert!(
        collect(empty.to_str().unwrap(), &Options::default())
            .2
            .is_some()
    );
    let (files, bad) = expand(&[dir.path().display().to_string(), "/no/such/thing".into()]);
    assert_eq!(files.len(), 2);
    assert_eq!(bad.len(), 1);
}

#[test]
fn a_text_file_needs_a_date() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    std::fs::write(&p, "Russia massed troops.").unwrap();
    let name = p.to_str().unwrap();
    assert!(collect(name, &Options::default()).2.is_some());
    let opts = Options {
        date: parse_date("2021-12-04"),
        ..Options::default()
    };
    let (recs, _, _) = collect(name, &opts);
    assert_eq!(recs[0].id, name);
}
