/*
 * codes.c: look-ups in the generated code tables, name folding and language
 * codes.  Plain C, shared by the types' parsers and the fuzz harnesses.
 */
#include <string.h>

#include "codes.h"

static int
index_search(const mr_code_index *tab, int n, int32_t key)
{
	int			lo = 0,
				hi = n - 1;

	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (tab[mid].key == key)
			return tab[mid].index;
		if (tab[mid].key < key)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

int
mr_country_by_code(int packed3)
{
	int			lo = 0,
				hi = mr_ncountries - 1;

	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (mr_countries[mid].code == packed3)
			return mid;
		if (mr_countries[mid].code < packed3)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

int
mr_country_by_alpha2(int packed2)
{
	return index_search(mr_alpha2_index, mr_nalpha2, packed2);
}

int
mr_country_by_numeric(int numeric)
{
	return index_search(mr_numeric_index, mr_nnumeric, numeric);
}

int
mr_country_by_alias3(int packed3)
{
	return index_search(mr_alias3_index, mr_nalias3, packed3);
}

int
mr_country_by_name(const char *normalized)
{
	int			lo = 0,
				hi = mr_nname_keys - 1;

	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;
		int			c = strcmp(mr_name_keys[mid].key, normalized);

		if (c == 0)
			return mr_name_keys[mid].index;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

static int
subdivision_search(int32_t packed, int lo, int hi)
{
	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (mr_subdivisions[mid].code == packed)
			return mid;
		if (mr_subdivisions[mid].code < packed)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

/* A current code, else a retired one (both decode alike). */
int
mr_subdivision_by_code(int32_t packed)
{
	int			idx = subdivision_search(packed, 0, mr_nsubdivisions - 1);

	if (idx < 0 && mr_nsubdivisions_retired > 0)
		idx = subdivision_search(packed, mr_nsubdivisions,
								 mr_nsubdivisions + mr_nsubdivisions_retired - 1);
	return idx;
}

/*
 * The current subdivisions of one country are contiguous, since the country
 * is the top of the packed code.  Sets *first and returns how many there are.
 */
int
mr_subdivisions_of(int country2, int *first)
{
	int32_t		lowkey = place_pack(country2, 0, 0);
	int32_t		highkey = place_pack(country2 + 1, 0, 0);
	int			lo = 0,
				hi = mr_nsubdivisions;
	int			start;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (mr_subdivisions[mid].code < lowkey)
			lo = mid + 1;
		else
			hi = mid;
	}
	start = lo;
	hi = mr_nsubdivisions;
	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (mr_subdivisions[mid].code < highkey)
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = start;
	return lo - start;
}

bool
mr_normalize_name(const char *s, size_t len, char *out, size_t outsize)
{
	size_t		i = 0,
				o = 0;
	bool		pending_blank = false;

	if (outsize == 0)
		return false;
	while (i < len)
	{
		unsigned char c = (unsigned char) s[i];
		const char *piece = NULL;
		char		one[2] = {0, 0};

		if (c < 0x80)
		{
			i++;
			if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))
				one[0] = (char) c;
			else if (c >= 'A' && c <= 'Z')
				one[0] = (char) (c - 'A' + 'a');
			if (one[0])
				piece = one;
		}
		else
		{
			uint32_t	cp;
			int			n;

			if ((c & 0xE0) == 0xC0)
			{
				cp = c & 0x1F;
				n = 1;
			}
			else if ((c & 0xF0) == 0xE0)
			{
				cp = c & 0x0F;
				n = 2;
			}
			else if ((c & 0xF8) == 0xF0)
			{
				cp = c & 0x07;
				n = 3;
			}
			else
				return false;
			if (i + n >= len)
				return false;	/* truncated sequence */
			for (int k = 1; k <= n; k++)
			{
				unsigned char cc = (unsigned char) s[i + k];

				if ((cc & 0xC0) != 0x80)
					return false;
				cp = (cp << 6) | (cc & 0x3F);
			}
			i += n + 1;
			/* combining accents (decomposed text: e + U+0301): dropped */
			if (cp >= 0x0300 && cp <= 0x036F)
				continue;
			if (cp >= MR_FOLD_FIRST && cp <= MR_FOLD_LAST &&
				mr_fold[cp - MR_FOLD_FIRST][0] != '\0')
				piece = mr_fold[cp - MR_FOLD_FIRST];
		}

		if (piece == NULL)
		{
			pending_blank = (o > 0);
			continue;
		}
		if (pending_blank)
		{
			if (o + 1 >= outsize)
				return false;
			out[o++] = ' ';
			pending_blank = false;
		}
		for (; *piece; piece++)
		{
			if (o + 1 >= outsize)
				return false;
			out[o++] = *piece;
		}
	}
	out[o] = '\0';
	return true;
}

int
mr_lang_parse(const char *s, size_t len)
{
	static const char *const codes[MR_NLANGS] = {"en", "es", "fr", "pt"};

	/* a language tag: two letters, optionally followed by -region or _region */
	if (len < 2 || (len > 2 && s[2] != '-' && s[2] != '_'))
		return -1;
	for (int l = 0; l < MR_NLANGS; l++)
		if (mr_letter((unsigned char) s[0]) == mr_letter(codes[l][0]) &&
			mr_letter((unsigned char) s[1]) == mr_letter(codes[l][1]))
			return l;
	return -1;
}
