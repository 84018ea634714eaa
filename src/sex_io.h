/*
 * sex_io.h: the sex type, in plain C.
 *
 * One byte, frozen: 1 F (female), 2 M (male), 3 X (unspecified: ICAO Doc
 * 9303's X in the visual zone, '<' in the machine-readable zone, chosen by
 * the issuer; not the same as unknown), 15 unknown (not recorded or not
 * known: Eurostat's UNK).  15 keeps unknown last whatever may be added.
 */
#ifndef MIGREC_SEX_IO_H
#define MIGREC_SEX_IO_H

#include "codes.h"

/* One byte, frozen once released: INTERNALLENGTH in the install script. */
#define SEX_INTERNALLENGTH 1

#define MR_SEX_F 1
#define MR_SEX_M 2
#define MR_SEX_X 3
#define MR_SEX_UNKNOWN 15
#define MR_NSEX 4				/* values, for tables indexed by sex */

static inline bool
mr_sex_valid(int v)
{
	return v == MR_SEX_F || v == MR_SEX_M || v == MR_SEX_X || v == MR_SEX_UNKNOWN;
}

/* 0..MR_NSEX-1, in value order, for a valid value */
static inline int
mr_sex_index(int v)
{
	return v == MR_SEX_UNKNOWN ? MR_NSEX - 1 : v - 1;
}

static inline int
mr_sex_of_index(int i)
{
	return i == MR_NSEX - 1 ? MR_SEX_UNKNOWN : i + 1;
}

/* F, M, X, UNK */
extern const char *mr_sex_code(int v);
/* Female, Male, Unspecified, Unknown; Mujer, Hombre, No especificado, Desconocido */
extern const char *mr_sex_label(int v, bool spanish);

/*
 * sex text: F, M, X, UNK, and female, male, unspecified, '<' (the MRZ's
 * filler: X), unknown, U; any case, blanks around ignored.
 */
extern mr_status mr_sex_parse(const char *s, size_t len, int *out, size_t *errpos);

/*
 * For cleaning: the text forms above plus English, Spanish, French and
 * Portuguese words (mujer, hombre, femme, homem, no especificado ...),
 * accents and case ignored; 0 when none fits.
 */
extern int	mr_sex_clean(const char *s, size_t len);

#endif
