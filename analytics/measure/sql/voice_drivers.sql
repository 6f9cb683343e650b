-- voice_drivers: what goes with the candidates' verdict. For each condition, the cNPS and the
-- sentiment score of answers where it holds against those where it does not, the difference
-- (holds − does not) and its 95 % interval (net_difference_margin, docs/voice.md).
-- Needs voice_macros.sql and the voice_answers table.
--
-- Bound parameters:
--   $silence_limit_days   a longest silence above this is "silent longer than the limit"
--   $min_survey_answers   a side with fewer NPS answers (comments) leaves its comparison suppressed
--
-- Who is compared:
--   informed            outcome known (rejection stands or offer made): told the outcome or not
--   ack_within_sla      acknowledgement deadline passed: acknowledged within the SLA or not
--   personal_feedback   interviewed and rejected: given personal feedback or not
--   long_silence        every answer: longest silence above the limit or not

WITH
conditions AS (
    SELECT 'informed' AS driver, informed AS holds, nps, sentiment_label
    FROM voice_answers WHERE outcome_known
    UNION ALL
    SELECT 'ack_within_sla', ack_within_sla, nps, sentiment_label
    FROM voice_answers WHERE ack_deadline_passed
    UNION ALL
    SELECT 'personal_feedback', personal_feedback, nps, sentiment_label
    FROM voice_answers WHERE interviewed_rejected
    UNION ALL
    SELECT 'long_silence', longest_silence_d > $silence_limit_days, nps, sentiment_label
    FROM voice_answers WHERE longest_silence_d IS NOT NULL
),

sides AS (
    SELECT driver, 'cnps' AS measure, holds,
           count(nps) AS n, count(*) FILTER (nps >= 9) AS plus, count(*) FILTER (nps <= 6) AS minus
    FROM conditions GROUP BY driver, holds
    UNION ALL
    SELECT driver, 'sentiment', holds,
           count(sentiment_label), count(*) FILTER (sentiment_label = 'positive'),
           count(*) FILTER (sentiment_label = 'negative')
    FROM conditions GROUP BY driver, holds
),

paired AS (
    SELECT d.driver, d.position, m.measure,
           coalesce(y.n, 0) AS n_with, y.plus AS plus_with, y.minus AS minus_with,
           coalesce(x.n, 0) AS n_without, x.plus AS plus_without, x.minus AS minus_without,
           coalesce(y.n, 0) < $min_survey_answers OR coalesce(x.n, 0) < $min_survey_answers AS suppressed
    FROM (VALUES ('informed', 1), ('ack_within_sla', 2), ('personal_feedback', 3), ('long_silence', 4))
         AS d(driver, position)
    CROSS JOIN (VALUES ('cnps'), ('sentiment')) AS m(measure)
    LEFT JOIN sides AS y ON y.driver = d.driver AND y.measure = m.measure AND y.holds
    LEFT JOIN sides AS x ON x.driver = d.driver AND x.measure = m.measure AND NOT x.holds
),

compared AS (
    SELECT *,
           CASE WHEN NOT suppressed THEN net_score(plus_with, minus_with, n_with) END AS score_with,
           CASE WHEN NOT suppressed THEN net_score(plus_without, minus_without, n_without) END AS score_without,
           CASE WHEN NOT suppressed
                THEN net_difference_margin(plus_with, minus_with, n_with, plus_without, minus_without, n_without)
           END AS margin
    FROM paired
)

SELECT driver,
       measure,
       n_with,
       n_without,
       suppressed,
       score_with,
       score_without,
       score_with - score_without AS difference,
       score_with - score_without - margin AS difference_low,
       score_with - score_without + margin AS difference_high
FROM compared
ORDER BY position, measure
