/*
 * fuzz.c: libFuzzer harnesses for migrec's plain-C parsers, formatters and
 * binary validators.  Built once per target, named at build time
 * (-DFUZZ_TARGET='"route"', see the Makefile, which reads the names from
 * `targets`); each target parses the input, and whatever parses is formatted
 * and parsed again and must come back the same (the round trip).  For the
 * binary targets, the bytes are read as the type's send format, and
 * whatever the validator accepts must format and parse back to itself.
 * A new type is one row of `targets`.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codes.h"
#include "crosswalk.h"
#include "datetime_io.h"
#include "decision_tally_io.h"
#include "flow_series_io.h"
#include "nationality_io.h"
#include "place_io.h"
#include "protection_status_io.h"
#include "route_io.h"
#include "transit_profile_io.h"

#define CHECK(cond) do { if (!(cond)) { fprintf(stderr, "round trip failed: %s\n", #cond); abort(); } } while (0)

static uint32_t
be32(const uint8_t *p)
{
	return ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16) | ((uint32_t) p[2] << 8) | p[3];
}

static uint64_t
be64(const uint8_t *p)
{
	return ((uint64_t) be32(p) << 32) | be32(p + 4);
}

/* ---- text targets ---- */

static void
text_nationality(const char *s, size_t len)
{
	uint16_t	v,
				w;
	size_t		pos;
	char		out[NATIONALITY_TEXT_SIZE],
				hint[64];

	if (nationality_parse(s, len, &v, &pos) == MR_OK)
	{
		CHECK(nationality_valid(v));
		nationality_format(v, out);
		CHECK(nationality_parse(out, strlen(out), &w, &pos) == MR_OK && w == v);
	}
	else
	{
		CHECK(pos <= len);
		nationality_suggest(s, len, false, hint, sizeof(hint));
	}
	v = nationality_from_name(s, len);
	CHECK(v == 0 || nationality_valid(v));
}

static void
text_place(const char *s, size_t len)
{
	int32_t		v,
				w;
	size_t		pos;
	char		out[PLACE_TEXT_SIZE],
				list[512];

	if (place_parse(s, len, &v, &pos) == MR_OK)
	{
		CHECK(place_valid(v));
		place_format(v, out);
		CHECK(place_parse(out, strlen(out), &w, &pos) == MR_OK && w == v);
	}
	else
	{
		CHECK(pos <= len);
		place_list_subdivisions(s, len, 20, list, sizeof(list));
	}
}

static void
text_status(const char *s, size_t len)
{
	int			v,
				w;
	size_t		pos;
	char		hint[128];

	if (protection_status_parse(s, len, &v, &pos) == MR_OK)
	{
		const char *name = mr_statuses[v].name;

		CHECK(protection_status_parse(name, strlen(name), &w, &pos) == MR_OK && w == v);
	}
	else
		protection_status_suggest(s, len, hint, sizeof(hint));
}

static void
text_history(const char *s, size_t len)
{
	size_t		cap = history_max_events(s, len),
				n,
				n2,
				pos;
	int64_t    *at = malloc((cap + 1) * sizeof(int64_t)),
			   *at2 = malloc((cap + 1) * sizeof(int64_t));
	uint8_t    *st = malloc(cap + 1),
			   *st2 = malloc(cap + 1);

	if (history_parse(s, len, at, st, cap, &n, &pos) == MR_OK)
	{
		char	   *out = malloc(HISTORY_TEXT_SIZE(n));
		size_t		olen;

		CHECK(history_events_valid(at, st, n));
		olen = history_format(at, st, n, out);
		CHECK(olen == strlen(out));
		CHECK(history_parse(out, olen, at2, st2, cap, &n2, &pos) == MR_OK && n2 == n);
		CHECK(memcmp(at, at2, n * sizeof(int64_t)) == 0 && memcmp(st, st2, n) == 0);
		free(out);
	}
	else
		CHECK(pos <= len);
	free(at);
	free(at2);
	free(st);
	free(st2);
}

static void
text_tally(const char *s, size_t len)
{
	DecisionTally t,
				t2;
	size_t		pos;
	char		out[DECISION_TALLY_TEXT_SIZE];

	if (decision_tally_parse(s, len, &t, &pos) == MR_OK)
	{
		decision_tally_format(&t, out);
		CHECK(decision_tally_parse(out, strlen(out), &t2, &pos) == MR_OK && memcmp(&t, &t2, sizeof(t)) == 0);
	}
}

