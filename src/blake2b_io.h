/*
 * blake2b_io.h: BLAKE2b (RFC 7693), keyed, with the salt and personalization
 * of the BLAKE2 parameter block, in plain C.  PostgreSQL's common code has no
 * BLAKE2; clkhash's default hashing (blakeHash) needs it, so that
 * clkhash_clk() makes the same encodings as clkhash does.
 */
#ifndef MIGREC_BLAKE2B_IO_H
#define MIGREC_BLAKE2B_IO_H

#include <stddef.h>
#include <stdint.h>

#define MR_BLAKE2B_OUTBYTES 64
#define MR_BLAKE2B_KEYBYTES 64
#define MR_BLAKE2B_SALTBYTES 16
#define MR_BLAKE2B_PERSONALBYTES 16

/*
 * out = BLAKE2b-(outlen*8) of in, keyed with key (keylen <= 64, 0 for
 * none), salt and personalization zero-padded to 16 bytes (NULL for none).
 * Returns 0, or -1 when a length is out of range.
 */
extern int	mr_blake2b(uint8_t *out, size_t outlen, const uint8_t *in, size_t inlen,
					   const uint8_t *key, size_t keylen,
					   const uint8_t *salt, size_t saltlen,
					   const uint8_t *personal, size_t personallen);

#endif
