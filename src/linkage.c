/*
 * linkage.c: link_clk(), the whole linkage job of two agencies' encoded
 * tables: candidate pairs from Hamming LSH (the clk index's keys), exact
 * Dice for each, greedy one-to-one assignment, and a decision per pair:
 * match above the match threshold, review between the two thresholds.
 *
 * The tables come as queries (text), run through SPI with the caller's
 * privileges, as pgRouting's functions take their graphs: each returns an
 * integer id and a clk.
 */
#include "linkage.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"
#include "utils/tuplestore.h"

typedef struct side
{
	int64	   *ids;
	mr_clk	   *clks;
	int32		n;
} side;

/* The OID of clk, from the schema this function lives in. */
static Oid
clk_type_oid(FunctionCallInfo fcinfo)
{
	Oid			nsp = get_func_namespace(fcinfo->flinfo->fn_oid);
	Oid			t = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
									CStringGetDatum("clk"), ObjectIdGetDatum(nsp));

	if (!OidIsValid(t))
		elog(ERROR, "type clk not found in the schema of link_clk");
	return t;
}

/* Run one side's query and copy its rows (id, clk) into cxt. */
static void
read_side(const char *query, const char *which, Oid clk_oid, MemoryContext cxt, side *s)
{
	int			rc = SPI_execute(query, true, 0);
	TupleDesc	td;
	Oid			idtype;
	uint64		kept = 0;

	if (rc != SPI_OK_SELECT)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the %s query of link_clk must be a SELECT", which)));
	td = SPI_tuptable->tupdesc;
	idtype = td->natts >= 1 ? SPI_gettypeid(td, 1) : InvalidOid;
	if (td->natts != 2 || SPI_gettypeid(td, 2) != clk_oid ||
		(idtype != INT2OID && idtype != INT4OID && idtype != INT8OID))
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("the %s query of link_clk must return two columns: an integer id and a clk", which)));
	if (SPI_processed > (uint64) PG_INT32_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("the %s query of link_clk returned more than %d rows", which, PG_INT32_MAX)));

	s->ids = MemoryContextAllocHuge(cxt, sizeof(int64) * Max(SPI_processed, 1));
	s->clks = MemoryContextAllocHuge(cxt, sizeof(mr_clk) * Max(SPI_processed, 1));
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		bool		idnull,
					clknull;
		Datum		id = SPI_getbinval(tup, td, 1, &idnull);
		Datum		c = SPI_getbinval(tup, td, 2, &clknull);

		/* a record without an id or an encoding cannot be linked */
		if (idnull || clknull)
			continue;
		s->ids[kept] = idtype == INT8OID ? DatumGetInt64(id) :
			idtype == INT4OID ? DatumGetInt32(id) : DatumGetInt16(id);
		memcpy(&s->clks[kept], DatumGetPointer(c), sizeof(mr_clk));
		kept++;
	}
	s->n = (int32) kept;
	SPI_freetuptable(SPI_tuptable);
}

/* A growing array of candidate pairs. */
typedef struct pair_list
{
	mr_link_pair *p;
	size_t		n;
	size_t		cap;
} pair_list;

static void
add_pair(pair_list *l, int32 a, int32 b, double score)
{
	if (l->n == l->cap)
	{
		l->cap *= 2;
		l->p = repalloc_huge(l->p, l->cap * sizeof(mr_link_pair));
	}
	l->p[l->n].a = a;
	l->p[l->n].b = b;
	l->p[l->n].score = score;
	l->n++;
}

typedef struct lsh_entry
{
	int32		key;
	int32		idx;
} lsh_entry;

