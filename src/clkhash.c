/*
 * clkhash.c: clkhash_clk(schema jsonb, secrets text[], record text[]) →
 * bytea, the CLK that Data61's clkhash makes of a record for a linkage
 * schema (version 3) and secrets: the schema is read here, the keys derived
 * (HKDF-SHA-256, as clkhash does: one secret as clkhash 0.15 and later, two
 * as 0.8 to 0.14), and clkhash_io.c encodes.  doubleHash needs HMAC-SHA-1
 * and HMAC-MD5, which PostgreSQL offers from 14 on.
 */
#include "linkage.h"

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#if PG_VERSION_NUM >= 140000
#include "common/hmac.h"
#endif

#include "clkhash_io.h"

#define CLKHASH_MAX_FEATURES 63	/* HKDF gives at most 255 blocks */

static void
bad_schema(const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid clkhash schema: %s", what),
			 errhint("clkhash_clk reads linkage schemas of version 3 (clkhash 0.15 and later).")));
}

static JsonbValue *
field(JsonbContainer *c, const char *key)
{
	JsonbValue	k;

	if (c == NULL || !JsonContainerIsObject(c))
		return NULL;
	k.type = jbvString;
	k.val.string.val = (char *) key;
	k.val.string.len = strlen(key);
	return findJsonbValueFromContainer(c, JB_FOBJECT, &k);
}

static JsonbContainer *
object(JsonbContainer *c, const char *key, bool required)
{
	JsonbValue *v = field(c, key);

	if (v == NULL && !required)
		return NULL;
	if (v == NULL || v->type != jbvBinary || !JsonContainerIsObject(v->val.binary.data))
		bad_schema(psprintf("\"%s\" must be an object", key));
	return v->val.binary.data;
}

static int
integer(JsonbContainer *c, const char *key, int dflt, bool required)
{
	JsonbValue *v = field(c, key);

	if (v == NULL && !required)
		return dflt;
	if (v == NULL || v->type != jbvNumeric)
		bad_schema(psprintf("\"%s\" must be a number", key));
	return DatumGetInt32(DirectFunctionCall1(numeric_int4, NumericGetDatum(v->val.numeric)));
}

static bool
boolean(JsonbContainer *c, const char *key, bool dflt)
{
	JsonbValue *v = field(c, key);

	if (v == NULL)
		return dflt;
	if (v->type != jbvBool)
		bad_schema(psprintf("\"%s\" must be true or false", key));
	return v->val.boolean;
}

static char *
string(JsonbContainer *c, const char *key, const char *dflt)
{
	JsonbValue *v = field(c, key);

	if (v == NULL)
		return (char *) dflt;
	if (v->type != jbvString)
		bad_schema(psprintf("\"%s\" must be a string", key));
	return pnstrdup(v->val.string.val, v->val.string.len);
}

/* a base64 parameter of the KDF, decoded (NULL when absent) */
static uint8 *
base64_param(JsonbContainer *kdf, const char *key, size_t *len)
{
	char	   *s = string(kdf, key, NULL);
	uint8	   *out;
	long		n;

	*len = 0;
	if (s == NULL)
		return NULL;
	out = palloc(strlen(s) + 1);
	n = mr_base64_decode(s, strlen(s), out, strlen(s) + 1);
	if (n < 0)
		bad_schema(psprintf("\"%s\" of the kdf must be base64", key));
	*len = (size_t) n;
	return out;
}

/* HKDF (RFC 5869) with HMAC-SHA-256: len bytes of keys from a secret */
static uint8 *
hkdf(mr_hmac *h, const uint8 *ikm, size_t ikmlen, const uint8 *salt, size_t saltlen,
	 const uint8 *info, size_t infolen, size_t len)
{
	uint8		zeros[MR_HMAC_SIZE] = {0};
	uint8		prk[MR_HMAC_SIZE];
	uint8		t[MR_HMAC_SIZE];
	uint8	   *msg = palloc(MR_HMAC_SIZE + infolen + 1);
	uint8	   *okm = palloc(len + MR_HMAC_SIZE);
	size_t		done = 0;

	Assert(len <= 255 * MR_HMAC_SIZE);
	/* no salt: HashLen zero bytes */
	if (salt == NULL || saltlen == 0)
		mr_hmac_compute(h, zeros, sizeof(zeros), ikm, ikmlen, prk);
	else
		mr_hmac_compute(h, salt, saltlen, ikm, ikmlen, prk);
	for (int i = 1; done < len; i++)
	{
		size_t		ml = 0;

		if (i > 1)
		{
			memcpy(msg, t, MR_HMAC_SIZE);
			ml = MR_HMAC_SIZE;
		}
		if (infolen)
			memcpy(msg + ml, info, infolen);
		ml += infolen;
		msg[ml++] = (uint8) i;
		mr_hmac_compute(h, prk, sizeof(prk), msg, ml, t);
		memcpy(okm + done, t, MR_HMAC_SIZE);
		done += MR_HMAC_SIZE;
	}
	explicit_bzero(prk, sizeof(prk));
	return okm;
}

