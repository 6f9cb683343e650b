-- Temporary macros for one import, created on the importing connection.

-- A naive local time to an instant in zone tz. ICU moves a missing spring hour forward; for the
-- repeated autumn hour it picks the second one, so step back an hour when that reads the same.
CREATE OR REPLACE TEMP MACRO local_to_instant(ts, tz) AS
    CASE
        WHEN timezone(tz, timezone(tz, ts) - INTERVAL 1 HOUR) = ts THEN timezone(tz, ts) - INTERVAL 1 HOUR
        ELSE timezone(tz, ts)
    END;

-- ISO 8601 with Z or an offset, the shape most exports write: parse_trimmed_instant's second case.
CREATE OR REPLACE TEMP MACRO is_iso_instant(s) AS
    regexp_full_match(s, '\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-](0\d|1[0-3])(:?[0-5]\d)?|[+-]14(:?00)?)');

-- parse_instant's text without surrounding spaces and without spaces before its offset. An expression,
-- not a subquery: evaluated per row, about twice as fast (the text without any space, the common case,
-- is not rewritten at all).
CREATE OR REPLACE TEMP MACRO parse_trimmed_instant(s, tz) AS
    CASE
        WHEN regexp_full_match(s, '\d{12,13}(\.0*)?') THEN make_timestamptz(CAST(split_part(s, '.', 1) AS BIGINT) * 1000)
        WHEN is_iso_instant(s) THEN try_cast(s AS TIMESTAMPTZ)
        WHEN regexp_full_match(s, '\d{4}[-/]\d{2}[-/]\d{2}([T ]\d{1,2}[:.]\d{2}([:.]\d{2}(\.\d+)?)?)?')
            THEN local_to_instant(try_cast(CASE WHEN contains(s, ':') THEN replace(s, '/', '-')
                ELSE regexp_replace(replace(s, '/', '-'), '(\d)\.(\d{2})', '\1:\2', 'g') END AS TIMESTAMP), tz)
        ELSE NULL
    END;

-- Any accepted timestamp text to an instant; NULL when it cannot be read.
--   epoch milliseconds (12-13 digits, also as pandas writes them: `1628513942512.0`), ISO 8601 with
--   Z or an offset, naive local date-time (fractional seconds too), date only. Dots as time
--   separators (`14.30`) are read only in a time without colons, so `14:21:05.255` keeps its milliseconds.
-- An offset must be a real one: at most 14:00 either way, minutes 00-59 (+99:99 is no offset).
-- Whether the instant is plausible (not 1970-01-01, not 9999-12-31) is a separate row check.
-- Text that already is ISO 8601 with an offset is read at once (a third of the time): it has no
-- space to trim or to take out before its offset, so parse_trimmed_instant would read it so too.
CREATE OR REPLACE TEMP MACRO parse_instant(raw, tz) AS
    CASE WHEN is_iso_instant(raw) THEN try_cast(raw AS TIMESTAMPTZ)
         ELSE parse_trimmed_instant(CASE WHEN regexp_matches(raw, '\s')
                                         THEN regexp_replace(trim(raw), '\s+([+-]\d{2}:?\d{2}|[Zz])$', '\1')
                                         ELSE raw END, tz) END;

-- HMAC-SHA256 (RFC 2104) with the key already xor-ed into its inner and outer pad blocks.
CREATE OR REPLACE TEMP MACRO hmac_sha256(inner_pad, outer_pad, message) AS
    sha256(outer_pad || unhex(sha256(inner_pad || encode(message))));

-- An e-mail address as exports write it, reduced to the address itself: letter case, surrounding
-- spaces, a display name ('Anna Berg <Anna.Berg@x.se>') and 'mailto:' do not matter.
CREATE OR REPLACE TEMP MACRO normalize_address(address) AS
    nullif(trim(regexp_replace(lower(trim(
        CASE WHEN contains(address, '<') THEN coalesce(nullif(regexp_extract(address, '<([^<>]*)>', 1), ''), address)
             ELSE address END)), '^mailto:', '')), '');

-- The one keyed hash of an e-mail address (HMAC-SHA256 of the normalised address, 64 hex digits):
-- candidate aliases, message-trace senders and recipients, and pseudonyms are all made by it.
CREATE OR REPLACE TEMP MACRO address_key(inner_pad, outer_pad, address) AS
    hmac_sha256(inner_pad, outer_pad, normalize_address(address));

-- Every address written in one cell ('a@x.se; Anna <b@y.se>', a JSON list) as its keyed hash.
CREATE OR REPLACE TEMP MACRO cell_address_keys(inner_pad, outer_pad, cell) AS
    CASE WHEN contains(cell, '@') THEN
        list_transform(regexp_extract_all(cell, '[^\s<>,;:"''\[\]()]+@[^\s<>,;:"''\[\]()]+'),
                       lambda a: address_key(inner_pad, outer_pad, a))
    END;

