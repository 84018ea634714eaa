/*
 * aggkit.h: what migrec's aggregates with an internal state share, so that
 * a new one is its state, a transition function and a few one-line
 * functions (docs/hacking.md shows one):
 *
 *     static const MrAggKit my_kit = {"my_agg", my_merge, my_serialize,
 *                                     my_deserialize, my_check};
 *
 *     Datum my_transfn(PG_FUNCTION_ARGS)
 *     {
 *         MemoryContext cxt;
 *         MyState    *s = mr_agg_state(fcinfo, &my_kit, &cxt);
 *
 *         if (mr_agg_skip_row(fcinfo))
 *             MR_AGG_RETURN(s);
 *         ... s = my_add(cxt, s, PG_GETARG_...(1)) ...
 *         MR_AGG_RETURN(s);
 *     }
 *     MR_AGG_KIT_FUNCTIONS(my_combine, my_serialfn, my_deserialfn, my_kit)
 *     Datum my_finalfn(PG_FUNCTION_ARGS)
 *     {
 *         MyState    *s = mr_agg_final_state(fcinfo, &my_kit);
 *
 *         if (s == NULL)
 *             PG_RETURN_NULL();
 *         ...
 *     }
 *
 * The kit holds the rules every such aggregate must keep: transition,
 * combine, serial and final functions check that they run as part of an
 * aggregate (AggCheckCallContext) and allocate states in its context; a row
 * with a NULL argument changes nothing; combine handles NULL on either side;
 * deserialize reads bytes that serialize made, and reports anything else as
 * corrupt data (XX001); and in an assert-enabled build (make ASSERT=1) every
 * state is checked whenever it crosses one of these functions.
 */
#ifndef MIGREC_AGGKIT_H
#define MIGREC_AGGKIT_H

#include "migrec.h"

typedef struct MrAggKit
{
	const char *name;			/* the aggregate, for messages */

	/*
	 * a += b, in the aggregate's memory context cxt; with a NULL, a new state
	 * holding what b holds.  Returns a, which may have moved.  b is not
	 * changed.
	 */
	void	   *(*merge) (MemoryContext cxt, void *a, const void *b);
	/* The state as a varlena (the SERIALFUNC's bytea), in the current context. */
	struct varlena *(*serialize) (const void *state);

	/*
	 * A serialized state back, in cxt; bytes is a detoasted, MAXALIGNed copy
	 * in the current context.  Calls mr_agg_corrupt() on bytes that
	 * serialize cannot have made.
	 */
	void	   *(*deserialize) (MemoryContext cxt, const struct varlena *bytes);
	/* Assert()s the state's invariants (or NULL); run in assert builds only. */
	void		(*check) (const void *state);
} MrAggKit;

/*
 * The start of a transition function: the state (NULL before the first
 * row), and in *cxt the aggregate's memory context; an error when not
 * called as part of an aggregate.
 */
extern void *mr_agg_state(FunctionCallInfo fcinfo, const MrAggKit *kit, MemoryContext *cxt);

/* A row with a NULL among its arguments (after the state) changes nothing. */
extern bool mr_agg_skip_row(FunctionCallInfo fcinfo);

/* Return a state from a transition or combine function (NULL stays NULL). */
#define MR_AGG_RETURN(state) \
	do { \
		void	   *mr_agg_ret_ = (state); \
		if (mr_agg_ret_ == NULL) \
			PG_RETURN_NULL(); \
		PG_RETURN_POINTER(mr_agg_ret_); \
	} while (0)

/* The whole of the combine, serial and deserial functions. */
extern Datum mr_agg_combine(FunctionCallInfo fcinfo, const MrAggKit *kit);
extern Datum mr_agg_serialize(FunctionCallInfo fcinfo, const MrAggKit *kit);
extern Datum mr_agg_deserialize(FunctionCallInfo fcinfo, const MrAggKit *kit);

/* ... defined under the C names the install script gives them. */
#define MR_AGG_KIT_FUNCTIONS(combinefn, serialfn, deserialfn, kit) \
	PG_FUNCTION_INFO_V1(combinefn); \
	Datum combinefn(PG_FUNCTION_ARGS) { return mr_agg_combine(fcinfo, &(kit)); } \
	PG_FUNCTION_INFO_V1(serialfn); \
	Datum serialfn(PG_FUNCTION_ARGS) { return mr_agg_serialize(fcinfo, &(kit)); } \
	PG_FUNCTION_INFO_V1(deserialfn); \
	Datum deserialfn(PG_FUNCTION_ARGS) { return mr_agg_deserialize(fcinfo, &(kit)); }

/* The state a final function reads (NULL for no rows); it must not change it. */
extern void *mr_agg_final_state(FunctionCallInfo fcinfo, const MrAggKit *kit);

/* A serialized state that serialize cannot have made: XX001. */
#define mr_agg_corrupt(kit) \
	ereport(ERROR, \
			(errcode(ERRCODE_DATA_CORRUPTED), \
			 errmsg("invalid serialized %s state", (kit)->name)))

#ifdef USE_ASSERT_CHECKING
#define mr_agg_check(kit, state) \
	do { if ((state) != NULL && (kit)->check) (kit)->check(state); } while (0)
#else
#define mr_agg_check(kit, state) ((void) 0)
#endif

#endif
