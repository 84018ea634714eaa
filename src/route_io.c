/*
 * route_io.c: text forms of route_segment and route, plain C.
 */
#include <string.h>

#include "route_io.h"
#include "scan.h"

/* A place that ends where `end` is; blanks around it are the parser's. */
static mr_status
parse_place_part(const char *s, size_t start, size_t end, int32_t *out, size_t *errpos)
{
	size_t		pos;
	mr_status	st = mr_place_parse(s + start, end - start, out, &pos);

	if (st != MR_OK)
		*errpos = start + pos;
	return st;
}

/* One date inside brackets, or nothing (unknown). */
static mr_status
parse_leg_date(const char *s, size_t len, size_t *i, int32_t *out, size_t *errpos)
{
	size_t		used,
				pos;
	mr_status	st;

	*i = mr_skip_blanks(s, len, *i);
	if (*i < len && (s[*i] == ',' || s[*i] == ']'))
	{
		*out = ROUTE_DATE_UNKNOWN;
		return MR_OK;
	}
	st = mr_date_parse(s + *i, len - *i, out, &used, &pos);
	if (st != MR_OK)
	{
		*errpos = *i + pos;
		return st;
	}
	if (*out == MR_DATE_NOBEGIN || *out == MR_DATE_NOEND)
	{
		/* a leg is taken on some day: infinite dates mean nothing here */
		*errpos = *i;
		return MR_ERR_OUT_OF_RANGE;
	}
	*i = mr_skip_blanks(s, len, *i + used);
	return MR_OK;
}

mr_status
mr_route_segment_parse(const char *s, size_t len, bool whole, mr_route_segment *out,
					   size_t *consumed, size_t *errpos)
{
	size_t		i = mr_skip_blanks(s, len, 0),
				arrow,
				dest_end;
	mr_status	st;

	/* the origin runs to "->" */
	for (arrow = i; arrow + 1 < len; arrow++)
		if (s[arrow] == '-' && s[arrow + 1] == '>')
			break;
	if (arrow + 1 >= len)
	{
		*errpos = len;
		for (size_t k = i; k < len; k++)
			if (s[k] == ',' || s[k] == '}' || s[k] == '[')
			{
				*errpos = k;
				break;
			}
		return i == len ? MR_ERR_EMPTY : MR_ERR_SYNTAX;
	}
	st = parse_place_part(s, i, arrow, &out->origin, errpos);
	if (st != MR_OK)
		return st;

	/* the destination runs to "[", ",", "}" or the end */
	i = arrow + 2;
	for (dest_end = i; dest_end < len; dest_end++)
		if (s[dest_end] == '[' || s[dest_end] == ',' || s[dest_end] == '}')
			break;
	st = parse_place_part(s, i, dest_end, &out->destination, errpos);
	if (st != MR_OK)
		return st;
	i = dest_end;

	out->departed = out->arrived = ROUTE_DATE_UNKNOWN;
	if (i < len && s[i] == '[')
	{
		size_t		open = i;

		i++;
		st = parse_leg_date(s, len, &i, &out->departed, errpos);
		if (st != MR_OK)
			return st;
		if (i >= len || s[i] != ',')
		{
			*errpos = i;
			return MR_ERR_SYNTAX;
		}
		i++;
		st = parse_leg_date(s, len, &i, &out->arrived, errpos);
		if (st != MR_OK)
			return st;
		if (i >= len || s[i] != ']')
		{
			*errpos = i;
			return MR_ERR_SYNTAX;
		}
		i = mr_skip_blanks(s, len, i + 1);
		if (route_date_known(out->departed) && route_date_known(out->arrived) &&
			out->arrived < out->departed)
		{
			*errpos = open;
			return MR_ERR_ARRIVES_FIRST;
		}
	}
	if (whole && i != len)
	{
		*errpos = i;
		return MR_ERR_SYNTAX;
	}
	*consumed = i;
	return MR_OK;
}

static size_t
format_date_or_empty(int32_t d, char *out)
{
	if (!route_date_known(d))
	{
		out[0] = '\0';
		return 0;
	}
	return (size_t) mr_date_format(d, out);
}

size_t
mr_route_segment_format(const mr_route_segment *seg, char *out)
{
	size_t		o = 0;

	mr_place_format(seg->origin, out);
	o = strlen(out);
	memcpy(out + o, " -> ", 4);
	o += 4;
	mr_place_format(seg->destination, out + o);
	o += strlen(out + o);
	if (route_date_known(seg->departed) || route_date_known(seg->arrived))
	{
		out[o++] = ' ';
		out[o++] = '[';
		o += format_date_or_empty(seg->departed, out + o);
		out[o++] = ',';
		o += format_date_or_empty(seg->arrived, out + o);
		out[o++] = ']';
	}
	out[o] = '\0';
	return o;
}

