/*
 * crosswalk.h: the names and codes publishers print, and what they mean as
 * nationalities and places.  Plain C (no PostgreSQL headers): the tables are
 * generated into crosswalk_data.c by tools/gen_tables.py (tools/crosswalk.py)
 * from tools/publishers/ and the snapshot in tools/sources/; crosswalk_io.c
 * reads them.
 */
#ifndef MIGREC_CROSSWALK_H
#define MIGREC_CROSSWALK_H

#include "codes.h"

/* The nationality sources, in the order of mr_xw_sources (by name). */
typedef enum mr_source
{
	MR_SRC_CBP = 0,
	MR_SRC_COMAR,
	MR_SRC_ISO,
	MR_SRC_OHSS,
	MR_SRC_SNM,
	MR_SRC_UNHCR,
	MR_SRC_UNHCR_ISO,
	MR_SRC_UPM,
	MR_NSOURCES
} mr_source;

/* No source: parse_nationality(text) and parse_nationality(text, NULL). */
#define MR_SRC_NONE (-1)

/* The place sources, in the order of mr_xw_place_sources. */
typedef enum mr_place_source
{
	MR_PSRC_INEC_PA = 0,
	MR_PSRC_INEGI,
	MR_NPLACE_SOURCES
} mr_place_source;

/* Targets that are no nationality entry. */
#define MR_XW_REGION (-1)		/* a regional subtotal row */
#define MR_XW_NONE (-2)			/* an origin migrec has no nationality for */
#define MR_XW_AMBIGUOUS (-3)	/* sources read it differently */

typedef struct mr_xw_source
{
	const char *name;			/* "unhcr" */
	const char *description;
} mr_xw_source;

/* One row of nationality_crosswalk(). */
typedef struct mr_xw_row
{
	uint8_t		source;			/* mr_source */
	uint8_t		is_name;		/* 0 a code, 1 a name */
	int16_t		target;			/* index in mr_countries, or MR_XW_REGION/NONE */
	const char *form;			/* as the source prints it (UTF-8) */
	const char *note;
	const char *seen_in;
	const char *verified;		/* stored, secondary, issue */
	const char *elsewhere;		/* what the form means in other sources */
} mr_xw_row;

/* A source's form, folded: codes upper-cased, names by mr_match_key(). */
typedef struct mr_xw_key
{
	uint8_t		source;
	const char *key;
	int16_t		target;
	int16_t		row;			/* in mr_xw_rows */
} mr_xw_key;

/* A general name (no source, and every source's fallback). */
typedef struct mr_xw_name
{
	const char *key;
	int16_t		target;			/* index in mr_countries, or MR_XW_* */
	const char *readings;		/* MR_XW_AMBIGUOUS: what each source reads */
} mr_xw_name;

/* A code that some source reads otherwise than ISO 3166 / ICAO. */
typedef struct mr_xw_reading
{
	const char *code;
	const char *text;
} mr_xw_reading;

typedef struct mr_xw_place_row
{
	uint8_t		source;			/* mr_place_source */
	uint8_t		is_name;
	int32_t		place;			/* packed place */
	const char *form;
	const char *note;
	const char *seen_in;
} mr_xw_place_row;

typedef struct mr_xw_place_key
{
	uint8_t		source;
	const char *key;
	int32_t		place;
	int16_t		row;			/* in mr_xw_place_rows */
} mr_xw_place_key;

extern const char *const mr_cldr_version;
extern const mr_xw_source mr_xw_sources[];
extern const int mr_nxw_sources;
extern const mr_xw_source mr_xw_place_sources[];
extern const int mr_nxw_place_sources;
extern const mr_xw_row mr_xw_rows[];
extern const int mr_nxw_rows;
extern const mr_xw_key mr_xw_source_keys[];
extern const int mr_nxw_source_keys;
extern const mr_xw_name mr_xw_names[];
extern const int mr_nxw_names;
extern const mr_xw_reading mr_xw_code_readings[];
extern const int mr_nxw_code_readings;
extern const char *const mr_unhcr_code_of[];	/* one per mr_countries entry */
extern const int mr_nunhcr_code_of;
extern const mr_xw_place_row mr_xw_place_rows[];
extern const int mr_nxw_place_rows;
extern const mr_xw_place_key mr_xw_place_keys[];
extern const int mr_nxw_place_keys;

/* ---- crosswalk_io.c ---- */

#define MR_MATCH_KEY_SIZE 256

/*
 * The matching key of a name: case, accents and punctuation folded,
 * apostrophes joining ("People's" = "Peoples"), the forms of republic,
 * democratic, federal and saint made one ("Rep." = "República"), the small
 * words of en/es/fr/pt dropped and the words sorted ("Korea, Republic of" =
 * "Rep. of Korea").  tools/crosswalk.py's match_key() is the same function.
 * False on invalid UTF-8, or when the key does not fit in out.
 */
extern bool mr_match_key(const char *s, size_t len, char *out, size_t outsize);

typedef enum mr_xw_status
{
	MR_XW_FOUND = 0,
	MR_XW_NOT_FOUND,			/* no form of the source, no name */
	MR_XW_NOT_NATIONALITY,		/* a regional subtotal, an origin with no code */
	MR_XW_IS_AMBIGUOUS			/* means different things in different sources */
} mr_xw_status;

typedef struct mr_xw_result
{
	mr_xw_status status;
	uint16_t	code;			/* MR_XW_FOUND: the packed nationality */
	const char *why;			/* otherwise, when known: what the form means */
	int			row;			/* the crosswalk row that decided, or -1 */
	bool		is_code;		/* the input looked like a code (1-3 letters or digits) */
} mr_xw_result;

/* "unhcr" (any case) -> mr_source; -1 when no such source. */
extern int	mr_xw_source_parse(const char *s, size_t len);
extern int	mr_xw_place_source_parse(const char *s, size_t len);

/*
 * A nationality from a name or code that source prints (MR_SRC_NONE: no
 * source).  With a source: its own codes and names first, then (iso and
 * unhcr_iso) ISO 3166 / ICAO codes, then the general names.  Without: the
 * nationality type's codes and 0.1's names, then the general names.
 * strict (the erroring form): without a source, a code some source reads
 * otherwise than ISO is ambiguous instead of read as ISO.
 */
extern void mr_xw_nationality(const char *s, size_t len, int source, bool strict,
							  mr_xw_result *res);

/* A UNHCR country code (never a name) -> nationality. */
extern void mr_xw_unhcr_code(const char *s, size_t len, mr_xw_result *res);

/* UNHCR's code of the nationality v, or NULL. */
extern const char *mr_xw_unhcr_code_of(int v);

/* A place from a source's code or name: the row in mr_xw_place_rows, or -1. */
extern int	mr_xw_place(const char *s, size_t len, int source, int32_t *place);

#endif							/* MIGREC_CROSSWALK_H */
