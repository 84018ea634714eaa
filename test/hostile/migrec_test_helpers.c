/*
 * migrec_test_helpers.c: a test-only module (never installed with migrec)
 * that hands bytes to a type's binary receive function, as a client's binary
 * COPY or bind message would, so that SQL tests can feed hostile input to
 * every type fast; and that shows the C side of the types' layouts, for the
 * layout test to compare with the catalog.
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#if PG_VERSION_NUM >= 160000
#include "varatt.h"				/* VARDATA_ANY: no longer in postgres.h */
#endif

#include "accompaniment_io.h"
#include "age_band_io.h"
#include "decision_tally_io.h"
#include "level_tally_io.h"
#include "demography_io.h"
#include "encounter_io.h"
#include "linkage_io.h"
#include "nationality_io.h"
#include "place_io.h"
#include "protection_status_io.h"
#include "repeat_tally_io.h"
#include "route_io.h"
#include "sex_io.h"

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

/*
 * c_layout(): for each type, the length the C code takes it to have
 * (its named INTERNALLENGTH constant, -1 for varlena), whether it passes
 * by value, and the alignment its C representation needs.
 */
PG_FUNCTION_INFO_V1(c_layout);
Datum
c_layout(PG_FUNCTION_ARGS)
{
	static const struct
	{
		const char *type;
		int			length;
		bool		byval;
		int			align;
	}			layouts[] = {
		{"nationality", NATIONALITY_INTERNALLENGTH, true, _Alignof(int16)},
		{"place", PLACE_INTERNALLENGTH, true, _Alignof(int32)},
		{"protection_status", PROTECTION_STATUS_INTERNALLENGTH, true, _Alignof(uint8)},
		{"decision_tally", DECISION_TALLY_INTERNALLENGTH, false, _Alignof(mr_decision_tally)},
		{"level_tally", LEVEL_TALLY_INTERNALLENGTH, false, _Alignof(mr_level_tally)},
		{"route_segment", ROUTE_SEGMENT_INTERNALLENGTH, false, _Alignof(mr_route_segment)},
		{"age_scheme", AGE_SCHEME_INTERNALLENGTH, true, _Alignof(uint8)},
		{"age_band", AGE_BAND_INTERNALLENGTH, true, _Alignof(uint8)},
		{"sex", SEX_INTERNALLENGTH, true, _Alignof(uint8)},
		{"accompaniment", ACCOMPANIMENT_INTERNALLENGTH, true, _Alignof(uint8)},
		{"encounter", ENCOUNTER_INTERNALLENGTH, true, _Alignof(uint8)},
		{"repeat_tally", REPEAT_TALLY_INTERNALLENGTH, false, _Alignof(mr_repeat_tally)},
		/* int8's layout: passed by value where int8 is */
		{"person_key", PERSON_KEY_INTERNALLENGTH, FLOAT8PASSBYVAL, _Alignof(int64)},
		{"clk", CLK_INTERNALLENGTH, false, _Alignof(mr_clk)},
		/* varlena: the alignment of what follows their header */
		{"protection_history", -1, false, _Alignof(int64)},
		{"route", -1, false, _Alignof(mr_route_segment)},
		{"transit_profile", -1, false, _Alignof(int64)},
		{"flow_series", -1, false, _Alignof(int64)},
		{"demography", -1, false, _Alignof(int64)},
	};
	FuncCallContext *funcctx;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext old;

		funcctx = SRF_FIRSTCALL_INIT();
		old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		if (get_call_result_type(fcinfo, NULL, &funcctx->tuple_desc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "c_layout must return a row type");
		funcctx->tuple_desc = BlessTupleDesc(funcctx->tuple_desc);
		funcctx->max_calls = lengthof(layouts);
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		int			k = (int) funcctx->call_cntr;
		Datum		values[4];
		bool		nulls[4] = {0};

		values[0] = CStringGetTextDatum(layouts[k].type);
		values[1] = Int32GetDatum(layouts[k].length);
		values[2] = BoolGetDatum(layouts[k].byval);
		values[3] = Int32GetDatum(layouts[k].align);
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}
