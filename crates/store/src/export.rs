//! Export formats of stored events: GDELT 2.0 event rows, CSV and JSON Lines.
//!
//! Each writer emits exactly one line per event (terminated by `\n`), so callers can stream
//! any number of events without buffering them, and concatenated exports stay valid files.
//!
//! * [`write_gdelt`] writes the 61 tab-separated columns of a GDELT 2.0 events file
//!   (`*.export.CSV`), so that tooling, notebooks and BigQuery schemas built for GDELT read
//!   Vigil's output unchanged. The column list is kept as data in
//!   `data/gdelt/events-2.0-columns.tsv`, and a test checks the writer against it.
//! * [`write_csv`] (with [`CSV_HEADER`]) writes a flat RFC 4180 table of Vigil's own fields,
//!   including the provenance text a reader needs to check a coding.
//! * [`write_jsonl`] writes the same object as `vigil events --format jsonl`.
//!
//! Actor codes are split into GDELT's country / known-group / ethnic / religion / type
//! columns by [`split_actor`], using the CAMEO code lists kept under `data/cameo/`.

use crate::StoredEvent;
use chrono::Datelike;
use std::borrow::Cow;
use std::io::{self, Write};
pub use vigil_model::{ActorParts, split_actor};

/// Replaces the characters that would break a tab-separated line (tab, CR, LF) by spaces:
/// GDELT files have no quoting, so a field can never contain them.
fn flat(s: &str) -> Cow<'_, str> {
    if s.contains(['\t', '\r', '\n']) {
        Cow::Owned(s.replace(['\t', '\r', '\n'], " "))
    } else {
        Cow::Borrowed(s)
    }
}

/// A Goldstein score as GDELT writes it: the shortest decimal that reads back as the same
/// number, always with a decimal point (`-10.0`, `3.4`), so the column parses as a float.
fn goldstein(g: f32) -> String {
    if g.fract() == 0.0 {
        format!("{g:.1}")
    } else {
        g.to_string()
    }
}

/// The first `n` characters of a code (the whole code when shorter): EventBaseCode and
/// EventRootCode are prefixes of EventCode.
fn prefix(code: &str, n: usize) -> &str {
    code.char_indices().nth(n).map_or(code, |(i, _)| &code[..i])
}

/// The ten actor columns (Code, Name, CountryCode, KnownGroupCode, EthnicCode,
/// Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code) for one side.
fn actor_columns(code: &str, words: &str) -> [String; 10] {
    let p = split_actor(code);
    let s = |o: Option<&str>| o.unwrap_or_default().to_string();
    // The name is the matched words, upper-cased as GDELT prints names; an event side with
    // no actor has no name even if the coder recorded words for it.
    let name = if code.is_empty() {
        String::new()
    } else {
        words.to_uppercase()
    };
    [
        code.to_string(),
        name,
        s(p.country),
        s(p.known_group),
        s(p.ethnic),
        s(p.religions[0]),
        s(p.religions[1]),
        s(p.types[0]),
        s(p.types[1]),
        s(p.types[2]),
    ]
}

/// The eight geography columns of one GDELT location (Type, Fullname, CountryCode,
/// ADM1Code, ADM2Code, Lat, Long, FeatureID). With no location the type is `0` ("no
/// location", as GDELT writes it) and the rest is empty.
///
/// Three differences from GDELT: the country is ISO 3166 alpha-2 where GDELT writes FIPS
/// 10-4 (the two agree for most countries, not all: `UA` is Ukraine in ISO, `UP` in FIPS),
/// and the ADM1 code is the ISO country followed by GeoNames' admin1 code (`UA07`). The
/// feature id is GeoNames' numeric id where the place comes from GeoNames, else Vigil's
/// own id (`vigil:crimea`). Vigil knows no second-level divisions, so the ADM2 column
/// holds instead how the location was chosen, its `location.basis` (`sentence`,
/// `dateline`, `article`, `actor`; empty for events stored before Vigil recorded it):
/// GDELT has no column for it, and the Type column keeps GDELT's meaning (the kind of
/// place: a basis other than `sentence` is usually a country, type 1, or a dateline's
/// city, type 3 or 4).
fn geo(place: Option<&vigil_model::Place>) -> [String; 8] {
    let Some(p) = place else {
        return std::array::from_fn(|i| if i == 0 { "0".into() } else { String::new() });
    };
    [
        p.gdelt_type().to_string(),
        p.full_name.clone(),
        p.country.clone().unwrap_or_default(),
        p.adm1.as_deref().unwrap_or("").replace('.', ""),
        p.basis.map_or("", |b| b.as_str()).to_string(),
        format!("{:.4}", p.lat),
        format!("{:.4}", p.lon),
        p.feature_id
            .strip_prefix("geonames:")
            .unwrap_or(&p.feature_id)
            .to_string(),
    ]
}

