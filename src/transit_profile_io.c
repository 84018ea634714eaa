/*
 * transit_profile_io.c: text form of transit_profile, plain C.
 */
#include <stdio.h>
#include <string.h>

#include "transit_profile_io.h"

/* A non-negative integer at s[*i]; MR_ERR_OUT_OF_RANGE past INT64_MAX. */
static mr_status
parse_count(const char *s, size_t len, size_t *i, int64_t *out)
{
	int			ndigits = 0;

	*out = 0;
	while (*i < len && s[*i] >= '0' && s[*i] <= '9')
	{
		if (*out > (INT64_MAX - (s[*i] - '0')) / 10)
			return MR_ERR_OUT_OF_RANGE;
		*out = *out * 10 + (s[*i] - '0');
		ndigits++;
		(*i)++;
	}
	return ndigits ? MR_OK : MR_ERR_SYNTAX;
}

mr_status
mr_transit_profile_parse(const char *s, size_t len, int64_t *counts, int64_t *overflow,
						 size_t *errpos)
{
	size_t		i = mr_skip_blanks(s, len, 0);
	int64_t		last_day = -1;
	bool		seen_overflow = false;

	memset(counts, 0, TRANSIT_NBINS * sizeof(int64_t));
	*overflow = 0;
	*errpos = i;
	if (i == len)
		return MR_ERR_EMPTY;
	if (s[i] != '{')
		return MR_ERR_SYNTAX;
	i = mr_skip_blanks(s, len, i + 1);
	if (i < len && s[i] == '}')
		i++;
	else
	{
		for (;;)
		{
			int64_t		day,
						n;
			bool		is_overflow = false;
			mr_status	st;

			*errpos = i;
			if (seen_overflow)
				return MR_ERR_ORDER;	/* the overflow comes last */
			if (i < len && s[i] == '>')
			{
				/* ">730": the overflow */
				char		tag[8];

				snprintf(tag, sizeof(tag), ">%d", TRANSIT_MAX_DAY);
				if (len - i < strlen(tag) || strncmp(s + i, tag, strlen(tag)) != 0)
					return MR_ERR_SYNTAX;
				i += strlen(tag);
				is_overflow = seen_overflow = true;
			}
			else
			{
				st = parse_count(s, len, &i, &day);
				if (st != MR_OK)
					return st;
				if (day > TRANSIT_MAX_DAY)
					return MR_ERR_OUT_OF_RANGE;
				if (day <= last_day)
					return MR_ERR_ORDER;
				last_day = day;
			}
			i = mr_skip_blanks(s, len, i);
			if (i >= len || s[i] != ':')
			{
				*errpos = i;
				return MR_ERR_SYNTAX;
			}
			i = mr_skip_blanks(s, len, i + 1);
			*errpos = i;
			st = parse_count(s, len, &i, &n);
			if (st != MR_OK)
				return st;
			if (is_overflow)
				*overflow = n;
			else
				counts[day] = n;
			i = mr_skip_blanks(s, len, i);
			if (i < len && s[i] == ',')
			{
				i = mr_skip_blanks(s, len, i + 1);
				continue;
			}
			if (i < len && s[i] == '}')
			{
				i++;
				break;
			}
			*errpos = i;
			return MR_ERR_SYNTAX;
		}
	}
	i = mr_skip_blanks(s, len, i);
	if (i != len)
	{
		*errpos = i;
		return MR_ERR_SYNTAX;
	}
	return MR_OK;
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
