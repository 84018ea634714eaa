-- report.sql: the protection-pipeline report of the demo.  Every query here
-- runs on the tables of examples/demo_data.sql as an agency would keep them
-- (case_events, journey_legs, journeys, claimants, border_encounters); copy
-- any of them.  Counts shown to
-- others go through sdc_round() (Eurostat's base 5); rates come from the
-- unrounded counts.  Every ORDER BY is a total order (ties broken by
-- nationality or status), so the same data print the same report whatever
-- plan the server picks.

\pset footer off
\set ECHO none
\set QUIET on

\echo
\echo '== 1. Claims lodged in Mexico, January-July 2021, by nationality (rounded to 5)'
SELECT nationality, country_name(nationality, 'es') AS nacionalidad,
       sdc_round(count(*)) AS claims,
       round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS "share %",
       sdc_round(count(*) FILTER (WHERE office <@ 'MX-CHP')) AS in_chiapas
FROM (SELECT DISTINCT ON (case_id) case_id, nationality, office
      FROM case_events
      WHERE status = 'claim_lodged' AND at >= '2021-01-01 00:00-06' AND at < '2021-08-01 00:00-06'
      ORDER BY case_id, at) claims
GROUP BY nationality
ORDER BY count(*) DESC, nationality
LIMIT 8;

SELECT sdc_round(count(*)) AS all_claims,
       sdc_round(count(*) FILTER (WHERE office <@ 'MX-CHP')) AS in_chiapas,
       round(100.0 * count(*) FILTER (WHERE office <@ 'MX-CHP') / count(*), 1) AS "chiapas %"
FROM (SELECT DISTINCT ON (case_id) case_id, office FROM case_events
      WHERE status = 'claim_lodged' ORDER BY case_id, at) claims;

-- Each case's timeline, built once for the queries that follow.
CREATE TEMP TABLE histories AS
SELECT case_id, nationality, protection_history(status, at) AS h
FROM case_events
GROUP BY case_id, nationality;

\echo
\echo '== 2. First-instance decisions by nationality: UNHCR recognition rates (counts rounded to 5)'
SELECT nationality,
       sdc_round((c).recognized) AS recognized, sdc_round((c).complementary) AS complementary,
       sdc_round((c).rejected) AS rejected, sdc_round((c).otherwise_closed) AS otherwise_closed,
       round(recognition_rate(t)::numeric, 3) AS recognition_rate,
       round(total_recognition_rate(t)::numeric, 3) AS total_recognition_rate
FROM (SELECT nationality, decision_tally(first_outcome) AS t, decision_counts(first_outcome) AS c
      FROM (SELECT nationality,
                   (SELECT e.status FROM events(h) e WHERE decision_outcome(e.status) IS NOT NULL LIMIT 1) AS first_outcome
            FROM histories WHERE first_reached(h, 'claim_lodged') IS NOT NULL) cases
      GROUP BY nationality) s
ORDER BY (c).recognized + (c).complementary + (c).rejected + (c).otherwise_closed DESC, nationality
LIMIT 8;

\echo
\echo '== 3. Backlog: claims pending a first decision at each month end (rounded to 5)'
-- The month ends in Mexico City time, whatever the session's TimeZone,
-- computed once (MATERIALIZED: not again for every case).
WITH month_ends AS MATERIALIZED (
    SELECT g, (g AT TIME ZONE 'America/Mexico_City') - interval '1 second' AS d
    FROM generate_series(timestamp '2021-02-01', timestamp '2021-11-01', '1 month') AS g)
SELECT g::date - 1 AS month_end,
       sdc_round(count(*) FILTER (WHERE s IN ('claim_lodged', 'admitted', 'interviewed'))) AS pending_first_instance,
       sdc_round(count(*) FILTER (WHERE s = 'under_appeal')) AS pending_appeal
FROM month_ends m,
     histories,
     LATERAL (SELECT status_at(h, m.d) AS s) st
WHERE first_reached(h, 'claim_lodged') IS NOT NULL
GROUP BY g ORDER BY g;

\echo
\echo '== 4. Processing time: calendar days from claim to first decision'
SELECT CASE WHEN GROUPING(nationality) = 1 THEN 'all' ELSE nationality::text END AS nationality,
       sdc_round(count(decision_days(h))) AS decided,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY decision_days(h))::numeric, 1) AS median_days,
       round(percentile_cont(0.9) WITHIN GROUP (ORDER BY decision_days(h))::numeric, 1) AS p90_days
FROM histories
WHERE decision_days(h) IS NOT NULL
GROUP BY ROLLUP (nationality)
HAVING count(*) >= 100 OR GROUPING(nationality) = 1
ORDER BY GROUPING(nationality), nationality;

