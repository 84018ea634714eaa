-- calendar days (UTC) from the first claim to the first substantive decision after it
WITH decided AS (
	SELECT h.nationality,
	       (h.ats[d.k] AT TIME ZONE 'UTC')::date - (h.ats[c.k] AT TIME ZONE 'UTC')::date AS days
	FROM histories h
	CROSS JOIN LATERAL (SELECT array_position(h.statuses, 'claim_lodged') AS k) c
	CROSS JOIN LATERAL (SELECT min(u.k) AS k FROM unnest(h.statuses) WITH ORDINALITY u(st, k)
	                    WHERE u.k >= c.k AND u.st IN ('recognized_refugee', 'recognized_cartagena',
	                                                  'complementary_protection', 'rejected', 'rejected_final')) d
	WHERE c.k IS NOT NULL AND d.k IS NOT NULL)
SELECT CASE WHEN GROUPING(nationality) = 1 THEN 'all' ELSE nationality END AS nationality,
       count(days) AS decided,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median_days,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS p90_days
FROM decided
GROUP BY ROLLUP (nationality)
HAVING count(*) >= 100 OR GROUPING(nationality) = 1
ORDER BY GROUPING(nationality), nationality;
