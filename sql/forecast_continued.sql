-- 0.2's forecasts: forecast_arrivals continued past the data with calibrated
-- intervals, forecast_backtest, arrival_dispersion, chains of profiles,
-- flow_stock, flow_alerts, deconvolve_profile.  Hand computations, and
-- synthetic over-dispersed series with known parameters
-- (test/data/forecast_synthetic.sql, from tools/gen_forecast_synthetic.py).

-- 0.1's three-argument call is 0.1's function, results unchanged; with
-- continue_days => 0 and no arrivals, the new one gives the same numbers
SELECT count(*) AS overloads FROM pg_proc WHERE proname = 'forecast_arrivals';
SELECT o.day, o.expected = n.expected AND o.low = n.low AND o.high = n.high AS same, n.seen, n.unseen
FROM forecast_arrivals('2021-01-01 {10,0,20}', '{1:1, 2:1}', 3) o
JOIN forecast_arrivals('2021-01-01 {10,0,20}', '{1:1, 2:1}', 3, 0) n USING (day);

-- continued: a constant series is continued exactly (no error variance).
-- 100 a day for 8 weeks, half arrive after 1 day, half after 2: the day
-- after the data, 50 seen (day 56) + 50 unseen (day 57); the variance is
-- the thinning's alone, 100 x .25 from each of the two days.
SELECT day, expected, seen, unseen, round((high - expected)::numeric, 6) AS half_width,
       round((1.2815515655446004 * sqrt(50))::numeric, 6) AS by_hand
FROM forecast_arrivals(('2021-01-01 {' || repeat('100,', 55) || '100}')::flow_series, '{1:1, 2:1}', 4, 3)
WHERE day >= '2021-02-25';
-- the level: 95% is wider than 80%; share scales the expectation
SELECT f80.day, f95.high - f95.expected > f80.high - f80.expected AS wider,
       abs(half.expected - f80.expected / 2) < 1e-9 AS half_share
FROM forecast_arrivals(('2021-01-01 {' || repeat('100,', 55) || '100}')::flow_series, '{1:1, 2:1}', 2, 3) f80
JOIN forecast_arrivals(('2021-01-01 {' || repeat('100,', 55) || '100}')::flow_series, '{1:1, 2:1}', 2, 3, level => 0.95) f95 USING (day)
JOIN forecast_arrivals(('2021-01-01 {' || repeat('100,', 55) || '100}')::flow_series, '{1:1, 2:1}', 2, 3, share => 0.5) half USING (day)
WHERE day >= '2021-02-25';
-- NULL arguments other than arrivals: no rows
SELECT count(*) FROM forecast_arrivals(NULL, '{1:1}', 3, 3);
SELECT count(*) FROM forecast_arrivals('2021-01-01 {1}', '{1:1}', 3, 3, share => NULL);
-- bad arguments: 22023
SELECT test.sqlstate($$SELECT * FROM forecast_arrivals('2021-01-01 {1}', '{1:1}', 3, -1)$$) AS negative_continuation,
       test.sqlstate($$SELECT * FROM forecast_arrivals('2021-01-01 {1}', '{1:1}', 3, 367)$$) AS too_long,
       test.sqlstate($$SELECT * FROM forecast_arrivals('2021-01-01 {1}', '{1:1}', 3, 3)$$) AS too_few_days,
       test.sqlstate($$SELECT * FROM forecast_arrivals('2021-01-01 {1}', '{1:1}', 3, 0, share => 1.5)$$) AS share,
       test.sqlstate($$SELECT * FROM forecast_arrivals('2021-01-01 {1}', '{1:1}', 3, 0, level => 1)$$) AS level,
       test.sqlstate($$SELECT * FROM forecast_arrivals('2021-01-01 {1}', '{1:1}', -1, 0)$$) AS horizon;
SELECT * FROM forecast_arrivals('2021-01-01 {1,2,3}', '{1:1}', 3, 3);

