/*
 * repeat_tally.c: the repeat_tally type (264 bytes, by reference) and its
 * aggregates: repeat_tally(encounters per individual) tallies individuals,
 * repeat_tally(repeat_tally) merges tallies of disjoint sets of people,
 * repeat_rate(encounters per individual) is Border Patrol's recidivism
 * rate.  The aggregates keep a tally as their state with the
 * aggregate-state kit (aggkit.h): parallel (serialized as the tally's
 * bytes), combinable, and with an inverse transition for moving window
 * frames.
 */
#include "migrec.h"

#include "libpq/pqformat.h"
#if PG_VERSION_NUM >= 160000
#include "varatt.h"				/* VARSIZE: no longer in postgres.h */
#endif

#include "aggkit.h"
#include "repeat_tally_io.h"

StaticAssertDecl(sizeof(mr_repeat_tally) == REPEAT_TALLY_INTERNALLENGTH,
				 "repeat_tally is INTERNALLENGTH 264 bytes");

/*
 * A stored tally: every way in checks the invariants, so a value that
 * breaks them is corrupt (XX001).
 */
static mr_repeat_tally *
repeat_tally_arg(FunctionCallInfo fcinfo, int argno)
{
	mr_repeat_tally *t = (mr_repeat_tally *) PG_GETARG_POINTER(argno);

	if (!mr_repeat_tally_valid(t))
		mr_corrupt_value("repeat_tally");
	return t;
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
	mr_status	st = mr_repeat_tally_parse(str, strlen(str), t, &errpos);

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
	char	   *out = palloc(REPEAT_TALLY_TEXT_SIZE);

	mr_repeat_tally_format(repeat_tally_arg(fcinfo, 0), out);
	PG_RETURN_CSTRING(out);
}

/* Binary form: the 32 bins then the encounters, big-endian int8. */
PG_FUNCTION_INFO_V1(repeat_tally_recv);
Datum
repeat_tally_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	mr_repeat_tally *t = palloc(sizeof(mr_repeat_tally));

	for (int k = 0; k < REPEAT_TALLY_BINS; k++)
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
	for (int k = 0; k < REPEAT_TALLY_BINS; k++)
		pq_sendint64(&buf, t->individuals[k]);
	pq_sendint64(&buf, t->encounters);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---- the aggregates' state ---- */

#ifdef USE_ASSERT_CHECKING
static void
repeat_state_check(const void *state)
{
	Assert(mr_repeat_tally_valid(state));
}
#else
#define repeat_state_check NULL
#endif

/* s += b (sign 1) or s -= b (sign -1); s NULL: empty. */
static mr_repeat_tally *
state_add(MemoryContext cxt, mr_repeat_tally *s, const mr_repeat_tally *b, int sign)
{
	if (s == NULL)
		s = MemoryContextAllocZero(cxt, sizeof(mr_repeat_tally));
	report(mr_repeat_tally_add(s, b, sign));
	return s;
}

static void *
repeat_state_merge(MemoryContext cxt, void *a, const void *b)
{
	return state_add(cxt, a, b, 1);
}

/* The serialized state is the tally's bytes. */
static struct varlena *
repeat_state_serialize(const void *state)
{
	bytea	   *b = palloc(VARHDRSZ + sizeof(mr_repeat_tally));

	SET_VARSIZE(b, VARHDRSZ + sizeof(mr_repeat_tally));
	memcpy(VARDATA(b), state, sizeof(mr_repeat_tally));
	return (struct varlena *) b;
}

static const MrAggKit repeat_kit;

static void *
repeat_state_deserialize(MemoryContext cxt, const struct varlena *bytes)
{
	mr_repeat_tally *s;

	if (VARSIZE(bytes) != VARHDRSZ + sizeof(mr_repeat_tally))
		mr_agg_corrupt(&repeat_kit);
	s = MemoryContextAlloc(cxt, sizeof(mr_repeat_tally));
	memcpy(s, VARDATA_ANY(bytes), sizeof(mr_repeat_tally));
	if (!mr_repeat_tally_valid(s))
		mr_agg_corrupt(&repeat_kit);
	return s;
}

static const MrAggKit repeat_kit = {
	"repeat_tally", repeat_state_merge, repeat_state_serialize,
	repeat_state_deserialize, repeat_state_check
};

/* One individual and their encounters counted (sign 1) or uncounted (-1). */
static mr_repeat_tally *
repeat_step(FunctionCallInfo fcinfo, int sign)
{
	MemoryContext cxt;
	mr_repeat_tally *s = mr_agg_state(fcinfo, &repeat_kit, &cxt);
	int64		k;

	if (mr_agg_skip_row(fcinfo))
		return s;
	k = PG_GETARG_INT64(1);
	if (k < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("an individual's encounters must not be negative, not %lld", (long long) k)));
	if (s == NULL)
		s = MemoryContextAllocZero(cxt, sizeof(mr_repeat_tally));
	/* 0: someone not encountered (an outer join's row), not an individual encountered */
	if (k > 0)
		report(mr_repeat_tally_add_one(s, k, 1, sign));
	return s;
}

/* repeat_tally(encounters) and repeat_rate(encounters): the transition */
PG_FUNCTION_INFO_V1(repeat_tally_transfn);
Datum
repeat_tally_transfn(PG_FUNCTION_ARGS)
{
	MR_AGG_RETURN(repeat_step(fcinfo, 1));
}

