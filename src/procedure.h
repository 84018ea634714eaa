/*
 * procedure.h: the SQL enum procedure_level seen from C (procedure.c), for
 * the functions and aggregates that take or return a level.
 */
#ifndef MIGREC_PROCEDURE_H
#define MIGREC_PROCEDURE_H

#include "migrec.h"

#include "protection_status_io.h"

/* The enum's type and the OID of each level's label (index: mr_level). */
typedef struct MrLevelOids
{
	Oid			typid;
	Oid			label[MR_NLEVELS];
} MrLevelOids;

/* Looks the enum up in the schema of function fn_oid (the extension's). */
extern void mr_level_oids_lookup(Oid fn_oid, MrLevelOids *lo);

/* The same, kept in fcinfo->flinfo->fn_extra (not for set-returning functions). */
extern const MrLevelOids *mr_level_oids(FunctionCallInfo fcinfo);

/* The level of an enum value. */
extern mr_level mr_level_of_oid(const MrLevelOids *lo, Oid label);

#endif
