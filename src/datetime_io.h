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

/* Days from 1970-01-01 to 2000-01-01 (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE). */
#define MR_UNIX_TO_PG_DAYS 10957

/*
 * The longest texts the formatters write, without the NUL, for any value of
 * the representation and not only valid ones (a corrupt value must not
 * overrun its buffer): a date "-5877611-06-23" (14) at INT32_MIN + 1; a
 * timestamp "-290278-12-22T19:59:05.224193Z" (30) near INT64_MIN.  Valid
 * values are shorter: "5874897-12-31" (13), "294276-12-31T23:59:59.999999Z"
 * (29).  "-infinity" is 9.  (test/unit checks the extremes.)
 */
#define MR_DATE_TEXT_MAX 14
#define MR_TIMESTAMP_TEXT_MAX 30
#define MR_DATE_TEXT_SIZE (MR_DATE_TEXT_MAX + 1)
#define MR_TIMESTAMP_TEXT_SIZE (MR_TIMESTAMP_TEXT_MAX + 1)

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

/*
 * The calendar (proleptic Gregorian), in days since 2000-01-01: the day of
 * a year, month and day, and back.
 */
extern int64_t mr_days_from_civil(int64_t y, int m, int d);
extern void mr_civil_from_days(int64_t days, int64_t *y, int *m, int *d);

/*
 * The age in completed years on day `at` of someone born on day `birth`
 * (finite days).  Exact: the age goes up on the birthday; someone born on 29
 * February is a year older on 1 March of a common year (on 28 February
 * still the age before).  MR_ERR_ORDER when birth is after at.
 */
extern mr_status mr_age_at(int32_t birth, int32_t at, int64_t *age);

/* The UTC day of a finite timestamp (days since 2000-01-01). */
extern int64_t mr_timestamp_day(int64_t ts);

#endif
