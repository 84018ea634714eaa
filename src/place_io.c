/*
 * place_io.c: parsing and formatting of places.  Plain C, see codes.h for
 * the packed layout.
 */
#include <string.h>

#include "place_io.h"
#include "scan.h"

/* Subdivision suffix character: 0 for none, 1..10 digits, 11..36 letters. */
static int
suffix_code(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0' + 1;
	if (mr_letter(c))
		return mr_letter(c) + 10;
	return 0;
}

static char
suffix_char(int code)
{
	return (char) (code <= 10 ? '0' + code - 1 : 'A' + code - 11);
}

/* UN/LOCODE location characters: A-Z and 2-9. */
static bool
locode_char(int c)
{
	return mr_letter(c) || (c >= '2' && c <= '9');
}

static int
pack_suffix(const char *s, size_t n)
{
	int			v = 0;

	for (size_t i = 0; i < 3; i++)
		v = (v << 6) | (i < n ? suffix_code((unsigned char) s[i]) : 0);
	return v;
}

mr_status
mr_place_parse(const char *s, size_t len, int32_t *out, size_t *errpos)
{
	int			idx,
				country2;
	size_t		i;

	*errpos = mr_trim(&s, &len);
	if (len == 0)
		return MR_ERR_EMPTY;

	for (i = 0; i < len && i < 3 && mr_letter((unsigned char) s[i]); i++)
		;
	if (i < 2)
	{
		*errpos += i;
		return MR_ERR_SYNTAX;
	}

	if (len == 3 && i == 3)
	{
		/* an alpha-3 country code */
		int			code = mr_pack3(s);

		idx = mr_country_by_code(code);
		if (idx < 0)
			idx = mr_country_by_alias3(code);
		if (idx < 0 || mr_countries[idx].kind != MR_KIND_COUNTRY)
			return MR_ERR_UNKNOWN_COUNTRY;
		*out = place_pack(mr_pack2(mr_countries[idx].alpha2), PLACE_KIND_COUNTRY, 0);
		return MR_OK;
	}

	country2 = mr_pack2(s);
	if (len == 2)
	{
		if (mr_country_by_alpha2(country2) < 0)
			return MR_ERR_UNKNOWN_COUNTRY;
		*out = place_pack(country2, PLACE_KIND_COUNTRY, 0);
		return MR_OK;
	}

	if (s[2] == '-')
	{
		/* subdivision: one to three letters or digits */
		size_t		n = len - 3;

		for (i = 3; i < len; i++)
		{
			if (!suffix_code((unsigned char) s[i]) || i >= 6)
			{
				*errpos += i;
				return MR_ERR_SYNTAX;
			}
		}
		if (n == 0)
		{
			*errpos += 3;
			return MR_ERR_SYNTAX;
		}
		if (mr_country_by_alpha2(country2) < 0)
			return MR_ERR_UNKNOWN_COUNTRY;
		*out = place_pack(country2, PLACE_KIND_SUBDIVISION, pack_suffix(s + 3, n));
		if (mr_subdivision_by_code(*out) < 0)
			return MR_ERR_UNKNOWN_SUBDIVISION;
		return MR_OK;
	}

	/* locality: "MX TAP", or "MXTAP" */
	i = mr_skip_blanks(s, len, 2);
	if (i == 2)
	{
		/*
		 * Without the blank, "MEXTA" or "HND22" would silently become a
		 * locality in another country (ME, HN): refuse the compact form when
		 * its first three letters are a nationality code.
		 */
		int			code = mr_pack3(s);

		if (code && (mr_country_by_code(code) >= 0 || mr_country_by_alias3(code) >= 0))
		{
			*errpos += 3;
			return MR_ERR_SYNTAX;
		}
	}
	for (size_t k = i; k < len && k < i + 3; k++)
	{
		if (!locode_char((unsigned char) s[k]))
		{
			*errpos += k;
			return MR_ERR_SYNTAX;
		}
	}
	if (len - i != 3)
	{
		*errpos += (len - i < 3) ? len : i + 3;
		return MR_ERR_SYNTAX;
	}
	if (mr_country_by_alpha2(country2) < 0)
		return MR_ERR_UNKNOWN_COUNTRY;
	*out = place_pack(country2, PLACE_KIND_LOCALITY, pack_suffix(s + i, 3));
	return MR_OK;
}

