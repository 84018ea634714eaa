#!/usr/bin/env bash
# test/bench/bench_report.sh: the whole protection-pipeline report
# (examples/report.sql, section by section: test/bench/report/sections.list)
# in migrec's design against the plain-PostgreSQL design and the jsonb
# design of the same records, at growing scales of the demo.  Not in CI
# (long); the answers' equality is (test/bench/report_equal.sh).
#
#     bash test/bench/bench_report.sh
#
#   BENCH_SCALES   the demo's scales (default "1 10")
#   BENCH_RUNS     warm report runs per system, after one warm-up (5; from
#                  scale 10 on BENCH_RUNS_LARGE, 3)
#   BENCH_COLD     cold report runs per system (3; from scale 10 on
#                  BENCH_COLD_LARGE, 2): the cluster restarted and, as root,
#                  the OS page cache dropped before each
#   BENCH_LOADS    loads per system and scale (3; 1 from scale 10 on)
#   BENCH_OUT      the markdown report (test/bench/results-report.md)
#   MR_PORT        the cluster's port (54420)
#
# One cluster, one database per design; the same server settings for all
# (work_mem, shared_buffers, no parallel query, no JIT).  Every measurement
# is interleaved: the systems take turns, the order rotated from run to run,
# and the report gives medians, the spread (min-max) and the ratios
# migrec / plain and migrec / jsonb.  Raw timings go to BENCH_OUT's folder as
# results-report.tsv; the chart (report time per scale, log-log) to
# results-report.png.
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
export MR_PORT=${MR_PORT:-54420}
source "$MR_TOP/test/bench/report/lib.sh"

SCALES=${BENCH_SCALES:-1 10}
RUNS=${BENCH_RUNS:-5}
COLD=${BENCH_COLD:-3}
OUT=${BENCH_OUT:-$MR_TOP/test/bench/results-report.md}
TSV=${OUT%.md}.tsv
PNG=${OUT%.md}.png
WORK_MEM=${BENCH_WORK_MEM:-64MB}
MR_SERVER_OPTS="-c shared_buffers=${BENCH_SHARED_BUFFERS:-2GB} -c work_mem=$WORK_MEM -c maintenance_work_mem=512MB
	-c max_parallel_workers_per_gather=0 -c max_parallel_maintenance_workers=0 -c jit=off
	-c max_wal_size=8GB -c checkpoint_timeout=30min"
