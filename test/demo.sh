#!/usr/bin/env bash
# The demo: installs what is missing, builds, installs, starts a throwaway
# cluster, creates the extension and shows its types at work with the
# queries of examples/, then stops and removes the cluster.
source "$(dirname "$0")/lib.sh"

mr_setup
mr_start
psql -X -q -c "CREATE EXTENSION migrec"
echo
echo "migrec $(psql -X -At -c "SELECT extversion FROM pg_extension WHERE extname = 'migrec'") is installed. The tour (examples/types_tour.sql):"
echo
psql -X -e -f "$MR_TOP/examples/types_tour.sql"
echo
echo "A typo gets an error with a hint:"
psql -X -e -c "SELECT 'HNX'::nationality" 2>&1 || true
echo
mr_log "done; the cluster is removed"
