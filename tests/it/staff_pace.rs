//! `ccsim staff` simulating less without planning worse: a chat group starts near what
//! it needs (its slots slowed by each other counted), a removal clearly worse on half its
//! replications is refused there, and the omnichannel plan found on the search's few
//! replications holds on days it was never tuned on.

use crate::common;

use ccsim::staffing::{erlang_plan, evaluate_seeded, evaluate_stages, Criterion, Options};

const OMNICHANNEL: &str = "scenarios/channels/omnichannel.toml";

fn omnichannel() -> ccsim::scenario::Scenario {
    common::scenario(&std::fs::read_to_string(OMNICHANNEL).unwrap())
}

/// Three chats at once, each a quarter slower per other chat, do the work of two
/// one-chat servers, not three: a start counting three left the chat group a third
/// short and missing its service level in 22 of 24 half-hours, which the search then
/// mended one agent at a time.
#[test]
fn the_chat_start_counts_slots_slowed_by_each_other() {
    let s = omnichannel();
    let start = erlang_plan(&s, &Options::default());
    let e = evaluate_seeded(&s, &start.paid, 40, 5, Criterion::Mean);
    let chat = e.of_type(1);
    let missed = chat.iter().filter(|r| !r.met()).count();
    assert!(
        missed * 4 <= chat.len(),
        "the chat start misses in {missed} of {} intervals: {:?}",
        chat.len(),
        e.group(1)
    );
}

/// Stages of 6, 12 and 24 replications: a plan refused after the second comes back
/// judged on those 12 exactly as one run of 12 would judge it; one never refused is
/// judged exactly as one run of all 24.
#[test]
fn a_plan_refused_on_half_its_replications_is_judged_on_that_half() {
    let s = omnichannel();
    let paid: Vec<u32> = s
        .groups
        .iter()
        .flat_map(|g| g.staffing.paid.iter().copied())
        .collect();
    let bits = |e: &ccsim::staffing::Evaluation| -> Vec<(u64, u64)> {
        e.intervals
            .iter()
            .map(|r| {
                (
                    r.service_level.mean.to_bits(),
                    r.service_level.half_width.to_bits(),
                )
            })
            .collect()
    };
    let stages = [6, 12, 24];
    let refused = evaluate_stages(&s, &paid, &stages, 5, Criterion::Mean, &|e| {
        e.replications == 12
    })
    .expect_err("refused after the second stage");
    assert_eq!(refused.replications, 12);
    let twelve = evaluate_seeded(&s, &paid, 12, 5, Criterion::Mean);
    assert_eq!(bits(&refused), bits(&twelve));

    let kept =
        evaluate_stages(&s, &paid, &stages, 5, Criterion::Mean, &|_| false).expect("never refused");
    let whole = evaluate_seeded(&s, &paid, 24, 5, Criterion::Mean);
    assert_eq!(kept.replications, 24);
    assert_eq!(bits(&kept), bits(&whole));
}

/// Fresh days a plan is checked on here: not the file's seed (31), nor a stream staff
/// confirms on.
const CHECK_SEED: u64 = 777_001;

/// The plan `staff --out` writes for the omnichannel centre, run on 300 days drawn from
/// another seed: no target is shown to miss (phone and chat: 80 % within 20 s / 60 s in
/// every half-hour, the 95 % interval reaching it; email: 90 % within 24 h over the day).
#[test]
fn the_omnichannel_plan_holds_on_fresh_days() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.toml");
    let plan_arg = plan.to_str().unwrap();
    common::ccsim_stdout(&["staff", OMNICHANNEL, "--out", plan_arg]);
    let seed = format!("simulation.seed={CHECK_SEED}");
    let json = common::ccsim_stdout(&[
        "run",
        plan_arg,
        "--json",
        "-",
        "--set",
        &seed,
        "--set",
        "simulation.replications=300",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let types = json["scenarios"][0]["types"].as_array().unwrap();
    let reaches = |sl: &serde_json::Value, limit: f64| {
        sl["mean"].as_f64().unwrap() + sl["half_width"].as_f64().unwrap() >= limit
    };
    let mut checked = 0;
    for t in &types[..2] {
        for iv in t["intervals"].as_array().unwrap() {
            let sl = &iv["metrics"]["service_level"];
            assert!(
                reaches(sl, 0.80),
                "{} {}: SL {sl} on fresh days: shown to miss 80 %",
                t["name"],
                iv["start"]
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 48);
    let email = &types[2]["metrics"]["service_level"];
    assert!(reaches(email, 0.90), "email SL {email} on fresh days");
}
