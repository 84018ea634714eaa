/*
 * route.c: the route type (varlena), a journey of legs in canonical order;
 * the route_agg aggregate; the functions on journeys; and the GIN operator
 * class behind route @> place and route && place[].
 *
 * Stored layout (frozen; the version field allows a later format):
 *     int32 varlena header
 *     uint16 version (1), uint16 flags (0)
 *     mr_route_segment legs[n]     16 bytes each, in canonical order
 */
#include "migrec.h"

#include "access/gin.h"
#include "access/stratnum.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/lsyscache.h"

#include "aggkit.h"
#include "route.h"

typedef struct Route
{
	int32		vl_len_;
	uint16		version;
	uint16		flags;
	mr_route_segment legs[FLEXIBLE_ARRAY_MEMBER];
} Route;

StaticAssertDecl(offsetof(Route, legs) == ROUTE_HEADER_SIZE, "the frozen route header");

#define ROUTE_VERSION 1
#define ROUTE_HDRSZ offsetof(Route, legs)
#define ROUTE_MAX_LEGS ((MaxAllocSize - ROUTE_HDRSZ) / sizeof(mr_route_segment))
#define ROUTE_N(r) ((int) ((VARSIZE(r) - ROUTE_HDRSZ) / sizeof(mr_route_segment)))

#define AssertCheckLegs(legs, n, canonical) Assert(legs_valid((legs), (n), (canonical)))
static bool legs_valid(const mr_route_segment *legs, Size n, bool canonical);

/* GIN strategies */
#define ROUTE_CONTAINS_STRATEGY 7	/* route @> place */
#define ROUTE_OVERLAPS_STRATEGY 3	/* route && place[] */

static void
check_route_size(Size n)
{
	if (n > ROUTE_MAX_LEGS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("route too large: %zu legs", (size_t) n),
				 errdetail("A route holds at most %zu legs.", (size_t) ROUTE_MAX_LEGS)));
}

static Route *
route_alloc(Size n)
{
	Size		size = ROUTE_HDRSZ + n * sizeof(mr_route_segment);
	Route	   *r;

	check_route_size(n);
	r = palloc(size);
	SET_VARSIZE(r, size);
	r->version = ROUTE_VERSION;
	r->flags = 0;
	return r;
}

/*
 * A stored value's header and size, checked before anything reads it (the
 * legs themselves in assert builds; out and send check them always).
 */
static Route *
route_value(struct varlena *v)
{
	Route	   *r = (Route *) v;

	if (VARSIZE(r) < ROUTE_HDRSZ || (VARSIZE(r) - ROUTE_HDRSZ) % sizeof(mr_route_segment) != 0 ||
		r->version != ROUTE_VERSION || r->flags != 0)
		mr_corrupt_value("route");
	AssertCheckLegs(r->legs, ROUTE_N(r), true);
	return r;
}

static Route *
route_arg(FunctionCallInfo fcinfo, int argno)
{
	return route_value(mr_detoast_arg(fcinfo, argno, false));
}

/* Are these legs valid, and (canonical) in canonical order? */
static bool
legs_valid(const mr_route_segment *legs, Size n, bool canonical)
{
	for (Size k = 0; k < n; k++)
		if (!mr_route_segment_valid(&legs[k]))
			return false;
	return !canonical || mr_route_is_canonical(legs, n);
}

/* A route whose legs are valid too: what out and send read. */
static Route *
route_arg_checked(FunctionCallInfo fcinfo, int argno)
{
	Route	   *r = route_arg(fcinfo, argno);

	if (!legs_valid(r->legs, ROUTE_N(r), true))
		mr_corrupt_value("route");
	return r;
}

/* ---------- input and output ---------- */

