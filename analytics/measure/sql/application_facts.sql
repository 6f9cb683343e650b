-- application_facts: one row per application (candidate_id, process_id) with every fact the
-- metrics of docs/metrics.md are aggregated from. It reads the facts kept in the store (relation
-- stored_facts, made by ingest/sql/stored_application_facts.sql, never the events) and adds what
-- depends on as_of and the settings: deadlines, silence up to as_of, ghosting, latency units, local
-- dates, and what each application's sources can tell.
--
-- Bound parameters:
--   $as_of               TIMESTAMPTZ, or NULL for the latest event in the store
--   $timezone            zone of local dates and months, e.g. 'Europe/Stockholm'
--   $ack_sla_hours       acknowledgement SLA in hours
--   $silence_limit_days  days without news after which an application counts as ghosted
--   $latency_unit        'hours' | 'days' | 'business_days': the unit of the *_latency columns
--   $non_working_days    DATE[]: weekday holidays, for business days (analytics/calendar.py)
--   $processes           VARCHAR[]: only these processes; empty for all
--   $reach_from, $reach_to  TIMESTAMPTZ or NULL: only applications with applied_at in [from, to)
--   $departments, $recruiters  VARCHAR[]: only applications of these; empty for all
--                        (a first cut that only saves work: selected_facts selects exactly)
--   $evidence_kinds      VARCHAR[]: vocabulary.EVIDENCE; kind i is bit i - 1 of an evidence mask
--   $needs               STRUCT of evidence masks, one per family of facts (analytics/measure/evidence.py):
--                        a family's facts are NULL for an application whose evidence lacks a bit of its mask
-- Needs the macros of metrics_macros.sql.
--
-- The store is canonical (the importer lower-cases event types and channels and stores empty
-- descriptive values as NULL), so values are compared as they are.

WITH
moment AS (
    SELECT coalesce(CAST($as_of AS TIMESTAMPTZ), (SELECT max(last_event_at) FROM stored_facts)) AS as_of
),

-- The stored facts of the selected processes (stored_facts: the table application_facts, or the
-- same facts made from the events known at a past as_of; see analytics/ingest/facts.py).
selected AS NOT MATERIALIZED (
    SELECT *
    FROM stored_facts
    WHERE len(CAST($processes AS VARCHAR[])) = 0
          OR list_contains(CAST($processes AS VARCHAR[]), process_id)
),

-- Of those, the applications the page filters can select (a wider date range than theirs: local
-- dates in any zone lie within it). Everything below is per application, except the process names
-- (over all of a process's applications) and the business calendar (whose days only need to cover
-- these applications), so that cutting here changes no number.
reached AS NOT MATERIALIZED (
    SELECT *
    FROM selected
    WHERE ($reach_from IS NULL OR applied_at >= $reach_from)
      AND ($reach_to IS NULL OR applied_at < $reach_to)
      AND (len(CAST($departments AS VARCHAR[])) = 0 OR list_contains(CAST($departments AS VARCHAR[]), department))
      AND (len(CAST($recruiters AS VARCHAR[])) = 0 OR list_contains(CAST($recruiters AS VARCHAR[]), recruiter))
),

-- Per process: the first non-empty process name in time order.
process_names AS (
    SELECT process_id, arg_min(process_name, process_name_order) AS process_name
    FROM selected
    WHERE process_name IS NOT NULL
    GROUP BY process_id
),

-- Survey answers submitted by as_of, per application; answers of applications not in the log
-- drop out at the LEFT JOIN at the end.
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

-- Where each application stands at as_of. A withdrawal wins over everything, an offer over a
-- rejection.
standing AS (
    SELECT f.candidate_id, f.process_id, f.department, f.recruiter, f.stage, f.survey_sent,
           f.applied_at, f.start_known, f.decision_at, f.last_interview_at, f.last_contact_at, f.interviews,
           f.has_hired_event, f.ack_at, f.notice_at, f.post_interview_at, f.personal_feedback_given,
           f.silence_before_last_s, f.silence_last_s,
           moment.as_of,
           f.withdrawn_at IS NOT NULL AS withdrawn,
           f.offered_at IS NOT NULL AND f.withdrawn_at IS NULL AS offered,
           f.decision_at IS NOT NULL AND f.offered_at IS NULL AND f.withdrawn_at IS NULL AS rejection_stands,
           f.decision_at IS NULL AND f.offered_at IS NULL AND f.withdrawn_at IS NULL AS open,
           -- the silence timeline ends at the earliest of notice, offer or hire, and withdrawal;
           -- else at as_of
           greatest(f.applied_at, coalesce(f.closed_at, moment.as_of)) AS timeline_end_at
    FROM reached AS f
    CROSS JOIN moment
),

