/*
 * route_segment.c: the route_segment type (16 bytes, by reference): a leg
 * of a journey from one place to another, with its departure and arrival
 * dates when known.
 */
#include "migrec.h"

#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "route_io.h"
#include "route.h"

StaticAssertDecl(sizeof(mr_route_segment) == ROUTE_SEGMENT_INTERNALLENGTH,
				 "route_segment is INTERNALLENGTH 16 bytes");
StaticAssertDecl(ROUTE_DATE_UNKNOWN == DATEVAL_NOEND,
				 "an unknown leg date is stored as the date 'infinity'");

void
mr_report_route_error(FunctionCallInfo fcinfo, const char *type, const char *str,
					  mr_status st, size_t pos)
{
	switch (st)
	{
		case MR_ERR_ORDER:
			mr_input_error(fcinfo,
						   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							errmsg("invalid input syntax for type %s: \"%s\"", type, str),
							errdetail("Legs are listed by departure date, legs with an unknown departure last.")));
			break;
		case MR_ERR_ARRIVES_FIRST:
			/* as core's ranges report bounds the wrong way round */
			mr_input_error(fcinfo,
						   (errcode(ERRCODE_DATA_EXCEPTION),
							errmsg("leg arrives before it departs: \"%s\"", str),
							errdetail("The leg dated at position %d arrives before it departs.",
									  (int) pos + 1)));
			break;
		case MR_ERR_FIELD_RANGE:
			mr_input_error(fcinfo,
						   (errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
							errmsg("date field value out of range in %s: \"%s\"", type, str),
							errdetail("At position %d.", (int) pos + 1)));
			break;
		case MR_ERR_OUT_OF_RANGE:
			mr_input_error(fcinfo,
						   (errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
							errmsg("date out of range in %s: \"%s\"", type, str),
							errdetail("At position %d; leg dates are finite dates that PostgreSQL can store.",
									  (int) pos + 1)));
			break;
		case MR_ERR_UNKNOWN_COUNTRY:
		case MR_ERR_UNKNOWN_SUBDIVISION:
			mr_input_error(fcinfo,
						   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							errmsg("invalid input syntax for type %s: \"%s\"", type, str),
							errdetail("Unknown %s at position %d.",
									  st == MR_ERR_UNKNOWN_COUNTRY ? "country" : "ISO 3166-2 subdivision",
									  (int) pos + 1)));
			break;
		case MR_ERR_TOO_LONG:
			mr_input_error(fcinfo,
						   (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
							errmsg("%s has too many legs", type)));
			break;
		default:
			mr_input_error(fcinfo,
						   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							errmsg("invalid input syntax for type %s: \"%s\"", type, str),
							errdetail("Unexpected input at position %d.", (int) pos + 1),
							errhint("A leg reads ORIGIN -> DESTINATION [DEPARTED,ARRIVED], dates optional: CO NCI -> PA-5 [2021-08-01,2021-08-09]%s.",
									strcmp(type, "route") == 0 ? "; a route lists legs in braces: {LEG, LEG}" : "")));
			break;
	}
}

PG_FUNCTION_INFO_V1(route_segment_in);
Datum
route_segment_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	mr_route_segment *seg = palloc(sizeof(mr_route_segment));
	size_t		used,
				pos;
	mr_status	st = mr_route_segment_parse(str, strlen(str), true, seg, &used, &pos);

	if (st != MR_OK)
	{
		mr_report_route_error(fcinfo, "route_segment", str, st, pos);
		PG_RETURN_NULL();
	}
	PG_RETURN_POINTER(seg);
}

PG_FUNCTION_INFO_V1(route_segment_out);
Datum
route_segment_out(PG_FUNCTION_ARGS)
{
	char	   *out = palloc(ROUTE_SEGMENT_TEXT_SIZE);

	mr_route_segment_format(PG_GETARG_ROUTE_SEGMENT(0), out);
	PG_RETURN_CSTRING(out);
}

/*
 * Binary form: origin and destination places (int4 each), then departure
 * and arrival dates (int4 each, days since 2000-01-01; 'infinity' for
 * unknown).
 */
