-- Every row of the trace, its time read (trace_instant), with the first reason it gives no contact:
--   bad_time          no readable, plausible time: a row problem, not a message (strict imports stop)
--   not_delivered     failed, pending, quarantined, filtered as spam, a delivery step that is not the delivery
--   from_candidate    a candidate's own mail (a reply, an application sent by e-mail)
--   not_to_candidate  mail between colleagues, to vendors, to anyone who is no known candidate
-- NULL: a delivered message from the employer to a candidate, kept so far. Only those rows keep
-- their recipient and subject (read once more, to tell the event type); bad_time rows keep the
-- time text for the problem list. Parameters: $timezone, $earliest, $latest.
CREATE OR REPLACE TEMP TABLE trace_classified AS
WITH candidate_addresses AS (
    SELECT DISTINCT address, address_key FROM trace_candidates
),
marked AS (
    SELECT r.__id, r.__row, r.sent_raw, r.message_id, r.recipient, r.subject, r.delivered,
           trace_instant(r.sent_raw, $timezone) AS sent_at,
           s.address IS NOT NULL AS from_candidate,
           c.address_key AS recipient_key
    FROM trace_rows AS r
    LEFT JOIN candidate_addresses AS s ON s.address = r.sender
    LEFT JOIN candidate_addresses AS c ON c.address = r.recipient
),
reasoned AS (
    SELECT *,
           CASE WHEN NOT coalesce(sent_at BETWEEN $earliest AND $latest, false) THEN 'bad_time'
                WHEN NOT delivered THEN 'not_delivered'
                WHEN from_candidate THEN 'from_candidate'
                WHEN recipient_key IS NULL THEN 'not_to_candidate'
           END AS reason
    FROM marked
)
SELECT __id, __row, sent_at, reason,
       CASE WHEN reason = 'bad_time' THEN sent_raw END AS sent_raw,
       CASE WHEN reason IS NULL THEN message_id END AS message_id,
       CASE WHEN reason IS NULL THEN recipient END AS recipient,
       CASE WHEN reason IS NULL THEN recipient_key END AS recipient_key,
       CASE WHEN reason IS NULL THEN subject END AS subject
FROM reasoned;
