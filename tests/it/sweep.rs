//! `ccsim sweep`: each point is `run --set` for its value (byte-identical figures), the
//! agents lever moves service level, CSAT and cost the way staffing must under common
//! random numbers, and `--out` writes the report and charts.

use crate::common::ccsim;

use serde_json::Value;

fn json_of(args: &[&str]) -> Value {
    let out = ccsim(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn mean(s: &Value, key: &str) -> f64 {
    s["metrics"][key]["mean"].as_f64().unwrap()
}

#[test]
fn agents_sweep_on_the_default_scenario_moves_every_figure_one_way() {
    let report = json_of(&[
        "sweep",
        "--vary",
        "staffing.agents=-3..+3",
        "-n",
        "60",
        "--json",
        "-",
    ]);
    let points = report["scenarios"].as_array().unwrap();
    assert_eq!(points.len(), 7);
    for (k, p) in points.iter().enumerate() {
        let offset = k as i64 - 3;
        assert_eq!(p["point"]["staffing.agents"].as_i64(), Some(offset));
        assert_eq!(p["name"], format!("staffing.agents={offset:+}"));
        assert_eq!(p["seed"], 7, "every point keeps the file's seed");
    }
    let series = |key: &str| -> Vec<f64> { points.iter().map(|p| mean(p, key)).collect() };
    let increasing = |xs: &[f64]| xs.windows(2).all(|w| w[1] > w[0]);
    let (sl, csat, cost) = (
        series("service_level"),
        series("csat"),
        series("cost_per_contact"),
    );
    eprintln!("SL {sl:?}\nCSAT {csat:?}\ncost per contact {cost:?}");
    assert!(increasing(&sl), "service level rises with agents: {sl:?}");
    assert!(increasing(&csat), "CSAT rises with agents: {csat:?}");
    assert!(
        increasing(&cost),
        "cost per contact rises with agents under common random numbers: {cost:?}"
    );
}

/// The scenario object without its name and point: every figure, as text.
fn figures(mut s: Value) -> String {
    let o = s.as_object_mut().unwrap();
    o.remove("name");
    o.remove("point");
    serde_json::to_string(o).unwrap()
}

#[test]
fn a_point_is_run_with_set_byte_for_byte() {
    let f = "scenarios/multi-skill/bilingual.toml";
    let sweep = json_of(&[
        "sweep",
        f,
        "--vary",
        "groups.bilingual.agents=-1,+1",
        "--vary",
        "types.spanish.patience.time.mean_s=90,150",
        "--set",
        "simulation.seed=11",
        "-n",
        "5",
        "--json",
        "-",
    ]);
    let points = sweep["scenarios"].as_array().unwrap();
    assert_eq!(points.len(), 4);
    // The first lever varies slowest: point 2 is (+1, 90).
    let p = &points[2];
    assert_eq!(
        p["name"],
        "groups.bilingual.agents=+1, types.spanish.patience.time.mean_s=90"
    );
    assert_eq!(p["point"]["types.spanish.patience.time.mean_s"], 90);
    let run = json_of(&[
        "run",
        f,
        "-n",
        "5",
        "--set",
        "simulation.seed=11",
        "--set",
        "groups.bilingual.agents=+1",
        "--set",
        "types.spanish.patience.time.mean_s=90",
        "--json",
        "-",
    ]);
    assert_eq!(figures(p.clone()), figures(run["scenarios"][0].clone()));
    assert_ne!(figures(points[0].clone()), figures(p.clone()));
}

#[test]
fn out_writes_the_report_the_charts_and_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sweep");
    let o = ccsim([
        "sweep",
        "scenarios/weekday.toml",
        "--vary",
        "staffing.shrinkage=0.25..0.35:0.05",
        "--vary",
        "staffing.agents=-1,+1",
        "-n",
        "4",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("staffing.shrinkage"), "{text}");
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    for stem in ["sweep-metrics", "sweep-frontier", "sweep-heat"] {
        assert!(md.contains(&format!("]({stem}.png)")), "{md}");
        let png = std::fs::read(out.join(format!("{stem}.png"))).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let svg = std::fs::read_to_string(out.join(format!("{stem}.svg"))).unwrap();
        roxmltree::Document::parse(&svg).expect("the SVG is well-formed XML");
    }
    let json: Value =
        serde_json::from_slice(&std::fs::read(out.join("sweep.json")).unwrap()).unwrap();
    assert_eq!(json["scenarios"].as_array().unwrap().len(), 6);
    assert_eq!(json["scenarios"][5]["point"]["staffing.shrinkage"], 0.35);
    let csv = std::fs::read_to_string(out.join("sweep.csv")).unwrap();
    assert_eq!(csv.lines().count(), 7, "a header and one row per point");
}

#[test]
fn bad_levers_are_refused_before_any_simulation() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("never");
    let o = ccsim([
        "sweep",
        "--vary",
        "staffing.shrinkage=0.5..1.0:0.25",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("--vary staffing.shrinkage=1.0"), "{err}");
    assert!(!out.exists(), "nothing written for a sweep that cannot run");
    for args in [
        vec![
            "sweep", "--vary", "a.b=1", "--vary", "c.d=1", "--vary", "e.f=1",
        ],
        vec!["sweep", "--vary", "staffing.agents=3..1"],
        vec![
            "sweep",
            "--vary",
            "staffing.agents=1",
            "--vary",
            "staffing.agents=2",
        ],
        vec!["sweep"],
    ] {
        let o = ccsim(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
    }
}
