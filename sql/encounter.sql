-- encounter: the vocabulary with its authority, the lawful dates of each
-- kind (Title 42: 2020-03-20 to 2023-05-11), the US fiscal year.

SELECT * FROM encounter_kinds();
SELECT e, encounter_authority(e), encounter_component(e), encounter_type(e), encounter_label(e, 'es')
FROM unnest('{MX_PRESENTADO, us_t8_apprehension}'::encounter[]) e ORDER BY e;
SELECT 'title_42'::encounter;
SELECT v, test.sqlstate(format('SELECT %L::encounter', v))
FROM (VALUES (''), ('us_t42_expulsion'), ('us t8 apprehension'), ('presentado')) AS t(v);
SELECT test.sqlstate($$SELECT encounter_label('mx_canalizado', 'pt')$$);

-- lawful dates: Title 42 from the CDC order of 2020-03-20 to the end of 2023-05-11
SELECT e, d, encounter_valid_on(e, d)
FROM unnest('{us_t42_expulsion_usbp,us_t42_expulsion_ofo,us_t8_apprehension,mx_canalizado}'::encounter[]) e,
     unnest('{2020-03-19,2020-03-20,2023-05-11,2023-05-12,infinity}'::date[]) d
ORDER BY e, d;
SELECT encounter_check('us_t42_expulsion_usbp', '2021-07-15'), encounter_check('us_t8_inadmissible', '1999-01-01');
SELECT encounter_check('us_t42_expulsion_usbp', '2020-03-19');
SELECT encounter_check('us_t42_expulsion_ofo', '2023-05-12');
SELECT q, test.sqlstate(q) FROM (VALUES
  ($$SELECT encounter_check('us_t42_expulsion_ofo', 'infinity')$$),
  ($$SELECT encounter_check('us_t42_expulsion_usbp', '-infinity')$$),
  ($$SELECT encounter_check('mx_presentado', 'infinity')$$)) t(q);
-- as a table's check: a Title 42 expulsion dated outside its period is refused with 22023
CREATE TEMP TABLE encounters (person bigint, on_date date, kind encounter,
  CHECK (encounter_check(kind, on_date) IS NOT NULL));
INSERT INTO encounters VALUES (1, '2021-03-02', 'us_t42_expulsion_usbp'), (1, '2021-04-10', 'us_t8_apprehension');
SELECT test.sqlstate($$INSERT INTO encounters VALUES (2, '2019-12-01', 'us_t42_expulsion_usbp')$$);
SELECT count(*) FROM encounters;

-- US fiscal years: FY2021 is 2020-10-01 .. 2021-09-30; October to September
-- since FY 1977 (before, July to June): earlier dates are refused (22008)
SELECT d, us_fiscal_year(d), d <@ us_fiscal_year_dates(2021) AS in_fy2021
FROM unnest('{2020-09-30,2020-10-01,2021-01-01,2021-09-30,2021-10-01,1976-10-01,5874897-12-31}'::date[]) d;
SELECT us_fiscal_year_dates(2021), us_fiscal_year_dates(1977), us_fiscal_year_dates(5874897);
SELECT us_fiscal_year('1976-09-30');
SELECT q, test.sqlstate(q) FROM (VALUES ($$SELECT us_fiscal_year('infinity')$$), ($$SELECT us_fiscal_year('1976-09-30')$$),
  ($$SELECT us_fiscal_year_dates(1976)$$), ($$SELECT us_fiscal_year_dates(5874898)$$),
  ($$SELECT us_fiscal_year_dates(-2147483648)$$)) t(q);
-- every day of 1976-10-01 .. 2031 falls in the fiscal year of its dates
SELECT count(*) AS days, count(*) FILTER (WHERE NOT d <@ us_fiscal_year_dates(us_fiscal_year(d))) AS misplaced
FROM generate_series(date '1976-10-01', date '2031-12-31', interval '1 day') g(t), LATERAL (SELECT t::date) x(d);

-- order, indexes, hash
SELECT array_agg(e ORDER BY e) FROM unnest('{mx_canalizado,us_t42_expulsion_ofo,mx_presentado,us_t8_apprehension}'::encounter[]) e;
SELECT 'us_t8_apprehension'::encounter < 'us_t8_inadmissible', 'mx_presentado'::encounter > 'us_t42_expulsion_ofo',
       'MX_CANALIZADO'::encounter = 'mx_canalizado', 'mx_canalizado'::encounter <> 'mx_presentado',
       'mx_canalizado'::encounter >= 'mx_canalizado', 'us_t8_apprehension'::encounter <= 'mx_presentado';
CREATE TEMP TABLE many_encounters AS
  SELECT i, (SELECT array_agg(kind) FROM encounter_kinds())[1 + i % 6] AS kind FROM generate_series(1, 6000) i;
ANALYZE many_encounters;
CREATE INDEX many_encounters_kind ON many_encounters (kind);
CREATE INDEX many_encounters_kind_hash ON many_encounters USING hash (kind);
SET enable_seqscan = off; SET enable_bitmapscan = off;
SELECT count(*) FROM many_encounters WHERE kind = 'mx_canalizado';
SELECT count(*) FROM many_encounters WHERE kind < 'mx_presentado';
RESET enable_seqscan; RESET enable_bitmapscan;
SELECT encounter_authority(kind), count(*) FROM many_encounters GROUP BY 1 ORDER BY 1;
SELECT 'us_t8_inadmissible'::text::encounter, ('mx_presentado'::encounter)::text;

-- binary: exactly the six values are read (22P03 for other bytes)
CREATE TEMP TABLE enc_bin (e encounter);
SELECT count(*) FILTER (WHERE test.copy_binary('enc_bin', set_byte('\x00'::bytea, 0, k)) = 'ok') AS valid_bytes
FROM generate_series(0, 255) k;
SELECT array_agg(e ORDER BY e), array_agg(encounter_send(e) ORDER BY e) FROM enc_bin;
SELECT test.copy_binary('enc_bin', '\x15'), test.copy_binary('enc_bin', '\x23');
