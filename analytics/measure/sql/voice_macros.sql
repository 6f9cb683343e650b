-- Helpers of the voice_*.sql queries, created per connection (TEMP) next to metrics_macros.sql,
-- whose net_score and interval macros they use (docs/voice.md).

-- The group an answer or application belongs to: by process, stage reached, outcome, or all.
CREATE OR REPLACE TEMP MACRO voice_group_key(group_by, process_id, stage, outcome) AS
    CASE group_by WHEN 'process' THEN process_id WHEN 'stage' THEN stage
                  WHEN 'outcome' THEN outcome ELSE 'all' END;
