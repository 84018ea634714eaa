SELECT nationality, country_name(nationality, 'es') AS nacionalidad,
       count(*) AS claims,
       count(*) FILTER (WHERE office <@ 'MX-CHP') AS in_chiapas
FROM (SELECT DISTINCT ON (case_id) case_id, nationality, office
      FROM case_events
      WHERE status = 'claim_lodged' AND at >= '2021-01-01 00:00-06' AND at < '2021-08-01 00:00-06'
      ORDER BY case_id, at) claims
GROUP BY nationality
ORDER BY count(*) DESC, nationality
LIMIT 8;

SELECT count(*) AS all_claims,
       count(*) FILTER (WHERE office <@ 'MX-CHP') AS in_chiapas
FROM (SELECT DISTINCT ON (case_id) case_id, office FROM case_events
      WHERE status = 'claim_lodged' ORDER BY case_id, at) claims;
