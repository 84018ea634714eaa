/*
 * decision_tally_io.h: the decision_tally type's layout and text form, in
 * plain C.  A tally counts decisions by UNHCR outcome; it is the state of
 * the rate aggregates, and a value a shard computes and a coordinator merges.
 */
#ifndef MIGREC_DECISION_TALLY_IO_H
#define MIGREC_DECISION_TALLY_IO_H

#include "codes.h"
#include "scan.h"

/*
 * 32 bytes, frozen: stored tallies depend on it.  INTERNALLENGTH in
 * scripts/migrec--0.1.sql (checked at compile time in decision_tally.c, and
 * against pg_type.typlen by test/hostile's layout test).
 */
#define DECISION_TALLY_INTERNALLENGTH 32

typedef struct mr_decision_tally
{
	int64_t		recognized;		/* recognized_refugee, recognized_cartagena */
	int64_t		complementary;	/* complementary_protection */
	int64_t		rejected;		/* rejected, rejected_final */
	int64_t		otherwise_closed;	/* inadmissible, withdrawn, abandoned */
} mr_decision_tally;

/*
 * "(recognized=N,complementary=N,rejected=N,otherwise_closed=N)": 56 bytes of
 * names and punctuation, four counts and the NUL.
 */
#define DECISION_TALLY_TEXT_SIZE (56 + 4 * MR_INT64_TEXT_MAX + 1)

/*
 * (recognized=1,complementary=0,rejected=3,otherwise_closed=2): the four
 * counts in that order, non-negative; blanks allowed around the parts.
 */
extern mr_status mr_decision_tally_parse(const char *s, size_t len, mr_decision_tally *out,
										 size_t *errpos);
extern size_t mr_decision_tally_format(const mr_decision_tally *t, char *out);
extern bool mr_decision_tally_valid(const mr_decision_tally *t);

#endif
