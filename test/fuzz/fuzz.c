/*
 * fuzz.c: libFuzzer harnesses for migrec's plain-C parsers, formatters and
 * binary validators.  Built once per target, named at build time
 * (-DFUZZ_TARGET='"route"', see the Makefile, which reads the names from
 * `targets`); each target parses the input, and whatever parses is formatted
 * and parsed again and must come back the same (the round trip).  For the
 * binary targets, the bytes are read as the type's send format, and
 * whatever the validator accepts must format and parse back to itself.
 * For the list types, an accepted value must also satisfy what the SQL
 * functions on it need (the *_property functions: a total that fits an
 * int8, day counts that fit an int4, quantiles within the bins; the same
 * property sql/properties.sql tests in the server, with the aggregates).
 * A new type is one row of `targets`.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codes.h"
#include "datetime_io.h"
#include "decision_tally_io.h"
#include "level_tally_io.h"
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

	if (mr_nationality_parse(s, len, &v, &pos) == MR_OK)
	{
		CHECK(mr_nationality_valid(v));
		mr_nationality_format(v, out);
		CHECK(mr_nationality_parse(out, strlen(out), &w, &pos) == MR_OK && w == v);
	}
	else
	{
		CHECK(pos <= len);
		mr_nationality_suggest(s, len, false, hint, sizeof(hint));
	}
	v = mr_nationality_from_name(s, len);
	CHECK(v == 0 || mr_nationality_valid(v));
}

static void
text_place(const char *s, size_t len)
{
	int32_t		v,
				w;
	size_t		pos;
	char		out[PLACE_TEXT_SIZE],
				list[512];

	if (mr_place_parse(s, len, &v, &pos) == MR_OK)
	{
		CHECK(mr_place_valid(v));
		mr_place_format(v, out);
		CHECK(mr_place_parse(out, strlen(out), &w, &pos) == MR_OK && w == v);
	}
	else
	{
		CHECK(pos <= len);
		mr_place_list_subdivisions(s, len, 20, list, sizeof(list));
	}
}

static void
text_status(const char *s, size_t len)
{
	int			v,
				w;
	size_t		pos;
	char		hint[128];

	if (mr_protection_status_parse(s, len, &v, &pos) == MR_OK)
	{
		const char *name = mr_statuses[v].name;

		CHECK(mr_protection_status_parse(name, strlen(name), &w, &pos) == MR_OK && w == v);
	}
	else
		mr_protection_status_suggest(s, len, hint, sizeof(hint));
}

/*
 * ---- the property: an accepted value (by text or by the send format)
 * prints into a buffer of its *_TEXT_SIZE (ASan watches the end), reads
 * back the same, and what the SQL functions on it compute succeeds ----
 */

/* days_between() and decision_days(): any two finite events are an int4 of days apart */
static void
history_property(const int64_t *at, const uint8_t *st, size_t n)
{
	char	   *out = malloc(HISTORY_TEXT_SIZE(n));
	int64_t    *at2 = malloc((n + 1) * sizeof(int64_t));
	uint8_t    *st2 = malloc(n + 1);
	size_t		olen,
				n2,
				pos;

	CHECK(mr_history_events_valid(at, st, n));
	olen = mr_history_format(at, st, n, out);
	CHECK(olen == strlen(out) && olen < HISTORY_TEXT_SIZE(n));
	CHECK(mr_history_parse(out, olen, at2, st2, n, &n2, &pos) == MR_OK && n2 == n);
	CHECK(memcmp(at, at2, n * sizeof(int64_t)) == 0 && memcmp(st, st2, n) == 0);
	for (size_t k = 0; k < n; k++)
		if (at[k] != MR_TS_NOBEGIN && at[k] != MR_TS_NOEND && at[0] != MR_TS_NOBEGIN)
			CHECK(llabs(mr_timestamp_day(at[k]) - mr_timestamp_day(at[0])) <= INT32_MAX);
	free(out);
	free(at2);
	free(st2);
}

