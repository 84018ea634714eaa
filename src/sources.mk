# The C sources of migrec: the one list that the server build (Makefile),
# the unit tests (test/unit) and the fuzzers (test/fuzz) read.  Paths are
# relative to src/.

# Plain C, no PostgreSQL headers: code tables, parsers, formatters and
# validators, so that unit tests and fuzzers call them without a server.
MR_PLAIN_SOURCES = codes.c codes_data.c status_data.c scan.c datetime_io.c \
	nationality_io.c place_io.c protection_status_io.c decision_tally_io.c calendar_io.c calendar_data.c \
	level_tally_io.c \
	route_io.c transit_profile_io.c flow_series_io.c forecast_core.c \
	crosswalk_data.c crosswalk_io.c \
	age_band_io.c sex_io.c accompaniment_io.c encounter_io.c \
	demography_io.c repeat_tally_io.c \
	names_io.c names_data.c linkage_io.c blake2b_io.c clkhash_io.c

# The server's side: fmgr wrappers, aggregates, operators.
MR_SERVER_SOURCES = migrec.c aggkit.c nationality.c place.c protection_status.c \
	decision_tally.c protection_history.c route_segment.c route.c \
	transit_profile.c flow_series.c forecast.c sdc.c crosswalk.c calendar.c table_cache.c procedure.c deadlines.c \
	level_tally.c period.c \
	age_band.c sex.c accompaniment.c encounter.c demography.c \
	repeat_tally.c \
	names.c linkage_hmac.c person_key.c clk.c linkage.c clkhash.c
