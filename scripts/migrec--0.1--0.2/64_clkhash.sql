--------------------------------------------------------------------------
-- clkhash: the encodings of Data61's clkhash, for agencies that use it
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.clkhash_clk(schema pg_catalog.jsonb, secrets pg_catalog.text[], record pg_catalog.text[])
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'clkhash_clk'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clkhash_clk(pg_catalog.jsonb, pg_catalog.text[], pg_catalog.text[]) IS
'the CLK clkhash makes of a record (one value a feature) for a linkage schema of version 3 and one secret (clkhash 0.15 and later) or two (0.8 to 0.14): ngram and exact comparisons, blakeHash and doubleHash (14 and later), xorFolds; the bytes, bit 0 the high bit of the first byte (base64 of them is clkhash''s text; clk_import makes a clk of 1024 bits)';
