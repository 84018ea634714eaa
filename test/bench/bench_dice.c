/*
 * bench_dice.c: Dice comparisons of 1024-bit clk values per second on one
 * core, in a tight C loop (mr_clk_dice_many, what link_clk runs when it
 * compares every pair), against the limit of that loop: the AND and
 * popcount of the 16 words of two filters and nothing else (the same loop
 * without the division and the store), compiled with the POPCNT instruction.
 * Also the loop without POPCNT (what a compiler emits for the baseline
 * x86-64 that PostgreSQL is built for, had migrec no run-time choice).
 *
 *   bench_dice [filters] [runs]      (default 1000000 filters, 7 runs)
 *
 * Each run compares 16 queries with every filter; prints the median,
 * minimum and maximum of the runs in comparisons per second, as a markdown
 * table.  Times are the process's CPU time (comparisons per CPU-second of
 * one core).  Built by bench_linkage.sh with the server's CFLAGS (-O2).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "linkage_io.h"

#define NQUERIES 16

static double
now(void)
{
	struct timespec ts;

	/*
	 * the process's CPU time, not the wall clock: on a shared machine a run
	 * descheduled for a while would otherwise count the other programs' time
	 * (the benchmark is single-threaded: per core)
	 */
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static uint64_t
next(uint64_t *s)
{
	uint64_t	z = (*s += UINT64_C(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

/* the limit: AND and popcount of every word, summed (kept, so not elided) */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
__attribute__((target("popcnt")))
#endif
static uint64_t
and_popcount_limit(const mr_clk *q, const mr_clk *c, size_t n)
{
	uint64_t	total = 0;

	for (size_t i = 0; i < n; i++)
		for (int w = 0; w < MR_CLK_WORDS; w++)
			total += (uint64_t) __builtin_popcountll(q->bits.words[w] & c[i].bits.words[w]);
	return total;
}

/* the same without POPCNT: the compiler's bit arithmetic */
static uint64_t
and_popcount_generic(const mr_clk *q, const mr_clk *c, size_t n)
{
	uint64_t	total = 0;

	for (size_t i = 0; i < n; i++)
		for (int w = 0; w < MR_CLK_WORDS; w++)
			total += (uint64_t) __builtin_popcountll(q->bits.words[w] & c[i].bits.words[w]);
	return total;
}

static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return x < y ? -1 : x > y;
}

int
main(int argc, char **argv)
{
	size_t		n = argc > 1 ? strtoul(argv[1], NULL, 10) : 1000000;
	int			runs = argc > 2 ? atoi(argv[2]) : 7;
	mr_clk	   *c = malloc(sizeof(mr_clk) * n);
	double	   *d = malloc(sizeof(double) * n);
	double		rate[3][64];
	const char *names[3] = {
		"ours: mr_clk_dice_many (Dice, run-time POPCNT choice)",
		"limit: AND + POPCNT of 16 words, nothing else",
		"the same loop without POPCNT (bit arithmetic)"
	};
	uint64_t	seed = 42,
				sink = 0;

	if (c == NULL || d == NULL || runs < 1 || runs > 64)
		return 1;
	/* filters of about the test set's fill: 212 of 1024 bits */
	for (size_t i = 0; i < n; i++)
	{
		memset(&c[i], 0, sizeof(mr_clk));
		c[i].version = MR_CLK_VERSION_1;
		for (int k = 0; k < 240; k++)
			mr_clk_set_bit(&c[i], (unsigned) (next(&seed) >> 54));
		c[i].popcount = (uint16_t) mr_clk_popcount(&c[i]);
	}
	for (int r = 0; r <= runs; r++)
	{
		/* the variants interleaved and rotated; run 0 warms up */
		for (int j = 0; j < 3; j++)
		{
			int			v = (j + r) % 3;
			double		t0 = now();

			for (int qi = 0; qi < NQUERIES; qi++)
			{
				const mr_clk *q = &c[(qi * 7919) % n];

				if (v == 0)
				{
					mr_clk_dice_many(q, c, n, d);
					sink += (uint64_t) (d[qi] * 1000);
				}
				else if (v == 1)
					sink += and_popcount_limit(q, c, n);
				else
					sink += and_popcount_generic(q, c, n);
			}
			if (r > 0)
				rate[v][r - 1] = (double) n * NQUERIES / (now() - t0);
		}
	}
	printf("| loop | median comparisons/s | min | max |\n|---|---:|---:|---:|\n");
	for (int v = 0; v < 3; v++)
	{
		qsort(rate[v], runs, sizeof(double), cmp_double);
		printf("| %s | %.1f M | %.1f M | %.1f M |\n", names[v], rate[v][runs / 2] / 1e6,
			   rate[v][0] / 1e6, rate[v][runs - 1] / 1e6);
	}
	fprintf(stderr, "(checksum %llu)\n", (unsigned long long) sink);
	return 0;
}
