-- properties: for every type, whatever text input, an aggregate's
-- transition, its combine (partial aggregation in parallel workers) or a
-- merge aggregate produces is printable, reads back the same from its text
-- and from its binary form, and is accepted by every function of the
-- extension that takes its type.  The values are drawn at random (fixed
-- seed) and at the edges: the first and last dates and timestamps, the
-- longest series, counts that add up to 9223372036854775807.
-- (The fuzzers check the same of the plain-C parsers and formatters:
-- test/fuzz.)
SET client_min_messages = warning;
CREATE TABLE test.produced (ord serial, t regtype, how text, v text);
CREATE FUNCTION test.produce(how text, q text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format('INSERT INTO test.produced (t, how, v) SELECT pg_typeof(v)::regtype, %L, v::text FROM (%s) q',
				   how, q);
END $$;
-- past a limit, nothing may be made: what was refused, and why
CREATE TABLE test.not_produced (how text, q text, sqlstate text);
CREATE FUNCTION test.try_produce(how text, q text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	PERFORM test.produce(how, q);
EXCEPTION WHEN others THEN
	INSERT INTO test.not_produced VALUES (how, q, SQLSTATE);
END $$;
SELECT setseed(0.1234);

-- the code types: every nationality by each of its forms, every country,
-- a sample of the subdivisions and of localities
SELECT test.produce('input', $$SELECT n.nationality AS v FROM nationalities() n$$);
SELECT test.produce('input', $$SELECT alpha2::nationality AS v FROM nationalities() WHERE alpha2 IS NOT NULL$$);
SELECT test.produce('input', $$SELECT place AS v FROM (SELECT place, row_number() OVER (ORDER BY place) AS k
                                                        FROM subdivisions()) s WHERE k % 25 = 1$$);
SELECT test.produce('input', $$SELECT place AS v FROM nationalities() WHERE place IS NOT NULL$$);
SELECT test.produce('input', $$SELECT (alpha2 || ' ' || l)::place AS v
                              FROM (SELECT alpha2, row_number() OVER (ORDER BY alpha2) AS k
                                    FROM nationalities() WHERE place IS NOT NULL) c,
                                   unnest('{TAP,ZZZ,A29,999}'::text[]) l WHERE k % 5 = 1$$);
SELECT test.produce('input', $$SELECT status AS v FROM protection_statuses()$$);
SELECT test.produce('aggregate', $$SELECT min(status) AS v FROM protection_statuses() UNION ALL
                                  SELECT max(status) FROM protection_statuses()$$);
-- the people types: every age band and scheme, sex, accompaniment and encounter
SELECT test.produce('input', $$SELECT band AS v FROM age_bands()$$);
SELECT test.produce('input', $$SELECT DISTINCT scheme_name AS v FROM age_bands()$$);
SELECT test.produce('input', $$SELECT w::sex AS v FROM unnest('{F,M,X,UNK}'::text[]) w$$);
SELECT test.produce('input', $$SELECT w::accompaniment AS v
                              FROM unnest('{alone,with_parent,with_relative,with_caregiver,with_child,unknown}'::text[]) w$$);
SELECT test.produce('input', $$SELECT kind AS v FROM encounter_kinds()$$);

-- events, legs and transit times to aggregate: random, and at the edges
CREATE TABLE test.events AS
  SELECT (i % 40) AS case_id, (ARRAY(SELECT status FROM protection_statuses() ORDER BY position))[(i * 7) % 19 + 1] AS s,
         CASE WHEN i % 97 = 0 THEN '-infinity'::timestamptz WHEN i % 89 = 0 THEN 'infinity'
              WHEN i % 83 = 0 THEN '4714-11-24 00:00:00+00 BC' WHEN i % 79 = 0 THEN '294276-12-31 23:59:59.999999+00'
              ELSE '2021-01-01'::timestamptz + (random() * 1000) * interval '1 day' END AS at
  FROM generate_series(1, 4000) i;
CREATE TABLE test.legs AS
  SELECT (i % 30) AS traveller,
         route_segment(o.place, d.place,
                       CASE WHEN i % 5 = 0 THEN NULL WHEN i % 71 = 0 THEN '4714-11-24 BC'::date
                            ELSE '2021-01-01'::date + (random() * 400)::int END,
                       CASE WHEN i % 7 = 0 OR i % 71 = 0 THEN NULL WHEN i % 73 = 0 THEN '5874897-12-31'::date
                            ELSE '2022-03-01'::date + (random() * 400)::int END) AS leg
  FROM generate_series(1, 3000) i,
       LATERAL (SELECT (ARRAY(SELECT place FROM subdivisions() ORDER BY place LIMIT 400))[1 + (i * 13) % 400] AS place) o,
       LATERAL (SELECT (ARRAY(SELECT place FROM subdivisions() ORDER BY place LIMIT 400))[1 + (i * 29) % 400] AS place) d;
CREATE TABLE test.flows AS
  SELECT (i % 20) AS g, '2021-01-01'::date + (random() * 5000)::int AS day, (random() * 1000)::bigint AS n,
         (random() * random() * 900)::int AS days
  FROM generate_series(1, 20000) i;
-- the edges: a series of exactly 100000 days ending on the last date, counts adding up to the limit
INSERT INTO test.flows VALUES (100, '5874897-12-31', 9223372036854775000, 731),
                              (100, '5874897-12-31'::date - 99999, 807, 0),
                              (101, '4714-11-24 BC', 1, 2147483647), (101, '4714-11-24 BC'::date + 99999, 0, 730);
-- people to count: one age scheme per group, some of unknown age; encounters per person
CREATE TABLE test.people AS
  SELECT i % 24 AS g, (ARRAY['F', 'M', 'X', 'UNK']::sex[])[1 + (i * 7) % 4] AS sx,
         CASE WHEN i % 53 = 0 THEN (sc::text || ':unknown')::age_band ELSE age_band((random() * 100)::int, sc) END AS b,
         (ARRAY['alone', 'with_parent', 'with_relative', 'with_caregiver', 'with_child', 'unknown']::accompaniment[])[1 + (i * 11) % 6] AS a,
         1 + (i % 3)::bigint AS w, (random() * random() * 40)::bigint AS n
  FROM generate_series(1, 6000) i,
       LATERAL (SELECT (ARRAY['unhcr', 'eurostat', 'upm', 'child']::age_scheme[])[1 + (i % 24) % 4] AS sc) x;
ANALYZE test.events, test.legs, test.flows, test.people;

-- decision_tally, protection_history, route, transit_profile, flow_series:
-- transition (serial), then combine (partial aggregates in parallel workers)
CREATE FUNCTION test.produce_aggregates(how text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	PERFORM test.produce(how, $q$SELECT decision_tally(s) AS v FROM test.events GROUP BY case_id$q$);
	PERFORM test.produce(how, $q$SELECT protection_history(s, at) AS v FROM test.events GROUP BY case_id$q$);
	PERFORM test.produce(how, $q$SELECT level_tally(h, l) AS v FROM (SELECT case_id, protection_history(s, at) AS h FROM test.events GROUP BY case_id) c,
	                              unnest(enum_range(NULL::procedure_level)) l GROUP BY l, case_id % 4$q$);
	PERFORM test.produce(how, $q$SELECT level_tally(h, 'appeal', 1 + case_id % 7) AS v FROM (SELECT case_id, protection_history(s, at) AS h FROM test.events GROUP BY case_id) c GROUP BY case_id % 3$q$);
	PERFORM test.produce(how, $q$SELECT route_agg(leg) AS v FROM test.legs GROUP BY traveller$q$);
	PERFORM test.produce(how, $q$SELECT transit_profile(days) AS v FROM test.flows GROUP BY g$q$);
	PERFORM test.produce(how, $q$SELECT flow_series(day, n) AS v FROM test.flows GROUP BY g$q$);
	PERFORM test.produce(how, $q$SELECT demography(sx, b, a, w) AS v FROM test.people GROUP BY g$q$);
	PERFORM test.produce(how, $q$SELECT demography(sx, b) AS v FROM test.people GROUP BY g$q$);
	PERFORM test.produce(how, $q$SELECT repeat_tally(n) AS v FROM test.people GROUP BY g$q$);
END $$;
SELECT test.produce_aggregates('transition');
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2; SET enable_hashagg = off;
CREATE FUNCTION test.plan_shows(q text, node text) RETURNS bool LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		IF line ~ node THEN
			RETURN true;
		END IF;
	END LOOP;
	RETURN false;
END $$;
SELECT test.plan_shows('SELECT flow_series(day, n) FROM test.flows GROUP BY g', 'Partial GroupAggregate') AS partial;
SELECT test.produce_aggregates('combine');
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather; RESET enable_hashagg;

-- the merge aggregates, over what the aggregates made
SELECT test.produce('merge', $$SELECT decision_tally(v::decision_tally) AS v FROM test.produced
                               WHERE t = 'decision_tally'::regtype GROUP BY ord % 3$$);
SELECT test.produce('merge', $$SELECT level_tally(v::level_tally) AS v FROM test.produced
                               WHERE t = 'level_tally'::regtype GROUP BY v::level_tally::text ~ 'appeal', v::level_tally::text ~ 'persons', ord % 2$$);
SELECT test.produce('merge', $$SELECT protection_history(v::protection_history) AS v FROM test.produced
                               WHERE t = 'protection_history'::regtype GROUP BY ord % 3$$);
SELECT test.produce('merge', $$SELECT route_agg(v::route) AS v FROM test.produced
                               WHERE t = 'route'::regtype GROUP BY ord % 3$$);
SELECT test.produce('merge', $$SELECT transit_profile(v::transit_profile) AS v FROM test.produced
                               WHERE t = 'transit_profile'::regtype AND v NOT LIKE '%:9223372%' GROUP BY ord % 3$$);
SELECT test.produce('merge', $$SELECT demography(v::demography) AS v FROM test.produced
                               WHERE t = 'demography'::regtype AND v NOT LIKE '%922337%'
                               GROUP BY demography_scheme(v::demography), ord % 3$$);
SELECT test.produce('merge', $$SELECT repeat_tally(v::repeat_tally) AS v FROM test.produced
                               WHERE t = 'repeat_tally'::regtype GROUP BY ord % 3$$);
SELECT test.produce('constructor', $$SELECT route(array_agg(leg)) AS v FROM test.legs GROUP BY traveller % 4$$);
SELECT test.produce('constructor', $$SELECT leg AS v FROM test.legs WHERE traveller < 3$$);
SELECT test.produce('aggregate', $$SELECT min(leg) AS v FROM test.legs UNION ALL SELECT max(leg) FROM test.legs$$);

-- the linkage types: keys and encodings of names from every row of the
-- nationality table, encodings salted and imported, and the edges
SELECT test.produce('constructor', $$SELECT person_key('\x000102030405060708090a0b0c0d0e0f', 'Pérez ' || nationality::text, 'Ana', '1990-02-01', 'F', nationality) AS v
                                    FROM nationalities()$$);
SELECT test.produce('input', $$SELECT v::person_key AS v FROM unnest('{0000000000000000,ffffffffffffffff,7fffffffffffffff,8000000000000000}'::text[]) v$$);
SELECT test.produce('constructor', $$SELECT clk('\x000102030405060708090a0b0c0d0e0f', 'Pérez ' || name, 'Ana', '1990-02-01', 'F', nationality,
                                               CASE WHEN nationality::text < 'M' THEN '1990' END) AS v FROM nationalities()$$);
SELECT test.produce('constructor', $$SELECT clk_import(decode(repeat(b, 128), 'hex')) AS v FROM unnest('{00,ff,a5}'::text[]) b$$);
SELECT test.produce('constructor', $$SELECT clk('\x000102030405060708090a0b0c0d0e0f', repeat('Abcdefghij ', 23), NULL, NULL, NULL, NULL) AS v$$);

-- text input at the edges
SELECT test.produce('input', format('SELECT %L::%s AS v', v, t))
FROM (VALUES ('decision_tally', '(recognized=9223372036854775807,complementary=0,rejected=0,otherwise_closed=9223372036854775807)'),
             ('level_tally', '(level=first_instance,unit=persons,recognized=9223372036854775807,complementary=0,rejected=0,otherwise_closed=9223372036854775807)'),
             ('protection_history', '{}'),
             ('protection_history', '{encountered@-infinity, claim_lodged@-4713-11-24T00:00:00Z, admitted@294276-12-31T23:59:59.999999Z, rejected@infinity}'),
             ('route_segment', 'CO NCI -> PA-5 [-4713-11-24,5874897-12-31]'),
             ('route', '{}'), ('route', '{MX TAP -> MX-CHP [,], GT -> MX}'),
             ('transit_profile', '{}'), ('transit_profile', '{0:9223372036854775806, >730:1}'),
             ('transit_profile', '{>730:9223372036854775807}'),
             ('flow_series', '{}'), ('flow_series', '5874897-12-31 {9223372036854775807}'),
             ('flow_series', '-4713-11-24 {0,9223372036854775807}'),
             ('demography', '{}'), ('demography', 'upm {}'),
             ('demography', 'eurostat {F/Y_LT14/alone: 9223372036854775806, UNK/UNK/unknown: 1}'),
             ('repeat_tally', '(individuals={},encounters=0)'),
             ('repeat_tally', '(individuals={32+:1},encounters=9223372036854775807)')) AS e(t, v);

-- ... and past them: made only if the extension accepts them (0.1 made
-- these, and then could not read them)
SELECT test.try_produce('input', format('SELECT %L::%s AS v', v, t))
FROM (VALUES ('transit_profile', '{1:9223372036854775807, 2:1}'),
             ('flow_series', '2021-01-01 {9223372036854775807,1}'),
             ('demography', 'unhcr {F/0-4/alone: 9223372036854775807, M/0-4/alone: 1}')) AS e(t, v);
SELECT test.try_produce('transition', $$SELECT flow_series(d, 1) AS v FROM unnest(ARRAY[0, 60000, -20031, 80032]) k,
                                       LATERAL (SELECT date '2100-01-01' + k AS d) x$$);
SELECT test.try_produce('transition', $$SELECT flow_series(d, n) AS v FROM (VALUES ('2021-01-01'::date, 9223372036854775807),
                                       ('2021-01-03', 1)) x(d, n)$$);
SELECT test.try_produce('merge', $$SELECT transit_profile(p) AS v FROM (VALUES ('{1:9223372036854775807}'::transit_profile),
                                  ('{2:1}')) x(p)$$);
SELECT how, sqlstate, q FROM test.not_produced ORDER BY q;

SELECT t, string_agg(DISTINCT how, ', ') AS produced_by FROM test.produced GROUP BY 1 ORDER BY t::text;

-- 1. printable (they were printed to be stored above) and read back from text
CREATE FUNCTION test.text_round_trip_failures(typ regtype) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	n bigint;
BEGIN
	EXECUTE format('SELECT count(*) FROM test.produced WHERE t = %L::regtype AND v::%s::text IS DISTINCT FROM v', typ, typ)
		INTO n;
	RETURN n;
END $$;
-- 2. and from the binary form: COPY (FORMAT binary) out, and in again
CREATE FUNCTION test.binary_round_trip_failures(typ regtype) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	n bigint;
BEGIN
	EXECUTE format('CREATE TEMP TABLE back (ord int, x %s)', typ);
	EXECUTE format('COPY (SELECT ord, v::%s FROM test.produced WHERE t = %L::regtype) TO %L (FORMAT binary)',
				   typ, typ, current_setting('data_directory') || '/migrec_properties.bin');
	EXECUTE format('COPY back FROM %L (FORMAT binary)', current_setting('data_directory') || '/migrec_properties.bin');
	SELECT count(*) INTO n FROM test.produced p LEFT JOIN back b USING (ord)
	WHERE p.t = typ AND b.x::text IS DISTINCT FROM p.v;
	DROP TABLE back;
	RETURN n;
END $$;
SELECT t, test.text_round_trip_failures(t) AS text_failures,
       test.binary_round_trip_failures(t) AS binary_failures
FROM test.produced GROUP BY t ORDER BY t::text;

-- 3. every function of the extension taking the type runs on every value;
-- other arguments get a sample.  Refusals are listed with their SQLSTATE.
CREATE TABLE test.sample_arg (t regtype PRIMARY KEY, expr text);
INSERT INTO test.sample_arg VALUES
	('nationality', $$'MEX'::nationality$$), ('place', $$'MX-CHP'::place$$),
	('place[]', $$'{MX,PA-5,CO NCI}'::place[]$$), ('protection_status', $$'admitted'::protection_status$$),
	('decision_tally', $$'(recognized=1,complementary=2,rejected=3,otherwise_closed=4)'::decision_tally$$),
	('level_tally', $$'(level=first_instance,unit=cases,recognized=1,complementary=2,rejected=3,otherwise_closed=4)'::level_tally$$),
	('procedure_level', $$'appeal'::procedure_level$$),
	('protection_history', $$'{claim_lodged@2021-06-03T09:00:00Z}'::protection_history$$),
	('route_segment', $$'CO NCI -> PA-5 [2021-08-01,2021-08-09]'::route_segment$$),
	('route_segment[]', $$'{"CO NCI -> PA-5 [2021-08-01,2021-08-09]"}'::route_segment[]$$),
	('route', $$'{CO NCI -> PA-5 [2021-08-01,2021-08-09]}'::route$$),
	('transit_profile', $$'{3:1, 27:5, >730:1}'::transit_profile$$), ('flow_series', $$'2021-06-01 {400,0,12}'::flow_series$$),
	('text', $$'es'$$), ('double precision', '0.5'), ('integer', '0'), ('bigint', '1'),
	('bigint[]', $$'{0,0,0,0,0,0,0,0,0,0,0,0,0}'::bigint[]$$),
	('sex', $$'F'::sex$$), ('age_band', $$'unhcr:0-4'::age_band$$), ('age_scheme', $$'unhcr'::age_scheme$$),
	('accompaniment', $$'alone'::accompaniment$$), ('encounter', $$'mx_presentado'::encounter$$),
	('demography', $$'unhcr {F/0-4/alone: 2}'::demography$$),
	('repeat_tally', $$'(individuals={1:5,2:3},encounters=11)'::repeat_tally$$),
	('date', $$'2021-01-01'::date$$), ('timestamp with time zone', $$'2021-06-03 00:00:00+00'::timestamptz$$),
	('bytea', $$'\x000102030405060708090a0b0c0d0e0f'::bytea$$);
-- arguments whose name asks for another sample than their type's
CREATE TABLE test.sample_named_arg (name text PRIMARY KEY, expr text);
INSERT INTO test.sample_named_arg VALUES ('sex', $$'F'$$), ('family_names', $$'Pérez'$$), ('given_names', $$'Ana'$$);
CREATE TABLE test.refusals (t regtype, fn text, sqlstate text, v text);
CREATE FUNCTION test.call_every_function(typ regtype) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
	f record;
	val record;
	args text;
	nfun int := 0;
BEGIN
	FOR f IN
		SELECT p.oid, p.proname, p.proargtypes::oid[] AS argtypes, p.proargnames AS argnames, p.prokind
		FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
		WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'migrec')
		  AND typ = ANY (p.proargtypes::oid[]) AND p.prokind IN ('f', 'a')
		  AND NOT ('internal'::regtype = ANY (p.proargtypes::oid[]) OR 'cstring'::regtype = ANY (p.proargtypes::oid[]))
		ORDER BY p.oid
	LOOP
		nfun := nfun + 1;
		FOR val IN SELECT v FROM test.produced WHERE t = typ LOOP
			SELECT string_agg(CASE WHEN a = typ THEN format('%L::%s', val.v, typ)
			                       ELSE coalesce((SELECT expr FROM test.sample_named_arg s WHERE s.name = f.argnames[k]),
			                                     (SELECT expr FROM test.sample_arg s WHERE s.t = a)) END, ', ' ORDER BY k)
			INTO args FROM unnest(f.argtypes) WITH ORDINALITY AS u(a, k);
			BEGIN
				-- (the result printed: an unused result would not be computed)
				EXECUTE format('SELECT array_agg(r::text) FROM (SELECT %s(%s) AS r) s', f.oid::regproc, args);
			EXCEPTION WHEN others THEN
				INSERT INTO test.refusals VALUES (typ, format('%s(%s)', f.proname, pg_get_function_identity_arguments(f.oid)),
				                                  SQLSTATE, val.v);
			END;
		END LOOP;
	END LOOP;
	RETURN nfun;
END $$;
SELECT t, test.call_every_function(t) AS functions
FROM test.produced GROUP BY t ORDER BY t::text;
-- the refusals: only arguments that the function documents as wrong
-- (no example value: the samples come from random(), whose generator differs
-- between versions)
SELECT t, fn, sqlstate
FROM test.refusals GROUP BY 1, 2, 3 ORDER BY t::text, 2, 3;

RESET client_min_messages;
DROP TABLE test.produced, test.not_produced, test.events, test.legs, test.flows, test.people, test.sample_arg, test.sample_named_arg, test.refusals;
DROP FUNCTION test.produce, test.try_produce, test.produce_aggregates, test.plan_shows, test.text_round_trip_failures,
              test.binary_round_trip_failures, test.call_every_function;
