/*
 * forecast.c: the 0.2 forecasts over flow_series and transit_profile:
 * forecast_arrivals() continued past the data with calibrated intervals,
 * forecast_backtest(), arrival_dispersion(), flow_alerts(),
 * deconvolve_profile(), deconvolve_bootstrap(), deconvolve_monthly() and
 * flow_stock().  The numbers come from the plain-C
 * core (forecast_core.c); this file checks arguments, aligns the series by
 * date and turns results into rows.  docs/forecast.md states the models.
 */
#include "migrec.h"

#include <math.h>
#include <stddef.h>

#include "common/int.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/date.h"
#include "utils/datetime.h"

#include "flow_series_io.h"
#include "forecast_core.h"
#include "transit_profile_io.h"

/* The longest forecast horizon, in days (as 0.1's forecast_arrivals) */
#define FORECAST_MAX_HORIZON 36500
/* Profile probabilities stored as counts per million in deconvolve_profile() */
#define DECONV_SCALE 1000000.0

static void
interrupt_hook(void)
{
	CHECK_FOR_INTERRUPTS();
}

/* The long computations of the core can be cancelled. */
static void
allow_interrupts(void)
{
	mr_interrupt_hook = interrupt_hook;
}

static char *
date_text(int64 day)
{
	return DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum((DateADT) day)));
}

static void
bad_argument(const char *what, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s", what),
			 detail ? errdetail("%s", detail) : 0));
}

/* A series argument read and checked; copy for what lasts across SRF calls. */
typedef struct Series
{
	int32		start;
	const int64 *counts;
	int			ndays;
} Series;

static Series
series_arg(FunctionCallInfo fcinfo, int argno, bool copy)
{
	Series		s;

	mr_flow_series_read(mr_detoast_arg(fcinfo, argno, copy), &s.start, &s.counts, &s.ndays);
	return s;
}

/* q(d) = share * p(d) from a profile argument; returns nq (0 without observations). */
static int
profile_q(FunctionCallInfo fcinfo, int argno, double share, double *q)
{
	bool		observed;
	int			nq = mr_profile_probabilities(PG_GETARG_DATUM(argno), q, &observed);

	if (isnan(share) || share < 0 || share > 1)
		bad_argument(psprintf("share must be between 0 and 1, not %g", share),
					 "The share is the part of the departures that arrives at all.");
	for (int d = 0; d < nq; d++)
		q[d] *= share;
	return observed ? nq : 0;
}

/* The normal quantile of a central interval of that level. */
static double
level_z(double level)
{
	if (isnan(level) || level <= 0 || level >= 1)
		bad_argument(psprintf("level must be between 0 and 1 (exclusive), not %g", level), NULL);
	return mr_norm_quantile(0.5 + level / 2);
}

/* The first day of b relative to a's, or false when they are too far apart to meet. */
static bool
day_offset(int32 a_start, int32 b_start, int *offset)
{
	int64		off = (int64) b_start - a_start;

	if (off < -4 * (int64) FLOW_MAX_DAYS || off > 4 * (int64) FLOW_MAX_DAYS)
		return false;
	*offset = (int) off;
	return true;
}

/* ---------- forecast_arrivals, continued ---------- */

typedef struct Continued
{
	Series		dep;
	double		q[TRANSIT_NBINS];
	double		z;
	mr_arrivals_input in;
} Continued;

/*
 * forecast_arrivals(departures, profile, horizon, continue_days, arrivals,
 * share, level): 0.1's forecast with, on top, the departures continued for
 * continue_days days past their last by the upstream model, the dispersion
 * kappa estimated from the arrivals recorded (1 without them), and q =
 * share * profile.  Not strict (arrivals may be NULL); any other NULL gives
 * no rows.
 */
