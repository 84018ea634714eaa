/*
 * flow_series_io.h: a dense daily series of counts and its text form, in
 * plain C.
 */
#ifndef MIGREC_FLOW_SERIES_IO_H
#define MIGREC_FLOW_SERIES_IO_H

#include "codes.h"
#include "datetime_io.h"

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
#define FLOW_SERIES_TEXT_SIZE(n) ((size_t) (n) * 21 + MR_DATE_TEXT_SIZE + 8)
extern size_t mr_flow_series_format(int32_t start, const int64_t *counts, size_t ndays, char *out);

/*
 * A stored series' invariants (what recv checks): at most FLOW_MAX_DAYS
 * days, all finite dates, counts non-negative; an empty series starts at 0.
 */
extern bool mr_flow_series_values_valid(int32_t start, const int64_t *counts, size_t ndays);

#endif
