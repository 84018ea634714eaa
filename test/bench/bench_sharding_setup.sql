-- test/bench/bench_sharding_setup.sql: data for bench_sharding.sh, run on
-- the coordinator with psql -v rows=N after bench_lib.sql (the timing
-- helpers every benchmark shares); not a regression test.
--
-- Builds, deterministically (setseed, one backend), :rows case events
--   events_local(case_id bigint, nationality nationality, office place,
--                status protection_status, at timestamptz, month date)
-- as an agency's event log (in time order, cases interleaved): claims along
-- the paths of the procedure (pending, abandoned, withdrawn, inadmissible,
-- decided at first instance, appealed), each nationality with its own
-- chance of recognition, plus encounters ending in deportation or return.
-- bench_sharding.sh copies the same rows to the shards.  Then (section 4)
-- what only this benchmark measures: the rows that crossed the wire
-- (Foreign Scan nodes).

\set ON_ERROR_STOP on
SET max_parallel_workers_per_gather = 0;	-- one backend: setseed is then deterministic
SET jit = off;
SET client_min_messages = warning;
SET TimeZone = 'UTC';
SET work_mem = '1GB';

DROP TABLE IF EXISTS bench_wire, bench_nat_weight, bench_nat_pool, bench_cases, events_local;

-- 1. Nationalities: the head of the distribution of claims in Mexico and of
-- transits through the Darién (percent), with each one's chance of
-- recognition at first instance and the Cartagena share of it; then a
-- Zipf-like tail over every other code of kind 'country' (recognition 0.4).
CREATE TABLE bench_nat_weight (n nationality PRIMARY KEY, w float8 NOT NULL,
	p_recognized float8 NOT NULL, p_cartagena float8 NOT NULL);
INSERT INTO bench_nat_weight VALUES
	('HND', 26, 0.72, 0.25), ('HTI', 13, 0.22, 0.05), ('CUB', 10, 0.45, 0.05),
	('VEN', 6, 0.93, 0.70), ('SLV', 6, 0.80, 0.30), ('GTM', 8, 0.55, 0.20),
	('NIC', 4, 0.75, 0.20), ('ECU', 3, 0.40, 0.10), ('COL', 2.5, 0.60, 0.10),
	('CHN', 1.5, 0.30, 0.00), ('IND', 1, 0.20, 0.00), ('MEX', 1, 0.10, 0.00),
	('PER', 0.8, 0.30, 0.05), ('BRA', 0.6, 0.15, 0.00), ('CHL', 0.5, 0.15, 0.00),
	('DOM', 0.5, 0.30, 0.00), ('AFG', 0.4, 0.85, 0.00), ('BGD', 0.4, 0.30, 0.00),
	('CMR', 0.3, 0.60, 0.00), ('AGO', 0.3, 0.50, 0.00), ('SEN', 0.3, 0.35, 0.00),
	('NPL', 0.3, 0.20, 0.00), ('GHA', 0.2, 0.40, 0.00), ('UZB', 0.2, 0.30, 0.00),
	('RUS', 0.2, 0.50, 0.00), ('TUR', 0.2, 0.40, 0.00), ('PAK', 0.2, 0.30, 0.00);
INSERT INTO bench_nat_weight
SELECT n, (100 - (SELECT sum(w) FROM bench_nat_weight)) * (1.0 / (r + 4)) / sum(1.0 / (r + 4)) OVER (), 0.4, 0.0
FROM (SELECT nationality AS n, row_number() OVER (ORDER BY md5(nationality::text)) AS r
      FROM nationalities()
      WHERE kind = 'country' AND nationality NOT IN (SELECT n FROM bench_nat_weight)) tail;

-- a pool of slots (1000 per percent point, every code at least one) that a
-- uniform random index picks from
CREATE TABLE bench_nat_pool (i int PRIMARY KEY, n nationality NOT NULL, p_recognized float8 NOT NULL, p_cartagena float8 NOT NULL);
INSERT INTO bench_nat_pool
SELECT i, s.n, s.p_recognized, s.p_cartagena
FROM (SELECT n, p_recognized, p_cartagena, sum(c) OVER (ORDER BY n) - c AS lo, sum(c) OVER (ORDER BY n) AS hi
      FROM (SELECT n, p_recognized, p_cartagena, greatest(1, round(w * 1000))::int AS c FROM bench_nat_weight) x) s
JOIN generate_series(0, 200000) i ON i >= s.lo AND i < s.hi;
ANALYZE bench_nat_pool;

-- 2. The cases: more than enough for :rows events (about 3.1 a case); each
-- opens at a random instant of 2021-2023.  random() in a select list runs
-- once per row, in order: one backend, one plan, the same numbers.
SELECT setseed(0.2023);
CREATE TABLE bench_cases AS
SELECT c AS case_id, floor(random() * (SELECT count(*) FROM bench_nat_pool))::int AS ni,
	random() AS u, random() AS r1, random() AS r2, random() AS r3, random() AS uo,
	timestamptz '2021-01-01 00:00+00' + random() * interval '1095 days' AS t0
FROM generate_series(1, (:rows / 2.6)::int) c;

