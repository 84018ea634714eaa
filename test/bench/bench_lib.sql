-- test/bench/bench_lib.sql: the timing helpers every benchmark shares
-- (loaded by bench_lib.sh's bench_init, and by bench_sharding.sh on its
-- coordinator): a query's Execution Time with its plan's nodes, sort
-- methods and parallel workers launched, a rolled-back utility command's
-- wall time, whole plans on demand, medians and paired ratios.

\set ON_ERROR_STOP on
SET client_min_messages = warning;

DROP VIEW IF EXISTS bench_measure;
DROP TABLE IF EXISTS bench_timing, bench_size, bench_plan;

-- Run a query under EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) and return its
-- "Execution Time" with the plan's node names, sort methods and the number
-- of parallel workers launched.
CREATE OR REPLACE FUNCTION bench_explain(q text, OUT ms float8, OUT nodes text)
LANGUAGE plpgsql AS $$
DECLARE
	line text;
	m text[];
BEGIN
	nodes := '';
	FOR line IN EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ' || q LOOP
		m := regexp_match(line, 'Execution Time: ([0-9.]+) ms');
		IF m IS NOT NULL THEN
			ms := m[1]::float8;
		ELSIF line ~ '^\s*(Sort Method|Workers Launched):' AND line !~ '^\s*Worker [0-9]' THEN
			nodes := nodes || ' [' || btrim(line) || ']';
		ELSIF line !~ '^\s*(Planning|Sort Key|Group Key|Batches|Buckets|Memory|Disk|Worker|Heap Blocks|Recheck Cond|Index Cond|Filter|Rows Removed|Presorted Key|Full-sort Groups|Hash Cond|Buffers|Output|Relations|Remote SQL)' THEN
			nodes := nodes || CASE WHEN nodes = '' THEN '' ELSE ' > ' END
				|| btrim(regexp_replace(line, '\s*\(actual.*$', ''), ' ->');
		END IF;
	END LOOP;
	IF ms IS NULL THEN
		RAISE EXCEPTION 'no Execution Time in EXPLAIN output of %', q;
	END IF;
END
$$;

CREATE TABLE bench_timing (
	test text, variant text, run int, ms float8, nodes text,
	PRIMARY KEY (test, variant, run)
);
CREATE TABLE bench_size (test text, variant text, bytes int8, PRIMARY KEY (test, variant));
-- whole EXPLAIN (ANALYZE) texts kept for the report
CREATE TABLE bench_plan (test text, variant text, plan text, PRIMARY KEY (test, variant));

-- A timed query: one row in bench_timing (run 0 is the warm-up run).
CREATE OR REPLACE FUNCTION bench_time(t text, v text, r int, q text)
RETURNS void LANGUAGE sql AS $$
	INSERT INTO bench_timing SELECT t, v, r, e.ms, e.nodes FROM bench_explain(q) e;
$$;

-- A timed utility command (CREATE INDEX), rolled back afterwards: the
-- exception undoes the command, and the plpgsql variables keep their values.
CREATE OR REPLACE FUNCTION bench_time_ddl(t text, v text, r int, q text)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	elapsed float8;
BEGIN
	BEGIN
		t0 := clock_timestamp();
		EXECUTE q;
		elapsed := 1000 * extract(epoch FROM clock_timestamp() - t0);
		RAISE EXCEPTION 'bench rollback';
	EXCEPTION WHEN raise_exception THEN
		NULL;
	END;
	INSERT INTO bench_timing VALUES (t, v, r, elapsed, q);
END
$$;

-- The whole plan of a query, EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) and
-- any other options (BUFFERS ...), kept for the report.
CREATE OR REPLACE FUNCTION bench_keep_plan(t text, v text, q text, opts text DEFAULT '')
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	line text;
	p text := '';
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF' || coalesce(', ' || nullif(opts, ''), '') || ') ' || q LOOP
		p := p || line || E'\n';
	END LOOP;
	INSERT INTO bench_plan VALUES (t, v, p)
	ON CONFLICT (test, variant) DO UPDATE SET plan = excluded.plan;
END
$$;

-- Medians (run 0, the warm-up, left out) and sizes, side by side.
CREATE VIEW bench_measure AS
SELECT test, variant, 'ms' AS unit,
	percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS value,
	min(ms) AS lo, max(ms) AS hi, count(*) AS n
FROM bench_timing WHERE run > 0 GROUP BY test, variant
UNION ALL
SELECT test, variant, 'bytes', bytes, bytes, bytes, 1 FROM bench_size;

-- Median over the runs of the per-run ratio ours/baseline (the two variants
-- of a run ran one right after the other, so this cancels slow drifts).
CREATE OR REPLACE FUNCTION bench_paired_ratio(t1 text, v1 text, t2 text, v2 text)
RETURNS float8 LANGUAGE sql STABLE AS $$
	SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY a.ms / b.ms)
	FROM bench_timing a JOIN bench_timing b USING (run)
	WHERE run > 0 AND a.test = t1 AND a.variant = v1 AND b.test = t2 AND b.variant = v2;
$$;

-- Median over the runs of the per-run difference ours − baseline, in ms.
CREATE OR REPLACE FUNCTION bench_paired_diff(t1 text, v1 text, t2 text, v2 text)
RETURNS float8 LANGUAGE sql STABLE AS $$
	SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY a.ms - b.ms)
	FROM bench_timing a JOIN bench_timing b USING (run)
	WHERE run > 0 AND a.test = t1 AND a.variant = v1 AND b.test = t2 AND b.variant = v2;
$$;

-- The median of a test's variant, in ms (or its size in bytes).
CREATE OR REPLACE FUNCTION bench_ms(t text, v text)
RETURNS float8 LANGUAGE sql STABLE AS $$
	SELECT value FROM bench_measure WHERE test = t AND variant = v;
$$;
