-- Legal deadlines of the procedure per jurisdiction (issue 14), as data an
-- agency adds to, and overdue(): which deadline a case's timeline has let
-- pass at a time, counted on the jurisdiction's business-day calendar with
-- its suspensions.

CREATE TABLE @extschema@.procedure_deadlines (
	jurisdiction @extschema@.nationality NOT NULL,
	deadline pg_catalog.text NOT NULL,
	obliged pg_catalog.text NOT NULL,
	from_states @extschema@.protection_status[],
	running_states @extschema@.protection_status[],
	to_states @extschema@.protection_status[],
	length pg_catalog.int4 NOT NULL,
	unit pg_catalog.text NOT NULL,
	extension pg_catalog.int4,
	starts pg_catalog.text,
	citation pg_catalog.text NOT NULL,
	confidence pg_catalog.text NOT NULL,
	researched pg_catalog.bool NOT NULL DEFAULT false,
	PRIMARY KEY (jurisdiction, deadline),
	CHECK (obliged OPERATOR(pg_catalog.=) ANY (ARRAY['authority', 'applicant'])),
	CHECK (unit OPERATOR(pg_catalog.=) ANY (ARRAY['business_days', 'calendar_days', 'months', 'years'])),
	CHECK (length OPERATOR(pg_catalog.>) 0 AND length OPERATOR(pg_catalog.<=) 100000),
	CHECK (extension OPERATOR(pg_catalog.>=) 0 AND extension OPERATOR(pg_catalog.<=) 100000)
);
COMMENT ON TABLE @extschema@.procedure_deadlines IS
'legal deadlines of the protection procedure per jurisdiction: the clock starts when the case reaches one of from_states (NULL: at an event outside the timeline, such as entry into the country, so overdue() does not compute it), runs while it stays in from_states or running_states, and the deadline is met by reaching one of to_states';
COMMENT ON COLUMN @extschema@.procedure_deadlines.obliged IS
'who must act: authority (a decision term: past means a late decision) or applicant (past means the time to act has lapsed)';
COMMENT ON COLUMN @extschema@.procedure_deadlines.confidence IS
'sourced: the article text or a close paraphrase was seen; law-known: the standard citation, its text not retrieved (verify before relying on it)';
COMMENT ON COLUMN @extschema@.procedure_deadlines.researched IS
'true: a row shipped with the extension (its sources in citation and confidence); pg_dump keeps only the rows with false';

SELECT pg_catalog.pg_extension_config_dump(t.typrelid, 'WHERE NOT researched')
FROM pg_catalog.pg_type t
WHERE t.oid OPERATOR(pg_catalog.=) pg_catalog.pg_typeof(CAST(NULL AS @extschema@.procedure_deadlines));
GRANT SELECT ON @extschema@.procedure_deadlines TO PUBLIC;
GRANT INSERT, UPDATE, DELETE ON @extschema@.procedure_deadlines TO @extowner@;

