// The live what-if page: levers become `set=KEY=VALUE` overrides on the scenario as
// loaded; each change (debounced) asks the server for the changed scenario's report and
// its paired difference from the one loaded. A newer request aborts the older one (and
// the server, told the page's id, stops simulating it).
"use strict";
(function () {
  var params = new URLSearchParams(location.search);
  var selftest = params.get("selftest") === "1";
  var errors = [];
  if (selftest) {
    window.addEventListener("error", function (e) { errors.push("error: " + e.message); });
    window.addEventListener("unhandledrejection", function (e) { errors.push("rejection: " + e.reason); });
    var original = console.error;
    console.error = function () {
      errors.push("console: " + Array.prototype.join.call(arguments, " "));
      return original.apply(console, arguments);
    };
  }
  var client = "p" + Math.random().toString(36).slice(2) + Date.now().toString(36);
  var state = { name: "", text: "", fields: null, edits: {}, report: null, comparison: null };
  var controller = null;
  var timer = null;
  var waiters = [];
  function $(id) { return document.getElementById(id); }

  // The figures shown, their unit and their target in the report's `targets`.
  var KEY = [
    { key: "service_level", label: "Service level", kind: "pct", target: "service_level_at_least", at: "min" },
    { key: "abandonment_rate", label: "Abandonment", kind: "pct", target: "abandonment_at_most", at: "max" },
    { key: "asa_s", label: "Average speed of answer", kind: "s", target: "asa_at_most_s", at: "max" },
    { key: "occupancy", label: "Occupancy", kind: "pct", target: "occupancy_at_most", at: "max" },
    { key: "answered", label: "Answered per day", kind: "n" },
    { key: "paid_agent_hours", label: "Paid agent hours per day", kind: "n1" },
    { key: "cost_total", label: "Cost per day", kind: "money" },
    { key: "cost_per_handled", label: "Cost per handled contact", kind: "money2" }
  ];

  function fmt(kind, x) {
    if (x === null || x === undefined || !isFinite(x)) { return "–"; }
    switch (kind) {
      case "pct": return (x * 100).toFixed(1) + " %";
      case "s": return x.toFixed(1) + " s";
      case "n": return x.toFixed(0);
      case "n1": return x.toFixed(1);
      case "money": return x.toFixed(0) + " " + (state.report ? state.report.currency || "" : "");
      case "money2": return x.toFixed(2) + " " + (state.report ? state.report.currency || "" : "");
      default: return String(x);
    }
  }
  function fmtDiff(kind, d) {
    if (!d || d.mean === null) { return "–"; }
    var sign = d.mean >= 0 ? "+" : "−";
    var m = Math.abs(d.mean);
    var hw = d.half_width === null ? "" : d.half_width;
    if (kind === "pct") { return sign + (m * 100).toFixed(1) + " pts ± " + (hw * 100).toFixed(1); }
    var digits = kind === "s" || kind === "n1" ? 1 : kind === "money2" ? 2 : 0;
    return sign + m.toFixed(digits) + " ± " + Number(hw).toFixed(digits);
  }
  function fmtHw(kind, hw) {
    if (hw === null || hw === undefined) { return "–"; }
    if (kind === "pct") { return (hw * 100).toFixed(1) + " pts"; }
    return fmt(kind, hw);
  }
  function get(obj, path) {
    return path.split(".").reduce(function (o, k) { return o && typeof o === "object" ? o[k] : undefined; }, obj);
  }

  // Which group and which type the levers act on (a centre has several of each).
  function scope() {
    var f = state.fields || {};
    var g = $("group") ? $("group").value : "";
    var t = $("type") ? $("type").value : "";
    var centre = Array.isArray(f.types) && f.types.length > 0;
    var group = centre ? (f.groups || []).filter(function (x) { return x.name === g; })[0] || {} : f.staffing || {};
    var type = centre ? f.types.filter(function (x) { return x.name === t; })[0] || {} : f;
    return {
      staff: centre ? "groups." + g + "." : "staffing.",
      type: centre ? "types." + t + "." : "",
      targets: centre ? "types." + t + ".targets." : "targets.",
      group: group, typeFields: type,
      targetFields: (centre ? type.targets : f.targets) || {},
      tag: g + "/" + t
    };
  }

  // Each lever: its range, its value in the scenario as loaded, and the override it makes.
  function levers(s) {
    var ht = get(s.typeFields, "handling.time.mean_s");
    var ss = s.typeFields.self_service;
    var sl = get(s.targetFields, "service_level.at_least");
    var ab = s.targetFields.abandonment_at_most;
    return [
      { id: "agents", label: "Agents", unit: "%", min: -30, max: 30, step: 1, orig: 0, show: s.group.agents !== undefined,
        set: function (v) { return s.staff + "agents=*" + (1 + v / 100).toFixed(2); } },
      { id: "shrinkage", label: "Shrinkage", unit: "share", min: 0, max: 0.6, step: 0.01, orig: s.group.shrinkage || 0, show: true,
        set: function (v) { return s.staff + "shrinkage=" + v; } },
      { id: "handle", label: "Mean handle time", unit: "s", min: Math.round((ht || 0) * 0.5), max: Math.round((ht || 0) * 1.5), step: 5, orig: ht, show: ht !== undefined,
        set: function (v) { return s.type + "handling.time.mean_s=" + v; } },
      { id: "volume", label: "Volume", unit: "%", min: -30, max: 30, step: 1, orig: 0, show: true,
        set: function (v) { return s.type + "arrivals.volumes=*" + (1 + v / 100).toFixed(2); } },
      { id: "callback", label: "Callbacks offered", toggle: true, orig: !!s.typeFields.callback, show: true,
        set: function (on) {
          return on ? s.type + "callback={ offer_when_wait_exceeds_s = 60, acceptance = 0.6, promise_s = 3600 }"
            : s.type + "callback.acceptance=0";
        } },
      { id: "containment", label: "Self-service containment", unit: "share", min: 0, max: 0.9, step: 0.01, orig: ss ? ss.containment : 0, show: true,
        set: function (v) {
          return ss ? s.type + "self_service.containment=" + v
            : s.type + "self_service={ offered_share = 0.6, containment = " + v + ", time = { dist = \"lognormal\", mean_s = 90, cv = 0.5 } }";
        } },
      { id: "sl-target", label: "Service level target", unit: "share", min: 0.5, max: 0.99, step: 0.01, orig: sl, show: sl !== undefined,
        set: function (v) { return s.targets + "service_level.at_least=" + v; } },
      { id: "abandon-target", label: "Abandonment target", unit: "share", min: 0, max: 0.2, step: 0.005, orig: ab, show: ab !== undefined,
        set: function (v) { return s.targets + "abandonment_at_most=" + v; } }
    ];
  }

  function buildScope() {
    var f = state.fields, box = $("scope");
    box.textContent = "";
    if (!(Array.isArray(f.types) && f.types.length)) { return; }
    [["group", "Group", f.groups || []], ["type", "Contact type", f.types]].forEach(function (x) {
      var label = document.createElement("label");
      label.textContent = x[1] + " ";
      var sel = document.createElement("select");
      sel.id = x[0];
      x[2].forEach(function (item) { sel.add(new Option(item.name, item.name)); });
      sel.addEventListener("change", buildLevers);
      label.appendChild(sel);
      box.appendChild(label);
    });
  }

  function buildLevers() {
    var s = scope(), box = $("levers");
    box.textContent = "";
    levers(s).forEach(function (l) {
      if (!l.show) { return; }
      var id = l.id + "@" + s.tag;
      var edit = state.edits[id];
      var value = edit ? edit.value : l.orig;
      var row = document.createElement("label");
      row.className = "lever";
      var name = document.createElement("span");
      var out = document.createElement("output");
      var input = document.createElement("input");
      input.id = "lever-" + l.id;
      if (l.toggle) {
        input.type = "checkbox";
        input.checked = value;
      } else {
        input.type = "range";
        input.min = l.min; input.max = l.max; input.step = l.step; input.value = value;
      }
      function show() {
        var v = l.toggle ? input.checked : Number(input.value);
        out.textContent = l.toggle ? (v ? "on" : "off") : l.unit === "%" ? (v > 0 ? "+" : "") + v + " %" : l.unit === "s" ? v + " s" : v.toFixed(l.step < 0.01 ? 3 : 2);
        return v;
      }
      show();
      input.addEventListener(l.toggle ? "change" : "input", function () {
        var v = show();
        if (v === l.orig || (!l.toggle && Math.abs(v - l.orig) < 1e-9)) { delete state.edits[id]; }
        else { state.edits[id] = { value: v, set: l.set(v) }; }
        schedule();
      });
      name.textContent = l.label;
      row.appendChild(name);
      row.appendChild(input);
      row.appendChild(out);
      box.appendChild(row);
    });
  }

  function sets() {
    return Object.keys(state.edits).sort().map(function (k) { return state.edits[k].set; });
  }
  function query(withClient) {
    var q = "file=" + encodeURIComponent(state.name);
    if (withClient) { q += "&client=" + client; }
    sets().forEach(function (s) { q += "&set=" + encodeURIComponent(s); });
    return q;
  }

  function schedule() {
    clearTimeout(timer);
    $("sets").textContent = sets().length ? "Overrides: " + sets().join("  ·  ") : "No change from the scenario as loaded.";
    timer = setTimeout(update, 250);
  }

  function update() {
    if (controller) { controller.abort(); }
    controller = new AbortController();
    var started = performance.now();
    $("status").textContent = "simulating…";
    fetch("/api/compare?" + query(true), { method: "POST", body: state.text, signal: controller.signal })
      .then(function (r) { return r.json().then(function (j) { return { status: r.status, body: j }; }); })
      .then(function (res) {
        if (res.status === 409) { return; }
        if (res.status !== 200) {
          $("error").hidden = false;
          $("error").textContent = res.body.error || "the server answered " + res.status;
          $("status").textContent = "error";
          return;
        }
        $("error").hidden = true;
        state.report = res.body.report.scenarios[0];
        state.comparison = res.body.comparison;
        render();
        $("status").textContent = "updated in " + Math.round(performance.now() - started) + " ms";
      })
      .catch(function (e) {
        if (e.name !== "AbortError") { $("status").textContent = "no answer: " + e.message; }
      });
  }

  function render() {
    var r = state.report, c = state.comparison, body = $("metrics").tBodies[0];
    $("title").textContent = r.name + " · " + r.replications + " replications, seed " + r.seed;
    body.textContent = "";
    KEY.forEach(function (k) {
      var m = r.metrics[k.key];
      var target = k.target ? r.targets[k.target] : null;
      var met = target === null || target === undefined ? "" : (k.at === "min" ? m.mean >= target : m.mean <= target) ? "yes" : "no";
      var targetText = target === null || target === undefined ? "" : (k.at === "min" ? "≥ " : "≤ ") + fmt(k.kind, target);
      var tr = body.insertRow();
      [k.label, fmt(k.kind, m.mean), fmtHw(k.kind, m.half_width), targetText, met,
        fmtDiff(k.kind, c.metrics[k.key])].forEach(function (text, i) {
        var td = tr.insertCell();
        td.textContent = text;
        if (i === 1) { td.id = "m-" + k.key; }
        if (i === 2) { td.id = "hw-" + k.key; }
        if (i === 4 && text) { td.className = text === "yes" ? "met" : "missed"; }
      });
    });
    $("about").textContent = "Change vs loaded: the same seed for both (common random numbers), so the interval is the paired one; " +
      c.pairs + " pairs.";
    chart(r);
    var w = waiters; waiters = [];
    w.forEach(function (f) { f(); });
  }

  function el(name, attrs, text) {
    var e = document.createElementNS("http://www.w3.org/2000/svg", name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function chart(r) {
    var W = 760, H = 260, L = 44, R = 10, T = 10, B = 34, n = r.intervals.length;
    var svg = el("svg", { viewBox: "0 0 " + W + " " + H, width: W, height: H, role: "img", "aria-label": "Service level per interval" });
    var target = r.targets.service_level_at_least;
    // The axis starts a little below the lowest interval or target shown, at a tenth.
    var low = r.intervals.reduce(function (m, iv) {
      var e = iv.metrics.service_level;
      return e.mean === null ? m : Math.min(m, e.mean - (e.half_width || 0));
    }, target === null || target === undefined ? 1 : target);
    low = Math.max(0, Math.floor((low - 0.05) * 10) / 10);
    var y = function (v) { return T + (1 - (Math.max(low, Math.min(1, v)) - low) / (1 - low)) * (H - T - B); };
    var x = function (i) { return L + (i + 0.5) * (W - L - R) / n; };
    [0, 0.25, 0.5, 0.75, 1].forEach(function (f) {
      var v = low + f * (1 - low);
      svg.appendChild(el("line", { x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: "#ddd" }));
      svg.appendChild(el("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end", "font-size": 11 }, (v * 100).toFixed(0) + " %"));
    });
    if (target !== null && target !== undefined) {
      svg.appendChild(el("line", { x1: L, x2: W - R, y1: y(target), y2: y(target), stroke: "#c0392b", "stroke-dasharray": "5 4" }));
      svg.appendChild(el("text", { x: W - R, y: y(target) - 4, "text-anchor": "end", "font-size": 11, fill: "#c0392b" }, "target " + fmt("pct", target)));
    }
    r.intervals.forEach(function (iv, i) {
      var m = iv.metrics.service_level;
      if (m.mean === null) { return; }
      var hw = m.half_width || 0;
      svg.appendChild(el("line", { x1: x(i), x2: x(i), y1: y(m.mean - hw), y2: y(m.mean + hw), stroke: "#2c6fbb", "stroke-width": 2 }));
      var dot = el("circle", { cx: x(i), cy: y(m.mean), r: 3.5, fill: target !== undefined && target !== null && m.mean < target ? "#c0392b" : "#2c6fbb" });
      dot.appendChild(el("title", {}, iv.start + ": " + fmt("pct", m.mean) + " ± " + (hw * 100).toFixed(1)));
      svg.appendChild(dot);
      if (i % 2 === 0) {
        svg.appendChild(el("text", { x: x(i), y: H - B + 16, "text-anchor": "middle", "font-size": 10 }, iv.start));
      }
    });
    $("chart").textContent = "";
    $("chart").appendChild(svg);
  }

  function download(name, type, data) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([data], { type: type }));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
  function stem() { return state.name.replace(/\.toml$/, ""); }
  function fetchText(path) {
    return fetch(path + "?" + query(false), { method: "POST", body: state.text }).then(function (r) {
      return r.text().then(function (t) {
        if (!r.ok) { throw new Error(JSON.parse(t).error); }
        return t;
      });
    });
  }
  function failed(e) { $("error").hidden = false; $("error").textContent = e.message; }

  function load(name, text) {
    state.name = name;
    state.text = text;
    state.edits = {};
    $("status").textContent = "reading the scenario…";
    return fetch("/api/parse?file=" + encodeURIComponent(name), { method: "POST", body: text })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
      .then(function (res) {
        if (!res.ok) { failed(new Error(res.body.error)); $("status").textContent = "error"; return; }
        $("error").hidden = true;
        state.fields = res.body;
        buildScope();
        buildLevers();
        schedule();
      });
  }

  function pick() {
    var name = $("scenario").value;
    return fetch("/api/scenario?name=" + encodeURIComponent(name))
      .then(function (r) { return r.text(); })
      .then(function (t) { return load(name, t); });
  }

  function rendered() { return new Promise(function (f) { waiters.push(f); }); }

  // ?selftest=1: move a lever with real input events, wait for the page to update, and
  // check the figures shown against the API's answer for the same settings.
  function runSelftest() {
    var result = { errors: errors };
    rendered().then(function () {
      result.before = $("m-service_level").textContent;
      var input = $("lever-agents");
      input.value = "12";
      input.dispatchEvent(new Event("input", { bubbles: true }));
      return rendered();
    }).then(function () {
      result.after = $("m-service_level").textContent;
      result.sets = sets();
      return fetch("/api/run?" + query(false), { method: "POST", body: state.text }).then(function (r) { return r.json(); });
    }).then(function (api) {
      var m = api.scenarios[0].metrics;
      result.checked = 0;
      result.mismatches = [];
      KEY.forEach(function (k) {
        var shown = $("m-" + k.key).textContent, expected = fmt(k.kind, m[k.key].mean);
        result.checked += 1;
        if (shown !== expected) { result.mismatches.push(k.key + ": shown " + shown + ", API " + expected); }
      });
    }).catch(function (e) { errors.push("selftest: " + e.message); }).then(function () {
      var pre = document.createElement("pre");
      pre.id = "selftest";
      pre.hidden = true;
      pre.textContent = JSON.stringify(result);
      document.body.appendChild(pre);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (selftest) { runSelftest(); }
    $("scenario").addEventListener("change", pick);
    $("use-pasted").addEventListener("click", function () { load("pasted.toml", $("pasted").value); });
    $("reset").addEventListener("click", function () { state.edits = {}; buildLevers(); schedule(); });
    $("save").addEventListener("click", function () {
      fetchText("/api/edit").then(function (t) { download(stem() + "-what-if.toml", "application/toml", t); }, failed);
    });
    $("export-json").addEventListener("click", function () {
      fetchText("/api/run").then(function (t) { download(stem() + ".json", "application/json", t); }, failed);
    });
    $("export-csv").addEventListener("click", function () {
      fetch("/api/run?format=csv&" + query(false), { method: "POST", body: state.text })
        .then(function (r) { return r.text(); })
        .then(function (t) { download(stem() + ".csv", "text/csv", t); }, failed);
    });
    fetch("/api/scenarios").then(function (r) { return r.json(); }).then(function (j) {
      j.scenarios.forEach(function (s) { $("scenario").add(new Option(s.title + " (" + s.name + ")", s.name)); });
      var weekday = j.scenarios.filter(function (s) { return s.name === "weekday.toml"; })[0];
      if (weekday) { $("scenario").value = weekday.name; }
      return pick();
    }).catch(failed);
  });
})();