/* the inverse, for moving window frames */
PG_FUNCTION_INFO_V1(repeat_tally_inv_transfn);
Datum
repeat_tally_inv_transfn(PG_FUNCTION_ARGS)
{
	MR_AGG_RETURN(repeat_step(fcinfo, -1));
}

/* repeat_tally(repeat_tally): merge tallies of disjoint sets of individuals */
static mr_repeat_tally *
merge_step(FunctionCallInfo fcinfo, int sign)
{
	MemoryContext cxt;
	mr_repeat_tally *s = mr_agg_state(fcinfo, &repeat_kit, &cxt);

	if (mr_agg_skip_row(fcinfo))
		return s;
	return state_add(cxt, s, repeat_tally_arg(fcinfo, 1), sign);
}

PG_FUNCTION_INFO_V1(repeat_tally_merge_transfn);
Datum
repeat_tally_merge_transfn(PG_FUNCTION_ARGS)
{
	MR_AGG_RETURN(merge_step(fcinfo, 1));
}

/* the merging aggregate's inverse, for moving window frames */
PG_FUNCTION_INFO_V1(repeat_tally_merge_inv_transfn);
Datum
repeat_tally_merge_inv_transfn(PG_FUNCTION_ARGS)
{
	MR_AGG_RETURN(merge_step(fcinfo, -1));
}

/* combine, serialization and deserialization functions */
MR_AGG_KIT_FUNCTIONS(repeat_tally_combine, repeat_tally_serialize, repeat_tally_deserialize, repeat_kit)

/* The tally: empty (not NULL) for no rows, as every count is 0. */
PG_FUNCTION_INFO_V1(repeat_tally_finalfn);
Datum
repeat_tally_finalfn(PG_FUNCTION_ARGS)
{
	mr_repeat_tally *s = mr_agg_final_state(fcinfo, &repeat_kit);
	mr_repeat_tally *t = palloc0(sizeof(mr_repeat_tally));

	if (s != NULL)
		memcpy(t, s, sizeof(mr_repeat_tally));
	PG_RETURN_POINTER(t);
}

/* ---- figures ---- */

/* The individuals of a valid tally (their sum is at most its encounters). */
static int64
individuals(const mr_repeat_tally *t, bool repeat_only)
{
	int64_t		n;

	if (mr_repeat_tally_individuals(t, repeat_only, &n) != MR_OK)
		mr_corrupt_value("repeat_tally");
	return n;
}

PG_FUNCTION_INFO_V1(repeat_tally_unique_individuals);
Datum
repeat_tally_unique_individuals(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(individuals(repeat_tally_arg(fcinfo, 0), false));
}

PG_FUNCTION_INFO_V1(repeat_tally_repeat_individuals);
Datum
repeat_tally_repeat_individuals(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(individuals(repeat_tally_arg(fcinfo, 0), true));
}

PG_FUNCTION_INFO_V1(repeat_tally_encounters);
Datum
repeat_tally_encounters(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(repeat_tally_arg(fcinfo, 0)->encounters);
}

/* individuals encountered more than once / individuals; NULL for none */
static Datum
repeat_rate(FunctionCallInfo fcinfo, const mr_repeat_tally *t)
{
	int64		all = t == NULL ? 0 : individuals(t, false);

	if (all == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8((double) individuals(t, true) / (double) all);
}

PG_FUNCTION_INFO_V1(repeat_tally_repeat_rate);
Datum
repeat_tally_repeat_rate(PG_FUNCTION_ARGS)
{
	return repeat_rate(fcinfo, repeat_tally_arg(fcinfo, 0));
}

/* the final function of repeat_rate(encounters) */
PG_FUNCTION_INFO_V1(repeat_rate_finalfn);
Datum
repeat_rate_finalfn(PG_FUNCTION_ARGS)
{
	return repeat_rate(fcinfo, mr_agg_final_state(fcinfo, &repeat_kit));
}

/* encounters / individuals; NULL for none */
PG_FUNCTION_INFO_V1(repeat_tally_mean_encounters);
Datum
repeat_tally_mean_encounters(PG_FUNCTION_ARGS)
{
	mr_repeat_tally *t = repeat_tally_arg(fcinfo, 0);
	int64		all = individuals(t, false);

	if (all == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8((double) t->encounters / (double) all);
}

/* repeat_distribution(t): (encounters, or_more, individuals) per non-empty bin */
static void
distribution_setup(FunctionCallInfo fcinfo, MrRows *rows)
{
	rows->arg = memcpy(palloc(sizeof(mr_repeat_tally)), repeat_tally_arg(fcinfo, 0),
					   sizeof(mr_repeat_tally));
	rows->end = REPEAT_TALLY_BINS;
}

static bool
distribution_row(FunctionCallInfo fcinfo, void *arg, uint64 k, Datum *values, bool *nulls)
{
	mr_repeat_tally *t = arg;

	(void) fcinfo;
	(void) nulls;
	if (t->individuals[k] == 0)
		return false;
	values[0] = Int32GetDatum((int32) k + 1);
	values[1] = BoolGetDatum(k == REPEAT_TALLY_BINS - 1);
	values[2] = Int64GetDatum(t->individuals[k]);
	return true;
}

PG_FUNCTION_INFO_V1(repeat_tally_distribution);
Datum
repeat_tally_distribution(PG_FUNCTION_ARGS)
{
	return mr_srf_rows(fcinfo, distribution_setup, distribution_row);
}
