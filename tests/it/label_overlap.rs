//! No two point labels of a trade-off chart overlap, measured on the SVG as drawn: every
//! label text (font size 19, drawn as 19 / 1.24 in the SVG) gets a box from its
//! position and its length (the width bound the layout uses), and no two boxes share a
//! pixel. Seven scenarios on one spot (tradeoff), and 35 points of a five-type centre
//! in seven scenarios (tradeoff-types).

use crate::common::{assert_success, ccsim};
use std::path::Path;

/// Boxes (left, top, right, bottom) of the label-sized texts of an SVG, with the text.
fn label_boxes(svg: &str) -> Vec<((i32, i32, i32, i32), String)> {
    let size = format!("font-size=\"{}\"", 19.0 / 1.24);
    let mut boxes = Vec::new();
    for part in svg.split("<text ").skip(1) {
        let (attrs, rest) = part.split_once('>').unwrap();
        let attrs = format!(" {attrs}");
        if !attrs.contains(&size) {
            continue;
        }
        assert!(attrs.contains("text-anchor=\"start\"") && attrs.contains("dy=\"0.76em\""));
        let attr = |k: &str| -> i32 {
            let v = attrs.split(&format!(" {k}=\"")).nth(1).unwrap();
            v[..v.find('"').unwrap()].parse().unwrap()
        };
        let text = rest[..rest.find("</text>").unwrap()].trim().to_string();
        let (x, y) = (attr("x"), attr("y"));
        let w = (text.chars().count() as f64 * 19.0 * 0.55).ceil() as i32;
        boxes.push(((x, y, x + w, y + 19), text));
    }
    boxes
}

fn assert_apart(svg: &str, at_least: usize) {
    let boxes = label_boxes(svg);
    assert!(boxes.len() >= at_least, "{} labels: {boxes:?}", boxes.len());
    for (i, (a, ta)) in boxes.iter().enumerate() {
        for (b, tb) in &boxes[i + 1..] {
            let apart = a.2 <= b.0 || a.0 >= b.2 || a.3 <= b.1 || a.1 >= b.3;
            assert!(apart, "{ta:?} {a:?} overlaps {tb:?} {b:?}");
        }
    }
}

#[test]
fn seven_scenarios_on_one_spot_have_labels_apart() {
    // The worked study's baseline under seven names: seven points on one spot, the
    // crowd that overlapped into illegibility.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("study");
    std::fs::create_dir(&dir).unwrap();
    let base = std::fs::read_to_string("scenarios/study/baseline.toml").unwrap();
    let names = [
        "Baseline",
        "Callback offer",
        "Chatbot, 25 % fewer agents",
        "Evening cut",
        "Fewer agents (-8 %)",
        "Shorter handling, lower FCR",
        "Baseline again",
    ];
    for (i, name) in names.iter().enumerate() {
        let renamed = base.replacen("name = \"Baseline\"", &format!("name = {name:?}"), 1);
        std::fs::write(dir.join(format!("{i}.toml")), renamed).unwrap();
    }
    let out = tmp.path().join("out");
    let run = ccsim([
        "batch".as_ref(),
        dir.as_os_str(),
        "-n".as_ref(),
        "4".as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert_success(&run);
    // Two panels (service level, CSAT), seven labels or numbers each.
    assert_apart(
        &std::fs::read_to_string(out.join("tradeoff.svg")).unwrap(),
        14,
    );
}

/// A centre of five contact types, its agents scaled by `scale`.
fn centre(name: &str, scale: f64) -> String {
    let mut toml = format!(
        "name = \"{name}\"\n[simulation]\nreplications = 4\nseed = 5\ninterval_minutes = 60\n\
         [costs]\nagent_hour = 30.0\n"
    );
    let types = ["sales", "support", "billing", "retention", "support_es"];
    for (k, t) in types.iter().enumerate() {
        toml.push_str(&format!(
            "[[types]]\nname = \"{t}\"\n[types.arrivals]\nvolumes = [{}, {}]\n\
             [types.handling]\ntime = {{ dist = \"exponential\", mean_s = 240 }}\n\
             [types.targets]\nservice_level = {{ within_s = 20, at_least = 0.8 }}\n",
            120 + 20 * k,
            150 + 10 * k
        ));
    }
    for (k, t) in types.iter().enumerate() {
        let agents = ((10.0 + k as f64) * scale).round();
        toml.push_str(&format!(
            "[[groups]]\nname = \"{t} team\"\nagents = {agents}\nserves = [\"{t}\"]\n"
        ));
    }
    toml
}

#[test]
fn thirty_five_points_of_a_five_type_centre_have_labels_apart() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("centres");
    std::fs::create_dir(&dir).unwrap();
    let plans = [
        ("Today", 1.0),
        ("Lean", 0.9),
        ("Leaner", 0.85),
        ("Rich", 1.1),
        ("Richer", 1.2),
        ("Nearly today", 1.02),
        ("Also today", 1.0),
    ];
    for (i, (name, scale)) in plans.iter().enumerate() {
        std::fs::write(dir.join(format!("{i}.toml")), centre(name, *scale)).unwrap();
    }
    let out = tmp.path().join("out");
    let run = ccsim([
        "batch".as_ref(),
        dir.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert_success(&run);
    let svg = std::fs::read_to_string(out.join("tradeoff-types.svg")).unwrap();
    assert_apart(&svg, 35);
    assert!(Path::new(&out.join("tradeoff.svg")).exists());
}
