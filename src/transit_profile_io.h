/*
 * transit_profile_io.h: the empirical distribution of transit times in
 * days, and its text form, in plain C.
 */
#ifndef MIGREC_TRANSIT_PROFILE_IO_H
#define MIGREC_TRANSIT_PROFILE_IO_H

#include "codes.h"

/* Exact counts for 0..TRANSIT_MAX_DAY days; longer times count as overflow. */
#define TRANSIT_MAX_DAY 730
#define TRANSIT_NBINS (TRANSIT_MAX_DAY + 1)

/*
 * {0:5, 1:12, 7:3, >730:2}: the days with their counts, ascending, and the
 * overflow; {} when empty.  counts[] has TRANSIT_NBINS entries.
 */
extern mr_status mr_transit_profile_parse(const char *s, size_t len, int64_t *counts,
										  int64_t *overflow, size_t *errpos);
#define TRANSIT_PROFILE_TEXT_SIZE(nbins) ((size_t) (nbins) * 26 + 40)
extern size_t mr_transit_profile_format(const int64_t *counts, int nbins, int64_t overflow,
										char *out);

/*
 * A stored profile's invariants (what recv checks): 0..731 bins, counts
 * and overflow non-negative, the last bin non-zero.
 */
extern bool mr_transit_profile_counts_valid(const int64_t *counts, int nbins, int64_t overflow);

#endif
