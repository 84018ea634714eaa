/*
 * flow_series_io.c: text form of flow_series, plain C.
 */
#include <stdio.h>
#include <string.h>

#include "flow_series_io.h"

size_t
mr_flow_series_max_days(const char *s, size_t len)
{
	size_t		n = 1;

	for (size_t i = 0; i < len; i++)
		if (s[i] == ',')
			n++;
	return n;
}

mr_status
mr_flow_series_parse(const char *s, size_t len, int32_t *start, int64_t *counts, size_t cap,
					 size_t *ndays, size_t *errpos)
{
	size_t		i = mr_skip_blanks(s, len, 0),
				used,
				pos;
	mr_status	st;

	*ndays = 0;
	*start = 0;
	*errpos = i;
	if (i == len)
		return MR_ERR_EMPTY;
	if (s[i] == '{')
	{
		/* the empty series */
		i = mr_skip_blanks(s, len, i + 1);
		*errpos = i;
		if (i >= len || s[i] != '}')
			return MR_ERR_SYNTAX;
		i = mr_skip_blanks(s, len, i + 1);
		*errpos = i;
		return i == len ? MR_OK : MR_ERR_SYNTAX;
	}
	st = mr_date_parse(s + i, len - i, start, &used, &pos);
	if (st != MR_OK)
	{
		*errpos = i + pos;
		return st;
	}
	if (*start == MR_DATE_NOBEGIN || *start == MR_DATE_NOEND)
		return MR_ERR_OUT_OF_RANGE;
	i = mr_skip_blanks(s, len, i + used);
	*errpos = i;
	if (i >= len || s[i] != '{')
		return MR_ERR_SYNTAX;
	i = mr_skip_blanks(s, len, i + 1);
	for (;;)
	{
		int64_t		v = 0;
		int			ndigits = 0;

		*errpos = i;
		while (i < len && s[i] >= '0' && s[i] <= '9')
		{
			if (v > (INT64_MAX - (s[i] - '0')) / 10)
				return MR_ERR_OUT_OF_RANGE;
			v = v * 10 + (s[i] - '0');
			ndigits++;
			i++;
		}
		if (ndigits == 0)
			return MR_ERR_SYNTAX;
		if (*ndays >= cap || *ndays >= FLOW_MAX_DAYS)
			return MR_ERR_TOO_LONG;
		counts[(*ndays)++] = v;
		i = mr_skip_blanks(s, len, i);
		if (i < len && s[i] == ',')
		{
			i = mr_skip_blanks(s, len, i + 1);
			continue;
		}
		if (i < len && s[i] == '}')
			break;
		*errpos = i;
		return MR_ERR_SYNTAX;
	}
	/* the last day must be a date too */
	if ((int64_t) *start + (int64_t) *ndays - 1 >= MR_DATE_END)
	{
		*errpos = 0;
		return MR_ERR_OUT_OF_RANGE;
	}
	i = mr_skip_blanks(s, len, i + 1);
	*errpos = i;
	return i == len ? MR_OK : MR_ERR_SYNTAX;
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
mr_flow_series_values_valid(int32_t start, const int64_t *counts, size_t ndays)
{
	if (ndays > FLOW_MAX_DAYS)
		return false;
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
