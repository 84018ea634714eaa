/*
 * forecast_core.h: the numerical core of migrec's forecasts, in plain C (no
 * PostgreSQL headers, no ereport), so that unit tests call it without a
 * server.  docs/forecast.md states the models and their sources.
 *
 *   - ETS(A,Ad,A) with a weekly season (Hyndman & Athanasopoulos, Forecasting:
 *     Principles and Practice, 3rd ed., sections 8.3, 8.5-8.7), fitted on
 *     log1p(count) by a grid search of the one-step SSE: the upstream series
 *     continued past its last day, with the analytic forecast variance and
 *     covariance.
 *   - The dispersion factor kappa of arrivals around the thinned
 *     departures: Pearson chi^2 / df (McCullagh & Nelder 1989, 4.5).
 *   - Arrivals on a day: already-seen and not-yet-seen parts, variance by the
 *     law of total variance.
 *   - Rolling-origin backtest (FPP3 5.10; Tashman 2000).
 *   - Exact convolution of integer-day histograms (profile chains).
 *   - EM / Richardson-Lucy deconvolution of a transit profile and share
 *     from two aggregate series (Shepp & Vardi 1982; Lucy 1974), its
 *     parametric bootstrap (Becker & Marschner 1993) on a seeded SplitMix64
 *     stream, and the parametric (discretised gamma) variant for monthly
 *     totals.
 *   - Alerts: one-step forecast exceedance, EARS C2 for short histories
 *     (Hutwagner et al. 2003).
 */
#ifndef MIGREC_FORECAST_CORE_H
#define MIGREC_FORECAST_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "codes.h"

/*
 * Called between the steps of the long computations (each backtest origin,
 * each deconvolution iteration) when set: the server's hook checks for
 * interrupts there, so that a long call can be cancelled.
 */
extern void (*mr_interrupt_hook) (void);

/* The weekly season of the upstream model. */
#define MR_ETS_SEASON 7
/* The shortest history the upstream model is fitted on. */
#define MR_ETS_MIN_DAYS 28
/* The days the parameters are fitted on: the last two years at most. */
#define MR_ETS_FIT_DAYS 730
/* The parameter grid: alpha x beta/alpha x gamma/(1-alpha) x phi. */
#define MR_ETS_GRID_POINTS 162
/* The longest continuation of an upstream series, in days. */
#define MR_UPSTREAM_MAX_DAYS 366

/* A fitted ETS(A,Ad,A) model: parameters and the states after n days. */
typedef struct mr_ets
{
	double		alpha,
				beta,
				gamma,
				phi;
	double		level,
				trend,
				season[MR_ETS_SEASON];	/* season[j]: days with index % 7 == j */
	int			n;				/* days filtered: the next day has index n */
	double		sigma2;			/* one-step error variance, SSE / (n - 13) */
} mr_ets;

/*
 * Fit on y[0..n-1] (the model's scale: log1p of the counts): the grid point
 * with the least one-step SSE, and its states after day n-1.  At least
 * MR_ETS_MIN_DAYS days (MR_ERR_EMPTY otherwise), all finite
 * (MR_ERR_OUT_OF_RANGE otherwise).
 */
extern mr_status mr_ets_fit(const double *y, int n, mr_ets *m);

/*
 * The same on the last MR_ETS_FIT_DAYS days of y[0..n-1] at most: what the
 * forecasts, the backtest and the alerts use, so that a fit costs the same
 * whatever the length of the series.  The states are those after day n-1;
 * m->n counts from the window's first day (only its weekday matters).
 */
extern mr_status mr_ets_fit_recent(const double *y, int n, mr_ets *m);

/*
 * Filter y[0..n-1] with m's parameters from the heuristic initial states,
 * leaving the states and n in m; pred[t], when not NULL, receives the
 * one-step prediction of day t.  Returns the SSE.  n >= 14.
 */
extern double mr_ets_filter(const double *y, int n, mr_ets *m, double *pred);

/* The next day's one-step prediction from m's states. */
extern double mr_ets_predict(const mr_ets *m);

/* Add day m->n with value y to m's states. */
extern void mr_ets_update(mr_ets *m, double y);

/*
 * Forecast of days n .. n+H-1 (h = 1..H) on the model's scale: mean[h-1]
 * and var[h-1]; cov, when not NULL, receives the H x H covariance of the
 * forecast errors (row-major).
 */
extern void mr_ets_forecast(const mr_ets *m, int H, double *mean, double *var, double *cov);

/*
 * The same variance by the closed form of FPP3 8.7 (Hyndman et al. 2008,
 * ch. 6): for tests, an independent oracle of mr_ets_forecast().
 */
extern double mr_ets_variance_closed(const mr_ets *m, int h);

/*
 * Counts continued for K days (K <= MR_UPSTREAM_MAX_DAYS) from the model
 * fitted on log1p: mean[k] = E[Y] (lognormal), cov[K*K] their covariance;
 * lo[k] and hi[k] (when not NULL) the central interval of level z (a normal
 * quantile) mapped back through expm1, med[k] the median.
 */
