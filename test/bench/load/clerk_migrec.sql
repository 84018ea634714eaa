-- A clerk registers a claim (lodged, then admitted) and a journey (its two
-- legs, and the journey with its GIN-indexed route): migrec's design.
\set id random(2000000000, 900000000000000)
\set nat random(1, 5)
\set back random(20, 60)
BEGIN;
INSERT INTO case_events VALUES (:id, ((ARRAY['HND','HTI','CUB','VEN','SLV'])[:nat])::nationality, 'MX-CHP', 'claim_lodged', now() - interval '3 days');
INSERT INTO case_events VALUES (:id, ((ARRAY['HND','HTI','CUB','VEN','SLV'])[:nat])::nationality, 'MX-CHP', 'admitted', now());
INSERT INTO journey_legs VALUES
	(:id, 'HTI', route_segment('CO NCI', 'PA-5', current_date - :back, current_date - :back + 4)),
	(:id, 'HTI', route_segment('PA-5', 'MX-CHP', current_date - :back + 5, current_date));
INSERT INTO journeys VALUES (:id, 'HTI', route(ARRAY[route_segment('CO NCI', 'PA-5', current_date - :back, current_date - :back + 4),
                                                  route_segment('PA-5', 'MX-CHP', current_date - :back + 5, current_date)]));
END;
