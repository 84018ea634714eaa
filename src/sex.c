/*
 * sex.c: the sex type (1 byte, passed by value): F, M, X, unknown.
 *
 * Comparison and hashing reuse core's "char" functions (bound in the
 * install script; they compare as unsigned bytes), as for every one-byte
 * type of migrec; mr_byte_sortsupport below is their shared sort support.
 */
#include "migrec.h"

#include "utils/sortsupport.h"

#include "people.h"

#if PG_VERSION_NUM < 150000
static int
byte_fastcmp(Datum a, Datum b, SortSupport ssup)
{
	(void) ssup;
	return (int) DatumGetUInt8(a) - (int) DatumGetUInt8(b);
}
#endif

/* Sort support of the one-byte types: sex, age_band, accompaniment, encounter. */
PG_FUNCTION_INFO_V1(mr_byte_sortsupport);
Datum
mr_byte_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

#if PG_VERSION_NUM >= 150000
	/* tuplesort's specialized unsigned-datum quicksort */
	ssup->comparator = ssup_datum_unsigned_cmp;
#else
	ssup->comparator = byte_fastcmp;
#endif
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(sex_in);
Datum
sex_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	int			v;
	size_t		errpos;

	if (mr_sex_parse(str, strlen(str), &v, &errpos) != MR_OK)
	{
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type %s: \"%s\"", "sex", str),
						errhint("A sex is F, M, X (unspecified, ICAO Doc 9303; also <) or UNK (unknown); parse_sex() reads more spellings.")));
		PG_RETURN_NULL();
	}
	PG_RETURN_BYTE(v);
}

PG_FUNCTION_INFO_V1(sex_out);
Datum
sex_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(pstrdup(mr_sex_code(PG_GETARG_SEX(0))));
}

/* Binary form: one byte, the stored value (1 F, 2 M, 3 X, 15 unknown). */
PG_FUNCTION_INFO_V1(sex_recv);
Datum
sex_recv(PG_FUNCTION_ARGS)
{
	return mr_byte_recv(fcinfo, mr_sex_valid, "sex");
}

PG_FUNCTION_INFO_V1(sex_send);
Datum
sex_send(PG_FUNCTION_ARGS)
{
	return mr_byte_send(PG_GETARG_SEX(0));
}

PG_FUNCTION_INFO_V1(sex_label);
Datum
sex_label(PG_FUNCTION_ARGS)
{
	int			v = PG_GETARG_SEX(0);

	PG_RETURN_TEXT_P(mr_utf8_to_text(mr_sex_label(v, mr_label_lang_es(PG_GETARG_TEXT_PP(1), "sex"))));
}

/* parse_sex(text): a cleaning function, NULL for what it cannot read. */
PG_FUNCTION_INFO_V1(parse_sex);
Datum
parse_sex(PG_FUNCTION_ARGS)
{
	size_t		len;
	char	   *s = mr_text_to_utf8(PG_GETARG_TEXT_PP(0), &len);
	int			v = mr_sex_clean(s, len);

	if (v == 0)
		PG_RETURN_NULL();
	PG_RETURN_BYTE(v);
}
