#!/usr/bin/env bash
# Roost's evaluator benchmark: `roost eval` (release build) and nix-instantiate
# side by side on the programs in bench/eval/, timed together by one hyperfine
# run, with peak memory from /usr/bin/time -v. Prints a markdown table of
# times, memory and ratios, and writes it to docs/benchmarks-eval.md.
# `make bench` builds the release binary first. Options:
#   --nix-only      measure only nix-instantiate (when roost eval is not ready)
#   --runs N        hyperfine runs per command (default 5)
#   --out FILE      where to write the markdown (default docs/benchmarks-eval.md)
# It does not assert anything: performance is reported, never tested.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

nix_only=0
runs=5
out=docs/benchmarks-eval.md
while [ $# -gt 0 ]; do
    case $1 in
    --nix-only) nix_only=1 ;;
    --runs) runs=$2; shift ;;
    --out) out=$2; shift ;;
    *) echo "error: unknown option '$1' (use --nix-only, --runs N, --out FILE)" >&2; exit 2 ;;
    esac
    shift
done

roost=$root/.build/release/roost
need() { command -v "$1" >/dev/null 2>&1 || { echo "error: $1 is not installed; run \`make deps\` (it installs $2)" >&2; exit 1; }; }
need hyperfine hyperfine
need nix-instantiate nix-bin
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time is not installed; run \`apt-get install time\`" >&2; exit 1; }
if [ $nix_only = 0 ] && [ ! -x "$roost" ]; then
    echo "error: $roost is missing; run \`make bench\` (it builds the release binary first) or pass --nix-only" >&2
    exit 1
fi

export NIX_PATH= TERM=dumb
load=$(cut -d' ' -f1-3 /proc/loadavg)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

benches=()
for f in bench/eval/*.nix; do benches+=("$(basename "$f" .nix)"); done

# Outputs first: a row only counts if both evaluators print the same thing.
declare -A status
for b in "${benches[@]}"; do
    nix-instantiate --eval --strict "bench/eval/$b.nix" > "$work/$b.nix.out" 2>"$work/$b.nix.err" || { echo "error: nix-instantiate fails on bench/eval/$b.nix: $(head -c 300 "$work/$b.nix.err")" >&2; exit 1; }
    status[$b]=ok
    if [ $nix_only = 0 ]; then
        if ! "$roost" eval --strict "bench/eval/$b.nix" > "$work/$b.roost.out" 2>"$work/$b.roost.err"; then
            status[$b]="roost fails: $(head -n 1 "$work/$b.roost.err" | cut -c1-80)"
        elif ! cmp -s "$work/$b.nix.out" "$work/$b.roost.out"; then
            status[$b]="output differs from nix"
        fi
    fi
done

# One hyperfine run over every command that works.
args=(--warmup 1 --runs "$runs" --export-markdown "$work/hyperfine.md" --export-csv "$work/hyperfine.csv" --style basic)
for b in "${benches[@]}"; do
    if [ $nix_only = 0 ] && [ "${status[$b]}" = ok ]; then
        args+=(-n "roost-$b" "$roost eval --strict bench/eval/$b.nix")
    fi
    args+=(-n "nix-$b" "nix-instantiate --eval --strict bench/eval/$b.nix")
done
hyperfine "${args[@]}" >&2

mean() { awk -F, -v name="$1" '$1 == name { printf "%.3f", $2 }' "$work/hyperfine.csv"; }
peak_kb() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ { print $2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "–"; else printf "%.2f×", a / b }'; }
mb() { awk -v k="$1" 'BEGIN { if (k == "") print "–"; else printf "%.0f", k / 1024 }'; }

{
    echo "# Evaluator benchmarks: roost eval vs nix-instantiate"
    echo
    echo "Measured by \`bench/run.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)),"
    echo "$(nix-instantiate --version), hyperfine mean of $runs runs after one warm-up; peak memory is"
    echo "the maximum resident set size from \`/usr/bin/time -v\`. Ratios above 1 mean roost is faster"
    echo "(time) or smaller (memory). Both evaluate with \`--eval --strict\`; a row counts only when"
    echo "roost prints exactly what nix-instantiate prints. Load average when the run started: $load"
    echo "(other work on the machine slows both columns alike, but adds noise)."
    echo
    echo "| benchmark | roost (s) | nix (s) | nix/roost time | roost peak (MB) | nix peak (MB) | nix/roost memory | note |"
    echo "|---|---:|---:|---:|---:|---:|---:|---|"
    for b in "${benches[@]}"; do
        n_t=$(mean "nix-$b")
        n_m=$(peak_kb nix-instantiate --eval --strict "bench/eval/$b.nix")
        r_t=""; r_m=""; note="${status[$b]}"
        if [ $nix_only = 1 ]; then
            note="roost not measured"
        elif [ "$note" = ok ]; then
            r_t=$(mean "roost-$b")
            r_m=$(peak_kb "$roost" eval --strict "bench/eval/$b.nix")
            note=""
        fi
        echo "| $b | ${r_t:-–} | $n_t | $(ratio "$n_t" "$r_t") | $(mb "$r_m") | $(mb "$n_m") | $(ratio "$n_m" "$r_m") | $note |"
    done
    echo
    echo "The programs are in \`bench/eval/\`; each file's first lines say what it exercises."
    echo
    echo "<details><summary>hyperfine's own table</summary>"
    echo
    cat "$work/hyperfine.md"
    echo
    echo "</details>"
} > "$work/table.md"

mkdir -p "$(dirname "$out")"
cp "$work/table.md" "$out"
cat "$work/table.md"
