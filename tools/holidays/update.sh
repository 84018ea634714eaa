#!/usr/bin/env bash
# tools/holidays/update.sh: regenerate tools/holidays/holidays.tsv from the
# npm package date-holidays at the version package-lock.json pins, then
# src/calendar_data.c from it.  Needs node, npm and the npm registry; run it
# only to take in a new version of the package or a changed correction
# (edit package.json / gen_holidays.js first, then `npm install --save-exact
# date-holidays@X.Y.Z --package-lock-only` here to pin it).  The test suite
# never runs it: tools/gen_calendar.py --check verifies the committed files
# offline.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$here/package.json" "$here/package-lock.json" "$here/gen_holidays.js" "$tmp/"
(cd "$tmp" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
# the generator hashes itself and the lock: the copies are byte-identical
node "$tmp/gen_holidays.js" >"$tmp/holidays.tsv"
cp "$tmp/node_modules/date-holidays/LICENSE" "$here/date-holidays.LICENSE"
mv "$tmp/holidays.tsv" "$here/holidays.tsv"
echo "update.sh: wrote tools/holidays/holidays.tsv ($(grep -vc '^#' "$here/holidays.tsv") lines)" >&2
exec python3 "$here/../gen_calendar.py"
