//! Replications on rayon. Each replication derives its own random streams from
//! (seed, replication), and results are folded in replication order, chunk by chunk,
//! so the numbers are bit-identical whatever the number of threads, and memory holds
//! one chunk of per-replication values at a time. A chunk is cut to the replications
//! the memory budget lets be in flight at once (see [`crate::memory`]).

use rayon::prelude::*;

use crate::metrics::{
    centre_values, replication_values, GroupMetricValues, GroupValues, MetricValues, Pricing,
    ReplicationValues, TypeValues, CHAT_FIGURES, EMAIL_FIGURES, GROUP_METRIC_COUNT, METRIC_COUNT,
    SCORES,
};
use crate::metrics::{closed_per_day, DatedValues, DayValues};
use crate::model::{Centre, DayCounters};
use crate::scenario::{Channel, Scenario};
use crate::stats::Running;

/// Replications simulated in parallel before their values are folded in order.
const CHUNK: u32 = 64;

/// What the replications of one scenario measured.
#[derive(Debug, Clone)]
pub struct ScenarioRun {
    /// Running estimate of each day-level metric over replications (the whole centre).
    pub day: Vec<Running>,
    /// Running estimate of each metric per interval of the day.
    pub intervals: Vec<Vec<Running>>,
    /// Each replication's day-level values, in replication order (for paired
    /// comparisons and distributions across days; small: one row per replication).
    pub day_samples: Vec<MetricValues>,
    /// Running estimate of the share of each day's journeys at each score 0..=10.
    pub score_shares: Vec<Running>,
    /// Each contact type of a centre (empty for a one-type file).
    pub types: Vec<TypeRun>,
    /// Each agent group of a centre (empty for a one-type file).
    pub groups: Vec<GroupRun>,
    /// A dated run's closed arrivals and per-day figures (`None` when undated).
    pub dated: Option<DatedRun>,
}

/// What the replications of a dated run measured beyond the usual figures: the whole
/// centre first, then each type of a centre, in every list.
#[derive(Debug, Clone)]
pub struct DatedRun {
    /// Closed arrivals per day over the run.
    pub closed: Vec<Running>,
    /// Each day: every metric, then closed arrivals.
    pub days: Vec<DayRun>,
}

/// One day of a dated run.
#[derive(Debug, Clone)]
pub struct DayRun {
    /// Every metric that day.
    pub metrics: Vec<Vec<Running>>,
    /// Closed arrivals that day.
    pub closed: Vec<Running>,
}

impl DatedRun {
    fn new(scenario: &Scenario) -> Option<Self> {
        scenario.simulation.start_date?;
        let parts = 1 + scenario.listed().0.len();
        Some(DatedRun {
            closed: vec![Running::default(); parts],
            days: (0..scenario.simulation.days)
                .map(|_| DayRun {
                    metrics: vec![vec![Running::default(); METRIC_COUNT]; parts],
                    closed: vec![Running::default(); parts],
                })
                .collect(),
        })
    }

    fn push(&mut self, v: &DatedValues) {
        push_all(&mut self.closed, &v.closed);
        for (acc, day) in self.days.iter_mut().zip(&v.days) {
            for (m, x) in acc.metrics.iter_mut().zip(&day.metrics) {
                push_all(m, x);
            }
            push_all(&mut acc.closed, &day.closed);
        }
    }
}

/// What the replications measured for one contact type.
#[derive(Debug, Clone)]
pub struct TypeRun {
    /// Each day-level metric.
    pub day: Vec<Running>,
    /// Each metric per interval.
    pub intervals: Vec<Vec<Running>>,
    /// Share of the type's journeys at each score 0..=10.
    pub score_shares: Vec<Running>,
    /// An email type's figures (see [`crate::metrics::EMAIL_FIGURES`]); empty otherwise.
    pub channel: Vec<Running>,
    /// Each replication's day-level values, in replication order (for the change cost
    /// of a comparison and the day-to-day charts).
    pub day_samples: Vec<MetricValues>,
}

/// What the replications measured for one agent group.
#[derive(Debug, Clone)]
pub struct GroupRun {
    /// Each group figure (see [`crate::metrics::GROUP_METRICS`]).
    pub day: Vec<Running>,
    /// Share of busy time per type served.
    pub busy_share: Vec<Running>,
    /// Occupancy per interval.
    pub occupancy: Vec<Running>,
    /// A chat group's figures (see [`crate::metrics::CHAT_FIGURES`]); empty otherwise.
    pub chat: Vec<Running>,
    /// Each replication's group figures, in replication order (for the change cost).
    pub day_samples: Vec<GroupMetricValues>,
}

