/*
 * age_band_io.c: the publishers' age schemes and the text form of age_band,
 * plain C.
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
	mr_trim(&s, &len);
	for (int k = 1; k <= MR_NSCHEMES; k++)
		if (mr_word_equal(s, len, mr_schemes[k].name))
			return k;
	return 0;
}

static bool
band_matches(const mr_band_info *b, const char *s, size_t n)
{
	return mr_word_equal(s, n, b->code) || mr_word_equal(s, n, b->label) ||
		(b->alias != NULL && mr_word_equal(s, n, b->alias));
}

mr_status
mr_age_band_parse(const char *s, size_t len, int *out, size_t *errpos)
{
	size_t		i,
				colon,
				lead;
	const char *band;
	size_t		blen;
	int			scheme;
	mr_status	st = mr_scan_begin(s, len, &i, errpos);

	if (st != MR_OK)
		return st;
	for (colon = i; colon < len && s[colon] != ':'; colon++)
		;
	if (colon == len)
		return MR_ERR_SYNTAX;
	scheme = mr_age_scheme_by_name(s + i, colon - i);
	if (scheme == 0)
		return MR_ERR_UNKNOWN;
	band = s + colon + 1;
	blen = len - colon - 1;
	lead = mr_trim(&band, &blen);
	*errpos = colon + 1 + lead;
	if (blen == 0)
		return MR_ERR_SYNTAX;
	*out = mr_age_band_by_name(scheme, band, blen);
	return *out ? MR_OK : MR_ERR_UNKNOWN;
}

int
mr_age_band_by_name(int scheme, const char *s, size_t n)
{
	const mr_scheme_info *si = &mr_schemes[scheme];

	for (int b = 0; b < si->nbands; b++)
		if (band_matches(&si->bands[b], s, n))
			return mr_age_band_make(scheme, b + 1);
	if (band_matches(&si->unknown, s, n) || mr_word_equal(s, n, "unknown"))
		return mr_age_band_make(scheme, MR_BAND_UNKNOWN);
	return 0;
}

size_t
mr_age_band_format(int v, char *out)
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
