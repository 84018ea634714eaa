-- Deconvolution with uncertainty, and from monthly totals (issue 17):
-- deconvolve_profile's estimates with parametric bootstrap intervals, and the
-- parametric (discretised gamma + share + background) deconvolution of two
-- series of monthly totals.  docs/forecast.md states the models.

CREATE FUNCTION @extschema@.deconvolve_bootstrap(upstream @extschema@.flow_series,
	downstream @extschema@.flow_series, max_days pg_catalog.int4 DEFAULT 120,
	iterations pg_catalog.int4 DEFAULT 1000, replicates pg_catalog.int4 DEFAULT 20,
	level pg_catalog.float8 DEFAULT 0.9, seed pg_catalog.int8 DEFAULT 1,
	OUT share pg_catalog.float8, OUT share_low pg_catalog.float8, OUT share_high pg_catalog.float8,
	OUT mean_days pg_catalog.float8, OUT mean_low pg_catalog.float8, OUT mean_high pg_catalog.float8,
	OUT median_days pg_catalog.int4, OUT median_low pg_catalog.float8, OUT median_high pg_catalog.float8,
	OUT background pg_catalog.float8, OUT background_low pg_catalog.float8,
	OUT background_high pg_catalog.float8, OUT dispersion pg_catalog.float8)
RETURNS record AS 'MODULE_PATHNAME', 'deconvolve_bootstrap'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.deconvolve_bootstrap(@extschema@.flow_series, @extschema@.flow_series, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4, pg_catalog.float8, pg_catalog.int8) IS
'deconvolve_profile''s share, mean and median transit days and background with percentile intervals of that level from a seeded parametric bootstrap (quasi-Poisson redraws of the downstream series around the fit, each refitted)';

CREATE FUNCTION @extschema@.deconvolve_monthly(upstream pg_catalog.int8[], downstream pg_catalog.int8[],
	first_month pg_catalog.date, max_days pg_catalog.int4 DEFAULT 120,
	replicates pg_catalog.int4 DEFAULT 0, level pg_catalog.float8 DEFAULT 0.9,
	seed pg_catalog.int8 DEFAULT 1,
	OUT share pg_catalog.float8, OUT share_low pg_catalog.float8, OUT share_high pg_catalog.float8,
	OUT mean_days pg_catalog.float8, OUT mean_low pg_catalog.float8, OUT mean_high pg_catalog.float8,
	OUT median_days pg_catalog.int4, OUT median_low pg_catalog.float8, OUT median_high pg_catalog.float8,
	OUT background pg_catalog.float8, OUT background_low pg_catalog.float8,
	OUT background_high pg_catalog.float8, OUT cv pg_catalog.float8,
	OUT profile @extschema@.transit_profile, OUT dispersion pg_catalog.float8,
	OUT months_used pg_catalog.int4, OUT first_month_used pg_catalog.date)
RETURNS record AS 'MODULE_PATHNAME', 'deconvolve_monthly'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.deconvolve_monthly(pg_catalog.int8[], pg_catalog.int8[], pg_catalog.date, pg_catalog.int4, pg_catalog.int4, pg_catalog.float8, pg_catalog.int8) IS
'the share who arrive, the background (arrivals a day from elsewhere) and a discretised gamma transit profile from two series of monthly totals starting at first_month, by Poisson likelihood over a grid of means and CVs, with seeded parametric bootstrap intervals when replicates > 0';
