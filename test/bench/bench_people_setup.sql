-- test/bench/bench_people_setup.sql: the rows of bench_people.sh, with a
-- fixed arithmetic generator (no random(): the same rows on every run and
-- server version).  psql -v rows=N.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
DROP TABLE IF EXISTS bench_people;

-- One row per person encountered: nationality, sex, UNHCR age band, accompaniment
-- (shaped roughly like the demo: more adults, most alone), birth date and date of
-- the encounter.  Columns in this order so that every variant reads the same tuples.
CREATE TABLE bench_people AS
SELECT (ARRAY['HND','HTI','CUB','GTM','VEN','SLV','NIC','MEX','COL','ECU','BRA','CHL'])[1 + (h % 12)]::nationality AS n,
       (ARRAY['F','M','M','F','M','F','M','UNK','X','M'])[1 + (h / 12) % 10]::sex AS s,
       age_band(birth, at, 'unhcr') AS b,
       (ARRAY['alone','alone','alone','with_parent','with_child','with_relative','with_caregiver','unknown'])[1 + (h / 120) % 8]::accompaniment AS a,
       birth, at
FROM (SELECT h, at, at - (((h / 960) % 29000)::int) AS birth
      FROM (SELECT (i * 2654435761) % 4294967291 AS h,
                   date '2020-10-01' + ((i * 7919) % 730)::int AS at
            FROM generate_series(1::bigint, :rows) i) g) x;
VACUUM ANALYZE bench_people;
