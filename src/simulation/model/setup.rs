//! What the model needs to know of each contact type and agent group, read once from the
//! validated scenario, so the event handlers index small vectors instead of asking the
//! scenario. A file without `[[types]]` is one type served by one group.

#[path = "absence.rs"]
pub(super) mod absence;

use super::arrivals::DayVariation;
use crate::dist::Duration;
use crate::scenario::{
    Callback, Channel, ContactType, Handling, Pick, Redial, Resolution, Satisfaction, Scenario,
    SelfService, Staffing,
};

/// A routing step as the model uses it: the route, and the routed type's position in
/// the group's `serves`, so that an answer needs no lookup.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct RouteStep {
    pub group: usize,
    pub after_s: f64,
    pub served: usize,
}

/// A contact type as the model sees it.
pub(super) struct TypeSpec<'a> {
    pub volumes: &'a [f64],
    /// The day factor's CV and the week's day factors (named for the CV it first held).
    pub day_cv: DayVariation<'a>,
    pub handling: &'a Handling,
    pub patience: Option<&'a Duration>,
    /// Patience factor per interval of arrival, when the file gives them.
    pub patience_factors: Option<&'a [f64]>,
    pub self_service: Option<&'a SelfService>,
    pub callback: Option<&'a Callback>,
    pub redial: Option<&'a Redial>,
    pub resolution: Option<&'a Resolution>,
    pub satisfaction: &'a Satisfaction,
    pub sl_threshold_s: f64,
    /// Abandons within this many seconds of waiting are short (0 = none are).
    pub short_abandon_s: f64,
    /// Groups in routing order.
    pub routes: Vec<RouteStep>,
    /// True when some group may answer only after a delay (eligibility events are needed).
    pub delayed_routes: bool,
    pub channel: Channel,
}

/// An agent group as the model sees it.
pub(super) struct GroupSpec {
    /// Productive agents per interval of the day.
    pub productive: Vec<u32>,
    /// Paid agent-seconds per interval of the day.
    pub paid_s: Vec<f64>,
    /// By shifts with absence or shifts on some days only: the staffing of each day,
    /// which then replaces `productive` and `paid_s`.
    pub by_day: Option<absence::RosterDays>,
    /// Types served, highest priority first.
    pub serves: Vec<usize>,
    /// Seconds a contact of `serves[k]` must have waited before this group may answer it.
    pub after_s: Vec<f64>,
    pub pick: Pick,
    /// Position in `serves` of each type of the centre (`u16::MAX` when not served).
    pub local: Vec<u16>,
    /// True when some type served is chat or email (the channel-aware serving applies).
    pub channels: bool,
    /// Whether each type served is chat, and is email (by position in `serves`).
    pub chat: Vec<bool>,
    pub email: Vec<bool>,
    /// Most chats an agent holds, for a group serving chat.
    pub chat_slots: Option<u32>,
    /// Agents kept idle for live contacts when the group takes an email (0 = none).
    pub email_when_idle: u32,
}

impl GroupSpec {
    /// Position of type `t` in `serves`.
    #[inline]
    pub fn local(&self, t: usize) -> usize {
        let k = self.local[t];
        debug_assert!(k != u16::MAX, "a group is asked only about types it serves");
        usize::from(k)
    }
}

/// `local` of a group serving `serves` in a centre of `types` types.
fn local_positions(serves: &[usize], types: usize) -> Vec<u16> {
    let mut local = vec![u16::MAX; types];
    for (k, &t) in serves.iter().enumerate() {
        local[t] = k as u16;
    }
    local
}

