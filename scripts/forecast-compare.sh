#!/usr/bin/env bash
# Score `ccsim forecast` against statsforecast's SeasonalNaive, SeasonalWindowAverage
# and MSTL on generated histories (scripts/forecast-compare.py says how). Outside CI:
# it builds a Python environment under target/ with pinned library versions.
#
#   scripts/forecast-compare.sh [SEEDS...]     default seeds 11..20
set -euo pipefail

cd "$(dirname "$0")/.."
venv=target/forecast-compare-venv
if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet statsforecast==2.1.1 pandas==2.3.3
fi
cargo build --release --quiet
"$venv/bin/python" scripts/forecast-compare.py target/release/ccsim "$@"
