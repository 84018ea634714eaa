-- Count tables: the weighted forms recognition_rate(status, n),
-- total_recognition_rate(status, n), decision_counts(status, n),
-- decision_tally(status, n), transit_profile(days, n).  Each row adds n;
-- n = 0 adds nothing; n < 0 is 22023; NULL status, day or count skips the
-- row; sums past int8 are 22003.  The weighted and unweighted forms keep
-- the same state, so their tallies merge; empty inputs, window frames and
-- parallel plans as for the unweighted forms.

-- UNHCR's way of publishing: one row per origin and outcome with a count.
-- HND: 300 recognized (250 + 50 Cartagena), 120 complementary, 580 rejected
-- (500 + 80 final), 40 otherwise closed, 7 pending (not a decision)
CREATE TEMP TABLE counted (origin nationality, month date, status protection_status, n bigint);
INSERT INTO counted VALUES
  ('HND', '2021-01-01', 'recognized_refugee', 250), ('HND', '2021-02-01', 'recognized_cartagena', 50),
  ('HND', '2021-01-01', 'complementary_protection', 120), ('HND', '2021-03-01', 'rejected', 500),
  ('HND', '2021-03-01', 'rejected_final', 80), ('HND', '2021-04-01', 'withdrawn', 30),
  ('HND', '2021-04-01', 'abandoned', 10), ('HND', '2021-04-01', 'claim_lodged', 7),
-- HTI: rows of zero, and only otherwise closed: no substantive decision
  ('HTI', '2021-01-01', 'recognized_refugee', 0), ('HTI', '2021-01-01', 'rejected', 0),
  ('HTI', '2021-02-01', 'inadmissible', 12),
-- CUB: 9 recognized, 3 rejected; rows with a NULL count or status are skipped
  ('CUB', '2021-01-01', 'recognized_refugee', 9), ('CUB', '2021-02-01', 'rejected', 3),
  ('CUB', '2021-03-01', 'rejected', NULL), ('CUB', '2021-03-01', NULL, 100);

-- HND by hand: recognition 300 / (300 + 120 + 580) = 0.3, total (300 + 120) / 1000 = 0.42
-- CUB: 9 / 12 = 0.75 both; HTI: NULL rates, 12 otherwise closed
SELECT origin, recognition_rate(status, n), total_recognition_rate(status, n), decision_counts(status, n),
       decision_tally(status, n)
FROM counted GROUP BY origin ORDER BY origin;
SELECT (decision_counts(status, n)).* FROM counted;
-- the formula written out over the same rows
SELECT origin,
       sum(n) FILTER (WHERE decision_outcome(status) = 'recognized')::float8 /
       nullif(sum(n) FILTER (WHERE decision_outcome(status) IN ('recognized', 'complementary', 'rejected')), 0) AS by_hand
FROM counted GROUP BY origin ORDER BY origin;

-- a count table is the same as its rows written out one decision a row
SELECT origin,
       recognition_rate(status, n) = (SELECT recognition_rate(c2.status) FROM counted c2, generate_series(1, c2.n)
                                      WHERE c2.origin = c.origin) AS same_rate,
       decision_tally(status, n)::text = (SELECT decision_tally(c2.status)::text FROM counted c2, generate_series(1, c2.n)
                                          WHERE c2.origin = c.origin) AS same_tally
FROM counted c GROUP BY origin ORDER BY origin;

-- n as int4 or a literal: an implicit cast to int8; numeric needs a cast
SELECT recognition_rate(status, n::int), recognition_rate(status, 1) = recognition_rate(status)
FROM counted WHERE n IS NOT NULL AND status IS NOT NULL;

-- empty input: NULL rates, zero counts; only zero counts likewise
SELECT recognition_rate(status, n), total_recognition_rate(status, n), decision_counts(status, n),
       decision_tally(status, n)
FROM counted WHERE false;
SELECT origin, recognition_rate(status, n) FROM counted WHERE false GROUP BY origin;
SELECT recognition_rate(status, n), decision_counts(status, n) FROM counted WHERE n = 0;

-- bad counts: negative is 22023 in every form; past int8 is 22003
SELECT agg, test.sqlstate(format('SELECT %s(s, n) FROM (VALUES (''rejected''::protection_status, 5::bigint), (''rejected'', -1)) v(s, n)', agg))
FROM unnest(ARRAY['recognition_rate', 'total_recognition_rate', 'decision_counts', 'decision_tally']) agg;
SELECT test.sqlstate($$SELECT decision_tally(s, n) FROM (VALUES ('rejected'::protection_status, 9223372036854775807), ('rejected_final', 1)) v(s, n)$$) AS past_int8,
       test.sqlstate($$SELECT decision_tally(s, n) FROM (VALUES ('rejected'::protection_status, 9223372036854775806), ('rejected_final', 1)) v(s, n)$$) AS at_int8;
