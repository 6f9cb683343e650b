-- risk_applications: the selected applications with what the brand-risk rules judge them on.
-- Made a temporary table or view risk_applications (analytics.measure.risk.risk_cursor) on a connection
-- that has application_facts, metrics_macros.sql and metrics_selected_facts.sql.
--
-- Bound parameters:
--   $date_from, $date_to, $processes, $departments, $recruiters   the page filters
--   $notice_sla_hours   a rejected candidate should be told within this many hours of the decision
--   $action_horizon_days   a candidate waiting longer than this is in the backlog, not on today's list
--
-- A rule judges an application only once its deadline has passed: the acknowledgement SLA (already
-- in application_facts), the notice SLA for rejections and feedback, the silence limit for ghosting;
-- and only when its sources can tell (the measured_<family> columns of application_facts: the facts
-- of an application whose sources cannot are NULL, and NULL is never counted as a failure).
-- waiting_since_at is when the candidate's wait began (the decision for a rejection, else the last
-- contact or the application); days_waiting counts whole days from then to as_of, and a wait of more
-- than $action_horizon_days is backlog: an apology and a close, not a call "today".
-- Each process's applications window (first to last applied_at in the selection) is cut in two
-- halves of equal length, 'previous' and 'current', for "getting worse".

WITH
selected AS (
    SELECT *,
           outcome IN ('rejected_after_interview', 'rejected_before_interview') AS rejection_stands,
           decision_at IS NOT NULL
               AND epoch(as_of) - epoch(decision_at) >= $notice_sla_hours * 3600 AS notice_deadline_passed
    FROM selected_facts(CAST($date_from AS DATE), CAST($date_to AS DATE), CAST($processes AS VARCHAR[]),
                        CAST($departments AS VARCHAR[]), CAST($recruiters AS VARCHAR[]), CAST($scope_recruiter AS VARCHAR))
),

waits AS (
    SELECT *,
           CAST(floor((epoch(as_of) - epoch(waiting_since_at)) / 86400) AS INTEGER) AS days_waiting
    FROM (SELECT *,
                 CASE WHEN interviewed_rejected OR rejection_stands THEN decision_at
                      ELSE greatest(applied_at, last_contact_at) END AS waiting_since_at
          FROM selected)
),

windows AS (
    SELECT process_id,
           to_timestamp((epoch(min(applied_at)) + epoch(max(applied_at))) / 2) AS midpoint_at
    FROM selected
    GROUP BY process_id
)

SELECT s.candidate_id,
       s.process_id,
       s.process_name,
       s.recruiter,
       s.applied_at,
       s.applied_date,
       s.as_of,
       CASE WHEN s.applied_at >= w.midpoint_at THEN 'current' ELSE 'previous' END AS half,

       -- no or slow acknowledgement
       s.ack_deadline_passed,
       s.ack_within_sla,
       s.ack_deadline_passed AND s.ack_at IS NULL AS never_acknowledged,
       s.ack_latency_h,
       s.measured_acknowledgement,

       -- left without updates
       s.ghosted,
       s.ghosted AND s.outcome = 'open' AS silent_open,
       s.ghosted AND s.rejection_stands AS rejected_not_told,
       s.ghosted_days_silent,
       s.measured_ghosted,

       -- outcome not told in time: rejections decided at least the notice SLA ago
       s.rejection_stands AND s.notice_deadline_passed AND s.measured_notice AS notice_due,
       s.rejection_stands AND s.notice_deadline_passed AND s.measured_notice
           AND coalesce(s.notice_latency_h <= $notice_sla_hours, false) AS told_in_time,
       s.rejection_stands AND s.notice_deadline_passed AND s.measured_notice AND s.notice_at IS NULL AS never_told,
       s.notice_latency_h,
       s.measured_notice,

       -- interviewees rejected without personal feedback
       s.interviewed_rejected,
       s.personal_feedback,
       s.interviewed_rejected AND s.notice_deadline_passed AND s.measured_personal_feedback AS feedback_due,
       s.measured_personal_feedback,
       -- the action list asks recruiters to contact only candidates whose messages are known
       s.evidence_messages,
       s.decision_at,
       s.last_contact_at,
       s.waiting_since_at,
       s.days_waiting,
       s.days_waiting > $action_horizon_days AS backlog,

       -- candidate voice
       s.measured_survey_answers,
       coalesce(s.nps_answers, 0) AS nps_answers,
       coalesce(s.nps_promoters, 0) AS nps_promoters,
       coalesce(s.nps_detractors, 0) AS nps_detractors,
       coalesce(s.comments, 0) AS comments,
       coalesce(s.comments_positive, 0) AS comments_positive,
       coalesce(s.comments_negative, 0) AS comments_negative
FROM waits AS s
JOIN windows AS w USING (process_id)
