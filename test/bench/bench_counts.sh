#!/usr/bin/env bash
# test/bench/bench_counts.sh: count tables and publishers' names (issue 13).
#
#   - recognition_rate(status, n) over $BENCH_ROWS rows (10 000 000) against
#     sum(n) over the same table: the target is at most 1.15x its time;
#   - parse_nationality(name, source) over $BENCH_NAMES names (2 000 000)
#     as publishers print them, against what an analyst does today: a join
#     to a lookup table of the same forms; the target is at least 1 million
#     names a second on one core.
#
# Run by hand, not part of CI:
#
#     bash test/bench/bench_counts.sh
#
# It builds and installs migrec, starts a throwaway cluster (test/lib.sh) on
# port $MR_PORT (54400 unless set), loads the data with a fixed seed
# (test/bench/bench_counts_setup.sql), then times the variants of each query
# interleaved and rotated for $BENCH_RUNS runs (7) after one warm-up run, with
# EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) "Execution Time", one backend
# (max_parallel_workers_per_gather = 0), jit off (test/bench/bench_lib.sh),
# and compares medians.  It prints a markdown report and writes it to
# test/bench/results-counts.md ($BENCH_OUT).  About 5 minutes on 2 cores;
# about 1 GB of RAM and disk.

source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
export MR_PORT=${MR_PORT:-54400}
BENCH_SHARED_BUFFERS=${BENCH_SHARED_BUFFERS:-1GB}
source "$MR_TOP/test/bench/bench_lib.sh"

ROWS=${BENCH_ROWS:-10000000}
NAMES=${BENCH_NAMES:-2000000}
OUT=${BENCH_OUT:-$BENCH_DIR/results-counts.md}

bench_init
mr_log "loading $ROWS counted rows and $NAMES names"
"${PSQL[@]}" -v rows="$ROWS" -v names="$NAMES" -f "$BENCH_DIR/bench_counts_setup.sql" >/dev/null

# Each test: name, settings, then variant=query pairs (bench_timings).
TESTS=(
	"rate||recognition_rate=SELECT recognition_rate(status, n) FROM bench_counts|sum=SELECT sum(n) FROM bench_counts|decision_tally=SELECT decision_tally(status, n) FROM bench_counts|unweighted=SELECT recognition_rate(status) FROM bench_counts|count=SELECT count(*) FROM bench_counts"
	"rate_grouped|SET work_mem = '64MB'; SET enable_sort = off|recognition_rate=SELECT origin, recognition_rate(status, n) FROM bench_counts GROUP BY origin|sum=SELECT origin, sum(n) FROM bench_counts GROUP BY origin"
	"parse|SET work_mem = '256MB'|parse_nationality=SELECT count(parse_nationality(name, source)) FROM bench_names|lookup_join=SELECT count(l.nat) FROM bench_names b LEFT JOIN bench_lookup l ON l.source = b.source AND l.form = b.name|scan=SELECT count(name) FROM bench_names"
)
bench_timings bench_counts,bench_names,bench_lookup,bench_lookup_pkey "${TESTS[@]}"

# names a second, from a median in ms (and the scan's median subtracted:
# the function's own cost)
per_second() {
	q -c "SELECT to_char($NAMES / (bench_ms('parse', '$1') / 1000), 'FM999G999G999')"
}
per_second_net() {
	q -c "SELECT to_char($NAMES / ((bench_ms('parse', '$1') - bench_ms('parse', 'scan')) / 1000), 'FM999G999G999')"
}

mr_log "report"
report=$MR_TMP/report.md
{
	bench_header "migrec count tables and publishers' names: benchmark" "bash test/bench/bench_counts.sh"
	echo "$(bench_count "$ROWS") rows in bench_counts ($(q -c "SELECT pg_relation_size('bench_counts') / 8192") pages),"
	echo "$(bench_count "$NAMES") names in bench_names drawn from the $(q -c "SELECT count(*) FROM bench_lookup") forms of bench_lookup."
	echo "ratio = ours / baseline (lower is better)."
	echo
	bench_results_table "
	(1, 'recognition_rate(status, n) vs sum(n), $(bench_count "$ROWS") rows, one aggregate over the table', 'rate', 'recognition_rate', 'rate', 'sum', 1.15, '≤ 1.15'),
	(2, 'decision_tally(status, n) vs sum(n)', 'rate', 'decision_tally', 'rate', 'sum', NULL, 'info'),
	(3, 'recognition_rate(status) (one row, one decision) vs sum(n)', 'rate', 'unweighted', 'rate', 'sum', NULL, 'info'),
	(4, 'recognition_rate(status, n) vs sum(n), GROUP BY origin (20 groups, HashAggregate)', 'rate_grouped', 'recognition_rate', 'rate_grouped', 'sum', NULL, 'info'),
	(5, 'parse_nationality(name, source) vs a hash join to a lookup table of the same forms, $(bench_count "$NAMES") names', 'parse', 'parse_nationality', 'parse', 'lookup_join', NULL, 'info')"
	echo
	echo "parse_nationality(name, source): $(per_second parse_nationality) names a second on one core, the scan"
	echo "included ($(per_second_net parse_nationality) a second for the function alone, the scan's median subtracted);"
	echo "the lookup join: $(per_second lookup_join) names a second. Target: at least 1,000,000 names a second per core."
	echo "The join reads a form only as printed; parse_nationality also folds case, accents, punctuation and word order."
	echo
	echo "## Timings in detail"
	echo
	bench_detail_table '{rate,rate_grouped,parse}'
	echo
	bench_footer
} >"$report"
cp "$report" "$OUT"
cat "$report"
