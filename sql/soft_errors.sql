-- soft_errors: the input function of every migrec type reports bad input
-- softly (PostgreSQL 16 and later: errsave through the caller's context, see
-- mr_input_error in src/migrec.h), so pg_input_is_valid() answers false and
-- pg_input_error_info() returns the SQLSTATE and message that a cast would
-- raise, instead of failing the query.  In REGRESS only from 16 on (see the
-- Makefile): older servers have neither function.
CREATE TEMP TABLE bad_input (n int, type text, input text);
INSERT INTO bad_input VALUES
	-- nationality: syntax, unknown code, unknown code with a suggestion
	(1, 'nationality', 'H1D'),
	(2, 'nationality', 'QQQ'),
	(3, 'nationality', 'HNX'),
	(4, 'nationality', ''),
	-- place: syntax, unknown country, unknown subdivision, ambiguous code
	(10, 'place', 'MX_TAP'),
	(11, 'place', 'ZZ'),
	(12, 'place', 'MX-XXX'),
	(13, 'place', 'MEXCH'),
	-- protection_status: syntax, unknown status
	(20, 'protection_status', 'claim-lodged'),
	(21, 'protection_status', 'lodged'),
	-- protection_history: syntax, unknown status, order, field out of
	-- range, timestamp out of range
	(30, 'protection_history', '{claim_lodged 2021-06-03}'),
	(31, 'protection_history', '{lodged@2021-06-03}'),
	(32, 'protection_history', '{claim_lodged@2021-06-03, admitted@2021-06-01}'),
	(33, 'protection_history', '{claim_lodged@2021-02-30}'),
	(34, 'protection_history', '{claim_lodged@294277-01-02}'),
	-- decision_tally: syntax, count out of range
	(40, 'decision_tally', '(1,2,3,4)'),
	(41, 'decision_tally', '(recognized=9223372036854775808,complementary=0,rejected=0,otherwise_closed=0)'),
	-- route_segment: syntax, unknown country and subdivision, arrival
	-- before departure, date field out of range, date out of range
	(50, 'route_segment', 'CO => PA'),
	(51, 'route_segment', 'QQ -> PA'),
	(52, 'route_segment', 'CO -> PA-99'),
	(53, 'route_segment', 'CO -> PA [2021-08-02,2021-08-01]'),
	(54, 'route_segment', 'CO -> PA [2021-13-01,]'),
	(55, 'route_segment', 'CO -> PA [5874898-01-01,]'),
	-- route: syntax, legs out of order, unknown place, date out of range
	(60, 'route', '{CO -> PA,}'),
	(61, 'route', '{MX TAP -> US, CO NCI -> PA-5 [2021-08-01,2021-08-09]}'),
	(62, 'route', '{CO -> XX}'),
	(63, 'route', '{CO -> PA [2021-02-29,]}'),
	-- transit_profile: syntax, order, day out of range, count out of range
	(70, 'transit_profile', '{1}'),
	(71, 'transit_profile', '{2:1, 1:1}'),
	(72, 'transit_profile', '{731:1}'),
	(73, 'transit_profile', '{1:99999999999999999999}'),
	-- flow_series: syntax, date field out of range, date out of range, too
	-- many days
	(80, 'flow_series', '2021-06-01 {1,}'),
	(81, 'flow_series', '2021-02-30 {1}'),
	(82, 'flow_series', '5874897-12-31 {1,1}'),
	(83, 'flow_series', '2021-06-01 {' || repeat('0,', 100000) || '0}'),
	-- arrays read their elements softly too
	(100, 'nationality[]', '{HND,QQQ}'),
	(101, 'place[]', '{MX-CHP,ZZ}'),
	-- the people types: sex, age_scheme, accompaniment, encounter: unknown
	-- words; age_band: a band the scheme lacks, an unknown scheme, syntax
	(110, 'sex', 'W'),
	(111, 'age_scheme', 'who'),
	(112, 'age_band', 'unhcr:5-9'),
	(113, 'age_band', 'who:0-4'),
	(114, 'age_band', 'unhcr'),
	(115, 'accompaniment', 'with_dog'),
	(116, 'encounter', 'us_t99'),
	-- demography: syntax, unknown word, cells out of order, counts adding
	-- up past the limit
	(120, 'demography', 'unhcr {F/0-4/alone 1}'),
	(121, 'demography', 'unhcr {W/0-4/alone: 1}'),
	(122, 'demography', 'unhcr {M/0-4/alone: 1, F/0-4/alone: 1}'),
	(123, 'demography', 'unhcr {F/0-4/alone: 9223372036854775807, M/0-4/alone: 1}'),
	-- repeat_tally: syntax, encounters that disagree with the bins, count
	-- out of range
	(130, 'repeat_tally', '(individuals={1:1})'),
	(131, 'repeat_tally', '(individuals={1:1},encounters=2)'),
	(132, 'repeat_tally', '(individuals={1:9223372036854775808},encounters=1)'),
	-- person_key: not 16 hex digits; clk: not base64, too short
	(140, 'person_key', '58093f77242'),
	(141, 'clk', 'not base64!'),
	(142, 'clk', 'AQBX'),
	-- level_tally: an unknown level, a count out of range
	(150, 'level_tally', '(level=final,unit=cases,recognized=1,complementary=0,rejected=0,otherwise_closed=0)'),
	(151, 'level_tally', '(level=appeal,unit=cases,recognized=9223372036854775808,complementary=0,rejected=0,otherwise_closed=0)');