\echo
\echo '== 5. Case histories the procedure does not allow (data to check, not to drop)'
SELECT sdc_round(count(*)) AS cases, sdc_round(count(*) FILTER (WHERE NOT is_valid(h))) AS invalid
FROM histories;
SELECT from_status, to_status, sdc_round(count(*)) AS steps
FROM histories, invalid_steps(h)
GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT 5;

\echo
\echo '== 6. Journeys through the Darién (PA-5) and on to Chiapas (MX-CHP), by nationality (rounded to 5)'
SELECT CASE WHEN GROUPING(nationality) = 1 THEN 'all' ELSE nationality::text END AS nationality,
       sdc_round(count(*)) AS through_darien,
       sdc_round(count(*) FILTER (WHERE r @> 'MX-CHP')) AS reached_chiapas,
       sdc_round(count(*) FILTER (WHERE r && '{MX TIJ,US}'::place[])) AS reached_north,
       sdc_round(count(*) FILTER (WHERE NOT is_continuous(r))) AS with_gaps
FROM journeys
WHERE r @> 'PA-5'
GROUP BY ROLLUP (nationality)
ORDER BY count(*) DESC, nationality
LIMIT 7;

SELECT sdc_round(count(*) FILTER (WHERE nationality = 'HTI')) AS haitians_jan_jul,
       sdc_round(count(*) FILTER (WHERE nationality = 'CUB')) AS cubans_jan_jul
FROM journey_legs
WHERE destination(leg) = 'PA-5' AND arrived(leg) BETWEEN '2021-01-01' AND '2021-07-31';

\echo
\echo '== 7. Transit times from the Darién to Chiapas (journeys entering Panama by June 30)'
CREATE TEMP TABLE darien_chiapas AS
SELECT transit_profile(days_between(r, 'PA-5', 'MX-CHP')) AS p
FROM journeys
WHERE r @> 'PA-5' AND (SELECT arrived(s) FROM segments(r) s WHERE destination(s) = 'PA-5' LIMIT 1) <= '2021-06-30';
SELECT sdc_round(observations(p)) AS journeys, median(p) AS median_days, quantile(p, 0.1) AS p10_days,
       quantile(p, 0.9) AS p90_days, round(share_within(p, 28)::numeric, 3) AS within_4_weeks
FROM darien_chiapas;
SELECT days / 7 * 7 AS "days (week from)", sdc_round(sum(n)::bigint) AS journeys
FROM darien_chiapas, bins(p) GROUP BY 1 ORDER BY 1;

\echo
\echo '== 8. Arrivals in Chiapas: forecast from entries into the Darién, next to what the data shows'
-- entries into Panama by day (the upstream series), and arrivals in Chiapas
CREATE TEMP TABLE darien_entries AS
SELECT flow_series(day, n) AS f
FROM (SELECT arrived(leg) AS day, count(*) AS n FROM journey_legs
      WHERE destination(leg) = 'PA-5' AND arrived(leg) IS NOT NULL GROUP BY 1) entries;
CREATE TEMP TABLE chiapas_forecast AS
SELECT f.day, f.expected, f.low, f.high,
       CASE WHEN f.day <= '2021-08-31' THEN coalesce(o.n, 0) END AS observed  -- no data after the extraction date
FROM darien_entries, darien_chiapas, forecast_arrivals(darien_entries.f, darien_chiapas.p, 60) f
LEFT JOIN (SELECT arrived(leg) AS day, count(*) AS n FROM journey_legs
           WHERE destination(leg) = 'MX-CHP' AND arrived(leg) IS NOT NULL GROUP BY 1) o USING (day);
SELECT (SELECT sdc_round(total(f)) FROM darien_entries) AS entered_darien,
       (SELECT round(avg(n)) FROM darien_entries, days(f) WHERE day >= '2021-07-01') AS per_day_since_july;
SELECT min(day) AS week_from,
       sdc_round(sum(observed)::bigint) AS observed,
       sdc_round(round(sum(expected))::bigint) AS expected,
       sdc_round(round(sum(low))::bigint) AS "sum of daily lows",
       sdc_round(round(sum(high))::bigint) AS "sum of daily highs",
       CASE WHEN min(day) > '2021-08-31' THEN 'forecast' ELSE 'observed period' END AS period
FROM chiapas_forecast
-- weeks that end on the extraction date, 2021-08-31
WHERE day >= '2021-07-07'
GROUP BY (day - date '2021-07-07') / 7
ORDER BY 1;

\echo
\echo 'Next 14 days in Chiapas, with the 80% interval (each entry arrives independently after a transit time drawn from section 7):'
SELECT day, round(expected::numeric, 1) AS expected, round(low::numeric, 1) AS low, round(high::numeric, 1) AS high
FROM chiapas_forecast WHERE day > '2021-08-31' ORDER BY day LIMIT 14;

