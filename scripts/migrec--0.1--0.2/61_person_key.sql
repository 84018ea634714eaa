--------------------------------------------------------------------------
-- person_key: an exact linkage key, HMAC-SHA-256 under a shared secret
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.hmac_sha256(key pg_catalog.bytea, message pg_catalog.bytea)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'mr_sql_hmac_sha256'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.hmac_sha256(pg_catalog.bytea, pg_catalog.bytea) IS
'HMAC-SHA-256 (RFC 2104) of a message under a key, on PostgreSQL''s own SHA-256: what person_key truncates';

CREATE TYPE @extschema@.person_key;

CREATE FUNCTION @extschema@.person_key_in(pg_catalog.cstring)
RETURNS @extschema@.person_key
AS 'MODULE_PATHNAME', 'person_key_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.person_key_out(@extschema@.person_key)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'person_key_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.person_key_recv(pg_catalog.internal)
RETURNS @extschema@.person_key
AS 'MODULE_PATHNAME', 'person_key_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.person_key_send(@extschema@.person_key)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'person_key_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- int8's layout: passed by value where int8 is (LIKE), 8 bytes, aligned as double
CREATE TYPE @extschema@.person_key (
	INPUT = @extschema@.person_key_in,
	OUTPUT = @extschema@.person_key_out,
	RECEIVE = @extschema@.person_key_recv,
	SEND = @extschema@.person_key_send,
	LIKE = pg_catalog.int8,
	INTERNALLENGTH = 8,
	ALIGNMENT = double,
	STORAGE = plain,
	CATEGORY = 'U'
);

COMMENT ON TYPE @extschema@.person_key IS
'an exact linkage key: the first 64 bits of HMAC-SHA-256, under a secret two agencies share, of normalised family and given names, birth date, sex and nationality; shown as 16 hexadecimal digits';
COMMENT ON FUNCTION @extschema@.person_key_in(pg_catalog.cstring) IS
'person_key input: 16 hexadecimal digits';
COMMENT ON FUNCTION @extschema@.person_key_out(@extschema@.person_key) IS
'person_key output: 16 lower-case hexadecimal digits';
COMMENT ON FUNCTION @extschema@.person_key_recv(pg_catalog.internal) IS
'person_key binary input: 8 bytes, big-endian';
COMMENT ON FUNCTION @extschema@.person_key_send(@extschema@.person_key) IS
'person_key binary output: 8 bytes, big-endian';

CREATE FUNCTION @extschema@.person_key(secret pg_catalog.bytea, family_names pg_catalog.text,
	given_names pg_catalog.text, birth pg_catalog.date, sex pg_catalog.text,
	nationality @extschema@.nationality)
RETURNS @extschema@.person_key
AS 'MODULE_PATHNAME', 'person_key'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.person_key(pg_catalog.bytea, pg_catalog.text, pg_catalog.text, pg_catalog.date, pg_catalog.text, @extschema@.nationality) IS
'the exact linkage key of a person under a secret of at least 16 bytes: equal for records whose linkage_name forms, birth date, sex and nationality agree; NULL when the family names have no letter';

