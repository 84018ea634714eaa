/*
 * encounter_io.c: the encounter vocabulary, plain C.  See encounter_io.h;
 * sources in docs/people.md.  Title 42's dates: CDC's order of 20 March
 * 2020 [secondary; CBP counts expulsions from 21 March, primary], lifted at
 * 11:59 p.m. ET on 11 May 2023 (DHS, CBP) [primary].
 */
#include <stdint.h>

#include "datetime_io.h"
#include "encounter_io.h"
#include "scan.h"

#define T42_FIRST 7384			/* 2020-03-20 */
#define T42_LAST 8531			/* 2023-05-11 */
#define ANY_FROM INT32_MIN
#define ANY_UNTIL INT32_MAX

const mr_encounter_info mr_encounters[] = {
	{0x11, "us_t8_apprehension", "US", "Title 8", "U.S. Border Patrol", "Apprehensions",
		"Title 8 apprehension (U.S. Border Patrol)", "Aprehensión, Título 8 (Patrulla Fronteriza)",
	ANY_FROM, ANY_UNTIL},
	{0x12, "us_t8_inadmissible", "US", "Title 8", "Office of Field Operations", "Inadmissibles",
		"Title 8 inadmissible (Office of Field Operations)", "Inadmisible, Título 8 (Oficina de Operaciones de Campo)",
	ANY_FROM, ANY_UNTIL},
	{0x13, "us_t42_expulsion_usbp", "US", "Title 42", "U.S. Border Patrol", "Expulsions",
		"Title 42 expulsion (U.S. Border Patrol)", "Expulsión, Título 42 (Patrulla Fronteriza)",
	T42_FIRST, T42_LAST},
	{0x14, "us_t42_expulsion_ofo", "US", "Title 42", "Office of Field Operations", "Expulsions",
		"Title 42 expulsion (Office of Field Operations)", "Expulsión, Título 42 (Oficina de Operaciones de Campo)",
	T42_FIRST, T42_LAST},
	{0x21, "mx_presentado", "MX", "Ley de Migración", "Instituto Nacional de Migración", "Presentados",
		"Presented to the migration authority (INM)", "Presentado ante la autoridad migratoria (INM)",
	ANY_FROM, ANY_UNTIL},
	{0x22, "mx_canalizado", "MX", "Ley de Migración", "Instituto Nacional de Migración", "Canalizados",
		"Channelled to the child protection system (DIF)", "Canalizado al sistema de protección de la niñez (DIF)",
	ANY_FROM, ANY_UNTIL},
};

const int	mr_nencounters = (int) (sizeof(mr_encounters) / sizeof(mr_encounters[0]));

const mr_encounter_info *
mr_encounter_find(int v)
{
	for (int i = 0; i < mr_nencounters; i++)
		if (mr_encounters[i].value == v)
			return &mr_encounters[i];
	return NULL;
}

mr_status
mr_encounter_parse(const char *s, size_t len, int *out, size_t *errpos)
{
	*errpos = mr_trim(&s, &len);
	if (len == 0)
		return MR_ERR_EMPTY;
	for (int i = 0; i < mr_nencounters; i++)
		if (mr_word_equal(s, len, mr_encounters[i].name))
		{
			*out = mr_encounters[i].value;
			return MR_OK;
		}
	return MR_ERR_UNKNOWN;
}

int64_t
mr_us_fiscal_year(int32_t day)
{
	int64_t		y;
	int			m,
				d;

	mr_civil_from_days(day, &y, &m, &d);
	return y + (m >= 10);
}

int32_t
mr_us_fiscal_year_start(int32_t fy)
{
	return (int32_t) mr_days_from_civil((int64_t) fy - 1, 10, 1);
}
