/*
 * migrec.c: the module's magic block and helpers shared by the types.
 */
#include "migrec.h"

#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "common/hashfn.h"
#include "utils/builtins.h"

PG_MODULE_MAGIC;

mr_lang
mr_lang_arg(text *lang)
{
	int			l = mr_lang_parse(VARDATA_ANY(lang), VARSIZE_ANY_EXHDR(lang));

	if (l < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unsupported language: \"%s\"", text_to_cstring(lang)),
				 errhint("Supported languages are en, es, fr and pt.")));
	return (mr_lang) l;
}

char *
mr_text_to_utf8(text *t, size_t *len)
{
	char	   *s = text_to_cstring(t);
	char	   *u = (char *) pg_server_to_any(s, strlen(s), PG_UTF8);

	*len = strlen(u);
	return u;
}

text *
mr_utf8_to_text(const char *s)
{
	char	   *conv = pg_any_to_server(s, strlen(s), PG_UTF8);

	return cstring_to_text(conv);
}

TupleDesc
mr_result_tupdesc(FunctionCallInfo fcinfo)
{
	TupleDesc	tupdesc;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("function returning record called in context that cannot accept type record")));
	return BlessTupleDesc(tupdesc);
}

/*
 * Equality and hashing of protection_history and route: their stored forms
 * are canonical (events and legs in a fixed order, no padding), so values
 * are equal exactly when their bytes are.
 */
static bool
varlena_bytes_equal(FunctionCallInfo fcinfo)
{
	struct varlena *a = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));
	struct varlena *b = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(1));

	return VARSIZE_ANY_EXHDR(a) == VARSIZE_ANY_EXHDR(b) &&
		memcmp(VARDATA_ANY(a), VARDATA_ANY(b), VARSIZE_ANY_EXHDR(a)) == 0;
}

PG_FUNCTION_INFO_V1(mr_varlena_eq);
Datum
mr_varlena_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(varlena_bytes_equal(fcinfo));
}

PG_FUNCTION_INFO_V1(mr_varlena_ne);
Datum
mr_varlena_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!varlena_bytes_equal(fcinfo));
}

PG_FUNCTION_INFO_V1(mr_varlena_hash);
Datum
mr_varlena_hash(PG_FUNCTION_ARGS)
{
	struct varlena *a = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));

	return hash_any((unsigned char *) VARDATA_ANY(a), VARSIZE_ANY_EXHDR(a));
}

PG_FUNCTION_INFO_V1(mr_varlena_hash_extended);
Datum
mr_varlena_hash_extended(PG_FUNCTION_ARGS)
{
	struct varlena *a = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));

	return hash_any_extended((unsigned char *) VARDATA_ANY(a), VARSIZE_ANY_EXHDR(a),
							 PG_GETARG_INT64(1));
}
