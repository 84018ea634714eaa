#!/usr/bin/env bash
# test/bench/bench_pipeline.sh: the protection pipeline's aggregates and the
# protection_status type against what one would write without migrec: the
# recognition rate with count(*) FILTER over a PostgreSQL enum, GROUP BY and
# ORDER BY on that enum, and a case's timeline as array_agg(row(status, at)
# ORDER BY at).  Run by hand, not part of CI:
#
#     bash test/bench/bench_pipeline.sh
#
# It builds and installs migrec, starts a throwaway cluster (test/lib.sh) on
# port $MR_PORT (54410 unless set), loads $BENCH_ROWS statuses (6 000 000)
# and $BENCH_CASES cases of 5 events (1 000 000) with fixed seeds
# (test/bench/bench_pipeline_setup.sql), then times the variants of each test
# interleaved and rotated for $BENCH_RUNS runs (7) after one warm-up run
# (test/bench/bench_lib.sh), and compares medians.  It prints a markdown
# report and writes it to test/bench/results-pipeline.md ($BENCH_OUT).
# About 6 minutes on 2 cores; needs about 4 GB of RAM (shared_buffers 2GB,
# in-memory sorts and hash tables of up to 500 MB) and 2 GB of disk in /tmp.

source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
export MR_PORT=${MR_PORT:-54410}
source "$MR_TOP/test/bench/bench_lib.sh"

ROWS=${BENCH_ROWS:-6000000}
CASES=${BENCH_CASES:-1000000}
OUT=${BENCH_OUT:-$BENCH_DIR/results-pipeline.md}

bench_init
mr_log "loading $ROWS statuses and $CASES cases"
"${PSQL[@]}" -v rows="$ROWS" -v cases="$CASES" -f "$BENCH_DIR/bench_pipeline_setup.sql" >/dev/null

# the two FILTER forms of the rate, as one would write them by hand
RECOG="'recognized_refugee','recognized_cartagena'"
SUBST="'recognized_refugee','recognized_cartagena','complementary_protection','rejected','rejected_final'"
FILTER_RATE="count(*) FILTER (WHERE s IN ($RECOG))::float8 / nullif(count(*) FILTER (WHERE s IN ($SUBST)), 0)"
PAR="SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0"
HIST="SELECT case_id, protection_history(status, at) FROM"
AAGG="SELECT case_id, array_agg(row(status, at) ORDER BY at) FROM"
# the floor: grouping alone, carrying the same columns (the same sort width)
CNT="SELECT case_id, count(status), count(at) FROM"

# ---------------------------------------------------------------- checks
mr_log "checking that the variants compute the same figures"
"${PSQL[@]}" <<EOF
DO \$\$
DECLARE
	rate_ours float8 := (SELECT recognition_rate(s) FROM bench_status);
	rate_enum float8 := (SELECT $FILTER_RATE FROM bench_enum);
	rate_par float8;
BEGIN
	SET LOCAL max_parallel_workers_per_gather = 2; SET LOCAL parallel_setup_cost = 0; SET LOCAL parallel_tuple_cost = 0;
	rate_par := (SELECT recognition_rate(s) FROM bench_status);
	IF rate_ours IS DISTINCT FROM rate_enum OR rate_ours IS DISTINCT FROM rate_par THEN
		RAISE EXCEPTION 'recognition_rate % (parallel %), FILTER over the enum %', rate_ours, rate_par, rate_enum;
	END IF;
	IF EXISTS (SELECT s::text, count(*) FROM bench_status GROUP BY 1 EXCEPT SELECT s::text, count(*) FROM bench_enum GROUP BY 1) THEN
		RAISE EXCEPTION 'bench_status and bench_enum differ';
	END IF;
	IF EXISTS (SELECT FROM (SELECT case_id, protection_history(status, at) AS h, array_agg(row(status, at) ORDER BY at) AS a
	                        FROM bench_events WHERE case_id <= 10000 GROUP BY case_id) x
	           WHERE length(h) <> 5 OR a::text <> (SELECT array_agg(row(e.status, e.at) ORDER BY o)::text FROM events(h) WITH ORDINALITY e(status, at, o))) THEN
		RAISE EXCEPTION 'protection_history and array_agg disagree';
	END IF;
END \$\$;
EOF

