-- The events the attributed messages give, keyed as the importer keys every event (row_key), so
-- an event a canonical log already holds at the same moment is not stored twice; two messages that
-- give the same event (same application, type and second) give it once.
CREATE OR REPLACE TEMP TABLE trace_events AS
SELECT event_key, any_value(candidate_id) AS candidate_id, any_value(process_id) AS process_id,
       any_value(event_type) AS event_type, any_value(occurred_at) AS occurred_at
FROM (
    SELECT row_key(candidate_id, process_id, event_type, epoch_us(occurred_at)) AS event_key,
           candidate_id, process_id, event_type, occurred_at
    FROM trace_attributed
)
GROUP BY event_key;
