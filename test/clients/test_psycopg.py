#!/usr/bin/env python3
"""migrec's types through psycopg2 (Debian's python3-psycopg2): every type
read and written as text; the adapters of examples/python_adapters.py; COPY
of a table of every type out and back in, in text and in binary format.
Connects with the PG* environment.  Prints TAP."""
import io
import os
import sys

import psycopg2

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples"))
from python_adapters import Nationality, Place, ProtectionStatus, register_migrec  # noqa: E402

results = []


def ok(cond, what):
    results.append((bool(cond), what))


conn = psycopg2.connect("")
conn.autocommit = True
cur = conn.cursor()
cur.execute("CREATE EXTENSION IF NOT EXISTS migrec")
cur.execute("DROP TABLE IF EXISTS client_types, client_types_text, client_types_binary")
cur.execute("""
CREATE TABLE client_types (
	id int, n nationality, p place, s protection_status, h protection_history, t decision_tally,
	l route_segment, r route, tp transit_profile, f flow_series)""")

samples = [
    (1, "HND", "MX-CHP", "claim_lodged", "{claim_lodged@2021-06-03T09:00:00Z, admitted@2021-06-20T00:00:00Z}",
     "(recognized=3,complementary=1,rejected=4,otherwise_closed=2)", "CO NCI -> PA-5 [2021-08-01,2021-08-09]",
     "{CO NCI -> PA-5 [2021-08-01,2021-08-09], PA-5 -> CR PBS [2021-08-10,]}", "{27:5, 30:2, >730:1}",
     "2021-06-01 {400,0,12}"),
    (2, "XXA", "MX TAP", "expelled", "{}", "(recognized=0,complementary=0,rejected=0,otherwise_closed=0)",
     "MX TAP -> US", "{}", "{}", "{}"),
]
# writing as text: parameters are sent as literals and cast by the server
for row in samples:
    cur.execute("INSERT INTO client_types VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)", row)
cur.execute("SELECT * FROM client_types ORDER BY id")
back = cur.fetchall()
ok(len(back) == 2, "two rows written and read")
for row, got in zip(samples, back):
    ok(tuple(got) == row, "row %d reads back as the text written" % row[0])
cur.execute("SELECT 'hn'::nationality, 'mex'::place, 'ADMITTED'::protection_status")
ok(cur.fetchone() == ("HND", "MX", "admitted"), "values are read in their canonical text form")

# the adapters
register_migrec(conn)
cur.execute("SELECT n, p, s FROM client_types WHERE id = 1")
n, p, s = cur.fetchone()
ok(isinstance(n, Nationality) and n == "HND", "nationality comes back as a Nationality")
ok(isinstance(p, Place) and p.kind == "subdivision" and p.country == "MX", "place comes back as a Place")
ok(s is ProtectionStatus.CLAIM_LODGED, "protection_status comes back as a ProtectionStatus")
cur.execute("SELECT country_name(%s, 'es'), %s <@ 'MX'::place, is_terminal(%s)",
            (Nationality("HTI"), Place("MX TAP"), ProtectionStatus.DEPORTED))
ok(cur.fetchone() == ("Haití", True, True), "the objects pass as parameters")
cur.execute("SELECT ARRAY['HND', 'GTM']::nationality[], ARRAY['admitted', 'rejected']::protection_status[]")
arrays = cur.fetchone()
ok(arrays == ([Nationality("HND"), Nationality("GTM")], [ProtectionStatus.ADMITTED, ProtectionStatus.REJECTED]),
   "arrays come back as lists of objects")

# COPY out and in, text and binary
for fmt in ("text", "binary"):
    table = "client_types_" + fmt
    cur.execute("CREATE TABLE %s (LIKE client_types)" % table)
    buf = io.BytesIO()
    cur.copy_expert("COPY client_types TO STDOUT WITH (FORMAT %s)" % fmt, buf)
    buf.seek(0)
    cur.copy_expert("COPY %s FROM STDIN WITH (FORMAT %s)" % (table, fmt), buf)
    cur.execute("SELECT count(*) FROM (SELECT id, n, p, s, h::text, t::text, l, r::text, tp::text, f::text FROM client_types"
                " EXCEPT SELECT id, n, p, s, h::text, t::text, l, r::text, tp::text, f::text FROM %s) d" % table)
    ok(cur.fetchone()[0] == 0, "COPY %s out and back in: the same rows" % fmt)
    cur.execute("SELECT count(*) FROM %s" % table)
    ok(cur.fetchone()[0] == 2, "COPY %s: every row" % fmt)

cur.execute("DROP TABLE client_types, client_types_text, client_types_binary")
for i, (good, what) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if good else "not ok", i, what))
print("1..%d" % len(results))
sys.exit(0 if all(g for g, _ in results) else 1)