static void
text_segment(const char *s, size_t len)
{
	RouteSegment a,
				b;
	size_t		used,
				pos;
	char		out[ROUTE_SEGMENT_TEXT_SIZE];

	if (route_segment_parse(s, len, true, &a, &used, &pos) == MR_OK)
	{
		CHECK(route_segment_valid(&a));
		route_segment_format(&a, out);
		CHECK(route_segment_parse(out, strlen(out), true, &b, &used, &pos) == MR_OK &&
			  route_segment_cmp(&a, &b) == 0);
	}
	else
		CHECK(pos <= len);
}

static void
text_route(const char *s, size_t len)
{
	size_t		cap = route_max_segments(s, len),
				n,
				n2,
				pos;
	RouteSegment *a = malloc((cap + 1) * sizeof(RouteSegment)),
			   *b = malloc((cap + 1) * sizeof(RouteSegment));

	if (route_parse(s, len, a, cap, &n, &pos) == MR_OK)
	{
		char	   *out = malloc(ROUTE_TEXT_SIZE(n));

		route_format(a, n, out);
		CHECK(route_parse(out, strlen(out), b, cap, &n2, &pos) == MR_OK && n2 == n &&
			  memcmp(a, b, n * sizeof(RouteSegment)) == 0);
		free(out);
	}
	else
		CHECK(pos <= len);
	free(a);
	free(b);
}

static void
text_profile(const char *s, size_t len)
{
	static int64_t c[TRANSIT_NBINS],
				c2[TRANSIT_NBINS];
	int64_t		o,
				o2;
	size_t		pos;
	static char out[TRANSIT_PROFILE_TEXT_SIZE(TRANSIT_NBINS)];

	if (transit_profile_parse(s, len, c, &o, &pos) == MR_OK)
	{
		transit_profile_format(c, TRANSIT_NBINS, o, out);
		CHECK(transit_profile_parse(out, strlen(out), c2, &o2, &pos) == MR_OK && o == o2 &&
			  memcmp(c, c2, sizeof(c)) == 0);
	}
}

static void
text_flow(const char *s, size_t len)
{
	size_t		cap = flow_series_max_days(s, len),
				n,
				n2,
				pos;
	int32_t		start,
				start2;
	int64_t    *c = malloc((cap + 1) * sizeof(int64_t)),
			   *c2 = malloc((cap + 1) * sizeof(int64_t));

	if (flow_series_parse(s, len, &start, c, cap, &n, &pos) == MR_OK)
	{
		char	   *out = malloc(FLOW_SERIES_TEXT_SIZE(n));

		flow_series_format(start, c, n, out);
		CHECK(flow_series_parse(out, strlen(out), &start2, c2, cap, &n2, &pos) == MR_OK && n2 == n &&
			  (n == 0 || start2 == start) && memcmp(c, c2, n * sizeof(int64_t)) == 0);
		free(out);
	}
	free(c);
	free(c2);
}

static void
text_timestamp(const char *s, size_t len)
{
	int64_t		ts,
				ts2;
	int32_t		d,
				d2;
	size_t		used,
				pos;
	char		out[MR_TIMESTAMP_TEXT_SIZE];

	if (mr_timestamp_parse(s, len, &ts, &used, &pos) == MR_OK)
	{
		CHECK(used <= len && mr_timestamp_valid(ts));
		mr_timestamp_format(ts, out);
		CHECK(mr_timestamp_parse(out, strlen(out), &ts2, &used, &pos) == MR_OK && ts2 == ts);
	}
	if (mr_date_parse(s, len, &d, &used, &pos) == MR_OK)
	{
		CHECK(used <= len && mr_date_valid(d));
		mr_date_format(d, out);
		CHECK(mr_date_parse(out, strlen(out), &d2, &used, &pos) == MR_OK && d2 == d);
	}
}

/*
 * Publishers' names and codes: whatever any source reads is a valid
 * nationality or place, a key folds to itself, and the strict and the
 * cleaning form agree wherever the strict one finds a value.
 */
static void
text_crosswalk(const char *s, size_t len)
{
	char		key[MR_MATCH_KEY_SIZE],
				again[MR_MATCH_KEY_SIZE];
	mr_xw_result r,
				strict;
	int32_t		p;

	if (mr_match_key(s, len, key, sizeof(key)))
		CHECK(mr_match_key(key, strlen(key), again, sizeof(again)) && strcmp(key, again) == 0);
	for (int src = MR_SRC_NONE; src < MR_NSOURCES; src++)
	{
		mr_xw_nationality(s, len, src, false, &r);
		CHECK(r.status != MR_XW_FOUND || nationality_valid(r.code));
		mr_xw_nationality(s, len, src, true, &strict);
		CHECK(strict.status != MR_XW_FOUND || (r.status == MR_XW_FOUND && r.code == strict.code));
		CHECK(r.row < mr_nxw_rows && strict.row < mr_nxw_rows);
	}
	mr_xw_unhcr_code(s, len, &r);
	CHECK(r.status != MR_XW_FOUND || nationality_valid(r.code));
	for (int src = 0; src < MR_NPLACE_SOURCES; src++)
	{
		int			row = mr_xw_place(s, len, src, &p);

		CHECK(row < mr_nxw_place_rows);
		CHECK(row < 0 || place_valid(p));
	}
}

