-- Schema version 2: column mappings saved under a name, so the next export of the same kind
-- imports in one click. `definition` is the JSON of analytics.mappings.ColumnMapping.
CREATE TABLE IF NOT EXISTS saved_mappings (
    name        VARCHAR PRIMARY KEY,
    definition  VARCHAR NOT NULL,
    saved_at    TIMESTAMPTZ NOT NULL
);