/// A type as the model sees it, from its tables.
fn type_spec(sc: &ContactType) -> TypeSpec<'_> {
    let routes = &sc.routing;
    TypeSpec {
        channel: sc.channel,
        volumes: &sc.arrivals.volumes,
        day_cv: DayVariation {
            cv: sc.arrivals.day_cv,
            factors: &sc.arrivals.day_factors,
            by_day: sc.arrivals.by_day.as_deref(),
        },
        handling: &sc.handling,
        patience: sc.patience.as_ref(),
        patience_factors: sc.patience_factors.as_deref(),
        self_service: sc.self_service.as_ref(),
        callback: sc.callback.as_ref(),
        redial: sc.redial.as_ref(),
        resolution: sc.resolution.as_ref(),
        satisfaction: &sc.satisfaction,
        sl_threshold_s: sc.targets.sl_within_s,
        short_abandon_s: sc.targets.short_abandon_s,
        delayed_routes: routes.iter().any(|r| r.after_s > 0.0),
        routes: routes
            .iter()
            .map(|r| RouteStep {
                group: r.group,
                after_s: r.after_s,
                served: 0,
            })
            .collect(),
    }
}

/// A group as the model sees it (`index`: its place among the groups).
fn group_spec(
    (index, staffing): (usize, &Staffing),
    serves: Vec<usize>,
    pick: Pick,
    types: &[TypeSpec],
    interval_s: f64,
) -> GroupSpec {
    let n = staffing.paid.len();
    let (productive, paid_s, by_day) = match &staffing.roster {
        None => (
            (0..n).map(|i| staffing.productive(i)).collect(),
            staffing
                .paid
                .iter()
                .map(|p| f64::from(*p) * interval_s)
                .collect(),
            None,
        ),
        // The same shifts every day, everyone present: a fixed day, like agents per interval.
        Some(r) if r.absenteeism == 0.0 && !r.varies_by_day() => {
            let c = r.day_cover(0);
            (
                c.floor
                    .iter()
                    .map(|&m| r.productive(m, staffing.shrinkage))
                    .collect(),
                c.paid.iter().map(|&m| m as f64 * 60.0).collect(),
                None,
            )
        }
        Some(r) => (
            vec![0; n],
            vec![0.0; n],
            Some(absence::RosterDays::new(r, staffing.shrinkage, index)),
        ),
    };
    GroupSpec {
        productive,
        paid_s,
        by_day,
        local: local_positions(&serves, types.len()),
        channels: serves.iter().any(|&t| types[t].channel != Channel::Voice),
        chat: serves
            .iter()
            .map(|&t| types[t].channel == Channel::Chat)
            .collect(),
        email: serves
            .iter()
            .map(|&t| types[t].channel == Channel::Email)
            .collect(),
        chat_slots: None,
        email_when_idle: 0,
        after_s: Vec::new(),
        serves,
        pick,
    }
}

/// The types and groups of a scenario, read once.
pub(super) fn specs(sc: &Scenario) -> (Vec<TypeSpec<'_>>, Vec<GroupSpec>) {
    let interval_s = sc.simulation.interval_s();
    let types: Vec<TypeSpec> = sc.types.iter().map(type_spec).collect();
    let mut groups: Vec<GroupSpec> = sc
        .groups
        .iter()
        .enumerate()
        .map(|(k, g)| {
            let mut spec = group_spec(
                (k, &g.staffing),
                g.serves.clone(),
                g.pick,
                &types,
                interval_s,
            );
            if spec.chat.contains(&true) {
                spec.chat_slots = Some(g.chat_slots);
            }
            spec.email_when_idle = g.email_when_idle;
            spec
        })
        .collect();
    let mut types = types;
    // Each group's delay for each type it serves, from that type's routing.
    for (gi, g) in groups.iter_mut().enumerate() {
        g.after_s = g
            .serves
            .iter()
            .map(|&t| {
                types[t]
                    .routes
                    .iter()
                    .find(|r| r.group == gi)
                    .map_or(0.0, |r| r.after_s)
            })
            .collect();
    }
    for (t, spec) in types.iter_mut().enumerate() {
        for r in &mut spec.routes {
            r.served = groups[r.group].local(t);
        }
    }
    (types, groups)
}