static void
continued_setup(FunctionCallInfo fcinfo, MrRows *rows)
{
	Continued  *c;
	int32		horizon,
				K;
	double		share;

	for (int a = 0; a < 7; a++)
		if (a != 4 && PG_ARGISNULL(a))
			return;
	horizon = PG_GETARG_INT32(2);
	K = PG_GETARG_INT32(3);
	share = PG_GETARG_FLOAT8(5);
	if (horizon < 0 || horizon > FORECAST_MAX_HORIZON)
		bad_argument(psprintf("horizon must be between 0 and %d days, not %d", FORECAST_MAX_HORIZON, horizon), NULL);
	if (K < 0 || K > MR_UPSTREAM_MAX_DAYS)
		bad_argument(psprintf("continue_days must be between 0 and %d, not %d", MR_UPSTREAM_MAX_DAYS, K),
					 "The upstream model's uncertainty grows with the days it is carried forward.");
	c = palloc0(sizeof(Continued));
	c->z = level_z(PG_GETARG_FLOAT8(6));
	c->dep = series_arg(fcinfo, 0, true);
	c->in.nq = profile_q(fcinfo, 1, share, c->q);
	if (c->dep.ndays == 0 || c->in.nq == 0)
		return;
	c->in.dep = (const int64_t *) c->dep.counts;
	c->in.nknown = c->dep.ndays;
	c->in.q = c->q;
	c->in.kappa = 1;
	c->in.K = K;
	if (K > 0)
	{
		double	   *y = palloc(c->dep.ndays * sizeof(double));
		double	   *mean = palloc(K * sizeof(double));
		double	   *cov = palloc((Size) K * K * sizeof(double));
		mr_ets		m;

		for (int t = 0; t < c->dep.ndays; t++)
			y[t] = log1p((double) c->dep.counts[t]);
		if (mr_ets_fit_recent(y, c->dep.ndays, &m) != MR_OK)
			bad_argument(psprintf("the departures cover %d days: continuing them needs at least %d",
								  c->dep.ndays, MR_ETS_MIN_DAYS),
						 "Pass continue_days => 0 to forecast from the recorded departures alone.");
		mr_upstream_continue(&m, K, c->z, mean, cov, NULL, NULL, NULL);
		c->in.up_mean = mean;
		c->in.up_cov = cov;
	}
	if (!PG_ARGISNULL(4))
	{
		Series		arr = series_arg(fcinfo, 4, false);
		int			offset,
					df;

		if (arr.ndays > 0 && day_offset(c->dep.start, arr.start, &offset))
			c->in.kappa = mr_dispersion(c->in.dep, c->dep.ndays, (const int64_t *) arr.counts,
										arr.ndays, offset, c->q, c->in.nq, c->dep.ndays, &df);
	}
	rows->arg = c;
	rows->end = (uint64) c->dep.ndays + horizon;
	if ((int64) c->dep.start + (int64) rows->end - 1 >= MR_DATE_END)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("forecast runs past the last date PostgreSQL can store")));
}

static bool
continued_row(FunctionCallInfo fcinfo, void *arg, uint64 k, Datum *values, bool *nulls)
{
	Continued  *c = arg;
	mr_arrivals_day a;
	double		mean,
				sd;

	(void) fcinfo, (void) nulls;
	mr_arrivals_at(&c->in, (int) k, &a);
	mean = a.seen + a.unseen;
	sd = sqrt(a.var);
	values[0] = DateADTGetDatum(c->dep.start + (int32) k);
	values[1] = Float8GetDatum(mean);
	values[2] = Float8GetDatum(Max(0.0, mean - c->z * sd));
	values[3] = Float8GetDatum(mean + c->z * sd);
	values[4] = Float8GetDatum(a.seen);
	values[5] = Float8GetDatum(a.unseen);
	return true;
}

PG_FUNCTION_INFO_V1(forecast_arrivals_continued);
Datum
forecast_arrivals_continued(PG_FUNCTION_ARGS)
{
	return mr_srf_rows(fcinfo, continued_setup, continued_row);
}

