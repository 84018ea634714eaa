-- Business-day calendars: the compiled national holidays, the suspension
-- table, their errors, and when the functions see a change of the table.

SELECT country, first_day, last_day, holidays, lang FROM business_calendars() ORDER BY country;
SELECT * FROM public_holidays('MEX', '2024-01-01', '2024-12-31');
-- corrections: 1 Oct in 2024 (not 1 Dec); Semana Morazanica in Honduras 2023;
-- Costa Rica's 2023 moves (25 Jul to Monday 24 Jul)
SELECT day, name FROM public_holidays('MEX', '2024-09-30', '2024-12-31');
SELECT day, name FROM public_holidays('HND', '2023-10-01', '2023-10-31');
SELECT day, name FROM public_holidays('CRI', '2023-07-20', '2023-07-31');
SELECT is_business_day('2023-07-24', 'CRI') AS moved_holiday, is_business_day('2023-07-25', 'CRI') AS its_date,
	is_business_day('2021-06-18', 'USA') AS juneteenth_observed, is_business_day('2024-02-05', 'MEX') AS first_monday_feb;

-- Counting "from the business day after": (from_day, to_day]
SELECT business_days('2024-01-05', '2024-01-05', 'MEX') AS same_day,
	business_days('2024-01-05', '2024-01-08', 'MEX') AS fri_to_mon,
	business_days('2024-01-08', '2024-01-05', 'MEX') AS backwards,
	business_days('2024-01-06', '2024-01-07', 'MEX') AS weekend;
-- a whole year, by hand: 2024 has 262 weekdays; Mexico's 9 non-working
-- holidays are all on weekdays except 5 May (a Sunday): 254, minus the three
-- suspended days of 29-31 May 2024: 251
SELECT national_business_days('2023-12-31', '2024-12-31', 'MEX') AS national,
	business_days('2023-12-31', '2024-12-31', 'MEX') AS with_suspensions;
SELECT add_business_days('2024-01-05', 1, 'MEX'), add_business_days('2024-01-08', -1, 'MEX'),
	add_business_days('2024-01-06', 0, 'MEX') AS zero_is_the_day;

-- A 15-business-day term in Mexico across a holiday and a suspension: a
-- decision notified on Friday 2024-05-17.  Counting from Monday 20 May:
-- 20-24 May (5), 27-28 May (7); 29-31 May suspended (SEGOB, DOF 29-05-2024);
-- 3-7 June (12), 10-12 June (15): the term ends on Wednesday 12 June.
-- Without the suspension it would end on Friday 7 June.
SELECT add_business_days('2024-05-17', 15, 'MEX') AS ends,
	national_add_business_days('2024-05-17', 15, 'MEX') AS without_suspension,
	business_days('2024-05-17', '2024-06-12', 'MEX') AS counted;
-- And one across a holiday: notified Friday 2024-09-13; 16 Sep (Independence
-- Day) does not count: 17-20 Sep (4), 23-27 (9), 30 Sep (10), 1 Oct
-- (transfer of the Executive, 2024) skipped, 2-4 Oct (13), 7-8 Oct (15).
SELECT add_business_days('2024-09-13', 15, 'MEX') AS ends;
-- The 2020 suspension: 24 Mar to 30 May; the open-ended one from 1 June is
-- recorded but not counted.
SELECT add_business_days('2020-03-20', 10, 'MEX') AS across_2020,
	business_days('2020-03-20', '2020-06-05', 'MEX') AS mar20_to_jun5;
SELECT authority, first_day, last_day, counted FROM procedure_suspensions ORDER BY first_day;

