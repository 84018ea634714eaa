/*
 * flow_series_io.c: text form of flow_series, plain C.
 */
#include <stdio.h>
#include <string.h>

#include "flow_series_io.h"
#include "scan.h"

size_t
mr_flow_series_max_days(const char *s, size_t len)
{
	return mr_count_token(s, len, ",") + 1;
}

/* What flow_day() fills: the counts so far, and the room for them. */
typedef struct flow_days
{
	int64_t    *counts;
	size_t		cap;
	size_t		n;
	int64_t		total;
} flow_days;

/* One day's count of a series text. */
static mr_status
flow_day(const char *s, size_t len, size_t *used, size_t *errpos, void *arg)
{
	flow_days  *days = arg;
	int64_t		v;
	mr_status	st = mr_scan_count(s, len, used, &v);

	(void) errpos;				/* every problem is at the count's start */
	if (st != MR_OK)
		return st;
	if (days->n >= days->cap || days->n >= FLOW_MAX_DAYS)
		return MR_ERR_TOO_LONG;
	if (v > INT64_MAX - days->total)
		return MR_ERR_OUT_OF_RANGE; /* the total would not be readable */
	days->total += v;
	days->counts[days->n++] = v;
	return MR_OK;
}

/* The inside of the empty series' braces: nothing may be there. */
static mr_status
no_day(const char *s, size_t len, size_t *used, size_t *errpos, void *arg)
{
	(void) s, (void) len, (void) used, (void) errpos, (void) arg;
	return MR_ERR_SYNTAX;
}

mr_status
mr_flow_series_parse(const char *s, size_t len, int32_t *start, int64_t *counts, size_t cap,
					 size_t *ndays, size_t *errpos)
{
	flow_days	days = {counts, cap, 0, 0};
	size_t		i,
				used,
				pos;
	mr_status	st;

	*ndays = 0;
	*start = 0;
	st = mr_scan_begin(s, len, &i, errpos);
	if (st != MR_OK)
		return st;
	if (s[i] == '{')
		return mr_scan_whole_list(s, len, no_day, NULL, errpos);	/* {} */
	st = mr_date_parse(s + i, len - i, start, &used, &pos);
	if (st != MR_OK)
	{
		*errpos = i + pos;
		return st;
	}
	if (*start == MR_DATE_NOBEGIN || *start == MR_DATE_NOEND)
		return MR_ERR_OUT_OF_RANGE;
	i += used;
	st = mr_scan_list(s, len, &i, false, flow_day, &days, errpos);
	*ndays = days.n;
	if (st != MR_OK)
		return st;
	/* the last day must be a date too */
	if ((int64_t) *start + (int64_t) *ndays - 1 >= MR_DATE_END)
	{
		*errpos = 0;
		return MR_ERR_OUT_OF_RANGE;
	}
	return mr_scan_end(s, len, i, errpos);
}

size_t
mr_flow_series_format(int32_t start, const int64_t *counts, size_t ndays, char *out)
{
	size_t		o;

	if (ndays == 0)
		return (size_t) sprintf(out, "{}");
	o = (size_t) mr_date_format(start, out);
	out[o++] = ' ';
	out[o++] = '{';
	for (size_t k = 0; k < ndays; k++)
		o += (size_t) sprintf(out + o, "%s%lld", k ? "," : "", (long long) counts[k]);
	out[o++] = '}';
	out[o] = '\0';
	return o;
}

bool
mr_flow_series_stored_valid(int32_t start, const int64_t *counts, size_t ndays)
{
	if (ndays == 0)
		return start == 0;
	if (!mr_date_valid(start) || start == MR_DATE_NOBEGIN || start == MR_DATE_NOEND ||
		(int64_t) start + (int64_t) ndays - 1 >= MR_DATE_END)
		return false;
	for (size_t k = 0; k < ndays; k++)
		if (counts[k] < 0)
			return false;
	return true;
}

bool
mr_flow_series_values_valid(int32_t start, const int64_t *counts, size_t ndays)
{
	int64_t		total;

	return ndays <= FLOW_MAX_DAYS && mr_flow_series_stored_valid(start, counts, ndays) &&
		mr_flow_series_total(counts, ndays, &total);
}

bool
mr_flow_series_total(const int64_t *counts, size_t ndays, int64_t *total)
{
	int64_t		t = 0;

	for (size_t k = 0; k < ndays; k++)
	{
		if (counts[k] > INT64_MAX - t)
			return false;
		t += counts[k];
	}
	*total = t;
	return true;
}
