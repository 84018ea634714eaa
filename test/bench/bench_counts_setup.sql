-- test/bench/bench_counts_setup.sql: data for bench_counts.sh.  Run by it
-- with psql -v rows=N -v names=M; not a regression test.
--
--   bench_counts(origin nationality, status protection_status, n int8)
--       :rows rows of a count table: an origin among 20, one of the eight
--       decision statuses (the four UNHCR outcomes, each by one or two
--       statuses), a count 0..4999
--   bench_names(source text, name text)
--       :names names and codes as publishers print them, drawn uniformly
--       from every form of the sources cbp, comar, ohss, snm, unhcr and upm
--       that nationality_crosswalk() maps to a nationality
--   bench_lookup(source text, form text, nat nationality)
--       the analyst's lookup table: the same forms, each with its
--       nationality, primary key (source, form)
-- Deterministic (setseed, one backend).

\set ON_ERROR_STOP on
SET max_parallel_workers_per_gather = 0;
SET jit = off;
SET client_min_messages = warning;

DROP TABLE IF EXISTS bench_counts, bench_names, bench_lookup, bench_forms;
SELECT setseed(0.2024);

CREATE TABLE bench_counts AS
SELECT (ARRAY['HND','HTI','CUB','VEN','SLV','GTM','NIC','COL','ECU','CHN',
              'IND','AFG','SYR','IRN','COD','ERI','SOM','UKR','RUS','ZZO']::nationality[])[1 + (random() * 19.999)::int] AS origin,
       (ARRAY['recognized_refugee','recognized_cartagena','complementary_protection','rejected',
              'rejected_final','withdrawn','abandoned','inadmissible']::protection_status[])[1 + (random() * 7.999)::int] AS status,
       (random() * 4999)::int8 AS n
FROM generate_series(1, :rows);

CREATE TABLE bench_lookup (source text, form text, nat nationality NOT NULL, PRIMARY KEY (source, form));
INSERT INTO bench_lookup
SELECT DISTINCT ON (source, form) source, form, nationality
FROM nationality_crosswalk()
WHERE source IN ('cbp', 'comar', 'ohss', 'snm', 'unhcr', 'upm') AND nationality IS NOT NULL
ORDER BY source, form;

CREATE TABLE bench_forms AS SELECT row_number() OVER (ORDER BY source, form) AS k, source, form FROM bench_lookup;
CREATE TABLE bench_names AS
SELECT f.source, f.form AS name
FROM (SELECT 1 + (random() * ((SELECT count(*) FROM bench_forms) - 1))::int AS k FROM generate_series(1, :names)) r
JOIN bench_forms f USING (k);

VACUUM ANALYZE bench_counts, bench_names, bench_lookup;
