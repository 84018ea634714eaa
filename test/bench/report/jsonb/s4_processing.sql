-- calendar days (UTC) from the first claim to the first substantive decision after it
WITH decided AS (
	SELECT c.doc->>'nationality' AS nationality,
	       ((d.at AT TIME ZONE 'UTC')::date - (cl.at AT TIME ZONE 'UTC')::date) AS days
	FROM cases c
	CROSS JOIN LATERAL (SELECT e.k, (e.ev->>'at')::timestamptz AS at
	                    FROM jsonb_array_elements(c.doc->'events') WITH ORDINALITY e(ev, k)
	                    WHERE e.ev->>'status' = 'claim_lodged' ORDER BY e.k LIMIT 1) cl
	CROSS JOIN LATERAL (SELECT (e.ev->>'at')::timestamptz AS at
	                    FROM jsonb_array_elements(c.doc->'events') WITH ORDINALITY e(ev, k)
	                    WHERE e.k >= cl.k AND e.ev->>'status' IN ('recognized_refugee', 'recognized_cartagena',
	                                                              'complementary_protection', 'rejected', 'rejected_final')
	                    ORDER BY e.k LIMIT 1) d
	WHERE c.doc @> '{"events": [{"status": "claim_lodged"}]}')
SELECT CASE WHEN GROUPING(nationality) = 1 THEN 'all' ELSE nationality END AS nationality,
       count(days) AS decided,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median_days,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS p90_days
FROM decided
GROUP BY ROLLUP (nationality)
HAVING count(*) >= 100 OR GROUPING(nationality) = 1
ORDER BY GROUPING(nationality), nationality;
