#!/usr/bin/env python3
"""The linkage test set: two agencies' registers of one migrant population.

A population of persons with the names of the region (Venezuelan, Haitian,
Ecuadorian, Colombian, Cuban, Peruvian, and Brazilian-born children), in
families that share surnames and travel together, is registered by agency A
(say Panama's Darién registry); part of it is registered again by agency B
(say Mexico's asylum office), where each record may be corrupted the way
registers differ: typos, a dropped second surname, swapped surnames, day and
month transposed, accents lost, a nickname for the given name, a spelling of
another language, a second given name dropped, a wrong birth day.  Each side
also has persons the other lacks.

    gen_population.py --seed 1 --people 10000 --out DIR

writes DIR/a.csv and DIR/b.csv (rec_id, person_id, family_names, given_names,
birth, sex, nationality, corruptions; person_id and corruptions are the
truth, never encoded) and prints what was corrupted, by kind.  The same seed
gives the same files.

Names come from test/linkage/names (tools/extract_names.sh), unweighted
lists that get Zipf-like weights here (a seeded shuffle ranks them);
nicknames from tools/linkage/hypocorisms.tsv, every row, also those the
normaliser does not fold.
"""
import argparse
import csv
import datetime
import os
import random
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.join(HERE, "..", "..")

# nationality, share of the population, given-name lists, surname lists, style
ORIGINS = [
    ("VEN", 0.40, ["phpfaker_es_VE"], ["phpfaker_es_VE"], "spanish"),
    ("HTI", 0.15, ["fakerjs_fr", "phpfaker_fr_FR"], ["fakerjs_fr", "phpfaker_fr_FR"], "haitian"),
    ("ECU", 0.12, ["phpfaker_es_PE"], ["phpfaker_es_PE"], "spanish"),
    ("COL", 0.10, ["fakerjs_es_MX", "phpfaker_es_VE"], ["fakerjs_es_MX", "phpfaker_es_AR"], "spanish"),
    ("CUB", 0.08, ["phpfaker_es_ES"], ["phpfaker_es_ES"], "spanish"),
    ("PER", 0.05, ["phpfaker_es_PE"], ["phpfaker_es_PE", "ffaker_mx"], "spanish"),
    ("BRA", 0.10, ["ffaker_br", "phpfaker_pt_BR"], ["phpfaker_pt_BR", "ffaker_br"], "brazilian"),
]

# corruption kinds of agency B's records, with their weights
CORRUPTIONS = [
    ("typo", 0.24),
    ("surname_dropped", 0.14),
    ("surnames_swapped", 0.07),
    ("day_month_transposed", 0.08),
    ("accents_lost", 0.14),
    ("nickname", 0.07),
    ("spelling", 0.12),
    ("given_dropped", 0.08),
    ("birth_day_wrong", 0.02),
    ("case_punctuation", 0.02),
]
# how many corruptions a record of B gets
N_CORRUPTIONS = [(0, 0.30), (1, 0.40), (2, 0.22), (3, 0.08)]

# spellings of another language (tools/linkage and docs/linkage.md): (from, to)
SPELLINGS = [("ph", "f"), ("th", "t"), ("ou", "u"), ("eau", "o"), ("ç", "s"), ("ç", "c"),
             ("z", "s"), ("s", "z"), ("v", "b"), ("b", "v"), ("ll", "y"), ("y", "i"),
             ("i", "y"), ("lh", "ll"), ("nh", "ñ"), ("w", "v"), ("k", "c"), ("ão", "ao"),
             ("ch", "sh"), ("ss", "s"), ("jo", "jho"), ("ti", "thi"), ("gue", "ge"),
             ("que", "ke"), ("ce", "se"), ("x", "j"), ("h", "")]

KEYBOARD = "qwertyuiop asdfghjkl zxcvbnm"


