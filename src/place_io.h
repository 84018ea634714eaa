/*
 * place_io.h: text form of the place type, in plain C.
 */
#ifndef MIGREC_PLACE_IO_H
#define MIGREC_PLACE_IO_H

#include "codes.h"

/* The stored value: the packed code as an int4 (codes.h).  Frozen, as nationality's. */
#define PLACE_INTERNALLENGTH 4

/* The longest text: a country, a separator and three characters ("MX-CHP", "MX TAP"). */
#define PLACE_TEXT_MAX 6
#define PLACE_TEXT_SIZE (PLACE_TEXT_MAX + 1)

/*
 * Parse a place: a country ("MX", or "MEX"), an ISO 3166-2 subdivision
 * ("MX-CHP", checked against iso-codes' list) or a UN/LOCODE-style locality
 * ("MX TAP", "MXTAP": the country and three characters from A-Z and 2-9,
 * checked for syntax only).  Case is ignored, and so are blanks around the
 * code.  On error *errpos is the byte offset of the problem.
 */
extern mr_status mr_place_parse(const char *s, size_t len, int32_t *out, size_t *errpos);

/* Is v a place that mr_place_parse() could have produced?  (What recv checks.) */
extern bool mr_place_valid(int32_t v);

/* Write the text form of a valid v into out (PLACE_TEXT_SIZE bytes). */
extern void mr_place_format(int32_t v, char *out);

/* Index in mr_countries of the place's country. */
extern int	mr_place_country_entry(int32_t v);

/* a <@ b: a equals b, lies in country b, or in an ISO 3166-2 ancestor b. */
extern bool mr_place_within(int32_t a, int32_t b);

/* The place of a nationality that is a country; false otherwise. */
extern bool mr_place_from_nationality(int nationality, int32_t *out);

/*
 * For a rejected subdivision, the country's valid codes when it has at most
 * max_listed of them, comma-separated.  Returns how many the country has.
 */
extern int	mr_place_list_subdivisions(const char *s, size_t len, int max_listed,
									   char *out, size_t outsize);

#endif
