#!/usr/bin/env bash
# Checks every module scenario in this directory against nix-instantiate.
#
# A scenario is a directory with a main.nix (which calls evalModules through
# <roost/lib> and returns the part of the result to check) and either
#   expected.json       the `--eval --strict --json` output, compared as JSON, or
#   expected-error.txt  lines that must each appear in the error output
#                       (@DIR@ stands for the scenario's absolute directory).
# Usage: run-with-nix.sh [SCENARIO...]   ACCEPT=1 rewrites expected.json files.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
nix_path="roost=$repo/nix"

if [ $# -gt 0 ]; then scenarios=("$@"); else
  scenarios=(); for d in "$here"/*/; do scenarios+=("$(basename "$d")"); done
fi

failed=0; passed=0
for name in "${scenarios[@]}"; do
  dir="$here/$name"
  out="$(mktemp)"; err="$(mktemp)"
  if [ -f "$dir/expected-error.txt" ]; then
    if (cd "$dir" && nix-instantiate --eval --strict --json --show-trace -I "$nix_path" main.nix >"$out" 2>"$err"); then
      echo "FAIL $name: evaluation succeeded, an error was expected"; failed=$((failed+1))
    else
      missing=""
      while IFS= read -r line || [ -n "$line" ]; do
        [ -z "$line" ] && continue
        want="${line//@DIR@/$dir}"
        grep -qF -- "$want" "$err" || missing="$missing"$'\n'"    missing: $want"
      done <"$dir/expected-error.txt"
      if [ -n "$missing" ]; then
        echo "FAIL $name:$missing"; sed 's/^/    | /' "$err" | head -20; failed=$((failed+1))
      else passed=$((passed+1)); fi
    fi
  elif [ -f "$dir/expected.json" ] || [ "${ACCEPT:-}" = 1 ]; then
    if (cd "$dir" && nix-instantiate --eval --strict --json -I "$nix_path" main.nix >"$out" 2>"$err"); then
      if [ "${ACCEPT:-}" = 1 ]; then jq -S . "$out" >"$dir/expected.json"; echo "wrote $name/expected.json"; passed=$((passed+1))
      elif [ "$(jq -S . "$out")" = "$(jq -S . "$dir/expected.json")" ]; then passed=$((passed+1))
      else
        echo "FAIL $name: output differs"; diff <(jq -S . "$dir/expected.json") <(jq -S . "$out") | head -20 | sed 's/^/    /'
        failed=$((failed+1))
      fi
    else
      echo "FAIL $name: evaluation failed"; sed 's/^/    | /' "$err" | head -20; failed=$((failed+1))
    fi
  else
    echo "FAIL $name: neither expected.json nor expected-error.txt"; failed=$((failed+1))
  fi
  rm -f "$out" "$err"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
