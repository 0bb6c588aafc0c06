//! Several contact types and agent groups against queueing theory and against each
//! other (common random numbers: every type draws from its own streams, so the same
//! seed gives the same callers whatever the routing). A stationary 24-hour day per
//! replication, as in tests/validation.rs; tolerances are the simulation's own 95 %
//! intervals.

use crate::common;

use ccsim::erlang;
use ccsim::metrics::{replication_values, Metric, TypePricing};
use ccsim::model::Centre;
use ccsim::scenario::Scenario;
use ccsim::stats::{Estimate, Running};
use common::{assert_inside, scenario};

const REPLICATIONS: u32 = 60;

/// A one-day stationary centre: `types` and `groups` are TOML fragments.
fn centre(types: &[(&str, f64, Option<f64>)], groups: &str, routing: &str) -> Scenario {
    let mut toml = format!(
        "[simulation]\nreplications = {REPLICATIONS}\nseed = 2024\ninterval_minutes = 30\n"
    );
    for (name, per_interval, patience) in types {
        toml.push_str(&format!(
            "[[types]]\nname = \"{name}\"\n[types.arrivals]\nvolumes = [{}]\n[types.handling]\ntime = {{ dist = \"exponential\", mean_s = 180 }}\n",
            vec![per_interval.to_string(); 48].join(", ")
        ));
        if let Some(p) = patience {
            toml.push_str(&format!(
                "[types.patience]\ntime = {{ dist = \"exponential\", mean_s = {p} }}\n"
            ));
        }
    }
    toml.push_str(groups);
    toml.push_str(routing);
    scenario(&toml)
}

/// Per replication: the whole centre's value of `m`, and each type's.
fn per_replication(s: &Scenario, m: Metric) -> Vec<(f64, Vec<f64>)> {
    let pricing: Vec<TypePricing> = s
        .types
        .iter()
        .map(|t| TypePricing::of(&s.costs, t))
        .collect();
    let whole = TypePricing::of(&s.costs, &s.types[0]);
    let mut centre = Centre::new(s);
    (0..s.simulation.replications)
        .map(|r| {
            let total = replication_values(centre.run(r), &whole).day[m as usize];
            let types = centre
                .type_counters()
                .zip(&pricing)
                .map(|(tc, p)| replication_values(tc, p).day[m as usize])
                .collect();
            (total, types)
        })
        .collect()
}

fn estimate(xs: impl Iterator<Item = f64>) -> Estimate {
    let mut r = Running::default();
    xs.for_each(|x| r.push(x));
    r.estimate()
}

fn of_type(v: &[(f64, Vec<f64>)], k: usize) -> Estimate {
    estimate(v.iter().map(|(_, t)| t[k]))
}

fn of_centre(v: &[(f64, Vec<f64>)]) -> Estimate {
    estimate(v.iter().map(|(c, _)| *c))
}

#[test]
fn two_types_with_dedicated_groups_are_two_independent_erlang_queues() {
    let s = centre(
        &[("sales", 100.0, None), ("support", 100.0, Some(120.0))],
        "[[groups]]\nname = \"sales\"\nagents = 14\nserves = [\"sales\"]\n\
         [[groups]]\nname = \"support\"\nagents = 10\nserves = [\"support\"]\n",
        "",
    );
    // Erlang C: 10 Erlang on 14 agents; Erlang A: 10 Erlang, patience 120 s, 10 agents.
    let wait = per_replication(&s, Metric::DelayedShare);
    assert_inside("sales P(wait)", of_type(&wait, 0), 0.17413);
    assert_inside("support P(wait)", of_type(&wait, 1), 0.4969);
    let asa = per_replication(&s, Metric::AsaS);
    assert_inside("sales ASA", of_type(&asa, 0), 7.836);
    assert_inside("support ASA", of_type(&asa, 1), 14.55);
    let ab = per_replication(&s, Metric::AbandonmentRate);
    assert_inside("support P(abandon)", of_type(&ab, 1), 0.1375);
    assert_eq!(of_type(&ab, 0).mean, 0.0, "sales callers never abandon");
    let occ = per_replication(&s, Metric::Occupancy);
    assert_inside("sales occupancy", of_type(&occ, 0), 10.0 / 14.0);
}

