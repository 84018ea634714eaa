/*
 * protection_history.c: a case's timeline, the protection_history type
 * (varlena), the aggregate that builds it from events, and the functions on
 * timelines.
 *
 * Stored layout (frozen; the version field allows a later format):
 *     int32  varlena header
 *     uint16 version (1), uint16 flags (0)
 *     int64  at[n]      timestamps, non-decreasing (PostgreSQL microseconds)
 *     uint8  status[n]
 * so n is (size - HISTORY_HEADER_SIZE) / HISTORY_EVENT_SIZE, that is
 * (size - 8) / 9.  A 5-event history takes 53 bytes.
 */
#include "migrec.h"

#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"

#include "aggkit.h"
#include "datetime_io.h"
#include "protection_status_io.h"

typedef struct ProtectionHistory
{
	int32		vl_len_;
	uint16		version;
	uint16		flags;
	/* int64 at[n]; uint8 status[n]; follow */
} ProtectionHistory;

StaticAssertDecl(sizeof(ProtectionHistory) == HISTORY_HEADER_SIZE,
				 "the frozen protection_history header");
StaticAssertDecl(sizeof(int64) + sizeof(uint8) == HISTORY_EVENT_SIZE,
				 "a protection_history event is a timestamp and a status byte");

#define HISTORY_VERSION 1
#define HISTORY_HDRSZ ((Size) HISTORY_HEADER_SIZE)
#define HISTORY_MAX_EVENTS ((MaxAllocSize - HISTORY_HDRSZ) / HISTORY_EVENT_SIZE)

#define HISTORY_N(h) ((int) ((VARSIZE(h) - HISTORY_HDRSZ) / HISTORY_EVENT_SIZE))
#define HISTORY_AT(h) ((int64 *) ((char *) (h) + HISTORY_HDRSZ))
#define HISTORY_STATUS(h) ((uint8 *) (HISTORY_AT(h) + HISTORY_N(h)))

static void
check_history_size(Size n)
{
	if (n > HISTORY_MAX_EVENTS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("protection_history too large: %zu events", (size_t) n),
				 errdetail("A history holds at most %zu events.", (size_t) HISTORY_MAX_EVENTS)));
}

static ProtectionHistory *
history_alloc(int n)
{
	Size		size = HISTORY_HDRSZ + (Size) n * HISTORY_EVENT_SIZE;
	ProtectionHistory *h;

	check_history_size(n);
	h = palloc(size);
	SET_VARSIZE(h, size);
	h->version = HISTORY_VERSION;
	h->flags = 0;
	return h;
}

/*
 * A stored value's header and size, checked before anything reads it (the
 * events themselves in assert builds; out and send check them always).
 */
static ProtectionHistory *
history_value(struct varlena *v)
{
	ProtectionHistory *h = (ProtectionHistory *) v;

	if (VARSIZE(h) < HISTORY_HDRSZ || (VARSIZE(h) - HISTORY_HDRSZ) % HISTORY_EVENT_SIZE != 0 ||
		h->version != HISTORY_VERSION || h->flags != 0)
		mr_corrupt_value("protection_history");
	Assert(mr_history_events_valid((const int64_t *) HISTORY_AT(h), HISTORY_STATUS(h), HISTORY_N(h)));
	return h;
}

static ProtectionHistory *
history_arg(FunctionCallInfo fcinfo, int argno)
{
	return history_value(mr_detoast_arg(fcinfo, argno, false));
}

int
mr_history_events(FunctionCallInfo fcinfo, int argno, bool copy, const int64 **at, const uint8 **status)
{
	ProtectionHistory *h = history_value(mr_detoast_arg(fcinfo, argno, copy));

	*at = HISTORY_AT(h);
	*status = HISTORY_STATUS(h);
	return HISTORY_N(h);
}

/*
 * The statuses of a protection_history datum without copying it when it is
 * stored inline with a short header (the per-row path of the level
 * aggregates): only bytes are read, so the packed value needs no alignment.
 * *copy is set when the datum had to be detoasted into a new palloc'd copy
 * (which the caller may pfree).
 */