static void
tally_property(const mr_decision_tally *t)
{
	mr_decision_tally t2;
	size_t		pos;
	char		out[DECISION_TALLY_TEXT_SIZE];

	CHECK(mr_decision_tally_valid(t));
	CHECK(mr_decision_tally_format(t, out) < DECISION_TALLY_TEXT_SIZE);
	CHECK(mr_decision_tally_parse(out, strlen(out), &t2, &pos) == MR_OK && memcmp(t, &t2, sizeof(t2)) == 0);
}

static void
level_tally_property(const mr_level_tally *t)
{
	mr_level_tally t2;
	size_t		pos;
	char		out[LEVEL_TALLY_TEXT_SIZE];

	CHECK(mr_level_tally_valid(t));
	CHECK(mr_level_tally_format(t, out) < LEVEL_TALLY_TEXT_SIZE);
	CHECK(mr_level_tally_parse(out, strlen(out), &t2, &pos) == MR_OK && memcmp(t, &t2, sizeof(t2)) == 0);
}

/* transit_days(): an int4 */
static void
segment_property(const mr_route_segment *a)
{
	mr_route_segment b;
	size_t		used,
				pos;
	char		out[ROUTE_SEGMENT_TEXT_SIZE];

	CHECK(mr_route_segment_valid(a));
	CHECK(mr_route_segment_format(a, out) < ROUTE_SEGMENT_TEXT_SIZE);
	CHECK(mr_route_segment_parse(out, strlen(out), true, &b, &used, &pos) == MR_OK &&
		  mr_route_segment_cmp(a, &b) == 0);
	if (route_date_known(a->departed) && route_date_known(a->arrived))
		CHECK((int64_t) a->arrived - a->departed >= 0 && (int64_t) a->arrived - a->departed <= INT32_MAX);
}

/* total_days() and days_between(): int4 */
static void
route_property(const mr_route_segment *a, size_t n)
{
	char	   *out = malloc(ROUTE_TEXT_SIZE(n));
	mr_route_segment *b = malloc((n + 1) * sizeof(mr_route_segment));
	size_t		n2,
				pos;

	CHECK(mr_route_is_canonical(a, n));
	for (size_t k = 0; k < n; k++)
		segment_property(&a[k]);
	CHECK(mr_route_format(a, n, out) < ROUTE_TEXT_SIZE(n));
	CHECK(mr_route_parse(out, strlen(out), b, n, &n2, &pos) == MR_OK && n2 == n &&
		  memcmp(a, b, n * sizeof(mr_route_segment)) == 0);
	if (n > 0 && route_date_known(a[0].departed) && route_date_known(a[n - 1].arrived))
		CHECK(llabs((int64_t) a[n - 1].arrived - a[0].departed) <= INT32_MAX);
	(void) mr_route_continuous(a, n);
	free(out);
	free(b);
}

/* observations(), quantile(), median(), share_within(): the total is an int8, a quantile a day */
static void
profile_property(const int64_t *c, int nbins, int64_t overflow)
{
	static int64_t full[TRANSIT_NBINS],
				c2[TRANSIT_NBINS];
	static char out[TRANSIT_PROFILE_TEXT_SIZE_MAX];
	int64_t		o2,
				total;
	size_t		pos;
	int			day;

	CHECK(mr_transit_profile_counts_valid(c, nbins, overflow));
	CHECK(mr_transit_profile_total(c, nbins, overflow, &total));
	for (int k = 0; k < 5; k++)
		if (mr_transit_profile_quantile(c, nbins, total, (double[]) {0, 1e-300, 0.5, 0.999999, 1}[k], &day))
			CHECK(day >= 0 && day < nbins);
	memset(full, 0, sizeof(full));
	memcpy(full, c, nbins * sizeof(int64_t));
	CHECK(mr_transit_profile_format(full, TRANSIT_NBINS, overflow, out) < TRANSIT_PROFILE_TEXT_SIZE(nbins));
	CHECK(mr_transit_profile_parse(out, strlen(out), c2, &o2, &pos) == MR_OK && o2 == overflow &&
		  memcmp(full, c2, sizeof(full)) == 0);
}

