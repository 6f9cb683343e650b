-- Schema version 4: what each import's source can tell, and candidates' e-mail aliases.
-- docs/capabilities.md explains how the engine turns these rows into per-application coverage.

-- One row per import and kind of evidence it records (vocabulary.EVIDENCE). The evidence applies
-- to the applications `scope` names (vocabulary.EVIDENCE_SCOPES), and only to those whose
-- application lies within [covers_from, covers_to] when these are set (a trace's first and last message).
CREATE TABLE IF NOT EXISTS import_evidence (
    import_id    INTEGER NOT NULL,
    evidence     VARCHAR NOT NULL,
    scope        VARCHAR NOT NULL,
    covers_from  TIMESTAMPTZ,
    covers_to    TIMESTAMPTZ,
    PRIMARY KEY (import_id, evidence)
);

-- Imports before version 4 were canonical files: complete by contract.
INSERT INTO import_evidence
SELECT i.import_id, e.evidence, 'own', NULL, NULL
FROM imports AS i,
     (VALUES ('applications'), ('decisions'), ('interviews'), ('messages'), ('personal_feedback'), ('surveys_sent'))
         AS e(evidence)
WHERE i.kind = 'events' AND i.format = 'canonical'
UNION ALL
SELECT i.import_id, 'survey_answers', 'all', NULL, NULL
FROM imports AS i
WHERE i.kind = 'surveys' AND i.format = 'canonical';

-- A candidate's e-mail addresses, as keyed hashes only (HMAC-SHA256 of the normalised address with
-- the store's key): a message trace finds the candidate by them. Never the address itself.
CREATE TABLE IF NOT EXISTS candidate_aliases (
    address_key  VARCHAR NOT NULL,
    candidate_id VARCHAR NOT NULL,
    import_id    INTEGER NOT NULL,
    PRIMARY KEY (address_key, candidate_id, import_id)
);
