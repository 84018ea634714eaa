#!/usr/bin/env bash
# The Debian package: build postgresql-15-migrec with pg_buildext
# (dpkg-buildpackage -us -uc -b) from a copy of the source, install it, and
# run the regression suite against the installed package (make installcheck
# against a throwaway cluster).  The package is removed at the end and the
# source build installed again.  Ends with "N passed, N failed".
source "$(dirname "$0")/lib.sh"

mr_install_packages "${MR_PACKAGES[@]}" postgresql-server-dev-all debhelper dpkg-dev
build=$(mktemp -d /tmp/migrec-deb.XXXXXX)
cleanup_package() {
	"${MR_SUDO[@]}" dpkg -r postgresql-15-migrec >/dev/null 2>&1 || true
	"${MR_SUDO[@]}" make -C "$MR_TOP" -s PG_CONFIG="$PG_CONFIG" install >/dev/null 2>&1 || true
	rm -rf "$build"
}

mr_log "building the Debian package"
git -C "$MR_TOP" archive --format=tar HEAD | tar -x -C "$build" 2>/dev/null ||
	(cd "$MR_TOP" && tar --exclude=.git --exclude='*.o' --exclude='*.so' --exclude='*.bc' -cf - .) | tar -x -C "$build"
mkdir -p "$build/src-tree" && (cd "$build" && find . -maxdepth 1 ! -name . ! -name src-tree -exec mv {} src-tree/ \;)
(cd "$build/src-tree" && dpkg-buildpackage -us -uc -b) >"$build/build.log" 2>&1 ||
	{ tail -40 "$build/build.log"; echo "not ok - the package builds"; exit 1; }
deb=$(ls "$build"/postgresql-15-migrec_*.deb)
echo "ok - built $(basename "$deb")"
dpkg-deb -c "$deb" | awk '{print $6}' | grep -E 'migrec' | sed 's/^/  /'

mr_log "installing it"
make -C "$MR_TOP" -s uninstall PG_CONFIG="$PG_CONFIG" >/dev/null 2>&1 || "${MR_SUDO[@]}" make -C "$MR_TOP" -s uninstall PG_CONFIG="$PG_CONFIG" >/dev/null
"${MR_SUDO[@]}" dpkg -i "$deb" >/dev/null
trap 'mr_cleanup; cleanup_package' EXIT
dpkg -s postgresql-15-migrec | grep -E '^(Package|Version|Status)'

MR_PORT=${MR_PORT:-54359}
mr_start
trap 'mr_cleanup; cleanup_package' EXIT
set +e
mr_regress_tap "$MR_TOP/test/regress" make -C "$MR_TOP" -s PG_CONFIG="$PG_CONFIG" installcheck >"$MR_TMP/regress.out"
set -e
cat "$MR_TMP/regress.out"
passed=$(grep -c '^ok ' "$MR_TMP/regress.out" || true)
failed=$(grep -c '^not ok ' "$MR_TMP/regress.out" || true)
[ "$passed" -gt 0 ] || { echo "not ok - the regression suite ran no test"; failed=$((failed + 1)); }
# the tests ran against the packaged files
if dpkg -S "$("$PG_CONFIG" --pkglibdir)/migrec.so" >/dev/null 2>&1; then
	echo "ok - migrec.so belongs to postgresql-15-migrec"; passed=$((passed + 1))
else
	echo "not ok - migrec.so belongs to the package"; failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
