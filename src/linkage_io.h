/*
 * linkage_io.h: privacy-preserving record linkage in plain C (no PostgreSQL
 * headers): the layouts of person_key and clk, the tokens a record is
 * encoded from, Bloom-filter encoding given a keyed pseudo-random function,
 * Dice similarity, the Hamming-LSH keys of the clk index and the greedy
 * one-to-one assignment.  The keyed hashing itself (HMAC-SHA-256) is
 * PostgreSQL's and lives on the server side (linkage_hmac.c), so that this
 * file is unit-tested and fuzzed with any function in its place.
 *
 * clk layout (MR_CLK_SIZE = 136 bytes, the INTERNALLENGTH of the SQL type):
 *
 *   offset 0  version   1 byte: the encoding's parameters (MR_CLK_VERSION_*);
 *                       values of different versions are never compared
 *   offset 1  flags     1 byte: MR_CLK_FLAG_* (hardening options in use);
 *                       values with different flags are never compared
 *   offset 2  popcount  2 bytes: how many bits are set (kept, so that Dice
 *                       costs one AND+popcount pass, not three)
 *   offset 4  key_id    4 bytes: a fingerprint of the secret (values made
 *                       with different secrets are never compared)
 *   offset 8  bits      128 bytes: the 1024-bit filter; bit p is bit
 *                       (7 - p % 8) of byte p / 8, the order of clkhash and
 *                       anonlink (Python bitarray, big-endian)
 *
 * The text and binary forms carry everything but the popcount, which input
 * recomputes: version, flags, key_id (big-endian), bits.
 */
#ifndef MIGREC_LINKAGE_IO_H
#define MIGREC_LINKAGE_IO_H

#include "codes.h"
#include "names_io.h"

/* ---- person_key: 8 bytes, shown as 16 hexadecimal digits ---- */

#define MR_PERSON_KEY_SIZE 8
/* the SQL type's INTERNALLENGTH (61_person_key.sql): int8's */
#define PERSON_KEY_INTERNALLENGTH MR_PERSON_KEY_SIZE
#define MR_PERSON_KEY_TEXT_SIZE (2 * MR_PERSON_KEY_SIZE + 1)

extern mr_status mr_person_key_parse(const char *s, size_t len, uint64_t *out, size_t *errpos);
extern void mr_person_key_format(uint64_t v, char *out);

/*
 * The message person_key() hashes: a domain tag and version, then family
 * names, given names (FAMILY and GIVEN forms of names_io.h), birth date as
 * YYYYMMDD, sex (F, M or X) and nationality (alpha-3), separated by NUL
 * bytes, which none of them can contain.  Returns its length, at most
 * MR_PERSON_KEY_MSG_MAX.
 */
#define MR_PERSON_KEY_TAG "migrec person_key 1"
#define MR_PERSON_KEY_MSG_MAX (sizeof(MR_PERSON_KEY_TAG) + 2 * MR_NAME_BUFSIZE + 24 + 2 + 4)
extern size_t mr_person_key_message(const char *family, const char *given,
									int year, int month, int day, char sex,
									const char *nationality, uint8_t *msg);

/* ---- clk ---- */

#define MR_CLK_BITS 1024
#define MR_CLK_BYTES (MR_CLK_BITS / 8)
#define MR_CLK_WORDS (MR_CLK_BITS / 64)
#define MR_CLK_HEADER_SIZE 8
#define MR_CLK_SIZE (MR_CLK_HEADER_SIZE + MR_CLK_BYTES)
/* the SQL type's INTERNALLENGTH (62_clk.sql): 136 */
#define CLK_INTERNALLENGTH MR_CLK_SIZE
/* text and binary forms: the layout without the popcount */
#define MR_CLK_EXTERNAL_SIZE (MR_CLK_SIZE - 2)
#define MR_CLK_TEXT_SIZE (4 * ((MR_CLK_EXTERNAL_SIZE + 2) / 3) + 1)

/*
 * Version 1: migrec's encoding (mr_clk_encode): bigrams of the names and
 * tokens of the birth date, sex and nationality, positions from a keyed PRF
 * per field, 2048 bits XOR-folded to 1024.
 */
