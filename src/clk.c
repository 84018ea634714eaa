/*
 * clk.c: the clk type (136 bytes, by reference), a cryptographic long-term
 * key (Schnell, Bachteler and Reiher 2011): one Bloom filter for a person's
 * names, birth date, sex and nationality, built under a secret shared by the
 * agencies, compared by Dice similarity.  Also the setting
 * migrec.clk_threshold, the % and <-> operators, and the GIN operator class
 * that finds similar encodings by Hamming locality-sensitive hashing
 * (linkage_io.h).  The module's _PG_init is here.
 */
#include "linkage.h"

#include "access/gin.h"
#include "access/reloptions.h"
#include "access/stratnum.h"
#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/guc.h"

#include "nationality_io.h"

StaticAssertDecl(sizeof(mr_clk) == CLK_INTERNALLENGTH, "clk is INTERNALLENGTH = 136 in 62_clk.sql");
StaticAssertDecl(offsetof(mr_clk, bits) % MAXIMUM_ALIGNOF == 0, "the filter is 8-byte aligned (ALIGNMENT = double)");

/* The GIN strategy of %. */
#define CLK_SIMILAR_STRATEGY 1

/* migrec.clk_threshold */
double		mr_clk_threshold = 0.75;

void		_PG_init(void);

void
_PG_init(void)
{
	DefineCustomRealVariable("migrec.clk_threshold",
							 "Dice similarity from which clk % clk is true.",
							 "Also what a GIN index over clk is asked for.",
							 &mr_clk_threshold,
							 0.75, 0.0, 1.0,
							 PGC_USERSET, 0,
							 NULL, NULL, NULL);
#if PG_VERSION_NUM >= 150000
	MarkGUCPrefixReserved("migrec");
#else
	EmitWarningsOnPlaceholders("migrec");
#endif
}

/* ---- input and output ---- */

PG_FUNCTION_INFO_V1(clk_in);
Datum
clk_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	mr_clk	   *c = palloc(sizeof(mr_clk));
	size_t		errpos;
	mr_status	st = mr_clk_parse(str, strlen(str), c, &errpos);

	if (st == MR_ERR_UNKNOWN)
	{
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type %s: \"%s\"", "clk", str),
						errdetail("Unknown encoding version %d or options %d.", c->version, c->flags)));
		PG_RETURN_NULL();
	}
	if (st != MR_OK)
	{
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type %s: \"%s\"", "clk", str),
						errdetail("A clk is the base64 of %d bytes: version, options, key fingerprint, 1024 bits.",
								  MR_CLK_EXTERNAL_SIZE)));
		PG_RETURN_NULL();
	}
	PG_RETURN_POINTER(c);
}

PG_FUNCTION_INFO_V1(clk_out);
Datum
clk_out(PG_FUNCTION_ARGS)
{
	mr_clk	   *c = PG_GETARG_CLK_P(0);
	char	   *out = palloc(MR_CLK_TEXT_SIZE);

	/* every way in checks a value: a bad one is a damaged page */
	if (!mr_clk_valid(c))
		mr_corrupt_value("clk");
	mr_clk_format(c, out);
	PG_RETURN_CSTRING(out);
}

/* Binary form: the external form (linkage_io.h), checked as input is. */
PG_FUNCTION_INFO_V1(clk_recv);
Datum
clk_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const char *ext = pq_getmsgbytes(buf, MR_CLK_EXTERNAL_SIZE);
	mr_clk	   *c = palloc(sizeof(mr_clk));

	if (mr_clk_from_external((const uint8 *) ext, c) != MR_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external clk value: unknown encoding version %d or options %d",
						c->version, c->flags)));
	PG_RETURN_POINTER(c);
}

PG_FUNCTION_INFO_V1(clk_send);
Datum
clk_send(PG_FUNCTION_ARGS)
{
	uint8		ext[MR_CLK_EXTERNAL_SIZE];
	StringInfoData buf;
	mr_clk	   *c = PG_GETARG_CLK_P(0);

	if (!mr_clk_valid(c))
		mr_corrupt_value("clk");
	mr_clk_to_external(c, ext);
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, (char *) ext, sizeof(ext));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---- encoding ---- */

/*
 * Keys derived from a secret, kept for the rest of the query in fn_extra:
 * deriving them costs a few HMACs, encoding one record some sixty.
 * HKDF (RFC 5869) with SHA-256: PRK = HMAC(tag, secret), then one block of
 * HMAC(PRK, info || 0x01) per field key and for the fingerprint.
 */
#define CLK_KDF_SALT "migrec clk 1"

