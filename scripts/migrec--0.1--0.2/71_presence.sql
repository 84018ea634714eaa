--------------------------------------------------------------------------
-- People in transit: where a journey was on a day, and its stays within a
-- place (stock by place and day: flow_stock over the stays' entries and
-- exits, docs/forecast.md).
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.present_at(@extschema@.route, @extschema@.place, pg_catalog.date)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'route_present_at'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.present_at(@extschema@.route, @extschema@.place, pg_catalog.date) IS
'was the traveller within the place (a country or subdivision contains its parts) on that day: from the arrival at a stop within it to the departure from the last stop within it in a row; NULL when an unknown date leaves it open';

CREATE FUNCTION @extschema@.stays(@extschema@.route, @extschema@.place,
	OUT entered pg_catalog.date, OUT left_on pg_catalog.date)
RETURNS SETOF record AS 'MODULE_PATHNAME', 'route_stays'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1;
COMMENT ON FUNCTION @extschema@.stays(@extschema@.route, @extschema@.place) IS
'each stay of the journey within the place: the day it reached the first stop within it (the first stop: the day it left) and the day it left the last one in a row (the journey''s last stop: the day it arrived); NULL for an unknown date';
