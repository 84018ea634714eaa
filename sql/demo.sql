-- demo: the demo's dataset at 2% scale, the report's queries on it, and the
-- report's figures checked against the same figures computed in plain SQL
-- from the raw rows, without the extension's functions.
\set scale 0.02
\set ECHO none
\i examples/demo_data.sql
\i examples/report.sql
\set ECHO all
\pset footer on

-- the report ran: its last table holds the forecast
SELECT count(*) AS forecast_days, min(day), max(day) FROM chiapas_forecast;

-- 1. claims per nationality are the plan's counts times the scale
SELECT n.nationality, count(DISTINCT e.case_id) AS claims, n.planned
FROM (VALUES ('HND', 26557), ('HTI', 13255), ('CUB', 6446), ('VEN', 4800), ('XXA', 20)) AS p(nat, claims),
     LATERAL (SELECT p.nat::nationality AS nationality, greatest(1, round(p.claims * 0.02))::int AS planned) n
LEFT JOIN case_events e ON e.nationality = n.nationality AND e.status = 'claim_lodged'
GROUP BY n.nationality, n.planned ORDER BY n.nationality;

-- 2. first-instance recognition rates: the aggregate and the UNHCR formula
--    over the first decision-or-closure event of each case, in plain SQL
WITH first_outcome AS (
	SELECT DISTINCT ON (case_id) case_id, nationality, status::text AS s
	FROM case_events
	WHERE status::text IN ('recognized_refugee', 'recognized_cartagena', 'complementary_protection', 'rejected',
	                       'rejected_final', 'inadmissible', 'withdrawn', 'abandoned')
	  AND case_id < 1000000
	ORDER BY case_id, at
), by_hand AS (
	SELECT nationality,
	       count(*) FILTER (WHERE s LIKE 'recognized%')::float8 /
	       nullif(count(*) FILTER (WHERE s LIKE 'recognized%' OR s IN ('complementary_protection', 'rejected', 'rejected_final')), 0) AS rate
	FROM first_outcome GROUP BY nationality
), ours AS (
	SELECT nationality,
	       recognition_rate((SELECT e.status FROM events(h) e WHERE decision_outcome(e.status) IS NOT NULL LIMIT 1)) AS rate
	FROM histories WHERE case_id < 1000000 GROUP BY nationality
)
SELECT count(*) AS nationalities, count(*) FILTER (WHERE o.rate IS NOT DISTINCT FROM b.rate) AS equal
FROM ours o FULL JOIN by_hand b USING (nationality);

-- 3. backlog on 2021-06-30: each case's latest event by then, in plain SQL
SELECT (SELECT count(*) FROM histories
        WHERE case_id < 1000000 AND status_at(h, '2021-06-30 23:59:59-06') IN ('claim_lodged', 'admitted', 'interviewed')) AS ours,
       (SELECT count(*) FROM (SELECT DISTINCT ON (case_id) case_id, status::text AS s FROM case_events
                              WHERE case_id < 1000000 AND at <= '2021-06-30 23:59:59-06' ORDER BY case_id, at DESC) l
        WHERE s IN ('claim_lodged', 'admitted', 'interviewed')) AS by_hand;

-- 4. median days from claim to first decision (UTC calendar days)
SELECT (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY decision_days(h)) FROM histories) AS ours,
       (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY (d.at AT TIME ZONE 'UTC')::date - (c.at AT TIME ZONE 'UTC')::date)
        FROM (SELECT DISTINCT ON (case_id) case_id, at FROM case_events WHERE status = 'claim_lodged' ORDER BY case_id, at) c
        JOIN LATERAL (SELECT at FROM case_events e WHERE e.case_id = c.case_id AND e.at >= c.at
                      AND e.status::text IN ('recognized_refugee', 'recognized_cartagena', 'complementary_protection', 'rejected', 'rejected_final')
                      ORDER BY at LIMIT 1) d ON true) AS by_hand;