typedef struct clk_keys
{
	int			secret_len;
	uint8		secret_digest[MR_HMAC_SIZE];	/* to recognise the secret */
	uint8		field_key[MR_CLK_NFIELDS][MR_HMAC_SIZE];
	uint32		key_id;
} clk_keys;

typedef struct clk_prf_ctx
{
	mr_hmac    *hmac;
	clk_keys   *keys;
} clk_prf_ctx;

static void
hkdf_expand_block(mr_hmac *h, const uint8 *prk, const char *info, uint8 *out)
{
	uint8		msg[64];
	size_t		l = strlen(info);

	Assert(l + 1 <= sizeof(msg));
	memcpy(msg, info, l);
	msg[l] = 0x01;
	mr_hmac_compute(h, prk, MR_HMAC_SIZE, msg, l + 1, out);
}

static clk_keys *
keys_for(FunctionCallInfo fcinfo, bytea *secret, mr_hmac *h)
{
	clk_keys   *k = fcinfo->flinfo->fn_extra;
	uint8		digest[MR_HMAC_SIZE];
	uint8		prk[MR_HMAC_SIZE];
	uint8		id[MR_HMAC_SIZE];
	int			len = VARSIZE_ANY_EXHDR(secret);

	/* the secret is recognised by a keyed digest of it, never kept itself */
	mr_hmac_compute(h, (const uint8 *) "migrec secret digest", 20,
					(uint8 *) VARDATA_ANY(secret), len, digest);
	if (k && k->secret_len == len && memcmp(k->secret_digest, digest, sizeof(digest)) == 0)
		return k;
	if (k == NULL)
		k = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(clk_keys));
	mr_hmac_compute(h, (const uint8 *) CLK_KDF_SALT, strlen(CLK_KDF_SALT),
					(uint8 *) VARDATA_ANY(secret), len, prk);
	for (int f = 0; f < MR_CLK_NFIELDS; f++)
		hkdf_expand_block(h, prk, mr_clk_field_names[f], k->field_key[f]);
	hkdf_expand_block(h, prk, "key fingerprint", id);
	k->key_id = ((uint32) id[0] << 24) | ((uint32) id[1] << 16) | ((uint32) id[2] << 8) | id[3];
	k->secret_len = len;
	memcpy(k->secret_digest, digest, sizeof(digest));
	explicit_bzero(prk, sizeof(prk));
	fcinfo->flinfo->fn_extra = k;
	return k;
}

static void
clk_prf(void *ctx, mr_clk_field field, const uint8_t *msg, size_t len, uint8_t out[32])
{
	clk_prf_ctx *c = ctx;

	mr_hmac_compute(c->hmac, c->keys->field_key[field], MR_HMAC_SIZE, msg, len, out);
}

/*
 * clk(secret, family_names, given_names, birth, sex, nationality, salt):
 * any field may be NULL (it then sets no bits), but not both names; NULL
 * secret, or no name with a letter, gives NULL.
 */
PG_FUNCTION_INFO_V1(clk_encode);
Datum
clk_encode(PG_FUNCTION_ARGS)
{
	bytea	   *secret;
	char		family[MR_NAME_BUFSIZE];
	char		given[MR_NAME_BUFSIZE];
	char		nat[NATIONALITY_TEXT_SIZE];
	char	   *salt = NULL;
	mr_clk_record r;
	clk_prf_ctx ctx;
	mr_clk	   *c;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	secret = mr_secret_arg(fcinfo, 0);
	memset(&r, 0, sizeof(r));
	if (!PG_ARGISNULL(1) && mr_name_arg(PG_GETARG_TEXT_PP(1), MR_NAME_FAMILY, "family name", family))
		r.family = family;
	if (!PG_ARGISNULL(2) && mr_name_arg(PG_GETARG_TEXT_PP(2), MR_NAME_GIVEN, "given name", given))
		r.given = given;
	if (r.family == NULL && r.given == NULL)
		PG_RETURN_NULL();
	if (!PG_ARGISNULL(3))
		mr_birth_arg(PG_GETARG_DATEADT(3), &r.year, &r.month, &r.day);
	if (!PG_ARGISNULL(4))
		r.sex = mr_sex_arg(PG_GETARG_TEXT_PP(4));
	if (!PG_ARGISNULL(5))
	{
		mr_nationality_format(PG_GETARG_NATIONALITY(5), nat);
		r.nationality = nat;
	}
	if (PG_NARGS() > 6 && !PG_ARGISNULL(6))
	{
		size_t		len;

		salt = mr_text_to_utf8(PG_GETARG_TEXT_PP(6), &len);
		if (len > MR_CLK_SALT_MAX || strlen(salt) != len)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("clk salt too long"),
					 errdetail("A salt has at most %d bytes.", MR_CLK_SALT_MAX)));
		r.salt = salt;
	}

	ctx.hmac = mr_hmac_begin();
	ctx.keys = keys_for(fcinfo, secret, ctx.hmac);
	c = palloc(sizeof(mr_clk));
	if (mr_clk_encode(&r, clk_prf, &ctx, ctx.keys->key_id, c) != MR_OK)
		elog(ERROR, "clk encoding failed");	/* arguments were checked above */
	mr_hmac_end(ctx.hmac);
	Assert(mr_clk_valid(c));
	PG_RETURN_POINTER(c);
}

