/*
 * sex_io.c: text forms of the sex type, plain C.
 */
#include <string.h>

#include "scan.h"
#include "sex_io.h"

static const mr_word sex_words[] = {
	{"f", MR_SEX_F}, {"female", MR_SEX_F},
	{"m", MR_SEX_M}, {"male", MR_SEX_M},
	{"x", MR_SEX_X}, {"<", MR_SEX_X}, {"unspecified", MR_SEX_X},
	{"unk", MR_SEX_UNKNOWN}, {"unknown", MR_SEX_UNKNOWN}, {"u", MR_SEX_UNKNOWN},
};

/* after mr_normalize_name: lower case, accents folded, one blank between words */
static const mr_word sex_clean_words[] = {
	{"woman", MR_SEX_F}, {"mujer", MR_SEX_F}, {"femenino", MR_SEX_F}, {"femenina", MR_SEX_F},
	{"femme", MR_SEX_F}, {"feminin", MR_SEX_F}, {"feminine", MR_SEX_F}, {"mulher", MR_SEX_F},
	{"feminino", MR_SEX_F},
	{"man", MR_SEX_M}, {"hombre", MR_SEX_M}, {"h", MR_SEX_M}, {"masculino", MR_SEX_M},
	{"varon", MR_SEX_M}, {"homme", MR_SEX_M}, {"masculin", MR_SEX_M}, {"homem", MR_SEX_M},
	{"no especificado", MR_SEX_X}, {"non specifie", MR_SEX_X}, {"nao especificado", MR_SEX_X},
	{"desconocido", MR_SEX_UNKNOWN}, {"sin dato", MR_SEX_UNKNOWN}, {"inconnu", MR_SEX_UNKNOWN},
	{"desconhecido", MR_SEX_UNKNOWN}, {"not known", MR_SEX_UNKNOWN},
};

#define NW(a) ((int) (sizeof(a) / sizeof((a)[0])))

const char *
mr_sex_code(int v)
{
	switch (v)
	{
		case MR_SEX_F:
			return "F";
		case MR_SEX_M:
			return "M";
		case MR_SEX_X:
			return "X";
		default:
			return "UNK";
	}
}

const char *
mr_sex_label(int v, bool spanish)
{
	switch (v)
	{
		case MR_SEX_F:
			return spanish ? "Mujer" : "Female";
		case MR_SEX_M:
			return spanish ? "Hombre" : "Male";
		case MR_SEX_X:
			return spanish ? "No especificado" : "Unspecified";
		default:
			return spanish ? "Desconocido" : "Unknown";
	}
}

mr_status
mr_sex_parse(const char *s, size_t len, int *out, size_t *errpos)
{
	return mr_word_lookup(sex_words, NW(sex_words), s, len, out, errpos);
}

int
mr_sex_clean(const char *s, size_t len)
{
	char		norm[64];
	int			v;
	size_t		pos;

	if (mr_sex_parse(s, len, &v, &pos) == MR_OK)
		return v;
	if (!mr_normalize_name(s, len, norm, sizeof(norm)))
		return 0;
	if (mr_word_lookup(sex_words, NW(sex_words), norm, strlen(norm), &v, &pos) == MR_OK)
		return v;
	if (mr_word_lookup(sex_clean_words, NW(sex_clean_words), norm, strlen(norm), &v, &pos) == MR_OK)
		return v;
	return 0;
}
