-- Every address a message trace names, once, with its keyed hash: the importer's address_key, the
-- same hash candidate aliases are stored by. Hashing distinct addresses, not rows, keeps a large
-- trace cheap (a million messages name far fewer addresses). Parameters: $inner_pad, $outer_pad.
CREATE OR REPLACE TEMP TABLE trace_addresses AS
SELECT address, address_key($inner_pad, $outer_pad, address) AS address_key
FROM (SELECT sender AS address FROM trace_rows WHERE sender IS NOT NULL
      UNION
      SELECT recipient FROM trace_rows WHERE recipient IS NOT NULL);
