/*
 * person_key.c: the person_key type (8 bytes, laid out like int8, whose
 * comparison and hash functions it reuses) and person_key(), an exact
 * linkage key: HMAC-SHA-256 under the agencies' shared secret of the
 * normalised family and given names, birth date, sex and nationality,
 * truncated to 64 bits.
 *
 * Why 64 bits: the key only has to tell apart the records it is compared
 * with, not resist a forger (who lacks the secret and gains nothing from a
 * shorter key), so the width is set by accidental collisions.  Among n
 * distinct persons the expected number of colliding pairs is n^2 / 2^65:
 * 2.7e-4 for a hundred million records, the region's encounters over a
 * decade, far below the rate at which two different persons share name,
 * birth date, sex and nationality (which no width can fix).  64 bits are
 * also int8's layout, so the key sorts and hashes with core's functions.
 */
#include "linkage.h"

#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "nationality_io.h"

StaticAssertDecl(PERSON_KEY_INTERNALLENGTH == sizeof(int64), "person_key is int8's layout (INTERNALLENGTH = 8 in 61_person_key.sql)");

PG_FUNCTION_INFO_V1(person_key_in);
Datum
person_key_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	uint64_t	v;
	size_t		errpos;

	if (mr_person_key_parse(str, strlen(str), &v, &errpos) != MR_OK)
	{
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type %s: \"%s\"", "person_key", str),
						errdetail("A person_key is 16 hexadecimal digits.")));
		PG_RETURN_NULL();
	}
	PG_RETURN_INT64((int64) v);
}

PG_FUNCTION_INFO_V1(person_key_out);
Datum
person_key_out(PG_FUNCTION_ARGS)
{
	char	   *out = palloc(MR_PERSON_KEY_TEXT_SIZE);

	mr_person_key_format((uint64) PG_GETARG_INT64(0), out);
	PG_RETURN_CSTRING(out);
}

/* Binary form: the 8 bytes, big-endian (every value is valid). */
PG_FUNCTION_INFO_V1(person_key_recv);
Datum
person_key_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);

	PG_RETURN_INT64(pq_getmsgint64(buf));
}

PG_FUNCTION_INFO_V1(person_key_send);
Datum
person_key_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint64(&buf, PG_GETARG_INT64(0));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/*
 * person_key(secret, family_names, given_names, birth, sex, nationality):
 * NULL when the family names have no letter left after normalisation (a
 * record that cannot be keyed); given names may be empty.
 */
PG_FUNCTION_INFO_V1(person_key);
Datum
person_key(PG_FUNCTION_ARGS)
{
	bytea	   *secret = mr_secret_arg(fcinfo, 0);
	char		family[MR_NAME_BUFSIZE];
	char		given[MR_NAME_BUFSIZE];
	int			year,
				month,
				day;
	char		sex;
	char		nat[NATIONALITY_TEXT_SIZE];
	uint8		msg[MR_PERSON_KEY_MSG_MAX];
	size_t		msglen;
	uint8		mac[MR_HMAC_SIZE];
	uint64		v = 0;

	if (!mr_name_arg(PG_GETARG_TEXT_PP(1), MR_NAME_FAMILY, "family name", family))
		PG_RETURN_NULL();
	if (!mr_name_arg(PG_GETARG_TEXT_PP(2), MR_NAME_GIVEN, "given name", given))
		given[0] = '\0';
	mr_birth_arg(PG_GETARG_DATEADT(3), &year, &month, &day);
	sex = mr_sex_arg(PG_GETARG_TEXT_PP(4));
	mr_nationality_format(PG_GETARG_NATIONALITY(5), nat);

	msglen = mr_person_key_message(family, given, year, month, day, sex, nat, msg);
	Assert(msglen <= sizeof(msg));
	mr_hmac_sha256((uint8 *) VARDATA_ANY(secret), VARSIZE_ANY_EXHDR(secret), msg, msglen, mac);
	/* the first 8 bytes of the MAC, big-endian: what hmac_sha256() shows */
	for (int i = 0; i < MR_PERSON_KEY_SIZE; i++)
		v = (v << 8) | mac[i];
	explicit_bzero(mac, sizeof(mac));
	PG_RETURN_INT64((int64) v);
}
