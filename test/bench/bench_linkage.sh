#!/usr/bin/env bash
# test/bench/bench_linkage.sh: record linkage speed and quality.  Run by hand,
# not part of CI:
#
#     bash test/bench/bench_linkage.sh
#
#   - Dice comparisons per second in a tight C loop (bench_dice.c) against
#     the AND+POPCNT limit, with the filters in a core's cache and in memory;
#   - threshold searches (c % q) over 1,000,000 encodings: the GIN index
#     (clk_lsh_ops, Hamming LSH) against the sequential scan, at
#     migrec.clk_threshold's default and at the threshold that 0.1% of the
#     encodings reach, with the index's recall against the scan;
#   - link_clk on two tables of 100,000: LSH candidates against every pair,
#     with recall;
#   - encoding speed: clk() and person_key() against core's sha256();
#   - linkage quality on the 100k test set (test/linkage/quality.sql).
#
# It builds and installs migrec for $PG_CONFIG, starts a throwaway cluster
# (test/lib.sh, port $MR_PORT, 54420 unless set), generates the test sets
# with fixed seeds (test/linkage/gen_population.py), and times queries with
# the method of bench_lib.sh (warm-up run, $BENCH_RUNS runs (7), variants
# interleaved, medians; link_clk, whose every-pair variant takes minutes,
# $BENCH_LINK_RUNS runs (3)).  Writes test/bench/results-linkage.md
# ($BENCH_OUT).  About 40 minutes on 2 cores; needs about 4 GB of RAM and
# 4 GB of disk in /tmp.

source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
export MR_PORT=${MR_PORT:-54420}
source "$MR_TOP/test/bench/bench_lib.sh"

OUT=${BENCH_OUT:-$BENCH_DIR/results-linkage.md}
LINK_RUNS=${BENCH_LINK_RUNS:-3}
BIG=${BENCH_BIG:-1000000}
LINK=${BENCH_LINK:-100000}

bench_init
data=$(mktemp -d /tmp/migrec-bench-linkage.XXXXXX)
trap 'rm -rf "$data"; mr_cleanup' EXIT
chmod 755 "$data"

mr_log "Dice in a tight C loop"
dice_bin=$data/bench_dice
# the server's compiler and flags: what link_clk's loop is built with
$("$PG_CONFIG" --cc) $("$PG_CONFIG" --cflags) -I"$MR_TOP/src" -o "$dice_bin" "$BENCH_DIR/bench_dice.c" \
	"$MR_TOP/src/linkage_io.c" "$MR_TOP/src/names_io.c" "$MR_TOP/src/names_data.c" \
	"$MR_TOP/src/codes.c" "$MR_TOP/src/codes_data.c"
dice_cache=$("$dice_bin" 16000 "$RUNS" 2>/dev/null)
dice_memory=$("$dice_bin" 1000000 "$RUNS" 2>/dev/null)

mr_log "test sets: $BIG records, and $LINK and $LINK"
python3 "$MR_TOP/test/linkage/gen_population.py" --seed 3 --people "$BIG" --overlap 0.002 --b-only 0.002 \
	--out "$data/big" >/dev/null
