--------------------------------------------------------------------------
-- age_scheme: a publisher's age scheme, 1 byte.  A type of its own, not
-- text: postgres_fdw ships a function to the shards only when no input
-- collation comes from elsewhere than a foreign column, and a text
-- constant's would (age_band(birth, at, 'unhcr') is computed on the shards)
--------------------------------------------------------------------------

CREATE TYPE @extschema@.age_scheme;

CREATE FUNCTION @extschema@.age_scheme_in(pg_catalog.cstring)
RETURNS @extschema@.age_scheme
AS 'MODULE_PATHNAME', 'age_scheme_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.age_scheme_out(@extschema@.age_scheme)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'age_scheme_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.age_scheme_recv(pg_catalog.internal)
RETURNS @extschema@.age_scheme
AS 'MODULE_PATHNAME', 'age_scheme_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.age_scheme_send(@extschema@.age_scheme)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'age_scheme_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.age_scheme (
	INPUT = @extschema@.age_scheme_in,
	OUTPUT = @extschema@.age_scheme_out,
	RECEIVE = @extschema@.age_scheme_recv,
	SEND = @extschema@.age_scheme_send,
	INTERNALLENGTH = 1,
	PASSEDBYVALUE,
	ALIGNMENT = char,
	STORAGE = plain,
	CATEGORY = 'U'
);
ALTER EXTENSION migrec ADD TYPE @extschema@.age_scheme[]; -- @pg<17

COMMENT ON TYPE @extschema@.age_scheme IS
'a publisher''s age scheme: unhcr, eurostat, upm or child; 1 byte, not collatable, so that functions taking it are shipped to postgres_fdw shards';
COMMENT ON FUNCTION @extschema@.age_scheme_in(pg_catalog.cstring) IS
'age_scheme input: a scheme name, any case';
COMMENT ON FUNCTION @extschema@.age_scheme_out(@extschema@.age_scheme) IS
'age_scheme output: the scheme name in lower case';
COMMENT ON FUNCTION @extschema@.age_scheme_recv(pg_catalog.internal) IS
'age_scheme binary input: one byte (1 unhcr, 2 eurostat, 3 upm, 4 child)';
COMMENT ON FUNCTION @extschema@.age_scheme_send(@extschema@.age_scheme) IS
'age_scheme binary output: one byte (1 unhcr, 2 eurostat, 3 upm, 4 child)';

