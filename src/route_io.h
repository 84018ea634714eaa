/*
 * route_io.h: journeys in plain C: the route_segment layout, the text forms
 * of route_segment and route, and the canonical order of a route's legs.
 */
#ifndef MIGREC_ROUTE_IO_H
#define MIGREC_ROUTE_IO_H

#include "codes.h"
#include "datetime_io.h"
#include "place_io.h"
#include "scan.h"

/*
 * Stored layouts, frozen (checked at compile time in route_segment.c and
 * route.c, and against pg_type.typlen by test/hostile's layout test):
 *   route_segment: the struct below (INTERNALLENGTH 16);
 *   route: varlena header, uint16 version, uint16 flags, then the legs.
 */
#define ROUTE_SEGMENT_INTERNALLENGTH 16
#define ROUTE_HEADER_SIZE 8

/*
 * A leg: 16 bytes, frozen.  Dates are PostgreSQL dates (days since
 * 2000-01-01); an unknown date is ROUTE_DATE_UNKNOWN, which is PostgreSQL's
 * 'infinity' and sorts after every known date (legs never have infinite
 * dates, so it is free).
 */
typedef struct mr_route_segment
{
	int32_t		departed;
	int32_t		origin;			/* place */
	int32_t		destination;	/* place */
	int32_t		arrived;
} mr_route_segment;

#define ROUTE_DATE_UNKNOWN INT32_MAX

/* "CO NCI -> PA-5 [2021-08-01,2021-08-09]": two places, " -> ", " [", two dates, ',', ']' */
#define ROUTE_SEGMENT_TEXT_MAX (2 * PLACE_TEXT_MAX + 4 + 2 + 2 * MR_DATE_TEXT_MAX + 2)
#define ROUTE_SEGMENT_TEXT_SIZE (ROUTE_SEGMENT_TEXT_MAX + 1)

static inline bool
route_date_known(int32_t d)
{
	return d != ROUTE_DATE_UNKNOWN;
}

/*
 * Parse a leg at s: ORIGIN -> DESTINATION, optionally followed by
 * [DEPARTED,ARRIVED] with either date empty.  Stops after the leg;
 * *consumed is how far it read (trailing blanks included).  With
 * whole = true the leg must fill the text.  MR_ERR_ARRIVES_FIRST: it arrives
 * before it departs.
 */
extern mr_status mr_route_segment_parse(const char *s, size_t len, bool whole,
										mr_route_segment *out, size_t *consumed, size_t *errpos);
extern size_t mr_route_segment_format(const mr_route_segment *seg, char *out);

/* What recv checks: valid places, dates in range, arrival not before departure. */
extern bool mr_route_segment_valid(const mr_route_segment *seg);

/* btree order: departure (unknown last), origin, destination, arrival. */
extern int	mr_route_segment_cmp(const mr_route_segment *a, const mr_route_segment *b);

/*
 * Routes: {LEG, LEG, ...} in canonical order, {} when empty.
 * mr_route_max_segments() bounds the number of legs a text holds.
 */
extern size_t mr_route_max_segments(const char *s, size_t len);
extern mr_status mr_route_parse(const char *s, size_t len, mr_route_segment *segs, size_t cap,
								size_t *n, size_t *errpos);
/* Bytes mr_route_format() needs for n legs (0 if that overflows): legs and ", ", "{}", NUL. */
#define ROUTE_TEXT_SIZE(n) mr_text_size((n), ROUTE_SEGMENT_TEXT_MAX + 2, 3)
extern size_t mr_route_format(const mr_route_segment *segs, size_t n, char *out);

/*
 * The canonical order: legs with a known departure by departure date, ties
 * and legs with an unknown departure in input order, the unknown last.
 * mr_route_sort() sorts segs[0..n) stably so (tmp: room for n legs).
 */
extern void mr_route_sort(mr_route_segment *segs, size_t n, mr_route_segment *tmp);
extern bool mr_route_is_canonical(const mr_route_segment *segs, size_t n);

/* Every leg starts where the one before it ended. */
extern bool mr_route_continuous(const mr_route_segment *segs, size_t n);

#endif
