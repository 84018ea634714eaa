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
