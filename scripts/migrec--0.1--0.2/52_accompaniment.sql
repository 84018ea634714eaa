--------------------------------------------------------------------------
-- accompaniment: who a person travels with when encountered, 1 byte; each
-- publisher's category is a function of it and of the age band
--------------------------------------------------------------------------

CREATE TYPE @extschema@.accompaniment;

CREATE FUNCTION @extschema@.accompaniment_in(pg_catalog.cstring)
RETURNS @extschema@.accompaniment
AS 'MODULE_PATHNAME', 'accompaniment_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.accompaniment_out(@extschema@.accompaniment)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'accompaniment_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.accompaniment_recv(pg_catalog.internal)
RETURNS @extschema@.accompaniment
AS 'MODULE_PATHNAME', 'accompaniment_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.accompaniment_send(@extschema@.accompaniment)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'accompaniment_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.accompaniment (
	INPUT = @extschema@.accompaniment_in,
	OUTPUT = @extschema@.accompaniment_out,
	RECEIVE = @extschema@.accompaniment_recv,
	SEND = @extschema@.accompaniment_send,
	INTERNALLENGTH = 1,
	PASSEDBYVALUE,
	ALIGNMENT = char,
	STORAGE = plain,
	CATEGORY = 'U'
);
ALTER EXTENSION migrec ADD TYPE @extschema@.accompaniment[]; -- @pg<17

COMMENT ON TYPE @extschema@.accompaniment IS
'who a person travels with when encountered: alone, with_parent, with_relative, with_caregiver, with_child, unknown; 1 byte';
COMMENT ON FUNCTION @extschema@.accompaniment_in(pg_catalog.cstring) IS
'accompaniment input: alone, with_parent, with_relative, with_caregiver, with_child or unknown, any case';
COMMENT ON FUNCTION @extschema@.accompaniment_out(@extschema@.accompaniment) IS
'accompaniment output: the name in lower case';
COMMENT ON FUNCTION @extschema@.accompaniment_recv(pg_catalog.internal) IS
'accompaniment binary input: one byte (1 to 5, 15 unknown)';
COMMENT ON FUNCTION @extschema@.accompaniment_send(@extschema@.accompaniment) IS
'accompaniment binary output: one byte (1 to 5, 15 unknown)';

-- comparison: core's "char" functions, which compare as unsigned bytes
CREATE FUNCTION @extschema@.accompaniment_eq(@extschema@.accompaniment, @extschema@.accompaniment)
RETURNS pg_catalog.bool AS 'chareq' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.accompaniment_ne(@extschema@.accompaniment, @extschema@.accompaniment)
RETURNS pg_catalog.bool AS 'charne' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.accompaniment_lt(@extschema@.accompaniment, @extschema@.accompaniment)
RETURNS pg_catalog.bool AS 'charlt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.accompaniment_le(@extschema@.accompaniment, @extschema@.accompaniment)
RETURNS pg_catalog.bool AS 'charle' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.accompaniment_gt(@extschema@.accompaniment, @extschema@.accompaniment)
RETURNS pg_catalog.bool AS 'chargt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.accompaniment_ge(@extschema@.accompaniment, @extschema@.accompaniment)
RETURNS pg_catalog.bool AS 'charge' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.accompaniment_cmp(@extschema@.accompaniment, @extschema@.accompaniment)
RETURNS pg_catalog.int4 AS 'btcharcmp' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.accompaniment_sortsupport(pg_catalog.internal)
RETURNS pg_catalog.void AS 'MODULE_PATHNAME', 'mr_byte_sortsupport' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.accompaniment_hash(@extschema@.accompaniment)
RETURNS pg_catalog.int4 AS 'hashchar' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.accompaniment_hash_extended(@extschema@.accompaniment, pg_catalog.int8)
RETURNS pg_catalog.int8 AS 'hashcharextended' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.accompaniment_eq(@extschema@.accompaniment, @extschema@.accompaniment) IS 'implementation of = for accompaniment';
COMMENT ON FUNCTION @extschema@.accompaniment_ne(@extschema@.accompaniment, @extschema@.accompaniment) IS 'implementation of <> for accompaniment';
COMMENT ON FUNCTION @extschema@.accompaniment_lt(@extschema@.accompaniment, @extschema@.accompaniment) IS 'implementation of < for accompaniment';
COMMENT ON FUNCTION @extschema@.accompaniment_le(@extschema@.accompaniment, @extschema@.accompaniment) IS 'implementation of <= for accompaniment';
COMMENT ON FUNCTION @extschema@.accompaniment_gt(@extschema@.accompaniment, @extschema@.accompaniment) IS 'implementation of > for accompaniment';
COMMENT ON FUNCTION @extschema@.accompaniment_ge(@extschema@.accompaniment, @extschema@.accompaniment) IS 'implementation of >= for accompaniment';
COMMENT ON FUNCTION @extschema@.accompaniment_cmp(@extschema@.accompaniment, @extschema@.accompaniment) IS 'btree comparison of accompaniment values, in the order alone, with_parent, with_relative, with_caregiver, with_child, unknown';
COMMENT ON FUNCTION @extschema@.accompaniment_sortsupport(pg_catalog.internal) IS 'btree sort support for accompaniment';
COMMENT ON FUNCTION @extschema@.accompaniment_hash(@extschema@.accompaniment) IS 'hash of a accompaniment (for hash joins and hash aggregation)';
COMMENT ON FUNCTION @extschema@.accompaniment_hash_extended(@extschema@.accompaniment, pg_catalog.int8) IS 'seeded 64-bit hash of a accompaniment (for hash partitioning)';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.accompaniment, RIGHTARG = @extschema@.accompaniment,
	FUNCTION = @extschema@.accompaniment_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.accompaniment, RIGHTARG = @extschema@.accompaniment,
	FUNCTION = @extschema@.accompaniment_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.accompaniment, RIGHTARG = @extschema@.accompaniment,
	FUNCTION = @extschema@.accompaniment_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.accompaniment, RIGHTARG = @extschema@.accompaniment,
	FUNCTION = @extschema@.accompaniment_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.accompaniment, RIGHTARG = @extschema@.accompaniment,
	FUNCTION = @extschema@.accompaniment_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.accompaniment, RIGHTARG = @extschema@.accompaniment,
	FUNCTION = @extschema@.accompaniment_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

