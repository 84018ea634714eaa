-- names: normalisation for record linkage (normalize_name, linkage_name).  The
-- plain-C details are unit-tested (test/unit); here the SQL
-- surface, the forms side by side, and the errors.

-- as documents write them: transliterated, upper case, particles and
-- agnomens dropped, apostrophes joined, hyphens and MRZ fillers as blanks
SELECT n, normalize_name(n)
FROM (VALUES ('José María  de la Peña-Núñez'), ('María de los Ángeles'), ('João da Silva Filho'),
             ('Jean-Baptiste'), ('O''Brien'), ('D''Ávila'), ('St-Fleur'), ('GARCIA<<LOPEZ<<JUAN'),
             ('Müller'), ('Gonçalves'), ('Михаил Горбачёв'), ('Ірина Шевчук'), ('Straße'),
             ('de la Cruz'), ('De La'), ('Ma. del Carmen'), ('-- ? --'), ('王秀英')) AS t(n);

-- what the keys hash: spellings of the region's languages folded, family
-- names in alphabetical order, nicknames with a written source as the
-- given name
SELECT n, linkage_name(n, 'family') AS family, linkage_name(n, 'given') AS given
FROM (VALUES ('García López'), ('López García'), ('LOPEZ GARCIA'), ('Sousa'), ('Souza'), ('Gonsalves'),
             ('Coelho'), ('Coello'), ('Hernández'), ('Ernandes'), ('Vargas Quispe'), ('Bargas Kispe'),
             ('Thiago'), ('Tiago'), ('Jhon'), ('John'), ('Wilner'), ('Vilner'), ('Ximena'), ('Jimena'),
             ('Joseph'), ('Josef'), ('Louis'), ('Luis'), ('Pepe'), ('José'), ('Juanjo'), ('Ma. Guadalupe'),
             ('Lupe'), ('Beto')) AS t(n);

-- the two agencies' spellings of one person agree
SELECT linkage_name('Ornelas Sarabia', 'family') = linkage_name('ORNELAZ-SARAVIA', 'family') AS family_agree,
       linkage_name('Daniel Marco', 'given') = linkage_name('Danyel Marco', 'given') AS given_agree,
       linkage_name('Juan José', 'given') = linkage_name('José Juan', 'given') AS given_order_matters;

-- (the sex words person_key and clk read: test/unit/test_linkage.c; the
-- sex type's parse_sex cleans a column: sql/people.sql)

-- NULL in, NULL out; no letter left is NULL too
SELECT normalize_name(NULL) IS NULL, linkage_name(NULL, 'family') IS NULL, linkage_name('Ana', NULL) IS NULL,
       normalize_name('123') IS NULL, linkage_name('H', 'given') IS NULL;

-- errors: a name too long for the keys is refused, not cut (54000), and the
-- message does not repeat the name; an unknown role (22023)
SELECT normalize_name(repeat('Abcdefghij ', 30));
SELECT linkage_name(repeat('a', 2000), 'family');
SELECT linkage_name('Ana', 'first');
SELECT test.sqlstate($$SELECT normalize_name(repeat('Abcdefghij ', 30))$$),
       test.sqlstate($$SELECT linkage_name('Ana', 'first')$$);

-- immutable, strict, parallel safe
SELECT proname, provolatile, proisstrict, proparallel FROM pg_proc
WHERE proname IN ('normalize_name', 'linkage_name') ORDER BY 1;