static int
lsh_entry_cmp(const void *x, const void *y)
{
	const lsh_entry *a = x;
	const lsh_entry *b = y;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/*
 * Every pair's Dice, without blocking: the second table in blocks that fit
 * a core's cache (8192 filters, 1.1 MB), each compared with every record of
 * the first, so that the filters come from the cache, not from memory.
 */
#define EXHAUSTIVE_BLOCK 8192

static void
pairs_exhaustive(const side *a, const side *b, double lower, pair_list *out)
{
	double	   *d = palloc(sizeof(double) * EXHAUSTIVE_BLOCK);

	for (int32 j0 = 0; j0 < b->n; j0 += EXHAUSTIVE_BLOCK)
	{
		int32		nb = Min(EXHAUSTIVE_BLOCK, b->n - j0);

		for (int32 i = 0; i < a->n; i++)
		{
			if ((i & 1023) == 0)
				CHECK_FOR_INTERRUPTS();
			mr_clk_dice_many(&a->clks[i], &b->clks[j0], (size_t) nb, d);
			for (int32 j = 0; j < nb; j++)
				if (d[j] >= lower)
					add_pair(out, i, j0 + j, d[j]);
		}
	}
	pfree(d);
}

/*
 * Pairs that share a key in at least one LSH table, each counted in the
 * first table it shares a key in.  Returns false, having kept nothing, when
 * the tables would make more candidates than a tenth of all pairs: every pair
 * is then cheaper, read in order from the cache (a low threshold on sparse
 * filters, whose common samples
 * are all zeros).
 */
static bool
pairs_lsh(const side *a, const side *b, double lower, pair_list *out)
{
	int			tables,
				bits;
	double		w = 0;
	int32	   *akeys;
	int32	   *bkeys;
	lsh_entry  *ea = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(lsh_entry) * Max(a->n, 1));
	lsh_entry  *eb = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(lsh_entry) * Max(b->n, 1));
	uint64		candidates = 0;
	uint64		budget = (uint64) a->n * (uint64) b->n / 10;
	bool		done = true;

	/* the tables and bits for the lower threshold and these filters */
	for (int32 i = 0; i < a->n; i++)
		w += a->clks[i].popcount;
	for (int32 j = 0; j < b->n; j++)
		w += b->clks[j].popcount;
	w /= Max(a->n + b->n, 1);
	mr_lsh_choose(lower, w, &tables, &bits);
	akeys = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(int32) * tables * Max(a->n, 1));
	bkeys = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(int32) * tables * Max(b->n, 1));
	for (int32 i = 0; i < a->n; i++)
		mr_clk_lsh_keys(&a->clks[i], tables, bits, &akeys[(size_t) i * tables]);
	for (int32 j = 0; j < b->n; j++)
		mr_clk_lsh_keys(&b->clks[j], tables, bits, &bkeys[(size_t) j * tables]);

	for (int t = 0; t < tables && done; t++)
	{
		int32		i = 0,
					j = 0;

		CHECK_FOR_INTERRUPTS();
		for (int32 k = 0; k < a->n; k++)
			ea[k].key = akeys[(size_t) k * tables + t], ea[k].idx = k;
		for (int32 k = 0; k < b->n; k++)
			eb[k].key = bkeys[(size_t) k * tables + t], eb[k].idx = k;
		qsort(ea, a->n, sizeof(lsh_entry), lsh_entry_cmp);
		qsort(eb, b->n, sizeof(lsh_entry), lsh_entry_cmp);

		/* merge: every (a, b) of a key both sides have */
		while (i < a->n && j < b->n && done)
		{
			int32		key = ea[i].key;
			int32		i_end,
						j_end;

			if (key < eb[j].key)
			{
				i++;
				continue;
			}
			if (key > eb[j].key)
			{
				j++;
				continue;
			}
			for (i_end = i; i_end < a->n && ea[i_end].key == key; i_end++)
				;
			for (j_end = j; j_end < b->n && eb[j_end].key == key; j_end++)
				;
			candidates += (uint64) (i_end - i) * (uint64) (j_end - j);
			if (candidates > budget)
			{
				done = false;
				break;
			}
			for (int32 x = i; x < i_end; x++)
			{
				const int32 *ka = &akeys[(size_t) ea[x].idx * tables];

				for (int32 y = j; y < j_end; y++)
				{
					const int32 *kb = &bkeys[(size_t) eb[y].idx * tables];
					double		d = mr_clk_dice(&a->clks[ea[x].idx], &b->clks[eb[y].idx]);
					bool		seen = false;

					if (d < lower)
						continue;
					/* a pair above the threshold: kept once, in its first table */
					for (int u = 0; u < t && !seen; u++)
						seen = ka[u] == kb[u];
					if (!seen)
						add_pair(out, ea[x].idx, eb[y].idx, d);
				}
			}
			i = i_end;
			j = j_end;
		}
	}
	if (!done)
		out->n = 0;
	pfree(akeys);
	pfree(bkeys);
	pfree(ea);
	pfree(eb);
	return done;
}

