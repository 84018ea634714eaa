#!/usr/bin/env bash
# test/matrix.sh: migrec on the PostgreSQL major versions beside the host's
# 15, each from its own Debian release, in a debootstrap chroot:
#
#   13  bullseye (Debian 11)   17  trixie (Debian 13)   18  forky (testing)
#
# In each chroot: a clean copy of the source tree (git's tracked and
# untracked-but-not-ignored files: no build products of the host) is built
# with warnings as errors (make WERROR=1) together with the test helper of
# test/hostile, installed, and a throwaway cluster is started as the chroot's
# postgres user (initdb refuses root); the regression suite (make
# installcheck) and the hostile-binary suite (make -C test/hostile
# installcheck) run against it, and its log is searched for crashes.  The
# trixie and forky chroots also hold bookworm's PostgreSQL 15, for the
# pg_upgrade and dump/restore tests from 15 to 17 and 18
# (test/pg_upgrade/run.sh).
#
#   bash test/matrix.sh                              13, 17 and 18 (as root)
#   MIGREC_MATRIX_VERSIONS="17 18" bash test/matrix.sh
#
# Environment:
#   MIGREC_MATRIX_CACHE     where the chroots are kept between runs
#                           (default /var/cache/migrec-matrix)
#   MIGREC_MATRIX_VERSIONS  which versions (default "13 17 18")
#   MIGREC_MATRIX_MIRROR    the Debian mirror (default: the one this
#                           machine's apt uses, else deb.debian.org)
#   MIGREC_MATRIX_MAX_AGE   days after which a chroot is built again, to
#                           pick up its release's updates (default 30)
#
# A chroot is reused only if its stamp file, written as the last step of its
# construction, names the same recipe (release, mirror, packages) and is
# younger than MIGREC_MATRIX_MAX_AGE days; otherwise (half-built, broken,
# stale) it is removed and built again.  The first run downloads and builds
# the chroots (minutes each); later runs reuse them and need no network.
#
# Output is TAP-like: "ok N - PostgreSQL 17: regression (14 tests)", with
# "# " lines of detail; the last line is "N passed, N failed", and the exit
# status is non-zero if anything failed.  A stage that could not run (its
# chroot, build or cluster failed) counts as failed.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cache=${MIGREC_MATRIX_CACHE:-/var/cache/migrec-matrix}
versions=${MIGREC_MATRIX_VERSIONS:-13 17 18}
max_age=${MIGREC_MATRIX_MAX_AGE:-30}
# Bump when the way a chroot is built changes: every cached chroot is rebuilt.
recipe_version=2

if [ "$(id -u)" -ne 0 ]; then
	command -v sudo >/dev/null || { echo "test/matrix.sh needs root (debootstrap, chroot, mount)" >&2; exit 1; }
	exec sudo --preserve-env=MIGREC_MATRIX_CACHE,MIGREC_MATRIX_VERSIONS,MIGREC_MATRIX_MIRROR,MIGREC_MATRIX_MAX_AGE \
		bash "$0" "$@"
fi

release_of() {
	case $1 in
	13) echo bullseye ;;
	17) echo trixie ;;
	18) echo forky ;;
	*) return 1 ;;
	esac
}

# An older PostgreSQL installed beside a version's own, from the previous
# Debian release (pinned below the chroot's own release), to test
# pg_upgrade from it: "major release", or nothing.
upgrade_from_of() {
	case $1 in
	17 | 18) echo "15 bookworm" ;;
	esac
}

# ---------------------------------------------------------------- output

n=0
passed=0
failed=0
result() { # ok|fail description [detail file]
	n=$((n + 1))
	if [ "$1" = ok ]; then
		passed=$((passed + 1))
		echo "ok $n - $2"
	else
		failed=$((failed + 1))
		echo "not ok $n - $2"
		[ -n "${3:-}" ] && [ -s "$3" ] && sed 's/^/#   /' "$3"
	fi
	return 0
}
note() { echo "# $*"; }
now() { date +%s; }

