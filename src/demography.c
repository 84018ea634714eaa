/*
 * demography.c: the demography type (varlena, see demography_io.h) and its
 * aggregates: demography(sex, age_band [, accompaniment [, count]]) counts
 * people, demography(demography) merges counts, and the accessors print a
 * publisher's table.
 *
 * The aggregates keep their state with the aggregate-state kit (aggkit.h):
 * a demography value in the aggregate's memory and the sum of its counts,
 * kept at most INT64_MAX as every way in does (so that every count of a
 * demography the aggregates make can be read); parallel (serialized as the
 * value), combinable, and with an inverse transition for moving window
 * frames.
 */
#include "migrec.h"

#include "common/int.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#if PG_VERSION_NUM >= 160000
#include "varatt.h"				/* VARSIZE: no longer in postgres.h */
#endif

#include "aggkit.h"
#include "demography_io.h"
#include "people.h"

StaticAssertDecl(offsetof(mr_demography, counts) == DEMOGRAPHY_HEADER_SIZE,
				 "the frozen demography header");
StaticAssertDecl(sizeof(mr_demography) == DEMOGRAPHY_HEADER_SIZE,
				 "demography's counts follow the header");

/* A new, empty demography of an age scheme (0: none yet), in cxt. */
static mr_demography *
demography_new(MemoryContext cxt, int scheme)
{
	size_t		size = mr_demography_size(scheme);
	mr_demography *d = MemoryContextAlloc(cxt, size);

	mr_demography_init(d, scheme);
	SET_VARSIZE(d, size);
	return d;
}

/*
 * A stored demography: every way in checks the invariants, so a value that
 * breaks them is corrupt (XX001).
 */
static mr_demography *
demography_value(struct varlena *v)
{
	mr_demography *d = (mr_demography *) v;

	if (!mr_demography_valid(d, VARSIZE(d)))
		mr_corrupt_value("demography");
	return d;
}

static mr_demography *
demography_arg(FunctionCallInfo fcinfo, int argno)
{
	return demography_value(mr_detoast_arg(fcinfo, argno, false));
}

static void
count_out_of_range(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("demography count out of range"),
			 errdetail("A demography holds at most 9223372036854775807 people in all.")));
}

/* ---- text and binary forms ---- */

PG_FUNCTION_INFO_V1(demography_in);
Datum
demography_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	mr_demography *d = palloc0(DEMOGRAPHY_MAX_SIZE);
	size_t		errpos;
	mr_status	st = mr_demography_parse(str, strlen(str), d, &errpos);

	if (st == MR_ERR_OUT_OF_RANGE)
	{
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						errmsg("count out of range in demography: \"%s\"", str),
						errdetail("At position %d: a demography holds at most 9223372036854775807 people in all.",
								  (int) errpos + 1)));
		PG_RETURN_NULL();
	}
	if (st != MR_OK)
	{
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type %s: \"%s\"", "demography", str),
						errdetail(st == MR_ERR_ORDER ? "A cell out of order at position %d: cells come in the order the value prints." :
								  st == MR_ERR_UNKNOWN ? "Unknown scheme, sex, age band or accompaniment at position %d." :
								  "Unexpected input at position %d.", (int) errpos + 1),
						errhint("A demography reads [scheme] {sex/band/accompaniment: count, ...}, e.g. unhcr {F/0-4/with_parent: 3}.")));
		PG_RETURN_NULL();
	}
	SET_VARSIZE(d, mr_demography_size(d->scheme));
	Assert(mr_demography_valid(d, VARSIZE(d)));
	PG_RETURN_POINTER(d);
}

PG_FUNCTION_INFO_V1(demography_out);
Datum
demography_out(PG_FUNCTION_ARGS)
{
	mr_demography *d = demography_arg(fcinfo, 0);
	char	   *out = mr_text_buffer(DEMOGRAPHY_TEXT_SIZE(mr_demography_ncells(d)), "demography");

	mr_demography_format(d, out);
	PG_RETURN_CSTRING(out);
}

