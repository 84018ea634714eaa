/*
 * transit_profile.c: the transit_profile type (varlena), the empirical
 * distribution of transit times in days: exact counts for 0 to 730 days and
 * an overflow count; the aggregates that build and merge profiles; and the
 * functions that read them.
 *
 * Stored layout (frozen; the version field allows a later format):
 *     int32 varlena header, uint16 version (1), uint16 flags (0)
 *     int32 nbins (0..731: the last bin is non-zero), int32 unused (0)
 *     int64 overflow, int64 counts[nbins]
 */
#include "migrec.h"

#include "common/int.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/float.h"

#include "transit_profile_io.h"

typedef struct TransitProfile
{
	int32		vl_len_;
	uint16		version;
	uint16		flags;
	int32		nbins;
	int32		unused;
	int64		overflow;
	int64		counts[FLEXIBLE_ARRAY_MEMBER];
} TransitProfile;

StaticAssertDecl(offsetof(TransitProfile, counts) == TRANSIT_PROFILE_HEADER_SIZE,
				 "the frozen transit_profile header");

#define PROFILE_VERSION 1
#define PROFILE_HDRSZ offsetof(TransitProfile, counts)

/* A profile's counts, unpacked: what the aggregate keeps. */
typedef struct ProfileCounts
{
	int64		counts[TRANSIT_NBINS];
	int64		overflow;
} ProfileCounts;

static void
add_checked(int64 *a, int64 b)
{
	if (pg_add_s64_overflow(*a, b, a))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("transit_profile count out of range")));
}

static TransitProfile *
profile_build(const int64 *counts, int64 overflow)
{
	int			nbins = TRANSIT_NBINS;
	TransitProfile *p;

	while (nbins > 0 && counts[nbins - 1] == 0)
		nbins--;
	p = palloc0(PROFILE_HDRSZ + nbins * sizeof(int64));
	SET_VARSIZE(p, PROFILE_HDRSZ + nbins * sizeof(int64));
	p->version = PROFILE_VERSION;
	p->nbins = nbins;
	p->overflow = overflow;
	memcpy(p->counts, counts, nbins * sizeof(int64));
	return p;
}

static bool
profile_valid(const TransitProfile *p, Size size)
{
	return size >= PROFILE_HDRSZ && p->version == PROFILE_VERSION && p->flags == 0 &&
		p->unused == 0 && p->nbins >= 0 && p->nbins <= TRANSIT_NBINS &&
		size == PROFILE_HDRSZ + p->nbins * sizeof(int64) &&
		mr_transit_profile_counts_valid((const int64_t *) p->counts, p->nbins, p->overflow);
}

static TransitProfile *
profile_arg(FunctionCallInfo fcinfo, int argno)
{
	TransitProfile *p = (TransitProfile *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));

	if (!profile_valid(p, VARSIZE(p)))
		elog(ERROR, "corrupt transit_profile value");
	return p;
}

/* All observations, the overflow included. */
static int64
profile_total(const TransitProfile *p)
{
	int64		total = p->overflow;

	for (int d = 0; d < p->nbins; d++)
		add_checked(&total, p->counts[d]);
	return total;
}

PG_FUNCTION_INFO_V1(transit_profile_in);
Datum
transit_profile_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	int64		counts[TRANSIT_NBINS],
				overflow;
	size_t		pos;
	mr_status	st = mr_transit_profile_parse(str, strlen(str), (int64_t *) counts,
											  (int64_t *) &overflow, &pos);

	if (st == MR_ERR_OUT_OF_RANGE)
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						errmsg("value out of range in transit_profile: \"%s\"", str),
						errdetail("At position %d: days run from 0 to %d, counts up to 9223372036854775807.",
								  (int) pos + 1, TRANSIT_MAX_DAY)));
	else if (st != MR_OK)
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid input syntax for type %s: \"%s\"", "transit_profile", str),
						errdetail(st == MR_ERR_ORDER ? "At position %d: days are listed in ascending order, the overflow last." :
								  "Unexpected input at position %d.", (int) pos + 1),
						errhint("A transit_profile reads {DAYS:COUNT, ..., >%d:COUNT}, for example {27:3, 30:5, >%d:1}.",
								TRANSIT_MAX_DAY, TRANSIT_MAX_DAY)));
	if (st != MR_OK)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(profile_build(counts, overflow));
}

PG_FUNCTION_INFO_V1(transit_profile_out);
Datum
transit_profile_out(PG_FUNCTION_ARGS)
{
	TransitProfile *p = profile_arg(fcinfo, 0);
	char	   *out = mr_text_buffer(TRANSIT_PROFILE_TEXT_SIZE(p->nbins), "transit_profile");

	mr_transit_profile_format((const int64_t *) p->counts, p->nbins, p->overflow, out);
	PG_RETURN_CSTRING(out);
}

