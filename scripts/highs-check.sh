#!/usr/bin/env bash
# Builds and tests ccsim with the `highs` feature (HiGHS compiled from source by
# highs-sys: it needs cmake, a C++ compiler and libclang for bindgen). Installs them with
# apt-get when missing (as root, Debian), then builds and runs the unit and schedule tests
# with the feature, timing each step. Usage: scripts/highs-check.sh [extra cargo test args]
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v cmake >/dev/null || need+=(cmake)
command -v g++ >/dev/null || need+=(g++)
ldconfig -p 2>/dev/null | grep -q 'libclang[-.0-9]*\.so' || need+=(libclang-dev)
if ((${#need[@]})); then
    echo "installing: ${need[*]}"
    start=$(date +%s)
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
    echo "installed in $(($(date +%s) - start)) s"
fi
start=$(date +%s)
cargo build --release --features highs
echo "build with --features highs: $(($(date +%s) - start)) s"
start=$(date +%s)
cargo test --release --features highs --lib "$@"
# The schedule tests of the one integration-test binary (tests/it/schedule.rs).
cargo test --release --features highs --test it "$@" -- schedule::
echo "unit and schedule tests with --features highs: $(($(date +%s) - start)) s"
