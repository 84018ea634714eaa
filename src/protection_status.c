/*
 * protection_status.c: the protection_status type (1 byte, passed by
 * value), the procedure's transition table and the functions on states.
 *
 * The value is the state's position in the pipeline order (1..19), so
 * comparison and hashing reuse core's "char" functions (bound in the
 * install script; they compare as unsigned bytes).
 */
#include "migrec.h"

#include "funcapi.h"
#include "libpq/pqformat.h"
#include "port/pg_bitutils.h"
#include "utils/builtins.h"
#include "utils/sortsupport.h"

#include "protection_status_io.h"

StaticAssertDecl(sizeof(uint8) == PROTECTION_STATUS_INTERNALLENGTH,
				 "protection_status is INTERNALLENGTH 1, passed by value as a byte");

static const char *const outcome_names[] = {
	NULL, "recognized", "complementary", "rejected", "otherwise_closed"
};

PG_FUNCTION_INFO_V1(protection_status_in);
Datum
protection_status_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	int			v;
	size_t		errpos;
	mr_status	st = mr_protection_status_parse(str, strlen(str), &v, &errpos);

	if (st != MR_OK)
	{
		char		suggestions[128];

		if (mr_protection_status_suggest(str, strlen(str), suggestions, sizeof(suggestions)) > 0)
			mr_input_error(fcinfo,
						   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							errmsg("invalid input syntax for type %s: \"%s\"", "protection_status", str),
							errhint("Did you mean %s?", suggestions)));
		else
			mr_input_error(fcinfo,
						   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							errmsg("invalid input syntax for type %s: \"%s\"", "protection_status", str),
							errhint("SELECT status FROM protection_statuses() lists the states.")));
		PG_RETURN_NULL();
	}
	PG_RETURN_PROTECTION_STATUS(v);
}

PG_FUNCTION_INFO_V1(protection_status_out);
Datum
protection_status_out(PG_FUNCTION_ARGS)
{
	int			v = PG_GETARG_PROTECTION_STATUS(0);

	if (!mr_status_value_valid(v))	/* only a corrupt datum gets here */
		mr_corrupt_value("protection_status");
	PG_RETURN_CSTRING(pstrdup(mr_statuses[v].name));
}

/* Binary form: one byte, the position in the pipeline order (1..19). */
PG_FUNCTION_INFO_V1(protection_status_recv);
Datum
protection_status_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			v = pq_getmsgbyte(buf);

	if (!mr_status_value_valid(v))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external protection_status value %d", v)));
	PG_RETURN_PROTECTION_STATUS(v);
}

PG_FUNCTION_INFO_V1(protection_status_send);
Datum
protection_status_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, PG_GETARG_PROTECTION_STATUS(0));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

#if PG_VERSION_NUM < 150000
static int
status_fastcmp(Datum a, Datum b, SortSupport ssup)
{
	(void) ssup;
	return (int) DatumGetUInt8(a) - (int) DatumGetUInt8(b);
}
#endif

PG_FUNCTION_INFO_V1(protection_status_sortsupport);
Datum
protection_status_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

#if PG_VERSION_NUM >= 150000
	/* lets tuplesort use its specialized unsigned-datum quicksort */
	ssup->comparator = ssup_datum_unsigned_cmp;
#else
	ssup->comparator = status_fastcmp;
#endif
	PG_RETURN_VOID();
}

/* The argument, checked: only a corrupt datum fails. */
static int
status_arg(FunctionCallInfo fcinfo, int n)
{
	int			v = PG_GETARG_PROTECTION_STATUS(n);

	if (!mr_status_value_valid(v))
		mr_corrupt_value("protection_status");
	return v;
}

PG_FUNCTION_INFO_V1(protection_status_can_transition);
Datum
protection_status_can_transition(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(mr_can_transition(status_arg(fcinfo, 0), status_arg(fcinfo, 1)));
}

PG_FUNCTION_INFO_V1(protection_status_is_terminal);
Datum
protection_status_is_terminal(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(mr_statuses[status_arg(fcinfo, 0)].terminal);
}

PG_FUNCTION_INFO_V1(protection_status_is_decision);
Datum
protection_status_is_decision(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(mr_is_decision(status_arg(fcinfo, 0)));
}

PG_FUNCTION_INFO_V1(protection_status_decision_outcome);
Datum
protection_status_decision_outcome(PG_FUNCTION_ARGS)
{
	int			o = mr_statuses[status_arg(fcinfo, 0)].outcome;

	if (o == MR_OUTCOME_NONE)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(outcome_names[o]));
}

