/*
 * names_io.c: normalisation of personal names for record linkage, in plain
 * C.  See names_io.h for what each form does; the tables (transliteration,
 * nicknames) are generated into names_data.c by tools/gen_names.py.
 */
#include <string.h>
#include <stdlib.h>

#include "names_io.h"
#include "scan.h"

/*
 * Transliterated text longer than this is refused before particles are
 * dropped: four times the longest name kept leaves room for any real name
 * with its particles, and bounds the work a hostile input can cause.
 */
#define RAW_MAX (4 * MR_NAME_MAX_LEN)
#define RAW_MAX_WORDS 64

typedef struct word_list
{
	char		buf[RAW_MAX + RAW_MAX_WORDS + 16];
	const char *w[RAW_MAX_WORDS];
	size_t		len[RAW_MAX_WORDS];
	int			n;
	size_t		used;
} word_list;

/* Decode one UTF-8 code point at s[*i]; -1 (and one byte skipped) if invalid. */
static int32_t
utf8_next(const char *s, size_t len, size_t *i)
{
	unsigned char c = (unsigned char) s[*i];
	int			n;
	int32_t		cp;
	int32_t		min;

	if (c < 0x80)
	{
		(*i)++;
		return c;
	}
	if ((c & 0xE0) == 0xC0)
		n = 2, cp = c & 0x1F, min = 0x80;
	else if ((c & 0xF0) == 0xE0)
		n = 3, cp = c & 0x0F, min = 0x800;
	else if ((c & 0xF8) == 0xF0)
		n = 4, cp = c & 0x07, min = 0x10000;
	else
	{
		(*i)++;
		return -1;
	}
	if (*i + n > len)
	{
		(*i)++;
		return -1;
	}
	for (int k = 1; k < n; k++)
	{
		unsigned char cc = (unsigned char) s[*i + k];

		if ((cc & 0xC0) != 0x80)
		{
			(*i)++;
			return -1;
		}
		cp = (cp << 6) | (cc & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
	{
		(*i)++;
		return -1;
	}
	*i += n;
	return cp;
}

static bool
is_apostrophe(int32_t cp)
{
	return cp == '\'' || cp == '`' || cp == 0x00B4 || cp == 0x2018 ||
		cp == 0x2019 || cp == 0x02BC || cp == 0x02B9 || cp == 0x02BB;
}

/*
 * The letters of a code point: upper-case ASCII, "" to drop it without a
 * word break, NULL for a word break.
 */
static const char *
letters_of(int32_t cp, char *one)
{
	if (cp >= 'a' && cp <= 'z')
		cp -= 'a' - 'A';
	if (cp >= 'A' && cp <= 'Z')
	{
		one[0] = (char) cp;
		one[1] = '\0';
		return one;
	}
	if (cp >= 0x0300 && cp <= 0x036F)	/* combining marks of decomposed
										 * text */
		return "";
	if (cp >= MR_TRANSLIT_LATIN_FIRST && cp <= MR_TRANSLIT_LATIN_LAST)
		return mr_translit_latin[cp - MR_TRANSLIT_LATIN_FIRST];
	if (cp >= MR_TRANSLIT_LATIN_EXT_FIRST && cp <= MR_TRANSLIT_LATIN_EXT_LAST)
		return mr_translit_latin_ext[cp - MR_TRANSLIT_LATIN_EXT_FIRST];
	if (cp >= MR_TRANSLIT_CYRILLIC_FIRST && cp <= MR_TRANSLIT_CYRILLIC_LAST)
		return mr_translit_cyrillic[cp - MR_TRANSLIT_CYRILLIC_FIRST];
	return NULL;
}

/*
 * Transliterate s into words of upper-case ASCII.  An apostrophe joins the
 * letters around it (O'Brien as OBRIEN, as ICAO does), except after a lone
 * D or L, an elided particle (D'Souza as D SOUZA).
 */
static mr_status
split_words(const char *s, size_t len, word_list *wl)
{
	char		raw[RAW_MAX + 1];
	size_t		r = 0;
	size_t		word_start = 0;
	char		one[2];

	for (size_t i = 0; i < len;)
	{
		int32_t		cp = utf8_next(s, len, &i);
		const char *l;

		if (is_apostrophe(cp))
		{
			if (r - word_start == 1 && (raw[word_start] == 'D' || raw[word_start] == 'L'))
				l = NULL;
			else
				l = "";
		}
		else
			l = cp < 0 ? NULL : letters_of(cp, one);
		if (l == NULL)
		{
			if (r > word_start)
			{
				if (r >= RAW_MAX)
					return MR_ERR_TOO_LONG;
				raw[r++] = ' ';
				word_start = r;
			}
			continue;
		}
		for (; *l; l++)
		{
			if (r >= RAW_MAX)
				return MR_ERR_TOO_LONG;
			raw[r++] = *l;
		}
	}
	if (r > 0 && raw[r - 1] == ' ')
		r--;

	wl->n = 0;
	wl->used = 0;
	for (size_t i = 0; i < r;)
	{
		size_t		j = i;

		while (j < r && raw[j] != ' ')
			j++;
		if (wl->n >= RAW_MAX_WORDS)
			return MR_ERR_TOO_LONG;
		memcpy(wl->buf + wl->used, raw + i, j - i);
		wl->buf[wl->used + (j - i)] = '\0';
		wl->w[wl->n] = wl->buf + wl->used;
		wl->len[wl->n] = j - i;
		wl->used += j - i + 1;
		wl->n++;
		i = j + 1;
	}
	return wl->n == 0 ? MR_ERR_EMPTY : MR_OK;
}

static bool
word_in(const char *w, const char *const *set)
{
	for (; *set; set++)
		if (strcmp(w, *set) == 0)
			return true;
	return false;
}

/* Particles of Spanish, Portuguese, French, Dutch and German names. */
static const char *const particles[] = {
	"DE", "DEL", "LA", "LAS", "LOS", "Y", "E", "DA", "DAS", "DO", "DOS", "DI",
	"DU", "DES", "LE", "VAN", "VON", "DER", "DEN", "TEN", "TER", "D", "L", NULL
};

/* Agnomens: they tell a son from his father, whose record is another. */
static const char *const agnomens[] = {
	"JR", "JUNIOR", "FILHO", "FILHA", "NETO", "NETA", "SOBRINHO", "SOBRINHA",
	"II", "III", "IV", NULL
};

/*
 * Drop particles, unless nothing else is left, then agnomens at the end
 * while another word remains.
 */
static void
drop_particles(word_list *wl)
{
	int			keep = 0;
	int			content = 0;

	for (int i = 0; i < wl->n; i++)
		if (!word_in(wl->w[i], particles))
			content++;
	if (content == 0)
		return;
	for (int i = 0; i < wl->n; i++)
	{
		if (word_in(wl->w[i], particles))
			continue;
		wl->w[keep] = wl->w[i];
		wl->len[keep] = wl->len[i];
		keep++;
	}
	wl->n = keep;
	while (wl->n > 1 && word_in(wl->w[wl->n - 1], agnomens))
		wl->n--;
}

static int
nickname_cmp(const void *key, const void *entry)
{
	return strcmp((const char *) key, ((const mr_nickname *) entry)->nickname);
}

/* A static replacement for a whole word: abbreviations and nicknames. */
static const char *
replacement(const char *w, mr_name_form form)
{
	const mr_nickname *nk;

	if (strcmp(w, "ST") == 0)
		return "SAINT";
	if (strcmp(w, "STE") == 0)
		return "SAINTE";
	if (form != MR_NAME_GIVEN)
		return NULL;
	if (strcmp(w, "MA") == 0)	/* Ma. del Carmen */
		return "MARIA";
	nk = bsearch(w, mr_nicknames, (size_t) mr_nnicknames, sizeof(mr_nickname), nickname_cmp);
	return nk ? nk->given : NULL;
}

static bool
is_vowel(char c)
{
	return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' || c == 'Y';
}

static bool
is_front(char c)
{
	return c == 'E' || c == 'I' || c == 'Y';
}

size_t
mr_name_fold_word(char *w, size_t len)
{
	size_t		o = 0;
	size_t		i = 0;

	while (i < len)
	{
		char		c = w[i];
		char		n1 = i + 1 < len ? w[i + 1] : '\0';
		char		n2 = i + 2 < len ? w[i + 2] : '\0';
		char		emit[2];
		int			ne = 1;
		size_t		used = 1;

		emit[0] = c;
		switch (c)
		{
			case 'E':
				if (n1 == 'A' && n2 == 'U')
					emit[0] = 'O', used = 3;	/* Moreau, Moro */
				break;
			case 'O':
				if (n1 == 'U')
					emit[0] = 'U', used = 2;	/* Louis, Luis */
				break;
			case 'P':
				if (n1 == 'H')
					emit[0] = 'F', used = 2;	/* Joseph, Josef */
				break;
			case 'T':
				if (n1 == 'H')
					used = 2;	/* Thiago, Tiago */
				break;
			case 'S':
				if (n1 == 'H')	/* Mishel, Michel */
					emit[0] = 'C', emit[1] = 'H', ne = 2, used = 2;
				break;
			case 'C':
				if (n1 == 'H')
					emit[1] = 'H', ne = 2, used = 2;
				else if (is_front(n1))
					emit[0] = 'S';	/* Cesar, Sesar */
				else
					emit[0] = 'K';	/* Karla, Carla */
				break;
			case 'Q':
				emit[0] = 'K';
				if (n1 == 'U' && is_front(n2))
					used = 2;	/* Quispe, Kispe */
				break;
			case 'G':
				if (n1 == 'U' && is_front(n2))
					used = 2;	/* Guerlande, Gerlande */
				else if (is_front(n1))
					emit[0] = 'J';	/* Geronimo, Jeronimo */
				break;
			case 'L':
				if (n1 == 'H')
					used = 2;	/* Coelho, Coello */
				break;
			case 'N':
				if (n1 == 'H')
					used = 2;
				break;
			case 'H':
				ne = 0;			/* Jhon, John, Jon; Hernandez, Ernandez */
				break;
			case 'V':
			case 'W':
				emit[0] = 'B';	/* Victor, Bictor; Wilner, Vilner */
				break;
			case 'Z':
				emit[0] = 'S';	/* Souza, Sousa */
				break;
			case 'Y':
				emit[0] = 'I';	/* Yasmin, Iasmin */
				break;
			case 'X':
				if (i == 0 && is_vowel(n1))
					emit[0] = 'J';	/* Ximena, Jimena */
				break;
			default:
				break;
		}
		i += used;
		for (int k = 0; k < ne; k++)
		{
			/* doubled letters once: Pierre, Piere; Kelly, Keli */
			if (o > 0 && w[o - 1] == emit[k])
				continue;
			w[o++] = emit[k];
		}
	}
	return o;
}

static int
word_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *) a, *(const char *const *) b);
}

