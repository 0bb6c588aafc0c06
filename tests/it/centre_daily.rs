//! The day-to-day service-level chart of a centre shows each live type against its own
//! threshold and target, and no output of a study of the example centres prints NaN.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{assert_success, bin};

/// Runs the example centres (and one one-type file) into a fresh `--out` folder.
fn study(files: &[&str]) -> tempfile::TempDir {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(bin())
        .arg("run")
        .args(files.iter().map(|f| root.join(f)))
        .args(["-n", "6", "-j", "2", "--out"])
        .arg(dir.path().join("out"))
        .output()
        .unwrap();
    assert_success(&out);
    dir
}

#[test]
fn the_daily_chart_of_a_centre_shows_each_live_types_threshold_and_target() {
    let dir = study(&["scenarios/channels/omnichannel.toml"]);
    let svg = std::fs::read_to_string(dir.path().join("out/daily-sl.svg")).unwrap();
    assert!(!svg.contains("NaN"));
    assert!(
        !svg.contains("no SL target"),
        "every live type has a target"
    );
    // Calls within 20 s, chats within 60 s; email is not a day-to-day live figure.
    assert!(svg.contains("Omnichannel centre · phone"));
    assert!(svg.contains("within 20 s") && svg.contains("within 60 s"));
    assert!(!svg.contains("· email"));
    assert_eq!(
        svg.matches("P(day SL &lt; 80 %)").count() + svg.matches("P(day SL < 80 %)").count(),
        2
    );
}

fn text_outputs(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            text_outputs(&p, out);
        } else if p
            .extension()
            .is_some_and(|x| ["md", "html", "csv", "json", "svg"].iter().any(|e| x == *e))
        {
            out.push(p);
        }
    }
}

#[test]
fn no_output_of_a_study_of_the_example_centres_prints_nan() {
    let dir = study(&[
        "scenarios/channels/omnichannel.toml",
        "scenarios/channels/study/calls.toml",
        "scenarios/channels/study/more-chat.toml",
        "scenarios/multi-skill/bilingual.toml",
        "scenarios/multi-skill/sales-support.toml",
        "scenarios/multi-skill/study/overflow.toml",
        "scenarios/multi-skill/study/pooled.toml",
        "scenarios/multi-skill/study/separate.toml",
        "scenarios/weekday.toml",
    ]);
    let mut files = Vec::new();
    text_outputs(dir.path(), &mut files);
    assert!(files.len() > 20, "{files:?}");
    let with_nan: Vec<String> = files
        .iter()
        .filter(|f| std::fs::read_to_string(f).unwrap().contains("NaN"))
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(with_nan.is_empty(), "NaN printed in {with_nan:?}");
}