python3 "$MR_TOP/test/linkage/gen_population.py" --seed 2 --people "$LINK" --out "$data/link" >/dev/null
chmod 644 "$data"/*/*.csv
chmod 755 "$data"/*
t0=$(date +%s.%N)
"${PSQL[@]}" -v big="$data/big" -v link="$data/link" -f "$BENCH_DIR/bench_linkage_setup.sql" >/dev/null
t_load=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')

mr_log "GIN index on $BIG encodings"
t0=$(date +%s.%N)
"${PSQL[@]}" -c "SET maintenance_work_mem = '1GB'" -c "CREATE INDEX bench_a_lsh ON bench_a USING gin (enc)"
t_gin=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
"${PSQL[@]}" -c "VACUUM ANALYZE bench_a" -c "INSERT INTO bench_size VALUES ('gin', 'clk_lsh_ops', pg_relation_size('bench_a_lsh')), ('heap', 'bench_a', pg_relation_size('bench_a'))"

# the threshold that 0.1% of the encodings reach: for each query, the Dice
# of its 1000th most similar encoding; the median over the queries
mr_log "the threshold of 0.1%"
T01=$(q -c "SELECT floor(100 * percentile_cont(0.5) WITHIN GROUP (ORDER BY t)) / 100 FROM (
	SELECT (SELECT dice(a.enc, q.q) FROM bench_a a ORDER BY 1 DESC OFFSET ($BIG / 1000 - 1) LIMIT 1) t FROM bench_q q) x")
TDEF=$(q -c "SHOW migrec.clk_threshold")

mr_log "recall of the index against the scan, at $TDEF and $T01"
"${PSQL[@]}" <<EOF
CREATE TABLE bench_recall (what text, threshold float8, seq bigint, idx bigint, both_ bigint, per_query float8);
CREATE FUNCTION bench_search_recall(th float8) RETURNS void LANGUAGE plpgsql AS \$\$
BEGIN
	PERFORM set_config('migrec.clk_threshold', th::text, true);
	PERFORM set_config('enable_seqscan', 'off', true);
	CREATE TEMP TABLE r_idx AS SELECT q.id, a.rec_id FROM bench_q q JOIN bench_a a ON a.enc % q.q;
	PERFORM set_config('enable_seqscan', 'on', true);
	PERFORM set_config('enable_bitmapscan', 'off', true);
	PERFORM set_config('enable_indexscan', 'off', true);
	CREATE TEMP TABLE r_seq AS SELECT q.id, a.rec_id FROM bench_q q JOIN bench_a a ON a.enc % q.q;
	INSERT INTO bench_recall SELECT 'search', th, (SELECT count(*) FROM r_seq), (SELECT count(*) FROM r_idx),
		(SELECT count(*) FROM r_seq JOIN r_idx USING (id, rec_id)),
		(SELECT count(*) FROM r_seq)::float8 / (SELECT count(*) FROM bench_q);
	DROP TABLE r_idx, r_seq;
END \$\$;
BEGIN; SELECT bench_search_recall($TDEF); COMMIT;
BEGIN; SELECT bench_search_recall($T01); COMMIT;
EOF

GIN="SET enable_seqscan = off"
SEQ="SET enable_bitmapscan = off; SET enable_indexscan = off"
# 40 searches, one after the other (OFFSET 0 keeps each a search of its own:
# no plan that scans the table once for all of them)
SEARCH="SELECT sum(n) FROM bench_q q CROSS JOIN LATERAL (SELECT count(*) FROM bench_a a WHERE a.enc % q.q OFFSET 0) x(n)"
ENC="FROM bench_la, bench_secret"
TESTS=(
	"search_default|SET migrec.clk_threshold = $TDEF|gin={$GIN}$SEARCH|seqscan={$SEQ}$SEARCH"
	"search_01pct|SET migrec.clk_threshold = $T01|gin={$GIN}$SEARCH|seqscan={$SEQ}$SEARCH"
	"encode||clk=SELECT count(clk(secret, family_names, given_names, birth, sex, nationality)) $ENC|person_key=SELECT count(person_key(secret, family_names, given_names, birth, sex, nationality)) $ENC|sha256=SELECT count(sha256(convert_to(concat_ws(' ', family_names, given_names, birth, sex, nationality), 'UTF8'))) $ENC"
)
bench_timings bench_a,bench_a_lsh,bench_q,bench_la "${TESTS[@]}"

mr_log "link_clk, $LINK and $LINK records"
LINKQ="link_clk('SELECT rec_id, enc FROM bench_la', 'SELECT rec_id, enc FROM bench_lb', $TDEF"
RUNS_MAIN=$RUNS
RUNS=$LINK_RUNS
bench_timings bench_la,bench_lb "link|SET work_mem = '1GB'|lsh=SELECT count(*) FROM $LINKQ)|exhaustive=SELECT count(*) FROM $LINKQ, exhaustive => true)"
RUNS=$RUNS_MAIN
"${PSQL[@]}" <<EOF
CREATE TEMP TABLE l_lsh AS SELECT * FROM $LINKQ, 0.6);
CREATE TEMP TABLE l_all AS SELECT * FROM $LINKQ, 0.6, true);
INSERT INTO bench_recall
SELECT 'link', th, (SELECT count(*) FROM l_all WHERE dice >= th), (SELECT count(*) FROM l_lsh WHERE dice >= th),
	(SELECT count(*) FROM l_all JOIN l_lsh USING (a_id, b_id) WHERE l_all.dice >= th), NULL
FROM (VALUES ($TDEF), (0.6)) v(th);
EOF

mr_log "quality on the $LINK test set"
quality=$(psql -X -q -v dir="$data/link" -v lower=0.6 -f "$MR_TOP/test/linkage/quality.sql")
quality=$(sed -n '/^# check$/q;p' <<<"$quality")

mr_log "report"
report=$MR_TMP/report.md
nbig=$(bench_count "$BIG")
nlink=$(bench_count "$LINK")
{
	bench_header "migrec record linkage: benchmark" "bash test/bench/bench_linkage.sh"
	echo "Test sets of test/linkage/gen_population.py: $nbig records of agency A (seed 3) for the searches, the 40"
	echo "first records of agency B as queries (about half of them have a record in A); $nlink and $(q -c "SELECT count(*) FROM bench_lb") records"
	echo "(seed 2, half of A registered again by B with corruptions) for link_clk and the quality figures."
	echo "Generating, loading and encoding took $(printf '%.0f' "$t_load") s (clk() for $(q -c "SELECT count(*) FROM bench_a") + $(q -c "SELECT count(*) FROM bench_b") + $(q -c "SELECT count(*) FROM bench_la") + $(q -c "SELECT count(*) FROM bench_lb") records)."
	echo "The GIN index (clk_lsh_ops, defaults: 64 tables of 30 bits) took $(printf '%.0f' "$t_gin") s to build (maintenance_work_mem 1GB),"
	echo "$(q -c "SELECT pg_size_pretty(bytes) FROM bench_size WHERE test = 'gin'") for a heap of $(q -c "SELECT pg_size_pretty(bytes) FROM bench_size WHERE test = 'heap' AND variant = 'bench_a'")."
	echo "The threshold that 0.1% of the encodings reach (the median over the queries of the Dice of each query's"
	echo "$(bench_count $((BIG / 1000)))th most similar encoding) is $T01; migrec.clk_threshold's default is $TDEF."
	echo "ratio = ours / baseline (lower is better)."
	echo
	bench_results_table "
	(1, 'c % q over $nbig encodings at $TDEF (the default), 40 searches: GIN (Hamming LSH) vs sequential scan', 'search_default', 'gin', 'search_default', 'seqscan', 0.05, '≥ 20× faster (≤ 0.050)'),
	(2, 'c % q over $nbig encodings at $T01 (0.1% of them match), 40 searches: GIN vs sequential scan', 'search_01pct', 'gin', 'search_01pct', 'seqscan', 0.05, '≥ 20× faster (≤ 0.050)'),
	(3, 'link_clk, $nlink × $(q -c "SELECT count(*) FROM bench_lb") at $TDEF: LSH candidates vs every pair', 'link', 'lsh', 'link', 'exhaustive', NULL, 'minutes, not hours'),
	(4, 'info: clk() of $nlink records vs core''s sha256() of the same fields', 'encode', 'clk', 'encode', 'sha256', NULL, 'info'),
	(5, 'info: person_key() of $nlink records vs core''s sha256() of the same fields', 'encode', 'person_key', 'encode', 'sha256', NULL, 'info')"
	echo
	echo "## Recall of the approximate searches"
	echo
	echo "What the index (or link_clk's LSH) finds of what the sequential scan (or every pair) finds."
	echo
	q <<'EOF'
SELECT '| search | threshold | found by the exact method | found by LSH | both | recall | matches per query |' UNION ALL
SELECT '|---|---:|---:|---:|---:|---:|---:|' UNION ALL
(SELECT format('| %s | %s | %s | %s | %s | %s | %s |',
	CASE what WHEN 'search' THEN 'c % q, GIN vs sequential scan' ELSE 'link_clk pairs, LSH vs every pair' END,
	threshold, seq, idx, both_, to_char(both_::numeric / nullif(seq, 0), 'FM0.0000'),
	coalesce(round(per_query::numeric, 1)::text, '')) FROM bench_recall ORDER BY what DESC, threshold DESC);
EOF
	echo
	echo "## Dice in a tight C loop"
	echo
	echo "\`bench_dice\` (test/bench/bench_dice.c, built with the server's \`$("$PG_CONFIG" --cc) $("$PG_CONFIG" --cflags | sed 's/ -W[^ ]*//g')\`): one core, 16 queries"
	echo "against every filter, $RUNS runs after a warm-up, median. The limit is the same loop doing only the AND and"
	echo "POPCNT of the 16 64-bit words (what Dice cannot do without); ours adds the division and the store of"
	echo "each Dice. With 16,000 filters (2.2 MB, in the core's L2 cache):"
	echo
	echo "$dice_cache"
	echo
	echo "With 1,000,000 filters (136 MB, from memory):"
	echo
	echo "$dice_memory"
	echo
	echo "## Linkage quality, $nlink records"
	echo
	echo "test/linkage/quality.sql on the test set of gen_population.py --seed 2 --people $LINK:"
	echo
	echo '```'
	echo "$quality"
	echo '```'
	echo
	echo "## Timings in detail"
	echo
	bench_detail_table '{search_default,search_01pct,link,encode}'
} >"$report"
cp "$report" "$OUT"
cat "$report"
