-- link_clk: two agencies' encoded tables in, matched pairs out, one to one,
-- with a clerical-review band.

CREATE TEMP TABLE s AS SELECT '\x3a1f5e9c0b7d2468ace013579bdf0246'::bytea AS secret;
-- agency A: a family; agency B: the same family written otherwise, and a
-- stranger
CREATE TEMP TABLE agency_a AS
SELECT id, clk(secret, f, g, b, x, n) AS enc FROM s, (VALUES
  (1, 'García López', 'José María', date '1990-02-01', 'M', 'HND'::nationality),
  (2, 'García López', 'Pedro', '1993-07-12', 'M', 'HND'),
  (3, 'Mejía Soto', 'Rosa', '1968-11-30', 'F', 'HND'),
  (4, 'Pierre', 'Jean Baptiste', '1985-11-30', 'M', 'HTI'),
  (5, 'Souza', 'Thiago', '2001-05-06', 'M', 'BRA'),
  (6, 'Ortiz Rivas', 'Carmen', '1975-04-04', 'F', 'VEN')) AS t(id, f, g, b, x, n);
CREATE TEMP TABLE agency_b AS
SELECT id, clk(secret, f, g, b, x, n) AS enc FROM s, (VALUES
  (10, 'GARCIA', 'JOSE MARIA', date '1990-01-02', 'M', 'HND'::nationality),
  (11, 'García López', 'Pedro', '1993-07-12', 'M', 'HND'),
  (12, 'Mejia', 'Rosa Elena', '1968-11-30', 'F', 'HND'),
  (13, 'Pierre', 'Jean-Baptiste', '1985-11-30', 'M', 'HTI'),
  (14, 'Sousa', 'Tiago', '2001-05-06', 'M', 'BRA'),
  (15, 'Ortega', 'Luis', '1977-03-03', 'M', 'VEN'),
  (16, 'Ortiz', 'Carmela', '1975-04-14', 'F', 'VEN')) AS t(id, f, g, b, x, n);

SELECT a.id, b.id, round(dice(a.enc, b.enc)::numeric, 3) FROM agency_a a, agency_b b
WHERE dice(a.enc, b.enc) > 0.5 ORDER BY 1, 2;
-- matches from 0.75, review from 0.6; each record in one pair at most
SELECT a_id, b_id, round(dice::numeric, 3) AS dice, decision
FROM link_clk('SELECT id, enc FROM agency_a', 'SELECT id, enc FROM agency_b', 0.75, 0.6)
ORDER BY a_id;
-- without a review band; exhaustive comparison gives the same pairs
SELECT a_id, b_id, decision FROM link_clk('SELECT id, enc FROM agency_a', 'SELECT id, enc FROM agency_b', 0.75) ORDER BY a_id;
SELECT count(*) FROM (
  SELECT * FROM link_clk('SELECT id, enc FROM agency_a', 'SELECT id, enc FROM agency_b', 0.75, 0.6, exhaustive => true)
  EXCEPT
  SELECT * FROM link_clk('SELECT id, enc FROM agency_a', 'SELECT id, enc FROM agency_b', 0.75, 0.6)) x;

-- greedy: the best pair first, then the best of what is left
CREATE TEMP TABLE twins_a AS
SELECT id, clk(secret, 'Díaz Rivas', g, '2015-06-15', 'F', 'VEN') AS enc FROM s,
  (VALUES (1, 'Ana Lucía'), (2, 'Ana Luisa')) AS t(id, g);
CREATE TEMP TABLE twins_b AS
SELECT id, clk(secret, 'Díaz', g, '2015-06-15', 'F', 'VEN') AS enc FROM s,
  (VALUES (7, 'Ana Lucia'), (8, 'Ana')) AS t(id, g);
SELECT a.id, b.id, round(dice(a.enc, b.enc)::numeric, 3) FROM twins_a a, twins_b b ORDER BY 1, 2;
SELECT a_id, b_id, round(dice::numeric, 3), decision FROM link_clk('SELECT id, enc FROM twins_a', 'SELECT id, enc FROM twins_b', 0.8, 0.5) ORDER BY 1;

-- ids of any integer type; rows without an id or an encoding are left out;
-- empty sides link nothing
SELECT count(*) FROM link_clk('SELECT id::int2, enc FROM agency_a UNION ALL SELECT NULL, enc FROM agency_a', 'SELECT id, enc FROM agency_b', 0.75);
SELECT count(*) FROM link_clk('SELECT id, enc FROM agency_a WHERE false', 'SELECT id, enc FROM agency_b', 0.75);
SELECT count(*) FROM link_clk('SELECT id, NULL::clk FROM agency_a', 'SELECT id, enc FROM agency_b', 0.75);

-- errors
SELECT * FROM link_clk('SELECT id FROM agency_a', 'SELECT id, enc FROM agency_b', 0.75);
SELECT * FROM link_clk('SELECT id::text, enc FROM agency_a', 'SELECT id, enc FROM agency_b', 0.75);
SELECT * FROM link_clk('SELECT id, enc FROM agency_a', 'DELETE FROM agency_b RETURNING id, enc', 0.75);
SELECT * FROM link_clk('SELECT id, enc FROM agency_a', 'SELECT id, enc FROM agency_b', 0.75, 0.8);
SELECT * FROM link_clk('SELECT id, enc FROM agency_a', 'SELECT id, enc FROM agency_b', NULL);
SELECT * FROM link_clk('SELECT id, enc FROM agency_a',
  $$SELECT 1, clk('\x00000000000000000000000000000001', 'Pérez', 'Ana', '1990-02-01', 'F', 'VEN')$$, 0.75);
-- the queries run with the caller's privileges
CREATE ROLE linkage_test_nobody;
SET ROLE linkage_test_nobody;
SELECT * FROM link_clk('SELECT id, enc FROM agency_a', 'SELECT id, enc FROM agency_b', 0.75);
RESET ROLE;
DROP ROLE linkage_test_nobody;
