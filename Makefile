# migrec: PGXS build.  `make && make install`, then `make installcheck`
# against a running server (test/run-tests.sh does all of it).

EXTENSION = migrec
MODULE_big = migrec
OBJS = src/migrec.o src/codes.o src/codes_data.o \
	src/nationality_io.o src/nationality.o \
	src/place_io.o src/place.o \
	src/datetime_io.o src/status_data.o src/protection_status_io.o src/protection_status.o \
	src/decision_tally_io.o src/decision_tally.o src/protection_history.o \
	src/route_io.o src/route_segment.o src/route.o \
	src/transit_profile_io.o src/transit_profile.o src/flow_series_io.o src/flow_series.o src/sdc.o
DATA = migrec--0.1.sql
PGFILEDESC = "migrec - migration records"

REGRESS = setup nationality place nationality_data protection_status protection_history recognition_rate route forecast demo labels security encodings
REGRESS_OPTS = --inputdir=. --outputdir=test/regress


PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)

# The server's headers as system headers, so that -Wextra speaks only of ours.
PG_CPPFLAGS = -Isrc -isystem $(shell $(PG_CONFIG) --includedir-server)
PG_CFLAGS = -Wall -Wextra
include $(PGXS)

# PGXS tracks no header dependencies: a changed constant in a header must
# rebuild every object, not only the files touched since.
$(OBJS): $(wildcard src/*.h)

# The regression suite against an AddressSanitizer + UBSan build (test/sanitize.sh).
.PHONY: sanitize-check
sanitize-check:
	bash test/sanitize.sh
