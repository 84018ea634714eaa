#!/usr/bin/env bash
# Real clients against the running cluster (PG* environment): psycopg2 from
# Debian, node-postgres from npm, and the drivers reporting tools use:
# psqlODBC with unixODBC (Excel, Power BI, Tableau) and pgjdbc (Metabase,
# JasperReports, DBeaver), from Debian, installed here when missing.  The
# demo's report runs through node-pg, ODBC, JDBC and psql on the same small
# dataset, and they must agree row for row.  Prints TAP.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"; dropdb --if-exists migrec_clients 2>/dev/null || true' EXIT

# The Debian packages the ODBC and JDBC tests need (installed when missing).
need=(odbc-postgresql unixodbc unixodbc-dev libpostgresql-jdbc-java libjunixsocket-java gcc)
command -v javac >/dev/null || need+=(default-jdk-headless)
missing=()
for p in "${need[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
	"${sudo[@]}" apt-get update -qq
	DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# tap NAME COMMAND...: COMMAND's TAP lines, unnumbered; a command that fails
# without saying which test failed is one failure.
tap() {
	local name=$1 rc=0
	shift
	"$@" >"$work/tap.out" 2>"$work/tap.err" || rc=$?
	sed -n 's/^ok [0-9]* - /ok - '"$name"': /p; s/^not ok [0-9]* - /not ok - '"$name"': /p; /^#/p' "$work/tap.out"
	if [ "$rc" -ne 0 ] && ! grep -q '^not ok' "$work/tap.out"; then
		echo "not ok - $name exited with status $rc"
		sed 's/^/#   /' "$work/tap.err" | head -20
	fi
}
# same_rows NAME FILE: FILE's rows are psql's
same_rows() {
	grep -v '^$' "$2" >"$2.rows" || true
	if [ "$rows" -gt 50 ] && diff "$work/psql.out" "$2.rows" >"$work/diff"; then
		echo "ok - $1 reads the demo report as psql does ($rows rows)"
	else
		echo "not ok - $1 and psql differ on the demo report ($rows rows)"
		head -20 "$work/diff"
	fi
}

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

# psqlODBC through unixODBC, with a driver connection string (no DSN file):
# the Unicode driver (psqlodbcw, what Windows tools load) with its default
# options and with UnknownsAsLongVarchar=1, and the ANSI driver.
odbc=/usr/lib/x86_64-linux-gnu/odbc
cc -O1 -Wall -Wextra -o "$work/odbc_client" "$here/odbc_client.c" -lodbc
conn="Servername=${PGHOST:-/var/run/postgresql};Port=${PGPORT:-5432};Database=$PGDATABASE;Uid=${PGUSER:-$(id -un)};"
tap "ODBC psqlodbcw" "$work/odbc_client" "Driver=$odbc/psqlodbcw.so;$conn" types
tap "ODBC psqlodbcw" "$work/odbc_client" "Driver=$odbc/psqlodbcw.so;${conn}UnknownsAsLongVarchar=1;" types
tap "ODBC psqlodbca" "$work/odbc_client" "Driver=$odbc/psqlodbca.so;$conn" types
tap "ODBC psqlodbcw" "$work/odbc_client" "Driver=$odbc/psqlodbcw.so;$conn" report "$work/report.sql" "$work/odbc.out"
same_rows "psqlODBC (unicode driver)" "$work/odbc.out"

# pgjdbc: the test cluster listens on a Unix socket only, which pgjdbc
# reaches through junixsocket's socket factory (Debian's libjunixsocket-java);
# a tool would connect over TCP, with the same type handling.
jars=/usr/share/java/postgresql.jar:/usr/share/java/junixsocket-common.jar
javac -nowarn -cp "$jars" -d "$work/java" "$here/JdbcClient.java"
url="jdbc:postgresql://localhost/$PGDATABASE?user=${PGUSER:-$(id -un)}"
url+="&socketFactory=org.newsclub.net.unix.AFUNIXSocketFactory\$FactoryArg"
url+="&socketFactoryArg=${PGHOST:-/var/run/postgresql}/.s.PGSQL.${PGPORT:-5432}"
tap "JDBC" java -cp "$work/java:$jars" JdbcClient "$url" types
tap "JDBC" java -cp "$work/java:$jars" JdbcClient "$url" report "$work/report.sql" "$work/jdbc.out"
same_rows "pgjdbc" "$work/jdbc.out"
