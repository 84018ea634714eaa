#!/usr/bin/env bash
# test/bench/bench_types.sh: how the nationality and place types compare with
# text (ICU collation es-MX-x-icu) and with plain int2/int4, for sorting,
# hash aggregation and disk size.  Run by hand, not part of CI:
#
#     bash test/bench/bench_types.sh
#
# It builds and installs migrec, starts a throwaway cluster (test/lib.sh) on
# port $MR_PORT (54400 unless set), loads $BENCH_ROWS rows (5 000 000) with a
# fixed seed (test/bench/bench_types_setup.sql), then times the variants of
# each query interleaved (A, B, C, B, C, A, C, A, B, ...: rotated each run)
# for $BENCH_RUNS runs (7) after one warm-up run, with EXPLAIN (ANALYZE,
# COSTS OFF, TIMING OFF) "Execution Time" (test/bench/bench_lib.sh, as the
# other benchmarks), and compares medians.  It prints
# a markdown report and writes it to test/bench/results-types.md
# ($BENCH_OUT).  About 6 minutes on 2 cores;
# needs about 3 GB of RAM (shared_buffers $BENCH_SHARED_BUFFERS, 2GB, plus
# in-memory sorts of up to 430 MB) and 3 GB of disk in /tmp.

source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
export MR_PORT=${MR_PORT:-54400}
source "$MR_TOP/test/bench/bench_lib.sh"

ROWS=${BENCH_ROWS:-5000000}
OUT=${BENCH_OUT:-$BENCH_DIR/results-types.md}

bench_init
if [ "$(q -c "SELECT count(*) FROM pg_collation WHERE collname = 'es-MX-x-icu' AND collprovider = 'i'")" != 1 ]; then
	echo 'no ICU collation "es-MX-x-icu" in pg_collation: is this server built with ICU?' >&2
	exit 1
fi

mr_log "loading $ROWS rows"
"${PSQL[@]}" -v rows="$ROWS" -f "$BENCH_DIR/bench_types_setup.sql" >/dev/null

# ---------------------------------------------------------------- disk size
mr_log "measuring sizes"
"${PSQL[@]}" <<'EOF'
SET maintenance_work_mem = '1GB';
CHECKPOINT;
INSERT INTO bench_size VALUES
	('heap', 'types', pg_relation_size('bench_types')),
	('heap', 'text', pg_relation_size('bench_text')),
	('total_noindex', 'types', pg_total_relation_size('bench_types')),
	('total_noindex', 'text', pg_total_relation_size('bench_text'));
-- the btree index on both columns, without deduplication (for the arithmetic)
CREATE INDEX bench_types_np_nodedup ON bench_types (n, p) WITH (deduplicate_items = off);
CREATE INDEX bench_text_np_nodedup ON bench_text (n, p) WITH (deduplicate_items = off);
INSERT INTO bench_size VALUES
	('index_nodedup', 'types', pg_relation_size('bench_types_np_nodedup')),
	('index_nodedup', 'text', pg_relation_size('bench_text_np_nodedup'));
DROP INDEX bench_types_np_nodedup, bench_text_np_nodedup;
-- and as anyone would create it (deduplication on, the default)
CREATE INDEX bench_types_np ON bench_types (n, p);
CREATE INDEX bench_text_np ON bench_text (n, p);
VACUUM bench_types;
VACUUM bench_text;
INSERT INTO bench_size VALUES
	('index', 'types', pg_relation_size('bench_types_np')),
	('index', 'text', pg_relation_size('bench_text_np')),
	('total_index', 'types', pg_total_relation_size('bench_types')),
	('total_index', 'text', pg_total_relation_size('bench_text'));
EOF