/// Adds each value of `xs` to its running statistic in `acc`.
pub(crate) fn push_all<'a>(acc: &mut [Running], xs: impl IntoIterator<Item = &'a f64>) {
    for (a, x) in acc.iter_mut().zip(xs) {
        a.push(*x);
    }
}

impl TypeRun {
    fn new(n: usize, channel: Channel) -> Self {
        let figures = match channel {
            Channel::Email => EMAIL_FIGURES.len() + n,
            _ => 0,
        };
        TypeRun {
            day: vec![Running::default(); METRIC_COUNT],
            intervals: vec![vec![Running::default(); METRIC_COUNT]; n],
            score_shares: vec![Running::default(); SCORES],
            channel: vec![Running::default(); figures],
            day_samples: Vec::new(),
        }
    }

    fn push(&mut self, v: &TypeValues) {
        push_all(&mut self.day, &v.day);
        for (acc, x) in self.intervals.iter_mut().zip(&v.intervals) {
            push_all(acc, x);
        }
        push_all(&mut self.score_shares, &v.score_shares);
        push_all(&mut self.channel, &v.channel);
        self.day_samples.push(v.day);
    }
}

impl GroupRun {
    fn new(types_served: usize, n: usize, chat: bool) -> Self {
        GroupRun {
            day: vec![Running::default(); GROUP_METRIC_COUNT],
            busy_share: vec![Running::default(); types_served],
            occupancy: vec![Running::default(); n],
            chat: vec![Running::default(); if chat { CHAT_FIGURES.len() } else { 0 }],
            day_samples: Vec::new(),
        }
    }

    fn push(&mut self, v: &GroupValues) {
        push_all(&mut self.day, &v.day);
        push_all(&mut self.busy_share, &v.busy_share);
        push_all(&mut self.occupancy, &v.occupancy);
        push_all(&mut self.chat, &v.chat);
        self.day_samples.push(v.day);
    }
}

/// The values of one replication: a one-type file's figures are its one type's, priced
/// directly (the same figures as splitting its one group's time among one type, pinned
/// bit for bit); a centre's are priced type by type and group by group. A dated run also
/// gets its closed arrivals and each day's values.
fn values(pricing: &Pricing, centre: &mut Centre<'_>, replication: u32) -> ReplicationValues {
    let mut v = if pricing.by_type {
        centre.run(replication);
        let types: Vec<_> = centre.type_counters().collect();
        let groups: Vec<_> = centre.group_counters().collect();
        centre_values(centre.counters(), &types, &groups, pricing)
    } else {
        replication_values(centre.run(replication), &pricing.types[0])
    };
    if let Some(days) = centre.day_counters() {
        v.dated = Some(Box::new(dated(pricing, centre, &days)));
    }
    v
}

/// One day's values of a replication, from that day's counters.
pub(crate) fn day_values(pricing: &Pricing, d: &DayCounters) -> ReplicationValues {
    if pricing.by_type {
        let types: Vec<_> = d.types.iter().collect();
        let groups: Vec<_> = d.groups.iter().collect();
        centre_values(&d.total, &types, &groups, pricing)
    } else {
        replication_values(&d.total, &pricing.types[0])
    }
}

/// A dated run's closed arrivals and per-day values, from each day's counters.
fn dated(pricing: &Pricing, centre: &Centre<'_>, days: &[DayCounters]) -> DatedValues {
    let mut closed = vec![closed_per_day(centre.counters())];
    if pricing.by_type {
        closed.extend(centre.type_counters().map(closed_per_day));
    }
    let days = days
        .iter()
        .map(|d| {
            let v = day_values(pricing, d);
            let mut metrics = vec![v.day];
            let mut closed = vec![closed_per_day(&d.total)];
            if pricing.by_type {
                metrics.extend(v.types.iter().map(|t| t.day));
                closed.extend(d.types.iter().map(closed_per_day));
            }
            DayValues { metrics, closed }
        })
        .collect();
    DatedValues { closed, days }
}

