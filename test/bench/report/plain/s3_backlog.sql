-- the status in force at each month end: the event at or before it whose
-- next event (if any) comes after it (each event with its next computed
-- once, then compared with the ten month ends)
WITH months AS MATERIALIZED (
	SELECT g, (g AT TIME ZONE 'America/Mexico_City') - interval '1 second' AS d
	FROM generate_series(timestamp '2021-02-01', timestamp '2021-11-01', '1 month') AS g),
e AS MATERIALIZED (
	SELECT u.status, u.at, h.ats[u.k + 1] AS next_at
	FROM histories h, unnest(h.statuses, h.ats) WITH ORDINALITY u(status, at, k)
	WHERE 'claim_lodged' = ANY (h.statuses))
SELECT m.g::date - 1 AS month_end,
       count(*) FILTER (WHERE e.status IN ('claim_lodged', 'admitted', 'interviewed')) AS pending_first_instance,
       count(*) FILTER (WHERE e.status = 'under_appeal') AS pending_appeal
FROM months m JOIN e ON e.at <= m.d AND (e.next_at IS NULL OR e.next_at > m.d)
GROUP BY m.g ORDER BY m.g;
