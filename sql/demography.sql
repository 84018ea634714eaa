-- demography: people counted by sex, age band and accompaniment; each
-- publisher's table equals plain SQL over the raw rows; NULLs, weights,
-- merging, window frames, parallel plans, text and binary forms, errors.

-- 3,000 people encountered in 2021, deterministic
CREATE TEMP TABLE persons AS
SELECT i AS id,
       (ARRAY['HND','HTI','CUB','VEN','GTM'])[1 + (i * 7) % 5]::nationality AS nationality,
       CASE WHEN i % 53 = 0 THEN NULL ELSE (ARRAY['F','M','M','F','X','UNK','F','M'])[1 + (i * 13) % 8]::sex END AS sex,
       CASE WHEN i % 41 = 0 THEN NULL ELSE date '2021-01-01' - (i * 7919) % 27000 END AS birth,
       date '2021-01-01' + (i * 31) % 365 AS seen,
       CASE WHEN i % 37 = 0 THEN NULL
            ELSE (ARRAY['alone','with_parent','with_relative','with_caregiver','with_child','unknown','with_parent','alone'])[1 + (i * 11) % 8]::accompaniment END AS acc
FROM generate_series(1, 3000) i;
-- plain columns: the age at the encounter, exact, as plain SQL computes it
CREATE TEMP VIEW raw AS
SELECT p.*, date_part('year', age(seen, birth))::int AS age FROM persons p;

SELECT demography(sex, age_band(birth, seen, 'unhcr'), acc) AS d FROM persons \gset
SELECT :'d'::demography::text = :'d' AS text_round_trip, length(:'d') > 0 AS printed;
SELECT demography_scheme(:'d'), demography_count(:'d'), demography_count(:'d', 'F'),
       demography_count(:'d', age => 'unhcr:0-4'), demography_count(:'d', accompaniment => 'with_child'),
       demography_count(:'d', 'M', 'upm:0-11', 'alone') AS upm_band_over_unhcr;
-- demography_count equals plain SQL
SELECT count(*) AS all, count(*) FILTER (WHERE sex = 'F') AS f,
       count(*) FILTER (WHERE age BETWEEN 0 AND 4) AS a0_4, count(*) FILTER (WHERE acc = 'with_child') AS with_child,
       count(*) FILTER (WHERE sex = 'M' AND age <= 11 AND acc = 'alone') AS m_0_11_alone
FROM raw;

-- UNHCR's table, and the same cells with plain SQL over the raw rows
SELECT "position", label, sex, age, count, is_total FROM demography_table(:'d');
WITH plain AS (
  SELECT s.code AS sex, a.code AS age,
         count(r.id) FILTER (WHERE (s.code = 'f' AND r.sex = 'F') OR (s.code = 'm' AND r.sex = 'M')) AS n
  FROM (VALUES ('f'), ('m')) s(code)
  CROSS JOIN (VALUES ('0_4', 0, 4), ('5_11', 5, 11), ('12_17', 12, 17), ('18_59', 18, 59), ('60', 60, 999),
                     ('other', NULL, NULL), ('total', -1, 999)) a(code, lo, hi)
  LEFT JOIN raw r ON (a.code = 'other' AND r.age IS NULL) OR (a.code = 'total') OR r.age BETWEEN a.lo AND a.hi
  GROUP BY 1, 2
  UNION ALL SELECT 'other', 'total', count(*) FILTER (WHERE sex IS DISTINCT FROM 'F' AND sex IS DISTINCT FROM 'M') FROM raw
  UNION ALL SELECT NULL, 'total', count(*) FROM raw)
SELECT count(*) AS cells, count(*) FILTER (WHERE t.count = p.n) AS equal
FROM demography_table(:'d', 'unhcr') t JOIN plain p ON p.sex IS NOT DISTINCT FROM t.sex AND p.age = t.age;

-- Eurostat's table from Eurostat's bands, equal to plain SQL (X counts as UNK)
SELECT demography(sex, age_band(birth, seen, 'eurostat'), acc) AS e FROM persons \gset
SELECT "position", label, sex, age, count, is_total FROM demography_table(:'e') WHERE sex IN ('T', 'UNK');
WITH plain AS (
  SELECT s.code AS sex, a.code AS age, count(r.id) AS n
  FROM (VALUES ('T'), ('F'), ('M'), ('UNK')) s(code)
  CROSS JOIN (VALUES ('TOTAL', -1, 999), ('Y_LT14', 0, 13), ('Y14-17', 14, 17), ('Y_LT18', 0, 17), ('Y18-34', 18, 34),
                     ('Y35-64', 35, 64), ('Y_GE65', 65, 999), ('UNK', NULL, NULL)) a(code, lo, hi)
  LEFT JOIN raw r ON (s.code = 'T' OR s.code = coalesce(CASE r.sex WHEN 'F' THEN 'F' WHEN 'M' THEN 'M' END, 'UNK'))
                 AND ((a.code = 'UNK' AND r.age IS NULL) OR a.code = 'TOTAL' OR r.age BETWEEN a.lo AND a.hi)
  GROUP BY 1, 2)
