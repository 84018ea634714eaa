-- The plain-PostgreSQL design, as an analyst would build it without migrec:
-- codes as text with foreign keys to lookup tables (countries with names in
-- four languages and M49 regions; places with their country, ISO 3166-2
-- parent and "keys": the place and what contains it), the procedure's
-- status as an enum with its allowed steps in a table that a trigger checks
-- on new events, journeys as arrays (the legs in order, and the places they
-- touch with a GIN index).  Bulk load as a DBA would: COPY, then the
-- indexes and foreign keys (validated in one pass each); the step trigger
-- is created after the historical load, whose 0.4% invalid steps are kept
-- as data to check (as in migrec's design).
--   psql -v csvdir=DIR -f load.sql
SET TimeZone = 'UTC';
CREATE TYPE status AS ENUM ('encountered', 'screening', 'claim_lodged', 'admitted', 'interviewed', 'inadmissible',
	'recognized_refugee', 'recognized_cartagena', 'complementary_protection', 'rejected', 'under_appeal',
	'rejected_final', 'withdrawn', 'abandoned', 'regularized', 'resettled', 'voluntary_return', 'deported', 'expelled');
CREATE TABLE countries (code text PRIMARY KEY, alpha2 text, name_en text, name_es text, name_fr text, name_pt text,
	kind text NOT NULL, m49_region text, m49_subregion text);
CREATE TABLE places (code text PRIMARY KEY, kind text NOT NULL, country text NOT NULL, parent text REFERENCES places,
	keys text[] NOT NULL, name_en text, name_es text);
CREATE TABLE statuses (status status PRIMARY KEY, position int NOT NULL, label text, label_es text,
	terminal bool NOT NULL, decision bool NOT NULL, outcome text);
CREATE TABLE transitions (from_status status REFERENCES statuses, to_status status REFERENCES statuses,
	PRIMARY KEY (from_status, to_status));
CREATE TABLE case_events (
	case_id     bigint NOT NULL,
	nationality text NOT NULL,
	office      text NOT NULL,
	status      status NOT NULL,
	at          timestamptz NOT NULL
);
CREATE TABLE journey_legs (
	person_id   bigint NOT NULL,
	nationality text NOT NULL,
	origin      text NOT NULL,
	destination text NOT NULL,
	departed    date,
	arrived     date,
	CHECK (arrived >= departed)
);
\set f :csvdir/countries.csv
COPY countries FROM :'f' WITH (FORMAT csv);
\set f :csvdir/places.csv
COPY places FROM :'f' WITH (FORMAT csv);
\set f :csvdir/statuses.csv
COPY statuses FROM :'f' WITH (FORMAT csv);
\set f :csvdir/transitions.csv
COPY transitions FROM :'f' WITH (FORMAT csv);
\set f :csvdir/case_events.csv
COPY case_events FROM :'f' WITH (FORMAT csv);
\set f :csvdir/journey_legs.csv
COPY journey_legs FROM :'f' WITH (FORMAT csv);
ALTER TABLE case_events ADD FOREIGN KEY (nationality) REFERENCES countries, ADD FOREIGN KEY (office) REFERENCES places;
ALTER TABLE journey_legs ADD FOREIGN KEY (nationality) REFERENCES countries,
	ADD FOREIGN KEY (origin) REFERENCES places, ADD FOREIGN KEY (destination) REFERENCES places;
-- a case's events in time order: what the step trigger looks up
CREATE INDEX case_events_case_at ON case_events (case_id, at);
-- Journeys: the legs in migrec's route order (by departure, unknown last),
-- and the places touched with what contains them, for @> and && by GIN.
CREATE TABLE journeys AS
SELECT l.person_id, l.nationality,
       array_agg(l.origin ORDER BY l.departed NULLS LAST, l.origin, l.destination, l.arrived NULLS LAST) AS origins,
       array_agg(l.destination ORDER BY l.departed NULLS LAST, l.origin, l.destination, l.arrived NULLS LAST) AS destinations,
       array_agg(l.departed ORDER BY l.departed NULLS LAST, l.origin, l.destination, l.arrived NULLS LAST) AS departed,
       array_agg(l.arrived ORDER BY l.departed NULLS LAST, l.origin, l.destination, l.arrived NULLS LAST) AS arrived,
       (SELECT array_agg(DISTINCT k) FROM places p, unnest(p.keys) k
        WHERE p.code = ANY (array_agg(l.origin) || array_agg(l.destination))) AS places
FROM journey_legs l
GROUP BY l.person_id, l.nationality
ORDER BY l.person_id;
ALTER TABLE journeys ADD PRIMARY KEY (person_id), ADD FOREIGN KEY (nationality) REFERENCES countries;
CREATE INDEX journeys_places ON journeys USING gin (places);
-- New events must follow a step the procedure allows from the case's latest
-- earlier event.
CREATE FUNCTION check_step() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	prev status;
BEGIN
	SELECT e.status INTO prev FROM case_events e
	WHERE e.case_id = NEW.case_id AND e.at <= NEW.at ORDER BY e.at DESC LIMIT 1;
	IF prev IS NOT NULL AND NOT EXISTS (SELECT FROM transitions t WHERE t.from_status = prev AND t.to_status = NEW.status) THEN
		RAISE EXCEPTION 'case %: % cannot follow %', NEW.case_id, NEW.status, prev USING ERRCODE = '23514';
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER case_events_step BEFORE INSERT ON case_events FOR EACH ROW EXECUTE FUNCTION check_step();
ANALYZE;
