#!/usr/bin/env bash
# Checks report.html in a real browser: installs Debian's chromium when missing (needs
# root and apt), writes a study with ccsim, loads its report.html headless with a small
# probe added in front of the page, and checks what the browser saw: the page title is
# the study's (report.md's first heading), one <svg> per chart the study wrote, no
# script error or refused load (console or window.onerror), a click on a header sorts
# its column numerically both ways, at 1280 px no table wider than its box unless the
# box scrolls (first column fixed) and no two chart labels overlapping, and a screenshot of plausible size (width and height
# from the PNG header, not a tiny file).
#
#   scripts/html-check.sh [CCSIM] [SCREENSHOT.png]
#       CCSIM: default target/release/ccsim (built if missing)
#       SCREENSHOT.png: where to keep the screenshot (default: dropped)
#
# Exit status: 0 all checks passed, 1 a check failed, 2 no browser and none installable.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
ccsim=${1:-$repo/target/release/ccsim}
keep=${2:-}
width=1280
height=900
say() { echo "html-check.sh: $*" >&2; }
fail() { say "FAIL: $*"; exit 1; }
started=$(date +%s.%N)

# shellcheck source=scripts/headless.sh
source "$(dirname "$0")/headless.sh"

scratch=$(mktemp -d /tmp/ccsim-html.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
study=$scratch/study
"$ccsim" batch "$repo/scenarios/study" --baseline "$repo/scenarios/study/baseline.toml" \
    -n 20 --out "$study" >/dev/null
page=$study/report.html
[ -s "$page" ] || fail "no report.html in the study folder"
charts=$(find "$study" -maxdepth 1 -name '*.svg' | wc -l)
[ "$charts" -gt 0 ] || fail "the study wrote no chart"
title=$(head -n 1 "$study/report.md" | sed 's/^# //; s/\\\(.\)/\1/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g')

# The probe: records errors from the first moment (window.onerror, console.error,
# refused loads), then after load counts the charts, sorts a column by clicking its
# header twice, and writes what it found into the page for --dump-dom.
probe='<script>
(function () {
  var errors = [];
  window.addEventListener("error", function (e) { errors.push("error: " + e.message); });
  document.addEventListener("securitypolicyviolation", function (e) {
    errors.push("refused: " + e.blockedURI + " (" + e.violatedDirective + ")");
  });
  var original = console.error;
  console.error = function () {
    errors.push("console: " + Array.prototype.join.call(arguments, " "));
    return original.apply(console, arguments);
  };
  function column(table, col) {
    return Array.prototype.map.call(table.tBodies[0].rows, function (r) {
      var t = r.cells[col].textContent.replace(/,/g, "").split("\u00b1")[0];
      return parseFloat(t.replace(/[^0-9.+-]/g, ""));
    });
  }
  function sorted(v, up) {
    for (var i = 1; i < v.length; i++) {
      if (up ? v[i - 1] > v[i] : v[i - 1] < v[i]) { return false; }
    }
    return v.length > 2;
  }
  window.addEventListener("load", function () {
    var sort = "no table with a numeric column";
    var tables = document.querySelectorAll("table");
    for (var k = 0; k < tables.length && sort.indexOf("no") === 0; k++) {
      var t = tables[k];
      if (!t.tHead || t.tBodies[0].rows.length < 3 || t.tHead.rows[0].cells.length < 2) { continue; }
      var before = column(t, 1);
      if (before.some(isNaN)) { continue; }
      var th = t.tHead.rows[0].cells[1];
      th.click();
      var up = sorted(column(t, 1), true);
      th.click();
      var down = sorted(column(t, 1), false);
      sort = up && down ? "ok" : "not sorted (ascending " + up + ", descending " + down + ")";
    }
    // At the width of the window (1280 px): a table wider than the box it sits in must be
    // in a box that scrolls sideways, with its first column fixed; nothing makes the
    // page itself scroll sideways.
    var wide = [];
    Array.prototype.forEach.call(tables, function (t, k) {
      var box = t.parentElement;
      var style = getComputedStyle(box);
      var scrolls = /(auto|scroll)/.test(style.overflowX) && box.scrollWidth > box.clientWidth;
      var wider = t.getBoundingClientRect().width > box.clientWidth + 1;
      if (wider && !scrolls) { wide.push("table " + k + " is " + Math.round(t.getBoundingClientRect().width) + " px in a box of " + box.clientWidth + " px"); }
      var first = t.tBodies[0] && t.tBodies[0].rows[0] && t.tBodies[0].rows[0].cells[0];
      if (wider && first && getComputedStyle(first).position !== "sticky") { wide.push("table " + k + " scrolls with its first column"); }
    });
    var page = document.documentElement.scrollWidth - window.innerWidth;
    if (page > 1) { wide.push("the page is " + page + " px wider than the window"); }
    // Point labels of the charts (font size 19 as drawn, 19 / 1.24 in the SVG): no two
    // of one chart overlap, measured on the text as the browser laid it out.
    var overlaps = [];
    Array.prototype.forEach.call(document.querySelectorAll("svg"), function (svg, c) {
      var labels = Array.prototype.filter.call(svg.querySelectorAll("text"), function (t) {
        return Math.abs(parseFloat(t.getAttribute("font-size")) - 19 / 1.24) < 1e-6;
      }).map(function (t) { return { box: t.getBBox(), text: t.textContent.trim() }; });
      for (var i = 0; i < labels.length; i++) {
        for (var j = i + 1; j < labels.length; j++) {
          var a = labels[i].box, b = labels[j].box;
          if (a.x + a.width > b.x + 1 && b.x + b.width > a.x + 1 &&
              a.y + a.height > b.y + 1 && b.y + b.height > a.y + 1) {
            overlaps.push("chart " + c + ": " + labels[i].text + " / " + labels[j].text);
          }
        }
      }
    });
    var out = document.createElement("pre");
    out.id = "ccsim-probe";
    out.textContent = JSON.stringify({
      title: document.title,
      svgs: document.querySelectorAll("svg").length,
      errors: errors,
      sort: sort,
      tables: tables.length,
      wide: wide,
      overlaps: overlaps
    });
    document.body.appendChild(out);
  });
})();
</script>'
probed=$study/probed.html
python3 - "$page" "$probed" "$probe" <<'EOF'
import sys
page, out, probe = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(page, encoding="utf-8").read()
head = text.index("<head>") + len("<head>")
open(out, "w", encoding="utf-8").write(text[:head] + "\n" + probe + text[head:])
EOF

t0=$(date +%s.%N)
"$browser" "${flags[@]}" --enable-logging=stderr --v=0 --virtual-time-budget=5000 \
    --window-size=$width,$height --dump-dom "file://$probed" >"$scratch/dom.html" 2>"$scratch/dom.log" || true
t1=$(date +%s.%N)
result=$(sed -n 's/.*<pre id="ccsim-probe">\(.*\)<\/pre>.*/\1/p' "$scratch/dom.html" | head -n 1)
[ -n "$result" ] || { tail -n 20 "$scratch/dom.log" >&2; fail "the browser did not run the page's probe"; }
result=$(printf '%s' "$result" | sed 's/&quot;/"/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g')
python3 - "$result" "$title" "$charts" <<'EOF' || exit 1
import json, sys
found, title, charts = json.loads(sys.argv[1]), sys.argv[2], int(sys.argv[3])
problems = []
if found["title"] != title:
    problems.append(f"title {found['title']!r}, expected {title!r}")
if found["svgs"] != charts:
    problems.append(f"{found['svgs']} <svg> in the page, {charts} charts in the folder")
if found["errors"]:
    problems.append("errors: " + "; ".join(found["errors"]))
if found["sort"] != "ok":
    problems.append("sorting: " + found["sort"])
if found["tables"] < 3:
    problems.append(f"only {found['tables']} tables in the page")
for w in found["wide"]:
    problems.append("at 1280 px: " + w)
for o in found["overlaps"]:
    problems.append("overlapping chart labels: " + o)
for p in problems:
    print("html-check.sh: FAIL:", p, file=sys.stderr)
if problems:
    sys.exit(1)
print(f"html-check.sh: title ok, {found['svgs']} charts drawn, no error, sorting ok, "
      f"{found['tables']} tables fit at 1280 px, no chart labels overlap", file=sys.stderr)
EOF
# Errors the browser logged itself (a script that did not parse never reaches the probe).
if grep -E 'Uncaught|SyntaxError|Refused to|"ERROR:CONSOLE|CONSOLE\(' "$scratch/dom.log" \
    | grep -v -i 'dbus\|bus.cc' >"$scratch/console.log"; then
    cat "$scratch/console.log" >&2
    fail "the browser logged errors for the page"
fi

shot=$scratch/shot.png
t2=$(date +%s.%N)
"$browser" "${flags[@]}" --window-size=$width,$height --screenshot="$shot" \
    "file://$page" >/dev/null 2>"$scratch/shot.log" || true
t3=$(date +%s.%N)
[ -s "$shot" ] || { tail -n 20 "$scratch/shot.log" >&2; fail "no screenshot"; }
bytes=$(stat -c %s "$shot")
read -r w h < <(od -An -tu1 -j16 -N8 "$shot" |
    awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
[ "$(head -c 8 "$shot" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "the screenshot is no PNG"
[ "$w" -eq $width ] && [ "$h" -eq $height ] || fail "screenshot ${w}x${h}, expected ${width}x${height}"
[ "$bytes" -gt 30000 ] || fail "screenshot of $bytes bytes: the page looks empty"
say "screenshot ${w}x${h}, $bytes bytes"
[ -n "$keep" ] && cp "$shot" "$keep"
ended=$(date +%s.%N)
awk -v s="$started" -v e="$ended" -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" 'BEGIN {
    printf "html-check.sh: passed in %.1f s (page load %.1f s, screenshot %.1f s)\n", e - s, b - a, d - c
}' >&2