void
mr_route_segment_recv(StringInfo buf, mr_route_segment *seg)
{
	seg->origin = pq_getmsgint(buf, 4);
	seg->destination = pq_getmsgint(buf, 4);
	seg->departed = pq_getmsgint(buf, 4);
	seg->arrived = pq_getmsgint(buf, 4);
	if (!mr_route_segment_valid(seg))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external route_segment value"),
				 errdetail("Places must be valid, dates finite and in range or unknown, and arrival not before departure.")));
}

void
mr_route_segment_send(StringInfo buf, const mr_route_segment *seg)
{
	pq_sendint32(buf, seg->origin);
	pq_sendint32(buf, seg->destination);
	pq_sendint32(buf, seg->departed);
	pq_sendint32(buf, seg->arrived);
}

PG_FUNCTION_INFO_V1(route_segment_recv);
Datum
route_segment_recv(PG_FUNCTION_ARGS)
{
	mr_route_segment *seg = palloc(sizeof(mr_route_segment));

	mr_route_segment_recv((StringInfo) PG_GETARG_POINTER(0), seg);
	PG_RETURN_POINTER(seg);
}

PG_FUNCTION_INFO_V1(route_segment_send);
Datum
route_segment_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	mr_route_segment_send(&buf, PG_GETARG_ROUTE_SEGMENT(0));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* route_segment(from, to, departed DEFAULT NULL, arrived DEFAULT NULL) */
PG_FUNCTION_INFO_V1(route_segment_make);
Datum
route_segment_make(PG_FUNCTION_ARGS)
{
	mr_route_segment *seg;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	seg = palloc(sizeof(mr_route_segment));
	seg->origin = PG_GETARG_PLACE(0);
	seg->destination = PG_GETARG_PLACE(1);
	seg->departed = PG_ARGISNULL(2) ? ROUTE_DATE_UNKNOWN : PG_GETARG_DATEADT(2);
	seg->arrived = PG_ARGISNULL(3) ? ROUTE_DATE_UNKNOWN : PG_GETARG_DATEADT(3);
	if ((!PG_ARGISNULL(2) && DATE_NOT_FINITE(seg->departed)) ||
		(!PG_ARGISNULL(3) && DATE_NOT_FINITE(seg->arrived)))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("leg dates must be finite")));
	if (route_date_known(seg->departed) && route_date_known(seg->arrived) &&
		seg->arrived < seg->departed)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("leg arrives before it departs"),
				 errdetail("Departed %s, arrived %s.",
						   DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(seg->departed))),
						   DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(seg->arrived))))));
	PG_RETURN_POINTER(seg);
}

PG_FUNCTION_INFO_V1(route_segment_origin);
Datum
route_segment_origin(PG_FUNCTION_ARGS)
{
	PG_RETURN_PLACE(PG_GETARG_ROUTE_SEGMENT(0)->origin);
}

PG_FUNCTION_INFO_V1(route_segment_destination);
Datum
route_segment_destination(PG_FUNCTION_ARGS)
{
	PG_RETURN_PLACE(PG_GETARG_ROUTE_SEGMENT(0)->destination);
}

PG_FUNCTION_INFO_V1(route_segment_departed);
Datum
route_segment_departed(PG_FUNCTION_ARGS)
{
	int32		d = PG_GETARG_ROUTE_SEGMENT(0)->departed;

	if (!route_date_known(d))
		PG_RETURN_NULL();
	PG_RETURN_DATEADT(d);
}

PG_FUNCTION_INFO_V1(route_segment_arrived);
Datum
route_segment_arrived(PG_FUNCTION_ARGS)
{
	int32		d = PG_GETARG_ROUTE_SEGMENT(0)->arrived;

	if (!route_date_known(d))
		PG_RETURN_NULL();
	PG_RETURN_DATEADT(d);
}

