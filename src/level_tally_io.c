/*
 * level_tally_io.c: text form of level_tally, plain C.
 */
#include <stdio.h>
#include <string.h>

#include "level_tally_io.h"
#include "scan.h"

const char *const mr_level_names[MR_NLEVELS] = {NULL, "first_instance", "appeal"};
const char *const mr_unit_names[3] = {NULL, "cases", "persons"};

static const char *const field_names[6] = {
	"level", "unit", "recognized", "complementary", "rejected", "otherwise_closed"
};

/* One of names[1 .. n - 1] at s[*i]: its index, or 0. */
static int
scan_name(const char *s, size_t len, size_t *i, const char *const *names, int n)
{
	for (int k = 1; k < n; k++)
	{
		size_t		nl = strlen(names[k]);

		if (len - *i >= nl && strncmp(s + *i, names[k], nl) == 0 &&
			(len - *i == nl || !(s[*i + nl] == '_' || (s[*i + nl] >= 'a' && s[*i + nl] <= 'z'))))
		{
			*i += nl;
			return k;
		}
	}
	return 0;
}

mr_status
mr_level_tally_parse(const char *s, size_t len, mr_level_tally *out, size_t *errpos)
{
	int64_t		v[4];
	int			level = 0,
				unit = 0;
	size_t		i;
	mr_status	st = mr_scan_begin(s, len, &i, errpos);

	if (st != MR_OK)
		return st;
	if (s[i] != '(')
		return MR_ERR_SYNTAX;
	i++;
	for (int f = 0; f < 6; f++)
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
		if (f == 0)
		{
			if ((level = scan_name(s, len, &i, mr_level_names, MR_NLEVELS)) == 0)
				return MR_ERR_SYNTAX;
		}
		else if (f == 1)
		{
			if ((unit = scan_name(s, len, &i, mr_unit_names, 3)) == 0)
				return MR_ERR_SYNTAX;
		}
		else if ((st = mr_scan_count(s, len, &i, &v[f - 2])) != MR_OK)
			return st;
		i = mr_skip_blanks(s, len, i);
		*errpos = i;
		if (i >= len || s[i] != (f < 5 ? ',' : ')'))
			return MR_ERR_SYNTAX;
		i++;
	}
	st = mr_scan_end(s, len, i, errpos);
	if (st != MR_OK)
		return st;
	memset(out, 0, sizeof(*out));
	out->level = (uint8_t) level;
	out->unit = (uint8_t) unit;
	out->recognized = v[0];
	out->complementary = v[1];
	out->rejected = v[2];
	out->otherwise_closed = v[3];
	return MR_OK;
}

size_t
mr_level_tally_format(const mr_level_tally *t, char *out)
{
	return (size_t) sprintf(out, "(level=%s,unit=%s,recognized=%lld,complementary=%lld,rejected=%lld,otherwise_closed=%lld)",
							mr_level_names[t->level], mr_unit_names[t->unit],
							(long long) t->recognized, (long long) t->complementary,
							(long long) t->rejected, (long long) t->otherwise_closed);
}

bool
mr_level_tally_valid(const mr_level_tally *t)
{
	for (int k = 0; k < 6; k++)
		if (t->zero[k] != 0)
			return false;
	return (t->level == MR_LEVEL_FIRST_INSTANCE || t->level == MR_LEVEL_APPEAL) &&
		(t->unit == MR_UNIT_CASES || t->unit == MR_UNIT_PERSONS) &&
		t->recognized >= 0 && t->complementary >= 0 && t->rejected >= 0 && t->otherwise_closed >= 0;
}
