/*
 * calendar_io.c: counting business days on the generated calendars (see
 * calendar_io.h), with and without suspension spans.  Plain C.
 */
#include "calendar_io.h"

/* The position (0..63) of the r-th set bit of x (r counted from 0); x has more than r. */
static int
select_bit(uint64_t x, int r)
{
	int			pos = 0;
	int			low;

	/* halve the word while the bit is in its upper part */
	for (int width = 32; width >= 8; width /= 2)
	{
		low = mr_popcount64(x & ((UINT64_C(1) << width) - 1));
		if (r >= low)
		{
			r -= low;
			x >>= width;
			pos += width;
		}
	}
	while (r-- > 0)
		x &= x - 1;
	return pos + __builtin_ctzll(x);
}

/* The day of the k-th business day of the calendar (0-based; k < the total). */
static int32_t
select_day(const mr_calendar *c, int32_t k)
{
	int			lo = 0,
				hi = MR_CALENDAR_NWORDS - 1;

	/* the last word w with before[w] <= k */
	while (lo < hi)
	{
		int			mid = (lo + hi + 1) / 2;

		if (c->before[mid] <= k)
			lo = mid;
		else
			hi = mid - 1;
	}
	return MR_CALENDAR_FIRST + 64 * lo + select_bit(c->working[lo], k - c->before[lo]);
}

mr_status
mr_calendar_count(const mr_calendar *c, int64_t a, int64_t b, int32_t *out)
{
	if (!mr_calendar_covers(a) || !mr_calendar_covers(b))
		return MR_ERR_OUT_OF_RANGE;
	*out = mr_calendar_rank(c, (int32_t) b + 1) - mr_calendar_rank(c, (int32_t) a + 1);
	return MR_OK;
}

mr_status
mr_calendar_add(const mr_calendar *c, int64_t d, int64_t n, int32_t *out)
{
	int64_t		k;

	if (!mr_calendar_covers(d))
		return MR_ERR_OUT_OF_RANGE;
	if (n == 0)
	{
		*out = (int32_t) d;
		return MR_OK;
	}
	/* the index of the business day wanted, counted from the calendar's first */
	if (n > 0)
		k = mr_calendar_rank(c, (int32_t) d + 1) + n - 1;
	else
		k = mr_calendar_rank(c, (int32_t) d) + n;
	if (k < 0 || k >= c->before[MR_CALENDAR_NWORDS])
		return MR_ERR_OUT_OF_RANGE;
	*out = select_day(c, (int32_t) k);
	return MR_OK;
}

/* ---------- suspension spans ---------- */

int
mr_spans_normalize(int32_t *first, int32_t *last, int n)
{
	int			m = 0;

	/* clip to the calendar, dropping empty spans */
	for (int i = 0; i < n; i++)
	{
		int32_t		f = first[i] < MR_CALENDAR_FIRST ? MR_CALENDAR_FIRST : first[i];
		int32_t		l = last[i] > MR_CALENDAR_LAST ? MR_CALENDAR_LAST : last[i];

		if (l < f)
			continue;
		first[m] = f;
		last[m] = l;
		m++;
	}
	/* insertion sort by first: the lists are short (an agency's closures) */
	for (int i = 1; i < m; i++)
	{
		int32_t		f = first[i],
					l = last[i];
		int			j = i;

		for (; j > 0 && first[j - 1] > f; j--)
		{
			first[j] = first[j - 1];
			last[j] = last[j - 1];
		}
		first[j] = f;
		last[j] = l;
	}
	/* join overlapping and adjacent spans */
	n = m;
	m = 0;
	for (int i = 0; i < n; i++)
	{
		if (m > 0 && first[i] <= last[m - 1] + 1)
		{
			if (last[i] > last[m - 1])
				last[m - 1] = last[i];
			continue;
		}
		first[m] = first[i];
		last[m] = last[i];
		m++;
	}
	return m;
}

/* The first span whose last day is at or after d (s->n if none). */
static int
first_span_from(const mr_spans *s, int32_t d)
{
	int			lo = 0,
				hi = s->n;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (s->last[mid] < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Business days of the calendar inside spans, among the days lo .. hi (covered). */
static int32_t
suspended(const mr_calendar *c, const mr_spans *s, int32_t lo, int32_t hi)
{
	int32_t		n = 0;

	for (int i = first_span_from(s, lo); i < s->n && s->first[i] <= hi; i++)
	{
		int32_t		f = s->first[i] > lo ? s->first[i] : lo;
		int32_t		l = s->last[i] < hi ? s->last[i] : hi;

		n += mr_calendar_rank(c, l + 1) - mr_calendar_rank(c, f);
	}
	return n;
}

mr_status
mr_spans_count(const mr_calendar *c, const mr_spans *s, int64_t a, int64_t b, int32_t *out)
{
	mr_status	st = mr_calendar_count(c, a, b, out);

	if (st != MR_OK || a == b)
		return st;
	if (a < b)
		*out -= suspended(c, s, (int32_t) a + 1, (int32_t) b);
	else
		*out += suspended(c, s, (int32_t) b + 1, (int32_t) a);
	return MR_OK;
}

mr_status
mr_spans_add(const mr_calendar *c, const mr_spans *s, int64_t d, int64_t n, int32_t *out)
{
	int32_t		start = (int32_t) d,
				x;
	int64_t		need = n < 0 ? -n : n;
	mr_status	st;

	if (!mr_calendar_covers(d))
		return MR_ERR_OUT_OF_RANGE;
	if (n == 0)
	{
		*out = start;
		return MR_OK;
	}

	/*
	 * Count on the calendar alone, then again for the business days the
	 * spans took from the stretch just counted, until a stretch loses none:
	 * each round ends on a later (earlier) business day, so this ends.
	 */
	for (;;)
	{
		int32_t		lost;

		st = mr_calendar_add(c, start, n > 0 ? need : -need, &x);
		if (st != MR_OK)
			return st;
		lost = n > 0 ? suspended(c, s, start + 1, x) : suspended(c, s, x, start - 1);
		if (lost == 0)
			break;
		start = x;
		need = lost;
	}
	*out = x;
	return MR_OK;
}

bool
mr_spans_is_business(const mr_calendar *c, const mr_spans *s, int32_t d)
{
	int			i;

	if (!mr_calendar_is_business(c, d))
		return false;
	i = first_span_from(s, d);
	return !(i < s->n && s->first[i] <= d);
}