-- a negative count of a status that is not a decision is refused too
SELECT test.sqlstate($$SELECT decision_tally('claim_lodged'::protection_status, -3)$$) AS negative_pending;
-- the message
SELECT recognition_rate(s, n) FROM (VALUES ('rejected'::protection_status, -4::bigint)) v(s, n);

-- the transition functions called directly
SELECT decision_tally_add('(recognized=1,complementary=0,rejected=0,otherwise_closed=0)', 'rejected', 41);
SELECT decision_tally_add('(recognized=1,complementary=0,rejected=0,otherwise_closed=0)', 'admitted', 41);
SELECT decision_tally_remove('(recognized=5,complementary=0,rejected=0,otherwise_closed=0)', 'recognized_cartagena', 5);
SELECT test.sqlstate($$SELECT decision_tally_remove('(recognized=5,complementary=0,rejected=0,otherwise_closed=0)', 'recognized_refugee', 6)$$) AS remove_more,
       test.sqlstate($$SELECT decision_tally_remove('(recognized=5,complementary=0,rejected=0,otherwise_closed=0)', 'recognized_refugee', -1)$$) AS remove_negative,
       test.sqlstate($$SELECT decision_tally_add('(recognized=9223372036854775807,complementary=0,rejected=0,otherwise_closed=0)', 'recognized_refugee', 1)$$) AS add_past_int8;

-- weighted and unweighted tallies merge: a count table for January, single
-- decisions for February, as two sources would send them
CREATE TEMP TABLE single (origin nationality, status protection_status);
INSERT INTO single VALUES ('HND', 'recognized_refugee'), ('HND', 'rejected'), ('HND', 'abandoned'), ('CUB', 'rejected');
SELECT origin, decision_tally(t), recognition_rate(decision_tally(t))
FROM (SELECT origin, decision_tally(status, n) AS t FROM counted WHERE month = '2021-01-01' GROUP BY origin
      UNION ALL SELECT origin, decision_tally(status) FROM single GROUP BY origin) u
GROUP BY origin ORDER BY origin;

-- window frames: a rolling weighted rate (moving aggregate with the inverse
-- transition) equals the rate recomputed per frame
SELECT month, status, n,
       recognition_rate(status, n) OVER w AS rolling,
       (SELECT recognition_rate(c2.status, c2.n) FROM counted c2
        WHERE c2.origin = 'HND' AND c2.month BETWEEN c.month - 31 AND c.month) AS recomputed,
       decision_counts(status, n) OVER w
