/*
 * demography.c: the demography type (varlena, see demography_io.h) and its
 * aggregates: demography(sex, age_band [, accompaniment [, count]]) counts
 * people, demography(demography) merges counts, and the accessors print a
 * publisher's table.
 *
 * decision_tally's pattern: the state is the type itself, so parallel
 * query needs no serialization, the combine function adds, the inverse
 * transition subtracts (window frames cost O(1) a row), and transition
 * functions update the state in place when called as aggregates.  The
 * state handling is in the four functions under "state" below, so that it
 * can move to a shared aggregate-state kit.
 */
#include "migrec.h"

#include "common/int.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "accompaniment_io.h"
#include "age_band_io.h"
#include "demography_io.h"
#include "sex_io.h"

StaticAssertDecl(offsetof(mr_demography, counts) == 16, "demography's counts start at byte 16");
StaticAssertDecl(sizeof(mr_demography) == 16, "demography's header is 16 bytes");

#define DatumGetDemography(d) ((mr_demography *) PG_DETOAST_DATUM(d))

/* ---- state ---- */

/* A new, empty demography of an age scheme (0: none yet), palloc'd. */
static mr_demography *
demography_new(int scheme)
{
	size_t		size = mr_demography_size(scheme);
	mr_demography *d = palloc(size);

	mr_demography_init(d, scheme);
	SET_VARSIZE(d, size);
	return d;
}

/*
 * A demography argument, detoasted and checked: a stored value that this
 * version cannot read is corrupt (XX001).
 */
static mr_demography *
demography_arg(FunctionCallInfo fcinfo, int n)
{
	mr_demography *d = DatumGetDemography(PG_GETARG_DATUM(n));

	if (!mr_demography_valid(d, VARSIZE(d)))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid demography value")));
	return d;
}

/*
 * The state to update: inside an aggregate the state argument itself (it
 * lives in the aggregate's memory and nobody else sees it), otherwise a
 * copy; a NULL state is an empty demography.
 */
static mr_demography *
demography_state(FunctionCallInfo fcinfo, int n)
{
	mr_demography *d;

	if (PG_ARGISNULL(n))
		return demography_new(0);
	if (AggCheckCallContext(fcinfo, NULL))
	{
		/* the aggregate's own state (never toasted): checked by its header, not its counts */
		d = (mr_demography *) PG_GETARG_POINTER(n);
		if (VARATT_IS_EXTENDED(d) || d->version != MR_DEMOGRAPHY_VERSION || d->scheme > MR_NSCHEMES ||
			d->nbands != mr_demography_nbands(d->scheme) || d->nsex != MR_NSEX || d->nacc != MR_NACC ||
			VARSIZE(d) != mr_demography_size(d->scheme))
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("invalid demography value")));
		return d;
	}
	d = demography_arg(fcinfo, n);
	if ((Pointer) d == DatumGetPointer(PG_GETARG_DATUM(n)))
		d = (mr_demography *) memcpy(palloc(VARSIZE(d)), d, VARSIZE(d));
	return d;
}

/*
 * d, or a new value with d's counts if d has no age scheme yet and scheme
 * is one (the first age band counted sets it); two schemes never mix.
 */
static mr_demography *
demography_for_scheme(mr_demography *d, int scheme)
{
	mr_demography *r;

	if (scheme == d->scheme || scheme == 0)
		return d;
	if (d->scheme != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot count %s age bands in a demography of scheme %s",
						mr_schemes[scheme].name, mr_schemes[d->scheme].name),
				 errhint("A demography holds the bands of one scheme: band every row with the same scheme.")));
	r = demography_new(scheme);
	mr_demography_reshape(d, r, scheme);
	return r;
}

/* ---- text and binary forms ---- */

PG_FUNCTION_INFO_V1(demography_in);
Datum
demography_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	mr_demography *d = palloc0(MR_DEMOGRAPHY_MAX_SIZE);
	size_t		errpos;
	mr_status	st = demography_parse(str, strlen(str), d, &errpos);

	if (st == MR_ERR_OUT_OF_RANGE)
	{
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						errmsg("count out of range in demography: \"%s\"", str)));
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
	PG_RETURN_POINTER(d);
}

