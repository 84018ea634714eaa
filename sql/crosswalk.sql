-- crosswalk: the names and codes publishers print (issue 13), the residual
-- categories, UNHCR's codes, places from INEGI's and INEC Panama's codes.

-- every form the issue names, without a source: the right value, or the
-- right residual category
SELECT f, parse_nationality(f) AS nationality, nationality_kind(parse_nationality(f))
FROM (VALUES
	-- CBP Citizenship
	('CHINA, PEOPLES REPUBLIC OF'), ('MYANMAR (BURMA)'), ('OTHER'),
	-- DHS OHSS
	('China, People''s Republic'), ('Congo, Democratic Republic'), ('Korea, South'),
	('Micronesia, Federated States'), ('Serbia and Montenegro (former)'), ('Unknown'),
	-- UNHCR display names
	('Iran (Islamic Rep. of)'), ('Dem. Rep. of the Congo'), ('Rep. of Korea'), ('Syrian Arab Rep.'),
	('United Rep. of Tanzania'), ('China, Hong Kong SAR'), ('Holy See'), ('Various'),
	('Various/Unknown'), ('Stateless'),
	-- Mexican and Panamanian tables
	('Rep. Dominicana'), ('Guyana Francesa'), ('República Bolivariana de Venezuela'),
	('otros países'), ('Otros países'), ('otras nacionalidades'), ('haitianos'), ('indostanes'),
	-- CLDR's names and alternates, in four languages
	('Congo (DRC)'), ('Ivory Coast'), ('Côte d’Ivoire'), ('Czech Republic'), ('Swaziland'),
	('Suazilandia'), ('Timor Oriental'), ('Corée du Sud'), ('Coreia do Norte'), ('Birmania'),
	('RAE de Hong Kong (China)'), ('República Democrática do Congo'), ('Congo (République)')
) AS t(f);

-- without a source, what means different things stays NULL: Korea is two
-- countries, a regional subtotal is no nationality
SELECT f, parse_nationality(f) FROM (VALUES ('Korea'), ('Corea'), ('Virgin Islands'),
	('Antillas'), ('América del Sur'), ('Tibet')) AS t(f);
-- ... and codes are read as the nationality type reads them, as in 0.1:
-- ISO 3166 and ICAO; a publisher's codes need the source
SELECT f, parse_nationality(f) AS no_source, parse_nationality(f, 'unhcr') AS unhcr,
       parse_nationality(f, 'unhcr_iso') AS unhcr_iso, parse_nationality(f, 'iso') AS iso
FROM (VALUES ('AUS'), ('ARE'), ('MAR'), ('ANT'), ('TMP'), ('UNK'), ('UKN'), ('XXX'), ('XXA'),
	('STA'), ('VAR'), ('KOS'), ('TIB'), ('ALG'), ('AUT'), ('aus'), (' AUS ')) AS t(f);

-- the residual categories: values of their own, no country, no place
SELECT n, nationality_kind(n), country_name(n), country_name(n, 'es'), country_name(n, 'fr'),
       country_name(n, 'pt'), alpha2(n), iso_numeric(n), m49_region(n), is_rcm_member(n),
       unhcr_code(n)
FROM unnest('{ZZO,ZZV,ZZZ,XXA}'::nationality[]) AS n;
SELECT 'zzo'::nationality, array_agg(n ORDER BY n) AS sorted_last
FROM unnest('{ZZZ,HND,ZZO,XXA,ZZV,ZWE}'::nationality[]) AS n;
SELECT place('ZZO'::nationality);
SELECT kind, count(*) FROM nationalities() WHERE kind IN ('other', 'unknown', 'various') GROUP BY 1 ORDER BY 1;

