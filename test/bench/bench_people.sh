#!/usr/bin/env bash
# test/bench/bench_people.sh: the demography aggregate and age_band against
# what one would write without them.  Run by hand, not part of CI:
#
#     bash test/bench/bench_people.sh
#
# It builds and installs migrec, starts a throwaway cluster (test/lib.sh) on
# port $MR_PORT (54430 unless set), loads $BENCH_ROWS people (10 000 000)
# with a fixed generator (test/bench/bench_people_setup.sql), checks that
# the variants compute the same figures, then times them interleaved and
# rotated for $BENCH_RUNS runs (7) after one warm-up run (test/bench/
# bench_lib.sh), and compares medians.  It prints a markdown report and
# writes it to test/bench/results-people.md ($BENCH_OUT).  About 10 minutes
# on 2 cores; about 3 GB of RAM (shared_buffers 2GB) and 1.5 GB in /tmp.
#
# Targets (issue 15): demography(sex, age_band, accompaniment) over 10M rows
# within 1.3x of count(*) grouped the same way (GROUP BY nationality: the
# floor of any aggregate over that grouping); age_band from a birth date at
# least 20 million a second per core (the function's own time: four calls
# a row against four count(date) over the same scan, per-run differences).

source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
export MR_PORT=${MR_PORT:-54430}
source "$MR_TOP/test/bench/bench_lib.sh"

ROWS=${BENCH_ROWS:-10000000}
OUT=${BENCH_OUT:-$BENCH_DIR/results-people.md}

bench_init
mr_log "loading $ROWS people"
"${PSQL[@]}" -v rows="$ROWS" -f "$BENCH_DIR/bench_people_setup.sql" >/dev/null

DEMO="SELECT n, demography(s, b, a) FROM bench_people GROUP BY n"
COUNT="SELECT n, count(*) FROM bench_people GROUP BY n"
BYHAND="SELECT n, s, b, a, count(*) FROM bench_people GROUP BY n, s, b, a"
# count(*) made to read the same columns as demography (three null tests a row)
COUNT_ALL="SELECT n, count(*) FROM bench_people WHERE s IS NOT NULL AND b IS NOT NULL AND a IS NOT NULL GROUP BY n"
PAR="SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0"
# age_band's own cost: four calls a row (one per scheme) against four
# transitions that call nothing, over the same scan: the difference is four
# age_band calls a row, four times the signal of one call against the noise
BAND4="SELECT count(age_band(birth, at, 'unhcr')), count(age_band(birth, at, 'eurostat')), count(age_band(birth, at, 'upm')), count(age_band(birth, at, 'child')) FROM bench_people"
COUNTS4="SELECT count(birth), count(at), count(birth), count(at) FROM bench_people"

# ---------------------------------------------------------------- checks
mr_log "checking that the variants compute the same figures"
"${PSQL[@]}" -c "
DO \$\$
BEGIN
	-- the demography by nationality holds exactly the hand-grouped counts
	IF EXISTS (SELECT d.n, c.sex, c.age, c.accompaniment, c.count FROM ($DEMO) d(n, d), demography_cells(d.d) c
	           EXCEPT SELECT n, s, b, a, count(*) FROM bench_people GROUP BY 1, 2, 3, 4)
	   OR (SELECT count(*) FROM ($BYHAND) x) <> (SELECT count(*) FROM ($DEMO) d(n, d), demography_cells(d.d) c) THEN
		RAISE EXCEPTION 'demography and GROUP BY disagree';
	END IF;
	-- age_band equals the band of core's age()
	IF EXISTS (SELECT 1 FROM bench_people WHERE b <> age_band(date_part('year', age(at, birth))::int, 'unhcr')) THEN
		RAISE EXCEPTION 'age_band and age() disagree';
	END IF;
END \$\$;"

# ---------------------------------------------------------------- timings
TESTS=(
	"demography|SET work_mem = '256MB'|demography=$DEMO|count=$COUNT|count_by_hand=$BYHAND|count_reading_all=$COUNT_ALL"
	"demography_one||demography=SELECT demography(s, b, a) FROM bench_people|count=SELECT count(*) FROM bench_people"
	"demography_parallel|$PAR|workers0={SET max_parallel_workers_per_gather = 0}$DEMO|workers2={SET max_parallel_workers_per_gather = 2}$DEMO|count_workers2={SET max_parallel_workers_per_gather = 2}$COUNT"
	"age_band||age_band=SELECT count(age_band(birth, at, 'unhcr')) FROM bench_people|scan=SELECT count(*) FROM bench_people WHERE birth IS NOT NULL AND at IS NOT NULL|core_age=SELECT count(date_part('year', age(at, birth))) FROM bench_people"
	"age_band4||age_band4=$BAND4|counts4=$COUNTS4"
)
bench_timings bench_people "${TESTS[@]}"

mr_log "plans"
"${PSQL[@]}" -c "SELECT bench_keep_plan('demography', 'demography', \$q\$$DEMO\$q\$)" \
	-c "SELECT bench_keep_plan('demography', 'count', \$q\$$COUNT\$q\$)" \
	-c "$PAR" -c "SET max_parallel_workers_per_gather = 2" \
	-c "SELECT bench_keep_plan('demography_parallel', 'workers2', \$q\$$DEMO\$q\$)" >/dev/null

