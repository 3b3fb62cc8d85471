#!/usr/bin/env bash
# Records type I/O fixtures from a real PostgreSQL 15.
# Usage: record-fixtures.sh PORT [GROUP...]   (a server started with /work/shared/conformance/start-reference-postgres;
#        GROUPs are input file names without .txt, default all)
# Reads inputs/<group>.txt, lines "type<TAB>settings<TAB>input" (settings "-" = defaults, else
# "Name=value;Name=value"), writes <group>.tsv with lines
#   type<TAB>settings<TAB>input<TAB>OK<TAB>text output<TAB>binary send() as hex
#   type<TAB>settings<TAB>input<TAB>ERR<TAB>SQLSTATE<TAB>message<TAB>detail (empty if none)
# A type may carry modifiers, e.g. numeric(5,2) or varchar(3): the literal is cast to it.
# Inputs and outputs must not contain tabs or newlines (the files are plain TSV, no escaping).
set -euo pipefail
port=${1:?port}
here=$(cd "$(dirname "$0")" && pwd)
PSQL=(psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -At -F $'\t' -v VERBOSITY=verbose)
declare -A sendfn
defaults="SET DateStyle='ISO, MDY'; SET TimeZone='UTC'; SET extra_float_digits=1; SET IntervalStyle=postgres; SET bytea_output=hex;"
inputs=("$here"/inputs/*.txt)
if [[ $# -gt 1 ]]; then inputs=(); for group in "${@:2}"; do inputs+=("$here/inputs/$group.txt"); done; fi
for in in "${inputs[@]}"; do
  out="$here/$(basename "$in" .txt).tsv"
  : > "$out"
  while IFS=$'\t' read -r type settings input || [[ -n "$type" ]]; do
    [[ -z "$type" || "$type" == \#* ]] && continue
    base=${type%%(*}   # "numeric(5,2)": modifiers go in the cast, send() is the base type's
    [[ "$type" == *"[]" ]] && base="$type"
    cast="\"$type\""
    [[ "$type" == *\(* ]] && cast="$type"
    if [[ "$type" == *"[]" ]]; then
      sendfn[$base]=array_send   # "varchar(3)[]": an array of a modified type
    elif [[ -z "${sendfn[$base]:-}" ]]; then
      sendfn[$base]=$("${PSQL[@]}" -c "select typsend from pg_type where typname = '$base'")
    fi
    sets="$defaults"
    if [[ "$settings" != "-" ]]; then
      IFS=';' read -ra kvs <<< "$settings"
      for kv in "${kvs[@]}"; do sets+=" SET ${kv%%=*}='${kv#*=}';"; done
    fi
    sql="$sets select :'v'::$cast, encode(${sendfn[$base]}(:'v'::$cast), 'hex');"
    if result=$(printf '%s\n' "$sql" | "${PSQL[@]}" -v ON_ERROR_STOP=1 -v v="$input" 2>/tmp/record-fixtures.err); then
      printf '%s\t%s\t%s\tOK\t%s\n' "$type" "$settings" "$input" "$result" >> "$out"
    else
      err=$(grep -m1 '^ERROR:' /tmp/record-fixtures.err | sed -E 's/^ERROR:  ([0-9A-Z]{5}): /\1\t/')
      detail=$(grep -m1 '^DETAIL:' /tmp/record-fixtures.err | sed -E 's/^DETAIL:  //' || true)
      printf '%s\t%s\t%s\tERR\t%s\t%s\n' "$type" "$settings" "$input" "$err" "$detail" >> "$out"
    fi
  done < "$in"
  echo "$out: $(wc -l < "$out") rows"
done