-- What the sources of each application record (docs/metrics.md, "What the data can tell"): the
-- evidence rows of import_evidence as bits of $evidence_kinds. An import's 'own' evidence applies to
-- the applications it brought rows for (event_sources, survey_sources), 'all' to every application,
-- 'addressed' to those whose candidate has an e-mail alias; with covers_from / covers_to, only to
-- applications lying within that period: applied_at at or after covers_from and the end of the
-- silence timeline (timeline_end_at: the notice, offer or withdrawal, else as_of) at or before covers_to.
evidence_rows AS (
    SELECT import_id, scope, covers_from, covers_to,
           CAST(1 AS INTEGER) << (list_position(CAST($evidence_kinds AS VARCHAR[]), evidence) - 1) AS bit,
           covers_from IS NULL AND covers_to IS NULL AS unbounded
    FROM import_evidence
    WHERE list_contains(CAST($evidence_kinds AS VARCHAR[]), evidence)
),

-- The imports that brought events (a few ids, from one pass over event_sources).
event_imports AS (
    SELECT DISTINCT import_id FROM event_sources
),

-- Per import: what it records for its own applications whatever their time, and whether some of
-- its own evidence holds only for a period.
import_masks AS (
    SELECT i.import_id,
           i.import_id IN (SELECT import_id FROM event_imports) AS brought_events,
           coalesce(bit_or(e.bit) FILTER (e.scope = 'own' AND e.unbounded), 0) AS own_mask,
           coalesce(bool_or(e.scope = 'own' AND NOT e.unbounded), false) AS own_bounded
    FROM imports AS i
    LEFT JOIN evidence_rows AS e USING (import_id)
    GROUP BY ALL
),

-- What every import that brought events records for its own applications: each application has
-- events, so at least this. A store without imported events (rows written straight into it, as
-- tests and benchmarks do) is taken as a canonical log: complete.
common_evidence AS (
    SELECT coalesce(bit_and(own_mask) FILTER (brought_events),
                    (CAST(1 AS INTEGER) << len(CAST($evidence_kinds AS VARCHAR[]))) - 1) AS mask
    FROM import_masks
),

-- Only imports that record more than the common evidence, or record some of it for a period only,
-- need to know which applications they brought: usually none, and the events are not joined at all.
telling_imports AS (
    SELECT import_id
    FROM import_masks, common_evidence
    WHERE own_bounded OR own_mask & ~common_evidence.mask <> 0
),

own_evidence AS (
    SELECT brought.candidate_id, brought.process_id,
           list({'bit': e.bit, 'covers_from': e.covers_from, 'covers_to': e.covers_to}) AS rows
    FROM (
        SELECT DISTINCT e.candidate_id, e.process_id, s.import_id
        FROM event_sources AS s
        JOIN events AS e USING (event_key)
        WHERE s.import_id IN (SELECT import_id FROM telling_imports)
        UNION
        SELECT r.candidate_id, r.process_id, s.import_id
        FROM survey_sources AS s
        JOIN survey_responses AS r USING (response_key)
        WHERE s.import_id IN (SELECT import_id FROM telling_imports)
    ) AS brought
    JOIN evidence_rows AS e ON e.import_id = brought.import_id AND e.scope = 'own'
    GROUP BY brought.candidate_id, brought.process_id
),

-- What its imports' own evidence records for each application it applies to (the period rows
-- covering the application). Joined on the few columns it needs, apart from the rest: joined in
-- `evidenced`, DuckDB (which cannot know that there is usually no own evidence at all) built its
-- hash table from every reached application's whole row, a fifth of the facts' time.
own_masks AS (
    SELECT s.candidate_id, s.process_id,
           list_aggregate(list_transform(
               list_filter(own.rows, lambda r: evidence_within(r, s.applied_at, s.timeline_end_at)),
               lambda r: r.bit), 'bit_or') AS mask
    FROM standing AS s
    JOIN own_evidence AS own USING (candidate_id, process_id)
),

-- The evidence that applies beyond an import's own applications, as one list.
shared_evidence AS (
    SELECT list({'bit': bit, 'all': scope = 'all', 'covers_from': covers_from, 'covers_to': covers_to}) AS rows
    FROM evidence_rows
    WHERE scope IN ('all', 'addressed')
),

addressed AS (
    SELECT DISTINCT candidate_id FROM candidate_aliases
),

