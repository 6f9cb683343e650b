-- Scalar helpers of the voice_*.sql queries, created per connection (TEMP).
--
-- A net score is 100 × (plus − minus) / n: candidate NPS with promoters (9–10) and detractors
-- (0–6) among n NPS answers, the sentiment score with positive and negative among n comments.
-- Per answer the score is +1, 0 or −1, so with p = plus / n and d = minus / n its variance is
-- (p + d − (p − d)²) / n in share units (docs/voice.md). Intervals are 95 %, z = 1.959963984540054.

CREATE OR REPLACE TEMP MACRO net_score(plus, minus, n) AS
    CASE WHEN n > 0 THEN 100 * (plus - minus) / n END;

CREATE OR REPLACE TEMP MACRO net_score_variance(plus, minus, n) AS
    CASE WHEN n > 0 THEN (plus / n + minus / n - (plus / n - minus / n) ^ 2) / n END;

-- The interval of one net score, kept within −100 … 100.
CREATE OR REPLACE TEMP MACRO net_score_low(plus, minus, n) AS
    greatest(-100, net_score(plus, minus, n) - 100 * 1.959963984540054 * sqrt(net_score_variance(plus, minus, n)));

CREATE OR REPLACE TEMP MACRO net_score_high(plus, minus, n) AS
    least(100, net_score(plus, minus, n) + 100 * 1.959963984540054 * sqrt(net_score_variance(plus, minus, n)));

-- Half the width of the interval of the difference of two independent net scores.
CREATE OR REPLACE TEMP MACRO net_difference_margin(plus1, minus1, n1, plus2, minus2, n2) AS
    100 * 1.959963984540054 * sqrt(net_score_variance(plus1, minus1, n1) + net_score_variance(plus2, minus2, n2));

-- The group an answer or application belongs to: by process, stage reached, outcome, or all.
CREATE OR REPLACE TEMP MACRO voice_group_key(group_by, process_id, stage, outcome) AS
    CASE group_by WHEN 'process' THEN process_id WHEN 'stage' THEN stage
                  WHEN 'outcome' THEN outcome ELSE 'all' END;