/// The GDELT 2.0 event row of `e` as (column name, value) pairs, in GDELT's order. The
/// names let the tests check the order against `data/gdelt/events-2.0-columns.tsv`.
fn gdelt_row(e: &StoredEvent) -> Vec<(&'static str, String)> {
    const ACTOR1: [&str; 10] = [
        "Actor1Code",
        "Actor1Name",
        "Actor1CountryCode",
        "Actor1KnownGroupCode",
        "Actor1EthnicCode",
        "Actor1Religion1Code",
        "Actor1Religion2Code",
        "Actor1Type1Code",
        "Actor1Type2Code",
        "Actor1Type3Code",
    ];
    const ACTOR2: [&str; 10] = [
        "Actor2Code",
        "Actor2Name",
        "Actor2CountryCode",
        "Actor2KnownGroupCode",
        "Actor2EthnicCode",
        "Actor2Religion1Code",
        "Actor2Religion2Code",
        "Actor2Type1Code",
        "Actor2Type2Code",
        "Actor2Type3Code",
    ];
    const GEO1: [&str; 8] = [
        "Actor1Geo_Type",
        "Actor1Geo_Fullname",
        "Actor1Geo_CountryCode",
        "Actor1Geo_ADM1Code",
        "Actor1Geo_ADM2Code",
        "Actor1Geo_Lat",
        "Actor1Geo_Long",
        "Actor1Geo_FeatureID",
    ];
    const GEO2: [&str; 8] = [
        "Actor2Geo_Type",
        "Actor2Geo_Fullname",
        "Actor2Geo_CountryCode",
        "Actor2Geo_ADM1Code",
        "Actor2Geo_ADM2Code",
        "Actor2Geo_Lat",
        "Actor2Geo_Long",
        "Actor2Geo_FeatureID",
    ];
    const GEOA: [&str; 8] = [
        "ActionGeo_Type",
        "ActionGeo_Fullname",
        "ActionGeo_CountryCode",
        "ActionGeo_ADM1Code",
        "ActionGeo_ADM2Code",
        "ActionGeo_Lat",
        "ActionGeo_Long",
        "ActionGeo_FeatureID",
    ];
    let f = &e.first;
    let d = e.event_date;
    let mut row: Vec<(&'static str, String)> = Vec::with_capacity(61);
    row.push(("GlobalEventID", e.event_id.to_string()));
    row.push(("Day", d.format("%Y%m%d").to_string()));
    row.push(("MonthYear", d.format("%Y%m").to_string()));
    row.push(("Year", d.format("%Y").to_string()));
    // GDELT's FractionDate: year + day-of-year / 365, four decimals (2019-01-25 is
    // 2019.0685 in GDELT 2.0 files). It is a sorting aid, not a calendar: 31 December of a
    // leap year gives year + 1.0027, as it does in GDELT.
    row.push((
        "FractionDate",
        format!(
            "{:.4}",
            f64::from(d.year()) + f64::from(d.ordinal()) / 365.0
        ),
    ));
    let prov = &f.provenance;
    row.extend(
        ACTOR1
            .into_iter()
            .zip(actor_columns(&f.source, &prov.source.text)),
    );
    row.extend(
        ACTOR2
            .into_iter()
            .zip(actor_columns(&f.target, &prov.target.text)),
    );
    // GDELT flags events from the lead paragraph; Vigil knows sentences, and the lead
    // sentence is the closest equivalent.
    row.push(("IsRootEvent", u8::from(f.sentence == 0).to_string()));
    row.push(("EventCode", f.code.clone()));
    row.push(("EventBaseCode", prefix(&f.code, 3).to_string()));
    row.push(("EventRootCode", prefix(&f.code, 2).to_string()));
    row.push((
        "QuadClass",
        f.quad.map(|q| q.to_string()).unwrap_or_default(),
    ));
    row.push((
        "GoldsteinScale",
        f.goldstein.map(goldstein).unwrap_or_default(),
    ));
    row.push(("NumMentions", e.mentions.len().to_string()));
    row.push(("NumSources", e.sources.to_string()));
    row.push(("NumArticles", e.articles.to_string()));
    // Empty, not 0: Vigil ships no tone lexicon and computes no tone, and 0 would claim
    // "neutral".
    row.push(("AvgTone", String::new()));
    // Vigil places the action, not each actor.
    row.extend(GEO1.into_iter().zip(geo(None)));
    row.extend(GEO2.into_iter().zip(geo(None)));
    row.extend(GEOA.into_iter().zip(geo(f.location.as_ref())));
    row.push(("DATEADDED", e.added.clone()));
    // GDELT's SOURCEURL may be "URL or citation"; the record id cites the first report
    // when it had no URL.
    row.push(("SOURCEURL", e.url.clone().unwrap_or_else(|| f.id.clone())));
    debug_assert_eq!(row.len(), 61);
    row
}

/// Writes `e` as one line of a GDELT 2.0 events file: the 61 tab-separated columns of
/// `data/gdelt/events-2.0-columns.tsv`, in that order, no header, empty fields empty, line
/// ended by `\n`.
///
/// What Vigil fills and why:
/// * GlobalEventID is the stable [`crate::event_id`]. Day, MonthYear, Year and FractionDate
///   come from the event date (GDELT uses the article's date; Vigil uses its event date).
/// * Actor1 is the source, Actor2 the target. The name is the words that matched in the
///   sentence, upper-cased; the code is split by [`split_actor`].
/// * IsRootEvent is 1 when the first report found the event in the lead sentence.
/// * EventBaseCode and EventRootCode are the first three and two characters of EventCode.
/// * AvgTone is empty: Vigil ships no tone lexicon, so it has no tone to report.
/// * Geography: ActionGeo is the event's location (see `geo` for how its codes differ from
///   GDELT's, and for ActionGeo_ADM2Code, which holds how the location was chosen);
///   Vigil places actions, not actors, so Actor1Geo and Actor2Geo are type `0` (no
///   location) with the other columns empty.
/// * SOURCEURL is the first report's URL, or its record id when it had none.
///
/// Tabs and line breaks inside any field are replaced by spaces, because the format has
/// no quoting.
pub fn write_gdelt(out: &mut impl Write, e: &StoredEvent) -> io::Result<()> {
    let row = gdelt_row(e);
    for (i, (_, value)) in row.iter().enumerate() {
        if i > 0 {
            out.write_all(b"\t")?;
        }
        out.write_all(flat(value).as_bytes())?;
    }
    out.write_all(b"\n")
}

/// The header line of [`write_csv`]'s table, without a line ending (callers write it with
/// `writeln!`, and every row ends with `\n` too).
pub const CSV_HEADER: &str = "event_id,id,event_date,date,source,code,target,root,quad,\
goldstein,num_mentions,sources,articles,sentence,source_text,verb_text,target_text,\
sentence_text,url,date_precision,location,location_country,lat,lon,speaker,speaker_code,\
location_basis";

/// Appends `field` to `line` quoted as RFC 4180 requires: only a field containing a comma,
/// a double quote or a line break is quoted, with its quotes doubled, so plain fields stay
/// readable and spreadsheets and CSV parsers read back exactly what was written.
fn push_csv_field(line: &mut String, field: &str) {
    if field.contains([',', '"', '\n', '\r']) {
        line.push('"');
        line.push_str(&field.replace('"', "\"\""));
        line.push('"');
    } else {
        line.push_str(field);
    }
}

/// Writes `e` as one row of the CSV table whose columns are [`CSV_HEADER`]: the event, its
/// counts, the first report's provenance text (the actor and verb words and the
/// sentence), so the table can be checked by reading it, where the event happened and who
/// asserts it, and how its location was chosen (`location_basis`, last so that tables
/// read by position before it was added read the same). Fields are quoted per RFC 4180;
/// a quoted field may span lines. Rows end with `\n`.
pub fn write_csv(out: &mut impl Write, e: &StoredEvent) -> io::Result<()> {
    let f = &e.first;
    let p = &f.provenance;
    let loc = f.location.as_ref();
    let said = f.attribution.as_ref();
    let fields: [Cow<'_, str>; 27] = [
        e.event_id.to_string().into(),
        f.id.as_str().into(),
        e.event_date.to_string().into(),
        f.date.to_string().into(),
        f.source.as_str().into(),
        f.code.as_str().into(),
        f.target.as_str().into(),
        f.root.as_str().into(),
        f.quad.map(|q| q.to_string()).unwrap_or_default().into(),
        f.goldstein.map(goldstein).unwrap_or_default().into(),
        e.mentions.len().to_string().into(),
        e.sources.to_string().into(),
        e.articles.to_string().into(),
        f.sentence.to_string().into(),
        p.source.text.as_str().into(),
        p.verb_text.as_str().into(),
        p.target.text.as_str().into(),
        p.sentence_text.as_str().into(),
        e.url.as_deref().unwrap_or_default().into(),
        f.date_precision.as_str().into(),
        loc.map_or("", |l| l.full_name.as_str()).into(),
        loc.and_then(|l| l.country.as_deref())
            .unwrap_or_default()
            .into(),
        loc.map(|l| format!("{:.4}", l.lat))
            .unwrap_or_default()
            .into(),
        loc.map(|l| format!("{:.4}", l.lon))
            .unwrap_or_default()
            .into(),
        said.map_or("", |a| a.speaker.as_str()).into(),
        said.map_or("", |a| a.code.as_str()).into(),
        loc.and_then(|l| l.basis).map_or("", |b| b.as_str()).into(),
    ];
    let mut line = String::new();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        push_csv_field(&mut line, field);
    }
    line.push('\n');
    out.write_all(line.as_bytes())
}

