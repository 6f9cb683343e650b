-- The trace's addresses that are known candidates' aliases, with every candidate each belongs to
-- (one address may be an ATS id's alias and an e-mail-only file's pseudonym at once).
CREATE OR REPLACE TEMP TABLE trace_candidates AS
SELECT DISTINCT t.address, t.address_key, a.candidate_id
FROM trace_addresses AS t
JOIN candidate_aliases AS a USING (address_key);
