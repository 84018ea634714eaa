#!/usr/bin/env bash
# test/bench/bench_gin_recheck.sh: what it would cost the route_ops GIN
# operator class to recheck its matches (docs/reference-data.md: how the
# tables change without breaking indexes).  Run by hand, not part of CI:
#
#     bash test/bench/bench_gin_recheck.sh
#
# route_ops answers route @> place exactly from the index: a route is keyed
# under every stop, the stop's country and its ISO 3166-2 ancestors, so the
# consistent function sets recheck = false.  Rechecking means evaluating
# the operator again on every heap row the index returns, after fetching it
# (and detoasting the route).  That is what a Filter with the operator's
# function does on the same plan, so the two are timed side by side:
#
#   gin          Bitmap Heap Scan on r @> p (today's plan, no recheck)
#   gin_recheck  the same, plus Filter route_contains_place(r, p): the
#                work a recheck adds (the heap fetch that count(*) can
#                otherwise skip on all-visible pages, the detoast, the call)
#   seqscan      the baseline without an index
#
# for a rare place (PA-5, 1% of the journeys), a common one (MX-CHP, most of
# them) and a country (PA), with count(*) (no column read) and with a
# column read (sum(person): the heap is fetched anyway).
#
# It builds and installs migrec, starts a throwaway cluster (test/lib.sh) on
# port $MR_PORT (54430 unless set), builds $BENCH_JOURNEYS journeys (500 000)
# with test/bench/bench_routes_setup.sql, times the variants interleaved and
# rotated for $BENCH_RUNS runs (7) after a warm-up run (bench_lib.sh), and
# writes a markdown report to test/bench/results-gin-recheck.md ($BENCH_OUT).
# About 4 minutes on 2 cores; 1 GB of shared_buffers.

source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
export MR_PORT=${MR_PORT:-54430}
export BENCH_SHARED_BUFFERS=${BENCH_SHARED_BUFFERS:-1GB}
source "$MR_TOP/test/bench/bench_lib.sh"

JOURNEYS=${BENCH_JOURNEYS:-500000}
OUT=${BENCH_OUT:-$BENCH_DIR/results-gin-recheck.md}

bench_init
mr_log "building $JOURNEYS journeys"
"${PSQL[@]}" -v journeys="$JOURNEYS" -v legs=1000 -f "$BENCH_DIR/bench_routes_setup.sql" >/dev/null

mr_log "index and checks"
"${PSQL[@]}" <<'EOF'
SET maintenance_work_mem = '512MB';
CREATE INDEX bench_journeys_r ON bench_journeys USING gin (r);
VACUUM ANALYZE bench_journeys;
-- every variant gives the same answer
DO $$
DECLARE
	p text;
	a bigint;
	b bigint;
	c bigint;
BEGIN
	FOREACH p IN ARRAY ARRAY['PA-5', 'MX-CHP', 'PA'] LOOP
		SET LOCAL enable_seqscan = off;
		a := (SELECT count(*) FROM bench_journeys WHERE r @> p::place);
		b := (SELECT count(*) FROM bench_journeys WHERE r @> p::place AND route_contains_place(r, p::place));
		SET LOCAL enable_seqscan = on; SET LOCAL enable_bitmapscan = off;
		c := (SELECT count(*) FROM bench_journeys WHERE r @> p::place);
		IF a <> b OR a <> c THEN
			RAISE EXCEPTION 'r @> %: % by index, % with the recheck filter, % by sequential scan', p, a, b, c;
		END IF;
		SET LOCAL enable_bitmapscan = on;
	END LOOP;
END $$;
EOF

GIN="SET enable_seqscan = off"
SEQ="SET enable_bitmapscan = off; SET enable_indexscan = off"
test_of() { # NAME PLACE SELECT-LIST
	local w="FROM bench_journeys WHERE r @> '$2'"
	echo "$1||gin={$GIN}SELECT $3 $w|gin_recheck={$GIN}SELECT $3 $w AND route_contains_place(r, '$2')|seqscan={$SEQ}SELECT $3 $w"
}
TESTS=(
	"$(test_of pa5_count PA-5 'count(*)')"
	"$(test_of pa5_read PA-5 'sum(person)')"
	"$(test_of mxchp_count MX-CHP 'count(*)')"
	"$(test_of mxchp_read MX-CHP 'sum(person)')"
	"$(test_of pa_count PA 'count(*)')"
	"$(test_of pa_read PA 'sum(person)')"
)
bench_timings bench_journeys,bench_journeys_r "${TESTS[@]}"