PG_FUNCTION_INFO_V1(route_in);
Datum
route_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	size_t		len = strlen(str);
	size_t		cap = mr_route_max_segments(str, len),
				n,
				pos;
	mr_route_segment *segs;
	mr_status	st;
	Route	   *r;

	if (cap > ROUTE_MAX_LEGS)
	{
		/* softly, as the parser's errors: pg_input_is_valid() answers */
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						errmsg("route too large"),
						errdetail("The text has %zu legs (->); a route holds at most %zu.",
								  cap, (size_t) ROUTE_MAX_LEGS)));
		PG_RETURN_NULL();
	}
	segs = palloc(Max(cap, 1) * sizeof(mr_route_segment));
	st = mr_route_parse(str, len, segs, cap, &n, &pos);
	if (st != MR_OK)
	{
		mr_report_route_error(fcinfo, "route", str, st, pos);
		PG_RETURN_NULL();
	}
	r = route_alloc(n);
	memcpy(r->legs, segs, n * sizeof(mr_route_segment));
	PG_RETURN_POINTER(r);
}

PG_FUNCTION_INFO_V1(route_out);
Datum
route_out(PG_FUNCTION_ARGS)
{
	Route	   *r = route_arg_checked(fcinfo, 0);
	char	   *out = mr_text_buffer(ROUTE_TEXT_SIZE(ROUTE_N(r)), "route");

	mr_route_format(r->legs, ROUTE_N(r), out);
	PG_RETURN_CSTRING(out);
}

/* Binary form: a version byte (1), an int4 count, then each leg as route_segment's. */
PG_FUNCTION_INFO_V1(route_recv);
Datum
route_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version = pq_getmsgbyte(buf);
	int32		n = pq_getmsgint(buf, 4);
	Route	   *r;

	if (version != ROUTE_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported route binary version %d", version)));
	if (n < 0 || (Size) n > (Size) (buf->len - buf->cursor) / sizeof(mr_route_segment))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid route leg count %d", n)));
	r = route_alloc(n);
	for (int k = 0; k < n; k++)
		mr_route_segment_recv(buf, &r->legs[k]);
	if (!mr_route_is_canonical(r->legs, n))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external route value"),
				 errdetail("Legs must be in departure order, unknown departures last.")));
	PG_RETURN_POINTER(r);
}