-- the synthetic series: 730 days of departures in groups (E[G^2]/E[G] =
-- 3.1), negative binomial days, share 0.9, gamma transit (mean 28, sd 7)
\set ECHO none
\i test/data/forecast_synthetic.sql
\set ECHO all
SELECT total(departures) AS departed, total(arrivals) AS arrived, observations(profile) AS profile_weight,
       round(sum(b.n * b.days)::numeric / sum(b.n), 2) AS profile_mean_days
FROM synthetic, bins(profile) b GROUP BY departures, arrivals, profile;
-- kappa recovers the clumping factor (3.1) within 20%
SELECT arrival_dispersion(departures, arrivals, profile, 0.9) BETWEEN 2.5 AND 3.7 AS kappa_near_3_1
FROM synthetic;
SELECT arrival_dispersion('2021-01-01 {1}', '2021-01-01 {1}', '{1:1}') AS too_few_days;

-- the backtest over a year of origins (2023-01-01 .. 2023-12-04), 28 days
-- ahead: 80% intervals cover 75-85% of held-out days at every horizon
-- band; 0.1's (recorded departures only, independent arrivals) do not
CREATE TEMP TABLE bt AS
SELECT b.* FROM synthetic, forecast_backtest(departures, arrivals, profile, 28, '2023-01-01', '2023-12-04', share => 0.9) b;
SELECT count(*) AS rows, sum(days) FILTER (WHERE horizon IS NOT NULL) = max(days) FILTER (WHERE horizon IS NULL) AS pooled FROM bt;
SELECT CASE WHEN horizon IS NULL THEN 'all' ELSE ((horizon - 1) / 7 * 7 + 1) || '-' || ((horizon - 1) / 7 * 7 + 7) END AS horizons,
       round((sum(coverage * days) / sum(days))::numeric, 2) AS coverage,
       round((sum(coverage_01 * days) / sum(days))::numeric, 2) AS coverage_01,
       sum(coverage * days) / sum(days) BETWEEN 0.75 AND 0.85 AS calibrated,
       sum(coverage_01 * days) / sum(days) < 0.6 AS coverage_01_too_low,
       round((sum(mae * days) / sum(days))::numeric) AS mae, round((sum(mae_01 * days) / sum(days))::numeric) AS mae_01
FROM bt GROUP BY 1 ORDER BY 1;
-- a horizon's figures by hand: the same forecast made from the data before one origin
SELECT b.days, abs(b.mae - abs(f.expected - (SELECT n FROM synthetic, days(arrivals) WHERE day = '2023-06-01'))) < 1e-6 AS same_error
FROM synthetic,
     forecast_backtest(departures, arrivals, profile, 1, '2023-06-01', '2023-06-01', share => 0.9) b,
     forecast_arrivals((SELECT flow_series(day, n) FROM synthetic s2, days(s2.departures) WHERE day < '2023-06-01'),
                       profile, 1, 1,
                       (SELECT flow_series(day, n) FROM synthetic s3, days(s3.arrivals) WHERE day < '2023-06-01'),
                       share => 0.9) f
WHERE b.horizon = 1 AND f.day = '2023-06-01';
-- bad arguments
SELECT test.sqlstate($$SELECT * FROM synthetic, forecast_backtest(departures, arrivals, profile, 28, '2022-01-10', '2022-03-01')$$) AS too_early,
       test.sqlstate($$SELECT * FROM synthetic, forecast_backtest(departures, arrivals, profile, 28, '2023-06-01', '2024-06-01')$$) AS too_late,
       test.sqlstate($$SELECT * FROM synthetic, forecast_backtest(departures, arrivals, profile, 0, '2023-06-01', '2023-07-01')$$) AS horizon,
       test.sqlstate($$SELECT * FROM synthetic, forecast_backtest(departures, arrivals, profile, 7, 'infinity', 'infinity')$$) AS infinite;
SELECT * FROM synthetic, forecast_backtest(departures, arrivals, profile, 7, '2023-06-01', '2023-06-01') b WHERE false;
SELECT horizon, days, coverage FROM forecast_backtest(('2021-01-01 {' || repeat('100,', 55) || '100}')::flow_series,
                                                      '{}', '{1:1}', 2, '2021-02-01', '2021-02-02');

