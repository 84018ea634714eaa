/*
 * test_forecast.c: unit tests of the forecasts' numerical core
 * (src/forecast_core.c), outside the server, against hand computations,
 * closed forms and simulations with a fixed seed.  Prints TAP.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forecast_core.h"

static int	ntests = 0,
			nfailed = 0;

static void
ok(int cond, const char *what, ...)
{
	va_list		ap;

	ntests++;
	if (!cond)
		nfailed++;
	printf("%s %d - ", cond ? "ok" : "not ok", ntests);
	va_start(ap, what);
	vprintf(what, ap);
	va_end(ap);
	putchar('\n');
}

/* a TAP comment: the figures behind a test */
static void
diag(const char *what, ...)
{
	va_list		ap;

	fputs("# ", stdout);
	va_start(ap, what);
	vprintf(what, ap);
	va_end(ap);
	putchar('\n');
}

/* xorshift64*: the same draws on every platform */
static uint64_t rng_state = 88172645463325252ULL;

static double
unif(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (double) ((rng_state * 2685821657736338717ULL) >> 11) / 9007199254740992.0;
}

static double
normal(void)
{
	double		u = unif(),
				v = unif();

	return sqrt(-2 * log(1 - u)) * cos(2 * M_PI * v);
}

/* Poisson: Knuth's product for small means, a rounded normal above 50 */
static int64_t
poisson(double mu)
{
	if (mu > 50)
	{
		double		x = floor(mu + sqrt(mu) * normal() + 0.5);

		return x < 0 ? 0 : (int64_t) x;
	}
	else
	{
		double		l = exp(-mu),
					p = 1;
		int64_t		k = 0;

		do
		{
			k++;
			p *= unif();
		} while (p > l);
		return k - 1;
	}
}

static void
params(mr_ets *m, double a, double b, double g, double p, double s2)
{
	memset(m, 0, sizeof(*m));
	m->alpha = a;
	m->beta = b;
	m->gamma = g;
	m->phi = p;
	m->sigma2 = s2;
}

