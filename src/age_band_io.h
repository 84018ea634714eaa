/*
 * age_band_io.h: the publishers' age schemes and the age_band type, in plain
 * C (exact ages at a date are datetime_io.h's mr_age_at).
 *
 * age_band is one byte, frozen (stored data, indexes and hash partitions
 * depend on it):
 *
 *   scheme << 4 | band
 *     scheme  1..15: 1 unhcr, 2 eurostat, 3 upm, 4 child; 0 and 5..15 free
 *             for schemes to come
 *     band    1..n, the scheme's bands from the youngest; 15 the unknown
 *             age in every scheme, so that it sorts last within its scheme
 *             whatever bands a scheme has
 *
 * so values order by scheme, then by age, unknown last.  The schemes and
 * their sources are in age_band_io.c.
 */
#ifndef MIGREC_AGE_BAND_IO_H
#define MIGREC_AGE_BAND_IO_H

#include "codes.h"

/* One byte each, frozen once released: INTERNALLENGTH in the install script. */
#define AGE_BAND_INTERNALLENGTH 1
#define AGE_SCHEME_INTERNALLENGTH 1

#define MR_SCHEME_UNHCR 1
#define MR_SCHEME_EUROSTAT 2
#define MR_SCHEME_UPM 3
#define MR_SCHEME_CHILD 4
#define MR_NSCHEMES 4			/* the highest scheme number in use */

#define MR_BAND_UNKNOWN 15		/* also the most bands a scheme has: 14 known
								 * and the unknown one */
#define MR_AGE_MAX 150			/* older ages are refused as data errors */
#define MR_AGE_OPEN 255			/* max_age of an open-ended band */

typedef struct mr_band_info
{
	const char *code;			/* as the value prints: "0-4", "Y_LT14" */
	const char *label;			/* as the publisher's table prints it */
	const char *alias;			/* another accepted spelling, or NULL */
	uint8_t		min_age;
	uint8_t		max_age;		/* inclusive; MR_AGE_OPEN when open */
} mr_band_info;

typedef struct mr_scheme_info
{
	const char *name;			/* "unhcr" */
	const char *publisher;		/* for documentation */
	int			nbands;			/* bands of known age */
	const mr_band_info *bands;	/* [nbands], youngest first */
	mr_band_info unknown;		/* the unknown-age band (15) */
} mr_scheme_info;

/* index = scheme number; entry 0 unused */
extern const mr_scheme_info mr_schemes[MR_NSCHEMES + 1];

/*
 * The longest text of a band, scheme:code: "eurostat:Y_LT14" (15 bytes;
 * every scheme's name and codes are shorter or as long), and the NUL.
 * test/unit checks every band against it.
 */
#define AGE_BAND_TEXT_SIZE 16

static inline int
mr_age_band_scheme(int v)
{
	return (v >> 4) & 0xF;
}

static inline int
mr_age_band_band(int v)
{
	return v & 0xF;
}

static inline int
mr_age_band_make(int scheme, int band)
{
	return (scheme << 4) | band;
}

/* Is v (0..255) an age_scheme value? */
static inline bool
mr_age_scheme_valid(int v)
{
	return v >= 1 && v <= MR_NSCHEMES;
}

/* Is v (0..255) an age_band value? */
static inline bool
mr_age_band_valid(int v)
{
	int			s = mr_age_band_scheme(v),
				b = mr_age_band_band(v);

	return s >= 1 && s <= MR_NSCHEMES && v >= 0 && v <= 255 &&
		((b >= 1 && b <= mr_schemes[s].nbands) || b == MR_BAND_UNKNOWN);
}

/* The band's description; v must be valid. */
static inline const mr_band_info *
mr_age_band_info(int v)
{
	const mr_scheme_info *s = &mr_schemes[mr_age_band_scheme(v)];
	int			b = mr_age_band_band(v);

	return b == MR_BAND_UNKNOWN ? &s->unknown : &s->bands[b - 1];
}

/* A scheme by name (any case, blanks around ignored), or 0. */
extern int	mr_age_scheme_by_name(const char *s, size_t len);

/*
 * The band of an age in completed years, 0..MR_AGE_MAX, or -1 for the
 * unknown band.
 */
static inline int
mr_age_band_of_age(int scheme, int age)
{
	const mr_scheme_info *s = &mr_schemes[scheme];

	if (age >= 0)
		for (int b = 0; b < s->nbands; b++)
			if (age <= s->bands[b].max_age)
				return mr_age_band_make(scheme, b + 1);
	return mr_age_band_make(scheme, MR_BAND_UNKNOWN);
}

/*
 * Is the band a child's (under 18), an adult's, or of unknown age?  Every
 * scheme's bands split at 18, so a band is one or the other.
 */
#define MR_AGE_CLASS_CHILD 0
#define MR_AGE_CLASS_ADULT 1
#define MR_AGE_CLASS_UNKNOWN 2

static inline int
mr_age_band_class(int v)
{
	const mr_band_info *b = mr_age_band_info(v);

	if (mr_age_band_band(v) == MR_BAND_UNKNOWN)
		return MR_AGE_CLASS_UNKNOWN;
	return b->max_age < 18 ? MR_AGE_CLASS_CHILD : MR_AGE_CLASS_ADULT;
}

/*
 * age_band text: "scheme:code", e.g. unhcr:0-4, eurostat:Y_LT14, upm:18+,
 * child:0-17, unhcr:unknown.  The scheme and the band in any case, blanks
 * around either; the band also by its label ("unhcr:60 or more") or alias
 * (UNHCR's API names "0_4" .. "60", "other"), and "unknown" in every scheme.
 * MR_ERR_UNKNOWN for an unknown scheme or band (*errpos says which).
 */
extern mr_status mr_age_band_parse(const char *s, size_t len, int *out, size_t *errpos);

/* The band of a scheme that s[0..n) names (code, label or alias), or 0. */
extern int	mr_age_band_by_name(int scheme, const char *s, size_t n);
extern size_t mr_age_band_format(int v, char *out);

#endif