/// One group of 10 serving two types of 40 calls per half-hour each (8 Erlang in all).
fn shared_group(pick: &str) -> Scenario {
    centre(
        &[("gold", 40.0, None), ("silver", 40.0, None)],
        &format!(
            "[[groups]]\nname = \"all\"\nagents = 10\nserves = [\"gold\", \"silver\"]\npick = \"{pick}\"\n"
        ),
        "",
    )
}

#[test]
fn a_shared_group_matches_erlang_c_on_the_pooled_load() {
    let s = shared_group("longest_wait");
    let c = erlang::erlang_c(10, 8.0);
    let asa = per_replication(&s, Metric::AsaS);
    let wait = per_replication(&s, Metric::DelayedShare);
    assert_inside("P(wait)", of_centre(&wait), c);
    // Erlang C's mean wait: C / (cμ − λ), with μ = 1/180 s and λ = 80 calls per 1,800 s.
    assert_inside("ASA", of_centre(&asa), c / (10.0 / 180.0 - 80.0 / 1800.0));
    // Longest-wait across the two types is one FIFO queue: both types wait alike.
    assert_inside(
        "gold ASA",
        of_type(&asa, 0),
        c / (10.0 / 180.0 - 80.0 / 1800.0),
    );
}

#[test]
fn strict_priority_waits_match_cobhams_formula() {
    let s = shared_group("priority");
    // Non-preemptive priority M/M/c (Cobham): W_k = C(c, a) / (cμ) / ((1 − σ_{k−1})(1 − σ_k)).
    let c_mu = 10.0 / 180.0;
    let lambda = 40.0 / 1800.0;
    let (s1, s2) = (lambda / c_mu, 2.0 * lambda / c_mu);
    let w0 = erlang::erlang_c(10, 8.0) / c_mu;
    let asa = per_replication(&s, Metric::AsaS);
    assert_inside("gold (first) wait", of_type(&asa, 0), w0 / (1.0 - s1));
    assert_inside(
        "silver (second) wait",
        of_type(&asa, 1),
        w0 / ((1.0 - s1) * (1.0 - s2)),
    );
}

/// Two types of 40 calls per half-hour; `groups` decides how their 10 agents are pooled.
fn two_queues(groups: &str, routing: &str) -> Scenario {
    centre(&[("a", 40.0, None), ("b", 40.0, None)], groups, routing)
}

const SEPARATE: &str = "[[groups]]\nname = \"ga\"\nagents = 5\nserves = [\"a\"]\n\
                        [[groups]]\nname = \"gb\"\nagents = 5\nserves = [\"b\"]\n";

#[test]
fn pooling_two_equal_queues_cuts_the_mean_wait_at_the_same_agents() {
    let separate = per_replication(&two_queues(SEPARATE, ""), Metric::MeanWaitS);
    let pooled = per_replication(
        &two_queues(
            "[[groups]]\nname = \"all\"\nagents = 10\nserves = [\"a\", \"b\"]\npick = \"longest_wait\"\n",
            "",
        ),
        Metric::MeanWaitS,
    );
    // Same seed, same callers (common random numbers): a paired difference per day.
    let diff = estimate(pooled.iter().zip(&separate).map(|((p, _), (s, _))| p - s));
    assert!(
        diff.mean + diff.half_width < 0.0,
        "pooling cuts the mean wait: difference {} ± {}",
        diff.mean,
        diff.half_width
    );
    // And each against theory: M/M/5 at 4 Erlang per queue, M/M/10 at 8 pooled.
    let sep_theory = erlang::erlang_c(5, 4.0) / (5.0 / 180.0 - 40.0 / 1800.0);
    assert_inside("separate mean wait", of_centre(&separate), sep_theory);
}

