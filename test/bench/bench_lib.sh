# test/bench/bench_lib.sh: what bench_pipeline.sh and bench_routes.sh share
# (the method of bench_types.sh, factored out).  Sourced, not run, after
# test/lib.sh.
#
#   bench_init          build and install migrec, start a throwaway cluster on
#                       $MR_PORT, CREATE EXTENSION migrec and pg_prewarm, load
#                       bench_lib.sql (the timing helpers)
#   bench_timings       run a list of tests: one warm-up run, then $RUNS runs,
#                       the variants of each test interleaved and rotated
#   bench_header        the first lines of a report (versions, machine, method)
#   bench_results_table metric | ours | baseline | ratio | target | met?
#   bench_detail_table  every test and variant: median, min, max, paired ratio, plan
#   bench_plans         the whole plans kept with bench_keep_plan()

BENCH_DIR=$MR_TOP/test/bench
RUNS=${BENCH_RUNS:-7}
[ "$RUNS" -ge 5 ] || { echo "BENCH_RUNS must be at least 5" >&2; exit 2; }

# Large enough shared_buffers to hold the tables (pg_prewarm'ed, so that every
# scan is a buffer hit), no parallelism unless a test asks for it, no JIT.
MR_SERVER_OPTS="${MR_SERVER_OPTS:-} -c shared_buffers=${BENCH_SHARED_BUFFERS:-2GB}
	-c max_parallel_workers_per_gather=0 -c max_parallel_maintenance_workers=0
	-c max_worker_processes=8 -c max_parallel_workers=8
	-c jit=off -c max_wal_size=4GB -c checkpoint_timeout=30min"
