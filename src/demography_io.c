/*
 * demography_io.c: the demography type's layout, text form and arithmetic,
 * and the publishers' tables, plain C.  See demography_io.h; the tables'
 * sources are in docs/people.md (UNHCR's demographic fields [primary],
 * their printed headers and Eurostat's codes and labels [secondary], UPM's
 * groups [secondary], CBP's groups [primary]).
 */
#include <stdio.h>
#include <string.h>

#include "age_band_io.h"
#include "demography_io.h"
#include "scan.h"

void
mr_demography_init(mr_demography *d, int scheme)
{
	int32_t		vl = d->vl_len_;

	memset(d, 0, mr_demography_size(scheme));
	d->vl_len_ = vl;
	d->version = DEMOGRAPHY_VERSION;
	d->scheme = (uint8_t) scheme;
	d->nsex = MR_NSEX;
	d->nbands = (uint8_t) mr_demography_nbands(scheme);
	d->nacc = MR_NACC;
}

bool
mr_demography_total(const mr_demography *d, int64_t *total)
{
	int64_t		sum = 0;

	for (size_t i = 0; i < mr_demography_ncells(d); i++)
		if (__builtin_add_overflow(sum, d->counts[i], &sum))
			return false;
	*total = sum;
	return true;
}

bool
mr_demography_valid(const mr_demography *d, size_t size)
{
	int64_t		total;

	if (size < DEMOGRAPHY_HEADER_SIZE || d->version != DEMOGRAPHY_VERSION ||
		d->scheme > MR_NSCHEMES || d->nsex != MR_NSEX || d->nacc != MR_NACC ||
		d->nbands != mr_demography_nbands(d->scheme))
		return false;
	for (int i = 0; i < (int) sizeof(d->pad); i++)
		if (d->pad[i] != 0)
			return false;
	if (size != DEMOGRAPHY_HEADER_SIZE + sizeof(int64_t) * mr_demography_ncells(d))
		return false;
	for (size_t i = 0; i < mr_demography_ncells(d); i++)
		if (d->counts[i] < 0)
			return false;
	return mr_demography_total(d, &total);
}

/* The cell of dst that cell (s, b, a) of src counts in: its scheme or 0. */
static size_t
cell_in(const mr_demography *dst, const mr_demography *src, int s, int b, int a)
{
	int			db = src->scheme == dst->scheme ? b : dst->nbands - 1;

	return mr_demography_cell(dst, s, db, a);
}

void
mr_demography_reshape(const mr_demography *src, mr_demography *dst, int scheme)
{
	mr_demography_init(dst, scheme);
	for (int s = 0; s < src->nsex; s++)
		for (int b = 0; b < src->nbands; b++)
			for (int a = 0; a < src->nacc; a++)
				dst->counts[cell_in(dst, src, s, b, a)] += src->counts[mr_demography_cell(src, s, b, a)];
}

mr_status
mr_demography_add(mr_demography *a, const mr_demography *b, int sign)
{
	int64_t		r;

	if (b->scheme != a->scheme && b->scheme != 0)
		return MR_ERR_SYNTAX;
	/* check every cell first, so that a is left whole on error */
	for (int pass = 0; pass < 2; pass++)
		for (int s = 0; s < b->nsex; s++)
			for (int k = 0; k < b->nbands; k++)
				for (int c = 0; c < b->nacc; c++)
				{
					int64_t		v = b->counts[mr_demography_cell(b, s, k, c)];
					int64_t    *t = &a->counts[cell_in(a, b, s, k, c)];

					if (v == 0)
						continue;
					if (sign > 0 ? __builtin_add_overflow(*t, v, &r) : __builtin_sub_overflow(*t, v, &r))
						return MR_ERR_OUT_OF_RANGE;
					if (r < 0)
						return MR_ERR_ORDER;
					if (pass == 1)
						*t = r;
				}
	return MR_OK;
}

/* ---- text ---- */

static const char *
band_code(const mr_demography *d, int b)
{
	if (b == d->nbands - 1)
		return d->scheme == 0 ? "unknown" : mr_schemes[d->scheme].unknown.code;
	return mr_schemes[d->scheme].bands[b].code;
}

