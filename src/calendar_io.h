/*
 * calendar_io.h: business-day calendars per country, in plain C.
 *
 * A calendar is a bitmap of the days MR_CALENDAR_FIRST (2000-01-01) to
 * MR_CALENDAR_LAST (2035-12-31), one bit per day, set for a business day:
 * Monday to Friday and not a national non-working holiday.  Beside each
 * 64-day word, the number of business days before it; so the rank of a day
 * (business days before it) is a lookup and a popcount, and counting the
 * business days between two dates never loops over the dates.  The tables
 * are generated (src/calendar_data.c, by tools/gen_calendar.py from
 * tools/holidays/holidays.tsv).
 *
 * Days are PostgreSQL's: days since 2000-01-01.  Counting convention, as
 * administrative law counts a term "from the business day after" its event:
 *   business days (a, b]:  those after a, up to and including b;
 *   the n-th business day after d (n > 0), or the |n|-th before it (n < 0);
 * both for dates within the calendar only: any other date (infinity too) is
 * MR_ERR_OUT_OF_RANGE, never a count that silently ignores holidays.
 *
 * Suspensions (periods an authority declared non-business: días inhábiles)
 * come as spans of days; the mr_spans_* functions count with them too.
 */
#ifndef MIGREC_CALENDAR_IO_H
#define MIGREC_CALENDAR_IO_H

#include "codes.h"

#define MR_CALENDAR_FIRST 0		/* 2000-01-01 */
#define MR_CALENDAR_NDAYS 13149 /* to 2035-12-31 */
#define MR_CALENDAR_LAST (MR_CALENDAR_FIRST + MR_CALENDAR_NDAYS - 1)
#define MR_CALENDAR_NWORDS ((MR_CALENDAR_NDAYS + 63) / 64)

typedef struct mr_holiday
{
	int32_t		day;
	const char *name_local;		/* in the calendar's language, UTF-8 */
	const char *name_en;
} mr_holiday;

typedef struct mr_calendar
{
	const char *alpha3;			/* the country */
	int			packed;			/* ... as mr_pack3() packs it */
	const char *lang;			/* the language of name_local: es or en */
	const uint64_t *working;	/* MR_CALENDAR_NWORDS words: bit k of word w
								 * is day 64 w + k */
	const int32_t *before;		/* MR_CALENDAR_NWORDS + 1: business days
								 * before word w */
	const mr_holiday *holidays; /* the non-working holidays, by day */
	int			nholidays;
} mr_calendar;

/* Generated (calendar_data.c). */
extern const mr_calendar mr_calendars[];
extern const int mr_ncalendars;
extern const char mr_calendar_source[];

/* The calendar of a packed alpha-3 code (mr_pack3), or NULL. */
static inline const mr_calendar *
mr_calendar_find(int packed3)
{
	for (int i = 0; i < mr_ncalendars; i++)
		if (mr_calendars[i].packed == packed3)
			return &mr_calendars[i];
	return NULL;
}

static inline bool
mr_calendar_covers(int64_t d)
{
	return d >= MR_CALENDAR_FIRST && d <= MR_CALENDAR_LAST;
}

/* Is day d (covered) a business day of the calendar? */
static inline bool
mr_calendar_is_business(const mr_calendar *c, int32_t d)
{
	int32_t		k = d - MR_CALENDAR_FIRST;

	return (c->working[k >> 6] >> (k & 63)) & 1;
}

/*
 * Set bits of a word: the instruction where the build targets it, else
 * branch-free arithmetic inline (the compiler's fallback for the builtin is
 * a call into libgcc, a good part of a count's cost).
 */
static inline int
mr_popcount64(uint64_t x)
{
#ifdef __POPCNT__
	return __builtin_popcountll(x);
#else
	x = x - ((x >> 1) & UINT64_C(0x5555555555555555));
	x = (x & UINT64_C(0x3333333333333333)) + ((x >> 2) & UINT64_C(0x3333333333333333));
	x = (x + (x >> 4)) & UINT64_C(0x0f0f0f0f0f0f0f0f);
	return (int) ((x * UINT64_C(0x0101010101010101)) >> 56);
#endif
}

/* Business days in [MR_CALENDAR_FIRST, d), for d in FIRST .. LAST + 1. */
static inline int32_t
mr_calendar_rank(const mr_calendar *c, int32_t d)
{
	int32_t		k = d - MR_CALENDAR_FIRST;
	int32_t		w = k >> 6,
				b = k & 63;

	if (b == 0)
		return c->before[w];
	return c->before[w] + mr_popcount64(c->working[w] & ((UINT64_C(1) << b) - 1));
}

/* Business days in (a, b] (negative when b < a): MR_OK, or out of range. */
extern mr_status mr_calendar_count(const mr_calendar *c, int64_t a, int64_t b, int32_t *out);

/* The n-th business day after d (n > 0), the |n|-th before it (n < 0), d for 0. */
extern mr_status mr_calendar_add(const mr_calendar *c, int64_t d, int64_t n, int32_t *out);

/*
 * Suspension spans: [first[i], last[i]] inclusive, sorted by first, not
 * overlapping, within the calendar (mr_spans_normalize() makes them so from
 * any list: clipped to the calendar, sorted, overlapping and adjacent spans
 * joined).  A business day inside a span does not count.
 */
typedef struct mr_spans
{
	int			n;
	int32_t    *first;
	int32_t    *last;
} mr_spans;

/*
 * Sorts and joins the n spans in place (a last below its first is
 * dropped; a last of MR_CALENDAR_LAST or beyond means open-ended); returns
 * the new count.
 */
extern int	mr_spans_normalize(int32_t *first, int32_t *last, int n);

/* Business days in (a, b] that are inside no span (negative when b < a). */
extern mr_status mr_spans_count(const mr_calendar *c, const mr_spans *s, int64_t a, int64_t b,
								 int32_t *out);

/* As mr_calendar_add(), skipping the days inside spans. */
extern mr_status mr_spans_add(const mr_calendar *c, const mr_spans *s, int64_t d, int64_t n,
							  int32_t *out);

/* Is day d (covered) a business day inside no span? */
extern bool mr_spans_is_business(const mr_calendar *c, const mr_spans *s, int32_t d);

#endif
