/*
 * level_tally_io.h: the level_tally type's layout and text form, in plain C.
 * A level tally counts decisions of one level (first instance or appeal) by
 * UNHCR outcome, in one unit (cases, or persons: a case weighted by the
 * persons it covers); it is the state of the level-aware rate aggregates
 * over histories, and a value a shard computes and a coordinator merges.
 * Tallies of different levels or units never combine.
 */
#ifndef MIGREC_LEVEL_TALLY_IO_H
#define MIGREC_LEVEL_TALLY_IO_H

#include "codes.h"
#include "protection_status_io.h"
#include "scan.h"

/*
 * 40 bytes (INTERNALLENGTH in scripts/migrec--0.1--0.2/68_level_tally.sql,
 * checked at compile time in level_tally.c and against pg_type.typlen by
 * test/hostile's layout test): the level (mr_level), the unit, six zero
 * bytes, then the four counts as in decision_tally.
 */
#define LEVEL_TALLY_INTERNALLENGTH 40

typedef enum mr_unit
{
	MR_UNIT_CASES = 1,
	MR_UNIT_PERSONS = 2
} mr_unit;

typedef struct mr_level_tally
{
	uint8_t		level;			/* MR_LEVEL_FIRST_INSTANCE or MR_LEVEL_APPEAL */
	uint8_t		unit;			/* mr_unit */
	uint8_t		zero[6];
	int64_t		recognized;		/* recognized_refugee, recognized_cartagena */
	int64_t		complementary;	/* complementary_protection */
	int64_t		rejected;		/* rejected, rejected_final */
	int64_t		otherwise_closed;	/* inadmissible, withdrawn, abandoned */
} mr_level_tally;

extern const char *const mr_level_names[MR_NLEVELS];	/* [0] is NULL */
extern const char *const mr_unit_names[3];	/* [0] is NULL */

/*
 * "(level=first_instance,unit=persons,recognized=N,complementary=N,
 * rejected=N,otherwise_closed=N)": 70 bytes of names and punctuation, the
 * longest level and unit names, four counts and the NUL.
 */
#define LEVEL_TALLY_TEXT_SIZE (70 + 14 + 7 + 4 * MR_INT64_TEXT_MAX + 1)

extern mr_status mr_level_tally_parse(const char *s, size_t len, mr_level_tally *out, size_t *errpos);
extern size_t mr_level_tally_format(const mr_level_tally *t, char *out);
extern bool mr_level_tally_valid(const mr_level_tally *t);

#endif
