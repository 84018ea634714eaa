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
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accompaniment_io.h"
#include "age_band_io.h"
#include "codes.h"
#include "crosswalk.h"
#include "datetime_io.h"
#include "decision_tally_io.h"
#include "blake2b_io.h"
#include "clkhash_io.h"
#include "level_tally_io.h"
#include "demography_io.h"
#include "encounter_io.h"
#include "flow_series_io.h"
#include "forecast_core.h"
#include "linkage_io.h"
#include "names_io.h"
#include "nationality_io.h"
#include "place_io.h"
#include "protection_status_io.h"
#include "repeat_tally_io.h"
#include "route_io.h"
#include "sex_io.h"
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
		CHECK(r.status != MR_XW_FOUND || mr_nationality_valid(r.code));
		mr_xw_nationality(s, len, src, true, &strict);
		CHECK(strict.status != MR_XW_FOUND || (r.status == MR_XW_FOUND && r.code == strict.code));
		CHECK(r.row < mr_nxw_rows && strict.row < mr_nxw_rows);
	}
	mr_xw_unhcr_code(s, len, &r);
	CHECK(r.status != MR_XW_FOUND || mr_nationality_valid(r.code));
	for (int src = 0; src < MR_NPLACE_SOURCES; src++)
	{
		int			row = mr_xw_place(s, len, src, &p);

		CHECK(row < mr_nxw_place_rows);
		CHECK(row < 0 || mr_place_valid(p));
	}
}

/* age_band, sex, accompaniment and encounter: whatever parses prints back to itself */
static void
text_people(const char *s, size_t len)
{
	int			v,
				w;
	size_t		pos;
	char		out[AGE_BAND_TEXT_SIZE];

	if (mr_age_band_parse(s, len, &v, &pos) == MR_OK)
	{
		CHECK(mr_age_band_valid(v));
		mr_age_band_format(v, out);
		CHECK(mr_age_band_parse(out, strlen(out), &w, &pos) == MR_OK && w == v);
	}
	else
		CHECK(pos <= len);
	if (mr_sex_parse(s, len, &v, &pos) == MR_OK)
	{
		const char *code = mr_sex_code(v);

		CHECK(mr_sex_valid(v) && mr_sex_parse(code, strlen(code), &w, &pos) == MR_OK && w == v);
	}
	v = mr_sex_clean(s, len);
	CHECK(v == 0 || mr_sex_valid(v));
	if (mr_accompaniment_parse(s, len, &v, &pos) == MR_OK)
	{
		const char *name = mr_accompaniment_name(v);

		CHECK(mr_accompaniment_valid(v) && mr_accompaniment_parse(name, strlen(name), &w, &pos) == MR_OK && w == v);
	}
	if (mr_encounter_parse(s, len, &v, &pos) == MR_OK)
	{
		const mr_encounter_info *e = mr_encounter_find(v);

		CHECK(e != NULL && mr_encounter_parse(e->name, strlen(e->name), &w, &pos) == MR_OK && w == v);
	}
}

/* demography: what parses is valid and prints back to itself; its counts and tables never fail but on overflow */
static void
text_demography(const char *s, size_t len)
{
	static int64_t a[DEMOGRAPHY_MAX_SIZE / 8 + 1],
				b[DEMOGRAPHY_MAX_SIZE / 8 + 1];
	static char out[64 * 1024];
	mr_demography *d = (mr_demography *) a,
			   *e = (mr_demography *) b;
	size_t		pos,
				olen;

	if (mr_demography_parse(s, len, d, &pos) != MR_OK)
	{
		CHECK(pos <= len);
		return;
	}
	CHECK(mr_demography_valid(d, mr_demography_size(d->scheme)));
	olen = mr_demography_format(d, out);
	CHECK(olen < DEMOGRAPHY_TEXT_SIZE(mr_demography_ncells(d)));
	CHECK(mr_demography_parse(out, olen, e, &pos) == MR_OK && memcmp(d, e, mr_demography_size(d->scheme)) == 0);
	for (int p = 1; p <= MR_NPUBS; p++)
	{
		mr_pub_row rows[MR_PUB_MAX_ROWS];
		int64_t		c[MR_PUB_MAX_ROWS];
		int			nr = mr_publisher_rows(p, rows),
					bb,
					br;
		mr_status	st = mr_publisher_table(d, rows, nr, c, &bb, &br);

		CHECK(st == MR_OK || st == MR_ERR_SYNTAX || st == MR_ERR_OUT_OF_RANGE);
		for (int r = 0; st == MR_OK && r < nr; r++)
			CHECK(c[r] >= 0);
	}
}

