/*
 * nationality.c: the nationality type (2 bytes, passed by value): fmgr
 * wrappers around nationality_io.c and the functions on nationalities.
 *
 * Comparison, sorting and hashing reuse core's int2 functions (bound in the
 * install script), since the packed code orders like its alpha-3 text.
 */
#include "migrec.h"

#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "crosswalk.h"
#include "nationality_io.h"
#include "place_io.h"

StaticAssertDecl(sizeof(int16) == NATIONALITY_INTERNALLENGTH,
				 "nationality is INTERNALLENGTH 2, passed by value as an int2");

static const char *const kind_names[] = {
	"country", "stateless", "refugee", "unspecified", "organization", "withdrawn",
	"other", "unknown", "various"
};

static void
report_bad_nationality(FunctionCallInfo fcinfo, const char *str, mr_status st)
{
	char		suggestions[64];
	size_t		len = strlen(str);

	if (st == MR_ERR_UNKNOWN &&
		mr_nationality_suggest(str, len, false, suggestions, sizeof(suggestions)) > 0)
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type %s: \"%s\"", "nationality", str),
						errdetail("There is no nationality with that code."),
						errhint("Did you mean %s?", suggestions)));
	else if (st == MR_ERR_UNKNOWN)
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type %s: \"%s\"", "nationality", str),
						errdetail("There is no nationality with that code.")));
	else
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type %s: \"%s\"", "nationality", str),
						errdetail("A nationality is an ISO 3166-1 alpha-3, alpha-2 or numeric code, or an ICAO Doc 9303 code."),
						errhint("For country names, use parse_nationality().")));
}

PG_FUNCTION_INFO_V1(nationality_in);
Datum
nationality_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	uint16_t	code;
	size_t		errpos;
	mr_status	st = mr_nationality_parse(str, strlen(str), &code, &errpos);

	if (st != MR_OK)
	{
		report_bad_nationality(fcinfo, str, st);
		PG_RETURN_NULL();
	}
	PG_RETURN_NATIONALITY(code);
}

PG_FUNCTION_INFO_V1(nationality_out);
Datum
nationality_out(PG_FUNCTION_ARGS)
{
	char	   *out = palloc(NATIONALITY_TEXT_SIZE);

	Assert(mr_nationality_valid(PG_GETARG_NATIONALITY(0)));
	mr_nationality_format(PG_GETARG_NATIONALITY(0), out);
	PG_RETURN_CSTRING(out);
}

/* Binary form: the packed code as a big-endian int16. */
PG_FUNCTION_INFO_V1(nationality_recv);
Datum
nationality_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			v = (int16) pq_getmsgint(buf, 2);

	if (!mr_nationality_valid(v))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external nationality value %d", v)));
	PG_RETURN_NATIONALITY(v);
}

PG_FUNCTION_INFO_V1(nationality_send);
Datum
nationality_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint16(&buf, PG_GETARG_NATIONALITY(0));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static const mr_country *
entry_of(uint16 v)
{
	int			idx = mr_nationality_entry(v);

	if (idx < 0)				/* only a corrupt datum gets here */
		mr_corrupt_value("nationality");
	return &mr_countries[idx];
}

PG_FUNCTION_INFO_V1(nationality_alpha2);
Datum
nationality_alpha2(PG_FUNCTION_ARGS)
{
	const mr_country *c = entry_of(PG_GETARG_NATIONALITY(0));

	if (c->alpha2[0] == '\0')
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(c->alpha2));
}