#[test]
fn a_longer_overflow_delay_moves_waits_from_pooled_towards_dedicated() {
    // Type b overflows to group ga (which serves a first) after `delay` seconds.
    let overflow = |delay: f64| {
        two_queues(
            "[[groups]]\nname = \"ga\"\nagents = 5\nserves = [\"a\", \"b\"]\n\
             [[groups]]\nname = \"gb\"\nagents = 5\nserves = [\"b\"]\n",
            &format!("[routing]\nb = [ {{ group = \"gb\" }}, {{ group = \"ga\", after_s = {delay} }} ]\n"),
        )
    };
    let b_wait = |s: &Scenario| of_type(&per_replication(s, Metric::MeanWaitS), 1).mean;
    let waits: Vec<f64> = [0.0, 30.0, 120.0, 600.0]
        .iter()
        .map(|&d| b_wait(&overflow(d)))
        .chain([b_wait(&two_queues(SEPARATE, ""))])
        .collect();
    for w in waits.windows(2) {
        assert!(
            w[0] < w[1],
            "b's mean wait grows with the overflow delay, up to the dedicated case: {waits:?}"
        );
    }
}

#[test]
fn a_one_type_file_and_the_same_centre_written_with_types_give_the_same_figures() {
    let one = scenario(
        "[simulation]\nreplications = 20\nseed = 5\n[arrivals]\nvolumes = [30, 60, 90, 40]\n\
         [handling]\ntime = { dist = \"lognormal\", mean_s = 240, cv = 0.9 }\n\
         [patience]\ntime = { dist = \"exponential\", mean_s = 100 }\n[staffing]\nagents = [5, 9, 12, 6]\nshrinkage = 0.2\n",
    );
    let typed = scenario(
        "[simulation]\nreplications = 20\nseed = 5\n[[types]]\nname = \"calls\"\n\
         [types.arrivals]\nvolumes = [30, 60, 90, 40]\n\
         [types.handling]\ntime = { dist = \"lognormal\", mean_s = 240, cv = 0.9 }\n\
         [types.patience]\ntime = { dist = \"exponential\", mean_s = 100 }\n\
         [[groups]]\nname = \"agents\"\nagents = [5, 9, 12, 6]\nshrinkage = 0.2\nserves = [\"calls\"]\n",
    );
    let (mut a, mut b) = (Centre::new(&one), Centre::new(&typed));
    for r in 0..20 {
        assert_eq!(a.run(r), b.run(r), "replication {r}");
    }
}

/// A two-type file with one change, for the bad-input cases below.
fn two_types_with(change: impl Fn(&str) -> String) -> String {
    change(
        "[[types]]\nname = \"sales\"\n[types.arrivals]\nvolumes = [10, 20]\n\
         [types.handling]\ntime = { dist = \"exponential\", mean_s = 180 }\n\
         [[types]]\nname = \"support\"\n[types.arrivals]\nvolumes = [10, 20]\n\
         [types.handling]\ntime = { dist = \"exponential\", mean_s = 180 }\n\
         [[groups]]\nname = \"sales\"\nagents = [2, 3]\nserves = [\"sales\"]\n\
         [[groups]]\nname = \"support\"\nagents = [2, 3]\nserves = [\"support\", \"sales\"]\n\
         [routing]\nsales = [ { group = \"sales\" }, { group = \"support\", after_s = 30 } ]\n",
    )
}

fn refused(toml: &str) -> ccsim::scenario::ScenarioError {
    match Scenario::from_toml(toml, std::path::Path::new("centre.toml")) {
        Ok(_) => panic!("accepted:\n{toml}"),
        Err(e) => e,
    }
}

#[test]
fn the_base_of_the_bad_input_cases_is_accepted() {
    scenario(&two_types_with(str::to_string));
}

