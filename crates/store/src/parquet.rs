//! Apache Parquet export of stored events (cargo feature `parquet`).
//!
//! One row per event, typed columns, zstd-compressed, in row groups of [`ROW_GROUP_ROWS`]
//! rows, so Spark, DuckDB, pandas/pyarrow and BigQuery load it without a schema of their
//! own. The file is written with the plain Parquet 1.0 data pages every reader supports;
//! the Arrow schema is also embedded (as pyarrow does), which readers that do not know it
//! ignore.
//!
//! | column | type | from |
//! |---|---|---|
//! | `event_id` | INT64 | [`crate::event_id`] |
//! | `id` | STRING | record id of the first report |
//! | `event_date` | DATE | the event date |
//! | `date` | DATE | publication date of the first report |
//! | `source`, `code`, `target`, `root` | STRING | CAMEO codes (empty: no actor) |
//! | `quad` | INT32, nullable | QuadClass 1–4 |
//! | `goldstein` | DOUBLE, nullable | Goldstein score |
//! | `num_mentions`, `sources`, `articles` | INT64 | reports, outlets, articles |
//! | `sentence` | INT64 | sentence number of the first report |
//! | `source_country`, `source_type1`, `target_country`, `target_type1` | STRING | [`split_actor`] (empty when the code has no such part) |
//! | `source_text`, `verb_text`, `target_text`, `sentence_text` | STRING | the first report's words |
//! | `url` | STRING, nullable | URL of the first report |
//! | `date_precision` | STRING | how precisely `event_date` is known (day, month, year, range) |
//! | `location`, `location_country` | STRING | the event's place (full name, ISO 3166 alpha-2) |
//! | `lat`, `lon` | DOUBLE, nullable | its coordinates |
//! | `speaker`, `speaker_code` | STRING | who asserts the event (as written, CAMEO code) |
//! | `location_basis` | STRING | how the location was chosen: `sentence`, `dateline`, `article`, `actor` (empty: no location, or stored before Vigil recorded it) |
//! | `date_added` | STRING | when it was first stored (UTC, YYYYMMDDHHMMSS) |
//!
//! The columns are those of the CSV export ([`crate::export::CSV_HEADER`]) in the same
//! order, with the four actor-part columns (after `sentence`) and `date_added` added. Only `quad`, `goldstein`,
//! `url`, `lat` and `lon` can be null; the string columns that can be absent are empty strings, as in
//! the CSV and GDELT exports.
//!
//! [`ParquetWriter`] takes events one at a time and holds at most one row group in memory
//! (its column builders, then the encoded pages), so the export costs little on top of the
//! events the caller already has.

use crate::StoredEvent;
use crate::export::split_actor;
use arrow_array::builder::{
    Date32Builder, Float64Builder, Int32Builder, Int64Builder, StringBuilder,
};
use arrow_array::types::Date32Type;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::errors::Result;
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use std::io::Write;
use std::sync::Arc;

/// Rows per row group: large enough for good compression and fast scans, small enough
/// that writing (and reading one group) stays within a few tens of megabytes.
pub const ROW_GROUP_ROWS: usize = 64 * 1024;

/// The zstd level: zstd's own default, a good ratio at a speed far above the export's.
const ZSTD_LEVEL: i32 = 3;

/// The Arrow schema of the export (see the module documentation for the columns).
pub fn schema() -> SchemaRef {
    use DataType::{Date32, Float64, Int32, Int64, Utf8};
    let columns: [(&str, DataType, bool); 32] = [
        ("event_id", Int64, false),
        ("id", Utf8, false),
        ("event_date", Date32, false),
        ("date", Date32, false),
        ("source", Utf8, false),
        ("code", Utf8, false),
        ("target", Utf8, false),
        ("root", Utf8, false),
        ("quad", Int32, true),
        ("goldstein", Float64, true),
        ("num_mentions", Int64, false),
        ("sources", Int64, false),
        ("articles", Int64, false),
        ("sentence", Int64, false),
        ("source_country", Utf8, false),
        ("source_type1", Utf8, false),
        ("target_country", Utf8, false),
        ("target_type1", Utf8, false),
        ("source_text", Utf8, false),
        ("verb_text", Utf8, false),
        ("target_text", Utf8, false),
        ("sentence_text", Utf8, false),
        ("url", Utf8, true),
        ("date_precision", Utf8, false),
        ("location", Utf8, false),
        ("location_country", Utf8, false),
        ("lat", Float64, true),
        ("lon", Float64, true),
        ("speaker", Utf8, false),
        ("speaker_code", Utf8, false),
        ("location_basis", Utf8, false),
        ("date_added", Utf8, false),
    ];
    Arc::new(Schema::new(
        columns
            .into_iter()
            .map(|(name, ty, nullable)| Field::new(name, ty, nullable))
            .collect::<Vec<_>>(),
    ))
}

