CREATE TEMP TABLE darien_entries AS
SELECT flow_series(day, n) AS f
FROM (SELECT arrived(leg) AS day, count(*) AS n FROM journey_legs
      WHERE destination(leg) = 'PA-5' AND arrived(leg) IS NOT NULL GROUP BY 1) entries;
CREATE TEMP TABLE chiapas_forecast AS
SELECT f.day, f.expected, f.low, f.high,
       CASE WHEN f.day <= '2021-08-31' THEN coalesce(o.n, 0) END AS observed
FROM darien_entries, darien_chiapas, forecast_arrivals(darien_entries.f, darien_chiapas.p, 60) f
LEFT JOIN (SELECT arrived(leg) AS day, count(*) AS n FROM journey_legs
           WHERE destination(leg) = 'MX-CHP' AND arrived(leg) IS NOT NULL GROUP BY 1) o USING (day);
SELECT (SELECT total(f) FROM darien_entries) AS entered_darien,
       (SELECT avg(n) FROM darien_entries, days(f) WHERE day >= '2021-07-01') AS per_day_since_july;
SELECT day, expected, low, high, observed FROM chiapas_forecast ORDER BY day;
