-- Temporary macros for one import, created on the importing connection.

-- A naive local time to an instant in zone tz. ICU moves a missing spring hour forward; for the
-- repeated autumn hour it picks the second one, so step back an hour when that reads the same.
CREATE OR REPLACE TEMP MACRO local_to_instant(ts, tz) AS
    CASE
        WHEN timezone(tz, timezone(tz, ts) - INTERVAL 1 HOUR) = ts THEN timezone(tz, ts) - INTERVAL 1 HOUR
        ELSE timezone(tz, ts)
    END;

-- Any accepted timestamp text to an instant; NULL when it cannot be read.
--   epoch milliseconds (12-13 digits), ISO 8601 with Z or an offset, naive local date-time, date only.
CREATE OR REPLACE TEMP MACRO parse_instant(raw, tz) AS (
    WITH v AS (SELECT regexp_replace(trim(raw), '\s+([+-]\d{2}:?\d{2}|[Zz])$', '\1') AS s)
    SELECT CASE
        WHEN regexp_full_match(s, '\d{12,13}') THEN make_timestamptz(CAST(s AS BIGINT) * 1000)
        WHEN regexp_full_match(s, '\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}(:?\d{2})?)')
            THEN try_cast(s AS TIMESTAMPTZ)
        WHEN regexp_full_match(s, '\d{4}[-/]\d{2}[-/]\d{2}([T ]\d{1,2}[:.]\d{2}([:.]\d{2}(\.\d+)?)?)?')
            THEN local_to_instant(try_cast(regexp_replace(replace(s, '/', '-'), '(\d)\.(\d{2})', '\1:\2', 'g') AS TIMESTAMP), tz)
        ELSE NULL
    END FROM v
);

-- HMAC-SHA256 (RFC 2104) with the key already xor-ed into its inner and outer pad blocks.
CREATE OR REPLACE TEMP MACRO hmac_sha256(inner_pad, outer_pad, message) AS
    sha256(outer_pad || unhex(sha256(inner_pad || encode(message))));

-- A number written with a decimal comma or point; NULL when it is not a number.
CREATE OR REPLACE TEMP MACRO parse_number(raw) AS
    try_cast(replace(trim(raw), ',', '.') AS DOUBLE);

-- The natural key of a stored row as 64 bits of MD5: stable across DuckDB versions, unlike hash().
CREATE OR REPLACE TEMP MACRO row_key(candidate_id, process_id, kind, instant_us) AS
    CAST(md5_number(concat_ws(chr(31), candidate_id, process_id, kind, instant_us)) >> 64 AS UBIGINT);