PG_FUNCTION_INFO_V1(demography_out);
Datum
demography_out(PG_FUNCTION_ARGS)
{
	mr_demography *d = demography_arg(fcinfo, 0);
	char	   *out = palloc(demography_text_size(d));

	demography_format(d, out);
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

	if (version != MR_DEMOGRAPHY_VERSION || scheme > MR_NSCHEMES || nsex != MR_NSEX ||
		nacc != MR_NACC || nbands != mr_demography_nbands(scheme))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external demography value: unknown version or dimensions")));
	d = demography_new(scheme);
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
				 errmsg("invalid external demography value: negative count")));
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

/* ---- transition functions ---- */

static pg_noinline void
corrupt_value(const char *type, int v)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("invalid %s value %d", type, v)));
}

/* One-byte arguments, checked: only a corrupt datum fails. */
static inline int
sex_arg(FunctionCallInfo fcinfo, int n)
{
	int			v = DatumGetUInt8(PG_GETARG_DATUM(n));

	if (unlikely(!mr_sex_valid(v)))
		corrupt_value("sex", v);
	return v;
}

static inline int
band_arg(FunctionCallInfo fcinfo, int n)
{
	int			v = DatumGetUInt8(PG_GETARG_DATUM(n));

	if (unlikely(!mr_age_band_valid(v)))
		corrupt_value("age_band", v);
	return v;
}

static inline int
acc_arg(FunctionCallInfo fcinfo, int n)
{
	int			v = DatumGetUInt8(PG_GETARG_DATUM(n));

	if (unlikely(!mr_accompaniment_valid(v)))
		corrupt_value("accompaniment", v);
	return v;
}

/*
 * Count a row (sign 1) or uncount it (sign -1): arguments state, sex,
 * age_band [, accompaniment [, count]]; NULL sex, band or accompaniment
 * count as unknown, a NULL count as no row.
 */
static Datum
demography_step(FunctionCallInfo fcinfo, int sign)
{
	mr_demography *d = demography_state(fcinfo, 0);
	int			sex = PG_ARGISNULL(1) ? MR_SEX_UNKNOWN : sex_arg(fcinfo, 1);
	int			acc = MR_ACC_UNKNOWN;
	int64		n = 1;
	int			band;
	int64	   *cell;

	if (PG_NARGS() > 3 && !PG_ARGISNULL(3))
		acc = acc_arg(fcinfo, 3);
	if (PG_NARGS() > 4)
	{
		if (PG_ARGISNULL(4))
			PG_RETURN_POINTER(d);
		n = PG_GETARG_INT64(4);
		if (n < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("a demography count must not be negative, not %lld", (long long) n)));
	}
	if (PG_ARGISNULL(2))
		band = mr_age_band_make(d->scheme, MR_BAND_UNKNOWN);
	else
	{
		band = band_arg(fcinfo, 2);
		d = demography_for_scheme(d, mr_age_band_scheme(band));
	}
	cell = &d->counts[mr_demography_cell(d, mr_sex_index(sex), mr_demography_band_index(d, band),
										 mr_accompaniment_index(acc))];
	if (sign > 0)
	{
		if (pg_add_s64_overflow(*cell, n, cell))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("demography count out of range")));
	}
	else
	{
		if (*cell < n)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot remove a person the demography does not hold")));
		*cell -= n;
	}
	PG_RETURN_POINTER(d);
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

/* demography_add(state, sex, age_band [, accompaniment [, count]]) */
PG_FUNCTION_INFO_V1(demography_add);
Datum
demography_add(PG_FUNCTION_ARGS)
{
	/*
	 * The common case first, and as short as it can be: one person, every
	 * argument given, a band of the state's scheme, in a plain aggregate
	 * (whose state is the aggregate's own: updated in place).  Anything
	 * else takes the general path, which checks and reports.
	 */
	if (PG_NARGS() == 4 && !PG_ARGISNULL(0) && !PG_ARGISNULL(1) && !PG_ARGISNULL(2) &&
		!PG_ARGISNULL(3) && fcinfo->context && IsA(fcinfo->context, AggState))
	{
		mr_demography *d = (mr_demography *) PG_GETARG_POINTER(0);
		int			s = sex_slot[DatumGetUInt8(PG_GETARG_DATUM(1))],
					band = DatumGetUInt8(PG_GETARG_DATUM(2)),
					a = acc_slot[DatumGetUInt8(PG_GETARG_DATUM(3))],
					lo = band & 0xF,
					nb = d->nbands,
					b = lo == MR_BAND_UNKNOWN ? nb - 1 : lo - 1;

		if (likely(s != 0 && a != 0 && (band >> 4) == d->scheme && d->scheme != 0 &&
				   (lo == MR_BAND_UNKNOWN || (b >= 0 && b < nb - 1)) &&
				   !VARATT_IS_EXTENDED(d) && d->version == MR_DEMOGRAPHY_VERSION &&
				   d->nsex == MR_NSEX && d->nacc == MR_NACC && nb == mr_demography_nbands(d->scheme) &&
				   VARSIZE(d) == mr_demography_size(d->scheme)))
		{
			/* one a row: 2^63 rows are out of reach, as for decision_tally */
			d->counts[((s - 1) * nb + b) * MR_NACC + a - 1]++;
			PG_RETURN_POINTER(d);
		}
	}
	return demography_step(fcinfo, 1);
}

