--------------------------------------------------------------------------
-- repeat_tally: individuals counted by how many times each was
-- encountered; unique individuals, the repeat-encounter (recidivism) rate,
-- encounters per individual.  Built from one row per individual (the
-- exact two-step form: GROUP BY the person key, then tally), mergeable
-- over disjoint sets of individuals.
--------------------------------------------------------------------------

CREATE TYPE @extschema@.repeat_tally;

CREATE FUNCTION @extschema@.repeat_tally_in(pg_catalog.cstring)
RETURNS @extschema@.repeat_tally
AS 'MODULE_PATHNAME', 'repeat_tally_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.repeat_tally_out(@extschema@.repeat_tally)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'repeat_tally_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.repeat_tally_recv(pg_catalog.internal)
RETURNS @extschema@.repeat_tally
AS 'MODULE_PATHNAME', 'repeat_tally_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.repeat_tally_send(@extschema@.repeat_tally)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'repeat_tally_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.repeat_tally (
	INPUT = @extschema@.repeat_tally_in,
	OUTPUT = @extschema@.repeat_tally_out,
	RECEIVE = @extschema@.repeat_tally_recv,
	SEND = @extschema@.repeat_tally_send,
	INTERNALLENGTH = 264,
	ALIGNMENT = double,
	STORAGE = plain
);
ALTER EXTENSION migrec ADD TYPE @extschema@.repeat_tally[]; -- @pg<17

COMMENT ON TYPE @extschema@.repeat_tally IS
'individuals counted by how many times each was encountered (1 to 31, 32 or more) with their encounters: unique individuals, the repeat-encounter rate, encounters per individual; mergeable over disjoint sets of individuals';
COMMENT ON FUNCTION @extschema@.repeat_tally_in(pg_catalog.cstring) IS
'repeat_tally input: (individuals={1:N,2:N,...,32+:N},encounters=N), the encounters agreeing with the individuals';
COMMENT ON FUNCTION @extschema@.repeat_tally_out(@extschema@.repeat_tally) IS
'repeat_tally output: (individuals={1:N,2:N,...,32+:N},encounters=N), the non-empty bins';
COMMENT ON FUNCTION @extschema@.repeat_tally_recv(pg_catalog.internal) IS
'repeat_tally binary input: 32 bins then the encounters, big-endian int8, checked as in text';
COMMENT ON FUNCTION @extschema@.repeat_tally_send(@extschema@.repeat_tally) IS
'repeat_tally binary output: 32 bins then the encounters, big-endian int8';

