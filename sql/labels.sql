-- labels: every function of the extension with its volatility, strictness,
-- parallel safety and security, pinned here so that a change is seen and
-- argued.  All of migrec's functions depend on their arguments alone
-- (IMMUTABLE), and run in parallel workers (PARALLEL SAFE); transition and
-- combine functions that take NULL states are not STRICT.
SELECT p.oid::regprocedure AS function,
       CASE p.prokind WHEN 'a' THEN 'aggregate' WHEN 'f' THEN 'function' ELSE p.prokind::text END AS kind,
       CASE p.provolatile WHEN 'i' THEN 'immutable' WHEN 's' THEN 'stable' ELSE 'volatile' END AS volatility,
       p.proisstrict AS strict,
       CASE p.proparallel WHEN 's' THEN 'safe' WHEN 'r' THEN 'restricted' ELSE 'unsafe' END AS parallel,
       p.prosecdef AS security_definer,
       p.proleakproof AS leakproof,
       l.lanname AS language
FROM pg_depend d
JOIN pg_proc p ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
JOIN pg_language l ON l.oid = p.prolang
WHERE d.refclassid = 'pg_extension'::regclass
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'migrec')
  AND d.deptype = 'e'
ORDER BY p.proname, p.oid::regprocedure::text;

-- nothing is SECURITY DEFINER; the functions that are not IMMUTABLE or not
-- PARALLEL SAFE are named: clk_similar (%) reads migrec.clk_threshold
-- (STABLE, as pg_trgm's % does), link_clk runs the caller's queries
-- (VOLATILE, PARALLEL UNSAFE), the business-day functions and overdue()
-- read the suspension and deadline tables (STABLE); every aggregate with a
-- combine function has (de)serialization when its state is internal
SELECT count(*) FILTER (WHERE p.prosecdef) AS security_definer,
       string_agg(p.proname, ', ' ORDER BY p.proname) FILTER (WHERE p.provolatile <> 'i') AS not_immutable,
       string_agg(p.proname, ', ' ORDER BY p.proname) FILTER (WHERE p.proparallel <> 's') AS not_parallel_safe
FROM pg_depend d JOIN pg_proc p ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'migrec');
-- the STABLE ones are exactly those that read the agency's tables
-- (procedure_suspensions, procedure_deadlines)
SELECT p.oid::regprocedure AS stable_function
FROM pg_depend d JOIN pg_proc p ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'migrec') AND p.provolatile = 's'
ORDER BY p.oid::regprocedure::text;
SELECT a.aggfnoid::regprocedure AS aggregate, a.aggtranstype::regtype AS state,
       a.aggcombinefn <> 0 AS combine, a.aggserialfn <> 0 AS serialize, a.aggdeserialfn <> 0 AS deserialize,
       a.aggmtransfn <> 0 AS moving, a.aggfinalmodify AS final_modify,
       (SELECT proisstrict FROM pg_proc WHERE oid = a.aggserialfn) AS serialize_strict,
       (SELECT proisstrict FROM pg_proc WHERE oid = a.aggdeserialfn) AS deserialize_strict
FROM pg_aggregate a JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = a.aggfnoid
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'migrec')
ORDER BY a.aggfnoid::regprocedure::text;

-- the extension's only relations are the agency's two tables of data
-- (configuration tables: pg_dump keeps the rows an agency adds); no views
-- or sequences
SELECT d.objid::regclass AS relation, c.relkind,
       d.objid = ANY ((SELECT extconfig FROM pg_extension WHERE extname = 'migrec')::oid[]) AS config_table
FROM pg_depend d JOIN pg_class c ON c.oid = d.objid
WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'migrec')
ORDER BY d.objid::regclass::text;

-- every object of the extension has a comment (not array types, nor a
-- table's row type, which 17 lists as a member: the table has the comment)
SELECT pg_describe_object(d.classid, d.objid, 0) AS without_comment
FROM pg_depend d
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'migrec')
  AND obj_description(d.objid, d.classid::regclass::name) IS NULL
  AND NOT (d.classid = 'pg_type'::regclass AND EXISTS (SELECT 1 FROM pg_type t WHERE t.oid = d.objid AND ((t.typelem <> 0 AND t.typlen = -1) OR t.typrelid <> 0)))
ORDER BY 1;
