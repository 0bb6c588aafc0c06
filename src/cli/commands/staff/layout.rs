//! What differs between a centre's staffing report and a one-type file's, as data.

use crate::scenario::{AgentGroup, Scenario};

/// What a report shows of the scenario's types and groups.
pub(super) struct Layout<'a> {
    /// Types and groups are named (a centre's; a one-type file's scenario is its type).
    pub named: bool,
    /// Groups with tables of their own: agents per interval and money per group.
    pub groups: &'a [AgentGroup],
    /// Groups whose agents stand in the type's table instead (the one group serving a
    /// one-type file's one type).
    pub beside: &'a [AgentGroup],
    /// The Erlang plan's name in running text and money.
    pub erlang: &'static str,
    /// The Erlang plan's name on its line of misses.
    pub erlang_plan: &'static str,
    /// The search's start in column heads.
    pub start: &'static str,
    /// What a plan meeting every target does.
    pub met: &'static str,
    /// What follows "in N interval(s)" when misses are counted.
    pub scope: &'static str,
}

impl<'a> Layout<'a> {
    /// The layout of `s`'s report: names and group tables for what it lists.
    pub fn of(s: &'a Scenario) -> Self {
        let (types, groups) = s.listed();
        let named = !types.is_empty();
        Layout {
            named,
            groups,
            beside: if groups.is_empty() { &s.groups } else { &[] },
            erlang: if named { "Erlang start" } else { "SIPP" },
            erlang_plan: if named { "Erlang start" } else { "SIPP plan" },
            start: if named { "start" } else { "SIPP" },
            met: if named {
                "every type meets its targets in every interval"
            } else {
                "every interval meets the targets"
            },
            scope: if named { " of its contact types" } else { "" },
        }
    }
}