-- 5. invalid histories: consecutive events that the transition table lacks
SELECT (SELECT count(*) FROM histories WHERE NOT is_valid(h)) AS ours,
       (SELECT count(DISTINCT case_id) FROM (
          SELECT case_id, lag(status) OVER (PARTITION BY case_id ORDER BY at) AS prev, status FROM case_events) s
        WHERE prev IS NOT NULL
          AND (prev, status) NOT IN (SELECT from_status, to_status FROM protection_transitions())) AS by_hand;

-- 6. the transit profile against percentile_disc over days computed from the legs
WITH stops AS (
	SELECT person_id,
	       min(arrived(leg)) FILTER (WHERE destination(leg) = 'PA-5') AS darien,
	       min(arrived(leg)) FILTER (WHERE destination(leg) = 'MX-CHP') AS chiapas
	FROM journey_legs GROUP BY person_id
)
SELECT (SELECT median(p) FROM darien_chiapas) AS ours_median,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY chiapas - darien) AS by_hand_median,
       (SELECT quantile(p, 0.9) FROM darien_chiapas) AS ours_p90,
       percentile_disc(0.9) WITHIN GROUP (ORDER BY chiapas - darien) AS by_hand_p90
FROM stops WHERE darien <= '2021-06-30' AND chiapas IS NOT NULL;

-- 7. the forecast for 2021-09-10, against the convolution in plain SQL
WITH entries AS (
	SELECT arrived(leg) AS day, count(*) AS n FROM journey_legs WHERE destination(leg) = 'PA-5' AND arrived(leg) IS NOT NULL GROUP BY 1
), profile AS (
	SELECT days, n::float8 / sum(n) OVER () AS p FROM darien_chiapas, bins(p)
)
SELECT round((SELECT expected FROM chiapas_forecast WHERE day = '2021-09-10')::numeric, 9) AS ours,
       round(sum(e.n * pr.p)::numeric, 9) AS by_hand
FROM entries e JOIN profile pr ON e.day + pr.days = date '2021-09-10';

-- 8. journeys through the Darién, with the GIN index and without it
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM journeys WHERE r @> 'PA-5';
SELECT count(*) AS with_index FROM journeys WHERE r @> 'PA-5' AND r @> 'MX-CHP';
RESET enable_seqscan;
SET enable_bitmapscan = off;
SELECT count(*) AS seqscan FROM journeys WHERE r @> 'PA-5' AND r @> 'MX-CHP';
SELECT count(*) AS by_hand FROM (SELECT person_id FROM journey_legs GROUP BY person_id
  HAVING bool_or(destination(leg) = 'PA-5' OR origin(leg) = 'PA-5') AND bool_or(destination(leg) = 'MX-CHP' OR origin(leg) = 'MX-CHP')) s;
RESET enable_bitmapscan;

-- 9. UNHCR's demographic table of claimants, against plain SQL: exact ages
--    by core's age(), each cell and the totals counted from the rows
WITH plain AS (
	SELECT s.code AS sex, a.code AS age,
	       count(p.case_id) FILTER (WHERE (s.code = 'f' AND p.sex::text = 'F') OR (s.code = 'm' AND p.sex::text = 'M')
	                                   OR (s.code = 'other' AND p.sex::text NOT IN ('F', 'M')) OR s.code = '') AS n
	FROM (VALUES ('f'), ('m'), ('other'), ('')) s(code)
	CROSS JOIN (VALUES ('0_4', 0, 4), ('5_11', 5, 11), ('12_17', 12, 17), ('18_59', 18, 59), ('60', 60, 999),
	                   ('other', NULL, NULL), ('total', -1, 9999)) a(code, lo, hi)
	LEFT JOIN (SELECT *, date_part('year', age(lodged, birth_date)) AS years FROM claims_people) p
	       ON (a.code = 'other' AND p.years IS NULL) OR a.code = 'total' OR p.years BETWEEN a.lo AND a.hi
	GROUP BY 1, 2
)
SELECT count(*) AS cells, count(*) FILTER (WHERE t.count = p.n) AS equal
FROM (SELECT demography(sex, age_band(birth_date, lodged, 'unhcr'), accompaniment) AS d FROM claims_people) c,
     demography_table(c.d, 'unhcr') t
