#!/usr/bin/env bash
# Regenerates the .exp files of the golden corpus by running nix-instantiate,
# the reference evaluator, on each eval-okay-*.nix (with its .flags, default
# --strict). The corpus's absolute path is written as «lang», as the tests
# expect. eval-okay cases that print to stderr (builtins.trace) get a .err.exp
# with nix's stderr. It also checks that nix fails on every eval-fail-* and
# parse-fail-* file. It never writes roost's errors: `ACCEPT=1 swift test
# --filter Golden` does that. Cases listed in NOT-IN-NIX are skipped. Usage: lang/update-exp.sh [NAME.nix ...]
set -u
cd "$(dirname "$0")"
dir=$(pwd)
export NIX_PATH= HOME=/homeless-shelter TERM=dumb
export NIX_CONFIG=$'download-attempts = 1\nconnect-timeout = 5'
status=0
files=("$@")
[ ${#files[@]} -eq 0 ] && files=(eval-okay-*.nix eval-fail-*.nix parse-fail-*.nix)
for f in "${files[@]}"; do
    f=$(basename "$f")
    stem=${f%.nix}
    # Hand-written expectations (see NOT-IN-NIX) are left alone.
    grep -q "^$f " NOT-IN-NIX 2>/dev/null && continue
    args=(--strict)
    if [ -f "$stem.flags" ]; then eval "args=($(cat "$stem.flags"))"; fi
    out=$(timeout 60 nix-instantiate --eval "${args[@]}" "$dir/$f" 2>/tmp/update-exp.err; echo "rc=$?")
    rc=${out##*rc=}
    out=${out%rc=*}
    err=$(cat /tmp/update-exp.err)
    case $f in
    eval-okay-*)
        if [ "$rc" != 0 ]; then
            echo "FAIL $f: nix-instantiate failed: $(head -c 400 /tmp/update-exp.err)"
            status=1
            continue
        fi
        printf '%s' "$out" | sed "s|$dir|«lang»|g" > "$stem.exp"
        if [ -n "$err" ]; then
            sed "s|$dir|«lang»|g" /tmp/update-exp.err > "$stem.err.exp"
        else
            rm -f "$stem.err.exp"
        fi
        ;;
    *)
        if [ "$rc" = 0 ]; then
            echo "FAIL $f: nix-instantiate succeeded with: $out"
            status=1
        fi
        ;;
    esac
done
exit $status