int
mr_history_statuses(Datum d, const uint8 **status, void **copy)
{
	struct varlena *v = PG_DETOAST_DATUM_PACKED(d);
	const char *p = VARDATA_ANY(v);
	Size		size = VARSIZE_ANY_EXHDR(v);
	uint16		version,
				flags;
	int			n;

	*copy = (Pointer) v != DatumGetPointer(d) ? v : NULL;
	if (size < HISTORY_HDRSZ - VARHDRSZ || (size - (HISTORY_HDRSZ - VARHDRSZ)) % HISTORY_EVENT_SIZE != 0)
		mr_corrupt_value("protection_history");
	memcpy(&version, p, sizeof(uint16));
	memcpy(&flags, p + sizeof(uint16), sizeof(uint16));
	if (version != HISTORY_VERSION || flags != 0)
		mr_corrupt_value("protection_history");
	n = (int) ((size - (HISTORY_HDRSZ - VARHDRSZ)) / HISTORY_EVENT_SIZE);
	*status = (const uint8 *) p + (HISTORY_HDRSZ - VARHDRSZ) + (Size) n * sizeof(int64);
	for (int k = 0; k < n; k++)
		if (!mr_status_value_valid((*status)[k]))
			mr_corrupt_value("protection_history");
	return n;
}

/* A history whose events are valid too: what out and send read. */
static ProtectionHistory *
history_arg_checked(FunctionCallInfo fcinfo, int argno)
{
	ProtectionHistory *h = history_arg(fcinfo, argno);

	if (!mr_history_events_valid((const int64_t *) HISTORY_AT(h), HISTORY_STATUS(h), HISTORY_N(h)))
		mr_corrupt_value("protection_history");
	return h;
}

/* ---------- input and output ---------- */

static void
report_history_error(FunctionCallInfo fcinfo, const char *str, mr_status st, size_t pos)
{
	switch (st)
	{
		case MR_ERR_FIELD_RANGE:
			mr_input_error(fcinfo,
						   (errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
							errmsg("date/time field value out of range in protection_history: \"%s\"", str),
							errdetail("At position %d.", (int) pos + 1)));
			break;
		case MR_ERR_OUT_OF_RANGE:
			mr_input_error(fcinfo,
						   (errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
							errmsg("timestamp out of range in protection_history: \"%s\"", str),
							errdetail("At position %d.", (int) pos + 1)));
			break;
		case MR_ERR_UNKNOWN:
			mr_input_error(fcinfo,
						   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							errmsg("invalid input syntax for type %s: \"%s\"", "protection_history", str),
							errdetail("Unknown status at position %d.", (int) pos + 1),
							errhint("SELECT status FROM protection_statuses() lists the states.")));
			break;
		case MR_ERR_ORDER:
			mr_input_error(fcinfo,
						   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							errmsg("invalid input syntax for type %s: \"%s\"", "protection_history", str),
							errdetail("The event at position %d is earlier than the one before it; events are in time order.",
									  (int) pos + 1)));
			break;
		default:
			mr_input_error(fcinfo,
						   (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							errmsg("invalid input syntax for type %s: \"%s\"", "protection_history", str),
							errdetail("Unexpected input at position %d.", (int) pos + 1),
							errhint("A protection_history reads {status@timestamp, ...}, for example {claim_lodged@2021-06-03T09:00:00Z, admitted@2021-06-20}.")));
			break;
	}
}

PG_FUNCTION_INFO_V1(protection_history_in);
Datum
protection_history_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	size_t		len = strlen(str);
	size_t		cap = mr_history_max_events(str, len);
	int64	   *at;
	uint8	   *status;
	size_t		n,
				pos;
	mr_status	st;
	ProtectionHistory *h;

	if (cap > HISTORY_MAX_EVENTS)
	{
		/* softly, as the parser's errors: pg_input_is_valid() answers */
		mr_input_error(fcinfo,
					   (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						errmsg("protection_history too large"),
						errdetail("The text has %zu events (@); a history holds at most %zu.",
								  cap, (size_t) HISTORY_MAX_EVENTS)));
		PG_RETURN_NULL();
	}
	at = palloc(Max(cap, 1) * sizeof(int64));
	status = palloc(Max(cap, 1));
	st = mr_history_parse(str, len, (int64_t *) at, status, cap, &n, &pos);
	if (st != MR_OK)
	{
		report_history_error(fcinfo, str, st, pos);
		PG_RETURN_NULL();
	}
	h = history_alloc((int) n);
	memcpy(HISTORY_AT(h), at, n * sizeof(int64));
	memcpy(HISTORY_STATUS(h), status, n);
	PG_RETURN_POINTER(h);
}

