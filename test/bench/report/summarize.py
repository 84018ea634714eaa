#!/usr/bin/env python3
"""The markdown report of bench_report.sh from its raw timings.

summarize.py TSV PNG --header TEXT: prints the report; writes PNG's .dat
(scale, then each system's warm report time in seconds) for chart.gp.
TSV rows: scale, system, phase (data, load, storage, warmup, warm, cold),
run, what (a section, "report", "load", "bytes"), value.
"""
import argparse
import collections
import statistics

SYSTEMS = ["migrec", "plain", "jsonb"]

ap = argparse.ArgumentParser()
ap.add_argument("tsv")
ap.add_argument("png")
ap.add_argument("--header", default="")
a = ap.parse_args()

v = collections.defaultdict(list)          # (scale, system, phase, what) -> [values by run]
byrun = collections.defaultdict(dict)      # (scale, system, phase, what) -> {run: value}
scales = []
sections = []
for line in open(a.tsv):
    scale, system, phase, run, what, val = line.rstrip("\n").split("\t")
    if scale not in scales:
        scales.append(scale)
    if phase == "warm" and what != "report" and what not in sections:
        sections.append(what)
    v[scale, system, phase, what].append(float(val))
    byrun[scale, system, phase, what][run] = float(val)


def med(scale, system, phase, what):
    x = v.get((scale, system, phase, what))
    return statistics.median(x) if x else None


def spread(scale, system, phase, what):
    x = v.get((scale, system, phase, what))
    if not x:
        return "–"
    return f"{min(x):,.0f}–{max(x):,.0f}" if len(x) > 1 else "1 run"


def paired(scale, phase, what, base):
    """median of the per-run ratios migrec / base (runs interleaved)"""
    m = byrun.get((scale, "migrec", phase, what), {})
    b = byrun.get((scale, base, phase, what), {})
    r = [m[k] / b[k] for k in m if k in b and b[k] > 0]
    return statistics.median(r) if r else None


def fmt_ms(x):
    return "–" if x is None else (f"{x / 1000:,.2f} s" if x >= 1000 else f"{x:,.1f} ms")


def fmt_r(x):
    return "–" if x is None else f"{x:.2f}"


def fmt_mb(x):
    return "–" if x is None else f"{x / 1048576:,.1f} MB"


print("# The whole report: migrec against plain PostgreSQL and jsonb documents\n")
print(a.header + "\n")
print("A ratio below 1 means migrec takes less (time or space). Time ratios are the median of the")
print("per-run ratios (runs interleaved: the systems take turns, the order rotated); the spread is")
print("min–max over the runs, the noise of a shared machine.\n")

print("## Headline\n")
print("| scale | events | legs | report warm: migrec / plain / jsonb | migrec ÷ plain | migrec ÷ jsonb | storage: migrec / plain / jsonb | migrec ÷ plain | migrec ÷ jsonb |")
print("|---|---|---|---|---|---|---|---|---|")
dat = []
for s in scales:
    ev = med(s, "all", "data", "case_events")
    lg = med(s, "all", "data", "journey_legs")
    w = [med(s, x, "warm", "report") for x in SYSTEMS]
    st = [med(s, x, "storage", "bytes") for x in SYSTEMS]
    print(f"| {s}× | {ev:,.0f} | {lg:,.0f} | {' / '.join(fmt_ms(x) for x in w)} | {fmt_r(paired(s, 'warm', 'report', 'plain'))} "
          f"| {fmt_r(paired(s, 'warm', 'report', 'jsonb'))} | {' / '.join(fmt_mb(x) for x in st)} "
          f"| {fmt_r(st[0] / st[1] if st[0] and st[1] else None)} | {fmt_r(st[0] / st[2] if st[0] and st[2] else None)} |")
    if all(w):
        dat.append(f"{s} " + " ".join(f"{x / 1000:.4f}" for x in w))
with open(a.png[:-4] + ".dat", "w") as f:
    f.write("# scale " + " ".join(SYSTEMS) + " (warm report, s)\n" + "\n".join(dat) + "\n")

for s in scales:
    ev = med(s, "all", "data", "case_events")
    print(f"\n## Scale {s}×\n")
    print("| measure | migrec | plain | jsonb | migrec ÷ plain | migrec ÷ jsonb |")
    print("|---|---|---|---|---|---|")
    row = lambda label, vals, rp, rj: print(f"| {label} | " + " | ".join(vals) + f" | {fmt_r(rp)} | {fmt_r(rj)} |")
    ld = [med(s, x, "load", "load") for x in SYSTEMS]
    row("load (COPY + indexes), median", [fmt_ms(x) for x in ld], paired(s, "load", "load", "plain"), paired(s, "load", "load", "jsonb"))
    row("load spread", [spread(s, x, "load", "load") + " ms" for x in SYSTEMS], None, None)
    st = [med(s, x, "storage", "bytes") for x in SYSTEMS]
    row("storage (tables, indexes, TOAST)", [fmt_mb(x) for x in st],
        st[0] / st[1] if st[1] else None, st[0] / st[2] if st[2] else None)
    for phase in ("warm", "cold"):
        w = [med(s, x, phase, "report") for x in SYSTEMS]
        if not any(w):
            continue
        row(f"report {phase}, median", [fmt_ms(x) for x in w], paired(s, phase, "report", "plain"), paired(s, phase, "report", "jsonb"))
        row(f"report {phase} spread", [spread(s, x, phase, "report") + " ms" for x in SYSTEMS], None, None)
        if phase == "warm" and ev:
            row("report warm per million events", [fmt_ms(x / (ev / 1e6)) if x else "–" for x in w], None, None)
    print(f"\nEach section, warm (median of {len(v.get((s, 'migrec', 'warm', 'report'), []))} runs):\n")
    print("| section | migrec | plain | jsonb | migrec ÷ plain | migrec ÷ jsonb |")
    print("|---|---|---|---|---|---|")
    for sec in sections:
        vals = [med(s, x, "warm", sec) for x in SYSTEMS]
        print(f"| {sec} | " + " | ".join(fmt_ms(x) for x in vals)
              + f" | {fmt_r(paired(s, 'warm', sec, 'plain'))} | {fmt_r(paired(s, 'warm', sec, 'jsonb'))} |")
    if any(med(s, x, "cold", "report") for x in SYSTEMS):
        print(f"\nEach section, cold (median of {len(v.get((s, 'migrec', 'cold', 'report'), []))} runs):\n")
        print("| section | migrec | plain | jsonb | migrec ÷ plain | migrec ÷ jsonb |")
        print("|---|---|---|---|---|---|")
        for sec in sections:
            vals = [med(s, x, "cold", sec) for x in SYSTEMS]
            print(f"| {sec} | " + " | ".join(fmt_ms(x) for x in vals)
                  + f" | {fmt_r(paired(s, 'cold', sec, 'plain'))} | {fmt_r(paired(s, 'cold', sec, 'jsonb'))} |")
