-- nationality: input forms, output, errors, functions, operators, indexes.

-- alpha-3, alpha-2 and numeric, any case, blanks ignored
SELECT 'hnd'::nationality, 'HN'::nationality, '340'::nationality,
       ' Hnd '::nationality, E'\tHN\n'::nationality, '0340'::nationality;
-- numeric with and without leading zeros
SELECT '076'::nationality, '76'::nationality, '4'::nationality, '004'::nationality;
-- ICAO Doc 9303 codes, Kosovo and its aliases, withdrawn ISO 3166-3 codes
SELECT v, v::nationality AS n, nationality_kind(v::nationality)
FROM (VALUES ('XXA'), ('XXB'), ('XXC'), ('XXX'), ('UNO'), ('UNA'), ('UNK'),
             ('XKX'), ('XK'), ('RKS'), ('ANT'), ('YUG'), ('SUN'), ('CSK'),
             ('ATF')) AS t(v);

-- errors: 22P02 with the closest codes in the hint
SELECT 'HNX'::nationality;
SELECT 'US'::nationality::text, 'UX'::nationality;
SELECT 'HONDURAS'::nationality;
SELECT ''::nationality;
SELECT 'QQQ'::nationality;
SELECT '999'::nationality;
SELECT 'H1D'::nationality;
SELECT v, test.sqlstate(format('SELECT %L::nationality', v))
FROM (VALUES (''), ('  '), ('HNX'), ('H'), ('HNDX'), ('000'), ('1000'), ('-340'),
             ('34 0'), ('H N D'), ('AN'), ('CS'), ('ÑIC'), (E'HN\x01')) AS t(v);

-- output is always alpha-3, and the text round trip is exact for every code
SELECT count(*) AS codes,
       count(*) FILTER (WHERE nationality::text::nationality = nationality) AS round_trip,
       count(*) FILTER (WHERE length(nationality::text) = 3) AS three_letters
FROM nationalities();

-- functions
SELECT n, alpha2(n), iso_numeric(n), country_name(n), country_name(n, 'es') AS es,
       country_name(n, 'fr') AS fr, country_name(n, 'pt') AS pt,
       m49_region(n), m49_subregion(n), is_rcm_member(n), nationality_kind(n)
FROM unnest('{HND,GTM,SLV,NIC,CRI,PAN,BLZ,MEX,USA,CAN,DOM,HTI,CUB,VEN,COL,ECU,BRA,DZA,TUR,KOR,XXA,XXB,XXC,XXX,UNO,UNA,UNK,XKX,ANT,ATF}'::nationality[]) AS n;
-- language tags: region and case ignored; others refused with 22023
SELECT country_name('MEX', 'ES'), country_name('MEX', 'es-MX'), country_name('BRA', 'pt_BR');
SELECT country_name('MEX', 'de');
SELECT country_name('MEX', 'e');
SELECT test.sqlstate($$SELECT country_name('MEX', 'english')$$);
SELECT country_name('MEX', NULL) IS NULL AS strict;
-- RCM: exactly the eleven members
SELECT string_agg(nationality::text, ' ' ORDER BY nationality) FROM nationalities() WHERE rcm_member;
SELECT kind, count(*) FROM nationalities() GROUP BY kind ORDER BY kind;

-- parse_nationality: codes, English and Spanish names, accents and case
-- ignored, NULL for what it cannot recognize
SELECT v, parse_nationality(v)
FROM (VALUES ('Haití'), ('haiti'), ('HAITÍ'), ('estados unidos'), ('Estados Unidos de América'),
             ('El Salvador'), ('el  salvador'), ('Mexico'), ('México'), ('MÉXICO'),
             ('United States'), ('United States of America'), ('EE.UU.'), ('Guatemala'),
             ('Honduras'), ('Côte d''Ivoire'), ('cote d ivoire'), ('Costa de Marfil'),
             ('Korea, Republic of'), ('Republic of Korea'), ('Corea del Sur'),
             ('Venezuela'), ('Venezuela, Bolivarian Republic of'), ('República Dominicana'),
             ('Brasil'), ('Brazil'), ('apátrida'), ('Stateless'), ('Kosovo'),
             ('hnd'), ('HN'), ('340'), ('  cuba  '),
             (''), ('unknown'), ('desconocido'), ('N/A'), ('Hondur'), ('Yugoslavia'),
             ('Congo'), ('Congo, The Democratic Republic of the')) AS t(v);
