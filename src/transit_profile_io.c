/*
 * transit_profile_io.c: text form of transit_profile, plain C.
 */
#include <stdio.h>
#include <string.h>

#include "scan.h"
#include "transit_profile_io.h"

/* What profile_bin() fills. */
typedef struct profile_bins
{
	int64_t    *counts;
	int64_t    *overflow;
	int64_t		last_day;		/* -1 before the first */
	bool		seen_overflow;
	int64_t		total;			/* of the counts so far */
} profile_bins;

/* One bin of a profile text: DAY:COUNT, or >730:COUNT for the overflow. */
static mr_status
profile_bin(const char *s, size_t len, size_t *used, size_t *errpos, void *arg)
{
	profile_bins *b = arg;
	size_t		i = 0,
				count_at;
	int64_t		day = 0,
				n;
	bool		is_overflow = false;
	mr_status	st;

	if (b->seen_overflow)
		return MR_ERR_ORDER;	/* the overflow comes last */
	if (len > 0 && s[0] == '>')
	{
		/* ">730": the overflow */
		char		tag[8];

		snprintf(tag, sizeof(tag), ">%d", TRANSIT_MAX_DAY);
		if (len < strlen(tag) || strncmp(s, tag, strlen(tag)) != 0)
			return MR_ERR_SYNTAX;
		i = strlen(tag);
		is_overflow = b->seen_overflow = true;
	}
	else
	{
		st = mr_scan_count(s, len, &i, &day);
		if (st != MR_OK)
			return st;
		if (day > TRANSIT_MAX_DAY)
			return MR_ERR_OUT_OF_RANGE;
		if (day <= b->last_day)
			return MR_ERR_ORDER;
		b->last_day = day;
	}
	i = mr_skip_blanks(s, len, i);
	if (i >= len || s[i] != ':')
	{
		*errpos = i;
		return MR_ERR_SYNTAX;
	}
	count_at = i = mr_skip_blanks(s, len, i + 1);
	st = mr_scan_count(s, len, &i, &n);
	if (st == MR_OK && n > INT64_MAX - b->total)
		st = MR_ERR_OUT_OF_RANGE;	/* the observations would not add up */
	if (st != MR_OK)
	{
		*errpos = count_at;
		return st;
	}
	b->total += n;
	if (is_overflow)
		*b->overflow = n;
	else
		b->counts[day] = n;
	*used = i;
	return MR_OK;
}

mr_status
mr_transit_profile_parse(const char *s, size_t len, int64_t *counts, int64_t *overflow,
						 size_t *errpos)
{
	profile_bins b = {counts, overflow, -1, false, 0};

	memset(counts, 0, TRANSIT_NBINS * sizeof(int64_t));
	*overflow = 0;
	return mr_scan_whole_list(s, len, profile_bin, &b, errpos);
}

size_t
mr_transit_profile_format(const int64_t *counts, int nbins, int64_t overflow, char *out)
{
	size_t		o = 0;
	bool		first = true;

	out[o++] = '{';
	for (int d = 0; d < nbins; d++)
	{
		if (counts[d] == 0)
			continue;
		o += (size_t) sprintf(out + o, "%s%d:%lld", first ? "" : ", ", d, (long long) counts[d]);
		first = false;
	}
	if (overflow != 0)
		o += (size_t) sprintf(out + o, "%s>%d:%lld", first ? "" : ", ", TRANSIT_MAX_DAY,
							  (long long) overflow);
	out[o++] = '}';
	out[o] = '\0';
	return o;
}

bool
mr_transit_profile_counts_valid(const int64_t *counts, int nbins, int64_t overflow)
{
	if (nbins < 0 || nbins > TRANSIT_NBINS || overflow < 0 ||
		(nbins > 0 && counts[nbins - 1] == 0))
		return false;
	for (int d = 0; d < nbins; d++)
		if (counts[d] < 0)
			return false;
	return true;
}

bool
mr_transit_profile_total(const int64_t *counts, int nbins, int64_t overflow, int64_t *total)
{
	int64_t		t = overflow;

	for (int d = 0; d < nbins; d++)
	{
		if (counts[d] > INT64_MAX - t)
			return false;
		t += counts[d];
	}
	*total = t;
	return true;
}

bool
mr_transit_profile_quantile(const int64_t *counts, int nbins, int64_t total, double q, int *day)
{
	double		rank;
	int64_t		rownum,
				cum = 0;

	if (total <= 0)
		return false;
	/* ceil(q * total), compared as a double first: past INT64_MAX no cast */
	rank = q * (double) total;
	if (!(rank < (double) total))
		rownum = total;
	else
	{
		rownum = (int64_t) rank;
		if ((double) rownum < rank)
			rownum++;
		rownum = rownum < 1 ? 1 : rownum > total ? total : rownum;
	}
	for (int d = 0; d < nbins; d++)
	{
		cum += counts[d];
		if (cum >= rownum)
		{
			*day = d;
			return true;
		}
	}
	return false;				/* in the overflow: longer than TRANSIT_MAX_DAY days */
}
