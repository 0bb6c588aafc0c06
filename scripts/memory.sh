#!/usr/bin/env bash
# Peak resident memory of `ccsim run` on the default scenario (scenarios/weekday.toml)
# simulating 1 day and 30 days per replication (temporary copies of the file with only
# `days` changed; same replications, same seed). Memory should not grow with days: the
# model keeps counters per interval of the day, not per simulated day.
#
#   scripts/memory.sh [EXTRA `ccsim run` ARGS...]     e.g. scripts/memory.sh -j 1
#
# Peak RSS comes from GNU time (`/usr/bin/time -v`) when present, else from
# getrusage(RUSAGE_CHILDREN) through python3.
set -euo pipefail

cd "$(dirname "$0")/.."
scenario=scenarios/weekday.toml
bin=target/release/ccsim

log=$(mktemp)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp" "$log"' EXIT

echo "building ccsim (release)..." >&2
cargo build --release 2>"$log" || { cat "$log" >&2; exit 1; }

if /usr/bin/time -v true >/dev/null 2>&1; then
    how="/usr/bin/time -v"
    # Runs "$@" with stdout discarded; prints its peak RSS in KiB.
    peak_kib() {
        /usr/bin/time -v -o "$tmp/time.txt" "$@" >/dev/null
        awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$tmp/time.txt"
    }
elif command -v python3 >/dev/null; then
    how="getrusage(RUSAGE_CHILDREN) via python3"
    peak_kib() {
        python3 - "$@" <<'PY'
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)  # KiB on Linux
PY
    }
else
    echo "memory.sh: needs GNU time (/usr/bin/time) or python3 to read the peak RSS" >&2
    exit 1
fi

# A copy of the default scenario with `days` set to $1.
with_days() {
    local out="$tmp/weekday-days$1.toml"
    sed -E "s/^days[[:space:]]*=.*/days = $1/" "$scenario" >"$out"
    grep -qx "days = $1" "$out" || { echo "memory.sh: no 'days = ...' line in $scenario" >&2; exit 1; }
    echo "$out"
}

declare -A rss secs
for days in 1 30; do
    file=$(with_days "$days")
    start=$(date +%s.%N)
    rss[$days]=$(peak_kib "$bin" run "$file" "$@")
    secs[$days]=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
done

replications=$(grep -E '^replications[[:space:]]*=' "$scenario" | head -1 | sed -E 's/.*=[[:space:]]*//')
echo "peak RSS of \`ccsim run\` on $scenario ($replications replications; measured with $how):"
awk -v a="${rss[1]}" -v b="${rss[30]}" -v ta="${secs[1]}" -v tb="${secs[30]}" 'BEGIN {
    printf "  days = 1 : %8d KiB (%.1f MiB), %s s wall\n", a, a / 1024, ta
    printf "  days = 30: %8d KiB (%.1f MiB), %s s wall\n", b, b / 1024, tb
    printf "  ratio days=30 / days=1: %.3f\n", b / a
}'
