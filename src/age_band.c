/*
 * age_band.c: the age_band type (1 byte, passed by value: scheme and band),
 * exact ages at a date, and the bands of an age or of a birth date.
 *
 * Comparison and hashing are core's "char" functions (unsigned bytes), so
 * values order by scheme, then by age, unknown last (age_band_io.h).
 */
#include "migrec.h"

#include "utils/date.h"

#include "datetime_io.h"
#include "people.h"

#define SCHEME_NAMES "unhcr, eurostat, upm, child"

PG_FUNCTION_INFO_V1(age_band_in);
Datum
age_band_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	int			v;
	size_t		errpos;
	mr_status	st = mr_age_band_parse(str, strlen(str), &v, &errpos);

	if (st == MR_OK)
		PG_RETURN_BYTE(v);
	if (st == MR_ERR_UNKNOWN && mr_age_scheme_by_name(str, strcspn(str, ":")) != 0)
	{
		int			scheme = mr_age_scheme_by_name(str, strcspn(str, ":"));
		const mr_scheme_info *si = &mr_schemes[scheme];
		char		codes[256] = "";

		for (int b = 0; b < si->nbands; b++)
		{
			strlcat(codes, si->bands[b].code, sizeof(codes));
			strlcat(codes, ", ", sizeof(codes));
		}
		strlcat(codes, si->unknown.code, sizeof(codes));
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type %s: \"%s\"", "age_band", str),
						errdetail("Scheme %s has no band \"%s\".", si->name, str + errpos),
						errhint("The bands of %s are %s.", si->name, codes)));
	}
	else if (st == MR_ERR_UNKNOWN)
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type %s: \"%s\"", "age_band", str),
						errhint("An age_band is scheme:band, e.g. unhcr:0-4; the schemes are " SCHEME_NAMES ".")));
	else
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type %s: \"%s\"", "age_band", str),
						errhint("An age_band is scheme:band, e.g. unhcr:0-4 or eurostat:Y_LT14.")));
	PG_RETURN_NULL();
}

PG_FUNCTION_INFO_V1(age_band_out);
Datum
age_band_out(PG_FUNCTION_ARGS)
{
	char	   *out = palloc(AGE_BAND_TEXT_SIZE);

	mr_age_band_format(PG_GETARG_AGE_BAND(0), out);
	PG_RETURN_CSTRING(out);
}

/* Binary form: one byte, scheme << 4 | band. */
PG_FUNCTION_INFO_V1(age_band_recv);
Datum
age_band_recv(PG_FUNCTION_ARGS)
{
	return mr_byte_recv(fcinfo, mr_age_band_valid, "age_band");
}

PG_FUNCTION_INFO_V1(age_band_send);
Datum
age_band_send(PG_FUNCTION_ARGS)
{
	return mr_byte_send(PG_GETARG_AGE_BAND(0));
}

/* ---- age_scheme: one byte, the scheme's number ---- */

PG_FUNCTION_INFO_V1(age_scheme_in);
Datum
age_scheme_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	int			scheme = mr_age_scheme_by_name(str, strlen(str));

	if (scheme == 0)
	{
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type %s: \"%s\"", "age_scheme", str),
						errhint("The age schemes are " SCHEME_NAMES ".")));
		PG_RETURN_NULL();
	}
	PG_RETURN_BYTE(scheme);
}

PG_FUNCTION_INFO_V1(age_scheme_out);
Datum
age_scheme_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(pstrdup(mr_schemes[PG_GETARG_AGE_SCHEME(0)].name));
}

/* Binary form: one byte, 1 unhcr, 2 eurostat, 3 upm, 4 child. */
PG_FUNCTION_INFO_V1(age_scheme_recv);
Datum
age_scheme_recv(PG_FUNCTION_ARGS)
{
	return mr_byte_recv(fcinfo, mr_age_scheme_valid, "age_scheme");
}

PG_FUNCTION_INFO_V1(age_scheme_send);
Datum
age_scheme_send(PG_FUNCTION_ARGS)
{
	return mr_byte_send(PG_GETARG_AGE_SCHEME(0));
}

static void
check_age(int64 age)
{
	if (age < 0 || age > MR_AGE_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("age %lld is out of range", (long long) age),
				 errdetail("Ages run from 0 to %d years.", MR_AGE_MAX),
				 errhint("Record an unknown age as NULL: it gives the scheme's unknown band.")));
}

/*
 * The exact age in completed years, or an error: an infinite date, a
 * birth after the reference date.
 */
static int64
age_at(DateADT birth, DateADT at)
{
	int64		age;

	if (DATE_NOT_FINITE(birth) || DATE_NOT_FINITE(at))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("cannot compute an age from an infinite date")));
	if (mr_age_at(birth, at, &age) != MR_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("birth date %s is after the reference date %s",
						mr_date_text(birth), mr_date_text(at))));
	return age;
}

/* age_in_years(birth, at): completed years, exact. */
PG_FUNCTION_INFO_V1(age_in_years);
Datum
age_in_years(PG_FUNCTION_ARGS)
{
	int64		age = age_at(PG_GETARG_DATEADT(0), PG_GETARG_DATEADT(1));

	if (age > PG_INT32_MAX)		/* cannot happen with PostgreSQL's dates */
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("integer out of range")));
	PG_RETURN_INT32((int32) age);
}