# ---------------------------------------------------------------- timings
# Each test: name, settings, then variant=query pairs; a test named ddl_*
# times a utility command, rolled back (bench_timings in bench_lib.sh).
TESTS=(
	"sort_mem|SET work_mem = '1GB'|nationality=SELECT v FROM bench_t_nationality ORDER BY v|int2=SELECT v FROM bench_t_int2 ORDER BY v|text_icu=SELECT v FROM bench_t_text ORDER BY v|text_c=SELECT v FROM bench_t_text ORDER BY v COLLATE \"C\""
	"sort_disk|SET work_mem = '4MB'|nationality=SELECT v FROM bench_t_nationality ORDER BY v|int2=SELECT v FROM bench_t_int2 ORDER BY v|text_icu=SELECT v FROM bench_t_text ORDER BY v"
	"group|SET work_mem = '1GB'; SET enable_sort = off|nationality=SELECT v, count(*) FROM bench_t_nationality GROUP BY v|int2=SELECT v, count(*) FROM bench_t_int2 GROUP BY v|text_icu=SELECT v, count(*) FROM bench_t_text GROUP BY v"
	"sort_place|SET work_mem = '1GB'|place=SELECT v FROM bench_t_place ORDER BY v|int4=SELECT v FROM bench_t_int4 ORDER BY v|text_icu=SELECT v FROM bench_t_ptext ORDER BY v"
	"ddl_create_index|SET maintenance_work_mem = '1GB'|types=CREATE INDEX ON bench_types (n, p)|text=CREATE INDEX ON bench_text (n, p)"
)
TIMED_TABLES=bench_t_nationality,bench_t_int2,bench_t_text,bench_t_place,bench_t_int4,bench_t_ptext
bench_timings "$TIMED_TABLES,bench_types,bench_text" "${TESTS[@]}"

# One more run of each sort with trace_sort, for the report: where the time goes.
mr_log "trace_sort"
trace=$MR_TMP/trace.md
for spec in \
	"1GB|nationality|bench_t_nationality ORDER BY v" \
	"1GB|int2|bench_t_int2 ORDER BY v" \
	"1GB|text es-MX-x-icu|bench_t_text ORDER BY v" \
	"1GB|text COLLATE \"C\"|bench_t_text ORDER BY v COLLATE \"C\"" \
	"4MB|nationality|bench_t_nationality ORDER BY v" \
	"4MB|text es-MX-x-icu|bench_t_text ORDER BY v"; do
	IFS='|' read -r wm name query <<<"$spec"
	{
		echo "work_mem $wm, $name: \`SELECT v FROM $query\`"
		echo
		psql -X -q -v ON_ERROR_STOP=1 -c "SET work_mem = '$wm'" -c "SET trace_sort = on" -c "SET client_min_messages = log" \
			-c "SELECT * FROM bench_explain(\$q\$SELECT v FROM $query\$q\$)" 2>&1 >/dev/null |
			grep -E 'begin (datum|tuple) sort|performsort|sort of worker -1 ended|abbrev_distinct after' |
			awk '/abbrev_distinct/ { last = $0; next } { if (last != "") { print last; last = "" } print }' |
			sed 's/^LOG:  /    /'
		echo
	} >>"$trace"
done

