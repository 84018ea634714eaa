/*
 * retired.c: what stored data needs from a code table generated from a newer
 * iso-codes (tools/test/run.sh builds it against the fixture's codes_data.c,
 * with src/codes.c and src/place_io.c).  The fixture drops GB-ABE,
 * re-parents FR-01 from FR-ARA to FR-BFC and withdraws Åland (ALA, AX).
 *
 * Usage: retired SHIPPED_CODES_FILE   (one place code a line: every code an
 * earlier table held).  Prints TAP.
 */
#include <stdio.h>
#include <string.h>

#include "place_io.h"

/* place_io.h's functions, by the one name that changes if they are renamed */
#define PLACE(fn) place_##fn

static int	ntests = 0,
			nfailed = 0;

static void
ok(int cond, const char *what)
{
	ntests++;
	if (!cond)
		nfailed++;
	printf("%sok %d - %s\n", cond ? "" : "not ", ntests, what);
}

static int32_t
parse(const char *s)
{
	int32_t		p = -1;
	size_t		pos;

	if (PLACE(parse) (s, strlen(s), &p, &pos) != MR_OK)
		return -1;
	return p;
}

static int
listed(const char *country, const char *code)
{
	int			first,
				n = mr_subdivisions_of(mr_pack2(country), &first);

	for (int i = first; i < first + n; i++)
		if (strcmp(mr_subdivisions[i].text, code) == 0)
			return 1;
	return 0;
}

int
main(int argc, char **argv)
{
	FILE	   *f;
	char		line[64],
				text[PLACE_TEXT_SIZE],
				hint[4096];
	int			n = 0,
				bad = 0,
				idx;
	int32_t		abe = parse("GB-ABE"),
				ax = parse("AX");

	if (argc != 2 || (f = fopen(argv[1], "r")) == NULL)
	{
		fprintf(stderr, "usage: retired SHIPPED_CODES_FILE\n");
		return 2;
	}
	/* every code an earlier table held: parsed, valid (recv), printed back */
	while (fgets(line, sizeof line, f))
	{
		int32_t		p;

		line[strcspn(line, "\n")] = '\0';
		p = parse(line);
		n++;
		if (p >= 0 && PLACE(valid) (p))
		{
			PLACE(format) (p, text);
			if (strcmp(text, line) == 0)
				continue;
		}
		if (bad++ < 10)
			printf("# %s does not decode\n", line);
	}
	fclose(f);
	printf("# %d shipped codes read, %d retired subdivisions in the table\n",
		   n, mr_nsubdivisions_retired);
	ok(n > 5000 && bad == 0, "every shipped code parses, is valid and prints back");

	ok(abe >= 0, "retired GB-ABE is accepted on input");
	idx = mr_subdivision_by_code(abe);
	ok(idx >= mr_nsubdivisions && idx < mr_nsubdivisions + mr_nsubdivisions_retired,
	   "GB-ABE is in the retired part of the table");
	ok(idx >= 0 && strcmp(mr_subdivisions[idx].name[MR_LANG_EN], "Aberdeen City") == 0 &&
	   mr_subdivisions[idx].name[MR_LANG_FR] == NULL,
	   "GB-ABE keeps its English name (translations fall back to it)");
	ok(PLACE(within) (abe, parse("GB-SCT")) && PLACE(within) (abe, parse("GB")),
	   "GB-ABE stays within its last parent GB-SCT and GB");
	ok(!listed("GB", "GB-ABE") && listed("GB", "GB-ABD"),
	   "GB-ABE is not offered among GB's current subdivisions");
	PLACE(list_subdivisions) ("GB-XYZ", 6, 1000, hint, sizeof hint);
	ok(strstr(hint, "GB-ABD") != NULL && strstr(hint, "GB-ABE") == NULL,
	   "the hint for an unknown GB code lists current codes only");

	ok(PLACE(within) (parse("FR-01"), parse("FR-BFC")) &&
	   !PLACE(within) (parse("FR-01"), parse("FR-ARA")),
	   "re-parented FR-01 is within its new parent only");
	ok(PLACE(within) (parse("FR-69"), parse("FR-ARA")),
	   "FR-69 is still within FR-ARA");

	ok(ax >= 0 && PLACE(valid) (ax), "place AX of withdrawn Åland still decodes");
	idx = ax >= 0 ? PLACE(country_entry) (ax) : -1;
	ok(idx >= 0 && strcmp(mr_countries[idx].alpha3, "ALA") == 0 &&
	   mr_countries[idx].kind == MR_KIND_WITHDRAWN,
	   "its country is ALA, now withdrawn");
	ok(mr_country_by_code(mr_pack3("ALA")) >= 0, "nationality ALA still decodes");

	printf("1..%d\n", ntests);
	return nfailed ? 1 : 0;
}