/* ---- binary targets: the send formats ---- */

static void
binary_fixed(const uint8_t *b, size_t len)
{
	char		out[ROUTE_SEGMENT_TEXT_SIZE];
	size_t		used,
				pos;

	if (len >= 2)
	{
		int			v = (int16_t) ((b[0] << 8) | b[1]);

		if (nationality_valid(v))
		{
			uint16_t	w;

			nationality_format((uint16_t) v, out);
			CHECK(nationality_parse(out, strlen(out), &w, &pos) == MR_OK && w == v);
		}
	}
	if (len >= 4)
	{
		int32_t		v = (int32_t) be32(b),
					w;

		if (place_valid(v))
		{
			place_format(v, out);
			CHECK(place_parse(out, strlen(out), &w, &pos) == MR_OK && w == v);
		}
	}
	if (len >= 16)
	{
		RouteSegment a = {(int32_t) be32(b + 8), (int32_t) be32(b), (int32_t) be32(b + 4), (int32_t) be32(b + 12)},
					c;

		if (route_segment_valid(&a))
		{
			route_segment_format(&a, out);
			CHECK(route_segment_parse(out, strlen(out), true, &c, &used, &pos) == MR_OK &&
				  route_segment_cmp(&a, &c) == 0);
		}
	}
	if (len >= 32)
	{
		DecisionTally t = {(int64_t) be64(b), (int64_t) be64(b + 8), (int64_t) be64(b + 16), (int64_t) be64(b + 24)},
					t2;
		char		tout[DECISION_TALLY_TEXT_SIZE];

		if (decision_tally_valid(&t))
		{
			decision_tally_format(&t, tout);
			CHECK(decision_tally_parse(tout, strlen(tout), &t2, &pos) == MR_OK && memcmp(&t, &t2, sizeof(t)) == 0);
		}
	}
}

static void
binary_history(const uint8_t *b, size_t len)
{
	size_t		n = len / 9,
				n2,
				pos;
	int64_t    *at = malloc((n + 1) * sizeof(int64_t)),
			   *at2 = malloc((n + 1) * sizeof(int64_t));
	uint8_t    *st = malloc(n + 1),
			   *st2 = malloc(n + 1);

	for (size_t k = 0; k < n; k++)
	{
		at[k] = (int64_t) be64(b + 9 * k);
		st[k] = b[9 * k + 8];
	}
	if (history_events_valid(at, st, n))
	{
		char	   *out = malloc(HISTORY_TEXT_SIZE(n));

		history_format(at, st, n, out);
		CHECK(history_parse(out, strlen(out), at2, st2, n, &n2, &pos) == MR_OK && n2 == n &&
			  memcmp(at, at2, n * sizeof(int64_t)) == 0 && memcmp(st, st2, n) == 0);
		free(out);
	}
	free(at);
	free(at2);
	free(st);
	free(st2);
}

static void
binary_route(const uint8_t *b, size_t len)
{
	size_t		n = len / 16,
				n2,
				pos;
	RouteSegment *a = malloc((n + 1) * sizeof(RouteSegment)),
			   *c = malloc((n + 1) * sizeof(RouteSegment));
	bool		valid = true;

	for (size_t k = 0; k < n; k++)
	{
		const uint8_t *p = b + 16 * k;

		a[k].origin = (int32_t) be32(p);
		a[k].destination = (int32_t) be32(p + 4);
		a[k].departed = (int32_t) be32(p + 8);
		a[k].arrived = (int32_t) be32(p + 12);
		valid = valid && route_segment_valid(&a[k]);
	}
	if (valid && route_is_canonical(a, n))
	{
		char	   *out = malloc(ROUTE_TEXT_SIZE(n));

		route_format(a, n, out);
		CHECK(route_parse(out, strlen(out), c, n, &n2, &pos) == MR_OK && n2 == n &&
			  memcmp(a, c, n * sizeof(RouteSegment)) == 0);
		free(out);
	}
	free(a);
	free(c);
}