SELECT count(*) AS cells, count(*) FILTER (WHERE t.count = p.n) AS equal
FROM demography_table(:'e', 'eurostat') t JOIN plain p USING (sex, age);

-- CBP's groups, from any scheme, equal to plain SQL from age and accompaniment
SELECT "position", label, count, is_total FROM demography_table(:'e', 'cbp');
SELECT count(*) FILTER (WHERE acc = 'with_child' OR (age < 18 AND acc = 'with_parent')) AS fmua,
       count(*) FILTER (WHERE age >= 18 AND acc IS DISTINCT FROM 'with_child' AND acc <> 'unknown') AS single_adults,
       count(*) FILTER (WHERE age < 18 AND acc IN ('alone', 'with_relative', 'with_caregiver')) AS uc,
       count(*) FILTER (WHERE acc IS DISTINCT FROM 'with_child' AND (age IS NULL OR acc IS NULL OR acc = 'unknown')) AS not_classified
FROM raw;
SELECT count(*) AS tables_equal FROM (
  SELECT count, label FROM demography_table(:'d', 'cbp') EXCEPT SELECT count, label FROM demography_table(:'e', 'cbp')) x;
SELECT label, count FROM demography_table((SELECT demography(NULL::sex, age_band(NULL::int, 'child'), 'with_child')), 'cbp') WHERE count > 0;

-- UPM's table from UNHCR's bands (0-4 and 5-11 make 0 a 11), equal to plain SQL
SELECT "position", label, count, is_total FROM demography_table(:'d', 'upm') WHERE sex = 'Total';
SELECT count(*) FILTER (WHERE age <= 11 AND acc IN ('with_parent', 'with_relative')) AS a0_11_acompanados,
       count(*) FILTER (WHERE age <= 11 AND acc IN ('alone', 'with_caregiver')) AS a0_11_no_acompanados,
       count(*) FILTER (WHERE age <= 11 AND (acc IS NULL OR acc IN ('unknown', 'with_child'))) AS a0_11_sin_dato,
       count(*) FILTER (WHERE age BETWEEN 12 AND 17 AND acc IN ('with_parent', 'with_relative')) AS a12_17_acompanados,
       count(*) FILTER (WHERE age >= 18) AS adults, count(*) FILTER (WHERE age IS NULL) AS age_unknown
FROM raw;
SELECT count(*) AS tables_equal FROM (
  SELECT label, count FROM demography_table(:'d', 'upm')
  EXCEPT SELECT label, count FROM demography_table((SELECT demography(sex, age_band(birth, seen, 'upm'), acc) FROM persons), 'upm')) x;

-- children by accompaniment (UNHCR/UNICEF), equal to plain SQL
SELECT "position", label, count, is_total FROM demography_table(:'d', 'children');
SELECT count(*) FILTER (WHERE acc = 'with_parent') AS accompanied,
       count(*) FILTER (WHERE acc IN ('with_relative', 'with_caregiver')) AS separated,
       count(*) FILTER (WHERE acc = 'alone') AS unaccompanied, count(*) AS children
FROM raw WHERE age < 18;

-- tables that cannot be drawn from a scheme's bands: 22023
SELECT * FROM demography_table(:'e', 'unhcr');
SELECT * FROM demography_table(:'d', 'eurostat');
SELECT * FROM demography_table(:'d', 'ohss');
SELECT demography_count(:'d', age => 'eurostat:Y_LT14');

-- disclosure control: every cell rounded on its own, totals too (not the sum of rounded cells)
SELECT label, count, sdc_round(count, 5) AS rounded, is_total
FROM demography_table(:'e', 'eurostat') WHERE sex = 'F';
SELECT sum(sdc_round(count, 5)) FILTER (WHERE NOT is_total) AS sum_of_rounded_cells,
       sdc_round((sum(count) FILTER (WHERE NOT is_total))::bigint, 5) AS rounded_total
FROM demography_table(:'e', 'eurostat') WHERE sex = 'F';

-- by group, with the two-argument form (accompaniment unknown) and weights
SELECT nationality, demography_count(demography(sex, age_band(birth, seen, 'child'))) AS people,
       demography_count(demography(sex, age_band(birth, seen, 'child')), age => 'child:0-17') AS children,
       demography_count(demography(sex, age_band(birth, seen, 'child')), accompaniment => 'unknown') AS acc_unknown
