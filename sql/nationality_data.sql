-- nationality_data: the compiled code tables against the iso-codes JSON
-- they are generated from: the snapshot in tools/sources/ (MIGREC_ISO_CODES
-- names another folder, e.g. /usr/share/iso-codes/json).
\set iso1 `cat ${MIGREC_ISO_CODES:-tools/sources/iso-codes}/iso_3166-1.json`
\set iso2 `cat ${MIGREC_ISO_CODES:-tools/sources/iso-codes}/iso_3166-2.json`
\set iso3 `cat ${MIGREC_ISO_CODES:-tools/sources/iso-codes}/iso_3166-3.json`
CREATE TEMP TABLE iso1 AS
  SELECT e->>'alpha_3' AS alpha3, e->>'alpha_2' AS alpha2, (e->>'numeric')::int AS num,
         coalesce(e->>'common_name', e->>'name') AS name
  FROM json_array_elements((:'iso1')::json->'3166-1') e;
CREATE TEMP TABLE iso2 AS
  SELECT e->>'code' AS code, e->>'name' AS name, e->>'parent' AS parent
  FROM json_array_elements((:'iso2')::json->'3166-2') e;
CREATE TEMP TABLE iso3 AS
  SELECT e->>'alpha_3' AS alpha3, e->>'name' AS name
  FROM json_array_elements((:'iso3')::json->'3166-3') e;

-- ISO 3166-1: every entry, by each of its codes, with its numeric and name
SELECT count(*) AS iso_3166_1,
       count(*) FILTER (WHERE alpha3::nationality::text = alpha3) AS alpha3_ok,
       count(*) FILTER (WHERE alpha2::nationality::text = alpha3) AS alpha2_ok,
       count(*) FILTER (WHERE num::text::nationality::text = alpha3) AS numeric_ok,
       count(*) FILTER (WHERE alpha2(alpha3::nationality) = alpha2) AS alpha2_fn_ok,
       count(*) FILTER (WHERE iso_numeric(alpha3::nationality) = num) AS numeric_fn_ok,
       count(*) FILTER (WHERE country_name(alpha3::nationality) = name) AS name_ok,
       count(*) FILTER (WHERE nationality_kind(alpha3::nationality) = 'country') AS kind_ok,
       count(*) FILTER (WHERE alpha2::place = alpha3::nationality::place) AS place_ok
FROM iso1;
-- and nothing else is a country but Kosovo
SELECT nationality FROM nationalities()
WHERE kind = 'country' AND nationality::text NOT IN (SELECT alpha3 FROM iso1);

-- ISO 3166-3: every withdrawn alpha-3 is accepted, as withdrawn unless it
-- was reassigned since
SELECT i.alpha3, nationality_kind(i.alpha3::nationality), country_name(i.alpha3::nationality) = i.name AS name_ok
FROM iso3 i WHERE i.alpha3 IS NOT NULL ORDER BY 1;

-- ISO 3166-2: every code, with its name and parent, and nothing more
SELECT count(*) AS iso_3166_2,
       count(*) FILTER (WHERE code::place::text = code) AS code_ok,
       count(*) FILTER (WHERE place_name(code::place) = name) AS name_ok,
       (SELECT count(*) FROM subdivisions()) AS compiled
FROM iso2;
SELECT count(*) AS with_parent,
       count(*) FILTER (WHERE s.parent::text = CASE WHEN i.parent LIKE '%-%' THEN i.parent
                                                ELSE split_part(i.code, '-', 1) || '-' || i.parent END) AS parent_ok
FROM iso2 i JOIN subdivisions() s ON s.place = i.code::place
WHERE i.parent IS NOT NULL;
