#!/usr/bin/env python3
"""Builds regress-corpus.txt.gz: every SQL statement of PostgreSQL 15's regression suite, cut the
way psql cuts it (conformance/match-statements.py's lexer), each with what the canonical expected
output shows for it: "ok", "syntax" (a parse-time error: syntax error, lexer errors) with PG's
message, "error" (an error raised after parsing) or "multi" (several statements on one echoed
line, so the output cannot be attributed).

usage: make-regress-corpus.py CONFORMANCE_DIR OUT.gz
Record format: a line "#@ TEST:LINE<TAB>STATUS<TAB>SCS<TAB>MESSAGE", the statement text, a line "#@@".
"""
import gzip
import importlib.util
import os
import re
import sys

PARSE_ERRORS = re.compile(r"ERROR:\s+(syntax error at|unterminated |trailing junk after|zero-length delimited"
                          r"|invalid Unicode|invalid unicode|unsafe use of string constant|UESCAPE|"
                          r"invalid hexadecimal integer|invalid octal integer|invalid binary integer"
                          r"|WITH TIES cannot be specified|MERGE not supported in WITH query|multiple ORDER BY"
                          r"|multiple LIMIT|multiple OFFSET|multiple WITH|LIMIT #,#"
                          r"|invalid publication object list|invalid table name|invalid schema name"
                          r"|WHERE clause not allowed for schema|column specification not allowed for schema"
                          r"|subquery in FROM must have an alias|VALUES in FROM must have an alias"
                          r"|unrecognized role option|improper qualified name"
                          r"|cannot use (multiple ORDER BY clauses|DISTINCT|VARIADIC) with WITHIN GROUP"
                          r"|column number must be in range|role name \".*\" is reserved|cannot be used as a role name here"
                          r"|constraints cannot be marked|wrong number of parameters on|missing argument"
                          r"|frame start cannot be|frame end cannot be|frame starting from)")


def main():
    conf, out = sys.argv[1], sys.argv[2]
    spec = importlib.util.spec_from_file_location("ms", os.path.join(conf, "match-statements.py"))
    ms = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ms)
    suite = os.path.join(conf, "pg15-regress")
    captured = []

    class Capturing(ms.Lexer):
        def statement_done(self, text):
            captured.append((text, self.std_strings))
            return super().statement_done(text)

    ms.Lexer = Capturing
    records = []
    for name in sorted(os.listdir(os.path.join(suite, "sql"))):
        test = name[:-4]
        sql = ms.read(os.path.join(suite, "sql", name))
        canon_path = os.path.join(suite, "expected", test + ".out")
        canon = ms.read(canon_path) if os.path.exists(canon_path) else None
        # run the cutter once per unit to know which statements each unit produced
        captured.clear()
        units = ms.units_of(sql, canon)
        all_stmts = list(captured)
        raw_outs = raw_outputs(canon, sql, units, ms) if canon is not None else [None] * len(units)
        # re-run the cutter, recording which unit each statement ends in
        captured.clear()
        stmt_unit = attribute(ms, sql, canon, units, captured)
        for idx, (text, scs) in enumerate(captured):
            u = stmt_unit[idx]
            siblings = sum(1 for x in stmt_unit if x == u)
            block = raw_outs[u] if u is not None and u < len(raw_outs) else None
            first_line = sql[units[u].echo[0]] if u is not None and units[u].echo else ""
            if block is None:
                status, msg = "unknown", ""
            elif siblings > 1:
                status, msg = "multi", ""
            else:
                errs = [l for l in block if l.startswith("ERROR:")]
                # errors raised while validating a function body or a jsonpath value are not SQL parse errors
                in_body = any(l.startswith("CONTEXT:") for l in block)
                # a parse error points into the statement: psql prints a LINE n: caret after it
                perr = [l for k, l in enumerate(block) if l.startswith("ERROR:") and PARSE_ERRORS.match(l)
                        and "jsonpath input" not in l and not in_body
                        and (k + 1 < len(block) and block[k + 1].startswith("LINE ")
                             or "with Unicode escapes" in l or "WITH TIES cannot be specified" in l
                             or "MERGE not supported in" in l or "constraints cannot be marked" in l)]
                if perr:
                    status, msg = "syntax", perr[0][len("ERROR:"):].strip()
                elif errs:
                    status, msg = "error", errs[0][len("ERROR:"):].strip()
                else:
                    status, msg = "ok", ""
            line_no = (units[u].echo[0] + 1) if u is not None and units[u].echo else 0
            records.append(f"#@ {test}:{line_no}\t{status}\t{'on' if scs else 'off'}\t{msg}\n{text}\n#@@\n")
    with gzip.open(out, "wt", encoding="utf-8", errors="surrogateescape") as f:
        f.writelines(records)
    print(len(records), "statements")


def attribute(ms, sql, canon, units, captured):
    """Unit index of every captured statement, found by replaying units_of with a hook."""
    unit_of = []
    orig = ms.Unit

    class Tracking(orig):
        count = 0

        def __init__(self):
            super().__init__()
            self.index = Tracking.count
            Tracking.count += 1

    # units_of appends units in creation order for counted ones; map by position of statement end
    ms.Unit = Tracking
    try:
        marks = []
        base = ms.Lexer.statement_done

        def hooked(self, text):
            marks.append(Tracking.count - 1)
            return base(self, text)

        ms.Lexer.statement_done = hooked
        try:
            again = ms.units_of(sql, canon)
        finally:
            ms.Lexer.statement_done = base
    finally:
        ms.Unit = orig
    index_to_pos = {getattr(u, "index", None): p for p, u in enumerate(again)}
    for m in marks:
        unit_of.append(index_to_pos.get(m))
    return unit_of


def raw_outputs(out_lines, sql, units, ms):
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


if __name__ == "__main__":
    main()
