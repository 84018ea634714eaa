"""What the generators in tools/ (gen_tables.py, gen_states.py) share: the
small TSV inputs, C string literals, and the --out / --check tail.

Exit codes of every generator, in every mode:
  0  written; or --check: every committed file matches its sources
  1  --check: a committed file differs from what its sources generate
  2  generator error: bad input, a broken invariant, a crash.  Never read it
     as "skipped": something is wrong with the sources or the generator.
"""
import os
import sys
import traceback

EXIT_OK = 0
EXIT_DIFFERS = 1
EXIT_ERROR = 2

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)


class GenError(Exception):
    """Bad input or a broken invariant: the generator exits with 2."""


def require(cond, message):
    """An invariant of the sources (not an assert: python -O keeps it)."""
    if not cond:
        raise GenError(message)


def read_tsv(path, ncols=None):
    """Rows of a tab-separated file; lines starting with # are comments.
    With ncols, every row must have that many fields (trailing empty fields
    may be left out)."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            row = line.split("\t")
            if ncols is not None:
                require(len(row) <= ncols, "%s:%d: %d fields, expected %d"
                        % (path, lineno, len(row), ncols))
                row += [""] * (ncols - len(row))
            rows.append(row)
    return rows


def c_str(s):
    """A C string literal: printable ASCII as is, '"' and '\\' escaped, '?'
    (trigraphs) and every other byte of the UTF-8 as octal; None is NULL."""
    if s is None:
        return "NULL"
    r = []
    for ch in s.encode("utf-8"):
        if ch in (0x22, 0x5C):
            r.append("\\" + chr(ch))
        elif 32 <= ch < 127 and ch != 0x3F:
            r.append(chr(ch))
        else:
            r.append("\\%03o" % ch)
    return '"' + "".join(r) + '"'


def rel(path):
    """A path as the messages show it: relative to the repository when inside."""
    p = os.path.abspath(path)
    return os.path.relpath(p, TOP) if p.startswith(TOP + os.sep) else path


def emit(prog, outputs, check):
    """The generators' tail.  outputs: (path, text) pairs, the files the
    sources generate.  check false: write them.  check true: compare each
    with the file on disk (missing counts as differing) and write nothing.
    Returns the exit code."""
    if check:
        differs = []
        for path, text in outputs:
            try:
                with open(path, encoding="utf-8") as f:
                    same = f.read() == text
            except FileNotFoundError:
                same = False
            if not same:
                differs.append(path)
                print("%s: %s differs from what its sources generate" % (prog, rel(path)),
                      file=sys.stderr)
            else:
                print("%s: %s matches its sources" % (prog, rel(path)))
        return EXIT_DIFFERS if differs else EXIT_OK
    for path, text in outputs:
        if path == "-":
            sys.stdout.write(text)
            continue
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        print("%s: wrote %s" % (prog, rel(path)), file=sys.stderr)
    return EXIT_OK


def run(prog, main):
    """Run main() and exit with its code; a GenError or any exception exits 2."""
    try:
        code = main()
    except GenError as e:
        print("%s: error: %s" % (prog, e), file=sys.stderr)
        code = EXIT_ERROR
    except SystemExit:
        raise
    except BaseException:          # a crash: the traceback, and exit 2
        traceback.print_exc()
        print("%s: error: the generator crashed" % prog, file=sys.stderr)
        code = EXIT_ERROR
    sys.exit(code)
