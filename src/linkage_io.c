/*
 * linkage_io.c: person_key and clk in plain C (see linkage_io.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "linkage_io.h"
#include "names_io.h"
#include "scan.h"

/* ---- person_key ---- */

static int
hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

mr_status
mr_person_key_parse(const char *s, size_t len, uint64_t *out, size_t *errpos)
{
	size_t		i = mr_skip_blanks(s, len, 0);
	uint64_t	v = 0;

	if (i == len)
	{
		*errpos = i;
		return MR_ERR_EMPTY;
	}
	for (int d = 0; d < 2 * MR_PERSON_KEY_SIZE; d++, i++)
	{
		int			h = i < len ? hex_value((unsigned char) s[i]) : -1;

		if (h < 0)
		{
			*errpos = i;
			return MR_ERR_SYNTAX;
		}
		v = (v << 4) | (uint64_t) h;
	}
	if (mr_skip_blanks(s, len, i) != len)
	{
		*errpos = i;
		return MR_ERR_SYNTAX;
	}
	*out = v;
	return MR_OK;
}

void
mr_person_key_format(uint64_t v, char *out)
{
	static const char digits[] = "0123456789abcdef";

	for (int d = 2 * MR_PERSON_KEY_SIZE - 1; d >= 0; d--)
	{
		out[d] = digits[v & 0xF];
		v >>= 4;
	}
	out[2 * MR_PERSON_KEY_SIZE] = '\0';
}

size_t
mr_person_key_message(const char *family, const char *given,
					  int year, int month, int day, char sex,
					  const char *nationality, uint8_t *msg)
{
	size_t		n = 0;
	char		date[24];
	const char *parts[6];

	snprintf(date, sizeof(date), "%04d%02d%02d", year, month, day);
	parts[0] = MR_PERSON_KEY_TAG;
	parts[1] = family;
	parts[2] = given;
	parts[3] = date;
	parts[4] = sex == 'F' ? "F" : sex == 'M' ? "M" : "X";
	parts[5] = nationality;
	for (int i = 0; i < 6; i++)
	{
		size_t		l = strlen(parts[i]);

		if (i > 0)
			msg[n++] = '\0';
		memcpy(msg + n, parts[i], l);
		n += l;
	}
	return n;
}

/* ---- popcount ---- */

/*
 * The AND+popcount of two 1024-bit filters is 16 loads of each, 16 ANDs
 * and 16 POPCNT instructions.  Compilers emit POPCNT only when told the CPU
 * has it, and PostgreSQL is built for the baseline x86-64, so on x86-64 the
 * loops are compiled twice and the POPCNT one is chosen at run time.
 */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define MR_POPCNT_DISPATCH 1
#define MR_TARGET_POPCNT __attribute__((target("popcnt")))
#else
#define MR_TARGET_POPCNT
#endif

static inline int
and_popcount_words(const uint64_t *a, const uint64_t *b)
{
	int			n = 0;

	for (int i = 0; i < MR_CLK_WORDS; i++)
		n += __builtin_popcountll(a[i] & b[i]);
	return n;
}

static int
and_popcount_generic(const mr_clk *a, const mr_clk *b)
{
	return and_popcount_words(a->bits.words, b->bits.words);
}

static void
dice_many_generic(const mr_clk *q, const mr_clk *c, size_t n, double *out)
{
	for (size_t i = 0; i < n; i++)
	{
		int			sum = q->popcount + c[i].popcount;

		out[i] = sum == 0 ? 0.0 :
			2.0 * and_popcount_words(q->bits.words, c[i].bits.words) / sum;
	}
}

#ifdef MR_POPCNT_DISPATCH
MR_TARGET_POPCNT static int
and_popcount_popcnt(const mr_clk *a, const mr_clk *b)
{
	int			n = 0;

	for (int i = 0; i < MR_CLK_WORDS; i++)
		n += __builtin_popcountll(a->bits.words[i] & b->bits.words[i]);
	return n;
}

