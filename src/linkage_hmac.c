/*
 * linkage_hmac.c: HMAC-SHA-256 on PostgreSQL's own SHA-256, the argument
 * checks person_key and clk share, and hmac_sha256() for SQL.
 *
 * From PostgreSQL 14 on, common/hmac.h provides HMAC (OpenSSL's when the
 * server is built with it).  On 13 RFC 2104's construction is a few lines
 * over core's SQL function sha256(bytea): 13's C interface to the hash
 * (common/sha2.h) includes OpenSSL's headers when the server was built with
 * OpenSSL, which a build machine need not have.  No other library is linked.
 */
#include "linkage.h"

#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"

#if PG_VERSION_NUM >= 140000
#include "common/hmac.h"
#include "common/sha2.h"

StaticAssertDecl(MR_HMAC_SIZE == PG_SHA256_DIGEST_LENGTH, "HMAC-SHA-256 output");
#endif

#if PG_VERSION_NUM >= 140000

struct mr_hmac
{
	pg_hmac_ctx *ctx;
};

static void
hmac_failed(mr_hmac *h)
{
#if PG_VERSION_NUM >= 150000
	const char *why = pg_hmac_error(h->ctx);
#else
	const char *why = "unknown reason";
#endif

	/* only a failing crypto library gets here: no user input is involved */
	elog(ERROR, "could not compute HMAC-SHA-256: %s", why);
}

mr_hmac *
mr_hmac_begin(void)
{
	mr_hmac    *h = palloc(sizeof(mr_hmac));

	h->ctx = pg_hmac_create(PG_SHA256);
	if (h->ctx == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory")));
	return h;
}

void
mr_hmac_compute(mr_hmac *h, const uint8 *key, size_t keylen,
				const uint8 *msg, size_t len, uint8 *out)
{
	if (pg_hmac_init(h->ctx, key, keylen) < 0 ||
		pg_hmac_update(h->ctx, msg, len) < 0 ||
		pg_hmac_final(h->ctx, out, MR_HMAC_SIZE) < 0)
		hmac_failed(h);
}

void
mr_hmac_end(mr_hmac *h)
{
	pg_hmac_free(h->ctx);
	pfree(h);
}

#else							/* PostgreSQL 13: RFC 2104 over sha256(bytea) */

#define HMAC_BLOCK 64			/* SHA-256's block */

struct mr_hmac
{
	int			unused;
};

mr_hmac *
mr_hmac_begin(void)
{
	return palloc0(sizeof(mr_hmac));
}

/* SHA-256 of a followed by b, through core's sha256(bytea) */
static void
sha256_of(const uint8 *a, size_t alen, const uint8 *b, size_t blen, uint8 *out)
{
	bytea	   *in = palloc(VARHDRSZ + alen + blen);
	bytea	   *digest;

	SET_VARSIZE(in, VARHDRSZ + alen + blen);
	memcpy(VARDATA(in), a, alen);
	if (blen > 0)
		memcpy(VARDATA(in) + alen, b, blen);
	digest = DatumGetByteaPP(DirectFunctionCall1(sha256_bytea, PointerGetDatum(in)));
	Assert(VARSIZE_ANY_EXHDR(digest) == MR_HMAC_SIZE);
	memcpy(out, VARDATA_ANY(digest), MR_HMAC_SIZE);
	explicit_bzero(VARDATA(in), alen + blen);
	pfree(in);
	pfree(digest);
}

void
mr_hmac_compute(mr_hmac *h, const uint8 *key, size_t keylen,
				const uint8 *msg, size_t len, uint8 *out)
{
	uint8		k[HMAC_BLOCK];
	uint8		pad[HMAC_BLOCK];
	uint8		inner[MR_HMAC_SIZE];

	(void) h;
	memset(k, 0, sizeof(k));
	if (keylen > HMAC_BLOCK)
		sha256_of(key, keylen, NULL, 0, k);	/* keys longer than a block are hashed first */
	else if (keylen > 0)
		memcpy(k, key, keylen);

	for (int i = 0; i < HMAC_BLOCK; i++)
		pad[i] = k[i] ^ 0x36;
	sha256_of(pad, HMAC_BLOCK, msg, len, inner);
	for (int i = 0; i < HMAC_BLOCK; i++)
		pad[i] = k[i] ^ 0x5c;
	sha256_of(pad, HMAC_BLOCK, inner, sizeof(inner), out);

	explicit_bzero(k, sizeof(k));
	explicit_bzero(pad, sizeof(pad));
}

void
mr_hmac_end(mr_hmac *h)
{
	pfree(h);
}

#endif

void
mr_hmac_sha256(const uint8 *key, size_t keylen, const uint8 *msg, size_t len, uint8 *out)
{
	mr_hmac    *h = mr_hmac_begin();

	mr_hmac_compute(h, key, keylen, msg, len, out);
	mr_hmac_end(h);
}

/* hmac_sha256(key bytea, message bytea) → bytea */
PG_FUNCTION_INFO_V1(mr_sql_hmac_sha256);
Datum
mr_sql_hmac_sha256(PG_FUNCTION_ARGS)
{
	bytea	   *key = PG_GETARG_BYTEA_PP(0);
	bytea	   *msg = PG_GETARG_BYTEA_PP(1);
	bytea	   *result = palloc(VARHDRSZ + MR_HMAC_SIZE);

	mr_hmac_sha256((uint8 *) VARDATA_ANY(key), VARSIZE_ANY_EXHDR(key),
				   (uint8 *) VARDATA_ANY(msg), VARSIZE_ANY_EXHDR(msg),
				   (uint8 *) VARDATA(result));
	SET_VARSIZE(result, VARHDRSZ + MR_HMAC_SIZE);
	PG_RETURN_BYTEA_P(result);
}

bytea *
mr_secret_arg(FunctionCallInfo fcinfo, int argno)
{
	bytea	   *secret = PG_GETARG_BYTEA_PP(argno);

	if (VARSIZE_ANY_EXHDR(secret) < MR_SECRET_MIN_BYTES)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("linkage secret too short: %d bytes",
						(int) VARSIZE_ANY_EXHDR(secret)),
				 errdetail("A linkage secret has at least %d random bytes.", MR_SECRET_MIN_BYTES),
				 errhint("Make one once from a random source (head -c 32 /dev/urandom, or gen_random_bytes(32) of pgcrypto) and share it only with the other agency.")));
	return secret;
}

bool
mr_name_arg(text *name, mr_name_form form, const char *what, char *out)
{
	size_t		len;
	char	   *s = mr_text_to_utf8(name, &len);
	size_t		outlen;
	mr_status	st = mr_name_normalize(s, len, form, out, MR_NAME_BUFSIZE, &outlen);

	if (st == MR_ERR_TOO_LONG)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s too long for linkage", what),
				 errdetail("A normalised name has at most %d characters and %d words.",
						   MR_NAME_MAX_LEN, MR_NAME_MAX_WORDS)));
	return st == MR_OK;
}

char
mr_sex_arg(text *sex)
{
	size_t		len;
	char	   *s = mr_text_to_utf8(sex, &len);
	char		c = mr_name_sex_parse(s, len);

	if (c == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for sex: \"%s\"", text_to_cstring(sex)),
				 errhint("Use F, M or X as ICAO Doc 9303 does, or female, male or other in English, Spanish, French or Portuguese.")));
	return c;
}

void
mr_birth_arg(DateADT birth, int *year, int *month, int *day)
{
	if (DATE_NOT_FINITE(birth))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("birth date must be finite")));
	j2date(birth + POSTGRES_EPOCH_JDATE, year, month, day);
}
