/*
 * age_band_io.c: the publishers' age schemes, exact ages, and the text form
 * of age_band, plain C.
 *
 * The schemes (docs/people.md gives the sources in full; how sure each
 * one is, in brackets: primary = read in the publisher's own text,
 * secondary = read in a third party quoting the publisher, unverified =
 * not read):
 *
 *   unhcr     UNHCR's standard demographic table: 0-4, 5-11, 12-17, 18-59,
 *             60 or more, unknown ("other").  Band limits: UNHCR's R package
 *             `refugees`, demographics field definitions ("aged 0 to 4
 *             inclusive" ... "aged 60 or more") [primary]; printed labels as
 *             in popstats.unhcr.org exports ("Female 0-4" ... "Female 60 or
 *             more", "Female Unknown") [secondary].
 *   eurostat  Eurostat's asylum tables (migr_asyappctza): Y_LT14, Y14-17,
 *             Y18-34, Y35-64, Y_GE65, UNK; Y_LT18 and TOTAL are sums, not
 *             bands.  Codes and labels ("Less than 14 years" ...)
 *             [secondary].
 *   upm       Mexico's Unidad de Política Migratoria, events of foreigners
 *             by age group: 0 a 11, 12 a 17 años, 18 and over [secondary:
 *             press quoting UPM]; the label "18 años y más" and the unknown
 *             band's label are ours [unverified].
 *   child     under 18 and 18 or over: the age split of every definition of
 *             a child used here (UNHCR/UNICEF, CRC art. 1, 6 U.S.C. 279(g)(2),
 *             CBP's family-unit footnote), for records that keep no more.
 */
#include <string.h>

#include "age_band_io.h"
#include "scan.h"
#include "vocab_io.h"

static const mr_band_info unhcr_bands[] = {
	{"0-4", "0-4", "0_4", 0, 4},
	{"5-11", "5-11", "5_11", 5, 11},
	{"12-17", "12-17", "12_17", 12, 17},
	{"18-59", "18-59", "18_59", 18, 59},
	{"60+", "60 or more", "60", 60, MR_AGE_OPEN},
};

static const mr_band_info eurostat_bands[] = {
	{"Y_LT14", "Less than 14 years", NULL, 0, 13},
	{"Y14-17", "From 14 to 17 years", NULL, 14, 17},
	{"Y18-34", "From 18 to 34 years", NULL, 18, 34},
	{"Y35-64", "From 35 to 64 years", NULL, 35, 64},
	{"Y_GE65", "65 years or over", NULL, 65, MR_AGE_OPEN},
};

static const mr_band_info upm_bands[] = {
	{"0-11", "0 a 11 años", NULL, 0, 11},
	{"12-17", "12 a 17 años", NULL, 12, 17},
	{"18+", "18 años y más", NULL, 18, MR_AGE_OPEN},
};

static const mr_band_info child_bands[] = {
	{"0-17", "Under 18", NULL, 0, 17},
	{"18+", "18 and over", NULL, 18, MR_AGE_OPEN},
};

#define NB(a) ((int) (sizeof(a) / sizeof((a)[0])))

const mr_scheme_info mr_schemes[MR_NSCHEMES + 1] = {
	{NULL, NULL, 0, NULL, {NULL, NULL, NULL, 0, 0}},
	{"unhcr", "UNHCR", NB(unhcr_bands), unhcr_bands,
	{"unknown", "Unknown", "other", 0, MR_AGE_OPEN}},
	{"eurostat", "Eurostat", NB(eurostat_bands), eurostat_bands,
	{"UNK", "Unknown", "unknown", 0, MR_AGE_OPEN}},
	{"upm", "UPM (Mexico)", NB(upm_bands), upm_bands,
	{"unknown", "Edad no especificada", NULL, 0, MR_AGE_OPEN}},
	{"child", "child or adult", NB(child_bands), child_bands,
	{"unknown", "Unknown", NULL, 0, MR_AGE_OPEN}},
};

int
mr_age_scheme_by_name(const char *s, size_t len)
{
	size_t		start = mr_skip_blanks(s, len, 0);

	while (len > start && mr_isblank((unsigned char) s[len - 1]))
		len--;
	for (int k = 1; k <= MR_NSCHEMES; k++)
		if (mr_word_equal(s + start, len - start, mr_schemes[k].name))
			return k;
	return 0;
}

