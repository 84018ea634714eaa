-- hostile: random, truncated and corrupted bytes fed to every type's binary
-- receive function.  Each input gets a value or an error with a proper
-- SQLSTATE, never an internal error or a crash; an accepted value sends back
-- exactly the bytes it came from (receive accepts only canonical values).
-- Table-driven: a new type is one row of `samples`.
CREATE EXTENSION IF NOT EXISTS migrec;
CREATE SCHEMA hostile;
CREATE FUNCTION hostile.recv_as(bytea, regtype) RETURNS text
  AS '$libdir/migrec_test_helpers', 'recv_as' LANGUAGE C STRICT;

-- the outcome of receiving bytes as a type: 'ok' or the SQLSTATE
CREATE FUNCTION hostile.outcome(b bytea, t regtype) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	v text;
	again bytea;
BEGIN
	v := hostile.recv_as(b, t);
	-- an accepted value sends the same bytes back
	EXECUTE format('SELECT %s(%L::%s)', (SELECT typsend::regproc FROM pg_type WHERE oid = t), v, t) INTO again;
	IF again IS DISTINCT FROM b THEN
		RETURN 'not canonical';
	END IF;
	RETURN 'ok';
EXCEPTION WHEN others THEN
	RETURN SQLSTATE;
END $$;

-- one valid value of each type, in text
CREATE TABLE hostile.samples (t regtype, v text);
INSERT INTO hostile.samples VALUES
	('nationality', 'HND'), ('place', 'MX TAP'), ('protection_status', 'claim_lodged'),
	('decision_tally', '(recognized=3,complementary=1,rejected=4,otherwise_closed=2)'),
	('level_tally', '(level=appeal,unit=persons,recognized=3,complementary=1,rejected=4,otherwise_closed=2)'),
	('protection_history', '{claim_lodged@2021-06-03T09:00:00Z, admitted@2021-06-20T00:00:00Z, rejected@2021-09-01T00:00:00Z}'),
	('route_segment', 'CO NCI -> PA-5 [2021-08-01,2021-08-09]'),
	('route', '{CO NCI -> PA-5 [2021-08-01,2021-08-09], PA-5 -> CR PBS [2021-08-10,]}'),
	('transit_profile', '{3:1, 27:5, 30:2, >730:1}'),
	('flow_series', '2021-06-01 {400,0,12}'),
	('age_band', 'unhcr:12-17'), ('age_scheme', 'upm'), ('sex', 'X'), ('accompaniment', 'with_relative'), ('encounter', 'us_t42_expulsion_ofo'),
	('demography', 'child {F/0-17/with_parent: 2, M/18+/alone: 7, UNK/unknown/unknown: 1}'),
	('repeat_tally', '(individuals={1:5,2:3,32+:1},encounters=45)'),
	('person_key', '58093f772429e431'),
	-- clk('\x000102030405060708090a0b0c0d0e0f', 'García López', 'José María', '1990-02-01', 'M', 'HND')
	('clk', 'AQBXEyf8wAEILkAgWAEANQgEnFACiYEgFCZhCQIQABYAAICQSiEwCOxhAVINKAEMiAEAQIMBABFgAgKEShI4ERwYJRCwAwAAhAQgIhwAClicxoIJAgBAIUAyQAFAAACSAAJABKkGdAQBUIFkAABAAoIgASBCEAAGoEASH4gCCMAAWABIhCg=');
CREATE FUNCTION hostile.send_text(v text, t regtype) RETURNS bytea LANGUAGE plpgsql AS $$
DECLARE b bytea;
BEGIN
	EXECUTE format('SELECT %s(%L::%s)', (SELECT typsend::regproc FROM pg_type WHERE oid = t), v, t) INTO b;
	RETURN b;
END $$;
CREATE TABLE hostile.valid AS SELECT t, hostile.send_text(v, t) AS b FROM hostile.samples;

-- every valid value is accepted as it is
SELECT t, hostile.outcome(b, t) FROM hostile.valid ORDER BY t::text;

-- every truncation of a valid value, and each with a byte appended
SELECT t, o, count(*)
FROM hostile.valid,
     LATERAL (SELECT hostile.outcome(substring(b FROM 1 FOR n), t) AS o FROM generate_series(0, length(b) - 1) n
              UNION ALL SELECT hostile.outcome(b || '\x00'::bytea, t)) x
GROUP BY 1, 2 ORDER BY t::text COLLATE "C", 2;

-- every single-bit flip of a valid value: a value or a clean error
SELECT t, o, count(*)
FROM hostile.valid,
     LATERAL (SELECT hostile.outcome(set_bit(b, k, 1 - get_bit(b, k)), t) AS o
              FROM generate_series(0, 8 * length(b) - 1) k) x
GROUP BY 1, 2 ORDER BY t::text COLLATE "C", 2;

-- random bytes, 400 strings of 1 to 49 bytes per type, and random bytes
-- after a valid prefix (version byte and count) for the varlena types.  The
-- bytes come from md5 of a counter, not from random(): they must be the same
-- on every server version (random()'s generator changed in PostgreSQL 15).
CREATE TABLE hostile.random_bytes AS
	SELECT i, substring(decode(md5(i || '.0') || md5(i || '.1') || md5(i || '.2') || md5(i || '.3'), 'hex')
	                    FROM 1 FOR 1 + get_byte(decode(md5(i::text), 'hex'), 0) % 49) AS b
	FROM generate_series(1, 400) i;
INSERT INTO hostile.random_bytes SELECT 0, ''::bytea;
SELECT v.t, o, count(*)
FROM hostile.valid v, hostile.random_bytes r,
     LATERAL (SELECT hostile.outcome(r.b, v.t) AS o
              UNION ALL
              SELECT hostile.outcome(substring(v.b FROM 1 FOR 5) || r.b, v.t)) x
GROUP BY 1, 2 ORDER BY v.t::text COLLATE "C", 2;

-- the server is still serving, and no outcome was an internal error
SELECT 1 AS alive;
DROP SCHEMA hostile CASCADE;
