/*
 * calendar.c: business days per country.  The national_* functions count on
 * the compiled calendars alone (weekends and national public holidays,
 * src/calendar_data.c): IMMUTABLE, so usable in indexes and shipped to
 * postgres_fdw shards.  business_days(), add_business_days() and
 * is_business_day() also skip the suspension periods of the table
 * procedure_suspensions, which an agency adds to: STABLE, since a table is
 * read (once per statement, table_cache.h).
 */
#include "migrec.h"

#include "funcapi.h"
#include "executor/spi.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "calendar.h"
#include "datetime_io.h"
#include "nationality_io.h"
#include "table_cache.h"

const mr_calendar *
mr_calendar_of(uint16 country)
{
	const mr_calendar *c = mr_calendar_find(country);

	if (c == NULL)
	{
		char		code[NATIONALITY_TEXT_SIZE];
		char		list[4 * 32] = "";

		for (int i = 0; i < mr_ncalendars && i < 32; i++)
		{
			if (i > 0)
				strcat(list, " ");
			strcat(list, mr_calendars[i].alpha3);
		}
		if (mr_nationality_valid(country))
			mr_nationality_format(country, code);
		else
			strcpy(code, "?");
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("no business-day calendar for %s", code),
				 errdetail("Calendars exist for %s.", list),
				 errhint("SELECT * FROM business_calendars() lists them with their sources.")));
	}
	return c;
}

void
mr_calendar_error(const mr_calendar *c, mr_status st, const char *what, int64 day)
{
	char		first[MR_DATE_TEXT_SIZE],
				last[MR_DATE_TEXT_SIZE],
				d[MR_DATE_TEXT_SIZE];

	Assert(st == MR_ERR_OUT_OF_RANGE);
	(void) st;
	mr_date_format(MR_CALENDAR_FIRST, first);
	mr_date_format(MR_CALENDAR_LAST, last);
	if (day >= PG_INT32_MIN && day <= PG_INT32_MAX)
		mr_date_format((int32) day, d);
	else
		strcpy(d, "?");
	ereport(ERROR,
			(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
			 errmsg("%s out of range for the business-day calendar of %s: %s", what, c->alpha3, d),
			 errdetail("The calendars cover %s to %s.", first, last)));
}

/* ---------- the suspension table ---------- */

/* The spans of every jurisdiction in the table, read once per statement. */
typedef struct SuspensionSet
{
	int			n;				/* jurisdictions */
	uint16	   *jurisdiction;
	mr_spans   *spans;
} SuspensionSet;

static const mr_spans no_spans = {0, NULL, NULL};

/* rows: jurisdiction, first_day, last_day (NULL: open-ended), ordered by jurisdiction */
static void *
fill_suspensions(MemoryContext cxt, SPITupleTable *rows, uint64 nrows)
{
	SuspensionSet *set = MemoryContextAllocZero(cxt, sizeof(SuspensionSet));
	int32	   *first = MemoryContextAlloc(cxt, Max(nrows, 1) * sizeof(int32));
	int32	   *last = MemoryContextAlloc(cxt, Max(nrows, 1) * sizeof(int32));

	set->jurisdiction = MemoryContextAlloc(cxt, Max(nrows, 1) * sizeof(uint16));
	set->spans = MemoryContextAlloc(cxt, Max(nrows, 1) * sizeof(mr_spans));
	for (uint64 i = 0; i < nrows;)
	{
		bool		isnull;
		uint16		j = DatumGetNationality(SPI_getbinval(rows->vals[i], rows->tupdesc, 1, &isnull));
		uint64		k = i;
		mr_spans   *s = &set->spans[set->n];

		/* the rows of jurisdiction j */
		for (; k < nrows; k++)
		{
			Datum		d;

			if (DatumGetNationality(SPI_getbinval(rows->vals[k], rows->tupdesc, 1, &isnull)) != j)
				break;
			d = SPI_getbinval(rows->vals[k], rows->tupdesc, 2, &isnull);
			first[k] = isnull ? MR_CALENDAR_FIRST : DatumGetDateADT(d);
			d = SPI_getbinval(rows->vals[k], rows->tupdesc, 3, &isnull);
			last[k] = isnull ? MR_CALENDAR_LAST : DatumGetDateADT(d);
		}
		s->first = first + i;
		s->last = last + i;
		s->n = mr_spans_normalize(s->first, s->last, (int) (k - i));
		set->jurisdiction[set->n++] = j;
		i = k;
	}
	return set;
}

#define SUSPENSIONS_QUERY \
	"SELECT jurisdiction, first_day, last_day FROM %s WHERE counted ORDER BY jurisdiction"

const mr_spans *
mr_suspensions_of(FunctionCallInfo fcinfo, int slot, uint16 jurisdiction)
{
	SuspensionSet *set = mr_table_cache_get(fcinfo, slot, "procedure_suspensions",
											SUSPENSIONS_QUERY, fill_suspensions);

	for (int i = 0; i < set->n; i++)
		if (set->jurisdiction[i] == jurisdiction)
			return &set->spans[i];
	return &no_spans;
}

/* ---------- counting ---------- */