# ---------------------------------------------------------------- host side

# The mirror this machine's apt uses for its own release, main component.
host_mirror() {
	local codename f
	codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
	[ -n "$codename" ] || return 0
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		case $f in
		*.sources)
			# deb822: one paragraph per source
			awk -v c="$codename" '
				BEGIN { RS = ""; FS = "\n" }
				{
					types = uris = suites = comps = ""; enabled = "yes"
					for (i = 1; i <= NF; i++) {
						line = $i
						if (line ~ /^[ \t]*#/) continue
						split(line, kv, ":")
						key = tolower(kv[1]); val = substr(line, length(kv[1]) + 2)
						gsub(/^[ \t]+|[ \t]+$/, "", val)
						if (key == "types") types = val
						else if (key == "uris") uris = val
						else if (key == "suites") suites = val
						else if (key == "components") comps = val
						else if (key == "enabled") enabled = tolower(val)
					}
					if (enabled == "no" || (" " types " ") !~ / deb / || (" " comps " ") !~ / main /) next
					ns = split(suites, s, /[ \t]+/)
					for (j = 1; j <= ns; j++)
						if (s[j] == c) { split(uris, u, /[ \t]+/); print u[1]; exit }
				}' "$f"
			;;
		*)
			# one-line format: deb [options] URI SUITE COMPONENTS...
			awk -v c="$codename" '
				$1 == "deb" {
					i = 2
					if ($i ~ /^\[/) { while (i < NF && $i !~ /\]$/) i++; i++ }
					if ($(i + 1) == c) { print $i; exit }
				}' "$f"
			;;
		esac
	done | head -1
}

# Unmount everything mounted below a folder (deepest first).
umount_below() {
	local m
	awk -v d="$1/" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r | while read -r m; do
		umount "$m" 2>/dev/null || umount -l "$m" || true
	done
}

# End the processes running inside a chroot (ours: a server a killed run
# left behind), found by their root directory.
kill_in_chroot() {
	local root=$1 p sig found
	for sig in TERM KILL; do
		found=
		for p in /proc/[0-9]*; do
			# -ef: the same directory (a test builtin: no fork per process)
			if [ "$p/root" -ef "$root" ]; then
				kill -s "$sig" "${p#/proc/}" 2>/dev/null && found=1
			fi
		done
		[ -n "$found" ] || break
		sleep 1
	done
	return 0
}

# Long commands run in the background, in a process group of their own,
# while the script waits for them: a signal runs the cleanup at once (not
# after the command), and the cleanup ends the command's whole group.
child=
run() {
	local rc=0
	setsid --wait "$@" &
	child=$!
	wait "$child" || rc=$?
	child=
	return $rc
}

