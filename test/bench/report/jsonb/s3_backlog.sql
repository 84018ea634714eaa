-- the status in force at each month end: the event at or before it whose
-- next event (if any) comes after it
SELECT g::date - 1 AS month_end,
       count(*) FILTER (WHERE e.status IN ('claim_lodged', 'admitted', 'interviewed')) AS pending_first_instance,
       count(*) FILTER (WHERE e.status = 'under_appeal') AS pending_appeal
FROM generate_series(timestamp '2021-02-01', timestamp '2021-11-01', '1 month') AS g
CROSS JOIN LATERAL (SELECT (g AT TIME ZONE 'America/Mexico_City') - interval '1 second' AS d) m
JOIN (SELECT u.ev->>'status' AS status, (u.ev->>'at')::timestamptz AS at,
             (c.doc->'events'->(u.k::int)->>'at')::timestamptz AS next_at
      FROM cases c, jsonb_array_elements(c.doc->'events') WITH ORDINALITY u(ev, k)
      WHERE c.doc @> '{"events": [{"status": "claim_lodged"}]}') e
  ON e.at <= m.d AND (e.next_at IS NULL OR e.next_at > m.d)
GROUP BY g ORDER BY g;