/* repeat_tally: what parses is valid and prints back to itself */
static void
text_repeat(const char *s, size_t len)
{
	mr_repeat_tally t,
				u;
	size_t		pos;
	char		out[REPEAT_TALLY_TEXT_SIZE];

	if (mr_repeat_tally_parse(s, len, &t, &pos) == MR_OK)
	{
		CHECK(mr_repeat_tally_valid(&t));
		mr_repeat_tally_format(&t, out);
		CHECK(mr_repeat_tally_parse(out, strlen(out), &u, &pos) == MR_OK && memcmp(&t, &u, sizeof(t)) == 0);
	}
	else
		CHECK(pos <= len);
}

/* ---- record linkage ---- */

/* a normalised name: words of A-Z, one blank between them */
static bool
well_formed_name(const char *s, size_t len)
{
	if (len == 0 || len > MR_NAME_MAX_LEN || strlen(s) != len || s[0] == ' ' || s[len - 1] == ' ')
		return false;
	for (size_t i = 0; i < len; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] == ' ' && s[i + 1] != ' ')))
			return false;
	return true;
}

static void
text_names(const char *s, size_t len)
{
	char		out[MR_NAME_BUFSIZE],
				again[MR_NAME_BUFSIZE];
	size_t		olen,
				alen;

	for (int f = MR_NAME_PLAIN; f <= MR_NAME_GIVEN; f++)
	{
		mr_status	st = mr_name_normalize(s, len, (mr_name_form) f, out, sizeof(out), &olen);

		CHECK(st == MR_OK || st == MR_ERR_EMPTY || st == MR_ERR_TOO_LONG);
		if (st != MR_OK)
			continue;
		CHECK(well_formed_name(out, olen));
		/* the documents' form is a fixed point */
		if (f == MR_NAME_PLAIN)
			CHECK(mr_name_normalize(out, olen, MR_NAME_PLAIN, again, sizeof(again), &alen) == MR_OK &&
				  alen == olen && memcmp(out, again, olen) == 0);
	}
	/* the spelling folds never lengthen a word */
	if (len <= MR_NAME_MAX_LEN)
	{
		char		w[MR_NAME_BUFSIZE];

		memcpy(w, s, len);
		CHECK(mr_name_fold_word(w, len) <= len);
	}
	{
		char		c = mr_name_sex_parse(s, len);

		CHECK(c == 0 || c == 'F' || c == 'M' || c == 'X');
	}
}

static void
text_person_key(const char *s, size_t len)
{
	uint64_t	v,
				w;
	size_t		pos;
	char		out[MR_PERSON_KEY_TEXT_SIZE];

	if (mr_person_key_parse(s, len, &v, &pos) == MR_OK)
	{
		mr_person_key_format(v, out);
		CHECK(mr_person_key_parse(out, strlen(out), &w, &pos) == MR_OK && w == v);
	}
	else
		CHECK(pos <= len);
}

static void
check_clk(const mr_clk *c)
{
	char		out[MR_CLK_TEXT_SIZE];
	mr_clk		d;
	size_t		pos;
	int32_t		keys[MR_LSH_MAX_TABLES];

	CHECK(mr_clk_valid(c));
	mr_clk_format(c, out);
	CHECK(strlen(out) == MR_CLK_TEXT_SIZE - 1);
	CHECK(mr_clk_parse(out, strlen(out), &d, &pos) == MR_OK && memcmp(c, &d, sizeof(d)) == 0);
	CHECK(mr_clk_dice(c, c) == (c->popcount ? 1.0 : 0.0));
	mr_clk_lsh_keys(c, MR_LSH_MAX_TABLES, MR_LSH_MAX_BITS, keys);
	for (int t = 0; t < MR_LSH_MAX_TABLES; t++)
		CHECK(keys[t] >= 0);
}

