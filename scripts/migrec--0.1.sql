/* migrec--0.1.sql: migration records for PostgreSQL. */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION migrec" to load this file. \quit

/*
 * Every reference below is qualified (@extschema@. or pg_catalog.), so the
 * script and its objects behave the same under any search_path.  C functions
 * bound to core's int2/int4 comparators and hashes are LANGUAGE internal:
 * nationality is a packed int2, place a packed int4 (see src/codes.h), and
 * their integer order is their order.
 */

--------------------------------------------------------------------------
-- nationality
--------------------------------------------------------------------------

CREATE TYPE @extschema@.nationality;

CREATE FUNCTION @extschema@.nationality_in(pg_catalog.cstring)
RETURNS @extschema@.nationality
AS 'MODULE_PATHNAME', 'nationality_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.nationality_out(@extschema@.nationality)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'nationality_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.nationality_recv(pg_catalog.internal)
RETURNS @extschema@.nationality
AS 'MODULE_PATHNAME', 'nationality_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.nationality_send(@extschema@.nationality)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'nationality_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.nationality (
	INPUT = @extschema@.nationality_in,
	OUTPUT = @extschema@.nationality_out,
	RECEIVE = @extschema@.nationality_recv,
	SEND = @extschema@.nationality_send,
	INTERNALLENGTH = 2,
	PASSEDBYVALUE,
	ALIGNMENT = int2,
	STORAGE = plain,
	CATEGORY = 'U'
);

COMMENT ON TYPE @extschema@.nationality IS
'a nationality: ISO 3166-1 country, ICAO Doc 9303 code (XXA stateless, XXB/XXC refugee, XXX, UNO, UNA, UNK), Kosovo (XKX) or withdrawn ISO 3166-3 code; 2 bytes, shown as alpha-3';
COMMENT ON FUNCTION @extschema@.nationality_in(pg_catalog.cstring) IS
'nationality input: alpha-3, alpha-2 or numeric code, any case';
COMMENT ON FUNCTION @extschema@.nationality_out(@extschema@.nationality) IS
'nationality output: the alpha-3 code';
COMMENT ON FUNCTION @extschema@.nationality_recv(pg_catalog.internal) IS
'nationality binary input: a big-endian int2, checked against the code table';
COMMENT ON FUNCTION @extschema@.nationality_send(@extschema@.nationality) IS
'nationality binary output: the packed code as a big-endian int2';

-- comparison: core's int2 functions on the packed code
CREATE FUNCTION @extschema@.nationality_eq(@extschema@.nationality, @extschema@.nationality)
RETURNS pg_catalog.bool AS 'int2eq' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.nationality_ne(@extschema@.nationality, @extschema@.nationality)
RETURNS pg_catalog.bool AS 'int2ne' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.nationality_lt(@extschema@.nationality, @extschema@.nationality)
RETURNS pg_catalog.bool AS 'int2lt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.nationality_le(@extschema@.nationality, @extschema@.nationality)
RETURNS pg_catalog.bool AS 'int2le' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.nationality_gt(@extschema@.nationality, @extschema@.nationality)
RETURNS pg_catalog.bool AS 'int2gt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.nationality_ge(@extschema@.nationality, @extschema@.nationality)
RETURNS pg_catalog.bool AS 'int2ge' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.nationality_cmp(@extschema@.nationality, @extschema@.nationality)
RETURNS pg_catalog.int4 AS 'btint2cmp' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.nationality_sortsupport(pg_catalog.internal)
RETURNS pg_catalog.void AS 'btint2sortsupport' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.nationality_hash(@extschema@.nationality)
RETURNS pg_catalog.int4 AS 'hashint2' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.nationality_hash_extended(@extschema@.nationality, pg_catalog.int8)
RETURNS pg_catalog.int8 AS 'hashint2extended' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.nationality_eq(@extschema@.nationality, @extschema@.nationality) IS 'implementation of = for nationality';
COMMENT ON FUNCTION @extschema@.nationality_ne(@extschema@.nationality, @extschema@.nationality) IS 'implementation of <> for nationality';
COMMENT ON FUNCTION @extschema@.nationality_lt(@extschema@.nationality, @extschema@.nationality) IS 'implementation of < for nationality';
COMMENT ON FUNCTION @extschema@.nationality_le(@extschema@.nationality, @extschema@.nationality) IS 'implementation of <= for nationality';
COMMENT ON FUNCTION @extschema@.nationality_gt(@extschema@.nationality, @extschema@.nationality) IS 'implementation of > for nationality';
COMMENT ON FUNCTION @extschema@.nationality_ge(@extschema@.nationality, @extschema@.nationality) IS 'implementation of >= for nationality';
COMMENT ON FUNCTION @extschema@.nationality_cmp(@extschema@.nationality, @extschema@.nationality) IS 'btree comparison of nationalities, alphabetical by alpha-3';
COMMENT ON FUNCTION @extschema@.nationality_sortsupport(pg_catalog.internal) IS 'btree sort support for nationality';
COMMENT ON FUNCTION @extschema@.nationality_hash(@extschema@.nationality) IS 'hash of a nationality (for hash joins and hash aggregation)';
COMMENT ON FUNCTION @extschema@.nationality_hash_extended(@extschema@.nationality, pg_catalog.int8) IS 'seeded 64-bit hash of a nationality (for hash partitioning)';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.nationality, RIGHTARG = @extschema@.nationality,
	FUNCTION = @extschema@.nationality_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.nationality, RIGHTARG = @extschema@.nationality,
	FUNCTION = @extschema@.nationality_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.nationality, RIGHTARG = @extschema@.nationality,
	FUNCTION = @extschema@.nationality_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.nationality, RIGHTARG = @extschema@.nationality,
	FUNCTION = @extschema@.nationality_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.nationality, RIGHTARG = @extschema@.nationality,
	FUNCTION = @extschema@.nationality_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.nationality, RIGHTARG = @extschema@.nationality,
	FUNCTION = @extschema@.nationality_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

COMMENT ON OPERATOR @extschema@.=(@extschema@.nationality, @extschema@.nationality) IS 'equal';
COMMENT ON OPERATOR @extschema@.<>(@extschema@.nationality, @extschema@.nationality) IS 'not equal';
COMMENT ON OPERATOR @extschema@.<(@extschema@.nationality, @extschema@.nationality) IS 'less than (alphabetical by alpha-3)';
COMMENT ON OPERATOR @extschema@.<=(@extschema@.nationality, @extschema@.nationality) IS 'less than or equal (alphabetical by alpha-3)';
COMMENT ON OPERATOR @extschema@.>(@extschema@.nationality, @extschema@.nationality) IS 'greater than (alphabetical by alpha-3)';
COMMENT ON OPERATOR @extschema@.>=(@extschema@.nationality, @extschema@.nationality) IS 'greater than or equal (alphabetical by alpha-3)';

CREATE OPERATOR CLASS @extschema@.nationality_ops
DEFAULT FOR TYPE @extschema@.nationality USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.nationality_cmp(@extschema@.nationality, @extschema@.nationality),
	FUNCTION 2 @extschema@.nationality_sortsupport(pg_catalog.internal),
	FUNCTION 4 pg_catalog.btequalimage(pg_catalog.oid);

CREATE OPERATOR CLASS @extschema@.nationality_hash_ops
DEFAULT FOR TYPE @extschema@.nationality USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.nationality_hash(@extschema@.nationality),
	FUNCTION 2 @extschema@.nationality_hash_extended(@extschema@.nationality, pg_catalog.int8);

COMMENT ON OPERATOR CLASS @extschema@.nationality_ops USING btree IS 'default btree operator class for nationality, with sort support and deduplication';
COMMENT ON OPERATOR CLASS @extschema@.nationality_hash_ops USING hash IS 'default hash operator class for nationality (hash joins, hash aggregation, hash partitioning)';

CREATE CAST (pg_catalog.text AS @extschema@.nationality) WITH INOUT AS ASSIGNMENT;
CREATE CAST (@extschema@.nationality AS pg_catalog.text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.text AS @extschema@.nationality) IS 'parse a code, as nationality input does';
COMMENT ON CAST (@extschema@.nationality AS pg_catalog.text) IS 'the alpha-3 code';

