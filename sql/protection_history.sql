-- protection_history: the aggregate, the text and binary forms, and the
-- functions on timelines.
SET TimeZone = 'America/Mexico_City';

CREATE TEMP TABLE case_events (case_id int, status protection_status, at timestamptz);
INSERT INTO case_events VALUES
  -- 1: a straight path to recognition, events given out of order
  (1, 'recognized_refugee', '2021-09-01 12:00+00'),
  (1, 'encountered', '2021-06-01 10:00+00'),
  (1, 'interviewed', '2021-07-15 09:30+00'),
  (1, 'claim_lodged', '2021-06-03 16:00+00'),
  (1, 'admitted', '2021-06-20 00:00+00'),
  -- 2: rejected, appealed, recognized under Cartagena on appeal
  (2, 'claim_lodged', '2021-02-01'),
  (2, 'admitted', '2021-02-10'),
  (2, 'interviewed', '2021-03-10'),
  (2, 'rejected', '2021-05-01'),
  (2, 'under_appeal', '2021-05-10'),
  (2, 'recognized_cartagena', '2021-08-01'),
  -- 3: two events at the same instant: input order is kept
  (3, 'claim_lodged', '2021-04-01 00:00+00'),
  (3, 'withdrawn', '2021-04-01 00:00+00'),
  (3, 'claim_lodged', '2021-04-01 00:00+00'),
  -- 4: one event
  (4, 'encountered', '2021-03-03 03:03:03.123456+00'),
  -- 5: invalid steps: a decision without a claim, a repeated claim
  (5, 'encountered', '2021-01-01'),
  (5, 'recognized_refugee', '2021-01-05'),
  (5, 'claim_lodged', '2021-01-06'),
  (5, 'claim_lodged', '2021-01-07'),
  (5, 'abandoned', '2021-02-07'),
  -- 6: only rows with NULLs: no history
  (6, NULL, '2021-01-01'),
  (6, 'claim_lodged', NULL),
  -- 7: NULL rows among others are skipped
  (7, 'claim_lodged', '2021-01-01'),
  (7, NULL, '2021-01-02'),
  (7, 'admitted', '2021-01-03');

CREATE TEMP TABLE histories AS
  SELECT case_id, protection_history(status, at) AS h FROM case_events GROUP BY case_id;
SELECT case_id, h FROM histories ORDER BY case_id;
SELECT case_id, length(h), current_status(h), first_decision(h), final_decision(h),
       decision_days(h), is_valid(h)
FROM histories ORDER BY case_id;
-- an empty input gives NULL, like other aggregates
SELECT protection_history(status, at) IS NULL AS empty FROM case_events WHERE false;

-- status_at: NULL before the first event, the event's status from its instant on
SELECT t, status_at(h, t)
FROM histories, unnest(ARRAY['2021-01-31 23:59:59+00', '2021-02-01 00:00+00', '2021-02-01 00:00:00.000001+00',
                             '2021-05-09+00', '2021-05-10+00', '2030-01-01+00']::timestamptz[]) t
WHERE case_id = 2 ORDER BY t;
SELECT status_at(h, '2021-04-01 00:00+00') FROM histories WHERE case_id = 3;
SELECT status_at(h, '-infinity') IS NULL, status_at(h, 'infinity') FROM histories WHERE case_id = 2;
-- first_reached, days_between
SELECT s, first_reached(h, s) FROM histories, unnest('{claim_lodged,rejected,recognized_cartagena,expelled}'::protection_status[]) s
WHERE case_id = 2;
SELECT days_between(h, 'claim_lodged', 'rejected') AS to_rejection,
       days_between(h, 'claim_lodged', 'recognized_cartagena') AS to_recognition,
       days_between(h, 'rejected', 'claim_lodged') AS never_after,
       days_between(h, 'claim_lodged', 'claim_lodged') AS same,
       days_between(h, 'claim_lodged', 'deported') AS never_reached,
       days_between(h, 'expelled', 'claim_lodged') AS from_never_reached
FROM histories WHERE case_id = 2;
-- calendar days are UTC days, whatever the TimeZone
SELECT decision_days('{claim_lodged@2021-06-01T23:59:00Z, rejected@2021-06-02T00:01:00Z}'),
       decision_days('{claim_lodged@2021-06-01T00:01:00Z, rejected@2021-06-01T23:59:00Z}'),
       decision_days('{rejected@2021-06-01T00:00:00Z, claim_lodged@2021-06-02T00:00:00Z}'),
       decision_days('{claim_lodged@2021-06-01T00:00:00Z, withdrawn@2021-06-02T00:00:00Z}');
-- events and invalid steps as rows
SELECT * FROM events((SELECT h FROM histories WHERE case_id = 1));
SELECT * FROM invalid_steps((SELECT h FROM histories WHERE case_id = 5));
SELECT case_id, count(*) FROM histories, invalid_steps(h) GROUP BY 1 ORDER BY 1;
SELECT * FROM events('{}');
SELECT current_status('{}') IS NULL, is_valid('{}'), length('{}'::protection_history);

