--------------------------------------------------------------------------
-- encounter: an encounter with a migration authority under its legal
-- authority (US Title 8 / Title 42, Mexico's presentados and canalizados),
-- 1 byte; the dates each kind is lawful on; the US fiscal year
--------------------------------------------------------------------------

CREATE TYPE @extschema@.encounter;

CREATE FUNCTION @extschema@.encounter_in(pg_catalog.cstring)
RETURNS @extschema@.encounter
AS 'MODULE_PATHNAME', 'encounter_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.encounter_out(@extschema@.encounter)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'encounter_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.encounter_recv(pg_catalog.internal)
RETURNS @extschema@.encounter
AS 'MODULE_PATHNAME', 'encounter_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.encounter_send(@extschema@.encounter)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'encounter_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.encounter (
	INPUT = @extschema@.encounter_in,
	OUTPUT = @extschema@.encounter_out,
	RECEIVE = @extschema@.encounter_recv,
	SEND = @extschema@.encounter_send,
	INTERNALLENGTH = 1,
	PASSEDBYVALUE,
	ALIGNMENT = char,
	STORAGE = plain,
	CATEGORY = 'U'
);
ALTER EXTENSION migrec ADD TYPE @extschema@.encounter[]; -- @pg<17

COMMENT ON TYPE @extschema@.encounter IS
'an encounter with a migration authority under its legal authority: us_t8_apprehension, us_t8_inadmissible, us_t42_expulsion_usbp, us_t42_expulsion_ofo, mx_presentado, mx_canalizado; 1 byte';
COMMENT ON FUNCTION @extschema@.encounter_in(pg_catalog.cstring) IS
'encounter input: a kind name, any case';
COMMENT ON FUNCTION @extschema@.encounter_out(@extschema@.encounter) IS
'encounter output: the kind name in lower case';
COMMENT ON FUNCTION @extschema@.encounter_recv(pg_catalog.internal) IS
'encounter binary input: one byte, country << 4 | kind';
COMMENT ON FUNCTION @extschema@.encounter_send(@extschema@.encounter) IS
'encounter binary output: one byte, country << 4 | kind';

-- comparison: core's "char" functions, which compare as unsigned bytes
CREATE FUNCTION @extschema@.encounter_eq(@extschema@.encounter, @extschema@.encounter)
RETURNS pg_catalog.bool AS 'chareq' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.encounter_ne(@extschema@.encounter, @extschema@.encounter)
RETURNS pg_catalog.bool AS 'charne' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.encounter_lt(@extschema@.encounter, @extschema@.encounter)
RETURNS pg_catalog.bool AS 'charlt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.encounter_le(@extschema@.encounter, @extschema@.encounter)
RETURNS pg_catalog.bool AS 'charle' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.encounter_gt(@extschema@.encounter, @extschema@.encounter)
RETURNS pg_catalog.bool AS 'chargt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.encounter_ge(@extschema@.encounter, @extschema@.encounter)
RETURNS pg_catalog.bool AS 'charge' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.encounter_cmp(@extschema@.encounter, @extschema@.encounter)
RETURNS pg_catalog.int4 AS 'btcharcmp' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.encounter_sortsupport(pg_catalog.internal)
RETURNS pg_catalog.void AS 'MODULE_PATHNAME', 'mr_byte_sortsupport' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.encounter_hash(@extschema@.encounter)
RETURNS pg_catalog.int4 AS 'hashchar' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.encounter_hash_extended(@extschema@.encounter, pg_catalog.int8)
RETURNS pg_catalog.int8 AS 'hashcharextended' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.encounter_eq(@extschema@.encounter, @extschema@.encounter) IS 'implementation of = for encounter';
COMMENT ON FUNCTION @extschema@.encounter_ne(@extschema@.encounter, @extschema@.encounter) IS 'implementation of <> for encounter';
COMMENT ON FUNCTION @extschema@.encounter_lt(@extschema@.encounter, @extschema@.encounter) IS 'implementation of < for encounter';
COMMENT ON FUNCTION @extschema@.encounter_le(@extschema@.encounter, @extschema@.encounter) IS 'implementation of <= for encounter';
COMMENT ON FUNCTION @extschema@.encounter_gt(@extschema@.encounter, @extschema@.encounter) IS 'implementation of > for encounter';
COMMENT ON FUNCTION @extschema@.encounter_ge(@extschema@.encounter, @extschema@.encounter) IS 'implementation of >= for encounter';
COMMENT ON FUNCTION @extschema@.encounter_cmp(@extschema@.encounter, @extschema@.encounter) IS 'btree comparison of encounter values, by country then kind';
COMMENT ON FUNCTION @extschema@.encounter_sortsupport(pg_catalog.internal) IS 'btree sort support for encounter';
COMMENT ON FUNCTION @extschema@.encounter_hash(@extschema@.encounter) IS 'hash of a encounter (for hash joins and hash aggregation)';
COMMENT ON FUNCTION @extschema@.encounter_hash_extended(@extschema@.encounter, pg_catalog.int8) IS 'seeded 64-bit hash of a encounter (for hash partitioning)';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.encounter, RIGHTARG = @extschema@.encounter,
	FUNCTION = @extschema@.encounter_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.encounter, RIGHTARG = @extschema@.encounter,
	FUNCTION = @extschema@.encounter_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.encounter, RIGHTARG = @extschema@.encounter,
	FUNCTION = @extschema@.encounter_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.encounter, RIGHTARG = @extschema@.encounter,
	FUNCTION = @extschema@.encounter_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.encounter, RIGHTARG = @extschema@.encounter,
	FUNCTION = @extschema@.encounter_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.encounter, RIGHTARG = @extschema@.encounter,
	FUNCTION = @extschema@.encounter_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

COMMENT ON OPERATOR @extschema@.=(@extschema@.encounter, @extschema@.encounter) IS 'equal';
COMMENT ON OPERATOR @extschema@.<>(@extschema@.encounter, @extschema@.encounter) IS 'not equal';
COMMENT ON OPERATOR @extschema@.<(@extschema@.encounter, @extschema@.encounter) IS 'earlier in the vocabulary order (by country, then kind)';
COMMENT ON OPERATOR @extschema@.<=(@extschema@.encounter, @extschema@.encounter) IS 'earlier in the vocabulary order, or equal';
COMMENT ON OPERATOR @extschema@.>(@extschema@.encounter, @extschema@.encounter) IS 'later in the vocabulary order';
COMMENT ON OPERATOR @extschema@.>=(@extschema@.encounter, @extschema@.encounter) IS 'later in the vocabulary order, or equal';

CREATE OPERATOR CLASS @extschema@.encounter_ops
DEFAULT FOR TYPE @extschema@.encounter USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.encounter_cmp(@extschema@.encounter, @extschema@.encounter),
	FUNCTION 2 @extschema@.encounter_sortsupport(pg_catalog.internal),
	FUNCTION 4 pg_catalog.btequalimage(pg_catalog.oid);

CREATE OPERATOR CLASS @extschema@.encounter_hash_ops
DEFAULT FOR TYPE @extschema@.encounter USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.encounter_hash(@extschema@.encounter),
	FUNCTION 2 @extschema@.encounter_hash_extended(@extschema@.encounter, pg_catalog.int8);

COMMENT ON OPERATOR CLASS @extschema@.encounter_ops USING btree IS 'default btree operator class for encounter, by country then kind';
COMMENT ON OPERATOR CLASS @extschema@.encounter_hash_ops USING hash IS 'default hash operator class for encounter';
COMMENT ON OPERATOR FAMILY @extschema@.encounter_ops USING btree IS 'btree operators for encounter';
COMMENT ON OPERATOR FAMILY @extschema@.encounter_hash_ops USING hash IS 'hash operators for encounter';

CREATE CAST (pg_catalog.text AS @extschema@.encounter) WITH INOUT AS ASSIGNMENT;
CREATE CAST (@extschema@.encounter AS pg_catalog.text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.text AS @extschema@.encounter) IS 'parse an encounter kind name';
COMMENT ON CAST (@extschema@.encounter AS pg_catalog.text) IS 'the encounter kind name';


CREATE FUNCTION @extschema@.encounter_authority(@extschema@.encounter)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'encounter_authority'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.encounter_authority(@extschema@.encounter) IS
'the legal authority of an encounter: Title 8, Title 42 (as CBP''s Title of Authority) or Ley de Migración';

CREATE FUNCTION @extschema@.encounter_component(@extschema@.encounter)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'encounter_component'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.encounter_component(@extschema@.encounter) IS
'the agency of an encounter: U.S. Border Patrol, Office of Field Operations (as CBP''s Component) or Instituto Nacional de Migración';

CREATE FUNCTION @extschema@.encounter_type(@extschema@.encounter)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'encounter_type'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.encounter_type(@extschema@.encounter) IS
'the series an encounter counts in: Apprehensions, Inadmissibles, Expulsions (CBP''s Encounter Type), Presentados, Canalizados (UPM)';

CREATE FUNCTION @extschema@.encounter_label(@extschema@.encounter, lang pg_catalog.text DEFAULT 'en')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'encounter_label'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.encounter_label(@extschema@.encounter, pg_catalog.text) IS
'an encounter kind''s label in English (en) or Spanish (es)';

CREATE FUNCTION @extschema@.encounter_valid_on(@extschema@.encounter, pg_catalog.date)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'encounter_valid_on'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.encounter_valid_on(@extschema@.encounter, pg_catalog.date) IS
'whether an encounter of this kind is lawful on a date (Title 42 expulsions: 2020-03-20 to 2023-05-11)';

CREATE FUNCTION @extschema@.encounter_check(@extschema@.encounter, pg_catalog.date)
RETURNS @extschema@.encounter
AS 'MODULE_PATHNAME', 'encounter_check'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.encounter_check(@extschema@.encounter, pg_catalog.date) IS
'the encounter if its kind is lawful on the date, otherwise an error (22023): for CHECK constraints and loading';

CREATE FUNCTION @extschema@.us_fiscal_year(pg_catalog.date)
RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'us_fiscal_year'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.us_fiscal_year(pg_catalog.date) IS
'the US federal fiscal year of a date: FY N runs from 1 October N-1 to 30 September N; dates before 1976-10-01 (fiscal years from 1 July) are refused';

CREATE FUNCTION @extschema@.us_fiscal_year_dates(fiscal_year pg_catalog.int4)
RETURNS pg_catalog.daterange
AS 'MODULE_PATHNAME', 'us_fiscal_year_dates'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.us_fiscal_year_dates(pg_catalog.int4) IS
'the dates of US fiscal year N, [1 October N-1, 1 October N), from FY 1977';

CREATE FUNCTION @extschema@.encounter_kinds(
	OUT kind @extschema@.encounter,
	OUT country pg_catalog.text,
	OUT authority pg_catalog.text,
	OUT component pg_catalog.text,
	OUT encounter_type pg_catalog.text,
	OUT label pg_catalog.text,
	OUT label_es pg_catalog.text,
	OUT valid_from pg_catalog.date,
	OUT valid_until pg_catalog.date)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'encounter_kinds'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 6;
COMMENT ON FUNCTION @extschema@.encounter_kinds() IS
'the encounter vocabulary, one row per kind, with its authority, agency, series, labels and lawful dates';
