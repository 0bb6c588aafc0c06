# Shared by html-check.sh and serve-check.sh (sourced, not run): finds Debian's chromium
# or installs it (as root, with apt-get), builds ccsim when the binary given is missing,
# and sets `browser` and the headless `flags`. Expects `say`, `ccsim` and `repo`.
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
        say "needs chromium, or root and apt-get to install it"
        exit 2
    fi
    say "installing chromium"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium >/dev/null
    browser=$(command -v chromium)
fi
if [ ! -x "$ccsim" ]; then
    (cd "$repo" && cargo build --release)
fi
flags=(--headless --disable-gpu --no-first-run --hide-scrollbars --mute-audio)
# As root Chromium refuses to start without this (it cannot sandbox itself).
[ "$(id -u)" -eq 0 ] && flags+=(--no-sandbox)
