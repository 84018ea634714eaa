-- entries into the Darién by day, every day from the first to the last
CREATE TEMP TABLE darien_entries AS
WITH n AS (SELECT arrived AS day, count(*) AS n FROM journey_legs
           WHERE destination = 'PA-5' AND arrived IS NOT NULL GROUP BY 1)
SELECT d::date AS day, coalesce(n.n, 0) AS n
FROM generate_series((SELECT min(day) FROM n), (SELECT max(day) FROM n), interval '1 day') d
LEFT JOIN n ON n.day = d::date;
-- the transit-time distribution of section 7: P(d days)
CREATE TEMP TABLE transit_p AS
SELECT days AS d, count(*)::float8 / (SELECT count(days) FROM darien_chiapas)::float8 AS p
FROM darien_chiapas WHERE days IS NOT NULL GROUP BY days;
-- the convolution: each entry arrives after d days with probability P(d),
-- independently: mean and variance of a sum of Bernoulli trials (summed in
-- the order of d), an 80% interval of mean -/+ 1.2816 sd floored at 0, every
-- day from the first entry to 60 days past the last
CREATE TEMP TABLE chiapas_forecast AS
WITH conv AS (SELECT e.day + p.d AS day,
                     sum(e.n * p.p ORDER BY p.d) AS expected,
                     sum(e.n * p.p * (1 - p.p) ORDER BY p.d) AS var
              FROM darien_entries e, transit_p p
              WHERE e.n > 0
              GROUP BY 1),
     f AS (SELECT t::date AS day, coalesce(c.expected, 0) AS expected, coalesce(c.var, 0) AS var
           FROM generate_series((SELECT min(day) FROM darien_entries), (SELECT max(day) + 60 FROM darien_entries), interval '1 day') t
           LEFT JOIN conv c ON c.day = t::date)
SELECT f.day, f.expected, greatest(0, f.expected - 1.2815515655446004 * sqrt(f.var)) AS low,
       f.expected + 1.2815515655446004 * sqrt(f.var) AS high,
       CASE WHEN f.day <= '2021-08-31' THEN coalesce(o.n, 0) END AS observed
FROM f
LEFT JOIN (SELECT arrived AS day, count(*) AS n FROM journey_legs
           WHERE destination = 'MX-CHP' AND arrived IS NOT NULL GROUP BY 1) o USING (day);
SELECT (SELECT sum(n) FROM darien_entries) AS entered_darien,
       (SELECT avg(n) FROM darien_entries WHERE day >= '2021-07-01') AS per_day_since_july;
SELECT day, expected, low, high, observed FROM chiapas_forecast ORDER BY day;
