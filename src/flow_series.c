/*
 * flow_series.c: the flow_series type (varlena), a dense daily series of
 * counts; the aggregate flow_series(day, n); and forecast_arrivals(), which
 * convolves departures upstream with a transit_profile.
 *
 * Stored layout (frozen; the version field allows a later format):
 *     int32 varlena header, uint16 version (1), uint16 flags (0)
 *     int32 start (a date), int32 unused (0), int64 counts[ndays]
 */
#include "migrec.h"

#include <math.h>

#include "common/int.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "flow_series_io.h"
#include "transit_profile_io.h"

typedef struct FlowSeries
{
	int32		vl_len_;
	uint16		version;
	uint16		flags;
	int32		start;
	int32		unused;
	int64		counts[FLEXIBLE_ARRAY_MEMBER];
} FlowSeries;

StaticAssertDecl(offsetof(FlowSeries, counts) == FLOW_SERIES_HEADER_SIZE,
				 "the frozen flow_series header");

#define FLOW_VERSION 1
#define FLOW_HDRSZ offsetof(FlowSeries, counts)
#define FLOW_NDAYS(f) ((int) ((VARSIZE(f) - FLOW_HDRSZ) / sizeof(int64)))

/* The longest forecast horizon, in days. */
#define FORECAST_MAX_HORIZON 36500
/* z for a central 80% interval of the normal distribution */
#define Z_80 1.2815515655446004

static FlowSeries *
flow_build(int32 start, const int64 *counts, int ndays)
{
	FlowSeries *f = palloc0(FLOW_HDRSZ + ndays * sizeof(int64));

	SET_VARSIZE(f, FLOW_HDRSZ + ndays * sizeof(int64));
	f->version = FLOW_VERSION;
	f->start = ndays > 0 ? start : 0;
	memcpy(f->counts, counts, ndays * sizeof(int64));
	return f;
}

static bool
flow_valid(const FlowSeries *f, Size size)
{
	return size >= FLOW_HDRSZ && (size - FLOW_HDRSZ) % sizeof(int64) == 0 &&
		f->version == FLOW_VERSION && f->flags == 0 && f->unused == 0 &&
		mr_flow_series_values_valid(f->start, (const int64_t *) f->counts,
									(size - FLOW_HDRSZ) / sizeof(int64));
}

static FlowSeries *
flow_arg(FunctionCallInfo fcinfo, int argno)
{
	FlowSeries *f = (FlowSeries *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));

	if (!flow_valid(f, VARSIZE(f)))
		elog(ERROR, "corrupt flow_series value");
	return f;
}

PG_FUNCTION_INFO_V1(flow_series_in);
Datum
flow_series_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	size_t		len = strlen(str);
	size_t		cap = Min(mr_flow_series_max_days(str, len), FLOW_MAX_DAYS + 1),
				ndays,
				pos;
	int32		start;
	int64	   *counts = palloc(cap * sizeof(int64));
	mr_status	st = mr_flow_series_parse(str, len, &start, (int64_t *) counts, cap, &ndays, &pos);

	switch (st)
	{
		case MR_OK:
			PG_RETURN_POINTER(flow_build(start, counts, (int) ndays));
		case MR_ERR_TOO_LONG:
			mr_input_error(fcinfo,
						   (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
							errmsg("flow_series too long"),
							errdetail("A series covers at most %d days.", FLOW_MAX_DAYS)));
			break;
		case MR_ERR_FIELD_RANGE:
			mr_input_error(fcinfo,
						   (errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
							errmsg("date field value out of range in flow_series: \"%s\"", str)));
			break;
		case MR_ERR_OUT_OF_RANGE:
			mr_input_error(fcinfo,
						   (errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
							errmsg("value out of range in flow_series: \"%s\"", str),
							errdetail("At position %d: the days must be finite dates, the counts at most 9223372036854775807.",
									  (int) pos + 1)));
			break;
		default:
			mr_input_error(fcinfo,
						   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							errmsg("invalid input syntax for type %s: \"%s\"", "flow_series", str),
							errdetail("Unexpected input at position %d.", (int) pos + 1),
							errhint("A flow_series reads FIRST-DAY {COUNT,COUNT,...}, for example 2021-06-01 {400,380,0,12}; {} is empty.")));
			break;
	}
	PG_RETURN_NULL();
}