#if PG_VERSION_NUM >= 140000
typedef struct legacy_hmacs
{
	pg_hmac_ctx *sha1;
	pg_hmac_ctx *md5;
} legacy_hmacs;

static void
legacy_hmac(void *ctx, bool sha1, const uint8_t *key, size_t keylen,
			const uint8_t *msg, size_t len, uint8_t *out)
{
	legacy_hmacs *c = ctx;
	pg_hmac_ctx *h = sha1 ? c->sha1 : c->md5;

	if (pg_hmac_init(h, key, keylen) < 0 || pg_hmac_update(h, msg, len) < 0 ||
		pg_hmac_final(h, out, sha1 ? 20 : 16) < 0)
		elog(ERROR, "could not compute HMAC-%s", sha1 ? "SHA-1" : "MD5");
}
#endif

PG_FUNCTION_INFO_V1(clkhash_clk);
Datum
clkhash_clk(PG_FUNCTION_ARGS)
{
	Jsonb	   *schema = PG_GETARG_JSONB_P(0);
	ArrayType  *secrets = PG_GETARG_ARRAYTYPE_P(1);
	ArrayType  *record = PG_GETARG_ARRAYTYPE_P(2);
	JsonbContainer *root = &schema->root;
	JsonbContainer *config,
			   *kdf,
			   *features_c;
	JsonbValue *fv;
	int			bits,
				folds,
				key_size,
				nf;
	char	   *kdf_type,
			   *kdf_hash;
	uint8	   *salt,
			   *info;
	size_t		saltlen,
				infolen;
	mr_clkhash_feature *f;
	Datum	   *sd,
			   *rd;
	bool	   *sn,
			   *rn;
	int			ns,
				nr;
	const char **values;
	bool		doublehash = false;
	mr_hmac    *h;
	bytea	   *result;
	char		err[200];
	mr_status	st;
	void	   *hmac_ctx = NULL;
	mr_clkhash_hmac_fn hmac_fn = NULL;

	if (integer(root, "version", 0, true) != 3)
		bad_schema("\"version\" must be 3");
	config = object(root, "clkConfig", true);
	bits = integer(config, "l", 0, true);
	folds = integer(config, "xorFolds", 0, false);
	kdf = object(config, "kdf", true);
	kdf_type = string(kdf, "type", "HKDF");
	kdf_hash = string(kdf, "hash", "SHA256");
	if (strcmp(kdf_type, "HKDF") != 0 || strcmp(kdf_hash, "SHA256") != 0)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("clkhash_clk supports the kdf HKDF with SHA256 only")));
	key_size = integer(kdf, "keySize", 64, false);
	if (key_size < 1 || key_size > MR_CLKHASH_MAX_KEY)
		bad_schema("\"keySize\" must be from 1 to 64");
	salt = base64_param(kdf, "salt", &saltlen);
	info = base64_param(kdf, "info", &infolen);

	fv = field(root, "features");
	if (fv == NULL || fv->type != jbvBinary || !JsonContainerIsArray(fv->val.binary.data))
		bad_schema("\"features\" must be an array");
	features_c = fv->val.binary.data;
	nf = JsonContainerSize(features_c);
	if (nf < 1 || nf > CLKHASH_MAX_FEATURES)
		bad_schema(psprintf("from 1 to %d features", CLKHASH_MAX_FEATURES));
	f = palloc0(sizeof(mr_clkhash_feature) * nf);
	for (int i = 0; i < nf; i++)
	{
		JsonbValue *e = getIthJsonbValueFromContainer(features_c, i);
		JsonbContainer *fc,
				   *hashing,
				   *comparison,
				   *strategy,
				   *hash,
				   *format,
				   *missing;
		char	   *ctype,
				   *htype;

		if (e == NULL || e->type != jbvBinary || !JsonContainerIsObject(e->val.binary.data))
			bad_schema("every feature must be an object");
		fc = e->val.binary.data;
		f[i].ignored = boolean(fc, "ignored", false);
		if (f[i].ignored)
			continue;
		hashing = object(fc, "hashing", true);
		comparison = object(hashing, "comparison", true);
		ctype = string(comparison, "type", "");
		if (strcmp(ctype, "ngram") == 0)
		{
			f[i].ngram = integer(comparison, "n", 0, true);
			f[i].positional = boolean(comparison, "positional", false);
		}
		else if (strcmp(ctype, "exact") == 0)
			f[i].exact = true;
		else
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("clkhash_clk supports the comparisons ngram and exact, not \"%s\"", ctype)));
		strategy = object(hashing, "strategy", true);
		f[i].bits_per_token = integer(strategy, "bitsPerToken", 0, false);
		f[i].bits_per_feature = integer(strategy, "bitsPerFeature", 0, false);
		hash = object(hashing, "hash", false);
		htype = hash ? string(hash, "type", "blakeHash") : "blakeHash";
		if (strcmp(htype, "blakeHash") == 0)
			f[i].hash = MR_CLKHASH_BLAKE;
		else if (strcmp(htype, "doubleHash") == 0)
		{
			f[i].hash = MR_CLKHASH_DOUBLE;
			f[i].prevent_singularity = boolean(hash, "prevent_singularity", false);
			doublehash = true;
		}
		else
			bad_schema(psprintf("unknown hash \"%s\"", htype));
		missing = object(hashing, "missingValue", false);
		if (missing)
		{
			f[i].sentinel = string(missing, "sentinel", NULL);
			f[i].replace_with = string(missing, "replaceWith", NULL);
			if (f[i].sentinel == NULL)
				bad_schema("a missingValue needs a sentinel");
		}
		format = object(fc, "format", false);
		if (format && strcmp(string(format, "type", ""), "date") == 0)
			f[i].date_format = string(format, "format", "%Y-%m-%d");
	}

	/* the record: one value a feature (ignored ones too), NULL as empty */
	deconstruct_array(record, TEXTOID, -1, false, TYPALIGN_INT, &rd, &rn, &nr);
	if (ARR_NDIM(record) > 1 || nr != nf)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("the record has %d values, the schema %d features", nr, nf)));
	values = palloc(sizeof(char *) * nf);
	for (int i = 0; i < nf; i++)
		values[i] = rn[i] ? NULL : text_to_cstring(DatumGetTextPP(rd[i]));

	/* the secrets: one (clkhash 0.15 and later) or two (0.8 to 0.14) */
	deconstruct_array(secrets, TEXTOID, -1, false, TYPALIGN_INT, &sd, &sn, &ns);
	if (ARR_NDIM(secrets) > 1 || ns < 1 || ns > 2 || sn[0] || (ns == 2 && sn[1]))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("clkhash_clk takes one secret, or two as clkhash 0.14 and before did")));
	h = mr_hmac_begin();
	if (ns == 1)
	{
		text	   *s = DatumGetTextPP(sd[0]);
		uint8	   *okm = hkdf(h, (uint8 *) VARDATA_ANY(s), VARSIZE_ANY_EXHDR(s), salt, saltlen, info, infolen,
							   (size_t) 2 * nf * key_size);

		for (int i = 0; i < nf; i++)
		{
			f[i].key1 = okm + (size_t) (2 * i) * key_size;
			f[i].key2 = okm + (size_t) (2 * i + 1) * key_size;
		}
	}
	else
	{
		text	   *s1 = DatumGetTextPP(sd[0]);
		text	   *s2 = DatumGetTextPP(sd[1]);
		uint8	   *okm1 = hkdf(h, (uint8 *) VARDATA_ANY(s1), VARSIZE_ANY_EXHDR(s1), salt, saltlen, info, infolen,
								(size_t) nf * key_size);
		uint8	   *okm2 = hkdf(h, (uint8 *) VARDATA_ANY(s2), VARSIZE_ANY_EXHDR(s2), salt, saltlen, info, infolen,
								(size_t) nf * key_size);

		for (int i = 0; i < nf; i++)
		{
			f[i].key1 = okm1 + (size_t) i * key_size;
			f[i].key2 = okm2 + (size_t) i * key_size;
		}
	}
	mr_hmac_end(h);

