-- A tour of migrec's code types: paste into psql after CREATE EXTENSION migrec.

-- nationality: any ISO 3166-1 code in, alpha-3 out
SELECT 'hnd'::nationality AS alpha3, 'HN'::nationality AS alpha2, '340'::nationality AS numeric;

-- names, regions, the Regional Conference on Migration
SELECT n, country_name(n) AS en, country_name(n, 'es') AS es, m49_subregion(n), is_rcm_member(n)
FROM unnest('{HND,HTI,CUB,VEN,XXA}'::nationality[]) AS n;

-- cleaning a spreadsheet column: names in English or Spanish, any accents or
-- case; NULL where nothing matches, for a person to look at
SELECT raw, parse_nationality(raw)
FROM (VALUES ('Haití'), ('ESTADOS UNIDOS'), ('el salvador'), ('Rep. Dominicana'), ('??')) AS t(raw);

-- place: a country, an ISO 3166-2 subdivision, or a locality
SELECT p, place_kind(p), place_name(p), country_of(p)
FROM unnest('{PA,PA-5,MX-CHP,MX TAP,CO NCI}'::place[]) AS p;

-- containment: localities and subdivisions are within their country
SELECT 'MX TAP'::place <@ 'MX' AS tapachula_in_mexico, 'MX-CHP'::place <@ 'GT' AS chiapas_in_guatemala;

-- what codes does a country have?
SELECT * FROM subdivisions('PA');

-- a typo gets a hint
-- SELECT 'HNX'::nationality;
--   ERROR:  invalid input syntax for type nationality: "HNX"
--   HINT:  Did you mean HND?
