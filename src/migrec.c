/*
 * migrec.c: the module's magic block and helpers shared by the types.
 */
#include "migrec.h"

#include "funcapi.h"
#include "mb/pg_wchar.h"
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