JOIN plain p ON p.sex = coalesce(t.sex, '') AND p.age = t.age;

-- 9b. Eurostat's table of the same claimants (not in the report: Eurostat
--     publishes the EU's claims), against plain SQL
WITH plain AS (
	SELECT s.code AS sex, a.code AS age, count(p.case_id) AS n
	FROM (VALUES ('T'), ('F'), ('M'), ('UNK')) s(code)
	CROSS JOIN (VALUES ('TOTAL', -1, 9999), ('Y_LT14', 0, 13), ('Y14-17', 14, 17), ('Y_LT18', 0, 17), ('Y18-34', 18, 34),
	                   ('Y35-64', 35, 64), ('Y_GE65', 65, 9999), ('UNK', NULL, NULL)) a(code, lo, hi)
	LEFT JOIN (SELECT *, date_part('year', age(lodged, birth_date)) AS years FROM claims_people) p
	       ON (s.code = 'T' OR s.code = CASE WHEN p.sex::text IN ('F', 'M') THEN p.sex::text ELSE 'UNK' END)
	      AND ((a.code = 'UNK' AND p.years IS NULL) OR a.code = 'TOTAL' OR p.years BETWEEN a.lo AND a.hi)
	GROUP BY 1, 2
)
SELECT count(*) AS cells, count(*) FILTER (WHERE t.count = p.n) AS equal
FROM (SELECT demography(sex, age_band(birth_date, lodged, 'eurostat'), accompaniment) AS d FROM claims_people) c,
     demography_table(c.d, 'eurostat') t
JOIN plain p USING (sex, age);

-- 10. children by accompaniment, against plain SQL
SELECT (SELECT array_agg(count ORDER BY "position")
        FROM (SELECT demography(sex, age_band(birth_date, lodged, 'child'), accompaniment) AS d FROM claims_people) c,
             demography_table(c.d, 'children')) AS ours,
       (SELECT ARRAY[count(*) FILTER (WHERE accompaniment::text = 'with_parent'),
                     count(*) FILTER (WHERE accompaniment::text IN ('with_relative', 'with_caregiver')),
                     count(*) FILTER (WHERE accompaniment::text = 'alone'),
                     count(*) FILTER (WHERE accompaniment::text IN ('unknown', 'with_child')), count(*)]
        FROM claims_people WHERE date_part('year', age(lodged, birth_date)) < 18) AS by_hand;

-- 11. encounters by authority and fiscal year, and CBP's groups, against plain SQL
SELECT count(*) AS cells, count(*) FILTER (WHERE o.n = b.n) AS equal FROM
  (SELECT us_fiscal_year(on_date) AS fy, kind::text AS k, count(*) AS n FROM border_encounters
   WHERE encounter_authority(kind) IN ('Title 8', 'Title 42') GROUP BY 1, 2) o
  FULL JOIN
  (SELECT extract(year FROM on_date + interval '3 months')::int AS fy, kind::text AS k, count(*) AS n FROM border_encounters
   WHERE kind::text LIKE 'us\_%' GROUP BY 1, 2) b USING (fy, k);
SELECT (SELECT array_agg(count ORDER BY "position")
        FROM (SELECT demography(sex, age_band(birth_date, on_date, 'child'), accompaniment) AS d FROM border_encounters
              WHERE on_date <@ us_fiscal_year_dates(2021) AND encounter_authority(kind) IN ('Title 8', 'Title 42')) e,
             demography_table(e.d, 'cbp')) AS ours,
       (SELECT ARRAY[count(*) FILTER (WHERE years >= 18 AND a NOT IN ('with_child', 'unknown')),
                     count(*) FILTER (WHERE a = 'with_child' OR (years < 18 AND a = 'with_parent')),
                     count(*) FILTER (WHERE years < 18 AND a IN ('alone', 'with_relative', 'with_caregiver')),
                     count(*) FILTER (WHERE a <> 'with_child' AND (years IS NULL OR a = 'unknown')), count(*)]
        FROM (SELECT date_part('year', age(on_date, birth_date)) AS years, accompaniment::text AS a FROM border_encounters
              WHERE kind::text LIKE 'us\_%' AND on_date BETWEEN '2020-10-01' AND '2021-09-30') e) AS by_hand;

