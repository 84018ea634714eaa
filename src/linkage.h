/*
 * linkage.h: what the server side of record linkage shares (person_key.c,
 * clk.c, linkage.c, linkage_hmac.c): keyed hashing on PostgreSQL's own
 * SHA-256, the secrets' rules, and the names as the keys read them.
 */
#ifndef MIGREC_LINKAGE_H
#define MIGREC_LINKAGE_H

#include "migrec.h"

#include "utils/date.h"
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

#include "linkage_io.h"
#include "names_io.h"

#define MR_HMAC_SIZE 32

/*
 * The shortest secret person_key and clk accept: 128 bits, so that guessing
 * it is out of reach; a secret is random bytes, not a password.
 */
#define MR_SECRET_MIN_BYTES 16

/*
 * HMAC-SHA-256 (RFC 2104) on PostgreSQL's SHA-256: pg_hmac from 14 on, the
 * RFC's construction over core's sha256(bytea) on 13.  An mr_hmac serves many calls
 * with different keys; mr_hmac_end releases it (an error in between is
 * cleaned up by the resource owner or the memory context).
 */
typedef struct mr_hmac mr_hmac;

extern mr_hmac *mr_hmac_begin(void);
extern void mr_hmac_compute(mr_hmac *h, const uint8 *key, size_t keylen,
							const uint8 *msg, size_t len, uint8 *out);
extern void mr_hmac_end(mr_hmac *h);
/* One HMAC, begin to end. */
extern void mr_hmac_sha256(const uint8 *key, size_t keylen,
						   const uint8 *msg, size_t len, uint8 *out);

/*
 * The bytes of a secret argument, checked: at least MR_SECRET_MIN_BYTES
 * (22023 otherwise; the message never shows the secret).
 */
extern bytea *mr_secret_arg(FunctionCallInfo fcinfo, int argno);

/*
 * A name argument in one of names_io.h's forms, into out (MR_NAME_BUFSIZE):
 * false when no letter is left; an error (54000) when too long.  what names
 * the argument in the error, which never shows the name itself.
 */
extern bool mr_name_arg(text *name, mr_name_form form, const char *what, char *out);

/* A sex argument as F, M or X, or an error (22023). */
extern char mr_sex_arg(text *sex);

/* The fields of a finite birth date, or an error (22008). */
extern void mr_birth_arg(DateADT birth, int *year, int *month, int *day);

/* migrec.clk_threshold (clk.c) */
extern double mr_clk_threshold;

#define DatumGetClkP(d) ((mr_clk *) DatumGetPointer(d))
#define PG_GETARG_CLK_P(n) DatumGetClkP(PG_GETARG_DATUM(n))

/*
 * Two encodings that can be compared, or an error (22023): made with the
 * same version, hardening and secret.
 */
extern void mr_clk_check_comparable(const mr_clk *a, const mr_clk *b);

#endif