#if PG_VERSION_NUM >= 140000
	if (doublehash)
	{
		legacy_hmacs *c = palloc(sizeof(legacy_hmacs));

		c->sha1 = pg_hmac_create(PG_SHA1);
		c->md5 = pg_hmac_create(PG_MD5);
		if (c->sha1 == NULL || c->md5 == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_OUT_OF_MEMORY),
					 errmsg("out of memory")));
		hmac_ctx = c;
		hmac_fn = legacy_hmac;
	}
#else
	if (doublehash)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("clkhash's doubleHash needs PostgreSQL 14 or later"),
				 errdetail("It uses HMAC-SHA-1 and HMAC-MD5, which PostgreSQL 13 does not provide.")));
#endif

	if (bits < 8 || bits > MR_CLKHASH_MAX_BITS)
		bad_schema("\"l\" must be from 8 to 65536");
	result = palloc(VARHDRSZ + bits / 8);
	SET_VARSIZE(result, VARHDRSZ + bits / 8);
	st = mr_clkhash_encode(f, nf, (size_t) key_size, values, bits, folds, hmac_fn, hmac_ctx,
						   (uint8 *) VARDATA(result), err, sizeof(err));
#if PG_VERSION_NUM >= 140000
	if (hmac_ctx)
	{
		pg_hmac_free(((legacy_hmacs *) hmac_ctx)->sha1);
		pg_hmac_free(((legacy_hmacs *) hmac_ctx)->md5);
	}
#endif
	if (st == MR_ERR_SYNTAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
				 errmsg("invalid value for clkhash_clk: %s", err)));
	if (st == MR_ERR_TOO_LONG)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("value too long for clkhash_clk: %s", err)));
	if (st != MR_OK)
		bad_schema(err);
	PG_RETURN_BYTEA_P(result);
}
