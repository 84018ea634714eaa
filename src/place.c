/*
 * place.c: the place type (4 bytes, passed by value): fmgr wrappers around
 * place_io.c, containment and the functions on places.
 *
 * Comparison, sorting and hashing reuse core's int4 functions (bound in the
 * install script): the packed code orders by country, kind, then code.
 */
#include "migrec.h"

#include "funcapi.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "nationality_io.h"
#include "place_io.h"
#include "scan.h"

StaticAssertDecl(sizeof(int32) == PLACE_INTERNALLENGTH,
				 "place is INTERNALLENGTH 4, passed by value as an int4");

/* Countries with at most this many subdivisions list them in the hint. */
#define HINT_MAX_SUBDIVISIONS 20

static const char *const place_kind_names[] = {"country", "subdivision", "locality"};

#define PLACE_FORMS_HINT "A place is a country (MX or MEX), an ISO 3166-2 subdivision (MX-CHP) or a locality: the country and three characters from A-Z and 2-9 (MX TAP)."

static void
report_bad_place(FunctionCallInfo fcinfo, const char *str, mr_status st, size_t errpos)
{
	size_t		len = strlen(str);
	const char *code = str;
	size_t		clen = len,
				nletters;
	char		list[512];
	char		country[3];
	int			n;

	/* the code without the blanks around it, as the parser saw it */
	mr_trim(&code, &clen);
	nletters = strspn(code, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
	if (nletters > clen)
		nletters = clen;
	country[0] = nletters >= 1 ? code[0] : '?';
	country[1] = nletters >= 2 ? code[1] : '?';
	country[2] = '\0';

	if (st == MR_ERR_UNKNOWN_COUNTRY)
	{
		/* an alpha-3 code only when the whole input is three letters */
		size_t		cl = (clen == 3 && nletters == 3) ? 3 : 2;
		uint16_t	nat;
		size_t		pos;

		if (cl == 3 && mr_nationality_parse(code, 3, &nat, &pos) == MR_OK)
			mr_input_error(fcinfo,
						   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							errmsg("invalid input syntax for type %s: \"%s\"", "place", str),
							errdetail("%.3s is a nationality code, but not a country.", code),
							errhint(PLACE_FORMS_HINT)));
		else if (mr_nationality_suggest(code, cl, true, list, sizeof(list)) > 0)
			mr_input_error(fcinfo,
						   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							errmsg("invalid input syntax for type %s: \"%s\"", "place", str),
							errdetail("There is no country %.*s.", (int) cl, code),
							errhint("Did you mean %s?", list)));
		else
			mr_input_error(fcinfo,
						   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							errmsg("invalid input syntax for type %s: \"%s\"", "place", str),
							errdetail("There is no country %.*s.", (int) cl, code)));
	}
	else if (st == MR_ERR_UNKNOWN_SUBDIVISION)
	{
		n = mr_place_list_subdivisions(str, len, HINT_MAX_SUBDIVISIONS, list, sizeof(list));
		if (n == 0)
			mr_input_error(fcinfo,
						   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							errmsg("invalid input syntax for type %s: \"%s\"", "place", str),
							errdetail("ISO 3166-2 lists no subdivisions of %s.", country)));
		else if (n <= HINT_MAX_SUBDIVISIONS)
			mr_input_error(fcinfo,
						   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							errmsg("invalid input syntax for type %s: \"%s\"", "place", str),
							errdetail("That is not an ISO 3166-2 subdivision of %s.", country),
							errhint("The subdivisions of %s are %s.", country, list)));
		else
			mr_input_error(fcinfo,
						   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							errmsg("invalid input syntax for type %s: \"%s\"", "place", str),
							errdetail("That is not an ISO 3166-2 subdivision of %s.", country),
							errhint("%s has %d subdivisions; SELECT * FROM subdivisions('%s') lists them.",
									country, n, country)));
	}
	else if (nletters >= 3 && clen > 3 && code[3] == '-')
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type %s: \"%s\"", "place", str),
						errdetail("ISO 3166-2 subdivision codes begin with the alpha-2 country code."),
						errhint(PLACE_FORMS_HINT)));
	else if (clen == 5 && nletters >= 3 && (size_t) (code - str) + 3 == errpos)
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type %s: \"%s\"", "place", str),
						errdetail("%.3s is a nationality code, so \"%.5s\" is ambiguous.", code, code),
						errhint("Write a locality with a blank after the country: %.2s %.3s.", code, code + 2)));
	else if (errpos < (size_t) (code - str) + clen && (unsigned char) str[errpos] > ' ' &&
			 (unsigned char) str[errpos] < 127)
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type %s: \"%s\"", "place", str),
						errdetail("Unexpected character \"%c\" at position %d.",
								  str[errpos], pg_mbstrlen_with_len(str, (int) errpos) + 1),
						errhint(PLACE_FORMS_HINT)));
	else if (errpos < (size_t) (code - str) + clen)
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type %s: \"%s\"", "place", str),
						errdetail("Unexpected character at position %d.",
								  pg_mbstrlen_with_len(str, (int) errpos) + 1),
						errhint(PLACE_FORMS_HINT)));
	else
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type %s: \"%s\"", "place", str),
						errdetail("Unexpected end of input."),
						errhint(PLACE_FORMS_HINT)));
}

