# migrec: PGXS build.  `make && make install`, then `make installcheck`
# against a running server (test/run-tests.sh does all of it).
#   make WERROR=1        warnings are errors (the version matrix builds so)
#   make ASSERT=1        with the extension's Assert()s on, on any server

EXTENSION = migrec
MODULE_big = migrec
include src/sources.mk
OBJS = $(addprefix src/,$(MR_PLAIN_SOURCES:.c=.o) $(MR_SERVER_SOURCES:.c=.o))
PGFILEDESC = "migrec - migration records"

# The installed scripts are built from scripts/ for the server's major
# version (tools/build_sql.sh): migrec--0.1.sql is the released 0.1,
# migrec--0.1--0.2.sql the update, migrec--0.2.sql a fresh install.
DATA_built = migrec--0.1.sql migrec--0.1--0.2.sql migrec--0.2.sql
EXTRA_CLEAN = .pg-major

REGRESS = setup nationality place nationality_data crosswalk protection_status protection_history recognition_rate count_tables route forecast forecast_continued readable properties demo loaders labels calendar levels deadlines level_tally period security encodings age_band people encounter demography repeat_tally names person_key clk linkage clkhash
# Tests of features newer servers have, chosen by major version the way ip4r
# chooses them (REGRESS extended per version; MAJORVERSION comes from PGXS,
# read when the list is used): soft input errors (pg_input_is_valid) are 16+.
REGRESS_since_16 = soft_errors
REGRESS += $(if $(filter 13 14 15,$(MAJORVERSION)),,$(REGRESS_since_16))
REGRESS_OPTS = --inputdir=. --outputdir=test/regress

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)

# The server's headers as system headers, so that -Wextra speaks only of ours.
PG_CPPFLAGS = -Isrc -isystem $(shell $(PG_CONFIG) --includedir-server) $(if $(ASSERT),-DUSE_ASSERT_CHECKING)
PG_CFLAGS = -Wall -Wextra $(if $(WERROR),-Werror)
include $(PGXS)

# The forecasts' loops (convolutions, the ETS grid) are written to vectorise:
# -ftree-vectorize (part of -O2 only from GCC 12, and then for the cheapest
# loops) reorders no floating-point sum, so the results are the same.
src/forecast_core.o: CFLAGS += -ftree-vectorize

# PGXS tracks no header dependencies: a changed constant in a header must
# rebuild every object, not only the files touched since.
$(OBJS): $(wildcard src/*.h)

# Built again when a source changes, when one is added or removed (a
# removed file leaves every timestamp older: the stamp holds the list), or
# when PG_CONFIG names another major version than the last build's.
$(DATA_built) &: scripts/migrec--0.1.sql $(wildcard scripts/migrec--0.1--0.2/*.sql) tools/build_sql.sh .pg-major
	sh tools/build_sql.sh $(MAJORVERSION) .

.pg-major: FORCE
	@echo '$(MAJORVERSION) $(sort $(wildcard scripts/migrec--0.1--0.2/*.sql))' | cmp -s - $@ || \
		echo '$(MAJORVERSION) $(sort $(wildcard scripts/migrec--0.1--0.2/*.sql))' >$@
FORCE:

# The regression suite against an AddressSanitizer + UBSan build (test/sanitize.sh).
.PHONY: sanitize-check assert-check FORCE
sanitize-check:
	bash test/sanitize.sh

# The regression and hostile suites against an ASSERT=1 build (test/assert.sh).
assert-check:
	bash test/assert.sh