-- 12. unique individuals and repeat encounters by fiscal year, against plain SQL
SELECT fy, unique_individuals(t) = b.individuals AS individuals_equal, repeat_individuals(t) = b.repeaters AS repeaters_equal,
       encounter_count(t) = b.encounters AS encounters_equal
FROM (SELECT fy, repeat_tally(n) AS t FROM (SELECT us_fiscal_year(on_date) AS fy, person_key, count(*) AS n FROM border_encounters
      WHERE encounter_authority(kind) IN ('Title 8', 'Title 42') GROUP BY 1, 2) p GROUP BY fy) o
JOIN (SELECT fy, count(*) AS individuals, count(*) FILTER (WHERE n > 1) AS repeaters, sum(n) AS encounters
      FROM (SELECT extract(year FROM on_date + interval '3 months')::int AS fy, person_key, count(*) AS n FROM border_encounters
            WHERE kind::text LIKE 'us\_%' GROUP BY 1, 2) p GROUP BY fy) b USING (fy)
ORDER BY fy;

-- 13. UPM's table of Mexico's encounters, against plain SQL (every sex)
WITH e AS (
	SELECT date_part('year', age(on_date, birth_date)) AS years, accompaniment::text AS a,
	       CASE sex::text WHEN 'M' THEN 'Hombres' WHEN 'F' THEN 'Mujeres' ELSE 'No especificado' END AS s
	FROM border_encounters WHERE kind::text LIKE 'mx\_%'
), plain AS (
	SELECT x.sex, g.age, g.grp,
	       count(*) FILTER (WHERE (x.sex = 'Total' OR x.sex = e.s)
	                          AND (g.age = 'total' OR (g.age = 'unknown' AND e.years IS NULL) OR e.years BETWEEN g.lo AND g.hi)
	                          AND (g.grp IS NULL OR g.grp = CASE WHEN e.a IN ('with_parent', 'with_relative') THEN 'acompañados'
	                                                             WHEN e.a IN ('alone', 'with_caregiver') THEN 'no acompañados'
	                                                             ELSE 'sin dato' END)) AS n
	FROM (VALUES ('Total'), ('Hombres'), ('Mujeres'), ('No especificado')) x(sex)
	CROSS JOIN (VALUES ('0-11', 'acompañados', 0, 11), ('0-11', 'no acompañados', 0, 11), ('0-11', 'sin dato', 0, 11),
	                   ('12-17', 'acompañados', 12, 17), ('12-17', 'no acompañados', 12, 17), ('12-17', 'sin dato', 12, 17),
	                   ('0-17', NULL, 0, 17), ('18+', NULL, 18, 9999), ('unknown', NULL, NULL, NULL),
	                   ('total', NULL, NULL, NULL)) g(age, grp, lo, hi)
	CROSS JOIN e
	GROUP BY 1, 2, 3
)
SELECT count(*) AS cells, count(*) FILTER (WHERE t.count = p.n) AS equal
FROM (SELECT demography(sex, age_band(birth_date, on_date, 'upm'), accompaniment) AS d FROM border_encounters
      WHERE encounter_authority(kind) = 'Ley de Migración') m,
     demography_table(m.d, 'upm') t
JOIN plain p ON p.sex = t.sex AND p.age = t.age AND p.grp IS NOT DISTINCT FROM t."group";

-- every encounter row passed its table's check: no Title 42 expulsion outside 2020-03-20..2023-05-11
SELECT count(*) AS encounters, count(*) FILTER (WHERE encounter_valid_on(kind, on_date)) AS lawful FROM border_encounters;
DROP TABLE case_events, journey_legs, journeys, claimants, border_encounters;
