//! Satisfaction and value: journeys scored exactly as the formula says when there is no
//! noise, CSAT and lost value moving the right way when agents are removed (common
//! random numbers), and paired intervals far narrower than unpaired ones.

use crate::common;

use ccsim::metrics::Metric;
use ccsim::model::simulate_replication;
use ccsim::report::ScenarioReport;
use ccsim::stats::Running;
use common::{day, report, scenario};

fn one_queue(agents: u32, extra: &str) -> String {
    format!(
        r#"
[simulation]
replications = 5
seed = 17
interval_minutes = 60
days = 1
[arrivals]
volumes = [30, 30]
[handling]
time = {{ dist = "fixed", value_s = 120 }}
[patience]
time = {{ dist = "fixed", value_s = 90 }}
[staffing]
agents = {agents}
[value]
customer_lifetime_value = 1000
churn = {{ detractor = 0.2, passive = 0.1, promoter = 0.05 }}
{extra}
"#
    )
}

const NO_NOISE: &str = "[satisfaction]\nnoise_sd = 0.0";

#[test]
fn a_customer_served_at_once_scores_the_rounded_base() {
    // 30 agents for 30 calls an hour of 2 minutes each: nobody ever waits.
    let s = scenario(&one_queue(30, NO_NOISE));
    for rep in 0..5 {
        let t = simulate_replication(&s, rep).day_total();
        assert_eq!(t.delayed, 0);
        let j = &t.journeys;
        // 8.5 rounds (half away from zero) to 9: a promoter.
        assert_eq!(j.scores[9], j.journeys, "{:?}", j.scores);
    }
    let r = report(&s);
    assert_eq!(day(&r, Metric::Csat).mean, 100.0);
    assert_eq!(day(&r, Metric::Nps).mean, 100.0);
    // The reported distribution of scores: every journey at 9, on every day.
    for (score, e) in r.score_distribution.iter().enumerate() {
        let expected = if score == 9 { 1.0 } else { 0.0 };
        assert_eq!((e.mean, e.half_width), (expected, 0.0), "score {score}");
    }
    // Every customer is a promoter: lost value = journeys × 0.05 × 1000.
    let lost = day(&r, Metric::LostValue).mean;
    assert!((lost - day(&r, Metric::Journeys).mean * 50.0).abs() < 1e-6);
}

#[test]
fn a_caller_nobody_answers_scores_what_the_penalties_add_up_to() {
    // No agents: every caller waits the full 90 s patience, abandons and gives up:
    // 8.5 − 0.4 × 1.5 − 2.5 − 3.0 = 2.4 → 2, a detractor.
    let s = scenario(&one_queue(0, NO_NOISE));
    let t = simulate_replication(&s, 0).day_total();
    assert_eq!(t.journeys.scores[2], t.journeys.journeys);
    assert_eq!(t.journeys.gave_up, t.journeys.journeys);
    // With one redial (probability 1) after 10 minutes: two waits of 1.5 min, two
    // abandonments, one extra contact: 8.5 − 1.2 − 5.0 − 1.0 − 3.0 = −1.7 → 0.
    let s = scenario(&one_queue(
        0,
        &format!("{NO_NOISE}\n[redial]\nprobability = 1.0\ndelay = {{ dist = \"fixed\", value_s = 600 }}\nmax_attempts = 2"),
    ));
    let t = simulate_replication(&s, 0).day_total();
    let j = &t.journeys;
    // Callers whose redial falls after closing are carried over, still open, scored as
    // they stand: 8.5 − 0.6 − 2.5 = 5.4 → 5 (no unresolved penalty: not ended).
    assert_eq!(j.scores[0], j.journeys - j.still_open, "{:?}", j.scores);
    assert_eq!(j.scores[5], j.still_open);
    assert!(j.still_open > 0 && j.still_open < j.journeys);
    let r = report(&s);
    assert_eq!(day(&r, Metric::Csat).mean, 0.0);
    assert_eq!(day(&r, Metric::Nps).mean, -100.0);
    // The reported distribution: shares of every day's journeys, so they add up to 1;
    // 0 for the journeys that ended, 5 (or 6 for callers cut off at closing after less
    // than 1.25 min of waiting) for those still open; nothing else is possible.
    let d = &r.score_distribution;
    assert!(d[0].mean > 0.5 && d[5].mean > 0.0, "{d:?}");
    let total: f64 = d.iter().map(|e| e.mean).sum();
    assert!((total - 1.0).abs() < 1e-12, "{d:?}");
    assert!(d
        .iter()
        .enumerate()
        .all(|(k, e)| [0, 5, 6].contains(&k) || e.mean == 0.0));
}

