-- Schema version 7: who may do what (access_grants) and who did what (audit_log).
-- These tables hold staff identities (the people who use Radar), never candidates' names or addresses.

-- One row per e-mail address or identity-provider group claim: the role it gives. A recruiter's
-- `recruiter` is their name as the events' recruiter column writes it; it scopes what they see.
CREATE TABLE IF NOT EXISTS access_grants (
    subject_kind  VARCHAR NOT NULL CHECK (subject_kind IN ('email', 'group')),
    subject       VARCHAR NOT NULL,        -- an e-mail address in lower case, or a group claim's value
    role          VARCHAR NOT NULL CHECK (role IN ('administrator', 'analyst', 'recruiter')),
    recruiter     VARCHAR,
    granted_by    VARCHAR NOT NULL,
    granted_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (subject_kind, subject)
);

-- Append-only: entry ids are never reused. `details` is a JSON object; it never carries candidate text.
CREATE SEQUENCE IF NOT EXISTS audit_ids START 1;

CREATE TABLE IF NOT EXISTS audit_log (
    entry_id      BIGINT PRIMARY KEY,
    occurred_at   TIMESTAMPTZ NOT NULL,
    actor         VARCHAR NOT NULL,        -- an e-mail address, "local administrator" or "os:<user>"
    role          VARCHAR,                 -- the actor's role at the time, when known
    action        VARCHAR NOT NULL,        -- 'sign_in', 'import', 'undo', 'settings', ... (analytics/audit.py)
    details       VARCHAR                  -- JSON
);