PG_FUNCTION_INFO_V1(protection_history_out);
Datum
protection_history_out(PG_FUNCTION_ARGS)
{
	ProtectionHistory *h = history_arg_checked(fcinfo, 0);
	int			n = HISTORY_N(h);
	char	   *out = mr_text_buffer(HISTORY_TEXT_SIZE(n), "protection_history");

	mr_history_format((const int64_t *) HISTORY_AT(h), HISTORY_STATUS(h), n, out);
	PG_RETURN_CSTRING(out);
}

/*
 * Binary form: a version byte (1), an int32 count, then per event an int8
 * timestamp (microseconds since 2000-01-01 UTC) and a status byte.
 */
#define HISTORY_SEND_EVENT_SIZE 9
PG_FUNCTION_INFO_V1(protection_history_recv);
Datum
protection_history_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version = pq_getmsgbyte(buf);
	int32		n = pq_getmsgint(buf, 4);
	ProtectionHistory *h;
	int64	   *at;
	uint8	   *status;

	if (version != HISTORY_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported protection_history binary version %d", version)));
	if (n < 0 || (Size) n > (Size) (buf->len - buf->cursor) / HISTORY_SEND_EVENT_SIZE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid protection_history event count %d", n)));
	h = history_alloc(n);
	at = HISTORY_AT(h);
	status = HISTORY_STATUS(h);
	for (int k = 0; k < n; k++)
	{
		at[k] = pq_getmsgint64(buf);
		status[k] = (uint8) pq_getmsgbyte(buf);
	}
	if (!mr_history_events_valid((const int64_t *) at, status, n))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external protection_history value"),
				 errdetail("Statuses must be valid, timestamps in range and in time order.")));
	PG_RETURN_POINTER(h);
}

