/*
 * accompaniment_io.h: who a person travels with when encountered, and how
 * each publisher classifies it; plain C.
 *
 * The stored fact is who accompanies the person, not any one publisher's
 * category, because the publishers disagree: a child travelling with a
 * grandmother is separated for UNHCR/UNICEF, an unaccompanied child (UC)
 * for CBP, and accompanied for Mexico's UPM.  Each publisher's category is
 * a function of this value and of the person's age (docs/people.md).
 *
 * One byte, frozen:
 *   1 alone           with no family member and no adult responsible for
 *                     them (a child: unaccompanied; an adult: a single adult,
 *                     even with adult relatives)
 *   2 with_parent     a child with a parent or legal guardian
 *   3 with_relative   a child with an adult relative who is neither
 *   4 with_caregiver  a child with an unrelated adult responsible for the
 *                     child by custom
 *   5 with_child      a parent or legal guardian travelling with their child
 *   15 unknown        not recorded
 * 6..14 are free for values to come; 15 keeps unknown last.
 */
#ifndef MIGREC_ACCOMPANIMENT_IO_H
#define MIGREC_ACCOMPANIMENT_IO_H

#include "codes.h"

/* One byte, frozen once released: INTERNALLENGTH in the install script. */
#define ACCOMPANIMENT_INTERNALLENGTH 1

#define MR_ACC_ALONE 1
#define MR_ACC_WITH_PARENT 2
#define MR_ACC_WITH_RELATIVE 3
#define MR_ACC_WITH_CAREGIVER 4
#define MR_ACC_WITH_CHILD 5
#define MR_ACC_UNKNOWN 15
#define MR_NACC 6				/* values, for tables indexed by accompaniment */

static inline bool
mr_accompaniment_valid(int v)
{
	return (v >= MR_ACC_ALONE && v <= MR_ACC_WITH_CHILD) || v == MR_ACC_UNKNOWN;
}

static inline int
mr_accompaniment_index(int v)
{
	return v == MR_ACC_UNKNOWN ? MR_NACC - 1 : v - 1;
}

static inline int
mr_accompaniment_of_index(int i)
{
	return i == MR_NACC - 1 ? MR_ACC_UNKNOWN : i + 1;
}

extern const char *mr_accompaniment_name(int v);
extern const char *mr_accompaniment_label(int v, bool spanish);

/* A name above, any case, blanks around ignored. */
extern mr_status mr_accompaniment_parse(const char *s, size_t len, int *out, size_t *errpos);

/*
 * UNHCR/UNICEF (Inter-agency Guiding Principles 2004; CRC General Comment
 * No. 6, paras 7-8), for a child: accompanied (with a parent or legal
 * guardian), separated (from both parents but with a relative or customary
 * caregiver), unaccompanied (with no one responsible), unknown (not recorded,
 * or a child travelling as a parent: with_child says nothing of the
 * adults caring for them).
 */
#define MR_CHILD_ACCOMPANIED 0
#define MR_CHILD_SEPARATED 1
#define MR_CHILD_UNACCOMPANIED 2
#define MR_CHILD_UNKNOWN 3
extern int	mr_child_category(int acc);
extern const char *const mr_child_category_names[4];

/*
 * CBP's demographic groups (OHSS/CBP encounters), from the age class
 * (MR_AGE_CLASS_* of age_band_io.h) and the accompaniment: FMUA counts
 * every individual encountered with a family member (a child under 18, a
 * parent or legal guardian), UC a child with no parent or legal guardian
 * (6 U.S.C. 279(g)(2)), Single Adults the other adults; not classified when
 * the age or the accompaniment needed is unknown.  Accompanied Minors (a
 * child with a parent who is a U.S. citizen or resident, at ports of
 * entry) cannot be told from FMUA here: they count as FMUA.
 */
#define MR_CBP_SINGLE_ADULTS 0
#define MR_CBP_FMUA 1
#define MR_CBP_UC 2
#define MR_CBP_NOT_CLASSIFIED 3
extern int	mr_cbp_group(int age_class, int acc);
extern const char *const mr_cbp_group_names[4];

/*
 * UPM's condición de viaje of a child: acompañado when with a relative or a
 * person with legal representation (CONAPO, citing UPM), so with_parent and
 * with_relative; no acompañado for alone and with_caregiver; sin dato
 * otherwise (unknown, with_child).
 */
#define MR_UPM_ACOMPANADO 0
#define MR_UPM_NO_ACOMPANADO 1
#define MR_UPM_SIN_DATO 2
extern int	mr_upm_condition(int acc);
extern const char *const mr_upm_condition_names[3];

#endif
