-- each journey's stops (the first origin on its departure date, then each
-- destination on its arrival date): days from the first stop within the
-- Darién to the first later stop within Chiapas (NULL if a date is unknown)
CREATE TEMP TABLE darien_chiapas AS
WITH stops AS (
	SELECT j.person_id, s.k, s.day, p.keys
	FROM journeys j,
	     unnest(j.origins[1:1] || j.destinations, j.departed[1:1] || j.arrived) WITH ORDINALITY s(place, day, k),
	     places p
	WHERE j.places @> '{PA-5}'
	  AND j.arrived[array_position(j.destinations, 'PA-5')] <= '2021-06-30'
	  AND p.code = s.place),
a AS (SELECT DISTINCT ON (person_id) person_id, k, day FROM stops WHERE 'PA-5' = ANY (keys) ORDER BY person_id, k)
SELECT DISTINCT ON (s.person_id) s.day - a.day AS days
FROM a JOIN stops s ON s.person_id = a.person_id AND s.k > a.k
WHERE 'MX-CHP' = ANY (s.keys)
ORDER BY s.person_id, s.k;
SELECT count(days) AS journeys,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY days)::float8 AS median_days,
       percentile_disc(0.1) WITHIN GROUP (ORDER BY days)::float8 AS p10_days,
       percentile_disc(0.9) WITHIN GROUP (ORDER BY days)::float8 AS p90_days,
       (count(*) FILTER (WHERE days <= 28))::float8 / count(days) AS within_4_weeks
FROM darien_chiapas WHERE days IS NOT NULL;
SELECT days / 7 * 7 AS "days (week from)", count(*) AS journeys
FROM darien_chiapas WHERE days IS NOT NULL GROUP BY 1 ORDER BY 1;