active_root=
active_work=
bindir=
cleanup() {
	local rc=$?
	if [ -n "$child" ]; then
		kill -TERM -- "-$child" 2>/dev/null || kill -TERM "$child" 2>/dev/null || true
		sleep 1
	fi
	if [ -n "$active_root" ]; then
		if [ -f "$active_root/tmp/migrec-matrix/data/postmaster.pid" ]; then
			in_chroot "$active_root" runuser -u postgres -- "$bindir/pg_ctl" \
				-D /tmp/migrec-matrix/data -m immediate -w stop >/dev/null 2>&1 || true
		fi
		kill_in_chroot "$active_root"
		umount_below "$active_root"
	fi
	[ -z "$active_work" ] || rm -rf "$active_work"
	return $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

mount_proc() {
	active_root=$1
	mountpoint -q "$1/proc" || mount -t proc proc "$1/proc"
}
umount_proc() {
	kill_in_chroot "$1"
	umount_below "$1"
	active_root=
}

# Run a command inside a chroot with a clean environment.
in_chroot() {
	local root=$1
	shift
	# (without the cache's lock: a server started here must not hold it)
	run chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@" 9>&-
}

# ---------------------------------------------------------------- chroots

# What a chroot must contain, written into its stamp: a change rebuilds it.
recipe() { # version release
	echo "recipe $recipe_version; $2 for PostgreSQL $1; mirror $mirror; packages $(packages "$1")"
}
packages() {
	local from
	from=$(upgrade_from_of "$1")
	echo "postgresql-$1 postgresql-server-dev-$1 make gcc libc6-dev util-linux${from:+ postgresql-${from% *} postgresql-server-dev-${from% *} (from ${from#* })}"
}

chroot_is_usable() { # version release root
	local stamp=$3/.migrec-matrix-stamp
	[ -f "$stamp" ] && [ "$(cat "$stamp")" = "$(recipe "$1" "$2")" ] &&
		[ -n "$(find "$stamp" -mtime -"$max_age")" ] &&
		[ -x "$3/usr/lib/postgresql/$1/bin/pg_config" ]
}

build_chroot() { # version release root log
	local v=$1 rel=$2 root=$3 log=$4 script include= from
	umount_below "$root"
	rm -rf --one-file-system "$root"
	mkdir -p "$root"
	# bookworm's debootstrap knows releases up to trixie; newer ones are
	# built like sid.
	script=/usr/share/debootstrap/scripts/$rel
	[ -e "$script" ] || script=/usr/share/debootstrap/scripts/sid
	case $mirror in https:*) include=--include=ca-certificates ;; esac
	# what debootstrap mounts and runs in the chroot is cleaned up on exit too
	active_root=$root
	run debootstrap --variant=minbase $include "$rel" "$root" "$mirror" "$script" >>"$log" 2>&1 || {
		umount_proc "$root"
		return 1
	}
	# apt: no recommends, no questions; a snapshot mirror's Release file may
	# have expired.
	cat >"$root/etc/apt/apt.conf.d/90migrec-matrix" <<-'EOF'
		Acquire::Check-Valid-Until "false";
		APT::Install-Recommends "false";
		APT::Get::Assume-Yes "true";
		Dpkg::Use-Pty "false";
	EOF
	# dpkg without fsync: a lost chroot is rebuilt anyway (its stamp is
	# written last)
	echo force-unsafe-io >"$root/etc/dpkg/dpkg.cfg.d/90migrec-matrix"
	# no services started by the packages' scripts
	printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
	chmod 755 "$root/usr/sbin/policy-rc.d"
	from=$(upgrade_from_of "$v")
	if [ -n "$from" ]; then
		# the older release's packages, only where asked for by name
		echo "deb $mirror ${from#* } main" >"$root/etc/apt/sources.list.d/${from#* }.list"
		printf 'Package: *\nPin: release n=%s\nPin-Priority: 100\n' "${from#* }" \
			>"$root/etc/apt/preferences.d/${from#* }"
	fi
	mount_proc "$root"
	{
		in_chroot "$root" apt-get update &&
			in_chroot "$root" DEBIAN_FRONTEND=noninteractive apt-get install postgresql-common &&
			# no "main" cluster: the tests make their own
			sed -i 's/^#* *create_main_cluster *=.*/create_main_cluster = false/' "$root/etc/postgresql-common/createcluster.conf" &&
			in_chroot "$root" DEBIAN_FRONTEND=noninteractive apt-get install $(packages "$v" | sed 's/ (from .*//') &&
			in_chroot "$root" apt-get clean
	} >>"$log" 2>&1 || { umount_proc "$root"; return 1; }
	umount_proc "$root"
	[ -x "$root/usr/lib/postgresql/$v/bin/pg_config" ] || { echo "no pg_config for $v" >>"$log"; return 1; }
	recipe "$v" "$rel" >"$root/.migrec-matrix-stamp"
}

# ---------------------------------------------------------------- one version

# The tests of a pg_regress suite as PGXS would run them on this server:
# REGRESS of the Makefile in the chroot's source folder $1.
regress_list() { # root dir pg_config
	printf 'mr-print-regress:\n\t@echo $(REGRESS)\n' >"$1/build/print-regress.mk"
	in_chroot "$1" make -s --no-print-directory -C "$2" -f Makefile -f /build/print-regress.mk \
		mr-print-regress PG_CONFIG="$3"
}