static const char *
status_label_utf8(int v, text *lang)
{
	mr_lang		l = mr_lang_arg(lang);

	if (l == MR_LANG_EN)
		return mr_statuses[v].label_en;
	if (l == MR_LANG_ES)
		return mr_statuses[v].label_es;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unsupported language for status labels: \"%s\"", text_to_cstring(lang)),
			 errhint("Status labels exist in en and es.")));
	return NULL;				/* keep compiler quiet */
}

PG_FUNCTION_INFO_V1(protection_status_label);
Datum
protection_status_label(PG_FUNCTION_ARGS)
{
	int			v = status_arg(fcinfo, 0);

	PG_RETURN_TEXT_P(mr_utf8_to_text(status_label_utf8(v, PG_GETARG_TEXT_PP(1))));
}

/* k runs over the states, in pipeline order. */
static void
statuses_setup(FunctionCallInfo fcinfo, MrRows *rows)
{
	(void) fcinfo;
	rows->first = 1;
	rows->end = mr_nstatuses + 1;
}

/* next_statuses(s): the states that may follow s, in pipeline order. */
static void
next_setup(FunctionCallInfo fcinfo, MrRows *rows)
{
	statuses_setup(fcinfo, rows);
	rows->scalar = true;
}

static bool
next_row(FunctionCallInfo fcinfo, void *arg, uint64 k, Datum *values, bool *nulls)
{
	(void) arg, (void) nulls;
	if (!mr_can_transition(status_arg(fcinfo, 0), (int) k))
		return false;
	values[0] = ProtectionStatusGetDatum(k);
	return true;
}

PG_FUNCTION_INFO_V1(protection_status_next);
Datum
protection_status_next(PG_FUNCTION_ARGS)
{
	return mr_srf_rows(fcinfo, next_setup, next_row);
}

/* protection_statuses(): one row per state, in pipeline order. */
static bool
status_row(FunctionCallInfo fcinfo, void *arg, uint64 k, Datum *values, bool *nulls)
{
	int			v = (int) k;
	const mr_status_info *info = &mr_statuses[v];

	(void) fcinfo, (void) arg;
	values[0] = ProtectionStatusGetDatum(v);
	values[1] = Int32GetDatum(v);
	values[2] = PointerGetDatum(mr_utf8_to_text(info->label_en));
	values[3] = PointerGetDatum(mr_utf8_to_text(info->label_es));
	values[4] = BoolGetDatum(info->terminal);
	values[5] = BoolGetDatum(mr_is_decision(v));
	nulls[6] = info->outcome == MR_OUTCOME_NONE;
	values[6] = nulls[6] ? (Datum) 0 : PointerGetDatum(cstring_to_text(outcome_names[info->outcome]));
	values[7] = Int32GetDatum(pg_popcount32(info->next));
	return true;
}

PG_FUNCTION_INFO_V1(protection_statuses);
Datum
protection_statuses(PG_FUNCTION_ARGS)
{
	return mr_srf_rows(fcinfo, statuses_setup, status_row);
}

/* protection_transitions(): one row per allowed step; k walks the (from, to) grid. */
static void
transitions_setup(FunctionCallInfo fcinfo, MrRows *rows)
{
	(void) fcinfo;
	rows->end = (uint64) mr_nstatuses * mr_nstatuses;
}

static bool
transition_row(FunctionCallInfo fcinfo, void *arg, uint64 k, Datum *values, bool *nulls)
{
	int			from = (int) k / mr_nstatuses + 1;
	int			to = (int) k % mr_nstatuses + 1;

	(void) fcinfo, (void) arg, (void) nulls;
	if (!mr_can_transition(from, to))
		return false;
	values[0] = ProtectionStatusGetDatum(from);
	values[1] = ProtectionStatusGetDatum(to);
	return true;
}

PG_FUNCTION_INFO_V1(protection_transitions);
Datum
protection_transitions(PG_FUNCTION_ARGS)
{
	return mr_srf_rows(fcinfo, transitions_setup, transition_row);
}

/* The earlier and the later of two states, for min() and max(). */
PG_FUNCTION_INFO_V1(protection_status_smaller);
Datum
protection_status_smaller(PG_FUNCTION_ARGS)
{
	int			a = PG_GETARG_PROTECTION_STATUS(0),
				b = PG_GETARG_PROTECTION_STATUS(1);

	PG_RETURN_PROTECTION_STATUS(a < b ? a : b);
}

PG_FUNCTION_INFO_V1(protection_status_larger);
Datum
protection_status_larger(PG_FUNCTION_ARGS)
{
	int			a = PG_GETARG_PROTECTION_STATUS(0),
				b = PG_GETARG_PROTECTION_STATUS(1);

	PG_RETURN_PROTECTION_STATUS(a > b ? a : b);
}