/// A count as INT64. Counts and sentence numbers never come near `i64::MAX`; saturating
/// keeps the conversion total anyway.
fn int64<T: TryInto<i64>>(n: T) -> i64 {
    n.try_into().unwrap_or(i64::MAX)
}

/// A Goldstein score as DOUBLE. Scores are stored as `f32`; widening one directly would
/// turn 3.4 into 3.4000000953674316. Going through its shortest decimal form gives the
/// double that prints as the score does in the CSV and GDELT exports (3.4). (JSON Lines
/// shows the widened value; both are the same `f32`.)
fn goldstein(g: f32) -> f64 {
    g.to_string().parse().unwrap_or(f64::from(g))
}

/// The column builders of one row group, in schema order.
struct Columns {
    event_id: Int64Builder,
    id: StringBuilder,
    event_date: Date32Builder,
    date: Date32Builder,
    source: StringBuilder,
    code: StringBuilder,
    target: StringBuilder,
    root: StringBuilder,
    quad: Int32Builder,
    goldstein: Float64Builder,
    num_mentions: Int64Builder,
    sources: Int64Builder,
    articles: Int64Builder,
    sentence: Int64Builder,
    source_country: StringBuilder,
    source_type1: StringBuilder,
    target_country: StringBuilder,
    target_type1: StringBuilder,
    source_text: StringBuilder,
    verb_text: StringBuilder,
    target_text: StringBuilder,
    sentence_text: StringBuilder,
    url: StringBuilder,
    date_precision: StringBuilder,
    location: StringBuilder,
    location_country: StringBuilder,
    lat: Float64Builder,
    lon: Float64Builder,
    speaker: StringBuilder,
    speaker_code: StringBuilder,
    location_basis: StringBuilder,
    date_added: StringBuilder,
    /// Rows appended since the last [`Columns::finish`].
    rows: usize,
}

impl Columns {
    fn new() -> Self {
        Columns {
            event_id: Int64Builder::new(),
            id: StringBuilder::new(),
            event_date: Date32Builder::new(),
            date: Date32Builder::new(),
            source: StringBuilder::new(),
            code: StringBuilder::new(),
            target: StringBuilder::new(),
            root: StringBuilder::new(),
            quad: Int32Builder::new(),
            goldstein: Float64Builder::new(),
            num_mentions: Int64Builder::new(),
            sources: Int64Builder::new(),
            articles: Int64Builder::new(),
            sentence: Int64Builder::new(),
            source_country: StringBuilder::new(),
            source_type1: StringBuilder::new(),
            target_country: StringBuilder::new(),
            target_type1: StringBuilder::new(),
            source_text: StringBuilder::new(),
            verb_text: StringBuilder::new(),
            target_text: StringBuilder::new(),
            sentence_text: StringBuilder::new(),
            url: StringBuilder::new(),
            date_precision: StringBuilder::new(),
            location: StringBuilder::new(),
            location_country: StringBuilder::new(),
            lat: Float64Builder::new(),
            lon: Float64Builder::new(),
            speaker: StringBuilder::new(),
            speaker_code: StringBuilder::new(),
            location_basis: StringBuilder::new(),
            date_added: StringBuilder::new(),
            rows: 0,
        }
    }

