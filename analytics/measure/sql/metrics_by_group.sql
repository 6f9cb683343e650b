-- metrics_by_group: the metrics of docs/metrics.md per group of application_facts.
-- Needs metrics_macros.sql, metrics_selected_facts.sql and application_facts on the connection.
--
-- Bound parameters:
--   $group_by       'process' | 'recruiter' | 'department' | 'stage' | 'month' | 'all', or 'window':
--                   the applications before $current_from ('previous') and from it on ('current'),
--                   a row each also when empty, so that a window and the one before are one pass
--   $current_from   DATE: where 'window' splits the selection (NULL for the other groupings)
--   $latency_unit   the unit application_facts' *_latency columns are in (a label only)
--   $min_group_size, $min_survey_answers   below these, small_group / few_survey_answers are set
--   $date_from, $date_to, $processes, $departments, $recruiters   the page filters
--
-- Contract columns (*_h, *_d) keep their unit whatever the setting; the unit-free latency columns
-- are in the facts' latency unit. Every share has a Wilson 95 % interval; NULL where the denominator is 0.
-- cnps and sentiment_score are NULL for groups with few_survey_answers (and sentiment_score also
-- with fewer comments than $min_survey_answers): survey results of small groups are never shown.
--
-- Unknown is never zero: application_facts' facts are NULL where the application's sources cannot
-- support them, so every count, share and quantile rests on the applications that can (a share's
-- base counts only those). A count is NULL when no application of a non-empty group can support
-- it. measured_<family> counts the applications each family of facts rests on, evidence_<kind> the
-- applications whose sources record each kind: analytics/measure/evidence.py turns them into
-- measured_on and unmeasured.

WITH
selected AS (
    SELECT *,
           CASE $group_by
               WHEN 'process' THEN process_id
               WHEN 'recruiter' THEN recruiter
               WHEN 'department' THEN department
               WHEN 'stage' THEN stage
               WHEN 'month' THEN month
               WHEN 'window' THEN CASE WHEN applied_date >= CAST($current_from AS DATE) THEN 'current' ELSE 'previous' END
               ELSE 'all'
           END AS group_key
    FROM selected_facts(CAST($date_from AS DATE), CAST($date_to AS DATE),
                        CAST($processes AS VARCHAR[]), CAST($departments AS VARCHAR[]),
                        CAST($recruiters AS VARCHAR[]), CAST($scope_recruiter AS VARCHAR))
),

-- What is aggregated: the selected applications and, for 'all' and 'window', one more row per key
-- that is NULL but for its key, so that each has its row also when nothing is selected (a GROUPING
-- SETS total would aggregate every application a second time for the other groupings). Every
-- aggregate below skips those rows, as their NULLs are never counted: applications counts
-- candidate_id, never *.
grouped AS (
    SELECT * FROM selected
    UNION ALL BY NAME
    SELECT group_key
    FROM (VALUES ('all', 'all'), ('window', 'current'), ('window', 'previous')) AS always(grouping, group_key)
    WHERE grouping = $group_by
),