-- comparison: core's "char" functions, which compare as unsigned bytes
CREATE FUNCTION @extschema@.age_scheme_eq(@extschema@.age_scheme, @extschema@.age_scheme)
RETURNS pg_catalog.bool AS 'chareq' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.age_scheme_ne(@extschema@.age_scheme, @extschema@.age_scheme)
RETURNS pg_catalog.bool AS 'charne' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.age_scheme_lt(@extschema@.age_scheme, @extschema@.age_scheme)
RETURNS pg_catalog.bool AS 'charlt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.age_scheme_le(@extschema@.age_scheme, @extschema@.age_scheme)
RETURNS pg_catalog.bool AS 'charle' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.age_scheme_gt(@extschema@.age_scheme, @extschema@.age_scheme)
RETURNS pg_catalog.bool AS 'chargt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.age_scheme_ge(@extschema@.age_scheme, @extschema@.age_scheme)
RETURNS pg_catalog.bool AS 'charge' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.age_scheme_cmp(@extschema@.age_scheme, @extschema@.age_scheme)
RETURNS pg_catalog.int4 AS 'btcharcmp' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.age_scheme_sortsupport(pg_catalog.internal)
RETURNS pg_catalog.void AS 'MODULE_PATHNAME', 'mr_byte_sortsupport' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.age_scheme_hash(@extschema@.age_scheme)
RETURNS pg_catalog.int4 AS 'hashchar' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.age_scheme_hash_extended(@extschema@.age_scheme, pg_catalog.int8)
RETURNS pg_catalog.int8 AS 'hashcharextended' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.age_scheme_eq(@extschema@.age_scheme, @extschema@.age_scheme) IS 'implementation of = for age_scheme';
COMMENT ON FUNCTION @extschema@.age_scheme_ne(@extschema@.age_scheme, @extschema@.age_scheme) IS 'implementation of <> for age_scheme';
COMMENT ON FUNCTION @extschema@.age_scheme_lt(@extschema@.age_scheme, @extschema@.age_scheme) IS 'implementation of < for age_scheme';
COMMENT ON FUNCTION @extschema@.age_scheme_le(@extschema@.age_scheme, @extschema@.age_scheme) IS 'implementation of <= for age_scheme';
COMMENT ON FUNCTION @extschema@.age_scheme_gt(@extschema@.age_scheme, @extschema@.age_scheme) IS 'implementation of > for age_scheme';
COMMENT ON FUNCTION @extschema@.age_scheme_ge(@extschema@.age_scheme, @extschema@.age_scheme) IS 'implementation of >= for age_scheme';
COMMENT ON FUNCTION @extschema@.age_scheme_cmp(@extschema@.age_scheme, @extschema@.age_scheme) IS 'btree comparison of age_scheme values, in the order unhcr, eurostat, upm, child';
COMMENT ON FUNCTION @extschema@.age_scheme_sortsupport(pg_catalog.internal) IS 'btree sort support for age_scheme';
COMMENT ON FUNCTION @extschema@.age_scheme_hash(@extschema@.age_scheme) IS 'hash of a age_scheme (for hash joins and hash aggregation)';
COMMENT ON FUNCTION @extschema@.age_scheme_hash_extended(@extschema@.age_scheme, pg_catalog.int8) IS 'seeded 64-bit hash of a age_scheme (for hash partitioning)';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.age_scheme, RIGHTARG = @extschema@.age_scheme,
	FUNCTION = @extschema@.age_scheme_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.age_scheme, RIGHTARG = @extschema@.age_scheme,
	FUNCTION = @extschema@.age_scheme_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.age_scheme, RIGHTARG = @extschema@.age_scheme,
	FUNCTION = @extschema@.age_scheme_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.age_scheme, RIGHTARG = @extschema@.age_scheme,
	FUNCTION = @extschema@.age_scheme_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.age_scheme, RIGHTARG = @extschema@.age_scheme,
	FUNCTION = @extschema@.age_scheme_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.age_scheme, RIGHTARG = @extschema@.age_scheme,
	FUNCTION = @extschema@.age_scheme_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

COMMENT ON OPERATOR @extschema@.=(@extschema@.age_scheme, @extschema@.age_scheme) IS 'equal';
COMMENT ON OPERATOR @extschema@.<>(@extschema@.age_scheme, @extschema@.age_scheme) IS 'not equal';
COMMENT ON OPERATOR @extschema@.<(@extschema@.age_scheme, @extschema@.age_scheme) IS 'earlier in the order unhcr, eurostat, upm, child';
COMMENT ON OPERATOR @extschema@.<=(@extschema@.age_scheme, @extschema@.age_scheme) IS 'earlier in that order, or equal';
COMMENT ON OPERATOR @extschema@.>(@extschema@.age_scheme, @extschema@.age_scheme) IS 'later in the order unhcr, eurostat, upm, child';
COMMENT ON OPERATOR @extschema@.>=(@extschema@.age_scheme, @extschema@.age_scheme) IS 'later in that order, or equal';

CREATE OPERATOR CLASS @extschema@.age_scheme_ops
DEFAULT FOR TYPE @extschema@.age_scheme USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.age_scheme_cmp(@extschema@.age_scheme, @extschema@.age_scheme),
	FUNCTION 2 @extschema@.age_scheme_sortsupport(pg_catalog.internal),
	FUNCTION 4 pg_catalog.btequalimage(pg_catalog.oid);

CREATE OPERATOR CLASS @extschema@.age_scheme_hash_ops
DEFAULT FOR TYPE @extschema@.age_scheme USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.age_scheme_hash(@extschema@.age_scheme),
	FUNCTION 2 @extschema@.age_scheme_hash_extended(@extschema@.age_scheme, pg_catalog.int8);

