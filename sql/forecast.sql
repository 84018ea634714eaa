-- transit_profile, flow_series, forecast_arrivals, sdc_round, sdc_suppress.

-- profiles: built from transit times; quantiles as percentile_disc computes them
CREATE TEMP TABLE transits AS
  SELECT (ARRAY[25, 26, 27, 27, 28, 28, 28, 29, 30, 31, 33, 35, 40, 52, 60])[1 + i % 15] + (i % 4) AS days
  FROM generate_series(1, 1000) i
  UNION ALL SELECT NULL;
SELECT transit_profile(days) FROM transits;
SELECT q, quantile(p, q) AS ours,
       (SELECT percentile_disc(q) WITHIN GROUP (ORDER BY days) FROM transits) AS percentile_disc
FROM (SELECT transit_profile(days) AS p FROM transits) s,
     unnest(ARRAY[0, 0.001, 0.1, 0.25, 0.333, 0.5, 0.75, 0.9, 0.99, 0.999, 1]::float8[]) q;
SELECT observations(p), median(p), share_within(p, 30), share_within(p, 0), share_within(p, 1000),
       (SELECT count(*) FILTER (WHERE days <= 30)::float8 / count(days) FROM transits) AS by_hand
FROM (SELECT transit_profile(days) AS p FROM transits) s;
-- the whole range: quantiles against percentile_disc on random data
SELECT setseed(0.7);
CREATE TEMP TABLE random_transits AS SELECT (random() * random() * 900)::int AS days FROM generate_series(1, 20000);
SELECT count(*) AS quantiles,
       count(*) FILTER (WHERE quantile(p, q) IS NOT DISTINCT FROM
                        CASE WHEN d > 730 THEN NULL ELSE d END) AS agree
FROM (SELECT transit_profile(days) AS p FROM random_transits) s,
     generate_series(0, 100) k, LATERAL (SELECT k / 100.0::float8 AS q) qq,
     LATERAL (SELECT percentile_disc(qq.q) WITHIN GROUP (ORDER BY days) AS d FROM random_transits) pd;
-- the overflow: times past 730 days are counted, not placed
SELECT p, observations(p), quantile(p, 0.5), quantile(p, 0.9), share_within(p, 730), share_within(p, 731)
FROM (SELECT transit_profile(d) AS p FROM unnest(ARRAY[0, 730, 731, 5000, 2147483647]) d) s;
SELECT * FROM bins('{0:2, 3:1, >730:4}');
-- empty inputs: NULL, and NULL figures
SELECT transit_profile(days) IS NULL FROM transits WHERE false;
SELECT observations('{}'), median('{}'), quantile('{}', 0.5), share_within('{}', 10);
SELECT * FROM bins('{}');
-- errors
SELECT transit_profile(d) FROM unnest(ARRAY[3, -1]) d;
SELECT quantile('{1:1}', 1.01);
SELECT quantile('{1:1}', -0.01);
SELECT quantile('{1:1}', 'NaN');
SELECT share_within('{1:1}', -1);
SELECT v, test.sqlstate(format('SELECT %L::transit_profile', v))
FROM (VALUES (''), ('{'), ('{1}'), ('{1:}'), ('{2:1, 1:1}'), ('{1:1, 1:1}'), ('{731:1}'), ('{>730:1, 1:1}'),
             ('{>731:1}'), ('{-1:1}'), ('{1:-1}'), ('{1:99999999999999999999}'), ('{1:1} x'), ('{1:1,}')) AS t(v);
SELECT '{ 0:1 , 730:2 , >730:3 }'::transit_profile, '{1:0, 2:5}'::transit_profile, '{1:0}'::transit_profile;
-- merging profiles computed apart gives the profile of all the data
SELECT transit_profile(p) = (SELECT transit_profile(days) FROM transits)::text::transit_profile::text::transit_profile,
       transit_profile(p)::text = (SELECT transit_profile(days) FROM transits)::text
FROM (SELECT days % 3 AS part, transit_profile(days) AS p FROM transits GROUP BY 1) s;
SELECT transit_profile(p) FROM (VALUES (NULL::transit_profile), ('{}'), ('{5:1, >730:1}')) v(p);
SELECT transit_profile(p) FROM (VALUES ('{1:9223372036854775807}'::transit_profile), ('{1:1}')) v(p);
-- binary
CREATE TEMP TABLE profile_bin (p transit_profile);
SELECT v, test.copy_binary('profile_bin', v)
FROM (VALUES ('\x0100000002000000000000000000000000000000000000000000000003'::bytea),  -- {1:3}
             ('\x0100000000000000000000000a'),                                          -- {>730:10}
             ('\x0100000002000000000000000000000000000000030000000000000000'),          -- last bin 0
             ('\x01000002dc'),                                                            -- 732 bins
             ('\x010000000100000000000000000000000000000001ff'),                          -- trailing
             ('\x0100000001ffffffffffffffff0000000000000001'),                            -- negative overflow
             ('\x0200000000000000000000000a')) AS t(v);
SELECT * FROM profile_bin;

-- flow series: days without rows count zero, duplicate days add up
SELECT flow_series(day, n) FROM (VALUES ('2021-06-03'::date, 5::bigint), ('2021-06-01', 400), ('2021-06-03', 7),
                                        ('2021-06-02', 0), (NULL, 9), ('2021-06-05', NULL), ('2021-06-06', 12)) v(day, n);
