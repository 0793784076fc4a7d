//! The schema, as numbered migrations. A database records the last migration applied;
//! opening it applies the rest, in one transaction each. Never edit a released migration:
//! add the next one.

/// Migrations for SQLite, in order; version N is `SQLITE[N - 1]`.
pub const SQLITE: &[&str] = &[
    // 1: articles, sentences, events, mentions, actors.
    r#"
    CREATE TABLE articles (
        id         TEXT PRIMARY KEY,   -- the record id the input gave
        article    TEXT,               -- grouping key of multi-record articles
        date       TEXT NOT NULL,      -- publication date, YYYY-MM-DD
        url        TEXT,
        outlet     TEXT,
        title      TEXT,
        hash       TEXT NOT NULL,      -- content hash: equal means unchanged
        text       TEXT NOT NULL,
        stored_at  TEXT NOT NULL       -- UTC, YYYYMMDDHHMMSS (GDELT's DATEADDED)
    );
    CREATE TABLE sentences (
        record_id  TEXT NOT NULL,
        idx        INTEGER NOT NULL,   -- 0-based, as events' `sentence`
        start_byte INTEGER NOT NULL,
        end_byte   INTEGER NOT NULL,
        PRIMARY KEY (record_id, idx)
    );
    CREATE TABLE events (
        event_id   INTEGER PRIMARY KEY, -- hash of (event_date, source, code, target)
        event_date TEXT NOT NULL,
        source     TEXT NOT NULL,
        code       TEXT NOT NULL,
        target     TEXT NOT NULL,
        root       TEXT NOT NULL,
        quad       INTEGER,
        goldstein  REAL
    );
    CREATE INDEX events_by_date ON events (event_date);
    CREATE INDEX events_by_source ON events (source);
    CREATE INDEX events_by_target ON events (target);
    CREATE TABLE mentions (
        event_id    INTEGER NOT NULL,
        record_id   TEXT NOT NULL,
        sentence    INTEGER NOT NULL,
        date        TEXT NOT NULL,     -- publication date of the record
        source_key  TEXT NOT NULL,     -- outlet (else URL host, else record id): NumSources
        article_key TEXT NOT NULL,     -- article (else record id): NumArticles
        event       TEXT NOT NULL,     -- the coded event as `vigil code` prints it
        PRIMARY KEY (event_id, record_id, sentence)
    );
    CREATE INDEX mentions_by_record ON mentions (record_id);
    CREATE TABLE actors (
        code       TEXT PRIMARY KEY,
        country    TEXT NOT NULL,      -- leading three-letter code
        role       TEXT NOT NULL       -- the rest (GOV, MIL, ...)
    );
    "#,
    // 2: what sentences say besides events: quantity claims, places, times.
    r#"
    CREATE TABLE claims (
        record_id     TEXT NOT NULL,
        sentence      INTEGER NOT NULL,
        start_byte    INTEGER NOT NULL,  -- of the quantity's words in the record text
        date          TEXT NOT NULL,     -- publication date of the record
        unit          TEXT NOT NULL,
        subject_code  TEXT NOT NULL,     -- country of whose things are counted
        claimant_code TEXT NOT NULL,
        claim         TEXT NOT NULL,     -- the claim as `vigil claims` prints it
        PRIMARY KEY (record_id, sentence, start_byte)
    );
    CREATE INDEX claims_by_unit ON claims (unit, subject_code);
    CREATE TABLE places (
        record_id  TEXT NOT NULL,
        sentence   INTEGER NOT NULL,
        start_byte INTEGER NOT NULL,
        feature_id TEXT NOT NULL,        -- gazetteer id (geonames:N, vigil:NAME)
        relational INTEGER NOT NULL,     -- 1 for "near X", "the X border": locates, not named
        place      TEXT NOT NULL,        -- the place mention as JSON
        -- "the Russia-Ukraine border" places two countries at one position
        PRIMARY KEY (record_id, sentence, start_byte, feature_id)
    );
    CREATE INDEX places_by_feature ON places (feature_id);
    CREATE TABLE times (
        record_id  TEXT NOT NULL,
        sentence   INTEGER NOT NULL,
        start_byte INTEGER NOT NULL,
        resolved   TEXT,                 -- YYYY-MM-DD, YYYY-MM, YYYY or start/end; NULL: vague
        time       TEXT NOT NULL,        -- the time expression as JSON
        PRIMARY KEY (record_id, sentence, start_byte)
    );
    "#,
    // 3: escalation alerts, computed by `vigil watch` and kept.
    r#"
    CREATE TABLE alerts (
        id            TEXT PRIMARY KEY,   -- source>target/quad/window end
        source        TEXT NOT NULL,      -- dyad side: country (or organisation) code
        target        TEXT NOT NULL,
        quad          INTEGER NOT NULL,
        window_start  TEXT NOT NULL,
        window_end    TEXT NOT NULL,
        observed      INTEGER NOT NULL,
        expected      REAL NOT NULL,
        severity      REAL NOT NULL,      -- -log10 of the tail probability
        alert         TEXT NOT NULL,      -- the alert as `vigil watch --format jsonl` prints it
        computed_at   TEXT NOT NULL
    );
    CREATE INDEX alerts_by_severity ON alerts (severity);
    "#,
    // 4: where each event happened, as columns (maps and analytics read them without
    // parsing the stored JSON), and full-text search over articles.
    r#"
    ALTER TABLE events ADD COLUMN place_name TEXT;
    ALTER TABLE events ADD COLUMN place_country TEXT;   -- ISO 3166 alpha-2
    ALTER TABLE events ADD COLUMN lat REAL;
    ALTER TABLE events ADD COLUMN lon REAL;
    -- Events stored before this version: the location of their first report.
    UPDATE events SET (place_name, place_country, lat, lon) = (
        SELECT json_extract(m.event, '$.location.name'),
               json_extract(m.event, '$.location.country'),
               json_extract(m.event, '$.location.lat'),
               json_extract(m.event, '$.location.lon')
        FROM mentions m WHERE m.event_id = events.event_id
        ORDER BY m.date, m.record_id, m.sentence LIMIT 1);
    -- Titles and texts, indexed by FTS5 (Porter stemming: "shelled" finds "shelling"),
    -- kept in step with `articles` by triggers; the index stores no second copy of the text.
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content = 'articles', content_rowid = 'rowid',
        tokenize = 'porter unicode61');
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
    "#,
    // 5: a change counter that every write bumps in its own transaction, so that readers
    // (the server) can tell cheaply, and from any connection, that the data changed.
    r#"
    CREATE TABLE vigil_changes (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);
    INSERT INTO vigil_changes (id, n) VALUES (1, 0);
    "#,
    // 6: how each event's location was chosen: the sentence named it, or the article's
    // dateline, the article's places or the actors placed it.
    r#"
    ALTER TABLE events ADD COLUMN place_basis TEXT;  -- sentence, dateline, article, actor
    -- Events stored before this version: their first report's, when it says (none did
    -- before Vigil recorded it; `vigil ingest --recode` codes them again).
    UPDATE events SET place_basis = (
        SELECT json_extract(m.event, '$.location.basis')
        FROM mentions m WHERE m.event_id = events.event_id
        ORDER BY m.date, m.record_id, m.sentence LIMIT 1)
    WHERE place_name IS NOT NULL;
    "#,
];

