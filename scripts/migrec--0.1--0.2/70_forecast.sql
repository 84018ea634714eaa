--------------------------------------------------------------------------
-- Forecasts that continue past the data, with calibrated intervals; their
-- backtest; the dispersion of arrivals; alerts; transit profiles from
-- aggregate series; stocks; chains of profiles.  docs/forecast.md states
-- the models and their sources.
--------------------------------------------------------------------------

-- forecast_arrivals, continued: a new overload (continue_days has no
-- default, so 0.1's three-argument calls keep 0.1's function and results).
-- Not strict: arrivals may be NULL.
CREATE FUNCTION @extschema@.forecast_arrivals(departures @extschema@.flow_series,
	profile @extschema@.transit_profile, horizon pg_catalog.int4, continue_days pg_catalog.int4,
	arrivals @extschema@.flow_series DEFAULT NULL, share pg_catalog.float8 DEFAULT 1,
	level pg_catalog.float8 DEFAULT 0.8,
	OUT day pg_catalog.date, OUT expected pg_catalog.float8, OUT low pg_catalog.float8,
	OUT high pg_catalog.float8, OUT seen pg_catalog.float8, OUT unseen pg_catalog.float8)
RETURNS SETOF record AS 'MODULE_PATHNAME', 'forecast_arrivals_continued'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 120;
COMMENT ON FUNCTION @extschema@.forecast_arrivals(@extschema@.flow_series, @extschema@.transit_profile, pg_catalog.int4, pg_catalog.int4, @extschema@.flow_series, pg_catalog.float8, pg_catalog.float8) IS
'expected daily arrivals, split into those of departures already recorded (seen) and of departures forecast for continue_days days past the last by ETS(A,Ad,A) on log1p (unseen); the interval at level widened by the dispersion estimated from the recorded arrivals and by the upstream forecast''s variance (docs/forecast.md)';

CREATE FUNCTION @extschema@.arrival_dispersion(departures @extschema@.flow_series,
	arrivals @extschema@.flow_series, profile @extschema@.transit_profile, share pg_catalog.float8 DEFAULT 1)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'arrival_dispersion'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.arrival_dispersion(@extschema@.flow_series, @extschema@.flow_series, @extschema@.transit_profile, pg_catalog.float8) IS
'kappa: Pearson chi-squared per degree of freedom of the recorded arrivals against the departures thinned by share times the profile, at least 1 (quasi-Poisson dispersion); NULL with fewer than two usable days';

CREATE FUNCTION @extschema@.forecast_backtest(departures @extschema@.flow_series,
	arrivals @extschema@.flow_series, profile @extschema@.transit_profile, horizon pg_catalog.int4,
	origin_from pg_catalog.date, origin_to pg_catalog.date, share pg_catalog.float8 DEFAULT 1,
	level pg_catalog.float8 DEFAULT 0.8,
	OUT horizon pg_catalog.int4, OUT days pg_catalog.int8, OUT coverage pg_catalog.float8,
	OUT mae pg_catalog.float8, OUT bias pg_catalog.float8, OUT coverage_01 pg_catalog.float8,
	OUT mae_01 pg_catalog.float8, OUT bias_01 pg_catalog.float8)
RETURNS SETOF record AS 'MODULE_PATHNAME', 'forecast_backtest'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 29;
COMMENT ON FUNCTION @extschema@.forecast_backtest(@extschema@.flow_series, @extschema@.flow_series, @extschema@.transit_profile, pg_catalog.int4, pg_catalog.date, pg_catalog.date, pg_catalog.float8, pg_catalog.float8) IS
'rolling-origin backtest: from each origin day, only earlier data, the arrivals 1..horizon days on forecast and scored: interval coverage, mean absolute error, bias (observed minus expected) per horizon and for all (horizon NULL), beside those of 0.1''s forecast (_01)';

CREATE FUNCTION @extschema@.flow_alerts(series @extschema@.flow_series, alpha pg_catalog.float8 DEFAULT 0.01,
	OUT day pg_catalog.date, OUT observed pg_catalog.int8, OUT expected pg_catalog.float8,
	OUT upper pg_catalog.float8, OUT score pg_catalog.float8, OUT method pg_catalog.text)
RETURNS SETOF record AS 'MODULE_PATHNAME', 'flow_alerts'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION @extschema@.flow_alerts(@extschema@.flow_series, pg_catalog.float8) IS
'days whose count exceeds the upper 1 - alpha bound of a one-day-ahead forecast from the days before (ETS on log1p), or, with fewer than 28 days before, the EARS C2 bound (mean + 3 sd of days t-9..t-3)';

CREATE FUNCTION @extschema@.deconvolve_profile(upstream @extschema@.flow_series,
	downstream @extschema@.flow_series, max_days pg_catalog.int4 DEFAULT 120,
	iterations pg_catalog.int4 DEFAULT 1000,
	OUT share pg_catalog.float8, OUT background pg_catalog.float8, OUT mean_days pg_catalog.float8,
	OUT median_days pg_catalog.int4, OUT profile @extschema@.transit_profile,
	OUT dispersion pg_catalog.float8, OUT iterations_run pg_catalog.int4)
RETURNS record AS 'MODULE_PATHNAME', 'deconvolve_profile'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.deconvolve_profile(@extschema@.flow_series, @extschema@.flow_series, pg_catalog.int4, pg_catalog.int4) IS
'the share of upstream departures that arrive downstream, the background (arrivals a day from elsewhere) and the transit profile (counts per million), from two daily series by EM / Richardson-Lucy deconvolution';

CREATE FUNCTION @extschema@.flow_stock(opening pg_catalog.int8, entries @extschema@.flow_series,
	exits @extschema@.flow_series, OUT day pg_catalog.date, OUT stock pg_catalog.int8)
RETURNS SETOF record AS 'MODULE_PATHNAME', 'flow_stock'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 100;
COMMENT ON FUNCTION @extschema@.flow_stock(pg_catalog.int8, @extschema@.flow_series, @extschema@.flow_series) IS
'the stock at the end of each day: opening + entries so far - exits so far, from the first day of either series to the last (negative when the series do not fit together)';

CREATE FUNCTION @extschema@.transit_profile_chain(@extschema@.transit_profile, @extschema@.transit_profile)
RETURNS @extschema@.transit_profile AS 'MODULE_PATHNAME', 'transit_profile_chain'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.transit_profile_chain(@extschema@.transit_profile, @extschema@.transit_profile) IS
'implementation of * for transit_profile';
CREATE OPERATOR @extschema@.* (
	LEFTARG = @extschema@.transit_profile, RIGHTARG = @extschema@.transit_profile,
	FUNCTION = @extschema@.transit_profile_chain,
	COMMUTATOR = OPERATOR(@extschema@.*)
);
COMMENT ON OPERATOR @extschema@.*(@extschema@.transit_profile, @extschema@.transit_profile) IS
'chain: the profile of two hops one after the other, the exact convolution of their counts (the totals multiply; 22003 past 9223372036854775807)';
