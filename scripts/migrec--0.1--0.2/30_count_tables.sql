/*
 * Count tables (issue 13): published data are counts, one row per group
 * with a count n.  Every counting aggregate takes one: each row adds n
 * (n = 0 adds nothing, n < 0 is an error 22023, a row with a NULL status,
 * day or count is skipped, as the one-argument forms skip NULLs).  The
 * weighted forms keep the same state as the unweighted ones (decision_tally,
 * 32 bytes, unchanged; transit_profile's internal state), so their results
 * merge with each other, in parallel plans and across shards alike, and the
 * rate aggregates run over moving window frames the same way.
 */

CREATE FUNCTION @extschema@.decision_tally_add(@extschema@.decision_tally, @extschema@.protection_status, n pg_catalog.int8)
RETURNS @extschema@.decision_tally
AS 'MODULE_PATHNAME', 'decision_tally_add_n'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.decision_tally_add(@extschema@.decision_tally, @extschema@.protection_status, pg_catalog.int8) IS
'a tally with n more decisions of a status counted (other statuses than decisions leave it unchanged); n must not be negative';

CREATE FUNCTION @extschema@.decision_tally_remove(@extschema@.decision_tally, @extschema@.protection_status, n pg_catalog.int8)
RETURNS @extschema@.decision_tally
AS 'MODULE_PATHNAME', 'decision_tally_remove_n'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.decision_tally_remove(@extschema@.decision_tally, @extschema@.protection_status, pg_catalog.int8) IS
'a tally with n decisions of a status uncounted (the inverse transition of the weighted rate aggregates, for window frames)';

CREATE AGGREGATE @extschema@.recognition_rate(status @extschema@.protection_status, n pg_catalog.int8) (
	SFUNC = @extschema@.decision_tally_add,
	STYPE = @extschema@.decision_tally,
	INITCOND = '(recognized=0,complementary=0,rejected=0,otherwise_closed=0)',
	FINALFUNC = @extschema@.recognition_rate,
	COMBINEFUNC = @extschema@.decision_tally_merge,
	MSFUNC = @extschema@.decision_tally_add,
	MINVFUNC = @extschema@.decision_tally_remove,
	MSTYPE = @extschema@.decision_tally,
	MINITCOND = '(recognized=0,complementary=0,rejected=0,otherwise_closed=0)',
	MFINALFUNC = @extschema@.recognition_rate,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recognition_rate(@extschema@.protection_status, pg_catalog.int8) IS
'UNHCR refugee recognition rate of a count table (n decisions a row): recognized / (recognized + complementary + rejected); NULL without substantive decisions';

CREATE AGGREGATE @extschema@.total_recognition_rate(status @extschema@.protection_status, n pg_catalog.int8) (
	SFUNC = @extschema@.decision_tally_add,
	STYPE = @extschema@.decision_tally,
	INITCOND = '(recognized=0,complementary=0,rejected=0,otherwise_closed=0)',
	FINALFUNC = @extschema@.total_recognition_rate,
	COMBINEFUNC = @extschema@.decision_tally_merge,
	MSFUNC = @extschema@.decision_tally_add,
	MINVFUNC = @extschema@.decision_tally_remove,
	MSTYPE = @extschema@.decision_tally,
	MINITCOND = '(recognized=0,complementary=0,rejected=0,otherwise_closed=0)',
	MFINALFUNC = @extschema@.total_recognition_rate,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.total_recognition_rate(@extschema@.protection_status, pg_catalog.int8) IS
'UNHCR total recognition (total protection) rate of a count table: (recognized + complementary) / (recognized + complementary + rejected); NULL without substantive decisions';

CREATE AGGREGATE @extschema@.decision_counts(status @extschema@.protection_status, n pg_catalog.int8) (
	SFUNC = @extschema@.decision_tally_add,
	STYPE = @extschema@.decision_tally,
	INITCOND = '(recognized=0,complementary=0,rejected=0,otherwise_closed=0)',
	FINALFUNC = @extschema@.decision_counts,
	COMBINEFUNC = @extschema@.decision_tally_merge,
	MSFUNC = @extschema@.decision_tally_add,
	MINVFUNC = @extschema@.decision_tally_remove,
	MSTYPE = @extschema@.decision_tally,
	MINITCOND = '(recognized=0,complementary=0,rejected=0,otherwise_closed=0)',
	MFINALFUNC = @extschema@.decision_counts,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.decision_counts(@extschema@.protection_status, pg_catalog.int8) IS
'decisions of a count table (n a row) by UNHCR outcome: recognized, complementary, rejected, otherwise_closed';

CREATE AGGREGATE @extschema@.decision_tally(status @extschema@.protection_status, n pg_catalog.int8) (
	SFUNC = @extschema@.decision_tally_add,
	STYPE = @extschema@.decision_tally,
	INITCOND = '(recognized=0,complementary=0,rejected=0,otherwise_closed=0)',
	COMBINEFUNC = @extschema@.decision_tally_merge,
	MSFUNC = @extschema@.decision_tally_add,
	MINVFUNC = @extschema@.decision_tally_remove,
	MSTYPE = @extschema@.decision_tally,
	MINITCOND = '(recognized=0,complementary=0,rejected=0,otherwise_closed=0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.decision_tally(@extschema@.protection_status, pg_catalog.int8) IS
'the tally of a count table (n decisions a row), to store or merge with any other tally';

CREATE FUNCTION @extschema@.transit_profile_transfn(pg_catalog.internal, pg_catalog.int4, pg_catalog.int8)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'transit_profile_transfn_n'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.transit_profile_transfn(pg_catalog.internal, pg_catalog.int4, pg_catalog.int8) IS
'transition function of transit_profile(days, n)';

CREATE AGGREGATE @extschema@.transit_profile(days pg_catalog.int4, n pg_catalog.int8) (
	SFUNC = @extschema@.transit_profile_transfn,
	STYPE = pg_catalog.internal,
	SSPACE = 5856,
	FINALFUNC = @extschema@.transit_profile_finalfn,
	COMBINEFUNC = @extschema@.transit_profile_combine,
	SERIALFUNC = @extschema@.transit_profile_serialize,
	DESERIALFUNC = @extschema@.transit_profile_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.transit_profile(pg_catalog.int4, pg_catalog.int8) IS
'the distribution of transit times from a count table (n journeys of that many days a row; NULL skipped; a negative time or count is an error)';
