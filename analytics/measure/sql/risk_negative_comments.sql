-- risk_negative_comments: the negative comments of the given processes' selected applications,
-- submitted by as_of, each distinct text once with how often it was given. Reads selected_facts
-- (the rows of risk_applications, which the risk ranking computes for its counts alone).
-- analytics/measure/risk.py tags them with themes (analytics.sentiment.themes_of, as the Candidate voice
-- page does).
--
-- Bound parameters:
--   $date_from, $date_to, $processes, $departments, $recruiters, $scope_recruiter   the page filters
--   $voiced   VARCHAR[]: the processes whose voice flag names its themes

SELECT a.process_id, r.comment, r.language, count(*) AS comments
FROM survey_responses AS r
JOIN selected_facts(CAST($date_from AS DATE), CAST($date_to AS DATE), CAST($processes AS VARCHAR[]),
                    CAST($departments AS VARCHAR[]), CAST($recruiters AS VARCHAR[]),
                    CAST($scope_recruiter AS VARCHAR)) AS a USING (candidate_id, process_id)
WHERE r.sentiment_label = 'negative'
  AND r.comment IS NOT NULL
  AND r.submitted_at <= a.as_of
  AND list_contains(CAST($voiced AS VARCHAR[]), a.process_id)
GROUP BY a.process_id, r.comment, r.language