    fn push(&mut self, e: &StoredEvent) {
        let f = &e.first;
        let p = &f.provenance;
        let (src, tgt) = (split_actor(&f.source), split_actor(&f.target));
        self.event_id.append_value(e.event_id);
        self.id.append_value(&f.id);
        self.event_date
            .append_value(Date32Type::from_naive_date(e.event_date));
        self.date.append_value(Date32Type::from_naive_date(f.date));
        self.source.append_value(&f.source);
        self.code.append_value(&f.code);
        self.target.append_value(&f.target);
        self.root.append_value(&f.root);
        self.quad.append_option(f.quad.map(i32::from));
        self.goldstein.append_option(f.goldstein.map(goldstein));
        self.num_mentions.append_value(int64(e.mentions.len()));
        self.sources.append_value(int64(e.sources));
        self.articles.append_value(int64(e.articles));
        self.sentence.append_value(int64(f.sentence));
        self.source_country
            .append_value(src.country.unwrap_or_default());
        self.source_type1
            .append_value(src.types[0].unwrap_or_default());
        self.target_country
            .append_value(tgt.country.unwrap_or_default());
        self.target_type1
            .append_value(tgt.types[0].unwrap_or_default());
        self.source_text.append_value(&p.source.text);
        self.verb_text.append_value(&p.verb_text);
        self.target_text.append_value(&p.target.text);
        self.sentence_text.append_value(&p.sentence_text);
        self.url.append_option(e.url.as_deref());
        let loc = f.location.as_ref();
        let said = f.attribution.as_ref();
        self.date_precision.append_value(f.date_precision.as_str());
        self.location
            .append_value(loc.map_or("", |l| l.full_name.as_str()));
        self.location_country
            .append_value(loc.and_then(|l| l.country.as_deref()).unwrap_or_default());
        self.lat.append_option(loc.map(|l| l.lat));
        self.lon.append_option(loc.map(|l| l.lon));
        self.speaker
            .append_value(said.map_or("", |a| a.speaker.as_str()));
        self.speaker_code
            .append_value(said.map_or("", |a| a.code.as_str()));
        self.location_basis
            .append_value(loc.and_then(|l| l.basis).map_or("", |b| b.as_str()));
        self.date_added.append_value(&e.added);
        self.rows += 1;
    }

    /// The rows appended so far as one batch; the builders start empty again (keeping
    /// their allocations).
    fn finish(&mut self, schema: &SchemaRef) -> Result<RecordBatch> {
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.event_id.finish()),
            Arc::new(self.id.finish()),
            Arc::new(self.event_date.finish()),
            Arc::new(self.date.finish()),
            Arc::new(self.source.finish()),
            Arc::new(self.code.finish()),
            Arc::new(self.target.finish()),
            Arc::new(self.root.finish()),
            Arc::new(self.quad.finish()),
            Arc::new(self.goldstein.finish()),
            Arc::new(self.num_mentions.finish()),
            Arc::new(self.sources.finish()),
            Arc::new(self.articles.finish()),
            Arc::new(self.sentence.finish()),
            Arc::new(self.source_country.finish()),
            Arc::new(self.source_type1.finish()),
            Arc::new(self.target_country.finish()),
            Arc::new(self.target_type1.finish()),
            Arc::new(self.source_text.finish()),
            Arc::new(self.verb_text.finish()),
            Arc::new(self.target_text.finish()),
            Arc::new(self.sentence_text.finish()),
            Arc::new(self.url.finish()),
            Arc::new(self.date_precision.finish()),
            Arc::new(self.location.finish()),
            Arc::new(self.location_country.finish()),
            Arc::new(self.lat.finish()),
            Arc::new(self.lon.finish()),
            Arc::new(self.speaker.finish()),
            Arc::new(self.speaker_code.finish()),
            Arc::new(self.location_basis.finish()),
            Arc::new(self.date_added.finish()),
        ];
        self.rows = 0;
        // Checks the columns against the schema (types, lengths, no nulls where none are
        // allowed), so a mismatch is an error here rather than a bad file.
        Ok(RecordBatch::try_new(schema.clone(), columns)?)
    }
}

/// Writes stored events to a Parquet file, one row per event (see the module
/// documentation for the columns).
///
/// Call [`ParquetWriter::write`] for each event, then [`ParquetWriter::finish`]: the file
/// is only valid once its footer is written, so an unfinished file is unreadable rather
/// than silently short.
pub struct ParquetWriter<W: Write + Send> {
    writer: ArrowWriter<W>,
    schema: SchemaRef,
    columns: Columns,
    group_rows: usize,
}

impl<W: Write + Send> ParquetWriter<W> {
    /// A writer of a new Parquet file into `out`, which it buffers itself. Fails only if
    /// the file header cannot be written.
    pub fn new(out: W) -> Result<Self> {
        Self::with_row_groups(out, ROW_GROUP_ROWS)
    }

