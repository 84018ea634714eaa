SELECT c.nationality, n.name_es AS nacionalidad,
       count(*) AS claims,
       count(*) FILTER (WHERE 'MX-CHP' = ANY (p.keys)) AS in_chiapas
FROM (SELECT DISTINCT ON (case_id) case_id, nationality, office
      FROM case_events
      WHERE status = 'claim_lodged' AND at >= '2021-01-01 00:00-06' AND at < '2021-08-01 00:00-06'
      ORDER BY case_id, at) c
JOIN countries n ON n.code = c.nationality
JOIN places p ON p.code = c.office
GROUP BY c.nationality, n.name_es
ORDER BY count(*) DESC, c.nationality
LIMIT 8;

SELECT count(*) AS all_claims,
       count(*) FILTER (WHERE 'MX-CHP' = ANY (p.keys)) AS in_chiapas
FROM (SELECT DISTINCT ON (case_id) case_id, office FROM case_events
      WHERE status = 'claim_lodged' ORDER BY case_id, at) c
JOIN places p ON p.code = c.office;
