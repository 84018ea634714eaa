/*
 * crosswalk_io.c: reading the names and codes publishers print, through the
 * tables of crosswalk_data.c.  Plain C with no PostgreSQL headers: crosswalk.c
 * wraps it for SQL, test/unit and test/fuzz call it directly.
 */
#include <string.h>

#include "crosswalk.h"
#include "nationality_io.h"
#include "scan.h"

#define MAX_WORDS 32

/* ---------------------------------------------------------------- folding */

/* The words mr_match_key() makes one (tools/crosswalk.py SYNONYMS). */
static const struct
{
	const char *word;
	const char *as;
}			synonyms[] = {
	{"dem", "democratic"}, {"democratica", "democratic"}, {"democratique", "democratic"},
	{"fed", "federal"}, {"federated", "federal"}, {"federativa", "federal"},
	{"rep", "republic"}, {"repub", "republic"}, {"republica", "republic"},
	{"republique", "republic"}, {"st", "saint"}, {"ste", "sainte"},
};

/* The words it drops (tools/crosswalk.py STOPWORDS). */
static const char *const stopwords[] = {
	"and", "da", "das", "de", "del", "des", "do", "dos", "du", "e", "et",
	"la", "las", "le", "les", "los", "of", "the", "y",
};

/* Apostrophes join the letters around them: ' ` U+00B4 U+2018 U+2019 U+02BC. */
static bool
is_apostrophe(uint32_t cp)
{
	return cp == '\'' || cp == '`' || cp == 0x00B4 || cp == 0x2018 || cp == 0x2019 ||
		cp == 0x02BC;
}

/*
 * One code point of UTF-8 at s[*i], advancing *i; false on invalid or
 * truncated UTF-8.
 */
static bool
next_code_point(const char *s, size_t len, size_t *i, uint32_t *cp)
{
	unsigned char c = (unsigned char) s[*i];
	int			n;

	if (c < 0x80)
	{
		*cp = c;
		(*i)++;
		return true;
	}
	if ((c & 0xE0) == 0xC0)
	{
		*cp = c & 0x1F;
		n = 1;
	}
	else if ((c & 0xF0) == 0xE0)
	{
		*cp = c & 0x0F;
		n = 2;
	}
	else if ((c & 0xF8) == 0xF0)
	{
		*cp = c & 0x07;
		n = 3;
	}
	else
		return false;
	if (*i + n >= len)
		return false;			/* truncated */
	for (int k = 1; k <= n; k++)
	{
		unsigned char cc = (unsigned char) s[*i + k];

		if ((cc & 0xC0) != 0x80)
			return false;
		*cp = (*cp << 6) | (cc & 0x3F);
	}
	*i += n + 1;
	return true;
}

static int
cmp_words(const char *a, const char *b)
{
	return strcmp(a, b);
}

