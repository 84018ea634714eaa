#!/usr/bin/env bash
# The demo: installs what is missing, builds, installs, starts a throwaway
# cluster, loads the demo dataset (examples/demo_data.sql) and prints the
# protection-pipeline report (examples/report.sql), writes the arrival
# forecast as a PNG chart, then stops and removes the cluster.
#   DEMO_SCALE (default 1) multiplies the dataset; DEMO_OUT is where the chart goes.
source "$(dirname "$0")/lib.sh"

SCALE=${DEMO_SCALE:-1}
OUT=${DEMO_OUT:-$MR_TOP/demo-output}
started=$SECONDS

MR_PACKAGES+=(gnuplot-nox)
mr_setup
mr_start
mkdir -p "$OUT"
chmod 777 "$OUT" 2>/dev/null || true

psql -X -q -c "CREATE EXTENSION migrec"
echo
echo "migrec $(psql -X -At -c "SELECT extversion FROM pg_extension WHERE extname = 'migrec'"): a tour of the types (examples/types_tour.sql)"
psql -X -e -f "$MR_TOP/examples/types_tour.sql"

mr_log "loading the demo dataset (examples/demo_data.sql, scale $SCALE)"
psql -X -q -v ON_ERROR_STOP=1 -v scale="$SCALE" -f "$MR_TOP/examples/demo_data.sql"
psql -X -At -c "SELECT format('%s case events of %s cases; %s journey legs of %s journeys',
                              (SELECT count(*) FROM case_events), (SELECT count(DISTINCT case_id) FROM case_events),
                              (SELECT count(*) FROM journey_legs), (SELECT count(*) FROM journeys))"

echo
echo "=============== protection-pipeline report (examples/report.sql) ==============="
# the report and the chart's data in one session: the report's temporary tables
psql -X -v ON_ERROR_STOP=1 -f "$MR_TOP/examples/report.sql" \
	-c "\\copy (SELECT day, round(expected::numeric, 2), round(low::numeric, 2), round(high::numeric, 2), CASE WHEN day <= '2021-08-31' THEN observed END, round(seen::numeric, 2) FROM chiapas_forecast WHERE day >= '2021-06-01' ORDER BY day) TO '$OUT/forecast-chiapas.csv' WITH (FORMAT csv, HEADER)"

sed -i '1s/.*/day,expected,low,high,recorded,seen/' "$OUT/forecast-chiapas.csv"
gnuplot -e "data='$OUT/forecast-chiapas.csv'; out='$OUT/forecast-chiapas.png'" "$MR_TOP/examples/forecast_chart.gp"
echo
echo "The forecast chart is $OUT/forecast-chiapas.png (its data: $OUT/forecast-chiapas.csv)."
if grep -nE 'TRAP:|terminated by signal|XX000|PANIC' "$MR_TMP/server.log"; then
	echo "the server log shows internal errors or crashes" >&2
	exit 1
fi
mr_log "done in $((SECONDS - started)) s; the cluster is removed"