# Run a pg_regress suite, report one result for it.
regress_stage() { # version root dir label work
	local v=$1 root=$2 dir=$3 label=$4 work=$5 pgc=/usr/lib/postgresql/$1/bin/pg_config
	local tests expected ran passed_names bad t rc=0 out=$5/$label.out diffs
	tests=$(regress_list "$root" "$dir" "$pgc")
	expected=$(echo $tests | wc -w)
	in_chroot "$root" PGHOST=/tmp/migrec-matrix PGPORT="$port" PGUSER=postgres PGDATABASE=postgres \
		make -s --no-print-directory -C "$dir" installcheck PG_CONFIG="$pgc" >"$out" 2>&1 || rc=$?
	# the tests that passed: "test name ... ok" (or "     name ... ok" in
	# a parallel group) before 16, "ok 1 - name" from 16 on
	passed_names=" $(sed -nE 's/^(test +| +)([^ ]+) +\.\.\. +ok( .*)?$/\2/p; s/^ok [0-9]+ +- +([^ ]+).*/\1/p' "$out" | tr '\n' ' ')"
	ran=$(echo $passed_names | wc -w)
	# the ones that did not: failed, or never run (pg_regress gave up)
	bad=
	for t in $tests; do
		case $passed_names in *" $t "*) ;; *) bad="$bad $t" ;; esac
	done
	bad=${bad# }
	if [ "$rc" -eq 0 ] && [ -z "$bad" ] && [ "$expected" -gt 0 ] && [ "$ran" -eq "$expected" ]; then
		result ok "PostgreSQL $v: $label ($ran test$([ "$ran" -eq 1 ] || echo s))"
	else
		{
			echo "make installcheck exit status $rc; $ran of $expected tests passed${bad:+; failed: $bad}"
			grep -vE '^(test +|     )[^ ]+ +\.\.\. +ok|^ok [0-9]+ ' "$out" | tail -15
			for diffs in "$root$dir"/test/regress/regression.diffs "$root$dir"/regress/regression.diffs; do
				[ -f "$diffs" ] && { echo "head of ${diffs#"$root"}:"; head -60 "$diffs"; }
			done
		} >"$work/$label.detail"
		result fail "PostgreSQL $v: $label ($ran of $expected tests passed${bad:+; failed: $bad})" "$work/$label.detail"
	fi
}

# A clean copy of the source tree into the chroot: git's tracked and
# untracked-but-not-ignored files (the working tree, not the host's build
# products); outside a git checkout, a copy cleaned with make clean.
copy_tree() { # root dir pg_config
	mkdir -p "$1$2"
	if git -C "$top" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		(cd "$top" && git ls-files -z --cached --others --exclude-standard |
			while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
			tar --null -T - -cf -) | tar -xf - -C "$1$2"
	else
		(cd "$top" && tar --exclude=.git -cf - .) | tar -xf - -C "$1$2"
		in_chroot "$1" make -s -C "$2" clean PG_CONFIG="$3" >/dev/null 2>&1 || true
	fi
}