-- the aggregates' state: internal, with the aggregate-state kit (a tally),
-- serialized as the tally's bytes for parallel query
CREATE FUNCTION @extschema@.repeat_tally_transfn(pg_catalog.internal, pg_catalog.int8)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'repeat_tally_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.repeat_tally_transfn(pg_catalog.internal, pg_catalog.int8) IS
'transition function of repeat_tally(int8) and repeat_rate(int8): one individual and their encounters (0: not encountered, nothing added)';
CREATE FUNCTION @extschema@.repeat_tally_inv_transfn(pg_catalog.internal, pg_catalog.int8)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'repeat_tally_inv_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.repeat_tally_inv_transfn(pg_catalog.internal, pg_catalog.int8) IS
'inverse transition function of repeat_tally(int8) and repeat_rate(int8), for moving window frames';
CREATE FUNCTION @extschema@.repeat_tally_merge_transfn(pg_catalog.internal, @extschema@.repeat_tally)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'repeat_tally_merge_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.repeat_tally_merge_transfn(pg_catalog.internal, @extschema@.repeat_tally) IS
'transition function of repeat_tally(repeat_tally)';
CREATE FUNCTION @extschema@.repeat_tally_merge_inv_transfn(pg_catalog.internal, @extschema@.repeat_tally)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'repeat_tally_merge_inv_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.repeat_tally_merge_inv_transfn(pg_catalog.internal, @extschema@.repeat_tally) IS
'inverse transition function of repeat_tally(repeat_tally), for moving window frames';
CREATE FUNCTION @extschema@.repeat_tally_combine(pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'repeat_tally_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.repeat_tally_combine(pg_catalog.internal, pg_catalog.internal) IS
'combine function of the repeat_tally and repeat_rate aggregates';
CREATE FUNCTION @extschema@.repeat_tally_serialize(pg_catalog.internal)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'repeat_tally_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.repeat_tally_serialize(pg_catalog.internal) IS
'serialization function of the repeat_tally and repeat_rate aggregates';
CREATE FUNCTION @extschema@.repeat_tally_deserialize(pg_catalog.bytea, pg_catalog.internal)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'repeat_tally_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.repeat_tally_deserialize(pg_catalog.bytea, pg_catalog.internal) IS
'deserialization function of the repeat_tally and repeat_rate aggregates';
CREATE FUNCTION @extschema@.repeat_tally_finalfn(pg_catalog.internal)
RETURNS @extschema@.repeat_tally AS 'MODULE_PATHNAME', 'repeat_tally_finalfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.repeat_tally_finalfn(pg_catalog.internal) IS
'final function of the repeat_tally aggregates: the tally, empty for no rows';
CREATE FUNCTION @extschema@.repeat_rate_finalfn(pg_catalog.internal)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'repeat_rate_finalfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.repeat_rate_finalfn(pg_catalog.internal) IS
'final function of repeat_rate(int8): the repeat-encounter rate, NULL without individuals';

CREATE FUNCTION @extschema@.unique_individuals(@extschema@.repeat_tally)
RETURNS pg_catalog.int8
AS 'MODULE_PATHNAME', 'repeat_tally_unique_individuals'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.unique_individuals(@extschema@.repeat_tally) IS
'the individuals of a tally';

CREATE FUNCTION @extschema@.repeat_individuals(@extschema@.repeat_tally)
RETURNS pg_catalog.int8
AS 'MODULE_PATHNAME', 'repeat_tally_repeat_individuals'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.repeat_individuals(@extschema@.repeat_tally) IS
'the individuals of a tally encountered more than once';

CREATE FUNCTION @extschema@.encounter_count(@extschema@.repeat_tally)
RETURNS pg_catalog.int8
AS 'MODULE_PATHNAME', 'repeat_tally_encounters'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.encounter_count(@extschema@.repeat_tally) IS
'the encounters of a tally''s individuals';

CREATE FUNCTION @extschema@.repeat_rate(@extschema@.repeat_tally)
RETURNS pg_catalog.float8
AS 'MODULE_PATHNAME', 'repeat_tally_repeat_rate'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.repeat_rate(@extschema@.repeat_tally) IS
'individuals encountered more than once / individuals (Border Patrol''s recidivism rate over a fiscal year''s tally); NULL without individuals';

CREATE FUNCTION @extschema@.mean_encounters(@extschema@.repeat_tally)
RETURNS pg_catalog.float8
AS 'MODULE_PATHNAME', 'repeat_tally_mean_encounters'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean_encounters(@extschema@.repeat_tally) IS
'encounters per individual; NULL without individuals';

CREATE FUNCTION @extschema@.repeat_distribution(@extschema@.repeat_tally,
	OUT encounters pg_catalog.int4,
	OUT or_more pg_catalog.bool,
	OUT individuals pg_catalog.int8)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'repeat_tally_distribution'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION @extschema@.repeat_distribution(@extschema@.repeat_tally) IS
'encounters per individual as a distribution: individuals encountered 1, 2, ... times (the last, 32, meaning 32 or more)';

CREATE AGGREGATE @extschema@.repeat_tally(pg_catalog.int8) (
	SFUNC = @extschema@.repeat_tally_transfn,
	STYPE = pg_catalog.internal,
	SSPACE = 264,
	FINALFUNC = @extschema@.repeat_tally_finalfn,
	COMBINEFUNC = @extschema@.repeat_tally_combine,
	SERIALFUNC = @extschema@.repeat_tally_serialize,
	DESERIALFUNC = @extschema@.repeat_tally_deserialize,
	MSFUNC = @extschema@.repeat_tally_transfn,
	MINVFUNC = @extschema@.repeat_tally_inv_transfn,
	MSTYPE = pg_catalog.internal,
	MSSPACE = 264,
	MFINALFUNC = @extschema@.repeat_tally_finalfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.repeat_tally(pg_catalog.int8) IS
'individuals tallied by their encounters, from one row per individual (SELECT key, count(*) ... GROUP BY key); NULL rows skipped';

CREATE AGGREGATE @extschema@.repeat_tally(@extschema@.repeat_tally) (
	SFUNC = @extschema@.repeat_tally_merge_transfn,
	STYPE = pg_catalog.internal,
	SSPACE = 264,
	FINALFUNC = @extschema@.repeat_tally_finalfn,
	COMBINEFUNC = @extschema@.repeat_tally_combine,
	SERIALFUNC = @extschema@.repeat_tally_serialize,
	DESERIALFUNC = @extschema@.repeat_tally_deserialize,
	MSFUNC = @extschema@.repeat_tally_merge_transfn,
	MINVFUNC = @extschema@.repeat_tally_merge_inv_transfn,
	MSTYPE = pg_catalog.internal,
	MSSPACE = 264,
	MFINALFUNC = @extschema@.repeat_tally_finalfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.repeat_tally(@extschema@.repeat_tally) IS
'the tally of disjoint sets of individuals (shards partitioned by the person key); tallies that may share individuals do not add up';

CREATE AGGREGATE @extschema@.repeat_rate(pg_catalog.int8) (
	SFUNC = @extschema@.repeat_tally_transfn,
	STYPE = pg_catalog.internal,
	SSPACE = 264,
	FINALFUNC = @extschema@.repeat_rate_finalfn,
	COMBINEFUNC = @extschema@.repeat_tally_combine,
	SERIALFUNC = @extschema@.repeat_tally_serialize,
	DESERIALFUNC = @extschema@.repeat_tally_deserialize,
	MSFUNC = @extschema@.repeat_tally_transfn,
	MINVFUNC = @extschema@.repeat_tally_inv_transfn,
	MSTYPE = pg_catalog.internal,
	MSSPACE = 264,
	MFINALFUNC = @extschema@.repeat_rate_finalfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.repeat_rate(pg_catalog.int8) IS
'individuals encountered more than once / individuals, from one row per individual with their encounters; NULL without individuals';