static bool
leg_date_valid(int32_t d)
{
	return !route_date_known(d) ||
		(mr_date_valid(d) && d != MR_DATE_NOBEGIN && d != MR_DATE_NOEND);
}

bool
mr_route_segment_valid(const mr_route_segment *seg)
{
	return mr_place_valid(seg->origin) && mr_place_valid(seg->destination) &&
		leg_date_valid(seg->departed) && leg_date_valid(seg->arrived) &&
		(!route_date_known(seg->departed) || !route_date_known(seg->arrived) ||
		 seg->arrived >= seg->departed);
}

#define CMP(a, b) do { if ((a) != (b)) return (a) < (b) ? -1 : 1; } while (0)

int
mr_route_segment_cmp(const mr_route_segment *a, const mr_route_segment *b)
{
	CMP(a->departed, b->departed);
	CMP(a->origin, b->origin);
	CMP(a->destination, b->destination);
	CMP(a->arrived, b->arrived);
	return 0;
}

size_t
mr_route_max_segments(const char *s, size_t len)
{
	return mr_count_token(s, len, "->");
}

/* What route_leg() fills: the legs so far, and the room for them. */
typedef struct route_legs
{
	mr_route_segment *segs;
	size_t		cap;
	size_t		n;
} route_legs;

/* One leg of a route text. */
static mr_status
route_leg(const char *s, size_t len, size_t *used, size_t *errpos, void *arg)
{
	route_legs *legs = arg;
	mr_status	st;

	/* more legs than arrows: this one cannot be a leg */
	if (legs->n >= legs->cap)
		return MR_ERR_SYNTAX;
	st = mr_route_segment_parse(s, len, false, &legs->segs[legs->n], used, errpos);
	if (st != MR_OK)
		return st == MR_ERR_EMPTY ? MR_ERR_SYNTAX : st;
	legs->n++;
	return MR_OK;
}

mr_status
mr_route_parse(const char *s, size_t len, mr_route_segment *segs, size_t cap, size_t *n,
			   size_t *errpos)
{
	route_legs	legs = {segs, cap, 0};
	mr_status	st = mr_scan_whole_list(s, len, route_leg, &legs, errpos);

	*n = legs.n;
	if (st == MR_OK && !mr_route_is_canonical(segs, *n))
	{
		*errpos = 0;
		st = MR_ERR_ORDER;
	}
	return st;
}

size_t
mr_route_format(const mr_route_segment *segs, size_t n, char *out)
{
	size_t		o = 0;

	out[o++] = '{';
	for (size_t k = 0; k < n; k++)
	{
		if (k > 0)
		{
			out[o++] = ',';
			out[o++] = ' ';
		}
		o += mr_route_segment_format(&segs[k], out + o);
	}
	out[o++] = '}';
	out[o] = '\0';
	return o;
}

bool
mr_route_is_canonical(const mr_route_segment *segs, size_t n)
{
	for (size_t k = 1; k < n; k++)
		if (segs[k].departed < segs[k - 1].departed)
			return false;
	return true;
}

/* Stable merge sort by departure date. */
void
mr_route_sort(mr_route_segment *segs, size_t n, mr_route_segment *tmp)
{
	if (mr_route_is_canonical(segs, n))
		return;
	for (size_t width = 1; width < n; width *= 2)
	{
		for (size_t lo = 0; lo < n; lo += 2 * width)
		{
			size_t		mid = lo + width < n ? lo + width : n,
						hi = lo + 2 * width < n ? lo + 2 * width : n,
						a = lo,
						b = mid,
						o = lo;

			while (a < mid && b < hi)
				tmp[o++] = (segs[b].departed < segs[a].departed) ? segs[b++] : segs[a++];
			while (a < mid)
				tmp[o++] = segs[a++];
			while (b < hi)
				tmp[o++] = segs[b++];
		}
		memcpy(segs, tmp, n * sizeof(mr_route_segment));
	}
}

bool
mr_route_continuous(const mr_route_segment *segs, size_t n)
{
	for (size_t k = 1; k < n; k++)
		if (segs[k].origin != segs[k - 1].destination)
			return false;
	return true;
}
