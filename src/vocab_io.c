/*
 * vocab_io.c: word-list look-ups for the small vocabularies, plain C.
 */
#include <string.h>

#include "vocab_io.h"
#include "scan.h"

bool
mr_word_equal(const char *s, size_t n, const char *w)
{
	for (size_t i = 0; i < n; i++)
	{
		int			c = (unsigned char) s[i];

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (w[i] == '\0' || c != (unsigned char) w[i])
			return false;
	}
	return w[n] == '\0';
}

mr_status
mr_word_lookup(const mr_word *words, int n, const char *s, size_t len,
			   int *value, size_t *errpos)
{
	size_t		start = mr_skip_blanks(s, len, 0);

	while (len > start && mr_isblank((unsigned char) s[len - 1]))
		len--;
	*errpos = start;
	*value = 0;
	if (start == len)
		return MR_ERR_EMPTY;
	for (int i = 0; i < n; i++)
		if (mr_word_equal(s + start, len - start, words[i].word))
		{
			*value = words[i].value;
			return MR_OK;
		}
	return MR_ERR_UNKNOWN;
}