size_t
mr_demography_format(const mr_demography *d, char *out)
{
	size_t		o = 0;
	bool		first = true;

	if (d->scheme != 0)
		o += (size_t) sprintf(out, "%s ", mr_schemes[d->scheme].name);
	out[o++] = '{';
	for (int s = 0; s < d->nsex; s++)
		for (int b = 0; b < d->nbands; b++)
			for (int a = 0; a < d->nacc; a++)
			{
				int64_t		v = d->counts[mr_demography_cell(d, s, b, a)];

				if (v == 0)
					continue;
				o += (size_t) sprintf(out + o, "%s%s/%s/%s: %lld", first ? "" : ", ",
									  mr_sex_code(mr_sex_of_index(s)), band_code(d, b),
									  mr_accompaniment_name(mr_accompaniment_of_index(a)), (long long) v);
				first = false;
			}
	out[o++] = '}';
	out[o] = '\0';
	return o;
}

/*
 * A part of a cell: s[*i..) up to the separator sep (not crossing a ',' or
 * a '}'), blanks around it cut, into *part and *plen; *i moves past sep.
 * MR_ERR_SYNTAX when sep is not there (the caller's *errpos is the part's
 * start).
 */
static mr_status
cell_part(const char *s, size_t len, size_t *i, char sep, const char **part, size_t *plen)
{
	size_t		j = *i;

	while (j < len && s[j] != sep && s[j] != ',' && s[j] != '}')
		j++;
	if (j == len || s[j] != sep)
		return MR_ERR_SYNTAX;
	*part = s + *i;
	*plen = j - *i;
	mr_trim(part, plen);
	*i = j + 1;
	return MR_OK;
}

typedef struct cells_parse
{
	mr_demography *out;
	long		last;			/* the last cell read, for their order */
	int64_t		total;
} cells_parse;

/* One cell of the list, sex/band/accompaniment: count (mr_list_item_fn). */
static mr_status
demography_cell(const char *s, size_t len, size_t *used, size_t *errpos, void *arg)
{
	cells_parse *cp = arg;
	mr_demography *out = cp->out;
	const char *part;
	size_t		plen,
				i = 0,
				pos;
	int			sex,
				band,
				acc;
	int64_t		v;
	size_t		cell;
	mr_status	st;

	*errpos = 0;
	if ((st = cell_part(s, len, &i, '/', &part, &plen)) != MR_OK)
		return st;
	if (mr_sex_parse(part, plen, &sex, &pos) != MR_OK)
		return MR_ERR_UNKNOWN;
	*errpos = i;
	if ((st = cell_part(s, len, &i, '/', &part, &plen)) != MR_OK)
		return st;
	if (out->scheme == 0)
		band = mr_word_equal(part, plen, "unknown") ? MR_BAND_UNKNOWN : 0;
	else
		band = mr_age_band_by_name(out->scheme, part, plen);
	if (band == 0)
		return MR_ERR_UNKNOWN;
	*errpos = i;
	if ((st = cell_part(s, len, &i, ':', &part, &plen)) != MR_OK)
		return st;
	if (mr_accompaniment_parse(part, plen, &acc, &pos) != MR_OK)
		return MR_ERR_UNKNOWN;
	i = mr_skip_blanks(s, len, i);
	*errpos = i;
	if ((st = mr_scan_count(s, len, &i, &v)) != MR_OK)
		return st;
	cell = mr_demography_cell(out, mr_sex_index(sex), mr_demography_band_index(out, band),
							  mr_accompaniment_index(acc));
	if ((long) cell <= cp->last)
		return MR_ERR_ORDER;
	if (__builtin_add_overflow(cp->total, v, &cp->total))
		return MR_ERR_OUT_OF_RANGE;
	cp->last = (long) cell;
	out->counts[cell] = v;
	*used = i;
	return MR_OK;
}

mr_status
mr_demography_parse(const char *s, size_t len, mr_demography *out, size_t *errpos)
{
	size_t		i;
	int			scheme = 0;
	cells_parse cp = {out, -1, 0};
	mr_status	st = mr_scan_begin(s, len, &i, errpos);

	if (st != MR_OK)
		return st;
	if (s[i] != '{')
	{
		size_t		j = i;

		while (j < len && mr_letter((unsigned char) s[j]))
			j++;
		scheme = mr_age_scheme_by_name(s + i, j - i);
		if (scheme == 0)
			return j > i ? MR_ERR_UNKNOWN : MR_ERR_SYNTAX;
		i = j;
	}
	mr_demography_init(out, scheme);
	st = mr_scan_list(s, len, &i, true, demography_cell, &cp, errpos);
	if (st == MR_OK)
		st = mr_scan_end(s, len, i, errpos);
	return st;
}

/* ---- which cells a selection of ages takes ---- */

/*
 * Does band index b of d fall in known ages amin..amax (amin > amax: none)
 * or, for the unknown band, in unknown_age?  1 yes, 0 no, -1 it straddles.
 */