PG_FUNCTION_INFO_V1(route_send);
Datum
route_send(PG_FUNCTION_ARGS)
{
	Route	   *r = route_arg_checked(fcinfo, 0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, ROUTE_VERSION);
	pq_sendint32(&buf, ROUTE_N(r));
	for (int k = 0; k < ROUTE_N(r); k++)
		mr_route_segment_send(&buf, &r->legs[k]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static Route *
route_from_legs(mr_route_segment *legs, Size n)
{
	Route	   *r = route_alloc(n);

	memcpy(r->legs, legs, n * sizeof(mr_route_segment));
	if (!mr_route_is_canonical(r->legs, n))
		mr_route_sort(r->legs, n, palloc(n * sizeof(mr_route_segment)));
	return r;
}

/* route(route_segment[]): the journey of these legs (NULL elements skipped). */
PG_FUNCTION_INFO_V1(route_from_array);
Datum
route_from_array(PG_FUNCTION_ARGS)
{
	ArrayType  *a = PG_GETARG_ARRAYTYPE_P(0);
	Datum	   *elems;
	bool	   *nulls;
	int			nelems;
	int16		typlen;
	bool		typbyval;
	char		typalign;
	mr_route_segment *legs;
	Size		n = 0;

	get_typlenbyvalalign(ARR_ELEMTYPE(a), &typlen, &typbyval, &typalign);
	deconstruct_array(a, ARR_ELEMTYPE(a), typlen, typbyval, typalign, &elems, &nulls, &nelems);
	check_route_size(nelems);
	legs = palloc(Max(nelems, 1) * sizeof(mr_route_segment));
	for (int k = 0; k < nelems; k++)
		if (!nulls[k])
			legs[n++] = *(mr_route_segment *) DatumGetPointer(elems[k]);
	PG_RETURN_POINTER(route_from_legs(legs, n));
}

/* ---------- route_agg ---------- */

typedef struct RouteState
{
	uint32		n;
	uint32		cap;
	mr_route_segment legs[FLEXIBLE_ARRAY_MEMBER];	/* in input order */
} RouteState;

/* Room for the first legs of a traveller, before the state grows. */
#define ROUTE_STATE_MIN_CAP 7

#ifdef USE_ASSERT_CHECKING
static void
route_state_check(const void *state)
{
	const RouteState *s = state;

	Assert(s->n <= s->cap && s->cap >= 1 && s->cap <= ROUTE_MAX_LEGS);
	AssertCheckLegs(s->legs, s->n, false);
}
#else
#define route_state_check NULL
#endif

/*
 * One allocation per traveller, sized to fill its allocator chunk: under a
 * HashAggregate with a million groups, a second chunk for the legs and the
 * pointer chase to it cost more than the copying.
 */
static Size
route_state_cap(Size n)
{
	Size		bytes = pg_nextpower2_size_t(offsetof(RouteState, legs) + Max(n, 1) * sizeof(mr_route_segment));
	Size		cap = (bytes - offsetof(RouteState, legs)) / sizeof(mr_route_segment);

	return Min(cap, ROUTE_MAX_LEGS);
}

static RouteState *
route_state_new(MemoryContext cxt, Size n)
{
	Size		cap;
	RouteState *s;

	check_route_size(n);
	cap = route_state_cap(Max(n, ROUTE_STATE_MIN_CAP));
	s = MemoryContextAlloc(cxt, offsetof(RouteState, legs) + cap * sizeof(mr_route_segment));
	s->n = 0;
	s->cap = cap;
	return s;
}

/*
 * Appends n legs; NULL s: a new state in cxt.  The state may move, so use
 * the result (repalloc keeps the chunk's context, the aggregate's).
 */
static RouteState *
route_state_append(MemoryContext cxt, RouteState *s, const mr_route_segment *legs, Size n)
{
	if (s == NULL)
		s = route_state_new(cxt, n);
	if (s->n + n > s->cap)
	{
		Size		cap;

		check_route_size(s->n + n);
		cap = route_state_cap(Max(s->n + n, (Size) s->cap * 2));
		s = repalloc(s, offsetof(RouteState, legs) + cap * sizeof(mr_route_segment));
		s->cap = cap;
	}
	memcpy(s->legs + s->n, legs, n * sizeof(mr_route_segment));
	s->n += n;
	return s;
}

static void *
route_state_merge(MemoryContext cxt, void *a, const void *b)
{
	const RouteState *sb = b;

	return route_state_append(cxt, a, sb->legs, sb->n);
}

/* Serialized state: the legs in input order, 16 bytes each. */
static struct varlena *
route_state_serialize(const void *state)
{
	const RouteState *s = state;
	Size		size = VARHDRSZ + s->n * sizeof(mr_route_segment);
	bytea	   *b = palloc(size);

	SET_VARSIZE(b, size);
	memcpy(VARDATA(b), s->legs, s->n * sizeof(mr_route_segment));
	return b;
}

static const MrAggKit route_kit;

static void *
route_state_deserialize(MemoryContext cxt, const struct varlena *bytes)
{
	Size		len = VARSIZE(bytes) - VARHDRSZ,
				n = len / sizeof(mr_route_segment);
	RouteState *s;

	if (len % sizeof(mr_route_segment) != 0)
		mr_agg_corrupt(&route_kit);
	s = route_state_new(cxt, n);
	memcpy(s->legs, VARDATA(bytes), len);
	s->n = n;
	if (!legs_valid(s->legs, n, false))
		mr_agg_corrupt(&route_kit);
	return s;
}

static const MrAggKit route_kit = {
	"route_agg", route_state_merge, route_state_serialize, route_state_deserialize,
	route_state_check
};

PG_FUNCTION_INFO_V1(route_agg_transfn);
Datum
route_agg_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext cxt;
	RouteState *s = mr_agg_state(fcinfo, &route_kit, &cxt);

	if (mr_agg_skip_row(fcinfo))
		MR_AGG_RETURN(s);
	if (s != NULL && s->n < s->cap)
		s->legs[s->n++] = *PG_GETARG_ROUTE_SEGMENT(1);
	else
		s = route_state_append(cxt, s, PG_GETARG_ROUTE_SEGMENT(1), 1);
	MR_AGG_RETURN(s);
}

/* route_agg(route): the journey of several partial routes of one traveller. */
PG_FUNCTION_INFO_V1(route_agg_merge_transfn);
Datum
route_agg_merge_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext cxt;
	RouteState *s = mr_agg_state(fcinfo, &route_kit, &cxt);
	Route	   *r;

	if (mr_agg_skip_row(fcinfo))
		MR_AGG_RETURN(s);
	r = route_arg_checked(fcinfo, 1);
	s = route_state_append(cxt, s, r->legs, ROUTE_N(r));
	MR_AGG_RETURN(s);
}