def read_names(name):
    given = {"F": [], "M": []}
    surnames = []
    with open(os.path.join(HERE, "names", name + ".tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("name\t"):
                continue
            n, kind, sex = line.rstrip("\n").split("\t")
            if kind == "surname":
                surnames.append(n)
            elif sex in given:
                given[sex].append(n)
    return given, surnames


def read_nicknames():
    nick = {}
    with open(os.path.join(TOP, "tools", "linkage", "hypocorisms.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("nickname\t"):
                continue
            n, formal, _sex, _region, _src = line.rstrip("\n").split("\t")
            nick.setdefault(strip_accents(formal).lower(), []).append(n)
    return nick


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


class Weighted:
    """A list with Zipf-like weights (1 / (rank + 10)) over a seeded shuffle."""

    def __init__(self, rng, items):
        items = sorted(set(items))
        rng.shuffle(items)
        self.items = items
        self.cum = []
        total = 0.0
        for r in range(len(items)):
            total += 1.0 / (r + 10)
            self.cum.append(total)

    def pick(self, rng):
        return rng.choices(self.items, cum_weights=self.cum)[0]


class Origin:
    def __init__(self, rng, nat, share, given_lists, surname_lists, style):
        self.nat, self.share, self.style = nat, share, style
        g = {"F": [], "M": []}
        s = []
        for name in given_lists:
            gi, _ = read_names(name)
            g["F"] += gi["F"]
            g["M"] += gi["M"]
        for name in surname_lists:
            s += read_names(name)[1]
        self.given = {sex: Weighted(rng, v) for sex, v in g.items()}
        self.surname = Weighted(rng, s)

    def given_names(self, rng, sex):
        first = self.given[sex].pick(rng)
        if " " in first:
            return first
        p_compound = {"spanish": 0.45, "haitian": 0.35, "brazilian": 0.35}[self.style]
        if self.style == "haitian" and rng.random() < 0.25:
            first = "Jean" if sex == "M" else "Marie"
        if rng.random() < p_compound:
            second = self.given[sex].pick(rng)
            if second.split()[0] != first:
                return first + " " + second.split()[0]
        return first


def pick(rng, weighted):
    return rng.choices([w[0] for w in weighted], weights=[w[1] for w in weighted])[0]


def random_birth(rng, child, year_now=2023):
    if child:
        age = rng.randint(0, 17)
    else:
        age = min(75, 18 + int(rng.gammavariate(2.5, 5.0)))
    year = year_now - age
    start = datetime.date(year, 1, 1)
    return start + datetime.timedelta(days=rng.randint(0, 364))


def make_population(rng, n):
    origins = [Origin(rng, *o) for o in ORIGINS]
    people = []
    while len(people) < n:
        o = rng.choices(origins, weights=[x.share for x in origins])[0]
        size = 1 if rng.random() < 0.55 else rng.choice([2, 2, 3, 3, 4, 5])
        father = [o.surname.pick(rng), o.surname.pick(rng)]
        mother = [o.surname.pick(rng), o.surname.pick(rng)]
        for m in range(size):
            if len(people) >= n:
                break
            sex = rng.choice("FM")
            child = m >= 2 or (size > 1 and m == 1 and rng.random() < 0.3)
            if o.style == "haitian":
                family = father[0] if (child or m == 0) else mother[0]
            elif o.style == "brazilian":
                particle = rng.choice(["", "", "da ", "dos ", "de "])
                family = (mother[0] + " " + particle + father[0]) if (child or m == 0) else \
                    (mother[1] + " " + mother[0])
            else:
                family = (father[0] + " " + mother[0]) if (child or m == 0) else \
                    (mother[0] + " " + mother[1])
            people.append({
                "person_id": len(people) + 1,
                "family_names": family,
                "given_names": o.given_names(rng, sex),
                "birth": random_birth(rng, child),
                "sex": sex,
                "nationality": o.nat,
                "style": o.style,
            })
    return people


def typo(rng, s):
    words = s.split(" ")
    i = rng.randrange(len(words))
    w = words[i]
    if len(w) < 3:
        return s
    p = rng.randrange(1, len(w))
    kind = rng.choice(["sub", "del", "ins", "swap"])
    if kind == "sub":
        row = KEYBOARD.find(w[p].lower())
        c = KEYBOARD[row + rng.choice([-1, 1])] if 0 < row < len(KEYBOARD) - 1 else rng.choice("aeiou")
        c = c if c != " " else "e"
        w = w[:p] + c + w[p + 1:]
    elif kind == "del":
        w = w[:p] + w[p + 1:]
    elif kind == "ins":
        w = w[:p] + w[p] + w[p:]
    elif p + 1 < len(w):
        w = w[:p] + w[p + 1] + w[p] + w[p + 2:]
    words[i] = w
    return " ".join(words)


def spelling(rng, s):
    low = s.lower()
    options = [(a, b) for a, b in SPELLINGS if a in low]
    if not options:
        return None
    a, b = rng.choice(options)
    i = low.find(a)
    out = s[:i] + b + s[i + len(a):]
    if i == 0 and out:
        out = out[0].upper() + out[1:]
    return out


def corrupt(rng, rec, nicknames, counts):
    r = dict(rec)
    kinds = []
    n = pick(rng, N_CORRUPTIONS)
    done = 0
    tries = 0
    while done < n and tries < 20:
        tries += 1
        kind = pick(rng, CORRUPTIONS)
        fam = r["family_names"].split(" ")
        if kind == "typo":
            field = rng.choice(["family_names", "given_names"])
            r[field] = typo(rng, r[field])
        elif kind == "surname_dropped":
            if r["style"] != "spanish" or len(fam) < 2:
                continue
            r["family_names"] = fam[0]
        elif kind == "surnames_swapped":
            if r["style"] != "spanish" or len(fam) != 2:
                continue
            r["family_names"] = fam[1] + " " + fam[0]
        elif kind == "day_month_transposed":
            d = r["birth"]
            if d.day > 12 or d.day == d.month:
                continue
            r["birth"] = datetime.date(d.year, d.day, d.month)
        elif kind == "accents_lost":
            new = {f: strip_accents(r[f]).upper() for f in ("family_names", "given_names")}
            if new["family_names"] == r["family_names"].upper() and new["given_names"] == r["given_names"].upper():
                continue
            r.update(new)
        elif kind == "nickname":
            first = strip_accents(r["given_names"].split(" ")[0]).lower()
            rest = r["given_names"].split(" ")[1:]
            full = strip_accents(r["given_names"]).lower()
            if full in nicknames:
                r["given_names"] = rng.choice(nicknames[full])
            elif first in nicknames:
                r["given_names"] = " ".join([rng.choice(nicknames[first])] + rest)
            else:
                continue
        elif kind == "spelling":
            field = rng.choice(["family_names", "given_names"])
            s = spelling(rng, r[field])
            if s is None or s == r[field]:
                continue
            r[field] = s
        elif kind == "given_dropped":
            g = r["given_names"].split(" ")
            if len(g) < 2:
                continue
            r["given_names"] = g[0]
        elif kind == "birth_day_wrong":
            d = r["birth"]
            r["birth"] = d + datetime.timedelta(days=rng.choice([-1, 1, 10, -10]))
        elif kind == "case_punctuation":
            r["family_names"] = r["family_names"].upper().replace(" ", "-")
        counts[kind] = counts.get(kind, 0) + 1
        kinds.append(kind)
        done += 1
    counts["records with %d corruptions" % done] = counts.get("records with %d corruptions" % done, 0) + 1
    r["corruptions"] = ";".join(kinds)
    return r


def write(path, records):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["rec_id", "person_id", "family_names", "given_names", "birth", "sex", "nationality",
                    "corruptions"])
        for i, r in enumerate(records, 1):
            w.writerow([i, r["person_id"], r["family_names"], r["given_names"], r["birth"].isoformat(),
                        r["sex"], r["nationality"], r.get("corruptions", "")])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--people", type=int, default=10000, help="records of agency A")
    ap.add_argument("--overlap", type=float, default=0.5, help="share of A registered again by B")
    ap.add_argument("--b-only", type=float, default=0.5, help="records of B not in A, as a share of A")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    n_b_only = int(args.people * args.b_only)
    people = make_population(rng, args.people + n_b_only)
    rng.shuffle(people)
    a = people[:args.people]
    b_only = people[args.people:]
    nicknames = read_nicknames()
    counts = {}
    b = [corrupt(rng, p, nicknames, counts) for p in a if rng.random() < args.overlap]
    b += [dict(p) for p in b_only]
    rng.shuffle(b)
    os.makedirs(args.out, exist_ok=True)
    write(os.path.join(args.out, "a.csv"), a)
    write(os.path.join(args.out, "b.csv"), b)
    print("agency A: %d records; agency B: %d records, %d of them persons of A"
          % (len(a), len(b), len(b) - len(b_only)))
    for k in sorted(counts):
        print("  %-28s %d" % (k, counts[k]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