static int
band_in(const mr_demography *d, int b, int amin, int amax, bool unknown_age)
{
	const mr_band_info *bi;

	if (b == d->nbands - 1)
		return unknown_age;
	if (amin > amax)
		return 0;
	bi = &mr_schemes[d->scheme].bands[b];
	if (bi->min_age >= amin && bi->max_age <= amax)
		return 1;
	if (bi->max_age < amin || bi->min_age > amax)
		return 0;
	return -1;
}

static int
age_class(const mr_demography *d, int b)
{
	if (b == d->nbands - 1)
		return MR_AGE_CLASS_UNKNOWN;
	return mr_schemes[d->scheme].bands[b].max_age < 18 ? MR_AGE_CLASS_CHILD : MR_AGE_CLASS_ADULT;
}

mr_status
mr_demography_count(const mr_demography *d, int sex, int band, int acc, int64_t *out)
{
	int			amin = 0,
				amax = MR_AGE_OPEN;
	bool		unknown_age = true;
	int64_t		sum = 0;

	if (band != 0)
	{
		const mr_band_info *bi = mr_age_band_info(band);

		unknown_age = mr_age_band_band(band) == MR_BAND_UNKNOWN;
		amin = unknown_age ? 1 : bi->min_age;
		amax = unknown_age ? 0 : bi->max_age;
	}
	for (int b = 0; b < d->nbands; b++)
	{
		int			in = band_in(d, b, amin, amax, unknown_age);

		if (in < 0)
			return MR_ERR_SYNTAX;
		if (in == 0)
			continue;
		for (int s = 0; s < d->nsex; s++)
		{
			if (sex != 0 && s != mr_sex_index(sex))
				continue;
			for (int a = 0; a < d->nacc; a++)
			{
				if (acc != 0 && a != mr_accompaniment_index(acc))
					continue;
				if (__builtin_add_overflow(sum, d->counts[mr_demography_cell(d, s, b, a)], &sum))
					return MR_ERR_OUT_OF_RANGE;
			}
		}
	}
	*out = sum;
	return MR_OK;
}

/* ---- the publishers' tables ---- */

#define SX_F (1 << 0)
#define SX_M (1 << 1)
#define SX_X (1 << 2)
#define SX_UNK (1 << 3)
#define SX_ALL (SX_F | SX_M | SX_X | SX_UNK)
#define OPEN MR_AGE_OPEN

#define CLS_NONE 0
#define CLS_CHILD 1
#define CLS_CBP 2
#define CLS_UPM 3

typedef struct sex_dim
{
	const char *code;
	const char *label;
	uint8_t		mask;
	bool		total;
} sex_dim;

typedef struct age_dim
{
	const char *code;
	const char *label;
	const char *group;
	uint8_t		amin,
				amax;
	bool		unknown_age;
	uint8_t		cls,
				clsmask;
	bool		total;
} age_dim;

typedef struct publisher
{
	const char *name;
	const char *sep;			/* between the sex's and the age's label */
	const sex_dim *sexes;
	int			nsexes;
	const age_dim *ages;
	int			nages;
	const mr_pub_row *extra;	/* rows after the product */
	int			nextra;
} publisher;

#define NA 1, 0					/* no known age */
#define ANY_AGE 0, OPEN, true
#define NOCLS CLS_NONE, 0

/* UNHCR's demographic table: f_0_4 ... f_60, f_other, f_total, m_..., total */
static const sex_dim unhcr_sexes[] = {
	{"f", "Female", SX_F, false}, {"m", "Male", SX_M, false},
};
static const age_dim unhcr_ages[] = {
	{"0_4", "0-4", "", 0, 4, false, NOCLS, false},
	{"5_11", "5-11", "", 5, 11, false, NOCLS, false},
	{"12_17", "12-17", "", 12, 17, false, NOCLS, false},
	{"18_59", "18-59", "", 18, 59, false, NOCLS, false},
	{"60", "60 or more", "", 60, OPEN, false, NOCLS, false},
	{"other", "Unknown", "", NA, true, NOCLS, false},
	{"total", "Total", "", ANY_AGE, NOCLS, true},
};
static const mr_pub_row unhcr_extra[] = {
	/* not a UNHCR column: the persons in Total that neither sex total holds */
	{"Other or unknown sex (derived: Total - Female Total - Male Total)", "other", "total", "", false,
	SX_X | SX_UNK, ANY_AGE, NOCLS},
	{"Total", "", "total", "", true, SX_ALL, ANY_AGE, NOCLS},
};

