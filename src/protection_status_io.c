/*
 * protection_status_io.c: text forms of protection_status and
 * protection_history, plain C.
 */
#include <string.h>

#include "datetime_io.h"
#include "protection_status_io.h"
#include "scan.h"

static int
lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

/* Length of the status name starting at s: letters and underscores. */
static size_t
name_length(const char *s, size_t len)
{
	size_t		i = 0;

	while (i < len && (mr_letter((unsigned char) s[i]) || s[i] == '_'))
		i++;
	return i;
}

static int
status_by_name(const char *s, size_t n)
{
	for (int v = 1; v <= mr_nstatuses; v++)
	{
		const char *name = mr_statuses[v].name;
		size_t		k;

		if (strlen(name) != n)
			continue;
		for (k = 0; k < n; k++)
			if (lower((unsigned char) s[k]) != name[k])
				break;
		if (k == n)
			return v;
	}
	return 0;
}

mr_status
mr_protection_status_parse(const char *s, size_t len, int *out, size_t *errpos)
{
	size_t		start = mr_trim(&s, &len),
				n;

	*errpos = start;
	if (len == 0)
		return MR_ERR_EMPTY;
	n = name_length(s, len);
	if (n != len)
	{
		*errpos = start + n;
		return MR_ERR_SYNTAX;
	}
	*out = status_by_name(s, n);
	return *out ? MR_OK : MR_ERR_UNKNOWN;
}

/* Levenshtein distance, case-insensitive, for names of at most 63 bytes. */
static int
distance(const char *a, size_t na, const char *b)
{
	size_t		nb = strlen(b);
	int			row[64];

	if (na > 63 || nb > 63)
		return 1000;
	for (size_t j = 0; j <= nb; j++)
		row[j] = (int) j;
	for (size_t i = 1; i <= na; i++)
	{
		int			diag = row[0];

		row[0] = (int) i;
		for (size_t j = 1; j <= nb; j++)
		{
			int			up = row[j];
			int			best = diag + (lower((unsigned char) a[i - 1]) != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[nb];
}

int
mr_protection_status_suggest(const char *s, size_t len, char *out, size_t outsize)
{
	int			best = 1000,
				count = 0;
	size_t		o = 0;

	mr_trim(&s, &len);
	if (outsize == 0)
		return 0;
	out[0] = '\0';
	for (int v = 1; v <= mr_nstatuses; v++)
	{
		int			d = distance(s, len, mr_statuses[v].name);

		if (d < best)
			best = d;
	}
	/* only near misses: about a quarter of the name may differ */
	if (best > 1 + (int) len / 4)
		return 0;
	for (int v = 1; v <= mr_nstatuses && count < 3; v++)
	{
		const char *name = mr_statuses[v].name;
		size_t		nl = strlen(name);

		if (distance(s, len, name) != best)
			continue;
		if (o + nl + 3 > outsize)
			break;
		if (count > 0)
		{
			out[o++] = ',';
			out[o++] = ' ';
		}
		memcpy(out + o, name, nl);
		o += nl;
		out[o] = '\0';
		count++;
	}
	return count;
}

size_t
mr_history_max_events(const char *s, size_t len)
{
	return mr_count_token(s, len, "@");
}

/* What history_event() fills: the events so far, and the room for them. */
typedef struct history_events
{
	int64_t    *at;
	uint8_t    *status;
	size_t		cap;
	size_t		n;
} history_events;

/* One event of a history text: status@timestamp. */
static mr_status
history_event(const char *s, size_t len, size_t *used, size_t *errpos, void *arg)
{
	history_events *ev = arg;
	size_t		nl = name_length(s, len),
				i,
				tslen,
				pos;
	int			v;
	int64_t		ts;
	mr_status	st;

	if (nl == 0)
		return MR_ERR_SYNTAX;
	v = status_by_name(s, nl);
	if (v == 0)
		return MR_ERR_UNKNOWN;
	i = mr_skip_blanks(s, len, nl);
	if (i >= len || s[i] != '@')
	{
		*errpos = i;
		return MR_ERR_SYNTAX;
	}
	i = mr_skip_blanks(s, len, i + 1);
	st = mr_timestamp_parse(s + i, len - i, &ts, &tslen, &pos);
	if (st != MR_OK)
	{
		*errpos = i + pos;
		return st;
	}
	if (ev->n >= ev->cap)		/* cannot happen with mr_history_max_events() */
		return MR_ERR_TOO_LONG;
	if (ev->n > 0 && ts < ev->at[ev->n - 1])
	{
		*errpos = i;
		return MR_ERR_ORDER;
	}
	ev->at[ev->n] = ts;
	ev->status[ev->n] = (uint8_t) v;
	ev->n++;
	*used = i + tslen;
	return MR_OK;
}

mr_status
mr_history_parse(const char *s, size_t len, int64_t *at, uint8_t *status,
				 size_t cap, size_t *n, size_t *errpos)
{
	history_events ev = {at, status, cap, 0};
	mr_status	st = mr_scan_whole_list(s, len, history_event, &ev, errpos);

	*n = ev.n;
	return st;
}

size_t
mr_history_format(const int64_t *at, const uint8_t *status, size_t n, char *out)
{
	size_t		o = 0;

	out[o++] = '{';
	for (size_t k = 0; k < n; k++)
	{
		const char *name = mr_statuses[status[k]].name;
		size_t		nl = strlen(name);

		if (k > 0)
		{
			out[o++] = ',';
			out[o++] = ' ';
		}
		memcpy(out + o, name, nl);
		o += nl;
		out[o++] = '@';
		o += (size_t) mr_timestamp_format(at[k], out + o);
	}
	out[o++] = '}';
	out[o] = '\0';
	return o;
}

bool
mr_history_events_valid(const int64_t *at, const uint8_t *status, size_t n)
{
	for (size_t k = 0; k < n; k++)
	{
		if (!mr_status_value_valid(status[k]) || !mr_timestamp_valid(at[k]))
			return false;
		if (k > 0 && at[k] < at[k - 1])
			return false;
	}
	return true;
}
