//! `ccsim staff` on a centre of several contact types and agent groups: the plan meets
//! every type's targets when simulated again, dedicated groups are staffed as their
//! types would be alone, a cheaper shared group never makes the plan dearer than its
//! start, the written plan is a valid file with the plan's agents, and a target out of
//! reach is named with its type, interval and reason.

use crate::common;

use std::cmp::Ordering;
use std::process::Command;

use ccsim::metrics::Metric;
use ccsim::scenario::Scenario;
use ccsim::staffing::{self, Options, Outcome};

const SIMULATION: &str =
    "[simulation]\nreplications = 100\nseed = 17\ninterval_minutes = 30\nopen = \"09:00\"\n\
                          [costs]\ncurrency = \"EUR\"\nagent_hour = 20.0\n";

/// One contact type: name, volumes, mean handle time, mean patience, its target tables.
struct Kind {
    name: &'static str,
    volumes: &'static str,
    handle_s: u32,
    patience_s: u32,
    targets: &'static str,
}

const SALES: Kind = Kind {
    name: "sales",
    volumes: "30, 60, 90, 80, 60, 40",
    handle_s: 240,
    patience_s: 180,
    targets: "service_level = { within_s = 20, at_least = 0.80 }\n",
};

const SERVICE: Kind = Kind {
    name: "service",
    volumes: "20, 30, 50, 50, 40, 20",
    handle_s: 300,
    patience_s: 240,
    targets: "service_level = { within_s = 30, at_least = 0.75 }\nabandonment_at_most = 0.05\n",
};

impl Kind {
    /// The type's tables, under `prefix` ("types." in a centre, "" alone).
    fn tables(&self, prefix: &str) -> String {
        format!(
            "[{prefix}arrivals]\nvolumes = [{}]\n[{prefix}handling]\ntime = {{ dist = \"exponential\", mean_s = {} }}\n\
             [{prefix}patience]\ntime = {{ dist = \"exponential\", mean_s = {} }}\n[{prefix}targets]\n{}",
            self.volumes, self.handle_s, self.patience_s, self.targets
        )
    }

    /// The type alone as a one-type file, staffed with this shrinkage.
    fn alone(&self, shrinkage: f64) -> String {
        format!(
            "name = \"{}\"\n{SIMULATION}{}[staffing]\nagents = 10\nshrinkage = {shrinkage}\n",
            self.name,
            self.tables("")
        )
    }
}

/// A centre of SALES and SERVICE served by `groups` (TOML `[[groups]]` entries).
fn centre_toml(groups: &str) -> String {
    let mut toml = format!("name = \"Two queues\"\n{SIMULATION}");
    for k in [&SALES, &SERVICE] {
        toml.push_str(&format!(
            "[[types]]\nname = \"{}\"\n{}",
            k.name,
            k.tables("types.")
        ));
    }
    toml.push_str(groups);
    toml
}

/// Each type with its own group (dedicated groups: two independent queues).
fn dedicated() -> String {
    centre_toml(
        "[[groups]]\nname = \"sales\"\nagents = 10\nshrinkage = 0.2\nserves = [\"sales\"]\n\
         [[groups]]\nname = \"service\"\nagents = [6, 8, 10, 10, 8, 6]\nshrinkage = 0.25\nserves = [\"service\"]\n",
    )
}

/// Dedicated groups at 30 EUR an hour, and a cheaper group at 18 EUR that serves both
/// types once they have waited 10 s.
fn with_cheaper_shared_group() -> String {
    centre_toml(
        "[[groups]]\nname = \"sales\"\nagents = 12\nshrinkage = 0.2\nagent_hour = 30.0\nserves = [\"sales\"]\n\
         [[groups]]\nname = \"service\"\nagents = 10\nshrinkage = 0.2\nagent_hour = 30.0\nserves = [\"service\"]\n\
         [[groups]]\nname = \"shared\"\nagents = 2\nshrinkage = 0.2\nagent_hour = 18.0\nserves = [\"service\", \"sales\"]\npick = \"longest_wait\"\n\
         [routing]\nsales = [ { group = \"sales\" }, { group = \"shared\", after_s = 10 } ]\n\
         service = [ { group = \"service\" }, { group = \"shared\", after_s = 10 } ]\n",
    )
}

fn search(s: &Scenario, opts: &Options) -> Outcome {
    staffing::search(s, opts, &|_| {}).expect("the search runs")
}

