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
-- (scale multiplies every count; the defaults are 1 and 0.2021).  Records
-- end on the extraction dates: 2021-10-31 for cases, 2021-08-31 for
-- journeys; later events have not happened yet.

\if :{?scale}
\else
\set scale 1
\endif
\if :{?seed}
\else
\set seed 0.2021
\endif

SET client_min_messages = warning;
DROP TABLE IF EXISTS case_events, journey_legs, journeys, demo_claims_plan CASCADE;

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

SELECT setseed(:seed) \g /dev/null

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

CREATE TEMP TABLE demo_cases AS
SELECT row_number() OVER (ORDER BY p.nationality, g) AS case_id, p.nationality, p.p_recognized, p.p_cartagena,
       -- over 70% lodged in Chiapas (Tapachula), the rest across Mexico
       CASE WHEN u0 < 0.72 THEN 'MX-CHP'
            ELSE (ARRAY['MX-CMX','MX-TAB','MX-VER','MX-BCN','MX-NLE','MX-ROO','MX-JAL'])[1 + floor(u0 * 1000)::int % 7] END::place AS office,
       -- claims grew through the year: density rising linearly over Jan 1 - Jul 31
       timestamptz '2021-01-01 09:00-06' + floor(211 * sqrt(u1)) * interval '1 day' + floor(u2 * 8) * interval '1 hour' AS lodged,
       random() AS path, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5
FROM demo_claims_plan p,
     -- (random() in a select list runs once per row)
     LATERAL (SELECT g, random() AS u0, random() AS u1, random() AS u2
              FROM generate_series(1, greatest(1, round(p.claims * :scale)::int)) g) u;

-- Each case's path, as (status, days after lodging):
--   43% abandoned (some after admission), 5% withdrawn, 2% inadmissible,
--   the rest admitted, interviewed, decided; a rejection is appealed 40% of
--   the time, and a final rejection leads to deportation 40% of the time.
CREATE TEMP TABLE demo_paths AS
SELECT case_id, nationality, office, lodged,
       CASE
         WHEN path < 0.43 AND r1 < 0.5 THEN ARRAY['claim_lodged', 'abandoned']
         WHEN path < 0.43 THEN ARRAY['claim_lodged', 'admitted', 'abandoned']
         WHEN path < 0.48 THEN ARRAY['claim_lodged', 'admitted', 'withdrawn']
         WHEN path < 0.50 THEN ARRAY['claim_lodged', 'inadmissible']
         WHEN r1 < p_recognized * (1 - p_cartagena) THEN ARRAY['claim_lodged', 'admitted', 'interviewed', 'recognized_refugee']
         WHEN r1 < p_recognized THEN ARRAY['claim_lodged', 'admitted', 'interviewed', 'recognized_cartagena']
         WHEN r1 < p_recognized + 0.05 THEN ARRAY['claim_lodged', 'admitted', 'interviewed', 'complementary_protection']
         WHEN r2 >= 0.4 THEN ARRAY['claim_lodged', 'admitted', 'interviewed', 'rejected']
         WHEN r3 < 0.5 THEN ARRAY['claim_lodged', 'admitted', 'interviewed', 'rejected', 'under_appeal', 'recognized_refugee']
         WHEN r4 < 0.4 THEN ARRAY['claim_lodged', 'admitted', 'interviewed', 'rejected', 'under_appeal', 'rejected_final', 'deported']
         ELSE ARRAY['claim_lodged', 'admitted', 'interviewed', 'rejected', 'under_appeal', 'rejected_final']
       END::protection_status[] AS statuses,
       r5
FROM demo_cases;

-- The events, dated by the steps' typical delays, up to the extraction date.
INSERT INTO case_events
SELECT case_id, nationality, office, s.status, s.at
FROM (
	SELECT p.case_id, p.nationality, p.office, st AS status,
	       p.lodged + sum(CASE WHEN k = 1 THEN 0
	                           WHEN st = 'admitted' THEN 3 + floor(random() * 12)
	                           WHEN st = 'interviewed' THEN 20 + floor(random() * 40)
	                           WHEN st = 'abandoned' THEN 15 + floor(random() * 45)
	                           WHEN st = 'under_appeal' THEN 10 + floor(random() * 10)
	                           WHEN st = 'deported' THEN 10 + floor(random() * 20)
	                           ELSE 15 + floor(random() * 75) END)
	                  OVER (PARTITION BY p.case_id ORDER BY k) * interval '1 day' AS at
	FROM demo_paths p, unnest(p.statuses) WITH ORDINALITY AS u(st, k)
) s
WHERE s.at < timestamptz '2021-11-01 00:00-06';

-- Data-entry errors, as agencies' data have them: a decision typed in one
-- day after the claim, before any admission (0.4% of cases).
INSERT INTO case_events
SELECT case_id, nationality, office, 'rejected', lodged + interval '1 day'
FROM demo_paths WHERE r5 < 0.004;

-- Encounters with migration authorities, mostly Hondurans, Guatemalans and
-- Salvadorans (over 90% of those presented), ending in deportation, assisted
-- return or expulsion.
INSERT INTO case_events
SELECT 1000000 + g AS case_id, nat, 'MX-CHP', ev.status,
       seen + ev.days * interval '1 day'
