-- each case's timeline as two arrays in time order: the events sorted once
-- (by the case, then time) and aggregated in that order, rather than one
-- ORDER BY inside each array_agg (PostgreSQL 15 sorts each group again for
-- every ordered aggregate)
CREATE TEMP TABLE histories AS
SELECT case_id, nationality, array_agg(status) AS statuses, array_agg(at) AS ats
FROM (SELECT case_id, nationality, status, at FROM case_events ORDER BY case_id, nationality, at) e
GROUP BY case_id, nationality;