-- 3. The events.  Paths (the transition table allows every step):
--   6% encounters (encountered, then deported / voluntary_return / expelled),
--   10% claims still pending (claim_lodged, maybe admitted), 16% abandoned,
--   3% withdrawn, 3% inadmissible, the other 62% decided at first instance
--   by the nationality's chances (recognitions half on the papers, half
--   after an interview); 40% of rejections appealed, half of those
--   recognized on appeal, the others rejected for good (40% of them then
--   deported).  About 30% of the events are decisions (decision_outcome).  The k-th event of a case (k from 0) falls k * 25 days
--   after it opens plus up to 20 days: in time order.  Kept: the first :rows
--   events by (case_id, k) (the last case may be cut short), written in time
--   order as an event log would be.
CREATE TABLE events_local (
	case_id bigint NOT NULL,
	nationality nationality NOT NULL,
	office place NOT NULL,
	status protection_status NOT NULL,
	at timestamptz NOT NULL,
	month date NOT NULL
);
WITH paths AS MATERIALIZED (
	SELECT c.case_id, p.n AS nationality,
		-- about 70% of claims are lodged in Chiapas (Tapachula)
		CASE WHEN c.uo < 0.70 THEN 'MX-CHP'
		     ELSE (ARRAY['MX-CMX','MX-TAB','MX-VER','MX-BCN','MX-NLE','MX-ROO','MX-JAL','MX-CHH'])[1 + floor((c.uo - 0.70) / 0.30 * 8)::int]
		END::place AS office,
		c.t0,
		CASE
		  WHEN c.u < 0.06 AND c.r1 < 0.6 THEN '{encountered,deported}'
		  WHEN c.u < 0.06 AND c.r1 < 0.9 THEN '{encountered,voluntary_return}'
		  WHEN c.u < 0.06 THEN '{encountered,expelled}'
		  WHEN c.u < 0.12 THEN '{claim_lodged}'
		  WHEN c.u < 0.16 THEN '{claim_lodged,admitted}'
		  WHEN c.u < 0.26 THEN '{claim_lodged,abandoned}'
		  WHEN c.u < 0.32 THEN '{claim_lodged,admitted,abandoned}'
		  WHEN c.u < 0.35 THEN '{claim_lodged,admitted,withdrawn}'
		  WHEN c.u < 0.38 THEN '{claim_lodged,inadmissible}'
		  -- recognized: half on the papers (prima facie), half after an interview
		  WHEN c.r1 < p.p_recognized * (1 - p.p_cartagena) AND c.r2 < 0.5 THEN '{claim_lodged,admitted,recognized_refugee}'
		  WHEN c.r1 < p.p_recognized * (1 - p.p_cartagena) THEN '{claim_lodged,admitted,interviewed,recognized_refugee}'
		  WHEN c.r1 < p.p_recognized AND c.r2 < 0.5 THEN '{claim_lodged,admitted,recognized_cartagena}'
		  WHEN c.r1 < p.p_recognized THEN '{claim_lodged,admitted,interviewed,recognized_cartagena}'
		  WHEN c.r1 < p.p_recognized + 0.05 THEN '{claim_lodged,admitted,interviewed,complementary_protection}'
		  WHEN c.r2 >= 0.4 THEN '{claim_lodged,admitted,interviewed,rejected}'
		  WHEN c.r3 < 0.5 THEN '{claim_lodged,admitted,interviewed,rejected,under_appeal,recognized_refugee}'
		  WHEN c.r3 < 0.7 THEN '{claim_lodged,admitted,interviewed,rejected,under_appeal,rejected_final,deported}'
		  ELSE '{claim_lodged,admitted,interviewed,rejected,under_appeal,rejected_final}'
		END::protection_status[] AS statuses
	FROM bench_cases c JOIN bench_nat_pool p ON p.i = c.ni
), ev AS MATERIALIZED (
	SELECT x.case_id, x.nationality, x.office, s.status,
		x.t0 + (s.k - 1) * interval '25 days' + random() * interval '20 days' AS at
	FROM paths x, unnest(x.statuses) WITH ORDINALITY AS s(status, k)
	ORDER BY x.case_id, s.k
	LIMIT :rows
)
INSERT INTO events_local
SELECT case_id, nationality, office, status, at, date_trunc('month', at)::date
FROM ev ORDER BY at, case_id;
DROP TABLE bench_cases;

DO $$
BEGIN
	IF EXISTS (SELECT FROM (SELECT case_id, status, lead(status) OVER (PARTITION BY case_id ORDER BY at) AS nxt
	                        FROM events_local WHERE case_id <= 20000) x
	           WHERE nxt IS NOT NULL AND NOT can_transition(status, nxt)) THEN
		RAISE EXCEPTION 'events_local: a step the transition table refuses';
	END IF;
END $$;

VACUUM (FREEZE, ANALYZE) events_local;

-- 4. The rows that crossed the wire: the actual rows (times loops) of every
-- Foreign Scan node of EXPLAIN (ANALYZE, VERBOSE), with the whole plan and
-- its Remote SQL lines.
CREATE TABLE bench_wire (test text, variant text, rows int8, scans int, remote_sql text[], plan text,
	PRIMARY KEY (test, variant));
CREATE OR REPLACE FUNCTION bench_count_wire(t text, v text, q text)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	line text;
	m text[];
	p text := '';
	moved int8 := 0;
	n int := 0;
	remote text[] := '{}';
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (ANALYZE, VERBOSE, COSTS OFF, TIMING OFF) ' || q LOOP
		p := p || line || E'\n';
		m := regexp_match(line, 'Foreign Scan[^(]*\(actual rows=([0-9]+) loops=([0-9]+)\)');
		IF m IS NOT NULL THEN
			moved := moved + m[1]::int8 * m[2]::int8;
			n := n + 1;
		END IF;
		m := regexp_match(line, '^\s*Remote SQL: (.*)$');
		IF m IS NOT NULL THEN
			remote := remote || m[1];
		END IF;
	END LOOP;
	INSERT INTO bench_wire VALUES (t, v, moved, n, remote, p)
	ON CONFLICT (test, variant) DO UPDATE SET rows = excluded.rows, scans = excluded.scans,
		remote_sql = excluded.remote_sql, plan = excluded.plan;
END
$$;
