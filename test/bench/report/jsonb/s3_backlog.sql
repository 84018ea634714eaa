-- the status in force at each month end: the event at or before it whose
-- next event (if any) comes after it (each event with its next computed
-- once, then compared with the ten month ends)
WITH months AS MATERIALIZED (
	SELECT g, (g AT TIME ZONE 'America/Mexico_City') - interval '1 second' AS d
	FROM generate_series(timestamp '2021-02-01', timestamp '2021-11-01', '1 month') AS g),
e AS MATERIALIZED (
	SELECT u.ev->>'status' AS status, (u.ev->>'at')::timestamptz AS at,
	       (lead(u.ev) OVER (PARTITION BY c.case_id ORDER BY u.k)->>'at')::timestamptz AS next_at
	FROM cases c, jsonb_array_elements(c.doc->'events') WITH ORDINALITY u(ev, k)
	WHERE c.doc @> '{"events": [{"status": "claim_lodged"}]}')
SELECT m.g::date - 1 AS month_end,
       count(*) FILTER (WHERE e.status IN ('claim_lodged', 'admitted', 'interviewed')) AS pending_first_instance,
       count(*) FILTER (WHERE e.status = 'under_appeal') AS pending_appeal
FROM months m JOIN e ON e.at <= m.d AND (e.next_at IS NULL OR e.next_at > m.d)
GROUP BY m.g ORDER BY m.g;