# pg_upgrade from the older server of the chroot (test/pg_upgrade/run.sh):
# migrec built for it from another clean copy, then the script's checks.
upgrade_stages() { # version root work
	local v=$1 root=$2 work=$3 from old opgc line pending nres=0 want=10
	from=$(upgrade_from_of "$v")
	old=${from% *}
	opgc=/usr/lib/postgresql/$old/bin/pg_config
	copy_tree "$root" "/build/migrec-$old" "$opgc"
	# (without JIT bitcode, which the old server of the test never uses)
	if ! { in_chroot "$root" make -s --no-print-directory -C "/build/migrec-$old" -j2 WERROR=1 with_llvm=no PG_CONFIG="$opgc" &&
		in_chroot "$root" make -s --no-print-directory -C "/build/migrec-$old" install with_llvm=no PG_CONFIG="$opgc"; } >"$work/old.out" 2>&1; then
		tail -30 "$work/old.out" >"$work/old.detail"
		result fail "PostgreSQL $old to $v: migrec built for $old (${from#* }) with -Werror" "$work/old.detail"
		not_run "$v" "no build for $old" "pg_upgrade from $old"
		return
	fi
	result ok "PostgreSQL $old to $v: migrec built for $old (${from#* }) with -Werror"
	in_chroot "$root" bash /build/migrec/test/pg_upgrade/run.sh "$old" "$v" >"$work/upgrade.out" 2>&1 || true
	# its "ok - ..." / "not ok - ..." lines, a failure with its "#   " details
	pending=
	while IFS= read -r line; do
		case $line in
		"ok - "* | "not ok - "*)
			[ -z "$pending" ] || result fail "$pending" "$work/upgrade.detail"
			pending=
			nres=$((nres + 1))
			case $line in
			"ok - "*) result ok "${line#ok - }" ;;
			*) pending=${line#not ok - }; : >"$work/upgrade.detail" ;;
			esac
			;;
		"#   "*) [ -z "$pending" ] || echo "${line#"#   "}" >>"$work/upgrade.detail" ;;
		"# "*) echo "$line" ;;
		esac
	done <"$work/upgrade.out"
	[ -z "$pending" ] || result fail "$pending" "$work/upgrade.detail"
	if [ "$nres" -lt "$want" ]; then
		tail -20 "$work/upgrade.out" >"$work/upgrade.detail"
		result fail "PostgreSQL $old to $v: $((want - nres)) of the $want pg_upgrade checks did not run" "$work/upgrade.detail"
	fi
}

not_run() { # version reason stage...
	local v=$1 why=$2
	shift 2
	for s in "$@"; do result fail "PostgreSQL $v: $s (not run: $why)"; done
}

