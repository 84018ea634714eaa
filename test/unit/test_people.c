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
#include "encounter_io.h"
#include "sex_io.h"

void		test_people(void (*ok) (int, const char *));

static int
parse_band(const char *s, int *v)
{
	size_t		pos;

	return age_band_parse(s, strlen(s), v, &pos) == MR_OK;
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

static bool
is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

void
test_people(void (*ok) (int, const char *))
{
	char		buf[MR_AGE_BAND_TEXT_SIZE];
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
			age_band_format(b, buf);
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
				snprintf(buf, sizeof(buf), "%s:%s", si->name, w);
				if (!parse_band(buf, &v) || v != mr_age_band_make(s, k + 1))
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
	ok(age_band_parse("unhcr", 5, &v, &pos) == MR_ERR_SYNTAX &&
	   age_band_parse("unhcr:", 6, &v, &pos) == MR_ERR_SYNTAX &&
	   age_band_parse("unhcr:0-5", 9, &v, &pos) == MR_ERR_UNKNOWN && pos == 6 &&
	   age_band_parse("who:0-4", 7, &v, &pos) == MR_ERR_UNKNOWN &&
	   age_band_parse("  ", 2, &v, &pos) == MR_ERR_EMPTY,
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

		mr_days_to_ymd(d, &y, &m, &dd);
		if (mr_ymd_to_days(y, m, dd) != d)
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

		mr_days_to_ymd(birth, &by, &bm, &bd);
		for (int32_t at = birth; at <= birth + 366 * 20; at++)
		{
			mr_days_to_ymd(at, &y, &m, &d);
			if (at > birth && ((m == bm && d == bd) ||
							   (bm == 2 && bd == 29 && !is_leap(y) && m == 3 && d == 1)))
				age++;
			if (mr_age_at(birth, at, &got) != MR_OK || got != age)
				bad++;
		}
	}
	ok(bad == 0, "mr_age_at equals birthdays counted day by day (20 years of 3,000 birth dates)");
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
	ok(sex_parse("f", 1, &v, &pos) == MR_OK && v == MR_SEX_F && sex_parse(" Male ", 6, &v, &pos) == MR_OK &&
	   v == MR_SEX_M && sex_parse("<", 1, &v, &pos) == MR_OK && v == MR_SEX_X &&
	   sex_parse("UNK", 3, &v, &pos) == MR_OK && v == MR_SEX_UNKNOWN &&
	   sex_parse("W", 1, &v, &pos) == MR_ERR_UNKNOWN && sex_parse("", 0, &v, &pos) == MR_ERR_EMPTY,
	   "sex text");
	bad = 0;
	for (int b = 0; b < 256; b++)
		if (mr_sex_valid(b))
		{
			const char *code = mr_sex_code(b);

			if (sex_parse(code, strlen(code), &v, &pos) != MR_OK || v != b ||
				mr_sex_of_index(mr_sex_index(b)) != b || mr_sex_index(b) >= MR_NSEX)
				bad++;
		}
	ok(bad == 0, "sex: every value round-trips; indexes");
	ok(sex_clean("Mujer", 5) == MR_SEX_F && sex_clean("HOMBRE", 6) == MR_SEX_M &&
	   sex_clean("Féminin", 8) == MR_SEX_F && sex_clean("não especificado", 17) == MR_SEX_X &&
	   sex_clean("Desconocido", 11) == MR_SEX_UNKNOWN && sex_clean("<", 1) == MR_SEX_X &&
	   sex_clean("femmes", 6) == 0, "parse_sex words");

	/* accompaniment */
	bad = 0;
	for (int b = 0; b < 256; b++)
		if (mr_accompaniment_valid(b))
		{
			const char *name = mr_accompaniment_name(b);

			if (accompaniment_parse(name, strlen(name), &v, &pos) != MR_OK || v != b ||
				mr_accompaniment_of_index(mr_accompaniment_index(b)) != b ||
				mr_accompaniment_index(b) >= MR_NACC)
				bad++;
		}
	ok(bad == 0 && accompaniment_parse("With_Parent", 11, &v, &pos) == MR_OK && v == MR_ACC_WITH_PARENT &&
	   accompaniment_parse("with parent", 11, &v, &pos) == MR_ERR_UNKNOWN,
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

		if (e && (encounter_parse(e->name, strlen(e->name), &v, &pos) != MR_OK || v != b))
			bad++;
	}
	ok(bad == 0 && mr_nencounters == 6 && encounter_parse(" MX_Canalizado ", 15, &v, &pos) == MR_OK &&
	   v == 0x22 && encounter_parse("title42", 7, &v, &pos) == MR_ERR_UNKNOWN,
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
}
