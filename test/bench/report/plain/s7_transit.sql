-- each journey's stops (the first origin on its departure date, then each
-- destination on its arrival date): days from the first stop within the
-- Darién to the first later stop within Chiapas (NULL if a date is unknown),
-- found in each journey's own arrays; "within" from the places' keys
CREATE TEMP TABLE darien_chiapas AS
WITH within AS (SELECT array_agg(code) FILTER (WHERE 'PA-5' = ANY (keys)) AS darien,
                       array_agg(code) FILTER (WHERE 'MX-CHP' = ANY (keys)) AS chiapas
                FROM places)
SELECT s.days[b.k] - s.days[a.k] AS days
FROM within w, journeys j,
     LATERAL (SELECT j.origins[1:1] || j.destinations AS stops, j.departed[1:1] || j.arrived AS days) s,
     LATERAL (SELECT min(k) AS k FROM generate_subscripts(s.stops, 1) k WHERE s.stops[k] = ANY (w.darien)) a,
     LATERAL (SELECT min(k) AS k FROM generate_subscripts(s.stops, 1) k WHERE k > a.k AND s.stops[k] = ANY (w.chiapas)) b
WHERE j.places @> '{PA-5}'
  AND j.arrived[array_position(j.destinations, 'PA-5')] <= '2021-06-30'
  AND b.k IS NOT NULL;
SELECT count(days) AS journeys,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY days)::float8 AS median_days,
       percentile_disc(0.1) WITHIN GROUP (ORDER BY days)::float8 AS p10_days,
       percentile_disc(0.9) WITHIN GROUP (ORDER BY days)::float8 AS p90_days,
       (count(*) FILTER (WHERE days <= 28))::float8 / count(days) AS within_4_weeks
FROM darien_chiapas WHERE days IS NOT NULL;
SELECT days / 7 * 7 AS "days (week from)", count(*) AS journeys
FROM darien_chiapas WHERE days IS NOT NULL GROUP BY 1 ORDER BY 1;
