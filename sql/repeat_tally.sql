-- repeat_tally: unique individuals, repeat encounters and encounters per
-- individual from one row per individual (the exact two-step form), equal
-- to plain SQL; merging disjoint sets, and why overlapping ones do not
-- add up; window frames, parallel plans, text and binary forms, errors.

-- 4,000 encounters of up to 1,500 people over two fiscal years, a few people
-- encountered many times, deterministic
CREATE TEMP TABLE encounters AS
SELECT i AS id, ((i * 7919) % 4000)::bigint * ((i * 7919) % 4000) / 10667 AS person,
       date '2020-10-01' + (i * 104729) % 730 AS on_date,
       (ARRAY['us_t42_expulsion_usbp','us_t8_apprehension','us_t42_expulsion_usbp','us_t8_inadmissible'])[1 + i % 4]::encounter AS kind
FROM generate_series(1, 4000) i;

-- FY2021 and FY2022: unique individuals, repeat individuals, the rate, by plain SQL and by tally
SELECT us_fiscal_year(on_date) AS fy, count(DISTINCT person) AS individuals, count(*) AS encounters
FROM encounters GROUP BY 1 ORDER BY 1;
SELECT fy, count(*) AS individuals, count(*) FILTER (WHERE n > 1) AS repeat_individuals,
       round(count(*) FILTER (WHERE n > 1)::numeric / count(*), 6) AS rate
FROM (SELECT us_fiscal_year(on_date) AS fy, person, count(*) AS n FROM encounters GROUP BY 1, 2) p
GROUP BY fy ORDER BY fy;
SELECT fy, t, unique_individuals(t), repeat_individuals(t), encounter_count(t), round(repeat_rate(t)::numeric, 6) AS rate,
       round(mean_encounters(t)::numeric, 6) AS mean
FROM (SELECT fy, repeat_tally(n) AS t
      FROM (SELECT us_fiscal_year(on_date) AS fy, person, count(*) AS n FROM encounters GROUP BY 1, 2) p
      GROUP BY fy) x ORDER BY fy;
SELECT fy, round(repeat_rate(n)::numeric, 6) AS rate
FROM (SELECT us_fiscal_year(on_date) AS fy, person, count(*) AS n FROM encounters GROUP BY 1, 2) p
GROUP BY fy ORDER BY fy;
-- the distribution, equal to plain SQL
SELECT d.* FROM (SELECT repeat_tally(n) AS t FROM (SELECT person, count(*) AS n FROM encounters
                 WHERE us_fiscal_year(on_date) = 2021 GROUP BY person) p) x, repeat_distribution(x.t) d;
SELECT n AS encounters, count(*) AS individuals FROM (SELECT person, count(*) AS n FROM encounters
  WHERE us_fiscal_year(on_date) = 2021 GROUP BY person) p GROUP BY n ORDER BY n;
-- by encounter authority within a fiscal year
SELECT encounter_authority(kind) AS authority, unique_individuals(repeat_tally(n)), round(repeat_rate(repeat_tally(n))::numeric, 4)
FROM (SELECT kind, person, count(*) AS n FROM encounters WHERE on_date <@ us_fiscal_year_dates(2021) GROUP BY 1, 2) p
GROUP BY 1 ORDER BY 1;

-- merging: tallies of disjoint sets of people (partitions by the person key) add up exactly
CREATE TEMP TABLE by_shard AS
  SELECT person % 3 AS shard, repeat_tally(n) AS t
  FROM (SELECT person, count(*) AS n FROM encounters GROUP BY person) p GROUP BY 1;
SELECT repeat_tally(t)::text = (SELECT repeat_tally(n)::text FROM (SELECT person, count(*) AS n FROM encounters GROUP BY person) p)
       AS disjoint_merge_exact FROM by_shard;
-- tallies of sets that share people do not: months' unique individuals add up to more than the year's
SELECT unique_individuals(repeat_tally(t)) AS sum_of_months,
       (SELECT count(DISTINCT person) FROM encounters WHERE us_fiscal_year(on_date) = 2021) AS year
FROM (SELECT month, repeat_tally(n) AS t
      FROM (SELECT date_trunc('month', on_date) AS month, person, count(*) AS n
            FROM encounters WHERE us_fiscal_year(on_date) = 2021 GROUP BY 1, 2) p GROUP BY 1) x;