/* Eurostat: sex T, F, M, UNK by age TOTAL, Y_LT14, Y14-17, Y_LT18, ... UNK */
static const sex_dim eurostat_sexes[] = {
	{"T", "Total", SX_ALL, true}, {"F", "Females", SX_F, false}, {"M", "Males", SX_M, false},
	{"UNK", "Unknown", SX_X | SX_UNK, false},
};
static const age_dim eurostat_ages[] = {
	{"TOTAL", "Total", "", ANY_AGE, NOCLS, true},
	{"Y_LT14", "Less than 14 years", "", 0, 13, false, NOCLS, false},
	{"Y14-17", "From 14 to 17 years", "", 14, 17, false, NOCLS, false},
	{"Y_LT18", "Less than 18 years", "", 0, 17, false, NOCLS, true},
	{"Y18-34", "From 18 to 34 years", "", 18, 34, false, NOCLS, false},
	{"Y35-64", "From 35 to 64 years", "", 35, 64, false, NOCLS, false},
	{"Y_GE65", "65 years or over", "", 65, OPEN, false, NOCLS, false},
	{"UNK", "Unknown", "", NA, true, NOCLS, false},
};

/* UPM: by sex, children by age group and travel condition, adults, total */
#define UPM_A (1 << MR_UPM_ACOMPANADO)
#define UPM_NA (1 << MR_UPM_NO_ACOMPANADO)
#define UPM_SD (1 << MR_UPM_SIN_DATO)
static const sex_dim upm_sexes[] = {
	{"Total", "Total", SX_ALL, true}, {"Hombres", "Hombres", SX_M, false},
	{"Mujeres", "Mujeres", SX_F, false}, {"No especificado", "Sexo no especificado", SX_X | SX_UNK, false},
};
static const age_dim upm_ages[] = {
	{"0-11", "0 a 11 años, acompañados", "acompañados", 0, 11, false, CLS_UPM, UPM_A, false},
	{"0-11", "0 a 11 años, no acompañados", "no acompañados", 0, 11, false, CLS_UPM, UPM_NA, false},
	{"0-11", "0 a 11 años, sin dato de acompañamiento", "sin dato", 0, 11, false, CLS_UPM, UPM_SD, false},
	{"12-17", "12 a 17 años, acompañados", "acompañados", 12, 17, false, CLS_UPM, UPM_A, false},
	{"12-17", "12 a 17 años, no acompañados", "no acompañados", 12, 17, false, CLS_UPM, UPM_NA, false},
	{"12-17", "12 a 17 años, sin dato de acompañamiento", "sin dato", 12, 17, false, CLS_UPM, UPM_SD, false},
	{"0-17", "Menores de 18 años", "", 0, 17, false, NOCLS, true},
	{"18+", "18 años y más", "", 18, OPEN, false, NOCLS, false},
	{"unknown", "Edad no especificada", "", NA, true, NOCLS, false},
	{"total", "Total", "", ANY_AGE, NOCLS, true},
};

/* CBP's demographic groups (no sex in CBP's encounter data) */
static const sex_dim no_sex[] = {{"", "", SX_ALL, false}};
static const age_dim cbp_groups[] = {
	{"", "Single Adults", "Single Adults", ANY_AGE, CLS_CBP, 1 << MR_CBP_SINGLE_ADULTS, false},
	{"", "FMUA", "FMUA", ANY_AGE, CLS_CBP, 1 << MR_CBP_FMUA, false},
	{"", "UC / Single Minors", "UC / Single Minors", ANY_AGE, CLS_CBP, 1 << MR_CBP_UC, false},
	{"", "Not classified (age or accompaniment unknown)", "not classified", ANY_AGE, CLS_CBP,
	1 << MR_CBP_NOT_CLASSIFIED, false},
	{"", "Total", "", ANY_AGE, NOCLS, true},
};

/* UNHCR/UNICEF: children by accompaniment */
static const age_dim child_groups[] = {
	{"0-17", "Accompanied", "accompanied", 0, 17, false, CLS_CHILD, 1 << MR_CHILD_ACCOMPANIED, false},
	{"0-17", "Separated", "separated", 0, 17, false, CLS_CHILD, 1 << MR_CHILD_SEPARATED, false},
	{"0-17", "Unaccompanied", "unaccompanied", 0, 17, false, CLS_CHILD, 1 << MR_CHILD_UNACCOMPANIED, false},
	{"0-17", "Accompaniment unknown", "unknown", 0, 17, false, CLS_CHILD, 1 << MR_CHILD_UNKNOWN, false},
	{"0-17", "Children (under 18)", "", 0, 17, false, NOCLS, true},
};

