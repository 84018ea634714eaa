--------------------------------------------------------------------------
-- clk: a similarity encoding (Bloom filter) of a person's identifiers
--------------------------------------------------------------------------

CREATE TYPE @extschema@.clk;

CREATE FUNCTION @extschema@.clk_in(pg_catalog.cstring)
RETURNS @extschema@.clk
AS 'MODULE_PATHNAME', 'clk_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.clk_out(@extschema@.clk)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'clk_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.clk_recv(pg_catalog.internal)
RETURNS @extschema@.clk
AS 'MODULE_PATHNAME', 'clk_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.clk_send(@extschema@.clk)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'clk_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- 8 bytes of header (version, options, popcount, key fingerprint) and 1024
-- bits: src/linkage_io.h
CREATE TYPE @extschema@.clk (
	INPUT = @extschema@.clk_in,
	OUTPUT = @extschema@.clk_out,
	RECEIVE = @extschema@.clk_recv,
	SEND = @extschema@.clk_send,
	INTERNALLENGTH = 136,
	ALIGNMENT = double,
	STORAGE = plain,
	CATEGORY = 'U'
);

COMMENT ON TYPE @extschema@.clk IS
'a cryptographic long-term key: a 1024-bit Bloom filter of a person''s names, birth date, sex and nationality under a secret two agencies share, compared by Dice similarity; encodings of another version, options or secret are refused; 136 bytes, shown as base64';
COMMENT ON FUNCTION @extschema@.clk_in(pg_catalog.cstring) IS
'clk input: base64 of version, options, key fingerprint and the 1024 bits; checked';
COMMENT ON FUNCTION @extschema@.clk_out(@extschema@.clk) IS
'clk output: base64 of version, options, key fingerprint and the 1024 bits';
COMMENT ON FUNCTION @extschema@.clk_recv(pg_catalog.internal) IS
'clk binary input: version, options, key fingerprint (big-endian int4) and the 128 bytes of bits; checked';
COMMENT ON FUNCTION @extschema@.clk_send(@extschema@.clk) IS
'clk binary output: version, options, key fingerprint (big-endian int4) and the 128 bytes of bits';

CREATE FUNCTION @extschema@.clk(secret pg_catalog.bytea, family_names pg_catalog.text,
	given_names pg_catalog.text, birth pg_catalog.date, sex pg_catalog.text,
	nationality @extschema@.nationality, salt pg_catalog.text DEFAULT NULL)
RETURNS @extschema@.clk
AS 'MODULE_PATHNAME', 'clk_encode'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clk(pg_catalog.bytea, pg_catalog.text, pg_catalog.text, pg_catalog.date, pg_catalog.text, @extschema@.nationality, pg_catalog.text) IS
'the similarity encoding of a person under a secret of at least 16 bytes: bigrams of the linkage_name forms, birth date, sex and nationality in 2048 bits by HMAC-SHA-256, XOR-folded to 1024; salt (a stable field, e.g. the birth year) hardens it further; missing fields set no bits; NULL without a secret or a name';

CREATE FUNCTION @extschema@.dice(@extschema@.clk, @extschema@.clk)
RETURNS pg_catalog.float8
AS 'MODULE_PATHNAME', 'clk_dice'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dice(@extschema@.clk, @extschema@.clk) IS
'Dice similarity of two encodings, 2|A and B| / (|A| + |B|), from 0 to 1; an error for encodings of different versions, options or secrets';

CREATE FUNCTION @extschema@.clk_distance(@extschema@.clk, @extschema@.clk)
RETURNS pg_catalog.float8
AS 'MODULE_PATHNAME', 'clk_distance'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clk_distance(@extschema@.clk, @extschema@.clk) IS
'implementation of <-> for clk: 1 - dice';

CREATE FUNCTION @extschema@.clk_similar(@extschema@.clk, @extschema@.clk)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'clk_similar'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clk_similar(@extschema@.clk, @extschema@.clk) IS
'implementation of % for clk: dice at least migrec.clk_threshold';