mr_status
mr_name_normalize(const char *s, size_t len, mr_name_form form,
				  char *out, size_t outsize, size_t *outlen)
{
	word_list	wl;
	char		folded[RAW_MAX + RAW_MAX_WORDS + 16];
	char	   *words[MR_NAME_MAX_WORDS];
	int			nwords = 0;
	size_t		fused = 0;
	size_t		o = 0;
	mr_status	st;

	*outlen = 0;
	if (outsize > 0)
		out[0] = '\0';
	st = split_words(s, len, &wl);
	if (st != MR_OK)
		return st;
	drop_particles(&wl);

	/* replacements and folds, word by word, into folded[] */
	for (int i = 0; i < wl.n; i++)
	{
		const char *rep = replacement(wl.w[i], form);
		const char *src = rep ? rep : wl.w[i];

		/* a replacement may be several words: JUANJO is JUAN JOSE */
		while (*src)
		{
			size_t		l = strcspn(src, " ");

			if (nwords >= MR_NAME_MAX_WORDS || fused + l + 1 > sizeof(folded))
				return MR_ERR_TOO_LONG;
			memcpy(folded + fused, src, l);
			if (form != MR_NAME_PLAIN)
				l = mr_name_fold_word(folded + fused, l);
			folded[fused + l] = '\0';
			/* a word of silent letters (H) folds to nothing */
			if (l > 0)
			{
				words[nwords++] = folded + fused;
				fused += l + 1;
			}
			src += strcspn(src, " ");
			while (*src == ' ')
				src++;
		}
	}
	if (nwords == 0)
		return MR_ERR_EMPTY;
	if (form == MR_NAME_FAMILY)
		qsort(words, (size_t) nwords, sizeof(char *), word_cmp);

	for (int i = 0; i < nwords; i++)
	{
		size_t		l = strlen(words[i]);

		if (o + (i > 0) + l > MR_NAME_MAX_LEN)
			return MR_ERR_TOO_LONG;
		if (o + (i > 0) + l + 1 > outsize)
			return MR_ERR_TOO_LONG;
		if (i > 0)
			out[o++] = ' ';
		memcpy(out + o, words[i], l);
		o += l;
	}
	out[o] = '\0';
	*outlen = o;
	return MR_OK;
}

