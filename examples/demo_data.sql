-- demo_data.sql: a synthetic but realistically shaped dataset for the demo:
-- the protection cases of Mexico's refugee commission for claims lodged in
-- January-July 2021, encounters with migration authorities, and the
-- journeys of people entering Panama from Colombia through the Darién.
--
-- The shape follows the 2021 concept note of the RCM working group (see
-- shared/domain.md): 64,378 claims in Mexico, over 45,000 in Chiapas, mainly
-- Honduran (26,557), Haitian (13,255) and Cuban (6,446); a large share of
-- claims abandoned (the procedure used as a safe-conduct northwards);
-- 13,877 Haitians and 6,059 Cubans entering Panama from Colombia in
-- January-July, about 400 a day by mid-year; about four weeks from Panama
-- to Mexico's southern border and another month to the US border.
--
-- Deterministic for a seed: psql -v scale=1 -v seed=0.2021 -f demo_data.sql
-- (scale multiplies every count; the seed is any text; the defaults are 1
-- and 0.2021).  Records end on the extraction dates: 2021-10-31 for cases,
-- 2021-08-31 for journeys; later events have not happened yet.
--
-- The same seed and scale give the same rows, stored in the same order, on
-- every PostgreSQL version and platform and whatever the session's
-- TimeZone.  The draws do not come from the server's random(), whose
-- generator changed in PostgreSQL 15, but from pg_temp.draw(stream, key
-- [, sub]) below, uniform on [0, 1): the first 52 bits of the md5 of the
-- seed, a stream's name and a stable key (a case, a day, a person; sub for
-- a step of it), so that no draw depends on the order in which rows are
-- produced.  The rest keeps to what is exact everywhere: integer and numeric
-- arithmetic, float8 +, -, *, / and sqrt (correctly rounded in IEEE 754; no
-- ln, exp or power from the C library), dates and Mexico City wall-clock
-- times, total orders.  Each variable has its own named stream, so a new
-- column or a new kind of draw takes a new name and leaves every other
-- draw as it was:
--   case.office, case.day, case.hour, case.path, case.decision, case.appeal,
--   case.appeal_outcome, case.deportation, case.entry_error (key: case_id);
--   case.delay (case_id, step);
--   encounter.nationality, encounter.day, encounter.outcome, encounter.delay
--   (key: the encounter's number);
--   darien.daily (key: days since 2021-01-01);
--   person.nationality, person.start, person.onward (key: person_id);
--   journey.days, journey.record (person_id, stop);
--   identity.*, person.claims, person.claim_day, claim.* (the registers'
--   names, sexes and birth dates, and who claimed: demo_linkage_data.sql).

\if :{?scale}
\else
\set scale 1
\endif
\if :{?seed}
\else
\set seed 0.2021
\endif

SET client_min_messages = warning;
SET jit = off;                        -- compiling these one-off statements costs more than it saves
DROP TABLE IF EXISTS case_events, journey_legs, journeys, demo_claims_plan, pg_temp.demo_cases, pg_temp.demo_paths,
	pg_temp.demo_people, pg_temp.demo_stop_dates, darien_registrations, claimants, demo_linkage_truth CASCADE;

-- How an agency keeps its records: one row per event of a case, one row per
-- leg of a journey, with the extension's types.
CREATE TABLE case_events (
	case_id     bigint NOT NULL,
	nationality nationality NOT NULL,
	office      place NOT NULL,          -- where the case is handled
	status      protection_status NOT NULL,
	at          timestamptz NOT NULL
);
CREATE TABLE journey_legs (
	person_id   bigint NOT NULL,
	nationality nationality NOT NULL,
	leg         route_segment NOT NULL
);

-- The draws: uniform on [0, 1), a function of the seed, the stream and the
-- key alone.  13 hex digits are 52 bits, which a float8 holds exactly, and
-- the division by 2^52 is exact.  (A temporary SQL function: the planner
-- inlines it, and the seed, a default taken from psql's variable, is folded
-- into a constant.)
CREATE OR REPLACE FUNCTION pg_temp.draw(stream text, key bigint, sub int DEFAULT 0, seed text DEFAULT :'seed')
RETURNS float8 LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT ('x' || substr(md5(seed || '/' || stream || '/' || key::text || '/' || sub::text), 1, 13))::bit(52)::bigint
             / 4503599627370496.0::float8 $$;

-- Claims lodged in Mexico, January-July 2021, by nationality, with each
-- nationality's chance of recognition at first instance.
CREATE TABLE demo_claims_plan (nationality nationality, claims int, p_recognized float8, p_cartagena float8);
INSERT INTO demo_claims_plan VALUES
	('HND', 26557, 0.72, 0.25), ('HTI', 13255, 0.22, 0.05), ('CUB', 6446, 0.45, 0.05),
	('VEN', 4800, 0.93, 0.70), ('SLV', 4650, 0.80, 0.30), ('GTM', 2830, 0.55, 0.20),
	('NIC', 2450, 0.75, 0.20), ('CHL', 1150, 0.15, 0.00), ('BRA', 980, 0.15, 0.00),
	('COL', 560, 0.60, 0.10), ('ECU', 300, 0.40, 0.10), ('AGO', 110, 0.50, 0.00),
	('GHA', 90, 0.40, 0.00), ('BGD', 75, 0.30, 0.00), ('SEN', 60, 0.35, 0.00),
	('IND', 45, 0.20, 0.00), ('XXA', 20, 0.90, 0.00);

-- Each claim's draws, and what follows from them.
CREATE TEMP TABLE demo_cases AS
SELECT c.case_id, c.nationality, c.p_recognized, c.p_cartagena,
       -- over 70% lodged in Chiapas (Tapachula), the rest across Mexico
       CASE WHEN u.office < 0.72 THEN 'MX-CHP'
            ELSE (ARRAY['MX-CMX','MX-TAB','MX-VER','MX-BCN','MX-NLE','MX-ROO','MX-JAL'])[1 + floor(u.office * 1000)::int % 7] END::place AS office,
       -- claims grew through the year: density rising linearly over Jan 1 - Jul 31;
       -- lodged in office hours, Mexico City time
       timestamp '2021-01-01 09:00' + floor(211 * sqrt(u.day)) * interval '1 day' + floor(u.hour * 8) * interval '1 hour' AS lodged,
       u.path, u.decision, u.appeal, u.appeal_outcome, u.deportation, u.entry_error
FROM (SELECT row_number() OVER (ORDER BY p.nationality, g) AS case_id, p.nationality, p.p_recognized, p.p_cartagena
      FROM demo_claims_plan p, generate_series(1, greatest(1, round(p.claims * :scale)::int)) g) c,
     LATERAL (SELECT pg_temp.draw('case.office', c.case_id) AS office,
                     pg_temp.draw('case.day', c.case_id) AS day,
                     pg_temp.draw('case.hour', c.case_id) AS hour,
                     pg_temp.draw('case.path', c.case_id) AS path,
                     pg_temp.draw('case.decision', c.case_id) AS decision,
                     pg_temp.draw('case.appeal', c.case_id) AS appeal,
                     pg_temp.draw('case.appeal_outcome', c.case_id) AS appeal_outcome,
                     pg_temp.draw('case.deportation', c.case_id) AS deportation,
                     pg_temp.draw('case.entry_error', c.case_id) AS entry_error
              OFFSET 0) u;                 -- (OFFSET 0: each draw computed once, however often it is used)

-- Each case's path, as (status, days after lodging):
--   43% abandoned (half of them after admission), 5% withdrawn, 2%
--   inadmissible, the rest admitted, interviewed, decided; a rejection is
--   appealed 40% of the time, and a final rejection leads to deportation
--   40% of the time.
CREATE TEMP TABLE demo_paths AS
SELECT case_id, nationality, office, lodged,
       CASE
         WHEN path < 0.215 THEN ARRAY['claim_lodged', 'abandoned']
         WHEN path < 0.43 THEN ARRAY['claim_lodged', 'admitted', 'abandoned']
         WHEN path < 0.48 THEN ARRAY['claim_lodged', 'admitted', 'withdrawn']
         WHEN path < 0.50 THEN ARRAY['claim_lodged', 'inadmissible']
         WHEN decision < p_recognized * (1 - p_cartagena) THEN ARRAY['claim_lodged', 'admitted', 'interviewed', 'recognized_refugee']
         WHEN decision < p_recognized THEN ARRAY['claim_lodged', 'admitted', 'interviewed', 'recognized_cartagena']
         WHEN decision < p_recognized + 0.05 THEN ARRAY['claim_lodged', 'admitted', 'interviewed', 'complementary_protection']
         WHEN appeal >= 0.4 THEN ARRAY['claim_lodged', 'admitted', 'interviewed', 'rejected']
         WHEN appeal_outcome < 0.5 THEN ARRAY['claim_lodged', 'admitted', 'interviewed', 'rejected', 'under_appeal', 'recognized_refugee']
         WHEN deportation < 0.4 THEN ARRAY['claim_lodged', 'admitted', 'interviewed', 'rejected', 'under_appeal', 'rejected_final', 'deported']
         ELSE ARRAY['claim_lodged', 'admitted', 'interviewed', 'rejected', 'under_appeal', 'rejected_final']
       END::protection_status[] AS statuses,
       entry_error
FROM demo_cases;

-- The events, dated by the steps' typical delays (calendar days in Mexico
-- City), up to the extraction date.
INSERT INTO case_events
SELECT case_id, nationality, office, s.status, s.at
FROM (
	SELECT p.case_id, p.nationality, p.office, st AS status,
	       (p.lodged + sum(CASE WHEN k = 1 THEN 0
	                            WHEN st = 'admitted' THEN 3 + floor(d.delay * 12)
	                            WHEN st = 'interviewed' THEN 20 + floor(d.delay * 40)
	                            WHEN st = 'abandoned' THEN 15 + floor(d.delay * 45)
	                            WHEN st = 'under_appeal' THEN 10 + floor(d.delay * 10)
	                            WHEN st = 'deported' THEN 10 + floor(d.delay * 20)
	                            ELSE 15 + floor(d.delay * 75) END)
	                   OVER (PARTITION BY p.case_id ORDER BY k) * interval '1 day') AT TIME ZONE 'America/Mexico_City' AS at
	FROM demo_paths p, unnest(p.statuses) WITH ORDINALITY AS u(st, k),
	     LATERAL (SELECT pg_temp.draw('case.delay', p.case_id, k::int) AS delay OFFSET 0) d
) s
WHERE s.at < timestamptz '2021-11-01 00:00-06'
ORDER BY case_id, at;