CREATE FUNCTION @extschema@.popcount(@extschema@.clk)
RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'clk_popcount'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.popcount(@extschema@.clk) IS
'how many of the 1024 bits are set';

CREATE FUNCTION @extschema@.clk_bits(@extschema@.clk)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'clk_bits'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clk_bits(@extschema@.clk) IS
'the 1024 bits as 128 bytes, bit 0 the high bit of the first byte: the form clkhash and anonlink exchange (base64 of it is their CLK)';

CREATE FUNCTION @extschema@.clk_import(pg_catalog.bytea)
RETURNS @extschema@.clk
AS 'MODULE_PATHNAME', 'clk_import'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clk_import(pg_catalog.bytea) IS
'a 1024-bit filter made elsewhere (128 bytes, e.g. a clkhash CLK decoded from base64) as a clk of version 2, comparable only with other imported ones';

CREATE OPERATOR @extschema@.% (
	LEFTARG = @extschema@.clk, RIGHTARG = @extschema@.clk,
	FUNCTION = @extschema@.clk_similar,
	COMMUTATOR = OPERATOR(@extschema@.%),
	RESTRICT = pg_catalog.matchingsel, JOIN = pg_catalog.matchingjoinsel
);
COMMENT ON OPERATOR @extschema@.%(@extschema@.clk, @extschema@.clk) IS
'similar: dice at least migrec.clk_threshold (GIN-indexable)';

CREATE OPERATOR @extschema@.<-> (
	LEFTARG = @extschema@.clk, RIGHTARG = @extschema@.clk,
	FUNCTION = @extschema@.clk_distance,
	COMMUTATOR = OPERATOR(@extschema@.<->)
);
COMMENT ON OPERATOR @extschema@.<->(@extschema@.clk, @extschema@.clk) IS
'distance, 1 - dice: ORDER BY c <-> q LIMIT k for the nearest encodings';

-- equality and hashing (DISTINCT, GROUP BY, hash joins): the whole value
CREATE FUNCTION @extschema@.clk_eq(@extschema@.clk, @extschema@.clk)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'clk_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.clk_ne(@extschema@.clk, @extschema@.clk)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'clk_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.clk_hash(@extschema@.clk)
RETURNS pg_catalog.int4 AS 'MODULE_PATHNAME', 'clk_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.clk_hash_extended(@extschema@.clk, pg_catalog.int8)
RETURNS pg_catalog.int8 AS 'MODULE_PATHNAME', 'clk_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.clk_eq(@extschema@.clk, @extschema@.clk) IS 'implementation of = for clk';
COMMENT ON FUNCTION @extschema@.clk_ne(@extschema@.clk, @extschema@.clk) IS 'implementation of <> for clk';
COMMENT ON FUNCTION @extschema@.clk_hash(@extschema@.clk) IS 'hash of a clk (for hash joins and hash aggregation)';
COMMENT ON FUNCTION @extschema@.clk_hash_extended(@extschema@.clk, pg_catalog.int8) IS 'seeded 64-bit hash of a clk (for hash partitioning)';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.clk, RIGHTARG = @extschema@.clk,
	FUNCTION = @extschema@.clk_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.clk, RIGHTARG = @extschema@.clk,
	FUNCTION = @extschema@.clk_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR @extschema@.=(@extschema@.clk, @extschema@.clk) IS 'equal: the same version, options, fingerprint and bits';
COMMENT ON OPERATOR @extschema@.<>(@extschema@.clk, @extschema@.clk) IS 'not equal';

CREATE OPERATOR CLASS @extschema@.clk_hash_ops
DEFAULT FOR TYPE @extschema@.clk USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.clk_hash(@extschema@.clk),
	FUNCTION 2 @extschema@.clk_hash_extended(@extschema@.clk, pg_catalog.int8);
