/*
 * repeat_tally_io.h: the repeat_tally type, individuals counted by how many
 * times each was encountered, in plain C.
 *
 * It is built from one number per individual (their encounters in the
 * period), so it holds the figures border agencies publish: unique
 * individuals, the share encountered more than once (Border Patrol's
 * recidivism rate), encounters per individual as a distribution.  Tallies
 * of disjoint sets of individuals add up; tallies of sets that may share
 * individuals do not (docs/people.md: the exact two-step form).
 *
 * 264 bytes, frozen once released:
 *   int64 individuals[32]   [k]: individuals encountered k + 1 times,
 *                           [31]: 32 times or more
 *   int64 encounters        all their encounters
 * with encounters = sum of (k + 1) individuals[k] for k < 31, plus at least
 * 32 individuals[31] (exactly 0 when individuals[31] is 0).
 */
#ifndef MIGREC_REPEAT_TALLY_IO_H
#define MIGREC_REPEAT_TALLY_IO_H

#include "codes.h"
#include "scan.h"

/* Frozen once released: INTERNALLENGTH in the install script. */
#define REPEAT_TALLY_INTERNALLENGTH 264
#define REPEAT_TALLY_BINS 32

typedef struct mr_repeat_tally
{
	int64_t		individuals[REPEAT_TALLY_BINS];
	int64_t		encounters;
} mr_repeat_tally;

/* Are the counts non-negative and the encounters consistent with them? */
extern bool mr_repeat_tally_valid(const mr_repeat_tally *t);

/*
 * t += n individuals encountered k times each (sign 1), or t -= them
 * (sign -1); k >= 1.  MR_ERR_OUT_OF_RANGE on overflow, MR_ERR_ORDER when a
 * subtraction would go below zero; t is unchanged then.
 */
extern mr_status mr_repeat_tally_add_one(mr_repeat_tally *t, int64_t k, int64_t n, int sign);

/* a += b (sign 1) or a -= b (sign -1), with the same errors. */
extern mr_status mr_repeat_tally_add(mr_repeat_tally *a, const mr_repeat_tally *b, int sign);

/* Unique individuals, and those encountered more than once. */
extern mr_status mr_repeat_tally_individuals(const mr_repeat_tally *t, bool repeat_only, int64_t *out);

/*
 * Text: (individuals={1:800,2:150,32+:2},encounters=1200), the non-zero
 * bins in increasing order, blanks allowed between the parts.
 * MR_ERR_ORDER when the encounters do not agree with the bins.  The longest
 * text, for any int64 of the representation: "(individuals={" (14), a bin
 * "32+:" (4), its count (MR_INT64_TEXT_MAX) and "," for each of the 32,
 * "},encounters=" (13), a count, ")" and the NUL.
 */
#define REPEAT_TALLY_TEXT_SIZE (14 + REPEAT_TALLY_BINS * (4 + MR_INT64_TEXT_MAX + 1) + 13 + MR_INT64_TEXT_MAX + 2)
extern mr_status mr_repeat_tally_parse(const char *s, size_t len, mr_repeat_tally *out, size_t *errpos);
extern size_t mr_repeat_tally_format(const mr_repeat_tally *t, char *out);

#endif