/* age_band(age int, scheme): NULL age gives the unknown band. */
PG_FUNCTION_INFO_V1(age_band_from_age);
Datum
age_band_from_age(PG_FUNCTION_ARGS)
{
	int			scheme;

	if (PG_ARGISNULL(1))
		PG_RETURN_NULL();
	scheme = PG_GETARG_AGE_SCHEME(1);
	if (PG_ARGISNULL(0))
		PG_RETURN_BYTE(mr_age_band_make(scheme, MR_BAND_UNKNOWN));
	check_age(PG_GETARG_INT32(0));
	PG_RETURN_BYTE(mr_age_band_of_age(scheme, PG_GETARG_INT32(0)));
}

/*
 * age_band(birth date, at date, scheme): the band of the exact age at a
 * date; a NULL birth or reference date gives the unknown band.
 */
PG_FUNCTION_INFO_V1(age_band_from_birth);
Datum
age_band_from_birth(PG_FUNCTION_ARGS)
{
	int			scheme;
	int64		age;

	if (PG_ARGISNULL(2))
		PG_RETURN_NULL();
	scheme = PG_GETARG_AGE_SCHEME(2);
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_BYTE(mr_age_band_make(scheme, MR_BAND_UNKNOWN));
	age = age_at(PG_GETARG_DATEADT(0), PG_GETARG_DATEADT(1));
	check_age(age);
	PG_RETURN_BYTE(mr_age_band_of_age(scheme, (int) age));
}

PG_FUNCTION_INFO_V1(age_band_scheme);
Datum
age_band_scheme(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTE(mr_age_band_scheme(PG_GETARG_AGE_BAND(0)));
}

PG_FUNCTION_INFO_V1(age_band_label);
Datum
age_band_label(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(mr_utf8_to_text(mr_age_band_info(PG_GETARG_AGE_BAND(0))->label));
}

/* The youngest age of a band; NULL for the unknown band. */
PG_FUNCTION_INFO_V1(age_band_min_age);
Datum
age_band_min_age(PG_FUNCTION_ARGS)
{
	int			v = PG_GETARG_AGE_BAND(0);

	if (mr_age_band_band(v) == MR_BAND_UNKNOWN)
		PG_RETURN_NULL();
	PG_RETURN_INT32(mr_age_band_info(v)->min_age);
}

/* The oldest age of a band; NULL when open-ended or unknown. */
PG_FUNCTION_INFO_V1(age_band_max_age);
Datum
age_band_max_age(PG_FUNCTION_ARGS)
{
	int			v = PG_GETARG_AGE_BAND(0);

	if (mr_age_band_band(v) == MR_BAND_UNKNOWN || mr_age_band_info(v)->max_age == MR_AGE_OPEN)
		PG_RETURN_NULL();
	PG_RETURN_INT32(mr_age_band_info(v)->max_age);
}

/* Under 18?  NULL for the unknown band. */
PG_FUNCTION_INFO_V1(age_band_is_child);
Datum
age_band_is_child(PG_FUNCTION_ARGS)
{
	int			c = mr_age_band_class(PG_GETARG_AGE_BAND(0));

	if (c == MR_AGE_CLASS_UNKNOWN)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(c == MR_AGE_CLASS_CHILD);
}

/* age_bands(scheme DEFAULT NULL): every band, of one scheme or of all. */
static void
bands_setup(FunctionCallInfo fcinfo, MrRows *rows)
{
	/* k walks the values, scheme << 4 | band, over every byte */
	rows->end = 256;
	rows->arg = palloc(sizeof(int));
	*(int *) rows->arg = PG_ARGISNULL(0) ? 0 : PG_GETARG_AGE_SCHEME(0);
}

static bool
band_row(FunctionCallInfo fcinfo, void *arg, uint64 k, Datum *values, bool *nulls)
{
	int			v = (int) k,
				only = *(int *) arg;
	const mr_band_info *b;
	bool		unknown;

	(void) fcinfo;
	if (!mr_age_band_valid(v) || (only != 0 && mr_age_band_scheme(v) != only))
		return false;
	b = mr_age_band_info(v);
	unknown = mr_age_band_band(v) == MR_BAND_UNKNOWN;
	values[0] = UInt8GetDatum((uint8) v);
	values[1] = UInt8GetDatum((uint8) mr_age_band_scheme(v));
	values[2] = PointerGetDatum(cstring_to_text(b->code));
	values[3] = PointerGetDatum(mr_utf8_to_text(b->label));
	nulls[4] = unknown;
	values[4] = Int32GetDatum(b->min_age);
	nulls[5] = unknown || b->max_age == MR_AGE_OPEN;
	values[5] = Int32GetDatum(b->max_age);
	return true;
}

PG_FUNCTION_INFO_V1(age_bands);
Datum
age_bands(PG_FUNCTION_ARGS)
{
	return mr_srf_rows(fcinfo, bands_setup, band_row);
}
