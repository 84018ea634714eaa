#!/bin/sh
# Build the installed extension scripts from their sources in scripts/, for
# one PostgreSQL major version:
#
#   tools/build_sql.sh MAJOR OUTDIR
#
#   OUTDIR/migrec--0.1.sql       scripts/migrec--0.1.sql (released; frozen)
#   OUTDIR/migrec--0.1--0.2.sql  scripts/migrec--0.1--0.2/*.sql, in name order
#   OUTDIR/migrec--0.2.sql       the two above in sequence: a fresh install
#                                runs exactly the statements of an update,
#                                so the two cannot drift apart
#
# A line ending in "-- @pg<N" is kept (without the marker) only for servers
# before major version N, one ending in "-- @pg>=N" only from N on.  The
# sources carry no \echo guard: each built script gets the one that fits it.
set -eu
major=$1
out=$2
top=$(cd "$(dirname "$0")/.." && pwd)
src=$top/scripts

# the lines of a source file meant for this server, markers removed
for_server() {
	awk -v major="$major" '
		match($0, / -- @pg(<|>=)[0-9]+$/) {
			marker = substr($0, RSTART + 7)
			line = substr($0, 1, RSTART - 1)
			if (substr(marker, 1, 1) == "<") { keep = major < substr(marker, 2) + 0 }
			else { keep = major >= substr(marker, 3) + 0 }
			if (keep) print line
			next
		}
		{ print }' "$1"
}

# the body of the released 0.1 script: everything after its \echo guard
body_0_1() {
	for_server "$src/migrec--0.1.sql" | awk 'found { print } /^\\echo .*\\quit$/ { found = 1 }'
}

body_0_2() {
	for f in "$src"/migrec--0.1--0.2/*.sql; do
		printf '\n-- from scripts/migrec--0.1--0.2/%s\n' "$(basename "$f")"
		for_server "$f"
	done
}

note="-- Built by tools/build_sql.sh for PostgreSQL $major: edit scripts/, not this file."
mkdir -p "$out"
{
	for_server "$src/migrec--0.1.sql" | sed '1a\'"$note"
} >"$out/migrec--0.1.sql"
{
	echo "/* migrec--0.1--0.2.sql: what release 0.2 adds to a 0.1 database. */"
	echo "$note"
	echo
	echo '-- complain if script is sourced in psql, rather than via ALTER EXTENSION'
	printf '%s\n' '\echo Use "ALTER EXTENSION migrec UPDATE TO '"'0.2'"'" to load this file. \quit'
	body_0_2
} >"$out/migrec--0.1--0.2.sql"
{
	echo "/* migrec--0.2.sql: migration records for PostgreSQL (0.1, then what 0.2 adds). */"
	echo "$note"
	echo
	echo '-- complain if script is sourced in psql, rather than via CREATE EXTENSION'
	printf '%s\n' '\echo Use "CREATE EXTENSION migrec" to load this file. \quit'
	body_0_1
	body_0_2
} >"$out/migrec--0.2.sql"
