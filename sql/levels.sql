-- Decision levels and pending stocks from timelines: decisions(),
-- decision_level(), is_pending(), pending_level(), on hand-checked cases.

CREATE TEMP TABLE cases (id text, nationality nationality, h protection_history);
INSERT INTO cases VALUES
-- A: rejected, appealed, rejected again: one first-instance and one appeal rejection
('A', 'HND', '{claim_lodged@2021-01-04T00:00:00Z, admitted@2021-01-10T00:00:00Z, rejected@2021-03-01T00:00:00Z, under_appeal@2021-03-10T00:00:00Z, rejected_final@2021-06-01T00:00:00Z}'),
-- B: recognized at first instance
('B', 'HND', '{claim_lodged@2021-01-05T00:00:00Z, admitted@2021-01-08T00:00:00Z, interviewed@2021-02-01T00:00:00Z, recognized_refugee@2021-04-01T00:00:00Z}'),
-- C: rejected, not appealed, final: one decision, not two
('C', 'HND', '{claim_lodged@2021-02-01T00:00:00Z, rejected@2021-04-01T00:00:00Z, rejected_final@2021-05-01T00:00:00Z}'),
-- D: inadmissible (first instance, otherwise closed), admitted on appeal (no
--    decision on the merits), complementary protection at first instance,
--    appealed, recognized on appeal
('D', 'HTI', '{claim_lodged@2021-01-04T00:00:00Z, inadmissible@2021-01-20T00:00:00Z, under_appeal@2021-01-25T00:00:00Z, admitted@2021-02-15T00:00:00Z, interviewed@2021-03-01T00:00:00Z, complementary_protection@2021-04-01T00:00:00Z, under_appeal@2021-04-10T00:00:00Z, recognized_refugee@2021-07-01T00:00:00Z}'),
-- E: abandoned, a new claim, withdrawn: two first-instance closures
('E', 'CUB', '{claim_lodged@2021-01-04T00:00:00Z, abandoned@2021-02-01T00:00:00Z, claim_lodged@2021-03-01T00:00:00Z, withdrawn@2021-03-15T00:00:00Z}'),
-- F: expelled without a claim: never pending, no decision
('F', 'CUB', '{encountered@2021-01-04T00:00:00Z, expelled@2021-01-05T00:00:00Z}'),
-- G: empty
('G', 'CUB', '{}');

SELECT c.id, d.status, d.level, d.at FROM cases c, decisions(c.h) d ORDER BY c.id, d.at;

-- Per nationality and level (by hand: HND first instance 1 recognized, 2
-- rejected; HND appeal 1 rejected; HTI first instance 1 complementary, 1
-- otherwise closed; HTI appeal 1 recognized; CUB first instance 2 closed)
SELECT c.nationality, d.level, recognition_rate(d.status), decision_counts(d.status)
FROM cases c, decisions(c.h) d GROUP BY 1, 2 ORDER BY 1, 2;

SELECT id, decision_level(h, '2021-01-01') AS jan1, decision_level(h, '2021-03-05') AS mar5,
	decision_level(h, '2021-06-15') AS jun15, decision_level(h, 'infinity') AS last
FROM cases ORDER BY id;

-- Pending at a date, and at which level (UNHCR's stock of asylum-seekers)
SELECT id, is_pending(h, '2021-01-04') AS jan4, pending_level(h, '2021-01-04') AS jan4_level,
	pending_level(h, '2021-03-05') AS mar5, pending_level(h, '2021-04-20') AS apr20,
	is_pending(h, '2021-12-31') AS dec31, is_pending(h, '-infinity') AS minus_inf
FROM cases ORDER BY id;
SELECT d::date, count(*) FILTER (WHERE is_pending(h, d)) AS pending,
	count(*) FILTER (WHERE pending_level(h, d) = 'first_instance') AS first_instance,
	count(*) FILTER (WHERE pending_level(h, d) = 'appeal') AS appeal
FROM cases, generate_series(timestamptz '2021-01-01', '2021-07-01', '1 month') d GROUP BY d ORDER BY d;

-- The level is an enum: ordered, and NULL in gives NULL out
SELECT 'first_instance'::procedure_level < 'appeal'::procedure_level AS ordered,
	enum_range(NULL::procedure_level),
	decision_level(NULL, now()) IS NULL AS strict1, pending_level('{}', NULL) IS NULL AS strict2;
