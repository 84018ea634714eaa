#!/usr/bin/env python3
"""META.json against the PGXN Meta Spec 1.0.0 and the extension's own files:
the required keys and their types, semantic versions, a known licence, every
provided extension's file present, and versions that agree with the control
file and the install scripts.  Prints TAP."""
import json
import os
import re
import sys

top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
results = []


def ok(cond, what):
    results.append((bool(cond), what))


SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$")
LICENSES = {"agpl_3", "apache_1_1", "apache_2_0", "artistic_1", "artistic_2", "bsd", "freebsd", "gfdl_1_2",
            "gfdl_1_3", "gpl_1", "gpl_2", "gpl_3", "lgpl_2_1", "lgpl_3_0", "mit", "mozilla_1_0", "mozilla_1_1",
            "openssl", "perl_5", "postgresql", "qpl_1_0", "ssleay", "sun", "zlib", "open_source",
            "restricted", "unrestricted", "unknown"}

with open(os.path.join(top, "META.json"), encoding="utf-8") as f:
    meta = json.load(f)

for key in ("name", "abstract", "maintainer", "license", "provides", "meta-spec", "version"):
    ok(key in meta, "META.json has %s" % key)
ok(meta.get("meta-spec", {}).get("version") == "1.0.0", "meta-spec version 1.0.0")
ok(isinstance(meta.get("name"), str) and re.match(r"^[A-Za-z][A-Za-z0-9_-]*$", meta["name"]), "name is a valid name")
ok(SEMVER.match(meta.get("version", "")), "version is a semantic version")
lic = meta.get("license")
ok(lic in LICENSES or (isinstance(lic, dict) and lic), "license is one the spec knows")
ok(isinstance(meta.get("maintainer"), (str, list)) and meta["maintainer"], "maintainer given")
ok(isinstance(meta.get("resources"), dict), "resources is an object")
reqs = meta.get("prereqs", {}).get("runtime", {}).get("requires", {})
ok(reqs.get("PostgreSQL", "").startswith("13."), "requires PostgreSQL >= 13")

control = open(os.path.join(top, "migrec.control"), encoding="utf-8").read()
default = re.search(r"default_version\s*=\s*'([^']+)'", control).group(1)
for ext, p in meta.get("provides", {}).items():
    ok(os.path.exists(os.path.join(top, p.get("file", ""))), "%s: its file %s exists" % (ext, p.get("file")))
    ok(SEMVER.match(p.get("version", "")), "%s: version is a semantic version" % ext)
    ok(p.get("version", "").startswith(default + ".") or p.get("version") == default,
       "%s: version %s is the control file's default_version %s" % (ext, p.get("version"), default))
    built = re.search(r"^DATA_built\s*=(.*)$", open(os.path.join(top, "Makefile"), encoding="utf-8").read(), re.M)
    ok(built and ("%s--%s.sql" % (ext, default)) in built.group(1).split(),
       "%s: the Makefile builds the install script of %s" % (ext, default))
ok(meta.get("version", "").startswith(default + "."), "the distribution version matches default_version")

for i, (good, what) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if good else "not ok", i, what))
print("1..%d" % len(results))
sys.exit(0 if all(g for g, _ in results) else 1)
