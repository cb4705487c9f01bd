#!/usr/bin/env bash
# Per-construct cost of `roost eval` against nix-instantiate: each row runs
# one construct 300,000 times inside a strict fold and counts user-space
# instructions of both evaluators (`perf stat -e instructions:u`, exact to a
# few parts in a thousand, unlike time on this shared machine). A ratio above
# 1 means roost executes more instructions than nix for the same program.
# The fold itself is the first row; subtract it to get the construct alone.
# Both evaluators must print the same result on every row, or the row says so.
# Writes docs/benchmarks-constructs.md. It asserts nothing: performance is
# reported, never tested. Options:
#   --out FILE   where to write the markdown (default docs/benchmarks-constructs.md)
set -euo pipefail
cd "$(dirname "$0")/.."

out=docs/benchmarks-constructs.md
while [ $# -gt 0 ]; do
    case $1 in
    --out) out=$2; shift ;;
    *) echo "error: unknown option '$1' (use --out FILE)" >&2; exit 2 ;;
    esac
    shift
done
roost=.build/release/roost
[ -x "$roost" ] || { echo "error: $roost is missing; run \`make release\`" >&2; exit 1; }
for tool in perf nix-instantiate; do
    command -v $tool >/dev/null || { echo "error: $tool is not installed; run \`make bench-deps\`" >&2; exit 1; }
done
export NIX_PATH=

n=300000
fold() { echo "builtins.foldl' (acc: x: acc + $1) 0 (builtins.genList (i: i) $n)"; }
rows=(
    "the fold alone|1"
    "call of a lambda with formals|f { a = x; c = 1; }|let f = { a, b ? 2, ... }: a + b; in"
    "curried call|f x 1|let f = a: b: a + b; in"
    "nested selection|s.a.b + s.e|let s = { a = { b = 1; }; c = 2; d = 3; e = 4; f = 5; }; in"
    "selection with or|(s.b or 1)|let s = { a = 1; }; in"
    "has-attribute test|(if s ? b then 1 else 0)|let s = { a = 1; b = 2; }; in"
    "set literal|({ a = x; b = 2; c = 3; }.a)"
    "rec set literal|(rec { a = x; b = a; }.b)"
    "let … in|(let a = x; b = a; in b)"
    "// update|((s // { c = x; }).c)|let s = { a = 1; b = 2; }; in"
    "with|(with s; a)|let s = { a = 1; }; in"
    "integer ==|(if x == 5 then 1 else 0)"
    "string ==|(if \"abc\" == \"abd\" then 1 else 0)"
    "interpolation|stringLength \"a\${toString x}b\"|let inherit (builtins) stringLength; in"
    "list literal|length [x x x]|let inherit (builtins) length; in"
    "isAttrs|(if isAttrs x then 1 else 0)|let inherit (builtins) isAttrs; in"
    "head of tail|head (tail l)|let inherit (builtins) head tail; l = [1 2 3]; in"
    "map over 3|head (map (y: y + x) l)|let inherit (builtins) head; l = [1 2 3]; in"
    "concatMap over 3|length (concatMap (y: [y y]) l)|let inherit (builtins) length concatMap; l = [1 2 3]; in"
    "mapAttrs over 3|(mapAttrs (n: v: v + x) s).b|let inherit (builtins) mapAttrs; s = { a = 1; b = 2; c = 3; }; in"
    "attrNames of 3|length (attrNames s)|let inherit (builtins) length attrNames; s = { a = 1; b = 2; c = 3; }; in"
    "catAttrs of 3|length (catAttrs \"a\" l)|let inherit (builtins) length catAttrs; l = [{a=1;} {b=2;} {a=3;}]; in"
    "zipAttrsWith of 3|(zipAttrsWith (n: vs: length vs) l).a|let inherit (builtins) length zipAttrsWith; l = [{a=1;} {b=2;} {a=3;}]; in"
    "removeAttrs|(removeAttrs s [\"b\"]).c|let inherit (builtins) removeAttrs; s = { a = 1; b = 2; c = 3; }; in"
    "__functor call|(f x)|let f = { __functor = self: y: y; }; in"
    "args@ pattern|f { a = x; }|let f = args@{ a, ... }: args.a; in"
)

count() { perf stat -x, -e instructions:u "$@" 2>&1 >/dev/null | tail -1 | cut -d, -f1; }
table="| construct | roost (M instructions) | nix (M instructions) | roost / nix |
|---|---:|---:|---:|"
for row in "${rows[@]}"; do
    IFS='|' read -r name body prefix <<<"$row"
    expr="$prefix $(fold "$body")"
    r_out=$($roost eval --strict -E "$expr" 2>&1) || true
    n_out=$(nix-instantiate --eval --strict -E "$expr" 2>&1) || true
    if [ "$r_out" != "$n_out" ]; then
        line="| $name | results differ: roost \`$r_out\`, nix \`$n_out\` | | |"
    else
        r=$(count $roost eval --strict -E "$expr"); x=$(count nix-instantiate --eval --strict -E "$expr")
        line=$(awk -v n="$name" -v r="$r" -v x="$x" 'BEGIN { printf "| %s | %.0f | %.0f | %.2f |", n, r/1e6, x/1e6, r/x }')
    fi
    echo "$line"
    table+=$'\n'"$line"
done

{
    echo "# Benchmarks: the cost of each construct"
    echo
    echo "Written by \`bench/constructs.sh\` on $(date -u +%Y-%m-%d). Each row evaluates"
    echo "\`foldl' (acc: x: acc + CONSTRUCT) 0 (genList (i: i) $n)\` with \`--strict\`;"
    echo "the first row is the fold alone. Counts are user-space instructions"
    echo "(\`perf stat -e instructions:u\`), so they do not depend on the machine's load."
    echo
    echo "$table"
} >"$out"
echo "wrote $out"
