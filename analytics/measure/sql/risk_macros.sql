-- Helpers of the brand-risk rules (analytics/risk.py), created per connection (TEMP) next to
-- metrics_macros.sql, whose share and wilson_low / wilson_high they build on.

-- A score of 100 × (good − bad) / whole, as cNPS and the sentiment score are, with the interval
-- that takes the good share and the bad share each at the worse / better end of its Wilson 95 %
-- interval: wider than an exact interval, so a score whose best end is below a threshold is
-- below it beyond reasonable doubt.
CREATE OR REPLACE TEMP MACRO score_low(good, bad, whole) AS
    100 * (wilson_low(good, whole) - wilson_high(bad, whole));

CREATE OR REPLACE TEMP MACRO score_high(good, bad, whole) AS
    100 * (wilson_high(good, whole) - wilson_low(bad, whole));

-- Newcombe's hybrid score interval (method 10) for the difference of two independent shares
-- p_a − p_b, from each share's Wilson interval [l, u]. Used for "how much worse than before".
CREATE OR REPLACE TEMP MACRO newcombe_low(p_a, l_a, p_b, u_b) AS
    p_a - p_b - sqrt((p_a - l_a) ^ 2 + (u_b - p_b) ^ 2);

CREATE OR REPLACE TEMP MACRO newcombe_high(p_a, u_a, p_b, l_b) AS
    p_a - p_b + sqrt((u_a - p_a) ^ 2 + (p_b - l_b) ^ 2);
