-- Every readable row of the trace with the first reason it gives no contact, in this order:
--   not_delivered     failed, pending, quarantined, filtered as spam, a delivery step that is not the delivery
--   from_candidate    a candidate's own mail (a reply, an application sent by e-mail)
--   not_to_candidate  mail between colleagues, to vendors, to anyone who is no known candidate
-- NULL: a delivered message from the employer to a candidate, kept so far. Only those rows keep
-- their subject (read once more, to tell the event type); no address of another row goes further.
CREATE OR REPLACE TEMP TABLE trace_classified AS
WITH candidate_addresses AS (
    SELECT DISTINCT address, address_key FROM trace_candidates
),
marked AS (
    SELECT r.__id, r.sent_at, r.message_id, r.recipient, r.subject, r.delivered,
           s.address IS NOT NULL AS from_candidate,
           c.address_key AS recipient_key
    FROM trace_rows AS r
    LEFT JOIN candidate_addresses AS s ON s.address = r.sender
    LEFT JOIN candidate_addresses AS c ON c.address = r.recipient
    WHERE r.in_window
)
SELECT __id, sent_at, message_id,
       CASE WHEN reason IS NULL THEN recipient END AS recipient,
       CASE WHEN reason IS NULL THEN recipient_key END AS recipient_key,
       CASE WHEN reason IS NULL THEN subject END AS subject,
       reason
FROM (
    SELECT *,
           CASE WHEN NOT delivered THEN 'not_delivered'
                WHEN from_candidate THEN 'from_candidate'
                WHEN recipient_key IS NULL THEN 'not_to_candidate'
           END AS reason
    FROM marked
);
