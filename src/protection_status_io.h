/*
 * protection_status_io.h: the protection procedure's states and the text
 * form of protection_status and protection_history, in plain C.
 */
#ifndef MIGREC_PROTECTION_STATUS_IO_H
#define MIGREC_PROTECTION_STATUS_IO_H

#include "codes.h"
#include "datetime_io.h"
#include "scan.h"

/*
 * Stored layouts, frozen (checked at compile time in protection_status.c
 * and protection_history.c, and against pg_type.typlen by test/hostile's
 * layout test):
 *   protection_status: one byte, the state's value (INTERNALLENGTH 1);
 *   protection_history: varlena header, uint16 version, uint16 flags, then
 *     int64 at[n] and uint8 status[n].
 */
#define PROTECTION_STATUS_INTERNALLENGTH 1
#define HISTORY_HEADER_SIZE 8
#define HISTORY_EVENT_SIZE 9	/* an int64 timestamp and a status byte */

typedef enum mr_outcome
{
	MR_OUTCOME_NONE = 0,		/* not a decision */
	MR_OUTCOME_RECOGNIZED,
	MR_OUTCOME_COMPLEMENTARY,
	MR_OUTCOME_REJECTED,
	MR_OUTCOME_OTHERWISE_CLOSED
} mr_outcome;

/*
 * The stored values: each state's position in the pipeline order.  Frozen:
 * stored data, indexes and hash partitions depend on them (status_data.c
 * checks at compile time that the generated table agrees).
 */
typedef enum mr_status_value
{
	MR_ST_ENCOUNTERED = 1,
	MR_ST_SCREENING,
	MR_ST_CLAIM_LODGED,
	MR_ST_ADMITTED,
	MR_ST_INTERVIEWED,
	MR_ST_INADMISSIBLE,
	MR_ST_RECOGNIZED_REFUGEE,
	MR_ST_RECOGNIZED_CARTAGENA,
	MR_ST_COMPLEMENTARY_PROTECTION,
	MR_ST_REJECTED,
	MR_ST_UNDER_APPEAL,
	MR_ST_REJECTED_FINAL,
	MR_ST_WITHDRAWN,
	MR_ST_ABANDONED,
	MR_ST_REGULARIZED,
	MR_ST_RESETTLED,
	MR_ST_VOLUNTARY_RETURN,
	MR_ST_DEPORTED,
	MR_ST_EXPELLED
} mr_status_value;

typedef struct mr_status_info
{
	const char *name;			/* snake_case, as in text */
	const char *label_en;
	const char *label_es;
	bool		terminal;
	uint8_t		outcome;		/* mr_outcome */
	uint32_t	next;			/* bit s set: s may follow */
} mr_status_info;

/* Generated from the domain notes (status_data.c); index = status value. */
extern const mr_status_info mr_statuses[];
extern const int mr_nstatuses;

/* The longest state name (test/unit checks the generated table against it). */
#define MR_STATUS_NAME_MAX 31

static inline bool
mr_status_value_valid(int s)
{
	return s >= 1 && s <= mr_nstatuses;
}

static inline bool
mr_can_transition(int from, int to)
{
	return (mr_statuses[from].next >> to) & 1;
}

/* Substantive decision: recognized, complementary or rejected. */
static inline bool
mr_is_decision(int s)
{
	int			o = mr_statuses[s].outcome;

	return o == MR_OUTCOME_RECOGNIZED || o == MR_OUTCOME_COMPLEMENTARY ||
		o == MR_OUTCOME_REJECTED;
}

/* A state name, any case, blanks around it ignored; *out is 1..19. */
extern mr_status mr_protection_status_parse(const char *s, size_t len, int *out, size_t *errpos);

/* The names closest to a rejected one, comma-separated; returns how many. */
extern int	mr_protection_status_suggest(const char *s, size_t len, char *out, size_t outsize);

/*
 * protection_history text: {status@timestamp, ...} in time order, e.g.
 * {claim_lodged@2021-06-03T09:00:00Z, admitted@2021-06-20T00:00:00Z}; {} is
 * the empty history.  mr_history_max_events() bounds how many events a text
 * holds, so the caller can size at[] and status[] for mr_history_parse().
 */
extern size_t mr_history_max_events(const char *s, size_t len);
extern mr_status mr_history_parse(const char *s, size_t len, int64_t *at, uint8_t *status,
								  size_t cap, size_t *n, size_t *errpos);

/*
 * Bytes mr_history_format() needs for n events, with the NUL (0 if that
 * overflows): an event is a name, '@', a timestamp and ", " before the next;
 * around them "{}" and the NUL.
 */
#define HISTORY_EVENT_TEXT_MAX (MR_STATUS_NAME_MAX + 1 + MR_TIMESTAMP_TEXT_MAX + 2)
#define HISTORY_TEXT_FIXED 3
#define HISTORY_TEXT_SIZE(n) mr_text_size((n), HISTORY_EVENT_TEXT_MAX, HISTORY_TEXT_FIXED)
extern size_t mr_history_format(const int64_t *at, const uint8_t *status, size_t n, char *out);

/* Are these events a valid stored history (statuses, timestamps, order)? */
extern bool mr_history_events_valid(const int64_t *at, const uint8_t *status, size_t n);

/*
 * Decision levels (UNHCR counts first-instance and appeal decisions apart,
 * never adding them).  Values as the SQL enum procedure_level orders them.
 */
typedef enum mr_level
{
	MR_LEVEL_NONE = 0,			/* not a decision / not pending */
	MR_LEVEL_FIRST_INSTANCE = 1,
	MR_LEVEL_APPEAL = 2
} mr_level;

#define MR_NLEVELS 3

/*
 * The level of event k of a history's statuses st[]: a decision (any
 * outcome, otherwise closed included) reached from under_appeal is an
 * appeal decision; one reached from a decision state is that decision
 * becoming final (rejected -> rejected_final with no appeal), not a new
 * one: MR_LEVEL_NONE; any other is a first-instance decision (a repeat
 * claim's too).  MR_LEVEL_NONE for an event that is no decision.
 */
static inline mr_level
mr_event_level(const uint8_t *st, int k)
{
	if (mr_statuses[st[k]].outcome == MR_OUTCOME_NONE)
		return MR_LEVEL_NONE;
	if (k > 0 && st[k - 1] == MR_ST_UNDER_APPEAL)
		return MR_LEVEL_APPEAL;
	if (k > 0 && mr_statuses[st[k - 1]].outcome != MR_OUTCOME_NONE)
		return MR_LEVEL_NONE;
	return MR_LEVEL_FIRST_INSTANCE;
}

/*
 * The level at which a case in state s awaits a decision (UNHCR's
 * asylum-seeker: a claim lodged and not yet determined): first instance from
 * claim_lodged to a decision, appeal while under_appeal, MR_LEVEL_NONE
 * otherwise (before a claim, after a decision not appealed, after closure).
 */
static inline mr_level
mr_pending_level(int s)
{
	switch (s)
	{
		case MR_ST_CLAIM_LODGED:
		case MR_ST_ADMITTED:
		case MR_ST_INTERVIEWED:
			return MR_LEVEL_FIRST_INSTANCE;
		case MR_ST_UNDER_APPEAL:
			return MR_LEVEL_APPEAL;
		default:
			return MR_LEVEL_NONE;
	}
}

/* The index of the last event at or before t (at[] non-decreasing), or -1. */
static inline int
mr_history_index_at(const int64_t *at, int n, int64_t t)
{
	int			lo = 0,
				hi = n;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (at[mid] <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo - 1;
}

#endif
