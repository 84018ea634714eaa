/*
 * decision_tally.c: the decision_tally type (32 bytes, by reference) and the
 * UNHCR rate aggregates built on it: recognition_rate, total_recognition_rate
 * and decision_counts over protection_status, unweighted (one row, one
 * decision) and weighted (a count table's row: n decisions), and
 * decision_tally() to compute a tally and to merge tallies.
 *
 * The tally is the aggregates' state: it needs no serialization for parallel
 * query, its combine function adds counts, and its inverse transition
 * subtracts them, so a rolling rate over a window frame costs O(1) a row.
 * Transition functions update the state in place when called as aggregates.
 */
#include "migrec.h"

#include "common/int.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "nodes/execnodes.h"
#include "utils/builtins.h"

#include "decision_tally_io.h"
#include "protection_status_io.h"

StaticAssertDecl(sizeof(mr_decision_tally) == DECISION_TALLY_INTERNALLENGTH,
				 "decision_tally is INTERNALLENGTH 32 bytes");

/* A tally argument; its invariants asserted (only corruption breaks them). */
static inline mr_decision_tally *
tally_arg(FunctionCallInfo fcinfo, int argno)
{
	mr_decision_tally *t = (mr_decision_tally *) PG_GETARG_POINTER(argno);

	Assert(mr_decision_tally_valid(t));
	return t;
}

#define PG_GETARG_TALLY(n) tally_arg(fcinfo, (n))

PG_FUNCTION_INFO_V1(decision_tally_in);
Datum
decision_tally_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	mr_decision_tally *t = palloc(sizeof(mr_decision_tally));
	size_t		errpos;
	mr_status	st = mr_decision_tally_parse(str, strlen(str), t, &errpos);

	if (st == MR_ERR_OUT_OF_RANGE)
	{
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						errmsg("count out of range in decision_tally: \"%s\"", str)));
		PG_RETURN_NULL();
	}
	if (st != MR_OK)
	{
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type %s: \"%s\"", "decision_tally", str),
						errdetail("Unexpected input at position %d.", (int) errpos + 1),
						errhint("A decision_tally reads (recognized=N,complementary=N,rejected=N,otherwise_closed=N).")));
		PG_RETURN_NULL();
	}
	PG_RETURN_POINTER(t);
}

PG_FUNCTION_INFO_V1(decision_tally_out);
Datum
decision_tally_out(PG_FUNCTION_ARGS)
{
	char	   *out = palloc(DECISION_TALLY_TEXT_SIZE);

	mr_decision_tally_format(PG_GETARG_TALLY(0), out);
	PG_RETURN_CSTRING(out);
}

/* Binary form: the four counts as big-endian int8, in text order. */
PG_FUNCTION_INFO_V1(decision_tally_recv);
Datum
decision_tally_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	mr_decision_tally *t = palloc(sizeof(mr_decision_tally));

	t->recognized = pq_getmsgint64(buf);
	t->complementary = pq_getmsgint64(buf);
	t->rejected = pq_getmsgint64(buf);
	t->otherwise_closed = pq_getmsgint64(buf);
	if (!mr_decision_tally_valid(t))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external decision_tally value: negative count")));
	PG_RETURN_POINTER(t);
}

PG_FUNCTION_INFO_V1(decision_tally_send);
Datum
decision_tally_send(PG_FUNCTION_ARGS)
{
	mr_decision_tally *t = PG_GETARG_TALLY(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint64(&buf, t->recognized);
	pq_sendint64(&buf, t->complementary);
	pq_sendint64(&buf, t->rejected);
	pq_sendint64(&buf, t->otherwise_closed);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/*
 * The state to update: the argument itself inside an aggregate (it lives in
 * the aggregate's memory and nobody else sees it), a copy otherwise.
 */
static inline mr_decision_tally *
writable_tally(FunctionCallInfo fcinfo, int argno)
{
	mr_decision_tally *t = PG_GETARG_TALLY(argno);

	/*
	 * AggCheckCallContext(fcinfo, NULL) != 0, written out: it runs on every
	 * row, and a call into the server there is a measurable share of a
	 * count-table aggregate's cost.
	 */
	if (fcinfo->context != NULL &&
		(IsA(fcinfo->context, AggState) || IsA(fcinfo->context, WindowAggState)))
		return t;
	return (mr_decision_tally *) memcpy(palloc(sizeof(mr_decision_tally)), t, sizeof(mr_decision_tally));
}

static int64 *
outcome_counter(mr_decision_tally *t, int status)
{
	if (!mr_status_value_valid(status))	/* only a corrupt datum */
		mr_corrupt_value("protection_status");
	switch (mr_statuses[status].outcome)
	{
		case MR_OUTCOME_RECOGNIZED:
			return &t->recognized;
		case MR_OUTCOME_COMPLEMENTARY:
			return &t->complementary;
		case MR_OUTCOME_REJECTED:
			return &t->rejected;
		case MR_OUTCOME_OTHERWISE_CLOSED:
			return &t->otherwise_closed;
		default:
			return NULL;
	}
}

static inline void
add_count(int64 *a, int64 b)
{
	if (unlikely(pg_add_s64_overflow(*a, b, a)))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("decision_tally count out of range")));
}

