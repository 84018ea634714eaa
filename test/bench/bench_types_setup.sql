-- test/bench/bench_types_setup.sql: data and helpers for bench_types.sh.
-- Run by bench_types.sh with psql -v rows=N; not a regression test.
--
-- Builds, deterministically (setseed), a table of :rows records
--   bench_rows(n nationality, p place, nt text, pt text, k int2, pk int4)
-- where nt/pt are the same codes as text under the ICU collation
-- "es-MX-x-icu", and k (pk) is the nationality's (place's) packed value,
-- read from its binary form, so that the int2 (int4) baseline has exactly the
-- same values, number of distinct values, distribution and order as the
-- nationality (place) column.  From it, one single-column table per timed
-- variant (bench_t_*, section 5).
-- Then the two tables whose sizes are compared:
--   bench_types(n nationality, p place)  and  bench_text(n text, p text).
-- The timing helpers are bench_lib.sql's, loaded before this by bench_init.

\set ON_ERROR_STOP on
SET max_parallel_workers_per_gather = 0;	-- one backend: setseed is then deterministic
SET jit = off;
SET client_min_messages = warning;

DROP TABLE IF EXISTS bench_rows, bench_types, bench_text,
	bench_t_nationality, bench_t_int2, bench_t_text, bench_t_place, bench_t_int4, bench_t_ptext,
	bench_nat_weight, bench_nat_pool, bench_place_weight, bench_place_pool;