MR_TARGET_POPCNT static void
dice_many_popcnt(const mr_clk *q, const mr_clk *c, size_t n, double *out)
{
	for (size_t i = 0; i < n; i++)
	{
		int			sum = q->popcount + c[i].popcount;
		int			common = 0;

		for (int w = 0; w < MR_CLK_WORDS; w++)
			common += __builtin_popcountll(q->bits.words[w] & c[i].bits.words[w]);
		out[i] = sum == 0 ? 0.0 : 2.0 * common / sum;
	}
}

static bool
have_popcnt(void)
{
	static int	known = -1;

	if (known < 0)
	{
		__builtin_cpu_init();
		known = __builtin_cpu_supports("popcnt") ? 1 : 0;
	}
	return known == 1;
}
#endif

int
mr_clk_and_popcount(const mr_clk *a, const mr_clk *b)
{
#ifdef MR_POPCNT_DISPATCH
	if (have_popcnt())
		return and_popcount_popcnt(a, b);
#endif
	return and_popcount_generic(a, b);
}

void
mr_clk_dice_many(const mr_clk *q, const mr_clk *c, size_t n, double *out)
{
#ifdef MR_POPCNT_DISPATCH
	if (have_popcnt())
	{
		dice_many_popcnt(q, c, n, out);
		return;
	}
#endif
	dice_many_generic(q, c, n, out);
}

int
mr_clk_popcount(const mr_clk *c)
{
	return mr_clk_and_popcount(c, c);
}

/* ---- validity, text and binary forms ---- */

bool
mr_clk_valid(const mr_clk *c)
{
	switch (c->version)
	{
		case MR_CLK_VERSION_1:
			if (c->flags & ~MR_CLK_FLAGS_V1)
				return false;
			break;
		case MR_CLK_VERSION_IMPORTED:
			if (c->flags != 0 || c->key_id != 0)
				return false;
			break;
		default:
			return false;
	}
	return c->popcount == mr_clk_popcount(c);
}

void
mr_clk_to_external(const mr_clk *c, uint8_t *ext)
{
	ext[0] = c->version;
	ext[1] = c->flags;
	ext[2] = (uint8_t) (c->key_id >> 24);
	ext[3] = (uint8_t) (c->key_id >> 16);
	ext[4] = (uint8_t) (c->key_id >> 8);
	ext[5] = (uint8_t) c->key_id;
	memcpy(ext + 6, c->bits.bytes, MR_CLK_BYTES);
}

mr_status
mr_clk_from_external(const uint8_t *ext, mr_clk *out)
{
	memset(out, 0, sizeof(*out));
	out->version = ext[0];
	out->flags = ext[1];
	out->key_id = ((uint32_t) ext[2] << 24) | ((uint32_t) ext[3] << 16) |
		((uint32_t) ext[4] << 8) | ext[5];
	memcpy(out->bits.bytes, ext + 6, MR_CLK_BYTES);
	out->popcount = (uint16_t) mr_clk_popcount(out);
	return mr_clk_valid(out) ? MR_OK : MR_ERR_UNKNOWN;
}

void
mr_clk_format(const mr_clk *c, char *out)
{
	uint8_t		ext[MR_CLK_EXTERNAL_SIZE];
	size_t		n;

	mr_clk_to_external(c, ext);
	n = mr_base64_encode(ext, sizeof(ext), out);
	out[n] = '\0';
}

mr_status
mr_clk_parse(const char *s, size_t len, mr_clk *out, size_t *errpos)
{
	size_t		i = mr_skip_blanks(s, len, 0);
	size_t		end = len;
	uint8_t		ext[MR_CLK_EXTERNAL_SIZE + 3];
	long		n;

	while (end > i && mr_isblank((unsigned char) s[end - 1]))
		end--;
	*errpos = i;
	if (i == end)
		return MR_ERR_EMPTY;
	n = mr_base64_decode(s + i, end - i, ext, sizeof(ext));
	if (n != MR_CLK_EXTERNAL_SIZE)
		return MR_ERR_SYNTAX;
	return mr_clk_from_external(ext, out);
}

/* ---- base64 (RFC 4648, standard alphabet, padded) ---- */

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

