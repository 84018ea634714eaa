-- the status in force at each month end: the event at or before it whose
-- next event (if any: the next element of the case's events, in time
-- order) comes after it; only the pending statuses are counted, so only
-- their events are compared with the ten month ends
WITH months AS MATERIALIZED (
	SELECT g, (g AT TIME ZONE 'America/Mexico_City') - interval '1 second' AS d
	FROM generate_series(timestamp '2021-02-01', timestamp '2021-11-01', '1 month') AS g),
e AS MATERIALIZED (
	SELECT u.ev->>'status' AS status, (u.ev->>'at')::timestamptz AS at,
	       (c.doc->'events'->(u.k::int)->>'at')::timestamptz AS next_at
	FROM cases c, jsonb_array_elements(c.doc->'events') WITH ORDINALITY u(ev, k)
	WHERE c.doc @> '{"events": [{"status": "claim_lodged"}]}'
	  AND u.ev->>'status' IN ('claim_lodged', 'admitted', 'interviewed', 'under_appeal'))
SELECT m.g::date - 1 AS month_end,
       count(*) FILTER (WHERE e.status IN ('claim_lodged', 'admitted', 'interviewed')) AS pending_first_instance,
       count(*) FILTER (WHERE e.status = 'under_appeal') AS pending_appeal
FROM months m JOIN e ON e.at <= m.d AND (e.next_at IS NULL OR e.next_at > m.d)
GROUP BY m.g ORDER BY m.g;