#[test]
fn bad_centres_are_refused_naming_the_field_and_line() {
    let cases: Vec<(String, &str, &str)> = vec![
        (
            two_types_with(|s| {
                s.replace("serves = [\"support\", \"sales\"]", "serves = [\"sales\"]")
            }),
            "types[1].name",
            "no group serves type \"support\"",
        ),
        (
            two_types_with(|s| {
                s.replace(
                    "serves = [\"support\", \"sales\"]",
                    "serves = [\"support\", \"salse\"]",
                )
            }),
            "groups[1].serves[1]",
            "no type is named \"salse\"",
        ),
        (
            two_types_with(|s| {
                s.replace(
                    "{ group = \"support\", after_s",
                    "{ group = \"suport\", after_s",
                )
            }),
            "routing.sales[1].group",
            "no group is named \"suport\"",
        ),
        (
            two_types_with(|s| s.replace("[routing]\nsales =", "[routing]\nsale =")),
            "routing.sale",
            "no type is named \"sale\"",
        ),
        (
            two_types_with(|s| s.replacen("name = \"support\"", "name = \"sales\"", 1)),
            "types[1].name",
            "must be unique",
        ),
        (
            two_types_with(|s| {
                s.replacen("name = \"support\"\nagents", "name = \"sales\"\nagents", 1)
            }),
            "groups[1].name",
            "must be unique",
        ),
        (
            two_types_with(|s| {
                s.replacen("volumes = [10, 20]\n\n", "volumes = [10, 20]\n", 1)
                    .replacen(
                        "name = \"support\"\n[types.arrivals]\nvolumes = [10, 20]",
                        "name = \"support\"\n[types.arrivals]\nvolumes = [10, 20, 30]",
                        1,
                    )
            }),
            "types[1].arrivals.volumes",
            "every type covers the same day",
        ),
        (
            two_types_with(|s| {
                s.replace(
                    "agents = [2, 3]\nserves = [\"sales\"]",
                    "agents = [2, 3, 4]\nserves = [\"sales\"]",
                )
            }),
            "groups[0].agents",
            "expected one number for the whole day or 2 numbers",
        ),
        (
            two_types_with(|s| format!("[staffing]\nagents = 3\n{s}")),
            "staffing",
            "cannot also have a top-level [staffing]",
        ),
        (
            two_types_with(|s| format!("[arrivals]\nvolumes = [1, 2]\n{s}")),
            "arrivals",
            "cannot also have a top-level [arrivals]",
        ),
        (
            two_types_with(|s| {
                s.replace("[routing]\nsales = [ { group = \"sales\" }, { group = \"support\", after_s = 30 } ]", "[routing]\nsales = [ { group = \"sales\" } ]")
            }),
            "routing.sales",
            "serves \"sales\" but is not in its routing",
        ),
        (
            two_types_with(|s| s.replace("after_s = 30", "after_s = -5")),
            "routing.sales[1].after_s",
            "expected seconds from 0",
        ),
        (
            two_types_with(|s| s.replacen("name = \"sales\"", "name = \"*\"", 1)),
            "types[0].name",
            "whole centre",
        ),
        (
            two_types_with(|s| {
                s.replacen(
                    "[types.handling]\ntime = { dist = \"exponential\", mean_s = 180 }\n",
                    "[types.handling]\ntime = { dist = \"exponential\", mean_s = -1 }\n",
                    1,
                )
            }),
            "types[0].handling.time.mean_s",
            "",
        ),
    ];
    for (toml, field, message) in cases {
        let e = refused(&toml);
        assert_eq!(e.field, field, "{e}");
        assert!(e.message.contains(message), "{e}");
        assert!(e.line.is_some(), "a line is given: {e}");
    }
}