evidenced AS (
    SELECT s.*,
           -- the start is known only from an application_received of a source that records applications
           CASE WHEN s.start_known THEN mask ELSE mask & ~evidence_bit('applications', $evidence_kinds) END
               AS evidence_mask
    FROM (
        SELECT s.*,
               common_evidence.mask
               | coalesce(own.mask, 0)
               | coalesce(list_aggregate(list_transform(
                     list_filter(shared_evidence.rows,
                                 lambda r: (r.all OR a.candidate_id IS NOT NULL)
                                           AND evidence_within(r, s.applied_at, s.timeline_end_at)),
                     lambda r: r.bit), 'bit_or'), 0) AS mask
        FROM standing AS s
        CROSS JOIN common_evidence
        CROSS JOIN shared_evidence
        LEFT JOIN own_masks AS own USING (candidate_id, process_id)
        LEFT JOIN addressed AS a USING (candidate_id)
    ) AS s
),

measured AS (
    SELECT s.*,
           (epoch(s.ack_at) - epoch(s.applied_at)) / 3600 AS ack_latency_h,
           CASE WHEN s.rejection_stands THEN (epoch(s.notice_at) - epoch(s.decision_at)) / 3600 END
               AS notice_latency_h,
           (epoch(s.post_interview_at) - epoch(s.last_interview_at)) / 3600 AS post_interview_latency_h,
           -- the largest gap of the timeline: the one before its last contact (stored), or after it
           greatest(s.silence_before_last_s, epoch(s.timeline_end_at) - s.silence_last_s) / 86400 AS longest_silence_d,
           -- open: since the later of applied_at and the last contact; rejected and not told: since
           -- the decision
           CASE WHEN s.open
                THEN (epoch(s.as_of) - epoch(greatest(s.applied_at, s.last_contact_at))) / 86400
                WHEN s.rejection_stands AND s.notice_at IS NULL
                THEN (epoch(s.as_of) - epoch(s.decision_at)) / 86400
           END AS days_without_news
    FROM evidenced AS s
),

-- The business-day calendar over the local dates of the known events, as one row of lists
-- indexed by (local date - first_day + 1): see business_days_before in metrics_macros.sql. Only the
-- business_days unit reads it; for the others it is one row of NULLs, made without a scan.
business_calendar AS (
    SELECT min(day) AS first_day,
           list(business_days_before ORDER BY day) AS business_days_before,
           list(is_business_day ORDER BY day) AS is_business_day
    FROM (
        SELECT day, is_business_day,
               sum(CAST(is_business_day AS INTEGER)) OVER (ORDER BY day)
                   - CAST(is_business_day AS INTEGER) AS business_days_before
        FROM (
            SELECT day, isodow(day) <= 5
                        AND NOT list_contains(CAST($non_working_days AS DATE[]), day) AS is_business_day
            FROM (
                SELECT CAST(unnest(range(first_day, last_day + 1, INTERVAL 1 DAY)) AS DATE) AS day
                FROM (SELECT CAST(timezone($timezone, min(first_event_at)) AS DATE) AS first_day,
                             CAST(timezone($timezone, max(last_event_at)) AS DATE) AS last_day
                      FROM reached
                      WHERE $latency_unit = 'business_days')
            )
        )
    )
),

-- Every fact as a complete log gives it.
complete_facts AS (
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
        app.ack_latency_h,
        epoch(app.as_of) - epoch(app.applied_at) >= $ack_sla_hours * 3600 AS ack_deadline_passed,
        epoch(app.as_of) - epoch(app.applied_at) >= $ack_sla_hours * 3600
            AND coalesce(app.ack_latency_h <= $ack_sla_hours, false) AS ack_within_sla,

        -- decision and outcome
        app.decision_at,
        app.notice_at,
        app.notice_latency_h,
        app.rejection_stands OR app.offered AS outcome_known,
        app.offered OR (app.rejection_stands AND app.notice_at IS NOT NULL) AS informed,

        -- interviews and feedback
        app.interviews,
        app.last_interview_at,
        app.interviews > 0 AND app.rejection_stands AS interviewed_rejected,
        app.interviews > 0 AND app.rejection_stands AND app.personal_feedback_given AS personal_feedback,
        app.post_interview_at,
        app.post_interview_latency_h,

        -- the same latencies in $latency_unit
        latency_in_unit(app.ack_latency_h, app.applied_at, app.ack_at, $latency_unit, $timezone, cal) AS ack_latency,
        latency_in_unit(app.notice_latency_h, app.decision_at, app.notice_at, $latency_unit, $timezone, cal)
            AS notice_latency,
        latency_in_unit(app.post_interview_latency_h, app.last_interview_at, app.post_interview_at,
                        $latency_unit, $timezone, cal) AS post_interview_latency,

        -- silence
        app.last_contact_at,
        app.timeline_end_at,
        app.longest_silence_d,
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
        coalesce(v.comments_negative, 0) AS comments_negative,

        app.evidence_mask
    FROM measured AS app
    CROSS JOIN business_calendar AS cal
    LEFT JOIN process_names AS p USING (process_id)
    LEFT JOIN survey_per_application AS v USING (candidate_id, process_id)
),

