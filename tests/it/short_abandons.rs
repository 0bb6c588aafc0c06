//! Short abandons (`[targets] short_abandon_s`): callers who hang up within that many
//! seconds of waiting leave the abandonment rate and the service level's denominator.
//! The rate follows its definition in every replication, the share of short abandons
//! among abandons follows exponential patience, and `staff` plans fewer agents against a
//! target that leaves them out.

use crate::common::scenario;

use ccsim::metrics::{values, IntervalCounters, Metric, Pricing};
use ccsim::model::Centre;
use ccsim::scenario::Scenario;
use ccsim::staffing::{self, Options};
use ccsim::stats::Running;

/// One type with exponential patience of 107 s (the mean fitted on a real centre's log)
/// and `agents` agents all day.
fn file(short: Option<f64>, agents: &str, targets: &str) -> String {
    let short = short.map_or(String::new(), |s| format!("short_abandon_s = {s}\n"));
    format!(
        "[simulation]\nreplications = 60\nseed = 11\ninterval_minutes = 30\n\
         [arrivals]\nvolumes = [90, 140, 160, 120]\n\
         [handling]\ntime = {{ dist = \"exponential\", mean_s = 180 }}\n\
         [patience]\ntime = {{ dist = \"exponential\", mean_s = 107 }}\n\
         [staffing]\nagents = {agents}\n\
         [targets]\n{short}{targets}\n"
    )
}

#[test]
fn abandonment_rate_leaves_short_abandons_out_in_every_replication() {
    let s: Scenario = scenario(&file(Some(5.0), "[10, 14, 16, 12]", ""));
    let pricing = Pricing::of(&s);
    let mut centre = Centre::new(&s);
    let mut shorts = 0;
    for r in 0..20 {
        let mut day = IntervalCounters::default();
        centre.run(r).intervals.iter().for_each(|i| day.merge(i));
        let v = values(&day, 0.0, &pricing.types[0].price(&day, 0.0, 0.0), 1);
        let (offered, abandoned, short) = (
            day.offered as f64,
            day.abandoned as f64,
            day.short_abandoned as f64,
        );
        assert_eq!(v[Metric::ShortAbandoned as usize], short);
        let rate = v[Metric::AbandonmentRate as usize];
        let expected = (abandoned - short) / (offered - short);
        assert!(
            (rate - expected).abs() < 1e-12,
            "replication {r}: rate {rate}, (abandoned − short) ÷ (offered − short) = {expected}"
        );
        let sl = v[Metric::ServiceLevel as usize];
        let within = day.answered_within as f64 / (day.answered as f64 + abandoned - short);
        assert!(
            (sl - within).abs() < 1e-12,
            "replication {r}: SL {sl}, expected {within}"
        );
        shorts += day.short_abandoned;
    }
    assert!(shorts > 0, "some abandons were short");
}

/// With no agent at all every caller abandons when their patience runs out, so the
/// short abandons are the callers whose patience is under the threshold:
/// P(patience < 5 s) = 1 − exp(−5 ÷ 107) ≈ 4.6 % of the abandons.
#[test]
fn short_share_of_abandons_follows_exponential_patience() {
    let s: Scenario = scenario(&file(Some(5.0), "0", ""));
    let mut centre = Centre::new(&s);
    let mut share = Running::default();
    for r in 0..200 {
        let c = centre.run(r);
        let (all, short) = c
            .intervals
            .iter()
            .fold((0, 0), |(a, s), i| (a + i.abandoned, s + i.short_abandoned));
        assert_eq!(all, c.intervals.iter().map(|i| i.offered).sum::<u64>());
        share.push(short as f64 / all as f64);
    }
    crate::common::assert_inside(
        "short share of abandons",
        share.estimate(),
        1.0 - (-5.0f64 / 107.0).exp(),
    );
}

/// A contract written "at most 5 % abandoned, leaving out those under 5 s": callers
/// who hang up at once no longer count against the plan, so it needs fewer agents.
#[test]
fn staff_needs_fewer_agents_when_short_abandons_are_left_out() {
    let plan = |short: Option<f64>| {
        let s = scenario(&file(short, "40", "abandonment_at_most = 0.05"));
        let o = staffing::search(&s, &Options::default(), &|_| {}).expect("the search runs");
        assert!(o.plan.met(), "{short:?}: the plan meets its target");
        o.plan.paid
    };
    let (all, excluding) = (plan(None), plan(Some(5.0)));
    eprintln!("every abandon counts: {all:?}; under 5 s left out: {excluding:?}");
    assert!(
        excluding.iter().sum::<u32>() < all.iter().sum::<u32>(),
        "fewer agents: {excluding:?} against {all:?}"
    );
    assert!(excluding.iter().zip(&all).all(|(e, a)| e <= a));
}
