-- each journey's stops (the first origin on its departure date, then each
-- destination on its arrival date): days from the first stop within the
-- Darién to the first later stop within Chiapas (NULL if a date is unknown)
CREATE TEMP TABLE darien_chiapas AS
SELECT (WITH stops AS (SELECT s.k, s.day, p.keys
                       FROM (SELECT 0::bigint AS k, j.doc->'legs'->0->>'from' AS place, (j.doc->'legs'->0->>'departed')::date AS day
                             UNION ALL
                             SELECT l.k, l.leg->>'to', (l.leg->>'arrived')::date
                             FROM jsonb_array_elements(j.doc->'legs') WITH ORDINALITY l(leg, k)) s
                       JOIN places p ON p.code = s.place),
             a AS (SELECT k, day FROM stops WHERE 'PA-5' = ANY (keys) ORDER BY k LIMIT 1)
        SELECT b.day - a.day
        FROM a, LATERAL (SELECT day FROM stops WHERE stops.k > a.k AND 'MX-CHP' = ANY (keys) ORDER BY stops.k LIMIT 1) b) AS days
FROM journeys j
WHERE j.doc @> '{"places": ["PA-5"]}'
  AND (SELECT (l.leg->>'arrived')::date FROM jsonb_array_elements(j.doc->'legs') WITH ORDINALITY l(leg, k)
       WHERE l.leg->>'to' = 'PA-5' ORDER BY l.k LIMIT 1) <= '2021-06-30';
SELECT count(days) AS journeys,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY days)::float8 AS median_days,
       percentile_disc(0.1) WITHIN GROUP (ORDER BY days)::float8 AS p10_days,
       percentile_disc(0.9) WITHIN GROUP (ORDER BY days)::float8 AS p90_days,
       (count(*) FILTER (WHERE days <= 28))::float8 / count(days) AS within_4_weeks
FROM darien_chiapas WHERE days IS NOT NULL;
SELECT days / 7 * 7 AS "days (week from)", count(*) AS journeys
FROM darien_chiapas WHERE days IS NOT NULL GROUP BY 1 ORDER BY 1;
