-- Legal deadlines: the researched rows, overdue() on hand-counted cases
-- across a holiday and a suspension period, and the rows an agency adds.
SET TimeZone = 'UTC';

SELECT jurisdiction, deadline, obliged, from_states, running_states, length, unit, extension, confidence ~ '^sourced' AS sourced
FROM procedure_deadlines ORDER BY jurisdiction, deadline;

-- Mexico, first-instance decision, 45 business days (extendable by 45) from
-- a claim lodged on Monday 2020-03-02, by hand on the calendar:
--   3-6 Mar (4), 9-13 (9), 16 Mar is Benito Juárez's birthday (third Monday
--   of March, a holiday), 17-20 (13), 23 Mar (14); 24 Mar to 30 May the
--   time limits were suspended (SEGOB, DOF 24-03-2020 and its extension);
--   1-5 Jun (19), 8-12 (24), 15-19 (29), 22-26 (34), 29 Jun-3 Jul (39),
--   6-10 Jul (44), Monday 13 Jul (45): the term ends on 2020-07-13.
--   With the extension, 45 more: 14-17 Jul (49), 20-24 (54), 27-31 (59),
--   3-7 Aug (64), 10-14 (69), 17-21 (74), 24-28 (79), 31 Aug-4 Sep (84),
--   7-11 Sep (89), Monday 14 Sep (90): 2020-09-14.
--   On 2020-08-03 it is past by 14-17 Jul (4), 20-24 (9), 27-31 (14),
--   3 Aug (15): 15 business days, within the extension.
SELECT deadline, obliged, started, due, overdue_by, unit, due_extended, past_extension
FROM overdue('{claim_lodged@2020-03-02T16:00:00Z, admitted@2020-03-05T16:00:00Z}', '2020-08-03 12:00', 'MEX');
SELECT add_business_days('2020-03-02', 45, 'MEX') AS due, add_business_days('2020-03-02', 90, 'MEX') AS due_extended,
	business_days('2020-07-13', '2020-08-03', 'MEX') AS past;
-- the day the term ends it is not past yet; the next business day it is, by 1
SELECT count(*) AS on_the_last_day FROM overdue('{claim_lodged@2020-03-02T16:00:00Z}', '2020-07-13 23:00', 'MEX');
SELECT deadline, overdue_by FROM overdue('{claim_lodged@2020-03-02T16:00:00Z}', '2020-07-14 09:00', 'MEX');
-- past the extension: 2020-09-15 is one business day after 2020-09-14
SELECT deadline, overdue_by, past_extension FROM overdue('{claim_lodged@2020-03-02T16:00:00Z}', '2020-09-15', 'MEX');

-- The appeal (recurso de revisión), 15 business days from a rejection
-- notified on Friday 2024-05-17: 20-24 May (5), 27-28 May (7), 29-31 May
-- non-business (SEGOB, DOF 29-05-2024), 3-7 Jun (12), 10-12 Jun (15): the
-- term ends on 2024-06-12; on Monday 17 Jun it is 3 business days past.
SELECT deadline, obliged, started, due, overdue_by, unit
FROM overdue('{claim_lodged@2024-01-08T16:00:00Z, rejected@2024-05-17T16:00:00Z}', '2024-06-17', 'MEX');
-- the clock stops when the case leaves the stage: appealed in time, or the
-- rejection final, or withdrawn
SELECT count(*) FROM overdue('{claim_lodged@2024-01-08T16:00:00Z, rejected@2024-05-17T16:00:00Z, under_appeal@2024-06-10T16:00:00Z}', '2024-06-17', 'MEX');
SELECT count(*) FROM overdue('{claim_lodged@2024-01-08T16:00:00Z, rejected@2024-05-17T16:00:00Z, rejected_final@2024-06-13T16:00:00Z}', '2024-07-17', 'MEX');
SELECT count(*) FROM overdue('{claim_lodged@2024-01-08T16:00:00Z, withdrawn@2024-01-20T16:00:00Z}', '2024-07-17', 'MEX');
-- a decision on appeal: 3 months (calendar) from 2024-01-31 is 2024-04-30
SELECT deadline, due, overdue_by, unit FROM overdue('{claim_lodged@2023-06-01T16:00:00Z, rejected@2023-12-01T16:00:00Z, under_appeal@2024-01-31T16:00:00Z}', '2024-05-02', 'MEX');
-- the United States: BIA appeal, 30 calendar days from 2024-01-10
SELECT deadline, due, overdue_by, unit FROM overdue('{claim_lodged@2023-06-01T16:00:00Z, rejected@2024-01-10T16:00:00Z}', '2024-02-12', 'USA');
-- before the clock starts, and before any event: nothing
SELECT count(*) FROM overdue('{claim_lodged@2024-01-08T16:00:00Z}', '2023-01-01', 'MEX');
SELECT count(*) FROM overdue('{}', '2024-01-01', 'MEX');
-- Panama's only sourced deadline starts at entry, outside the timeline
SELECT count(*) FROM overdue('{claim_lodged@2020-01-06T16:00:00Z}', '2024-01-01', 'PAN');

