-- Helpers for metrics_by_group.sql, created per connection (TEMP) so the store file stays untouched.

-- part / whole, NULL when there is nothing to divide by.
CREATE OR REPLACE TEMP MACRO share(part, whole) AS
    CASE WHEN whole > 0 THEN part / whole END;

-- Wilson score interval, 95 % (z = 1.959963984540054), for part successes out of whole trials.
CREATE OR REPLACE TEMP MACRO wilson_low(part, whole) AS
    CASE WHEN whole > 0 THEN
        (part / whole + 1.959963984540054 ^ 2 / (2 * whole)
         - 1.959963984540054 * sqrt(part / whole * (1 - part / whole) / whole
                                    + 1.959963984540054 ^ 2 / (4 * whole ^ 2)))
        / (1 + 1.959963984540054 ^ 2 / whole)
    END;

CREATE OR REPLACE TEMP MACRO wilson_high(part, whole) AS
    CASE WHEN whole > 0 THEN
        (part / whole + 1.959963984540054 ^ 2 / (2 * whole)
         + 1.959963984540054 * sqrt(part / whole * (1 - part / whole) / whole
                                    + 1.959963984540054 ^ 2 / (4 * whole ^ 2)))
        / (1 + 1.959963984540054 ^ 2 / whole)
    END;

-- The facts of the applications a page's filters select: applied_date (local) within the dates,
-- and process, department and recruiter among the chosen ones (an empty list selects all).
CREATE OR REPLACE TEMP MACRO selected_facts(date_from, date_to, processes, departments, recruiters) AS TABLE
    SELECT *
    FROM application_facts
    WHERE (date_from IS NULL OR applied_date >= date_from)
      AND (date_to IS NULL OR applied_date <= date_to)
      AND (len(processes) = 0 OR list_contains(processes, process_id))
      AND (len(departments) = 0 OR list_contains(departments, department))
      AND (len(recruiters) = 0 OR list_contains(recruiters, recruiter));