-- 1. Nationalities: the head of a migration-like distribution (e.g. the
-- irregular transits through Darién and Mexico's southern border), in percent,
-- then a Zipf-like long tail over every other code of kind 'country', in an
-- arbitrary but fixed order (md5 of the code), sharing what is left.
CREATE TABLE bench_nat_weight (n nationality PRIMARY KEY, w float8 NOT NULL);
INSERT INTO bench_nat_weight VALUES
	('HND', 26), ('HTI', 13), ('CUB', 10), ('GTM', 8), ('SLV', 6), ('VEN', 6),
	('NIC', 4), ('ECU', 3), ('COL', 2.5), ('CHN', 1.5), ('IND', 1), ('MEX', 1),
	('PER', 0.8), ('BRA', 0.6), ('CHL', 0.5), ('DOM', 0.5), ('AFG', 0.4),
	('BGD', 0.4), ('CMR', 0.3), ('AGO', 0.3), ('SEN', 0.3), ('NPL', 0.3),
	('GHA', 0.2), ('UZB', 0.2), ('RUS', 0.2), ('TUR', 0.2), ('PAK', 0.2);
INSERT INTO bench_nat_weight
SELECT n, (100 - (SELECT sum(w) FROM bench_nat_weight)) * (1.0 / (r + 4)) / sum(1.0 / (r + 4)) OVER ()
FROM (SELECT nationality AS n, row_number() OVER (ORDER BY md5(nationality::text)) AS r
      FROM nationalities()
      WHERE kind = 'country' AND nationality NOT IN (SELECT n FROM bench_nat_weight)) tail;

-- Expand the weights into a pool of slots (every code gets at least one)
-- that a uniform random index picks from.
CREATE TABLE bench_nat_pool (i int PRIMARY KEY, n nationality NOT NULL, nt text NOT NULL, k int2 NOT NULL);
INSERT INTO bench_nat_pool
SELECT i, s.n, s.n::text,
	-- the packed code: the binary form is the packed value as a big-endian int2
	(get_byte(nationality_send(s.n), 0) * 256 + get_byte(nationality_send(s.n), 1))::int2
FROM (SELECT n, sum(c) OVER (ORDER BY n) - c AS lo, sum(c) OVER (ORDER BY n) AS hi
      FROM (SELECT n, greatest(1, round(w * 1000))::int AS c FROM bench_nat_weight) x) s
JOIN generate_series(0, 200000) i ON i >= s.lo AND i < s.hi;

-- 2. Places: 15% countries, 40% subdivisions, 45% localities.  Hot spots
-- by hand (Tapachula, Necoclí, Darién, Chiapas ...) and, for subdivisions,
-- every subdivision of the countries of the route with a small weight.
CREATE TABLE bench_place_weight (p place PRIMARY KEY, w float8 NOT NULL);
INSERT INTO bench_place_weight	-- countries: 15 in all
VALUES ('MX', 6), ('PA', 3), ('GT', 1.5), ('CO', 1.5), ('US', 1.5), ('CR', 0.5),
	('HN', 0.5), ('NI', 0.2), ('SV', 0.1), ('EC', 0.1), ('CL', 0.1);
INSERT INTO bench_place_weight	-- subdivisions, hand-weighted: 28 in all
VALUES ('MX-CHP', 8), ('MX-TAB', 1.5), ('MX-VER', 1.5), ('MX-OAX', 1.5), ('MX-TAM', 1.5),
	('MX-CHH', 1.2), ('MX-BCN', 1.2), ('MX-CMX', 1.2), ('MX-NLE', 0.8), ('MX-COA', 0.6),
	('MX-SON', 0.5), ('PA-5', 3), ('PA-EM', 1), ('PA-4', 0.5), ('PA-8', 0.5),
	('GT-QZ', 0.6), ('GT-PE', 0.4), ('GT-GU', 0.3), ('CO-ANT', 0.6), ('CO-CHO', 0.4),
	('HN-EP', 0.3), ('HN-CH', 0.2), ('CR-P', 0.2), ('US-TX', 0.4), ('US-AZ', 0.2),
	('US-CA', 0.2);
INSERT INTO bench_place_weight	-- subdivisions, the rest of the route: 12 in all
SELECT s.place, 12.0 / count(*) OVER ()
FROM unnest('{MX,GT,HN,SV,NI,CR,PA,CO,EC,US}'::place[]) c, subdivisions(c) s
WHERE s.place NOT IN (SELECT p FROM bench_place_weight);
INSERT INTO bench_place_weight	-- localities (UN/LOCODE style): 45 in all
VALUES ('MX TAP', 9), ('MX CJS', 3), ('MX TIJ', 3), ('MX REX', 2.5), ('MX NLD', 2),
	('MX MAM', 2), ('MX MEX', 2), ('MX PGN', 1.5), ('MX VSA', 1), ('MX TGZ', 1),
	('MX MTY', 1), ('MX HMO', 0.5), ('MX ACA', 0.3), ('MX VER', 0.5), ('MX CZM', 0.2),
	('CO NCI', 4), ('CO TRB', 1.5), ('CO CTG', 0.3), ('CO BOG', 0.5), ('CO MDE', 0.3),
	('PA MTT', 2), ('PA PTY', 1), ('PA DAV', 0.5), ('PA PCN', 0.5),
	('GT TCU', 1), ('GT GUA', 0.5), ('GT FRS', 0.2),
	('HN SAP', 0.4), ('HN TGU', 0.4), ('HN TRJ', 0.3),
	('CR SJO', 0.3), ('CR PCN', 0.3), ('NI MGA', 0.2), ('SV SAL', 0.2),
	('US ELP', 0.4), ('US SAN', 0.3), ('US HOU', 0.2), ('US MIA', 0.2), ('US NYC', 0.2),
	('EC GYE', 0.1), ('EC UIO', 0.1), ('VE CCS', 0.1), ('HT PAP', 0.1), ('CU HAV', 0.1),
	('BR SAO', 0.1);

CREATE TABLE bench_place_pool (i int PRIMARY KEY, p place NOT NULL, pt text NOT NULL, pk int4 NOT NULL);
INSERT INTO bench_place_pool
SELECT i, s.p, s.p::text,
	-- the packed code: the binary form is the packed value as a big-endian int4
	('x' || encode(place_send(s.p), 'hex'))::bit(32)::int4
FROM (SELECT p, sum(c) OVER (ORDER BY p) - c AS lo, sum(c) OVER (ORDER BY p) AS hi
      FROM (SELECT p, greatest(1, round(w * 1000))::int AS c FROM bench_place_weight) x) s
JOIN generate_series(0, 200000) i ON i >= s.lo AND i < s.hi;

ANALYZE bench_nat_pool;
ANALYZE bench_place_pool;

-- 3. The rows, in random order (as a load of records would be).
SELECT setseed(0.2024);
CREATE TABLE bench_rows (
	n nationality NOT NULL,
	p place NOT NULL,
	nt text COLLATE "es-MX-x-icu" NOT NULL,
	pt text COLLATE "es-MX-x-icu" NOT NULL,
	k int2 NOT NULL,
	pk int4 NOT NULL
);
WITH r AS MATERIALIZED (
	SELECT g,
		floor(random() * (SELECT count(*) FROM bench_nat_pool))::int AS ni,
		floor(random() * (SELECT count(*) FROM bench_place_pool))::int AS pi
	FROM generate_series(1, :rows) g
)
INSERT INTO bench_rows
SELECT np.n, pp.p, np.nt, pp.pt, np.k, pp.pk
FROM r JOIN bench_nat_pool np ON np.i = r.ni JOIN bench_place_pool pp ON pp.i = r.pi
ORDER BY r.g;

-- 4. The two tables whose sizes are compared: the same rows, in the same order.
CREATE TABLE bench_types (n nationality NOT NULL, p place NOT NULL);
INSERT INTO bench_types SELECT n, p FROM bench_rows;
CREATE TABLE bench_text (n text COLLATE "es-MX-x-icu" NOT NULL, p text COLLATE "es-MX-x-icu" NOT NULL);
INSERT INTO bench_text SELECT nt, pt FROM bench_rows;

-- 5. The tables the queries are timed on: one column each, the same rows in
-- the same order.  Each value is the first (only) attribute, so every variant
-- pays the same tuple deforming, and every table has the same number of
-- pages (24-byte tuple header + 2, 4, or a short varlena of at most 1 + 6
-- bytes: all MAXALIGN to 32), so every variant pays the same scan.
CREATE TABLE bench_t_nationality (v nationality NOT NULL);
CREATE TABLE bench_t_int2 (v int2 NOT NULL);
CREATE TABLE bench_t_text (v text COLLATE "es-MX-x-icu" NOT NULL);
CREATE TABLE bench_t_place (v place NOT NULL);
CREATE TABLE bench_t_int4 (v int4 NOT NULL);
CREATE TABLE bench_t_ptext (v text COLLATE "es-MX-x-icu" NOT NULL);
INSERT INTO bench_t_nationality SELECT n FROM bench_rows;
INSERT INTO bench_t_int2 SELECT k FROM bench_rows;
INSERT INTO bench_t_text SELECT nt FROM bench_rows;
INSERT INTO bench_t_place SELECT p FROM bench_rows;
INSERT INTO bench_t_int4 SELECT pk FROM bench_rows;
INSERT INTO bench_t_ptext SELECT pt FROM bench_rows;

VACUUM (FREEZE, ANALYZE) bench_rows;
VACUUM (FREEZE, ANALYZE) bench_types;
VACUUM (FREEZE, ANALYZE) bench_text;
VACUUM (FREEZE, ANALYZE) bench_t_nationality;
VACUUM (FREEZE, ANALYZE) bench_t_int2;
VACUUM (FREEZE, ANALYZE) bench_t_text;
VACUUM (FREEZE, ANALYZE) bench_t_place;
VACUUM (FREEZE, ANALYZE) bench_t_int4;
VACUUM (FREEZE, ANALYZE) bench_t_ptext;
