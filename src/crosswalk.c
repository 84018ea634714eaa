/*
 * crosswalk.c: the names and codes publishers print, read as nationalities
 * and places (fmgr wrappers around crosswalk_io.c).
 *
 *   parse_nationality(text, source)   cleaning: NULL when not recognized
 *   nationality_from(text, source)    strict: an error that says why
 *   unhcr_code(nationality), from_unhcr_code(text)
 *   nationality_crosswalk(source), place_from(text, source),
 *   place_crosswalk(source)
 *
 * Everything depends on the arguments and the compiled tables alone, so the
 * functions are IMMUTABLE, like the type's input.
 */
#include "migrec.h"

#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "crosswalk.h"
#include "nationality_io.h"
#include "place_io.h"

/* A UTF-8 string of the tables, in the server encoding, for a message. */
static char *
msg_text(const char *utf8)
{
	return text_to_cstring(mr_utf8_to_text(utf8));
}

static char *
source_list(const mr_xw_source *tab, int n)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (int i = 0; i < n; i++)
		appendStringInfo(&buf, "%s%s", i ? ", " : "", tab[i].name);
	return buf.data;
}

/* The source argument: MR_SRC_NONE for NULL, else a known source or 22023. */
static int
source_arg(FunctionCallInfo fcinfo, int argno)
{
	char	   *s;
	int			src;

	if (PG_ARGISNULL(argno))
		return MR_SRC_NONE;
	s = text_to_cstring(PG_GETARG_TEXT_PP(argno));
	src = mr_xw_source_parse(s, strlen(s));
	if (src < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown nationality source \"%s\"", s),
				 errhint("The sources are %s; NULL for none.",
						 source_list(mr_xw_sources, mr_nxw_sources))));
	return src;
}

/*
 * The same for a scalar function called row after row: the last source
 * text and what it read are kept in fn_extra, so that a column of one
 * source is read once (not for set-returning functions: their fn_extra is
 * the SRF machinery's).
 */
typedef struct SourceMemo
{
	int			src;
	int			len;
	char		name[32];
} SourceMemo;

static int
source_arg_memo(FunctionCallInfo fcinfo, int argno)
{
	SourceMemo *m = (SourceMemo *) fcinfo->flinfo->fn_extra;
	text	   *t;
	int			len,
				src;

	if (PG_ARGISNULL(argno))
		return MR_SRC_NONE;
	t = PG_GETARG_TEXT_PP(argno);
	len = VARSIZE_ANY_EXHDR(t);
	if (m != NULL && m->len == len && memcmp(m->name, VARDATA_ANY(t), len) == 0)
		return m->src;
	src = source_arg(fcinfo, argno);
	if (len <= (int) sizeof(m->name))
	{
		if (m == NULL)
			m = fcinfo->flinfo->fn_extra = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(SourceMemo));
		m->src = src;
		m->len = len;
		memcpy(m->name, VARDATA_ANY(t), len);
	}
	return src;
}

static int
place_source_arg(FunctionCallInfo fcinfo, int argno)
{
	char	   *s = text_to_cstring(PG_GETARG_TEXT_PP(argno));
	int			src = mr_xw_place_source_parse(s, strlen(s));

	if (src < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown place source \"%s\"", s),
				 errhint("The sources are %s.",
						 source_list(mr_xw_place_sources, mr_nxw_place_sources))));
	return src;
}

static void
read_nationality(FunctionCallInfo fcinfo, int source, bool strict, mr_xw_result *res)
{
	size_t		len;
	char	   *s = mr_text_to_utf8(PG_GETARG_TEXT_PP(0), &len);

	mr_xw_nationality(s, len, source, strict, res);
}

/* parse_nationality(text, source text): NULL when not recognized. */
PG_FUNCTION_INFO_V1(parse_nationality_source);
Datum
parse_nationality_source(PG_FUNCTION_ARGS)
{
	int			source = source_arg_memo(fcinfo, 1);
	mr_xw_result res;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	read_nationality(fcinfo, source, false, &res);
	if (res.status != MR_XW_FOUND)
		PG_RETURN_NULL();
	PG_RETURN_NATIONALITY(res.code);
}

