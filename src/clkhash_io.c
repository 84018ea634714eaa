/*
 * clkhash_io.c: clkhash's encoding (see clkhash_io.h).  The steps, each as
 * clkhash documents it:
 *   - a missing value (equal to the sentinel) is replaced, and not checked;
 *   - a date is rewritten as YYYYMMDD;
 *   - tokens: the n-grams of the value's characters (code points), padded
 *     with n - 1 blanks on each side when n > 1; "%d %s" of the 1-based
 *     position and the n-gram when positional; the value itself for an
 *     exact comparison; none for an empty value;
 *   - bits per token: k, or N divided among the n tokens (the first N mod n
 *     tokens one more);
 *   - blakeHash: BLAKE2b-512 of the token's UTF-8 under the feature's first
 *     key, with the salt "0", "1", ... for each 32 positions, read as 32
 *     little-endian 16-bit numbers, each modulo the length;
 *   - doubleHash: h1, h2 the big-endian numbers of HMAC-SHA-1 (first key)
 *     and HMAC-MD5 (second key) modulo the length, positions h1 + i h2;
 *     with prevent_singularity, while h2 is 0, HMAC-MD5 of the token and
 *     the UTF-8 of the character j, j = 0, 1, ...;
 *   - the features' bits ORed, then folded: the two halves XORed, xor_folds
 *     times.
 */
#include <stdio.h>
#include <string.h>

#include "blake2b_io.h"
#include "clkhash_io.h"

static void
set_error(char *err, size_t errsize, const char *msg, int feature)
{
	if (feature >= 0)
		snprintf(err, errsize, "feature %d: %s", feature + 1, msg);
	else
		snprintf(err, errsize, "%s", msg);
}

/* byte offsets of the code points of s (UTF-8), offs[count] = len */
static size_t
code_points(const char *s, size_t len, size_t *offs)
{
	size_t		n = 0;

	for (size_t i = 0; i < len;)
	{
		unsigned char c = (unsigned char) s[i];
		size_t		l = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;

		if (offs)
			offs[n] = i;
		n++;
		i += l;
		if (i > len)
			i = len;
	}
	if (offs)
		offs[n] = len;
	return n;
}

/* "%Y%m%d" from a value in a strftime-like format of %Y, %m, %d and literals */
static bool
reformat_date(const char *v, const char *fmt, char *out)
{
	char		y[5] = "",
				m[3] = "",
				d[3] = "";
	const char *p = v;

	for (const char *f = fmt; *f; f++)
	{
		if (*f == '%' && (f[1] == 'Y' || f[1] == 'm' || f[1] == 'd'))
		{
			int			width = f[1] == 'Y' ? 4 : 2;
			char	   *dst = f[1] == 'Y' ? y : f[1] == 'm' ? m : d;

			for (int i = 0; i < width; i++)
			{
				if (p[i] < '0' || p[i] > '9')
					return false;
				dst[i] = p[i];
			}
			dst[width] = '\0';
			p += width;
			f++;
		}
		else if (*f == '%')
			return false;		/* a directive this implementation lacks */
		else if (*p++ != *f)
			return false;
	}
	if (*p != '\0' || !y[0] || !m[0] || !d[0])
		return false;
	snprintf(out, 9, "%s%s%s", y, m, d);
	return true;
}

static void
set_bit(uint8_t *bits, uint32_t p)
{
	bits[p >> 3] |= (uint8_t) (0x80u >> (p & 7));
}

/* a big-endian number modulo m */
static uint32_t
mod_be(const uint8_t *b, size_t n, uint32_t m)
{
	uint64_t	r = 0;

	for (size_t i = 0; i < n; i++)
		r = (r * 256 + b[i]) % m;
	return (uint32_t) r;
}

static void
hash_token(const mr_clkhash_feature *f, size_t key_size, const uint8_t *tok, size_t toklen,
		   int k, uint32_t L, mr_clkhash_hmac_fn hmac, void *ctx, uint8_t *bits)
{
	if (f->hash == MR_CLKHASH_BLAKE)
	{
		for (int j = 0; j * 32 < k; j++)
		{
			uint8_t		d[MR_BLAKE2B_OUTBYTES];
			char		salt[12];

			snprintf(salt, sizeof(salt), "%d", j);
			mr_blake2b(d, sizeof(d), tok, toklen, f->key1, key_size,
					   (const uint8_t *) salt, strlen(salt), NULL, 0);
			for (int i = 0; i < 32 && j * 32 + i < k; i++)
				set_bit(bits, (uint32_t) (d[2 * i] | (d[2 * i + 1] << 8)) % L);
		}
	}
	else
	{
		uint8_t		sha1[20],
					md5[16];
		uint64_t	h1,
					h2;

		hmac(ctx, true, f->key1, key_size, tok, toklen, sha1);
		hmac(ctx, false, f->key2, key_size, tok, toklen, md5);
		h1 = mod_be(sha1, sizeof(sha1), L);
		h2 = mod_be(md5, sizeof(md5), L);
		if (f->prevent_singularity)
		{
			uint8_t		msg[MR_CLKHASH_MAX_VALUE + 1];

			memcpy(msg, tok, toklen);
			for (uint32_t j = 0; h2 == 0 && j < 0x80; j++)
			{
				/* chr(j).encode(): one byte below 128, where this ends in practice */
				msg[toklen] = (uint8_t) j;
				hmac(ctx, false, f->key2, key_size, msg, toklen + 1, md5);
				h2 = mod_be(md5, sizeof(md5), L);
			}
		}
		for (int i = 0; i < k; i++)
			set_bit(bits, (uint32_t) ((h1 + (uint64_t) i * h2) % L));
	}
}

