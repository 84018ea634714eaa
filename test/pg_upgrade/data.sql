-- test/pg_upgrade/data.sql: a database holding migrec 0.1 data on the old
-- server, for the pg_upgrade test (test/pg_upgrade/run.sh): a column of
-- every type, btree, hash and GIN indexes, and a table partitioned by hash
-- of nationality.  The values come from md5 of a counter, not random(), so
-- that every run and every server makes the same data.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION migrec VERSION '0.1';
CREATE SCHEMA gen;
-- a number in [0, 1) drawn from a counter and a salt
CREATE FUNCTION gen.u(i bigint, salt text) RETURNS float8 LANGUAGE sql IMMUTABLE
	AS $$ SELECT ('x' || substr(md5(salt || i::text), 1, 8))::bit(32)::bigint / 4294967296.0 $$;
-- what the draws pick from: countries, places, statuses
CREATE TABLE gen.nat AS
	SELECT (row_number() OVER (ORDER BY nationality))::int - 1 AS k, nationality AS n
	FROM nationalities() WHERE kind = 'country';
CREATE TABLE gen.plc AS
	SELECT (row_number() OVER (ORDER BY p))::int - 1 AS k, p
	FROM (SELECT place AS p FROM subdivisions('MX')
	      UNION SELECT place FROM subdivisions('GT')
	      UNION SELECT place FROM subdivisions('PA')
	      UNION SELECT unnest('{CO NCI,PA PCN,MX TAP,GT CTU,CR PBS,MX TIJ,US,HN,CR,CO}'::place[])) s;
CREATE TABLE gen.st AS SELECT position - 1 AS k, status FROM protection_statuses();

-- cases: a nationality (the first countries drawn more often), an office,
-- and a timeline of one to four events
CREATE TABLE cases AS
SELECT i AS case_id,
       (SELECT n FROM gen.nat WHERE k = floor(gen.u(i, 'n') ^ 3 * (SELECT count(*) FROM gen.nat))::int) AS n,
       (SELECT p FROM gen.plc WHERE k = floor(gen.u(i, 'o') * (SELECT count(*) FROM gen.plc))::int) AS office
FROM generate_series(1, 4000) i;
ALTER TABLE cases ADD PRIMARY KEY (case_id);
CREATE TABLE case_events AS
SELECT c.case_id, c.n, c.office, s.status,
       timestamptz '2021-01-01 00:00+00' + (gen.u(c.case_id, 'd') * 200 + e * 30 + gen.u(c.case_id * 10 + e, 'h') * 20) * interval '1 day' AS at
FROM cases c, generate_series(0, 3) e,
     LATERAL (SELECT status FROM gen.st
              WHERE k = CASE e WHEN 0 THEN 2 WHEN 1 THEN 3
                               ELSE 6 + floor(gen.u(c.case_id * 10 + e, 's') * 8)::int END) s
WHERE e < 1 + floor(gen.u(c.case_id, 'e') * 4);
ALTER TABLE cases ADD COLUMN h protection_history, ADD COLUMN s protection_status, ADD COLUMN t decision_tally;
UPDATE cases c SET h = x.h, s = current_status(x.h), t = x.t
FROM (SELECT case_id, protection_history(status, at) AS h, decision_tally(status) AS t
      FROM case_events GROUP BY case_id) x
WHERE x.case_id = c.case_id;

-- journeys: two to five legs between drawn places, dated
CREATE TABLE journey_legs AS
SELECT j AS person_id, l AS leg_no,
       route_segment(a.p, b.p, d, d + floor(gen.u(j * 10 + l, 'a') * 5)::int) AS leg
FROM generate_series(1, 3000) j, generate_series(0, 4) l,
     LATERAL (SELECT date '2021-03-01' + floor(gen.u(j, 'j') * 150)::int + l * 6 AS d) dd,
     LATERAL (SELECT p FROM gen.plc WHERE k = floor(gen.u(j * 10 + l, 'f') * (SELECT count(*) FROM gen.plc))::int) a,
     LATERAL (SELECT p FROM gen.plc WHERE k = floor(gen.u(j * 10 + l, 't') * (SELECT count(*) FROM gen.plc))::int) b
WHERE l < 2 + floor(gen.u(j, 'l') * 4);
CREATE TABLE journeys AS
SELECT person_id, route_agg(leg) AS r FROM journey_legs GROUP BY person_id;

-- series and profiles: arrivals per nationality and office
CREATE TABLE flows AS
SELECT n, office, flow_series(at::date, 1) AS f, transit_profile(floor(gen.u(case_id, 'p') * 60)::int) AS p
FROM case_events GROUP BY n, office;

-- a table partitioned by hash of nationality: each row's partition follows
-- from nationality's frozen hash function
CREATE TABLE by_nationality (n nationality, case_id int, s protection_status) PARTITION BY HASH (n);
CREATE TABLE by_nationality_0 PARTITION OF by_nationality FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE by_nationality_1 PARTITION OF by_nationality FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE by_nationality_2 PARTITION OF by_nationality FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE by_nationality_3 PARTITION OF by_nationality FOR VALUES WITH (MODULUS 4, REMAINDER 3);
INSERT INTO by_nationality SELECT n, case_id, s FROM cases;

-- indexes of every kind migrec has an operator class for
CREATE INDEX cases_n ON cases (n);
CREATE INDEX cases_office ON cases (office);
CREATE INDEX cases_s ON cases (s);
CREATE INDEX cases_n_office_s ON cases (n, office, s);
CREATE INDEX cases_n_hash ON cases USING hash (n);
CREATE INDEX cases_h_hash ON cases USING hash (h);
CREATE INDEX journey_legs_leg ON journey_legs (leg);
CREATE INDEX journeys_r_gin ON journeys USING gin (r);
CREATE INDEX journeys_r_hash ON journeys USING hash (r);
CREATE INDEX flows_f_hash ON flows USING hash (f);
CREATE INDEX by_nationality_n ON by_nationality (n);
DROP SCHEMA gen CASCADE;
ANALYZE;