-- Data-entry errors, as agencies' data have them: a decision typed in one
-- day after the claim, before any admission (0.4% of cases).
INSERT INTO case_events
SELECT case_id, nationality, office, 'rejected', (lodged + interval '1 day') AT TIME ZONE 'America/Mexico_City'
FROM demo_paths WHERE entry_error < 0.004
ORDER BY case_id;

-- Encounters with migration authorities, mostly Hondurans, Guatemalans and
-- Salvadorans (over 90% of those presented), ending in deportation, assisted
-- return or expulsion.
INSERT INTO case_events
SELECT case_id, nat, 'MX-CHP', status, at
FROM (SELECT 1000000 + g AS case_id, x.nat, ev.status,
             (x.seen + ev.days * interval '1 day') AT TIME ZONE 'America/Mexico_City' AS at
      FROM (SELECT g, CASE WHEN u.nat < 0.45 THEN 'HND' WHEN u.nat < 0.75 THEN 'GTM' WHEN u.nat < 0.905 THEN 'SLV'
                           WHEN u.nat < 0.95 THEN 'NIC' ELSE 'CUB' END::nationality AS nat,
                   timestamp '2021-01-01 12:00' + floor(u.day * 300) * interval '1 day' AS seen,
                   CASE WHEN u.outcome < 0.6 THEN 'deported' WHEN u.outcome < 0.9 THEN 'voluntary_return'
                        ELSE 'expelled' END::protection_status AS outcome,
                   2 + floor(u.delay * 10)::int AS delay
            FROM generate_series(1, round(40000 * :scale)::int) g,
                 LATERAL (SELECT pg_temp.draw('encounter.nationality', g) AS nat,
                                 pg_temp.draw('encounter.day', g) AS day,
                                 pg_temp.draw('encounter.outcome', g) AS outcome,
                                 pg_temp.draw('encounter.delay', g) AS delay
                          OFFSET 0) u) x,
           LATERAL (VALUES ('encountered'::protection_status, 0), (x.outcome, x.delay)) AS ev(status, days)) e
