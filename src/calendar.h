/*
 * calendar.h: the server's side of the business-day calendars (calendar.c),
 * for the functions that count terms in business days.
 */
#ifndef MIGREC_CALENDAR_H
#define MIGREC_CALENDAR_H

#include "migrec.h"

#include "calendar_io.h"

/* The calendar of a country, or an error (22023) naming the countries that have one. */
extern const mr_calendar *mr_calendar_of(uint16 country);

/*
 * The error for a calendar's status other than MR_OK: a date out of its
 * range (22008).  what says which date, for the message.
 */
extern void mr_calendar_error(const mr_calendar *c, mr_status st, const char *what, int64 day);

/*
 * The suspension spans of a jurisdiction, from the table
 * procedure_suspensions (read once per statement: table_cache.h) in cache
 * slot `slot` of the calling function.
 */
extern const mr_spans *mr_suspensions_of(FunctionCallInfo fcinfo, int slot, uint16 jurisdiction);

#endif