static void
text_clk(const char *s, size_t len)
{
	mr_clk		c;
	size_t		pos;

	if (mr_clk_parse(s, len, &c, &pos) == MR_OK)
		check_clk(&c);
}

/* a stand-in for the server's HMAC: what is fuzzed is what uses it */
static void
fuzz_prf(void *ctx, mr_clk_field field, const uint8_t *msg, size_t len, uint8_t out[32])
{
	uint64_t	h = UINT64_C(0xcbf29ce484222325) + (uint64_t) field;

	(void) ctx;
	for (size_t i = 0; i < len; i++)
		h = (h ^ msg[i]) * UINT64_C(0x100000001b3);
	for (int i = 0; i < 32; i++)
	{
		h = (h ^ (uint64_t) i) * UINT64_C(0x100000001b3);
		out[i] = (uint8_t) (h >> 32);
	}
}

/*
 * A record as lines: family names, given names, yyyy-mm-dd, sex,
 * nationality, salt; normalised and encoded.
 */
static void
text_clk_encode(const char *s, size_t len)
{
	const char *line[6] = {"", "", "", "", "", NULL};
	size_t		llen[6] = {0};
	char		buf[4097];
	char		family[MR_NAME_BUFSIZE],
				given[MR_NAME_BUFSIZE];
	mr_clk_record r;
	mr_clk		c;
	size_t		n = 0,
				olen;

	memcpy(buf, s, len);
	buf[len] = '\0';
	for (char *p = buf; n < 6; n++)
	{
		char	   *nl = strchr(p, '\n');

		line[n] = p;
		llen[n] = nl ? (size_t) (nl - p) : strlen(p);
		if (!nl)
		{
			n++;
			break;
		}
		*nl = '\0';
		p = nl + 1;
	}
	memset(&r, 0, sizeof(r));
	if (mr_name_normalize(line[0], llen[0], MR_NAME_FAMILY, family, sizeof(family), &olen) == MR_OK)
		r.family = family;
	if (mr_name_normalize(line[1], llen[1], MR_NAME_GIVEN, given, sizeof(given), &olen) == MR_OK)
		r.given = given;
	if (sscanf(line[2], "%d-%d-%d", &r.year, &r.month, &r.day) != 3)
		r.year = r.month = r.day = 0;
	r.sex = mr_name_sex_parse(line[3], llen[3]);
	r.nationality = llen[4] == 3 ? line[4] : NULL;
	r.salt = n > 5 ? line[5] : NULL;
	if (mr_clk_encode(&r, fuzz_prf, NULL, 42, &c) == MR_OK)
	{
		check_clk(&c);
		CHECK(c.flags == (r.salt ? MR_CLK_FLAG_SALTED : 0));
	}
	else
		CHECK(r.salt && strlen(r.salt) > MR_CLK_SALT_MAX);
}

/* clkhash's encoder on lines as the values of a fixed schema */
static void
fuzz_hmac(void *ctx, bool sha1, const uint8_t *key, size_t keylen, const uint8_t *msg, size_t len, uint8_t *out)
{
	uint8_t		d[MR_BLAKE2B_OUTBYTES];

	(void) ctx;
	mr_blake2b(d, sizeof(d), msg, len, key, keylen, NULL, 0, NULL, 0);
	memcpy(out, d, sha1 ? 20 : 16);
}

