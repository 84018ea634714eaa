-- A clerk registers a claim (lodged, then admitted) and a journey (its two
-- legs, and the journey's arrays with the GIN-indexed places): the plain design.
\set id random(2000000000, 900000000000000)
\set nat random(1, 5)
\set back random(20, 60)
BEGIN;
INSERT INTO case_events VALUES (:id, (ARRAY['HND','HTI','CUB','VEN','SLV'])[:nat], 'MX-CHP', 'claim_lodged', now() - interval '3 days');
INSERT INTO case_events VALUES (:id, (ARRAY['HND','HTI','CUB','VEN','SLV'])[:nat], 'MX-CHP', 'admitted', now());
INSERT INTO journey_legs VALUES
	(:id, 'HTI', 'CO NCI', 'PA-5', current_date - :back, current_date - :back + 4),
	(:id, 'HTI', 'PA-5', 'MX-CHP', current_date - :back + 5, current_date);
INSERT INTO journeys VALUES (:id, 'HTI', '{CO NCI,PA-5}', '{PA-5,MX-CHP}',
	ARRAY[current_date - :back, current_date - :back + 5], ARRAY[current_date - :back + 4, current_date],
	'{CO,CO NCI,MX,MX-CHP,PA,PA-5}');
END;