-- chains: profile * profile is the exact convolution of the counts
SELECT '{0:1, 2:1, >730:1}'::transit_profile * '{1:2}' AS by_hand_1_2_3_2_overflow_2;
SELECT p1 * p2 = p2 * p1 AS commutes, observations(p1 * p2) = observations(p1) * observations(p2) AS totals_multiply
FROM (VALUES ('{20:3, 28:5, 35:2}'::transit_profile, '{25:1, 30:4, >730:1}'::transit_profile)) v(p1, p2);
-- against the convolution in SQL
WITH a(d, n) AS (VALUES (20, 3), (28, 5), (35, 2)), b(d, n) AS (VALUES (25, 1), (30, 4), (700, 2))
SELECT (SELECT transit_profile(p) FROM (SELECT '{20:3, 28:5, 35:2}'::transit_profile * '{25:1, 30:4, 700:2}' AS p) s)::text
     = (SELECT '{' || string_agg(d || ':' || n, ', ' ORDER BY d) ||
               coalesce(', >730:' || (SELECT sum(a.n * b.n) FROM a, b WHERE a.d + b.d > 730), '') || '}'
        FROM (SELECT a.d + b.d AS d, sum(a.n * b.n) AS n FROM a, b WHERE a.d + b.d <= 730 GROUP BY 1) c) AS agrees;
SELECT '{}'::transit_profile * '{1:1}' AS empty, '{1:3037000499}'::transit_profile * '{1:3037000499}' AS near_max;
SELECT '{1:3037000500}'::transit_profile * '{1:3037000500}';
-- a two-hop forecast with a loss between hops: share 0.6 of the chained
-- profile is 0.6 of 0.1's forecast with it
SELECT count(*) AS days, count(*) FILTER (WHERE abs(c.expected - 0.6 * o.expected) < 1e-9) AS agree
FROM synthetic,
     forecast_arrivals(departures, profile * '{20:1, 30:2, 40:1}', 30, 0, share => 0.6) c
JOIN forecast_arrivals((SELECT departures FROM synthetic), (SELECT profile FROM synthetic) * '{20:1, 30:2, 40:1}', 30) o USING (day);

-- stock: opening + entries - exits, by hand
SELECT * FROM flow_stock(100, '2021-01-01 {10,0,20}', '2021-01-02 {5,5,5,5}');
SELECT * FROM flow_stock(0, '2021-01-01 {1}', '2021-01-03 {3}');
SELECT count(*) FROM flow_stock(5, '{}', '{}');
SELECT * FROM flow_stock(9223372036854775800, '2021-01-01 {1,9}', '{}');
SELECT test.sqlstate($$SELECT * FROM flow_stock(9223372036854775800, '2021-01-01 {1,9}', '{}')$$);
-- the concept note's 2,261 in transit read as opening stock, against synthetic entries and exits
SELECT max(stock) FILTER (WHERE day = '2021-01-07') AS week_end
FROM flow_stock(2261, '2021-01-01 {400,380,420,410,390,405,395}', '2021-01-01 {350,360,400,390,380,420,410}');

-- alerts: EARS C2 by hand (baseline days t-9..t-3: mean 400, sd 13.2288 for day 10)
SELECT day, observed, round(expected::numeric, 4) AS expected, round(score::numeric, 4) AS c2, method
FROM flow_alerts('2021-01-01 {400,380,420,410,390,405,395,430,415,560,640,700}');
-- a doubling of the synthetic entries for a week from 2023-08-24 is flagged;
-- on the series without it, false alarms stay near the nominal 1% of days
SELECT count(*) FILTER (WHERE day BETWEEN '2023-08-24' AND '2023-08-30') >= 2 AS surge_flagged,
       min(day) FILTER (WHERE day BETWEEN '2023-08-24' AND '2023-08-30') <= '2023-08-26' AS within_3_days
