--------------------------------------------------------------------------
-- sex: F, M, X (unspecified, ICAO Doc 9303), unknown; 1 byte
--------------------------------------------------------------------------

CREATE TYPE @extschema@.sex;

CREATE FUNCTION @extschema@.sex_in(pg_catalog.cstring)
RETURNS @extschema@.sex
AS 'MODULE_PATHNAME', 'sex_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.sex_out(@extschema@.sex)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'sex_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.sex_recv(pg_catalog.internal)
RETURNS @extschema@.sex
AS 'MODULE_PATHNAME', 'sex_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.sex_send(@extschema@.sex)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'sex_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.sex (
	INPUT = @extschema@.sex_in,
	OUTPUT = @extschema@.sex_out,
	RECEIVE = @extschema@.sex_recv,
	SEND = @extschema@.sex_send,
	INTERNALLENGTH = 1,
	PASSEDBYVALUE,
	ALIGNMENT = char,
	STORAGE = plain,
	CATEGORY = 'U'
);
ALTER EXTENSION migrec ADD TYPE @extschema@.sex[]; -- @pg<17

COMMENT ON TYPE @extschema@.sex IS
'sex as travel documents and statistics record it: F, M, X (unspecified, ICAO Doc 9303), UNK (unknown); 1 byte';
COMMENT ON FUNCTION @extschema@.sex_in(pg_catalog.cstring) IS
'sex input: F, M, X, UNK, or female, male, unspecified, < (the MRZ filler: X), unknown, U; any case';
COMMENT ON FUNCTION @extschema@.sex_out(@extschema@.sex) IS
'sex output: F, M, X or UNK';
COMMENT ON FUNCTION @extschema@.sex_recv(pg_catalog.internal) IS
'sex binary input: one byte (1 F, 2 M, 3 X, 15 unknown)';
COMMENT ON FUNCTION @extschema@.sex_send(@extschema@.sex) IS
'sex binary output: one byte (1 F, 2 M, 3 X, 15 unknown)';

-- comparison: core's "char" functions, which compare as unsigned bytes
CREATE FUNCTION @extschema@.sex_eq(@extschema@.sex, @extschema@.sex)
RETURNS pg_catalog.bool AS 'chareq' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.sex_ne(@extschema@.sex, @extschema@.sex)
RETURNS pg_catalog.bool AS 'charne' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.sex_lt(@extschema@.sex, @extschema@.sex)
RETURNS pg_catalog.bool AS 'charlt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.sex_le(@extschema@.sex, @extschema@.sex)
RETURNS pg_catalog.bool AS 'charle' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.sex_gt(@extschema@.sex, @extschema@.sex)
RETURNS pg_catalog.bool AS 'chargt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.sex_ge(@extschema@.sex, @extschema@.sex)
RETURNS pg_catalog.bool AS 'charge' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.sex_cmp(@extschema@.sex, @extschema@.sex)
RETURNS pg_catalog.int4 AS 'btcharcmp' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.sex_sortsupport(pg_catalog.internal)
RETURNS pg_catalog.void AS 'MODULE_PATHNAME', 'mr_byte_sortsupport' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.sex_hash(@extschema@.sex)
RETURNS pg_catalog.int4 AS 'hashchar' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.sex_hash_extended(@extschema@.sex, pg_catalog.int8)
RETURNS pg_catalog.int8 AS 'hashcharextended' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.sex_eq(@extschema@.sex, @extschema@.sex) IS 'implementation of = for sex';
COMMENT ON FUNCTION @extschema@.sex_ne(@extschema@.sex, @extschema@.sex) IS 'implementation of <> for sex';
COMMENT ON FUNCTION @extschema@.sex_lt(@extschema@.sex, @extschema@.sex) IS 'implementation of < for sex';
COMMENT ON FUNCTION @extschema@.sex_le(@extschema@.sex, @extschema@.sex) IS 'implementation of <= for sex';
COMMENT ON FUNCTION @extschema@.sex_gt(@extschema@.sex, @extschema@.sex) IS 'implementation of > for sex';
COMMENT ON FUNCTION @extschema@.sex_ge(@extschema@.sex, @extschema@.sex) IS 'implementation of >= for sex';
COMMENT ON FUNCTION @extschema@.sex_cmp(@extschema@.sex, @extschema@.sex) IS 'btree comparison of sex values, F, M, X, unknown';
COMMENT ON FUNCTION @extschema@.sex_sortsupport(pg_catalog.internal) IS 'btree sort support for sex';
COMMENT ON FUNCTION @extschema@.sex_hash(@extschema@.sex) IS 'hash of a sex (for hash joins and hash aggregation)';
COMMENT ON FUNCTION @extschema@.sex_hash_extended(@extschema@.sex, pg_catalog.int8) IS 'seeded 64-bit hash of a sex (for hash partitioning)';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.sex, RIGHTARG = @extschema@.sex,
	FUNCTION = @extschema@.sex_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.sex, RIGHTARG = @extschema@.sex,
	FUNCTION = @extschema@.sex_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.sex, RIGHTARG = @extschema@.sex,
	FUNCTION = @extschema@.sex_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.sex, RIGHTARG = @extschema@.sex,
	FUNCTION = @extschema@.sex_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.sex, RIGHTARG = @extschema@.sex,
	FUNCTION = @extschema@.sex_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.sex, RIGHTARG = @extschema@.sex,
	FUNCTION = @extschema@.sex_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

