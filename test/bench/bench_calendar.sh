#!/usr/bin/env bash
# test/bench/bench_calendar.sh: the business-day functions against a
# built-in baseline over the same rows.  Run by hand, not part of CI:
#
#     bash test/bench/bench_calendar.sh
#
# It builds and installs migrec, starts a throwaway cluster (test/lib.sh) on
# port $MR_PORT (54401 unless set), loads $BENCH_ROWS rows (2 000 000; a
# fixed seed) of (country, from_day, to_day, n) in 2000-2035, then times,
# interleaved and rotated for $BENCH_RUNS runs (7) after a warm-up
# (bench_lib.sh), a sum over every row of:
#   business_days(from_day, to_day, country)        (reads procedure_suspensions)
#   national_business_days(from_day, to_day, country)  (the compiled calendar alone)
#   add_business_days(from_day, n, country)
# against the built-in baseline sum(to_day - from_day) (date subtraction)
# and sum(from_day + n) (date plus integer).  Reports medians, the ratios,
# and calls per second: rows / median time (the whole query), and rows /
# (median - baseline median) (the function's own cost).  About 2 minutes
# on 2 cores.  Writes test/bench/results-calendar.md ($BENCH_OUT).

source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
export MR_PORT=${MR_PORT:-54401}
BENCH_SHARED_BUFFERS=${BENCH_SHARED_BUFFERS:-512MB}
source "$MR_TOP/test/bench/bench_lib.sh"

ROWS=${BENCH_ROWS:-2000000}
OUT=${BENCH_OUT:-$BENCH_DIR/results-calendar.md}

bench_init
mr_log "loading $ROWS rows"
"${PSQL[@]}" -v rows="$ROWS" <<'EOF2'
SET max_parallel_workers_per_gather = 0;
SELECT setseed(0.14);
CREATE TABLE bench_cal AS
SELECT (ARRAY['MEX','GTM','HND','SLV','NIC','CRI','PAN','COL','USA','CAN'])[1 + (random() * 9.999)::int]::nationality AS country,
	d AS from_day, least(d + (random() * 400)::int, date '2035-06-30') AS to_day, (random() * 90)::int AS n
FROM (SELECT date '2000-01-01' + (random() * 12900)::int AS d FROM generate_series(1, :rows)) s;
VACUUM ANALYZE bench_cal;
EOF2

TESTS=(
	"count|SET max_parallel_workers_per_gather = 0|business_days=SELECT sum(business_days(from_day, to_day, country)) FROM bench_cal|national_business_days=SELECT sum(national_business_days(from_day, to_day, country)) FROM bench_cal|date_subtraction=SELECT sum(to_day - from_day) FROM bench_cal"
	"add|SET max_parallel_workers_per_gather = 0|add_business_days=SELECT max(add_business_days(from_day, n, country)) FROM bench_cal|date_plus_int=SELECT max(from_day + n) FROM bench_cal"
)
bench_timings bench_cal "${TESTS[@]}"

# calls per second: over the whole query, and over the function's own time
cps() { q -c "SELECT to_char($ROWS / (bench_ms('$1', '$2') / 1000) / 1e6, 'FM990.0') || 'M'"; }
own() { q -c "SELECT to_char($ROWS / ((bench_ms('$1', '$2') - bench_ms('$1', '$3')) / 1000) / 1e6, 'FM990.0') || 'M'"; }

report=$MR_TMP/report.md
{
	bench_header "migrec business-day calendars: benchmark" "bash test/bench/bench_calendar.sh"
	echo
	echo "$(bench_count "$ROWS") rows (country among the 10 calendars, from_day in 2000-2035, to_day up to 400 days later, n 0-90), one backend."
	echo
	bench_results_table "
	(1, 'sum(business_days(a, b, c)) vs sum(b - a)', 'count', 'business_days', 'count', 'date_subtraction', NULL::float8, 'information'),
	(2, 'sum(national_business_days(a, b, c)) vs sum(b - a)', 'count', 'national_business_days', 'count', 'date_subtraction', NULL, 'information'),
	(3, 'max(add_business_days(a, n, c)) vs max(a + n)', 'add', 'add_business_days', 'add', 'date_plus_int', NULL, 'information')"
	echo
	echo "| function | calls/s over the whole query | calls/s of the function's own time (median minus the baseline's) | target |"
	echo "|---|---:|---:|---|"
	echo "| business_days | $(cps count business_days) | $(own count business_days date_subtraction) | ≥ 5M/s per core |"
	echo "| national_business_days | $(cps count national_business_days) | $(own count national_business_days date_subtraction) | ≥ 5M/s per core |"
	echo "| add_business_days | $(cps add add_business_days) | $(own add add_business_days date_plus_int) | |"
	echo
	bench_detail_table '{count,add}'
} >"$report"
cat "$report"
cp "$report" "$OUT"