/* combine, serialization and deserialization functions */
MR_AGG_KIT_FUNCTIONS(route_agg_combine, route_agg_serialize, route_agg_deserialize, route_kit)

PG_FUNCTION_INFO_V1(route_agg_finalfn);
Datum
route_agg_finalfn(PG_FUNCTION_ARGS)
{
	RouteState *s = mr_agg_final_state(fcinfo, &route_kit);

	if (s == NULL)
		PG_RETURN_NULL();
	/* a copy: the state must stay as it is (the final function is read-only) */
	PG_RETURN_POINTER(route_from_legs(s->legs, s->n));
}

/* ---------- functions on journeys ---------- */

PG_FUNCTION_INFO_V1(route_length);
Datum
route_length(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(ROUTE_N(route_arg(fcinfo, 0)));
}

PG_FUNCTION_INFO_V1(route_is_continuous);
Datum
route_is_continuous(PG_FUNCTION_ARGS)
{
	Route	   *r = route_arg(fcinfo, 0);

	PG_RETURN_BOOL(mr_route_continuous(r->legs, ROUTE_N(r)));
}

PG_FUNCTION_INFO_V1(route_origin);
Datum
route_origin(PG_FUNCTION_ARGS)
{
	Route	   *r = route_arg(fcinfo, 0);

	if (ROUTE_N(r) == 0)
		PG_RETURN_NULL();
	PG_RETURN_PLACE(r->legs[0].origin);
}

PG_FUNCTION_INFO_V1(route_destination);
Datum
route_destination(PG_FUNCTION_ARGS)
{
	Route	   *r = route_arg(fcinfo, 0);

	if (ROUTE_N(r) == 0)
		PG_RETURN_NULL();
	PG_RETURN_PLACE(r->legs[ROUTE_N(r) - 1].destination);
}

/* Days from the first departure to the last arrival; NULL if either is unknown. */
PG_FUNCTION_INFO_V1(route_total_days);
Datum
route_total_days(PG_FUNCTION_ARGS)
{
	Route	   *r = route_arg(fcinfo, 0);
	int			n = ROUTE_N(r);

	if (n == 0 || !route_date_known(r->legs[0].departed) ||
		!route_date_known(r->legs[n - 1].arrived))
		PG_RETURN_NULL();
	PG_RETURN_INT32(r->legs[n - 1].arrived - r->legs[0].departed);
}

/*
 * The journey's stops: the first origin (with its departure date as the
 * date it was there), then each leg's destination with its arrival date.
 */
static void
route_stop(Route *r, int i, int32 *place, int32 *date)
{
	if (i == 0)
	{
		*place = r->legs[0].origin;
		*date = r->legs[0].departed;
	}
	else
	{
		*place = r->legs[i - 1].destination;
		*date = r->legs[i - 1].arrived;
	}
}

/*
 * days_between(route, a, b): days from the first stop within a to the first
 * later stop within b; NULL if the journey does not reach both, or a date
 * is unknown.
 */
