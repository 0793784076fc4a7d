//! `vigil export --format parquet` end to end: ingest a generated corpus into SQLite, export
//! it as Parquet and as JSON Lines, and read the Parquet file back with the parquet crate's
//! Arrow reader. Built only with the `parquet` feature (`required-features` in Cargo.toml).

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int32Type, Int64Type};
use arrow_array::{Array, RecordBatch};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn vigil() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vigil"))
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("vigil-parquet-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// A database holding the bench corpus of `articles` articles.
fn database(d: &Path, articles: usize) -> String {
    let corpus = d.join("corpus.jsonl");
    run(vigil()
        .args([
            "bench",
            "--articles",
            &articles.to_string(),
            "--write-corpus",
        ])
        .arg(&corpus));
    let db = format!("sqlite:{}", d.join("v.db").display());
    run(vigil().args(["ingest", "--db", &db]).arg(&corpus));
    db
}

fn read_parquet(path: &Path) -> Vec<RecordBatch> {
    let file = std::fs::File::open(path).unwrap();
    ParquetRecordBatchReaderBuilder::try_new(file)
        .unwrap()
        .build()
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap()
}

/// Column `name` of `b` as strings (`None` for null), whatever its type.
fn column(b: &RecordBatch, name: &str) -> Vec<Option<String>> {
    let c = b
        .column_by_name(name)
        .unwrap_or_else(|| panic!("no column {name}"));
    (0..c.len())
        .map(|i| {
            if c.is_null(i) {
                return None;
            }
            Some(if let Some(a) = c.as_string_opt::<i32>() {
                a.value(i).to_string()
            } else if let Some(a) = c.as_primitive_opt::<Int64Type>() {
                a.value(i).to_string()
            } else if let Some(a) = c.as_primitive_opt::<Int32Type>() {
                a.value(i).to_string()
            } else if let Some(a) = c.as_primitive_opt::<Float64Type>() {
                (a.value(i) as f32).to_string()
            } else if let Some(a) = c.as_primitive_opt::<Date32Type>() {
                let day = Date32Type::to_naive_date_opt(a.value(i)).unwrap();
                day.to_string()
            } else {
                panic!("{name}: unexpected type {}", c.data_type())
            })
        })
        .collect()
}

/// A JSONL value as [`column`] renders the same field.
fn json_field(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        // Goldstein scores are f32: JSONL prints one widened to f64 (5.199999809265137),
        // Parquet holds the double of its shortest form (5.2). The same f32 either way.
        Value::Number(n) if n.is_f64() => Some((n.as_f64().unwrap() as f32).to_string()),
        v => Some(v.to_string()),
    }
}

#[test]
fn parquet_export_matches_the_jsonl_export() {
    let d = dir("matches");
    let db = database(&d, 50);
    let jsonl = run(vigil().args(["export", "--format", "jsonl", "--db", &db])).stdout;
    let rows: Vec<Value> = String::from_utf8(jsonl)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(rows.len() > 10, "too few events to compare: {}", rows.len());

    let out = d.join("events.parquet");
    run(vigil()
        .args(["export", "--format", "parquet", "--db", &db, "--out"])
        .arg(&out));
    let batches = read_parquet(&out);
    let total: usize = batches.iter().map(RecordBatch::num_rows).sum();
    assert_eq!(total, rows.len());

    // Both exports list the events in the same order: compare row by row.
    let fields = [
        ("event_id", "event_id"),
        ("id", "id"),
        ("event_date", "event_date"),
        ("date", "date"),
        ("code", "code"),
        ("source", "source"),
        ("target", "target"),
        ("quad", "quad"),
        ("goldstein", "goldstein"),
        ("num_mentions", "num_mentions"),
    ];
    let mut parquet_rows = Vec::new();
    for b in &batches {
        let cols: Vec<Vec<Option<String>>> = fields.iter().map(|(p, _)| column(b, p)).collect();
        for i in 0..b.num_rows() {
            parquet_rows.push(cols.iter().map(|c| c[i].clone()).collect::<Vec<_>>());
        }
    }
    for (i, (row, json)) in parquet_rows.iter().zip(&rows).enumerate() {
        let want: Vec<Option<String>> = fields.iter().map(|(_, j)| json_field(&json[j])).collect();
        assert_eq!(row, &want, "event {i}: {json}");
    }

    // Typed columns, as other readers will see them.
    let schema = batches[0].schema();
    let ty = |name: &str| {
        schema
            .field_with_name(name)
            .unwrap()
            .data_type()
            .to_string()
    };
    assert_eq!(ty("event_id"), "Int64");
    assert_eq!(ty("event_date"), "Date32");
    assert_eq!(ty("quad"), "Int32");
    assert_eq!(ty("goldstein"), "Float64");
    assert_eq!(ty("sentence_text"), "Utf8");
    assert_eq!(ty("lat"), "Float64");
    assert_eq!(ty("location_basis"), "Utf8");
    assert_eq!(schema.fields().len(), 32);
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn parquet_is_not_written_to_stdout() {
    let d = dir("stdout");
    let db = format!("sqlite:{}", d.join("never-created.db").display());
    let out = vigil()
        .args(["export", "--format", "parquet", "--db", &db])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--format parquet needs --out FILE"), "{err}");
    // Refused before the database is opened.
    assert!(!d.join("never-created.db").exists());
    let _ = std::fs::remove_dir_all(&d);
}
