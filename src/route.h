/*
 * route.h: what route_segment.c and route.c share.
 */
#ifndef MIGREC_ROUTE_H
#define MIGREC_ROUTE_H

#include "lib/stringinfo.h"
#include "utils/sortsupport.h"
#include "common/hashfn.h"

#include "route_io.h"

/* A route_segment argument; its invariants asserted (only corruption breaks them). */
static inline mr_route_segment *
mr_route_segment_arg(FunctionCallInfo fcinfo, int argno)
{
	mr_route_segment *seg = (mr_route_segment *) PG_GETARG_POINTER(argno);

	Assert(mr_route_segment_valid(seg));
	return seg;
}

#define PG_GETARG_ROUTE_SEGMENT(n) mr_route_segment_arg(fcinfo, (n))

extern void mr_report_route_error(FunctionCallInfo fcinfo, const char *type,
								  const char *str, mr_status st, size_t pos);
extern void mr_route_segment_recv(StringInfo buf, mr_route_segment *seg);
extern void mr_route_segment_send(StringInfo buf, const mr_route_segment *seg);

#endif