CREATE FUNCTION @extschema@.nationality_smaller(@extschema@.nationality, @extschema@.nationality)
RETURNS @extschema@.nationality AS 'int2smaller' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.nationality_larger(@extschema@.nationality, @extschema@.nationality)
RETURNS @extschema@.nationality AS 'int2larger' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nationality_smaller(@extschema@.nationality, @extschema@.nationality) IS 'the lesser of two values (alphabetical by alpha-3), for min()';
COMMENT ON FUNCTION @extschema@.nationality_larger(@extschema@.nationality, @extschema@.nationality) IS 'the greater of two values (alphabetical by alpha-3), for max()';
CREATE AGGREGATE @extschema@.min(@extschema@.nationality) (
	SFUNC = @extschema@.nationality_smaller, STYPE = @extschema@.nationality,
	COMBINEFUNC = @extschema@.nationality_smaller, SORTOP = OPERATOR(@extschema@.<), PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.max(@extschema@.nationality) (
	SFUNC = @extschema@.nationality_larger, STYPE = @extschema@.nationality,
	COMBINEFUNC = @extschema@.nationality_larger, SORTOP = OPERATOR(@extschema@.>), PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.min(@extschema@.nationality) IS 'the least nationality (alphabetical by alpha-3)';
COMMENT ON AGGREGATE @extschema@.max(@extschema@.nationality) IS 'the greatest nationality (alphabetical by alpha-3)';

-- functions on nationalities

CREATE FUNCTION @extschema@.alpha2(@extschema@.nationality)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'nationality_alpha2'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.alpha2(@extschema@.nationality) IS
'ISO 3166-1 alpha-2 code (former one for withdrawn codes, XK for Kosovo), NULL for ICAO codes';

CREATE FUNCTION @extschema@.iso_numeric(@extschema@.nationality)
RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'nationality_iso_numeric'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.iso_numeric(@extschema@.nationality) IS
'ISO 3166-1 numeric code, NULL where there is none (ICAO codes, Kosovo)';

CREATE FUNCTION @extschema@.country_name(@extschema@.nationality, lang pg_catalog.text DEFAULT 'en')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'nationality_country_name'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_name(@extschema@.nationality, pg_catalog.text) IS
'short name in en, es, fr or pt (iso-codes names and translations)';

CREATE FUNCTION @extschema@.m49_region(@extschema@.nationality)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'nationality_m49_region'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.m49_region(@extschema@.nationality) IS
'UN M49 region (Americas, Africa, ...), NULL where M49 has none';

CREATE FUNCTION @extschema@.m49_subregion(@extschema@.nationality)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'nationality_m49_subregion'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.m49_subregion(@extschema@.nationality) IS
'UN M49 intermediate region where there is one (Central America, Caribbean, South America), else sub-region (Northern America)';

CREATE FUNCTION @extschema@.is_rcm_member(@extschema@.nationality)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'nationality_is_rcm_member'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_rcm_member(@extschema@.nationality) IS
'member of the Regional Conference on Migration (BLZ CAN CRI DOM SLV GTM HND MEX NIC PAN USA)';

CREATE FUNCTION @extschema@.nationality_kind(@extschema@.nationality)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'nationality_kind'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nationality_kind(@extschema@.nationality) IS
'country, stateless, refugee, unspecified, organization or withdrawn';

CREATE FUNCTION @extschema@.parse_nationality(pg_catalog.text)
RETURNS @extschema@.nationality
AS 'MODULE_PATHNAME', 'parse_nationality'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.parse_nationality(pg_catalog.text) IS
'for cleaning data: a code, or an English or Spanish name in any case, with or without accents; NULL when not recognized';

--------------------------------------------------------------------------
-- place
--------------------------------------------------------------------------

CREATE TYPE @extschema@.place;

CREATE FUNCTION @extschema@.place_in(pg_catalog.cstring)
RETURNS @extschema@.place
AS 'MODULE_PATHNAME', 'place_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.place_out(@extschema@.place)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'place_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.place_recv(pg_catalog.internal)
RETURNS @extschema@.place
AS 'MODULE_PATHNAME', 'place_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.place_send(@extschema@.place)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'place_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.place (
	INPUT = @extschema@.place_in,
	OUTPUT = @extschema@.place_out,
	RECEIVE = @extschema@.place_recv,
	SEND = @extschema@.place_send,
	INTERNALLENGTH = 4,
	PASSEDBYVALUE,
	ALIGNMENT = int4,
	STORAGE = plain,
	CATEGORY = 'U'
);

COMMENT ON TYPE @extschema@.place IS
'a place: a country (MX), an ISO 3166-2 subdivision (MX-CHP) or a UN/LOCODE-style locality (MX TAP); 4 bytes';
COMMENT ON FUNCTION @extschema@.place_in(pg_catalog.cstring) IS
'place input: MX or MEX, MX-CHP, MX TAP or MXTAP, any case';
COMMENT ON FUNCTION @extschema@.place_out(@extschema@.place) IS
'place output: MX, MX-CHP or MX TAP';
COMMENT ON FUNCTION @extschema@.place_recv(pg_catalog.internal) IS
'place binary input: a big-endian int4, checked as text input is';
COMMENT ON FUNCTION @extschema@.place_send(@extschema@.place) IS
'place binary output: the packed code as a big-endian int4';

CREATE FUNCTION @extschema@.place_eq(@extschema@.place, @extschema@.place)
RETURNS pg_catalog.bool AS 'int4eq' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.place_ne(@extschema@.place, @extschema@.place)
RETURNS pg_catalog.bool AS 'int4ne' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.place_lt(@extschema@.place, @extschema@.place)
RETURNS pg_catalog.bool AS 'int4lt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.place_le(@extschema@.place, @extschema@.place)
RETURNS pg_catalog.bool AS 'int4le' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.place_gt(@extschema@.place, @extschema@.place)
RETURNS pg_catalog.bool AS 'int4gt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.place_ge(@extschema@.place, @extschema@.place)
RETURNS pg_catalog.bool AS 'int4ge' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.place_cmp(@extschema@.place, @extschema@.place)
RETURNS pg_catalog.int4 AS 'btint4cmp' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.place_sortsupport(pg_catalog.internal)
RETURNS pg_catalog.void AS 'btint4sortsupport' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.place_hash(@extschema@.place)
RETURNS pg_catalog.int4 AS 'hashint4' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.place_hash_extended(@extschema@.place, pg_catalog.int8)
RETURNS pg_catalog.int8 AS 'hashint4extended' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.place_eq(@extschema@.place, @extschema@.place) IS 'implementation of = for place';
COMMENT ON FUNCTION @extschema@.place_ne(@extschema@.place, @extschema@.place) IS 'implementation of <> for place';
COMMENT ON FUNCTION @extschema@.place_lt(@extschema@.place, @extschema@.place) IS 'implementation of < for place';
COMMENT ON FUNCTION @extschema@.place_le(@extschema@.place, @extschema@.place) IS 'implementation of <= for place';
COMMENT ON FUNCTION @extschema@.place_gt(@extschema@.place, @extschema@.place) IS 'implementation of > for place';
COMMENT ON FUNCTION @extschema@.place_ge(@extschema@.place, @extschema@.place) IS 'implementation of >= for place';
COMMENT ON FUNCTION @extschema@.place_cmp(@extschema@.place, @extschema@.place) IS 'btree comparison of places: by country, then country < subdivisions < localities, then code';
COMMENT ON FUNCTION @extschema@.place_sortsupport(pg_catalog.internal) IS 'btree sort support for place';
COMMENT ON FUNCTION @extschema@.place_hash(@extschema@.place) IS 'hash of a place (for hash joins and hash aggregation)';
COMMENT ON FUNCTION @extschema@.place_hash_extended(@extschema@.place, pg_catalog.int8) IS 'seeded 64-bit hash of a place (for hash partitioning)';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.place, RIGHTARG = @extschema@.place,
	FUNCTION = @extschema@.place_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.place, RIGHTARG = @extschema@.place,
	FUNCTION = @extschema@.place_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.place, RIGHTARG = @extschema@.place,
	FUNCTION = @extschema@.place_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.place, RIGHTARG = @extschema@.place,
	FUNCTION = @extschema@.place_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.place, RIGHTARG = @extschema@.place,
	FUNCTION = @extschema@.place_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.place, RIGHTARG = @extschema@.place,
	FUNCTION = @extschema@.place_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

COMMENT ON OPERATOR @extschema@.=(@extschema@.place, @extschema@.place) IS 'equal';
COMMENT ON OPERATOR @extschema@.<>(@extschema@.place, @extschema@.place) IS 'not equal';
COMMENT ON OPERATOR @extschema@.<(@extschema@.place, @extschema@.place) IS 'less than (by country, kind, code)';
COMMENT ON OPERATOR @extschema@.<=(@extschema@.place, @extschema@.place) IS 'less than or equal (by country, kind, code)';
COMMENT ON OPERATOR @extschema@.>(@extschema@.place, @extschema@.place) IS 'greater than (by country, kind, code)';
COMMENT ON OPERATOR @extschema@.>=(@extschema@.place, @extschema@.place) IS 'greater than or equal (by country, kind, code)';

CREATE OPERATOR CLASS @extschema@.place_ops
DEFAULT FOR TYPE @extschema@.place USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.place_cmp(@extschema@.place, @extschema@.place),
	FUNCTION 2 @extschema@.place_sortsupport(pg_catalog.internal),
	FUNCTION 4 pg_catalog.btequalimage(pg_catalog.oid);

CREATE OPERATOR CLASS @extschema@.place_hash_ops
DEFAULT FOR TYPE @extschema@.place USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.place_hash(@extschema@.place),
	FUNCTION 2 @extschema@.place_hash_extended(@extschema@.place, pg_catalog.int8);

COMMENT ON OPERATOR CLASS @extschema@.place_ops USING btree IS 'default btree operator class for place, with sort support and deduplication';
COMMENT ON OPERATOR CLASS @extschema@.place_hash_ops USING hash IS 'default hash operator class for place (hash joins, hash aggregation, hash partitioning)';

CREATE FUNCTION @extschema@.place_smaller(@extschema@.place, @extschema@.place)
RETURNS @extschema@.place AS 'int4smaller' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.place_larger(@extschema@.place, @extschema@.place)
RETURNS @extschema@.place AS 'int4larger' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.place_smaller(@extschema@.place, @extschema@.place) IS 'the lesser of two values (by country, kind, code), for min()';
COMMENT ON FUNCTION @extschema@.place_larger(@extschema@.place, @extschema@.place) IS 'the greater of two values (by country, kind, code), for max()';
CREATE AGGREGATE @extschema@.min(@extschema@.place) (
	SFUNC = @extschema@.place_smaller, STYPE = @extschema@.place,
	COMBINEFUNC = @extschema@.place_smaller, SORTOP = OPERATOR(@extschema@.<), PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.max(@extschema@.place) (
	SFUNC = @extschema@.place_larger, STYPE = @extschema@.place,
	COMBINEFUNC = @extschema@.place_larger, SORTOP = OPERATOR(@extschema@.>), PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.min(@extschema@.place) IS 'the least place (by country, kind, code)';
COMMENT ON AGGREGATE @extschema@.max(@extschema@.place) IS 'the greatest place (by country, kind, code)';

-- containment
CREATE FUNCTION @extschema@.place_contained(@extschema@.place, @extschema@.place)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'place_contained'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.place_contains(@extschema@.place, @extschema@.place)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'place_contains'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.place_contained(@extschema@.place, @extschema@.place) IS 'implementation of <@ for place';
COMMENT ON FUNCTION @extschema@.place_contains(@extschema@.place, @extschema@.place) IS 'implementation of @> for place';

CREATE OPERATOR @extschema@.<@ (
	LEFTARG = @extschema@.place, RIGHTARG = @extschema@.place,
	FUNCTION = @extschema@.place_contained,
	COMMUTATOR = OPERATOR(@extschema@.@>),
	RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel
);
CREATE OPERATOR @extschema@.@> (
	LEFTARG = @extschema@.place, RIGHTARG = @extschema@.place,
	FUNCTION = @extschema@.place_contains,
	COMMUTATOR = OPERATOR(@extschema@.<@),
	RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel
);
COMMENT ON OPERATOR @extschema@.<@(@extschema@.place, @extschema@.place) IS
'is within: the same place, a place in that country, or a subdivision in that ISO 3166-2 parent';
COMMENT ON OPERATOR @extschema@.@>(@extschema@.place, @extschema@.place) IS
'contains: the same place, or a country containing the place, or an ISO 3166-2 parent of the subdivision';

-- functions on places

CREATE FUNCTION @extschema@.country_of(@extschema@.place)
RETURNS @extschema@.nationality
AS 'MODULE_PATHNAME', 'place_country_of'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_of(@extschema@.place) IS
'the country a place is in, as a nationality';

CREATE FUNCTION @extschema@.place_kind(@extschema@.place)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'place_kind'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.place_kind(@extschema@.place) IS
'country, subdivision or locality';

CREATE FUNCTION @extschema@.place_name(@extschema@.place, lang pg_catalog.text DEFAULT 'en')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'place_name'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.place_name(@extschema@.place, pg_catalog.text) IS
'name of a country or subdivision in en, es, fr or pt (subdivisions keep their local name where iso-codes has no translation); NULL for localities';

CREATE FUNCTION @extschema@.place(@extschema@.nationality)
RETURNS @extschema@.place
AS 'MODULE_PATHNAME', 'nationality_to_place'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.place(@extschema@.nationality) IS
'the country of a nationality as a place; an error for codes that are not countries';

CREATE CAST (@extschema@.nationality AS @extschema@.place)
	WITH FUNCTION @extschema@.place(@extschema@.nationality) AS ASSIGNMENT;
COMMENT ON CAST (@extschema@.nationality AS @extschema@.place) IS
'a country code as a place (MEX to MX)';

CREATE CAST (pg_catalog.text AS @extschema@.place) WITH INOUT AS ASSIGNMENT;
CREATE CAST (@extschema@.place AS pg_catalog.text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.text AS @extschema@.place) IS 'parse a place, as place input does';
COMMENT ON CAST (@extschema@.place AS pg_catalog.text) IS 'the place code';

CREATE FUNCTION @extschema@.subdivisions(
	OUT place @extschema@.place,
	OUT name pg_catalog.text,
	OUT parent @extschema@.place)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'place_subdivisions'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 5200;
COMMENT ON FUNCTION @extschema@.subdivisions() IS
'every ISO 3166-2 subdivision with its name and ISO 3166-2 parent';

CREATE FUNCTION @extschema@.subdivisions(within @extschema@.place,
	OUT place @extschema@.place,
	OUT name pg_catalog.text,
	OUT parent @extschema@.place)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'place_subdivisions'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 30;
COMMENT ON FUNCTION @extschema@.subdivisions(@extschema@.place) IS
'the ISO 3166-2 subdivisions within a place (a country''s, or a subdivision and its children)';

CREATE FUNCTION @extschema@.nationalities(
	OUT nationality @extschema@.nationality,
	OUT alpha2 pg_catalog.text,
	OUT iso_numeric pg_catalog.int4,
	OUT name pg_catalog.text,
	OUT name_es pg_catalog.text,
	OUT name_fr pg_catalog.text,
	OUT name_pt pg_catalog.text,
	OUT kind pg_catalog.text,
	OUT m49_region pg_catalog.text,
	OUT m49_subregion pg_catalog.text,
	OUT rcm_member pg_catalog.bool,
	OUT place @extschema@.place)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'nationalities'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 300;
COMMENT ON FUNCTION @extschema@.nationalities() IS
'the whole nationality table, one row per code, with names, kind, M49 areas, RCM membership and place';

--------------------------------------------------------------------------
-- protection_status
--------------------------------------------------------------------------

CREATE TYPE @extschema@.protection_status;

CREATE FUNCTION @extschema@.protection_status_in(pg_catalog.cstring)
RETURNS @extschema@.protection_status
AS 'MODULE_PATHNAME', 'protection_status_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.protection_status_out(@extschema@.protection_status)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'protection_status_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.protection_status_recv(pg_catalog.internal)
RETURNS @extschema@.protection_status
AS 'MODULE_PATHNAME', 'protection_status_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.protection_status_send(@extschema@.protection_status)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'protection_status_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.protection_status (
	INPUT = @extschema@.protection_status_in,
	OUTPUT = @extschema@.protection_status_out,
	RECEIVE = @extschema@.protection_status_recv,
	SEND = @extschema@.protection_status_send,
	INTERNALLENGTH = 1,
	PASSEDBYVALUE,
	ALIGNMENT = char,
	STORAGE = plain,
	CATEGORY = 'U'
);

COMMENT ON TYPE @extschema@.protection_status IS
'a state of the international-protection procedure (encountered ... expelled), 1 byte, ordered as the pipeline';
COMMENT ON FUNCTION @extschema@.protection_status_in(pg_catalog.cstring) IS
'protection_status input: a state name, any case';
COMMENT ON FUNCTION @extschema@.protection_status_out(@extschema@.protection_status) IS
'protection_status output: the state name in lower case';
COMMENT ON FUNCTION @extschema@.protection_status_recv(pg_catalog.internal) IS
'protection_status binary input: one byte, the position in the pipeline (1 to 19)';
COMMENT ON FUNCTION @extschema@.protection_status_send(@extschema@.protection_status) IS
'protection_status binary output: one byte, the position in the pipeline (1 to 19)';

-- comparison: core's "char" functions, which compare as unsigned bytes
CREATE FUNCTION @extschema@.protection_status_eq(@extschema@.protection_status, @extschema@.protection_status)
RETURNS pg_catalog.bool AS 'chareq' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.protection_status_ne(@extschema@.protection_status, @extschema@.protection_status)
RETURNS pg_catalog.bool AS 'charne' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.protection_status_lt(@extschema@.protection_status, @extschema@.protection_status)
RETURNS pg_catalog.bool AS 'charlt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.protection_status_le(@extschema@.protection_status, @extschema@.protection_status)
RETURNS pg_catalog.bool AS 'charle' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.protection_status_gt(@extschema@.protection_status, @extschema@.protection_status)
RETURNS pg_catalog.bool AS 'chargt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.protection_status_ge(@extschema@.protection_status, @extschema@.protection_status)
RETURNS pg_catalog.bool AS 'charge' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.protection_status_cmp(@extschema@.protection_status, @extschema@.protection_status)
RETURNS pg_catalog.int4 AS 'btcharcmp' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.protection_status_sortsupport(pg_catalog.internal)
RETURNS pg_catalog.void AS 'MODULE_PATHNAME', 'protection_status_sortsupport' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.protection_status_hash(@extschema@.protection_status)
RETURNS pg_catalog.int4 AS 'hashchar' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.protection_status_hash_extended(@extschema@.protection_status, pg_catalog.int8)
RETURNS pg_catalog.int8 AS 'hashcharextended' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.protection_status_eq(@extschema@.protection_status, @extschema@.protection_status) IS 'implementation of = for protection_status';
COMMENT ON FUNCTION @extschema@.protection_status_ne(@extschema@.protection_status, @extschema@.protection_status) IS 'implementation of <> for protection_status';
COMMENT ON FUNCTION @extschema@.protection_status_lt(@extschema@.protection_status, @extschema@.protection_status) IS 'implementation of < for protection_status';
COMMENT ON FUNCTION @extschema@.protection_status_le(@extschema@.protection_status, @extschema@.protection_status) IS 'implementation of <= for protection_status';
COMMENT ON FUNCTION @extschema@.protection_status_gt(@extschema@.protection_status, @extschema@.protection_status) IS 'implementation of > for protection_status';
COMMENT ON FUNCTION @extschema@.protection_status_ge(@extschema@.protection_status, @extschema@.protection_status) IS 'implementation of >= for protection_status';
COMMENT ON FUNCTION @extschema@.protection_status_cmp(@extschema@.protection_status, @extschema@.protection_status) IS 'btree comparison of protection statuses, in pipeline order';
COMMENT ON FUNCTION @extschema@.protection_status_sortsupport(pg_catalog.internal) IS 'btree sort support for protection_status';
COMMENT ON FUNCTION @extschema@.protection_status_hash(@extschema@.protection_status) IS 'hash of a protection_status (for hash joins and hash aggregation)';
COMMENT ON FUNCTION @extschema@.protection_status_hash_extended(@extschema@.protection_status, pg_catalog.int8) IS 'seeded 64-bit hash of a protection_status (for hash partitioning)';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.protection_status, RIGHTARG = @extschema@.protection_status,
	FUNCTION = @extschema@.protection_status_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.protection_status, RIGHTARG = @extschema@.protection_status,
	FUNCTION = @extschema@.protection_status_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.protection_status, RIGHTARG = @extschema@.protection_status,
	FUNCTION = @extschema@.protection_status_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.protection_status, RIGHTARG = @extschema@.protection_status,
	FUNCTION = @extschema@.protection_status_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.protection_status, RIGHTARG = @extschema@.protection_status,
	FUNCTION = @extschema@.protection_status_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.protection_status, RIGHTARG = @extschema@.protection_status,
	FUNCTION = @extschema@.protection_status_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

COMMENT ON OPERATOR @extschema@.=(@extschema@.protection_status, @extschema@.protection_status) IS 'equal';
COMMENT ON OPERATOR @extschema@.<>(@extschema@.protection_status, @extschema@.protection_status) IS 'not equal';
COMMENT ON OPERATOR @extschema@.<(@extschema@.protection_status, @extschema@.protection_status) IS 'earlier in the pipeline order';
COMMENT ON OPERATOR @extschema@.<=(@extschema@.protection_status, @extschema@.protection_status) IS 'earlier in the pipeline order, or equal';
COMMENT ON OPERATOR @extschema@.>(@extschema@.protection_status, @extschema@.protection_status) IS 'later in the pipeline order';
COMMENT ON OPERATOR @extschema@.>=(@extschema@.protection_status, @extschema@.protection_status) IS 'later in the pipeline order, or equal';

CREATE OPERATOR CLASS @extschema@.protection_status_ops
DEFAULT FOR TYPE @extschema@.protection_status USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.protection_status_cmp(@extschema@.protection_status, @extschema@.protection_status),
	FUNCTION 2 @extschema@.protection_status_sortsupport(pg_catalog.internal),
	FUNCTION 4 pg_catalog.btequalimage(pg_catalog.oid);

CREATE OPERATOR CLASS @extschema@.protection_status_hash_ops
DEFAULT FOR TYPE @extschema@.protection_status USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.protection_status_hash(@extschema@.protection_status),
	FUNCTION 2 @extschema@.protection_status_hash_extended(@extschema@.protection_status, pg_catalog.int8);

COMMENT ON OPERATOR CLASS @extschema@.protection_status_ops USING btree IS 'default btree operator class for protection_status, in pipeline order';
COMMENT ON OPERATOR CLASS @extschema@.protection_status_hash_ops USING hash IS 'default hash operator class for protection_status';

CREATE FUNCTION @extschema@.protection_status_smaller(@extschema@.protection_status, @extschema@.protection_status)
RETURNS @extschema@.protection_status AS 'MODULE_PATHNAME', 'protection_status_smaller' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.protection_status_larger(@extschema@.protection_status, @extschema@.protection_status)
RETURNS @extschema@.protection_status AS 'MODULE_PATHNAME', 'protection_status_larger' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.protection_status_smaller(@extschema@.protection_status, @extschema@.protection_status) IS 'the lesser of two values (in pipeline order), for min()';
COMMENT ON FUNCTION @extschema@.protection_status_larger(@extschema@.protection_status, @extschema@.protection_status) IS 'the greater of two values (in pipeline order), for max()';
CREATE AGGREGATE @extschema@.min(@extschema@.protection_status) (
	SFUNC = @extschema@.protection_status_smaller, STYPE = @extschema@.protection_status,
	COMBINEFUNC = @extschema@.protection_status_smaller, SORTOP = OPERATOR(@extschema@.<), PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.max(@extschema@.protection_status) (
	SFUNC = @extschema@.protection_status_larger, STYPE = @extschema@.protection_status,
	COMBINEFUNC = @extschema@.protection_status_larger, SORTOP = OPERATOR(@extschema@.>), PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.min(@extschema@.protection_status) IS 'the least protection_status (in pipeline order)';
COMMENT ON AGGREGATE @extschema@.max(@extschema@.protection_status) IS 'the greatest protection_status (in pipeline order)';

CREATE CAST (pg_catalog.text AS @extschema@.protection_status) WITH INOUT AS ASSIGNMENT;
CREATE CAST (@extschema@.protection_status AS pg_catalog.text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.text AS @extschema@.protection_status) IS 'parse a state name';
COMMENT ON CAST (@extschema@.protection_status AS pg_catalog.text) IS 'the state name';

CREATE FUNCTION @extschema@.can_transition("from" @extschema@.protection_status, "to" @extschema@.protection_status)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'protection_status_can_transition'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.can_transition(@extschema@.protection_status, @extschema@.protection_status) IS
'whether the procedure allows a case to go from one state to the other';

CREATE FUNCTION @extschema@.next_statuses(@extschema@.protection_status)
RETURNS SETOF @extschema@.protection_status
AS 'MODULE_PATHNAME', 'protection_status_next'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 7;
COMMENT ON FUNCTION @extschema@.next_statuses(@extschema@.protection_status) IS
'the states that may follow a state, in pipeline order';

CREATE FUNCTION @extschema@.is_terminal(@extschema@.protection_status)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'protection_status_is_terminal'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_terminal(@extschema@.protection_status) IS
'whether a state ends the case (regularized, resettled, voluntary_return, deported, expelled)';

CREATE FUNCTION @extschema@.is_decision(@extschema@.protection_status)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'protection_status_is_decision'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_decision(@extschema@.protection_status) IS
'whether a state is a substantive decision: recognized (either definition), complementary protection, rejected or rejected_final';

CREATE FUNCTION @extschema@.decision_outcome(@extschema@.protection_status)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'protection_status_decision_outcome'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.decision_outcome(@extschema@.protection_status) IS
'UNHCR outcome of a decision: recognized, complementary, rejected or otherwise_closed (inadmissible, withdrawn, abandoned); NULL for other states';

CREATE FUNCTION @extschema@.status_label(@extschema@.protection_status, lang pg_catalog.text DEFAULT 'en')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'protection_status_label'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.status_label(@extschema@.protection_status, pg_catalog.text) IS
'a state''s label in English (en) or Spanish (es)';

CREATE FUNCTION @extschema@.protection_statuses(
	OUT status @extschema@.protection_status,
	OUT "position" pg_catalog.int4,
	OUT label pg_catalog.text,
	OUT label_es pg_catalog.text,
	OUT terminal pg_catalog.bool,
	OUT decision pg_catalog.bool,
	OUT outcome pg_catalog.text,
	OUT next_count pg_catalog.int4)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'protection_statuses'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 19;
COMMENT ON FUNCTION @extschema@.protection_statuses() IS
'the states of the procedure, one row each, in pipeline order';

CREATE FUNCTION @extschema@.protection_transitions(
	OUT from_status @extschema@.protection_status,
	OUT to_status @extschema@.protection_status)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'protection_transitions'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 70;
COMMENT ON FUNCTION @extschema@.protection_transitions() IS
'the allowed steps of the procedure, one row each (for documentation and Sankey charts)';

--------------------------------------------------------------------------
-- decision_tally and the rate aggregates
--------------------------------------------------------------------------

CREATE TYPE @extschema@.decision_tally;

CREATE FUNCTION @extschema@.decision_tally_in(pg_catalog.cstring)
RETURNS @extschema@.decision_tally
AS 'MODULE_PATHNAME', 'decision_tally_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.decision_tally_out(@extschema@.decision_tally)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'decision_tally_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.decision_tally_recv(pg_catalog.internal)
RETURNS @extschema@.decision_tally
AS 'MODULE_PATHNAME', 'decision_tally_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.decision_tally_send(@extschema@.decision_tally)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'decision_tally_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.decision_tally (
	INPUT = @extschema@.decision_tally_in,
	OUTPUT = @extschema@.decision_tally_out,
	RECEIVE = @extschema@.decision_tally_recv,
	SEND = @extschema@.decision_tally_send,
	INTERNALLENGTH = 32,
	ALIGNMENT = double,
	STORAGE = plain
);

COMMENT ON TYPE @extschema@.decision_tally IS
'counts of decisions by UNHCR outcome (recognized, complementary, rejected, otherwise closed): the mergeable state of the rate aggregates';
COMMENT ON FUNCTION @extschema@.decision_tally_in(pg_catalog.cstring) IS
'decision_tally input: (recognized=N,complementary=N,rejected=N,otherwise_closed=N)';
COMMENT ON FUNCTION @extschema@.decision_tally_out(@extschema@.decision_tally) IS
'decision_tally output: (recognized=N,complementary=N,rejected=N,otherwise_closed=N)';
COMMENT ON FUNCTION @extschema@.decision_tally_recv(pg_catalog.internal) IS
'decision_tally binary input: four big-endian int8 counts, non-negative';
COMMENT ON FUNCTION @extschema@.decision_tally_send(@extschema@.decision_tally) IS
'decision_tally binary output: four big-endian int8 counts';

CREATE TYPE @extschema@.decision_counts AS (
	recognized pg_catalog.int8,
	complementary pg_catalog.int8,
	rejected pg_catalog.int8,
	otherwise_closed pg_catalog.int8
);
COMMENT ON TYPE @extschema@.decision_counts IS
'decisions by UNHCR outcome, as a row: recognized, complementary, rejected, otherwise_closed';

CREATE FUNCTION @extschema@.decision_tally_add(@extschema@.decision_tally, @extschema@.protection_status)
RETURNS @extschema@.decision_tally
AS 'MODULE_PATHNAME', 'decision_tally_add'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.decision_tally_add(@extschema@.decision_tally, @extschema@.protection_status) IS
'a tally with one more status counted (other statuses than decisions leave it unchanged)';

CREATE FUNCTION @extschema@.decision_tally_remove(@extschema@.decision_tally, @extschema@.protection_status)
RETURNS @extschema@.decision_tally
AS 'MODULE_PATHNAME', 'decision_tally_remove'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.decision_tally_remove(@extschema@.decision_tally, @extschema@.protection_status) IS
'a tally with one status uncounted (the inverse transition of the rate aggregates, for window frames)';

CREATE FUNCTION @extschema@.decision_tally_merge(@extschema@.decision_tally, @extschema@.decision_tally)
RETURNS @extschema@.decision_tally
AS 'MODULE_PATHNAME', 'decision_tally_merge'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.decision_tally_merge(@extschema@.decision_tally, @extschema@.decision_tally) IS
'the sum of two tallies (NULL counts as empty)';

CREATE FUNCTION @extschema@.recognition_rate(@extschema@.decision_tally)
RETURNS pg_catalog.float8
AS 'MODULE_PATHNAME', 'decision_tally_recognition_rate'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recognition_rate(@extschema@.decision_tally) IS
'UNHCR refugee recognition rate of a tally: recognized / (recognized + complementary + rejected); NULL without substantive decisions';

CREATE FUNCTION @extschema@.total_recognition_rate(@extschema@.decision_tally)
RETURNS pg_catalog.float8
AS 'MODULE_PATHNAME', 'decision_tally_total_recognition_rate'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.total_recognition_rate(@extschema@.decision_tally) IS
'UNHCR total recognition rate of a tally: (recognized + complementary) / (recognized + complementary + rejected); NULL without substantive decisions';

CREATE FUNCTION @extschema@.decision_counts(@extschema@.decision_tally)
RETURNS @extschema@.decision_counts
AS 'MODULE_PATHNAME', 'decision_tally_counts'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.decision_counts(@extschema@.decision_tally) IS
'the counts of a tally as a row';

CREATE AGGREGATE @extschema@.recognition_rate(@extschema@.protection_status) (
	SFUNC = @extschema@.decision_tally_add,
	STYPE = @extschema@.decision_tally,
	INITCOND = '(recognized=0,complementary=0,rejected=0,otherwise_closed=0)',
	FINALFUNC = @extschema@.recognition_rate,
	COMBINEFUNC = @extschema@.decision_tally_merge,
	MSFUNC = @extschema@.decision_tally_add,
	MINVFUNC = @extschema@.decision_tally_remove,
	MSTYPE = @extschema@.decision_tally,
	MINITCOND = '(recognized=0,complementary=0,rejected=0,otherwise_closed=0)',
	MFINALFUNC = @extschema@.recognition_rate,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recognition_rate(@extschema@.protection_status) IS
'UNHCR refugee recognition rate: recognized / (recognized + complementary + rejected), other statuses ignored; NULL without substantive decisions';

CREATE AGGREGATE @extschema@.total_recognition_rate(@extschema@.protection_status) (
	SFUNC = @extschema@.decision_tally_add,
	STYPE = @extschema@.decision_tally,
	INITCOND = '(recognized=0,complementary=0,rejected=0,otherwise_closed=0)',
	FINALFUNC = @extschema@.total_recognition_rate,
	COMBINEFUNC = @extschema@.decision_tally_merge,
	MSFUNC = @extschema@.decision_tally_add,
	MINVFUNC = @extschema@.decision_tally_remove,
	MSTYPE = @extschema@.decision_tally,
	MINITCOND = '(recognized=0,complementary=0,rejected=0,otherwise_closed=0)',
	MFINALFUNC = @extschema@.total_recognition_rate,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.total_recognition_rate(@extschema@.protection_status) IS
'UNHCR total recognition rate: (recognized + complementary) / (recognized + complementary + rejected); NULL without substantive decisions';

CREATE AGGREGATE @extschema@.decision_counts(@extschema@.protection_status) (
	SFUNC = @extschema@.decision_tally_add,
	STYPE = @extschema@.decision_tally,
	INITCOND = '(recognized=0,complementary=0,rejected=0,otherwise_closed=0)',
	FINALFUNC = @extschema@.decision_counts,
	COMBINEFUNC = @extschema@.decision_tally_merge,
	MSFUNC = @extschema@.decision_tally_add,
	MINVFUNC = @extschema@.decision_tally_remove,
	MSTYPE = @extschema@.decision_tally,
	MINITCOND = '(recognized=0,complementary=0,rejected=0,otherwise_closed=0)',
	MFINALFUNC = @extschema@.decision_counts,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.decision_counts(@extschema@.protection_status) IS
'decisions by UNHCR outcome: recognized, complementary, rejected, otherwise_closed';

CREATE AGGREGATE @extschema@.decision_tally(@extschema@.protection_status) (
	SFUNC = @extschema@.decision_tally_add,
	STYPE = @extschema@.decision_tally,
	INITCOND = '(recognized=0,complementary=0,rejected=0,otherwise_closed=0)',
	COMBINEFUNC = @extschema@.decision_tally_merge,
	MSFUNC = @extschema@.decision_tally_add,
	MINVFUNC = @extschema@.decision_tally_remove,
	MSTYPE = @extschema@.decision_tally,
	MINITCOND = '(recognized=0,complementary=0,rejected=0,otherwise_closed=0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.decision_tally(@extschema@.protection_status) IS
'the tally of decisions, to store or to send to a coordinator that merges tallies';

CREATE AGGREGATE @extschema@.decision_tally(@extschema@.decision_tally) (
	SFUNC = @extschema@.decision_tally_merge,
	STYPE = @extschema@.decision_tally,
	INITCOND = '(recognized=0,complementary=0,rejected=0,otherwise_closed=0)',
	COMBINEFUNC = @extschema@.decision_tally_merge,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.decision_tally(@extschema@.decision_tally) IS
'the sum of tallies (per shard, per month, ...); finish it with recognition_rate() or decision_counts()';

--------------------------------------------------------------------------
-- protection_history
--------------------------------------------------------------------------

CREATE TYPE @extschema@.protection_history;

CREATE FUNCTION @extschema@.protection_history_in(pg_catalog.cstring)
RETURNS @extschema@.protection_history
AS 'MODULE_PATHNAME', 'protection_history_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.protection_history_out(@extschema@.protection_history)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'protection_history_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.protection_history_recv(pg_catalog.internal)
RETURNS @extschema@.protection_history
AS 'MODULE_PATHNAME', 'protection_history_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.protection_history_send(@extschema@.protection_history)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'protection_history_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.protection_history (
	INPUT = @extschema@.protection_history_in,
	OUTPUT = @extschema@.protection_history_out,
	RECEIVE = @extschema@.protection_history_recv,
	SEND = @extschema@.protection_history_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);

COMMENT ON TYPE @extschema@.protection_history IS
'a case''s timeline: its statuses with the times they were reached, in time order';
COMMENT ON FUNCTION @extschema@.protection_history_in(pg_catalog.cstring) IS
'protection_history input: {status@timestamp, ...} in time order';
COMMENT ON FUNCTION @extschema@.protection_history_out(@extschema@.protection_history) IS
'protection_history output: {status@timestamp, ...} with timestamps in UTC (ISO 8601), whatever the TimeZone';
COMMENT ON FUNCTION @extschema@.protection_history_recv(pg_catalog.internal) IS
'protection_history binary input: version byte, int4 count, then int8 timestamp and status byte per event; checked';
COMMENT ON FUNCTION @extschema@.protection_history_send(@extschema@.protection_history) IS
'protection_history binary output: version byte, int4 count, then int8 timestamp and status byte per event';


CREATE FUNCTION @extschema@.protection_history_eq(@extschema@.protection_history, @extschema@.protection_history)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'mr_varlena_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.protection_history_ne(@extschema@.protection_history, @extschema@.protection_history)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'mr_varlena_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.protection_history_hash(@extschema@.protection_history)
RETURNS pg_catalog.int4 AS 'MODULE_PATHNAME', 'mr_varlena_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.protection_history_hash_extended(@extschema@.protection_history, pg_catalog.int8)
RETURNS pg_catalog.int8 AS 'MODULE_PATHNAME', 'mr_varlena_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.protection_history_eq(@extschema@.protection_history, @extschema@.protection_history) IS 'implementation of = for protection_history';
COMMENT ON FUNCTION @extschema@.protection_history_ne(@extschema@.protection_history, @extschema@.protection_history) IS 'implementation of <> for protection_history';
COMMENT ON FUNCTION @extschema@.protection_history_hash(@extschema@.protection_history) IS 'hash of a protection_history (for hash joins, DISTINCT and GROUP BY)';
COMMENT ON FUNCTION @extschema@.protection_history_hash_extended(@extschema@.protection_history, pg_catalog.int8) IS 'seeded 64-bit hash of a protection_history';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.protection_history, RIGHTARG = @extschema@.protection_history,
	FUNCTION = @extschema@.protection_history_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.protection_history, RIGHTARG = @extschema@.protection_history,
	FUNCTION = @extschema@.protection_history_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR @extschema@.=(@extschema@.protection_history, @extschema@.protection_history) IS 'equal: the same events at the same times';
COMMENT ON OPERATOR @extschema@.<>(@extschema@.protection_history, @extschema@.protection_history) IS 'not equal';

CREATE OPERATOR CLASS @extschema@.protection_history_hash_ops
DEFAULT FOR TYPE @extschema@.protection_history USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.protection_history_hash(@extschema@.protection_history),
	FUNCTION 2 @extschema@.protection_history_hash_extended(@extschema@.protection_history, pg_catalog.int8);
COMMENT ON OPERATOR CLASS @extschema@.protection_history_hash_ops USING hash IS 'default hash operator class for protection_history';

CREATE FUNCTION @extschema@.protection_history_transfn(pg_catalog.internal, @extschema@.protection_status, pg_catalog.timestamptz)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME', 'protection_history_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.protection_history_transfn(pg_catalog.internal, @extschema@.protection_status, pg_catalog.timestamptz) IS
'transition function of protection_history(status, at)';

CREATE FUNCTION @extschema@.protection_history_merge_transfn(pg_catalog.internal, @extschema@.protection_history)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME', 'protection_history_merge_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.protection_history_merge_transfn(pg_catalog.internal, @extschema@.protection_history) IS
'transition function of protection_history(protection_history)';

CREATE FUNCTION @extschema@.protection_history_combine(pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME', 'protection_history_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.protection_history_combine(pg_catalog.internal, pg_catalog.internal) IS
'combine function of the protection_history aggregates';

CREATE FUNCTION @extschema@.protection_history_serialize(pg_catalog.internal)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'protection_history_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.protection_history_serialize(pg_catalog.internal) IS
'serialization function of the protection_history aggregates';

CREATE FUNCTION @extschema@.protection_history_deserialize(pg_catalog.bytea, pg_catalog.internal)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME', 'protection_history_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.protection_history_deserialize(pg_catalog.bytea, pg_catalog.internal) IS
'deserialization function of the protection_history aggregates';

CREATE FUNCTION @extschema@.protection_history_finalfn(pg_catalog.internal)
RETURNS @extschema@.protection_history
AS 'MODULE_PATHNAME', 'protection_history_finalfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.protection_history_finalfn(pg_catalog.internal) IS
'final function of the protection_history aggregates: events sorted by time, ties in input order';

CREATE AGGREGATE @extschema@.protection_history(status @extschema@.protection_status, at pg_catalog.timestamptz) (
	SFUNC = @extschema@.protection_history_transfn,
	STYPE = pg_catalog.internal,
	SSPACE = 80,
	FINALFUNC = @extschema@.protection_history_finalfn,
	COMBINEFUNC = @extschema@.protection_history_combine,
	SERIALFUNC = @extschema@.protection_history_serialize,
	DESERIALFUNC = @extschema@.protection_history_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.protection_history(@extschema@.protection_status, pg_catalog.timestamptz) IS
'a case''s timeline from its events in any order: sorted by time, ties in input order; rows with a NULL status or time are skipped';

CREATE AGGREGATE @extschema@.protection_history(@extschema@.protection_history) (
	SFUNC = @extschema@.protection_history_merge_transfn,
	STYPE = pg_catalog.internal,
	SSPACE = 80,
	FINALFUNC = @extschema@.protection_history_finalfn,
	COMBINEFUNC = @extschema@.protection_history_combine,
	SERIALFUNC = @extschema@.protection_history_serialize,
	DESERIALFUNC = @extschema@.protection_history_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.protection_history(@extschema@.protection_history) IS
'merges the timelines of one case kept apart (per agency or shard) into one';

CREATE FUNCTION @extschema@.length(@extschema@.protection_history)
RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'protection_history_length'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.length(@extschema@.protection_history) IS 'the number of events';

CREATE FUNCTION @extschema@.current_status(@extschema@.protection_history)
RETURNS @extschema@.protection_status
AS 'MODULE_PATHNAME', 'protection_history_current_status'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.current_status(@extschema@.protection_history) IS
'the status of the last event';

CREATE FUNCTION @extschema@.status_at(@extschema@.protection_history, pg_catalog.timestamptz)
RETURNS @extschema@.protection_status
AS 'MODULE_PATHNAME', 'protection_history_status_at'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.status_at(@extschema@.protection_history, pg_catalog.timestamptz) IS
'the status in force at an instant (that of the last event at or before it); NULL before the first event';

CREATE FUNCTION @extschema@.first_reached(@extschema@.protection_history, @extschema@.protection_status)
RETURNS pg_catalog.timestamptz
AS 'MODULE_PATHNAME', 'protection_history_first_reached'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.first_reached(@extschema@.protection_history, @extschema@.protection_status) IS
'when a status was first reached; NULL if never';

CREATE FUNCTION @extschema@.first_decision(@extschema@.protection_history)
RETURNS @extschema@.protection_status
AS 'MODULE_PATHNAME', 'protection_history_first_decision'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.first_decision(@extschema@.protection_history) IS
'the first substantive decision (recognized, complementary protection or rejected); NULL if none';

CREATE FUNCTION @extschema@.final_decision(@extschema@.protection_history)
RETURNS @extschema@.protection_status
AS 'MODULE_PATHNAME', 'protection_history_final_decision'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.final_decision(@extschema@.protection_history) IS
'the last substantive decision (after appeals); NULL if none';

CREATE FUNCTION @extschema@.decision_days(@extschema@.protection_history)
RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'protection_history_decision_days'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.decision_days(@extschema@.protection_history) IS
'calendar days (UTC) from the first claim_lodged to the first substantive decision after it; NULL if either is missing';

CREATE FUNCTION @extschema@.days_between(@extschema@.protection_history, "from" @extschema@.protection_status, "to" @extschema@.protection_status)
RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'protection_history_days_between'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.days_between(@extschema@.protection_history, @extschema@.protection_status, @extschema@.protection_status) IS
'calendar days (UTC) from first reaching one status to first reaching the other at or after it; NULL if not both';

CREATE FUNCTION @extschema@.is_valid(@extschema@.protection_history)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'protection_history_is_valid'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_valid(@extschema@.protection_history) IS
'whether every step of the timeline is allowed by the procedure''s transition table';

CREATE FUNCTION @extschema@.invalid_steps(@extschema@.protection_history,
	OUT from_status @extschema@.protection_status,
	OUT to_status @extschema@.protection_status,
	OUT at pg_catalog.timestamptz)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'protection_history_invalid_steps'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1;
COMMENT ON FUNCTION @extschema@.invalid_steps(@extschema@.protection_history) IS
'the steps of the timeline that the transition table does not allow, with the time of each';

CREATE FUNCTION @extschema@.events(@extschema@.protection_history,
	OUT status @extschema@.protection_status,
	OUT at pg_catalog.timestamptz)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'protection_history_events'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 5;
COMMENT ON FUNCTION @extschema@.events(@extschema@.protection_history) IS
'the events of the timeline as rows, in time order';

--------------------------------------------------------------------------
-- route_segment
--------------------------------------------------------------------------

CREATE TYPE @extschema@.route_segment;

CREATE FUNCTION @extschema@.route_segment_in(pg_catalog.cstring)
RETURNS @extschema@.route_segment
AS 'MODULE_PATHNAME', 'route_segment_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.route_segment_out(@extschema@.route_segment)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'route_segment_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.route_segment_recv(pg_catalog.internal)
RETURNS @extschema@.route_segment
AS 'MODULE_PATHNAME', 'route_segment_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.route_segment_send(@extschema@.route_segment)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'route_segment_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.route_segment (
	INPUT = @extschema@.route_segment_in,
	OUTPUT = @extschema@.route_segment_out,
	RECEIVE = @extschema@.route_segment_recv,
	SEND = @extschema@.route_segment_send,
	INTERNALLENGTH = 16,
	ALIGNMENT = int4,
	STORAGE = plain
);

COMMENT ON TYPE @extschema@.route_segment IS
'a leg of a journey: from one place to another, with departure and arrival dates when known; 16 bytes';
COMMENT ON FUNCTION @extschema@.route_segment_in(pg_catalog.cstring) IS
'route_segment input: CO NCI -> PA-5 [2021-08-01,2021-08-09], dates optional';
COMMENT ON FUNCTION @extschema@.route_segment_out(@extschema@.route_segment) IS
'route_segment output: CO NCI -> PA-5 [2021-08-01,2021-08-09]';
COMMENT ON FUNCTION @extschema@.route_segment_recv(pg_catalog.internal) IS
'route_segment binary input: origin and destination places, departure and arrival dates (int4 each; infinity for unknown); checked';
COMMENT ON FUNCTION @extschema@.route_segment_send(@extschema@.route_segment) IS
'route_segment binary output: origin and destination places, departure and arrival dates (int4 each; infinity for unknown)';

CREATE FUNCTION @extschema@.route_segment("from" @extschema@.place, "to" @extschema@.place,
	departed pg_catalog.date DEFAULT NULL, arrived pg_catalog.date DEFAULT NULL)
RETURNS @extschema@.route_segment
AS 'MODULE_PATHNAME', 'route_segment_make'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.route_segment(@extschema@.place, @extschema@.place, pg_catalog.date, pg_catalog.date) IS
'a leg from one place to another, dates NULL when unknown; NULL if a place is NULL';

CREATE FUNCTION @extschema@.origin(@extschema@.route_segment)
RETURNS @extschema@.place AS 'MODULE_PATHNAME', 'route_segment_origin'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.origin(@extschema@.route_segment) IS 'where the leg starts';

CREATE FUNCTION @extschema@.destination(@extschema@.route_segment)
RETURNS @extschema@.place AS 'MODULE_PATHNAME', 'route_segment_destination'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.destination(@extschema@.route_segment) IS 'where the leg ends';

CREATE FUNCTION @extschema@.departed(@extschema@.route_segment)
RETURNS pg_catalog.date AS 'MODULE_PATHNAME', 'route_segment_departed'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.departed(@extschema@.route_segment) IS 'the departure date; NULL when unknown';

CREATE FUNCTION @extschema@.arrived(@extschema@.route_segment)
RETURNS pg_catalog.date AS 'MODULE_PATHNAME', 'route_segment_arrived'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.arrived(@extschema@.route_segment) IS 'the arrival date; NULL when unknown';

CREATE FUNCTION @extschema@.transit_days(@extschema@.route_segment)
RETURNS pg_catalog.int4 AS 'MODULE_PATHNAME', 'route_segment_transit_days'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.transit_days(@extschema@.route_segment) IS 'days from departure to arrival; NULL when a date is unknown';

CREATE FUNCTION @extschema@.crosses_border(@extschema@.route_segment)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'route_segment_crosses_border'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.crosses_border(@extschema@.route_segment) IS 'whether the leg ends in another country than it starts';

CREATE FUNCTION @extschema@.route_segment_eq(@extschema@.route_segment, @extschema@.route_segment)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'route_segment_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.route_segment_ne(@extschema@.route_segment, @extschema@.route_segment)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'route_segment_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.route_segment_lt(@extschema@.route_segment, @extschema@.route_segment)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'route_segment_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.route_segment_le(@extschema@.route_segment, @extschema@.route_segment)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'route_segment_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.route_segment_gt(@extschema@.route_segment, @extschema@.route_segment)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'route_segment_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.route_segment_ge(@extschema@.route_segment, @extschema@.route_segment)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'route_segment_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.route_segment_cmp(@extschema@.route_segment, @extschema@.route_segment)
RETURNS pg_catalog.int4 AS 'MODULE_PATHNAME', 'route_segment_cmp_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.route_segment_sortsupport(pg_catalog.internal)
RETURNS pg_catalog.void AS 'MODULE_PATHNAME', 'route_segment_sortsupport' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.route_segment_hash(@extschema@.route_segment)
RETURNS pg_catalog.int4 AS 'MODULE_PATHNAME', 'route_segment_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.route_segment_hash_extended(@extschema@.route_segment, pg_catalog.int8)
RETURNS pg_catalog.int8 AS 'MODULE_PATHNAME', 'route_segment_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.route_segment_eq(@extschema@.route_segment, @extschema@.route_segment) IS 'implementation of = for route_segment';
COMMENT ON FUNCTION @extschema@.route_segment_ne(@extschema@.route_segment, @extschema@.route_segment) IS 'implementation of <> for route_segment';
COMMENT ON FUNCTION @extschema@.route_segment_lt(@extschema@.route_segment, @extschema@.route_segment) IS 'implementation of < for route_segment';
COMMENT ON FUNCTION @extschema@.route_segment_le(@extschema@.route_segment, @extschema@.route_segment) IS 'implementation of <= for route_segment';
COMMENT ON FUNCTION @extschema@.route_segment_gt(@extschema@.route_segment, @extschema@.route_segment) IS 'implementation of > for route_segment';
COMMENT ON FUNCTION @extschema@.route_segment_ge(@extschema@.route_segment, @extschema@.route_segment) IS 'implementation of >= for route_segment';
COMMENT ON FUNCTION @extschema@.route_segment_cmp(@extschema@.route_segment, @extschema@.route_segment) IS 'btree comparison of legs: by departure (unknown last), origin, destination, arrival';
COMMENT ON FUNCTION @extschema@.route_segment_sortsupport(pg_catalog.internal) IS 'btree sort support for route_segment';
COMMENT ON FUNCTION @extschema@.route_segment_hash(@extschema@.route_segment) IS 'hash of a leg';
COMMENT ON FUNCTION @extschema@.route_segment_hash_extended(@extschema@.route_segment, pg_catalog.int8) IS 'seeded 64-bit hash of a leg (for hash partitioning)';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.route_segment, RIGHTARG = @extschema@.route_segment,
	FUNCTION = @extschema@.route_segment_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.route_segment, RIGHTARG = @extschema@.route_segment,
	FUNCTION = @extschema@.route_segment_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.route_segment, RIGHTARG = @extschema@.route_segment,
	FUNCTION = @extschema@.route_segment_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.route_segment, RIGHTARG = @extschema@.route_segment,
	FUNCTION = @extschema@.route_segment_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.route_segment, RIGHTARG = @extschema@.route_segment,
	FUNCTION = @extschema@.route_segment_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.route_segment, RIGHTARG = @extschema@.route_segment,
	FUNCTION = @extschema@.route_segment_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

COMMENT ON OPERATOR @extschema@.=(@extschema@.route_segment, @extschema@.route_segment) IS 'equal: same places and dates';
COMMENT ON OPERATOR @extschema@.<>(@extschema@.route_segment, @extschema@.route_segment) IS 'not equal';
COMMENT ON OPERATOR @extschema@.<(@extschema@.route_segment, @extschema@.route_segment) IS 'less than (by departure, origin, destination, arrival)';
COMMENT ON OPERATOR @extschema@.<=(@extschema@.route_segment, @extschema@.route_segment) IS 'less than or equal';
COMMENT ON OPERATOR @extschema@.>(@extschema@.route_segment, @extschema@.route_segment) IS 'greater than';
COMMENT ON OPERATOR @extschema@.>=(@extschema@.route_segment, @extschema@.route_segment) IS 'greater than or equal';

CREATE OPERATOR CLASS @extschema@.route_segment_ops
DEFAULT FOR TYPE @extschema@.route_segment USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.route_segment_cmp(@extschema@.route_segment, @extschema@.route_segment),
	FUNCTION 2 @extschema@.route_segment_sortsupport(pg_catalog.internal),
	FUNCTION 4 pg_catalog.btequalimage(pg_catalog.oid);

CREATE OPERATOR CLASS @extschema@.route_segment_hash_ops
DEFAULT FOR TYPE @extschema@.route_segment USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.route_segment_hash(@extschema@.route_segment),
	FUNCTION 2 @extschema@.route_segment_hash_extended(@extschema@.route_segment, pg_catalog.int8);

COMMENT ON OPERATOR CLASS @extschema@.route_segment_ops USING btree IS 'default btree operator class for route_segment: by departure, origin, destination';
COMMENT ON OPERATOR CLASS @extschema@.route_segment_hash_ops USING hash IS 'default hash operator class for route_segment';

CREATE FUNCTION @extschema@.route_segment_smaller(@extschema@.route_segment, @extschema@.route_segment)
RETURNS @extschema@.route_segment AS 'MODULE_PATHNAME', 'route_segment_smaller' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.route_segment_larger(@extschema@.route_segment, @extschema@.route_segment)
RETURNS @extschema@.route_segment AS 'MODULE_PATHNAME', 'route_segment_larger' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.route_segment_smaller(@extschema@.route_segment, @extschema@.route_segment) IS 'the lesser of two values (by departure, origin, destination), for min()';
COMMENT ON FUNCTION @extschema@.route_segment_larger(@extschema@.route_segment, @extschema@.route_segment) IS 'the greater of two values (by departure, origin, destination), for max()';
CREATE AGGREGATE @extschema@.min(@extschema@.route_segment) (
	SFUNC = @extschema@.route_segment_smaller, STYPE = @extschema@.route_segment,
	COMBINEFUNC = @extschema@.route_segment_smaller, SORTOP = OPERATOR(@extschema@.<), PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.max(@extschema@.route_segment) (
	SFUNC = @extschema@.route_segment_larger, STYPE = @extschema@.route_segment,
	COMBINEFUNC = @extschema@.route_segment_larger, SORTOP = OPERATOR(@extschema@.>), PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.min(@extschema@.route_segment) IS 'the least route_segment (by departure, origin, destination)';
COMMENT ON AGGREGATE @extschema@.max(@extschema@.route_segment) IS 'the greatest route_segment (by departure, origin, destination)';

--------------------------------------------------------------------------
-- route
--------------------------------------------------------------------------

CREATE TYPE @extschema@.route;

CREATE FUNCTION @extschema@.route_in(pg_catalog.cstring)
RETURNS @extschema@.route
AS 'MODULE_PATHNAME', 'route_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.route_out(@extschema@.route)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'route_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.route_recv(pg_catalog.internal)
RETURNS @extschema@.route
AS 'MODULE_PATHNAME', 'route_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.route_send(@extschema@.route)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'route_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.route (
	INPUT = @extschema@.route_in,
	OUTPUT = @extschema@.route_out,
	RECEIVE = @extschema@.route_recv,
	SEND = @extschema@.route_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = extended
);

COMMENT ON TYPE @extschema@.route IS
'a journey: its legs by departure date, legs with an unknown departure last';
COMMENT ON FUNCTION @extschema@.route_in(pg_catalog.cstring) IS
'route input: {LEG, LEG, ...} in departure order';
COMMENT ON FUNCTION @extschema@.route_out(@extschema@.route) IS
'route output: {CO NCI -> PA-5 [2021-08-01,2021-08-09], ...}';
COMMENT ON FUNCTION @extschema@.route_recv(pg_catalog.internal) IS
'route binary input: version byte, int4 count, then each leg as route_segment''s; checked';
COMMENT ON FUNCTION @extschema@.route_send(@extschema@.route) IS
'route binary output: version byte, int4 count, then each leg as route_segment''s';

CREATE FUNCTION @extschema@.route_eq(@extschema@.route, @extschema@.route)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'mr_varlena_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.route_ne(@extschema@.route, @extschema@.route)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'mr_varlena_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.route_hash(@extschema@.route)
RETURNS pg_catalog.int4 AS 'MODULE_PATHNAME', 'mr_varlena_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.route_hash_extended(@extschema@.route, pg_catalog.int8)
RETURNS pg_catalog.int8 AS 'MODULE_PATHNAME', 'mr_varlena_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.route_eq(@extschema@.route, @extschema@.route) IS 'implementation of = for route';
COMMENT ON FUNCTION @extschema@.route_ne(@extschema@.route, @extschema@.route) IS 'implementation of <> for route';
COMMENT ON FUNCTION @extschema@.route_hash(@extschema@.route) IS 'hash of a route (for hash joins, DISTINCT and GROUP BY)';
COMMENT ON FUNCTION @extschema@.route_hash_extended(@extschema@.route, pg_catalog.int8) IS 'seeded 64-bit hash of a route';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.route, RIGHTARG = @extschema@.route,
	FUNCTION = @extschema@.route_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.route, RIGHTARG = @extschema@.route,
	FUNCTION = @extschema@.route_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR @extschema@.=(@extschema@.route, @extschema@.route) IS 'equal: the same legs in the same order';
COMMENT ON OPERATOR @extschema@.<>(@extschema@.route, @extschema@.route) IS 'not equal';

CREATE OPERATOR CLASS @extschema@.route_hash_ops
DEFAULT FOR TYPE @extschema@.route USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.route_hash(@extschema@.route),
	FUNCTION 2 @extschema@.route_hash_extended(@extschema@.route, pg_catalog.int8);
COMMENT ON OPERATOR CLASS @extschema@.route_hash_ops USING hash IS 'default hash operator class for route';

CREATE FUNCTION @extschema@.route(@extschema@.route_segment[])
RETURNS @extschema@.route
AS 'MODULE_PATHNAME', 'route_from_array'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.route(@extschema@.route_segment[]) IS
'the journey of these legs, ordered as route_agg orders them (NULL elements skipped)';

CREATE FUNCTION @extschema@.route_agg_transfn(pg_catalog.internal, @extschema@.route_segment)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'route_agg_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.route_agg_transfn(pg_catalog.internal, @extschema@.route_segment) IS
'transition function of route_agg(route_segment)';

CREATE FUNCTION @extschema@.route_agg_merge_transfn(pg_catalog.internal, @extschema@.route)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'route_agg_merge_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.route_agg_merge_transfn(pg_catalog.internal, @extschema@.route) IS
'transition function of route_agg(route)';

CREATE FUNCTION @extschema@.route_agg_combine(pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'route_agg_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.route_agg_combine(pg_catalog.internal, pg_catalog.internal) IS
'combine function of the route_agg aggregates';

CREATE FUNCTION @extschema@.route_agg_serialize(pg_catalog.internal)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'route_agg_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.route_agg_serialize(pg_catalog.internal) IS
'serialization function of the route_agg aggregates';

CREATE FUNCTION @extschema@.route_agg_deserialize(pg_catalog.bytea, pg_catalog.internal)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'route_agg_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.route_agg_deserialize(pg_catalog.bytea, pg_catalog.internal) IS
'deserialization function of the route_agg aggregates';

CREATE FUNCTION @extschema@.route_agg_finalfn(pg_catalog.internal)
RETURNS @extschema@.route AS 'MODULE_PATHNAME', 'route_agg_finalfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.route_agg_finalfn(pg_catalog.internal) IS
'final function of the route_agg aggregates: legs sorted by departure, stable';

CREATE AGGREGATE @extschema@.route_agg(@extschema@.route_segment) (
	SFUNC = @extschema@.route_agg_transfn,
	STYPE = pg_catalog.internal,
	SSPACE = 160,
	FINALFUNC = @extschema@.route_agg_finalfn,
	COMBINEFUNC = @extschema@.route_agg_combine,
	SERIALFUNC = @extschema@.route_agg_serialize,
	DESERIALFUNC = @extschema@.route_agg_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.route_agg(@extschema@.route_segment) IS
'a journey from its legs in any order: by departure date, ties and unknown departures in input order (unknown last); NULL legs skipped';

CREATE AGGREGATE @extschema@.route_agg(@extschema@.route) (
	SFUNC = @extschema@.route_agg_merge_transfn,
	STYPE = pg_catalog.internal,
	SSPACE = 160,
	FINALFUNC = @extschema@.route_agg_finalfn,
	COMBINEFUNC = @extschema@.route_agg_combine,
	SERIALFUNC = @extschema@.route_agg_serialize,
	DESERIALFUNC = @extschema@.route_agg_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.route_agg(@extschema@.route) IS
'merges the partial journeys of one traveller (recorded by several agencies or shards) into one';

CREATE FUNCTION @extschema@.segments(@extschema@.route)
RETURNS SETOF @extschema@.route_segment AS 'MODULE_PATHNAME', 'route_segments'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 6;
COMMENT ON FUNCTION @extschema@.segments(@extschema@.route) IS 'the legs of the journey, in order';

CREATE FUNCTION @extschema@.length(@extschema@.route)
RETURNS pg_catalog.int4 AS 'MODULE_PATHNAME', 'route_length'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.length(@extschema@.route) IS 'the number of legs';

CREATE FUNCTION @extschema@.is_continuous(@extschema@.route)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'route_is_continuous'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_continuous(@extschema@.route) IS
'whether every leg starts at the place where the leg before it ended';

CREATE FUNCTION @extschema@.places(@extschema@.route)
RETURNS @extschema@.place[] AS 'MODULE_PATHNAME', 'route_places'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.places(@extschema@.route) IS
'the places of the journey in order, a place repeated in a row listed once';

CREATE FUNCTION @extschema@.countries(@extschema@.route)
RETURNS @extschema@.nationality[] AS 'MODULE_PATHNAME', 'route_countries'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.countries(@extschema@.route) IS
'the countries of the journey in order, a country repeated in a row listed once';

CREATE FUNCTION @extschema@.transit_countries(@extschema@.route)
RETURNS @extschema@.nationality[] AS 'MODULE_PATHNAME', 'route_transit_countries'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.transit_countries(@extschema@.route) IS
'the countries crossed between the first origin''s and the last destination''s';

CREATE FUNCTION @extschema@.origin(@extschema@.route)
RETURNS @extschema@.place AS 'MODULE_PATHNAME', 'route_origin'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.origin(@extschema@.route) IS 'where the journey starts: the first leg''s origin';

CREATE FUNCTION @extschema@.destination(@extschema@.route)
RETURNS @extschema@.place AS 'MODULE_PATHNAME', 'route_destination'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.destination(@extschema@.route) IS 'where the journey ends: the last leg''s destination';

CREATE FUNCTION @extschema@.total_days(@extschema@.route)
RETURNS pg_catalog.int4 AS 'MODULE_PATHNAME', 'route_total_days'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.total_days(@extschema@.route) IS
'days from the first departure to the last arrival; NULL when either is unknown';

CREATE FUNCTION @extschema@.days_between(@extschema@.route, a @extschema@.place, b @extschema@.place)
RETURNS pg_catalog.int4 AS 'MODULE_PATHNAME', 'route_days_between'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.days_between(@extschema@.route, @extschema@.place, @extschema@.place) IS
'days from the first arrival within a (the first departure counting as arrival at the origin) to the first later arrival within b; NULL if not both, or a date is unknown';

CREATE FUNCTION @extschema@.route_contains_place(@extschema@.route, @extschema@.place)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'route_contains_place'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.route_contains_place(@extschema@.route, @extschema@.place) IS 'implementation of @> for route and place';

CREATE FUNCTION @extschema@.place_contained_in_route(@extschema@.place, @extschema@.route)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'place_contained_in_route'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.place_contained_in_route(@extschema@.place, @extschema@.route) IS 'implementation of <@ for place and route';

CREATE FUNCTION @extschema@.route_overlaps_places(@extschema@.route, @extschema@.place[])
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'route_overlaps_places'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.route_overlaps_places(@extschema@.route, @extschema@.place[]) IS 'implementation of && for route and place[]';

CREATE OPERATOR @extschema@.@> (
	LEFTARG = @extschema@.route, RIGHTARG = @extschema@.place,
	FUNCTION = @extschema@.route_contains_place,
	COMMUTATOR = OPERATOR(@extschema@.<@),
	RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel
);
CREATE OPERATOR @extschema@.<@ (
	LEFTARG = @extschema@.place, RIGHTARG = @extschema@.route,
	FUNCTION = @extschema@.place_contained_in_route,
	COMMUTATOR = OPERATOR(@extschema@.@>),
	RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel
);
CREATE OPERATOR @extschema@.&& (
	LEFTARG = @extschema@.route, RIGHTARG = @extschema@.place[],
	FUNCTION = @extschema@.route_overlaps_places,
	RESTRICT = pg_catalog.areasel, JOIN = pg_catalog.areajoinsel
);
COMMENT ON OPERATOR @extschema@.@>(@extschema@.route, @extschema@.place) IS
'the journey touches the place or a place within it (GIN-indexable)';
COMMENT ON OPERATOR @extschema@.<@(@extschema@.place, @extschema@.route) IS
'the journey touches the place or a place within it';
COMMENT ON OPERATOR @extschema@.&&(@extschema@.route, @extschema@.place[]) IS
'the journey touches any of the places (GIN-indexable)';

CREATE FUNCTION @extschema@.route_gin_extract_value(@extschema@.route, pg_catalog.internal)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'route_gin_extract_value'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.route_gin_extract_query(@extschema@.route, pg_catalog.internal, pg_catalog.int2,
	pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'route_gin_extract_query'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.route_gin_consistent(pg_catalog.internal, pg_catalog.int2, @extschema@.route,
	pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'route_gin_consistent'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.route_gin_triconsistent(pg_catalog.internal, pg_catalog.int2, @extschema@.route,
	pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog."char" AS 'MODULE_PATHNAME', 'route_gin_triconsistent'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.route_gin_extract_value(@extschema@.route, pg_catalog.internal) IS
'GIN support: the keys of a journey, each place it touches with its country and ISO 3166-2 parents';
COMMENT ON FUNCTION @extschema@.route_gin_extract_query(@extschema@.route, pg_catalog.internal, pg_catalog.int2, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal) IS
'GIN support: the keys of a @> or && query';
COMMENT ON FUNCTION @extschema@.route_gin_consistent(pg_catalog.internal, pg_catalog.int2, @extschema@.route, pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal) IS
'GIN support: whether a journey matches (exact, no recheck)';
COMMENT ON FUNCTION @extschema@.route_gin_triconsistent(pg_catalog.internal, pg_catalog.int2, @extschema@.route, pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal) IS
'GIN support: ternary consistency of a journey with a query';

CREATE OPERATOR CLASS @extschema@.route_ops
DEFAULT FOR TYPE @extschema@.route USING gin AS
	OPERATOR 3 @extschema@.&&(@extschema@.route, @extschema@.place[]),
	OPERATOR 7 @extschema@.@>(@extschema@.route, @extschema@.place),
	FUNCTION 1 @extschema@.place_cmp(@extschema@.place, @extschema@.place),
	FUNCTION 2 @extschema@.route_gin_extract_value(@extschema@.route, pg_catalog.internal),
	FUNCTION 3 @extschema@.route_gin_extract_query(@extschema@.route, pg_catalog.internal, pg_catalog.int2, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal),
	FUNCTION 4 @extschema@.route_gin_consistent(pg_catalog.internal, pg_catalog.int2, @extschema@.route, pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal),
	FUNCTION 6 @extschema@.route_gin_triconsistent(pg_catalog.internal, pg_catalog.int2, @extschema@.route, pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal),
	STORAGE @extschema@.place;
COMMENT ON OPERATOR CLASS @extschema@.route_ops USING gin IS
'GIN operator class for route: route @> place and route && place[]';

--------------------------------------------------------------------------
-- transit_profile
--------------------------------------------------------------------------

CREATE TYPE @extschema@.transit_profile;

CREATE FUNCTION @extschema@.transit_profile_in(pg_catalog.cstring)
RETURNS @extschema@.transit_profile AS 'MODULE_PATHNAME', 'transit_profile_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.transit_profile_out(@extschema@.transit_profile)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'transit_profile_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.transit_profile_recv(pg_catalog.internal)
RETURNS @extschema@.transit_profile AS 'MODULE_PATHNAME', 'transit_profile_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.transit_profile_send(@extschema@.transit_profile)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'transit_profile_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.transit_profile (
	INPUT = @extschema@.transit_profile_in,
	OUTPUT = @extschema@.transit_profile_out,
	RECEIVE = @extschema@.transit_profile_recv,
	SEND = @extschema@.transit_profile_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE @extschema@.transit_profile IS
'the empirical distribution of transit times in days: exact counts for 0 to 730 days, and an overflow count';
COMMENT ON FUNCTION @extschema@.transit_profile_in(pg_catalog.cstring) IS
'transit_profile input: {DAYS:COUNT, ..., >730:COUNT}, days ascending';
COMMENT ON FUNCTION @extschema@.transit_profile_out(@extschema@.transit_profile) IS
'transit_profile output: {DAYS:COUNT, ..., >730:COUNT}, the days with observations';
COMMENT ON FUNCTION @extschema@.transit_profile_recv(pg_catalog.internal) IS
'transit_profile binary input: version byte, int4 bin count, int8 overflow, int8 counts; checked';
COMMENT ON FUNCTION @extschema@.transit_profile_send(@extschema@.transit_profile) IS
'transit_profile binary output: version byte, int4 bin count, int8 overflow, int8 counts';

CREATE FUNCTION @extschema@.transit_profile_eq(@extschema@.transit_profile, @extschema@.transit_profile)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'mr_varlena_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.transit_profile_ne(@extschema@.transit_profile, @extschema@.transit_profile)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'mr_varlena_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.transit_profile_hash(@extschema@.transit_profile)
RETURNS pg_catalog.int4 AS 'MODULE_PATHNAME', 'mr_varlena_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.transit_profile_hash_extended(@extschema@.transit_profile, pg_catalog.int8)
RETURNS pg_catalog.int8 AS 'MODULE_PATHNAME', 'mr_varlena_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.transit_profile_eq(@extschema@.transit_profile, @extschema@.transit_profile) IS 'implementation of = for transit_profile';
COMMENT ON FUNCTION @extschema@.transit_profile_ne(@extschema@.transit_profile, @extschema@.transit_profile) IS 'implementation of <> for transit_profile';
COMMENT ON FUNCTION @extschema@.transit_profile_hash(@extschema@.transit_profile) IS 'hash of a transit_profile (for hash joins, DISTINCT and GROUP BY)';
COMMENT ON FUNCTION @extschema@.transit_profile_hash_extended(@extschema@.transit_profile, pg_catalog.int8) IS 'seeded 64-bit hash of a transit_profile';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.transit_profile, RIGHTARG = @extschema@.transit_profile,
	FUNCTION = @extschema@.transit_profile_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.transit_profile, RIGHTARG = @extschema@.transit_profile,
	FUNCTION = @extschema@.transit_profile_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR @extschema@.=(@extschema@.transit_profile, @extschema@.transit_profile) IS 'equal: the same counts';
COMMENT ON OPERATOR @extschema@.<>(@extschema@.transit_profile, @extschema@.transit_profile) IS 'not equal';

CREATE OPERATOR CLASS @extschema@.transit_profile_hash_ops
DEFAULT FOR TYPE @extschema@.transit_profile USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.transit_profile_hash(@extschema@.transit_profile),
	FUNCTION 2 @extschema@.transit_profile_hash_extended(@extschema@.transit_profile, pg_catalog.int8);
COMMENT ON OPERATOR CLASS @extschema@.transit_profile_hash_ops USING hash IS 'default hash operator class for transit_profile';

CREATE FUNCTION @extschema@.transit_profile_transfn(pg_catalog.internal, pg_catalog.int4)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'transit_profile_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.transit_profile_transfn(pg_catalog.internal, pg_catalog.int4) IS
'transition function of transit_profile(days)';
CREATE FUNCTION @extschema@.transit_profile_merge_transfn(pg_catalog.internal, @extschema@.transit_profile)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'transit_profile_merge_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.transit_profile_merge_transfn(pg_catalog.internal, @extschema@.transit_profile) IS
'transition function of transit_profile(transit_profile)';
CREATE FUNCTION @extschema@.transit_profile_combine(pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'transit_profile_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.transit_profile_combine(pg_catalog.internal, pg_catalog.internal) IS
'combine function of the transit_profile aggregates';
CREATE FUNCTION @extschema@.transit_profile_serialize(pg_catalog.internal)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'transit_profile_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.transit_profile_serialize(pg_catalog.internal) IS
'serialization function of the transit_profile aggregates';
CREATE FUNCTION @extschema@.transit_profile_deserialize(pg_catalog.bytea, pg_catalog.internal)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'transit_profile_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.transit_profile_deserialize(pg_catalog.bytea, pg_catalog.internal) IS
'deserialization function of the transit_profile aggregates';
CREATE FUNCTION @extschema@.transit_profile_finalfn(pg_catalog.internal)
RETURNS @extschema@.transit_profile AS 'MODULE_PATHNAME', 'transit_profile_finalfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.transit_profile_finalfn(pg_catalog.internal) IS
'final function of the transit_profile aggregates';

CREATE AGGREGATE @extschema@.transit_profile(days pg_catalog.int4) (
	SFUNC = @extschema@.transit_profile_transfn,
	STYPE = pg_catalog.internal,
	SSPACE = 5856,
	FINALFUNC = @extschema@.transit_profile_finalfn,
	COMBINEFUNC = @extschema@.transit_profile_combine,
	SERIALFUNC = @extschema@.transit_profile_serialize,
	DESERIALFUNC = @extschema@.transit_profile_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.transit_profile(pg_catalog.int4) IS
'the distribution of transit times in days (NULL skipped; a negative time is an error)';

CREATE AGGREGATE @extschema@.transit_profile(@extschema@.transit_profile) (
	SFUNC = @extschema@.transit_profile_merge_transfn,
	STYPE = pg_catalog.internal,
	SSPACE = 5856,
	FINALFUNC = @extschema@.transit_profile_finalfn,
	COMBINEFUNC = @extschema@.transit_profile_combine,
	SERIALFUNC = @extschema@.transit_profile_serialize,
	DESERIALFUNC = @extschema@.transit_profile_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.transit_profile(@extschema@.transit_profile) IS
'merges transit profiles computed apart (per agency or shard)';

CREATE FUNCTION @extschema@.observations(@extschema@.transit_profile)
RETURNS pg_catalog.int8 AS 'MODULE_PATHNAME', 'transit_profile_observations'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.observations(@extschema@.transit_profile) IS
'the number of transit times observed, the overflow included';

CREATE FUNCTION @extschema@.quantile(@extschema@.transit_profile, pg_catalog.float8)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'transit_profile_quantile'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.quantile(@extschema@.transit_profile, pg_catalog.float8) IS
'the transit time at a quantile, as percentile_disc computes it; NULL with no data or beyond 730 days';

CREATE FUNCTION @extschema@.median(@extschema@.transit_profile)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'transit_profile_median'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.median(@extschema@.transit_profile) IS
'the median transit time (quantile 0.5)';

CREATE FUNCTION @extschema@.share_within(@extschema@.transit_profile, days pg_catalog.int4)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'transit_profile_share_within'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.share_within(@extschema@.transit_profile, pg_catalog.int4) IS
'the share of transit times of at most that many days; NULL with no data, or beyond 730 days with an overflow';

CREATE FUNCTION @extschema@.bins(@extschema@.transit_profile, OUT days pg_catalog.int4, OUT n pg_catalog.int8)
RETURNS SETOF record AS 'MODULE_PATHNAME', 'transit_profile_bins'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 60;
COMMENT ON FUNCTION @extschema@.bins(@extschema@.transit_profile) IS
'the transit times observed with their counts, the overflow last with NULL days (for histograms)';

--------------------------------------------------------------------------
-- flow_series and forecasts
--------------------------------------------------------------------------

CREATE TYPE @extschema@.flow_series;

CREATE FUNCTION @extschema@.flow_series_in(pg_catalog.cstring)
RETURNS @extschema@.flow_series AS 'MODULE_PATHNAME', 'flow_series_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.flow_series_out(@extschema@.flow_series)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'flow_series_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.flow_series_recv(pg_catalog.internal)
RETURNS @extschema@.flow_series AS 'MODULE_PATHNAME', 'flow_series_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.flow_series_send(@extschema@.flow_series)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'flow_series_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.flow_series (
	INPUT = @extschema@.flow_series_in,
	OUTPUT = @extschema@.flow_series_out,
	RECEIVE = @extschema@.flow_series_recv,
	SEND = @extschema@.flow_series_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE @extschema@.flow_series IS
'a dense daily series of counts (arrivals, departures, registrations at a point)';
COMMENT ON FUNCTION @extschema@.flow_series_in(pg_catalog.cstring) IS
'flow_series input: FIRST-DAY {COUNT,COUNT,...}, or {} when empty';
COMMENT ON FUNCTION @extschema@.flow_series_out(@extschema@.flow_series) IS
'flow_series output: FIRST-DAY {COUNT,COUNT,...}';
COMMENT ON FUNCTION @extschema@.flow_series_recv(pg_catalog.internal) IS
'flow_series binary input: version byte, int4 first day, int4 day count, int8 counts; checked';
COMMENT ON FUNCTION @extschema@.flow_series_send(@extschema@.flow_series) IS
'flow_series binary output: version byte, int4 first day, int4 day count, int8 counts';

CREATE FUNCTION @extschema@.flow_series_eq(@extschema@.flow_series, @extschema@.flow_series)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'mr_varlena_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.flow_series_ne(@extschema@.flow_series, @extschema@.flow_series)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'mr_varlena_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.flow_series_hash(@extschema@.flow_series)
RETURNS pg_catalog.int4 AS 'MODULE_PATHNAME', 'mr_varlena_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.flow_series_hash_extended(@extschema@.flow_series, pg_catalog.int8)
RETURNS pg_catalog.int8 AS 'MODULE_PATHNAME', 'mr_varlena_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.flow_series_eq(@extschema@.flow_series, @extschema@.flow_series) IS 'implementation of = for flow_series';
COMMENT ON FUNCTION @extschema@.flow_series_ne(@extschema@.flow_series, @extschema@.flow_series) IS 'implementation of <> for flow_series';
COMMENT ON FUNCTION @extschema@.flow_series_hash(@extschema@.flow_series) IS 'hash of a flow_series (for hash joins, DISTINCT and GROUP BY)';
COMMENT ON FUNCTION @extschema@.flow_series_hash_extended(@extschema@.flow_series, pg_catalog.int8) IS 'seeded 64-bit hash of a flow_series';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.flow_series, RIGHTARG = @extschema@.flow_series,
	FUNCTION = @extschema@.flow_series_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.flow_series, RIGHTARG = @extschema@.flow_series,
	FUNCTION = @extschema@.flow_series_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR @extschema@.=(@extschema@.flow_series, @extschema@.flow_series) IS 'equal: the same days and counts';
COMMENT ON OPERATOR @extschema@.<>(@extschema@.flow_series, @extschema@.flow_series) IS 'not equal';

CREATE OPERATOR CLASS @extschema@.flow_series_hash_ops
DEFAULT FOR TYPE @extschema@.flow_series USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.flow_series_hash(@extschema@.flow_series),
	FUNCTION 2 @extschema@.flow_series_hash_extended(@extschema@.flow_series, pg_catalog.int8);
COMMENT ON OPERATOR CLASS @extschema@.flow_series_hash_ops USING hash IS 'default hash operator class for flow_series';

CREATE FUNCTION @extschema@.flow_series_transfn(pg_catalog.internal, pg_catalog.date, pg_catalog.int8)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'flow_series_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.flow_series_transfn(pg_catalog.internal, pg_catalog.date, pg_catalog.int8) IS
'transition function of flow_series(day, n)';
CREATE FUNCTION @extschema@.flow_series_combine(pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'flow_series_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.flow_series_combine(pg_catalog.internal, pg_catalog.internal) IS
'combine function of flow_series(day, n)';
CREATE FUNCTION @extschema@.flow_series_serialize(pg_catalog.internal)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'flow_series_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.flow_series_serialize(pg_catalog.internal) IS
'serialization function of flow_series(day, n)';
CREATE FUNCTION @extschema@.flow_series_deserialize(pg_catalog.bytea, pg_catalog.internal)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'flow_series_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.flow_series_deserialize(pg_catalog.bytea, pg_catalog.internal) IS
'deserialization function of flow_series(day, n)';
CREATE FUNCTION @extschema@.flow_series_finalfn(pg_catalog.internal)
RETURNS @extschema@.flow_series AS 'MODULE_PATHNAME', 'flow_series_finalfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.flow_series_finalfn(pg_catalog.internal) IS
'final function of flow_series(day, n)';

CREATE AGGREGATE @extschema@.flow_series(day pg_catalog.date, n pg_catalog.int8) (
	SFUNC = @extschema@.flow_series_transfn,
	STYPE = pg_catalog.internal,
	SSPACE = 1024,
	FINALFUNC = @extschema@.flow_series_finalfn,
	COMBINEFUNC = @extschema@.flow_series_combine,
	SERIALFUNC = @extschema@.flow_series_serialize,
	DESERIALFUNC = @extschema@.flow_series_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.flow_series(pg_catalog.date, pg_catalog.int8) IS
'the daily series from the first to the last day given: days without rows count zero, duplicate days add up';

CREATE FUNCTION @extschema@.total(@extschema@.flow_series)
RETURNS pg_catalog.int8 AS 'MODULE_PATHNAME', 'flow_series_total'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.total(@extschema@.flow_series) IS 'the sum of the series';

CREATE FUNCTION @extschema@.days(@extschema@.flow_series, OUT day pg_catalog.date, OUT n pg_catalog.int8)
RETURNS SETOF record AS 'MODULE_PATHNAME', 'flow_series_days'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 100;
COMMENT ON FUNCTION @extschema@.days(@extschema@.flow_series) IS
'every day of the series with its count, zeros included';

CREATE FUNCTION @extschema@.forecast_arrivals(departures @extschema@.flow_series,
	profile @extschema@.transit_profile, horizon pg_catalog.int4 DEFAULT 60,
	OUT day pg_catalog.date, OUT expected pg_catalog.float8, OUT low pg_catalog.float8, OUT high pg_catalog.float8)
RETURNS SETOF record AS 'MODULE_PATHNAME', 'forecast_arrivals'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 120;
COMMENT ON FUNCTION @extschema@.forecast_arrivals(@extschema@.flow_series, @extschema@.transit_profile, pg_catalog.int4) IS
'expected daily arrivals downstream, from the first day of the departures to horizon days after the last: departures convolved with the transit-time distribution; each departure arrives independently, so low and high are mean -/+ 1.2816 sd of that sum of Bernoulli trials (an 80% interval, normal approximation, floored at 0)';

--------------------------------------------------------------------------
-- disclosure control
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.sdc_round(n pg_catalog.int8, base pg_catalog.int4 DEFAULT 5)
RETURNS pg_catalog.int8 AS 'MODULE_PATHNAME', 'sdc_round'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sdc_round(pg_catalog.int8, pg_catalog.int4) IS
'rounds half up to a multiple of base: 5 as Eurostat rounds asylum tables, 10 as the US DHS rounds every cell since 2023 (0-4 to 0, 5-14 to 10); compute rates from unrounded counts';

CREATE FUNCTION @extschema@.sdc_suppress(n pg_catalog.int8, threshold pg_catalog.int4 DEFAULT 5)
RETURNS pg_catalog.int8 AS 'MODULE_PATHNAME', 'sdc_suppress'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sdc_suppress(pg_catalog.int8, pg_catalog.int4) IS
'NULL for a small cell (0 < n < threshold), n otherwise, as tables that hide small counts (the DHS formerly under 3; UNHCR prints *)';

--------------------------------------------------------------------------
-- operator families (one per operator class, created with it)
--------------------------------------------------------------------------

COMMENT ON OPERATOR FAMILY @extschema@.nationality_ops USING btree IS 'btree operators for nationality';
COMMENT ON OPERATOR FAMILY @extschema@.nationality_hash_ops USING hash IS 'hash operators for nationality';
COMMENT ON OPERATOR FAMILY @extschema@.place_ops USING btree IS 'btree operators for place';
COMMENT ON OPERATOR FAMILY @extschema@.place_hash_ops USING hash IS 'hash operators for place';
COMMENT ON OPERATOR FAMILY @extschema@.protection_status_ops USING btree IS 'btree operators for protection_status';
COMMENT ON OPERATOR FAMILY @extschema@.protection_status_hash_ops USING hash IS 'hash operators for protection_status';
COMMENT ON OPERATOR FAMILY @extschema@.protection_history_hash_ops USING hash IS 'hash operators for protection_history';
COMMENT ON OPERATOR FAMILY @extschema@.route_segment_ops USING btree IS 'btree operators for route_segment';
COMMENT ON OPERATOR FAMILY @extschema@.route_segment_hash_ops USING hash IS 'hash operators for route_segment';
COMMENT ON OPERATOR FAMILY @extschema@.route_hash_ops USING hash IS 'hash operators for route';
COMMENT ON OPERATOR FAMILY @extschema@.route_ops USING gin IS 'GIN operators for route: @> place, && place[]';
COMMENT ON OPERATOR FAMILY @extschema@.transit_profile_hash_ops USING hash IS 'hash operators for transit_profile';
COMMENT ON OPERATOR FAMILY @extschema@.flow_series_hash_ops USING hash IS 'hash operators for flow_series';

--------------------------------------------------------------------------
-- array types: members too, so that postgres_fdw ships conditions with
-- array constants (status IN (...), route && '{GT,HN}') to the servers
-- that hold the data (it ships only objects of extensions it is told of).
-- From PostgreSQL 17 an array type joins its element type's extension by
-- itself (commit e5bc945), and adding it again is an error: lines marked
-- "@pg<17" are kept only for servers before 17 (tools/build_sql.sh).
--------------------------------------------------------------------------

ALTER EXTENSION migrec ADD TYPE @extschema@.nationality[]; -- @pg<17
ALTER EXTENSION migrec ADD TYPE @extschema@.place[]; -- @pg<17
ALTER EXTENSION migrec ADD TYPE @extschema@.protection_status[]; -- @pg<17
ALTER EXTENSION migrec ADD TYPE @extschema@.protection_history[]; -- @pg<17
ALTER EXTENSION migrec ADD TYPE @extschema@.decision_tally[]; -- @pg<17
ALTER EXTENSION migrec ADD TYPE @extschema@.route_segment[]; -- @pg<17
ALTER EXTENSION migrec ADD TYPE @extschema@.route[]; -- @pg<17
ALTER EXTENSION migrec ADD TYPE @extschema@.transit_profile[]; -- @pg<17
ALTER EXTENSION migrec ADD TYPE @extschema@.flow_series[]; -- @pg<17
