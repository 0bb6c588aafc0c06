#!/usr/bin/env bash
# Checks the `ccsim serve` page in a real browser: installs Debian's chromium when
# missing (needs root and apt), starts `ccsim serve` on the weekday example on a free
# port, loads the page headless in its self-test mode (/?selftest=1: the page records
# script errors, reads the service level it shows, moves the agents lever with real input
# events, waits for the update, reads the new service level, then asks the API for the
# same settings and compares every figure it shows), and fails unless there was no
# console or script error, the service level shown changed, and every figure shown
# equals the API's. Also takes a screenshot of the page.
#
#   scripts/serve-check.sh [CCSIM] [SCREENSHOT.png]
#       CCSIM: default target/release/ccsim (built if missing)
#       SCREENSHOT.png: where to keep the screenshot (default: dropped)
#
# Exit status: 0 all checks passed, 1 a check failed, 2 no browser and none installable.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
ccsim=${1:-$repo/target/release/ccsim}
keep=${2:-}
width=1280
height=760
say() { echo "serve-check.sh: $*" >&2; }
fail() { say "FAIL: $*"; exit 1; }

# shellcheck source=scripts/headless.sh
source "$(dirname "$0")/headless.sh"

scratch=$(mktemp -d /tmp/ccsim-serve.XXXXXX)
server=
cleanup() {
    # The server dies of the TERM sent here: its status is expected, not a failure.
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$scratch"
}
trap cleanup EXIT
"$ccsim" serve "$repo/scenarios/weekday.toml" --port 0 >"$scratch/serve.out" 2>"$scratch/serve.err" &
server=$!
addr=
for _ in $(seq 1 100); do
    addr=$(sed -n 's|.*http://\([^/]*\)/.*|\1|p' "$scratch/serve.out")
    [ -n "$addr" ] && break
    kill -0 "$server" 2>/dev/null || { cat "$scratch/serve.err" >&2; fail "ccsim serve did not start"; }
    sleep 0.1
done
[ -n "$addr" ] || fail "ccsim serve printed no address"
say "serving on $addr"

"$browser" "${flags[@]}" --enable-logging=stderr --v=0 --virtual-time-budget=30000 \
    --dump-dom "http://$addr/?selftest=1" >"$scratch/dom.html" 2>"$scratch/dom.log" || true
result=$(sed -n 's/.*<pre id="selftest"[^>]*>\(.*\)<\/pre>.*/\1/p' "$scratch/dom.html" | head -n 1)
[ -n "$result" ] || { tail -n 20 "$scratch/dom.log" >&2; fail "the page's self-test wrote no result"; }
result=$(printf '%s' "$result" | sed 's/&quot;/"/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g')
python3 - "$result" <<'PY' || exit 1
import json, sys
found = json.loads(sys.argv[1])
problems = []
if found.get("errors"):
    problems.append("errors: " + "; ".join(found["errors"]))
if "after" not in found or found.get("before") == found.get("after"):
    problems.append(f"the service level shown did not change ({found.get('before')} -> {found.get('after')})")
if found.get("mismatches") or not found.get("checked"):
    problems.append("figures differ from the API's: " + "; ".join(found.get("mismatches", ["none checked"])))
for p in problems:
    print("serve-check.sh: FAIL:", p, file=sys.stderr)
if problems:
    sys.exit(1)
print(f"serve-check.sh: no error; service level {found['before']} -> {found['after']} "
      f"after {', '.join(found['sets'])}; {found['checked']} figures equal the API's", file=sys.stderr)
PY
# Errors the browser logged itself (a script that did not parse never reaches the self-test).
if grep -E 'Uncaught|SyntaxError|Refused to|"ERROR:CONSOLE|CONSOLE\(' "$scratch/dom.log" \
    | grep -v -i 'dbus\|bus.cc' >"$scratch/console.log"; then
    cat "$scratch/console.log" >&2
    fail "the browser logged errors for the page"
fi

shot=$scratch/shot.png
"$browser" "${flags[@]}" --window-size=$width,$height --virtual-time-budget=10000 \
    --screenshot="$shot" "http://$addr/?selftest=1" >/dev/null 2>"$scratch/shot.log" || true
[ -s "$shot" ] || { tail -n 20 "$scratch/shot.log" >&2; fail "no screenshot"; }
[ "$(head -c 8 "$shot" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "the screenshot is no PNG"
bytes=$(stat -c %s "$shot")
[ "$bytes" -gt 30000 ] || fail "screenshot of $bytes bytes: the page looks empty"
say "screenshot ${width}x${height}, $bytes bytes"
[ -n "$keep" ] && cp "$shot" "$keep"
say "passed"