-- the exact two-step form across shards that split people: each shard sends (person, n), the coordinator groups again
CREATE TEMP TABLE shard_a AS SELECT * FROM encounters WHERE id % 2 = 0;
CREATE TEMP TABLE shard_b AS SELECT * FROM encounters WHERE id % 2 = 1;
SELECT unique_individuals(t), repeat_individuals(t), encounter_count(t),
       t::text = (SELECT repeat_tally(n)::text FROM (SELECT person, count(*) AS n FROM encounters GROUP BY person) p) AS exact
FROM (SELECT repeat_tally(n) AS t FROM (
        SELECT person, sum(n)::bigint AS n FROM (
          SELECT person, count(*) AS n FROM shard_a GROUP BY person
          UNION ALL SELECT person, count(*) FROM shard_b GROUP BY person) per_shard
        GROUP BY person) per_person) x;
-- (the shards' own tallies merged would count people seen on both shards twice)
SELECT unique_individuals(repeat_tally(t)) AS wrong_sum, (SELECT count(DISTINCT person) FROM encounters) AS right_count
FROM (SELECT repeat_tally(n) AS t FROM (SELECT person, count(*) AS n FROM shard_a GROUP BY person) a
      UNION ALL SELECT repeat_tally(n) FROM (SELECT person, count(*) AS n FROM shard_b GROUP BY person) b) x;

-- CBP's monthly re-encounter share is not a tally: encounters with an earlier encounter of
-- the same person in the 365 days before, a window over each person's encounters
SELECT date_trunc('month', on_date)::date AS month, count(*) AS encounters,
       round(avg(coalesce(on_date - prev <= 365, false)::int)::numeric, 4) AS reencounter_share
FROM (SELECT on_date, lag(on_date) OVER (PARTITION BY person ORDER BY on_date, id) AS prev FROM encounters) e
WHERE on_date >= '2021-07-01' AND on_date < '2021-10-01'
GROUP BY 1 ORDER BY 1;

-- empty input, NULLs, zero: an empty tally; NULL rows skipped; 0 (not encountered) adds nothing
SELECT repeat_tally(n), repeat_rate(n) FROM (SELECT person, count(*) AS n FROM encounters WHERE false GROUP BY person) p;
SELECT repeat_tally(n), unique_individuals(repeat_tally(n)) FROM (VALUES (NULL::bigint), (0), (3), (1)) v(n);
SELECT repeat_rate('(individuals={},encounters=0)'::repeat_tally) IS NULL AS no_rate,
       mean_encounters('(individuals={},encounters=0)') IS NULL AS no_mean;
SELECT repeat_tally(n) FROM generate_series(30, 35) n;

-- errors: negative encounters (22023), overflow (22003); removing what is not held
-- is refused too (22023), which the executor's window frames never ask (test/unit)
SELECT repeat_tally(n) FROM (VALUES (-1::bigint)) v(n);
SELECT q, test.sqlstate(q) FROM (VALUES
  ($$SELECT repeat_tally(n) FROM (VALUES (9223372036854775800::bigint), (100)) v(n)$$),
  ($$SELECT repeat_tally(t) FROM (VALUES ('(individuals={1:9223372036854775807},encounters=9223372036854775807)'::repeat_tally), ('(individuals={1:1},encounters=1)')) v(t)$$)) t(q);

-- merging aggregate, with NULLs on either side
SELECT repeat_tally(t) FROM (VALUES (NULL::repeat_tally), ('(individuals={1:2,3:1},encounters=5)'), ('(individuals={3:1},encounters=3)')) v(t);
SELECT repeat_tally(t) FROM by_shard WHERE false;
SELECT repeat_tally(t) FROM (VALUES (NULL::repeat_tally), (NULL)) v(t);
SELECT repeat_tally(t) FROM (VALUES (NULL::repeat_tally), ('(individuals={2:1},encounters=2)')) v(t);

-- window frames: a rolling tally by the inverse transition equals the tally recomputed per frame
CREATE TEMP TABLE per_person AS SELECT person, count(*) AS n FROM encounters GROUP BY person;
SELECT count(*) AS frames, count(*) FILTER (WHERE r::text = x::text) AS equal FROM (
  SELECT repeat_tally(n) OVER w AS r,
         (SELECT repeat_tally(n) FROM per_person p2 WHERE p2.person BETWEEN p.person - 50 AND p.person) AS x
  FROM per_person p WINDOW w AS (ORDER BY person RANGE BETWEEN 50 PRECEDING AND CURRENT ROW)) f;
SELECT count(*) AS frames, count(*) FILTER (WHERE r IS NOT DISTINCT FROM x) AS equal FROM (
  SELECT repeat_rate(n) OVER (ORDER BY person ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS r,
         (SELECT repeat_rate(n) FROM per_person p2 WHERE p2.person BETWEEN p.person - 9 AND p.person) AS x
  FROM per_person p) f;
SELECT count(*) AS frames, count(*) FILTER (WHERE r::text = x::text) AS equal FROM (
  SELECT repeat_tally(t) OVER (ORDER BY shard ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS r,
         (SELECT repeat_tally(t) FROM by_shard b2 WHERE b2.shard BETWEEN b.shard - 1 AND b.shard) AS x
  FROM by_shard b) f;

-- parallel: the first step (GROUP BY person) and the tally, with and without workers, and forced
CREATE TABLE many_encounters AS SELECT e.id + 4000 * g AS id, e.person + 1500 * (g % 7) AS person, e.on_date
  FROM encounters e, generate_series(0, 19) g;
ANALYZE many_encounters;
CREATE TEMP TABLE serial_t AS
  SELECT repeat_tally(n) AS t FROM (SELECT person, count(*) AS n FROM many_encounters GROUP BY person) p;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2; SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT repeat_tally(n) FROM (SELECT person, count(*) AS n FROM many_encounters GROUP BY person) p;
SELECT repeat_tally(n)::text = (SELECT t::text FROM serial_t) AS equal
FROM (SELECT person, count(*) AS n FROM many_encounters GROUP BY person) p;
RESET enable_sort;
CREATE TABLE many_per_person AS SELECT person, count(*) AS n FROM many_encounters GROUP BY person;
ANALYZE many_per_person;
EXPLAIN (COSTS OFF) SELECT repeat_tally(n) FROM many_per_person;
SELECT repeat_tally(n)::text = (SELECT t::text FROM serial_t) AS equal, repeat_rate(n) = (SELECT repeat_rate(t) FROM serial_t) AS same_rate
FROM many_per_person;
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000 THEN 'debug_parallel_query'
                       ELSE 'force_parallel_mode' END, 'on', false) AS forced;
SELECT repeat_tally(n)::text = (SELECT t::text FROM serial_t) AS equal_forced FROM many_per_person;
SELECT repeat_tally(n), repeat_rate(n) FROM many_per_person WHERE false;
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000 THEN 'debug_parallel_query'
                       ELSE 'force_parallel_mode' END, 'off', false) AS unforced;
RESET parallel_setup_cost; RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size; RESET max_parallel_workers_per_gather;
DROP TABLE many_encounters, many_per_person;

-- text form: bins in order, encounters agreeing with them; errors 22P02, 22003
SELECT ' ( individuals = { 1 : 3 , 2:0, 32+ : 1 } , encounters = 40 ) '::repeat_tally;
SELECT '(individuals={1:3,32+:1},encounters=34)'::repeat_tally;
SELECT v, test.sqlstate(format('SELECT %L::repeat_tally', v))
FROM (VALUES (''), ('()'), ('(individuals={},encounters=1)'), ('(individuals={1:1},encounters=2)'),
             ('(individuals={2:1,1:1},encounters=3)'), ('(individuals={32:1},encounters=32)'),
             ('(individuals={33:1},encounters=33)'), ('(individuals={1:-1},encounters=-1)'),
             ('(encounters=0,individuals={})'), ('(individuals={1:99999999999999999999},encounters=1)')) AS t(v);

-- binary form: 33 big-endian int8, checked like text (22P03)
CREATE TEMP TABLE tally_bin (t repeat_tally);
SELECT test.copy_binary('tally_bin', repeat_tally_send('(individuals={1:3,2:1,32+:1},encounters=45)')) AS valid;
SELECT t FROM tally_bin;
SELECT test.copy_binary('tally_bin', decode(repeat('00', 8 * 32) || '0000000000000001', 'hex')) AS encounters_without_people,
       test.copy_binary('tally_bin', decode('0000000000000001' || repeat('00', 8 * 31) || '0000000000000002', 'hex')) AS disagree,
       test.copy_binary('tally_bin', decode(repeat('ff', 8 * 33), 'hex')) AS negative,
       test.copy_binary('tally_bin', decode(repeat('00', 8 * 32), 'hex')) AS short;