WHERE at < timestamptz '2021-11-01 00:00-06'
ORDER BY case_id, at;

-- Journeys: people entering Panama through the Darién from Necoclí or Turbo,
-- from about 40 a day in January to about 400 a day from mid-July, each day's
-- count within 20% of that.
CREATE TEMP TABLE demo_people AS
SELECT p.person_id, p.entered,
       CASE WHEN u.nat < 0.37 THEN 'HTI' WHEN u.nat < 0.53 THEN 'CUB' WHEN u.nat < 0.65 THEN 'CHL' WHEN u.nat < 0.75 THEN 'VEN'
            WHEN u.nat < 0.81 THEN 'BRA'
            ELSE (ARRAY['AGO','BGD','GHA','SEN','IND','UZB','NPL','CMR','COD'])[1 + floor((u.nat - 0.81) / 0.19 * 9)::int] END::nationality AS nationality,
       CASE WHEN u.start < 0.7 THEN 'CO NCI' ELSE 'CO TRB' END::place AS start,
       u.onward
FROM (SELECT row_number() OVER (ORDER BY i, k) AS person_id, date '2021-01-01' + i AS entered
      FROM generate_series(0, date '2021-08-31' - date '2021-01-01') AS i,
           generate_series(1, round(:scale * (CASE WHEN i < 195 THEN 40 + 360 * (i * i) / 38025.0::float8 ELSE 400 END)
                                    * (0.8 + 0.4 * pg_temp.draw('darien.daily', i)))::int) AS k) p,
     LATERAL (SELECT pg_temp.draw('person.nationality', p.person_id) AS nat,
                     pg_temp.draw('person.start', p.person_id) AS start,
                     pg_temp.draw('person.onward', p.person_id) AS onward
              OFFSET 0) u;

