-- load_unhcr_decisions.sql: load UNHCR's asylum decisions as its Refugee
-- Data Finder exports them (asylum-decisions.csv), map origins and
-- countries of asylum to nationalities, report every row that did not map,
-- and print UNHCR's recognition rates from the counts.  Copy it and adapt it.
--
--   psql -v file=asylum-decisions.csv -f examples/load_unhcr_decisions.sql
--
-- The file: CSV (UTF-8; UNHCR's start with a byte-order mark, which sits on
-- the header line that COPY skips), a header line, thirteen columns
--   Year, Country of origin, Country of origin (ISO), Country of asylum,
--   Country of asylum (ISO), Authority, Stage of procedure, Cases / Persons,
--   Recognized decisions, Complementary protection, Rejected decisions,
--   Otherwise closed, Total decisions
-- Authority: G government, U UNHCR, J joint.  Stage of procedure: FI first
-- instance, AR administrative review, ... (UNHCR's decision levels).
-- Cases / Persons: C when the figures count cases, P persons: never added
-- together.  Count cells: a number; '-' or empty for none (read as 0); '*'
-- for a confidential cell (read as NULL: no rate is computed over it).
--
-- Origins: the ISO column is read as UNHCR's data tables print it (source
-- unhcr_iso: UNK is "unknown", XXA stateless, XXX various), and the name as
-- UNHCR prints it (source unhcr) when the code does not map; a row whose code
-- and name map to different nationalities is listed.  UNHCR's own
-- three-letter codes (AUS = Austria) are another source, unhcr: not these
-- columns.
--
-- What it makes, in the current schema (drop it to load again):
--   unhcr_decisions   one row per row of the file: the printed columns,
--                     origin and asylum (NULL when not mapped), the counts,
--                     confidential (a '*' cell)
-- Nothing is dropped: a row that does not map stays, with what was printed,
-- and is listed first.  Rates follow UNHCR: recognition rate = recognized /
-- (recognized + complementary + rejected), total recognition (total
-- protection) rate = (recognized + complementary) / the same; otherwise
-- closed is in neither.  They come from the weighted aggregates, one row
-- per outcome and count (recognition_rate(status, n)).
\set ON_ERROR_STOP on
\pset footer off
\if :{?file}
\else
\echo 'usage: psql -v file=PATH.csv -f load_unhcr_decisions.sql'
\quit
\endif

CREATE TEMP TABLE unhcr_staging (
	line_no bigserial,
	year text, origin_name text, origin_iso text, asylum_name text, asylum_iso text,
	authority text, stage text, cases_persons text,
	recognized text, complementary text, rejected text, otherwise_closed text, total text
);
\set copy_cmd '\\copy unhcr_staging (year, origin_name, origin_iso, asylum_name, asylum_iso, authority, stage, cases_persons, recognized, complementary, rejected, otherwise_closed, total) FROM ' :'file' ' WITH (FORMAT csv, HEADER true, ENCODING ''UTF8'')'
:copy_cmd

-- a count cell: '-' or empty is 0, '*' is NULL (confidential), a
-- non-negative integer is itself; anything else is reported (bad)
CREATE FUNCTION pg_temp.unhcr_count(cell text) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN trim(cell) IN ('', '-') OR cell IS NULL THEN 0
				WHEN trim(cell) ~ '^[0-9]{1,18}$' THEN trim(cell)::bigint END
$$;

CREATE TABLE unhcr_decisions AS
SELECT s.line_no + 1 AS line,
	   CASE WHEN s.year ~ '^\s*[0-9]{4}\s*$' THEN trim(s.year)::int END AS year,
	   s.origin_name, s.origin_iso,
	   coalesce(parse_nationality(s.origin_iso, 'unhcr_iso'), parse_nationality(s.origin_name, 'unhcr')) AS origin,
	   s.asylum_name, s.asylum_iso,
	   coalesce(parse_nationality(s.asylum_iso, 'unhcr_iso'), parse_nationality(s.asylum_name, 'unhcr')) AS asylum,
	   s.authority, s.stage, s.cases_persons AS unit,
	   pg_temp.unhcr_count(s.recognized) AS recognized,
	   pg_temp.unhcr_count(s.complementary) AS complementary,
	   pg_temp.unhcr_count(s.rejected) AS rejected,
	   pg_temp.unhcr_count(s.otherwise_closed) AS otherwise_closed,
	   pg_temp.unhcr_count(s.total) AS total_decisions,
	   '*' IN (trim(s.recognized), trim(s.complementary), trim(s.rejected), trim(s.otherwise_closed), trim(s.total)) AS confidential,
	   -- cells neither a count, '-', empty nor '*'
	   (SELECT count(*) FROM unnest(ARRAY[s.recognized, s.complementary, s.rejected, s.otherwise_closed, s.total]) c
		WHERE trim(c) <> '*' AND pg_temp.unhcr_count(c) IS NULL) AS bad_cells,
	   -- the code and the name read apart, to list those that disagree
	   parse_nationality(s.origin_iso, 'unhcr_iso') AS origin_by_code,
	   parse_nationality(s.origin_name, 'unhcr') AS origin_by_name