FROM counted c WHERE origin = 'HND'
WINDOW w AS (ORDER BY month RANGE BETWEEN '31 days' PRECEDING AND CURRENT ROW)
ORDER BY month, status;
SELECT status, n, total_recognition_rate(status, n) OVER (ORDER BY month, status ROWS BETWEEN 1 PRECEDING AND CURRENT ROW),
       decision_tally(status, n) OVER (ORDER BY month, status ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
FROM counted WHERE origin = 'CUB' ORDER BY month, status;
-- a frame whose start moves on every row: the window runs the aggregates'
-- inverse transition (rows leave the state); each rate equals a fresh one
SELECT count(*) AS frames, count(*) FILTER (WHERE rolling IS NOT DISTINCT FROM recomputed) AS equal
FROM (SELECT recognition_rate(status, n) OVER (ORDER BY k ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) AS rolling,
             (SELECT recognition_rate(s2, n2) FROM (SELECT (ARRAY['recognized_refugee','rejected','complementary_protection','abandoned'])[1 + j % 4]::protection_status, (j * 37) % 11
                                                     FROM generate_series(greatest(1, k - 3), k) j) x(s2, n2)) AS recomputed
      FROM (SELECT k, (ARRAY['recognized_refugee','rejected','complementary_protection','abandoned'])[1 + k % 4]::protection_status AS status,
                   ((k * 37) % 11)::bigint AS n
            FROM generate_series(1, 200) k) r) f;

-- parallel: the same figures with and without workers, and forced
CREATE TABLE many_counts AS
  SELECT (ARRAY['HND','HTI','CUB','GTM','VEN'])[1 + i % 5]::nationality AS origin,
         (ARRAY['recognized_refugee','rejected','complementary_protection','abandoned','rejected_final',
                'claim_lodged','recognized_cartagena'])[1 + (i * 7919) % 7]::protection_status AS status,
         ((i::bigint * 104729) % 1000) AS n, (i * 31) % 800 AS days
  FROM generate_series(1, 50000) i;
ANALYZE many_counts;
CREATE TEMP TABLE serial_counts AS
  SELECT origin, recognition_rate(status, n) AS r, total_recognition_rate(status, n) AS tr,
         decision_counts(status, n) AS c, decision_tally(status, n) AS t, transit_profile(days, n) AS p
  FROM many_counts GROUP BY origin;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT origin, recognition_rate(status, n) FROM many_counts GROUP BY origin;
EXPLAIN (COSTS OFF) SELECT transit_profile(days, n) FROM many_counts;
SELECT count(*) AS groups,
       count(*) FILTER (WHERE s.r = p.r AND s.tr = p.tr AND s.c = p.c AND s.t::text = p.t::text AND s.p::text = p.p::text) AS equal
FROM serial_counts s JOIN (
  SELECT origin, recognition_rate(status, n) AS r, total_recognition_rate(status, n) AS tr,
         decision_counts(status, n) AS c, decision_tally(status, n) AS t, transit_profile(days, n) AS p
  FROM many_counts GROUP BY origin) p USING (origin);
SELECT recognition_rate(status, n) = (SELECT recognition_rate(decision_tally(t)) FROM serial_counts) AS equal_one_group,
       transit_profile(days, n)::text = (SELECT transit_profile(p)::text FROM serial_counts) AS equal_profile
FROM many_counts;
-- force_parallel_mode is named debug_parallel_query from PostgreSQL 16 on
SELECT CASE WHEN current_setting('server_version_num')::int < 160000 THEN 'force_parallel_mode'
            ELSE 'debug_parallel_query' END AS force_parallel \gset
SET :force_parallel = on;
SELECT count(*) FILTER (WHERE s.r = p.r AND s.c = p.c AND s.p::text = p.p::text) AS equal_forced
FROM serial_counts s JOIN (
  SELECT origin, recognition_rate(status, n) AS r, decision_counts(status, n) AS c, transit_profile(days, n) AS p
  FROM many_counts GROUP BY origin) p USING (origin);
SELECT recognition_rate(status, n), decision_counts(status, n), transit_profile(days, n) FROM many_counts WHERE false;
RESET :force_parallel; RESET parallel_setup_cost; RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size; RESET max_parallel_workers_per_gather;
DROP TABLE many_counts;

-- transit_profile(days, n): journeys counted by transit time
SELECT transit_profile(d, n) FROM (VALUES (3, 10::bigint), (5, 0), (3, 2), (900, 4), (NULL, 7), (8, NULL)) v(d, n);
SELECT transit_profile(d, n)::text = (SELECT transit_profile(d2) FROM (VALUES (3, 10), (3, 2), (900, 4)) v2(d2, n2),
                                      generate_series(1, n2))::text AS same_as_rows
FROM (VALUES (3, 10::bigint), (5, 0), (3, 2), (900, 4)) v(d, n);
-- empty input is NULL (as transit_profile(days)); only zero counts make an empty profile
SELECT transit_profile(d, n) IS NULL AS empty_is_null, (SELECT transit_profile(d, 0::bigint) FROM (VALUES (4)) z(d)) AS zeros
FROM (VALUES (3, 1::bigint)) v(d, n) WHERE false;
SELECT test.sqlstate($$SELECT transit_profile(d, n) FROM (VALUES (3, -1::bigint)) v(d, n)$$) AS negative_count,
       test.sqlstate($$SELECT transit_profile(d, n) FROM (VALUES (-3, 1::bigint)) v(d, n)$$) AS negative_days,
       test.sqlstate($$SELECT transit_profile(d, n) FROM (VALUES (3, 9223372036854775807), (800, 1)) v(d, n)$$) AS past_int8,
       test.sqlstate($$SELECT observations(transit_profile(d, n)) FROM (VALUES (3, 9223372036854775806), (800, 1)) v(d, n)$$) AS at_int8;
SELECT transit_profile(d, n) FROM (VALUES (3, -2::bigint)) v(d, n);
-- weighted and unweighted profiles merge
SELECT transit_profile(p) FROM (SELECT transit_profile(d, n) FROM (VALUES (3, 10::bigint)) v(d, n)
                                UNION ALL SELECT transit_profile(d) FROM (VALUES (3), (4)) w(d)) u(p);