static void
text_clkhash(const char *s, size_t len)
{
	static const uint8_t key[64] = {1, 2, 3};
	mr_clkhash_feature f[4];
	const char *vals[4] = {NULL, NULL, NULL, NULL};
	char		buf[4097];
	uint8_t		out[256];
	char		err[200];
	int			n = 0;
	mr_status	st;

	memcpy(buf, s, len);
	buf[len] = '\0';
	for (char *p = buf; n < 4 && p; n++)
	{
		char	   *nl = strchr(p, '\n');

		vals[n] = p;
		if (nl)
			*nl++ = '\0';
		p = nl;
	}
	memset(f, 0, sizeof(f));
	for (int i = 0; i < 4; i++)
	{
		f[i].key1 = key;
		f[i].key2 = key;
	}
	f[0].ngram = 2;
	f[0].bits_per_feature = 100;
	f[1].ngram = 1;
	f[1].positional = true;
	f[1].bits_per_token = 20;
	f[1].date_format = "%Y/%m/%d";
	f[1].sentinel = "N/A";
	f[2].exact = true;
	f[2].bits_per_token = 30;
	f[2].hash = MR_CLKHASH_DOUBLE;
	f[2].prevent_singularity = true;
	f[3].ngram = 3;
	f[3].bits_per_feature = 300;
	f[3].hash = MR_CLKHASH_DOUBLE;
	st = mr_clkhash_encode(f, 4, 64, vals, 1024, 2, fuzz_hmac, NULL, out, err, sizeof(err));
	CHECK(st == MR_OK || st == MR_ERR_SYNTAX || st == MR_ERR_TOO_LONG);
	st = mr_clkhash_encode(f, 4, 64, vals, 1000, 0, fuzz_hmac, NULL, out, err, sizeof(err));
	CHECK(st == MR_ERR_FIELD_RANGE || st == MR_ERR_SYNTAX || st == MR_ERR_TOO_LONG);
}

/* ---- binary targets: the send formats ---- */

static void
binary_clk(const uint8_t *b, size_t len)
{
	mr_clk		c;
	uint8_t		ext[MR_CLK_EXTERNAL_SIZE];

	if (len < MR_CLK_EXTERNAL_SIZE)
		return;
	if (mr_clk_from_external(b, &c) == MR_OK)
	{
		check_clk(&c);
		mr_clk_to_external(&c, ext);
		CHECK(memcmp(ext, b, sizeof(ext)) == 0);
	}
}

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

/*
 * The forecasts' core on what the parsers accept: "SERIES | PROFILE".  The
 * series is the departures and, shifted, the arrivals; every figure must be
 * finite and every variance non-negative, whatever the counts.
 */
