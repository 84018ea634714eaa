#!/usr/bin/env bash
# test/bench/bench_sharding.sh: a per-nationality report on case events
# sharded over postgres_fdw (a coordinator and three shards, the aggregates
# computed on the shards) against the same rows in one local table, and the
# rows that cross the wire with and without the aggregates pushed down.  Run
# by hand, not part of CI:
#
#     bash test/bench/bench_sharding.sh
#
# It builds and installs migrec, starts four throwaway clusters on this
# machine (coordinator on port $BENCH_PORT, 54420 unless set, shards on the
# next three ports; all stopped and removed on exit), loads $BENCH_ROWS case
# events (4 000 000) with a fixed seed on the coordinator
# (test/bench/bench_sharding_setup.sql) into a local table, and copies the
# same rows to the shards (binary COPY) behind a table LIST-partitioned by
# nationality whose partitions are foreign tables (server options extensions
# 'migrec', async_capable 'true'), as test/t/003_sharding.pl does.  Then it
# times each query's variants (sharded with enable_partitionwise_aggregate
# on; local with 2 parallel workers and with none; sharded with
# enable_partitionwise_aggregate off, the aggregates not pushed down)
# interleaved and rotated for $BENCH_RUNS runs (7) after one warm-up run,
# with EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) "Execution Time" (the method
# and helpers of test/bench/bench_lib.sh and bench_lib.sql), compares medians, counts the rows of the Foreign Scan nodes of EXPLAIN (ANALYZE,
# VERBOSE), and times each shard's remote query alone.  It prints a markdown
# report and writes it to test/bench/results-sharding.md ($BENCH_OUT).
# About 5 minutes on 2 cores; needs about 3 GB of RAM and 2 GB of disk in /tmp.

source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
source "$MR_TOP/test/bench/bench_lib.sh"

ROWS=${BENCH_ROWS:-4000000}
OUT=${BENCH_OUT:-$BENCH_DIR/results-sharding.md}
PORT0=${BENCH_PORT:-54420}

# Every node: no JIT, no parallel query unless a variant asks for it (the
# shards run their remote queries through a cursor, which is never
# parallel anyway), shared_buffers large enough for its tables (prewarmed).
# migrec is preloaded, so that every backend and parallel worker runs the
# library the postmaster loaded at start, even if another build or test
# installs a different migrec.so in the shared $libdir meanwhile (the
# sanitizer suite installs an ASan build for a while: a parallel worker
# that loaded that one would crash).
COMMON_OPTS="-c listen_addresses='' -c log_line_prefix='%m [%p] %e ' -c jit=off -c max_wal_size=4GB
	-c checkpoint_timeout=30min -c max_parallel_maintenance_workers=0 -c max_parallel_workers_per_gather=0
	-c shared_preload_libraries=migrec"