/// The start the search used, judged with the file's replications.
fn start(o: &Outcome) -> &staffing::Evaluation {
    match (&o.file_eval, o.started_from_file) {
        (Some(f), true) => f,
        _ => &o.erlang_eval,
    }
}

/// Simulated again through the ordinary run and report (not the search's evaluation),
/// with the file's replications, every type meets its targets in every interval with
/// traffic, on the mean.
fn assert_meets_when_run_again(s: &Scenario, paid: &[u32]) {
    let report = common::report(&common::with_plan(s, paid));
    for (t, ty) in s.types.iter().enumerate() {
        let targets = &ty.targets;
        for r in &report.types.as_ref().expect("a centre reports its types")[t].intervals {
            if r.metrics.get(Metric::OfferedToAgents).mean <= 0.0 {
                continue;
            }
            let at = format!("{} {}", ty.name, r.start);
            if let Some(x) = targets.sl_at_least {
                let sl = r.metrics.get(Metric::ServiceLevel).mean;
                assert!(sl >= x, "{at}: SL {sl} below {x}; plan {paid:?}");
            }
            if let Some(x) = targets.abandonment_at_most {
                let ab = r.metrics.get(Metric::AbandonmentRate).mean;
                assert!(ab <= x, "{at}: abandonment {ab} above {x}; plan {paid:?}");
            }
        }
    }
}

#[test]
fn dedicated_groups_are_staffed_as_their_types_alone_and_meet_every_target() {
    let s = common::scenario(&dedicated());
    let o = search(&s, &Options::default());
    let n = s.intervals();
    eprintln!(
        "centre plan {:?} ({} simulations), start {:?}",
        o.plan.paid, o.simulations, o.erlang.paid
    );
    assert!(o.plan.met(), "misses {:?}", o.misses);
    assert!(o.misses.is_empty());
    assert_eq!(o.plan.replications, s.simulation.replications);
    assert_eq!(o.plan.paid.len(), 2 * n, "two groups of {n} intervals");
    assert_meets_when_run_again(&s, &o.plan.paid);
    // The Erlang start gives each type's agents to its own group.
    assert!(o.erlang.paid.iter().all(|&p| p > 0), "{:?}", o.erlang.paid);

    for (g, (kind, shrinkage)) in [(&SALES, 0.2), (&SERVICE, 0.25)].into_iter().enumerate() {
        let alone = common::scenario(&kind.alone(shrinkage));
        let one = search(&alone, &Options::default());
        assert!(one.plan.met());
        let group = o.plan.group(g);
        eprintln!("{}: centre {group:?}, alone {:?}", kind.name, one.plan.paid);
        for (i, (&c, &a)) in group.iter().zip(&one.plan.paid).enumerate() {
            assert!(
                c <= a || c.abs_diff(a) <= 2,
                "{} interval {i}: {c} agents in the centre, {a} alone",
                kind.name
            );
        }
    }
}

#[test]
fn a_cheaper_shared_group_never_makes_the_plan_dearer_than_its_start() {
    let s = common::scenario(&with_cheaper_shared_group());
    let o = search(&s, &Options::default());
    let begun = start(&o);
    eprintln!(
        "plan {:?} costs {} EUR; start ({}) {:?} costs {} EUR; Erlang {} EUR; {} simulations",
        o.plan.paid,
        o.plan.paid_cost,
        if o.started_from_file {
            "file"
        } else {
            "Erlang"
        },
        begun.paid,
        begun.paid_cost,
        o.erlang_eval.paid_cost,
        o.simulations
    );
    assert!(o.plan.met(), "misses {:?}", o.misses);
    assert_meets_when_run_again(&s, &o.plan.paid);
    assert!(o.plan.paid_cost <= begun.paid_cost);
    assert!(o.plan.paid_cost <= o.erlang_eval.paid_cost);
    let file = o.file_eval.as_ref().expect("a centre's own plan is judged");
    assert_ne!(o.plan.rank(file), Ordering::Greater);
    // The paid cost is each group's paid hours at its own rate.
    let rates = [30.0, 30.0, 18.0];
    let by_hand: f64 = (0..3)
        .map(|g| rates[g] * o.plan.group(g).iter().sum::<u32>() as f64 * 0.5)
        .sum();
    assert!((o.plan.paid_cost - by_hand).abs() < 1e-9, "{by_hand}");
}

