-- voice_drivers: what goes with the candidates' verdict. For each condition, the cNPS and the
-- sentiment score of answers where it holds against those where it does not, the difference
-- (holds − does not) and its 95 % interval (difference_low / difference_high of each side's
-- net-score interval, docs/voice.md). Needs metrics_macros.sql and the voice_answers table.
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

scored AS (
    SELECT *,
           CASE WHEN NOT suppressed THEN net_score(plus_with, minus_with, n_with) END AS score_with,
           net_score_low(plus_with, minus_with, n_with) AS low_with,
           net_score_high(plus_with, minus_with, n_with) AS high_with,
           CASE WHEN NOT suppressed THEN net_score(plus_without, minus_without, n_without) END AS score_without,
           net_score_low(plus_without, minus_without, n_without) AS low_without,
           net_score_high(plus_without, minus_without, n_without) AS high_without
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
       difference_low(score_with, low_with, score_without, high_without) AS difference_low,
       difference_high(score_with, high_with, score_without, low_without) AS difference_high
FROM scored
ORDER BY position, measure
