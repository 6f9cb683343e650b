-- voice_answers: one row per survey answer of the applications the page filters select, with the
-- facts of its application. Needs application_facts and selected_facts (metrics_selected_facts.sql).
--
-- Bound parameters:
--   $timezone   zone of the local submitted date and month
--   $date_from, $date_to, $processes, $departments, $recruiters   the page filters
--
-- Answers submitted after the facts' as_of, and answers of applications not in the log, drop out.
-- The candidate id stays behind: nothing built on this relation can show it.

SELECT r.response_key,
       f.process_id,
       f.process_name,
       f.stage,
       f.outcome,
       f.outcome_known,
       f.informed,
       f.ack_deadline_passed,
       f.ack_within_sla,
       f.interviewed_rejected,
       f.personal_feedback,
       f.longest_silence_d,
       r.submitted_at,
       CAST(timezone($timezone, r.submitted_at) AS DATE) AS submitted_date,
       strftime(timezone($timezone, r.submitted_at), '%Y-%m') AS submitted_month,
       r.nps,
       r.comment,
       r.language,
       r.sentiment_label,
       r.sentiment_score
FROM survey_responses AS r
JOIN selected_facts(CAST($date_from AS DATE), CAST($date_to AS DATE),
                    CAST($processes AS VARCHAR[]), CAST($departments AS VARCHAR[]),
                    CAST($recruiters AS VARCHAR[]), CAST($scope_recruiter AS VARCHAR)) AS f
  ON f.candidate_id = r.candidate_id AND f.process_id = r.process_id
WHERE r.submitted_at <= f.as_of
