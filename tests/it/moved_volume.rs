//! Moved volume: a type whose volumes are a share of another type's, which keeps the
//! rest. Offered contacts split by the share (the two add up to the original type's),
//! `--set` and `--vary` move the share, and a bad `moved_from` is refused by field.

use std::path::{Path, PathBuf};

use crate::common::ccsim;

use serde_json::Value;

/// Expected fresh contacts per day of "support" before any move.
const DAILY: f64 = 300.0;

/// A centre where "chat" takes `moved` (a TOML fragment) and "support" has [100, 200].
fn file(dir: &Path, moved: &str) -> PathBuf {
    let toml = format!(
        "[simulation]\nreplications = 40\nseed = 11\ninterval_minutes = 30\n\
         [[types]]\nname = \"support\"\n[types.arrivals]\nvolumes = [100, 200]\n\
         [types.handling]\ntime = {{ dist = \"exponential\", mean_s = 60 }}\n\
         [[types]]\nname = \"chat\"\n{moved}\
         [types.handling]\ntime = {{ dist = \"exponential\", mean_s = 60 }}\n\
         [[groups]]\nname = \"all\"\nagents = [20, 30]\nserves = [\"support\", \"chat\"]\n"
    );
    let path = dir.join("moved.toml");
    std::fs::write(&path, toml).unwrap();
    path
}

fn json_of(args: &[&std::ffi::OsStr]) -> Value {
    let out = ccsim(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Mean and half-width of a type's offered contacts per day.
fn offered(scenario: &Value, k: usize) -> (f64, f64) {
    let m = &scenario["types"][k]["metrics"]["offered"];
    (
        m["mean"].as_f64().unwrap(),
        m["half_width"].as_f64().unwrap(),
    )
}

fn assert_inside(what: &str, (mean, half): (f64, f64), theory: f64) {
    eprintln!("{what}: {mean:.2} ± {half:.2}, expected {theory}");
    assert!(
        (mean - theory).abs() <= half,
        "{what}: expected {theory}, simulated {mean} ± {half}"
    );
}

fn os(s: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(s)
}

#[test]
fn offered_splits_by_the_share_and_set_moves_it() {
    let dir = tempfile::tempdir().unwrap();
    let f = file(
        dir.path(),
        "moved_from = { type = \"support\", share = 0.2 }\n",
    );
    let run = json_of(&[os("run"), f.as_os_str(), os("--json"), os("-")]);
    let s = &run["scenarios"][0];
    let (support, chat) = (offered(s, 0), offered(s, 1));
    assert_inside("support keeps 80 %", support, 0.8 * DAILY);
    assert_inside("chat takes 20 %", chat, 0.2 * DAILY);
    // Both come from one Poisson stream of 300 a day, split: the sum is the original.
    let sum_half = (support.1 * support.1 + chat.1 * chat.1).sqrt();
    assert_inside("the two add up", (support.0 + chat.0, sum_half), DAILY);

    let set = json_of(&[
        os("run"),
        f.as_os_str(),
        os("--set"),
        os("types.chat.moved_from.share=0.3"),
        os("--json"),
        os("-"),
    ]);
    let s = &set["scenarios"][0];
    assert_inside("--set: support keeps 70 %", offered(s, 0), 0.7 * DAILY);
    assert_inside("--set: chat takes 30 %", offered(s, 1), 0.3 * DAILY);
}

#[test]
fn sweeping_the_share_moves_the_receiving_type_up_and_the_other_down() {
    let dir = tempfile::tempdir().unwrap();
    let f = file(
        dir.path(),
        "moved_from = { type = \"support\", share = 0.2 }\n",
    );
    let report = json_of(&[
        os("sweep"),
        f.as_os_str(),
        os("--vary"),
        os("types.chat.moved_from.share=0,0.1,0.2,0.4,0.6"),
        os("--json"),
        os("-"),
    ]);
    let points = report["scenarios"].as_array().unwrap();
    assert_eq!(points.len(), 5);
    let chat: Vec<f64> = points.iter().map(|p| offered(p, 1).0).collect();
    let support: Vec<f64> = points.iter().map(|p| offered(p, 0).0).collect();
    eprintln!("chat {chat:?}\nsupport {support:?}");
    assert_eq!(chat[0], 0.0, "share 0 moves nothing");
    assert!(chat.windows(2).all(|w| w[1] > w[0]), "{chat:?}");
    assert!(support.windows(2).all(|w| w[1] < w[0]), "{support:?}");
}

fn refusal(moved: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let f = file(dir.path(), moved);
    let out = ccsim([os("check"), f.as_os_str()]);
    assert!(!out.status.success(), "accepted: {moved}");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(err.contains("moved.toml"), "{err}");
    err
}

#[test]
fn a_bad_moved_from_is_refused_naming_its_field() {
    let err = refusal("moved_from = { type = \"billing\", share = 0.2 }\n");
    assert!(
        err.contains("types[1].moved_from.type") && err.contains("billing"),
        "{err}"
    );
    let err = refusal("moved_from = { type = \"support\", share = 1.5 }\n");
    assert!(
        err.contains("types[1].moved_from.share") && err.contains("from 0 to 1"),
        "{err}"
    );
    let err = refusal("moved_from = { type = \"chat\", share = 0.2 }\n");
    assert!(
        err.contains("types[1].moved_from.type") && err.contains("circle"),
        "{err}"
    );
    let err = refusal(
        "moved_from = { type = \"support\", share = 0.2 }\n[types.arrivals]\nvolumes = [1, 2]\n",
    );
    assert!(err.contains("types[1].arrivals"), "{err}");
}

#[test]
fn check_tells_where_a_moved_volume_comes_from() {
    let dir = tempfile::tempdir().unwrap();
    let f = file(
        dir.path(),
        "moved_from = { type = \"support\", share = 0.2 }\n",
    );
    let out = ccsim([os("check"), f.as_os_str()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("moved volume: share 0.2 of \"support\"'s volumes"),
        "{text}"
    );
    assert!(
        text.contains("arrivals: 60 expected fresh contacts per day"),
        "{text}"
    );
    assert!(
        text.contains("arrivals: 240 expected fresh contacts per day"),
        "{text}"
    );
}
