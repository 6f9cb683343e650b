-- The page filters as a table macro over application_facts (created once that relation exists).

-- The applications a page's filters select: applied_date (local) within the dates,
-- and process, department and recruiter among the chosen ones (an empty list selects all).
-- scope_recruiter (a signed-in recruiter's name, never from a link): only the processes where an
-- event names that recruiter (as inventory.filter_options lists them); NULL for everyone else.
CREATE OR REPLACE TEMP MACRO selected_facts(date_from, date_to, processes, departments, recruiters, scope_recruiter) AS TABLE
    SELECT *
    FROM application_facts
    WHERE (date_from IS NULL OR applied_date >= date_from)
      AND (date_to IS NULL OR applied_date <= date_to)
      AND (len(processes) = 0 OR list_contains(processes, process_id))
      AND (len(departments) = 0 OR list_contains(departments, department))
      AND (len(recruiters) = 0 OR list_contains(recruiters, recruiter))
      AND (scope_recruiter IS NULL
           OR process_id IN (SELECT process_id FROM events WHERE recruiter = scope_recruiter));
