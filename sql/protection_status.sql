-- protection_status: the 19 states, their order, the transition table, and
-- the functions on states.

-- every state, in pipeline order, with what the functions say of it
SELECT status, "position", is_terminal(status), is_decision(status), decision_outcome(status),
       status_label(status), status_label(status, 'es') AS label_es, next_count
FROM protection_statuses();
-- input: any case, blanks around ignored; output lower case
SELECT 'CLAIM_LODGED'::protection_status, ' Admitted '::protection_status, 'expelled'::protection_status;
-- errors: 22P02, with the closest names in the hint
SELECT 'recognised_refugee'::protection_status;
SELECT 'claim lodged'::protection_status;
SELECT 'apealed'::protection_status;
SELECT 'pending'::protection_status;
SELECT ''::protection_status;
SELECT v, test.sqlstate(format('SELECT %L::protection_status', v))
FROM (VALUES (''), ('x'), ('claim-lodged'), ('claim_lodged_'), ('Ñ'), (repeat('a', 100))) AS t(v);
SELECT status_label('admitted', 'fr');
SELECT test.sqlstate($$SELECT status_label('admitted', 'xx')$$);

-- every edge of the transition table, allowed and refused: the whole 19x19
-- grid, as the allowed next states of each state
SELECT f.status AS "from", string_agg(t.status::text, ' ' ORDER BY t.status) FILTER (WHERE can_transition(f.status, t.status)) AS allowed
FROM protection_statuses() f CROSS JOIN protection_statuses() t
GROUP BY f.status ORDER BY f.status;
SELECT count(*) AS cells, count(*) FILTER (WHERE can_transition(f.status, t.status)) AS allowed,
       count(*) FILTER (WHERE NOT can_transition(f.status, t.status)) AS refused
FROM protection_statuses() f CROSS JOIN protection_statuses() t;
-- protection_transitions() and next_statuses() list exactly the allowed edges
SELECT count(*) AS edges,
       count(*) FILTER (WHERE can_transition(from_status, to_status)) AS allowed
FROM protection_transitions();
SELECT count(*) AS differ FROM (
  (SELECT from_status, to_status FROM protection_transitions()
   EXCEPT SELECT s, n FROM protection_statuses() p(s), next_statuses(p.s) n)
  UNION ALL
  (SELECT s, n FROM protection_statuses() p(s), next_statuses(p.s) n
   EXCEPT SELECT from_status, to_status FROM protection_transitions())) d;
-- terminal states have no way out, the others do
SELECT status FROM protection_statuses() WHERE is_terminal(status) <> (next_count = 0);
SELECT can_transition('claim_lodged', 'admitted'), can_transition('admitted', 'claim_lodged'),
       can_transition('rejected_final', 'claim_lodged'), can_transition('expelled', 'claim_lodged');

-- operators and ordering: pipeline order, not alphabetical
SELECT array_agg(s ORDER BY s) FROM unnest('{expelled,admitted,encountered,rejected,abandoned}'::protection_status[]) s;
SELECT 'encountered'::protection_status < 'screening', 'rejected'::protection_status > 'under_appeal',
       'admitted'::protection_status = 'ADMITTED', 'admitted'::protection_status <> 'rejected',
       'deported'::protection_status >= 'deported', 'deported'::protection_status <= 'expelled';
CREATE TEMP TABLE statuses AS
  SELECT (ARRAY['claim_lodged','admitted','rejected','abandoned','recognized_refugee'])[1 + i % 5]::protection_status AS s
  FROM generate_series(1, 5000) i;
ANALYZE statuses;
SELECT s, count(*) FROM statuses GROUP BY s ORDER BY s;
SET enable_hashagg = off;
SELECT s, count(*) FROM statuses GROUP BY s ORDER BY s DESC;
RESET enable_hashagg;
CREATE INDEX statuses_s ON statuses (s);
CREATE INDEX statuses_s_hash ON statuses USING hash (s);
SET enable_seqscan = off; SET enable_bitmapscan = off;
SELECT count(*) FROM statuses WHERE s = 'rejected';
SELECT count(*) FROM statuses WHERE s > 'admitted' AND s <= 'rejected';
DROP INDEX statuses_s;
EXPLAIN (COSTS OFF) SELECT count(*) FROM statuses WHERE s = 'rejected';
SELECT count(*) FROM statuses WHERE s = 'rejected';
RESET enable_seqscan; RESET enable_bitmapscan;
CREATE TEMP TABLE status_parts (s protection_status) PARTITION BY HASH (s);
CREATE TEMP TABLE status_parts0 PARTITION OF status_parts FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TEMP TABLE status_parts1 PARTITION OF status_parts FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO status_parts SELECT s FROM statuses;
SELECT tableoid::regclass, s, count(*) FROM status_parts GROUP BY 1, 2 ORDER BY 2;
-- frozen: stored values and hashes must never change between releases
SELECT s, protection_status_send(s), protection_status_hash(s), protection_status_hash_extended(s, 7)
FROM unnest('{encountered,claim_lodged,expelled}'::protection_status[]) s;

-- binary receive checks the range
CREATE TEMP TABLE status_bin (s protection_status);
SELECT v, test.copy_binary('status_bin', v)
FROM (VALUES ('\x03'::bytea), ('\x13'), ('\x00'), ('\x14'), ('\xff'), (''), ('\x0303')) AS t(v);
SELECT * FROM status_bin;

-- casts
CREATE TEMP TABLE raw_events (status text);
INSERT INTO raw_events VALUES ('Admitted'), ('REJECTED');
CREATE TEMP TABLE typed_events (status protection_status);
INSERT INTO typed_events SELECT status FROM raw_events;
SELECT status, status::text FROM typed_events;
-- min and max follow the pipeline order: the furthest stage a case reached
SELECT min(s), max(s) FROM unnest('{rejected,claim_lodged,under_appeal,admitted}'::protection_status[]) s;
SELECT min(s), max(s) FROM statuses;