PG_FUNCTION_INFO_V1(route_segment_transit_days);
Datum
route_segment_transit_days(PG_FUNCTION_ARGS)
{
	mr_route_segment *seg = PG_GETARG_ROUTE_SEGMENT(0);

	if (!route_date_known(seg->departed) || !route_date_known(seg->arrived))
		PG_RETURN_NULL();
	PG_RETURN_INT32(seg->arrived - seg->departed);
}

PG_FUNCTION_INFO_V1(route_segment_crosses_border);
Datum
route_segment_crosses_border(PG_FUNCTION_ARGS)
{
	mr_route_segment *seg = PG_GETARG_ROUTE_SEGMENT(0);

	PG_RETURN_BOOL(place_country2(seg->origin) != place_country2(seg->destination));
}

/* comparison */

PG_FUNCTION_INFO_V1(route_segment_cmp_fn);
Datum
route_segment_cmp_fn(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(mr_route_segment_cmp(PG_GETARG_ROUTE_SEGMENT(0), PG_GETARG_ROUTE_SEGMENT(1)));
}

#define SEGMENT_CMP_OP(name, op) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(mr_route_segment_cmp(PG_GETARG_ROUTE_SEGMENT(0), PG_GETARG_ROUTE_SEGMENT(1)) op 0); \
}

SEGMENT_CMP_OP(route_segment_eq, ==)
SEGMENT_CMP_OP(route_segment_ne, !=)
SEGMENT_CMP_OP(route_segment_lt, <)
SEGMENT_CMP_OP(route_segment_le, <=)
SEGMENT_CMP_OP(route_segment_gt, >)
SEGMENT_CMP_OP(route_segment_ge, >=)

static int
segment_fastcmp(Datum a, Datum b, SortSupport ssup)
{
	(void) ssup;
	return mr_route_segment_cmp((mr_route_segment *) DatumGetPointer(a), (mr_route_segment *) DatumGetPointer(b));
}

PG_FUNCTION_INFO_V1(route_segment_sortsupport);
Datum
route_segment_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ssup->comparator = segment_fastcmp;
	PG_RETURN_VOID();
}

/*
 * Hash: the four fields as 16 bytes in a fixed byte order, so the value
 * does not depend on the platform (hash partitions must not move).
 */
static uint64
segment_hash(const mr_route_segment *seg, uint64 seed)
{
	unsigned char bytes[16];
	int32		f[4] = {seg->origin, seg->destination, seg->departed, seg->arrived};

	for (int k = 0; k < 4; k++)
	{
		uint32		v = (uint32) f[k];

		bytes[4 * k] = (unsigned char) (v >> 24);
		bytes[4 * k + 1] = (unsigned char) (v >> 16);
		bytes[4 * k + 2] = (unsigned char) (v >> 8);
		bytes[4 * k + 3] = (unsigned char) v;
	}
	return DatumGetUInt64(hash_any_extended(bytes, 16, seed));
}

PG_FUNCTION_INFO_V1(route_segment_hash);
Datum
route_segment_hash(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32((int32) segment_hash(PG_GETARG_ROUTE_SEGMENT(0), 0));
}

PG_FUNCTION_INFO_V1(route_segment_hash_extended);
Datum
route_segment_hash_extended(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64((int64) segment_hash(PG_GETARG_ROUTE_SEGMENT(0), PG_GETARG_INT64(1)));
}

/* The lesser and the greater of two legs in btree order, for min() and max(). */
PG_FUNCTION_INFO_V1(route_segment_smaller);
Datum
route_segment_smaller(PG_FUNCTION_ARGS)
{
	mr_route_segment *a = PG_GETARG_ROUTE_SEGMENT(0),
			   *b = PG_GETARG_ROUTE_SEGMENT(1);

	PG_RETURN_POINTER(mr_route_segment_cmp(a, b) <= 0 ? a : b);
}

PG_FUNCTION_INFO_V1(route_segment_larger);
Datum
route_segment_larger(PG_FUNCTION_ARGS)
{
	mr_route_segment *a = PG_GETARG_ROUTE_SEGMENT(0),
			   *b = PG_GETARG_ROUTE_SEGMENT(1);

	PG_RETURN_POINTER(mr_route_segment_cmp(a, b) >= 0 ? a : b);
}
