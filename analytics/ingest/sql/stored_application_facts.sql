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
milestones AS (
    SELECT candidate_id, process_id,
           min(occurred_at) AS first_event_at,
           max(occurred_at) AS last_event_at,
           arg_min(process_name, time_order) FILTER (process_name IS NOT NULL) AS process_name,
           min(time_order) FILTER (process_name IS NOT NULL) AS process_name_order,
           -- descriptive values: the first non-empty one in time order; the stage reached: the last
           arg_min(department, time_order) FILTER (department IS NOT NULL) AS department,
           arg_min(recruiter, time_order) FILTER (recruiter IS NOT NULL) AS recruiter,
           arg_max(stage, time_order) FILTER (stage IS NOT NULL) AS stage,
           -- applied_at: the earliest application_received, else the earliest event
           coalesce(min(occurred_at) FILTER (event_type = 'application_received'),
                    min(occurred_at)) AS applied_at,
           bool_or(event_type = 'application_received') AS start_known,
           min(occurred_at) FILTER (event_type = 'rejected') AS decision_at,
           min(occurred_at) FILTER (event_type IN ('offer_made', 'hired')) AS offered_at,
           bool_or(event_type = 'hired') AS has_hired_event,
           min(occurred_at) FILTER (event_type = 'withdrawn') AS withdrawn_at,
           count(*) FILTER (event_type = 'interview_held') AS interviews,
           max(occurred_at) FILTER (event_type = 'interview_held') AS last_interview_at,
           max(occurred_at) FILTER (event_type = 'feedback_given'
                                    AND channel IN ('phone', 'video', 'in_person')) AS last_personal_feedback_at,
           bool_or(event_type = 'survey_sent') AS survey_sent,
           -- the times of the contacts, notices and answers; NULL, not [], without any (cheaper,
           -- and the list functions below give NULL for NULL as they do for [])
           list(occurred_at) FILTER (is_contact) AS contact_times,
           list(occurred_at) FILTER (event_type IN ('rejection_sent', 'feedback_given')) AS notice_times,
           list(occurred_at) FILTER (event_type IN ('feedback_given', 'rejection_sent', 'offer_made')) AS answer_times
    FROM ordered_events
    GROUP BY candidate_id, process_id
),

-- The contacts measured against the milestones, "at or after" everywhere.
follow_ups AS (
    SELECT *,
           -- acknowledgement: any contact event at or after applied_at
           list_min(list_filter(contact_times, lambda t: t >= applied_at)) AS ack_at,
           -- notice of the decision: rejection_sent or feedback_given at or after it
           list_min(list_filter(notice_times, lambda t: t >= decision_at)) AS notice_at,
           -- the first feedback, rejection notice or offer at or after the last interview
           list_min(list_filter(answer_times, lambda t: t >= last_interview_at)) AS post_interview_at,
           coalesce(last_personal_feedback_at >= last_interview_at, false) AS personal_feedback_given,
           list_max(contact_times) AS last_contact_at
    FROM milestones
),

-- The silence timeline runs from applied_at to the earliest of notice, offer or hire, and
-- withdrawal (closed_at), else to "as of". Its contacts in time order, in epoch seconds; an open
-- timeline holds every contact from applied_at on (the events known at "as of" end there).
timelines AS (
    SELECT *,
           least(notice_at, offered_at, withdrawn_at) AS closed_at,
           list_sort(list_transform(
               list_filter(contact_times,
                           lambda t: t >= applied_at
                                     AND (least(notice_at, offered_at, withdrawn_at) IS NULL
                                          OR t <= greatest(applied_at, least(notice_at, offered_at, withdrawn_at)))),
               lambda t: epoch(t))) AS timeline_contacts
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
