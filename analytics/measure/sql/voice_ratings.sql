-- voice_ratings: the mean of each 1–5 rating per group, with its number of answers.
-- Needs voice_macros.sql and the voice_answers table.
-- Bound parameters: $group_by ('process' | 'stage' | 'outcome' | 'all'), $min_survey_answers.
-- A group with fewer answers than $min_survey_answers is `suppressed`; a mean over fewer ratings
-- than that is NULL too.

WITH
keyed AS (
    SELECT response_key, process_name, voice_group_key($group_by, process_id, stage, outcome) AS group_key
    FROM voice_answers
),
group_answers AS (
    SELECT group_key, count(*) AS answers FROM keyed GROUP BY group_key
)

SELECT k.group_key,
       CASE WHEN $group_by = 'process' THEN any_value(k.process_name) END AS process_name,
       r.rating,
       count(*) AS n,
       any_value(g.answers) < $min_survey_answers AS suppressed,
       CASE WHEN any_value(g.answers) >= $min_survey_answers AND count(*) >= $min_survey_answers
            THEN avg(r.value) END AS mean
FROM keyed AS k
JOIN survey_ratings AS r ON r.response_key = k.response_key
JOIN group_answers AS g ON g.group_key IS NOT DISTINCT FROM k.group_key
GROUP BY k.group_key, r.rating
ORDER BY k.group_key NULLS LAST, r.rating
