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

/* The language of a lang argument, or an error (22023). */
extern mr_lang mr_lang_arg(text *lang);

/* A text argument converted to a NUL-terminated UTF-8 string. */
extern char *mr_text_to_utf8(text *t, size_t *len);

/* A UTF-8 string (from the generated tables) as text in the server encoding. */
extern text *mr_utf8_to_text(const char *s);

/*
 * The probability of each transit time of a transit_profile, 0..730 days,
 * into prob[731]; returns how many leading entries can be non-zero (0 for
 * an empty profile).
 */
extern int	mr_profile_probabilities(Datum profile, double *prob);

/*
 * The aggregate's memory context, for transition, combine, serial and final
 * functions of internal-state aggregates; an error when called otherwise.
 */
extern MemoryContext mr_aggregate_context(FunctionCallInfo fcinfo, const char *fname);

/*
 * The buffer for a value's text, of a size from its *_TEXT_SIZE macro (0
 * when the size overflowed): 54000 when palloc cannot give that much.
 */
extern char *mr_text_buffer(size_t size, const char *type);

/* Build a tuple descriptor for a function returning a row, or fail. */
extern TupleDesc mr_result_tupdesc(FunctionCallInfo fcinfo);

#endif
