-- test/bench/bench_routes_setup.sql: data for bench_routes.sh.
-- Run by bench_routes.sh with psql -v journeys=N -v legs=M, after
-- bench_lib.sql; not a regression test.
--
-- Builds, deterministically (setseed, one backend), :journeys journeys of 4
-- to 9 legs along 10 migration corridors of the Americas, 1% of them
-- through the Darién gap (PA-5), and from them:
--   bench_journeys(person int4, r route)       one journey a row
--   bench_jtext(person int4, codes text[])     the same journeys as the text
--                                              codes of places(r), own table
--   bench_jkeys(person int4, keys text[])      the same journeys as the text
--                                              codes of every key route_ops
--                                              indexes (each stop and its
--                                              country), own table
--   bench_legs(person int4, leg route_segment) the legs of the first journeys,
--                                              at most :legs legs, as a log
--                                              in departure order (travellers
--                                              interleaved)

\set ON_ERROR_STOP on
SET max_parallel_workers_per_gather = 0;	-- one backend: setseed is then deterministic
SET jit = off;
SET client_min_messages = warning;

DROP TABLE IF EXISTS bench_corridor, bench_corridor_pool, bench_trip, bench_legs_all, bench_journeys,
	bench_jtext, bench_jkeys, bench_legs, bench_place_key;

-- 1. Corridors: the stops, in order, of the main northbound routes (and a
-- southbound one) as a migration agency would record them: countries,
-- ISO 3166-2 subdivisions, UN/LOCODE-style localities.  Weights in percent.
-- Only the three Darién corridors (1% in all) go through PA-5.
CREATE TABLE bench_corridor (id int PRIMARY KEY, name text NOT NULL, w float8 NOT NULL, stops place[] NOT NULL);
INSERT INTO bench_corridor VALUES
	(1, 'darien from Venezuela', 0.4,
	 '{VE,CO-NSA,CO BOG,CO NCI,PA-5,PA-4,CR PBS,NI,HN-EP,GT,GT CTU,MX-CHP,MX TAP,MX-OAX,MX-VER,MX-CMX,MX-CHH,MX CJS,US}'),
	(2, 'darien from Chile', 0.3,
	 '{CL SCL,PE,EC UIO,CO TRB,PA-5,PA PCN,CR PBS,NI,HN,GT CTU,MX-CHP,MX TAP,MX-VER,MX-TAM,MX REX,US-TX}'),
	(3, 'darien from Ecuador', 0.3,
	 '{EC UIO,CO-NAR,CO NCI,PA-5,PA-8,PA PTY,CR PBS,NI MGA,HN,GT,MX-CHP,MX TAP,MX-OAX,MX-PUE,MX-CMX,MX-SON,MX-BCN,MX TIJ,US}'),
	(4, 'north of Central America, from Honduras', 30,
	 '{HN SAP,HN-CP,GT,GT GUA,GT-QZ,GT TCU,MX-CHP,MX TAP,MX TGZ,MX-OAX,MX-VER,MX-TAM,MX REX,US-TX,US HOU}'),
	(5, 'north of Central America, from El Salvador', 12,
	 '{SV SAL,SV-AH,GT,GT GUA,GT-PE,GT FRS,MX-TAB,MX-VER,MX-SLP,MX-NLE,MX MTY,MX NLD,US-TX,US SAT}'),
	(6, 'by air to Managua, from Cuba', 20,
	 '{CU,NI MGA,NI,HN-EP,HN,GT,GT CTU,MX-CHP,MX TAP,MX-OAX,MX-CMX,MX-SON,MX-BCN,MX TIJ,US SAN}'),
	(7, 'by air to Managua, from Haiti', 10,
	 '{HT,NI MGA,HN,GT,MX-CHP,MX TAP,MX-OAX,MX-VER,MX-CMX,MX-CHH,MX CJS,US ELP}'),
	(8, 'across Mexico, from Tecún Umán', 15,
	 '{GT TCU,MX-CHP,MX TAP,MX HUI,MX-OAX,MX-VER,MX MEX,MX-QUE,MX-SLP,MX-COA,MX PGN,US-TX,US}'),
	(9, 'south, from Venezuela', 8,
	 '{VE,CO-NSA,CO BOG,CO-NAR,EC,EC UIO,PE,PE LIM,CL,CL SCL,CL-AN}'),
	(10, 'north of Guatemala', 4,
	 '{GT GUA,GT-HU,MX-CHP,MX-TAB,MX-VER,MX-TAM,MX REX,US-TX,US HOU,US NYC,US-NY}');
DO $$
BEGIN
	IF (SELECT sum(w) FROM bench_corridor) <> 100 OR (SELECT min(cardinality(stops)) FROM bench_corridor) < 11
	   OR EXISTS (SELECT FROM bench_corridor WHERE ('PA-5' = ANY (stops)) <> (id <= 3)) THEN
		RAISE EXCEPTION 'bench_corridor: weights, lengths or PA-5 placement wrong';
	END IF;
END $$;
-- 100 slots per percent point
CREATE TABLE bench_corridor_pool (i int PRIMARY KEY, corridor int NOT NULL);
INSERT INTO bench_corridor_pool
SELECT i, x.id
FROM (SELECT id, sum(c) OVER (ORDER BY id) - c AS lo, sum(c) OVER (ORDER BY id) AS hi
      FROM (SELECT id, round(w * 100)::int AS c FROM bench_corridor) c) x
