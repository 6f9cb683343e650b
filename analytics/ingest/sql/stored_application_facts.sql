-- The stored per-application facts (table application_facts, migration 008) of the events in the
-- relation `fact_events` (the events table, the events of some applications, or the events known at
-- a past moment): everything an application's events say whatever "as of" and the settings are.
-- measure/sql/application_facts.sql measures these against "as of", the SLA and the silence limit.
--
-- The store is canonical (the importer lower-cases event types and channels and stores empty
-- descriptive values as NULL), so values are compared as they are.

WITH
-- time_order sorts by time, then by event_key, so that "first in time order" never depends on the
-- order rows were stored in.
ordered_events AS NOT MATERIALIZED (
    SELECT candidate_id, process_id, event_type, occurred_at, channel,
           process_name, department, recruiter, stage,
           (CAST(epoch_us(occurred_at) AS HUGEINT) << 64) | event_key AS time_order,
           event_type IN ('acknowledgement_sent', 'status_update_sent', 'interview_scheduled',
                          'interview_held', 'rejection_sent', 'feedback_given', 'offer_made',
                          'hired') AS is_contact
    FROM fact_events
),

-- One pass: each application's milestones, and the times of the contacts to measure against them.
-- "The first X of the rows where C" is written min(CASE WHEN C THEN X END), and arg_min's value
-- likewise (NULL values are skipped), not with FILTER (C): one column per aggregate, not a copy of
-- the rows for each (a million applications: 1.97 s -> 1.82 s).
milestones AS (
    SELECT candidate_id, process_id,
           min(occurred_at) AS first_event_at,
           max(occurred_at) AS last_event_at,
           arg_min(process_name, CASE WHEN process_name IS NOT NULL THEN time_order END) AS process_name,
           min(CASE WHEN process_name IS NOT NULL THEN time_order END) AS process_name_order,
           -- descriptive values: the first non-empty one in time order; the stage reached: the last
           arg_min(department, CASE WHEN department IS NOT NULL THEN time_order END) AS department,
           arg_min(recruiter, CASE WHEN recruiter IS NOT NULL THEN time_order END) AS recruiter,
           arg_max(stage, CASE WHEN stage IS NOT NULL THEN time_order END) AS stage,
           -- applied_at: the earliest application_received, else the earliest event
           coalesce(min(CASE WHEN event_type = 'application_received' THEN occurred_at END),
                    min(occurred_at)) AS applied_at,
           bool_or(event_type = 'application_received') AS start_known,
           min(CASE WHEN event_type = 'rejected' THEN occurred_at END) AS decision_at,
           min(CASE WHEN event_type IN ('offer_made', 'hired') THEN occurred_at END) AS offered_at,
           bool_or(event_type = 'hired') AS has_hired_event,
           min(CASE WHEN event_type = 'withdrawn' THEN occurred_at END) AS withdrawn_at,
           count(CASE WHEN event_type = 'interview_held' THEN 1 END) AS interviews,
           max(CASE WHEN event_type = 'interview_held' THEN occurred_at END) AS last_interview_at,
           max(CASE WHEN event_type = 'feedback_given' AND channel IN ('phone', 'video', 'in_person')
                    THEN occurred_at END) AS last_personal_feedback_at,
           bool_or(event_type = 'survey_sent') AS survey_sent,
           -- The contacts, each one number: its time in epoch microseconds times 4, plus what else it
           -- is: 2 a notice of the decision (rejection_sent, feedback_given), 1 an offer (offer_made),
           -- else 0. Notices and offers answer an interview. One list, not one per kind, keeps the
           -- aggregation of a million applications within the memory limit (three lists made it spill:
           -- 2.9 s -> 2.0 s). NULL, not [], without any (cheaper, and the list functions below give
           -- NULL for NULL as they do for []). Events are never before 1990, so the numbers are positive.
           list(epoch_us(occurred_at) * 4 + CASE event_type WHEN 'rejection_sent' THEN 2 WHEN 'feedback_given' THEN 2
                                                            WHEN 'offer_made' THEN 1 ELSE 0 END) FILTER (is_contact) AS contacts
    FROM ordered_events
    GROUP BY candidate_id, process_id
),

-- The contacts measured against the milestones, "at or after" everywhere: a contact c is at or
-- after instant t when c >= epoch_us(t) * 4, and is at c // 4 microseconds.
follow_ups AS (
    SELECT *,
           -- acknowledgement: any contact event at or after applied_at
           make_timestamptz(list_min(list_filter(contacts, lambda c: c >= epoch_us(applied_at) * 4)) // 4) AS ack_at,
           -- notice of the decision: rejection_sent or feedback_given at or after it
           make_timestamptz(list_min(list_filter(contacts,
                                                 lambda c: c % 4 = 2 AND c >= epoch_us(decision_at) * 4)) // 4) AS notice_at,
           -- the first feedback, rejection notice or offer at or after the last interview
           make_timestamptz(list_min(list_filter(contacts,
                                                 lambda c: c % 4 > 0 AND c >= epoch_us(last_interview_at) * 4)) // 4)
               AS post_interview_at,
           coalesce(last_personal_feedback_at >= last_interview_at, false) AS personal_feedback_given,
           make_timestamptz(list_max(contacts) // 4) AS last_contact_at
    FROM milestones
),

-- The silence timeline runs from applied_at to the earliest of notice, offer or hire, and
-- withdrawal (closed_at), else to "as of". Its contacts in time order, in epoch seconds; an open
-- timeline holds every contact from applied_at on (the events known at "as of" end there).
timelines AS (
    SELECT *,
           least(notice_at, offered_at, withdrawn_at) AS closed_at,
           list_sort(list_transform(
               list_filter(contacts,
                           lambda c: c >= epoch_us(applied_at) * 4
                                     AND (least(notice_at, offered_at, withdrawn_at) IS NULL
                                          OR c // 4 <= epoch_us(greatest(applied_at, least(notice_at, offered_at, withdrawn_at))))),
               lambda c: epoch(make_timestamptz(c // 4)))) AS timeline_contacts
    FROM follow_ups
)

SELECT candidate_id, process_id, first_event_at, last_event_at, process_name, process_name_order,
       department, recruiter, stage, applied_at, start_known, decision_at, offered_at, has_hired_event,
       withdrawn_at, interviews, last_interview_at, survey_sent, ack_at, notice_at, post_interview_at,
       personal_feedback_given, last_contact_at, closed_at,
       -- the largest gap up to the last contact: up to the first contact, between two contacts
       greatest(timeline_contacts[1] - epoch(applied_at),
                list_max(list_transform(timeline_contacts[2:],
                                        lambda later, i: later - timeline_contacts[i]))) AS silence_before_last_s,
       coalesce(timeline_contacts[-1], epoch(applied_at)) AS silence_last_s
FROM timelines
