/*
 * test_people.c: unit tests of the plain-C layer of age_band, sex,
 * accompaniment and encounter (called from test_io.c, whose ok() prints
 * TAP).
 */
#include <stdio.h>
#include <string.h>

#include "accompaniment_io.h"
#include "age_band_io.h"
#include "datetime_io.h"
#include "demography_io.h"
#include "encounter_io.h"
#include "repeat_tally_io.h"
#include "sex_io.h"

void		test_people(void (*ok) (int, const char *));

static int
parse_band(const char *s, int *v)
{
	size_t		pos;

	return mr_age_band_parse(s, strlen(s), v, &pos) == MR_OK;
}

static int32_t
day(const char *s)
{
	int32_t		d;
	size_t		used,
				pos;

	if (mr_date_parse(s, strlen(s), &d, &used, &pos) != MR_OK)
		return INT32_MIN;
	return d;
}

/* a demography of the scheme filled with pseudo-random counts (some zero) */
static mr_demography *
random_demography(int scheme, uint32_t *seed)
{
	static int64_t space[DEMOGRAPHY_MAX_SIZE / sizeof(int64_t) + 1];
	mr_demography *d = (mr_demography *) space;

	mr_demography_init(d, scheme);
	for (size_t i = 0; i < mr_demography_ncells(d); i++)
	{
		*seed = *seed * 1103515245 + 12345;
		d->counts[i] = (*seed >> 16) % 3 == 0 ? 0 : (int64_t) ((*seed >> 8) % 1000);
	}
	return d;
}

static mr_status
dparse(const char *s, mr_demography *d)
{
	size_t		pos;

	return mr_demography_parse(s, strlen(s), d, &pos);
}

static mr_status
rparse(const char *s, mr_repeat_tally *t)
{
	size_t		pos;

	return mr_repeat_tally_parse(s, strlen(s), t, &pos);
}

static int64_t
row(const mr_pub_row *rows, const int64_t *counts, int n, const char *label)
{
	for (int i = 0; i < n; i++)
		if (strcmp(rows[i].label, label) == 0)
			return counts[i];
	return -1;
}

static bool
is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