/* total() is an int8; days() and forecast_arrivals() need every day a date */
static void
flow_property(int32_t start, const int64_t *c, size_t n)
{
	char	   *out = malloc(FLOW_SERIES_TEXT_SIZE(n));
	int64_t    *c2 = malloc((n + 1) * sizeof(int64_t)),
				total;
	int32_t		start2;
	size_t		n2,
				pos;

	CHECK(mr_flow_series_values_valid(start, c, n) && n <= FLOW_MAX_DAYS);
	CHECK(mr_flow_series_total(c, n, &total));
	CHECK(n == 0 || mr_date_valid((int32_t) ((int64_t) start + (int64_t) n - 1)));
	CHECK(mr_flow_series_format(start, c, n, out) < FLOW_SERIES_TEXT_SIZE(n));
	CHECK(mr_flow_series_parse(out, strlen(out), &start2, c2, n + 1, &n2, &pos) == MR_OK && n2 == n &&
		  (n == 0 || start2 == start) && memcmp(c, c2, n * sizeof(int64_t)) == 0);
	free(out);
	free(c2);
}

/* ---- text targets of the list types ---- */

static void
text_history(const char *s, size_t len)
{
	size_t		cap = mr_history_max_events(s, len),
				n,
				pos;
	int64_t    *at = malloc((cap + 1) * sizeof(int64_t));
	uint8_t    *st = malloc(cap + 1);

	if (mr_history_parse(s, len, at, st, cap, &n, &pos) == MR_OK)
		history_property(at, st, n);
	else
		CHECK(pos <= len);
	free(at);
	free(st);
}

static void
text_tally(const char *s, size_t len)
{
	mr_decision_tally t;
	size_t		pos;

	if (mr_decision_tally_parse(s, len, &t, &pos) == MR_OK)
		tally_property(&t);
	else
		CHECK(pos <= len);
}

static void
text_level_tally(const char *s, size_t len)
{
	mr_level_tally t;
	size_t		pos;

	if (mr_level_tally_parse(s, len, &t, &pos) == MR_OK)
		level_tally_property(&t);
	else
		CHECK(pos <= len);
}

static void
text_segment(const char *s, size_t len)
{
	mr_route_segment a;
	size_t		used,
				pos;

	if (mr_route_segment_parse(s, len, true, &a, &used, &pos) == MR_OK)
		segment_property(&a);
	else
		CHECK(pos <= len);
}

static void
text_route(const char *s, size_t len)
{
	size_t		cap = mr_route_max_segments(s, len),
				n,
				pos;
	mr_route_segment *a = malloc((cap + 1) * sizeof(mr_route_segment));

	if (mr_route_parse(s, len, a, cap, &n, &pos) == MR_OK)
		route_property(a, n);
	else
		CHECK(pos <= len);
	free(a);
}

static void
text_profile(const char *s, size_t len)
{
	static int64_t c[TRANSIT_NBINS];
	int64_t		o;
	size_t		pos;
	int			nbins = TRANSIT_NBINS;

	if (mr_transit_profile_parse(s, len, c, &o, &pos) == MR_OK)
	{
		/* as stored: up to the last non-zero day */
		while (nbins > 0 && c[nbins - 1] == 0)
			nbins--;
		profile_property(c, nbins, o);
	}
	else
		CHECK(pos <= len);
}

