-- quality.sql: linkage quality on the test set of gen_population.py, run by
-- test/linkage/quality.sh (psql variables: dir, the folder of a.csv and
-- b.csv; lower, the lowest threshold studied).  Encodes both agencies'
-- records under one secret, links them by the exact key and by clk, and
-- reports precision, recall and F1 against the truth (person_id).
\set ON_ERROR_STOP 1
\pset footer off
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS migrec;
DROP TABLE IF EXISTS q_a, q_b, q_truth, q_links, q_links_salted, q_curve;
CREATE TABLE q_a (rec_id int, person_id int, family_names text, given_names text, birth date, sex text,
                  nationality nationality, corruptions text);
CREATE TABLE q_b (LIKE q_a);
\set afile :dir/a.csv
\set bfile :dir/b.csv
COPY q_a FROM :'afile' (FORMAT csv, HEADER);
COPY q_b FROM :'bfile' (FORMAT csv, HEADER);

-- a secret for this run only
\set secret '\'\\x8f1e2d3c4b5a69788796a5b4c3d2e1f0\''
ALTER TABLE q_a ADD pk person_key, ADD enc clk, ADD enc_salted clk;
ALTER TABLE q_b ADD pk person_key, ADD enc clk, ADD enc_salted clk;
UPDATE q_a SET pk = person_key(:secret, family_names, given_names, birth, sex, nationality),
               enc = clk(:secret, family_names, given_names, birth, sex, nationality),
               enc_salted = clk(:secret, family_names, given_names, birth, sex, nationality,
                                salt => extract(year FROM birth)::text);
UPDATE q_b SET pk = person_key(:secret, family_names, given_names, birth, sex, nationality),
               enc = clk(:secret, family_names, given_names, birth, sex, nationality),
               enc_salted = clk(:secret, family_names, given_names, birth, sex, nationality,
                                salt => extract(year FROM birth)::text);
CREATE TABLE q_truth AS SELECT a.rec_id AS a_id, b.rec_id AS b_id, b.corruptions FROM q_a a JOIN q_b b USING (person_id);

-- every pair above the lowest threshold, one to one; a higher threshold
-- keeps a prefix of the greedy order, so one run gives every threshold
CREATE TABLE q_links AS
SELECT * FROM link_clk('SELECT rec_id, enc FROM q_a', 'SELECT rec_id, enc FROM q_b', 1, :lower);
CREATE TABLE q_links_salted AS
SELECT * FROM link_clk('SELECT rec_id, enc_salted FROM q_a', 'SELECT rec_id, enc_salted FROM q_b', 1, :lower);

CREATE TABLE q_curve AS
SELECT method, th, count(*) AS predicted, count(t.a_id) AS tp, (SELECT count(*) FROM q_truth) AS truth
FROM (SELECT 'clk' AS method, * FROM q_links UNION ALL SELECT 'clk salted', * FROM q_links_salted) l
JOIN generate_series((:lower * 100)::int, 99) th100 ON l.dice >= th100 / 100.0
CROSS JOIN LATERAL (SELECT th100 / 100.0 AS th) x
LEFT JOIN q_truth t USING (a_id, b_id)
GROUP BY method, th;
INSERT INTO q_curve
SELECT 'exact key', NULL, count(*), count(t.a_id), (SELECT count(*) FROM q_truth)
FROM q_a a JOIN q_b b USING (pk) LEFT JOIN q_truth t ON t.a_id = a.rec_id AND t.b_id = b.rec_id;

\echo '# the test set'
SELECT (SELECT count(*) FROM q_a) AS agency_a, (SELECT count(*) FROM q_b) AS agency_b,
       (SELECT count(*) FROM q_truth) AS true_pairs,
       (SELECT round(avg(popcount(enc))) FROM q_a) AS mean_popcount;

\echo '# precision, recall and F1: the exact key, and clk at its best threshold and at migrec.clk_threshold'
SELECT method, th::numeric(3, 2) AS threshold, predicted, tp,
       round(tp::numeric / nullif(predicted, 0), 4) AS "precision",
       round(tp::numeric / truth, 4) AS recall,
       round(2.0 * tp / (predicted + truth), 4) AS f1
FROM (SELECT DISTINCT ON (method) * FROM q_curve ORDER BY method, 2.0 * tp / (predicted + truth) DESC, th) best
UNION ALL
SELECT method || ' at the default', th::numeric(3, 2), predicted, tp, round(tp::numeric / nullif(predicted, 0), 4),
       round(tp::numeric / truth, 4), round(2.0 * tp / (predicted + truth), 4)
FROM q_curve WHERE method = 'clk' AND th = current_setting('migrec.clk_threshold')::numeric
ORDER BY 1;

\echo '# clk, by threshold'
SELECT th::numeric(3, 2) AS threshold, predicted, tp, round(tp::numeric / nullif(predicted, 0), 4) AS "precision",
       round(tp::numeric / truth, 4) AS recall, round(2.0 * tp / (predicted + truth), 4) AS f1
FROM q_curve WHERE method = 'clk' AND (th * 100)::int % 5 = 0 ORDER BY th;

\echo '# recall of the pairs whose second record has one corruption, or none: exact key, and clk at migrec.clk_threshold'
SELECT coalesce(nullif(t.corruptions, ''), '(none)') AS corruption, count(*) AS pairs,
       round(avg((a.pk = b.pk)::int), 3) AS exact_key,
       round(avg((l.a_id IS NOT NULL)::int), 3) AS clk
FROM q_truth t
JOIN q_a a ON a.rec_id = t.a_id JOIN q_b b ON b.rec_id = t.b_id
LEFT JOIN q_links l ON l.a_id = t.a_id AND l.b_id = t.b_id AND l.dice >= current_setting('migrec.clk_threshold')::float8
WHERE coalesce(t.corruptions, '') NOT LIKE '%;%'
GROUP BY 1 ORDER BY 1;

-- for quality.sh: the lines it checks
\pset tuples_only on
\pset format unaligned
\echo '# check'
SELECT 'best_f1 ' || round(max(2.0 * tp / (predicted + truth)), 4) FROM q_curve WHERE method = 'clk';
SELECT 'default_f1 ' || round(2.0 * tp / (predicted + truth), 4) FROM q_curve
WHERE method = 'clk' AND th = current_setting('migrec.clk_threshold')::numeric;
SELECT 'exact_precision ' || round(tp::numeric / nullif(predicted, 0), 4) FROM q_curve WHERE method = 'exact key';
DROP TABLE q_a, q_b, q_truth, q_links, q_links_salted, q_curve;