size_t
mr_base64_encode(const uint8_t *src, size_t len, char *dst)
{
	size_t		o = 0;

	for (size_t i = 0; i < len; i += 3)
	{
		uint32_t	v = (uint32_t) src[i] << 16;

		if (i + 1 < len)
			v |= (uint32_t) src[i + 1] << 8;
		if (i + 2 < len)
			v |= src[i + 2];
		dst[o++] = b64[(v >> 18) & 63];
		dst[o++] = b64[(v >> 12) & 63];
		dst[o++] = i + 1 < len ? b64[(v >> 6) & 63] : '=';
		dst[o++] = i + 2 < len ? b64[v & 63] : '=';
	}
	return o;
}

static int
b64_value(int c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

long
mr_base64_decode(const char *s, size_t len, uint8_t *dst, size_t dstsize)
{
	size_t		o = 0;

	if (len % 4 != 0)
		return -1;
	for (size_t i = 0; i < len; i += 4)
	{
		int			v[4];
		int			pad = 0;
		uint32_t	x = 0;

		for (int k = 0; k < 4; k++)
		{
			if (s[i + k] == '=' && i + 4 == len && k >= 2)
			{
				v[k] = 0;
				pad++;
				continue;
			}
			if (pad > 0)
				return -1;		/* data after padding */
			v[k] = b64_value((unsigned char) s[i + k]);
			if (v[k] < 0)
				return -1;
		}
		x = ((uint32_t) v[0] << 18) | ((uint32_t) v[1] << 12) | ((uint32_t) v[2] << 6) | (uint32_t) v[3];
		/* the bits padding leaves over must be zero: one text per value */
		if ((pad == 1 && (x & 0xFF) != 0) || (pad == 2 && (x & 0xFFFF) != 0))
			return -1;
		for (int k = 0; k < 3 - pad; k++)
		{
			if (o >= dstsize)
				return -1;
			dst[o++] = (uint8_t) (x >> (16 - 8 * k));
		}
	}
	return (long) o;
}

/* ---- encoding ---- */

const char *const mr_clk_field_names[MR_CLK_NFIELDS] = {
	"family_names", "given_names", "birth", "sex", "nationality"
};

/*
 * Positions are drawn in a filter of 2048 bits, which is then XOR-folded to
 * 1024 (Schnell, Borgs and Encarnação 2016): a set bit of the result no
 * longer says which bigram set it.
 */
#define PREFOLD_BITS (2 * MR_CLK_BITS)

/*
 * Bits set by each token, by field.  The birth date's tokens differ in what
 * they tell apart, so birth has its own weights per token kind below.
 */
const int	mr_clk_bits_per_token[MR_CLK_NFIELDS] = {8, 8, 0, 8, 8};

/* Birth tokens: year, decade, month, day, and the day and month unordered. */
enum
{
	BIRTH_YEAR, BIRTH_DECADE, BIRTH_MONTH, BIRTH_DAY, BIRTH_PAIR, BIRTH_NKINDS
};
static const int birth_bits[BIRTH_NKINDS] = {16, 8, 12, 12, 16};

static int
add_bigrams(const char *name, char toks[][MR_CLK_TOKEN_MAX], int n)
{
	const char *p = name;

	while (*p)
	{
		size_t		l = strcspn(p, " ");
		char		prev = ' ';

		/* bigrams of the word padded with a blank on each side */
		for (size_t i = 0; i <= l && n < MR_CLK_MAX_TOKENS; i++)
		{
			char		cur = i < l ? p[i] : ' ';

			toks[n][0] = prev;
			toks[n][1] = cur;
			toks[n][2] = '\0';
			n++;
			prev = cur;
		}
		p += l;
		while (*p == ' ')
			p++;
	}
	return n;
}

int
mr_clk_tokens(const mr_clk_record *r, mr_clk_field field, char toks[][MR_CLK_TOKEN_MAX])
{
	switch (field)
	{
		case MR_CLK_FIELD_FAMILY:
			return r->family ? add_bigrams(r->family, toks, 0) : 0;
		case MR_CLK_FIELD_GIVEN:
			return r->given ? add_bigrams(r->given, toks, 0) : 0;
		case MR_CLK_FIELD_BIRTH:
			{
				int			lo = r->day < r->month ? r->day : r->month;
				int			hi = r->day < r->month ? r->month : r->day;

				if (r->year == 0 || r->year < -9999 || r->year > 99999 ||
					r->month < 1 || r->month > 12 || r->day < 1 || r->day > 31)
					return 0;
				snprintf(toks[BIRTH_YEAR], MR_CLK_TOKEN_MAX, "Y%d", r->year);
				snprintf(toks[BIRTH_DECADE], MR_CLK_TOKEN_MAX, "E%d", r->year / 10);
				snprintf(toks[BIRTH_MONTH], MR_CLK_TOKEN_MAX, "M%02d", r->month);
				snprintf(toks[BIRTH_DAY], MR_CLK_TOKEN_MAX, "D%02d", r->day);
				snprintf(toks[BIRTH_PAIR], MR_CLK_TOKEN_MAX, "P%02d%02d", lo, hi);
				return BIRTH_NKINDS;
			}
		case MR_CLK_FIELD_SEX:
			if (r->sex != 'F' && r->sex != 'M' && r->sex != 'X')
				return 0;
			toks[0][0] = r->sex;
			toks[0][1] = '\0';
			return 1;
		case MR_CLK_FIELD_NATIONALITY:
			if (r->nationality == NULL || strlen(r->nationality) != 3)
				return 0;
			memcpy(toks[0], r->nationality, 4);
			return 1;
		case MR_CLK_NFIELDS:
			break;
	}
	return 0;
}

/*
 * Set k bits for one token: positions from PRF(field key, j || token [||
 * 0 || salt]) for j = 0, 1, ..., sixteen 16-bit big-endian numbers per
 * block, each taken modulo the pre-fold length (a power of two dividing
 * 65536, so uniform).  Independent positions, unlike double hashing, whose
 * arithmetic progressions Kroll and Steinmetzer (2015) exploit.
 */
static void
set_token_bits(uint8_t *prefold, const char *tok, int k, const char *salt,
			   mr_clk_field field, mr_prf_fn prf, void *prf_ctx)
{
	uint8_t		msg[1 + MR_CLK_TOKEN_MAX + 1 + MR_CLK_SALT_MAX];
	size_t		tl = strlen(tok);
	size_t		ml = 1 + tl;
	uint8_t		out[32];

	memcpy(msg + 1, tok, tl);
	if (salt)
	{
		size_t		sl = strlen(salt);

		msg[ml++] = '\0';
		memcpy(msg + ml, salt, sl);
		ml += sl;
	}
	for (int j = 0; j * 16 < k; j++)
	{
		msg[0] = (uint8_t) j;
		prf(prf_ctx, field, msg, ml, out);
		for (int i = 0; i < 16 && j * 16 + i < k; i++)
		{
			unsigned	p = (((unsigned) out[2 * i] << 8) | out[2 * i + 1]) & (PREFOLD_BITS - 1);

			prefold[p >> 3] |= (uint8_t) (0x80u >> (p & 7));
		}
	}
}

mr_status
mr_clk_encode(const mr_clk_record *r, mr_prf_fn prf, void *prf_ctx,
			  uint32_t key_id, mr_clk *out)
{
	char		toks[MR_CLK_MAX_TOKENS][MR_CLK_TOKEN_MAX];
	uint8_t		prefold[PREFOLD_BITS / 8];

	if (r->salt && strlen(r->salt) > MR_CLK_SALT_MAX)
		return MR_ERR_TOO_LONG;
	memset(prefold, 0, sizeof(prefold));
	for (int f = 0; f < MR_CLK_NFIELDS; f++)
	{
		int			n = mr_clk_tokens(r, (mr_clk_field) f, toks);

		for (int t = 0; t < n; t++)
		{
			int			k = f == MR_CLK_FIELD_BIRTH ? birth_bits[t] : mr_clk_bits_per_token[f];

			set_token_bits(prefold, toks[t], k, r->salt, (mr_clk_field) f, prf, prf_ctx);
		}
	}
	memset(out, 0, sizeof(*out));
	out->version = MR_CLK_VERSION_1;
	out->flags = r->salt ? MR_CLK_FLAG_SALTED : 0;
	out->key_id = key_id;
	for (int i = 0; i < MR_CLK_BYTES; i++)
		out->bits.bytes[i] = prefold[i] ^ prefold[i + MR_CLK_BYTES];
	out->popcount = (uint16_t) mr_clk_popcount(out);
	return MR_OK;
}

/* ---- Hamming LSH ---- */

static uint16_t lsh_pos[MR_LSH_MAX_TABLES][MR_LSH_MAX_BITS];
static bool lsh_ready = false;

/* splitmix64 (Steele, Lea and Flood 2014): fixed, so the tables are too */
static uint64_t
splitmix64(uint64_t *s)
{
	uint64_t	z = (*s += UINT64_C(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

/* murmur3's 64-bit finalizer: the keys of all tables in one space */
static uint64_t
fmix64(uint64_t k)
{
	k ^= k >> 33;
	k *= UINT64_C(0xff51afd7ed558ccd);
	k ^= k >> 33;
	k *= UINT64_C(0xc4ceb9fe1a85ec53);
	k ^= k >> 33;
	return k;
}

static void
lsh_init(void)
{
	for (int t = 0; t < MR_LSH_MAX_TABLES; t++)
	{
		/* one stream per table: "migrec 1" and the table's number */
		uint64_t	seed = UINT64_C(0x6d69677265632031) + (uint64_t) t * UINT64_C(0x100000001B3);
		bool		taken[MR_CLK_BITS];

		memset(taken, 0, sizeof(taken));
		for (int b = 0; b < MR_LSH_MAX_BITS; b++)
		{
			unsigned	p;

			do
				p = (unsigned) (splitmix64(&seed) >> 54);	/* 0..1023 */
			while (taken[p]);
			taken[p] = true;
			lsh_pos[t][b] = (uint16_t) p;
		}
	}
	lsh_ready = true;
}

const uint16_t *
mr_lsh_positions(int table)
{
	if (!lsh_ready)
		lsh_init();
	return lsh_pos[table];
}

void
mr_clk_lsh_keys(const mr_clk *c, int tables, int bits, int32_t *keys)
{
	if (!lsh_ready)
		lsh_init();
	for (int t = 0; t < tables; t++)
	{
		uint64_t	k = 0;

		for (int b = 0; b < bits; b++)
			k = (k << 1) | (mr_clk_bit(c, lsh_pos[t][b]) ? 1 : 0);
		/* two tables' keys may collide: a candidate more, never one less */
		keys[t] = (int32_t) (fmix64(k ^ fmix64((uint64_t) t + 1)) & 0x7FFFFFFF);
	}
}

double
mr_lsh_model_recall(double t, double w, int tables, int bits)
{
	double		p = 1.0 - 2.0 * w * (1.0 - t) / MR_CLK_BITS;
	double		miss = 1.0;
	double		table = 1.0;

	if (p <= 0.0)
		return 0.0;
	for (int b = 0; b < bits; b++)
		table *= p;
	for (int i = 0; i < tables; i++)
		miss *= 1.0 - table;
	return 1.0 - miss;
}

void
mr_lsh_choose(double t, double w, int *tables, int *bits)
{
	*tables = 128;
	for (*bits = MR_LSH_DEFAULT_BITS; *bits > MR_LSH_MIN_BITS; (*bits)--)
		if (mr_lsh_model_recall(t, w, *tables, *bits) >= 0.95)
			break;
}

/* ---- greedy one-to-one assignment ---- */

static int
pair_cmp(const void *x, const void *y)
{
	const mr_link_pair *a = x;
	const mr_link_pair *b = y;

	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	if (a->b != b->b)
		return a->b < b->b ? -1 : 1;
	return 0;
}

size_t
mr_link_greedy(mr_link_pair *pairs, size_t n, bool *used_a, int32_t na,
			   bool *used_b, int32_t nb)
{
	size_t		kept = 0;

	memset(used_a, 0, (size_t) na * sizeof(bool));
	memset(used_b, 0, (size_t) nb * sizeof(bool));
	qsort(pairs, n, sizeof(mr_link_pair), pair_cmp);
	for (size_t i = 0; i < n; i++)
	{
		mr_link_pair p = pairs[i];

		if (p.a < 0 || p.a >= na || p.b < 0 || p.b >= nb)
			continue;
		if (used_a[p.a] || used_b[p.b])
			continue;
		used_a[p.a] = used_b[p.b] = true;
		pairs[kept++] = p;
	}
	return kept;
}
