#!/usr/bin/env python3
"""Generate docs/reference.md from the catalog of a database where migrec is
installed (PG* environment): every object of the extension, with its
signature, labels and comment, and the examples of
tools/reference_examples.tsv run against it.  --check FILE compares.
Uses psycopg2 (Debian's python3-psycopg2).
Exit codes (tools/gen_common.py): 0 written / matches, 1 differs, 2 error."""
import argparse
import os

import psycopg2

from gen_common import HERE, GenError, emit, run

KIND_ORDER = ["type", "function", "aggregate", "operator", "operator class", "operator family", "cast"]


def fetch(cur):
    cur.execute("""
	SELECT pg_describe_object(d.classid, d.objid, 0) AS object,
	       CASE d.classid WHEN 'pg_type'::regclass THEN 'type'
	                      WHEN 'pg_proc'::regclass THEN CASE WHEN p.prokind = 'a' THEN 'aggregate' ELSE 'function' END
	                      WHEN 'pg_operator'::regclass THEN 'operator'
	                      WHEN 'pg_opclass'::regclass THEN 'operator class'
	                      WHEN 'pg_opfamily'::regclass THEN 'operator family'
	                      WHEN 'pg_cast'::regclass THEN 'cast' ELSE 'other' END AS kind,
	       obj_description(d.objid, d.classid::regclass::name) AS comment,
	       CASE WHEN d.classid = 'pg_proc'::regclass THEN
	         p.proname || '(' || pg_get_function_arguments(p.oid) || ') → ' ||
	         pg_get_function_result(p.oid) END AS signature,
	       CASE WHEN d.classid = 'pg_proc'::regclass THEN
	         concat_ws(', ', CASE p.provolatile WHEN 'i' THEN 'immutable' WHEN 's' THEN 'stable' ELSE 'volatile' END,
	                   CASE WHEN p.proisstrict THEN 'strict' END,
	                   'parallel ' || CASE p.proparallel WHEN 's' THEN 'safe' WHEN 'r' THEN 'restricted' ELSE 'unsafe' END) END AS labels,
	       CASE WHEN d.classid = 'pg_type'::regclass THEN
	         (SELECT CASE WHEN t.typtype = 'c' THEN 'composite'
	                      WHEN t.typlen = -1 THEN 'variable length' ELSE t.typlen || ' bytes' END
	                 || CASE WHEN t.typbyval THEN ', passed by value' ELSE '' END
	          FROM pg_type t WHERE t.oid = d.objid) END AS storage
	FROM pg_depend d
	LEFT JOIN pg_proc p ON d.classid = 'pg_proc'::regclass AND p.oid = d.objid
	LEFT JOIN pg_type at ON d.classid = 'pg_type'::regclass AND at.oid = d.objid
	WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
	  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'migrec')
	  AND NOT (d.classid = 'pg_type'::regclass AND at.typelem <> 0 AND at.typlen = -1)
	ORDER BY 1""")
    return cur.fetchall()


def cell(v):
    """A value as psql shows it: booleans t and f."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "t" if v else "f"
    return str(v).replace("|", "\\|")


def examples(cur):
    ex = {}
    with open(os.path.join(HERE, "reference_examples.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            obj, query = line.rstrip("\n").split("\t")
            cur.execute("SET TimeZone = 'UTC'; SET DateStyle = 'ISO'")
            cur.execute(query)
            cols = [c.name for c in cur.description]
            rows = cur.fetchall()
            table = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
            for r in rows:
                table.append("| " + " | ".join(cell(v) for v in r) + " |")
            ex[obj] = (query, table)
    return ex


def main():
    ap = argparse.ArgumentParser()
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--out")
    mode.add_argument("--check")
    args = ap.parse_args()
    conn = psycopg2.connect("")
    conn.autocommit = True
    cur = conn.cursor()
    objects = fetch(cur)
    ex = examples(cur)
    known = {o[0] for o in objects}
    missing_examples = [k for k in ex if k not in known]
    if missing_examples:
        raise GenError("examples for unknown objects: %s" % missing_examples)

    out = ["# migrec reference", "",
           "Every object of the extension, from the catalog (`tools/gen_reference.py`;",
           "a test fails when this file and the catalog disagree). Each entry gives the",
           "object's comment (`\\dT+`, `\\df+` and `\\do+` show the same in psql); functions",
           "give their labels; examples are run against the extension. Errors are",
           "described in the README (Errors) and in each type's section there.", ""]
    for kind in KIND_ORDER:
        rows = [o for o in objects if o[1] == kind]
        if not rows:
            continue
        out.append("## " + {"type": "Types", "function": "Functions", "aggregate": "Aggregates",
                            "operator": "Operators", "operator class": "Operator classes",
                            "operator family": "Operator families", "cast": "Casts"}[kind])
        out.append("")
        for obj, _, comment, signature, labels, storage in rows:
            title = signature if signature else obj.split(" ", 1)[1] if kind in ("type", "cast") else obj
            out.append("### `%s`" % title)
            out.append("")
            out.append(comment or "(no comment)")
            if storage:
                out.append("")
                out.append("Storage: %s." % storage)
            if labels:
                out.append("")
                out.append("Labels: %s." % labels)
            if obj in ex:
                query, table = ex[obj]
                out.append("")
                out.append("```sql")
                out.append(query + ";")
                out.append("```")
                out.append("")
                out.extend(table)
            out.append("")
    text = "\n".join(out)
    code = emit("gen_reference", [(args.check or args.out, text)], check=bool(args.check))
    if code:
        print("gen_reference: regenerate it with tools/gen_reference.py --out %s" % args.check)
    return code


if __name__ == "__main__":
    run("gen_reference", main)
