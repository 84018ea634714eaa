#!/usr/bin/env bash
# test/pg_upgrade/run.sh OLD NEW: pg_upgrade, from PostgreSQL OLD to NEW, of
# a cluster holding migrec 0.1 data (data.sql: every type, btree, hash and
# GIN indexes, a table partitioned by hash of nationality).  Both servers
# must be installed in Debian's layout (/usr/lib/postgresql/N) with migrec
# built and installed for each; run as root (the servers run as postgres).
# test/matrix.sh runs it in its trixie and forky chroots, where bookworm's
# postgresql-15 sits beside postgresql-17 and -18.
#
# Checks, one "ok - ..." or "not ok - ..." line each ("# " lines explain):
#   pg_upgrade succeeds (the migrec library installed in the new server);
#   amcheck's bt_index_check (with heapallindexed) passes on every btree
#   index of the upgraded database;
#   queries.sql answers the same before and after (every row, each
#   partition's rows, queries through each index);
#   the extension's objects are those of a fresh 0.1 install on the new
#   server;
#   after ALTER EXTENSION migrec UPDATE (0.1 to the newest), the same
#   answers again, and the objects of a fresh install of the newest;
#   a dump of the old database (the old server's pg_dump -Fc) restores into
#   a new cluster of the new server, amcheck passes there and the answers
#   are the same.
set -uo pipefail
old=$1
new=$2
here=$(cd "$(dirname "$0")" && pwd)
ob=/usr/lib/postgresql/$old/bin
nb=/usr/lib/postgresql/$new/bin
work=/tmp/migrec-pg-upgrade
oport=54415
nport=54417

as_pg() { (cd "$work" && runuser -u postgres -- "$@"); }
sql() { # port psql-args... (database "upgrade" unless PGDATABASE says)
	local port=$1
	shift
	PGDATABASE=${PGDATABASE:-upgrade} "$nb/psql" -X -q -v ON_ERROR_STOP=1 -h "$work" -p "$port" -U postgres "$@"
}
# the extension's member objects, one a line
members() { # port database
	PGDATABASE=$2 sql "$1" -At -c "
		SELECT pg_describe_object(classid, objid, objsubid) COLLATE \"C\" FROM pg_depend
		WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e'
		  AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'migrec')
		ORDER BY 1"
}
ok() { echo "ok - $*"; }
not_ok() { # description, then the detail on stdin
	echo "not ok - $1"
	sed 's/^/#   /' | tail -40
}
stop_all() {
	local d
	for d in old new restored; do
		[ -f "$work/$d/postmaster.pid" ] &&
			as_pg "$([ $d = old ] && echo "$ob" || echo "$nb")/pg_ctl" -D "$work/$d" -m fast -w stop >/dev/null 2>&1
	done
	return 0
}
trap 'stop_all; rm -rf "$work"' EXIT

start() { # bindir datadir port
	as_pg "$1/pg_ctl" -D "$2" -l "$2.log" -w \
		-o "-k $work -p $3 -c listen_addresses='' -c fsync=off -c log_line_prefix='%m [%p] %e '" start >/dev/null
}

rm -rf "$work"
mkdir -p "$work"
chown postgres: "$work"
cp "$here/data.sql" "$here/queries.sql" "$work/"

