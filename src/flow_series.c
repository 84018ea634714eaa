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

#include "aggkit.h"
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

/*
 * A stored series that can be read: header, size and the stored invariants
 * (mr_flow_series_stored_valid: a series 0.1 let grow past FLOW_MAX_DAYS is
 * read, so that it can be dumped and found; it cannot come back in).
 */
static bool
flow_valid(const FlowSeries *f, Size size)
{
	return size >= FLOW_HDRSZ && (size - FLOW_HDRSZ) % sizeof(int64) == 0 &&
		f->version == FLOW_VERSION && f->flags == 0 && f->unused == 0 &&
		mr_flow_series_stored_valid(f->start, (const int64_t *) f->counts,
									(size - FLOW_HDRSZ) / sizeof(int64));
}

static FlowSeries *
flow_value(struct varlena *v)
{
	FlowSeries *f = (FlowSeries *) v;

	if (!flow_valid(f, VARSIZE(f)))
		mr_corrupt_value("flow_series");
	return f;
}

static FlowSeries *
flow_arg(FunctionCallInfo fcinfo, int argno)
{
	return flow_value(mr_detoast_arg(fcinfo, argno, false));
}

/* A series would cover more than FLOW_MAX_DAYS days: 54000, on every path. */
static void
flow_check_span(int64 first, int64 last)
{
	int64		span = last - first + 1;

	if (span > FLOW_MAX_DAYS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("flow_series would span %lld days", (long long) span),
				 errdetail("A series covers at most %d days.", FLOW_MAX_DAYS)));
}

