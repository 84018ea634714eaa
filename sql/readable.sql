-- readable: whatever a type accepts or an aggregate makes can be stored and
-- read back by every function on it.  Four ways 0.1 broke that, each tested
-- with its neighbours, not only the one case that showed it.

-- 1. A flow_series covers at most 100000 days, on every path: 54000.
-- The transition, when days land in the room the state keeps on both sides
-- (0.1 checked the span only when that room ran out):
SELECT test.sqlstate($$SELECT flow_series(d, 1) FROM unnest(ARRAY[0, 60000, -20031, 80032]) k,
                       LATERAL (SELECT date '2100-01-01' + k AS d) x$$);
-- ... and whatever order the days come in: 300 random sets of days spread
-- over up to 110000 days give a series of at most 100000 days or 54000,
-- and each series that comes out is read back whole.
SELECT setseed(0.42);
CREATE TEMP TABLE spans AS
  SELECT s, date '2050-01-01' + (random() * 110000 - 55000)::int AS day, (random() * 5)::bigint AS n
  FROM generate_series(1, 300) s, generate_series(1, 1 + (random() * 6)::int);
CREATE FUNCTION pg_temp.flow_outcome(set int) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	f flow_series;
	span int;
BEGIN
	SELECT flow_series(day, n) INTO f FROM spans WHERE s = set;
	SELECT count(*) INTO span FROM days(f);
	IF span > 100000 THEN
		RETURN 'too long: ' || span;
	END IF;
	IF f::text::flow_series::text <> f::text OR total(f) <> (SELECT sum(n) FROM spans WHERE s = set) THEN
		RETURN 'not read back';
	END IF;
	RETURN 'ok';
EXCEPTION WHEN others THEN
	RETURN SQLSTATE;
END $$;
SELECT pg_temp.flow_outcome(s) AS outcome, count(*) > 0 AS seen,
       bool_and((SELECT max(day) - min(day) + 1 FROM spans x WHERE x.s = y.s) > 100000)
         = (pg_temp.flow_outcome(s) = '54000') AS as_expected
FROM (SELECT DISTINCT s FROM spans) y GROUP BY 1 ORDER BY 1;
-- The combine function, where each part stays within the limit but not
-- the whole: partial aggregation per partition, then in parallel workers.
CREATE FUNCTION pg_temp.plan_shows(q text, node text) RETURNS bool LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		IF line ~ node THEN
			RETURN true;
		END IF;
	END LOOP;
	RETURN false;
END $$;
-- (each partition spans about 20000 days, both together 100064)
CREATE TABLE wide (part int, g int, day date, n bigint) PARTITION BY LIST (part);
CREATE TABLE wide_1 PARTITION OF wide FOR VALUES IN (1);
CREATE TABLE wide_2 PARTITION OF wide FOR VALUES IN (2);
INSERT INTO wide SELECT 1, 0, date '2100-01-01' - (i % 20032), 1 FROM generate_series(1, 20000) i;
INSERT INTO wide SELECT 2, 0, date '2100-01-01' + 60000 + (i % 20033), 1 FROM generate_series(1, 20000) i;
ANALYZE wide;
SET enable_partitionwise_aggregate = on;
SELECT pg_temp.plan_shows('SELECT g, flow_series(day, n) FROM wide GROUP BY g', 'Partial HashAggregate')
       AS partial_per_partition;
SELECT test.sqlstate('SELECT g, flow_series(day, n) FROM wide GROUP BY g');
-- within the limit, the partial states combine to the serial result
UPDATE wide SET day = day - 20000 WHERE part = 2;
SELECT flow_series(day, n)::text = (SELECT flow_series(day, n) FROM (SELECT * FROM wide OFFSET 0) w)::text AS same,
       total(flow_series(day, n))
FROM wide GROUP BY g;
RESET enable_partitionwise_aggregate;
CREATE TABLE wide_rows AS
  SELECT '2100-01-01'::date + CASE WHEN i % 2 = 0 THEN 0 ELSE 60000 END
         - CASE WHEN i > 20000 THEN 45000 ELSE 0 END AS day, 1::bigint AS n
  FROM generate_series(1, 40000) i;
ANALYZE wide_rows;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT pg_temp.plan_shows('SELECT flow_series(day, n) FROM wide_rows', 'Partial Aggregate')
       AS partial_in_workers;
-- 105001 days in all: whichever rows each worker reads, 54000
SELECT test.sqlstate('SELECT flow_series(day, n) FROM wide_rows');
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
DROP TABLE wide, wide_rows;
-- Text input: 100000 days are a series, 100001 are not.
SELECT test.sqlstate(format('SELECT %L::flow_series', '2021-01-01 {' || repeat('0,', 99999) || '7}')) AS days_100000,
       test.sqlstate(format('SELECT %L::flow_series', '2021-01-01 {' || repeat('0,', 100000) || '7}')) AS days_100001;

