-- risk_process_trends: per process and share, how much worse the 'current' half of its
-- applications window is than the 'previous' half, with Newcombe's 95 % interval of that change.
-- Needs the temporary table risk_process_checks (the result of risk_process_checks.sql) and
-- metrics_macros.sql (difference_low, difference_high). worsening > 0 is worse, whichever
-- direction the share is good in.

WITH
halves AS (
    SELECT process_id, measure, higher_is_better, part, whole, value, low, high, period,
           applied_from, applied_to
    FROM risk_process_checks,
         LATERAL (VALUES
             ('ack_within_sla_share', true, ack_within_sla, ack_eligible,
              ack_within_sla_share, ack_within_sla_share_low, ack_within_sla_share_high),
             ('ghosted_share', false, ghosted, ghosted_judged,
              ghosted_share, ghosted_share_low, ghosted_share_high),
             ('told_in_time_share', true, told_in_time, notice_due,
              told_in_time_share, told_in_time_share_low, told_in_time_share_high),
             ('personal_feedback_share', true, personal_feedback, feedback_due,
              personal_feedback_share, personal_feedback_share_low, personal_feedback_share_high)
         ) AS shares(measure, higher_is_better, part, whole, value, low, high)
    WHERE period IN ('previous', 'current')
),

paired AS (
    SELECT before.process_id, before.measure, before.higher_is_better,
           before.part AS previous_part, before.whole AS previous_n, before.value AS previous_value,
           before.low AS previous_low, before.high AS previous_high,
           before.applied_from AS previous_from, before.applied_to AS previous_to,
           now.part AS current_part, now.whole AS current_n, now.value AS current_value,
           now.low AS current_low, now.high AS current_high,
           now.applied_from AS current_from, now.applied_to AS current_to,
           -- a is the better-before side: the change a − b is positive when things got worse
           CASE WHEN before.higher_is_better THEN before.value ELSE now.value END AS p_a,
           CASE WHEN before.higher_is_better THEN before.low ELSE now.low END AS l_a,
           CASE WHEN before.higher_is_better THEN before.high ELSE now.high END AS u_a,
           CASE WHEN before.higher_is_better THEN now.value ELSE before.value END AS p_b,
           CASE WHEN before.higher_is_better THEN now.low ELSE before.low END AS l_b,
           CASE WHEN before.higher_is_better THEN now.high ELSE before.high END AS u_b
    FROM halves AS before
    JOIN halves AS now USING (process_id, measure)
    WHERE before.period = 'previous' AND now.period = 'current'
      AND before.whole > 0 AND now.whole > 0
)

SELECT process_id, measure, higher_is_better,
       previous_part, previous_n, previous_value, previous_low, previous_high, previous_from, previous_to,
       current_part, current_n, current_value, current_low, current_high, current_from, current_to,
       p_a - p_b AS worsening,
       difference_low(p_a, l_a, p_b, u_b) AS worsening_low,
       difference_high(p_a, u_a, p_b, l_b) AS worsening_high
FROM paired
ORDER BY process_id, measure
