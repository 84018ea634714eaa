-- sex and accompaniment: the vocabularies, their publishers' categories,
-- text and binary forms, order, errors.

-- sex: ICAO's F, M, X (also '<', the MRZ filler), unknown
SELECT s, sex_label(s), sex_label(s, 'es') AS label_es
FROM unnest('{F,m,X,UNK}'::sex[]) s ORDER BY s;
SELECT 'female'::sex, ' Male '::sex, '<'::sex, 'unspecified'::sex, 'unknown'::sex, 'U'::sex, 'x'::sex;
SELECT 'W'::sex;
SELECT v, test.sqlstate(format('SELECT %L::sex', v))
FROM (VALUES (''), ('FM'), ('mujer'), ('F M'), ('<<'), ('0'), ('1')) AS t(v);
SELECT test.sqlstate($$SELECT sex_label('F', 'fr')$$), test.sqlstate($$SELECT sex_label('F', 'xx')$$);
-- parse_sex cleans what records hold, NULL for the rest
SELECT v, parse_sex(v)
FROM unnest('{Mujer,HOMBRE,h,Féminin,Homme,mulher,não especificado,Desconocido,<,sin dato,femmes,2,""}'::text[]) v;
SELECT parse_sex(NULL) IS NULL AS null_in_null_out;

-- accompaniment: the vocabulary and each publisher's category, for a child,
-- an adult and an unknown age: the grandmother case (with_relative) is
-- separated for UNHCR/UNICEF, UC for CBP, acompañado for UPM
SELECT a, accompaniment_label(a), accompaniment_label(a, 'es') AS label_es,
       child_category(a, 'unhcr:5-11') AS unhcr_child, cbp_group(a, 'unhcr:5-11') AS cbp_child,
       upm_condition(a, 'upm:0-11') AS upm_child,
       child_category(a, 'unhcr:18-59') AS unhcr_adult, cbp_group(a, 'eurostat:Y18-34') AS cbp_adult,
       cbp_group(a, 'child:unknown') AS cbp_age_unknown
FROM unnest('{alone,with_parent,with_relative,with_caregiver,with_child,unknown}'::accompaniment[]) a ORDER BY a;
SELECT child_category(NULL, 'child:0-17'), cbp_group(NULL, 'child:0-17'), cbp_group('alone', NULL),
       upm_condition(NULL, 'upm:12-17'), child_category('alone', NULL) IS NULL AS no_age,
       upm_condition('alone', 'upm:unknown') IS NULL AS unknown_age;
SELECT 'WITH_PARENT'::accompaniment, ' alone '::accompaniment;
SELECT 'with parent'::accompaniment;
SELECT v, test.sqlstate(format('SELECT %L::accompaniment', v))
FROM (VALUES (''), ('accompanied'), ('unaccompanied'), ('with_parents'), ('family')) AS t(v);

-- order, operators, indexes, hash partitions
SELECT array_agg(s ORDER BY s) AS sexes, (SELECT array_agg(a ORDER BY a DESC) FROM unnest('{unknown,alone,with_child,with_parent}'::accompaniment[]) a) AS acc
FROM unnest('{UNK,X,M,F}'::sex[]) s;
SELECT 'F'::sex < 'M', 'X'::sex < 'UNK', 'F'::sex = 'female', 'F'::sex <> 'M', 'M'::sex >= 'F', 'M'::sex <= 'M', 'UNK'::sex > 'X',
       'alone'::accompaniment < 'with_parent', 'unknown'::accompaniment > 'with_child';
CREATE TEMP TABLE travellers AS
  SELECT i, (ARRAY['F','M','X','UNK'])[1 + i % 4]::sex AS s,
         (ARRAY['alone','with_parent','with_relative','with_caregiver','with_child','unknown'])[1 + i % 6]::accompaniment AS a
  FROM generate_series(1, 6000) i;
ANALYZE travellers;
SELECT s, a, count(*) FROM travellers GROUP BY s, a ORDER BY s, a LIMIT 6;
SET enable_hashagg = off;
SELECT s, count(*) FROM travellers GROUP BY s ORDER BY s DESC;
RESET enable_hashagg;
CREATE INDEX travellers_s ON travellers (s);
CREATE INDEX travellers_a_hash ON travellers USING hash (a);
SET enable_seqscan = off; SET enable_bitmapscan = off;
SELECT count(*) FROM travellers WHERE s = 'X';
SELECT count(*) FROM travellers WHERE a = 'with_caregiver';
RESET enable_seqscan; RESET enable_bitmapscan;
CREATE TEMP TABLE by_sex (s sex) PARTITION BY HASH (s);
CREATE TEMP TABLE by_sex_0 PARTITION OF by_sex FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TEMP TABLE by_sex_1 PARTITION OF by_sex FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO by_sex SELECT unnest('{F,M,X,UNK}'::sex[]);
SELECT tableoid::regclass, array_agg(s ORDER BY s) FROM by_sex GROUP BY 1 ORDER BY 1;

-- text casts
SELECT 'M'::text::sex, ('X'::sex)::text, 'with_child'::text::accompaniment, ('unknown'::accompaniment)::text;

-- binary: exactly the valid bytes are read (22P03 for the others), send gives them back
CREATE TEMP TABLE sex_bin (s sex);
CREATE TEMP TABLE acc_bin (a accompaniment);
SELECT count(*) FILTER (WHERE test.copy_binary('sex_bin', set_byte('\x00'::bytea, 0, k)) = 'ok') AS sex_bytes,
       count(*) FILTER (WHERE test.copy_binary('acc_bin', set_byte('\x00'::bytea, 0, k)) = 'ok') AS acc_bytes
FROM generate_series(0, 255) k;
SELECT array_agg(s ORDER BY s), array_agg(sex_send(s) ORDER BY s) FROM sex_bin;
SELECT array_agg(a ORDER BY a), array_agg(accompaniment_send(a) ORDER BY a) FROM acc_bin;
SELECT test.copy_binary('sex_bin', '\x04'), test.copy_binary('acc_bin', '\x06'), test.copy_binary('acc_bin', '\x');
