-- Decision levels and pending stocks from a case's timeline (issue 14).
-- UNHCR computes rates per decision level and never adds them; a decision
-- reached from under_appeal is an appeal decision (shared/domain.md's
-- procedure), any other a first-instance one.

CREATE TYPE @extschema@.procedure_level AS ENUM ('first_instance', 'appeal');
COMMENT ON TYPE @extschema@.procedure_level IS
'the level of a decision or of a pending case: first_instance, or appeal (review or appeal of a first-instance decision)';
ALTER EXTENSION migrec ADD TYPE @extschema@.procedure_level[]; -- @pg<17

CREATE FUNCTION @extschema@.decision_level(@extschema@.protection_history, pg_catalog.timestamptz)
RETURNS @extschema@.procedure_level
AS 'MODULE_PATHNAME', 'procedure_decision_level'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.decision_level(@extschema@.protection_history, pg_catalog.timestamptz) IS
'the level of the last decision of the timeline at or before a time (appeal when reached from under_appeal), or NULL before any';

CREATE FUNCTION @extschema@.decisions(@extschema@.protection_history,
	OUT status @extschema@.protection_status,
	OUT level @extschema@.procedure_level,
	OUT at pg_catalog.timestamptz)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'procedure_decisions'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 2;
COMMENT ON FUNCTION @extschema@.decisions(@extschema@.protection_history) IS
'the decisions of the timeline (recognized, complementary, rejected, otherwise closed) with their level and time; rejected_final straight after rejected is that rejection becoming final, not a second decision';

CREATE FUNCTION @extschema@.is_pending(@extschema@.protection_history, pg_catalog.timestamptz)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'procedure_is_pending'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_pending(@extschema@.protection_history, pg_catalog.timestamptz) IS
'whether the case awaits a decision at a time, at any level (UNHCR''s asylum-seekers): claim_lodged, admitted, interviewed or under_appeal';

CREATE FUNCTION @extschema@.pending_level(@extschema@.protection_history, pg_catalog.timestamptz)
RETURNS @extschema@.procedure_level
AS 'MODULE_PATHNAME', 'procedure_pending_level'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pending_level(@extschema@.protection_history, pg_catalog.timestamptz) IS
'the level at which the case awaits a decision at a time (first_instance or appeal), or NULL when it is not pending';
