/*
 * table_cache.h: the rows of one of the extension's tables (suspensions,
 * deadlines), read once per statement by a STABLE function and kept in its
 * fn_extra, so that a function called on every row of a big query does not
 * query the table every time.
 *
 * STABLE promises the same answer within one statement; an FmgrInfo may
 * outlive a statement (PL/pgSQL keeps simple expressions for the whole
 * transaction), so the rows are read again whenever the active snapshot
 * sees anything the one they were read under did not: another command of
 * this transaction (its command id), or another transaction's end (its
 * xmin, xmax and in-progress lists).
 */
#ifndef MIGREC_TABLE_CACHE_H
#define MIGREC_TABLE_CACHE_H

#include "migrec.h"

#include "executor/spi.h"

typedef struct MrTableCache MrTableCache;

/*
 * Fills a cache: runs in a memory context that lives as long as the cache
 * (cxt), reads the SPI result of the cache's query and returns what to keep.
 */
typedef void *(*MrTableCacheFill) (MemoryContext cxt, SPITupleTable *rows, uint64 nrows);

/*
 * The data of the table's rows as fill() kept them, read under the active
 * snapshot.  query is a SELECT on the table `table` in the schema of the
 * function fcinfo calls (the extension's), written with %s for that
 * qualified name; it is read with SPI when the cache is empty or stale.
 */
extern void *mr_table_cache_get(FunctionCallInfo fcinfo, int slot, const char *table,
								const char *query, MrTableCacheFill fill);

/* How many caches one function may keep (one per table it reads). */
#define MR_TABLE_CACHE_SLOTS 2

#endif