COMMENT ON OPERATOR CLASS @extschema@.age_scheme_ops USING btree IS 'default btree operator class for age_scheme, in the order unhcr, eurostat, upm, child';
COMMENT ON OPERATOR CLASS @extschema@.age_scheme_hash_ops USING hash IS 'default hash operator class for age_scheme';
COMMENT ON OPERATOR FAMILY @extschema@.age_scheme_ops USING btree IS 'btree operators for age_scheme';
COMMENT ON OPERATOR FAMILY @extschema@.age_scheme_hash_ops USING hash IS 'hash operators for age_scheme';

CREATE CAST (pg_catalog.text AS @extschema@.age_scheme) WITH INOUT AS ASSIGNMENT;
CREATE CAST (@extschema@.age_scheme AS pg_catalog.text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.text AS @extschema@.age_scheme) IS 'parse a scheme name';
COMMENT ON CAST (@extschema@.age_scheme AS pg_catalog.text) IS 'the scheme name';


--------------------------------------------------------------------------
-- age_band: an age band of a publisher's scheme, 1 byte (scheme << 4 |
-- band), ordered by scheme then by age, unknown last; exact ages at a date
--------------------------------------------------------------------------

CREATE TYPE @extschema@.age_band;

CREATE FUNCTION @extschema@.age_band_in(pg_catalog.cstring)
RETURNS @extschema@.age_band
AS 'MODULE_PATHNAME', 'age_band_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.age_band_out(@extschema@.age_band)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'age_band_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.age_band_recv(pg_catalog.internal)
RETURNS @extschema@.age_band
AS 'MODULE_PATHNAME', 'age_band_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.age_band_send(@extschema@.age_band)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'age_band_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.age_band (
	INPUT = @extschema@.age_band_in,
	OUTPUT = @extschema@.age_band_out,
	RECEIVE = @extschema@.age_band_recv,
	SEND = @extschema@.age_band_send,
	INTERNALLENGTH = 1,
	PASSEDBYVALUE,
	ALIGNMENT = char,
	STORAGE = plain,
	CATEGORY = 'U'
);
ALTER EXTENSION migrec ADD TYPE @extschema@.age_band[]; -- @pg<17

COMMENT ON TYPE @extschema@.age_band IS
'an age band of a publisher''s scheme (unhcr, eurostat, upm, child), 1 byte, ordered by scheme then by age, unknown last';
COMMENT ON FUNCTION @extschema@.age_band_in(pg_catalog.cstring) IS
'age_band input: scheme:band, any case (unhcr:0-4, eurostat:Y_LT14, upm:18+, child:0-17, unhcr:unknown), or the band''s label';
COMMENT ON FUNCTION @extschema@.age_band_out(@extschema@.age_band) IS
'age_band output: scheme:band, the band as the publisher codes it';
COMMENT ON FUNCTION @extschema@.age_band_recv(pg_catalog.internal) IS
'age_band binary input: one byte, scheme << 4 | band (15: unknown age)';
COMMENT ON FUNCTION @extschema@.age_band_send(@extschema@.age_band) IS
'age_band binary output: one byte, scheme << 4 | band (15: unknown age)';

