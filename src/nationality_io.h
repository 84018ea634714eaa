/*
 * nationality_io.h: text form of the nationality type, in plain C.
 */
#ifndef MIGREC_NATIONALITY_IO_H
#define MIGREC_NATIONALITY_IO_H

#include "codes.h"

/*
 * The stored value: the packed alpha-3 code as an int2.  Frozen: this is
 * INTERNALLENGTH in scripts/migrec--0.1.sql (checked at compile time in
 * nationality.c, and against pg_type.typlen by test/hostile's layout test).
 */
#define NATIONALITY_INTERNALLENGTH 2

#define NATIONALITY_TEXT_SIZE 4 /* three letters and a NUL */

/*
 * Parse an ISO 3166-1 alpha-3, alpha-2 or numeric code, an ICAO Doc 9303
 * code, a withdrawn ISO 3166-3 alpha-3 code, or an alias (XK, RKS).  Case is
 * ignored, and so are blanks around the code.  On success *out is the packed
 * alpha-3; otherwise *errpos is the byte offset of the problem.
 */
extern mr_status mr_nationality_parse(const char *s, size_t len, uint16_t *out,
									  size_t *errpos);

/* Is v the packed code of a table entry?  (What recv checks.) */
extern bool mr_nationality_valid(int v);

/* Write the alpha-3 code of a valid v into out. */
extern void mr_nationality_format(uint16_t v, char *out);

/* Index of v in mr_countries, or -1. */
extern int	mr_nationality_entry(int v);

/*
 * The codes closest to a rejected input (one letter changed, or two
 * neighbouring letters swapped), comma-separated, into out.  Returns how
 * many were written.
 */
extern int	mr_nationality_suggest(const char *s, size_t len, bool countries_only,
								   char *out, size_t outsize);

/*
 * parse_nationality(): a code as above, else an English or Spanish name
 * (accents and case ignored).  UTF-8 input.  Returns the packed code or 0.
 */
extern uint16_t mr_nationality_from_name(const char *s, size_t len);

#endif
