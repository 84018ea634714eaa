/*
 * test_io.c: unit tests of the plain-C parsers and formatters, built and
 * run outside the server (which is what keeps them free of fmgr/ereport).
 * Prints TAP.
 */
#include <stdio.h>
#include <string.h>

#include "calendar_io.h"
#include "codes.h"
#include "datetime_io.h"
#include "decision_tally_io.h"
#include "level_tally_io.h"
#include "nationality_io.h"
#include "place_io.h"
#include "protection_status_io.h"
#include "route_io.h"
#include "scan.h"
#include "transit_profile_io.h"

void		test_people(void (*ok) (int, const char *));

static int	ntests = 0,
			nfailed = 0;

static void
ok(int cond, const char *what)
{
	ntests++;
	if (!cond)
		nfailed++;
	printf("%s %d - %s\n", cond ? "ok" : "not ok", ntests, what);
}

static mr_status
nat(const char *s, uint16_t *out)
{
	size_t		pos;

	return mr_nationality_parse(s, strlen(s), out, &pos);
}

static mr_status
plc(const char *s, int32_t *out, size_t *pos)
{
	return mr_place_parse(s, strlen(s), out, pos);
}

/* ---------- business-day calendars, against counting day by day ---------- */

/* a small deterministic generator (the tests are reproducible) */
static uint32_t rnd_state = 12345;
static uint32_t
rnd(void)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return rnd_state >> 8;
}

/* is d a business day of c, outside the spans (a linear look) */
static int
slow_business(const mr_calendar *c, const mr_spans *s, int32_t d)
{
	int			dow = (int) (((d % 7) + 7 + 5) % 7);	/* 2000-01-01 was a Saturday: 0 = Monday */

	if (dow >= 5)
		return 0;
	for (int i = 0; i < c->nholidays; i++)
		if (c->holidays[i].day == d)
			return 0;
	for (int i = 0; s != NULL && i < s->n; i++)
		if (d >= s->first[i] && d <= s->last[i])
			return 0;
	return 1;
}

static int32_t
slow_count(const mr_calendar *c, const mr_spans *s, int32_t a, int32_t b)
{
	int32_t		n = 0;

	for (int32_t d = a + 1; d <= b; d++)
		n += slow_business(c, s, d);
	for (int32_t d = b + 1; d <= a; d++)
		n -= slow_business(c, s, d);
	return n;
}

/* the n-th business day after d (n > 0) or before it, or INT32_MIN past the calendar */
static int32_t
slow_add(const mr_calendar *c, const mr_spans *s, int32_t d, int32_t n)
{
	int			step = n > 0 ? 1 : -1;

	while (n != 0)
	{
		d += step;
		if (!mr_calendar_covers(d))
			return INT32_MIN;
		if (slow_business(c, s, d))
			n -= step;
	}
	return d;
}