    /// A writer whose row groups hold `group_rows` rows (at least 1): the tests use small
    /// groups to exercise several.
    pub(crate) fn with_row_groups(out: W, group_rows: usize) -> Result<Self> {
        let group_rows = group_rows.max(1);
        let props = WriterProperties::builder()
            .set_compression(Compression::ZSTD(ZstdLevel::try_new(ZSTD_LEVEL)?))
            .set_max_row_group_row_count(Some(group_rows))
            // The writer's own `created_by` stays: readers (parquet-mr, hence Spark) parse it
            // to decide whether to trust column statistics. Vigil's version goes here.
            .set_key_value_metadata(Some(vec![KeyValue::new(
                "vigil.version".to_string(),
                env!("CARGO_PKG_VERSION").to_string(),
            )]))
            .build();
        let schema = schema();
        Ok(ParquetWriter {
            writer: ArrowWriter::try_new(out, schema.clone(), Some(props))?,
            schema,
            columns: Columns::new(),
            group_rows,
        })
    }

    /// Adds `e` as the next row. Every [`ROW_GROUP_ROWS`] rows, the row group is encoded,
    /// compressed and written out.
    pub fn write(&mut self, e: &StoredEvent) -> Result<()> {
        self.columns.push(e);
        if self.columns.rows >= self.group_rows {
            self.flush()?;
        }
        Ok(())
    }

    /// Writes the rows held so far as one row group.
    fn flush(&mut self) -> Result<()> {
        if self.columns.rows > 0 {
            let batch = self.columns.finish(&self.schema)?;
            self.writer.write(&batch)?;
            self.writer.flush()?;
        }
        Ok(())
    }

    /// Writes the last row group and the file footer, and returns `out` (flushed).
    pub fn finish(mut self) -> Result<W> {
        self.flush()?;
        let mut out = self.writer.into_inner()?;
        out.flush()?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Float64Type, Int32Type, Int64Type};
    use arrow_array::{Array, RecordBatch};
    use chrono::NaiveDate;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use vigil_model::{ActorRef, Event, Provenance, Span};

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn event(n: i64) -> StoredEvent {
        let sentence = "Russian troops shelled Kharkiv, Ukraine's \"second city\".";
        StoredEvent {
            event_id: 4_611_686_018_427_387_905 + n,
            event_date: day("2022-03-01"),
            first: Event {
                id: format!("rec-{n}"),
                sentence: 3,
                source: "RUSMIL".into(),
                target: "IGOWSTNAT".into(),
                code: "195".into(),
                root: "19".into(),
                quad: Some(4),
                goldstein: Some(3.4),
                date: day("2022-03-02"),
                provenance: Provenance {
                    sentence_text: sentence.into(),
                    sentence_span: Span::new(0, sentence.len()),
                    source: ActorRef {
                        code: "RUSMIL".into(),
                        text: "Russian troops".into(),
                        ..ActorRef::default()
                    },
                    target: ActorRef {
                        code: "IGOWSTNAT".into(),
                        text: "NATO".into(),
                        ..ActorRef::default()
                    },
                    verb_span: Span::new(15, 22),
                    verb_text: "shelled".into(),
                    ..Provenance::default()
                },
                ..Event::default()
            },
            mentions: vec![("rec-1".into(), 3), ("rec-2".into(), 0)],
            sources: 2,
            articles: 2,
            added: "20220302101500".into(),
            url: Some("https://example.org/a".into()),
            outlet: None,
        }
    }

    /// Writes `events` with row groups of `group_rows` rows to a temporary file; returns
    /// the file's batches and its number of row groups.
    fn round_trip(events: &[StoredEvent], group_rows: usize) -> (Vec<RecordBatch>, usize) {
        let file = tempfile::tempfile().unwrap();
        let mut w = ParquetWriter::with_row_groups(file, group_rows).unwrap();
        for e in events {
            w.write(e).unwrap();
        }
        let file = w.finish().unwrap();
        let meta = SerializedFileReader::new(file.try_clone().unwrap())
            .unwrap()
            .metadata()
            .clone();
        for g in meta.row_groups() {
            assert!(g.num_rows() as usize <= group_rows);
            for c in g.columns() {
                assert!(matches!(c.compression(), Compression::ZSTD(_)), "{c:?}");
            }
        }
        let groups = meta.num_row_groups();
        let reader = ParquetRecordBatchReaderBuilder::try_new(file)
            .unwrap()
            .build()
            .unwrap();
        let batches = reader.collect::<Result<Vec<_>, _>>().unwrap();
        (batches, groups)
    }

