#!/usr/bin/env python3
"""Lists, for failed regression tests, each statement whose output did not match, with the
output psql printed for it and the output expected (from the best alternative file).

usage: statement-failures.py SUITE_DIR OUTDIR TEST...

OUTDIR is run-pg-regress's output directory (results in OUTDIR/work/TEST/results/TEST.out).
The statements and the matching rule are match-statements.py's own (imported from beside this
script), so the statements listed here are exactly the ones it does not count as matched; only
the output lines are kept raw (white space intact) so that messages can be read and grouped.
Output, one record per line, tab separated:
  S  TEST  LINE  FIRST_SQL_LINE   a statement that did not match (LINE: 1-based in sql/TEST.sql)
  G  TEXT                          a line psql printed for it (absent: the statement never ran)
  W  TEXT                          a line expected for it
  N  TEST  REASON                  no statement could be compared (REASON: no-result-file)
"""
import importlib.util
import os
import re
import sys

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("match_statements", os.path.join(here, "match-statements.py"))
ms = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ms)


def raw_outputs(out_lines, sql, units):
    """Like match-statements' outputs(), but keeps each line as printed."""
    finder = ms.Finder(out_lines)
    starts, pos = [], 0
    for u in units:
        k = finder.find([sql[j] for j in u.echo], pos) if u.echo else -1
        starts.append(k)
        if k >= 0:
            pos = k + len(u.echo)
    res = []
    for idx, u in enumerate(units):
        if starts[idx] < 0:
            res.append(None)
            continue
        begin = starts[idx] + len(u.echo)
        end = next((starts[j] for j in range(idx + 1, len(units)) if starts[j] >= 0), len(out_lines))
        res.append(out_lines[begin:end])
    return res


def clean(text):
    return text.replace("\t", " ").replace("\r", "")


def failures(suite, outdir, test, emit):
    sql_path = os.path.join(suite, "sql", test + ".sql")
    exp_dir = os.path.join(suite, "expected")
    result = os.path.join(outdir, "work", test, "results", test + ".out")
    if not os.path.exists(sql_path):
        return
    if not os.path.exists(result):
        emit(f"N\t{test}\tno-result-file")
        return
    sql = ms.read(sql_path)
    canon_path = os.path.join(exp_dir, test + ".out")
    units = ms.units_of(sql, ms.read(canon_path) if os.path.exists(canon_path) else None)
    counted = [k for k, u in enumerate(units) if u.counted and u.echo]
    out = ms.read(result)
    got = ms.outputs(out, sql, units)
    got_raw = raw_outputs(out, sql, units)
    best = None
    for name in sorted(os.listdir(exp_dir)):
        if not re.fullmatch(re.escape(test) + r"(_\d+)?\.out", name):
            continue
        exp = ms.read(os.path.join(exp_dir, name))
        ok = ms.score(got, ms.outputs(exp, sql, units), units)
        m = sum(1 for k in counted if ok[k])
        if best is None or m > best[0]:
            best = (m, ok, raw_outputs(exp, sql, units))
    if best is None:
        return
    _, ok, want_raw = best
    for k in counted:
        if ok[k]:
            continue
        lines = units[k].echo
        first = next((j for j in lines if not sql[j].lstrip().startswith("--")), lines[0])
        emit(f"S\t{test}\t{first + 1}\t{clean(sql[first][:200])}")
        for line in got_raw[k] or []:
            emit(f"G\t{clean(line)}")
        for line in want_raw[k] or []:
            emit(f"W\t{clean(line)}")
        if got_raw[k] is None:
            emit("X\tnot-reached")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    suite, outdir = sys.argv[1], sys.argv[2]
    sys.stdout.reconfigure(errors="replace")
    out = sys.stdout
    for test in sys.argv[3:]:
        try:
            failures(suite, outdir, test, lambda s: out.write(s + "\n"))
        except Exception as e:  # one unreadable file must not hide the others
            out.write(f"N\t{test}\terror: {clean(str(e))}\n")


if __name__ == "__main__":
    main()
