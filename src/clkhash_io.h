/*
 * clkhash_io.h: the encoding of Data61's clkhash (schema version 3, and the
 * key derivation of its releases 0.8 to 0.14), in plain C, so that an agency
 * using clkhash and anonlink and one using migrec can exchange encodings:
 * clkhash_clk() makes, for the same schema, secrets and record, the bytes
 * clkhash makes.  Written from the algorithm as clkhash documents it
 * (docs/linkage.md, "Interoperability"); checked against the CLKs clkhash
 * printed in its tutorials.
 *
 * The keyed hashes are the server's: HMAC-SHA-1 and HMAC-MD5 for
 * doubleHash (PostgreSQL 14 and later), and the keys come from HKDF on
 * HMAC-SHA-256; BLAKE2b for blakeHash is blake2b_io.c.
 */
#ifndef MIGREC_CLKHASH_IO_H
#define MIGREC_CLKHASH_IO_H

#include "codes.h"

typedef enum mr_clkhash_hash
{
	MR_CLKHASH_BLAKE = 0,		/* blakeHash, clkhash's default */
	MR_CLKHASH_DOUBLE			/* doubleHash: HMAC-SHA-1 + i HMAC-MD5 */
} mr_clkhash_hash;

/* The limits this implementation keeps (clkhash has none). */
#define MR_CLKHASH_MAX_BITS 65536	/* the filter before folding */
#define MR_CLKHASH_MAX_NGRAM 16
#define MR_CLKHASH_MAX_K 4096		/* bits for one token */
#define MR_CLKHASH_MAX_KEY 64
#define MR_CLKHASH_MAX_VALUE 1024	/* bytes of one value */

typedef struct mr_clkhash_feature
{
	bool		ignored;
	bool		exact;			/* the whole value is the one token */
	int			ngram;			/* otherwise n-grams, n >= 1 */
	bool		positional;
	int			bits_per_token; /* k, or 0 */
	int			bits_per_feature;	/* or N, divided among the tokens */
	mr_clkhash_hash hash;
	bool		prevent_singularity;	/* doubleHash */
	const char *sentinel;		/* missingValue: NULL for none */
	const char *replace_with;	/* NULL: the sentinel itself */
	const char *date_format;	/* a date field: NULL, or %Y %m %d and literals */
	const uint8_t *key1;		/* the feature's two keys (key_size bytes) */
	const uint8_t *key2;
} mr_clkhash_feature;

/* HMAC with SHA-1 (sha1 true) or MD5 of msg under key, into out (20 or 16 bytes). */
typedef void (*mr_clkhash_hmac_fn) (void *ctx, bool sha1, const uint8_t *key, size_t keylen,
									const uint8_t *msg, size_t len, uint8_t *out);

/*
 * Encode one record: values[i] is the UTF-8 text of feature i (NULL is an
 * empty value).  bits is the final length l, folded xor_folds times from
 * l * 2^xor_folds; out receives l / 8 bytes, bit 0 the high bit of byte 0.
 * Returns MR_OK, or an error with a message in err: MR_ERR_SYNTAX (a date
 * that does not fit its format), MR_ERR_FIELD_RANGE (a parameter out of
 * range, blakeHash with a length that is not a power of two),
 * MR_ERR_TOO_LONG (a value longer than MR_CLKHASH_MAX_VALUE).
 */
extern mr_status mr_clkhash_encode(const mr_clkhash_feature *features, int nfeatures,
								   size_t key_size, const char *const *values,
								   int bits, int xor_folds,
								   mr_clkhash_hmac_fn hmac, void *hmac_ctx,
								   uint8_t *out, char *err, size_t errsize);

#endif
