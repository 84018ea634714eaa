/*
 * The names and codes publishers print (issue 13): parse_nationality() and
 * nationality_from() with a source, UNHCR's country codes, the crosswalk
 * tables an analyst audits a load with, and places from INEGI's and INEC
 * Panama's codes.  The residual categories (ZZO other, ZZV various, ZZZ
 * unknown) are rows of the compiled nationality table: they need no object.
 */

-- 0.1's one-argument parse_nationality(text) stays (views and indexes may
-- use it); it now also reads the unambiguous forms publishers print.  A
-- second function with a DEFAULT would make parse_nationality(x) ambiguous,
-- so the source is a plain second argument: parse_nationality(x, 'unhcr'),
-- or parse_nationality(x, source => 'unhcr'); NULL reads as no source.
CREATE FUNCTION @extschema@.parse_nationality(pg_catalog.text, source pg_catalog.text)
RETURNS @extschema@.nationality
AS 'MODULE_PATHNAME', 'parse_nationality_source'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.parse_nationality(pg_catalog.text, pg_catalog.text) IS
'for cleaning data: a code or name as the source prints it (cbp, comar, iso, ohss, snm, unhcr, unhcr_iso, upm; NULL: none), in any case, accents and word order; NULL when not recognized or ambiguous';

COMMENT ON FUNCTION @extschema@.parse_nationality(pg_catalog.text) IS
'for cleaning data: a code, or a name in en, es, fr or pt (iso-codes, CLDR, and publishers'' forms that mean the same everywhere), in any case, accents and word order; NULL when not recognized or ambiguous';

CREATE FUNCTION @extschema@.nationality_from(pg_catalog.text, source pg_catalog.text DEFAULT NULL)
RETURNS @extschema@.nationality
AS 'MODULE_PATHNAME', 'nationality_from'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nationality_from(pg_catalog.text, pg_catalog.text) IS
'a code or name as the source prints it, or an error that says why not (unknown, ambiguous without a source, no nationality); without a source, codes that some publisher reads otherwise than ISO (AUS, ARE, MAR, ANT, TMP, UNK, XXX) are refused';

CREATE FUNCTION @extschema@.unhcr_code(@extschema@.nationality)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'nationality_unhcr_code'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.unhcr_code(@extschema@.nationality) IS
'UNHCR''s country code (AUT: AUS, XXA: STA, ZZZ: UKN), NULL where UNHCR has none';

CREATE FUNCTION @extschema@.from_unhcr_code(pg_catalog.text)
RETURNS @extschema@.nationality
AS 'MODULE_PATHNAME', 'from_unhcr_code'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.from_unhcr_code(pg_catalog.text) IS
'the nationality of a UNHCR country code (AUS: AUT), the inverse of unhcr_code(); an error for a code UNHCR does not use';

CREATE FUNCTION @extschema@.nationality_crosswalk(source pg_catalog.text DEFAULT NULL,
	OUT source pg_catalog.text, OUT form pg_catalog.text, OUT form_kind pg_catalog.text,
	OUT nationality @extschema@.nationality, OUT note pg_catalog.text,
	OUT elsewhere pg_catalog.text, OUT seen_in pg_catalog.text, OUT verified pg_catalog.text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'nationality_crosswalk'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 500;
COMMENT ON FUNCTION @extschema@.nationality_crosswalk(pg_catalog.text) IS
'every code and name a source prints (NULL: every source), the nationality it means (NULL: none), what it means elsewhere, where it was seen and how well verified: join against it to audit a load';

CREATE FUNCTION @extschema@.place_from(pg_catalog.text, source pg_catalog.text)
RETURNS @extschema@.place
AS 'MODULE_PATHNAME', 'place_from_source'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.place_from(pg_catalog.text, pg_catalog.text) IS
'a subdivision from a publisher''s code or name: inegi (Mexico''s state codes, 07 = MX-CHP) or inec_pa (Panama''s province numbers, 13 = PA-10); an error when unknown';

CREATE FUNCTION @extschema@.place_crosswalk(source pg_catalog.text DEFAULT NULL,
	OUT source pg_catalog.text, OUT form pg_catalog.text, OUT form_kind pg_catalog.text,
	OUT place @extschema@.place, OUT note pg_catalog.text, OUT seen_in pg_catalog.text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'place_crosswalk'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 100;
COMMENT ON FUNCTION @extschema@.place_crosswalk(pg_catalog.text) IS
'every code and name of a place source (inegi, inec_pa; NULL: both) and the subdivision it means';

COMMENT ON FUNCTION @extschema@.nationality_kind(@extschema@.nationality) IS
'country, stateless, refugee, unspecified, organization, withdrawn, or a residual category of published tables: other, unknown, various';
COMMENT ON TYPE @extschema@.nationality IS
'a nationality: ISO 3166-1 country, ICAO Doc 9303 code (XXA stateless, XXB/XXC refugee, XXX, UNO, UNA, UNK), Kosovo (XKX), withdrawn ISO 3166-3 code, or residual category (ZZO other, ZZV various, ZZZ unknown); 2 bytes, shown as alpha-3';
