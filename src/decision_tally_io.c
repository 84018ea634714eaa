/*
 * decision_tally_io.c: text form of decision_tally, plain C.
 */
#include <stdio.h>
#include <string.h>

#include "decision_tally_io.h"
#include "scan.h"

static const char *const field_names[4] = {
	"recognized", "complementary", "rejected", "otherwise_closed"
};

mr_status
mr_decision_tally_parse(const char *s, size_t len, mr_decision_tally *out, size_t *errpos)
{
	int64_t		v[4];
	size_t		i;
	mr_status	st = mr_scan_begin(s, len, &i, errpos);

	if (st != MR_OK)
		return st;
	if (s[i] != '(')
		return MR_ERR_SYNTAX;
	i++;
	for (int f = 0; f < 4; f++)
	{
		size_t		nl = strlen(field_names[f]);

		i = mr_skip_blanks(s, len, i);
		*errpos = i;
		if (len - i < nl || strncmp(s + i, field_names[f], nl) != 0)
			return MR_ERR_SYNTAX;
		i = mr_skip_blanks(s, len, i + nl);
		*errpos = i;
		if (i >= len || s[i] != '=')
			return MR_ERR_SYNTAX;
		i = mr_skip_blanks(s, len, i + 1);
		*errpos = i;
		st = mr_scan_count(s, len, &i, &v[f]);
		if (st != MR_OK)
			return st;
		i = mr_skip_blanks(s, len, i);
		*errpos = i;
		if (i >= len || s[i] != (f < 3 ? ',' : ')'))
			return MR_ERR_SYNTAX;
		i++;
	}
	st = mr_scan_end(s, len, i, errpos);
	if (st != MR_OK)
		return st;
	out->recognized = v[0];
	out->complementary = v[1];
	out->rejected = v[2];
	out->otherwise_closed = v[3];
	return MR_OK;
}

size_t
mr_decision_tally_format(const mr_decision_tally *t, char *out)
{
	return (size_t) sprintf(out, "(recognized=%lld,complementary=%lld,rejected=%lld,otherwise_closed=%lld)",
							(long long) t->recognized, (long long) t->complementary,
							(long long) t->rejected, (long long) t->otherwise_closed);
}

bool
mr_decision_tally_valid(const mr_decision_tally *t)
{
	return t->recognized >= 0 && t->complementary >= 0 && t->rejected >= 0 &&
		t->otherwise_closed >= 0;
}