counted AS (
    SELECT group_key,
           CASE WHEN $group_by = 'process' THEN any_value(process_name) END AS process_name,
           max(as_of) AS as_of,
           count(candidate_id) AS applications,

           count(*) FILTER (measured_acknowledgement) AS measured_acknowledgement,
           count(*) FILTER (measured_notice) AS measured_notice,
           count(*) FILTER (measured_outcome) AS measured_outcome,
           count(*) FILTER (measured_informed) AS measured_informed,
           count(*) FILTER (measured_interviewed_rejected) AS measured_interviewed_rejected,
           count(*) FILTER (measured_personal_feedback) AS measured_personal_feedback,
           count(*) FILTER (measured_post_interview) AS measured_post_interview,
           count(*) FILTER (measured_silence) AS measured_silence,
           count(*) FILTER (measured_ghosted) AS measured_ghosted,
           count(*) FILTER (measured_survey_sent) AS measured_survey_sent,
           count(*) FILTER (measured_survey_responses) AS measured_survey_responses,
           count(*) FILTER (measured_survey_answers) AS measured_survey_answers,
           count(*) FILTER (evidence_applications) AS evidence_applications,
           count(*) FILTER (evidence_decisions) AS evidence_decisions,
           count(*) FILTER (evidence_interviews) AS evidence_interviews,
           count(*) FILTER (evidence_messages) AS evidence_messages,
           count(*) FILTER (evidence_personal_feedback) AS evidence_personal_feedback,
           count(*) FILTER (evidence_surveys_sent) AS evidence_surveys_sent,
           count(*) FILTER (evidence_survey_answers) AS evidence_survey_answers,

           count(*) FILTER (ack_deadline_passed) AS ack_eligible,
           count(*) FILTER (ack_within_sla) AS ack_within_sla,
           quantile_cont(ack_latency_h, [0.5, 0.9]) AS ack_latency_h_quantiles,
           quantile_cont(ack_latency, [0.5, 0.9]) AS ack_latency_quantiles,

           quantile_cont(notice_latency_h, [0.5, 0.9]) AS notice_latency_h_quantiles,
           quantile_cont(notice_latency, [0.5, 0.9]) AS notice_latency_quantiles,
           count(*) FILTER (outcome_known) AS outcome_known,
           count(*) FILTER (informed) AS outcome_informed,
           -- the decided applications whose sources also tell whether the candidate was told
           count(*) FILTER (outcome_known AND measured_informed) AS outcome_informable,

           count(*) FILTER (interviewed_rejected) AS interviewed_rejected,
           count(*) FILTER (personal_feedback) AS personal_feedback,
           count(*) FILTER (interviewed_rejected AND measured_personal_feedback) AS feedback_judged,
           quantile_cont(post_interview_latency_h, [0.5, 0.9]) AS post_interview_latency_h_quantiles,
           quantile_cont(post_interview_latency, [0.5, 0.9]) AS post_interview_latency_quantiles,

           quantile_cont(longest_silence_d, [0.5, 0.9]) AS longest_silence_d_quantiles,
           count(*) FILTER (ghosted) AS ghosted,

           count(*) FILTER (outcome = 'hired') AS outcome_hired,
           count(*) FILTER (outcome = 'withdrawn') AS outcome_withdrawn,
           count(*) FILTER (outcome = 'open') AS outcome_open,

           count(*) FILTER (survey_sent) AS survey_sent,
           count(*) FILTER (survey_sent AND survey_answered) AS survey_responses,
           count(*) FILTER (survey_sent AND measured_survey_responses) AS survey_sent_answerable,
           CAST(sum(nps_answers) AS BIGINT) AS survey_answers_nps,
           CAST(sum(nps_promoters) AS BIGINT) AS nps_promoters,
           CAST(sum(nps_detractors) AS BIGINT) AS nps_detractors,
           CAST(sum(comments) AS BIGINT) AS comments,
           CAST(sum(comments_positive) AS BIGINT) AS comments_positive,
           CAST(sum(comments_negative) AS BIGINT) AS comments_negative
    FROM grouped
    GROUP BY group_key
),

