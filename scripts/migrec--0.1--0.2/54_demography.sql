--------------------------------------------------------------------------
-- demography: people counted by sex, age band and accompaniment, the
-- mergeable state of the demography aggregates (a type with a merge
-- aggregate), and each publisher's table drawn from it
--------------------------------------------------------------------------

CREATE TYPE @extschema@.demography;

CREATE FUNCTION @extschema@.demography_in(pg_catalog.cstring)
RETURNS @extschema@.demography
AS 'MODULE_PATHNAME', 'demography_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.demography_out(@extschema@.demography)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'demography_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.demography_recv(pg_catalog.internal)
RETURNS @extschema@.demography
AS 'MODULE_PATHNAME', 'demography_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.demography_send(@extschema@.demography)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'demography_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.demography (
	INPUT = @extschema@.demography_in,
	OUTPUT = @extschema@.demography_out,
	RECEIVE = @extschema@.demography_recv,
	SEND = @extschema@.demography_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
ALTER EXTENSION migrec ADD TYPE @extschema@.demography[]; -- @pg<17

COMMENT ON TYPE @extschema@.demography IS
'people counted by sex, age band (of one scheme) and accompaniment: the mergeable state of the demography aggregates, from which each publisher''s table is drawn';
COMMENT ON FUNCTION @extschema@.demography_in(pg_catalog.cstring) IS
'demography input: [scheme] {sex/band/accompaniment: count, ...}, the cells in the order the value prints';
COMMENT ON FUNCTION @extschema@.demography_out(@extschema@.demography) IS
'demography output: [scheme] {sex/band/accompaniment: count, ...}, the non-zero cells';
COMMENT ON FUNCTION @extschema@.demography_recv(pg_catalog.internal) IS
'demography binary input: version, scheme and dimensions (one byte each), then every count as a big-endian int8, non-negative';
COMMENT ON FUNCTION @extschema@.demography_send(@extschema@.demography) IS
'demography binary output: version, scheme and dimensions (one byte each), then every count as a big-endian int8';

-- the aggregates' state: internal, with the aggregate-state kit (a
-- demography and its total), serialized as the demography for parallel
-- query; the row transitions are not strict: a NULL sex, band or
-- accompaniment counts as unknown
CREATE FUNCTION @extschema@.demography_transfn(pg_catalog.internal, @extschema@.sex, @extschema@.age_band)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'demography_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.demography_transfn(pg_catalog.internal, @extschema@.sex, @extschema@.age_band) IS
'transition function of demography(sex, age_band)';
CREATE FUNCTION @extschema@.demography_transfn(pg_catalog.internal, @extschema@.sex, @extschema@.age_band, @extschema@.accompaniment)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'demography_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.demography_transfn(pg_catalog.internal, @extschema@.sex, @extschema@.age_band, @extschema@.accompaniment) IS
'transition function of demography(sex, age_band, accompaniment)';
CREATE FUNCTION @extschema@.demography_transfn(pg_catalog.internal, @extschema@.sex, @extschema@.age_band, @extschema@.accompaniment, pg_catalog.int8)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'demography_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.demography_transfn(pg_catalog.internal, @extschema@.sex, @extschema@.age_band, @extschema@.accompaniment, pg_catalog.int8) IS
'transition function of demography(sex, age_band, accompaniment, count)';
CREATE FUNCTION @extschema@.demography_inv_transfn(pg_catalog.internal, @extschema@.sex, @extschema@.age_band)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'demography_inv_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.demography_inv_transfn(pg_catalog.internal, @extschema@.sex, @extschema@.age_band) IS
'inverse transition function of demography(sex, age_band), for moving window frames';
CREATE FUNCTION @extschema@.demography_inv_transfn(pg_catalog.internal, @extschema@.sex, @extschema@.age_band, @extschema@.accompaniment)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'demography_inv_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.demography_inv_transfn(pg_catalog.internal, @extschema@.sex, @extschema@.age_band, @extschema@.accompaniment) IS
'inverse transition function of demography(sex, age_band, accompaniment), for moving window frames';
CREATE FUNCTION @extschema@.demography_inv_transfn(pg_catalog.internal, @extschema@.sex, @extschema@.age_band, @extschema@.accompaniment, pg_catalog.int8)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'demography_inv_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.demography_inv_transfn(pg_catalog.internal, @extschema@.sex, @extschema@.age_band, @extschema@.accompaniment, pg_catalog.int8) IS
'inverse transition function of demography(sex, age_band, accompaniment, count), for moving window frames';
CREATE FUNCTION @extschema@.demography_merge_transfn(pg_catalog.internal, @extschema@.demography)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'demography_merge_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.demography_merge_transfn(pg_catalog.internal, @extschema@.demography) IS
'transition function of demography(demography)';
CREATE FUNCTION @extschema@.demography_merge_inv_transfn(pg_catalog.internal, @extschema@.demography)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'demography_merge_inv_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.demography_merge_inv_transfn(pg_catalog.internal, @extschema@.demography) IS
'inverse transition function of demography(demography), for moving window frames';
CREATE FUNCTION @extschema@.demography_combine(pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'demography_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.demography_combine(pg_catalog.internal, pg_catalog.internal) IS
'combine function of the demography aggregates';
CREATE FUNCTION @extschema@.demography_serialize(pg_catalog.internal)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'demography_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.demography_serialize(pg_catalog.internal) IS
'serialization function of the demography aggregates';
CREATE FUNCTION @extschema@.demography_deserialize(pg_catalog.bytea, pg_catalog.internal)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'demography_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.demography_deserialize(pg_catalog.bytea, pg_catalog.internal) IS
'deserialization function of the demography aggregates';
CREATE FUNCTION @extschema@.demography_finalfn(pg_catalog.internal)
RETURNS @extschema@.demography AS 'MODULE_PATHNAME', 'demography_finalfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.demography_finalfn(pg_catalog.internal) IS
'final function of the demography aggregates: the demography counted, empty for no rows';

CREATE AGGREGATE @extschema@.demography(@extschema@.sex, @extschema@.age_band) (
	SFUNC = @extschema@.demography_transfn,
	STYPE = pg_catalog.internal,
	SSPACE = 1400,
	FINALFUNC = @extschema@.demography_finalfn,
	COMBINEFUNC = @extschema@.demography_combine,
	SERIALFUNC = @extschema@.demography_serialize,
	DESERIALFUNC = @extschema@.demography_deserialize,
	MSFUNC = @extschema@.demography_transfn,
	MINVFUNC = @extschema@.demography_inv_transfn,
	MSTYPE = pg_catalog.internal,
	MSSPACE = 1400,
	MFINALFUNC = @extschema@.demography_finalfn,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.demography(@extschema@.sex, @extschema@.age_band, @extschema@.accompaniment) (
	SFUNC = @extschema@.demography_transfn,
	STYPE = pg_catalog.internal,
	SSPACE = 1400,
	FINALFUNC = @extschema@.demography_finalfn,
	COMBINEFUNC = @extschema@.demography_combine,
	SERIALFUNC = @extschema@.demography_serialize,
	DESERIALFUNC = @extschema@.demography_deserialize,
	MSFUNC = @extschema@.demography_transfn,
	MINVFUNC = @extschema@.demography_inv_transfn,
	MSTYPE = pg_catalog.internal,
	MSSPACE = 1400,
	MFINALFUNC = @extschema@.demography_finalfn,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.demography(@extschema@.sex, @extschema@.age_band, @extschema@.accompaniment, pg_catalog.int8) (
	SFUNC = @extschema@.demography_transfn,
	STYPE = pg_catalog.internal,
	SSPACE = 1400,
	FINALFUNC = @extschema@.demography_finalfn,
	COMBINEFUNC = @extschema@.demography_combine,
	SERIALFUNC = @extschema@.demography_serialize,
	DESERIALFUNC = @extschema@.demography_deserialize,
	MSFUNC = @extschema@.demography_transfn,
	MINVFUNC = @extschema@.demography_inv_transfn,
	MSTYPE = pg_catalog.internal,
	MSSPACE = 1400,
	MFINALFUNC = @extschema@.demography_finalfn,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.demography(@extschema@.demography) (
	SFUNC = @extschema@.demography_merge_transfn,
	STYPE = pg_catalog.internal,
	SSPACE = 1400,
	FINALFUNC = @extschema@.demography_finalfn,
	COMBINEFUNC = @extschema@.demography_combine,
	SERIALFUNC = @extschema@.demography_serialize,
	DESERIALFUNC = @extschema@.demography_deserialize,
	MSFUNC = @extschema@.demography_merge_transfn,
	MINVFUNC = @extschema@.demography_merge_inv_transfn,
	MSTYPE = pg_catalog.internal,
	MSSPACE = 1400,
	MFINALFUNC = @extschema@.demography_finalfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.demography(@extschema@.sex, @extschema@.age_band) IS
'people counted by sex and age band (accompaniment unknown); NULL sex or band count as unknown';
COMMENT ON AGGREGATE @extschema@.demography(@extschema@.sex, @extschema@.age_band, @extschema@.accompaniment) IS
'people counted by sex, age band and accompaniment; NULLs count as unknown';
COMMENT ON AGGREGATE @extschema@.demography(@extschema@.sex, @extschema@.age_band, @extschema@.accompaniment, pg_catalog.int8) IS
'people counted by sex, age band and accompaniment, each row standing for count people (rows with a NULL count are skipped)';
COMMENT ON AGGREGATE @extschema@.demography(@extschema@.demography) IS
'the sum of demographies (of shards, months, offices): merges partial counts';

CREATE FUNCTION @extschema@.demography_scheme(@extschema@.demography)
RETURNS @extschema@.age_scheme
AS 'MODULE_PATHNAME', 'demography_scheme'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.demography_scheme(@extschema@.demography) IS
'the age scheme of a demography; NULL while no age band was counted';

CREATE FUNCTION @extschema@.demography_count(d @extschema@.demography, sex @extschema@.sex DEFAULT NULL,
	age @extschema@.age_band DEFAULT NULL, accompaniment @extschema@.accompaniment DEFAULT NULL)
RETURNS pg_catalog.int8
AS 'MODULE_PATHNAME', 'demography_count'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.demography_count(@extschema@.demography, @extschema@.sex, @extschema@.age_band, @extschema@.accompaniment) IS
'the people of a sex, an age band (of the demography''s scheme, or a wider band made of its bands) and an accompaniment; a NULL filter takes all';

CREATE FUNCTION @extschema@.demography_cells(@extschema@.demography,
	OUT sex @extschema@.sex,
	OUT age @extschema@.age_band,
	OUT accompaniment @extschema@.accompaniment,
	OUT count pg_catalog.int8)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'demography_cells'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 50;
COMMENT ON FUNCTION @extschema@.demography_cells(@extschema@.demography) IS
'the non-zero cells of a demography, by sex, age band (NULL before a scheme is set) and accompaniment';

CREATE FUNCTION @extschema@.demography_table(d @extschema@.demography, publisher pg_catalog.text DEFAULT NULL,
	OUT "position" pg_catalog.int4,
	OUT label pg_catalog.text,
	OUT sex pg_catalog.text,
	OUT age pg_catalog.text,
	OUT "group" pg_catalog.text,
	OUT count pg_catalog.int8,
	OUT is_total pg_catalog.bool)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'demography_table'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 30;
COMMENT ON FUNCTION @extschema@.demography_table(@extschema@.demography, pg_catalog.text) IS
'a publisher''s table (unhcr, eurostat, upm, cbp, children; by default the one of the demography''s scheme), one row per cell in the publisher''s order, totals as rows of their own';
