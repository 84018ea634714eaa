-- layout: the C code's idea of each type's size, passing and alignment
-- (its named INTERNALLENGTH constants, which migrec's sources check against
-- their structs at compile time) against the catalog's, which the install
-- script's CREATE TYPE set.  A stored value is read with the catalog's
-- length: if the two disagree, every value is misread.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS migrec;
RESET client_min_messages;
CREATE FUNCTION pg_temp.c_layout(OUT type text, OUT length int, OUT byval bool, OUT align int)
  RETURNS SETOF record AS '$libdir/migrec_test_helpers', 'c_layout' LANGUAGE C STRICT;

SELECT c.type, t.typlen, c.length AS c_length, t.typbyval, c.byval AS c_byval, t.typalign,
       c.align AS c_align,
       t.typlen = c.length AND t.typbyval = c.byval
       AND c.align <= CASE t.typalign WHEN 'c' THEN 1 WHEN 's' THEN 2 WHEN 'i' THEN 4 ELSE 8 END AS agrees
FROM pg_temp.c_layout() c
LEFT JOIN pg_type t ON t.typname = c.type
  AND t.typnamespace = (SELECT extnamespace FROM pg_extension WHERE extname = 'migrec')
ORDER BY c.type;

-- and every base type of the extension is in the list above
SELECT t.typname AS unchecked_type
FROM pg_type t JOIN pg_depend d ON d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e'
WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'migrec') AND t.typtype = 'b'
  AND t.typcategory <> 'A' AND t.typname NOT IN (SELECT type FROM pg_temp.c_layout());