COORD_OPTS="-c shared_buffers=1GB -c max_worker_processes=8 -c max_parallel_workers=8"
SHARD_OPTS="-c shared_buffers=512MB"
COMMON_OPTS=${COMMON_OPTS//$'\n'/ }

# The LIST partitions, as in test/t/003_sharding.pl: shard 3 is the default.
SHARD_IN=("" "'HND', 'GTM', 'SLV'" "'HTI', 'CUB', 'VEN'" "")
SHARD_WHERE=("" "nationality IN (${SHARD_IN[1]})" "nationality IN (${SHARD_IN[2]})"
	"nationality NOT IN (${SHARD_IN[1]}, ${SHARD_IN[2]})")

mr_setup

# ---------------------------------------------------------------- clusters
MR_BINDIR=$("$PG_CONFIG" --bindir)
if [ "$(id -u)" -eq 0 ]; then
	MR_OWNER=${MR_OWNER:-postgres}
	id "$MR_OWNER" >/dev/null 2>&1 || useradd --system --no-create-home "$MR_OWNER"
else
	MR_OWNER=$(id -un)
fi
BENCH_TMP=
bench_cleanup() {
	local rc=$? i logs
	if [ -n "$BENCH_TMP" ] && [ -d "$BENCH_TMP" ]; then
		if [ "$rc" -ne 0 ] && ls "$BENCH_TMP"/server*.log >/dev/null 2>&1; then
			logs=$(mktemp -d /tmp/migrec-sharding-logs.XXXXXX)
			cp "$BENCH_TMP"/server*.log "$logs/"
			echo "failed: the server logs (node0 the coordinator) are kept in $logs" >&2
		fi
		for i in 0 1 2 3; do
			if [ -f "$BENCH_TMP/node$i/postmaster.pid" ]; then
				mr_as_owner "$MR_BINDIR/pg_ctl" -D "$BENCH_TMP/node$i" -m immediate -w stop >/dev/null 2>&1 || true
			fi
		done
		rm -rf "$BENCH_TMP"
	fi
	return $rc
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM
BENCH_TMP=$(mktemp -d /tmp/migrec-sharding.XXXXXX)
chown "$MR_OWNER" "$BENCH_TMP" 2>/dev/null || true
chmod 755 "$BENCH_TMP"

# start_node I OPTS: node 0 is the coordinator, 1 to 3 the shards; every
# node's socket is in $BENCH_TMP, on port PORT0 + I.
start_node() {
	local i=$1 opts=$2
	mr_as_owner "$MR_BINDIR/initdb" -D "$BENCH_TMP/node$i" -U postgres --auth=trust \
		--encoding=UTF8 --locale=C.UTF-8 >"$BENCH_TMP/initdb$i.log" 2>&1 ||
		{ cat "$BENCH_TMP/initdb$i.log" >&2; return 1; }
	mr_as_owner "$MR_BINDIR/pg_ctl" -D "$BENCH_TMP/node$i" -l "$BENCH_TMP/server$i.log" -w \
		-o "-k $BENCH_TMP -p $((PORT0 + i)) $COMMON_OPTS $opts" start >/dev/null ||
		{ cat "$BENCH_TMP/server$i.log" >&2; return 1; }
}
mr_log "starting a coordinator (port $PORT0) and 3 shards (ports $((PORT0 + 1))-$((PORT0 + 3))) in $BENCH_TMP as $MR_OWNER"
start_node 0 "$COORD_OPTS"
for i in 1 2 3; do start_node "$i" "$SHARD_OPTS"; done
# the library every node preloaded must be the normal build
for i in 0 1 2 3; do
	if grep -qE 'libclang_rt\.asan|libasan' "/proc/$(head -1 "$BENCH_TMP/node$i/postmaster.pid")/maps"; then
		echo "the migrec.so installed in $("$PG_CONFIG" --pkglibdir) is a sanitizer build (is another session running" \
			"test/sanitize.sh?): run this again when it has finished" >&2
		exit 1
	fi
done
so_sum() { sha256sum "$("$PG_CONFIG" --pkglibdir)/migrec.so" | cut -c1-16; }
so_start=$(so_sum)
# for bench_lib.sh: the timing script and load samples here; the four
# postmasters' backends are the benchmark's, not other work on the machine
BENCH_SCRATCH=$BENCH_TMP
BENCH_PM_PIDS=$(for i in 0 1 2 3; do head -1 "$BENCH_TMP/node$i/postmaster.pid"; done | tr '\n' ' ')

export PGHOST=$BENCH_TMP PGPORT=$PORT0 PGUSER=postgres PGDATABASE=postgres

EVENTS_COLS="case_id bigint NOT NULL, nationality nationality NOT NULL, office place NOT NULL,
	status protection_status NOT NULL, at timestamptz NOT NULL, month date NOT NULL"
for i in 1 2 3; do
	"${PSQL[@]}" -p $((PORT0 + i)) -c 'CREATE EXTENSION migrec' -c 'CREATE EXTENSION pg_prewarm' \
		-c "CREATE TABLE events_l ($EVENTS_COLS)"
done
"${PSQL[@]}" -c 'CREATE EXTENSION migrec' -c 'CREATE EXTENSION postgres_fdw' -c 'CREATE EXTENSION pg_prewarm'
"${PSQL[@]}" -f "$BENCH_DIR/bench_lib.sql" >/dev/null

# ---------------------------------------------------------------- data
mr_log "loading $ROWS case events on the coordinator"
"${PSQL[@]}" -v rows="$ROWS" -f "$BENCH_DIR/bench_sharding_setup.sql" >/dev/null

mr_log "copying them to the shards"
for i in 1 2 3; do
	q -c "COPY (SELECT * FROM events_local WHERE ${SHARD_WHERE[i]}) TO STDOUT (FORMAT binary)" |
		q -p $((PORT0 + i)) -c "COPY events_l FROM STDIN (FORMAT binary)"
	q -p $((PORT0 + i)) -c 'VACUUM (FREEZE, ANALYZE) events_l'
done

"${PSQL[@]}" <<EOF
$(for i in 1 2 3; do cat <<EOS
CREATE SERVER shard$i FOREIGN DATA WRAPPER postgres_fdw
	OPTIONS (host '$BENCH_TMP', port '$((PORT0 + i))', dbname 'postgres', extensions 'migrec', async_capable 'true');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard$i;
EOS
done)
CREATE TABLE events_sharded ($EVENTS_COLS) PARTITION BY LIST (nationality);
CREATE FOREIGN TABLE events_sharded_1 PARTITION OF events_sharded FOR VALUES IN (${SHARD_IN[1]})
	SERVER shard1 OPTIONS (table_name 'events_l');
CREATE FOREIGN TABLE events_sharded_2 PARTITION OF events_sharded FOR VALUES IN (${SHARD_IN[2]})
	SERVER shard2 OPTIONS (table_name 'events_l');
CREATE FOREIGN TABLE events_sharded_3 PARTITION OF events_sharded DEFAULT
	SERVER shard3 OPTIONS (table_name 'events_l');
-- the same, fetching 10000 rows a round trip instead of 100
CREATE TABLE events_sharded_f10k ($EVENTS_COLS) PARTITION BY LIST (nationality);
CREATE FOREIGN TABLE events_sharded_f10k_1 PARTITION OF events_sharded_f10k FOR VALUES IN (${SHARD_IN[1]})
	SERVER shard1 OPTIONS (table_name 'events_l', fetch_size '10000');
CREATE FOREIGN TABLE events_sharded_f10k_2 PARTITION OF events_sharded_f10k FOR VALUES IN (${SHARD_IN[2]})
	SERVER shard2 OPTIONS (table_name 'events_l', fetch_size '10000');
CREATE FOREIGN TABLE events_sharded_f10k_3 PARTITION OF events_sharded_f10k DEFAULT
	SERVER shard3 OPTIONS (table_name 'events_l', fetch_size '10000');
ANALYZE events_sharded;
ANALYZE events_sharded_f10k;
EOF

# every row on the shard its partition says, and only once
[ "$(q -c 'SELECT count(*) FROM events_sharded')" = "$ROWS" ] ||
	{ echo "events_sharded does not hold the $ROWS rows" >&2; exit 1; }
bad=$(q -c "SELECT count(*) FROM (SELECT tableoid::regclass::text AS p, nationality FROM events_sharded GROUP BY 1, 2) x
	WHERE (p = 'events_sharded_1') <> (nationality IN (${SHARD_IN[1]}))
	   OR (p = 'events_sharded_2') <> (nationality IN (${SHARD_IN[2]}))")
[ "$bad" = 0 ] || { echo "$bad (shard, nationality) pairs on the wrong shard" >&2; exit 1; }

# ---------------------------------------------------------------- queries
Q_NAT='SELECT nationality, recognition_rate(status), total_recognition_rate(status), decision_counts(status) FROM %T GROUP BY nationality'
Q_MONTH='SELECT month, recognition_rate(decision_tally(t)) FROM (SELECT nationality, month, decision_tally(status) t FROM %T GROUP BY nationality, month) s GROUP BY month'
TESTS=("by_nationality|$Q_NAT" "by_month|$Q_MONTH")
# variant|settings|table
VARIANTS=(
	"sharded|SET enable_partitionwise_aggregate = on|events_sharded"
	"local_par2|SET max_parallel_workers_per_gather = 2|events_local"
	"local_serial|SET max_parallel_workers_per_gather = 0|events_local"
	"sharded_nopush|SET enable_partitionwise_aggregate = off|events_sharded"
	"sharded_nopush_f10k|SET enable_partitionwise_aggregate = off|events_sharded_f10k"
)

mr_log "checking that every variant gives the same answer"
for t in "${TESTS[@]}"; do
	tname=${t%%|*}
	query=${t#*|}
	first=
	for v in "${VARIANTS[@]}"; do
		IFS='|' read -r vname vset vtable <<<"$v"
		a=$(q -c "$vset" -c "SELECT count(*) || ' rows, md5 ' || md5(string_agg(s::text, ',' ORDER BY s::text)) FROM (${query//%T/$vtable}) s")
		if [ -z "$first" ]; then
			first=$a
		elif [ "$a" != "$first" ]; then
			echo "$tname: $vname gives $a, ${VARIANTS[0]%%|*} gives $first" >&2
			exit 1
		fi
	done
	mr_log "$tname: $first, the same for every variant"
done

# ---------------------------------------------------------------- timings
# bench_timings' form: test|settings|variant={variant's settings}query|...
TIMED=()
for t in "${TESTS[@]}"; do
	spec=${t%%|*}"|"
	for v in "${VARIANTS[@]}"; do
		IFS='|' read -r vname vset vtable <<<"$v"
		query=${t#*|}
		spec+="|$vname={$vset}${query//%T/$vtable}"
	done
	TIMED+=("$spec")
done
for i in 1 2 3; do q -p $((PORT0 + i)) -c "SELECT pg_prewarm('events_l')" >/dev/null; done
bench_timings events_local "${TIMED[@]}"

# ---------------------------------------------------------------- wire
mr_log "counting the rows that cross the wire; keeping the plans"
{
	for t in "${TESTS[@]}"; do
		tname=${t%%|*}
		query=${t#*|}
		for v in "${VARIANTS[@]}"; do
			IFS='|' read -r vname vset vtable <<<"$v"
			echo "RESET ALL; $vset;"
			if [[ $vtable == events_sharded* ]]; then
				printf "SELECT bench_count_wire('%s', '%s', \$q\$%s\$q\$);\n" "$tname" "$vname" "${query//%T/$vtable}"
			else
				printf "SELECT bench_keep_plan('%s', '%s', \$q\$%s\$q\$);\n" "$tname" "$vname" "${query//%T/$vtable}"
			fi
		done
	done
} | "${PSQL[@]}" >/dev/null

# ---------------------------------------------------------------- the shards alone
# Each shard's remote query of the pushed-down plan, run on the shard alone
# (nothing else running), interleaved the same way: what the shard costs.
mr_log "timing each shard's remote query alone"
shard_script=$BENCH_TMP/shard_timing.sql
: >"$shard_script"
for t in "${TESTS[@]}"; do
	tname=${t%%|*}
	n=$(q -c "SELECT count(DISTINCT r) FROM bench_wire, unnest(remote_sql) r WHERE test = '$tname' AND variant = 'sharded'")
	[ "$n" = 1 ] || { echo "$tname: $n different remote queries, expected the same on every shard" >&2; exit 1; }
	remote=$(q -c "SELECT remote_sql[1] FROM bench_wire WHERE test = '$tname' AND variant = 'sharded'")
	for ((r = 0; r <= RUNS; r++)); do
		for ((j = 0; j < 3; j++)); do
			i=$((1 + (j + r) % 3))
			ms=$(q -p $((PORT0 + i)) -c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) $remote" | sed -n 's/^Execution Time: \([0-9.]*\) ms$/\1/p')
			echo "INSERT INTO bench_timing VALUES ('shard_$tname', 'shard$i', $r, $ms, \$q\$$remote\$q\$);" >>"$shard_script"
		done
	done
done
"${PSQL[@]}" -f "$shard_script"
so_end=$(so_sum)
shard_mb= shard_mb_total=0
for i in 1 2 3; do
	mb=$(q -p $((PORT0 + i)) -c "SELECT pg_relation_size('events_l') / 1048576")
	shard_mb+="${shard_mb:+, }shard$i $mb MB"
	shard_mb_total=$((shard_mb_total + mb))
done

# ---------------------------------------------------------------- report
mr_log "report"
report=$BENCH_TMP/report.md
if [ $((ROWS % 1000000)) -eq 0 ]; then nrows="$((ROWS / 1000000))M"; else nrows="$ROWS"; fi
{
	echo "# migrec sharded over postgres_fdw: benchmark"
	echo
	echo "\`bash test/bench/bench_sharding.sh\`, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$MR_TOP" describe --always --dirty 2>/dev/null || echo '?')."
	echo "$(q -c "SELECT split_part(version(), ',', 1)"), $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(nproc) cores;"
	echo "load average (1, 5, 15 min) $bench_load_start when the script started, $bench_load_end when the timings ended"
	echo "(other work on the machine, if any, is in these figures)."
	bench_others
	if [ "$so_end" != "$so_start" ]; then
		echo "Another build installed a different migrec.so in \$libdir during the run (sha256 $so_start… at start,"
		echo "$so_end… at the end); the servers were unaffected: they preloaded the library when they started."
	fi
	echo
	echo "Four clusters on this one machine, over Unix sockets: a coordinator (shared_buffers 1GB) and three shards"
	echo "(512MB each), jit = off, shared_preload_libraries = migrec, every table prewarmed. $ROWS case events (the same rows, fixed seed) in"
	echo "\`events_local\`, one table on the coordinator, and in \`events_sharded\`, LIST-partitioned by nationality"
	echo "into three postgres_fdw foreign tables, one per shard (servers with extensions 'migrec', async_capable 'true',"
	echo "fetch_size the default 100): shard 1 holds ${SHARD_IN[1]}, shard 2 ${SHARD_IN[2]}, shard 3 every other"
	echo "nationality (the default partition). $RUNS timed runs after 1 warm-up run, the ${#VARIANTS[@]} variants of a query"
	echo "interleaved in each run and rotated from run to run; times are medians of EXPLAIN (ANALYZE, COSTS OFF,"
	echo "TIMING OFF) Execution Time on the coordinator (for the sharded variants it includes waiting for the shards)."
	echo
	echo "- **sharded**: \`events_sharded\`, enable_partitionwise_aggregate = on: each shard aggregates its rows (the"
	echo "  aggregates are in the Remote SQL) and the three remote queries run at the same time (Async Foreign Scan)."
	echo "- **local_par2**: \`events_local\`, max_parallel_workers_per_gather = 2 (a leader and 2 workers, partial"
	echo "  aggregates combined)."
	echo "- **local_serial**: \`events_local\`, max_parallel_workers_per_gather = 0."
	echo "- **sharded_nopush**: \`events_sharded\`, enable_partitionwise_aggregate = off: the aggregate is above the"
	echo "  Append of the partitions, so it cannot be shipped; the shards send their raw rows."
	echo "- **sharded_nopush_f10k**: the same through foreign tables with fetch_size '10000' (100 rows a round trip"
	echo "  by default): how much of the not-pushed-down cost is round trips."
	echo
	echo "Queries (\`T\` the table):"
	echo
	echo "- by_nationality: \`${Q_NAT//%T/T}\`"
	echo "- by_month (per-shard tallies merged by month): \`${Q_MONTH//%T/T}\`"
	echo
	echo "## Results"
	echo
	q -v nrows="$nrows" <<'EOF'
WITH spec(ord, metric, t, ov, bv) AS (VALUES
	(1, 'by_nationality, time: sharded vs local, 2 parallel workers', 'by_nationality', 'sharded', 'local_par2'),
	(2, 'by_nationality, time: sharded vs local, serial', 'by_nationality', 'sharded', 'local_serial'),
	(3, 'by_nationality, time: sharded vs sharded, not pushed down', 'by_nationality', 'sharded', 'sharded_nopush'),
	(4, 'by_nationality, time: local, 2 parallel workers vs serial', 'by_nationality', 'local_par2', 'local_serial'),
	(4.5, 'by_nationality, time: not pushed down, fetch_size 10000 vs 100', 'by_nationality', 'sharded_nopush_f10k', 'sharded_nopush'),
	(6, 'by_month, time: sharded vs local, 2 parallel workers', 'by_month', 'sharded', 'local_par2'),
	(7, 'by_month, time: sharded vs local, serial', 'by_month', 'sharded', 'local_serial'),
	(8, 'by_month, time: sharded vs sharded, not pushed down', 'by_month', 'sharded', 'sharded_nopush'),
	(9, 'by_month, time: local, 2 parallel workers vs serial', 'by_month', 'local_par2', 'local_serial'),
	(9.5, 'by_month, time: not pushed down, fetch_size 10000 vs 100', 'by_month', 'sharded_nopush_f10k', 'sharded_nopush')
), timed AS (
	SELECT s.ord, s.metric, format('%s ms', round(o.value::numeric)) AS ours, format('%s ms', round(b.value::numeric)) AS base,
		o.value / b.value AS ratio, bench_paired_ratio(s.t, s.ov, s.t, s.bv) AS paired, 'info'::text AS target, '—'::text AS met
	FROM spec s
	JOIN bench_measure o ON o.test = s.t AND o.variant = s.ov
	JOIN bench_measure b ON b.test = s.t AND b.variant = s.bv
), wire AS (
	SELECT CASE p.test WHEN 'by_nationality' THEN 5 ELSE 10 END AS ord,
		format('%s, rows over the wire: pushed down vs not pushed down', p.test) AS metric,
		format('%s rows', p.rows) AS ours, format('%s rows', n.rows) AS base,
		p.rows::float8 / n.rows AS ratio, NULL::float8 AS paired, '< 1%' AS target,
		CASE WHEN p.rows::float8 / n.rows < 0.01 THEN 'yes' ELSE '**no**' END AS met
	FROM bench_wire p JOIN bench_wire n ON n.test = p.test AND n.variant = 'sharded_nopush'
	WHERE p.variant = 'sharded'
)
SELECT '| metric | ours | baseline | ratio of medians | median of per-run ratios | target | met? |' UNION ALL
SELECT '|---|---:|---:|---:|---:|---|---|' UNION ALL
(SELECT format('| %s | %s | %s | %s | %s | %s | %s |', metric, ours, base,
	CASE WHEN target = 'info' THEN to_char(ratio, 'FM990.000') || CASE
		WHEN ratio < 0.67 THEN ' (' || to_char(1 / ratio, 'FM990.0') || '× faster)'
		WHEN ratio > 1.5 THEN ' (' || to_char(ratio, 'FM990.0') || '× slower)'
		ELSE ' (' || to_char(100 * (ratio - 1), 'FMS990.0') || '% time)' END
	ELSE to_char(100 * ratio, 'FM990.0000') || '%' END,
	coalesce(to_char(paired, 'FM990.000'), '—'), target, met)
FROM (SELECT * FROM timed UNION ALL SELECT * FROM wire) x ORDER BY ord);
EOF
	echo
	echo "## Reading the results"
	echo
	med() { q -c "SELECT round(value::numeric) FROM bench_measure WHERE test = '$1' AND variant = '$2'"; }
	shard() { q -c "SELECT round($1(value)::numeric) FROM bench_measure WHERE test = 'shard_$2'"; }
	wire() { q -c "SELECT rows FROM bench_wire WHERE test = '$1' AND variant = '$2'"; }
	ratio() { q -c "SELECT to_char($1::float8 / $2, 'FM990.00')"; }
	for t in by_nationality by_month; do
		declare "sh_$t=$(med "$t" sharded)" "p2_$t=$(med "$t" local_par2)" "s0_$t=$(med "$t" local_serial)" \
			"np_$t=$(med "$t" sharded_nopush)" "nf_$t=$(med "$t" sharded_nopush_f10k)" \
			"sum_$t=$(shard sum "$t")" "max_$t=$(shard max "$t")" "w_$t=$(wire "$t" sharded)" "wn_$t=$(wire "$t" sharded_nopush)"
	done
	cat <<EOS
- **The work is about the same.** The three shards' remote queries, each timed alone on its shard, add up
  to $sum_by_nationality ms (by_nationality) and $sum_by_month ms (by_month); the one local table, serially, takes
  $s0_by_nationality ms and $s0_by_month ms. Splitting the table by nationality adds little or no work per row, and
  with the aggregates pushed down the coordinator only appends $w_by_nationality rows (by_nationality) or merges
  $w_by_month tallies by month (by_month).
- **On one 2-core machine, sharding buys no more than a local parallel plan.** All four servers share the
  same 2 cores. The sharded plan runs three shard backends at once (each serially: postgres_fdw reads
  through a cursor, which never gets a parallel plan), the local parallel plan a leader and two workers; both
  keep the 2 cores busy with about the same work, so both take about half the serial time plus their
  overheads: sharded $sh_by_nationality ms vs local_par2 $p2_by_nationality ms (ratio $(ratio "$sh_by_nationality" "$p2_by_nationality")) for by_nationality,
  $sh_by_month ms vs $p2_by_month ms (ratio $(ratio "$sh_by_month" "$p2_by_month")) for by_month; against serial, $(ratio "$sh_by_nationality" "$s0_by_nationality") and
  $(ratio "$sh_by_month" "$s0_by_month"). Where the sharded plan comes out a little ahead, it is the parallel plan's
  overheads (two new worker processes started for every query, blocks handed out one by one, partial states
  gathered), not more CPU: the shard backends are already running (the connections are cached) and
  nothing is gathered but a few rows. The third shard adds no core here, so neither plan can go below
  about half the serial time; the other work on the machine (see the load average above) shows in the
  spread of the runs (min and max in the detail table).
- **With a shard per machine**, the remote queries would really run side by side: the wall time would be
  about the largest shard's, $max_by_nationality ms and $max_by_month ms alone here (shard 1 holds the most rows),
  plus one round trip carrying a few hundred or thousand small rows; each shard also scans only its own part
  of the data from its own memory and disks.
- **Not pushed down, every row crosses the wire** ($wn_by_nationality rows instead of $w_by_nationality, and
  instead of $w_by_month for by_month), and the coordinator, one process, receives them, converts them from
  text (the input functions of nationality, protection_status and date) and aggregates them alone:
  $np_by_nationality ms and $np_by_month ms, $(ratio "$np_by_nationality" "$sh_by_nationality") and $(ratio "$np_by_month" "$sh_by_month") times the pushed-down plan, and slower
  than one local table read serially ($(ratio "$np_by_nationality" "$s0_by_nationality") and $(ratio "$np_by_month" "$s0_by_month") times). Fetching 10000 rows a round
  trip instead of 100 gives $nf_by_nationality ms and $nf_by_month ms: the round trips are only part of that
  cost, moving and converting the rows is the rest.
- **What crosses the wire grows with the groups, not the events**: one row per nationality (each on one
  shard) for by_nationality, one decision_tally per (nationality, month) group and shard for by_month,
  merged on the coordinator into the same monthly rates as one local table gives.
EOS
	echo
	echo "## Timings in detail"
	echo
	q <<'EOF'
SELECT '| query | variant | median ms | min | max | runs | median of per-run ratios vs sharded | plan (from EXPLAIN) |' UNION ALL
SELECT '|---|---|---:|---:|---:|---:|---:|---|' UNION ALL
(SELECT format('| %s | %s | %s | %s | %s | %s | %s | %s |', m.test, m.variant, round(m.value::numeric), round(m.lo::numeric),
	round(m.hi::numeric), m.n, to_char(bench_paired_ratio(m.test, m.variant, m.test, 'sharded'), 'FM990.000'),
	(SELECT string_agg(DISTINCT replace(nodes, '|', '/'), ' ;; ') FROM bench_timing t WHERE t.test = m.test AND t.variant = m.variant AND run > 0))
FROM bench_measure m
WHERE m.test IN ('by_nationality', 'by_month')
ORDER BY array_position('{by_nationality,by_month}'::text[], m.test),
	array_position('{sharded,local_par2,local_serial,sharded_nopush,sharded_nopush_f10k}'::text[], m.variant));
EOF
	echo
	echo "## The shards"
	echo
	q -v rows="$ROWS" <<'EOF'
SELECT '| shard | rows | share | nationalities | (nationality, month) groups | by_nationality remote query alone, median ms | by_month remote query alone, median ms |' UNION ALL
SELECT '|---|---:|---:|---:|---:|---:|---:|' UNION ALL
(SELECT format('| %s | %s | %s%% | %s | %s | %s | %s |', s.shard, s.rows, to_char(100.0 * s.rows / :rows, 'FM990.0'), s.nats, s.groups,
	round((SELECT value FROM bench_measure WHERE test = 'shard_by_nationality' AND variant = s.shard)::numeric),
	round((SELECT value FROM bench_measure WHERE test = 'shard_by_month' AND variant = s.shard)::numeric))
FROM (SELECT 'shard' || right(tableoid::regclass::text, 1) AS shard, count(*) AS rows, count(DISTINCT nationality) AS nats,
		count(DISTINCT (nationality, month)) AS groups
	FROM events_sharded GROUP BY 1) s ORDER BY 1);
SELECT '';
SELECT format('Sum of the three shards alone: by_nationality %s ms, by_month %s ms (local serial: %s ms, %s ms); '
	'the largest shard alone: %s ms, %s ms.',
	round(sum(value) FILTER (WHERE test = 'shard_by_nationality')::numeric), round(sum(value) FILTER (WHERE test = 'shard_by_month')::numeric),
	round((SELECT value FROM bench_measure WHERE test = 'by_nationality' AND variant = 'local_serial')::numeric),
	round((SELECT value FROM bench_measure WHERE test = 'by_month' AND variant = 'local_serial')::numeric),
	round(max(value) FILTER (WHERE test = 'shard_by_nationality')::numeric), round(max(value) FILTER (WHERE test = 'shard_by_month')::numeric))
FROM bench_measure WHERE test LIKE 'shard\_%';
EOF
	echo
	echo "Each shard's remote query (the Remote SQL of the pushed-down plan) timed on the shard directly, with"
	echo "nothing else running, $RUNS runs after a warm-up, shards interleaved."
	echo
	echo "## Rows over the wire"
	echo
	q <<'EOF'
SELECT '| query | variant | Foreign Scan nodes | rows over the wire | Remote SQL |' UNION ALL
SELECT '|---|---|---:|---:|---|' UNION ALL
(SELECT format('| %s | %s | %s | %s | `%s` |', test, variant, scans, rows,
	(SELECT string_agg(DISTINCT r, '` ;; `') FROM unnest(remote_sql) r))
FROM bench_wire ORDER BY array_position('{by_nationality,by_month}'::text[], test), variant);
SELECT '';
SELECT format('Groups: %s nationalities (by_nationality: one row per nationality, each on one shard); %s (nationality, month) '
	'groups, %s months (by_month). The rows are the sum over the Foreign Scan nodes of actual rows × loops in '
	'EXPLAIN (ANALYZE, VERBOSE).', count(DISTINCT nationality), count(DISTINCT (nationality, month)), count(DISTINCT month))
FROM events_local;
EOF
	echo
	echo "## Data"
	echo
	q -v shard_mb="$shard_mb" -v shard_mb_total="$shard_mb_total" <<'EOF'
SELECT format('- %s events of %s cases, %s to %s (%s months), %s nationalities; head: %s.',
	count(*), count(DISTINCT case_id), min(at)::date, max(at)::date, count(DISTINCT month), count(DISTINCT nationality),
	(SELECT string_agg(format('%s %s%%', n, to_char(pct, 'FM990.0')), ', ' ORDER BY c DESC)
	 FROM (SELECT nationality AS n, count(*) AS c, 100.0 * count(*) / sum(count(*)) OVER () AS pct
	       FROM events_local GROUP BY 1 ORDER BY c DESC LIMIT 10) h))
FROM events_local;
SELECT format('- statuses: %s%% decisions (%s%% substantive: recognized, complementary, rejected; %s%% otherwise closed); %s.',
	to_char(100.0 * count(*) FILTER (WHERE decision_outcome(status) IS NOT NULL) / count(*), 'FM990.0'),
	to_char(100.0 * count(*) FILTER (WHERE decision_outcome(status) IN ('recognized', 'complementary', 'rejected')) / count(*), 'FM990.0'),
	to_char(100.0 * count(*) FILTER (WHERE decision_outcome(status) = 'otherwise_closed') / count(*), 'FM990.0'),
	(SELECT string_agg(format('%s %s%%', s, to_char(pct, 'FM990.0')), ', ' ORDER BY s)
	 FROM (SELECT status AS s, 100.0 * count(*) / sum(count(*)) OVER () AS pct FROM events_local GROUP BY 1) h))
FROM events_local;
SELECT format('- recognition rate overall %s; HND %s, HTI %s, CUB %s, VEN %s.',
	to_char(recognition_rate(status), 'FM0.000'),
	to_char(recognition_rate(status) FILTER (WHERE nationality = 'HND'), 'FM0.000'),
	to_char(recognition_rate(status) FILTER (WHERE nationality = 'HTI'), 'FM0.000'),
	to_char(recognition_rate(status) FILTER (WHERE nationality = 'CUB'), 'FM0.000'),
	to_char(recognition_rate(status) FILTER (WHERE nationality = 'VEN'), 'FM0.000'))
FROM events_local;
SELECT format('- sizes: events_local %s MB on the coordinator; events_l on the shards %s MB in all (%s).',
	pg_relation_size('events_local') / 1048576, :shard_mb_total, :'shard_mb');
EOF
	echo "- every variant gives the same answer (checked row by row before the timings)."
	echo
	echo "## Plans"
	echo
	q <<'EOF'
SELECT format(E'### %s, %s\n\n```\n%s```\n', test, variant, plan)
FROM (SELECT test, variant, plan FROM bench_wire WHERE variant <> 'sharded_nopush_f10k'
      UNION ALL SELECT test, variant, plan FROM bench_plan) p
ORDER BY array_position('{by_nationality,by_month}'::text[], test),
	array_position('{sharded,sharded_nopush,sharded_nopush_f10k,local_par2,local_serial}'::text[], variant);
EOF
	bench_footer
} >"$report"

cp "$report" "$OUT"
cat "$report"
mr_log "written to $OUT"