static void
text_forecast(const char *s, size_t len)
{
	const char *bar = memchr(s, '|', len);
	static int64_t prof[TRANSIT_NBINS],
				chain[TRANSIT_NBINS];
	static double q[TRANSIT_NBINS];
	size_t		cap,
				n,
				pos;
	int32_t		start;
	int64_t    *c,
				over,
				total,
				chain_over;
	int			nbins = TRANSIT_NBINS,
				df;

	if (bar == NULL)
		return;
	cap = mr_flow_series_max_days(s, bar - s);
	c = malloc((cap + 1) * sizeof(int64_t));
	if (mr_flow_series_parse(s, bar - s, &start, c, cap, &n, &pos) != MR_OK || n == 0 ||
		mr_transit_profile_parse(bar + 1, len - (bar + 1 - s), prof, &over, &pos) != MR_OK ||
		!mr_transit_profile_total(prof, TRANSIT_NBINS, over, &total) || total == 0)
	{
		free(c);
		return;
	}
	while (nbins > 0 && prof[nbins - 1] == 0)
		nbins--;
	for (int d = 0; d < TRANSIT_NBINS; d++)
		q[d] = (double) prof[d] / (double) total;
	if (n > 400)
		n = 400;				/* the fits cost O(n^2 / 7) in the alerts */
	{
		double		kappa = mr_dispersion(c, (int) n, c, (int) n, 3, q, nbins, (int) n, &df);
		static double y[400],
					up_mean[30],
					up_cov[900],
					work[2 * 400 + 2 * 11];
		static mr_alert_day al[400];
		mr_arrivals_input in = {c, (int) n, q, nbins, kappa, 0, up_mean, up_cov};
		mr_ets		m;

		CHECK(isfinite(kappa) && kappa >= 1);
		for (size_t t = 0; t < n; t++)
			y[t] = log1p((double) c[t]);
		if (mr_ets_fit(y, (int) n, &m) == MR_OK)
		{
			in.K = 30;
			mr_upstream_continue(&m, 30, 1.28, up_mean, up_cov, NULL, NULL, NULL);
		}
		for (int t = 0; t < (int) n + 40; t += 3)
		{
			mr_arrivals_day a;

			mr_arrivals_at(&in, t, &a);
			CHECK(a.seen >= 0 && a.unseen >= 0 && a.var_seen >= 0 && a.var >= 0 && !isnan(a.var));
		}
		mr_flow_alerts(c, (int) n, 2.33, al, y);
		for (size_t t = 0; t < n; t++)
			CHECK(!isnan(al[t].upper) && (al[t].method != MR_ALERT_NONE || !al[t].alarm));
		if (n >= 22)
		{
			double		b,
						disp;
			int			iters;

			for (size_t t = 0; t < n; t++)
				y[t] = (double) c[t];
			if (mr_deconvolve(y, y, 10, (int) n - 1, 10, 20, 1e-9, q, &b, &iters, &disp, work) == MR_OK)
			{
				for (int d = 0; d <= 10; d++)
					CHECK(q[d] >= 0 && isfinite(q[d]));
				CHECK(b >= 0 && iters >= 1 && iters <= 20);
				/* the bootstrap redraws around that fit: non-negative summaries */
				{
					static double bwork[4 * 400 + 3 * 11];
					mr_deconv_summary boot[3];

					if (isfinite(disp) &&
						mr_deconvolve_bootstrap(y, 10, (int) n - 1, 10, 5, 1e-9, q, b, disp, 3, 1,
												boot, bwork) == MR_OK)
						for (int i = 0; i < 3; i++)
							CHECK(!(boot[i].share < 0) && !(boot[i].background < 0));
				}
			}
		}
		/* the first months of the series as monthly totals */
		if (n >= 8)
		{
			static double mwork[24 * 41 + 40 * 15 * 24 + 4 * 24 + 41 + 31 * 24 + 1];
			double		mq[41],
						mu[24];
			int			mdays[24],
						k = n < 24 ? (int) n : 24;
			mr_monthly_fit fit;
			mr_deconv_summary boot[2];

			CHECK(mr_deconvolve_monthly_work(24, 40) <= sizeof(mwork) / sizeof(double));
			for (int i = 0; i < k; i++)
			{
				mu[i] = (double) c[i];
				mdays[i] = 30 + i % 2;
			}
			if (mr_deconvolve_monthly(mu, k, mu, k, mdays, 40, 2, 1, &fit, mq, boot, mwork) == MR_OK)
			{
				CHECK(fit.share >= 0 && fit.background >= 0 && fit.months >= 5);
				for (int d = 0; d <= 40; d++)
					CHECK(mq[d] >= 0);
			}
		}
	}
	/* a chain: its total is the product, or refused */
	if (mr_histogram_convolve(prof, nbins, total, prof, nbins, total, chain, TRANSIT_NBINS,
							  &chain_over) == MR_OK)
	{
		int64_t		t2;

		CHECK(chain_over >= 0 && mr_transit_profile_total(chain, TRANSIT_NBINS, chain_over, &t2) &&
			  t2 == total * total);
	}
	free(c);
}

/* present_at on a parsed route: at each stop's place, around each date */
static void
text_presence(const char *s, size_t len)
{
	size_t		cap = mr_route_max_segments(s, len),
				n,
				pos;
	mr_route_segment *a = malloc((cap + 1) * sizeof(mr_route_segment));
	mr_route_stay *st = malloc((cap + 2) * sizeof(mr_route_stay));

	if (mr_route_parse(s, len, a, cap, &n, &pos) == MR_OK && n > 0)
	{
		for (size_t i = 0; i < n; i++)
		{
			size_t		ns = mr_route_stays(a, n, a[i].destination, st);

			/* (a stay's dates are as recorded: inconsistent legs may reverse them) */
			CHECK(ns >= 1 && ns <= n + 1);
			if (route_date_known(a[i].arrived))
				CHECK(mr_route_present_at(a, n, a[i].destination, a[i].arrived) == 1);
			for (int dd = -2; dd <= 2; dd++)
				if (route_date_known(a[i].departed))
				{
					int			r = mr_route_present_at(a, n, a[i].origin, a[i].departed + dd);

					CHECK(r >= -1 && r <= 1);
				}
		}
	}
	free(a);
	free(st);
}

