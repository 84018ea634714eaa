--------------------------------------------------------------------------
-- linkage: two agencies' encoded tables in, matched pairs out
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.link_clk(a_query pg_catalog.text, b_query pg_catalog.text,
	match_threshold pg_catalog.float8, review_threshold pg_catalog.float8 DEFAULT NULL,
	exhaustive pg_catalog.bool DEFAULT false)
RETURNS TABLE (a_id pg_catalog.int8, b_id pg_catalog.int8, dice pg_catalog.float8, decision pg_catalog.text)
AS 'MODULE_PATHNAME', 'link_clk'
LANGUAGE C VOLATILE PARALLEL UNSAFE ROWS 1000;
COMMENT ON FUNCTION @extschema@.link_clk(pg_catalog.text, pg_catalog.text, pg_catalog.float8, pg_catalog.float8, pg_catalog.bool) IS
'links two encoded tables, each a query returning (integer id, clk) run with the caller''s privileges: candidate pairs by Hamming LSH (every pair if exhaustive), Dice, then greedy one-to-one assignment by Dice; decision match from match_threshold, review down to review_threshold (default: no review band)';
