/*
 * datetime_io.c: ISO 8601 dates and timestamps, plain C.  See datetime_io.h.
 */
#include <stdio.h>
#include <string.h>

#include "datetime_io.h"

/*
 * The calendar: Hinnant's civil-from-days algorithms, counted from
 * 2000-01-01 (PostgreSQL's day 0), proleptic Gregorian; one implementation
 * for the parsers and formatters here, for ages (mr_age_at) and for fiscal
 * years (encounter_io.c).
 */
#define DAYS_0000_03_01_TO_2000_01_01 730425
#define DAYS_PER_400_YEARS 146097

int64_t
mr_days_from_civil(int64_t y, int m, int d)
{
	int64_t		era,
				yoe,
				doy,
				doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * DAYS_PER_400_YEARS + doe - DAYS_0000_03_01_TO_2000_01_01;
}

/*
 * The year and the day within it of a day, years counted from 1 March (as
 * in Hinnant's algorithm): 1 March is day 0, 28 February day 364, and 29
 * February, when there is one, day 365, at the end, so that a month and day
 * has the same day number in every year.
 */
static inline void
march_year(int64_t z, int64_t *y, int *doy)
{
	int64_t		era,
				doe,
				yoe;

	z += DAYS_0000_03_01_TO_2000_01_01;
	if (z >= 0 && z <= UINT32_MAX)
	{
		/*
		 * every date from 1 March of year 0 on: unsigned 32-bit arithmetic,
		 * about twice as fast (age_band() from a birth date is per row)
		 */
		uint32_t	uz = (uint32_t) z,
					ue = uz / DAYS_PER_400_YEARS,
					ud = uz - ue * DAYS_PER_400_YEARS,
					uy = (ud - ud / 1460 + ud / 36524 - ud / 146096) / 365;

		*doy = (int) (ud - (365 * uy + uy / 4 - uy / 100));
		*y = (int64_t) uy + (int64_t) ue * 400;
		return;
	}
	era = (z >= 0 ? z : z - (DAYS_PER_400_YEARS - 1)) / DAYS_PER_400_YEARS;
	doe = z - era * DAYS_PER_400_YEARS;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	*doy = (int) (doe - (365 * yoe + yoe / 4 - yoe / 100));
	*y = yoe + era * 400;
}

void
mr_civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t		my;
	int			doy,
				mp;

	march_year(z, &my, &doy);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = my + (*m <= 2);
}

mr_status
mr_age_at(int32_t birth, int32_t at, int64_t *age)
{
	int64_t		by,
				ay;
	int			bd,
				ad;

	if (birth > at)
		return MR_ERR_ORDER;
	march_year(birth, &by, &bd);
	march_year(at, &ay, &ad);

	/*
	 * A year is completed when the day of the year reaches the birthday's.
	 * Someone born on 29 February (day 365) completes it on 1 March (day 0
	 * of the next year) in a common year, and on 29 February in a leap year.
	 */
	*age = ay - by - (ad < bd);
	return MR_OK;
}

static bool
is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int64_t y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return (m == 2 && is_leap(y)) ? 29 : dm[m - 1];
}

bool
mr_timestamp_valid(int64_t ts)
{
	return ts == MR_TS_NOBEGIN || ts == MR_TS_NOEND ||
		(ts >= MR_TS_MIN && ts < MR_TS_END);
}

bool
mr_date_valid(int32_t d)
{
	return d == MR_DATE_NOBEGIN || d == MR_DATE_NOEND ||
		(d >= MR_DATE_MIN && d < MR_DATE_END);
}

/* Reads exactly n digits at s[*i]; false if there are not n. */
static bool
digits(const char *s, size_t len, size_t *i, int n, int *out)
{
	int			v = 0;

	for (int k = 0; k < n; k++)
	{
		if (*i >= len || s[*i] < '0' || s[*i] > '9')
			return false;
		v = v * 10 + (s[*i] - '0');
		(*i)++;
	}
	*out = v;
	return true;
}

static bool
word_at(const char *s, size_t len, size_t i, const char *w)
{
	size_t		n = strlen(w);

	if (len - i < n)
		return false;
	for (size_t k = 0; k < n; k++)
		if ((s[i + k] | 0x20) != w[k])
			return false;
	return true;
}