# ---------------------------------------------------------------- result sizes
mr_log "measuring result sizes"
"${PSQL[@]}" <<EOF
SET work_mem = '1GB';
INSERT INTO bench_size
SELECT 'result_sum', 'protection_history', sum(pg_column_size(h)) FROM ($HIST bench_events GROUP BY case_id) x(c, h);
INSERT INTO bench_size
SELECT 'result_sum', 'array_agg', sum(pg_column_size(a)) FROM ($AAGG bench_events GROUP BY case_id) x(c, a);
CREATE TABLE bench_result_history AS $HIST bench_events GROUP BY case_id;
-- a table cannot hold record[]: the same array with a named row type (the
-- same bytes: a row datum is a 24-byte tuple header, then the fields)
CREATE TYPE bench_event AS (status protection_status, at timestamptz);
CREATE TABLE bench_result_array AS
	SELECT case_id, array_agg(row(status, at)::bench_event ORDER BY at) FROM bench_events GROUP BY case_id;
INSERT INTO bench_size
SELECT 'result_sum', 'array_agg_named', sum(pg_column_size(a)) FROM bench_result_array x(c, a);
VACUUM bench_result_history;
VACUUM bench_result_array;
INSERT INTO bench_size VALUES
	('result_table', 'protection_history', pg_total_relation_size('bench_result_history')),
	('result_table', 'array_agg', pg_total_relation_size('bench_result_array'));
DROP TABLE bench_result_history, bench_result_array;
EOF

# ---------------------------------------------------------------- timings
TESTS=(
	"rate||recognition_rate=SELECT recognition_rate(s) FROM bench_status|enum_filter=SELECT $FILTER_RATE FROM bench_enum|count=SELECT count(s) FROM bench_status|status_filter=SELECT $FILTER_RATE FROM bench_status"
	"rate_parallel|$PAR|workers0={SET max_parallel_workers_per_gather = 0}SELECT recognition_rate(s) FROM bench_status|workers2={SET max_parallel_workers_per_gather = 2}SELECT recognition_rate(s) FROM bench_status|count_workers2={SET max_parallel_workers_per_gather = 2}SELECT count(s) FROM bench_status|enum_filter_workers2={SET max_parallel_workers_per_gather = 2}SELECT $FILTER_RATE FROM bench_enum"
	"group_hash|SET work_mem = '1GB'; SET enable_sort = off|protection_status=SELECT s, count(*) FROM bench_status GROUP BY s|enum=SELECT s, count(*) FROM bench_enum GROUP BY s"
	"group_sort|SET work_mem = '1GB'; SET enable_hashagg = off|protection_status=SELECT s, count(*) FROM bench_status GROUP BY s|enum=SELECT s, count(*) FROM bench_enum GROUP BY s"
	"order_mem|SET work_mem = '1GB'|protection_status=SELECT s FROM bench_status ORDER BY s|enum=SELECT s FROM bench_enum ORDER BY s"
	"order_disk|SET work_mem = '4MB'|protection_status=SELECT s FROM bench_status ORDER BY s|enum=SELECT s FROM bench_enum ORDER BY s"
	"history|SET work_mem = '1GB'|protection_history=$HIST bench_events GROUP BY case_id|array_agg=$AAGG bench_events GROUP BY case_id|count=$CNT bench_events GROUP BY case_id"
	"history_sortagg|SET work_mem = '1GB'; SET enable_hashagg = off|protection_history=$HIST bench_events GROUP BY case_id|count=$CNT bench_events GROUP BY case_id"
	"history_wm4mb|SET work_mem = '4MB'|protection_history=$HIST bench_events GROUP BY case_id|array_agg=$AAGG bench_events GROUP BY case_id|count=$CNT bench_events GROUP BY case_id"
	"history_bycase|SET work_mem = '1GB'|protection_history=$HIST bench_events_bycase GROUP BY case_id|array_agg=$AAGG bench_events_bycase GROUP BY case_id|count=$CNT bench_events_bycase GROUP BY case_id"
	"history_bycase_sortagg|SET work_mem = '1GB'; SET enable_hashagg = off|protection_history=$HIST bench_events_bycase GROUP BY case_id|count=$CNT bench_events_bycase GROUP BY case_id"
)
bench_timings bench_status,bench_enum,bench_events,bench_events_bycase "${TESTS[@]}"