FROM synthetic, flow_alerts(surged);
SELECT count(*) BETWEEN 1 AND 15 AS false_alarms_near_1_percent FROM synthetic, flow_alerts(departures);
SELECT count(*) FROM synthetic, flow_alerts(departures, 0.0001);
SELECT count(*) FROM flow_alerts('{}');
SELECT count(*) FROM flow_alerts(('2021-01-01 {' || repeat('100,', 55) || '100}')::flow_series);
SELECT test.sqlstate($$SELECT * FROM flow_alerts('2021-01-01 {1}', 0.51)$$) AS alpha_past_half,
       test.sqlstate($$SELECT * FROM flow_alerts('2021-01-01 {1}', 'NaN')$$) AS alpha_nan;

-- deconvolution: the share, mean and median transit time of the synthetic
-- series from the two aggregate series alone, and the profile's shape
-- within total variation 0.35 of the true one (docs/forecast.md)
SELECT abs(d.share - 0.9) < 0.03 AS share_within_003, abs(d.mean_days - 28) < 2 AS mean_within_2_days,
       abs(d.median_days - median(s.profile)) <= 3 AS median_within_3_days, d.background < 5 AS small_background,
       round(d.share::numeric, 2) AS share, round(d.mean_days::numeric) AS mean_days,
       (SELECT sum(abs(coalesce(e.n, 0) / 1e6 - coalesce(t.n, 0) / observations(s.profile)::numeric)) / 2
        FROM bins(d.profile) e FULL JOIN bins(s.profile) t USING (days)) < 0.35 AS shape_within_tv_035
FROM synthetic s, deconvolve_profile(s.departures, s.arrivals) d;
-- a known profile from noiseless series: arrivals = 0.5 x departures 3
-- days later + 7 a day; the departures surge (which is what identifies the
-- background apart from the share: docs/forecast.md)
SELECT abs(share - 0.5) < 0.01 AS share_half, abs(background - 7) < 1 AS background_7, median_days,
       (SELECT n FROM bins(profile) WHERE days = 3) > 950000 AS mostly_day_3
FROM deconvolve_profile((SELECT flow_series(date '2021-01-01' + k, 2 * (20 + (k * 37) % 45 + round(400 * exp(-(((k - 100) / 20.0) ^ 2)))::int))
                         FROM generate_series(0, 199) k),
                        (SELECT flow_series(date '2021-01-04' + k, 7 + 20 + (k * 37) % 45 + round(400 * exp(-(((k - 100) / 20.0) ^ 2)))::int)
                         FROM generate_series(0, 196) k),
                        10, 2000);
SELECT test.sqlstate($$SELECT * FROM deconvolve_profile('2021-01-01 {1,2,3}', '2021-01-01 {1,2,3}', 120)$$) AS too_short,
       test.sqlstate($$SELECT * FROM deconvolve_profile('2021-01-01 {1,2,3}', '2021-01-01 {1,2,3}', 731)$$) AS max_days,
       test.sqlstate($$SELECT * FROM deconvolve_profile('2021-01-01 {1,2,3}', '2021-01-01 {1,2,3}', 1, 0)$$) AS iterations,
       test.sqlstate($$SELECT * FROM deconvolve_profile('2021-01-01 {0,0,0,0}', '2021-01-01 {1,2,3,4}', 1)$$) AS no_departures;

-- bootstrap intervals (seeded): the true share 0.9 and mean 28 inside the
-- 90% intervals, the estimate inside its interval; the same seed, the same
-- numbers; another seed, other replicates
SELECT b.share_low <= 0.9 AND 0.9 <= b.share_high AS share_covered,
       b.mean_low <= 28 AND 28 <= b.mean_high AS mean_covered,
       b.share_low <= b.share AND b.share <= b.share_high AS share_inside,
       b.median_low <= b.median_days AND b.median_days <= b.median_high AS median_inside,
       b.share_high - b.share_low < 0.1 AS share_width_below_01,
       b.share = d.share AND b.mean_days = d.mean_days AS same_fit_as_deconvolve_profile
FROM synthetic s, deconvolve_profile(s.departures, s.arrivals, 120, 1000) d,
     deconvolve_bootstrap(s.departures, s.arrivals, 120, 1000, 20) b;
