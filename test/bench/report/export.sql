-- export.sql: the demo's raw records as CSV, once per scale, for the three
-- designs' loaders (test/bench/report/*/load.sql), and the reference data
-- the plain and jsonb designs keep in lookup tables (countries with names in
-- four languages and regions, places with what contains them, the
-- procedure's statuses and allowed steps), taken from migrec's own tables so
-- that the three designs answer from the same facts.
--   psql -v csvdir=DIR -f export.sql   (on a database loaded by examples/demo_data.sql)
-- Rows are written in the order the demo stored them; times in UTC.
SET TimeZone = 'UTC';
\set f :csvdir/case_events.csv
COPY (SELECT case_id, nationality, office, status, at FROM case_events) TO :'f' WITH (FORMAT csv);
\set f :csvdir/journey_legs.csv
COPY (SELECT person_id, nationality, origin(leg), destination(leg), departed(leg), arrived(leg) FROM journey_legs) TO :'f' WITH (FORMAT csv);
\set f :csvdir/countries.csv
COPY (SELECT nationality, alpha2, name, name_es, name_fr, name_pt, kind, m49_region, m49_subregion FROM nationalities()) TO :'f' WITH (FORMAT csv);
-- every place the records name, every country and every ISO 3166-2
-- subdivision; keys: the place, its country, its ISO 3166-2 ancestors (what
-- "within" means for migrec's place)
\set f :csvdir/places.csv
COPY (WITH RECURSIVE sub AS (SELECT place, parent FROM subdivisions()),
          anc(place, up) AS (SELECT place, parent FROM sub WHERE parent IS NOT NULL
                             UNION ALL SELECT a.place, s.parent FROM anc a JOIN sub s ON s.place = a.up WHERE s.parent IS NOT NULL),
          p AS (SELECT place FROM nationalities() WHERE place IS NOT NULL
                UNION SELECT place FROM sub
                UNION SELECT office FROM case_events
                UNION SELECT origin(leg) FROM journey_legs UNION SELECT destination(leg) FROM journey_legs)
      SELECT p.place, place_kind(p.place), country_of(p.place)::place, s.parent,
             (SELECT array_agg(DISTINCT k ORDER BY k) FROM (SELECT p.place UNION SELECT country_of(p.place)::place
                                                        UNION SELECT up FROM anc WHERE anc.place = p.place) kk(k)),
             place_name(p.place), place_name(p.place, 'es')
      FROM p LEFT JOIN sub s ON s.place = p.place ORDER BY p.place::text) TO :'f' WITH (FORMAT csv);
\set f :csvdir/statuses.csv
COPY (SELECT status, position, label, label_es, terminal, decision, outcome FROM protection_statuses() ORDER BY position) TO :'f' WITH (FORMAT csv);
\set f :csvdir/transitions.csv
COPY (SELECT from_status, to_status FROM protection_transitions()) TO :'f' WITH (FORMAT csv);
