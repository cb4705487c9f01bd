#!/usr/bin/env bash
# The module-system benchmark: evaluating bench/modules/main.nix (100
# containers, each a whole system of users, services and /etc files,
# through evalModules) with nix-instantiate and, when it evaluates the same
# result, with `roost eval` (release build). Timed by hyperfine; also
# records nix's own CPU time and counters (NIX_SHOW_STATS), which do not
# depend on the load of the machine. Writes docs/benchmarks-modules.md.
#   --nix-only   measure only nix-instantiate
#   --runs N     hyperfine runs per command (default 5)
#   --out FILE   where to write the markdown (default docs/benchmarks-modules.md)
# It asserts nothing: performance is reported, never tested.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

nix_only=0; runs=5; out=docs/benchmarks-modules.md
while [ $# -gt 0 ]; do
    case $1 in
    --nix-only) nix_only=1 ;;
    --runs) runs=$2; shift ;;
    --out) out=$2; shift ;;
    *) echo "error: unknown option '$1' (use --nix-only, --runs N, --out FILE)" >&2; exit 2 ;;
    esac
    shift
done
command -v hyperfine >/dev/null || { echo "error: hyperfine is not installed; run \`make deps\`" >&2; exit 1; }
command -v nix-instantiate >/dev/null || { echo "error: nix-instantiate is not installed; run \`make deps\` (package nix-bin)" >&2; exit 1; }

export NIX_PATH= TERM=dumb
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
main=bench/modules/main.nix
nix_cmd="nix-instantiate --eval --strict --json -I roost=$root/nix $main"
roost=$root/.build/release/roost
roost_cmd="$roost eval --strict --json -I roost=$root/nix $main"

$nix_cmd >"$work/nix.json" 2>"$work/nix.err" || { echo "error: nix-instantiate fails on $main: $(head -c 400 "$work/nix.err")" >&2; exit 1; }
stats=$(NIX_SHOW_STATS=1 $nix_cmd 2>&1 >/dev/null)
stat() { echo "$stats" | grep -m1 "\"$1\"" | tr -dc '0-9.'; }

roost_note="not measured (--nix-only)"
commands=(-n nix "$nix_cmd")
if [ $nix_only = 0 ]; then
    if [ ! -x "$roost" ]; then roost_note="not measured: $roost is missing (make release)"
    elif ! $roost_cmd >"$work/roost.json" 2>"$work/roost.err"; then roost_note="not measured: roost eval fails: $(head -n1 "$work/roost.err" | cut -c1-100)"
    elif [ "$(jq -S . "$work/roost.json")" != "$(jq -S . "$work/nix.json")" ]; then roost_note="not measured: roost's output differs from nix's"
    else roost_note="same output as nix"; commands+=(-n roost "$roost_cmd"); fi
fi

hyperfine --warmup 1 --runs "$runs" --style basic --export-markdown "$work/h.md" --export-json "$work/h.json" "${commands[@]}" >&2
mean() { jq -r ".results[] | select(.command == \"$1\") | \"\(.mean | . * 1000 | round / 1000) ± \(.stddev | . * 1000 | round / 1000) (user \(.user | . * 1000 | round / 1000), system \(.system | . * 1000 | round / 1000))\"" "$work/h.json"; }

{
    echo "# Module-system benchmark: 100 containers through evalModules"
    echo
    echo "Measured by \`bench/modules/run.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores,"
    echo "$(nix-instantiate --version), hyperfine mean of $runs runs after one warm-up (seconds)."
    echo "Other work was running on the machine; nix's own CPU time below does not depend on it."
    echo
    echo "\`bench/modules/main.nix\` evaluates \`configuration.nix\`: 100 containers, each with its own"
    echo "system evaluated from the benchmark's option modules (\`bench/modules/modules/\`: users and"
    echo "groups, /etc files, networking and firewall, systemd units, OpenSSH, nginx, PostgreSQL),"
    echo "and turns every container into a manifest (all /etc texts, users, groups, units, failed"
    echo "assertions, warnings): $(jq 'length' "$work/nix.json") containers, $(jq '[.[].etc | length] | add' "$work/nix.json") /etc files, $(wc -c <"$work/nix.json") bytes of JSON."
    echo
    echo "| evaluator | wall time (s) | note |"
    echo "|---|---|---|"
    echo "| nix-instantiate | $(mean nix) | reference |"
    if [ "${#commands[@]}" -gt 3 ]; then echo "| roost eval | $(mean roost) | $roost_note |"
    else echo "| roost eval | – | $roost_note |"; fi
    echo
    echo "nix-instantiate's own counters (NIX_SHOW_STATS) for one evaluation:"
    echo
    echo "| cpuTime (s) | function calls | thunks | values | sets |"
    echo "|---:|---:|---:|---:|---:|"
    echo "| $(stat cpuTime) | $(stat nrFunctionCalls) | $(stat nrThunks) | $(echo "$stats" | grep -A1 '"values"' | tail -1 | tr -dc '0-9') | $(echo "$stats" | grep -A1 '"sets"' | tail -1 | tr -dc '0-9') |"
} >"$out"
cat "$out"
