#!/usr/bin/env python3
"""Generate src/calendar_data.c: migrec's business-day calendars, one per
country, from the national public holidays of tools/holidays/holidays.tsv
(generated from the npm package date-holidays by
tools/holidays/gen_holidays.js; see tools/holidays/README.md).

A calendar is a bitmap of the days 2000-01-01 to 2035-12-31, a bit set for
each business day (Monday to Friday, and not a non-working holiday), with
the number of business days before each 64-day word, so that counting the
business days between two dates is two lookups and two popcounts, not a
loop over the days.  Beside it, the non-working holidays with their names,
for public_holidays().

Usage: gen_calendar.py [--out FILE | --check FILE] [--holidays TSV]
                       [--lock JSON] [--generator JS]
  --out FILE    write the C file (- for stdout; default src/calendar_data.c)
  --check FILE  compare FILE with what the sources generate; write nothing.
                Also checks, offline, that holidays.tsv is what the committed
                generator makes: its header names the date-holidays version
                that package-lock.json pins and the sha256 of gen_holidays.js
                and package-lock.json as they are now.
Exit codes (tools/gen_common.py): 0 written / matches, 1 differs, 2 error.
"""
import argparse
import datetime
import hashlib
import json
import os
import re

from gen_common import HERE, TOP, c_str, emit, require, run

PROG = "gen_calendar"
HOLIDAYS_DIR = os.path.join(HERE, "holidays")
FIRST = datetime.date(2000, 1, 1)       # day 0 of PostgreSQL's dates
LAST = datetime.date(2035, 12, 31)
COUNTRIES = ["CAN", "COL", "CRI", "GTM", "HND", "MEX", "NIC", "PAN", "SLV", "USA"]
COLUMNS = ["country", "date", "start_time", "name_local", "name_en", "lang", "type",
           "substitute", "nonworking", "rule", "source"]


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def load(path):
    """(header lines, rows as dicts) of holidays.tsv."""
    header, rows = [], []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    require(lines and lines[-1] == "", "%s does not end with a newline" % path)
    lines.pop()
    while lines and lines[0].startswith("#"):
        header.append(lines.pop(0))
    require(lines and lines[0].split("\t") == COLUMNS,
            "%s: the column line must be %s" % (path, "\\t".join(COLUMNS)))
    for lineno, line in enumerate(lines[1:], len(header) + 2):
        cells = line.split("\t")
        require(len(cells) == len(COLUMNS), "%s:%d: %d fields, expected %d"
                % (path, lineno, len(cells), len(COLUMNS)))
        row = dict(zip(COLUMNS, cells))
        require(row["country"] in COUNTRIES, "%s:%d: unknown country %r" % (path, lineno, row["country"]))
        try:
            row["day"] = datetime.date.fromisoformat(row["date"])
        except ValueError:
            raise require(False, "%s:%d: bad date %r" % (path, lineno, row["date"]))
        require(FIRST <= row["day"] <= LAST, "%s:%d: %s outside %s..%s" % (path, lineno, row["date"], FIRST, LAST))
        require(row["nonworking"] in ("t", "f"), "%s:%d: nonworking must be t or f" % (path, lineno))
        require(row["lang"] in ("es", "en"), "%s:%d: unexpected language %r" % (path, lineno, row["lang"]))
        rows.append(row)
    return header, rows


def provenance(header, lock, generator):
    """The date-holidays version the header names, after checking it against
    package-lock.json and the sha256 of the generator and the lock."""
    text = "\n".join(header)
    m = re.search(r"npm date-holidays (\d+\.\d+\.\d+) ", text)
    require(m, "holidays.tsv: the header does not name the date-holidays version")
    version = m.group(1)
    with open(lock, encoding="utf-8") as f:
        pinned = json.load(f)["packages"]["node_modules/date-holidays"]["version"]
    require(version == pinned, "holidays.tsv was made with date-holidays %s, package-lock.json pins %s: "
            "run tools/holidays/update.sh" % (version, pinned))
    m = re.search(r"gen_holidays\.js sha256 ([0-9a-f]{64}); package-lock\.json sha256 ([0-9a-f]{64})", text)
    require(m, "holidays.tsv: the header does not record the generator's and the lock's sha256")
    require(m.group(1) == sha256(generator), "holidays.tsv was not made by the committed gen_holidays.js "
            "(its sha256 differs): run tools/holidays/update.sh")
    require(m.group(2) == sha256(lock), "holidays.tsv was not made with the committed package-lock.json "
            "(its sha256 differs): run tools/holidays/update.sh")
    require("CC BY-SA 3.0" in text, "holidays.tsv: the header lost its licence notice")
    return version