#[test]
fn bounds_hold_in_every_group() {
    let s = common::scenario(&with_cheaper_shared_group());
    let o = search(
        &s,
        &Options {
            min_agents: Some(1),
            max_step: Some(3),
            ..Default::default()
        },
    );
    for g in 0..3 {
        let p = o.plan.group(g);
        assert!(p.iter().all(|&x| x >= 1), "group {g}: {p:?}");
        assert!(
            p.windows(2).all(|w| w[0].abs_diff(w[1]) <= 3),
            "group {g}: {p:?}"
        );
    }
    assert!(o.plan.met(), "misses {:?}", o.misses);
}

#[test]
fn the_written_plan_is_a_valid_centre_with_the_plans_agents() {
    let dir = tempfile::tempdir().unwrap();
    // A folder name with a line break: the plan's header names it on one comment line.
    let folder = dir.path().join("in\nfolder");
    std::fs::create_dir(&folder).unwrap();
    let file = folder.join("two-queues.toml");
    let text = format!("# Two queues, one group each.\n{}", dedicated());
    std::fs::write(&file, &text).unwrap();
    let plan = dir.path().join("plan.toml");
    let out = Command::new(common::bin())
        .args([
            "staff",
            file.to_str().unwrap(),
            "--out",
            plan.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    common::assert_success(&out);
    let stdout = String::from_utf8_lossy(&out.stdout);
    for part in [
        "sales plan",
        "service plan",
        "paid cost per day",
        "simulated plan: every type meets",
    ] {
        assert!(stdout.contains(part), "{part}: {stdout}");
    }

    let check = Command::new(common::bin())
        .args(["check", plan.to_str().unwrap()])
        .output()
        .unwrap();
    common::assert_success(&check);

    let written = std::fs::read_to_string(&plan).unwrap();
    assert!(
        written.starts_with("# Written by `ccsim staff` from "),
        "{written}"
    );
    assert!(
        written.contains("# Two queues, one group each."),
        "comments kept"
    );
    let s = Scenario::load(&file).unwrap();
    let o = search(&s, &Options::default());
    let w = Scenario::load(&plan).expect("the plan is a valid scenario");
    assert!(w.is_centre(), "still a centre");
    let groups = &w.groups;
    assert_eq!(groups.len(), 2);
    for (g, group) in groups.iter().enumerate() {
        assert_eq!(group.staffing.paid, o.plan.group(g), "group {}", group.name);
    }
    // Only the agents changed: every other field reads back the same.
    for (a, b) in groups.iter().zip(&s.groups) {
        assert_eq!(
            (&a.name, a.staffing.shrinkage, &a.serves),
            (&b.name, b.staffing.shrinkage, &b.serves)
        );
    }
}

#[test]
fn a_target_out_of_reach_names_the_type_the_interval_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("two-queues.toml");
    std::fs::write(&file, dedicated()).unwrap();
    let plan = dir.path().join("plan.toml");
    // 90 sales calls of 4 minutes in the 10:00 half-hour need 12 agents at least; 8
    // paid agents in every group (6 productive at 20 % shrinkage) cannot meet 80/20.
    let out = Command::new(common::bin())
        .args([
            "staff",
            file.to_str().unwrap(),
            "--max-agents",
            "8",
            "--out",
        ])
        .arg(&plan)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("sales 10:00 SL 80% within 20 s: "), "{err}");
    assert!(
        err.contains("out of reach within the bounds")
            && err.contains("8 paid agents in every group and interval"),
        "{err}"
    );
    assert!(err.contains("interval(s) of its contact types"), "{err}");
    assert!(!plan.exists(), "no plan is written without --allow-misses");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("MISSES") && stdout.contains("not a saving"),
        "{stdout}"
    );
}

#[test]
fn a_centre_without_targets_has_nothing_to_staff_for() {
    let toml = dedicated()
        .replace("[types.targets]\nservice_level = { within_s = 20, at_least = 0.80 }\n", "")
        .replace(
            "[types.targets]\nservice_level = { within_s = 30, at_least = 0.75 }\nabandonment_at_most = 0.05\n",
            "",
        );
    let s = common::scenario(&toml);
    assert!(!staffing::has_targets(&s));
    let e = staffing::search(&s, &Options::default(), &|_| {}).unwrap_err();
    assert!(e.contains("no type has [types.targets]"), "{e}");
}