static int32
count_days(FunctionCallInfo fcinfo, bool with_suspensions)
{
	DateADT		a = PG_GETARG_DATEADT(0),
				b = PG_GETARG_DATEADT(1);
	uint16		country = PG_GETARG_NATIONALITY(2);
	const mr_calendar *c = mr_calendar_of(country);
	int32		n;
	mr_status	st;

	if (with_suspensions)
		st = mr_spans_count(c, mr_suspensions_of(fcinfo, 0, country), a, b, &n);
	else
		st = mr_calendar_count(c, a, b, &n);
	if (st != MR_OK)
		mr_calendar_error(c, st, "date", mr_calendar_covers(a) ? b : a);
	return n;
}

static DateADT
add_days(FunctionCallInfo fcinfo, bool with_suspensions)
{
	DateADT		d = PG_GETARG_DATEADT(0);
	int32		n = PG_GETARG_INT32(1);
	uint16		country = PG_GETARG_NATIONALITY(2);
	const mr_calendar *c = mr_calendar_of(country);
	int32		out;
	mr_status	st;

	if (with_suspensions)
		st = mr_spans_add(c, mr_suspensions_of(fcinfo, 0, country), d, n, &out);
	else
		st = mr_calendar_add(c, d, n, &out);
	if (st != MR_OK)
	{
		if (!mr_calendar_covers(d))
			mr_calendar_error(c, st, "date", d);
		{
			char		first[MR_DATE_TEXT_SIZE],
						last[MR_DATE_TEXT_SIZE],
						from[MR_DATE_TEXT_SIZE];

			mr_date_format(MR_CALENDAR_FIRST, first);
			mr_date_format(MR_CALENDAR_LAST, last);
			mr_date_format(d, from);
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("%d business days from %s fall outside the business-day calendar of %s",
							n, from, c->alpha3),
					 errdetail("The calendars cover %s to %s.", first, last)));
		}
	}
	return out;
}

PG_FUNCTION_INFO_V1(national_business_days);
Datum
national_business_days(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(count_days(fcinfo, false));
}

PG_FUNCTION_INFO_V1(national_add_business_days);
Datum
national_add_business_days(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATEADT(add_days(fcinfo, false));
}

PG_FUNCTION_INFO_V1(calendar_business_days);
Datum
calendar_business_days(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(count_days(fcinfo, true));
}

PG_FUNCTION_INFO_V1(calendar_add_business_days);
Datum
calendar_add_business_days(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATEADT(add_days(fcinfo, true));
}

PG_FUNCTION_INFO_V1(calendar_is_business_day);
Datum
calendar_is_business_day(PG_FUNCTION_ARGS)
{
	DateADT		d = PG_GETARG_DATEADT(0);
	uint16		country = PG_GETARG_NATIONALITY(1);
	const mr_calendar *c = mr_calendar_of(country);

	if (!mr_calendar_covers(d))
		mr_calendar_error(c, MR_ERR_OUT_OF_RANGE, "date", d);
	PG_RETURN_BOOL(mr_spans_is_business(c, mr_suspensions_of(fcinfo, 0, country), d));
}

/* ---------- listing ---------- */

/* public_holidays(country, from, to): the non-working holidays in [from, to]. */
typedef struct HolidayRows
{
	const mr_calendar *c;
} HolidayRows;

static void
holidays_setup(FunctionCallInfo fcinfo, MrRows *rows)
{
	const mr_calendar *c = mr_calendar_of(PG_GETARG_NATIONALITY(0));
	DateADT		from = PG_GETARG_DATEADT(1),
				to = PG_GETARG_DATEADT(2);
	int			k = 0;

	rows->arg = (void *) c;
	while (k < c->nholidays && c->holidays[k].day < from)
		k++;
	rows->first = k;
	while (k < c->nholidays && c->holidays[k].day <= to)
		k++;
	rows->end = k;
}

static bool
holiday_row(FunctionCallInfo fcinfo, void *arg, uint64 k, Datum *values, bool *nulls)
{
	const mr_calendar *c = arg;
	const mr_holiday *h = &c->holidays[k];

	(void) fcinfo, (void) nulls;
	values[0] = DateADTGetDatum(h->day);
	values[1] = PointerGetDatum(mr_utf8_to_text(h->name_local));
	values[2] = PointerGetDatum(mr_utf8_to_text(h->name_en));
	return true;
}

PG_FUNCTION_INFO_V1(public_holidays);
Datum
public_holidays(PG_FUNCTION_ARGS)
{
	return mr_srf_rows(fcinfo, holidays_setup, holiday_row);
}

/* business_calendars(): the countries with a calendar, its range and source. */
static void
calendars_setup(FunctionCallInfo fcinfo, MrRows *rows)
{
	(void) fcinfo;
	rows->end = mr_ncalendars;
}

static bool
calendar_row(FunctionCallInfo fcinfo, void *arg, uint64 k, Datum *values, bool *nulls)
{
	const mr_calendar *c = &mr_calendars[k];

	(void) fcinfo, (void) arg, (void) nulls;
	values[0] = NationalityGetDatum(c->packed);
	values[1] = DateADTGetDatum(MR_CALENDAR_FIRST);
	values[2] = DateADTGetDatum(MR_CALENDAR_LAST);
	values[3] = Int32GetDatum(c->nholidays);
	values[4] = PointerGetDatum(cstring_to_text(c->lang));
	values[5] = PointerGetDatum(mr_utf8_to_text(mr_calendar_source));
	return true;
}

PG_FUNCTION_INFO_V1(business_calendars);
Datum
business_calendars(PG_FUNCTION_ARGS)
{
	return mr_srf_rows(fcinfo, calendars_setup, calendar_row);
}
