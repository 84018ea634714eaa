# test/bench/bench_lib.sh: what the benchmarks share (bench_types.sh,
# bench_pipeline.sh, bench_routes.sh, and bench_sharding.sh, which starts its
# own four clusters and so sets BENCH_SCRATCH and BENCH_PM_PIDS instead of
# calling bench_init).  Sourced, not run, after test/lib.sh.
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
#   bench_others        how busy the (shared) machine was during the timings
#   bench_ms, bench_ratio, bench_pratio, bench_pdiff
#                       figures for a report's prose
#   bench_perf          a perf profile of one backend running a statement
#   bench_count         6000000 as 6M

BENCH_DIR=$MR_TOP/test/bench
RUNS=${BENCH_RUNS:-7}
[ "$RUNS" -ge 5 ] || { echo "BENCH_RUNS must be at least 5" >&2; exit 2; }

# Large enough shared_buffers to hold the tables (pg_prewarm'ed, so that every
# scan is a buffer hit), no parallelism unless a test asks for it, no JIT.
# migrec preloaded: every backend inherits the postmaster's copy of the
# library, so another build installed meanwhile (make install elsewhere on
# this machine) cannot reach, or crash, a backend started later.
MR_SERVER_OPTS="${MR_SERVER_OPTS:-} -c shared_buffers=${BENCH_SHARED_BUFFERS:-2GB}
	-c max_parallel_workers_per_gather=0 -c max_parallel_maintenance_workers=0
	-c max_worker_processes=8 -c max_parallel_workers=8
	-c jit=off -c max_wal_size=4GB -c checkpoint_timeout=30min
	-c shared_preload_libraries=migrec"
MR_SERVER_OPTS=${MR_SERVER_OPTS//$'\n'/ }

PSQL=(psql -X -q -v ON_ERROR_STOP=1)
q() { psql -X -At -v ON_ERROR_STOP=1 "$@"; }

bench_t_start=$SECONDS
bench_load_start=$(cut -d' ' -f1-3 /proc/loadavg)

# Where the timing script and the load samples go (bench_init's cluster
# folder unless set), and the postmasters whose backends are ours (bench_init's).
bench_scratch() { echo "${BENCH_SCRATCH:-$MR_TMP}"; }
bench_pm_pids() { echo "${BENCH_PM_PIDS:-$(head -1 "$MR_TMP/data/postmaster.pid")}"; }

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
	local script r t j i nv fn name query vset
	script=$(bench_scratch)/bench_timing.sql
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
	bench_sample_others &
	local sampler=$!
	"${PSQL[@]}" -f "$script" >/dev/null
	kill "$sampler" 2>/dev/null || true
	wait "$sampler" 2>/dev/null || true
	bench_load_end=$(cut -d' ' -f1-3 /proc/loadavg)
}

# Every second, the processes running (state R) that are not the benchmark's
# clusters' (not their postmasters, not their children) nor ps: one line
# "N name name ..." in others.txt.  The machine may be shared: this says how
# much.
bench_sample_others() {
	local pms out
	pms=$(bench_pm_pids)
	out=$(bench_scratch)/others.txt
	while sleep 1; do
		ps -eo stat=,pid=,ppid=,comm= | awk -v pms="$pms" '
			BEGIN { n = split(pms, p, " "); for (i = 1; i <= n; i++) ours[p[i]] = 1 }
			$1 ~ /^R/ && !($2 in ours) && !($3 in ours) && $4 != "ps" && $4 != "awk" { k++; names = names " " $4 }
			END { print k + 0 names }' >>"$out"
	done
}

