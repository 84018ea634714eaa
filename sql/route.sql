-- route_segment and route: text forms and errors, continuity, unknown
-- dates, containment, days_between, the GIN index, parallel route_agg.

-- legs: every text form
SELECT v::route_segment
FROM (VALUES ('CO NCI -> PA-5 [2021-08-01,2021-08-09]'), ('CO NCI -> PA-5'), ('CO NCI -> PA-5 [2021-08-01,]'),
             ('CO NCI -> PA-5 [,2021-08-09]'), ('CO NCI -> PA-5 [,]'), ('  co nci->pa-5[2021-08-01 , 2021-08-09]  '),
             ('COL -> PAN'), ('CONCI -> PA-5'), ('MX TAP -> MX TAP [2021-01-01,2021-01-01]')) AS t(v);
SELECT route_segment('CO NCI', 'PA-5', '2021-08-01', '2021-08-09'), route_segment('CO NCI', 'PA-5'),
       route_segment('CO NCI', 'PA-5', arrived => '2021-08-09'), route_segment(NULL, 'PA-5') IS NULL;
SELECT s, origin(s), destination(s), departed(s), arrived(s), transit_days(s), crosses_border(s)
FROM unnest('{"CO NCI -> PA-5 [2021-08-01,2021-08-09]","PA-5 -> PA PCN [2021-08-09,]","MX TAP -> MX TIJ","GT CTU -> MX-CHP [2021-09-01,2021-09-01]"}'::route_segment[]) s;
-- errors: 22P02 with the position; 22008 for dates; 22000 for a leg that
-- arrives before it departs (what core's ranges report for reversed bounds)
SELECT 'CO NCI -> PA-5 [2021-08-09,2021-08-01]'::route_segment;
SELECT route_segment('CO NCI', 'PA-5', '2021-08-09', '2021-08-01');
SELECT 'CO NCI -> PA-5 [2021-02-30,]'::route_segment;
SELECT 'CO NCI -> PA-55'::route_segment;
SELECT 'CO NCI PA-5'::route_segment;
SELECT 'CO NCI -> PA-5 [2021-08-01]'::route_segment;
SELECT v, test.sqlstate(format('SELECT %L::route_segment', v))
FROM (VALUES (''), ('->'), ('CO ->'), ('-> PA'), ('CO => PA'), ('CO -> PA -> MX'), ('CO -> PA [2021-08-01'),
             ('CO -> PA [2021-08-01,2021-08-02] x'), ('CO -> PA [x,]'), ('CO -> PA [2021-13-01,]'),
             ('CO -> PA [infinity,]'), ('CO -> PA [,-infinity]'), ('CO -> PA [5874898-01-01,]'), ('CO -> PA [5874897-12-31,]'),
             ('QQ -> PA'), ('CO -> PA-99'), ('CO NC1 -> PA'), ('CO -> PA [2021-08-02,2021-08-01]'),
             ('CO -> PA, PA -> MX')) AS t(v);
SELECT test.sqlstate($$SELECT route_segment('CO', 'PA', 'infinity')$$),
       test.sqlstate($$SELECT route_segment('CO', 'PA', '2021-01-02', '2021-01-01')$$);

-- ordering: by departure (unknown last), then origin, destination, arrival
SELECT array_agg(s ORDER BY s) FROM unnest('{"MX TAP -> US","CO NCI -> PA-5 [2021-08-01,]","AR -> BR [2021-08-01,]","CO NCI -> PA-5 [2021-01-01,2021-01-05]","CO NCI -> PA-5 [2021-01-01,2021-01-02]"}'::route_segment[]) s;
SELECT 'CO -> PA [2021-01-01,]'::route_segment = 'COL -> PAN [2021-01-01,]', 'CO -> PA'::route_segment <> 'CO -> PA [,2021-01-01]',
       'CO -> PA [2021-01-01,]'::route_segment < 'AR -> BR [2021-01-02,]';
CREATE TEMP TABLE seg_parts (s route_segment) PARTITION BY HASH (s);
CREATE TEMP TABLE seg_parts0 PARTITION OF seg_parts FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TEMP TABLE seg_parts1 PARTITION OF seg_parts FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO seg_parts SELECT route_segment('CO NCI', 'PA-5', date '2021-01-01' + i) FROM generate_series(1, 100) i;
SELECT tableoid::regclass, count(*) FROM seg_parts GROUP BY 1 ORDER BY 1;
SELECT s, route_segment_hash(s), route_segment_hash_extended(s, 0), route_segment_hash_extended(s, 3)
FROM unnest('{"CO NCI -> PA-5 [2021-08-01,2021-08-09]","MX TAP -> US"}'::route_segment[]) s;
SELECT count(DISTINCT s) FROM (SELECT route_segment('CO NCI', 'PA-5', date '2021-01-01' + i % 10) s FROM generate_series(1, 100) i) x;

-- journeys: built from legs in any order; discontinuities kept and reported;
-- unknown departures after the dated legs, in input order
CREATE TEMP TABLE legs (person int, n int, leg route_segment);
INSERT INTO legs VALUES
  (1, 1, 'PA-5 -> PA PCN [2021-08-10,2021-08-14]'),
  (1, 2, 'CO NCI -> PA-5 [2021-08-01,2021-08-09]'),
  (1, 3, 'PA PCN -> CR PBS [2021-08-15,2021-08-16]'),
  (1, 4, 'MX-CHP -> US [,2021-10-20]'),
  (1, 5, 'CR PBS -> GT CTU [2021-08-17,2021-08-30]'),
  (1, 6, 'GT CTU -> MX-CHP [2021-08-31,2021-09-01]'),
  -- 2: a gap (PA-5 to PA DAV is missing), and legs without dates
  (2, 1, 'CO TRB -> PA-5 [2021-08-03,2021-08-12]'),
  (2, 2, 'PA DAV -> CR PBS [2021-08-20,2021-08-21]'),
  (2, 3, 'HN -> GT'),
  (2, 4, 'CR PBS -> NI'),
  -- 3: one leg; 4: only NULL legs
  (3, 1, 'HT -> DO [2021-05-05,2021-05-05]'),
  (4, 1, NULL);
CREATE TEMP TABLE journeys AS SELECT person, route_agg(leg ORDER BY n) AS r FROM legs GROUP BY person;
SELECT person, r FROM journeys ORDER BY person;
SELECT person, length(r), is_continuous(r), origin(r), destination(r), total_days(r), places(r), countries(r),
       transit_countries(r)
FROM journeys ORDER BY person;
SELECT route_agg(leg) IS NULL AS empty FROM legs WHERE false;
SELECT * FROM segments((SELECT r FROM journeys WHERE person = 1));
SELECT route(ARRAY(SELECT leg FROM legs WHERE person = 2 ORDER BY n)) = r::text::route AS same,
       route(ARRAY(SELECT leg FROM legs WHERE person = 2 ORDER BY n))::text = r::text AS same_text
FROM journeys WHERE person = 2;
SELECT route('{}'::route_segment[]), route(ARRAY[NULL, 'CO -> PA']::route_segment[]);
-- merging partial journeys of one traveller
SELECT route_agg(r) FROM (VALUES ('{CO NCI -> PA-5 [2021-08-01,2021-08-09]}'::route),
                                 ('{PA-5 -> CR PBS [2021-08-10,2021-08-14], MX TAP -> US}'),
                                 ('{GT CTU -> MX TAP [2021-08-20,2021-08-21]}'), (NULL)) v(r);

-- days_between: from the first stop within a to the first later stop within b
SELECT a, b, days_between(r, a::place, b::place)
FROM journeys, (VALUES ('CO NCI', 'PA-5'), ('PA-5', 'MX-CHP'), ('PA', 'MX'), ('CO', 'US'), ('PA', 'PA'),
                       ('PA-5', 'PA'), ('MX-CHP', 'PA-5'), ('PA-5', 'CO'), ('PA-5', 'HN'), ('GT', 'MX-CHP'),
                       ('CR PBS', 'CR PBS')) AS t(a, b)
WHERE person = 1;
SELECT days_between(r, 'CO', 'PA'), days_between(r, 'PA', 'CR'), days_between(r, 'CR', 'NI')
FROM journeys WHERE person = 2;

-- text form: round trip; legs must be in canonical order
SELECT count(*) FILTER (WHERE r::text::route::text = r::text) AS round_trip FROM journeys WHERE r IS NOT NULL;
SELECT '{}'::route, length('{}'::route), origin('{}'::route) IS NULL, places('{}'), is_continuous('{}');
SELECT '{PA-5 -> CR PBS [2021-08-10,2021-08-14], CO NCI -> PA-5 [2021-08-01,2021-08-09]}'::route;
SELECT '{MX TAP -> US, CO NCI -> PA-5 [2021-08-01,2021-08-09]}'::route;
SELECT '{CO NCI -> PA-5 [2021-08-01,2021-08-09] PA-5 -> CR}'::route;
SELECT v, test.sqlstate(format('SELECT %L::route', v))
FROM (VALUES (''), ('{'), ('{,}'), ('{CO -> PA,}'), ('{CO -> PA}}'), ('CO -> PA'), ('{CO -> PA [2021-08-02,2021-08-01]}'),
             ('{CO -> XX}'), ('{CO -> PA [2021-02-29,]}'), ('{CO -> PA} x')) AS t(v);

-- binary forms: round trips; receive checks what input checks
SELECT route_segment_send('CO NCI -> PA-5 [2000-01-02,2000-01-03]'), route_segment_send('CO -> PA');
CREATE TEMP TABLE seg_bin (s route_segment);
SELECT v, test.copy_binary('seg_bin', v)
FROM (VALUES ('\x06f98353201460000000000100000002'::bytea),  -- CO NCI -> PA-5, 2000-01-02..03
             ('\x06f9835320146000000000027fffffff'),          -- arrival unknown
             ('\x06f98353201460000000000200000001'),          -- arrives before it departs
             ('\x06f983532014600080000000ffffffff'),          -- departs at -infinity
             ('\x06f983532014600a0000000100000002'),          -- not a place
             ('\x06f9835320146000000000010000'),              -- short
             ('\x06f98353201460000000000100000002ff')) AS t(v);  -- trailing byte
SELECT * FROM seg_bin;
CREATE TEMP TABLE route_copy AS SELECT r FROM journeys WHERE r IS NOT NULL;
CREATE TEMP TABLE route_copy2 (LIKE route_copy);
DO $$
DECLARE f text := current_setting('data_directory') || '/migrec_route.bin';
BEGIN
	EXECUTE format('COPY route_copy TO %L WITH (FORMAT binary)', f);
	EXECUTE format('COPY route_copy2 FROM %L WITH (FORMAT binary)', f);
END $$;
SELECT count(*), count(*) FILTER (WHERE r::text IN (SELECT r::text FROM route_copy)) FROM route_copy2;
CREATE TEMP TABLE route_bin (r route);
SELECT v, test.copy_binary('route_bin', v)
FROM (VALUES ('\x010000000106f98353201460000000000100000002'::bytea),
             ('\x0100000000'),
             ('\x020000000106f98353201460000000000100000002'),
             ('\x010000000206f9835320146000000000050000000606f98353201460000000000100000002'),  -- out of order
             ('\x010000000206f98353201460000000000100000002'),  -- count 2, one leg
             ('\x01ffffffff'), ('\x01')) AS t(v);
SELECT * FROM route_bin;

-- containment: a journey touches a place or anything within it
SELECT p, r @> p::place AS touches, p::place <@ r AS within
FROM journeys, unnest('{PA-5,PA,PA PCN,MX,MX-CHP,MX TAP,US,CO,CO NCI,CO TRB,EC,CR}'::text[]) p
WHERE person = 1;
SELECT person, r && '{NI,EC}'::place[] AS ni_or_ec, r && '{}'::place[] AS empty, r && '{NULL,DO}'::place[] AS dominican
FROM journeys WHERE r IS NOT NULL ORDER BY person;

-- the GIN index answers @> and && exactly, and agrees with a sequential scan
CREATE TABLE journeys_big AS
  SELECT i AS person,
         route(ARRAY[route_segment((ARRAY['CO NCI','CO TRB','EC UIO','CO-ANT'])[1 + i % 4]::place, 'PA-5',
                                   date '2021-01-01' + i % 300, date '2021-01-05' + i % 300),
                     route_segment('PA-5', (ARRAY['PA PCN','CR PBS'])[1 + i % 2]::place),
                     route_segment('CR PBS', (ARRAY['MX TAP','GT CTU','MX-CHP','US','GB-ABE'])[1 + i % 5]::place)]) AS r
  FROM generate_series(1, 20000) i;
CREATE INDEX journeys_big_r ON journeys_big USING gin (r);
ANALYZE journeys_big;
CREATE TEMP TABLE queries (q text);
INSERT INTO queries VALUES ('r @> ''MX'''), ('r @> ''MX-CHP'''), ('r @> ''GT CTU'''), ('r @> ''CO'''), ('r @> ''CO-ANT'''),
  ('r @> ''GB-SCT'''), ('r @> ''GB'''), ('r @> ''AR'''), ('r && ''{EC,GT}''::place[]'), ('r && ''{}''::place[]'),
  ('r && ''{PA PCN,US}''::place[]');
CREATE FUNCTION pg_temp.count_where(cond text, use_index bool) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
	EXECUTE format('SET LOCAL enable_seqscan = %s', NOT use_index);
	EXECUTE format('SET LOCAL enable_bitmapscan = %s', use_index);
	EXECUTE format('SELECT count(*) FROM journeys_big WHERE %s', cond) INTO n;
	RETURN n;
END $$;
SELECT q, pg_temp.count_where(q, true) AS with_index, pg_temp.count_where(q, false) AS seqscan FROM queries;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM journeys_big WHERE r @> 'PA-5';
EXPLAIN (COSTS OFF) SELECT count(*) FROM journeys_big WHERE r && '{GT,HN}'::place[];
RESET enable_seqscan;
SELECT opcname, amvalidate(oid) FROM pg_opclass WHERE opcname IN ('route_ops', 'route_segment_ops', 'route_segment_hash_ops') ORDER BY 1;

-- parallel: route_agg gives the same journeys with and without workers
CREATE TABLE many_legs AS
  SELECT p AS person, route_segment(s.origin, s.destination, s.departed, s.arrived) AS leg
  FROM generate_series(1, 300) p,
       LATERAL (SELECT (ARRAY['CO NCI','PA-5','PA PCN','CR PBS','NI','HN','GT CTU','MX-CHP','MX TIJ','US'])[k]::place AS origin,
                       (ARRAY['PA-5','PA PCN','CR PBS','NI','HN','GT CTU','MX-CHP','MX TIJ','US','US'])[k]::place AS destination,
                       date '2021-01-01' + p + 7 * k + 70 * w AS departed, date '2021-01-03' + p + 7 * k + 70 * w AS arrived
                FROM generate_series(1, 10) k, generate_series(0, 9) w) s
  ORDER BY md5(p::text || s.departed::text);
ANALYZE many_legs;
CREATE TEMP TABLE serial_routes AS SELECT person, route_agg(leg)::text AS r FROM many_legs GROUP BY person;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2; SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT person, route_agg(leg) FROM many_legs GROUP BY person;
SELECT count(*) AS people, count(*) FILTER (WHERE s.r = p.r) AS equal
FROM serial_routes s JOIN (SELECT person, route_agg(leg)::text AS r FROM many_legs GROUP BY person) p USING (person);
-- force_parallel_mode is named debug_parallel_query from PostgreSQL 16 on
SELECT CASE WHEN current_setting('server_version_num')::int < 160000 THEN 'force_parallel_mode'
            ELSE 'debug_parallel_query' END AS force_parallel \gset
SET :force_parallel = on;
SELECT count(*) FILTER (WHERE s.r = p.r) AS equal_forced
FROM serial_routes s JOIN (SELECT person, route_agg(leg)::text AS r FROM many_legs GROUP BY person) p USING (person);
SELECT count(*) FROM journeys_big WHERE r @> 'MX-CHP';
RESET :force_parallel; RESET parallel_setup_cost; RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size; RESET max_parallel_workers_per_gather; RESET parallel_leader_participation;
DROP TABLE many_legs;
DROP TABLE journeys_big;
-- min and max follow the btree order: the earliest and the latest leg
SELECT min(s), max(s) FROM unnest('{"MX TAP -> US","CO NCI -> PA-5 [2021-08-01,]","AR -> BR [2021-08-01,]"}'::route_segment[]) s;
SELECT min(leg) FROM legs;
