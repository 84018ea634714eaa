-- The month ends in Mexico City time, whatever the session's TimeZone,
-- computed once (MATERIALIZED: not again for every case).
WITH month_ends AS MATERIALIZED (
    SELECT g, (g AT TIME ZONE 'America/Mexico_City') - interval '1 second' AS d
    FROM generate_series(timestamp '2021-02-01', timestamp '2021-11-01', '1 month') AS g)
SELECT g::date - 1 AS month_end,
       count(*) FILTER (WHERE s IN ('claim_lodged', 'admitted', 'interviewed')) AS pending_first_instance,
       count(*) FILTER (WHERE s = 'under_appeal') AS pending_appeal
FROM month_ends m,
     histories,
     LATERAL (SELECT status_at(h, m.d) AS s) st
WHERE first_reached(h, 'claim_lodged') IS NOT NULL
GROUP BY g ORDER BY g;