/* The counts would add up past INT64_MAX, and total() could not read them. */
static void
flow_add_total(int64 *total, int64 more)
{
	if (pg_add_s64_overflow(*total, more, total))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("flow_series total out of range"),
				 errdetail("The counts of a series add up to at most 9223372036854775807.")));
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
			/* a count comes after the '{', a date before it */
			if (strchr(str, '{') != NULL && pos > (size_t) (strchr(str, '{') - str))
				mr_input_error(fcinfo,
							   (errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
								errmsg("value out of range in flow_series: \"%s\"", str),
								errdetail("At position %d: the counts add up to at most 9223372036854775807.",
										  (int) pos + 1)));
			else
				mr_input_error(fcinfo,
							   (errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
								errmsg("value out of range in flow_series: \"%s\"", str),
								errdetail("At position %d: the days must be finite dates.",
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
	if (!flow_valid(f, VARSIZE(f)) ||
		!mr_flow_series_values_valid(f->start, (const int64_t *) f->counts, ndays))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external flow_series value"),
				 errdetail("Days must be finite dates, at most %d of them, counts non-negative and adding up to at most 9223372036854775807, and an empty series starts at 0.",
						   FLOW_MAX_DAYS)));
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
 * `first` and has room on both sides to grow; total is their sum.  Every
 * day added is checked against FLOW_MAX_DAYS and every count against the
 * total, whether or not the array has to grow, so that whatever the state
 * holds can be stored and read back.
 */
typedef struct FlowState
{
	int32		first;
	int32		cap;
	int32		lo;
	int32		hi;
	int64		total;
	int64	   *counts;
} FlowState;

/* A new state's room, centred on its first day. */
#define FLOW_STATE_MIN_CAP 64

#ifdef USE_ASSERT_CHECKING
static void
flow_state_check(const void *state)
{
	const FlowState *s = state;
	int64		total = 0;

	Assert(s->cap >= FLOW_STATE_MIN_CAP && s->cap <= FLOW_MAX_DAYS + FLOW_STATE_MIN_CAP);
	Assert(s->first <= s->lo && s->lo <= s->hi && (int64) s->hi < (int64) s->first + s->cap);
	Assert((int64) s->hi - s->lo + 1 <= FLOW_MAX_DAYS);
	Assert(!DATE_NOT_FINITE(s->lo) && (int64) s->hi < MR_DATE_END);
	for (int32 k = 0; k < s->cap; k++)
	{
		Assert(s->counts[k] >= 0);
		Assert(s->counts[k] == 0 || (s->first + k >= s->lo && s->first + k <= s->hi));
		Assert(!pg_add_s64_overflow(total, s->counts[k], &total));
	}
	Assert(total == s->total);
}
#else
#define flow_state_check NULL
#endif

/* A state with room for days [lo, hi] (a span already checked), in cxt. */
static FlowState *
flow_state_new(MemoryContext cxt, int32 lo, int32 hi)
{
	FlowState  *s = MemoryContextAlloc(cxt, sizeof(FlowState));
	int64		span = (int64) hi - lo + 1;

	s->cap = (int32) Max(span, FLOW_STATE_MIN_CAP);
	s->first = (int32) (lo - (s->cap - span) / 2);
	s->lo = lo;
	s->hi = hi;
	s->total = 0;
	s->counts = MemoryContextAllocZero(cxt, s->cap * sizeof(int64));
	return s;
}

/* Make room for days [lo, hi] (NULL s: a new state), the span checked first. */
static FlowState *
flow_state_reserve(MemoryContext cxt, FlowState *s, int32 lo, int32 hi)
{
	if (s != NULL)
	{
		lo = Min(s->lo, lo);
		hi = Max(s->hi, hi);
	}
	flow_check_span(lo, hi);
	if (s == NULL)
		return flow_state_new(cxt, lo, hi);
	if (lo < s->first || (int64) hi >= (int64) s->first + s->cap)
	{
		/* twice the room needed, centred, so that growing stays rare */
		int64		span = (int64) hi - lo + 1,
					cap = Min(Max(span * 2, FLOW_STATE_MIN_CAP), FLOW_MAX_DAYS + FLOW_STATE_MIN_CAP);
		int32		first = (int32) (lo - (cap - span) / 2);
		int64	   *counts = MemoryContextAllocZero(cxt, cap * sizeof(int64));

		memcpy(counts + (s->lo - first), s->counts + (s->lo - s->first),
			   ((int64) s->hi - s->lo + 1) * sizeof(int64));
		pfree(s->counts);
		s->counts = counts;
		s->first = first;
		s->cap = (int32) cap;
	}
	s->lo = lo;
	s->hi = hi;
	return s;
}

/* a += b: b's days and counts into a (NULL a: a new state). */
static void *
flow_state_merge(MemoryContext cxt, void *a, const void *b)
{
	FlowState  *sa = a;
	const FlowState *sb = b;

	sa = flow_state_reserve(cxt, sa, sb->lo, sb->hi);
	/* the total first: below INT64_MAX, no single day can overflow */
	flow_add_total(&sa->total, sb->total);
	for (int32 d = sb->lo; d <= sb->hi; d++)
		sa->counts[d - sa->first] += sb->counts[d - sb->first];
	return sa;
}

/* The serialized state is the series' stored form. */
static struct varlena *
flow_state_serialize(const void *state)
{
	const FlowState *s = state;

	return (struct varlena *) flow_build(s->lo, s->counts + (s->lo - s->first), s->hi - s->lo + 1);
}

static const MrAggKit flow_kit;

static void *
flow_state_deserialize(MemoryContext cxt, const struct varlena *bytes)
{
	const FlowSeries *f = (const FlowSeries *) bytes;
	int			ndays;
	FlowState  *s;

	if (!flow_valid(f, VARSIZE(f)) || FLOW_NDAYS(f) == 0)
		mr_agg_corrupt(&flow_kit);
	ndays = FLOW_NDAYS(f);
	s = flow_state_reserve(cxt, NULL, f->start, (int32) ((int64) f->start + ndays - 1));
	for (int k = 0; k < ndays; k++)
	{
		flow_add_total(&s->total, f->counts[k]);
		s->counts[f->start + k - s->first] = f->counts[k];
	}
	return s;
}

static const MrAggKit flow_kit = {
	"flow_series", flow_state_merge, flow_state_serialize, flow_state_deserialize,
	flow_state_check
};

/* flow_series(day, n): rows with a NULL day or count are skipped. */
PG_FUNCTION_INFO_V1(flow_series_transfn);
Datum
flow_series_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext cxt;
	FlowState  *s = mr_agg_state(fcinfo, &flow_kit, &cxt);
	DateADT		day;
	int64		n;

	if (mr_agg_skip_row(fcinfo))
		MR_AGG_RETURN(s);
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
	s = flow_state_reserve(cxt, s, day, day);
	flow_add_total(&s->total, n);
	s->counts[day - s->first] += n;
	MR_AGG_RETURN(s);
}

