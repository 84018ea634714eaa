CREATE TEMP TABLE darien_chiapas AS
SELECT transit_profile(days_between(r, 'PA-5', 'MX-CHP')) AS p
FROM journeys
WHERE r @> 'PA-5' AND (SELECT arrived(s) FROM segments(r) s WHERE destination(s) = 'PA-5' LIMIT 1) <= '2021-06-30';
SELECT observations(p) AS journeys, median(p) AS median_days, quantile(p, 0.1) AS p10_days,
       quantile(p, 0.9) AS p90_days, share_within(p, 28) AS within_4_weeks
FROM darien_chiapas;
SELECT days / 7 * 7 AS "days (week from)", sum(n)::bigint AS journeys
FROM darien_chiapas, bins(p) GROUP BY 1 ORDER BY 1;
