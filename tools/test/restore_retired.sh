#!/usr/bin/env bash
# tools/test/restore_retired.sh: dump and restore across a table update,
# end to end in a server.  A database made with the committed tables (a
# place and a journey at GB-ABE, FR-01, AX, FR-69; a route_ops GIN index)
# is dumped; then migrec's library built from a simulated newer iso-codes
# (tools/test/fixture.py: GB-ABE dropped, FR-01 moved from FR-ARA to FR-BFC,
# Åland withdrawn) replaces the installed one, and:
#   - the dump restores, every value decodes, the retired code keeps its
#     name and parent and is not offered by subdivisions();
#   - the old database's GIN index, built with the old table, answers
#     r @> 'FR-BFC' and r @> 'FR-ARA' wrongly, and right after REINDEX
#     (what docs/reference-data.md tells DBAs to do).
#
# It swaps the library in $PG_CONFIG's pkglibdir for the length of the test
# and puts the installed one back on exit, so it refuses the system's
# PostgreSQL (which other people's servers load) unless CI=true (a machine
# of its own).  Run it against a private installation:
#
#     PG_CONFIG=/path/to/pg_config MR_PORT=54xxx bash tools/test/restore_retired.sh
#
# Prints TAP; exit status 0 when every test passed.
source "$(dirname "${BASH_SOURCE[0]}")/../../test/lib.sh"
set +e
LIB=$("$PG_CONFIG" --pkglibdir)
if [[ $LIB == /usr/lib/postgresql/* && ${CI:-} != true ]]; then
	echo "restore_retired.sh: $LIB is the system's PostgreSQL; this test swaps migrec.so there." >&2
	echo "Run it with PG_CONFIG of a private installation, or with CI=true on a machine of its own." >&2
	exit 2
fi
[ -f "$LIB/migrec.so" ] || { echo "restore_retired.sh: migrec is not installed in $LIB" >&2; exit 2; }

n=0
failed=0
ok() {
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi
}
is() { # is GOT WANT DESCRIPTION
	[ "$1" = "$2" ]
	ok $? "$3"
	[ "$1" = "$2" ] || printf '#   got:  %s\n#   want: %s\n' "$1" "$2"
}

work=$(mktemp -d /tmp/migrec-retired.XXXXXX)
chmod 755 "$work"
cp "$LIB/migrec.so" "$work/migrec.so.installed"
# Replace the library by renaming a copy over it, never by writing into it:
# a server process that has the old file mapped would crash (SIGBUS) if its
# pages changed under it.
swap_library() { cp "$1" "$LIB/.migrec.so.swap" && mv -f "$LIB/.migrec.so.swap" "$LIB/migrec.so"; }
restore_library() { swap_library "$work/migrec.so.installed"; rm -rf "$work"; }

# The library from the simulated newer iso-codes, built in a copy of the tree.
mkdir "$work/tree"
(cd "$MR_TOP" && tar --exclude=.git --exclude='*.o' --exclude='*.so' --exclude='*.bc' -cf - .) | tar -x -C "$work/tree"
if python3 "$MR_TOP/tools/test/fixture.py" "$work/sources" drop:GB-ABE reparent:FR-01:BFC withdraw:ALA &&
	python3 "$work/tree/tools/gen_tables.py" --sources "$work/sources" --release 99.0 \
		--out "$work/tree/src/codes_data.c" >"$work/gen.out" 2>&1 &&
	make -C "$work/tree" -s PG_CONFIG="$PG_CONFIG" >"$work/make.out" 2>&1; then
	ok 0 "migrec built from a newer iso-codes (GB-ABE dropped, FR-01 re-parented, AX withdrawn)"
else
	ok 1 "migrec built from a newer iso-codes (GB-ABE dropped, FR-01 re-parented, AX withdrawn)"
	tail -20 "$work/gen.out" "$work/make.out" | sed 's/^/#   /'
	restore_library
	echo "1..$n"
	exit 1
fi

mr_start
trap 'restore_library; mr_cleanup' EXIT
q() { psql -X -At -v ON_ERROR_STOP=1 "$@"; }
q -q <<'SQL'
CREATE EXTENSION migrec;
CREATE TABLE t (id int PRIMARY KEY, p place, r route);
INSERT INTO t VALUES
 (1, 'GB-ABE', route(ARRAY['GB-ABE -> GB-EDH [2024-01-01,2024-01-02]'::route_segment])),
 (2, 'FR-01',  route(ARRAY['FR-01 -> FR-75 [2024-01-01,2024-01-02]'::route_segment])),
 (3, 'AX',     route(ARRAY['AX -> FI [2024-01-01,2024-01-02]'::route_segment])),
 (4, 'FR-69',  route(ARRAY['FR-69 -> FR-75 [2024-01-01,2024-01-02]'::route_segment]));
CREATE INDEX t_r ON t USING gin (r);
SQL
pg_dump -Fc -f "$work/old.dump" "$PGDATABASE"
ok $? "dump of a database made with the committed tables"

swap_library "$work/tree/migrec.so"
createdb restored && pg_restore -d restored "$work/old.dump" 2>"$work/restore.err"
ok $? "it restores with the newer tables"
sed 's/^/#   /' "$work/restore.err"
is "$(q -d restored -c "SELECT string_agg(format('%s %s %s %s', p, place_name(p), country_of(p), nationality_kind(country_of(p))), '; ' ORDER BY id) FROM t")" \
	"GB-ABE Aberdeen City GBR country; FR-01 Ain FRA country; AX Åland Islands ALA withdrawn; FR-69 Rhône FRA country" \
	"every value decodes: the retired GB-ABE with its name, AX as withdrawn Åland"
is "$(q -d restored -c "SELECT string_agg(format('%s %s%s%s', p, (p <@ 'GB-SCT')::int, (p <@ 'FR-ARA')::int, (p <@ 'FR-BFC')::int), '; ' ORDER BY id) FROM t")" \
	"GB-ABE 100; FR-01 001; AX 000; FR-69 010" \
	"containment: GB-ABE within its last parent GB-SCT, FR-01 within FR-BFC only"
is "$(q -d restored -c "SELECT 'gb-abe'::place, (SELECT count(*) FROM subdivisions('GB') WHERE place = 'GB-ABE'), (SELECT count(*) FROM subdivisions('GB'))")" \
	"GB-ABE|0|219" "GB-ABE is accepted as input but not offered by subdivisions('GB')"
is "$(q -d restored -c "SELECT string_agg(p::text, ',') FROM t WHERE place_kind(p) = 'subdivision' AND NOT EXISTS (SELECT FROM subdivisions() s WHERE s.place = p)")" \
	"GB-ABE" "docs/reference-data.md's query finds the retired code in the data"
by_index() { q -d "$1" -c "SET enable_seqscan = off; SELECT (SELECT coalesce(string_agg(id::text, ',' ORDER BY id), '-') FROM t WHERE r @> 'FR-BFC') || ' ' || (SELECT coalesce(string_agg(id::text, ',' ORDER BY id), '-') FROM t WHERE r @> 'FR-ARA')" | tail -1; }
is "$(by_index restored)" "2 4" "the restored GIN index (built with the newer table) answers FR-BFC / FR-ARA right"
is "$(by_index "$PGDATABASE")" "- 2,4" "the old GIN index answers them as the old table did (stale: what the REINDEX note is for)"
q -c "REINDEX INDEX t_r" >/dev/null
is "$(by_index "$PGDATABASE")" "2 4" "after REINDEX it answers right"

echo "1..$n"
[ "$failed" -eq 0 ]
