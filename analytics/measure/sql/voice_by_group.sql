-- voice_by_group: the candidates' verdict per group of the selected applications (docs/voice.md).
-- Needs metrics_macros.sql, voice_macros.sql, selected_facts and the voice_answers table.
--
-- Bound parameters:
--   $group_by             'process' | 'stage' | 'outcome' | 'all'
--   $min_survey_answers   the anonymity threshold
--   $date_from, $date_to, $processes, $departments, $recruiters   the page filters
--
-- The response rate counts applications; everything else counts answers. Anonymity: a group with
-- fewer answers than $min_survey_answers is `suppressed` and all its survey results are NULL; in
-- a larger group a result over fewer than that many NPS answers or comments is NULL as well.

WITH
applications AS (
    SELECT group_key,
           grouping(group_key) = 1 AS is_total,
           CASE WHEN $group_by = 'process' THEN any_value(process_name) END AS process_name,
           count(*) AS applications,
           count(*) FILTER (survey_sent) AS survey_sent,
           count(*) FILTER (survey_sent AND survey_answered) AS survey_responses
    FROM (
        SELECT *, voice_group_key($group_by, process_id, stage, outcome) AS group_key
        FROM selected_facts(CAST($date_from AS DATE), CAST($date_to AS DATE),
                            CAST($processes AS VARCHAR[]), CAST($departments AS VARCHAR[]),
                            CAST($recruiters AS VARCHAR[]), CAST($scope_recruiter AS VARCHAR))
    )
    GROUP BY GROUPING SETS ((group_key), ())
),

answers AS (
    SELECT group_key,
           grouping(group_key) = 1 AS is_total,
           count(*) AS answers,
           count(nps) AS nps_answers,
           count(*) FILTER (nps >= 9) AS promoters,
           count(*) FILTER (nps BETWEEN 7 AND 8) AS passives,
           count(*) FILTER (nps <= 6) AS detractors,
           count(sentiment_label) AS comments,
           count(*) FILTER (sentiment_label = 'positive') AS comments_positive,
           count(*) FILTER (sentiment_label = 'neutral') AS comments_neutral,
           count(*) FILTER (sentiment_label = 'negative') AS comments_negative
    FROM (
        SELECT *, voice_group_key($group_by, process_id, stage, outcome) AS group_key
        FROM voice_answers
    )
    GROUP BY GROUPING SETS ((group_key), ())
),

judged AS (
    SELECT a.*,
           coalesce(v.answers, 0) AS answers,
           coalesce(v.nps_answers, 0) AS nps_answers,
           v.promoters, v.passives, v.detractors,
           coalesce(v.comments, 0) AS comments,
           v.comments_positive, v.comments_neutral, v.comments_negative,
           coalesce(v.answers, 0) < $min_survey_answers AS suppressed,
           coalesce(v.answers, 0) >= $min_survey_answers
               AND coalesce(v.nps_answers, 0) >= $min_survey_answers AS nps_shown,
           coalesce(v.answers, 0) >= $min_survey_answers
               AND coalesce(v.comments, 0) >= $min_survey_answers AS sentiment_shown
    FROM applications AS a
    LEFT JOIN answers AS v
      ON v.is_total = a.is_total AND v.group_key IS NOT DISTINCT FROM a.group_key
)

SELECT CASE WHEN is_total THEN 'all' ELSE group_key END AS group_key,
       process_name,
       applications,
       survey_sent,
       survey_responses,
       share(survey_responses, survey_sent) AS survey_response_rate,
       wilson_low(survey_responses, survey_sent) AS survey_response_rate_low,
       wilson_high(survey_responses, survey_sent) AS survey_response_rate_high,
       answers,
       suppressed,
       nps_answers,
       CASE WHEN nps_shown THEN promoters END AS promoters,
       CASE WHEN nps_shown THEN passives END AS passives,
       CASE WHEN nps_shown THEN detractors END AS detractors,
       CASE WHEN nps_shown THEN net_score(promoters, detractors, nps_answers) END AS cnps,
       CASE WHEN nps_shown THEN net_score_low(promoters, detractors, nps_answers) END AS cnps_low,
       CASE WHEN nps_shown THEN net_score_high(promoters, detractors, nps_answers) END AS cnps_high,
       comments,
       CASE WHEN sentiment_shown THEN comments_positive END AS comments_positive,
       CASE WHEN sentiment_shown THEN comments_neutral END AS comments_neutral,
       CASE WHEN sentiment_shown THEN comments_negative END AS comments_negative,
       CASE WHEN sentiment_shown THEN net_score(comments_positive, comments_negative, comments) END
           AS sentiment_score
FROM judged
-- 'all' keeps only the total row, which exists even for an empty selection; the others drop it.
WHERE is_total = ($group_by = 'all')
ORDER BY list_position(['hired', 'rejected_after_interview', 'rejected_before_interview', 'withdrawn', 'open'],
                       group_key) NULLS LAST,
         process_name NULLS LAST, group_key NULLS LAST
