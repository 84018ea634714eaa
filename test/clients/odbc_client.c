/*
 * odbc_client.c: migrec through psqlODBC (Debian's odbc-postgresql) and
 * unixODBC, the way spreadsheet and BI tools reach it (Excel, Power BI,
 * Tableau).  Prints TAP.
 *
 *   odbc_client CONNSTR report SQLFILE OUTFILE
 *       run the statements of SQLFILE (psql's backslash lines removed) in
 *       one session, every value fetched as SQL_C_CHAR, and write each row
 *       as psql -At -F'|' prints it
 *   odbc_client CONNSTR types
 *       every migrec type read as text, what the driver reports as its
 *       column type, a long value in full, parameters of migrec types bound
 *       as text
 *
 * CONNSTR is a driver connection string (no DSN file is needed):
 * Driver=/usr/lib/x86_64-linux-gnu/odbc/psqlodbcw.so;Servername=...;...
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sql.h>
#include <sqlext.h>

static int	ntests = 0,
			nfailed = 0;

static void
ok(int cond, const char *fmt, const char *a, const char *b)
{
	ntests++;
	if (!cond)
		nfailed++;
	printf("%s %d - ", cond ? "ok" : "not ok", ntests);
	printf(fmt, a ? a : "", b ? b : "");
	printf("\n");
}

/* The first diagnostic record of a handle: "SQLSTATE message". */
static const char *
diag(SQLSMALLINT type, SQLHANDLE h)
{
	static char out[1024];
	SQLCHAR		state[6] = "",
				msg[900] = "";
	SQLINTEGER	native;
	SQLSMALLINT len;

	if (!SQL_SUCCEEDED(SQLGetDiagRec(type, h, 1, state, &native, msg, sizeof(msg), &len)))
		return "(no diagnostic)";
	msg[strcspn((char *) msg, "\n")] = '\0';
	snprintf(out, sizeof(out), "%s %s", state, msg);
	return out;
}

static SQLHENV env;
static SQLHDBC dbc;

static void
connect_or_die(const char *connstr)
{
	SQLCHAR		out[1024];
	SQLSMALLINT outlen;

	SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
	SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (void *) SQL_OV_ODBC3, 0);
	SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc);
	if (!SQL_SUCCEEDED(SQLDriverConnect(dbc, NULL, (SQLCHAR *) connstr, SQL_NTS, out, sizeof(out),
										&outlen, SQL_DRIVER_NOPROMPT)))
	{
		printf("not ok 1 - connect: %s\n1..1\n", diag(SQL_HANDLE_DBC, dbc));
		exit(1);
	}
}

/* Column c of the current row as text (NULL as ""), any length; malloc'd. */
static char *
get_text(SQLHSTMT st, SQLUSMALLINT c, int *is_null)
{
	size_t		cap = 256,
				len = 0;
	char	   *buf = malloc(cap);

	*is_null = 0;
	for (;;)
	{
		SQLLEN		ind;
		SQLRETURN	rc = SQLGetData(st, c, SQL_C_CHAR, buf + len, cap - len, &ind);

		if (rc == SQL_NO_DATA)
			break;
		if (!SQL_SUCCEEDED(rc))
		{
			fprintf(stderr, "SQLGetData: %s\n", diag(SQL_HANDLE_STMT, st));
			break;
		}
		if (ind == SQL_NULL_DATA)
		{
			*is_null = 1;
			break;
		}
		if (rc == SQL_SUCCESS)
		{
			len += strlen(buf + len);
			break;
		}
		/* SQL_SUCCESS_WITH_INFO, 01004: truncated; fetch the rest */
		len += strlen(buf + len);
		cap *= 2;
		buf = realloc(buf, cap);
	}
	buf[len] = '\0';
	return buf;
}

/* Run one statement; its rows, '|'-separated, to out (if not NULL). */
static int
run(const char *sql, FILE *out, int *rows)
{
	SQLHSTMT	st;
	SQLSMALLINT ncols = 0;
	SQLRETURN	rc;

	SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
	rc = SQLExecDirect(st, (SQLCHAR *) sql, SQL_NTS);
	if (!SQL_SUCCEEDED(rc) && rc != SQL_NO_DATA)
	{
		fprintf(stderr, "SQLExecDirect: %s\n  in: %.200s\n", diag(SQL_HANDLE_STMT, st), sql);
		SQLFreeHandle(SQL_HANDLE_STMT, st);
		return 0;
	}
	SQLNumResultCols(st, &ncols);
	while (ncols > 0 && SQL_SUCCEEDED(SQLFetch(st)))
	{
		for (SQLUSMALLINT c = 1; c <= ncols; c++)
		{
			int			is_null;
			char	   *v = get_text(st, c, &is_null);

			if (out)
				fprintf(out, "%s%s", c > 1 ? "|" : "", v);
			free(v);
		}
		if (out)
			fputc('\n', out);
		(*rows)++;
	}
	SQLFreeHandle(SQL_HANDLE_STMT, st);
	return 1;
}

