-- clk: the similarity encoding; migrec.clk_threshold, %, <->, dice; text
-- and binary forms; refusal to compare encodings made differently; the GIN
-- operator class (Hamming LSH) against the sequential scan.

-- a fresh session: the threshold set before the library is loaded is kept
-- (a placeholder until then), and the library reserves the migrec prefix
\c
SET migrec.clk_threshold = 0.9;
SELECT clk('\x3a1f5e9c0b7d2468ace013579bdf0246', 'Pérez', 'Ana', '1990-02-01', 'F', 'VEN') IS NOT NULL;
SHOW migrec.clk_threshold;
RESET migrec.clk_threshold;
SHOW migrec.clk_threshold;
SET migrec.clk_threshold = 1.5;
SELECT name, setting, min_val, max_val, context, vartype FROM pg_settings WHERE name = 'migrec.clk_threshold';

CREATE TEMP TABLE s AS SELECT '\x3a1f5e9c0b7d2468ace013579bdf0246'::bytea AS secret;

-- one encoding in full (a vector of this release: the same on every
-- server, any change to the encoding shows here), and its parts
SELECT clk(secret, 'García López', 'José María', '1990-02-01', 'M', 'HND') FROM s;
SELECT popcount(c), length(clk_bits(c)), c = c::text::clk AS text_round_trip
FROM (SELECT clk(secret, 'García López', 'José María', '1990-02-01', 'M', 'HND') c FROM s) x;
SELECT clk(secret, 'García López', 'José María', '1990-02-01', 'M', 'HND', salt => '1990') FROM s;

-- what the encoding tolerates: Dice of one person's records as two
-- agencies wrote them, and of relatives
CREATE TEMP TABLE pairs AS
SELECT what, clk(secret, f1, g1, b1, x1, n1) AS c1, clk(secret, f2, g2, b2, x2, n2) AS c2
FROM s, (VALUES
  ('identical',            'García López', 'José María', date '1990-02-01', 'M', 'HND'::nationality, 'García López', 'José María', date '1990-02-01', 'M', 'HND'::nationality),
  ('accents, case, order', 'García López', 'José María', '1990-02-01', 'M', 'HND', 'LOPEZ GARCIA', 'JOSE MARIA', '1990-02-01', 'masculino', 'HN'),
  ('typo',                 'García López', 'José María', '1990-02-01', 'M', 'HND', 'Garcia Lopex', 'Jose Maria', '1990-02-01', 'M', 'HND'),
  ('surname dropped',      'García López', 'José María', '1990-02-01', 'M', 'HND', 'García', 'José María', '1990-02-01', 'M', 'HND'),
  ('day and month swapped','García López', 'José María', '1990-02-01', 'M', 'HND', 'García López', 'José María', '1990-01-02', 'M', 'HND'),
  ('nickname',             'García López', 'José María', '1990-02-01', 'M', 'HND', 'García López', 'Chema', '1990-02-01', 'M', 'HND'),
  ('second name dropped',  'García López', 'José María', '1990-02-01', 'M', 'HND', 'García López', 'José', '1990-02-01', 'M', 'HND'),
  ('spelling',             'Gonçalves Coelho', 'Thiago', '2001-05-06', 'M', 'BRA', 'Gonsalves Coello', 'Tiago', '2001-05-06', 'M', 'BRA'),
  ('sex and nationality missing', 'Pierre', 'Jean Baptiste', '1985-11-30', 'M', 'HTI', 'Pierre', 'Jean Baptiste', '1985-11-30', NULL, NULL),
  ('brother',              'García López', 'José María', '1990-02-01', 'M', 'HND', 'García López', 'Pedro', '1993-07-12', 'M', 'HND'),
  ('twin sister',          'García López', 'José María', '1990-02-01', 'M', 'HND', 'García López', 'Ana Lucía', '1990-02-01', 'F', 'HND'),
  ('someone else',         'García López', 'José María', '1990-02-01', 'M', 'HND', 'Pérez', 'Ana', '1980-07-07', 'F', 'VEN')
) AS t(what, f1, g1, b1, x1, n1, f2, g2, b2, x2, n2);
SELECT what, round(dice(c1, c2)::numeric, 3) AS dice, round((c1 <-> c2)::numeric, 3) AS distance,
       c1 % c2 AS similar, dice(c1, c2) = dice(c2, c1) AS symmetric
FROM pairs;
SET migrec.clk_threshold = 0.6;
SELECT what, c1 % c2 AS similar FROM pairs WHERE what IN ('nickname', 'brother', 'twin sister');
RESET migrec.clk_threshold;

-- no name: no encoding; a NULL secret: none; other fields may be missing
SELECT clk(secret, NULL, NULL, '1990-02-01', 'M', 'HND') IS NULL AS no_name,
       clk(NULL, 'Pérez', 'Ana', '1990-02-01', 'F', 'VEN') IS NULL AS no_secret,
       popcount(clk(secret, 'Pérez', NULL, NULL, NULL, NULL)) < popcount(clk(secret, 'Pérez', 'Ana', '1990-02-01', 'F', 'VEN')) AS fewer_bits
