/*
 * aggkit.c: the aggregate-state kit (see aggkit.h).
 */
#include "aggkit.h"

/* The aggregate's memory context; role names the function in the message. */
static MemoryContext
agg_context(FunctionCallInfo fcinfo, const MrAggKit *kit, const char *role)
{
	MemoryContext cxt;

	if (!AggCheckCallContext(fcinfo, &cxt))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s %s function called in non-aggregate context", kit->name, role)));
	return cxt;
}

void *
mr_agg_state(FunctionCallInfo fcinfo, const MrAggKit *kit, MemoryContext *cxt)
{
	void	   *s;

	*cxt = agg_context(fcinfo, kit, "transition");
	s = PG_ARGISNULL(0) ? NULL : PG_GETARG_POINTER(0);
	mr_agg_check(kit, s);
	return s;
}

bool
mr_agg_skip_row(FunctionCallInfo fcinfo)
{
	for (int k = 1; k < PG_NARGS(); k++)
		if (PG_ARGISNULL(k))
			return true;
	return false;
}

Datum
mr_agg_combine(FunctionCallInfo fcinfo, const MrAggKit *kit)
{
	MemoryContext cxt = agg_context(fcinfo, kit, "combine");
	void	   *a = PG_ARGISNULL(0) ? NULL : PG_GETARG_POINTER(0);
	void	   *b = PG_ARGISNULL(1) ? NULL : PG_GETARG_POINTER(1);

	mr_agg_check(kit, a);
	mr_agg_check(kit, b);
	if (b != NULL)
		a = kit->merge(cxt, a, b);
	mr_agg_check(kit, a);
	MR_AGG_RETURN(a);
}

Datum
mr_agg_serialize(FunctionCallInfo fcinfo, const MrAggKit *kit)
{
	void	   *s = PG_GETARG_POINTER(0);	/* STRICT: never NULL */

	(void) agg_context(fcinfo, kit, "serialization");
	mr_agg_check(kit, s);
	PG_RETURN_POINTER(kit->serialize(s));
}

Datum
mr_agg_deserialize(FunctionCallInfo fcinfo, const MrAggKit *kit)
{
	MemoryContext cxt = agg_context(fcinfo, kit, "deserialization");

	/*
	 * A copy: the bytes come in a tuple from a worker, where a bytea is only
	 * int-aligned, and a state's stored form holds int64s.
	 */
	struct varlena *bytes = PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(0));
	void	   *s = kit->deserialize(cxt, bytes);

	mr_agg_check(kit, s);
	PG_RETURN_POINTER(s);
}

void *
mr_agg_final_state(FunctionCallInfo fcinfo, const MrAggKit *kit)
{
	void	   *s;

	(void) agg_context(fcinfo, kit, "final");
	s = PG_ARGISNULL(0) ? NULL : PG_GETARG_POINTER(0);
	mr_agg_check(kit, s);
	return s;
}
