/*
 * nationality_io.c: parsing and formatting of nationality codes.
 *
 * Plain C with no PostgreSQL headers: the fmgr wrappers in nationality.c
 * turn its results into values or errors, and test/fuzz calls it directly.
 */
#include <string.h>

#include "nationality_io.h"
#include "scan.h"

mr_status
mr_nationality_parse(const char *s, size_t len, uint16_t *out, size_t *errpos)
{
	size_t		i;
	int			idx = -1;

	*errpos = mr_trim(&s, &len);
	if (len == 0)
		return MR_ERR_EMPTY;

	if (s[0] >= '0' && s[0] <= '9')
	{
		/* numeric: leading zeros are optional ("076", "76") */
		int			value = 0;

		for (i = 0; i < len; i++)
		{
			if (s[i] < '0' || s[i] > '9')
			{
				*errpos += i;
				return MR_ERR_SYNTAX;
			}
			if (value < 1000)
				value = value * 10 + (s[i] - '0');
		}
		if (value >= 1 && value <= 999)
			idx = mr_country_by_numeric(value);
	}
	else
	{
		for (i = 0; i < len; i++)
		{
			if (!mr_letter((unsigned char) s[i]))
			{
				*errpos += i;
				return MR_ERR_SYNTAX;
			}
		}
		if (len == 2)
			idx = mr_country_by_alpha2(mr_pack2(s));
		else if (len == 3)
		{
			int			code = mr_pack3(s);

			idx = mr_country_by_code(code);
			if (idx < 0)
				idx = mr_country_by_alias3(code);
		}
		else
			return MR_ERR_SYNTAX;
	}
	if (idx < 0)
		return MR_ERR_UNKNOWN;
	*out = mr_countries[idx].code;
	return MR_OK;
}

int
mr_nationality_entry(int v)
{
	if (v <= 0 || v > 0x7FFF)
		return -1;
	return mr_country_by_code(v);
}

bool
mr_nationality_valid(int v)
{
	return mr_nationality_entry(v) >= 0;
}

void
mr_nationality_format(uint16_t v, char *out)
{
	out[0] = (char) ('A' - 1 + ((v >> 10) & 0x1F));
	out[1] = (char) ('A' - 1 + ((v >> 5) & 0x1F));
	out[2] = (char) ('A' - 1 + (v & 0x1F));
	out[3] = '\0';
}

/* One substitution, or one swap of neighbours, between two codes of n letters. */
static bool
one_edit_apart(const char *a, const char *b, size_t n)
{
	size_t		diff[3];
	int			ndiff = 0;

	for (size_t i = 0; i < n; i++)
	{
		if (mr_letter((unsigned char) a[i]) != mr_letter((unsigned char) b[i]))
		{
			if (ndiff == 2)
				return false;
			diff[ndiff++] = i;
		}
	}
	if (ndiff == 1)
		return true;
	return ndiff == 2 && diff[1] == diff[0] + 1 &&
		mr_letter((unsigned char) a[diff[0]]) == mr_letter((unsigned char) b[diff[1]]) &&
		mr_letter((unsigned char) a[diff[1]]) == mr_letter((unsigned char) b[diff[0]]);
}

int
mr_nationality_suggest(const char *s, size_t len, bool countries_only,
					   char *out, size_t outsize)
{
	int			count = 0;
	size_t		o = 0;

	mr_trim(&s, &len);
	if (outsize == 0)
		return 0;
	out[0] = '\0';
	if (len != 2 && len != 3)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (!mr_letter((unsigned char) s[i]))
			return 0;

	/* current countries first, then the special and withdrawn codes */
	for (int pass = 0; pass < (countries_only ? 1 : 2); pass++)
	{
		for (int i = 0; i < mr_ncountries && count < 6; i++)
		{
			const mr_country *c = &mr_countries[i];
			const char *code = (len == 3) ? c->alpha3 : c->alpha2;

			if ((c->kind == MR_KIND_COUNTRY) != (pass == 0))
				continue;
			if (len == 2 && (c->kind == MR_KIND_WITHDRAWN || code[0] == '\0'))
				continue;
			if (!one_edit_apart(s, code, len))
				continue;
			if (o + len + 3 > outsize)
				return count;
			if (count > 0)
			{
				out[o++] = ',';
				out[o++] = ' ';
			}
			memcpy(out + o, code, len);
			o += len;
			out[o] = '\0';
			count++;
		}
	}
	return count;
}

uint16_t
mr_nationality_from_name(const char *s, size_t len)
{
	uint16_t	code;
	size_t		errpos;
	char		key[128];
	int			idx;

	if (mr_nationality_parse(s, len, &code, &errpos) == MR_OK)
		return code;
	if (!mr_normalize_name(s, len, key, sizeof(key)))
		return 0;
	idx = mr_country_by_name(key);
	return idx < 0 ? 0 : mr_countries[idx].code;
}