/*
 * Binary form: version, scheme, nsex, nbands, nacc (one byte each), then
 * the counts as big-endian int8 in the stored order.
 */
PG_FUNCTION_INFO_V1(demography_recv);
Datum
demography_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version = pq_getmsgbyte(buf),
				scheme = pq_getmsgbyte(buf),
				nsex = pq_getmsgbyte(buf),
				nbands = pq_getmsgbyte(buf),
				nacc = pq_getmsgbyte(buf);
	mr_demography *d;
	size_t		ncells;

	if (version != DEMOGRAPHY_VERSION || scheme > MR_NSCHEMES || nsex != MR_NSEX ||
		nacc != MR_NACC || nbands != mr_demography_nbands(scheme))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external demography value: unknown version or dimensions")));
	d = demography_new(CurrentMemoryContext, scheme);
	ncells = mr_demography_ncells(d);
	if ((size_t) (buf->len - buf->cursor) != ncells * sizeof(int64))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external demography value: %d bytes of counts for %d cells",
						buf->len - buf->cursor, (int) ncells)));
	for (size_t i = 0; i < ncells; i++)
		d->counts[i] = pq_getmsgint64(buf);
	if (!mr_demography_valid(d, VARSIZE(d)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external demography value: negative counts, or counts adding up past 9223372036854775807")));
	PG_RETURN_POINTER(d);
}

PG_FUNCTION_INFO_V1(demography_send);
Datum
demography_send(PG_FUNCTION_ARGS)
{
	mr_demography *d = demography_arg(fcinfo, 0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, d->version);
	pq_sendbyte(&buf, d->scheme);
	pq_sendbyte(&buf, d->nsex);
	pq_sendbyte(&buf, d->nbands);
	pq_sendbyte(&buf, d->nacc);
	for (size_t i = 0; i < mr_demography_ncells(d); i++)
		pq_sendint64(&buf, d->counts[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---- the aggregates' state ---- */

typedef struct DemographyState
{
	int64		total;			/* the sum of d's counts, at most INT64_MAX */
	mr_demography *d;			/* in the aggregate's memory; replaced when
								 * the first age band sets its scheme */
} DemographyState;

#ifdef USE_ASSERT_CHECKING
static void
demography_state_check(const void *state)
{
	const DemographyState *s = state;
	int64_t		total;

	Assert(s->d != NULL && mr_demography_valid(s->d, VARSIZE(s->d)));
	Assert(mr_demography_total(s->d, &total) && total == s->total);
}
#else
#define demography_state_check NULL
#endif

static DemographyState *
state_new(MemoryContext cxt, int scheme)
{
	DemographyState *s = MemoryContextAlloc(cxt, sizeof(DemographyState));

	s->total = 0;
	s->d = demography_new(cxt, scheme);
	return s;
}

/*
 * The state's demography takes a scheme: the first age band counted sets
 * it (the counts so far go to its unknown band); two schemes never mix.
 */
static void
state_set_scheme(MemoryContext cxt, DemographyState *s, int scheme, bool merging)
{
	mr_demography *r;

	if (scheme == s->d->scheme || scheme == 0)
		return;
	if (s->d->scheme != 0)
	{
		if (merging)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot merge demographies of schemes %s and %s",
							mr_schemes[s->d->scheme].name, mr_schemes[scheme].name)));
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot count %s age bands in a demography of scheme %s",
						mr_schemes[scheme].name, mr_schemes[s->d->scheme].name),
				 errhint("A demography holds the bands of one scheme: band every row with the same scheme.")));
	}
	r = demography_new(cxt, scheme);
	mr_demography_reshape(s->d, r, scheme);
	pfree(s->d);
	s->d = r;
}

