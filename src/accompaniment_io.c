/*
 * accompaniment_io.c: the accompaniment vocabulary and the publishers'
 * categories, plain C.  See accompaniment_io.h.
 */
#include "accompaniment_io.h"
#include "age_band_io.h"
#include "scan.h"

static const mr_word acc_words[] = {
	{"alone", MR_ACC_ALONE}, {"with_parent", MR_ACC_WITH_PARENT},
	{"with_relative", MR_ACC_WITH_RELATIVE}, {"with_caregiver", MR_ACC_WITH_CAREGIVER},
	{"with_child", MR_ACC_WITH_CHILD}, {"unknown", MR_ACC_UNKNOWN},
};

const char *const mr_child_category_names[4] = {"accompanied", "separated", "unaccompanied", "unknown"};
const char *const mr_cbp_group_names[4] = {"Single Adults", "FMUA", "UC / Single Minors", "not classified"};
const char *const mr_upm_condition_names[3] = {"acompañado", "no acompañado", "sin dato"};

const char *
mr_accompaniment_name(int v)
{
	for (int i = 0; i < (int) (sizeof(acc_words) / sizeof(acc_words[0])); i++)
		if (acc_words[i].value == v)
			return acc_words[i].word;
	return "unknown";
}

const char *
mr_accompaniment_label(int v, bool spanish)
{
	switch (v)
	{
		case MR_ACC_ALONE:
			return spanish ? "Sin familiar ni adulto responsable" : "Alone";
		case MR_ACC_WITH_PARENT:
			return spanish ? "Con su madre, padre o tutor legal" : "With a parent or legal guardian";
		case MR_ACC_WITH_RELATIVE:
			return spanish ? "Con otro familiar adulto" : "With another adult relative";
		case MR_ACC_WITH_CAREGIVER:
			return spanish ? "Con un cuidador por costumbre" : "With a customary caregiver";
		case MR_ACC_WITH_CHILD:
			return spanish ? "Con su hija, hijo o pupilo" : "With their child";
		default:
			return spanish ? "Desconocido" : "Unknown";
	}
}

mr_status
mr_accompaniment_parse(const char *s, size_t len, int *out, size_t *errpos)
{
	return mr_word_lookup(acc_words, (int) (sizeof(acc_words) / sizeof(acc_words[0])),
						  s, len, out, errpos);
}

int
mr_child_category(int acc)
{
	switch (acc)
	{
		case MR_ACC_WITH_PARENT:
			return MR_CHILD_ACCOMPANIED;
		case MR_ACC_WITH_RELATIVE:
		case MR_ACC_WITH_CAREGIVER:
			return MR_CHILD_SEPARATED;
		case MR_ACC_ALONE:
			return MR_CHILD_UNACCOMPANIED;
		default:
			return MR_CHILD_UNKNOWN;
	}
}

int
mr_cbp_group(int age_class, int acc)
{
	if (acc == MR_ACC_WITH_CHILD)
		return MR_CBP_FMUA;		/* a parent or guardian with their child, at any age */
	if (acc == MR_ACC_UNKNOWN || age_class == MR_AGE_CLASS_UNKNOWN)
		return MR_CBP_NOT_CLASSIFIED;
	if (age_class == MR_AGE_CLASS_ADULT)
		return MR_CBP_SINGLE_ADULTS;
	return acc == MR_ACC_WITH_PARENT ? MR_CBP_FMUA : MR_CBP_UC;
}

int
mr_upm_condition(int acc)
{
	switch (acc)
	{
		case MR_ACC_WITH_PARENT:
		case MR_ACC_WITH_RELATIVE:
			return MR_UPM_ACOMPANADO;
		case MR_ACC_ALONE:
		case MR_ACC_WITH_CAREGIVER:
			return MR_UPM_NO_ACOMPANADO;
		default:
			return MR_UPM_SIN_DATO;
	}
}
