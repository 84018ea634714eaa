/*
 * test_crosswalk.c: unit tests of crosswalk_io.c (publishers' names and
 * codes) against the generated tables, outside the server.  Prints TAP.
 */
#include <stdio.h>
#include <string.h>

#include "codes.h"
#include "crosswalk.h"
#include "nationality_io.h"
#include "place_io.h"

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

static uint16_t
code(const char *a3)
{
	int			idx = mr_country_by_code(mr_pack3(a3));

	return idx < 0 ? 0 : mr_countries[idx].code;
}

static mr_xw_result
nat(const char *s, int source, bool strict)
{
	mr_xw_result r;

	mr_xw_nationality(s, strlen(s), source, strict, &r);
	return r;
}

static int
is(const char *s, int source, const char *a3)
{
	mr_xw_result r = nat(s, source, false);

	return r.status == MR_XW_FOUND && r.code == code(a3);
}

static int
key_is(const char *s, const char *want)
{
	char		key[MR_MATCH_KEY_SIZE];

	return mr_match_key(s, strlen(s), key, sizeof(key)) && strcmp(key, want) == 0;
}

int
main(void)
{
	char		key[MR_MATCH_KEY_SIZE],
				buf[600];
	int			bad,
				n;
	int32_t		p;

	/* the tables are what crosswalk.h says */
	ok(mr_nxw_sources == MR_NSOURCES && mr_nxw_place_sources == MR_NPLACE_SOURCES,
	   "one table entry per source of the enums");
	ok(strcmp(mr_xw_sources[MR_SRC_UNHCR].name, "unhcr") == 0 &&
	   strcmp(mr_xw_sources[MR_SRC_UNHCR_ISO].name, "unhcr_iso") == 0 &&
	   strcmp(mr_xw_sources[MR_SRC_CBP].name, "cbp") == 0 &&
	   strcmp(mr_xw_sources[MR_SRC_ISO].name, "iso") == 0 &&
	   strcmp(mr_xw_place_sources[MR_PSRC_INEGI].name, "inegi") == 0,
	   "the enums and the generated source names agree");
	ok(mr_nunhcr_code_of == mr_ncountries, "one UNHCR code slot per nationality entry");
	bad = 0;
	for (int i = 1; i < mr_nxw_source_keys; i++)
	{
		const mr_xw_key *a = &mr_xw_source_keys[i - 1],
				   *b = &mr_xw_source_keys[i];

		if (a->source > b->source || (a->source == b->source && strcmp(a->key, b->key) >= 0))
			bad++;
	}
	for (int i = 1; i < mr_nxw_names; i++)
		if (strcmp(mr_xw_names[i - 1].key, mr_xw_names[i].key) >= 0)
			bad++;
	ok(bad == 0, "the look-up tables are sorted as the binary searches need");

	/* folding: what tools/crosswalk.py's match_key() does */
	ok(key_is("Korea, Republic of", "korea republic") && key_is("Rep. of Korea", "korea republic") &&
	   key_is("REPUBLIC OF KOREA", "korea republic"), "word order, case and Rep. fold alike");
	ok(key_is("República Dominicana", "dominicana republic") && key_is("Rep. Dominicana", "dominicana republic"),
	   "accents and the Spanish república fold to one word");
	ok(key_is("People's", "peoples") && key_is("People\xe2\x80\x99s", "peoples") && key_is("PEOPLES", "peoples"),
	   "apostrophes (ASCII and U+2019) join letters");
	ok(key_is("Cote d'Ivoire", "cote divoire") && key_is("Côte d’Ivoire", "cote divoire"),
	   "d'Ivoire folds alike with either apostrophe and with or without the accent");
	ok(key_is("Bosnia and Herzegovina", "bosnia herzegovina") && key_is("Bosnia y Herzegovina", "bosnia herzegovina") &&
	   key_is("Bosnia & Herzegovina", "bosnia herzegovina"), "the small words of four languages dropped");
	ok(key_is("Ngäbe-Buglé", "buglé ngabe") == 0 && key_is("Ngäbe-Buglé", "bugle ngabe"),
	   "accented letters folded to ASCII, hyphens split words");
	ok(key_is("Co\xcc\x82te", "cote"), "combining accents (decomposed text) dropped");
	ok(key_is("", "") && key_is("  ,;  ", "") && key_is("of the", ""), "nothing left is the empty key");
	ok(!mr_match_key("\xc3", 1, key, sizeof(key)) && !mr_match_key("C\xff", 2, key, sizeof(key)) &&
	   !mr_match_key("\xe2\x80", 2, key, sizeof(key)), "invalid or truncated UTF-8 is no key");
	memset(buf, 'a', sizeof(buf) - 1);
	buf[sizeof(buf) - 1] = '\0';
	ok(!mr_match_key(buf, strlen(buf), key, sizeof(key)), "a name too long to be one is no key");
	buf[0] = '\0';
	for (int i = 0; i < 40; i++)
		strcat(buf, "ab ");
	ok(!mr_match_key(buf, strlen(buf), key, sizeof(key)), "more words than a name has is no key");
	ok(!mr_match_key("Mexico", 6, key, 4), "a key that does not fit is refused");

	/* every key of the tables is its own key (sorted, folded, no stop word) */
	bad = 0;
	for (int i = 0; i < mr_nxw_names; i++)
		if (!key_is(mr_xw_names[i].key, mr_xw_names[i].key))
			bad++;
	for (int i = 0; i < mr_nxw_source_keys; i++)
	{
		const mr_xw_row *r = &mr_xw_rows[mr_xw_source_keys[i].row];

		if (r->is_name && !key_is(mr_xw_source_keys[i].key, mr_xw_source_keys[i].key))
			bad++;
	}
	ok(bad == 0, "every generated name key folds to itself");

	/* every form every source prints reads back, through the C folding */
	bad = 0;
	for (int i = 0; i < mr_nxw_rows; i++)
	{
		const mr_xw_row *r = &mr_xw_rows[i];
		mr_xw_result res = nat(r->form, r->source, false);

		if (r->target >= 0 ? (res.status != MR_XW_FOUND || res.code != mr_countries[r->target].code)
			: res.status == MR_XW_FOUND)
		{
			if (bad++ < 5)
				printf("# %s %s: status %d\n", mr_xw_sources[r->source].name, r->form, res.status);
		}
	}
	ok(bad == 0, "every crosswalk row reads back with its source");

	/*
	 * Forms printed exactly as the table has them are answered from a memo;
	 * the same form with blanks around takes the full path (folding,
	 * searching).  Both must give the same answer, for every row.
	 */
	bad = 0;
	for (int i = 0; i < mr_nxw_rows; i++)
	{
		const mr_xw_row *r = &mr_xw_rows[i];
		char		padded[600];
		mr_xw_result exact = nat(r->form, r->source, false),
					full;

		snprintf(padded, sizeof(padded), "  %s ", r->form);
		full = nat(padded, r->source, false);
		if (exact.status != full.status || exact.code != full.code || exact.row != full.row ||
			exact.is_code != full.is_code || exact.why != full.why)
		{
			if (bad++ < 5)
				printf("# %s \"%s\": exact %d/%d, padded %d/%d\n", mr_xw_sources[r->source].name, r->form,
					   exact.status, exact.row, full.status, full.row);
		}
	}
	ok(bad == 0, "a form as printed (memo) and with blanks around (full path) read alike");

	/* 0.1's answers do not change: every name key of its table still reads so */
	bad = 0;
	for (int i = 0; i < mr_nname_keys; i++)
	{
		mr_xw_result r = nat(mr_name_keys[i].key, MR_SRC_NONE, false);

		if (r.status != MR_XW_FOUND || r.code != mr_countries[mr_name_keys[i].index].code)
			bad++;
	}
	ok(bad == 0, "every 0.1 name reads as in 0.1, without a source");
	bad = 0;
	for (int i = 0; i < mr_ncountries; i++)
	{
		mr_xw_result r = nat(mr_countries[i].alpha3, MR_SRC_NONE, false);

		if (r.status != MR_XW_FOUND || r.code != mr_countries[i].code)
			bad++;
	}
	ok(bad == 0, "every alpha-3 code reads as itself without a source (ISO / ICAO, as in 0.1)");

	/* the forms */
	ok(is("CHINA, PEOPLES REPUBLIC OF", MR_SRC_NONE, "CHN") && is("MYANMAR (BURMA)", MR_SRC_NONE, "MMR") &&
	   is("OTHER", MR_SRC_NONE, "ZZO"), "CBP's forms, without a source");
	ok(is("Korea, South", MR_SRC_NONE, "KOR") && is("Micronesia, Federated States", MR_SRC_NONE, "FSM") &&
	   is("Serbia and Montenegro (former)", MR_SRC_NONE, "SCG") && is("Unknown", MR_SRC_NONE, "ZZZ"),
	   "OHSS's forms, without a source");
	ok(is("Iran (Islamic Rep. of)", MR_SRC_NONE, "IRN") && is("Holy See", MR_SRC_NONE, "VAT") &&
	   is("China, Hong Kong SAR", MR_SRC_NONE, "HKG") && is("Various", MR_SRC_NONE, "ZZV"),
	   "UNHCR's names, without a source");
	ok(is("AUS", MR_SRC_UNHCR, "AUT") && is("ARE", MR_SRC_UNHCR, "EGY") && is("MAR", MR_SRC_UNHCR, "MTQ") &&
	   is("ANT", MR_SRC_UNHCR, "ATG") && is("TMP", MR_SRC_UNHCR, "TLS") && is("UNK", MR_SRC_UNHCR_ISO, "ZZZ"),
	   "UNHCR's colliding codes, with the source");
	ok(is("AUS", MR_SRC_NONE, "AUS") && is("AUS", MR_SRC_ISO, "AUS") && is("AUS", MR_SRC_UNHCR_ISO, "AUS"),
	   "AUS is Australia without a source and in ISO columns");
	ok(nat("AUS", MR_SRC_NONE, true).status == MR_XW_IS_AMBIGUOUS &&
	   nat("UNK", MR_SRC_NONE, true).status == MR_XW_IS_AMBIGUOUS &&
	   nat("ALG", MR_SRC_NONE, true).status == MR_XW_NOT_FOUND && nat("ALG", MR_SRC_NONE, true).why != NULL,
	   "the strict form refuses, without a source, codes publishers read otherwise, and says why");
	ok(nat("Korea", MR_SRC_NONE, false).status == MR_XW_IS_AMBIGUOUS &&
	   nat("Antillas", MR_SRC_SNM, false).status == MR_XW_NOT_NATIONALITY &&
	   nat("TIB", MR_SRC_UNHCR, false).status == MR_XW_NOT_NATIONALITY,
	   "ambiguous names and rows that are no nationality are no value");
	ok(nat("AUT", MR_SRC_UNHCR, false).status == MR_XW_NOT_FOUND &&
	   nat("MEX", MR_SRC_CBP, false).status == MR_XW_NOT_FOUND && is("AUT", MR_SRC_ISO, "AUT"),
	   "a source reads only its own codes (iso and unhcr_iso: ISO's)");
	ok(nat("", MR_SRC_NONE, false).status == MR_XW_NOT_FOUND &&
	   nat("", MR_SRC_UNHCR, true).status == MR_XW_NOT_FOUND &&
	   nat("x", MR_NSOURCES, false).status == MR_XW_NOT_FOUND,
	   "empty input and an out-of-range source find nothing");

	/* sources */
	ok(mr_xw_source_parse("unhcr", 5) == MR_SRC_UNHCR && mr_xw_source_parse(" UNHCR ", 7) == MR_SRC_UNHCR &&
	   mr_xw_source_parse("unhcr_iso", 9) == MR_SRC_UNHCR_ISO && mr_xw_source_parse("unhc", 4) < 0 &&
	   mr_xw_source_parse("unhcrx", 6) < 0 && mr_xw_source_parse("", 0) < 0,
	   "source names, any case, blanks around ignored, nothing else");
	ok(mr_xw_place_source_parse("INEGI", 5) == MR_PSRC_INEGI && mr_xw_place_source_parse("inec", 4) < 0,
	   "place source names");

	/* UNHCR's codes both ways */
	bad = 0;
	n = 0;
	for (int i = 0; i < mr_ncountries; i++)
	{
		const char *c = mr_unhcr_code_of[i];
		mr_xw_result r;

		if (c == NULL)
			continue;
		n++;
		mr_xw_unhcr_code(c, strlen(c), &r);
		if (r.status != MR_XW_FOUND || r.code != mr_countries[i].code ||
			strcmp(mr_xw_unhcr_code_of(mr_countries[i].code), c) != 0)
			bad++;
	}
	snprintf(buf, sizeof(buf), "all %d UNHCR codes read both ways", n);
	ok(bad == 0 && n > 240, buf);
	{
		mr_xw_result r;

		mr_xw_unhcr_code("Austria", 7, &r);
		ok(r.status == MR_XW_NOT_FOUND, "a UNHCR name is no UNHCR code");
		mr_xw_unhcr_code("tib", 3, &r);
		ok(r.status == MR_XW_NOT_NATIONALITY, "UNHCR's TIB is no nationality");
	}
	ok(mr_xw_unhcr_code_of(0) == NULL && mr_xw_unhcr_code_of(-1) == NULL && mr_xw_unhcr_code_of(0x7FFF) == NULL,
	   "no UNHCR code for what is no nationality");

	/* places */
	bad = 0;
	for (int i = 0; i < mr_nxw_place_rows; i++)
	{
		const mr_xw_place_row *r = &mr_xw_place_rows[i];

		if (mr_xw_place(r->form, strlen(r->form), r->source, &p) < 0 || p != r->place || !mr_place_valid(p))
			bad++;
	}
	ok(bad == 0, "every place row reads back and is a valid place");
	ok(mr_xw_place("007", 3, MR_PSRC_INEGI, &p) >= 0 && mr_xw_place("  7 ", 4, MR_PSRC_INEGI, &p) >= 0 &&
	   mr_xw_place("0", 1, MR_PSRC_INEGI, &p) < 0 && mr_xw_place("", 0, MR_PSRC_INEGI, &p) < 0 &&
	   mr_xw_place("99999999999999999999", 20, MR_PSRC_INEGI, &p) < 0 &&
	   mr_xw_place("7", 1, MR_NPLACE_SOURCES, &p) < 0,
	   "place numbers: leading zeros and blanks ignored; unknown, empty and overlong refused");

	printf("1..%d\n", ntests);
	return nfailed ? 1 : 0;
}
