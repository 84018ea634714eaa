-- security: a database owner without superuser rights installs the
-- extension (it is trusted); objects planted beforehand in the target schema
-- to capture unqualified references are never run, and an object that
-- already bears the name of one of the extension's is refused, not adopted.
\set orig_db :DBNAME
\set orig_user :USER
CREATE ROLE migrec_dba LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE DATABASE migrec_security OWNER migrec_dba;
\c migrec_security migrec_dba
SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user;

-- traps in public, where the extension will go: they log when they run
CREATE TABLE public.pwned (what text);
CREATE FUNCTION public.int2eq(int2, int2) RETURNS bool LANGUAGE sql
  AS $$ INSERT INTO public.pwned VALUES ('int2eq'); SELECT $1 OPERATOR(pg_catalog.=) $2 $$;
CREATE FUNCTION public.btequalimage(oid) RETURNS bool LANGUAGE sql
  AS $$ INSERT INTO public.pwned VALUES ('btequalimage'); SELECT true $$;
CREATE FUNCTION public.hashint2(int2) RETURNS int4 LANGUAGE sql
  AS $$ INSERT INTO public.pwned VALUES ('hashint2'); SELECT 0 $$;
CREATE FUNCTION public.trap_eq(int4, int4) RETURNS bool LANGUAGE sql
  AS $$ INSERT INTO public.pwned VALUES ('operator ='); SELECT $1 OPERATOR(pg_catalog.=) $2 $$;
CREATE OPERATOR public.= (LEFTARG = int4, RIGHTARG = int4, FUNCTION = public.trap_eq);
CREATE FUNCTION public.text_to_anything(text) RETURNS text LANGUAGE sql
  AS $$ INSERT INTO public.pwned VALUES ('text'); SELECT $1 $$;
-- and one with the very signature of an extension function
CREATE FUNCTION public.sdc_round(n bigint, base int DEFAULT 5) RETURNS bigint LANGUAGE sql
  AS $$ INSERT INTO public.pwned VALUES ('sdc_round'); SELECT 0::bigint $$;
SET search_path = public, pg_catalog;

-- the install refuses to adopt the planted sdc_round (CVE-2022-2625)
-- (without the error's context: from PostgreSQL 17 on it quotes the script's
-- statement and line, which would tie this output to the script's layout)
\set SHOW_CONTEXT never
CREATE EXTENSION migrec;
\set SHOW_CONTEXT errors
DROP FUNCTION public.sdc_round(bigint, int);

-- now it installs, as this non-superuser
CREATE EXTENSION migrec;
SELECT e.extname, r.rolname AS owner, r.rolsuper
FROM pg_extension e JOIN pg_roles r ON r.oid = e.extowner WHERE extname = 'migrec';

-- the support functions are core's, from pg_catalog, not the planted ones
SELECT DISTINCT a.amprocnum, p.oid::regprocedure::text AS function, n.nspname, l.lanname, p.prosrc
FROM pg_amproc a JOIN pg_proc p ON p.oid = a.amproc JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_language l ON l.oid = p.prolang JOIN pg_opfamily f ON f.oid = a.amprocfamily
WHERE f.opfname LIKE 'nationality%' ORDER BY 1, 2;
SELECT o.oprname, o.oprcode::regprocedure, n.nspname, p.prosrc
FROM pg_operator o JOIN pg_proc p ON p.oid = o.oprcode JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE o.oprleft = 'nationality'::regtype ORDER BY 1;

-- using the extension under the hostile search_path runs no trap
CREATE TABLE cases (n nationality, p place, s protection_status);
INSERT INTO cases VALUES ('HND', 'MX-CHP', 'claim_lodged'), ('HN', 'MX TAP', 'recognized_refugee'), ('HTI', 'PA-5', 'rejected');
CREATE INDEX ON cases (n);
CREATE INDEX ON cases USING hash (n);
SELECT n, count(*), recognition_rate(s) FROM cases GROUP BY n ORDER BY n;
SELECT count(*) FROM cases WHERE n = 'HND' AND p <@ 'MX';
SELECT sdc_round(12), country_name('HND', 'es');
-- the agency (the extension's owner, not a superuser) maintains the
-- suspension and deadline tables, and the functions that read them run no
-- trap either
INSERT INTO procedure_suspensions (jurisdiction, authority, first_day, last_day) VALUES ('PAN', 'ONPAR', '2024-01-10', '2024-01-11');
INSERT INTO procedure_deadlines (jurisdiction, deadline, obliged, from_states, length, unit, citation, confidence)
VALUES ('PAN', 'admission_decision', 'authority', '{claim_lodged}', 10, 'business_days', 'an agency''s rule', 'agency');
SELECT business_days('2024-01-05', '2024-01-12', 'PAN') AS with_suspension,
       (SELECT overdue_by FROM overdue('{claim_lodged@2024-01-08T16:00:00Z}', '2024-03-01', 'PAN')) AS overdue_by;
-- and with an empty search_path, qualified calls work: nothing looks names up
SET search_path = '';
SELECT public.country_name('HND'::public.nationality), public.sdc_round(12),
       public.recognition_rate(s) FROM public.cases GROUP BY s ORDER BY 1, 2, 3;
SELECT count(*) FROM public.cases WHERE n OPERATOR(public.=) 'HTI'::public.nationality;
RESET search_path;
SELECT count(*) AS traps_run FROM public.pwned;

-- the owner can drop it again
DROP EXTENSION migrec CASCADE;
\c :orig_db :orig_user
DROP DATABASE migrec_security;
DROP ROLE migrec_dba;
