-- The period table an agency publishes (issue 14): opening stock, claims
-- lodged, decisions by level and outcome, closing stock, with UNHCR's
-- identity closing = opening + applied - decided checked; and the age of
-- the backlog.

CREATE TYPE @extschema@.period_table_row AS (
	unit pg_catalog.text,
	opening pg_catalog.int8,
	applied pg_catalog.int8,
	reopened pg_catalog.int8,
	first_instance_recognized pg_catalog.int8,
	first_instance_complementary pg_catalog.int8,
	first_instance_rejected pg_catalog.int8,
	first_instance_otherwise_closed pg_catalog.int8,
	appeal_recognized pg_catalog.int8,
	appeal_complementary pg_catalog.int8,
	appeal_rejected pg_catalog.int8,
	appeal_otherwise_closed pg_catalog.int8,
	decided pg_catalog.int8,
	closing pg_catalog.int8,
	identity_gap pg_catalog.int8,
	unexplained pg_catalog.int8
);
COMMENT ON TYPE @extschema@.period_table_row IS
'one period of the period table, in one unit (cases or persons): opening stock, claims lodged, entries other than a claim (appeals lodged, cases readmitted), decisions by level and outcome, all decisions, closing stock; identity_gap = closing - (opening + applied - decided), what the published identity leaves out; unexplained = closing - (opening + applied + reopened - decided), zero unless timelines have steps the procedure does not allow';
ALTER EXTENSION migrec ADD TYPE @extschema@.period_table_row[]; -- @pg<17

CREATE FUNCTION @extschema@.period_flows_add(pg_catalog.int8[], @extschema@.protection_history, pg_catalog.timestamptz, pg_catalog.timestamptz)
RETURNS pg_catalog.int8[]
AS 'MODULE_PATHNAME', 'period_flows_add'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_flows_add(pg_catalog.int8[], @extschema@.protection_history, pg_catalog.timestamptz, pg_catalog.timestamptz) IS
'transition of period_flows (cases): a history''s stocks and flows in the period (from, to] added to the counters';

CREATE FUNCTION @extschema@.period_flows_add(pg_catalog.int8[], @extschema@.protection_history, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.int4)
RETURNS pg_catalog.int8[]
AS 'MODULE_PATHNAME', 'period_flows_add'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_flows_add(pg_catalog.int8[], @extschema@.protection_history, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.int4) IS
'transition of period_flows (persons): a history''s stocks and flows in the period (from, to], each weighing the case''s persons';

CREATE FUNCTION @extschema@.period_flows_combine(pg_catalog.int8[], pg_catalog.int8[])
RETURNS pg_catalog.int8[]
AS 'MODULE_PATHNAME', 'period_flows_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_flows_combine(pg_catalog.int8[], pg_catalog.int8[]) IS
'combine function of period_flows: the counters of two partial aggregates added';

CREATE FUNCTION @extschema@.period_flows_final(pg_catalog.int8[])
RETURNS @extschema@.period_table_row
AS 'MODULE_PATHNAME', 'period_flows_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_flows_final(pg_catalog.int8[]) IS
'final function of period_flows: the period table''s row, with the identity checked';

CREATE AGGREGATE @extschema@.period_flows(@extschema@.protection_history, pg_catalog.timestamptz, pg_catalog.timestamptz) (
	SFUNC = @extschema@.period_flows_add,
	STYPE = pg_catalog.int8[],
	INITCOND = '{0,0,0,0,0,0,0,0,0,0,0,0,0}',
	FINALFUNC = @extschema@.period_flows_final,
	COMBINEFUNC = @extschema@.period_flows_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.period_flows(@extschema@.protection_history, pg_catalog.timestamptz, pg_catalog.timestamptz) IS
'the period table''s row for the period (from, to] over case histories, in cases: stocks pending at from and at to, claims lodged, other entries, decisions by level and outcome, the identity checked';

CREATE AGGREGATE @extschema@.period_flows(@extschema@.protection_history, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.int4) (
	SFUNC = @extschema@.period_flows_add,
	STYPE = pg_catalog.int8[],
	INITCOND = '{0,0,0,0,0,0,0,0,0,0,0,0,0}',
	FINALFUNC = @extschema@.period_flows_final,
	COMBINEFUNC = @extschema@.period_flows_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.period_flows(@extschema@.protection_history, pg_catalog.timestamptz, pg_catalog.timestamptz, pg_catalog.int4) IS
'the period table''s row for the period (from, to] over case histories, in persons (each case weighs its persons count)';

CREATE FUNCTION @extschema@.days_pending(@extschema@.protection_history, pg_catalog.timestamptz)
RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'period_days_pending'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.days_pending(@extschema@.protection_history, pg_catalog.timestamptz) IS
'calendar days (UTC) since the claim the case awaits a decision on was lodged, at a time; NULL when it is not pending (transit_profile(days_pending(h, t)) is the backlog''s age distribution)';