SELECT b1 = b2 AS same_seed_same_result, b1 <> b3 AS other_seed_other_result
FROM synthetic s,
     deconvolve_bootstrap(s.departures, s.arrivals, 60, 200, 10, 0.8, 7) b1,
     deconvolve_bootstrap(s.departures, s.arrivals, 60, 200, 10, 0.8, 7) b2,
     deconvolve_bootstrap(s.departures, s.arrivals, 60, 200, 10, 0.8, 8) b3;
SELECT test.sqlstate($$SELECT * FROM deconvolve_bootstrap('2021-01-01 {1,2,3}', '2021-01-01 {1,2,3}', 1, 10, 0)$$) AS no_replicates,
       test.sqlstate($$SELECT * FROM deconvolve_bootstrap('2021-01-01 {1,2,3}', '2021-01-01 {1,2,3}', 1, 10, 10001)$$) AS many_replicates,
       test.sqlstate($$SELECT * FROM deconvolve_bootstrap('2021-01-01 {1,2,3}', '2021-01-01 {1,2,3}', 1, 10, 5, 1)$$) AS level_1,
       test.sqlstate($$SELECT * FROM deconvolve_bootstrap('2021-01-01 {1,2,3}', '2021-01-01 {1,2,3}', 120)$$) AS too_short;

-- monthly totals only: the synthetic series summed by calendar month give
-- back the share (within 0.05) and the mean transit (within 3 days)
CREATE TEMP TABLE synthetic_months AS
SELECT (SELECT min(date_trunc('month', day))::date FROM synthetic, days(departures)) AS first_month,
       array_agg(coalesce(u.n, 0) ORDER BY m) AS upstream, array_agg(coalesce(a.n, 0) ORDER BY m) AS downstream
FROM generate_series((SELECT min(date_trunc('month', day)) FROM synthetic, days(departures)),
                     (SELECT max(date_trunc('month', day)) FROM synthetic, days(departures)), interval '1 month') m
LEFT JOIN (SELECT date_trunc('month', day) AS m, sum(n)::int8 AS n FROM synthetic, days(departures) GROUP BY 1) u USING (m)
LEFT JOIN (SELECT date_trunc('month', day) AS m, sum(n)::int8 AS n FROM synthetic, days(arrivals) GROUP BY 1) a USING (m);
SELECT cardinality(upstream) AS months, abs(d.share - 0.9) < 0.05 AS share_within_005,
       abs(d.mean_days - 28) < 3 AS mean_within_3_days,
       d.share_low <= d.share AND d.share <= d.share_high AS share_inside,
       round(d.share::numeric, 1) AS share,
       d.months_used = cardinality(upstream) - 4 AS months_after_the_first_120_days
FROM synthetic_months, deconvolve_monthly(upstream, downstream, first_month, 120, 20) d;
-- by hand: half of each month's departures arrive the next month, no
-- background: share 0.5, about a month in transit (each month spread evenly
-- over its days, so the mean lands within a few days of 30)
SELECT round(share::numeric, 2) AS share, abs(mean_days - 30) < 4 AS about_a_month,
       background < 1 AS no_background, months_used, first_month_used
FROM deconvolve_monthly(array[100, 300, 200, 800, 400, 1000, 300, 600, 500, 900, 200, 700]::int8[],
                        array[0, 50, 150, 100, 400, 200, 500, 150, 300, 250, 450, 100]::int8[],
                        '2021-01-01', 60);