/* s += b (sign 1) or s -= b (sign -1), b holding btotal people; s NULL: empty. */
static DemographyState *
state_add(MemoryContext cxt, DemographyState *s, const mr_demography *b, int64 btotal, int sign)
{
	if (s == NULL)
		s = state_new(cxt, b->scheme);
	state_set_scheme(cxt, s, b->scheme, true);
	if (sign > 0 && pg_add_s64_overflow(s->total, btotal, &s->total))
		count_out_of_range();
	/* below a total of INT64_MAX no single count can overflow */
	if (mr_demography_add(s->d, b, sign) != MR_OK)
	{
		if (sign > 0)
			count_out_of_range();
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot remove people the demography does not hold")));
	}
	if (sign < 0)
		s->total -= btotal;
	return s;
}

static void *
demography_state_merge(MemoryContext cxt, void *a, const void *b)
{
	const DemographyState *sb = b;

	return state_add(cxt, a, sb->d, sb->total, 1);
}

/* The serialized state is the demography's stored form. */
static struct varlena *
demography_state_serialize(const void *state)
{
	const DemographyState *s = state;

	return (struct varlena *) memcpy(palloc(VARSIZE(s->d)), s->d, VARSIZE(s->d));
}

static const MrAggKit demography_kit;

static void *
demography_state_deserialize(MemoryContext cxt, const struct varlena *bytes)
{
	const mr_demography *d = (const mr_demography *) bytes;
	int64_t		total;

	if (!mr_demography_valid(d, VARSIZE(d)) || !mr_demography_total(d, &total))
		mr_agg_corrupt(&demography_kit);
	return state_add(cxt, NULL, d, total, 1);
}

static const MrAggKit demography_kit = {
	"demography", demography_state_merge, demography_state_serialize,
	demography_state_deserialize, demography_state_check
};

/*
 * Count a row (sign 1) or uncount it (sign -1): arguments state, sex,
 * age_band [, accompaniment [, count]]; NULL sex, band or accompaniment
 * count as unknown (the publishers' unknown columns), a NULL count as no
 * row.
 */
static DemographyState *
demography_step(FunctionCallInfo fcinfo, MemoryContext cxt, DemographyState *s, int sign)
{
	int			sex = PG_ARGISNULL(1) ? MR_SEX_UNKNOWN : PG_GETARG_SEX(1);
	int			acc = MR_ACC_UNKNOWN;
	int64		n = 1;
	int			band;
	int64	   *cell;

	if (PG_NARGS() > 3 && !PG_ARGISNULL(3))
		acc = PG_GETARG_ACCOMPANIMENT(3);
	if (PG_NARGS() > 4)
	{
		if (PG_ARGISNULL(4))
			return s;
		n = PG_GETARG_INT64(4);
		if (n < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("a demography count must not be negative, not %lld", (long long) n)));
	}
	if (s == NULL)
		s = state_new(cxt, 0);
	if (PG_ARGISNULL(2))
		band = mr_age_band_make(s->d->scheme, MR_BAND_UNKNOWN);
	else
	{
		band = PG_GETARG_AGE_BAND(2);
		state_set_scheme(cxt, s, mr_age_band_scheme(band), false);
	}
	cell = &s->d->counts[mr_demography_cell(s->d, mr_sex_index(sex), mr_demography_band_index(s->d, band),
											mr_accompaniment_index(acc))];
	if (sign > 0)
	{
		/* the total first: below INT64_MAX, no single count can overflow */
		if (pg_add_s64_overflow(s->total, n, &s->total))
			count_out_of_range();
		*cell += n;
	}
	else
	{
		if (*cell < n)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot remove a person the demography does not hold")));
		*cell -= n;
		s->total -= n;
	}
	return s;
}

