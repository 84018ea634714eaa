/*
 * scan.c: the shared tokenizer of the plain-C parsers.  See scan.h.
 */
#include <string.h>

#include "scan.h"

size_t
mr_count_token(const char *s, size_t len, const char *tok)
{
	size_t		n = 0,
				tl = strlen(tok);

	/* a byte test first: memcmp at every byte made list input twice slower */
	if (tl == 1)
	{
		for (size_t i = 0; i < len; i++)
			n += s[i] == tok[0];
		return n;
	}
	for (size_t i = 0; i + tl <= len; i++)
		if (s[i] == tok[0] && memcmp(s + i, tok, tl) == 0)
		{
			n++;
			i += tl - 1;
		}
	return n;
}

mr_status
mr_scan_begin(const char *s, size_t len, size_t *i, size_t *errpos)
{
	*i = mr_skip_blanks(s, len, 0);
	*errpos = *i;
	return *i == len ? MR_ERR_EMPTY : MR_OK;
}

mr_status
mr_scan_end(const char *s, size_t len, size_t i, size_t *errpos)
{
	i = mr_skip_blanks(s, len, i);
	if (i != len)
	{
		*errpos = i;
		return MR_ERR_SYNTAX;
	}
	return MR_OK;
}

mr_status
mr_scan_count(const char *s, size_t len, size_t *i, int64_t *out)
{
	size_t		start = *i;

	*out = 0;
	while (*i < len && s[*i] >= '0' && s[*i] <= '9')
	{
		if (*out > (INT64_MAX - (s[*i] - '0')) / 10)
			return MR_ERR_OUT_OF_RANGE;
		*out = *out * 10 + (s[*i] - '0');
		(*i)++;
	}
	return *i > start ? MR_OK : MR_ERR_SYNTAX;
}

mr_status
mr_scan_list(const char *s, size_t len, size_t *i, bool allow_empty,
			 mr_list_item_fn item, void *arg, size_t *errpos)
{
	size_t		k = mr_skip_blanks(s, len, *i);

	if (k >= len || s[k] != '{')
	{
		*errpos = k;
		return MR_ERR_SYNTAX;
	}
	k = mr_skip_blanks(s, len, k + 1);
	if (allow_empty && k < len && s[k] == '}')
	{
		*i = k + 1;
		return MR_OK;
	}
	for (;;)
	{
		size_t		used = 0,
					pos = 0;
		mr_status	st = item(s + k, len - k, &used, &pos, arg);

		if (st != MR_OK)
		{
			*errpos = k + pos;
			return st;
		}
		k = mr_skip_blanks(s, len, k + used);
		if (k < len && s[k] == ',')
		{
			k = mr_skip_blanks(s, len, k + 1);
			continue;
		}
		if (k < len && s[k] == '}')
		{
			*i = k + 1;
			return MR_OK;
		}
		*errpos = k;
		return MR_ERR_SYNTAX;
	}
}

mr_status
mr_scan_whole_list(const char *s, size_t len, mr_list_item_fn item, void *arg,
				   size_t *errpos)
{
	size_t		i;
	mr_status	st = mr_scan_begin(s, len, &i, errpos);

	if (st == MR_OK)
		st = mr_scan_list(s, len, &i, true, item, arg, errpos);
	if (st == MR_OK)
		st = mr_scan_end(s, len, i, errpos);
	return st;
}

static int
fold(int c)
{
	return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

bool
mr_word_equal(const char *s, size_t n, const char *w)
{
	size_t		i;

	for (i = 0; i < n && w[i] != '\0'; i++)
		if (fold((unsigned char) s[i]) != fold((unsigned char) w[i]))
			return false;
	return i == n && w[i] == '\0';
}

mr_status
mr_word_lookup(const mr_word *words, int n, const char *s, size_t len,
			   int *value, size_t *errpos)
{
	*errpos = mr_trim(&s, &len);
	*value = 0;
	if (len == 0)
		return MR_ERR_EMPTY;
	for (int k = 0; k < n; k++)
		if (mr_word_equal(s, len, words[k].word))
		{
			*value = words[k].value;
			return MR_OK;
		}
	return MR_ERR_UNKNOWN;
}