PG_FUNCTION_INFO_V1(protection_history_send);
Datum
protection_history_send(PG_FUNCTION_ARGS)
{
	ProtectionHistory *h = history_arg_checked(fcinfo, 0);
	int			n = HISTORY_N(h);
	int64	   *at = HISTORY_AT(h);
	uint8	   *status = HISTORY_STATUS(h);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, HISTORY_VERSION);
	pq_sendint32(&buf, n);
	for (int k = 0; k < n; k++)
	{
		pq_sendint64(&buf, at[k]);
		pq_sendbyte(&buf, status[k]);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------- the aggregate ---------- */

/*
 * The state: events in input order (at[], status[]), sorted only at the end,
 * so that ties keep input order.  Merging two states appends the second to
 * the first.
 */
typedef struct HistoryState
{
	int32		n;
	int32		cap;
	int64	   *at;
	uint8	   *status;
} HistoryState;

/* Room for the first events before the arrays grow. */
#define HISTORY_STATE_MIN_CAP 8

#ifdef USE_ASSERT_CHECKING
static void
history_state_check(const void *state)
{
	const HistoryState *s = state;

	Assert(s->n >= 0 && s->n <= s->cap && s->cap >= HISTORY_STATE_MIN_CAP);
	Assert((Size) s->cap <= HISTORY_MAX_EVENTS);
	for (int k = 0; k < s->n; k++)
		Assert(mr_status_value_valid(s->status[k]) && mr_timestamp_valid(s->at[k]));
}
#else
#define history_state_check NULL
#endif

static HistoryState *
history_state_new(MemoryContext cxt, Size cap)
{
	HistoryState *s = MemoryContextAlloc(cxt, sizeof(HistoryState));

	check_history_size(cap);
	s->n = 0;
	s->cap = (int32) Max(cap, HISTORY_STATE_MIN_CAP);
	s->at = MemoryContextAlloc(cxt, s->cap * sizeof(int64));
	s->status = MemoryContextAlloc(cxt, s->cap);
	return s;
}

/* Appends n events; NULL s: a new state in cxt (repalloc keeps the arrays' context). */
static HistoryState *
history_state_append(MemoryContext cxt, HistoryState *s, const int64 *at,
					 const uint8 *status, Size n)
{
	Size		need;

	if (s == NULL)
		s = history_state_new(cxt, n);
	need = (Size) s->n + n;
	if (need > (Size) s->cap)
	{
		Size		cap = Max(need, (Size) s->cap * 2);

		check_history_size(need);
		cap = Min(cap, HISTORY_MAX_EVENTS);
		s->at = repalloc(s->at, cap * sizeof(int64));
		s->status = repalloc(s->status, cap);
		s->cap = (int32) cap;
	}
	memcpy(s->at + s->n, at, n * sizeof(int64));
	memcpy(s->status + s->n, status, n);
	s->n += (int32) n;
	return s;
}

static void *
history_state_merge(MemoryContext cxt, void *a, const void *b)
{
	const HistoryState *sb = b;

	return history_state_append(cxt, a, sb->at, sb->status, sb->n);
}

/* Serialized state: int32 n, then at[n] and status[n] in input order. */
static struct varlena *
history_state_serialize(const void *state)
{
	const HistoryState *s = state;
	Size		size = VARHDRSZ + sizeof(int32) + (Size) s->n * HISTORY_EVENT_SIZE;
	bytea	   *b = palloc(size);
	char	   *p = VARDATA(b);

	SET_VARSIZE(b, size);
	memcpy(p, &s->n, sizeof(int32));
	p += sizeof(int32);
	memcpy(p, s->at, s->n * sizeof(int64));
	p += s->n * sizeof(int64);
	memcpy(p, s->status, s->n);
	return b;
}

static const MrAggKit history_kit;

static void *
history_state_deserialize(MemoryContext cxt, const struct varlena *bytes)
{
	const char *p = VARDATA(bytes);
	Size		len = VARSIZE(bytes) - VARHDRSZ;
	int32		n;
	HistoryState *s;

	if (len < sizeof(int32))
		mr_agg_corrupt(&history_kit);
	memcpy(&n, p, sizeof(int32));
	if (n < 0 || (Size) n * HISTORY_EVENT_SIZE != len - sizeof(int32))
		mr_agg_corrupt(&history_kit);
	s = history_state_new(cxt, n);
	memcpy(s->at, p + sizeof(int32), n * sizeof(int64));
	memcpy(s->status, p + sizeof(int32) + n * sizeof(int64), n);
	s->n = n;
	for (int k = 0; k < n; k++)
		if (!mr_status_value_valid(s->status[k]) || !mr_timestamp_valid(s->at[k]))
			mr_agg_corrupt(&history_kit);
	return s;
}

static const MrAggKit history_kit = {
	"protection_history", history_state_merge, history_state_serialize,
	history_state_deserialize, history_state_check
};

/* protection_history(status, at): one event; NULL status or time is skipped. */
PG_FUNCTION_INFO_V1(protection_history_transfn);
Datum
protection_history_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext cxt;
	HistoryState *s = mr_agg_state(fcinfo, &history_kit, &cxt);
	int64		at;
	uint8		status;

	if (mr_agg_skip_row(fcinfo))
		MR_AGG_RETURN(s);
	status = (uint8) PG_GETARG_PROTECTION_STATUS(1);
	if (!mr_status_value_valid(status))
		mr_corrupt_value("protection_status");
	at = PG_GETARG_TIMESTAMPTZ(2);
	if (s != NULL && s->n < s->cap)
	{
		/* the common case, without a call */
		s->at[s->n] = at;
		s->status[s->n++] = status;
	}
	else
		s = history_state_append(cxt, s, &at, &status, 1);
	MR_AGG_RETURN(s);
}

/* protection_history(history): merge timelines of one case split apart. */
PG_FUNCTION_INFO_V1(protection_history_merge_transfn);
Datum
protection_history_merge_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext cxt;
	HistoryState *s = mr_agg_state(fcinfo, &history_kit, &cxt);
	ProtectionHistory *h;

	if (mr_agg_skip_row(fcinfo))
		MR_AGG_RETURN(s);
	h = history_arg_checked(fcinfo, 1);
	s = history_state_append(cxt, s, HISTORY_AT(h), HISTORY_STATUS(h), HISTORY_N(h));
	MR_AGG_RETURN(s);
}

/* combine, serialization and deserialization functions */
MR_AGG_KIT_FUNCTIONS(protection_history_combine, protection_history_serialize, protection_history_deserialize, history_kit)

typedef struct SortItem
{
	int64		at;
	int32		idx;
} SortItem;

static int
sort_item_cmp(const void *a, const void *b)
{
	const SortItem *x = a,
			   *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->idx < y->idx ? -1 : (x->idx > y->idx);
}