/* Words for the sexes, folded to upper-case ASCII. */
static const char *const female_words[] = {
	"F", "FEMALE", "WOMAN", "FEMENINO", "FEMENINA", "MUJER", "FEMININ", "FEMININE",
	"FEMME", "FEMININO", "FEMININA", "MULHER", NULL
};
static const char *const male_words[] = {
	"M", "MALE", "MAN", "MASCULINO", "HOMBRE", "VARON", "MASCULIN", "HOMME",
	"HOMEM", NULL
};
static const char *const other_words[] = {
	"X", "<", "OTHER", "UNSPECIFIED", "OTRO", "NO ESPECIFICADO", "AUTRE",
	"NON SPECIFIE", "OUTRO", "NAO ESPECIFICADO", NULL
};

char
mr_name_sex_parse(const char *s, size_t len)
{
	char		buf[32];
	size_t		b = 0;
	size_t		i = mr_skip_blanks(s, len, 0);
	char		one[2];

	while (len > i && mr_isblank((unsigned char) s[len - 1]))
		len--;
	while (i < len)
	{
		int32_t		cp = utf8_next(s, len, &i);
		const char *l;

		if (cp == ' ' || cp == '<')
			l = cp == '<' ? "<" : " ";
		else
			l = cp < 0 ? NULL : letters_of(cp, one);
		if (l == NULL)
			return 0;
		for (; *l; l++)
		{
			if (b + 1 >= sizeof(buf))
				return 0;
			buf[b++] = *l;
		}
	}
	buf[b] = '\0';
	if (word_in(buf, female_words))
		return 'F';
	if (word_in(buf, male_words))
		return 'M';
	if (word_in(buf, other_words))
		return 'X';
	return 0;
}
