/*
 * nls_shim.c: preloaded with the ASan runtime into the test server only.
 * Debian's postgres deadlocks at startup when an ASan runtime is preloaded:
 * glibc's bindtextdomain() lock, first taken in libgnutls' constructor, is
 * never released.  Message catalogs are not needed to run the tests (they
 * run with lc_messages = C), so binding them is made a no-op.
 */
char	   *bindtextdomain(const char *domain, const char *dir);
char	   *bind_textdomain_codeset(const char *domain, const char *codeset);

char *
bindtextdomain(const char *domain, const char *dir)
{
	(void) dir;
	return (char *) domain;
}

char *
bind_textdomain_codeset(const char *domain, const char *codeset)
{
	(void) domain;
	return (char *) codeset;
}