-- Errors: 22023 for a country without a calendar, 22008 outside 2000-2035
SELECT test.sqlstate($$SELECT business_days('2024-01-01', '2024-02-01', 'BRA')$$) AS no_calendar,
	test.sqlstate($$SELECT business_days('1999-12-31', '2024-02-01', 'MEX')$$) AS before,
	test.sqlstate($$SELECT business_days('2024-01-01', '2036-01-01', 'MEX')$$) AS after,
	test.sqlstate($$SELECT business_days('2024-01-01', 'infinity', 'MEX')$$) AS infinite,
	test.sqlstate($$SELECT add_business_days('2035-12-20', 30, 'MEX')$$) AS past_the_end,
	test.sqlstate($$SELECT add_business_days('2024-01-01', -2147483648, 'USA')$$) AS huge,
	test.sqlstate($$SELECT national_add_business_days('2000-01-03', -1, 'USA')$$) AS before_start,
	test.sqlstate($$SELECT is_business_day('-infinity', 'PAN')$$) AS minus_infinity;
\set VERBOSITY default
SELECT business_days('2024-01-01', '2024-02-01', 'BRA');
SELECT add_business_days('2035-12-20', 30, 'MEX');
\set VERBOSITY terse

-- The table: what pg_dump keeps (the rows an agency adds), the shipped rows
SELECT c.relname, e.extcondition[x.i] FROM pg_extension e, unnest(e.extconfig) WITH ORDINALITY AS x(oid, i)
	JOIN pg_class c ON c.oid = x.oid WHERE e.extname = 'migrec' AND c.relname = 'procedure_suspensions';
SELECT test.sqlstate($$INSERT INTO procedure_suspensions (jurisdiction, authority, first_day, last_day) VALUES ('MEX', 'x', '2024-02-02', '2024-02-01')$$) AS backwards,
	test.sqlstate($$INSERT INTO procedure_suspensions (jurisdiction, authority, first_day) VALUES ('MEX', 'x', '-infinity')$$) AS infinite;

-- The functions see a change of the table at once: in the same transaction,
-- in the next statement, and in a PL/pgSQL loop (whose expressions outlive a
-- statement)
BEGIN;
SELECT business_days('2024-01-05', '2024-01-12', 'PAN') AS before_insert;
INSERT INTO procedure_suspensions (jurisdiction, authority, first_day, last_day)
	VALUES ('PAN', 'ONPAR (test)', '2024-01-10', '2024-01-11');
SELECT business_days('2024-01-05', '2024-01-12', 'PAN') AS after_insert,
	add_business_days('2024-01-09', 1, 'PAN') AS next_day, is_business_day('2024-01-10', 'PAN');
UPDATE procedure_suspensions SET counted = false WHERE authority = 'ONPAR (test)';
SELECT business_days('2024-01-05', '2024-01-12', 'PAN') AS not_counted;
DO $$
DECLARE
	n int;
	seen int[] := '{}';
BEGIN
	FOR i IN 1..3 LOOP
		n := business_days('2024-01-05', '2024-01-12', 'PAN');
		seen := seen || n;
		UPDATE procedure_suspensions SET counted = true, last_day = last_day + 0
			WHERE authority = 'ONPAR (test)' AND i = 1;
		UPDATE procedure_suspensions SET last_day = first_day
			WHERE authority = 'ONPAR (test)' AND i = 2;
	END LOOP;
	RAISE NOTICE 'in a loop: %', seen;
END $$;
ROLLBACK;
SELECT business_days('2024-01-05', '2024-01-12', 'PAN') AS after_rollback;
-- every day of 2024 to Nov 30, and the 30 days after it: as counted in SQL
-- from the holidays and the suspension (differences sum to 0 over 335 rows)
SELECT count(*), sum(x), sum(abs(x)) FROM (SELECT business_days(d::date, d::date + 30, 'MEX') - (
	SELECT count(*) FROM generate_series(d::date + 1, d::date + 30, '1 day') e
	WHERE extract(isodow FROM e) < 6 AND e NOT IN (SELECT day FROM public_holidays('MEX', '2024-01-01', '2024-12-31'))
	AND NOT (e BETWEEN '2024-05-29' AND '2024-05-31')) AS x
	FROM generate_series(date '2024-01-01', '2024-11-30', '1 day') d) s;
