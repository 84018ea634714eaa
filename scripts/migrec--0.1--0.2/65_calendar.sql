-- Business-day calendars (issue 14): national public holidays 2000-2035 of
-- the Regional Conference's members, generated into src/calendar_data.c
-- from the npm package date-holidays (its data CC BY-SA 3.0: see
-- tools/holidays/), and the periods an authority suspended its time limits,
-- a table the agency adds to.

CREATE TABLE @extschema@.procedure_suspensions (
	jurisdiction @extschema@.nationality NOT NULL,
	authority pg_catalog.text NOT NULL,
	first_day pg_catalog.date NOT NULL,
	last_day pg_catalog.date,
	counted pg_catalog.bool NOT NULL DEFAULT true,
	scope pg_catalog.text,
	instrument pg_catalog.text,
	source pg_catalog.text,
	researched pg_catalog.bool NOT NULL DEFAULT false,
	CHECK (last_day IS NULL OR last_day OPERATOR(pg_catalog.>=) first_day),
	CHECK (first_day OPERATOR(pg_catalog.>) pg_catalog.date '-infinity' AND first_day OPERATOR(pg_catalog.<) pg_catalog.date 'infinity'),
	CHECK (last_day OPERATOR(pg_catalog.<) pg_catalog.date 'infinity')
);
COMMENT ON TABLE @extschema@.procedure_suspensions IS
'periods in which an authority suspended procedural time limits (dias inhabiles): every day from first_day to last_day (NULL: open-ended) is non-business for business_days(), add_business_days() and is_business_day() of that jurisdiction when counted';
COMMENT ON COLUMN @extschema@.procedure_suspensions.counted IS
'false: recorded but not applied by the business-day functions (e.g. an open-ended suspension whose end is not known)';
COMMENT ON COLUMN @extschema@.procedure_suspensions.researched IS
'true: a row shipped with the extension (sources in the row); pg_dump keeps only the rows with false';

-- pg_dump keeps the rows an agency added; the shipped rows come back with
-- the extension.  The table's oid through its row type, so that no name is
-- written inside quotes.
SELECT pg_catalog.pg_extension_config_dump(t.typrelid, 'WHERE NOT researched')
FROM pg_catalog.pg_type t
WHERE t.oid OPERATOR(pg_catalog.=) pg_catalog.pg_typeof(CAST(NULL AS @extschema@.procedure_suspensions));

