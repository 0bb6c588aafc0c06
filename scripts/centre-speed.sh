#!/usr/bin/env bash
# Whole-process speed and peak memory of `ccsim run` on one thread for three centres of
# the speed floor's Erlang A model (exponential AHT 180 s and patience 120 s, about 0.95
# occupancy): a 20-agent centre over 24 hours, a 20,000-agent centre over 2 hours
# (about 760,000 calls a replication), and the bilingual example in scenarios/multi-skill/
# (2,000 replications), and a ring of 50 contact types and 50 groups of 20 agents (type k
# to group k, overflowing to group k + 1; each group carries the 20-agent centre's load).
# Memory must stay flat from 20 to 20,000 agents: the model counts agents, it does not
# hold one record per agent.
#
#   scripts/centre-speed.sh [RUNS]     RUNS per centre, default 5 (medians printed)
set -euo pipefail

cd "$(dirname "$0")/.."
runs="${1:-5}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cargo build --profile dist 2>"$tmp/build.log" || { cat "$tmp/build.log" >&2; exit 1; }
bin=target/dist/ccsim

# A one-type Erlang A centre: NAME AGENTS VOLUME-PER-HALF-HOUR INTERVALS REPLICATIONS
centre() {
    local vols
    vols=$(printf '%s, ' $(yes "$3" | head -n "$4"))
    cat >"$tmp/$1.toml" <<TOML
name = "$1"
[simulation]
replications = $5
seed = 1
open = "00:00"
[arrivals]
volumes = [${vols%, }]
[handling]
time = { dist = "exponential", mean_s = 180 }
[patience]
time = { dist = "exponential", mean_s = 120 }
[staffing]
agents = $2
TOML
}
centre agents-20 20 189.47 48 200

# A ring of TYPES types and groups of 20 agents, 170 calls a half-hour each, 24 hours.
ring() {
    local n=$1 vols k
    vols=$(printf '%s, ' $(yes 170 | head -n 48))
    {
        printf 'name = "ring-%s"\n[simulation]\nreplications = %s\nseed = 1\nopen = "00:00"\n' "$n" "$2"
        for ((k = 0; k < n; k++)); do
            printf '[[types]]\nname = "t%s"\n[types.arrivals]\nvolumes = [%s]\n' "$k" "${vols%, }"
            printf '[types.handling]\ntime = { dist = "exponential", mean_s = 180 }\n'
            printf '[types.patience]\ntime = { dist = "exponential", mean_s = 120 }\n'
        done
        for ((k = 0; k < n; k++)); do
            printf '[[groups]]\nname = "g%s"\nagents = 20\nserves = ["t%s", "t%s"]\npick = "longest_wait"\n' \
                "$k" "$k" "$(((k + n - 1) % n))"
        done
        printf '[routing]\n'
        for ((k = 0; k < n; k++)); do
            printf 't%s = [ { group = "g%s" }, { group = "g%s" } ]\n' "$k" "$k" "$(((k + 1) % n))"
        done
    } >"$tmp/ring-$n.toml"
}
ring 50 4
centre agents-20000 20000 189473.7 4 12

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# FILE [REPLICATIONS]: prints "calls/s (median) peak MiB (median)"; calls counted from the run's own JSON.
measure() {
    local file=$1 rates=() peaks=() n=()
    [[ -n "${2:-}" ]] && n=(-n "$2")
    for ((r = 1; r <= runs; r++)); do
        /usr/bin/time -f "%e %M" -o "$tmp/time" "$bin" run "$file" "${n[@]}" -j 1 --json "$tmp/out.json" >/dev/null
        read -r wall kib <"$tmp/time"
        json=$(tr -d ' \n' <"$tmp/out.json")
        first() { grep -o "\"$1\":${2:-}[0-9.eE+-]*" <<<"$json" | head -n 1 | sed 's/.*://'; }
        calls=$(awk -v m="$(first offered '{"mean":')" -v r="$(first replications)" -v d="$(first days)" \
            'BEGIN { printf "%.0f", m * r * d }')
        rates+=("$(awk -v c="$calls" -v w="$wall" 'BEGIN { printf "%.0f", c / w }')")
        peaks+=("$(awk -v k="$kib" 'BEGIN { printf "%.1f", k / 1024 }')")
    done
    printf '%-28s %10.2f M calls/s  %6.1f MiB peak  (median of %d)\n' "$(basename "$file")" \
        "$(printf '%s\n' "${rates[@]}" | median | awk '{ print $1 / 1e6 }')" \
        "$(printf '%s\n' "${peaks[@]}" | median)" "$runs"
}

measure "$tmp/agents-20.toml"
measure "$tmp/agents-20000.toml"
measure scenarios/multi-skill/bilingual.toml 2000
measure "$tmp/ring-50.toml"
