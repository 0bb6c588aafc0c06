//! `intervals-<slug>`: one scenario's day, interval by interval. Top panel: contacts
//! offered (bars; with self-service, the share reaching agents in front) against paid
//! and productive agents (lines, right axis), so a planner
//! sees where staffing lags demand. Below: service level, then abandonment on an axis
//! of its own scaled to its data (on the 0-100 % axis it read as a flat line), each with
//! its 95 % whiskers (clipped to 0-100 %) and its target; the captions say what the
//! lines are, so no legend sits on the data of a long day of short intervals.
//!
//! `intervals-<slug>-<type>`: the same for one contact type of a centre. Agents belong
//! to groups, not types, so the line is the paid agent time allocated to the type by
//! the busy time it used (what its cost per contact is priced on).

mod demand;
mod shares;

use demand::demand;
use shares::{abandonment, service};

use plotters::coord::Shift;
use plotters::prelude::*;

use super::common::{
    interval_axis, interval_labels, interval_range, interval_start, limit_of, tick, IntervalAxis,
    FONT, TARGET,
};
use super::style::{self, Frame, HouseMesh, Legend};
use super::DrawResult;
use crate::escape::one_line;
use crate::metrics::Metric;
use crate::report::{Metrics, ScenarioReport, TargetsReport, TypeReport};

const OFFERED: RGBColor = RGBColor(120, 170, 215);
const PRODUCTIVE: RGBColor = RGBColor(230, 110, 0);
const PAID: RGBColor = RGBColor(110, 110, 110);
const SL: RGBColor = RGBColor(31, 119, 180);
const ABANDON: RGBColor = RGBColor(148, 60, 170);

/// The agents drawn against demand.
pub(super) enum Agents {
    /// Scheduled, per interval: (paid, productive).
    Scheduled(Vec<(u32, u32)>),
    /// Mean paid agents allocated to a contact type by busy time, per interval.
    Allocated(Vec<f64>),
}

/// What the chart draws: a title, one row per interval, agents and targets.
pub(super) struct Day<'a> {
    title: String,
    /// Each interval's start (`HH:MM`) and estimates.
    rows: Vec<(&'a str, &'a Metrics)>,
    agents: Agents,
    targets: &'a TargetsReport,
    /// Whether its customers can abandon (an email type's cannot: no panel for it).
    abandons: bool,
}

impl<'a> Day<'a> {
    /// The day of a whole scenario (a centre's: every type and group together).
    pub(super) fn of_scenario(s: &'a ScenarioReport) -> Self {
        Day {
            title: format!(
                "{}: demand, staffing and service by interval",
                super::common::name(s)
            ),
            rows: s
                .intervals
                .iter()
                .map(|iv| (iv.start.as_str(), &iv.metrics))
                .collect(),
            agents: Agents::Scheduled(
                s.intervals
                    .iter()
                    .map(|iv| (iv.paid_agents, iv.productive_agents))
                    .collect(),
            ),
            targets: &s.targets,
            abandons: true,
        }
    }

    /// The day of contact type `t` of centre `s`, judged on the type's own targets.
    pub(super) fn of_type(s: &'a ScenarioReport, t: &'a TypeReport) -> Self {
        let hours = f64::from(s.interval_minutes) / 60.0;
        Day {
            title: format!(
                "{} · {}: demand, agents and service by interval",
                super::common::name(s),
                one_line(&t.name)
            ),
            rows: t
                .intervals
                .iter()
                .map(|iv| (iv.start.as_str(), &iv.metrics))
                .collect(),
            // The last interval's paid hours hold the overtime after closing: taken out,
            // so the line shows the agents of the interval itself.
            agents: Agents::Allocated(
                t.intervals
                    .iter()
                    .map(|iv| {
                        let paid = iv.metrics.get(Metric::PaidAgentHours).mean;
                        let overtime = iv.metrics.get(Metric::OvertimeAgentHours).mean;
                        (paid - overtime) / hours
                    })
                    .collect(),
            ),
            targets: &t.targets,
            abandons: t.channel != "email",
        }
    }
}

/// Draws the chart of `day` on `root`.
pub(super) fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, day: &Day) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let area = root.margin(10, 0, 10, 10).titled(&day.title, (FONT, 32))?;
    let h = area.dim_in_pixel().1;
    if !day.abandons {
        let (top, bottom) = area.split_vertically(h * 55 / 100);
        demand(&top, day)?;
        return service(&bottom, day, true);
    }
    let (top, rest) = area.split_vertically(h * 42 / 100);
    let (middle, bottom) = rest.split_vertically(h * 30 / 100);
    demand(&top, day)?;
    service(&middle, day, false)?;
    abandonment(&bottom, day)
}

/// The interval start under tick `x`, or nothing between intervals.
fn start_label<'a>(d: &'a Day) -> impl Fn(&f64) -> String + 'a {
    interval_start(d.rows.len(), move |i| d.rows[i].0)
}

/// The x axis: one slot per interval, ticks on round clock times.
fn x_axis(d: &Day) -> IntervalAxis {
    let starts: Vec<&str> = d.rows.iter().map(|(s, _)| *s).collect();
    interval_axis(&starts)
}

fn x_range(d: &Day) -> std::ops::Range<f64> {
    interval_range(d.rows.len())
}

fn x_labels(d: &Day) -> usize {
    interval_labels(d.rows.len())
}
