#!/usr/bin/env bash
# test/bench/report_equal.sh: the report of examples/report.sql answered by
# three designs of the same records (migrec's types; plain PostgreSQL with
# text codes, an enum and arrays; jsonb documents: test/bench/report/) must
# be identical, section by section, before rounding.  One TAP line per
# design loaded and per section.  A runner stage (test/run-tests.sh):
#     DEMO_SCALE=0.05 MR_PORT=54399 bash test/bench/report_equal.sh
# It builds and installs migrec, starts a throwaway cluster, generates the
# demo's data at DEMO_SCALE (0.05 unless set), exports it as CSV and loads
# it into one database per design.
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
source "$MR_TOP/test/bench/report/lib.sh"

SCALE=${DEMO_SCALE:-0.05}
mr_setup
mr_start
csv=$MR_TMP/csv
report_demo report_src "$SCALE"
report_export report_src "$csv"
echo "# demo scale $SCALE: $(wc -l <"$csv/case_events.csv") case events, $(wc -l <"$csv/journey_legs.csv") journey legs"
for s in $(report_systems); do
	mr_ok_if "the $s design loads the demo's CSV" report_load "$s" "report_$s" "$csv"
	report_script "$s" output >"$MR_TMP/$s.sql"
	psql -X -q -At -v ON_ERROR_STOP=1 -d "report_$s" -f "$MR_TMP/$s.sql" >"$MR_TMP/$s.out"
done
# one file per section and system: the lines after "#### name"
for s in $(report_systems); do
	awk -v dir="$MR_TMP" -v sys="$s" '/^#### / { f = dir "/" sys "." $2; printf "" > f; next } { print > f }' "$MR_TMP/$s.out"
done
rc=0
for name in $(report_sections query); do
	m=$MR_TMP/migrec.$name
	if [ -s "$m" ] && cmp -s "$m" "$MR_TMP/plain.$name" && cmp -s "$m" "$MR_TMP/jsonb.$name"; then
		echo "ok - section $name identical: migrec = plain = jsonb ($(wc -l <"$m") rows)"
	else
		echo "not ok - section $name identical: migrec = plain = jsonb"
		for s in plain jsonb; do diff "$m" "$MR_TMP/$s.$name" | head -n 10 | sed "s/^/# $s: /"; done
		rc=1
	fi
done
exit "$rc"