# the old cluster, its data, its answers
if ! { as_pg "$ob/initdb" --no-sync -D "$work/old" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$work/initdb-old.log" 2>&1 &&
	start "$ob" "$work/old" "$oport" &&
	"$ob/createdb" -h "$work" -p "$oport" -U postgres upgrade &&
	sql "$oport" -f "$work/data.sql" >"$work/data.log" 2>&1 &&
	sql "$oport" -f "$work/queries.sql" >"$work/before.out" 2>&1 &&
	members "$oport" upgrade >"$work/members-before" &&
	as_pg "$ob/pg_dump" -Fc -h "$work" -p "$oport" -U postgres -f "$work/upgrade.dump" upgrade &&
	as_pg "$ob/pg_ctl" -D "$work/old" -m fast -w stop >/dev/null; }; then
	cat "$work"/*.log "$work/before.out" 2>/dev/null | not_ok "PostgreSQL $old: a cluster with migrec 0.1 data"
	exit 1
fi
rows=$(awk -F'|' 'NR > 2 && NF == 4 { s += $3 } /^$/ { exit } END { print s + 0 }' "$work/before.out")

# pg_upgrade into a new cluster
# From 18 initdb turns data checksums on by default, and pg_upgrade needs
# the old cluster's setting (off, 15's default) in the new one.
checksums=
"$nb/initdb" --help | grep -q -- --no-data-checksums && checksums=--no-data-checksums
if as_pg "$nb/initdb" --no-sync $checksums -D "$work/new" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$work/initdb-new.log" 2>&1 &&
	as_pg "$nb/pg_upgrade" --no-sync -U postgres -b "$ob" -B "$nb" -d "$work/old" -D "$work/new" \
		-p "$oport" -P "$nport" -s "$work" >"$work/pg_upgrade.log" 2>&1; then
	ok "PostgreSQL $old to $new: pg_upgrade of a database with migrec 0.1 data ($rows rows)"
else
	{ tail -30 "$work/pg_upgrade.log"; cat "$work"/new/pg_upgrade_output.d/*/*.txt 2>/dev/null | head -30; } |
		not_ok "PostgreSQL $old to $new: pg_upgrade of a database with migrec 0.1 data"
	exit 1
fi

start "$nb" "$work/new" "$nport" || { cat "$work/new.log" | not_ok "PostgreSQL $new: start the upgraded cluster"; exit 1; }

