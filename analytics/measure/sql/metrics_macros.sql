-- Scalar helpers of application_facts.sql and metrics_by_group.sql, created per connection (TEMP)
-- so that the store file stays untouched.

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

-- A moment's business clock: the business days before its local date, plus the elapsed part of
-- that date when it is a business day. calendar is application_facts.sql's business_calendar row;
-- a latency in business days is the difference of two clocks (analytics/calendar.py).
CREATE OR REPLACE TEMP MACRO business_clock(local_moment, calendar) AS
    calendar.business_days_before[CAST(local_moment AS DATE) - calendar.first_day + 1]
    + CASE WHEN calendar.is_business_day[CAST(local_moment AS DATE) - calendar.first_day + 1]
           THEN (epoch(local_moment) - epoch(CAST(CAST(local_moment AS DATE) AS TIMESTAMP))) / 86400
           ELSE 0
      END;

-- A latency given in hours, shown in the chosen unit: calendar hours, calendar days, or business
-- days between the two local moments (the difference of their business clocks).
CREATE OR REPLACE TEMP MACRO latency_in_unit(hours, started_at, ended_at, unit, zone, calendar) AS
    CASE unit
        WHEN 'hours' THEN hours
        WHEN 'days' THEN hours / 24
        ELSE business_clock(timezone(zone, ended_at), calendar)
             - business_clock(timezone(zone, started_at), calendar)
    END;
