/*
 * datetime_io.h: ISO 8601 dates and timestamps in plain C, in PostgreSQL's
 * representations (days and microseconds since 2000-01-01, proleptic
 * Gregorian, UTC), for the text forms of histories and routes.  Output never
 * depends on the TimeZone setting.
 */
#ifndef MIGREC_DATETIME_IO_H
#define MIGREC_DATETIME_IO_H

#include "codes.h"

/* PostgreSQL's limits (datatype/timestamp.h), restated for plain C. */
#define MR_TS_NOBEGIN INT64_MIN	/* -infinity */
#define MR_TS_NOEND INT64_MAX	/* infinity */
#define MR_TS_MIN INT64_C(-211813488000000000)	/* 4714-11-24 BC 00:00 */
#define MR_TS_END INT64_C(9223371331200000000)	/* 294277-01-01 00:00 */
#define MR_DATE_NOBEGIN INT32_MIN
#define MR_DATE_NOEND INT32_MAX
#define MR_DATE_MIN (-2451545)	/* 4714-11-24 BC */
#define MR_DATE_END (2147483494 - 2451545)	/* 5874898-01-01: PostgreSQL's DATE_END_JULIAN from 2000-01-01 */
#define MR_USECS_PER_DAY INT64_C(86400000000)

#define MR_TIMESTAMP_TEXT_SIZE 40
#define MR_DATE_TEXT_SIZE 20

/* Is ts a timestamp PostgreSQL accepts (finite in range, or an infinity)? */
extern bool mr_timestamp_valid(int64_t ts);
extern bool mr_date_valid(int32_t d);

/*
 * Parse a timestamp at s: [-]YYYY-MM-DD, optionally followed by T or one
 * blank and HH:MM[:SS[.ffffff]], optionally followed by Z or a UTC offset
 * (+HH, +HHMM, +HH:MM; UTC when absent); or "infinity", "-infinity".
 * Years have four digits or more; year 0 is 1 BC.  Stops at the first
 * character that cannot continue it; *consumed is how far it read, and on
 * error *errpos the offset of the problem.
 */
extern mr_status mr_timestamp_parse(const char *s, size_t len, int64_t *out,
									size_t *consumed, size_t *errpos);

/* Parse a date: [-]YYYY-MM-DD, "infinity" or "-infinity". */
extern mr_status mr_date_parse(const char *s, size_t len, int32_t *out,
							   size_t *consumed, size_t *errpos);

/* 2021-08-01T14:05:09.5Z; returns the length written. */
extern int	mr_timestamp_format(int64_t ts, char *out);

/* 2021-08-01; returns the length written. */
extern int	mr_date_format(int32_t d, char *out);

/* The UTC day of a finite timestamp (days since 2000-01-01). */
extern int64_t mr_timestamp_day(int64_t ts);

#endif