static char *
read_file(const char *path)
{
	FILE	   *f = fopen(path, "rb");
	long		n;
	char	   *s;

	if (f == NULL)
	{
		perror(path);
		exit(2);
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	s = malloc(n + 1);
	if (fread(s, 1, n, f) != (size_t) n)
		exit(2);
	s[n] = '\0';
	fclose(f);
	return s;
}

/* The statements of a file, split as test/clients/node/report.mjs splits them. */
static int
report(const char *sqlfile, const char *outfile)
{
	char	   *sql = read_file(sqlfile);
	FILE	   *out = fopen(outfile, "w");
	char	   *p = sql;
	int			statements = 0,
				failed = 0,
				rows = 0;

	while (*p)
	{
		char	   *end = p;
		char	   *q;
		int			blank = 1;

		/* a statement ends with ';' followed by blanks and a newline */
		for (;;)
		{
			end = strchr(end, ';');
			if (end == NULL)
				break;
			q = end + 1;
			while (*q == ' ' || *q == '\t' || *q == '\r')
				q++;
			if (*q == '\n' || *q == '\0')
				break;
			end++;
		}
		if (end)
			*end = '\0';
		/* skip what is only comments and blanks */
		for (q = p; *q; q++)
		{
			if (*q == '-' && q[1] == '-')
			{
				while (*q && *q != '\n')
					q++;
				if (!*q)
					break;
			}
			else if (*q != ' ' && *q != '\n' && *q != '\t' && *q != '\r')
			{
				blank = 0;
				break;
			}
		}
		if (!blank)
		{
			statements++;
			if (!run(p, out, &rows))
				failed++;
		}
		if (end == NULL)
			break;
		p = end + 1;
	}
	fclose(out);
	ok(failed == 0, "psqlODBC runs every statement of the report (%s)", failed ? "some failed" : "all ran", NULL);
	printf("# %d statements, %d rows\n", statements, rows);
	printf("1..%d\n", ntests);
	return nfailed ? 1 : 0;
}

/* What the driver says of the columns of a query, and its text values. */
static void
describe(const char *sql, int expect_type, const char *what)
{
	SQLHSTMT	st;
	SQLSMALLINT ncols = 0;

	SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
	if (!SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *) sql, SQL_NTS)))
	{
		ok(0, "describe: %s", diag(SQL_HANDLE_STMT, st), NULL);
		SQLFreeHandle(SQL_HANDLE_STMT, st);
		return;
	}
	SQLNumResultCols(st, &ncols);
	for (SQLUSMALLINT c = 1; c <= ncols; c++)
	{
		SQLCHAR		name[128],
					tname[128] = "";
		SQLSMALLINT nlen,
					type,
					digits,
					nullable,
					tlen;
		SQLULEN		size;
		char		line[512];

		SQLDescribeCol(st, c, name, sizeof(name), &nlen, &type, &size, &digits, &nullable);
		SQLColAttribute(st, c, SQL_DESC_TYPE_NAME, tname, sizeof(tname), &tlen, NULL);
		snprintf(line, sizeof(line), "SQL type %d, size %lu, type name '%s'", (int) type,
				 (unsigned long) size, (char *) tname);
		/* psqlODBC knows the built-in types only: every migrec type is "unknown" */
		ok(type == expect_type && strcmp((char *) tname, "unknown") == 0,
		   "%s is described as %s", what, line);
	}
	SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* What SQLColumns (a tool browsing a table) says of a table's columns. */
static void
catalog(const char *table, int expect_type, const char *mode)
{
	SQLHSTMT	st;
	int			n = 0;

	SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
	if (!SQL_SUCCEEDED(SQLColumns(st, NULL, 0, NULL, 0, (SQLCHAR *) table, SQL_NTS, NULL, 0)))
	{
		ok(0, "SQLColumns: %s", diag(SQL_HANDLE_STMT, st), NULL);
		SQLFreeHandle(SQL_HANDLE_STMT, st);
		return;
	}
	while (SQL_SUCCEEDED(SQLFetch(st)))
	{
		SQLCHAR		col[128] = "",
					tname[128] = "";
		SQLSMALLINT type = 0;
		SQLINTEGER	size = 0;
		SQLLEN		ind;
		char		line[512],
					what[256];

		SQLGetData(st, 4, SQL_C_CHAR, col, sizeof(col), &ind);
		SQLGetData(st, 5, SQL_C_SSHORT, &type, 0, &ind);
		SQLGetData(st, 6, SQL_C_CHAR, tname, sizeof(tname), &ind);
		SQLGetData(st, 7, SQL_C_SLONG, &size, 0, &ind);
		snprintf(line, sizeof(line), "DATA_TYPE %d, TYPE_NAME '%s', COLUMN_SIZE %d", (int) type,
				 (char *) tname, (int) size);
		snprintf(what, sizeof(what), "SQLColumns on %s.%s (%s)", table, (char *) col, mode);
		/* browsing a table, the driver names the type (it reads pg_type) */
		ok(type == expect_type &&
		   strcmp((char *) tname, strcmp((char *) col, "n") == 0 ? "nationality" :
				  strcmp((char *) col, "p") == 0 ? "place" : "protection_status") == 0,
		   "%s: %s", what, line);
		n++;
	}
	SQLFreeHandle(SQL_HANDLE_STMT, st);
	{
		char		cols[16];

		snprintf(cols, sizeof(cols), "%d", n);
		ok(n == 3, "SQLColumns lists the %s columns of a table of migrec types%s", cols, "");
	}
}