-- comparison: core's int8 functions on the 64 bits (the order means nothing
-- but is total, for indexes, sorting and merge joins)
CREATE FUNCTION @extschema@.person_key_eq(@extschema@.person_key, @extschema@.person_key)
RETURNS pg_catalog.bool AS 'int8eq' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.person_key_ne(@extschema@.person_key, @extschema@.person_key)
RETURNS pg_catalog.bool AS 'int8ne' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.person_key_lt(@extschema@.person_key, @extschema@.person_key)
RETURNS pg_catalog.bool AS 'int8lt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.person_key_le(@extschema@.person_key, @extschema@.person_key)
RETURNS pg_catalog.bool AS 'int8le' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.person_key_gt(@extschema@.person_key, @extschema@.person_key)
RETURNS pg_catalog.bool AS 'int8gt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.person_key_ge(@extschema@.person_key, @extschema@.person_key)
RETURNS pg_catalog.bool AS 'int8ge' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.person_key_cmp(@extschema@.person_key, @extschema@.person_key)
RETURNS pg_catalog.int4 AS 'btint8cmp' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.person_key_sortsupport(pg_catalog.internal)
RETURNS pg_catalog.void AS 'btint8sortsupport' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.person_key_hash(@extschema@.person_key)
RETURNS pg_catalog.int4 AS 'hashint8' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.person_key_hash_extended(@extschema@.person_key, pg_catalog.int8)
RETURNS pg_catalog.int8 AS 'hashint8extended' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.person_key_eq(@extschema@.person_key, @extschema@.person_key) IS 'implementation of = for person_key';
COMMENT ON FUNCTION @extschema@.person_key_ne(@extschema@.person_key, @extschema@.person_key) IS 'implementation of <> for person_key';
COMMENT ON FUNCTION @extschema@.person_key_lt(@extschema@.person_key, @extschema@.person_key) IS 'implementation of < for person_key';
COMMENT ON FUNCTION @extschema@.person_key_le(@extschema@.person_key, @extschema@.person_key) IS 'implementation of <= for person_key';
COMMENT ON FUNCTION @extschema@.person_key_gt(@extschema@.person_key, @extschema@.person_key) IS 'implementation of > for person_key';
COMMENT ON FUNCTION @extschema@.person_key_ge(@extschema@.person_key, @extschema@.person_key) IS 'implementation of >= for person_key';
COMMENT ON FUNCTION @extschema@.person_key_cmp(@extschema@.person_key, @extschema@.person_key) IS 'btree comparison of person keys (as signed 64-bit integers; the order carries no meaning)';
COMMENT ON FUNCTION @extschema@.person_key_sortsupport(pg_catalog.internal) IS 'btree sort support for person_key';
COMMENT ON FUNCTION @extschema@.person_key_hash(@extschema@.person_key) IS 'hash of a person_key (for hash joins and hash aggregation)';
COMMENT ON FUNCTION @extschema@.person_key_hash_extended(@extschema@.person_key, pg_catalog.int8) IS 'seeded 64-bit hash of a person_key (for hash partitioning)';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.person_key, RIGHTARG = @extschema@.person_key,
	FUNCTION = @extschema@.person_key_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.person_key, RIGHTARG = @extschema@.person_key,
	FUNCTION = @extschema@.person_key_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.person_key, RIGHTARG = @extschema@.person_key,
	FUNCTION = @extschema@.person_key_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.person_key, RIGHTARG = @extschema@.person_key,
	FUNCTION = @extschema@.person_key_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.person_key, RIGHTARG = @extschema@.person_key,
	FUNCTION = @extschema@.person_key_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.person_key, RIGHTARG = @extschema@.person_key,
	FUNCTION = @extschema@.person_key_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

COMMENT ON OPERATOR @extschema@.=(@extschema@.person_key, @extschema@.person_key) IS 'equal: the same person, as far as the exact key tells';
COMMENT ON OPERATOR @extschema@.<>(@extschema@.person_key, @extschema@.person_key) IS 'not equal';
COMMENT ON OPERATOR @extschema@.<(@extschema@.person_key, @extschema@.person_key) IS 'less than (an arbitrary total order, for indexes)';
COMMENT ON OPERATOR @extschema@.<=(@extschema@.person_key, @extschema@.person_key) IS 'less than or equal (an arbitrary total order, for indexes)';
COMMENT ON OPERATOR @extschema@.>(@extschema@.person_key, @extschema@.person_key) IS 'greater than (an arbitrary total order, for indexes)';
COMMENT ON OPERATOR @extschema@.>=(@extschema@.person_key, @extschema@.person_key) IS 'greater than or equal (an arbitrary total order, for indexes)';

CREATE OPERATOR CLASS @extschema@.person_key_ops
DEFAULT FOR TYPE @extschema@.person_key USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.person_key_cmp(@extschema@.person_key, @extschema@.person_key),
	FUNCTION 2 @extschema@.person_key_sortsupport(pg_catalog.internal),
	FUNCTION 4 pg_catalog.btequalimage(pg_catalog.oid);

CREATE OPERATOR CLASS @extschema@.person_key_hash_ops
DEFAULT FOR TYPE @extschema@.person_key USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.person_key_hash(@extschema@.person_key),
	FUNCTION 2 @extschema@.person_key_hash_extended(@extschema@.person_key, pg_catalog.int8);

COMMENT ON OPERATOR CLASS @extschema@.person_key_ops USING btree IS 'default btree operator class for person_key, with sort support and deduplication';
COMMENT ON OPERATOR CLASS @extschema@.person_key_hash_ops USING hash IS 'default hash operator class for person_key (hash joins, hash aggregation, hash partitioning)';
COMMENT ON OPERATOR FAMILY @extschema@.person_key_ops USING btree IS 'btree operators for person_key';
COMMENT ON OPERATOR FAMILY @extschema@.person_key_hash_ops USING hash IS 'hash operators for person_key';

ALTER EXTENSION migrec ADD TYPE @extschema@.person_key[]; -- @pg<17
