-- Scalar helpers of the metrics, voice and risk queries, created per connection (TEMP) so that
-- the store file stays untouched.

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

-- A net score, 100 × (plus − minus) / n: the candidate NPS with promoters (9–10) and detractors
-- (0–6) among n NPS answers, the sentiment score with positive and negative among n labelled
-- comments. NULL when n is 0. The one definition for metrics, voice and risk (docs/voice.md).
CREATE OR REPLACE TEMP MACRO net_score(plus, minus, n) AS
    100 * share(plus - minus, n);

-- Its 95 % interval: the plus share and the minus share each at the far end of its Wilson
-- interval. A little wider than exact, never of zero width (also when every answer is the same),
-- and within −100 … 100 by construction.
CREATE OR REPLACE TEMP MACRO net_score_low(plus, minus, n) AS
    100 * (wilson_low(plus, n) - wilson_high(minus, n));

CREATE OR REPLACE TEMP MACRO net_score_high(plus, minus, n) AS
    100 * (wilson_high(plus, n) - wilson_low(minus, n));

-- The 95 % interval of a − b for two independent estimates, each with its own interval [l, u]:
-- Newcombe's hybrid score method (method 10) for shares, the same square-and-add recovery for
-- net scores. Used for "how much worse than before" and for the verdict drivers.
CREATE OR REPLACE TEMP MACRO difference_low(a, l_a, b, u_b) AS
    a - b - sqrt((a - l_a) ^ 2 + (u_b - b) ^ 2);

CREATE OR REPLACE TEMP MACRO difference_high(a, u_a, b, l_b) AS
    a - b + sqrt((u_a - a) ^ 2 + (b - l_b) ^ 2);

-- A moment's business clock: the business days before its local date (business_days_before), plus
-- the elapsed part of that date when it is a business day (business_day_part). calendar is
-- application_facts.sql's business_calendar row; a latency in business days is the difference of two
-- clocks (analytics/calendar.py).
CREATE OR REPLACE TEMP MACRO business_days_before(local_moment, calendar) AS
    calendar.business_days_before[CAST(local_moment AS DATE) - calendar.first_day + 1];

CREATE OR REPLACE TEMP MACRO business_day_part(local_moment, calendar) AS
    CASE WHEN calendar.is_business_day[CAST(local_moment AS DATE) - calendar.first_day + 1]
         THEN (epoch(local_moment) - epoch(CAST(CAST(local_moment AS DATE) AS TIMESTAMP))) / 86400
         ELSE 0
    END;

-- A latency given in hours, shown in the chosen unit: calendar hours, calendar days, or business
-- days between the two local moments (the difference of their business clocks). The whole days
-- and the parts of days are subtracted apart, so that the result does not depend on where the
-- calendar starts (a clock's large whole part would round its fraction differently).
CREATE OR REPLACE TEMP MACRO latency_in_unit(hours, started_at, ended_at, unit, zone, calendar) AS
    CASE unit
        WHEN 'hours' THEN hours
        WHEN 'days' THEN hours / 24
        ELSE (business_days_before(timezone(zone, ended_at), calendar)
              - business_days_before(timezone(zone, started_at), calendar))
             + (business_day_part(timezone(zone, ended_at), calendar)
                - business_day_part(timezone(zone, started_at), calendar))
    END;

-- Evidence masks (application_facts.sql): kind i of vocabulary.EVIDENCE (passed as `kinds`) is bit i - 1.
CREATE OR REPLACE TEMP MACRO evidence_bit(kind, kinds) AS
    CAST(1 AS INTEGER) << (list_position(CAST(kinds AS VARCHAR[]), kind) - 1);

CREATE OR REPLACE TEMP MACRO evidence_has(mask, kind, kinds) AS
    mask & evidence_bit(kind, kinds) <> 0;

-- Whether an evidence mask holds every kind a family of facts needs.
CREATE OR REPLACE TEMP MACRO supports(mask, need) AS
    mask & need = need;

-- Whether an application (applied_at to the end of its timeline) lies within the period an
-- evidence row covers; an open bound does not limit.
CREATE OR REPLACE TEMP MACRO evidence_within(evidence, started_at, ended_at) AS
    (evidence.covers_from IS NULL OR started_at >= evidence.covers_from)
    AND (evidence.covers_to IS NULL OR ended_at <= evidence.covers_to);

-- A group's count of something only `base` of its applications can tell: NULL when none can (and
-- the group is not empty), so that unknown is never read as 0.
CREATE OR REPLACE TEMP MACRO known_count(counted, base, applications) AS
    CASE WHEN base > 0 OR applications = 0 THEN counted END;