    #[test]
    fn columns_read_back_typed() {
        let mut bare = event(1);
        bare.first.quad = None;
        bare.first.goldstein = None;
        bare.first.target = String::new();
        bare.url = None;
        let mut placed = event(0);
        placed.first.location = Some(vigil_model::Place {
            name: "Kharkiv".into(),
            full_name: "Kharkiv, Ukraine".into(),
            kind: vigil_model::PlaceKind::City,
            country: Some("UA".into()),
            adm1: None,
            lat: 49.99,
            lon: 36.23,
            feature_id: "geonames:706483".into(),
            basis: Some(vigil_model::LocationBasis::Article),
        });
        placed.first.attribution = Some(vigil_model::Attribution {
            speaker: "officials".into(),
            code: "UKRGOV".into(),
            ..Default::default()
        });
        let (batches, groups) = round_trip(&[placed, bare], ROW_GROUP_ROWS);
        assert_eq!((batches.len(), groups), (1, 1));
        let b = &batches[0];
        assert_eq!(b.schema().fields(), schema().fields());
        assert_eq!(b.num_rows(), 2);
        let col = |name: &str| b.column_by_name(name).unwrap().clone();
        let strings = |name: &str| {
            let c = col(name);
            let s = c.as_string::<i32>();
            (0..s.len())
                .map(|i| s.value(i).to_string())
                .collect::<Vec<_>>()
        };
        let ids = col("event_id");
        let ids = ids.as_primitive::<Int64Type>();
        assert_eq!(ids.value(0), 4_611_686_018_427_387_905);
        let dates = col("event_date");
        let dates = dates.as_primitive::<arrow_array::types::Date32Type>();
        assert_eq!(
            Date32Type::to_naive_date_opt(dates.value(0)),
            Some(day("2022-03-01"))
        );
        assert_eq!(strings("id"), ["rec-0", "rec-1"]);
        assert_eq!(strings("code"), ["195", "195"]);
        assert_eq!(strings("source_country"), ["RUS", "RUS"]);
        assert_eq!(strings("source_type1"), ["MIL", "MIL"]);
        assert_eq!(strings("target_country"), ["WST", ""]);
        assert_eq!(strings("target_type1"), ["IGO", ""]);
        assert_eq!(strings("target"), ["IGOWSTNAT", ""]);
        assert_eq!(strings("verb_text")[0], "shelled");
        assert_eq!(strings("date_added")[1], "20220302101500");
        let quad = col("quad");
        let quad = quad.as_primitive::<Int32Type>();
        assert_eq!((quad.value(0), quad.is_null(1)), (4, true));
        let gold = col("goldstein");
        let gold = gold.as_primitive::<Float64Type>();
        // The score as written, not the f32 widened (3.4000000953674316).
        assert_eq!((gold.value(0), gold.is_null(1)), (3.4, true));
        let url = col("url");
        let url = url.as_string::<i32>();
        assert_eq!(
            (url.value(0), url.is_null(1)),
            ("https://example.org/a", true)
        );
        let n = col("num_mentions");
        assert_eq!(n.as_primitive::<Int64Type>().value(0), 2);
        let s = col("sentence");
        assert_eq!(s.as_primitive::<Int64Type>().value(1), 3);
        assert_eq!(strings("location"), ["Kharkiv, Ukraine", ""]);
        assert_eq!(strings("location_country"), ["UA", ""]);
        assert_eq!(strings("location_basis"), ["article", ""]);
        assert_eq!(strings("speaker_code"), ["UKRGOV", ""]);
        assert_eq!(strings("date_precision"), ["day", "day"]);
        let lat = col("lat");
        let lat = lat.as_primitive::<Float64Type>();
        assert_eq!((lat.value(0), lat.is_null(1)), (49.99, true));
    }

    #[test]
    fn rows_are_split_into_row_groups_in_order() {
        let events: Vec<StoredEvent> = (0..5).map(event).collect();
        let (batches, groups) = round_trip(&events, 2);
        assert_eq!(groups, 3);
        let ids: Vec<i64> = batches
            .iter()
            .flat_map(|b| {
                let c = b.column_by_name("event_id").unwrap();
                c.as_primitive::<Int64Type>().values().to_vec()
            })
            .collect();
        let want: Vec<i64> = events.iter().map(|e| e.event_id).collect();
        assert_eq!(ids, want);
    }

    #[test]
    fn an_empty_export_is_a_valid_file() {
        let (batches, groups) = round_trip(&[], ROW_GROUP_ROWS);
        assert_eq!(groups, 0);
        assert_eq!(batches.iter().map(RecordBatch::num_rows).sum::<usize>(), 0);
    }
}
