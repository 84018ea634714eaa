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
\c :orig_db
DROP DATABASE migrec_latin1;
