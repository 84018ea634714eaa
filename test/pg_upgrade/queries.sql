-- test/pg_upgrade/queries.sql: what must give the same answers before and
-- after pg_upgrade (and after ALTER EXTENSION migrec UPDATE): every row of
-- every table, each partition's rows, and queries answered through each
-- index.  (Which objects belong to the extension may differ between server
-- versions: run.sh compares them with a fresh install on the new server.)
\set ON_ERROR_STOP 1
\pset footer off
SELECT * FROM (
	SELECT 1 AS o, 'cases' AS t, count(*), md5(string_agg(x::text, E'\n' ORDER BY x.case_id)) FROM cases x
	UNION ALL SELECT 2, 'case_events', count(*), md5(string_agg(x::text, E'\n' ORDER BY x::text COLLATE "C")) FROM case_events x
	UNION ALL SELECT 3, 'journey_legs', count(*), md5(string_agg(x::text, E'\n' ORDER BY x.person_id, x.leg_no)) FROM journey_legs x
	UNION ALL SELECT 4, 'journeys', count(*), md5(string_agg(x::text, E'\n' ORDER BY x.person_id)) FROM journeys x
	UNION ALL SELECT 5, 'flows', count(*), md5(string_agg(x::text, E'\n' ORDER BY x::text COLLATE "C")) FROM flows x
) s ORDER BY o;
-- rows stay in the partition their nationality hashes to
SELECT tableoid::regclass AS part, count(*), md5(string_agg(n::text || ' ' || case_id, ',' ORDER BY case_id))
FROM by_nationality GROUP BY 1 ORDER BY 1;
SELECT count(*) AS misplaced FROM by_nationality
WHERE satisfies_hash_partition('by_nationality'::regclass, 4, substr(tableoid::regclass::text, 16)::int, n) IS NOT TRUE;
-- through the indexes
SET enable_seqscan = off;
SELECT count(*) AS hnd FROM cases WHERE n = 'HND';
SELECT count(*) AS in_mexico, count(DISTINCT office) AS offices FROM cases WHERE office <@ 'MX';
SELECT s, count(*) FROM cases WHERE s >= 'recognized_refugee' GROUP BY s ORDER BY s;
SELECT count(*) FROM cases WHERE n BETWEEN 'AFG' AND 'CUB' AND office >= 'MX' AND office < 'MY';
SELECT count(*) AS same_history FROM cases a JOIN cases b ON a.h = b.h WHERE a.case_id < 200;
SELECT count(*) AS darien, count(*) FILTER (WHERE r && '{MX-CHP,US}'::place[]) AS and_north FROM journeys WHERE r @> 'PA-5';
SELECT count(*) FROM journeys WHERE r @> 'GT CTU' OR r @> 'MX TAP';
SELECT count(*) AS same_route FROM journeys a JOIN journeys b ON a.r = b.r WHERE a.person_id < 300;
SELECT count(*), min(leg), max(leg) FROM journey_legs WHERE leg > 'AR -> BR [2021-06-01,]';
SELECT count(*) FROM flows a JOIN flows b ON a.f = b.f;
SELECT n, count(*) FROM by_nationality WHERE n IN ('HND', 'HTI', 'CUB', 'VEN') GROUP BY n ORDER BY n;
RESET enable_seqscan;
-- what the values say
SELECT n, recognition_rate(t), decision_counts(t) FROM (SELECT n, decision_tally(t) AS t FROM cases GROUP BY n) x
ORDER BY n LIMIT 15;
SELECT count(*) FILTER (WHERE is_valid(h)) AS valid_histories, sum(length(h)) AS events, max(decision_days(h)) FROM cases;
SELECT median(p), quantile(p, 0.9) FROM (SELECT transit_profile(p) AS p FROM flows) x;
SELECT sum(d.n) AS arrivals FROM flows, days(f) d;
SELECT length(r) AS legs, count(*), count(*) FILTER (WHERE is_continuous(r)) AS continuous FROM journeys GROUP BY 1 ORDER BY 1;
