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
--   claimant.child, claimant.age, claimant.birthday, claimant.birth_known,
--   claimant.sex, claimant.acc (key: case_id);
--   mxenc.child, mxenc.age, mxenc.birthday, mxenc.sex, mxenc.acc (key: the
--   encounter's number);
--   usenc.group, usenc.nationality, usenc.role, usenc.age, usenc.birthday,
--   usenc.birth_known, usenc.sex, usenc.acc, usenc.repeat, usenc.times,
--   usenc.first (key: person); usenc.gap, usenc.component, usenc.authority
--   (person, encounter).
--
-- The people behind the records (who they are, with whom they travel, under
-- which authority they were encountered) follow published 2021 figures; see
-- docs/people.md for the sources and how sure each is:
--   COMAR, January-November 2021 (El Orbe, 13 Dec 2021, secondary): women
--   40.79% of applicants, children 23.92% (29,467 of 123,187), children's
--   top nationalities Honduras 10,523, Chile 6,384, Haiti 3,554, Brazil
--   3,271, El Salvador 1,433 (hence a child share by nationality: Chile's
--   and Brazil's applicants are mostly children of Haitian parents);
--   UPM 2021 (press, secondary): events presented, January-September, 74%
--   18 and over, 19% 12-17, 7% 0-11; 39% of 2021's events channelled
--   (canalizados) with the child protection system, which counts them from
--   January 2021; 2019: 18% of children travelling alone; men about two
--   thirds;
--   CBP/USBP, southwest border, FY2021 (CRS R46999, primary): 1,659,206
--   encounters, single adults 64%, individuals in family units 27%,
--   unaccompanied children 9%; July 2021 (CBP release, secondary): Title 42
--   for 77% of single adults' and 12% of family units' encounters, 62% of all
--   encounters in FY2021 (secondary); recidivism FY2021 27% (secondary);
--   FY2021 January-August detentions
--   mainly Mexican 28%, Honduran 21%, Guatemalan 17% (RCM concept note).
-- The US encounters are a 1% sample of that volume; ages within groups,
-- sexes of adults, and the shares not named above are the demo's own
-- assumptions.

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
DROP TABLE IF EXISTS case_events, journey_legs, journeys, claimants, border_encounters, demo_claims_plan,
	pg_temp.demo_cases, pg_temp.demo_paths, pg_temp.demo_people, pg_temp.demo_stop_dates, pg_temp.demo_us_people CASCADE;

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

-- The claimants: sex, birth date (not recorded for 2%) and who they travel
-- with, for each claim.  Children: a share by nationality that gives about
-- 24% overall; girls 49%, women 38% of adults (40.8% of all); 0.3% of sex
-- unknown, a few X.  Children mostly with a parent; 6% alone.
CREATE TABLE claimants (
	case_id       bigint PRIMARY KEY,
	sex           sex NOT NULL,
	birth_date    date,                   -- NULL: not recorded
	accompaniment accompaniment NOT NULL
);
INSERT INTO claimants
SELECT case_id,
       CASE WHEN u.sex < 0.003 THEN 'UNK' WHEN u.sex < 0.0035 THEN 'X'
            WHEN u.sex < 0.0035 + CASE WHEN child THEN 0.49 ELSE 0.38 END THEN 'F' ELSE 'M' END::sex,
       CASE WHEN u.birth_known >= 0.02
            THEN (lodged::date - make_interval(years => age))::date - floor(u.birthday * 365)::int END,
       CASE WHEN child THEN CASE WHEN u.acc < 0.85 THEN 'with_parent' WHEN u.acc < 0.91 THEN 'with_relative'
                                 WHEN u.acc < 0.92 THEN 'with_caregiver' WHEN u.acc < 0.98 THEN 'alone' ELSE 'unknown' END
            ELSE CASE WHEN u.acc < 0.16 THEN 'with_child' WHEN u.acc < 0.98 THEN 'alone' ELSE 'unknown' END
       END::accompaniment
FROM (SELECT c.case_id, c.lodged, u.*, a.child, a.age
      FROM demo_cases c,
           LATERAL (SELECT pg_temp.draw('claimant.child', c.case_id) AS child_u,
                           pg_temp.draw('claimant.age', c.case_id) AS age_u,
                           pg_temp.draw('claimant.birthday', c.case_id) AS birthday,
                           pg_temp.draw('claimant.birth_known', c.case_id) AS birth_known,
                           pg_temp.draw('claimant.sex', c.case_id) AS sex,
                           pg_temp.draw('claimant.acc', c.case_id) AS acc
                    OFFSET 0) u,
           LATERAL (SELECT u.child_u < CASE c.nationality::text WHEN 'HND' THEN 0.32 WHEN 'HTI' THEN 0.075 WHEN 'CUB' THEN 0.10
                                       WHEN 'VEN' THEN 0.22 WHEN 'SLV' THEN 0.28 WHEN 'GTM' THEN 0.28 WHEN 'NIC' THEN 0.15
                                       WHEN 'CHL' THEN 0.85 WHEN 'BRA' THEN 0.80 WHEN 'COL' THEN 0.20 WHEN 'ECU' THEN 0.20
                                       ELSE 0.10 END AS child) k,
           -- ages: children 0-4 35%, 5-11 40%, 12-17 25%; adults 18-59 97%, 60-79 3%
           LATERAL (SELECT k.child,
                           CASE WHEN k.child THEN CASE WHEN u.age_u < 0.35 THEN floor(u.age_u / 0.35 * 5)
                                                       WHEN u.age_u < 0.75 THEN 5 + floor((u.age_u - 0.35) / 0.40 * 7)
                                                       ELSE 12 + floor((u.age_u - 0.75) / 0.25 * 6) END
                                ELSE CASE WHEN u.age_u < 0.97 THEN 18 + floor(u.age_u / 0.97 * u.age_u / 0.97 * 42)
                                          ELSE 60 + floor((u.age_u - 0.97) / 0.03 * 20) END
                           END::int AS age) a) u
ORDER BY case_id;

-- Encounters at the border, under their legal authority: everyone the INM
-- encountered above (presented, or channelled to the DIF system with the
-- children and families from 2021-01-11), and a 1% sample of the US Border
-- Patrol's and OFO's southwest-border encounters from October 2020 (FY2021)
-- to the extraction date, with repeat encounters of the same person.
CREATE TABLE border_encounters (
	encounter_id  bigint PRIMARY KEY,
	person_key    bigint NOT NULL,        -- one person, however often encountered
	nationality   nationality NOT NULL,
	on_date       date NOT NULL,
	kind          encounter NOT NULL CHECK (encounter_check(kind, on_date) IS NOT NULL),
	sex           sex NOT NULL,
	birth_date    date,
	accompaniment accompaniment NOT NULL
);
-- Mexico: the encounters of case_events (the same draws, the same dates)
INSERT INTO border_encounters
SELECT 1000000 + g, 3000000 + g, x.nat, x.seen,
       CASE WHEN x.seen >= '2021-01-11' AND (x.child OR x.acc = 'with_child') THEN 'mx_canalizado'
            ELSE 'mx_presentado' END::encounter,
       x.sex, (x.seen - make_interval(years => x.age))::date - floor(x.birthday * 365)::int, x.acc
FROM (SELECT g, CASE WHEN u.nat < 0.45 THEN 'HND' WHEN u.nat < 0.75 THEN 'GTM' WHEN u.nat < 0.905 THEN 'SLV'
                     WHEN u.nat < 0.95 THEN 'NIC' ELSE 'CUB' END::nationality AS nat,
             (date '2021-01-01' + floor(u.day * 300)::int) AS seen,
             v.child_u < 0.26 AS child, v.birthday,
             -- 0-11 7%, 12-17 19%, 18 and over 74% (UPM, January-September 2021)
             CASE WHEN v.child_u < 0.07 THEN floor(v.age_u * 12) WHEN v.child_u < 0.26 THEN 12 + floor(v.age_u * 6)
                  ELSE 18 + floor(v.age_u * v.age_u * 45) END::int AS age,
             CASE WHEN v.sex < CASE WHEN v.child_u < 0.26 THEN 0.45 ELSE 0.33 END THEN 'F' ELSE 'M' END::sex AS sex,
             CASE WHEN v.child_u < 0.26 THEN CASE WHEN v.acc < 0.78 THEN 'with_parent' WHEN v.acc < 0.83 THEN 'with_relative'
                                                  WHEN v.acc < 0.98 THEN 'alone' ELSE 'unknown' END
                  ELSE CASE WHEN v.acc < 0.18 THEN 'with_child' ELSE 'alone' END END::accompaniment AS acc
      FROM generate_series(1, round(40000 * :scale)::int) g,
           LATERAL (SELECT pg_temp.draw('encounter.nationality', g) AS nat,
                           pg_temp.draw('encounter.day', g) AS day OFFSET 0) u,
           LATERAL (SELECT pg_temp.draw('mxenc.child', g) AS child_u, pg_temp.draw('mxenc.age', g) AS age_u,
                           pg_temp.draw('mxenc.birthday', g) AS birthday, pg_temp.draw('mxenc.sex', g) AS sex,
                           pg_temp.draw('mxenc.acc', g) AS acc OFFSET 0) v) x
ORDER BY 1;
-- United States: people by demographic group (single adults 51%, in family
-- units 36%, unaccompanied children 13% of the people, which gives about
-- 64/27/9% of the encounters: single adults come back most), each
-- encountered once or more; a repeat comes 1 to 60 days after the last.
CREATE TEMP TABLE demo_us_people AS
SELECT 2000000 + p AS person_key,
       CASE WHEN u.grp < 0.512 THEN 'single' WHEN u.grp < 0.873 THEN 'family' ELSE 'uc' END AS grp,
       CASE WHEN u.nat < 0.28 THEN 'MEX' WHEN u.nat < 0.49 THEN 'HND' WHEN u.nat < 0.66 THEN 'GTM' WHEN u.nat < 0.75 THEN 'SLV'
            WHEN u.nat < 0.82 THEN 'ECU' WHEN u.nat < 0.87 THEN 'HTI' WHEN u.nat < 0.91 THEN 'CUB' WHEN u.nat < 0.95 THEN 'VEN'
            WHEN u.nat < 0.98 THEN 'NIC' ELSE 'BRA' END::nationality AS nationality,
       u.role, u.age_u, u.birthday, u.birth_known, u.sex, u.acc,
       -- how many times: single adults come back 48% of the time, families 7%, children 2%
       CASE WHEN u.rep >= CASE WHEN u.grp < 0.512 THEN 0.48 WHEN u.grp < 0.873 THEN 0.07 ELSE 0.02 END THEN 1
            WHEN u.times < 0.50 THEN 2 WHEN u.times < 0.75 THEN 3 WHEN u.times < 0.87 THEN 4
            ELSE 5 + floor((u.times - 0.87) / 0.13 * 5)::int END AS times,
       -- first encounters from October 2020, rising to the July 2021 peak, then level
       date '2020-10-01' + floor(CASE WHEN u.first < 0.85 THEN 300 * sqrt(u.first / 0.85) ELSE 300 + (u.first - 0.85) / 0.15 * 96 END)::int AS first
FROM generate_series(1, round(11500 * :scale)::int) p,
     LATERAL (SELECT pg_temp.draw('usenc.group', p) AS grp, pg_temp.draw('usenc.nationality', p) AS nat,
                     pg_temp.draw('usenc.role', p) AS role, pg_temp.draw('usenc.age', p) AS age_u,
                     pg_temp.draw('usenc.birthday', p) AS birthday, pg_temp.draw('usenc.birth_known', p) AS birth_known,
                     pg_temp.draw('usenc.sex', p) AS sex, pg_temp.draw('usenc.acc', p) AS acc,
                     pg_temp.draw('usenc.repeat', p) AS rep, pg_temp.draw('usenc.times', p) AS times,
                     pg_temp.draw('usenc.first', p) AS first OFFSET 0) u;
INSERT INTO border_encounters
SELECT 2000000 + row_number() OVER (ORDER BY e.person_key, e.k), e.person_key, e.nationality, e.on_date,
       (CASE WHEN e.component < 0.10 THEN
                  CASE WHEN e.t42 THEN 'us_t42_expulsion_ofo' ELSE 'us_t8_inadmissible' END
             ELSE CASE WHEN e.t42 THEN 'us_t42_expulsion_usbp' ELSE 'us_t8_apprehension' END END)::encounter,
       e.sex, e.birth_date, e.acc
FROM (SELECT p.person_key, p.nationality, d.k, d.on_date, d.component,
             -- Title 42: single adults 87%, families 25% (July 2021: 77% and 12%, after higher
             -- shares earlier in the year); children only before the injunction of 2020-11-18
             CASE p.grp WHEN 'single' THEN d.authority < 0.87 WHEN 'family' THEN d.authority < 0.25
                        ELSE d.on_date < '2020-11-18' AND d.authority < 0.5 END AS t42,
             a.sex, CASE WHEN p.birth_known >= 0.01
                         THEN (p.first - make_interval(years => a.age))::date - floor(p.birthday * 365)::int END AS birth_date,
             a.acc
      FROM demo_us_people p,
           -- a family unit's people are adults with their children (55%) or the children (45%)
           LATERAL (SELECT CASE WHEN p.grp = 'single' THEN 18 + floor(p.age_u * p.age_u * 42)
                                WHEN p.grp = 'family' AND p.role < 0.55 THEN 18 + floor(p.age_u * 30)
                                WHEN p.grp = 'family' THEN floor(p.age_u * 18)
                                ELSE CASE WHEN p.age_u < 0.9 THEN 12 + floor(p.age_u / 0.9 * 6) ELSE 5 + floor((p.age_u - 0.9) / 0.1 * 7) END
                           END::int AS age,
                           CASE WHEN p.grp = 'single' THEN CASE WHEN p.sex < 0.18 THEN 'F' ELSE 'M' END
                                WHEN p.grp = 'family' THEN CASE WHEN p.sex < 0.55 THEN 'F' ELSE 'M' END
                                ELSE CASE WHEN p.sex < 0.30 THEN 'F' ELSE 'M' END END::sex AS sex,
                           CASE WHEN p.grp = 'single' THEN 'alone'
                                WHEN p.grp = 'family' AND p.role < 0.55 THEN 'with_child'
                                WHEN p.grp = 'family' THEN 'with_parent'
                                WHEN p.acc < 0.85 THEN 'alone' WHEN p.acc < 0.98 THEN 'with_relative' ELSE 'with_caregiver'
                           END::accompaniment AS acc) a,
           LATERAL (SELECT k, p.first + (sum(CASE WHEN k = 1 THEN 0 ELSE 1 + floor(pg_temp.draw('usenc.gap', p.person_key, k) * 60) END)
                                         OVER (ORDER BY k))::int AS on_date,
                           pg_temp.draw('usenc.component', p.person_key, k) AS component,
                           pg_temp.draw('usenc.authority', p.person_key, k) AS authority
                    FROM generate_series(1, p.times) k) d) e
WHERE e.on_date <= '2021-10-31'                     -- the extraction date
ORDER BY 1;

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
ANALYZE claimants;
ANALYZE border_encounters;
DROP TABLE demo_claims_plan, demo_cases, demo_paths, demo_people, demo_stop_dates, demo_us_people;
DROP FUNCTION pg_temp.draw(text, bigint, int, text);
RESET jit;
RESET client_min_messages;
