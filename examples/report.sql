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
\echo '== 1. Claims lodged in Mexico, January-July 2021, by nationality, other countries last as COMAR prints them (rounded to 5)'
SELECT nationality, country_name(nationality, 'es') AS nacionalidad,
       sdc_round(count(*)) AS claims,
       round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS "share %",
       sdc_round(count(*) FILTER (WHERE office <@ 'MX-CHP')) AS in_chiapas
FROM (SELECT DISTINCT ON (case_id) case_id, nationality, office
      FROM case_events
      WHERE status = 'claim_lodged' AND at >= '2021-01-01 00:00-06' AND at < '2021-08-01 00:00-06'
      ORDER BY case_id, at) claims
GROUP BY nationality
ORDER BY nationality = 'ZZO', count(*) DESC, nationality;

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
CREATE TEMP TABLE chiapas_arrivals AS
SELECT flow_series(day, n) AS f
FROM (SELECT arrived(leg) AS day, count(*) AS n FROM journey_legs
      WHERE destination(leg) = 'MX-CHP' AND arrived(leg) IS NOT NULL GROUP BY 1) arrivals;
-- the forecast: the entries continued 60 days past the data (seen: people
-- already recorded in the Darién; unseen: people still to enter), the 80%
-- interval widened by the dispersion of the recorded arrivals (groups share
-- a journey) and the continuation's own uncertainty (docs/forecast.md)
CREATE TEMP TABLE chiapas_forecast AS
SELECT f.day, f.expected, f.low, f.high, f.seen, f.unseen,
       CASE WHEN f.day <= '2021-08-31' THEN coalesce(o.n, 0) END AS observed  -- no data after the extraction date
FROM darien_entries, darien_chiapas, chiapas_arrivals,
     forecast_arrivals(darien_entries.f, darien_chiapas.p, 60, 60, chiapas_arrivals.f) f
LEFT JOIN days((SELECT f FROM chiapas_arrivals)) o USING (day);
SELECT (SELECT sdc_round(total(f)) FROM darien_entries) AS entered_darien,
       (SELECT round(avg(n)) FROM darien_entries, days(f) WHERE day >= '2021-07-01') AS per_day_since_july;
SELECT min(day) AS week_from,
       sdc_round(sum(observed)::bigint) AS observed,
       sdc_round(round(sum(expected))::bigint) AS expected,
       sdc_round(round(sum(unseen))::bigint) AS "of them not yet seen",
       sdc_round(round(sum(low))::bigint) AS "sum of daily lows",
       sdc_round(round(sum(high))::bigint) AS "sum of daily highs",
       CASE WHEN min(day) > '2021-08-31' THEN 'forecast' ELSE 'observed period' END AS period
FROM chiapas_forecast
-- weeks that end on the extraction date, 2021-08-31
WHERE day >= '2021-07-07'
GROUP BY (day - date '2021-07-07') / 7
ORDER BY 1;

\echo
\echo 'Next 14 days in Chiapas, with the 80% interval (transit times from section 7; arrivals in groups: dispersion below):'
SELECT day, round(expected::numeric, 1) AS expected, round(low::numeric, 1) AS low, round(high::numeric, 1) AS high,
       round(seen::numeric, 1) AS seen, round(unseen::numeric, 1) AS not_yet_seen
FROM chiapas_forecast WHERE day > '2021-08-31' ORDER BY day LIMIT 14;
SELECT round(arrival_dispersion(e.f, a.f, p)::numeric, 2) AS "dispersion (1: independent arrivals)"
FROM darien_entries e, chiapas_arrivals a, darien_chiapas;


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
\echo
\echo '== 14. How good is that forecast: rolling-origin backtest, origins 2021-05-01 .. 2021-08-04, 1-28 days ahead'
\echo '   (80% intervals should cover 80% of the days; 0.1 = recorded entries only, independent arrivals)'
SELECT CASE WHEN horizon IS NULL THEN 'all' ELSE lpad(((horizon - 1) / 7 * 7 + 1)::text, 2) || '-' || ((horizon - 1) / 7 * 7 + 7) END AS days_ahead,
       round((sum(coverage * days) / sum(days))::numeric, 2) AS coverage,
       round((sum(coverage_01 * days) / sum(days))::numeric, 2) AS "coverage 0.1",
       round((sum(mae * days) / sum(days))::numeric, 1) AS mae,
       round((sum(mae_01 * days) / sum(days))::numeric, 1) AS "mae 0.1",
       round((sum(bias * days) / sum(days))::numeric, 1) AS bias
FROM darien_entries e, chiapas_arrivals a, darien_chiapas,
     forecast_backtest(e.f, a.f, darien_chiapas.p, 28, '2021-05-01', '2021-08-04')