-- backlog on a date: cases whose status then is not terminal
SELECT d::date, count(*) FILTER (WHERE NOT is_terminal(status_at(h, d))) AS backlog
FROM histories, generate_series('2021-01-01+00'::timestamptz, '2021-10-01+00', '3 months') d
GROUP BY d ORDER BY d;

-- text form: UTC, ISO 8601, round-trips, whatever the TimeZone
SET TimeZone = 'Asia/Kathmandu';
SELECT h FROM histories WHERE case_id = 4;
SELECT count(*) FILTER (WHERE h::text::protection_history::text = h::text) AS round_trip FROM histories;
RESET TimeZone;
SELECT v::protection_history
FROM (VALUES ('{claim_lodged@2021-06-03T09:00:00Z}'), ('{ claim_lodged @2021-06-03 , admitted@2021-06-20 }'),
             ('{Claim_Lodged@2021-06-03 09:00:00+05:30}'), ('{claim_lodged@2021-06-03T09:00-03}'),
             ('{claim_lodged@2021-06-03T09:00:00.5Z}'), ('{claim_lodged@2021-06-03T09:00:00.000001Z}'),
             ('{claim_lodged@-infinity, admitted@2021-01-01, rejected@infinity}'),
             ('{admitted@-0044-03-15T12:00:00Z, claim_lodged@0001-01-01}'), ('{}'),
             ('{claim_lodged@294276-12-31T23:59:59.999999Z}'), ('{claim_lodged@-4713-11-24T00:00:00Z}')) AS t(v);
-- timestamps across PostgreSQL's whole range: through the text form and
-- back, and against PostgreSQL's own UTC rendering
SELECT setseed(0.42);
CREATE TEMP TABLE random_ts AS
  SELECT to_timestamp(lo + random() * (hi - lo)) AS ts
  FROM (SELECT extract(epoch FROM timestamptz '4714-11-24 00:00:00+00 BC')::float8 AS lo,
               extract(epoch FROM timestamptz '294276-12-31 23:59:59+00')::float8 AS hi) r,
       generate_series(1, 5000)
  UNION ALL
  SELECT timestamptz '1900-01-01+00' + random() * interval '200 years' FROM generate_series(1, 5000);
SET TimeZone = 'UTC';
SELECT count(*) AS timestamps,
       count(*) FILTER (WHERE (SELECT at FROM events(h::text::protection_history)) = ts) AS round_trip,
       count(*) FILTER (WHERE h::text =
         '{claim_lodged@' || CASE WHEN y < 0 THEN '-' ELSE '' END || lpad(abs(y)::text, greatest(4, length(abs(y)::text)), '0')
         || to_char(ts, '-MM-DD"T"HH24:MI:SS') || rtrim(rtrim(to_char(ts, '.US'), '0'), '.') || 'Z}') AS as_postgres
FROM random_ts,
     LATERAL (SELECT protection_history('claim_lodged', t) FROM (VALUES (ts)) v(t)) x(h),
     -- the astronomical year: 0 is 1 BC
     LATERAL (SELECT CASE WHEN ts < '0001-01-01+00' THEN extract(year FROM ts)::int + 1
                          ELSE extract(year FROM ts)::int END) yy(y);
RESET TimeZone;
-- errors: 22P02 with the position; 22008 for dates out of range
SELECT '{claim_lodged@2021-06-03, admitted@2021-06-01}'::protection_history;
SELECT '{claim_lodged@2021-02-30}'::protection_history;
SELECT '{claim_lodged@2021-06-03T24:00}'::protection_history;
SELECT '{lodged@2021-06-03}'::protection_history;
SELECT '{claim_lodged 2021-06-03}'::protection_history;
SELECT v, test.sqlstate(format('SELECT %L::protection_history', v))
FROM (VALUES (''), ('{'), ('}'), ('{}x'), ('{,}'), ('{claim_lodged@}'), ('{claim_lodged@2021-06-03'),
             ('{claim_lodged@2021-06-03,}'), ('{claim_lodged@21-06-03}'), ('{claim_lodged@2021-6-3}'),
             ('{claim_lodged@2021-13-01}'), ('{claim_lodged@2021-06-03T10:61}'), ('{claim_lodged@2021-06-03T10:00:00.1234567}'),
             ('{claim_lodged@2021-06-03T10:00+16}'), ('{claim_lodged@294277-01-01}'), ('{claim_lodged@-4714-11-23}'),
             ('{claim_lodged@99999999-01-01}'), ('{claim_lodged@2021-06-03Z}'), ('{claim_lodged@2021-06-03T}'),
             ('{claim_lodged@infinityx}'), ('{claim_lodged@2021-06-03}{}'), ('{claim_lodged@2021-06-03 admitted@2021-06-04}'),
             ('{ñ@2021-06-03}'), ('[claim_lodged@2021-06-03]')) AS t(v);

-- binary form: round trip; receive checks statuses, timestamps and order
CREATE TEMP TABLE hist_copy AS SELECT h FROM histories WHERE h IS NOT NULL;
CREATE TEMP TABLE hist_copy2 (LIKE hist_copy);
DO $$
DECLARE f text := current_setting('data_directory') || '/migrec_hist.bin';
BEGIN
	EXECUTE format('COPY hist_copy TO %L WITH (FORMAT binary)', f);
	EXECUTE format('COPY hist_copy2 FROM %L WITH (FORMAT binary)', f);
