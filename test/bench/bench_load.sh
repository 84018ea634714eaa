#!/usr/bin/env bash
# test/bench/bench_load.sh: the designs under concurrent load, and through
# crashes.  Not in CI (long); the crash test's short form is test/t/004_crash.pl
# in the TAP stage.
#
#     bash test/bench/bench_load.sh
#
# 1. Load: the demo's records at BENCH_SCALE (1) in migrec's design and the
#    plain design (test/bench/report/), then pgbench at 1, 4 and 16 clients
#    (BENCH_CLIENTS) for BENCH_SECONDS (60) each, the two designs in turn:
#    clerks (test/bench/load/clerk_*.sql, 9 in 10 transactions) register a
#    claim and a journey; analysts (1 in 10) run report sections 1 and 6.
#    Both designs check each new event's step in a trigger (the plain one
#    against its transitions table, migrec's with can_transition()).
#    Reported: transactions per second, failures, latency percentiles per
#    script (from pgbench's per-transaction log), and the wait events of
#    active backends sampled every half second from pg_stat_activity.
# 2. Crashes: test/t/004_crash.pl with CRASH_ROUNDS (5) at CRASH_SCALE (0.2).
#
# Results in test/bench/results-load.md (BENCH_OUT).
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
export MR_PORT=${MR_PORT:-54430}
source "$MR_TOP/test/bench/report/lib.sh"

SCALE=${BENCH_SCALE:-1}
CLIENTS=${BENCH_CLIENTS:-1 4 16}
SECONDS_EACH=${BENCH_SECONDS:-60}
OUT=${BENCH_OUT:-$MR_TOP/test/bench/results-load.md}
LOAD=$MR_TOP/test/bench/load
MR_SERVER_OPTS="-c shared_buffers=1GB -c work_mem=64MB -c max_connections=60 -c jit=off
	-c max_parallel_workers_per_gather=0 -c max_wal_size=4GB"
MR_SERVER_OPTS=${MR_SERVER_OPTS//$'\n'/ }

mr_setup
mr_start
started=$SECONDS
load0=$(cut -d' ' -f1-3 /proc/loadavg)
report_demo report_src "$SCALE"
report_export report_src "$MR_TMP/csv"
for d in migrec plain; do
	report_load "$d" "l_$d" "$MR_TMP/csv"
	cat "$REPORT_DIR/$d/s1_claims.sql" "$REPORT_DIR/$d/s6_journeys.sql" >"$MR_TMP/analyst_$d.sql"
done
"${REPORT_PSQL[@]}" -d l_migrec -f "$LOAD/step_trigger_migrec.sql"
for d in migrec plain; do "${REPORT_PSQL[@]}" -d "l_$d" -c 'VACUUM ANALYZE'; done

# sample the wait events of active client backends until killed
sample_waits() {
	while :; do
		psql -X -At -F' ' -d postgres -c "SELECT coalesce(wait_event_type, 'CPU'), coalesce(wait_event, '-') FROM pg_stat_activity
			WHERE backend_type = 'client backend' AND state = 'active' AND pid <> pg_backend_pid()" 2>/dev/null || true
		sleep 0.5
	done
}

res=$MR_TMP/results.tsv
: >"$res"
k=0
for c in $CLIENTS; do
	order="migrec plain"
	[ $((k % 2)) -eq 1 ] && order="plain migrec"
	k=$((k + 1))
	for d in $order; do
		mr_log "pgbench: $d, $c clients, $SECONDS_EACH s"
		rm -rf "$MR_TMP/log"
		mkdir -p "$MR_TMP/log"
		chmod 777 "$MR_TMP/log"
		sample_waits >"$MR_TMP/waits-$d-$c" &
		sampler=$!
		rc=0
		(cd "$MR_TMP/log" && pgbench -n -d "l_$d" -c "$c" -j "$([ "$c" -ge 2 ] && echo 2 || echo 1)" -T "$SECONDS_EACH" \
			-f "$LOAD/clerk_$d.sql@9" -f "$MR_TMP/analyst_$d.sql@1" -l --log-prefix=tx) >"$MR_TMP/pgbench-$d-$c.out" 2>&1 || rc=$?
		kill "$sampler"
		wait "$sampler" 2>/dev/null || true
		cat "$MR_TMP/log"/tx* >"$MR_TMP/tx-$d-$c"
		printf '%s\t%s\t%s\t%s\n' "$c" "$d" "$rc" "$MR_TMP" >>"$res"
	done
done

python3 - "$res" "$SECONDS_EACH" >"$MR_TMP/load.md" <<'PY'
import collections, re, sys
res, secs = sys.argv[1], float(sys.argv[2])
def pct(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))] if xs else float("nan")
print("| clients | design | tps (all) | clerk tx/s | analyst tx/s | failed | pgbench exit | clerk p50 / p95 / p99 ms | analyst p50 / p95 / p99 ms | active backends sampled: wait events |")
print("|---|---|---|---|---|---|---|---|---|---|")
for line in open(res):
    c, d, rc, tmp = line.split()
    out = open(f"{tmp}/pgbench-{d}-{c}.out").read()
    tps = re.search(r"tps = ([\d.]+) \(without", out)
    failed = re.search(r"number of failed transactions: (\d+)", out)
    aborted = len(re.findall(r"aborted|error", out, re.I))
    lat = collections.defaultdict(list)
    for l in open(f"{tmp}/tx-{d}-{c}"):
        f = l.split()
        if len(f) >= 4 and f[2] != "failed":
            lat[int(f[3])].append(int(f[2]) / 1000.0)
    n0, n1 = len(lat[0]), len(lat[1])
    w = collections.Counter(l.strip() for l in open(f"{tmp}/waits-{d}-{c}") if l.strip())
    tot = sum(w.values())
    waits = ", ".join(f"{k} {100 * v / tot:.0f}%" for k, v in w.most_common(4)) if tot else "none active"
    fmt = lambda xs: " / ".join(f"{pct(xs, q):.1f}" for q in (0.5, 0.95, 0.99)) if xs else "–"
    print(f"| {c} | {d} | {float(tps.group(1)) if tps else 0:.1f} | {n0 / secs:.1f} | {n1 / secs:.2f} | "
          f"{failed.group(1) if failed else '?'}{' (+%d error lines)' % aborted if aborted else ''} | {rc} | {fmt(lat[0])} | {fmt(lat[1])} | {waits} |")
