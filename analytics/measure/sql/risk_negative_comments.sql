-- risk_negative_comments: the negative comments of the given processes' selected applications,
-- submitted by as_of, each distinct text once with how often it was given. Needs risk_applications.
-- analytics/measure/risk.py tags them with themes (analytics.sentiment.themes_of, as the Candidate voice
-- page does).
--
-- Bound parameters:
--   $processes   VARCHAR[]: the processes whose voice flag names its themes

SELECT a.process_id, r.comment, r.language, count(*) AS comments
FROM survey_responses AS r
JOIN risk_applications AS a USING (candidate_id, process_id)
WHERE r.sentiment_label = 'negative'
  AND r.comment IS NOT NULL
  AND r.submitted_at <= a.as_of
  AND list_contains(CAST($processes AS VARCHAR[]), a.process_id)
GROUP BY a.process_id, r.comment, r.language