COMMENT ON OPERATOR @extschema@.=(@extschema@.accompaniment, @extschema@.accompaniment) IS 'equal';
COMMENT ON OPERATOR @extschema@.<>(@extschema@.accompaniment, @extschema@.accompaniment) IS 'not equal';
COMMENT ON OPERATOR @extschema@.<(@extschema@.accompaniment, @extschema@.accompaniment) IS 'earlier in the vocabulary order';
COMMENT ON OPERATOR @extschema@.<=(@extschema@.accompaniment, @extschema@.accompaniment) IS 'earlier in the vocabulary order, or equal';
COMMENT ON OPERATOR @extschema@.>(@extschema@.accompaniment, @extschema@.accompaniment) IS 'later in the vocabulary order';
COMMENT ON OPERATOR @extschema@.>=(@extschema@.accompaniment, @extschema@.accompaniment) IS 'later in the vocabulary order, or equal';

CREATE OPERATOR CLASS @extschema@.accompaniment_ops
DEFAULT FOR TYPE @extschema@.accompaniment USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.accompaniment_cmp(@extschema@.accompaniment, @extschema@.accompaniment),
	FUNCTION 2 @extschema@.accompaniment_sortsupport(pg_catalog.internal),
	FUNCTION 4 pg_catalog.btequalimage(pg_catalog.oid);

CREATE OPERATOR CLASS @extschema@.accompaniment_hash_ops
DEFAULT FOR TYPE @extschema@.accompaniment USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.accompaniment_hash(@extschema@.accompaniment),
	FUNCTION 2 @extschema@.accompaniment_hash_extended(@extschema@.accompaniment, pg_catalog.int8);

COMMENT ON OPERATOR CLASS @extschema@.accompaniment_ops USING btree IS 'default btree operator class for accompaniment, in the order alone, with_parent, with_relative, with_caregiver, with_child, unknown';
COMMENT ON OPERATOR CLASS @extschema@.accompaniment_hash_ops USING hash IS 'default hash operator class for accompaniment';
COMMENT ON OPERATOR FAMILY @extschema@.accompaniment_ops USING btree IS 'btree operators for accompaniment';
COMMENT ON OPERATOR FAMILY @extschema@.accompaniment_hash_ops USING hash IS 'hash operators for accompaniment';

CREATE CAST (pg_catalog.text AS @extschema@.accompaniment) WITH INOUT AS ASSIGNMENT;
CREATE CAST (@extschema@.accompaniment AS pg_catalog.text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.text AS @extschema@.accompaniment) IS 'parse an accompaniment name';
COMMENT ON CAST (@extschema@.accompaniment AS pg_catalog.text) IS 'the accompaniment name';


CREATE FUNCTION @extschema@.accompaniment_label(@extschema@.accompaniment, lang pg_catalog.text DEFAULT 'en')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'accompaniment_label'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.accompaniment_label(@extschema@.accompaniment, pg_catalog.text) IS
'an accompaniment''s label in English (en) or Spanish (es)';

CREATE FUNCTION @extschema@.child_category(@extschema@.accompaniment, @extschema@.age_band)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'accompaniment_child_category'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.child_category(@extschema@.accompaniment, @extschema@.age_band) IS
'UNHCR/UNICEF category of a child: accompanied, separated, unaccompanied or unknown; NULL for an adult or an unknown age (a NULL accompaniment counts as unknown)';

CREATE FUNCTION @extschema@.cbp_group(@extschema@.accompaniment, @extschema@.age_band)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'accompaniment_cbp_group'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cbp_group(@extschema@.accompaniment, @extschema@.age_band) IS
'CBP demographic group: Single Adults, FMUA (individuals in a family unit), UC / Single Minors, or not classified when the age or accompaniment needed is unknown (NULL counts as unknown)';

CREATE FUNCTION @extschema@.upm_condition(@extschema@.accompaniment, @extschema@.age_band)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'accompaniment_upm_condition'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.upm_condition(@extschema@.accompaniment, @extschema@.age_band) IS
'UPM travel condition of a child: acompañado, no acompañado or sin dato; NULL for an adult or an unknown age';