PG_FUNCTION_INFO_V1(place_in);
Datum
place_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	int32_t		p;
	size_t		errpos;
	mr_status	st = mr_place_parse(str, strlen(str), &p, &errpos);

	if (st != MR_OK)
	{
		report_bad_place(fcinfo, str, st, errpos);
		PG_RETURN_NULL();
	}
	PG_RETURN_PLACE(p);
}

PG_FUNCTION_INFO_V1(place_out);
Datum
place_out(PG_FUNCTION_ARGS)
{
	char	   *out = palloc(PLACE_TEXT_SIZE);

	Assert(mr_place_valid(PG_GETARG_PLACE(0)));
	mr_place_format(PG_GETARG_PLACE(0), out);
	PG_RETURN_CSTRING(out);
}

/* Binary form: the packed code as a big-endian int32. */
PG_FUNCTION_INFO_V1(place_recv);
Datum
place_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int32		v = (int32) pq_getmsgint(buf, 4);

	if (!mr_place_valid(v))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external place value %d", v)));
	PG_RETURN_PLACE(v);
}

PG_FUNCTION_INFO_V1(place_send);
Datum
place_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint32(&buf, PG_GETARG_PLACE(0));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(place_country_of);
Datum
place_country_of(PG_FUNCTION_ARGS)
{
	int			idx = mr_place_country_entry(PG_GETARG_PLACE(0));

	if (idx < 0)				/* only a corrupt datum gets here */
		mr_corrupt_value("place");
	PG_RETURN_NATIONALITY(mr_countries[idx].code);
}

PG_FUNCTION_INFO_V1(place_kind);
Datum
place_kind(PG_FUNCTION_ARGS)
{
	int			k = place_kind_of(PG_GETARG_PLACE(0));

	if (k > PLACE_KIND_LOCALITY)	/* only a corrupt datum gets here */
		mr_corrupt_value("place");
	PG_RETURN_TEXT_P(cstring_to_text(place_kind_names[k]));
}

/* Names: a country's as country_name(), a subdivision's from ISO 3166-2. */
static const char *
place_name_utf8(int32 p, mr_lang lang)
{
	int			idx;

	switch (place_kind_of(p))
	{
		case PLACE_KIND_COUNTRY:
			idx = mr_place_country_entry(p);
			return idx < 0 ? NULL : mr_countries[idx].name[lang];
		case PLACE_KIND_SUBDIVISION:
			idx = mr_subdivision_by_code(p);
			if (idx < 0)
				return NULL;
			/* iso-codes translates few subdivision names; the rest are local */
			return mr_subdivisions[idx].name[lang] ? mr_subdivisions[idx].name[lang]
				: mr_subdivisions[idx].name[MR_LANG_EN];
		default:
			return NULL;
	}
}

PG_FUNCTION_INFO_V1(place_name);
Datum
place_name(PG_FUNCTION_ARGS)
{
	mr_lang		lang = mr_lang_arg(PG_GETARG_TEXT_PP(1));
	const char *name = place_name_utf8(PG_GETARG_PLACE(0), lang);

	if (name == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(mr_utf8_to_text(name));
}

PG_FUNCTION_INFO_V1(place_contained);
Datum
place_contained(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(mr_place_within(PG_GETARG_PLACE(0), PG_GETARG_PLACE(1)));
}

PG_FUNCTION_INFO_V1(place_contains);
Datum
place_contains(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(mr_place_within(PG_GETARG_PLACE(1), PG_GETARG_PLACE(0)));
}

/*
 * subdivisions([within place]): the ISO 3166-2 subdivisions, all of them or
 * those within a place, with their names and parents.
 */
typedef struct SubdivisionsWithin
{
	bool		all;
	int32		within;
} SubdivisionsWithin;

static void
subdivisions_setup(FunctionCallInfo fcinfo, MrRows *rows)
{
	SubdivisionsWithin *w = palloc(sizeof(SubdivisionsWithin));
	int			first = 0,
				n = mr_nsubdivisions;

	w->all = PG_NARGS() == 0;
	if (!w->all)
	{
		/* the subdivisions of one country are contiguous in the table */
		w->within = PG_GETARG_PLACE(0);
		if (place_kind_of(w->within) == PLACE_KIND_LOCALITY)
			n = 0;
		else
			n = mr_subdivisions_of(place_country2(w->within), &first);
	}
	rows->arg = w;
	rows->first = first;
	rows->end = first + n;
}

static bool
subdivision_row(FunctionCallInfo fcinfo, void *arg, uint64 k, Datum *values, bool *nulls)
{
	const SubdivisionsWithin *w = arg;
	const mr_subdivision *s = &mr_subdivisions[k];

	(void) fcinfo;
	if (!w->all && !mr_place_within(s->code, w->within))
		return false;
	values[0] = PlaceGetDatum(s->code);
	values[1] = PointerGetDatum(mr_utf8_to_text(s->name[MR_LANG_EN]));
	nulls[2] = s->parent < 0;
	values[2] = nulls[2] ? (Datum) 0 : PlaceGetDatum(mr_subdivisions[s->parent].code);
	return true;
}

PG_FUNCTION_INFO_V1(place_subdivisions);
Datum
place_subdivisions(PG_FUNCTION_ARGS)
{
	return mr_srf_rows(fcinfo, subdivisions_setup, subdivision_row);
}