FROM persons GROUP BY nationality ORDER BY nationality;
SELECT demography(s, b, a, n) FROM (VALUES ('F'::sex, 'upm:0-11'::age_band, 'alone'::accompaniment, 3::bigint),
  ('F', 'upm:0-11', 'alone', 4), ('M', 'upm:18+', 'with_child', 0), ('M', 'upm:18+', 'alone', NULL)) v(s, b, a, n);
-- NULLs count as unknown; a first NULL band waits for the scheme of the next
SELECT demography(s, b, a) FROM (VALUES (NULL::sex, NULL::age_band, NULL::accompaniment)) v(s, b, a);
SELECT demography(s, b, a ORDER BY o) FROM (VALUES (1, NULL::sex, NULL::age_band, NULL::accompaniment),
  (2, 'F', 'eurostat:Y18-34', 'alone'), (3, 'M', NULL, 'with_child')) v(o, s, b, a);

-- empty input: an empty demography, and its tables full of zeros
SELECT demography(sex, age_band(birth, seen, 'unhcr'), acc) FROM persons WHERE false;
SELECT nationality, demography(sex, age_band(birth, seen, 'unhcr'), acc) FROM persons WHERE false GROUP BY nationality;
SELECT label, count FROM demography_table((SELECT demography(sex, age_band(birth, seen, 'unhcr'), acc) FROM persons WHERE false)) WHERE is_total;
SELECT demography_count('{}'), demography_scheme('{}') IS NULL AS no_scheme, count(*) AS cells FROM demography_cells('{}');
SELECT * FROM demography_table(NULL);

-- errors: two schemes in one demography, negative weights (22023); overflow (22003)
SELECT demography(s, b) FROM (VALUES ('F'::sex, 'unhcr:0-4'::age_band), ('M', 'upm:0-11')) v(s, b);
SELECT demography(s, b, a, n) FROM (VALUES ('F'::sex, 'unhcr:0-4'::age_band, 'alone'::accompaniment, -1::bigint)) v(s, b, a, n);
SELECT demography(s, b, a, n) FROM (VALUES ('F'::sex, 'unhcr:0-4'::age_band, 'alone'::accompaniment, 9223372036854775807::bigint),
  ('F', 'unhcr:0-4', 'alone', 1)) v(s, b, a, n);
SELECT q, test.sqlstate(q) FROM (VALUES
  ($$SELECT demography(d) FROM (VALUES ('unhcr {}'::demography), ('upm {}')) v(d)$$),
  ($$SELECT demography_count('unhcr {F/0-4/alone: 9223372036854775807, M/0-4/alone: 1}')$$),
  ($$SELECT demography(d) FROM (VALUES ('unhcr {F/0-4/alone: 9223372036854775807}'::demography), ('unhcr {M/0-4/alone: 1}')) v(d)$$)) t(q);

-- merging: per-month demographies merged equal the whole; scheme 0 merges into any scheme
CREATE TEMP TABLE monthly AS
  SELECT date_trunc('month', seen) AS month, demography(sex, age_band(birth, seen, 'unhcr'), acc) AS d
  FROM persons GROUP BY 1;
