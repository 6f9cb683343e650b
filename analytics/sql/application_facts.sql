-- application_facts: one row per application (candidate_id, process_id) with every fact the
-- metrics of docs/metrics.md are aggregated from. One pass over the events builds the milestones,
-- a second pass measures the contacts against them; surveys and process names join on.
--
-- Bound parameters:
--   $as_of               TIMESTAMPTZ, or NULL for the latest occurred_at in the store
--   $timezone            zone of local dates and months, e.g. 'Europe/Stockholm'
--   $ack_sla_hours       acknowledgement SLA in hours
--   $silence_limit_days  days without news after which an application counts as ghosted
--   $non_working_days    DATE[]: public and de facto holidays (weekends are added below)
--   $processes           VARCHAR[]: only these processes; empty for all
--
-- The store is canonical (the importer lower-cases event types and channels and stores empty
-- descriptive values as NULL), so values are compared as they are.

WITH
moment AS (
    SELECT coalesce(CAST($as_of AS TIMESTAMPTZ), (SELECT max(occurred_at) FROM events)) AS as_of
),

-- Business-day calendar over the local dates the events span. A moment's business clock is the
-- number of whole business days before its local date, plus the elapsed fraction of its own date
-- when that date is a business day. Latency in business days = difference of two clocks.
-- (Swedish summer time changes on Sunday nights, so every business day has 24 hours.)
calendar_bounds AS (
    SELECT CAST(timezone($timezone, min(occurred_at)) AS DATE) AS first_day,
           CAST(timezone($timezone, max(occurred_at)) AS DATE) AS last_day
    FROM events
),
calendar_days AS (
    SELECT CAST(unnest(range(first_day, last_day + 1, INTERVAL 1 DAY)) AS DATE) AS day
    FROM calendar_bounds
),
business_calendar AS (
    SELECT day,
           is_business_day,
           sum(CAST(is_business_day AS INTEGER)) OVER (ORDER BY day)
               - CAST(is_business_day AS INTEGER) AS business_days_before
    FROM (
        SELECT day,
               isodow(day) <= 5 AND NOT list_contains(CAST($non_working_days AS DATE[]), day)
                   AS is_business_day
        FROM calendar_days
    )
),

-- Events known at as_of, each with its business clock.
known_events AS (
    SELECT e.candidate_id, e.process_id, e.event_type, e.occurred_at, e.event_key,
           e.process_name, e.department, e.recruiter, e.stage, e.channel,
           e.event_type IN ('acknowledgement_sent', 'status_update_sent', 'interview_scheduled',
                            'interview_held', 'rejection_sent', 'feedback_given', 'offer_made',
                            'hired') AS is_contact,
           c.business_days_before
               + CASE WHEN c.is_business_day
                      THEN (epoch(timezone($timezone, e.occurred_at)) - epoch(CAST(c.day AS TIMESTAMP))) / 86400
                      ELSE 0 END AS business_clock
    FROM events AS e
    JOIN business_calendar AS c ON c.day = CAST(timezone($timezone, e.occurred_at) AS DATE)
    WHERE e.occurred_at <= (SELECT as_of FROM moment)
      AND (len(CAST($processes AS VARCHAR[])) = 0
           OR list_contains(CAST($processes AS VARCHAR[]), e.process_id))
),

-- First pass: the moments every later rule is measured from.
milestones AS (
    SELECT candidate_id, process_id,
           -- applied_at: earliest application_received, else the earliest event
           coalesce(min(occurred_at) FILTER (event_type = 'application_received'),
                    min(occurred_at)) AS applied_at,
           coalesce(min(business_clock) FILTER (event_type = 'application_received'),
                    min(business_clock)) AS applied_clock,
           min(occurred_at) FILTER (event_type = 'rejected') AS decision_at,
           min(business_clock) FILTER (event_type = 'rejected') AS decision_clock,
           min(occurred_at) FILTER (event_type IN ('offer_made', 'hired')) AS offered_at,
           bool_or(event_type = 'hired') AS has_hired_event,
           min(occurred_at) FILTER (event_type = 'withdrawn') AS withdrawn_at,
           count(*) FILTER (event_type = 'interview_held') AS interviews,
           max(occurred_at) FILTER (event_type = 'interview_held') AS last_interview_at,
           max(business_clock) FILTER (event_type = 'interview_held') AS last_interview_clock,
           max(occurred_at) FILTER (is_contact) AS last_contact_at,
           bool_or(event_type = 'survey_sent') AS survey_sent,
           -- descriptive values: first non-empty in time order (event_key breaks ties), stage: last
           arg_min(department, (occurred_at, event_key)) FILTER (department IS NOT NULL) AS department,
           arg_min(recruiter, (occurred_at, event_key)) FILTER (recruiter IS NOT NULL) AS recruiter,
           arg_max(stage, (occurred_at, event_key)) FILTER (stage IS NOT NULL) AS stage
    FROM known_events
    GROUP BY candidate_id, process_id
),

