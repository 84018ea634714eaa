-- loaders: examples/load_cbp_encounters.sql and examples/load_unhcr_decisions.sql
-- on small files in the publishers' exact layouts (test/data/: the columns,
-- quoting, byte-order mark and cell conventions of CBP's and UNHCR's CSVs,
-- with their real name forms; the counts are made up for the test).  Every
-- figure checked below was computed by hand from the files, not by the
-- extension; the rows that must be reported are:
--   CBP line 17: HODNURAS, a misspelt citizenship (4 encounters)
--   UNHCR line 11: Tibetan (TIB), an origin with no ISO code
--   UNHCR line 14: Nicaragua, confidential cells (*)
--   UNHCR line 15: El Salvador, whose Total decisions (1510) is not the sum
--                  of its four outcomes (1505)

-- CBP: 16 rows, 7980 encounters (FY2021 3185, FY2022 4795)
\set file test/data/cbp_nationwide_encounters_sample.csv
\set ECHO none
\i examples/load_cbp_encounters.sql
\set ECHO all
\pset footer on
-- by hand: HONDURAS 1250 + 430 = 1680 (FY2021); OTHER 88 (FY2021) + 47 (FY2022)
-- = 135 as ZZO; Title 42 in FY2021: 1250 + 88 + 0 = 1338; Title 8: 1847
SELECT count(*) AS rows, sum(encounters) AS encounters,
       sum(encounters) FILTER (WHERE fiscal_year = 2021) AS fy2021,
       sum(encounters) FILTER (WHERE fiscal_year = 2022) AS fy2022,
       sum(encounters) FILTER (WHERE nationality = 'HND') AS honduras,
       sum(encounters) FILTER (WHERE nationality = 'ZZO') AS other,
       sum(encounters) FILTER (WHERE fiscal_year = 2021 AND title_of_authority = 'Title 42') AS t42_2021,
       sum(encounters) FILTER (WHERE fiscal_year = 2021 AND title_of_authority = 'Title 8') AS t8_2021,
       sum(encounters) FILTER (WHERE nationality IS NULL) AS not_mapped
FROM cbp_encounters;
SELECT line, citizenship, nationality, month FROM cbp_encounters
WHERE citizenship IN ('CHINA, PEOPLES REPUBLIC OF', 'MYANMAR (BURMA)', 'OTHER', 'HODNURAS')
   OR month IN ('2020-10-01', '2021-09-01', '2021-12-01')
ORDER BY line;
DROP TABLE cbp_encounters;

-- the layout as migrec's issue 13 lists it, without Month Grouping
\set file test/data/cbp_nationwide_encounters_no_month_grouping_sample.csv
\set month_grouping no
\set ECHO none
\o /dev/null
\i examples/load_cbp_encounters.sql
\o
\set ECHO all
\pset footer on
SELECT line, month_grouping, month, citizenship, nationality, encounters FROM cbp_encounters ORDER BY line;
DROP TABLE cbp_encounters;

-- UNHCR: 14 rows; persons' total decisions 64,374 (by hand: every P row's
-- Total decisions as printed), cases' 3,990
\set file test/data/unhcr_asylum_decisions_sample.csv
\set ECHO none
\i examples/load_unhcr_decisions.sql
\set ECHO all
\pset footer on
SELECT count(*) AS rows, sum(total_decisions) FILTER (WHERE unit = 'P') AS persons,
       sum(total_decisions) FILTER (WHERE unit = 'C') AS cases,
       count(*) FILTER (WHERE origin IS NULL) AS origin_not_mapped
FROM unhcr_decisions;
-- the names and codes read: UNK is unknown (ZZZ), XXA stateless, the ISO
-- column's AUT is Austria, UNHCR's display names through source unhcr
SELECT line, origin_name, origin_iso, origin, asylum_name, asylum_iso, asylum FROM unhcr_decisions ORDER BY line;
-- UNHCR's formula by hand, from the file's own columns (python3 over the
-- CSV, rounded to 6 places): HND FI 9215 / (9215 + 1830 + 3760) = 0.622425,
-- total (9215 + 1830) / 14805 = 0.746032; HTI 0.164524 / 0.214332;
-- VEN FI 0.936276 / 0.962698, AR 0.339806 / 0.368932; IRN 0.347679 /
-- 0.476793; COD 0.780488 both; SYR 0.796101 / 0.966694; unknown 0.237838 /
-- 0.340541; stateless 0.654008 / 0.746835; Tibetan 0.8 both; CUB cases
-- 0.394022, persons 0.396055; SLV 0.635379 / 0.703971
SELECT d.line, d.origin_name, d.stage, d.unit,
       round(recognition_rate(o.status, o.n)::numeric, 6) AS recognition_rate,
       round(total_recognition_rate(o.status, o.n)::numeric, 6) AS total_recognition_rate
FROM unhcr_decisions d LEFT JOIN unhcr_outcomes o USING (line)
GROUP BY d.line, d.origin_name, d.stage, d.unit ORDER BY d.line;
-- and the aggregates equal the formula over the columns, row by row
SELECT count(*) AS rows_with_rates,
       count(*) FILTER (WHERE r = recognized::float8 / (recognized + complementary + rejected)
                          AND tr = (recognized + complementary)::float8 / (recognized + complementary + rejected)) AS equal_to_formula
FROM (SELECT line, recognition_rate(status, n) AS r, total_recognition_rate(status, n) AS tr,
             min(recognized) AS recognized, min(complementary) AS complementary, min(rejected) AS rejected
      FROM unhcr_outcomes GROUP BY line) g;
DROP VIEW unhcr_outcomes;
DROP TABLE unhcr_decisions;
