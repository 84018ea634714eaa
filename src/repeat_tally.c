/*
 * repeat_tally.c: the repeat_tally type (264 bytes, by reference) and its
 * aggregates: repeat_tally(encounters per individual) tallies individuals,
 * repeat_tally(repeat_tally) merges tallies of disjoint sets of people,
 * repeat_rate(encounters per individual) is Border Patrol's recidivism
 * rate.  decision_tally's pattern: the state is the type, combined by
 * adding, subtracted by the inverse transition, updated in place in an
 * aggregate.
 */
#include "migrec.h"

#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "repeat_tally_io.h"

StaticAssertDecl(sizeof(mr_repeat_tally) == 264, "repeat_tally is 264 bytes");

#define PG_GETARG_REPEAT_TALLY(n) ((mr_repeat_tally *) PG_GETARG_POINTER(n))

/* ---- state ---- */

/* A tally argument, checked: only a corrupt stored value fails. */
static mr_repeat_tally *
repeat_tally_arg(FunctionCallInfo fcinfo, int n)
{
	mr_repeat_tally *t = PG_GETARG_REPEAT_TALLY(n);

	if (!mr_repeat_tally_valid(t))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid repeat_tally value")));
	return t;
}

/*
 * The state to update: the argument itself inside an aggregate (its own
 * memory), a copy otherwise; a NULL state is an empty tally.
 */
static mr_repeat_tally *
repeat_tally_state(FunctionCallInfo fcinfo, int n)
{
	if (PG_ARGISNULL(n))
		return palloc0(sizeof(mr_repeat_tally));
	if (AggCheckCallContext(fcinfo, NULL))
		return PG_GETARG_REPEAT_TALLY(n);
	return (mr_repeat_tally *) memcpy(palloc(sizeof(mr_repeat_tally)), repeat_tally_arg(fcinfo, n),
									  sizeof(mr_repeat_tally));
}

static void
report(mr_status st)
{
	if (st == MR_ERR_OUT_OF_RANGE)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("repeat_tally count out of range")));
	if (st != MR_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot remove individuals the repeat_tally does not hold")));
}

/* ---- text and binary forms ---- */

PG_FUNCTION_INFO_V1(repeat_tally_in);
Datum
repeat_tally_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	mr_repeat_tally *t = palloc(sizeof(mr_repeat_tally));
	size_t		errpos;
	mr_status	st = repeat_tally_parse(str, strlen(str), t, &errpos);

	if (st == MR_ERR_OUT_OF_RANGE)
	{
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						errmsg("count out of range in repeat_tally: \"%s\"", str)));
		PG_RETURN_NULL();
	}
	if (st == MR_ERR_ORDER)
	{
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type %s: \"%s\"", "repeat_tally", str),
						errdetail("The encounters do not agree with the individuals: they must be the sum of each bin's encounters, at least 32 for each individual of 32+.")));
		PG_RETURN_NULL();
	}
	if (st != MR_OK)
	{
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type %s: \"%s\"", "repeat_tally", str),
						errdetail("Unexpected input at position %d.", (int) errpos + 1),
						errhint("A repeat_tally reads (individuals={1:N,2:N,...,32+:N},encounters=N).")));
		PG_RETURN_NULL();
	}
	PG_RETURN_POINTER(t);
}

PG_FUNCTION_INFO_V1(repeat_tally_out);
Datum
repeat_tally_out(PG_FUNCTION_ARGS)
{
	char	   *out = palloc(MR_REPEAT_TALLY_TEXT_SIZE);

	repeat_tally_format(repeat_tally_arg(fcinfo, 0), out);
	PG_RETURN_CSTRING(out);
}

/* Binary form: the 32 bins then the encounters, big-endian int8. */
PG_FUNCTION_INFO_V1(repeat_tally_recv);
Datum
repeat_tally_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	mr_repeat_tally *t = palloc(sizeof(mr_repeat_tally));

	for (int k = 0; k < MR_REPEAT_BINS; k++)
		t->individuals[k] = pq_getmsgint64(buf);
	t->encounters = pq_getmsgint64(buf);
	if (!mr_repeat_tally_valid(t))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external repeat_tally value: negative counts, or encounters that do not agree with them")));
	PG_RETURN_POINTER(t);
}

