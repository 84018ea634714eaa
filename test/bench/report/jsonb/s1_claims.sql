SELECT c.doc->>'nationality' AS nationality, n.name_es AS nacionalidad,
       count(*) AS claims,
       count(*) FILTER (WHERE 'MX-CHP' = ANY (p.keys)) AS in_chiapas
FROM cases c
JOIN countries n ON n.code = c.doc->>'nationality'
JOIN places p ON p.code = c.doc->>'office'
WHERE c.doc @> '{"events": [{"status": "claim_lodged"}]}'
  AND EXISTS (SELECT FROM jsonb_array_elements(c.doc->'events') e
              WHERE e->>'status' = 'claim_lodged'
                AND (e->>'at')::timestamptz >= '2021-01-01 00:00-06' AND (e->>'at')::timestamptz < '2021-08-01 00:00-06')
GROUP BY c.doc->>'nationality', n.name_es
ORDER BY count(*) DESC, 1
LIMIT 8;

SELECT count(*) AS all_claims,
       count(*) FILTER (WHERE 'MX-CHP' = ANY (p.keys)) AS in_chiapas
FROM cases c JOIN places p ON p.code = c.doc->>'office'
WHERE c.doc @> '{"events": [{"status": "claim_lodged"}]}';