extern void mr_upstream_continue(const mr_ets *m, int K, double z, double *mean, double *cov,
								 double *med, double *lo, double *hi);

/* The standard normal quantile (Acklam's approximation, refined once). */
extern double mr_norm_quantile(double p);

/*
 * Arrivals on day t from departures: dep[0..nknown-1] known (day 0 the
 * first), q[0..nq-1] the chance of arriving after d days (share times the
 * profile), kappa the dispersion factor; departures of days nknown ..
 * nknown+K-1 are continued (up_mean, up_cov: K and K*K; K may be 0).
 */
typedef struct mr_arrivals_input
{
	const int64_t *dep;
	int			nknown;
	const double *q;
	int			nq;
	double		kappa;
	int			K;
	const double *up_mean;
	const double *up_cov;
} mr_arrivals_input;

typedef struct mr_arrivals_day
{
	double		seen;			/* expected arrivals of departures already recorded */
	double		unseen;			/* ... of departures not yet recorded (continued) */
	double		var;			/* kappa (thinning variance) + upstream variance */
	double		var_seen;		/* 0.1's variance: thinning of the seen, kappa 1 */
} mr_arrivals_day;

extern void mr_arrivals_at(const mr_arrivals_input *in, int t, mr_arrivals_day *out);

/*
 * kappa: Pearson chi^2 / df of arrivals arr[] against the departures
 * thinned by q, over the arrival days t < tend (departure-day index; arr[k]
 * is day k + arr_offset) whose expected arrivals come for at least 95% from
 * recorded departures; floored at 1.  *df receives the number of days
 * used less one (kappa 1 when below 1).
 */
extern double mr_dispersion(const int64_t *dep, int ndep, const int64_t *arr, int narr,
							int arr_offset, const double *q, int nq, int tend, int *df);

/* One horizon's backtest figures, the new forecast and 0.1's side by side. */
typedef struct mr_backtest_row
{
	int64_t		n;				/* held-out days scored */
	int64_t		covered;		/* inside the 80% interval */
	int64_t		covered_01;
	double		abs_err,
				abs_err_01;		/* sums of |observed - expected| */
	double		err,
				err_01;			/* sums of observed - expected */
} mr_backtest_row;

/*
 * Rolling-origin backtest: for each origin T in [from, to] (departure-day
 * indices; from >= MR_ETS_MIN_DAYS, to <= ndep), only departures and
 * arrivals of days before T are used: the upstream model (grid refitted
 * every 7 origins, states updated every day), kappa, then the arrivals of
 * days T .. T+H-1 forecast and scored where observed; rows[h-1] gets
 * horizon h (H <= MR_UPSTREAM_MAX_DAYS).  z: the interval's normal
 * quantile.  work: mr_backtest_work_size() doubles.  MR_ERR_EMPTY when the
 * origins are out of that range.
 */
extern size_t mr_backtest_work_size(int ndep, int H);
extern mr_status mr_backtest(const int64_t *dep, int ndep, const int64_t *arr, int narr,
							 int arr_offset, const double *q, int nq, int H, int from, int to,
							 double z, mr_backtest_row *rows, double *work);

/*
 * The exact convolution of two integer-day histograms (a chain of two
 * hops): out[0..nout-1] for totals up to nout-1 days, *overflow the rest
 * (either overflow with anything, and sums past nout-1).  The totals (the
 * overflows included) multiply to the result's total: MR_ERR_OUT_OF_RANGE
 * when that passes INT64_MAX.  Every partial sum is then below it.
 */
extern mr_status mr_histogram_convolve(const int64_t *a, int na, int64_t a_total,
									   const int64_t *b, int nb, int64_t b_total,
									   int64_t *out, int nout, int64_t *overflow);

/*
 * EM / Richardson-Lucy deconvolution: down[t] ~ Poisson(b + sum_d q[d]
 * up[t-d]) over t in [w0, w1] (all of up[t-dmax .. t] known, so w0 >=
 * dmax); q[0..dmax] >= 0 and b >= 0 by multiplicative updates, started
 * flat.  Stops when the relative change of q is below eps or after maxit
 * iterations; *iters and *dispersion (Pearson chi^2 / df at the end).
 * work: 2 * (w1 + 1) + 2 * (dmax + 1) doubles.  MR_ERR_EMPTY when the window or the
 * upstream is empty.
 */
extern mr_status mr_deconvolve(const double *up, const double *down, int w0, int w1, int dmax,
							   int maxit, double eps, double *q, double *b, int *iters,
							   double *dispersion, double *work);

/* A seeded pseudorandom stream (SplitMix64): the same numbers on every platform. */
typedef struct mr_rng
{
	uint64_t	state;
} mr_rng;

