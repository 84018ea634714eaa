"""The crosswalk steps of tools/gen_tables.py: how the names and codes that
publishers print map to nationalities and places, generated into
src/crosswalk_data.c (read by src/crosswalk_io.c).

Inputs (all committed, none read from the machine):
  - the nationality table gen_tables.py builds (its entries and indexes);
  - the snapshot in tools/sources/: iso-codes names and translations, and
    CLDR's territory names and alternates (cldr/territories.json);
  - tools/residual_codes.tsv (other, unknown, various);
  - tools/publishers/: one name table per publisher (names_*.tsv), UNHCR's
    code table (unhcr_countries.tsv), INEGI's and INEC Panama's codes.

Three kinds of look-up come out of it (src/crosswalk.h):
  - per source, every form the source prints (its names and its codes),
    folded by match_key(), with what it means;
  - the general names, for parse_nationality() without a source and as the
    fallback of every source: iso-codes' names and translations, CLDR's
    names and alternates, the residual categories, tools/name_aliases.tsv,
    and every publisher's name that means the same in every source.  A key
    that two sources read differently is ambiguous: no source, no answer;
  - per code that some source reads differently from ISO 3166 / ICAO
    (UNHCR's AUS is Austria), the readings, so that the strict form can
    refuse it without a source and say why.
"""
import json
import os

from gen_common import c_str, read_tsv, require

# The sources of nationality_crosswalk(), in the order of the C enum
# mr_source (sorted by name, so that the look-up tables sort alike).
SOURCES = [
    ("cbp", "U.S. Customs and Border Protection, Nationwide Encounters (Citizenship)"),
    ("comar", "Mexico's refugee commission COMAR, monthly statistics"),
    ("iso", "ISO 3166-1 and 3166-3 codes and names (iso-codes), ICAO Doc 9303 codes"),
    ("ohss", "U.S. DHS Office of Homeland Security Statistics tables"),
    ("snm", "Panama's Servicio Nacional de Migracion, Darien transit figures"),
    ("unhcr", "UNHCR's country codes and names (Refugee Data Finder)"),
    ("unhcr_iso", "the (ISO) columns of UNHCR's data downloads"),
    ("upm", "Mexico's Unidad de Politica Migratoria, monthly bulletin"),
]
SOURCE_INDEX = {name: i for i, (name, _) in enumerate(SOURCES)}
PLACE_SOURCES = [
    ("inec_pa", "Panama's INEC: province and comarca numbers", "inec_pa_provinces.tsv"),
    ("inegi", "Mexico's INEGI: state codes (clave de entidad)", "inegi_states.tsv"),
]
NAME_FILES = ["cbp", "comar", "ohss", "snm", "unhcr", "upm"]
CATEGORIES = ("other", "unknown", "various")   # tools/residual_codes.tsv kinds
CLDR_LOCALES = ["en", "es", "es_419", "es_MX", "fr", "pt", "pt_PT"]

# Targets that are no nationality (src/crosswalk.h).
REGION, NONE, AMBIGUOUS = -1, -2, -3
TARGET_WORDS = {"region": REGION, "none": NONE}


# ---------------------------------------------------------------- folding

APOSTROPHES = set("'`\u00b4\u2018\u2019\u02bc")
SYNONYMS = {
    "rep": "republic", "repub": "republic", "republica": "republic", "republique": "republic",
    "dem": "democratic", "democratica": "democratic", "democratique": "democratic",
    "fed": "federal", "federated": "federal", "federativa": "federal",
    "st": "saint", "ste": "sainte",
}
STOPWORDS = {"of", "the", "and", "de", "del", "la", "las", "los", "le", "les", "du", "des",
             "da", "do", "das", "dos", "e", "y", "et"}
MAX_KEY = 255           # src/crosswalk_io.c's key buffer, less the NUL
MAX_WORDS = 32


