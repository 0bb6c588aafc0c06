#!/usr/bin/env bash
# Instructions per call of the simulation loop, counted by callgrind: a machine-independent
# speed figure (wall-clock time on a shared machine varies from run to run, instruction
# counts do not). Two runs of different lengths are counted and the difference in
# instructions is divided by the difference in calls, so start-up, parsing and output
# cancel out and only the marginal cost of a call remains.
#
#   scripts/instructions.sh                  the one-queue loop: the erlang_a_speed example
#                                            (Erlang A, 190 agents, 24 h) at 172,800 and
#                                            432,000 calls
#   scripts/instructions.sh FILE R1 R2       `ccsim run FILE` on one thread with R1 and R2
#                                            replications (R1 < R2), calls read from its JSON
#
# Needs valgrind (apt-get install valgrind). Builds with the dist profile, like the
# shipped binary. Prints instructions per call and the two raw counts.
set -euo pipefail

cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is needed: apt-get install valgrind" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# COMMAND...: prints the instructions callgrind counted for it.
count() {
    valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$@" 2>"$tmp/vg.log" >"$tmp/stdout" ||
        { cat "$tmp/vg.log" >&2; exit 1; }
    grep -o 'refs: *[0-9,]*' "$tmp/vg.log" | tr -d ', ' | cut -d: -f2
}

if [[ $# -eq 0 ]]; then
    cargo build --profile dist --example erlang_a_speed 2>"$tmp/build.log" || { cat "$tmp/build.log" >&2; exit 1; }
    bin=target/dist/examples/erlang_a_speed
    i1=$(count "$bin" 172800); c1=$(grep -o '"calls":[0-9]*' "$tmp/stdout" | cut -d: -f2)
    i2=$(count "$bin" 432000); c2=$(grep -o '"calls":[0-9]*' "$tmp/stdout" | cut -d: -f2)
    label="one queue (erlang_a_speed)"
elif [[ $# -eq 3 ]]; then
    cargo build --profile dist 2>"$tmp/build.log" || { cat "$tmp/build.log" >&2; exit 1; }
    bin=target/dist/ccsim
    # Calls of a run: the first `offered` mean × replications × days of its JSON.
    calls() {
        local json
        json=$(tr -d ' \n' <"$tmp/out.json")
        first() { grep -o "\"$1\":${2:-}[0-9.eE+-]*" <<<"$json" | head -n 1 | sed 's/.*://'; }
        awk -v m="$(first offered '{"mean":')" -v r="$(first replications)" -v d="$(first days)" \
            'BEGIN { printf "%.0f", m * r * d }'
    }
    i1=$(count "$bin" run "$1" -n "$2" -j 1 --json "$tmp/out.json"); c1=$(calls)
    i2=$(count "$bin" run "$1" -n "$3" -j 1 --json "$tmp/out.json"); c2=$(calls)
    label=$(basename "$1")
else
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi

awk -v l="$label" -v i1="$i1" -v c1="$c1" -v i2="$i2" -v c2="$c2" 'BEGIN {
    printf "%s: %.0f instructions per call (%d calls: %d; %d calls: %d)\n", l, (i2 - i1) / (c2 - c1), c1, i1, c2, i2
}'
