SELECT nationality,
       count(*) FILTER (WHERE outcome = 'recognized') AS recognized,
       count(*) FILTER (WHERE outcome = 'complementary') AS complementary,
       count(*) FILTER (WHERE outcome = 'rejected') AS rejected,
       count(*) FILTER (WHERE outcome = 'otherwise_closed') AS otherwise_closed,
       count(*) FILTER (WHERE outcome = 'recognized')::float8
         / nullif(count(*) FILTER (WHERE outcome IN ('recognized', 'complementary', 'rejected')), 0) AS recognition_rate,
       count(*) FILTER (WHERE outcome IN ('recognized', 'complementary'))::float8
         / nullif(count(*) FILTER (WHERE outcome IN ('recognized', 'complementary', 'rejected')), 0) AS total_recognition_rate
FROM (SELECT DISTINCT ON (h.case_id) h.nationality, s.outcome
      FROM histories h, unnest(h.statuses) WITH ORDINALITY u(st, k), statuses s
      WHERE 'claim_lodged' = ANY (h.statuses) AND s.status = u.st AND s.outcome IS NOT NULL
      ORDER BY h.case_id, u.k) cases
GROUP BY nationality
ORDER BY count(*) DESC, nationality
LIMIT 8;
