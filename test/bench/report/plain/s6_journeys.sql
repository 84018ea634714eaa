SELECT CASE WHEN GROUPING(nationality) = 1 THEN 'all' ELSE nationality END AS nationality,
       count(*) AS through_darien,
       count(*) FILTER (WHERE places @> '{MX-CHP}') AS reached_chiapas,
       count(*) FILTER (WHERE places && '{MX TIJ,US}') AS reached_north,
       count(*) FILTER (WHERE EXISTS (SELECT FROM generate_subscripts(origins, 1) k
                                      WHERE k > 1 AND origins[k] <> destinations[k - 1])) AS with_gaps
FROM journeys
WHERE places @> '{PA-5}'
GROUP BY ROLLUP (nationality)
ORDER BY count(*) DESC, nationality
LIMIT 7;

SELECT count(*) FILTER (WHERE nationality = 'HTI') AS haitians_jan_jul,
       count(*) FILTER (WHERE nationality = 'CUB') AS cubans_jan_jul
FROM journey_legs
WHERE destination = 'PA-5' AND arrived BETWEEN '2021-01-01' AND '2021-07-31';