-- with a source: that publisher's forms exactly as it prints them
SELECT s, f, parse_nationality(f, s) FROM (VALUES
	('cbp', 'OTHER'), ('cbp', 'CHINA, PEOPLES REPUBLIC OF'), ('cbp', 'MEXICO'),
	('ohss', 'Unknown'), ('ohss', 'Korea, North'), ('ohss', 'Congo, Republic'),
	('unhcr', 'Unknown'), ('unhcr', 'Various'), ('unhcr', 'Congo'), ('unhcr', 'Türkiye'),
	('comar', 'otros países'), ('comar', 'Haití'),
	('snm', 'otras nacionalidades'), ('snm', 'Antillas'), ('snm', 'venezolanos'),
	('upm', 'Guyana Francesa'), ('iso', 'Korea, Republic of'), ('iso', '076')) AS t(s, f);
-- named notation, NULL source = no source, NULL text = NULL, any case of source
SELECT parse_nationality('AUS', source => 'unhcr'), parse_nationality('AUS', NULL),
       parse_nationality(NULL, 'unhcr'), parse_nationality('AUS', ' UNHCR ');
-- a source's codes are its own: ISO codes are not UNHCR codes
SELECT parse_nationality('AUT', 'unhcr') AS aut, parse_nationality('AT', 'unhcr') AS at,
       parse_nationality('MEX', 'cbp') AS mex_cbp;
-- an unknown source is an error, not NULL
SELECT parse_nationality('Mexico', 'inegi');
SELECT test.sqlstate($$SELECT parse_nationality('Mexico', 'nope')$$);

-- nationality_from: the strict form says why
SELECT nationality_from('AUS', 'unhcr'), nationality_from('CHINA, PEOPLES REPUBLIC OF'),
       nationality_from('Otros países', 'comar'), nationality_from(NULL);
SELECT nationality_from('AUS');
SELECT nationality_from('UNK');
SELECT nationality_from('XXX');
SELECT nationality_from('ALG');
SELECT nationality_from('Korea');
SELECT nationality_from('Antillas', 'snm');
SELECT nationality_from('TIB', 'unhcr');
SELECT nationality_from('AUT', 'unhcr');
SELECT nationality_from('Narnia', 'cbp');
SELECT nationality_from('Narnia');
SELECT nationality_from('x', 'nope');
SELECT left(v, 12) AS v, test.sqlstate(format('SELECT nationality_from(%L)', v))
FROM (VALUES ('AUS'), ('Korea'), ('Narnia'), (''), ('   '), (repeat('x', 2000)), (E'\\xff')) AS t(v);

-- UNHCR's codes: every row of the committed table (tools/publishers/)
-- reads both ways
\set unhcr `grep -v '^#' tools/publishers/unhcr_countries.tsv`
CREATE TEMP TABLE unhcr AS
SELECT f[1] AS code, f[2] AS target, f[3] AS iso_column, f[4] AS name
FROM unnest(string_to_array(:'unhcr', E'\n')) WITH ORDINALITY AS l(line, i)
CROSS JOIN LATERAL (SELECT string_to_array(line, E'\t') AS f) s
WHERE i > 1 AND line <> '';
SELECT count(*) AS codes,
       count(*) FILTER (WHERE code <> target) AS differ_from_iso,
       count(*) FILTER (WHERE target ~ '^[A-Z]{3}$'
                        AND from_unhcr_code(code) = target::nationality
                        AND unhcr_code(target::nationality) = code) AS round_trip,
       count(*) FILTER (WHERE target ~ '^[A-Z]{3}$' AND parse_nationality(code, 'unhcr') = target::nationality) AS parsed,
       count(*) FILTER (WHERE target ~ '^[A-Z]{3}$' AND parse_nationality(name, 'unhcr') = target::nationality) AS by_name,
       count(*) FILTER (WHERE target ~ '^[A-Z]{3}$' AND parse_nationality(iso_column, 'unhcr_iso') = target::nationality) AS by_iso_column
FROM unhcr;
SELECT code, target, from_unhcr_code(code), parse_nationality(iso_column, 'unhcr_iso') AS from_iso_column
FROM unhcr WHERE target !~ '^[A-Z]{3}$' AND target <> 'none' ORDER BY 1;
-- the five codes that are another entity's ISO code
SELECT u.code, from_unhcr_code(u.code) AS unhcr_meaning, n.nationality AS iso_meaning,
       n.name AS iso_name, n.kind