FROM unhcr_staging s;

\echo
\echo '== Rows that did not load cleanly (they stay in unhcr_decisions)'
SELECT line, origin_name, origin_iso, asylum_name, asylum_iso, unit,
	   concat_ws('; ',
				 CASE WHEN origin IS NULL THEN 'origin not recognized (unhcr_iso, unhcr)' END,
				 CASE WHEN asylum IS NULL THEN 'country of asylum not recognized (unhcr_iso, unhcr)' END,
				 CASE WHEN origin_by_code <> origin_by_name
					  THEN format('origin code reads %s, name reads %s', origin_by_code, origin_by_name) END,
				 CASE WHEN year IS NULL THEN 'year not readable' END,
				 CASE WHEN unit IS DISTINCT FROM 'C' AND unit IS DISTINCT FROM 'P' THEN 'Cases / Persons neither C nor P' END,
				 CASE WHEN bad_cells > 0 THEN 'a count is not a number, ''-'' or ''*''' END,
				 CASE WHEN confidential THEN 'confidential cell (*): no rate' END,
				 CASE WHEN NOT confidential AND bad_cells = 0
						   AND recognized + complementary + rejected + otherwise_closed <> total_decisions
					  THEN format('the four outcomes add up to %s, Total decisions reads %s',
								  recognized + complementary + rejected + otherwise_closed, total_decisions) END) AS problem
FROM unhcr_decisions
WHERE origin IS NULL OR asylum IS NULL OR origin_by_code <> origin_by_name OR year IS NULL
   OR unit IS DISTINCT FROM 'C' AND unit IS DISTINCT FROM 'P' OR bad_cells > 0 OR confidential
   OR recognized + complementary + rejected + otherwise_closed <> total_decisions
ORDER BY line;

-- The counts, one row per outcome: what the weighted aggregates read (a
-- temporary view: query it after the script).  A confidential row gives no
-- rate (a rate over the cells that are left would be wrong): left out.
CREATE TEMP VIEW unhcr_outcomes AS
SELECT d.*, o.status, o.n
FROM unhcr_decisions d,
	 LATERAL (VALUES ('recognized_refugee'::protection_status, d.recognized),
					 ('complementary_protection', d.complementary),
					 ('rejected', d.rejected),
					 ('withdrawn', d.otherwise_closed)) AS o(status, n)
WHERE NOT d.confidential AND d.bad_cells = 0;

\echo
\echo '== Recognition rates by origin, country of asylum, stage and unit (C cases, P persons)'
SELECT year, origin, coalesce(country_name(origin), origin_name) AS origin_name, asylum, stage, unit,
	   (c).recognized, (c).complementary, (c).rejected, (c).otherwise_closed,
	   round(recognition_rate(t)::numeric, 4) AS recognition_rate,
	   round(total_recognition_rate(t)::numeric, 4) AS total_recognition_rate
FROM (SELECT year, origin, min(origin_name) AS origin_name, asylum, stage, unit,
			 decision_tally(status, n) AS t, decision_counts(status, n) AS c
	  FROM unhcr_outcomes
	  GROUP BY year, origin, CASE WHEN origin IS NULL THEN origin_name END, asylum, stage, unit) g
ORDER BY year, origin_name, asylum, stage, unit;

\echo
\echo '== First-instance rates by country of asylum, persons only (confidential rows left out, listed above)'
SELECT year, asylum, country_name(asylum) AS asylum_name, count(DISTINCT origin_name) AS origins,
	   sum(n) FILTER (WHERE status <> 'withdrawn') AS substantive_decisions,
	   round(recognition_rate(status, n)::numeric, 4) AS recognition_rate,
	   round(total_recognition_rate(status, n)::numeric, 4) AS total_recognition_rate
FROM unhcr_outcomes
WHERE stage = 'FI' AND unit = 'P'
GROUP BY year, asylum
ORDER BY year, asylum_name NULLS LAST, asylum;

\echo
\echo '== The load: rows in the file and in the table'
SELECT (SELECT count(*) FROM unhcr_staging) AS rows_in_file, count(*) AS rows_loaded,
	   count(*) FILTER (WHERE origin IS NOT NULL AND asylum IS NOT NULL) AS rows_mapped,
	   count(*) FILTER (WHERE confidential) AS rows_confidential,
	   sum(total_decisions) FILTER (WHERE unit = 'P') AS total_decisions_persons,
	   sum(total_decisions) FILTER (WHERE unit = 'C') AS total_decisions_cases
FROM unhcr_decisions;
DROP TABLE unhcr_staging;