def match_key(s, fold_char, fold_first, fold_last):
    """The matching key of a name or code: case, accents and punctuation
    folded (apostrophes join: People's = Peoples), abbreviations and
    their languages' forms of republic, democratic, federal and saint made
    one, the small words of en/es/fr/pt dropped, and the words sorted, so
    that "Korea, Republic of", "Rep. of Korea" and "Republic of Korea" are
    one key.  src/crosswalk_io.c's mr_match_key() computes the same."""
    out = []
    for ch in s:
        o = ord(ch)
        if ch in APOSTROPHES:
            continue
        if o < 128:
            out.append(ch.lower() if ch.isalnum() else " ")
        elif 0x0300 <= o <= 0x036F:
            continue
        elif fold_first <= o <= fold_last:
            out.append(fold_char(ch) or " ")
        else:
            out.append(" ")
    words = [SYNONYMS.get(w, w) for w in "".join(out).split()]
    words = sorted(w for w in words if w not in STOPWORDS)
    key = " ".join(words)
    require(len(key) <= MAX_KEY and len(words) <= MAX_WORDS, "name too long to match: %r" % s)
    return key


def is_code(s):
    """Does s look like a code (1 to 3 ASCII letters or digits, blanks around
    ignored)?  Codes are looked up as they are, upper-cased, never folded as
    names: UNHCR's AND (Andorra) is no stop word."""
    s = s.strip()
    return 1 <= len(s) <= 3 and s.isascii() and s.isalnum()


def code_key(code):
    """The key of a place source's number: leading zeros dropped ("07" = "7")."""
    return str(int(code)) if code.isdigit() else code


# ---------------------------------------------------------------- inputs

def load(src, pubdir):
    """The crosswalk's inputs, onto src (gen_tables.load_sources calls it,
    after reading residual_codes.tsv)."""
    with open(os.path.join(src.sources_dir, "cldr", "territories.json"), encoding="utf-8") as f:
        src.cldr = json.load(f)
    for loc in CLDR_LOCALES:
        require(loc in src.cldr, "cldr/territories.json has no locale %s" % loc)
    src.pub_names = {s: read_tsv(os.path.join(pubdir, "names_%s.tsv" % s), 5) for s in NAME_FILES}
    for s, rows in src.pub_names.items():
        require(rows and rows[0][0] == "printed_form", "names_%s.tsv: no header row" % s)
        src.pub_names[s] = rows[1:]
    rows = read_tsv(os.path.join(pubdir, "unhcr_countries.tsv"), 6)
    require(rows and rows[0][0] == "unhcr_code", "unhcr_countries.tsv: no header row")
    src.unhcr = rows[1:]
    src.place_tables = {}
    for name, _, fn in PLACE_SOURCES:
        rows = read_tsv(os.path.join(pubdir, fn), 4)
        require(rows and rows[0][0] == "code", "%s: no header row" % fn)
        src.place_tables[name] = rows[1:]


# ---------------------------------------------------------------- building

class Row:
    """One row of nationality_crosswalk() / place_crosswalk()."""
    __slots__ = ("source", "form", "kind", "target", "note", "seen_in", "verified", "elsewhere")

    def __init__(self, source, form, kind, target, note="", seen_in="", verified="", elsewhere=""):
        self.source, self.form, self.kind, self.target = source, form, kind, target
        self.note, self.seen_in, self.verified, self.elsewhere = note, seen_in, verified, elsewhere


