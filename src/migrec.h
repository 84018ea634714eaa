/*
 * migrec.h: what the fmgr wrappers of all migrec types share.
 */
#ifndef MIGREC_H
#define MIGREC_H

#include "postgres.h"

#include "access/tupdesc.h"
#include "fmgr.h"
#if PG_VERSION_NUM >= 160000
#include "nodes/miscnodes.h"
#include "varatt.h"				/* VARSIZE and friends left postgres.h in 16 */
#endif

#include "codes.h"

/*
 * Soft input errors (PostgreSQL 16+): input functions report through
 * fcinfo->context so that pg_input_is_valid() and COPY ... ON_ERROR work;
 * before 16 the same call simply raises the error.
 */
#if PG_VERSION_NUM >= 160000
#define mr_input_error(fcinfo, ...) errsave((fcinfo)->context, __VA_ARGS__)
#else
#define mr_input_error(fcinfo, ...) \
	do { (void) (fcinfo); ereport(ERROR, __VA_ARGS__); } while (0)
#endif

/* Datum conversions of the fixed-size types. */
#define DatumGetNationality(d) ((uint16) DatumGetInt16(d))
#define NationalityGetDatum(v) Int16GetDatum((int16) (v))
#define PG_GETARG_NATIONALITY(n) DatumGetNationality(PG_GETARG_DATUM(n))
#define PG_RETURN_NATIONALITY(v) return NationalityGetDatum(v)

#define DatumGetPlace(d) DatumGetInt32(d)
#define PlaceGetDatum(v) Int32GetDatum(v)
#define PG_GETARG_PLACE(n) DatumGetPlace(PG_GETARG_DATUM(n))
#define PG_RETURN_PLACE(v) return PlaceGetDatum(v)

#define DatumGetProtectionStatus(d) ((int) DatumGetUInt8(d))
#define ProtectionStatusGetDatum(v) UInt8GetDatum((uint8) (v))
#define PG_GETARG_PROTECTION_STATUS(n) DatumGetProtectionStatus(PG_GETARG_DATUM(n))
#define PG_RETURN_PROTECTION_STATUS(v) return ProtectionStatusGetDatum(v)

/*
 * A stored value that breaks its type's invariants: only corruption makes
 * one (every way in checks them), so XX001, as core reports a damaged page.
 */
#define mr_corrupt_value(type) \
	ereport(ERROR, \
			(errcode(ERRCODE_DATA_CORRUPTED), \
			 errmsg("corrupt %s value", (type))))

/*
 * A one-byte argument (sex, age_band, age_scheme, accompaniment, encounter)
 * that valid() accepts: every way in checks it, so another byte is a
 * corrupt datum (XX001).
 */
static inline int
mr_byte_arg(FunctionCallInfo fcinfo, int argno, bool (*valid) (int), const char *type)
{
	int			v = DatumGetUInt8(PG_GETARG_DATUM(argno));

	if (unlikely(!valid(v)))
		mr_corrupt_value(type);
	return v;
}

/* The language of a lang argument, or an error (22023). */
extern mr_lang mr_lang_arg(text *lang);

/* A text argument converted to a NUL-terminated UTF-8 string. */
extern char *mr_text_to_utf8(text *t, size_t *len);

/* A UTF-8 string (from the generated tables) as text in the server encoding. */
extern text *mr_utf8_to_text(const char *s);

/*
 * The probability of each transit time of a transit_profile, 0..730 days,
 * into prob[731]; returns how many leading entries can be non-zero, and
 * sets *observed when the profile has any observation (in the overflow
 * too).
 */
extern int	mr_profile_probabilities(Datum profile, double *prob, bool *observed);

/* A transit_profile value of counts[731] and an overflow (checked by the caller). */
extern struct varlena *mr_profile_from_counts(const int64 *counts, int64 overflow);

/*
 * A flow_series value, checked: its first day, its days and their counts
 * (pointing into v).
 */
extern void mr_flow_series_read(struct varlena *v, int32 *start, const int64 **counts, int *ndays);

/*
 * The events of a protection_history argument (detoasted, its header
 * checked; with copy, a copy in the current memory context): returns n and
 * points *at and *status at the arrays (protection_history.c).
 */
extern int	mr_history_events(FunctionCallInfo fcinfo, int argno, bool copy,
							  const int64 **at, const uint8 **status);

/*
 * The statuses of a protection_history datum, read in place when it is
 * stored inline (*copy: a detoasted copy to pfree, or NULL).
 */
extern int	mr_history_statuses(Datum d, const uint8 **status, void **copy);

/*
 * A varlena argument, detoasted; with copy, always a copy in the current
 * memory context (what a set-returning function keeps across its calls).
 */
static inline struct varlena *
mr_detoast_arg(FunctionCallInfo fcinfo, int argno, bool copy)
{
	return copy ? PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(argno))
		: PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));
}

/*
 * Set-returning functions, one value per call (docs/hacking.md).  The first
 * call runs setup in the memory that lasts across calls (the place for
 * what the rows are read from, such as a detoasted copy of an argument);
 * setup sets the range of k and may leave arg for row().  Each call then
 * asks row() for row k, and returns it unless row() declines it.  A row
 * is values[]/nulls[] (up to MR_SRF_MAX_COLUMNS), or values[0] alone for a
 * function returning SETOF a scalar (scalar = true).
 */
typedef struct MrRows
{
	uint64		first;			/* the first k */
	uint64		end;			/* one past the last k */
	bool		scalar;
	void	   *arg;
} MrRows;

#define MR_SRF_MAX_COLUMNS 12

typedef void (*MrRowsSetup) (FunctionCallInfo fcinfo, MrRows *rows);
typedef bool (*MrRowFn) (FunctionCallInfo fcinfo, void *arg, uint64 k,
						 Datum *values, bool *nulls);

extern Datum mr_srf_rows(FunctionCallInfo fcinfo, MrRowsSetup setup, MrRowFn row);

/*
 * The buffer for a value's text, of a size from its *_TEXT_SIZE macro (0
 * when the size overflowed): 54000 when palloc cannot give that much.
 */
extern char *mr_text_buffer(size_t size, const char *type);

/* Build a tuple descriptor for a function returning a row, or fail. */
extern TupleDesc mr_result_tupdesc(FunctionCallInfo fcinfo);

#endif
