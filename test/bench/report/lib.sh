# test/bench/report/lib.sh: the whole report in three designs (migrec,
# plain PostgreSQL, jsonb documents), for report_equal.sh (CI) and
# bench_report.sh.  Sourced after test/lib.sh, with PGHOST/PGPORT/PGUSER set.
#
#   report_systems                      migrec plain jsonb
#   report_sections [query|prep]        the section names of sections.list, in order
#   report_demo DB SCALE                a database with the demo's data (examples/demo_data.sql)
#   report_export DB DIR                its raw records as CSV (export.sql), DIR made readable by the server
#   report_load SYSTEM DB DIR           a fresh database DB with SYSTEM's design loaded from DIR
#   report_script SYSTEM MODE           a psql script running every section in a session:
#                                       MODE output: "#### name" then the section's rows;
#                                       MODE timing: "SECTION name ms" per section, rows discarded
#   report_relations SYSTEM             the relations the report reads (for storage: with their indexes and TOAST)

REPORT_DIR=$MR_TOP/test/bench/report
REPORT_PSQL=(env PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1)

report_systems() { echo migrec plain jsonb; }

report_sections() {
	local kind=${1:-}
	grep -vE '^(#|$)' "$REPORT_DIR/sections.list" | while IFS='|' read -r name k _; do
		[ -z "$kind" ] || [ "$k" = "$kind" ] && echo "$name"
	done
}

report_title() { grep -E "^$1\|" "$REPORT_DIR/sections.list" | cut -d'|' -f3; }

report_demo() {
	local db=$1 scale=$2
	"${REPORT_PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
	"${REPORT_PSQL[@]}" -d "$db" -c 'CREATE EXTENSION migrec'
	"${REPORT_PSQL[@]}" -d "$db" -v scale="$scale" -f "$MR_TOP/examples/demo_data.sql" >/dev/null
}

report_export() {
	local db=$1 dir=$2
	mkdir -p "$dir"
	chmod 777 "$dir"
	"${REPORT_PSQL[@]}" -d "$db" -v csvdir="$dir" -f "$REPORT_DIR/export.sql"
	chmod 755 "$dir"
	chmod 644 "$dir"/*.csv
}

report_load() {
	local system=$1 db=$2 dir=$3
	"${REPORT_PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
	[ "$system" = migrec ] && "${REPORT_PSQL[@]}" -d "$db" -c 'CREATE EXTENSION migrec'
	"${REPORT_PSQL[@]}" -d "$db" -v csvdir="$dir" -f "$REPORT_DIR/$system/load.sql"
}

report_script() {
	local system=$1 mode=$2 name f kind
	echo "SET TimeZone = 'UTC';"
	[ "$mode" = timing ] && echo '\o /dev/null'
	for name in $(report_sections); do
		f=$REPORT_DIR/$system/$name.sql
		kind=$(grep -E "^$name\|" "$REPORT_DIR/sections.list" | cut -d'|' -f2)
		if [ ! -f "$f" ]; then
			[ "$kind" = prep ] && continue
			echo "report_script: $f is missing" >&2
			return 1
		fi
		if [ "$mode" = timing ]; then
			echo "SELECT extract(epoch FROM clock_timestamp()) AS t0 \\gset"
			echo "\\i $f"
			echo "SELECT round((extract(epoch FROM clock_timestamp()) - :t0) * 1000, 1) AS ms \\gset"
			echo "\\echo SECTION $name :ms"
		else
			[ "$kind" = query ] && echo "\\echo '#### $name'"
			echo "\\i $f"
		fi
	done
}

report_relations() { grep -vE '^(#|$)' "$REPORT_DIR/$1/relations.txt"; }

# bytes of the relations the report reads, their indexes and TOAST included
report_storage() {
	local system=$1 db=$2 list
	list=$(report_relations "$system" | sed "s/.*/'&'/" | paste -sd,)
	psql -X -At -d "$db" -c "SELECT sum(pg_total_relation_size(c)) FROM unnest(ARRAY[$list]::regclass[]) c"
}