def build(src, t, fold_char, fold_first, fold_last, subdivision_codes, pack_subdivision):
    """Every crosswalk table, onto t (emit() writes them)."""
    def key(s):
        return match_key(s, fold_char, fold_first, fold_last)

    idx = t.index
    residual_of = {}
    for a3, kind, *_ in src.residual:
        require(kind in CATEGORIES, "residual_codes.tsv: %s: unknown kind %r" % (a3, kind))
        residual_of[kind] = idx[a3]
    residual_of["stateless"] = idx["XXA"]

    def target_of(word, where):
        if word in TARGET_WORDS:
            return TARGET_WORDS[word]
        if word in residual_of:
            return residual_of[word]
        require(word in idx, "%s: no nationality %r" % (where, word))
        return idx[word]

    def describe(target):
        if target == REGION:
            return "a regional subtotal"
        if target == NONE:
            return "no nationality"
        e = t.entries[t.order[target]]
        return "%s (%s)" % (e["names"][0], t.order[target])

    # The ISO / ICAO reading of a code, as src/nationality_io.c reads it.
    def iso_reading(code):
        c = code.upper()
        if len(c) == 3 and c.isalpha():
            if c in idx:
                return idx[c]
            if c in t.alias3:
                return t.alias3[c]
        if len(c) == 2 and c.isalpha() and c in t.alpha2:
            return t.alpha2[c]
        if c.isdigit() and 1 <= int(c) <= 999 and int(c) in t.numeric:
            return t.numeric[int(c)]
        return None

    # ---- per source: its forms
    rows = []                   # every Row, grouped by source
    source_keys = {}            # (source index, key) -> (target, Row)

    def form_key(form, kind):
        if kind == "code":
            require(is_code(form), "%r is no code" % form)
            return form.strip().upper()
        return key(form)

    def add(source, form, kind, target, note="", seen_in="", verified=""):
        k = form_key(form, kind)
        require(k, "%s: %r folds to nothing" % (source, form))
        s = SOURCE_INDEX[source]
        old = source_keys.get((s, k))
        if old is not None:
            require(old[0] == target, "%s: %r and %r fold alike (%r) and mean different things"
                    % (source, old[1].form, form, k))
            if old[1].form == form:
                return          # the same form twice (in both name columns)
        row = Row(source, form, kind, target, note, seen_in, verified)
        rows.append(row)
        if old is None:
            source_keys[(s, k)] = (target, row)

    cbp_like = {s: src.pub_names[s] for s in NAME_FILES}
    unhcr_doc = ("UNHCR's country table: github.com/Edouard-Legoupil/unhcrdatapackage data-raw/reference.csv "
                 "commit 291d9430 (an older copy; tools/publishers/unhcr_countries.tsv)")
    for code, target, iso_col, name, popstat, note in src.unhcr:
        tg = target_of(target, "unhcr_countries.tsv %s" % code)
        seen = unhcr_doc if code != "UKN" else \
            "UNHCR's refugees package, github.com/PopulationStatistics/refugees data-raw/countries.R"
        add("unhcr", code, "code", tg, note or "UNHCR country code", seen, "stored")
    unhcr_codes = {r[0] for r in src.unhcr}
    for code, target, iso_col, name, popstat, note in src.unhcr:
        # UNK, XXX, XXA: how UNHCR's data tables print a residual row; read
        # with source 'unhcr' too, since UNHCR uses no such annex code.
        if target in ("stateless", "various", "unknown") and iso_col not in unhcr_codes:
            add("unhcr", iso_col, "code", target_of(target, code),
                "as the (ISO) columns of UNHCR's data tables print %s (%s)" % (code, name),
                "UNHCR's refugees package, github.com/PopulationStatistics/refugees data-raw/countries.R"
                if code == "UKN" else unhcr_doc, "stored")
    for s in NAME_FILES:
        for form, target, note, seen_in, verified in cbp_like[s]:
            add(s, form, "name", target_of(target, "names_%s.tsv %r" % (s, form)),
                note, seen_in, verified)
    for code, target, iso_col, name, popstat, note in src.unhcr:
        tg = target_of(target, "unhcr_countries.tsv %s" % code)
        if iso_reading(iso_col) != tg or tg < 0:
            add("unhcr_iso", iso_col, "code", tg,
                "UNHCR's ISO column for %s (%s)%s" % (code, name, "; " + note if note else ""),
                unhcr_doc if code != "UKN" else
                "UNHCR's refugees package, github.com/PopulationStatistics/refugees data-raw/countries.R",
                "stored")
    # 'iso': what ISO 3166 (iso-codes) and ICAO print; read by the nationality type's own parser.
    iso_doc = "iso-codes %s (ISO 3166-1, ISO 3166-3)" % src.iso_version
    c1 = {r["alpha_3"]: r for r in src.c1}
    c3 = {r["alpha_3"]: r for r in src.c3 if r.get("alpha_3")}
    for a3 in t.order:
        e = t.entries[a3]
        i = idx[a3]
        if a3 in c1:
            r = c1[a3]
            rows.append(Row("iso", a3, "code", i, "ISO 3166-1 alpha-3", iso_doc, "stored"))
            rows.append(Row("iso", r["alpha_2"], "code", i, "ISO 3166-1 alpha-2", iso_doc, "stored"))
            rows.append(Row("iso", r["numeric"], "code", i, "ISO 3166-1 numeric", iso_doc, "stored"))
            for f, what in (("name", "ISO 3166-1 name"), ("official_name", "ISO 3166-1 official name"),
                            ("common_name", "iso-codes' common name")):
                if r.get(f):
                    rows.append(Row("iso", r[f], "name", i, what, iso_doc, "stored"))
        elif e["kind"] == "withdrawn":
            r = c3[a3]
            rows.append(Row("iso", a3, "code", i, "ISO 3166-3: withdrawn %s" % r.get("withdrawal_date", ""),
                            iso_doc, "stored"))
            rows.append(Row("iso", r["name"], "name", i, "ISO 3166-3 name", iso_doc, "stored"))
        elif e["kind"] in CATEGORIES:
            rows.append(Row("iso", a3, "code", i,
                            "ISO 3166-1 user-assigned range: migrec's residual category %s" % e["kind"],
                            "tools/residual_codes.tsv", "stored"))
        else:
            rows.append(Row("iso", a3, "code", i, "ICAO Doc 9303 code" if a3 != "XKX" else
                            "user-assigned code of Kosovo (EU, IMF, CLDR)", "tools/icao_codes.tsv", "stored"))
            if e["alpha2"]:
                rows.append(Row("iso", e["alpha2"], "code", i, "user-assigned alpha-2 of Kosovo",
                                "tools/icao_codes.tsv", "stored"))
    for alias, a3 in src.alias3:
        rows.append(Row("iso", alias, "code", idx[a3], "alias of %s" % a3, "tools/code_aliases.tsv", "stored"))

    # ---- the general names
    best = {}                   # key -> (level, {target}, {target: form})

    def general(name, target, level):
        if not name:
            return
        k = key(name)
        if not k:
            return
        lv, ts, forms = best.get(k, (99, set(), {}))
        if level < lv:
            best[k] = (level, {target}, {target: name})
        elif level == lv:
            ts.add(target)
            forms.setdefault(target, name)

    alpha2_entry = {}
    for a3 in t.order:
        e = t.entries[a3]
        if e["kind"] != "withdrawn" and e["alpha2"]:
            alpha2_entry[e["alpha2"]] = idx[a3]
    for a3 in t.order:
        e = t.entries[a3]
        i = idx[a3]
        level = 2 if e["kind"] == "withdrawn" else 0
        names = [n for n in e["keys"] + e["names"] if n]
        if a3 in c1:
            for f in ("name", "official_name", "common_name"):
                for lang in ("fr", "pt"):
                    tr = src.tr["iso_3166-1"][lang].get(c1[a3].get(f) or "")
                    if tr:
                        names.append(tr)
        for n in names:
            general(n, i, level)
            if ", " in n:
                general(n.split(", ", 1)[0], i, max(level, 1))
    for loc in CLDR_LOCALES:
        for k, name in src.cldr[loc].items():
            a2, _, alt = k.partition("-alt-")
            if a2 in alpha2_entry:
                general(name, alpha2_entry[a2], 1 if alt else 0)
    for name, a3 in src.name_aliases:
        general(name, idx[a3], 0)

    names = {}                  # key -> target or AMBIGUOUS
    readings = {}               # key -> text of the readings, when ambiguous
    for k, (lv, ts, forms) in best.items():
        if len(ts) == 1:
            names[k] = next(iter(ts))
        else:
            names[k] = AMBIGUOUS
            readings[k] = "; ".join("%s: %s" % (forms[x], describe(x))
                                    for x in sorted(ts, key=lambda x: t.order[x]))
    # Publishers' names: into the general names when every source reads them alike.
    pub = {}                    # key -> {target: [(source, form)]}
    for r in rows:
        if r.kind == "name" and r.source != "iso":
            pub.setdefault(key(r.form), {}).setdefault(r.target, []).append((r.source, r.form))
    for k, by_target in sorted(pub.items()):
        ts = set(by_target)
        if k in names and names[k] != AMBIGUOUS:
            ts.add(names[k])
        if len(ts) == 1 and names.get(k) != AMBIGUOUS:
            names[k] = next(iter(ts))
            continue
        parts = []
        if k in names and names[k] != AMBIGUOUS and names[k] not in by_target:
            parts.append("ISO / CLDR names: %s" % describe(names[k]))
        if k in readings:
            parts.append(readings[k])
        for tg in sorted(by_target, key=lambda x: (x < 0, x)):
            parts.append("%s: %s" % (", ".join(sorted({s for s, _ in by_target[tg]})), describe(tg)))
        names[k] = AMBIGUOUS
        readings[k] = "; ".join(parts)
        t.warnings.append("crosswalk: %r means different things: %s" % (k, readings[k]))

    # ---- codes some source reads differently from ISO / ICAO
    code_readings = {}          # key -> text
    for (s, k), (tg, r) in sorted(source_keys.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        if r.kind != "code":
            continue
        iso = iso_reading(r.form)
        if iso == tg:
            continue
        text = "%s is %s in %s" % (r.form, describe(tg), SOURCES[s][0])
        prev = code_readings.get(k)
        base = prev or ("%s is %s in ISO 3166 / ICAO" % (r.form, describe(iso)) if iso is not None
                        else "%s is no ISO 3166 or ICAO code" % r.form)
        code_readings[k] = base + "; " + text

    # ---- what each row means elsewhere
    for r in rows:
        k = form_key(r.form, r.kind)
        other = []
        if r.kind == "code":
            iso = iso_reading(r.form)
            if r.source != "iso" and iso is not None and iso != r.target:
                other.append("iso: %s" % describe(iso))
            for s, _ in SOURCES:
                hit = source_keys.get((SOURCE_INDEX[s], k))
                if s != r.source and hit and hit[1].kind == "code" and hit[0] != r.target:
                    other.append("%s: %s" % (s, describe(hit[0])))
        else:
            for s, _ in SOURCES:
                hit = source_keys.get((SOURCE_INDEX[s], k))
                if s != r.source and hit and hit[1].kind == "name" and hit[0] != r.target:
                    other.append("%s: %s" % (s, describe(hit[0])))
            g = names.get(k)
            if g is not None and g != AMBIGUOUS and g != r.target:
                other.append("ISO / CLDR names: %s" % describe(g))
        r.elsewhere = "; ".join(other)

    rows.sort(key=lambda r: (SOURCE_INDEX[r.source], 0 if r.kind == "code" else 1, r.form.encode()))
    row_index = {id(r): i for i, r in enumerate(rows)}
    t.xw_rows = rows
    # the source look-up, by (source, key), with the row of the form that made the key
    t.xw_source_keys = sorted(((s, k, tg, row_index[id(r)]) for (s, k), (tg, r) in source_keys.items()),
                              key=lambda x: (x[0], x[1].encode()))
    t.xw_names = sorted(names.items(), key=lambda kv: kv[0].encode())
    t.xw_readings = readings
    t.xw_code_readings = sorted(code_readings.items(), key=lambda kv: kv[0].encode())

    # ---- UNHCR's code of each nationality (unhcr_code())
    t.unhcr_code_of = [None] * len(t.order)
    for code, target, *_ in src.unhcr:
        tg = target_of(target, "unhcr_countries.tsv %s" % code)
        if tg >= 0:
            require(t.unhcr_code_of[tg] is None, "unhcr_countries.tsv: two codes for %s: %s and %s"
                    % (t.order[tg], t.unhcr_code_of[tg], code))
            t.unhcr_code_of[tg] = code

    # ---- places
    prow, pkeys = [], {}
    for p, (name, _, fn) in enumerate(PLACE_SOURCES):
        for code, pname, iso, note in src.place_tables[name]:
            require(iso in subdivision_codes, "%s: %s is no current ISO 3166-2 code" % (fn, iso))
            packed = pack_subdivision(iso)
            for form, kind, k in ((code, "code", code_key(code)), (pname, "name", key(pname))):
                old = pkeys.get((p, k))
                if old is not None:
                    require(old[0] == packed, "%s: %r means two places" % (fn, form))
                    continue
                prow.append(Row(name, form, kind, packed, note if kind == "name" or not note else "",
                                "tools/publishers/" + fn, ""))
                pkeys[(p, k)] = (packed, len(prow) - 1)
    t.xw_place_rows = prow
    t.xw_place_keys = sorted(((p, k, v[0], v[1]) for (p, k), v in pkeys.items()),
                             key=lambda x: (x[0], x[1].encode()))


# ---------------------------------------------------------------- C

def emit(src, t):
    out = []
    w = out.append
    w("/*")
    w(" * crosswalk_data.c: how publishers' names and codes map to nationalities and")
    w(" * places.  GENERATED by tools/gen_tables.py (tools/crosswalk.py); do not")
    w(" * edit: change tools/publishers/, tools/residual_codes.tsv or the snapshot in")
    w(" * tools/sources/ and run tools/gen_tables.sh.")
    w(" *")
    w(" * Sources: iso-codes %s and CLDR %s (Debian unicode-cldr-core, Unicode" %
      (src.iso_version, src.cldr_version))
    w(" * licence) names; the tables of tools/publishers/, each citing where its forms were")
    w(" * seen and how well that was verified.")
    w(" */")
    w('#include "crosswalk.h"')
    w("")
    w("const char *const mr_cldr_version = %s;" % c_str(src.cldr_version))
    w("")
    w("const mr_xw_source mr_xw_sources[] = {")
    for name, desc in SOURCES:
        w("\t{%s, %s}," % (c_str(name), c_str(desc)))
    w("};")
    w("const int mr_nxw_sources = %d;" % len(SOURCES))
    w("")
    w("const mr_xw_source mr_xw_place_sources[] = {")
    for name, desc, _ in PLACE_SOURCES:
        w("\t{%s, %s}," % (c_str(name), c_str(desc)))
    w("};")
    w("const int mr_nxw_place_sources = %d;" % len(PLACE_SOURCES))
    w("")
    w("/* Every form each source prints, by source, codes first. */")
    w("const mr_xw_row mr_xw_rows[] = {")
    for r in t.xw_rows:
        w("\t{%d, %d, %d, %s, %s, %s, %s, %s}," % (
            SOURCE_INDEX[r.source], 0 if r.kind == "code" else 1, r.target, c_str(r.form),
            c_str(r.note), c_str(r.seen_in), c_str(r.verified), c_str(r.elsewhere)))
    w("};")
    w("const int mr_nxw_rows = %d;" % len(t.xw_rows))
    w("")
    w("/* (source, key) -> nationality entry or MR_XW_*, and the row; sorted. */")
    w("const mr_xw_key mr_xw_source_keys[] = {")
    for s, k, tg, ri in t.xw_source_keys:
        w("\t{%d, %s, %d, %d}," % (s, c_str(k), tg, ri))
    w("};")
    w("const int mr_nxw_source_keys = %d;" % len(t.xw_source_keys))
    w("")
    w("/* General names: key -> entry, or MR_XW_* with the readings; sorted. */")
    w("const mr_xw_name mr_xw_names[] = {")
    for k, tg in t.xw_names:
        w("\t{%s, %d, %s}," % (c_str(k), tg, c_str(t.xw_readings.get(k))))
    w("};")
    w("const int mr_nxw_names = %d;" % len(t.xw_names))
    w("")
    w("/* Codes that some source reads otherwise than ISO 3166 / ICAO; sorted. */")
    w("const mr_xw_reading mr_xw_code_readings[] = {")
    for k, text in t.xw_code_readings:
        w("\t{%s, %s}," % (c_str(k), c_str(text)))
    w("};")
    w("const int mr_nxw_code_readings = %d;" % len(t.xw_code_readings))
    w("")
    w("/* UNHCR's code of each entry of mr_countries (NULL: none). */")
    w("const char *const mr_unhcr_code_of[] = {")
    for i in range(0, len(t.unhcr_code_of), 8):
        w("\t" + " ".join(c_str(c) + "," for c in t.unhcr_code_of[i:i + 8]))
    w("};")
    w("const int mr_nunhcr_code_of = %d;" % len(t.unhcr_code_of))
    w("")
    w("const mr_xw_place_row mr_xw_place_rows[] = {")
    for r in t.xw_place_rows:
        w("\t{%d, %d, %d, %s, %s, %s}," % (
            [p[0] for p in PLACE_SOURCES].index(r.source), 0 if r.kind == "code" else 1,
            r.target, c_str(r.form), c_str(r.note), c_str(r.seen_in)))
    w("};")
    w("const int mr_nxw_place_rows = %d;" % len(t.xw_place_rows))
    w("")
    w("const mr_xw_place_key mr_xw_place_keys[] = {")
    for p, k, packed, ri in t.xw_place_keys:
        w("\t{%d, %s, %d, %d}," % (p, c_str(k), packed, ri))
    w("};")
    w("const int mr_nxw_place_keys = %d;" % len(t.xw_place_keys))
    return "\n".join(out) + "\n"
