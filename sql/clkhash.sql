-- clkhash_clk: the same CLKs as Data61's clkhash.  clkhash publishes no
-- test vectors; the CLKs it printed in its API tutorial
-- (docs/tutorial_api.ipynb, cell output hashed_data_a[0], for the first
-- record of FEBRL4 data set A) are reproduced here bit for bit: one made with
-- blakeHash and bitsPerFeature (commit 05eb431a, two secrets, clkhash 0.14),
-- one with doubleHash and bitsPerToken and an HKDF salt and info (commit
-- 58abd563, schema version 1 with k = 20), both written as version 3
-- schemas.  Then vectors of this release for clkhash 0.15 and later (one
-- secret), from the schema example of clkhash's docs/schema.rst: not
-- printed by clkhash, but the same from an independent reimplementation
-- (docs/linkage.md).  doubleHash needs HMAC-SHA-1 and HMAC-MD5, which
-- PostgreSQL has from 14 on: on 13 those checks expect the error 0A000.

CREATE TEMP TABLE febrl AS SELECT '{rec-1070-org,michaela,neumann,8,"stanley street",miami,"winston hills",4223,nsw,19151111,5304218}'::text[] AS rec;
-- the notebooks' features: (name, n, positional, bits) in order
CREATE FUNCTION pg_temp.notebook_schema(hash text, strategy text, kdf jsonb, bits int[]) RETURNS jsonb
LANGUAGE sql AS $$
SELECT jsonb_build_object('version', 3,
  'clkConfig', jsonb_build_object('l', 1024, 'kdf', kdf),
  'features', jsonb_build_array(jsonb_build_object('identifier', 'rec_id', 'ignored', true))
    || (SELECT jsonb_agg(jsonb_build_object('identifier', f.name,
          'hashing', jsonb_build_object('comparison', jsonb_build_object('type', 'ngram', 'n', f.n, 'positional', f.pos),
                                        'strategy', jsonb_build_object(strategy, bits[f.i]),
                                        'hash', jsonb_build_object('type', hash))) ORDER BY f.i)
        FROM (VALUES (1, 'given_name', 2, false), (2, 'surname', 2, false), (3, 'street_number', 1, true),
                     (4, 'address_1', 2, false), (5, 'address_2', 2, false), (6, 'suburb', 2, false),
                     (7, 'postcode', 1, true), (8, 'state', 2, false), (9, 'date_of_birth', 1, true)) AS f(i, name, n, pos))
    || jsonb_build_array(jsonb_build_object('identifier', 'soc_sec_id', 'ignored', true)))
