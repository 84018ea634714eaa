/*
 * vocab_io.h: small fixed vocabularies (sex, accompaniment, encounter), in
 * plain C: a word list looked up without regard to case or surrounding
 * blanks.
 */
#ifndef MIGREC_VOCAB_IO_H
#define MIGREC_VOCAB_IO_H

#include "codes.h"

typedef struct mr_word
{
	const char *word;			/* ASCII, lower case */
	int			value;
} mr_word;

/*
 * The value of the word s[0..len) (blanks around it ignored, ASCII letters
 * in any case), or 0 when it is not in words[0..n); *errpos is where the
 * word starts, or where the blanks end when there is no word (MR_ERR_EMPTY).
 */
extern mr_status mr_word_lookup(const mr_word *words, int n, const char *s, size_t len,
								int *value, size_t *errpos);

/* s[0..n) equals the NUL-terminated lower-case word w, ASCII case ignored. */
extern bool mr_word_equal(const char *s, size_t n, const char *w);

#endif
