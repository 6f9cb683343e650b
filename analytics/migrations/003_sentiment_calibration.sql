-- Schema version 3: sentiment calibrations fitted on the store's own comments (analytics/voice.py).
-- One row per run, kept as a history; the newest run decides which scorer labels the comments.
CREATE SEQUENCE IF NOT EXISTS calibration_ids START 1;

CREATE TABLE IF NOT EXISTS sentiment_calibrations (
    calibration_id      INTEGER PRIMARY KEY,
    calibrated_at       TIMESTAMPTZ NOT NULL,
    labelled_comments   INTEGER NOT NULL,   -- stored comments with NPS 0-6 or 9-10: the weak labels
    trained_on          INTEGER NOT NULL,
    held_out            INTEGER NOT NULL,
    default_accuracy    DOUBLE,             -- on the held-out comments; NULL when nothing was trained
    calibrated_accuracy DOUBLE,
    beats_default       BOOLEAN NOT NULL,
    scorer              VARCHAR NOT NULL,   -- the scorer whose labels the run left in survey_responses
    relabelled          INTEGER NOT NULL,   -- answers whose label the run changed
    reason              VARCHAR NOT NULL,   -- why nothing was trained, else ''
    definition          VARCHAR NOT NULL    -- CalibratedScorer.to_json()
);