PY

# ---------------------------------------------------------------- crashes
crash_rounds=${CRASH_ROUNDS:-5}
mr_log "crash test: $crash_rounds crashes at scale ${CRASH_SCALE:-0.2}"
dir=$(mktemp -d /tmp/migrec-crash.XXXXXX)
mkdir -p "$dir/top" "$dir/t"
cp "$MR_TOP/test/t/004_crash.pl" "$dir/t/"
cp -r "$MR_TOP/examples" "$MR_TOP/test" "$dir/top/"
chown -R "$MR_OWNER" "$dir"
chmod 755 "$dir"
crc=0
(cd "$dir" && mr_as_owner env PATH="$MR_BINDIR:$PATH" MIGREC_TOP="$dir/top" CRASH_ROUNDS="$crash_rounds" \
	CRASH_SCALE="${CRASH_SCALE:-0.2}" CRASH_CLERKS="${CRASH_CLERKS:-4}" \
	PERL5LIB="$("$PG_CONFIG" --pkglibdir)/pgxs/src/test/perl" \
	PG_REGRESS="$("$PG_CONFIG" --pkglibdir)/pgxs/src/test/regress/pg_regress" \
	prove -v t/004_crash.pl) >"$MR_TMP/crash.out" 2>&1 || crc=$?
rm -rf "$dir"

{
	echo "# The designs under load and through crashes"
	echo
	echo "Made by \`bash test/bench/bench_load.sh\` (BENCH_SCALE=$SCALE BENCH_CLIENTS=\"$CLIENTS\" BENCH_SECONDS=$SECONDS_EACH"
	echo "CRASH_ROUNDS=$crash_rounds CRASH_SCALE=${CRASH_SCALE:-0.2}) on $(date -u +%Y-%m-%d), PostgreSQL $(psql -X -At -c 'SHOW server_version'),"
	echo "$(nproc) cores shared with other work (load average $load0 at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end);"
	echo "$((SECONDS - started)) s in all. Demo scale $SCALE: $(wc -l <"$MR_TMP/csv/case_events.csv") case events and $(wc -l <"$MR_TMP/csv/journey_legs.csv") legs before the load."
	echo
	echo "## pgbench: clerks (9 in 10 transactions) and analysts (1 in 10), $SECONDS_EACH s per run"
	echo
	echo "A clerk's transaction: two case events (each through the step trigger), two legs and a journey"
	echo "(GIN-indexed). An analyst's: report sections 1 and 6. Latencies from pgbench's per-transaction"
	echo "log; wait events: the share of samples of active client backends (CPU: not waiting)."
	echo
	cat "$MR_TMP/load.md"
	echo
	echo "## Crashes (test/t/004_crash.pl)"
	echo
	echo "Each round: ${CRASH_CLERKS:-4} clerks per design and one analyst per design, the postmaster killed"
	echo "with SIGKILL after 2-6 s (random), the server restarted; then the checks below. Exit status $crc."
	echo
	echo '```'
	grep -E '^(ok [0-9]|not ok|# )' "$MR_TMP/crash.out" | grep -vE 'GIN index answers' || true
	echo "($(grep -cE '^ok .*GIN index answers' "$MR_TMP/crash.out" || true) GIN-against-sequential-scan checks passed, $(grep -cE '^not ok .*GIN' "$MR_TMP/crash.out" || true) failed)"
	echo '```'
} >"$OUT"
cat "$OUT"