-- every bad input: not valid, and the error a cast raises, as data
SELECT b.n, b.type, CASE WHEN length(b.input) > 60 THEN left(b.input, 20) || '...' ELSE b.input END AS input,
       pg_input_is_valid(b.input, b.type) AS valid, e.sql_error_code, e.message
FROM bad_input b, LATERAL pg_input_error_info(b.input, b.type) e
ORDER BY b.n;
-- details and hints say where and what to write
SELECT b.n, e.detail, e.hint
FROM bad_input b, LATERAL pg_input_error_info(b.input, b.type) e
WHERE b.n IN (3, 12, 13, 31, 50, 71, 83, 112, 122, 123, 131)
ORDER BY b.n;
-- too large to hold, seen before parsing (the count of "->" or "@" bounds
-- the legs or events the parser would store): 134 MB of "->" is more legs
-- than a route can hold, 119 MB of "@" more events than a history can
SELECT t.type, length(t.input), pg_input_is_valid(t.input, t.type) AS valid,
       e.sql_error_code, e.message, e.detail
FROM (VALUES ('route', repeat('->', 67108864)), ('protection_history', repeat('@', 119304647))) AS t(type, input),
     LATERAL pg_input_error_info(t.input, t.type) e;
-- the soft error is the error a cast raises: the same SQLSTATE, message,
-- detail and hint for every bad input (no row differs)
CREATE FUNCTION pg_temp.cast_error(input text, type text, OUT code text, OUT msg text,
                                   OUT det text, OUT hnt text) LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format('SELECT %L::%s', input, type);
EXCEPTION WHEN others THEN
	GET STACKED DIAGNOSTICS code = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
		det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT;
END $$;
SELECT b.n, b.type, e.sql_error_code, c.code
FROM bad_input b, LATERAL pg_input_error_info(b.input, b.type) e,
     LATERAL pg_temp.cast_error(b.input, b.type) c
WHERE (e.sql_error_code, e.message, coalesce(e.detail, ''), coalesce(e.hint, ''))
      IS DISTINCT FROM (c.code, c.msg, c.det, c.hnt)
ORDER BY b.n;

-- a valid value of each type: valid, no error
SELECT t.type, pg_input_is_valid(t.input, t.type) AS valid, e.sql_error_code IS NULL AS no_error
FROM (VALUES ('nationality', 'HND'), ('place', 'MX-CHP'), ('place', 'MX TAP'), ('protection_status', 'admitted'),
             ('protection_history', '{claim_lodged@2021-06-03T09:00:00Z, admitted@2021-06-20}'),
             ('decision_tally', '(recognized=1,complementary=2,rejected=3,otherwise_closed=4)'),
             ('route_segment', 'CO NCI -> PA-5 [2021-08-01,2021-08-09]'),
             ('route', '{CO NCI -> PA-5 [2021-08-01,2021-08-09], PA-5 -> CR PBS [2021-08-10,2021-08-14]}'),
             ('transit_profile', '{27:3, 30:5, >730:1}'), ('flow_series', '2021-06-01 {400,380,0,12}'),
             ('nationality[]', '{HND,GTM}'), ('sex', 'X'), ('age_scheme', 'upm'), ('age_band', 'eurostat:Y14-17'),
             ('accompaniment', 'with_relative'), ('encounter', 'mx_canalizado'),
             ('demography', 'child {F/0-17/with_parent: 2, M/18+/alone: 7}'),
             ('repeat_tally', '(individuals={1:5,2:3},encounters=11)')) AS t(type, input),
     LATERAL pg_input_error_info(t.input, t.type) e;

-- every type of the extension with an input function is covered above
SELECT t.typname
FROM pg_type t JOIN pg_depend d ON d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e'
JOIN pg_extension x ON x.oid = d.refobjid AND x.extname = 'migrec'
WHERE t.typtype = 'b' AND t.typelem = 0
  AND t.typname NOT IN (SELECT type FROM bad_input)
ORDER BY 1;