static void
test_calendars(void)
{
	int32_t		first[4] = {7388, 7385, 8900, 7450},	/* 2020-03-24.., overlapping, unsorted */
				last[4] = {7412, 7400, 8902, 7455};
	mr_spans	spans = {0, first, last};
	int			bad_count = 0,
				bad_add = 0,
				bad_day = 0;
	int32_t		out;

	ok(mr_ncalendars == 10, "ten calendars");
	spans.n = mr_spans_normalize(first, last, 4);
	ok(spans.n == 3 && first[0] == 7385 && last[0] == 7412 && first[1] == 7450 && first[2] == 8900,
	   "spans: sorted, overlapping ones joined");
	for (int i = 0; i < mr_ncalendars; i++)
	{
		const mr_calendar *c = &mr_calendars[i];

		ok(mr_calendar_find(c->packed) == c, c->alpha3);
		for (int k = 0; k < 300; k++)
		{
			int32_t		a = (int32_t) (rnd() % MR_CALENDAR_NDAYS),
						b = a + (int32_t) (rnd() % 801) - 400,
						n = (int32_t) (rnd() % 121) - 60;
			int32_t		want;
			const mr_spans *s = (k & 1) ? &spans : NULL;
			mr_status	st;

			if (!mr_calendar_covers(b))
				b = a;
			st = s ? mr_spans_count(c, s, a, b, &out) : mr_calendar_count(c, a, b, &out);
			if (st != MR_OK || out != slow_count(c, s, a, b))
				bad_count++;
			want = slow_add(c, s, a, n);
			st = s ? mr_spans_add(c, s, a, n, &out) : mr_calendar_add(c, a, n, &out);
			if (want == INT32_MIN ? st != MR_ERR_OUT_OF_RANGE : (st != MR_OK || out != want))
				bad_add++;
			if ((s ? mr_spans_is_business(c, s, a) : mr_calendar_is_business(c, a)) != slow_business(c, s, a))
				bad_day++;
		}
	}
	ok(bad_count == 0, "business days between two dates: as counted day by day");
	ok(bad_add == 0, "the n-th business day after or before a date: as counted day by day");
	ok(bad_day == 0, "is a business day: as looked up day by day");
	ok(mr_calendar_count(&mr_calendars[0], -1, 10, &out) == MR_ERR_OUT_OF_RANGE &&
	   mr_calendar_count(&mr_calendars[0], 10, MR_CALENDAR_LAST + 1, &out) == MR_ERR_OUT_OF_RANGE &&
	   mr_calendar_add(&mr_calendars[0], MR_CALENDAR_LAST, 1, &out) == MR_ERR_OUT_OF_RANGE &&
	   mr_calendar_add(&mr_calendars[0], MR_CALENDAR_FIRST, -1, &out) == MR_ERR_OUT_OF_RANGE &&
	   mr_calendar_add(&mr_calendars[0], 100, INT32_MAX, &out) == MR_ERR_OUT_OF_RANGE &&
	   mr_calendar_add(&mr_calendars[0], 100, INT32_MIN, &out) == MR_ERR_OUT_OF_RANGE,
	   "dates and counts outside the calendar are out of range");
}

