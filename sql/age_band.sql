-- age_band: the publishers' schemes, exact ages at a date, text and binary
-- forms, order, errors.

-- every band of every scheme, in the type's order (scheme, then age, unknown last)
SELECT band, scheme_name, code, label, min_age, max_age, is_child(band), age_band_label(band) = label AS same_label
FROM age_bands() ORDER BY band;
SELECT count(*) FROM age_bands('UNHCR');
-- input: code, label or alias, any case, blanks around; output scheme:code
SELECT 'unhcr:0-4'::age_band, ' UNHCR : 60 or more '::age_band, 'unhcr:60'::age_band, 'unhcr:other'::age_band,
       'eurostat:y14-17'::age_band, 'eurostat:Less than 14 years'::age_band, 'eurostat:unknown'::age_band,
       'upm:0 a 11 años'::age_band, 'upm:18+'::age_band, 'child:0-17'::age_band, 'child:UNKNOWN'::age_band;
-- errors: 22P02, with the scheme's bands in the hint
SELECT 'unhcr:0-5'::age_band;
SELECT 'who:0-4'::age_band;
SELECT '0-4'::age_band;
SELECT left(v, 20) AS v, test.sqlstate(format('SELECT %L::age_band', v))
FROM (VALUES (''), ('unhcr'), ('unhcr:'), (':0-4'), ('unhcr::0-4'), ('unhcr:0-4 x'), ('eurostat:Y_LT18'),
             ('eurostat:TOTAL'), ('upm:0-17'), (repeat('u', 200))) AS t(v);

-- exact ages: 29 February, the day before a birthday, the birthday
SELECT b, at, age_in_years(b, at), age_band(b, at, 'unhcr'), age_band(b, at, 'eurostat'),
       date_part('year', age(at, b)) AS core_age
FROM (VALUES ('2004-02-29'::date, '2022-02-28'::date), ('2004-02-29', '2022-03-01'), ('2004-02-29', '2024-02-28'),
             ('2004-02-29', '2024-02-29'), ('2003-06-15', '2021-06-14'), ('2003-06-15', '2021-06-15'),
             ('2008-01-01', '2021-12-31'), ('2008-01-01', '2022-01-01'), ('2021-05-05', '2021-05-05'),
             ('1961-10-01', '2021-09-30'), ('1961-10-01', '2021-10-01'), ('1956-03-01', '2021-02-28'),
             ('0044-03-15 BC', '0001-03-15')) v(b, at)
ORDER BY b, at;
-- age_in_years agrees with core's age() on every day of 9 years for birth
-- dates around 29 February, in a leap year and in a common year
SELECT count(*) AS days, count(*) FILTER (WHERE age_in_years(b, at) <> date_part('year', age(at, b))) AS differ
FROM (SELECT generate_series(date '2004-02-26', date '2004-03-02', interval '1 day')::date
      UNION ALL SELECT generate_series(date '2003-02-26', date '2003-03-02', interval '1 day')::date) x(b),
     LATERAL (SELECT generate_series(b, b + 9 * 366, interval '1 day')::date) y(at);
-- from ages: every boundary of every scheme
SELECT a, age_band(a, 'unhcr') AS unhcr, age_band(a, 'eurostat') AS eurostat, age_band(a, 'upm') AS upm,
       age_band(a, 'child') AS child
FROM unnest(ARRAY[0, 4, 5, 11, 12, 13, 14, 17, 18, 34, 35, 59, 60, 64, 65, 150, NULL]) a;
-- unknown: a NULL age or date gives the unknown band; a NULL scheme gives NULL
SELECT age_band(NULL::int, 'unhcr'), age_band(NULL::date, '2021-01-01', 'eurostat'),
       age_band('2000-01-01', NULL, 'upm'), age_band(1, NULL) IS NULL AS null_scheme,
       age_band('2000-01-01'::date, '2021-01-01', NULL) IS NULL AS null_scheme_too;
-- errors: birth after the date, ages out of range (22023), infinite dates (22008), unknown scheme (22023)
SELECT age_band('2021-06-02'::date, '2021-06-01', 'unhcr');
SELECT age_band(151, 'unhcr');
SELECT age_band(999, 'eurostat');
SELECT age_band('1800-01-01'::date, '2021-06-01', 'unhcr');
SELECT age_band(20, 'who');
SELECT q, test.sqlstate(q) FROM (VALUES
  ($$SELECT age_band(-1, 'unhcr')$$), ($$SELECT age_band(151, 'child')$$),
  ($$SELECT age_band('infinity'::date, '2021-01-01', 'unhcr')$$),
  ($$SELECT age_band('2000-01-01'::date, '-infinity', 'unhcr')$$),
  ($$SELECT age_in_years('2000-01-01', 'infinity')$$),
  ($$SELECT age_in_years('2021-01-02', '2021-01-01')$$),
  ($$SELECT age_band(5, '')$$), ($$SELECT * FROM age_bands('x')$$)) t(q);
