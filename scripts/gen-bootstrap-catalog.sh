#!/usr/bin/env bash
# Records the built-in rows of PostgreSQL 15's system catalogs (types, functions, operators,
# casts, aggregates, access methods and operator classes, collations, descriptions) from a real
# PostgreSQL 15 into server/src/main/resources/org/lakepg/server/catalog/bootstrap/*.csv.
# lakepg's catalog starts from these rows, so OIDs, names and signatures are PostgreSQL's own.
#
# usage: scripts/gen-bootstrap-catalog.sh [PORT]   (a running PG 15 on 127.0.0.1:PORT, user postgres;
#        without PORT a throwaway one is started with conformance/start-reference-postgres)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/server/src/main/resources/org/lakepg/server/catalog/bootstrap
port=${1:-}
tmp=
if [ -z "$port" ]; then
  tmp=$(mktemp -d)
  port=$("$root/conformance/start-reference-postgres" "$tmp/pg" | tail -1)
  trap '"$root/conformance/start-reference-postgres" --stop "$tmp/pg" >/dev/null; rm -rf "$tmp"' EXIT
fi
mkdir -p "$out"
q() { psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -XAtq -v ON_ERROR_STOP=1 "$@"; }
dump() { # table, where/order clause; regproc columns are written as OIDs, not as names
  local cols
  # prosqlbody (a node tree) is written as SQL text, so lakepg can parse and inline SQL-language built-ins
  cols=$(q -c "select string_agg(case when atttypid = 'regproc'::regtype then quote_ident(attname) || '::oid as ' || quote_ident(attname) when attname = 'prosqlbody' then 'pg_get_function_sqlbody(oid) as prosqlbody' else quote_ident(attname) end, ', ' order by attnum) from pg_attribute where attrelid = '$1'::regclass and attnum > 0 and not attisdropped")
  if [ "$1" = pg_proc ]; then
    # the defaults of trailing arguments as SQL text (unit-separator joined), which lakepg parses and analyzes
    cols="$cols, (select string_agg(coalesce(pg_get_function_arg_default(oid, i), ''), chr(31) order by i) from generate_series(pronargs - pronargdefaults + 1, pronargs) i) as prodefaults_sql"
  fi
  q -c "\\copy (select $cols from $1 $2) to '$out/$1.csv' with (format csv, header)"
}
for t in pg_type pg_proc pg_operator pg_cast pg_am pg_amop pg_amproc pg_opclass pg_opfamily pg_collation pg_namespace pg_language; do
  dump "$t" "where oid < 16384 order by oid"
done
dump pg_aggregate "order by aggfnoid::oid"
dump pg_range "order by rngtypid"
dump pg_description "where objoid < 16384 order by objoid, classoid, objsubid"
# pg_settings: every configuration parameter with its type, context, boot value, limits and description
q -c "\\copy (select name, vartype, context, boot_val, min_val, max_val, enumvals, unit, category, short_desc from pg_settings order by name) to '$out/pg_settings.csv' with (format csv, header)"
# pg_get_keywords(): the SQL keywords and their categories (quote_ident and format_type need them)
q -c "\\copy (select * from pg_get_keywords() order by word) to '$out/pg_get_keywords.csv' with (format csv, header)"
wc -l "$out"/*.csv | tail -1
