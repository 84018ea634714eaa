-- level_tally: decisions per level and unit over case histories, the
-- one-call rates, a moving window, parallel plans, merging, and the errors
-- for mixing levels or units.

CREATE TEMP TABLE cases (id text, nationality nationality, persons int, lodged date, h protection_history);
INSERT INTO cases VALUES
-- A (3 persons): rejected, appealed, rejected on appeal
('A', 'HND', 3, '2021-01-04', '{claim_lodged@2021-01-04T00:00:00Z, admitted@2021-01-10T00:00:00Z, rejected@2021-03-01T00:00:00Z, under_appeal@2021-03-10T00:00:00Z, rejected_final@2021-06-01T00:00:00Z}'),
-- B (1): recognized at first instance
('B', 'HND', 1, '2021-01-05', '{claim_lodged@2021-01-05T00:00:00Z, admitted@2021-01-08T00:00:00Z, interviewed@2021-02-01T00:00:00Z, recognized_refugee@2021-04-01T00:00:00Z}'),
-- C (2): rejected, final without appeal: one first-instance rejection
('C', 'HND', 2, '2021-02-01', '{claim_lodged@2021-02-01T00:00:00Z, rejected@2021-04-01T00:00:00Z, rejected_final@2021-05-01T00:00:00Z}'),
-- D (4): inadmissible, admitted on appeal, complementary protection,
--        appealed, recognized on appeal
('D', 'HTI', 4, '2021-01-04', '{claim_lodged@2021-01-04T00:00:00Z, inadmissible@2021-01-20T00:00:00Z, under_appeal@2021-01-25T00:00:00Z, admitted@2021-02-15T00:00:00Z, interviewed@2021-03-01T00:00:00Z, complementary_protection@2021-04-01T00:00:00Z, under_appeal@2021-04-10T00:00:00Z, recognized_refugee@2021-07-01T00:00:00Z}'),
-- E (1): abandoned, a new claim, withdrawn
('E', 'CUB', 1, '2021-01-04', '{claim_lodged@2021-01-04T00:00:00Z, abandoned@2021-02-01T00:00:00Z, claim_lodged@2021-03-01T00:00:00Z, withdrawn@2021-03-15T00:00:00Z}'),
-- F (2): recognized (Cartagena) at first instance
('F', 'CUB', 2, '2021-01-10', '{claim_lodged@2021-01-10T00:00:00Z, recognized_cartagena@2021-05-01T00:00:00Z}'),
-- G: no history (NULL): ignored
('G', 'CUB', 1, '2021-01-11', NULL);

-- First-instance and appeal rates per nationality, one call each.  By hand:
-- HND first instance 1 recognized, 2 rejected (cases) = 1/3; persons 1, 5 = 1/6;
-- HND appeal 1 rejected = 0; HTI first instance 1 complementary and 1
-- otherwise closed: recognition 0, total 1; HTI appeal 1 recognized = 1;
-- CUB first instance 1 recognized, 2 otherwise closed = 1; CUB appeal: none (NULL).
SELECT nationality,
	recognition_rate(h, 'first_instance') AS rrr_first_instance,
	recognition_rate(h, 'appeal') AS rrr_appeal,
	total_recognition_rate(h, 'first_instance') AS trr_first_instance,
	recognition_rate(level_tally(h, 'first_instance', persons)) AS rrr_first_instance_persons
FROM cases GROUP BY 1 ORDER BY 1;
SELECT nationality, level_tally(h, 'first_instance') AS cases, level_tally(h, 'appeal', persons) AS persons
FROM cases GROUP BY 1 ORDER BY 1;
SELECT tally_level(t), tally_unit(t), decision_counts(t)
FROM (SELECT level_tally(h, 'appeal', persons) AS t FROM cases) s;
-- the 0.1 per-event rate counts case A's two rejections and C's two as four
SELECT recognition_rate(e.status) AS per_event_all_levels,
	recognition_rate(c.h, 'first_instance') AS first_instance
FROM cases c LEFT JOIN LATERAL events(c.h) e ON true WHERE c.nationality = 'HND';
SELECT recognition_rate(h, 'first_instance') FROM cases WHERE nationality = 'HND';