PG_FUNCTION_INFO_V1(flow_series_out);
Datum
flow_series_out(PG_FUNCTION_ARGS)
{
	FlowSeries *f = flow_arg(fcinfo, 0);
	char	   *out = mr_text_buffer(FLOW_SERIES_TEXT_SIZE(FLOW_NDAYS(f)), "flow_series");

	mr_flow_series_format(f->start, (const int64_t *) f->counts, FLOW_NDAYS(f), out);
	PG_RETURN_CSTRING(out);
}

/* Binary form: version byte, int4 first day, int4 ndays, int8 counts[ndays]. */
PG_FUNCTION_INFO_V1(flow_series_recv);
Datum
flow_series_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version = pq_getmsgbyte(buf);
	int32		start = pq_getmsgint(buf, 4);
	int32		ndays = pq_getmsgint(buf, 4);
	FlowSeries *f;

	if (version != FLOW_VERSION || ndays < 0 || ndays > FLOW_MAX_DAYS ||
		(Size) ndays > (Size) (buf->len - buf->cursor) / sizeof(int64))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external flow_series value")));
	f = palloc0(FLOW_HDRSZ + ndays * sizeof(int64));
	SET_VARSIZE(f, FLOW_HDRSZ + ndays * sizeof(int64));
	f->version = FLOW_VERSION;
	f->start = start;
	for (int k = 0; k < ndays; k++)
		f->counts[k] = pq_getmsgint64(buf);
	if (!flow_valid(f, VARSIZE(f)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external flow_series value"),
				 errdetail("Days must be finite dates, counts non-negative, and an empty series starts at 0.")));
	PG_RETURN_POINTER(f);
}

PG_FUNCTION_INFO_V1(flow_series_send);
Datum
flow_series_send(PG_FUNCTION_ARGS)
{
	FlowSeries *f = flow_arg(fcinfo, 0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, FLOW_VERSION);
	pq_sendint32(&buf, f->start);
	pq_sendint32(&buf, FLOW_NDAYS(f));
	for (int k = 0; k < FLOW_NDAYS(f); k++)
		pq_sendint64(&buf, f->counts[k]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------- the aggregate ---------- */

/*
 * The state: counts for days [lo, hi], kept in an array that starts at day
 * `first` and has room on both sides to grow.
 */
typedef struct FlowState
{
	int32		first;
	int32		cap;
	int32		lo;
	int32		hi;
	int64	   *counts;
} FlowState;

/* Make room for day d, and count n more on it. */
static FlowState *
flow_state_add(MemoryContext cxt, FlowState *s, int32 d, int64 n)
{
	if (s == NULL)
	{
		s = MemoryContextAlloc(cxt, sizeof(FlowState));
		s->cap = 64;
		s->first = d - 31;
		s->lo = s->hi = d;
		s->counts = MemoryContextAllocZero(cxt, s->cap * sizeof(int64));
	}
	else if (d < s->first || d >= s->first + s->cap)
	{
		int64		lo = Min(s->lo, d),
					hi = Max(s->hi, d),
					span = hi - lo + 1,
					cap;
		int64	   *counts;

		if (span > FLOW_MAX_DAYS)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("flow_series would span %lld days", (long long) span),
					 errdetail("A series covers at most %d days.", FLOW_MAX_DAYS)));
		cap = Min(Max(span * 2, 64), FLOW_MAX_DAYS + 64);
		counts = MemoryContextAllocZero(cxt, cap * sizeof(int64));
		{
			int32		first = (int32) (lo - (cap - span) / 2);

			memcpy(counts + (s->lo - first), s->counts + (s->lo - s->first),
				   (s->hi - s->lo + 1) * sizeof(int64));
			pfree(s->counts);
			s->counts = counts;
			s->first = first;
			s->cap = (int32) cap;
		}
	}
	if (d < s->lo)
		s->lo = d;
	if (d > s->hi)
		s->hi = d;
	if (pg_add_s64_overflow(s->counts[d - s->first], n, &s->counts[d - s->first]))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("flow_series count out of range")));
	return s;
}

