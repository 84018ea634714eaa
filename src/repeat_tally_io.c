/*
 * repeat_tally_io.c: text form, arithmetic and invariants of repeat_tally,
 * plain C.  See repeat_tally_io.h.
 */
#include <stdio.h>
#include <string.h>

#include "repeat_tally_io.h"

/* The encounters the bins below the last account for exactly, or -1 on overflow. */
static int64_t
exact_encounters(const mr_repeat_tally *t)
{
	int64_t		sum = 0,
				p;

	for (int k = 0; k < REPEAT_TALLY_BINS - 1; k++)
		if (__builtin_mul_overflow(t->individuals[k], (int64_t) (k + 1), &p) ||
			__builtin_add_overflow(sum, p, &sum))
			return -1;
	return sum;
}

bool
mr_repeat_tally_valid(const mr_repeat_tally *t)
{
	int64_t		exact,
				rest,
				least;

	for (int k = 0; k < REPEAT_TALLY_BINS; k++)
		if (t->individuals[k] < 0)
			return false;
	exact = exact_encounters(t);
	if (exact < 0 || t->encounters < exact)
		return false;
	rest = t->encounters - exact;
	if (t->individuals[REPEAT_TALLY_BINS - 1] == 0)
		return rest == 0;
	if (__builtin_mul_overflow(t->individuals[REPEAT_TALLY_BINS - 1], (int64_t) REPEAT_TALLY_BINS, &least))
		return false;
	return rest >= least;
}

mr_status
mr_repeat_tally_add_one(mr_repeat_tally *t, int64_t k, int64_t n, int sign)
{
	int			bin = k >= REPEAT_TALLY_BINS ? REPEAT_TALLY_BINS - 1 : (int) k - 1;
	int64_t		e,
				ni,
				ne;

	if (__builtin_mul_overflow(k, n, &e))
		return MR_ERR_OUT_OF_RANGE;
	if (sign > 0)
	{
		if (__builtin_add_overflow(t->individuals[bin], n, &ni) ||
			__builtin_add_overflow(t->encounters, e, &ne))
			return MR_ERR_OUT_OF_RANGE;
	}
	else
	{
		ni = t->individuals[bin] - n;
		ne = t->encounters - e;
		if (ni < 0 || ne < 0)
			return MR_ERR_ORDER;
	}
	t->individuals[bin] = ni;
	t->encounters = ne;
	return MR_OK;
}

mr_status
mr_repeat_tally_add(mr_repeat_tally *a, const mr_repeat_tally *b, int sign)
{
	mr_repeat_tally r;

	for (int k = 0; k <= REPEAT_TALLY_BINS; k++)
	{
		int64_t		x = k < REPEAT_TALLY_BINS ? a->individuals[k] : a->encounters,
					y = k < REPEAT_TALLY_BINS ? b->individuals[k] : b->encounters,
				   *z = k < REPEAT_TALLY_BINS ? &r.individuals[k] : &r.encounters;

		if (sign > 0 ? __builtin_add_overflow(x, y, z) : __builtin_sub_overflow(x, y, z))
			return MR_ERR_OUT_OF_RANGE;
		if (*z < 0)
			return MR_ERR_ORDER;
	}
	/* a difference of valid tallies need not be one (not a subset) */
	if (!mr_repeat_tally_valid(&r))
		return MR_ERR_ORDER;
	*a = r;
	return MR_OK;
}

mr_status
mr_repeat_tally_individuals(const mr_repeat_tally *t, bool repeat_only, int64_t *out)
{
	int64_t		sum = 0;

	for (int k = repeat_only ? 1 : 0; k < REPEAT_TALLY_BINS; k++)
		if (__builtin_add_overflow(sum, t->individuals[k], &sum))
			return MR_ERR_OUT_OF_RANGE;
	*out = sum;
	return MR_OK;
}