#define MR_CLK_VERSION_1 1
/* Version 2: a 1024-bit filter made elsewhere (clkhash) and imported. */
#define MR_CLK_VERSION_IMPORTED 2

/* every token's hash also covers a salt, a stable field of the record */
#define MR_CLK_FLAG_SALTED 0x01
#define MR_CLK_FLAGS_V1 MR_CLK_FLAG_SALTED

typedef struct mr_clk
{
	uint8_t		version;
	uint8_t		flags;
	uint16_t	popcount;
	uint32_t	key_id;
	union
	{
		uint8_t		bytes[MR_CLK_BYTES];
		uint64_t	words[MR_CLK_WORDS];
	}			bits;
} mr_clk;

_Static_assert(sizeof(mr_clk) == MR_CLK_SIZE && CLK_INTERNALLENGTH == 136, "mr_clk has no padding");
_Static_assert(MR_CLK_HEADER_SIZE == 8, "the bits start 8-byte aligned");

static inline void
mr_clk_set_bit(mr_clk *c, unsigned p)
{
	c->bits.bytes[p >> 3] |= (uint8_t) (0x80u >> (p & 7));
}

static inline bool
mr_clk_bit(const mr_clk *c, unsigned p)
{
	return (c->bits.bytes[p >> 3] >> (7 - (p & 7))) & 1;
}

/* Number of set bits of a filter, and of the AND of two. */
extern int	mr_clk_popcount(const mr_clk *c);
extern int	mr_clk_and_popcount(const mr_clk *a, const mr_clk *b);

/*
 * Dice coefficient 2|A∩B| / (|A| + |B|), 0 when both are empty.  The caller
 * checks mr_clk_comparable first.
 */
static inline double
mr_clk_dice(const mr_clk *a, const mr_clk *b)
{
	int			sum = a->popcount + b->popcount;

	if (sum == 0)
		return 0.0;
	return 2.0 * mr_clk_and_popcount(a, b) / sum;
}

/* Dice of one filter against n others, into out[n]: the tight loop. */
extern void mr_clk_dice_many(const mr_clk *q, const mr_clk *c, size_t n, double *out);

static inline bool
mr_clk_comparable(const mr_clk *a, const mr_clk *b)
{
	return a->version == b->version && a->flags == b->flags && a->key_id == b->key_id;
}

/*
 * Is c a well-formed value (what input and recv check): a known version,
 * flags that version knows, the popcount right.
 */
extern bool mr_clk_valid(const mr_clk *c);

/* Text form: base64 of the external form.  out has MR_CLK_TEXT_SIZE bytes. */
extern void mr_clk_format(const mr_clk *c, char *out);
extern mr_status mr_clk_parse(const char *s, size_t len, mr_clk *out, size_t *errpos);
/* External form (also the binary form) to and from a value. */
extern void mr_clk_to_external(const mr_clk *c, uint8_t *ext);
extern mr_status mr_clk_from_external(const uint8_t *ext, mr_clk *out);

/* ---- encoding (version 1) ---- */

typedef enum mr_clk_field
{
	MR_CLK_FIELD_FAMILY = 0,
	MR_CLK_FIELD_GIVEN,
	MR_CLK_FIELD_BIRTH,
	MR_CLK_FIELD_SEX,
	MR_CLK_FIELD_NATIONALITY,
	MR_CLK_NFIELDS
} mr_clk_field;

/* The field names, which the per-field keys are derived from. */
extern const char *const mr_clk_field_names[MR_CLK_NFIELDS];

/*
 * A keyed pseudo-random function: out = PRF(key of field, msg), 32 bytes.
 * On the server, HMAC-SHA-256 under a key derived from the secret per field.
 */
typedef void (*mr_prf_fn) (void *ctx, mr_clk_field field,
						   const uint8_t *msg, size_t len, uint8_t out[32]);

/*
 * A record to encode: the FAMILY and GIVEN forms of its names (NULL or ""
 * when missing), birth date (year 0 when missing), sex ('F', 'M', 'X', or 0
 * when missing), nationality (alpha-3, or NULL), and an optional salt
 * (NULL for none).
 */
