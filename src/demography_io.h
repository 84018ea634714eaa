/*
 * demography_io.h: the demography type, a count of people by sex, age band
 * and accompaniment, and the publishers' tables drawn from it; plain C.
 *
 * A demography is the state of the demography() aggregates and a value a
 * shard computes and a coordinator merges (decision_tally's pattern).  Its
 * layout is frozen once released (stored values depend on it), and carries
 * its own dimensions, so that a value written before a sex, a band or an
 * accompaniment is added stays readable:
 *
 *   int32   varlena header
 *   uint8   version      1
 *   uint8   scheme       the age scheme (age_band_io.h), or 0 before any
 *                        age band was counted: then every count is of
 *                        unknown age, and the first band sets the scheme
 *   uint8   nsex         MR_NSEX
 *   uint8   nbands       the scheme's bands plus the unknown band (1 for
 *                        scheme 0)
 *   uint8   nacc         MR_NACC
 *   uint8   pad[7]       zero
 *   int64   counts[nsex][nbands][nacc], non-negative; sex, band and
 *           accompaniment in their types' order (unknown last); their sum
 *           at most INT64_MAX, so that every count of the value's people
 *           (demography_count, the publishers' tables) is an int8
 *
 * 8-byte aligned (ALIGNMENT double): the counts are read in place.
 */
#ifndef MIGREC_DEMOGRAPHY_IO_H
#define MIGREC_DEMOGRAPHY_IO_H

#include "accompaniment_io.h"
#include "age_band_io.h"
#include "codes.h"
#include "scan.h"
#include "sex_io.h"

#define DEMOGRAPHY_VERSION 1

typedef struct mr_demography
{
	int32_t		vl_len_;		/* varlena header, set by the server layer */
	uint8_t		version;
	uint8_t		scheme;
	uint8_t		nsex;
	uint8_t		nbands;
	uint8_t		nacc;
	uint8_t		pad[7];
	int64_t		counts[];		/* at offset 16 */
} mr_demography;

/* The header, frozen once released (checked at compile time in demography.c). */
#define DEMOGRAPHY_HEADER_SIZE 16

/* The send format's header: version, scheme, nsex, nbands, nacc. */
#define DEMOGRAPHY_SEND_HEADER_SIZE 5

/* The number of bands (unknown included) a value of the scheme holds. */
static inline int
mr_demography_nbands(int scheme)
{
	return scheme == 0 ? 1 : mr_schemes[scheme].nbands + 1;
}

static inline size_t
mr_demography_ncells(const mr_demography *d)
{
	return (size_t) d->nsex * d->nbands * d->nacc;
}

/* Bytes of a value of the scheme, header included. */
static inline size_t
mr_demography_size(int scheme)
{
	return DEMOGRAPHY_HEADER_SIZE +
		sizeof(int64_t) * MR_NSEX * (size_t) mr_demography_nbands(scheme) * MR_NACC;
}

/* An empty value of the scheme in d (mr_demography_size(scheme) bytes). */
extern void mr_demography_init(mr_demography *d, int scheme);

/*
 * Is d, of size bytes (header included), a value this version reads:
 * header, dimensions of its scheme, counts not negative, adding up to at
 * most INT64_MAX?
 */
extern bool mr_demography_valid(const mr_demography *d, size_t size);

/* The sum of d's counts; false when it passes INT64_MAX. */
extern bool mr_demography_total(const mr_demography *d, int64_t *total);

/* The index of a cell: sex, band and accompaniment values. */
static inline size_t
mr_demography_cell(const mr_demography *d, int sex_index, int band_index, int acc_index)
{
	return ((size_t) sex_index * d->nbands + (size_t) band_index) * d->nacc + (size_t) acc_index;
}

/*
 * The band index of an age_band value in d (its scheme must be d's), and
 * back; the unknown band is the last index.
 */
static inline int
mr_demography_band_index(const mr_demography *d, int band)
{
	return mr_age_band_band(band) == MR_BAND_UNKNOWN ? d->nbands - 1 : mr_age_band_band(band) - 1;
}

/*
 * Copy src into dst, a value of scheme `scheme` (size mr_demography_size):
 * src's scheme is the same or 0 (its counts go to the unknown band).
 */
extern void mr_demography_reshape(const mr_demography *src, mr_demography *dst, int scheme);

