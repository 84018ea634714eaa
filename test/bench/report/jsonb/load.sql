-- The jsonb design: one document per case (its attributes and its events in
-- time order) and one per journey (its legs in route order and the places
-- they touch), as case-management systems such as UNICEF's Primero keep
-- records, with GIN indexes (jsonb_path_ops: containment, @>); the
-- reference data in the same lookup tables as the plain design.
--   psql -v csvdir=DIR -f load.sql
SET TimeZone = 'UTC';
CREATE TABLE countries (code text PRIMARY KEY, alpha2 text, name_en text, name_es text, name_fr text, name_pt text,
	kind text NOT NULL, m49_region text, m49_subregion text);
CREATE TABLE places (code text PRIMARY KEY, kind text NOT NULL, country text NOT NULL, parent text REFERENCES places,
	keys text[] NOT NULL, name_en text, name_es text);
CREATE TABLE statuses (status text PRIMARY KEY, position int NOT NULL, label text, label_es text,
	terminal bool NOT NULL, decision bool NOT NULL, outcome text);
CREATE TABLE transitions (from_status text REFERENCES statuses, to_status text REFERENCES statuses,
	PRIMARY KEY (from_status, to_status));
\set f :csvdir/countries.csv
COPY countries FROM :'f' WITH (FORMAT csv);
\set f :csvdir/places.csv
COPY places FROM :'f' WITH (FORMAT csv);
\set f :csvdir/statuses.csv
COPY statuses FROM :'f' WITH (FORMAT csv);
\set f :csvdir/transitions.csv
COPY transitions FROM :'f' WITH (FORMAT csv);
-- the raw records, numbered in file order (ties in time keep that order)
CREATE TEMP TABLE events_raw (n bigserial, case_id bigint, nationality text, office text, status text, at timestamptz);
\set f :csvdir/case_events.csv
COPY events_raw (case_id, nationality, office, status, at) FROM :'f' WITH (FORMAT csv);
CREATE TEMP TABLE legs_raw (person_id bigint, nationality text, origin text, destination text, departed date, arrived date);
\set f :csvdir/journey_legs.csv
COPY legs_raw FROM :'f' WITH (FORMAT csv);
CREATE TABLE cases (case_id bigint PRIMARY KEY, doc jsonb NOT NULL);
INSERT INTO cases
SELECT case_id, jsonb_build_object('case_id', case_id, 'nationality', min(nationality), 'office', min(office),
                                   'events', jsonb_agg(jsonb_build_object('status', status, 'at', at) ORDER BY at, n))
FROM events_raw GROUP BY case_id ORDER BY case_id;
CREATE TABLE journeys (person_id bigint PRIMARY KEY, doc jsonb NOT NULL);
INSERT INTO journeys
SELECT l.person_id,
       jsonb_build_object('person_id', l.person_id, 'nationality', min(l.nationality),
                          'legs', jsonb_agg(jsonb_build_object('from', l.origin, 'to', l.destination, 'departed', l.departed, 'arrived', l.arrived)
                                            ORDER BY l.departed NULLS LAST, l.origin, l.destination, l.arrived NULLS LAST),
                          'places', (SELECT jsonb_agg(DISTINCT k) FROM places p, unnest(p.keys) k
                                     WHERE p.code = ANY (array_agg(l.origin) || array_agg(l.destination))))
FROM legs_raw l GROUP BY l.person_id ORDER BY l.person_id;
DROP TABLE events_raw, legs_raw;
CREATE INDEX cases_doc ON cases USING gin (doc jsonb_path_ops);
CREATE INDEX journeys_doc ON journeys USING gin (doc jsonb_path_ops);
ANALYZE;
