CREATE TEMP TABLE invalid_steps AS
SELECT h.case_id, h.statuses[u.k - 1] AS from_status, u.st AS to_status
FROM histories h, unnest(h.statuses) WITH ORDINALITY u(st, k)
WHERE u.k > 1
  AND NOT EXISTS (SELECT FROM transitions t WHERE t.from_status = h.statuses[u.k - 1] AND t.to_status = u.st);
SELECT (SELECT count(*) FROM histories) AS cases, (SELECT count(DISTINCT case_id) FROM invalid_steps) AS invalid;
SELECT from_status, to_status, count(*) AS steps
FROM invalid_steps
GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT 5;