/*
 * a += b, with b of a's scheme or of scheme 0 (counted of unknown age);
 * sign -1 subtracts.  MR_ERR_OUT_OF_RANGE when a count would pass INT64_MAX
 * (the caller checks the total), MR_ERR_ORDER when a subtraction would
 * leave a count negative; a is unchanged then.
 */
extern mr_status mr_demography_add(mr_demography *a, const mr_demography *b, int sign);

/*
 * Text: [scheme] {sex/band/accompaniment: count, ...}, the non-zero cells
 * in the value's order; the scheme is absent for scheme 0, and the band of
 * scheme 0 is "unknown".  Input takes the same, cells in the same order
 * (MR_ERR_ORDER otherwise), counts of zero allowed; MR_ERR_OUT_OF_RANGE
 * for counts adding up past INT64_MAX.  The parser needs
 * DEMOGRAPHY_MAX_SIZE bytes at out (MR_BAND_UNKNOWN: the most bands).
 */
#define DEMOGRAPHY_MAX_SIZE (DEMOGRAPHY_HEADER_SIZE + sizeof(int64_t) * MR_NSEX * MR_BAND_UNKNOWN * MR_NACC)
extern mr_status mr_demography_parse(const char *s, size_t len, mr_demography *out, size_t *errpos);

/*
 * The longest text of a cell: "UNK/unknown/with_caregiver: " (28: the
 * longest sex code, band code and accompaniment name), a count
 * (MR_INT64_TEXT_MAX, for any int64 of the representation) and ", " = 50;
 * around the cells "eurostat {" and "}" (the longest scheme name) and the
 * NUL = 12.  mr_text_size() gives 0 on overflow.
 */
#define DEMOGRAPHY_CELL_TEXT_MAX (28 + MR_INT64_TEXT_MAX + 2)
#define DEMOGRAPHY_TEXT_FIXED 12
#define DEMOGRAPHY_TEXT_SIZE(ncells) mr_text_size((ncells), DEMOGRAPHY_CELL_TEXT_MAX, DEMOGRAPHY_TEXT_FIXED)
extern size_t mr_demography_format(const mr_demography *d, char *out);

/*
 * The count of the cells matching: sex (a sex value, or 0 for any), band
 * (an age_band value of any scheme whose band holds whole bands of d, or 0
 * for any), accompaniment (a value, or 0 for any).  MR_ERR_SYNTAX when the
 * band cuts one of d's bands; MR_ERR_OUT_OF_RANGE on overflow.
 */
extern mr_status mr_demography_count(const mr_demography *d, int sex, int band, int acc, int64_t *out);

/* ---- the publishers' tables ---- */

#define MR_PUB_UNHCR 1
#define MR_PUB_EUROSTAT 2
#define MR_PUB_UPM 3
#define MR_PUB_CBP 4
#define MR_PUB_CHILDREN 5
#define MR_NPUBS 5

typedef struct mr_pub_row
{
	char		label[96];		/* as the publisher prints the cell */
	char		sex[24];		/* the publisher's sex code, "" when none */
	char		age[24];		/* the publisher's age code, "" when none */
	char		group[32];		/* the accompaniment group, "" when none */
	bool		total;			/* a sum of other rows (rounded on its own) */
	/* which cells the row counts */
	uint8_t		sexmask;		/* bit i: sex index i */
	uint8_t		amin;
	uint8_t		amax;			/* known ages amin..amax; none when amin > amax */
	bool		unknown_age;	/* and the unknown band */
	uint8_t		cls;			/* a classification of (age, accompaniment) */
	uint8_t		clsmask;		/* its accepted classes */
} mr_pub_row;

#define MR_PUB_MAX_ROWS 48

/* A publisher by name (unhcr, eurostat, upm, cbp, children), or 0. */
extern int	mr_publisher_by_name(const char *s, size_t len);
extern const char *mr_publisher_name(int pub);

/* The publisher whose table a scheme prints by default. */
extern int	mr_publisher_of_scheme(int scheme);

/* The rows of a publisher's table, in its order; returns how many. */
extern int	mr_publisher_rows(int pub, mr_pub_row *rows);

/*
 * The counts of a publisher's table for d, into counts[nrows] (rows from
 * mr_publisher_rows).  MR_ERR_SYNTAX when one of d's bands straddles a row's
 * ages (*badband is that band's age_band value, or the row's index in
 * *badrow), MR_ERR_OUT_OF_RANGE on overflow.
 */
extern mr_status mr_publisher_table(const mr_demography *d, const mr_pub_row *rows, int nrows,
									int64_t *counts, int *badband, int *badrow);

#endif
