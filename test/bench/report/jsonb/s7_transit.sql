-- each journey's stops (the first origin on its departure date, then each
-- destination on its arrival date): days from the first stop within the
-- Darién to the first later stop within Chiapas (NULL if a date is unknown),
-- looked up in each journey's own legs; "within" from the places' keys
CREATE TEMP TABLE darien_chiapas AS
WITH within AS (SELECT array_agg(code) FILTER (WHERE 'PA-5' = ANY (keys)) AS darien,
                       array_agg(code) FILTER (WHERE 'MX-CHP' = ANY (keys)) AS chiapas
                FROM places),
j AS (
	SELECT j.doc->'legs' AS legs
	FROM journeys j
	WHERE j.doc @> '{"places": ["PA-5"]}'
	  AND (SELECT (l.leg->>'arrived')::date FROM jsonb_array_elements(j.doc->'legs') WITH ORDINALITY l(leg, k)
	       WHERE l.leg->>'to' = 'PA-5' ORDER BY l.k LIMIT 1) <= '2021-06-30')
SELECT b.day - a.day AS days
FROM within w, j,
     LATERAL (SELECT s.k, s.day
              FROM (SELECT 0::bigint, j.legs->0->>'from', (j.legs->0->>'departed')::date
                    UNION ALL
                    SELECT l.k, l.leg->>'to', (l.leg->>'arrived')::date
                    FROM jsonb_array_elements(j.legs) WITH ORDINALITY l(leg, k)) s(k, place, day)
              WHERE s.place = ANY (w.darien) ORDER BY s.k LIMIT 1) a,
     LATERAL (SELECT s.day
              FROM (SELECT l.k, l.leg->>'to', (l.leg->>'arrived')::date
                    FROM jsonb_array_elements(j.legs) WITH ORDINALITY l(leg, k)) s(k, place, day)
              WHERE s.k > a.k AND s.place = ANY (w.chiapas) ORDER BY s.k LIMIT 1) b;
SELECT count(days) AS journeys,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY days)::float8 AS median_days,
       percentile_disc(0.1) WITHIN GROUP (ORDER BY days)::float8 AS p10_days,
       percentile_disc(0.9) WITHIN GROUP (ORDER BY days)::float8 AS p90_days,
       (count(*) FILTER (WHERE days <= 28))::float8 / count(days) AS within_4_weeks
FROM darien_chiapas WHERE days IS NOT NULL;
SELECT days / 7 * 7 AS "days (week from)", count(*) AS journeys
FROM darien_chiapas WHERE days IS NOT NULL GROUP BY 1 ORDER BY 1;