/* The final function: events sorted by time, ties in input order. */
PG_FUNCTION_INFO_V1(protection_history_finalfn);
Datum
protection_history_finalfn(PG_FUNCTION_ARGS)
{
	HistoryState *s = mr_agg_final_state(fcinfo, &history_kit);
	ProtectionHistory *h;
	int64	   *at;
	uint8	   *status;
	bool		sorted = true;

	if (s == NULL)
		PG_RETURN_NULL();
	h = history_alloc(s->n);
	at = HISTORY_AT(h);
	status = HISTORY_STATUS(h);
	for (int k = 1; k < s->n && sorted; k++)
		sorted = s->at[k - 1] <= s->at[k];
	if (sorted)
	{
		/* the common case: events arrive in time order */
		memcpy(at, s->at, s->n * sizeof(int64));
		memcpy(status, s->status, s->n);
	}
	else
	{
		SortItem   *items = palloc(s->n * sizeof(SortItem));

		for (int k = 0; k < s->n; k++)
		{
			items[k].at = s->at[k];
			items[k].idx = k;
		}
		qsort(items, s->n, sizeof(SortItem), sort_item_cmp);
		for (int k = 0; k < s->n; k++)
		{
			at[k] = items[k].at;
			status[k] = s->status[items[k].idx];
		}
		pfree(items);
	}
	PG_RETURN_POINTER(h);
}

/* ---------- functions on histories ---------- */

PG_FUNCTION_INFO_V1(protection_history_length);
Datum
protection_history_length(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(HISTORY_N(history_arg(fcinfo, 0)));
}

PG_FUNCTION_INFO_V1(protection_history_current_status);
Datum
protection_history_current_status(PG_FUNCTION_ARGS)
{
	ProtectionHistory *h = history_arg(fcinfo, 0);
	int			n = HISTORY_N(h);

	if (n == 0)
		PG_RETURN_NULL();
	PG_RETURN_PROTECTION_STATUS(HISTORY_STATUS(h)[n - 1]);
}

