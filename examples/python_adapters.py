"""Reading and writing migrec's types from Python with psycopg2.

Register the adapters once per connection; nationality, place and
protection_status values then come back as Python objects, and those
objects can be passed as query parameters.

    import psycopg2
    from python_adapters import register_migrec
    conn = psycopg2.connect("dbname=records")
    register_migrec(conn)
    cur = conn.cursor()
    cur.execute("SELECT nationality, office, status FROM case_events LIMIT 1")
    n, p, s = cur.fetchone()     # Nationality('HND'), Place('MX-CHP'), ProtectionStatus.CLAIM_LODGED
"""
import enum

import psycopg2
import psycopg2.extensions as ext


class Nationality(str):
    """An alpha-3 code: 'HND'."""

    def __repr__(self):
        return "Nationality(%r)" % str(self)


class Place(str):
    """A place code: 'MX', 'MX-CHP' (subdivision) or 'MX TAP' (locality)."""

    @property
    def country(self):
        return self[:2]

    @property
    def kind(self):
        if len(self) == 2:
            return "country"
        return "subdivision" if self[2] == "-" else "locality"

    def __repr__(self):
        return "Place(%r)" % str(self)


class ProtectionStatus(enum.Enum):
    """The states of the protection procedure, in pipeline order."""
    ENCOUNTERED = "encountered"
    SCREENING = "screening"
    CLAIM_LODGED = "claim_lodged"
    ADMITTED = "admitted"
    INTERVIEWED = "interviewed"
    INADMISSIBLE = "inadmissible"
    RECOGNIZED_REFUGEE = "recognized_refugee"
    RECOGNIZED_CARTAGENA = "recognized_cartagena"
    COMPLEMENTARY_PROTECTION = "complementary_protection"
    REJECTED = "rejected"
    UNDER_APPEAL = "under_appeal"
    REJECTED_FINAL = "rejected_final"
    WITHDRAWN = "withdrawn"
    ABANDONED = "abandoned"
    REGULARIZED = "regularized"
    RESETTLED = "resettled"
    VOLUNTARY_RETURN = "voluntary_return"
    DEPORTED = "deported"
    EXPELLED = "expelled"


def _caster(cls):
    def cast(value, cur):
        return None if value is None else cls(value)
    return cast


def _adapter(type_name):
    def adapt(value):
        text = value.value if isinstance(value, enum.Enum) else str(value)
        return ext.AsIs("%s::%s" % (ext.adapt(text).getquoted().decode(), type_name))
    return adapt


def register_migrec(conn):
    """Register casters (SQL to Python) and adapters (Python to SQL)."""
    cur = conn.cursor()
    cur.execute("SELECT t.typname, t.oid, t.typarray FROM pg_type t"
                " JOIN pg_depend d ON d.objid = t.oid AND d.classid = 'pg_type'::regclass AND d.deptype = 'e'"
                " JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'migrec'"
                " WHERE t.typname IN ('nationality', 'place', 'protection_status')")
    for name, oid, array_oid in cur.fetchall():
        cls = {"nationality": Nationality, "place": Place, "protection_status": ProtectionStatus}[name]
        t = ext.new_type((oid,), name.upper(), _caster(cls))
        ext.register_type(t, conn)
        ext.register_type(ext.new_array_type((array_oid,), name.upper() + "[]", t), conn)
        ext.register_adapter(cls, _adapter(name))