# bench_others: a sentence on the other processes seen running during the timings.
bench_others() {
	local samples
	samples=$(bench_scratch)/others.txt
	[ -s "$samples" ] || return 0
	awk '{ total++; if ($1 > 0) busy++; sum += $1; for (i = 2; i <= NF; i++) seen[$i]++ }
		END {
			printf "Other processes running during the timings (sampled every second, %d samples): at least one in %.0f%% of the samples, %.2f on average", total, 100 * busy / total, sum / total
			n = 0
			for (p in seen) { names[++n] = p }
			# the most frequent first
			for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (seen[names[j]] > seen[names[i]]) { t = names[i]; names[i] = names[j]; names[j] = t }
			if (n > 0) { printf "; most often: "; for (i = 1; i <= n && i <= 5; i++) printf "%s%s (%d)", (i > 1 ? ", " : ""), names[i], seen[names[i]] }
			print "."
		}' "$samples"
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
	echo "prewarmed; max_parallel_workers_per_gather = 0 unless a test says otherwise; shared_preload_libraries = migrec."
	bench_others
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

# Figures for a report's prose: bench_ms TEST VARIANT (median, rounded),
# bench_ratio T1 V1 T2 V2 (ratio of medians), bench_pratio T1 V1 T2 V2
# (median of per-run ratios), bench_pdiff T1 V1 T2 V2 (median of per-run
# differences, ms).
bench_ms() { q -c "SELECT round(bench_ms('$1', '$2')::numeric, CASE WHEN bench_ms('$1', '$2') < 100 THEN 1 ELSE 0 END)"; }
bench_ratio() { q -c "SELECT to_char(bench_ms('$1', '$2') / bench_ms('$3', '$4'), 'FM990.000')"; }
bench_pratio() { q -c "SELECT to_char(bench_paired_ratio('$1', '$2', '$3', '$4'), 'FM990.000')"; }
bench_pdiff() { q -c "SELECT round(bench_paired_diff('$1', '$2', '$3', '$4')::numeric)"; }

# bench_perf TITLE SETUP STATEMENT REPEAT SECONDS: where one backend's time
# goes while it runs STATEMENT (an EXPLAIN ANALYZE, or a BEGIN; CREATE
# INDEX ...; ROLLBACK) REPEAT times after SETUP: a sampling profile with perf
# (cpu-clock) of SECONDS, the top symbols by self time, then migrec's own
# functions with their callees.  Nothing if perf is missing or BENCH_PERF=0.
bench_perf() {
	[ "${BENCH_PERF:-1}" = 1 ] && command -v perf >/dev/null || return 0
	local title=$1 setup=$2 stmt=$3 repeat=$4 secs=$5
	local pidf data i bg
	pidf=$(bench_scratch)/perf.pid
	data=$(bench_scratch)/perf.data
	rm -f "$pidf"
	{
		echo "SELECT pg_backend_pid() \\g $pidf"
		echo "$setup;"
		echo "SELECT pg_sleep(0.5);"
		for ((i = 0; i < repeat; i++)); do echo "$stmt;"; done
	} | psql -X -q -At -v ON_ERROR_STOP=1 >/dev/null &
	bg=$!
	for ((i = 0; i < 100; i++)); do [ -s "$pidf" ] && break; sleep 0.1; done
	# (in a subshell: perf ends its sleep with SIGTERM if the backend is gone first)
	(perf record -q -g -p "$(cat "$pidf")" -o "$data" -- sleep "$secs" >/dev/null 2>&1 || true) 2>/dev/null
	wait $bg
	echo "$title: \`$stmt\`"
	echo
	echo "    self time:"
	perf report -i "$data" --stdio --no-children --sort dso,sym -g none 2>/dev/null |
		awk '/^ +[0-9.]+%/ && n++ < 12 { sub(/^ */, "      "); print }' | bench_perf_nearest || true
	echo "    migrec.so functions, with their callees (children, self):"
	perf report -i "$data" --stdio --children --sort dso,sym -g none 2>/dev/null |
		awk '/^ +[0-9.]+%.*migrec\.so/ && n++ < 8 { sub(/^ */, "      "); print }' || true
	echo
}

# Static functions of a stripped postgres show as bare addresses: name the
# nearest exported symbol below each ("near tuplehash_grow+0x206"): the
# function is that one or a static one placed after it.
bench_perf_nearest() {
	python3 -c '
import bisect, subprocess, sys, re
try:
    out = subprocess.run(["nm", "-D", "--defined-only", sys.argv[1]], capture_output=True, text=True).stdout
except OSError:
    out = ""
syms = sorted((int(f[0], 16), f[2]) for f in (l.split() for l in out.splitlines()) if len(f) >= 3)
keys = [a for a, _ in syms]
for line in sys.stdin:
    line = line.rstrip("\n")
    m = re.search(r"postgres +\[\.\] 0x([0-9a-f]+)$", line)
    if m and keys:
        a = int(m.group(1), 16)
        i = bisect.bisect_right(keys, a) - 1
        if i >= 0:
            line += "  (near %s+0x%x)" % (syms[i][1], a - syms[i][0])
    print(line)
' "$("$PG_CONFIG" --bindir)/postgres"
}

bench_footer() {
	echo "Total run time of the script: $(((SECONDS - bench_t_start) / 60)) min $(((SECONDS - bench_t_start) % 60)) s."
}