impl ScenarioRun {
    /// A run of no replication yet, shaped for `scenario`.
    pub fn empty(scenario: &Scenario) -> Self {
        let n = scenario.intervals();
        let mut run = ScenarioRun {
            day: vec![Running::default(); METRIC_COUNT],
            intervals: vec![vec![Running::default(); METRIC_COUNT]; n],
            day_samples: Vec::with_capacity(scenario.simulation.replications as usize),
            score_shares: vec![Running::default(); SCORES],
            types: Vec::new(),
            groups: Vec::new(),
            dated: DatedRun::new(scenario),
        };
        let (types, groups) = scenario.listed();
        run.types = types.iter().map(|t| TypeRun::new(n, t.channel)).collect();
        run.groups = groups
            .iter()
            .map(|g| {
                let chat = g
                    .serves
                    .iter()
                    .any(|&t| scenario.types[t].channel == Channel::Chat);
                GroupRun::new(g.serves.len(), n, chat)
            })
            .collect();
        run
    }

    /// Folds in the next replication's values: replications must come in order for the
    /// figures to be the same bit for bit.
    pub fn push(&mut self, v: ReplicationValues) {
        push_all(&mut self.score_shares, &v.score_shares);
        push_all(&mut self.day, &v.day);
        for (accs, values) in self.intervals.iter_mut().zip(&v.intervals) {
            push_all(accs, values);
        }
        for (acc, t) in self.types.iter_mut().zip(&v.types) {
            acc.push(t);
        }
        for (acc, g) in self.groups.iter_mut().zip(&v.groups) {
            acc.push(g);
        }
        if let (Some(acc), Some(d)) = (&mut self.dated, &v.dated) {
            acc.push(d);
        }
        self.day_samples.push(v.day);
    }

    /// Replications folded in so far.
    pub fn replications(&self) -> u32 {
        self.day_samples.len() as u32
    }
}

/// The progress units one replication of `scenario` makes: its simulated intervals (days
/// × intervals), so a long horizon's bar moves within a replication.
pub fn progress_units(scenario: &Scenario) -> u64 {
    u64::from(scenario.simulation.days) * scenario.intervals() as u64
}

/// Simulates the given replications of `scenario` in parallel, chunk by chunk, and hands
/// each one's values to `sink` in the order given; `progress` is told of each simulated
/// interval ([`progress_units`] per replication).
pub fn simulate_replications(
    scenario: &Scenario,
    replications: &[u32],
    progress: &(dyn Fn(u64) + Sync),
    mut sink: impl FnMut(ReplicationValues),
) {
    let pricing = Pricing::of(scenario);
    // A chunk of k replications has at most k in flight: fewer when they are large.
    let chunk_len = (CHUNK as usize).min(crate::memory::in_flight(scenario, false));
    for chunk in replications.chunks(chunk_len) {
        let values: Vec<ReplicationValues> = chunk
            .par_iter()
            .map_init(
                || {
                    let mut centre = Centre::new(scenario);
                    centre.report_progress(progress);
                    centre
                },
                |centre, &r| values(&pricing, centre, r),
            )
            .collect();
        values.into_iter().for_each(&mut sink);
    }
}

/// Adds replications `from..to` to `run`, in order.
pub fn extend_run(
    run: &mut ScenarioRun,
    scenario: &Scenario,
    from: u32,
    to: u32,
    progress: &(dyn Fn(u64) + Sync),
) {
    let reps: Vec<u32> = (from..to).collect();
    simulate_replications(scenario, &reps, progress, |v| run.push(v));
}

/// Simulates every replication of `scenario`; `progress` is told of each simulated interval.
pub fn run_scenario(scenario: &Scenario, progress: &(dyn Fn(u64) + Sync)) -> ScenarioRun {
    let mut run = ScenarioRun::empty(scenario);
    extend_run(
        &mut run,
        scenario,
        0,
        scenario.simulation.replications,
        progress,
    );
    run
}

/// Runs `f` on a rayon pool of `threads` workers (all cores when `None`).
pub fn with_threads<T: Send>(threads: Option<usize>, f: impl FnOnce() -> T + Send) -> T {
    match threads {
        None => f(),
        Some(t) => rayon::ThreadPoolBuilder::new()
            .num_threads(t)
            .build()
            .expect("a thread pool can be built")
            .install(f),
    }
}
