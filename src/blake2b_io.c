/*
 * blake2b_io.c: BLAKE2b as RFC 7693 specifies it (sections 2 and 3), with
 * the parameter block of the BLAKE2 paper (Aumasson et al. 2013, section
 * 2.8) for salt and personalization.  Checked against Python's hashlib in
 * test/unit/test_linkage.c.
 */
#include <string.h>

#include "blake2b_io.h"

static const uint64_t blake2b_iv[8] = {
	UINT64_C(0x6a09e667f3bcc908), UINT64_C(0xbb67ae8584caa73b),
	UINT64_C(0x3c6ef372fe94f82b), UINT64_C(0xa54ff53a5f1d36f1),
	UINT64_C(0x510e527fade682d1), UINT64_C(0x9b05688c2b3e6c1f),
	UINT64_C(0x1f83d9abfb41bd6b), UINT64_C(0x5be0cd19137e2179)
};

static const uint8_t sigma[12][16] = {
	{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
	{14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
	{11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
	{7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
	{9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
	{2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
	{12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
	{13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
	{6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
	{10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
	{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
	{14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3}
};

typedef struct blake2b_state
{
	uint64_t	h[8];
	uint64_t	t[2];			/* bytes compressed so far */
	uint8_t		buf[128];
	size_t		buflen;
} blake2b_state;

static uint64_t
load64(const uint8_t *p)
{
	uint64_t	v = 0;

	for (int i = 7; i >= 0; i--)
		v = (v << 8) | p[i];
	return v;
}

static void
store64(uint8_t *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (uint8_t) (v >> (8 * i));
}

static uint64_t
rotr64(uint64_t x, int n)
{
	return (x >> n) | (x << (64 - n));
}

#define G(a, b, c, d, x, y) \
	do { \
		v[a] = v[a] + v[b] + (x); v[d] = rotr64(v[d] ^ v[a], 32); \
		v[c] = v[c] + v[d];       v[b] = rotr64(v[b] ^ v[c], 24); \
		v[a] = v[a] + v[b] + (y); v[d] = rotr64(v[d] ^ v[a], 16); \
		v[c] = v[c] + v[d];       v[b] = rotr64(v[b] ^ v[c], 63); \
	} while (0)

/* RFC 7693 section 3.2: the compression function F */
static void
compress(blake2b_state *s, const uint8_t *block, int last)
{
	uint64_t	m[16],
				v[16];

	for (int i = 0; i < 16; i++)
		m[i] = load64(block + 8 * i);
	for (int i = 0; i < 8; i++)
	{
		v[i] = s->h[i];
		v[i + 8] = blake2b_iv[i];
	}
	v[12] ^= s->t[0];
	v[13] ^= s->t[1];
	if (last)
		v[14] = ~v[14];
	for (int r = 0; r < 12; r++)
	{
		const uint8_t *z = sigma[r];

		G(0, 4, 8, 12, m[z[0]], m[z[1]]);
		G(1, 5, 9, 13, m[z[2]], m[z[3]]);
		G(2, 6, 10, 14, m[z[4]], m[z[5]]);
		G(3, 7, 11, 15, m[z[6]], m[z[7]]);
		G(0, 5, 10, 15, m[z[8]], m[z[9]]);
		G(1, 6, 11, 12, m[z[10]], m[z[11]]);
		G(2, 7, 8, 13, m[z[12]], m[z[13]]);
		G(3, 4, 9, 14, m[z[14]], m[z[15]]);
	}
	for (int i = 0; i < 8; i++)
		s->h[i] ^= v[i] ^ v[i + 8];
}

static void
increment(blake2b_state *s, uint64_t n)
{
	s->t[0] += n;
	if (s->t[0] < n)
		s->t[1]++;
}

static void
update(blake2b_state *s, const uint8_t *in, size_t inlen)
{
	while (inlen > 0)
	{
		size_t		take;

		/* the last block is compressed in final, with its flag */
		if (s->buflen == sizeof(s->buf))
		{
			increment(s, sizeof(s->buf));
			compress(s, s->buf, 0);
			s->buflen = 0;
		}
		take = sizeof(s->buf) - s->buflen;
		if (take > inlen)
			take = inlen;
		memcpy(s->buf + s->buflen, in, take);
		s->buflen += take;
		in += take;
		inlen -= take;
	}
}

int
mr_blake2b(uint8_t *out, size_t outlen, const uint8_t *in, size_t inlen,
		   const uint8_t *key, size_t keylen,
		   const uint8_t *salt, size_t saltlen,
		   const uint8_t *personal, size_t personallen)
{
	blake2b_state s;
	uint8_t		param[64];
	uint8_t		full[MR_BLAKE2B_OUTBYTES];

	if (outlen < 1 || outlen > MR_BLAKE2B_OUTBYTES || keylen > MR_BLAKE2B_KEYBYTES ||
		saltlen > MR_BLAKE2B_SALTBYTES || personallen > MR_BLAKE2B_PERSONALBYTES)
		return -1;

	/* the parameter block: digest length, key length, fanout 1, depth 1, salt, personalization */
	memset(param, 0, sizeof(param));
	param[0] = (uint8_t) outlen;
	param[1] = (uint8_t) keylen;
	param[2] = 1;
	param[3] = 1;
	if (salt)
		memcpy(param + 32, salt, saltlen);
	if (personal)
		memcpy(param + 48, personal, personallen);
	memset(&s, 0, sizeof(s));
	for (int i = 0; i < 8; i++)
		s.h[i] = blake2b_iv[i] ^ load64(param + 8 * i);

	/* a key is a first block of its own, zero-padded */
	if (keylen > 0)
	{
		uint8_t		block[128];

		memset(block, 0, sizeof(block));
		memcpy(block, key, keylen);
		update(&s, block, sizeof(block));
		memset(block, 0, sizeof(block));
	}
	update(&s, in, inlen);

	increment(&s, s.buflen);
	memset(s.buf + s.buflen, 0, sizeof(s.buf) - s.buflen);
	compress(&s, s.buf, 1);
	for (int i = 0; i < 8; i++)
		store64(full + 8 * i, s.h[i]);
	memcpy(out, full, outlen);
	memset(&s, 0, sizeof(s));
	return 0;
}