/* ---- comparison ---- */

void
mr_clk_check_comparable(const mr_clk *a, const mr_clk *b)
{
	if (mr_clk_comparable(a, b))
		return;
	if (a->version != b->version || a->flags != b->flags)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot compare clk values encoded with different parameters"),
				 errdetail("One has encoding version %d with options %d, the other version %d with options %d.",
						   a->version, a->flags, b->version, b->flags),
				 errhint("Encode both tables with the same clk() call: the same options, salted or not.")));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("cannot compare clk values encoded with different secrets"),
			 errhint("Both agencies must encode with the secret they share.")));
}

static double
checked_dice(FunctionCallInfo fcinfo)
{
	mr_clk	   *a = PG_GETARG_CLK_P(0);
	mr_clk	   *b = PG_GETARG_CLK_P(1);

	mr_clk_check_comparable(a, b);
	return mr_clk_dice(a, b);
}

PG_FUNCTION_INFO_V1(clk_dice);
Datum
clk_dice(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(checked_dice(fcinfo));
}

PG_FUNCTION_INFO_V1(clk_distance);
Datum
clk_distance(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(1.0 - checked_dice(fcinfo));
}

PG_FUNCTION_INFO_V1(clk_similar);
Datum
clk_similar(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(checked_dice(fcinfo) >= mr_clk_threshold);
}

PG_FUNCTION_INFO_V1(clk_popcount);
Datum
clk_popcount(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PG_GETARG_CLK_P(0)->popcount);
}

/* Equality: the whole value (version, options, fingerprint, bits). */
PG_FUNCTION_INFO_V1(clk_eq);
Datum
clk_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(memcmp(PG_GETARG_CLK_P(0), PG_GETARG_CLK_P(1), sizeof(mr_clk)) == 0);
}

PG_FUNCTION_INFO_V1(clk_ne);
Datum
clk_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(memcmp(PG_GETARG_CLK_P(0), PG_GETARG_CLK_P(1), sizeof(mr_clk)) != 0);
}

PG_FUNCTION_INFO_V1(clk_hash);
Datum
clk_hash(PG_FUNCTION_ARGS)
{
	return hash_any((unsigned char *) PG_GETARG_CLK_P(0), sizeof(mr_clk));
}

PG_FUNCTION_INFO_V1(clk_hash_extended);
Datum
clk_hash_extended(PG_FUNCTION_ARGS)
{
	return hash_any_extended((unsigned char *) PG_GETARG_CLK_P(0), sizeof(mr_clk),
							 PG_GETARG_INT64(1));
}

/* clk_bits(clk): the 128 bytes of the filter, as clkhash and anonlink hold them */
PG_FUNCTION_INFO_V1(clk_bits);
Datum
clk_bits(PG_FUNCTION_ARGS)
{
	mr_clk	   *c = PG_GETARG_CLK_P(0);
	bytea	   *b = palloc(VARHDRSZ + MR_CLK_BYTES);

	memcpy(VARDATA(b), c->bits.bytes, MR_CLK_BYTES);
	SET_VARSIZE(b, VARHDRSZ + MR_CLK_BYTES);
	PG_RETURN_BYTEA_P(b);
}

/* clk_import(bytea): a 1024-bit filter made elsewhere (version 2) */
PG_FUNCTION_INFO_V1(clk_import);
Datum
clk_import(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	mr_clk	   *c;

	if (VARSIZE_ANY_EXHDR(b) != MR_CLK_BYTES)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("an imported clk has %d bytes, not %d", MR_CLK_BYTES,
						(int) VARSIZE_ANY_EXHDR(b))));
	c = palloc0(sizeof(mr_clk));
	c->version = MR_CLK_VERSION_IMPORTED;
	memcpy(c->bits.bytes, VARDATA_ANY(b), MR_CLK_BYTES);
	c->popcount = (uint16) mr_clk_popcount(c);
	PG_RETURN_POINTER(c);
}