/* The status in force at t: that of the last event at or before t. */
PG_FUNCTION_INFO_V1(protection_history_status_at);
Datum
protection_history_status_at(PG_FUNCTION_ARGS)
{
	ProtectionHistory *h = history_arg(fcinfo, 0);
	TimestampTz t = PG_GETARG_TIMESTAMPTZ(1);
	int			n = HISTORY_N(h);
	int64	   *at = HISTORY_AT(h);
	int			lo = 0,
				hi = n;

	/* first event after t */
	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (at[mid] <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		PG_RETURN_NULL();
	PG_RETURN_PROTECTION_STATUS(HISTORY_STATUS(h)[lo - 1]);
}

static int
first_index(ProtectionHistory *h, int status, int from)
{
	int			n = HISTORY_N(h);
	uint8	   *st = HISTORY_STATUS(h);

	for (int k = from; k < n; k++)
		if (st[k] == status)
			return k;
	return -1;
}

static int
first_decision_index(ProtectionHistory *h, int from)
{
	int			n = HISTORY_N(h);
	uint8	   *st = HISTORY_STATUS(h);

	for (int k = from; k < n; k++)
		if (mr_is_decision(st[k]))
			return k;
	return -1;
}

PG_FUNCTION_INFO_V1(protection_history_first_reached);
Datum
protection_history_first_reached(PG_FUNCTION_ARGS)
{
	ProtectionHistory *h = history_arg(fcinfo, 0);
	int			k = first_index(h, PG_GETARG_PROTECTION_STATUS(1), 0);

	if (k < 0)
		PG_RETURN_NULL();
	PG_RETURN_TIMESTAMPTZ(HISTORY_AT(h)[k]);
}

PG_FUNCTION_INFO_V1(protection_history_first_decision);
Datum
protection_history_first_decision(PG_FUNCTION_ARGS)
{
	ProtectionHistory *h = history_arg(fcinfo, 0);
	int			k = first_decision_index(h, 0);

	if (k < 0)
		PG_RETURN_NULL();
	PG_RETURN_PROTECTION_STATUS(HISTORY_STATUS(h)[k]);
}

PG_FUNCTION_INFO_V1(protection_history_final_decision);
Datum
protection_history_final_decision(PG_FUNCTION_ARGS)
{
	ProtectionHistory *h = history_arg(fcinfo, 0);
	uint8	   *st = HISTORY_STATUS(h);

	for (int k = HISTORY_N(h) - 1; k >= 0; k--)
		if (mr_is_decision(st[k]))
			PG_RETURN_PROTECTION_STATUS(st[k]);
	PG_RETURN_NULL();
}

/* Calendar days (UTC) between events a and b; NULL when either is infinite. */
static Datum
days_between_events(FunctionCallInfo fcinfo, ProtectionHistory *h, int a, int b)
{
	int64		ta,
				tb;

	if (a < 0 || b < 0)
		PG_RETURN_NULL();
	ta = HISTORY_AT(h)[a];
	tb = HISTORY_AT(h)[b];
	if (TIMESTAMP_NOT_FINITE(ta) || TIMESTAMP_NOT_FINITE(tb))
		PG_RETURN_NULL();
	PG_RETURN_INT32((int32) (mr_timestamp_day(tb) - mr_timestamp_day(ta)));
}

/* Days from the first claim_lodged to the first substantive decision after it. */
PG_FUNCTION_INFO_V1(protection_history_decision_days);
Datum
protection_history_decision_days(PG_FUNCTION_ARGS)
{
	ProtectionHistory *h = history_arg(fcinfo, 0);
	int			claim,
				decision;

	claim = first_index(h, MR_ST_CLAIM_LODGED, 0);
	if (claim < 0)
		PG_RETURN_NULL();
	decision = first_decision_index(h, claim);
	if (decision < 0)
		PG_RETURN_NULL();
	return days_between_events(fcinfo, h, claim, decision);
}

/* Days from first reaching `from` to first reaching `to` at or after it. */
PG_FUNCTION_INFO_V1(protection_history_days_between);
Datum
protection_history_days_between(PG_FUNCTION_ARGS)
{
	ProtectionHistory *h = history_arg(fcinfo, 0);
	int			a = first_index(h, PG_GETARG_PROTECTION_STATUS(1), 0),
				b;

	if (a < 0)
		PG_RETURN_NULL();
	b = first_index(h, PG_GETARG_PROTECTION_STATUS(2), a);
	if (b < 0)
		PG_RETURN_NULL();
	return days_between_events(fcinfo, h, a, b);
}

PG_FUNCTION_INFO_V1(protection_history_is_valid);
Datum
protection_history_is_valid(PG_FUNCTION_ARGS)
{
	ProtectionHistory *h = history_arg(fcinfo, 0);
	uint8	   *st = HISTORY_STATUS(h);

	for (int k = 1; k < HISTORY_N(h); k++)
		if (!mr_can_transition(st[k - 1], st[k]))
			PG_RETURN_BOOL(false);
	PG_RETURN_BOOL(true);
}

/*
 * events(h) and invalid_steps(h): rows from a history, detoasted once into
 * the memory that lasts across the calls.
 */
static void
history_rows_setup(FunctionCallInfo fcinfo, MrRows *rows)
{
	ProtectionHistory *h = history_value(mr_detoast_arg(fcinfo, 0, true));

	rows->arg = h;
	rows->end = HISTORY_N(h);
}

static bool
history_event_row(FunctionCallInfo fcinfo, void *arg, uint64 k, Datum *values, bool *nulls)
{
	ProtectionHistory *h = arg;

	(void) fcinfo, (void) nulls;
	values[0] = ProtectionStatusGetDatum(HISTORY_STATUS(h)[k]);
	values[1] = TimestampTzGetDatum(HISTORY_AT(h)[k]);
	return true;
}

/* The steps from event k - 1 to event k that the procedure does not allow. */
static void
invalid_steps_setup(FunctionCallInfo fcinfo, MrRows *rows)
{
	history_rows_setup(fcinfo, rows);
	rows->first = 1;
}

static bool
invalid_step_row(FunctionCallInfo fcinfo, void *arg, uint64 k, Datum *values, bool *nulls)
{
	ProtectionHistory *h = arg;
	uint8	   *st = HISTORY_STATUS(h);

	(void) fcinfo, (void) nulls;
	if (mr_can_transition(st[k - 1], st[k]))
		return false;
	values[0] = ProtectionStatusGetDatum(st[k - 1]);
	values[1] = ProtectionStatusGetDatum(st[k]);
	values[2] = TimestampTzGetDatum(HISTORY_AT(h)[k]);
	return true;
}

PG_FUNCTION_INFO_V1(protection_history_events);
Datum
protection_history_events(PG_FUNCTION_ARGS)
{
	return mr_srf_rows(fcinfo, history_rows_setup, history_event_row);
}

PG_FUNCTION_INFO_V1(protection_history_invalid_steps);
Datum
protection_history_invalid_steps(PG_FUNCTION_ARGS)
{
	return mr_srf_rows(fcinfo, invalid_steps_setup, invalid_step_row);
}