-- 2. quantile(), as percentile_disc, above 2^53 observations: the rank
-- q * N is a double there and may round past N; it is kept within 1 .. N.
SELECT n, q, quantile(format('{1:%s, 2:%s}', n - 1, 1)::transit_profile, q) AS two_bins,
       quantile(format('{1:%s}', n)::transit_profile, q) AS one_bin
FROM unnest(ARRAY[9007199254740991, 9007199254740992, 9007199254740993, 9007199254740995,
                  4611686018427387904, 9223372036854775807]::bigint[]) n,
     unnest(ARRAY[0, 1e-300, 0.5, 0.999999999, 1]::float8[]) q
ORDER BY n, q;
SELECT quantile('{1:9007199254740995}', 1) AS issue_case, median('{1:9223372036854775807}'),
       quantile('{3:9223372036854775806, >730:1}', 1) AS in_the_overflow;

-- 3. forecast_arrivals() gives the window it promises, from the first day
-- of the departures to horizon days after the last, whatever the profile's
-- bins, when the profile has observations; no rows when it has none.
SELECT p, count(f.*) AS days, coalesce(sum(f.expected), 0) AS expected
FROM unnest(ARRAY['{>730:1}', '{730:1}', '{0:1}', '{5:1, >730:3}', '{100:2}', '{}']::transit_profile[]) p
LEFT JOIN LATERAL forecast_arrivals('2021-01-01 {100,0,50}', p, 2) f ON true
GROUP BY p ORDER BY p::text;
SELECT * FROM forecast_arrivals('2021-01-01 {100}', '{>730:1}', 2);

-- 4. A transit_profile holds at most 9223372036854775807 observations in
-- all (observations() and the quantiles read that total): more is 22003 at
-- input, in the merge aggregate and combining, 22P03 in binary input.
SELECT v, test.sqlstate(format('SELECT observations(%L::transit_profile)', v))
FROM (VALUES ('{1:9223372036854775807}'), ('{1:9223372036854775806, 2:1}'), ('{>730:9223372036854775807}'),
             ('{1:9223372036854775807, 2:1}'), ('{1:9223372036854775807, >730:1}'),
             ('{0:4611686018427387904, 1:4611686018427387904}'),
             ('{0:4611686018427387904, 1:4611686018427387903}')) AS t(v);
SELECT '{1:9223372036854775807, 2:1}'::transit_profile;
-- whatever is accepted, every function reads
SELECT p, observations(p), median(p), quantile(p, 0.1), share_within(p, 1), (SELECT count(*) FROM bins(p)) AS bins
FROM unnest(ARRAY['{1:9223372036854775807}', '{1:9223372036854775806, 2:1}', '{>730:9223372036854775807}',
                  '{0:4611686018427387904, 1:4611686018427387903}']::transit_profile[]) p;
SELECT test.sqlstate($$SELECT transit_profile(p) FROM (VALUES ('{1:9223372036854775807}'::transit_profile),
                       ('{2:1}')) v(p)$$) AS merge,
       test.sqlstate($$SELECT transit_profile(p) FROM (VALUES ('{1:9223372036854775806}'::transit_profile),
                       ('{2:1}')) v(p)$$) AS merge_at_the_limit;
CREATE TEMP TABLE big_bin (p transit_profile);
-- {1:9223372036854775807, 2:1} in the send format: version, bins, overflow, counts
SELECT test.copy_binary('big_bin', '\x01'::bytea || int4send(3) || int8send(0) || int8send(0)
                        || int8send(9223372036854775807) || int8send(1)) AS recv;
-- the same for flow_series: its counts add up to what total() can return
SELECT v, test.sqlstate(format('SELECT total(%L::flow_series)', v))
FROM (VALUES ('2021-01-01 {9223372036854775807}'), ('2021-01-01 {9223372036854775806,1}'),
             ('2021-01-01 {9223372036854775807,1}'), ('2021-01-01 {1,9223372036854775807}')) AS t(v);
SELECT test.sqlstate($$SELECT flow_series(d, n) FROM (VALUES ('2021-01-01'::date, 9223372036854775807),
                       ('2021-01-03', 1)) v(d, n)$$) AS transition;
CREATE TEMP TABLE big_flow (f flow_series);
-- 2021-01-01 {9223372036854775807,1}: version, first day, days, counts
SELECT test.copy_binary('big_flow', '\x01'::bytea || int4send(date '2021-01-01' - date '2000-01-01')
                        || int4send(2) || int8send(9223372036854775807) || int8send(1)) AS recv;
