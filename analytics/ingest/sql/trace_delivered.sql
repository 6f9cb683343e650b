-- The kept messages, each once. A message is its message id and recipient (a message to three
-- candidates is three contacts); the same pair again (a repeated row, another delivery step, an
-- overlapping export) is a duplicate: the first row counts, `repeats` counts the others; a message
-- an earlier import already brought (message_keys) is `imported`, a duplicate too.
-- message_key: 64 bits of MD5 over the message id and the recipient's keyed hash (never the address).
CREATE OR REPLACE TEMP TABLE trace_delivered AS
WITH keyed AS (
    SELECT __id, sent_at, recipient, subject,
           CAST(md5_number(concat_ws(chr(31), coalesce(message_id, CAST(epoch_us(sent_at) AS VARCHAR)),
                                     recipient_key)) >> 64 AS UBIGINT) AS message_key
    FROM trace_classified
    WHERE reason IS NULL
),
messages AS (
    SELECT message_key, min(__id) AS __id, count(*) - 1 AS repeats,
           arg_min({'sent_at': sent_at, 'recipient': recipient, 'subject': subject}, __id) AS first
    FROM keyed
    GROUP BY message_key
)
SELECT message_key, __id, repeats, first.sent_at AS sent_at, first.recipient AS recipient, first.subject AS subject,
       message_key IN (SELECT message_key FROM message_keys) AS imported
FROM messages;