# ---------------------------------------------------------------- report
mr_log "report"
report=$MR_TMP/report.md
if [ $((ROWS % 1000000)) -eq 0 ]; then nrows="$((ROWS / 1000000))M rows"; else nrows="$ROWS rows"; fi
{
	bench_header "migrec types: benchmark" "bash test/bench/bench_types.sh"
	echo "ICU $(q -c "SELECT collversion FROM pg_collation WHERE collname = 'es-MX-x-icu'") (collation version of es-MX-x-icu); $ROWS rows."
	echo "Each variant reads its own one-column table holding the same rows in the same order: nationality; int2"
	echo "(the packed value of the nationality: same values, distribution and order); text COLLATE \"es-MX-x-icu\""
	echo "(the alpha-3 code); place, int4, text likewise. Pages of these tables (all the same):"
	echo "$(q -c "SELECT string_agg(format('%s %s', c, pg_relation_size(c) / 8192), ', ') FROM unnest('{$TIMED_TABLES}'::regclass[]) c"),"
	echo "so the variants differ only in the sort or the aggregation. ratio = ours / baseline (lower is better)."
	echo
	bench_results_table "
	(1, 'ORDER BY, $nrows, in-memory sort (work_mem 1GB): nationality vs text es-MX-x-icu', 'sort_mem', 'nationality', 'sort_mem', 'text_icu', 0.4, '≤ 0.40 (≥ 2.5× faster)'),
	(2, 'ORDER BY, $nrows, in-memory sort (work_mem 1GB): nationality vs int2', 'sort_mem', 'nationality', 'sort_mem', 'int2', 1.2, '≤ 1.20'),
	(3, 'ORDER BY, $nrows, external sort (work_mem 4MB): nationality vs text es-MX-x-icu', 'sort_disk', 'nationality', 'sort_disk', 'text_icu', 0.4, '≤ 0.40 (≥ 2.5× faster)'),
	(4, 'ORDER BY, $nrows, external sort (work_mem 4MB): nationality vs int2', 'sort_disk', 'nationality', 'sort_disk', 'int2', 1.2, '≤ 1.20'),
	(5, 'GROUP BY (HashAggregate), $nrows: nationality vs int2', 'group', 'nationality', 'group', 'int2', 1.2, '≤ 1.20'),
	(6, 'GROUP BY (HashAggregate), $nrows: nationality vs text es-MX-x-icu', 'group', 'nationality', 'group', 'text_icu', NULL, 'info'),
	(7, 'heap, (nationality, place) vs (text, text): pg_relation_size after VACUUM', 'heap', 'types', 'heap', 'text', 0.75, '≤ 0.75 (≥ 25% smaller)'),
	(8, 'heap + btree (n, p) index: pg_total_relation_size', 'total_index', 'types', 'total_index', 'text', 0.75, '≤ 0.75 (≥ 25% smaller)'),
	(9, 'pg_total_relation_size without index (heap + FSM + VM)', 'total_noindex', 'types', 'total_noindex', 'text', NULL, 'info'),
	(10, 'btree (n, p) index alone, deduplication on (default)', 'index', 'types', 'index', 'text', NULL, 'info'),
	(11, 'btree (n, p) index alone, deduplicate_items = off', 'index_nodedup', 'types', 'index_nodedup', 'text', NULL, 'info'),
	(12, 'ORDER BY place, in-memory sort: place vs text es-MX-x-icu', 'sort_place', 'place', 'sort_place', 'text_icu', NULL, 'info'),
	(13, 'ORDER BY place, in-memory sort: place vs int4', 'sort_place', 'place', 'sort_place', 'int4', NULL, 'info'),
	(14, 'ORDER BY text es-MX-x-icu vs text COLLATE \"C\" (the ICU share of the cost)', 'sort_mem', 'text_icu', 'sort_mem', 'text_c', NULL, 'info'),
	(15, 'CREATE INDEX (n, p), $nrows: (nationality, place) vs (text, text)', 'ddl_create_index', 'types', 'ddl_create_index', 'text', NULL, 'info')"
	echo
	echo "## Timings in detail"
	echo
	bench_detail_table '{sort_mem,sort_disk,group,sort_place,ddl_create_index}'
	echo
	echo "## Disk size: the arithmetic"
	echo
	q <<'EOF'
WITH len AS (
	SELECT 'types' AS tbl, pg_column_size(t.*) AS t_len, count(*) AS rows FROM bench_types t GROUP BY 2
	UNION ALL
	SELECT 'text', pg_column_size(t.*), count(*) FROM bench_text t GROUP BY 2
), per AS (
	-- on the page: the tuple padded to MAXALIGN (8), plus its 4-byte line pointer
	SELECT tbl, t_len, rows, (t_len + 7) / 8 * 8 + 4 AS on_page FROM len
), tot AS (
	SELECT tbl, sum(rows) AS rows, sum(rows * on_page) AS bytes,
		string_agg(format('%s rows of t_len %s → %s + 4 = %s bytes', rows, t_len, (t_len + 7) / 8 * 8, on_page), '; ' ORDER BY t_len) AS detail
	FROM per GROUP BY tbl
), sz AS (
	SELECT variant AS tbl, bytes FROM bench_size WHERE test = 'heap'
)
SELECT format('- %s: %s. Average %s bytes per row; at 8168 usable bytes per 8 kB page that predicts %s pages, measured %s pages (%s bytes per row).',
	CASE tbl WHEN 'types' THEN '(nationality, place)' ELSE '(text, text)' END, detail,
	round(tot.bytes::numeric / rows, 2), ceil(tot.bytes / 8168.0), sz.bytes / 8192, round(sz.bytes::numeric / rows, 2))
FROM tot JOIN sz USING (tbl) ORDER BY tbl DESC;
EOF
	cat <<'EOF'
- Why the heap cannot reach 25%: a heap tuple is a 23-byte header padded to 24, then the data, the whole
  padded to a multiple of 8 (MAXALIGN), plus a 4-byte line pointer. (nationality, place) is 24 + 2 + 2 (int4
  alignment) + 4 = 32 → 36 bytes a row. ('HND', 'MX TAP') as text is 24 + (1 + 3) + (1 + 6) = 35 → 40 → 44
  bytes a row. The 28 bytes of header and line pointer are the same for both, so the best case is
  36/44 = 0.818 (18.2% smaller); a text row whose place is a bare country ('MX': 24 + 4 + 3 = 31 → 32) is
  36 bytes too, so the real mix (about 15% countries here) gives less than 18.2%.
- The btree index on (n, p): with deduplication (the default since PostgreSQL 13, allowed for both since
  es-MX-x-icu is deterministic and migrec's opclasses have btequalimage) each distinct key is stored once
  per posting list and every row costs a 6-byte heap TID whatever the key type, so both indexes are about
  the rows × 6 bytes of TIDs and nearly the same size. Without deduplication an index tuple is an 8-byte
  header plus the key, MAXALIGNed, plus a 4-byte line pointer: 8 + 2 + 2 + 4 = 16 → 20 bytes for
  (nationality, place), 8 + 4 + 7 = 19 → 24 → 28 bytes for ('HND', 'MX TAP'): 0.71.
EOF
	q <<'EOF'
SELECT format('- Distinct (n, p) keys: %s for %s rows; 6-byte TIDs alone: %s MiB.',
	(SELECT count(*) FROM (SELECT DISTINCT n, p FROM bench_types) d), count(*), to_char(count(*) * 6 / 1048576.0, 'FM990.0'))
FROM bench_types;
EOF
	echo
	echo "## Data"
	echo
	q <<'EOF'
SELECT format('- nationality: %s distinct; head: %s.', (SELECT count(DISTINCT n) FROM bench_rows),
	(SELECT string_agg(format('%s %s%%', n, to_char(pct, 'FM990.0')), ', ' ORDER BY c DESC)
	 FROM (SELECT n, count(*) AS c, 100.0 * count(*) / sum(count(*)) OVER () AS pct FROM bench_rows GROUP BY n ORDER BY c DESC LIMIT 10) h));
SELECT format('- place: %s distinct; %s.', (SELECT count(DISTINCT p) FROM bench_rows),
	(SELECT string_agg(format('%s %s%%', k, to_char(pct, 'FM990.0')), ', ' ORDER BY k)
	 FROM (SELECT place_kind(p) AS k, 100.0 * count(*) / sum(count(*)) OVER () AS pct FROM bench_rows GROUP BY 1) h)
	|| '; head: ' ||
	(SELECT string_agg(format('%s %s%%', p, to_char(pct, 'FM990.0')), ', ' ORDER BY c DESC)
	 FROM (SELECT p, count(*) AS c, 100.0 * count(*) / sum(count(*)) OVER () AS pct FROM bench_rows GROUP BY p ORDER BY c DESC LIMIT 8) h));
SELECT format('- int2 baseline check, ORDER BY k and ORDER BY n give the same order: %s.',
	(SELECT CASE WHEN bool_and(a = b) THEN 'yes' ELSE 'NO' END FROM (SELECT row_number() OVER (ORDER BY n) AS a, row_number() OVER (ORDER BY k) AS b FROM (SELECT DISTINCT n, k FROM bench_rows) d) x));
EOF
	echo
	echo "## Where a sort's time goes (trace_sort, one extra run each; elapsed is since the sort began, scan included)"
	echo
	echo "A single by-value column (nationality, int2) is sorted as bare Datums (\"datum sort\"); text, by"
	echo "reference, as tuples, with abbreviated keys (ICU sort keys, or the first bytes for C) and, since a few"
	echo "hundred distinct codes fill millions of rows, very many ties between equal abbreviated keys that must be broken"
	echo "by the full comparator following pointers to the tuples."
	echo
	cat "$trace"
	bench_footer
} >"$report"

cp "$report" "$OUT"
cat "$report"
mr_log "written to $OUT"