SELECT * FROM days('2021-06-01 {400,0,12}');
SELECT total('2021-06-01 {400,0,12}'), total('{}');
SELECT flow_series(day, n) IS NULL FROM (VALUES ('2021-06-03'::date, 5::bigint)) v(day, n) WHERE false;
SELECT flow_series(d, 1) FROM unnest(ARRAY['2021-01-01', 'infinity']::date[]) d;
SELECT flow_series(d, -1) FROM unnest(ARRAY['2021-01-01']::date[]) d;
SELECT flow_series(d, 1) FROM unnest(ARRAY['1800-01-01', '2100-01-01']::date[]) d;
SELECT v, test.sqlstate(format('SELECT %L::flow_series', v))
FROM (VALUES (''), ('2021-06-01'), ('2021-06-01 {}'), ('2021-06-01 {1,}'), ('2021-06-01 {-1}'), ('2021-02-30 {1}'),
             ('infinity {1}'), ('{1,2}'), ('2021-06-01 {1} x'), ('5874897-12-31 {1,1}'), ('5874897-12-31 {1}')) AS t(v);
-- parallel: the same series and profiles with workers
CREATE TABLE crossings AS
  SELECT date '2021-01-01' + (i % 200) AS day, (i % 7)::bigint AS n, (i % 97) AS days FROM generate_series(1, 60000) i;
ANALYZE crossings;
CREATE TEMP TABLE serial_flow AS SELECT flow_series(day, n)::text AS f, transit_profile(days)::text AS p FROM crossings;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT flow_series(day, n), transit_profile(days) FROM crossings;
SELECT flow_series(day, n)::text = (SELECT f FROM serial_flow) AS flow_equal,
       transit_profile(days)::text = (SELECT p FROM serial_flow) AS profile_equal
FROM crossings;
-- force_parallel_mode is named debug_parallel_query from PostgreSQL 16 on
SELECT CASE WHEN current_setting('server_version_num')::int < 160000 THEN 'force_parallel_mode'
            ELSE 'debug_parallel_query' END AS force_parallel \gset
SET :force_parallel = on;
SELECT flow_series(day, n)::text = (SELECT f FROM serial_flow) AS flow_equal,
       transit_profile(days)::text = (SELECT p FROM serial_flow) AS profile_equal
FROM crossings;
RESET :force_parallel; RESET parallel_setup_cost; RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size; RESET max_parallel_workers_per_gather;
DROP TABLE crossings;

-- forecast: against a convolution computed by hand.  Departures 10, 0, 20
-- on Jan 1-3; half arrive after 1 day, half after 2.  Arrivals: Jan 2: 10 x .5;
-- Jan 3: 10 x .5 + 0 x .5; Jan 4: 0 x .5 + 20 x .5; Jan 5: 20 x .5.
-- Variance: each departure arrives that day with p = .5: n p (1 - p).
SELECT day, expected, round(low::numeric, 4) AS low, round(high::numeric, 4) AS high,
       round((expected - 1.2815515655446004 * sqrt(v))::numeric, 4) AS low_by_hand
FROM forecast_arrivals('2021-01-01 {10,0,20}', '{1:1, 2:1}', 3) f
JOIN (VALUES ('2021-01-01'::date, 0.0), ('2021-01-02', 2.5), ('2021-01-03', 2.5), ('2021-01-04', 5.0),
             ('2021-01-05', 5.0), ('2021-01-06', 0.0)) AS v(d, v) ON v.d = f.day;
-- transit times beyond the series and in the overflow
SELECT * FROM forecast_arrivals('2021-01-01 {100}', '{0:1, 3:2, >730:1}', 4);
-- the same convolution written in SQL, on a longer series
SELECT count(*) AS days, count(*) FILTER (WHERE abs(f.expected - coalesce(h.expected, 0)) < 1e-9) AS agree
FROM forecast_arrivals((SELECT flow_series(d, (50 + 40 * sin(k))::bigint) FROM generate_series(0, 59) k,
                        LATERAL (SELECT date '2021-06-01' + k AS d) x),
                       '{20:1, 25:3, 28:5, 30:4, 35:2, 60:1}', 60) f
LEFT JOIN (SELECT date '2021-06-01' + k + t AS day, sum((50 + 40 * sin(k))::bigint * w / 16.0) AS expected
           FROM generate_series(0, 59) k,
                (VALUES (20, 1), (25, 3), (28, 5), (30, 4), (35, 2), (60, 1)) AS p(t, w)
           GROUP BY 1) h ON h.day = f.day;
-- empty inputs give no rows; bad arguments 22023
SELECT count(*) FROM forecast_arrivals('{}', '{1:1}');
SELECT count(*) FROM forecast_arrivals('2021-01-01 {1}', '{}');
SELECT count(*) FROM forecast_arrivals('2021-01-01 {1}', '{1:1}', 0);
SELECT * FROM forecast_arrivals('2021-01-01 {1}', '{1:1}', -1);
SELECT test.sqlstate($$SELECT * FROM forecast_arrivals('2021-01-01 {1}', '{1:1}', 36501)$$);

-- disclosure control: rounding half up, and suppression, at their edges
SELECT n, sdc_round(n) AS eurostat_5, sdc_round(n, 10) AS dhs_10, sdc_round(n, 3) AS base_3,
       sdc_suppress(n) AS under_5, sdc_suppress(n, 3) AS under_3, sdc_suppress(n, 0) AS none
FROM unnest(ARRAY[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 24, 25, 1000003, -1, -2, -3]::bigint[]) n;
SELECT sdc_round(NULL) IS NULL, sdc_suppress(NULL) IS NULL;
SELECT sdc_round(1, 0);
SELECT sdc_round(1, -5);
SELECT sdc_suppress(1, -1);
SELECT sdc_round(9223372036854775807);
SELECT sdc_round(9223372036854775800, 10), sdc_round(-9223372036854775800, 10);
SELECT sdc_round(9223372036854775807, 10);
