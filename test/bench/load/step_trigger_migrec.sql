-- The plain design checks each new event's step against the procedure's
-- transitions in a trigger (test/bench/report/plain/load.sql); for the same
-- work under load, migrec's design gets the same trigger, with
-- can_transition() in place of the transitions table, and the same
-- (case_id, at) index it looks up.
CREATE INDEX case_events_case_at ON case_events (case_id, at);
CREATE FUNCTION check_step() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	prev protection_status;
BEGIN
	SELECT e.status INTO prev FROM case_events e
	WHERE e.case_id = NEW.case_id AND e.at <= NEW.at ORDER BY e.at DESC LIMIT 1;
	IF prev IS NOT NULL AND NOT can_transition(prev, NEW.status) THEN
		RAISE EXCEPTION 'case %: % cannot follow %', NEW.case_id, NEW.status, prev USING ERRCODE = '23514';
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER case_events_step BEFORE INSERT ON case_events FOR EACH ROW EXECUTE FUNCTION check_step();