int
main(void)
{
	mr_ets		m;
	static double mean[400],
				var[400],
				cov[400 * 400],
				y[2000];
	int			bad;
	double		worst;

	/* the c_j sum against FPP3's closed form */
	{
		const double sets[][4] = {{0.3, 0.06, 0.1, 0.9}, {0.6, 0.2, 0.2, 0.95}, {0.05, 0, 0.3, 0.8},
		{0.7, 0.14, 0.09, 0.98}};

		worst = 0;
		for (int s = 0; s < 4; s++)
		{
			params(&m, sets[s][0], sets[s][1], sets[s][2], sets[s][3], 0.04);
			mr_ets_forecast(&m, 60, mean, var, cov);
			for (int h = 1; h <= 60; h++)
			{
				double		e = fabs(var[h - 1] - mr_ets_variance_closed(&m, h)) / var[h - 1];

				worst = fmax(worst, e);
				worst = fmax(worst, fabs(cov[(h - 1) * 60 + (h - 1)] - var[h - 1]) / var[h - 1]);
			}
		}
		ok(worst < 1e-9, "forecast variance: the c_j sum equals the closed form, h = 1..60");
	}

	/* the covariance against a simulation of the innovations form */
	{
		const int	H = 28,
					R = 20000;
		static double sum[28],
					sum_ij[28];

		params(&m, 0.6, 0.2, 0.2, 0.95, 1);
		m.level = 5;
		m.n = 3;
		mr_ets_forecast(&m, H, mean, var, cov);
		memset(sum, 0, sizeof(sum));
		memset(sum_ij, 0, sizeof(sum_ij));
		for (int r = 0; r < R; r++)
		{
			mr_ets		s = m;
			double		path[28];

			for (int h = 0; h < H; h++)
			{
				double		e = normal(),
							yv = mr_ets_predict(&s) + e;

				mr_ets_update(&s, yv);
				path[h] = yv - mean[h];
			}
			for (int h = 0; h < H; h++)
			{
				sum[h] += path[h] * path[h];
				sum_ij[h] += path[6] * path[h];
			}
		}
		bad = 0;
		for (int h = 0; h < H; h++)
		{
			if (fabs(sum[h] / R - var[h]) > 0.05 * var[h])
				bad++;
			if (fabs(sum_ij[h] / R - cov[6 * H + h]) > 0.05 * var[h])
				bad++;
		}
		ok(bad == 0, "forecast variance and covariance within 5% of 20000 simulated paths");
		ok(fabs(mean[27] - (5 + 0)) < 1e-12, "forecast mean: level and no trend stay flat");
	}

	/* fitting: a noiseless weekly pattern on a damped trend is predicted exactly */
	{
		const double wk[7] = {0.1, -0.2, 0.05, 0.15, -0.1, 0.0, 0.0};

		for (int t = 0; t < 140; t++)
			y[t] = 6 + wk[t % 7];
		ok(mr_ets_fit(y, 140, &m) == MR_OK && m.sigma2 < 1e-20, "fit: a pure weekly pattern has no error");
		mr_ets_forecast(&m, 14, mean, var, NULL);
		worst = 0;
		for (int h = 1; h <= 14; h++)
			worst = fmax(worst, fabs(mean[h - 1] - (6 + wk[(140 + h - 1) % 7])));
		ok(worst < 1e-9, "fit: the pattern is forecast two weeks on");
		ok(mr_ets_fit(y, 27, &m) == MR_ERR_EMPTY, "fit: fewer than 28 days refused");
		y[5] = NAN;
		ok(mr_ets_fit(y, 140, &m) == MR_ERR_OUT_OF_RANGE, "fit: a NaN refused");
	}

	/* fitting recovers the level and spread of a noisy log series */
	{
		double		s2;

		for (int t = 0; t < 730; t++)
			y[t] = log1p(400.0) + 0.15 * sin(2 * M_PI * (t % 7) / 7.0) + 0.2 * normal();
		ok(mr_ets_fit(y, 730, &m) == MR_OK, "fit: 730 noisy days");
		s2 = m.sigma2;
		ok(s2 > 0.035 && s2 < 0.05, "fit: one-step variance near 0.2^2 (with the level's own noise)");
		mr_ets_forecast(&m, 7, mean, var, NULL);
		ok(fabs(mean[0] - (log1p(400.0) + 0.15 * sin(2 * M_PI * (730 % 7) / 7.0))) < 0.1,
		   "fit: the next day near the true mean");
	}

	/* the normal quantile */
	ok(fabs(mr_norm_quantile(0.9) - 1.2815515655446004) < 1e-12 &&
	   fabs(mr_norm_quantile(0.99) - 2.3263478740408408) < 1e-12 &&
	   fabs(mr_norm_quantile(0.001) + 3.0902323061678132) < 1e-12 &&
	   mr_norm_quantile(0.5) == 0 && isnan(mr_norm_quantile(1.5)),
	   "normal quantiles 0.9, 0.99, 0.001, 0.5, out of range");

	/* continuation: lognormal moments */
	{
		static double up_mean[30],
					up_cov[900],
					med[30],
					lo[30],
					hi[30];

		params(&m, 0.2, 0, 0, 0.9, 0.04);
		m.level = log1p(400.0);
		mr_upstream_continue(&m, 30, 1.2815515655446004, up_mean, up_cov, med, lo, hi);
		ok(fabs(med[0] - 400) < 1e-9 && fabs(up_mean[0] - (exp(log(401.0) + 0.02) - 1)) < 1e-9,
		   "continuation: median and lognormal mean of the next day");
		ok(fabs(hi[0] - (exp(log(401.0) + 1.2815515655446004 * 0.2) - 1)) < 1e-9 &&
		   fabs(up_cov[0] - exp(2 * log(401.0) + 0.04) * expm1(0.04)) < 1e-6,
		   "continuation: upper bound and variance of the next day");
		ok(up_cov[1] > 0 && fabs(up_cov[1] - up_cov[30]) < 1e-9, "continuation: covariance positive, symmetric");
	}

	/* arrivals by hand: departures 10, 0, 20; half after 1 day, half after 2 */
	{
		const int64_t dep[3] = {10, 0, 20};
		const double q[3] = {0, 0.5, 0.5};
		const double um[2] = {100, 100};
		const double uc[4] = {400, 100, 100, 400};
		mr_arrivals_input in = {dep, 3, q, 3, 2.0, 0, NULL, NULL};
		mr_arrivals_day a;

		mr_arrivals_at(&in, 3, &a);
		ok(a.seen == 10 && a.unseen == 0 && a.var_seen == 5 && a.var == 10,
		   "arrivals: day 3 of recorded departures, kappa 2");
		in.K = 2;
		in.up_mean = um;
		in.up_cov = uc;
		mr_arrivals_at(&in, 4, &a);
		/* day 4: 20 x .5 seen; 100 x .5 from day 3; var 2 (5 + 25) + .25 x 400 */
		ok(a.seen == 10 && a.unseen == 50 && a.var_seen == 5 && a.var == 2 * 30 + 100,
		   "arrivals: day 4, seen and continued");
		mr_arrivals_at(&in, 5, &a);
		/* day 5: 100 x .5 (day 3) + 100 x .5 (day 4); var 2 (25 + 25) + .25 (400 + 2 x 100 + 400) */
		ok(a.seen == 0 && a.unseen == 100 && a.var == 100 + 250, "arrivals: day 5, continued only, covariance");
		mr_arrivals_at(&in, 7, &a);
		ok(a.seen == 0 && a.unseen == 0 && a.var == 0, "arrivals: past the continuation, nothing");
	}

	/* kappa: independent arrivals give about 1, groups of 1 + Poisson(1.5) about E[G^2]/E[G] */
	{
		static int64_t dep[800],
					arr[800],
					arr_g[800];
		static double q[60];
		double		qs = 0,
					kappa,
					kappa_g;
		int			df;

		for (int d = 20; d < 40; d++)
			qs += q[d] = exp(-(d - 28) * (d - 28) / 18.0);
		for (int d = 20; d < 40; d++)
			q[d] *= 0.9 / qs;
		memset(arr, 0, sizeof(arr));
		memset(arr_g, 0, sizeof(arr_g));
		for (int t = 0; t < 700; t++)
		{
			dep[t] = 0;
			/* groups: each member arrives on the group's day */
			for (int64_t g = poisson(160); g > 0; g--)
			{
				int64_t		size = 1 + poisson(1.5);
				double		u = unif(),
							c = 0;

				dep[t] += size;
				for (int d = 0; d < 60; d++)
					if (u < (c += q[d]))
					{
						if (t + d < 800)
							arr_g[t + d] += size;
						break;
					}
				for (int64_t i = 0; i < size; i++)
				{
					u = unif();
					c = 0;
					for (int d = 0; d < 60; d++)
						if (u < (c += q[d]))
						{
							if (t + d < 800)
								arr[t + d]++;
							break;
						}
				}
			}
		}
		kappa = mr_dispersion(dep, 700, arr, 700, 0, q, 60, 700, &df);
		kappa_g = mr_dispersion(dep, 700, arr_g, 700, 0, q, 60, 700, &df);
		/* E[G] = 2.5, E[G^2] = Var + mean^2 = 1.5 + 6.25: 3.1 */
		ok(kappa < 1.25, "kappa: independent arrivals, about 1");
		ok(kappa_g > 2.6 && kappa_g < 3.6, "kappa: groups, about E[G^2]/E[G] = 3.1");
		ok(df > 600 && df < 700, "kappa: the days whose cohorts are recorded");
		ok(mr_dispersion(dep, 700, arr, 700, 0, q, 60, 10, &df) == 1 && df == 0, "kappa: no usable day, 1");
		ok(mr_dispersion(dep, 700, arr, 100, 650, q, 60, 700, &df) >= 1 && df == 49,
		   "kappa: arrivals from another day on");
	}

	/* histogram chains */
	{
		const int64_t a[3] = {1, 0, 1};
		const int64_t b[2] = {0, 2};
		int64_t		out[3],
					over;
		static int64_t big[731],
					out2[731];

		ok(mr_histogram_convolve(a, 3, 3, b, 2, 2, out, 3, &over) == MR_OK &&
		   out[0] == 0 && out[1] == 2 && out[2] == 0 && over == 4,
		   "chain: {0:1, 2:1, >:1} * {1:2} within 3 days: {1:2}, overflow 4");
		ok(mr_histogram_convolve(a, 3, INT64_MAX / 2 + 1, b, 2, 2, out, 3, &over) == MR_ERR_OUT_OF_RANGE,
		   "chain: totals multiplying past INT64_MAX refused");
		for (int d = 0; d < 731; d++)
			big[d] = 3037000499 / 731;
		ok(mr_histogram_convolve(big, 731, (3037000499 / 731) * 731, big, 731, (3037000499 / 731) * 731,
								 out2, 731, &over) == MR_OK && over > 0 && out2[730] == (int64_t) 731 * (3037000499 / 731) * (3037000499 / 731),
		   "chain: near INT64_MAX, 731 bins");
	}

	/* deconvolution: a known profile and share from noiseless series */
	{
		static double up[900],
					down[900],
					q[121],
					truth[121],
					work[2 * 900 + 2 * 121];
		double		b,
					disp,
					share = 0,
					mean_d = 0,
					tv = 0;
		int			iters;

		for (int d = 0; d <= 120; d++)
			truth[d] = 0;
		for (int d = 20; d <= 36; d++)
			truth[d] = 0.9 * exp(-(d - 28) * (d - 28) / 18.0);
		{
			double		s = 0;

			for (int d = 0; d <= 120; d++)
				s += truth[d];
			for (int d = 0; d <= 120; d++)
				truth[d] *= 0.9 / s;
		}
		/* 2021-shaped: 40 a day, a surge to 800 and back each year, weekdays, noise */
		for (int t = 0; t < 730; t++)
		{
			double		x = (t % 365) / 365.0;

			up[t] = (40 + 760 * exp(-(x - 0.6) * (x - 0.6) / 0.02)) *
				(0.85 + 0.3 * ((t * 3) % 7) / 6.0) * (0.9 + 0.2 * unif());
		}
		for (int t = 0; t < 730; t++)
		{
			down[t] = 30;
			for (int d = 0; d <= 120 && d <= t; d++)
				down[t] += truth[d] * up[t - d];
		}
		ok(mr_deconvolve(up, down, 120, 729, 120, 2000, 1e-9, q, &b, &iters, &disp, work) == MR_OK,
		   "deconvolution runs");
		for (int d = 0; d <= 120; d++)
		{
			share += q[d];
			mean_d += d * q[d];
		}
		mean_d /= share;
		for (int d = 0; d <= 120; d++)
			tv += fabs(q[d] / share - truth[d] / 0.9) / 2;
		ok(fabs(share - 0.9) < 0.01, "deconvolution: share 0.9 within 0.01");
		ok(fabs(mean_d - 28) < 0.5, "deconvolution: mean transit 28 days within 0.5");
		ok(fabs(b - 30) < 3, "deconvolution: background 30 a day within 3");
		/* the shape converges slowly from a flat start (docs/forecast.md) */
		ok(tv < 0.35, "deconvolution: profile within total variation 0.35");
		ok(mr_deconvolve(up, down, 100, 729, 120, 10, 1e-9, q, &b, &iters, &disp, work) == MR_ERR_EMPTY,
		   "deconvolution: a window starting before dmax refused");
	}

	/* the seeded generator: a fixed stream, Poisson draws with the right mean */
	{
		mr_rng		r;
		double		sum = 0,
					sum2 = 0;

		mr_rng_seed(&r, 1);
		/* SplitMix64's first output for seed 1 (integer arithmetic: every platform) */
		ok(mr_rng_next(&r) == UINT64_C(0x910A2DEC89025CC1), "rng: SplitMix64 stream for seed 1");
		for (int i = 0; i < 20000; i++)
		{
			double		x = mr_rng_poisson(&r, i % 2 ? 4.0 : 100.0);

			if (i % 2)
			{
				sum += x;
				sum2 += x * x;
			}
		}
		sum /= 10000;
		sum2 = sum2 / 10000 - sum * sum;
		ok(fabs(sum - 4) < 0.1 && fabs(sum2 - 4) < 0.3, "rng: Poisson(4) mean and variance");
	}

	/*
	 * bootstrap coverage: five synthetic data sets (share 0.8, gamma-like
	 * profile, background 20, Poisson noise); the 90% interval of the share
	 * and of the mean transit contains the truth in at least 4 of them
	 */
	{
		static double up[500],
					down[500],
					truth[61],
					q[61],
					work[2 * 500 + 2 * 61 + 2 * 500 + 61];
		static mr_deconv_summary boot[60];
		double		truth_mean = 0;
		int			cover_share = 0,
					cover_mean = 0,
					ordered = 0;

		for (int d = 0; d <= 60; d++)
			truth[d] = d >= 8 && d <= 30 ? exp(-(d - 18) * (d - 18) / 20.0) : 0;
		{
			double		s = 0;

			for (int d = 0; d <= 60; d++)
				s += truth[d];
			for (int d = 0; d <= 60; d++)
			{
				truth[d] *= 0.8 / s;
				truth_mean += d * truth[d] / 0.8;
			}
		}
		for (int rep = 0; rep < 5; rep++)
		{
			mr_rng		r;
			double		b,
						disp,
						v[60];
			int			iters;
			mr_deconv_summary fit;

			mr_rng_seed(&r, 100 + rep);
			/*
			 * day-to-day variation as real counts have it (groups, boats,
			 * closures): a smooth upstream identifies the share poorly
			 * against the background (docs/forecast.md)
			 */
			for (int t = 0; t < 500; t++)
				up[t] = mr_rng_poisson(&r, (60 + 300 * exp(-(t - 250) * (t - 250) / 8000.0)) *
									   (0.7 + 0.6 * ((t * 3) % 7) / 6.0) *
									   (0.4 + 1.2 * mr_rng_uniform(&r)));
			for (int t = 0; t < 500; t++)
			{
				double		mu = 20;

				for (int d = 0; d <= 60 && d <= t; d++)
					mu += truth[d] * up[t - d];
				down[t] = mr_rng_poisson(&r, mu);
			}
			ok(mr_deconvolve(up, down, 60, 499, 60, 1000, 1e-9, q, &b, &iters, &disp, work) == MR_OK,
			   "bootstrap data set %d: fit", rep);
			mr_profile_summary(q, 60, b, &fit);
			ok(mr_deconvolve_bootstrap(up, 60, 499, 60, 200, 1e-7, q, b, disp, 60,
									   7 + rep, boot, work) == MR_OK,
			   "bootstrap data set %d: 60 replicates", rep);
			{
				double		lo,
							hi,
							mlo,
							mhi;

				for (int i = 0; i < 60; i++)
					v[i] = boot[i].share;
				lo = mr_quantile(v, 60, 0.05);
				hi = mr_quantile(v, 60, 0.95);
				for (int i = 0; i < 60; i++)
					v[i] = boot[i].mean;
				mlo = mr_quantile(v, 60, 0.05);
				mhi = mr_quantile(v, 60, 0.95);
				diag("data set %d: share %.3f [%.3f, %.3f], mean %.2f [%.2f, %.2f]", rep,
					 fit.share, lo, hi, fit.mean, mlo, mhi);
				cover_share += lo <= 0.8 && 0.8 <= hi;
				cover_mean += mlo <= truth_mean && truth_mean <= mhi;
				ordered += lo < hi && mlo < mhi && hi - lo < 0.2 && mhi - mlo < 5;
			}
		}
		ok(cover_share >= 4, "bootstrap: 90%% share interval covers the truth in %d of 5", cover_share);
		ok(cover_mean >= 4, "bootstrap: 90%% mean-transit interval covers the truth in %d of 5", cover_mean);
		ok(ordered == 5, "bootstrap: intervals have width, and are narrower than 0.2 and 5 days");
		/* the same seed, the same replicates */
		{
			static mr_deconv_summary again[60];
			double		b = 20,
						disp = 1;

			ok(mr_deconvolve_bootstrap(up, 60, 499, 60, 50, 1e-7, truth, b, disp, 5, 42, boot, work) == MR_OK &&
			   mr_deconvolve_bootstrap(up, 60, 499, 60, 50, 1e-7, truth, b, disp, 5, 42, again, work) == MR_OK &&
			   memcmp(boot, again, 5 * sizeof(mr_deconv_summary)) == 0,
			   "bootstrap: deterministic for a seed");
		}
	}

	/*
	 * monthly totals only: 24 months from a daily upstream (surge in each
	 * year's second half, weekdays), gamma mean 28 CV 0.25, share 0.9,
	 * background 30 a day, Poisson noise; recovered share within 0.03 and
	 * mean within 2 days (NOTES: the spread is not identifiable from months)
	 */
	{
		static const int mdays_year[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
		static double upd[731],
					downd[731],
					p[121],
					q[121],
					work[200000];
		static mr_deconv_summary boot[40];
		double		upm[24] = {0},
					downm[24] = {0},
					v[40],
					mean_fit = 0,
					share_fit = 0;
		int			mdays[24],
					t = 0;
		mr_rng		r;
		mr_monthly_fit fit;
		mr_deconv_summary sum;

		ok(mr_deconvolve_monthly_work(24, 120) <= 200000, "monthly: work fits");
		mr_gamma_profile(28, 0.25, 120, p);
		mr_rng_seed(&r, 2021);
		for (int k = 0; k < 24; k++)
			mdays[k] = mdays_year[k % 12];
		for (int k = 0; k < 24; k++)
			for (int i = 0; i < mdays[k]; i++, t++)
			{
				double		x = (t % 365) / 365.0;

				upd[t] = mr_rng_poisson(&r, (40 + 700 * exp(-(x - 0.6) * (x - 0.6) / 0.01)) *
										(0.85 + 0.3 * ((t * 3) % 7) / 6.0));
				upm[k] += upd[t];
			}
		t = 0;
		for (int k = 0; k < 24; k++)
			for (int i = 0; i < mdays[k]; i++, t++)
			{
				double		mu = 30;

				for (int d = 0; d <= 120 && d <= t; d++)
					mu += 0.9 * p[d] * upd[t - d];
				downd[t] = mr_rng_poisson(&r, mu);
				downm[k] += downd[t];
			}
		ok(mr_deconvolve_monthly(upm, 24, downm, 24, mdays, 120, 40, 5, &fit, q, boot, work) == MR_OK,
		   "monthly: fit runs");
		mr_profile_summary(q, 120, fit.background, &sum);
		for (int d = 0; d <= 120; d++)
		{
			share_fit += q[d];
			mean_fit += d * q[d];
		}
		mean_fit /= share_fit;
		diag("monthly: mean %.2f (grid %.0f, cv %.2f), share %.3f, background %.1f, %d months, dispersion %.2f",
			 mean_fit, fit.mean_param, fit.cv, fit.share, fit.background, fit.months, fit.dispersion);
		ok(fit.months == 20, "monthly: the 20 months after the first 120 days used");
		ok(fabs(fit.share - 0.9) < 0.03, "monthly: share 0.9 within 0.03");
		ok(fabs(sum.mean - 28) < 2, "monthly: mean transit 28 days within 2");
		ok(fabs(fit.background - 30) < 10, "monthly: background 30 a day within 10");
		for (int i = 0; i < 40; i++)
			v[i] = boot[i].share;
		{
			double		lo = mr_quantile(v, 40, 0.05),
						hi = mr_quantile(v, 40, 0.95);

			diag("monthly: share 90%% interval [%.3f, %.3f]", lo, hi);
			ok(lo <= fit.share && fit.share <= hi && hi - lo < 0.2, "monthly: share interval around the fit");
		}
		ok(mr_deconvolve_monthly(upm, 5, downm, 5, mdays, 120, 0, 5, &fit, q, boot, work) == MR_ERR_EMPTY,
		   "monthly: too few months refused");
	}

	/* alerts: EARS C2 by hand (research notes, 5.1) */
	{
		const int64_t ys[12] = {400, 380, 420, 410, 390, 405, 395, 430, 415, 560, 640, 700};
		mr_alert_day al[12];
		double		work[12];

		mr_flow_alerts(ys, 12, 2.326, al, work);
		ok(al[8].method == MR_ALERT_NONE && al[9].method == MR_ALERT_EARS_C2, "alerts: C2 from day 10");
		ok(fabs(al[9].score - 12.0949) < 1e-4 && fabs(al[10].score - 13.5287) < 1e-4 &&
		   fabs(al[11].score - 20.8058) < 1e-4 && al[9].alarm && al[11].alarm,
		   "alerts: C2 scores 12.0949, 13.5287, 20.8058 (by hand)");
		ok(fabs(al[9].expected - 400) < 1e-9 && fabs(al[9].upper - (400 + 3 * 13.228756555322953)) < 1e-6,
		   "alerts: C2 baseline mean and bound");
	}

	/* alerts: forecast exceedance on a long series with a surge */
	{
		static int64_t ys[400];
		static mr_alert_day al[400];
		static double work[400];
		int			false_alarms = 0,
					surge_alarms = 0;

		for (int t = 0; t < 400; t++)
			ys[t] = (int64_t) floor(400 * (1 + 0.1 * sin(2 * M_PI * (t % 7) / 7.0)) * exp(0.1 * normal()) + 0.5);
		for (int t = 300; t < 307; t++)
			ys[t] *= 2;
		mr_flow_alerts(ys, 400, mr_norm_quantile(0.99), al, work);
		for (int t = 28; t < 400; t++)
		{
			if (t >= 300 && t < 307)
				surge_alarms += al[t].alarm;
			else if (t < 300)
				false_alarms += al[t].alarm;
		}
		ok(al[27].method == MR_ALERT_EARS_C2 && al[28].method == MR_ALERT_FORECAST, "alerts: the forecast from day 29");
		ok(surge_alarms >= 3, "alerts: a doubling for a week raises alarms");
		ok(al[300].alarm, "alerts: on the surge's first day");
		ok(false_alarms <= 8, "alerts: few false alarms before the surge (nominal 1% of 272 days)");
	}

	printf("1..%d\n", ntests);
	return nfailed != 0;
}
