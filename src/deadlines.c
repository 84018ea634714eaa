/*
 * deadlines.c: overdue(h, at, jurisdiction), the legal deadlines of the
 * procedure (the table procedure_deadlines) that a case's timeline has let
 * pass at a time, counted on the jurisdiction's business-day calendar with
 * its suspensions (calendar.c).
 *
 * A deadline's clock runs while the case stays in its from_states and
 * running_states: it starts at the first event of that stretch whose state
 * is a from_state, and stops when the case moves to any other state (one of
 * its to_states, which meets it, or any state that ends that stage: a
 * closure, a decision made final).  Terms count "from the business day
 * after" the start (business_days() and add_business_days()); dates are
 * those of the events in the session's time zone.
 */
#include "migrec.h"

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"

#include "calendar.h"
#include "nationality_io.h"
#include "protection_status_io.h"
#include "table_cache.h"

typedef enum DeadlineUnit
{
	UNIT_BUSINESS_DAYS,
	UNIT_CALENDAR_DAYS,
	UNIT_MONTHS,
	UNIT_YEARS
} DeadlineUnit;

static const char *const unit_names[] = {"business_days", "calendar_days", "months", "years"};

typedef struct Deadline
{
	uint16		jurisdiction;
	char	   *name;
	bool		computable;		/* from_states given (else it starts outside the timeline) */
	uint32		from;			/* bit s: state s starts the clock */
	uint32		running;		/* bit s: the clock keeps running in state s */
	int32		length;
	DeadlineUnit unit;
	int32		extension;		/* 0: none */
	char	   *obliged;		/* authority or applicant */
	char	   *confidence;
} Deadline;

typedef struct DeadlineSet
{
	int			n;
	Deadline   *d;
} DeadlineSet;

static uint32
status_mask(Datum array)
{
	ArrayType  *a = DatumGetArrayTypeP(array);
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	uint32		mask = 0;

	deconstruct_array(a, ARR_ELEMTYPE(a), PROTECTION_STATUS_INTERNALLENGTH, true, TYPALIGN_CHAR,
					  &elems, &nulls, &n);
	for (int i = 0; i < n; i++)
		if (!nulls[i])
			mask |= UINT32_C(1) << DatumGetProtectionStatus(elems[i]);
	return mask;
}

/* rows: jurisdiction, deadline, from_states, running_states, length, unit, extension, obliged, confidence */
static void *
fill_deadlines(MemoryContext cxt, SPITupleTable *rows, uint64 nrows)
{
	DeadlineSet *set = MemoryContextAllocZero(cxt, sizeof(DeadlineSet));
	TupleDesc	desc = rows->tupdesc;

	set->d = MemoryContextAllocZero(cxt, Max(nrows, 1) * sizeof(Deadline));
	for (uint64 i = 0; i < nrows; i++)
	{
		HeapTuple	t = rows->vals[i];
		Deadline   *d = &set->d[set->n++];
		bool		isnull;
		Datum		v;
		char	   *unit;
		MemoryContext old;

		d->jurisdiction = DatumGetNationality(SPI_getbinval(t, desc, 1, &isnull));
		old = MemoryContextSwitchTo(cxt);
		d->name = TextDatumGetCString(SPI_getbinval(t, desc, 2, &isnull));
		MemoryContextSwitchTo(old);
		v = SPI_getbinval(t, desc, 3, &isnull);
		d->computable = !isnull;
		d->from = isnull ? 0 : status_mask(v);
		v = SPI_getbinval(t, desc, 4, &isnull);
		d->running = (isnull ? 0 : status_mask(v)) | d->from;
		d->length = DatumGetInt32(SPI_getbinval(t, desc, 5, &isnull));
		unit = TextDatumGetCString(SPI_getbinval(t, desc, 6, &isnull));
		d->unit = UNIT_BUSINESS_DAYS;
		for (int u = 0; u < (int) lengthof(unit_names); u++)
			if (strcmp(unit, unit_names[u]) == 0)
				d->unit = (DeadlineUnit) u;
		v = SPI_getbinval(t, desc, 7, &isnull);
		d->extension = isnull ? 0 : DatumGetInt32(v);
		old = MemoryContextSwitchTo(cxt);
		d->obliged = TextDatumGetCString(SPI_getbinval(t, desc, 8, &isnull));
		d->confidence = TextDatumGetCString(SPI_getbinval(t, desc, 9, &isnull));
		MemoryContextSwitchTo(old);
	}
	return set;
}

#define DEADLINES_QUERY \
	"SELECT jurisdiction, deadline, from_states, running_states, length, unit, extension, obliged, confidence FROM %s ORDER BY jurisdiction, deadline"

/* The date of a timestamp in the session's time zone (22008 when infinite). */
static DateADT
event_date(TimestampTz t)
{
	return DatumGetDateADT(DirectFunctionCall1(timestamptz_date, TimestampTzGetDatum(t)));
}

