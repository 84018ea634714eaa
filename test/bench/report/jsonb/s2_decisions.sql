SELECT nationality,
       count(*) FILTER (WHERE outcome = 'recognized') AS recognized,
       count(*) FILTER (WHERE outcome = 'complementary') AS complementary,
       count(*) FILTER (WHERE outcome = 'rejected') AS rejected,
       count(*) FILTER (WHERE outcome = 'otherwise_closed') AS otherwise_closed,
       count(*) FILTER (WHERE outcome = 'recognized')::float8
         / nullif(count(*) FILTER (WHERE outcome IN ('recognized', 'complementary', 'rejected')), 0) AS recognition_rate,
       count(*) FILTER (WHERE outcome IN ('recognized', 'complementary'))::float8
         / nullif(count(*) FILTER (WHERE outcome IN ('recognized', 'complementary', 'rejected')), 0) AS total_recognition_rate
FROM (SELECT DISTINCT ON (c.case_id) c.doc->>'nationality' AS nationality, s.outcome
      FROM cases c, jsonb_array_elements(c.doc->'events') WITH ORDINALITY e(ev, k), statuses s
      WHERE c.doc @> '{"events": [{"status": "claim_lodged"}]}' AND s.status = e.ev->>'status' AND s.outcome IS NOT NULL
      ORDER BY c.case_id, e.k) cases
GROUP BY nationality
ORDER BY count(*) DESC, nationality
LIMIT 8;