/* combine, serialization and deserialization functions */
MR_AGG_KIT_FUNCTIONS(flow_series_combine, flow_series_serialize, flow_series_deserialize, flow_kit)

PG_FUNCTION_INFO_V1(flow_series_finalfn);
Datum
flow_series_finalfn(PG_FUNCTION_ARGS)
{
	FlowState  *s = mr_agg_final_state(fcinfo, &flow_kit);

	if (s == NULL)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(flow_build(s->lo, s->counts + (s->lo - s->first), s->hi - s->lo + 1));
}

/* ---------- reading a series ---------- */

PG_FUNCTION_INFO_V1(flow_series_total);
Datum
flow_series_total(PG_FUNCTION_ARGS)
{
	FlowSeries *f = flow_arg(fcinfo, 0);
	int64_t		total;

	if (!mr_flow_series_total((const int64_t *) f->counts, FLOW_NDAYS(f), &total))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("flow_series total out of range")));
	PG_RETURN_INT64(total);
}

/* days(series): every day of the series with its count, zeros included. */
static void
days_setup(FunctionCallInfo fcinfo, MrRows *rows)
{
	FlowSeries *f = flow_value(mr_detoast_arg(fcinfo, 0, true));

	rows->arg = f;
	rows->end = FLOW_NDAYS(f);
}

static bool
day_row(FunctionCallInfo fcinfo, void *arg, uint64 k, Datum *values, bool *nulls)
{
	FlowSeries *f = arg;

	(void) fcinfo, (void) nulls;
	values[0] = DateADTGetDatum(f->start + (int32) k);
	values[1] = Int64GetDatum(f->counts[k]);
	return true;
}

PG_FUNCTION_INFO_V1(flow_series_days);
Datum
flow_series_days(PG_FUNCTION_ARGS)
{
	return mr_srf_rows(fcinfo, days_setup, day_row);
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
 * the profile itself and departures after the series ends.  A profile with
 * every observation in the overflow gives the window with zeros; one
 * without observations, or a series without days, gives no rows.
 */
static void
forecast_setup(FunctionCallInfo fcinfo, MrRows *rows)
{
	int32		horizon = PG_GETARG_INT32(2);
	ForecastState *fs;
	bool		observed;
	int			ndays;

	if (horizon < 0 || horizon > FORECAST_MAX_HORIZON)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("horizon must be between 0 and %d days, not %d", FORECAST_MAX_HORIZON, horizon)));
	fs = palloc0(sizeof(ForecastState));
	fs->series = flow_value(mr_detoast_arg(fcinfo, 0, true));
	fs->nbins = mr_profile_probabilities(PG_GETARG_DATUM(1), fs->prob, &observed);
	ndays = FLOW_NDAYS(fs->series);
	rows->arg = fs;
	rows->end = (ndays == 0 || !observed) ? 0 : (uint64) ndays + horizon;
	if (rows->end > 0 && (int64) fs->series->start + (int64) rows->end - 1 >= MR_DATE_END)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("forecast runs past the last date PostgreSQL can store")));
}

static bool
forecast_row(FunctionCallInfo fcinfo, void *arg, uint64 k, Datum *values, bool *nulls)
{
	ForecastState *fs = arg;
	int			t = (int) k;
	int			ndays = FLOW_NDAYS(fs->series);
	double		mean = 0,
				var = 0,
				sd;

	(void) fcinfo, (void) nulls;
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
	return true;
}

PG_FUNCTION_INFO_V1(forecast_arrivals);
Datum
forecast_arrivals(PG_FUNCTION_ARGS)
{
	return mr_srf_rows(fcinfo, forecast_setup, forecast_row);
}
