#!/usr/bin/env bash
# test/demo_versions.sh: the demo's data and report are the same on every
# PostgreSQL version.  On the host's PostgreSQL (PG_CONFIG, migrec already
# installed there, as test/run-tests.sh leaves it) and in each chroot of
# test/matrix.sh's cache, it loads examples/demo_data.sql at each scale,
# prints examples/report.sql and a fingerprint of the tables (row counts and
# the md5 of every row, in key order and in stored order), and diffs each
# version's output against the host's.  The chroots are only read: each is
# seen through an overlay whose writable layer (the build, the install, the
# cluster) is a temporary folder removed at the end.
#
#   bash test/demo_versions.sh                     (as root, after test/matrix.sh)
#   MIGREC_MATRIX_VERSIONS="13 18" DEMO_SCALES=0.05 bash test/demo_versions.sh
#
# Environment: MIGREC_MATRIX_CACHE and MIGREC_MATRIX_VERSIONS as for
# test/matrix.sh; DEMO_SCALES (default "1 0.05").  Output: one "ok" or
# "not ok" line a version, with the head of the diff; the last line is
# "N passed, N failed".
source "$(dirname "$0")/lib.sh"

cache=${MIGREC_MATRIX_CACHE:-/var/cache/migrec-matrix}
versions=${MIGREC_MATRIX_VERSIONS:-13 17 18}
scales=${DEMO_SCALES:-1 0.05}
[ "$(id -u)" -eq 0 ] || { echo "test/demo_versions.sh needs root (chroot, mount)" >&2; exit 1; }

passed=0
failed=0
work=$(mktemp -d /tmp/migrec-demo-versions.XXXXXX)
chmod 755 "$work"
mounted=()
versions_cleanup() {
	local m
	for m in "${mounted[@]}"; do umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true; done
	rm -rf --one-file-system "$work"
}

# What the comparison reads: the fingerprint of the tables (times in UTC,
# whatever the server's TimeZone), then the report.
cat >"$work/fingerprint.sql" <<'EOF'
SET TimeZone = 'UTC';
SELECT 'case_events' AS rows_of, count(*),
       md5(string_agg(format('%s|%s|%s|%s|%s', case_id, nationality, office, status, at), E'\n' ORDER BY case_id, at, status)),
       md5(string_agg(format('%s|%s|%s|%s|%s', case_id, nationality, office, status, at), E'\n' ORDER BY ctid))
FROM case_events
UNION ALL
SELECT 'journey_legs', count(*),
       md5(string_agg(format('%s|%s|%s', person_id, nationality, leg), E'\n' ORDER BY person_id, leg)),
       md5(string_agg(format('%s|%s|%s', person_id, nationality, leg), E'\n' ORDER BY ctid))
FROM journey_legs
UNION ALL
SELECT 'journeys', count(*),
       md5(string_agg(format('%s|%s|%s', person_id, nationality, r), E'\n' ORDER BY person_id)),
       md5(string_agg(format('%s|%s|%s', person_id, nationality, r), E'\n' ORDER BY ctid))
FROM journeys
UNION ALL
SELECT 'claimants', count(*),
       md5(string_agg(format('%s|%s|%s|%s', case_id, sex, birth_date, accompaniment), E'\n' ORDER BY case_id)),
       md5(string_agg(format('%s|%s|%s|%s', case_id, sex, birth_date, accompaniment), E'\n' ORDER BY ctid))
FROM claimants
UNION ALL
SELECT 'border_encounters', count(*),
       md5(string_agg(format('%s|%s|%s|%s|%s|%s|%s|%s', encounter_id, person_key, nationality, on_date, kind, sex, birth_date, accompaniment), E'\n' ORDER BY encounter_id)),
       md5(string_agg(format('%s|%s|%s|%s|%s|%s|%s|%s', encounter_id, person_key, nationality, on_date, kind, sex, birth_date, accompaniment), E'\n' ORDER BY ctid))
FROM border_encounters
ORDER BY 1;
EOF

# demo_output PSQL SRC: the output to compare, for each scale
demo_output() {
	local psql=$1 src=$2 s
	for s in $scales; do
		echo "=== scale $s"
		$psql -q -v ON_ERROR_STOP=1 -v scale="$s" -f "$src/examples/demo_data.sql"
		$psql -At -v ON_ERROR_STOP=1 -f "$src/fingerprint.sql"
		$psql -v ON_ERROR_STOP=1 -f "$src/examples/report.sql"
	done
}