-- comparison: core's "char" functions, which compare as unsigned bytes
CREATE FUNCTION @extschema@.age_band_eq(@extschema@.age_band, @extschema@.age_band)
RETURNS pg_catalog.bool AS 'chareq' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.age_band_ne(@extschema@.age_band, @extschema@.age_band)
RETURNS pg_catalog.bool AS 'charne' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.age_band_lt(@extschema@.age_band, @extschema@.age_band)
RETURNS pg_catalog.bool AS 'charlt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.age_band_le(@extschema@.age_band, @extschema@.age_band)
RETURNS pg_catalog.bool AS 'charle' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.age_band_gt(@extschema@.age_band, @extschema@.age_band)
RETURNS pg_catalog.bool AS 'chargt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.age_band_ge(@extschema@.age_band, @extschema@.age_band)
RETURNS pg_catalog.bool AS 'charge' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.age_band_cmp(@extschema@.age_band, @extschema@.age_band)
RETURNS pg_catalog.int4 AS 'btcharcmp' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.age_band_sortsupport(pg_catalog.internal)
RETURNS pg_catalog.void AS 'MODULE_PATHNAME', 'mr_byte_sortsupport' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.age_band_hash(@extschema@.age_band)
RETURNS pg_catalog.int4 AS 'hashchar' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.age_band_hash_extended(@extschema@.age_band, pg_catalog.int8)
RETURNS pg_catalog.int8 AS 'hashcharextended' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.age_band_eq(@extschema@.age_band, @extschema@.age_band) IS 'implementation of = for age_band';
COMMENT ON FUNCTION @extschema@.age_band_ne(@extschema@.age_band, @extschema@.age_band) IS 'implementation of <> for age_band';
COMMENT ON FUNCTION @extschema@.age_band_lt(@extschema@.age_band, @extschema@.age_band) IS 'implementation of < for age_band';
COMMENT ON FUNCTION @extschema@.age_band_le(@extschema@.age_band, @extschema@.age_band) IS 'implementation of <= for age_band';
COMMENT ON FUNCTION @extschema@.age_band_gt(@extschema@.age_band, @extschema@.age_band) IS 'implementation of > for age_band';
COMMENT ON FUNCTION @extschema@.age_band_ge(@extschema@.age_band, @extschema@.age_band) IS 'implementation of >= for age_band';
COMMENT ON FUNCTION @extschema@.age_band_cmp(@extschema@.age_band, @extschema@.age_band) IS 'btree comparison of age_band values, by scheme then by age, unknown last';
COMMENT ON FUNCTION @extschema@.age_band_sortsupport(pg_catalog.internal) IS 'btree sort support for age_band';
COMMENT ON FUNCTION @extschema@.age_band_hash(@extschema@.age_band) IS 'hash of a age_band (for hash joins and hash aggregation)';
COMMENT ON FUNCTION @extschema@.age_band_hash_extended(@extschema@.age_band, pg_catalog.int8) IS 'seeded 64-bit hash of a age_band (for hash partitioning)';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.age_band, RIGHTARG = @extschema@.age_band,
	FUNCTION = @extschema@.age_band_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.age_band, RIGHTARG = @extschema@.age_band,
	FUNCTION = @extschema@.age_band_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.age_band, RIGHTARG = @extschema@.age_band,
	FUNCTION = @extschema@.age_band_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.age_band, RIGHTARG = @extschema@.age_band,
	FUNCTION = @extschema@.age_band_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.age_band, RIGHTARG = @extschema@.age_band,
	FUNCTION = @extschema@.age_band_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.age_band, RIGHTARG = @extschema@.age_band,
	FUNCTION = @extschema@.age_band_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

COMMENT ON OPERATOR @extschema@.=(@extschema@.age_band, @extschema@.age_band) IS 'equal';
COMMENT ON OPERATOR @extschema@.<>(@extschema@.age_band, @extschema@.age_band) IS 'not equal';
COMMENT ON OPERATOR @extschema@.<(@extschema@.age_band, @extschema@.age_band) IS 'younger band (or earlier scheme)';
COMMENT ON OPERATOR @extschema@.<=(@extschema@.age_band, @extschema@.age_band) IS 'younger band, or equal';
COMMENT ON OPERATOR @extschema@.>(@extschema@.age_band, @extschema@.age_band) IS 'older band (or later scheme)';
COMMENT ON OPERATOR @extschema@.>=(@extschema@.age_band, @extschema@.age_band) IS 'older band, or equal';

CREATE OPERATOR CLASS @extschema@.age_band_ops
DEFAULT FOR TYPE @extschema@.age_band USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.age_band_cmp(@extschema@.age_band, @extschema@.age_band),
	FUNCTION 2 @extschema@.age_band_sortsupport(pg_catalog.internal),
	FUNCTION 4 pg_catalog.btequalimage(pg_catalog.oid);

