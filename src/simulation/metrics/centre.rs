//! A centre's figures per contact type and per agent group (docs/centres.md). Each group's
//! paid time is priced at its own rate and
//! allocated to the types it serves by the busy time each used in it, interval by
//! interval (idle time in the same proportion); the fixed cost goes by offered share.
//! Each type is then priced by its own tables, and the centre's money and satisfaction
//! are the sums over its types, so the parts always add up to the whole.

use super::counters::{GroupCounters, ReplicationCounters};
use super::values::{ratio, score_shares, values, Priced, TypePricing};
use super::{Kind, MetricDef, ReplicationValues, TypeValues};
use crate::scenario::{Channel, Scenario};

/// How one agent group is priced.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupPricing {
    /// Loaded cost of one paid agent hour of this group.
    pub agent_hour: f64,
    /// Types served (indices into the centre's types), in `serves` order.
    pub serves: Vec<usize>,
    /// Most chats an agent holds, for a group serving chat.
    pub chat_slots: Option<u32>,
    /// Whether each type served is chat.
    pub chat: Vec<bool>,
}

/// How a scenario turns counters into money: each type by its own tables, each group
/// at its own rate.
#[derive(Debug, Clone, PartialEq)]
pub struct Pricing {
    /// Each type by its own tables (self-service, callback, satisfaction, value).
    pub types: Vec<TypePricing>,
    /// Each group's rate and skills.
    pub groups: Vec<GroupPricing>,
    /// Each type's channel.
    pub channels: Vec<Channel>,
    /// Whether figures per type and per group are kept (see [`Scenario::listed`]).
    pub by_type: bool,
}

impl Pricing {
    /// The pricing of a scenario.
    pub fn of(s: &Scenario) -> Self {
        Pricing {
            types: s
                .types
                .iter()
                .map(|t| TypePricing::of(&s.costs, t))
                .collect(),
            channels: s.types.iter().map(|t| t.channel).collect(),
            by_type: !s.listed().0.is_empty(),
            groups: s
                .groups
                .iter()
                .map(|g| {
                    let chat: Vec<bool> = g
                        .serves
                        .iter()
                        .map(|&t| s.types[t].channel == Channel::Chat)
                        .collect();
                    GroupPricing {
                        agent_hour: g.agent_hour,
                        serves: g.serves.clone(),
                        chat_slots: chat.contains(&true).then_some(g.chat_slots),
                        chat,
                    }
                })
                .collect(),
        }
    }
}

/// The figures reported for each agent group, in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(usize)]
pub enum GroupMetric {
    /// Busy time over productive time while open.
    Occupancy,
    /// Paid hours per day, overtime included.
    PaidAgentHours,
    /// Hours worked after closing per day.
    OvertimeAgentHours,
    /// Hours spent handling contacts per day, overtime included.
    BusyAgentHours,
    /// Paid hours at the group's rate, per day.
    CostTotal,
}

/// Definitions of the group figures, indexed by `GroupMetric as usize`.
pub const GROUP_METRICS: &[MetricDef] = &[
    MetricDef {
        key: "occupancy",
        kind: Kind::Ratio,
        label: "Occupancy",
        unit: "%",
    },
    MetricDef {
        key: "paid_agent_hours",
        kind: Kind::Count,
        label: "Paid agent hours",
        unit: "h",
    },
    MetricDef {
        key: "overtime_agent_hours",
        kind: Kind::Count,
        label: "Overtime agent hours",
        unit: "h",
    },
    MetricDef {
        key: "busy_agent_hours",
        kind: Kind::Count,
        label: "Busy agent hours",
        unit: "h",
    },
    MetricDef {
        key: "cost_total",
        kind: Kind::Count,
        label: "Cost total",
        unit: "money",
    },
];

/// Number of group figures.
pub const GROUP_METRIC_COUNT: usize = 5;

/// One value per group figure.
pub type GroupMetricValues = [f64; GROUP_METRIC_COUNT];

/// One agent group's values in one replication.
#[derive(Debug, Clone)]
pub struct GroupValues {
    /// Day-level figures.
    pub day: GroupMetricValues,
    /// Share of the group's busy time spent on each type it serves (in `serves` order).
    pub busy_share: Vec<f64>,
    /// Occupancy per interval of the day.
    pub occupancy: Vec<f64>,
    /// A chat group's figures ([`CHAT_FIGURES`](super::CHAT_FIGURES)); empty otherwise.
    pub chat: Vec<f64>,
}

