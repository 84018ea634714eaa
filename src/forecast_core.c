/*
 * forecast_core.c: the numerical core of the forecasts, plain C
 * (forecast_core.h says what each part is and where it comes from).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "forecast_core.h"

#define M MR_ETS_SEASON

void		(*mr_interrupt_hook) (void) = NULL;

#define INTERRUPTIBLE() do { if (mr_interrupt_hook != NULL) mr_interrupt_hook(); } while (0)

/* ---------- ETS(A,Ad,A) ---------- */

/*
 * Heuristic initial states (Hyndman, Koehler, Ord & Snyder 2008, 2.6.1):
 * the level the mean of the first week, the trend the change to the second
 * week's mean per day, the season the first week's deviations, centred.
 */
static void
ets_init(const double *y, mr_ets *m)
{
	double		w1 = 0,
				w2 = 0,
				mean_s = 0;

	for (int j = 0; j < M; j++)
	{
		w1 += y[j];
		w2 += y[M + j];
	}
	w1 /= M;
	w2 /= M;
	m->level = w1;
	m->trend = (w2 - w1) / M;
	for (int j = 0; j < M; j++)
		mean_s += (m->season[j] = y[j] - w1);
	mean_s /= M;
	for (int j = 0; j < M; j++)
		m->season[j] -= mean_s;
	m->n = 0;
}

double
mr_ets_predict(const mr_ets *m)
{
	return m->level + m->phi * m->trend + m->season[m->n % M];
}

/* Innovations form (FPP3 8.5): predict, take the error, update the states. */
static double
ets_step(mr_ets *m, double y)
{
	double		e = y - mr_ets_predict(m);

	m->level = m->level + m->phi * m->trend + m->alpha * e;
	m->trend = m->phi * m->trend + m->beta * e;
	m->season[m->n % M] += m->gamma * e;
	m->n++;
	return e;
}

void
mr_ets_update(mr_ets *m, double y)
{
	(void) ets_step(m, y);
}

double
mr_ets_filter(const double *y, int n, mr_ets *m, double *pred)
{
	double		sse = 0;

	ets_init(y, m);
	for (int t = 0; t < n; t++)
	{
		double		e;

		if (pred != NULL)
			pred[t] = mr_ets_predict(m);
		e = ets_step(m, y[t]);
		sse += e * e;
	}
	return sse;
}

/* The usual region (FPP3 8.6): beta < alpha, gamma < 1 - alpha, 0.8 <= phi <= 0.98. */
static const double grid_alpha[] = {0.05, 0.1, 0.2, 0.3, 0.5, 0.7};
static const double grid_beta[] = {0, 0.05, 0.2};	/* times alpha */
static const double grid_gamma[] = {0, 0.1, 0.3};	/* times 1 - alpha */
static const double grid_phi[] = {0.8, 0.9, 0.98};

mr_status
mr_ets_fit(const double *y, int n, mr_ets *m)
{
	/* all grid points in one pass over the data, as arrays the compiler vectorises */
	double		al[MR_ETS_GRID_POINTS],
				be[MR_ETS_GRID_POINTS],
				ga[MR_ETS_GRID_POINTS],
				ph[MR_ETS_GRID_POINTS],
				lv[MR_ETS_GRID_POINTS],
				tr[MR_ETS_GRID_POINTS],
				sse[MR_ETS_GRID_POINTS],
				se[M][MR_ETS_GRID_POINTS];
	mr_ets		init;
	int			k = 0,
				best = 0;

	if (n < MR_ETS_MIN_DAYS)
		return MR_ERR_EMPTY;
	for (int t = 0; t < n; t++)
		if (!isfinite(y[t]))
			return MR_ERR_OUT_OF_RANGE;
	ets_init(y, &init);
	for (int a = 0; a < 6; a++)
		for (int b = 0; b < 3; b++)
			for (int g = 0; g < 3; g++)
				for (int p = 0; p < 3; p++, k++)
				{
					al[k] = grid_alpha[a];
					be[k] = grid_beta[b] * grid_alpha[a];
					ga[k] = grid_gamma[g] * (1 - grid_alpha[a]);
					ph[k] = grid_phi[p];
					lv[k] = init.level;
					tr[k] = init.trend;
					sse[k] = 0;
					for (int j = 0; j < M; j++)
						se[j][k] = init.season[j];
				}
	for (int t = 0; t < n; t++)
	{
		double	   *s = se[t % M];
		double		yt = y[t];

		for (k = 0; k < MR_ETS_GRID_POINTS; k++)
		{
			double		pt = ph[k] * tr[k],
						e = yt - (lv[k] + pt + s[k]);

			sse[k] += e * e;
			lv[k] += pt + al[k] * e;
			tr[k] = pt + be[k] * e;
			s[k] += ga[k] * e;
		}
	}
	/* strictly less: the first of equal points, whatever the platform */
	for (k = 1; k < MR_ETS_GRID_POINTS; k++)
		if (sse[k] < sse[best])
			best = k;
	if (!isfinite(sse[best]))
		return MR_ERR_OUT_OF_RANGE;
	memset(m, 0, sizeof(*m));
	m->alpha = al[best];
	m->beta = be[best];
	m->gamma = ga[best];
	m->phi = ph[best];
	m->level = lv[best];
	m->trend = tr[best];
	for (int j = 0; j < M; j++)
		m->season[j] = se[j][best];
	m->n = n;
	/* 4 parameters and 2 + 7 initial states */
	m->sigma2 = sse[best] / (n - (4 + 2 + M));
	return MR_OK;
}

