/*
 * migrec.c: the module's magic block and helpers shared by the types.
 */
#include "migrec.h"

#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "common/hashfn.h"
#include "datatype/timestamp.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "datetime_io.h"

PG_MODULE_MAGIC;

/*
 * The plain-C layer restates PostgreSQL's date and timestamp limits (it sees
 * no PostgreSQL header); here, where both are visible, they must agree.  A
 * Julian day taken for a day since 2000-01-01 once let dates past the last
 * one PostgreSQL stores in: this is what catches such a slip.
 */
StaticAssertDecl(MR_TS_NOBEGIN == DT_NOBEGIN, "-infinity timestamp");
StaticAssertDecl(MR_TS_NOEND == DT_NOEND, "infinity timestamp");
StaticAssertDecl(MR_TS_MIN == MIN_TIMESTAMP, "first timestamp");
StaticAssertDecl(MR_TS_END == END_TIMESTAMP, "end of the timestamps");
StaticAssertDecl(MR_DATE_NOBEGIN == DATEVAL_NOBEGIN, "-infinity date");
StaticAssertDecl(MR_DATE_NOEND == DATEVAL_NOEND, "infinity date");
StaticAssertDecl(MR_DATE_MIN == DATETIME_MIN_JULIAN - POSTGRES_EPOCH_JDATE, "first date");
StaticAssertDecl(MR_DATE_END == DATE_END_JULIAN - POSTGRES_EPOCH_JDATE, "end of the dates");
StaticAssertDecl(MR_USECS_PER_DAY == USECS_PER_DAY, "microseconds a day");
StaticAssertDecl(MR_UNIX_TO_PG_DAYS == POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE,
				 "days from 1970-01-01 to 2000-01-01");

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
	char	   *u;

	/* SQL_ASCII text may hold anything: take the bytes as they are */
	if (GetDatabaseEncoding() == PG_SQL_ASCII)
		u = s;
	else
		u = (char *) pg_server_to_any(s, strlen(s), PG_UTF8);
	*len = strlen(u);
	return u;
}

/* UTF-8 with letters the server encoding lacks folded to ASCII, others "?". */
static char *
ascii_fallback(const char *s)
{
	size_t		len = strlen(s);
	char	   *out = palloc(len * 3 + 1);
	size_t		o = 0;

	for (size_t i = 0; i < len;)
	{
		unsigned char c = (unsigned char) s[i];
		int			n = (c < 0x80) ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
		uint32		cp = 0;

		if (n == 1)
		{
			out[o++] = (char) c;
			i++;
			continue;
		}
		if (i + n > len)
			break;
		cp = c & (0xFF >> (n + 1));
		for (int k = 1; k < n; k++)
			cp = (cp << 6) | ((unsigned char) s[i + k] & 0x3F);
		i += n;
		if (cp >= 0x0300 && cp <= 0x036F)
			continue;
		if (cp >= MR_FOLD_FIRST && cp <= MR_FOLD_LAST && mr_fold[cp - MR_FOLD_FIRST][0])
		{
			const char *f = mr_fold[cp - MR_FOLD_FIRST];

			memcpy(out + o, f, strlen(f));
			o += strlen(f);
		}
		else
			out[o++] = '?';
	}
	out[o] = '\0';
	return out;
}

text *
mr_utf8_to_text(const char *s)
{
	int			enc = GetDatabaseEncoding();
	char	   *conv = NULL;

	if (enc == PG_UTF8 || enc == PG_SQL_ASCII)
		return cstring_to_text(s);

	/*
	 * A name with a letter the server encoding lacks (Kǝngǝrli in LATIN1) is
	 * shown folded to ASCII rather than failing the whole query.  The
	 * conversion has no side effect but its allocation, so catching its
	 * error is safe.
	 */
	{
		MemoryContext cxt = CurrentMemoryContext;

		PG_TRY();
		{
			conv = pg_any_to_server(s, strlen(s), PG_UTF8);
		}
		PG_CATCH();
		{
			MemoryContextSwitchTo(cxt);
			FlushErrorState();
			conv = NULL;
		}
		PG_END_TRY();
	}
	if (conv == NULL)
		conv = pg_any_to_server(ascii_fallback(s), strlen(ascii_fallback(s)), PG_UTF8);
	return cstring_to_text(conv);
}

char *
mr_text_buffer(size_t size, const char *type)
{
	if (size == 0 || size > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s value too large to print", type)));
	return palloc(size);
}

TupleDesc
mr_result_tupdesc(FunctionCallInfo fcinfo)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	TupleDesc	tupdesc;

	/*
	 * A set-returning function gets its row type from the executor, which
	 * built it once per query: reading it from pg_proc on each call was half
	 * the time of events(h) over a table of histories (perf).
	 */
	if (rsinfo != NULL && IsA(rsinfo, ReturnSetInfo) && rsinfo->expectedDesc != NULL)
		return BlessTupleDesc(CreateTupleDescCopy(rsinfo->expectedDesc));
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

Datum
mr_srf_rows(FunctionCallInfo fcinfo, MrRowsSetup setup, MrRowFn row)
{
	FuncCallContext *funcctx;
	MrRows	   *rows;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext oldcontext;

		funcctx = SRF_FIRSTCALL_INIT();
		oldcontext = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		rows = palloc0(sizeof(MrRows));
		setup(fcinfo, rows);
		if (!rows->scalar)
		{
			funcctx->tuple_desc = mr_result_tupdesc(fcinfo);
			Assert(funcctx->tuple_desc->natts <= MR_SRF_MAX_COLUMNS);
		}
		funcctx->user_fctx = rows;
		funcctx->call_cntr = rows->first;
		funcctx->max_calls = rows->end;
		MemoryContextSwitchTo(oldcontext);
	}
	funcctx = SRF_PERCALL_SETUP();
	rows = (MrRows *) funcctx->user_fctx;
	while (funcctx->call_cntr < funcctx->max_calls)
	{
		Datum		values[MR_SRF_MAX_COLUMNS];
		bool		nulls[MR_SRF_MAX_COLUMNS] = {0};

		if (row(fcinfo, rows->arg, funcctx->call_cntr, values, nulls))
		{
			if (rows->scalar)
				SRF_RETURN_NEXT(funcctx, values[0]);
			SRF_RETURN_NEXT(funcctx,
							HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
		}
		funcctx->call_cntr++;
	}
	SRF_RETURN_DONE(funcctx);
}