mr_log "plans"
"${PSQL[@]}" <<EOF
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;
SET max_parallel_workers_per_gather = 0;
SELECT bench_keep_plan('rate_parallel', 'workers0', 'SELECT recognition_rate(s) FROM bench_status', 'VERBOSE');
SET max_parallel_workers_per_gather = 2;
SELECT bench_keep_plan('rate_parallel', 'workers2', 'SELECT recognition_rate(s) FROM bench_status', 'VERBOSE');
SELECT bench_keep_plan('rate_parallel', 'count_workers2', 'SELECT count(s) FROM bench_status', 'VERBOSE');
RESET ALL;
SET work_mem = '1GB';
SELECT bench_keep_plan('history', 'protection_history', '$HIST bench_events GROUP BY case_id');
SELECT bench_keep_plan('history', 'array_agg', '$AAGG bench_events GROUP BY case_id');
SELECT bench_keep_plan('history', 'count', '$CNT bench_events GROUP BY case_id');
SET enable_hashagg = off;
SELECT bench_keep_plan('history_sortagg', 'protection_history', '$HIST bench_events GROUP BY case_id');
SELECT bench_keep_plan('history_sortagg', 'count', '$CNT bench_events GROUP BY case_id');
RESET ALL;
SET work_mem = '4MB';
SELECT bench_keep_plan('history_wm4mb', 'protection_history', '$HIST bench_events GROUP BY case_id');
SELECT bench_keep_plan('history_wm4mb', 'array_agg', '$AAGG bench_events GROUP BY case_id');
EOF

