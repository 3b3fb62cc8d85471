#!/usr/bin/env bash
# Records what PostgreSQL 15 answers to one-line queries, as fixtures lakepg's tests compare with.
#
# usage: scripts/record-sql-fixtures.sh NAME [PORT]
#   reads  server/src/test/resources/sql-fixtures/NAME.sql   (one query per line; -- comments and blank lines skipped)
#   writes server/src/test/resources/sql-fixtures/NAME.tsv   (query <TAB> result), where result is the rows as
#          `psql -q -At` prints them (no command tags; columns joined by |, rows by \n written as the two characters \n), or
#          "ERROR <SQLSTATE> <message>" for a query that fails.
#   PORT: a running PostgreSQL 15 on 127.0.0.1 (user postgres); without it a throwaway one is started.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
name=$1
port=${2:-}
dir=$root/server/src/test/resources/sql-fixtures
tmp=
errfile=$(mktemp)
cleanup() {
  rm -f "$errfile"
  if [ -n "$tmp" ]; then "$root/conformance/start-reference-postgres" --stop "$tmp/pg" >/dev/null; rm -rf "$tmp"; fi
}
trap cleanup EXIT
if [ -z "$port" ]; then
  tmp=$(mktemp -d)
  port=$("$root/conformance/start-reference-postgres" "$tmp/pg" | tail -1)
fi
out=$dir/$name.tsv
: > "$out"
while IFS= read -r query || [ -n "$query" ]; do
  case "$query" in ''|--*) continue ;; esac
  if result=$(PGOPTIONS='-c TimeZone=UTC -c DateStyle=ISO,MDY -c IntervalStyle=postgres -c extra_float_digits=1' \
      psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -At -v ON_ERROR_STOP=1 -v VERBOSITY=sqlstate \
      -c "\\set VERBOSITY verbose" -c "$query" 2>$errfile; rc=$?; echo x; exit $rc); then
    # the trailing x keeps the empty lines of NULL rows at the end, which $(...) would strip
    result=${result%x}
    result=${result%$'\n'}
    printf '%s\t%s\n' "$query" "${result//$'\n'/\\n}" >> "$out"
  else
    err=$(grep -m1 '^ERROR:' $errfile | sed -E 's/^ERROR:  ([0-9A-Z]{5}): /ERROR \1 /')
    printf '%s\t%s\n' "$query" "$err" >> "$out"
  fi
done < "$dir/$name.sql"
echo "recorded $(wc -l < "$out") queries into $out"
