/*
 * Release 0.2.  Each file of this folder adds one type's or one feature's
 * objects, and is named after it; tools/build_sql.sh joins them in name
 * order into migrec--0.1--0.2.sql, and appends them to 0.1 for a fresh 0.2.
 * The same rules as 0.1: plain CREATE, every name qualified with
 * @extschema@. or pg_catalog., no substitution inside quoted bodies.
 */