FROM (SELECT g, CASE WHEN u < 0.45 THEN 'HND' WHEN u < 0.75 THEN 'GTM' WHEN u < 0.905 THEN 'SLV'
                     WHEN u < 0.95 THEN 'NIC' ELSE 'CUB' END::nationality AS nat,
             timestamptz '2021-01-01 12:00-06' + floor(v * 300) * interval '1 day' AS seen,
             CASE WHEN w < 0.6 THEN 'deported' WHEN w < 0.9 THEN 'voluntary_return' ELSE 'expelled' END::protection_status AS outcome
      FROM (SELECT g, random() AS u, random() AS v, random() AS w
            FROM generate_series(1, round(40000 * :scale)::int) g) r) x,
     LATERAL (VALUES ('encountered'::protection_status, 0), (x.outcome, 2 + floor(random() * 10)::int)) AS ev(status, days)
WHERE seen + ev.days * interval '1 day' < timestamptz '2021-11-01 00:00-06';

-- Journeys: people entering Panama through the Darién from Necoclí or Turbo,
-- from about 40 a day in January to about 400 a day from mid-July.
CREATE TEMP TABLE demo_people AS
SELECT row_number() OVER (ORDER BY d, k) AS person_id, d AS entered,
       CASE WHEN u < 0.37 THEN 'HTI' WHEN u < 0.53 THEN 'CUB' WHEN u < 0.65 THEN 'CHL' WHEN u < 0.75 THEN 'VEN'
            WHEN u < 0.81 THEN 'BRA'
            ELSE (ARRAY['AGO','BGD','GHA','SEN','IND','UZB','NPL','CMR','COD'])[1 + floor((u - 0.81) / 0.19 * 9)::int] END::nationality AS nationality,
       CASE WHEN v < 0.7 THEN 'CO NCI' ELSE 'CO TRB' END::place AS start,
       w AS onward
FROM generate_series(0, date '2021-08-31' - date '2021-01-01') AS i,
     LATERAL (SELECT date '2021-01-01' + i AS d) dd,
     LATERAL (SELECT k, random() AS u, random() AS v, random() AS w
              FROM generate_series(1, round(:scale * (CASE WHEN i < 195 THEN 40 + 360 * (i / 195.0) ^ 2
                                                          ELSE 400 END) * (0.8 + 0.4 * random()))::int) AS k) r;

-- Their legs: a few days from Colombia to the Darién, then north through
-- Paso Canoas (PA PCS: an agency's own code), Peñas Blancas, Nicaragua,
-- Honduras, Guatemala and Tecún Umán into Chiapas, about four weeks in all;
-- a third go on to Tijuana or the US border, about a month more.  Some legs
-- come from interviews without dates, and some records miss a leg.
CREATE TEMP TABLE demo_stop_dates AS
SELECT p.person_id, p.nationality, s.k, s.place,
       CASE WHEN s.k = 0 THEN p.entered - s.days
            ELSE p.entered + (sum(CASE WHEN s.k >= 2 THEN s.days ELSE 0 END)
                              OVER (PARTITION BY p.person_id ORDER BY s.k))::int END AS day
FROM demo_people p,
     -- (stop, place, days: before entering the Darién for stop 0, after the
     -- previous stop from stop 2 on)
     LATERAL (VALUES (0, p.start, 3 + floor(random() * 7)::int),
                     (1, 'PA-5'::place, 0),
                     (2, 'PA PCS'::place, 1 + floor(random() * 4)::int),
                     (3, 'CR PBS'::place, 1 + floor(random() * 3)::int),
                     (4, 'NI'::place, 2 + floor(random() * 4)::int),
                     (5, 'HN'::place, 3 + floor(random() * 5)::int),
                     (6, 'GT'::place, 3 + floor(random() * 6)::int),
                     (7, 'GT CTU'::place, 4 + floor(random() * 6)::int),
                     (8, 'MX-CHP'::place, 1 + floor(random() * 3)::int),
                     (9, CASE WHEN p.onward < 0.2 THEN 'MX TIJ' ELSE 'US' END::place, 25 + floor(random() * 12)::int))
             AS s(k, place, days)
WHERE s.k < 9 OR p.onward < 0.33;

INSERT INTO journey_legs
SELECT person_id, nationality,
       route_segment(from_place, to_place,
                     CASE WHEN r < 0.005 THEN NULL ELSE departed END,
                     CASE WHEN r < 0.005 OR r > 0.985 THEN NULL ELSE arrived END)
FROM (SELECT a.person_id, a.nationality, a.place AS from_place, b.place AS to_place,
             a.day AS departed, b.day AS arrived, a.k, random() AS r
      FROM demo_stop_dates a
      JOIN demo_stop_dates b ON b.person_id = a.person_id AND b.k = a.k + 1) legs
WHERE arrived <= date '2021-08-31'                 -- not yet happened otherwise
  AND NOT (k = 4 AND person_id % 50 = 7);          -- a record missing a leg

-- Journeys as values: one per person.
CREATE TABLE journeys AS
SELECT person_id, nationality, route_agg(leg) AS r FROM journey_legs GROUP BY person_id, nationality;
CREATE INDEX journeys_r ON journeys USING gin (r);

ANALYZE case_events;
ANALYZE journey_legs;
ANALYZE journeys;
DROP TABLE demo_claims_plan;
RESET client_min_messages;