/// Writes `e` as one line of JSON Lines: [`StoredEvent::to_json`], the object `vigil events
/// --format jsonl` prints, followed by `\n`. JSON escapes line breaks inside strings, so
/// each event is exactly one line.
pub fn write_jsonl(out: &mut impl Write, e: &StoredEvent) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &e.to_json())?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use vigil_model::{ActorRef, Event, Provenance, Span};

    const COLUMNS: &str = include_str!("../../../data/gdelt/events-2.0-columns.tsv");

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// A geocoded city.
    fn kharkiv() -> vigil_model::Place {
        vigil_model::Place {
            name: "Kharkiv".into(),
            full_name: "Kharkiv, Kharkivska Oblast, Ukraine".into(),
            kind: vigil_model::PlaceKind::City,
            country: Some("UA".into()),
            adm1: Some("UA.07".into()),
            lat: 49.99350,
            lon: 36.23038,
            feature_id: "geonames:706483".into(),
            basis: None,
        }
    }

    /// A stored event as the store would return it, with every provenance field filled.
    fn stored() -> StoredEvent {
        let sentence = "Russian troops shelled Kharkiv, Ukraine's \"second city\".";
        StoredEvent {
            event_id: 4_611_686_018_427_387_905,
            event_date: day("2022-03-01"),
            first: Event {
                id: "rec-1".into(),
                sentence: 0,
                source: "RUSMIL".into(),
                target: "UKR".into(),
                code: "195".into(),
                root: "19".into(),
                quad: Some(4),
                goldstein: Some(-10.0),
                date: day("2022-03-02"),
                provenance: Provenance {
                    sentence_text: sentence.into(),
                    sentence_span: Span::new(0, sentence.len()),
                    source: ActorRef {
                        code: "RUSMIL".into(),
                        text: "Russian troops".into(),
                        span: Some(Span::new(0, 14)),
                        entries: vec!["Phoenix.Countries.actors.txt:1 RUSSIA".into()],
                        rule: "subject".into(),
                        country: Some("RUS".into()),
                    },
                    target: ActorRef {
                        code: "UKR".into(),
                        text: "Ukraine's".into(),
                        span: Some(Span::new(32, 41)),
                        entries: vec![],
                        rule: "object".into(),
                        country: Some("UKR".into()),
                    },
                    verb_span: Span::new(15, 22),
                    verb_text: "shelled".into(),
                    verb_entry: "CAMEO.2.0.txt:1 SHELL".into(),
                    pattern: "default".into(),
                    rules: vec![],
                    reported_by: None,
                    ..Provenance::default()
                },
                ..Event::default()
            },
            mentions: vec![("rec-1".into(), 0), ("rec-2".into(), 3)],
            sources: 2,
            articles: 2,
            added: "20220302101500".into(),
            url: Some("https://example.org/a".into()),
            outlet: None,
        }
    }

    fn gdelt_line(e: &StoredEvent) -> String {
        let mut out = Vec::new();
        write_gdelt(&mut out, e).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The fields of a GDELT line, 1-based like the columns file (index 0 is unused).
    fn gdelt_fields(e: &StoredEvent) -> Vec<String> {
        let line = gdelt_line(e);
        let body = line.strip_suffix('\n').expect("line ends with \\n");
        assert!(!body.contains('\n'), "one line per event: {line:?}");
        std::iter::once(String::new())
            .chain(body.split('\t').map(String::from))
            .collect()
    }

    #[test]
    fn gdelt_columns_match_the_columns_file() {
        let rows: Vec<Vec<&str>> = COLUMNS
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.split('\t').collect())
            .collect();
        assert_eq!(rows.len(), 61);
        for (i, r) in rows.iter().enumerate() {
            assert_eq!(r[0], (i + 1).to_string(), "columns file numbering");
        }
        let file: Vec<&str> = rows.iter().map(|r| r[1]).collect();
        let ours: Vec<&str> = gdelt_row(&stored()).iter().map(|(n, _)| *n).collect();
        assert_eq!(ours, file);
        assert_eq!(gdelt_fields(&stored()).len() - 1, 61);
    }

    #[test]
    fn gdelt_fields_hold_the_event() {
        let f = gdelt_fields(&stored());
        assert_eq!(f[1], "4611686018427387905");
        assert_eq!(f[2], "20220301");
        assert_eq!(f[3], "202203");
        assert_eq!(f[4], "2022");
        assert_eq!(f[5], "2022.1644"); // 60 / 365 = 0.16438…
        assert_eq!(f[6], "RUSMIL");
        assert_eq!(f[7], "RUSSIAN TROOPS");
        assert_eq!(f[8], "RUS");
        assert_eq!(f[9..=12], ["", "", "", ""]);
        assert_eq!(f[13], "MIL");
        assert_eq!(f[16], "UKR");
        assert_eq!(f[17], "UKRAINE'S");
        assert_eq!(f[18], "UKR");
        assert_eq!(f[23], "");
        assert_eq!(f[26], "1");
        assert_eq!(f[27], "195");
        assert_eq!(f[28], "195");
        assert_eq!(f[29], "19");
        assert_eq!(f[30], "4");
        assert_eq!(f[31], "-10.0");
        assert_eq!(f[32], "2");
        assert_eq!(f[33], "2");
        assert_eq!(f[34], "2");
        assert_eq!(f[35], "");
        for (ty, rest) in [(36, 37..=43), (44, 45..=51), (52, 53..=59)] {
            assert_eq!(f[ty], "0");
            assert!(f[rest].iter().all(String::is_empty));
        }
        assert_eq!(f[60], "20220302101500");
        assert_eq!(f[61], "https://example.org/a");
        // With a location: ActionGeo holds it, the actors' Geo columns stay empty.
        let mut e = stored();
        e.first.location = Some(kharkiv());
        let f = gdelt_fields(&e);
        assert_eq!(
            f[52..=59],
            [
                "4",
                "Kharkiv, Kharkivska Oblast, Ukraine",
                "UA",
                "UA07",
                "",
                "49.9935",
                "36.2304",
                "706483"
            ]
        );
        assert_eq!(f[36], "0");
        // How it was chosen goes where Vigil has no ADM2 code; the type stays the kind
        // of place.
        let mut placed = kharkiv();
        placed.basis = Some(vigil_model::LocationBasis::Dateline);
        e.first.location = Some(placed);
        let f = gdelt_fields(&e);
        assert_eq!((&*f[52], &*f[56]), ("4", "dateline"));
    }

    #[test]
    fn gdelt_codes_dates_and_fallbacks() {
        let mut e = stored();
        e.first.code = "0231".into();
        e.first.sentence = 2;
        e.first.goldstein = Some(3.4);
        e.first.quad = None;
        e.url = None;
        e.event_date = day("2019-01-25");
        let f = gdelt_fields(&e);
        assert_eq!(f[5], "2019.0685"); // as in GDELT's own files for that day
        assert_eq!(
            (&*f[26], &*f[27], &*f[28], &*f[29]),
            ("0", "0231", "023", "02")
        );
        assert_eq!((&*f[30], &*f[31]), ("", "3.4"));
        assert_eq!(f[61], "rec-1");
        e.first.goldstein = None;
        e.first.code = "03".into();
        let f = gdelt_fields(&e);
        assert_eq!((&*f[28], &*f[29], &*f[31]), ("03", "03", ""));
    }

    #[test]
    fn gdelt_without_target_leaves_actor2_empty() {
        let mut e = stored();
        e.first.target = String::new();
        // Words recorded for a side without a code are not a name.
        e.first.provenance.target = ActorRef {
            text: "it".into(),
            ..ActorRef::default()
        };
        let f = gdelt_fields(&e);
        assert_eq!(f.len() - 1, 61);
        assert!(f[16..=25].iter().all(String::is_empty), "{:?}", &f[16..=25]);
    }

    #[test]
    fn gdelt_fields_never_hold_tabs_or_line_breaks() {
        let mut e = stored();
        e.first.provenance.source.text = "Russian\ttroops\r\nnear".into();
        e.first.source = "RUS\tMIL".into();
        e.url = Some("https://example.org/a\tb\nc".into());
        e.added = "2022\t0302".into();
        let line = gdelt_line(&e);
        assert_eq!(line.matches('\t').count(), 60);
        assert_eq!(line.matches('\n').count(), 1);
        assert!(!line.contains('\r'));
        let f = gdelt_fields(&e);
        assert_eq!(f[7], "RUSSIAN TROOPS  NEAR");
        assert_eq!(f[6], "RUS MIL");
        assert_eq!(f[61], "https://example.org/a b c");
    }

    #[test]
    fn actor_codes_split_into_gdelt_columns() {
        let p = split_actor("IGOWSTNAT");
        assert_eq!(p.types, [Some("IGO"), None, None]);
        assert_eq!(p.country, Some("WST"));
        assert_eq!(p.known_group, Some("NAT"));
        assert_eq!((p.ethnic, p.religions), (None, [None, None]));

        let p = split_actor("RUS");
        assert_eq!(
            p,
            ActorParts {
                country: Some("RUS"),
                ..ActorParts::default()
            }
        );
        assert_eq!(split_actor(""), ActorParts::default());

        // As GDELT itself splits them.
        let p = split_actor("IGOUNO");
        assert_eq!((p.country, p.known_group), (None, Some("UNO")));
        assert_eq!(p.types, [Some("IGO"), None, None]);
        let p = split_actor("USAGOV");
        assert_eq!((p.country, p.types[0]), (Some("USA"), Some("GOV")));

        let p = split_actor("RUSGOVMILSPYMED");
        assert_eq!(p.types, [Some("GOV"), Some("MIL"), Some("SPY")]);
        let p = split_actor("IGOEUREEC");
        assert_eq!((p.country, p.known_group), (Some("EUR"), Some("EEC")));
        let p = split_actor("NGOHRIAMN");
        assert_eq!(p.types, [Some("NGO"), Some("HRI"), None]);
        assert_eq!(p.known_group, Some("AMN"));
        let p = split_actor("IGOUNOREFHCR");
        assert_eq!(p.known_group, Some("HCR"));
        assert_eq!(p.types, [Some("IGO"), Some("REF"), None]);
        let p = split_actor("IMGMOSALQ");
        assert_eq!(p.religions, [Some("MOS"), None]);
        assert_eq!(p.known_group, Some("ALQ"));
        let p = split_actor("USACHRCTHELI");
        assert_eq!(p.religions, [Some("CHR"), Some("CTH")]);
        assert_eq!(p.types[0], Some("ELI"));
        let p = split_actor("NGOKURHRI");
        assert_eq!((p.ethnic, p.types[1]), (Some("KUR"), Some("HRI")));
        assert_eq!(split_actor("IRQkurREB").ethnic, Some("kur"));
        // A second country-list code is a sub-state region: no column for it.
        let p = split_actor("USRARM");
        assert_eq!(p.country, Some("USR"));
        assert_eq!(p.types, [None, None, None]);
        // PSE is both a country and a known group; first it is the country.
        assert_eq!(split_actor("PSEGOV").country, Some("PSE"));
        assert_eq!(split_actor("PSEGOV").known_group, None);
        // Unknown country, unknown groups, partial groups, non-ASCII.
        let p = split_actor("---GOV");
        assert_eq!((p.country, p.types[0]), (None, Some("GOV")));
        let p = split_actor("SDNGOVPTY");
        assert_eq!(
            (p.country, p.types),
            (Some("SDN"), [Some("GOV"), None, None])
        );
        assert_eq!(split_actor("RUSGO").country, Some("RUS"));
        assert_eq!(split_actor("RÜSGOV"), ActorParts::default());
    }

    /// A small RFC 4180 reader: records of fields, quoted fields may hold commas, doubled
    /// quotes and line breaks.
    fn parse_csv(text: &str) -> Vec<Vec<String>> {
        let (mut records, mut record, mut field) = (Vec::new(), Vec::new(), String::new());
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') if field.is_empty() => quoted = true,
                (false, ',') => record.push(std::mem::take(&mut field)),
                (false, '\n') => {
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                (false, c) => field.push(c),
            }
        }
        assert!(
            !quoted && field.is_empty() && record.is_empty(),
            "unterminated"
        );
        records
    }

    #[test]
    fn csv_rows_round_trip_and_match_the_header() {
        let mut e = stored();
        e.first.provenance.sentence_text = "He said \"no\",\nthen left,\r\n\"twice\"".into();
        e.first.provenance.verb_text = "said".into();
        e.url = None;
        e.first.location = Some(vigil_model::Place {
            basis: Some(vigil_model::LocationBasis::Sentence),
            ..kharkiv()
        });
        e.first.attribution = Some(vigil_model::Attribution {
            speaker: "Ukrainian officials".into(),
            code: "UKRGOV".into(),
            anonymous: true,
            ..Default::default()
        });
        let mut out = Vec::new();
        writeln!(out, "{CSV_HEADER}").unwrap();
        write_csv(&mut out, &e).unwrap();
        write_csv(&mut out, &stored()).unwrap();
        let text = String::from_utf8(out).unwrap();
        let records = parse_csv(&text);
        assert_eq!(records.len(), 3);
        let header = &records[0];
        assert_eq!(header.len(), 27);
        assert_eq!(header.last().map(String::as_str), Some("location_basis"));
        assert!(records.iter().all(|r| r.len() == header.len()));
        let row =
            |r: &Vec<String>, name: &str| r[header.iter().position(|h| h == name).unwrap()].clone();
        let r = &records[1];
        assert_eq!(row(r, "sentence_text"), e.first.provenance.sentence_text);
        assert_eq!(row(r, "event_id"), "4611686018427387905");
        assert_eq!(row(r, "date"), "2022-03-02");
        assert_eq!(row(r, "event_date"), "2022-03-01");
        assert_eq!(row(r, "goldstein"), "-10.0");
        assert_eq!(row(r, "num_mentions"), "2");
        assert_eq!(row(r, "source_text"), "Russian troops");
        assert_eq!(row(r, "url"), "");
        assert_eq!(row(r, "location"), "Kharkiv, Kharkivska Oblast, Ukraine");
        assert_eq!(
            (row(r, "location_country"), row(r, "lat")),
            ("UA".into(), "49.9935".into())
        );
        assert_eq!(
            (row(r, "speaker"), row(r, "speaker_code")),
            ("Ukrainian officials".into(), "UKRGOV".into())
        );
        assert_eq!(row(r, "date_precision"), "day");
        assert_eq!(row(r, "location_basis"), "sentence");
        let r = &records[2];
        assert_eq!(row(r, "location"), "");
        assert_eq!(row(r, "location_basis"), "");
        assert_eq!(
            row(r, "sentence_text"),
            stored().first.provenance.sentence_text
        );
        assert_eq!(row(r, "target_text"), "Ukraine's");
        assert_eq!(row(r, "url"), "https://example.org/a");
        // Plain fields are not quoted.
        assert!(
            text.lines()
                .nth(1)
                .unwrap()
                .starts_with("4611686018427387905,rec-1,")
        );
    }

    #[test]
    fn jsonl_is_one_line_of_to_json() {
        let mut e = stored();
        e.first.provenance.sentence_text = "two\nlines".into();
        let mut out = Vec::new();
        write_jsonl(&mut out, &e).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.matches('\n').count(), 1);
        assert!(text.ends_with('\n'));
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v, e.to_json());
        assert_eq!(v["event_id"], 4_611_686_018_427_387_905_i64);
    }
}