bool
mr_match_key(const char *s, size_t len, char *out, size_t outsize)
{
	char		folded[MR_MATCH_KEY_SIZE * 2];
	const char *words[MAX_WORDS];
	size_t		f = 0,
				i = 0,
				o = 0;
	int			nwords = 0;

	if (outsize == 0)
		return false;
	/* fold: lower-case ASCII letters and digits, accents off, the rest a blank */
	while (i < len)
	{
		uint32_t	cp;
		const char *piece = NULL;
		char		one[2] = {0, 0};

		if (!next_code_point(s, len, &i, &cp))
			return false;
		if (is_apostrophe(cp) || (cp >= 0x0300 && cp <= 0x036F))
			continue;
		if (cp < 0x80)
		{
			if ((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z'))
				one[0] = (char) cp;
			else if (cp >= 'A' && cp <= 'Z')
				one[0] = (char) (cp - 'A' + 'a');
			piece = one[0] ? one : " ";
		}
		else if (cp >= MR_FOLD_FIRST && cp <= MR_FOLD_LAST &&
				 mr_fold[cp - MR_FOLD_FIRST][0] != '\0')
			piece = mr_fold[cp - MR_FOLD_FIRST];
		else
			piece = " ";
		for (; *piece; piece++)
		{
			if (f + 2 >= sizeof(folded))
				return false;	/* too long to be a name */
			folded[f++] = *piece;
		}
	}
	folded[f] = '\0';

	/* split into words; synonyms made one, stop words dropped */
	for (char *p = folded; *p;)
	{
		char	   *w;
		const char *word;
		bool		drop = false;

		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		w = p;
		while (*p && *p != ' ')
			p++;
		if (*p)
			*p++ = '\0';
		word = w;
		/* (every synonym and stop word has 1 to 12 letters, most 2 or 3) */
		if (p - w <= 13)
		{
			for (size_t k = 0; k < sizeof(synonyms) / sizeof(synonyms[0]); k++)
				if (word[0] == synonyms[k].word[0] && strcmp(word, synonyms[k].word) == 0)
				{
					word = synonyms[k].as;
					break;
				}
			for (size_t k = 0; k < sizeof(stopwords) / sizeof(stopwords[0]); k++)
				if (word[0] == stopwords[k][0] && strcmp(word, stopwords[k]) == 0)
				{
					drop = true;
					break;
				}
		}
		if (drop)
			continue;
		if (nwords == MAX_WORDS)
			return false;
		/* insertion sort, bytewise like the generator's sorted() */
		{
			int			j = nwords++;

			while (j > 0 && cmp_words(words[j - 1], word) > 0)
			{
				words[j] = words[j - 1];
				j--;
			}
			words[j] = word;
		}
	}

	for (int k = 0; k < nwords; k++)
	{
		size_t		n = strlen(words[k]);

		if (o + n + (k > 0) + 1 > outsize)
			return false;
		if (k > 0)
			out[o++] = ' ';
		memcpy(out + o, words[k], n);
		o += n;
	}
	out[o] = '\0';
	return true;
}

/* ---------------------------------------------------------------- look-ups */

/*
 * A code (1 to 3 ASCII letters or digits, blanks around ignored), upper-cased
 * into key[4]; false when s is no code.  Codes are looked up as codes, never
 * folded as names (UNHCR's AND is Andorra, not a stop word).
 */
static bool
code_key(const char *s, size_t len, char *key)
{
	mr_trim(&s, &len);
	if (len < 1 || len > 3)
		return false;
	for (size_t i = 0; i < len; i++)
	{
		char		c = s[i];

		if (c >= 'a' && c <= 'z')
			c = (char) (c - 'a' + 'A');
		if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
			return false;
		key[i] = c;
	}
	key[len] = '\0';
	return true;
}

static int
source_key_search(int source, const char *key)
{
	int			lo = 0,
				hi = mr_nxw_source_keys - 1;

	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;
		const mr_xw_key *k = &mr_xw_source_keys[mid];
		int			c = (k->source != source) ? (k->source < source ? -1 : 1) : strcmp(k->key, key);

		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

static int
name_search(const char *key)
{
	int			lo = 0,
				hi = mr_nxw_names - 1;

	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;
		int			c = strcmp(mr_xw_names[mid].key, key);

		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

static const char *
code_reading(const char *key)
{
	int			lo = 0,
				hi = mr_nxw_code_readings - 1;

	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;
		int			c = strcmp(mr_xw_code_readings[mid].code, key);

		if (c == 0)
			return mr_xw_code_readings[mid].text;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

static int
source_search(const mr_xw_source *tab, int n, const char *s, size_t len)
{
	mr_trim(&s, &len);
	for (int i = 0; i < n; i++)
	{
		const char *name = tab[i].name;
		size_t		k;

		for (k = 0; k < len && name[k]; k++)
		{
			char		c = s[k];

			if (c >= 'A' && c <= 'Z')
				c = (char) (c - 'A' + 'a');
			if (c != name[k])
				break;
		}
		if (k == len && name[k] == '\0')
			return i;
	}
	return -1;
}

int
mr_xw_source_parse(const char *s, size_t len)
{
	return source_search(mr_xw_sources, mr_nxw_sources, s, len);
}

int
mr_xw_place_source_parse(const char *s, size_t len)
{
	return source_search(mr_xw_place_sources, mr_nxw_place_sources, s, len);
}

static void
result(mr_xw_result *res, int target, const char *why, int row)
{
	res->row = row;
	res->why = why;
	res->code = 0;
	if (target >= 0)
	{
		res->status = MR_XW_FOUND;
		res->code = mr_countries[target].code;
	}
	else if (target == MR_XW_AMBIGUOUS)
		res->status = MR_XW_IS_AMBIGUOUS;
	else
		res->status = MR_XW_NOT_NATIONALITY;
}

/* A key of the source's own table, setting *res; false when it has none. */
static bool
source_form(int source, const char *key, mr_xw_result *res)
{
	int			k = source_key_search(source, key);

	if (k < 0)
		return false;
	result(res, mr_xw_source_keys[k].target, mr_xw_rows[mr_xw_source_keys[k].row].note,
		   mr_xw_source_keys[k].row);
	return true;
}

/* The names every source reads alike: 0.1's, then the general ones. */
static bool
general_name(const char *s, size_t len, const char *key, bool have_key, mr_xw_result *res)
{
	char		old[128];
	int			idx;

	if (mr_normalize_name(s, len, old, sizeof(old)) &&
		(idx = mr_country_by_name(old)) >= 0)
	{
		result(res, idx, NULL, -1);
		return true;
	}
	if (have_key && (idx = name_search(key)) >= 0)
	{
		result(res, mr_xw_names[idx].target, mr_xw_names[idx].readings, -1);
		return true;
	}
	return false;
}

static void
xw_nationality(const char *s, size_t len, int source, bool strict, mr_xw_result *res)
{
	char		code[4];
	char		key[MR_MATCH_KEY_SIZE];
	bool		is_code = code_key(s, len, code);
	bool		have_key;
	uint16_t	v;
	size_t		errpos;

	res->status = MR_XW_NOT_FOUND;
	res->code = 0;
	res->why = NULL;
	res->row = -1;
	res->is_code = is_code;

	if (source == MR_SRC_NONE)
	{
		if (is_code && strict)
		{
			const char *readings = code_reading(code);

			if (readings != NULL)
			{
				/* a code some publisher reads otherwise: refuse to guess */
				res->status = mr_nationality_parse(s, len, &v, &errpos) == MR_OK ?
					MR_XW_IS_AMBIGUOUS : MR_XW_NOT_FOUND;
				res->why = readings;
				return;
			}
		}
		/* 0.1's parse_nationality(): the type's codes, then its names */
		v = mr_nationality_from_name(s, len);
		if (v != 0)
		{
			res->status = MR_XW_FOUND;
			res->code = v;
			return;
		}
		if (!is_code && mr_match_key(s, len, key, sizeof(key)) && key[0] != '\0')
		{
			int			idx = name_search(key);

			if (idx >= 0)
				result(res, mr_xw_names[idx].target, mr_xw_names[idx].readings, -1);
		}
		return;
	}

	if (source < 0 || source >= MR_NSOURCES)
		return;
	if (is_code)
	{
		if (source_form(source, code, res))
			return;
		if ((source == MR_SRC_ISO || source == MR_SRC_UNHCR_ISO) &&
			mr_nationality_parse(s, len, &v, &errpos) == MR_OK)
		{
			res->status = MR_XW_FOUND;
			res->code = v;
			return;
		}
		/* a code that is not the source's: say what it is elsewhere */
		res->why = code_reading(code);
		return;
	}
	have_key = mr_match_key(s, len, key, sizeof(key)) && key[0] != '\0';
	if (have_key && source_form(source, key, res))
		return;
	if ((source == MR_SRC_ISO || source == MR_SRC_UNHCR_ISO) &&
		mr_nationality_parse(s, len, &v, &errpos) == MR_OK)
	{
		res->status = MR_XW_FOUND;	/* a 4-digit-or-longer numeric code, "0076" */
		res->code = v;
		return;
	}
	general_name(s, len, key, have_key, res);
}

/*
 * The forms of the crosswalk exactly as printed: what xw_nationality()
 * answers for each, computed once, so that a load of published names (nearly
 * all printed exactly as the table has them) costs a hash probe a name
 * instead of folding and searching.  Open addressing over (source, form);
 * an entry is the row whose form it is (+1; 0 for empty) and the answer.
 * Only a memo: any other string, and any string when the table would be
 * too full, takes the full path, which gives the same answers.
 */
#define XW_MEMO_SLOTS 8192		/* a power of two, at least twice the rows */

typedef struct xw_memo_entry
{
	int16_t		row_plus1;
	mr_xw_result res;
} xw_memo_entry;

static xw_memo_entry xw_memo[XW_MEMO_SLOTS];
static int	xw_memo_state;		/* 0 not built, 1 built, -1 not used */

static uint32_t
xw_memo_hash(int source, const char *s, size_t len)
{
	uint32_t	h = 2166136261u ^ (uint32_t) source;	/* FNV-1a */

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char) s[i]) * 16777619u;
	return h;
}

/* The slot of (source, s): where it is, or the empty slot where it goes. */
static xw_memo_entry *
xw_memo_slot(int source, const char *s, size_t len)
{
	uint32_t	i = xw_memo_hash(source, s, len) & (XW_MEMO_SLOTS - 1);

	for (;;)
	{
		xw_memo_entry *e = &xw_memo[i];
		const mr_xw_row *r;

		if (e->row_plus1 == 0)
			return e;
		r = &mr_xw_rows[e->row_plus1 - 1];
		if (r->source == source && strlen(r->form) == len && memcmp(r->form, s, len) == 0)
			return e;
		i = (i + 1) & (XW_MEMO_SLOTS - 1);
	}
}

static void
xw_memo_build(void)
{
	if (mr_nxw_rows * 2 > XW_MEMO_SLOTS || mr_nxw_rows >= INT16_MAX)
	{
		xw_memo_state = -1;
		return;
	}
	for (int k = 0; k < mr_nxw_rows; k++)
	{
		const mr_xw_row *r = &mr_xw_rows[k];
		size_t		len = strlen(r->form);
		xw_memo_entry *e = xw_memo_slot(r->source, r->form, len);

		if (e->row_plus1 != 0)
			continue;			/* a form two rows print alike: one answer */
		xw_nationality(r->form, len, r->source, false, &e->res);
		e->row_plus1 = (int16_t) (k + 1);
	}
	xw_memo_state = 1;
}

void
mr_xw_nationality(const char *s, size_t len, int source, bool strict, mr_xw_result *res)
{
	/* strict changes nothing when a source is named: one memo serves both */
	if (source >= 0 && source < MR_NSOURCES)
	{
		xw_memo_entry *e;

		if (xw_memo_state == 0)
			xw_memo_build();
		if (xw_memo_state == 1 && (e = xw_memo_slot(source, s, len))->row_plus1 != 0)
		{
			*res = e->res;
			return;
		}
	}
	xw_nationality(s, len, source, strict, res);
}

void
mr_xw_unhcr_code(const char *s, size_t len, mr_xw_result *res)
{
	char		code[4];
	int			k;

	res->status = MR_XW_NOT_FOUND;
	res->code = 0;
	res->why = NULL;
	res->row = -1;
	res->is_code = code_key(s, len, code);
	if (!res->is_code)
		return;
	k = source_key_search(MR_SRC_UNHCR, code);
	if (k < 0 || mr_xw_rows[mr_xw_source_keys[k].row].is_name)
		return;
	result(res, mr_xw_source_keys[k].target, mr_xw_rows[mr_xw_source_keys[k].row].note,
		   mr_xw_source_keys[k].row);
}

const char *
mr_xw_unhcr_code_of(int v)
{
	int			idx = mr_nationality_entry(v);

	if (idx < 0 || idx >= mr_nunhcr_code_of)
		return NULL;
	return mr_unhcr_code_of[idx];
}

static int
place_key_search(int source, const char *key)
{
	int			lo = 0,
				hi = mr_nxw_place_keys - 1;

	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;
		const mr_xw_place_key *k = &mr_xw_place_keys[mid];
		int			c = (k->source != source) ? (k->source < source ? -1 : 1) : strcmp(k->key, key);

		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

int
mr_xw_place(const char *s, size_t len, int source, int32_t *place)
{
	char		key[MR_MATCH_KEY_SIZE];
	const char *t = s;
	size_t		n = len;
	bool		digits = true;
	int			k;

	if (source < 0 || source >= MR_NPLACE_SOURCES)
		return -1;
	mr_trim(&t, &n);
	if (n == 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (t[i] < '0' || t[i] > '9')
			digits = false;
	if (digits)
	{
		/* a number: leading zeros dropped ("07" = "7"), at most 9 digits kept */
		while (n > 1 && t[0] == '0')
		{
			t++;
			n--;
		}
		if (n >= sizeof(key))
			return -1;
		memcpy(key, t, n);
		key[n] = '\0';
	}
	else if (!mr_match_key(s, len, key, sizeof(key)))
		return -1;
	k = place_key_search(source, key);
	if (k < 0)
		return -1;
	*place = mr_xw_place_keys[k].place;
	return mr_xw_place_keys[k].row;
}
