-- Schema version 8: per-application facts kept in the store (analytics/ingest/facts.py).
-- One row per application (candidate_id, process_id) with what its events say whatever the "as of"
-- moment and the settings: milestones, the first contact after each, and the silence of its timeline
-- up to its last contact. Written with the events, in the same transaction, for the applications a
-- write touched; measure/sql/application_facts.sql adds what depends on "as of" and the settings.
CREATE TABLE IF NOT EXISTS application_facts (
    candidate_id        VARCHAR NOT NULL,
    process_id          VARCHAR NOT NULL,
    first_event_at      TIMESTAMPTZ NOT NULL,
    last_event_at       TIMESTAMPTZ NOT NULL,
    process_name        VARCHAR,       -- the application's first non-empty process name in time order
    process_name_order  HUGEINT,       -- ... and its place in time order (the process takes the earliest)
    department          VARCHAR,       -- the first non-empty one in time order
    recruiter           VARCHAR,       -- the first non-empty one in time order
    stage               VARCHAR,       -- the last non-empty one in time order
    applied_at          TIMESTAMPTZ NOT NULL,
    start_known         BOOLEAN NOT NULL,
    decision_at         TIMESTAMPTZ,
    offered_at          TIMESTAMPTZ,
    has_hired_event     BOOLEAN NOT NULL,
    withdrawn_at        TIMESTAMPTZ,
    interviews          BIGINT NOT NULL,
    last_interview_at   TIMESTAMPTZ,
    survey_sent         BOOLEAN NOT NULL,
    ack_at              TIMESTAMPTZ,
    notice_at           TIMESTAMPTZ,
    post_interview_at   TIMESTAMPTZ,
    personal_feedback_given BOOLEAN NOT NULL,
    last_contact_at     TIMESTAMPTZ,
    closed_at           TIMESTAMPTZ,   -- the earliest of notice, offer or hire, and withdrawal: the timeline's end
    silence_before_last_s DOUBLE,      -- the longest gap of the timeline before its last contact, seconds
    silence_last_s      DOUBLE         -- epoch seconds of the timeline's last contact, else of applied_at
);

-- Which events the facts were made from (count and xor of event keys): a store written by other
-- means (an older version, a test, a benchmark) is noticed and its facts made again.
CREATE TABLE IF NOT EXISTS application_facts_state (
    events       BIGINT NOT NULL,
    events_xor   UBIGINT NOT NULL
);
