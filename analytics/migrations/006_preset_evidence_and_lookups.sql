-- Schema version 6: every import accounts for each row, vendor lookups, and the evidence of the
-- ATS-preset and mapping imports made before imports declared it (docs/presets.md, "What an export records").

-- Rows an import left out on purpose (prospects, sourced applications, ...), and why: a JSON
-- object reason -> row count. rows_read = stored + already stored + rejected + left out.
ALTER TABLE imports ADD COLUMN rows_left_out INTEGER DEFAULT 0;
ALTER TABLE imports ADD COLUMN left_out VARCHAR;

-- Small vendor code tables an export refers to by id (Lever archive reasons): id -> text and its
-- category (Lever's archive reason type, 'hired' or 'non-hired'). No personal data.
CREATE TABLE IF NOT EXISTS vendor_lookups (
    vendor     VARCHAR NOT NULL,
    kind       VARCHAR NOT NULL,
    id         VARCHAR NOT NULL,
    text       VARCHAR,
    category   VARCHAR,
    import_id  INTEGER NOT NULL,
    PRIMARY KEY (vendor, kind, id)
);

-- Preset imports made before version 6 recorded no evidence: give them what each preset declared
-- in version 6 (presets.Preset.evidence; a test keeps this list equal to the declarations).
INSERT INTO import_evidence
SELECT i.import_id, d.evidence, d.scope, NULL, NULL
FROM imports AS i
JOIN (VALUES
    ('greenhouse_applications', 'applications', 'own'), ('greenhouse_applications', 'decisions', 'own'),
    ('greenhouse_activity', 'decisions', 'own'), ('greenhouse_activity', 'messages', 'own'),
    ('greenhouse_scorecards', 'interviews', 'own'),
    ('lever_opportunities', 'applications', 'own'), ('lever_opportunities', 'decisions', 'own'),
    ('lever_stage_changes', 'applications', 'own'),
    ('lever_stage_history', 'applications', 'own'),
    ('lever_interviews', 'interviews', 'own'),
    ('teamtailor_applications', 'applications', 'own'), ('teamtailor_applications', 'decisions', 'own'),
    ('teamtailor_activities', 'decisions', 'own'), ('teamtailor_activities', 'messages', 'own'),
    ('teamtailor_nps', 'survey_answers', 'own'), ('teamtailor_nps', 'surveys_sent', 'own'),
    ('teamtailor_nps_sent', 'surveys_sent', 'own'),
    ('ashby_application_history', 'applications', 'own'), ('ashby_application_history', 'decisions', 'own'),
    ('ashby_survey_submissions', 'survey_answers', 'all'),
    ('smartrecruiters_applications', 'applications', 'own'), ('smartrecruiters_applications', 'decisions', 'own'),
    ('smartrecruiters_interviews', 'interviews', 'own'),
    ('workday', 'applications', 'own'), ('workday', 'decisions', 'own'),
    ('easycruit', 'applications', 'own'), ('easycruit', 'decisions', 'own'), ('easycruit', 'interviews', 'own'),
    ('process_mining', 'applications', 'own'), ('process_mining', 'decisions', 'own'),
    ('process_mining', 'interviews', 'own'),
    ('process_mining_xes', 'applications', 'own'), ('process_mining_xes', 'decisions', 'own'),
    ('process_mining_xes', 'interviews', 'own')
) AS d(format, evidence, scope) ON d.format = i.format
WHERE i.import_id NOT IN (SELECT import_id FROM import_evidence);

-- Mapping imports before version 6: the kinds their stored rows show; never messages or personal
-- feedback (nobody was asked whether the export records all of them). Survey mappings: answers.
INSERT INTO import_evidence
SELECT DISTINCT s.import_id,
       CASE WHEN e.event_type = 'application_received' THEN 'applications'
            WHEN e.event_type IN ('rejected', 'offer_made', 'hired', 'withdrawn') THEN 'decisions'
            WHEN e.event_type IN ('interview_scheduled', 'interview_held') THEN 'interviews'
            ELSE 'surveys_sent' END,
       'own', CAST(NULL AS TIMESTAMPTZ), CAST(NULL AS TIMESTAMPTZ)
FROM event_sources AS s
JOIN events AS e USING (event_key)
JOIN imports AS i ON i.import_id = s.import_id
WHERE i.format LIKE 'mapping:%' AND i.kind = 'events'
  AND e.event_type IN ('application_received', 'rejected', 'offer_made', 'hired', 'withdrawn',
                       'interview_scheduled', 'interview_held', 'survey_sent')
  AND i.import_id NOT IN (SELECT import_id FROM import_evidence);

INSERT INTO import_evidence
SELECT import_id, 'survey_answers', 'all', NULL, NULL
FROM imports
WHERE format LIKE 'mapping:%' AND kind = 'surveys' AND import_id NOT IN (SELECT import_id FROM import_evidence);