extern void mr_rng_seed(mr_rng *r, uint64_t seed);
extern uint64_t mr_rng_next(mr_rng *r);
extern double mr_rng_uniform(mr_rng *r);
extern double mr_rng_poisson(mr_rng *r, double mean);

/* The p quantile of v[0..n-1] (sorts v; linear interpolation, Hyndman-Fan type 7). */
extern double mr_quantile(double *v, int n, double p);

/* What a deconvolved q (= share x profile) and background say. */
typedef struct mr_deconv_summary
{
	double		share;			/* sum of q */
	double		mean;			/* mean transit days of q / share (NaN when share is 0) */
	double		median;			/* first day where the profile's cumulative reaches 1/2 */
	double		background;		/* per day */
} mr_deconv_summary;

extern void mr_profile_summary(const double *q, int dmax, double b, mr_deconv_summary *out);

/*
 * Parametric bootstrap of mr_deconvolve (Becker & Marschner 1993): from the
 * fit q, b (and its Pearson dispersion) draw `replicates` downstream series
 * over [w0, w1], each day quasi-Poisson around the fitted mean (dispersion
 * x Poisson(mean / dispersion); Poisson when dispersion <= 1), refit each by
 * EM started from the fit (at most maxit iterations), and summarise it in
 * out[i].  Deterministic for a seed.  work: 2 * (w1 + 1) + (dmax + 1) +
 * mr_deconvolve's work doubles.
 */
extern mr_status mr_deconvolve_bootstrap(const double *up, int w0, int w1,
										 int dmax, int maxit, double eps, const double *q,
										 double b, double dispersion, int replicates,
										 uint64_t seed, mr_deconv_summary *out, double *work);

/*
 * The discretised gamma profile of a mean and CV over days 0..dmax: the
 * density at each whole day, normalised to sum 1 over 0..dmax (CV below 1).
 */
extern void mr_gamma_profile(double mean, double cv, int dmax, double *p);

/* A parametric deconvolution of monthly totals. */
typedef struct mr_monthly_fit
{
	double		mean_param;		/* the gamma's mean on the grid (before truncation at dmax) */
	double		cv;				/* the gamma's coefficient of variation on the grid */
	double		share;
	double		background;		/* arrivals per day from elsewhere */
	double		dispersion;		/* Pearson chi^2 / (months - 4) */
	double		deviance;		/* Poisson deviance of the fit */
	int			months;			/* months the fit used */
	int			first_month;	/* index of the first of them */
} mr_monthly_fit;

/*
 * Monthly totals up[0..n_up-1] and down[0..n_down-1] from the same first
 * month, mdays[k] (1..31) days in month k (for k below both counts): each upstream
 * month spread evenly over its days, downstream month k ~ quasi-Poisson(
 * b days_k + s sum_{t in k} sum_d p(d) up_day[t-d]), p the discretised gamma
 * (mean 1..dmax, by 1 day up to dmax 180; CV 0.10..0.80 by 0.05), s and b
 * by Poisson maximum likelihood per grid point, the grid point by the
 * likelihood.  Fitted on the months whose days all have dmax upstream days
 * before them (at least 5: MR_ERR_EMPTY otherwise).  q[0..dmax] = s p.
 * `replicates` parametric bootstrap refits into boot[] (seeded).  work:
 * mr_deconvolve_monthly_work(months, dmax) doubles, months = the smaller count.
 */
extern size_t mr_deconvolve_monthly_work(int nmonths, int dmax);
extern mr_status mr_deconvolve_monthly(const double *up, int n_up, const double *down, int n_down,
									   const int *mdays, int dmax, int replicates, uint64_t seed,
									   mr_monthly_fit *fit, double *q, mr_deconv_summary *boot,
									   double *work);

/* Alert figures of one day. */
typedef enum mr_alert_method
{
	MR_ALERT_NONE = 0,			/* too little history */
	MR_ALERT_EARS_C2,			/* 9 to 27 days of history */
	MR_ALERT_FORECAST			/* 28 days or more */
} mr_alert_method;

typedef struct mr_alert_day
{
	mr_alert_method method;
	double		expected;		/* the one-step median (C2: the baseline mean) */
	double		upper;			/* the bound the count is compared with */
	double		score;			/* standardised excess */
	bool		alarm;			/* count > upper */
} mr_alert_day;

/*
 * Alerts on y[0..n-1]: day t against a forecast from days before t, the
 * upper bound at normal quantile z on the log1p scale; EARS C2 (baseline
 * t-9 .. t-3, threshold 3 standard deviations, the deviation floored at 1)
 * while fewer than MR_ETS_MIN_DAYS days precede t.  The grid refitted every
 * 7 days over the series' last MR_ETS_FIT_DAYS days, every 91 before them,
 * on the MR_ETS_FIT_DAYS days before t at most.  work: n doubles.
 */
extern void mr_flow_alerts(const int64_t *y, int n, double z, mr_alert_day *out, double *work);

#endif