/* The last day of a term of n units that starts the day after `start`. */
static DateADT
term_end(const mr_calendar *c, const mr_spans *s, DeadlineUnit unit, DateADT start, int32 n)
{
	int32		out;
	mr_status	st;

	switch (unit)
	{
		case UNIT_BUSINESS_DAYS:
			st = mr_spans_add(c, s, start, n, &out);
			if (st != MR_OK)
				mr_calendar_error(c, st, "deadline", start);
			return out;
		case UNIT_CALENDAR_DAYS:
			return DatumGetDateADT(DirectFunctionCall2(date_pli, DateADTGetDatum(start), Int32GetDatum(n)));
		case UNIT_MONTHS:
		case UNIT_YEARS:
			{
				Interval	iv = {0};
				Timestamp	ts;

				iv.month = unit == UNIT_MONTHS ? n : n * 12;
				ts = DatumGetTimestamp(DirectFunctionCall2(date_pl_interval, DateADTGetDatum(start),
														   IntervalPGetDatum(&iv)));
				return DatumGetDateADT(DirectFunctionCall1(timestamp_date, TimestampGetDatum(ts)));
			}
	}
	return start;
}

/* Days from a term's last day to `day`, in the term's unit (business or calendar days). */
static int32
days_past(const mr_calendar *c, const mr_spans *s, DeadlineUnit unit, DateADT due, DateADT day)
{
	int32		n;
	mr_status	st;

	if (unit != UNIT_BUSINESS_DAYS)
		return day - due;
	st = mr_spans_count(c, s, due, day, &n);
	if (st != MR_OK)
		mr_calendar_error(c, st, "date", day);
	return n;
}

PG_FUNCTION_INFO_V1(procedure_overdue);
Datum
procedure_overdue(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const int64 *at;
	const uint8 *st;
	int			n = mr_history_events(fcinfo, 0, false, &at, &st);
	TimestampTz t = PG_GETARG_TIMESTAMPTZ(1);
	uint16		jurisdiction = PG_GETARG_NATIONALITY(2);
	DeadlineSet *set;
	TupleDesc	tupdesc;
	Tuplestorestate *store;
	MemoryContext old;
	int			k = mr_history_index_at(at, n, t);
	bool		any = false;
	const mr_calendar *c = NULL;
	const mr_spans *spans = NULL;
	DateADT		today = 0;

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) || (rsinfo->allowedModes & SFRM_Materialize) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("set-valued function called in context that cannot accept a set")));
	set = mr_table_cache_get(fcinfo, 1, "procedure_deadlines", DEADLINES_QUERY, fill_deadlines);

	old = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	tupdesc = mr_result_tupdesc(fcinfo);
	store = tuplestore_begin_heap(true, false, work_mem);
	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = store;
	rsinfo->setDesc = tupdesc;
	MemoryContextSwitchTo(old);

	for (int i = 0; i < set->n; i++)
	{
		const Deadline *d = &set->d[i];
		int			start = -1;
		DateADT		started,
					due,
					due_ext;
		int32		past;
		Datum		values[9];
		bool		nulls[9] = {0};

		if (d->jurisdiction != jurisdiction)
			continue;
		any = true;
		if (!d->computable || k < 0)
			continue;
		/* the stretch of running states that ends at event k, and its first from-state */
		for (int j = k; j >= 0 && (d->running >> st[j]) & 1; j--)
			if ((d->from >> st[j]) & 1)
				start = j;
		if (start < 0)
			continue;

		if (c == NULL)
		{
			c = mr_calendar_of(jurisdiction);
			spans = mr_suspensions_of(fcinfo, 0, jurisdiction);
			today = event_date(t);
			if (!mr_calendar_covers(today))
				mr_calendar_error(c, MR_ERR_OUT_OF_RANGE, "date", today);
		}
		started = event_date(at[start]);
		if (!mr_calendar_covers(started))
			mr_calendar_error(c, MR_ERR_OUT_OF_RANGE, "date", started);
		due = term_end(c, spans, d->unit, started, d->length);
		if (today <= due)
			continue;
		past = days_past(c, spans, d->unit, due, today);
		if (past <= 0)
			continue;			/* past the last day by non-business days only: not yet a business day late */
		due_ext = d->extension > 0 ? term_end(c, spans, d->unit, started, d->length + d->extension) : 0;

		values[0] = CStringGetTextDatum(d->name);
		values[1] = CStringGetTextDatum(d->obliged);
		values[2] = DateADTGetDatum(started);
		values[3] = DateADTGetDatum(due);
		values[4] = Int32GetDatum(past);
		values[5] = CStringGetTextDatum(d->unit == UNIT_BUSINESS_DAYS ? "business_days" : "calendar_days");
		if (d->extension > 0)
		{
			values[6] = DateADTGetDatum(due_ext);
			values[7] = BoolGetDatum(today > due_ext);
		}
		else
			nulls[6] = nulls[7] = true;
		values[8] = CStringGetTextDatum(d->confidence);
		tuplestore_putvalues(store, tupdesc, values, nulls);
	}
	if (!any)
	{
		char		code[NATIONALITY_TEXT_SIZE];

		mr_nationality_format(jurisdiction, code);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("no deadlines recorded for %s", code),
				 errhint("SELECT * FROM procedure_deadlines lists them; an agency adds its own rows.")));
	}
	return (Datum) 0;
}