/* the word w at s[i..len), then blanks, then c; the position after c, or 0 */
static size_t
expect(const char *s, size_t len, size_t i, const char *w, char c)
{
	size_t		n = strlen(w);

	i = mr_skip_blanks(s, len, i);
	if (len - i < n || strncmp(s + i, w, n) != 0)
		return 0;
	i = mr_skip_blanks(s, len, i + n);
	if (i >= len || s[i] != c)
		return 0;
	return i + 1;
}

typedef struct bins_parse
{
	mr_repeat_tally *out;
	int			last;			/* the last bin read (1..32), for their order */
} bins_parse;

/* One bin of the individuals' list, K:N or 32+:N (mr_list_item_fn). */
static mr_status
repeat_bin(const char *s, size_t len, size_t *used, size_t *errpos, void *arg)
{
	bins_parse *bp = arg;
	size_t		i = 0;
	int64_t		k;
	int			bin;
	mr_status	st;

	*errpos = 0;
	if ((st = mr_scan_count(s, len, &i, &k)) != MR_OK)
		return st;
	if (k < 1 || k > REPEAT_TALLY_BINS)
		return MR_ERR_SYNTAX;
	bin = (int) k - 1;
	if (k == REPEAT_TALLY_BINS)
	{
		/* the last bin is written 32+ */
		if (i >= len || s[i] != '+')
			return MR_ERR_SYNTAX;
		i++;
	}
	if (k <= bp->last)
		return MR_ERR_SYNTAX;	/* bins in increasing order, once each */
	bp->last = (int) k;
	i = mr_skip_blanks(s, len, i);
	if (i >= len || s[i] != ':')
		return MR_ERR_SYNTAX;
	i = mr_skip_blanks(s, len, i + 1);
	*errpos = i;
	if ((st = mr_scan_count(s, len, &i, &bp->out->individuals[bin])) != MR_OK)
		return st;
	*used = i;
	return MR_OK;
}

mr_status
mr_repeat_tally_parse(const char *s, size_t len, mr_repeat_tally *out, size_t *errpos)
{
	size_t		i,
				j;
	bins_parse	bp = {out, 0};
	mr_status	st;

	memset(out, 0, sizeof(*out));
	if ((st = mr_scan_begin(s, len, &i, errpos)) != MR_OK)
		return st;
	if (s[i] != '(' || (j = expect(s, len, i + 1, "individuals", '=')) == 0)
		return MR_ERR_SYNTAX;
	i = j;
	if ((st = mr_scan_list(s, len, &i, true, repeat_bin, &bp, errpos)) != MR_OK)
		return st;
	*errpos = i;
	i = mr_skip_blanks(s, len, i);
	if (i >= len || s[i] != ',' || (j = expect(s, len, i + 1, "encounters", '=')) == 0)
		return MR_ERR_SYNTAX;
	i = mr_skip_blanks(s, len, j);
	*errpos = i;
	if ((st = mr_scan_count(s, len, &i, &out->encounters)) != MR_OK)
		return st;
	i = mr_skip_blanks(s, len, i);
	*errpos = i;
	if (i >= len || s[i] != ')')
		return MR_ERR_SYNTAX;
	if ((st = mr_scan_end(s, len, i + 1, errpos)) != MR_OK)
		return st;
	return mr_repeat_tally_valid(out) ? MR_OK : MR_ERR_ORDER;
}

size_t
mr_repeat_tally_format(const mr_repeat_tally *t, char *out)
{
	size_t		o = 0;
	bool		first = true;

	o += (size_t) sprintf(out, "(individuals={");
	for (int k = 0; k < REPEAT_TALLY_BINS; k++)
	{
		if (t->individuals[k] == 0)
			continue;
		o += (size_t) sprintf(out + o, "%s%d%s:%lld", first ? "" : ",", k + 1,
							  k == REPEAT_TALLY_BINS - 1 ? "+" : "", (long long) t->individuals[k]);
		first = false;
	}
	o += (size_t) sprintf(out + o, "},encounters=%lld)", (long long) t->encounters);
	return o;
}
