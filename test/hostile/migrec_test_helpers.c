/*
 * migrec_test_helpers.c: a test-only module (never installed with migrec)
 * that hands bytes to a type's binary receive function, as a client's binary
 * COPY or bind message would, so that SQL tests can feed hostile input to
 * every type fast.
 */
#include "postgres.h"

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#if PG_VERSION_NUM >= 160000
#include "varatt.h"				/* VARDATA_ANY: no longer in postgres.h */
#endif

PG_MODULE_MAGIC;

/*
 * recv_as(bytes, type): the value the type's receive function makes of the
 * bytes, as text; the same error as COPY BINARY when bytes are left over.
 */
PG_FUNCTION_INFO_V1(recv_as);
Datum
recv_as(PG_FUNCTION_ARGS)
{
	bytea	   *bytes = PG_GETARG_BYTEA_PP(0);
	Oid			type = PG_GETARG_OID(1);
	Oid			receive,
				ioparam,
				output;
	bool		varlena;
	StringInfoData buf;
	Datum		value;

	getTypeBinaryInputInfo(type, &receive, &ioparam);
	initStringInfo(&buf);
	appendBinaryStringInfo(&buf, VARDATA_ANY(bytes), VARSIZE_ANY_EXHDR(bytes));
	value = OidReceiveFunctionCall(receive, &buf, ioparam, -1);
	if (buf.cursor != buf.len)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("incorrect binary data format")));
	getTypeOutputInfo(type, &output, &varlena);
	PG_RETURN_TEXT_P(cstring_to_text(OidOutputFunctionCall(output, value)));
}
