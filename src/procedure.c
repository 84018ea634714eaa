/*
 * procedure.c: decision levels and pending stocks from a case's
 * protection_history (the rules are mr_event_level() and mr_pending_level()
 * in protection_status_io.h).
 *
 * A level is the SQL enum procedure_level ('first_instance', 'appeal'), a
 * fixed-size value that postgres_fdw can ship (a text constant carries a
 * collation that keeps a query on the coordinator).  Enum values are
 * catalog OIDs: they are looked up once per calling expression (fn_extra),
 * in the schema of the calling function, which is the extension's.  The
 * functions stay IMMUTABLE: an enum label's OID does not change while the
 * type exists.
 */
#include "migrec.h"

#include "catalog/pg_enum.h"
#include "catalog/pg_type.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

#include "procedure.h"
#include "protection_status_io.h"

static const char *const level_labels[MR_NLEVELS] = {NULL, "first_instance", "appeal"};

void
mr_level_oids_lookup(Oid fn_oid, MrLevelOids *lo)
{
	Oid			nsp = get_func_namespace(fn_oid);

	lo->typid = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
								CStringGetDatum("procedure_level"), ObjectIdGetDatum(nsp));
	if (!OidIsValid(lo->typid))
		elog(ERROR, "type procedure_level not found in the schema of function %u", fn_oid);
	lo->label[MR_LEVEL_NONE] = InvalidOid;
	for (int l = 1; l < MR_NLEVELS; l++)
	{
		lo->label[l] = GetSysCacheOid2(ENUMTYPOIDNAME, Anum_pg_enum_oid,
									   ObjectIdGetDatum(lo->typid), CStringGetDatum(level_labels[l]));
		if (!OidIsValid(lo->label[l]))
			elog(ERROR, "procedure_level has no label %s", level_labels[l]);
	}
}

const MrLevelOids *
mr_level_oids(FunctionCallInfo fcinfo)
{
	MrLevelOids *lo = fcinfo->flinfo->fn_extra;

	if (lo == NULL)
	{
		lo = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(MrLevelOids));
		mr_level_oids_lookup(fcinfo->flinfo->fn_oid, lo);
		fcinfo->flinfo->fn_extra = lo;
	}
	return lo;
}

mr_level
mr_level_of_oid(const MrLevelOids *lo, Oid label)
{
	for (int l = 1; l < MR_NLEVELS; l++)
		if (lo->label[l] == label)
			return (mr_level) l;
	/* an enum value of this type always is one of its labels */
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid procedure_level value: %u", label)));
	return MR_LEVEL_NONE;
}

/* decision_level(h, at): the level of the last decision at or before at. */
PG_FUNCTION_INFO_V1(procedure_decision_level);
Datum
procedure_decision_level(PG_FUNCTION_ARGS)
{
	const int64 *at;
	const uint8 *st;
	int			n = mr_history_events(fcinfo, 0, false, &at, &st);
	TimestampTz t = PG_GETARG_TIMESTAMPTZ(1);

	for (int k = mr_history_index_at(at, n, t); k >= 0; k--)
	{
		mr_level	l = mr_event_level(st, k);

		if (l != MR_LEVEL_NONE)
			PG_RETURN_OID(mr_level_oids(fcinfo)->label[l]);
	}
	PG_RETURN_NULL();
}

/* The level a case awaits a decision at, at time t (NONE: not pending). */
static mr_level
pending_at(FunctionCallInfo fcinfo)
{
	const int64 *at;
	const uint8 *st;
	int			n = mr_history_events(fcinfo, 0, false, &at, &st);
	int			k = mr_history_index_at(at, n, PG_GETARG_TIMESTAMPTZ(1));

	return k < 0 ? MR_LEVEL_NONE : mr_pending_level(st[k]);
}

PG_FUNCTION_INFO_V1(procedure_is_pending);
Datum
procedure_is_pending(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(pending_at(fcinfo) != MR_LEVEL_NONE);
}

PG_FUNCTION_INFO_V1(procedure_pending_level);
Datum
procedure_pending_level(PG_FUNCTION_ARGS)
{
	mr_level	l = pending_at(fcinfo);

	if (l == MR_LEVEL_NONE)
		PG_RETURN_NULL();
	PG_RETURN_OID(mr_level_oids(fcinfo)->label[l]);
}

/* decisions(h): (status, level, at) for each decision of the history. */
typedef struct DecisionRows
{
	int			n;
	const int64 *at;
	const uint8 *st;
	MrLevelOids oids;
} DecisionRows;

static void
decisions_setup(FunctionCallInfo fcinfo, MrRows *rows)
{
	DecisionRows *d = palloc(sizeof(DecisionRows));

	d->n = mr_history_events(fcinfo, 0, true, &d->at, &d->st);
	mr_level_oids_lookup(fcinfo->flinfo->fn_oid, &d->oids);
	rows->arg = d;
	rows->end = d->n;
}

static bool
decision_row(FunctionCallInfo fcinfo, void *arg, uint64 k, Datum *values, bool *nulls)
{
	DecisionRows *d = arg;
	mr_level	l = mr_event_level(d->st, (int) k);

	(void) fcinfo, (void) nulls;
	if (l == MR_LEVEL_NONE)
		return false;
	values[0] = ProtectionStatusGetDatum(d->st[k]);
	values[1] = ObjectIdGetDatum(d->oids.label[l]);
	values[2] = TimestampTzGetDatum(d->at[k]);
	return true;
}

PG_FUNCTION_INFO_V1(procedure_decisions);
Datum
procedure_decisions(PG_FUNCTION_ARGS)
{
	return mr_srf_rows(fcinfo, decisions_setup, decision_row);
}