-- The researched rows (issue 14's research notes, with their confidence).
INSERT INTO @extschema@.procedure_deadlines
	(jurisdiction, deadline, obliged, from_states, running_states, to_states, length, unit, extension, starts, citation, confidence, researched) VALUES
(CAST('MEX' AS @extschema@.nationality), 'lodge_claim', 'applicant', NULL, NULL,
 CAST('{claim_lodged}' AS @extschema@.protection_status[]), 30, 'business_days', NULL,
 'the business day after entering Mexico, or after it became materially possible to lodge; late claims admitted for causes beyond the applicant''s control',
 'LRPCAP art. 18 para. 1 (DOF 27-01-2011)', 'sourced', true),
(CAST('MEX' AS @extschema@.nationality), 'ratify_claim_by_representative', 'applicant', NULL, NULL,
 NULL, 3, 'business_days', NULL,
 'the day after a claim lodged by a representative or a third party; ratified in person',
 'Reglamento LRPCAP art. 20 para. 3; LRPCAP art. 11', 'sourced', true),
(CAST('MEX' AS @extschema@.nationality), 'first_instance_decision', 'authority',
 CAST('{claim_lodged}' AS @extschema@.protection_status[]), CAST('{admitted,interviewed}' AS @extschema@.protection_status[]),
 CAST('{recognized_refugee,recognized_cartagena,complementary_protection,rejected}' AS @extschema@.protection_status[]),
 45, 'business_days', 45,
 'the lodging of the claim (presentación de la solicitud); whether the article counts from lodging or admission is to verify',
 'LRPCAP art. 24 (DOF 27-01-2011)',
 'sourced-secondary: 45 business days extendable once by an equal period per CNDH Recomendación 38/2019 (El Mañana, Jul 2019); article text not retrieved', true),
(CAST('MEX' AS @extschema@.nationality), 'appeal_recurso_de_revision', 'applicant',
 CAST('{rejected,complementary_protection}' AS @extschema@.protection_status[]), NULL,
 CAST('{under_appeal}' AS @extschema@.protection_status[]), 15, 'business_days', NULL,
 'the notification of the decision (the timeline''s decision event)',
 'LRPCAP art. 25; LFPA art. 85 (supplementary law, LFPA art. 2)',
 'law-known: text of LRPCAP art. 25 not retrieved; the same 15-business-day term for cessation and revocation in LRPCAP art. 39 per a secondary summary', true),
(CAST('MEX' AS @extschema@.nationality), 'appeal_decision', 'authority',
 CAST('{under_appeal}' AS @extschema@.protection_status[]), NULL,
 CAST('{recognized_refugee,recognized_cartagena,complementary_protection,rejected_final}' AS @extschema@.protection_status[]),
 3, 'months', NULL, 'the lodging of the appeal; silence after the term is a negative decision (negativa ficta)',
 'LFPA art. 17 (3 months unless another law sets a term)', 'law-known: text not retrieved', true),
(CAST('PAN' AS @extschema@.nationality), 'lodge_claim', 'applicant', NULL, NULL,
 CAST('{claim_lodged}' AS @extschema@.protection_status[]), 6, 'months', NULL,
 'the business day after entering Panama',
 'Decreto Ejecutivo 5 of 16-01-2018, art. 30 (ONPAR, mingob.gob.pa/onpar/tramite-de-solicitud-de-refugio)', 'sourced', true),
(CAST('CRI' AS @extschema@.nationality), 'appeal_revocatoria_apelacion', 'applicant',
 CAST('{rejected,inadmissible}' AS @extschema@.protection_status[]), NULL,
 CAST('{under_appeal}' AS @extschema@.protection_status[]), 3, 'business_days', NULL,
 'the notification of the decision',
 'Ley General de Migración y Extranjería 8764 (ordinary remedies; Reglamento de Personas Refugiadas 36831-G art. 121 refers to LGME art. 221 inc. 4)',
 'sourced as the general DGME term (aipdcr.com); its application to refugee decisions to verify', true),
(CAST('USA' AS @extschema@.nationality), 'one_year_filing', 'applicant', NULL, NULL,
 CAST('{claim_lodged}' AS @extschema@.protection_status[]), 1, 'years', NULL,
 'the date of the last arrival in the United States; exceptions for changed or extraordinary circumstances (INA 208(a)(2)(D))',
 'INA 208(a)(2)(B), 8 U.S.C. 1158(a)(2)(B); 8 CFR 208.4(a)(2)', 'law-known: text not retrieved', true),
(CAST('USA' AS @extschema@.nationality), 'bia_appeal', 'applicant',
 CAST('{rejected}' AS @extschema@.protection_status[]), NULL,
 CAST('{under_appeal}' AS @extschema@.protection_status[]), 30, 'calendar_days', NULL,
 'the immigration judge''s decision', '8 CFR 1003.38(b)', 'law-known: text not retrieved', true);

CREATE FUNCTION @extschema@.overdue(@extschema@.protection_history, at pg_catalog.timestamptz,
	jurisdiction @extschema@.nationality,
	OUT deadline pg_catalog.text,
	OUT obliged pg_catalog.text,
	OUT started pg_catalog.date,
	OUT due pg_catalog.date,
	OUT overdue_by pg_catalog.int4,
	OUT unit pg_catalog.text,
	OUT due_extended pg_catalog.date,
	OUT past_extension pg_catalog.bool,
	OUT confidence pg_catalog.text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'procedure_overdue'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 1;
COMMENT ON FUNCTION @extschema@.overdue(@extschema@.protection_history, pg_catalog.timestamptz, @extschema@.nationality) IS
'the deadlines of procedure_deadlines that the case has let pass at a time in a jurisdiction: when its clock started, its last day, by how many business (or calendar) days it is past, and the last day with the extension the law allows; days in the session''s time zone, suspensions of procedure_suspensions skipped';
