-- test/bench/bench_forecast.sql: the forecasts' timings on the issue's size
-- (a 730-day series, a profile with all 731 days), medians of 7 runs after a
-- warm-up, beside 0.1's forecast_arrivals on the same inputs.  Run by hand
-- in a database with migrec 0.2, from the top of the tree:
--     psql -X -f test/bench/bench_forecast.sql
\set QUIET on
\i test/data/forecast_synthetic.sql
-- a profile on every day 0..730: the synthetic gamma plus one count a day
CREATE TEMP TABLE wide AS
SELECT transit_profile(d) AS p
FROM (SELECT b.days FROM synthetic, bins(profile) b, generate_series(1, b.n) WHERE b.days IS NOT NULL
      UNION ALL SELECT generate_series(0, 730)) s(d);
-- the synthetic series summed by calendar month (24 months)
CREATE TEMP TABLE synthetic_months AS
SELECT min(m)::date AS first_month, array_agg(coalesce(u.n, 0) ORDER BY m) AS upstream,
       array_agg(coalesce(a.n, 0) ORDER BY m) AS downstream
FROM generate_series((SELECT min(date_trunc('month', day)) FROM synthetic, days(departures)),
                     (SELECT max(date_trunc('month', day)) FROM synthetic, days(departures)), interval '1 month') m
LEFT JOIN (SELECT date_trunc('month', day) AS m, sum(n)::int8 AS n FROM synthetic, days(departures) GROUP BY 1) u USING (m)
LEFT JOIN (SELECT date_trunc('month', day) AS m, sum(n)::int8 AS n FROM synthetic, days(arrivals) GROUP BY 1) a USING (m);
CREATE FUNCTION pg_temp.median_ms(q text, runs int DEFAULT 7) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	ms float8[] := '{}';
BEGIN
	EXECUTE q;                                   -- warm-up
	FOR i IN 1 .. runs LOOP
		t0 := clock_timestamp();
		EXECUTE q;
		ms := ms || extract(epoch FROM clock_timestamp() - t0) * 1000;
	END LOOP;
	RETURN round((SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY m) FROM unnest(ms) m)::numeric, 1);
END $$;
\unset QUIET
SELECT 'bins of the wide profile' AS what, count(*) AS n FROM wide, bins(p);
SELECT what, pg_temp.median_ms(q) AS median_ms FROM (VALUES
 ('0.1 forecast_arrivals, horizon 60 (baseline)',
  $$SELECT count(*) FROM synthetic, wide, forecast_arrivals(departures, p, 60)$$),
 ('0.2 forecast_arrivals, horizon 60, continued 60 days, kappa from arrivals',
  $$SELECT count(*) FROM synthetic, wide, forecast_arrivals(departures, p, 60, 60, arrivals)$$),
 ('0.1 forecast_arrivals, horizon 730 (baseline)',
  $$SELECT count(*) FROM synthetic, wide, forecast_arrivals(departures, p, 730)$$),
 ('0.2 forecast_arrivals, horizon 730, continued 366 days',
  $$SELECT count(*) FROM synthetic, wide, forecast_arrivals(departures, p, 730, 366, arrivals)$$),
 ('forecast_backtest, 365 origins, horizon 28',
  $$SELECT count(*) FROM synthetic, wide, forecast_backtest(departures, arrivals, p, 28, '2022-12-10', '2023-12-09')$$),
 ('forecast_backtest, 365 origins, horizon 60',
  $$SELECT count(*) FROM synthetic, wide, forecast_backtest(departures, arrivals, p, 60, '2022-12-10', '2023-12-09')$$),
 ('deconvolve_profile, max_days 120, 1000 iterations',
  $$SELECT * FROM synthetic, deconvolve_profile(departures, arrivals, 120)$$),
 ('deconvolve_profile, max_days 243 (a third of the series), 1000 iterations',
  $$SELECT * FROM synthetic, deconvolve_profile(departures, arrivals, 243)$$),
 ('deconvolve_profile, max_days 364 (half), 1000 iterations',
  $$SELECT * FROM synthetic, deconvolve_profile(departures, arrivals, 364)$$),
 ('deconvolve_bootstrap, max_days 120, 1000 iterations, 20 replicates (default)',
  $$SELECT * FROM synthetic, deconvolve_bootstrap(departures, arrivals, 120, 1000, 20)$$),
 ('deconvolve_bootstrap, max_days 120, 1000 iterations, 100 replicates',
  $$SELECT * FROM synthetic, deconvolve_bootstrap(departures, arrivals, 120, 1000, 100)$$),
 ('deconvolve_monthly, 24 months, max_days 120, no replicates',
  $$SELECT * FROM synthetic_months, deconvolve_monthly(upstream, downstream, first_month, 120)$$),
 ('deconvolve_monthly, 24 months, max_days 120, 200 replicates',
  $$SELECT * FROM synthetic_months, deconvolve_monthly(upstream, downstream, first_month, 120, 200)$$),
 ('flow_alerts, 730 days', $$SELECT count(*) FROM synthetic, flow_alerts(departures)$$),
 ('transit_profile * transit_profile, 731 x 731 bins', $$SELECT p * p FROM wide$$)
) AS v(what, q);