-- The people behind the claims and the encounters (claimants, border_encounters).
-- Each table below is one demography drawn by demography_table(); every row,
-- totals included, is rounded on its own (sdc_round), as the publishers do.
CREATE TEMP TABLE claims_people AS
SELECT c.case_id, c.sex, c.birth_date, c.accompaniment, l.lodged
FROM claimants c
JOIN (SELECT case_id, (min(at) AT TIME ZONE 'America/Mexico_City')::date AS lodged
      FROM case_events WHERE status = 'claim_lodged' GROUP BY case_id) l USING (case_id);

\echo
\echo '== 9. Claimants by sex and age at the claim, UNHCR''s demographic table (each cell and total rounded to 5)'
SELECT "position" AS "#", label, sex AS code_sex, age AS code_age, sdc_round(count) AS claimants
FROM (SELECT demography(sex, age_band(birth_date, lodged, 'unhcr'), accompaniment) AS d FROM claims_people) c,
     demography_table(c.d, 'unhcr')
ORDER BY "position";
SELECT round(100.0 * demography_count(d, 'F') / demography_count(d), 1) AS "women and girls %",
       round(100.0 * demography_count(d, age => 'child:0-17') / (demography_count(d) - demography_count(d, age => 'child:unknown')), 1)
         AS "children % (of known age)"
FROM (SELECT demography(sex, age_band(birth_date, lodged, 'child'), accompaniment) AS d FROM claims_people) c;

\echo
\echo '== 10. Children among claimants by accompaniment (UNHCR/UNICEF categories; rounded to 5)'
SELECT label, sdc_round(count) AS children
FROM (SELECT demography(sex, age_band(birth_date, lodged, 'child'), accompaniment) AS d FROM claims_people) c,
     demography_table(c.d, 'children')
ORDER BY "position";

\echo
\echo '== 11. US border encounters by legal authority and fiscal year (a 1% sample; FY2022: October only; rounded to 10, the DHS rule)'
SELECT us_fiscal_year(on_date) AS fiscal_year, encounter_authority(kind) AS authority, encounter_component(kind) AS component,
       encounter_type(kind) AS encounter_type, sdc_round(count(*), 10) AS encounters,
       round(100.0 * count(*) / sum(count(*)) OVER (PARTITION BY us_fiscal_year(on_date)), 1) AS "share %"
FROM border_encounters
WHERE encounter_authority(kind) IN ('Title 8', 'Title 42')
GROUP BY 1, kind
ORDER BY 1, kind;
SELECT label AS "FY2021 demographic group (CBP)", sdc_round(count, 10) AS encounters
FROM (SELECT demography(sex, age_band(birth_date, on_date, 'child'), accompaniment) AS d
      FROM border_encounters WHERE on_date <@ us_fiscal_year_dates(2021) AND encounter_authority(kind) IN ('Title 8', 'Title 42')) e,
     demography_table(e.d, 'cbp')
ORDER BY "position";

\echo
\echo '== 12. Unique individuals and repeat encounters, US, by fiscal year (rounded to 10; rates from unrounded counts)'
SELECT fy AS fiscal_year, sdc_round(encounter_count(t), 10) AS encounters, sdc_round(unique_individuals(t), 10) AS individuals,
       sdc_round(repeat_individuals(t), 10) AS encountered_more_than_once,
       round(100 * repeat_rate(t)::numeric, 1) AS "repeat rate %", round(mean_encounters(t)::numeric, 2) AS per_individual
FROM (SELECT fy, repeat_tally(n) AS t
      FROM (SELECT us_fiscal_year(on_date) AS fy, person_key, count(*) AS n
            FROM border_encounters WHERE encounter_authority(kind) IN ('Title 8', 'Title 42') GROUP BY 1, 2) per_person
      GROUP BY fy) f
ORDER BY fy;

\echo
\echo '== 13. Mexico: events of foreigners presented or channelled, 2021, by age group and travel condition (UPM''s table, all sexes; rounded to 5)'
SELECT label, age, "group", sdc_round(count) AS events
FROM (SELECT demography(sex, age_band(birth_date, on_date, 'upm'), accompaniment) AS d
      FROM border_encounters WHERE encounter_authority(kind) = 'Ley de Migración') m,
     demography_table(m.d, 'upm')
WHERE sex = 'Total'
ORDER BY "position";
SELECT encounter_type(kind) AS series, sdc_round(count(*)) AS events FROM border_encounters
WHERE encounter_authority(kind) = 'Ley de Migración' GROUP BY kind ORDER BY kind;