/// Migrations for PostgreSQL, in order; version N is `POSTGRES[N - 1]`, the same schema as
/// `SQLITE[N - 1]` in PostgreSQL's types.
///
/// Text columns that are compared, ordered or matched by prefix use the "C" collation: it
/// orders by bytes as SQLite does, so the first report of an event and the order of
/// events are the same in both stores whatever the database's default collation, and
/// prefix matches (`LIKE 'RUS%'`) can use the indexes.
pub const POSTGRES: &[&str] = &[
    // 1: articles, sentences, events, mentions, actors.
    r#"
    CREATE TABLE articles (
        id         TEXT COLLATE "C" PRIMARY KEY,
        article    TEXT,
        date       TEXT NOT NULL,
        url        TEXT,
        outlet     TEXT,
        title      TEXT,
        hash       TEXT NOT NULL,
        text       TEXT NOT NULL,
        stored_at  TEXT NOT NULL
    );
    CREATE TABLE sentences (
        record_id  TEXT COLLATE "C" NOT NULL,
        idx        INTEGER NOT NULL,
        start_byte BIGINT NOT NULL,
        end_byte   BIGINT NOT NULL,
        PRIMARY KEY (record_id, idx)
    );
    CREATE TABLE events (
        event_id   BIGINT PRIMARY KEY,
        event_date TEXT COLLATE "C" NOT NULL,
        source     TEXT COLLATE "C" NOT NULL,
        code       TEXT COLLATE "C" NOT NULL,
        target     TEXT COLLATE "C" NOT NULL,
        root       TEXT NOT NULL,
        quad       INTEGER,
        goldstein  DOUBLE PRECISION
    );
    CREATE INDEX events_by_date ON events (event_date);
    CREATE INDEX events_by_source ON events (source);
    CREATE INDEX events_by_target ON events (target);
    CREATE TABLE mentions (
        event_id    BIGINT NOT NULL,
        record_id   TEXT COLLATE "C" NOT NULL,
        sentence    INTEGER NOT NULL,
        date        TEXT COLLATE "C" NOT NULL,
        source_key  TEXT COLLATE "C" NOT NULL,
        article_key TEXT COLLATE "C" NOT NULL,
        event       TEXT NOT NULL,
        PRIMARY KEY (event_id, record_id, sentence)
    );
    CREATE INDEX mentions_by_record ON mentions (record_id);
    CREATE TABLE actors (
        code       TEXT COLLATE "C" PRIMARY KEY,
        country    TEXT NOT NULL,
        role       TEXT NOT NULL
    );
    "#,
    // 2: what sentences say besides events: quantity claims, places, times.
    r#"
    CREATE TABLE claims (
        record_id     TEXT COLLATE "C" NOT NULL,
        sentence      INTEGER NOT NULL,
        start_byte    BIGINT NOT NULL,  -- of the quantity's words in the record text
        date          TEXT COLLATE "C" NOT NULL,     -- publication date of the record
        unit          TEXT COLLATE "C" NOT NULL,
        subject_code  TEXT COLLATE "C" NOT NULL,     -- country of whose things are counted
        claimant_code TEXT NOT NULL,
        claim         TEXT NOT NULL,     -- the claim as `vigil claims` prints it
        PRIMARY KEY (record_id, sentence, start_byte)
    );
    CREATE INDEX claims_by_unit ON claims (unit, subject_code);
    CREATE TABLE places (
        record_id  TEXT COLLATE "C" NOT NULL,
        sentence   INTEGER NOT NULL,
        start_byte BIGINT NOT NULL,
        feature_id TEXT COLLATE "C" NOT NULL,        -- gazetteer id (geonames:N, vigil:NAME)
        relational INTEGER NOT NULL,     -- 1 for "near X", "the X border": locates, not named
        place      TEXT COLLATE "C" NOT NULL, -- the place mention as JSON
        -- "the Russia-Ukraine border" places two countries at one position
        PRIMARY KEY (record_id, sentence, start_byte, feature_id)
    );
    CREATE INDEX places_by_feature ON places (feature_id);
    CREATE TABLE times (
        record_id  TEXT COLLATE "C" NOT NULL,
        sentence   INTEGER NOT NULL,
        start_byte BIGINT NOT NULL,
        resolved   TEXT,                 -- YYYY-MM-DD, YYYY-MM, YYYY or start/end; NULL: vague
        time       TEXT NOT NULL,        -- the time expression as JSON
        PRIMARY KEY (record_id, sentence, start_byte)
    );
    "#,
    // 3: escalation alerts, computed by `vigil watch` and kept.
    r#"
    CREATE TABLE alerts (
        id            TEXT COLLATE "C" PRIMARY KEY,   -- source>target/quad/window end
        source        TEXT NOT NULL,      -- dyad side: country (or organisation) code
        target        TEXT NOT NULL,
        quad          INTEGER NOT NULL,
        window_start  TEXT NOT NULL,
        window_end    TEXT COLLATE "C" NOT NULL,
        observed      BIGINT NOT NULL,
        expected      DOUBLE PRECISION NOT NULL,
        severity      DOUBLE PRECISION NOT NULL,      -- -log10 of the tail probability
        alert         TEXT NOT NULL,      -- the alert as `vigil watch --format jsonl` prints it
        computed_at   TEXT NOT NULL
    );
    CREATE INDEX alerts_by_severity ON alerts (severity);
    "#,
    // 4: event locations as columns, and full-text search over articles.
    r#"
    ALTER TABLE events ADD COLUMN place_name TEXT, ADD COLUMN place_country TEXT,
        ADD COLUMN lat DOUBLE PRECISION, ADD COLUMN lon DOUBLE PRECISION;
    UPDATE events e SET place_name = f.j -> 'location' ->> 'name',
        place_country = f.j -> 'location' ->> 'country',
        lat = (f.j -> 'location' ->> 'lat')::float8,
        lon = (f.j -> 'location' ->> 'lon')::float8
    FROM (SELECT DISTINCT ON (event_id) event_id, event::jsonb AS j FROM mentions
          ORDER BY event_id, date, record_id, sentence) f
    WHERE f.event_id = e.event_id AND f.j ? 'location';
    CREATE INDEX articles_search ON articles
        USING gin (to_tsvector('english', coalesce(title, '') || ' ' || text));
    "#,
    // 5: the change counter.
    r#"
    CREATE TABLE vigil_changes (id INTEGER PRIMARY KEY CHECK (id = 1), n BIGINT NOT NULL);
    INSERT INTO vigil_changes (id, n) VALUES (1, 0);
    "#,
    // 6: how each event's location was chosen.
    r#"
    ALTER TABLE events ADD COLUMN place_basis TEXT;
    UPDATE events e SET place_basis = f.j -> 'location' ->> 'basis'
    FROM (SELECT DISTINCT ON (event_id) event_id, event::jsonb AS j FROM mentions
          ORDER BY event_id, date, record_id, sentence) f
    WHERE f.event_id = e.event_id AND e.place_name IS NOT NULL
      AND f.j -> 'location' ? 'basis';
    "#,
];