# ---------------------------------------------------------------- report
mr_log "report"
report=$MR_TMP/report.md
{
	bench_header "migrec protection pipeline: benchmark" "bash test/bench/bench_pipeline.sh"
	echo "Statuses: $ROWS rows; bench_status (protection_status, 1 byte) and bench_enum (a PostgreSQL enum"
	echo "of the same 19 labels in the same order, 4 bytes) hold the same rows in the same order, in"
	echo "$(q -c "SELECT pg_relation_size('bench_status') / 8192") and $(q -c "SELECT pg_relation_size('bench_enum') / 8192") pages (both tuples MAXALIGN to 32 bytes)."
	echo "Events: $CASES cases × 5 events; bench_events is an event log (time order, cases interleaved),"
	echo "bench_events_bycase the same rows clustered by (case_id, at); $(q -c "SELECT pg_relation_size('bench_events') / 8192") pages each."
	echo "ratio = ours / baseline (lower is better); a target \"n× faster\" is met when the ratio is at most 1/n."
	echo
	bench_results_table "
	(1, 'recognition_rate(status), $(bench_count "$ROWS") rows: recognition_rate vs count(*) FILTER (WHERE s IN (...)) over an enum', 'rate', 'recognition_rate', 'rate', 'enum_filter', 1 / 1.4, '≥ 1.4× faster (≤ 0.714)'),
	(2, 'recognition_rate(status) vs count(status) on the same table (the floor of a one-argument aggregate)', 'rate', 'recognition_rate', 'rate', 'count', 1.15, '≤ 1.15'),
	(3, 'recognition_rate(status), 2 parallel workers vs none (parallel_setup_cost = parallel_tuple_cost = 0)', 'rate_parallel', 'workers2', 'rate_parallel', 'workers0', 1 / 1.5, '≥ 1.5× faster (≤ 0.667)'),
	(4, 'GROUP BY status (HashAggregate), $(bench_count "$ROWS") rows: protection_status vs enum', 'group_hash', 'protection_status', 'group_hash', 'enum', 1.0, 'no slower (≤ 1.00)'),
	(5, 'GROUP BY status (Sort + GroupAggregate): protection_status vs enum', 'group_sort', 'protection_status', 'group_sort', 'enum', 1.0, 'no slower (≤ 1.00)'),
	(6, 'ORDER BY status, in-memory sort (work_mem 1GB): protection_status vs enum', 'order_mem', 'protection_status', 'order_mem', 'enum', 1.0, 'no slower (≤ 1.00)'),
	(7, 'ORDER BY status, external sort (work_mem 4MB): protection_status vs enum', 'order_disk', 'protection_status', 'order_disk', 'enum', 1.0, 'no slower (≤ 1.00)'),
	(8, 'timeline by case, $(bench_count "$CASES") cases × 5 events, event log: protection_history(status, at) vs array_agg(row(status, at) ORDER BY at), planner''s plans', 'history', 'protection_history', 'history', 'array_agg', 0.5, '≥ 2× faster (≤ 0.50)'),
	(9, 'the same, protection_history with Sort + GroupAggregate (enable_hashagg = off) vs array_agg', 'history_sortagg', 'protection_history', 'history', 'array_agg', 0.5, '≥ 2× faster (≤ 0.50)'),
	(9.5, 'the same with work_mem = 4MB (the default): protection_history (HashAggregate, spilling) vs array_agg (external sort)', 'history_wm4mb', 'protection_history', 'history_wm4mb', 'array_agg', 0.5, '≥ 2× faster (≤ 0.50)'),
	(10, 'the same on events clustered by case: protection_history vs array_agg, planner''s plans', 'history_bycase', 'protection_history', 'history_bycase', 'array_agg', 0.5, '≥ 2× faster (≤ 0.50)'),
	(11, 'events clustered by case, protection_history with Sort + GroupAggregate vs array_agg', 'history_bycase_sortagg', 'protection_history', 'history_bycase', 'array_agg', 0.5, '≥ 2× faster (≤ 0.50)'),
	(12, 'timeline result size: sum(pg_column_size(result)) over the cases, protection_history vs array_agg', 'result_sum', 'protection_history', 'result_sum', 'array_agg', 0.999999, 'smaller'),
	(13, 'timeline result size: pg_total_relation_size of a table (case_id, result) made from each', 'result_table', 'protection_history', 'result_table', 'array_agg', 0.999999, 'smaller'),
	(14, 'info: count(*) FILTER over protection_status vs over the enum (the type alone)', 'rate', 'status_filter', 'rate', 'enum_filter', NULL, 'info'),
	(15, 'info: count(status), 2 workers vs recognition_rate, no workers (the scan''s own parallel speed-up)', 'rate_parallel', 'count_workers2', 'rate_parallel', 'workers0', NULL, 'info'),
	(16, 'info: recognition_rate, 2 workers vs FILTER over the enum, 2 workers', 'rate_parallel', 'workers2', 'rate_parallel', 'enum_filter_workers2', NULL, 'info'),
	(17, 'info: event log, protection_history (HashAggregate) vs count() grouped by case (HashAggregate): the floor of grouping', 'history', 'protection_history', 'history', 'count', NULL, 'info'),
	(18, 'info: event log, Sort + GroupAggregate: protection_history vs count() grouped by case', 'history_sortagg', 'protection_history', 'history_sortagg', 'count', NULL, 'info'),
	(19, 'info: event log, array_agg(... ORDER BY at) vs count() grouped by case with Sort + GroupAggregate', 'history', 'array_agg', 'history_sortagg', 'count', NULL, 'info'),
	(20, 'info: clustered by case, Sort + GroupAggregate: protection_history vs count() grouped by case', 'history_bycase_sortagg', 'protection_history', 'history_bycase_sortagg', 'count', NULL, 'info'),
	(21, 'info: event log, count() grouped by case: HashAggregate vs Sort + GroupAggregate (work_mem 1GB)', 'history', 'count', 'history_sortagg', 'count', NULL, 'info'),
	(22, 'info: event log, protection_history (HashAggregate): work_mem 4MB (spilling) vs 1GB (in memory)', 'history_wm4mb', 'protection_history', 'history', 'protection_history', NULL, 'info'),
	(23, 'info: event log, count() grouped by case (HashAggregate): work_mem 4MB (spilling) vs 1GB (in memory)', 'history_wm4mb', 'count', 'history', 'count', NULL, 'info')"
	echo
	echo "## Findings"
	echo
	echo "- **recognition_rate vs count(*) FILTER over an enum** ($(bench_ms rate recognition_rate) vs $(bench_ms rate enum_filter) ms, ratio"
	echo "  $(bench_ratio rate recognition_rate rate enum_filter), median of per-run ratios $(bench_pratio rate recognition_rate rate enum_filter)). The aggregate makes one function call a row"
	echo "  (decision_tally_add); the FILTER form evaluates \`s = ANY ('{...}')\` twice a row, over 2 and 5 constants, one"
	echo "  enum_eq call per constant tried (ExecEvalScalarArrayOp), up to 7 calls a row. The same FILTER over the"
	echo "  protection_status column takes $(bench_ms rate status_filter) ms: the gain is the aggregate's, not the 1-byte type's."
	echo "- **recognition_rate vs count(status)** (ratio $(bench_ratio rate recognition_rate rate count), per-run $(bench_pratio rate recognition_rate rate count), target ≤ 1.15): the same"
	echo "  scan; the difference, $(bench_pdiff rate recognition_rate rate count) ms over $(bench_count "$ROWS") rows ($(q -c "SELECT round((bench_paired_diff('rate', 'recognition_rate', 'rate', 'count') * 1e6 / $ROWS)::numeric, 1)") ns a row), is the transition function (see the profile:"
	echo "  decision_tally_add's self time, and AggCheckCallContext). Per row decision_tally_add (src/decision_tally.c)"
	echo "  (a) calls writable_tally(), which calls AggCheckCallContext(), an out-of-line call into the server, only to"
	echo "  learn whether it may update the tally in place (inside the aggregates it always may); (b) range-checks the"
	echo "  status; (c) switches on mr_statuses[status].outcome to pick one of four int64 counters or none: a branch"
	echo "  that follows the data, mispredicted when statuses come in no order (as here, and in any real table)."
	echo "  count(status) is int8inc_any, one add. A transition function reserved for the aggregates (no"
	echo "  AggCheckCallContext: CREATE AGGREGATE is its only caller) that adds 1 to counts[slot[status]] of an"
	echo "  int64[5] state, slot 4 a sink for statuses that are not decisions, would be branch-free; the SQL-callable"
	echo "  decision_tally_add must keep its copy-on-call path."
	echo "- **Parallel**: 2 workers (Workers Launched: 2 in $(q -c "SELECT count(*) FILTER (WHERE nodes LIKE '%Workers Launched: 2]%') || ' of ' || count(*) FROM bench_timing WHERE test = 'rate_parallel' AND variant = 'workers2' AND run > 0") timed runs; see the plans) against none: ratio"
	echo "  $(bench_ratio rate_parallel workers2 rate_parallel workers0) (per-run $(bench_pratio rate_parallel workers2 rate_parallel workers0)). The leader and the 2 workers share the machine's 2 cores, so ~2× is the"
	echo "  ceiling, reached only when nothing else runs: the fastest run took $(q -c "SELECT round(min(ms)) FROM bench_timing WHERE test = 'rate_parallel' AND variant = 'workers2' AND run > 0") ms ($(q -c "SELECT to_char(min(ms) / bench_ms('rate_parallel', 'workers0'), 'FM0.000') FROM bench_timing WHERE test = 'rate_parallel' AND variant = 'workers2' AND run > 0") of the median without workers), the"
	echo "  slowest $(q -c "SELECT round(max(ms)) FROM bench_timing WHERE test = 'rate_parallel' AND variant = 'workers2' AND run > 0") ms; one process of someone else's on a core (see the sampling of other processes above) leaves"
	echo "  one core to three processes. count(status) with the same 2 workers takes $(bench_ms rate_parallel count_workers2) ms against recognition_rate's"
	echo "  $(bench_ms rate_parallel workers2) ms: the speed-up is the scan's; the combine step (decision_tally_merge of one 32-byte state per"
	echo "  process, no serialization) runs once per worker."
	echo "- **GROUP BY / ORDER BY**: protection_status has sort support (ssup_datum_unsigned_cmp, so tuplesort uses its"
	echo "  specialized unsigned-datum quicksort); an enum has none, every comparison is an fmgr call to enum_cmp."
	echo "  Hashing is hashchar against hashenum, one hash_uint32 each; the HashAggregate over 19 groups is bound by the"
	echo "  scan. Ratios within a few percent of 1.00 are ties on this shared machine: see min, max and the per-run ratios"
	echo "  in the detail table (group_sort per-run ratio enum/protection_status: $(bench_pratio group_sort enum group_sort protection_status); group_hash: $(bench_pratio group_hash enum group_hash protection_status))."
	echo "- **Timelines, 2× faster than array_agg(row(status, at) ORDER BY at)**: both group 5M rows into 1M groups, and"
	echo "  that grouping costs the most. The floor, count(status), count(at) grouped by case, takes $(bench_ms history_sortagg count) ms with"
	echo "  Sort + GroupAggregate (the Sort of 5M rows, 470 MB, see the plans) and $(bench_ms history count) ms with an in-memory"
	echo "  HashAggregate. Over that floor protection_history adds $(bench_pdiff history_sortagg protection_history history_sortagg count) ms (sorted) and array_agg(... ORDER BY at)"
	echo "  adds $(bench_pdiff history array_agg history_sortagg count) ms (a tuplesort begun and ended for each of the 1M groups, and a heap_form_tuple for every"
	echo "  row()): see \"The aggregate step alone\". $(q -c "SELECT format('The floor alone is %s%% of the baseline''s time%s', round(100 * f / b), CASE WHEN f / b > 0.5 THEN ', so no aggregate could make the whole query 2× faster' ELSE '' END) FROM (SELECT bench_ms('history_sortagg', 'count') AS f, bench_ms('history', 'array_agg') AS b) x");"
	echo "  clustered by case (the sort's read-out no longer misses the cache) the floor is $(bench_ms history_bycase_sortagg count) ms and"
	echo "  protection_history (Sort + GroupAggregate) against array_agg is $(bench_ratio history_bycase_sortagg protection_history history_bycase array_agg)."
	echo "- **The planner's HashAggregate**: at work_mem = 1GB the planner hashes protection_history (and the floor) in"
	echo "  memory: a hash table over 1M groups, where every row lands on a random group and misses the CPU caches (the"
	echo "  profile below: PostgreSQL's hash table code, the unresolved address near tuplehash_grow, and ExecStoreMinimalTuple loading each"
	echo "  group's key tuple, on top). The floor takes $(bench_ms history count) ms hashed in memory, $(bench_ms history_sortagg count) ms sorted, and $(bench_ms history_wm4mb count) ms"
	echo "  hashed with work_mem = 4MB, the default, spilling into batches whose hash tables fit the caches;"
	echo "  protection_history takes $(bench_ms history protection_history), $(bench_ms history_sortagg protection_history) and $(bench_ms history_wm4mb protection_history) ms. Over the hashed floor protection_history adds"
	echo "  $(bench_pdiff history protection_history history count) ms, against $(bench_pdiff history_sortagg protection_history history_sortagg count) ms sorted. In the hash table each case also owns its state: a HistoryState and"
	echo "  its at[] and status[] arrays, three chunks from state_new (src/protection_history.c), sized for 8 events,"
	echo "  allocated side by side with the groups' key tuples: Memory Usage $(q -c "SELECT round((regexp_match(plan, 'Memory Usage: ([0-9]+)kB'))[1]::numeric / 1024) FROM bench_plan WHERE test = 'history' AND variant = 'protection_history'") MB against the floor's $(q -c "SELECT round((regexp_match(plan, 'Memory Usage: ([0-9]+)kB'))[1]::numeric / 1024) FROM bench_plan WHERE test = 'history' AND variant = 'count'") MB (see"
	echo "  the plans), $(q -c "SELECT round(((regexp_match(o.plan, 'Memory Usage: ([0-9]+)kB'))[1]::numeric - (regexp_match(f.plan, 'Memory Usage: ([0-9]+)kB'))[1]::numeric) * 1024 / $CASES) FROM bench_plan o, bench_plan f WHERE o.test = 'history' AND o.variant = 'protection_history' AND f.test = 'history' AND f.variant = 'count'") bytes more per case for 45 bytes of events. Rows in random case order reach those chunks"
	echo "  and, the table being larger, miss the caches more in PostgreSQL's own probing too (the transition function"
	echo "  itself shows little self time in the profile). One chunk sized to the events, as route_agg's state has been"
	echo "  since commit 587abec (\"one allocation per traveller\"), would shrink the footprint; how much time that saves"
	echo "  here is not measured."
	echo "- **Result size**: a 5-event protection_history is 8 + 5 × 9 = 53 bytes; the array is a 24-byte array header"
	echo "  plus 5 row datums of 40 bytes (24-byte tuple header, status, padding, 8-byte timestamp): 224 bytes."
	echo
	echo "## The aggregate step alone"
	echo
	echo "Grouping the events by case costs the same whatever the aggregate: the \`count\` variant,"
	echo "\`$CNT ... GROUP BY case_id\`, with the same plan (and the same columns, so the same sort width),"
	echo "measures it. What is left is the aggregate's own work: the median over the runs of the variant's time"
	echo "minus that floor's in the same run, with the same plan (array_agg(... ORDER BY) can only run as Sort + GroupAggregate):"
	echo
	q <<'EOF'
WITH x(ord, layout, ours_t, base_t, floor_ours, floor_base) AS (VALUES
	(1, 'event log, ours HashAggregate', 'history', 'history', 'history', 'history_sortagg'),
	(2, 'event log, ours Sort + GroupAggregate', 'history_sortagg', 'history', 'history_sortagg', 'history_sortagg'),
	(3, 'clustered by case, ours HashAggregate (the planner''s choice)', 'history_bycase', 'history_bycase', 'history_bycase', 'history_bycase_sortagg'),
	(4, 'clustered by case, ours Sort + GroupAggregate', 'history_bycase_sortagg', 'history_bycase', 'history_bycase_sortagg', 'history_bycase_sortagg'))
SELECT '| layout and plan | protection_history − floor | array_agg(... ORDER BY at) − floor (Sort + GroupAggregate) | ratio |' UNION ALL
SELECT '|---|---:|---:|---:|' UNION ALL
(SELECT format('| %s | %s ms | %s ms | %s |', layout, round(o::numeric), round(b::numeric), to_char(o / b, 'FM990.00'))
FROM (SELECT ord, layout,
	bench_paired_diff(ours_t, 'protection_history', floor_ours, 'count') AS o,
	bench_paired_diff(base_t, 'array_agg', floor_base, 'count') AS b FROM x) d
ORDER BY ord);
EOF
	echo
	echo "## Timings in detail"
	echo
	bench_detail_table '{rate,rate_parallel,group_hash,group_sort,order_mem,order_disk,history,history_sortagg,history_wm4mb,history_bycase,history_bycase_sortagg}'
	echo
	echo "## Plans (one more run each, EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF))"
	echo
	bench_plans
	echo "## Profiles (perf, cpu-clock sampling of the backend; one more run, not timed)"
	echo
	echo "Static functions of the Debian postgres binary have no symbol: they show as addresses, with the nearest"
	echo "exported symbol below them (the function is that one or a static one placed after it)."
	echo
	bench_perf "recognition_rate, $(bench_count "$ROWS") rows" "SET max_parallel_workers_per_gather = 0" \
		"EXPLAIN (ANALYZE, TIMING OFF) SELECT recognition_rate(s) FROM bench_status" 14 4
	bench_perf "count(status), the same rows" "SET max_parallel_workers_per_gather = 0" \
		"EXPLAIN (ANALYZE, TIMING OFF) SELECT count(s) FROM bench_status" 18 4
	bench_perf "protection_history grouped by case, event log, HashAggregate in memory" "SET work_mem = '1GB'" \
		"EXPLAIN (ANALYZE, TIMING OFF) $HIST bench_events GROUP BY case_id" 3 6
	echo "## Data"
	echo
	q <<'EOF'
SELECT format('- Statuses: %s; substantive decisions (recognized_refugee, recognized_cartagena, complementary_protection, rejected, rejected_final) %s%%; recognition_rate = %s.',
	(SELECT string_agg(format('%s %s%%', s, to_char(pct, 'FM990.0')), ', ' ORDER BY s)
	 FROM (SELECT s, 100.0 * count(*) / sum(count(*)) OVER () AS pct FROM bench_status GROUP BY s) x),
	(SELECT to_char(100.0 * count(*) FILTER (WHERE is_decision(s) AND decision_outcome(s) IN ('recognized', 'complementary', 'rejected')) / count(*), 'FM990.0') FROM bench_status),
	(SELECT round(recognition_rate(s)::numeric, 4) FROM bench_status));
SELECT format('- Events: %s rows, %s cases, %s events per case; %s distinct paths; first event %s, last %s. A protection_history of 5 events is %s bytes (pg_column_size), an array_agg(row(status, at)) of 5 events %s bytes.',
	count(*), count(DISTINCT case_id), count(*) / count(DISTINCT case_id),
	(SELECT count(DISTINCT steps) FROM bench_path), min(at)::date, max(at)::date,
	(SELECT pg_column_size(protection_history(status, at)) FROM bench_events WHERE case_id = 1),
	(SELECT pg_column_size(array_agg(row(status, at) ORDER BY at)) FROM bench_events WHERE case_id = 1))
FROM bench_events;
EOF
	echo
	bench_footer
} >"$report"

cp "$report" "$OUT"
cat "$report"
mr_log "written to $OUT"
