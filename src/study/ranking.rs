//! Which scenario of a study is the cheapest that meets every target, and by how much:
//! scenarios are ranked by operating cost per day (the money the centre spends; the
//! value model's lost value is reported beside it, never ranked on), among those whose
//! mean meets every target of `[targets]` (for a centre, every type's). The cheapest is
//! set against the runner-up that also meets its targets and against the baseline, as
//! paired differences of cost per day and per contact with their 95 % intervals. A pure
//! function of the report, like the comparisons. A stress test (`role = "stress"`) is a
//! shock applied to the current plan, not a plan to choose: it is left out of the ranking
//! and read as a risk instead, by how far its service level and abandonment move from the
//! baseline's.

use serde::Serialize;

use crate::compare::{compare, Difference};
use crate::metrics::Metric;
use crate::report::{Report, ScenarioReport};

/// The ranking of a study's scenarios.
#[derive(Debug, Clone, Serialize)]
pub struct Ranking {
    /// How scenarios were ranked, in words.
    pub criterion: String,
    /// Names of the scenarios that meet every target, cheapest first.
    pub meeting_targets: Vec<String>,
    /// Names of the scenarios that miss some target, in report order.
    pub missing_targets: Vec<String>,
    /// The cheapest scenario that meets every target, if any does.
    pub cheapest: Option<String>,
    /// The cheapest against the runner-up and the baseline (when they are other scenarios).
    pub against: Vec<Margin>,
    /// The stress tests, never ranked, each read as a risk against the baseline.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stress_tests: Vec<Risk>,
}

/// What a stress test does to the centre: `stress − baseline`, so a fall is negative.
#[derive(Debug, Clone, Serialize)]
pub struct Risk {
    /// The stress test's name.
    pub scenario: String,
    /// Service level, stress − baseline (`None` without a baseline).
    pub service_level: Option<Difference>,
    /// Abandonment, stress − baseline (`None` without a baseline).
    pub abandonment: Option<Difference>,
}

/// The cheapest scenario against another: `cheapest − other`, so a negative cost is a saving.
#[derive(Debug, Clone, Serialize)]
pub struct Margin {
    /// The other scenario's name.
    pub other: String,
    /// `"runner-up"`, `"baseline"` or `"runner-up and baseline"`.
    pub role: String,
    /// Whether the two ran with the same seed (paired intervals).
    pub paired: bool,
    /// Operating cost per day, cheapest − other.
    pub cost_total: Difference,
    /// Operating cost per contact, cheapest − other.
    pub cost_per_contact: Difference,
}

/// Whether `s` meets every target it has (judged on the mean, as the reports do); a
/// scenario with no targets meets them trivially.
pub fn meets_targets(s: &ScenarioReport) -> bool {
    match &s.types {
        Some(types) => types.iter().all(|t| {
            t.targets
                .checks()
                .into_iter()
                .all(|(m, _, _)| t.targets.met(m, &t.metrics.get(m)) != Some(false))
        }),
        None => s
            .targets
            .checks()
            .into_iter()
            .all(|(m, _, _)| s.targets.met(m, &s.metrics.get(m)) != Some(false)),
    }
}

/// Ranks the scenarios of `report`; `baseline` is the index of the baseline scenario.
/// A study of one scenario has nothing to rank: `None`.
pub fn rank(report: &Report, baseline: Option<usize>) -> Option<Ranking> {
    if report.scenarios.len() < 2 {
        return None;
    }
    let cost = |s: &ScenarioReport| s.metrics.get(Metric::CostTotal).mean;
    let options: Vec<usize> = (0..report.scenarios.len())
        .filter(|&i| !report.scenarios[i].is_stress())
        .collect();
    let mut meeting: Vec<usize> = options
        .iter()
        .copied()
        .filter(|&i| meets_targets(&report.scenarios[i]))
        .collect();
    // Stable sort: equal costs keep the report's order.
    meeting.sort_by(|&a, &b| cost(&report.scenarios[a]).total_cmp(&cost(&report.scenarios[b])));
    let mut against: Vec<(usize, String)> = Vec::new();
    if let Some(&runner_up) = meeting.get(1) {
        against.push((runner_up, "runner-up".into()));
    }
    if let (Some(&best), Some(b)) = (meeting.first(), baseline) {
        if b != best {
            match against.iter_mut().find(|(i, _)| *i == b) {
                Some((_, role)) => *role = "runner-up and baseline".into(),
                None => against.push((b, "baseline".into())),
            }
        }
    }
    let against = match meeting.first() {
        Some(&best) => against
            .into_iter()
            .map(|(i, role)| {
                let c = compare(&report.scenarios[best], &report.scenarios[i]);
                Margin {
                    other: report.scenarios[i].name.clone(),
                    role,
                    paired: c.paired,
                    cost_total: c.metrics.get(Metric::CostTotal),
                    cost_per_contact: c.metrics.get(Metric::CostPerContact),
                }
            })
            .collect(),
        None => Vec::new(),
    };
    Some(Ranking {
        criterion: "lowest operating cost per day among the scenarios whose mean meets every \
                    target (a centre: every type's); lost value is not ranked on"
            .into(),
        cheapest: meeting.first().map(|&i| report.scenarios[i].name.clone()),
        meeting_targets: meeting
            .iter()
            .map(|&i| report.scenarios[i].name.clone())
            .collect(),
        missing_targets: options
            .iter()
            .map(|&i| &report.scenarios[i])
            .filter(|s| !meets_targets(s))
            .map(|s| s.name.clone())
            .collect(),
        against,
        stress_tests: risks(report, baseline),
    })
}

