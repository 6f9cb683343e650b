-- Canonical store, schema version 1. Timestamps are UTC instants (TIMESTAMPTZ, session zone UTC).
-- candidate_id is the source system's id, or 'anon-' || keyed pseudonym of the e-mail address.
-- Names and e-mail addresses are never stored.

-- Import ids are never reused, even after the newest import is undone.
CREATE SEQUENCE IF NOT EXISTS import_ids START 1;

CREATE TABLE IF NOT EXISTS imports (
    import_id     INTEGER PRIMARY KEY,
    file_name     VARCHAR NOT NULL,
    sha256        VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,        -- 'events' | 'surveys'
    format        VARCHAR NOT NULL,        -- 'canonical' or an ATS preset name
    rows_read     INTEGER NOT NULL,
    rows_stored   INTEGER NOT NULL,        -- new rows this import added to the store
    rows_duplicate INTEGER NOT NULL,       -- rows already in the store (or repeated in the file)
    rows_rejected INTEGER NOT NULL,
    imported_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE IF NOT EXISTS events (
    event_key     UBIGINT NOT NULL,        -- CAST(md5_number(natural key) >> 64 AS UBIGINT), see importer.py
    candidate_id  VARCHAR NOT NULL,
    process_id    VARCHAR NOT NULL,
    event_type    VARCHAR NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL,
    process_name  VARCHAR,
    department    VARCHAR,
    recruiter     VARCHAR,
    stage         VARCHAR,
    channel       VARCHAR
);

-- Which imports brought which event: undo removes an event only when no other import holds it.
CREATE TABLE IF NOT EXISTS event_sources (
    event_key     UBIGINT NOT NULL,
    import_id     INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS survey_responses (
    response_key  UBIGINT NOT NULL,        -- the same over (candidate_id, process_id, submitted_at)
    candidate_id  VARCHAR NOT NULL,
    process_id    VARCHAR NOT NULL,
    submitted_at  TIMESTAMPTZ NOT NULL,
    nps           TINYINT,                 -- 0..10
    comment       VARCHAR,
    language      VARCHAR,                 -- given in the file, or detected: 'sv' | 'en' | 'other'
    sentiment_label VARCHAR,               -- 'positive' | 'neutral' | 'negative' (NULL without comment)
    sentiment_score DOUBLE,                -- [-1, 1]
    sentiment_scorer VARCHAR               -- which scorer produced the label
);

CREATE TABLE IF NOT EXISTS survey_ratings (
    response_key  UBIGINT NOT NULL,
    rating        VARCHAR NOT NULL,        -- the column name without 'rating_', e.g. 'communication'
    value         DOUBLE NOT NULL          -- 1..5 (a Swedish export may give "4,5")
);

CREATE TABLE IF NOT EXISTS survey_sources (
    response_key  UBIGINT NOT NULL,
    import_id     INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS settings (
    name          VARCHAR PRIMARY KEY,
    value         VARCHAR NOT NULL          -- JSON
);
