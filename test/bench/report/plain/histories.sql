-- each case's timeline as two arrays in time order
CREATE TEMP TABLE histories AS
SELECT case_id, nationality, array_agg(status ORDER BY at) AS statuses, array_agg(at ORDER BY at) AS ats
FROM case_events
GROUP BY case_id, nationality;