-- A count with no application to rest on is unknown, not 0 (an empty group's counts are 0).
known AS (
    SELECT * REPLACE (
        known_count(ack_eligible, measured_acknowledgement, applications) AS ack_eligible,
        known_count(ack_within_sla, measured_acknowledgement, applications) AS ack_within_sla,
        known_count(outcome_known, measured_outcome, applications) AS outcome_known,
        known_count(outcome_informed, measured_informed, applications) AS outcome_informed,
        known_count(interviewed_rejected, measured_interviewed_rejected, applications) AS interviewed_rejected,
        known_count(personal_feedback, measured_personal_feedback, applications) AS personal_feedback,
        known_count(ghosted, measured_ghosted, applications) AS ghosted,
        known_count(outcome_hired, measured_outcome, applications) AS outcome_hired,
        known_count(outcome_withdrawn, measured_outcome, applications) AS outcome_withdrawn,
        known_count(outcome_open, measured_outcome, applications) AS outcome_open,
        known_count(survey_sent, measured_survey_sent, applications) AS survey_sent,
        known_count(survey_responses, measured_survey_responses, applications) AS survey_responses,
        known_count(survey_answers_nps, measured_survey_answers, applications) AS survey_answers_nps,
        known_count(comments, measured_survey_answers, applications) AS comments
    )
    FROM counted
)

SELECT group_key,
       process_name,
       as_of,
       applications,
       applications < $min_group_size AS small_group,
       ack_latency_h_quantiles[1] AS ack_latency_h_median,
       ack_latency_h_quantiles[2] AS ack_latency_h_p90,
       ack_eligible,
       ack_within_sla,
       ack_eligible AS ack_within_sla_share_base,
       share(ack_within_sla, ack_eligible) AS ack_within_sla_share,
       wilson_low(ack_within_sla, ack_eligible) AS ack_within_sla_share_low,
       wilson_high(ack_within_sla, ack_eligible) AS ack_within_sla_share_high,
       notice_latency_h_quantiles[1] AS notice_latency_h_median,
       notice_latency_h_quantiles[2] AS notice_latency_h_p90,
       outcome_known,
       outcome_informed,
       outcome_informable AS outcome_coverage_base,
       share(outcome_informed, outcome_informable) AS outcome_coverage,
       wilson_low(outcome_informed, outcome_informable) AS outcome_coverage_low,
       wilson_high(outcome_informed, outcome_informable) AS outcome_coverage_high,
       interviewed_rejected,
       personal_feedback,
       feedback_judged AS personal_feedback_coverage_base,
       share(personal_feedback, feedback_judged) AS personal_feedback_coverage,
       wilson_low(personal_feedback, feedback_judged) AS personal_feedback_coverage_low,
       wilson_high(personal_feedback, feedback_judged) AS personal_feedback_coverage_high,
       post_interview_latency_h_quantiles[1] AS post_interview_latency_h_median,
       post_interview_latency_h_quantiles[2] AS post_interview_latency_h_p90,
       longest_silence_d_quantiles[1] AS longest_silence_d_median,
       longest_silence_d_quantiles[2] AS longest_silence_d_p90,
       ghosted,
       measured_ghosted AS ghosted_share_base,
       share(ghosted, measured_ghosted) AS ghosted_share,
       wilson_low(ghosted, measured_ghosted) AS ghosted_share_low,
       wilson_high(ghosted, measured_ghosted) AS ghosted_share_high,
       outcome_hired,
       outcome_withdrawn,
       outcome_open,
       survey_sent,
       survey_responses,
       survey_sent_answerable AS survey_response_rate_base,
       share(survey_responses, survey_sent_answerable) AS survey_response_rate,
       wilson_low(survey_responses, survey_sent_answerable) AS survey_response_rate_low,
       wilson_high(survey_responses, survey_sent_answerable) AS survey_response_rate_high,
       survey_answers_nps,
       coalesce(survey_answers_nps, 0) < $min_survey_answers AS few_survey_answers,
       -- anonymity: a group's verdict over fewer answers than $min_survey_answers is not reported
       CASE WHEN survey_answers_nps >= $min_survey_answers
            THEN net_score(nps_promoters, nps_detractors, survey_answers_nps) END AS cnps,
       comments,
       CASE WHEN survey_answers_nps >= $min_survey_answers AND comments >= $min_survey_answers
            THEN net_score(comments_positive, comments_negative, comments) END AS sentiment_score,
       $latency_unit AS latency_unit,
       ack_latency_quantiles[1] AS ack_latency_median,
       ack_latency_quantiles[2] AS ack_latency_p90,
       notice_latency_quantiles[1] AS notice_latency_median,
       notice_latency_quantiles[2] AS notice_latency_p90,
       post_interview_latency_quantiles[1] AS post_interview_latency_median,
       post_interview_latency_quantiles[2] AS post_interview_latency_p90,
       measured_acknowledgement, measured_notice, measured_outcome, measured_informed,
       measured_interviewed_rejected, measured_personal_feedback, measured_post_interview, measured_silence,
       measured_ghosted, measured_survey_sent, measured_survey_responses, measured_survey_answers,
       evidence_applications, evidence_decisions, evidence_interviews, evidence_messages,
       evidence_personal_feedback, evidence_surveys_sent, evidence_survey_answers
FROM known
ORDER BY process_name NULLS LAST, group_key NULLS LAST
