/*
 * period.c: the period table an agency publishes, as an aggregate over case
 * histories (period_flows(h, from, to [, persons])), and the age of the
 * backlog (days_pending(h, at)).
 *
 * A period is (from, to]: its opening stock is what is pending at `from`
 * (is_pending()), its flows the events after `from` up to `to`, its closing
 * stock what is pending at `to`.  Per history, each event whose previous
 * state was not pending and whose state is pending is an entry: a claim
 * lodged (applied) or any other (reopened: an appeal lodged, a case
 * readmitted); each decision (decisions()) counts by level and outcome.  A
 * history whose first event is a pending state other than claim_lodged
 * (admitted, interviewed, under_appeal) began before the data: it is taken
 * to have been pending since before its first event, so it is opening stock,
 * not an entry.
 *
 * The state is an int8[] of the counters below (a plain array: parallel
 * plans combine it without serialization).  The final function checks the
 * published identity closing = opening + applied - decided and reports what
 * it leaves out (identity_gap: the entries other than claims), and what
 * even the entries do not explain (unexplained = closing - (opening +
 * applied + reopened - decided)): in a timeline the procedure allows, every
 * decision takes the case out of the stock, so anything else is a timeline
 * with steps the procedure does not allow (a decision from a state that was
 * not pending, a case leaving the stock without a decision).
 */
#include "migrec.h"

#include "catalog/pg_type.h"
#include "common/int.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"

#include "protection_status_io.h"

enum
{
	P_OPENING,
	P_APPLIED,
	P_REOPENED,
	P_DECIDED,					/* 8 counters: level (2) x outcome (4) */
	P_CLOSING = P_DECIDED + 8,
	P_UNIT,						/* 1 cases, 2 persons, 0 none yet */
	P_NSLOTS
};

/* Did the history begin before the data (first event pending, not a claim)? */
static mr_level
level_before(const uint8 *st, int n)
{
	if (n > 0 && st[0] != MR_ST_CLAIM_LODGED)
		return mr_pending_level(st[0]);
	return MR_LEVEL_NONE;
}

static mr_level
pending_at(const int64 *at, const uint8 *st, int n, TimestampTz t)
{
	int			k = mr_history_index_at(at, n, t);

	return k >= 0 ? mr_pending_level(st[k]) : level_before(st, n);
}

static void
add(int64 *c, int64 w)
{
	if (pg_add_s64_overflow(*c, w, c))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("period_flows count out of range")));
}

static int64 *
state_counters(ArrayType *a)
{
	if (ARR_NDIM(a) != 1 || ARR_DIMS(a)[0] != P_NSLOTS || ARR_HASNULL(a) || ARR_ELEMTYPE(a) != INT8OID)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid period_flows state: expected %d int8 counters", P_NSLOTS)));
	return (int64 *) ARR_DATA_PTR(a);
}

/* period_flows_add(state int8[], h, from, to [, persons]) */
PG_FUNCTION_INFO_V1(period_flows_add);
Datum
period_flows_add(PG_FUNCTION_ARGS)
{
	ArrayType  *a;
	int64	   *c;
	const int64 *at;
	const uint8 *st;
	int			n;
	TimestampTz from,
				to;
	int64		w = 1;
	int			unit = PG_NARGS() > 4 ? 2 : 1;
	mr_level	prev;

	if (!AggCheckCallContext(fcinfo, NULL))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("period_flows_add called outside an aggregate")));
	a = PG_GETARG_ARRAYTYPE_P(0);
	c = state_counters(a);
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
		PG_RETURN_ARRAYTYPE_P(a);
	if (unit == 2)
	{
		if (PG_ARGISNULL(4) || PG_GETARG_INT32(4) < 1)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("a case's persons count must be given and at least 1")));
		w = PG_GETARG_INT32(4);
	}
	if (c[P_UNIT] != 0 && c[P_UNIT] != unit)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot count cases and persons in one period table")));
	c[P_UNIT] = unit;
	from = PG_GETARG_TIMESTAMPTZ(2);
	to = PG_GETARG_TIMESTAMPTZ(3);
	if (to < from)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a period must not end before it starts")));
	n = mr_history_events(fcinfo, 1, false, &at, &st);

	if (pending_at(at, st, n, from) != MR_LEVEL_NONE)
		add(&c[P_OPENING], w);
	if (pending_at(at, st, n, to) != MR_LEVEL_NONE)
		add(&c[P_CLOSING], w);
	for (int k = mr_history_index_at(at, n, from) + 1; k < n && at[k] <= to; k++)
	{
		mr_level	cur = mr_pending_level(st[k]);
		mr_level	lvl = mr_event_level(st, k);

		prev = k == 0 ? level_before(st, n) : mr_pending_level(st[k - 1]);
		if (prev == MR_LEVEL_NONE && cur != MR_LEVEL_NONE)
			add(&c[st[k] == MR_ST_CLAIM_LODGED ? P_APPLIED : P_REOPENED], w);
		if (lvl != MR_LEVEL_NONE)
			add(&c[P_DECIDED + 4 * (lvl - 1) + (mr_statuses[st[k]].outcome - 1)], w);
	}
	PG_RETURN_ARRAYTYPE_P(a);
}

