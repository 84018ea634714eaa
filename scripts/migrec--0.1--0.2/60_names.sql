--------------------------------------------------------------------------
-- names: normalisation of personal names for record linkage
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.normalize_name(pg_catalog.text)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'normalize_name'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.normalize_name(pg_catalog.text) IS
'a name as travel documents write it: transliterated (ICAO Doc 9303, Latin and Cyrillic), upper case, accents and punctuation removed, particles (de, del, la, y, da, dos...) and agnomens (Junior, Filho, Neto...) dropped; NULL when no letter is left';

CREATE FUNCTION @extschema@.linkage_name(name pg_catalog.text, role pg_catalog.text)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'linkage_name'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.linkage_name(pg_catalog.text, pg_catalog.text) IS
'what person_key and clk hash for a name, role family or given: normalize_name with the spellings of the region''s languages folded (PH/F, TH/T, silent H, V/B/W, Z/S, C/K/QU, LL/Y/I...); family names in alphabetical order, given names with nicknames as the given name (Pepe as Jose)';