static void
text_flow(const char *s, size_t len)
{
	size_t		cap = mr_flow_series_max_days(s, len),
				n,
				pos;
	int32_t		start;
	int64_t    *c = malloc((cap + 1) * sizeof(int64_t));

	if (mr_flow_series_parse(s, len, &start, c, cap, &n, &pos) == MR_OK)
		flow_property(start, c, n);
	else
		CHECK(pos <= len);
	free(c);
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

/* ---- binary targets: the send formats ---- */

static void
binary_fixed(const uint8_t *b, size_t len)
{
	char		out[ROUTE_SEGMENT_TEXT_SIZE];
	size_t		pos;

	if (len >= 2)
	{
		int			v = (int16_t) ((b[0] << 8) | b[1]);

		if (mr_nationality_valid(v))
		{
			uint16_t	w;

			mr_nationality_format((uint16_t) v, out);
			CHECK(mr_nationality_parse(out, strlen(out), &w, &pos) == MR_OK && w == v);
		}
	}
	if (len >= 4)
	{
		int32_t		v = (int32_t) be32(b),
					w;

		if (mr_place_valid(v))
		{
			mr_place_format(v, out);
			CHECK(mr_place_parse(out, strlen(out), &w, &pos) == MR_OK && w == v);
		}
	}
	if (len >= 16)
	{
		mr_route_segment a = {(int32_t) be32(b + 8), (int32_t) be32(b), (int32_t) be32(b + 4), (int32_t) be32(b + 12)};

		if (mr_route_segment_valid(&a))
			segment_property(&a);
	}
	if (len >= 32)
	{
		mr_decision_tally t = {(int64_t) be64(b), (int64_t) be64(b + 8), (int64_t) be64(b + 16), (int64_t) be64(b + 24)};

		if (mr_decision_tally_valid(&t))
			tally_property(&t);
	}
}

static void
binary_history(const uint8_t *b, size_t len)
{
	size_t		n = len / HISTORY_EVENT_SIZE;
	int64_t    *at = malloc((n + 1) * sizeof(int64_t));
	uint8_t    *st = malloc(n + 1);

	for (size_t k = 0; k < n; k++)
	{
		at[k] = (int64_t) be64(b + HISTORY_EVENT_SIZE * k);
		st[k] = b[HISTORY_EVENT_SIZE * k + 8];
	}
	if (mr_history_events_valid(at, st, n))
		history_property(at, st, n);
	free(at);
	free(st);
}

static void
binary_route(const uint8_t *b, size_t len)
{
	size_t		n = len / ROUTE_SEGMENT_INTERNALLENGTH;
	mr_route_segment *a = malloc((n + 1) * sizeof(mr_route_segment));
	bool		valid = true;

	for (size_t k = 0; k < n; k++)
	{
		const uint8_t *p = b + ROUTE_SEGMENT_INTERNALLENGTH * k;

		a[k].origin = (int32_t) be32(p);
		a[k].destination = (int32_t) be32(p + 4);
		a[k].departed = (int32_t) be32(p + 8);
		a[k].arrived = (int32_t) be32(p + 12);
		valid = valid && mr_route_segment_valid(&a[k]);
	}
	if (valid && mr_route_is_canonical(a, n))
		route_property(a, n);
	free(a);
}

/* transit_profile's send format: version, int4 nbins, int8 overflow, counts */
static void
binary_profile(const uint8_t *b, size_t len)
{
	static int64_t c[TRANSIT_NBINS + 1];
	int32_t		nbins;
	int64_t		overflow,
				total;

	if (len < 13 || b[0] != 1)
		return;
	nbins = (int32_t) be32(b + 1);
	overflow = (int64_t) be64(b + 5);
	if (nbins < 0 || nbins > TRANSIT_NBINS || (size_t) nbins * 8 != len - 13)
		return;
	for (int d = 0; d < nbins; d++)
		c[d] = (int64_t) be64(b + 13 + 8 * d);
	/* what recv accepts: the stored invariants and a readable total */
	if (mr_transit_profile_counts_valid(c, nbins, overflow) &&
		mr_transit_profile_total(c, nbins, overflow, &total))
		profile_property(c, nbins, overflow);
}

/* flow_series' send format: version, int4 first day, int4 ndays, counts */
static void
binary_flow(const uint8_t *b, size_t len)
{
	int32_t		start,
				ndays;
	int64_t    *c;

	if (len < 9 || b[0] != 1)
		return;
	start = (int32_t) be32(b + 1);
	ndays = (int32_t) be32(b + 5);
	if (ndays < 0 || (size_t) ndays * 8 != len - 9)
		return;
	c = malloc((ndays + 1) * sizeof(int64_t));
	for (int k = 0; k < ndays; k++)
		c[k] = (int64_t) be64(b + 9 + 8 * k);
	if (mr_flow_series_values_valid(start, c, ndays))
		flow_property(start, c, ndays);
	free(c);
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
	{"level_tally", true, text_level_tally, NULL},
	{"route_segment", true, text_segment, NULL},
	{"route", true, text_route, NULL},
	{"transit_profile", true, text_profile, NULL},
	{"flow_series", true, text_flow, NULL},
	{"timestamp", true, text_timestamp, NULL},
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
