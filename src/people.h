/*
 * people.h: the fmgr side of the one-byte people types (sex, age_band,
 * age_scheme, accompaniment, encounter): their arguments, checked (a byte
 * no way in accepts is a corrupt datum, XX001), and their results.  Each
 * is one byte passed by value; comparison and hashing are core's "char"
 * functions (unsigned bytes), sort support mr_byte_sortsupport (sex.c).
 */
#ifndef MIGREC_PEOPLE_H
#define MIGREC_PEOPLE_H

#include "migrec.h"

#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "accompaniment_io.h"
#include "age_band_io.h"
#include "datetime_io.h"
#include "encounter_io.h"
#include "sex_io.h"

StaticAssertDecl(sizeof(uint8) == SEX_INTERNALLENGTH, "sex is INTERNALLENGTH 1");
StaticAssertDecl(sizeof(uint8) == AGE_BAND_INTERNALLENGTH, "age_band is INTERNALLENGTH 1");
StaticAssertDecl(sizeof(uint8) == AGE_SCHEME_INTERNALLENGTH, "age_scheme is INTERNALLENGTH 1");
StaticAssertDecl(sizeof(uint8) == ACCOMPANIMENT_INTERNALLENGTH, "accompaniment is INTERNALLENGTH 1");
StaticAssertDecl(sizeof(uint8) == ENCOUNTER_INTERNALLENGTH, "encounter is INTERNALLENGTH 1");

#define PG_GETARG_SEX(n) mr_byte_arg(fcinfo, (n), mr_sex_valid, "sex")
#define PG_GETARG_AGE_BAND(n) mr_byte_arg(fcinfo, (n), mr_age_band_valid, "age_band")
#define PG_GETARG_AGE_SCHEME(n) mr_byte_arg(fcinfo, (n), mr_age_scheme_valid, "age_scheme")
#define PG_GETARG_ACCOMPANIMENT(n) mr_byte_arg(fcinfo, (n), mr_accompaniment_valid, "accompaniment")
#define PG_GETARG_ENCOUNTER(n) mr_encounter_find(mr_byte_arg(fcinfo, (n), mr_encounter_valid, "encounter"))

/* The result of a one-byte type. */
#define PG_RETURN_BYTE(v) return UInt8GetDatum((uint8) (v))

/*
 * The binary forms, the same for all: the stored byte.  recv accepts what
 * valid() accepts, as input does (22P03 otherwise).
 */
static inline Datum
mr_byte_recv(FunctionCallInfo fcinfo, bool (*valid) (int), const char *type)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			v = pq_getmsgbyte(buf);

	if (!valid(v))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external %s value %d", type, v)));
	PG_RETURN_BYTE(v);
}

static inline Datum
mr_byte_send(int v)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, v);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* A date in ISO form for messages, whatever DateStyle says. */
static inline char *
mr_date_text(int32 d)
{
	char	   *out = palloc(MR_DATE_TEXT_SIZE);

	mr_date_format(d, out);
	return out;
}

/* The labels of the people types exist in English and Spanish: true for es. */
static inline bool
mr_label_lang_es(text *lang, const char *what)
{
	mr_lang		l = mr_lang_arg(lang);

	if (l != MR_LANG_EN && l != MR_LANG_ES)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unsupported language for %s labels: \"%s\"", what, text_to_cstring(lang)),
				 errhint("The %s labels exist in en and es.", what)));
	return l == MR_LANG_ES;
}

#endif