/* "infinity" (1) or "-infinity" (-1) at s, any case; 0 for neither. */
static int
infinity_at(const char *s, size_t len, size_t *consumed)
{
	if (word_at(s, len, 0, "infinity"))
	{
		*consumed = 8;
		return 1;
	}
	if (word_at(s, len, 0, "-infinity"))
	{
		*consumed = 9;
		return -1;
	}
	return 0;
}

/* [-]YYYY-MM-DD into days since 2000-01-01; *i advances. */
static mr_status
parse_ymd(const char *s, size_t len, size_t *i, int64_t *days, size_t *errpos)
{
	bool		neg = false;
	int64_t		year = 0;
	int			ndigits = 0,
				month,
				day;
	size_t		start;

	if (*i < len && s[*i] == '-')
	{
		neg = true;
		(*i)++;
	}
	start = *i;
	while (*i < len && s[*i] >= '0' && s[*i] <= '9')
	{
		if (ndigits >= 7)
		{
			*errpos = *i;
			return MR_ERR_OUT_OF_RANGE;
		}
		year = year * 10 + (s[*i] - '0');
		ndigits++;
		(*i)++;
	}
	if (ndigits < 4)
	{
		*errpos = start + ndigits;
		return MR_ERR_SYNTAX;
	}
	if (*i >= len || s[*i] != '-')
	{
		*errpos = *i;
		return MR_ERR_SYNTAX;
	}
	(*i)++;
	if (!digits(s, len, i, 2, &month) || *i >= len || s[*i] != '-')
	{
		*errpos = *i;
		return MR_ERR_SYNTAX;
	}
	(*i)++;
	if (!digits(s, len, i, 2, &day))
	{
		*errpos = *i;
		return MR_ERR_SYNTAX;
	}
	if (neg)
		year = -year;
	if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month))
	{
		*errpos = start;
		return MR_ERR_FIELD_RANGE;
	}
	*days = mr_days_from_civil(year, month, day);
	return MR_OK;
}

mr_status
mr_date_parse(const char *s, size_t len, int32_t *out, size_t *consumed, size_t *errpos)
{
	size_t		i = 0;
	int64_t		days;
	mr_status	st;
	int			inf = infinity_at(s, len, consumed);

	*errpos = 0;
	if (inf != 0)
	{
		*out = inf > 0 ? MR_DATE_NOEND : MR_DATE_NOBEGIN;
		return MR_OK;
	}
	st = parse_ymd(s, len, &i, &days, errpos);
	if (st != MR_OK)
		return st;
	if (days < MR_DATE_MIN || days >= MR_DATE_END)
	{
		*errpos = 0;
		return MR_ERR_OUT_OF_RANGE;
	}
	*out = (int32_t) days;
	*consumed = i;
	return MR_OK;
}

