SELECT CASE WHEN GROUPING(nationality) = 1 THEN 'all' ELSE nationality::text END AS nationality,
       count(decision_days(h)) AS decided,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY decision_days(h)) AS median_days,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY decision_days(h)) AS p90_days
FROM histories
WHERE decision_days(h) IS NOT NULL
GROUP BY ROLLUP (nationality)
HAVING count(*) >= 100 OR GROUPING(nationality) = 1
ORDER BY GROUPING(nationality), nationality;