MR_SERVER_OPTS=${MR_SERVER_OPTS//$'\n'/ }
MR_PACKAGES+=(gnuplot-nox)

mr_setup
mr_start
: >"$TSV"
started=$SECONDS
load0=$(cut -d' ' -f1-3 /proc/loadavg)

now() { date +%s.%N; }
ms_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", (b - a) * 1000 }'; }
# rotate SYSTEMS by N: the order of run N
rotate() {
	local n=$1
	shift
	local a=("$@") k
	for ((k = 0; k < ${#a[@]}; k++)); do echo -n "${a[(k + n) % ${#a[@]}]} "; done
}
record() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$TSV"; }  # scale system phase run what ms

restart_cold() {
	mr_as_owner "$MR_BINDIR/pg_ctl" -D "$MR_TMP/data" -w -m fast restart \
		-o "-k $MR_TMP -p $PGPORT -c listen_addresses='' $MR_SERVER_OPTS" >/dev/null
	if [ "$(id -u)" -eq 0 ]; then
		sync
		echo 3 >/proc/sys/vm/drop_caches
		COLD_KIND="restart + OS cache dropped"
	else
		COLD_KIND="restart only (not root: OS cache kept)"
	fi
}

# run the whole report once in a new session: SECTION lines recorded
report_run() {
	local scale=$1 s=$2 phase=$3 run=$4 t0 out total
	out=$MR_TMP/run.out
	t0=$(now)
	psql -X -q -At -v ON_ERROR_STOP=1 -d "r_$s" -f "$MR_TMP/timing-$s.sql" >"$out"
	total=$(ms_since "$t0")
	while read -r _ name ms; do record "$scale" "$s" "$phase" "$run" "$name" "$ms"; done < <(grep '^SECTION ' "$out")
	record "$scale" "$s" "$phase" "$run" report "$total"
}

systems=($(report_systems))
for s in "${systems[@]}"; do report_script "$s" timing >"$MR_TMP/timing-$s.sql"; done
for scale in $SCALES; do
	mr_log "scale $scale: generating the demo's data"
	t0=$(now)
	report_demo report_src "$scale"
	csv=$MR_TMP/csv-$scale
	report_export report_src "$csv"
	"${REPORT_PSQL[@]}" -d postgres -c "DROP DATABASE report_src"
	mr_log "scale $scale: generated and exported in $(ms_since "$t0") ms: $(wc -l <"$csv/case_events.csv") events, $(wc -l <"$csv/journey_legs.csv") legs"
	record "$scale" all data 0 case_events "$(wc -l <"$csv/case_events.csv")"
	record "$scale" all data 0 journey_legs "$(wc -l <"$csv/journey_legs.csv")"
	record "$scale" all data 0 csv_bytes "$(cat "$csv"/*.csv | wc -c)"
	loads=${BENCH_LOADS:-$(awk -v s="$scale" 'BEGIN { print (s >= 10 ? 1 : 3) }')}
	for ((r = 0; r < loads; r++)); do
		for s in $(rotate "$r" "${systems[@]}"); do
			mr_log "scale $scale: load $r of $s"
			t0=$(now)
			report_load "$s" "r_$s" "$csv"
			record "$scale" "$s" load "$r" load "$(ms_since "$t0")"
		done
	done
	for s in "${systems[@]}"; do
		record "$scale" "$s" storage 0 bytes "$(report_storage "$s" "r_$s")"
		# hint bits and the visibility map set once for all, outside the timings
		"${REPORT_PSQL[@]}" -d "r_$s" -c 'VACUUM'
	done
	rm -rf "$csv"
	runs=$RUNS cold=$COLD
	if awk -v s="$scale" 'BEGIN { exit !(s >= 10) }'; then runs=${BENCH_RUNS_LARGE:-3} cold=${BENCH_COLD_LARGE:-2}; fi
	mr_log "scale $scale: warm runs"
	for ((r = 0; r <= runs; r++)); do
		for s in $(rotate "$r" "${systems[@]}"); do
			report_run "$scale" "$s" "$([ "$r" -eq 0 ] && echo warmup || echo warm)" "$r"
		done
	done
	mr_log "scale $scale: cold runs"
	for ((r = 0; r < cold; r++)); do
		for s in $(rotate "$r" "${systems[@]}"); do
			restart_cold
			report_run "$scale" "$s" cold "$r"
		done
	done
	for s in "${systems[@]}"; do "${REPORT_PSQL[@]}" -d postgres -c "DROP DATABASE r_$s"; done
done

# ---------------------------------------------------------------- the report
python3 "$MR_TOP/test/bench/report/summarize.py" "$TSV" "$PNG" \
	--header "$(printf '%s\n' \
		"Made by \`bash test/bench/bench_report.sh\` (BENCH_SCALES=\"$SCALES\" BENCH_RUNS=$RUNS BENCH_COLD=$COLD BENCH_RUNS_LARGE=${BENCH_RUNS_LARGE:-3} BENCH_COLD_LARGE=${BENCH_COLD_LARGE:-2}) on $(date -u +%Y-%m-%d)," \
		"PostgreSQL $(psql -X -At -c 'SHOW server_version'), migrec $(git -C "$MR_TOP" describe --always --dirty 2>/dev/null || echo '?'), $(nproc) cores shared with other work" \
		"(load average $load0 at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end), $(free -g | awk '/^Mem:/ { print $2 }') GiB RAM;" \
		"work_mem $WORK_MEM, shared_buffers ${BENCH_SHARED_BUFFERS:-2GB}, no parallel query, no JIT, the same for the three designs." \
		"Cold: ${COLD_KIND:-not run}. Total time of the benchmark: $((SECONDS - started)) s.")" >"$OUT"
cat "$OUT"
if command -v gnuplot >/dev/null && [ -s "${PNG%.png}.dat" ]; then
	gnuplot -e "data='${PNG%.png}.dat'; out='$PNG'" "$MR_TOP/test/bench/report/chart.gp"
	mr_log "chart: $PNG"
fi