JOIN generate_series(0, 9999) i ON i >= x.lo AND i < x.hi;

-- 2. Journeys: a corridor, 4 to 9 legs (uniform), a first stop along the
-- corridor (on a Darién corridor, one from which the journey reaches PA-5),
-- a start date in 2021-2023.  Leg k (from 0) departs 5k or 5k + 1 days after
-- the start and arrives 1 to 3 days later; 5% of arrivals unknown.
SELECT setseed(0.1848);
CREATE TABLE bench_trip AS
	SELECT person, corridor, n, off, t0
	FROM (
		SELECT person, cp.corridor, n, t0,
			-- first stop index (1-based): uniform over the allowed range
			lo + floor(u * (hi - lo + 1))::int AS off
		FROM (
			SELECT g AS person, floor(random() * 10000)::int AS slot, 4 + floor(random() * 6)::int AS n,
				random() AS u, date '2021-01-01' + floor(random() * 1095)::int AS t0
			FROM generate_series(1, :journeys) g) t
		JOIN bench_corridor_pool cp ON cp.i = t.slot
		JOIN bench_corridor c ON c.id = cp.corridor
		CROSS JOIN LATERAL (
			SELECT CASE WHEN c.id <= 3 THEN greatest(1, array_position(c.stops, 'PA-5') - t.n) ELSE 1 END AS lo,
				CASE WHEN c.id <= 3 THEN least(array_position(c.stops, 'PA-5'), cardinality(c.stops) - t.n)
					ELSE cardinality(c.stops) - t.n END AS hi) b) x
	ORDER BY person;

CREATE TABLE bench_legs_all AS
	SELECT t.person, k, route_segment(c.stops[t.off + k], c.stops[t.off + k + 1], d, a) AS leg
	FROM bench_trip t
	JOIN bench_corridor c ON c.id = t.corridor
	CROSS JOIN LATERAL generate_series(0, t.n - 1) k
	CROSS JOIN LATERAL (SELECT t.t0 + 5 * k + floor(random() * 2)::int AS d, random() AS ua, random() AS ub) r1
	CROSS JOIN LATERAL (SELECT CASE WHEN ua < 0.05 THEN NULL ELSE d + 1 + floor(ub * 3)::int END AS a) r2
	ORDER BY t.person, k;

-- 3. The journeys, one a row, in person order (as built).  Routes of up to
-- 7 legs (8 + 16 × 7 = 120 bytes) are stored with a 1-byte header.
CREATE TABLE bench_journeys (person int4 NOT NULL, r route NOT NULL);
INSERT INTO bench_journeys
SELECT person, route(array_agg(leg ORDER BY k)) FROM bench_legs_all GROUP BY person ORDER BY person;

-- The same journeys as text[]: the place codes of places(r) in order.
CREATE TABLE bench_jtext (person int4 NOT NULL, codes text[] NOT NULL);
INSERT INTO bench_jtext
SELECT person, ARRAY(SELECT p::text FROM unnest(places(r)) WITH ORDINALITY u(p, o) ORDER BY o)
FROM bench_journeys ORDER BY person;

-- And as text[] of the keys that route_ops puts in the index for each
-- stop: the place itself and, for a subdivision or a locality, its country
-- (these countries have no nested ISO 3166-2 subdivisions), deduplicated.
CREATE TABLE bench_place_key (p place PRIMARY KEY, keys text[] NOT NULL);
INSERT INTO bench_place_key
SELECT p, CASE WHEN place_kind(p) = 'country' THEN ARRAY[p::text] ELSE ARRAY[p::text, country_of(p)::place::text] END
FROM (SELECT DISTINCT unnest(stops) AS p FROM bench_corridor) s;
DO $$
BEGIN
	IF EXISTS (SELECT FROM bench_place_key k, subdivisions() s WHERE s.place = k.p AND s.parent IS NOT NULL) THEN
		RAISE EXCEPTION 'bench_place_key: a subdivision with an ISO 3166-2 parent; add the parents to its keys';
	END IF;
END $$;
CREATE TABLE bench_jkeys (person int4 NOT NULL, keys text[] NOT NULL);
INSERT INTO bench_jkeys
SELECT person, ARRAY(SELECT DISTINCT k FROM unnest(places(r)) p JOIN bench_place_key pk ON pk.p = p.p, unnest(pk.keys) k ORDER BY k)
FROM bench_journeys ORDER BY person;

-- 4. The legs of the first journeys, at most :legs of them, as a log: in
-- departure order, travellers interleaved.
CREATE TABLE bench_legs (person int4 NOT NULL, leg route_segment NOT NULL);
INSERT INTO bench_legs
SELECT l.person, l.leg
FROM bench_legs_all l
JOIN (SELECT person FROM (SELECT person, sum(n) OVER (ORDER BY person) AS upto FROM bench_trip) c WHERE upto <= :legs) p USING (person)
ORDER BY departed(l.leg), l.person, l.k;

DROP TABLE bench_legs_all, bench_corridor_pool;
VACUUM (FREEZE, ANALYZE) bench_trip;
VACUUM (FREEZE, ANALYZE) bench_journeys;
VACUUM (FREEZE, ANALYZE) bench_jtext;
VACUUM (FREEZE, ANALYZE) bench_jkeys;
VACUUM (FREEZE, ANALYZE) bench_legs;