mr_status
mr_ets_fit_recent(const double *y, int n, mr_ets *m)
{
	int			skip = n > MR_ETS_FIT_DAYS ? n - MR_ETS_FIT_DAYS : 0;

	return mr_ets_fit(y + skip, n - skip, m);
}

/* c_j = alpha + beta (phi + ... + phi^j) + gamma [j mod 7 = 0], c_0 = 1 */
static double
ets_c(const mr_ets *m, int j, double *damp)
{
	if (j == 0)
		return 1;
	*damp = *damp * m->phi + m->phi;	/* phi + ... + phi^j, from j - 1's */
	return m->alpha + m->beta * *damp + (j % M == 0 ? m->gamma : 0);
}

void
mr_ets_forecast(const mr_ets *m, int H, double *mean, double *var, double *cov)
{
	double		damp = 0,
				cdamp = 0,
				sum_c2 = 0;

	for (int h = 1; h <= H; h++)
	{
		double		c;

		damp = damp * m->phi + m->phi;
		mean[h - 1] = m->level + damp * m->trend + m->season[(m->n + h - 1) % M];
		/* sigma_h^2 = sigma^2 (1 + sum_{j=1}^{h-1} c_j^2) */
		c = ets_c(m, h - 1, &cdamp);
		if (h > 1)
			sum_c2 += c * c;
		var[h - 1] = m->sigma2 * (1 + sum_c2);
	}
	if (cov == NULL)
		return;

	/*
	 * Cov(e_i, e_j) = sigma^2 sum_{l=0}^{i-1} c_l c_{l+j-i} (i <= j): the
	 * first row is sigma^2 c_{j-1}, then cov(i, j) = cov(i-1, j-1) +
	 * sigma^2 c_{i-1} c_{j-1}.
	 */
	{
		double		c[MR_UPSTREAM_MAX_DAYS];

		cdamp = 0;
		for (int j = 0; j < H; j++)
			c[j] = ets_c(m, j, &cdamp);
		for (int j = 0; j < H; j++)
			cov[j] = m->sigma2 * c[j];
		for (int i = 1; i < H; i++)
			for (int j = i; j < H; j++)
				cov[i * H + j] = cov[(i - 1) * H + (j - 1)] + m->sigma2 * c[i] * c[j];
		for (int i = 0; i < H; i++)
			for (int j = 0; j < i; j++)
				cov[i * H + j] = cov[j * H + i];
	}
}

double
mr_ets_variance_closed(const mr_ets *m, int h)
{
	double		a = m->alpha,
				b = m->beta,
				g = m->gamma,
				p = m->phi,
				k = (double) ((h - 1) / M),
				pm = pow(p, M),
				ph = pow(p, h),
				v;

	v = 1 + a * a * (h - 1) + g * k * (2 * a + g)
		+ b * p * h / ((1 - p) * (1 - p)) * (2 * a * (1 - p) + b * p)
		- b * p * (1 - ph) / ((1 - p) * (1 - p) * (1 - p * p)) * (2 * a * (1 - p * p) + b * p * (1 + 2 * p - ph))
		+ 2 * b * g * p / ((1 - p) * (1 - pm)) * (k * (1 - pm) - pm * (1 - pow(p, M * k)));
	return m->sigma2 * v;
}

void
mr_upstream_continue(const mr_ets *m, int K, double z, double *mean, double *cov,
					 double *med, double *lo, double *hi)
{
	double		mu[MR_UPSTREAM_MAX_DAYS],
				var[MR_UPSTREAM_MAX_DAYS];

	if (K > MR_UPSTREAM_MAX_DAYS)
		K = MR_UPSTREAM_MAX_DAYS;
	/* the log-scale covariance into cov, then mapped in place */
	mr_ets_forecast(m, K, mu, var, cov);
	for (int i = 0; i < K; i++)
	{
		/* lognormal: E[exp X] = exp(m + v/2); a count is at least 0 */
		mean[i] = fmax(0, exp(mu[i] + var[i] / 2) - 1);
		if (med != NULL)
			med[i] = fmax(0, expm1(mu[i]));
		if (lo != NULL)
			lo[i] = fmax(0, expm1(mu[i] - z * sqrt(var[i])));
		if (hi != NULL)
			hi[i] = fmax(0, expm1(mu[i] + z * sqrt(var[i])));
	}
	/* Cov(exp X_i, exp X_j) = exp(m_i + m_j + (v_i + v_j) / 2) (exp(C_ij) - 1) */
	for (int i = 0; i < K; i++)
		for (int j = 0; j < K; j++)
			cov[i * K + j] = exp(mu[i] + mu[j] + (var[i] + var[j]) / 2) * expm1(cov[i * K + j]);
}

/*
 * The standard normal quantile: P. J. Acklam's rational approximation
 * (relative error 1.15e-9), refined by one Halley step on erfc.
 */