/* One value of a query, as text. */
static char *
value(const char *sql)
{
	SQLHSTMT	st;
	char	   *v = NULL;
	int			is_null;

	SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
	if (SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *) sql, SQL_NTS)) && SQL_SUCCEEDED(SQLFetch(st)))
		v = get_text(st, 1, &is_null);
	else
		fprintf(stderr, "%s: %s\n", sql, diag(SQL_HANDLE_STMT, st));
	SQLFreeHandle(SQL_HANDLE_STMT, st);
	return v;
}

/* A statement with text parameters (SQL_C_CHAR bound as SQL_VARCHAR): its first value, or NULL with the error in err. */
static char *
with_params(const char *sql, const char *const *params, int n, char *err, size_t errsize)
{
	SQLHSTMT	st;
	SQLLEN		ind[8];
	char	   *v = NULL;
	int			is_null;
	SQLRETURN	rc;

	SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
	err[0] = '\0';
	for (int i = 0; i < n; i++)
	{
		ind[i] = SQL_NTS;
		SQLBindParameter(st, i + 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, strlen(params[i]), 0,
						 (SQLPOINTER) params[i], 0, &ind[i]);
	}
	rc = SQLExecDirect(st, (SQLCHAR *) sql, SQL_NTS);
	if (SQL_SUCCEEDED(rc))
	{
		SQLSMALLINT ncols = 0;

		SQLNumResultCols(st, &ncols);
		if (ncols == 0)
			v = strdup("(no result)");
		else if (SQL_SUCCEEDED(SQLFetch(st)))
			v = get_text(st, 1, &is_null);
	}
	else
		snprintf(err, errsize, "%s", diag(SQL_HANDLE_STMT, st));
	SQLFreeHandle(SQL_HANDLE_STMT, st);
	return v;
}

