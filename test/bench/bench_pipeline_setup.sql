-- test/bench/bench_pipeline_setup.sql: data for bench_pipeline.sh.
-- Run by bench_pipeline.sh with psql -v rows=N -v cases=M, after
-- bench_lib.sql; not a regression test.
--
-- Builds, deterministically (setseed, one backend):
--   bench_status(s protection_status)   :rows decisions-table statuses
--   bench_enum(s bench_status_enum)     the same rows, in the same order, as
--                                       a PostgreSQL enum with the same 19
--                                       labels in the same order
--   bench_events(case_id int4, status protection_status, at timestamptz)
--                                       :cases cases of 5 events each, as an
--                                       event log: in time order, cases
--                                       interleaved
--   bench_events_bycase                 the same events clustered by case
--                                       (case_id, at), as a case-management
--                                       export or a CLUSTERed table would be

\set ON_ERROR_STOP on
SET max_parallel_workers_per_gather = 0;	-- one backend: setseed is then deterministic
SET jit = off;
SET client_min_messages = warning;
SET TimeZone = 'UTC';

DROP TABLE IF EXISTS bench_status_weight, bench_status_pool, bench_status_rows, bench_status, bench_enum,
	bench_path, bench_path_pool, bench_cases, bench_events, bench_events_bycase;
DROP TYPE IF EXISTS bench_status_enum;

-- The enum: the labels of protection_status, in its order.
DO $$
BEGIN
	EXECUTE (SELECT format('CREATE TYPE bench_status_enum AS ENUM (%s)',
		string_agg(quote_literal(status::text), ', ' ORDER BY status)) FROM protection_statuses());
END $$;

-- 1. Statuses of a national asylum system's case table at a given date: most
-- cases pending (claim lodged, admitted, interviewed) or closed without a
-- decision (abandoned, withdrawn), 30% substantive decisions, in percent.
CREATE TABLE bench_status_weight (s protection_status PRIMARY KEY, w float8 NOT NULL);
INSERT INTO bench_status_weight VALUES
	('encountered', 3), ('screening', 2), ('claim_lodged', 20), ('admitted', 16),
	('interviewed', 6), ('inadmissible', 1.5),
	('recognized_refugee', 8), ('recognized_cartagena', 3.5), ('complementary_protection', 3),
	('rejected', 12.5), ('under_appeal', 3), ('rejected_final', 3),
	('withdrawn', 2), ('abandoned', 12), ('regularized', 1.5), ('resettled', 0.3),
	('voluntary_return', 0.7), ('deported', 1.5), ('expelled', 0.5);
DO $$
BEGIN
	IF (SELECT count(*) FROM bench_status_weight) <> 19 OR (SELECT sum(w) FROM bench_status_weight) <> 100 THEN
		RAISE EXCEPTION 'bench_status_weight: % states, % %%', (SELECT count(*) FROM bench_status_weight),
			(SELECT sum(w) FROM bench_status_weight);
	END IF;
END $$;

-- a pool of 1000 slots per percent point that a uniform random index picks from
CREATE TABLE bench_status_pool (i int PRIMARY KEY, s protection_status NOT NULL, e bench_status_enum NOT NULL);
INSERT INTO bench_status_pool
SELECT i, x.s, x.s::text::bench_status_enum
FROM (SELECT s, sum(c) OVER (ORDER BY s) - c AS lo, sum(c) OVER (ORDER BY s) AS hi
      FROM (SELECT s, round(w * 1000)::int AS c FROM bench_status_weight) c) x
JOIN generate_series(0, 99999) i ON i >= x.lo AND i < x.hi;

SELECT setseed(0.2021);
CREATE TABLE bench_status_rows AS
	SELECT g AS id, floor(random() * 100000)::int AS slot FROM generate_series(1, :rows) g;

-- One table per variant, the same rows in the same order; both 1 + 24-byte
-- header (protection_status) and 4 + 24 (the enum, an OID) MAXALIGN to 32,
-- so both tables have the same number of pages.
CREATE TABLE bench_status (s protection_status NOT NULL);
CREATE TABLE bench_enum (s bench_status_enum NOT NULL);
INSERT INTO bench_status SELECT p.s FROM bench_status_rows r JOIN bench_status_pool p ON p.i = r.slot ORDER BY r.id;
INSERT INTO bench_enum SELECT p.e FROM bench_status_rows r JOIN bench_status_pool p ON p.i = r.slot ORDER BY r.id;
DROP TABLE bench_status_rows;