MR_SERVER_OPTS=${MR_SERVER_OPTS//$'\n'/ }

PSQL=(psql -X -q -v ON_ERROR_STOP=1)
q() { psql -X -At -v ON_ERROR_STOP=1 "$@"; }

bench_t_start=$SECONDS
bench_load_start=$(cut -d' ' -f1-3 /proc/loadavg)

bench_init() {
	mr_setup
	mr_start
	"${PSQL[@]}" -c 'CREATE EXTENSION migrec' -c 'CREATE EXTENSION pg_prewarm' >/dev/null
	"${PSQL[@]}" -f "$BENCH_DIR/bench_lib.sql" >/dev/null
}

# bench_timings PREWARM TEST...
#   PREWARM: comma-separated relations to pg_prewarm first (tables, indexes).
#   TEST: "name|settings|variant=query|variant=query..." where settings are
#   SQL statements run (after RESET ALL) before each variant of the test, and
#   a query may start with {statements} run before that variant only.  A
#   test whose name starts with "ddl_" times a utility command (rolled back)
#   instead of a query.  Run 0 is the warm-up; variants run A, B, C in runs 0
#   and 1, then B, C, A, then C, A, B ...: interleaved, and rotated so that
#   no variant always comes first.
bench_timings() {
	local prewarm=$1
	shift
	local script=$MR_TMP/bench_timing.sql r t j i nv fn name query vset
	local -a f
	{
		for t in ${prewarm//,/ }; do echo "SELECT pg_prewarm('$t');"; done
		echo "RESET ALL;"
		for ((r = 0; r <= RUNS; r++)); do
			for t in "$@"; do
				IFS='|' read -r -a f <<<"$t"
				fn=bench_time
				[[ ${f[0]} == ddl_* ]] && fn=bench_time_ddl
				nv=$((${#f[@]} - 2))
				for ((j = 0; j < nv; j++)); do
					i=$((2 + (j + (r > 0 ? r - 1 : 0)) % nv))
					name=${f[i]%%=*}
					query=${f[i]#*=}
					vset=
					if [[ $query == \{* ]]; then
						vset=${query%%\}*}
						vset=${vset#\{}
						query=${query#*\}}
					fi
					echo "RESET ALL; ${f[1]:+${f[1]};} ${vset:+$vset;}"
					printf "SELECT %s('%s', '%s', %d, \$q\$%s\$q\$);\n" "$fn" "${f[0]}" "$name" "$r" "$query"
				done
			done
			if [ "$r" -eq 0 ]; then echo "\\warn '== warm-up run done'"; else echo "\\warn '== run $r/$RUNS done'"; fi
		done
		echo "RESET ALL;"
	} >"$script"
	mr_log "timing: 1 warm-up run + $RUNS runs, variants interleaved"
	"${PSQL[@]}" -f "$script" >/dev/null
}

# bench_header TITLE COMMAND: the report's first lines.
bench_header() {
	echo "# $1"
	echo
	echo "\`$2\`, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$MR_TOP" describe --always --dirty 2>/dev/null || echo '?')."
	echo "$(q -c "SELECT split_part(version(), ',', 1)"), $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(nproc) cores;"
	echo "load average (1, 5, 15 min) $bench_load_start when the script started, ${bench_load_end:-$(cut -d' ' -f1-3 /proc/loadavg)} when the timings ended."
	echo "$RUNS timed runs after 1 warm-up run, the variants of a test interleaved in each run and rotated from run to run;"
	echo "times are medians of EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) Execution Time (CREATE INDEX: wall clock"
	echo "around the command, rolled back); jit = off, shared_buffers = $(q -c "SHOW shared_buffers") with every table and index"
	echo "prewarmed; max_parallel_workers_per_gather = 0 unless a test says otherwise."
}

# bench_results_table SPEC: SPEC is the body of a VALUES list of
#   (ord, metric, ours_test, ours_variant, base_test, base_variant, max_ratio, target_text)
# ratio = ours / baseline; met when ratio <= max_ratio (no max_ratio: info).
bench_results_table() {
	q <<EOF
WITH spec(ord, metric, ot, ov, bt, bv, tmax, ttxt) AS (VALUES
$1
), r AS (
	SELECT s.*, o.unit, o.value AS ov_, b.value AS bv_, o.value / b.value AS ratio
	FROM spec s
	JOIN bench_measure o ON o.test = s.ot AND o.variant = s.ov
	JOIN bench_measure b ON b.test = s.bt AND b.variant = s.bv
)
SELECT '| metric | ours | baseline | ratio | target | met? |' UNION ALL
SELECT '|---|---:|---:|---:|---|---|' UNION ALL
(SELECT format('| %s | %s | %s | %s | %s | %s |', metric,
	CASE unit WHEN 'ms' THEN round(ov_::numeric, CASE WHEN ov_ < 100 THEN 1 ELSE 0 END)::text || ' ms'
		ELSE to_char(ov_ / 1048576, 'FM999990.00') || ' MiB' END,
	CASE unit WHEN 'ms' THEN round(bv_::numeric, CASE WHEN bv_ < 100 THEN 1 ELSE 0 END)::text || ' ms'
		ELSE to_char(bv_ / 1048576, 'FM999990.00') || ' MiB' END,
	to_char(ratio, 'FM990.000') || CASE
		WHEN unit = 'ms' AND ratio < 0.67 THEN ' (' || to_char(1 / ratio, 'FM990.0') || '× faster)'
		WHEN unit = 'ms' AND ratio > 1.5 THEN ' (' || to_char(ratio, 'FM990.0') || '× slower)'
		WHEN unit = 'ms' THEN ' (' || to_char(100 * (ratio - 1), 'FMS990.0') || '% time)'
		WHEN ratio < 0.67 THEN ' (' || to_char(1 / ratio, 'FM990.0') || '× smaller)'
		WHEN ratio <= 1 THEN ' (' || to_char(100 * (1 - ratio), 'FM990.0') || '% smaller)'
		ELSE ' (' || to_char(100 * (ratio - 1), 'FM990.0') || '% larger)' END,
	ttxt,
	CASE WHEN tmax IS NULL THEN '—' WHEN ratio <= tmax THEN 'yes' ELSE '**no**' END)
FROM r ORDER BY ord);
EOF
}

# bench_detail_table TESTS: TESTS is an SQL text[] literal of the test names
# in the order to list them.
bench_detail_table() {
	q -v tests="$1" <<'EOF'
SELECT '| test | variant | median ms | min | max | runs | median of per-run ratios vs first variant | plan (from EXPLAIN) |' UNION ALL
SELECT '|---|---|---:|---:|---:|---:|---:|---|' UNION ALL
(SELECT format('| %s | %s | %s | %s | %s | %s | %s | %s |', m.test, m.variant,
	round(m.value::numeric, CASE WHEN m.value < 100 THEN 1 ELSE 0 END),
	round(m.lo::numeric, CASE WHEN m.lo < 100 THEN 1 ELSE 0 END),
	round(m.hi::numeric, CASE WHEN m.hi < 100 THEN 1 ELSE 0 END), m.n,
	to_char(bench_paired_ratio(m.test, m.variant, m.test, f.variant), 'FM990.000'),
	(SELECT string_agg(DISTINCT replace(nodes, '|', '/'), ' ;; ') FROM bench_timing t WHERE t.test = m.test AND t.variant = m.variant AND run > 0))
FROM bench_measure m
JOIN (SELECT DISTINCT ON (test) test, variant FROM bench_timing ORDER BY test, ctid) f USING (test)
WHERE m.unit = 'ms'
ORDER BY array_position(:'tests'::text[], m.test),
	(SELECT min(ctid) FROM bench_timing t WHERE t.test = m.test AND t.variant = m.variant));
EOF
}

# bench_plans: the plans kept with bench_keep_plan(), as indented blocks.
bench_plans() {
	q <<'EOF'
SELECT format(E'%s, %s:\n\n%s', test, variant,
	regexp_replace(rtrim(plan, E'\n'), '^', '    ', 'gn')) || E'\n'
FROM bench_plan ORDER BY ctid;
EOF
}

# bench_count N: 6000000 as 6M, 5000000 as 5M, 4999999 as is.
bench_count() {
	if [ $(($1 % 1000000)) -eq 0 ]; then echo "$(($1 / 1000000))M"; elif [ $(($1 % 1000)) -eq 0 ]; then echo "$(($1 / 1000))k"; else echo "$1"; fi
}

bench_footer() {
	echo "Total run time of the script: $(((SECONDS - bench_t_start) / 60)) min $(((SECONDS - bench_t_start) % 60)) s."
}
