-- recognition_rate, total_recognition_rate, decision_counts, decision_tally:
-- the UNHCR definitions on hand-checked counts, empty inputs, window frames,
-- parallel plans.

CREATE TEMP TABLE decisions (nationality nationality, decided date, status protection_status);
-- HND: 3 recognized (2 + 1 Cartagena), 1 complementary, 4 rejected (3 + 1 final),
--      2 otherwise closed, and statuses that are not decisions
INSERT INTO decisions VALUES
  ('HND', '2021-01-05', 'recognized_refugee'), ('HND', '2021-01-09', 'recognized_refugee'),
  ('HND', '2021-02-01', 'recognized_cartagena'), ('HND', '2021-02-03', 'complementary_protection'),
  ('HND', '2021-02-10', 'rejected'), ('HND', '2021-03-01', 'rejected'), ('HND', '2021-03-02', 'rejected'),
  ('HND', '2021-03-15', 'rejected_final'), ('HND', '2021-03-20', 'abandoned'), ('HND', '2021-04-01', 'withdrawn'),
  ('HND', '2021-04-02', 'claim_lodged'), ('HND', '2021-04-03', 'admitted'), ('HND', '2021-04-04', 'under_appeal'),
-- HTI: only otherwise closed and pending: no substantive decision
  ('HTI', '2021-01-10', 'abandoned'), ('HTI', '2021-01-11', 'inadmissible'), ('HTI', '2021-01-12', 'claim_lodged'),
-- CUB: 1 recognized, 1 rejected; a NULL status is ignored
  ('CUB', '2021-02-01', 'recognized_refugee'), ('CUB', '2021-02-02', 'rejected'), ('CUB', '2021-02-03', NULL);

-- HND: recognition 3/8 = 0.375, total (3+1)/8 = 0.5
SELECT nationality, recognition_rate(status), total_recognition_rate(status), decision_counts(status),
       decision_tally(status)
FROM decisions GROUP BY nationality ORDER BY nationality;
SELECT (decision_counts(status)).* FROM decisions;
SELECT recognition_rate(status), total_recognition_rate(status) FROM decisions;
-- the same figures with count(*) FILTER, as the definitions read
SELECT nationality,
       count(*) FILTER (WHERE decision_outcome(status) = 'recognized')::float8 /
       nullif(count(*) FILTER (WHERE decision_outcome(status) IN ('recognized', 'complementary', 'rejected')), 0) AS by_hand
FROM decisions GROUP BY nationality ORDER BY nationality;

-- empty input: NULL rates, zero counts
SELECT recognition_rate(status), total_recognition_rate(status), decision_counts(status), decision_tally(status)
FROM decisions WHERE false;
SELECT nationality, recognition_rate(status) FROM decisions WHERE false GROUP BY nationality;

-- tallies: computed apart (per shard, per month) and merged give the same rate
CREATE TEMP TABLE monthly AS
  SELECT date_trunc('month', decided) AS month, nationality, decision_tally(status) AS t
  FROM decisions GROUP BY 1, 2;
SELECT nationality, recognition_rate(decision_tally(t)), total_recognition_rate(decision_tally(t)),
       decision_counts(decision_tally(t))
FROM monthly GROUP BY nationality ORDER BY nationality;
SELECT decision_tally(t) FROM monthly;
SELECT decision_tally(t) FROM monthly WHERE false;
SELECT decision_tally(t) FROM (VALUES (NULL::decision_tally), ('(recognized=1,complementary=2,rejected=3,otherwise_closed=4)')) v(t);
SELECT decision_tally_merge(NULL, NULL) IS NULL, decision_tally_merge(NULL, '(recognized=1,complementary=0,rejected=0,otherwise_closed=0)');
SELECT decision_tally_add('(recognized=1,complementary=0,rejected=0,otherwise_closed=0)', 'rejected');
SELECT decision_tally_remove('(recognized=1,complementary=0,rejected=0,otherwise_closed=0)', 'recognized_refugee');
SELECT decision_tally_remove('(recognized=1,complementary=0,rejected=0,otherwise_closed=0)', 'rejected');