bool
mr_place_valid(int32_t v)
{
	int			suffix = place_suffix(v);

	if (v < 0 || (v >> 30) != 0 || mr_country_by_alpha2(place_country2(v)) < 0)
		return false;
	switch (place_kind_of(v))
	{
		case PLACE_KIND_COUNTRY:
			return suffix == 0;
		case PLACE_KIND_SUBDIVISION:
			return mr_subdivision_by_code(v) >= 0;
		case PLACE_KIND_LOCALITY:
			for (int shift = 0; shift <= 12; shift += 6)
			{
				int			c = (suffix >> shift) & 0x3F;

				/* 2..9 are 3..10, A..Z are 11..36 */
				if (c < 3 || c > 36)
					return false;
			}
			return true;
		default:
			return false;
	}
}

void
mr_place_format(int32_t v, char *out)
{
	int			c2 = place_country2(v);
	int			suffix = place_suffix(v);
	int			o = 0;

	out[o++] = (char) ('A' - 1 + (c2 >> 5));
	out[o++] = (char) ('A' - 1 + (c2 & 0x1F));
	if (place_kind_of(v) != PLACE_KIND_COUNTRY)
	{
		out[o++] = (place_kind_of(v) == PLACE_KIND_SUBDIVISION) ? '-' : ' ';
		for (int shift = 12; shift >= 0; shift -= 6)
		{
			int			c = (suffix >> shift) & 0x3F;

			if (c)
				out[o++] = suffix_char(c);
		}
	}
	out[o] = '\0';
}

int
mr_place_country_entry(int32_t v)
{
	return mr_country_by_alpha2(place_country2(v));
}

bool
mr_place_within(int32_t a, int32_t b)
{
	int			idx;

	if (a == b)
		return true;
	if (place_country2(a) != place_country2(b))
		return false;
	switch (place_kind_of(b))
	{
		case PLACE_KIND_COUNTRY:
			return true;
		case PLACE_KIND_SUBDIVISION:
			if (place_kind_of(a) != PLACE_KIND_SUBDIVISION)
				return false;
			/* walk a's ISO 3166-2 parents (GB-ABE in GB-SCT) */
			idx = mr_subdivision_by_code(a);
			while (idx >= 0)
			{
				idx = mr_subdivisions[idx].parent;
				if (idx >= 0 && mr_subdivisions[idx].code == b)
					return true;
			}
			return false;
		default:
			return false;
	}
}

bool
mr_place_from_nationality(int nationality, int32_t *out)
{
	int			idx = mr_country_by_code(nationality);

	if (idx < 0 || mr_countries[idx].kind != MR_KIND_COUNTRY)
		return false;
	*out = place_pack(mr_pack2(mr_countries[idx].alpha2), PLACE_KIND_COUNTRY, 0);
	return true;
}

int
mr_place_list_subdivisions(const char *s, size_t len, int max_listed,
						   char *out, size_t outsize)
{
	int			first,
				n;
	size_t		o = 0;

	mr_trim(&s, &len);
	if (outsize == 0)
		return 0;
	out[0] = '\0';
	if (len < 2 || !mr_pack2(s))
		return 0;
	n = mr_subdivisions_of(mr_pack2(s), &first);
	if (n > max_listed)
		return n;
	for (int k = first; k < first + n; k++)
	{
		const char *t = mr_subdivisions[k].text;
		size_t		tl = strlen(t);

		if (o + tl + 3 > outsize)
			break;
		if (k > first)
		{
			out[o++] = ',';
			out[o++] = ' ';
		}
		memcpy(out + o, t, tl);
		o += tl;
		out[o] = '\0';
	}
	return n;
}