-- Second pass: contacts measured against the milestones, "at or after" everywhere.
contacts_after_milestones AS (
    SELECT m.candidate_id, m.process_id,
           -- acknowledgement: any contact event at or after applied_at
           min(e.occurred_at) FILTER (e.occurred_at >= m.applied_at) AS ack_at,
           min(e.business_clock) FILTER (e.occurred_at >= m.applied_at) AS ack_clock,
           -- notice of a decision: rejection_sent or feedback_given at or after the decision
           min(e.occurred_at) FILTER (e.event_type IN ('rejection_sent', 'feedback_given')
                                      AND e.occurred_at >= m.decision_at) AS notice_at,
           min(e.business_clock) FILTER (e.event_type IN ('rejection_sent', 'feedback_given')
                                         AND e.occurred_at >= m.decision_at) AS notice_clock,
           -- first answer after the last interview
           min(e.occurred_at) FILTER (e.event_type IN ('feedback_given', 'rejection_sent', 'offer_made')
                                      AND e.occurred_at >= m.last_interview_at) AS post_interview_at,
           min(e.business_clock) FILTER (e.event_type IN ('feedback_given', 'rejection_sent', 'offer_made')
                                         AND e.occurred_at >= m.last_interview_at) AS post_interview_clock,
           coalesce(bool_or(e.event_type = 'feedback_given'
                            AND e.channel IN ('phone', 'video', 'in_person')
                            AND e.occurred_at >= m.last_interview_at), false) AS personal_feedback_given,
           -- the contact moments of the silence timeline, in time order (cut at its end below)
           list_sort(list(epoch(e.occurred_at)) FILTER (e.occurred_at >= m.applied_at)) AS contact_epochs
    FROM milestones AS m
    JOIN known_events AS e USING (candidate_id, process_id)
    WHERE e.is_contact
    GROUP BY m.candidate_id, m.process_id
),

-- Per process: the first non-empty process name in time order.
process_names AS (
    SELECT process_id,
           arg_min(process_name, (occurred_at, event_key)) FILTER (process_name IS NOT NULL) AS process_name
    FROM known_events
    GROUP BY process_id
),

-- Survey answers submitted by as_of, per application (answers of unknown applications drop out
-- at the LEFT JOIN below).
survey_per_application AS (
    SELECT candidate_id, process_id,
           count(*) AS survey_answers,
           count(nps) AS nps_answers,
           count(*) FILTER (nps >= 9) AS nps_promoters,
           count(*) FILTER (nps <= 6) AS nps_detractors,
           count(sentiment_label) AS comments,
           count(*) FILTER (sentiment_label = 'positive') AS comments_positive,
           count(*) FILTER (sentiment_label = 'negative') AS comments_negative
    FROM survey_responses
    WHERE submitted_at <= (SELECT as_of FROM moment)
    GROUP BY candidate_id, process_id
),

-- Where each application stands at as_of. An offer wins over a rejection; a withdrawal over both.
standing AS (
    SELECT m.*, c.* EXCLUDE (candidate_id, process_id),
           (SELECT as_of FROM moment) AS as_of,
           m.withdrawn_at IS NOT NULL AS withdrawn,
           m.offered_at IS NOT NULL AND m.withdrawn_at IS NULL AS offered,
           m.decision_at IS NOT NULL AND m.offered_at IS NULL AND m.withdrawn_at IS NULL AS rejection_stands,
           m.decision_at IS NULL AND m.offered_at IS NULL AND m.withdrawn_at IS NULL AS open,
           -- end of the silence timeline: the earliest of notice, offer/hire and withdrawal, else as_of
           greatest(m.applied_at,
                    coalesce(least(c.notice_at, m.offered_at, m.withdrawn_at),
                             (SELECT as_of FROM moment))) AS timeline_end_at
    FROM milestones AS m
    LEFT JOIN contacts_after_milestones AS c USING (candidate_id, process_id)
),