static int
types(int longvarchar)
{
	/* every migrec type: a literal, and its text form as psql prints it */
	static const char *const samples[][3] = {
		{"nationality", "'hn'", "HND"},
		{"place", "'mx tap'", "MX TAP"},
		{"protection_status", "'ADMITTED'", "admitted"},
		{"protection_history", "'{claim_lodged@2021-06-03 09:00-06}'", "{claim_lodged@2021-06-03T15:00:00Z}"},
		{"decision_tally", "'(recognized=1,complementary=0,rejected=2,otherwise_closed=3)'",
		"(recognized=1,complementary=0,rejected=2,otherwise_closed=3)"},
		{"route_segment", "'CO NCI->PA-5[2021-08-01,]'", "CO NCI -> PA-5 [2021-08-01,]"},
		{"route", "'{CO NCI -> PA-5, PA-5 -> CR PBS}'", "{CO NCI -> PA-5, PA-5 -> CR PBS}"},
		{"transit_profile", "'{ 3:1 , >730:2 }'", "{3:1, >730:2}"},
		{"flow_series", "'2021-06-01 { 1, 2 }'", "2021-06-01 {1,2}"},
	};
	const int	expect = longvarchar ? SQL_LONGVARCHAR : SQL_VARCHAR;
	const char *mode = longvarchar ? "UnknownsAsLongVarchar=1" : "default options";
	char		sql[512],
				what[128],
				err[1024];

	for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++)
	{
		char	   *v;

		snprintf(sql, sizeof(sql), "SELECT %s::%s AS %s", samples[i][1], samples[i][0], samples[i][0]);
		v = value(sql);
		snprintf(what, sizeof(what), "%s (%s)", samples[i][0], mode);
		ok(v && strcmp(v, samples[i][2]) == 0, "%s reads as its text form: %s", what, v ? v : "(error)");
		describe(sql, expect, what);
		free(v);
	}

	catalog("odbc_types", expect, mode);

	/* the workaround for a tool that trusts the described size: ::text */
	{
		SQLHSTMT	st;
		SQLCHAR		name[64];
		SQLSMALLINT nlen,
					type = 0,
					digits,
					nullable;
		SQLULEN		size = 0;
		char		line[128];

		SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
		SQLExecDirect(st, (SQLCHAR *) "SELECT 'hn'::nationality::text AS n", SQL_NTS);
		SQLDescribeCol(st, 1, name, sizeof(name), &nlen, &type, &size, &digits, &nullable);
		SQLFreeHandle(SQL_HANDLE_STMT, st);
		snprintf(line, sizeof(line), "SQL type %d, size %lu", (int) type, (unsigned long) size);
		ok(type == SQL_LONGVARCHAR && size > 255, "a migrec value cast to text is described as %s (%s)", line, mode);
	}

	/* a value longer than psqlODBC's default MaxVarcharSize (255) comes in full */
	{
		char	   *v = value("SELECT (SELECT protection_history(s, t) FROM (VALUES "
							  "('encountered'::protection_status, '2021-06-01'::timestamptz), "
							  "('claim_lodged', '2021-06-02'), ('admitted', '2021-06-20'), "
							  "('interviewed', '2021-07-15'), ('rejected', '2021-08-30'), "
							  "('under_appeal', '2021-09-10'), ('recognized_refugee', '2021-12-01'), "
							  "('resettled', '2022-03-01')) e(s, t))::text");
		char	   *w = value("SELECT protection_history(s, t) FROM (VALUES "
							  "('encountered'::protection_status, '2021-06-01'::timestamptz), "
							  "('claim_lodged', '2021-06-02'), ('admitted', '2021-06-20'), "
							  "('interviewed', '2021-07-15'), ('rejected', '2021-08-30'), "
							  "('under_appeal', '2021-09-10'), ('recognized_refugee', '2021-12-01'), "
							  "('resettled', '2022-03-01')) e(s, t)");
		char		len[32];

		snprintf(len, sizeof(len), "%zu", w ? strlen(w) : 0);
		ok(v && w && strlen(w) > 255 && strcmp(v, w) == 0,
		   "a %s-character protection_history is read in full (%s)", len, mode);
		free(v);
		free(w);
	}

	/* parameters of migrec types, bound as text */
	{
		const char *hnd[] = {"HND"};
		const char *row[] = {"HTI", "MX-CHP", "claim_lodged"};
		const char *src[] = {"CHINA, PEOPLES REPUBLIC OF", "cbp"};
		char	   *v;

		v = with_params("SELECT count(*) FROM odbc_types WHERE n = ?", hnd, 1, err, sizeof(err));
		ok(v && strcmp(v, "1") == 0, "a text parameter compared with a nationality column (%s)%s",
		   mode, v ? "" : err);
		free(v);
		v = with_params("SELECT country_name(?::nationality, 'es')", (const char *[]) {"HTI"}, 1, err, sizeof(err));
		ok(v && strcmp(v, "Haití") == 0, "a text parameter cast to nationality (%s)%s", mode, v ? "" : err);
		free(v);
		v = with_params("INSERT INTO odbc_types (n, p, s) VALUES (?, ?, ?)", row, 3, err, sizeof(err));
		ok(v != NULL, "text parameters inserted into nationality, place and protection_status columns (%s)%s",
		   mode, v ? "" : err);
		free(v);
		v = with_params("SELECT parse_nationality(?, ?)", src, 2, err, sizeof(err));
		ok(v && strcmp(v, "CHN") == 0, "parse_nationality with text parameters (%s)%s", mode, v ? "" : err);
		free(v);
	}
	return 0;
}

int
main(int argc, char **argv)
{
	setlocale(LC_ALL, "C.UTF-8");
	if (argc < 3)
	{
		fprintf(stderr, "usage: odbc_client CONNSTR report SQLFILE OUTFILE | types\n");
		return 2;
	}
	connect_or_die(argv[1]);
	if (strcmp(argv[2], "report") == 0 && argc == 5)
		return report(argv[3], argv[4]);
	if (strcmp(argv[2], "types") == 0)
	{
		int			rows = 0;

		run("DROP TABLE IF EXISTS odbc_types", NULL, &rows);
		run("CREATE TABLE odbc_types (n nationality, p place, s protection_status)", NULL, &rows);
		run("INSERT INTO odbc_types VALUES ('HND', 'MX-CHP', 'admitted')", NULL, &rows);
		types(strstr(argv[1], "UnknownsAsLongVarchar=1") != NULL);
		run("DROP TABLE odbc_types", NULL, &rows);
		printf("1..%d\n", ntests);
		return nfailed ? 1 : 0;
	}
	fprintf(stderr, "usage: odbc_client CONNSTR report SQLFILE OUTFILE | types\n");
	return 2;
}
