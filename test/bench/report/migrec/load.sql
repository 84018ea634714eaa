-- migrec's design (examples/demo_data.sql): one row per event and per leg
-- with the extension's types, journeys as route values with a GIN index.
--   psql -v csvdir=DIR -f load.sql   (in a database with CREATE EXTENSION migrec)
SET TimeZone = 'UTC';
CREATE TABLE case_events (
	case_id     bigint NOT NULL,
	nationality nationality NOT NULL,
	office      place NOT NULL,
	status      protection_status NOT NULL,
	at          timestamptz NOT NULL
);
CREATE TABLE journey_legs (
	person_id   bigint NOT NULL,
	nationality nationality NOT NULL,
	leg         route_segment NOT NULL
);
\set f :csvdir/case_events.csv
COPY case_events FROM :'f' WITH (FORMAT csv);
CREATE TEMP TABLE legs_raw (person_id bigint, nationality nationality, origin place, destination place, departed date, arrived date);
\set f :csvdir/journey_legs.csv
COPY legs_raw FROM :'f' WITH (FORMAT csv);
INSERT INTO journey_legs SELECT person_id, nationality, route_segment(origin, destination, departed, arrived) FROM legs_raw;
DROP TABLE legs_raw;
CREATE TABLE journeys AS
SELECT person_id, nationality, route_agg(leg ORDER BY leg) AS r FROM journey_legs GROUP BY person_id, nationality
ORDER BY person_id;
CREATE INDEX journeys_r ON journeys USING gin (r);
ANALYZE case_events;
ANALYZE journey_legs;
ANALYZE journeys;