SELECT parse_nationality(NULL) IS NULL AS strict;
-- every English name of a current code parses back to it
SELECT count(*) AS names, count(*) FILTER (WHERE parse_nationality(name) = nationality) AS parsed,
       count(*) FILTER (WHERE parse_nationality(name_es) = nationality) AS parsed_es
FROM nationalities() WHERE kind <> 'withdrawn';

-- operators: ordering is alphabetical by alpha-3
SELECT 'ARG'::nationality < 'BRA', 'BRA'::nationality <= 'BRA', 'CUB'::nationality > 'COL',
       'HND'::nationality >= 'HTI', 'HN'::nationality = 'HND', 'HND'::nationality <> 'HTI';
SELECT array_agg(n ORDER BY n) FROM unnest('{USA,HND,ABW,ZWE,XXA,HTI,CUB,AFG,ZZZ}'::text[]) AS t(c)
  CROSS JOIN LATERAL (SELECT parse_nationality(c) AS n) s WHERE n IS NOT NULL;
-- the order agrees with alpha-3 text order on the whole table
SELECT bool_and(ok) FROM (
  SELECT (lag(nationality) OVER (ORDER BY nationality))::text < nationality::text AS ok
  FROM nationalities() OFFSET 1) s;

-- casts
SELECT 'SLV'::text::nationality, 'SLV'::nationality::text;
CREATE TEMP TABLE staging (code text);
INSERT INTO staging VALUES ('hn'), ('GT'), ('222');
CREATE TEMP TABLE cases (n nationality);
INSERT INTO cases SELECT code FROM staging;   -- assignment cast from text
SELECT * FROM cases ORDER BY n;

-- btree, hash, sorting, grouping, joins
CREATE TEMP TABLE arrivals AS
  SELECT (ARRAY['HND','HTI','CUB','GTM','SLV','VEN','NIC'])[1 + i % 7]::nationality AS n, i
  FROM generate_series(1, 7000) i;
ANALYZE arrivals;
SET enable_hashagg = on;
EXPLAIN (COSTS OFF) SELECT n, count(*) FROM arrivals GROUP BY n;
SELECT n, count(*) FROM arrivals GROUP BY n ORDER BY n;
SET enable_hashagg = off;
SELECT n, count(*) FROM arrivals GROUP BY n ORDER BY n DESC;
RESET enable_hashagg;
SET enable_mergejoin = off; SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM arrivals a JOIN nationalities() c ON c.nationality = a.n;
SELECT c.name, count(*) FROM arrivals a JOIN nationalities() c ON c.nationality = a.n GROUP BY 1 ORDER BY 1;
RESET enable_mergejoin; RESET enable_nestloop;
CREATE INDEX arrivals_n ON arrivals (n);
CREATE INDEX arrivals_n_hash ON arrivals USING hash (n);
SET enable_seqscan = off; SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM arrivals WHERE n = 'HTI';
SELECT count(*) FROM arrivals WHERE n = 'HTI';
SELECT count(*) FROM arrivals WHERE n >= 'GTM' AND n < 'HTI';
DROP INDEX arrivals_n;
EXPLAIN (COSTS OFF) SELECT count(*) FROM arrivals WHERE n = 'HTI';
SELECT count(*) FROM arrivals WHERE n = 'HTI';
RESET enable_seqscan; RESET enable_bitmapscan;
-- hash partitioning by nationality (hash_extended)
CREATE TEMP TABLE parts (n nationality) PARTITION BY HASH (n);
CREATE TEMP TABLE parts0 PARTITION OF parts FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TEMP TABLE parts1 PARTITION OF parts FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO parts SELECT n FROM arrivals;
SELECT tableoid::regclass, n, count(*) FROM parts GROUP BY 1, 2 ORDER BY 2;
-- the hash is frozen: these values must never change between releases
SELECT n, nationality_hash(n), nationality_hash_extended(n, 0), nationality_hash_extended(n, 42)
FROM unnest('{HND,USA,XXA}'::nationality[]) n;
-- binary send/recv: the packed code, big-endian; recv rejects what is not a code
SELECT nationality_send('HND'), nationality_send('ABW'), nationality_send('ZWE');
CREATE TEMP TABLE nat_bin (n nationality);
SELECT v, test.copy_binary('nat_bin', v)
FROM (VALUES ('\x21c4'::bytea), ('\x0842'), ('\x0000'), ('\x0421'), ('\x7fff'), ('\xffff'),
             ('\x21'), ('\x21c400')) AS t(v);
