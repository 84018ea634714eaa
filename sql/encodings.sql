-- encodings: in a LATIN1 database, names with letters LATIN1 lacks are
-- shown folded to ASCII instead of failing the query; cleaning reads
-- LATIN1 text.
CREATE DATABASE migrec_latin1 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
\set orig_db :DBNAME
\c migrec_latin1
CREATE EXTENSION migrec;
SELECT count(*) AS subdivisions, count(name) AS named FROM subdivisions();
SELECT place_name('AZ-KAN') AS folded, place_name('PL-02') AS folded_too, length(place_name('MX-CHP')) AS chiapas;
SELECT parse_nationality(convert_from('\x4de97869636f', 'LATIN1')) AS mexico_latin1;
-- publishers' forms and the crosswalk's texts, in LATIN1
SELECT parse_nationality(convert_from('\x6f74726f73207061ed736573', 'LATIN1'), 'comar') AS otros_paises,
       place_from(convert_from('\x44617269e96e', 'LATIN1'), 'inec_pa') AS darien;
SELECT count(*) AS forms, count(*) FILTER (WHERE parse_nationality(form, source) IS NOT DISTINCT FROM nationality) AS read_back
FROM nationality_crosswalk() WHERE source <> 'iso';
\c :orig_db
DROP DATABASE migrec_latin1;
