-- voice_trend: candidate NPS and sentiment score per local calendar month of submitted_at.
-- Needs voice_macros.sql and the voice_answers table. Bound parameter: $min_survey_answers.
-- A month with fewer answers than $min_survey_answers is `suppressed` (its results NULL), as is
-- a result over fewer NPS answers or comments than that.

WITH monthly AS (
    SELECT submitted_month AS month,
           count(*) AS answers,
           count(nps) AS nps_answers,
           count(*) FILTER (nps >= 9) AS promoters,
           count(*) FILTER (nps <= 6) AS detractors,
           count(sentiment_label) AS comments,
           count(*) FILTER (sentiment_label = 'positive') AS comments_positive,
           count(*) FILTER (sentiment_label = 'negative') AS comments_negative
    FROM voice_answers
    GROUP BY submitted_month
)

SELECT month,
       answers,
       answers < $min_survey_answers AS suppressed,
       nps_answers,
       CASE WHEN answers >= $min_survey_answers AND nps_answers >= $min_survey_answers
            THEN net_score(promoters, detractors, nps_answers) END AS cnps,
       CASE WHEN answers >= $min_survey_answers AND nps_answers >= $min_survey_answers
            THEN net_score_low(promoters, detractors, nps_answers) END AS cnps_low,
       CASE WHEN answers >= $min_survey_answers AND nps_answers >= $min_survey_answers
            THEN net_score_high(promoters, detractors, nps_answers) END AS cnps_high,
       comments,
       CASE WHEN answers >= $min_survey_answers AND comments >= $min_survey_answers
            THEN net_score(comments_positive, comments_negative, comments) END AS sentiment_score
FROM monthly
ORDER BY month
