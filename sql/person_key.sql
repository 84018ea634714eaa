-- person_key: HMAC-SHA-256 on PostgreSQL's own SHA-256, checked against
-- RFC 4231's test vectors; the key's derivation, shown in SQL; text and
-- binary forms; the btree and hash operator classes; errors that never show
-- the secret.

-- RFC 4231, test cases 1 to 7 (case 5 truncates to 128 bits)
SELECT tc, encode(CASE WHEN tc = 5 THEN substr(hmac_sha256(k, m), 1, 16) ELSE hmac_sha256(k, m) END, 'hex') = expected AS ok
FROM (VALUES
  (1, '\x0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b'::bytea, 'Hi There'::bytea,
      'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'),
  (2, 'Jefe', 'what do ya want for nothing?',
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'),
  (3, decode(repeat('aa', 20), 'hex'), decode(repeat('dd', 50), 'hex'),
      '773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe'),
  (4, '\x0102030405060708090a0b0c0d0e0f10111213141516171819', decode(repeat('cd', 50), 'hex'),
      '82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b'),
  (5, decode(repeat('0c', 20), 'hex'), 'Test With Truncation', 'a3b6167473100ee06e0c796c2955552b'),
  (6, decode(repeat('aa', 131), 'hex'), 'Test Using Larger Than Block-Size Key - Hash Key First',
      '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54'),
  (7, decode(repeat('aa', 131), 'hex'),
      'This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.',
      '9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2')) AS v(tc, k, m, expected)
ORDER BY tc;
SELECT encode(hmac_sha256('', ''), 'hex');

-- a secret the two agencies share (tests only: a real one is random)
CREATE TEMP TABLE s AS SELECT '\x3a1f5e9c0b7d2468ace013579bdf0246'::bytea AS secret;

-- the key is the first 64 bits of HMAC-SHA-256 of the normalised fields,
-- separated by NUL bytes (src/linkage_io.h); the same in SQL:
SELECT person_key(secret, 'García López', 'José María', '1990-02-01', 'M', 'HND') AS key,
       substr(hmac_sha256(secret,
         convert_to('migrec person_key 1', 'UTF8') || '\x00'::bytea ||
         convert_to(linkage_name('García López', 'family'), 'UTF8') || '\x00'::bytea ||
         convert_to(linkage_name('José María', 'given'), 'UTF8') || '\x00'::bytea ||
         convert_to('19900201', 'UTF8') || '\x00'::bytea || convert_to('M', 'UTF8') || '\x00'::bytea ||
         convert_to('HND', 'UTF8')), 1, 8) AS first_64_bits
FROM s;

-- what agrees: case, accents, punctuation, surname order, spellings, sex
-- and nationality codes; what does not: a dropped surname, the day and
-- month swapped, another secret
SELECT person_key(secret, 'García López', 'José María', '1990-02-01', 'M', 'HND')
         = person_key(secret, 'LOPEZ-GARCIA', 'jose maria', '1990-02-01', 'male', 'HN') AS same_person,
       person_key(secret, 'Souza', 'Thiago', '2001-05-06', 'M', 'BRA')
         = person_key(secret, 'Sousa', 'Tiago', '2001-05-06', 'masculino', '076') AS spellings,
       person_key(secret, 'García López', 'José María', '1990-02-01', 'M', 'HND')
         = person_key(secret, 'García', 'José María', '1990-02-01', 'M', 'HND') AS surname_dropped,
       person_key(secret, 'García López', 'José María', '1990-02-01', 'M', 'HND')
         = person_key(secret, 'García López', 'José María', '1990-01-02', 'M', 'HND') AS transposed,
       person_key(secret, 'García López', 'José María', '1990-02-01', 'M', 'HND')
         = person_key('\x3a1f5e9c0b7d2468ace013579bdf0247', 'García López', 'José María', '1990-02-01', 'M', 'HND') AS other_secret
FROM s;
-- no letters in the family names: no key; no given names: a key
SELECT person_key(secret, '--', 'Ana', '1990-02-01', 'F', 'HND') IS NULL AS no_family,
       person_key(secret, 'Pérez', '', '1990-02-01', 'F', 'HND') IS NOT NULL AS no_given,
       person_key(secret, NULL, 'Ana', '1990-02-01', 'F', 'HND') IS NULL AS strict
FROM s;

-- errors: the secret is never shown, only its length
SELECT person_key('\x0102', 'García', 'Ana', '1990-02-01', 'F', 'HND');
SELECT person_key(secret, 'García', 'Ana', '1990-02-01', 'H', 'HND') FROM s;
SELECT person_key(secret, 'García', 'Ana', 'infinity', 'F', 'HND') FROM s;
SELECT person_key(secret, repeat('García ', 50), 'Ana', '1990-02-01', 'F', 'HND') FROM s;
SELECT test.sqlstate($$SELECT person_key('\x0102', 'García', 'Ana', '1990-02-01', 'F', 'HND')$$),
       test.sqlstate($$SELECT person_key('\x3a1f5e9c0b7d2468ace013579bdf0246', 'García', 'Ana', '1990-02-01', 'Q', 'HND')$$),
       test.sqlstate($$SELECT person_key('\x3a1f5e9c0b7d2468ace013579bdf0246', 'García', 'Ana', '-infinity', 'F', 'HND')$$);

-- text form: 16 hexadecimal digits, any case, blanks around
SELECT '00FF10a0b0c0d0e0'::person_key, ' ffffffffffffffff '::person_key, '0000000000000000'::person_key;
SELECT v, test.sqlstate(format('SELECT %L::person_key', v))
FROM (VALUES (''), ('00ff10a0b0c0d0e'), ('00ff10a0b0c0d0e0f'), ('00ff10a0b0c0d0eg'), ('0x00ff10a0b0c0d0e0')) AS t(v);
SELECT '00ff10a0b0c0d0eg'::person_key;
-- binary form: 8 bytes, round trip through COPY BINARY
SELECT person_key_send('00ff10a0b0c0d0e0');
CREATE TEMP TABLE pk_copy (k person_key);
SELECT test.copy_binary('pk_copy', '\x00ff10a0b0c0d0e0');
SELECT test.copy_binary('pk_copy', '\x00ff10a0b0c0d0');
SELECT k FROM pk_copy;

-- storage and operator classes
SELECT typname, typlen, typalign, typstorage FROM pg_type WHERE typname = 'person_key';
SELECT opcname, amvalidate(oid) FROM pg_opclass WHERE opcname IN ('person_key_ops', 'person_key_hash_ops') ORDER BY 1;
SELECT oprname, oprcanhash, oprcanmerge, oprcom::regoperator, oprnegate::regoperator
FROM pg_operator WHERE oprleft = 'person_key'::regtype ORDER BY oprname;

-- one agency's keys, another's, joined: btree, hash and merge joins agree
CREATE TEMP TABLE pa AS
SELECT i AS id, person_key(secret, 'Apellido ' || chr(65 + i % 26) || chr(65 + i / 26 % 26), 'Nombre', date '1980-01-01' + i, 'F', 'VEN') AS k
FROM s, generate_series(1, 2000) i;
CREATE TEMP TABLE mx AS
SELECT i AS id, person_key(secret, 'APELLIDO ' || chr(65 + i % 26) || chr(65 + i / 26 % 26), 'nombre', date '1980-01-01' + i, 'femenino', 'VE') AS k
FROM s, generate_series(1000, 3000) i;
CREATE INDEX ON pa (k);
CREATE INDEX ON mx USING hash (k);
ANALYZE pa;
ANALYZE mx;
SET enable_mergejoin = off; SET enable_nestloop = off;
SELECT count(*), count(*) FILTER (WHERE pa.id = mx.id) FROM pa JOIN mx USING (k);
SET enable_hashjoin = off; SET enable_mergejoin = on;
SELECT count(*), count(*) FILTER (WHERE pa.id = mx.id) FROM pa JOIN mx USING (k);
RESET enable_hashjoin; RESET enable_mergejoin; RESET enable_nestloop;
SET enable_seqscan = off;
-- (the key as a constant: a subquery's plan prints differently from 17 on)
SELECT k AS k1500 FROM pa WHERE id = 1500 \gset
EXPLAIN (COSTS OFF) SELECT id FROM mx WHERE k = :'k1500';
SELECT id FROM mx WHERE k = :'k1500';
RESET enable_seqscan;
SELECT count(DISTINCT k), count(*) FROM pa;
-- hash partitioning by the key
CREATE TEMP TABLE pk_parts (k person_key) PARTITION BY HASH (k);
CREATE TEMP TABLE pk_parts0 PARTITION OF pk_parts FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TEMP TABLE pk_parts1 PARTITION OF pk_parts FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO pk_parts SELECT k FROM pa;
SELECT count(*) BETWEEN 800 AND 1200 AS balanced FROM pk_parts0;

-- labels
SELECT proname, provolatile, proisstrict, proparallel FROM pg_proc
WHERE proname IN ('person_key', 'hmac_sha256') ORDER BY 1;
