-- voice_distribution: how many answers gave each NPS score 0–10, per group.
-- Needs voice_macros.sql and the voice_answers table.
-- Bound parameters: $group_by ('process' | 'stage' | 'outcome' | 'all'), $min_survey_answers.
-- A group with fewer answers, or fewer NPS answers, than $min_survey_answers has NULL counts.

WITH
keyed AS (
    SELECT voice_group_key($group_by, process_id, stage, outcome) AS group_key, nps FROM voice_answers
),
totals AS (
    SELECT group_key, count(*) AS answers, count(nps) AS nps_answers FROM keyed GROUP BY group_key
),
counted AS (
    SELECT group_key, nps AS score, count(*) AS answers FROM keyed WHERE nps IS NOT NULL GROUP BY group_key, nps
)

SELECT t.group_key,
       CAST(s.score AS INTEGER) AS score,
       t.answers < $min_survey_answers AS suppressed,
       CASE WHEN t.answers >= $min_survey_answers AND t.nps_answers >= $min_survey_answers
            THEN coalesce(c.answers, 0) END AS answers
FROM totals AS t
CROSS JOIN range(0, 11) AS s(score)
LEFT JOIN counted AS c ON c.group_key IS NOT DISTINCT FROM t.group_key AND c.score = s.score
ORDER BY t.group_key NULLS LAST, s.score
