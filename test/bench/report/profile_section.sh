#!/usr/bin/env bash
# test/bench/report/profile_section.sh: a perf profile of one backend running
# one report section, after the sections it needs (their temporary tables).
#   bash profile_section.sh DB SYSTEM SECTION [PREP_SECTION...]
#   e.g. bash profile_section.sh r_migrec migrec s3_backlog histories
# (PGHOST/PGPORT/PGUSER of a cluster loaded by bench_report.sh's loaders;
# perf, and the right to attach to the backend: root.)  Prints the top
# functions by own time, then with their callees.
set -euo pipefail
db=$1 system=$2 section=$3
shift 3
dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$(mktemp -d /tmp/migrec-perf.XXXXXX)
coproc P { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" 2>&1; }
echo "SELECT pg_backend_pid();" >&"${P[1]}"
read -r pid <&"${P[0]}"
{
	echo '\o /dev/null'
	for p in "$@"; do echo "\\i $dir/$system/$p.sql"; done
	echo '\o'
	echo "SELECT 'prepared';"
} >&"${P[1]}"
while read -r l <&"${P[0]}"; do [ "$l" = prepared ] && break; done
perf record -g -p "$pid" -o "$out/perf.data" 2>/dev/null &
perf_pid=$!
sleep 0.5
printf '%s\n' '\o /dev/null' "\\i $dir/$system/$section.sql" '\o' "SELECT 'done';" >&"${P[1]}"
while read -r l <&"${P[0]}"; do [ "$l" = done ] && break; done
kill -INT "$perf_pid"
wait "$perf_pid" || true
echo '\q' >&"${P[1]}"
perf report -i "$out/perf.data" --no-children --percent-limit 2 --stdio -g none 2>/dev/null | grep -vE '^(#|$)' | head -20
echo
perf report -i "$out/perf.data" --children --percent-limit 5 --stdio -g none 2>/dev/null | grep -vE '^(#|$)' | grep -v ' 0x0000' | grep -vE "(libc_start_call_main|PostgresMain|PostmasterMain|] main$)" | head -30
rm -rf "$out"