test_version() { # version
	local v=$1 rel root work t0 t1 t2 how pgc full
	rel=$(release_of "$v") || { result fail "PostgreSQL $v: no Debian release known for it"; return; }
	root=$cache/$rel
	pgc=/usr/lib/postgresql/$v/bin/pg_config
	bindir=/usr/lib/postgresql/$v/bin
	port=$((54300 + v))
	work=$(mktemp -d /tmp/migrec-matrix.XXXXXX)
	active_work=$work
	local stages=("build with -Werror" install "start a cluster" regression "hostile binary input" "server log")

	t0=$(now)
	if chroot_is_usable "$v" "$rel" "$root"; then
		how=cached
	else
		how=built
		note "PostgreSQL $v: building the $rel chroot in $root (log: $work/chroot.log)"
		if ! build_chroot "$v" "$rel" "$root" "$work/chroot.log"; then
			tail -30 "$work/chroot.log" >"$work/chroot.detail"
			result fail "PostgreSQL $v: $rel chroot" "$work/chroot.detail"
			not_run "$v" "no chroot" "${stages[@]}"
			rm -rf "$work"
			return
		fi
	fi
	t1=$(now)
	full=$(chroot "$root" "$bindir/postgres" --version | awk '{ print $3 }')
	result ok "PostgreSQL $v: $rel chroot, PostgreSQL $full ($how in $((t1 - t0)) s)"

	rm -rf "$root/build"
	copy_tree "$root" /build/migrec "$pgc"

	mount_proc "$root"

	if in_chroot "$root" make -s --no-print-directory -C /build/migrec -j2 WERROR=1 PG_CONFIG="$pgc" >"$work/build.out" 2>&1 &&
		in_chroot "$root" make -s --no-print-directory -C /build/migrec/test/hostile WERROR=1 PG_CONFIG="$pgc" >>"$work/build.out" 2>&1; then
		result ok "PostgreSQL $v: build with -Werror"
	else
		tail -40 "$work/build.out" >"$work/build.detail"
		result fail "PostgreSQL $v: build with -Werror" "$work/build.detail"
		not_run "$v" "build failed" "${stages[@]:1}"
		umount_proc "$root"; rm -rf "$work"; return
	fi

	if in_chroot "$root" make -s --no-print-directory -C /build/migrec install PG_CONFIG="$pgc" >"$work/install.out" 2>&1 &&
		in_chroot "$root" make -s --no-print-directory -C /build/migrec/test/hostile install PG_CONFIG="$pgc" >>"$work/install.out" 2>&1; then
		result ok "PostgreSQL $v: install"
	else
		tail -40 "$work/install.out" >"$work/install.detail"
		result fail "PostgreSQL $v: install" "$work/install.detail"
		not_run "$v" "install failed" "${stages[@]:2}"
		umount_proc "$root"; rm -rf "$work"; return
	fi

	# the cluster: as the chroot's postgres user, Unix socket only
	rm -rf "$root/tmp/migrec-matrix"
	mkdir -p "$root/tmp/migrec-matrix"
	chroot "$root" chown postgres: /tmp/migrec-matrix
	if in_chroot "$root" runuser -u postgres -- "$bindir/initdb" --no-sync -D /tmp/migrec-matrix/data -U postgres \
			--auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$work/cluster.out" 2>&1 &&
		in_chroot "$root" runuser -u postgres -- "$bindir/pg_ctl" -D /tmp/migrec-matrix/data \
			-l /tmp/migrec-matrix/server.log -w \
			-o "-k /tmp/migrec-matrix -p $port -c listen_addresses='' -c fsync=off -c log_line_prefix='%m [%p] %e '" \
			start >>"$work/cluster.out" 2>&1; then
		result ok "PostgreSQL $v: start a cluster"
	else
		{ tail -20 "$work/cluster.out"; tail -20 "$root/tmp/migrec-matrix/server.log" 2>/dev/null; } >"$work/cluster.detail"
		result fail "PostgreSQL $v: start a cluster" "$work/cluster.detail"
		not_run "$v" "no cluster" "${stages[@]:3}"
		umount_proc "$root"; rm -rf "$work"; return
	fi

	regress_stage "$v" "$root" /build/migrec regression "$work"
	regress_stage "$v" "$root" /build/migrec/test/hostile "hostile binary input" "$work"

	in_chroot "$root" runuser -u postgres -- "$bindir/pg_ctl" -D /tmp/migrec-matrix/data -m fast -w stop >/dev/null 2>&1 || true
	if grep -nE 'TRAP:|terminated by signal|PANIC|XX000' "$root/tmp/migrec-matrix/server.log" >"$work/log.detail"; then
		result fail "PostgreSQL $v: server log: internal errors or crashes" "$work/log.detail"
	else
		result ok "PostgreSQL $v: server log clean"
	fi

	[ -z "$(upgrade_from_of "$v")" ] || upgrade_stages "$v" "$root" "$work"

	umount_proc "$root"
	t2=$(now)
	note "PostgreSQL $v: chroot $how in $((t1 - t0)) s; build and tests in $((t2 - t1)) s"
	timings+=("PostgreSQL $v ($rel): chroot $how $((t1 - t0)) s, build and tests $((t2 - t1)) s")
	rm -rf "$work"
}

# ---------------------------------------------------------------- main

command -v debootstrap >/dev/null || {
	note "installing debootstrap"
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
}
mirror=${MIGREC_MATRIX_MIRROR:-$(host_mirror)}
mirror=${mirror:-http://deb.debian.org/debian}

mkdir -p "$cache"
# one run at a time per cache
exec 9>"$cache/.lock"
flock -w 3600 9 || { echo "test/matrix.sh: $cache is locked by another run" >&2; exit 1; }
# what a killed run may have left mounted
umount_below "$cache"

note "PostgreSQL ${versions// /, } in Debian chroots under $cache (mirror $mirror)"
timings=()
start=$(now)
for v in $versions; do
	test_version "$v"
done
for t in "${timings[@]}"; do note "$t"; done
note "matrix: $(($(now) - start)) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