-- Their legs: a few days from Colombia to the Darién, then north through
-- Paso Canoas (PA PCS: an agency's own code), Peñas Blancas, Nicaragua,
-- Honduras, Guatemala and Tecún Umán into Chiapas, about four weeks in all;
-- a third go on to Tijuana or the US border, about a month more.  Some legs
-- come from interviews without dates, and some records miss a leg.
CREATE TEMP TABLE demo_stop_dates AS
SELECT p.person_id, p.nationality, s.k, s.place,
       CASE WHEN s.k = 0 THEN p.entered - s.days
            ELSE p.entered + (sum(CASE WHEN s.k >= 2 THEN s.days ELSE 0 END)
                              OVER (PARTITION BY p.person_id ORDER BY s.k))::int END AS day,
       pg_temp.draw('journey.record', p.person_id, s.k) AS record    -- how the leg from this stop was recorded
FROM demo_people p,
     -- (stop, place, and days: before entering the Darién for stop 0, after
     -- the previous stop from stop 2 on; at least lo, fewer than lo + n)
     LATERAL (SELECT v.k, v.place, v.lo + floor(pg_temp.draw('journey.days', p.person_id, v.k) * v.n)::int AS days
              FROM (VALUES (0, p.start, 3, 7),
                           (1, 'PA-5'::place, 0, 0),
                           (2, 'PA PCS'::place, 1, 4),
                           (3, 'CR PBS'::place, 1, 3),
                           (4, 'NI'::place, 2, 4),
                           (5, 'HN'::place, 3, 5),
                           (6, 'GT'::place, 3, 6),
                           (7, 'GT CTU'::place, 4, 6),
                           (8, 'MX-CHP'::place, 1, 3),
                           (9, CASE WHEN p.onward < 0.2 THEN 'MX TIJ' ELSE 'US' END::place, 25, 12)) AS v(k, place, lo, n)) s
WHERE s.k < 9 OR p.onward < 0.33;

INSERT INTO journey_legs
SELECT person_id, nationality,
       route_segment(from_place, to_place,
                     CASE WHEN record < 0.005 THEN NULL ELSE departed END,
                     CASE WHEN record < 0.005 OR record > 0.985 THEN NULL ELSE arrived END)
FROM (SELECT a.person_id, a.nationality, a.place AS from_place, b.place AS to_place,
             a.day AS departed, b.day AS arrived, a.k, a.record
      FROM demo_stop_dates a
      JOIN demo_stop_dates b ON b.person_id = a.person_id AND b.k = a.k + 1) legs
WHERE arrived <= date '2021-08-31'                 -- not yet happened otherwise
  AND NOT (k = 4 AND person_id % 50 = 7)           -- a record missing a leg
ORDER BY person_id, k;

-- Journeys as values: one per person.  (route_agg orders legs by departure;
-- ORDER BY leg settles ties between undated legs whatever the plan.)
CREATE TABLE journeys AS
SELECT person_id, nationality, route_agg(leg ORDER BY leg) AS r FROM journey_legs GROUP BY person_id, nationality
ORDER BY person_id;
CREATE INDEX journeys_r ON journeys USING gin (r);

ANALYZE case_events;
ANALYZE journey_legs;
ANALYZE journeys;

-- The people behind the journeys and the claims, with names, sex and birth
-- dates, as Panama's Darién registry and Mexico's claims register hold
-- them, for the report's linkage by encodings (demo_linkage_data.sql).
\ir demo_linkage_data.sql

DROP TABLE demo_claims_plan, demo_cases, demo_paths, demo_people, demo_stop_dates;
DROP FUNCTION pg_temp.draw(text, bigint, int, text);
RESET jit;
RESET client_min_messages;