PG_FUNCTION_INFO_V1(route_days_between);
Datum
route_days_between(PG_FUNCTION_ARGS)
{
	Route	   *r = route_arg(fcinfo, 0);
	int32		a = PG_GETARG_PLACE(1),
				b = PG_GETARG_PLACE(2);
	int			nstops = ROUTE_N(r) == 0 ? 0 : ROUTE_N(r) + 1;
	int			i;
	int32		pa,
				da = 0,
				pb,
				db;

	for (i = 0; i < nstops; i++)
	{
		route_stop(r, i, &pa, &da);
		if (mr_place_within(pa, a))
			break;
	}
	if (i >= nstops)
		PG_RETURN_NULL();
	for (i++; i < nstops; i++)
	{
		route_stop(r, i, &pb, &db);
		if (mr_place_within(pb, b))
		{
			if (!route_date_known(da) || !route_date_known(db))
				PG_RETURN_NULL();
			PG_RETURN_INT32(db - da);
		}
	}
	PG_RETURN_NULL();
}

static ArrayType *
place_array(Datum *elems, int n, Oid elemtype)
{
	int16		typlen;
	bool		typbyval;
	char		typalign;

	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
	return construct_array(elems, n, elemtype, typlen, typbyval, typalign);
}

/* The element type of the function's array result. */
static Oid
result_elemtype(FunctionCallInfo fcinfo)
{
	Oid			rettype = get_fn_expr_rettype(fcinfo->flinfo);
	Oid			elemtype = OidIsValid(rettype) ? get_element_type(rettype) : InvalidOid;

	if (!OidIsValid(elemtype))
		elog(ERROR, "could not determine the result type");
	return elemtype;
}

/* places(route): the stops in order, repeats of the same place in a row removed. */
PG_FUNCTION_INFO_V1(route_places);
Datum
route_places(PG_FUNCTION_ARGS)
{
	Route	   *r = route_arg(fcinfo, 0);
	int			nstops = ROUTE_N(r) == 0 ? 0 : ROUTE_N(r) + 1;
	Datum	   *elems = palloc(Max(nstops * 2, 1) * sizeof(Datum));
	int			n = 0;

	for (int k = 0; k < ROUTE_N(r); k++)
	{
		/* a discontinuity puts the next origin in the list too */
		int32		stops[2] = {r->legs[k].origin, r->legs[k].destination};

		for (int j = 0; j < 2; j++)
			if (n == 0 || DatumGetPlace(elems[n - 1]) != stops[j])
				elems[n++] = PlaceGetDatum(stops[j]);
	}
	PG_RETURN_ARRAYTYPE_P(place_array(elems, n, result_elemtype(fcinfo)));
}

/* Countries of the stops in order, repeats in a row removed. */
static int
route_country_list(Route *r, Datum *elems)
{
	int			n = 0;

	for (int k = 0; k < ROUTE_N(r); k++)
	{
		int32		stops[2] = {r->legs[k].origin, r->legs[k].destination};

		for (int j = 0; j < 2; j++)
		{
			int			idx = mr_place_country_entry(stops[j]);
			Datum		c;

			if (idx < 0)
				mr_corrupt_value("route");
			c = NationalityGetDatum(mr_countries[idx].code);
			if (n == 0 || DatumGetNationality(elems[n - 1]) != DatumGetNationality(c))
				elems[n++] = c;
		}
	}
	return n;
}

PG_FUNCTION_INFO_V1(route_countries);
Datum
route_countries(PG_FUNCTION_ARGS)
{
	Route	   *r = route_arg(fcinfo, 0);
	Datum	   *elems = palloc(Max(ROUTE_N(r) * 2, 1) * sizeof(Datum));
	int			n = route_country_list(r, elems);

	PG_RETURN_ARRAYTYPE_P(place_array(elems, n, result_elemtype(fcinfo)));
}

/* The countries crossed without the first origin's and the last destination's. */
PG_FUNCTION_INFO_V1(route_transit_countries);
Datum
route_transit_countries(PG_FUNCTION_ARGS)
{
	Route	   *r = route_arg(fcinfo, 0);
	Datum	   *elems = palloc(Max(ROUTE_N(r) * 2, 1) * sizeof(Datum));
	int			n = route_country_list(r, elems);

	if (n <= 2)
		n = 0;
	else
	{
		elems++;
		n -= 2;
	}
	PG_RETURN_ARRAYTYPE_P(place_array(elems, n, result_elemtype(fcinfo)));
}