typedef struct mr_clk_record
{
	const char *family;
	const char *given;
	int			year;
	int			month;
	int			day;
	char		sex;
	const char *nationality;
	const char *salt;
} mr_clk_record;

/* Bits each token of a field sets (version 1), before folding. */
extern const int mr_clk_bits_per_token[MR_CLK_NFIELDS];

/* How many tokens a record yields at most, and the longest token. */
#define MR_CLK_MAX_TOKENS 320
#define MR_CLK_TOKEN_MAX 12

/*
 * The tokens of one field of a record: NUL-terminated strings written into
 * toks[MR_CLK_MAX_TOKENS][MR_CLK_TOKEN_MAX]; returns how many.
 */
extern int	mr_clk_tokens(const mr_clk_record *r, mr_clk_field field,
						  char toks[][MR_CLK_TOKEN_MAX]);

/*
 * Encode a record (version 1) into out, under the secret behind prf and its
 * fingerprint key_id.  Salt longer than MR_CLK_SALT_MAX bytes is refused.
 */
#define MR_CLK_SALT_MAX 64
extern mr_status mr_clk_encode(const mr_clk_record *r, mr_prf_fn prf, void *prf_ctx,
							   uint32_t key_id, mr_clk *out);

/* ---- the index: Hamming locality-sensitive hashing over sampled bits ---- */

/*
 * LSH tables, each a fixed list of bit positions drawn (without repetition
 * within a table) by a fixed generator: the same for every secret and every
 * release, since indexes store the keys; a table with fewer bits takes the
 * first of its positions.  A filter's key in table t is a 31-bit hash of t
 * and the bits sampled there; two filters are candidates when they share a
 * key.  A pair at Dice t whose filters have w bits set each differs in
 * about d = 2w(1 - t) bits, agrees on one sampled bit with p = 1 - d/1024,
 * on a table's key with p^bits, and on some table with
 * 1 - (1 - p^bits)^tables.  The GIN operator class takes tables and bits as
 * options (defaults below); docs/linkage.md has recall measured against the
 * exact scan.
 */
#define MR_LSH_MAX_TABLES 256
#define MR_LSH_MIN_BITS 8
#define MR_LSH_MAX_BITS 48
#define MR_LSH_DEFAULT_TABLES 64
#define MR_LSH_DEFAULT_BITS 30

extern void mr_clk_lsh_keys(const mr_clk *c, int tables, int bits, int32_t *keys);
/* The MR_LSH_MAX_BITS positions of a table (for tests). */
extern const uint16_t *mr_lsh_positions(int table);

/*
 * The model's recall (above) for a pair at Dice t of filters with w bits
 * set on average, and the parameters link_clk uses for a threshold: the
 * most bits (at most the index's default) for which the model, which
 * real pairs beat (docs/linkage.md), gives at least 0.95 with 128 tables.
 */
extern double mr_lsh_model_recall(double t, double w, int tables, int bits);
extern void mr_lsh_choose(double t, double w, int *tables, int *bits);

/* ---- linkage: greedy one-to-one assignment ---- */

typedef struct mr_link_pair
{
	int32_t		a;				/* index in the first table */
	int32_t		b;				/* index in the second */
	double		score;
} mr_link_pair;

/*
 * Keep a one-to-one subset of pairs: by score, highest first (ties by a,
 * then b), a pair is kept when neither of its records is taken yet (anonlink's
 * greedy solver).  Sorts pairs in place; used_a[na] and used_b[nb] are
 * scratch flags.  Returns how many were kept, moved to the front.
 */
extern size_t mr_link_greedy(mr_link_pair *pairs, size_t n, bool *used_a, int32_t na,
							 bool *used_b, int32_t nb);

/* ---- base64, for the text form of clk ---- */
extern size_t mr_base64_encode(const uint8_t *src, size_t len, char *dst);
/* Returns the decoded length, or -1 if s is not padded standard base64. */
extern long mr_base64_decode(const char *s, size_t len, uint8_t *dst, size_t dstsize);

#endif
