#!/usr/bin/env bash
# The regression suite against migrec built with AddressSanitizer and UBSan
# (clang), in a server whose postmaster has clang's ASan runtime preloaded
# (leak detection off: the server's own allocations are not ours to judge).
# Any sanitizer report in the server log fails it.  The normal build is
# installed again at the end.  Ends with "N passed, N failed".
source "$(dirname "$0")/lib.sh"

mr_install_packages "${MR_PACKAGES[@]}"
ASAN_RT=$(clang -print-file-name=libclang_rt.asan-x86_64.so)
[ -f "$ASAN_RT" ] || { echo "no ASan runtime at $ASAN_RT" >&2; exit 1; }
SAN_FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=undefined -shared-libasan -fno-omit-frame-pointer -g -O1"
SAN_LIBS="-fsanitize=address,undefined -shared-libasan -Wl,-rpath,$(dirname "$ASAN_RT")"

restore() {
	make -C "$MR_TOP" -s clean >/dev/null
	make -C "$MR_TOP" -s PG_CONFIG="$PG_CONFIG" >/dev/null
	"${MR_SUDO[@]}" make -C "$MR_TOP" -s PG_CONFIG="$PG_CONFIG" install >/dev/null
}

mr_log "building migrec with ASan and UBSan"
make -C "$MR_TOP" -s clean >/dev/null
make -C "$MR_TOP" -s PG_CONFIG="$PG_CONFIG" CC=clang COPT="$SAN_FLAGS" with_llvm=no \
	LDFLAGS_SL="$SAN_LIBS" >/dev/null 2>&1
"${MR_SUDO[@]}" make -C "$MR_TOP" -s PG_CONFIG="$PG_CONFIG" with_llvm=no install >/dev/null
SHIM_DIR=$(mktemp -d /tmp/migrec-shim.XXXXXX)
cc -shared -fPIC -O2 -o "$SHIM_DIR/nls_shim.so" "$MR_TOP/test/sanitize/nls_shim.c"
chmod -R a+rx "$SHIM_DIR"

MR_SERVER_ENV="LD_PRELOAD=$ASAN_RT:$SHIM_DIR/nls_shim.so ASAN_OPTIONS=detect_leaks=0:abort_on_error=0:print_summary=1 UBSAN_OPTIONS=print_stacktrace=1"
MR_PORT=${MR_PORT:-54349}
mr_start
# (mr_cleanup returns the run's status: the normal build goes back even after a failure)
trap 'mr_cleanup || true; restore; rm -rf "$SHIM_DIR"' EXIT

set +e
mr_regress_tap "$MR_TOP/test/regress" make -C "$MR_TOP" -s PG_CONFIG="$PG_CONFIG" installcheck >"$MR_TMP/regress.out"
set -e
cat "$MR_TMP/regress.out"
passed=$(grep -c '^ok ' "$MR_TMP/regress.out" || true)
failed=$(grep -c '^not ok ' "$MR_TMP/regress.out" || true)
[ "$passed" -gt 0 ] || { echo "not ok - the regression suite ran no test"; failed=$((failed + 1)); }
# the server really ran with the runtime: the instrumented module needs it
if ! grep -q 'libclang_rt.asan' "/proc/$(head -1 "$MR_TMP/data/postmaster.pid")/maps" 2>/dev/null; then
	echo "not ok - the server loaded the ASan runtime"
	failed=$((failed + 1))
fi
if grep -nE 'AddressSanitizer|runtime error:|LeakSanitizer|UndefinedBehaviorSanitizer' "$MR_TMP/server.log"; then
	echo "not ok - no sanitizer reports in the server log"
	failed=$((failed + 1))
else
	echo "ok - no sanitizer reports in the server log"
	passed=$((passed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
