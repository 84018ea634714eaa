-- The period table (period_flows) and the backlog's age (days_pending) on
-- hand-counted timelines.
SET TimeZone = 'UTC';
CREATE TABLE test.period_cases (id text, persons int, h protection_history);
INSERT INTO test.period_cases VALUES
('A', 3, '{claim_lodged@2021-01-04T00:00:00Z, admitted@2021-01-10T00:00:00Z, rejected@2021-03-01T00:00:00Z, under_appeal@2021-03-10T00:00:00Z, rejected_final@2021-06-01T00:00:00Z}'),
('B', 1, '{claim_lodged@2021-01-05T00:00:00Z, admitted@2021-01-08T00:00:00Z, interviewed@2021-02-01T00:00:00Z, recognized_refugee@2021-04-01T00:00:00Z}'),
('C', 2, '{claim_lodged@2021-02-01T00:00:00Z, rejected@2021-04-01T00:00:00Z, rejected_final@2021-05-01T00:00:00Z}'),
('D', 4, '{claim_lodged@2021-01-04T00:00:00Z, inadmissible@2021-01-20T00:00:00Z, under_appeal@2021-01-25T00:00:00Z, admitted@2021-02-15T00:00:00Z, interviewed@2021-03-01T00:00:00Z, complementary_protection@2021-04-01T00:00:00Z, under_appeal@2021-04-10T00:00:00Z, recognized_refugee@2021-07-01T00:00:00Z}'),
('E', 1, '{claim_lodged@2021-01-04T00:00:00Z, abandoned@2021-02-01T00:00:00Z, claim_lodged@2021-03-01T00:00:00Z, withdrawn@2021-03-15T00:00:00Z}'),
-- F began before the data: its first event is admitted
('F', 2, '{admitted@2021-02-10T00:00:00Z, rejected@2021-03-20T00:00:00Z}'),
-- G is not a valid timeline: encountered, then recognized
('G', 1, '{encountered@2021-01-02T00:00:00Z, recognized_refugee@2021-02-20T00:00:00Z}');

-- By hand, for (2021-02-01, 2021-05-01]: pending at the start A (admitted),
-- B (interviewed at 00:00 on 1 Feb, not after the start), C (lodged then),
-- D (under appeal), F (began before the data): 5.  Claims lodged: E's second
-- (1).  Other entries: A's and D's appeals (2).  First-instance decisions:
-- recognized B and G (2), complementary D (1), rejected A, C, F (3),
-- otherwise closed E (1); C's rejected_final straight after rejected is no
-- second decision.  Pending at the end: A and D (2).  Identity gap 2 - (5 + 1
-- - 7) = 3: the two appeals and G; unexplained 2 - (5 + 1 + 2 - 7) = 1: G.
-- Then (2021-05-01, 2021-08-01]: A and D decided on appeal, nothing pending.
SELECT p::date AS period_start, (period_flows(h, p, p + interval '3 months')).*
FROM test.period_cases, (VALUES (timestamptz '2021-02-01'), ('2021-05-01')) v(p)
GROUP BY p ORDER BY p;
-- the same in persons: 3 + 1 + 2 + 4 + 2 = 12 pending at the start
SELECT (period_flows(h, '2021-02-01', '2021-05-01', persons)).* FROM test.period_cases;
-- the stocks agree with is_pending(), and the series chains: each closing is the next opening
SELECT count(*) FILTER (WHERE is_pending(h, '2021-05-01')) AS pending_may1 FROM test.period_cases;
SELECT p::date, (f).opening, (f).closing, lead((f).opening) OVER (ORDER BY p) AS next_opening
FROM (SELECT p, period_flows(h, p, p + interval '1 month') AS f
      FROM test.period_cases, generate_series(timestamptz '2021-01-01', '2021-07-01', '1 month') p GROUP BY p) s
ORDER BY p;

-- empty input: a row of zeros; errors: a period ending before it starts,
-- cases and persons mixed, a missing persons count
SELECT (period_flows(h, '2021-02-01', '2021-05-01')).* FROM test.period_cases WHERE false;
SELECT test.sqlstate($$SELECT period_flows(h, '2021-05-01', '2021-02-01') FROM test.period_cases$$) AS reversed,
	test.sqlstate($$SELECT period_flows(h, '2021-02-01', '2021-05-01', NULL::int) FROM test.period_cases$$) AS no_persons,
	test.sqlstate($$SELECT period_flows(h, '2021-02-01', '2021-05-01', 0) FROM test.period_cases$$) AS zero_persons,
	test.sqlstate($$SELECT period_flows_add('{0,0,0,0,0,0,0,0,0,0,0,0,0}', h, '2021-02-01', '2021-05-01') FROM test.period_cases$$) AS outside_an_aggregate;

-- A parallel plan: partial counters combined
CREATE TABLE test.period_many AS SELECT i, h FROM test.period_cases, generate_series(1, 1000) i;
ANALYZE test.period_many;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT period_flows(h, '2021-02-01', '2021-05-01') FROM test.period_many;
SELECT (period_flows(h, '2021-02-01', '2021-05-01')).* FROM test.period_many;
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- The backlog's age at 2021-03-05, by level (calendar days since the claim):
-- B 59 (lodged 5 Jan), C 32, D 60, E 4 (its second claim), F 23 (since its
-- first event, 10 Feb: it began before the data); A is not pending (rejected
-- on 1 Mar).  At 2021-04-20, on appeal: A and D, 106 days since 4 Jan.
SELECT id, days_pending(h, '2021-03-05') AS mar5, days_pending(h, '2021-04-20') AS apr20 FROM test.period_cases ORDER BY id;
SELECT d::date, pending_level(h, d) AS level, transit_profile(days_pending(h, d)) AS age, median(transit_profile(days_pending(h, d)))
FROM test.period_cases, (VALUES (timestamptz '2021-03-05'), ('2021-04-20')) v(d)
WHERE is_pending(h, d) GROUP BY 1, 2 ORDER BY 1, 2;
DROP TABLE test.period_cases, test.period_many;
RESET TimeZone;