CREATE OPERATOR CLASS @extschema@.age_band_hash_ops
DEFAULT FOR TYPE @extschema@.age_band USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.age_band_hash(@extschema@.age_band),
	FUNCTION 2 @extschema@.age_band_hash_extended(@extschema@.age_band, pg_catalog.int8);

COMMENT ON OPERATOR CLASS @extschema@.age_band_ops USING btree IS 'default btree operator class for age_band, by scheme then by age, unknown last';
COMMENT ON OPERATOR CLASS @extschema@.age_band_hash_ops USING hash IS 'default hash operator class for age_band';
COMMENT ON OPERATOR FAMILY @extschema@.age_band_ops USING btree IS 'btree operators for age_band';
COMMENT ON OPERATOR FAMILY @extschema@.age_band_hash_ops USING hash IS 'hash operators for age_band';

CREATE CAST (pg_catalog.text AS @extschema@.age_band) WITH INOUT AS ASSIGNMENT;
CREATE CAST (@extschema@.age_band AS pg_catalog.text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.text AS @extschema@.age_band) IS 'parse scheme:band';
COMMENT ON CAST (@extschema@.age_band AS pg_catalog.text) IS 'scheme:band';


CREATE FUNCTION @extschema@.age_in_years(birth pg_catalog.date, at pg_catalog.date)
RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'age_in_years'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.age_in_years(pg_catalog.date, pg_catalog.date) IS
'the exact age in completed years at a date (born on 29 February: a year older on 1 March of a common year); an error when birth is after at';

CREATE FUNCTION @extschema@.age_band(age pg_catalog.int4, scheme @extschema@.age_scheme)
RETURNS @extschema@.age_band
AS 'MODULE_PATHNAME', 'age_band_from_age'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.age_band(pg_catalog.int4, @extschema@.age_scheme) IS
'the band of an age (0 to 150 years) in a scheme (unhcr, eurostat, upm, child); a NULL age gives the unknown band, a NULL scheme NULL';

CREATE FUNCTION @extschema@.age_band(birth pg_catalog.date, at pg_catalog.date, scheme @extschema@.age_scheme)
RETURNS @extschema@.age_band
AS 'MODULE_PATHNAME', 'age_band_from_birth'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.age_band(pg_catalog.date, pg_catalog.date, @extschema@.age_scheme) IS
'the band of the exact age at a date in a scheme; a NULL birth or reference date gives the unknown band, a NULL scheme NULL';

CREATE FUNCTION @extschema@.age_band_scheme(@extschema@.age_band)
RETURNS @extschema@.age_scheme
AS 'MODULE_PATHNAME', 'age_band_scheme'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.age_band_scheme(@extschema@.age_band) IS
'the scheme of a band: unhcr, eurostat, upm or child';

CREATE FUNCTION @extschema@.age_band_label(@extschema@.age_band)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'age_band_label'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.age_band_label(@extschema@.age_band) IS
'a band as its publisher labels it in tables (60 or more, Less than 14 years, 0 a 11 años)';

CREATE FUNCTION @extschema@.min_age(@extschema@.age_band)
RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'age_band_min_age'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.min_age(@extschema@.age_band) IS
'the youngest age of a band, in completed years; NULL for the unknown band';

CREATE FUNCTION @extschema@.max_age(@extschema@.age_band)
RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'age_band_max_age'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.max_age(@extschema@.age_band) IS
'the oldest age of a band, inclusive; NULL for an open-ended or the unknown band';

CREATE FUNCTION @extschema@.is_child(@extschema@.age_band)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'age_band_is_child'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_child(@extschema@.age_band) IS
'whether a band is under 18 (every scheme splits at 18); NULL for the unknown band';

CREATE FUNCTION @extschema@.age_bands(
	scheme @extschema@.age_scheme DEFAULT NULL,
	OUT band @extschema@.age_band,
	OUT scheme_name @extschema@.age_scheme,
	OUT code pg_catalog.text,
	OUT label pg_catalog.text,
	OUT min_age pg_catalog.int4,
	OUT max_age pg_catalog.int4)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'age_bands'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.age_bands(@extschema@.age_scheme) IS
'the bands of a scheme (all schemes when NULL), youngest first, unknown last';