GROUP BY 1 ORDER BY 1;

\echo
\echo '== 15. Two hops: from the Darién to the US border (the profiles chained, the share who go on north)'
-- the second hop from journeys that reached Chiapas by July 15 (their
-- arrival north, 25-36 days later, is in the records by August 31)
CREATE TEMP TABLE chiapas_north AS
SELECT transit_profile(days_between(r, 'MX-CHP', 'US')) AS p,
       count(*) FILTER (WHERE r @> 'US')::float8 / count(*) AS share_north
FROM journeys
WHERE r @> 'MX-CHP' AND (SELECT arrived(s) FROM segments(r) s WHERE destination(s) = 'MX-CHP' LIMIT 1) <= '2021-07-15';
SELECT median(d.p) AS "Darién-Chiapas median days", median(n.p) AS "Chiapas-US median days",
       median(d.p * n.p) AS "Darién-US median days", round(n.share_north::numeric, 3) AS "share going on to the US"
FROM darien_chiapas d, chiapas_north n;
SELECT min(f.day) AS week_from, sdc_round(round(sum(f.expected))::bigint) AS "expected at the US border",
       sdc_round(round(sum(f.unseen))::bigint) AS "of them not yet seen in the Darién"
FROM darien_entries e, darien_chiapas d, chiapas_north n,
     forecast_arrivals(e.f, d.p * n.p, 75, 75, share => n.share_north) f
WHERE f.day BETWEEN '2021-09-01' AND '2021-10-26'
GROUP BY (f.day - date '2021-09-01') / 7 ORDER BY 1;

\echo
\echo '== 16. Transit times from the two counts alone (deconvolution), beside the linked journeys'
-- by day: deconvolve_profile, and deconvolve_bootstrap's 90% intervals (200
-- seeded replicates); by month: the same two series summed by calendar
-- month, the parametric (discretised gamma) fit of deconvolve_monthly
CREATE TEMP TABLE demo_months AS
SELECT min(m)::date AS first_month, array_agg(coalesce(u.n, 0) ORDER BY m) AS upstream,
       array_agg(coalesce(a.n, 0) ORDER BY m) AS downstream
FROM generate_series((SELECT min(date_trunc('month', day)) FROM darien_entries, days(f)),
                     (SELECT max(date_trunc('month', day)) FROM chiapas_arrivals, days(f)), interval '1 month') m
LEFT JOIN (SELECT date_trunc('month', day) AS m, sum(n)::int8 AS n FROM darien_entries, days(f) GROUP BY 1) u USING (m)
LEFT JOIN (SELECT date_trunc('month', day) AS m, sum(n)::int8 AS n FROM chiapas_arrivals, days(f) GROUP BY 1) a USING (m);
SELECT 'linked journeys (section 7)' AS source, NULL::numeric AS share, NULL::text AS "share 90%",
       median(p)::int AS median_days, NULL::text AS "median 90%",
       round((SELECT sum(days * n)::numeric / sum(n) FROM bins(p) WHERE days IS NOT NULL), 1) AS mean_days,
       quantile(p, 0.1)::int AS p10_days, quantile(p, 0.9)::int AS p90_days
FROM darien_chiapas
UNION ALL
SELECT 'entries and arrivals by day', round(d.share::numeric, 2),
       round(b.share_low::numeric, 2) || '-' || round(b.share_high::numeric, 2), d.median_days,
       round(b.median_low::numeric) || '-' || round(b.median_high::numeric), round(d.mean_days::numeric, 1),
       quantile(d.profile, 0.1)::int, quantile(d.profile, 0.9)::int
FROM darien_entries e, chiapas_arrivals a, deconvolve_profile(e.f, a.f, 60) d,
     deconvolve_bootstrap(e.f, a.f, 60, 1000, 200) b
UNION ALL
SELECT 'the same, summed by month (' || m.months_used || ' months)', round(m.share::numeric, 2),
       round(m.share_low::numeric, 2) || '-' || round(m.share_high::numeric, 2), m.median_days,
       round(m.median_low::numeric) || '-' || round(m.median_high::numeric), round(m.mean_days::numeric, 1),
       quantile(m.profile, 0.1)::int, quantile(m.profile, 0.9)::int