mr_log "plans"
"${PSQL[@]}" <<EOF
$GIN;
SELECT bench_keep_plan('pa5_count', 'gin', \$q\$SELECT count(*) FROM bench_journeys WHERE r @> 'PA-5'\$q\$, 'BUFFERS');
SELECT bench_keep_plan('pa5_count', 'gin_recheck', \$q\$SELECT count(*) FROM bench_journeys WHERE r @> 'PA-5' AND route_contains_place(r, 'PA-5')\$q\$, 'BUFFERS');
SELECT bench_keep_plan('mxchp_read', 'gin', \$q\$SELECT sum(person) FROM bench_journeys WHERE r @> 'MX-CHP'\$q\$, 'BUFFERS');
SELECT bench_keep_plan('mxchp_read', 'gin_recheck', \$q\$SELECT sum(person) FROM bench_journeys WHERE r @> 'MX-CHP' AND route_contains_place(r, 'MX-CHP')\$q\$, 'BUFFERS');
EOF

mr_log "report"
report=$MR_TMP/report.md
share() { q -c "SELECT to_char(100.0 * count(*) FILTER (WHERE r @> '$1') / count(*), 'FM990.0') FROM bench_journeys"; }
{
	bench_header "migrec: the cost of rechecking route_ops GIN matches" "bash test/bench/bench_gin_recheck.sh"
	echo "Journeys: $(bench_count "$JOURNEYS") of 4 to 9 legs (test/bench/bench_routes_setup.sql) in bench_journeys (person, r route),"
	echo "$(q -c "SELECT pg_relation_size('bench_journeys') / 8192") pages; r @> 'PA-5' matches $(share PA-5)% of them, r @> 'MX-CHP' $(share MX-CHP)%, r @> 'PA' $(share PA)%."
	echo "gin_recheck = the same bitmap scan plus a Filter calling the operator's function on every row the"
	echo "index returns: the work a consistent function that sets recheck = true adds."
	echo "ratio = with recheck / without (lower is better; 1.000 = free)."
	echo
	bench_results_table "
	(1, 'r @> ''PA-5'' (rare), count(*): recheck vs none', 'pa5_count', 'gin_recheck', 'pa5_count', 'gin', NULL::float8, 'info'),
	(2, 'r @> ''PA-5'' (rare), sum(person): recheck vs none', 'pa5_read', 'gin_recheck', 'pa5_read', 'gin', NULL, 'info'),
	(3, 'r @> ''MX-CHP'' (common), count(*): recheck vs none', 'mxchp_count', 'gin_recheck', 'mxchp_count', 'gin', NULL, 'info'),
	(4, 'r @> ''MX-CHP'' (common), sum(person): recheck vs none', 'mxchp_read', 'gin_recheck', 'mxchp_read', 'gin', NULL, 'info'),
	(5, 'r @> ''PA'' (country), count(*): recheck vs none', 'pa_count', 'gin_recheck', 'pa_count', 'gin', NULL, 'info'),
	(6, 'r @> ''PA'' (country), sum(person): recheck vs none', 'pa_read', 'gin_recheck', 'pa_read', 'gin', NULL, 'info'),
	(7, 'r @> ''PA-5'', count(*): index with recheck vs sequential scan', 'pa5_count', 'gin_recheck', 'pa5_count', 'seqscan', NULL, 'info'),
	(8, 'r @> ''MX-CHP'', sum(person): index with recheck vs sequential scan', 'mxchp_read', 'gin_recheck', 'mxchp_read', 'seqscan', NULL, 'info')"
	echo
	echo "Every test and variant (medians of $RUNS runs; the paired ratio is the median of the per-run ratios):"
	echo
	bench_detail_table "{pa5_count,pa5_read,mxchp_count,mxchp_read,pa_count,pa_read}"
	echo
	echo "Plans (EXPLAIN ANALYZE, BUFFERS):"
	echo
	bench_plans
	bench_footer
} >"$report"
cp "$report" "$OUT"
cat "$report"
