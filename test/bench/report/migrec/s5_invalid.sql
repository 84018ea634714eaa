SELECT count(*) AS cases, count(*) FILTER (WHERE NOT is_valid(h)) AS invalid
FROM histories;
SELECT from_status, to_status, count(*) AS steps
FROM histories, invalid_steps(h)
GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT 5;