-- decision_tally text and binary forms
SELECT '( recognized = 1 , complementary=2,rejected=3, otherwise_closed=4 )'::decision_tally;
SELECT v, test.sqlstate(format('SELECT %L::decision_tally', v))
FROM (VALUES (''), ('()'), ('(1,2,3,4)'), ('(recognized=1,complementary=2,rejected=3)'),
             ('(recognized=-1,complementary=0,rejected=0,otherwise_closed=0)'),
             ('(recognized=1,complementary=0,rejected=0,otherwise_closed=0) x'),
             ('(complementary=1,recognized=0,rejected=0,otherwise_closed=0)'),
             ('(recognized=99999999999999999999,complementary=0,rejected=0,otherwise_closed=0)')) AS t(v);
SELECT decision_tally(t) FROM (VALUES ('(recognized=9223372036854775807,complementary=0,rejected=0,otherwise_closed=0)'::decision_tally),
                                      ('(recognized=1,complementary=0,rejected=0,otherwise_closed=0)')) v(t);
CREATE TEMP TABLE tally_bin (t decision_tally);
SELECT v, test.copy_binary('tally_bin', v)
FROM (VALUES ('\x0000000000000001000000000000000200000000000000030000000000000004'::bytea),
             ('\xffffffffffffffff000000000000000200000000000000030000000000000004'),
             ('\x00000000000000010000000000000002000000000000000300000000000000'),
             ('\x000000000000000100000000000000020000000000000003000000000000000400')) AS t(v);
SELECT * FROM tally_bin;

-- window frames: a rolling recognition rate (moving aggregate: the inverse
-- transition keeps each row O(1)) equals the rate recomputed per frame
SELECT decided, status,
       recognition_rate(status) OVER w AS rolling,
       (SELECT recognition_rate(d2.status) FROM decisions d2
        WHERE d2.nationality = 'HND' AND d2.decided BETWEEN d.decided - 30 AND d.decided) AS recomputed,
       decision_counts(status) OVER w
FROM decisions d WHERE nationality = 'HND'
WINDOW w AS (ORDER BY decided RANGE BETWEEN '30 days' PRECEDING AND CURRENT ROW)
ORDER BY decided;
SELECT decided, total_recognition_rate(status) OVER (ORDER BY decided ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)
FROM decisions WHERE nationality = 'HND' ORDER BY decided;

-- parallel: the same figures with and without workers, and forced
CREATE TABLE many_decisions AS
  SELECT (ARRAY['HND','HTI','CUB','GTM','VEN'])[1 + i % 5]::nationality AS nationality,
         (ARRAY['recognized_refugee','rejected','complementary_protection','abandoned','rejected_final',
                'claim_lodged','recognized_cartagena'])[1 + (i * 7919) % 7]::protection_status AS status
  FROM generate_series(1, 50000) i;
ANALYZE many_decisions;
CREATE TEMP TABLE serial_rates AS
  SELECT nationality, recognition_rate(status) AS r, total_recognition_rate(status) AS tr,
         decision_counts(status) AS c, decision_tally(status) AS t
  FROM many_decisions GROUP BY nationality;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT nationality, recognition_rate(status) FROM many_decisions GROUP BY nationality;
SELECT count(*) AS groups, count(*) FILTER (WHERE s.r = p.r AND s.tr = p.tr AND s.c = p.c AND s.t::text = p.t::text) AS equal
FROM serial_rates s JOIN (
  SELECT nationality, recognition_rate(status) AS r, total_recognition_rate(status) AS tr,
         decision_counts(status) AS c, decision_tally(status) AS t
  FROM many_decisions GROUP BY nationality) p USING (nationality);
EXPLAIN (COSTS OFF) SELECT recognition_rate(status) FROM many_decisions;
SELECT recognition_rate(status) = (SELECT recognition_rate(decision_tally(t)) FROM serial_rates) AS equal_one_group
FROM many_decisions;
-- force_parallel_mode is named debug_parallel_query from PostgreSQL 16 on
SELECT CASE WHEN current_setting('server_version_num')::int < 160000 THEN 'force_parallel_mode'
            ELSE 'debug_parallel_query' END AS force_parallel \gset
SET :force_parallel = on;
SELECT count(*) FILTER (WHERE s.r = p.r AND s.c = p.c) AS equal_forced
FROM serial_rates s JOIN (
  SELECT nationality, recognition_rate(status) AS r, decision_counts(status) AS c
  FROM many_decisions GROUP BY nationality) p USING (nationality);
SELECT recognition_rate(status), decision_counts(status) FROM many_decisions WHERE false;
RESET :force_parallel; RESET parallel_setup_cost; RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size; RESET max_parallel_workers_per_gather;
DROP TABLE many_decisions;