mr_log "profile"
perf_demo=$(bench_perf "demography by nationality" "SET max_parallel_workers_per_gather = 0" "EXPLAIN ANALYZE $DEMO" 6 8)

# ---------------------------------------------------------------- report
mr_log "report"
report=$MR_TMP/report.md
nrows=$(bench_count "$ROWS")
pd=$(q -c "SELECT bench_paired_diff('age_band4', 'age_band4', 'age_band4', 'counts4') / 4")
{
	bench_header "migrec people: benchmark" "bash test/bench/bench_people.sh"
	echo "$ROWS rows in bench_people ($(q -c "SELECT pg_relation_size('bench_people') / 8192") pages): nationality, sex, age_band, accompaniment, birth date,"
	echo "date of encounter; $(q -c "SELECT count(DISTINCT n) FROM bench_people") nationalities. ratio = ours / baseline (lower is better)."
	echo
	bench_results_table "
	(1, 'demography(sex, age_band, accompaniment) by nationality vs count(*) by nationality, $nrows rows (the floor of an aggregate over that grouping)', 'demography', 'demography', 'demography', 'count', 1.3, '≤ 1.30'),
	(2, 'demography by nationality vs count(*) GROUP BY nationality, sex, age_band, accompaniment (the same table by hand)', 'demography', 'demography', 'demography', 'count_by_hand', NULL, 'info'),
	(2.5, 'demography by nationality vs count(*) by nationality reading the same columns (WHERE s, b, a IS NOT NULL)', 'demography', 'demography', 'demography', 'count_reading_all', NULL, 'info'),
	(3, 'demography over all rows vs count(*), no grouping', 'demography_one', 'demography', 'demography_one', 'count', NULL, 'info'),
	(4, 'demography by nationality, 2 parallel workers vs none', 'demography_parallel', 'workers2', 'demography_parallel', 'workers0', NULL, 'info'),
	(5, 'count(age_band(birth, at, ''unhcr'')) vs the same scan reading both dates', 'age_band', 'age_band', 'age_band', 'scan', NULL, 'info'),
	(5.5, 'four age_band calls a row (one per scheme) vs four count(date) (the rate: below)', 'age_band4', 'age_band4', 'age_band4', 'counts4', NULL, 'info'),
	(6, 'age_band(birth, at, ''unhcr'') vs date_part(''year'', age(at, birth)) (core), each counted', 'age_band', 'age_band', 'age_band', 'core_age', NULL, 'info')"
	echo
	echo "**age_band from a birth date, per core**: $(q -c "SELECT round($ROWS / ($pd / 1000.0) / 1e6, 1)") million a second (target ≥ 20 million:"
	echo "$(q -c "SELECT CASE WHEN $ROWS / ($pd / 1000.0) >= 20e6 THEN 'met' ELSE '**missed**' END")): $nrows calls in $(q -c "SELECT round($pd::numeric)") ms, a quarter of the median of the per-run differences"
	echo "between four age_band calls a row (one per scheme) and four count(date) over the same scan. End to end,"
	echo "one call a row, scan included, one backend: $(q -c "SELECT round(($ROWS / (bench_ms('age_band', 'age_band') / 1000.0) / 1e6)::numeric, 1)") million rows a second."
	echo
	echo "## Findings"
	echo
	echo "- demography by nationality: $(bench_ms demography demography) ms against $(bench_ms demography count) ms for count(*) (per-run ratio"
	echo "  $(bench_pratio demography demography demography count)); the difference, $(bench_pdiff demography demography demography count) ms, is $(q -c "SELECT round((bench_paired_diff('demography', 'demography', 'demography', 'count') * 1e6 / $ROWS)::numeric, 1)") ns a row: reading three more"
	echo "  columns of each tuple and one call of the transition function, which adds 1 to one cell of the state in place."
	echo "  The same table by hand, count(*) grouped by the four columns, takes $(bench_ms demography count_by_hand) ms: a hash table of"
	echo "  $(q -c "SELECT count(*) FROM (SELECT DISTINCT n, s, b, a FROM bench_people) x") groups against $(q -c "SELECT count(DISTINCT n) FROM bench_people")."
	echo "- With 2 workers: $(bench_ms demography_parallel workers2) ms against $(bench_ms demography_parallel workers0) ms without (count(*) with 2 workers:"
	echo "  $(bench_ms demography_parallel count_workers2) ms); the states (one per nationality, $(q -c "SELECT pg_column_size(demography(s, b, a)) FROM bench_people WHERE n = 'HND'") bytes) are serialized as those bytes for the leader and combined by addition."
	echo "- age_band against core's date_part('year', age(at, birth)): $(bench_ms age_band age_band) against $(bench_ms age_band core_age) ms: age() builds an interval"
	echo "  through timestamps; age_band compares the two dates' days within years counted from 1 March, the scheme a one-byte argument."
	echo
	echo "## Timings in detail"
	echo
	bench_detail_table '{demography,demography_one,demography_parallel,age_band,age_band4}'
	echo
	echo "## Plans"
	echo
	bench_plans
	if [ -n "$perf_demo" ]; then
		echo "## Profile"
		echo
		echo "$perf_demo"
	fi
	bench_footer
} >"$report"

cp "$report" "$OUT"
cat "$report"
mr_log "written to $OUT"