/* demography_remove(...): the inverse, for moving window frames */
PG_FUNCTION_INFO_V1(demography_remove);
Datum
demography_remove(PG_FUNCTION_ARGS)
{
	return demography_step(fcinfo, -1);
}

/* a + b (sign 1) or a - b (sign -1); either may be NULL (empty). */
static Datum
demography_combine(FunctionCallInfo fcinfo, int sign)
{
	mr_demography *a,
			   *b;
	mr_status	st;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_POINTER(demography_state(fcinfo, 0));
	}
	b = demography_arg(fcinfo, 1);
	a = demography_state(fcinfo, 0);
	if (b->scheme != 0 && a->scheme != 0 && b->scheme != a->scheme)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot merge demographies of schemes %s and %s",
						mr_schemes[a->scheme].name, mr_schemes[b->scheme].name)));
	a = demography_for_scheme(a, b->scheme);
	st = mr_demography_add(a, b, sign);
	if (st == MR_ERR_OUT_OF_RANGE)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("demography count out of range")));
	if (st != MR_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot remove people the demography does not hold")));
	PG_RETURN_POINTER(a);
}

/*
 * demography_merge(a, b): the sum; the combine function and the transition
 * of the merging aggregate.
 */
PG_FUNCTION_INFO_V1(demography_merge);
Datum
demography_merge(PG_FUNCTION_ARGS)
{
	return demography_combine(fcinfo, 1);
}

/* demography_unmerge(a, b): a - b, the merging aggregate's inverse */
PG_FUNCTION_INFO_V1(demography_unmerge);
Datum
demography_unmerge(PG_FUNCTION_ARGS)
{
	return demography_combine(fcinfo, -1);
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
	PG_RETURN_DATUM(UInt8GetDatum(d->scheme));
}

static void
band_misfit(const mr_demography *d, int band, int other)
{
	const mr_band_info *b = mr_age_band_info(band);
	char		text[MR_AGE_BAND_TEXT_SIZE],
				otext[MR_AGE_BAND_TEXT_SIZE];

	age_band_format(band, text);
	age_band_format(other, otext);
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
	int64		n;
	mr_status	st;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	d = demography_arg(fcinfo, 0);
	if (PG_NARGS() > 1 && !PG_ARGISNULL(1))
		sex = sex_arg(fcinfo, 1);
	if (PG_NARGS() > 2 && !PG_ARGISNULL(2))
		band = band_arg(fcinfo, 2);
	if (PG_NARGS() > 3 && !PG_ARGISNULL(3))
		acc = acc_arg(fcinfo, 3);
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
	if (st != MR_OK)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("demography count out of range")));
	PG_RETURN_INT64(n);
}

/* demography_cells(d): the non-zero cells, in the value's order */
PG_FUNCTION_INFO_V1(demography_cells);
Datum
demography_cells(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	mr_demography *d;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext oldcontext;

		funcctx = SRF_FIRSTCALL_INIT();
		oldcontext = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		funcctx->tuple_desc = mr_result_tupdesc(fcinfo);
		funcctx->user_fctx = demography_arg(fcinfo, 0);
		if ((Pointer) funcctx->user_fctx == DatumGetPointer(PG_GETARG_DATUM(0)))
			funcctx->user_fctx = memcpy(palloc(VARSIZE(funcctx->user_fctx)), funcctx->user_fctx,
										VARSIZE(funcctx->user_fctx));
		MemoryContextSwitchTo(oldcontext);
	}
	funcctx = SRF_PERCALL_SETUP();
	d = (mr_demography *) funcctx->user_fctx;
	/* call_cntr walks the cells; SRF_RETURN_NEXT steps it */
	while (funcctx->call_cntr < mr_demography_ncells(d))
	{
		size_t		i = funcctx->call_cntr;

		if (d->counts[i] != 0)
		{
			int			a = i % d->nacc,
						b = (i / d->nacc) % d->nbands,
						s = i / d->nacc / d->nbands;
			Datum		values[4];
			bool		nulls[4] = {0};

			values[0] = UInt8GetDatum(mr_sex_of_index(s));
			nulls[1] = d->scheme == 0;
			values[1] = UInt8GetDatum(mr_age_band_make(d->scheme, b == d->nbands - 1 ? MR_BAND_UNKNOWN : b + 1));
			values[2] = UInt8GetDatum(mr_accompaniment_of_index(a));
			values[3] = Int64GetDatum(d->counts[i]);
			SRF_RETURN_NEXT(funcctx,
							HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
		}
		funcctx->call_cntr++;
	}
	SRF_RETURN_DONE(funcctx);
}