mr_status
mr_timestamp_parse(const char *s, size_t len, int64_t *out, size_t *consumed, size_t *errpos)
{
	size_t		i = 0;
	int64_t		days,
				usecs = 0,
				offset = 0;
	int			hh = 0,
				mi = 0,
				ss = 0;
	mr_status	st;
	int			inf = infinity_at(s, len, consumed);

	*errpos = 0;
	if (inf != 0)
	{
		*out = inf > 0 ? MR_TS_NOEND : MR_TS_NOBEGIN;
		return MR_OK;
	}
	st = parse_ymd(s, len, &i, &days, errpos);
	if (st != MR_OK)
		return st;

	/* a time of day, after T or one blank followed by a digit */
	if (i + 1 < len && (s[i] == 'T' || s[i] == 't' || s[i] == ' ') &&
		s[i + 1] >= '0' && s[i + 1] <= '9')
	{
		size_t		tstart = ++i;

		if (!digits(s, len, &i, 2, &hh) || i >= len || s[i] != ':')
		{
			*errpos = i;
			return MR_ERR_SYNTAX;
		}
		i++;
		if (!digits(s, len, &i, 2, &mi))
		{
			*errpos = i;
			return MR_ERR_SYNTAX;
		}
		if (i < len && s[i] == ':')
		{
			i++;
			if (!digits(s, len, &i, 2, &ss))
			{
				*errpos = i;
				return MR_ERR_SYNTAX;
			}
			if (i < len && s[i] == '.')
			{
				int			nfrac = 0;

				i++;
				while (i < len && s[i] >= '0' && s[i] <= '9')
				{
					if (nfrac >= 6)
					{
						/* finer than a microsecond: not representable */
						*errpos = i;
						return MR_ERR_SYNTAX;
					}
					usecs = usecs * 10 + (s[i] - '0');
					nfrac++;
					i++;
				}
				if (nfrac == 0)
				{
					*errpos = i;
					return MR_ERR_SYNTAX;
				}
				for (; nfrac < 6; nfrac++)
					usecs *= 10;
			}
		}
		if (hh > 23 || mi > 59 || ss > 59)
		{
			*errpos = tstart;
			return MR_ERR_FIELD_RANGE;
		}
		/* a zone: Z, or +HH, +HHMM, +HH:MM */
		if (i < len && (s[i] == 'Z' || s[i] == 'z'))
			i++;
		else if (i < len && (s[i] == '+' || s[i] == '-'))
		{
			int			sign = s[i] == '-' ? -1 : 1,
						oh,
						om = 0;
			size_t		zstart = i++;

			if (!digits(s, len, &i, 2, &oh))
			{
				*errpos = i;
				return MR_ERR_SYNTAX;
			}
			if (i < len && s[i] == ':')
			{
				i++;
				if (!digits(s, len, &i, 2, &om))
				{
					*errpos = i;
					return MR_ERR_SYNTAX;
				}
			}
			else if (i + 1 < len && s[i] >= '0' && s[i] <= '9')
			{
				if (!digits(s, len, &i, 2, &om))
				{
					*errpos = i;
					return MR_ERR_SYNTAX;
				}
			}
			if (oh > 15 || om > 59)
			{
				*errpos = zstart;
				return MR_ERR_FIELD_RANGE;
			}
			offset = sign * ((int64_t) oh * 3600 + om * 60) * INT64_C(1000000);
		}
	}

	/* only days that PostgreSQL timestamps reach: days * USECS_PER_DAY fits */
	if (days < MR_TS_MIN / MR_USECS_PER_DAY - 1 || days > MR_TS_END / MR_USECS_PER_DAY + 1)
	{
		*errpos = 0;
		return MR_ERR_OUT_OF_RANGE;
	}
	*out = days * MR_USECS_PER_DAY + ((int64_t) hh * 3600 + mi * 60 + ss) * INT64_C(1000000)
		+ usecs - offset;
	if (*out < MR_TS_MIN || *out >= MR_TS_END)
	{
		*errpos = 0;
		return MR_ERR_OUT_OF_RANGE;
	}
	*consumed = i;
	return MR_OK;
}

static int
format_ymd(int64_t days, char *out)
{
	int64_t		y;
	int			m,
				d;

	mr_civil_from_days(days, &y, &m, &d);
	if (y < 0)
		return sprintf(out, "-%04lld-%02d-%02d", (long long) -y, m, d);
	return sprintf(out, "%04lld-%02d-%02d", (long long) y, m, d);
}

int
mr_date_format(int32_t d, char *out)
{
	if (d == MR_DATE_NOBEGIN)
		return sprintf(out, "-infinity");
	if (d == MR_DATE_NOEND)
		return sprintf(out, "infinity");
	return format_ymd(d, out);
}

int64_t
mr_timestamp_day(int64_t ts)
{
	int64_t		day = ts / MR_USECS_PER_DAY;

	if (ts % MR_USECS_PER_DAY < 0)
		day--;
	return day;
}

int
mr_timestamp_format(int64_t ts, char *out)
{
	int64_t		day,
				rem;
	int			n,
				hh,
				mi,
				ss,
				us;

	if (ts == MR_TS_NOBEGIN)
		return sprintf(out, "-infinity");
	if (ts == MR_TS_NOEND)
		return sprintf(out, "infinity");
	day = mr_timestamp_day(ts);
	/* (not ts - day * USECS_PER_DAY: that overflows near INT64_MIN) */
	rem = ts % MR_USECS_PER_DAY;
	if (rem < 0)
		rem += MR_USECS_PER_DAY;
	n = format_ymd(day, out);
	us = (int) (rem % 1000000);
	rem /= 1000000;
	ss = (int) (rem % 60);
	rem /= 60;
	mi = (int) (rem % 60);
	hh = (int) (rem / 60);
	n += sprintf(out + n, "T%02d:%02d:%02d", hh, mi, ss);
	if (us != 0)
	{
		int			width = 6;

		while (us % 10 == 0)
		{
			us /= 10;
			width--;
		}
		n += sprintf(out + n, ".%0*d", width, us);
	}
	out[n++] = 'Z';
	out[n] = '\0';
	return n;
}