fn run_json(file: &std::path::Path, extra: &[&str]) -> serde_json::Value {
    let out = std::process::Command::new(common::bin())
        .arg("run")
        .arg(file)
        .args(["--json", "-"])
        .args(extra)
        .output()
        .expect("ccsim runs");
    common::assert_success(&out);
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

fn mean(v: &serde_json::Value, key: &str) -> f64 {
    v["metrics"][key]["mean"]
        .as_f64()
        .unwrap_or_else(|| panic!("{key} in {v}"))
}

#[test]
fn a_centre_report_has_every_type_and_group_and_the_parts_add_up_to_the_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("centre.toml");
    std::fs::write(
        &file,
        two_types_with(|s| {
            format!(
                "name = \"two\"\n[simulation]\nreplications = 30\nseed = 3\n\
                 [costs]\nagent_hour = 20\nper_handled_minute = 0.05\nfixed_per_day = 90\n{}",
                s.replace(
                    "serves = [\"support\", \"sales\"]\n",
                    "serves = [\"support\", \"sales\"]\nagent_hour = 31\n"
                )
            )
        }),
    )
    .expect("written");
    let r = run_json(&file, &["-j", "1"]);
    let s = &r["scenarios"][0];
    let types = s["types"].as_array().expect("types");
    let groups = s["groups"].as_array().expect("groups");
    assert_eq!(types.len(), 2);
    assert_eq!(groups.len(), 2);
    assert_eq!(types[1]["name"], "support");
    assert_eq!(types[0]["intervals"].as_array().map(Vec::len), Some(2));
    // Counts add up replication by replication, so their means agree to rounding.
    for key in ["offered", "answered", "abandoned", "paid_agent_hours"] {
        let parts: f64 = types.iter().map(|t| mean(t, key)).sum();
        let whole = mean(s, key);
        assert!(
            (parts - whole).abs() <= 1e-9 * whole.max(1.0),
            "{key}: {parts} vs {whole}"
        );
    }
    // Money: each type's cost is its share of every group's cost at the group's rate.
    let type_cost: f64 = types.iter().map(|t| mean(t, "cost_total")).sum();
    let whole = mean(s, "cost_total");
    assert!(
        (type_cost - whole).abs() <= 1e-9 * whole,
        "{type_cost} vs {whole}"
    );
    let agent_cost: f64 = groups.iter().map(|g| mean(g, "cost_total")).sum();
    let paid: f64 = groups.iter().map(|g| mean(g, "paid_agent_hours")).sum();
    assert!((paid - mean(s, "paid_agent_hours")).abs() < 1e-9 * paid);
    let handled_min = mean(s, "aht_s") * mean(s, "answered") / 60.0;
    assert!(
        (whole - agent_cost - 90.0 - 0.05 * handled_min).abs() < 0.05 * whole / 100.0,
        "cost {whole} = agents {agent_cost} + fixed 90 + handled minutes {handled_min} × 0.05"
    );
    // The dearer group is priced at its own rate.
    let support = &groups[1];
    assert_eq!(support["agent_hour"], 31.0);
    let rate = mean(support, "cost_total") / mean(support, "paid_agent_hours");
    assert!((rate - 31.0).abs() < 1e-9, "{rate}");
    let share: f64 = support["busy_share"]
        .as_object()
        .expect("busy share by type")
        .values()
        .map(|e| e["mean"].as_f64().expect("a share"))
        .sum();
    assert!((share - 1.0).abs() < 1e-9, "{share}");
    // Reproducible whatever the number of threads.
    assert_eq!(r, run_json(&file, &["-j", "2"]));
}

#[test]
fn a_one_type_report_has_no_type_or_group_parts() {
    let r = run_json(
        std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/scenarios/redial.toml"
        )),
        &["-n", "4"],
    );
    let s = &r["scenarios"][0];
    assert!(s.get("types").is_none() && s.get("groups").is_none());
    assert!(s["metrics"]["offered"]["mean"].as_f64().is_some());
}

#[test]
fn check_prints_the_routing_of_a_centre() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("centre.toml");
    std::fs::write(&file, two_types_with(str::to_string)).expect("written");
    let check = std::process::Command::new(common::bin())
        .arg("check")
        .arg(&file)
        .output()
        .expect("ccsim runs");
    common::assert_success(&check);
    assert!(String::from_utf8_lossy(&check.stdout).contains("support after 30 s"));
}
