/*
 * encounter.c: the encounter type (1 byte, passed by value): an encounter
 * with a migration authority under its legal authority, the dates each
 * kind is lawful on, and the US fiscal year.
 */
#include "migrec.h"

#include "catalog/pg_type.h"
#include "utils/date.h"
#include "utils/rangetypes.h"
#include "utils/typcache.h"

#include "people.h"

static char *
encounter_names(void)
{
	StringInfoData s;

	initStringInfo(&s);
	for (int i = 0; i < mr_nencounters; i++)
		appendStringInfo(&s, "%s%s", i ? ", " : "", mr_encounters[i].name);
	return s.data;
}

PG_FUNCTION_INFO_V1(encounter_in);
Datum
encounter_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	int			v;
	size_t		errpos;

	if (mr_encounter_parse(str, strlen(str), &v, &errpos) != MR_OK)
	{
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type %s: \"%s\"", "encounter", str),
						errhint("An encounter is one of %s.", encounter_names())));
		PG_RETURN_NULL();
	}
	PG_RETURN_BYTE(v);
}

PG_FUNCTION_INFO_V1(encounter_out);
Datum
encounter_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(pstrdup(PG_GETARG_ENCOUNTER(0)->name));
}

/* Binary form: one byte, country << 4 | kind. */
PG_FUNCTION_INFO_V1(encounter_recv);
Datum
encounter_recv(PG_FUNCTION_ARGS)
{
	return mr_byte_recv(fcinfo, mr_encounter_valid, "encounter");
}

PG_FUNCTION_INFO_V1(encounter_send);
Datum
encounter_send(PG_FUNCTION_ARGS)
{
	return mr_byte_send(PG_GETARG_ENCOUNTER(0)->value);
}

PG_FUNCTION_INFO_V1(encounter_authority);
Datum
encounter_authority(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(mr_utf8_to_text(PG_GETARG_ENCOUNTER(0)->authority));
}

PG_FUNCTION_INFO_V1(encounter_component);
Datum
encounter_component(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(mr_utf8_to_text(PG_GETARG_ENCOUNTER(0)->component));
}

PG_FUNCTION_INFO_V1(encounter_type);
Datum
encounter_type(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(mr_utf8_to_text(PG_GETARG_ENCOUNTER(0)->type));
}

PG_FUNCTION_INFO_V1(encounter_label);
Datum
encounter_label(PG_FUNCTION_ARGS)
{
	const mr_encounter_info *e = PG_GETARG_ENCOUNTER(0);

	PG_RETURN_TEXT_P(mr_utf8_to_text(mr_label_lang_es(PG_GETARG_TEXT_PP(1), "encounter") ? e->label_es : e->label_en));
}

/*
 * The day a kind is lawful on, for a date: infinite dates never are.
 */
static bool
valid_on(const mr_encounter_info *e, DateADT d)
{
	return !DATE_NOT_FINITE(d) && mr_encounter_valid_on(e, d);
}

PG_FUNCTION_INFO_V1(encounter_valid_on);
Datum
encounter_valid_on(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(valid_on(PG_GETARG_ENCOUNTER(0), PG_GETARG_DATEADT(1)));
}

/*
 * encounter_check(encounter, date): the encounter when its kind is lawful
 * on the date; otherwise an error (22023), e.g. a Title 42 expulsion
 * dated outside 2020-03-20 .. 2023-05-11.
 */
PG_FUNCTION_INFO_V1(encounter_check);
Datum
encounter_check(PG_FUNCTION_ARGS)
{
	const mr_encounter_info *e = PG_GETARG_ENCOUNTER(0);
	DateADT		d = PG_GETARG_DATEADT(1);

	if (!valid_on(e, d))
	{
		if (e->valid_from != INT32_MIN && e->valid_until != INT32_MAX)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s dated %s is outside its legal period", e->name,
							mr_date_text(d)),
					 errdetail("%s encounters are lawful from %s to %s.", e->authority,
							   mr_date_text(e->valid_from),
							   mr_date_text(e->valid_until))));
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s dated %s is outside its legal period", e->name,
						mr_date_text(d))));
	}
	PG_RETURN_DATUM(PG_GETARG_DATUM(0));
}

