/*
 * sdc.c: statistical disclosure control for tables shared between agencies.
 *
 * sdc_round(n, base): rounds half up to a multiple of base.  Eurostat
 * rounds its asylum tables to the nearest 5; the US DHS (since 2023) rounds
 * every cell, subtotal and total to the nearest 10 (0-4 to 0, 5-14 to 10).
 * sdc_suppress(n, threshold): NULL for 0 < n < threshold, as in tables that
 * hide small cells (DHS used to suppress cells under 3; UNHCR prints them as
 * "*").  Rates are to be computed from unrounded counts.
 */
#include "migrec.h"

#include "common/int.h"

PG_FUNCTION_INFO_V1(sdc_round);
Datum
sdc_round(PG_FUNCTION_ARGS)
{
	int64		n = PG_GETARG_INT64(0);
	int32		base = PG_GETARG_INT32(1);
	int64		q,
				r;

	if (base <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("base must be positive, not %d", base)));
	/* n = q base + r with 0 <= r < base; half up: r >= base / 2 rounds up */
	q = n / base;
	r = n % base;
	if (r < 0)
	{
		q--;
		r += base;
	}
	if (2 * r >= base)
		q++;
	if (pg_mul_s64_overflow(q, base, &q))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("bigint out of range")));
	PG_RETURN_INT64(q);
}

PG_FUNCTION_INFO_V1(sdc_suppress);
Datum
sdc_suppress(PG_FUNCTION_ARGS)
{
	int64		n = PG_GETARG_INT64(0);
	int32		threshold = PG_GETARG_INT32(1);

	if (threshold < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("threshold must not be negative, not %d", threshold)));
	if (n > 0 && n < threshold)
		PG_RETURN_NULL();
	PG_RETURN_INT64(n);
}