/// The values of one replication of a centre: the whole centre (`total`, what the
/// model's run returned), each type (agent time already allocated by the model), and
/// each group.
pub fn centre_values(
    total: &ReplicationCounters,
    types: &[&ReplicationCounters],
    groups: &[&GroupCounters],
    pricing: &Pricing,
) -> ReplicationValues {
    let n = total.intervals.len();
    let days = total.days;
    let (agent_money, overtime_money) = agent_money(types.len(), n, groups, pricing);
    let fixed_day = pricing.types[0].costs.fixed_per_day * f64::from(days);
    let offered: Vec<u64> = types
        .iter()
        .map(|t| t.intervals.iter().map(|c| c.offered).sum())
        .collect();
    let all: u64 = offered.iter().sum();
    let fixed_share = |t: usize| {
        if all > 0 {
            offered[t] as f64 / all as f64
        } else {
            1.0 / types.len() as f64
        }
    };
    let mut day_priced = Priced::default();
    let mut interval_priced = vec![Priced::default(); n];
    let type_values = types
        .iter()
        .enumerate()
        .map(|(t, r)| {
            let p = &pricing.types[t];
            let fixed = fixed_day * fixed_share(t);
            let intervals = r
                .intervals
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let (overtime_s, overtime_cost) = if i + 1 == n {
                        (r.overtime_agent_s, overtime_money[t])
                    } else {
                        (0.0, 0.0)
                    };
                    let priced =
                        p.price(c, agent_money[t * n + i] + overtime_cost, fixed / n as f64);
                    interval_priced[i] += priced;
                    values(c, overtime_s, &priced, days)
                })
                .collect();
            let day_total = r.day_total();
            let agent: f64 = agent_money[t * n..(t + 1) * n].iter().sum();
            let priced = p.price(&day_total, agent + overtime_money[t], fixed);
            day_priced += priced;
            TypeValues {
                day: values(&day_total, r.overtime_agent_s, &priced, days),
                intervals,
                score_shares: score_shares(&day_total),
                channel: match pricing.channels[t] {
                    Channel::Email => super::channels::email_values(r),
                    _ => Vec::new(),
                },
            }
        })
        .collect();
    let day_total = total.day_total();
    let live = super::channels::live_counters(types, &pricing.channels);
    let intervals = total
        .intervals
        .iter()
        .zip(&interval_priced)
        .enumerate()
        .map(|(i, (c, priced))| {
            let overtime = if i + 1 == n {
                total.overtime_agent_s
            } else {
                0.0
            };
            let mut v = values(c, overtime, priced, days);
            if let Some(live) = &live {
                super::channels::live_headline(&mut v, &live.intervals[i], days);
            }
            v
        })
        .collect();
    let mut day = values(&day_total, total.overtime_agent_s, &day_priced, days);
    if let Some(live) = &live {
        super::channels::live_headline(&mut day, &live.day_total(), days);
    }
    ReplicationValues {
        day,
        intervals,
        score_shares: score_shares(&day_total),
        types: type_values,
        groups: groups
            .iter()
            .zip(&pricing.groups)
            .map(|(g, p)| {
                let mut v = group_values(g, p.agent_hour, days);
                if let Some(slots) = p.chat_slots {
                    v.chat = super::channels::chat_values(g, slots, &p.chat);
                }
                v
            })
            .collect(),
        dated: None,
    }
}

/// Each type's agent cost per interval (index `t × intervals + i`) and of its overtime:
/// every group's paid time at the group's rate, shared by busy time.
fn agent_money(
    types: usize,
    n: usize,
    groups: &[&GroupCounters],
    pricing: &Pricing,
) -> (Vec<f64>, Vec<f64>) {
    let mut per_interval = vec![0.0; types * n];
    let mut overtime = vec![0.0; types];
    for (g, p) in groups.iter().zip(&pricing.groups) {
        for (k, &t) in p.serves.iter().enumerate() {
            for i in 0..n {
                per_interval[t * n + i] += p.agent_hour * g.paid_s[i] * g.share(k, i) / 3600.0;
            }
            overtime[t] += p.agent_hour * g.overtime_s[k] / 3600.0;
        }
    }
    (per_interval, overtime)
}