/*
 * us_fiscal_year(date): FY N runs from 1 October N-1 to 30 September N,
 * since FY 1977 (before, from 1 July): earlier dates are refused rather
 * than given a fiscal year they never had.
 */
PG_FUNCTION_INFO_V1(us_fiscal_year);
Datum
us_fiscal_year(PG_FUNCTION_ARGS)
{
	DateADT		d = PG_GETARG_DATEADT(0);

	if (DATE_NOT_FINITE(d))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("an infinite date has no fiscal year")));
	if (d < MR_FY_FIRST_DAY)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("date %s is before the US fiscal year began in October",
						mr_date_text(d)),
				 errdetail("US fiscal years run from 1 October since FY %d (1976-10-01); they began on 1 July before.",
						   MR_FY_FIRST)));
	/* within int4: PostgreSQL's last year is 5874897 */
	PG_RETURN_INT32((int32) mr_us_fiscal_year(d));
}

/* us_fiscal_year_dates(fy): [1 October fy-1, 1 October fy) as a daterange. */
PG_FUNCTION_INFO_V1(us_fiscal_year_dates);
Datum
us_fiscal_year_dates(PG_FUNCTION_ARGS)
{
	int32		fy = PG_GETARG_INT32(0);
	TypeCacheEntry *typcache;
	RangeBound	lower,
				upper;

	/* the upper bound, 1 October fy, must be a date PostgreSQL holds */
	if (fy < MR_FY_FIRST || fy > 5874897)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("US fiscal year %d is out of range", fy),
				 errdetail("US fiscal years run from 1 October since FY %d.", MR_FY_FIRST)));
	typcache = lookup_type_cache(DATERANGEOID, TYPECACHE_RANGE_INFO);
	lower.val = DateADTGetDatum(mr_us_fiscal_year_start(fy));
	lower.infinite = false;
	lower.inclusive = true;
	lower.lower = true;
	upper.val = DateADTGetDatum(mr_us_fiscal_year_start(fy + 1));
	upper.infinite = false;
	upper.inclusive = false;
	upper.lower = false;
#if PG_VERSION_NUM >= 160000
	PG_RETURN_RANGE_P(make_range(typcache, &lower, &upper, false, NULL));
#else
	PG_RETURN_RANGE_P(make_range(typcache, &lower, &upper, false));
#endif
}

/* encounter_kinds(): the vocabulary, one row per kind. */
static void
kinds_setup(FunctionCallInfo fcinfo, MrRows *rows)
{
	(void) fcinfo;
	rows->end = mr_nencounters;
}

static bool
kind_row(FunctionCallInfo fcinfo, void *arg, uint64 k, Datum *values, bool *nulls)
{
	const mr_encounter_info *e = &mr_encounters[k];

	(void) fcinfo;
	(void) arg;
	values[0] = UInt8GetDatum(e->value);
	values[1] = PointerGetDatum(cstring_to_text(e->country));
	values[2] = PointerGetDatum(mr_utf8_to_text(e->authority));
	values[3] = PointerGetDatum(mr_utf8_to_text(e->component));
	values[4] = PointerGetDatum(mr_utf8_to_text(e->type));
	values[5] = PointerGetDatum(mr_utf8_to_text(e->label_en));
	values[6] = PointerGetDatum(mr_utf8_to_text(e->label_es));
	nulls[7] = e->valid_from == INT32_MIN;
	values[7] = DateADTGetDatum(e->valid_from);
	nulls[8] = e->valid_until == INT32_MAX;
	values[8] = DateADTGetDatum(e->valid_until);
	return true;
}

PG_FUNCTION_INFO_V1(encounter_kinds);
Datum
encounter_kinds(PG_FUNCTION_ARGS)
{
	return mr_srf_rows(fcinfo, kinds_setup, kind_row);
}