def pack3(alpha3):
    """The packed alpha-3 code of src/codes.h (mr_pack3): 5 bits a letter."""
    a, b, c = (ord(ch) - ord("A") + 1 for ch in alpha3)
    return (a << 10) | (b << 5) | c


def emit_c(rows, version):
    ndays = (LAST - FIRST).days + 1
    nwords = (ndays + 63) // 64
    out = []
    w = out.append
    w("/*")
    w(" * calendar_data.c: business-day calendars of %d countries, %s to %s." % (len(COUNTRIES), FIRST, LAST))
    w(" * GENERATED by tools/gen_calendar.py from tools/holidays/holidays.tsv; do not")
    w(" * edit.  The holidays come from the npm package date-holidays %s" % version)
    w(" * (https://github.com/commenthol/date-holidays, by commenthol), whose data is")
    w(" * licensed CC BY-SA 3.0 (attributions in tools/holidays/date-holidays.LICENSE),")
    w(" * with the corrections cited in holidays.tsv; this table, adapted from that")
    w(" * data, is under CC BY-SA 3.0 too (see LICENSE).")
    w(" */")
    w('#include "calendar_io.h"')
    w("")
    w("const char mr_calendar_source[] = %s;" % c_str("date-holidays %s with cited corrections (tools/holidays/holidays.tsv)" % version))
    w("")
    w("/* The calendars cover days MR_CALENDAR_FIRST .. MR_CALENDAR_FIRST + ndays - 1. */")
    w("typedef char check_first[(MR_CALENDAR_FIRST == %d) ? 1 : -1];" % (FIRST - FIRST).days)
    w("typedef char check_ndays[(MR_CALENDAR_NDAYS == %d) ? 1 : -1];" % ndays)
    w("typedef char check_nwords[(MR_CALENDAR_NWORDS == %d) ? 1 : -1];" % nwords)
    table = []
    for cc in COUNTRIES:
        mine = [r for r in rows if r["country"] == cc]
        require(mine, "no holidays for %s" % cc)
        lang = mine[0]["lang"]
        off = sorted((r for r in mine if r["nonworking"] == "t"), key=lambda r: (r["day"], r["name_local"]))
        offdays = {r["day"] for r in off}
        words = [0] * nwords
        for k in range(ndays):
            day = FIRST + datetime.timedelta(days=k)
            if day.weekday() < 5 and day not in offdays:
                words[k // 64] |= 1 << (k % 64)
        before = [0]
        for x in words:
            before.append(before[-1] + bin(x).count("1"))
        low = cc.lower()
        w("")
        w("/* %s: %d business days; %d non-working holidays on %d weekdays */"
          % (cc, before[-1], len(off), sum(1 for d in offdays if d.weekday() < 5)))
        w("static const uint64_t %s_working[%d] = {" % (low, nwords))
        for i in range(0, nwords, 4):
            w("\t" + ", ".join("UINT64_C(0x%016x)" % x for x in words[i:i + 4]) + ",")
        w("};")
        w("static const int32_t %s_before[%d] = {" % (low, nwords + 1))
        for i in range(0, nwords + 1, 10):
            w("\t" + ", ".join("%d" % x for x in before[i:i + 10]) + ",")
        w("};")
        w("static const mr_holiday %s_holidays[%d] = {" % (low, len(off)))
        for r in off:
            w("\t{%d, %s, %s},\t/* %s */" % ((r["day"] - FIRST).days, c_str(r["name_local"]),
                                             c_str(r["name_en"] or r["name_local"]), r["date"]))
        w("};")
        table.append("\t{%s, %d, %s, %s_working, %s_before, %s_holidays, %d}," % (c_str(cc), pack3(cc), c_str(lang), low, low, low, len(off)))
    w("")
    w("const mr_calendar mr_calendars[] = {")
    out.extend(table)
    w("};")
    w("")
    w("const int mr_ncalendars = %d;" % len(COUNTRIES))
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--holidays", default=os.path.join(HOLIDAYS_DIR, "holidays.tsv"))
    ap.add_argument("--lock", default=os.path.join(HOLIDAYS_DIR, "package-lock.json"))
    ap.add_argument("--generator", default=os.path.join(HOLIDAYS_DIR, "gen_holidays.js"))
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--out")
    mode.add_argument("--check")
    args = ap.parse_args()

    header, rows = load(args.holidays)
    version = provenance(header, args.lock, args.generator)
    text = emit_c(rows, version)
    path = args.check or args.out or os.path.join(TOP, "src", "calendar_data.c")
    return emit(PROG, [(path, text)], check=bool(args.check))


if __name__ == "__main__":
    run(PROG, main)
