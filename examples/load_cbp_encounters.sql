-- load_cbp_encounters.sql: load a CBP "Nationwide Encounters" file, as CBP
-- publishes it (the per-AOR CSV of cbp.gov's data portal), map its
-- citizenships to nationalities, report every row that did not map, and
-- print encounter tables from the counts.  Copy it and adapt it.
--
--   psql -v file=nationwide-encounters-fy21-fy24-aor.csv -f examples/load_cbp_encounters.sql
--
-- The file: CSV with a header line, twelve columns
--   Fiscal Year, Month Grouping, Month (abbv), Component, Land Border Region,
--   Area of Responsibility, AOR (Abbv), Demographic, Citizenship,
--   Title of Authority, Encounter Type, Encounter Count
-- (CBP's files as downloaded have Month Grouping, FYTD or Remaining; for a
-- file without that column, as migrec's issue 13 lists the layout, add
-- -v month_grouping=no).  CBP's per-state file
-- has other columns (State instead of the AOR ones): not this layout.
--
-- What it makes, in the current schema (drop them to load again):
--   cbp_encounters           one row per row of the file: the printed
--                            columns, nationality (NULL when the citizenship
--                            did not map), month (first day), encounters
-- Nothing is dropped: a row whose citizenship does not map stays, with its
-- printed citizenship and a NULL nationality, and is listed first.  CBP
-- counts every citizenship outside the 21 it lists as OTHER: that is the
-- nationality ZZO, "other countries" (nationality_kind() 'other'), never
-- "unknown".  Reading the file needs no superuser: \copy reads it on the
-- client's side.  The extension must be installed (CREATE EXTENSION migrec).
\set ON_ERROR_STOP on
\pset footer off
\if :{?file}
\else
\echo 'usage: psql -v file=PATH.csv [-v month_grouping=no] -f load_cbp_encounters.sql'
\quit
\endif

-- the file's columns as text: nothing is refused at COPY time, so a bad
-- value is reported with its row instead of stopping the load
CREATE TEMP TABLE cbp_staging (
	line_no bigserial,
	fiscal_year text, month_grouping text, month_abbv text, component text, land_border_region text,
	area_of_responsibility text, aor_abbv text, demographic text, citizenship text,
	title_of_authority text, encounter_type text, encounter_count text
);
\if :{?month_grouping}
\else
\set month_grouping yes
\endif
SELECT :'month_grouping' = 'no' AS without_month_grouping \gset
\if :without_month_grouping
\set copy_cmd '\\copy cbp_staging (fiscal_year, month_abbv, component, land_border_region, area_of_responsibility, aor_abbv, demographic, citizenship, title_of_authority, encounter_type, encounter_count) FROM ' :'file' ' WITH (FORMAT csv, HEADER true)'
\else
\set copy_cmd '\\copy cbp_staging (fiscal_year, month_grouping, month_abbv, component, land_border_region, area_of_responsibility, aor_abbv, demographic, citizenship, title_of_authority, encounter_type, encounter_count) FROM ' :'file' ' WITH (FORMAT csv, HEADER true)'
\endif
:copy_cmd

CREATE TABLE cbp_encounters AS
SELECT s.line_no + 1 AS line,				-- the record's number, the header's being 1
	   CASE WHEN s.fiscal_year ~ '^\s*[0-9]{4}\s*$' THEN trim(s.fiscal_year)::int END AS fiscal_year,
	   s.month_grouping,
	   -- the US fiscal year starts in October: FY2021's OCT is October 2020
	   CASE WHEN m.k IS NOT NULL AND s.fiscal_year ~ '^\s*[0-9]{4}\s*$'
			THEN make_date(trim(s.fiscal_year)::int - CASE WHEN m.k >= 10 THEN 1 ELSE 0 END, m.k, 1) END AS month,
	   s.component, s.land_border_region, s.area_of_responsibility, s.aor_abbv, s.demographic,
	   s.citizenship,
	   parse_nationality(s.citizenship, 'cbp') AS nationality,
	   s.title_of_authority, s.encounter_type,
	   CASE WHEN s.encounter_count ~ '^\s*[0-9]{1,18}\s*$' THEN trim(s.encounter_count)::bigint END AS encounters
FROM cbp_staging s,
	 LATERAL (SELECT array_position(ARRAY['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN',
										  'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
									upper(trim(s.month_abbv))) AS k) m;

\echo
\echo '== Rows that did not load cleanly (citizenship not mapped, or a bad year, month or count); they stay in cbp_encounters'
SELECT line, citizenship, fiscal_year, month, encounters,
	   concat_ws('; ',
				 CASE WHEN nationality IS NULL THEN 'citizenship not recognized for source cbp' END,
				 CASE WHEN month IS NULL THEN 'fiscal year or month not readable' END,
				 CASE WHEN encounters IS NULL THEN 'count not a non-negative integer' END) AS problem
FROM cbp_encounters
WHERE nationality IS NULL OR month IS NULL OR encounters IS NULL
ORDER BY line;

\echo
\echo '== Encounters by fiscal year and citizenship (ZZO is CBP''s OTHER: every citizenship it does not list)'
SELECT fiscal_year, nationality, min(citizenship) AS as_printed,
	   coalesce(country_name(nationality), '(not mapped)') AS name, sum(encounters) AS encounters
FROM cbp_encounters
GROUP BY fiscal_year, nationality, CASE WHEN nationality IS NULL THEN citizenship END
ORDER BY fiscal_year, sum(encounters) DESC, as_printed;

\echo
\echo '== Encounters by fiscal year, title of authority and encounter type'
SELECT fiscal_year, title_of_authority, encounter_type, sum(encounters) AS encounters
FROM cbp_encounters
GROUP BY ROLLUP (fiscal_year, (title_of_authority, encounter_type))
ORDER BY fiscal_year NULLS LAST, title_of_authority NULLS LAST, encounter_type;

\echo
\echo '== Encounters by month (calendar), rest of world apart'
SELECT month, sum(encounters) AS encounters,
	   sum(encounters) FILTER (WHERE nationality_kind(nationality) = 'other') AS other_countries,
	   sum(encounters) FILTER (WHERE nationality IS NULL) AS not_mapped
FROM cbp_encounters
GROUP BY month ORDER BY month;

\echo
\echo '== The load: rows and encounters in the file and in the table'
SELECT (SELECT count(*) FROM cbp_staging) AS rows_in_file, count(*) AS rows_loaded,
	   count(*) FILTER (WHERE nationality IS NOT NULL) AS rows_mapped,
	   sum(encounters) AS encounters, sum(encounters) FILTER (WHERE nationality IS NOT NULL) AS encounters_mapped
FROM cbp_encounters;
DROP TABLE cbp_staging;
