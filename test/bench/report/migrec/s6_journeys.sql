SELECT CASE WHEN GROUPING(nationality) = 1 THEN 'all' ELSE nationality::text END AS nationality,
       count(*) AS through_darien,
       count(*) FILTER (WHERE r @> 'MX-CHP') AS reached_chiapas,
       count(*) FILTER (WHERE r && '{MX TIJ,US}'::place[]) AS reached_north,
       count(*) FILTER (WHERE NOT is_continuous(r)) AS with_gaps
FROM journeys
WHERE r @> 'PA-5'
GROUP BY ROLLUP (nationality)
ORDER BY count(*) DESC, nationality
LIMIT 7;

SELECT count(*) FILTER (WHERE nationality = 'HTI') AS haitians_jan_jul,
       count(*) FILTER (WHERE nationality = 'CUB') AS cubans_jan_jul
FROM journey_legs
WHERE destination(leg) = 'PA-5' AND arrived(leg) BETWEEN '2021-01-01' AND '2021-07-31';