/* sex and accompaniment values to their index + 1; 0 for other bytes */
static const uint8 sex_slot[256] = {
	[MR_SEX_F] = 1,[MR_SEX_M] = 2,[MR_SEX_X] = 3,[MR_SEX_UNKNOWN] = 4
};
static const uint8 acc_slot[256] = {
	[MR_ACC_ALONE] = 1,[MR_ACC_WITH_PARENT] = 2,[MR_ACC_WITH_RELATIVE] = 3,
	[MR_ACC_WITH_CAREGIVER] = 4,[MR_ACC_WITH_CHILD] = 5,[MR_ACC_UNKNOWN] = 6
};

StaticAssertDecl(MR_NSEX == 4 && MR_NACC == 6, "sex_slot and acc_slot cover every value");

/* demography(sex, age_band [, accompaniment [, count]]): the transition */
PG_FUNCTION_INFO_V1(demography_transfn);
Datum
demography_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext cxt;
	DemographyState *s = mr_agg_state(fcinfo, &demography_kit, &cxt);

	/*
	 * The common case first, and as short as it can be: one person, every
	 * argument given, a band of the state's scheme.  Anything else takes
	 * the general path, which checks and reports.
	 */
	if (s != NULL && PG_NARGS() == 4 && !PG_ARGISNULL(1) && !PG_ARGISNULL(2) && !PG_ARGISNULL(3))
	{
		mr_demography *d = s->d;
		int			sx = sex_slot[DatumGetUInt8(PG_GETARG_DATUM(1))],
					band = DatumGetUInt8(PG_GETARG_DATUM(2)),
					a = acc_slot[DatumGetUInt8(PG_GETARG_DATUM(3))],
					lo = mr_age_band_band(band),
					nb = d->nbands,
					b = lo == MR_BAND_UNKNOWN ? nb - 1 : lo - 1;

		if (likely(sx != 0 && a != 0 && d->scheme != 0 && mr_age_band_scheme(band) == d->scheme &&
				   (lo == MR_BAND_UNKNOWN || (b >= 0 && b < nb - 1)) && s->total < PG_INT64_MAX))
		{
			d->counts[((sx - 1) * nb + b) * MR_NACC + a - 1]++;
			s->total++;
			PG_RETURN_POINTER(s);
		}
	}
	MR_AGG_RETURN(demography_step(fcinfo, cxt, s, 1));
}

/* the inverse, for moving window frames */
PG_FUNCTION_INFO_V1(demography_inv_transfn);
Datum
demography_inv_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext cxt;
	DemographyState *s = mr_agg_state(fcinfo, &demography_kit, &cxt);

	MR_AGG_RETURN(demography_step(fcinfo, cxt, s, -1));
}

/* demography(demography): merge demographies computed apart */
static DemographyState *
merge_step(FunctionCallInfo fcinfo, int sign)
{
	MemoryContext cxt;
	DemographyState *s = mr_agg_state(fcinfo, &demography_kit, &cxt);
	mr_demography *d;
	int64_t		total;

	if (mr_agg_skip_row(fcinfo))
		return s;
	d = demography_arg(fcinfo, 1);
	mr_demography_total(d, &total); /* valid: it fits */
	return state_add(cxt, s, d, total, sign);
}

PG_FUNCTION_INFO_V1(demography_merge_transfn);
Datum
demography_merge_transfn(PG_FUNCTION_ARGS)
{
	MR_AGG_RETURN(merge_step(fcinfo, 1));
}

/* the merging aggregate's inverse, for moving window frames */
PG_FUNCTION_INFO_V1(demography_merge_inv_transfn);
Datum
demography_merge_inv_transfn(PG_FUNCTION_ARGS)
{
	MR_AGG_RETURN(merge_step(fcinfo, -1));
}

/* combine, serialization and deserialization functions */
MR_AGG_KIT_FUNCTIONS(demography_combine, demography_serialize, demography_deserialize, demography_kit)