-- The functions read the table as their caller; the agency (the
-- extension's owner) maintains it.
GRANT SELECT ON @extschema@.procedure_suspensions TO PUBLIC;
GRANT INSERT, UPDATE, DELETE ON @extschema@.procedure_suspensions TO @extowner@;

-- The researched rows (issue 14's research notes): Mexico's COMAR.  The
-- suspension from 2020-06-01 has no end date in any source found (still in
-- force in March 2021): it is recorded, not counted, since counting it would
-- make every later day non-business; an agency that knows its end inserts a
-- row of its own.
INSERT INTO @extschema@.procedure_suspensions
	(jurisdiction, authority, first_day, last_day, counted, scope, instrument, source, researched) VALUES
(CAST('MEX' AS @extschema@.nationality), 'COMAR', CAST('2020-03-24' AS pg_catalog.date), CAST('2020-04-17' AS pg_catalog.date), true,
 'all COMAR procedures and time limits except the lodging of refugee claims and SEGOB''s opinion on political asylum; no hearings or notifications; claims lodged meanwhile counted from 2020-04-20',
 'SEGOB, Acuerdo por el que se establece la suspension de plazos y terminos legales en la Secretaria de Gobernacion, DOF 24-03-2020',
 'ECIJA summary 24-04-2020; COMAR notice via Contigo Sin Fronteras; angulo7.com.mx 24-03-2020', true),
(CAST('MEX' AS @extschema@.nationality), 'COMAR', CAST('2020-04-18' AS pg_catalog.date), CAST('2020-05-30' AS pg_catalog.date), true,
 'extension of the suspension (until 2020-05-17 in municipalities with low or no transmission)',
 'SEGOB extension acuerdo (DOF date not retrieved)',
 'EFE via hidrocalidodigital.com 23-04-2020', true),
(CAST('MEX' AS @extschema@.nationality), 'COMAR', CAST('2020-06-01' AS pg_catalog.date), NULL, false,
 'indefinite, until the health authority determines there is no epidemiological risk; claims still received, their term counted from the first business day after the suspension ends; end date not found (still in force on 2021-03-11)',
 'SEGOB acuerdo, DOF 27-05-2020',
 'La Jornada 27-05-2020 and 28-05-2020; Sin Fronteras in SinEmbargo 11-03-2021', true),
(CAST('MEX' AS @extschema@.nationality), 'COMAR', CAST('2024-05-29' AS pg_catalog.date), CAST('2024-05-31' AS pg_catalog.date), true,
 'days declared non-business (office closure); no time limits computed',
 'SEGOB acuerdo, DOF 29-05-2024',
 'La Jornada 29-05-2024', true);

CREATE FUNCTION @extschema@.business_days(from_day pg_catalog.date, to_day pg_catalog.date,
	country @extschema@.nationality)
RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'calendar_business_days'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.business_days(pg_catalog.date, pg_catalog.date, @extschema@.nationality) IS
'business days after from_day up to and including to_day (negative when to_day is earlier): weekdays that are no national public holiday and in no counted suspension of procedure_suspensions';

CREATE FUNCTION @extschema@.add_business_days(day pg_catalog.date, n pg_catalog.int4,
	country @extschema@.nationality)
RETURNS pg_catalog.date
AS 'MODULE_PATHNAME', 'calendar_add_business_days'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.add_business_days(pg_catalog.date, pg_catalog.int4, @extschema@.nationality) IS
'the n-th business day after day (before it when n is negative; day itself for 0), skipping national public holidays and counted suspensions';

CREATE FUNCTION @extschema@.is_business_day(day pg_catalog.date, country @extschema@.nationality)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'calendar_is_business_day'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_business_day(pg_catalog.date, @extschema@.nationality) IS
'whether a day is a business day of the country: a weekday, no national public holiday, in no counted suspension';

CREATE FUNCTION @extschema@.national_business_days(from_day pg_catalog.date, to_day pg_catalog.date,
	country @extschema@.nationality)
RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'national_business_days'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.national_business_days(pg_catalog.date, pg_catalog.date, @extschema@.nationality) IS
'as business_days() on the national calendar alone (weekends and public holidays, no suspensions): immutable';

CREATE FUNCTION @extschema@.national_add_business_days(day pg_catalog.date, n pg_catalog.int4,
	country @extschema@.nationality)
RETURNS pg_catalog.date
AS 'MODULE_PATHNAME', 'national_add_business_days'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.national_add_business_days(pg_catalog.date, pg_catalog.int4, @extschema@.nationality) IS
'as add_business_days() on the national calendar alone (weekends and public holidays, no suspensions): immutable';

CREATE FUNCTION @extschema@.public_holidays(country @extschema@.nationality,
	from_day pg_catalog.date, to_day pg_catalog.date,
	OUT day pg_catalog.date,
	OUT name pg_catalog.text,
	OUT name_en pg_catalog.text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'public_holidays'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 12;
COMMENT ON FUNCTION @extschema@.public_holidays(@extschema@.nationality, pg_catalog.date, pg_catalog.date) IS
'the national non-working public holidays of a country between two days, with their names in its language and in English';

CREATE FUNCTION @extschema@.business_calendars(
	OUT country @extschema@.nationality,
	OUT first_day pg_catalog.date,
	OUT last_day pg_catalog.date,
	OUT holidays pg_catalog.int4,
	OUT lang pg_catalog.text,
	OUT source pg_catalog.text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'business_calendars'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION @extschema@.business_calendars() IS
'the countries with a business-day calendar, the days it covers, its number of non-working holidays and its source';
