-- risk_process_checks: per process, the counts, shares and Wilson 95 % intervals the brand-risk
-- rules judge, for all its selected applications (period 'all') and for each half of its
-- applications window ('previous', 'current'). Needs risk_applications and metrics_macros.sql on
-- the connection. Shares are NULL where there is nothing to count. *_judged count the applications
-- whose sources can tell what each rule asks (0: the rule cannot be judged). *_backlog count the
-- applications among the failures that have waited longer than the action horizon.

WITH counted AS (
    SELECT process_id,
           coalesce(half, 'all') AS period,
           any_value(process_name) AS process_name,
           -- the recruiter of most of the process's applications: whom the flag is for
           mode(recruiter) AS recruiter,
           count(*) AS applications,
           min(applied_date) AS applied_from,
           max(applied_date) AS applied_to,

           count(*) FILTER (measured_acknowledgement) AS ack_judged,
           count(*) FILTER (measured_ghosted) AS ghosted_judged,
           count(*) FILTER (measured_notice) AS notice_judged,
           count(*) FILTER (measured_personal_feedback) AS feedback_judged,
           count(*) FILTER (measured_survey_answers) AS voice_judged,

           count(*) FILTER (ack_deadline_passed) AS ack_eligible,
           count(*) FILTER (ack_within_sla) AS ack_within_sla,
           count(*) FILTER (never_acknowledged) AS never_acknowledged,
           count(*) FILTER (never_acknowledged AND backlog) AS never_acknowledged_backlog,
           median(ack_latency_h) AS ack_latency_h_median,

           count(*) FILTER (ghosted) AS ghosted,
           count(*) FILTER (silent_open) AS silent_open,
           count(*) FILTER (silent_open AND backlog) AS silent_open_backlog,
           count(*) FILTER (rejected_not_told) AS rejected_not_told,
           count(*) FILTER (rejected_not_told AND backlog) AS rejected_not_told_backlog,
           median(ghosted_days_silent) AS ghosted_days_median,

           count(*) FILTER (notice_due) AS notice_due,
           count(*) FILTER (told_in_time) AS told_in_time,
           count(*) FILTER (never_told) AS never_told,
           count(*) FILTER (never_told AND backlog) AS never_told_backlog,
           median(notice_latency_h) AS notice_latency_h_median,

           count(*) FILTER (feedback_due) AS feedback_due,
           count(*) FILTER (feedback_due AND personal_feedback) AS personal_feedback,
           count(*) FILTER (feedback_due AND NOT personal_feedback AND backlog) AS feedback_missing_backlog,

           CAST(sum(nps_answers) AS BIGINT) AS nps_answers,
           CAST(sum(nps_promoters) AS BIGINT) AS nps_promoters,
           CAST(sum(nps_detractors) AS BIGINT) AS nps_detractors,
           CAST(sum(comments) AS BIGINT) AS comments,
           CAST(sum(comments_positive) AS BIGINT) AS comments_positive,
           CAST(sum(comments_negative) AS BIGINT) AS comments_negative,
           count(*) FILTER (nps_detractors > 0 OR comments_negative > 0) AS unhappy_candidates
    FROM risk_applications
    GROUP BY GROUPING SETS ((process_id), (process_id, half))
)

SELECT *,
       share(ack_within_sla, ack_eligible) AS ack_within_sla_share,
       wilson_low(ack_within_sla, ack_eligible) AS ack_within_sla_share_low,
       wilson_high(ack_within_sla, ack_eligible) AS ack_within_sla_share_high,

       share(ghosted, ghosted_judged) AS ghosted_share,
       wilson_low(ghosted, ghosted_judged) AS ghosted_share_low,
       wilson_high(ghosted, ghosted_judged) AS ghosted_share_high,

       share(told_in_time, notice_due) AS told_in_time_share,
       wilson_low(told_in_time, notice_due) AS told_in_time_share_low,
       wilson_high(told_in_time, notice_due) AS told_in_time_share_high,

       share(personal_feedback, feedback_due) AS personal_feedback_share,
       wilson_low(personal_feedback, feedback_due) AS personal_feedback_share_low,
       wilson_high(personal_feedback, feedback_due) AS personal_feedback_share_high,

       net_score(nps_promoters, nps_detractors, nps_answers) AS cnps,
       net_score_low(nps_promoters, nps_detractors, nps_answers) AS cnps_low,
       net_score_high(nps_promoters, nps_detractors, nps_answers) AS cnps_high,

       net_score(comments_positive, comments_negative, comments) AS sentiment_score,
       net_score_low(comments_positive, comments_negative, comments) AS sentiment_score_low,
       net_score_high(comments_positive, comments_negative, comments) AS sentiment_score_high
FROM counted
ORDER BY process_id, period