/*
 * link_clk(a_query, b_query, match_threshold, review_threshold, exhaustive)
 *   → TABLE (a_id int8, b_id int8, dice float8, decision text)
 */
PG_FUNCTION_INFO_V1(link_clk);
Datum
link_clk(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	char	   *aq;
	char	   *bq;
	double		match,
				review;
	bool		exhaustive;
	Oid			clk_oid;
	MemoryContext cxt = CurrentMemoryContext;
	MemoryContext oldcxt;
	side		a,
				b;
	pair_list	pairs;
	size_t		kept;
	bool	   *used_a,
			   *used_b;
	TupleDesc	tupdesc;
	Tuplestorestate *store;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("link_clk needs both queries and a match threshold")));
	aq = text_to_cstring(PG_GETARG_TEXT_PP(0));
	bq = text_to_cstring(PG_GETARG_TEXT_PP(1));
	match = PG_GETARG_FLOAT8(2);
	review = PG_ARGISNULL(3) ? match : PG_GETARG_FLOAT8(3);
	exhaustive = !PG_ARGISNULL(4) && PG_GETARG_BOOL(4);
	if (!(match > 0.0 && match <= 1.0) || !(review > 0.0 && review <= match))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("thresholds must satisfy 0 < review_threshold <= match_threshold <= 1")));

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) ||
		!(rsinfo->allowedModes & SFRM_Materialize))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("link_clk must be called in the FROM clause")));
	tupdesc = mr_result_tupdesc(fcinfo);

	clk_oid = clk_type_oid(fcinfo);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	read_side(aq, "first", clk_oid, cxt, &a);
	read_side(bq, "second", clk_oid, cxt, &b);
	SPI_finish();

	/* every encoding must be comparable with every other */
	for (int32 i = 1; i < a.n; i++)
		mr_clk_check_comparable(&a.clks[0], &a.clks[i]);
	for (int32 j = 0; j < b.n; j++)
		mr_clk_check_comparable(a.n > 0 ? &a.clks[0] : &b.clks[0], &b.clks[j]);

	pairs.cap = 1024;
	pairs.n = 0;
	pairs.p = MemoryContextAllocHuge(cxt, pairs.cap * sizeof(mr_link_pair));
	if (exhaustive || !pairs_lsh(&a, &b, review, &pairs))
		pairs_exhaustive(&a, &b, review, &pairs);

	used_a = MemoryContextAllocHuge(cxt, Max(a.n, 1));
	used_b = MemoryContextAllocHuge(cxt, Max(b.n, 1));
	kept = mr_link_greedy(pairs.p, pairs.n, used_a, a.n, used_b, b.n);

	oldcxt = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	store = tuplestore_begin_heap(rsinfo->allowedModes & SFRM_Materialize_Random, false, work_mem);
	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = store;
	rsinfo->setDesc = tupdesc;
	MemoryContextSwitchTo(oldcxt);
	for (size_t k = 0; k < kept; k++)
	{
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};

		values[0] = Int64GetDatum(a.ids[pairs.p[k].a]);
		values[1] = Int64GetDatum(b.ids[pairs.p[k].b]);
		values[2] = Float8GetDatum(pairs.p[k].score);
		values[3] = CStringGetTextDatum(pairs.p[k].score >= match ? "match" : "review");
		tuplestore_putvalues(store, tupdesc, values, nulls);
	}
	return (Datum) 0;
}