/* segments(route): the legs in order. */
static void
segments_setup(FunctionCallInfo fcinfo, MrRows *rows)
{
	Route	   *r = route_value(mr_detoast_arg(fcinfo, 0, true));

	rows->arg = r;
	rows->end = ROUTE_N(r);
	rows->scalar = true;
}

static bool
segment_row(FunctionCallInfo fcinfo, void *arg, uint64 k, Datum *values, bool *nulls)
{
	Route	   *r = arg;

	(void) fcinfo, (void) nulls;
	values[0] = PointerGetDatum(&r->legs[k]);
	return true;
}

PG_FUNCTION_INFO_V1(route_segments);
Datum
route_segments(PG_FUNCTION_ARGS)
{
	return mr_srf_rows(fcinfo, segments_setup, segment_row);
}

/* ---------- containment and its GIN operator class ---------- */

/*
 * The keys of a place: itself, its country, and for a subdivision its
 * ISO 3166-2 ancestors.  A route contains p exactly when p is a key of one
 * of its stops, so the index answers without rechecking.  At most
 * PLACE_MAX_KEYS of them (ISO 3166-2 nests two levels at most).
 */
#define PLACE_MAX_KEYS 8

static int
place_keys(int32 p, int32 *keys)
{
	int			n = 0,
				idx;

	keys[n++] = p;
	if (place_kind_of(p) != PLACE_KIND_COUNTRY)
		keys[n++] = place_pack(place_country2(p), PLACE_KIND_COUNTRY, 0);
	if (place_kind_of(p) == PLACE_KIND_SUBDIVISION)
	{
		idx = mr_subdivision_by_code(p);
		while (idx >= 0 && (idx = mr_subdivisions[idx].parent) >= 0 && n < PLACE_MAX_KEYS)
			keys[n++] = mr_subdivisions[idx].code;
	}
	return n;
}

static bool
route_touches(Route *r, int32 p)
{
	int			n = ROUTE_N(r);

	for (int k = 0; k < n; k++)
	{
		if (mr_place_within(r->legs[k].destination, p))
			return true;
		if ((k == 0 || r->legs[k].origin != r->legs[k - 1].destination) &&
			mr_place_within(r->legs[k].origin, p))
			return true;
	}
	return false;
}

PG_FUNCTION_INFO_V1(route_contains_place);
Datum
route_contains_place(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(route_touches(route_arg(fcinfo, 0), PG_GETARG_PLACE(1)));
}

PG_FUNCTION_INFO_V1(place_contained_in_route);
Datum
place_contained_in_route(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(route_touches(route_arg(fcinfo, 1), PG_GETARG_PLACE(0)));
}

/* The places of a place[], its NULL elements left out; returns how many. */
static int
place_array_elems(ArrayType *a, Datum **places)
{
	Datum	   *elems;
	bool	   *nulls;
	int			n,
				m = 0;

	deconstruct_array(a, ARR_ELEMTYPE(a), PLACE_INTERNALLENGTH, true, TYPALIGN_INT,
					  &elems, &nulls, &n);
	for (int k = 0; k < n; k++)
		if (!nulls[k])
			elems[m++] = elems[k];
	*places = elems;
	return m;
}

/* route && place[]: touches any of them (NULL elements match nothing). */
PG_FUNCTION_INFO_V1(route_overlaps_places);
Datum
route_overlaps_places(PG_FUNCTION_ARGS)
{
	Route	   *r = route_arg(fcinfo, 0);
	Datum	   *places;
	int			n = place_array_elems(PG_GETARG_ARRAYTYPE_P(1), &places);

	for (int k = 0; k < n; k++)
		if (route_touches(r, DatumGetPlace(places[k])))
			PG_RETURN_BOOL(true);
	PG_RETURN_BOOL(false);
}