SELECT test.sqlstate($$SELECT * FROM deconvolve_monthly('{1,2,3,4,5,6,7,8}', '{1,2,3,4,5,6,7,8}', '2021-01-02')$$) AS not_first_of_month,
       test.sqlstate($$SELECT * FROM deconvolve_monthly('{1,2,NULL}', '{1,2,3}', '2021-01-01')$$) AS null_month,
       test.sqlstate($$SELECT * FROM deconvolve_monthly('{1,2,-3}', '{1,2,3}', '2021-01-01')$$) AS negative,
       test.sqlstate($$SELECT * FROM deconvolve_monthly('{{1,2},{3,4}}', '{1,2,3}', '2021-01-01')$$) AS two_dimensions,
       test.sqlstate($$SELECT * FROM deconvolve_monthly('{1,2,3,4,5,6,7,8}', '{1,2,3,4,5,6,7,8}', '2021-01-01', 120)$$) AS too_few_months,
       test.sqlstate($$SELECT * FROM deconvolve_monthly('{1,2,3}', '{1,2,3}', 'infinity')$$) AS infinite,
       test.sqlstate($$SELECT * FROM deconvolve_monthly('{1,2,3}', '{1,2,3}', '2021-01-01', 0)$$) AS max_days_0,
       test.sqlstate($$SELECT * FROM deconvolve_monthly(array_fill(1::int8, array[1201]), '{1,2,3}', '2021-01-01')$$) AS too_long;

-- people in transit: present_at and stays, by hand.  Journey 1: Darién (PA-5)
-- on Aug 8, leaves it Aug 10, Paso Canoas (PA PCS) Aug 12, leaves Panama
-- Aug 13: in Panama Aug 8..13.  Journey 2: the same with the arrival in the
-- Darién and the departure from Paso Canoas unknown: known inside
-- Aug 10..12 only through its legs' other dates, open before and after.
-- Journey 3: ends in the Darién (its last stop: the arrival day only).
-- Journey 4: starts in the Darién, returns to Panama later.
CREATE TEMP TABLE trips (id int, r route);
INSERT INTO trips VALUES
 (1, '{CO NCI -> PA-5 [2021-08-01,2021-08-08], PA-5 -> PA PCS [2021-08-10,2021-08-12], PA PCS -> CR PBS [2021-08-13,2021-08-15]}'),
 (2, '{CO NCI -> PA-5 [2021-08-01,], PA-5 -> PA PCS [2021-08-10,2021-08-12], PA PCS -> CR PBS [,2021-08-15]}'),
 (3, '{CO NCI -> PA-5 [2021-08-01,2021-08-08]}'),
 (4, '{PA-5 -> CR PBS [2021-08-10,2021-08-12], CR PBS -> PA PCS [2021-08-14,2021-08-16]}');
SELECT id, string_agg(CASE present_at(r, 'PA', d) WHEN true THEN 'Y' WHEN false THEN '.' ELSE '?' END, '' ORDER BY d) AS "Jul 31 .. Aug 17"
FROM trips, generate_series(date '2021-07-31', '2021-08-17', '1 day') g, LATERAL (SELECT g::date AS d) x
GROUP BY id ORDER BY id;
SELECT id, s.* FROM trips, stays(r, 'PA') s ORDER BY id, entered;
SELECT id, present_at(r, 'PA-5', '2021-08-09') AS in_darien_aug_9, present_at(r, 'CR', '2021-08-14') AS in_costa_rica_aug_14
FROM trips ORDER BY id;
SELECT count(*) FROM stays('{}', 'PA');
SELECT present_at('{}', 'PA', '2021-08-09'), present_at((SELECT r FROM trips WHERE id = 1), 'PA', 'infinity');
-- stock by place and day from the stays: entries on the day a stay
-- begins, exits the day after it ends; on Aug 10, journeys 1 and 4 are in
-- Panama (journey 2 unknown, 3 left the records)
SELECT day, stock
FROM flow_stock(0, (SELECT flow_series(entered, 1) FROM trips, stays(r, 'PA') WHERE entered IS NOT NULL AND left_on IS NOT NULL),
                (SELECT flow_series(left_on + 1, 1) FROM trips, stays(r, 'PA') WHERE entered IS NOT NULL AND left_on IS NOT NULL))
WHERE day BETWEEN '2021-08-08' AND '2021-08-17';
SELECT d, count(*) FILTER (WHERE present_at(r, 'PA', d)) AS present
FROM trips, (VALUES (date '2021-08-10'), ('2021-08-14'), ('2021-08-16')) v(d) GROUP BY d ORDER BY d;
