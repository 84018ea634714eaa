/*
 * names.c: fmgr wrappers of names_io.c: normalize_name(), linkage_name().
 */
#include "linkage.h"

#include "utils/builtins.h"

static text *
normalized(text *name, mr_name_form form, const char *what)
{
	char		out[MR_NAME_BUFSIZE];

	if (!mr_name_arg(name, form, what, out))
		return NULL;
	return cstring_to_text(out);
}

/* normalize_name(name): NULL when no letter is left */
PG_FUNCTION_INFO_V1(normalize_name);
Datum
normalize_name(PG_FUNCTION_ARGS)
{
	text	   *t = normalized(PG_GETARG_TEXT_PP(0), MR_NAME_PLAIN, "name");

	if (t == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(t);
}

/* linkage_name(name, role): what person_key and clk hash for the name */
PG_FUNCTION_INFO_V1(linkage_name);
Datum
linkage_name(PG_FUNCTION_ARGS)
{
	text	   *role = PG_GETARG_TEXT_PP(1);
	char	   *r = text_to_cstring(role);
	mr_name_form form;
	text	   *t;

	if (pg_strcasecmp(r, "family") == 0)
		form = MR_NAME_FAMILY;
	else if (pg_strcasecmp(r, "given") == 0)
		form = MR_NAME_GIVEN;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid name role: \"%s\"", r),
				 errhint("The role is family or given.")));
	t = normalized(PG_GETARG_TEXT_PP(0), form, form == MR_NAME_FAMILY ? "family name" : "given name");
	if (t == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(t);
}