/* The demography counted; empty (not NULL) for no rows, as every count is 0. */
PG_FUNCTION_INFO_V1(demography_finalfn);
Datum
demography_finalfn(PG_FUNCTION_ARGS)
{
	DemographyState *s = mr_agg_final_state(fcinfo, &demography_kit);

	if (s == NULL)
		PG_RETURN_POINTER(demography_new(CurrentMemoryContext, 0));
	PG_RETURN_POINTER(memcpy(palloc(VARSIZE(s->d)), s->d, VARSIZE(s->d)));
}

/* ---- accessors ---- */

/* The scheme of a demography, NULL before any age band was counted. */
PG_FUNCTION_INFO_V1(demography_scheme);
Datum
demography_scheme(PG_FUNCTION_ARGS)
{
	mr_demography *d = demography_arg(fcinfo, 0);

	if (d->scheme == 0)
		PG_RETURN_NULL();
	PG_RETURN_BYTE(d->scheme);
}

static void
band_misfit(const mr_demography *d, int band, int other)
{
	const mr_band_info *b = mr_age_band_info(band);
	char		text[AGE_BAND_TEXT_SIZE],
				otext[AGE_BAND_TEXT_SIZE];

	mr_age_band_format(band, text);
	mr_age_band_format(other, otext);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("age band %s cuts band %s of the demography", text, otext),
			 errdetail("Only bands made of whole %s bands can be counted; %s is ages %d to %s.",
					   mr_schemes[d->scheme].name, text, b->min_age,
					   b->max_age == MR_AGE_OPEN ? "any" : psprintf("%d", b->max_age))));
}

/*
 * demography_count(d, sex, age, accompaniment): the people of a sex, an age
 * band (of the demography's scheme, or of another one made of its bands)
 * and an accompaniment; a NULL filter takes all.
 */
PG_FUNCTION_INFO_V1(demography_count);
Datum
demography_count(PG_FUNCTION_ARGS)
{
	mr_demography *d;
	int			sex = 0,
				band = 0,
				acc = 0;
	int64_t		n;
	mr_status	st;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	d = demography_arg(fcinfo, 0);
	if (PG_NARGS() > 1 && !PG_ARGISNULL(1))
		sex = PG_GETARG_SEX(1);
	if (PG_NARGS() > 2 && !PG_ARGISNULL(2))
		band = PG_GETARG_AGE_BAND(2);
	if (PG_NARGS() > 3 && !PG_ARGISNULL(3))
		acc = PG_GETARG_ACCOMPANIMENT(3);
	st = mr_demography_count(d, sex, band, acc, &n);
	if (st == MR_ERR_SYNTAX)
	{
		/* find the band it cuts, for the message */
		const mr_band_info *f = mr_age_band_info(band);

		for (int b = 0; b < d->nbands - 1; b++)
		{
			const mr_band_info *o = &mr_schemes[d->scheme].bands[b];

			if (!(o->min_age >= f->min_age && o->max_age <= f->max_age) &&
				!(o->max_age < f->min_age || o->min_age > f->max_age))
				band_misfit(d, band, mr_age_band_make(d->scheme, b + 1));
		}
	}
	if (st != MR_OK)			/* a valid value's counts add up */
		mr_corrupt_value("demography");
	PG_RETURN_INT64(n);
}

/* demography_cells(d): the non-zero cells, in the value's order */
static void
cells_setup(FunctionCallInfo fcinfo, MrRows *rows)
{
	mr_demography *d = demography_value(mr_detoast_arg(fcinfo, 0, true));

	rows->arg = d;
	rows->end = mr_demography_ncells(d);
}

static bool
cell_row(FunctionCallInfo fcinfo, void *arg, uint64 i, Datum *values, bool *nulls)
{
	mr_demography *d = arg;
	int			a = i % d->nacc,
				b = (i / d->nacc) % d->nbands,
				s = i / d->nacc / d->nbands;

	(void) fcinfo;
	if (d->counts[i] == 0)
		return false;
	values[0] = UInt8GetDatum(mr_sex_of_index(s));
	nulls[1] = d->scheme == 0;
	values[1] = UInt8GetDatum(mr_age_band_make(d->scheme, b == d->nbands - 1 ? MR_BAND_UNKNOWN : b + 1));
	values[2] = UInt8GetDatum(mr_accompaniment_of_index(a));
	values[3] = Int64GetDatum(d->counts[i]);
	return true;
}