-- A rolling rate per level over cases by lodging date (a moving frame:
-- each row adds one case and drops one, O(1) per row)
SELECT id, lodged, recognition_rate(h, 'first_instance') OVER w AS rrr_last_3,
	level_tally(h, 'first_instance') OVER w AS tally
FROM cases WHERE h IS NOT NULL
WINDOW w AS (ORDER BY lodged, id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) ORDER BY lodged, id;

-- Empty input: NULL; rows without a decision at the level: a zero tally
SELECT level_tally(h, 'appeal') IS NULL AS empty, recognition_rate(h, 'appeal') IS NULL AS empty_rate
FROM cases WHERE false;
SELECT level_tally(h, 'appeal') FROM cases WHERE id IN ('B', 'F');

-- Shards' tallies merged on a coordinator (the same as one tally)
SELECT level_tally(t), level_tally(t)::text = (SELECT level_tally(h, 'first_instance')::text FROM cases) AS merged_equals_whole
FROM (SELECT level_tally(h, 'first_instance') AS t FROM cases GROUP BY nationality) s;

-- Never mixed: another level or unit is 22023; so is a bad persons count
SELECT test.sqlstate($$SELECT level_tally(t) FROM (SELECT level_tally(h, 'first_instance') t FROM cases UNION ALL SELECT level_tally(h, 'appeal') FROM cases) s$$) AS levels,
	test.sqlstate($$SELECT level_tally(t) FROM (SELECT level_tally(h, 'first_instance') t FROM cases UNION ALL SELECT level_tally(h, 'first_instance', persons) FROM cases) s$$) AS units,
	test.sqlstate($$SELECT level_tally(h, CASE WHEN id < 'C' THEN 'first_instance' ELSE 'appeal' END::procedure_level) FROM cases$$) AS level_changes,
	test.sqlstate($$SELECT level_tally(h, 'appeal', 0) FROM cases$$) AS zero_persons,
	test.sqlstate($$SELECT level_tally(h, 'appeal', NULL::int) FROM cases$$) AS null_persons,
	test.sqlstate($$SELECT level_tally_merge('(level=appeal,unit=cases,recognized=9223372036854775807,complementary=0,rejected=0,otherwise_closed=0)', '(level=appeal,unit=cases,recognized=1,complementary=0,rejected=0,otherwise_closed=0)')$$) AS overflow;
\set VERBOSITY default
SELECT level_tally(t) FROM (SELECT level_tally(h, 'first_instance') t FROM cases UNION ALL SELECT level_tally(h, 'first_instance', persons) FROM cases) s;
\set VERBOSITY terse

-- Text input
SELECT '(level=appeal,unit=persons,recognized=1,complementary=2,rejected=3,otherwise_closed=4)'::level_tally;
SELECT test.sqlstate($$SELECT '(level=appeals,unit=cases,recognized=1,complementary=2,rejected=3,otherwise_closed=4)'::level_tally$$) AS bad_level,
	test.sqlstate($$SELECT '(level=appeal,unit=cases,recognized=-1,complementary=2,rejected=3,otherwise_closed=4)'::level_tally$$) AS negative,
	test.sqlstate($$SELECT '(level=appeal,unit=cases,recognized=99999999999999999999,complementary=2,rejected=3,otherwise_closed=4)'::level_tally$$) AS too_big,
	test.sqlstate($$SELECT '(unit=cases,level=appeal,recognized=1,complementary=2,rejected=3,otherwise_closed=4)'::level_tally$$) AS order_matters;

-- A parallel plan: partial aggregates combined (a plain table: temporary
-- tables are not scanned in parallel)
CREATE TABLE test.many AS SELECT i, h FROM cases, generate_series(1, 2000) i WHERE h IS NOT NULL;
ANALYZE test.many;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT level_tally(h, 'appeal') FROM test.many;
SELECT level_tally(h, 'first_instance'), level_tally(h, 'appeal'), recognition_rate(h, 'first_instance') FROM test.many;
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
DROP TABLE test.many;