static int
cmp_int32(const void *a, const void *b)
{
	int32		x = *(const int32 *) a,
				y = *(const int32 *) b;

	return x < y ? -1 : x > y;
}

/* GIN extractValue: the keys of every stop, without duplicates. */
PG_FUNCTION_INFO_V1(route_gin_extract_value);
Datum
route_gin_extract_value(PG_FUNCTION_ARGS)
{
	Route	   *r = route_arg(fcinfo, 0);
	int32	   *nkeys = (int32 *) PG_GETARG_POINTER(1);
	int			n = ROUTE_N(r);
	int32	   *keys;
	Datum	   *result;
	int			count = 0,
				uniq = 0;

	/* a leg adds its origin (at a discontinuity) and its destination */
	if ((Size) n > MaxAllocSize / (2 * PLACE_MAX_KEYS * sizeof(Datum)))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("route too large to index: %d legs", n)));
	keys = palloc(Max((Size) n * 2 * PLACE_MAX_KEYS, 1) * sizeof(int32));
	for (int k = 0; k < n; k++)
	{
		if (k == 0 || r->legs[k].origin != r->legs[k - 1].destination)
			count += place_keys(r->legs[k].origin, keys + count);
		count += place_keys(r->legs[k].destination, keys + count);
	}
	qsort(keys, count, sizeof(int32), cmp_int32);
	result = palloc(Max(count, 1) * sizeof(Datum));
	for (int k = 0; k < count; k++)
		if (k == 0 || keys[k] != keys[k - 1])
			result[uniq++] = PlaceGetDatum(keys[k]);
	*nkeys = uniq;
	PG_RETURN_POINTER(result);
}

/* GIN extractQuery: the place, or the array's places. */
PG_FUNCTION_INFO_V1(route_gin_extract_query);
Datum
route_gin_extract_query(PG_FUNCTION_ARGS)
{
	int32	   *nkeys = (int32 *) PG_GETARG_POINTER(1);
	StrategyNumber strategy = PG_GETARG_UINT16(2);
	int32	   *searchMode = (int32 *) PG_GETARG_POINTER(6);
	Datum	   *keys;

	if (strategy == ROUTE_CONTAINS_STRATEGY)
	{
		keys = palloc(sizeof(Datum));
		keys[0] = PG_GETARG_DATUM(0);
		*nkeys = 1;
	}
	else if (strategy == ROUTE_OVERLAPS_STRATEGY)
		*nkeys = place_array_elems(PG_GETARG_ARRAYTYPE_P(0), &keys);
	else
		elog(ERROR, "route_gin_extract_query: unknown strategy %d", strategy);
	/* no key: nothing can match */
	if (*nkeys == 0)
		*searchMode = GIN_SEARCH_MODE_DEFAULT;
	PG_RETURN_POINTER(keys);
}

/* GIN consistent: exact, since every stop's containing places are keys. */
PG_FUNCTION_INFO_V1(route_gin_consistent);
Datum
route_gin_consistent(PG_FUNCTION_ARGS)
{
	bool	   *check = (bool *) PG_GETARG_POINTER(0);
	int32		nkeys = PG_GETARG_INT32(3);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(5);

	*recheck = false;
	for (int k = 0; k < nkeys; k++)
		if (check[k])
			PG_RETURN_BOOL(true);
	PG_RETURN_BOOL(false);
}

PG_FUNCTION_INFO_V1(route_gin_triconsistent);
Datum
route_gin_triconsistent(PG_FUNCTION_ARGS)
{
	GinTernaryValue *check = (GinTernaryValue *) PG_GETARG_POINTER(0);
	int32		nkeys = PG_GETARG_INT32(3);
	GinTernaryValue result = GIN_FALSE;

	for (int k = 0; k < nkeys; k++)
	{
		if (check[k] == GIN_TRUE)
			PG_RETURN_GIN_TERNARY_VALUE(GIN_TRUE);
		if (check[k] == GIN_MAYBE)
			result = GIN_MAYBE;
	}
	PG_RETURN_GIN_TERNARY_VALUE(result);
}
