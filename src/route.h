/*
 * route.h: what route_segment.c and route.c share.
 */
#ifndef MIGREC_ROUTE_H
#define MIGREC_ROUTE_H

#include "lib/stringinfo.h"
#include "utils/sortsupport.h"
#include "common/hashfn.h"

#include "route_io.h"

#define PG_GETARG_ROUTE_SEGMENT(n) ((mr_route_segment *) PG_GETARG_POINTER(n))

extern void mr_report_route_error(FunctionCallInfo fcinfo, const char *type,
								  const char *str, mr_status st, size_t pos);
extern void mr_route_segment_recv(StringInfo buf, mr_route_segment *seg);
extern void mr_route_segment_send(StringInfo buf, const mr_route_segment *seg);

#endif
