-- risk_action_list: the candidates to contact, one row per application. Needs risk_applications.
--
--   feedback_call     interviewed, rejected, no personal feedback yet: phone them (days since the decision)
--   outcome_not_told  rejected more than the silence limit ago and never told (days since the decision)
--   silent_open       open and no news for longer than the silence limit (days since the last contact)
--
-- Only applications whose sources record the messages sent to candidates are listed: without
-- them, silence is unknown, not a reason to call. An application that is several of these is
-- listed once, under the first. $timezone gives the local date the waiting started. The suggested
-- contact per reason is analytics/measure/actions.py's ACTION_CONTACT. backlog: waiting longer than
-- the action horizon (risk_applications.sql), listed apart from today's calls; $backlog: only the
-- backlog (true), only today's (false) or both (NULL).

SELECT candidate_id,
       process_id,
       process_name,
       recruiter,
       CASE WHEN interviewed_rejected AND NOT personal_feedback THEN 'feedback_call'
            WHEN rejected_not_told THEN 'outcome_not_told'
            ELSE 'silent_open' END AS reason,
       days_waiting,
       CAST(timezone($timezone, waiting_since_at) AS DATE) AS waiting_since,
       backlog
FROM risk_applications
WHERE evidence_messages
  AND ((interviewed_rejected AND NOT personal_feedback) OR silent_open OR rejected_not_told)
  AND ($backlog IS NULL OR backlog = $backlog)
ORDER BY days_waiting DESC, process_name, candidate_id