/* Binary form: version byte, int4 nbins, int8 overflow, int8 counts[nbins]. */
PG_FUNCTION_INFO_V1(transit_profile_recv);
Datum
transit_profile_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version = pq_getmsgbyte(buf);
	int32		nbins = pq_getmsgint(buf, 4);
	TransitProfile *p;

	if (version != PROFILE_VERSION || nbins < 0 || nbins > TRANSIT_NBINS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external transit_profile value")));
	p = palloc0(PROFILE_HDRSZ + nbins * sizeof(int64));
	SET_VARSIZE(p, PROFILE_HDRSZ + nbins * sizeof(int64));
	p->version = PROFILE_VERSION;
	p->nbins = nbins;
	p->overflow = pq_getmsgint64(buf);
	for (int d = 0; d < nbins; d++)
		p->counts[d] = pq_getmsgint64(buf);
	if (!profile_valid(p, VARSIZE(p)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external transit_profile value"),
				 errdetail("Counts must be non-negative, and the last day's count non-zero.")));
	PG_RETURN_POINTER(p);
}

PG_FUNCTION_INFO_V1(transit_profile_send);
Datum
transit_profile_send(PG_FUNCTION_ARGS)
{
	TransitProfile *p = profile_arg(fcinfo, 0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, PROFILE_VERSION);
	pq_sendint32(&buf, p->nbins);
	pq_sendint64(&buf, p->overflow);
	for (int d = 0; d < p->nbins; d++)
		pq_sendint64(&buf, p->counts[d]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------- aggregates ---------- */

/* transit_profile(days): one transit time; NULL is skipped. */
PG_FUNCTION_INFO_V1(transit_profile_transfn);
Datum
transit_profile_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = mr_aggregate_context(fcinfo, "transit_profile_transfn");
	ProfileCounts *s = PG_ARGISNULL(0) ? NULL : (ProfileCounts *) PG_GETARG_POINTER(0);
	int32		days;

	if (PG_ARGISNULL(1))
	{
		if (s == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(s);
	}
	days = PG_GETARG_INT32(1);
	if (days < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("transit time must not be negative: %d days", days),
				 errhint("A journey that arrives before it departs is a data error: filter it out or fix its dates.")));
	if (s == NULL)
		s = MemoryContextAllocZero(cxt, sizeof(ProfileCounts));
	if (days > TRANSIT_MAX_DAY)
		s->overflow++;
	else
		s->counts[days]++;
	PG_RETURN_POINTER(s);
}

/* transit_profile(profile): merge profiles computed apart. */
PG_FUNCTION_INFO_V1(transit_profile_merge_transfn);
Datum
transit_profile_merge_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = mr_aggregate_context(fcinfo, "transit_profile_merge_transfn");
	ProfileCounts *s = PG_ARGISNULL(0) ? NULL : (ProfileCounts *) PG_GETARG_POINTER(0);
	TransitProfile *p;

	if (PG_ARGISNULL(1))
	{
		if (s == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(s);
	}
	p = profile_arg(fcinfo, 1);
	if (s == NULL)
		s = MemoryContextAllocZero(cxt, sizeof(ProfileCounts));
	for (int d = 0; d < p->nbins; d++)
		add_checked(&s->counts[d], p->counts[d]);
	add_checked(&s->overflow, p->overflow);
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(transit_profile_combine);
Datum
transit_profile_combine(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = mr_aggregate_context(fcinfo, "transit_profile_combine");
	ProfileCounts *a = PG_ARGISNULL(0) ? NULL : (ProfileCounts *) PG_GETARG_POINTER(0);
	ProfileCounts *b = PG_ARGISNULL(1) ? NULL : (ProfileCounts *) PG_GETARG_POINTER(1);

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
	{
		a = MemoryContextAlloc(cxt, sizeof(ProfileCounts));
		memcpy(a, b, sizeof(ProfileCounts));
		PG_RETURN_POINTER(a);
	}
	for (int d = 0; d < TRANSIT_NBINS; d++)
		add_checked(&a->counts[d], b->counts[d]);
	add_checked(&a->overflow, b->overflow);
	PG_RETURN_POINTER(a);
}

/* The serialized state is the profile's stored form. */
PG_FUNCTION_INFO_V1(transit_profile_serialize);
Datum
transit_profile_serialize(PG_FUNCTION_ARGS)
{
	ProfileCounts *s = (ProfileCounts *) PG_GETARG_POINTER(0);

	(void) mr_aggregate_context(fcinfo, "transit_profile_serialize");
	PG_RETURN_POINTER(profile_build(s->counts, s->overflow));
}

PG_FUNCTION_INFO_V1(transit_profile_deserialize);
Datum
transit_profile_deserialize(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = mr_aggregate_context(fcinfo, "transit_profile_deserialize");
	TransitProfile *p = profile_arg(fcinfo, 0);
	ProfileCounts *s = MemoryContextAllocZero(cxt, sizeof(ProfileCounts));

	memcpy(s->counts, p->counts, p->nbins * sizeof(int64));
	s->overflow = p->overflow;
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(transit_profile_finalfn);
Datum
transit_profile_finalfn(PG_FUNCTION_ARGS)
{
	(void) mr_aggregate_context(fcinfo, "transit_profile_finalfn");
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	PG_RETURN_POINTER(profile_build(((ProfileCounts *) PG_GETARG_POINTER(0))->counts,
									((ProfileCounts *) PG_GETARG_POINTER(0))->overflow));
}

/* ---------- reading a profile ---------- */

PG_FUNCTION_INFO_V1(transit_profile_observations);
Datum
transit_profile_observations(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(profile_total(profile_arg(fcinfo, 0)));
}

/*
 * quantile(profile, q): as percentile_disc(q) over the observations: the
 * first value whose position in the ordering reaches ceil(q * N) (the first
 * value for q = 0).  NULL when it lies in the overflow, or with no data.
 */
static bool
profile_quantile(const TransitProfile *p, double q, double *result)
{
	int64		total = profile_total(p),
				rownum,
				cum = 0;

	if (isnan(q) || q < 0 || q > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("quantile must be between 0 and 1, not %g", q)));
	if (total == 0)
		return false;
	rownum = (int64) ceil(q * (double) total);
	if (rownum < 1)
		rownum = 1;
	for (int d = 0; d < p->nbins; d++)
	{
		cum += p->counts[d];
		if (cum >= rownum)
		{
			*result = d;
			return true;
		}
	}
	return false;				/* in the overflow: longer than 730 days */
}

PG_FUNCTION_INFO_V1(transit_profile_quantile);
Datum
transit_profile_quantile(PG_FUNCTION_ARGS)
{
	double		result;

	if (!profile_quantile(profile_arg(fcinfo, 0), PG_GETARG_FLOAT8(1), &result))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(result);
}

PG_FUNCTION_INFO_V1(transit_profile_median);
Datum
transit_profile_median(PG_FUNCTION_ARGS)
{
	double		result;

	if (!profile_quantile(profile_arg(fcinfo, 0), 0.5, &result))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(result);
}

/*
 * share_within(profile, days): the share of observations of at most `days`
 * days; NULL with no data, or beyond 730 days while the overflow is not empty.
 */
PG_FUNCTION_INFO_V1(transit_profile_share_within);
Datum
transit_profile_share_within(PG_FUNCTION_ARGS)
{
	TransitProfile *p = profile_arg(fcinfo, 0);
	int32		days = PG_GETARG_INT32(1);
	int64		total = profile_total(p),
				within = 0;

	if (days < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("days must not be negative: %d", days)));
	if (total == 0 || (days > TRANSIT_MAX_DAY && p->overflow > 0))
		PG_RETURN_NULL();
	for (int d = 0; d < p->nbins && d <= days; d++)
		within += p->counts[d];
	PG_RETURN_FLOAT8((double) within / (double) total);
}

/* bins(profile): the days with observations, and the overflow as NULL days. */
PG_FUNCTION_INFO_V1(transit_profile_bins);
Datum
transit_profile_bins(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	TransitProfile *p;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext oldcontext;

		funcctx = SRF_FIRSTCALL_INIT();
		oldcontext = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		funcctx->tuple_desc = mr_result_tupdesc(fcinfo);
		p = profile_arg(fcinfo, 0);
		if ((Pointer) p == DatumGetPointer(PG_GETARG_DATUM(0)))
			p = (TransitProfile *) memcpy(palloc(VARSIZE(p)), p, VARSIZE(p));
		funcctx->user_fctx = p;
		funcctx->max_calls = p->nbins + 1;	/* the last call: the overflow */
		MemoryContextSwitchTo(oldcontext);
	}
	funcctx = SRF_PERCALL_SETUP();
	p = (TransitProfile *) funcctx->user_fctx;
	while (funcctx->call_cntr < funcctx->max_calls)
	{
		int			d = (int) funcctx->call_cntr;
		Datum		values[2];
		bool		nulls[2] = {0};

		if (d < p->nbins && p->counts[d] != 0)
		{
			values[0] = Int32GetDatum(d);
			values[1] = Int64GetDatum(p->counts[d]);
			SRF_RETURN_NEXT(funcctx,
							HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
		}
		if (d == p->nbins && p->overflow != 0)
		{
			nulls[0] = true;
			values[1] = Int64GetDatum(p->overflow);
			SRF_RETURN_NEXT(funcctx,
							HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
		}
		funcctx->call_cntr++;
	}
	SRF_RETURN_DONE(funcctx);
}

/* For forecasts: the probability of each transit time, 0..730 days. */
int
mr_profile_probabilities(Datum profile, double *prob)
{
	TransitProfile *p = (TransitProfile *) PG_DETOAST_DATUM(profile);
	int64		total;

	if (!profile_valid(p, VARSIZE(p)))
		elog(ERROR, "corrupt transit_profile value");
	total = profile_total(p);
	for (int d = 0; d < TRANSIT_NBINS; d++)
		prob[d] = (total > 0 && d < p->nbins) ? (double) p->counts[d] / (double) total : 0.0;
	return total > 0 ? p->nbins : 0;
}
