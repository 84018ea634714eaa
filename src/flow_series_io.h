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
 * holds, so the caller can size counts[].
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
 * A stored series' invariants (what recv checks): at most FLOW_MAX_DAYS
 * days, all finite dates, counts non-negative; an empty series starts at 0.
 */
extern bool mr_flow_series_values_valid(int32_t start, const int64_t *counts, size_t ndays);

#endif