FROM unhcr u JOIN nationalities() n ON n.nationality::text = u.code
WHERE u.target <> u.code ORDER BY 1;
SELECT from_unhcr_code('UNK') AS data_table_unk, from_unhcr_code('tmp'), unhcr_code('XKX'), unhcr_code('USA');
SELECT from_unhcr_code('TIB');
SELECT from_unhcr_code('AUT');
SELECT from_unhcr_code('Austria');

-- nationality_crosswalk: every form of every source reads back as the
-- crosswalk says, with its source
SELECT source, count(*) AS forms,
       count(*) FILTER (WHERE parse_nationality(form, source) IS NOT DISTINCT FROM nationality) AS reads_back,
       count(*) FILTER (WHERE nationality IS NULL) AS no_nationality,
       count(*) FILTER (WHERE elsewhere IS NOT NULL) AS differ_elsewhere,
       string_agg(DISTINCT verified, ',' ORDER BY verified) AS verified
FROM nationality_crosswalk() GROUP BY source ORDER BY source;
SELECT form, nationality, elsewhere FROM nationality_crosswalk('unhcr')
WHERE form IN ('AUS', 'ARE', 'MAR', 'ANT', 'TMP', 'UNK') ORDER BY form;
SELECT form, nationality, note FROM nationality_crosswalk('snm') WHERE nationality IS NULL ORDER BY form;
SELECT count(*) = (SELECT count(*) FROM nationality_crosswalk('cbp')) AS cbp_only
FROM nationality_crosswalk() WHERE source = 'cbp';
-- the crosswalk as an analyst uses it: a load's rows that do not map
SELECT c.citizenship, x.nationality, x.verified
FROM (VALUES ('HONDURAS'), ('OTHER'), ('MYANMAR (BURMA)'), ('ATLANTIS')) AS c(citizenship)
LEFT JOIN nationality_crosswalk('cbp') x ON x.form = c.citizenship ORDER BY 1;

-- places: INEGI's state codes and INEC Panama's province numbers
SELECT f, place_from(f, 'inegi') FROM (VALUES ('07'), ('7'), (' 09 '), ('Chiapas'),
	('Ciudad de México'), ('Distrito Federal'), ('MICHOACAN DE OCAMPO'), ('32')) AS t(f);
SELECT f, place_from(f, 'inec_pa'), place_name(place_from(f, 'inec_pa')) FROM (VALUES ('5'), ('05'), ('10'),
	('11'), ('12'), ('13'), ('Darién'), ('Comarca Kuna Yala'), ('Guna Yala'), ('Panamá Oeste')) AS t(f);
SELECT source, count(*) AS forms,
       count(*) FILTER (WHERE place_from(form, source) = place) AS reads_back,
       count(*) FILTER (WHERE place <@ (CASE source WHEN 'inegi' THEN 'MX' ELSE 'PA' END)::place) AS within
FROM place_crosswalk() GROUP BY source ORDER BY source;
SELECT place_from('33', 'inegi');
SELECT place_from('14', 'inec_pa');
SELECT place_from('PA-10', 'inec_pa');
SELECT place_from('07', 'inec');
SELECT place_from(NULL, 'inegi'), place_from('07', NULL);

-- IMMUTABLE and PARALLEL SAFE: usable in an index and a parallel plan
CREATE TEMP TABLE raw_rows (citizenship text);
INSERT INTO raw_rows SELECT (ARRAY['HONDURAS', 'OTHER', 'MYANMAR (BURMA)', 'CHINA, PEOPLES REPUBLIC OF'])[1 + g % 4]
FROM generate_series(1, 2000) g;
CREATE INDEX ON raw_rows ((parse_nationality(citizenship, 'cbp')));
SELECT parse_nationality(citizenship, 'cbp') AS n, count(*) FROM raw_rows GROUP BY 1 ORDER BY 1;