/// A group's figures for one replication of `days` days.
fn group_values(g: &GroupCounters, agent_hour: f64, days: u32) -> GroupValues {
    let types = g.overtime_s.len();
    let per_day = 1.0 / f64::from(days.max(1));
    let paid: f64 = g.paid_s.iter().sum();
    let productive: f64 = g.productive_s.iter().sum();
    let busy_by_type: Vec<f64> = (0..types)
        .map(|k| (0..g.intervals).map(|i| g.busy(k, i)).sum::<f64>() + g.overtime_s[k])
        .collect();
    let busy_open: f64 = g.busy_s.iter().sum();
    let overtime: f64 = g.overtime_s.iter().sum();
    let busy_all: f64 = busy_by_type.iter().sum();
    let mut day = [f64::NAN; GROUP_METRIC_COUNT];
    day[GroupMetric::Occupancy as usize] = ratio(busy_open, productive);
    day[GroupMetric::PaidAgentHours as usize] = (paid + overtime) / 3600.0 * per_day;
    day[GroupMetric::OvertimeAgentHours as usize] = overtime / 3600.0 * per_day;
    day[GroupMetric::BusyAgentHours as usize] = busy_all / 3600.0 * per_day;
    day[GroupMetric::CostTotal as usize] = agent_hour * (paid + overtime) / 3600.0 * per_day;
    GroupValues {
        day,
        busy_share: busy_by_type.iter().map(|b| ratio(*b, busy_all)).collect(),
        occupancy: (0..g.intervals)
            .map(|i| ratio(g.busy_total(i), g.productive_s[i]))
            .collect(),
        chat: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Costs;

    fn pricing(rate_a: f64, rate_b: f64) -> Pricing {
        let p = TypePricing {
            costs: Costs {
                given: true,
                currency: "EUR".into(),
                agent_hour: 20.0,
                per_handled_minute: 0.0,
                per_queued_minute: 0.0,
                fixed_per_day: 100.0,
                fte_hours_per_day: 8.0,
                open_days_per_year: 250.0,
            },
            cost_per_session: 0.0,
            cost_per_attempt: 0.0,
            positive_from: 8,
            value: None,
        };
        Pricing {
            types: vec![p.clone(), p],
            channels: vec![Channel::Voice; 2],
            by_type: true,
            groups: vec![
                GroupPricing {
                    agent_hour: rate_a,
                    serves: vec![0],
                    chat_slots: None,
                    chat: vec![false],
                },
                GroupPricing {
                    agent_hour: rate_b,
                    serves: vec![0, 1],
                    chat_slots: None,
                    chat: vec![false; 2],
                },
            ],
        }
    }

    #[test]
    fn group_time_is_priced_at_its_rate_and_split_by_busy_time() {
        // One interval of an hour. Group A (rate 20) serves type 0 only: 2 paid hours.
        // Group B (rate 30) serves both: 4 paid hours, busy 1 h on type 0 and 3 h on type 1.
        let mut a = GroupCounters::new(1, 1);
        a.paid_s[0] = 7200.0;
        a.productive_s[0] = 7200.0;
        a.busy_s[0] = 3600.0;
        let mut b = GroupCounters::new(2, 1);
        b.paid_s[0] = 14_400.0;
        b.productive_s[0] = 14_400.0;
        b.busy_s[0] = 3600.0;
        b.busy_s[1] = 3.0 * 3600.0;
        let mut t0 = ReplicationCounters::new(1);
        t0.intervals[0].offered = 30;
        t0.intervals[0].paid_agent_s = 7200.0 + 3600.0;
        t0.days = 1;
        let mut t1 = ReplicationCounters::new(1);
        t1.intervals[0].offered = 70;
        t1.intervals[0].paid_agent_s = 3.0 * 3600.0;
        t1.days = 1;
        let mut total = t0.clone();
        total.merge(&t1);
        total.days = 1;
        let v = centre_values(&total, &[&t0, &t1], &[&a, &b], &pricing(20.0, 30.0));
        let cost = |x: &super::super::MetricValues| x[super::super::Metric::CostTotal as usize];
        // Type 0: 2 h × 20 + 1 h × 30 + 30 % of the fixed 100; type 1: 3 h × 30 + 70 %.
        assert_eq!(cost(&v.types[0].day), 40.0 + 30.0 + 30.0);
        assert_eq!(cost(&v.types[1].day), 90.0 + 70.0);
        assert_eq!(cost(&v.day), cost(&v.types[0].day) + cost(&v.types[1].day));
        assert_eq!(cost(&v.intervals[0]), cost(&v.day));
        assert_eq!(v.groups[0].day[GroupMetric::CostTotal as usize], 40.0);
        assert_eq!(v.groups[1].day[GroupMetric::CostTotal as usize], 120.0);
        assert_eq!(v.groups[1].busy_share, vec![0.25, 0.75]);
        assert_eq!(v.groups[1].day[GroupMetric::Occupancy as usize], 1.0);
        assert_eq!(v.groups[0].day[GroupMetric::Occupancy as usize], 0.5);
    }

    #[test]
    fn group_metric_keys_match_their_order() {
        assert_eq!(GROUP_METRICS.len(), GROUP_METRIC_COUNT);
        assert_eq!(
            GROUP_METRICS[GroupMetric::CostTotal as usize].key,
            "cost_total"
        );
        assert_eq!(
            GROUP_METRICS[GroupMetric::Occupancy as usize].key,
            "occupancy"
        );
    }
}