PG_FUNCTION_INFO_V1(repeat_tally_send);
Datum
repeat_tally_send(PG_FUNCTION_ARGS)
{
	mr_repeat_tally *t = repeat_tally_arg(fcinfo, 0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	for (int k = 0; k < MR_REPEAT_BINS; k++)
		pq_sendint64(&buf, t->individuals[k]);
	pq_sendint64(&buf, t->encounters);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---- transition functions ---- */

static Datum
repeat_tally_step(FunctionCallInfo fcinfo, int sign)
{
	mr_repeat_tally *t = repeat_tally_state(fcinfo, 0);
	int64		k = PG_GETARG_INT64(1);

	if (k < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("an individual's encounters must not be negative, not %lld", (long long) k)));
	/* 0: someone not encountered (an outer join's row), not an individual encountered */
	if (k > 0)
		report(mr_repeat_tally_add_one(t, k, 1, sign));
	PG_RETURN_POINTER(t);
}

/* repeat_tally_add(tally, encounters of one individual) */
PG_FUNCTION_INFO_V1(repeat_tally_add);
Datum
repeat_tally_add(PG_FUNCTION_ARGS)
{
	return repeat_tally_step(fcinfo, 1);
}

/* repeat_tally_remove(tally, encounters): the inverse, for window frames */
PG_FUNCTION_INFO_V1(repeat_tally_remove);
Datum
repeat_tally_remove(PG_FUNCTION_ARGS)
{
	return repeat_tally_step(fcinfo, -1);
}

static Datum
repeat_tally_combine(FunctionCallInfo fcinfo, int sign)
{
	mr_repeat_tally *a;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_POINTER(repeat_tally_state(fcinfo, 0));
	}
	a = repeat_tally_state(fcinfo, 0);
	report(mr_repeat_tally_add(a, repeat_tally_arg(fcinfo, 1), sign));
	PG_RETURN_POINTER(a);
}

/*
 * repeat_tally_merge(a, b): the tally of two disjoint sets of individuals;
 * the combine function and the merging aggregate's transition.
 */
PG_FUNCTION_INFO_V1(repeat_tally_merge);
Datum
repeat_tally_merge(PG_FUNCTION_ARGS)
{
	return repeat_tally_combine(fcinfo, 1);
}

/* repeat_tally_unmerge(a, b): a - b, the merging aggregate's inverse */
PG_FUNCTION_INFO_V1(repeat_tally_unmerge);
Datum
repeat_tally_unmerge(PG_FUNCTION_ARGS)
{
	return repeat_tally_combine(fcinfo, -1);
}

/* ---- figures ---- */

static int64
individuals(FunctionCallInfo fcinfo, bool repeat_only)
{
	int64		n;

	report(mr_repeat_tally_individuals(repeat_tally_arg(fcinfo, 0), repeat_only, &n));
	return n;
}

PG_FUNCTION_INFO_V1(repeat_tally_unique_individuals);
Datum
repeat_tally_unique_individuals(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(individuals(fcinfo, false));
}

PG_FUNCTION_INFO_V1(repeat_tally_repeat_individuals);
Datum
repeat_tally_repeat_individuals(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(individuals(fcinfo, true));
}

PG_FUNCTION_INFO_V1(repeat_tally_encounters);
Datum
repeat_tally_encounters(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(repeat_tally_arg(fcinfo, 0)->encounters);
}

/* individuals encountered more than once / individuals; NULL for none */
PG_FUNCTION_INFO_V1(repeat_tally_repeat_rate);
Datum
repeat_tally_repeat_rate(PG_FUNCTION_ARGS)
{
	int64		all = individuals(fcinfo, false);

	if (all == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8((double) individuals(fcinfo, true) / (double) all);
}

/* encounters / individuals; NULL for none */
PG_FUNCTION_INFO_V1(repeat_tally_mean_encounters);
Datum
repeat_tally_mean_encounters(PG_FUNCTION_ARGS)
{
	int64		all = individuals(fcinfo, false);

	if (all == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8((double) repeat_tally_arg(fcinfo, 0)->encounters / (double) all);
}

/* repeat_distribution(t): (encounters, or_more, individuals) per non-empty bin */
PG_FUNCTION_INFO_V1(repeat_tally_distribution);
Datum
repeat_tally_distribution(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	mr_repeat_tally *t;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext oldcontext;

		funcctx = SRF_FIRSTCALL_INIT();
		oldcontext = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		funcctx->tuple_desc = mr_result_tupdesc(fcinfo);
		funcctx->user_fctx = memcpy(palloc(sizeof(mr_repeat_tally)), repeat_tally_arg(fcinfo, 0),
									sizeof(mr_repeat_tally));
		MemoryContextSwitchTo(oldcontext);
	}
	funcctx = SRF_PERCALL_SETUP();
	t = (mr_repeat_tally *) funcctx->user_fctx;
	while (funcctx->call_cntr < MR_REPEAT_BINS)
	{
		int			k = (int) funcctx->call_cntr;

		if (t->individuals[k] != 0)
		{
			Datum		values[3];
			bool		nulls[3] = {0};

			values[0] = Int32GetDatum(k + 1);
			values[1] = BoolGetDatum(k == MR_REPEAT_BINS - 1);
			values[2] = Int64GetDatum(t->individuals[k]);
			SRF_RETURN_NEXT(funcctx,
							HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
		}
		funcctx->call_cntr++;
	}
	SRF_RETURN_DONE(funcctx);
}
