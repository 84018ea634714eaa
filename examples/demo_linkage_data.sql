-- demo_linkage_data.sql: the two agencies' registers of people, for the
-- report's linkage section (read by demo_data.sql, with its draws and its
-- temporary tables of people, stops and cases):
--
--   darien_registrations  Panama's registry of entries from the Darién: one
--                         row per person of the journeys, with the names,
--                         sex and birth date the registrar wrote
--   claim_register        Mexico's register of asylum claims: one row per
--                         claim (case_events' case), names as COMAR wrote
--                         them; its sex and birth date are the claimants
--                         table's (demo_data.sql), and a linked claimant's
--                         row in claimants takes the register's
--   demo_linkage_truth    which claims Darién entrants lodged: what the
--                         synthetic data know and no agency does, to
--                         measure the linkage's error
--
-- Who claims: a Darién entrant whose journey reaches Chiapas lodges a claim
-- there with a chance by nationality (Haitians, Cubans and Venezuelans more
-- often), one to ten days after arriving; the claim is the earliest of the
-- same nationality lodged in Chiapas from that day on, within three weeks,
-- that no one else took.  Mexico writes that person's names and birth date
-- as registers differ: typos, a second surname or given name dropped,
-- surnames swapped, day and month transposed, accents lost, a nickname,
-- upper case; up to three of these.
--
-- Every draw is pg_temp.draw(stream, key [, sub]) of demo_data.sql, in
-- streams of their own: identity.* (key: the person or the case, with the
-- sub-key 1 for Panama's people and 2 for Mexico's claimants),
-- person.claims, person.claim_day (person_id), claim.corruptions,
-- claim.kind, claim.where, claim.letter (case_id, step).

\ir demo_names.sql

-- name group of a nationality
CREATE TEMP TABLE demo_name_group (nationality nationality PRIMARY KEY, grp text, style text);
INSERT INTO demo_name_group VALUES
	('HND', 'es', 'spanish'), ('GTM', 'es', 'spanish'), ('SLV', 'es', 'spanish'), ('NIC', 'es', 'spanish'),
	('CUB', 'es', 'spanish'), ('VEN', 'es', 'spanish'), ('COL', 'es', 'spanish'), ('ECU', 'es', 'spanish'),
	('CHL', 'es', 'spanish'), ('XXA', 'es', 'spanish'),
	('HTI', 'fr', 'single'), ('SEN', 'fr', 'single'), ('CMR', 'fr', 'single'), ('COD', 'fr', 'single'),
	('BRA', 'pt', 'portuguese'), ('AGO', 'pt', 'portuguese'),
	('GHA', 'gh', 'single'), ('IND', 'in', 'single'), ('BGD', 'in', 'single'), ('NPL', 'in', 'single'),
	('UZB', 'uz', 'single');
CREATE TEMP TABLE demo_name_count AS SELECT grp, kind, sex, count(*)::int AS n FROM demo_names GROUP BY 1, 2, 3;
ANALYZE demo_names;

-- Identities, set-based: the draws of each person (key: the person, side 1
-- for Panama's people; the case, side 2 for Mexico's other claimants), then
-- each name the one of its list at rank n u^2 (more often one of the first
-- ranks: the lists have no frequencies, this gives them a Zipf-like skew).
CREATE TEMP TABLE demo_identity_draws AS
SELECT d.key, d.side, d.grp, d.style, d.sex, d.known_birth, d.u_given2, d.u_particle, d.u_age,
       floor(cg.n * d.u_given * d.u_given)::int AS r_given1,
       floor(cg.n * d.u_given3 * d.u_given3)::int AS r_given2,
       floor(cs.n * d.u_family1 * d.u_family1)::int AS r_family1,
       floor(cs.n * d.u_family2 * d.u_family2)::int AS r_family2
FROM (SELECT k.key, k.side, coalesce(g.grp, 'es') AS grp, coalesce(g.style, 'spanish') AS style, cl.birth_date AS known_birth, u.*
      FROM (SELECT person_id AS key, 1 AS side, nationality FROM demo_people
            UNION ALL
            SELECT c.case_id, 2, c.nationality FROM demo_cases c) k
      LEFT JOIN demo_name_group g USING (nationality)
      -- a claimant's recorded sex where it is F or M (names are drawn by it)
      LEFT JOIN claimants cl ON k.side = 2 AND cl.case_id = k.key,
           LATERAL (SELECT CASE WHEN cl.sex IN ('F', 'M') THEN cl.sex::text
                                WHEN pg_temp.draw('identity.sex', k.key, 100 * k.side) < 0.5 THEN 'F' ELSE 'M' END AS sex,
                           pg_temp.draw('identity.given', k.key, 100 * k.side) AS u_given,
                           pg_temp.draw('identity.given2', k.key, 100 * k.side) AS u_given2,
                           pg_temp.draw('identity.given3', k.key, 100 * k.side) AS u_given3,
                           pg_temp.draw('identity.family1', k.key, 100 * k.side) AS u_family1,
                           pg_temp.draw('identity.family2', k.key, 100 * k.side) AS u_family2,
                           pg_temp.draw('identity.particle', k.key, 100 * k.side) AS u_particle,
                           pg_temp.draw('identity.age', k.key, 100 * k.side) AS u_age
                    OFFSET 0) u
      OFFSET 0) d
JOIN demo_name_count cg ON cg.grp = d.grp AND cg.kind = 'given' AND cg.sex = d.sex
JOIN demo_name_count cs ON cs.grp = d.grp AND cs.kind = 'surname' AND cs.sex = '';
ANALYZE demo_identity_draws;
CREATE TEMP TABLE demo_identities AS
SELECT i.key, i.side,
       CASE i.style
         WHEN 'spanish' THEN f1.name || ' ' || f2.name
         WHEN 'portuguese' THEN f1.name || CASE WHEN i.u_particle < 0.2 THEN ' da ' WHEN i.u_particle < 0.35 THEN ' dos ' ELSE ' ' END || f2.name
         ELSE f1.name END AS family_names,
       CASE WHEN i.style = 'single' AND i.grp = 'fr' AND i.u_given2 < 0.25 THEN CASE i.sex WHEN 'F' THEN 'Marie ' ELSE 'Jean ' END || g1.name
            WHEN i.style <> 'single' AND i.u_given2 < 0.4 AND g2.name <> g1.name THEN g1.name || ' ' || g2.name
            ELSE g1.name END AS given_names,
       i.sex,
       -- a claimant's recorded birth date; else ages 0 to 17 for one in five,
       -- 18 to 62 for the others (integer days: exact everywhere)
       coalesce(i.known_birth, date '2021-01-01' - CASE WHEN i.u_age < 0.2 THEN floor(i.u_age / 0.2 * 18 * 365)::int
                                ELSE 18 * 365 + floor((i.u_age - 0.2) / 0.8 * 45 * 365)::int END) AS birth
FROM demo_identity_draws i
JOIN demo_names g1 ON g1.grp = i.grp AND g1.kind = 'given' AND g1.sex = i.sex AND g1.rank = i.r_given1
JOIN demo_names g2 ON g2.grp = i.grp AND g2.kind = 'given' AND g2.sex = i.sex AND g2.rank = i.r_given2
JOIN demo_names f1 ON f1.grp = i.grp AND f1.kind = 'surname' AND f1.sex = '' AND f1.rank = i.r_family1
JOIN demo_names f2 ON f2.grp = i.grp AND f2.kind = 'surname' AND f2.sex = '' AND f2.rank = i.r_family2;

CREATE TABLE darien_registrations AS
SELECT p.person_id AS reg_id, p.entered, p.start, p.nationality, i.family_names, i.given_names, i.sex, i.birth
FROM demo_people p JOIN demo_identities i ON i.key = p.person_id AND i.side = 1
ORDER BY p.person_id;

-- who lodged which claim
CREATE TEMP TABLE demo_claimers AS
SELECT s.person_id, s.nationality, s.day + 1 + floor(pg_temp.draw('person.claim_day', s.person_id) * 10)::int AS day
FROM demo_stop_dates s
WHERE s.k = 8                                        -- arrived in Chiapas
  AND pg_temp.draw('person.claims', s.person_id) < CASE WHEN s.nationality IN ('HTI', 'CUB', 'VEN') THEN 0.6 ELSE 0.3 END;
CREATE TEMP TABLE demo_open_claims AS
SELECT case_id, nationality, lodged::date AS day FROM demo_cases WHERE office = 'MX-CHP';
CREATE TABLE demo_linkage_truth (reg_id bigint, case_id bigint);
-- Claimers in order of their day; each takes the earliest claim not yet
-- taken from that day on.  Days only grow, so a claim passed over is never
-- wanted again: one pointer per nationality walks its claims in order.
DO $$
DECLARE
	n nationality;
	ids bigint[];
	days date[];
	i int;
	p record;
BEGIN
	FOR n IN SELECT DISTINCT nationality FROM demo_claimers ORDER BY 1 LOOP
		SELECT array_agg(case_id ORDER BY day, case_id), array_agg(day ORDER BY day, case_id) INTO ids, days
		FROM demo_open_claims WHERE nationality = n;
		i := 1;
		FOR p IN SELECT person_id, day FROM demo_claimers WHERE nationality = n ORDER BY day, person_id LOOP
			WHILE i <= coalesce(cardinality(ids), 0) AND days[i] < p.day LOOP
				i := i + 1;
			END LOOP;
			IF i <= coalesce(cardinality(ids), 0) AND days[i] < p.day + 21 THEN
				INSERT INTO demo_linkage_truth VALUES (p.person_id, ids[i]);
				i := i + 1;
			END IF;
		END LOOP;
	END LOOP;
END $$;

-- a record as another registrar writes it: up to three corruptions
CREATE FUNCTION pg_temp.demo_rewrite(key bigint, INOUT family_names text, INOUT given_names text, INOUT birth date)
LANGUAGE plpgsql STABLE AS $$
DECLARE
	u float8 := pg_temp.draw('claim.corruptions', key);
	n int := CASE WHEN u < 0.35 THEN 0 WHEN u < 0.75 THEN 1 WHEN u < 0.95 THEN 2 ELSE 3 END;
	kind float8;
	w float8;
	word text;
	pos int;
	nick text;
	demo_unaccent_from constant text := 'áéíóúàèìòùâêîôûãõäëïöüçñÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛÃÕÄËÏÖÜÇÑabcdefghijklmnopqrstuvwxyz';
	demo_unaccent_to constant text := 'AEIOUAEIOUAEIOUAOAEIOUCNAEIOUAEIOUAEIOUAOAEIOUCNABCDEFGHIJKLMNOPQRSTUVWXYZ';
BEGIN
	FOR step IN 1 .. n LOOP
		kind := pg_temp.draw('claim.kind', key, step);
		w := pg_temp.draw('claim.where', key, step);
		IF kind < 0.3 THEN
			-- a typo: one letter of one name replaced
			IF w < 0.5 THEN word := family_names; ELSE word := given_names; END IF;
			pos := 2 + floor(pg_temp.draw('claim.letter', key, step) * (length(word) - 1))::int;
			word := overlay(word PLACING substr('aeionrsl', 1 + floor(w * 16)::int % 8, 1) FROM pos FOR 1);
			IF w < 0.5 THEN family_names := word; ELSE given_names := word; END IF;
		ELSIF kind < 0.45 AND family_names LIKE '% %' THEN
			family_names := split_part(family_names, ' ', 1);          -- the second surname dropped
		ELSIF kind < 0.55 AND family_names ~ '^[^ ]+ [^ ]+$' THEN
			family_names := split_part(family_names, ' ', 2) || ' ' || split_part(family_names, ' ', 1);
		ELSIF kind < 0.65 AND extract(day FROM birth) <= 12 THEN
			birth := make_date(extract(year FROM birth)::int, extract(day FROM birth)::int, extract(month FROM birth)::int);
		ELSIF kind < 0.8 THEN
			-- accents lost and upper case, as forms without them write (ASCII
			-- letters only: upper() of other letters depends on the locale)
			family_names := translate(family_names, demo_unaccent_from, demo_unaccent_to);
			given_names := translate(given_names, demo_unaccent_from, demo_unaccent_to);
		ELSIF kind < 0.9 AND given_names LIKE '% %' THEN
			given_names := split_part(given_names, ' ', 1);             -- the second given name dropped
		ELSE
			SELECT min(nickname COLLATE "C") INTO nick FROM demo_nicknames WHERE given = split_part(given_names, ' ', 1);
			IF nick IS NOT NULL THEN
				given_names := nick;
			END IF;
		END IF;
	END LOOP;
END $$;

CREATE TABLE claim_register AS
SELECT c.case_id, c.nationality, i.family_names, i.given_names, i.sex, i.birth
FROM demo_cases c
LEFT JOIN demo_linkage_truth t USING (case_id)
LEFT JOIN darien_registrations r USING (reg_id)
LEFT JOIN demo_identities n ON n.key = c.case_id AND n.side = 2
CROSS JOIN LATERAL (
	SELECT w.family_names, w.given_names, r.sex, w.birth
	FROM pg_temp.demo_rewrite(c.case_id, r.family_names, r.given_names, r.birth) w
	WHERE r.reg_id IS NOT NULL
	UNION ALL
	SELECT n.family_names, n.given_names, n.sex, n.birth
	WHERE r.reg_id IS NULL) i
ORDER BY c.case_id;

-- A linked claimant is the Darién entrant: Mexico's claimants table holds
-- the sex and birth date its register wrote for that person.
UPDATE claimants c SET sex = r.sex::sex, birth_date = r.birth
FROM claim_register r, demo_linkage_truth t
WHERE r.case_id = c.case_id AND t.case_id = c.case_id;
-- stored in case order again, whatever order the update's plan wrote
CLUSTER claimants USING claimants_pkey;

ANALYZE darien_registrations;
ANALYZE claim_register;
ANALYZE claimants;
ANALYZE demo_linkage_truth;
DROP FUNCTION pg_temp.demo_rewrite(bigint, text, text, date);
DROP TABLE demo_names, demo_nicknames, demo_name_group, demo_name_count, demo_identity_draws, demo_identities,
	demo_claimers, demo_open_claims;