mr_status
mr_clkhash_encode(const mr_clkhash_feature *features, int nfeatures,
				  size_t key_size, const char *const *values,
				  int bits, int xor_folds,
				  mr_clkhash_hmac_fn hmac, void *hmac_ctx,
				  uint8_t *out, char *err, size_t errsize)
{
	uint32_t	L;
	uint8_t		filter[MR_CLKHASH_MAX_BITS / 8];
	mr_status	st = MR_OK;

	if (bits < 8 || bits % 8 != 0 || xor_folds < 0 || xor_folds > 8 ||
		((uint64_t) bits << xor_folds) > MR_CLKHASH_MAX_BITS)
	{
		set_error(err, errsize, "the length must be a multiple of 8, and at most 65536 bits before folding", -1);
		return MR_ERR_FIELD_RANGE;
	}
	if (key_size < 1 || key_size > MR_CLKHASH_MAX_KEY)
	{
		set_error(err, errsize, "keySize must be from 1 to 64", -1);
		return MR_ERR_FIELD_RANGE;
	}
	L = (uint32_t) bits << xor_folds;
	memset(filter, 0, L / 8);

	for (int fi = 0; fi < nfeatures && st == MR_OK; fi++)
	{
		const mr_clkhash_feature *f = &features[fi];
		const char *v = values[fi] ? values[fi] : "";
		char		date[9];
		char		padded[MR_CLKHASH_MAX_VALUE + 2 * MR_CLKHASH_MAX_NGRAM + 1];
		size_t		offs[MR_CLKHASH_MAX_VALUE + 2 * MR_CLKHASH_MAX_NGRAM + 2];
		size_t		plen,
					vlen,
					ncp,
					ntok;

		if (f->ignored)
			continue;
		if ((!f->exact && (f->ngram < 1 || f->ngram > MR_CLKHASH_MAX_NGRAM)) ||
			(f->bits_per_token > 0) == (f->bits_per_feature > 0) ||
			f->bits_per_token > MR_CLKHASH_MAX_K || f->bits_per_feature < 0 ||
			f->bits_per_token < 0)
		{
			set_error(err, errsize, "n-gram size from 1 to 16, and either bitsPerToken or bitsPerFeature", fi);
			st = MR_ERR_FIELD_RANGE;
			break;
		}
		if (f->hash == MR_CLKHASH_BLAKE && (L & (L - 1)) != 0)
		{
			set_error(err, errsize, "blakeHash needs a length (before folding) that is a power of two", fi);
			st = MR_ERR_FIELD_RANGE;
			break;
		}
		if (f->sentinel && strcmp(v, f->sentinel) == 0)
			v = f->replace_with ? f->replace_with : f->sentinel;
		else if (f->date_format && v[0] != '\0')
		{
			if (!reformat_date(v, f->date_format, date))
			{
				set_error(err, errsize, "a date that does not match its format", fi);
				st = MR_ERR_SYNTAX;
				break;
			}
			v = date;
		}
		vlen = strlen(v);
		if (vlen == 0)
			continue;			/* no tokens */
		if (vlen > MR_CLKHASH_MAX_VALUE)
		{
			set_error(err, errsize, "a value longer than 1024 bytes", fi);
			st = MR_ERR_TOO_LONG;
			break;
		}

		if (f->exact)
		{
			int			k = f->bits_per_token > 0 ? f->bits_per_token : f->bits_per_feature;

			hash_token(f, key_size, (const uint8_t *) v, vlen, k > MR_CLKHASH_MAX_K ? MR_CLKHASH_MAX_K : k,
					   L, hmac, hmac_ctx, filter);
			continue;
		}

		/* the value padded with n - 1 blanks each side (n > 1) */
		plen = vlen + 2 * (size_t) (f->ngram - 1);
		memset(padded, ' ', f->ngram - 1);
		memcpy(padded + f->ngram - 1, v, vlen);
		memset(padded + f->ngram - 1 + vlen, ' ', f->ngram - 1);
		padded[plen] = '\0';
		ncp = code_points(padded, plen, offs);
		ntok = ncp >= (size_t) f->ngram ? ncp - f->ngram + 1 : 0;

		for (size_t t = 0; t < ntok; t++)
		{
			char		tok[24 + MR_CLKHASH_MAX_NGRAM * 4];
			size_t		glen = offs[t + f->ngram] - offs[t];
			size_t		tl = 0;
			int			k;

			if (f->positional)
				tl = (size_t) snprintf(tok, sizeof(tok), "%zu ", t + 1);
			memcpy(tok + tl, padded + offs[t], glen);
			tl += glen;
			if (f->bits_per_token > 0)
				k = f->bits_per_token;
			else
				k = (int) (f->bits_per_feature / ntok + (t < f->bits_per_feature % ntok ? 1 : 0));
			if (k > MR_CLKHASH_MAX_K)
				k = MR_CLKHASH_MAX_K;
			hash_token(f, key_size, (const uint8_t *) tok, tl, k, L, hmac, hmac_ctx, filter);
		}
	}

	if (st == MR_OK)
	{
		uint32_t	len = L / 8;

		for (int i = 0; i < xor_folds; i++)
		{
			len /= 2;
			for (uint32_t b = 0; b < len; b++)
				filter[b] ^= filter[b + len];
		}
		memcpy(out, filter, (size_t) bits / 8);
	}
	return st;
}
