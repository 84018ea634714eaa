CREATE TEMP TABLE invalid_steps AS
SELECT c.case_id, c.doc->'events'->(u.k::int - 2)->>'status' AS from_status, u.ev->>'status' AS to_status
FROM cases c, jsonb_array_elements(c.doc->'events') WITH ORDINALITY u(ev, k)
WHERE u.k > 1
  AND NOT EXISTS (SELECT FROM transitions t
                  WHERE t.from_status = c.doc->'events'->(u.k::int - 2)->>'status' AND t.to_status = u.ev->>'status');
SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(DISTINCT case_id) FROM invalid_steps) AS invalid;
-- (statuses in the procedure's order, as the enum and migrec sort them)
SELECT i.from_status, i.to_status, count(*) AS steps
FROM invalid_steps i JOIN statuses f ON f.status = i.from_status JOIN statuses t ON t.status = i.to_status
GROUP BY 1, 2, f.position, t.position ORDER BY count(*) DESC, f.position, t.position LIMIT 5;