/* the one-byte types' send format: what the validators accept prints and parses back */
static void
binary_people(const uint8_t *b, size_t len)
{
	char		out[AGE_BAND_TEXT_SIZE];
	int			v,
				w;
	size_t		pos;

	if (len != 1)
		return;
	v = b[0];
	if (mr_age_band_valid(v))
	{
		mr_age_band_format(v, out);
		CHECK(mr_age_band_parse(out, strlen(out), &w, &pos) == MR_OK && w == v);
	}
	if (mr_sex_valid(v))
		CHECK(mr_sex_parse(mr_sex_code(v), strlen(mr_sex_code(v)), &w, &pos) == MR_OK && w == v);
	if (mr_accompaniment_valid(v))
		CHECK(mr_accompaniment_parse(mr_accompaniment_name(v), strlen(mr_accompaniment_name(v)), &w, &pos) == MR_OK &&
			  w == v);
	if (mr_encounter_find(v))
		CHECK(mr_encounter_parse(mr_encounter_find(v)->name, strlen(mr_encounter_find(v)->name), &w, &pos) == MR_OK &&
			  w == v);
}

/*
 * demography's send format (version, scheme, nsex, nbands, nacc, counts)
 * and repeat_tally's (33 int8): what the validators accept prints and
 * parses back to the same value.
 */
static void
binary_tallies(const uint8_t *b, size_t len)
{
	static int64_t a[DEMOGRAPHY_MAX_SIZE / 8 + 1],
				c[DEMOGRAPHY_MAX_SIZE / 8 + 1];
	static char out[64 * 1024];
	mr_demography *d = (mr_demography *) a,
			   *e = (mr_demography *) c;
	size_t		pos;

	if (len >= 5 && b[1] <= MR_NSCHEMES && (len - 5) % 8 == 0 && (len - 5) / 8 <= MR_NSEX * 16 * MR_NACC)
	{
		size_t		n = (len - 5) / 8;

		d->version = b[0];
		d->scheme = b[1];
		d->nsex = b[2];
		d->nbands = b[3];
		d->nacc = b[4];
		memset(d->pad, 0, sizeof(d->pad));
		for (size_t i = 0; i < n; i++)
			d->counts[i] = (int64_t) be64(b + 5 + 8 * i);
		if (mr_demography_valid(d, DEMOGRAPHY_HEADER_SIZE + 8 * n))
		{
			mr_demography_format(d, out);
			CHECK(mr_demography_parse(out, strlen(out), e, &pos) == MR_OK &&
				  memcmp(d, e, DEMOGRAPHY_HEADER_SIZE + 8 * n) == 0);
		}
	}
	if (len == sizeof(mr_repeat_tally))
	{
		mr_repeat_tally t,
					u;
		char		tout[REPEAT_TALLY_TEXT_SIZE];

		for (int k = 0; k < REPEAT_TALLY_BINS; k++)
			t.individuals[k] = (int64_t) be64(b + 8 * k);
		t.encounters = (int64_t) be64(b + 8 * REPEAT_TALLY_BINS);
		if (mr_repeat_tally_valid(&t))
		{
			mr_repeat_tally_format(&t, tout);
			CHECK(mr_repeat_tally_parse(tout, strlen(tout), &u, &pos) == MR_OK && memcmp(&t, &u, sizeof(t)) == 0);
		}
	}
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
	{"crosswalk", true, text_crosswalk, NULL},
	{"people", true, text_people, NULL},
	{"demography", true, text_demography, NULL},
	{"repeat_tally", true, text_repeat, NULL},
	{"binary_fixed", false, NULL, binary_fixed},
	{"binary_history", false, NULL, binary_history},
	{"binary_route", false, NULL, binary_route},
	{"binary_profile", false, NULL, binary_profile},
	{"binary_flow", false, NULL, binary_flow},
	{"forecast", true, text_forecast, NULL},
	{"presence", true, text_presence, NULL},
	{"binary_people", false, NULL, binary_people},
	{"binary_tallies", false, NULL, binary_tallies},
	{"names", true, text_names, NULL},
	{"person_key", true, text_person_key, NULL},
	{"clk", true, text_clk, NULL},
	{"clk_encode", true, text_clk_encode, NULL},
	{"clkhash", true, text_clkhash, NULL},
	{"binary_clk", false, NULL, binary_clk},
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