-- Errors: no deadlines for a jurisdiction (22023), dates outside the calendar (22008)
SELECT test.sqlstate($$SELECT * FROM overdue('{claim_lodged@2024-01-08T16:00:00Z}', '2024-06-01', 'BRA')$$) AS no_deadlines,
	test.sqlstate($$SELECT * FROM overdue('{claim_lodged@1999-01-08T16:00:00Z}', '2000-06-01', 'MEX')$$) AS started_before,
	test.sqlstate($$SELECT * FROM overdue('{claim_lodged@2024-01-08T16:00:00Z}', 'infinity', 'MEX')$$) AS infinite,
	test.sqlstate($$INSERT INTO procedure_deadlines (jurisdiction, deadline, obliged, length, unit, citation, confidence) VALUES ('GTM', 'x', 'authority', 10, 'weeks', 'c', 'c')$$) AS bad_unit;

-- The COMAR backlog question on a handful of cases: decisions past their
-- term at 2020-08-03 (the three claims lodged before the suspension)
CREATE TEMP TABLE claims (id int, h protection_history);
INSERT INTO claims VALUES
	(1, '{claim_lodged@2020-03-02T16:00:00Z}'),
	(2, '{claim_lodged@2020-03-02T16:00:00Z, admitted@2020-03-10T16:00:00Z, interviewed@2020-06-15T16:00:00Z}'),
	(3, '{claim_lodged@2020-02-03T16:00:00Z, recognized_refugee@2020-07-01T16:00:00Z}'),
	(4, '{claim_lodged@2020-07-01T16:00:00Z}'),
	(5, '{claim_lodged@2020-01-06T16:00:00Z, abandoned@2020-02-10T16:00:00Z}');
SELECT o.deadline, count(*), min(o.overdue_by), max(o.overdue_by), count(*) FILTER (WHERE o.past_extension) AS past_extension
FROM claims c, overdue(c.h, '2020-08-03', 'MEX') o WHERE o.obliged = 'authority' GROUP BY 1;

-- An agency adds a deadline: seen at once, and kept by pg_dump
BEGIN;
INSERT INTO procedure_deadlines (jurisdiction, deadline, obliged, from_states, running_states, length, unit, citation, confidence)
VALUES ('GTM', 'first_instance_decision', 'authority', '{claim_lodged}', '{admitted,interviewed}', 20, 'business_days', 'an agency''s rule', 'agency');
SELECT deadline, due, overdue_by FROM overdue('{claim_lodged@2024-01-08T16:00:00Z}', '2024-03-01', 'GTM');
ROLLBACK;
SELECT test.sqlstate($$SELECT * FROM overdue('{claim_lodged@2024-01-08T16:00:00Z}', '2024-03-01', 'GTM')$$) AS after_rollback;
SELECT c.relname, e.extcondition[x.i] FROM pg_extension e, unnest(e.extconfig) WITH ORDINALITY AS x(oid, i)
	JOIN pg_class c ON c.oid = x.oid WHERE e.extname = 'migrec' ORDER BY 1;
RESET TimeZone;