double
mr_norm_quantile(double p)
{
	static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
		-2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01,
	2.506628277459239e+00};
	static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
		-1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01};
	static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
		-2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00,
	2.938163982698783e+00};
	static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
	2.445134137142996e+00, 3.754408661907416e+00};
	double		q,
				r,
				x,
				e,
				u;

	if (!(p > 0 && p < 1))
		return p == 0 ? -INFINITY : p == 1 ? INFINITY : NAN;
	if (p < 0.02425)
	{
		q = sqrt(-2 * log(p));
		x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
			((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	}
	else if (p <= 1 - 0.02425)
	{
		q = p - 0.5;
		r = q * q;
		x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
			(((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
	}
	else
	{
		q = sqrt(-2 * log(1 - p));
		x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
			((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	}
	e = 0.5 * erfc(-x / sqrt(2)) - p;
	u = e * sqrt(2 * M_PI) * exp(x * x / 2);
	return x - u / (1 + x * u / 2);
}

/* ---------- arrivals ---------- */

void
mr_arrivals_at(const mr_arrivals_input *in, int t, mr_arrivals_day *out)
{
	double		seen = 0,
				vseen = 0,
				unseen = 0,
				vthin = 0,
				vup = 0;
	int			dlo = t - in->nknown + 1,
				ulo,
				uhi;

	/* departures already recorded: days u = t - d < nknown */
	for (int d = dlo > 0 ? dlo : 0; d < in->nq && d <= t; d++)
	{
		double		dep = (double) in->dep[t - d],
					q = in->q[d];

		seen += dep * q;
		vseen += dep * q * (1 - q);
	}
	/* departures continued: days nknown .. nknown + K - 1 that reach t */
	ulo = in->nknown;
	if (t - (in->nq - 1) > ulo)
		ulo = t - (in->nq - 1);
	uhi = in->nknown + in->K - 1;
	if (uhi > t)
		uhi = t;
	for (int u = ulo; u <= uhi; u++)
	{
		double		q = in->q[t - u],
					mu = in->up_mean[u - in->nknown];

		unseen += q * mu;
		vthin += q * (1 - q) * mu;
		for (int v = ulo; v <= uhi; v++)
			vup += q * in->q[t - v] * in->up_cov[(u - in->nknown) * in->K + (v - in->nknown)];
	}
	out->seen = seen;
	out->unseen = unseen;
	out->var_seen = vseen;
	out->var = in->kappa * (vseen + vthin) + (vup > 0 ? vup : 0);
}

/*
 * The Pearson term of arrival day t (departure index), or false when the
 * day is not used: outside the arrivals, or its expectation comes for less
 * than 95% of the share from recorded departures, or it is 0.
 */
static bool
pearson_term(const int64_t *dep, int ndep, const int64_t *arr, int narr, int arr_offset,
			 const double *q, int nq, double share, int t, double *term)
{
	double		mu = 0,
				v = 0,
				cover = 0;
	int64_t		k = (int64_t) t - arr_offset;

	if (k < 0 || k >= narr || t < 0)
		return false;
	for (int d = 0; d < nq && d <= t; d++)
	{
		cover += q[d];
		if (t - d < ndep)
		{
			double		x = (double) dep[t - d];

			mu += q[d] * x;
			v += q[d] * (1 - q[d]) * x;
		}
	}
	if (cover < 0.95 * share || v <= 0)
		return false;
	*term = ((double) arr[k] - mu) * ((double) arr[k] - mu) / v;
	return true;
}

static double
q_share(const double *q, int nq)
{
	double		s = 0;

	for (int d = 0; d < nq; d++)
		s += q[d];
	return s;
}

double
mr_dispersion(const int64_t *dep, int ndep, const int64_t *arr, int narr, int arr_offset,
			  const double *q, int nq, int tend, int *df)
{
	double		chi2 = 0,
				term,
				share = q_share(q, nq);
	int			n = 0;

	for (int t = 0; t < tend; t++)
		if (pearson_term(dep, ndep, arr, narr, arr_offset, q, nq, share, t, &term))
		{
			chi2 += term;
			n++;
		}
	*df = n > 1 ? n - 1 : 0;
	if (n < 2)
		return 1;
	return fmax(1, chi2 / (n - 1));
}

/* ---------- backtest ---------- */

size_t
mr_backtest_work_size(int ndep, int H)
{
	return 3 * ((size_t) ndep + 1) + 2 * (size_t) H + 2 * (size_t) H * H;
}

mr_status
mr_backtest(const int64_t *dep, int ndep, const int64_t *arr, int narr, int arr_offset,
			const double *q, int nq, int H, int from, int to, double z,
			mr_backtest_row *rows, double *work)
{
	double	   *y = work,
			   *chi2 = y + ndep,	/* chi2[t]: sum of the terms of days < t */
			   *used = chi2 + ndep + 1, /* used[t]: how many */
			   *up_mean = used + ndep + 1,
			   *up_cov = up_mean + H,
			   *scratch = up_cov + (size_t) H * H;
	double		share = q_share(q, nq);
	mr_ets		m;
	mr_arrivals_input in;

	(void) scratch;
	if (from < MR_ETS_MIN_DAYS || to > ndep || from > to || H < 1 || H > MR_UPSTREAM_MAX_DAYS)
		return MR_ERR_EMPTY;
	memset(rows, 0, H * sizeof(mr_backtest_row));
	for (int t = 0; t < ndep; t++)
		y[t] = log1p((double) dep[t]);
	chi2[0] = used[0] = 0;
	for (int t = 0; t < ndep; t++)
	{
		double		term;
		bool		ok = pearson_term(dep, ndep, arr, narr, arr_offset, q, nq, share, t, &term);

		chi2[t + 1] = chi2[t] + (ok ? term : 0);
		used[t + 1] = used[t] + (ok ? 1 : 0);
	}
	in.dep = dep;
	in.q = q;
	in.nq = nq;
	in.K = H;
	in.up_mean = up_mean;
	in.up_cov = up_cov;
	for (int T = from; T <= to; T++)
	{
		mr_status	st;

		INTERRUPTIBLE();
		/* Tashman's recalibration every 7 origins, updating in between */
		if ((T - from) % 7 == 0)
		{
			if ((st = mr_ets_fit_recent(y, T, &m)) != MR_OK)
				return st;
		}
		else
			mr_ets_update(&m, y[T - 1]);
		mr_upstream_continue(&m, H, z, up_mean, up_cov, NULL, NULL, NULL);
		in.nknown = T;
		in.kappa = used[T] >= 2 ? fmax(1, chi2[T] / (used[T] - 1)) : 1;
		for (int h = 1; h <= H; h++)
		{
			int64_t		t = (int64_t) T + h - 1,
						k = t - arr_offset;
			mr_arrivals_day a;
			double		obs,
						mean,
						sd;
			mr_backtest_row *r = &rows[h - 1];

			if (k < 0 || k >= narr)
				continue;
			mr_arrivals_at(&in, (int) t, &a);
			obs = (double) arr[k];
			mean = a.seen + a.unseen;
			sd = sqrt(a.var);
			r->n++;
			r->covered += obs >= fmax(0, mean - z * sd) && obs <= mean + z * sd;
			r->abs_err += fabs(obs - mean);
			r->err += obs - mean;
			/* 0.1: the recorded departures alone, independent arrivals */
			sd = sqrt(a.var_seen);
			r->covered_01 += obs >= fmax(0, a.seen - z * sd) && obs <= a.seen + z * sd;
			r->abs_err_01 += fabs(obs - a.seen);
			r->err_01 += obs - a.seen;
		}
	}
	return MR_OK;
}

/* ---------- chains ---------- */

mr_status
mr_histogram_convolve(const int64_t *a, int na, int64_t a_total, const int64_t *b, int nb,
					  int64_t b_total, int64_t *out, int nout, int64_t *overflow)
{
	int64_t		total,
				placed = 0;

	if (__builtin_mul_overflow(a_total, b_total, &total))
		return MR_ERR_OUT_OF_RANGE;
	memset(out, 0, nout * sizeof(int64_t));
	/* every product and partial sum is at most total: no check needed */
	for (int i = 0; i < na && i < nout; i++)
	{
		if (a[i] == 0)
			continue;
		for (int j = 0; j < nb && i + j < nout; j++)
			out[i + j] += a[i] * b[j];
	}
	for (int k = 0; k < nout; k++)
		placed += out[k];
	*overflow = total - placed;
	return MR_OK;
}

/* ---------- deconvolution ---------- */

/* sum of a[i] b[i], in four interleaved sums (the compiler may not reorder one) */
static double
dot(const double *a, const double *b, int n)
{
	double		s0 = 0,
				s1 = 0,
				s2 = 0,
				s3 = 0;
	int			i = 0;

	for (; i + 4 <= n; i += 4)
	{
		s0 += a[i] * b[i];
		s1 += a[i + 1] * b[i + 1];
		s2 += a[i + 2] * b[i + 2];
		s3 += a[i + 3] * b[i + 3];
	}
	for (; i < n; i++)
		s0 += a[i] * b[i];
	return (s0 + s1) + (s2 + s3);
}

/*
 * The EM iterations; warm: start from q and *b as given (a bootstrap
 * replicate starts from the fit it resamples) instead of flat.
 */
static mr_status
deconvolve_em(const double *up, const double *down, int w0, int w1, int dmax, int maxit,
			  double eps, bool warm, double *q, double *b, int *iters, double *dispersion,
			  double *work)
{
	double	   *mu = work,
			   *r = mu + (w1 + 1),
			   *num = r + (w1 + 1),
			   *den = num + (dmax + 1);
	double		sum_u = 0,
				sum_d = 0,
				chi2 = 0;
	int			nw = w1 - w0 + 1,
				it;

	if (dmax < 0 || w0 < dmax || nw < 1)
		return MR_ERR_EMPTY;
	for (int t = w0; t <= w1; t++)
	{
		sum_u += up[t];
		sum_d += down[t];
	}
	if (sum_u <= 0)
		return MR_ERR_EMPTY;
	/* den[d]: the departures that could arrive after d days inside the window */
	for (int d = 0; d <= dmax; d++)
	{
		den[d] = 0;
		for (int t = w0; t <= w1; t++)
			den[d] += up[t - d];
	}
	/* flat start at the ratio of the totals; the background well away from 0 */
	if (!warm)
	{
		for (int d = 0; d <= dmax; d++)
			q[d] = sum_d / sum_u / (dmax + 1);
		*b = 0.1 * sum_d / nw;
	}
	for (it = 0; it < maxit; it++)
	{
		double		mean_r = 0,
					change = 0,
					total = 0;

		INTERRUPTIBLE();
		/* mu = b + q * up, by rows of q: contiguous, vectorised */
		for (int t = w0; t <= w1; t++)
			mu[t] = *b;
		for (int d = 0; d <= dmax; d++)
		{
			const double qd = q[d],
					   *u = up - d;

			if (qd == 0)
				continue;
			for (int t = w0; t <= w1; t++)
				mu[t] += qd * u[t];
		}
		for (int t = w0; t <= w1; t++)
		{
			r[t] = mu[t] > 0 ? down[t] / mu[t] : 0;
			mean_r += r[t];
		}
		mean_r /= nw;
		for (int d = 0; d <= dmax; d++)
			num[d] = den[d] > 0 && q[d] > 0 ? q[d] * dot(up + w0 - d, r + w0, nw) / den[d] : 0;
		for (int d = 0; d <= dmax; d++)
		{
			change += fabs(num[d] - q[d]);
			total += q[d];
			q[d] = num[d];
		}
		*b *= mean_r;
		if (total <= 0 || change / total < eps)
		{
			it++;
			break;
		}
	}
	*iters = it;
	/* the fit's Pearson chi^2 per day */
	for (int t = w0; t <= w1; t++)
	{
		double		s = *b;

		for (int d = 0; d <= dmax; d++)
			s += q[d] * up[t - d];
		if (s > 0)
			chi2 += (down[t] - s) * (down[t] - s) / s;
	}
	*dispersion = nw > 1 ? chi2 / (nw - 1) : 0;
	return MR_OK;
}

mr_status
mr_deconvolve(const double *up, const double *down, int w0, int w1, int dmax, int maxit,
			  double eps, double *q, double *b, int *iters, double *dispersion, double *work)
{
	return deconvolve_em(up, down, w0, w1, dmax, maxit, eps, false, q, b, iters, dispersion, work);
}

/* ---------- seeded random numbers (bootstrap) ---------- */

/*
 * SplitMix64 (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number
 * generators", OOPSLA): 64-bit integer arithmetic only, so a seed gives the
 * same stream on every platform.
 */
void
mr_rng_seed(mr_rng *r, uint64_t seed)
{
	r->state = seed;
}

uint64_t
mr_rng_next(mr_rng *r)
{
	uint64_t	z = (r->state += UINT64_C(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

/* uniform on (0, 1): 53 random bits, never 0 */
double
mr_rng_uniform(mr_rng *r)
{
	return ((double) (mr_rng_next(r) >> 11) + 0.5) * (1.0 / 9007199254740992.0);
}

/*
 * A Poisson draw: Knuth's product of uniforms below mean 30; above, the
 * normal approximation (Box-Muller) rounded and floored at 0, whose error
 * (skewness 1/sqrt(mean) < 0.19) is small beside what a bootstrap interval
 * resolves.
 */
double
mr_rng_poisson(mr_rng *r, double mean)
{
	if (!(mean > 0))
		return 0;
	if (mean < 30)
	{
		double		limit = exp(-mean),
					p = mr_rng_uniform(r);
		int			k = 0;

		while (p > limit)
		{
			p *= mr_rng_uniform(r);
			k++;
		}
		return k;
	}
	else
	{
		double		u1 = mr_rng_uniform(r),
					u2 = mr_rng_uniform(r),
					z = sqrt(-2 * log(u1)) * cos(2 * M_PI * u2),
					x = floor(mean + sqrt(mean) * z + 0.5);

		return x > 0 ? x : 0;
	}
}

/*
 * A quasi-Poisson draw with mean `mean` and variance dispersion * mean:
 * dispersion * Poisson(mean / dispersion) (Poisson when dispersion <= 1).
 */
static double
quasi_poisson(mr_rng *r, double mean, double dispersion)
{
	if (dispersion <= 1)
		return mr_rng_poisson(r, mean);
	return dispersion * mr_rng_poisson(r, mean / dispersion);
}

static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return (x > y) - (x < y);
}

double
mr_quantile(double *v, int n, double p)
{
	double		h;
	int			i;

	if (n < 1)
		return NAN;
	qsort(v, n, sizeof(double), cmp_double);
	/* linear interpolation between order statistics (Hyndman & Fan type 7) */
	h = (n - 1) * p;
	i = (int) floor(h);
	if (i >= n - 1)
		return v[n - 1];
	return v[i] + (h - i) * (v[i + 1] - v[i]);
}

void
mr_profile_summary(const double *q, int dmax, double b, mr_deconv_summary *out)
{
	double		share = 0,
				mean = 0,
				cum = 0;

	for (int d = 0; d <= dmax; d++)
	{
		share += q[d];
		mean += d * q[d];
	}
	out->share = share;
	out->background = b;
	out->mean = share > 0 ? mean / share : NAN;
	out->median = NAN;
	for (int d = 0; d <= dmax && share > 0; d++)
	{
		cum += q[d] / share;
		if (cum >= 0.5 - 1e-12)
		{
			out->median = d;
			break;
		}
	}
}

mr_status
mr_deconvolve_bootstrap(const double *up, int w0, int w1, int dmax,
						int maxit, double eps, const double *q, double b, double dispersion,
						int replicates, uint64_t seed, mr_deconv_summary *out, double *work)
{
	double	   *mu = work,
			   *dstar = mu + (w1 + 1),
			   *qstar = dstar + (w1 + 1),
			   *em_work = qstar + (dmax + 1);
	mr_rng		rng;

	if (dmax < 0 || w0 < dmax || w1 < w0 || replicates < 1)
		return MR_ERR_EMPTY;
	/* the fitted means the replicates are drawn from */
	for (int t = w0; t <= w1; t++)
	{
		mu[t] = b;
		for (int d = 0; d <= dmax; d++)
			mu[t] += q[d] * up[t - d];
	}
	mr_rng_seed(&rng, seed);
	for (int i = 0; i < replicates; i++)
	{
		double		bstar = b,
					disp;
		int			iters;

		for (int t = 0; t < w0; t++)
			dstar[t] = 0;
		for (int t = w0; t <= w1; t++)
			dstar[t] = quasi_poisson(&rng, mu[t], dispersion);
		memcpy(qstar, q, (dmax + 1) * sizeof(double));
		/* a flat start would spend most iterations reaching the fit's neighbourhood */
		if (deconvolve_em(up, dstar, w0, w1, dmax, maxit, eps, true, qstar, &bstar, &iters,
						  &disp, em_work) != MR_OK)
			return MR_ERR_EMPTY;
		mr_profile_summary(qstar, dmax, bstar, &out[i]);
	}
	return MR_OK;
}

/* ---------- parametric deconvolution of monthly totals ---------- */

/* The CV grid: 0.10 to 0.80 by 0.05. */
#define CV_GRID 15
#define CV_FIRST 0.10
#define CV_STEP 0.05

/* The mean grid: every day from 1 to dmax, by a coarser step past 180 points. */
static int
mean_step(int dmax)
{
	return dmax <= 180 ? 1 : (dmax + 179) / 180;
}

static int
mean_grid(int dmax)
{
	return dmax < 1 ? 0 : dmax / mean_step(dmax);
}

size_t
mr_deconvolve_monthly_work(int nmonths, int dmax)
{
	size_t		theta = (size_t) mean_grid(dmax) * CV_GRID;

	/*
	 * A (months x dmax+1), X (theta x months), day counts, draws, fitted
	 * means, a profile, the cumulative daily upstream (31 days a month at most)
	 */
	return (size_t) nmonths * (dmax + 1) + theta * nmonths + 4 * (size_t) nmonths + (dmax + 1) +
		31 * (size_t) nmonths + 1;
}

void
mr_gamma_profile(double mean, double cv, int dmax, double *p)
{
	double		shape = 1 / (cv * cv),
				scale = mean * cv * cv,
				top = -INFINITY,
				sum = 0;

	if (dmax < 1)
	{
		p[0] = 1;
		return;
	}

	/*
	 * the density at each whole day (a transit rounded to the nearest day),
	 * normalised over 0..dmax; the CV grid keeps shape > 1, so day 0 has
	 * density 0
	 */
	for (int d = 0; d <= dmax; d++)
	{
		double		x = d;

		p[d] = d == 0 ? -INFINITY : (shape - 1) * log(x) - x / scale;
		if (p[d] > top)
			top = p[d];
	}
	for (int d = 0; d <= dmax; d++)
	{
		p[d] = exp(p[d] - top);
		sum += p[d];
	}
	for (int d = 0; d <= dmax; d++)
		p[d] /= sum;
}

static double
poisson_loglik(const double *m, const double *x, const double *days, int k, double s, double b)
{
	double		l = 0;

	for (int i = 0; i < k; i++)
	{
		double		mu = s * x[i] + b * days[i];

		if (mu <= 0)
		{
			if (m[i] > 0)
				return -INFINITY;
			continue;
		}
		l += m[i] * log(mu) - mu;
	}
	return l;
}

/*
 * Poisson maximum likelihood of m[i] ~ s x[i] + b days[i], s, b >= 0: the
 * log-likelihood is concave, so the maximum is Newton's unconstrained one
 * when it lies in the quadrant, else the better of the two edges (closed
 * form: the ratio of the totals).
 */
static double
fit_share_background(const double *m, const double *x, const double *days, int k,
					 double *s_out, double *b_out)
{
	double		sm = 0,
				sx = 0,
				st = 0,
				s,
				b,
				l,
				ls,
				lb;

	for (int i = 0; i < k; i++)
	{
		sm += m[i];
		sx += x[i];
		st += days[i];
	}
	s = sx > 0 ? 0.5 * sm / sx : 0;
	b = 0.5 * sm / st;
	l = poisson_loglik(m, x, days, k, s, b);
	for (int it = 0; it < 100 && sx > 0; it++)
	{
		double		gs = 0,
					gb = 0,
					hss = 0,
					hsb = 0,
					hbb = 0,
					det,
					ds,
					db,
					step = 1,
					lnew = -INFINITY;

		for (int i = 0; i < k; i++)
		{
			double		mu = s * x[i] + b * days[i],
						w = m[i] / (mu * mu);

			gs += (m[i] / mu - 1) * x[i];
			gb += (m[i] / mu - 1) * days[i];
			hss += w * x[i] * x[i];
			hsb += w * x[i] * days[i];
			hbb += w * days[i] * days[i];
		}
		det = hss * hbb - hsb * hsb;
		if (!(det > 0))
			break;
		/* (ds, db) = -H^-1 g, with H = -[hss hsb; hsb hbb] */
		ds = (hbb * gs - hsb * gb) / det;
		db = (hss * gb - hsb * gs) / det;
		for (int h = 0; h < 40; h++, step /= 2)
		{
			lnew = poisson_loglik(m, x, days, k, s + step * ds, b + step * db);
			if (lnew >= l)
				break;
		}
		if (!(lnew >= l))
			break;
		s += step * ds;
		b += step * db;
		if (lnew - l < 1e-12 * (1 + fabs(l)))
		{
			l = lnew;
			break;
		}
		l = lnew;
	}
	if (s >= 0 && b >= 0 && sx > 0)
	{
		*s_out = s;
		*b_out = b;
		return l;
	}
	/* the edges */
	ls = sx > 0 ? poisson_loglik(m, x, days, k, sm / sx, 0) : -INFINITY;
	lb = poisson_loglik(m, x, days, k, 0, sm / st);
	if (ls > lb)
	{
		*s_out = sm / sx;
		*b_out = 0;
		return ls;
	}
	*s_out = 0;
	*b_out = sm / st;
	return lb;
}

/* The prepared problem: usable months, their exposures under every grid point. */
typedef struct monthly_ctx
{
	int			k;				/* usable months */
	int			first;			/* index of the first usable month */
	int			ntheta;
	int			dmax;
	double	   *x;				/* ntheta x k */
	double	   *days;			/* k */
	double	   *p;				/* dmax + 1: a profile's scratch */
} monthly_ctx;

static double
grid_mean(int dmax, int i)
{
	return (double) (i / CV_GRID + 1) * mean_step(dmax);
}

static double
grid_cv(int i)
{
	return CV_FIRST + CV_STEP * (i % CV_GRID);
}

/* the best grid point for month totals m[0..k-1] */
static int
monthly_best(const monthly_ctx *c, const double *m, double *s, double *b, double *loglik)
{
	int			best = -1;
	double		lbest = -INFINITY;

	for (int i = 0; i < c->ntheta; i++)
	{
		double		si,
					bi,
					l = fit_share_background(m, c->x + (size_t) i * c->k, c->days, c->k, &si, &bi);

		if (best < 0 || l > lbest)
		{
			best = i;
			lbest = l;
			*s = si;
			*b = bi;
		}
	}
	*loglik = lbest;
	return best;
}

static mr_status
monthly_prepare(const double *up, int n_up, const double *down, int n_down, const int *mdays,
				int dmax, monthly_ctx *c, double *work, const double **m_out)
{
	int			n = n_up < n_down ? n_up : n_down,
				start = 0;
	double	   *a,
			   *p;

	if (dmax < 1 || n_up < 1 || n_down < 1)
		return MR_ERR_EMPTY;
	/* usable: months whose every day has dmax upstream days recorded before it */
	c->first = -1;
	for (int k = 0; k < n; k++)
	{
		if (start >= dmax && c->first < 0)
			c->first = k;
		start += mdays[k];
	}
	if (c->first < 0)
		return MR_ERR_EMPTY;
	c->k = n - c->first;
	c->dmax = dmax;
	c->ntheta = mean_grid(dmax) * CV_GRID;
	a = work;
	c->x = a + (size_t) c->k * (dmax + 1);
	c->days = c->x + (size_t) c->ntheta * c->k;
	p = c->p = c->days + 4 * (size_t) c->k;
	*m_out = down + c->first;
	/*
	 * a[j][d]: upstream departures d days before the days of usable month j,
	 * each upstream month spread evenly over its days: differences of the
	 * cumulative daily upstream, O(months x dmax)
	 */
	{
		double	   *cum = p + (dmax + 1);
		int			t0 = 0,
					t = 0;

		cum[0] = 0;
		for (int k = 0; k < n; k++)
			for (int i = 0; i < mdays[k]; i++, t++)
				cum[t + 1] = cum[t] + up[k] / mdays[k];
		for (int k = 0; k < c->first; k++)
			t0 += mdays[k];
		for (int j = 0; j < c->k; j++)
		{
			int			len = mdays[c->first + j];

			c->days[j] = len;
			/* t0 >= dmax: every day t0 - d .. t0 + len - 1 - d is recorded */
			for (int d = 0; d <= dmax; d++)
				a[(size_t) j * (dmax + 1) + d] = cum[t0 + len - d] - cum[t0 - d];
			t0 += len;
		}
	}
	for (int i = 0; i < c->ntheta; i++)
	{
		INTERRUPTIBLE();
		mr_gamma_profile(grid_mean(dmax, i), grid_cv(i), dmax, p);
		for (int j = 0; j < c->k; j++)
			c->x[(size_t) i * c->k + j] = dot(p, a + (size_t) j * (dmax + 1), dmax + 1);
	}
	return MR_OK;
}

mr_status
mr_deconvolve_monthly(const double *up, int n_up, const double *down, int n_down,
					  const int *mdays, int dmax, int replicates, uint64_t seed,
					  mr_monthly_fit *fit, double *q, mr_deconv_summary *boot, double *work)
{
	monthly_ctx c;
	const double *m;
	double	   *draw,
			   *mu,
				s = 0,			/* set by monthly_best: initialised for older gcc */
				b = 0,
				l = 0,
				chi2 = 0,
				dev = 0;
	int			best;
	mr_status	st = monthly_prepare(up, n_up, down, n_down, mdays, dmax, &c, work, &m);

	if (st != MR_OK)
		return st;
	if (c.k < 5)
		return MR_ERR_EMPTY;
	draw = c.days + c.k;
	mu = draw + c.k;
	best = monthly_best(&c, m, &s, &b, &l);
	fit->mean_param = grid_mean(dmax, best);
	fit->cv = grid_cv(best);
	fit->share = s;
	fit->background = b;
	fit->months = c.k;
	fit->first_month = c.first;
	for (int j = 0; j < c.k; j++)
	{
		mu[j] = s * c.x[(size_t) best * c.k + j] + b * c.days[j];
		if (mu[j] > 0)
		{
			chi2 += (m[j] - mu[j]) * (m[j] - mu[j]) / mu[j];
			dev += 2 * ((m[j] > 0 ? m[j] * log(m[j] / mu[j]) : 0) - (m[j] - mu[j]));
		}
	}
	/* four parameters: mean, CV, share, background */
	fit->dispersion = chi2 / (c.k - 4);
	fit->deviance = dev;
	mr_gamma_profile(fit->mean_param, fit->cv, dmax, q);
	for (int d = 0; d <= dmax; d++)
		q[d] *= s;
	{
		mr_rng		rng;

		mr_rng_seed(&rng, seed);
		for (int i = 0; i < replicates; i++)
		{
			double		sb = 0,
						bb = 0,
						lb = 0;
			int			bi;

			INTERRUPTIBLE();
			for (int j = 0; j < c.k; j++)
				draw[j] = quasi_poisson(&rng, mu[j], fit->dispersion);
			bi = monthly_best(&c, draw, &sb, &bb, &lb);
			/* the profile's summaries: q of the replicate in the draw's place */
			mr_gamma_profile(grid_mean(dmax, bi), grid_cv(bi), dmax, c.p);
			for (int d = 0; d <= dmax; d++)
				c.p[d] *= sb;
			mr_profile_summary(c.p, dmax, bb, &boot[i]);
		}
	}
	return MR_OK;
}

/* ---------- alerts ---------- */

void
mr_flow_alerts(const int64_t *y, int n, double z, mr_alert_day *out, double *work)
{
	double	   *ly = work;
	mr_ets		m;
	bool		fitted = false;

	for (int t = 0; t < n; t++)
		ly[t] = log1p((double) y[t]);
	for (int t = 0; t < n; t++)
	{
		mr_alert_day *a = &out[t];

		memset(a, 0, sizeof(*a));
		if (t >= MR_ETS_MIN_DAYS)
		{
			double		pred,
						sd;

			/*
			 * refitted weekly over the last two years; before them (a long
			 * history) every 13 weeks, so a call costs O(n) whatever n is
			 */
			int			every = t >= n - MR_ETS_FIT_DAYS ? 7 : 91;

			if ((t - MR_ETS_MIN_DAYS) % every == 0 || !fitted)
			{
				INTERRUPTIBLE();
				fitted = mr_ets_fit_recent(ly, t, &m) == MR_OK;
			}
			else
				mr_ets_update(&m, ly[t - 1]);
			if (!fitted)
				continue;
			pred = mr_ets_predict(&m);
			/* a constant history: no spread, so a floor (1% on the log scale) */
			sd = fmax(sqrt(m.sigma2), 0.01);
			a->method = MR_ALERT_FORECAST;
			a->expected = expm1(pred);
			a->upper = expm1(pred + z * sd);
			a->score = (ly[t] - pred) / sd;
			a->alarm = (double) y[t] > a->upper;
		}
		else if (t >= 9)
		{
			/* EARS C2: baseline t-9 .. t-3, sample sd (n - 1), threshold 3 */
			double		mean = 0,
						ss = 0,
						sd;

			for (int k = t - 9; k <= t - 3; k++)
				mean += (double) y[k];
			mean /= 7;
			for (int k = t - 9; k <= t - 3; k++)
				ss += ((double) y[k] - mean) * ((double) y[k] - mean);
			sd = fmax(sqrt(ss / 6), 1);
			a->method = MR_ALERT_EARS_C2;
			a->expected = mean;
			a->upper = mean + 3 * sd;
			a->score = ((double) y[t] - mean) / sd;
			a->alarm = a->score >= 3;
		}
	}
}
