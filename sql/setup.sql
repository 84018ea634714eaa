-- setup: install the extension for the tests that follow, check what it
-- installed, and create the helpers the other tests share.
CREATE EXTENSION migrec;
SELECT extname, extversion, extrelocatable FROM pg_extension WHERE extname = 'migrec';
-- the types' storage metadata is frozen from 0.1
SELECT typname, typlen, typbyval, typalign, typstorage
FROM pg_type WHERE typname IN ('nationality', 'place') ORDER BY typname;
-- every operator class passes the access method's own validation
SELECT opc.opcname, am.amname, pg_catalog.amvalidate(opc.oid) AS valid
FROM pg_opclass opc JOIN pg_am am ON am.oid = opc.opcmethod
WHERE opc.opcnamespace = 'public'::regnamespace ORDER BY 1, 2;

CREATE SCHEMA test;
-- the SQLSTATE a statement fails with, or 'ok'
CREATE FUNCTION test.sqlstate(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	RETURN 'ok';
EXCEPTION WHEN others THEN
	RETURN SQLSTATE;
END $$;
-- load one row of one field, given as raw bytes, into a table through
-- COPY ... (FORMAT binary): the way to reach a type's receive function
CREATE FUNCTION test.copy_binary(tbl regclass, field bytea) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	stream bytea := '\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
		|| '\x0001'::bytea || int4send(length(field)) || field || '\xffff'::bytea;
	fmt text := '';
	b int;
BEGIN
	FOR i IN 0 .. length(stream) - 1 LOOP
		b := get_byte(stream, i);
		fmt := fmt || '\' || (b >> 6) || ((b >> 3) & 7) || (b & 7);
	END LOOP;
	EXECUTE format('COPY %s FROM PROGRAM %L WITH (FORMAT binary)', tbl, 'printf ''' || fmt || '''');
	RETURN 'ok';
EXCEPTION WHEN others THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
