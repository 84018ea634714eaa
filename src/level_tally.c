/*
 * level_tally.c: the level_tally type (40 bytes, by reference) and the
 * level-aware rate aggregates over case histories: level_tally(h, level)
 * counts cases, level_tally(h, level, persons) counts persons, and
 * level_tally(tally) merges tallies; recognition_rate(h, level) and
 * total_recognition_rate(h, level) are the rates in one call.
 *
 * Like decision_tally, the state is the type itself: no serialization for
 * parallel query, a combine function that adds counts, an inverse
 * transition that subtracts them (O(1) a row in a moving window frame).  The
 * first row fixes the tally's level and unit; a row or a tally of another
 * level or unit is an error (22023), never a sum of the two.  Transition
 * functions update the state in place inside an aggregate, and a NULL row
 * (history, level) changes nothing.
 */
#include "migrec.h"

#include "common/int.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "level_tally_io.h"
#include "procedure.h"
#include "protection_status_io.h"

StaticAssertDecl(sizeof(mr_level_tally) == LEVEL_TALLY_INTERNALLENGTH,
				 "level_tally is INTERNALLENGTH 40 bytes");

static inline mr_level_tally *
tally_arg(FunctionCallInfo fcinfo, int argno)
{
	mr_level_tally *t = (mr_level_tally *) PG_GETARG_POINTER(argno);

	Assert(mr_level_tally_valid(t));
	return t;
}

PG_FUNCTION_INFO_V1(level_tally_in);
Datum
level_tally_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	mr_level_tally *t = palloc(sizeof(mr_level_tally));
	size_t		errpos;
	mr_status	st = mr_level_tally_parse(str, strlen(str), t, &errpos);

	if (st == MR_ERR_OUT_OF_RANGE)
	{
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						errmsg("count out of range in level_tally: \"%s\"", str)));
		PG_RETURN_NULL();
	}
	if (st != MR_OK)
	{
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type %s: \"%s\"", "level_tally", str),
						errdetail("Unexpected input at position %d.", (int) errpos + 1),
						errhint("A level_tally reads (level=first_instance|appeal,unit=cases|persons,recognized=N,complementary=N,rejected=N,otherwise_closed=N).")));
		PG_RETURN_NULL();
	}
	PG_RETURN_POINTER(t);
}

PG_FUNCTION_INFO_V1(level_tally_out);
Datum
level_tally_out(PG_FUNCTION_ARGS)
{
	char	   *out = palloc(LEVEL_TALLY_TEXT_SIZE);

	mr_level_tally_format(tally_arg(fcinfo, 0), out);
	PG_RETURN_CSTRING(out);
}

/* Binary form: level and unit bytes, then the four counts as big-endian int8. */
PG_FUNCTION_INFO_V1(level_tally_recv);
Datum
level_tally_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	mr_level_tally *t = palloc0(sizeof(mr_level_tally));

	t->level = (uint8) pq_getmsgbyte(buf);
	t->unit = (uint8) pq_getmsgbyte(buf);
	t->recognized = pq_getmsgint64(buf);
	t->complementary = pq_getmsgint64(buf);
	t->rejected = pq_getmsgint64(buf);
	t->otherwise_closed = pq_getmsgint64(buf);
	if (!mr_level_tally_valid(t))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external level_tally value"),
				 errdetail("The level must be 1 or 2, the unit 1 or 2, the counts non-negative.")));
	PG_RETURN_POINTER(t);
}

PG_FUNCTION_INFO_V1(level_tally_send);
Datum
level_tally_send(PG_FUNCTION_ARGS)
{
	mr_level_tally *t = tally_arg(fcinfo, 0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, t->level);
	pq_sendbyte(&buf, t->unit);
	pq_sendint64(&buf, t->recognized);
	pq_sendint64(&buf, t->complementary);
	pq_sendint64(&buf, t->rejected);
	pq_sendint64(&buf, t->otherwise_closed);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static void
mismatch(const char *what, const char *a, const char *b)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("cannot combine a level_tally of %s %s with one of %s %s", what, a, what, b),
			 errhint("Rates per level and per unit are computed apart and never added.")));
}

/*
 * The state of a transition function: the argument itself inside an
 * aggregate, or a new tally of this level and unit in the aggregate's
 * memory for the first row; outside an aggregate, a copy.
 */
static mr_level_tally *
state_for(FunctionCallInfo fcinfo, mr_level level, mr_unit unit)
{
	MemoryContext aggcxt;
	bool		in_agg = AggCheckCallContext(fcinfo, &aggcxt) != 0;
	mr_level_tally *t;

	if (PG_ARGISNULL(0))
	{
		t = in_agg ? MemoryContextAllocZero(aggcxt, sizeof(mr_level_tally)) : palloc0(sizeof(mr_level_tally));
		t->level = (uint8) level;
		t->unit = (uint8) unit;
		return t;
	}
	t = tally_arg(fcinfo, 0);
	if (!in_agg)
		t = memcpy(palloc(sizeof(mr_level_tally)), t, sizeof(mr_level_tally));
	if (t->level != level)
		mismatch("level", mr_level_names[t->level], mr_level_names[level]);
	if (t->unit != unit)
		mismatch("unit", mr_unit_names[t->unit], mr_unit_names[unit]);
	return t;
}

