-- Level-aware decision tallies over case histories (issue 14): UNHCR
-- computes rates per decision level and per unit (cases or persons) and
-- never adds them.  decision_tally (0.1) counts decision events of every
-- level together; level_tally counts one level, in one unit, and refuses to
-- combine with another.

CREATE TYPE @extschema@.level_tally;

CREATE FUNCTION @extschema@.level_tally_in(pg_catalog.cstring)
RETURNS @extschema@.level_tally
AS 'MODULE_PATHNAME', 'level_tally_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.level_tally_out(@extschema@.level_tally)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'level_tally_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.level_tally_recv(pg_catalog.internal)
RETURNS @extschema@.level_tally
AS 'MODULE_PATHNAME', 'level_tally_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.level_tally_send(@extschema@.level_tally)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'level_tally_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.level_tally (
	INPUT = @extschema@.level_tally_in,
	OUTPUT = @extschema@.level_tally_out,
	RECEIVE = @extschema@.level_tally_recv,
	SEND = @extschema@.level_tally_send,
	INTERNALLENGTH = 40,
	ALIGNMENT = double,
	STORAGE = plain
);
ALTER EXTENSION migrec ADD TYPE @extschema@.level_tally[]; -- @pg<17

COMMENT ON TYPE @extschema@.level_tally IS
'decisions of one level (first_instance or appeal) by UNHCR outcome, counted in one unit (cases or persons): the mergeable state of the level-aware rate aggregates';
COMMENT ON FUNCTION @extschema@.level_tally_in(pg_catalog.cstring) IS
'level_tally input: (level=first_instance|appeal,unit=cases|persons,recognized=N,complementary=N,rejected=N,otherwise_closed=N)';
COMMENT ON FUNCTION @extschema@.level_tally_out(@extschema@.level_tally) IS
'level_tally output: (level=...,unit=...,recognized=N,complementary=N,rejected=N,otherwise_closed=N)';
COMMENT ON FUNCTION @extschema@.level_tally_recv(pg_catalog.internal) IS
'level_tally binary input: level byte (1 first_instance, 2 appeal), unit byte (1 cases, 2 persons), four big-endian int8 counts, non-negative';
COMMENT ON FUNCTION @extschema@.level_tally_send(@extschema@.level_tally) IS
'level_tally binary output: level byte, unit byte, four big-endian int8 counts';

CREATE FUNCTION @extschema@.level_tally_add(@extschema@.level_tally, @extschema@.protection_history, @extschema@.procedure_level)
RETURNS @extschema@.level_tally
AS 'MODULE_PATHNAME', 'level_tally_add'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.level_tally_add(@extschema@.level_tally, @extschema@.protection_history, @extschema@.procedure_level) IS
'a level tally (cases) with the decisions of that level in a history added (transition of level_tally)';

CREATE FUNCTION @extschema@.level_tally_remove(@extschema@.level_tally, @extschema@.protection_history, @extschema@.procedure_level)
RETURNS @extschema@.level_tally
AS 'MODULE_PATHNAME', 'level_tally_remove'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.level_tally_remove(@extschema@.level_tally, @extschema@.protection_history, @extschema@.procedure_level) IS
'a level tally (cases) with the decisions of that level in a history removed (inverse transition, for moving window frames)';

CREATE FUNCTION @extschema@.level_tally_add(@extschema@.level_tally, @extschema@.protection_history, @extschema@.procedure_level, pg_catalog.int4)
RETURNS @extschema@.level_tally
AS 'MODULE_PATHNAME', 'level_tally_add'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.level_tally_add(@extschema@.level_tally, @extschema@.protection_history, @extschema@.procedure_level, pg_catalog.int4) IS
'a level tally (persons) with the decisions of that level in a history added, each weighing the case''s persons';

CREATE FUNCTION @extschema@.level_tally_remove(@extschema@.level_tally, @extschema@.protection_history, @extschema@.procedure_level, pg_catalog.int4)
RETURNS @extschema@.level_tally
AS 'MODULE_PATHNAME', 'level_tally_remove'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.level_tally_remove(@extschema@.level_tally, @extschema@.protection_history, @extschema@.procedure_level, pg_catalog.int4) IS
'a level tally (persons) with a case''s decisions of that level removed (inverse transition, for moving window frames)';

CREATE FUNCTION @extschema@.level_tally_merge(@extschema@.level_tally, @extschema@.level_tally)
RETURNS @extschema@.level_tally
AS 'MODULE_PATHNAME', 'level_tally_merge'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.level_tally_merge(@extschema@.level_tally, @extschema@.level_tally) IS
'the sum of two level tallies of the same level and unit (22023 otherwise); NULL on either side is the other';

