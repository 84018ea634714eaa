#!/usr/bin/env bash
# test/bench/bench_levels.sh: the level-aware tally over case histories
# against count(*) over the same rows.  Run by hand, not part of CI:
#
#     bash test/bench/bench_levels.sh
#
# It builds and installs migrec, starts a throwaway cluster (test/lib.sh) on
# port $MR_PORT (54402 unless set), loads $BENCH_ROWS case histories
# (1 000 000; fixed seed; 2 to 5 events each, about a third appealed) with a
# nationality among 12, then times, interleaved and rotated for $BENCH_RUNS
# runs (7) after a warm-up (bench_lib.sh), per nationality (HashAggregate,
# one backend):
#   count(*)                                   the baseline
#   level_tally(h, 'first_instance')           the new aggregate (cases)
#   level_tally(h, 'appeal', persons)          ... in persons
#   recognition_rate(h, 'first_instance')      the one-call rate
#   recognition_rate(d.status) over decisions(h) d WHERE d.level = ...
#                                              the same rate in plain SQL, for information
# and writes test/bench/results-levels.md ($BENCH_OUT).  About 3 minutes on 2 cores.

source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
export MR_PORT=${MR_PORT:-54402}
BENCH_SHARED_BUFFERS=${BENCH_SHARED_BUFFERS:-1GB}
source "$MR_TOP/test/bench/bench_lib.sh"

ROWS=${BENCH_ROWS:-1000000}
OUT=${BENCH_OUT:-$BENCH_DIR/results-levels.md}

bench_init
mr_log "loading $ROWS histories"
"${PSQL[@]}" -v rows="$ROWS" <<'EOF2'
SET max_parallel_workers_per_gather = 0;
SELECT setseed(0.14);
CREATE TABLE bench_h AS
SELECT (ARRAY['HND','GTM','SLV','NIC','CUB','HTI','VEN','COL','MEX','ECU','BRA','CHL'])[1 + (random() * 11.999)::int]::nationality AS nationality,
	1 + (random() * 4)::int AS persons,
	format(CASE (random() * 5)::int
		WHEN 0 THEN '{claim_lodged@%1$s, admitted@%2$s, interviewed@%3$s, recognized_refugee@%4$s}'
		WHEN 1 THEN '{claim_lodged@%1$s, admitted@%2$s, rejected@%3$s, under_appeal@%4$s, rejected_final@%5$s}'
		WHEN 2 THEN '{claim_lodged@%1$s, rejected@%3$s, under_appeal@%4$s, recognized_refugee@%5$s}'
		WHEN 3 THEN '{claim_lodged@%1$s, abandoned@%2$s}'
		WHEN 4 THEN '{claim_lodged@%1$s, admitted@%2$s, complementary_protection@%3$s}'
		ELSE '{claim_lodged@%1$s, admitted@%2$s}' END,
		t, t + interval '20 days', t + interval '90 days', t + interval '120 days', t + interval '300 days')::protection_history AS h
FROM (SELECT timestamptz '2019-01-01' + random() * interval '1500 days' AS t FROM generate_series(1, :rows)) s;
VACUUM ANALYZE bench_h;
EOF2

TESTS=(
	"per_nationality|SET max_parallel_workers_per_gather = 0; SET work_mem = '64MB'|count=SELECT nationality, count(*) FROM bench_h GROUP BY 1|level_tally=SELECT nationality, level_tally(h, 'first_instance') FROM bench_h GROUP BY 1|level_tally_persons=SELECT nationality, level_tally(h, 'appeal', persons) FROM bench_h GROUP BY 1|recognition_rate=SELECT nationality, recognition_rate(h, 'first_instance') FROM bench_h GROUP BY 1|sql_decisions=SELECT nationality, recognition_rate(d.status) FROM bench_h, decisions(h) d WHERE d.level = 'first_instance' GROUP BY 1"
)
bench_timings bench_h "${TESTS[@]}"

report=$MR_TMP/report.md
{
	bench_header "migrec level-aware tallies: benchmark" "bash test/bench/bench_levels.sh"
	echo
	echo "$(bench_count "$ROWS") case histories (2 to 5 events; nationality among 12), per nationality (HashAggregate), one backend."
	echo
	bench_results_table "
	(1, 'level_tally(h, first_instance) vs count(*)', 'per_nationality', 'level_tally', 'per_nationality', 'count', 2.0::float8, '≤ 2× count(*)'),
	(2, 'level_tally(h, appeal, persons) vs count(*)', 'per_nationality', 'level_tally_persons', 'per_nationality', 'count', 2.0, '≤ 2× count(*)'),
	(3, 'recognition_rate(h, first_instance) vs count(*)', 'per_nationality', 'recognition_rate', 'per_nationality', 'count', 2.0, '≤ 2× count(*)'),
	(4, 'the same rate over decisions(h) in SQL vs count(*)', 'per_nationality', 'sql_decisions', 'per_nationality', 'count', NULL, 'information')"
	echo
	bench_detail_table '{per_nationality}'
} >"$report"
cat "$report"
cp "$report" "$OUT"