/* decision_tally_add(tally, status): the transition function. */
PG_FUNCTION_INFO_V1(decision_tally_add);
Datum
decision_tally_add(PG_FUNCTION_ARGS)
{
	mr_decision_tally *t = writable_tally(fcinfo, 0);
	int64	   *counter = outcome_counter(t, PG_GETARG_PROTECTION_STATUS(1));

	if (counter)
		(*counter)++;
	Assert(mr_decision_tally_valid(t));
	PG_RETURN_POINTER(t);
}

/* decision_tally_remove(tally, status): the inverse, for moving frames. */
PG_FUNCTION_INFO_V1(decision_tally_remove);
Datum
decision_tally_remove(PG_FUNCTION_ARGS)
{
	mr_decision_tally *t = writable_tally(fcinfo, 0);
	int64	   *counter = outcome_counter(t, PG_GETARG_PROTECTION_STATUS(1));

	if (counter)
	{
		if (*counter <= 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot remove a decision the tally does not hold")));
		(*counter)--;
	}
	Assert(mr_decision_tally_valid(t));
	PG_RETURN_POINTER(t);
}


/*
 * The count of a row of a count table (the weighted forms' n): 0 adds
 * nothing, a negative count is an error, never a silent subtraction.
 */
static inline int64
row_count(FunctionCallInfo fcinfo, int argno)
{
	int64		n = PG_GETARG_INT64(argno);

	if (unlikely(n < 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("decision count must not be negative: %lld", (long long) n),
				 errhint("A count table's rows count decisions: fix or filter out the negative row.")));
	return n;
}

/*
 * decision_tally_add(tally, status, n): the transition function of the
 * weighted forms (a count table's row: n decisions of one status).  The
 * state is the same tally as the unweighted forms', so their results merge.
 */

/*
 * Where a status is counted in a tally: the offset of its count, and a
 * mask that keeps n for a decision and makes it 0 for any other status (it
 * is then added to a count, which it leaves unchanged).  A table filled on
 * first use from the statuses' outcomes, read without a branch: over a count
 * table whose statuses come in no order, a branch on the outcome is
 * mispredicted on most rows, and the weighted aggregates are meant to cost
 * about what sum(n) costs.
 */
typedef struct StatusSlot
{
	uint32		offset;
	int64		mask;
} StatusSlot;

#define STATUS_SLOTS 256			/* a protection_status is one byte */
static StatusSlot status_slot[STATUS_SLOTS];
static bool status_slot_ready = false;

pg_noinline static void
status_slot_fill(void)
{
	for (int s = 0; s < STATUS_SLOTS; s++)
	{
		mr_decision_tally t;
		int64	   *counter = mr_status_value_valid(s) ? outcome_counter(&t, s) : NULL;

		status_slot[s].offset = counter ? (uint32) ((char *) counter - (char *) &t) : 0;
		status_slot[s].mask = counter ? -1 : 0;
	}
	status_slot_ready = true;
}

PG_FUNCTION_INFO_V1(decision_tally_add_n);
Datum
decision_tally_add_n(PG_FUNCTION_ARGS)
{
	mr_decision_tally *t = writable_tally(fcinfo, 0);
	int			status = PG_GETARG_PROTECTION_STATUS(1);
	int64		n = row_count(fcinfo, 2);
	const StatusSlot *slot;

	if (unlikely(!mr_status_value_valid(status)))	/* only a corrupt datum */
		mr_corrupt_value("protection_status");
	if (unlikely(!status_slot_ready))
		status_slot_fill();
	slot = &status_slot[status];
	add_count((int64 *) ((char *) t + slot->offset), n & slot->mask);
	Assert(mr_decision_tally_valid(t));
	PG_RETURN_POINTER(t);
}

/* decision_tally_remove(tally, status, n): its inverse, for moving frames. */
PG_FUNCTION_INFO_V1(decision_tally_remove_n);
Datum
decision_tally_remove_n(PG_FUNCTION_ARGS)
{
	mr_decision_tally *t = writable_tally(fcinfo, 0);
	int64	   *counter = outcome_counter(t, PG_GETARG_PROTECTION_STATUS(1));
	int64		n = row_count(fcinfo, 2);

	if (counter)
	{
		if (*counter < n)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot remove decisions the tally does not hold")));
		*counter -= n;
	}
	Assert(mr_decision_tally_valid(t));
	PG_RETURN_POINTER(t);
}

/*
 * decision_tally_merge(a, b): the sum of two tallies; the combine function
 * and the transition of the merging aggregate.  Either may be NULL.
 */
PG_FUNCTION_INFO_V1(decision_tally_merge);
Datum
decision_tally_merge(PG_FUNCTION_ARGS)
{
	mr_decision_tally *t,
			   *b;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	b = PG_GETARG_TALLY(1);
	if (PG_ARGISNULL(0))
	{
		MemoryContext aggcontext;

		/* the result becomes the aggregate's state: copy it into its memory */
		if (AggCheckCallContext(fcinfo, &aggcontext))
			t = MemoryContextAlloc(aggcontext, sizeof(mr_decision_tally));
		else
			t = palloc(sizeof(mr_decision_tally));
		memcpy(t, b, sizeof(mr_decision_tally));
		Assert(mr_decision_tally_valid(t));
		PG_RETURN_POINTER(t);
	}
	t = writable_tally(fcinfo, 0);
	add_count(&t->recognized, b->recognized);
	add_count(&t->complementary, b->complementary);
	add_count(&t->rejected, b->rejected);
	add_count(&t->otherwise_closed, b->otherwise_closed);
	Assert(mr_decision_tally_valid(t));
	PG_RETURN_POINTER(t);
}

/*
 * The share of the substantive decisions (recognized, complementary,
 * rejected) that recognized (UNHCR's recognition rate) or recognized or gave
 * complementary protection (its total recognition rate); NULL without any.
 */
static Datum
substantive_share(FunctionCallInfo fcinfo, bool with_complementary)
{
	mr_decision_tally *t = PG_GETARG_TALLY(0);
	double		substantive = (double) t->recognized + (double) t->complementary +
		(double) t->rejected;

	if (substantive == 0)
		PG_RETURN_NULL();
	if (with_complementary)
		PG_RETURN_FLOAT8(((double) t->recognized + (double) t->complementary) / substantive);
	PG_RETURN_FLOAT8((double) t->recognized / substantive);
}

PG_FUNCTION_INFO_V1(decision_tally_recognition_rate);
Datum
decision_tally_recognition_rate(PG_FUNCTION_ARGS)
{
	return substantive_share(fcinfo, false);
}

PG_FUNCTION_INFO_V1(decision_tally_total_recognition_rate);
Datum
decision_tally_total_recognition_rate(PG_FUNCTION_ARGS)
{
	return substantive_share(fcinfo, true);
}

/* The four counts as the composite type decision_counts. */
PG_FUNCTION_INFO_V1(decision_tally_counts);
Datum
decision_tally_counts(PG_FUNCTION_ARGS)
{
	mr_decision_tally *t = PG_GETARG_TALLY(0);
	TupleDesc	tupdesc = mr_result_tupdesc(fcinfo);
	Datum		values[4];
	bool		nulls[4] = {0};

	values[0] = Int64GetDatum(t->recognized);
	values[1] = Int64GetDatum(t->complementary);
	values[2] = Int64GetDatum(t->rejected);
	values[3] = Int64GetDatum(t->otherwise_closed);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