# amcheck on every btree index of the database (partitioned parents have
# no storage; their partitions' indexes are checked)
if out=$(sql "$nport" -At -c "CREATE EXTENSION amcheck" -c "
	SELECT count(*), count(*) FILTER (WHERE c.relname LIKE 'cases%' OR c.relname LIKE 'journey%'
	                                   OR c.relname LIKE 'by_nationality%')
	FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
	JOIN pg_namespace ns ON ns.oid = c.relnamespace,
	     LATERAL (SELECT bt_index_check(c.oid, true)) chk
	WHERE am.amname = 'btree' AND c.relkind = 'i' AND c.relpersistence = 'p'
	  AND ns.nspname NOT IN ('pg_toast')" 2>&1); then
	ok "PostgreSQL $old to $new: amcheck on every btree index ($(echo "$out" | cut -d'|' -f1) indexes, $(echo "$out" | cut -d'|' -f2) of them on the test's tables)"
else
	echo "$out" | not_ok "PostgreSQL $old to $new: amcheck on every btree index"
fi

nq=$(grep -c '^SELECT' "$work/queries.sql")
sql "$nport" -f "$work/queries.sql" >"$work/after.out" 2>&1
if diff -u "$work/before.out" "$work/after.out" >"$work/after.diff"; then
	ok "PostgreSQL $old to $new: the same answers after pg_upgrade ($nq queries)"
else
	not_ok "PostgreSQL $old to $new: the same answers after pg_upgrade" <"$work/after.diff"
fi

# the extension's objects: those a fresh install of 0.1 on the new server
# has (which may differ from the old server's: from 17 on, array types join
# the extension with their element type)
if "$nb/createdb" -h "$work" -p "$nport" -U postgres fresh_0_1 &&
	PGDATABASE=fresh_0_1 sql "$nport" -c "CREATE EXTENSION migrec VERSION '0.1'" &&
	members "$nport" fresh_0_1 >"$work/members-fresh-0.1" &&
	members "$nport" upgrade >"$work/members-after" &&
	diff -u "$work/members-fresh-0.1" "$work/members-after" >"$work/members.diff" 2>&1; then
	ok "PostgreSQL $old to $new: the extension's objects after pg_upgrade are a fresh 0.1 install's on $new ($(wc -l <"$work/members-after") objects)"
	diff "$work/members-before" "$work/members-after" | sed -n 's/^> /# note: a member on '"$new"', not on '"$old"': /p; s/^< /# note: a member on '"$old"', not on '"$new"': /p'
else
	not_ok "PostgreSQL $old to $new: the extension's objects after pg_upgrade are a fresh 0.1 install's on $new" <"$work/members.diff"
fi

if sql "$nport" -c "ALTER EXTENSION migrec UPDATE" >"$work/update.log" 2>&1 &&
	version=$(sql "$nport" -At -c "SELECT extversion FROM pg_extension WHERE extname = 'migrec'") &&
	sql "$nport" -f "$work/queries.sql" >"$work/updated.out" 2>&1 &&
	diff -u "$work/before.out" "$work/updated.out" >"$work/updated.diff"; then
	ok "PostgreSQL $old to $new: ALTER EXTENSION migrec UPDATE (0.1 to $version) after pg_upgrade, the same answers"
else
	cat "$work/update.log" "$work/updated.diff" 2>/dev/null |
		not_ok "PostgreSQL $old to $new: ALTER EXTENSION migrec UPDATE after pg_upgrade, the same answers"
fi
if "$nb/createdb" -h "$work" -p "$nport" -U postgres fresh &&
	PGDATABASE=fresh sql "$nport" -c "CREATE EXTENSION migrec" &&
	members "$nport" fresh >"$work/members-fresh" &&
	members "$nport" upgrade >"$work/members-updated" &&
	diff -u "$work/members-fresh" "$work/members-updated" >"$work/members-updated.diff" 2>&1; then
	ok "PostgreSQL $old to $new: the extension's objects after the update are a fresh install's on $new ($(wc -l <"$work/members-updated") objects)"
else
	not_ok "PostgreSQL $old to $new: the extension's objects after the update are a fresh install's on $new" <"$work/members-updated.diff"
fi

# A dump taken on the old server (its own pg_dump, custom format) restored
# into a new cluster of the new server: the same answers, amcheck clean.
rport=$((nport + 1))
if as_pg "$nb/initdb" --no-sync -D "$work/restored" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$work/initdb-restored.log" 2>&1 &&
	start "$nb" "$work/restored" "$rport" &&
	"$nb/createdb" -h "$work" -p "$rport" -U postgres upgrade &&
	as_pg "$nb/pg_restore" --exit-on-error -h "$work" -p "$rport" -U postgres -d upgrade "$work/upgrade.dump" >"$work/restore.log" 2>&1; then
	ok "PostgreSQL $old to $new: a dump taken on $old (pg_dump -Fc) restores into $new"
	out=$(sql "$rport" -At -c "CREATE EXTENSION amcheck" -c "
		SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam,
		     LATERAL (SELECT bt_index_check(c.oid, true)) chk
		WHERE am.amname = 'btree' AND c.relkind = 'i' AND c.relnamespace = 'public'::regnamespace" 2>&1) &&
		ok "PostgreSQL $old to $new: amcheck on every btree index of the restored database ($out indexes)" ||
		echo "$out" | not_ok "PostgreSQL $old to $new: amcheck on every btree index of the restored database"
	sql "$rport" -f "$work/queries.sql" >"$work/restored.out" 2>&1
	if diff -u "$work/before.out" "$work/restored.out" >"$work/restored.diff"; then
		ok "PostgreSQL $old to $new: the same answers after the restore ($nq queries)"
	else
		not_ok "PostgreSQL $old to $new: the same answers after the restore" <"$work/restored.diff"
	fi
else
	cat "$work/initdb-restored.log" "$work/restore.log" "$work/restored.log" 2>/dev/null |
		not_ok "PostgreSQL $old to $new: a dump taken on $old (pg_dump -Fc) restores into $new"
fi

# no crash or internal error in any server's log
if grep -hE 'TRAP:|terminated by signal|PANIC|XX000' "$work/old.log" "$work/new.log" "$work/restored.log" >"$work/log.bad" 2>/dev/null; then
	not_ok "PostgreSQL $old to $new: server logs clean" <"$work/log.bad"
else
	ok "PostgreSQL $old to $new: server logs clean"
fi