# The host's version: the reference.
mr_start
trap 'versions_cleanup; mr_cleanup' EXIT
host_version=$("$PG_CONFIG" --version | awk '{ print $2 }')
mr_log "PostgreSQL $host_version on the host: the reference"
psql -X -q -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION migrec'
mkdir -p "$work/host/examples" && cp "$MR_TOP"/examples/*.sql "$work/host/examples/" && cp "$work/fingerprint.sql" "$work/host/"
demo_output "psql -X" "$work/host" >"$work/host.out" 2>&1 || { cat "$work/host.out"; echo "the demo failed on the host"; exit 1; }

[ -d "$cache" ] || { echo "no $cache: run test/matrix.sh first" >&2; exit 1; }
exec 9>"$cache/.lock"
flock -w 3600 9 || { echo "$cache is locked by another run" >&2; exit 1; }
for v in $versions; do
	case $v in 13) rel=bullseye ;; 17) rel=trixie ;; 18) rel=forky ;; *) rel= ;; esac
	lower=$cache/$rel
	if [ -z "$rel" ] || [ ! -f "$lower/.migrec-matrix-stamp" ] || [ ! -x "$lower/usr/lib/postgresql/$v/bin/pg_config" ]; then
		echo "not ok - PostgreSQL $v: no chroot in $cache (run test/matrix.sh first)"
		failed=$((failed + 1))
		continue
	fi
	mr_log "PostgreSQL $v ($lower, through an overlay)"
	root=$work/$v/root
	mkdir -p "$work/$v/upper" "$work/$v/ovl" "$root"
	mount -t overlay overlay -o "lowerdir=$lower,upperdir=$work/$v/upper,workdir=$work/$v/ovl" "$root"
	mounted=("$root/proc" "$root" "${mounted[@]}")
	mount -t proc proc "$root/proc"
	# a clean copy of the source tree (tracked and not ignored files)
	mkdir -p "$root/tmp/demo-src" "$root/tmp/demo-pg"
	if git -C "$MR_TOP" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		(cd "$MR_TOP" && git ls-files -z --cached --others --exclude-standard |
			while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
			tar --null -T - -cf -) | tar -xf - -C "$root/tmp/demo-src"
	else
		(cd "$MR_TOP" && tar --exclude=.git --exclude='*.o' --exclude='*.so' --exclude='*.bc' -cf - .) |
			tar -xf - -C "$root/tmp/demo-src"
	fi
	cp "$work/fingerprint.sql" "$root/tmp/demo-src/"
	pgc=/usr/lib/postgresql/$v/bin/pg_config
	bin=/usr/lib/postgresql/$v/bin
	in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
	chroot "$root" chown postgres: /tmp/demo-pg
	port=$((54350 + v))
	if in_root make -s -j2 -C /tmp/demo-src PG_CONFIG="$pgc" >"$work/$v.build" 2>&1 &&
		in_root make -s -C /tmp/demo-src install PG_CONFIG="$pgc" >>"$work/$v.build" 2>&1 &&
		in_root runuser -u postgres -- "$bin/initdb" -D /tmp/demo-pg/data -U postgres --auth=trust \
			--encoding=UTF8 --locale=C.UTF-8 >>"$work/$v.build" 2>&1 &&
		in_root runuser -u postgres -- "$bin/pg_ctl" -D /tmp/demo-pg/data -l /tmp/demo-pg/server.log -w \
			-o "-k /tmp/demo-pg -p $port -c listen_addresses=''" start >>"$work/$v.build" 2>&1 &&
		in_root "$bin/psql" -X -q -h /tmp/demo-pg -p "$port" -U postgres -d postgres -c 'CREATE EXTENSION migrec' >>"$work/$v.build" 2>&1; then
		demo_output "in_root $bin/psql -X -h /tmp/demo-pg -p $port -U postgres -d postgres" /tmp/demo-src >"$work/$v.out" 2>&1 || true
		full=$(in_root "$bin/postgres" --version | awk '{ print $3 }')
		in_root runuser -u postgres -- "$bin/pg_ctl" -D /tmp/demo-pg/data -m fast -w stop >/dev/null 2>&1 || true
		if diff -u "$work/host.out" "$work/$v.out" >"$work/$v.diff"; then
			echo "ok - PostgreSQL $full: the demo's data (fingerprint) and report at scale ${scales// /, } are those of $host_version"
			passed=$((passed + 1))
		else
			echo "not ok - PostgreSQL $full: the demo differs from $host_version"
			head -80 "$work/$v.diff" | sed 's/^/#   /'
			failed=$((failed + 1))
		fi
	else
		echo "not ok - PostgreSQL $v: build, install or cluster failed"
		tail -20 "$work/$v.build" | sed 's/^/#   /'
		failed=$((failed + 1))
	fi
	umount "$root/proc" && umount "$root"
	mounted=("${mounted[@]:2}")
	rm -rf --one-file-system "${work:?}/$v"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