/* arrival_dispersion(departures, arrivals, profile, share): kappa alone. */
PG_FUNCTION_INFO_V1(arrival_dispersion);
Datum
arrival_dispersion(PG_FUNCTION_ARGS)
{
	Series		dep = series_arg(fcinfo, 0, false),
				arr = series_arg(fcinfo, 1, false);
	double		q[TRANSIT_NBINS];
	int			nq = profile_q(fcinfo, 2, PG_GETARG_FLOAT8(3), q),
				offset,
				df = 0;
	double		kappa = 1;

	if (dep.ndays > 0 && arr.ndays > 0 && nq > 0 && day_offset(dep.start, arr.start, &offset))
		kappa = mr_dispersion((const int64_t *) dep.counts, dep.ndays, (const int64_t *) arr.counts,
							  arr.ndays, offset, q, nq, dep.ndays, &df);
	if (df == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(kappa);
}

/* ---------- forecast_backtest ---------- */

typedef struct Backtest
{
	int			H;
	mr_backtest_row rows[MR_UPSTREAM_MAX_DAYS + 1];	/* the last: all horizons */
} Backtest;

/*
 * forecast_backtest(departures, arrivals, profile, horizon, origin_from,
 * origin_to, share, level): one row per horizon 1..horizon and a last row
 * (horizon NULL) for all of them.
 */
static void
backtest_setup(FunctionCallInfo fcinfo, MrRows *rows)
{
	Series		dep = series_arg(fcinfo, 0, false),
				arr = series_arg(fcinfo, 1, false);
	double		q[TRANSIT_NBINS];
	int32		H = PG_GETARG_INT32(3);
	DateADT		from = PG_GETARG_DATEADT(4),
				to = PG_GETARG_DATEADT(5);
	double		z = level_z(PG_GETARG_FLOAT8(7));
	int			nq = profile_q(fcinfo, 2, PG_GETARG_FLOAT8(6), q),
				offset;
	int64		T0,
				T1;
	Backtest   *b;
	double	   *work;
	mr_backtest_row *all;

	if (H < 1 || H > MR_UPSTREAM_MAX_DAYS)
		bad_argument(psprintf("horizon must be between 1 and %d days, not %d", MR_UPSTREAM_MAX_DAYS, H), NULL);
	if (dep.ndays < MR_ETS_MIN_DAYS + 1)
		bad_argument(psprintf("the departures cover %d days: a backtest needs at least %d",
							  dep.ndays, MR_ETS_MIN_DAYS + 1), NULL);
	if (DATE_NOT_FINITE(from) || DATE_NOT_FINITE(to))
		bad_argument("origins must be finite dates", NULL);
	T0 = (int64) from - dep.start;
	T1 = (int64) to - dep.start;
	if (T0 < MR_ETS_MIN_DAYS || T1 > dep.ndays || T0 > T1)
		bad_argument(psprintf("origins must lie between %s and %s, in order",
							  date_text((int64) dep.start + MR_ETS_MIN_DAYS),
							  date_text((int64) dep.start + dep.ndays)),
					 "An origin is the first day forecast: the departures before it fit the model, and at least 28 days of them are needed.");
	b = palloc0(sizeof(Backtest));
	b->H = H;
	rows->arg = b;
	rows->end = H + 1;
	if (nq == 0 || arr.ndays == 0 || !day_offset(dep.start, arr.start, &offset))
		return;					/* nothing to score: rows of NULL figures */
	work = palloc(mr_backtest_work_size(dep.ndays, H) * sizeof(double));
	allow_interrupts();
	if (mr_backtest((const int64_t *) dep.counts, dep.ndays, (const int64_t *) arr.counts, arr.ndays,
					offset, q, nq, H, (int) T0, (int) T1, z, b->rows, work) != MR_OK)
		bad_argument("the backtest's origins are out of range", NULL);
	pfree(work);
	all = &b->rows[H];
	for (int h = 0; h < H; h++)
	{
		all->n += b->rows[h].n;
		all->covered += b->rows[h].covered;
		all->covered_01 += b->rows[h].covered_01;
		all->abs_err += b->rows[h].abs_err;
		all->abs_err_01 += b->rows[h].abs_err_01;
		all->err += b->rows[h].err;
		all->err_01 += b->rows[h].err_01;
	}
}

static bool
backtest_row(FunctionCallInfo fcinfo, void *arg, uint64 k, Datum *values, bool *nulls)
{
	Backtest   *b = arg;
	mr_backtest_row *r = &b->rows[k];
	double		n = (double) r->n;

	(void) fcinfo;
	if ((int) k == b->H)
		nulls[0] = true;
	else
		values[0] = Int32GetDatum((int32) k + 1);
	values[1] = Int64GetDatum(r->n);
	if (r->n == 0)
	{
		for (int i = 2; i < 8; i++)
			nulls[i] = true;
		return true;
	}
	values[2] = Float8GetDatum(r->covered / n);
	values[3] = Float8GetDatum(r->abs_err / n);
	values[4] = Float8GetDatum(r->err / n);
	values[5] = Float8GetDatum(r->covered_01 / n);
	values[6] = Float8GetDatum(r->abs_err_01 / n);
	values[7] = Float8GetDatum(r->err_01 / n);
	return true;
}

PG_FUNCTION_INFO_V1(forecast_backtest);
Datum
forecast_backtest(PG_FUNCTION_ARGS)
{
	return mr_srf_rows(fcinfo, backtest_setup, backtest_row);
}

/* ---------- flow_alerts ---------- */

typedef struct Alerts
{
	Series		s;
	mr_alert_day *days;
} Alerts;

static void
alerts_setup(FunctionCallInfo fcinfo, MrRows *rows)
{
	double		alpha = PG_GETARG_FLOAT8(1);
	Alerts	   *a = palloc0(sizeof(Alerts));
	double	   *work;

	if (isnan(alpha) || alpha <= 0 || alpha > 0.5)
		bad_argument(psprintf("alpha must be above 0 and at most 0.5, not %g", alpha),
					 "alpha is the chance of a false alarm on a day without a surge.");
	a->s = series_arg(fcinfo, 0, true);
	a->days = palloc0(Max(a->s.ndays, 1) * sizeof(mr_alert_day));
	work = palloc(Max(a->s.ndays, 1) * sizeof(double));
	allow_interrupts();
	mr_flow_alerts((const int64_t *) a->s.counts, a->s.ndays, mr_norm_quantile(1 - alpha), a->days, work);
	pfree(work);
	rows->arg = a;
	rows->end = a->s.ndays;
}

static bool
alerts_row(FunctionCallInfo fcinfo, void *arg, uint64 k, Datum *values, bool *nulls)
{
	Alerts	   *a = arg;
	mr_alert_day *d = &a->days[k];

	(void) fcinfo, (void) nulls;
	if (!d->alarm)
		return false;
	values[0] = DateADTGetDatum(a->s.start + (int32) k);
	values[1] = Int64GetDatum(a->s.counts[k]);
	values[2] = Float8GetDatum(d->expected);
	values[3] = Float8GetDatum(d->upper);
	values[4] = Float8GetDatum(d->score);
	values[5] = CStringGetTextDatum(d->method == MR_ALERT_FORECAST ? "forecast" : "ears_c2");
	return true;
}

PG_FUNCTION_INFO_V1(flow_alerts);
Datum
flow_alerts(PG_FUNCTION_ARGS)
{
	return mr_srf_rows(fcinfo, alerts_setup, alerts_row);
}

/* ---------- deconvolve_profile ---------- */

/*
 * deconvolve_profile(upstream, downstream, max_days, iterations): the share
 * who arrive, the background (arrivals a day from elsewhere) and the transit
 * profile, by EM on the days of the downstream series whose max_days
 * preceding upstream days are recorded.
 */
PG_FUNCTION_INFO_V1(deconvolve_profile);
Datum
deconvolve_profile(PG_FUNCTION_ARGS)
{
	Series		up = series_arg(fcinfo, 0, false),
				down = series_arg(fcinfo, 1, false);
	int32		dmax = PG_GETARG_INT32(2),
				maxit = PG_GETARG_INT32(3);
	int			offset,
				w0,
				w1,
				iters;
	double	   *u,
			   *d,
			   *work,
				q[TRANSIT_NBINS],
				b,
				disp,
				share = 0,
				mean = 0,
				cum = 0;
	int64		counts[TRANSIT_NBINS] = {0};
	int32		median = -1;
	TupleDesc	tupdesc = mr_result_tupdesc(fcinfo);
	Datum		values[7];
	bool		nulls[7] = {0};

	if (dmax < 0 || dmax > TRANSIT_MAX_DAY)
		bad_argument(psprintf("max_days must be between 0 and %d, not %d", TRANSIT_MAX_DAY, dmax), NULL);
	if (maxit < 1 || maxit > 100000)
		bad_argument(psprintf("iterations must be between 1 and 100000, not %d", maxit), NULL);
	/* the window: downstream days with max_days upstream days recorded before them */
	w0 = w1 = -1;
	if (up.ndays > 0 && down.ndays > 0 && day_offset(up.start, down.start, &offset))
	{
		w0 = Max(dmax, offset);
		w1 = Min(up.ndays - 1, offset + down.ndays - 1);
	}
	if (w0 < 0 || w1 - w0 + 1 < dmax + 1)
		bad_argument(psprintf("the series overlap on too few days to estimate a profile of %d days", dmax),
					 psprintf("It needs at least %d days of the downstream series, each with the %d upstream days before it recorded.",
							  dmax + 1, dmax));
	u = palloc((w1 + 1) * sizeof(double));
	d = palloc0((w1 + 1) * sizeof(double));
	work = palloc((2 * ((Size) w1 + 1) + 2 * ((Size) dmax + 1)) * sizeof(double));
	for (int t = 0; t <= w1; t++)
		u[t] = (double) up.counts[t];
	for (int t = w0; t <= w1; t++)
		d[t] = (double) down.counts[t - offset];
	allow_interrupts();
	if (mr_deconvolve(u, d, w0, w1, dmax, maxit, 1e-7, q, &b, &iters, &disp, work) != MR_OK)
		bad_argument("the upstream series has no departures in the window", NULL);
	for (int k = 0; k <= dmax; k++)
	{
		share += q[k];
		mean += k * q[k];
	}
	for (int k = 0; k <= dmax && share > 0; k++)
	{
		counts[k] = (int64) llround(q[k] / share * DECONV_SCALE);
		cum += q[k] / share;
		if (median < 0 && cum >= 0.5)
			median = k;
	}
	values[0] = Float8GetDatum(share);
	values[1] = Float8GetDatum(b);
	values[2] = Float8GetDatum(share > 0 ? mean / share : 0);
	nulls[2] = share <= 0;
	values[3] = Int32GetDatum(median);
	nulls[3] = median < 0;
	values[4] = PointerGetDatum(mr_profile_from_counts(counts, 0));
	values[5] = Float8GetDatum(disp);
	values[6] = Int32GetDatum(iters);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/* ---------- bootstrap intervals, monthly deconvolution ---------- */

/* The most bootstrap replicates a call draws. */
#define DECONV_MAX_REPLICATES 10000
/* The iterations of each replicate's refit, started from the fit. */
#define DECONV_REPLICATE_ITERATIONS 200
/* The longest monthly series: a century. */
#define DECONV_MAX_MONTHS 1200

static int
replicates_arg(int32 replicates, bool allow_zero)
{
	if (replicates < (allow_zero ? 0 : 1) || replicates > DECONV_MAX_REPLICATES)
		bad_argument(psprintf("replicates must be between %d and %d, not %d",
							  allow_zero ? 0 : 1, DECONV_MAX_REPLICATES, replicates), NULL);
	return replicates;
}

static void
interval_level(double level)
{
	if (isnan(level) || level <= 0 || level >= 1)
		bad_argument(psprintf("level must be between 0 and 1 (exclusive), not %g", level), NULL);
}

/*
 * The percentile interval of one summary over the replicates into
 * values[at], values[at + 1] (NULL without replicates or finite values).
 */
static void
put_interval(const mr_deconv_summary *boot, int n, size_t field, double level,
			 Datum *values, bool *nulls, int at)
{
	double	   *v = palloc(Max(n, 1) * sizeof(double));
	int			m = 0;

	for (int i = 0; i < n; i++)
	{
		double		x = *(const double *) ((const char *) &boot[i] + field);

		if (isfinite(x))
			v[m++] = x;
	}
	if (m == 0)
	{
		nulls[at] = nulls[at + 1] = true;
		return;
	}
	values[at] = Float8GetDatum(mr_quantile(v, m, (1 - level) / 2));
	values[at + 1] = Float8GetDatum(mr_quantile(v, m, (1 + level) / 2));
	pfree(v);
}

/*
 * share, share_low, share_high, mean_days, mean_low, mean_high, median_days,
 * median_low, median_high, background, background_low, background_high
 * into values[0..11]
 */
static void
put_summary(const mr_deconv_summary *fit, const mr_deconv_summary *boot, int n, double level,
			Datum *values, bool *nulls)
{
	values[0] = Float8GetDatum(fit->share);
	put_interval(boot, n, offsetof(mr_deconv_summary, share), level, values, nulls, 1);
	values[3] = Float8GetDatum(fit->mean);
	nulls[3] = !isfinite(fit->mean);
	put_interval(boot, n, offsetof(mr_deconv_summary, mean), level, values, nulls, 4);
	values[6] = Int32GetDatum(isfinite(fit->median) ? (int32) fit->median : 0);
	nulls[6] = !isfinite(fit->median);
	put_interval(boot, n, offsetof(mr_deconv_summary, median), level, values, nulls, 7);
	values[9] = Float8GetDatum(fit->background);
	put_interval(boot, n, offsetof(mr_deconv_summary, background), level, values, nulls, 10);
}

/*
 * deconvolve_bootstrap(upstream, downstream, max_days, iterations,
 * replicates, level, seed): deconvolve_profile's estimates with parametric
 * bootstrap percentile intervals.
 */
PG_FUNCTION_INFO_V1(deconvolve_bootstrap);
Datum
deconvolve_bootstrap(PG_FUNCTION_ARGS)
{
	Series		up = series_arg(fcinfo, 0, false),
				down = series_arg(fcinfo, 1, false);
	int32		dmax = PG_GETARG_INT32(2),
				maxit = PG_GETARG_INT32(3),
				nrep = replicates_arg(PG_GETARG_INT32(4), false);
	double		level = PG_GETARG_FLOAT8(5);
	int64		seed = PG_GETARG_INT64(6);
	int			offset,
				w0,
				w1,
				iters;
	double	   *u,
			   *d,
			   *work,
				q[TRANSIT_NBINS],
				b,
				disp;
	mr_deconv_summary fit,
			   *boot;
	TupleDesc	tupdesc = mr_result_tupdesc(fcinfo);
	Datum		values[13];
	bool		nulls[13] = {0};

	if (dmax < 0 || dmax > TRANSIT_MAX_DAY)
		bad_argument(psprintf("max_days must be between 0 and %d, not %d", TRANSIT_MAX_DAY, dmax), NULL);
	if (maxit < 1 || maxit > 100000)
		bad_argument(psprintf("iterations must be between 1 and 100000, not %d", maxit), NULL);
	interval_level(level);
	w0 = w1 = -1;
	if (up.ndays > 0 && down.ndays > 0 && day_offset(up.start, down.start, &offset))
	{
		w0 = Max(dmax, offset);
		w1 = Min(up.ndays - 1, offset + down.ndays - 1);
	}
	if (w0 < 0 || w1 - w0 + 1 < dmax + 1)
		bad_argument(psprintf("the series overlap on too few days to estimate a profile of %d days", dmax),
					 psprintf("It needs at least %d days of the downstream series, each with the %d upstream days before it recorded.",
							  dmax + 1, dmax));
	u = palloc((w1 + 1) * sizeof(double));
	d = palloc0((w1 + 1) * sizeof(double));
	/* the replicates' work holds the fit's */
	work = palloc((4 * ((Size) w1 + 1) + 3 * ((Size) dmax + 1)) * sizeof(double));
	boot = palloc(nrep * sizeof(mr_deconv_summary));
	for (int t = 0; t <= w1; t++)
		u[t] = (double) up.counts[t];
	for (int t = w0; t <= w1; t++)
		d[t] = (double) down.counts[t - offset];
	allow_interrupts();
	if (mr_deconvolve(u, d, w0, w1, dmax, maxit, 1e-7, q, &b, &iters, &disp, work) != MR_OK)
		bad_argument("the upstream series has no departures in the window", NULL);
	mr_profile_summary(q, dmax, b, &fit);
	if (mr_deconvolve_bootstrap(u, w0, w1, dmax, Min(maxit, DECONV_REPLICATE_ITERATIONS), 1e-7,
								q, b, disp, nrep, (uint64) seed, boot, work) != MR_OK)
		bad_argument("the upstream series has no departures in the window", NULL);
	put_summary(&fit, boot, nrep, level, values, nulls);
	values[12] = Float8GetDatum(disp);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/* A one-dimensional int8[] of monthly counts without NULLs or negatives. */
static double *
monthly_arg(ArrayType *a, const char *name, int *n)
{
	Datum	   *elems;
	bool	   *enulls;
	int			nelems;
	double	   *out;

	if (ARR_NDIM(a) > 1)
		bad_argument(psprintf("%s must be a one-dimensional array of monthly counts", name), NULL);
	deconstruct_array(a, INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE, &elems, &enulls, &nelems);
	if (nelems > DECONV_MAX_MONTHS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s has %d months, more than the %d a deconvolution takes", name, nelems,
						DECONV_MAX_MONTHS)));
	out = palloc(Max(nelems, 1) * sizeof(double));
	for (int i = 0; i < nelems; i++)
	{
		if (enulls[i])
			bad_argument(psprintf("%s has a NULL count (month %d)", name, i + 1),
						 "Give every month a count; a month not recorded cannot be told from a month with none.");
		if (DatumGetInt64(elems[i]) < 0)
			bad_argument(psprintf("%s has a negative count (month %d)", name, i + 1), NULL);
		out[i] = (double) DatumGetInt64(elems[i]);
	}
	*n = nelems;
	return out;
}

/*
 * deconvolve_monthly(upstream, downstream, first_month, max_days,
 * replicates, level, seed): the parametric deconvolution of two series of
 * monthly totals from the same first month (a discretised gamma profile,
 * the share and a background), with bootstrap intervals.
 */
PG_FUNCTION_INFO_V1(deconvolve_monthly);
Datum
deconvolve_monthly(PG_FUNCTION_ARGS)
{
	int			n_up,
				n_down,
				n;
	double	   *up = monthly_arg(PG_GETARG_ARRAYTYPE_P(0), "upstream", &n_up),
			   *down = monthly_arg(PG_GETARG_ARRAYTYPE_P(1), "downstream", &n_down),
			   *work,
				q[TRANSIT_NBINS];
	DateADT		first = PG_GETARG_DATEADT(2);
	int32		dmax = PG_GETARG_INT32(3),
				nrep = replicates_arg(PG_GETARG_INT32(4), true);
	double		level = PG_GETARG_FLOAT8(5);
	int64		seed = PG_GETARG_INT64(6);
	int		   *mdays;
	int			year,
				month,
				mday;
	mr_monthly_fit fit;
	mr_deconv_summary sum,
			   *boot;
	int64		counts[TRANSIT_NBINS] = {0};
	TupleDesc	tupdesc = mr_result_tupdesc(fcinfo);
	Datum		values[17];
	bool		nulls[17] = {0};

	if (DATE_NOT_FINITE(first))
		bad_argument("first_month must be a finite date", NULL);
	j2date(first + POSTGRES_EPOCH_JDATE, &year, &month, &mday);
	if (mday != 1)
		bad_argument(psprintf("first_month must be the first day of a month, not %s", date_text(first)), NULL);
	if (dmax < 1 || dmax > TRANSIT_MAX_DAY)
		bad_argument(psprintf("max_days must be between 1 and %d, not %d", TRANSIT_MAX_DAY, dmax), NULL);
	interval_level(level);
	n = Max(n_up, n_down);
	mdays = palloc(Max(n, 1) * sizeof(int));
	for (int k = 0; k < n; k++)
	{
		int			y = year + (month - 1 + k) / 12,
					m = (month - 1 + k) % 12 + 1;

		mdays[k] = day_tab[isleap(y)][m - 1];
	}
	work = palloc(mr_deconvolve_monthly_work(Min(n_up, n_down), dmax) * sizeof(double));
	boot = palloc(Max(nrep, 1) * sizeof(mr_deconv_summary));
	allow_interrupts();
	if (mr_deconvolve_monthly(up, n_up, down, n_down, mdays, dmax, nrep, (uint64) seed, &fit, q,
							  boot, work) != MR_OK)
		bad_argument(psprintf("too few months to estimate a profile of %d days", dmax),
					 "It needs at least 5 months recorded in both series after the first max_days days of the upstream series.");
	mr_profile_summary(q, dmax, fit.background, &sum);
	put_summary(&sum, boot, nrep, level, values, nulls);
	values[12] = Float8GetDatum(fit.cv);
	for (int k = 0; k <= dmax && fit.share > 0; k++)
		counts[k] = (int64) llround(q[k] / fit.share * DECONV_SCALE);
	values[13] = PointerGetDatum(mr_profile_from_counts(counts, 0));
	nulls[13] = !(fit.share > 0);
	values[14] = Float8GetDatum(fit.dispersion);
	values[15] = Int32GetDatum(fit.months);
	values[16] = DateADTGetDatum(date2j(year + (month - 1 + fit.first_month) / 12,
										(month - 1 + fit.first_month) % 12 + 1, 1) - POSTGRES_EPOCH_JDATE);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/* ---------- flow_stock ---------- */

typedef struct Stock
{
	Series		in,
				out;
	int32		first;
	int64		stock;
} Stock;

/*
 * flow_stock(opening, entries, exits): the stock at the end of each day
 * from the first day of either series to the last of either: opening +
 * entries so far - exits so far.  A negative stock is returned as it is:
 * it says the series do not fit together.
 */
static void
stock_setup(FunctionCallInfo fcinfo, MrRows *rows)
{
	Stock	   *s = palloc0(sizeof(Stock));
	int64		lo = PG_INT64_MAX,
				hi = PG_INT64_MIN;

	s->stock = PG_GETARG_INT64(0);
	s->in = series_arg(fcinfo, 1, true);
	s->out = series_arg(fcinfo, 2, true);
	if (s->in.ndays > 0)
	{
		lo = s->in.start;
		hi = (int64) s->in.start + s->in.ndays - 1;
	}
	if (s->out.ndays > 0)
	{
		lo = Min(lo, s->out.start);
		hi = Max(hi, (int64) s->out.start + s->out.ndays - 1);
	}
	rows->arg = s;
	if (lo > hi)
		return;
	if (hi - lo + 1 > 2 * (int64) FLOW_MAX_DAYS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("the series span %lld days", (long long) (hi - lo + 1)),
				 errdetail("A stock covers at most %d days.", 2 * FLOW_MAX_DAYS)));
	s->first = (int32) lo;
	rows->end = hi - lo + 1;
}

static int64
series_at(const Series *s, int64 day)
{
	int64		k = day - s->start;

	return (s->ndays > 0 && k >= 0 && k < s->ndays) ? s->counts[k] : 0;
}

static bool
stock_row(FunctionCallInfo fcinfo, void *arg, uint64 k, Datum *values, bool *nulls)
{
	Stock	   *s = arg;
	int64		day = (int64) s->first + (int64) k;

	(void) fcinfo, (void) nulls;
	if (pg_add_s64_overflow(s->stock, series_at(&s->in, day), &s->stock) ||
		pg_sub_s64_overflow(s->stock, series_at(&s->out, day), &s->stock))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("stock out of range on %s", date_text(day))));
	values[0] = DateADTGetDatum((DateADT) day);
	values[1] = Int64GetDatum(s->stock);
	return true;
}

PG_FUNCTION_INFO_V1(flow_stock);
Datum
flow_stock(PG_FUNCTION_ARGS)
{
	return mr_srf_rows(fcinfo, stock_setup, stock_row);
}