$$;
CREATE FUNCTION pg_temp.b64(bytea) RETURNS text LANGUAGE sql AS $$SELECT replace(encode($1, 'base64'), E'\n', '')$$;
-- the result, or the error code when doubleHash is not available (13)
CREATE FUNCTION pg_temp.check_vector(schema jsonb, secrets text[], rec text[], expected text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
	RETURN CASE WHEN pg_temp.b64(clkhash_clk(schema, secrets, rec)) = expected THEN 'same' ELSE 'different' END;
EXCEPTION WHEN feature_not_supported THEN
	RETURN CASE WHEN current_setting('server_version_num')::int < 140000 THEN 'same' ELSE 'not supported' END;
END $$;

-- tutorial_api.ipynb @ 05eb431a: blakeHash, bitsPerFeature, no salt
SELECT pg_temp.check_vector(pg_temp.notebook_schema('blakeHash', 'bitsPerFeature', '{"type": "HKDF", "hash": "SHA256", "keySize": 64}',
         '{200,200,100,100,100,100,100,100,200}'), '{key1,key2}', rec,
       'wTmf3/rPF3Pj/85fORXpee/9+v3/1o9714/7d/bW+G7+9N3Cij///a1//nr/9/cZn/BT9+kWnl9203/eOtvM4G4s3e8lX+7X+f0kXez7XbOfevz7/r6wvN99Mncp367yPeZW3uMYv9Evf9/sPuOq3+p79t6/qn/v7O5e/Jurvr8=') AS blakehash_notebook
FROM febrl;
-- tutorial_api.ipynb @ 58abd563: doubleHash, bitsPerToken (k = 20 x weight), salt and info
SELECT pg_temp.check_vector(pg_temp.notebook_schema('doubleHash', 'bitsPerToken',
         '{"type": "HKDF", "hash": "SHA256", "keySize": 64, "salt": "SCbL2zHNnmsckfzchsNkZY9XoHk96P/G5nUBrM7ybymlEFsMV6PAeDZCNp3rfNUPCtLDMOGQHG4pCQpfhiHCyA==", "info": "c2NoZW1hX2V4YW1wbGU="}',
         '{20,20,10,10,10,10,10,10,20}'), '{key1,key2}', rec,
       'BD8JWW7DzwP82PjV5/jbN40+bT3V4z7V+QBtHYcdF32WpPvDvHUdLXCX3tuV1/4rv+23v9R1fKmJcmoNi7OvoecRLMnHzqv9J5SfT15VXe7KPht9d49zRt73+l3Tfs+Web8kx32vSdo+SfnlHqKbn11V6w9zFm3kb07e67MX7tw=') AS doublehash_notebook
FROM febrl;
-- an imported clkhash CLK compares with another in migrec
SELECT popcount(clk_import(clkhash_clk(pg_temp.notebook_schema('blakeHash', 'bitsPerFeature', '{"type": "HKDF", "hash": "SHA256", "keySize": 64}',
         '{200,200,100,100,100,100,100,100,200}'), '{key1,key2}', rec))) FROM febrl;

-- clkhash 0.15 and later: one secret; the schema example of docs/schema.rst
CREATE FUNCTION pg_temp.v3_schema(hash text) RETURNS jsonb LANGUAGE sql AS $$
SELECT jsonb_build_object('version', 3,
  'clkConfig', jsonb_build_object('l', 1024, 'kdf', jsonb_build_object('type', 'HKDF', 'hash', 'SHA256',
     'salt', 'SCbL2zHNnmsckfzchsNkZY9XoHk96P/G5nUBrM7ybymlEFsMV6PAeDZCNp3rfNUPCtLDMOGQHG4pCQpfhiHCyA==', 'info', '', 'keySize', 64)),
  'features', jsonb_build_array(
    jsonb_build_object('identifier', 'INDEX', 'ignored', true),
    jsonb_build_object('identifier', 'NAME freetext', 'format', jsonb_build_object('type', 'string', 'encoding', 'utf-8'),
      'hashing', jsonb_build_object('comparison', jsonb_build_object('type', 'ngram', 'n', 2), 'strategy', jsonb_build_object('bitsPerFeature', 100), 'hash', jsonb_build_object('type', hash))),
    jsonb_build_object('identifier', 'DOB YYYY/MM/DD', 'format', jsonb_build_object('type', 'date', 'format', '%Y/%m/%d'),
      'hashing', jsonb_build_object('comparison', jsonb_build_object('type', 'ngram', 'n', 1, 'positional', true), 'strategy', jsonb_build_object('bitsPerFeature', 200), 'hash', jsonb_build_object('type', hash))),
    jsonb_build_object('identifier', 'GENDER M or F', 'format', jsonb_build_object('type', 'enum', 'values', jsonb_build_array('M', 'F')),
      'hashing', jsonb_build_object('comparison', jsonb_build_object('type', 'ngram', 'n', 1), 'strategy', jsonb_build_object('bitsPerFeature', 400), 'hash', jsonb_build_object('type', hash)))))
$$;
SELECT hash, rec[2] AS name, pg_temp.check_vector(pg_temp.v3_schema(hash), '{secret}', rec, expected) AS result
FROM (VALUES
  ('doubleHash', '{"0","Libby Slemmer","1933/09/13","F"}'::text[], 'qrqqj6KtoqmuK6oqqqLK473+uKp7uqqqqviquKq7iquqo6zrauoqqrKKoqjuKKs6q6qKs7yrKq6uiqKLo6iqeOuqiq6+oqi7KK46yqqesryqqKo+qjqq46imuO7qii6Lo6rnqOoqiuqOouyiqqsqiiqK8qqzrPqqqiuu5qij6ao='),
  ('doubleHash', '{"1","Garold Staten","1928/11/23","M"}'::text[], '1Vfc3VV9F1R1RVR3w19VUV1nVPVV3FVRfV1UVVVUX0FcNVHdRXLV5dTdYV1VUV0VdVfF3B1xXRdwVdd3VUFddXVdNXRXZVwVU98d3HWNdn3nfx/Xfb1zfcd0XUNdvX1dL3RVTXxVU101UVVFVldB/R/7XQVUVV1dF8N9NVFVrVQ='),
  ('doubleHash', '{"2","Yaritza Edman","1972/11/30","F"}'::text[], 'K5oqjqattqyqK6ouiuPa46rruqs7iqaKouyvKKo6i6aao6mqaOuqj7KboumuKO66i6KqoqirKK5umuObo6zqKPo6qqKbqqqqLqo636uO47un67vvnv7r6+qyqOoqii6qquujqq4qi3qvpumi/a86iivq4qi3qPoqyqrOqqiiqLo='),
  ('doubleHash', '{"3","José María Pérez Nuñez","1990/02/01","M"}'::text[], 'XV9UtXnVHVlVTVR15VXVU11VfXVXdFXRVV1RXUVUf//UF1vVXXB1x9TVcVWVUVcVdVXldJ17VTfxV0dVdWN9HVNVB1RVdXQ1U3/VclUHVN1tXF9XV5VUdU90VXN1N3VVLVT9RVwVU3U1clVNfFdLVTfxVaX+3VVdVUPVNdN1DXw='),
  ('blakeHash', '{"0","Libby Slemmer","1933/09/13","F"}'::text[], 'RudXvYP7hQMpW+k/jCYAG+umHAHEfWOBHfok6oya57xwKrbT/Rg3pkKYwiCRC/Zc6sSFlaBjZy+VAtZm+KAOQZvCp9A992wHe3rBKj3jozyk4k9TtMqIRq+USxv7ypqoY06il7O87Yv0ZGp2DDSBl2i0z/8qSCA9EIE+m+76LUg='),
  ('blakeHash', '{"1","Garold Staten","1928/11/23","M"}'::text[], 'C0FkpRh5drdMIniSec4PqSXuOgZM99v8fnsAL6Ea6p7wmCbFHW4PcYytwyAyiFE8wvYh140ZTggvyhyNuzS3o5mvi1ua7PBFlnjivPUHPwwIo4yk3sd/dU5/GSpoCT7iEtcrtSpjOJws2BdbbXIRAG6O/q4I9NlREajamtPaMuQ='),
  ('blakeHash', '{"2","Yaritza Edman","1972/11/30","F"}'::text[], 'TrVXvZvrBWEgYugyRS7UC8tjPgHE/GOgEeosabSTZ5xAaJTS3Bg2p0KgwiCRA+4cztStzCdzZz+3CsYu3yctcxsKp+A8d2wuX/rBCh3iv44ooN6brPq6Rqv8T3s7wjI8a64hl6ccz4k07vpyBSQhk2iA7984UihNNJi7suy6LGI='),
  ('blakeHash', '{"3","José María Pérez Nuñez","1990/02/01","M"}'::text[], 'C8F1swg59bdMu+CWPOYOgWXogiZM75fcfF0YH6Xy4r/Q2CLEfUYt1IylAwC62EEUBzcJ1syZ1hgv4rxPufi+o5irv1u6bNDJklBguNEHG44I64xu3uddUx5dKSpInT7zMt8vNaLGuJok2K7bQXIbkE8G+s6OfNBUgaFOGhH6kOY=')
) AS t(hash, rec, expected);

-- what the schema says is honoured: a missing value replaced, xorFolds,
-- an exact comparison, a second secret
SELECT popcount(clk_import(clkhash_clk(s, '{secret}', '{0,"N/A",1990/02/01,F}'))) AS sentinel_replaced,
       popcount(clk_import(clkhash_clk(s, '{secret}', '{0,"",1990/02/01,F}'))) AS empty_value
FROM (SELECT jsonb_set(pg_temp.v3_schema('blakeHash'), '{features,1,hashing,missingValue}', '{"sentinel": "N/A", "replaceWith": ""}') s) x;
SELECT length(clkhash_clk(jsonb_set(pg_temp.v3_schema('blakeHash'), '{clkConfig,xorFolds}', '1'), '{secret}', '{0,Ana,1990/02/01,F}')) AS folded_bytes;
SELECT pg_temp.b64(clkhash_clk(jsonb_set(pg_temp.v3_schema('blakeHash'), '{features,3,hashing,comparison}', '{"type": "exact"}'), '{secret}', '{0,Ana,1990/02/01,F}'))
     = pg_temp.b64(clkhash_clk(jsonb_set(pg_temp.v3_schema('blakeHash'), '{features,3,hashing,comparison}', '{"type": "ngram", "n": 1}'), '{secret}', '{0,Ana,1990/02/01,F}'))
  AS exact_like_unigram_of_one_letter;
SELECT clkhash_clk(pg_temp.v3_schema('blakeHash'), '{secret}', '{0,Ana,1990/02/01,F}')
     = clkhash_clk(pg_temp.v3_schema('blakeHash'), '{secret,other}', '{0,Ana,1990/02/01,F}') AS same_with_two_secrets;

-- errors
SELECT clkhash_clk('{"version": 2}', '{secret}', '{a}');
SELECT clkhash_clk(pg_temp.v3_schema('blakeHash'), '{secret}', '{0,Ana,F}');
SELECT clkhash_clk(pg_temp.v3_schema('blakeHash'), '{secret}', '{0,Ana,01/02/1990,F}');
SELECT clkhash_clk(jsonb_set(pg_temp.v3_schema('blakeHash'), '{clkConfig,l}', '1000'), '{secret}', '{0,Ana,1990/02/01,F}');
SELECT clkhash_clk(jsonb_set(pg_temp.v3_schema('blakeHash'), '{features,1,hashing,comparison}', '{"type": "numeric"}'), '{secret}', '{0,Ana,1990/02/01,F}');
SELECT clkhash_clk(jsonb_set(pg_temp.v3_schema('blakeHash'), '{clkConfig,kdf,hash}', '"SHA512"'), '{secret}', '{0,Ana,1990/02/01,F}');
SELECT clkhash_clk(pg_temp.v3_schema('blakeHash'), '{a,b,c}', '{0,Ana,1990/02/01,F}');
SELECT test.sqlstate($$SELECT clkhash_clk('{"version": 3}', '{secret}', '{a}')$$),
       test.sqlstate($$SELECT clkhash_clk('{"version": 3, "clkConfig": {"l": 1024, "kdf": {}}, "features": [{"hashing": 1}]}', '{secret}', '{a}')$$),
       test.sqlstate($$SELECT clkhash_clk('{"version": 3, "clkConfig": {"l": 1024, "kdf": {"salt": "***"}}, "features": [{"ignored": true}]}', '{secret}', '{a}')$$);

