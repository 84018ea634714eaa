#!/usr/bin/env python3
"""A simulated newer upstream for the generator's tests (tools/test/run.sh):
a copy of the committed snapshot with the changes a later iso-codes could
bring, its SHA256SUMS rewritten as tools/snapshot.py would.

Usage: fixture.py DEST CHANGE...
  drop:CODE              a subdivision leaves ISO 3166-2
  reparent:CODE:PARENT   a subdivision gets another parent (PARENT '' = none)
  withdraw:A3            a country leaves ISO 3166-1 for ISO 3166-3
  reassign:A2:A3:NAME    a new country A3 takes the alpha-2 code A2
  vanish:A3              a country leaves ISO 3166-1 and goes nowhere
  corrupt:FILE           FILE (in the snapshot) is no longer valid JSON
  tamper:FILE            FILE changes after SHA256SUMS was written
"""
import hashlib
import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.join(os.path.dirname(HERE), "sources")


def main(dest, changes):
    shutil.copytree(SOURCES, dest)
    iso = os.path.join(dest, "iso-codes")

    def load(n):
        with open(os.path.join(iso, n), encoding="utf-8") as f:
            return json.load(f)

    def save(n, data):
        with open(os.path.join(iso, n), "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=2)
            f.write("\n")

    c1, c2, c3 = load("iso_3166-1.json"), load("iso_3166-2.json"), load("iso_3166-3.json")
    late = []
    for change in changes:
        kind, *arg = change.split(":")
        if kind == "drop":
            n = len(c2["3166-2"])
            c2["3166-2"] = [r for r in c2["3166-2"] if r["code"] != arg[0]]
            assert len(c2["3166-2"]) == n - 1, change
        elif kind == "reparent":
            (r,) = [r for r in c2["3166-2"] if r["code"] == arg[0]]
            if arg[1]:
                r["parent"] = arg[1]
            else:
                r.pop("parent", None)
        elif kind in ("withdraw", "vanish"):
            (r,) = [r for r in c1["3166-1"] if r["alpha_3"] == arg[0]]
            c1["3166-1"].remove(r)
            if kind == "withdraw":
                c3["3166-3"].append({"alpha_2": r["alpha_2"], "alpha_3": r["alpha_3"],
                                     "alpha_4": r["alpha_2"] + "XX", "name": r["name"],
                                     "withdrawal_date": "2031-01-01"})
        elif kind == "reassign":
            c1["3166-1"].append({"alpha_2": arg[0], "alpha_3": arg[1], "name": arg[2],
                                 "numeric": "999"})
        elif kind in ("corrupt", "tamper"):
            late.append((kind, arg[0]))
        else:
            raise SystemExit("fixture.py: unknown change " + change)
    save("iso_3166-1.json", c1)
    save("iso_3166-2.json", c2)
    save("iso_3166-3.json", c3)
    for kind, name in late:
        if kind == "corrupt":
            with open(os.path.join(dest, name), "a", encoding="utf-8") as f:
                f.write("{not json\n")
    with open(os.path.join(dest, "SHA256SUMS"), "w", encoding="utf-8") as out:
        for root, _, names in sorted(os.walk(dest)):
            for n in sorted(names):
                p = os.path.join(root, n)
                name = os.path.relpath(p, dest)
                if name in ("SHA256SUMS", "SOURCES.tsv", "README.md"):
                    continue
                with open(p, "rb") as f:
                    out.write("%s  %s\n" % (hashlib.sha256(f.read()).hexdigest(), name))
    for kind, name in late:
        if kind == "tamper":
            with open(os.path.join(dest, name), "a", encoding="utf-8") as f:
                f.write("\n")
    path = os.path.join(dest, "SOURCES.tsv")
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    with open(path, "w", encoding="utf-8") as f:
        for line in lines:
            if line.startswith("iso-codes\t"):
                fields = line.split("\t")
                fields[1] = "99.0-fixture"
                line = "\t".join(fields)
            f.write(line)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2:])