#define N(a) ((int) (sizeof(a) / sizeof((a)[0])))

static const publisher publishers[MR_NPUBS + 1] = {
	{NULL, NULL, NULL, 0, NULL, 0, NULL, 0},
	{"unhcr", " ", unhcr_sexes, N(unhcr_sexes), unhcr_ages, N(unhcr_ages), unhcr_extra, N(unhcr_extra)},
	{"eurostat", ", ", eurostat_sexes, N(eurostat_sexes), eurostat_ages, N(eurostat_ages), NULL, 0},
	{"upm", ", ", upm_sexes, N(upm_sexes), upm_ages, N(upm_ages), NULL, 0},
	{"cbp", "", no_sex, 1, cbp_groups, N(cbp_groups), NULL, 0},
	{"children", "", no_sex, 1, child_groups, N(child_groups), NULL, 0},
};

int
mr_publisher_by_name(const char *s, size_t len)
{
	mr_trim(&s, &len);
	for (int p = 1; p <= MR_NPUBS; p++)
		if (mr_word_equal(s, len, publishers[p].name))
			return p;
	return 0;
}

const char *
mr_publisher_name(int pub)
{
	return publishers[pub].name;
}

int
mr_publisher_of_scheme(int scheme)
{
	switch (scheme)
	{
		case MR_SCHEME_EUROSTAT:
			return MR_PUB_EUROSTAT;
		case MR_SCHEME_UPM:
			return MR_PUB_UPM;
		case MR_SCHEME_CHILD:
			return MR_PUB_CBP;
		default:
			return MR_PUB_UNHCR;
	}
}

int
mr_publisher_rows(int pub, mr_pub_row *rows)
{
	const publisher *p = &publishers[pub];
	int			n = 0;

	for (int i = 0; i < p->nsexes; i++)
		for (int j = 0; j < p->nages; j++)
		{
			const sex_dim *sx = &p->sexes[i];
			const age_dim *ag = &p->ages[j];
			mr_pub_row *r = &rows[n++];

			memset(r, 0, sizeof(*r));
			if (sx->label[0])
				snprintf(r->label, sizeof(r->label), "%s%s%s", sx->label, p->sep, ag->label);
			else
				snprintf(r->label, sizeof(r->label), "%s", ag->label);
			snprintf(r->sex, sizeof(r->sex), "%s", sx->code);
			snprintf(r->age, sizeof(r->age), "%s", ag->code);
			snprintf(r->group, sizeof(r->group), "%s", ag->group);
			r->total = sx->total || ag->total;
			r->sexmask = sx->mask;
			r->amin = ag->amin;
			r->amax = ag->amax;
			r->unknown_age = ag->unknown_age;
			r->cls = ag->cls;
			r->clsmask = ag->clsmask;
		}
	for (int k = 0; k < p->nextra; k++)
		rows[n++] = p->extra[k];
	return n;
}

static int
classify(int cls, int ageclass, int acc)
{
	switch (cls)
	{
		case CLS_CHILD:
			return mr_child_category(acc);
		case CLS_CBP:
			return mr_cbp_group(ageclass, acc);
		case CLS_UPM:
			return mr_upm_condition(acc);
		default:
			return 0;
	}
}

mr_status
mr_publisher_table(const mr_demography *d, const mr_pub_row *rows, int nrows,
				   int64_t *counts, int *badband, int *badrow)
{
	for (int r = 0; r < nrows; r++)
	{
		const mr_pub_row *row = &rows[r];
		int64_t		sum = 0;

		for (int b = 0; b < d->nbands; b++)
		{
			int			in = band_in(d, b, row->amin, row->amax, row->unknown_age);

			if (in < 0)
			{
				*badband = mr_age_band_make(d->scheme, b + 1);
				*badrow = r;
				return MR_ERR_SYNTAX;
			}
			if (in == 0)
				continue;
			for (int s = 0; s < d->nsex; s++)
			{
				if (!((row->sexmask >> s) & 1))
					continue;
				for (int a = 0; a < d->nacc; a++)
				{
					if (row->cls != CLS_NONE &&
						!((row->clsmask >> classify(row->cls, age_class(d, b), mr_accompaniment_of_index(a))) & 1))
						continue;
					if (__builtin_add_overflow(sum, d->counts[mr_demography_cell(d, s, b, a)], &sum))
						return MR_ERR_OUT_OF_RANGE;
				}
			}
		}
		counts[r] = sum;
	}
	return MR_OK;
}
