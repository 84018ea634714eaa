/*
 * accompaniment.c: the accompaniment type (1 byte, passed by value): who a
 * person travels with when encountered; and each publisher's category of a
 * person from it and the person's age band (accompaniment_io.h).
 */
#include "migrec.h"

#include "people.h"

#define ACC_NAMES "alone, with_parent, with_relative, with_caregiver, with_child, unknown"

PG_FUNCTION_INFO_V1(accompaniment_in);
Datum
accompaniment_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	int			v;
	size_t		errpos;

	if (mr_accompaniment_parse(str, strlen(str), &v, &errpos) != MR_OK)
	{
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type %s: \"%s\"", "accompaniment", str),
						errhint("An accompaniment is one of " ACC_NAMES ".")));
		PG_RETURN_NULL();
	}
	PG_RETURN_BYTE(v);
}

PG_FUNCTION_INFO_V1(accompaniment_out);
Datum
accompaniment_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(pstrdup(mr_accompaniment_name(PG_GETARG_ACCOMPANIMENT(0))));
}

/* Binary form: one byte, the stored value (1..5, 15 unknown). */
PG_FUNCTION_INFO_V1(accompaniment_recv);
Datum
accompaniment_recv(PG_FUNCTION_ARGS)
{
	return mr_byte_recv(fcinfo, mr_accompaniment_valid, "accompaniment");
}

PG_FUNCTION_INFO_V1(accompaniment_send);
Datum
accompaniment_send(PG_FUNCTION_ARGS)
{
	return mr_byte_send(PG_GETARG_ACCOMPANIMENT(0));
}

PG_FUNCTION_INFO_V1(accompaniment_label);
Datum
accompaniment_label(PG_FUNCTION_ARGS)
{
	int			v = PG_GETARG_ACCOMPANIMENT(0);

	PG_RETURN_TEXT_P(mr_utf8_to_text(mr_accompaniment_label(v, mr_label_lang_es(PG_GETARG_TEXT_PP(1), "accompaniment"))));
}

/*
 * child_category(accompaniment, age_band): UNHCR/UNICEF's accompanied,
 * separated, unaccompanied or unknown for a child; NULL for an adult or an
 * unknown age.  A NULL accompaniment counts as unknown.
 */
PG_FUNCTION_INFO_V1(accompaniment_child_category);
Datum
accompaniment_child_category(PG_FUNCTION_ARGS)
{
	int			acc;

	if (PG_ARGISNULL(1) || mr_age_band_class(PG_GETARG_AGE_BAND(1)) != MR_AGE_CLASS_CHILD)
		PG_RETURN_NULL();
	acc = PG_ARGISNULL(0) ? MR_ACC_UNKNOWN : PG_GETARG_ACCOMPANIMENT(0);
	PG_RETURN_TEXT_P(cstring_to_text(mr_child_category_names[mr_child_category(acc)]));
}

/*
 * cbp_group(accompaniment, age_band): CBP's demographic group; a NULL
 * argument counts as unknown.
 */
PG_FUNCTION_INFO_V1(accompaniment_cbp_group);
Datum
accompaniment_cbp_group(PG_FUNCTION_ARGS)
{
	int			acc = PG_ARGISNULL(0) ? MR_ACC_UNKNOWN : PG_GETARG_ACCOMPANIMENT(0);
	int			cls = PG_ARGISNULL(1) ? MR_AGE_CLASS_UNKNOWN : mr_age_band_class(PG_GETARG_AGE_BAND(1));

	PG_RETURN_TEXT_P(cstring_to_text(mr_cbp_group_names[mr_cbp_group(cls, acc)]));
}

/*
 * upm_condition(accompaniment, age_band): UPM's condición de viaje of a
 * child (acompañado, no acompañado, sin dato); NULL for an adult or an
 * unknown age.
 */
PG_FUNCTION_INFO_V1(accompaniment_upm_condition);
Datum
accompaniment_upm_condition(PG_FUNCTION_ARGS)
{
	int			acc;

	if (PG_ARGISNULL(1) || mr_age_band_class(PG_GETARG_AGE_BAND(1)) != MR_AGE_CLASS_CHILD)
		PG_RETURN_NULL();
	acc = PG_ARGISNULL(0) ? MR_ACC_UNKNOWN : PG_GETARG_ACCOMPANIMENT(0);
	PG_RETURN_TEXT_P(mr_utf8_to_text(mr_upm_condition_names[mr_upm_condition(acc)]));
}