measured AS (
    SELECT s.*,
           -- timeline: applied_at, the contacts up to its end, its end
           list_concat([epoch(s.applied_at)],
                       list_filter(coalesce(s.contact_epochs, []),
                                   lambda t: t <= epoch(s.timeline_end_at)),
                       [epoch(s.timeline_end_at)]) AS timeline_epochs,
           CASE WHEN s.open
                THEN (epoch(s.as_of) - epoch(greatest(s.applied_at, s.last_contact_at))) / 86400
                WHEN s.rejection_stands AND s.notice_at IS NULL
                THEN (epoch(s.as_of) - epoch(s.decision_at)) / 86400
           END AS days_without_news
    FROM standing AS s
)

SELECT
    app.candidate_id,
    app.process_id,
    coalesce(p.process_name, app.process_id) AS process_name,
    app.department,
    app.recruiter,
    app.stage,
    app.applied_at,
    CAST(timezone($timezone, app.applied_at) AS DATE) AS applied_date,
    strftime(timezone($timezone, app.applied_at), '%Y-%m') AS month,
    app.as_of,

    -- acknowledgement
    app.ack_at,
    (epoch(app.ack_at) - epoch(app.applied_at)) / 3600 AS ack_latency_h,
    app.ack_clock - app.applied_clock AS ack_latency_bd,
    epoch(app.as_of) - epoch(app.applied_at) >= $ack_sla_hours * 3600 AS ack_deadline_passed,
    epoch(app.as_of) - epoch(app.applied_at) >= $ack_sla_hours * 3600
        AND coalesce(epoch(app.ack_at) - epoch(app.applied_at) <= $ack_sla_hours * 3600, false) AS ack_within_sla,

    -- decision and outcome
    app.decision_at,
    app.notice_at,
    CASE WHEN app.rejection_stands THEN (epoch(app.notice_at) - epoch(app.decision_at)) / 3600 END AS notice_latency_h,
    CASE WHEN app.rejection_stands THEN app.notice_clock - app.decision_clock END AS notice_latency_bd,
    app.rejection_stands OR app.offered AS outcome_known,
    app.offered OR (app.rejection_stands AND app.notice_at IS NOT NULL) AS informed,

    -- interviews and feedback
    app.interviews,
    app.last_interview_at,
    app.interviews > 0 AND app.rejection_stands AS interviewed_rejected,
    app.interviews > 0 AND app.rejection_stands AND app.personal_feedback_given AS personal_feedback,
    (epoch(app.post_interview_at) - epoch(app.last_interview_at)) / 3600 AS post_interview_latency_h,
    app.post_interview_clock - app.last_interview_clock AS post_interview_latency_bd,

    -- silence
    app.last_contact_at,
    app.timeline_end_at,
    list_max(list_transform(app.timeline_epochs[2:],
                            lambda later, i: later - app.timeline_epochs[i])) / 86400 AS longest_silence_d,
    coalesce(app.days_without_news > $silence_limit_days, false) AS ghosted,
    CASE WHEN app.days_without_news > $silence_limit_days THEN app.days_without_news END AS ghosted_days_silent,

    -- where it ended
    app.withdrawn,
    app.has_hired_event AS hired,
    app.offered,
    CASE WHEN app.withdrawn THEN 'withdrawn'
         WHEN app.offered THEN 'hired'
         WHEN app.rejection_stands AND app.interviews > 0 THEN 'rejected_after_interview'
         WHEN app.rejection_stands THEN 'rejected_before_interview'
         ELSE 'open' END AS outcome,

    -- survey
    app.survey_sent,
    coalesce(v.survey_answers, 0) > 0 AS survey_answered,
    coalesce(v.survey_answers, 0) AS survey_answers,
    coalesce(v.nps_answers, 0) AS nps_answers,
    coalesce(v.nps_promoters, 0) AS nps_promoters,
    coalesce(v.nps_detractors, 0) AS nps_detractors,
    coalesce(v.comments, 0) AS comments,
    coalesce(v.comments_positive, 0) AS comments_positive,
    coalesce(v.comments_negative, 0) AS comments_negative
FROM measured AS app
LEFT JOIN process_names AS p USING (process_id)
LEFT JOIN survey_per_application AS v USING (candidate_id, process_id)