/* ---- GIN: Hamming LSH keys ---- */

/* The operator class's options: CREATE INDEX ... (c clk_lsh_ops (tables = 64, bits = 30)) */
typedef struct clk_gin_options
{
	int32		vl_len_;		/* varlena header (do not touch directly) */
	int			tables;
	int			bits;
} clk_gin_options;

PG_FUNCTION_INFO_V1(clk_gin_options_proc);
Datum
clk_gin_options_proc(PG_FUNCTION_ARGS)
{
	local_relopts *relopts = (local_relopts *) PG_GETARG_POINTER(0);

	init_local_reloptions(relopts, sizeof(clk_gin_options));
	add_local_int_reloption(relopts, "tables",
							"number of LSH tables, the keys each row has",
							MR_LSH_DEFAULT_TABLES, 1, MR_LSH_MAX_TABLES,
							offsetof(clk_gin_options, tables));
	add_local_int_reloption(relopts, "bits",
							"bits sampled for each table's key",
							MR_LSH_DEFAULT_BITS, MR_LSH_MIN_BITS, MR_LSH_MAX_BITS,
							offsetof(clk_gin_options, bits));
	PG_RETURN_VOID();
}

static Datum *
lsh_key_datums(FunctionCallInfo fcinfo, mr_clk *c, int32 *nkeys)
{
	int			tables = MR_LSH_DEFAULT_TABLES;
	int			bits = MR_LSH_DEFAULT_BITS;
	int32		keys[MR_LSH_MAX_TABLES];
	Datum	   *d;

	if (PG_HAS_OPCLASS_OPTIONS())
	{
		clk_gin_options *o = (clk_gin_options *) PG_GET_OPCLASS_OPTIONS();

		tables = o->tables;
		bits = o->bits;
	}
	Assert(tables >= 1 && tables <= MR_LSH_MAX_TABLES);
	Assert(bits >= MR_LSH_MIN_BITS && bits <= MR_LSH_MAX_BITS);
	mr_clk_lsh_keys(c, tables, bits, keys);
	d = palloc(sizeof(Datum) * tables);
	for (int t = 0; t < tables; t++)
		d[t] = Int32GetDatum(keys[t]);
	*nkeys = tables;
	return d;
}

PG_FUNCTION_INFO_V1(clk_gin_extract_value);
Datum
clk_gin_extract_value(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(lsh_key_datums(fcinfo, PG_GETARG_CLK_P(0), (int32 *) PG_GETARG_POINTER(1)));
}

PG_FUNCTION_INFO_V1(clk_gin_extract_query);
Datum
clk_gin_extract_query(PG_FUNCTION_ARGS)
{
	mr_clk	   *q = PG_GETARG_CLK_P(0);
	int32	   *nkeys = (int32 *) PG_GETARG_POINTER(1);
	StrategyNumber strategy = PG_GETARG_UINT16(2);
	int32	   *searchMode = (int32 *) PG_GETARG_POINTER(6);

	if (strategy != CLK_SIMILAR_STRATEGY)
		elog(ERROR, "unrecognized strategy number: %d", strategy);
	*searchMode = GIN_SEARCH_MODE_DEFAULT;
	PG_RETURN_POINTER(lsh_key_datums(fcinfo, q, nkeys));
}

/* A row is a candidate when it shares a key with the query; % rechecks. */
PG_FUNCTION_INFO_V1(clk_gin_consistent);
Datum
clk_gin_consistent(PG_FUNCTION_ARGS)
{
	bool	   *check = (bool *) PG_GETARG_POINTER(0);
	int32		nkeys = PG_GETARG_INT32(3);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(5);

	*recheck = true;
	for (int i = 0; i < nkeys; i++)
		if (check[i])
			PG_RETURN_BOOL(true);
	PG_RETURN_BOOL(false);
}

PG_FUNCTION_INFO_V1(clk_gin_triconsistent);
Datum
clk_gin_triconsistent(PG_FUNCTION_ARGS)
{
	GinTernaryValue *check = (GinTernaryValue *) PG_GETARG_POINTER(0);
	int32		nkeys = PG_GETARG_INT32(3);

	for (int i = 0; i < nkeys; i++)
		if (check[i] != GIN_FALSE)
			PG_RETURN_GIN_TERNARY_VALUE(GIN_MAYBE);
	PG_RETURN_GIN_TERNARY_VALUE(GIN_FALSE);
}
