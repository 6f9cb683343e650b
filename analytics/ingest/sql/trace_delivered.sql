-- The kept messages, each once. A message is its message id and recipient (a message to three
-- candidates is three contacts); the same pair again (a repeated row, another delivery step, an
-- overlapping export, here or already imported: message_keys) is a duplicate. The first row counts.
-- message_key: 64 bits of MD5 over the message id and the recipient's keyed hash (never the address).
CREATE OR REPLACE TEMP TABLE trace_delivered AS
WITH keyed AS (
    SELECT *,
           CAST(md5_number(concat_ws(chr(31), coalesce(message_id, CAST(epoch_us(sent_at) AS VARCHAR)),
                                     recipient_key)) >> 64 AS UBIGINT) AS message_key
    FROM trace_classified
    WHERE reason IS NULL
),
first_rows AS (
    SELECT message_key, min(__id) AS __id FROM keyed GROUP BY message_key
)
SELECT k.*,
       f.__id IS NULL OR k.message_key IN (SELECT message_key FROM message_keys) AS duplicate
FROM keyed AS k
LEFT JOIN first_rows AS f USING (message_key, __id);