static int64 *
outcome_counter(mr_level_tally *t, int status)
{
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

/*
 * Adds (sign 1) or removes (sign -1) the decisions of level `level` in the
 * history d, each weighing `weight`.
 */
static void
count_history(mr_level_tally *t, Datum d, mr_level level, int64 weight, int sign)
{
	const uint8 *st;
	void	   *copy;
	int			n = mr_history_statuses(d, &st, &copy);

	for (int k = 0; k < n; k++)
	{
		int64	   *c;

		if (mr_event_level(st, k) != level || (c = outcome_counter(t, st[k])) == NULL)
			continue;
		if (sign > 0)
		{
			if (pg_add_s64_overflow(*c, weight, c))
				ereport(ERROR,
						(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						 errmsg("level_tally count out of range")));
		}
		else
		{
			if (*c < weight)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("cannot remove a decision the tally does not hold")));
			*c -= weight;
		}
	}
	if (copy != NULL)
		pfree(copy);
}

/* (state, history, level [, persons]): NULL history or level: no change. */
static Datum
level_tally_step(FunctionCallInfo fcinfo, int sign)
{
	bool		persons = PG_NARGS() > 3;
	int64		weight = 1;
	mr_level	level;
	mr_level_tally *t;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	if (persons)
	{
		if (PG_ARGISNULL(3))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("a case's persons count is NULL"),
					 errhint("A persons tally needs every case's count: use coalesce(persons, 1) if a case without one is one person.")));
		weight = PG_GETARG_INT32(3);
		if (weight < 1)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("a case's persons count must be at least 1, not %lld", (long long) weight)));
	}
	level = mr_level_of_oid(mr_level_oids(fcinfo), PG_GETARG_OID(2));
	t = state_for(fcinfo, level, persons ? MR_UNIT_PERSONS : MR_UNIT_CASES);
	count_history(t, PG_GETARG_DATUM(1), level, weight, sign);
	Assert(mr_level_tally_valid(t));
	PG_RETURN_POINTER(t);
}

PG_FUNCTION_INFO_V1(level_tally_add);
Datum
level_tally_add(PG_FUNCTION_ARGS)
{
	return level_tally_step(fcinfo, 1);
}

PG_FUNCTION_INFO_V1(level_tally_remove);
Datum
level_tally_remove(PG_FUNCTION_ARGS)
{
	return level_tally_step(fcinfo, -1);
}

static void
add_count(int64 *a, int64 b)
{
	if (pg_add_s64_overflow(*a, b, a))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("level_tally count out of range")));
}

/*
 * level_tally_merge(a, b): the sum of two tallies of one level and unit;
 * the combine function and the transition of the merging aggregate.  Either
 * may be NULL.
 */
PG_FUNCTION_INFO_V1(level_tally_merge);
Datum
level_tally_merge(PG_FUNCTION_ARGS)
{
	mr_level_tally *t,
			   *b;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	b = tally_arg(fcinfo, 1);
	t = state_for(fcinfo, (mr_level) b->level, (mr_unit) b->unit);
	add_count(&t->recognized, b->recognized);
	add_count(&t->complementary, b->complementary);
	add_count(&t->rejected, b->rejected);
	add_count(&t->otherwise_closed, b->otherwise_closed);
	Assert(mr_level_tally_valid(t));
	PG_RETURN_POINTER(t);
}

static Datum
substantive_share(FunctionCallInfo fcinfo, bool with_complementary)
{
	mr_level_tally *t = tally_arg(fcinfo, 0);
	double		substantive = (double) t->recognized + (double) t->complementary +
		(double) t->rejected;

	if (substantive == 0)
		PG_RETURN_NULL();
	if (with_complementary)
		PG_RETURN_FLOAT8(((double) t->recognized + (double) t->complementary) / substantive);
	PG_RETURN_FLOAT8((double) t->recognized / substantive);
}

PG_FUNCTION_INFO_V1(level_tally_recognition_rate);
Datum
level_tally_recognition_rate(PG_FUNCTION_ARGS)
{
	return substantive_share(fcinfo, false);
}

PG_FUNCTION_INFO_V1(level_tally_total_recognition_rate);
Datum
level_tally_total_recognition_rate(PG_FUNCTION_ARGS)
{
	return substantive_share(fcinfo, true);
}

PG_FUNCTION_INFO_V1(level_tally_counts);
Datum
level_tally_counts(PG_FUNCTION_ARGS)
{
	mr_level_tally *t = tally_arg(fcinfo, 0);
	TupleDesc	tupdesc = mr_result_tupdesc(fcinfo);
	Datum		values[4];
	bool		nulls[4] = {0};

	values[0] = Int64GetDatum(t->recognized);
	values[1] = Int64GetDatum(t->complementary);
	values[2] = Int64GetDatum(t->rejected);
	values[3] = Int64GetDatum(t->otherwise_closed);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

PG_FUNCTION_INFO_V1(level_tally_level);
Datum
level_tally_level(PG_FUNCTION_ARGS)
{
	PG_RETURN_OID(mr_level_oids(fcinfo)->label[tally_arg(fcinfo, 0)->level]);
}

PG_FUNCTION_INFO_V1(level_tally_unit);
Datum
level_tally_unit(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(mr_unit_names[tally_arg(fcinfo, 0)->unit]));
}