END $$;
SELECT count(*), count(*) FILTER (WHERE h::text IN (SELECT h::text FROM hist_copy)) FROM hist_copy2;
SELECT protection_history_send('{claim_lodged@2000-01-01T00:00:01Z}');
CREATE TEMP TABLE hist_bin (h protection_history);
SELECT v, test.copy_binary('hist_bin', v)
FROM (VALUES ('\x01000000010000000000 0f4240 03'::bytea),   -- claim_lodged at 1 s
             ('\x0100000000'),                              -- empty
             ('\x02000000010000000000 0f4240 03'),          -- version 2
             ('\x01000000010000000000 0f4240 00'),          -- status 0
             ('\x01000000010000000000 0f4240 14'),          -- status 20
             ('\x01000000027fffffffffffffff 03 0000000000 0f4240 04'),  -- out of order
             ('\x01000000017ffffffffffffffe 03'),           -- beyond the last timestamp
             ('\x01000000018000000000000001 03'),           -- before the first
             ('\x0100000002000000000000000003'),            -- count 2, data for 1
             ('\x01ffffffff'),                              -- negative count
             ('\x017fffffff'),                              -- huge count
             ('\x01000000010000000000 0f4240 03 00'),       -- trailing byte
             ('\x01')) AS t(v);
SELECT * FROM hist_bin;

-- merging timelines of one case kept apart
SELECT protection_history(h) FROM (VALUES
  ('{claim_lodged@2021-01-01, rejected@2021-05-01}'::protection_history),
  ('{admitted@2021-02-01, interviewed@2021-03-01}'),
  (NULL),
  ('{}')) AS t(h);
SELECT protection_history(h) IS NULL FROM histories WHERE false;

-- parallel: the same histories with 0, 1 and 2 workers
-- (200 cases of 105 events, so that the planner aggregates in the workers
-- and each case's events are split among them)
CREATE TABLE many_events AS
  SELECT c AS case_id,
         (ARRAY['encountered','claim_lodged','admitted','interviewed','rejected','under_appeal','recognized_refugee'])[1 + k]::protection_status AS status,
         timestamptz '2021-01-01 00:00+00' + (c % 97) * interval '1 day' + r * interval '70 days'
           + k * interval '9 days' + (c % 7) * interval '1 hour' AS at
  FROM generate_series(1, 200) c, generate_series(0, 6) k, generate_series(0, 14) r
  ORDER BY md5(c::text || k::text || r::text);
ANALYZE many_events;
CREATE TEMP TABLE serial_result AS
  SELECT case_id, protection_history(status, at)::text AS h FROM many_events GROUP BY case_id;
CREATE TEMP TABLE serial_one AS SELECT protection_history(status, at) AS h FROM many_events;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2; SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT case_id, protection_history(status, at) FROM many_events GROUP BY case_id;
-- one group across all rows: the workers' partial states are combined
EXPLAIN (COSTS OFF) SELECT protection_history(status, at) FROM many_events;
SELECT count(*) AS cases, count(*) FILTER (WHERE s.h = p.h) AS equal, min(length(p.h::protection_history)) AS events
FROM serial_result s JOIN (SELECT case_id, protection_history(status, at)::text AS h FROM many_events GROUP BY case_id) p USING (case_id);
-- (events of different cases share instants, so compare them as sets)
SELECT length(p.h) AS events,
       (SELECT array_agg(e::text ORDER BY e::text) FROM events(p.h) e) =
       (SELECT array_agg(e::text ORDER BY e::text) FROM events(s.h) e) AS same_events,
       (SELECT bool_and(at >= lag) FROM (SELECT at, lag(at, 1, '-infinity') OVER () FROM events(p.h)) x) AS sorted
FROM (SELECT protection_history(status, at) AS h FROM many_events) p, serial_one s;
-- force_parallel_mode is named debug_parallel_query from PostgreSQL 16 on
SELECT CASE WHEN current_setting('server_version_num')::int < 160000 THEN 'force_parallel_mode'
            ELSE 'debug_parallel_query' END AS force_parallel \gset
SET :force_parallel = on;
SELECT count(*) FILTER (WHERE s.h = p.h) AS equal_forced
FROM serial_result s JOIN (SELECT case_id, protection_history(status, at)::text AS h FROM many_events GROUP BY case_id) p USING (case_id);
RESET :force_parallel; RESET parallel_setup_cost; RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size; RESET max_parallel_workers_per_gather; RESET parallel_leader_participation;
DROP TABLE many_events;
-- found by fuzzing: a year past the timestamp range overflowed the
-- conversion to microseconds instead of being refused
SELECT '{claim_lodged@2962762-12-31T00:00:00Z}'::protection_history;
SELECT '{claim_lodged@-2962762-12-31}'::protection_history;
SELECT '{claim_lodged@294277-01-01T00:00:00+01:00}'::protection_history;