FROM demo_months, deconvolve_monthly(upstream, downstream, first_month, 60, 200) m;
-- The published 2021 figures by month (monthly totals are all that exist):
-- entries through the Darién, a demo shape matching Panama's SNM anchors
-- (Jan-Jul 45,150, IFRC DREF MDRPA015; Jan-Sep 91,300, OCHA 11 Oct 2021;
-- Jan-Oct 124,500, La Prensa; year 133,726, SNM via EFE), against CBP's
-- southwest border encounters Jan-Sep 2021 (cbp.gov southwest land border
-- encounters; FY2021 1,734,686).  Encounters count everyone met at the
-- border, from everywhere, re-encounters included: the background is almost
-- all of them, and six usable months leave the transit time unidentified
-- (the intervals say so); the Darién's share of the border counts is what
-- such figures can bound.
SELECT m.months_used AS months, round(100 * m.share::numeric) AS "share %",
       round(100 * m.share_low::numeric) || '-' || round(100 * m.share_high::numeric) AS "share % 90%",
       round(m.mean_days::numeric) AS mean_days,
       round(m.mean_low::numeric) || '-' || round(m.mean_high::numeric) AS "mean 90%",
       round(m.background::numeric, -2) AS background_a_day,
       round(m.background_low::numeric, -2) || '-' || round(m.background_high::numeric, -2) AS "background 90%"
FROM deconvolve_monthly(array[1500, 1800, 2900, 3700, 5300, 9500, 20450, 23000, 23150, 33200, 5800, 3426]::int8[],
                        array[78414, 101099, 173277, 178795, 180597, 189034, 213593, 209840, 192001]::int8[],
                        '2021-01-01', 90, 200) m;

\echo
\echo '== 17. People in transit in Panama (PA), end of day, from the journeys'' stays (rounded to 5)'
CREATE TEMP TABLE panama_stays AS
SELECT s.entered, s.left_on FROM journeys, stays(r, 'PA') s WHERE s.entered IS NOT NULL AND s.left_on IS NOT NULL;
SELECT day, sdc_round(stock) AS in_panama
FROM flow_stock(0, (SELECT flow_series(entered, 1) FROM panama_stays),
                (SELECT flow_series(left_on + 1, 1) FROM panama_stays))
WHERE day BETWEEN '2021-08-01' AND '2021-08-29' AND (day - date '2021-08-01') % 7 = 0
ORDER BY day;
SELECT sdc_round(count(*) FILTER (WHERE present_at(r, 'PA', '2021-08-15'))) AS "in Panama on 2021-08-15",
       sdc_round(count(*) FILTER (WHERE present_at(r, 'PA', '2021-08-15') IS NULL)) AS "unknown (undated legs)"
FROM journeys WHERE r @> 'PA';

\echo
\echo '== 18. Alerts: days whose entries into the Darién exceed the 99% bound of a forecast from the days before'
SELECT day, observed, round(expected) AS expected, round(upper) AS upper_bound, round(score::numeric, 1) AS score, method
FROM darien_entries, flow_alerts(darien_entries.f, 0.01)
ORDER BY day;

-- ---------------------------------------------------------------------------
-- Linkage (sections 19 and 20): Panama's Darién registrations and Mexico's
-- claims, linked by encodings alone (docs/linkage.md).  Tables of
-- examples/demo_linkage_data.sql: darien_registrations, claim_register, and
-- demo_linkage_truth, what the synthetic data know and no agency does, used
-- here only to measure the linkage's error.
-- ---------------------------------------------------------------------------

\echo
\echo '== 19. Linking Panama''s Darién registrations to Mexico''s claims without sharing names (links rounded to 5)'
-- The secret the two agencies share.  A demo's secret is written here; an
-- agency's is 32 random bytes kept out of tables and statements (docs/linkage.md).
CREATE TEMP TABLE linkage_secret AS SELECT sha256('migrec demo: the secret Panama and Mexico share'::bytea) AS key;
-- Each agency encodes its own register: an exact key and a similarity
-- encoding per record, and nothing else leaves the agency.
CREATE TEMP TABLE darien_enc AS
SELECT reg_id AS id, person_key(key, family_names, given_names, birth, sex, nationality) AS pkey,
       clk(key, family_names, given_names, birth, sex, nationality) AS enc
FROM darien_registrations, linkage_secret;
CREATE TEMP TABLE comar_enc AS
SELECT case_id AS id, person_key(key, family_names, given_names, birth, sex, nationality) AS pkey,
       clk(key, family_names, given_names, birth, sex, nationality) AS enc
