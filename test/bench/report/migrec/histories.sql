CREATE TEMP TABLE histories AS
SELECT case_id, nationality, protection_history(status, at) AS h
FROM case_events
GROUP BY case_id, nationality;