/// Every stress test against the baseline, in report order.
fn risks(report: &Report, baseline: Option<usize>) -> Vec<Risk> {
    let base = baseline.and_then(|b| report.scenarios.get(b));
    report
        .scenarios
        .iter()
        .filter(|s| s.is_stress())
        .map(|s| {
            let c = base.map(|b| compare(s, b));
            Risk {
                scenario: s.name.clone(),
                service_level: c.as_ref().map(|c| c.metrics.get(Metric::ServiceLevel)),
                abandonment: c.as_ref().map(|c| c.metrics.get(Metric::AbandonmentRate)),
            }
        })
        .collect()
}

/// A difference with as many decimals as its significance needs, without the table's star
/// (the sentence says what it means).
fn figure(d: &Difference) -> String {
    crate::number::format_difference("money", d.mean, d.half_width, d.significant())
        .trim_end_matches(" *")
        .to_string()
}

impl Ranking {
    /// One plain sentence for each finding: the cheapest and its margins, or that no
    /// scenario meets every target. Names pass through `name`, which escapes them for the output.
    pub fn sentences(&self, currency: &str, name: &dyn Fn(&str) -> String) -> Vec<String> {
        let mut v = self.option_sentences(currency, name);
        v.extend(self.stress_tests.iter().map(|r| r.sentence(name)));
        v
    }

    fn option_sentences(&self, currency: &str, name: &dyn Fn(&str) -> String) -> Vec<String> {
        let Some(best) = &self.cheapest else {
            return vec![format!(
                "No scenario meets every target: none can be recommended on cost. Missing: {}.",
                self.missing_targets
                    .iter()
                    .map(|n| name(n))
                    .collect::<Vec<_>>()
                    .join(", ")
            )];
        };
        let mut v = vec![format!(
            "Cheapest that meets every target: {} ({} of {} scenarios meet them).",
            name(best),
            self.meeting_targets.len(),
            self.meeting_targets.len() + self.missing_targets.len()
        )];
        for m in &self.against {
            let d = m.cost_total;
            let verdict = if !d.significant() {
                "not significantly different"
            } else if d.mean < 0.0 {
                "cheaper"
            } else {
                "dearer"
            };
            v.push(format!(
                "Against {} ({}): {verdict}; operating cost {} {currency}/day, per contact {} {currency}{}.",
                name(&m.other),
                m.role,
                figure(&d),
                figure(&m.cost_per_contact),
                if m.paired { " (paired 95 % intervals)" } else { " (unpaired: other seed)" }
            ));
        }
        if self.meeting_targets.len() == 1 {
            v.push("It is the only one that meets them: no runner-up to set it against.".into());
        }
        v
    }
}

impl Risk {
    /// "Risk: monday (a stress test: adds no spend, not ranked): service level falls
    /// 13.0 pp ±1.1 against the baseline; abandonment rises 4.2 pp ±0.6."
    pub fn sentence(&self, name: &dyn Fn(&str) -> String) -> String {
        let head = format!(
            "Risk: {} (a stress test: adds no spend, not ranked)",
            name(&self.scenario)
        );
        match (&self.service_level, &self.abandonment) {
            (Some(sl), Some(ab)) => format!(
                "{head}: service level {} against the baseline; abandonment {}.",
                movement(sl),
                movement(ab)
            ),
            _ => format!("{head}: no baseline to read it against."),
        }
    }
}

/// How a share moved, in percentage points: "falls 13.0 pp ±1.1".
fn movement(d: &Difference) -> String {
    let pp = |x: f64| format!("{:.1}", (x * 100.0).abs());
    let hw = if d.half_width.is_finite() {
        format!(" ±{}", pp(d.half_width))
    } else {
        String::new()
    };
    if !d.significant() {
        return format!(
            "does not change significantly ({}{} pp{hw})",
            sign(d.mean),
            pp(d.mean)
        );
    }
    let verb = if d.mean < 0.0 { "falls" } else { "rises" };
    format!("{verb} {} pp{hw}", pp(d.mean))
}

/// The sign of a difference too small to have a verb ("" for zero).
fn sign(x: f64) -> &'static str {
    if x < 0.0 && (x * 1000.0).round() != 0.0 {
        "−"
    } else if x > 0.0 && (x * 1000.0).round() != 0.0 {
        "+"
    } else {
        ""
    }
}