CREATE FUNCTION @extschema@.recognition_rate(@extschema@.level_tally)
RETURNS pg_catalog.float8
AS 'MODULE_PATHNAME', 'level_tally_recognition_rate'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recognition_rate(@extschema@.level_tally) IS
'UNHCR refugee recognition rate of a level tally: recognized / (recognized + complementary + rejected), in the tally''s level and unit; NULL without substantive decisions';

CREATE FUNCTION @extschema@.total_recognition_rate(@extschema@.level_tally)
RETURNS pg_catalog.float8
AS 'MODULE_PATHNAME', 'level_tally_total_recognition_rate'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.total_recognition_rate(@extschema@.level_tally) IS
'UNHCR total recognition rate of a level tally: (recognized + complementary) / (recognized + complementary + rejected); NULL without substantive decisions';

CREATE FUNCTION @extschema@.decision_counts(@extschema@.level_tally)
RETURNS @extschema@.decision_counts
AS 'MODULE_PATHNAME', 'level_tally_counts'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.decision_counts(@extschema@.level_tally) IS
'the four counts of a level tally (in its unit: tally_unit())';

CREATE FUNCTION @extschema@.tally_level(@extschema@.level_tally)
RETURNS @extschema@.procedure_level
AS 'MODULE_PATHNAME', 'level_tally_level'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.tally_level(@extschema@.level_tally) IS
'the decision level a level tally counts';

CREATE FUNCTION @extschema@.tally_unit(@extschema@.level_tally)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'level_tally_unit'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.tally_unit(@extschema@.level_tally) IS
'the unit a level tally counts: cases or persons';

CREATE AGGREGATE @extschema@.level_tally(@extschema@.protection_history, @extschema@.procedure_level) (
	SFUNC = @extschema@.level_tally_add,
	STYPE = @extschema@.level_tally,
	COMBINEFUNC = @extschema@.level_tally_merge,
	MSFUNC = @extschema@.level_tally_add,
	MINVFUNC = @extschema@.level_tally_remove,
	MSTYPE = @extschema@.level_tally,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.level_tally(@extschema@.protection_history, @extschema@.procedure_level) IS
'the decisions of one level in a set of case histories, counted in cases (a decision reached from under_appeal is an appeal decision)';

CREATE AGGREGATE @extschema@.level_tally(@extschema@.protection_history, @extschema@.procedure_level, pg_catalog.int4) (
	SFUNC = @extschema@.level_tally_add,
	STYPE = @extschema@.level_tally,
	COMBINEFUNC = @extschema@.level_tally_merge,
	MSFUNC = @extschema@.level_tally_add,
	MINVFUNC = @extschema@.level_tally_remove,
	MSTYPE = @extschema@.level_tally,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.level_tally(@extschema@.protection_history, @extschema@.procedure_level, pg_catalog.int4) IS
'the decisions of one level in a set of case histories, counted in persons (each case weighs its persons count, at least 1)';

CREATE AGGREGATE @extschema@.level_tally(@extschema@.level_tally) (
	SFUNC = @extschema@.level_tally_merge,
	STYPE = @extschema@.level_tally,
	COMBINEFUNC = @extschema@.level_tally_merge,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.level_tally(@extschema@.level_tally) IS
'the sum of level tallies of one level and unit (a coordinator merging shards'' tallies); 22023 for tallies of different levels or units';

CREATE AGGREGATE @extschema@.recognition_rate(@extschema@.protection_history, @extschema@.procedure_level) (
	SFUNC = @extschema@.level_tally_add,
	STYPE = @extschema@.level_tally,
	FINALFUNC = @extschema@.recognition_rate,
	COMBINEFUNC = @extschema@.level_tally_merge,
	MSFUNC = @extschema@.level_tally_add,
	MINVFUNC = @extschema@.level_tally_remove,
	MSTYPE = @extschema@.level_tally,
	MFINALFUNC = @extschema@.recognition_rate,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recognition_rate(@extschema@.protection_history, @extschema@.procedure_level) IS
'UNHCR refugee recognition rate of the decisions of one level in a set of case histories, in cases';

CREATE AGGREGATE @extschema@.total_recognition_rate(@extschema@.protection_history, @extschema@.procedure_level) (
	SFUNC = @extschema@.level_tally_add,
	STYPE = @extschema@.level_tally,
	FINALFUNC = @extschema@.total_recognition_rate,
	COMBINEFUNC = @extschema@.level_tally_merge,
	MSFUNC = @extschema@.level_tally_add,
	MINVFUNC = @extschema@.level_tally_remove,
	MSTYPE = @extschema@.level_tally,
	MFINALFUNC = @extschema@.total_recognition_rate,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.total_recognition_rate(@extschema@.protection_history, @extschema@.procedure_level) IS
'UNHCR total recognition rate of the decisions of one level in a set of case histories, in cases';
