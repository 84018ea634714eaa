SELECT nationality,
       count(*) FILTER (WHERE outcome = 'recognized') AS recognized,
       count(*) FILTER (WHERE outcome = 'complementary') AS complementary,
       count(*) FILTER (WHERE outcome = 'rejected') AS rejected,
       count(*) FILTER (WHERE outcome = 'otherwise_closed') AS otherwise_closed,
       count(*) FILTER (WHERE outcome = 'recognized')::float8
         / nullif(count(*) FILTER (WHERE outcome IN ('recognized', 'complementary', 'rejected')), 0) AS recognition_rate,
       count(*) FILTER (WHERE outcome IN ('recognized', 'complementary'))::float8
         / nullif(count(*) FILTER (WHERE outcome IN ('recognized', 'complementary', 'rejected')), 0) AS total_recognition_rate
FROM (SELECT h.nationality,
             (SELECT s.outcome FROM unnest(h.statuses) WITH ORDINALITY u(st, k) JOIN statuses s ON s.status = u.st
              WHERE s.outcome IS NOT NULL ORDER BY u.k LIMIT 1) AS outcome
      FROM histories h WHERE 'claim_lodged' = ANY (h.statuses)) cases
WHERE outcome IS NOT NULL
GROUP BY nationality
ORDER BY count(*) DESC, nationality
LIMIT 8;