COMMENT ON OPERATOR CLASS @extschema@.clk_hash_ops USING hash IS 'default hash operator class for clk (DISTINCT, GROUP BY, hash joins)';
COMMENT ON OPERATOR FAMILY @extschema@.clk_hash_ops USING hash IS 'hash operators for clk';

-- GIN: Hamming locality-sensitive hashing, by default 64 keys of 30 sampled
-- bits each, options tables and bits (src/linkage_io.h)
CREATE FUNCTION @extschema@.clk_gin_extract_value(@extschema@.clk, pg_catalog.internal)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'clk_gin_extract_value'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.clk_gin_extract_query(@extschema@.clk, pg_catalog.internal, pg_catalog.int2,
	pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'clk_gin_extract_query'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.clk_gin_consistent(pg_catalog.internal, pg_catalog.int2, @extschema@.clk,
	pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'clk_gin_consistent'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.clk_gin_triconsistent(pg_catalog.internal, pg_catalog.int2, @extschema@.clk,
	pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog."char" AS 'MODULE_PATHNAME', 'clk_gin_triconsistent'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clk_gin_extract_value(@extschema@.clk, pg_catalog.internal) IS
'GIN support: the Hamming-LSH keys of an encoding (sampled bits, one key per table)';
COMMENT ON FUNCTION @extschema@.clk_gin_extract_query(@extschema@.clk, pg_catalog.internal, pg_catalog.int2, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal) IS
'GIN support: the Hamming-LSH keys of the encoding searched for';
COMMENT ON FUNCTION @extschema@.clk_gin_consistent(pg_catalog.internal, pg_catalog.int2, @extschema@.clk, pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal) IS
'GIN support: a candidate shares a key with the query; % rechecks its Dice';
COMMENT ON FUNCTION @extschema@.clk_gin_triconsistent(pg_catalog.internal, pg_catalog.int2, @extschema@.clk, pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal) IS
'GIN support: ternary form of clk_gin_consistent';
CREATE FUNCTION @extschema@.clk_gin_options(pg_catalog.internal)
RETURNS pg_catalog.void AS 'MODULE_PATHNAME', 'clk_gin_options_proc'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clk_gin_options(pg_catalog.internal) IS
'GIN support: the operator class options tables (1 to 256, default 64) and bits (8 to 48, default 30)';

CREATE OPERATOR CLASS @extschema@.clk_lsh_ops
DEFAULT FOR TYPE @extschema@.clk USING gin AS
	OPERATOR 1 @extschema@.%(@extschema@.clk, @extschema@.clk),
	FUNCTION 1 pg_catalog.btint4cmp(pg_catalog.int4, pg_catalog.int4),
	FUNCTION 2 @extschema@.clk_gin_extract_value(@extschema@.clk, pg_catalog.internal),
	FUNCTION 3 @extschema@.clk_gin_extract_query(@extschema@.clk, pg_catalog.internal, pg_catalog.int2, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal),
	FUNCTION 4 @extschema@.clk_gin_consistent(pg_catalog.internal, pg_catalog.int2, @extschema@.clk, pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal),
	FUNCTION 6 @extschema@.clk_gin_triconsistent(pg_catalog.internal, pg_catalog.int2, @extschema@.clk, pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal),
	FUNCTION 7 @extschema@.clk_gin_options(pg_catalog.internal),
	STORAGE pg_catalog.int4;
COMMENT ON OPERATOR CLASS @extschema@.clk_lsh_ops USING gin IS
'default GIN operator class for clk: finds c % q by Hamming locality-sensitive hashing (approximate: recall measured in docs/linkage.md), then rechecks Dice';

COMMENT ON OPERATOR FAMILY @extschema@.clk_lsh_ops USING gin IS 'GIN operators for clk (Hamming LSH)';

ALTER EXTENSION migrec ADD TYPE @extschema@.clk[]; -- @pg<17
