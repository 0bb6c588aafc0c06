#!/usr/bin/env bash
# ccsim's speed as a ratio to the speed floor (/work/shared/floor), measured in the same
# run because machines are noisy. Both simulate the same Erlang A model (1 call/s,
# exponential handle time 180 s and patience 120 s, 190 agents, FIFO): the floor as its
# own lean event loop, ccsim as a scenario run on one reused `Centre`, single-threaded
# (examples/erlang_a_speed.rs). Each prints one JSON line (calls, p_abandon, sl20, ...,
# calls_per_s); the two P(abandon) should agree to about 1e-3.
#
#   scripts/speed.sh [CALLS]        CALLS per run, default 10000000
#   ROUNDS=5 scripts/speed.sh       alternate floor/ccsim ROUNDS times (default 3) and
#                                   compare the medians
#   FLOOR_MANIFEST=path/to/Cargo.toml scripts/speed.sh   (default ../shared/floor/Cargo.toml)
set -euo pipefail

cd "$(dirname "$0")/.."
calls="${1:-10000000}"
rounds="${ROUNDS:-3}"
floor_manifest="${FLOOR_MANIFEST:-../shared/floor/Cargo.toml}"

if [[ ! -f "$floor_manifest" ]]; then
    echo "speed.sh: the floor's manifest $floor_manifest is missing (set FLOOR_MANIFEST)" >&2
    exit 1
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Cargo output (the floor's own compiler warnings included) is shown only on failure.
quietly() { "$@" 2>"$log" || { cat "$log" >&2; exit 1; }; }

echo "building the floor (release) and ccsim's example (dist: the shipped profile)..." >&2
quietly env CARGO_TARGET_DIR=/tmp/floor cargo build --release --manifest-path "$floor_manifest"
quietly cargo build --profile dist --example erlang_a_speed
ccsim_bin=target/dist/examples/erlang_a_speed

# The value of a numeric field in a one-line JSON object.
field() { grep -o "\"$2\":[0-9.eE+-]*" <<<"$1" | cut -d: -f2; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

floor_rates=() ccsim_rates=()
for ((r = 1; r <= rounds; r++)); do
    # The floor's `cargo run` line from its README, as it is quoted elsewhere.
    f=$(quietly env CARGO_TARGET_DIR=/tmp/floor cargo run --release --quiet --manifest-path "$floor_manifest" -- "$calls")
    c=$("$ccsim_bin" "$calls")
    echo "round $r floor: $f"
    echo "round $r ccsim: $c"
    floor_rates+=("$(field "$f" calls_per_s)")
    ccsim_rates+=("$(field "$c" calls_per_s)")
    floor_pab=$(field "$f" p_abandon)
    ccsim_pab=$(field "$c" p_abandon)
done

floor_med=$(printf '%s\n' "${floor_rates[@]}" | median)
ccsim_med=$(printf '%s\n' "${ccsim_rates[@]}" | median)
echo
echo "P(abandon) (last round): floor $floor_pab, ccsim $ccsim_pab"
awk -v f="$floor_med" -v c="$ccsim_med" -v n="$rounds" 'BEGIN {
    printf "floor calls/s (median of %d): %.0f\n", n, f
    printf "ccsim calls/s (median of %d): %.0f  (single thread)\n", n, c
    printf "ratio ccsim/floor: %.3f\n", c / f
}'
