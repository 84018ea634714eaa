-- bench_linkage_setup.sql: the tables of bench_linkage.sh, from the test
-- sets gen_population.py wrote into :big (1M records of agency A and some
-- of B) and :link (100k and 100k), encoded under one secret.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET maintenance_work_mem = '1GB';

CREATE TABLE bench_people (rec_id int, person_id int, family_names text, given_names text, birth date,
                           sex text, nationality nationality, corruptions text);
CREATE TABLE bench_a (LIKE bench_people);
CREATE TABLE bench_b (LIKE bench_people);
CREATE TABLE bench_la (LIKE bench_people);
CREATE TABLE bench_lb (LIKE bench_people);
\set f :big/a.csv
COPY bench_a FROM :'f' (FORMAT csv, HEADER);
\set f :big/b.csv
COPY bench_b FROM :'f' (FORMAT csv, HEADER);
\set f :link/a.csv
COPY bench_la FROM :'f' (FORMAT csv, HEADER);
\set f :link/b.csv
COPY bench_lb FROM :'f' (FORMAT csv, HEADER);

\set secret '\'\\x5b2e8c41d07f93a6e1b45c7d2098fa3e\''
CREATE TABLE bench_secret AS SELECT :secret::bytea AS secret;
ALTER TABLE bench_a ADD enc clk;
ALTER TABLE bench_b ADD enc clk;
ALTER TABLE bench_la ADD enc clk;
ALTER TABLE bench_lb ADD enc clk;
UPDATE bench_a SET enc = clk(:secret, family_names, given_names, birth, sex, nationality);
UPDATE bench_b SET enc = clk(:secret, family_names, given_names, birth, sex, nationality);
UPDATE bench_la SET enc = clk(:secret, family_names, given_names, birth, sex, nationality);
UPDATE bench_lb SET enc = clk(:secret, family_names, given_names, birth, sex, nationality);
VACUUM (FREEZE, ANALYZE) bench_a;
VACUUM (FREEZE, ANALYZE) bench_b;
VACUUM (FREEZE, ANALYZE) bench_la;
VACUUM (FREEZE, ANALYZE) bench_lb;

-- the queries: the first 40 records of agency B (about half of them have a
-- record in A)
CREATE TABLE bench_q AS SELECT rec_id AS id, enc AS q FROM bench_b ORDER BY rec_id LIMIT 40;
ANALYZE bench_q;