typedef struct table_state
{
	mr_pub_row	rows[MR_PUB_MAX_ROWS];
	int64		counts[MR_PUB_MAX_ROWS];
	int			nrows;
} table_state;

/*
 * demography_table(d, publisher): a publisher's table (unhcr, eurostat,
 * upm, cbp, children; by default the one of d's scheme), one row per cell
 * in the publisher's order.  Totals are rows of their own, counted from
 * the people, so that rounding each row rounds them separately.
 */
PG_FUNCTION_INFO_V1(demography_table);
Datum
demography_table(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	table_state *ts;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext oldcontext;
		mr_demography *d;
		int			pub,
					badband,
					badrow;
		mr_status	st;

		if (PG_ARGISNULL(0))
		{
			funcctx = SRF_FIRSTCALL_INIT();
			SRF_RETURN_DONE(funcctx);
		}
		d = demography_arg(fcinfo, 0);
		if (PG_ARGISNULL(1))
			pub = mr_publisher_of_scheme(d->scheme);
		else
		{
			text	   *t = PG_GETARG_TEXT_PP(1);

			pub = mr_publisher_by_name(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
			if (pub == 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("unknown publisher table: \"%s\"", text_to_cstring(t)),
						 errhint("The tables are unhcr, eurostat, upm, cbp and children.")));
		}
		funcctx = SRF_FIRSTCALL_INIT();
		oldcontext = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		funcctx->tuple_desc = mr_result_tupdesc(fcinfo);
		ts = palloc(sizeof(table_state));
		ts->nrows = mr_publisher_rows(pub, ts->rows);
		MemoryContextSwitchTo(oldcontext);
		st = mr_publisher_table(d, ts->rows, ts->nrows, ts->counts, &badband, &badrow);
		if (st == MR_ERR_SYNTAX)
		{
			char		text[MR_AGE_BAND_TEXT_SIZE];

			age_band_format(badband, text);
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("the %s table cannot be drawn from %s age bands", mr_publisher_name(pub),
							mr_schemes[d->scheme].name),
					 errdetail("Band %s falls across the row \"%s\".", text, ts->rows[badrow].label),
					 errhint("Count the people with an age scheme whose bands fit the table's: for %s, %s.",
							 mr_publisher_name(pub), pub == MR_PUB_UPM ? "unhcr or upm" : mr_publisher_name(pub))));
		}
		if (st != MR_OK)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("demography count out of range")));
		funcctx->user_fctx = ts;
	}
	funcctx = SRF_PERCALL_SETUP();
	ts = (table_state *) funcctx->user_fctx;
	if (funcctx->call_cntr < (uint64) ts->nrows)
	{
		const mr_pub_row *r = &ts->rows[funcctx->call_cntr];
		Datum		values[7];
		bool		nulls[7] = {0};

		values[0] = Int32GetDatum((int32) funcctx->call_cntr + 1);
		values[1] = PointerGetDatum(mr_utf8_to_text(r->label));
		nulls[2] = r->sex[0] == '\0';
		values[2] = nulls[2] ? (Datum) 0 : PointerGetDatum(mr_utf8_to_text(r->sex));
		nulls[3] = r->age[0] == '\0';
		values[3] = nulls[3] ? (Datum) 0 : PointerGetDatum(mr_utf8_to_text(r->age));
		nulls[4] = r->group[0] == '\0';
		values[4] = nulls[4] ? (Datum) 0 : PointerGetDatum(mr_utf8_to_text(r->group));
		values[5] = Int64GetDatum(ts->counts[funcctx->call_cntr]);
		values[6] = BoolGetDatum(r->total);
		SRF_RETURN_NEXT(funcctx,
						HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}