/* transit_profile's send format: version, int4 nbins, int8 overflow, counts */
static void
binary_profile(const uint8_t *b, size_t len)
{
	static int64_t c[TRANSIT_NBINS + 1],
				c2[TRANSIT_NBINS];
	static char out[TRANSIT_PROFILE_TEXT_SIZE(TRANSIT_NBINS)];
	int64_t		o2;
	int32_t		nbins;
	int64_t		overflow;
	size_t		pos;

	if (len < 13 || b[0] != 1)
		return;
	nbins = (int32_t) be32(b + 1);
	overflow = (int64_t) be64(b + 5);
	if (nbins < 0 || nbins > TRANSIT_NBINS || (size_t) nbins * 8 != len - 13)
		return;
	for (int d = 0; d < nbins; d++)
		c[d] = (int64_t) be64(b + 13 + 8 * d);
	if (transit_profile_counts_valid(c, nbins, overflow))
	{
		memset(c + nbins, 0, (TRANSIT_NBINS - nbins) * sizeof(int64_t));
		transit_profile_format(c, nbins, overflow, out);
		CHECK(transit_profile_parse(out, strlen(out), c2, &o2, &pos) == MR_OK && o2 == overflow &&
			  memcmp(c, c2, TRANSIT_NBINS * sizeof(int64_t)) == 0);
	}
}

/* flow_series' send format: version, int4 first day, int4 ndays, counts */
static void
binary_flow(const uint8_t *b, size_t len)
{
	int32_t		start,
				ndays,
				start2;
	size_t		n2,
				pos;
	int64_t    *c,
			   *c2;

	if (len < 9 || b[0] != 1)
		return;
	start = (int32_t) be32(b + 1);
	ndays = (int32_t) be32(b + 5);
	if (ndays < 0 || (size_t) ndays * 8 != len - 9)
		return;
	c = malloc((ndays + 1) * sizeof(int64_t));
	c2 = malloc((ndays + 1) * sizeof(int64_t));
	for (int k = 0; k < ndays; k++)
		c[k] = (int64_t) be64(b + 9 + 8 * k);
	if (flow_series_values_valid(start, c, ndays))
	{
		char	   *out = malloc(FLOW_SERIES_TEXT_SIZE(ndays));

		flow_series_format(start, c, ndays, out);
		CHECK(flow_series_parse(out, strlen(out), &start2, c2, ndays + 1, &n2, &pos) == MR_OK &&
			  n2 == (size_t) ndays && (ndays == 0 || start2 == start) &&
			  memcmp(c, c2, ndays * sizeof(int64_t)) == 0);
		free(out);
	}
	free(c);
	free(c2);
}

typedef struct target
{
	const char *name;
	bool		text;			/* NUL-terminated text, or raw bytes */
	void		(*text_fn) (const char *, size_t);
	void		(*binary_fn) (const uint8_t *, size_t);
} target;

static const target targets[] = {
	{"nationality", true, text_nationality, NULL},
	{"place", true, text_place, NULL},
	{"protection_status", true, text_status, NULL},
	{"protection_history", true, text_history, NULL},
	{"decision_tally", true, text_tally, NULL},
	{"route_segment", true, text_segment, NULL},
	{"route", true, text_route, NULL},
	{"transit_profile", true, text_profile, NULL},
	{"flow_series", true, text_flow, NULL},
	{"timestamp", true, text_timestamp, NULL},
	{"crosswalk", true, text_crosswalk, NULL},
	{"binary_fixed", false, NULL, binary_fixed},
	{"binary_history", false, NULL, binary_history},
	{"binary_route", false, NULL, binary_route},
	{"binary_profile", false, NULL, binary_profile},
	{"binary_flow", false, NULL, binary_flow},
};

#ifndef FUZZ_TARGET
#error "build with -DFUZZ_TARGET='\"name\"', a name of targets[]"
#endif

static const target *
chosen_target(void)
{
	static const target *t;

	if (t == NULL)
	{
		for (size_t i = 0; i < sizeof(targets) / sizeof(targets[0]); i++)
			if (strcmp(targets[i].name, FUZZ_TARGET) == 0)
				t = &targets[i];
		if (t == NULL)
		{
			fprintf(stderr, "no fuzz target named \"%s\"\n", FUZZ_TARGET);
			abort();
		}
	}
	return t;
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const target *t = chosen_target();

	if (size > 4096)
		return 0;
	if (t->text)
	{
		/* the server hands parsers NUL-terminated strings without NULs */
		char	   *s = malloc(size + 1);

		memcpy(s, data, size);
		s[size] = '\0';
		t->text_fn(s, strnlen(s, size));
		free(s);
	}
	else
		t->binary_fn(data, size);
	return 0;
}