FROM claim_register, linkage_secret;
-- The linkage, from the encodings alone: equal exact keys; and link_clk,
-- one to one, Dice 0.80 and over a match, 0.75 to 0.80 for clerical review.
-- (Higher than migrec.clk_threshold's default, 0.75: with some 3 billion
-- pairs of registrations and claims, and common names common, pairs of
-- namesakes born days apart reach 0.75; a clerk sees those.)
CREATE TEMP TABLE exact_links AS
SELECT a.id AS reg_id, b.id AS case_id FROM darien_enc a JOIN comar_enc b USING (pkey);
CREATE TEMP TABLE clk_links AS
SELECT a_id AS reg_id, b_id AS case_id, dice, decision
FROM link_clk('SELECT id, enc FROM darien_enc ORDER BY id', 'SELECT id, enc FROM comar_enc ORDER BY id', 0.80, 0.75);
SELECT (SELECT sdc_round(count(*)) FROM darien_enc) AS darien_registrations,
       (SELECT sdc_round(count(*)) FROM comar_enc) AS claims,
       (SELECT sdc_round(count(*)) FROM clk_links WHERE decision = 'review') AS clk_pairs_for_review;
-- precision, recall and F1 against the truth
SELECT method, sdc_round(links) AS links, sdc_round(true_links) AS true_links,
       round(true_links::numeric / nullif(links, 0), 3) AS precision,
       round(true_links::numeric / nullif(truth, 0), 3) AS recall,
       round(2.0 * true_links / nullif(links + truth, 0), 3) AS f1
FROM (SELECT m.k, m.method, count(l.reg_id) AS links, count(t.reg_id) AS true_links,
             (SELECT count(*) FROM demo_linkage_truth) AS truth
      FROM (VALUES (1, 'person_key (exact)'), (2, 'clk, Dice >= 0.80'), (3, 'clk, matches and review pairs, Dice >= 0.75')) m(k, method)
      LEFT JOIN (SELECT 1 AS k, reg_id, case_id FROM exact_links
                 UNION ALL SELECT 2, reg_id, case_id FROM clk_links WHERE decision = 'match'
                 UNION ALL SELECT 3, reg_id, case_id FROM clk_links) l USING (k)
      LEFT JOIN demo_linkage_truth t USING (reg_id, case_id)
      GROUP BY m.k, m.method) s
ORDER BY k;

\echo
\echo '== 20. Darién entrants who later lodged a claim in Mexico, and after how many days (linked by clk; counts rounded to 5)'
-- Each claim's office and day (Mexico City), from Mexico's case events.
CREATE TEMP TABLE claim_lodged AS
SELECT DISTINCT ON (case_id) case_id, office, (at AT TIME ZONE 'America/Mexico_City')::date AS lodged
FROM case_events WHERE status = 'claim_lodged' ORDER BY case_id, at;
-- The linked journeys: Panama's record of the crossing into the Darién, then
-- the linked claim (a pair whose claim predates the crossing is not a later
-- claim: a false link, or an earlier journey).
CREATE TEMP TABLE linked_journeys AS
SELECT l.source, r.reg_id, r.nationality,
       route_agg(leg ORDER BY leg) AS route
FROM (SELECT 'linkage' AS source, reg_id, case_id FROM clk_links WHERE decision = 'match'
      UNION ALL SELECT 'truth', reg_id, case_id FROM demo_linkage_truth) l
JOIN darien_registrations r USING (reg_id)
JOIN claim_lodged c USING (case_id),
     LATERAL (VALUES (route_segment(r.start, 'PA-5', NULL, r.entered)),
                     (route_segment('PA-5', c.office, r.entered, c.lodged))) AS legs(leg)
WHERE c.lodged >= r.entered
GROUP BY l.source, r.reg_id, r.nationality;
SELECT CASE WHEN GROUPING(j.nationality) = 1 THEN 'all' ELSE j.nationality::text END AS nationality,
       sdc_round(CASE WHEN GROUPING(j.nationality) = 1 THEN (SELECT count(*) FROM darien_registrations)
                      ELSE min(e.entrants) END) AS darien_entrants,
       sdc_round(count(*) FILTER (WHERE source = 'linkage')) AS claimed_linked,
       sdc_round(count(*) FILTER (WHERE source = 'truth')) AS claimed_truth,
       median(transit_profile(days_between(route, 'PA-5', 'MX')) FILTER (WHERE source = 'linkage')) AS median_days_linked,
       median(transit_profile(days_between(route, 'PA-5', 'MX')) FILTER (WHERE source = 'truth')) AS median_days_truth,
       quantile(transit_profile(days_between(route, 'PA-5', 'MX')) FILTER (WHERE source = 'linkage'), 0.1) AS p10_days,
       quantile(transit_profile(days_between(route, 'PA-5', 'MX')) FILTER (WHERE source = 'linkage'), 0.9) AS p90_days
FROM linked_journeys j
JOIN (SELECT nationality, count(*) AS entrants FROM darien_registrations GROUP BY nationality) e USING (nationality)
GROUP BY ROLLUP (j.nationality)
ORDER BY GROUPING(j.nationality) DESC, count(*) DESC, 1
LIMIT 6;