FROM s;

-- encodings made differently are refused, never compared
SELECT dice(clk(secret, 'Pérez', 'Ana', '1990-02-01', 'F', 'VEN'),
            clk('\x00000000000000000000000000000001', 'Pérez', 'Ana', '1990-02-01', 'F', 'VEN')) FROM s;
SELECT clk(secret, 'Pérez', 'Ana', '1990-02-01', 'F', 'VEN') % clk(secret, 'Pérez', 'Ana', '1990-02-01', 'F', 'VEN', '1990') FROM s;
SELECT clk(secret, 'Pérez', 'Ana', '1990-02-01', 'F', 'VEN') <-> clk_import(clk_bits(clk(secret, 'Pérez', 'Ana', '1990-02-01', 'F', 'VEN'))) FROM s;
-- other errors
SELECT clk('\x0102', 'Pérez', 'Ana', '1990-02-01', 'F', 'VEN');
SELECT clk(secret, 'Pérez', 'Ana', '1990-02-01', 'F', 'VEN', repeat('x', 65)) FROM s;
SELECT clk_import('\x00ff');

-- imported filters (clkhash's, decoded from base64) compare with each other
SELECT dice(clk_import(decode(repeat('f0', 128), 'hex')), clk_import(decode(repeat('ff', 128), 'hex'))),
       popcount(clk_import(decode(repeat('f0', 128), 'hex')));

-- text form: base64 of version, options, key fingerprint and bits, checked
CREATE FUNCTION pg_temp.b64(bytea) RETURNS text LANGUAGE sql AS $$SELECT replace(encode($1, 'base64'), E'\n', '')$$;
SELECT what, test.sqlstate(format('SELECT %L::clk', v))
FROM (VALUES ('empty', ''), ('short', 'AAAA'), ('not base64', 'not base64 at all!!'),
             ('version 1, nothing set', pg_temp.b64('\x01000000000000'::bytea || decode(repeat('00', 127), 'hex'))),
             ('version 9', pg_temp.b64('\x09000000000000'::bytea || decode(repeat('00', 127), 'hex'))),
             ('version 1, unknown option', pg_temp.b64('\x01800000000000'::bytea || decode(repeat('00', 127), 'hex'))),
             ('imported, with a fingerprint', pg_temp.b64('\x02000000000100'::bytea || decode(repeat('00', 127), 'hex'))),
             ('one byte short', pg_temp.b64('\x010000000000'::bytea || decode(repeat('00', 127), 'hex'))),
             ('blanks around', '  ' || pg_temp.b64('\x01000000000000'::bytea || decode(repeat('00', 127), 'hex')) || ' ')
     ) AS t(what, v);
SELECT 'AAAA'::clk;
SELECT pg_temp.b64('\x09000000000000'::bytea || decode(repeat('00', 127), 'hex'))::clk;
-- binary form: version, options, fingerprint, bits; checked on input
SELECT length(clk_send(clk(secret, 'Pérez', 'Ana', '1990-02-01', 'F', 'VEN'))) FROM s;
CREATE TEMP TABLE clk_copy (c clk);
SELECT test.copy_binary('clk_copy', clk_send(clk(secret, 'Pérez', 'Ana', '1990-02-01', 'F', 'VEN'))) FROM s;
SELECT test.copy_binary('clk_copy', '\x09'::bytea || substr(clk_send(clk(secret, 'Pérez', 'Ana', '1990-02-01', 'F', 'VEN')), 2)) FROM s;
SELECT test.copy_binary('clk_copy', substr(clk_send(clk(secret, 'Pérez', 'Ana', '1990-02-01', 'F', 'VEN')), 2)) FROM s;
SELECT c = clk(secret, 'Pérez', 'Ana', '1990-02-01', 'F', 'VEN') FROM clk_copy, s;

-- storage, operator classes, operators
SELECT typname, typlen, typbyval, typalign, typstorage FROM pg_type WHERE typname = 'clk';
SELECT opcname, amvalidate(oid) FROM pg_opclass WHERE opcname IN ('clk_lsh_ops', 'clk_hash_ops') ORDER BY 1;
SELECT oprname, oprresult::regtype, oprcom::regoperator, oprnegate::regoperator, oprrest, oprjoin, oprcanhash
FROM pg_operator WHERE oprleft = 'clk'::regtype ORDER BY oprname;
-- % depends on a setting: stable, not immutable; the rest immutable
SELECT proname, provolatile, proisstrict, proparallel FROM pg_proc
WHERE proname IN ('clk', 'dice', 'clk_similar', 'clk_distance', 'popcount', 'clk_bits', 'clk_import') ORDER BY 1;
-- = and hashing: GROUP BY and DISTINCT by hash (there is no order)
SELECT count(*) FROM (SELECT DISTINCT clk(secret, CASE WHEN i < 3 THEN 'Pérez' ELSE 'Ortiz' END, 'Ana', '1990-02-01', 'F', 'VEN') c
                      FROM s, generate_series(1, 5) i) x;

-- a register of 3000 persons, and 200 of them as another agency wrote them
CREATE TEMP TABLE people AS
SELECT i AS id,
       (ARRAY['García','López','Pérez','Rodríguez','Martínez','Gómez','Díaz','Vargas','Jean','Pierre','Silva','Souza'])[1 + i % 12]
         || ' ' || (ARRAY['Mora','Rojas','Castro','Ortiz','Medina','Rivas','Flores','Ramos','Torres','Cruz','Reyes','Herrera','Chávez'])[1 + (i / 12) % 13] AS family,
       (ARRAY['José','María','Ana','Luis','Carlos','Rosa','Jean','Marie','Thiago','Yasmin','Pedro','Lucía','Daniel','Sofía','Miguel','Elena','Jorge'])[1 + (i / 156) % 17] AS given,
       date '1960-01-01' + (i * 7919) % 20000 AS birth,
       (ARRAY['F','M'])[1 + i % 2] AS sex,
       (ARRAY['VEN','HTI','COL','ECU','CUB'])[1 + i % 5]::nationality AS nat
FROM generate_series(1, 3000) i;
CREATE TEMP TABLE reg AS SELECT id, clk(secret, family, given, birth, sex, nat) AS c FROM people, s;
CREATE TEMP TABLE queries AS
SELECT id, clk(secret, CASE WHEN id % 3 = 0 THEN split_part(family, ' ', 1) ELSE upper(family) END,
               CASE WHEN id % 4 = 0 THEN given || 'a' ELSE given END,
               CASE WHEN id % 5 = 0 AND extract(day FROM birth) <= 12
                    THEN make_date(extract(year FROM birth)::int, extract(day FROM birth)::int, extract(month FROM birth)::int)
                    ELSE birth END, sex, nat) AS q
FROM people, s WHERE id % 15 = 0;
CREATE INDEX reg_lsh ON reg USING gin (c);
ANALYZE reg;

-- the same pairs with the index as with the sequential scan (the plan
-- without the "Disabled: true" that 18 prints under a scan it had to keep)
CREATE FUNCTION pg_temp.plan(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE l text;
BEGIN
	FOR l IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		IF l !~ '^\s*Disabled: true$' THEN
			RETURN NEXT l;
		END IF;
	END LOOP;
END $$;
SET enable_seqscan = off;
SELECT pg_temp.plan($$SELECT r.id FROM queries q JOIN reg r ON r.c % q.q$$);
CREATE TEMP TABLE found_idx AS SELECT q.id AS qid, r.id FROM queries q JOIN reg r ON r.c % q.q;
RESET enable_seqscan;
SET enable_bitmapscan = off; SET enable_indexscan = off;
CREATE TEMP TABLE found_seq AS SELECT q.id AS qid, r.id FROM queries q JOIN reg r ON r.c % q.q;
RESET enable_bitmapscan; RESET enable_indexscan;
SELECT (SELECT count(*) FROM found_seq) AS seq, (SELECT count(*) FROM found_idx) AS idx,
       (SELECT count(*) FROM found_seq JOIN found_idx USING (qid, id)) AS both_,
       (SELECT count(*) FROM found_seq WHERE qid = id) AS true_pairs_found;
-- nearest neighbours: the index finds the candidates, <-> orders them (a
-- lower threshold, to see more than the person)
SET enable_seqscan = off;
SET migrec.clk_threshold = 0.6;
-- (the query as a constant: a subquery's plan prints differently from 17 on)
SELECT q AS q45 FROM queries WHERE id = 45 \gset
EXPLAIN (COSTS OFF)
SELECT r.id FROM reg r WHERE r.c % :'q45'::clk ORDER BY r.c <-> :'q45'::clk LIMIT 3;
SELECT r.id, round((r.c <-> q.q)::numeric, 3) AS distance
FROM reg r, queries q WHERE q.id = 45 AND r.c % q.q ORDER BY r.c <-> q.q, r.id LIMIT 3;
RESET migrec.clk_threshold;
RESET enable_seqscan;

-- the operator class's options: fewer tables, fewer bits
CREATE INDEX reg_lsh_small ON reg USING gin (c clk_lsh_ops (tables = 16, bits = 16));
-- (without its schema: pg_temp is pg_temp_N before 14)
SELECT regexp_replace(pg_get_indexdef('reg_lsh_small'::regclass), 'pg_temp(_[0-9]+)?\.', '') AS indexdef;
CREATE INDEX ON reg USING gin (c clk_lsh_ops (tables = 0));
CREATE INDEX ON reg USING gin (c clk_lsh_ops (bits = 49));
DROP INDEX reg_lsh;
SET enable_seqscan = off;
SELECT count(*) FROM queries q JOIN reg r ON r.c % q.q;
RESET enable_seqscan;