-- An e-mail address as its keyed pseudonym, a candidate id: the first 20 digits of its key.
CREATE OR REPLACE TEMP MACRO pseudonym(inner_pad, outer_pad, address) AS
    'anon-' || left(address_key(inner_pad, outer_pad, address), 20);

-- A candidate id, or its pseudonym when the id holds an e-mail address anywhere, also with a
-- name around it ('Anna Svensson <anna.svensson.12@example.se>'): the pseudonym of that address,
-- so the name is never stored either.
CREATE OR REPLACE TEMP MACRO id_or_pseudonym(inner_pad, outer_pad, id) AS
    CASE WHEN contains(id, '@') AND regexp_matches(id, '[^\s<>,;:"''\[\]()@]+@[^\s<>,;:"''\[\]()@]+\.[^\s<>,;:"''\[\]()@]+')
         THEN pseudonym(inner_pad, outer_pad,
                        regexp_extract(id, '[^\s<>,;:"''\[\]()@]+@[^\s<>,;:"''\[\]()@]+\.[^\s<>,;:"''\[\]()@]+'))
         ELSE id END;

-- `word` replaced by [name] wherever it stands as a whole word, in any letter case. The pattern is
-- compiled for every row (about a millisecond, for the Unicode class), so only where the text holds
-- the word at all: for most cells a plain search is all it costs.
CREATE OR REPLACE TEMP MACRO mask_word(text, word) AS
    CASE WHEN contains(lower(text), lower(word))
         THEN regexp_replace(text, '(^|[^\pL])' || regexp_escape(word) || '([^\pL]|$)', '\1[name]\2', 'gi')
         ELSE text END;

-- The row's name(s) masked in `text`: each whole name, then each part of it of two letters or
-- more (split at spaces and hyphens). Each word is masked twice: a match takes the separator after
-- it, which would hide the same name written right after it ("Anna, Anna").
CREATE OR REPLACE TEMP MACRO mask_names(text, names) AS
    list_reduce(
        list_prepend(text, list_filter(
            flatten(list_transform(list_filter(names, lambda n: nullif(trim(n), '') IS NOT NULL),
                                   lambda n: list_prepend(trim(n), regexp_split_to_array(trim(n), '[\s\-]+')))),
            lambda part: length(part) > 1)),
        lambda masked, part: mask_word(mask_word(masked, part), part));

-- A cell without surrounding spaces, NULL when empty: nullif(trim(text), ''). A cell that starts and
-- ends with a printable ASCII character (almost every cell) has nothing to trim and is taken as it is.
CREATE OR REPLACE TEMP MACRO trimmed_cell(text) AS
    CASE WHEN ascii(text) BETWEEN 33 AND 126 AND ascii(text[-1]) BETWEEN 33 AND 126 THEN text
         ELSE nullif(trim(text), '') END;

-- trimmed_cell for a file that holds no space character but ASCII's (textfiles' scan tells): a cell
-- that neither starts nor ends with ' ' and is not empty has nothing to trim. trimmed_cell's look at
-- the last character walks through the cell (four descriptive columns of a million applications'
-- events: 0.76 s -> 0.37 s).
CREATE OR REPLACE TEMP MACRO trimmed_ascii_cell(text) AS
    CASE WHEN NOT prefix(text, ' ') AND NOT suffix(text, ' ') AND text <> '' THEN text
         ELSE nullif(trim(text), '') END;

-- coalesce(value, otherwise) that works `otherwise` out only for the rows where value is NULL. DuckDB's
-- coalesce does too, but its optimizer first works out, for every row, a part that `otherwise` holds
-- twice (the cell trimmed and lower-cased, tested and then taken): for the event types, three times
-- the cost of the lookup. It leaves a CASE alone. `value`, written twice here, is worked out once.
CREATE OR REPLACE TEMP MACRO lazy_coalesce(value, otherwise) AS
    CASE WHEN value IS NOT NULL THEN value ELSE otherwise END;

-- A number written with a decimal comma or point; NULL when it is not a number.
CREATE OR REPLACE TEMP MACRO parse_number(raw) AS
    try_cast(replace(trim(raw), ',', '.') AS DOUBLE);

-- The natural key of a stored row as 64 bits of MD5: stable across DuckDB versions, unlike hash().
CREATE OR REPLACE TEMP MACRO row_key(candidate_id, process_id, kind, instant_us) AS
    CAST(md5_number(concat_ws(chr(31), candidate_id, process_id, kind, instant_us)) >> 64 AS UBIGINT);