/* flow_series(day, n): rows with a NULL day or count are skipped. */
PG_FUNCTION_INFO_V1(flow_series_transfn);
Datum
flow_series_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = mr_aggregate_context(fcinfo, "flow_series_transfn");
	FlowState  *s = PG_ARGISNULL(0) ? NULL : (FlowState *) PG_GETARG_POINTER(0);
	DateADT		day;
	int64		n;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		if (s == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(s);
	}
	day = PG_GETARG_DATEADT(1);
	n = PG_GETARG_INT64(2);
	if (DATE_NOT_FINITE(day))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("flow_series days must be finite dates")));
	if (n < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("flow_series counts must not be negative: %lld", (long long) n)));
	PG_RETURN_POINTER(flow_state_add(cxt, s, day, n));
}

PG_FUNCTION_INFO_V1(flow_series_combine);
Datum
flow_series_combine(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = mr_aggregate_context(fcinfo, "flow_series_combine");
	FlowState  *a = PG_ARGISNULL(0) ? NULL : (FlowState *) PG_GETARG_POINTER(0);
	FlowState  *b = PG_ARGISNULL(1) ? NULL : (FlowState *) PG_GETARG_POINTER(1);

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	/* both ends of b first, so a grows once */
	a = flow_state_add(cxt, a, b->lo, b->counts[b->lo - b->first]);
	if (b->hi != b->lo)
		a = flow_state_add(cxt, a, b->hi, b->counts[b->hi - b->first]);
	for (int32 d = b->lo + 1; d < b->hi; d++)
		a = flow_state_add(cxt, a, d, b->counts[d - b->first]);
	PG_RETURN_POINTER(a);
}

/* The serialized state is the series' stored form. */
PG_FUNCTION_INFO_V1(flow_series_serialize);
Datum
flow_series_serialize(PG_FUNCTION_ARGS)
{
	FlowState  *s = (FlowState *) PG_GETARG_POINTER(0);

	(void) mr_aggregate_context(fcinfo, "flow_series_serialize");
	PG_RETURN_POINTER(flow_build(s->lo, s->counts + (s->lo - s->first), s->hi - s->lo + 1));
}

PG_FUNCTION_INFO_V1(flow_series_deserialize);
Datum
flow_series_deserialize(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = mr_aggregate_context(fcinfo, "flow_series_deserialize");
	FlowSeries *f = flow_arg(fcinfo, 0);
	FlowState  *s = NULL;
	int			ndays = FLOW_NDAYS(f);

	if (ndays == 0)
		elog(ERROR, "invalid serialized flow_series state");
	s = flow_state_add(cxt, s, f->start, f->counts[0]);
	if (ndays > 1)
		s = flow_state_add(cxt, s, f->start + ndays - 1, f->counts[ndays - 1]);
	for (int k = 1; k < ndays - 1; k++)
		s = flow_state_add(cxt, s, f->start + k, f->counts[k]);
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(flow_series_finalfn);
Datum
flow_series_finalfn(PG_FUNCTION_ARGS)
{
	FlowState  *s;

	(void) mr_aggregate_context(fcinfo, "flow_series_finalfn");
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	s = (FlowState *) PG_GETARG_POINTER(0);
	PG_RETURN_POINTER(flow_build(s->lo, s->counts + (s->lo - s->first), s->hi - s->lo + 1));
}

/* ---------- reading a series ---------- */

PG_FUNCTION_INFO_V1(flow_series_total);
Datum
flow_series_total(PG_FUNCTION_ARGS)
{
	FlowSeries *f = flow_arg(fcinfo, 0);
	int64		total = 0;

	for (int k = 0; k < FLOW_NDAYS(f); k++)
		if (pg_add_s64_overflow(total, f->counts[k], &total))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("flow_series total out of range")));
	PG_RETURN_INT64(total);
}