SELECT demography(d)::text = :'d' AS merged_equals_whole FROM monthly;
SELECT demography(d) FROM monthly WHERE false;
SELECT demography(d) FROM (VALUES (NULL::demography), ('{F/unknown/alone: 2}'), ('upm {M/0-11/alone: 1}')) v(d);
SELECT demography(d) FROM (VALUES (NULL::demography), (NULL)) v(d);
SELECT demography(d) FROM (VALUES (NULL::demography), ('child {F/0-17/alone: 1}')) v(d);
-- the inverse transition takes a scheme-less demography out of one with a scheme
SELECT i, demography(d) OVER (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
FROM (VALUES (1, '{F/unknown/alone: 2}'::demography), (2, 'upm {F/unknown/alone: 1}'), (3, '{}')) v(i, d);

-- window frames: a rolling count by the inverse transition equals the count recomputed per frame
SELECT count(*) AS rows, count(*) FILTER (WHERE rolling_f = recomputed) AS equal, max(rolling_f) AS most FROM (
  SELECT demography_count(demography(sex, age_band(birth, seen, 'unhcr'), acc) OVER w, 'F') AS rolling_f,
         (SELECT count(*) FROM persons p2 WHERE p2.seen BETWEEN p.seen - 6 AND p.seen AND p2.sex = 'F') AS recomputed
  FROM persons p WINDOW w AS (ORDER BY seen RANGE BETWEEN '6 days' PRECEDING AND CURRENT ROW)) f;
SELECT count(*) AS frames, count(*) FILTER (WHERE r::text = x::text) AS equal FROM (
  SELECT demography(sex, age_band(birth, seen, 'upm'), acc) OVER w AS r,
         (SELECT demography(sex, age_band(birth, seen, 'upm'), acc) FROM persons p2 WHERE p2.id BETWEEN p.id - 20 AND p.id) AS x
  FROM persons p WINDOW w AS (ORDER BY id ROWS BETWEEN 20 PRECEDING AND CURRENT ROW)) f;
SELECT count(*) AS frames, count(*) FILTER (WHERE r::text = x::text) AS equal FROM (
  SELECT demography(d) OVER (ORDER BY month ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS r,
         (SELECT demography(d) FROM monthly m2 WHERE m2.month BETWEEN m.month - interval '1 month' AND m.month) AS x
  FROM monthly m) f;

-- parallel: the same demographies with and without workers, and forced
CREATE TABLE many_persons AS SELECT p.* FROM persons p, generate_series(1, 20) g;
ANALYZE many_persons;
CREATE TEMP TABLE serial_d AS
  SELECT nationality, demography(sex, age_band(birth, seen, 'unhcr'), acc) AS d FROM many_persons GROUP BY nationality;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT nationality, demography(sex, age_band(birth, seen, 'unhcr'), acc) FROM many_persons GROUP BY nationality;
SELECT count(*) AS groups, count(*) FILTER (WHERE s.d::text = p.d::text) AS equal
FROM serial_d s JOIN (SELECT nationality, demography(sex, age_band(birth, seen, 'unhcr'), acc) AS d
                      FROM many_persons GROUP BY nationality) p USING (nationality);
EXPLAIN (COSTS OFF) SELECT demography(sex, age_band(birth, seen, 'eurostat')) FROM many_persons;
SELECT demography(sex, age_band(birth, seen, 'unhcr'), acc)::text = (SELECT demography(d)::text FROM serial_d) AS equal_one_group
FROM many_persons;
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000 THEN 'debug_parallel_query'
                       ELSE 'force_parallel_mode' END, 'on', false) AS forced;
SELECT count(*) FILTER (WHERE s.d::text = p.d::text) AS equal_forced
FROM serial_d s JOIN (SELECT nationality, demography(sex, age_band(birth, seen, 'unhcr'), acc) AS d
                      FROM many_persons GROUP BY nationality) p USING (nationality);
SELECT demography(sex, age_band(birth, seen, 'unhcr'), acc) FROM many_persons WHERE false;
SELECT demography(d) FROM serial_d WHERE false;
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000 THEN 'debug_parallel_query'
                       ELSE 'force_parallel_mode' END, 'off', false) AS unforced;
RESET parallel_setup_cost; RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size; RESET max_parallel_workers_per_gather;
DROP TABLE many_persons;

-- cells
SELECT * FROM demography_cells('upm {F/0-11/with_parent: 2, UNK/unknown/unknown: 1}');
SELECT * FROM demography_cells('{X/unknown/alone: 4}');

-- text form: scheme, cells in the value's order; errors 22P02, 22003
SELECT ' upm { F / 0-11 / with_parent : 2 , M/18+/alone:0 } '::demography, 'CHILD {}'::demography, '{}'::demography;
SELECT 'unhcr {M/0-4/alone: 1, F/0-4/alone: 1}'::demography;
SELECT 'unhcr {F/Y_LT14/alone: 1}'::demography;
SELECT v, test.sqlstate(format('SELECT %L::demography', v))
FROM (VALUES (''), ('unhcr'), ('who {}'), ('unhcr {'), ('unhcr {F/0-4/alone}'), ('unhcr {F/0-4/alone: -1}'),
             ('unhcr {F/0-4/alone: 1,}'), ('{F/0-4/alone: 1}'), ('unhcr {F/0-4/nobody: 1}'), ('unhcr {} {}'),
             ('unhcr {F/0-4/alone: 99999999999999999999}')) AS t(v);

-- binary form: what send gives, recv reads back; damaged or foreign bytes are refused (22P03)
CREATE TEMP TABLE demo_bin (d demography);
SELECT test.copy_binary('demo_bin', demography_send('child {F/0-17/with_parent: 2, M/unknown/unknown: 5}')) AS child,
       test.copy_binary('demo_bin', demography_send('{}')) AS empty;
SELECT d FROM demo_bin;
SELECT left(v::text, 24) AS v, test.copy_binary('demo_bin', v)
FROM (VALUES ('\x0100040106'::bytea || '\x0000000000000001'::bytea),
             ('\x0200040106'::bytea), ('\x0105040106'::bytea), ('\x0100040206'::bytea), ('\x0100040107'::bytea),
             ('\x01'::bytea), ('\x0100040106'::bytea || decode(repeat('00', 8 * 23) || 'ffffffffffffffff', 'hex'))) AS t(v);
SELECT length(demography_send('{}')) AS empty_bytes, length(demography_send('unhcr {}')) AS unhcr_bytes;
