/*
 * transit_profile_io.h: the empirical distribution of transit times in
 * days, and its text form, in plain C.
 */
#ifndef MIGREC_TRANSIT_PROFILE_IO_H
#define MIGREC_TRANSIT_PROFILE_IO_H

#include "codes.h"
#include "scan.h"

/*
 * Stored layout, frozen (checked at compile time in transit_profile.c):
 * varlena header, uint16 version, uint16 flags, int32 nbins, int32 unused,
 * int64 overflow, then int64 counts[nbins].
 */
#define TRANSIT_PROFILE_HEADER_SIZE 24

/* Exact counts for 0..TRANSIT_MAX_DAY days; longer times count as overflow. */
#define TRANSIT_MAX_DAY 730
#define TRANSIT_NBINS (TRANSIT_MAX_DAY + 1)

/*
 * {0:5, 1:12, 7:3, >730:2}: the days with their counts, ascending, and the
 * overflow; {} when empty.  counts[] has TRANSIT_NBINS entries.  All the
 * counts together are at most INT64_MAX (the number of observations must be
 * readable): past that, MR_ERR_OUT_OF_RANGE at the count that crosses it.
 */
extern mr_status mr_transit_profile_parse(const char *s, size_t len, int64_t *counts,
										  int64_t *overflow, size_t *errpos);
/*
 * Bytes mr_transit_profile_format() needs for nbins bins (0 if that
 * overflows): a bin "730:COUNT" and ", "; then the overflow ">730:COUNT"
 * with its ", ", "{}" and the NUL.
 */
#define TRANSIT_BIN_TEXT_MAX (3 + 1 + MR_INT64_TEXT_MAX + 2)
#define TRANSIT_PROFILE_TEXT_FIXED (1 + TRANSIT_BIN_TEXT_MAX + 3)
#define TRANSIT_PROFILE_TEXT_SIZE(nbins) \
	mr_text_size((nbins), TRANSIT_BIN_TEXT_MAX, TRANSIT_PROFILE_TEXT_FIXED)
/* ... and for the most bins there are, as a constant */
#define TRANSIT_PROFILE_TEXT_SIZE_MAX (TRANSIT_NBINS * TRANSIT_BIN_TEXT_MAX + TRANSIT_PROFILE_TEXT_FIXED)
extern size_t mr_transit_profile_format(const int64_t *counts, int nbins, int64_t overflow,
										char *out);

/*
 * A stored profile's invariants: 0..731 bins, counts and overflow
 * non-negative, the last bin non-zero.  What recv checks, with
 * mr_transit_profile_total(): 0.1 accepted profiles whose counts add up past
 * INT64_MAX, and those stay readable (their text is fine), though the
 * functions that need the total refuse them.
 */
extern bool mr_transit_profile_counts_valid(const int64_t *counts, int nbins, int64_t overflow);

/* All observations, the overflow included; false past INT64_MAX. */
extern bool mr_transit_profile_total(const int64_t *counts, int nbins, int64_t overflow,
									 int64_t *total);

/*
 * quantile(q) as percentile_disc(q) over the observations: the first day
 * whose cumulative count reaches ceil(q * total), that rank kept within 1 ..
 * total (q * total is a double: above 2^53 it may round past the total).
 * False when the day lies in the overflow, or there are no observations.
 * q is in [0, 1]; total is from mr_transit_profile_total().
 */
extern bool mr_transit_profile_quantile(const int64_t *counts, int nbins, int64_t total,
										double q, int *day);

#endif