/* period_flows_combine(a, b): counters added (both non-NULL: INITCOND). */
PG_FUNCTION_INFO_V1(period_flows_combine);
Datum
period_flows_combine(PG_FUNCTION_ARGS)
{
	ArrayType  *a,
			   *b;
	int64	   *ca,
			   *cb;

	if (!AggCheckCallContext(fcinfo, NULL))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("period_flows_combine called outside an aggregate")));
	a = PG_GETARG_ARRAYTYPE_P(0);
	b = PG_GETARG_ARRAYTYPE_P(1);
	ca = state_counters(a);
	cb = state_counters(b);
	if (ca[P_UNIT] != 0 && cb[P_UNIT] != 0 && ca[P_UNIT] != cb[P_UNIT])
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot count cases and persons in one period table")));
	for (int i = 0; i < P_UNIT; i++)
		add(&ca[i], cb[i]);
	if (ca[P_UNIT] == 0)
		ca[P_UNIT] = cb[P_UNIT];
	PG_RETURN_ARRAYTYPE_P(a);
}

/* The period table's row (the composite type period_table_row). */
PG_FUNCTION_INFO_V1(period_flows_final);
Datum
period_flows_final(PG_FUNCTION_ARGS)
{
	ArrayType  *a = PG_GETARG_ARRAYTYPE_P(0);
	int64	   *c = state_counters(a);
	TupleDesc	tupdesc = mr_result_tupdesc(fcinfo);
	Datum		values[16];
	bool		nulls[16] = {0};
	int64		decided = 0;
	int			i = 0;

	Assert(tupdesc->natts == 16);
	for (int k = 0; k < 8; k++)
		decided += c[P_DECIDED + k];
	values[i++] = CStringGetTextDatum(c[P_UNIT] == 2 ? "persons" : "cases");
	values[i++] = Int64GetDatum(c[P_OPENING]);
	values[i++] = Int64GetDatum(c[P_APPLIED]);
	values[i++] = Int64GetDatum(c[P_REOPENED]);
	for (int k = 0; k < 8; k++)
		values[i++] = Int64GetDatum(c[P_DECIDED + k]);
	values[i++] = Int64GetDatum(decided);
	values[i++] = Int64GetDatum(c[P_CLOSING]);
	/* the published identity's residual, and what no flow explains */
	values[i++] = Int64GetDatum(c[P_CLOSING] - (c[P_OPENING] + c[P_APPLIED] - decided));
	values[i++] = Int64GetDatum(c[P_CLOSING] - (c[P_OPENING] + c[P_APPLIED] + c[P_REOPENED] - decided));
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/*
 * days_pending(h, at): calendar days (UTC) since the claim the case awaits a
 * decision on was lodged (its last claim_lodged at or before at; since its
 * first event for a history that began before the data), NULL when it is
 * not pending at `at`.
 */
PG_FUNCTION_INFO_V1(period_days_pending);
Datum
period_days_pending(PG_FUNCTION_ARGS)
{
	const int64 *at;
	const uint8 *st;
	int			n = mr_history_events(fcinfo, 0, false, &at, &st);
	TimestampTz t = PG_GETARG_TIMESTAMPTZ(1);
	int			k = mr_history_index_at(at, n, t);
	int			j;
	int64		days;

	if (k < 0 || mr_pending_level(st[k]) == MR_LEVEL_NONE || TIMESTAMP_NOT_FINITE(t))
		PG_RETURN_NULL();
	for (j = k; j > 0 && st[j] != MR_ST_CLAIM_LODGED; j--)
		;
	if (TIMESTAMP_NOT_FINITE(at[j]))
		PG_RETURN_NULL();
	days = mr_timestamp_day(t) - mr_timestamp_day(at[j]);
	PG_RETURN_INT32((int32) days);
}
