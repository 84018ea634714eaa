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

#include "aggkit.h"
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

/*
 * A profile's counts, unpacked: what the aggregate keeps.  total is their
 * sum with the overflow, kept at most INT64_MAX so that every profile the
 * aggregate makes can be read (observations(), quantile() ...); no single
 * count can then overflow either.
 */
typedef struct ProfileCounts
{
	int64		counts[TRANSIT_NBINS];
	int64		overflow;
	int64		total;
} ProfileCounts;

/* The counts would add up past INT64_MAX. */
static void
total_out_of_range(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("transit_profile count out of range"),
			 errdetail("A profile holds at most 9223372036854775807 observations in all.")));
}

static void
add_total(int64 *total, int64 more)
{
	if (pg_add_s64_overflow(*total, more, total))
		total_out_of_range();
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
profile_value(struct varlena *v)
{
	TransitProfile *p = (TransitProfile *) v;

	if (!profile_valid(p, VARSIZE(p)))
		mr_corrupt_value("transit_profile");
	return p;
}

static TransitProfile *
profile_arg(FunctionCallInfo fcinfo, int argno)
{
	return profile_value(mr_detoast_arg(fcinfo, argno, false));
}

/* All observations, the overflow included (22003 for a 0.1 value past INT64_MAX). */
static int64
profile_total(const TransitProfile *p)
{
	int64		total;

	if (!mr_transit_profile_total((const int64_t *) p->counts, p->nbins, p->overflow,
								  (int64_t *) &total))
		total_out_of_range();
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
						errdetail("At position %d: days run from 0 to %d, and the counts add up to at most 9223372036854775807.",
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
	int64_t		total;

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
	if (!profile_valid(p, VARSIZE(p)) ||
		!mr_transit_profile_total((const int64_t *) p->counts, p->nbins, p->overflow, &total))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external transit_profile value"),
				 errdetail("Counts must be non-negative, add up to at most 9223372036854775807, and the last day's count be non-zero.")));
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

#ifdef USE_ASSERT_CHECKING
static void
profile_state_check(const void *state)
{
	const ProfileCounts *s = state;
	int64		total = s->overflow;

	Assert(s->overflow >= 0);
	for (int d = 0; d < TRANSIT_NBINS; d++)
	{
		Assert(s->counts[d] >= 0);
		Assert(!pg_add_s64_overflow(total, s->counts[d], &total));
	}
	Assert(total == s->total);
}
#else
#define profile_state_check NULL
#endif

/* a += b's counts, whose sum with the overflow is b_total. */
static ProfileCounts *
profile_state_add(MemoryContext cxt, ProfileCounts *a, const int64 *counts, int nbins,
				  int64 overflow, int64 b_total)
{
	if (a == NULL)
		a = MemoryContextAllocZero(cxt, sizeof(ProfileCounts));
	/* the total first: below INT64_MAX, no single count can overflow */
	add_total(&a->total, b_total);
	for (int d = 0; d < nbins; d++)
		a->counts[d] += counts[d];
	a->overflow += overflow;
	return a;
}

static void *
profile_state_merge(MemoryContext cxt, void *a, const void *b)
{
	const ProfileCounts *sb = b;

	return profile_state_add(cxt, a, sb->counts, TRANSIT_NBINS, sb->overflow, sb->total);
}

/* The serialized state is the profile's stored form. */
static struct varlena *
profile_state_serialize(const void *state)
{
	const ProfileCounts *s = state;

	return (struct varlena *) profile_build(s->counts, s->overflow);
}

static const MrAggKit profile_kit;

static void *
profile_state_deserialize(MemoryContext cxt, const struct varlena *bytes)
{
	const TransitProfile *p = (const TransitProfile *) bytes;
	int64_t		total;

	if (!profile_valid(p, VARSIZE(p)) ||
		!mr_transit_profile_total((const int64_t *) p->counts, p->nbins, p->overflow, &total))
		mr_agg_corrupt(&profile_kit);
	return profile_state_add(cxt, NULL, p->counts, p->nbins, p->overflow, total);
}

static const MrAggKit profile_kit = {
	"transit_profile", profile_state_merge, profile_state_serialize,
	profile_state_deserialize, profile_state_check
};

/* n more observations of a transit time of `days` days. */
static ProfileCounts *
profile_state_observe(MemoryContext cxt, ProfileCounts *s, int32 days, int64 n)
{
	if (days < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("transit time must not be negative: %d days", days),
				 errhint("A journey that arrives before it departs is a data error: filter it out or fix its dates.")));
	if (s == NULL)
		s = MemoryContextAllocZero(cxt, sizeof(ProfileCounts));
	/* the total first: below INT64_MAX, no single count can overflow */
	add_total(&s->total, n);
	if (days > TRANSIT_MAX_DAY)
		s->overflow += n;
	else
		s->counts[days] += n;
	return s;
}

