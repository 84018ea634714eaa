/*
 * scan.h: the tokenizer that every plain-C text parser shares: blanks,
 * counts, and braced lists {ITEM, ITEM, ...}.  Positions are byte offsets
 * into the text; a parser reports the offset of the problem in *errpos, and
 * the fmgr wrapper turns it into "at position N".
 */
#ifndef MIGREC_SCAN_H
#define MIGREC_SCAN_H

#include "codes.h"

/* The blanks of PostgreSQL's own input functions (scanner_isspace). */
static inline bool
mr_isblank(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* The first position at or after i in s[0..len) that is not a blank. */
static inline size_t
mr_skip_blanks(const char *s, size_t len, size_t i)
{
	while (i < len && mr_isblank((unsigned char) s[i]))
		i++;
	return i;
}

/*
 * Cut the blanks around *s[0..*len): *s moves past the leading ones, *len
 * shrinks.  Returns how many leading bytes were cut (the offset of the new
 * *s in the old one, for error positions).
 */
static inline size_t
mr_trim(const char **s, size_t *len)
{
	size_t		lead = mr_skip_blanks(*s, *len, 0);

	*s += lead;
	*len -= lead;
	while (*len > 0 && mr_isblank((unsigned char) (*s)[*len - 1]))
		(*len)--;
	return lead;
}

/*
 * Does s[0..n) spell the NUL-terminated word w, ASCII letters in any case
 * (on either side)?  Names of vocabularies, schemes and tables are read so.
 */
extern bool mr_word_equal(const char *s, size_t n, const char *w);

/* A word of a small vocabulary and its value. */
typedef struct mr_word
{
	const char *word;
	int			value;
} mr_word;

/*
 * The value of the word that s[0..len) spells (blanks around it cut, case
 * ignored) among words[0..n): MR_OK, or MR_ERR_EMPTY for blanks only,
 * MR_ERR_UNKNOWN for another word.  *errpos is where the word starts.
 */
extern mr_status mr_word_lookup(const mr_word *words, int n, const char *s, size_t len,
								int *value, size_t *errpos);

/*
 * How often tok occurs in s[0..len): a bound on the items of a list whose
 * items each hold one tok, so that the caller can size its output first.
 */
extern size_t mr_count_token(const char *s, size_t len, const char *tok);

/*
 * The start of a text: *i is the first byte that is not a blank, *errpos
 * too; MR_ERR_EMPTY when there is none.
 */
extern mr_status mr_scan_begin(const char *s, size_t len, size_t *i, size_t *errpos);

/*
 * The end of a text: from i on only blanks, or MR_ERR_SYNTAX with *errpos
 * at the first other byte.
 */
extern mr_status mr_scan_end(const char *s, size_t len, size_t i, size_t *errpos);

/*
 * A count at s[*i]: decimal digits, no sign, at most INT64_MAX.  *i moves
 * past the digits read.  MR_ERR_SYNTAX when there is no digit,
 * MR_ERR_OUT_OF_RANGE past INT64_MAX; *errpos is not touched (the caller
 * knows where the count began).
 */
extern mr_status mr_scan_count(const char *s, size_t len, size_t *i, int64_t *out);

/*
 * One item of a list: parse the item at the start of s[0..len) (blanks
 * before it are already skipped), set *used to the bytes it takes, and on
 * error *errpos to the offset of the problem in s.  arg is the caller's.
 */
typedef mr_status (*mr_list_item_fn) (const char *s, size_t len, size_t *used,
									  size_t *errpos, void *arg);

/*
 * A braced list at s[*i]: '{', items separated by ',', '}', blanks allowed
 * around each.  With allow_empty, "{}" is a list of no items; without it
 * the item function sees the '}' and refuses it.  On success *i is just
 * after the '}'; on error *errpos is the offset of the problem in s.
 */
extern mr_status mr_scan_list(const char *s, size_t len, size_t *i, bool allow_empty,
							  mr_list_item_fn item, void *arg, size_t *errpos);

/*
 * A whole text that is one braced list, "{}" included, with blanks around
 * it; MR_ERR_EMPTY for nothing but blanks.
 */
extern mr_status mr_scan_whole_list(const char *s, size_t len, mr_list_item_fn item,
									void *arg, size_t *errpos);

/*
 * The longest text of an int64 as %lld writes it: "-9223372036854775808".
 * Formatters size for any int64, not only valid counts, so that even a
 * corrupt value cannot overrun the buffer.
 */
#define MR_INT64_TEXT_MAX 20

/*
 * Bytes for a text of n items of at most `each` bytes (separator included)
 * and `fixed` bytes more (braces, prefix, the NUL): n * each + fixed, or 0
 * when that does not fit in a size_t.  The fmgr wrappers turn 0, or more
 * than palloc may give, into an error (mr_text_buffer()).
 */
static inline size_t
mr_text_size(size_t n, size_t each, size_t fixed)
{
	if (each != 0 && n > (SIZE_MAX - fixed) / each)
		return 0;
	return n * each + fixed;
}

#endif
