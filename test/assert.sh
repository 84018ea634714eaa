#!/usr/bin/env bash
# The regression and hostile-input suites against migrec built with its
# Assert()s on (make ASSERT=1: -DUSE_ASSERT_CHECKING for the extension
# alone; the server need not be an assert build), in a throwaway cluster.
# Every aggregate state and decoded value is then checked where it crosses
# a function (src/aggkit.h); a failed assertion aborts the backend, which
# fails the suite and leaves TRAP in the server log.  The normal build is
# installed again at the end.  Ends with "N passed, N failed"; a stage that
# ran no test counts as failed.
source "$(dirname "$0")/lib.sh"

mr_install_packages "${MR_PACKAGES[@]}"

restore() {
	make -C "$MR_TOP" -s clean >/dev/null
	make -C "$MR_TOP" -s PG_CONFIG="$PG_CONFIG" >/dev/null
	"${MR_SUDO[@]}" make -C "$MR_TOP" -s PG_CONFIG="$PG_CONFIG" install >/dev/null
}

passed=0
failed=0
# count FILE: its TAP lines (mr_regress_tap); none at all is a failure
count() {
	local ok bad
	ok=$(grep -c '^ok ' "$1" || true)
	bad=$(grep -c '^not ok ' "$1" || true)
	if [ "$ok" -eq 0 ] && [ "$bad" -eq 0 ]; then
		echo "not ok - $1: no test ran"
		bad=1
	fi
	passed=$((passed + ok))
	failed=$((failed + bad))
}

mr_log "building migrec with assertions (make ASSERT=1)"
make -C "$MR_TOP" -s clean >/dev/null
make -C "$MR_TOP" -s PG_CONFIG="$PG_CONFIG" ASSERT=1 WERROR=1 >/dev/null
"${MR_SUDO[@]}" make -C "$MR_TOP" -s PG_CONFIG="$PG_CONFIG" install >/dev/null
# the library installed is the assert build: it calls ExceptionalCondition
if ! nm -D "$("$PG_CONFIG" --pkglibdir)/migrec.so" | grep -q ExceptionalCondition; then
	echo "not ok - the installed migrec.so has assertions"
	failed=$((failed + 1))
else
	echo "ok - the installed migrec.so has assertions"
	passed=$((passed + 1))
fi

MR_PORT=${MR_PORT:-54369}
mr_start
trap 'mr_cleanup || true; restore' EXIT

set +e
mr_regress_tap "$MR_TOP/test/regress" make -C "$MR_TOP" -s PG_CONFIG="$PG_CONFIG" installcheck >"$MR_TMP/regress.out"
set -e
cat "$MR_TMP/regress.out"
count "$MR_TMP/regress.out"

make -C "$MR_TOP/test/hostile" -s PG_CONFIG="$PG_CONFIG" >/dev/null
"${MR_SUDO[@]}" make -C "$MR_TOP/test/hostile" -s PG_CONFIG="$PG_CONFIG" install >/dev/null
set +e
mr_regress_tap "$MR_TOP/test/hostile/regress" make -C "$MR_TOP/test/hostile" -s PG_CONFIG="$PG_CONFIG" installcheck >"$MR_TMP/hostile.out"
set -e
cat "$MR_TMP/hostile.out"
count "$MR_TMP/hostile.out"

if grep -nE 'TRAP:|terminated by signal|PANIC' "$MR_TMP/server.log"; then
	echo "not ok - no failed assertion or crash in the server log"
	failed=$((failed + 1))
else
	echo "ok - no failed assertion or crash in the server log"
	passed=$((passed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