COMMENT ON OPERATOR @extschema@.=(@extschema@.sex, @extschema@.sex) IS 'equal';
COMMENT ON OPERATOR @extschema@.<>(@extschema@.sex, @extschema@.sex) IS 'not equal';
COMMENT ON OPERATOR @extschema@.<(@extschema@.sex, @extschema@.sex) IS 'earlier in the order F, M, X, unknown';
COMMENT ON OPERATOR @extschema@.<=(@extschema@.sex, @extschema@.sex) IS 'earlier in the order F, M, X, unknown, or equal';
COMMENT ON OPERATOR @extschema@.>(@extschema@.sex, @extschema@.sex) IS 'later in the order F, M, X, unknown';
COMMENT ON OPERATOR @extschema@.>=(@extschema@.sex, @extschema@.sex) IS 'later in the order F, M, X, unknown, or equal';

CREATE OPERATOR CLASS @extschema@.sex_ops
DEFAULT FOR TYPE @extschema@.sex USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.sex_cmp(@extschema@.sex, @extschema@.sex),
	FUNCTION 2 @extschema@.sex_sortsupport(pg_catalog.internal),
	FUNCTION 4 pg_catalog.btequalimage(pg_catalog.oid);

CREATE OPERATOR CLASS @extschema@.sex_hash_ops
DEFAULT FOR TYPE @extschema@.sex USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.sex_hash(@extschema@.sex),
	FUNCTION 2 @extschema@.sex_hash_extended(@extschema@.sex, pg_catalog.int8);

COMMENT ON OPERATOR CLASS @extschema@.sex_ops USING btree IS 'default btree operator class for sex, F, M, X, unknown';
COMMENT ON OPERATOR CLASS @extschema@.sex_hash_ops USING hash IS 'default hash operator class for sex';
COMMENT ON OPERATOR FAMILY @extschema@.sex_ops USING btree IS 'btree operators for sex';
COMMENT ON OPERATOR FAMILY @extschema@.sex_hash_ops USING hash IS 'hash operators for sex';

CREATE CAST (pg_catalog.text AS @extschema@.sex) WITH INOUT AS ASSIGNMENT;
CREATE CAST (@extschema@.sex AS pg_catalog.text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.text AS @extschema@.sex) IS 'parse F, M, X, UNK and their words';
COMMENT ON CAST (@extschema@.sex AS pg_catalog.text) IS 'F, M, X or UNK';


CREATE FUNCTION @extschema@.sex_label(@extschema@.sex, lang pg_catalog.text DEFAULT 'en')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'sex_label'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sex_label(@extschema@.sex, pg_catalog.text) IS
'a sex''s label in English (en: Female, Male, Unspecified, Unknown) or Spanish (es)';

CREATE FUNCTION @extschema@.parse_sex(pg_catalog.text)
RETURNS @extschema@.sex
AS 'MODULE_PATHNAME', 'parse_sex'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.parse_sex(pg_catalog.text) IS
'cleaning: a sex from its codes or words in English, Spanish, French or Portuguese (mujer, hombre, femme, homem ...), accents and case ignored; NULL when none fits';