SELECT * FROM nat_bin;
-- binary COPY round trip of every code
CREATE TEMP TABLE nat_all AS SELECT nationality AS n FROM nationalities();
CREATE TEMP TABLE nat_all2 (LIKE nat_all);
DO $$
DECLARE f text := current_setting('data_directory') || '/migrec_nat_all.bin';
BEGIN
	EXECUTE format('COPY nat_all TO %L WITH (FORMAT binary)', f);
	EXECUTE format('COPY nat_all2 FROM %L WITH (FORMAT binary)', f);
END $$;
SELECT count(*) AS rows, (SELECT count(*) FROM (SELECT * FROM nat_all EXCEPT SELECT * FROM nat_all2) d) AS differ FROM nat_all2;
-- min and max follow the btree order, and use a btree index
SELECT min(n), max(n) FROM unnest('{HND,ABW,ZWE,XXA}'::nationality[]) n;
CREATE INDEX arrivals_n2 ON arrivals (n);
-- the plan without its "InitPlan 1 (returns $0)" line, which reads
-- "InitPlan 1" from PostgreSQL 17 on
CREATE FUNCTION pg_temp.plan(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		CONTINUE WHEN line ~ '^ *InitPlan';
		RETURN NEXT line;
	END LOOP;
END $$;
SELECT pg_temp.plan('SELECT max(n) FROM arrivals') AS "QUERY PLAN";
SELECT min(n), max(n) FROM arrivals;
-- decomposed accents (e + U+0301), withdrawn names, more spellings
SELECT parse_nationality('Me' || chr(769) || 'xico') AS decomposed, parse_nationality('HAI' || chr(769) || 'TI') AS upper,
       parse_nationality('Yugoslavia') AS yugoslavia, parse_nationality('Czechoslovakia') AS czechoslovakia,
       parse_nationality('Palestine') AS palestine, parse_nationality('UK') AS uk, parse_nationality('Korea') AS korea_ambiguous,
       parse_nationality('Congo') AS congo;
-- withdrawn codes have no alpha-2 or numeric code: theirs now name other countries
SELECT n, alpha2(n), iso_numeric(n) FROM unnest('{BYS,DHY,YUG,SCG,CSK}'::nationality[]) n;
-- btree indexes on nationality deduplicate: smaller than without
CREATE TEMP TABLE dups AS SELECT (ARRAY['HND','HTI','CUB'])[1 + i % 3]::nationality AS n FROM generate_series(1, 30000) i;
CREATE INDEX dups_dedup ON dups (n);
CREATE INDEX dups_nodedup ON dups (n) WITH (deduplicate_items = off);
SELECT pg_relation_size('dups_dedup') * 2 < pg_relation_size('dups_nodedup') AS deduplicated;