/* nationality_from(text, source text DEFAULT NULL): an error that says why. */
PG_FUNCTION_INFO_V1(nationality_from);
Datum
nationality_from(PG_FUNCTION_ARGS)
{
	int			source = source_arg_memo(fcinfo, 1);
	mr_xw_result res;
	char	   *input;
	const char *sname = source >= 0 ? mr_xw_sources[source].name : NULL;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	read_nationality(fcinfo, source, true, &res);
	if (res.status == MR_XW_FOUND)
		PG_RETURN_NATIONALITY(res.code);

	input = text_to_cstring(PG_GETARG_TEXT_PP(0));
	switch (res.status)
	{
		case MR_XW_IS_AMBIGUOUS:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"", "nationality", input),
					 errdetail("It means different nationalities in different sources: %s.",
							   msg_text(res.why)),
					 errhint("Name the source: nationality_from(text, source).")));
			break;
		case MR_XW_NOT_NATIONALITY:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"", "nationality", input),
					 res.why && res.why[0] ?
					 errdetail("It is no nationality%s%s: %s.", sname ? " in " : "",
							   sname ? sname : "", msg_text(res.why)) :
					 errdetail("It is no nationality%s%s.", sname ? " in " : "",
							   sname ? sname : "")));
			break;
		default:
			if (sname)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						 errmsg("invalid input syntax for type %s: \"%s\"", "nationality", input),
						 res.why ?
						 errdetail("Source %s prints no such code (%s).", sname, msg_text(res.why)) :
						 res.is_code ?
						 errdetail("Source %s prints no such code.", sname) :
						 errdetail("Source %s prints no such name, and it is no country name migrec knows.",
								   sname),
						 errhint("nationality_crosswalk('%s') lists the codes and names of %s.",
								 sname, sname)));
			else
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						 errmsg("invalid input syntax for type %s: \"%s\"", "nationality", input),
						 res.why ?
						 errdetail("%s.", msg_text(res.why)) :
						 errdetail("It is no ISO 3166-1 or ICAO code and no country name migrec knows."),
						 errhint("If a publisher prints it, name the source: nationality_from(text, source).")));
	}
	PG_RETURN_NULL();			/* not reached */
}

/* unhcr_code(nationality): UNHCR's code, NULL when UNHCR has none. */
PG_FUNCTION_INFO_V1(nationality_unhcr_code);
Datum
nationality_unhcr_code(PG_FUNCTION_ARGS)
{
	const char *code = mr_xw_unhcr_code_of(PG_GETARG_NATIONALITY(0));

	if (code == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(code));
}

/* from_unhcr_code(text): the nationality of a UNHCR code, or an error. */
PG_FUNCTION_INFO_V1(from_unhcr_code);
Datum
from_unhcr_code(PG_FUNCTION_ARGS)
{
	size_t		len;
	char	   *s = mr_text_to_utf8(PG_GETARG_TEXT_PP(0), &len);
	mr_xw_result res;

	mr_xw_unhcr_code(s, len, &res);
	if (res.status == MR_XW_FOUND)
		PG_RETURN_NATIONALITY(res.code);
	if (res.status == MR_XW_NOT_NATIONALITY)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s: \"%s\"", "nationality",
						text_to_cstring(PG_GETARG_TEXT_PP(0))),
				 errdetail("It is no nationality: %s.", msg_text(res.why))));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"", "nationality",
					text_to_cstring(PG_GETARG_TEXT_PP(0))),
			 errdetail("There is no UNHCR country code %s in migrec's copy of UNHCR's table.",
					   text_to_cstring(PG_GETARG_TEXT_PP(0))),
			 errhint("nationality_crosswalk('unhcr') lists UNHCR's codes.")));
	PG_RETURN_NULL();			/* not reached */
}

