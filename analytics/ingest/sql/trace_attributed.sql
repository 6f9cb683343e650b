-- Each kept message on the application it belongs to, with its event type.
--
-- Attribution: the candidate's applications open when the message was sent: started (first event)
-- at most $tolerance_minutes after it, and not yet closed (hired, withdrawn or a notice sent, as
-- far as the store knows). One open: that one. Several: the one whose process name or process id
-- the subject names; when it names none, or several, the most recently started (`ambiguous`).
-- None: the message stays out (no_open_application). A message sent in the tolerance before the
-- start is dated at the start, so it never counts as a contact before the application.
--
-- Type: the first message at or after the application's rejection decision is the notice
-- (rejection_sent); any other takes the event type of the longest subject pattern it contains
-- (subject_patterns, in lower case), else it is a status update.
CREATE OR REPLACE TEMP TABLE trace_attributed AS
WITH messages AS (
    SELECT * FROM trace_delivered WHERE NOT imported
),
applications AS (
    SELECT candidate_id, process_id,
           min(occurred_at) AS started_at,
           min(occurred_at) FILTER (event_type IN ('hired', 'withdrawn', 'rejection_sent')) AS closed_at,
           min(occurred_at) FILTER (event_type = 'rejected') AS decided_at,
           arg_min(process_name, occurred_at) FILTER (process_name IS NOT NULL) AS process_name,
           count(*) OVER (PARTITION BY candidate_id) AS of_candidate
    FROM events
    WHERE candidate_id IN (SELECT candidate_id FROM trace_candidates)
    GROUP BY candidate_id, process_id
),
-- Whether the subject names the process, only where a candidate has more than one application: by
-- name, or by id as a whole word ('REQ-101' in 'Intervju REQ-101', not in 'REQ-1010'), words
-- compared without punctuation. Several candidate ids may share the address: all count.
open_applications AS (
    SELECT m.__id, m.message_key, m.sent_at, m.subject,
           {'candidate_id': a.candidate_id, 'process_id': a.process_id, 'started_at': a.started_at,
            'decided_at': a.decided_at} AS application,
           a.started_at,
           a.of_candidate > 1 OR c.candidates > 1 AS choice,
           CASE WHEN a.of_candidate > 1 OR c.candidates > 1 THEN
               coalesce(contains(lower(m.subject), lower(a.process_name)), false)
               OR contains(' ' || trim(regexp_replace(lower(coalesce(m.subject, '')), '[^[:alnum:]]+', ' ', 'g')) || ' ',
                           ' ' || trim(regexp_replace(lower(a.process_id), '[^[:alnum:]]+', ' ', 'g')) || ' ')
           ELSE false END AS named
    FROM messages AS m
    JOIN (SELECT *, count(*) OVER (PARTITION BY address) AS candidates FROM trace_candidates) AS c
        ON c.address = m.recipient
    JOIN applications AS a ON a.candidate_id = c.candidate_id
    WHERE a.started_at <= m.sent_at + to_minutes(CAST($tolerance_minutes AS BIGINT))
      AND (a.closed_at IS NULL OR m.sent_at <= a.closed_at)
),
-- A message whose address has one candidate with one application (most messages) needs no
-- choosing; the others choose: the named application, else the most recently started one.
chosen AS (
    SELECT __id, message_key, sent_at, subject, false AS ambiguous, application
    FROM open_applications
    WHERE NOT choice
    UNION ALL
    SELECT __id, any_value(message_key), any_value(sent_at), any_value(subject),
           count(*) > 1 AND count(*) FILTER (named) <> 1,
           CASE WHEN count(*) FILTER (named) = 1 THEN any_value(application) FILTER (named)
                ELSE arg_max(application, started_at) END
    FROM open_applications
    WHERE choice
    GROUP BY __id
),
attributed AS MATERIALIZED (
    SELECT __id, message_key, lower(subject) AS subject, ambiguous,
           application.candidate_id AS candidate_id, application.process_id AS process_id,
           greatest(sent_at, application.started_at) AS occurred_at,
           application.decided_at AS decided_at
    FROM chosen
),
notices AS (
    SELECT __id, row_number() OVER (PARTITION BY candidate_id, process_id ORDER BY occurred_at, __id) AS position
    FROM attributed
    WHERE occurred_at >= decided_at
),
-- The event type of the longest pattern each subject contains: the patterns, longest first, as
-- one constant list tried on each distinct subject (templates repeat: far fewer than messages).
patterns AS (
    SELECT list({'pattern': pattern, 'event_type': event_type} ORDER BY length(pattern) DESC, pattern) AS patterns
    FROM subject_patterns
),
subject_types AS (
    SELECT s.subject, list_filter(p.patterns, lambda x: contains(s.subject, x.pattern))[1].event_type AS event_type
    FROM (SELECT DISTINCT subject FROM attributed WHERE subject IS NOT NULL) AS s
    CROSS JOIN patterns AS p
)
SELECT a.__id, a.message_key, a.candidate_id, a.process_id, a.occurred_at, a.ambiguous,
       CASE WHEN n.position = 1 THEN 'rejection_sent' ELSE coalesce(t.event_type, 'status_update_sent') END
           AS event_type
FROM attributed AS a
LEFT JOIN notices AS n USING (__id)
LEFT JOIN subject_types AS t USING (subject);