-- the scheme may differ from row to row
SELECT s, age_band(30, s::age_scheme) FROM unnest('{unhcr,Eurostat,upm,child}'::text[]) s;

-- accessors
SELECT b, age_band_scheme(b), age_band_label(b), min_age(b), max_age(b), is_child(b)
FROM unnest('{unhcr:12-17,unhcr:60+,unhcr:unknown,eurostat:Y18-34,upm:0-11,child:18+}'::age_band[]) b;

-- order, operators, indexes, hashing
SELECT array_agg(b ORDER BY b) FROM unnest('{child:0-17,unhcr:unknown,upm:12-17,unhcr:60+,eurostat:UNK,unhcr:0-4,eurostat:Y_GE65}'::age_band[]) b;
SELECT 'unhcr:0-4'::age_band < 'unhcr:5-11', 'unhcr:60+'::age_band < 'unhcr:unknown', 'unhcr:60'::age_band = 'unhcr:60+',
       'unhcr:0-4'::age_band <> 'upm:0-11', 'eurostat:UNK'::age_band >= 'eurostat:Y_GE65', 'upm:18+'::age_band <= 'upm:18+',
       'upm:18+'::age_band > 'upm:12-17';
CREATE TEMP TABLE people_ages AS
  SELECT i, age_band(i % 90, 'unhcr') AS b FROM generate_series(1, 5000) i;
ANALYZE people_ages;
SELECT b, count(*) FROM people_ages GROUP BY b ORDER BY b;
SET enable_hashagg = off;
SELECT b, count(*) FROM people_ages GROUP BY b ORDER BY b DESC;
RESET enable_hashagg;
CREATE INDEX people_ages_b ON people_ages (b);
CREATE INDEX people_ages_b_hash ON people_ages USING hash (b);
SET enable_seqscan = off; SET enable_bitmapscan = off;
SELECT count(*) FROM people_ages WHERE b = 'unhcr:12-17';
SELECT count(*) FROM people_ages WHERE b >= 'unhcr:18-59' AND b < 'unhcr:unknown';
RESET enable_seqscan; RESET enable_bitmapscan;
SELECT count(*) FROM people_ages a JOIN people_ages b USING (b) WHERE a.i < 10;
-- a hash-partitioned table keeps its rows where the seeded hash puts them
CREATE TEMP TABLE by_band (b age_band) PARTITION BY HASH (b);
CREATE TEMP TABLE by_band_0 PARTITION OF by_band FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TEMP TABLE by_band_1 PARTITION OF by_band FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO by_band SELECT band FROM age_bands();
SELECT tableoid::regclass, array_agg(b ORDER BY b) FROM by_band GROUP BY 1 ORDER BY 1;

-- casts to and from text
SELECT 'eurostat:Y35-64'::text::age_band, ('upm:12-17'::age_band)::text;

-- binary: every valid byte is read back, other bytes refused (22P03)
CREATE TEMP TABLE band_bin (b age_band);
SELECT v, test.copy_binary('band_bin', v)
FROM (VALUES ('\x11'::bytea), ('\x1f'), ('\x24'), ('\x31'), ('\x4f'), ('\x00'), ('\x10'), ('\x16'), ('\x1e'),
             ('\x34'), ('\x51'), ('\xff'), ('\x'), ('\x1111')) AS t(v);
SELECT b FROM band_bin ORDER BY b;
SELECT count(*) AS valid_bytes FROM generate_series(0, 255) k
WHERE test.copy_binary('band_bin', set_byte('\x00'::bytea, 0, k)) = 'ok';
SELECT count(DISTINCT b) = (SELECT count(*) FROM age_bands()) AS every_band FROM band_bin;
-- send gives the one byte recv reads
SELECT band, age_band_send(band) FROM age_bands('upm');

-- age_scheme: the schemes as a one-byte type (not text: a function taking a
-- text constant is never shipped to postgres_fdw shards)
SELECT array_agg(s ORDER BY s) AS schemes, array_agg(age_scheme_send(s) ORDER BY s) AS bytes
FROM unnest('{child,UPM, unhcr ,eurostat}'::age_scheme[]) s;
SELECT 'unhcr'::age_scheme = 'UNHCR', 'unhcr'::age_scheme < 'child', age_band_scheme('eurostat:UNK') = 'eurostat',
       'upm'::text::age_scheme, ('child'::age_scheme)::text;
SELECT v, test.sqlstate(format('SELECT %L::age_scheme', v)) FROM (VALUES (''), ('who'), ('unhcr:'), ('unhcr x')) t(v);
CREATE TEMP TABLE scheme_bin (s age_scheme);
SELECT count(*) FILTER (WHERE test.copy_binary('scheme_bin', set_byte('\x00'::bytea, 0, k)) = 'ok') AS valid_bytes
FROM generate_series(0, 255) k;
SELECT array_agg(s ORDER BY s) FROM scheme_bin;
SELECT s, count(*) FROM (SELECT age_band_scheme(band) AS s FROM age_bands()) b GROUP BY s ORDER BY s;