PG_FUNCTION_INFO_V1(nationality_iso_numeric);
Datum
nationality_iso_numeric(PG_FUNCTION_ARGS)
{
	const mr_country *c = entry_of(PG_GETARG_NATIONALITY(0));

	if (c->numeric == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(c->numeric);
}

PG_FUNCTION_INFO_V1(nationality_country_name);
Datum
nationality_country_name(PG_FUNCTION_ARGS)
{
	const mr_country *c = entry_of(PG_GETARG_NATIONALITY(0));
	mr_lang		lang = mr_lang_arg(PG_GETARG_TEXT_PP(1));

	PG_RETURN_TEXT_P(mr_utf8_to_text(c->name[lang]));
}

PG_FUNCTION_INFO_V1(nationality_m49_region);
Datum
nationality_m49_region(PG_FUNCTION_ARGS)
{
	const mr_country *c = entry_of(PG_GETARG_NATIONALITY(0));

	if (c->region < 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(mr_areas[c->region].name));
}

PG_FUNCTION_INFO_V1(nationality_m49_subregion);
Datum
nationality_m49_subregion(PG_FUNCTION_ARGS)
{
	const mr_country *c = entry_of(PG_GETARG_NATIONALITY(0));

	if (c->subregion < 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(mr_areas[c->subregion].name));
}

PG_FUNCTION_INFO_V1(nationality_is_rcm_member);
Datum
nationality_is_rcm_member(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(entry_of(PG_GETARG_NATIONALITY(0))->rcm != 0);
}

PG_FUNCTION_INFO_V1(nationality_kind);
Datum
nationality_kind(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(kind_names[entry_of(PG_GETARG_NATIONALITY(0))->kind]));
}

PG_FUNCTION_INFO_V1(parse_nationality);
Datum
parse_nationality(PG_FUNCTION_ARGS)
{
	size_t		len;
	char	   *s = mr_text_to_utf8(PG_GETARG_TEXT_PP(0), &len);
	mr_xw_result res;

	/* 0.1's codes and names first, then the crosswalk's (crosswalk_io.c) */
	mr_xw_nationality(s, len, MR_SRC_NONE, false, &res);
	if (res.status != MR_XW_FOUND)
		PG_RETURN_NULL();
	PG_RETURN_NATIONALITY(res.code);
}

PG_FUNCTION_INFO_V1(nationality_to_place);
Datum
nationality_to_place(PG_FUNCTION_ARGS)
{
	uint16		v = PG_GETARG_NATIONALITY(0);
	int32_t		p;

	if (!mr_place_from_nationality(v, &p))
	{
		char		code[NATIONALITY_TEXT_SIZE];

		mr_nationality_format(v, code);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("nationality \"%s\" is not a country, so it is not a place", code),
				 errdetail("Only current ISO 3166-1 countries and Kosovo (XKX) are places.")));
	}
	PG_RETURN_PLACE(p);
}

/* nationalities(): the whole table, one row per code, in code order. */
static void
nationalities_setup(FunctionCallInfo fcinfo, MrRows *rows)
{
	(void) fcinfo;
	rows->end = mr_ncountries;
}

static bool
nationality_row(FunctionCallInfo fcinfo, void *arg, uint64 k, Datum *values, bool *nulls)
{
	const mr_country *c = &mr_countries[k];
	int32_t		p;

	(void) fcinfo, (void) arg;
	values[0] = NationalityGetDatum(c->code);
	values[1] = c->alpha2[0] ? PointerGetDatum(cstring_to_text(c->alpha2)) : (Datum) 0;
	nulls[1] = c->alpha2[0] == '\0';
	values[2] = Int32GetDatum(c->numeric);
	nulls[2] = c->numeric == 0;
	for (int l = 0; l < MR_NLANGS; l++)
		values[3 + l] = PointerGetDatum(mr_utf8_to_text(c->name[l]));
	values[7] = PointerGetDatum(cstring_to_text(kind_names[c->kind]));
	nulls[8] = c->region < 0;
	values[8] = nulls[8] ? (Datum) 0 : PointerGetDatum(cstring_to_text(mr_areas[c->region].name));
	nulls[9] = c->subregion < 0;
	values[9] = nulls[9] ? (Datum) 0 : PointerGetDatum(cstring_to_text(mr_areas[c->subregion].name));
	values[10] = BoolGetDatum(c->rcm != 0);
	nulls[11] = !mr_place_from_nationality(c->code, &p);
	values[11] = nulls[11] ? (Datum) 0 : PlaceGetDatum(p);
	return true;
}

PG_FUNCTION_INFO_V1(nationalities);
Datum
nationalities(PG_FUNCTION_ARGS)
{
	return mr_srf_rows(fcinfo, nationalities_setup, nationality_row);
}