/* days(series): every day of the series with its count, zeros included. */
PG_FUNCTION_INFO_V1(flow_series_days);
Datum
flow_series_days(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	FlowSeries *f;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext oldcontext;

		funcctx = SRF_FIRSTCALL_INIT();
		oldcontext = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		funcctx->tuple_desc = mr_result_tupdesc(fcinfo);
		f = flow_arg(fcinfo, 0);
		if ((Pointer) f == DatumGetPointer(PG_GETARG_DATUM(0)))
			f = (FlowSeries *) memcpy(palloc(VARSIZE(f)), f, VARSIZE(f));
		funcctx->user_fctx = f;
		funcctx->max_calls = FLOW_NDAYS(f);
		MemoryContextSwitchTo(oldcontext);
	}
	funcctx = SRF_PERCALL_SETUP();
	f = (FlowSeries *) funcctx->user_fctx;
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		int			k = (int) funcctx->call_cntr;
		Datum		values[2];
		bool		nulls[2] = {0};
		Datum		row;

		values[0] = DateADTGetDatum(f->start + k);
		values[1] = Int64GetDatum(f->counts[k]);
		row = HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls));
		SRF_RETURN_NEXT(funcctx, row);
	}
	SRF_RETURN_DONE(funcctx);
}

/* ---------- forecast ---------- */

typedef struct ForecastState
{
	FlowSeries *series;
	double		prob[TRANSIT_NBINS];
	int			nbins;			/* transit times with a non-zero probability: 0..nbins-1 */
} ForecastState;

/*
 * forecast_arrivals(departures, profile, horizon): for each day from the
 * first day of the series to `horizon` days after its last, the expected
 * arrivals downstream and an 80% interval.
 *
 * The model: every departure arrives independently, after a transit time
 * drawn from the profile (a transit time in the overflow arrives after the
 * window).  The arrivals on day t are then a sum of independent Bernoulli
 * trials, with mean  sum_d dep[t-d] p(d)  and variance
 * sum_d dep[t-d] p(d) (1 - p(d));  the interval is mean +- 1.2816 sd (the
 * normal approximation), floored at zero.  It leaves out the uncertainty of
 * the profile itself and departures after the series ends.
 */
PG_FUNCTION_INFO_V1(forecast_arrivals);
Datum
forecast_arrivals(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	ForecastState *fs;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext oldcontext;
		int32		horizon = PG_GETARG_INT32(2);
		FlowSeries *f;
		int			ndays;

		if (horizon < 0 || horizon > FORECAST_MAX_HORIZON)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("horizon must be between 0 and %d days, not %d", FORECAST_MAX_HORIZON, horizon)));
		funcctx = SRF_FIRSTCALL_INIT();
		oldcontext = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		funcctx->tuple_desc = mr_result_tupdesc(fcinfo);
		fs = palloc0(sizeof(ForecastState));
		f = flow_arg(fcinfo, 0);
		if ((Pointer) f == DatumGetPointer(PG_GETARG_DATUM(0)))
			f = (FlowSeries *) memcpy(palloc(VARSIZE(f)), f, VARSIZE(f));
		fs->series = f;
		fs->nbins = mr_profile_probabilities(PG_GETARG_DATUM(1), fs->prob);
		ndays = FLOW_NDAYS(f);
		/* no departures or no profile: nothing to forecast */
		funcctx->max_calls = (ndays == 0 || fs->nbins == 0) ? 0 : ndays + horizon;
		if (funcctx->max_calls > 0 &&
			(int64) f->start + (int64) funcctx->max_calls - 1 >= MR_DATE_END)
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("forecast runs past the last date PostgreSQL can store")));
		funcctx->user_fctx = fs;
		MemoryContextSwitchTo(oldcontext);
	}
	funcctx = SRF_PERCALL_SETUP();
	fs = (ForecastState *) funcctx->user_fctx;
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		int			t = (int) funcctx->call_cntr;
		int			ndays = FLOW_NDAYS(fs->series);
		double		mean = 0,
					var = 0,
					sd;
		Datum		values[4];
		bool		nulls[4] = {0};
		Datum		row;

		for (int d = 0; d < fs->nbins && d <= t; d++)
		{
			double		dep,
						p = fs->prob[d];

			if (t - d >= ndays || p == 0)
				continue;
			dep = (double) fs->series->counts[t - d];
			mean += dep * p;
			var += dep * p * (1 - p);
		}
		sd = sqrt(var);
		values[0] = DateADTGetDatum(fs->series->start + t);
		values[1] = Float8GetDatum(mean);
		values[2] = Float8GetDatum(Max(0.0, mean - Z_80 * sd));
		values[3] = Float8GetDatum(mean + Z_80 * sd);
		row = HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls));
		SRF_RETURN_NEXT(funcctx, row);
	}
	SRF_RETURN_DONE(funcctx);
}
