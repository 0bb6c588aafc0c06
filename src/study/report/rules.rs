//! Which of the contract rules a scenario uses (docs/centres.md, "Rules centres contract
//! on"): listed in the JSON report, the Markdown and HTML notes and `ccsim check`, so a
//! reader knows which conventions the figures follow. Reports list a rule's own figures
//! only where it applies, so every other report keeps its exact columns.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::escape::one_line;
use crate::limits::shown;
use crate::scenario::{Judged, Scenario, Targets, WHOLE_CENTRE};

/// The rules a scenario uses, by the type or group they apply to (`*` for a one-type
/// file's only type); empty when it uses none.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RulesReport {
    /// `[simulation] shared_day_cv`, when above 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared_day_cv: Option<f64>,
    /// `[[types]] moved_from`: each receiving type's source type and share.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub moved_from: BTreeMap<String, MovedReport>,
    /// `short_abandon_s` of each type that sets it.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub short_abandon_s: BTreeMap<String, f64>,
    /// `judged` of each type judged on the day.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub judged: BTreeMap<String, &'static str>,
    /// `email_when_idle` of each group that sets it.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub email_when_idle: BTreeMap<String, u32>,
}

/// One moved volume.
#[derive(Debug, Clone, Serialize)]
pub struct MovedReport {
    /// The type the volume moves from.
    #[serde(rename = "type")]
    pub from: String,
    /// The share of its volumes moved.
    pub share: f64,
}

impl RulesReport {
    /// The rules `s` uses.
    pub fn of(s: &Scenario) -> Self {
        let mut r = RulesReport {
            shared_day_cv: (s.simulation.shared_day_cv > 0.0).then_some(s.simulation.shared_day_cv),
            ..Default::default()
        };
        let mut targets = |name: &str, t: &Targets| {
            if t.short_abandon_s > 0.0 {
                r.short_abandon_s
                    .insert(name.to_string(), t.short_abandon_s);
            }
            if t.judged == Judged::Day {
                r.judged.insert(name.to_string(), t.judged.key());
            }
        };
        // A one-type file's one type is the whole centre.
        let centre = s.is_centre();
        for t in &s.types {
            targets(if centre { &t.name } else { WHOLE_CENTRE }, &t.targets);
        }
        for t in &s.types {
            if let Some((from, share)) = &t.moved_from {
                let m = MovedReport {
                    from: from.clone(),
                    share: *share,
                };
                r.moved_from.insert(t.name.clone(), m);
            }
        }
        for g in s.groups.iter().filter(|g| g.email_when_idle > 0) {
            r.email_when_idle.insert(g.name.clone(), g.email_when_idle);
        }
        r
    }

    /// True when the scenario uses none of the rules.
    pub fn is_empty(&self) -> bool {
        self.shared_day_cv.is_none()
            && self.moved_from.is_empty()
            && self.short_abandon_s.is_empty()
            && self.judged.is_empty()
            && self.email_when_idle.is_empty()
    }

    /// One sentence per rule in use, for reports and `ccsim check` (names on one line).
    pub fn describe(&self) -> Vec<String> {
        let whose = |name: &str| {
            if name == WHOLE_CENTRE {
                String::new()
            } else {
                format!(" (type \"{}\")", one_line(name))
            }
        };
        let mut v = Vec::new();
        if let Some(cv) = self.shared_day_cv {
            v.push(format!(
                "shared_day_cv = {}: one centre-wide day factor multiplies every type's rates",
                shown(cv)
            ));
        }
        for (to, m) in &self.moved_from {
            v.push(format!(
                "moved_from: type \"{}\" takes share {} of \"{}\"'s volumes, which keeps the rest",
                one_line(to),
                shown(m.share),
                one_line(&m.from)
            ));
        }
        for (t, s) in &self.short_abandon_s {
            v.push(format!(
                "short_abandon_s = {}{}: abandons within {} s are short, left out of the abandonment rate and of the service level's denominator",
                shown(*s),
                whose(t),
                shown(*s)
            ));
        }
        for t in self.judged.keys() {
            v.push(format!(
                "judged = \"day\"{}: staff, schedule, the marks and the ranking judge each day's figures, not every interval's",
                whose(t)
            ));
        }
        for (g, n) in &self.email_when_idle {
            v.push(format!(
                "email_when_idle = {n} (group \"{}\"): email is taken only while {n} of its agents stay idle for live contacts",
                one_line(g)
            ));
        }
        v
    }
}

/// Whether some contact type of the scenario counts short abandons (`short_abandon_s`).
pub fn short_abandons_used(s: &Scenario) -> bool {
    s.types.iter().any(|t| t.targets.short_abandon_s > 0.0)
}