void
test_people(void (*ok) (int, const char *))
{
	char		buf[AGE_BAND_TEXT_SIZE];
	int			v,
				bad;
	size_t		pos;

	/* every byte: valid exactly when it is a band of the tables, and then round-trips */
	bad = 0;
	for (int b = 0; b < 256; b++)
	{
		int			s = b >> 4,
					k = b & 15;
		bool		listed = s >= 1 && s <= MR_NSCHEMES &&
			((k >= 1 && k <= mr_schemes[s].nbands) || k == MR_BAND_UNKNOWN);

		if (mr_age_band_valid(b) != listed)
			bad++;
		if (listed)
		{
			mr_age_band_format(b, buf);
			if (!parse_band(buf, &v) || v != b)
				bad++;
		}
	}
	ok(bad == 0, "age_band: exactly the tables' bands are valid, each round-trips");

	/* each scheme: contiguous bands from 0, the last open, a split at 18 */
	bad = 0;
	for (int s = 1; s <= MR_NSCHEMES; s++)
	{
		const mr_scheme_info *si = &mr_schemes[s];
		bool		split18 = false;

		if (si->bands[0].min_age != 0 || si->bands[si->nbands - 1].max_age != MR_AGE_OPEN ||
			si->nbands >= MR_BAND_UNKNOWN)
			bad++;
		for (int k = 0; k < si->nbands; k++)
		{
			if (k > 0 && si->bands[k].min_age != si->bands[k - 1].max_age + 1)
				bad++;
			if (si->bands[k].min_age == 18)
				split18 = true;
			/* the label and the alias read back as the band */
			for (int f = 0; f < 2; f++)
			{
				const char *w = f == 0 ? si->bands[k].label : si->bands[k].alias;

				if (w == NULL)
					continue;
				char		in[64];

				snprintf(in, sizeof(in), "%s:%s", si->name, w);
				if (!parse_band(in, &v) || v != mr_age_band_make(s, k + 1))
					bad++;
			}
		}
		if (!split18)
			bad++;
	}
	ok(bad == 0, "age schemes: contiguous from 0, last band open, split at 18; labels and aliases read back");

	ok(parse_band("UNHCR : 60 or more", &v) && v == 0x15 && parse_band("unhcr:60", &v) && v == 0x15 &&
	   parse_band(" unhcr:other ", &v) && v == 0x1F && parse_band("eurostat:unknown", &v) && v == 0x2F &&
	   parse_band("eurostat:y14-17", &v) && v == 0x22 && parse_band("upm:0 a 11 años", &v) && v == 0x31,
	   "age_band: labels, aliases and case");
	ok(mr_age_band_parse("unhcr", 5, &v, &pos) == MR_ERR_SYNTAX &&
	   mr_age_band_parse("unhcr:", 6, &v, &pos) == MR_ERR_SYNTAX &&
	   mr_age_band_parse("unhcr:0-5", 9, &v, &pos) == MR_ERR_UNKNOWN && pos == 6 &&
	   mr_age_band_parse("who:0-4", 7, &v, &pos) == MR_ERR_UNKNOWN &&
	   mr_age_band_parse("  ", 2, &v, &pos) == MR_ERR_EMPTY,
	   "age_band: errors and where they are");

	/* ages to bands, at every boundary */
	bad = 0;
	for (int s = 1; s <= MR_NSCHEMES; s++)
		for (int age = 0; age <= MR_AGE_MAX; age++)
		{
			const mr_band_info *b = mr_age_band_info(mr_age_band_of_age(s, age));

			if (age < b->min_age || age > b->max_age)
				bad++;
		}
	ok(bad == 0 && mr_age_band_of_age(MR_SCHEME_UNHCR, -1) == 0x1F &&
	   mr_age_band_of_age(MR_SCHEME_UNHCR, 17) == 0x13 && mr_age_band_of_age(MR_SCHEME_UNHCR, 18) == 0x14 &&
	   mr_age_band_of_age(MR_SCHEME_EUROSTAT, 13) == 0x21 && mr_age_band_of_age(MR_SCHEME_EUROSTAT, 14) == 0x22,
	   "age_band of every age 0..150 in every scheme");

	/* the calendar against datetime_io's (another implementation) */
	bad = 0;
	for (int64_t d = MR_DATE_MIN; d < MR_DATE_END; d += (d > -800000 && d < 800000) ? 1 : 9973)
	{
		int64_t		y;
		int			m,
					dd;
		char		mine[MR_DATE_TEXT_SIZE],
					theirs[MR_DATE_TEXT_SIZE];

		mr_civil_from_days(d, &y, &m, &dd);
		if (mr_days_from_civil(y, m, dd) != d)
			bad++;
		mr_date_format((int32_t) d, theirs);
		if (y > 0)
			snprintf(mine, sizeof(mine), "%04lld-%02d-%02d", (long long) y, m, dd);
		else
			snprintf(mine, sizeof(mine), "%04lld-%02d-%02d BC", (long long) (1 - y), m, dd);
		if (strcmp(mine, theirs) != 0 && y > 0)
			bad++;
	}
	ok(bad == 0, "days to (y, m, d) and back, against mr_date_format");

	/*
	 * exact ages, counted the long way: walk day by day from the birth and
	 * add a year on each birthday (1 March for 29 February in a common year)
	 */
	bad = 0;
	for (int32_t birth = day("1995-12-25"); birth <= day("2005-03-05"); birth += 3)
	{
		int64_t		by,
					y;
		int			bm,
					bd,
					m,
					d;
		int64_t		age = 0,
					got;

		mr_civil_from_days(birth, &by, &bm, &bd);
		for (int32_t at = birth; at <= birth + 366 * 20; at++)
		{
			mr_civil_from_days(at, &y, &m, &d);
			if (at > birth && ((m == bm && d == bd) ||
							   (bm == 2 && bd == 29 && !is_leap(y) && m == 3 && d == 1)))
				age++;
			if (mr_age_at(birth, at, &got) != MR_OK || got != age)
				bad++;
		}
	}
	ok(bad == 0, "mr_age_at equals birthdays counted day by day (20 years of 3,000 birth dates)");

	/* over PostgreSQL's whole range, BC included: the age by calendar dates */
	bad = 0;
	{
		uint64_t	r = 88172645463325252ULL;

		for (int n = 0; n < 2000000; n++)
		{
			int64_t		span = (int64_t) MR_DATE_END - MR_DATE_MIN,
						by,
						ay,
						got;
			int32_t		a,
						b;
			int			bm,
						bdd,
						am,
						ad;

			r ^= r << 13;
			r ^= r >> 7;
			r ^= r << 17;
			a = (int32_t) (MR_DATE_MIN + (int64_t) (r % (uint64_t) span));
			/* the second date within 200 years of the first, or anywhere */
			b = (n % 2) ? (int32_t) (MR_DATE_MIN + (int64_t) ((r >> 20) % (uint64_t) span))
				: a + (int32_t) ((r >> 24) % 73050);
			if (b >= MR_DATE_END)
				continue;
			if (a > b)
			{
				int32_t		t = a;

				a = b;
				b = t;
			}
			mr_civil_from_days(a, &by, &bm, &bdd);
			mr_civil_from_days(b, &ay, &am, &ad);
			if (mr_age_at(a, b, &got) != MR_OK || got != ay - by - ((am * 100 + ad) < (bm * 100 + bdd)))
				bad++;
		}
	}
	ok(bad == 0, "mr_age_at equals the age by calendar dates over 2 million pairs from 4714 BC to 5874897");
	{
		int64_t		a = -1,
					b = -1,
					c = -1;

		ok(mr_age_at(day("2004-02-29"), day("2022-02-28"), &a) == MR_OK && a == 17 &&
		   mr_age_at(day("2004-02-29"), day("2022-03-01"), &b) == MR_OK && b == 18 &&
		   mr_age_at(day("2004-02-29"), day("2024-02-29"), &c) == MR_OK && c == 20 &&
		   mr_age_at(day("2003-06-15"), day("2021-06-14"), &a) == MR_OK && a == 17 &&
		   mr_age_at(day("2003-06-15"), day("2021-06-15"), &b) == MR_OK && b == 18 &&
		   mr_age_at(day("2021-06-15"), day("2021-06-14"), &c) == MR_ERR_ORDER,
		   "29 February, the day before a birthday, the birthday, birth after the date");
	}

	/* sex */
	ok(mr_sex_parse("f", 1, &v, &pos) == MR_OK && v == MR_SEX_F && mr_sex_parse(" Male ", 6, &v, &pos) == MR_OK &&
	   v == MR_SEX_M && mr_sex_parse("<", 1, &v, &pos) == MR_OK && v == MR_SEX_X &&
	   mr_sex_parse("UNK", 3, &v, &pos) == MR_OK && v == MR_SEX_UNKNOWN &&
	   mr_sex_parse("W", 1, &v, &pos) == MR_ERR_UNKNOWN && mr_sex_parse("", 0, &v, &pos) == MR_ERR_EMPTY,
	   "sex text");
	bad = 0;
	for (int b = 0; b < 256; b++)
		if (mr_sex_valid(b))
		{
			const char *code = mr_sex_code(b);

			if (mr_sex_parse(code, strlen(code), &v, &pos) != MR_OK || v != b ||
				mr_sex_of_index(mr_sex_index(b)) != b || mr_sex_index(b) >= MR_NSEX)
				bad++;
		}
	ok(bad == 0, "sex: every value round-trips; indexes");
	ok(mr_sex_clean("Mujer", 5) == MR_SEX_F && mr_sex_clean("HOMBRE", 6) == MR_SEX_M &&
	   mr_sex_clean("Féminin", 8) == MR_SEX_F && mr_sex_clean("não especificado", 17) == MR_SEX_X &&
	   mr_sex_clean("Desconocido", 11) == MR_SEX_UNKNOWN && mr_sex_clean("<", 1) == MR_SEX_X &&
	   mr_sex_clean("femmes", 6) == 0, "parse_sex words");

	/* accompaniment */
	bad = 0;
	for (int b = 0; b < 256; b++)
		if (mr_accompaniment_valid(b))
		{
			const char *name = mr_accompaniment_name(b);

			if (mr_accompaniment_parse(name, strlen(name), &v, &pos) != MR_OK || v != b ||
				mr_accompaniment_of_index(mr_accompaniment_index(b)) != b ||
				mr_accompaniment_index(b) >= MR_NACC)
				bad++;
		}
	ok(bad == 0 && mr_accompaniment_parse("With_Parent", 11, &v, &pos) == MR_OK && v == MR_ACC_WITH_PARENT &&
	   mr_accompaniment_parse("with parent", 11, &v, &pos) == MR_ERR_UNKNOWN,
	   "accompaniment: every value round-trips; case");
	/* the grandmother case: separated, UC, acompañado */
	ok(mr_child_category(MR_ACC_WITH_RELATIVE) == MR_CHILD_SEPARATED &&
	   mr_cbp_group(MR_AGE_CLASS_CHILD, MR_ACC_WITH_RELATIVE) == MR_CBP_UC &&
	   mr_upm_condition(MR_ACC_WITH_RELATIVE) == MR_UPM_ACOMPANADO &&
	   mr_child_category(MR_ACC_ALONE) == MR_CHILD_UNACCOMPANIED &&
	   mr_child_category(MR_ACC_WITH_PARENT) == MR_CHILD_ACCOMPANIED &&
	   mr_cbp_group(MR_AGE_CLASS_CHILD, MR_ACC_WITH_PARENT) == MR_CBP_FMUA &&
	   mr_cbp_group(MR_AGE_CLASS_ADULT, MR_ACC_WITH_CHILD) == MR_CBP_FMUA &&
	   mr_cbp_group(MR_AGE_CLASS_UNKNOWN, MR_ACC_WITH_CHILD) == MR_CBP_FMUA &&
	   mr_cbp_group(MR_AGE_CLASS_ADULT, MR_ACC_ALONE) == MR_CBP_SINGLE_ADULTS &&
	   mr_cbp_group(MR_AGE_CLASS_ADULT, MR_ACC_WITH_PARENT) == MR_CBP_SINGLE_ADULTS &&
	   mr_cbp_group(MR_AGE_CLASS_UNKNOWN, MR_ACC_ALONE) == MR_CBP_NOT_CLASSIFIED &&
	   mr_cbp_group(MR_AGE_CLASS_ADULT, MR_ACC_UNKNOWN) == MR_CBP_NOT_CLASSIFIED &&
	   mr_upm_condition(MR_ACC_WITH_CAREGIVER) == MR_UPM_NO_ACOMPANADO,
	   "publishers' categories of accompaniment");

	/* encounter */
	bad = 0;
	for (int b = 0; b < 256; b++)
	{
		const mr_encounter_info *e = mr_encounter_find(b);

		if (e && (mr_encounter_parse(e->name, strlen(e->name), &v, &pos) != MR_OK || v != b))
			bad++;
	}
	ok(bad == 0 && mr_nencounters == 6 && mr_encounter_parse(" MX_Canalizado ", 15, &v, &pos) == MR_OK &&
	   v == 0x22 && mr_encounter_parse("title42", 7, &v, &pos) == MR_ERR_UNKNOWN,
	   "encounter: every value round-trips; case");
	{
		const mr_encounter_info *t42 = mr_encounter_find(0x13),
				   *t8 = mr_encounter_find(0x11);

		ok(t42->valid_from == day("2020-03-20") && t42->valid_until == day("2023-05-11") &&
		   !mr_encounter_valid_on(t42, day("2020-03-19")) && mr_encounter_valid_on(t42, day("2020-03-20")) &&
		   mr_encounter_valid_on(t42, day("2023-05-11")) && !mr_encounter_valid_on(t42, day("2023-05-12")) &&
		   mr_encounter_valid_on(t8, day("1990-01-01")) && mr_encounter_find(0x15) == NULL &&
		   mr_encounter_find(0) == NULL, "Title 42's lawful dates, 2020-03-20 to 2023-05-11");
	}
	ok(mr_us_fiscal_year(day("2020-09-30")) == 2020 && mr_us_fiscal_year(day("2020-10-01")) == 2021 &&
	   mr_us_fiscal_year(day("2021-09-30")) == 2021 && mr_us_fiscal_year(day("2021-12-31")) == 2022 &&
	   mr_us_fiscal_year(day("2021-01-01")) == 2021, "US fiscal years");

	/* ---- demography ---- */
	{
		static int64_t buf1[DEMOGRAPHY_MAX_SIZE / 8 + 1],
					buf2[DEMOGRAPHY_MAX_SIZE / 8 + 1];
		mr_demography *x = (mr_demography *) buf1,
				   *y = (mr_demography *) buf2;
		static char text[64 * 1024];
		uint32_t	seed = 2021;
		int64_t		n;

		bad = 0;
		for (int sc = 0; sc <= MR_NSCHEMES; sc++)
		{
			mr_demography *d = random_demography(sc, &seed);
			size_t		len = mr_demography_format(d, text);

			if (!mr_demography_valid(d, mr_demography_size(sc)) || mr_demography_valid(d, mr_demography_size(sc) + 8) ||
				len + 1 > DEMOGRAPHY_TEXT_SIZE(mr_demography_ncells(d)) ||
				mr_demography_parse(text, len, x, &pos) != MR_OK ||
				memcmp(x, d, mr_demography_size(sc)) != 0)
				bad++;
		}
		ok(bad == 0, "demography: every scheme round-trips through text, sizes checked");
		ok(dparse("{}", x) == MR_OK && x->scheme == 0 && x->nbands == 1 &&
		   dparse(" unhcr { } ", x) == MR_OK && x->scheme == MR_SCHEME_UNHCR &&
		   dparse("eurostat {F/Y_LT14/alone: 0, UNK/UNK/unknown: 7}", x) == MR_OK &&
		   x->counts[mr_demography_cell(x, 3, 5, 5)] == 7 &&
		   dparse("{M/unknown/with_child: 2}", x) == MR_OK && x->counts[mr_demography_cell(x, 1, 0, 4)] == 2,
		   "demography text: empty, scheme only, zero counts, scheme 0");
		ok(dparse("unhcr {M/0-4/alone: 1, F/0-4/alone: 1}", x) == MR_ERR_ORDER &&
		   dparse("unhcr {F/0-4/alone: 1, F/0-4/alone: 1}", x) == MR_ERR_ORDER &&
		   dparse("unhcr {F/Y_LT14/alone: 1}", x) == MR_ERR_UNKNOWN &&
		   dparse("{F/0-4/alone: 1}", x) == MR_ERR_UNKNOWN &&
		   dparse("unhcr {W/0-4/alone: 1}", x) == MR_ERR_UNKNOWN &&
		   dparse("unhcr {F/0-4/alone: -1}", x) == MR_ERR_SYNTAX &&
		   dparse("unhcr {F/0-4/alone: 9223372036854775808}", x) == MR_ERR_OUT_OF_RANGE &&
		   dparse("unhcr {F/0-4/alone 1}", x) == MR_ERR_SYNTAX &&
		   dparse("unhcr {F/0-4/alone: 1", x) == MR_ERR_SYNTAX &&
		   dparse("who {}", x) == MR_ERR_UNKNOWN &&
		   dparse("unhcr {} x", x) == MR_ERR_SYNTAX,
		   "demography text errors");

		/* scheme 0 counts go to the unknown band; add and subtract */
		dparse("{F/unknown/alone: 5, UNK/unknown/unknown: 1}", x);
		mr_demography_reshape(x, y, MR_SCHEME_UPM);
		ok(y->scheme == MR_SCHEME_UPM && y->counts[mr_demography_cell(y, 0, 3, 0)] == 5 &&
		   y->counts[mr_demography_cell(y, 3, 3, 5)] == 1 && mr_demography_add(y, x, 1) == MR_OK &&
		   y->counts[mr_demography_cell(y, 0, 3, 0)] == 10 && mr_demography_add(y, x, -1) == MR_OK &&
		   mr_demography_add(y, x, -1) == MR_OK && mr_demography_add(y, x, -1) == MR_ERR_ORDER &&
		   y->counts[mr_demography_cell(y, 3, 3, 5)] == 0 && mr_demography_add(x, y, 1) == MR_ERR_SYNTAX,
		   "demography: scheme 0 into a scheme's unknown band; add, subtract, refuse below zero");
		/* counts adding up past INT64_MAX are refused, so that every total can be read */
		ok(dparse("unhcr {F/0-4/alone: 9223372036854775807, M/0-4/alone: 1}", x) == MR_ERR_OUT_OF_RANGE &&
		   dparse("unhcr {F/0-4/alone: 9223372036854775807}", x) == MR_OK &&
		   dparse("unhcr {F/0-4/alone: 1, M/0-4/alone: 1}", y) == MR_OK &&
		   mr_demography_add(y, x, 1) == MR_ERR_OUT_OF_RANGE && y->counts[mr_demography_cell(y, 1, 0, 0)] == 1 &&
		   y->counts[mr_demography_cell(y, 0, 0, 0)] == 1 &&
		   mr_demography_count(x, 0, 0, 0, &n) == MR_OK && n == INT64_MAX,
		   "demography: overflow refused, the value left whole");

		/* counts by filters, and bands of other schemes made of whole bands */
		dparse("unhcr {F/0-4/alone: 1, F/5-11/with_parent: 2, F/12-17/alone: 4, M/18-59/with_child: 8, M/unknown/unknown: 16, X/60+/alone: 32}", x);
		ok(mr_demography_count(x, 0, 0, 0, &n) == MR_OK && n == 63 &&
		   mr_demography_count(x, MR_SEX_F, 0, 0, &n) == MR_OK && n == 7 &&
		   mr_demography_count(x, 0, 0x31, 0, &n) == MR_OK && n == 3 && /* upm:0-11 */
		   mr_demography_count(x, 0, 0x41, 0, &n) == MR_OK && n == 7 && /* child:0-17 */
		   mr_demography_count(x, 0, 0x42, 0, &n) == MR_OK && n == 40 && /* child:18+ */
		   mr_demography_count(x, 0, 0x4F, 0, &n) == MR_OK && n == 16 && /* child:unknown */
		   mr_demography_count(x, 0, 0, MR_ACC_ALONE, &n) == MR_OK && n == 37 &&
		   mr_demography_count(x, MR_SEX_F, 0x13, MR_ACC_ALONE, &n) == MR_OK && n == 4 &&
		   mr_demography_count(x, 0, 0x21, 0, &n) == MR_ERR_SYNTAX && /* eurostat:Y_LT14 cuts 12-17 */
		   mr_demography_count(x, 0, 0x33, 0, &n) == MR_OK && n == 40,	/* upm:18+ */
		   "demography_count by sex, band (of this or a coarser scheme) and accompaniment");

		/* which publishers' tables each scheme gives, and their totals */
		bad = 0;
		for (int sc = 0; sc <= MR_NSCHEMES; sc++)
			for (int p = 1; p <= MR_NPUBS; p++)
			{
				mr_pub_row rows[MR_PUB_MAX_ROWS];
				int64_t		c[MR_PUB_MAX_ROWS];
				int			nr = mr_publisher_rows(p, rows),
							bb,
							br;
				mr_demography *d = random_demography(sc, &seed);
				mr_status	st = mr_publisher_table(d, rows, nr, c, &bb, &br);
				bool		fits = sc == 0 || p == MR_PUB_CBP || p == MR_PUB_CHILDREN || (int) p == sc ||
					(p == MR_PUB_UPM && sc == MR_SCHEME_UNHCR);
				int64_t		all;

				mr_demography_count(d, 0, 0, 0, &all);
				if ((st == MR_OK) != fits || nr > MR_PUB_MAX_ROWS)
				{
					printf("# publisher %s, scheme %d: %d\n", mr_publisher_name(p), sc, st);
					bad++;
				}
				if (st != MR_OK)
					continue;
				/* the grand total: UNHCR's last row, Eurostat's T TOTAL, UPM's Total Total, CBP's last */
				if (c[p == MR_PUB_EUROSTAT ? 0 : p == MR_PUB_UPM ? 9 : nr - 1] != all && p != MR_PUB_CHILDREN)
					bad++;
				if (p == MR_PUB_UNHCR &&
					(c[0] + c[1] + c[2] + c[3] + c[4] + c[5] != c[6] || c[7] + c[8] + c[9] + c[10] + c[11] + c[12] != c[13] ||
					 c[6] + c[13] + c[14] != c[15] || !rows[6].total || rows[5].total))
					bad++;
				if (p == MR_PUB_EUROSTAT)
					for (int sx = 0; sx < 4; sx++)
					{
						const int64_t *a = c + 8 * sx;

						if (a[1] + a[2] != a[3] || a[3] + a[4] + a[5] + a[6] + a[7] != a[0] ||
							(sx == 0 && (c[0] != c[8] + c[16] + c[24])))
							bad++;
					}
				if (p == MR_PUB_UPM)
					for (int sx = 0; sx < 4; sx++)
					{
						const int64_t *a = c + 10 * sx;

						if (a[0] + a[1] + a[2] + a[3] + a[4] + a[5] != a[6] || a[6] + a[7] + a[8] != a[9] ||
							c[9] != c[19] + c[29] + c[39])
							bad++;
					}
				if ((p == MR_PUB_CBP || p == MR_PUB_CHILDREN) && c[0] + c[1] + c[2] + c[3] != c[4])
					bad++;
				if (p == MR_PUB_CHILDREN)
				{
					int64_t		kids;

					mr_demography_count(d, 0, 0x41, 0, &kids);
					if (sc != 0 && c[4] != kids)
						bad++;
				}
			}
		ok(bad == 0, "publishers' tables: which schemes fit each, and every total is the sum of its parts");
		{
			mr_pub_row rows[MR_PUB_MAX_ROWS];
			int64_t		c[MR_PUB_MAX_ROWS];
			int			nr = mr_publisher_rows(MR_PUB_CBP, rows),
						bb,
						br;

			/* the grandmother's grandchild is UC; a parent with a child and the child are FMUA */
			dparse("child {F/0-17/with_parent: 2, F/0-17/with_relative: 1, M/18+/alone: 8, M/18+/with_child: 4, X/unknown/alone: 16}", x);
			ok(mr_publisher_table(x, rows, nr, c, &bb, &br) == MR_OK &&
			   row(rows, c, nr, "Single Adults") == 8 && row(rows, c, nr, "FMUA") == 6 &&
			   row(rows, c, nr, "UC / Single Minors") == 1 &&
			   row(rows, c, nr, "Not classified (age or accompaniment unknown)") == 16 &&
			   mr_publisher_by_name(" CBP ", 5) == MR_PUB_CBP && mr_publisher_by_name("ohss", 4) == 0,
			   "CBP's groups from age and accompaniment");
		}
	}

	/* ---- repeat_tally ---- */
	{
		mr_repeat_tally t,
					u;
		char		out[REPEAT_TALLY_TEXT_SIZE];
		int64_t		n;
		const char *full;

		memset(&t, 0, sizeof(t));
		bad = 0;
		for (int64_t k = 1; k <= 40; k++)
			if (mr_repeat_tally_add_one(&t, k, k, 1) != MR_OK || !mr_repeat_tally_valid(&t))
				bad++;
		mr_repeat_tally_format(&t, out);
		ok(bad == 0 && t.individuals[0] == 1 && t.individuals[30] == 31 && t.individuals[31] == 32 + 33 + 34 + 35 + 36 + 37 + 38 + 39 + 40 &&
		   t.encounters == 40 * 41 * 81 / 6 && mr_repeat_tally_parse(out, strlen(out), &u, &pos) == MR_OK &&
		   memcmp(&t, &u, sizeof(t)) == 0, "repeat_tally: bins 1..31 and 32+, round trip");
		ok(mr_repeat_tally_individuals(&t, false, &n) == MR_OK && n == 820 &&
		   mr_repeat_tally_individuals(&t, true, &n) == MR_OK && n == 819, "repeat_tally: individuals, repeat individuals");
		ok(mr_repeat_tally_add(&t, &u, -1) == MR_OK && t.encounters == 0 && mr_repeat_tally_add(&t, &u, -1) == MR_ERR_ORDER &&
		   mr_repeat_tally_add_one(&t, 2, 1, -1) == MR_ERR_ORDER && mr_repeat_tally_add_one(&t, INT64_MAX, 2, 1) == MR_ERR_OUT_OF_RANGE,
		   "repeat_tally: subtract, refuse below zero and overflow");
		/* a difference that is no tally: one 33-times individual less 32 encounters */
		memset(&t, 0, sizeof(t));
		memset(&u, 0, sizeof(u));
		mr_repeat_tally_add_one(&t, 33, 1, 1);
		mr_repeat_tally_add_one(&t, 34, 1, 1);
		mr_repeat_tally_add_one(&u, 40, 1, 1);
		ok(mr_repeat_tally_add(&t, &u, -1) == MR_ERR_ORDER && t.encounters == 67, "repeat_tally: an inconsistent difference refused");
		full = "( individuals = { 1 : 3 , 32+ : 1 } , encounters = 35 )";
		ok(mr_repeat_tally_parse(full, strlen(full), &t, &pos) == MR_OK && t.individuals[31] == 1 &&
		   rparse("(individuals={},encounters=0)", &t) == MR_OK &&
		   rparse("(individuals={1:3,32+:1},encounters=34)", &t) == MR_ERR_ORDER &&
		   rparse("(individuals={1:3},encounters=4)", &t) == MR_ERR_ORDER &&
		   rparse("(individuals={2:1,1:3},encounters=5)", &t) == MR_ERR_SYNTAX &&
		   rparse("(individuals={32:1},encounters=32)", &t) == MR_ERR_SYNTAX &&
		   rparse("(individuals={0:1},encounters=0)", &t) == MR_ERR_SYNTAX &&
		   rparse("(individuals={33:1},encounters=33)", &t) == MR_ERR_SYNTAX &&
		   rparse("(individuals={1:1},encounters=1) x", &t) == MR_ERR_SYNTAX &&
		   rparse("", &t) == MR_ERR_EMPTY,
		   "repeat_tally text: blanks, consistency, order, bins");
	}
}
