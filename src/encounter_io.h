/*
 * encounter_io.h: encounters with migration authorities under their legal
 * authority, and the US fiscal year; plain C.
 *
 * One byte, frozen: country << 4 | kind, so that values group by country.
 *   0x11 us_t8_apprehension     USBP, Title 8 (8 U.S.C.)
 *   0x12 us_t8_inadmissible     OFO at a port of entry, Title 8
 *   0x13 us_t42_expulsion_usbp  USBP, Title 42 (42 U.S.C. 265, 268)
 *   0x14 us_t42_expulsion_ofo   OFO, Title 42
 *   0x21 mx_presentado          presented to Mexico's INM (Ley de Migración)
 *   0x22 mx_canalizado          channelled by the INM to the child
 *                               protection system (DIF)
 * Other countries' and kinds' codes are free.  A kind may hold only between
 * two dates: Title 42 expulsions from 2020-03-20 (CDC's order) to 2023-05-11
 * (the order lifted at 11:59 p.m. ET).
 */
#ifndef MIGREC_ENCOUNTER_IO_H
#define MIGREC_ENCOUNTER_IO_H

#include "codes.h"

/* One byte, frozen once released: INTERNALLENGTH in the install script. */
#define ENCOUNTER_INTERNALLENGTH 1

typedef struct mr_encounter_info
{
	uint8_t		value;
	const char *name;
	const char *country;		/* ISO 3166-1 alpha-2 */
	const char *authority;		/* Title 8, Title 42, Ley de Migración */
	const char *component;		/* as CBP's data name it, or the INM */
	const char *type;			/* CBP's Encounter Type, UPM's term */
	const char *label_en;
	const char *label_es;
	int32_t		valid_from;		/* days since 2000-01-01, or INT32_MIN */
	int32_t		valid_until;	/* inclusive, or INT32_MAX */
} mr_encounter_info;

extern const mr_encounter_info mr_encounters[];
extern const int mr_nencounters;

/* The entry of a value, or NULL when it is not a valid encounter. */
extern const mr_encounter_info *mr_encounter_find(int v);

/* Is v (0..255) an encounter value? */
static inline bool
mr_encounter_valid(int v)
{
	return mr_encounter_find(v) != NULL;
}

static inline bool
mr_encounter_valid_on(const mr_encounter_info *e, int32_t day)
{
	return day >= e->valid_from && day <= e->valid_until;
}

/* A name above, any case, blanks around ignored. */
extern mr_status mr_encounter_parse(const char *s, size_t len, int *out, size_t *errpos);

/*
 * The US federal fiscal year of a day: FY N runs from 1 October N-1 to 30
 * September N (31 U.S.C. 1102), since FY 1977; before, from 1 July, so
 * days before MR_FY_FIRST_DAY have no fiscal year here.
 */
#define MR_FY_FIRST 1977
#define MR_FY_FIRST_DAY (-8492)	/* 1976-10-01 */
extern int64_t mr_us_fiscal_year(int32_t day);

/* The first day of fiscal year fy (1 October fy-1), fy >= MR_FY_FIRST. */
extern int32_t mr_us_fiscal_year_start(int32_t fy);

#endif