/* s[0..n) equals w, ASCII letters in any case (w may have upper case). */
static bool
same_text(const char *s, size_t n, const char *w)
{
	size_t		i;

	if (w == NULL)
		return false;
	for (i = 0; i < n && w[i]; i++)
	{
		int			a = (unsigned char) s[i],
					b = (unsigned char) w[i];

		if (a >= 'A' && a <= 'Z')
			a += 'a' - 'A';
		if (b >= 'A' && b <= 'Z')
			b += 'a' - 'A';
		if (a != b)
			return false;
	}
	return i == n && w[i] == '\0';
}

static bool
band_matches(const mr_band_info *b, const char *s, size_t n)
{
	return same_text(s, n, b->code) || same_text(s, n, b->label) || same_text(s, n, b->alias);
}

/*
 * Hinnant's civil calendar algorithms, counted from 2000-01-01 (PostgreSQL's
 * date zero).
 */
void
mr_days_to_ymd(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t		era,
				doe,
				yoe,
				doy,
				mp;

	z += 730425;				/* days from 0000-03-01 to 2000-01-01 */
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int) (doy - (153 * mp + 2) / 5 + 1);
	*m = (int) (mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

int64_t
mr_ymd_to_days(int64_t y, int m, int d)
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
	return era * 146097 + doe - 730425;
}

/*
 * The year and the day within it of a day, years counted from 1 March (as
 * in Hinnant's algorithm): 1 March is day 0, 28 February day 364, and 29
 * February, when there is one, day 365, at the end, so a (month, day) has
 * the same day number in every year.
 */
static inline void
march_year(int64_t z, int64_t *y, int *doy)
{
	int64_t		era,
				doe,
				yoe;

	z += 730425;				/* days from 0000-03-01 to 2000-01-01 */
	if (z >= 0)
	{
		/* every date from 1 March of year 0 on: unsigned 32-bit arithmetic, faster */
		uint32_t	uz = (uint32_t) z,
					ue = uz / 146097,
					ud = uz - ue * 146097,
					uy = (ud - ud / 1460 + ud / 36524 - ud / 146096) / 365;

		*doy = (int) (ud - (365 * uy + uy / 4 - uy / 100));
		*y = (int64_t) uy + (int64_t) ue * 400;
		return;
	}
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	*doy = (int) (doe - (365 * yoe + yoe / 4 - yoe / 100));
	*y = yoe + era * 400;
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

mr_status
age_band_parse(const char *s, size_t len, int *out, size_t *errpos)
{
	size_t		i = mr_skip_blanks(s, len, 0),
				colon,
				start,
				end;
	int			scheme;

	*errpos = i;
	if (i == len)
		return MR_ERR_EMPTY;
	for (colon = i; colon < len && s[colon] != ':'; colon++)
		;
	if (colon == len)
		return MR_ERR_SYNTAX;
	scheme = mr_age_scheme_by_name(s + i, colon - i);
	if (scheme == 0)
		return MR_ERR_UNKNOWN;
	start = mr_skip_blanks(s, len, colon + 1);
	end = len;
	while (end > start && mr_isblank((unsigned char) s[end - 1]))
		end--;
	*errpos = start;
	if (start == end)
		return MR_ERR_SYNTAX;
	*out = mr_age_band_by_name(scheme, s + start, end - start);
	return *out ? MR_OK : MR_ERR_UNKNOWN;
}

int
mr_age_band_by_name(int scheme, const char *s, size_t n)
{
	const mr_scheme_info *si = &mr_schemes[scheme];

	for (int b = 0; b < si->nbands; b++)
		if (band_matches(&si->bands[b], s, n))
			return mr_age_band_make(scheme, b + 1);
	if (band_matches(&si->unknown, s, n) || same_text(s, n, "unknown"))
		return mr_age_band_make(scheme, MR_BAND_UNKNOWN);
	return 0;
}

size_t
age_band_format(int v, char *out)
{
	const char *scheme = mr_schemes[mr_age_band_scheme(v)].name;
	const char *code = mr_age_band_info(v)->code;
	size_t		ls = strlen(scheme),
				lc = strlen(code);

	memcpy(out, scheme, ls);
	out[ls] = ':';
	memcpy(out + ls + 1, code, lc + 1);
	return ls + 1 + lc;
}
