/*
 * table_cache.c: rows of the extension's tables kept per statement by the
 * STABLE functions that read them (see table_cache.h).
 */
#include "table_cache.h"

#include "catalog/namespace.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

/* What the rows were read under: enough of a snapshot to compare another. */
typedef struct SnapshotKey
{
	TransactionId xmin;
	TransactionId xmax;
	CommandId	curcid;
	uint32		xcnt;
	int32		subxcnt;
	bool		suboverflowed;
	bool		taken_during_recovery;
	TransactionId *xip;
	TransactionId *subxip;
} SnapshotKey;

typedef struct CacheSlot
{
	bool		filled;
	MemoryContext cxt;			/* holds the key's arrays and the data */
	SnapshotKey key;
	void	   *data;
} CacheSlot;

struct MrTableCache
{
	CacheSlot	slots[MR_TABLE_CACHE_SLOTS];
};

/* Does snapshot s see exactly what the one k records saw? */
static bool
same_snapshot(const SnapshotKey *k, Snapshot s)
{
	return k->xmin == s->xmin && k->xmax == s->xmax && k->curcid == s->curcid &&
		k->xcnt == s->xcnt && k->subxcnt == s->subxcnt &&
		k->suboverflowed == s->suboverflowed &&
		k->taken_during_recovery == s->takenDuringRecovery &&
		(s->xcnt == 0 || memcmp(k->xip, s->xip, s->xcnt * sizeof(TransactionId)) == 0) &&
		(s->subxcnt <= 0 || memcmp(k->subxip, s->subxip, s->subxcnt * sizeof(TransactionId)) == 0);
}

static void
remember_snapshot(MemoryContext cxt, SnapshotKey *k, Snapshot s)
{
	k->xmin = s->xmin;
	k->xmax = s->xmax;
	k->curcid = s->curcid;
	k->xcnt = s->xcnt;
	k->subxcnt = s->subxcnt;
	k->suboverflowed = s->suboverflowed;
	k->taken_during_recovery = s->takenDuringRecovery;
	k->xip = MemoryContextAlloc(cxt, Max(s->xcnt, 1) * sizeof(TransactionId));
	if (s->xcnt > 0)
		memcpy(k->xip, s->xip, s->xcnt * sizeof(TransactionId));
	k->subxip = MemoryContextAlloc(cxt, Max(s->subxcnt, 1) * sizeof(TransactionId));
	if (s->subxcnt > 0)
		memcpy(k->subxip, s->subxip, s->subxcnt * sizeof(TransactionId));
}

void *
mr_table_cache_get(FunctionCallInfo fcinfo, int slot, const char *table, const char *query,
				   MrTableCacheFill fill)
{
	FmgrInfo   *flinfo = fcinfo->flinfo;
	MrTableCache *cache = flinfo->fn_extra;
	CacheSlot  *cs;
	Snapshot	snap = ActiveSnapshotSet() ? GetActiveSnapshot() : NULL;
	char	   *schema;
	StringInfoData sql;
	int			rc;

	Assert(slot >= 0 && slot < MR_TABLE_CACHE_SLOTS);
	if (cache == NULL)
	{
		cache = MemoryContextAllocZero(flinfo->fn_mcxt, sizeof(MrTableCache));
		flinfo->fn_extra = cache;
	}
	cs = &cache->slots[slot];
	if (cs->filled && snap != NULL && same_snapshot(&cs->key, snap))
		return cs->data;

	if (cs->cxt == NULL)
		cs->cxt = AllocSetContextCreate(flinfo->fn_mcxt, "migrec table cache", ALLOCSET_SMALL_SIZES);
	else
		MemoryContextReset(cs->cxt);
	cs->filled = false;

	/* the table of the extension's schema: the schema of this function */
	schema = get_namespace_name(get_func_namespace(flinfo->fn_oid));
	if (schema == NULL)
		elog(ERROR, "cache lookup failed for the schema of function %u", flinfo->fn_oid);
	initStringInfo(&sql);
	appendStringInfo(&sql, query, quote_qualified_identifier(schema, table));

	if ((rc = SPI_connect()) != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed: %s", SPI_result_code_string(rc));
	if ((rc = SPI_execute(sql.data, snap != NULL, 0)) != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute failed: %s", SPI_result_code_string(rc));
	cs->data = fill(cs->cxt, SPI_tuptable, SPI_processed);
	SPI_finish();

	if (snap != NULL)
	{
		remember_snapshot(cs->cxt, &cs->key, snap);
		cs->filled = true;
	}
	return cs->data;
}
