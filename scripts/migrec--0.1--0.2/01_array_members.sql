-- The array type of decision_counts, like the other types' arrays, is a
-- member (0.1 missed it; from PostgreSQL 17 it joins by itself).
ALTER EXTENSION migrec ADD TYPE @extschema@.decision_counts[]; -- @pg<17