-- 2. Case timelines: :cases cases of 5 events each, along 13 paths that
-- the transition table allows, weighted.
CREATE TABLE bench_path (id int PRIMARY KEY, w int NOT NULL, steps protection_status[] NOT NULL);
INSERT INTO bench_path VALUES
	(1, 12, '{encountered,claim_lodged,admitted,interviewed,recognized_refugee}'),
	(2, 14, '{encountered,claim_lodged,admitted,interviewed,rejected}'),
	(3, 10, '{claim_lodged,admitted,interviewed,rejected,under_appeal}'),
	(4, 16, '{encountered,screening,claim_lodged,admitted,abandoned}'),
	(5, 6, '{encountered,claim_lodged,admitted,interviewed,recognized_cartagena}'),
	(6, 3, '{claim_lodged,admitted,interviewed,complementary_protection,resettled}'),
	(7, 10, '{encountered,claim_lodged,admitted,interviewed,abandoned}'),
	(8, 4, '{claim_lodged,inadmissible,under_appeal,withdrawn,claim_lodged}'),
	(9, 6, '{claim_lodged,admitted,interviewed,rejected,rejected_final}'),
	(10, 4, '{encountered,screening,claim_lodged,withdrawn,voluntary_return}'),
	(11, 8, '{claim_lodged,admitted,abandoned,claim_lodged,admitted}'),
	(12, 3, '{claim_lodged,admitted,interviewed,rejected,regularized}'),
	(13, 4, '{claim_lodged,admitted,interviewed,recognized_refugee,resettled}');
DO $$
BEGIN
	IF (SELECT sum(w) FROM bench_path) <> 100 OR
	   EXISTS (SELECT FROM bench_path, generate_series(1, 4) k WHERE NOT can_transition(steps[k], steps[k + 1])) THEN
		RAISE EXCEPTION 'bench_path: weights do not sum to 100, or a step the transition table refuses';
	END IF;
END $$;
CREATE TABLE bench_path_pool (i int PRIMARY KEY, path int NOT NULL);
INSERT INTO bench_path_pool
SELECT i, x.id
FROM (SELECT id, sum(w) OVER (ORDER BY id) - w AS lo, sum(w) OVER (ORDER BY id) AS hi FROM bench_path) x
JOIN generate_series(0, 99) i ON i >= x.lo AND i < x.hi;

SELECT setseed(0.1984);
-- each case opens at a random instant of 2021-2023; its k-th event (k from 0)
-- falls k * 20 days after, plus up to 19 days: strictly in time order
CREATE TABLE bench_cases AS
	SELECT c AS case_id, floor(random() * 100)::int AS slot,
		timestamptz '2021-01-01 00:00+00' + random() * interval '1095 days' AS t0
	FROM generate_series(1, :cases) c;
CREATE TABLE bench_events (case_id int4 NOT NULL, status protection_status NOT NULL, at timestamptz NOT NULL);
INSERT INTO bench_events
SELECT case_id, status, at FROM (
	SELECT c.case_id, p.steps[k + 1] AS status,
		c.t0 + k * interval '20 days' + random() * interval '19 days' AS at
	FROM bench_cases c
	JOIN bench_path_pool pp ON pp.i = c.slot
	JOIN bench_path p ON p.id = pp.path
	CROSS JOIN generate_series(0, 4) k) e
ORDER BY at, case_id;
DROP TABLE bench_cases;
CREATE TABLE bench_events_bycase (LIKE bench_events);
INSERT INTO bench_events_bycase SELECT * FROM bench_events ORDER BY case_id, at;

VACUUM (FREEZE, ANALYZE) bench_status;
VACUUM (FREEZE, ANALYZE) bench_enum;
VACUUM (FREEZE, ANALYZE) bench_events;
VACUUM (FREEZE, ANALYZE) bench_events_bycase;
