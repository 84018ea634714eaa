#!/usr/bin/env bash
# Real clients against the running cluster (PG* environment): psycopg2 from
# Debian, node-postgres from npm.  The demo's report runs through node-pg
# and through psql on the same small dataset, and the two must agree row for
# row.  Prints TAP.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"; dropdb --if-exists migrec_clients 2>/dev/null || true' EXIT

createdb migrec_clients
export PGDATABASE=migrec_clients
psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION migrec"

# psycopg2: Debian's python3 (not a python of one's own PATH)
/usr/bin/python3 "$here/test_psycopg.py"

# node-postgres: the demo report, and every type read as text
psql -X -q -v ON_ERROR_STOP=1 -v scale=0.02 -f "$top/examples/demo_data.sql"
grep -v '^\\' "$top/examples/report.sql" >"$work/report.sql"
psql -X -q -A -t -F '|' -v ON_ERROR_STOP=1 -f "$work/report.sql" | grep -v '^$' >"$work/psql.out"
(cd "$here/node" && npm install --no-audit --no-fund --silent >/dev/null)
node "$here/node/report.mjs" "$top/examples/report.sql" "$work/node.out" >"$work/node.tap"
grep -v '^$' "$work/node.out" >"$work/node.rows"
rows=$(wc -l <"$work/psql.out")
if [ "$rows" -gt 50 ] && diff "$work/psql.out" "$work/node.rows" >"$work/diff"; then
	echo "ok - node-postgres reads the demo report as psql does ($rows rows)"
else
	echo "not ok - node-postgres and psql differ on the demo report ($rows rows)"
	head -20 "$work/diff"
fi
sed 's/^ok [0-9]* - /ok - /; s/^not ok [0-9]* - /not ok - /' "$work/node.tap" | grep -v '^1\.\.'