PG_FUNCTION_INFO_V1(demography_cells);
Datum
demography_cells(PG_FUNCTION_ARGS)
{
	return mr_srf_rows(fcinfo, cells_setup, cell_row);
}

typedef struct PublisherTable
{
	mr_pub_row	rows[MR_PUB_MAX_ROWS];
	int64_t		counts[MR_PUB_MAX_ROWS];
} PublisherTable;

/*
 * demography_table(d, publisher): a publisher's table (unhcr, eurostat,
 * upm, cbp, children; by default the one of d's scheme), one row per cell
 * in the publisher's order.  Totals are rows of their own, counted from
 * the people, so that rounding each row rounds them separately.
 */
static void
table_setup(FunctionCallInfo fcinfo, MrRows *rows)
{
	mr_demography *d;
	PublisherTable *t;
	int			pub,
				badband,
				badrow;
	mr_status	st;

	if (PG_ARGISNULL(0))
		return;					/* no rows */
	d = demography_arg(fcinfo, 0);
	if (PG_ARGISNULL(1))
		pub = mr_publisher_of_scheme(d->scheme);
	else
	{
		text	   *name = PG_GETARG_TEXT_PP(1);

		pub = mr_publisher_by_name(VARDATA_ANY(name), VARSIZE_ANY_EXHDR(name));
		if (pub == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown publisher table: \"%s\"", text_to_cstring(name)),
					 errhint("The tables are unhcr, eurostat, upm, cbp and children.")));
	}
	t = palloc(sizeof(PublisherTable));
	rows->end = mr_publisher_rows(pub, t->rows);
	rows->arg = t;
	st = mr_publisher_table(d, t->rows, (int) rows->end, t->counts, &badband, &badrow);
	if (st == MR_ERR_SYNTAX)
	{
		char		text[AGE_BAND_TEXT_SIZE];

		mr_age_band_format(badband, text);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the %s table cannot be drawn from %s age bands", mr_publisher_name(pub),
						mr_schemes[d->scheme].name),
				 errdetail("Band %s falls across the row \"%s\".", text, t->rows[badrow].label),
				 errhint("Count the people with an age scheme whose bands fit the table's: for %s, %s.",
						 mr_publisher_name(pub), pub == MR_PUB_UPM ? "unhcr or upm" : mr_publisher_name(pub))));
	}
	if (st != MR_OK)			/* a valid value's counts add up */
		mr_corrupt_value("demography");
}

static bool
table_row(FunctionCallInfo fcinfo, void *arg, uint64 k, Datum *values, bool *nulls)
{
	PublisherTable *t = arg;
	const mr_pub_row *r = &t->rows[k];

	(void) fcinfo;
	values[0] = Int32GetDatum((int32) k + 1);
	values[1] = PointerGetDatum(mr_utf8_to_text(r->label));
	nulls[2] = r->sex[0] == '\0';
	values[2] = nulls[2] ? (Datum) 0 : PointerGetDatum(mr_utf8_to_text(r->sex));
	nulls[3] = r->age[0] == '\0';
	values[3] = nulls[3] ? (Datum) 0 : PointerGetDatum(mr_utf8_to_text(r->age));
	nulls[4] = r->group[0] == '\0';
	values[4] = nulls[4] ? (Datum) 0 : PointerGetDatum(mr_utf8_to_text(r->group));
	values[5] = Int64GetDatum(t->counts[k]);
	values[6] = BoolGetDatum(r->total);
	return true;
}

PG_FUNCTION_INFO_V1(demography_table);
Datum
demography_table(PG_FUNCTION_ARGS)
{
	return mr_srf_rows(fcinfo, table_setup, table_row);
}
