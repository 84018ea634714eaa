/*
 * names_io.h: personal names as the linkage functions read them, in plain C
 * (no PostgreSQL headers): transliteration as travel documents do it (ICAO
 * Doc 9303), case, accents and punctuation folded, particles and agnomens
 * dropped, and for the keys, nicknames and the spellings that differ between
 * the region's languages folded too.  UTF-8 in, upper-case ASCII out.
 */
#ifndef MIGREC_NAMES_IO_H
#define MIGREC_NAMES_IO_H

#include "codes.h"

/*
 * The longest normalised name kept, in bytes (words and the blanks between
 * them): longer input is refused (MR_ERR_TOO_LONG), never cut, so that two
 * different long names cannot become the same key.
 */
#define MR_NAME_MAX_LEN 255
/* The most words a normalised name may have. */
#define MR_NAME_MAX_WORDS 24
/* A buffer for any normalised name and its NUL. */
#define MR_NAME_BUFSIZE (MR_NAME_MAX_LEN + 1)

typedef enum mr_name_form
{
	/*
	 * normalize_name(): letters transliterated (ICAO Doc 9303 for Latin and
	 * Cyrillic), upper case, marks removed, apostrophes joined, every other
	 * character a word break; particles (de, del, la, y, da, dos, van, ...)
	 * and agnomens (Junior, Filho, Neto, ...) dropped unless they are the
	 * whole name; ST/STE as SAINT/SAINTE.
	 */
	MR_NAME_PLAIN = 0,
	/*
	 * What the keys hash for family names: PLAIN with the spelling folds
	 * (mr_name_fold_word), words in alphabetical order, so that "García
	 * López" and "López García" agree.
	 */
	MR_NAME_FAMILY,
	/*
	 * What the keys hash for given names: PLAIN with MA as MARIA, nicknames
	 * as their given names (Pepe as José), then the spelling folds; words
	 * kept in order.
	 */
	MR_NAME_GIVEN
} mr_name_form;

/*
 * Normalise the UTF-8 name s[0..len) into out (outsize bytes, at least
 * MR_NAME_BUFSIZE is always enough), NUL-terminated; *outlen is its length.
 * Invalid UTF-8 and characters of scripts without a transliteration table
 * act as word breaks.  Returns MR_OK, MR_ERR_EMPTY when no letter is left,
 * or MR_ERR_TOO_LONG (more than MR_NAME_MAX_LEN bytes or MR_NAME_MAX_WORDS
 * words).
 */
extern mr_status mr_name_normalize(const char *s, size_t len, mr_name_form form,
								   char *out, size_t outsize, size_t *outlen);

/*
 * The spelling folds applied to one upper-case ASCII word, in place (the
 * result is never longer); returns its new length.  They merge the spellings
 * one name gets from registrars of another language: PH/F, TH/T, silent H,
 * V/B/W, Z/S, C/K/QU, soft C and G, LL/Y/I, LH, NH, OU/U, EAU/O, initial
 * X/J, doubled letters.
 */
extern size_t mr_name_fold_word(char *w, size_t len);

/*
 * Sex as ICAO Doc 9303 writes it, from what registers write: F, M or X
 * (also <, and the words female/male/other in English, Spanish, French and
 * Portuguese, any case, accents ignored).  Returns 'F', 'M' or 'X', or 0
 * when not recognised; single H (hombre, or homme) and the CURP's M for
 * mujer conflict with ICAO, so H is refused rather than guessed.
 */
extern char mr_name_sex_parse(const char *s, size_t len);

/* The generated tables (names_data.c, tools/gen_names.py). */
typedef struct mr_nickname
{
	const char *nickname;		/* normalised (PLAIN form), sorted */
	const char *given;			/* normalised (PLAIN form), one or more words */
} mr_nickname;

#define MR_TRANSLIT_LATIN_FIRST 0x00C0
#define MR_TRANSLIT_LATIN_LAST 0x024F
#define MR_TRANSLIT_LATIN_EXT_FIRST 0x1E00
#define MR_TRANSLIT_LATIN_EXT_LAST 0x1EFF
#define MR_TRANSLIT_CYRILLIC_FIRST 0x0400
#define MR_TRANSLIT_CYRILLIC_LAST 0x04FF

/*
 * Upper-case ASCII for each code point of the ranges above: NULL for a
 * character that is not a letter (a word break), "" for a letter that is
 * dropped (the soft sign).
 */
extern const char *const mr_translit_latin[MR_TRANSLIT_LATIN_LAST - MR_TRANSLIT_LATIN_FIRST + 1];
extern const char *const mr_translit_latin_ext[MR_TRANSLIT_LATIN_EXT_LAST - MR_TRANSLIT_LATIN_EXT_FIRST + 1];
extern const char *const mr_translit_cyrillic[MR_TRANSLIT_CYRILLIC_LAST - MR_TRANSLIT_CYRILLIC_FIRST + 1];
extern const mr_nickname mr_nicknames[];
extern const int mr_nnicknames;

#endif