/* transit_profile(days): one transit time; NULL is skipped. */
PG_FUNCTION_INFO_V1(transit_profile_transfn);
Datum
transit_profile_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext cxt;
	ProfileCounts *s = mr_agg_state(fcinfo, &profile_kit, &cxt);

	if (mr_agg_skip_row(fcinfo))
		MR_AGG_RETURN(s);
	s = profile_state_observe(cxt, s, PG_GETARG_INT32(1), 1);
	MR_AGG_RETURN(s);
}

/*
 * transit_profile(days, n): a count table's row, n journeys of that many
 * days; a row with a NULL is skipped, n = 0 adds nothing (but makes the
 * profile non-NULL, as a row of zero journeys was seen).
 */
PG_FUNCTION_INFO_V1(transit_profile_transfn_n);
Datum
transit_profile_transfn_n(PG_FUNCTION_ARGS)
{
	MemoryContext cxt;
	ProfileCounts *s = mr_agg_state(fcinfo, &profile_kit, &cxt);
	int64		n;

	if (mr_agg_skip_row(fcinfo))
		MR_AGG_RETURN(s);
	n = PG_GETARG_INT64(2);
	if (n < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("transit_profile counts must not be negative: %lld", (long long) n)));
	s = profile_state_observe(cxt, s, PG_GETARG_INT32(1), n);
	MR_AGG_RETURN(s);
}

/* transit_profile(profile): merge profiles computed apart. */
PG_FUNCTION_INFO_V1(transit_profile_merge_transfn);
Datum
transit_profile_merge_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext cxt;
	ProfileCounts *s = mr_agg_state(fcinfo, &profile_kit, &cxt);
	TransitProfile *p;

	if (mr_agg_skip_row(fcinfo))
		MR_AGG_RETURN(s);
	p = profile_arg(fcinfo, 1);
	s = profile_state_add(cxt, s, p->counts, p->nbins, p->overflow, profile_total(p));
	MR_AGG_RETURN(s);
}

/* combine, serialization and deserialization functions */
MR_AGG_KIT_FUNCTIONS(transit_profile_combine, transit_profile_serialize, transit_profile_deserialize, profile_kit)

PG_FUNCTION_INFO_V1(transit_profile_finalfn);
Datum
transit_profile_finalfn(PG_FUNCTION_ARGS)
{
	ProfileCounts *s = mr_agg_final_state(fcinfo, &profile_kit);

	if (s == NULL)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(profile_build(s->counts, s->overflow));
}

/* ---------- reading a profile ---------- */

PG_FUNCTION_INFO_V1(transit_profile_observations);
Datum
transit_profile_observations(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(profile_total(profile_arg(fcinfo, 0)));
}

/*
 * quantile(profile, q): as percentile_disc(q) over the observations
 * (mr_transit_profile_quantile()).  NULL when it lies in the overflow, or
 * with no data.
 */
static bool
profile_quantile(const TransitProfile *p, double q, double *result)
{
	int			day;

	if (isnan(q) || q < 0 || q > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("quantile must be between 0 and 1, not %g", q)));
	if (!mr_transit_profile_quantile((const int64_t *) p->counts, p->nbins, profile_total(p),
									 q, &day))
		return false;
	*result = day;
	return true;
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
static void
bins_setup(FunctionCallInfo fcinfo, MrRows *rows)
{
	TransitProfile *p = profile_value(mr_detoast_arg(fcinfo, 0, true));

	rows->arg = p;
	rows->end = p->nbins + 1;	/* the last row: the overflow */
}

static bool
bin_row(FunctionCallInfo fcinfo, void *arg, uint64 k, Datum *values, bool *nulls)
{
	TransitProfile *p = arg;
	int			d = (int) k;

	(void) fcinfo;
	if (d < p->nbins && p->counts[d] != 0)
	{
		values[0] = Int32GetDatum(d);
		values[1] = Int64GetDatum(p->counts[d]);
		return true;
	}
	if (d == p->nbins && p->overflow != 0)
	{
		nulls[0] = true;
		values[1] = Int64GetDatum(p->overflow);
		return true;
	}
	return false;
}

PG_FUNCTION_INFO_V1(transit_profile_bins);
Datum
transit_profile_bins(PG_FUNCTION_ARGS)
{
	return mr_srf_rows(fcinfo, bins_setup, bin_row);
}

/*
 * For forecasts: the probability of each transit time, 0..730 days, into
 * prob[]; returns how many leading entries can be non-zero, and sets
 * *observed when the profile has observations at all (those in the
 * overflow arrive after any window).
 */
int
mr_profile_probabilities(Datum profile, double *prob, bool *observed)
{
	TransitProfile *p = profile_value(PG_DETOAST_DATUM(profile));
	int64		total = profile_total(p);

	for (int d = 0; d < TRANSIT_NBINS; d++)
		prob[d] = (total > 0 && d < p->nbins) ? (double) p->counts[d] / (double) total : 0.0;
	*observed = total > 0;
	return total > 0 ? p->nbins : 0;
}