-- Which family of facts each application's evidence supports (a family's mask in $needs).
judged AS (
    SELECT *,
           evidence_has(evidence_mask, 'applications', $evidence_kinds) AS evidence_applications,
           evidence_has(evidence_mask, 'decisions', $evidence_kinds) AS evidence_decisions,
           evidence_has(evidence_mask, 'interviews', $evidence_kinds) AS evidence_interviews,
           evidence_has(evidence_mask, 'messages', $evidence_kinds) AS evidence_messages,
           evidence_has(evidence_mask, 'personal_feedback', $evidence_kinds) AS evidence_personal_feedback,
           evidence_has(evidence_mask, 'surveys_sent', $evidence_kinds) AS evidence_surveys_sent,
           evidence_has(evidence_mask, 'survey_answers', $evidence_kinds) AS evidence_survey_answers,
           supports(evidence_mask, $needs.acknowledgement) AS measured_acknowledgement,
           supports(evidence_mask, $needs.notice) AS measured_notice,
           supports(evidence_mask, $needs.outcome) AS measured_outcome,
           supports(evidence_mask, $needs.informed) AS measured_informed,
           supports(evidence_mask, $needs.interviewed_rejected) AS measured_interviewed_rejected,
           supports(evidence_mask, $needs.personal_feedback) AS measured_personal_feedback,
           supports(evidence_mask, $needs.post_interview) AS measured_post_interview,
           supports(evidence_mask, $needs.silence) AS measured_silence,
           supports(evidence_mask, $needs.ghosted) AS measured_ghosted,
           supports(evidence_mask, $needs.survey_sent) AS measured_survey_sent,
           supports(evidence_mask, $needs.survey_responses) AS measured_survey_responses,
           supports(evidence_mask, $needs.survey_answers) AS measured_survey_answers
    FROM complete_facts
)

-- Unknown is never zero: a fact the application's sources cannot support is NULL.
SELECT * EXCLUDE (evidence_mask) REPLACE (
    CASE WHEN measured_acknowledgement THEN ack_at END AS ack_at,
    CASE WHEN measured_acknowledgement THEN ack_latency_h END AS ack_latency_h,
    CASE WHEN measured_acknowledgement THEN ack_deadline_passed END AS ack_deadline_passed,
    CASE WHEN measured_acknowledgement THEN ack_within_sla END AS ack_within_sla,
    CASE WHEN measured_acknowledgement THEN ack_latency END AS ack_latency,
    CASE WHEN measured_notice THEN notice_at END AS notice_at,
    CASE WHEN measured_notice THEN notice_latency_h END AS notice_latency_h,
    CASE WHEN measured_notice THEN notice_latency END AS notice_latency,
    CASE WHEN measured_outcome THEN outcome_known END AS outcome_known,
    CASE WHEN measured_outcome THEN withdrawn END AS withdrawn,
    CASE WHEN measured_outcome THEN hired END AS hired,
    CASE WHEN measured_outcome THEN offered END AS offered,
    CASE WHEN measured_outcome THEN outcome END AS outcome,
    CASE WHEN measured_informed THEN informed END AS informed,
    CASE WHEN measured_interviewed_rejected THEN interviewed_rejected END AS interviewed_rejected,
    CASE WHEN measured_personal_feedback THEN personal_feedback END AS personal_feedback,
    CASE WHEN measured_post_interview THEN post_interview_at END AS post_interview_at,
    CASE WHEN measured_post_interview THEN post_interview_latency_h END AS post_interview_latency_h,
    CASE WHEN measured_post_interview THEN post_interview_latency END AS post_interview_latency,
    CASE WHEN measured_silence THEN longest_silence_d END AS longest_silence_d,
    CASE WHEN measured_ghosted THEN ghosted END AS ghosted,
    CASE WHEN measured_ghosted THEN ghosted_days_silent END AS ghosted_days_silent,
    CASE WHEN measured_survey_sent THEN survey_sent END AS survey_sent,
    CASE WHEN measured_survey_responses THEN survey_answered END AS survey_answered,
    CASE WHEN measured_survey_answers THEN survey_answers END AS survey_answers,
    CASE WHEN measured_survey_answers THEN nps_answers END AS nps_answers,
    CASE WHEN measured_survey_answers THEN nps_promoters END AS nps_promoters,
    CASE WHEN measured_survey_answers THEN nps_detractors END AS nps_detractors,
    CASE WHEN measured_survey_answers THEN comments END AS comments,
    CASE WHEN measured_survey_answers THEN comments_positive END AS comments_positive,
    CASE WHEN measured_survey_answers THEN comments_negative END AS comments_negative
)
FROM judged
