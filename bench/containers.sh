#!/bin/bash
# Container benchmark, in one run (as root):
#   1. `roost start` until the container's systemd is ready, against raw
#      systemd-nspawn -b of the same root with the same flags until READY=1
#      (multi-user.target reached); shared and private network;
#   2. `roost stop` against a raw SIGRTMIN+4 to the container's PID 1;
#   3. the memory of N idle containers (default 50).
# Usage: bench/containers.sh [N]     env: ROOST=path/to/roost RUNS=10
# Prints a Markdown report on stdout (docs/benchmarks-containers.md keeps one);
# hyperfine's JSON goes to bench/results/. Every container it makes is named
# bench-* and destroyed at the end, even on failure.
set -euo pipefail

N=${1:-50}
RUNS=${RUNS:-10}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOST=${ROOST:-$( [ -x "$HERE/../.build/release/roost" ] && echo "$HERE/../.build/release/roost" || command -v roost )}
RESULTS=$HERE/results
RAW=/run/roost-bench
mkdir -p "$RESULTS" "$RAW"
[ "$(id -u)" = 0 ] || { echo "run as root: it boots containers" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install hyperfine" >&2; exit 1; }

cleanup() {
    "$RAW/raw-stop.sh" 2>/dev/null || true
    for c in $("$ROOST" list --json | grep -o '"name" : "bench-[a-z0-9-]*"' | cut -d'"' -f4); do
        "$ROOST" destroy "$c" >/dev/null 2>&1 || true
    done
    for h in /sys/fs/cgroup/unified /sys/fs/cgroup/systemd /sys/fs/cgroup; do
        [ -d "$h/roost-bench-raw" ] && find "$h/roost-bench-raw" -depth -type d -exec rmdir {} \; 2>/dev/null
    done
    rm -rf "$RAW"
}
trap cleanup EXIT

# Raw nspawn: the flags roost passes, in a cgroup of its own (as roost does),
# READY=1 awaited on a notify socket. Nothing else of roost's work.
cat > "$RAW/raw-start.sh" <<'SH'
#!/bin/bash
set -e
root=$1; name=$2; shift 2
sock=/run/roost-bench/notify.sock
rm -f "$sock" /run/roost-bench/notify.out
socat -u UNIX-RECV:"$sock" STDOUT > /run/roost-bench/notify.out &
reader=$!
while [ ! -S "$sock" ]; do :; done
if [ -e /sys/fs/cgroup/cgroup.controllers ]; then hierarchies=/sys/fs/cgroup; else hierarchies="/sys/fs/cgroup/unified /sys/fs/cgroup/systemd"; fi
for h in $hierarchies; do mkdir -p "$h/roost-bench-raw"; done
NOTIFY_SOCKET=$sock setsid sh -c 'for h in /sys/fs/cgroup/unified /sys/fs/cgroup/systemd /sys/fs/cgroup; do [ -d "$h/roost-bench-raw" ] && echo $$ > "$h/roost-bench-raw/cgroup.procs"; done; echo $$ > /run/roost-bench/nspawn.pid; exec "$@"' sh \
    systemd-nspawn --register=no --keep-unit --directory="$root" --machine="$name" --boot --notify-ready=yes \
    --console=read-only --link-journal=no --bind-ro=/usr --resolv-conf=copy-host "$@" \
    < /dev/null > /run/roost-bench/console.log 2>&1 &
# socat writes the datagrams back to back: look for the fields anywhere.
until grep -q 'READY=1' /run/roost-bench/notify.out; do sleep 0.002; done
kill $reader 2>/dev/null || true
grep -ao 'X_NSPAWN_LEADER_PID=[0-9]*' /run/roost-bench/notify.out | cut -d= -f2 > /run/roost-bench/leader.pid
SH
cat > "$RAW/raw-stop.sh" <<'SH'
#!/bin/bash
[ -s /run/roost-bench/nspawn.pid ] || exit 0
pid=$(cat /run/roost-bench/nspawn.pid)
alive() { [ -r /proc/$1/stat ] && ! grep -q ') Z' /proc/$1/stat; }
if [ -s /run/roost-bench/leader.pid ]; then
    kill -s RTMIN+4 "$(cat /run/roost-bench/leader.pid)" 2>/dev/null || true
else
    kill -s TERM "$pid" 2>/dev/null || true
fi
for _ in $(seq 6000); do alive "$pid" || break; sleep 0.005; done
alive "$pid" && kill -9 "$pid"
rm -f /run/roost-bench/leader.pid /run/roost-bench/nspawn.pid
SH
chmod +x "$RAW/raw-start.sh" "$RAW/raw-stop.sh"

echo "# Container benchmark ($(date -u +%Y-%m-%d), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(systemd-nspawn --version | head -1))"
echo

"$ROOST" create bench-shared >/dev/null
"$ROOST" create bench-private --private-network >/dev/null
SHARED_ROOT=$("$ROOST" status bench-shared --json | grep -o '"root" : "[^"]*"' | cut -d'"' -f4)
# Boot each once so first-boot work (sysusers, tmpfiles) is not measured.
for c in bench-shared bench-private; do "$ROOST" start "$c" >/dev/null; "$ROOST" stop "$c" >/dev/null; done

echo "## Start until ready, and stop ($RUNS runs each)"
echo
hyperfine --style basic --runs "$RUNS" --export-json "$RESULTS/containers-start.json" --export-markdown "$RAW/start.md" \
    --prepare "$ROOST stop bench-shared >/dev/null; $ROOST stop bench-private >/dev/null; $RAW/raw-stop.sh" \
    -n "raw systemd-nspawn -b (same root, same flags)" "$RAW/raw-start.sh $SHARED_ROOT bench-shared" \
    -n "roost start (host network)" "$ROOST start bench-shared" \
    -n "roost start (private network: netns + veth)" "$ROOST start bench-private" >&2
"$RAW/raw-stop.sh"
cat "$RAW/start.md"
echo
hyperfine --style basic --runs "$RUNS" --export-json "$RESULTS/containers-stop.json" --export-markdown "$RAW/stop.md" \
    -n "raw SIGRTMIN+4 to PID 1, wait for nspawn" --prepare "$RAW/raw-start.sh $SHARED_ROOT bench-shared" "$RAW/raw-stop.sh" >&2
hyperfine --style basic --runs "$RUNS" --export-json "$RESULTS/containers-stop-roost.json" --export-markdown "$RAW/stop-roost.md" \
    -n "roost stop (private network)" --prepare "$ROOST start bench-private" "$ROOST stop bench-private" >&2
cat "$RAW/stop.md"; tail -n 1 "$RAW/stop-roost.md"
echo

echo "## $N idle containers (private network each)"
echo
available() { awk '/MemAvailable/ {print $2}' /proc/meminfo; }
before=$(available)
start_all=$(date +%s.%N)
for i in $(seq -w 1 "$N"); do
    "$ROOST" create "bench-$i" --private-network --start >/dev/null
done
end_all=$(date +%s.%N)
sleep 5
after=$(available)
pss=0
for pid in $(for c in $(seq -w 1 "$N"); do
        for h in /sys/fs/cgroup/unified /sys/fs/cgroup; do
            [ -d "$h/roost/bench-$c" ] && find "$h/roost/bench-$c" -name cgroup.procs -exec cat {} + ; done
    done | sort -u); do
    p=$(awk '/^Pss:/ {print $2}' /proc/$pid/smaps_rollup 2>/dev/null || echo 0)
    pss=$((pss + ${p:-0}))
done
running=$("$ROOST" list | grep -c 'bench-[0-9]* *running' || true)
load=$(cut -d' ' -f1 /proc/loadavg)
awk -v n="$N" -v r="$running" -v b="$before" -v a="$after" -v p="$pss" -v s="$start_all" -v e="$end_all" -v l="$load" 'BEGIN {
    printf "| measure | value |\n|---|---|\n"
    printf "| containers running | %d of %d |\n", r, n
    printf "| create + start all, one after another | %.1f s (%.2f s each) |\n", e - s, (e - s) / n
    printf "| host MemAvailable drop | %.0f MiB (%.1f MiB per container) |\n", (b - a) / 1024, (b - a) / 1024 / n
    printf "| PSS of all container processes and nspawns | %.0f MiB (%.1f MiB per container) |\n", p / 1024, p / 1024 / n
    printf "| load average (1 min) after settling 5 s | %s |\n", l
}'
echo
start_stop=$(date +%s.%N)
for i in $(seq -w 1 "$N"); do "$ROOST" stop "bench-$i" >/dev/null; done
end_stop=$(date +%s.%N)
awk -v n="$N" -v s="$start_stop" -v e="$end_stop" 'BEGIN { printf "Stopping all %d one after another: %.1f s.\n", n, e - s }'
