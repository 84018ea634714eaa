/*
 * flow_series_io.h: a dense daily series of counts and its text form, in
 * plain C.
 */
#ifndef MIGREC_FLOW_SERIES_IO_H
#define MIGREC_FLOW_SERIES_IO_H

#include "codes.h"
#include "datetime_io.h"
#include "scan.h"

/*
 * Stored layout, frozen (checked at compile time in flow_series.c): varlena
 * header, uint16 version, uint16 flags, int32 start (a date), int32 unused,
 * then int64 counts[ndays].
 */
#define FLOW_SERIES_HEADER_SIZE 16

/* The longest series: about 270 years of days. */
#define FLOW_MAX_DAYS 100000

/*
 * 2021-06-01 {400,380,0,12}: the first day, then the count of each day
 * from it; {} when empty.  mr_flow_series_max_days() bounds the days a text
 * holds, so the caller can size counts[].  At most FLOW_MAX_DAYS days
 * (MR_ERR_TOO_LONG), and the counts add up to at most INT64_MAX, so that
 * total() can read every series (MR_ERR_OUT_OF_RANGE at the count past it).
 */
extern size_t mr_flow_series_max_days(const char *s, size_t len);
extern mr_status mr_flow_series_parse(const char *s, size_t len, int32_t *start, int64_t *counts,
									  size_t cap, size_t *ndays, size_t *errpos);
/*
 * Bytes mr_flow_series_format() needs for n days (0 if that overflows): a
 * count and ','; before them the first day and " {", after them "}" and the
 * NUL ("{}" alone when empty).
 */
#define FLOW_SERIES_TEXT_SIZE(n) mr_text_size((n), MR_INT64_TEXT_MAX + 1, MR_DATE_TEXT_MAX + 2 + 2)
extern size_t mr_flow_series_format(int32_t start, const int64_t *counts, size_t ndays, char *out);

/*
 * A stored series' invariants: all its days finite dates, counts
 * non-negative; an empty series starts at 0.  What a value must keep to be
 * read at all: 0.1 let a series grow past FLOW_MAX_DAYS days and its counts
 * add up past INT64_MAX, and such values stay readable.
 */
extern bool mr_flow_series_stored_valid(int32_t start, const int64_t *counts, size_t ndays);

/*
 * What recv checks, as in does: the above, at most FLOW_MAX_DAYS days, and
 * a total that mr_flow_series_total() can compute.
 */
extern bool mr_flow_series_values_valid(int32_t start, const int64_t *counts, size_t ndays);

/* The sum of the counts; false past INT64_MAX. */
extern bool mr_flow_series_total(const int64_t *counts, size_t ndays, int64_t *total);

#endif