fn congested(agents: &str) -> String {
    format!(
        r#"
[simulation]
replications = 60
seed = 23
interval_minutes = 30
[arrivals]
volumes = [100, 160, 200, 200, 160, 100]
[handling]
time = {{ dist = "lognormal", mean_s = 240, cv = 1.0 }}
[patience]
time = {{ dist = "exponential", mean_s = 150 }}
[staffing]
agents = {agents}
[redial]
probability = 0.4
delay = {{ dist = "exponential", mean_s = 600 }}
[value]
customer_lifetime_value = 900
"#
    )
}

fn paired(a: &ScenarioReport, b: &ScenarioReport, m: Metric) -> Running {
    let mut r = Running::default();
    for (x, y) in a.day_samples.iter().zip(&b.day_samples) {
        r.push(x[m as usize] - y[m as usize]);
    }
    r
}

#[test]
fn removing_agents_never_raises_csat_nor_lowers_lost_value() {
    let plans = [
        "[18, 24, 28, 28, 24, 18]",
        "[17, 23, 27, 27, 23, 17]",
        "[16, 22, 26, 26, 22, 16]",
        "[14, 20, 24, 24, 20, 14]",
    ];
    let reports: Vec<_> = plans
        .iter()
        .map(|p| report(&scenario(&congested(p))))
        .collect();
    for w in reports.windows(2) {
        let (more, fewer) = (&w[0], &w[1]);
        let csat = paired(fewer, more, Metric::Csat).estimate();
        let lost = paired(fewer, more, Metric::LostValue).estimate();
        eprintln!(
            "CSAT {:+.3} ± {:.3}, lost value {:+.1} ± {:.1}",
            csat.mean, csat.half_width, lost.mean, lost.half_width
        );
        assert!(
            csat.mean - csat.half_width <= 0.0,
            "CSAT rose beyond noise: {csat:?}"
        );
        assert!(
            lost.mean + lost.half_width >= 0.0,
            "lost value fell beyond noise: {lost:?}"
        );
    }
    // Over the whole range the harm is clear, not just "not the other way".
    let csat = paired(&reports[3], &reports[0], Metric::Csat).estimate();
    assert!(csat.mean + csat.half_width < 0.0, "{csat:?}");
}

#[test]
fn paired_intervals_are_much_narrower_than_unpaired_ones() {
    let a = report(&scenario(&congested("[16, 22, 26, 26, 22, 16]")));
    let b = report(&scenario(&congested("[16, 22, 27, 26, 22, 16]")));
    let d = paired(&b, &a, Metric::ServiceLevel).estimate();
    let (ha, hb) = (
        day(&a, Metric::ServiceLevel).half_width,
        day(&b, Metric::ServiceLevel).half_width,
    );
    let unpaired = (ha * ha + hb * hb).sqrt();
    let ratio = d.half_width / unpaired;
    eprintln!(
        "SL difference {:+.4}: paired ± {:.4}, unpaired ± {:.4}, ratio {ratio:.3}",
        d.mean, d.half_width, unpaired
    );
    assert!(ratio < 0.25, "paired/unpaired half-width ratio {ratio}");
    assert!(
        d.mean - d.half_width > 0.0,
        "one more agent raises SL, and pairing shows it"
    );
}
