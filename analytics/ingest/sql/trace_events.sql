-- The events the attributed messages give, keyed as the importer keys every event (row_key), so
-- an event a canonical log already holds at the same moment is not stored twice.
CREATE OR REPLACE TEMP TABLE trace_events AS
SELECT DISTINCT ON (event_key) *
FROM (
    SELECT row_key(candidate_id, process_id, event_type, epoch_us(occurred_at)) AS event_key,
           candidate_id, process_id, event_type, occurred_at
    FROM trace_attributed
)
ORDER BY event_key;