/* place_from(text, source text): a place from INEGI's or INEC Panama's codes. */
PG_FUNCTION_INFO_V1(place_from_source);
Datum
place_from_source(PG_FUNCTION_ARGS)
{
	int			source = place_source_arg(fcinfo, 1);
	size_t		len;
	char	   *s = mr_text_to_utf8(PG_GETARG_TEXT_PP(0), &len);
	int32_t		p;

	if (mr_xw_place(s, len, source, &p) < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s: \"%s\"", "place",
						text_to_cstring(PG_GETARG_TEXT_PP(0))),
				 errdetail("Source %s has no such code or name.", mr_xw_place_sources[source].name),
				 errhint("place_crosswalk('%s') lists them.", mr_xw_place_sources[source].name)));
	PG_RETURN_PLACE(p);
}

/*
 * nationality_crosswalk(source text DEFAULT NULL): every form a source
 * prints (every source's for NULL), what it means, and why.  The source
 * (MR_SRC_NONE or an mr_source) travels to the rows as arg, cast.
 */
static void
xw_rows_setup(FunctionCallInfo fcinfo, MrRows *rows)
{
	rows->first = 0;
	rows->end = (uint64) mr_nxw_rows;
	rows->arg = (void *) (intptr_t) source_arg(fcinfo, 0);
}

static bool
xw_row(FunctionCallInfo fcinfo, void *arg, uint64 k, Datum *values, bool *nulls)
{
	int			source = (int) (intptr_t) arg;
	const mr_xw_row *r = &mr_xw_rows[k];

	(void) fcinfo;
	if (source != MR_SRC_NONE && r->source != source)
		return false;
	values[0] = PointerGetDatum(cstring_to_text(mr_xw_sources[r->source].name));
	values[1] = PointerGetDatum(mr_utf8_to_text(r->form));
	values[2] = PointerGetDatum(cstring_to_text(r->is_name ? "name" : "code"));
	nulls[3] = r->target < 0;
	values[3] = nulls[3] ? (Datum) 0 : NationalityGetDatum(mr_countries[r->target].code);
	nulls[4] = r->note[0] == '\0';
	values[4] = nulls[4] ? (Datum) 0 : PointerGetDatum(mr_utf8_to_text(r->note));
	nulls[5] = r->elsewhere[0] == '\0';
	values[5] = nulls[5] ? (Datum) 0 : PointerGetDatum(mr_utf8_to_text(r->elsewhere));
	values[6] = PointerGetDatum(mr_utf8_to_text(r->seen_in));
	values[7] = PointerGetDatum(cstring_to_text(r->verified));
	return true;
}

PG_FUNCTION_INFO_V1(nationality_crosswalk);
Datum
nationality_crosswalk(PG_FUNCTION_ARGS)
{
	return mr_srf_rows(fcinfo, xw_rows_setup, xw_row);
}

/*
 * place_crosswalk(source text DEFAULT NULL): every code and name of a place
 * source (-1: of every source).
 */
static void
xw_place_rows_setup(FunctionCallInfo fcinfo, MrRows *rows)
{
	rows->first = 0;
	rows->end = (uint64) mr_nxw_place_rows;
	rows->arg = (void *) (intptr_t) (PG_ARGISNULL(0) ? -1 : place_source_arg(fcinfo, 0));
}

static bool
xw_place_row(FunctionCallInfo fcinfo, void *arg, uint64 k, Datum *values, bool *nulls)
{
	int			source = (int) (intptr_t) arg;
	const mr_xw_place_row *r = &mr_xw_place_rows[k];

	(void) fcinfo;
	if (source >= 0 && r->source != source)
		return false;
	values[0] = PointerGetDatum(cstring_to_text(mr_xw_place_sources[r->source].name));
	values[1] = PointerGetDatum(mr_utf8_to_text(r->form));
	values[2] = PointerGetDatum(cstring_to_text(r->is_name ? "name" : "code"));
	values[3] = PlaceGetDatum(r->place);
	nulls[4] = r->note[0] == '\0';
	values[4] = nulls[4] ? (Datum) 0 : PointerGetDatum(mr_utf8_to_text(r->note));
	values[5] = PointerGetDatum(mr_utf8_to_text(r->seen_in));
	return true;
}

PG_FUNCTION_INFO_V1(place_crosswalk);
Datum
place_crosswalk(PG_FUNCTION_ARGS)
{
	return mr_srf_rows(fcinfo, xw_place_rows_setup, xw_place_row);
}