int
main(void)
{
	uint16_t	n,
				n2;
	int32_t		p;
	size_t		pos;
	char		buf[64];
	int			bad;

	/* every table entry round-trips through text and is valid */
	bad = 0;
	for (int i = 0; i < mr_ncountries; i++)
	{
		const mr_country *c = &mr_countries[i];

		mr_nationality_format(c->code, buf);
		if (strcmp(buf, c->alpha3) != 0 || nat(buf, &n) != MR_OK || n != c->code ||
			!mr_nationality_valid(c->code))
			bad++;
		if (i > 0 && mr_countries[i - 1].code >= c->code)
			bad++;
	}
	ok(bad == 0, "every nationality round-trips, table sorted");

	/* exactly the table's alpha-3 codes are valid packed values: checked by
	 * comparing letters, not by the binary search mr_nationality_valid uses */
	bad = 0;
	for (int v = -40000; v <= 40000; v++)
	{
		bool		listed = false;

		if (v > 0 && v < 0x8000)
		{
			mr_nationality_format((uint16_t) v, buf);
			for (int i = 0; i < mr_ncountries && !listed; i++)
				listed = strcmp(mr_countries[i].alpha3, buf) == 0;
		}
		if (mr_nationality_valid(v) != listed)
			bad++;
	}
	ok(bad == 0, "mr_nationality_valid agrees with the table");

	ok(nat(" hn\t", &n) == MR_OK && nat("HND", &n2) == MR_OK && n == n2, "alpha-2, case and blanks");
	ok(nat("0340", &n) == MR_OK && n == n2, "numeric with leading zero");
	ok(nat("", &n) == MR_ERR_EMPTY, "empty");
	ok(nat("HNX", &n) == MR_ERR_UNKNOWN, "unknown alpha-3");
	ok(nat("H-D", &n) == MR_ERR_SYNTAX, "syntax");
	ok(nat("99999999999999999999", &n) == MR_ERR_UNKNOWN, "long number does not overflow");
	ok(mr_nationality_suggest("HNX", 3, false, buf, sizeof(buf)) == 1 && strcmp(buf, "HND") == 0,
	   "suggestion for HNX");
	ok(mr_nationality_suggest("HDN", 3, false, buf, sizeof(buf)) >= 1 && strstr(buf, "HND") != NULL,
	   "suggestion for a swap");
	ok(mr_nationality_suggest("HNX", 3, false, buf, 3) == 0, "suggestion into a small buffer");

	ok(mr_nationality_from_name("Haití", strlen("Haití")) == mr_countries[mr_country_by_code(mr_pack3("HTI"))].code,
	   "name with accent");
	ok(mr_nationality_from_name("\xc3", 1) == 0, "truncated UTF-8 is no name");
	ok(mr_nationality_from_name("\xff\xfe", 2) == 0, "invalid UTF-8 is no name");

	/* every subdivision round-trips and is valid */
	bad = 0;
	for (int i = 0; i < mr_nsubdivisions; i++)
	{
		const mr_subdivision *s = &mr_subdivisions[i];

		mr_place_format(s->code, buf);
		if (strcmp(buf, s->text) != 0 || plc(buf, &p, &pos) != MR_OK || p != s->code ||
			!mr_place_valid(s->code))
			bad++;
		if (i > 0 && mr_subdivisions[i - 1].code >= s->code)
			bad++;
	}
	ok(bad == 0, "every subdivision round-trips, table sorted");

	ok(plc("mx tap", &p, &pos) == MR_OK && mr_place_valid(p) &&
	   (mr_place_format(p, buf), strcmp(buf, "MX TAP") == 0), "locality");
	ok(plc("MEX", &p, &pos) == MR_OK && (mr_place_format(p, buf), strcmp(buf, "MX") == 0), "alpha-3 country");
	ok(plc("MX TA1", &p, &pos) == MR_ERR_SYNTAX && pos == 5, "bad locality character and its position");
	ok(plc("MX-ZZZ", &p, &pos) == MR_ERR_UNKNOWN_SUBDIVISION, "unknown subdivision");
	ok(plc("QQ", &p, &pos) == MR_ERR_UNKNOWN_COUNTRY, "unknown country");

	/* every place that parses from short random strings formats back */
	bad = 0;
	{
		const char alphabet[] = "AMXZ09-  T2P";
		char		s[8];

		for (int len = 1; len <= 6; len++)
		{
			long		total = 1;

			for (int k = 0; k < len; k++)
				total *= (long) (sizeof(alphabet) - 1);
			for (long x = 0; x < total; x++)
			{
				long		y = x;
				int32_t		q;

				for (int k = 0; k < len; k++)
				{
					s[k] = alphabet[y % (long) (sizeof(alphabet) - 1)];
					y /= (long) (sizeof(alphabet) - 1);
				}
				s[len] = '\0';
				if (mr_place_parse(s, len, &p, &pos) == MR_OK)
				{
					mr_place_format(p, buf);
					if (!mr_place_valid(p) || plc(buf, &q, &pos) != MR_OK || q != p)
						bad++;
				}
				else if (pos > (size_t) len)
					bad++;
			}
		}
	}
	ok(bad == 0, "exhaustive short strings: parse, format, parse again");

	/* containment */
	{
		int32_t		gbabe,
					gbsct,
					gb;

		plc("GB-ABE", &gbabe, &pos);
		plc("GB-SCT", &gbsct, &pos);
		plc("GB", &gb, &pos);
		ok(mr_place_within(gbabe, gbsct) && mr_place_within(gbabe, gb) && !mr_place_within(gbsct, gbabe),
		   "ISO 3166-2 parents");
	}

	ok(mr_lang_parse("es-MX", 5) == MR_LANG_ES && mr_lang_parse("pt_BR", 5) == MR_LANG_PT &&
	   mr_lang_parse("de", 2) == -1 && mr_lang_parse("e", 1) == -1 && mr_lang_parse("esx", 3) == -1,
	   "language tags");

	/* timestamps: format then parse is the identity over the whole range */
	bad = 0;
	{
		uint64_t	x = 88172645463325252ULL;

		for (int k = 0; k < 200000; k++)
		{
			int64_t		ts,
						back;
			size_t		used,
						epos;

			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			ts = (int64_t) ((uint64_t) MR_TS_MIN + x % ((uint64_t) MR_TS_END - (uint64_t) MR_TS_MIN));
			if (k < 4)
				ts = (int64_t[]) {MR_TS_MIN, MR_TS_END - 1, MR_TS_NOBEGIN, MR_TS_NOEND}[k];
			mr_timestamp_format(ts, buf);
			if (mr_timestamp_parse(buf, strlen(buf), &back, &used, &epos) != MR_OK ||
				back != ts || used != strlen(buf))
				bad++;
		}
	}
	ok(bad == 0, "timestamps round-trip over the whole range");
	{
		int64_t		ts;
		size_t		used,
					epos;

		ok(mr_timestamp_parse("2021-02-29", 10, &ts, &used, &epos) == MR_ERR_FIELD_RANGE &&
		   mr_timestamp_parse("2020-02-29", 10, &ts, &used, &epos) == MR_OK &&
		   mr_timestamp_parse("1900-02-29", 10, &ts, &used, &epos) == MR_ERR_FIELD_RANGE &&
		   mr_timestamp_parse("2000-02-29", 10, &ts, &used, &epos) == MR_OK, "leap years");
		ok(mr_timestamp_parse("2000-01-01T00:00:00Z", 20, &ts, &used, &epos) == MR_OK && ts == 0,
		   "the PostgreSQL epoch is zero");
		ok(mr_timestamp_parse("2000-01-01T01:00+01:00", 22, &ts, &used, &epos) == MR_OK && ts == 0,
		   "offsets");
		ok(mr_timestamp_parse("294277-01-01", 12, &ts, &used, &epos) == MR_ERR_OUT_OF_RANGE &&
		   mr_timestamp_parse("9999999-01-01", 13, &ts, &used, &epos) == MR_ERR_OUT_OF_RANGE &&
		   mr_timestamp_parse("99999999-01-01", 14, &ts, &used, &epos) == MR_ERR_OUT_OF_RANGE,
		   "years out of range");
	}
	bad = 0;
	for (int32_t d = -2451545; d < 2451545 * 2; d += 37)
	{
		int32_t		back;
		size_t		used,
					epos;

		mr_date_format(d, buf);
		if (mr_date_parse(buf, strlen(buf), &back, &used, &epos) != MR_OK || back != d)
			bad++;
	}
	ok(bad == 0, "dates round-trip");

	/* histories */
	{
		const char *text = "{claim_lodged@2021-06-03T09:00:00Z, admitted@2021-06-20T00:00:00.5Z}";
		int64_t		at[4];
		uint8_t		st[4];
		size_t		n,
					epos;
		char		out[4 * HISTORY_EVENT_TEXT_MAX + HISTORY_TEXT_FIXED];

		ok(mr_history_max_events(text, strlen(text)) == 2 &&
		   mr_history_parse(text, strlen(text), at, st, 4, &n, &epos) == MR_OK && n == 2 &&
		   st[0] == MR_ST_CLAIM_LODGED && mr_history_events_valid(at, st, n) &&
		   (mr_history_format(at, st, n, out), strcmp(out, text) == 0), "history round trip");
		ok(mr_history_parse("{admitted@2021-01-02, claim_lodged@2021-01-01}", 46, at, st, 4, &n, &epos) == MR_ERR_ORDER,
		   "history out of order");
	}
	/* every history text of up to 7 characters over a small alphabet: no crash, and round trip */
	bad = 0;
	{
		const char alphabet[] = "{}@,a -0";
		char		s[16];
		int64_t		at[16];
		uint8_t		st[16];

		for (int len = 1; len <= 7; len++)
		{
			long		total = 1;

			for (int k = 0; k < len; k++)
				total *= (long) (sizeof(alphabet) - 1);
			for (long x = 0; x < total; x++)
			{
				long		y = x;
				size_t		n,
							epos;

				for (int k = 0; k < len; k++)
				{
					s[k] = alphabet[y % (long) (sizeof(alphabet) - 1)];
					y /= (long) (sizeof(alphabet) - 1);
				}
				if (mr_history_parse(s, len, at, st, mr_history_max_events(s, len), &n, &epos) == MR_OK)
				{
					char		out[16 * HISTORY_EVENT_TEXT_MAX + HISTORY_TEXT_FIXED];

					mr_history_format(at, st, n, out);
					if (strcmp(out, "{}") != 0 && n == 0)
						bad++;
				}
				else if (epos > (size_t) len)
					bad++;
			}
		}
	}
	ok(bad == 0, "short history texts");

	/* decision tallies */
	{
		mr_decision_tally t;
		size_t		epos;
		char		out[DECISION_TALLY_TEXT_SIZE];
		const char *text = "(recognized=1,complementary=2,rejected=3,otherwise_closed=9223372036854775807)";

		ok(mr_decision_tally_parse(text, strlen(text), &t, &epos) == MR_OK && t.rejected == 3 &&
		   (mr_decision_tally_format(&t, out), strcmp(out, text) == 0), "tally round trip");
		ok(mr_decision_tally_parse("(recognized=1,complementary=2,rejected=3,otherwise_closed=9223372036854775808)", 78, &t, &epos)
		   == MR_ERR_OUT_OF_RANGE, "tally count overflow");
	}

	/* status names */
	{
		int			v;
		size_t		epos;

		bad = 0;
		for (int s2 = 1; s2 <= mr_nstatuses; s2++)
			if (mr_protection_status_parse(mr_statuses[s2].name, strlen(mr_statuses[s2].name), &v, &epos) != MR_OK || v != s2)
				bad++;
		ok(bad == 0 && mr_nstatuses == 19, "every status name parses to its value");
		ok(mr_protection_status_suggest("recognised_refugee", 18, buf, sizeof(buf)) == 1 &&
		   strcmp(buf, "recognized_refugee") == 0, "status suggestion");
	}

	/* the shared tokenizer */
	{
		const char *t = " \t MX \n";
		size_t		tl = strlen(t),
					i,
					epos;
		int64_t		v;

		ok(mr_trim(&t, &tl) == 3 && tl == 2 && strncmp(t, "MX", 2) == 0, "trim: offset and length");
		ok(mr_count_token("a->b->c", 7, "->") == 2 && mr_count_token("", 0, ",") == 0 &&
		   mr_count_token("@@", 2, "@") == 2, "token counts");
		i = 0;
		ok(mr_scan_count("9223372036854775807x", 20, &i, &v) == MR_OK && v == INT64_MAX && i == 19,
		   "count: INT64_MAX");
		i = 0;
		ok(mr_scan_count("9223372036854775808", 19, &i, &v) == MR_ERR_OUT_OF_RANGE, "count: past INT64_MAX");
		i = 0;
		ok(mr_scan_count("x", 1, &i, &v) == MR_ERR_SYNTAX && i == 0, "count: no digit");
		ok(mr_scan_begin("  ", 2, &i, &epos) == MR_ERR_EMPTY && epos == 2, "begin: only blanks");
		ok(mr_scan_end("{} x", 4, 2, &epos) == MR_ERR_SYNTAX && epos == 3, "end: trailing text and its position");
	}
	{
		size_t		epos;
		int64_t		c[TRANSIT_NBINS],
					o;

		/* the list's positions: at the item, after it, at the separator */
		ok(mr_transit_profile_parse(" { 1:2 ,, }", 11, c, &o, &epos) == MR_ERR_SYNTAX && epos == 8,
		   "list: an empty item is refused where it stands");
		ok(mr_transit_profile_parse("{1:2 3:4}", 9, c, &o, &epos) == MR_ERR_SYNTAX && epos == 5,
		   "list: a missing comma");
		ok(mr_transit_profile_parse("{1:2,", 5, c, &o, &epos) == MR_ERR_SYNTAX && epos == 5,
		   "list: unterminated");
		ok(mr_transit_profile_parse(" {\t} ", 5, c, &o, &epos) == MR_OK && o == 0, "list: empty, blanks around");
	}

	/* the output sizes hold the longest texts, of any value of the representation */
	{
		char		big[256];
		size_t		longest = 0;
		mr_decision_tally t = {INT64_MIN, INT64_MIN, INT64_MIN, INT64_MIN};
		mr_route_segment leg;
		int32_t		mxchp;
		size_t		epos;

		for (int s2 = 1; s2 <= mr_nstatuses; s2++)
			if (strlen(mr_statuses[s2].name) > longest)
				longest = strlen(mr_statuses[s2].name);
		ok(longest <= MR_STATUS_NAME_MAX, "every state name fits MR_STATUS_NAME_MAX");
		ok(mr_date_format(INT32_MIN + 1, big) == MR_DATE_TEXT_MAX &&
		   mr_date_format(MR_DATE_END - 1, big) <= MR_DATE_TEXT_MAX &&
		   mr_timestamp_format(INT64_MIN + 1, big) == MR_TIMESTAMP_TEXT_MAX &&
		   mr_timestamp_format(INT64_MAX - 1, big) <= MR_TIMESTAMP_TEXT_MAX,
		   "date and timestamp texts at the extremes of their representations");
		ok(mr_decision_tally_format(&t, big) == DECISION_TALLY_TEXT_SIZE - 1, "tally text at its longest");
		plc("MX-CHP", &mxchp, &epos);
		leg.origin = leg.destination = mxchp;
		leg.departed = leg.arrived = INT32_MIN + 1;
		ok(mr_route_segment_format(&leg, big) == ROUTE_SEGMENT_TEXT_MAX, "leg text at its longest");
		ok(mr_text_size(SIZE_MAX / 2, 3, 1) == 0 && mr_text_size(2, 3, 1) == 7, "text sizes: overflow is 0");
	}

	test_calendars();
	{
		mr_level_tally lt;
		char		buf[LEVEL_TALLY_TEXT_SIZE];
		size_t		epos;
		const char *longest = "(level=first_instance,unit=persons,recognized=9223372036854775807,complementary=9223372036854775807,rejected=9223372036854775807,otherwise_closed=9223372036854775807)";
		const char *blanks;

		ok(mr_level_tally_parse(longest, strlen(longest), &lt, &epos) == MR_OK && mr_level_tally_valid(&lt) &&
		   mr_level_tally_format(&lt, buf) == strlen(longest) && strlen(longest) < LEVEL_TALLY_TEXT_SIZE &&
		   strcmp(buf, longest) == 0, "level_tally: the longest text reads back and fits its buffer");
		blanks = " ( level = appeal , unit = cases , recognized = 1 , complementary = 0 , rejected = 2 , otherwise_closed = 3 ) ";

		ok(mr_level_tally_parse(blanks, strlen(blanks), &lt, &epos) == MR_OK &&
		   lt.level == MR_LEVEL_APPEAL && lt.unit == MR_UNIT_CASES && lt.rejected == 2 && lt.otherwise_closed == 3,
		   "level_tally: blanks around the parts");
		ok(mr_level_tally_parse("(level=appeals,unit=cases,recognized=1,complementary=0,rejected=2,otherwise_closed=3)", 82, &lt, &epos) == MR_ERR_SYNTAX && epos == 7,
		   "level_tally: an unknown level is refused where it stands");
		ok(mr_level_tally_parse("(level=appeal,unit=cases,recognized=-1,complementary=0,rejected=2,otherwise_closed=3)", 84, &lt, &epos) != MR_OK,
		   "level_tally: a negative count is refused");
		memset(&lt, 0, sizeof(lt));
		lt.level = 3;
		lt.unit = 1;
		ok(!mr_level_tally_valid(&lt), "level_tally: level 3 is not valid");
	}
	{
		/* levels: rejected, appealed, rejected final; rejected then final with no appeal */
		uint8_t		a[] = {MR_ST_CLAIM_LODGED, MR_ST_REJECTED, MR_ST_UNDER_APPEAL, MR_ST_REJECTED_FINAL},
					c[] = {MR_ST_CLAIM_LODGED, MR_ST_REJECTED, MR_ST_REJECTED_FINAL},
					d[] = {MR_ST_INADMISSIBLE, MR_ST_UNDER_APPEAL, MR_ST_ADMITTED};
		int64_t		at[] = {10, 20, 20, 30};

		ok(mr_event_level(a, 0) == MR_LEVEL_NONE && mr_event_level(a, 1) == MR_LEVEL_FIRST_INSTANCE &&
		   mr_event_level(a, 2) == MR_LEVEL_NONE && mr_event_level(a, 3) == MR_LEVEL_APPEAL,
		   "levels: a rejection appealed and rejected again is one decision at each level");
		ok(mr_event_level(c, 1) == MR_LEVEL_FIRST_INSTANCE && mr_event_level(c, 2) == MR_LEVEL_NONE,
		   "levels: a rejection becoming final is not a second decision");
		ok(mr_event_level(d, 0) == MR_LEVEL_FIRST_INSTANCE && mr_event_level(d, 2) == MR_LEVEL_NONE,
		   "levels: inadmissible is a first-instance closure; admitted on appeal is no decision");
		ok(mr_pending_level(MR_ST_ADMITTED) == MR_LEVEL_FIRST_INSTANCE &&
		   mr_pending_level(MR_ST_UNDER_APPEAL) == MR_LEVEL_APPEAL &&
		   mr_pending_level(MR_ST_REJECTED) == MR_LEVEL_NONE && mr_pending_level(MR_ST_SCREENING) == MR_LEVEL_NONE,
		   "pending levels");
		ok(mr_history_index_at(at, 4, 5) == -1 && mr_history_index_at(at, 4, 10) == 0 &&
		   mr_history_index_at(at, 4, 20) == 2 && mr_history_index_at(at, 4, 99) == 3 &&
		   mr_history_index_at(at, 0, 99) == -1, "the last event at or before a time");
	}
	test_people(ok);

	printf("1..%d\n", ntests);
	return nfailed != 0;
}
